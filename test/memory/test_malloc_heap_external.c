/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * External malloc heaps (rte_malloc_heap_*): every call and every
 * documented error, allocations, memzones and a mempool on application
 * memory (anonymous mmap() here: no root, no hugepages), IOVA lookups with
 * and without an IOVA table, the memory event callbacks, and no leak.
 * Each case has its own EAL (--no-huge) in a forked child.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memory.h>
#include <rte_mempool.h>
#include <rte_memzone.h>

#include "memory_test.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define HAVE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/lsan_interface.h>
#define HAVE_LSAN 1
#endif
#endif

#define PG	  4096UL
#define NB_PAGES  1024U /* 4 MiB of "external" memory */
#define AREA_LEN  (PG * NB_PAGES)
#define FAKE_IOVA UINT64_C(0x100000000) /* arbitrary, as in DPDK's test */

static rte_iova_t iovas[NB_PAGES];

/* Anonymous memory standing in for the application's own. */
static void *
area_map(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void
iovas_contiguous(void)
{
	unsigned int i;

	for (i = 0; i < NB_PAGES; i++)
		iovas[i] = FAKE_IOVA + i * PG;
}

/* rte_errno after a call that must fail with -1. */
#define FAILS_WITH(call, err) ((call) == -1 && rte_errno == (err))

/* Before rte_eal_init(): every call fails with E_RTE_NO_CONFIG. */
static void
test_before_init(void **state)
{
	char page[64];

	(void)state;
	assert_true(FAILS_WITH(rte_malloc_heap_create("x"), E_RTE_NO_CONFIG));
	assert_true(FAILS_WITH(rte_malloc_heap_destroy("x"), E_RTE_NO_CONFIG));
	assert_true(
		FAILS_WITH(rte_malloc_heap_get_socket("x"), E_RTE_NO_CONFIG));
	assert_true(FAILS_WITH(rte_malloc_heap_memory_add("x", page, PG, NULL,
				       0, PG),
		E_RTE_NO_CONFIG));
	assert_true(FAILS_WITH(rte_malloc_heap_memory_remove("x", page, PG),
		E_RTE_NO_CONFIG));
	assert_int_equal(rte_malloc_heap_socket_is_external(SOCKET_ID_ANY), 0);
	assert_int_equal(rte_malloc_heap_socket_is_external(256), -1);
}

/* The calls that take a heap name, with a bad one: all EINVAL. */
static int
bad_name_fails(const char *name, void *addr)
{
	CHECK(FAILS_WITH(rte_malloc_heap_create(name), EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_destroy(name), EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_get_socket(name), EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, NULL,
				 0, PG),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_remove(name, addr, AREA_LEN),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_attach(name, addr, AREA_LEN),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_detach(name, addr, AREA_LEN),
		EINVAL));
	return 0;
}

/* Calls on chunk (addr, len) of heap name that must fail with err. */
static int
chunk_calls_fail(const char *name, void *addr, size_t len, int err)
{
	CHECK(FAILS_WITH(rte_malloc_heap_memory_remove(name, addr, len), err));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_attach(name, addr, len), err));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_detach(name, addr, len), err));
	return 0;
}

MEM_BODY(names_body)
{
	char long_name[40];
	void *addr = area_map(AREA_LEN);
	int ret;

	CHECK(addr != NULL);
	memset(long_name, 'n', sizeof(long_name));
	long_name[32] = '\0';
	CHECK((ret = bad_name_fails(NULL, addr)) == 0);
	CHECK((ret = bad_name_fails("", addr)) == 0);
	CHECK((ret = bad_name_fails(long_name, addr)) == 0);
	/* 31 characters is the longest name. */
	long_name[31] = '\0';
	CHECK(rte_malloc_heap_create(long_name) == 0);
	CHECK(rte_malloc_heap_get_socket(long_name) >= 256);
	CHECK(rte_malloc_heap_destroy(long_name) == 0);
	/* No heap of that name: ENOENT. */
	CHECK(FAILS_WITH(rte_malloc_heap_destroy("nope"), ENOENT));
	CHECK(FAILS_WITH(rte_malloc_heap_get_socket("nope"), ENOENT));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add("nope", addr, AREA_LEN,
				 NULL, 0, PG),
		ENOENT));
	CHECK(chunk_calls_fail("nope", addr, AREA_LEN, ENOENT) == 0);
	/* Socket heaps have names, and cannot be changed: EPERM. */
	CHECK(rte_malloc_heap_get_socket("socket_0") == 0);
	CHECK(FAILS_WITH(rte_malloc_heap_create("socket_0"), EEXIST));
	CHECK(FAILS_WITH(rte_malloc_heap_destroy("socket_0"), EPERM));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add("socket_0", addr, AREA_LEN,
				 NULL, 0, PG),
		EPERM));
	CHECK(chunk_calls_fail("socket_0", addr, AREA_LEN, EPERM) == 0);
	CHECK(rte_malloc_heap_create("dup") == 0);
	CHECK(FAILS_WITH(rte_malloc_heap_create("dup"), EEXIST));
	CHECK(rte_malloc_heap_destroy("dup") == 0);
	CHECK(FAILS_WITH(rte_malloc_heap_destroy("dup"), ENOENT));
	munmap(addr, AREA_LEN);
	return 0;
}

static void
test_names(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, names_body);
}

/* memory_add()'s argument checks: all EINVAL, nothing added. */
static int
add_args_fail(const char *name, char *addr)
{
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, 0, NULL, 0, PG),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, NULL, AREA_LEN, NULL,
				 0, PG),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, NULL,
				 0, 0),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, NULL,
				 0, 3 * PG),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, NULL,
				 0, 2048),
		EINVAL));
	/* Not a power of two, though its low 32 bits are one. */
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, NULL,
				 0, (size_t)(UINT64_C(1) << 32) + PG),
		EINVAL));
	/* A 16 GiB page: the area is not aligned to it. */
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, NULL,
				 0, (size_t)RTE_PGSIZE_16G),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr + 64,
				 AREA_LEN - PG, NULL, 0, PG),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN - 64,
				 NULL, 0, PG),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, iovas,
				 0, PG),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, iovas,
				 NB_PAGES - 1, PG),
		EINVAL));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add(name, addr, AREA_LEN, iovas,
				 NB_PAGES + 1, PG),
		EINVAL));
	CHECK(chunk_calls_fail(name, addr, 0, EINVAL) == 0);
	CHECK(chunk_calls_fail(name, NULL, AREA_LEN, EINVAL) == 0);
	return 0;
}

MEM_BODY(add_args_body)
{
	char *addr = area_map(AREA_LEN);
	struct rte_malloc_socket_stats stats;
	void *eal_mem;
	int socket;

	CHECK(addr != NULL);
	iovas_contiguous();
	CHECK(rte_malloc_heap_create("args") == 0);
	socket = rte_malloc_heap_get_socket("args");
	CHECK(add_args_fail("args", addr) == 0);
	CHECK(rte_malloc_get_socket_stats(socket, &stats) == 0);
	CHECK(stats.heap_totalsz_bytes == 0);
	/* A chunk that was never added: ENOENT. */
	CHECK(chunk_calls_fail("args", addr, AREA_LEN, ENOENT) == 0);
	CHECK(rte_malloc_heap_memory_add("args", addr, AREA_LEN, iovas,
		      NB_PAGES, PG) == 0);
	/* Only the chunk as added: not a part of it, nor more. */
	CHECK(chunk_calls_fail("args", addr, AREA_LEN / 2, ENOENT) == 0);
	CHECK(chunk_calls_fail("args", addr + PG, AREA_LEN - PG, ENOENT) == 0);
	/* Overlaps: the same area again, or the EAL's own memory. */
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add("args", addr + PG, PG, NULL,
				 0, PG),
		EINVAL));
	eal_mem = rte_malloc(NULL, 4 * PG, PG);
	CHECK(eal_mem != NULL);
	CHECK(FAILS_WITH(rte_malloc_heap_memory_add("args", eal_mem, PG, NULL,
				 0, PG),
		EINVAL));
	rte_free(eal_mem);
	/* The chunk belongs to "args", not to another heap. */
	CHECK(rte_malloc_heap_create("other") == 0);
	CHECK(chunk_calls_fail("other", addr, AREA_LEN, ENOENT) == 0);
	CHECK(rte_malloc_heap_destroy("other") == 0);
	CHECK(rte_malloc_heap_memory_attach("args", addr, AREA_LEN) == 0);
	CHECK(rte_malloc_heap_memory_detach("args", addr, AREA_LEN) == 0);
	CHECK(rte_malloc_heap_memory_remove("args", addr, AREA_LEN) == 0);
	CHECK(FAILS_WITH(rte_malloc_heap_memory_remove("args", addr, AREA_LEN),
		ENOENT));
	CHECK(rte_malloc_heap_destroy("args") == 0);
	munmap(addr, AREA_LEN);
	return 0;
}

static void
test_add_args(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, add_args_body);
}

/* Each page is a segment of an external list with the given IOVA. */
static int
check_segments(char *addr, const rte_iova_t *table, int socket)
{
	const struct rte_memseg_list *msl;
	const struct rte_memseg *ms;
	unsigned int i;

	for (i = 0; i < NB_PAGES; i++) {
		msl = rte_mem_virt2memseg_list(addr + i * PG);
		CHECK(msl != NULL && msl->external == 1 && msl->heap == 1);
		CHECK(msl->socket_id == socket && msl->page_sz == PG);
		ms = rte_mem_virt2memseg(addr + i * PG, msl);
		CHECK(ms != NULL && ms->addr == addr + i * PG);
		CHECK(ms->len == PG && ms->socket_id == socket);
		CHECK(ms->iova == (table != NULL ? table[i] : RTE_BAD_IOVA));
	}
	return 0;
}

static rte_iova_t
expected_iova(const char *addr, const void *p, const rte_iova_t *table)
{
	size_t off = (size_t)((const char *)p - addr);

	return table != NULL ? table[off / PG] + off % PG : RTE_BAD_IOVA;
}

static int
inside(const char *addr, const void *p, size_t len)
{
	return (const char *)p >= addr &&
		(const char *)p + len <= addr + AREA_LEN;
}

/* Blocks and memzones from the heap, and what they are worth. */
static int
use_heap(char *addr, const rte_iova_t *table, int socket)
{
	const struct rte_memzone *mz, *contig;
	unsigned char *p, *z;
	void *any;
	size_t i;

	p = rte_malloc_socket("ext", 3 * PG, 0, socket);
	CHECK(p != NULL && inside(addr, p, 3 * PG));
	CHECK(rte_malloc_virt2iova(p + 100) ==
		expected_iova(addr, p + 100, table));
	CHECK(rte_mem_virt2iova(p + 100) == expected_iova(addr, p + 100, table));
	memset(p, 0xa5, 3 * PG);
	rte_free(p);
	z = rte_zmalloc_socket("ext", 3 * PG, 0, socket);
	CHECK(z != NULL && inside(addr, z, 3 * PG));
	for (i = 0; i < 3 * PG; i++)
		CHECK(z[i] == 0);
	/* Busy memory: neither the chunk nor the heap can go. */
	CHECK(FAILS_WITH(rte_malloc_heap_memory_remove("ext", addr, AREA_LEN),
		EBUSY));
	CHECK(FAILS_WITH(rte_malloc_heap_destroy("ext"), EBUSY));
	mz = rte_memzone_reserve("ext_mz", 2 * PG, socket, 0);
	CHECK(mz != NULL && inside(addr, mz->addr, mz->len));
	CHECK(mz->socket_id == socket && mz->hugepage_sz == PG);
	CHECK(mz->iova == expected_iova(addr, mz->addr, table));
	/* IOVA-contiguous on demand: only with an IOVA table. */
	contig = rte_memzone_reserve("ext_contig", 2 * PG, socket,
		RTE_MEMZONE_IOVA_CONTIG);
	CHECK((contig != NULL) == (table != NULL));
	/* SOCKET_ID_ANY never takes external memory. */
	any = rte_malloc(NULL, 64, 0);
	CHECK(any != NULL && !inside(addr, any, 64));
	rte_free(any);
	CHECK(rte_memzone_free(mz) == 0);
	if (contig != NULL)
		CHECK(rte_memzone_free(contig) == 0);
	rte_free(z);
	return 0;
}

/* A whole life: create, add, use, remove, destroy. */
static int
heap_life(char *addr, const rte_iova_t *table)
{
	struct rte_malloc_socket_stats stats;
	const struct rte_memzone *mz;
	int socket, ret;

	CHECK(rte_malloc_heap_create("ext") == 0);
	socket = rte_malloc_heap_get_socket("ext");
	CHECK(socket >= 256);
	CHECK(rte_malloc_heap_socket_is_external(socket) == 1);
	/* Empty: nothing to allocate, and it never grows. */
	CHECK(rte_malloc_socket(NULL, 64, 0, socket) == NULL);
	CHECK(rte_errno == ENOMEM);
	CHECK(rte_malloc_heap_memory_add("ext", addr, AREA_LEN,
		      (rte_iova_t *)(uintptr_t)table, NB_PAGES, PG) == 0);
	CHECK((ret = check_segments(addr, table, socket)) == 0);
	CHECK(rte_malloc_get_socket_stats(socket, &stats) == 0);
	CHECK(stats.heap_totalsz_bytes == AREA_LEN);
	CHECK((ret = use_heap(addr, table, socket)) == 0);
	/* A memzone of length 0 takes the biggest free block. */
	mz = rte_memzone_reserve("ext_all", 0, socket, 0);
	CHECK(mz != NULL && inside(addr, mz->addr, mz->len));
	CHECK(mz->len >= AREA_LEN / 2);
	CHECK(mz->iova == expected_iova(addr, mz->addr, table));
	CHECK(rte_memzone_free(mz) == 0);
	CHECK(rte_malloc_get_socket_stats(socket, &stats) == 0);
	CHECK(stats.alloc_count == 0);
	/* Bigger than what was added: ENOMEM, no growth. */
	CHECK(rte_malloc_socket(NULL, AREA_LEN, 0, socket) == NULL);
	CHECK(rte_errno == ENOMEM);
	CHECK(rte_malloc_heap_memory_remove("ext", addr, AREA_LEN) == 0);
	/* The EAL forgot the memory: it is the application's again. */
	CHECK(rte_mem_virt2memseg_list(addr) == NULL);
	CHECK(rte_mem_virt2iova(addr) == (uintptr_t)addr);
	CHECK(rte_malloc_heap_destroy("ext") == 0);
	CHECK(rte_malloc_heap_socket_is_external(socket) == -1);
	CHECK(rte_malloc_socket(NULL, 64, 0, socket) == NULL);
	CHECK(rte_errno == EINVAL);
	CHECK(rte_memzone_reserve("gone", 64, socket, 0) == NULL);
	CHECK(rte_errno == EINVAL);
	memset(addr, 0x11, AREA_LEN);
	return 0;
}

MEM_BODY(basic_body)
{
	char *addr = area_map(AREA_LEN);
	int ret;

	CHECK(addr != NULL);
	iovas_contiguous();
	CHECK((ret = heap_life(addr, iovas)) == 0);
	/* Without an IOVA table everything works, with RTE_BAD_IOVA. */
	CHECK((ret = heap_life(addr, NULL)) == 0);
	munmap(addr, AREA_LEN);
	return 0;
}

static void
test_basic(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, basic_body);
}

/*
 * Scattered IOVAs: pages 0-2 and 3-1023 are two IOVA-contiguous stretches
 * (the first one backwards). Memzones stay in one stretch; rte_malloc()
 * does not care.
 */
MEM_BODY(scattered_body)
{
	char *addr = area_map(AREA_LEN);
	const struct rte_memzone *mz;
	unsigned int i;
	int socket;
	void *p;

	CHECK(addr != NULL);
	for (i = 0; i < NB_PAGES; i++)
		iovas[i] = i < 3 ? FAKE_IOVA * 4 - i * PG : FAKE_IOVA + i * PG;
	CHECK(rte_malloc_heap_create("scattered") == 0);
	socket = rte_malloc_heap_get_socket("scattered");
	CHECK(rte_malloc_heap_memory_add("scattered", addr, AREA_LEN, iovas,
		      NB_PAGES, PG) == 0);
	mz = rte_memzone_reserve("scattered_mz", 8 * PG, socket,
		RTE_MEMZONE_IOVA_CONTIG);
	CHECK(mz != NULL);
	CHECK((char *)mz->addr >= addr + 3 * PG &&
		inside(addr, mz->addr, mz->len));
	CHECK(mz->iova == expected_iova(addr, mz->addr, iovas));
	CHECK(rte_memzone_free(mz) == 0);
	/* Length 0 (the biggest block) needs IOVAs consecutive throughout
	 * the chunk, or none at all. */
	CHECK(rte_memzone_reserve("scattered_all", 0, socket, 0) == NULL);
	CHECK(rte_errno == ENOMEM);
	p = rte_malloc_socket(NULL, 8 * PG, 0, socket);
	CHECK(p != NULL && inside(addr, p, 8 * PG));
	rte_free(p);
	CHECK(rte_malloc_heap_memory_remove("scattered", addr, AREA_LEN) == 0);
	CHECK(rte_malloc_heap_destroy("scattered") == 0);
	munmap(addr, AREA_LEN);
	return 0;
}

static void
test_scattered(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, scattered_body);
}

/* A pktmbuf pool and a plain mempool living in external memory. */
static int
pools_on(char *addr, size_t len, const rte_iova_t *table, int socket)
{
	struct rte_mempool *mp, *plain;
	struct rte_mbuf *m;
	void *obj;

	mp = rte_pktmbuf_pool_create("ext_mbufs", 511, 32, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, socket);
	CHECK(mp != NULL && mp->socket_id == socket);
	m = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL);
	CHECK((char *)m >= addr && (char *)m < addr + len);
	CHECK((char *)m->buf_addr >= addr && (char *)m->buf_addr < addr + len);
	if (table != NULL)
		CHECK(rte_mbuf_data_iova(m) ==
			rte_mem_virt2iova(rte_pktmbuf_mtod(m, void *)));
	rte_pktmbuf_free(m);
	plain = rte_mempool_create("ext_plain", 255, 128, 0, 0, NULL, NULL,
		NULL, NULL, socket, 0);
	CHECK(plain != NULL);
	CHECK(rte_mempool_get(plain, &obj) == 0);
	CHECK((char *)obj >= addr && (char *)obj < addr + len);
	rte_mempool_put(plain, obj);
	CHECK(FAILS_WITH(rte_malloc_heap_memory_remove("pool", addr, len),
		EBUSY));
	rte_mempool_free(plain);
	rte_mempool_free(mp);
	return 0;
}

MEM_BODY(mempool_body)
{
	size_t len = 8UL << 20;
	unsigned int i, nb = (unsigned int)(len / PG);
	rte_iova_t *table = calloc(nb, sizeof(*table));
	char *addr = area_map(len);
	int socket, ret, round;

	CHECK(addr != NULL && table != NULL);
	for (i = 0; i < nb; i++)
		table[i] = FAKE_IOVA + i * PG;
	CHECK(rte_malloc_heap_create("pool") == 0);
	socket = rte_malloc_heap_get_socket("pool");
	for (round = 0; round < 2; round++) {
		CHECK(rte_malloc_heap_memory_add("pool", addr, len,
			      round == 0 ? table : NULL, nb, PG) == 0);
		CHECK((ret = pools_on(addr, len, round == 0 ? table : NULL,
			       socket)) == 0);
		CHECK(rte_malloc_heap_memory_remove("pool", addr, len) == 0);
	}
	CHECK(rte_malloc_heap_destroy("pool") == 0);
	munmap(addr, len);
	free(table);
	return 0;
}

static void
test_mempool(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, mempool_body);
}

/* What the callback saw, as VFIO would look at it. */
static struct {
	int allocs, frees;
	const void *addr;
	size_t len;
	int found; /* the range was a known external list */
	rte_iova_t first_iova;
} seen;

static void
record_event(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	const struct rte_memseg_list *msl = rte_mem_virt2memseg_list(addr);
	const struct rte_memseg *ms;

	(void)arg;
	if (type == RTE_MEM_EVENT_ALLOC)
		seen.allocs++;
	else
		seen.frees++;
	seen.addr = addr;
	seen.len = len;
	ms = msl != NULL ? rte_mem_virt2memseg(addr, msl) : NULL;
	seen.found = msl != NULL && msl->external && ms != NULL;
	seen.first_iova = ms != NULL ? ms->iova : 0;
}

MEM_BODY(events_body)
{
	char *addr = area_map(AREA_LEN);
	void *p;

	CHECK(addr != NULL);
	iovas_contiguous();
	CHECK(rte_malloc_heap_create("ev") == 0);
	CHECK(rte_mem_event_callback_register("ext", record_event, NULL) == 0);
	CHECK(rte_malloc_heap_memory_add("ev", addr, AREA_LEN, iovas, NB_PAGES,
		      PG) == 0);
	CHECK(seen.allocs == 1 && seen.frees == 0);
	CHECK(seen.addr == addr && seen.len == AREA_LEN && seen.found);
	CHECK(seen.first_iova == FAKE_IOVA);
	/* Allocating and freeing inside it, a refused removal, attach and
	 * detach: no event. */
	p = rte_malloc_socket(NULL, 64, 0, rte_malloc_heap_get_socket("ev"));
	CHECK(p != NULL);
	CHECK(FAILS_WITH(rte_malloc_heap_memory_remove("ev", addr, AREA_LEN),
		EBUSY));
	rte_free(p);
	CHECK(rte_malloc_heap_memory_attach("ev", addr, AREA_LEN) == 0);
	CHECK(rte_malloc_heap_memory_detach("ev", addr, AREA_LEN) == 0);
	CHECK(seen.allocs == 1 && seen.frees == 0);
	/* Removal: the callbacks still find the memory, before it goes. */
	memset(&seen, 0, sizeof(seen));
	CHECK(rte_malloc_heap_memory_remove("ev", addr, AREA_LEN) == 0);
	CHECK(seen.allocs == 0 && seen.frees == 1);
	CHECK(seen.addr == addr && seen.len == AREA_LEN && seen.found);
	CHECK(seen.first_iova == FAKE_IOVA);
	/* Without IOVAs, the segments say RTE_BAD_IOVA (VFIO skips them). */
	CHECK(rte_malloc_heap_memory_add("ev", addr, AREA_LEN, NULL, 0, PG) ==
		0);
	CHECK(seen.allocs == 1 && seen.found);
	CHECK(seen.first_iova == RTE_BAD_IOVA);
	CHECK(rte_malloc_heap_memory_remove("ev", addr, AREA_LEN) == 0);
	CHECK(seen.frees == 2);
	CHECK(rte_mem_event_callback_unregister("ext", NULL) == 0);
	CHECK(rte_malloc_heap_destroy("ev") == 0);
	munmap(addr, AREA_LEN);
	return 0;
}

static void
test_events(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, events_body);
}

/* ENOSPC for heaps (RTE_MAX_HEAPS) and for chunks (memseg lists). */
static int
inside_area(const char *addr, const void *p)
{
	return (const char *)p >= addr &&
		(const char *)p < addr + (RTE_MAX_MEMSEG_LISTS + 1) * PG;
}

MEM_BODY(limits_body)
{
	static void *blocks[RTE_MAX_MEMSEG_LISTS];
	unsigned int nb_heaps = 0, nb_chunks = 0, i;
	int first_socket, socket;
	char name[32];
	char *addr;

	for (;;) {
		snprintf(name, sizeof(name), "h%u", nb_heaps);
		if (rte_malloc_heap_create(name) != 0)
			break;
		nb_heaps++;
	}
	CHECK(rte_errno == ENOSPC);
	CHECK(nb_heaps == RTE_MAX_HEAPS - rte_socket_count());
	for (i = 0; i < nb_heaps; i++) {
		snprintf(name, sizeof(name), "h%u", i);
		CHECK(rte_malloc_heap_destroy(name) == 0);
	}
	/* Socket ids are never given twice. */
	CHECK(rte_malloc_heap_create("ids") == 0);
	first_socket = rte_malloc_heap_get_socket("ids");
	CHECK(rte_malloc_heap_destroy("ids") == 0);
	CHECK(rte_malloc_heap_create("ids") == 0);
	CHECK(rte_malloc_heap_get_socket("ids") > first_socket);
	addr = area_map((RTE_MAX_MEMSEG_LISTS + 1) * PG);
	CHECK(addr != NULL);
	rte_errno = 0;
	while (nb_chunks <= RTE_MAX_MEMSEG_LISTS &&
		rte_malloc_heap_memory_add("ids", addr + nb_chunks * PG, PG,
			NULL, 0, PG) == 0)
		nb_chunks++;
	CHECK(rte_errno == ENOSPC);
	CHECK(nb_chunks > 0 && nb_chunks <= RTE_MAX_MEMSEG_LISTS);
	socket = rte_malloc_heap_get_socket("ids");
	/* Each one-page chunk holds one such block. */
	for (i = 0; i < nb_chunks; i++) {
		blocks[i] = rte_malloc_socket(NULL, 3000, 0, socket);
		CHECK(blocks[i] != NULL && inside_area(addr, blocks[i]));
	}
	CHECK(FAILS_WITH(rte_malloc_heap_destroy("ids"), EBUSY));
	CHECK(FAILS_WITH(rte_malloc_heap_memory_remove("ids", addr, PG), EBUSY));
	/* A removed chunk's list is free for the next one. */
	for (i = 0; i < nb_chunks; i++)
		if ((char *)blocks[i] < addr + PG)
			rte_free(blocks[i]);
	CHECK(rte_malloc_heap_memory_remove("ids", addr, PG) == 0);
	CHECK(rte_malloc_heap_memory_add("ids", addr + nb_chunks * PG, PG, NULL,
		      0, PG) == 0);
	/* rte_eal_cleanup() (in the harness) takes back the rest. */
	return 0;
}

static void
test_limits(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, limits_body);
}

/* Two threads allocate on one external heap while another heap and its
 * chunk come and go: no block is lost, nothing is left busy. */
struct mt_arg {
	int socket;
	char *addr;
	int failed;
};

static void *
mt_worker(void *arg)
{
	struct mt_arg *a = arg;
	unsigned char *p;
	unsigned int i;

	for (i = 0; i < 3000; i++) {
		p = rte_malloc_socket(NULL, 64 + (i % 17) * 200, 0, a->socket);
		if (p == NULL || !inside(a->addr, p, 64)) {
			a->failed = 1;
			break;
		}
		p[0] = (unsigned char)i;
		rte_free(p);
	}
	return NULL;
}

static int
mt_churn(char *area)
{
	void *p;
	int i;

	for (i = 0; i < 100; i++) {
		CHECK(rte_malloc_heap_create("churn") == 0);
		CHECK(rte_malloc_heap_memory_add("churn", area, 64 * PG, NULL,
			      0, PG) == 0);
		p = rte_malloc_socket(NULL, 256, 0,
			rte_malloc_heap_get_socket("churn"));
		CHECK(p != NULL && (char *)p >= area);
		rte_free(p);
		CHECK(rte_malloc_heap_memory_remove("churn", area, 64 * PG) ==
			0);
		CHECK(rte_malloc_heap_destroy("churn") == 0);
	}
	return 0;
}

MEM_BODY(threads_body)
{
	char *addr = area_map(AREA_LEN), *area = area_map(64 * PG);
	struct rte_malloc_socket_stats stats;
	struct mt_arg args[2];
	pthread_t tids[2];
	int i, ret;

	CHECK(addr != NULL && area != NULL);
	CHECK(rte_malloc_heap_create("mt") == 0);
	CHECK(rte_malloc_heap_memory_add("mt", addr, AREA_LEN, NULL, 0, PG) ==
		0);
	for (i = 0; i < 2; i++) {
		args[i].socket = rte_malloc_heap_get_socket("mt");
		args[i].addr = addr;
		args[i].failed = 0;
		CHECK(pthread_create(&tids[i], NULL, mt_worker, &args[i]) == 0);
	}
	ret = mt_churn(area);
	for (i = 0; i < 2; i++)
		pthread_join(tids[i], NULL);
	CHECK(ret == 0 && args[0].failed == 0 && args[1].failed == 0);
	CHECK(rte_malloc_get_socket_stats(args[0].socket, &stats) == 0);
	CHECK(stats.alloc_count == 0 && stats.heap_freesz_bytes == AREA_LEN);
	CHECK(rte_malloc_heap_memory_remove("mt", addr, AREA_LEN) == 0);
	CHECK(rte_malloc_heap_destroy("mt") == 0);
	munmap(area, 64 * PG);
	munmap(addr, AREA_LEN);
	return 0;
}

static void
test_threads(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, threads_body);
}

static int
dump_contains(void (*dump)(FILE *), const char *what)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int found;

	if (f == NULL)
		return 0;
	dump(f);
	fclose(f);
	found = buf != NULL && strstr(buf, what) != NULL;
	free(buf);
	return found;
}

static void
dump_stats(FILE *f)
{
	rte_malloc_dump_stats(f, NULL);
}

/* The dumps show external heaps; cleanup with memory still added leaks
 * nothing and leaves the application's memory mapped. */
MEM_BODY(dump_cleanup_body)
{
	char *addr = area_map(AREA_LEN);
	uint64_t physmem = rte_eal_get_physmem_size();

	CHECK(addr != NULL);
	CHECK(rte_malloc_heap_create("dumped") == 0);
	CHECK(rte_malloc_heap_memory_add("dumped", addr, AREA_LEN, NULL, 0,
		      PG) == 0);
	CHECK(rte_malloc_socket(NULL, 100, 0,
		      rte_malloc_heap_get_socket("dumped")) != NULL);
	CHECK(dump_contains(dump_stats, "Heap dumped (socket 256"));
	CHECK(dump_contains(rte_malloc_dump_heaps, "external heap dumped"));
	CHECK(dump_contains(rte_dump_physmem_layout, "external"));
	/* External memory is not the EAL's physical memory (as in DPDK). */
	CHECK(rte_eal_get_physmem_size() == physmem);
	CHECK(rte_eal_cleanup() == 0);
	memset(addr, 0x22, AREA_LEN);
	munmap(addr, AREA_LEN);
#ifdef HAVE_LSAN
	CHECK(__lsan_do_recoverable_leak_check() == 0);
#endif
	return 0;
}

static void
test_dump_cleanup(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, dump_cleanup_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_add_args),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_scattered),
		cmocka_unit_test(test_mempool),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_dump_cleanup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
