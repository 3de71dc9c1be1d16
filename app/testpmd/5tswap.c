/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * "5tswap" engine: swaps source and destination at L2, at L3 (IPv4)
 * and at L4 (UDP or TCP), so a packet goes back where it came from.
 */
#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "testpmd.h"

static void
swap_l4(struct rte_ipv4_hdr *ip, uint8_t *end)
{
	uint8_t *l4 = (uint8_t *)ip + (ip->version_ihl & 0xf) * 4;
	uint16_t tmp;

	if (ip->next_proto_id == IPPROTO_UDP &&
		l4 + sizeof(struct rte_udp_hdr) <= end) {
		struct rte_udp_hdr *udp = (struct rte_udp_hdr *)l4;

		tmp = udp->src_port;
		udp->src_port = udp->dst_port;
		udp->dst_port = tmp;
	} else if (ip->next_proto_id == IPPROTO_TCP &&
		l4 + sizeof(struct rte_tcp_hdr) <= end) {
		struct rte_tcp_hdr *tcp = (struct rte_tcp_hdr *)l4;

		tmp = tcp->src_port;
		tcp->src_port = tcp->dst_port;
		tcp->dst_port = tmp;
	}
}

static void
swap_packet(struct rte_mbuf *m)
{
	struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	uint8_t *end = (uint8_t *)eth + rte_pktmbuf_data_len(m);
	struct rte_ether_addr mac;
	struct rte_ipv4_hdr *ip;
	uint32_t addr;

	rte_ether_addr_copy(&eth->dst_addr, &mac);
	rte_ether_addr_copy(&eth->src_addr, &eth->dst_addr);
	rte_ether_addr_copy(&mac, &eth->src_addr);
	ip = (struct rte_ipv4_hdr *)(eth + 1);
	if (eth->ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) ||
		(uint8_t *)(ip + 1) > end)
		return;
	addr = ip->src_addr;
	ip->src_addr = ip->dst_addr;
	ip->dst_addr = addr;
	swap_l4(ip, end);
}

static void
five_tuple_swap_packet_fwd(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx, i;

	nb_rx = fwd_stream_rx(fs, pkts);
	if (nb_rx == 0)
		return;
	for (i = 0; i < nb_rx; i++)
		swap_packet(pkts[i]);
	fwd_stream_tx(fs, pkts, nb_rx);
}

const struct fwd_engine five_tuple_swap_engine = {
	.name = "5tswap",
	.packet_fwd = five_tuple_swap_packet_fwd,
};
