/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Enqueue and dequeue in RTS mode (relaxed tail sync): several producers
 * or consumers, where a finishing thread never waits for the ones that
 * claimed before it; the last one in flight moves the tail for all (see
 * rte_ring_rts_elem_pvt.h). A ring created with RING_F_MP_RTS_ENQ /
 * RING_F_MC_RTS_DEQ uses these by default; call them only on a side
 * created in RTS mode.
 *
 * The head may run ahead of the tail by at most "htd_max" slots; a claim
 * that would go further waits. 0 makes the side fully serialised, a value
 * of the capacity or more removes the limit. The default is capacity / 8.
 *
 * Included by rte_ring_elem.h; applications need not include it.
 */
#ifndef _RTE_RING_RTS_H_
#define _RTE_RING_RTS_H_

#include <rte_ring_rts_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Enqueues n elements of esize bytes, all or none (several producers).
 * @return n or 0; *free_space, when not NULL, gets the room left.
 */
static __rte_always_inline unsigned int
rte_ring_mp_rts_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_rts_enqueue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, free_space);
}

/**
 * Dequeues n elements of esize bytes, all or none (several consumers).
 * @return n or 0; *available, when not NULL, gets the objects left.
 */
static __rte_always_inline unsigned int
rte_ring_mc_rts_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_do_rts_dequeue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, available);
}

/**
 * Enqueues as many of n elements as fit (several producers).
 * @return the number enqueued; *free_space as for the bulk call.
 */
static __rte_always_inline unsigned int
rte_ring_mp_rts_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_rts_enqueue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, free_space);
}

/**
 * Dequeues as many of n elements as there are (several consumers).
 * @return the number dequeued; *available as for the bulk call.
 */
static __rte_always_inline unsigned int
rte_ring_mc_rts_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_do_rts_dequeue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, available);
}

/** rte_ring_mp_rts_enqueue_bulk_elem() on a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_mp_rts_enqueue_bulk(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_rts_enqueue_bulk_elem(r, obj_table, sizeof(void *),
		n, free_space);
}

/** rte_ring_mc_rts_dequeue_bulk_elem() on a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_mc_rts_dequeue_bulk(struct rte_ring *r, void **obj_table,
	unsigned int n, unsigned int *available)
{
	return rte_ring_mc_rts_dequeue_bulk_elem(r, obj_table, sizeof(void *),
		n, available);
}

/** rte_ring_mp_rts_enqueue_burst_elem() on a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_mp_rts_enqueue_burst(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_rts_enqueue_burst_elem(r, obj_table, sizeof(void *),
		n, free_space);
}

/** rte_ring_mc_rts_dequeue_burst_elem() on a ring of pointers. */
static __rte_always_inline unsigned int
rte_ring_mc_rts_dequeue_burst(struct rte_ring *r, void **obj_table,
	unsigned int n, unsigned int *available)
{
	return rte_ring_mc_rts_dequeue_burst_elem(r, obj_table, sizeof(void *),
		n, available);
}

/**
 * The producers' head-to-tail distance limit.
 * @return htd_max, or UINT32_MAX when the producers are not in RTS mode.
 */
static inline uint32_t
rte_ring_get_prod_htd_max(const struct rte_ring *r)
{
	if (r->prod.sync_type != RTE_RING_SYNC_MT_RTS)
		return UINT32_MAX;
	return r->rts_prod.htd_max;
}

/**
 * Sets the producers' head-to-tail distance limit. Call it while no
 * producer is running.
 * @return 0, or -ENOTSUP when the producers are not in RTS mode.
 */
static inline int
rte_ring_set_prod_htd_max(struct rte_ring *r, uint32_t v)
{
	if (r->prod.sync_type != RTE_RING_SYNC_MT_RTS)
		return -ENOTSUP;
	r->rts_prod.htd_max = v;
	return 0;
}

/**
 * The consumers' head-to-tail distance limit.
 * @return htd_max, or UINT32_MAX when the consumers are not in RTS mode.
 */
static inline uint32_t
rte_ring_get_cons_htd_max(const struct rte_ring *r)
{
	if (r->cons.sync_type != RTE_RING_SYNC_MT_RTS)
		return UINT32_MAX;
	return r->rts_cons.htd_max;
}

/**
 * Sets the consumers' head-to-tail distance limit. Call it while no
 * consumer is running.
 * @return 0, or -ENOTSUP when the consumers are not in RTS mode.
 */
static inline int
rte_ring_set_cons_htd_max(struct rte_ring *r, uint32_t v)
{
	if (r->cons.sync_type != RTE_RING_SYNC_MT_RTS)
		return -ENOTSUP;
	r->rts_cons.htd_max = v;
	return 0;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_RTS_H_ */
