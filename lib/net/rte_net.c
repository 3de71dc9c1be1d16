/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Software packet-type parsing (rte_net.h). Headers are read through
 * rte_pktmbuf_read(), so they may span segments, and a header cut short
 * ends the parse with what was found so far. Each layer is parsed only
 * when the caller's layers mask asks for it.
 *
 *   Ethernet [VLAN | QinQ (2 tags) | MPLS labels]
 *     -> IPv4 [options] | IPv6 [extension headers]
 *          -> UDP | TCP | SCTP | ICMP | fragment
 *          -> GRE [checksum, key, sequence] -> Ethernet (NVGRE/TEB) | IP
 *          -> IP in IP
 *               -> inner IPv4 | IPv6 -> inner L4
 */
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_mbuf_ptype.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "rte_net.h"

#define NET_IPV6_EXT_MAX    8		/* extension headers followed */
#define NET_MPLS_LABELS_MAX 5		/* labels skipped to the bottom */
#define NET_MPLS_BOTTOM	    0x00000100u /* S bit of a label entry */
#define NET_GRE_CSUM	    0x8000u	/* flags of the GRE header */
#define NET_GRE_KEY	    0x2000u
#define NET_GRE_SEQ	    0x1000u
#define NET_GRE_VERSION	    0x0007u
#define NET_SCTP_HDR_LEN    12
#define NET_ICMP_HDR_LEN    8
#define NET_IPV4_MF	    0x2000u /* fragment_offset field */
#define NET_IPV4_OFFSET	    0x1FFFu

/* The fixed part of a GRE header (RFC 2784, RFC 2890). */
struct net_gre_hdr {
	rte_be16_t flags;
	rte_be16_t proto;
};

/* Where the parse is: the packet, its offset, what was found. */
struct net_parse {
	const struct rte_mbuf *m;
	uint32_t off;
	uint32_t layers;
	uint32_t ptype;
	struct rte_net_hdr_lens *lens;
};

/* The bytes at p->off, copied to buf if they span segments; NULL if short. */
static const void *
net_read(const struct net_parse *p, uint32_t len, void *buf)
{
	return rte_pktmbuf_read(p->m, p->off, len, buf);
}

int
rte_net_skip_ip6_ext(uint16_t proto, const struct rte_mbuf *m, uint32_t *off,
	int *frag)
{
	uint8_t ext[2];
	const uint8_t *e;
	unsigned int i;

	*frag = 0;
	for (i = 0; i < NET_IPV6_EXT_MAX; i++) {
		if (proto != IPPROTO_HOPOPTS && proto != IPPROTO_ROUTING &&
			proto != IPPROTO_DSTOPTS && proto != IPPROTO_FRAGMENT)
			return proto;
		e = rte_pktmbuf_read(m, *off, sizeof(ext), ext);
		if (e == NULL)
			return -1;
		if (proto == IPPROTO_FRAGMENT) {
			*frag = 1;
			*off += 8; /* fixed size (RFC 8200, 4.5) */
		} else {
			*off += (e[1] + 1u) * 8; /* length in 8 bytes, less 8 */
		}
		proto = e[0];
	}
	return -1;
}

/* L4 ptype of an IP protocol number, and its header length. */
static uint32_t
net_l4_ptype(const struct net_parse *p, uint8_t proto, uint8_t *len)
{
	struct rte_tcp_hdr tcp_buf;
	const struct rte_tcp_hdr *tcp;

	switch (proto) {
	case IPPROTO_UDP:
		*len = sizeof(struct rte_udp_hdr);
		return RTE_PTYPE_L4_UDP;
	case IPPROTO_TCP:
		tcp = net_read(p, sizeof(*tcp), &tcp_buf);
		*len = tcp == NULL ? 0 : (uint8_t)((tcp->data_off >> 4) * 4);
		return RTE_PTYPE_L4_TCP;
	case IPPROTO_SCTP:
		*len = NET_SCTP_HDR_LEN;
		return RTE_PTYPE_L4_SCTP;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		*len = NET_ICMP_HDR_LEN;
		return RTE_PTYPE_L4_ICMP;
	default:
		*len = 0;
		return RTE_PTYPE_L4_NONFRAG;
	}
}

/*
 * Parses an IP header at p->off (IPv4 when ipv4). Returns the L3 ptype
 * (0 if short) and sets *proto (-1 for a fragment), *l3_len.
 */
static uint32_t
net_parse_ip(struct net_parse *p, int ipv4, int *proto, uint16_t *l3_len)
{
	struct rte_ipv4_hdr ip4_buf;
	struct rte_ipv6_hdr ip6_buf;
	const struct rte_ipv4_hdr *ip4;
	const struct rte_ipv6_hdr *ip6;
	uint32_t off;
	int frag;

	if (ipv4) {
		ip4 = net_read(p, sizeof(*ip4), &ip4_buf);
		if (ip4 == NULL)
			return 0;
		*l3_len = rte_ipv4_hdr_len(ip4);
		*proto = ip4->next_proto_id;
		if (rte_be_to_cpu_16(ip4->fragment_offset) &
			(NET_IPV4_MF | NET_IPV4_OFFSET))
			*proto = -1;
		return *l3_len == sizeof(*ip4) ? RTE_PTYPE_L3_IPV4 :
						 RTE_PTYPE_L3_IPV4_EXT;
	}
	ip6 = net_read(p, sizeof(*ip6), &ip6_buf);
	if (ip6 == NULL)
		return 0;
	off = p->off + sizeof(*ip6);
	*proto = rte_net_skip_ip6_ext(ip6->proto, p->m, &off, &frag);
	*l3_len = (uint16_t)(off - p->off);
	if (*proto >= 0 && frag)
		*proto = -1;
	return *l3_len == sizeof(*ip6) ? RTE_PTYPE_L3_IPV6 :
					 RTE_PTYPE_L3_IPV6_EXT;
}

/* Inner L4 ptypes are the outer ones shifted up by this many bits. */
#define NET_INNER_L4_SHIFT 16

/*
 * Parses IP and L4 at p->off; inner selects the inner ptypes and
 * lengths. Returns 0 or, for a tunnel protocol, its IP protocol number
 * (IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_IPV6) left for the caller.
 */
static int
net_parse_l3_l4(struct net_parse *p, int ipv4, int inner)
{
	uint32_t l3_mask = inner ? RTE_PTYPE_INNER_L3_MASK : RTE_PTYPE_L3_MASK;
	uint32_t l4_mask = inner ? RTE_PTYPE_INNER_L4_MASK : RTE_PTYPE_L4_MASK;
	uint32_t l3, l4;
	uint16_t l3_len = 0;
	uint8_t l4_len;
	int proto;

	if (!(p->layers & l3_mask))
		return 0;
	l3 = net_parse_ip(p, ipv4, &proto, &l3_len);
	if (l3 == 0)
		return 0;
	/* Inner L3 values: IPv4 0x1, IPv4 ext 0x2, IPv6 0x3, IPv6 ext 0x4. */
	if (inner)
		l3 = l3 == RTE_PTYPE_L3_IPV4 ? RTE_PTYPE_INNER_L3_IPV4 :
			l3 == RTE_PTYPE_L3_IPV4_EXT ?
					       RTE_PTYPE_INNER_L3_IPV4_EXT :
			l3 == RTE_PTYPE_L3_IPV6 ? RTE_PTYPE_INNER_L3_IPV6 :
						  RTE_PTYPE_INNER_L3_IPV6_EXT;
	p->ptype |= l3;
	if (p->lens != NULL)
		*(inner ? &p->lens->inner_l3_len : &p->lens->l3_len) = l3_len;
	p->off += l3_len;
	if (!(p->layers & l4_mask))
		return 0;
	if (proto < 0) {
		p->ptype |= inner ? RTE_PTYPE_INNER_L4_FRAG : RTE_PTYPE_L4_FRAG;
		return 0;
	}
	if (!inner &&
		(proto == IPPROTO_GRE || proto == IPPROTO_IPIP ||
			proto == IPPROTO_IPV6))
		return proto;
	l4 = net_l4_ptype(p, (uint8_t)proto, &l4_len);
	p->ptype |= inner ? l4 << NET_INNER_L4_SHIFT : l4;
	if (p->lens != NULL)
		*(inner ? &p->lens->inner_l4_len : &p->lens->l4_len) = l4_len;
	return 0;
}

/*
 * Skips Ethernet and its tags at p->off. Returns the EtherType after them
 * (host order), or 0 when the frame ends or nothing follows at L3.
 */
static uint16_t
net_parse_l2(struct net_parse *p, int inner)
{
	struct rte_ether_hdr eth_buf;
	struct rte_vlan_hdr vlan_buf[2];
	const struct rte_ether_hdr *eth;
	const struct rte_vlan_hdr *vlan;
	uint32_t start = p->off, label, label_buf, i;
	const uint32_t *lbl;
	uint16_t type;
	uint32_t l2;

	eth = net_read(p, sizeof(*eth), &eth_buf);
	if (eth == NULL)
		return 0;
	p->off += sizeof(*eth);
	type = rte_be_to_cpu_16(eth->ether_type);
	l2 = RTE_PTYPE_L2_ETHER;
	if (type == RTE_ETHER_TYPE_VLAN || type == RTE_ETHER_TYPE_QINQ) {
		i = type == RTE_ETHER_TYPE_QINQ ? 2 : 1;
		vlan = rte_pktmbuf_read(p->m, p->off, i * sizeof(*vlan),
			vlan_buf);
		if (vlan == NULL)
			return 0;
		l2 = i == 2 ? RTE_PTYPE_L2_ETHER_QINQ : RTE_PTYPE_L2_ETHER_VLAN;
		type = rte_be_to_cpu_16(vlan[i - 1].eth_proto);
		p->off += i * sizeof(*vlan);
	} else if (!inner &&
		(type == RTE_ETHER_TYPE_MPLS || type == RTE_ETHER_TYPE_MPLSM)) {
		l2 = RTE_PTYPE_L2_ETHER_MPLS;
		for (i = 0; i < NET_MPLS_LABELS_MAX; i++) {
			lbl = net_read(p, sizeof(label_buf), &label_buf);
			if (lbl == NULL)
				break;
			p->off += sizeof(label);
			/* Labels sit 2 bytes off a 4-byte boundary. */
			memcpy(&label, lbl, sizeof(label));
			label = rte_be_to_cpu_32(label);
			if (label & NET_MPLS_BOTTOM)
				break;
		}
		type = 0;
	} else if (!inner && type == RTE_ETHER_TYPE_ARP) {
		l2 = RTE_PTYPE_L2_ETHER_ARP;
	} else if (!inner && type == RTE_ETHER_TYPE_LLDP) {
		l2 = RTE_PTYPE_L2_ETHER_LLDP;
	} else if (!inner && type == RTE_ETHER_TYPE_1588) {
		l2 = RTE_PTYPE_L2_ETHER_TIMESYNC;
	}
	if (inner)
		l2 = l2 == RTE_PTYPE_L2_ETHER_VLAN ?
			RTE_PTYPE_INNER_L2_ETHER_VLAN :
			l2 == RTE_PTYPE_L2_ETHER_QINQ ?
			RTE_PTYPE_INNER_L2_ETHER_QINQ :
			RTE_PTYPE_INNER_L2_ETHER;
	p->ptype |= l2;
	if (p->lens != NULL)
		*(inner ? &p->lens->inner_l2_len :
			  &p->lens->l2_len) = (uint8_t)(p->off - start);
	return type;
}

/* Parses a GRE header; returns the inner EtherType, 0 if unusable. */
static uint16_t
net_parse_gre(struct net_parse *p)
{
	struct net_gre_hdr gre_buf;
	const struct net_gre_hdr *gre;
	uint16_t flags, type, len = sizeof(*gre);

	gre = net_read(p, sizeof(*gre), &gre_buf);
	if (gre == NULL)
		return 0;
	flags = rte_be_to_cpu_16(gre->flags);
	if (flags & NET_GRE_VERSION)
		return 0; /* only version 0 carries Ethernet or IP */
	len += (flags & NET_GRE_CSUM ? 4 : 0) + (flags & NET_GRE_KEY ? 4 : 0) +
		(flags & NET_GRE_SEQ ? 4 : 0);
	type = rte_be_to_cpu_16(gre->proto);
	p->ptype |= type == RTE_ETHER_TYPE_TEB && flags & NET_GRE_KEY ?
		RTE_PTYPE_TUNNEL_NVGRE :
		RTE_PTYPE_TUNNEL_GRE;
	if (p->lens != NULL)
		p->lens->tunnel_len = len;
	p->off += len;
	return type;
}

/* Parses the tunnel of IP protocol proto and what it carries. */
static void
net_parse_tunnel(struct net_parse *p, int proto)
{
	uint16_t type;

	if (!(p->layers & RTE_PTYPE_TUNNEL_MASK))
		return;
	if (proto == IPPROTO_GRE) {
		type = net_parse_gre(p);
		if (type == RTE_ETHER_TYPE_TEB) {
			if (!(p->layers & RTE_PTYPE_INNER_L2_MASK))
				return;
			type = net_parse_l2(p, 1);
		}
	} else {
		p->ptype |= RTE_PTYPE_TUNNEL_IP;
		type = proto == IPPROTO_IPIP ? RTE_ETHER_TYPE_IPV4 :
					       RTE_ETHER_TYPE_IPV6;
	}
	if (type == RTE_ETHER_TYPE_IPV4 || type == RTE_ETHER_TYPE_IPV6)
		net_parse_l3_l4(p, type == RTE_ETHER_TYPE_IPV4, 1);
}

uint32_t
rte_net_get_ptype(const struct rte_mbuf *m, struct rte_net_hdr_lens *hdr_lens,
	uint32_t layers)
{
	struct net_parse p = {
		.m = m,
		.off = 0,
		.layers = layers,
		.ptype = 0,
		.lens = hdr_lens,
	};
	uint16_t type;
	int proto;

	if (hdr_lens != NULL)
		*hdr_lens = (struct rte_net_hdr_lens){ 0 };
	if (m == NULL || !(layers & RTE_PTYPE_L2_MASK))
		return 0;
	type = net_parse_l2(&p, 0);
	if (type != RTE_ETHER_TYPE_IPV4 && type != RTE_ETHER_TYPE_IPV6)
		return p.ptype;
	proto = net_parse_l3_l4(&p, type == RTE_ETHER_TYPE_IPV4, 0);
	if (proto != 0)
		net_parse_tunnel(&p, proto);
	return p.ptype;
}
