/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The peek and zero-copy ring APIs (rte_ring_peek.h, rte_ring_peek_zc.h)
 * on single-thread and HTS rings, pointer and 16-byte elements: start
 * reserves without publishing, finish publishes (or removes) part of the
 * reservation and gives the rest back, bulk is all or nothing, burst
 * partial, the zero-copy run splits where the slots wrap, and modes that
 * cannot peek (MP/MC, RTS) reserve nothing. Two threads on an HTS ring
 * check that peek operations exclude each other and lose nothing.
 */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>

#include <rte_ring.h>
#include <rte_ring_elem.h>

#include "ring/ring_test.h"

#define PEEK_COUNT 16		    /* slots */
#define PEEK_CAP   (PEEK_COUNT - 1) /* objects a ring holds */

/* The creation flags of the modes that allow peek. */
static const unsigned int peek_modes[] = {
	RING_F_SP_ENQ | RING_F_SC_DEQ,
	RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ,
};

/* Reads 16-byte element i of the test pattern into e. */
static void
pattern(uint32_t e[4], uint32_t i)
{
	e[0] = i;
	e[1] = ~i;
	e[2] = i * 3;
	e[3] = i ^ 0x5a5a5a5a;
}

/* Peek on a pointer ring: reserve, partial finish, contents, counts. */
static int
peek_pointer_case(unsigned int flags)
{
	struct rte_ring *r;
	void *in[8], *out[8];
	unsigned int i, fs = 99, av = 99;

	r = rte_ring_create("peek_ptr", PEEK_COUNT, SOCKET_ID_ANY, flags);
	CHECK(r != NULL);
	for (i = 0; i < 8; i++)
		in[i] = (void *)(uintptr_t)(0x1000 + i);

	/* Reserved room is not visible to consumers until finish. */
	CHECK(rte_ring_enqueue_bulk_start(r, 8, &fs) == 8);
	CHECK(fs == PEEK_CAP - 8);
	CHECK(rte_ring_count(r) == 0);
	/* Finish with 5 of 8: the other 3 are given back. */
	rte_ring_enqueue_finish(r, in, 5);
	CHECK(rte_ring_count(r) == 5);
	CHECK(rte_ring_free_count(r) == PEEK_CAP - 5);

	/* Bulk start needing more room than there is reserves nothing. */
	CHECK(rte_ring_enqueue_bulk_start(r, PEEK_CAP, &fs) == 0);
	CHECK(fs == PEEK_CAP - 5);
	rte_ring_enqueue_finish(r, in, 0);
	/* Burst start takes what fits. */
	CHECK(rte_ring_enqueue_burst_start(r, PEEK_CAP, &fs) == PEEK_CAP - 5);
	CHECK(fs == 0);
	rte_ring_enqueue_finish(r, in, 0);
	CHECK(rte_ring_count(r) == 5);

	/* Dequeue start copies out but leaves the objects in the ring. */
	CHECK(rte_ring_dequeue_bulk_start(r, out, 4, &av) == 4);
	CHECK(av == 1);
	for (i = 0; i < 4; i++)
		CHECK(out[i] == in[i]);
	CHECK(rte_ring_count(r) == 5);
	rte_ring_dequeue_finish(r, 2); /* removes in[0], in[1] */
	CHECK(rte_ring_count(r) == 3);
	CHECK(rte_ring_dequeue_bulk_start(r, out, 4, &av) == 0);
	rte_ring_dequeue_finish(r, 0);
	CHECK(rte_ring_dequeue_burst_start(r, out, 8, &av) == 3);
	CHECK(av == 0);
	CHECK(out[0] == in[2] && out[1] == in[3] && out[2] == in[4]);
	rte_ring_dequeue_finish(r, 3);
	CHECK(rte_ring_empty(r));
	rte_ring_free(r);
	return 0;
}

RING_BODY(body_peek_pointer)
{
	unsigned int m;
	int line;

	for (m = 0; m < RTE_DIM(peek_modes); m++) {
		line = peek_pointer_case(peek_modes[m]);
		if (line != 0)
			return line;
	}
	return 0;
}

/* Peek on 16-byte elements across the wrap of the slots. */
static int
peek_elem_case(unsigned int flags)
{
	uint32_t in[PEEK_CAP][4], out[PEEK_CAP][4];
	struct rte_ring *r;
	unsigned int i, round, base = 0;

	r = rte_ring_create_elem("peek_elem", 16, PEEK_COUNT, SOCKET_ID_ANY,
		flags);
	CHECK(r != NULL);
	/* Rounds of 6 move the run across the end of the slots. */
	for (round = 0; round < 7; round++, base += 6) {
		for (i = 0; i < 6; i++)
			pattern(in[i], base + i);
		CHECK(rte_ring_enqueue_bulk_elem_start(r, 6, NULL) == 6);
		rte_ring_enqueue_elem_finish(r, in, 16, 6);
		CHECK(rte_ring_dequeue_bulk_elem_start(r, out, 16, 6, NULL) ==
			6);
		CHECK(memcmp(in, out, 6 * 16) == 0);
		rte_ring_dequeue_elem_finish(r, 6);
	}
	CHECK(rte_ring_empty(r));
	rte_ring_free(r);
	return 0;
}

RING_BODY(body_peek_elem)
{
	unsigned int m;
	int line;

	for (m = 0; m < RTE_DIM(peek_modes); m++) {
		line = peek_elem_case(peek_modes[m]);
		if (line != 0)
			return line;
	}
	return 0;
}

/* Zero-copy: the run splits at the last slot; contents travel in place. */
static int
zc_case(unsigned int flags)
{
	struct rte_ring_zc_data zcd;
	struct rte_ring *r;
	uint32_t(*slot)[4], e[4];
	unsigned int i, fs, av;

	r = rte_ring_create_elem("peek_zc", 16, PEEK_COUNT, SOCKET_ID_ANY,
		flags);
	CHECK(r != NULL);
	/* Move the counters to 12 slots before the end. */
	CHECK(rte_ring_enqueue_zc_burst_elem_start(r, 16, 12, &zcd, &fs) == 12);
	CHECK(zcd.n1 == 12 && zcd.ptr2 == NULL);
	rte_ring_enqueue_zc_elem_finish(r, 12);
	CHECK(rte_ring_dequeue_zc_bulk_elem_start(r, 16, 12, &zcd, &av) == 12);
	rte_ring_dequeue_zc_elem_finish(r, 12);
	CHECK(rte_ring_empty(r));

	/* 10 slots from slot 12: 4 at ptr1, 6 at ptr2 (slot 0). */
	CHECK(rte_ring_enqueue_zc_bulk_elem_start(r, 16, 10, &zcd, &fs) == 10);
	CHECK(fs == PEEK_CAP - 10);
	CHECK(zcd.n1 == 4);
	CHECK(zcd.ptr2 == (void *)&r[1]);
	CHECK(zcd.ptr1 == (void *)((uint8_t *)&r[1] + 12 * 16));
	for (i = 0; i < 10; i++) {
		slot = i < zcd.n1 ? (uint32_t(*)[4])zcd.ptr1 + i :
				    (uint32_t(*)[4])zcd.ptr2 + (i - zcd.n1);
		pattern(*slot, 100 + i);
	}
	rte_ring_enqueue_zc_elem_finish(r, 10);
	CHECK(rte_ring_count(r) == 10);
	/* Bulk of more than there is reserves nothing. */
	CHECK(rte_ring_dequeue_zc_bulk_elem_start(r, 16, 11, &zcd, &av) == 0);
	rte_ring_dequeue_zc_elem_finish(r, 0);
	CHECK(rte_ring_dequeue_zc_burst_elem_start(r, 16, 11, &zcd, &av) == 10);
	CHECK(av == 0 && zcd.n1 == 4);
	for (i = 0; i < 10; i++) {
		slot = i < zcd.n1 ? (uint32_t(*)[4])zcd.ptr1 + i :
				    (uint32_t(*)[4])zcd.ptr2 + (i - zcd.n1);
		pattern(e, 100 + i);
		CHECK(memcmp(*slot, e, 16) == 0);
	}
	/* Release 7; the last 3 stay and come out next, in order. */
	rte_ring_dequeue_zc_elem_finish(r, 7);
	CHECK(rte_ring_count(r) == 3);
	CHECK(rte_ring_dequeue_elem(r, e, 16) == 0);
	CHECK(e[0] == 107);
	rte_ring_free(r);
	return 0;
}

RING_BODY(body_zc)
{
	unsigned int m;
	int line;

	for (m = 0; m < RTE_DIM(peek_modes); m++) {
		line = zc_case(peek_modes[m]);
		if (line != 0)
			return line;
	}
	return 0;
}

/* Pointer-ring zero-copy calls, and the modes that cannot peek. */
RING_BODY(body_zc_pointer_and_unsupported)
{
	static const unsigned int no_peek[] = {
		0, /* MP/MC */
		RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ,
	};
	struct rte_ring_zc_data zcd;
	struct rte_ring *r;
	void *obj = &zcd, *out = NULL;
	unsigned int m, fs = 7, av = 7;

	r = rte_ring_create("zc_ptr", PEEK_COUNT, SOCKET_ID_ANY,
		RING_F_SP_ENQ | RING_F_SC_DEQ);
	CHECK(r != NULL);
	CHECK(rte_ring_enqueue_zc_bulk_start(r, 1, &zcd, NULL) == 1);
	*(void **)zcd.ptr1 = obj;
	rte_ring_enqueue_zc_finish(r, 1);
	CHECK(rte_ring_dequeue_zc_burst_start(r, 4, &zcd, NULL) == 1);
	CHECK(*(void **)zcd.ptr1 == obj);
	rte_ring_dequeue_zc_finish(r, 1);
	CHECK(rte_ring_enqueue_zc_burst_start(r, 2, &zcd, NULL) == 2);
	rte_ring_enqueue_zc_finish(r, 0);
	CHECK(rte_ring_dequeue_zc_bulk_start(r, 1, &zcd, NULL) == 0);
	rte_ring_dequeue_zc_finish(r, 0);
	rte_ring_free(r);

	for (m = 0; m < RTE_DIM(no_peek); m++) {
		r = rte_ring_create("no_peek", PEEK_COUNT, SOCKET_ID_ANY,
			no_peek[m]);
		CHECK(r != NULL);
		CHECK(rte_ring_enqueue_bulk_start(r, 1, &fs) == 0);
		CHECK(fs == 0);
		rte_ring_enqueue_finish(r, &obj, 0);
		CHECK(rte_ring_enqueue(r, obj) == 0);
		CHECK(rte_ring_dequeue_burst_start(r, &out, 1, &av) == 0);
		CHECK(av == 0);
		rte_ring_dequeue_finish(r, 0);
		CHECK(rte_ring_enqueue_zc_burst_start(r, 1, &zcd, NULL) == 0);
		CHECK(rte_ring_dequeue_zc_burst_start(r, 1, &zcd, NULL) == 0);
		CHECK(rte_ring_count(r) == 1);
		rte_ring_free(r);
	}
	return 0;
}

/* Two threads: producers and consumers of an HTS ring, all through peek. */
#define PEEK_STRESS_OBJS    50000u
#define PEEK_STRESS_THREADS 2

struct peek_stress {
	struct rte_ring *r;
	uint64_t sum; /* of what this consumer took */
	unsigned int taken;
	unsigned int next; /* producers: next value to send */
	unsigned int step;
};

static unsigned int peek_produced;

static void *
peek_producer(void *arg)
{
	struct peek_stress *s = arg;
	uintptr_t objs[8];
	unsigned int n, i;

	while (s->next < PEEK_STRESS_OBJS) {
		n = rte_ring_enqueue_burst_start(s->r, 8, NULL);
		for (i = 0; i < n && s->next < PEEK_STRESS_OBJS; i++) {
			objs[i] = s->next + 1;
			s->next += s->step;
		}
		/* Only a start that reserved something has a finish. */
		if (n == 0)
			continue;
		rte_ring_enqueue_finish(s->r, (void *const *)objs, i);
		__atomic_fetch_add(&peek_produced, i, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void *
peek_consumer(void *arg)
{
	struct peek_stress *s = arg;
	struct rte_ring_zc_data zcd;
	unsigned int n, i, keep;

	while (__atomic_load_n(&peek_produced, __ATOMIC_RELAXED) <
			PEEK_STRESS_OBJS ||
		!rte_ring_empty(s->r)) {
		n = rte_ring_dequeue_zc_burst_start(s->r, 8, &zcd, NULL);
		if (n == 0) {
			sched_yield();
			continue;
		}
		/* Keep one fewer than reserved now and then: the rest stays. */
		keep = n > 1 && (s->taken & 1) ? n - 1 : n;
		for (i = 0; i < keep; i++)
			s->sum += i < zcd.n1 ?
				((uintptr_t *)zcd.ptr1)[i] :
				((uintptr_t *)zcd.ptr2)[i - zcd.n1];
		rte_ring_dequeue_zc_finish(s->r, keep);
		s->taken += keep;
	}
	return NULL;
}

RING_BODY(body_peek_stress)
{
	struct peek_stress prod[PEEK_STRESS_THREADS], cons[PEEK_STRESS_THREADS];
	pthread_t pt[PEEK_STRESS_THREADS], ct[PEEK_STRESS_THREADS];
	uint64_t sum = 0, want;
	unsigned int i, taken = 0;
	struct rte_ring *r;

	r = rte_ring_create("peek_stress", 64, SOCKET_ID_ANY,
		RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ);
	CHECK(r != NULL);
	peek_produced = 0;
	for (i = 0; i < PEEK_STRESS_THREADS; i++) {
		prod[i] = (struct peek_stress){ .r = r,
			.next = i,
			.step = PEEK_STRESS_THREADS };
		cons[i] = (struct peek_stress){ .r = r };
		CHECK(pthread_create(&pt[i], NULL, peek_producer, &prod[i]) ==
			0);
		CHECK(pthread_create(&ct[i], NULL, peek_consumer, &cons[i]) ==
			0);
	}
	for (i = 0; i < PEEK_STRESS_THREADS; i++) {
		pthread_join(pt[i], NULL);
		pthread_join(ct[i], NULL);
		sum += cons[i].sum;
		taken += cons[i].taken;
	}
	/* Values 1..N, each exactly once. */
	want = (uint64_t)PEEK_STRESS_OBJS * (PEEK_STRESS_OBJS + 1) / 2;
	CHECK(taken == PEEK_STRESS_OBJS);
	CHECK(sum == want);
	CHECK(rte_ring_empty(r));
	rte_ring_free(r);
	return 0;
}

static void
test_peek_pointer(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, body_peek_pointer);
}

static void
test_peek_elem(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, body_peek_elem);
}

static void
test_zc(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, body_zc);
}

static void
test_zc_pointer_and_unsupported(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, body_zc_pointer_and_unsupported);
}

static void
test_peek_stress(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, body_peek_stress);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peek_pointer),
		cmocka_unit_test(test_peek_elem),
		cmocka_unit_test(test_zc),
		cmocka_unit_test(test_zc_pointer_and_unsupported),
		cmocka_unit_test(test_peek_stress),
	};

	return cmocka_run_group_tests_name("ring_peek", tests, NULL, NULL);
}
