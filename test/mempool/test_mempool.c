/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mempool basics: creation and its callbacks, object layout, get/put,
 * counts, lookup, walk, dump, audit, flags, private area, and every
 * documented creation error with nothing leaked. Each case has its own
 * EAL (--no-huge, so IOVA = VA) in a forked child.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_memzone.h>

#include "mempool_test.h"

#define N_OBJS	 1023
#define ELT_SIZE 100

struct init_record {
	struct rte_mempool *mp;
	unsigned int mp_init_calls;
	unsigned int obj_init_calls;
	unsigned int obj_init_before_mp_init;
	unsigned int bad_index;
};

static void
record_mp_init(struct rte_mempool *mp, void *arg)
{
	struct init_record *rec = arg;

	rec->mp = mp;
	rec->mp_init_calls++;
	memset(rte_mempool_get_priv(mp), 0x5a, mp->private_data_size);
}

/* Stores the object's index in its first bytes. */
static void
record_obj_init(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct init_record *rec = arg;

	if (rec->mp_init_calls == 0)
		rec->obj_init_before_mp_init++;
	if (idx != rec->obj_init_calls)
		rec->bad_index++;
	rec->obj_init_calls++;
	memset(obj, 0, mp->elt_size);
	*(uint32_t *)obj = idx;
}

static void
test_before_init(void **state)
{
	(void)state;
	rte_errno = 0;
	assert_null(rte_mempool_create("mp", 63, 64, 0, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_errno = 0;
	assert_null(rte_mempool_lookup("mp"));
	assert_int_equal(rte_errno, ENOENT);
	rte_errno = 0;
	assert_null(rte_mempool_cache_create(32, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_mempool_free(NULL);
	rte_mempool_list_dump(stdout);
}

static int
check_pool_fields(struct rte_mempool *mp, unsigned int cache_size)
{
	CHECK(strcmp(mp->name, "basic") == 0);
	CHECK(mp->size == N_OBJS && mp->populated_size == N_OBJS);
	CHECK(mp->cache_size == cache_size);
	CHECK(mp->elt_size == 104); /* rounded up to 8 */
	CHECK(mp->header_size == RTE_CACHE_LINE_SIZE);
	CHECK((mp->header_size + mp->elt_size + mp->trailer_size) %
			RTE_CACHE_LINE_SIZE ==
		0);
	CHECK(mp->private_data_size == RTE_CACHE_LINE_SIZE);
	CHECK(mp->socket_id == SOCKET_ID_ANY);
	CHECK(mp->flags & RTE_MEMPOOL_F_POOL_CREATED);
	CHECK(!(mp->flags & RTE_MEMPOOL_F_NON_IO));
	CHECK(mp->mz != NULL && mp->mz->addr == (void *)mp);
	CHECK(mp->pool_data != NULL);
	CHECK(strcmp(mp_ops_name(mp), "ring_mp_mc") == 0);
	CHECK(mp->nb_mem_chunks >= 1);
	CHECK(mp->local_cache == RTE_PTR_ADD(mp, sizeof(*mp)));
	CHECK(rte_mempool_get_priv(mp) ==
		RTE_PTR_ADD(mp, RTE_MEMPOOL_HEADER_SIZE(mp, cache_size)));
	return 0;
}

static int
check_one_object(struct rte_mempool *mp, void *obj)
{
	CHECK(obj != NULL);
	CHECK(rte_mempool_from_obj(obj) == mp);
	CHECK(((uintptr_t)obj % RTE_CACHE_LINE_SIZE) == 0);
	CHECK(rte_mempool_virt2iova(obj) == (rte_iova_t)(uintptr_t)obj);
	CHECK(rte_mem_virt2iova(obj) == rte_mempool_virt2iova(obj));
	CHECK(*(uint32_t *)obj < N_OBJS);
	return 0;
}

/* Takes every object (one, a bulk, the rest), checks them, puts back. */
static int
check_get_put(struct rte_mempool *mp)
{
	static void *objs[N_OBJS];
	static unsigned char seen[N_OBJS];
	unsigned int i;

	memset(seen, 0, sizeof(seen));
	CHECK(rte_mempool_get(mp, &objs[0]) == 0);
	CHECK(rte_mempool_avail_count(mp) == N_OBJS - 1);
	CHECK(rte_mempool_in_use_count(mp) == 1);
	CHECK(!rte_mempool_full(mp) && !rte_mempool_empty(mp));
	CHECK(rte_mempool_get_bulk(mp, &objs[1], 31) == 0);
	CHECK(rte_mempool_get_bulk(mp, &objs[32], N_OBJS - 32) == 0);
	CHECK(rte_mempool_empty(mp) && rte_mempool_in_use_count(mp) == N_OBJS);
	CHECK(rte_mempool_get(mp, &objs[0]) == -ENOBUFS);
	for (i = 0; i < N_OBJS; i++) {
		CHECK_OK(check_one_object(mp, objs[i]));
		CHECK(seen[*(uint32_t *)objs[i]]++ == 0);
	}
	rte_mempool_put(mp, objs[0]);
	rte_mempool_put_bulk(mp, &objs[1], N_OBJS - 1);
	CHECK(rte_mempool_full(mp) && rte_mempool_avail_count(mp) == N_OBJS);
	return 0;
}

MP_BODY(create_body)
{
	struct init_record rec = { 0 };
	struct rte_mempool *mp;
	unsigned int cache_size;
	char *priv;
	size_t i;

	for (cache_size = 0; cache_size <= 32; cache_size += 32) {
		memset(&rec, 0, sizeof(rec));
		mp = rte_mempool_create("basic", N_OBJS, ELT_SIZE, cache_size,
			10, record_mp_init, &rec, record_obj_init, &rec,
			SOCKET_ID_ANY, 0);
		CHECK(mp != NULL);
		CHECK(rec.mp == mp && rec.mp_init_calls == 1);
		CHECK(rec.obj_init_calls == N_OBJS && rec.bad_index == 0);
		CHECK(rec.obj_init_before_mp_init == 0);
		CHECK_OK(check_pool_fields(mp, cache_size));
		priv = rte_mempool_get_priv(mp);
		for (i = 0; i < mp->private_data_size; i++)
			CHECK(priv[i] == 0x5a);
		CHECK(rte_mempool_lookup("basic") == mp);
		CHECK(rte_mempool_full(mp));
		CHECK_OK(check_get_put(mp));
		rte_mempool_audit(mp);
		rte_mempool_free(mp);
		rte_errno = 0;
		CHECK(rte_mempool_lookup("basic") == NULL &&
			rte_errno == ENOENT);
	}
	return 0;
}

static void
test_create(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, create_body);
}

/* Expects rte_mempool_create() to fail with err and leave nothing. */
static int
expect_create_error(const char *name, unsigned int n, unsigned int elt_size,
	unsigned int cache_size, int socket, unsigned int flags, int err)
{
	struct mp_snapshot before = mp_snapshot();
	struct rte_mempool *mp;

	rte_errno = 0;
	mp = rte_mempool_create(name, n, elt_size, cache_size, 0, NULL, NULL,
		NULL, NULL, socket, flags);
	if (mp != NULL || rte_errno != err) {
		fprintf(stderr,
			"create(%s, n %u, elt %u, cache %u, socket %d, "
			"flags 0x%x): %p, rte_errno %d, expected %d\n",
			name != NULL ? name : "NULL", n, elt_size, cache_size,
			socket, flags, (void *)mp, rte_errno, err);
		return __LINE__;
	}
	CHECK(mp_same(before, mp_snapshot()));
	/* The same through rte_mempool_create_empty(). */
	rte_errno = 0;
	mp = rte_mempool_create_empty(name, n, elt_size, cache_size, 0, socket,
		flags);
	if (mp != NULL) {
		/* Only population can fail this way: try it. */
		CHECK(rte_mempool_populate_default(mp) == -err);
		rte_mempool_free(mp);
	} else {
		CHECK(rte_errno == err);
	}
	CHECK(mp_same(before, mp_snapshot()));
	return 0;
}

MP_BODY(errors_body)
{
	const struct rte_memzone *mz;
	struct rte_mempool *mp;
	struct mp_snapshot before;

	CHECK_OK(expect_create_error(NULL, 63, 64, 0, SOCKET_ID_ANY, 0, EINVAL));
	CHECK_OK(expect_create_error("", 63, 64, 0, SOCKET_ID_ANY, 0, EINVAL));
	CHECK_OK(expect_create_error("a_name_that_is_much_too_long_for_a_pool",
		63, 64, 0, SOCKET_ID_ANY, 0, ENAMETOOLONG));
	CHECK_OK(expect_create_error("mp", 0, 64, 0, SOCKET_ID_ANY, 0, EINVAL));
	CHECK_OK(expect_create_error("mp", 4095, 64,
		RTE_MEMPOOL_CACHE_MAX_SIZE + 1, SOCKET_ID_ANY, 0, EINVAL));
	/* 68 * 1.5 = 102 > 100: a pool too small for its cache. */
	CHECK_OK(expect_create_error("mp", 100, 64, 68, SOCKET_ID_ANY, 0,
		EINVAL));
	CHECK_OK(expect_create_error("mp", 63, 64, 0, SOCKET_ID_ANY,
		RTE_MEMPOOL_F_NON_IO, EINVAL));
	CHECK_OK(expect_create_error("mp", 63, 64, 0, SOCKET_ID_ANY, 0x1000,
		EINVAL));
	CHECK_OK(expect_create_error("mp", 63, 64, 0, 4000, 0, EINVAL));
	CHECK_OK(expect_create_error("mp", 63, UINT32_MAX, 0, SOCKET_ID_ANY, 0,
		EINVAL));
	/* A ring of 2^31 slots cannot be made. */
	CHECK_OK(expect_create_error("mp", 1U << 30, 8, 0, SOCKET_ID_ANY, 0,
		EINVAL));

	/* 67 * 3 / 2 = 100 <= 100 is fine (integer arithmetic, as DPDK). */
	before = mp_snapshot();
	mp = rte_mempool_create("mp", 100, 64, 67, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK_OK(expect_create_error("mp", 63, 64, 0, SOCKET_ID_ANY, 0, EEXIST));
	rte_mempool_free(mp);
	CHECK(mp_same(before, mp_snapshot()));

	/* A memzone with the pool memzone's name is a duplicate too. */
	mz = rte_memzone_reserve("MP_taken", 64, SOCKET_ID_ANY, 0);
	CHECK(mz != NULL);
	CHECK_OK(expect_create_error("taken", 63, 64, 0, SOCKET_ID_ANY, 0,
		EEXIST));
	CHECK(rte_memzone_free(mz) == 0);

	rte_errno = 0;
	CHECK(rte_mempool_lookup(NULL) == NULL && rte_errno == EINVAL);
	rte_mempool_free((struct rte_mempool *)&before); /* logged only */
	return 0;
}

static void
test_errors(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, errors_body);
}

/* Lots of pools of every kind made and freed: nothing is left. */
MP_BODY(no_leak_body)
{
	static const unsigned int flags[] = { 0, RTE_MEMPOOL_F_SP_PUT,
		RTE_MEMPOOL_F_SC_GET,
		RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET,
		RTE_MEMPOOL_F_NO_CACHE_ALIGN, RTE_MEMPOOL_F_NO_IOVA_CONTIG };
	struct mp_snapshot before = mp_snapshot();
	struct rte_mempool *mp;
	void *obj;
	unsigned int i, round;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < RTE_DIM(flags); i++) {
			mp = rte_mempool_create("leak", 511, 200, 16, 64, NULL,
				NULL, NULL, NULL, SOCKET_ID_ANY, flags[i]);
			CHECK(mp != NULL);
			CHECK(rte_mempool_get(mp, &obj) == 0);
			rte_mempool_put(mp, obj);
			rte_mempool_free(mp);
		}
		mp = rte_mempool_create_empty("leak", 511, 200, 0, 0,
			SOCKET_ID_ANY, 0);
		CHECK(mp != NULL);
		CHECK(rte_mempool_set_ops_byname(mp, "stack", NULL) == 0);
		CHECK(rte_mempool_populate_anon(mp) == 511);
		rte_mempool_free(mp);
		/* Empty pools: never populated. */
		mp = rte_mempool_create_empty("leak", 511, 200, 0, 0,
			SOCKET_ID_ANY, 0);
		CHECK(mp != NULL);
		rte_mempool_free(mp);
	}
	CHECK(mp_same(before, mp_snapshot()));
	return 0;
}

static void
test_no_leak(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, no_leak_body);
}

static int
check_layout(uint32_t elt_size, uint32_t flags, uint32_t header, uint32_t elt,
	uint32_t total)
{
	struct rte_mempool_objsz sz;

	CHECK(rte_mempool_calc_obj_size(elt_size, flags, &sz) == total);
	CHECK(rte_mempool_calc_obj_size(elt_size, flags, NULL) == total);
	CHECK(sz.header_size == header && sz.elt_size == elt);
	CHECK(sz.total_size == total);
	CHECK(sz.header_size + sz.elt_size + sz.trailer_size == total);
	return 0;
}

MP_BODY(layout_body)
{
	uint32_t hdr = sizeof(struct rte_mempool_objhdr);
	uint32_t tlr = 0;
	struct rte_mempool *mp;
	void *a, *b;

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	tlr = sizeof(struct rte_mempool_objtlr);
#endif
	if (tlr == 0) {
		/* 64 + 2048 = 33 lines, odd: no spreading pad. */
		CHECK_OK(check_layout(2048, 0, 64, 2048, 2112));
		/* 64 + 64 = 2 lines, padded to 3 to spread over channels. */
		CHECK_OK(check_layout(64, 0, 64, 64, 192));
		CHECK_OK(check_layout(64, RTE_MEMPOOL_F_NO_SPREAD, 64, 64, 128));
	}
	CHECK_OK(check_layout(1,
		RTE_MEMPOOL_F_NO_CACHE_ALIGN | RTE_MEMPOOL_F_NO_SPREAD, hdr, 8,
		hdr + 8 + tlr));
	CHECK_OK(check_layout(13,
		RTE_MEMPOOL_F_NO_CACHE_ALIGN | RTE_MEMPOOL_F_NO_SPREAD, hdr, 16,
		hdr + 16 + tlr));

	/* Unaligned objects are packed one after the other. */
	mp = rte_mempool_create("packed", 63, 16, 0, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, RTE_MEMPOOL_F_NO_CACHE_ALIGN);
	CHECK(mp != NULL);
	CHECK(mp->flags & RTE_MEMPOOL_F_NO_SPREAD);
	CHECK(mp->header_size == hdr && mp->trailer_size == tlr);
	CHECK(rte_mempool_get(mp, &a) == 0 && rte_mempool_get(mp, &b) == 0);
	CHECK(((uintptr_t)a % 8) == 0);
	CHECK(RTE_PTR_DIFF(b, a) == hdr + 16 + tlr);
	rte_mempool_put(mp, a);
	rte_mempool_put(mp, b);
	rte_mempool_free(mp);
	return 0;
}

static void
test_layout(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, layout_body);
}

/* The handler each flag combination selects. */
MP_BODY(flags_ops_body)
{
	static const struct {
		unsigned int flags;
		const char *ops;
	} cases[] = {
		{ 0, "ring_mp_mc" },
		{ MEMPOOL_F_SP_PUT, "ring_sp_mc" },
		{ RTE_MEMPOOL_F_SC_GET, "ring_mp_sc" },
		{ RTE_MEMPOOL_F_SP_PUT | MEMPOOL_F_SC_GET, "ring_sp_sc" },
		{ MEMPOOL_F_NO_SPREAD, "ring_mp_mc" },
	};
	struct rte_mempool *mp;
	unsigned int i;

	for (i = 0; i < RTE_DIM(cases); i++) {
		mp = rte_mempool_create("flags", 127, 64, 8, 0, NULL, NULL,
			NULL, NULL, 0, cases[i].flags);
		CHECK(mp != NULL);
		CHECK(strcmp(mp_ops_name(mp), cases[i].ops) == 0);
		CHECK((mp->flags & RTE_MEMPOOL_VALID_USER_FLAGS) ==
			cases[i].flags);
		CHECK(mp->socket_id == 0);
		rte_mempool_free(mp);
	}
	return 0;
}

static void
test_flags_ops(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, flags_ops_body);
}

static void
count_pool(struct rte_mempool *mp, void *arg)
{
	(void)mp;
	(*(unsigned int *)arg)++;
}

static int
dump_contains(struct rte_mempool *mp, const char *what)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int found;

	if (f == NULL)
		return 0;
	if (mp != NULL)
		rte_mempool_dump(f, mp);
	else
		rte_mempool_list_dump(f);
	fclose(f);
	found = buf != NULL && strstr(buf, what) != NULL;
	free(buf);
	return found;
}

MP_BODY(list_body)
{
	struct rte_mempool *a, *b;
	unsigned int n = 0;

	rte_mempool_walk(count_pool, &n);
	CHECK(n == 0);
	a = rte_mempool_create("pool_a", 63, 64, 0, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	b = rte_mempool_create("pool_b", 127, 64, 16, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	CHECK(a != NULL && b != NULL);
	CHECK(rte_mempool_lookup("pool_a") == a);
	CHECK(rte_mempool_lookup("pool_b") == b);
	rte_mempool_walk(count_pool, &n);
	CHECK(n == 2);
	CHECK(dump_contains(a, "pool_a"));
	CHECK(dump_contains(b, "cache_size=16"));
	CHECK(dump_contains(NULL, "pool_a") && dump_contains(NULL, "pool_b"));
	rte_mempool_dump(stdout, b);
	rte_mempool_audit(a);
	rte_mempool_audit(b);
	rte_mempool_free(a);
	n = 0;
	rte_mempool_walk(count_pool, &n);
	CHECK(n == 1 && rte_mempool_lookup("pool_a") == NULL);
	/* The name is free again. */
	a = rte_mempool_create("pool_a", 63, 64, 0, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	CHECK(a != NULL);
	rte_mempool_free(a);
	rte_mempool_free(b);
	return 0;
}

static void
test_list(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, list_body);
}

/* The private area: rounded to a cache line, right after the caches. */
MP_BODY(priv_body)
{
	static const unsigned int sizes[] = { 0, 1, 64, 65, 1000 };
	struct rte_mempool *mp;
	unsigned int i;

	for (i = 0; i < RTE_DIM(sizes); i++) {
		mp = rte_mempool_create_empty("priv", 63, 64, i % 2 ? 0 : 32,
			sizes[i], SOCKET_ID_ANY, 0);
		CHECK(mp != NULL);
		CHECK(mp->private_data_size ==
			RTE_ALIGN_CEIL(sizes[i], RTE_CACHE_LINE_SIZE));
		CHECK(rte_mempool_get_priv(mp) ==
			RTE_PTR_ADD(mp,
				RTE_MEMPOOL_HEADER_SIZE(mp, mp->cache_size)));
		CHECK(RTE_PTR_DIFF(rte_mempool_get_priv(mp), mp) +
				mp->private_data_size <=
			mp->mz->len);
		memset(rte_mempool_get_priv(mp), 0xff, mp->private_data_size);
		CHECK(rte_mempool_populate_default(mp) == 63);
		CHECK(mp->size == 63);
		rte_mempool_free(mp);
	}
	return 0;
}

static void
test_priv(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, priv_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_no_leak),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_flags_ops),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_priv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
