/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The benchmark's cases compiled against DPDK 22.11's ring headers (meson
 * builds this file with pkg-config libdpdk's cflags).
 * Only DPDK's inline ring code ends up here: nothing of DPDK's libraries
 * is linked, so this file lays out and resets its rings itself, as DPDK's
 * rte_ring_init() and rte_ring_reset() leave them.
 */
#include <stdio.h>

#include "ring_pair.h"

/* DPDK's rte_ring_get_memsize_elem() for PERF_RING_SIZE slots. */
static size_t
dpdk_memsize(unsigned int esize)
{
	return RTE_ALIGN_CEIL(sizeof(struct rte_ring) +
			(size_t)PERF_RING_SIZE * esize,
		(size_t)RTE_CACHE_LINE_SIZE);
}

/* The mode a side gets from the creation flags. */
static enum rte_ring_sync_type
dpdk_sync_type(unsigned int flags, unsigned int st, unsigned int rts,
	unsigned int hts)
{
	if (flags & st)
		return RTE_RING_SYNC_ST;
	if (flags & rts)
		return RTE_RING_SYNC_MT_RTS;
	if (flags & hts)
		return RTE_RING_SYNC_MT_HTS;
	return RTE_RING_SYNC_MT;
}

/*
 * What DPDK's rte_ring_init() stores for a power-of-two count: zeroed
 * counters, name, flags, the two modes, size, mask, capacity size - 1,
 * and an RTS head-tail distance of capacity / 8.
 */
static int
dpdk_init(void *mem, unsigned int sync)
{
	const unsigned int flags = perf_ring_flags[sync];
	struct rte_ring *r = mem;

	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "ring_pair");
	r->flags = (int)flags;
	r->prod.sync_type = dpdk_sync_type(flags, RING_F_SP_ENQ,
		RING_F_MP_RTS_ENQ, RING_F_MP_HTS_ENQ);
	r->cons.sync_type = dpdk_sync_type(flags, RING_F_SC_DEQ,
		RING_F_MC_RTS_DEQ, RING_F_MC_HTS_DEQ);
	r->size = PERF_RING_SIZE;
	r->mask = PERF_RING_SIZE - 1;
	r->capacity = r->mask;
	if (r->prod.sync_type == RTE_RING_SYNC_MT_RTS)
		r->rts_prod.htd_max = r->capacity / 8;
	if (r->cons.sync_type == RTE_RING_SYNC_MT_RTS)
		r->rts_cons.htd_max = r->capacity / 8;
	return ring_pair_ring_ok(r, sync) ? 0 : -1;
}

/*
 * Every counter of every mode back to 0: the RTS tail word covers the
 * MT head and tail and the HTS word; the RTS head word lies beyond.
 */
static void
dpdk_reset(void *mem)
{
	struct rte_ring *r = mem;

	r->rts_prod.tail.raw = 0;
	r->rts_prod.head.raw = 0;
	r->rts_cons.tail.raw = 0;
	r->rts_cons.head.raw = 0;
}

const struct ring_pair_impl ring_pair_dpdk = {
	RTE_VER_PREFIX,
	perf_one_fns,
	perf_two_fns,
	dpdk_memsize,
	dpdk_init,
	dpdk_reset,
};
