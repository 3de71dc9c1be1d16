/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Peek API: enqueue and dequeue in two steps.
 *
 * - Enqueue: rte_ring_enqueue_*_start() reserves room for up to n objects
 *   and returns how many it reserved; rte_ring_enqueue_finish() then
 *   copies k <= that many objects in and publishes them. The rest of the
 *   reservation is given back.
 * - Dequeue: rte_ring_dequeue_*_start() copies up to n objects out
 *   without removing them and returns how many; rte_ring_dequeue_finish()
 *   then removes the first k <= that many. The others stay in the ring.
 *
 * A start that returned 0 reserved nothing and has no finish: on an HTS
 * ring shared by several threads, a finish then would end another
 * thread's operation (on a single-thread side it is harmless).
 *
 * Only rings whose side is single-thread (RING_F_SP_ENQ / RING_F_SC_DEQ)
 * or head/tail sync (RING_F_MP_HTS_ENQ / RING_F_MC_HTS_DEQ) allow it:
 * in any other mode start returns 0. Every start that reserved something
 * must be followed by its finish (with 0 to give everything back) before
 * the next operation on the same side, by the same thread. In HTS mode other threads of that side wait until
 * finish. Included by rte_ring_elem.h; applications need not include it.
 */
#ifndef _RTE_RING_PEEK_H_
#define _RTE_RING_PEEK_H_

#include <stdint.h>

#include <rte_ring_core.h>
#include <rte_ring_peek_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Reserves room for exactly n objects, or none.
 * @param free_space if not NULL, the free room left after the reservation
 * @return n, or 0 (not enough room, or a mode without peek)
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk_elem_start(struct rte_ring *r, unsigned int n,
	unsigned int *free_space)
{
	uint32_t head;

	return __rte_ring_peek_prod_start(r, n, RTE_RING_QUEUE_FIXED, &head,
		free_space);
}

/** rte_ring_enqueue_bulk_elem_start() for a pointer ring. */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk_start(struct rte_ring *r, unsigned int n,
	unsigned int *free_space)
{
	return rte_ring_enqueue_bulk_elem_start(r, n, free_space);
}

/**
 * Reserves room for as many of n objects as fit.
 * @return the number reserved (0 in a mode without peek)
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst_elem_start(struct rte_ring *r, unsigned int n,
	unsigned int *free_space)
{
	uint32_t head;

	return __rte_ring_peek_prod_start(r, n, RTE_RING_QUEUE_VARIABLE, &head,
		free_space);
}

/** rte_ring_enqueue_burst_elem_start() for a pointer ring. */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst_start(struct rte_ring *r, unsigned int n,
	unsigned int *free_space)
{
	return rte_ring_enqueue_burst_elem_start(r, n, free_space);
}

/**
 * Copies n objects of esize bytes (a multiple of 4) from obj_table into
 * the room reserved by the last enqueue start and publishes them. n must
 * not exceed what start returned; the rest of the room is given back.
 */
static __rte_always_inline void
rte_ring_enqueue_elem_finish(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n)
{
	uint32_t tail, reserved;

	tail = __rte_ring_peek_tail(&r->prod, &reserved);
	RTE_ASSERT(n <= reserved);
	if (n > reserved)
		n = reserved;
	if (n != 0)
		__rte_ring_copy_in(r, tail, obj_table, esize, n);
	__rte_ring_peek_finish(&r->prod, tail, n);
}

/** rte_ring_enqueue_elem_finish() for a pointer ring. */
static __rte_always_inline void
rte_ring_enqueue_finish(struct rte_ring *r, void *const *obj_table,
	unsigned int n)
{
	rte_ring_enqueue_elem_finish(r, obj_table, sizeof(uintptr_t), n);
}

/* Claims up to n objects and copies them out without removing them. */
static __rte_always_inline unsigned int
__rte_ring_peek_dequeue_start(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n,
	enum rte_ring_queue_behavior behavior, unsigned int *available)
{
	uint32_t head;

	n = __rte_ring_peek_cons_start(r, n, behavior, &head, available);
	if (n != 0)
		__rte_ring_copy_out(r, head, obj_table, esize, n);
	return n;
}

/**
 * Copies exactly n objects of esize bytes out into obj_table, or none,
 * leaving them in the ring until rte_ring_dequeue_elem_finish().
 * @param available if not NULL, the objects left beyond these n
 * @return n, or 0 (too few objects, or a mode without peek)
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk_elem_start(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_peek_dequeue_start(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, available);
}

/** rte_ring_dequeue_bulk_elem_start() for a pointer ring. */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk_start(struct rte_ring *r, void **obj_table,
	unsigned int n, unsigned int *available)
{
	return rte_ring_dequeue_bulk_elem_start(r, obj_table, sizeof(uintptr_t),
		n, available);
}

/**
 * Copies out as many of n objects as there are, leaving them in the ring.
 * @return the number copied (0 in a mode without peek)
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst_elem_start(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_peek_dequeue_start(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, available);
}

/** rte_ring_dequeue_burst_elem_start() for a pointer ring. */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst_start(struct rte_ring *r, void **obj_table,
	unsigned int n, unsigned int *available)
{
	return rte_ring_dequeue_burst_elem_start(r, obj_table,
		sizeof(uintptr_t), n, available);
}

/**
 * Removes the first n of the objects the last dequeue start copied out;
 * the others stay in the ring. n must not exceed what start returned.
 */
static __rte_always_inline void
rte_ring_dequeue_elem_finish(struct rte_ring *r, unsigned int n)
{
	uint32_t tail, reserved;

	tail = __rte_ring_peek_tail(&r->cons, &reserved);
	RTE_ASSERT(n <= reserved);
	if (n > reserved)
		n = reserved;
	__rte_ring_peek_finish(&r->cons, tail, n);
}

/** rte_ring_dequeue_elem_finish() for a pointer ring. */
static __rte_always_inline void
rte_ring_dequeue_finish(struct rte_ring *r, unsigned int n)
{
	rte_ring_dequeue_elem_finish(r, n);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_PEEK_H_ */
