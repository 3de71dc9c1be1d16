/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Zero-copy peek API: the caller reads or writes the ring's slots itself.
 *
 * Start reserves a run of slots (room to fill on enqueue, objects to read
 * on dequeue) and describes it in a struct rte_ring_zc_data: n1 slots at
 * ptr1 and, when the run wraps past the last slot, the rest at ptr2 (the
 * first slot). Finish publishes (enqueue) or releases (dequeue) the first
 * k <= reserved slots and gives the rest back.
 *
 *   slots:  [ptr2 ... rest ...]          [ptr1 ... n1 slots ...]
 *           slot 0                                       last slot
 *
 * The rules of rte_ring_peek.h apply: ST or HTS mode on that side (start
 * returns 0 in any other), and one start, then its finish, by one thread.
 * Included by rte_ring_elem.h; applications need not include it.
 */
#ifndef _RTE_RING_PEEK_ZC_H_
#define _RTE_RING_PEEK_ZC_H_

#include <stdint.h>

#include <rte_ring_core.h>
#include <rte_ring_peek.h>
#include <rte_ring_peek_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The run of slots a zero-copy start reserved. */
struct rte_ring_zc_data {
	/** First reserved slot. */
	void *ptr1;
	/** Slot 0, where the run continues when it wraps; else NULL. */
	void *ptr2;
	/** Reserved slots at ptr1; the rest (reserved - n1) are at ptr2. */
	unsigned int n1;
} __rte_cache_aligned;

/* Reserves room for producers and describes it in zcd. */
static __rte_always_inline unsigned int
__rte_ring_zc_enqueue_start(struct rte_ring *r, unsigned int esize,
	unsigned int n, enum rte_ring_queue_behavior behavior,
	struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	uint32_t head;

	n = __rte_ring_peek_prod_start(r, n, behavior, &head, free_space);
	if (n != 0)
		__rte_ring_peek_slot_addr(r, head, esize, n, &zcd->ptr1,
			&zcd->n1, &zcd->ptr2);
	return n;
}

/**
 * Reserves exactly n slots of esize bytes to fill, or none.
 * @return n, or 0 (not enough room, or a mode without peek)
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_bulk_elem_start(struct rte_ring *r, unsigned int esize,
	unsigned int n, struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	return __rte_ring_zc_enqueue_start(r, esize, n, RTE_RING_QUEUE_FIXED,
		zcd, free_space);
}

/** rte_ring_enqueue_zc_bulk_elem_start() for a pointer ring. */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_bulk_start(struct rte_ring *r, unsigned int n,
	struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	return rte_ring_enqueue_zc_bulk_elem_start(r, sizeof(uintptr_t), n, zcd,
		free_space);
}

/** Reserves as many of n slots to fill as there is room for. */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_burst_elem_start(struct rte_ring *r, unsigned int esize,
	unsigned int n, struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	return __rte_ring_zc_enqueue_start(r, esize, n, RTE_RING_QUEUE_VARIABLE,
		zcd, free_space);
}

/** rte_ring_enqueue_zc_burst_elem_start() for a pointer ring. */
static __rte_always_inline unsigned int
rte_ring_enqueue_zc_burst_start(struct rte_ring *r, unsigned int n,
	struct rte_ring_zc_data *zcd, unsigned int *free_space)
{
	return rte_ring_enqueue_zc_burst_elem_start(r, sizeof(uintptr_t), n,
		zcd, free_space);
}

/** Publishes the first n reserved slots, which the caller has filled. */
static __rte_always_inline void
rte_ring_enqueue_zc_elem_finish(struct rte_ring *r, unsigned int n)
{
	uint32_t tail, reserved;

	tail = __rte_ring_peek_tail(&r->prod, &reserved);
	RTE_ASSERT(n <= reserved);
	if (n > reserved)
		n = reserved;
	__rte_ring_peek_finish(&r->prod, tail, n);
}

/** rte_ring_enqueue_zc_elem_finish() for a pointer ring. */
static __rte_always_inline void
rte_ring_enqueue_zc_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_enqueue_zc_elem_finish(r, n);
}

/* Reserves objects for consumers and describes them in zcd. */
static __rte_always_inline unsigned int
__rte_ring_zc_dequeue_start(struct rte_ring *r, unsigned int esize,
	unsigned int n, enum rte_ring_queue_behavior behavior,
	struct rte_ring_zc_data *zcd, unsigned int *available)
{
	uint32_t head;

	n = __rte_ring_peek_cons_start(r, n, behavior, &head, available);
	if (n != 0)
		__rte_ring_peek_slot_addr(r, head, esize, n, &zcd->ptr1,
			&zcd->n1, &zcd->ptr2);
	return n;
}

/**
 * Reserves exactly n objects of esize bytes to read in place, or none.
 * @return n, or 0 (too few objects, or a mode without peek)
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_bulk_elem_start(struct rte_ring *r, unsigned int esize,
	unsigned int n, struct rte_ring_zc_data *zcd, unsigned int *available)
{
	return __rte_ring_zc_dequeue_start(r, esize, n, RTE_RING_QUEUE_FIXED,
		zcd, available);
}

/** rte_ring_dequeue_zc_bulk_elem_start() for a pointer ring. */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_bulk_start(struct rte_ring *r, unsigned int n,
	struct rte_ring_zc_data *zcd, unsigned int *available)
{
	return rte_ring_dequeue_zc_bulk_elem_start(r, sizeof(uintptr_t), n, zcd,
		available);
}

/** Reserves as many of n objects to read in place as there are. */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_burst_elem_start(struct rte_ring *r, unsigned int esize,
	unsigned int n, struct rte_ring_zc_data *zcd, unsigned int *available)
{
	return __rte_ring_zc_dequeue_start(r, esize, n, RTE_RING_QUEUE_VARIABLE,
		zcd, available);
}

/** rte_ring_dequeue_zc_burst_elem_start() for a pointer ring. */
static __rte_always_inline unsigned int
rte_ring_dequeue_zc_burst_start(struct rte_ring *r, unsigned int n,
	struct rte_ring_zc_data *zcd, unsigned int *available)
{
	return rte_ring_dequeue_zc_burst_elem_start(r, sizeof(uintptr_t), n,
		zcd, available);
}

/** Removes the first n reserved objects; the rest stay in the ring. */
static __rte_always_inline void
rte_ring_dequeue_zc_elem_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_dequeue_elem_finish(r, n);
}

/** rte_ring_dequeue_zc_elem_finish() for a pointer ring. */
static __rte_always_inline void
rte_ring_dequeue_zc_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_dequeue_elem_finish(r, n);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_PEEK_ZC_H_ */
