/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * mempool_perf: get/put rates of mempools, measured the way Debian's
 * dpdk-test mempool_perf_autotest measures them, and printed in the same
 * line format so bench/mempool_perf.sh can put both side by side:
 *
 *   mempool_autotest cache=C cores=K n_get_bulk=G n_put_bulk=P n_keep=N
 *   constant_n=X rate_persec=R
 *
 * Each of K lcores repeatedly takes n_keep objects in bulks of G and puts
 * them back in bulks of P, through the pool's default cache (cache=512),
 * straight to the store (cache=0) or through a user-owned cache
 * (--user-cache), for --seconds; R is the sum over lcores of objects
 * taken per second. constant_n=1 runs a copy of the loop with G and P
 * known at compile time. The pool has 2047 objects of 2048 bytes
 * (lcores * (512 + 512) - 1 on 2 lcores), as in DPDK's test.
 *
 * With --cpu-time, R is objects per second of CPU time of each lcore's
 * thread instead of wall-clock time: on a machine shared with other work
 * this is much steadier (the file compiles against DPDK as well, for
 * comparisons of the two libraries under the same measure).
 *
 * Usage: mempool_perf [EAL options] -- [--seconds S] [--cores 1,2]
 *        [--cache 0,512] [--bulk 1,4,32] [--keep 32,128] [--constant 0,1]
 *        [--user-cache] [--cpu-time]
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>
#include <rte_pause.h>

#define OBJS_PER_LOOP 65536 /* objects taken per call of perf_loop() */
#define MAX_KEEP      512
#define ELT_SIZE      2048
#define MAX_LIST      8

struct perf_case {
	struct rte_mempool *mp;
	unsigned int get_bulk;
	unsigned int put_bulk;
	unsigned int keep;
	int constant;
	int user_cache;
};

struct perf_count {
	uint64_t objs;
	double cpu_seconds;
	int ret;
} __rte_cache_aligned;

static struct perf_case cur;
static struct perf_count counts[RTE_MAX_LCORE];
static uint32_t go;
static double seconds = 5.0;

struct list {
	unsigned int v[MAX_LIST];
	unsigned int n;
};

static struct list opt_cores = { { 1, 2 }, 2 };
static struct list opt_cache = { { 0, RTE_MEMPOOL_CACHE_MAX_SIZE }, 2 };
static struct list opt_bulk = { { 1, 4, 32 }, 3 };
static struct list opt_keep = { { 32, 128 }, 2 };
static struct list opt_constant = { { 0, 1 }, 2 };
static int opt_user_cache;
static int opt_cpu_time;

static double
thread_cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
zero_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	RTE_SET_USED(arg);
	memset(obj, 0, mp->elt_size);
	*(uint32_t *)obj = idx;
}

/* Takes keep objects by get_bulk and gives them back by put_bulk. */
static __rte_always_inline int
perf_loop(struct rte_mempool *mp, struct rte_mempool_cache *cache,
	unsigned int keep, unsigned int get_bulk, unsigned int put_bulk)
{
	void *objs[MAX_KEEP] __rte_cache_aligned;
	unsigned int round, i;

	for (round = 0; round < OBJS_PER_LOOP / keep; round++) {
		for (i = 0; i < keep; i += get_bulk)
			if (unlikely(rte_mempool_generic_get(mp, &objs[i],
					     get_bulk, cache) < 0))
				return -1;
		for (i = 0; i < keep; i += put_bulk)
			rte_mempool_generic_put(mp, &objs[i], put_bulk, cache);
	}
	return 0;
}

/* One perf_loop() with the bulk sizes as run-time or compile-time values. */
static int
perf_one_loop(struct rte_mempool_cache *cache)
{
	if (!cur.constant)
		return perf_loop(cur.mp, cache, cur.keep, cur.get_bulk,
			cur.put_bulk);
	switch (cur.get_bulk) {
	case 1:
		return perf_loop(cur.mp, cache, cur.keep, 1, 1);
	case 4:
		return perf_loop(cur.mp, cache, cur.keep, 4, 4);
	case 8:
		return perf_loop(cur.mp, cache, cur.keep, 8, 8);
	case 32:
		return perf_loop(cur.mp, cache, cur.keep, 32, 32);
	default:
		return -1;
	}
}

static int
perf_lcore(void *arg)
{
	unsigned int lcore_id = rte_lcore_id();
	struct perf_count *count = &counts[lcore_id];
	struct rte_mempool_cache *cache;
	uint64_t start, limit;
	double cpu_start;
	int ret = 0;

	RTE_SET_USED(arg);
	if (cur.user_cache)
		cache = rte_mempool_cache_create(RTE_MEMPOOL_CACHE_MAX_SIZE,
			SOCKET_ID_ANY);
	else
		cache = rte_mempool_default_cache(cur.mp, lcore_id);
	count->objs = 0;
	while (__atomic_load_n(&go, __ATOMIC_ACQUIRE) == 0)
		rte_pause();
	limit = (uint64_t)(seconds * (double)rte_get_timer_hz());
	start = rte_get_timer_cycles();
	cpu_start = thread_cpu_seconds();
	do {
		ret = perf_one_loop(cache);
		if (ret < 0)
			break;
		count->objs += OBJS_PER_LOOP;
	} while (rte_get_timer_cycles() - start < limit);
	count->cpu_seconds = thread_cpu_seconds() - cpu_start;
	if (cur.user_cache) {
		rte_mempool_cache_flush(cache, cur.mp);
		rte_mempool_cache_free(cache);
	}
	count->ret = ret;
	return ret;
}

/* Runs the current case on cores lcores and prints its line. */
static int
perf_case_run(unsigned int cores)
{
	unsigned int lcore_id, launched = 1, i;
	double rate = 0;
	int ret;

	printf("mempool_autotest cache=%u cores=%u n_get_bulk=%u n_put_bulk=%u "
	       "n_keep=%u constant_n=%d ",
		cur.user_cache ? RTE_MEMPOOL_CACHE_MAX_SIZE : cur.mp->cache_size,
		cores, cur.get_bulk, cur.put_bulk, cur.keep, cur.constant);
	if (rte_mempool_avail_count(cur.mp) != cur.mp->size) {
		printf("mempool is not full\n");
		return -1;
	}
	memset(counts, 0, sizeof(counts));
	__atomic_store_n(&go, 0, __ATOMIC_RELEASE);
	RTE_LCORE_FOREACH_WORKER (lcore_id) {
		if (launched == cores)
			break;
		rte_eal_remote_launch(perf_lcore, NULL, lcore_id);
		launched++;
	}
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	ret = perf_lcore(NULL);
	rte_eal_mp_wait_lcore();
	for (i = 0; i < RTE_MAX_LCORE; i++) {
		ret |= counts[i].ret;
		if (opt_cpu_time && counts[i].cpu_seconds > 0)
			rate += (double)counts[i].objs / counts[i].cpu_seconds;
		else
			rate += (double)counts[i].objs / seconds;
	}
	if (ret != 0 || launched != cores) {
		printf("failed (%u lcores available)\n", launched);
		return -1;
	}
	printf("rate_persec=%" PRIu64 "\n", (uint64_t)rate);
	fflush(stdout);
	return 0;
}

/* Every bulk, keep and constant choice for one pool and core count. */
static int
perf_pool(struct rte_mempool *mp, int user_cache, unsigned int cores)
{
	unsigned int b, k, c;

	cur.mp = mp;
	cur.user_cache = user_cache;
	for (b = 0; b < opt_bulk.n; b++)
		for (k = 0; k < opt_keep.n; k++)
			for (c = 0; c < opt_constant.n; c++) {
				cur.get_bulk = cur.put_bulk = opt_bulk.v[b];
				cur.keep = opt_keep.v[k];
				cur.constant = (int)opt_constant.v[c];
				if (cur.keep % cur.get_bulk != 0 ||
					cur.keep > MAX_KEEP)
					continue;
				if (perf_case_run(cores) < 0)
					return -1;
			}
	return 0;
}

static int
parse_list(const char *arg, struct list *l)
{
	char *end;

	l->n = 0;
	while (*arg != '\0' && l->n < MAX_LIST) {
		l->v[l->n++] = (unsigned int)strtoul(arg, &end, 0);
		if (end == arg || (*end != ',' && *end != '\0'))
			return -1;
		arg = *end == ',' ? end + 1 : end;
	}
	return l->n == 0 ? -1 : 0;
}

static int
parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "seconds", required_argument, NULL, 's' },
		{ "cores", required_argument, NULL, 'c' },
		{ "cache", required_argument, NULL, 'C' },
		{ "bulk", required_argument, NULL, 'b' },
		{ "keep", required_argument, NULL, 'k' },
		{ "constant", required_argument, NULL, 'n' },
		{ "user-cache", no_argument, NULL, 'u' },
		{ "cpu-time", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, ret = 0;

	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (opt) {
		case 's':
			seconds = strtod(optarg, NULL);
			ret |= seconds > 0 ? 0 : -1;
			break;
		case 'c':
			ret |= parse_list(optarg, &opt_cores);
			break;
		case 'C':
			ret |= parse_list(optarg, &opt_cache);
			break;
		case 'b':
			ret |= parse_list(optarg, &opt_bulk);
			break;
		case 'k':
			ret |= parse_list(optarg, &opt_keep);
			break;
		case 'n':
			ret |= parse_list(optarg, &opt_constant);
			break;
		case 'u':
			opt_user_cache = 1;
			break;
		case 't':
			opt_cpu_time = 1;
			break;
		default:
			return -1;
		}
	}
	return ret;
}

static struct rte_mempool *
perf_create(const char *name, unsigned int cache_size)
{
	unsigned int n = rte_lcore_count() *
			(MAX_KEEP + RTE_MEMPOOL_CACHE_MAX_SIZE) -
		1;

	return rte_mempool_create(name, n, ELT_SIZE, cache_size, 0, NULL, NULL,
		zero_obj, NULL, SOCKET_ID_ANY, 0);
}

int
main(int argc, char **argv)
{
	struct rte_mempool *mp;
	unsigned int i, j;
	char name[32];
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot init EAL\n");
	if (parse_args(argc - ret, argv + ret) < 0)
		rte_exit(EXIT_FAILURE,
			"bad arguments (see the file's header)\n");
	for (i = 0; i < opt_cache.n; i++) {
		snprintf(name, sizeof(name), "perf_cache%u", opt_cache.v[i]);
		mp = perf_create(name, opt_cache.v[i]);
		if (mp == NULL)
			rte_exit(EXIT_FAILURE, "cannot create a mempool\n");
		printf("start performance test (%s)\n",
			opt_cache.v[i] != 0 ? "with cache" : "without cache");
		for (j = 0; j < opt_cores.n; j++)
			if (perf_pool(mp, 0, opt_cores.v[j]) < 0)
				rte_exit(EXIT_FAILURE, "test failed\n");
		if (opt_cache.v[i] == 0 && opt_user_cache) {
			printf("start performance test (with user-owned cache)\n");
			for (j = 0; j < opt_cores.n; j++)
				if (perf_pool(mp, 1, opt_cores.v[j]) < 0)
					rte_exit(EXIT_FAILURE, "test failed\n");
		}
		rte_mempool_free(mp);
	}
	rte_eal_cleanup();
	return 0;
}
