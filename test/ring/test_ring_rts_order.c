/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * RTS mode when operations finish in another order than they claimed,
 * driven step by step on one thread through the claim and finish of
 * rte_ring_rts_elem_pvt.h: the tail never moves over a run still in
 * flight; a run that finishes after every earlier one, before any later
 * one, shows at once; once all have finished, tail and head are the same
 * word and the ring holds exactly what was enqueued, in claim order. Each case also runs
 * from counters about to wrap. Several threads are in test_ring_stress.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ring.h>
#include <rte_ring_elem.h>

#include "ring/ring_test.h"

#define COUNT 64 /* slots of the test rings */

static void *objs[COUNT];
static void *out[COUNT];

/* One claimed run, not finished yet. */
struct op {
	uint32_t head; /* where the run starts */
	uint32_t cnt;  /* head.cnt its claim made */
	uint32_t n;
};

/*
 * An RTS ring with every counter at pos and every count at cnt (as if
 * that many operations had passed); free() it.
 */
static struct rte_ring *
new_ring(uint32_t cnt, uint32_t pos)
{
	struct rte_ring *r = aligned_alloc(RTE_CACHE_LINE_SIZE,
		(size_t)rte_ring_get_memsize(COUNT));
	union __rte_ring_rts_poscnt w;
	uintptr_t i;

	assert_non_null(r);
	assert_int_equal(rte_ring_init(r, "rts", COUNT,
				 RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ),
		0);
	w = __rte_ring_rts_poscnt_of(cnt, pos);
	r->rts_prod.head.raw = w.raw;
	r->rts_prod.tail.raw = w.raw;
	r->rts_cons.head.raw = w.raw;
	r->rts_cons.tail.raw = w.raw;
	r->prod_seen.tail = pos;
	r->cons_seen.tail = pos;
	for (i = 0; i < COUNT; i++)
		objs[i] = (void *)(i + 1);
	return r;
}

/*
 * Claims n slots for the producer and fills them from buf, or n objects
 * for the consumer and copies them to buf.
 */
static struct op
claim(struct rte_ring *r, int is_prod, uint32_t n, void **buf)
{
	struct op op = { .n = n };
	uint32_t room;

	assert_int_equal(__rte_ring_rts_claim(r,
				 is_prod ? &r->rts_prod : &r->rts_cons, is_prod,
				 is_prod ? &r->prod_seen.tail :
					   &r->cons_seen.tail,
				 is_prod ? &r->cons.tail : &r->prod.tail, n,
				 RTE_RING_QUEUE_FIXED, 0, &op.head, &op.cnt,
				 &room),
		n);
	if (is_prod)
		__rte_ring_copy_in(r, op.head, buf, sizeof(void *), n);
	else
		__rte_ring_copy_out(r, op.head, buf, sizeof(void *), n);
	return op;
}

static struct op
enq_claim(struct rte_ring *r, uint32_t n, unsigned int from)
{
	return claim(r, 1, n, objs + from);
}

static struct op
deq_claim(struct rte_ring *r, uint32_t n, unsigned int to)
{
	return claim(r, 0, n, out + to);
}

static void
finish(struct rte_ring_rts_headtail *ht, const struct op *op)
{
	__rte_ring_rts_finish(ht, op->head, op->cnt, op->n);
}

/* Every operation finished: tail and head are one word on both sides. */
static void
assert_settled(const struct rte_ring *r)
{
	assert_true(r->rts_prod.tail.raw == r->rts_prod.head.raw);
	assert_true(r->rts_cons.tail.raw == r->rts_cons.head.raw);
}

/* Dequeues everything and checks it is objs[0..n-1], in order. */
static void
assert_holds_first(struct rte_ring *r, unsigned int n)
{
	assert_int_equal(rte_ring_count(r), n);
	assert_int_equal(rte_ring_mc_rts_dequeue_burst(r, out, COUNT, NULL), n);
	assert_memory_equal(out, objs, n * sizeof(void *));
	assert_settled(r);
}

/* Producers finish in claim order: each run shows as it finishes. */
static void
enq_in_order(uint32_t cnt, uint32_t pos)
{
	struct rte_ring *r = new_ring(cnt, pos);
	struct op a = enq_claim(r, 3, 0), b = enq_claim(r, 4, 3);

	assert_int_equal(rte_ring_count(r), 0);
	finish(&r->rts_prod, &a);
	assert_int_equal(rte_ring_count(r), 3);
	finish(&r->rts_prod, &b);
	assert_holds_first(r, 7);
	free(r);
}

/* The later producer finishes first: nothing shows until both have. */
static void
enq_reversed(uint32_t cnt, uint32_t pos)
{
	struct rte_ring *r = new_ring(cnt, pos);
	struct op a = enq_claim(r, 3, 0), b = enq_claim(r, 4, 3);

	finish(&r->rts_prod, &b);
	assert_int_equal(rte_ring_count(r), 0);
	assert_int_equal(rte_ring_mc_rts_dequeue_burst(r, out, COUNT, NULL), 0);
	finish(&r->rts_prod, &a);
	assert_holds_first(r, 7);
	free(r);
}

/*
 * Three producers: the first finishes (its run shows), then the third
 * (nothing more shows: the second is in flight), then the second (all).
 */
static void
enq_middle_last(uint32_t cnt, uint32_t pos)
{
	struct rte_ring *r = new_ring(cnt, pos);
	struct op a = enq_claim(r, 2, 0), b = enq_claim(r, 1, 2),
		  c = enq_claim(r, 5, 3);

	finish(&r->rts_prod, &a);
	assert_int_equal(rte_ring_count(r), 2);
	finish(&r->rts_prod, &c);
	assert_int_equal(rte_ring_count(r), 2);
	finish(&r->rts_prod, &b);
	assert_holds_first(r, 8);
	free(r);
}

/*
 * Consumers: the third finishes first, then the first, whose slots stay
 * held (the tail's count includes the third, so the first cannot tell
 * that its run is the next one); all come free with the second. Each got
 * the objects of its own run.
 */
static void
deq_out_of_order(uint32_t cnt, uint32_t pos)
{
	struct rte_ring *r = new_ring(cnt, pos);
	struct op a, b, c;

	assert_int_equal(rte_ring_mp_rts_enqueue_bulk(r, objs, 10, NULL), 10);
	a = deq_claim(r, 2, 0);
	b = deq_claim(r, 3, 2);
	c = deq_claim(r, 1, 5);
	finish(&r->rts_cons, &c);
	assert_int_equal(rte_ring_free_count(r), COUNT - 1 - 10);
	finish(&r->rts_cons, &a);
	assert_int_equal(rte_ring_free_count(r), COUNT - 1 - 10);
	finish(&r->rts_cons, &b);
	assert_int_equal(rte_ring_free_count(r), COUNT - 1 - 4);
	assert_memory_equal(out, objs, 6 * sizeof(void *));
	assert_int_equal(rte_ring_mc_rts_dequeue_bulk(r, out, 4, NULL), 4);
	assert_memory_equal(out, objs + 6, 4 * sizeof(void *));
	assert_settled(r);
	free(r);
}

/*
 * Each case from a fresh ring and from counters that wrap during it
 * (pos and cnt both 32 bits: UINT32_MAX - 1 wraps within two claims).
 */
#define RTS_ORDER_TEST(name) \
	static void test_##name(void **state) \
	{ \
		(void)state; \
		name(0, 0); \
		name(UINT32_MAX - 1, UINT32_MAX - 1); \
		name(UINT32_MAX, UINT32_MAX - 4); \
	}
RTS_ORDER_TEST(enq_in_order)
RTS_ORDER_TEST(enq_reversed)
RTS_ORDER_TEST(enq_middle_last)
RTS_ORDER_TEST(deq_out_of_order)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enq_in_order),
		cmocka_unit_test(test_enq_reversed),
		cmocka_unit_test(test_enq_middle_last),
		cmocka_unit_test(test_deq_out_of_order),
	};

	return cmocka_run_group_tests_name("ring_rts_order", tests, NULL, NULL);
}
