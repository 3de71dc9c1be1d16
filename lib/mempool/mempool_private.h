/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* Declarations shared by the mempool library's files (not installed). */
#ifndef MEMPOOL_PRIVATE_H
#define MEMPOOL_PRIVATE_H

#include <rte_log.h>
#include <rte_mempool.h>

#define MEMPOOL_LOG(level, ...) RTE_LOG(level, MEMPOOL, __VA_ARGS__)

/* Flush threshold of a cache of that size: 1.5 times it. */
#define MEMPOOL_CACHE_FLUSHTHRESH(size) ((size)*3 / 2)

/* Default handler names (drivers/mempool/ring). */
#define MEMPOOL_OPS_RING_MP_MC "ring_mp_mc"
#define MEMPOOL_OPS_RING_SP_SC "ring_sp_sc"
#define MEMPOOL_OPS_RING_MP_SC "ring_mp_sc"
#define MEMPOOL_OPS_RING_SP_MC "ring_sp_mc"

/* mempool_ops.c */

/* The handler a new pool gets from its SP_PUT / SC_GET flags. */
const char *mempool_default_ops_name(unsigned int flags);

/* Creates mp's store unless it exists (sets RTE_MEMPOOL_F_POOL_CREATED). */
int mempool_ops_alloc_once(struct rte_mempool *mp);

/* mempool_populate.c */

/*
 * Empties the store and releases every memory chunk (their free
 * callbacks run): the pool is back to having no objects.
 */
void mempool_free_memchunks(struct rte_mempool *mp);

/* mempool_debug.c */

/* Sets the cookies of an object that was just laid out (free state). */
void mempool_debug_init_obj(struct rte_mempool *mp, void *obj);

/* mempool_events.c */

/* Calls the registered callbacks for event on mp. */
void mempool_event_notify(enum rte_mempool_event event, struct rte_mempool *mp);

#endif /* MEMPOOL_PRIVATE_H */
