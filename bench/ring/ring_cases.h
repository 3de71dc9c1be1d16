/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The measured loops of the ring benchmarks, written once against the ring
 * API so that they compile against either library: ring_perf.c includes
 * them (meson builds it against Pollux, bench/ring_perf.sh against DPDK
 * 22.11), and so do ring_pair.c and ring_pair_dpdk.c, which
 * bench/ring_pair.sh links into one program, one copy built against each
 * library's headers, to run the two on the same rings in turn.
 *
 * Each (element size, sync mode, kind) gets functions of its own, so that
 * in each the three are constants, as they are in an application's call:
 * perf_one_fns[type][sync][kind] (enqueue n then dequeue n on one lcore)
 * and perf_two_fns[type][sync][kind] (one side of a producer/consumer
 * pair). The ring size, n and the object tables come in a struct
 * perf_run, whose layout is the same for both libraries.
 */
#ifndef BENCH_RING_CASES_H
#define BENCH_RING_CASES_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_pause.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>

#define PERF_RING_SIZE 4096
#define PERF_MAX_BURST 32
#define PERF_OBJS_ONE  (1U << 18)
#define PERF_OBJS_TWO  (1U << 17)

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

/* The (kind, n) of each sync mode's rows, in the table's order. */
static const struct {
	enum perf_kind kind;
	unsigned int n;
} perf_shapes[] = {
	{ PERF_SINGLE, 1 },
	{ PERF_BULK, 8 },
	{ PERF_BULK, 32 },
	{ PERF_BURST, 8 },
	{ PERF_BURST, 32 },
};
#define PERF_NB_SHAPES ((unsigned int)RTE_DIM(perf_shapes))

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

/*
 * The label of a row, e.g. "16B MP/MC burst 8, 2 lcores" or "ptr RTS
 * single, 1 lcore".
 */
static inline void
perf_label(char *buf, size_t len, unsigned int type, enum perf_sync sync,
	enum perf_kind kind, unsigned int n, unsigned int lcores)
{
	static const char *const type_names[] = { "ptr", "16B" };

	if (kind == PERF_SINGLE)
		snprintf(buf, len, "%s %s single, %u lcore%s", type_names[type],
			perf_sync_names[sync], lcores, lcores == 1 ? "" : "s");
	else
		snprintf(buf, len, "%s %s %s %u, %u lcore%s", type_names[type],
			perf_sync_names[sync], perf_kind_names[kind], n, lcores,
			lcores == 1 ? "" : "s");
}

/* One row of the table: what perf_for_each_row() hands its callback. */
struct perf_row_id {
	unsigned int type; /* 0: pointers, 1: 16-byte elements */
	enum perf_sync sync;
	enum perf_kind kind;
	unsigned int n;
	unsigned int lcores;
	char label[64];
};

/*
 * Calls fn for every row, in the table's order, whose label contains
 * filter (every row when filter is NULL), with lcores up to max_lcores;
 * stops at the first non-zero return of fn and returns it.
 */
static inline int
perf_for_each_row(const char *filter, unsigned int max_lcores,
	int (*fn)(const struct perf_row_id *row, void *arg), void *arg)
{
	const unsigned int per_type = PERF_NB_SYNC * PERF_NB_SHAPES;
	struct perf_row_id row;
	unsigned int i, shape;
	int ret;

	/* Row i: lcores, then type, then sync mode, then shape. */
	for (i = 0; i < max_lcores * 2 * per_type; i++) {
		shape = i % PERF_NB_SHAPES;
		row.sync = (enum perf_sync)(i / PERF_NB_SHAPES % PERF_NB_SYNC);
		row.type = i / per_type % 2;
		row.lcores = i / (2 * per_type) + 1;
		row.kind = perf_shapes[shape].kind;
		row.n = perf_shapes[shape].n;
		perf_label(row.label, sizeof(row.label), row.type, row.sync,
			row.kind, row.n, row.lcores);
		if (filter != NULL && strstr(row.label, filter) == NULL)
			continue;
		ret = fn(&row, arg);
		if (ret != 0)
			return ret;
	}
	return 0;
}

#endif /* BENCH_RING_CASES_H */
