/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Rings, one thread: every enqueue/dequeue variant (sp/sc, mp/mc, the
 * default of each mode, RTS, HTS; single, bulk, burst) on pointer rings and
 * on rings of 4, 8, 16, 20 and 32-byte elements, made by rte_ring_create*()
 * and by rte_ring_init(): full and empty edges, bulk all-or-nothing, burst
 * partial, free_space/available, wrapping of the slots and of the 32-bit
 * counters, unaligned tables, RING_F_EXACT_SZ capacities and reset; single
 * 16-byte elements with constant sizes.
 * The control path and its errors are in test_ring_control.c.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>

#include "ring/ring_test.h"

#define RING_COUNT 64		    /* slots of the test rings */
#define RING_CAP   (RING_COUNT - 1) /* what they hold */
#define MAX_ES	   32		    /* largest element size tested */
#define BUF_ELEMS  (2 * RING_COUNT)

/* Element sizes: 0 is the pointer-ring API. */
static const unsigned int esizes[] = { 0, 4, 8, 16, 20, 32 };

static uint8_t src_buf[BUF_ELEMS * MAX_ES + 8];
static uint8_t dst_buf[BUF_ELEMS * MAX_ES + 8];

/* Bytes per element: a pointer for the pointer-ring API. */
static unsigned int
elem_bytes(unsigned int esize)
{
	return esize == 0 ? sizeof(void *) : esize;
}

/* The value of word w of the element with that id. */
static uint32_t
elem_word(unsigned int id, unsigned int w)
{
	return id * 64 + w + 1;
}

static void
fill(uint8_t *buf, unsigned int esize, unsigned int first_id, unsigned int n)
{
	unsigned int es = elem_bytes(esize), i, w;
	uint32_t v;

	for (i = 0; i < n; i++)
		for (w = 0; w < es / 4; w++) {
			v = elem_word(first_id + i, w);
			memcpy(buf + i * es + w * 4, &v, 4);
		}
}

/* 1 when buf holds elements first_id .. first_id + n - 1. */
static int
holds(const uint8_t *buf, unsigned int esize, unsigned int first_id,
	unsigned int n)
{
	unsigned int es = elem_bytes(esize), i, w;
	uint32_t v;

	for (i = 0; i < n; i++)
		for (w = 0; w < es / 4; w++) {
			memcpy(&v, buf + i * es + w * 4, 4);
			if (v != elem_word(first_id + i, w))
				return 0;
		}
	return 1;
}

static int
check_empty(const struct ring_api *api, struct rte_ring *r, unsigned int esize)
{
	CHECK_API(rte_ring_count(r) == 0, api, esize);
	CHECK_API(rte_ring_empty(r) == 1, api, esize);
	CHECK_API(rte_ring_full(r) == 0, api, esize);
	CHECK_API(rte_ring_free_count(r) == rte_ring_get_capacity(r), api,
		esize);
	return 0;
}

/* One object in, one out. */
static int
check_single(const struct ring_api *api, struct rte_ring *r, unsigned int esize)
{
	fill(src_buf, esize, 100, 1);
	memset(dst_buf, 0, sizeof(dst_buf));
	CHECK_API(api->enq_one(r, src_buf, esize) == 0, api, esize);
	CHECK_API(rte_ring_count(r) == 1, api, esize);
	CHECK_API(api->deq_one(r, dst_buf, esize) == 0, api, esize);
	CHECK_API(holds(dst_buf, esize, 100, 1), api, esize);
	return check_empty(api, r, esize);
}

/* Bulk of 1, 2 and 32, FIFO order and the free_space/available values. */
static int
check_bulk_sizes(const struct ring_api *api, struct rte_ring *r,
	unsigned int esize)
{
	unsigned int es = elem_bytes(esize), cap = rte_ring_get_capacity(r);
	unsigned int fs = 9999, av = 9999;

	fill(src_buf, esize, 0, 35);
	CHECK_API(api->enq_bulk(r, src_buf, esize, 1, &fs) == 1, api, esize);
	CHECK_API(fs == cap - 1, api, esize);
	CHECK_API(api->enq_bulk(r, src_buf + es, esize, 2, &fs) == 2, api,
		esize);
	CHECK_API(fs == cap - 3, api, esize);
	CHECK_API(api->enq_bulk(r, src_buf + 3 * es, esize, 32, &fs) == 32, api,
		esize);
	CHECK_API(fs == cap - 35 && rte_ring_count(r) == 35, api, esize);
	CHECK_API(api->deq_bulk(r, dst_buf, esize, 1, &av) == 1, api, esize);
	CHECK_API(av == 34, api, esize);
	CHECK_API(api->deq_bulk(r, dst_buf + es, esize, 2, &av) == 2, api,
		esize);
	CHECK_API(av == 32, api, esize);
	CHECK_API(api->deq_bulk(r, dst_buf + 3 * es, esize, 32, &av) == 32, api,
		esize);
	CHECK_API(av == 0, api, esize);
	CHECK_API(holds(dst_buf, esize, 0, 35), api, esize);
	return check_empty(api, r, esize);
}

/* Bulk is all or nothing at the full and the empty edge. */
static int
check_full_edges(const struct ring_api *api, struct rte_ring *r,
	unsigned int esize)
{
	unsigned int es = elem_bytes(esize), cap = rte_ring_get_capacity(r);
	unsigned int fs = 9999, av = 9999;

	fill(src_buf, esize, 0, cap + 1);
	CHECK_API(api->enq_bulk(r, src_buf, esize, cap - 5, &fs) == cap - 5,
		api, esize);
	CHECK_API(fs == 5, api, esize);
	CHECK_API(api->enq_bulk(r, src_buf, esize, 6, &fs) == 0, api, esize);
	CHECK_API(fs == 5 && rte_ring_count(r) == cap - 5, api, esize);
	CHECK_API(api->enq_bulk(r, src_buf + (cap - 5) * es, esize, 5, &fs) == 5,
		api, esize);
	CHECK_API(fs == 0 && rte_ring_full(r) == 1, api, esize);
	CHECK_API(rte_ring_free_count(r) == 0, api, esize);
	CHECK_API(api->enq_one(r, src_buf, esize) == -ENOBUFS, api, esize);
	CHECK_API(api->enq_burst(r, src_buf, esize, 3, &fs) == 0, api, esize);
	CHECK_API(fs == 0, api, esize);
	CHECK_API(api->deq_bulk(r, dst_buf, esize, cap + 1, &av) == 0, api,
		esize);
	CHECK_API(av == cap && rte_ring_count(r) == cap, api, esize);
	CHECK_API(api->deq_bulk(r, dst_buf, esize, cap, &av) == cap, api, esize);
	CHECK_API(av == 0 && holds(dst_buf, esize, 0, cap), api, esize);
	CHECK_API(api->deq_one(r, dst_buf, esize) == -ENOENT, api, esize);
	CHECK_API(api->deq_bulk(r, dst_buf, esize, 1, &av) == 0, api, esize);
	CHECK_API(api->deq_burst(r, dst_buf, esize, 5, &av) == 0, api, esize);
	CHECK_API(av == 0, api, esize);
	return check_empty(api, r, esize);
}

/* Burst moves what fits; n == 0 moves nothing; NULL out-parameters. */
static int
check_burst_partial(const struct ring_api *api, struct rte_ring *r,
	unsigned int esize)
{
	unsigned int es = elem_bytes(esize), cap = rte_ring_get_capacity(r);
	unsigned int fs = 9999, av = 9999;

	fill(src_buf, esize, 0, cap + 5);
	CHECK_API(api->enq_bulk(r, src_buf, esize, 0, &fs) == 0, api, esize);
	CHECK_API(fs == cap, api, esize);
	CHECK_API(api->enq_burst(r, src_buf, esize, cap - 5, NULL) == cap - 5,
		api, esize);
	CHECK_API(api->enq_burst(r, src_buf + (cap - 5) * es, esize, 10, &fs) ==
			5,
		api, esize);
	CHECK_API(fs == 0, api, esize);
	CHECK_API(api->deq_burst(r, dst_buf, esize, 0, &av) == 0, api, esize);
	CHECK_API(av == cap, api, esize);
	CHECK_API(api->deq_burst(r, dst_buf, esize, 2 * cap, &av) == cap, api,
		esize);
	CHECK_API(av == 0 && holds(dst_buf, esize, 0, cap), api, esize);
	CHECK_API(api->deq_burst(r, dst_buf, esize, 4, NULL) == 0, api, esize);
	return check_empty(api, r, esize);
}

/* Runs of 32 that start at every slot, so every wrap point is crossed. */
static int
check_wrap(const struct ring_api *api, struct rte_ring *r, unsigned int esize)
{
	unsigned int shift, size = rte_ring_get_size(r), n;

	for (shift = 0; shift < size; shift++) {
		fill(src_buf, esize, shift, 1);
		CHECK_API(api->enq_burst(r, src_buf, esize, 1, NULL) == 1, api,
			esize);
		CHECK_API(api->deq_burst(r, dst_buf, esize, 1, NULL) == 1, api,
			esize);
		n = 32 - shift % 7;
		fill(src_buf, esize, shift * 100, n);
		CHECK_API(api->enq_bulk(r, src_buf, esize, n, NULL) == n, api,
			esize);
		memset(dst_buf, 0, sizeof(dst_buf));
		CHECK_API(api->deq_burst(r, dst_buf, esize, 2 * n, NULL) == n,
			api, esize);
		CHECK_API(holds(dst_buf, esize, shift * 100, n), api, esize);
	}
	return check_empty(api, r, esize);
}

/* Object tables at odd addresses. */
static int
check_unaligned(const struct ring_api *api, struct rte_ring *r,
	unsigned int esize)
{
	fill(src_buf + 1, esize, 7, 9);
	CHECK_API(api->enq_bulk(r, src_buf + 1, esize, 9, NULL) == 9, api,
		esize);
	CHECK_API(api->deq_bulk(r, dst_buf + 3, esize, 9, NULL) == 9, api,
		esize);
	CHECK_API(holds(dst_buf + 3, esize, 7, 9), api, esize);
	return check_empty(api, r, esize);
}

/* Every check on an empty ring r of RING_COUNT slots. */
static int
check_ring(const struct ring_api *api, struct rte_ring *r, unsigned int esize)
{
	int (*const checks[])(const struct ring_api *, struct rte_ring *,
		unsigned int) = {
		check_empty,
		check_single,
		check_bulk_sizes,
		check_full_edges,
		check_burst_partial,
		check_wrap,
		check_unaligned,
	};
	size_t i;
	int ret;

	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		ret = checks[i](api, r, esize);
		if (ret != 0)
			return ret;
	}
	return 0;
}

static struct rte_ring *
create(const char *name, unsigned int esize, unsigned int count,
	unsigned int flags)
{
	if (esize == 0)
		return rte_ring_create(name, count, SOCKET_ID_ANY, flags);
	return rte_ring_create_elem(name, esize, count, SOCKET_ID_ANY, flags);
}

/* Every API variant and element size on created rings. */
RING_BODY(variants_body)
{
	unsigned int zones = ring_zone_count(), e, esize;
	const struct ring_api *api;
	struct rte_ring *r;
	size_t a;
	int ret;

	for (a = 0; a < RING_TEST_NB_APIS; a++) {
		api = &ring_test_apis[a];
		for (e = 0; e < sizeof(esizes) / sizeof(esizes[0]); e++) {
			esize = esizes[e];
			r = create("variants", esize, RING_COUNT, api->flags);
			CHECK_API(r != NULL, api, esize);
			CHECK_API(rte_ring_get_size(r) == RING_COUNT, api,
				esize);
			CHECK_API(rte_ring_get_capacity(r) == RING_CAP, api,
				esize);
			ret = check_ring(api, r, esize);
			if (ret != 0)
				return ret;
			rte_ring_free(r);
		}
	}
	CHECK(ring_zone_count() == zones);
	return 0;
}

static void
test_variants(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, variants_body);
}

/* Aligned memory for a ring made with rte_ring_init(); free() it. */
static struct rte_ring *
init_ring(unsigned int esize, unsigned int count, unsigned int flags)
{
	unsigned int slots = (flags & RING_F_EXACT_SZ) != 0 ?
		rte_align32pow2(count + 1) :
		count;
	ssize_t size = rte_ring_get_memsize_elem(elem_bytes(esize), slots);
	struct rte_ring *r;

	if (size < 0)
		return NULL;
	r = aligned_alloc(RTE_CACHE_LINE_SIZE, (size_t)size);
	if (r != NULL && rte_ring_init(r, "init", count, flags) != 0) {
		free(r);
		return NULL;
	}
	return r;
}

/* The same checks on rings made with rte_ring_init() (no EAL needed). */
static void
test_init_variants(void **state)
{
	const struct ring_api *api;
	struct rte_ring *r;
	unsigned int e;
	size_t a;

	(void)state;
	for (a = 0; a < RING_TEST_NB_APIS; a++) {
		api = &ring_test_apis[a];
		for (e = 0; e < sizeof(esizes) / sizeof(esizes[0]); e++) {
			r = init_ring(esizes[e], RING_COUNT, api->flags);
			assert_non_null(r);
			assert_null(r->memzone);
			assert_int_equal(check_ring(api, r, esizes[e]), 0);
			free(r);
		}
	}
}

/* One side's counters at pos, in its mode's fields. */
static void
set_side_counters(struct rte_ring_headtail *ht,
	struct rte_ring_rts_headtail *rts, struct rte_ring_hts_headtail *hts,
	uint32_t pos)
{
	switch (ht->sync_type) {
	case RTE_RING_SYNC_MT_RTS:
		rts->head.val.pos = rts->tail.val.pos = pos;
		rts->head.val.cnt = rts->tail.val.cnt = pos;
		break;
	case RTE_RING_SYNC_MT_HTS:
		hts->ht.pos.head = hts->ht.pos.tail = pos;
		break;
	default:
		ring_test_set_side(ht, pos);
	}
}

/*
 * Moves both sides' counters to pos (on an empty ring), whatever the mode,
 * and the tail each side keeps of the other (a ring that got there by
 * use has some earlier value of it: never one ahead).
 */
static void
set_counters(struct rte_ring *r, uint32_t pos)
{
	r->prod_seen.tail = r->cons_seen.tail = pos;
	set_side_counters(&r->prod, &r->rts_prod, &r->hts_prod, pos);
	set_side_counters(&r->cons, &r->rts_cons, &r->hts_cons, pos);
}

/* The 32-bit counters wrap through zero without a hitch. */
static void
test_counter_wrap(void **state)
{
	const struct ring_api *api;
	struct rte_ring *r;
	unsigned int e;
	size_t a;

	(void)state;
	for (a = 0; a < RING_TEST_NB_APIS; a++) {
		api = &ring_test_apis[a];
		for (e = 0; e < sizeof(esizes) / sizeof(esizes[0]); e++) {
			r = init_ring(esizes[e], RING_COUNT, api->flags);
			assert_non_null(r);
			set_counters(r, UINT32_MAX - 20);
			assert_int_equal(check_bulk_sizes(api, r, esizes[e]), 0);
			set_counters(r, UINT32_MAX - 3);
			assert_int_equal(check_full_edges(api, r, esizes[e]), 0);
			set_counters(r, UINT32_MAX);
			assert_int_equal(check_burst_partial(api, r, esizes[e]),
				0);
			free(r);
		}
	}
}

/* One 16-byte element through ring r with constant sizes (the copies
 * take a path of their own then: two 8-byte halves), ten times, so that
 * the slots wrap; sp selects the single-producer/consumer calls. */
static int
check_single_16(struct rte_ring *r, int sp)
{
	uint64_t in[2], out[2];
	unsigned int i;

	for (i = 0; i < 10; i++) {
		in[0] = 0x0123456789abcdefULL + i;
		in[1] = ~in[0];
		memset(out, 0, sizeof(out));
		CHECK((sp ? rte_ring_sp_enqueue_elem(r, in, 16) :
			    rte_ring_enqueue_elem(r, in, 16)) == 0);
		CHECK(rte_ring_count(r) == 1);
		CHECK((sp ? rte_ring_sc_dequeue_elem(r, out, 16) :
			    rte_ring_dequeue_elem(r, out, 16)) == 0);
		CHECK(out[0] == in[0] && out[1] == in[1]);
		CHECK(rte_ring_enqueue_bulk_elem(r, in, 16, 1, NULL) == 1);
		CHECK(rte_ring_dequeue_burst_elem(r, out, 16, 1, NULL) == 1);
		CHECK(out[0] == in[0] && out[1] == in[1]);
	}
	CHECK(rte_ring_empty(r) == 1);
	return 0;
}

/* Single 16-byte elements keep both halves in every mode. */
static void
test_single_16(void **state)
{
	static const unsigned int flags[] = {
		RING_F_SP_ENQ | RING_F_SC_DEQ,
		0,
		RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ,
		RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ,
	};
	struct rte_ring *r;
	size_t f;

	(void)state;
	for (f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
		r = init_ring(16, 4, flags[f]);
		assert_non_null(r);
		assert_int_equal(check_single_16(r, 0), 0);
		if (f == 0)
			assert_int_equal(check_single_16(r, 1), 0);
		free(r);
	}
}

/* EXACT_SZ rings hold exactly what was asked. */
static void
test_exact_size(void **state)
{
	static const unsigned int counts[] = { 1, 2, 3, 100, 127, 128, 4095 };
	unsigned int i, count, n;
	void **objs = calloc(8192, sizeof(void *));
	struct rte_ring *r;

	(void)state;
	assert_non_null(objs);
	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		count = counts[i];
		r = init_ring(0, count, RING_F_EXACT_SZ);
		assert_non_null(r);
		assert_int_equal(rte_ring_get_capacity(r), count);
		assert_int_equal(rte_ring_get_size(r),
			rte_align32pow2(count + 1));
		n = rte_ring_enqueue_burst(r, objs, 2 * count, NULL);
		assert_int_equal(n, count);
		assert_true(rte_ring_full(r));
		assert_int_equal(rte_ring_count(r), count);
		assert_int_equal(rte_ring_enqueue(r, objs[0]), -ENOBUFS);
		assert_int_equal(rte_ring_dequeue_burst(r, objs, 2 * count,
					 NULL),
			count);
		assert_true(rte_ring_empty(r));
		free(r);
	}
	free(objs);
}

/* Reset empties a ring in every mode; it is usable to the full after. */
static void
test_reset(void **state)
{
	enum rte_ring_sync_type prod_mode, cons_mode;
	const struct ring_api *api;
	struct rte_ring *r;
	size_t a;

	(void)state;
	for (a = 0; a < RING_TEST_NB_APIS; a++) {
		api = &ring_test_apis[a];
		r = init_ring(8, RING_COUNT, api->flags);
		assert_non_null(r);
		prod_mode = rte_ring_get_prod_sync_type(r);
		cons_mode = rte_ring_get_cons_sync_type(r);
		fill(src_buf, 8, 0, RING_CAP);
		assert_int_equal(api->enq_bulk(r, src_buf, 8, 40, NULL), 40);
		assert_int_equal(api->deq_bulk(r, dst_buf, 8, 10, NULL), 10);
		rte_ring_reset(r);
		assert_int_equal(rte_ring_count(r), 0);
		assert_true(rte_ring_empty(r));
		assert_int_equal(api->deq_burst(r, dst_buf, 8, 8, NULL), 0);
		assert_int_equal(check_full_edges(api, r, 8), 0);
		assert_int_equal(rte_ring_get_prod_sync_type(r), prod_mode);
		assert_int_equal(rte_ring_get_cons_sync_type(r), cons_mode);
		free(r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_variants),
		cmocka_unit_test(test_counter_wrap),
		cmocka_unit_test(test_single_16),
		cmocka_unit_test(test_exact_size),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_variants),
	};

	return cmocka_run_group_tests_name("ring", tests, NULL, NULL);
}
