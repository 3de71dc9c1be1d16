/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Ring performance, measured the way DPDK 22.11's ring_perf_autotest
 * (dpdk-test) measures it, and printed in the same lines, so that
 * bench/ring_perf.sh can put the two side by side. For pointer rings
 * ("legacy APIs") and rings of 16-byte elements ("elem APIs"), on a ring
 * of 4096 slots created with flags 0:
 *
 *   single   1 << 24 rounds of enqueue 1 + dequeue 1 on one lcore;
 *            TSC cycles per round.
 *   burst,   1 << 23 rounds of enqueue n + dequeue n (n = 8, 32) on one
 *   bulk     lcore; cycles per round.
 *   empty    1 << 26 bulk dequeues of 8 from the empty ring; cycles each.
 *   two      one lcore enqueues bulks of n, another dequeues them,
 *   cores    1 << 15 bulks each (retrying with rte_pause() while the ring
 *            is full or empty); each side's cycles per object, summed.
 *   all      every lcore does MP/MC bulk enqueue n + dequeue n for 100 ms;
 *   lcores   the number of rounds per lcore and in total.
 *
 * Sizes are read from a volatile array so the compiler cannot treat them
 * as constants. Usage: ring_perf EAL-ARGS (for example
 * "--no-huge -m 512 -l 0-1"); at least two lcores for the two-core rows.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_pause.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>

#define PERF_RING_NAME "RING_PERF"
#define PERF_RING_SIZE 4096
#define PERF_MAX_BURST 32
#define PERF_LOAD_MS 100

static const volatile unsigned int bulk_sizes[] = { 8, 32 };
#define NB_SIZES RTE_DIM(bulk_sizes)

/* How a measurement calls the ring: which side variant, which kind. */
enum perf_sync { PERF_SPSC, PERF_MPMC };
enum perf_kind { PERF_SINGLE, PERF_BULK, PERF_BURST };

/*
 * One enqueue of n objects from objs; esize -1 means the pointer-ring
 * calls. Inline with constant sync and kind, so each loop below calls
 * exactly one ring function, as an application would.
 */
static __rte_always_inline unsigned int
perf_enqueue(struct rte_ring *r, void **objs, int esize, unsigned int n,
		enum perf_sync sync, enum perf_kind kind)
{
	unsigned int es = (unsigned int)esize;

	if (esize == -1) {
		if (kind == PERF_SINGLE)
			return sync == PERF_SPSC ?
				rte_ring_sp_enqueue(r, objs[0]) == 0 :
				rte_ring_mp_enqueue(r, objs[0]) == 0;
		if (kind == PERF_BULK)
			return sync == PERF_SPSC ?
				rte_ring_sp_enqueue_bulk(r, objs, n, NULL) :
				rte_ring_mp_enqueue_bulk(r, objs, n, NULL);
		return sync == PERF_SPSC ?
			rte_ring_sp_enqueue_burst(r, objs, n, NULL) :
			rte_ring_mp_enqueue_burst(r, objs, n, NULL);
	}
	if (kind == PERF_SINGLE)
		return sync == PERF_SPSC ?
			rte_ring_sp_enqueue_elem(r, objs, es) == 0 :
			rte_ring_mp_enqueue_elem(r, objs, es) == 0;
	if (kind == PERF_BULK)
		return sync == PERF_SPSC ?
			rte_ring_sp_enqueue_bulk_elem(r, objs, es, n, NULL) :
			rte_ring_mp_enqueue_bulk_elem(r, objs, es, n, NULL);
	return sync == PERF_SPSC ?
		rte_ring_sp_enqueue_burst_elem(r, objs, es, n, NULL) :
		rte_ring_mp_enqueue_burst_elem(r, objs, es, n, NULL);
}

/* The dequeue counterpart of perf_enqueue(). */
static __rte_always_inline unsigned int
perf_dequeue(struct rte_ring *r, void **objs, int esize, unsigned int n,
		enum perf_sync sync, enum perf_kind kind)
{
	unsigned int es = (unsigned int)esize;

	if (esize == -1) {
		if (kind == PERF_SINGLE)
			return sync == PERF_SPSC ?
				rte_ring_sc_dequeue(r, objs) == 0 :
				rte_ring_mc_dequeue(r, objs) == 0;
		if (kind == PERF_BULK)
			return sync == PERF_SPSC ?
				rte_ring_sc_dequeue_bulk(r, objs, n, NULL) :
				rte_ring_mc_dequeue_bulk(r, objs, n, NULL);
		return sync == PERF_SPSC ?
			rte_ring_sc_dequeue_burst(r, objs, n, NULL) :
			rte_ring_mc_dequeue_burst(r, objs, n, NULL);
	}
	if (kind == PERF_SINGLE)
		return sync == PERF_SPSC ?
			rte_ring_sc_dequeue_elem(r, objs, es) == 0 :
			rte_ring_mc_dequeue_elem(r, objs, es) == 0;
	if (kind == PERF_BULK)
		return sync == PERF_SPSC ?
			rte_ring_sc_dequeue_bulk_elem(r, objs, es, n, NULL) :
			rte_ring_mc_dequeue_bulk_elem(r, objs, es, n, NULL);
	return sync == PERF_SPSC ?
		rte_ring_sc_dequeue_burst_elem(r, objs, es, n, NULL) :
		rte_ring_mc_dequeue_burst_elem(r, objs, es, n, NULL);
}

/* Prints one result line in dpdk-test's words. */
static void
perf_print(int esize, enum perf_sync sync, enum perf_kind kind,
		unsigned int n, double value)
{
	static const char *const kinds[] = { "single: ", "bulk", "burst" };

	if (esize == -1)
		printf("legacy APIs");
	else
		printf("elem APIs: element size %dB", esize);
	printf(": %s: %s", sync == PERF_SPSC ? "SP/SC" : "MP/MC", kinds[kind]);
	if (kind != PERF_SINGLE)
		printf(" (size: %u): ", n);
	printf("%.2F\n", value);
}

/* Objects for the calls: MAX_BURST elements of the largest size, zeroed. */
static void **
perf_objs(void)
{
	return rte_zmalloc(NULL, PERF_MAX_BURST * 16, RTE_CACHE_LINE_SIZE);
}

static __rte_always_inline void
perf_single(struct rte_ring *r, void **objs, int esize, enum perf_sync sync)
{
	const unsigned int iterations = 1U << 24;
	uint64_t start, end;
	unsigned int i;

	start = rte_rdtsc();
	for (i = 0; i < iterations; i++) {
		perf_enqueue(r, objs, esize, 1, sync, PERF_SINGLE);
		perf_dequeue(r, objs, esize, 1, sync, PERF_SINGLE);
	}
	end = rte_rdtsc();
	perf_print(esize, sync, PERF_SINGLE, 1,
		(double)(end - start) / iterations);
}

static __rte_always_inline void
perf_round_trip(struct rte_ring *r, void **objs, int esize,
		enum perf_sync sync, enum perf_kind kind)
{
	const unsigned int iterations = 1U << 23;
	uint64_t start, end;
	unsigned int i, s, n;

	for (s = 0; s < NB_SIZES; s++) {
		n = bulk_sizes[s];
		start = rte_rdtsc();
		for (i = 0; i < iterations; i++) {
			perf_enqueue(r, objs, esize, n, sync, kind);
			perf_dequeue(r, objs, esize, n, sync, kind);
		}
		end = rte_rdtsc();
		perf_print(esize, sync, kind, n,
			(double)(end - start) / iterations);
	}
}

static __rte_always_inline void
perf_empty(struct rte_ring *r, void **objs, int esize, enum perf_sync sync)
{
	const unsigned int iterations = 1U << 26;
	uint64_t start, end;
	unsigned int i;

	start = rte_rdtsc();
	for (i = 0; i < iterations; i++)
		perf_dequeue(r, objs, esize, bulk_sizes[0], sync, PERF_BULK);
	end = rte_rdtsc();
	perf_print(esize, sync, PERF_BULK, bulk_sizes[0],
		(double)(end - start) / iterations);
}

/* One side of the two-lcore measurement. */
struct perf_pair_side {
	struct rte_ring *r;
	int esize;
	unsigned int n;
	int dequeue;		/* 0: the enqueuing side */
	double spsc, mpmc;	/* cycles per object */
};

static unsigned int pair_ready;

/* Moves 1 << 15 bulks of n with the given variant; cycles per object. */
static __rte_always_inline double
perf_pair_run(struct perf_pair_side *p, void **objs, int esize,
		enum perf_sync sync)
{
	const unsigned int iterations = 1U << 15;
	uint64_t start = rte_rdtsc();
	unsigned int i;

	for (i = 0; i < iterations; i++) {
		if (p->dequeue)
			while (perf_dequeue(p->r, objs, esize, p->n, sync,
					PERF_BULK) == 0)
				rte_pause();
		else
			while (perf_enqueue(p->r, objs, esize, p->n, sync,
					PERF_BULK) == 0)
				rte_pause();
	}
	return (double)(rte_rdtsc() - start) / ((double)iterations * p->n);
}

static __rte_always_inline int
perf_pair_side_run(struct perf_pair_side *p, int esize)
{
	void **objs;

	__atomic_fetch_add(&pair_ready, 1, __ATOMIC_RELAXED);
	while (__atomic_load_n(&pair_ready, __ATOMIC_RELAXED) != 2)
		rte_pause();
	objs = perf_objs();
	if (objs == NULL)
		return -1;
	p->spsc = perf_pair_run(p, objs, esize, PERF_SPSC);
	p->mpmc = perf_pair_run(p, objs, esize, PERF_MPMC);
	rte_free(objs);
	return 0;
}

static int
perf_pair_side_ptr(void *arg)
{
	return perf_pair_side_run(arg, -1);
}

static int
perf_pair_side_16(void *arg)
{
	return perf_pair_side_run(arg, 16);
}

/* Enqueues on the main lcore, dequeues on the first worker. */
static int
perf_two_lcores(struct rte_ring *r, int esize)
{
	lcore_function_t *fn = esize == -1 ? perf_pair_side_ptr :
		perf_pair_side_16;
	struct perf_pair_side enq, deq;
	unsigned int worker = rte_get_next_lcore(-1, 1, 0), s;

	printf("\n### Testing using two physical cores ###\n");
	for (s = 0; s < NB_SIZES; s++) {
		memset(&enq, 0, sizeof(enq));
		enq.r = r;
		enq.esize = esize;
		enq.n = bulk_sizes[s];
		deq = enq;
		deq.dequeue = 1;
		__atomic_store_n(&pair_ready, 0, __ATOMIC_RELAXED);
		if (rte_eal_remote_launch(fn, &deq, worker) != 0)
			return -1;
		if (fn(&enq) != 0 || rte_eal_wait_lcore(worker) != 0)
			return -1;
		perf_print(esize, PERF_SPSC, PERF_BULK, enq.n,
			enq.spsc + deq.spsc);
		perf_print(esize, PERF_MPMC, PERF_BULK, enq.n,
			enq.mpmc + deq.mpmc);
	}
	return 0;
}

/* The all-lcores load loop. */
struct perf_load {
	struct rte_ring *r;
	unsigned int n;
	int esize;
	uint64_t count[RTE_MAX_LCORE];
};

static unsigned int load_go;

static __rte_always_inline int
perf_load_run(struct perf_load *l, int esize)
{
	const uint64_t duration = rte_get_timer_hz() * PERF_LOAD_MS / 1000;
	uint64_t start, rounds = 0;
	void **objs = perf_objs();

	if (objs == NULL)
		return -1;
	if (rte_lcore_id() != rte_get_main_lcore())
		while (__atomic_load_n(&load_go, __ATOMIC_RELAXED) == 0)
			rte_pause();
	start = rte_get_timer_cycles();
	do {
		perf_enqueue(l->r, objs, esize, l->n, PERF_MPMC, PERF_BULK);
		perf_dequeue(l->r, objs, esize, l->n, PERF_MPMC, PERF_BULK);
		rounds++;
	} while (rte_get_timer_cycles() - start < duration);
	l->count[rte_lcore_id()] = rounds;
	rte_free(objs);
	return 0;
}

static int
perf_load_ptr(void *arg)
{
	return perf_load_run(arg, -1);
}

static int
perf_load_16(void *arg)
{
	return perf_load_run(arg, 16);
}

static int
perf_all_lcores(struct rte_ring *r, int esize)
{
	static struct perf_load load;
	lcore_function_t *fn = esize == -1 ? perf_load_ptr : perf_load_16;
	unsigned int s, lcore;
	uint64_t total;

	printf("\n### Testing using all worker nodes ###\n");
	for (s = 0; s < NB_SIZES; s++) {
		memset(&load, 0, sizeof(load));
		load.r = r;
		load.n = bulk_sizes[s];
		printf("\nBulk enq/dequeue count on size %u\n", load.n);
		__atomic_store_n(&load_go, 0, __ATOMIC_RELAXED);
		if (rte_eal_mp_remote_launch(fn, &load, SKIP_MAIN) != 0)
			return -1;
		__atomic_store_n(&load_go, 1, __ATOMIC_RELAXED);
		fn(&load);
		rte_eal_mp_wait_lcore();
		total = 0;
		RTE_LCORE_FOREACH(lcore) {
			printf("Core [%u] count = %" PRIu64 "\n", lcore,
				load.count[lcore]);
			total += load.count[lcore];
		}
		printf("Total count (size: %u): %" PRIu64 "\n", load.n, total);
	}
	return 0;
}

/* Every one-lcore measurement of one element size. */
static __rte_always_inline int
perf_one_lcore(struct rte_ring *r, int esize)
{
	void **objs = perf_objs();

	if (objs == NULL)
		return -1;
	printf("\n### Testing single element enq/deq ###\n");
	perf_single(r, objs, esize, PERF_SPSC);
	perf_single(r, objs, esize, PERF_MPMC);
	printf("\n### Testing burst enq/deq ###\n");
	perf_round_trip(r, objs, esize, PERF_SPSC, PERF_BURST);
	perf_round_trip(r, objs, esize, PERF_MPMC, PERF_BURST);
	printf("\n### Testing bulk enq/deq ###\n");
	perf_round_trip(r, objs, esize, PERF_SPSC, PERF_BULK);
	perf_round_trip(r, objs, esize, PERF_MPMC, PERF_BULK);
	printf("\n### Testing empty bulk deq ###\n");
	perf_empty(r, objs, esize, PERF_SPSC);
	perf_empty(r, objs, esize, PERF_MPMC);
	rte_free(objs);
	return 0;
}

/* Inline, so that esize is a constant in every measurement (as in DPDK). */
static __rte_always_inline int
perf_esize(int esize)
{
	struct rte_ring *r;
	int ret = -1;

	if (esize == -1)
		r = rte_ring_create(PERF_RING_NAME, PERF_RING_SIZE,
			(int)rte_socket_id(), 0);
	else
		r = rte_ring_create_elem(PERF_RING_NAME, (unsigned int)esize,
			PERF_RING_SIZE, (int)rte_socket_id(), 0);
	if (r == NULL)
		return -1;
	if (perf_one_lcore(r, esize) != 0)
		goto out;
	if (rte_lcore_count() >= 2 && perf_two_lcores(r, esize) != 0)
		goto out;
	if (perf_all_lcores(r, esize) != 0)
		goto out;
	ret = 0;
out:
	rte_ring_free(r);
	return ret;
}

int
main(int argc, char **argv)
{
	int ret;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "ring_perf: rte_eal_init failed\n");
		return 1;
	}
	printf("RTE>>ring_perf_autotest\n");
	ret = perf_esize(-1) == 0 && perf_esize(16) == 0 ? 0 : 1;
	printf(ret == 0 ? "Test OK\n" : "Test Failed\n");
	rte_eal_cleanup();
	return ret;
}
