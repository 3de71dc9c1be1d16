/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * What ring_pair_dpdk.c (built against DPDK 22.11's headers) hands to
 * ring_pair.c (built against Pollux's): its cases, and how to lay out and
 * reset a ring of its own library, whose layout the other half does not
 * know (the two libraries place the counters differently).
 */
#ifndef BENCH_RING_PAIR_H
#define BENCH_RING_PAIR_H

#include <stddef.h>
#include <string.h>

#include <rte_version.h>

#include "ring_cases.h"

/* One library's cases and rings. A ring is void * here: each half has
 * its own struct rte_ring. */
struct ring_pair_impl {
	const char *ver_prefix; /* RTE_VER_PREFIX of the headers built with */
	perf_one_fn *const (*one)[PERF_NB_SYNC][PERF_NB_KIND]; /* [2] */
	perf_two_fn *const (*two)[PERF_NB_SYNC][PERF_NB_KIND]; /* [2] */
	/* Bytes of a ring of PERF_RING_SIZE slots of esize bytes. */
	size_t (*memsize)(unsigned int esize);
	/* Lays out a ring of PERF_RING_SIZE slots at r (memsize() bytes) for
	 * sync mode sync (enum perf_sync); 0 when ring_pair_ring_ok() finds
	 * it as asked. */
	int (*init)(void *r, unsigned int sync);
	/* Empties the ring: every counter back to 0. */
	void (*reset)(void *r);
};

/*
 * A ring laid out for sync mode sync looks as asked through the calls of
 * the library it was built with: size, capacity, empty, both sides' modes
 * and, in RTS mode, the default head-tail distance (capacity / 8).
 */
static inline int
ring_pair_ring_ok(const struct rte_ring *r, unsigned int sync)
{
	static const enum rte_ring_sync_type modes[PERF_NB_SYNC] = {
		RTE_RING_SYNC_MT, /* SP/SC rows call the sp/sc functions */
		RTE_RING_SYNC_MT,
		RTE_RING_SYNC_MT_RTS,
		RTE_RING_SYNC_MT_HTS,
	};
	const unsigned int cap = PERF_RING_SIZE - 1;

	if (rte_ring_get_size(r) != PERF_RING_SIZE ||
		rte_ring_get_capacity(r) != cap || !rte_ring_empty(r) ||
		rte_ring_free_count(r) != cap ||
		rte_ring_get_prod_sync_type(r) != modes[sync] ||
		rte_ring_get_cons_sync_type(r) != modes[sync])
		return 0;
	return modes[sync] != RTE_RING_SYNC_MT_RTS ||
		(rte_ring_get_prod_htd_max(r) == cap / 8 &&
			rte_ring_get_cons_htd_max(r) == cap / 8);
}

/* Defined by ring_pair_dpdk.c. */
extern const struct ring_pair_impl ring_pair_dpdk;

#endif /* BENCH_RING_PAIR_H */
