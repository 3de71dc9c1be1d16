/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Ethernet: MAC addresses, the Ethernet and VLAN headers as they are on
 * the wire, EtherType values, and VLAN tag strip/insert on an mbuf.
 *
 * Wire layout of the header (struct rte_ether_hdr, 14 bytes, no padding):
 *
 *   0      6      12   14
 *   +------+------+----+
 *   | dst  | src  |type|   type is big-endian (rte_be16_t)
 *   +------+------+----+
 *
 * Applications rely on that layout: some write 8 bytes at &hdr->dst_addr
 * in one store and then overwrite src_addr.
 */
#ifndef _RTE_ETHER_H_
#define _RTE_ETHER_H_

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_ETHER_ADDR_LEN 6 /**< bytes of a MAC address */
#define RTE_ETHER_TYPE_LEN 2 /**< bytes of the EtherType field */
#define RTE_ETHER_CRC_LEN  4 /**< bytes of the frame check sequence */
/** Bytes of the Ethernet header (no VLAN tag). */
#define RTE_ETHER_HDR_LEN (RTE_ETHER_ADDR_LEN * 2 + RTE_ETHER_TYPE_LEN)
#define RTE_ETHER_MIN_LEN 64   /**< shortest frame, CRC included */
#define RTE_ETHER_MAX_LEN 1518 /**< longest untagged frame, CRC included */
/** Standard MTU: the payload of a RTE_ETHER_MAX_LEN frame. */
#define RTE_ETHER_MTU \
	(RTE_ETHER_MAX_LEN - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN)
#define RTE_VLAN_HLEN 4 /**< bytes of one VLAN tag */
/** Longest frame with one VLAN tag. */
#define RTE_ETHER_MAX_VLAN_FRAME_LEN  (RTE_ETHER_MAX_LEN + RTE_VLAN_HLEN)
#define RTE_ETHER_MAX_JUMBO_FRAME_LEN 0x3F00 /**< longest jumbo frame */
#define RTE_ETHER_MAX_VLAN_ID	      4095   /**< largest VLAN id */
#define RTE_ETHER_MIN_MTU	      68 /**< smallest MTU (the IPv4 minimum) */

/** Bit of the first address byte set in group (multicast) addresses. */
#define RTE_ETHER_GROUP_ADDR 0x01
/** Bit of the first address byte set in locally administered addresses. */
#define RTE_ETHER_LOCAL_ADMIN_ADDR 0x02

/** A MAC address, in transmission order. */
struct rte_ether_addr {
	uint8_t addr_bytes[RTE_ETHER_ADDR_LEN];
} __rte_aligned(2);

/** printf format of a MAC address; use with RTE_ETHER_ADDR_BYTES(). */
#define RTE_ETHER_ADDR_PRT_FMT "%02X:%02X:%02X:%02X:%02X:%02X"
/** The six bytes of *mac_addrs as six printf arguments. */
#define RTE_ETHER_ADDR_BYTES(mac_addrs) \
	((mac_addrs)->addr_bytes[0]), ((mac_addrs)->addr_bytes[1]), \
		((mac_addrs)->addr_bytes[2]), ((mac_addrs)->addr_bytes[3]), \
		((mac_addrs)->addr_bytes[4]), ((mac_addrs)->addr_bytes[5])
/** Buffer size for rte_ether_format_addr(): "XX:XX:XX:XX:XX:XX" + NUL. */
#define RTE_ETHER_ADDR_FMT_SIZE 18

/** 1 if both addresses are equal, else 0. */
static inline int
rte_is_same_ether_addr(const struct rte_ether_addr *ea1,
	const struct rte_ether_addr *ea2)
{
	return memcmp(ea1->addr_bytes, ea2->addr_bytes, RTE_ETHER_ADDR_LEN) ==
		0;
}

/** 1 if the address is 00:00:00:00:00:00, else 0. */
static inline int
rte_is_zero_ether_addr(const struct rte_ether_addr *ea)
{
	static const struct rte_ether_addr zero = { { 0 } };

	return rte_is_same_ether_addr(ea, &zero);
}

/** 1 if the address is an individual (unicast) one, else 0. */
static inline int
rte_is_unicast_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_GROUP_ADDR) == 0;
}

/** 1 if the address is a group (multicast or broadcast) one, else 0. */
static inline int
rte_is_multicast_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_GROUP_ADDR) != 0;
}

/** 1 if the address is FF:FF:FF:FF:FF:FF, else 0. */
static inline int
rte_is_broadcast_ether_addr(const struct rte_ether_addr *ea)
{
	static const struct rte_ether_addr all_ones = { { 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff } };

	return rte_is_same_ether_addr(ea, &all_ones);
}

/** 1 if the address is universally administered (vendor-assigned). */
static inline int
rte_is_universal_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_LOCAL_ADMIN_ADDR) == 0;
}

/** 1 if the address is locally administered. */
static inline int
rte_is_local_admin_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_LOCAL_ADMIN_ADDR) != 0;
}

/**
 * 1 if the address can be a port's own address: unicast and not zero.
 */
static inline int
rte_is_valid_assigned_ether_addr(const struct rte_ether_addr *ea)
{
	return rte_is_unicast_ether_addr(ea) && !rte_is_zero_ether_addr(ea);
}

/**
 * Writes a random, locally administered, unicast address to the six
 * bytes at addr.
 */
void rte_eth_random_addr(uint8_t *addr);

/** Copies a MAC address. */
static inline void
rte_ether_addr_copy(const struct rte_ether_addr *__restrict ea_from,
	struct rte_ether_addr *__restrict ea_to)
{
	*ea_to = *ea_from;
}

/**
 * Writes the address as "XX:XX:XX:XX:XX:XX" (upper-case hex) into buf,
 * truncated to size bytes with a terminating NUL (as snprintf).
 */
void rte_ether_format_addr(char *buf, uint16_t size,
	const struct rte_ether_addr *eth_addr);

/**
 * Parses a MAC address: six groups of two hex digits separated by ':'
 * or '-' ("01:23:45:67:89:AB"), or three groups of four separated by ':'
 * ("0123:4567:89AB"). Nothing else may follow.
 *
 * @return 0, or -1 with rte_errno EINVAL (eth_addr is then unchanged).
 */
int rte_ether_unformat_addr(const char *str, struct rte_ether_addr *eth_addr);

/** The Ethernet header, as on the wire (14 bytes). */
struct rte_ether_hdr {
	struct rte_ether_addr dst_addr; /**< destination address */
	struct rte_ether_addr src_addr; /**< source address */
	rte_be16_t ether_type;		/**< EtherType, big-endian */
} __rte_aligned(2);

/** An 802.1Q tag, after the addresses, as on the wire (4 bytes). */
struct rte_vlan_hdr {
	rte_be16_t vlan_tci;  /**< priority (3), DEI (1), VLAN id (12) */
	rte_be16_t eth_proto; /**< EtherType of what follows */
} __rte_packed;

/* EtherType values, host order. */
#define RTE_ETHER_TYPE_IPV4	       0x0800 /**< IPv4 */
#define RTE_ETHER_TYPE_IPV6	       0x86DD /**< IPv6 */
#define RTE_ETHER_TYPE_ARP	       0x0806 /**< ARP */
#define RTE_ETHER_TYPE_RARP	       0x8035 /**< reverse ARP */
#define RTE_ETHER_TYPE_VLAN	       0x8100 /**< 802.1Q VLAN tag */
#define RTE_ETHER_TYPE_QINQ	       0x88A8 /**< 802.1ad outer tag */
#define RTE_ETHER_TYPE_QINQ1	       0x9100 /**< pre-802.1ad outer tag */
#define RTE_ETHER_TYPE_QINQ2	       0x9200 /**< pre-802.1ad outer tag */
#define RTE_ETHER_TYPE_QINQ3	       0x9300 /**< pre-802.1ad outer tag */
#define RTE_ETHER_TYPE_PPPOE_DISCOVERY 0x8863 /**< PPPoE discovery */
#define RTE_ETHER_TYPE_PPPOE_SESSION   0x8864 /**< PPPoE session */
#define RTE_ETHER_TYPE_ETAG	       0x893F /**< 802.1BR E-tag */
#define RTE_ETHER_TYPE_1588	       0x88F7 /**< IEEE 1588 precision time */
#define RTE_ETHER_TYPE_SLOW	       0x8809 /**< slow protocols (LACP, marker) */
#define RTE_ETHER_TYPE_TEB	       0x6558 /**< transparent Ethernet bridging */
#define RTE_ETHER_TYPE_LLDP	       0x88CC /**< LLDP */
#define RTE_ETHER_TYPE_MPLS	       0x8847 /**< MPLS unicast */
#define RTE_ETHER_TYPE_MPLSM	       0x8848 /**< MPLS multicast */
#define RTE_ETHER_TYPE_ECPRI	       0xAEFE /**< eCPRI */

/**
 * Removes the 802.1Q tag that follows the addresses of a single-segment
 * packet, and reports it in m->vlan_tci with RTE_MBUF_F_RX_VLAN and
 * RTE_MBUF_F_RX_VLAN_STRIPPED in ol_flags.
 *
 * @return 0, or -1 when the packet has no 802.1Q tag (it is unchanged).
 */
static inline int
rte_vlan_strip(struct rte_mbuf *m)
{
	struct rte_ether_hdr *eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	struct rte_vlan_hdr *vh;
	char *new_start;

	if (m->data_len < RTE_ETHER_HDR_LEN + sizeof(*vh) ||
		eh->ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN))
		return -1;
	vh = (struct rte_vlan_hdr *)(eh + 1);
	m->ol_flags |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
	m->vlan_tci = rte_be_to_cpu_16(vh->vlan_tci);
	/* The addresses move forward over the tag; the tag's EtherType
	 * field then sits where the header's was. */
	new_start = rte_pktmbuf_adj(m, sizeof(struct rte_vlan_hdr));
	memmove(new_start, eh, 2 * RTE_ETHER_ADDR_LEN);
	return 0;
}

/**
 * Inserts an 802.1Q tag holding (*m)->vlan_tci after the addresses. A
 * shared or indirect mbuf is first replaced by a copy (the original is
 * freed), since its data cannot be written.
 *
 * @return 0; -ENOMEM when the copy could not be made (*m is then NULL);
 *   -ENOSPC when the headroom is too small (*m is unchanged).
 */
static inline int
rte_vlan_insert(struct rte_mbuf **m)
{
	struct rte_ether_hdr *oh, *nh;
	struct rte_vlan_hdr *vh;

	if (!RTE_MBUF_DIRECT(*m) || rte_mbuf_refcnt_read(*m) > 1) {
		struct rte_mbuf *copy;

		copy = rte_pktmbuf_copy(*m, (*m)->pool, 0, UINT32_MAX);
		rte_pktmbuf_free(*m);
		*m = copy;
		if (copy == NULL)
			return -ENOMEM;
	}
	oh = rte_pktmbuf_mtod(*m, struct rte_ether_hdr *);
	nh = (struct rte_ether_hdr *)(void *)rte_pktmbuf_prepend(*m,
		sizeof(struct rte_vlan_hdr));
	if (nh == NULL)
		return -ENOSPC;
	memmove(nh, oh, 2 * RTE_ETHER_ADDR_LEN);
	nh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN);
	vh = (struct rte_vlan_hdr *)(nh + 1);
	vh->vlan_tci = rte_cpu_to_be_16((*m)->vlan_tci);
	(*m)->ol_flags &= ~(RTE_MBUF_F_RX_VLAN_STRIPPED | RTE_MBUF_F_TX_VLAN);
	if ((*m)->ol_flags & RTE_MBUF_F_TX_TUNNEL_MASK)
		(*m)->outer_l2_len += sizeof(struct rte_vlan_hdr);
	else
		(*m)->l2_len += sizeof(struct rte_vlan_hdr);
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHER_H_ */
