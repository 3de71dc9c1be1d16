/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * mbuf reference counts (of mbufs and of external buffers) and the
 * checks of an mbuf's consistency: rte_mbuf_sanity_check(),
 * rte_mbuf_check(), and the debug-build bookkeeping that catches double
 * frees and refcnt underflows (see rte_mbuf.h).
 *
 * Part of rte_mbuf.h, which includes it: applications include
 * rte_mbuf.h (this file also compiles on its own).
 */
#ifndef _RTE_MBUF_REFCNT_H_
#define _RTE_MBUF_REFCNT_H_

#include <stdbool.h>
#include <stdint.h>

#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_debug.h>
#include <rte_mbuf_core.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef RTE_LIBRTE_MBUF_DEBUG
/** Debug builds: check the mbuf, panic if it is corrupt. */
#define __rte_mbuf_sanity_check(m, is_h) rte_mbuf_sanity_check(m, is_h)
#else
#define __rte_mbuf_sanity_check(m, is_h) \
	do { \
	} while (0)
#endif

/*
 * Debug-build bookkeeping (internal). The mark of an mbuf in its pool is
 * data_off == data_len == UINT16_MAX: a state no mbuf in use can have,
 * in fields the pool invariant does not cover.
 */
#define RTE_MBUF_FREE_MARK_ UINT16_MAX

static inline bool
rte_mbuf_is_marked_free_(const struct rte_mbuf *m)
{
	return m->data_off == RTE_MBUF_FREE_MARK_ &&
		m->data_len == RTE_MBUF_FREE_MARK_;
}

static __rte_always_inline void
rte_mbuf_debug_mark_free_(struct rte_mbuf *m)
{
#ifdef RTE_LIBRTE_MBUF_DEBUG
	m->data_off = RTE_MBUF_FREE_MARK_;
	m->data_len = RTE_MBUF_FREE_MARK_;
#else
	RTE_SET_USED(m);
#endif
}

static __rte_always_inline void
rte_mbuf_debug_unmark_(struct rte_mbuf *m)
{
#ifdef RTE_LIBRTE_MBUF_DEBUG
	if (rte_mbuf_is_marked_free_(m)) {
		m->data_off = 0;
		m->data_len = 0;
	}
#else
	RTE_SET_USED(m);
#endif
}

static __rte_always_inline void
rte_mbuf_debug_check_not_free_(const struct rte_mbuf *m)
{
#ifdef RTE_LIBRTE_MBUF_DEBUG
	if (unlikely(rte_mbuf_is_marked_free_(m)))
		rte_panic("mbuf %p is already free: double free, or use after free\n",
			(const void *)m);
#else
	RTE_SET_USED(m);
#endif
}

static __rte_always_inline void
rte_mbuf_debug_check_refcnt_(const void *obj, uint16_t refcnt, int16_t value)
{
#ifdef RTE_LIBRTE_MBUF_DEBUG
	if (unlikely((int32_t)refcnt + value < 0 ||
		    (int32_t)refcnt + value > UINT16_MAX))
		rte_panic("refcnt of %p out of range: %u %+d (refcnt underflow: freed too often?)\n",
			obj, refcnt, value);
#else
	RTE_SET_USED(obj);
	RTE_SET_USED(refcnt);
	RTE_SET_USED(value);
#endif
}

#ifdef RTE_MBUF_REFCNT_ATOMIC

/*
 * refcnt is a plain uint16_t (the structure is API), so it is accessed
 * with the __atomic builtins. Reads and sets are relaxed: a holder that
 * reads 1 is the only holder and nobody else can change it. A decrement
 * is acq_rel: release so this holder's writes to the packet happen before
 * whoever sees the count reach 0 reuses the mbuf, acquire so that last
 * holder sees every other holder's writes.
 */

/** The mbuf's reference count. */
static inline uint16_t
rte_mbuf_refcnt_read(const struct rte_mbuf *m)
{
	return __atomic_load_n(&m->refcnt, __ATOMIC_RELAXED);
}

/** Sets the reference count (only when no other holder can touch it). */
static inline void
rte_mbuf_refcnt_set(struct rte_mbuf *m, uint16_t new_value)
{
	__atomic_store_n(&m->refcnt, new_value, __ATOMIC_RELAXED);
}

/* Atomic add (internal): the new value. */
static inline uint16_t
__rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	return __atomic_add_fetch(&m->refcnt, (uint16_t)value, __ATOMIC_ACQ_REL);
}

/**
 * Adds value (may be negative) to the reference count.
 * @return the new count.
 */
static inline uint16_t
rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	uint16_t refcnt = rte_mbuf_refcnt_read(m);

	rte_mbuf_debug_check_refcnt_(m, refcnt, value);
	/* A sole holder has no one to race with: skip the locked add. */
	if (likely(refcnt == 1)) {
		refcnt = (uint16_t)(value + 1);
		rte_mbuf_refcnt_set(m, refcnt);
		return refcnt;
	}
	return __rte_mbuf_refcnt_update(m, value);
}

#else /* !RTE_MBUF_REFCNT_ATOMIC: mbufs are never shared across threads */

static inline uint16_t
__rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	m->refcnt = (uint16_t)(m->refcnt + value);
	return m->refcnt;
}

static inline uint16_t
rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	rte_mbuf_debug_check_refcnt_(m, m->refcnt, value);
	return __rte_mbuf_refcnt_update(m, value);
}

static inline uint16_t
rte_mbuf_refcnt_read(const struct rte_mbuf *m)
{
	return m->refcnt;
}

static inline void
rte_mbuf_refcnt_set(struct rte_mbuf *m, uint16_t new_value)
{
	m->refcnt = new_value;
}

#endif /* RTE_MBUF_REFCNT_ATOMIC */

/** Reference count of an external buffer (mbufs attached to it). */
static inline uint16_t
rte_mbuf_ext_refcnt_read(const struct rte_mbuf_ext_shared_info *shinfo)
{
	return __atomic_load_n(&shinfo->refcnt, __ATOMIC_RELAXED);
}

/** Sets the reference count of an external buffer. */
static inline void
rte_mbuf_ext_refcnt_set(struct rte_mbuf_ext_shared_info *shinfo,
	uint16_t new_value)
{
	__atomic_store_n(&shinfo->refcnt, new_value, __ATOMIC_RELAXED);
}

/**
 * Adds value to an external buffer's reference count (same ordering as
 * rte_mbuf_refcnt_update()).
 * @return the new count.
 */
static inline uint16_t
rte_mbuf_ext_refcnt_update(struct rte_mbuf_ext_shared_info *shinfo,
	int16_t value)
{
	uint16_t refcnt = rte_mbuf_ext_refcnt_read(shinfo);

	rte_mbuf_debug_check_refcnt_(shinfo, refcnt, value);
	if (likely(refcnt == 1)) {
		refcnt = (uint16_t)(value + 1);
		rte_mbuf_ext_refcnt_set(shinfo, refcnt);
		return refcnt;
	}
	return __atomic_add_fetch(&shinfo->refcnt, (uint16_t)value,
		__ATOMIC_ACQ_REL);
}

/** Prefetches an mbuf about to be freed (NULL allowed). */
#define RTE_MBUF_PREFETCH_TO_FREE(m) \
	do { \
		if ((m) != NULL) \
			rte_prefetch0(m); \
	} while (0)

/**
 * Checks an mbuf and rte_panic()s (log, abort) when it is corrupt. Meant
 * for debugging; rte_mbuf_check() says why without panicking.
 *
 * @param is_header
 *   Non-zero for the first segment of a packet: the whole chain (lengths,
 *   nb_segs, data within each buffer) is checked too.
 */
void rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header);

/**
 * Checks an mbuf: pool, buffer addresses and refcnt; for a header also
 * that it is not free (debug builds mark free mbufs), data_len <= pkt_len,
 * each segment's data within its buffer, and that the chain has nb_segs
 * segments holding pkt_len bytes.
 *
 * @return 0, or -1 with *reason set to a static string saying what is
 *   wrong. Never panics.
 */
int
rte_mbuf_check(const struct rte_mbuf *m, int is_header, const char **reason);

/**
 * Debug-build check of an mbuf that must be in the pool-invariant state
 * (refcnt 1, next NULL, nb_segs 1).
 */
static __rte_always_inline void
__rte_mbuf_raw_sanity_check(__rte_unused const struct rte_mbuf *m)
{
	RTE_ASSERT(rte_mbuf_refcnt_read(m) == 1);
	RTE_ASSERT(m->next == NULL);
	RTE_ASSERT(m->nb_segs == 1);
	__rte_mbuf_sanity_check(m, 0);
}

/** Old name of __rte_mbuf_raw_sanity_check(). */
#define MBUF_RAW_ALLOC_CHECK(m) __rte_mbuf_raw_sanity_check(m)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_REFCNT_H_ */
