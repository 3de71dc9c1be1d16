/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The UDP/IPv4 packet that txonly and flowgen send: Ethernet from the
 * Tx port to its peer, IPv4 --tx-ip, UDP --tx-udp, segments --txpkts.
 */
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_udp.h>

#include "testpmd.h"

#define TXPKT_HDR_LEN \
	(sizeof(struct rte_ether_hdr) + sizeof(struct rte_ipv4_hdr) + \
		sizeof(struct rte_udp_hdr))

/* Source MACs, read once per stream start rather than per packet. */
static struct rte_ether_addr tx_port_macs[TESTPMD_MAX_PORTS];
/* Each Tx port's headers for the configured source address and port,
 * checksum included: a packet copies them and patches what differs. */
static uint8_t tx_port_hdrs[TESTPMD_MAX_PORTS][TXPKT_HDR_LEN];

static uint32_t
txpkt_total_len(void)
{
	uint32_t len = 0;
	unsigned int i;

	for (i = 0; i < cfg.nb_tx_segs; i++)
		len += cfg.tx_seg_len[i];
	return len;
}

static void
txpkt_headers(struct fwd_stream *fs, uint8_t *data, uint32_t pkt_len,
	uint32_t src_ip, uint16_t src_port)
{
	struct rte_ether_hdr *eth = (struct rte_ether_hdr *)data;
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	struct rte_udp_hdr *udp = (struct rte_udp_hdr *)(ip + 1);

	rte_ether_addr_copy(&tx_port_macs[fs->tx_port], &eth->src_addr);
	rte_ether_addr_copy(&cfg.peer[fs->tx_port], &eth->dst_addr);
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	memset(ip, 0, sizeof(*ip));
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->total_length = rte_cpu_to_be_16((uint16_t)(pkt_len - sizeof(*eth)));
	ip->src_addr = rte_cpu_to_be_32(src_ip);
	ip->dst_addr = rte_cpu_to_be_32(cfg.tx_ip_dst);
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	udp->src_port = rte_cpu_to_be_16(src_port);
	udp->dst_port = rte_cpu_to_be_16(cfg.tx_udp_dst);
	udp->dgram_len = rte_cpu_to_be_16(
		(uint16_t)(pkt_len - sizeof(*eth) - sizeof(*ip)));
	udp->dgram_cksum = 0;
}

void
txpkt_stream_init(struct fwd_stream *fs)
{
	rte_eth_macaddr_get(fs->tx_port, &tx_port_macs[fs->tx_port]);
	txpkt_headers(fs, tx_port_hdrs[fs->tx_port], txpkt_total_len(),
		cfg.tx_ip_src, cfg.tx_udp_src);
}

/* The stream's headers, with another source address or port if asked. */
static void
txpkt_headers_copy(struct fwd_stream *fs, uint8_t *data, uint32_t src_ip,
	uint16_t src_port)
{
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *udp;

	memcpy(data, tx_port_hdrs[fs->tx_port], TXPKT_HDR_LEN);
	ip = (struct rte_ipv4_hdr *)(data + sizeof(struct rte_ether_hdr));
	udp = (struct rte_udp_hdr *)(ip + 1);
	if (src_ip != cfg.tx_ip_src) {
		ip->src_addr = rte_cpu_to_be_32(src_ip);
		ip->hdr_checksum = 0;
		ip->hdr_checksum = rte_ipv4_cksum(ip);
	}
	if (src_port != cfg.tx_udp_src)
		udp->src_port = rte_cpu_to_be_16(src_port);
}

/*
 * Lays the packet out in head (a fresh mbuf): the headers copied from the
 * stream's, further --txpkts segments chained. As dpdk-testpmd does, the
 * payload bytes are left as the mbufs hold them. Returns -1 (head's chain
 * to be freed by the caller) when the pool runs dry.
 */
int
txpkt_fill(struct fwd_stream *fs, struct rte_mbuf *head, uint32_t src_ip,
	uint16_t src_port)
{
	struct rte_mbuf *seg;
	unsigned int i;
	char *data;

	data = rte_pktmbuf_append(head, cfg.tx_seg_len[0]);
	if (data == NULL || cfg.tx_seg_len[0] < TXPKT_HDR_LEN)
		return -1;
	txpkt_headers_copy(fs, (uint8_t *)data, src_ip, src_port);
	for (i = 1; i < cfg.nb_tx_segs; i++) {
		seg = rte_pktmbuf_alloc(fs->pool);
		if (seg == NULL)
			return -1;
		if (rte_pktmbuf_append(seg, cfg.tx_seg_len[i]) == NULL ||
			rte_pktmbuf_chain(head, seg) != 0) {
			rte_pktmbuf_free(seg);
			return -1;
		}
	}
	return 0;
}

struct rte_mbuf *
txpkt_build(struct fwd_stream *fs, uint32_t src_ip, uint16_t src_port)
{
	struct rte_mbuf *head = rte_pktmbuf_alloc(fs->pool);

	if (head != NULL && txpkt_fill(fs, head, src_ip, src_port) != 0) {
		rte_pktmbuf_free(head);
		head = NULL;
	}
	return head;
}
