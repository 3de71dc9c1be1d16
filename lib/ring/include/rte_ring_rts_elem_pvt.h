/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The fast path of RTS mode (relaxed tail sync). Not for applications: use
 * rte_ring_rts.h.
 *
 * In RTS mode each of head and tail is a 64-bit word {cnt, pos}. Claiming
 * slots moves head.pos and adds one to head.cnt in one compare-and-swap.
 * Finishing adds one to tail.cnt; the thread whose increment makes
 * tail.cnt equal to head.cnt is the last one in flight, and it also moves
 * tail.pos to head.pos. So no thread waits for another to finish, unlike
 * the default MT mode where tails move in claim order. To keep a slow
 * thread from holding back the tail forever, a claim waits while head.pos
 * is more than htd_max ahead of tail.pos.
 *
 * A finisher whose claim is the next one the tail has not counted, with
 * every earlier claim finished (tail is {its claim's cnt - 1, its start}),
 * moves tail.pos to its own end in the same compare-and-swap, without
 * reading head; see __rte_ring_rts_finish().
 *
 * Ordering (the rule numbers are those of rte_ring_elem_pvt.h):
 *  - Head: loaded with acquire, moved with a release CAS (rule 4).
 *  - Tail: every finishing CAS is a release, so the word's modification
 *    order is one release sequence: a consumer whose acquire load sees the
 *    final tail.pos synchronises with every producer counted in it
 *    (rules 1 and 3). Finishers load the tail with acquire before reading
 *    head, so the head they read includes every operation their tail value
 *    counts as finished.
 */
#ifndef _RTE_RING_RTS_ELEM_PVT_H_
#define _RTE_RING_RTS_ELEM_PVT_H_

#include <stdint.h>

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Release compare-and-swap of a 64-bit word (acquire on failure, when
 * *expected gets the current value). As __rte_ring_head_cas(): on
 * success the caller keeps using its own *expected, known before the
 * locked instruction completes.
 */
static __rte_always_inline int
__rte_ring_rts_cas(volatile uint64_t *word, uint64_t *expected, uint64_t desired)
{
	uint64_t seen = *expected;

	if (likely(__atomic_compare_exchange_n(word, &seen, desired, 1,
		    __ATOMIC_RELEASE, __ATOMIC_ACQUIRE)))
		return 1;
	*expected = seen;
	return 0;
}

/*
 * The word {cnt, pos}, built whole as a 64-bit value: assigning the two
 * halves of an uninitialised union one by one made GCC merge them into
 * whatever the register held before, with masks, on every claim and
 * finish.
 */
static __rte_always_inline union __rte_ring_rts_poscnt
__rte_ring_rts_poscnt_of(uint32_t cnt, uint32_t pos)
{
	union __rte_ring_rts_poscnt w;

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	w.raw = (uint64_t)pos << 32 | cnt;
#else
	w.raw = (uint64_t)cnt << 32 | pos;
#endif
	return w;
}

/* True when head may move: at most htd_max ahead of the tail. */
static __rte_always_inline int
__rte_ring_rts_head_ok(struct rte_ring_rts_headtail *ht,
	union __rte_ring_rts_poscnt head)
{
	union __rte_ring_rts_poscnt tail;

	/* Relaxed: this is only a throttle; correctness rests on the head
	 * CAS and on the other side's tail. */
	tail.raw = __atomic_load_n(&ht->tail.raw, __ATOMIC_RELAXED);
	return head.val.pos - tail.val.pos <= ht->htd_max;
}

/* The waiting part of __rte_ring_rts_head_wait(), out of line and cold. */
static __rte_noinline __rte_cold __rte_unused uint64_t
__rte_ring_rts_head_wait_slow(struct rte_ring_rts_headtail *ht)
{
	union __rte_ring_rts_poscnt head;
	unsigned int spins = 0;

	do {
		__rte_ring_wait_round(&spins);
		/* Acquire: pairs with the release CAS of the claim (rule 4). */
		head.raw = __atomic_load_n(&ht->head.raw, __ATOMIC_ACQUIRE);
	} while (!__rte_ring_rts_head_ok(ht, head));
	return head.raw;
}

/*
 * Waits while head is more than htd_max ahead of the tail; returns the
 * head seen last.
 */
static __rte_always_inline union __rte_ring_rts_poscnt
__rte_ring_rts_head_wait(struct rte_ring_rts_headtail *ht,
	union __rte_ring_rts_poscnt head)
{
	if (unlikely(!__rte_ring_rts_head_ok(ht, head)))
		head.raw = __rte_ring_rts_head_wait_slow(ht);
	return head;
}

/*
 * Claims up to n slots for side ht of ring r; is_prod, seen, other_tail
 * and exact as in __rte_ring_room(). Returns the number claimed; *old_head
 * is where the run starts, *cnt the head.cnt the claim made.
 */
static __rte_always_inline unsigned int
__rte_ring_rts_claim(const struct rte_ring *r, struct rte_ring_rts_headtail *ht,
	int is_prod, volatile uint32_t *seen,
	const volatile uint32_t *other_tail, unsigned int n,
	enum rte_ring_queue_behavior behavior, int exact, uint32_t *old_head,
	uint32_t *cnt, uint32_t *room)
{
	const unsigned int wanted = n;
	union __rte_ring_rts_poscnt head, next;
	uint32_t nb_room;

	/* Acquire: pairs with the release CAS below in another thread. */
	head.raw = __atomic_load_n(&ht->head.raw, __ATOMIC_ACQUIRE);
	for (;;) {
		head = __rte_ring_rts_head_wait(ht, head);
		nb_room = __rte_ring_room(r, is_prod, seen, other_tail, NULL,
			head.val.pos, wanted, exact);
		n = wanted;
		if (unlikely(n > nb_room))
			n = behavior == RTE_RING_QUEUE_FIXED ? 0 : nb_room;
		if (n == 0)
			break;
		next = __rte_ring_rts_poscnt_of(head.val.cnt + 1,
			head.val.pos + n);
		/* Release: pairs with the acquire loads of the head above in
		 * the next claimer; failure reloads with acquire (rule 4). */
		if (likely(__rte_ring_rts_cas(&ht->head.raw, &head.raw,
			    next.raw)))
			break;
	}
	*old_head = head.val.pos;
	*cnt = head.val.cnt + 1;
	*room = nb_room;
	return n;
}

/*
 * Counts one finished operation, the claim of n slots from pos old_head
 * that made head.cnt claim_cnt; the last one in flight moves tail.pos.
 *
 * First try: the tail is {claim_cnt - 1, old_head}. tail.pos only ever
 * moves to a position up to which every claim has finished, and the
 * claims before ours end at old_head; so if the tail is that, every
 * earlier claim has finished and none after ours has, and with ours the
 * slots up to old_head + n are complete: tail becomes {claim_cnt,
 * old_head + n}. Claims after ours still in flight move it on when they
 * finish, by the same two rules. With one thread per side this always
 * succeeds, and the finish neither loads the tail nor reads head first.
 * Otherwise the CAS loaded the tail (acquire), and the general rule runs.
 */
static __rte_always_inline void
__rte_ring_rts_finish(struct rte_ring_rts_headtail *ht, uint32_t old_head,
	uint32_t claim_cnt, uint32_t n)
{
	union __rte_ring_rts_poscnt tail, head, next;
	uint32_t cnt;

	__RTE_RING_TSAN_RELEASE(&ht->tail.val.pos);
	tail = __rte_ring_rts_poscnt_of(claim_cnt - 1, old_head);
	next = __rte_ring_rts_poscnt_of(claim_cnt, old_head + n);
	/* Release: as below. On failure tail gets the tail with acquire,
	 * which pairs with the release CAS of earlier finishers, so the head
	 * read next counts at least the operations tail counts. */
	if (likely(__rte_ring_rts_cas(&ht->tail.raw, &tail.raw, next.raw)))
		return;
	do {
		head.raw = __atomic_load_n(&ht->head.raw, __ATOMIC_RELAXED);
		cnt = tail.val.cnt + 1;
		next = __rte_ring_rts_poscnt_of(cnt,
			cnt == head.val.cnt ? head.val.pos : tail.val.pos);
		/* Release: pairs with the acquire load of this tail by the
		 * other side (rules 1 and 2); failure reloads with acquire as
		 * above. */
	} while (!__rte_ring_rts_cas(&ht->tail.raw, &tail.raw, next.raw));
}

/** @internal Enqueues n elements of esize bytes in RTS mode. */
static __rte_always_inline unsigned int
__rte_ring_do_rts_enqueue_elem(struct rte_ring *r, const void *obj_table,
	uint32_t esize, uint32_t n, enum rte_ring_queue_behavior behavior,
	uint32_t *free_space)
{
	uint32_t head, cnt, nb_free;

	n = __rte_ring_rts_claim(r, &r->rts_prod, 1, &r->prod_seen.tail,
		&r->cons.tail, n, behavior, free_space != NULL, &head, &cnt,
		&nb_free);
	if (likely(n != 0)) {
		__rte_ring_copy_in(r, head, obj_table, esize, n);
		__rte_ring_rts_finish(&r->rts_prod, head, cnt, n);
	}
	if (free_space != NULL)
		*free_space = nb_free - n;
	return n;
}

/** @internal Dequeues n elements of esize bytes in RTS mode. */
static __rte_always_inline unsigned int
__rte_ring_do_rts_dequeue_elem(struct rte_ring *r, void *obj_table,
	uint32_t esize, uint32_t n, enum rte_ring_queue_behavior behavior,
	uint32_t *available)
{
	uint32_t head, cnt, nb_used;

	n = __rte_ring_rts_claim(r, &r->rts_cons, 0, &r->cons_seen.tail,
		&r->prod.tail, n, behavior, available != NULL, &head, &cnt,
		&nb_used);
	if (likely(n != 0)) {
		__rte_ring_copy_out(r, head, obj_table, esize, n);
		__rte_ring_rts_finish(&r->rts_cons, head, cnt, n);
	}
	if (available != NULL)
		*available = nb_used - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_RTS_ELEM_PVT_H_ */
