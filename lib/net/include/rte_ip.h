/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * IPv4 and IPv6 headers as on the wire, and the Internet checksum
 * (RFC 1071) over buffers, headers, pseudo-headers and mbuf chains.
 *
 * The raw sums work in the machine's byte order: adding 16-bit words in
 * ones' complement gives the byte-swapped result on the other byte order,
 * so a sum stored back into a header as is comes out right.
 */
#ifndef _RTE_IP_H_
#define _RTE_IP_H_

#include <stdint.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_mbuf.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The IPv4 header without options (20 bytes). */
struct rte_ipv4_hdr {
	__extension__ union {
		uint8_t version_ihl; /**< version (4 bits), IHL (4 bits) */
		struct {
#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN
			uint8_t ihl : 4;     /**< header length, 32-bit words */
			uint8_t version : 4; /**< 4 */
#else
			uint8_t version : 4; /**< 4 */
			uint8_t ihl : 4;     /**< header length, 32-bit words */
#endif
		};
	};
	uint8_t type_of_service;    /**< DSCP and ECN */
	rte_be16_t total_length;    /**< header and payload bytes */
	rte_be16_t packet_id;	    /**< identification */
	rte_be16_t fragment_offset; /**< flags and fragment offset */
	uint8_t time_to_live;	    /**< TTL */
	uint8_t next_proto_id;	    /**< protocol (IPPROTO_*) */
	rte_be16_t hdr_checksum;    /**< header checksum */
	rte_be32_t src_addr;	    /**< source address */
	rte_be32_t dst_addr;	    /**< destination address */
} __rte_packed;

/** The IPv4 address a.b.c.d in host order. */
#define RTE_IPV4(a, b, c, d) \
	((((uint32_t)(a)&0xff) << 24) | (((uint32_t)(b)&0xff) << 16) | \
		(((uint32_t)(c)&0xff) << 8) | ((uint32_t)(d)&0xff))

#define RTE_IPV4_MAX_PKT_LEN	65535  /**< longest IPv4 packet */
#define RTE_IPV4_HDR_IHL_MASK	(0x0f) /**< IHL bits of version_ihl */
#define RTE_IPV4_IHL_MULTIPLIER (4)    /**< bytes per IHL unit */
#define RTE_IPV4_HDR_DSCP_MASK	(0xfc) /**< DSCP bits of type_of_service */
#define RTE_IPV4_HDR_ECN_MASK	(0x03) /**< ECN bits of type_of_service */
#define RTE_IPV4_HDR_ECN_CE	RTE_IPV4_HDR_ECN_MASK /**< congestion seen */

#define RTE_IPV4_HDR_DF_SHIFT	  14 /**< "don't fragment" bit */
#define RTE_IPV4_HDR_MF_SHIFT	  13 /**< "more fragments" bit */
#define RTE_IPV4_HDR_FO_SHIFT	  3  /**< fragment offset unit, log2 */
#define RTE_IPV4_HDR_DF_FLAG	  (1 << RTE_IPV4_HDR_DF_SHIFT)
#define RTE_IPV4_HDR_MF_FLAG	  (1 << RTE_IPV4_HDR_MF_SHIFT)
#define RTE_IPV4_HDR_OFFSET_MASK  ((1 << RTE_IPV4_HDR_MF_SHIFT) - 1)
#define RTE_IPV4_HDR_OFFSET_UNITS 8 /**< bytes per offset unit */

#define RTE_IPV4_HDR_OPT_EOL	   0	      /**< option: end of list */
#define RTE_IPV4_HDR_OPT_NOP	   1	      /**< option: no operation */
#define RTE_IPV4_HDR_OPT_COPIED(v) ((v)&0x80) /**< copied into fragments */
#define RTE_IPV4_HDR_OPT_MAX_LEN   40	      /**< most option bytes */

#define RTE_IPV4_ANY		 ((uint32_t)0x00000000) /**< 0.0.0.0 */
#define RTE_IPV4_LOOPBACK	 ((uint32_t)0x7f000001) /**< 127.0.0.1 */
#define RTE_IPV4_BROADCAST	 ((uint32_t)0xe0000000) /**< 224.0.0.0 */
#define RTE_IPV4_ALLHOSTS_GROUP	 ((uint32_t)0xe0000001) /**< 224.0.0.1 */
#define RTE_IPV4_ALLRTRS_GROUP	 ((uint32_t)0xe0000002) /**< 224.0.0.2 */
#define RTE_IPV4_MAX_LOCAL_GROUP ((uint32_t)0xe00000ff) /**< 224.0.0.255 */
#define RTE_IPV4_MIN_MCAST	 RTE_IPV4(224, 0, 0, 0) /**< first multicast */
#define RTE_IPV4_MAX_MCAST	 RTE_IPV4(239, 255, 255, 255) /**< last */
/** Non-zero if the host-order address x is multicast. */
#define RTE_IS_IPV4_MCAST(x) \
	((x) >= RTE_IPV4_MIN_MCAST && (x) <= RTE_IPV4_MAX_MCAST)

#define RTE_IPV4_MIN_IHL (0x5) /**< IHL of a header without options */
/** version_ihl of a header without options. */
#define RTE_IPV4_VHL_DEF ((IPVERSION << 4) | RTE_IPV4_MIN_IHL)

/** Bytes of the IPv4 header, options included. */
static inline uint8_t
rte_ipv4_hdr_len(const struct rte_ipv4_hdr *ipv4_hdr)
{
	return (uint8_t)((ipv4_hdr->version_ihl & RTE_IPV4_HDR_IHL_MASK) *
		RTE_IPV4_IHL_MULTIPLIER);
}

/**
 * Adds the 16-bit words of len bytes at buf (an odd last byte counts as
 * the first byte of a word whose second byte is 0) to sum, without
 * folding the carries.
 */
static inline uint32_t
__rte_raw_cksum(const void *buf, size_t len, uint32_t sum)
{
	const uint8_t *bytes = (const uint8_t *)buf;
	uint16_t word;
	size_t i;

	for (i = 0; i + 1 < len; i += 2) {
		memcpy(&word, bytes + i, sizeof(word));
		sum += word;
	}
	if (len % 2 != 0) {
		word = 0;
		memcpy(&word, bytes + len - 1, 1);
		sum += word;
	}
	return sum;
}

/** Folds the carries of a 32-bit sum into 16 bits. */
static inline uint16_t
__rte_raw_cksum_reduce(uint32_t sum)
{
	sum = (sum >> 16) + (sum & 0xffff);
	sum = (sum >> 16) + (sum & 0xffff);
	return (uint16_t)sum;
}

/** The ones' complement sum of len bytes at buf (not inverted). */
static inline uint16_t
rte_raw_cksum(const void *buf, size_t len)
{
	return __rte_raw_cksum_reduce(__rte_raw_cksum(buf, len, 0));
}

/**
 * The ones' complement sum (not inverted) of len bytes of a packet from
 * byte off on, across segments.
 *
 * @return 0 with the sum in *cksum, or -1 when off + len passes the end
 *   of the packet.
 */
static inline int
rte_raw_cksum_mbuf(const struct rte_mbuf *m, uint32_t off, uint32_t len,
	uint16_t *cksum)
{
	const struct rte_mbuf *seg = m;
	uint32_t sum = 0, done = 0, part, seg_len;

	if ((uint64_t)off + len > m->pkt_len)
		return -1;
	while (seg != NULL && off >= seg->data_len) {
		off -= seg->data_len;
		seg = seg->next;
	}
	while (done < len && seg != NULL) {
		seg_len = RTE_MIN((uint32_t)seg->data_len - off, len - done);
		part = __rte_raw_cksum_reduce(
			__rte_raw_cksum(rte_pktmbuf_mtod_offset(seg,
						const uint8_t *, off),
				seg_len, 0));
		/* A segment that starts at an odd byte of the sum has its
		 * words shifted by one byte: swap its partial sum. */
		if (done % 2 != 0)
			part = rte_bswap16((uint16_t)part);
		sum += part;
		done += seg_len;
		off = 0;
		seg = seg->next;
	}
	if (done < len)
		return -1;
	*cksum = __rte_raw_cksum_reduce(sum);
	return 0;
}

/** The IPv4 header checksum (options included) to store in the header. */
static inline uint16_t
rte_ipv4_cksum(const struct rte_ipv4_hdr *ipv4_hdr)
{
	return (uint16_t)~rte_raw_cksum(ipv4_hdr, rte_ipv4_hdr_len(ipv4_hdr));
}

/**
 * The sum (not inverted) of the IPv4 pseudo-header of a UDP or TCP
 * packet. With RTE_MBUF_F_TX_TCP_SEG in ol_flags the length counts as 0,
 * as TSO hardware wants.
 */
static inline uint16_t
rte_ipv4_phdr_cksum(const struct rte_ipv4_hdr *ipv4_hdr, uint64_t ol_flags)
{
	struct {
		rte_be32_t src_addr;
		rte_be32_t dst_addr;
		uint8_t zero;
		uint8_t proto;
		rte_be16_t len;
	} __rte_packed phdr;
	uint16_t l4_len = (uint16_t)(rte_be_to_cpu_16(ipv4_hdr->total_length) -
		rte_ipv4_hdr_len(ipv4_hdr));

	phdr.src_addr = ipv4_hdr->src_addr;
	phdr.dst_addr = ipv4_hdr->dst_addr;
	phdr.zero = 0;
	phdr.proto = ipv4_hdr->next_proto_id;
	phdr.len = (ol_flags & RTE_MBUF_F_TX_TCP_SEG) ?
		0 :
		rte_cpu_to_be_16(l4_len);
	return rte_raw_cksum(&phdr, sizeof(phdr));
}

/** Pseudo-header and L4 sum (not inverted) of an IPv4 UDP/TCP packet. */
static inline uint16_t
__rte_ipv4_udptcp_cksum(const struct rte_ipv4_hdr *ipv4_hdr, const void *l4_hdr)
{
	uint32_t l3_len = rte_be_to_cpu_16(ipv4_hdr->total_length);
	uint32_t hdr_len = rte_ipv4_hdr_len(ipv4_hdr);
	uint32_t sum;

	if (l3_len < hdr_len)
		return 0;
	sum = rte_raw_cksum(l4_hdr, l3_len - hdr_len);
	sum += rte_ipv4_phdr_cksum(ipv4_hdr, 0);
	return __rte_raw_cksum_reduce(sum);
}

/**
 * The UDP or TCP checksum of an IPv4 packet whose L4 header and payload
 * are contiguous at l4_hdr (the length comes from total_length). A UDP
 * result of 0 is sent as 0xffff (0 means "no checksum").
 */
static inline uint16_t
rte_ipv4_udptcp_cksum(const struct rte_ipv4_hdr *ipv4_hdr, const void *l4_hdr)
{
	uint16_t cksum = (uint16_t)~__rte_ipv4_udptcp_cksum(ipv4_hdr, l4_hdr);

	if (cksum == 0 && ipv4_hdr->next_proto_id == IPPROTO_UDP)
		cksum = 0xffff;
	return cksum;
}

/** Pseudo-header and L4 sum of an IPv4 packet in an mbuf chain. */
static inline uint16_t
__rte_ipv4_udptcp_cksum_mbuf(const struct rte_mbuf *m,
	const struct rte_ipv4_hdr *ipv4_hdr, uint16_t l4_off)
{
	uint16_t l4_len = (uint16_t)(rte_be_to_cpu_16(ipv4_hdr->total_length) -
		rte_ipv4_hdr_len(ipv4_hdr));
	uint16_t raw;

	if (l4_off > m->pkt_len || rte_raw_cksum_mbuf(m, l4_off, l4_len, &raw))
		return 0;
	return __rte_raw_cksum_reduce(
		(uint32_t)raw + rte_ipv4_phdr_cksum(ipv4_hdr, 0));
}

/** rte_ipv4_udptcp_cksum() for an L4 part that starts at byte l4_off of m. */
static inline uint16_t
rte_ipv4_udptcp_cksum_mbuf(const struct rte_mbuf *m,
	const struct rte_ipv4_hdr *ipv4_hdr, uint16_t l4_off)
{
	uint16_t cksum = (uint16_t)~__rte_ipv4_udptcp_cksum_mbuf(m, ipv4_hdr,
		l4_off);

	if (cksum == 0 && ipv4_hdr->next_proto_id == IPPROTO_UDP)
		cksum = 0xffff;
	return cksum;
}

/** 0 if the UDP/TCP checksum of an IPv4 packet is right, else -1. */
static inline int
rte_ipv4_udptcp_cksum_verify(const struct rte_ipv4_hdr *ipv4_hdr,
	const void *l4_hdr)
{
	return __rte_ipv4_udptcp_cksum(ipv4_hdr, l4_hdr) == 0xffff ? 0 : -1;
}

/** The IPv6 fixed header (40 bytes). */
struct rte_ipv6_hdr {
	rte_be32_t vtc_flow;	/**< version, traffic class, flow label */
	rte_be16_t payload_len; /**< bytes after this header */
	uint8_t proto;		/**< next header (IPPROTO_*) */
	uint8_t hop_limits;	/**< hop limit */
	uint8_t src_addr[16];	/**< source address */
	uint8_t dst_addr[16];	/**< destination address */
} __rte_packed;

#define RTE_IPV6_HDR_FL_SHIFT  0  /**< flow label position */
#define RTE_IPV6_HDR_TC_SHIFT  20 /**< traffic class position */
#define RTE_IPV6_HDR_FL_MASK   ((1u << RTE_IPV6_HDR_TC_SHIFT) - 1)
#define RTE_IPV6_HDR_TC_MASK   (0xff << RTE_IPV6_HDR_TC_SHIFT)
#define RTE_IPV6_HDR_DSCP_MASK (0xfc << RTE_IPV6_HDR_TC_SHIFT)
#define RTE_IPV6_HDR_ECN_MASK  (0x03 << RTE_IPV6_HDR_TC_SHIFT)
#define RTE_IPV6_HDR_ECN_CE    RTE_IPV6_HDR_ECN_MASK
#define RTE_IPV6_MIN_MTU       1280 /**< smallest IPv6 MTU */

/**
 * The sum (not inverted) of the IPv6 pseudo-header of a UDP or TCP
 * packet; the length counts as 0 with RTE_MBUF_F_TX_TCP_SEG.
 */
static inline uint16_t
rte_ipv6_phdr_cksum(const struct rte_ipv6_hdr *ipv6_hdr, uint64_t ol_flags)
{
	struct {
		rte_be32_t len;
		rte_be32_t proto;
	} tail;
	uint32_t sum;

	tail.len = (ol_flags & RTE_MBUF_F_TX_TCP_SEG) ?
		0 :
		rte_cpu_to_be_32(rte_be_to_cpu_16(ipv6_hdr->payload_len));
	tail.proto = rte_cpu_to_be_32(ipv6_hdr->proto);
	sum = __rte_raw_cksum(ipv6_hdr->src_addr,
		sizeof(ipv6_hdr->src_addr) + sizeof(ipv6_hdr->dst_addr), 0);
	sum = __rte_raw_cksum(&tail, sizeof(tail), sum);
	return __rte_raw_cksum_reduce(sum);
}

/** Pseudo-header and L4 sum (not inverted) of an IPv6 UDP/TCP packet. */
static inline uint16_t
__rte_ipv6_udptcp_cksum(const struct rte_ipv6_hdr *ipv6_hdr, const void *l4_hdr)
{
	uint32_t sum = rte_raw_cksum(l4_hdr,
		rte_be_to_cpu_16(ipv6_hdr->payload_len));

	sum += rte_ipv6_phdr_cksum(ipv6_hdr, 0);
	return __rte_raw_cksum_reduce(sum);
}

/** The UDP or TCP checksum of an IPv6 packet (0 sent as 0xffff for UDP). */
static inline uint16_t
rte_ipv6_udptcp_cksum(const struct rte_ipv6_hdr *ipv6_hdr, const void *l4_hdr)
{
	uint16_t cksum = (uint16_t)~__rte_ipv6_udptcp_cksum(ipv6_hdr, l4_hdr);

	if (cksum == 0 && ipv6_hdr->proto == IPPROTO_UDP)
		cksum = 0xffff;
	return cksum;
}

/** rte_ipv6_udptcp_cksum() for an L4 part at byte l4_off of m. */
static inline uint16_t
rte_ipv6_udptcp_cksum_mbuf(const struct rte_mbuf *m,
	const struct rte_ipv6_hdr *ipv6_hdr, uint16_t l4_off)
{
	uint16_t raw, cksum;

	if (l4_off > m->pkt_len ||
		rte_raw_cksum_mbuf(m, l4_off,
			rte_be_to_cpu_16(ipv6_hdr->payload_len), &raw))
		return 0;
	cksum = (uint16_t)~__rte_raw_cksum_reduce(
		(uint32_t)raw + rte_ipv6_phdr_cksum(ipv6_hdr, 0));
	if (cksum == 0 && ipv6_hdr->proto == IPPROTO_UDP)
		cksum = 0xffff;
	return cksum;
}

/** 0 if the UDP/TCP checksum of an IPv6 packet is right, else -1. */
static inline int
rte_ipv6_udptcp_cksum_verify(const struct rte_ipv6_hdr *ipv6_hdr,
	const void *l4_hdr)
{
	return __rte_ipv6_udptcp_cksum(ipv6_hdr, l4_hdr) == 0xffff ? 0 : -1;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_IP_H_ */
