/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * mempool_cycles: TSC cycles per object of the per-lcore-cache fast path
 * of a mempool and of the mbuf calls built on it, on the main lcore. The
 * same file builds against Pollux and against DPDK (bench/mempool_perf.sh
 * compares the two). One line per case:
 *
 *   mempool_cycles CASE CYCLES_PER_OBJECT
 *
 * Cases, each run ITERS times and timed REPEAT times (the minimum is
 * printed, the least disturbed by other work on the machine):
 *   single        rte_mempool_get() then rte_mempool_put() of one object
 *   single_x32    32 rte_mempool_get() then 32 rte_mempool_put()
 *   bulk32        rte_mempool_get_bulk() then rte_mempool_put_bulk() of 32
 *   mbuf_single   rte_pktmbuf_alloc() then rte_pktmbuf_free()
 *   mbuf_x32      32 rte_pktmbuf_alloc() then 32 rte_pktmbuf_free()
 *   mbuf_bulk32   rte_pktmbuf_alloc_bulk() then rte_pktmbuf_free_bulk()
 * A get and its put count as one object.
 *
 * Usage: mempool_cycles [EAL options] -- [--iters N] [--repeat R]
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define BURST	32
#define NB_OBJS 4095
#define CACHE	256

static unsigned long iters = 200000;
static unsigned int repeat = 15;

/* Keeps the compiler from dropping or merging the calls it times. */
static void *volatile sink;

static int
case_single(struct rte_mempool *mp)
{
	void *obj;
	unsigned long i;

	for (i = 0; i < iters; i++) {
		if (unlikely(rte_mempool_get(mp, &obj) < 0))
			return -1;
		sink = obj;
		rte_mempool_put(mp, obj);
	}
	return 0;
}

static int
case_single_x32(struct rte_mempool *mp)
{
	void *objs[BURST];
	unsigned long i;
	unsigned int j;

	for (i = 0; i < iters / BURST; i++) {
		for (j = 0; j < BURST; j++)
			if (unlikely(rte_mempool_get(mp, &objs[j]) < 0))
				return -1;
		sink = objs[BURST - 1];
		for (j = 0; j < BURST; j++)
			rte_mempool_put(mp, objs[j]);
	}
	return 0;
}

static int
case_bulk32(struct rte_mempool *mp)
{
	void *objs[BURST];
	unsigned long i;

	for (i = 0; i < iters / BURST; i++) {
		if (unlikely(rte_mempool_get_bulk(mp, objs, BURST) < 0))
			return -1;
		sink = objs[BURST - 1];
		rte_mempool_put_bulk(mp, objs, BURST);
	}
	return 0;
}

static int
case_mbuf_single(struct rte_mempool *mp)
{
	struct rte_mbuf *m;
	unsigned long i;

	for (i = 0; i < iters; i++) {
		m = rte_pktmbuf_alloc(mp);
		if (unlikely(m == NULL))
			return -1;
		sink = m;
		rte_pktmbuf_free(m);
	}
	return 0;
}

static int
case_mbuf_x32(struct rte_mempool *mp)
{
	struct rte_mbuf *m[BURST];
	unsigned long i;
	unsigned int j;

	for (i = 0; i < iters / BURST; i++) {
		for (j = 0; j < BURST; j++) {
			m[j] = rte_pktmbuf_alloc(mp);
			if (unlikely(m[j] == NULL))
				return -1;
		}
		sink = m[BURST - 1];
		for (j = 0; j < BURST; j++)
			rte_pktmbuf_free(m[j]);
	}
	return 0;
}

static int
case_mbuf_bulk32(struct rte_mempool *mp)
{
	struct rte_mbuf *m[BURST];
	unsigned long i;

	for (i = 0; i < iters / BURST; i++) {
		if (unlikely(rte_pktmbuf_alloc_bulk(mp, m, BURST) != 0))
			return -1;
		sink = m[BURST - 1];
		rte_pktmbuf_free_bulk(m, BURST);
	}
	return 0;
}

struct bench_case {
	const char *name;
	int (*fn)(struct rte_mempool *mp);
	int mbuf;
	unsigned int per_iter; /* objects per loop iteration */
};

static const struct bench_case cases[] = {
	{ "single", case_single, 0, 1 },
	{ "single_x32", case_single_x32, 0, BURST },
	{ "bulk32", case_bulk32, 0, BURST },
	{ "mbuf_single", case_mbuf_single, 1, 1 },
	{ "mbuf_x32", case_mbuf_x32, 1, BURST },
	{ "mbuf_bulk32", case_mbuf_bulk32, 1, BURST },
};

/* The fewest cycles per object over repeat timings; < 0 on failure. */
static double
run_case(const struct bench_case *c, struct rte_mempool *mp)
{
	uint64_t t0, best = UINT64_MAX;
	unsigned int r;

	if (c->fn(mp) < 0) /* warm the cache and the code */
		return -1;
	for (r = 0; r < repeat; r++) {
		t0 = rte_rdtsc_precise();
		if (c->fn(mp) < 0)
			return -1;
		best = RTE_MIN(best, rte_rdtsc_precise() - t0);
	}
	return (double)best / (double)(iters / c->per_iter * c->per_iter);
}

static int
parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "iters", required_argument, NULL, 'i' },
		{ "repeat", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt == 'i')
			iters = strtoul(optarg, NULL, 0);
		else if (opt == 'r')
			repeat = (unsigned int)strtoul(optarg, NULL, 0);
		else
			return -1;
	}
	if (iters < BURST || repeat == 0) {
		fprintf(stderr, "--iters must be >= %d, --repeat >= 1\n", BURST);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct rte_mempool *mp, *pool;
	unsigned int i;
	double cyc;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "rte_eal_init: %s\n", rte_strerror(rte_errno));
		return EXIT_FAILURE;
	}
	if (parse_args(argc - ret, argv + ret) < 0)
		return EXIT_FAILURE;
	mp = rte_mempool_create("cyc_mp", NB_OBJS, 2048, CACHE, 0, NULL, NULL,
		NULL, NULL, SOCKET_ID_ANY, 0);
	pool = rte_pktmbuf_pool_create("cyc_mbuf", NB_OBJS, CACHE, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (mp == NULL || pool == NULL) {
		fprintf(stderr, "pool creation failed: %s\n",
			rte_strerror(rte_errno));
		return EXIT_FAILURE;
	}
	for (i = 0; i < RTE_DIM(cases); i++) {
		cyc = run_case(&cases[i], cases[i].mbuf ? pool : mp);
		if (cyc < 0) {
			fprintf(stderr, "%s: the pool ran dry\n", cases[i].name);
			return EXIT_FAILURE;
		}
		printf("mempool_cycles %s %.2f\n", cases[i].name, cyc);
	}
	rte_mempool_free(pool);
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return EXIT_SUCCESS;
}
