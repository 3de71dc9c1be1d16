/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Ring cycles per object, for one source built against either library:
 * meson builds it against Pollux, bench/ring_perf.sh builds it again
 * against DPDK 22.11 (pkg-config libdpdk) and runs the two alternately.
 *
 * Rows: pointer rings ("ptr") and rings of 16-byte elements ("16B",
 * the rte_ring_*_elem calls with esize 16); SP/SC, MP/MC, RTS and HTS
 * (rings created with the RTS or HTS flags, called through the mp_rts_,
 * mp_hts_... functions, or rte_ring_enqueue()/rte_ring_dequeue() for
 * single objects); single objects, bulk 8 and 32, burst 8 and 32;
 *
 *   1 lcore   enqueue n then dequeue n, PERF_OBJS_ONE objects in all;
 *   2 lcores  the main lcore enqueues PERF_OBJS_TWO objects n at a time,
 *             the first worker dequeues them n at a time (each retrying
 *             with rte_pause() while the ring is full or empty); the
 *             slower side's time.
 *
 * Each row prints "LABEL<TAB>CYCLES" (TSC cycles per object, lower is
 * better), once per repetition; repetitions go over all the rows in turn
 * so that a burst of load from other processes spreads over the rows.
 * Ring of 4096 slots. n is read from a volatile array so that neither
 * build can treat it as a constant.
 *
 * Usage: ring_perf EAL-ARGS [-- REPS [FILTER]]
 *   REPS    repetitions (default 5)
 *   FILTER  only the rows whose label contains it (e.g. "16B MP/MC burst
 *           8, 1 lcore"), to count one row's instructions under callgrind
 * EAL-ARGS need two lcores for the two-lcore rows, e.g.
 * "--no-huge -m 64 -l 0-1 --no-pci".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

#include "ring_cases.h"

/* The worker's side of a two-lcore run. */
static struct perf_two_arg {
	perf_two_fn *fn;
	struct perf_run *p;
} perf_worker_arg;

static int
perf_worker(void *arg)
{
	struct perf_two_arg *a = arg;

	a->fn(a->p, 1);
	return 0;
}

/* Runs one row once; cycles per object, or a negative value on error. */
static double
perf_row(struct perf_run *p, unsigned int type, enum perf_sync sync,
	enum perf_kind kind, unsigned int lcores)
{
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);
	uint64_t cycles;

	p->ready = 0;
	if (lcores == 1) {
		perf_one_fns[type][sync][kind](p);
		return (double)p->cycles[0] / (PERF_OBJS_ONE / p->n * p->n);
	}
	perf_worker_arg.fn = perf_two_fns[type][sync][kind];
	perf_worker_arg.p = p;
	if (rte_eal_remote_launch(perf_worker, &perf_worker_arg, worker) != 0)
		return -1;
	perf_worker_arg.fn(p, 0);
	if (rte_eal_wait_lcore(worker) != 0)
		return -1;
	cycles = RTE_MAX(p->cycles[0], p->cycles[1]);
	return (double)cycles / PERF_OBJS_TWO;
}

static const char *perf_filter;

/* The rings of a repetition and the run that goes from row to row. */
struct perf_rep_ctx {
	struct rte_ring *(*rings)[PERF_NB_SYNC];
	struct perf_run *p;
};

/* Runs one row once and prints its sample. */
static int
perf_rep_row(const struct perf_row_id *row, void *arg)
{
	struct perf_rep_ctx *ctx = arg;
	struct perf_run *p = ctx->p;
	double v;

	p->r = ctx->rings[row->type][row->sync];
	p->n = row->n;
	rte_ring_reset(p->r);
	v = perf_row(p, row->type, row->sync, row->kind, row->lcores);
	if (v < 0)
		return -1;
	printf("%s\t%.2f\n", row->label, v);
	return 0;
}

/* Every row of one repetition (that matches perf_filter). */
static int
perf_rep(struct rte_ring *rings[2][PERF_NB_SYNC], struct perf_run *p)
{
	struct perf_rep_ctx ctx = { rings, p };

	return perf_for_each_row(perf_filter, rte_lcore_count() < 2 ? 1 : 2,
		perf_rep_row, &ctx);
}

static int
perf_main(unsigned int reps)
{
	struct rte_ring *rings[2][PERF_NB_SYNC] = { { NULL } };
	struct perf_run *p;
	unsigned int type, sync, rep;
	char name[RTE_RING_NAMESIZE];
	int ret = -1;

	p = rte_zmalloc(NULL, sizeof(*p), RTE_CACHE_LINE_SIZE);
	if (p == NULL)
		return -1;
	p->objs[0] = rte_zmalloc(NULL, PERF_MAX_BURST * 16, RTE_CACHE_LINE_SIZE);
	p->objs[1] = rte_zmalloc(NULL, PERF_MAX_BURST * 16, RTE_CACHE_LINE_SIZE);
	if (p->objs[0] == NULL || p->objs[1] == NULL)
		goto out;
	for (type = 0; type < 2; type++)
		for (sync = 0; sync < PERF_NB_SYNC; sync++) {
			snprintf(name, sizeof(name), "perf_%u_%u", type, sync);
			rings[type][sync] = rte_ring_create_elem(name,
				type == 0 ? sizeof(void *) : 16, PERF_RING_SIZE,
				(int)rte_socket_id(), perf_ring_flags[sync]);
			if (rings[type][sync] == NULL) {
				fprintf(stderr,
					"ring_perf: cannot create ring\n");
				goto out;
			}
		}
	for (rep = 0; rep < reps; rep++)
		if (perf_rep(rings, p) != 0)
			goto out;
	ret = 0;
out:
	for (type = 0; type < 2; type++)
		for (sync = 0; sync < PERF_NB_SYNC; sync++)
			rte_ring_free(rings[type][sync]);
	rte_free(p->objs[0]);
	rte_free(p->objs[1]);
	rte_free(p);
	return ret;
}

int
main(int argc, char **argv)
{
	unsigned int reps = 5;
	int used, ret;

	used = rte_eal_init(argc, argv);
	if (used < 0) {
		fprintf(stderr, "ring_perf: rte_eal_init failed\n");
		return 1;
	}
	if (argc - used > 1) {
		reps = (unsigned int)strtoul(argv[used + 1], NULL, 10);
		if (reps == 0) {
			fprintf(stderr,
				"ring_perf: REPS must be a positive number\n");
			rte_eal_cleanup();
			return 1;
		}
	}
	if (argc - used > 2)
		perf_filter = argv[used + 2];
	ret = perf_main(reps) == 0 ? 0 : 1;
	if (ret != 0)
		fprintf(stderr, "ring_perf: a measurement failed\n");
	rte_eal_cleanup();
	return ret;
}
