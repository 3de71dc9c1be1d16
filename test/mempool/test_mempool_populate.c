/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Giving pools memory: populate_default, populate_iova and populate_virt
 * with the caller's memory, populate_anon; object and chunk iterators;
 * IO addresses (IOVA = VA with --no-huge) and RTE_MEMPOOL_F_NO_IOVA_CONTIG;
 * the size helper; objects laid out on multiples of their size.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_mempool.h>

#include "mempool_test.h"

static size_t
obj_total(const struct rte_mempool *mp)
{
	return (size_t)mp->header_size + mp->elt_size + mp->trailer_size;
}

struct chunk_check {
	unsigned int chunks;
	unsigned int objs_outside;
	size_t bytes;
};

static void
sum_chunk(struct rte_mempool *mp, void *arg, struct rte_mempool_memhdr *m,
	unsigned int idx)
{
	struct chunk_check *c = arg;

	(void)mp;
	if (idx == c->chunks && m->mp == mp)
		c->chunks++;
	c->bytes += m->len;
}

/* Is the whole object (with its header and trailer) inside a chunk? */
static int
in_some_chunk(struct rte_mempool *mp, void *obj)
{
	struct rte_mempool_memhdr *m;
	uintptr_t start = (uintptr_t)obj - mp->header_size;
	uintptr_t end = (uintptr_t)obj + mp->elt_size + mp->trailer_size;

	STAILQ_FOREACH(m, &mp->mem_list, next)
	if (start >= (uintptr_t)m->addr && end <= (uintptr_t)m->addr + m->len)
		return 1;
	return 0;
}

static int
cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Walks the pool: obj_iter and mem_iter counts, every object inside a
 * chunk, no two overlapping, and each one's iova as expected.
 */
static int
check_walk(struct rte_mempool *mp, int iova_is_va)
{
	struct mp_objs o = { NULL, 0, mp->size };
	struct chunk_check c = { 0, 0, 0 };
	unsigned int i;

	o.objs = calloc(mp->size, sizeof(void *));
	CHECK(o.objs != NULL);
	CHECK(rte_mempool_obj_iter(mp, mp_collect_obj, &o) ==
		mp->populated_size);
	CHECK(o.n == mp->populated_size);
	CHECK(rte_mempool_obj_iter(mp, NULL, NULL) == mp->populated_size);
	CHECK(rte_mempool_mem_iter(mp, sum_chunk, &c) == mp->nb_mem_chunks);
	CHECK(c.chunks == mp->nb_mem_chunks);
	CHECK(c.bytes >= (size_t)mp->populated_size * obj_total(mp));
	for (i = 0; i < o.n; i++) {
		CHECK(in_some_chunk(mp, o.objs[i]));
		CHECK(rte_mempool_from_obj(o.objs[i]) == mp);
		if (iova_is_va)
			CHECK(rte_mempool_virt2iova(o.objs[i]) ==
				(uintptr_t)o.objs[i]);
		else
			CHECK(rte_mempool_virt2iova(o.objs[i]) == RTE_BAD_IOVA);
	}
	qsort(o.objs, o.n, sizeof(void *), cmp_ptr);
	for (i = 1; i < o.n; i++)
		CHECK(RTE_PTR_DIFF(o.objs[i], o.objs[i - 1]) >= obj_total(mp));
	free(o.objs);
	return 0;
}

MP_BODY(default_body)
{
	struct rte_mempool *mp;

	mp = rte_mempool_create_empty("dflt", 1000, 300, 0, 0, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(mp->flags & RTE_MEMPOOL_F_NON_IO);
	CHECK(!(mp->flags & RTE_MEMPOOL_F_POOL_CREATED));
	CHECK(rte_mempool_avail_count(mp) == 0);
	CHECK(rte_mempool_obj_iter(mp, NULL, NULL) == 0);
	CHECK(rte_mempool_populate_default(mp) == 1000);
	CHECK(!(mp->flags & RTE_MEMPOOL_F_NON_IO));
	CHECK(mp->flags & RTE_MEMPOOL_F_POOL_CREATED);
	CHECK(rte_mempool_populate_default(mp) == -EEXIST);
	CHECK(rte_mempool_set_ops_byname(mp, "stack", NULL) == -EEXIST);
	CHECK(rte_mempool_populate_anon(mp) == 0 && rte_errno == EEXIST);
	CHECK(rte_mempool_populate_default(NULL) == -EINVAL);
	CHECK_OK(check_walk(mp, 1));
	rte_mempool_free(mp);

	/* Objects that need not be IOVA-contiguous have no iova. */
	mp = rte_mempool_create("noiova", 1000, 300, 0, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	CHECK(mp != NULL);
	CHECK(mp->flags & RTE_MEMPOOL_F_NON_IO);
	CHECK_OK(check_walk(mp, 0));
	rte_mempool_free(mp);
	return 0;
}

static void
test_populate_default(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, default_body);
}

static void
count_free(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	(void)memhdr;
	(*(unsigned int *)opaque)++;
}

/* The caller's memory, in several chunks, until the pool is full. */
MP_BODY(iova_body)
{
	struct mp_snapshot before = mp_snapshot();
	unsigned int freed = 0, added = 0, i;
	struct rte_mempool *mp;
	char *buf[4];
	size_t len;
	int ret;

	mp = rte_mempool_create_empty("user_mem", 100, 200, 0, 0, SOCKET_ID_ANY,
		0);
	CHECK(mp != NULL);
	len = obj_total(mp) * 40 + 10;
	for (i = 0; i < RTE_DIM(buf); i++) {
		buf[i] = rte_malloc(NULL, len, 0);
		CHECK(buf[i] != NULL);
	}
	/* Too small for one object: refused, not kept, not freed. */
	CHECK(rte_mempool_populate_iova(mp, buf[0], rte_malloc_virt2iova(buf[0]),
		      obj_total(mp) - 1, count_free, &freed) == 0);
	CHECK(mp->nb_mem_chunks == 0);
	for (i = 0; i < 3; i++) {
		ret = rte_mempool_populate_iova(mp, buf[i],
			rte_malloc_virt2iova(buf[i]), len, count_free, &freed);
		CHECK(ret == (i < 2 ? 40 : 20));
		added += (unsigned int)ret;
	}
	CHECK(added == 100 && mp->populated_size == 100);
	CHECK(mp->nb_mem_chunks == 3);
	CHECK(rte_mempool_populate_iova(mp, buf[3], rte_malloc_virt2iova(buf[3]),
		      len, count_free, &freed) == -ENOSPC);
	CHECK(rte_mempool_populate_iova(NULL, buf[3], 0, len, NULL, NULL) ==
		-EINVAL);
	CHECK(rte_mempool_populate_iova(mp, NULL, 0, len, NULL, NULL) ==
		-EINVAL);
	CHECK(rte_mempool_full(mp));
	CHECK_OK(check_walk(mp, 1));
	rte_mempool_free(mp);
	CHECK(freed == 3);
	for (i = 0; i < RTE_DIM(buf); i++)
		rte_free(buf[i]);
	CHECK(mp_same(before, mp_snapshot()));
	return 0;
}

static void
test_populate_iova(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, iova_body);
}

MP_BODY(virt_body)
{
	unsigned int freed = 0;
	struct rte_mempool *mp;
	size_t pg = 4096, len = 64 * 4096;
	char *buf;

	buf = rte_malloc(NULL, len, pg);
	CHECK(buf != NULL);
	mp = rte_mempool_create_empty("virt", 50, 500, 0, 0, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_populate_virt(mp, buf + 64, len - pg, pg, NULL,
		      NULL) == -EINVAL);
	CHECK(rte_mempool_populate_virt(mp, buf, len - 1, pg, NULL, NULL) ==
		-EINVAL);
	CHECK(rte_mempool_populate_virt(mp, buf, len, 3000, NULL, NULL) ==
		-EINVAL);
	CHECK(mp->populated_size == 0);
	CHECK(rte_mempool_populate_virt(mp, buf, len, pg, count_free, &freed) ==
		50);
	/* IOVA = VA: the whole area is one contiguous chunk. */
	CHECK(mp->nb_mem_chunks == 1);
	CHECK(rte_mempool_populate_virt(mp, buf, len, pg, NULL, NULL) ==
		-ENOSPC);
	CHECK_OK(check_walk(mp, 1));
	rte_mempool_free(mp);
	CHECK(freed == 1);
	rte_free(buf);
	return 0;
}

static void
test_populate_virt(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, virt_body);
}

MP_BODY(anon_body)
{
	struct mp_snapshot before = mp_snapshot();
	struct rte_mempool *mp;
	void *obj;

	mp = rte_mempool_create_empty("anon", 2047, 2048, 32, 0, SOCKET_ID_ANY,
		0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_populate_anon(mp) == 2047);
	CHECK(rte_mempool_populate_anon(mp) == 0 && rte_errno == EEXIST);
	CHECK(rte_mempool_populate_default(mp) == -EEXIST);
	/* Not EAL memory, yet an iova in IOVA-as-VA mode. */
	CHECK(rte_mempool_get(mp, &obj) == 0);
	CHECK(rte_mem_virt2memseg(obj, NULL) == NULL);
	memset(obj, 0xa5, mp->elt_size);
	rte_mempool_put(mp, obj);
	CHECK_OK(check_walk(mp, 1));
	rte_mempool_free(mp);
	rte_errno = 0;
	CHECK(rte_mempool_populate_anon(NULL) == 0 && rte_errno == EINVAL);
	CHECK(mp_same(before, mp_snapshot()));
	return 0;
}

static void
test_populate_anon(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, anon_body);
}

/* Size arithmetic of the default calc_mem_size. */
MP_BODY(calc_size_body)
{
	struct rte_mempool *mp;
	size_t min_chunk, align, pg_sz = 1;
	size_t total, per_page, expect;

	mp = rte_mempool_create_empty("calc", 1000, 2048, 0, 0, SOCKET_ID_ANY,
		0);
	CHECK(mp != NULL);
	total = obj_total(mp);
	CHECK(total > 2048 && total <= 4096);
	CHECK(rte_mempool_get_page_size(mp, &pg_sz) == 0 && pg_sz == 0);
	CHECK(rte_mempool_get_page_size(NULL, &pg_sz) == -EINVAL);
	CHECK(rte_mempool_op_calc_mem_size_default(mp, 10, 0, &min_chunk,
		      &align) == (ssize_t)(10 * total));
	CHECK(min_chunk == total && align == RTE_CACHE_LINE_SIZE);
	/* 4 KiB pages: one object per page, none crossing, and room for
	 * one more object should the memory not start on a page. */
	CHECK(rte_mempool_op_calc_mem_size_default(mp, 10, 12, &min_chunk,
		      &align) == (ssize_t)(10 * 4096 + total));
	CHECK(min_chunk == total && align == RTE_CACHE_LINE_SIZE);
	/* 64 KiB pages with 1000 bytes reserved at the start of each. */
	per_page = (65536 - 1000) / total;
	expect = (61 / per_page) * 65536 + total;
	if (61 % per_page != 0)
		expect += 1000 + (61 % per_page) * total;
	CHECK(rte_mempool_op_calc_mem_size_helper(mp, 61, 16, 1000, &min_chunk,
		      &align) == (ssize_t)expect);
	CHECK(min_chunk == total + 1000 && align == RTE_CACHE_LINE_SIZE);
	CHECK(rte_mempool_op_calc_mem_size_helper(mp, 1, 12, 4096, &min_chunk,
		      &align) == -EINVAL);
	/* Objects bigger than a page get pages of their own. */
	CHECK(rte_mempool_op_calc_mem_size_default(mp, 3, 11, &min_chunk,
		      &align) == 3 * 4096);
	CHECK(rte_mempool_ops_calc_mem_size(mp, 10, 0, &min_chunk, &align) ==
		(ssize_t)(10 * total));
	rte_mempool_free(mp);
	return 0;
}

static void
test_calc_size(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, calc_size_body);
}

/* A handler that lays objects out on multiples of their size. */
static int
aligned_populate(struct rte_mempool *mp, unsigned int max_objs, void *vaddr,
	rte_iova_t iova, size_t len, rte_mempool_populate_obj_cb_t *cb,
	void *cb_arg)
{
	return rte_mempool_op_populate_helper(mp,
		RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ, max_objs, vaddr, iova, len,
		cb, cb_arg);
}

/* Room for the alignment: one object more than the default. */
static ssize_t
aligned_calc(const struct rte_mempool *mp, uint32_t obj_num, uint32_t pg_shift,
	size_t *min_chunk_size, size_t *align)
{
	ssize_t size = rte_mempool_op_calc_mem_size_default(mp, obj_num + 1,
		pg_shift, min_chunk_size, align);

	*min_chunk_size += obj_total(mp);
	return size;
}

static void
check_aligned(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	(void)idx;
	if (((uintptr_t)obj - mp->header_size) % obj_total(mp) != 0)
		(*(unsigned int *)arg)++;
}

MP_BODY(align_obj_body)
{
	struct rte_mempool_ops ops = *rte_mempool_get_ops(0);
	unsigned int misaligned = 0;
	struct rte_mempool *mp;

	snprintf(ops.name, sizeof(ops.name), "%s", "test_align_obj");
	ops.alloc = rte_mempool_get_ops(0)->alloc;
	ops.populate = aligned_populate;
	ops.calc_mem_size = aligned_calc;
	CHECK(rte_mempool_register_ops(&ops) >= 0);
	mp = rte_mempool_create_empty("alignobj", 500, 200, 0, 0, SOCKET_ID_ANY,
		0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_set_ops_byname(mp, "test_align_obj", NULL) == 0);
	CHECK(rte_mempool_populate_default(mp) == 500);
	CHECK(rte_mempool_obj_iter(mp, check_aligned, &misaligned) == 500);
	CHECK(misaligned == 0);
	CHECK_OK(check_walk(mp, 1));
	rte_mempool_free(mp);
	return 0;
}

static void
test_align_obj(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, align_obj_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_populate_default),
		cmocka_unit_test(test_populate_iova),
		cmocka_unit_test(test_populate_virt),
		cmocka_unit_test(test_populate_anon),
		cmocka_unit_test(test_calc_size),
		cmocka_unit_test(test_align_obj),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
