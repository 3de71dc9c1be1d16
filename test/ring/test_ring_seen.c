/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The tail each side keeps of the other (prod_seen, cons_seen; see
 * __rte_ring_room() in rte_ring_elem_pvt.h), one thread, every API
 * variant: a record that shows too little room sends the claim to the
 * real tail, so burst and bulk find all the room there is and the reported
 * free_space/available are exact; a record so old that head has lapped it
 * never makes room that is not there; the record is read and written as
 * the code says (left alone while it shows room, renewed when it runs
 * short); reset clears it. Several threads are in test_ring_stress.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ring.h>
#include <rte_ring_elem.h>
#include <rte_ring_peek.h>

#include "ring/ring_test.h"

#define COUNT 64	  /* slots of the test rings */
#define CAP   (COUNT - 1) /* what they hold */

static void *objs[2 * COUNT];
static void *out[2 * COUNT];

/* A pointer ring made with rte_ring_init(); free() it. */
static struct rte_ring *
new_ring(unsigned int flags)
{
	struct rte_ring *r = aligned_alloc(RTE_CACHE_LINE_SIZE,
		(size_t)rte_ring_get_memsize(COUNT));

	assert_non_null(r);
	assert_int_equal(rte_ring_init(r, "seen", COUNT, flags), 0);
	return r;
}

/* Distinct objects, so that a dequeue shows what it got. */
static void
number_objs(void)
{
	uintptr_t i;

	for (i = 0; i < 2 * COUNT; i++)
		objs[i] = (void *)(i + 1);
}

/* Runs body on a new pointer ring of each API variant's flags. */
static void
each_api(void (*body)(const struct ring_api *api, struct rte_ring *r))
{
	struct rte_ring *r;
	size_t a;

	number_objs();
	for (a = 0; a < RING_TEST_NB_APIS; a++) {
		r = new_ring(ring_test_apis[a].flags);
		body(&ring_test_apis[a], r);
		free(r);
	}
}

/*
 * The record a variant's producer (consumer) calls keep: ST calls keep
 * theirs on the tail line (struct rte_ring_headtail), the others on the
 * head line.
 */
static volatile uint32_t *
prod_record(const struct ring_api *api, struct rte_ring *r)
{
	return api->single_prod ? &r->prod.__st_seen : &r->prod_seen.tail;
}

static volatile uint32_t *
cons_record(const struct ring_api *api, struct rte_ring *r)
{
	return api->single_cons ? &r->cons.__st_seen : &r->cons_seen.tail;
}

/* HTS sides read the other side's tail every time and keep no record. */
static int
side_keeps_record(enum rte_ring_sync_type mode)
{
	return mode != RTE_RING_SYNC_MT_HTS;
}

/* Room freed behind a producer's record is found by burst and bulk. */
static void
stale_record_producer(const struct ring_api *api, struct rte_ring *r)
{
	unsigned int fs = 0;

	/* Full: the producer's record now shows no room. */
	assert_int_equal(api->enq_burst(r, objs, 0, 2 * COUNT, NULL), CAP);
	assert_int_equal(api->deq_bulk(r, out, 0, 10, NULL), 10);
	assert_int_equal(api->enq_burst(r, objs, 0, 15, NULL), 10);
	assert_true(rte_ring_full(r));
	assert_int_equal(api->enq_bulk(r, objs, 0, 1, NULL), 0);
	assert_int_equal(api->deq_bulk(r, out, 0, 7, NULL), 7);
	assert_int_equal(api->enq_bulk(r, objs, 0, 7, NULL), 7);
	/* Reported room is the real one, not the record's. */
	assert_int_equal(api->deq_bulk(r, out, 0, 20, NULL), 20);
	assert_int_equal(api->enq_bulk(r, objs, 0, 1, &fs), 1);
	assert_int_equal(fs, 19);
	assert_int_equal(rte_ring_count(r), CAP - 19);
}

/* Objects added beyond a consumer's record are found by burst and bulk. */
static void
stale_record_consumer(const struct ring_api *api, struct rte_ring *r)
{
	unsigned int av = 0;

	/* Emptied: the consumer's record now shows no objects. */
	assert_int_equal(api->enq_bulk(r, objs, 0, 5, NULL), 5);
	assert_int_equal(api->deq_burst(r, out, 0, 20, NULL), 5);
	assert_int_equal(api->enq_bulk(r, objs + 5, 0, 9, NULL), 9);
	assert_int_equal(api->deq_burst(r, out, 0, 20, NULL), 9);
	assert_ptr_equal(out[0], objs[5]);
	assert_ptr_equal(out[8], objs[13]);
	assert_int_equal(api->deq_bulk(r, out, 0, 1, NULL), 0);
	assert_int_equal(api->enq_bulk(r, objs, 0, 30, NULL), 30);
	assert_int_equal(api->deq_bulk(r, out, 0, 30, NULL), 30);
	assert_int_equal(api->enq_bulk(r, objs, 0, 12, NULL), 12);
	assert_int_equal(api->deq_bulk(r, out, 0, 2, &av), 2);
	assert_int_equal(av, 10);
}

/*
 * free_space and available count by the real tail even when the record
 * shows enough room for the claim (less than there is).
 */
static void
reported_room_exact(const struct ring_api *api, struct rte_ring *r)
{
	unsigned int fs = 0, av = 0;

	assert_int_equal(api->enq_bulk(r, objs, 0, 10, NULL), 10);
	assert_int_equal(api->deq_bulk(r, out, 0, 10, NULL), 10);
	/* The producer's record (tail 0) shows 53 free, not 63. */
	assert_int_equal(api->enq_bulk(r, objs, 0, 1, &fs), 1);
	assert_int_equal(fs, CAP - 1);
	assert_int_equal(api->enq_burst(r, objs, 0, 2, &fs), 2);
	assert_int_equal(fs, CAP - 3);
	assert_int_equal(api->deq_bulk(r, out, 0, 1, &av), 1);
	assert_int_equal(av, 2);
	assert_int_equal(api->enq_bulk(r, objs, 0, 20, NULL), 20);
	/* The consumer's record (tail 13) shows 2 of the 22. */
	assert_int_equal(api->deq_burst(r, out, 0, 1, &av), 1);
	assert_int_equal(av, 21);
}

/* How far behind the real tail a lapped record is put (see below). */
static const uint32_t lags[] = { 1, 2, CAP, CAP + 1, 1U << 31,
	UINT32_MAX - CAP };

/*
 * A full ring whose producer's record is lag behind cons.tail (as a
 * thread preempted between reading the tail and recording it could leave
 * it): head - record is then above the capacity, up to 2^32 - 1, and no
 * enqueue may take a slot. Lags from 2^32 - CAP on would make the record
 * seem ahead of the tail: the counters cannot tell those apart.
 */
static void
lapped_record_producer(const struct ring_api *api, struct rte_ring *r)
{
	unsigned int l;

	for (l = 0; l < RTE_DIM(lags); l++) {
		rte_ring_reset(r);
		assert_int_equal(api->enq_bulk(r, objs, 0, CAP, NULL), CAP);
		*prod_record(api, r) = r->cons.tail - lags[l];
		assert_int_equal(api->enq_bulk(r, objs, 0, 1, NULL), 0);
		assert_int_equal(api->enq_burst(r, objs, 0, 8, NULL), 0);
		if (api->single_prod)
			assert_int_equal(rte_ring_enqueue_bulk_start(r, 1, NULL),
				0);
		assert_int_equal(rte_ring_count(r), CAP);
		assert_int_equal(api->deq_bulk(r, out, 0, CAP, NULL), CAP);
		assert_memory_equal(out, objs, CAP * sizeof(void *));
	}
}

/* The consumer's mirror: an empty ring yields nothing, whatever the lag. */
static void
lapped_record_consumer(const struct ring_api *api, struct rte_ring *r)
{
	unsigned int l;

	for (l = 0; l < RTE_DIM(lags); l++) {
		rte_ring_reset(r);
		assert_int_equal(api->enq_bulk(r, objs, 0, 40, NULL), 40);
		assert_int_equal(api->deq_bulk(r, out, 0, 40, NULL), 40);
		*cons_record(api, r) = r->prod.tail - lags[l];
		assert_int_equal(api->deq_bulk(r, out, 0, 1, NULL), 0);
		assert_int_equal(api->deq_burst(r, out, 0, 8, NULL), 0);
		if (api->single_cons)
			assert_int_equal(rte_ring_dequeue_bulk_start(r, out, 1,
						 NULL),
				0);
		assert_true(rte_ring_empty(r));
	}
}

/*
 * The record is left alone while it shows room for the claim, and renewed
 * from the real tail when it does not, if that shows room beyond the
 * claim: what keeps the other side's cache line untouched in between.
 */
static void
record_kept(const struct ring_api *api, struct rte_ring *r)
{
	if (!side_keeps_record(rte_ring_get_prod_sync_type(r)) ||
		!side_keeps_record(rte_ring_get_cons_sync_type(r)))
		return;
	/* Room by the record (0 + CAP free): not renewed. */
	assert_int_equal(api->enq_bulk(r, objs, 0, 20, NULL), 20);
	assert_int_equal(*prod_record(api, r), 0);
	/* Objects not in the consumer's record (0): renewed. */
	assert_int_equal(api->deq_bulk(r, out, 0, 5, NULL), 5);
	assert_int_equal(*cons_record(api, r), 20);
	/* Enough by the record: the tail moved, the record did not. */
	assert_int_equal(api->enq_bulk(r, objs, 0, 40, NULL), 40);
	assert_int_equal(api->deq_bulk(r, out, 0, 15, NULL), 15);
	assert_int_equal(*cons_record(api, r), 20);
	/* Short by the records: both renewed. */
	assert_int_equal(api->enq_bulk(r, objs, 0, 20, NULL), 20);
	assert_int_equal(*prod_record(api, r), 20);
	assert_int_equal(api->deq_bulk(r, out, 0, 10, NULL), 10);
	assert_int_equal(*cons_record(api, r), 80);
	assert_int_equal(api->deq_bulk(r, out, 0, 50, NULL), 50);
	assert_int_equal(api->enq_bulk(r, objs, 0, 10, NULL), 10);
	assert_int_equal(*prod_record(api, r), 80);
	/* The real tail leaves exactly the claim: nothing to keep. */
	assert_int_equal(api->deq_bulk(r, out, 0, 10, NULL), 10);
	assert_int_equal(*cons_record(api, r), 80);
	assert_true(rte_ring_empty(r));
}

/* Reset clears both records along with the counters. */
static void
reset_clears_record(const struct ring_api *api, struct rte_ring *r)
{
	assert_int_equal(api->enq_bulk(r, objs, 0, CAP, NULL), CAP);
	assert_int_equal(api->deq_bulk(r, out, 0, 30, NULL), 30);
	assert_int_equal(api->enq_bulk(r, objs, 0, 30, NULL), 30);
	rte_ring_reset(r);
	/* ST calls find no room by theirs: they are to read the tail and
	 * mark the MT head moved first (struct rte_ring_headtail). */
	assert_int_equal(*prod_record(api, r),
		api->single_prod ? __RTE_RING_ST_UNSEEN(0) : 0);
	assert_int_equal(*cons_record(api, r),
		api->single_cons ? __RTE_RING_ST_UNSEEN(0) : 0);
	assert_int_equal(api->deq_burst(r, out, 0, 8, NULL), 0);
	assert_int_equal(api->enq_burst(r, objs, 0, 2 * COUNT, NULL), CAP);
	assert_int_equal(api->deq_burst(r, out, 0, 2 * COUNT, NULL), CAP);
	assert_memory_equal(out, objs, CAP * sizeof(void *));
}

#define SEEN_TEST(name) \
	static void test_##name(void **state) \
	{ \
		(void)state; \
		each_api(name); \
	}
SEEN_TEST(stale_record_producer)
SEEN_TEST(stale_record_consumer)
SEEN_TEST(reported_room_exact)
SEEN_TEST(lapped_record_producer)
SEEN_TEST(lapped_record_consumer)
SEEN_TEST(record_kept)
SEEN_TEST(reset_clears_record)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stale_record_producer),
		cmocka_unit_test(test_stale_record_consumer),
		cmocka_unit_test(test_reported_room_exact),
		cmocka_unit_test(test_lapped_record_producer),
		cmocka_unit_test(test_lapped_record_consumer),
		cmocka_unit_test(test_record_kept),
		cmocka_unit_test(test_reset_clears_record),
	};

	return cmocka_run_group_tests_name("ring_seen", tests, NULL, NULL);
}
