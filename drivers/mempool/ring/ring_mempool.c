/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The ring mempool handlers: the free objects in an rte_ring named
 * "MP_<pool name>" (memzone "RG_MP_<pool name>"), big enough for every
 * object of the pool, so an enqueue of the pool's own objects always
 * fits. Four variants, by who may touch each end at once:
 *
 *   ring_mp_mc  several putting threads, several getting (the default)
 *   ring_sp_sc  one putting thread, one getting (RTE_MEMPOOL_F_SP_PUT |
 *               RTE_MEMPOOL_F_SC_GET)
 *   ring_mp_sc  several putting, one getting (RTE_MEMPOOL_F_SC_GET)
 *   ring_sp_mc  one putting, several getting (RTE_MEMPOOL_F_SP_PUT)
 *   ring_mt_rts several of each, relaxed tail sync (RING_F_*_RTS_*)
 *   ring_mt_hts several of each, head/tail sync (RING_F_*_HTS_*)
 *
 * The last two are for lcores that share CPUs: in the default mode an
 * operation that is preempted halfway stalls every later one until it
 * runs again, which the RTS and HTS modes of the ring make less likely
 * (see rte_ring_rts.h and rte_ring_hts.h). Choose them by name.
 *
 * An RTS ring releases the slots of a finished dequeue only when the
 * last dequeue running beside it finishes too, so an object taken and
 * put straight back may need a second slot while its first one is not
 * yet free. The ring_mt_rts ring therefore has room for twice the pool:
 * every put of the pool's objects fits even then.
 *
 * "One thread" counts only the threads that reach the store: with
 * per-lcore caches that is every lcore that fills or flushes its cache.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_mempool.h>
#include <rte_ring.h>

static int
ring_mempool_alloc(struct rte_mempool *mp, unsigned int ring_flags,
	uint32_t slots)
{
	char name[RTE_RING_NAMESIZE];
	struct rte_ring *r;
	int ret;

	ret = snprintf(name, sizeof(name), RTE_MEMPOOL_MZ_FORMAT, mp->name);
	if (ret < 0 || ret >= (int)sizeof(name))
		return -ENAMETOOLONG;
	/* A power of two above slots: the ring holds count - 1 objects. */
	r = rte_ring_create(name, rte_align32pow2(slots + 1), mp->socket_id,
		ring_flags);
	if (r == NULL)
		return -rte_errno;
	mp->pool_data = r;
	return 0;
}

static int
ring_alloc_mp_mc(struct rte_mempool *mp)
{
	return ring_mempool_alloc(mp, 0, mp->size);
}

static int
ring_alloc_sp_sc(struct rte_mempool *mp)
{
	return ring_mempool_alloc(mp, RING_F_SP_ENQ | RING_F_SC_DEQ, mp->size);
}

static int
ring_alloc_mp_sc(struct rte_mempool *mp)
{
	return ring_mempool_alloc(mp, RING_F_SC_DEQ, mp->size);
}

static int
ring_alloc_sp_mc(struct rte_mempool *mp)
{
	return ring_mempool_alloc(mp, RING_F_SP_ENQ, mp->size);
}

static int
ring_alloc_mt_rts(struct rte_mempool *mp)
{
	if (mp->size > UINT32_MAX / 4)
		return -EINVAL;
	return ring_mempool_alloc(mp, RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ,
		2 * mp->size);
}

static int
ring_alloc_mt_hts(struct rte_mempool *mp)
{
	return ring_mempool_alloc(mp, RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ,
		mp->size);
}

static void
ring_mempool_free(struct rte_mempool *mp)
{
	rte_ring_free(mp->pool_data);
}

static int
ring_enqueue_mp(struct rte_mempool *mp, void *const *obj_table, unsigned int n)
{
	return rte_ring_mp_enqueue_bulk(mp->pool_data, obj_table, n, NULL) ==
			0 ?
		-ENOBUFS :
		0;
}

static int
ring_enqueue_sp(struct rte_mempool *mp, void *const *obj_table, unsigned int n)
{
	return rte_ring_sp_enqueue_bulk(mp->pool_data, obj_table, n, NULL) ==
			0 ?
		-ENOBUFS :
		0;
}

static int
ring_dequeue_mc(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_ring_mc_dequeue_bulk(mp->pool_data, obj_table, n, NULL) ==
			0 ?
		-ENOBUFS :
		0;
}

static int
ring_dequeue_sc(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_ring_sc_dequeue_bulk(mp->pool_data, obj_table, n, NULL) ==
			0 ?
		-ENOBUFS :
		0;
}

static int
ring_enqueue_rts(struct rte_mempool *mp, void *const *obj_table, unsigned int n)
{
	return rte_ring_mp_rts_enqueue_bulk(mp->pool_data, obj_table, n,
		       NULL) == 0 ?
		-ENOBUFS :
		0;
}

static int
ring_dequeue_rts(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_ring_mc_rts_dequeue_bulk(mp->pool_data, obj_table, n,
		       NULL) == 0 ?
		-ENOBUFS :
		0;
}

static int
ring_enqueue_hts(struct rte_mempool *mp, void *const *obj_table, unsigned int n)
{
	return rte_ring_mp_hts_enqueue_bulk(mp->pool_data, obj_table, n,
		       NULL) == 0 ?
		-ENOBUFS :
		0;
}

static int
ring_dequeue_hts(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_ring_mc_hts_dequeue_bulk(mp->pool_data, obj_table, n,
		       NULL) == 0 ?
		-ENOBUFS :
		0;
}

static unsigned int
ring_get_count(const struct rte_mempool *mp)
{
	return rte_ring_count(mp->pool_data);
}

static struct rte_mempool_ops ops_mp_mc = {
	.name = "ring_mp_mc",
	.alloc = ring_alloc_mp_mc,
	.free = ring_mempool_free,
	.enqueue = ring_enqueue_mp,
	.dequeue = ring_dequeue_mc,
	.get_count = ring_get_count,
};

static struct rte_mempool_ops ops_sp_sc = {
	.name = "ring_sp_sc",
	.alloc = ring_alloc_sp_sc,
	.free = ring_mempool_free,
	.enqueue = ring_enqueue_sp,
	.dequeue = ring_dequeue_sc,
	.get_count = ring_get_count,
};

static struct rte_mempool_ops ops_mp_sc = {
	.name = "ring_mp_sc",
	.alloc = ring_alloc_mp_sc,
	.free = ring_mempool_free,
	.enqueue = ring_enqueue_mp,
	.dequeue = ring_dequeue_sc,
	.get_count = ring_get_count,
};

static struct rte_mempool_ops ops_sp_mc = {
	.name = "ring_sp_mc",
	.alloc = ring_alloc_sp_mc,
	.free = ring_mempool_free,
	.enqueue = ring_enqueue_sp,
	.dequeue = ring_dequeue_mc,
	.get_count = ring_get_count,
};

static struct rte_mempool_ops ops_mt_rts = {
	.name = "ring_mt_rts",
	.alloc = ring_alloc_mt_rts,
	.free = ring_mempool_free,
	.enqueue = ring_enqueue_rts,
	.dequeue = ring_dequeue_rts,
	.get_count = ring_get_count,
};

static struct rte_mempool_ops ops_mt_hts = {
	.name = "ring_mt_hts",
	.alloc = ring_alloc_mt_hts,
	.free = ring_mempool_free,
	.enqueue = ring_enqueue_hts,
	.dequeue = ring_dequeue_hts,
	.get_count = ring_get_count,
};

RTE_MEMPOOL_REGISTER_OPS(ops_mp_mc);
RTE_MEMPOOL_REGISTER_OPS(ops_sp_sc);
RTE_MEMPOOL_REGISTER_OPS(ops_mp_sc);
RTE_MEMPOOL_REGISTER_OPS(ops_sp_mc);
RTE_MEMPOOL_REGISTER_OPS(ops_mt_rts);
RTE_MEMPOOL_REGISTER_OPS(ops_mt_hts);
