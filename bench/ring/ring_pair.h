/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * What ring_pair_dpdk.c (built against DPDK 22.11's headers) hands to
 * ring_pair.c (built against Pollux's): its cases, and the layout facts
 * the two libraries must agree on for DPDK's inline ring code to run on a
 * ring that Pollux's rte_ring_init() laid out.
 */
#ifndef BENCH_RING_PAIR_H
#define BENCH_RING_PAIR_H

#include <stddef.h>
#include <string.h>

#include <rte_version.h>

#include "ring_cases.h"

/* Offsets, sizes and constants that both builds must see alike. */
#define RING_PAIR_NB_LAYOUT 17

/* Fills fact[] with them, as the headers this file is compiled with say. */
static inline void
ring_pair_layout(size_t fact[RING_PAIR_NB_LAYOUT])
{
	const size_t facts[RING_PAIR_NB_LAYOUT] = {
		offsetof(struct rte_ring, size),
		offsetof(struct rte_ring, mask),
		offsetof(struct rte_ring, capacity),
		offsetof(struct rte_ring, prod),
		offsetof(struct rte_ring, cons),
		sizeof(struct rte_ring),
		offsetof(struct rte_ring_headtail, head),
		offsetof(struct rte_ring_headtail, tail),
		offsetof(struct rte_ring_headtail, sync_type),
		offsetof(struct rte_ring_rts_headtail, tail),
		offsetof(struct rte_ring_rts_headtail, htd_max),
		offsetof(struct rte_ring_rts_headtail, head),
		offsetof(struct rte_ring_hts_headtail, sync_type),
		RTE_RING_SYNC_MT,
		RTE_RING_SYNC_ST,
		RTE_RING_SYNC_MT_RTS,
		RTE_RING_SYNC_MT_HTS,
	};

	memcpy(fact, facts, sizeof(facts));
}

/* One library's cases. */
struct ring_pair_impl {
	const char *ver_prefix; /* RTE_VER_PREFIX of the headers built with */
	perf_one_fn *const (*one)[PERF_NB_SYNC][PERF_NB_KIND]; /* [2] */
	perf_two_fn *const (*two)[PERF_NB_SYNC][PERF_NB_KIND]; /* [2] */
	void (*layout)(size_t fact[RING_PAIR_NB_LAYOUT]);
};

/* Defined by ring_pair_dpdk.c. */
extern const struct ring_pair_impl ring_pair_dpdk;

#endif /* BENCH_RING_PAIR_H */
