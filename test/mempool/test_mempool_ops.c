/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mempool handlers: each built-in one (ring_mp_mc, ring_sp_sc,
 * ring_mp_sc, ring_sp_mc, ring_mt_rts, ring_mt_hts, stack) filled and
 * drained with and without a cache; their order (FIFO rings, LIFO
 * stack); registering handlers and its errors; choosing one by name and
 * its errors; a handler that fails (ENOMEM) leaving nothing behind.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_memzone.h>

#include "mempool_test.h"

#define N_OBJS 1023

static const char *const handlers[] = {
	"ring_mp_mc",
	"ring_sp_sc",
	"ring_mp_sc",
	"ring_sp_mc",
	"ring_mt_rts",
	"ring_mt_hts",
	"stack",
};

static struct rte_mempool *
create_with(const char *ops, unsigned int n, unsigned int cache)
{
	struct rte_mempool *mp;

	mp = rte_mempool_create_empty("handler", n, 64, cache, 0, SOCKET_ID_ANY,
		0);
	if (mp == NULL)
		return NULL;
	if (rte_mempool_set_ops_byname(mp, ops, NULL) != 0 ||
		rte_mempool_populate_default(mp) != (int)n) {
		rte_mempool_free(mp);
		return NULL;
	}
	return mp;
}

static int
cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

/* Takes every object in bulks of 7, checks they differ, puts them back. */
static int
drain_and_fill(struct rte_mempool *mp)
{
	static void *objs[N_OBJS + 7];
	unsigned int got = 0, i;
	struct mp_objs all = { NULL, 0, 0 };

	while (rte_mempool_get_bulk(mp, &objs[got], 7) == 0)
		got += 7;
	while (rte_mempool_get(mp, &objs[got]) == 0)
		got++;
	CHECK(got == N_OBJS && rte_mempool_empty(mp));
	CHECK(rte_mempool_get(mp, &objs[got]) == -ENOBUFS);
	for (i = 0; i < got; i++)
		CHECK(rte_mempool_from_obj(objs[i]) == mp);
	qsort(objs, got, sizeof(void *), cmp_ptr);
	for (i = 1; i < got; i++)
		CHECK(objs[i] != objs[i - 1]);
	CHECK(rte_mempool_obj_iter(mp, mp_collect_obj, &all) == N_OBJS);
	for (i = 0; i < got; i += 3)
		rte_mempool_put_bulk(mp, &objs[i], RTE_MIN(3U, got - i));
	CHECK(rte_mempool_full(mp));
	return 0;
}

static int
check_order(struct rte_mempool *mp, int lifo)
{
	void *objs[N_OBJS], *first;

	/* Empty the store, then put back two objects one by one. */
	CHECK(rte_mempool_generic_get(mp, objs, N_OBJS, NULL) == 0);
	rte_mempool_generic_put(mp, &objs[10], 1, NULL);
	rte_mempool_generic_put(mp, &objs[20], 1, NULL);
	CHECK(rte_mempool_generic_get(mp, &first, 1, NULL) == 0);
	CHECK(first == (lifo ? objs[20] : objs[10]));
	rte_mempool_generic_put(mp, &first, 1, NULL);
	rte_mempool_generic_put(mp, objs, 10, NULL);
	rte_mempool_generic_put(mp, &objs[11], 9, NULL);
	rte_mempool_generic_put(mp, &objs[21], N_OBJS - 21, NULL);
	CHECK(rte_mempool_ops_get_count(mp) == N_OBJS);
	return 0;
}

MP_BODY(handlers_body)
{
	struct rte_mempool_info info;
	struct mp_snapshot before;
	struct rte_mempool *mp;
	char mz_name[RTE_MEMZONE_NAMESIZE];
	void *block;
	unsigned int i, cache;

	for (i = 0; i < RTE_DIM(handlers); i++) {
		for (cache = 0; cache <= 64; cache += 64) {
			before = mp_snapshot();
			mp = create_with(handlers[i], N_OBJS, cache);
			CHECK(mp != NULL);
			CHECK(strcmp(mp_ops_name(mp), handlers[i]) == 0);
			CHECK(rte_mempool_ops_get_count(mp) == N_OBJS);
			snprintf(mz_name, sizeof(mz_name), "RG_MP_%s", mp->name);
			CHECK((rte_memzone_lookup(mz_name) != NULL) ==
				(strncmp(handlers[i], "ring", 4) == 0));
			CHECK(rte_mempool_ops_get_info(mp, &info) == -ENOTSUP);
			CHECK(rte_mempool_ops_get_info(NULL, &info) == -EINVAL);
			CHECK(rte_mempool_get_contig_blocks(mp, &block, 1) ==
				-ENOTSUP);
			CHECK_OK(drain_and_fill(mp));
			if (cache == 0)
				CHECK_OK(check_order(mp,
					strcmp(handlers[i], "stack") == 0));
			rte_mempool_audit(mp);
			rte_mempool_free(mp);
			CHECK(mp_same(before, mp_snapshot()));
		}
	}
	return 0;
}

static void
test_handlers(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, handlers_body);
}

static int
dummy_alloc(struct rte_mempool *mp)
{
	(void)mp;
	return 0;
}

static void
dummy_free(struct rte_mempool *mp)
{
	(void)mp;
}

static int
dummy_enqueue(struct rte_mempool *mp, void *const *objs, unsigned int n)
{
	(void)mp;
	(void)objs;
	(void)n;
	return 0;
}

static int
dummy_dequeue(struct rte_mempool *mp, void **objs, unsigned int n)
{
	(void)mp;
	(void)objs;
	(void)n;
	return -ENOBUFS;
}

static unsigned int
dummy_count(const struct rte_mempool *mp)
{
	(void)mp;
	return 0;
}

static const struct rte_mempool_ops dummy_ops = {
	.name = "test_dummy",
	.alloc = dummy_alloc,
	.free = dummy_free,
	.enqueue = dummy_enqueue,
	.dequeue = dummy_dequeue,
	.get_count = dummy_count,
};

static int
register_errors(void)
{
	struct rte_mempool_ops ops = dummy_ops;

	CHECK(rte_mempool_register_ops(NULL) == -EINVAL);
	ops.name[0] = '\0';
	CHECK(rte_mempool_register_ops(&ops) == -EINVAL);
	memset(ops.name, 'x', sizeof(ops.name));
	CHECK(rte_mempool_register_ops(&ops) == -EINVAL);
	ops = dummy_ops;
	ops.alloc = NULL;
	CHECK(rte_mempool_register_ops(&ops) == -EINVAL);
	ops = dummy_ops;
	ops.get_count = NULL;
	CHECK(rte_mempool_register_ops(&ops) == -EINVAL);
	ops = dummy_ops;
	snprintf(ops.name, sizeof(ops.name), "%s", "ring_mp_mc");
	CHECK(rte_mempool_register_ops(&ops) == -EEXIST);
	return 0;
}

MP_BODY(register_body)
{
	struct rte_mempool_ops ops = dummy_ops;
	unsigned int registered = rte_mempool_ops_table.num_ops, i;
	struct rte_mempool *mp;
	int idx;

	CHECK(registered >= RTE_DIM(handlers));
	CHECK_OK(register_errors());
	CHECK(rte_mempool_ops_table.num_ops == registered);
	idx = rte_mempool_register_ops(&ops);
	CHECK(idx == (int)registered);
	CHECK(strcmp(rte_mempool_get_ops(idx)->name, "test_dummy") == 0);
	/* The table keeps a copy. */
	memset(&ops, 0, sizeof(ops));
	CHECK(rte_mempool_get_ops(idx)->alloc == dummy_alloc);
	/* Fill the table. */
	for (i = registered + 1; i < RTE_MEMPOOL_MAX_OPS_IDX; i++) {
		ops = dummy_ops;
		snprintf(ops.name, sizeof(ops.name), "test_fill_%u", i);
		CHECK(rte_mempool_register_ops(&ops) == (int)i);
	}
	ops = dummy_ops;
	snprintf(ops.name, sizeof(ops.name), "%s", "test_one_too_many");
	CHECK(rte_mempool_register_ops(&ops) == -ENOSPC);

	mp = rte_mempool_create_empty("byname", 63, 64, 0, 0, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_set_ops_byname(NULL, "stack", NULL) == -EINVAL);
	CHECK(rte_mempool_set_ops_byname(mp, NULL, NULL) == -EINVAL);
	CHECK(rte_mempool_set_ops_byname(mp, "no_such_ops", NULL) == -EINVAL);
	CHECK(strcmp(mp_ops_name(mp), "ring_mp_mc") == 0);
	CHECK(rte_mempool_set_ops_byname(mp, "test_dummy", &ops) == 0);
	CHECK(mp->ops_index == idx && mp->pool_config == &ops);
	CHECK(rte_mempool_set_ops_byname(mp, "stack", NULL) == 0);
	CHECK(mp->pool_config == NULL);
	CHECK(rte_mempool_populate_default(mp) == 63);
	CHECK(rte_mempool_set_ops_byname(mp, "ring_mp_mc", NULL) == -EEXIST);
	rte_mempool_free(mp);
	return 0;
}

static void
test_register(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, register_body);
}

static int
nomem_alloc(struct rte_mempool *mp)
{
	(void)mp;
	return -ENOMEM;
}

/* More memory than one memzone can ever have (a memseg list's worth). */
static ssize_t
nomem_calc(const struct rte_mempool *mp, uint32_t obj_num, uint32_t pg_shift,
	size_t *min_chunk_size, size_t *align)
{
	(void)mp;
	(void)obj_num;
	(void)pg_shift;
	*min_chunk_size = (size_t)1 << 36;
	*align = RTE_CACHE_LINE_SIZE;
	return (ssize_t)1 << 36;
}

static int
expect_populate_nomem(const char *ops)
{
	struct mp_snapshot before = mp_snapshot();
	struct rte_mempool *mp;

	mp = rte_mempool_create_empty("nomem", 1000, 64, 32, 0, SOCKET_ID_ANY,
		0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_set_ops_byname(mp, ops, NULL) == 0);
	CHECK(rte_mempool_populate_default(mp) == -ENOMEM);
	CHECK(mp->populated_size == 0 && mp->nb_mem_chunks == 0);
	rte_errno = 0;
	if (strcmp(ops, "test_nomem_alloc") == 0)
		CHECK(rte_mempool_populate_anon(mp) == 0 && rte_errno == ENOMEM);
	rte_mempool_free(mp);
	CHECK(mp_same(before, mp_snapshot()));
	return 0;
}

MP_BODY(nomem_body)
{
	struct rte_mempool_ops ops = *rte_mempool_get_ops(0);

	snprintf(ops.name, sizeof(ops.name), "%s", "test_nomem_alloc");
	ops.alloc = nomem_alloc;
	CHECK(rte_mempool_register_ops(&ops) >= 0);
	ops = *rte_mempool_get_ops(0);
	snprintf(ops.name, sizeof(ops.name), "%s", "test_nomem_mem");
	ops.calc_mem_size = nomem_calc;
	CHECK(rte_mempool_register_ops(&ops) >= 0);
	CHECK_OK(expect_populate_nomem("test_nomem_alloc"));
	CHECK_OK(expect_populate_nomem("test_nomem_mem"));
	return 0;
}

static void
test_nomem(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, nomem_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handlers),
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_nomem),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
