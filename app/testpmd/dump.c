/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * "set verbose N": one line per burst and two per packet, in the layout
 * of DPDK's testpmd (bit 0 of N: what is received, bit 1: what is about
 * to be sent). The software packet type is parsed here from the frame.
 */
#include <stdio.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ip.h>
#include <rte_mbuf_ptype.h>
#include <rte_tcp.h>

#include "testpmd.h"

struct dump_hdr_lens {
	uint32_t l2_len;
	uint32_t l3_len;
	uint32_t l4_len;
};

static uint32_t
dump_l4_ptype(const struct rte_mbuf *m, uint8_t proto, uint32_t offset,
	bool fragment, struct dump_hdr_lens *lens)
{
	const struct rte_tcp_hdr *tcp;

	if (fragment)
		return RTE_PTYPE_L4_FRAG;
	switch (proto) {
	case IPPROTO_UDP:
		lens->l4_len = 8;
		return RTE_PTYPE_L4_UDP;
	case IPPROTO_TCP:
		if (rte_pktmbuf_data_len(m) < offset + sizeof(*tcp))
			return RTE_PTYPE_L4_TCP;
		tcp = rte_pktmbuf_mtod_offset(m, const struct rte_tcp_hdr *,
			offset);
		lens->l4_len = (tcp->data_off >> 4) * 4u;
		return RTE_PTYPE_L4_TCP;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return RTE_PTYPE_L4_ICMP;
	default:
		return 0;
	}
}

/* Ethernet, IPv4/IPv6 and UDP/TCP/ICMP from the first segment. */
static uint32_t
dump_sw_ptype(const struct rte_mbuf *m, struct dump_hdr_lens *lens)
{
	const struct rte_ether_hdr *eth;
	const struct rte_ipv4_hdr *ip4;
	const struct rte_ipv6_hdr *ip6;
	uint32_t len = rte_pktmbuf_data_len(m), off = sizeof(*eth);
	uint16_t type;

	memset(lens, 0, sizeof(*lens));
	if (len < sizeof(*eth))
		return 0;
	eth = rte_pktmbuf_mtod(m, const struct rte_ether_hdr *);
	type = rte_be_to_cpu_16(eth->ether_type);
	lens->l2_len = off;
	if (type == RTE_ETHER_TYPE_ARP)
		return RTE_PTYPE_L2_ETHER_ARP;
	if (type == RTE_ETHER_TYPE_IPV4 && len >= off + sizeof(*ip4)) {
		ip4 = rte_pktmbuf_mtod_offset(m, const struct rte_ipv4_hdr *,
			off);
		lens->l3_len = (ip4->version_ihl & 0xf) * 4u;
		return RTE_PTYPE_L2_ETHER |
			(lens->l3_len == 20 ? RTE_PTYPE_L3_IPV4 :
					      RTE_PTYPE_L3_IPV4_EXT) |
			dump_l4_ptype(m, ip4->next_proto_id, off + lens->l3_len,
				(rte_be_to_cpu_16(ip4->fragment_offset) &
					0x3fff) != 0,
				lens);
	}
	if (type == RTE_ETHER_TYPE_IPV6 && len >= off + sizeof(*ip6)) {
		ip6 = rte_pktmbuf_mtod_offset(m, const struct rte_ipv6_hdr *,
			off);
		lens->l3_len = sizeof(*ip6);
		return RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6 |
			dump_l4_ptype(m, ip6->proto, off + lens->l3_len, false,
				lens);
	}
	return RTE_PTYPE_L2_ETHER;
}

static void
dump_pkt(const struct rte_mbuf *m, uint16_t queue_id, bool rx)
{
	const struct rte_ether_hdr *eth;
	struct dump_hdr_lens lens;
	char text[256];
	uint32_t ptype;

	if (rte_pktmbuf_data_len(m) < sizeof(*eth))
		return;
	eth = rte_pktmbuf_mtod(m, const struct rte_ether_hdr *);
	printf("  src=" RTE_ETHER_ADDR_PRT_FMT " - dst=" RTE_ETHER_ADDR_PRT_FMT,
		RTE_ETHER_ADDR_BYTES(&eth->src_addr),
		RTE_ETHER_ADDR_BYTES(&eth->dst_addr));
	printf(" - pool=%s - type=0x%04x - length=%u - nb_segs=%u",
		m->pool != NULL ? m->pool->name : "?",
		rte_be_to_cpu_16(eth->ether_type), rte_pktmbuf_pkt_len(m),
		m->nb_segs);
	if ((m->ol_flags & RTE_MBUF_F_RX_RSS_HASH) != 0)
		printf(" - RSS hash=0x%x - RSS queue=0x%x", m->hash.rss,
			queue_id);
	if (m->packet_type != 0 &&
		rte_get_ptype_name(m->packet_type, text, sizeof(text)) >= 0)
		printf(" - hw ptype: %s", text);
	ptype = dump_sw_ptype(m, &lens);
	if (rte_get_ptype_name(ptype, text, sizeof(text)) >= 0)
		printf(" - sw ptype: %s", text);
	if (lens.l2_len != 0)
		printf(" - l2_len=%u", lens.l2_len);
	if (lens.l3_len != 0)
		printf(" - l3_len=%u", lens.l3_len);
	if (lens.l4_len != 0)
		printf(" - l4_len=%u", lens.l4_len);
	printf(" - %s queue=0x%x\n", rx ? "Receive" : "Send", queue_id);
	if ((rx ? rte_get_rx_ol_flag_list(m->ol_flags, text, sizeof(text)) :
		  rte_get_tx_ol_flag_list(m->ol_flags, text, sizeof(text))) == 0)
		printf("  ol_flags: %s\n", text);
}

void
pkt_burst_dump(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **pkts,
	uint16_t nb_pkts, bool rx)
{
	uint16_t i;

	/* One burst at a time, whole, when several lcores forward. */
	flockfile(stdout);
	printf("port %u/queue %u: %s %u packets\n", port_id, queue_id,
		rx ? "received" : "sent", nb_pkts);
	for (i = 0; i < nb_pkts; i++)
		dump_pkt(pkts[i], queue_id, rx);
	funlockfile(stdout);
}
