/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Enqueue and dequeue in HTS mode (head/tail sync): several producers or
 * consumers, one operation per side in flight at a time, so no thread
 * waits on another's tail (see rte_ring_hts_elem_pvt.h). A ring created
 * with RING_F_MP_HTS_ENQ / RING_F_MC_HTS_DEQ uses these by default; call
 * them only on a side created in HTS mode.
 *
 * Included by rte_ring_elem.h; applications need not include it.
 */
#ifndef _RTE_RING_HTS_H_
#define _RTE_RING_HTS_H_

#include <rte_ring_hts_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Enqueues n elements of esize bytes, all or none (several producers).
 * @return n or 0; *free_space, when not NULL, gets the room left.
 */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_hts_enqueue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, free_space);
}

/**
 * Dequeues n elements of esize bytes, all or none (several consumers).
 * @return n or 0; *available, when not NULL, gets the objects left.
 */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_do_hts_dequeue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, available);
}

/**
 * Enqueues as many of n elements as fit (several producers).
 * @return the number enqueued; *free_space as for the bulk call.
 */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_hts_enqueue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, free_space);
}

/**
 * Dequeues as many of n elements as there are (several consumers).
 * @return the number dequeued; *available as for the bulk call.
 */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_do_hts_dequeue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, available);
}

/** rte_ring_mp_hts_enqueue_bulk_elem() on a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_bulk(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_hts_enqueue_bulk_elem(r, obj_table, sizeof(void *),
		n, free_space);
}

/** rte_ring_mc_hts_dequeue_bulk_elem() on a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_bulk(struct rte_ring *r, void **obj_table,
	unsigned int n, unsigned int *available)
{
	return rte_ring_mc_hts_dequeue_bulk_elem(r, obj_table, sizeof(void *),
		n, available);
}

/** rte_ring_mp_hts_enqueue_burst_elem() on a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_mp_hts_enqueue_burst(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_hts_enqueue_burst_elem(r, obj_table, sizeof(void *),
		n, free_space);
}

/** rte_ring_mc_hts_dequeue_burst_elem() on a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_mc_hts_dequeue_burst(struct rte_ring *r, void **obj_table,
	unsigned int n, unsigned int *available)
{
	return rte_ring_mc_hts_dequeue_burst_elem(r, obj_table, sizeof(void *),
		n, available);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_HTS_H_ */
