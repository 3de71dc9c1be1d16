/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * What the peek (rte_ring_peek.h) and zero-copy (rte_ring_peek_zc.h)
 * calls share. Not for applications.
 *
 * A peek operation is the ordinary one cut in two: "start" claims slots by
 * moving this side's head, "finish" moves the tail, which publishes the
 * slots to the other side. Between the two the caller owns the run of
 * slots [tail, head). That only works when at most one operation of a
 * side is in flight, so that the run begins at the tail: single-thread
 * (ST) and head/tail-sync (HTS) modes. In the other modes start claims
 * nothing and returns 0.
 *
 *            tail                head
 *              |<- caller owns ->|
 *   ...--------+-----------------+----------...
 *
 * finish(n) with n up to head - tail keeps the first n slots and gives
 * the rest back: head and tail both end at tail + n.
 */
#ifndef _RTE_RING_PEEK_ELEM_PVT_H_
#define _RTE_RING_PEEK_ELEM_PVT_H_

#include <stdint.h>

#include <rte_debug.h>
#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>
#include <rte_ring_hts_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Claims up to n free slots for a producer in ST or HTS mode. Returns the
 * number claimed (0 in other modes); *head gets the first slot's counter
 * and *free_space (if not NULL) the free slots left after the claim.
 */
static __rte_always_inline unsigned int
__rte_ring_peek_prod_start(struct rte_ring *r, unsigned int n,
	enum rte_ring_queue_behavior behavior, uint32_t *head,
	unsigned int *free_space)
{
	uint32_t nb_free = 0;

	switch (r->prod.sync_type) {
	case RTE_RING_SYNC_ST:
		n = __rte_ring_prod_claim(r, 1, n, behavior, free_space != NULL,
			head, &nb_free);
		break;
	case RTE_RING_SYNC_MT_HTS:
		n = __rte_ring_hts_claim(&r->hts_prod, &r->cons.tail,
			r->capacity, n, behavior, head, &nb_free);
		break;
	default:
		/* Peek needs one producer operation in flight at a time. */
		n = 0;
		break;
	}
	if (free_space != NULL)
		*free_space = nb_free - n;
	return n;
}

/* The consumer's mirror of __rte_ring_peek_prod_start(). */
static __rte_always_inline unsigned int
__rte_ring_peek_cons_start(struct rte_ring *r, unsigned int n,
	enum rte_ring_queue_behavior behavior, uint32_t *head,
	unsigned int *available)
{
	uint32_t nb_used = 0;

	switch (r->cons.sync_type) {
	case RTE_RING_SYNC_ST:
		n = __rte_ring_cons_claim(r, 1, n, behavior, available != NULL,
			head, &nb_used);
		break;
	case RTE_RING_SYNC_MT_HTS:
		n = __rte_ring_hts_claim(&r->hts_cons, &r->prod.tail, 0, n,
			behavior, head, &nb_used);
		break;
	default:
		n = 0;
		break;
	}
	if (available != NULL)
		*available = nb_used - n;
	return n;
}

/*
 * The tail of a side whose operation is in flight: where the run the
 * caller owns begins. Only the owning thread moves it now, so a relaxed
 * load is enough. Returns 0 with *reserved 0 in modes without peek.
 */
static __rte_always_inline uint32_t
__rte_ring_peek_tail(struct rte_ring_headtail *ht, uint32_t *reserved)
{
	union __rte_ring_hts_pos pos;
	uint32_t tail;

	switch (ht->sync_type) {
	case RTE_RING_SYNC_ST:
		tail = __atomic_load_n(&ht->tail, __ATOMIC_RELAXED);
		*reserved = __atomic_load_n(&ht->head, __ATOMIC_RELAXED) - tail;
		return tail;
	case RTE_RING_SYNC_MT_HTS:
		pos.raw = __atomic_load_n(&((struct rte_ring_hts_headtail *)ht)
						   ->ht.raw,
			__ATOMIC_RELAXED);
		*reserved = pos.pos.head - pos.pos.tail;
		return pos.pos.tail;
	default:
		*reserved = 0;
		return 0;
	}
}

/*
 * Ends the operation in flight on one side: head and tail both move to
 * tail + n, publishing n slots and giving back the rest of the claim.
 */
static __rte_always_inline void
__rte_ring_peek_finish(struct rte_ring_headtail *ht, uint32_t tail,
	unsigned int n)
{
	switch (ht->sync_type) {
	case RTE_RING_SYNC_ST:
		/* Only this thread reads or writes head. */
		__atomic_store_n(&ht->head, tail + n, __ATOMIC_RELAXED);
		/* Release: pairs with the other side's acquire load of this
		 * tail in its claim (rules 1 and 2 of rte_ring_elem_pvt.h). */
		__atomic_store_n(&ht->tail, tail + n, __ATOMIC_RELEASE);
		break;
	case RTE_RING_SYNC_MT_HTS:
		__rte_ring_hts_finish((struct rte_ring_hts_headtail *)ht,
			tail + n);
		break;
	default:
		break;
	}
}

/*
 * Addresses of the num slots of esize bytes from counter head on: *dst1
 * holds *n1 of them up to the end of the slots, *dst2 the rest from slot
 * 0 (NULL when the run does not wrap).
 */
static __rte_always_inline void
__rte_ring_peek_slot_addr(struct rte_ring *r, uint32_t head, uint32_t esize,
	uint32_t num, void **dst1, uint32_t *n1, void **dst2)
{
	uint8_t *slots = (uint8_t *)&r[1];
	uint32_t idx = head & r->mask;

	*dst1 = slots + (size_t)idx * esize;
	if (idx + num <= r->size) {
		*n1 = num;
		*dst2 = NULL;
	} else {
		*n1 = r->size - idx;
		*dst2 = slots;
	}
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_PEEK_ELEM_PVT_H_ */
