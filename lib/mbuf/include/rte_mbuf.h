/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Packet buffers (mbufs): pools of them, allocation and freeing, data
 * room manipulation, chains of segments, reference counts, clones
 * (indirect mbufs) and external buffers. By concern: the struct and its
 * flags are in rte_mbuf_core.h, packet types in rte_mbuf_ptype.h,
 * dynamic fields in rte_mbuf_dyn.h, reference counts and checks in
 * rte_mbuf_refcnt.h, the data room functions in rte_mbuf_data.h; this
 * file includes them all and holds the pools, allocation, freeing,
 * clones and external buffers.
 *
 * An mbuf comes from a pktmbuf pool (rte_pktmbuf_pool_create()), a mempool
 * whose objects are a struct rte_mbuf, an optional private area and the
 * data buffer (see rte_mbuf_core.h for the picture). A packet is one mbuf
 * or a chain of them linked by next; the first segment holds the packet
 * fields (pkt_len, nb_segs, ol_flags, packet_type, ...).
 *
 * Sharing. refcnt counts the holders of an mbuf. Freeing drops one
 * reference; the mbuf goes back to its pool when the last one is dropped.
 * A clone (rte_pktmbuf_clone(), rte_pktmbuf_attach()) is an "indirect"
 * mbuf that points at another ("direct") mbuf's buffer and holds a
 * reference on it; an mbuf can also point at an external buffer described
 * by struct rte_mbuf_ext_shared_info, whose own counter says when to call
 * its free callback. A shared buffer must be treated as read-only.
 *
 * Pool invariant: an mbuf in its pool has refcnt 1, next NULL, nb_segs 1,
 * and buf_addr, buf_iova, buf_len, pool and priv_size set for its own
 * buffer. rte_mbuf_raw_alloc() hands out exactly that; the free functions
 * restore it.
 *
 * Fast paths (alloc, alloc_bulk, free, free_seg, free_bulk, prefree_seg,
 * the data room functions) are inline and check nothing. Built with
 * RTE_LIBRTE_MBUF_DEBUG (meson -Ddebug_checks=true, or -D in an
 * application's CFLAGS), they check every mbuf they touch with
 * rte_mbuf_sanity_check() and rte_panic() (log, then abort) on a corrupt
 * one, as DPDK does. That build also catches:
 *  - double free: an mbuf going back to its pool is marked (data_off and
 *    data_len set to UINT16_MAX, fields the pool invariant leaves free);
 *    freeing a marked mbuf panics. Allocation clears the mark (a driver
 *    that takes mbufs with rte_mempool_get_bulk() sets both fields
 *    anyway, as it must in any build).
 *  - refcnt underflow: rte_mbuf_refcnt_update() taking refcnt below 0
 *    (or above 65535) panics, and so does freeing an mbuf whose refcnt
 *    is 0.
 * Release builds never panic in mbuf code, unless the application calls
 * rte_mbuf_sanity_check() itself.
 */
#ifndef _RTE_MBUF_H_
#define _RTE_MBUF_H_

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_debug.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>
#include <rte_mbuf_ptype.h>
#include <rte_mbuf_core.h>
#include <rte_mbuf_refcnt.h>
#include <rte_mbuf_data.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Name of one rx offload flag, or of one value of a multi-bit rx field
 * (RTE_MBUF_F_RX_IP_CKSUM_GOOD, ...): "RTE_MBUF_F_RX_VLAN".
 * @return the name, or NULL if mask is no rx flag (0 included).
 */
const char *rte_get_rx_ol_flag_name(uint64_t mask);

/**
 * Writes the names of the rx flags set in mask, each followed by a space.
 * Multi-bit fields always show one value (their _UNKNOWN one when 0).
 * @return 0, or -1 when buf is NULL or buflen too small.
 */
int rte_get_rx_ol_flag_list(uint64_t mask, char *buf, size_t buflen);

/** rte_get_rx_ol_flag_name() for tx flags (RTE_MBUF_F_TX_*). */
const char *rte_get_tx_ol_flag_name(uint64_t mask);

/** rte_get_rx_ol_flag_list() for tx flags. */
int rte_get_tx_ol_flag_list(uint64_t mask, char *buf, size_t buflen);

/** Prefetches the first cache line (what rx and most users touch). */
static inline void
rte_mbuf_prefetch_part1(struct rte_mbuf *m)
{
	rte_prefetch0(&m->cacheline0);
}

/** Prefetches the second cache line (chains, tx offloads). */
static inline void
rte_mbuf_prefetch_part2(struct rte_mbuf *m)
{
	rte_prefetch0(&m->cacheline1);
}

static inline uint16_t rte_pktmbuf_priv_size(struct rte_mempool *mp);

/** IO address of the mbuf's buffer. */
static inline rte_iova_t
rte_mbuf_iova_get(const struct rte_mbuf *m)
{
	return m->buf_iova;
}

/** Sets the IO address of the mbuf's buffer. */
static inline void
rte_mbuf_iova_set(struct rte_mbuf *m, rte_iova_t iova)
{
	m->buf_iova = iova;
}

/** IO address of the start of the data. */
static inline rte_iova_t
rte_mbuf_data_iova(const struct rte_mbuf *mb)
{
	return rte_mbuf_iova_get(mb) + mb->data_off;
}

/** IO address the data starts at after a reset (buffer + headroom). */
static inline rte_iova_t
rte_mbuf_data_iova_default(const struct rte_mbuf *mb)
{
	return rte_mbuf_iova_get(mb) + RTE_PKTMBUF_HEADROOM;
}

/**
 * The direct mbuf whose buffer an indirect mbuf points at. Its buffer
 * starts right after the direct mbuf and its private area, whose size
 * the indirect mbuf copied into priv_size.
 */
static inline struct rte_mbuf *
rte_mbuf_from_indirect(struct rte_mbuf *mi)
{
	return (struct rte_mbuf *)RTE_PTR_SUB(mi->buf_addr,
		sizeof(*mi) + mi->priv_size);
}

/** Address of the embedded buffer of mb, an mbuf of pool mp. */
static inline char *
rte_mbuf_buf_addr(struct rte_mbuf *mb, struct rte_mempool *mp)
{
	return (char *)mb + sizeof(*mb) + rte_pktmbuf_priv_size(mp);
}

/** Where the data of mb starts after a reset. */
static inline char *
rte_mbuf_data_addr_default(struct rte_mbuf *mb)
{
	return rte_mbuf_buf_addr(mb, mb->pool) + RTE_PKTMBUF_HEADROOM;
}

/** Address of the embedded buffer of a direct mbuf. */
static inline char *
rte_mbuf_to_baddr(struct rte_mbuf *md)
{
	return rte_mbuf_buf_addr(md, md->pool);
}

/**
 * The private area after the mbuf structure (priv_size bytes; only
 * meaningful when the pool was created with a non-zero priv_size).
 */
static inline void *
rte_mbuf_to_priv(struct rte_mbuf *m)
{
	return RTE_PTR_ADD(m, sizeof(struct rte_mbuf));
}

/** The private area of a pktmbuf mempool (rte_mempool_get_priv()). */
struct rte_pktmbuf_pool_private {
	uint16_t mbuf_data_room_size; /**< buffer size of each mbuf */
	uint16_t mbuf_priv_size;      /**< private area size of each mbuf */
	uint32_t flags;		      /**< RTE_PKTMBUF_POOL_F_* */
};

/** The pool's RTE_PKTMBUF_POOL_F_* flags. */
static inline uint32_t
rte_pktmbuf_priv_flags(struct rte_mempool *mp)
{
	struct rte_pktmbuf_pool_private *mbp_priv;

	mbp_priv = (struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp);
	return mbp_priv->flags;
}

/**
 * Pool flag: every mbuf is permanently attached to an external buffer
 * (pools made by rte_pktmbuf_pool_create_extbuf()).
 */
#define RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF (1 << 0)

/** Non-zero if mb's external buffer is pinned to it by its pool. */
#define RTE_MBUF_HAS_PINNED_EXTBUF(mb) \
	(rte_pktmbuf_priv_flags((mb)->pool) & RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF)

/**
 * Takes an mbuf from mp without resetting it: only the pool invariant
 * holds (see the top of this file); the caller sets everything else (as
 * a driver's rx path does). Most code wants rte_pktmbuf_alloc().
 *
 * @return the mbuf, or NULL when the pool is empty.
 */
static inline struct rte_mbuf *
rte_mbuf_raw_alloc(struct rte_mempool *mp)
{
	struct rte_mbuf *m;

	if (rte_mempool_get(mp, (void **)&m) < 0)
		return NULL;
	rte_mbuf_debug_unmark_(m);
	__rte_mbuf_raw_sanity_check(m);
	return m;
}

/**
 * Puts an mbuf back into its pool. It must be direct (or have a pinned
 * external buffer) and satisfy the pool invariant, as
 * rte_pktmbuf_prefree_seg() leaves it. Most code wants rte_pktmbuf_free().
 */
static __rte_always_inline void
rte_mbuf_raw_free(struct rte_mbuf *m)
{
	RTE_ASSERT(!RTE_MBUF_CLONED(m) &&
		(!RTE_MBUF_HAS_EXTBUF(m) || RTE_MBUF_HAS_PINNED_EXTBUF(m)));
	__rte_mbuf_raw_sanity_check(m);
	rte_mbuf_debug_mark_free_(m);
	rte_mempool_put(m->pool, m);
}

/**
 * Object constructor of pktmbuf pools, for rte_mempool_obj_iter(): sets
 * up the mbuf at m for its pool (buffer address and length, pool,
 * priv_size, refcnt 1, ...) and zeroes its private area. The pool's
 * private area must already hold a struct rte_pktmbuf_pool_private
 * (rte_pktmbuf_pool_init()). opaque_arg and i are unused.
 */
void rte_pktmbuf_init(struct rte_mempool *mp, void *opaque_arg, void *m,
	unsigned int i);

/**
 * Fills the private area of a pktmbuf pool from opaque_arg, a struct
 * rte_pktmbuf_pool_private, or, when it is NULL, with no mbuf private
 * area and the rest of each element as data room. Call it before
 * populating the pool.
 *
 * Returns nothing: on bad input (mp NULL, a private area smaller than
 * struct rte_pktmbuf_pool_private, elements too small for what opaque_arg
 * asks, priv_size not a multiple of RTE_MBUF_PRIV_ALIGN, unknown flags)
 * it logs the reason, sets rte_errno to EINVAL and leaves the pool as it
 * was.
 */
void rte_pktmbuf_pool_init(struct rte_mempool *mp, void *opaque_arg);

/**
 * Creates and fills a pool of n mbufs, handled by the best mempool ops
 * (rte_mbuf_best_mempool_ops()).
 *
 * @param name
 *   Unique pool name.
 * @param n
 *   Number of mbufs (n = 2^q - 1 uses a ring's room best).
 * @param cache_size
 *   Per-lcore cache size, 0 for none; at most RTE_MEMPOOL_CACHE_MAX_SIZE,
 *   and 1.5 times it at most n.
 * @param priv_size
 *   Application private area after each struct rte_mbuf; a multiple of
 *   RTE_MBUF_PRIV_ALIGN.
 * @param data_room_size
 *   Buffer size of each mbuf, headroom included (RTE_MBUF_DEFAULT_BUF_SIZE
 *   for 2048 bytes of data after RTE_PKTMBUF_HEADROOM).
 * @param socket_id
 *   NUMA socket for the memory, or SOCKET_ID_ANY.
 * @return
 *   The pool, or NULL with rte_errno: EINVAL (NULL or empty name, n 0,
 *   priv_size not aligned, cache_size too big), ENAMETOOLONG, EEXIST (a
 *   pool with that name exists), ENOMEM or ENOSPC (no memory), or what
 *   the mempool ops returned.
 */
struct rte_mempool *rte_pktmbuf_pool_create(const char *name, unsigned int n,
	unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size,
	int socket_id);

/**
 * rte_pktmbuf_pool_create() with the mempool ops named by ops_name (NULL:
 * the best ones). Also fails with EINVAL when no ops have that name.
 */
struct rte_mempool *rte_pktmbuf_pool_create_by_ops(const char *name,
	unsigned int n, unsigned int cache_size, uint16_t priv_size,
	uint16_t data_room_size, int socket_id, const char *ops_name);

/** A memory chunk holding buffers for rte_pktmbuf_pool_create_extbuf(). */
struct rte_pktmbuf_extmem {
	void *buf_ptr;	     /**< virtual address of the chunk */
	rte_iova_t buf_iova; /**< its IO address, or RTE_BAD_IOVA */
	size_t buf_len;	     /**< its size in bytes */
	uint16_t elt_size;   /**< bytes between two buffers in it */
};

/**
 * Creates a pool of n mbufs each pinned, for its whole life, to a buffer
 * of data_room_size bytes in the caller's memory: the chunks of ext_mem,
 * each cut into buffers elt_size bytes apart. The mbufs carry
 * RTE_MBUF_F_EXTERNAL (and RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF is set in
 * the pool): detaching does nothing, and an mbuf goes back to its pool
 * with its buffer once it and every clone of it are freed. The caller
 * keeps the chunks (and any DMA mapping of them) until the pool is freed.
 *
 * @return
 *   The pool, or NULL with rte_errno: EINVAL (ext_mem NULL, ext_num 0, a
 *   chunk without address, with elt_size below data_room_size, or fewer
 *   than n buffers in all), or those of rte_pktmbuf_pool_create().
 */
__rte_experimental struct rte_mempool *
rte_pktmbuf_pool_create_extbuf(const char *name, unsigned int n,
	unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size,
	int socket_id, const struct rte_pktmbuf_extmem *ext_mem,
	unsigned int ext_num);

/** Buffer size of the mbufs of a pktmbuf pool (headroom included). */
static inline uint16_t
rte_pktmbuf_data_room_size(struct rte_mempool *mp)
{
	struct rte_pktmbuf_pool_private *mbp_priv;

	mbp_priv = (struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp);
	return mbp_priv->mbuf_data_room_size;
}

/** Private area size of the mbufs of a pktmbuf pool. */
static inline uint16_t
rte_pktmbuf_priv_size(struct rte_mempool *mp)
{
	struct rte_pktmbuf_pool_private *mbp_priv;

	mbp_priv = (struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp);
	return mbp_priv->mbuf_priv_size;
}

/** Puts the data start back at RTE_PKTMBUF_HEADROOM (or buf_len). */
static inline void
rte_pktmbuf_reset_headroom(struct rte_mbuf *m)
{
	m->data_off = (uint16_t)RTE_MIN((uint16_t)RTE_PKTMBUF_HEADROOM,
		(uint16_t)m->buf_len);
}

/**
 * Resets the packet fields of a single-segment mbuf: no data (data_len,
 * pkt_len 0, data at the default headroom), one segment, no offload flags
 * but RTE_MBUF_F_EXTERNAL, no packet type, VLANs or tx lengths, port
 * RTE_MBUF_PORT_INVALID. The buffer, refcnt and pool are kept.
 */
static inline void
rte_pktmbuf_reset(struct rte_mbuf *m)
{
	m->next = NULL;
	m->pkt_len = 0;
	m->tx_offload = 0;
	m->vlan_tci = 0;
	m->vlan_tci_outer = 0;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	m->ol_flags &= RTE_MBUF_F_EXTERNAL;
	m->packet_type = 0;
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	__rte_mbuf_sanity_check(m, 1);
}

/**
 * Takes a reset mbuf from mp (see rte_pktmbuf_reset()).
 * @return the mbuf, or NULL when the pool is empty.
 */
static inline struct rte_mbuf *
rte_pktmbuf_alloc(struct rte_mempool *mp)
{
	struct rte_mbuf *m = rte_mbuf_raw_alloc(mp);

	if (m != NULL)
		rte_pktmbuf_reset(m);
	return m;
}

/**
 * Takes count reset mbufs from pool: all of them or none.
 * @return 0, or a negative errno (-ENOBUFS, -ENOENT) with nothing taken;
 *   the content of mbufs is then undefined (the pool may have written
 *   into it before it found it could not serve the whole request).
 */
static inline int
rte_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs,
	unsigned int count)
{
	unsigned int i;
	int ret;

	ret = rte_mempool_get_bulk(pool, (void **)mbufs, count);
	if (unlikely(ret != 0))
		return ret;
	for (i = 0; i < count; i++) {
		rte_mbuf_debug_unmark_(mbufs[i]);
		__rte_mbuf_raw_sanity_check(mbufs[i]);
		rte_pktmbuf_reset(mbufs[i]);
	}
	return 0;
}

/**
 * Puts the shared info of an external buffer at the end of the buffer
 * (pointer-aligned), with refcnt 1 and the given free callback, and
 * shrinks *buf_len to the room left before it.
 *
 * @return the shared info, or NULL (nothing written) when buf_addr or
 *   buf_len is NULL or the buffer is too small to hold it and one byte.
 */
static inline struct rte_mbuf_ext_shared_info *
rte_pktmbuf_ext_shinfo_init_helper(void *buf_addr, uint16_t *buf_len,
	rte_mbuf_extbuf_free_callback_t free_cb, void *fcb_opaque)
{
	struct rte_mbuf_ext_shared_info *shinfo;
	void *buf_end;

	if (buf_addr == NULL || buf_len == NULL || *buf_len < sizeof(*shinfo))
		return NULL;
	buf_end = RTE_PTR_ADD(buf_addr, *buf_len);
	shinfo = (struct rte_mbuf_ext_shared_info *)
		RTE_PTR_ALIGN_FLOOR(RTE_PTR_SUB(buf_end, sizeof(*shinfo)),
			sizeof(uintptr_t));
	if ((void *)shinfo <= buf_addr)
		return NULL;
	shinfo->free_cb = free_cb;
	shinfo->fcb_opaque = fcb_opaque;
	rte_mbuf_ext_refcnt_set(shinfo, 1);
	*buf_len = (uint16_t)RTE_PTR_DIFF(shinfo, buf_addr);
	return shinfo;
}

/**
 * Makes a direct, unshared mbuf (refcnt 1) use an external buffer instead
 * of its own. The mbuf gets RTE_MBUF_F_EXTERNAL, data_off 0 and data_len
 * 0 (pkt_len is the caller's). The caller takes a reference on shinfo
 * for this mbuf beforehand when the buffer is already used elsewhere
 * (rte_mbuf_ext_refcnt_update(shinfo, 1)); the refcnt of 1 set by
 * rte_pktmbuf_ext_shinfo_init_helper() covers the first mbuf. When the
 * last mbuf lets go, shinfo->free_cb(buf_addr, shinfo->fcb_opaque) is
 * called.
 */
static inline void
rte_pktmbuf_attach_extbuf(struct rte_mbuf *m, void *buf_addr,
	rte_iova_t buf_iova, uint16_t buf_len,
	struct rte_mbuf_ext_shared_info *shinfo)
{
	RTE_ASSERT(RTE_MBUF_DIRECT(m) && rte_mbuf_refcnt_read(m) == 1);
	RTE_ASSERT(shinfo->free_cb != NULL);

	m->buf_addr = buf_addr;
	rte_mbuf_iova_set(m, buf_iova);
	m->buf_len = buf_len;
	m->data_len = 0;
	m->data_off = 0;
	m->ol_flags |= RTE_MBUF_F_EXTERNAL;
	m->shinfo = shinfo;
}

/** Detaches an mbuf from its external buffer: rte_pktmbuf_detach(). */
#define rte_pktmbuf_detach_extbuf(m) rte_pktmbuf_detach(m)

/** Copies the dynamic field area of msrc to mdst. */
static inline void
rte_mbuf_dynfield_copy(struct rte_mbuf *mdst, const struct rte_mbuf *msrc)
{
	memcpy(&mdst->dynfield1, msrc->dynfield1, sizeof(mdst->dynfield1));
}

/* Copies the packet fields a clone or copy inherits (internal). */
static inline void
__rte_pktmbuf_copy_hdr(struct rte_mbuf *mdst, const struct rte_mbuf *msrc)
{
	mdst->port = msrc->port;
	mdst->vlan_tci = msrc->vlan_tci;
	mdst->vlan_tci_outer = msrc->vlan_tci_outer;
	mdst->tx_offload = msrc->tx_offload;
	mdst->hash = msrc->hash;
	mdst->packet_type = msrc->packet_type;
	rte_mbuf_dynfield_copy(mdst, msrc);
}

/**
 * Makes mi, a direct unshared mbuf, an indirect one that shares m's data
 * segment: mi takes a reference on the buffer (on the direct mbuf that
 * owns it, or on the external buffer), and copies m's data window, packet
 * fields and ol_flags (plus RTE_MBUF_F_INDIRECT). mi becomes a
 * one-segment packet of m's data_len bytes; m's other segments are not
 * touched. Freeing or detaching mi drops the reference.
 */
static inline void
rte_pktmbuf_attach(struct rte_mbuf *mi, struct rte_mbuf *m)
{
	RTE_ASSERT(RTE_MBUF_DIRECT(mi) && rte_mbuf_refcnt_read(mi) == 1);

	if (RTE_MBUF_HAS_EXTBUF(m)) {
		rte_mbuf_ext_refcnt_update(m->shinfo, 1);
		mi->ol_flags = m->ol_flags;
		mi->shinfo = m->shinfo;
	} else {
		/* m may itself be a clone: the reference goes to the owner. */
		rte_mbuf_refcnt_update(rte_mbuf_from_indirect(m), 1);
		mi->priv_size = m->priv_size;
		mi->ol_flags = m->ol_flags | RTE_MBUF_F_INDIRECT;
	}
	__rte_pktmbuf_copy_hdr(mi, m);
	mi->data_off = m->data_off;
	mi->data_len = m->data_len;
	rte_mbuf_iova_set(mi, rte_mbuf_iova_get(m));
	mi->buf_addr = m->buf_addr;
	mi->buf_len = m->buf_len;
	mi->next = NULL;
	mi->pkt_len = mi->data_len;
	mi->nb_segs = 1;

	__rte_mbuf_sanity_check(mi, 1);
	__rte_mbuf_sanity_check(m, 0);
}

/* Drops an mbuf's reference on its external buffer (internal). */
static inline void
__rte_pktmbuf_free_extbuf(struct rte_mbuf *m)
{
	RTE_ASSERT(RTE_MBUF_HAS_EXTBUF(m));
	RTE_ASSERT(m->shinfo != NULL);

	if (rte_mbuf_ext_refcnt_update(m->shinfo, -1) == 0)
		m->shinfo->free_cb(m->buf_addr, m->shinfo->fcb_opaque);
}

/*
 * Drops an indirect mbuf's reference on the direct mbuf owning its
 * buffer, freeing that one when it was the last (internal). The owner
 * may have been "freed" while shared, which left its next and nb_segs
 * as they were: restore the pool invariant before putting it back.
 */
static inline void
__rte_pktmbuf_free_direct(struct rte_mbuf *m)
{
	struct rte_mbuf *md;

	RTE_ASSERT(RTE_MBUF_CLONED(m));

	md = rte_mbuf_from_indirect(m);
	if (rte_mbuf_refcnt_update(md, -1) == 0) {
		md->next = NULL;
		md->nb_segs = 1;
		rte_mbuf_refcnt_set(md, 1);
		rte_mbuf_raw_free(md);
	}
}

/**
 * Gives an indirect or external-buffer mbuf its own embedded buffer back
 * (empty, default headroom, ol_flags 0), dropping its reference on the
 * shared buffer. An mbuf pinned to its external buffer by its pool, or a
 * direct one, is left alone.
 */
static inline void
rte_pktmbuf_detach(struct rte_mbuf *m)
{
	struct rte_mempool *mp = m->pool;
	uint32_t mbuf_size;
	uint16_t priv_size;
	rte_iova_t iova;

	if (RTE_MBUF_HAS_EXTBUF(m)) {
		if (rte_pktmbuf_priv_flags(mp) &
			RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF)
			return;
		__rte_pktmbuf_free_extbuf(m);
	} else if (RTE_MBUF_CLONED(m)) {
		__rte_pktmbuf_free_direct(m);
	} else {
		return;
	}
	priv_size = rte_pktmbuf_priv_size(mp);
	mbuf_size = (uint32_t)(sizeof(struct rte_mbuf) + priv_size);
	m->priv_size = priv_size;
	m->buf_addr = (char *)m + mbuf_size;
	iova = rte_mempool_virt2iova(m);
	rte_mbuf_iova_set(m,
		iova == RTE_BAD_IOVA ? RTE_BAD_IOVA : iova + mbuf_size);
	m->buf_len = rte_pktmbuf_data_room_size(mp);
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
	m->ol_flags = 0;
}

/*
 * A pinned external buffer stays with its mbuf; only its count of users
 * drops (internal). Returns 1 while other mbufs still use the buffer
 * (the mbuf must not go back to the pool yet), 0 when it can.
 */
static inline int
__rte_pktmbuf_pinned_extbuf_decref(struct rte_mbuf *m)
{
	struct rte_mbuf_ext_shared_info *shinfo = m->shinfo;

	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	if (likely(rte_mbuf_ext_refcnt_read(shinfo) == 1))
		return 0;
	if (likely(__atomic_add_fetch(&shinfo->refcnt, (uint16_t)-1,
			   __ATOMIC_ACQ_REL) != 0))
		return 1;
	rte_mbuf_ext_refcnt_set(shinfo, 1);
	return 0;
}

/* The shared-buffer half of rte_pktmbuf_prefree_seg() (internal). */
static inline int
rte_pktmbuf_prefree_shared_(struct rte_mbuf *m)
{
	rte_pktmbuf_detach(m);
	if (RTE_MBUF_HAS_EXTBUF(m) && RTE_MBUF_HAS_PINNED_EXTBUF(m) &&
		__rte_pktmbuf_pinned_extbuf_decref(m) != 0)
		return 1;
	return 0;
}

/**
 * Drops one reference to a segment (which must not be linked from a
 * chain that is still in use) and, when it was the last one, detaches it
 * from a shared buffer and restores the pool invariant.
 *
 * @return the mbuf, now to be put into its pool (rte_mbuf_raw_free() or
 *   in bulk), or NULL when other references remain.
 */
static __rte_always_inline struct rte_mbuf *
rte_pktmbuf_prefree_seg(struct rte_mbuf *m)
{
	__rte_mbuf_sanity_check(m, 0);
	rte_mbuf_debug_check_not_free_(m);

	if (likely(rte_mbuf_refcnt_read(m) == 1)) {
		/* Sole holder: refcnt stays 1, the value the pool wants. */
	} else if (__rte_mbuf_refcnt_update(m, -1) == 0) {
		/* Last of several holders: nobody else sees m any more. */
		rte_mbuf_refcnt_set(m, 1);
	} else {
		return NULL;
	}
	if (unlikely(!RTE_MBUF_DIRECT(m)) && rte_pktmbuf_prefree_shared_(m) != 0)
		return NULL;
	if (m->next != NULL)
		m->next = NULL;
	if (m->nb_segs != 1)
		m->nb_segs = 1;
	rte_mbuf_debug_mark_free_(m);
	return m;
}

/** Frees one segment (not the rest of its chain). */
static __rte_always_inline void
rte_pktmbuf_free_seg(struct rte_mbuf *m)
{
	m = rte_pktmbuf_prefree_seg(m);
	if (likely(m != NULL))
		rte_mbuf_raw_free(m);
}

/** Frees a packet: every segment of the chain. NULL is allowed. */
static inline void
rte_pktmbuf_free(struct rte_mbuf *m)
{
	struct rte_mbuf *next;

	if (m != NULL)
		__rte_mbuf_sanity_check(m, 1);
	while (m != NULL) {
		next = m->next;
		rte_pktmbuf_free_seg(m);
		m = next;
	}
}

/* Mbufs rte_pktmbuf_free_bulk() gathers before one put (internal). */
#define RTE_PKTMBUF_FREE_BULK_BATCH_ 64

/**
 * Frees count packets (every segment of each; NULL entries are skipped),
 * putting them back in bulk, one put per run of mbufs from the same pool.
 */
static inline void
rte_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
{
	struct rte_mbuf *pending[RTE_PKTMBUF_FREE_BULK_BATCH_];
	struct rte_mbuf *m, *next;
	unsigned int i, nb_pending = 0;

	for (i = 0; i < count; i++) {
		m = mbufs[i];
		if (unlikely(m == NULL))
			continue;
		__rte_mbuf_sanity_check(m, 1);
		do {
			next = m->next;
			m = rte_pktmbuf_prefree_seg(m);
			if (likely(m != NULL)) {
				if (unlikely(nb_pending == RTE_DIM(pending) ||
					    (nb_pending != 0 &&
						    pending[0]->pool !=
							    m->pool))) {
					rte_mempool_put_bulk(pending[0]->pool,
						(void **)pending, nb_pending);
					nb_pending = 0;
				}
				pending[nb_pending++] = m;
			}
			m = next;
		} while (m != NULL);
	}
	if (nb_pending != 0)
		rte_mempool_put_bulk(pending[0]->pool, (void **)pending,
			nb_pending);
}

/**
 * Clones a packet: a chain of indirect mbufs from mp, one per segment of
 * md, each attached to (and holding a reference on) md's segment's
 * buffer. The data is shared, not copied.
 *
 * @return the clone, or NULL with rte_errno ENOMEM when mp ran out
 *   (nothing is left allocated or referenced) or EINVAL for NULL input.
 */
struct rte_mbuf *rte_pktmbuf_clone(struct rte_mbuf *md, struct rte_mempool *mp);

/**
 * Copies bytes [offset, offset + length) of a packet (length UINT32_MAX,
 * or more than there is: to the end) into new direct mbufs from mp, as
 * many as needed. Packet fields (port, VLANs, hash, packet_type, tx
 * lengths, dynamic fields, ol_flags but INDIRECT/EXTERNAL) are copied;
 * the private area is not.
 *
 * @return the copy, or NULL with rte_errno EINVAL (NULL input, offset at
 *   or past the end of the packet) or ENOMEM (mp ran out; nothing is left
 *   allocated).
 */
struct rte_mbuf *rte_pktmbuf_copy(const struct rte_mbuf *m,
	struct rte_mempool *mp, uint32_t offset, uint32_t length);

/** Adds v to the refcnt of every segment of a packet. */
static inline void
rte_pktmbuf_refcnt_update(struct rte_mbuf *m, int16_t v)
{
	__rte_mbuf_sanity_check(m, 1);
	do {
		rte_mbuf_refcnt_update(m, v);
	} while ((m = m->next) != NULL);
}

/**
 * Prints an mbuf's packet fields, then each segment's and up to dump_len
 * bytes of data in hex. A corrupt mbuf is reported, not dumped further.
 */
void rte_pktmbuf_dump(FILE *f, const struct rte_mbuf *m, unsigned int dump_len);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_H_ */
