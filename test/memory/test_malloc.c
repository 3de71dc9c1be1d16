/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_malloc family, memory segments and IOVA on ordinary memory
 * (--no-huge): no root, no hugepages. Each case has its own EAL in a
 * forked child.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#include "eal_private.h"
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

/* True when every byte of p[0..len) is c. */
static int
all_bytes(const void *p, size_t len, unsigned char c)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i] != c)
			return 0;
	return 1;
}

static int
stats_of(int socket, struct rte_malloc_socket_stats *stats)
{
	return rte_malloc_get_socket_stats(socket, stats);
}

/* Before rte_eal_init(): every call fails cleanly with E_RTE_NO_CONFIG. */
static void
test_before_init(void **state)
{
	struct rte_malloc_socket_stats stats;
	int local;

	(void)state;
	rte_errno = 0;
	assert_null(rte_malloc(NULL, 64, 0));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_errno = 0;
	assert_null(rte_zmalloc_socket(NULL, 64, 0, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_errno = 0;
	assert_null(rte_calloc(NULL, 4, 16, 0));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_errno = 0;
	assert_null(rte_realloc(NULL, 64, 0));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_errno = 0;
	assert_null(rte_realloc(&local, 64, 0));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_free(NULL);
	rte_free(&local);
	assert_int_equal(stats_of(0, &stats), -1);
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	assert_int_equal(rte_malloc_validate(&local, NULL), -1);
	assert_true(rte_malloc_virt2iova(&local) == RTE_BAD_IOVA);
	assert_true(rte_mem_virt2iova(&local) == RTE_BAD_IOVA);
	assert_int_equal(rte_eal_iova_mode(), RTE_IOVA_DC);
	assert_null(rte_mem_virt2memseg(&local, NULL));
	assert_int_equal(rte_eal_get_physmem_size(), 0);
	rte_malloc_dump_stats(stdout, NULL);
}

/* After rte_eal_cleanup(): the same, and old pointers are ignored. */
MEM_BODY(after_cleanup_body)
{
	void *p = rte_malloc(NULL, 128, 0);

	CHECK(p != NULL);
	CHECK(rte_eal_cleanup() == 0);
	rte_errno = 0;
	CHECK(rte_malloc(NULL, 64, 0) == NULL);
	CHECK(rte_errno == E_RTE_NO_CONFIG);
	rte_free(p);
	CHECK(rte_eal_get_physmem_size() == 0);
	return 0;
}

static void
test_after_cleanup(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, after_cleanup_body);
}

MEM_BODY(basic_body)
{
	unsigned char *p;
	size_t usable = 0;

	p = rte_malloc("test", 1000, 0);
	CHECK(p != NULL);
	CHECK(((uintptr_t)p % RTE_CACHE_LINE_SIZE) == 0);
	memset(p, 0x5a, 1000);
	CHECK(rte_malloc_validate(p, &usable) == 0);
	CHECK(usable >= 1000);
	CHECK(rte_malloc_validate(p + 64, NULL) == -1);
	rte_free(p);
	CHECK(rte_malloc_validate(p, NULL) == -1);
	p = rte_malloc_socket(NULL, 64, 0, 0);
	CHECK(p != NULL);
	rte_free(p);
	CHECK(rte_malloc_heap_socket_is_external(0) == 0);
	CHECK(rte_malloc_heap_socket_is_external(RTE_MAX_NUMA_NODES) == -1);
	return 0;
}

static void
test_basic(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, basic_body);
}

/* Each call must fail with rte_errno EINVAL and leave the heap alone. */
MEM_BODY(bad_args_body)
{
	static const unsigned int bad_align[] = { 3, 48, 100, 65, 0x80000001 };
	struct rte_malloc_socket_stats before, after;
	unsigned int i;

	CHECK(stats_of(0, &before) == 0);
	rte_errno = 0;
	CHECK(rte_malloc(NULL, 0, 0) == NULL && rte_errno == EINVAL);
	for (i = 0; i < RTE_DIM(bad_align); i++) {
		rte_errno = 0;
		CHECK(rte_malloc(NULL, 64, bad_align[i]) == NULL);
		CHECK(rte_errno == EINVAL);
	}
	rte_errno = 0;
	CHECK(rte_malloc_socket(NULL, 64, 0, -2) == NULL && rte_errno == EINVAL);
	rte_errno = 0;
	CHECK(rte_malloc_socket(NULL, 64, 0, RTE_MAX_NUMA_NODES) == NULL);
	CHECK(rte_errno == EINVAL);
	rte_errno = 0;
	CHECK(rte_zmalloc_socket(NULL, 64, 0, INT32_MAX) == NULL);
	CHECK(rte_errno == EINVAL);
	CHECK(stats_of(-1, &after) == -1 && rte_errno == EINVAL);
	CHECK(stats_of(RTE_MAX_NUMA_NODES, &after) == -1);
	CHECK(stats_of(0, NULL) == -1 && rte_errno == EINVAL);
	CHECK(stats_of(0, &after) == 0);
	CHECK(after.alloc_count == before.alloc_count);
	return 0;
}

static void
test_bad_args(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, bad_args_body);
}

/* Every power of two up to 1 MiB, all blocks alive at once. */
MEM_BODY(alignment_body)
{
	void *blocks[21];
	unsigned int i, align;

	for (i = 0; i < RTE_DIM(blocks); i++) {
		align = 1U << i;
		blocks[i] = rte_malloc(NULL, 100 + i * 37, align);
		CHECK(blocks[i] != NULL);
		CHECK(((uintptr_t)blocks[i] % align) == 0);
		CHECK(((uintptr_t)blocks[i] % RTE_CACHE_LINE_SIZE) == 0);
		memset(blocks[i], (int)i, 100 + i * 37);
	}
	for (i = 0; i < RTE_DIM(blocks); i++) {
		CHECK(all_bytes(blocks[i], 100 + i * 37, (unsigned char)i));
		rte_free(blocks[i]);
	}
	/* The same through zmalloc and calloc. */
	for (i = 6; i < RTE_DIM(blocks); i++) {
		blocks[i] = rte_zmalloc(NULL, 3000, 1U << i);
		CHECK(blocks[i] != NULL &&
			((uintptr_t)blocks[i] % (1U << i)) == 0);
		rte_free(blocks[i]);
		blocks[i] = rte_calloc(NULL, 3, 1000, 1U << i);
		CHECK(blocks[i] != NULL &&
			((uintptr_t)blocks[i] % (1U << i)) == 0);
		rte_free(blocks[i]);
	}
	return 0;
}

static void
test_alignment(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, alignment_body);
}

/* zmalloc and calloc hand out zeroes, also when reusing dirty blocks. */
MEM_BODY(zeroing_body)
{
	static const size_t sizes[] = { 1, 64, 100, 4096, 70000, 3 << 20 };
	unsigned int i, round;
	void *p;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < RTE_DIM(sizes); i++) {
			p = rte_malloc(NULL, sizes[i], 0);
			CHECK(p != NULL);
			memset(p, 0xff, sizes[i]);
			rte_free(p);
			p = round == 1 ? rte_calloc(NULL, 1, sizes[i], 0) :
					 rte_zmalloc(NULL, sizes[i], 0);
			CHECK(p != NULL);
			CHECK(all_bytes(p, sizes[i], 0));
			memset(p, 0xee, sizes[i]);
			rte_free(p);
		}
	}
	return 0;
}

static void
test_zeroing(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, zeroing_body);
}

static void
fill_pattern(unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (unsigned char)(i * 7 + 3);
}

static int
has_pattern(const unsigned char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != (unsigned char)(i * 7 + 3))
			return 0;
	return 1;
}

MEM_BODY(realloc_body)
{
	unsigned char *p, *q, *blocker;
	int local;

	p = rte_realloc(NULL, 100, 0);
	CHECK(p != NULL);
	fill_pattern(p, 100);
	/* Something right after p, so that growing must move it. */
	blocker = rte_malloc(NULL, 64, 0);
	CHECK(blocker != NULL);
	q = rte_realloc(p, 100000, 0);
	CHECK(q != NULL && has_pattern(q, 100));
	fill_pattern(q, 100000);
	p = rte_realloc(q, 50, 0); /* shrinks in place */
	CHECK(p == q && has_pattern(p, 50));
	q = rte_realloc(p, 5000, 4096);
	CHECK(q != NULL && ((uintptr_t)q % 4096) == 0 && has_pattern(q, 50));
	rte_errno = 0;
	CHECK(rte_realloc(q, 0, 0) == NULL && rte_errno == EINVAL);
	CHECK(rte_malloc_validate(q, NULL) == 0); /* untouched */
	rte_errno = 0;
	CHECK(rte_realloc(q, 64, 3) == NULL && rte_errno == EINVAL);
	rte_errno = 0;
	CHECK(rte_realloc(&local, 64, 0) == NULL && rte_errno == EINVAL);
	rte_errno = 0;
	CHECK(rte_realloc(q, (size_t)1 << 50, 0) == NULL);
	CHECK(rte_errno == ENOMEM && has_pattern(q, 50));
	p = rte_realloc_socket(q, 6000, 0, 0);
	CHECK(p != NULL && has_pattern(p, 50));
	rte_free(p);
	rte_free(blocker);
	/* Growing into a free neighbour happens in place. */
	p = rte_malloc(NULL, 1000, 0);
	q = rte_malloc(NULL, 1000, 0);
	blocker = rte_malloc(NULL, 64, 0);
	CHECK(p != NULL && q != NULL && blocker != NULL);
	fill_pattern(p, 1000);
	rte_free(q);
	q = rte_realloc(p, 1900, 0);
	CHECK(q == p && has_pattern(q, 1000));
	rte_free(q);
	rte_free(blocker);
	return 0;
}

static void
test_rte_realloc(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, realloc_body);
}

MEM_BODY(calloc_body)
{
	/* volatile: keeps the compiler from flagging the overflow itself */
	volatile size_t half = SIZE_MAX / 2, sixteenth = (SIZE_MAX >> 4) + 1;
	unsigned char *p;

	rte_errno = 0;
	CHECK(rte_calloc(NULL, half, 4, 0) == NULL);
	CHECK(rte_errno == EINVAL);
	rte_errno = 0;
	CHECK(rte_calloc_socket(NULL, sixteenth, 16, 0, 0) == NULL);
	CHECK(rte_errno == EINVAL);
	rte_errno = 0;
	CHECK(rte_calloc(NULL, 0, 16, 0) == NULL && rte_errno == EINVAL);
	p = rte_calloc(NULL, 1000, 13, 0);
	CHECK(p != NULL && all_bytes(p, 13000, 0));
	rte_free(p);
	return 0;
}

static void
test_rte_calloc(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, calloc_body);
}

/* Requests no memory can meet fail; the heap works afterwards. */
MEM_BODY(exhaustion_body)
{
	static const size_t huge[] = {
		(size_t)1 << 45,
		(size_t)1 << 50,
		SIZE_MAX / 2,
		SIZE_MAX - 63,
		SIZE_MAX,
	};
	struct rte_malloc_socket_stats before, after;
	unsigned int i;
	void *p;

	CHECK(stats_of(0, &before) == 0);
	for (i = 0; i < RTE_DIM(huge); i++) {
		rte_errno = 0;
		CHECK(rte_malloc(NULL, huge[i], 0) == NULL);
		CHECK(rte_errno == ENOMEM);
		rte_errno = 0;
		CHECK(rte_malloc(NULL, huge[i] / 2, 1 << 20) == NULL);
	}
	CHECK(stats_of(0, &after) == 0);
	CHECK(after.alloc_count == before.alloc_count);
	p = rte_malloc(NULL, 1000, 0);
	CHECK(p != NULL);
	memset(p, 1, 1000);
	rte_free(p);
	return 0;
}

static void
test_exhaustion(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, exhaustion_body);
}

#define STRESS_THREADS 4
#define STRESS_ROUNDS  3000
#define STRESS_LIVE    16

static void *
stress_thread(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg, i, slot;
	unsigned char *live[STRESS_LIVE] = { NULL };
	size_t sizes[STRESS_LIVE] = { 0 };
	uintptr_t bad = 0;

	for (i = 0; i < STRESS_ROUNDS; i++) {
		slot = (unsigned int)rand_r(&seed) % STRESS_LIVE;
		if (live[slot] != NULL && i % 4 == 0) {
			/* Resize, in place or moved: the content follows. */
			size_t keep = RTE_MIN(sizes[slot], (size_t)100);
			unsigned char *p;

			sizes[slot] = 1 + (size_t)rand_r(&seed) % 20000;
			p = rte_realloc(live[slot], sizes[slot], 0);
			if (p == NULL ||
				!all_bytes(p, RTE_MIN(keep, sizes[slot]),
					(unsigned char)slot)) {
				bad++;
				continue;
			}
			live[slot] = p;
			memset(p, (int)slot, sizes[slot]);
			continue;
		}
		if (live[slot] != NULL) {
			if (!all_bytes(live[slot], sizes[slot],
				    (unsigned char)slot))
				bad++;
			rte_free(live[slot]);
		}
		sizes[slot] = 1 + (size_t)rand_r(&seed) % 20000;
		live[slot] = rte_malloc(NULL, sizes[slot],
			1U << (rand_r(&seed) % 13));
		if (live[slot] == NULL) {
			bad++;
			continue;
		}
		memset(live[slot], (int)slot, sizes[slot]);
	}
	for (slot = 0; slot < STRESS_LIVE; slot++)
		rte_free(live[slot]);
	return (void *)bad;
}

MEM_BODY(stress_body)
{
	struct rte_malloc_socket_stats before, after;
	pthread_t threads[STRESS_THREADS];
	void *bad;
	unsigned int i;

	CHECK(stats_of(0, &before) == 0);
	for (i = 0; i < STRESS_THREADS; i++)
		CHECK(pthread_create(&threads[i], NULL, stress_thread,
			      (void *)(uintptr_t)(i + 1)) == 0);
	for (i = 0; i < STRESS_THREADS; i++) {
		CHECK(pthread_join(threads[i], &bad) == 0);
		CHECK(bad == NULL);
	}
	CHECK(stats_of(0, &after) == 0);
	CHECK(after.alloc_count == before.alloc_count);
	CHECK(after.heap_allocsz_bytes == before.heap_allocsz_bytes);
	CHECK(after.heap_totalsz_bytes ==
		after.heap_allocsz_bytes + after.heap_freesz_bytes);
	return 0;
}

static void
test_stress(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, stress_body);
}

/* Text a dump function writes. */
static char *
dump_to_string(void (*dump)(FILE *f))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return NULL;
	dump(f);
	fclose(f);
	return buf;
}

static void
dump_stats(FILE *f)
{
	rte_malloc_dump_stats(f, NULL);
}

MEM_BODY(stats_body)
{
	struct rte_malloc_socket_stats before, during, after;
	char *text;
	void *p;

	CHECK(stats_of(0, &before) == 0);
	p = rte_malloc(NULL, 10000, 0);
	CHECK(p != NULL);
	CHECK(stats_of(0, &during) == 0);
	CHECK(during.alloc_count == before.alloc_count + 1);
	CHECK(during.heap_allocsz_bytes >= before.heap_allocsz_bytes + 10000);
	CHECK(during.heap_totalsz_bytes ==
		during.heap_allocsz_bytes + during.heap_freesz_bytes);
	CHECK(during.greatest_free_size <= during.heap_freesz_bytes);
	CHECK(during.free_count >= 1);
	text = dump_to_string(dump_stats);
	CHECK(text != NULL && strstr(text, "Socket 0:") != NULL);
	free(text);
	text = dump_to_string(rte_malloc_dump_heaps);
	CHECK(text != NULL && strstr(text, "Heap on socket 0") != NULL);
	CHECK(strstr(text, "run ") != NULL);
	free(text);
	rte_free(p);
	CHECK(stats_of(0, &after) == 0);
	CHECK(after.alloc_count == before.alloc_count);
	CHECK(after.heap_allocsz_bytes == before.heap_allocsz_bytes);
	rte_malloc_dump_stats(NULL, NULL);
	rte_malloc_dump_heaps(NULL);
	return 0;
}

static void
test_stats(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, stats_body);
}

/* Bad pointers are reported and ignored; a double free frees once. */
MEM_BODY(bad_free_body)
{
	struct rte_malloc_socket_stats before, after;
	unsigned char *p, *q;
	int local;

	p = rte_malloc(NULL, 4096, 0);
	q = rte_malloc(NULL, 4096, 0);
	CHECK(p != NULL && q != NULL);
	CHECK(stats_of(0, &before) == 0);
	rte_free(&local);
	rte_free(p + 1);
	rte_free(p + 64);
	rte_free(p + 4096);
	rte_free((void *)(uintptr_t)0x1000);
	rte_free((void *)(uintptr_t)UINTPTR_MAX);
	CHECK(stats_of(0, &after) == 0);
	CHECK(after.alloc_count == before.alloc_count);
	rte_free(p);
	rte_free(p);
	CHECK(stats_of(0, &after) == 0);
	CHECK(after.alloc_count == before.alloc_count - 1);
	memset(q, 0, 4096);
	rte_free(q);
	return 0;
}

static void
test_bad_free(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, bad_free_body);
}

static int
count_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	uint64_t *total = arg;

	(void)msl;
	*total += ms->len;
	return 0;
}

static int
stop_walk(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	(void)msl;
	(void)ms;
	(void)arg;
	return 1;
}

/* With --no-huge: IOVA is the virtual address, segments describe it. */
MEM_BODY(va_mode_body)
{
	const struct rte_memseg *ms;
	uint64_t total = 0;
	char *text;
	int local;
	char *p;

	CHECK(rte_eal_iova_mode() == RTE_IOVA_VA);
	CHECK(rte_eal_has_hugepages() == 0);
	CHECK(rte_eal_using_phys_addrs() == 0);
	p = rte_malloc(NULL, 300000, 0);
	CHECK(p != NULL);
	CHECK(rte_mem_virt2iova(p) == (uintptr_t)p);
	CHECK(rte_mem_virt2iova(p + 1234) == (uintptr_t)p + 1234);
	CHECK(rte_malloc_virt2iova(p) == (uintptr_t)p);
	CHECK(rte_mem_iova2virt((uintptr_t)p + 10) == p + 10);
	ms = rte_mem_virt2memseg(p, NULL);
	CHECK(ms != NULL && (char *)ms->addr <= p);
	CHECK(p < (char *)ms->addr + ms->len && ms->socket_id == 0);
	CHECK(rte_mem_virt2memseg(p, rte_mem_virt2memseg_list(p)) == ms);
	CHECK(rte_mem_virt2memseg_list(p)->page_sz == ms->hugepage_sz);
	CHECK(rte_mem_virt2memseg(&local, NULL) == NULL);
	CHECK(rte_mem_virt2memseg_list(&local) == NULL);
	CHECK(rte_malloc_virt2iova(&local) == RTE_BAD_IOVA);
	CHECK(rte_mem_iova2virt(1) == NULL);
	CHECK(rte_memseg_walk(count_segment, &total) == 0);
	CHECK(total == rte_eal_get_physmem_size() && total >= 300000);
	CHECK(rte_memseg_walk(stop_walk, NULL) == 1);
	CHECK(rte_mem_check_dma_mask(64) == 0);
	CHECK(rte_mem_check_dma_mask(0) == -1);
	CHECK(rte_mem_lock_page(p) == 0);
	text = dump_to_string(rte_dump_physmem_layout);
	CHECK(text != NULL && strstr(text, "Segment 0:") != NULL);
	free(text);
	rte_free(p);
	return 0;
}

static void
test_va_mode(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, va_mode_body);
}

/* Without -m, big blocks grow the heap and go back when freed. */
MEM_BODY(growth_body)
{
	uint64_t start = rte_eal_get_physmem_size(), peak;
	void *a, *b;

	a = rte_malloc(NULL, 100 << 20, 0);
	b = rte_malloc(NULL, 100 << 20, 0);
	CHECK(a != NULL && b != NULL);
	memset(a, 1, 100 << 20);
	peak = rte_eal_get_physmem_size();
	CHECK(peak >= start + (200 << 20));
	rte_free(a);
	rte_free(b);
	/* One all-free run stays as a spare, the other is gone. */
	CHECK(rte_eal_get_physmem_size() <= peak - (100 << 20));
	CHECK(rte_eal_get_physmem_size() >= start);
	return 0;
}

static void
test_growth(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, growth_body);
}

/* -m more than --socket-limit lets the sockets hold: EINVAL, one line.
 * (--socket-limit with --no-huge is refused, so this may fall back.) */
static void
test_limit_below_memory(void **state)
{
	struct eal_run r;

	(void)state;
	if (access("/sys/devices/system/node/node1", F_OK) == 0)
		skip(); /* more than one socket: the limits add up */
	eal_run("-l 0 -m 64 --socket-limit 32", NULL, &r);
	assert_int_equal(r.ret, -1);
	assert_int_equal(r.err, EINVAL);
	assert_int_equal(eal_run_lines(r.err_text), 1);
	assert_non_null(strstr(r.err_text, "--socket-limit"));
	assert_non_null(strstr(r.err_text, "-m 64"));
}

/* Bytes in the EAL's segments, by walking them. */
static uint64_t
mapped_bytes(void)
{
	uint64_t total = 0;

	if (rte_memseg_walk(count_segment, &total) != 0)
		return 0;
	return total;
}

/* Whether [p, p + len) lies in segments a memseg walk reports. */
struct walk_cover {
	uintptr_t start, end;
	uint64_t covered;
};

static int
cover_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	struct walk_cover *c = arg;
	uintptr_t a = (uintptr_t)ms->addr, b = a + ms->len;

	(void)msl;
	a = RTE_MAX(a, c->start);
	b = RTE_MIN(b, c->end);
	if (a < b)
		c->covered += b - a;
	return 0;
}

static bool
walk_covers(const void *p, size_t len)
{
	struct walk_cover c = { (uintptr_t)p, (uintptr_t)p + len, 0 };

	return rte_memseg_walk(cover_segment, &c) == 0 && c.covered == len;
}

/* What the memory event callback saw. */
static uint64_t cap_alloc_bytes, cap_free_bytes;
static uintptr_t cap_alloc_lo = UINTPTR_MAX, cap_alloc_hi;

static void
cap_event(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	(void)arg;
	if (type != RTE_MEM_EVENT_ALLOC) {
		cap_free_bytes += len;
		return;
	}
	cap_alloc_bytes += len;
	cap_alloc_lo = RTE_MIN(cap_alloc_lo, (uintptr_t)addr);
	cap_alloc_hi = RTE_MAX(cap_alloc_hi, (uintptr_t)addr + len);
}

/*
 * --no-huge -m 16: 16 MiB is all there is, as in DPDK, but it is mapped
 * as the heap needs it: little after rte_eal_init(), then growing with
 * each allocation (seen by memseg walks and memory event callbacks), up
 * to 16 MiB in blocks as big as the cap allows, and not a byte more.
 */
MEM_BODY(capped_body)
{
	struct rte_malloc_socket_stats stats;
	uint64_t at_init = mapped_bytes(), before;
	const struct rte_memzone *mz;
	void *small, *rest, *big;

	/* DPDK's answer: the memory there is, mapped or not. */
	CHECK(rte_eal_get_physmem_size() == (16 << 20));
	CHECK(at_init <= (2 << 20));
	CHECK(rte_malloc_get_socket_stats(0, &stats) == 0);
	CHECK(stats.heap_totalsz_bytes == at_init);
	CHECK(rte_mem_event_callback_register("cap", cap_event, NULL) == 0);
	/* Beyond the cap: ENOMEM, nothing mapped, one line for all. */
	big = rte_malloc(NULL, 32 << 20, 0);
	CHECK(big == NULL && rte_errno == ENOMEM);
	CHECK(rte_memzone_reserve("too_big", 20 << 20, SOCKET_ID_ANY, 0) ==
		NULL);
	CHECK(rte_errno == ENOMEM);
	CHECK(mapped_bytes() == at_init && cap_alloc_bytes == 0);
	/* Growth: mapped on demand, walked, announced. */
	small = rte_malloc(NULL, 4 << 20, 0);
	CHECK(small != NULL);
	CHECK(mapped_bytes() >= (4 << 20) && mapped_bytes() <= (8 << 20));
	CHECK(walk_covers(small, 4 << 20));
	CHECK(cap_alloc_bytes == mapped_bytes() - at_init);
	CHECK(cap_alloc_lo <= (uintptr_t)small &&
		(uintptr_t)small + (4 << 20) <= cap_alloc_hi);
	memset(small, 0x5a, 4 << 20);
	/* Up to the cap: the rest of 16 MiB, less what init and headers
	 * took, in one block. */
	before = mapped_bytes();
	rest = rte_malloc(NULL, (16 << 20) - (4 << 20) - (512 << 10), 0);
	CHECK(rest != NULL);
	CHECK(walk_covers(rest, (16 << 20) - (4 << 20) - (512 << 10)));
	CHECK(mapped_bytes() == (16 << 20));
	CHECK(cap_alloc_bytes == (16 << 20) - at_init && before < (16 << 20));
	CHECK(all_bytes(small, 4 << 20, 0x5a));
	CHECK(rte_malloc(NULL, 1 << 20, 0) == NULL && rte_errno == ENOMEM);
	CHECK(rte_malloc_get_socket_stats(0, &stats) == 0);
	CHECK(stats.heap_totalsz_bytes == (16 << 20));
	CHECK(rte_eal_get_physmem_size() == (16 << 20));
	/* Freed, all of it is one block again: a 15 MiB memzone fits. */
	rte_free(small);
	rte_free(rest);
	mz = rte_memzone_reserve("most", 15 << 20, SOCKET_ID_ANY, 0);
	CHECK(mz != NULL && walk_covers(mz->addr, mz->len));
	CHECK(rte_memzone_free(mz) == 0);
	CHECK(mapped_bytes() <= (16 << 20) && cap_free_bytes == 0);
	CHECK(rte_mem_event_callback_unregister("cap", NULL) == 0);
	return 0;
}

static void
test_no_huge_cap(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(MEM_FAST_ARGS " -m 16", capped_body, &r);
	mem_run_report(MEM_FAST_ARGS " -m 16", &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	/* Four failures, one line naming the cap. */
	assert_int_equal(eal_run_lines(r.err_text), 1);
	assert_non_null(strstr(r.err_text, "-m 16"));
}

/*
 * --no-huge -m 64: a memzone of length 0 is the biggest block the cap
 * allows (DPDK's, of its memory reserved at start), and maps it; a second
 * then finds nothing.
 */
MEM_BODY(capped_biggest_body)
{
	const struct rte_memzone *mz;

	mz = rte_memzone_reserve("all", 0, SOCKET_ID_ANY, 0);
	CHECK(mz != NULL && mz->len >= (63 << 20) && mz->len <= (64 << 20));
	CHECK(walk_covers(mz->addr, mz->len));
	CHECK(mapped_bytes() == (64 << 20));
	memset(mz->addr, 1, mz->len);
	CHECK(rte_memzone_reserve("none", 0, SOCKET_ID_ANY, 0) == NULL);
	CHECK(rte_errno == ENOMEM);
	CHECK(rte_memzone_free(mz) == 0);
	return 0;
}

static void
test_no_huge_cap_biggest(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS " -m 64", capped_biggest_body);
}

/*
 * --no-huge -m 512: many small allocations grow the heap a segment at a
 * time, and it stays one stretch of memory (one vhost-user region).
 */
struct stretch_count {
	uintptr_t end;
	unsigned int n;
};

static int
count_stretch(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	struct stretch_count *c = arg;

	(void)msl;
	if ((uintptr_t)ms->addr != c->end)
		c->n++;
	c->end = (uintptr_t)ms->addr + ms->len;
	return 0;
}

MEM_BODY(capped_many_body)
{
	struct stretch_count c = { 0, 0 };
	static void *p[200];
	unsigned int i;

	CHECK(mapped_bytes() <= (2 << 20));
	for (i = 0; i < RTE_DIM(p); i++) {
		p[i] = rte_malloc(NULL, (i % 7 + 1) << 17, 0);
		CHECK(p[i] != NULL);
	}
	CHECK(mapped_bytes() >= (100 << 20) && mapped_bytes() <= (120 << 20));
	CHECK(rte_memseg_walk(count_stretch, &c) == 0 && c.n == 1);
	for (i = 0; i < RTE_DIM(p); i += 2)
		rte_free(p[i]);
	for (i = 0; i < RTE_DIM(p); i += 2)
		CHECK((p[i] = rte_malloc(NULL, 1 << 20, 0)) != NULL);
	for (i = 0; i < RTE_DIM(p); i++)
		rte_free(p[i]);
	return 0;
}

static void
test_no_huge_cap_many(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS " -m 512", capped_many_body);
}

/*
 * --no-huge -m 32: a pool that cannot fit fails with ENOMEM and leaves
 * nothing allocated (its chunks go back to the heap, which keeps them
 * mapped, within the cap); one that fits is made afterwards.
 */
MEM_BODY(capped_pool_body)
{
	struct rte_malloc_socket_stats stats;
	struct rte_mempool *mp;

	mp = rte_pktmbuf_pool_create("too_big", 30000, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	CHECK(mp == NULL && rte_errno == ENOMEM);
	CHECK(mapped_bytes() <= (32 << 20));
	CHECK(rte_malloc_get_socket_stats(0, &stats) == 0);
	CHECK(stats.heap_allocsz_bytes < (64 << 10));
	mp = rte_pktmbuf_pool_create("fits", 8000, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	CHECK(mp != NULL);
	CHECK(mapped_bytes() <= (32 << 20));
	rte_mempool_free(mp);
	return 0;
}

static void
test_no_huge_cap_pool(void **state)
{
	const char *full;
	struct eal_run r;

	(void)state;
	eal_run(MEM_FAST_ARGS " -m 32", capped_pool_body, &r);
	mem_run_report(MEM_FAST_ARGS " -m 32", &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	/* The EAL's notice once, naming the cap (the mempool and the mbuf
	 * library each say they failed, once). */
	full = strstr(r.err_text, "memory is full");
	assert_non_null(full);
	assert_null(strstr(full + 1, "memory is full"));
	assert_non_null(strstr(r.err_text, "-m 32"));
}

static int event_allocs, event_frees;

static void
count_event(enum rte_mem_event type, const void *addr, size_t len, void *arg)
{
	(void)addr;
	(void)len;
	(void)arg;
	if (type == RTE_MEM_EVENT_ALLOC)
		event_allocs++;
	else
		event_frees++;
}

MEM_BODY(events_body)
{
	void *a, *b;

	CHECK(rte_mem_event_callback_register("count", count_event, NULL) == 0);
	CHECK(rte_mem_event_callback_register("count", count_event, NULL) == -1);
	CHECK(rte_errno == EEXIST);
	CHECK(rte_mem_event_callback_register(NULL, count_event, NULL) == -1);
	CHECK(rte_errno == EINVAL);
	CHECK(rte_mem_event_callback_register("x", NULL, NULL) == -1);
	CHECK(rte_errno == EINVAL);
	a = rte_malloc(NULL, 8 << 20, 0);
	b = rte_malloc(NULL, 8 << 20, 0);
	CHECK(a != NULL && b != NULL && event_allocs >= 2);
	rte_free(a);
	rte_free(b);
	CHECK(event_frees >= 1);
	CHECK(rte_mem_event_callback_unregister("count", NULL) == 0);
	CHECK(rte_mem_event_callback_unregister("count", NULL) == -1);
	CHECK(rte_errno == ENOENT);
	return 0;
}

static void
test_events(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, events_body);
}

/*
 * eal_memory_init() after eal_memory_cleanup() in the same process works
 * (the cleanup leaves nothing behind), with and without -m.
 */
static int
reinit_child(void *arg)
{
	struct eal_config *cfg = calloc(1, sizeof(*cfg));
	int round;
	void *p;

	(void)arg;
	if (cfg == NULL)
		return 1;
	eal_config_defaults(cfg);
	cfg->no_huge = true;
	for (round = 0; round < 3; round++) {
		cfg->memory = round == 1 ? (32 << 20) : 0;
		if (eal_memory_init(cfg) != 0)
			return 10 + round;
		p = rte_zmalloc(NULL, 5 << 20, 0);
		if (p == NULL)
			return 20 + round;
		if (rte_memzone_reserve("again", 4096, SOCKET_ID_ANY, 0) == NULL)
			return 30 + round;
		rte_free(p);
		eal_memory_cleanup();
		if (rte_eal_get_physmem_size() != 0 ||
			rte_malloc(NULL, 64, 0) != NULL)
			return 40 + round;
	}
	/* A second init without cleanup is refused. */
	if (eal_memory_init(cfg) != 0 || eal_memory_init(cfg) != -1 ||
		rte_errno != EALREADY)
		return 50;
	eal_memory_cleanup();
	eal_config_release(cfg);
	free(cfg);
	return 0;
}

static void
test_reinit(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(reinit_child, NULL), 0);
}

/* Everything the EAL allocated is gone after rte_eal_cleanup(). */
MEM_BODY(no_leaks_body)
{
	void *p = rte_malloc(NULL, 1 << 20, 0);

	CHECK(p != NULL);
	CHECK(rte_memzone_reserve("leak_check", 1 << 20, 0, 0) != NULL);
	CHECK(rte_mem_event_callback_register("leak", count_event, NULL) == 0);
	CHECK(rte_eal_cleanup() == 0);
#ifdef HAVE_LSAN
	CHECK(__lsan_do_recoverable_leak_check() == 0);
#endif
	return 0;
}

static void
test_no_leaks(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS " -m 8", no_leaks_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_after_cleanup),
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_bad_args),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_zeroing),
		cmocka_unit_test(test_rte_realloc),
		cmocka_unit_test(test_rte_calloc),
		cmocka_unit_test(test_exhaustion),
		cmocka_unit_test(test_stress),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_bad_free),
		cmocka_unit_test(test_va_mode),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_no_huge_cap),
		cmocka_unit_test(test_no_huge_cap_biggest),
		cmocka_unit_test(test_no_huge_cap_many),
		cmocka_unit_test(test_no_huge_cap_pool),
		cmocka_unit_test(test_limit_below_memory),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_reinit),
		cmocka_unit_test(test_no_leaks),
	};

	return cmocka_run_group_tests_name("malloc", tests, NULL, NULL);
}
