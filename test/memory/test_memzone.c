/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Memzones on ordinary memory (--no-huge): reserve, lookup, free, walk,
 * dump, every documented error, alignment and bounds, threads. Each case
 * has its own EAL in a forked child.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#include "memory_test.h"

static void
count_zone(const struct rte_memzone *mz, void *arg)
{
	(void)mz;
	(*(unsigned int *)arg)++;
}

static unsigned int
zone_count(void)
{
	unsigned int n = 0;

	rte_memzone_walk(count_zone, &n);
	return n;
}

/* True when [addr, addr + len) does not cross a multiple of bound. */
static int
within_bound(uint64_t addr, size_t len, size_t bound)
{
	return ((addr ^ (addr + len - 1)) & ~((uint64_t)bound - 1)) == 0;
}

static void
test_before_init(void **state)
{
	(void)state;
	rte_errno = 0;
	assert_null(rte_memzone_reserve("mz", 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_errno = 0;
	assert_null(rte_memzone_lookup("mz"));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	assert_int_equal(rte_memzone_free(NULL), -EINVAL);
	assert_int_equal(zone_count(), 0);
	rte_memzone_dump(stdout);
}

MEM_BODY(reserve_body)
{
	const struct rte_memzone *mz;
	unsigned int before = zone_count();

	mz = rte_memzone_reserve("test_mz", 1000, SOCKET_ID_ANY, 0);
	CHECK(mz != NULL);
	CHECK(strcmp(mz->name, "test_mz") == 0);
	CHECK(mz->len == 1024);
	CHECK(((uintptr_t)mz->addr % RTE_CACHE_LINE_SIZE) == 0);
	CHECK(mz->iova == (uintptr_t)mz->addr);
	CHECK(mz->socket_id == 0 && mz->flags == 0);
	CHECK(mz->hugepage_sz == (uint64_t)sysconf(_SC_PAGESIZE));
	memset(mz->addr, 0xab, mz->len);
	CHECK(rte_memzone_lookup("test_mz") == mz);
	CHECK(zone_count() == before + 1);
	rte_errno = 0;
	CHECK(rte_memzone_reserve("test_mz", 64, 0, 0) == NULL);
	CHECK(rte_errno == EEXIST);
	CHECK(rte_memzone_free(mz) == 0);
	rte_errno = 0;
	CHECK(rte_memzone_lookup("test_mz") == NULL && rte_errno == ENOENT);
	CHECK(rte_memzone_free(mz) == -EINVAL);
	CHECK(zone_count() == before);
	/* The name is free again. */
	mz = rte_memzone_reserve("test_mz", 64, 0, RTE_MEMZONE_IOVA_CONTIG);
	CHECK(mz != NULL && mz->len == 64);
	CHECK(rte_memzone_free(mz) == 0);
	return 0;
}

static void
test_reserve(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, reserve_body);
}

/* Reserves name with the arguments and expects NULL with err. */
static int
expect_error(const char *name, size_t len, int socket, unsigned int flags,
	unsigned int align, unsigned int bound, int err)
{
	const struct rte_memzone *mz;

	rte_errno = 0;
	mz = rte_memzone_reserve_bounded(name, len, socket, flags, align, bound);
	if (mz != NULL || rte_errno != err) {
		fprintf(stderr,
			"reserve(%s, %zu, %d, 0x%x, %u, %u): %p, "
			"rte_errno %d, expected %d\n",
			name ? name : "NULL", len, socket, flags, align, bound,
			(const void *)mz, rte_errno, err);
		return -1;
	}
	return 0;
}

MEM_BODY(errors_body)
{
	char long_name[RTE_MEMZONE_NAMESIZE + 1];
	const struct rte_memzone *mz;

	CHECK(expect_error(NULL, 64, 0, 0, 0, 0, EINVAL) == 0);
	memset(long_name, 'x', RTE_MEMZONE_NAMESIZE);
	long_name[RTE_MEMZONE_NAMESIZE] = '\0';
	CHECK(expect_error(long_name, 64, 0, 0, 0, 0, ENAMETOOLONG) == 0);
	CHECK(expect_error("a", 64, 0, 0, 3, 0, EINVAL) == 0);
	CHECK(expect_error("a", 64, 0, 0, 96, 0, EINVAL) == 0);
	CHECK(expect_error("a", 64, 0, 0, 0, 100, EINVAL) == 0);
	CHECK(expect_error("a", 4096, 0, 0, 0, 2048, EINVAL) == 0);
	CHECK(expect_error("a", 0, 0, 0, 0, 32, EINVAL) == 0);
	CHECK(expect_error("a", 64, -2, 0, 0, 0, EINVAL) == 0);
	CHECK(expect_error("a", 64, RTE_MAX_NUMA_NODES, 0, 0, 0, EINVAL) == 0);
	CHECK(expect_error("a", 64, 0, 0x80000000u, 0, 0, EINVAL) == 0);
	CHECK(expect_error("a", SIZE_MAX, 0, 0, 0, 0, EINVAL) == 0);
	CHECK(expect_error("a", (size_t)1 << 50, 0, 0, 0, 0, ENOMEM) == 0);
	CHECK(expect_error("a", SIZE_MAX / 2, SOCKET_ID_ANY, 0, 0, 0, ENOMEM) ==
		0);
	/* Ordinary memory has no 2 MiB pages, unless a hint is enough. */
	CHECK(expect_error("a", 64, 0, RTE_MEMZONE_2MB, 0, 0, ENOMEM) == 0);
	CHECK(expect_error("a", 64, 0, RTE_MEMZONE_1GB, 0, 0, ENOMEM) == 0);
	mz = rte_memzone_reserve("a", 64, 0,
		RTE_MEMZONE_2MB | RTE_MEMZONE_SIZE_HINT_ONLY);
	CHECK(mz != NULL);
	CHECK(rte_memzone_free(mz) == 0);
	/* The longest name that fits. */
	long_name[RTE_MEMZONE_NAMESIZE - 1] = '\0';
	mz = rte_memzone_reserve(long_name, 64, 0, 0);
	CHECK(mz != NULL && rte_memzone_lookup(long_name) == mz);
	CHECK(rte_memzone_free(mz) == 0);
	rte_errno = 0;
	CHECK(rte_memzone_lookup(NULL) == NULL && rte_errno == EINVAL);
	CHECK(rte_memzone_free(NULL) == -EINVAL);
	CHECK(rte_memzone_free((const struct rte_memzone *)long_name) ==
		-EINVAL);
	CHECK(zone_count() == 0);
	return 0;
}

static void
test_errors(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, errors_body);
}

/* All RTE_MAX_MEMZONE slots in use: ENOSPC; one freed: usable again. */
MEM_BODY(enospc_body)
{
	static const struct rte_memzone *zones[RTE_MAX_MEMZONE];
	unsigned int i, n = RTE_MAX_MEMZONE - zone_count();
	char name[RTE_MEMZONE_NAMESIZE];

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "fill_%u", i);
		zones[i] = rte_memzone_reserve(name, 64, SOCKET_ID_ANY, 0);
		CHECK(zones[i] != NULL);
	}
	CHECK(zone_count() == RTE_MAX_MEMZONE);
	CHECK(expect_error("one_more", 64, SOCKET_ID_ANY, 0, 0, 0, ENOSPC) == 0);
	CHECK(rte_memzone_free(zones[7]) == 0);
	zones[7] = rte_memzone_reserve("one_more", 64, SOCKET_ID_ANY, 0);
	CHECK(zones[7] != NULL);
	CHECK(rte_memzone_lookup("fill_2559") == zones[2559] || n < 2560);
	for (i = 0; i < n; i++)
		CHECK(rte_memzone_free(zones[i]) == 0);
	CHECK(zone_count() == 0);
	return 0;
}

static void
test_enospc(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, enospc_body);
}

MEM_BODY(alignment_body)
{
	const struct rte_memzone *mz;
	char name[RTE_MEMZONE_NAMESIZE];
	unsigned int shift, align;
	size_t len;

	for (shift = 0; shift <= 24; shift++) {
		align = 1U << shift;
		len = 100 + shift * 1000;
		snprintf(name, sizeof(name), "align_%u", shift);
		mz = rte_memzone_reserve_aligned(name, len, 0, 0, align);
		CHECK(mz != NULL);
		CHECK(((uintptr_t)mz->addr % align) == 0);
		CHECK((mz->iova % align) == 0);
		CHECK(mz->len >= len);
		memset(mz->addr, 1, mz->len);
	}
	for (shift = 0; shift <= 24; shift++) {
		snprintf(name, sizeof(name), "align_%u", shift);
		CHECK(rte_memzone_free(rte_memzone_lookup(name)) == 0);
	}
	return 0;
}

static void
test_alignment(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, alignment_body);
}

MEM_BODY(bounds_body)
{
	static const size_t lens[] = { 1, 64, 100, 1000, 4096, 5000, 65536 };
	static const struct rte_memzone *zones[RTE_DIM(lens) * 16];
	char name[RTE_MEMZONE_NAMESIZE];
	unsigned int i, n = 0, shift;
	size_t bound, len;

	for (i = 0; i < RTE_DIM(lens); i++) {
		len = RTE_ALIGN_CEIL(lens[i], (size_t)RTE_CACHE_LINE_SIZE);
		for (shift = 6; shift <= 20; shift++) {
			bound = (size_t)1 << shift;
			if (bound < len)
				continue;
			snprintf(name, sizeof(name), "bound_%u_%u", i, shift);
			zones[n] = rte_memzone_reserve_bounded(name, lens[i], 0,
				0, 64, (unsigned int)bound);
			CHECK(zones[n] != NULL);
			CHECK(within_bound((uintptr_t)zones[n]->addr, len,
				bound));
			CHECK(within_bound(zones[n]->iova, len, bound));
			n++;
		}
	}
	/* len 0 with a bound: the memzone is the bound long. */
	zones[n] = rte_memzone_reserve_bounded("bound_only", 0, 0, 0, 0, 8192);
	CHECK(zones[n] != NULL && zones[n]->len == 8192);
	CHECK(within_bound((uintptr_t)zones[n]->addr, 8192, 8192));
	n++;
	for (i = 0; i < n; i++)
		CHECK(rte_memzone_free(zones[i]) == 0);
	return 0;
}

static void
test_bounds(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, bounds_body);
}

/* len 0: the biggest block the heap already holds (here, of -m 16). */
MEM_BODY(biggest_body)
{
	const struct rte_memzone *mz, *small;

	mz = rte_memzone_reserve("biggest", 0, SOCKET_ID_ANY, 0);
	CHECK(mz != NULL);
	CHECK(mz->len >= (15 << 20) && mz->len <= (16 << 20));
	memset(mz->addr, 0, mz->len);
	/* Nothing left: len 0 does not map more memory. */
	CHECK(expect_error("nothing", 0, SOCKET_ID_ANY, 0, 0, 0, ENOMEM) == 0);
	/* With --no-huge, -m 16 is all the memory: nothing more maps. */
	small = rte_memzone_reserve("small", 4096, 0, 0);
	CHECK(small == NULL && rte_errno == ENOMEM);
	CHECK(rte_memzone_free(mz) == 0);
	small = rte_memzone_reserve("small", 4096, 0, 0);
	CHECK(small != NULL);
	CHECK(rte_memzone_free(small) == 0);
	return 0;
}

static void
test_biggest(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS " -m 16", biggest_body);
}

static void
dump_zones(FILE *f)
{
	rte_memzone_dump(f);
}

MEM_BODY(walk_dump_body)
{
	const struct rte_memzone *a, *b;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	a = rte_memzone_reserve("walk_a", 100, 0, 0);
	b = rte_memzone_reserve_aligned("walk_b", 3 << 20, 0, 0, 1 << 20);
	CHECK(a != NULL && b != NULL && zone_count() == 2);
	/* A multi-segment memzone is IOVA-contiguous (VA mode: trivially). */
	CHECK(rte_mem_virt2iova((char *)b->addr + b->len - 1) ==
		b->iova + b->len - 1);
	f = open_memstream(&text, &len);
	CHECK(f != NULL);
	dump_zones(f);
	fclose(f);
	CHECK(strstr(text, "name:<walk_a>") != NULL);
	CHECK(strstr(text, "name:<walk_b>") != NULL);
	free(text);
	rte_memzone_dump(NULL);
	rte_memzone_walk(NULL, NULL);
	CHECK(rte_memzone_free(a) == 0 && rte_memzone_free(b) == 0);
	CHECK(zone_count() == 0);
	return 0;
}

static void
test_walk_dump(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, walk_dump_body);
}

#define MZ_THREADS 4
#define MZ_ROUNDS  300

static void *
zone_thread(void *arg)
{
	unsigned int id = (unsigned int)(uintptr_t)arg, i;
	const struct rte_memzone *mz;
	char name[RTE_MEMZONE_NAMESIZE];
	uintptr_t bad = 0;

	for (i = 0; i < MZ_ROUNDS; i++) {
		snprintf(name, sizeof(name), "t%u_%u", id, i % 8);
		mz = rte_memzone_lookup(name);
		if (mz != NULL) {
			bad += *(volatile unsigned int *)mz->addr !=
				id * 1000 + i % 8;
			bad += rte_memzone_free(mz) != 0;
			continue;
		}
		mz = rte_memzone_reserve(name, 64 + i * 16, SOCKET_ID_ANY, 0);
		if (mz == NULL) {
			bad++;
			continue;
		}
		*(volatile unsigned int *)mz->addr = id * 1000 + i % 8;
	}
	for (i = 0; i < 8; i++) {
		snprintf(name, sizeof(name), "t%u_%u", id, i);
		mz = rte_memzone_lookup(name);
		if (mz != NULL)
			bad += rte_memzone_free(mz) != 0;
	}
	return (void *)bad;
}

MEM_BODY(threads_body)
{
	pthread_t threads[MZ_THREADS];
	unsigned int i;
	void *bad;

	for (i = 0; i < MZ_THREADS; i++)
		CHECK(pthread_create(&threads[i], NULL, zone_thread,
			      (void *)(uintptr_t)i) == 0);
	for (i = 0; i < MZ_THREADS; i++) {
		CHECK(pthread_join(threads[i], &bad) == 0);
		CHECK(bad == NULL);
	}
	CHECK(zone_count() == 0);
	return 0;
}

static void
test_threads(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, threads_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_enospc),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_biggest),
		cmocka_unit_test(test_walk_dump),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests_name("memzone", tests, NULL, NULL);
}
