/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Rings of fixed-size elements: each slot holds esize bytes, a multiple of
 * 4, copied in and out by value. Every call takes esize, which must be the
 * value the ring was created with.
 *
 * Variants, for enqueue and dequeue alike:
 *   - mp/mc: safe with several producers (consumers) at once;
 *     sp/sc: only one thread at a time on that side;
 *     neither: the mode chosen by the flags at creation (MT, ST, RTS or
 *     HTS; see rte_ring_core.h).
 *   - bulk: all n or nothing; returns n or 0.
 *     burst: as many of the n as fit (or as there are); returns the count.
 *     single (no suffix): one object; returns 0 or a negative errno.
 *   - free_space (enqueue) receives the free slots left after the call,
 *     available (dequeue) the objects left; either may be NULL.
 * None of these calls blocks, fails on bad arguments or sets rte_errno:
 * they are the fast path and check nothing.
 */
#ifndef _RTE_RING_ELEM_H_
#define _RTE_RING_ELEM_H_

#include <sys/types.h>

#include <rte_ring_core.h>
#include <rte_ring_elem_pvt.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Bytes needed for a ring of count elements of esize bytes: the header
 * plus the slots, rounded up to a cache line.
 *
 * @param esize element size, a non-zero multiple of 4.
 * @param count number of slots, a power of two, at most RTE_RING_SZ_MASK.
 * @return the size, or -EINVAL for a bad esize or count.
 */
ssize_t rte_ring_get_memsize_elem(unsigned int esize, unsigned int count);

/**
 * Creates a ring of count elements of esize bytes in a memzone named
 * RTE_RING_MZ_PREFIX + name, and adds it to the list rte_ring_lookup()
 * searches.
 *
 * @param name unique name, at most RTE_RING_NAMESIZE - 1 characters.
 * @param esize element size, a non-zero multiple of 4.
 * @param count slots: a power of two (the ring holds count - 1), or with
 *   RING_F_EXACT_SZ any count from 1 (the ring holds exactly count).
 * @param socket_id NUMA socket of the memory, or SOCKET_ID_ANY.
 * @param flags RING_F_* (see rte_ring_core.h): at most one of SP_ENQ,
 *   MP_RTS_ENQ, MP_HTS_ENQ; at most one of SC_DEQ, MC_RTS_DEQ, MC_HTS_DEQ;
 *   and EXACT_SZ.
 * @return the ring, or NULL with rte_errno set:
 *   - E_RTE_NO_CONFIG: the EAL is not initialised
 *   - EINVAL: bad count, esize or flags, or a NULL name
 *   - ENAMETOOLONG: the name is too long
 *   - ENOSPC: no memzone left
 *   - EEXIST: a ring (or memzone) with that name exists
 *   - ENOMEM: no memory
 */
struct rte_ring *rte_ring_create_elem(const char *name, unsigned int esize,
	unsigned int count, int socket_id, unsigned int flags);

/** Enqueues n elements, all or none, several producers. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_mp_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, RTE_RING_SYNC_MT, free_space);
}

/** Enqueues n elements, all or none, one producer. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_sp_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, RTE_RING_SYNC_ST, free_space);
}

/** Dequeues n elements, all or none, several consumers. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_mc_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, RTE_RING_SYNC_MT, available);
}

/** Dequeues n elements, all or none, one consumer. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_sc_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_FIXED, RTE_RING_SYNC_ST, available);
}

/** Enqueues up to n elements, several producers. @return the count. */
static __rte_always_inline unsigned int
rte_ring_mp_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, RTE_RING_SYNC_MT, free_space);
}

/** Enqueues up to n elements, one producer. @return the count. */
static __rte_always_inline unsigned int
rte_ring_sp_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	return __rte_ring_do_enqueue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, RTE_RING_SYNC_ST, free_space);
}

/** Dequeues up to n elements, several consumers. @return the count. */
static __rte_always_inline unsigned int
rte_ring_mc_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, RTE_RING_SYNC_MT, available);
}

/** Dequeues up to n elements, one consumer. @return the count. */
static __rte_always_inline unsigned int
rte_ring_sc_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	return __rte_ring_do_dequeue_elem(r, obj_table, esize, n,
		RTE_RING_QUEUE_VARIABLE, RTE_RING_SYNC_ST, available);
}

#ifdef __cplusplus
}
#endif

/* The RTS and HTS calls, which the mode-dispatching calls below use. */
#include <rte_ring_hts.h>
#include <rte_ring_rts.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Enqueues n elements, all or none, in the producer mode of the ring.
 * @return n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	switch (r->prod.sync_type) {
	case RTE_RING_SYNC_MT:
		return rte_ring_mp_enqueue_bulk_elem(r, obj_table, esize, n,
			free_space);
	case RTE_RING_SYNC_ST:
		return rte_ring_sp_enqueue_bulk_elem(r, obj_table, esize, n,
			free_space);
	case RTE_RING_SYNC_MT_RTS:
		return rte_ring_mp_rts_enqueue_bulk_elem(r, obj_table, esize, n,
			free_space);
	case RTE_RING_SYNC_MT_HTS:
		return rte_ring_mp_hts_enqueue_bulk_elem(r, obj_table, esize, n,
			free_space);
	}
	/* Not a ring made by this library. */
	if (free_space != NULL)
		*free_space = 0;
	return 0;
}

/**
 * Dequeues n elements, all or none, in the consumer mode of the ring.
 * @return n or 0.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	switch (r->cons.sync_type) {
	case RTE_RING_SYNC_MT:
		return rte_ring_mc_dequeue_bulk_elem(r, obj_table, esize, n,
			available);
	case RTE_RING_SYNC_ST:
		return rte_ring_sc_dequeue_bulk_elem(r, obj_table, esize, n,
			available);
	case RTE_RING_SYNC_MT_RTS:
		return rte_ring_mc_rts_dequeue_bulk_elem(r, obj_table, esize, n,
			available);
	case RTE_RING_SYNC_MT_HTS:
		return rte_ring_mc_hts_dequeue_bulk_elem(r, obj_table, esize, n,
			available);
	}
	if (available != NULL)
		*available = 0;
	return 0;
}

/**
 * Enqueues up to n elements in the producer mode of the ring.
 * @return the count.
 */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst_elem(struct rte_ring *r, const void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *free_space)
{
	switch (r->prod.sync_type) {
	case RTE_RING_SYNC_MT:
		return rte_ring_mp_enqueue_burst_elem(r, obj_table, esize, n,
			free_space);
	case RTE_RING_SYNC_ST:
		return rte_ring_sp_enqueue_burst_elem(r, obj_table, esize, n,
			free_space);
	case RTE_RING_SYNC_MT_RTS:
		return rte_ring_mp_rts_enqueue_burst_elem(r, obj_table, esize,
			n, free_space);
	case RTE_RING_SYNC_MT_HTS:
		return rte_ring_mp_hts_enqueue_burst_elem(r, obj_table, esize,
			n, free_space);
	}
	if (free_space != NULL)
		*free_space = 0;
	return 0;
}

/**
 * Dequeues up to n elements in the consumer mode of the ring.
 * @return the count.
 */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst_elem(struct rte_ring *r, void *obj_table,
	unsigned int esize, unsigned int n, unsigned int *available)
{
	switch (r->cons.sync_type) {
	case RTE_RING_SYNC_MT:
		return rte_ring_mc_dequeue_burst_elem(r, obj_table, esize, n,
			available);
	case RTE_RING_SYNC_ST:
		return rte_ring_sc_dequeue_burst_elem(r, obj_table, esize, n,
			available);
	case RTE_RING_SYNC_MT_RTS:
		return rte_ring_mc_rts_dequeue_burst_elem(r, obj_table, esize,
			n, available);
	case RTE_RING_SYNC_MT_HTS:
		return rte_ring_mc_hts_dequeue_burst_elem(r, obj_table, esize,
			n, available);
	}
	if (available != NULL)
		*available = 0;
	return 0;
}

/** Enqueues one element, several producers. @return 0 or -ENOBUFS (full). */
static __rte_always_inline int
rte_ring_mp_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_mp_enqueue_bulk_elem(r, obj, esize, 1, NULL) != 0 ?
		0 :
		-ENOBUFS;
}

/** Enqueues one element, one producer. @return 0 or -ENOBUFS (full). */
static __rte_always_inline int
rte_ring_sp_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_sp_enqueue_bulk_elem(r, obj, esize, 1, NULL) != 0 ?
		0 :
		-ENOBUFS;
}

/** Enqueues one element in the producer mode. @return 0 or -ENOBUFS. */
static __rte_always_inline int
rte_ring_enqueue_elem(struct rte_ring *r, void *obj, unsigned int esize)
{
	return rte_ring_enqueue_bulk_elem(r, obj, esize, 1, NULL) != 0 ?
		0 :
		-ENOBUFS;
}

/** Dequeues one element, several consumers. @return 0 or -ENOENT (empty). */
static __rte_always_inline int
rte_ring_mc_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_mc_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) != 0 ?
		0 :
		-ENOENT;
}

/** Dequeues one element, one consumer. @return 0 or -ENOENT (empty). */
static __rte_always_inline int
rte_ring_sc_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_sc_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) != 0 ?
		0 :
		-ENOENT;
}

/** Dequeues one element in the consumer mode. @return 0 or -ENOENT. */
static __rte_always_inline int
rte_ring_dequeue_elem(struct rte_ring *r, void *obj_p, unsigned int esize)
{
	return rte_ring_dequeue_bulk_elem(r, obj_p, esize, 1, NULL) != 0 ?
		0 :
		-ENOENT;
}

#ifdef __cplusplus
}
#endif

#include <rte_ring_peek.h>
#include <rte_ring_peek_zc.h>
#include <rte_ring.h>

#endif /* _RTE_RING_ELEM_H_ */
