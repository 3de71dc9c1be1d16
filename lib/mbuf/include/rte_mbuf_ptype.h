/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Packet types: what headers the data of an mbuf starts with.
 *
 * mbuf->packet_type is a 32-bit value made of seven 4-bit fields, each a
 * small enumeration (0 = not known, or not present):
 *
 *   bits  0..3   L2 (outer)          bits 16..19  inner L2
 *   bits  4..7   L3 (outer)          bits 20..23  inner L3
 *   bits  8..11  L4 (outer)          bits 24..27  inner L4
 *   bits 12..15  tunnel              bits 28..31  unused
 *
 * A driver reports only what it really parsed: a VLAN it stripped is not
 * there any more, so such a packet is L2_ETHER, not L2_ETHER_VLAN. The
 * "EXT" L3 values mean the header has options (IPv4) or extension headers
 * (IPv6); "EXT_UNKNOWN" means the driver did not look.
 */
#ifndef _RTE_MBUF_PTYPE_H_
#define _RTE_MBUF_PTYPE_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Nothing is known of the packet. */
#define RTE_PTYPE_UNKNOWN 0x00000000

/* Outer L2. */
#define RTE_PTYPE_L2_ETHER	    0x00000001 /**< Ethernet */
#define RTE_PTYPE_L2_ETHER_TIMESYNC 0x00000002 /**< PTP over L2 */
#define RTE_PTYPE_L2_ETHER_ARP	    0x00000003 /**< ARP */
#define RTE_PTYPE_L2_ETHER_LLDP	    0x00000004 /**< LLDP */
#define RTE_PTYPE_L2_ETHER_NSH	    0x00000005 /**< NSH */
#define RTE_PTYPE_L2_ETHER_VLAN	    0x00000006 /**< 802.1Q */
#define RTE_PTYPE_L2_ETHER_QINQ	    0x00000007 /**< 802.1ad */
#define RTE_PTYPE_L2_ETHER_PPPOE    0x00000008 /**< PPPoE */
#define RTE_PTYPE_L2_ETHER_FCOE	    0x00000009 /**< FCoE */
#define RTE_PTYPE_L2_ETHER_MPLS	    0x0000000a /**< MPLS */
#define RTE_PTYPE_L2_MASK	    0x0000000f

/* Outer L3. */
#define RTE_PTYPE_L3_IPV4	      0x00000010 /**< IPv4, no options */
#define RTE_PTYPE_L3_IPV4_EXT	      0x00000030 /**< IPv4 with options */
#define RTE_PTYPE_L3_IPV6	      0x00000040 /**< IPv6, no ext. header */
#define RTE_PTYPE_L3_IPV4_EXT_UNKNOWN 0x00000090 /**< IPv4, options? */
#define RTE_PTYPE_L3_IPV6_EXT	      0x000000c0 /**< IPv6 with ext. headers */
#define RTE_PTYPE_L3_IPV6_EXT_UNKNOWN 0x000000e0 /**< IPv6, ext. headers? */
#define RTE_PTYPE_L3_MASK	      0x000000f0

/* Outer L4. */
#define RTE_PTYPE_L4_TCP     0x00000100 /**< TCP */
#define RTE_PTYPE_L4_UDP     0x00000200 /**< UDP */
#define RTE_PTYPE_L4_FRAG    0x00000300 /**< IP fragment */
#define RTE_PTYPE_L4_SCTP    0x00000400 /**< SCTP */
#define RTE_PTYPE_L4_ICMP    0x00000500 /**< ICMP / ICMPv6 */
#define RTE_PTYPE_L4_NONFRAG 0x00000600 /**< other, unfragmented */
#define RTE_PTYPE_L4_IGMP    0x00000700 /**< IGMP */
#define RTE_PTYPE_L4_MASK    0x00000f00

/* Tunnel. */
#define RTE_PTYPE_TUNNEL_IP	     0x00001000 /**< IP in IP */
#define RTE_PTYPE_TUNNEL_GRE	     0x00002000 /**< GRE */
#define RTE_PTYPE_TUNNEL_VXLAN	     0x00003000 /**< VXLAN */
#define RTE_PTYPE_TUNNEL_NVGRE	     0x00004000 /**< NVGRE */
#define RTE_PTYPE_TUNNEL_GENEVE	     0x00005000 /**< Geneve */
#define RTE_PTYPE_TUNNEL_GRENAT	     0x00006000 /**< GRE/VXLAN/NVGRE/Geneve */
#define RTE_PTYPE_TUNNEL_GTPC	     0x00007000 /**< GTP control */
#define RTE_PTYPE_TUNNEL_GTPU	     0x00008000 /**< GTP user */
#define RTE_PTYPE_TUNNEL_ESP	     0x00009000 /**< IPsec ESP */
#define RTE_PTYPE_TUNNEL_L2TP	     0x0000a000 /**< L2TP */
#define RTE_PTYPE_TUNNEL_VXLAN_GPE   0x0000b000 /**< VXLAN-GPE */
#define RTE_PTYPE_TUNNEL_MPLS_IN_GRE 0x0000c000 /**< MPLS in GRE */
#define RTE_PTYPE_TUNNEL_MPLS_IN_UDP 0x0000d000 /**< MPLS in UDP */
#define RTE_PTYPE_TUNNEL_MASK	     0x0000f000

/* Inner L2. */
#define RTE_PTYPE_INNER_L2_ETHER      0x00010000
#define RTE_PTYPE_INNER_L2_ETHER_VLAN 0x00020000
#define RTE_PTYPE_INNER_L2_ETHER_QINQ 0x00030000
#define RTE_PTYPE_INNER_L2_MASK	      0x000f0000

/* Inner L3. */
#define RTE_PTYPE_INNER_L3_IPV4		    0x00100000
#define RTE_PTYPE_INNER_L3_IPV4_EXT	    0x00200000
#define RTE_PTYPE_INNER_L3_IPV6		    0x00300000
#define RTE_PTYPE_INNER_L3_IPV4_EXT_UNKNOWN 0x00400000
#define RTE_PTYPE_INNER_L3_IPV6_EXT	    0x00500000
#define RTE_PTYPE_INNER_L3_IPV6_EXT_UNKNOWN 0x00600000
#define RTE_PTYPE_INNER_L3_MASK		    0x00f00000

/* Inner L4. */
#define RTE_PTYPE_INNER_L4_TCP	   0x01000000
#define RTE_PTYPE_INNER_L4_UDP	   0x02000000
#define RTE_PTYPE_INNER_L4_FRAG	   0x03000000
#define RTE_PTYPE_INNER_L4_SCTP	   0x04000000
#define RTE_PTYPE_INNER_L4_ICMP	   0x05000000
#define RTE_PTYPE_INNER_L4_NONFRAG 0x06000000
#define RTE_PTYPE_INNER_L4_MASK	   0x0f000000

/** Every bit that carries a packet type. */
#define RTE_PTYPE_ALL_MASK 0x0fffffff

/*
 * Quick tests on a packet type. The IPv4 one is true for every IPv4 value
 * (they share bit 4); the IPv6 one for every IPv6 value (bit 6).
 */
#define RTE_ETH_IS_IPV4_HDR(ptype) ((ptype)&RTE_PTYPE_L3_IPV4)
#define RTE_ETH_IS_IPV6_HDR(ptype) ((ptype)&RTE_PTYPE_L3_IPV6)
#define RTE_ETH_IS_TUNNEL_PKT(ptype) \
	((ptype) & \
		(RTE_PTYPE_TUNNEL_MASK | RTE_PTYPE_INNER_L2_MASK | \
			RTE_PTYPE_INNER_L3_MASK | RTE_PTYPE_INNER_L4_MASK))

/*
 * Names of one field of a packet type, such as "L2_ETHER" or "L4_TCP";
 * "<FIELD>_UNKNOWN" for 0 or for a value no constant has. Never NULL.
 */
const char *rte_get_ptype_l2_name(uint32_t ptype);
const char *rte_get_ptype_l3_name(uint32_t ptype);
const char *rte_get_ptype_l4_name(uint32_t ptype);
const char *rte_get_ptype_tunnel_name(uint32_t ptype);
const char *rte_get_ptype_inner_l2_name(uint32_t ptype);
const char *rte_get_ptype_inner_l3_name(uint32_t ptype);
const char *rte_get_ptype_inner_l4_name(uint32_t ptype);

/**
 * Writes the names of the non-zero fields of ptype, each followed by a
 * space ("L2_ETHER L3_IPV4 L4_TCP "), or "UNKNOWN" when every field is 0.
 *
 * @return
 *   0, or -1 when buf is NULL or buflen is too small (buf then holds as
 *   many whole names as fit, and is always terminated when buflen > 0).
 */
int rte_get_ptype_name(uint32_t ptype, char *buf, size_t buflen);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_PTYPE_H_ */
