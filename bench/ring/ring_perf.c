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

#define PERF_RING_SIZE 4096
#define PERF_MAX_BURST 32
#define PERF_OBJS_ONE  (1U << 18)
#define PERF_OBJS_TWO  (1U << 17)

static const volatile unsigned int perf_sizes[] = { 1, 8, 32 };

enum perf_sync {
	PERF_SPSC,
	PERF_MPMC,
	PERF_RTS,
	PERF_HTS,
	PERF_NB_SYNC
};
enum perf_kind {
	PERF_SINGLE,
	PERF_BULK,
	PERF_BURST,
	PERF_NB_KIND
};

static const char *const perf_sync_names[] = { "SP/SC", "MP/MC", "RTS", "HTS" };
static const char *const perf_kind_names[] = { "single", "bulk", "burst" };
static const unsigned int perf_ring_flags[] = {
	0,
	0,
	RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ,
	RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ,
};

/*
 * One enqueue of n objects; esize 0 means the pointer-ring calls. After
 * inlining with constant esize, sync and kind, the loops below call
 * exactly one ring function, as an application would.
 */
static __rte_always_inline unsigned int
perf_enqueue(struct rte_ring *r, void **objs, unsigned int esize,
	unsigned int n, enum perf_sync sync, enum perf_kind kind)
{
	if (kind == PERF_SINGLE) {
		if (esize == 0)
			return (sync == PERF_SPSC ?
					       rte_ring_sp_enqueue(r, objs[0]) :
					       sync == PERF_MPMC ?
					       rte_ring_mp_enqueue(r, objs[0]) :
					       rte_ring_enqueue(r, objs[0])) ==
				0;
		return (sync == PERF_SPSC ?
				       rte_ring_sp_enqueue_elem(r, objs, esize) :
				       sync == PERF_MPMC ?
				       rte_ring_mp_enqueue_elem(r, objs, esize) :
				       rte_ring_enqueue_elem(r, objs, esize)) ==
			0;
	}
	if (esize == 0 && kind == PERF_BULK)
		return sync == PERF_SPSC ?
			rte_ring_sp_enqueue_bulk(r, objs, n, NULL) :
			sync == PERF_MPMC ?
			rte_ring_mp_enqueue_bulk(r, objs, n, NULL) :
			sync == PERF_RTS ?
			rte_ring_mp_rts_enqueue_bulk(r, objs, n, NULL) :
			rte_ring_mp_hts_enqueue_bulk(r, objs, n, NULL);
	if (esize == 0)
		return sync == PERF_SPSC ?
			rte_ring_sp_enqueue_burst(r, objs, n, NULL) :
			sync == PERF_MPMC ?
			rte_ring_mp_enqueue_burst(r, objs, n, NULL) :
			sync == PERF_RTS ?
			rte_ring_mp_rts_enqueue_burst(r, objs, n, NULL) :
			rte_ring_mp_hts_enqueue_burst(r, objs, n, NULL);
	if (kind == PERF_BULK)
		return sync == PERF_SPSC ?
			rte_ring_sp_enqueue_bulk_elem(r, objs, esize, n, NULL) :
			sync == PERF_MPMC ?
			rte_ring_mp_enqueue_bulk_elem(r, objs, esize, n, NULL) :
			sync == PERF_RTS ? rte_ring_mp_rts_enqueue_bulk_elem(r,
						   objs, esize, n, NULL) :
					   rte_ring_mp_hts_enqueue_bulk_elem(r,
						   objs, esize, n, NULL);
	return sync == PERF_SPSC ?
		rte_ring_sp_enqueue_burst_elem(r, objs, esize, n, NULL) :
		sync == PERF_MPMC ?
		rte_ring_mp_enqueue_burst_elem(r, objs, esize, n, NULL) :
		sync == PERF_RTS ?
		rte_ring_mp_rts_enqueue_burst_elem(r, objs, esize, n, NULL) :
		rte_ring_mp_hts_enqueue_burst_elem(r, objs, esize, n, NULL);
}

/* The dequeue counterpart of perf_enqueue(). */
static __rte_always_inline unsigned int
perf_dequeue(struct rte_ring *r, void **objs, unsigned int esize,
	unsigned int n, enum perf_sync sync, enum perf_kind kind)
{
	if (kind == PERF_SINGLE) {
		if (esize == 0)
			return (sync == PERF_SPSC ?
					       rte_ring_sc_dequeue(r, objs) :
					       sync == PERF_MPMC ?
					       rte_ring_mc_dequeue(r, objs) :
					       rte_ring_dequeue(r, objs)) == 0;
		return (sync == PERF_SPSC ?
				       rte_ring_sc_dequeue_elem(r, objs, esize) :
				       sync == PERF_MPMC ?
				       rte_ring_mc_dequeue_elem(r, objs, esize) :
				       rte_ring_dequeue_elem(r, objs, esize)) ==
			0;
	}
	if (esize == 0 && kind == PERF_BULK)
		return sync == PERF_SPSC ?
			rte_ring_sc_dequeue_bulk(r, objs, n, NULL) :
			sync == PERF_MPMC ?
			rte_ring_mc_dequeue_bulk(r, objs, n, NULL) :
			sync == PERF_RTS ?
			rte_ring_mc_rts_dequeue_bulk(r, objs, n, NULL) :
			rte_ring_mc_hts_dequeue_bulk(r, objs, n, NULL);
	if (esize == 0)
		return sync == PERF_SPSC ?
			rte_ring_sc_dequeue_burst(r, objs, n, NULL) :
			sync == PERF_MPMC ?
			rte_ring_mc_dequeue_burst(r, objs, n, NULL) :
			sync == PERF_RTS ?
			rte_ring_mc_rts_dequeue_burst(r, objs, n, NULL) :
			rte_ring_mc_hts_dequeue_burst(r, objs, n, NULL);
	if (kind == PERF_BULK)
		return sync == PERF_SPSC ?
			rte_ring_sc_dequeue_bulk_elem(r, objs, esize, n, NULL) :
			sync == PERF_MPMC ?
			rte_ring_mc_dequeue_bulk_elem(r, objs, esize, n, NULL) :
			sync == PERF_RTS ? rte_ring_mc_rts_dequeue_bulk_elem(r,
						   objs, esize, n, NULL) :
					   rte_ring_mc_hts_dequeue_bulk_elem(r,
						   objs, esize, n, NULL);
	return sync == PERF_SPSC ?
		rte_ring_sc_dequeue_burst_elem(r, objs, esize, n, NULL) :
		sync == PERF_MPMC ?
		rte_ring_mc_dequeue_burst_elem(r, objs, esize, n, NULL) :
		sync == PERF_RTS ?
		rte_ring_mc_rts_dequeue_burst_elem(r, objs, esize, n, NULL) :
		rte_ring_mc_hts_dequeue_burst_elem(r, objs, esize, n, NULL);
}

/* One measurement: its ring, its size, and what each side found. */
struct perf_run {
	struct rte_ring *r;
	unsigned int n;
	unsigned int ready; /* sides at the start line */
	uint64_t cycles[2]; /* [0] enqueuing side, [1] dequeuing side */
	unsigned int tag;   /* which case ran (keeps cases apart, below) */
	void *objs[2];	    /* each side's object table */
};

/* Enqueue n then dequeue n on this lcore; cycles per object. */
static __rte_always_inline void
perf_one(struct perf_run *p, unsigned int esize, enum perf_sync sync,
	enum perf_kind kind)
{
	const unsigned int n = p->n, rounds = PERF_OBJS_ONE / n;
	void **objs = p->objs[0];
	uint64_t start;
	unsigned int i;

	/* A constant of its own in each case: the compiler cannot fold two
	 * cases into one function (ring_icount.sh counts them by name). */
	p->tag = esize << 8 | sync << 4 | kind;
	start = rte_rdtsc();
	for (i = 0; i < rounds; i++) {
		perf_enqueue(p->r, objs, esize, n, sync, kind);
		perf_dequeue(p->r, objs, esize, n, sync, kind);
	}
	p->cycles[0] = rte_rdtsc() - start;
	p->cycles[1] = 0;
}

/* One side of the two-lcore run: side 0 enqueues, side 1 dequeues. */
static __rte_always_inline void
perf_two(struct perf_run *p, unsigned int side, unsigned int esize,
	enum perf_sync sync, enum perf_kind kind)
{
	const unsigned int n = p->n;
	void **objs = p->objs[side];
	unsigned int done = 0, k, want;
	uint64_t start;

	__atomic_fetch_add(&p->ready, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&p->ready, __ATOMIC_ACQUIRE) != 2)
		rte_pause();
	start = rte_rdtsc();
	while (done < PERF_OBJS_TWO) {
		want = RTE_MIN(n, PERF_OBJS_TWO - done);
		k = side == 0 ?
			perf_enqueue(p->r, objs, esize, want, sync, kind) :
			perf_dequeue(p->r, objs, esize, want, sync, kind);
		if (k == 0)
			rte_pause();
		done += k;
	}
	p->cycles[side] = rte_rdtsc() - start;
}

/*
 * One function per (esize, sync, kind) for each measurement, so that in
 * each the three are constants, as they are in an application's call.
 */
typedef void(perf_one_fn)(struct perf_run *p);
typedef void(perf_two_fn)(struct perf_run *p, unsigned int side);

#define PERF_CASE(tag, esize, sync, kind) \
	static void perf_one_##tag(struct perf_run *p) \
	{ \
		perf_one(p, esize, sync, kind); \
	} \
	static void perf_two_##tag(struct perf_run *p, unsigned int side) \
	{ \
		perf_two(p, side, esize, sync, kind); \
	}

#define PERF_CASES_OF(tag, esize, sync) \
	PERF_CASE(tag##_single, esize, sync, PERF_SINGLE) \
	PERF_CASE(tag##_bulk, esize, sync, PERF_BULK) \
	PERF_CASE(tag##_burst, esize, sync, PERF_BURST)
#define PERF_CASES(tag, esize) \
	PERF_CASES_OF(tag##_spsc, esize, PERF_SPSC) \
	PERF_CASES_OF(tag##_mpmc, esize, PERF_MPMC) \
	PERF_CASES_OF(tag##_rts, esize, PERF_RTS) \
	PERF_CASES_OF(tag##_hts, esize, PERF_HTS)
PERF_CASES(ptr, 0)
PERF_CASES(e16, 16)

#define PERF_FNS_OF(pfx, tag) \
	{ \
		pfx##tag##_single, pfx##tag##_bulk, pfx##tag##_burst \
	}
#define PERF_FNS(pfx, tag) \
	{ \
		PERF_FNS_OF(pfx, tag##_spsc), PERF_FNS_OF(pfx, tag##_mpmc), \
			PERF_FNS_OF(pfx, tag##_rts), \
			PERF_FNS_OF(pfx, tag##_hts) \
	}
static perf_one_fn *const perf_one_fns[2][PERF_NB_SYNC][PERF_NB_KIND] = {
	PERF_FNS(perf_one_, ptr),
	PERF_FNS(perf_one_, e16),
};
static perf_two_fn *const perf_two_fns[2][PERF_NB_SYNC][PERF_NB_KIND] = {
	PERF_FNS(perf_two_, ptr),
	PERF_FNS(perf_two_, e16),
};

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

/* Every row of one repetition (that matches perf_filter). */
static int
perf_rep(struct rte_ring *rings[2][PERF_NB_SYNC], struct perf_run *p)
{
	static const char *const type_names[] = { "ptr", "16B" };
	unsigned int type, sync, kind, s, lcores;
	char label[64];
	double v;

	for (lcores = 1; lcores <= 2; lcores++) {
		if (lcores == 2 && rte_lcore_count() < 2)
			break;
		for (type = 0; type < 2; type++)
			for (sync = 0; sync < PERF_NB_SYNC; sync++)
				for (kind = 0; kind < PERF_NB_KIND; kind++)
					for (s = kind == PERF_SINGLE ? 0 : 1;
						s <
						(kind == PERF_SINGLE ?
								1 :
								RTE_DIM(perf_sizes));
						s++) {
						p->r = rings[type][sync];
						p->n = perf_sizes[s];
						if (kind == PERF_SINGLE)
							snprintf(label,
								sizeof(label),
								"%s %s single, ",
								type_names[type],
								perf_sync_names
									[sync]);
						else
							snprintf(label,
								sizeof(label),
								"%s %s %s %u, ",
								type_names[type],
								perf_sync_names
									[sync],
								perf_kind_names
									[kind],
								p->n);
						snprintf(label + strlen(label),
							sizeof(label) -
								strlen(label),
							"%u lcore%s", lcores,
							lcores == 1 ? "" : "s");
						if (perf_filter != NULL &&
							strstr(label,
								perf_filter) ==
								NULL)
							continue;
						rte_ring_reset(p->r);
						v = perf_row(p, type, sync,
							kind, lcores);
						if (v < 0)
							return -1;
						printf("%s\t%.2f\n", label, v);
					}
	}
	return 0;
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
