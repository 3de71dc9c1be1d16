/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The fast path of the default modes (MT and ST): copying objects in and
 * out of the slots, and moving heads and tails. Not for applications: use
 * the functions of rte_ring.h and rte_ring_elem.h.
 *
 * Memory ordering, in one place (x86 needs no fence for any of these; on
 * weaker CPUs each acquire/release below is what keeps the ring correct):
 *
 *  (1) A producer writes its slots, then stores prod.tail with release.
 *      A consumer loads prod.tail with acquire before reading the slots,
 *      so it sees the objects that tail covers.
 *  (2) A consumer reads its slots, then stores cons.tail with release.
 *      A producer loads cons.tail with acquire before writing slots, so
 *      its writes cannot overtake the consumer's reads of the same slots.
 *  (3) With several producers, each waits (acquire) until prod.tail equals
 *      the head it started from, which the previous producer stored with
 *      release. So when a consumer acquires our tail it also sees the
 *      previous producers' slots: the chain of release/acquire pairs makes
 *      every earlier enqueue happen before. Same for several consumers.
 *  (4) Heads: a producer moves the MT head (prod.__mt) by a
 *      compare-and-swap with release. It starts from prod.head, loaded
 *      with acquire, which the previous head mover stored with release
 *      when it finished (the swap succeeds only from that position);
 *      when the swap fails, or a claim confirms its head, the MT head is
 *      loaded with acquire, pairing with the release of the swap. The
 *      cons.tail a producer loads is therefore at least as new as the
 *      one the previous head mover used, which keeps
 *      head - cons.tail <= capacity (otherwise the unsigned "free" would
 *      wrap and the ring would overfill). Same for consumers. A single
 *      producer moves prod.head, which no other thread moves meanwhile.
 *  (5) A side keeps the other side's tail as it last loaded it (acquire)
 *      on its own lines (ST calls in __st_seen on the tail line, MT calls
 *      on the head line), stored with release and loaded with acquire: a
 *      claim that counts room by it has the other side's work on those
 *      slots ordered before its own, as if it had loaded the tail itself
 *      (rules 1 and 2). Rule 4 does not hold for such an old value; the
 *      room test in __rte_ring_room() catches it instead.
 */
#ifndef _RTE_RING_ELEM_PVT_H_
#define _RTE_RING_ELEM_PVT_H_

#include <sched.h>
#include <stdint.h>
#include <string.h>

#include <rte_ring_core.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * ThreadSanitizer keys synchronisation by address. In RTS and HTS modes a
 * side publishes its tail with a release on the whole 64-bit word, while
 * the other side acquires only the 32-bit tail position inside it (at
 * offset 4, the same place as in every mode). The CPU orders these like
 * any release/acquire pair; TSan does not see them pair, so in TSan builds
 * the 64-bit release also announces a release of the 32-bit half.
 */
#if defined(__SANITIZE_THREAD__)
#define __RTE_RING_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define __RTE_RING_TSAN 1
#endif
#endif

#ifdef __RTE_RING_TSAN
#include <sanitizer/tsan_interface.h>
#define __RTE_RING_TSAN_RELEASE(addr) __tsan_release((void *)(uintptr_t)(addr))
#else
#define __RTE_RING_TSAN_RELEASE(addr) \
	do { \
	} while (0)
#endif

/*
 * Byte blocks of the sizes the copies move, as types: alignment 1 (object
 * tables may be unaligned) and may_alias (they stand for any type). Unlike
 * memcpy(), assigning them gives the compiler no reason to warn about
 * branches for other element sizes that only -O0 leaves in.
 */
#define __RTE_RING_BLOCK(bytes) \
	struct __rte_ring_block##bytes { \
		uint8_t b[bytes]; \
	} __attribute__((__may_alias__))
__RTE_RING_BLOCK(4);
__RTE_RING_BLOCK(8);
__RTE_RING_BLOCK(16);
__RTE_RING_BLOCK(32);
__RTE_RING_BLOCK(64);

#define __RTE_RING_COPY_BLOCK(bytes, dst, src) \
	(*(struct __rte_ring_block##bytes *)(dst) = *( \
		 const struct __rte_ring_block##bytes *)(src))

/* Copies one word of wsize bytes (4, 8 or 16, a constant after inlining). */
static __rte_always_inline void
__rte_ring_copy_word(uint8_t *dst, const uint8_t *src, size_t wsize)
{
	if (wsize == 16)
		__RTE_RING_COPY_BLOCK(16, dst, src);
	else if (wsize == 8)
		__RTE_RING_COPY_BLOCK(8, dst, src);
	else
		__RTE_RING_COPY_BLOCK(4, dst, src);
}

/* Copies four words of wsize bytes. */
static __rte_always_inline void
__rte_ring_copy_word4(uint8_t *dst, const uint8_t *src, size_t wsize)
{
	if (wsize == 16)
		__RTE_RING_COPY_BLOCK(64, dst, src);
	else if (wsize == 8)
		__RTE_RING_COPY_BLOCK(32, dst, src);
	else
		__RTE_RING_COPY_BLOCK(16, dst, src);
}

/*
 * Copies nb words of wsize bytes from src to dst, four words per step;
 * these become plain (vector) loads and stores. A lone 16-byte word (one
 * 16-byte element) moves as two 8-byte halves instead: an element a
 * dequeue takes right after its enqueue (and the caller's table it goes
 * back into) then reaches the next load in general registers, which on
 * an Intel Xeon took 16B SP/SC single on one lcore from 1.00 of DPDK's
 * cycles to 0.58 (bench/ring_pair, doc/performance.md).
 */
static __rte_always_inline void
__rte_ring_copy_words(uint8_t *dst, const uint8_t *src, size_t nb, size_t wsize)
{
	size_t i = 0;

	if (wsize == 16 && __builtin_constant_p(nb) && nb == 1) {
		__RTE_RING_COPY_BLOCK(8, dst, src);
		__RTE_RING_COPY_BLOCK(8, dst + 8, src + 8);
		return;
	}

	for (; i + 4 <= nb; i += 4)
		__rte_ring_copy_word4(dst + i * wsize, src + i * wsize, wsize);
	for (; i < nb; i++)
		__rte_ring_copy_word(dst + i * wsize, src + i * wsize, wsize);
}

/*
 * Copies n elements of scale words of wsize bytes from src into the slots
 * from counter head on. wsize must be a constant here; skip_one says
 * whether a constant n of 1 may skip the wrap test (see below).
 */
static __rte_always_inline void
__rte_ring_copy_in_words(struct rte_ring *r, uint32_t head, const uint8_t *src,
	uint32_t n, size_t scale, size_t wsize, int skip_one)
{
	uint8_t *slots = (uint8_t *)&r[1];
	size_t size = ((size_t)r->mask + 1) * scale;
	size_t idx = (size_t)(head & r->mask) * scale;
	size_t nb = (size_t)n * scale, i;

	/*
	 * One element never wraps (idx and size are multiples of scale): a
	 * constant n of 1 may skip the test. Whether it does moves single-
	 * object rows of bench/ring by 1-2.5 cycles either way on an AMD
	 * Zen 4, with the code around it. On an Intel Xeon (bench/ring_pair,
	 * doc/performance.md) skipping it keeps the SP/SC and MP/MC single
	 * rows level with DPDK (1.23 and 1.04 with the test), while the HTS
	 * single rows run a quarter slower without it (1.23-1.25, 0.95 with
	 * it): HTS calls pass skip_one 0, all others 1.
	 */
	if ((skip_one && __builtin_constant_p(n) && n == 1) ||
		likely(idx + nb <= size)) {
		__rte_ring_copy_words(slots + idx * wsize, src, nb, wsize);
		return;
	}
	/*
	 * The run wraps past the last slot: up to the end, then from slot 0.
	 * Both loops are bounded by nb, so that a small constant n keeps the
	 * caller's objects in registers.
	 */
	for (i = 0; i < nb && idx < size; i++, idx++)
		__rte_ring_copy_word(slots + idx * wsize, src + i * wsize,
			wsize);
	for (idx = 0; i < nb; i++, idx++)
		__rte_ring_copy_word(slots + idx * wsize, src + i * wsize,
			wsize);
}

/* The reverse of __rte_ring_copy_in_words(): slots to dst (skip_one as
 * there). */
static __rte_always_inline void
__rte_ring_copy_out_words(const struct rte_ring *r, uint32_t head, uint8_t *dst,
	uint32_t n, size_t scale, size_t wsize, int skip_one)
{
	const uint8_t *slots = (const uint8_t *)&r[1];
	size_t size = ((size_t)r->mask + 1) * scale;
	size_t idx = (size_t)(head & r->mask) * scale;
	size_t nb = (size_t)n * scale, i;

	if ((skip_one && __builtin_constant_p(n) && n == 1) ||
		likely(idx + nb <= size)) {
		__rte_ring_copy_words(dst, slots + idx * wsize, nb, wsize);
		return;
	}
	for (i = 0; i < nb && idx < size; i++, idx++)
		__rte_ring_copy_word(dst + i * wsize, slots + idx * wsize,
			wsize);
	for (idx = 0; i < nb; i++, idx++)
		__rte_ring_copy_word(dst + i * wsize, slots + idx * wsize,
			wsize);
}

/*
 * Copies n elements of esize bytes from obj_table into the slots from
 * counter head on, in the widest words that divide esize. Each branch
 * has a constant word size, so even when esize is not a constant every
 * copy is inline loads and stores. skip_one: as in
 * __rte_ring_copy_in_words().
 */
static __rte_always_inline void
__rte_ring_copy_in_as(struct rte_ring *r, uint32_t head, const void *obj_table,
	uint32_t esize, uint32_t n, int skip_one)
{
	const uint8_t *src = (const uint8_t *)obj_table;

	if (esize % 16 == 0)
		__rte_ring_copy_in_words(r, head, src, n, esize / 16, 16,
			skip_one);
	else if (esize % 8 == 0)
		__rte_ring_copy_in_words(r, head, src, n, esize / 8, 8,
			skip_one);
	else
		__rte_ring_copy_in_words(r, head, src, n, esize / 4, 4,
			skip_one);
}

/* __rte_ring_copy_in_as() with skip_one set: what every mode but HTS
 * uses. */
static __rte_always_inline void
__rte_ring_copy_in(struct rte_ring *r, uint32_t head, const void *obj_table,
	uint32_t esize, uint32_t n)
{
	__rte_ring_copy_in_as(r, head, obj_table, esize, n, 1);
}

/* Copies n elements from the slots from counter head on into obj_table
 * (skip_one as in __rte_ring_copy_in_as()). */
static __rte_always_inline void
__rte_ring_copy_out_as(const struct rte_ring *r, uint32_t head, void *obj_table,
	uint32_t esize, uint32_t n, int skip_one)
{
	uint8_t *dst = (uint8_t *)obj_table;

	if (esize % 16 == 0)
		__rte_ring_copy_out_words(r, head, dst, n, esize / 16, 16,
			skip_one);
	else if (esize % 8 == 0)
		__rte_ring_copy_out_words(r, head, dst, n, esize / 8, 8,
			skip_one);
	else
		__rte_ring_copy_out_words(r, head, dst, n, esize / 4, 4,
			skip_one);
}

/* __rte_ring_copy_out_as() with skip_one set. */
static __rte_always_inline void
__rte_ring_copy_out(const struct rte_ring *r, uint32_t head, void *obj_table,
	uint32_t esize, uint32_t n)
{
	__rte_ring_copy_out_as(r, head, obj_table, esize, n, 1);
}

/*
 * The head an MT claim goes on from, given the MT head word *mt: its
 * position, unless ST calls moved the head since (union
 * __rte_ring_mt_head). Then ht->head is theirs, and it holds still: an
 * ST call never runs beside another call of its side, and MT calls move
 * ht->head only when they finish, after moving the MT head, which clears
 * the mark.
 */
static __rte_always_inline uint32_t
__rte_ring_mt_pos(const struct rte_ring_headtail *ht,
	const union __rte_ring_mt_head *mt)
{
	if (likely(mt->val.moved == 0))
		return mt->val.pos;
	/* The address of ht->head computed here, not shared with the
	 * claim's load of it: gcc kept the shared one on the stack for this
	 * rare path, a store on every call. */
	__asm__("" : "+r"(ht));
	return __atomic_load_n(&ht->head, __ATOMIC_RELAXED);
}

/*
 * The head a claim of this side starts from. An ST call starts from
 * ht->head (it marks the MT head moved in __rte_ring_room()). An MT call
 * starts from ht->head too, as a guess, and puts in *mt the word it
 * expects the MT head to hold: that position, mark clear. The guess is
 * right whenever no other claim of this side is in flight and no ST call
 * ran since the last MT one (an MT finish stores head with tail). The
 * compare-and-swap in __rte_ring_head_cas() checks it and, when it is
 * wrong, returns the word to go on from; a claim that finds no room
 * confirms its head first (__rte_ring_mt_confirm()).
 *
 * Why not load the MT head: its last write was the locked
 * compare-and-swap of the previous claim, and on an Intel Xeon a load
 * right behind a locked write to the same word waited for it, while
 * ht->head comes from a plain store. One lcore, mc_dequeue_bulk then
 * mp_enqueue_bulk with a run-time n of 1: 45-49 TSC cycles per pair
 * with the load, 34.5-37 with the guess (DPDK 22.11: 42-47); see
 * doc/performance.md, "The MT claim's starting head".
 */
static __rte_always_inline uint32_t
__rte_ring_claim_head(struct rte_ring_headtail *ht, unsigned int is_st,
	union __rte_ring_mt_head *mt)
{
	if (is_st)
		/* Only this thread moves ht->head now. */
		return __atomic_load_n(&ht->head, __ATOMIC_RELAXED);
	/* Acquire: pairs with the release store of the finish that left
	 * this position, made by the claim that moved the MT head there; a
	 * swap from it succeeds only if that claim was the last (rule 4). */
	mt->val.pos = __atomic_load_n(&ht->head, __ATOMIC_ACQUIRE);
	mt->val.moved = 0;
	return mt->val.pos;
}

/*
 * Moves the MT head from *mt (the word *head came from) to *head + n,
 * mark clear: true on success; on failure *mt gets the word found and
 * *head where to go on from. The caller goes on with *head, the value it
 * computed with, not with the value the compare-and-swap returns: the
 * two are equal on success, but only the first is known before the
 * locked instruction completes, so the slot index, the copies and the
 * tail test do not wait for it.
 */
static __rte_always_inline int
__rte_ring_head_cas(struct rte_ring_headtail *ht, union __rte_ring_mt_head *mt,
	uint32_t *head, uint32_t n)
{
	union __rte_ring_mt_head next;
	uint64_t found = mt->raw;

	next.val.pos = *head + n;
	next.val.moved = 0;
	/* found, not mt->raw: a local whose address the builtin takes stays
	 * in a register; mt's would go through the stack on every call. */
	if (likely(__atomic_compare_exchange_n(&ht->__mt.raw, &found, next.raw,
		    1, __ATOMIC_RELEASE, __ATOMIC_ACQUIRE)))
		return 1;
	mt->raw = found;
	*head = __rte_ring_mt_pos(ht, mt);
	return 0;
}

/*
 * Whether the MT head is still the word *mt that *head, with which an MT
 * claim found no room, came from; if not, *mt and *head get the new
 * ones. A position ST calls left behind must not answer "full" (or
 * "empty").
 */
static __rte_always_inline int
__rte_ring_mt_confirm(struct rte_ring_headtail *ht,
	union __rte_ring_mt_head *mt, uint32_t *head)
{
	union __rte_ring_mt_head now;

	/* Acquire: pairs with the release compare-and-swap that stored the
	 * word (rule 4). */
	now.raw = __atomic_load_n(&ht->__mt.raw, __ATOMIC_ACQUIRE);
	if (likely(now.raw == mt->raw))
		return 1;
	*mt = now;
	*head = __rte_ring_mt_pos(ht, mt);
	return 0;
}

/*
 * Room for a claim of n at counter head: free slots for a producer
 * (other_tail is cons.tail), objects for a consumer (other_tail is
 * prod.tail); unless exact, just n when there is room for n. Counted
 * first by the tail this side saw last (*seen): a tail the other side
 * had, so never ahead of its tail now, and the room it shows is there.
 * When that shows fewer than n, or is so old that head has lapped it, or
 * the caller reports the room (exact), the other side's tail is loaded,
 * and kept in *seen when it shows room beyond this claim. ST calls pass
 * the mark of their MT head in moved (others NULL): it is set on that
 * path, before a new record is kept (struct rte_ring_headtail).
 *
 * With one lcore on each side, each then takes the other side's cache
 * line only when the room it saw runs short, not on every call.
 */
static __rte_always_inline uint32_t
__rte_ring_room(const struct rte_ring *r, int is_prod, volatile uint32_t *seen,
	const volatile uint32_t *other_tail, volatile uint32_t *moved,
	uint32_t head, unsigned int n, int exact)
{
	const uint32_t cap = r->capacity;
	uint32_t tail, room;

	if (!exact) {
		/* Acquire: pairs with the release store below (rule 5). */
		tail = __atomic_load_n(seen, __ATOMIC_ACQUIRE);
		room = is_prod ? cap + tail - head : tail - head;
		/* room <= cap (not lapped) and n <= room in one test: cap -
		 * room wraps above cap when room exceeds it. Returns n, not
		 * room: nobody reads the room unless exact, and with n the
		 * caller's "fewer than n?" test folds away after inlining
		 * (four instructions less per call). A consumer's test has no
		 * likely(): one that takes each object as it comes finds the
		 * ring empty by its record on every call, and with the slow
		 * path out of line (two taken jumps per call) ptr SP/SC single
		 * on one lcore took 1.02-1.04 of DPDK's cycles on an Intel
		 * Xeon, 0.98-1.00 without the hint (doc/performance.md). */
		if (is_prod ? likely((uint64_t)(head - tail) + n <= cap) :
			      (uint64_t)(cap - room) + n <= cap)
			return n;
	}
	/* An ST call gets here at least once after an MT call finished
	 * (struct rte_ring_headtail): the mark goes up before a new record
	 * does. */
	if (moved != NULL &&
		unlikely(__atomic_load_n(moved, __ATOMIC_RELAXED) == 0))
		__atomic_store_n(moved, 1, __ATOMIC_RELAXED);
	/* Acquire: pairs with the release store of the other side's tail
	 * (a CAS in RTS and HTS modes) when it finished (rules 1 and 2). */
	tail = __atomic_load_n(other_tail, __ATOMIC_ACQUIRE);
	room = is_prod ? cap + tail - head : tail - head;
	/* Release: pairs with the acquire load above (rule 5). */
	if (room > n)
		__atomic_store_n(seen, tail, __ATOMIC_RELEASE);
	return room;
}

/*
 * Claims up to n free slots for a producer by moving its head (prod.head
 * for a single producer, the MT head for several). Returns
 * the number claimed (0 when behavior is FIXED and fewer than n are free);
 * *old_head is where the claimed run starts, *free_entries the free slots
 * seen before claiming: exactly as many as there were when exact is
 * non-zero, at most as many otherwise.
 */
static __rte_always_inline unsigned int
__rte_ring_prod_claim(struct rte_ring *r, unsigned int is_sp, unsigned int n,
	enum rte_ring_queue_behavior behavior, int exact, uint32_t *old_head,
	uint32_t *free_entries)
{
	const unsigned int wanted = n;
	union __rte_ring_mt_head mt;
	uint32_t head, nb_free;

	head = __rte_ring_claim_head(&r->prod, is_sp, &mt);
	for (;;) {
		nb_free = __rte_ring_room(r, 1,
			is_sp ? &r->prod.__st_seen : &r->prod_seen.tail,
			&r->cons.tail, is_sp ? &r->prod.__mt.val.moved : NULL,
			head, wanted, exact);
		n = wanted;
		if (unlikely(n > nb_free))
			n = behavior == RTE_RING_QUEUE_FIXED ? 0 : nb_free;
		if (n == 0) {
			if (is_sp || __rte_ring_mt_confirm(&r->prod, &mt, &head))
				break;
			continue;
		}
		if (is_sp) {
			__atomic_store_n(&r->prod.head, head + n,
				__ATOMIC_RELAXED);
			break;
		}
		/* Release: pairs with the acquire load of the MT head by a
		 * producer whose swap failed or that confirms its head. On
		 * failure the word is loaded with acquire (rule 4). */
		if (likely(__rte_ring_head_cas(&r->prod, &mt, &head, n)))
			break;
	}
	*old_head = head;
	*free_entries = nb_free;
	return n;
}

/*
 * Claims up to n full slots for a consumer by moving its head; the
 * mirror of __rte_ring_prod_claim(). *entries is the number of objects
 * seen before claiming.
 */
static __rte_always_inline unsigned int
__rte_ring_cons_claim(struct rte_ring *r, unsigned int is_sc, unsigned int n,
	enum rte_ring_queue_behavior behavior, int exact, uint32_t *old_head,
	uint32_t *entries)
{
	const unsigned int wanted = n;
	union __rte_ring_mt_head mt;
	uint32_t head, nb_used;

	head = __rte_ring_claim_head(&r->cons, is_sc, &mt);
	for (;;) {
		/* The slots up to the tail counted hold their objects. */
		nb_used = __rte_ring_room(r, 0,
			is_sc ? &r->cons.__st_seen : &r->cons_seen.tail,
			&r->prod.tail, is_sc ? &r->cons.__mt.val.moved : NULL,
			head, wanted, exact);
		n = wanted;
		if (unlikely(n > nb_used))
			n = behavior == RTE_RING_QUEUE_FIXED ? 0 : nb_used;
		if (n == 0) {
			if (is_sc || __rte_ring_mt_confirm(&r->cons, &mt, &head))
				break;
			continue;
		}
		if (is_sc) {
			__atomic_store_n(&r->cons.head, head + n,
				__ATOMIC_RELAXED);
			break;
		}
		/* Release/acquire: as in __rte_ring_prod_claim() (rule 4). */
		if (likely(__rte_ring_head_cas(&r->cons, &mt, &head, n)))
			break;
	}
	*old_head = head;
	*entries = nb_used;
	return n;
}

/*
 * Spins allowed while waiting for another thread of the ring before
 * giving the CPU away. That thread needs well under a microsecond to
 * finish unless it was preempted; after this many pauses (tens of
 * microseconds) it most likely was, and yielding lets it run when threads
 * outnumber CPUs, instead of spinning to the end of our time slice.
 */
#define __RTE_RING_SPINS_BEFORE_YIELD 1024

/* One round of a wait loop: pause, and yield now and then. */
static __rte_always_inline void
__rte_ring_wait_round(unsigned int *spins)
{
	rte_pause();
	if (unlikely(++*spins == __RTE_RING_SPINS_BEFORE_YIELD)) {
		sched_yield();
		*spins = 0;
	}
}

/*
 * The waiting part of __rte_ring_finish(): until *tail == old_tail.
 * Out of line and cold, so that the call to sched_yield() costs the fast
 * path no registers.
 */
static __rte_noinline __rte_cold __rte_unused void
__rte_ring_wait_tail(volatile uint32_t *tail, uint32_t old_tail)
{
	unsigned int spins = 0;

	/* Acquire: as in __rte_ring_finish() (rule 3). */
	while (__atomic_load_n(tail, __ATOMIC_ACQUIRE) != old_tail)
		__rte_ring_wait_round(&spins);
}

/*
 * Stores pos as both head and tail of a side's tail line, in one 64-bit
 * release store: the word HTS mode swaps (struct rte_ring_hts_headtail),
 * which lies over ht->head and ht->tail in the other modes. The other
 * side's 32-bit acquire loads of the tail pair with it.
 */
static __rte_always_inline void
__rte_ring_store_head_tail(volatile union __rte_ring_hts_pos *w, uint32_t pos)
{
	/* Both halves pos, whatever the byte order; shifts and an or, not
	 * the vector shuffle the compiler picks for two field stores. */
	const uint64_t both = (uint64_t)pos << 32 | pos;

	__RTE_RING_TSAN_RELEASE(&w->pos.tail);
	__atomic_store_n(&w->raw, both, __ATOMIC_RELEASE);
}

/*
 * Publishes a finished operation: moves ht->tail from old_tail to
 * new_tail, after the operations that claimed slots before it have.
 */
static __rte_always_inline void
__rte_ring_finish(struct rte_ring_headtail *ht, uint32_t old_tail,
	uint32_t new_tail, unsigned int single)
{
	struct rte_ring_hts_headtail *hts = (struct rte_ring_hts_headtail *)ht;

	/* Acquire: pairs with the release store just below in the thread
	 * that moved the tail to old_tail, so its slot work is carried along
	 * by our own release (rule 3). */
	if (!single) {
		if (unlikely(__atomic_load_n(&ht->tail, __ATOMIC_ACQUIRE) !=
			    old_tail))
			__rte_ring_wait_tail(&ht->tail, old_tail);
		/* ST calls are to look at the mark (struct
		 * rte_ring_headtail), and head goes along with tail in MT
		 * mode: head and tail in one store (two separate stores made
		 * 16B MP/MC bulk 8 on one lcore 1.04 of DPDK's cycles on an
		 * Intel Xeon, one 0.95-0.97; doc/performance.md). */
		__atomic_store_n(&ht->__st_seen, __RTE_RING_ST_UNSEEN(new_tail),
			__ATOMIC_RELAXED);
		/* Release: as the tail store below. */
		__rte_ring_store_head_tail(&hts->ht, new_tail);
		return;
	}
	/* Release: pairs with the acquire load of this tail by the other
	 * side in __rte_ring_prod_claim()/__rte_ring_cons_claim() (rules 1
	 * and 2), and with the wait above in the next thread (rule 3). */
	__atomic_store_n(&ht->tail, new_tail, __ATOMIC_RELEASE);
}

/**
 * @internal Enqueues n elements of esize bytes in MT or ST mode.
 * is_sp is RTE_RING_SYNC_ST for one producer, RTE_RING_SYNC_MT for several.
 * Returns the number enqueued; *free_space (if not NULL) gets the free
 * slots left.
 */
static __rte_always_inline unsigned int
__rte_ring_do_enqueue_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n,
	enum rte_ring_queue_behavior behavior, unsigned int is_sp,
	unsigned int *free_space)
{
	uint32_t head, nb_free;

	/* MT: the counters' addresses from r at each call, not hoisted out
	 * of the caller's loop, each into a register of its own: in a loop
	 * of 16-byte bulk 32 enqueues and dequeues they ran out and spilled
	 * (9 stack accesses per round; none with this). */
	if (!is_sp)
		__asm__("" : "+r"(r));
	n = __rte_ring_prod_claim(r, is_sp, n, behavior, free_space != NULL,
		&head, &nb_free);
	if (likely(n != 0)) {
		__rte_ring_copy_in(r, head, obj_table, esize, n);
		__rte_ring_finish(&r->prod, head, head + n, is_sp);
	}
	if (free_space != NULL)
		*free_space = nb_free - n;
	return n;
}

/**
 * @internal Dequeues n elements of esize bytes in MT or ST mode.
 * is_sc is RTE_RING_SYNC_ST for one consumer, RTE_RING_SYNC_MT for several.
 * Returns the number dequeued; *available (if not NULL) gets the objects
 * left.
 */
static __rte_always_inline unsigned int
__rte_ring_do_dequeue_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n,
	enum rte_ring_queue_behavior behavior, unsigned int is_sc,
	unsigned int *available)
{
	uint32_t head, nb_used;

	/* As in __rte_ring_do_enqueue_elem(). */
	if (!is_sc)
		__asm__("" : "+r"(r));
	n = __rte_ring_cons_claim(r, is_sc, n, behavior, available != NULL,
		&head, &nb_used);
	if (likely(n != 0)) {
		__rte_ring_copy_out(r, head, obj_table, esize, n);
		__rte_ring_finish(&r->cons, head, head + n, is_sc);
	}
	if (available != NULL)
		*available = nb_used - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_ELEM_PVT_H_ */
