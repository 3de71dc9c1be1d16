/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Ring cycles per object, Pollux and DPDK 22.11 in one process, in turn.
 * The cases of ring_cases.h are compiled twice: here against Pollux's
 * headers and in ring_pair_dpdk.c against DPDK's, whose ring fast path is
 * all inline; meson links the two. Each library runs on rings of the
 * same size and modes, laid out by its own half (the two place the
 * counters differently).
 *
 * Separate processes (bench/ring_perf.sh) see this machine in different
 * states from one run to the next (a row's median moves by more than the
 * gap between the libraries); here every sample of one library has a
 * sample of the other taken just before or after it, in the same
 * process, so each pair sees the same state. The
 * table gives both libraries' min/median/max and the median of the pair
 * ratios, with the share of pairs Pollux wins.
 *
 * Rows, sizes and the one- and two-lcore loops are ring_perf's. No EAL:
 * rings are laid out on memory of our own (ours by rte_ring_init()), the
 * two-lcore rows run a pthread on the second CPU.
 *
 * Usage: ring_pair REPS CPU0 CPU1 [FILTER]
 *   REPS    samples of each row for each library
 *   CPU0    CPU of the main thread (one-lcore rows, producer)
 *   CPU1    CPU of the consumer of the two-lcore rows
 *   FILTER  only the rows whose label contains it
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "ring_pair.h"

/* The table has 80 rows. */
#define PAIR_MAX_ROWS 80

static size_t
ours_memsize(unsigned int esize)
{
	return (size_t)rte_ring_get_memsize_elem(esize, PERF_RING_SIZE);
}

static int
ours_init(void *r, unsigned int sync)
{
	if (rte_ring_init(r, "ring_pair", PERF_RING_SIZE,
		    perf_ring_flags[sync]) != 0)
		return -1;
	return ring_pair_ring_ok(r, sync) ? 0 : -1;
}

static void
ours_reset(void *r)
{
	rte_ring_reset(r);
}

static const struct ring_pair_impl ring_pair_ours = {
	RTE_VER_PREFIX,
	perf_one_fns,
	perf_two_fns,
	ours_memsize,
	ours_init,
	ours_reset,
};

/* The consumer thread of the two-lcore rows. */
static struct {
	pthread_barrier_t start, done;
	perf_two_fn *fn; /* NULL: exit */
	struct perf_run *p;
} pair_worker;

static void *
pair_worker_main(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_barrier_wait(&pair_worker.start);
		if (pair_worker.fn == NULL)
			return NULL;
		pair_worker.fn(pair_worker.p, 1);
		pthread_barrier_wait(&pair_worker.done);
	}
}

static int
pair_pin(pthread_t t, int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return pthread_setaffinity_np(t, sizeof(set), &set);
}

/* One sample of one row with one library: cycles per object. */
static double
pair_sample(const struct ring_pair_impl *impl, struct perf_run *p,
	unsigned int type, unsigned int sync, unsigned int kind,
	unsigned int lcores)
{
	impl->reset(p->r);
	p->ready = 0;
	if (lcores == 1) {
		impl->one[type][sync][kind](p);
		return (double)p->cycles[0] / (PERF_OBJS_ONE / p->n * p->n);
	}
	pair_worker.fn = impl->two[type][sync][kind];
	pair_worker.p = p;
	pthread_barrier_wait(&pair_worker.start);
	pair_worker.fn(p, 0);
	pthread_barrier_wait(&pair_worker.done);
	return (double)RTE_MAX(p->cycles[0], p->cycles[1]) / PERF_OBJS_TWO;
}

static int
pair_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Sorts v (n values) and returns its median. */
static double
pair_median(double *v, unsigned int n)
{
	qsort(v, n, sizeof(*v), pair_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One row and its samples: v[0] Pollux's, v[1] DPDK's. */
struct pair_row {
	struct perf_row_id id;
	double *v[2];
};

/* The rows matching the filter, collected by perf_for_each_row(). */
struct pair_rows {
	struct pair_row *row;
	unsigned int nb;
	unsigned int reps;
};

static int
pair_add_row(const struct perf_row_id *id, void *arg)
{
	struct pair_rows *rows = arg;
	struct pair_row *row = &rows->row[rows->nb];

	if (rows->nb == PAIR_MAX_ROWS)
		return -E2BIG;
	row->id = *id;
	row->v[0] = calloc(rows->reps, sizeof(double));
	row->v[1] = calloc(rows->reps, sizeof(double));
	if (row->v[0] == NULL || row->v[1] == NULL)
		return -ENOMEM;
	rows->nb++;
	return 0;
}

/* Prints a row: both libraries' min/median/max, then the pair ratios. */
static void
pair_print(struct pair_row *row, unsigned int reps, double *tmp)
{
	double med[2], lo[2], hi[2], ratio;
	unsigned int i, side, wins = 0;

	for (i = 0; i < reps; i++) {
		tmp[i] = row->v[0][i] / row->v[1][i];
		wins += tmp[i] < 1.0;
	}
	ratio = pair_median(tmp, reps);
	for (side = 0; side < 2; side++) {
		memcpy(tmp, row->v[side], reps * sizeof(*tmp));
		med[side] = pair_median(tmp, reps);
		lo[side] = tmp[0];
		hi[side] = tmp[reps - 1];
	}
	printf("%-28s %7.2f %7.2f %7.2f  %7.2f %7.2f %7.2f  %5.2f %4u%%\n",
		row->id.label, lo[0], med[0], hi[0], lo[1], med[1], hi[1],
		ratio, 100 * wins / reps);
}

/* Each half must have been built against the library it stands for. */
static int
pair_halves_ok(void)
{
	if (strcmp(ring_pair_ours.ver_prefix, "Pollux") == 0 &&
		strcmp(ring_pair_dpdk.ver_prefix, "DPDK") == 0)
		return 1;
	fprintf(stderr,
		"ring_pair: built against the wrong headers (%s and %s, want Pollux and DPDK)\n",
		ring_pair_ours.ver_prefix, ring_pair_dpdk.ver_prefix);
	return 0;
}

/* The rings, one per (library, element type, sync mode); the libraries
 * in the order of pair_impls[]. */
typedef void *pair_rings[2][2][PERF_NB_SYNC];

static const struct ring_pair_impl *const pair_impls[2] = { &ring_pair_ours,
	&ring_pair_dpdk };

/* One ring of library lib; NULL (said why) on failure. */
static void *
pair_ring_new(unsigned int lib, unsigned int type, unsigned int sync)
{
	const struct ring_pair_impl *impl = pair_impls[lib];
	void *r = aligned_alloc(RTE_CACHE_LINE_SIZE,
		impl->memsize(type == 0 ? sizeof(void *) : 16));

	if (r == NULL)
		fprintf(stderr, "ring_pair: out of memory\n");
	else if (impl->init(r, sync) != 0) {
		fprintf(stderr,
			"ring_pair: %s lays out its %s ring wrongly: see ring_pair_ring_ok()\n",
			impl->ver_prefix, perf_sync_names[sync]);
		free(r);
		r = NULL;
	}
	return r;
}

/* The rings and the object tables. */
static int
pair_setup(pair_rings rings, struct perf_run *p)
{
	unsigned int lib, type, sync;

	for (lib = 0; lib < 2; lib++)
		for (type = 0; type < 2; type++)
			for (sync = 0; sync < PERF_NB_SYNC; sync++) {
				rings[lib][type][sync] = pair_ring_new(lib,
					type, sync);
				if (rings[lib][type][sync] == NULL)
					return -1;
			}
	p->objs[0] = aligned_alloc(RTE_CACHE_LINE_SIZE, PERF_MAX_BURST * 16);
	p->objs[1] = aligned_alloc(RTE_CACHE_LINE_SIZE, PERF_MAX_BURST * 16);
	if (p->objs[0] == NULL || p->objs[1] == NULL) {
		fprintf(stderr, "ring_pair: out of memory\n");
		return -1;
	}
	memset(p->objs[0], 0, PERF_MAX_BURST * 16);
	memset(p->objs[1], 0, PERF_MAX_BURST * 16);
	return 0;
}

/*
 * Every rep runs every row with both libraries, the one that goes first
 * alternating from row to row and from rep to rep.
 */
static void
pair_measure(pair_rings rings, struct perf_run *p, struct pair_rows *rows)
{
	unsigned int rep, i, k, which;
	struct pair_row *row;

	for (rep = 0; rep < rows->reps; rep++)
		for (i = 0; i < rows->nb; i++) {
			row = &rows->row[i];
			p->n = row->id.n;
			for (k = 0; k < 2; k++) {
				which = (rep + i + k) % 2;
				p->r = rings[which][row->id.type][row->id.sync];
				row->v[which][rep] =
					pair_sample(pair_impls[which], p,
						row->id.type, row->id.sync,
						row->id.kind, row->id.lcores);
			}
		}
}

/* A whole decimal number up to max in s, or -1. */
static long
pair_number(const char *s, unsigned long max)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || *s == '-' || v > max)
		return -1;
	return (long)v;
}

int
main(int argc, char **argv)
{
	static struct pair_row row_store[PAIR_MAX_ROWS];
	struct pair_rows rows = { row_store, 0, 0 };
	static pair_rings rings;
	static struct perf_run run;
	pthread_t worker;
	unsigned int i;
	double *tmp;
	int cpu0, cpu1;

	long reps = argc < 4 ? -1 : pair_number(argv[1], 1000000);

	cpu0 = argc < 4 ? -1 : (int)pair_number(argv[2], CPU_SETSIZE - 1);
	cpu1 = argc < 4 ? -1 : (int)pair_number(argv[3], CPU_SETSIZE - 1);
	if (reps <= 0 || cpu0 < 0 || cpu1 < 0) {
		fprintf(stderr,
			"usage: %s REPS CPU0 CPU1 [FILTER]: REPS 1-1000000, CPUs numbers of CPUs\n",
			argv[0]);
		return 2;
	}
	rows.reps = (unsigned int)reps;
	if (!pair_halves_ok())
		return 1;
	tmp = calloc(rows.reps, sizeof(*tmp));
	if (tmp == NULL ||
		perf_for_each_row(argc > 4 ? argv[4] : NULL, 2, pair_add_row,
			&rows) != 0) {
		fprintf(stderr, "ring_pair: out of memory\n");
		return 1;
	}
	if (pair_setup(rings, &run) != 0)
		return 1;
	if (rows.nb == 0) {
		fprintf(stderr, "ring_pair: no row matches \"%s\"\n", argv[4]);
		return 2;
	}
	if (pair_pin(pthread_self(), cpu0) != 0 ||
		pthread_barrier_init(&pair_worker.start, NULL, 2) != 0 ||
		pthread_barrier_init(&pair_worker.done, NULL, 2) != 0 ||
		pthread_create(&worker, NULL, pair_worker_main, NULL) != 0) {
		fprintf(stderr, "ring_pair: cannot run on CPU %d\n", cpu0);
		return 1;
	}
	if (pair_pin(worker, cpu1) != 0) {
		fprintf(stderr, "ring_pair: cannot run on CPU %d\n", cpu1);
		return 1;
	}
	pair_measure(rings, &run, &rows);
	pair_worker.fn = NULL;
	pthread_barrier_wait(&pair_worker.start);
	pthread_join(worker, NULL);
	for (i = 0; i < rows.nb; i++)
		pair_print(&rows.row[i], rows.reps, tmp);
	return 0;
}
