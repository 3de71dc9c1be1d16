/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * mbuf alloc/free cost on one lcore, from a pool with a per-lcore cache.
 * The same source builds against Pollux (bench/mbuf/meson.build) and
 * against DPDK 22.11 (cc $(pkg-config --cflags --libs libdpdk)), so
 * bench/mbuf_perf.sh can run the two side by side.
 *
 *   bulk     rte_pktmbuf_alloc_bulk() of BURST mbufs, then
 *            rte_pktmbuf_free_bulk() of them (what an rx refill and a tx
 *            completion do).
 *   single   BURST times rte_pktmbuf_alloc(), then BURST times
 *            rte_pktmbuf_free().
 *
 * Each measurement repeats ITERATIONS rounds, RUNS times; it prints the
 * TSC cycles per mbuf (one alloc plus one free) of the fastest run and of
 * the median run. Pool: NB_MBUFS mbufs of RTE_MBUF_DEFAULT_BUF_SIZE with
 * a cache of CACHE_SIZE. The burst size is read from a volatile, as an
 * rx burst's count would be, so neither side's loops are specialised for
 * a constant.
 *
 * Usage: mbuf_perf EAL-ARGS [-- RUNS [ITERATIONS]]
 * Output lines: "mbuf_perf <name>: min <c> median <c> cycles/mbuf".
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define NB_MBUFS	   8191
#define CACHE_SIZE	   256
#define BURST		   32
#define DEFAULT_RUNS	   9
#define DEFAULT_ITERATIONS (1U << 18)
#define MAX_RUNS	   101

static volatile unsigned int burst_size = BURST;

struct perf_conf {
	unsigned int runs;
	unsigned int iterations;
};

static uint64_t
run_bulk(struct rte_mempool *mp, unsigned int iterations)
{
	struct rte_mbuf *pkts[BURST];
	unsigned int n = burst_size, i;
	uint64_t start;

	start = rte_rdtsc_precise();
	for (i = 0; i < iterations; i++) {
		if (rte_pktmbuf_alloc_bulk(mp, pkts, n) != 0)
			return 0;
		rte_pktmbuf_free_bulk(pkts, n);
	}
	return rte_rdtsc_precise() - start;
}

static uint64_t
run_single(struct rte_mempool *mp, unsigned int iterations)
{
	struct rte_mbuf *pkts[BURST];
	unsigned int n = burst_size, i, j;
	uint64_t start;

	start = rte_rdtsc_precise();
	for (i = 0; i < iterations; i++) {
		for (j = 0; j < n; j++) {
			pkts[j] = rte_pktmbuf_alloc(mp);
			if (pkts[j] == NULL)
				return 0;
		}
		for (j = 0; j < n; j++)
			rte_pktmbuf_free(pkts[j]);
	}
	return rte_rdtsc_precise() - start;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Runs fn conf->runs times (after one warm-up run); prints one line. */
static int
measure(const char *name, uint64_t (*fn)(struct rte_mempool *, unsigned int),
	struct rte_mempool *mp, const struct perf_conf *conf)
{
	double per_mbuf[MAX_RUNS];
	uint64_t cycles;
	unsigned int r;

	if (fn(mp, conf->iterations / 8 + 1) == 0)
		return -1;
	for (r = 0; r < conf->runs; r++) {
		cycles = fn(mp, conf->iterations);
		if (cycles == 0)
			return -1;
		per_mbuf[r] = (double)cycles /
			((double)conf->iterations * burst_size);
	}
	qsort(per_mbuf, conf->runs, sizeof(per_mbuf[0]), cmp_double);
	printf("mbuf_perf %s: min %.2f median %.2f cycles/mbuf\n", name,
		per_mbuf[0], per_mbuf[conf->runs / 2]);
	return 0;
}

static int
parse_conf(int argc, char **argv, struct perf_conf *conf)
{
	conf->runs = DEFAULT_RUNS;
	conf->iterations = DEFAULT_ITERATIONS;
	if (argc > 1 && strcmp(argv[1], "--") == 0) {
		argc--;
		argv++;
	}
	if (argc > 1)
		conf->runs = (unsigned int)strtoul(argv[1], NULL, 0);
	if (argc > 2)
		conf->iterations = (unsigned int)strtoul(argv[2], NULL, 0);
	if (conf->runs == 0 || conf->runs > MAX_RUNS || conf->iterations == 0) {
		fprintf(stderr,
			"usage: mbuf_perf EAL-ARGS [-- RUNS(1..%d) [ITERATIONS]]\n",
			MAX_RUNS);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct perf_conf conf;
	struct rte_mempool *mp;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "mbuf_perf: EAL init failed: %s\n",
			rte_strerror(rte_errno));
		return 1;
	}
	argc -= ret;
	argv += ret;
	if (parse_conf(argc, argv, &conf) < 0)
		return 1;
	mp = rte_pktmbuf_pool_create("mbuf_perf", NB_MBUFS, CACHE_SIZE, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, (int)rte_socket_id());
	if (mp == NULL) {
		fprintf(stderr, "mbuf_perf: cannot create the pool: %s\n",
			rte_strerror(rte_errno));
		return 1;
	}
	printf("mbuf_perf: lcore %u, pool of %u mbufs, cache %u, burst %u, %u runs of %u rounds\n",
		rte_lcore_id(), NB_MBUFS, CACHE_SIZE, burst_size, conf.runs,
		conf.iterations);
	ret = measure("bulk", run_bulk, mp, &conf);
	if (ret == 0)
		ret = measure("single", run_single, mp, &conf);
	if (ret != 0)
		fprintf(stderr, "mbuf_perf: the pool ran out of mbufs\n");
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return ret == 0 ? 0 : 1;
}
