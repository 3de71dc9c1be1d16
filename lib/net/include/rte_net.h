/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Packet parsing in software: the packet type (RTE_PTYPE_*) and header
 * lengths of a frame, for drivers whose device does not report them and
 * for applications that need them; and the checksum fields Intel-style
 * NICs expect before a checksum or segmentation offload.
 */
#ifndef _RTE_NET_PTYPE_H_
#define _RTE_NET_PTYPE_H_

#include <stdint.h>

#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Header lengths found by rte_net_get_ptype(), in bytes. */
struct rte_net_hdr_lens {
	uint8_t l2_len;	      /**< Ethernet and VLAN tags */
	uint8_t inner_l2_len; /**< inner Ethernet (NVGRE / TEB over GRE) */
	uint16_t l3_len;      /**< IP header with options or extensions */
	uint16_t inner_l3_len;
	uint16_t tunnel_len; /**< the tunnel header (GRE) */
	uint8_t l4_len;	     /**< UDP, TCP (with options), SCTP, ICMP */
	uint8_t inner_l4_len;
};

/**
 * Skips IPv6 extension headers: proto is the next-header value at *off
 * (an offset into m). Moves *off past hop-by-hop, routing, destination
 * options and fragment headers, and sets *frag to 1 when one was a
 * fragment header.
 * @return the first next-header value that is not an extension (>= 0),
 *   or -1 when a header is truncated or there are too many.
 */
int rte_net_skip_ip6_ext(uint16_t proto, const struct rte_mbuf *m,
	uint32_t *off, int *frag);

/**
 * Parses the headers of m, as far as layers (an OR of RTE_PTYPE_*_MASK;
 * RTE_PTYPE_ALL_MASK for all) asks: Ethernet with VLAN, QinQ or MPLS
 * tags, ARP, LLDP, PTP; IPv4 with options, IPv6 with extension headers,
 * fragments; UDP, TCP, SCTP, ICMP; IP-in-IP and GRE/NVGRE tunnels and
 * their inner headers. hdr_lens (may be NULL) gets the header lengths.
 * @return the packet type (RTE_PTYPE_*), 0 when not even Ethernet fits.
 */
uint32_t rte_net_get_ptype(const struct rte_mbuf *m,
	struct rte_net_hdr_lens *hdr_lens, uint32_t layers);

/* Whether ol_flags says the (outer or inner) L3 header is IPv4. */
static inline int
__rte_net_is_ipv4(uint64_t ol_flags, int outer)
{
	return outer ? (ol_flags & RTE_MBUF_F_TX_OUTER_IPV4) != 0 :
		       (ol_flags & RTE_MBUF_F_TX_IPV4) != 0;
}

/**
 * Prepares the checksum fields for the offloads ol_flags asks for, as
 * Intel NICs need them: IPv4 header checksums zeroed, UDP/TCP checksums
 * seeded with the pseudo-header checksum (without the length for TSO).
 * m->l2_len, l3_len (and outer_l2_len, outer_l3_len for tunnels) must be
 * set, and the headers must sit in the first segment.
 * @return 0, or -ENOTSUP when the headers are not in the first segment.
 */
static inline int
rte_net_intel_cksum_flags_prepare(struct rte_mbuf *m, uint64_t ol_flags)
{
	uint64_t inner_l3_off = m->l2_len;
	struct rte_ipv4_hdr *ipv4_hdr;
	struct rte_ipv6_hdr *ipv6_hdr;
	struct rte_udp_hdr *udp_hdr;
	struct rte_tcp_hdr *tcp_hdr;
	void *l3;

	if (!(ol_flags &
		    (RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK |
			    RTE_MBUF_F_TX_TCP_SEG |
			    RTE_MBUF_F_TX_OUTER_IP_CKSUM |
			    RTE_MBUF_F_TX_OUTER_UDP_CKSUM)))
		return 0;
	if (ol_flags & (RTE_MBUF_F_TX_OUTER_IPV4 | RTE_MBUF_F_TX_OUTER_IPV6)) {
		inner_l3_off += m->outer_l2_len + m->outer_l3_len;
		l3 = rte_pktmbuf_mtod_offset(m, void *, m->outer_l2_len);
		if (ol_flags & RTE_MBUF_F_TX_OUTER_IP_CKSUM)
			((struct rte_ipv4_hdr *)l3)->hdr_checksum = 0;
		if (ol_flags & RTE_MBUF_F_TX_OUTER_UDP_CKSUM) {
			udp_hdr = (struct rte_udp_hdr *)((char *)l3 +
				m->outer_l3_len);
			udp_hdr->dgram_cksum = __rte_net_is_ipv4(ol_flags, 1) ?
				rte_ipv4_phdr_cksum((const struct rte_ipv4_hdr *)
							    l3,
					ol_flags) :
				rte_ipv6_phdr_cksum((const struct rte_ipv6_hdr *)
							    l3,
					ol_flags);
		}
	}
	/* The driver reads the headers from the first segment only. */
	if (unlikely(rte_pktmbuf_data_len(m) <
		    inner_l3_off + m->l3_len + m->l4_len))
		return -ENOTSUP;
	l3 = rte_pktmbuf_mtod_offset(m, void *, inner_l3_off);
	ipv4_hdr = (struct rte_ipv4_hdr *)l3;
	ipv6_hdr = (struct rte_ipv6_hdr *)l3;
	if (ol_flags & RTE_MBUF_F_TX_IPV4 && ol_flags & RTE_MBUF_F_TX_IP_CKSUM)
		ipv4_hdr->hdr_checksum = 0;
	if ((ol_flags & RTE_MBUF_F_TX_L4_MASK) == RTE_MBUF_F_TX_UDP_CKSUM) {
		udp_hdr = (struct rte_udp_hdr *)((char *)l3 + m->l3_len);
		udp_hdr->dgram_cksum = __rte_net_is_ipv4(ol_flags, 0) ?
			rte_ipv4_phdr_cksum(ipv4_hdr, ol_flags) :
			rte_ipv6_phdr_cksum(ipv6_hdr, ol_flags);
	} else if ((ol_flags & RTE_MBUF_F_TX_L4_MASK) ==
			RTE_MBUF_F_TX_TCP_CKSUM ||
		(ol_flags & RTE_MBUF_F_TX_TCP_SEG)) {
		tcp_hdr = (struct rte_tcp_hdr *)((char *)l3 + m->l3_len);
		tcp_hdr->cksum = __rte_net_is_ipv4(ol_flags, 0) ?
			rte_ipv4_phdr_cksum(ipv4_hdr, ol_flags) :
			rte_ipv6_phdr_cksum(ipv6_hdr, ol_flags);
	}
	return 0;
}

/** rte_net_intel_cksum_flags_prepare() with the mbuf's own ol_flags. */
static inline int
rte_net_intel_cksum_prepare(struct rte_mbuf *m)
{
	return rte_net_intel_cksum_flags_prepare(m, m->ol_flags);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_NET_PTYPE_H_ */
