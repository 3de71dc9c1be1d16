/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Rings: lock-free, fixed-size FIFOs of pointers (this file) or of
 * fixed-size elements (rte_ring_elem.h), for one or several producers and
 * consumers, with bulk (all or nothing) and burst (as many as possible)
 * enqueue and dequeue. The layout, the modes and the memory ordering are
 * described in rte_ring_core.h and rte_ring_elem_pvt.h.
 *
 * Rings made by rte_ring_create*() live in a memzone, have a unique name
 * and can be found with rte_ring_lookup(); rte_ring_free() releases them.
 * rte_ring_init() builds a ring in memory the caller provides; such a ring
 * is in no list and rte_ring_free() refuses it.
 *
 * The enqueue and dequeue calls are inline, do not block and check
 * nothing: a producer or consumer must not be preempted for long in the
 * middle of one in the MT modes, since the threads after it wait for it
 * to finish. The control calls are thread-safe.
 */
#ifndef _RTE_RING_H_
#define _RTE_RING_H_

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <sys/types.h>

#include <rte_ring_core.h>
#include <rte_ring_elem.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Bytes needed for a ring of count pointers (see
 * rte_ring_get_memsize_elem()).
 * @return the size, or -EINVAL when count is not a power of two or is
 *   larger than RTE_RING_SZ_MASK.
 */
ssize_t rte_ring_get_memsize(unsigned int count);

/**
 * Makes an empty ring of pointers in the memory at r, which must hold
 * rte_ring_get_memsize(count) bytes (with RING_F_EXACT_SZ, the memsize of
 * the rounded-up slot count), aligned on a cache line. The ring is not
 * added to the list rte_ring_lookup() searches.
 *
 * @param count slots, as for rte_ring_create().
 * @param flags RING_F_* flags, as for rte_ring_create().
 * @return 0, or a negative errno: -EINVAL (NULL r or name, bad count or
 *   flags), -ENAMETOOLONG (name too long).
 */
int rte_ring_init(struct rte_ring *r, const char *name, unsigned int count,
	unsigned int flags);

/**
 * Creates a ring of pointers: rte_ring_create_elem() with
 * esize = sizeof(void *). Returns NULL with rte_errno set as that does.
 */
struct rte_ring *rte_ring_create(const char *name, unsigned int count,
	int socket_id, unsigned int flags);

/**
 * Frees a ring made by rte_ring_create*(): takes it off the list and
 * releases its memzone. NULL does nothing; a ring made by rte_ring_init()
 * is left alone (with a log line).
 */
void rte_ring_free(struct rte_ring *r);

/**
 * Prints the ring's name, flags, size, capacity, counters and the number
 * of used and free slots to f.
 */
void rte_ring_dump(FILE *f, const struct rte_ring *r);

/** Prints every ring made by rte_ring_create*() with rte_ring_dump(). */
void rte_ring_list_dump(FILE *f);

/**
 * The ring made by rte_ring_create*() with that name.
 * @return the ring, or NULL with rte_errno ENOENT (no such ring) or EINVAL
 *   (NULL name).
 */
struct rte_ring *rte_ring_lookup(const char *name);

/**
 * Empties the ring. No thread may be using it meanwhile.
 */
void rte_ring_reset(struct rte_ring *r);

/** Enqueues n pointers, all or none, several producers. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_mp_enqueue_bulk(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_enqueue_bulk_elem(r, obj_table, sizeof(void *), n,
		free_space);
}

/** Enqueues n pointers, all or none, one producer. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_sp_enqueue_bulk(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_sp_enqueue_bulk_elem(r, obj_table, sizeof(void *), n,
		free_space);
}

/** Enqueues n pointers, all or none, in the producer mode. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_enqueue_bulk(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_enqueue_bulk_elem(r, obj_table, sizeof(void *), n,
		free_space);
}

/** Enqueues one pointer, several producers. @return 0 or -ENOBUFS. */
static __rte_always_inline int
rte_ring_mp_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_mp_enqueue_elem(r, &obj, sizeof(void *));
}

/** Enqueues one pointer, one producer. @return 0 or -ENOBUFS. */
static __rte_always_inline int
rte_ring_sp_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_sp_enqueue_elem(r, &obj, sizeof(void *));
}

/** Enqueues one pointer in the producer mode. @return 0 or -ENOBUFS. */
static __rte_always_inline int
rte_ring_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_enqueue_elem(r, &obj, sizeof(void *));
}

/** Dequeues n pointers, all or none, several consumers. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_mc_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
	unsigned int *available)
{
	return rte_ring_mc_dequeue_bulk_elem(r, obj_table, sizeof(void *), n,
		available);
}

/** Dequeues n pointers, all or none, one consumer. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_sc_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
	unsigned int *available)
{
	return rte_ring_sc_dequeue_bulk_elem(r, obj_table, sizeof(void *), n,
		available);
}

/** Dequeues n pointers, all or none, in the consumer mode. @return n or 0. */
static __rte_always_inline unsigned int
rte_ring_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
	unsigned int *available)
{
	return rte_ring_dequeue_bulk_elem(r, obj_table, sizeof(void *), n,
		available);
}

/** Dequeues one pointer, several consumers. @return 0 or -ENOENT. */
static __rte_always_inline int
rte_ring_mc_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_mc_dequeue_elem(r, obj_p, sizeof(void *));
}

/** Dequeues one pointer, one consumer. @return 0 or -ENOENT. */
static __rte_always_inline int
rte_ring_sc_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_sc_dequeue_elem(r, obj_p, sizeof(void *));
}

/** Dequeues one pointer in the consumer mode. @return 0 or -ENOENT. */
static __rte_always_inline int
rte_ring_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_dequeue_elem(r, obj_p, sizeof(void *));
}

/**
 * Number of objects in the ring. Exact when no operation is running;
 * otherwise a value the ring had recently.
 */
static inline unsigned int
rte_ring_count(const struct rte_ring *r)
{
	uint32_t prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_RELAXED);
	uint32_t cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_RELAXED);
	/* Two loads that are not one snapshot: clamp what they give. */
	uint32_t count = (prod_tail - cons_tail) & r->mask;

	return count > r->capacity ? r->capacity : count;
}

/** Number of free slots: capacity - rte_ring_count(). */
static inline unsigned int
rte_ring_free_count(const struct rte_ring *r)
{
	return r->capacity - rte_ring_count(r);
}

/** @return 1 when the ring is full, 0 otherwise. */
static inline int
rte_ring_full(const struct rte_ring *r)
{
	return rte_ring_free_count(r) == 0;
}

/** @return 1 when the ring is empty, 0 otherwise. */
static inline int
rte_ring_empty(const struct rte_ring *r)
{
	uint32_t prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_RELAXED);
	uint32_t cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_RELAXED);

	return prod_tail == cons_tail;
}

/** Number of slots (a power of two; not what it can hold, see below). */
static inline unsigned int
rte_ring_get_size(const struct rte_ring *r)
{
	return r->size;
}

/** Number of objects the ring can hold. */
static inline unsigned int
rte_ring_get_capacity(const struct rte_ring *r)
{
	return r->capacity;
}

/** The producers' mode. */
static inline enum rte_ring_sync_type
rte_ring_get_prod_sync_type(const struct rte_ring *r)
{
	return r->prod.sync_type;
}

/** @return non-zero when the ring is single-producer by default. */
static inline int
rte_ring_is_prod_single(const struct rte_ring *r)
{
	return rte_ring_get_prod_sync_type(r) == RTE_RING_SYNC_ST;
}

/** The consumers' mode. */
static inline enum rte_ring_sync_type
rte_ring_get_cons_sync_type(const struct rte_ring *r)
{
	return r->cons.sync_type;
}

/** @return non-zero when the ring is single-consumer by default. */
static inline int
rte_ring_is_cons_single(const struct rte_ring *r)
{
	return rte_ring_get_cons_sync_type(r) == RTE_RING_SYNC_ST;
}

/** Enqueues up to n pointers, several producers. @return the count. */
static __rte_always_inline unsigned int
rte_ring_mp_enqueue_burst(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_mp_enqueue_burst_elem(r, obj_table, sizeof(void *), n,
		free_space);
}

/** Enqueues up to n pointers, one producer. @return the count. */
static __rte_always_inline unsigned int
rte_ring_sp_enqueue_burst(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_sp_enqueue_burst_elem(r, obj_table, sizeof(void *), n,
		free_space);
}

/** Enqueues up to n pointers in the producer mode. @return the count. */
static __rte_always_inline unsigned int
rte_ring_enqueue_burst(struct rte_ring *r, void *const *obj_table,
	unsigned int n, unsigned int *free_space)
{
	return rte_ring_enqueue_burst_elem(r, obj_table, sizeof(void *), n,
		free_space);
}

/** Dequeues up to n pointers, several consumers. @return the count. */
static __rte_always_inline unsigned int
rte_ring_mc_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
	unsigned int *available)
{
	return rte_ring_mc_dequeue_burst_elem(r, obj_table, sizeof(void *), n,
		available);
}

/** Dequeues up to n pointers, one consumer. @return the count. */
static __rte_always_inline unsigned int
rte_ring_sc_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
	unsigned int *available)
{
	return rte_ring_sc_dequeue_burst_elem(r, obj_table, sizeof(void *), n,
		available);
}

/** Dequeues up to n pointers in the consumer mode. @return the count. */
static __rte_always_inline unsigned int
rte_ring_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
	unsigned int *available)
{
	return rte_ring_dequeue_burst_elem(r, obj_table, sizeof(void *), n,
		available);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_H_ */
