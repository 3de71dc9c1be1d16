/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The data of a packet: headroom and tailroom, prepend, append, adj and
 * trim, reading across segments, chaining, linearizing, Tx offload
 * fields and the scheduler fields (hash.sched).
 *
 * Part of rte_mbuf.h, which includes it: applications include
 * rte_mbuf.h (this file also compiles on its own).
 */
#ifndef _RTE_MBUF_DATA_H_
#define _RTE_MBUF_DATA_H_

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_mbuf_core.h>
#include <rte_mbuf_refcnt.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes free before the data in this segment. */
static inline uint16_t
rte_pktmbuf_headroom(const struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 0);
	return m->data_off;
}

/** Bytes free after the data in this segment. */
static inline uint16_t
rte_pktmbuf_tailroom(const struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 0);
	return (uint16_t)(m->buf_len - rte_pktmbuf_headroom(m) - m->data_len);
}

/** The last segment of a packet. */
static inline struct rte_mbuf *
rte_pktmbuf_lastseg(struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 1);
	while (m->next != NULL)
		m = m->next;
	return m;
}

/** Bytes in the whole packet. */
#define rte_pktmbuf_pkt_len(m) ((m)->pkt_len)

/** Bytes of data in this segment. */
#define rte_pktmbuf_data_len(m) ((m)->data_len)

/**
 * Grows the packet by len bytes at its front, taken from the first
 * segment's headroom; the new bytes are not initialised.
 * @return the new start of the data, or NULL (nothing changed) when the
 *   headroom is smaller than len.
 */
static inline char *
rte_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
{
	__rte_mbuf_sanity_check(m, 1);
	if (unlikely(len > rte_pktmbuf_headroom(m)))
		return NULL;
	m->data_off = (uint16_t)(m->data_off - len);
	m->data_len = (uint16_t)(m->data_len + len);
	m->pkt_len += len;
	return (char *)m->buf_addr + m->data_off;
}

/**
 * Grows the packet by len bytes at its end, taken from the last
 * segment's tailroom; the new bytes are not initialised.
 * @return the first new byte, or NULL (nothing changed) when the last
 *   segment's tailroom is smaller than len.
 */
static inline char *
rte_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *last;
	char *tail;

	__rte_mbuf_sanity_check(m, 1);
	last = rte_pktmbuf_lastseg(m);
	if (unlikely(len > rte_pktmbuf_tailroom(last)))
		return NULL;
	tail = (char *)last->buf_addr + last->data_off + last->data_len;
	last->data_len = (uint16_t)(last->data_len + len);
	m->pkt_len += len;
	return tail;
}

/**
 * Removes len bytes from the front of the packet (first segment only).
 * @return the new start of the data, or NULL (nothing changed) when the
 *   first segment holds fewer than len bytes.
 */
static inline char *
rte_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
{
	__rte_mbuf_sanity_check(m, 1);
	if (unlikely(len > m->data_len))
		return NULL;
	m->data_len = (uint16_t)(m->data_len - len);
	m->data_off = (uint16_t)(m->data_off + len);
	m->pkt_len -= len;
	return (char *)m->buf_addr + m->data_off;
}

/**
 * Removes len bytes from the end of the packet (last segment only).
 * @return 0, or -1 (nothing changed) when the last segment holds fewer
 *   than len bytes.
 */
static inline int
rte_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *last;

	__rte_mbuf_sanity_check(m, 1);
	last = rte_pktmbuf_lastseg(m);
	if (unlikely(len > last->data_len))
		return -1;
	last->data_len = (uint16_t)(last->data_len - len);
	m->pkt_len -= len;
	return 0;
}

/** 1 if the packet is a single segment, else 0. */
static inline int
rte_pktmbuf_is_contiguous(const struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 1);
	return m->nb_segs == 1;
}

/**
 * The slow half of rte_pktmbuf_read() (internal): finds bytes
 * [off, off + len) in the chain and, when they span segments, copies them
 * into buf.
 * @return a pointer into the packet or buf, or NULL when the packet is
 *   shorter than off + len.
 */
const void *__rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off,
	uint32_t len, void *buf);

/**
 * Bytes [off, off + len) of a packet, wherever they are: a pointer into
 * the mbuf when they are contiguous there, else a copy in buf (which must
 * have room for len bytes).
 * @return that pointer, or NULL when the packet is shorter than off + len.
 */
static inline const void *
rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, void *buf)
{
	if (likely(off <= m->data_len && len <= m->data_len - off))
		return rte_pktmbuf_mtod_offset(m, char *, off);
	return __rte_pktmbuf_read(m, off, len, buf);
}

/**
 * Appends packet tail to packet head (tail's segments become head's last
 * ones; tail must not be used as a packet afterwards).
 * @return 0, or -EOVERFLOW (nothing changed) when the chain would have
 *   more than RTE_MBUF_MAX_NB_SEGS segments.
 */
static inline int
rte_pktmbuf_chain(struct rte_mbuf *head, struct rte_mbuf *tail)
{
	struct rte_mbuf *last;

	if (head->nb_segs + tail->nb_segs > RTE_MBUF_MAX_NB_SEGS)
		return -EOVERFLOW;
	last = rte_pktmbuf_lastseg(head);
	last->next = tail;
	head->nb_segs = (uint16_t)(head->nb_segs + tail->nb_segs);
	head->pkt_len += tail->pkt_len;
	/* pkt_len means "whole packet" only in a head. */
	tail->pkt_len = tail->data_len;
	return 0;
}

/** Packs the tx_offload lengths into one 64-bit value. */
static __rte_always_inline uint64_t
rte_mbuf_tx_offload(uint64_t il2, uint64_t il3, uint64_t il4, uint64_t tso,
	uint64_t ol3, uint64_t ol2, uint64_t unused)
{
	return il2 << RTE_MBUF_L2_LEN_OFS | il3 << RTE_MBUF_L3_LEN_OFS |
		il4 << RTE_MBUF_L4_LEN_OFS | tso << RTE_MBUF_TSO_SEGSZ_OFS |
		ol3 << RTE_MBUF_OUTL3_LEN_OFS | ol2 << RTE_MBUF_OUTL2_LEN_OFS |
		unused << RTE_MBUF_TXOFLD_UNUSED_OFS;
}

/**
 * Checks that the tx offload flags of a packet make sense together.
 * @return 0, or -EINVAL: IP checksum asked for IPv6; L4 checksum or TSO
 *   without IPV4/IPV6; TSO without tso_segsz or, for IPv4, without
 *   IP_CKSUM; outer IP checksum without OUTER_IPV4.
 */
static inline int
rte_validate_tx_offload(const struct rte_mbuf *m)
{
	uint64_t ol_flags = m->ol_flags;

	if ((ol_flags & RTE_MBUF_F_TX_OFFLOAD_MASK) == 0)
		return 0;
	if ((ol_flags & RTE_MBUF_F_TX_IP_CKSUM) &&
		(ol_flags & RTE_MBUF_F_TX_IPV6))
		return -EINVAL;
	if ((ol_flags & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)) &&
		!(ol_flags & (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)))
		return -EINVAL;
	if ((ol_flags & RTE_MBUF_F_TX_TCP_SEG) &&
		(m->tso_segsz == 0 ||
			((ol_flags & RTE_MBUF_F_TX_IPV4) &&
				!(ol_flags & RTE_MBUF_F_TX_IP_CKSUM))))
		return -EINVAL;
	if ((ol_flags & RTE_MBUF_F_TX_OUTER_IP_CKSUM) &&
		!(ol_flags & RTE_MBUF_F_TX_OUTER_IPV4))
		return -EINVAL;
	return 0;
}

/** The slow half of rte_pktmbuf_linearize() (internal). */
int __rte_pktmbuf_linearize(struct rte_mbuf *mbuf);

/**
 * Moves a chained packet's data into its first segment and frees the
 * others. The first segment's buffer must be writable (not shared).
 * @return 0, or -1 (nothing changed) when the first segment's tailroom
 *   cannot take the rest of the packet.
 */
static inline int
rte_pktmbuf_linearize(struct rte_mbuf *mbuf)
{
	if (rte_pktmbuf_is_contiguous(mbuf))
		return 0;
	return __rte_pktmbuf_linearize(mbuf);
}

/** Scheduler queue of the packet (hash.sched). */
static inline uint32_t
rte_mbuf_sched_queue_get(const struct rte_mbuf *m)
{
	return m->hash.sched.queue_id;
}

/** Scheduler traffic class of the packet. */
static inline uint8_t
rte_mbuf_sched_traffic_class_get(const struct rte_mbuf *m)
{
	return m->hash.sched.traffic_class;
}

/** Scheduler color of the packet. */
static inline uint8_t
rte_mbuf_sched_color_get(const struct rte_mbuf *m)
{
	return m->hash.sched.color;
}

/** All three scheduler fields at once. */
static inline void
rte_mbuf_sched_get(const struct rte_mbuf *m, uint32_t *queue_id,
	uint8_t *traffic_class, uint8_t *color)
{
	struct rte_mbuf_sched sched = m->hash.sched;

	*queue_id = sched.queue_id;
	*traffic_class = sched.traffic_class;
	*color = sched.color;
}

/** Sets the scheduler queue. */
static inline void
rte_mbuf_sched_queue_set(struct rte_mbuf *m, uint32_t queue_id)
{
	m->hash.sched.queue_id = queue_id;
}

/** Sets the scheduler traffic class. */
static inline void
rte_mbuf_sched_traffic_class_set(struct rte_mbuf *m, uint8_t traffic_class)
{
	m->hash.sched.traffic_class = traffic_class;
}

/** Sets the scheduler color. */
static inline void
rte_mbuf_sched_color_set(struct rte_mbuf *m, uint8_t color)
{
	m->hash.sched.color = color;
}

/** Sets all three scheduler fields in one store. */
static inline void
rte_mbuf_sched_set(struct rte_mbuf *m, uint32_t queue_id, uint8_t traffic_class,
	uint8_t color)
{
	m->hash.sched = (struct rte_mbuf_sched){
		.queue_id = queue_id,
		.traffic_class = traffic_class,
		.color = color,
		.reserved = 0,
	};
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_DATA_H_ */
