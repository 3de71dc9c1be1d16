/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * "icmpecho" engine: answers ARP requests (RFC 826) and ICMP echo
 * requests (RFC 792) on the port they came in; drops everything else.
 */
#include <rte_arp.h>
#include <rte_byteorder.h>
#include <rte_icmp.h>
#include <rte_ip.h>

#include "testpmd.h"

static struct rte_ether_addr port_macs[TESTPMD_MAX_PORTS];

static int
icmpecho_port_begin(uint16_t port_id)
{
	return rte_eth_macaddr_get(port_id, &port_macs[port_id]);
}

static bool
arp_reply(struct rte_ether_hdr *eth, uint16_t port_id, uint8_t *end)
{
	struct rte_arp_hdr *arp = (struct rte_arp_hdr *)(eth + 1);
	uint32_t ip;

	if ((uint8_t *)(arp + 1) > end ||
		arp->arp_opcode != rte_cpu_to_be_16(RTE_ARP_OP_REQUEST))
		return false;
	arp->arp_opcode = rte_cpu_to_be_16(RTE_ARP_OP_REPLY);
	/* The requester becomes the target; we answer for the asked IP. */
	rte_ether_addr_copy(&arp->arp_data.arp_sha, &arp->arp_data.arp_tha);
	rte_ether_addr_copy(&port_macs[port_id], &arp->arp_data.arp_sha);
	ip = arp->arp_data.arp_sip;
	arp->arp_data.arp_sip = arp->arp_data.arp_tip;
	arp->arp_data.arp_tip = ip;
	rte_ether_addr_copy(&eth->src_addr, &eth->dst_addr);
	rte_ether_addr_copy(&port_macs[port_id], &eth->src_addr);
	return true;
}

static bool
icmp_reply(struct rte_ether_hdr *eth, uint8_t *end)
{
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	struct rte_icmp_hdr *icmp;
	struct rte_ether_addr mac;
	uint32_t addr, sum;

	if ((uint8_t *)(ip + 1) > end || ip->next_proto_id != IPPROTO_ICMP)
		return false;
	icmp = (struct rte_icmp_hdr *)((uint8_t *)ip +
		(ip->version_ihl & 0xf) * 4);
	if ((uint8_t *)(icmp + 1) > end ||
		icmp->icmp_type != RTE_IP_ICMP_ECHO_REQUEST ||
		icmp->icmp_code != 0)
		return false;
	rte_ether_addr_copy(&eth->src_addr, &mac);
	rte_ether_addr_copy(&eth->dst_addr, &eth->src_addr);
	rte_ether_addr_copy(&mac, &eth->dst_addr);
	addr = ip->src_addr;
	ip->src_addr = ip->dst_addr;
	ip->dst_addr = addr;
	icmp->icmp_type = RTE_IP_ICMP_ECHO_REPLY;
	/* Incremental update (RFC 1624): type 8 -> 0 adds 0x0800. */
	sum = (uint32_t)(~rte_be_to_cpu_16(icmp->icmp_cksum) & 0xffff);
	sum += 0xffff - (RTE_IP_ICMP_ECHO_REQUEST << 8);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	icmp->icmp_cksum = rte_cpu_to_be_16((uint16_t)~sum);
	return true;
}

static void
icmpecho_packet_fwd(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx, nb_reply = 0, i;

	nb_rx = fwd_stream_rx(fs, pkts);
	if (nb_rx == 0)
		return;
	for (i = 0; i < nb_rx; i++) {
		struct rte_mbuf *m = pkts[i];
		struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m,
			struct rte_ether_hdr *);
		uint8_t *end = (uint8_t *)eth + rte_pktmbuf_data_len(m);
		bool reply = false;

		if ((uint8_t *)(eth + 1) <= end) {
			if (eth->ether_type ==
				rte_cpu_to_be_16(RTE_ETHER_TYPE_ARP))
				reply = arp_reply(eth, fs->rx_port, end);
			else if (eth->ether_type ==
				rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4))
				reply = icmp_reply(eth, end);
		}
		if (reply)
			pkts[nb_reply++] = m;
		else
			rte_pktmbuf_free(m);
	}
	if (nb_reply == 0)
		return;
	/* Replies leave by the port they came in. */
	nb_rx = rte_eth_tx_burst(fs->rx_port, fs->rx_queue % cfg.nb_txq, pkts,
		nb_reply);
	fs->tx_packets += nb_rx;
	if (cfg.record_burst_stats && nb_rx > 0)
		fs->tx_burst_spread[nb_rx]++;
	if (nb_rx < nb_reply) {
		fs->fwd_dropped += nb_reply - nb_rx;
		rte_pktmbuf_free_bulk(&pkts[nb_rx], nb_reply - nb_rx);
	}
}

const struct fwd_engine icmp_echo_engine = {
	.name = "icmpecho",
	.port_begin = icmpecho_port_begin,
	.packet_fwd = icmpecho_packet_fwd,
};
