/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Single-thread (sp/sc) and multi-thread (mp/mc) calls on one ring, one
 * after the other, as DPDK allows: ST calls move head on the tail line
 * and mark the MT head moved, MT calls move the MT head and take head
 * along when they finish (union __rte_ring_mt_head and struct
 * rte_ring_headtail, rte_ring_core.h).
 * Every mix keeps the objects in order with head equal to tail between
 * calls, from fresh counters and from counters about to wrap; the mark
 * is set by the first ST call only and cleared by an MT one; the peek
 * calls mix in too; and two threads whose MT calls race right after ST
 * calls never claim the same slots.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_ring.h>
#include <rte_ring_elem.h>
#include <rte_ring_peek.h>

#include "ring/ring_test.h"

#define COUNT 64 /* slots of the test rings */

static void *out[COUNT];

/* A pointer ring with flags, every counter at pos; free() it. */
static struct rte_ring *
new_ring(unsigned int flags, uint32_t pos)
{
	struct rte_ring *r = aligned_alloc(RTE_CACHE_LINE_SIZE,
		(size_t)rte_ring_get_memsize(COUNT));

	assert_non_null(r);
	assert_int_equal(rte_ring_init(r, "st_head", COUNT, flags), 0);
	ring_test_set_side(&r->prod, pos);
	ring_test_set_side(&r->cons, pos);
	r->prod_seen.tail = pos;
	r->cons_seen.tail = pos;
	return r;
}

/* Between calls, head equals tail on both sides, whatever moved them. */
static void
assert_quiet(const struct rte_ring *r)
{
	assert_int_equal(r->prod.head, r->prod.tail);
	assert_int_equal(r->cons.head, r->cons.tail);
}

/* Objects 1, 2, 3 ... in the order they go in. */
static uintptr_t next_in, next_out;

static void
enqueue(struct rte_ring *r, int single, unsigned int n)
{
	void *objs[COUNT];
	unsigned int i;

	for (i = 0; i < n; i++)
		objs[i] = (void *)++next_in;
	assert_int_equal(single ? rte_ring_sp_enqueue_bulk(r, objs, n, NULL) :
				  rte_ring_mp_enqueue_bulk(r, objs, n, NULL),
		n);
	assert_quiet(r);
}

static void
dequeue(struct rte_ring *r, int single, unsigned int n)
{
	unsigned int i;

	assert_int_equal(single ? rte_ring_sc_dequeue_burst(r, out, n, NULL) :
				  rte_ring_mc_dequeue_burst(r, out, n, NULL),
		n);
	for (i = 0; i < n; i++)
		assert_ptr_equal(out[i], (void *)++next_out);
	assert_quiet(r);
}

/* Every switch between the two kinds of call, on both sides. */
static void
mix_calls(unsigned int flags, uint32_t pos)
{
	struct rte_ring *r = new_ring(flags, pos);
	unsigned int round;

	next_in = next_out = 0;
	for (round = 0; round < 3; round++) {
		enqueue(r, 0, 3);
		enqueue(r, 1, 5);
		enqueue(r, 1, 2);
		dequeue(r, 1, 4);
		enqueue(r, 0, 7);
		dequeue(r, 0, 6);
		dequeue(r, 0, 1);
		dequeue(r, 1, 6);
	}
	assert_int_equal(rte_ring_count(r), 0);
	assert_int_equal(r->prod.tail, pos + 3 * 17);
	free(r);
}

static void
test_mix_calls(void **state)
{
	static const uint32_t pos[] = { 0, UINT32_MAX - 20 };
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(pos); i++) {
		mix_calls(0, pos[i]);
		mix_calls(RING_F_SP_ENQ | RING_F_SC_DEQ, pos[i]);
	}
}

/*
 * A ring fresh from rte_ring_init(), counters untouched: its first ST
 * calls mark the MT heads moved, so MT calls after them go on from there.
 */
static void
test_fresh_ring(void **state)
{
	struct rte_ring *r = aligned_alloc(RTE_CACHE_LINE_SIZE,
		(size_t)rte_ring_get_memsize(COUNT));

	(void)state;
	assert_non_null(r);
	assert_int_equal(rte_ring_init(r, "fresh", COUNT, 0), 0);
	next_in = next_out = 0;
	enqueue(r, 1, 2);
	assert_int_equal(r->prod.__mt.val.moved, 1);
	dequeue(r, 1, 1);
	assert_int_equal(r->cons.__mt.val.moved, 1);
	enqueue(r, 0, 3);
	dequeue(r, 0, 4);
	assert_int_equal(r->prod.__mt.val.pos, 5);
	assert_int_equal(r->cons.__mt.val.pos, 5);
	free(r);
}

/* The mark: set by the first ST call, left by the next, cleared by MT. */
static void
test_moved_mark(void **state)
{
	struct rte_ring *r = new_ring(0, 10);

	(void)state;
	next_in = next_out = 0;
	enqueue(r, 1, 2);
	assert_int_equal(r->prod.__mt.val.moved, 1);
	assert_int_equal(r->prod.__mt.val.pos, 10);
	assert_int_equal(r->prod.head, 12);
	enqueue(r, 1, 2);
	assert_int_equal(r->prod.__mt.val.moved, 1);
	enqueue(r, 0, 3);
	assert_int_equal(r->prod.__mt.val.moved, 0);
	assert_int_equal(r->prod.__mt.val.pos, 17);
	assert_int_equal(r->cons.__mt.val.moved, 0);
	dequeue(r, 1, 1);
	assert_int_equal(r->cons.__mt.val.moved, 1);
	dequeue(r, 0, 6);
	assert_int_equal(r->cons.__mt.val.moved, 0);
	assert_int_equal(r->cons.__mt.val.pos, 17);
	/* An ST call whose record shows room after an MT call still sets
	 * the mark: the MT call left a value no tail can have there. */
	enqueue(r, 1, 1);
	assert_int_equal(r->prod.__mt.val.moved, 1);
	assert_int_not_equal(r->prod.__st_seen, __RTE_RING_ST_UNSEEN(18));
	enqueue(r, 0, 1);
	assert_int_equal(r->prod.__st_seen, __RTE_RING_ST_UNSEEN(19));
	enqueue(r, 1, 1);
	assert_int_equal(r->prod.__mt.val.moved, 1);
	enqueue(r, 0, 1);
	assert_int_equal(r->prod.__mt.val.pos, 21);
	dequeue(r, 1, 1);
	dequeue(r, 0, 1);
	dequeue(r, 1, 1);
	assert_int_equal(r->cons.__mt.val.moved, 1);
	dequeue(r, 0, 1);
	assert_int_equal(r->cons.__mt.val.pos, 21);
	free(r);
}

/* Peek calls (ST rings only) between MT calls and plain ST calls. */
static void
test_mix_peek(void **state)
{
	struct rte_ring *r = new_ring(RING_F_SP_ENQ | RING_F_SC_DEQ, 0);
	void *objs[4];
	unsigned int i;

	(void)state;
	next_in = next_out = 0;
	enqueue(r, 0, 3);
	for (i = 0; i < 4; i++)
		objs[i] = (void *)(next_in + 1 + i);
	assert_int_equal(rte_ring_enqueue_bulk_start(r, 4, NULL), 4);
	/* head moved at the start, tail not yet. */
	assert_int_equal(r->prod.head, r->prod.tail + 4);
	rte_ring_enqueue_finish(r, objs, 2);
	next_in += 2;
	assert_quiet(r);
	enqueue(r, 0, 1);
	enqueue(r, 1, 1);
	assert_int_equal(rte_ring_dequeue_bulk_start(r, out, 2, NULL), 2);
	rte_ring_dequeue_finish(r, 1);
	assert_ptr_equal(out[0], (void *)++next_out);
	assert_quiet(r);
	dequeue(r, 0, 6);
	assert_int_equal(rte_ring_count(r), 0);
	free(r);
}

/* Two threads' MT calls, each round just after the main thread's ST ones. */
#define RACE_ROUNDS 3000
#define RACE_N	    3 /* objects per racing call */

static struct {
	struct rte_ring *r;
	pthread_barrier_t go, done;
	uintptr_t got[2][RACE_N]; /* what each racer dequeued */
	unsigned int ok[2];
} race;

static void *
race_main(void *arg)
{
	const unsigned int me = (unsigned int)(uintptr_t)arg;
	void *objs[RACE_N];
	unsigned int round, i;

	for (round = 0; round < RACE_ROUNDS; round++) {
		for (i = 0; i < RACE_N; i++)
			objs[i] = (void *)(uintptr_t)(1000 * (me + 1) + i);
		pthread_barrier_wait(&race.go);
		race.ok[me] = rte_ring_mp_enqueue_bulk(race.r, objs, RACE_N,
				      NULL) == RACE_N;
		pthread_barrier_wait(&race.done);
		pthread_barrier_wait(&race.go);
		race.ok[me] &= rte_ring_mc_dequeue_bulk(race.r,
				       (void **)race.got[me], RACE_N,
				       NULL) == RACE_N;
		pthread_barrier_wait(&race.done);
	}
	return NULL;
}

/* Sum of what the two racers' calls moved: each object exactly once. */
static uintptr_t
race_sum(void **v, unsigned int n)
{
	uintptr_t sum = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		sum += (uintptr_t)v[i];
	return sum;
}

static void
test_race_after_st(void **state)
{
	const uintptr_t both = 3 * (1000 + 2000) + 2 * (0 + 1 + 2);
	pthread_t t[2];
	void *all[2 * RACE_N + 1], *mine = (void *)7;
	unsigned int round, k;

	(void)state;
	race.r = new_ring(0, UINT32_MAX - 100);
	assert_int_equal(pthread_barrier_init(&race.go, NULL, 3), 0);
	assert_int_equal(pthread_barrier_init(&race.done, NULL, 3), 0);
	for (k = 0; k < 2; k++)
		assert_int_equal(pthread_create(&t[k], NULL, race_main,
					 (void *)(uintptr_t)k),
			0);
	for (round = 0; round < RACE_ROUNDS; round++) {
		/* ST calls mark both MT heads moved, then the racers go. */
		assert_int_equal(rte_ring_sp_enqueue(race.r, mine), 0);
		pthread_barrier_wait(&race.go);
		pthread_barrier_wait(&race.done);
		assert_true(race.ok[0] && race.ok[1]);
		assert_int_equal(rte_ring_sc_dequeue_bulk(race.r, all,
					 2 * RACE_N + 1, NULL),
			2 * RACE_N + 1);
		assert_ptr_equal(all[0], mine);
		assert_int_equal(race_sum(all + 1, 2 * RACE_N), both);
		/* Back in, and one ST dequeue before the racers' MC ones. */
		assert_int_equal(rte_ring_sp_enqueue_bulk(race.r, all,
					 2 * RACE_N + 1, NULL),
			2 * RACE_N + 1);
		assert_int_equal(rte_ring_sc_dequeue(race.r, &mine), 0);
		assert_ptr_equal(mine, all[0]);
		pthread_barrier_wait(&race.go);
		pthread_barrier_wait(&race.done);
		assert_true(race.ok[0] && race.ok[1]);
		assert_int_equal(race_sum((void **)race.got[0], RACE_N) +
				race_sum((void **)race.got[1], RACE_N),
			both);
		assert_int_equal(rte_ring_count(race.r), 0);
		assert_quiet(race.r);
	}
	for (k = 0; k < 2; k++)
		assert_int_equal(pthread_join(t[k], NULL), 0);
	pthread_barrier_destroy(&race.go);
	pthread_barrier_destroy(&race.done);
	free(race.r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		/* First: they fail where the others would wait forever. */
		cmocka_unit_test(test_fresh_ring),
		cmocka_unit_test(test_moved_mark),
		cmocka_unit_test(test_mix_calls),
		cmocka_unit_test(test_mix_peek),
		cmocka_unit_test(test_race_after_st),
	};

	/* A claim from a wrong head waits forever for a tail that never
	 * comes: SIGALRM ends such a run as a failure. */
	alarm(120);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
