/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The fast path of HTS mode (head/tail sync). Not for applications: use
 * rte_ring_hts.h.
 *
 * In HTS mode a side's head and tail share one 64-bit word and at most one
 * operation per side is in flight: a thread claims slots only when it sees
 * head == tail, and moves head with a compare-and-swap of the whole word,
 * which fails if anyone else got in first. Finishing stores head == tail
 * again. Tails therefore never wait on each other; the price is that the
 * operations of one side run one after the other.
 *
 * Ordering (the rule numbers are those of rte_ring_elem_pvt.h):
 *  - The load of the word that sees head == tail is an acquire that pairs
 *    with the release store of the finishing thread: the previous
 *    operation's slot work happens before ours (rule 3), and the other
 *    side's tail we load next is at least as new as the one it used
 *    (rule 4).
 *  - The other side's tail is loaded with acquire, and our tail stored
 *    with release (rules 1 and 2).
 */
#ifndef _RTE_RING_HTS_ELEM_PVT_H_
#define _RTE_RING_HTS_ELEM_PVT_H_

#include <stdint.h>

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The waiting part of __rte_ring_hts_wait_idle(), out of line and cold. */
static __rte_noinline __rte_cold __rte_unused uint64_t
__rte_ring_hts_wait_idle_slow(struct rte_ring_hts_headtail *ht)
{
	union __rte_ring_hts_pos cur;
	unsigned int spins = 0;

	do {
		__rte_ring_wait_round(&spins);
		/* Acquire: as in __rte_ring_hts_wait_idle(). */
		cur.raw = __atomic_load_n(&ht->ht.raw, __ATOMIC_ACQUIRE);
	} while (cur.pos.head != cur.pos.tail);
	return cur.raw;
}

/*
 * Waits until no operation of this side is in flight, and returns the
 * head/tail word seen then (head == tail).
 */
static __rte_always_inline union __rte_ring_hts_pos
__rte_ring_hts_wait_idle(struct rte_ring_hts_headtail *ht)
{
	union __rte_ring_hts_pos cur;

	/* Acquire: pairs with the release store of __rte_ring_hts_finish(). */
	cur.raw = __atomic_load_n(&ht->ht.raw, __ATOMIC_ACQUIRE);
	if (unlikely(cur.pos.head != cur.pos.tail))
		cur.raw = __rte_ring_hts_wait_idle_slow(ht);
	return cur;
}

/*
 * Claims up to n slots for this side. other_tail is the other side's
 * tail; for a producer the room is capacity + other_tail - head, for a
 * consumer other_tail - head (room_base is capacity or 0). Returns the
 * number claimed, *old_head and the room seen in *room.
 */
static __rte_always_inline unsigned int
__rte_ring_hts_claim(struct rte_ring_hts_headtail *ht,
	const volatile uint32_t *other_tail, uint32_t room_base, unsigned int n,
	enum rte_ring_queue_behavior behavior, uint32_t *old_head,
	uint32_t *room)
{
	const unsigned int wanted = n;
	union __rte_ring_hts_pos cur, next;
	uint64_t seen;
	uint32_t nb_room;

	for (;;) {
		cur = __rte_ring_hts_wait_idle(ht);
		/* Acquire: pairs with the release store of the other side's
		 * tail (rules 1 and 2 of rte_ring_elem_pvt.h). */
		nb_room = room_base +
			__atomic_load_n(other_tail, __ATOMIC_ACQUIRE) -
			cur.pos.head;
		n = wanted;
		if (unlikely(n > nb_room))
			n = behavior == RTE_RING_QUEUE_FIXED ? 0 : nb_room;
		if (n == 0)
			break;
		next.pos.head = cur.pos.head + n;
		next.pos.tail = cur.pos.tail;
		/* Fails when another thread claimed first: start again.
		 * Acquire on success keeps our slot accesses after the claim
		 * (the acquire that orders us after the previous operation
		 * is the one in __rte_ring_hts_wait_idle()). */
		/* A copy: on success we go on with cur, known before the
		 * locked instruction completes (see __rte_ring_head_cas()). */
		seen = cur.raw;
		if (likely(__atomic_compare_exchange_n(&ht->ht.raw, &seen,
			    next.raw, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)))
			break;
	}
	*old_head = cur.pos.head;
	*room = nb_room;
	return n;
}

/* Ends the operation in flight: head and tail both at new_pos. */
static __rte_always_inline void
__rte_ring_hts_finish(struct rte_ring_hts_headtail *ht, uint32_t new_pos)
{
	/* Release: pairs with the acquire loads of the other side's tail in
	 * the claim functions, and with __rte_ring_hts_wait_idle(). */
	__rte_ring_store_head_tail(&ht->ht, new_pos);
}

/** @internal Enqueues n elements of esize bytes in HTS mode. */
static __rte_always_inline unsigned int
__rte_ring_do_hts_enqueue_elem(struct rte_ring *r, const void *obj_table,
	uint32_t esize, uint32_t n, enum rte_ring_queue_behavior behavior,
	uint32_t *free_space)
{
	uint32_t head, nb_free;

	n = __rte_ring_hts_claim(&r->hts_prod, &r->cons.tail, r->capacity, n,
		behavior, &head, &nb_free);
	if (likely(n != 0)) {
		/* With the wrap test for one object too: see
		 * __rte_ring_copy_in_words(). */
		__rte_ring_copy_in_as(r, head, obj_table, esize, n, 0);
		__rte_ring_hts_finish(&r->hts_prod, head + n);
	}
	if (free_space != NULL)
		*free_space = nb_free - n;
	return n;
}

/** @internal Dequeues n elements of esize bytes in HTS mode. */
static __rte_always_inline unsigned int
__rte_ring_do_hts_dequeue_elem(struct rte_ring *r, void *obj_table,
	uint32_t esize, uint32_t n, enum rte_ring_queue_behavior behavior,
	uint32_t *available)
{
	uint32_t head, nb_used;

	n = __rte_ring_hts_claim(&r->hts_cons, &r->prod.tail, 0, n, behavior,
		&head, &nb_used);
	if (likely(n != 0)) {
		/* As in the enqueue. */
		__rte_ring_copy_out_as(r, head, obj_table, esize, n, 0);
		__rte_ring_hts_finish(&r->hts_cons, head + n);
	}
	if (available != NULL)
		*available = nb_used - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_HTS_ELEM_PVT_H_ */
