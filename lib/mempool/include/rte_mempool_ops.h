/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Mempool handlers: the interface between a mempool and the store that
 * holds its free objects (a ring, a stack, ...). Applications include
 * rte_mempool.h, which includes this file; a handler needs both.
 *
 * A handler fills a struct rte_mempool_ops and registers it once with
 * RTE_MEMPOOL_REGISTER_OPS (a constructor). A pool records the index of
 * its handler in rte_mempool_ops_table, so the fast path reaches the
 * callbacks with one load and one indirect call.
 */
#ifndef _RTE_MEMPOOL_OPS_H_
#define _RTE_MEMPOOL_OPS_H_

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <rte_config.h>
#include <rte_common.h>
#include <rte_spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_mempool;

/** What a handler tells about itself (rte_mempool_ops_get_info()). */
struct rte_mempool_info {
	/** Objects per block for rte_mempool_get_contig_blocks(), 0: none. */
	unsigned int contig_block_size;
} __rte_cache_aligned;

#define RTE_MEMPOOL_OPS_NAMESIZE \
	32 /**< bytes of a handler name, NUL included */

/** Creates the store for mp and sets mp->pool_data. 0 or -errno. */
typedef int (*rte_mempool_alloc_t)(struct rte_mempool *mp);

/** Frees mp's store. */
typedef void (*rte_mempool_free_t)(struct rte_mempool *mp);

/** Stores n objects. 0, or -errno (never for a store sized for the pool). */
typedef int (*rte_mempool_enqueue_t)(struct rte_mempool *mp,
	void *const *obj_table, unsigned int n);

/** Takes n objects, all or none: 0, or -errno (-ENOBUFS: too few). */
typedef int (*rte_mempool_dequeue_t)(struct rte_mempool *mp, void **obj_table,
	unsigned int n);

/** Takes n blocks of contiguous objects. 0 or -errno. */
typedef int (*rte_mempool_dequeue_contig_blocks_t)(struct rte_mempool *mp,
	void **first_obj_table, unsigned int n);

/** Objects in the store. */
typedef unsigned int (*rte_mempool_get_count)(const struct rte_mempool *mp);

/**
 * Memory needed for obj_num objects.
 * @param pg_shift log2 of the boundary objects must not cross, 0 for none.
 * @param min_chunk_size receives the smallest useful chunk.
 * @param align receives the alignment the memory needs.
 * @return bytes, or -errno.
 */
typedef ssize_t (*rte_mempool_calc_mem_size_t)(const struct rte_mempool *mp,
	uint32_t obj_num, uint32_t pg_shift, size_t *min_chunk_size,
	size_t *align);

/**
 * The default calc_mem_size, with chunk_reserve bytes kept free at the
 * start of every page (of the whole area when pg_shift is 0). An object
 * bigger than a page gets whole pages of its own.
 */
ssize_t rte_mempool_op_calc_mem_size_helper(const struct rte_mempool *mp,
	uint32_t obj_num, uint32_t pg_shift, size_t chunk_reserve,
	size_t *min_chunk_size, size_t *align);

/** rte_mempool_op_calc_mem_size_helper() with chunk_reserve 0. */
ssize_t rte_mempool_op_calc_mem_size_default(const struct rte_mempool *mp,
	uint32_t obj_num, uint32_t pg_shift, size_t *min_chunk_size,
	size_t *align);

/** Called by a populate callback on every object it lays out. */
typedef void(rte_mempool_populate_obj_cb_t)(struct rte_mempool *mp,
	void *opaque, void *vaddr, rte_iova_t iova);

/**
 * Lays out at most max_objs objects in [vaddr, vaddr + len), calls obj_cb
 * on each, and stores them (rte_mempool_ops_enqueue_bulk()).
 * @param iova IO address of vaddr, or RTE_BAD_IOVA.
 * @return objects laid out, or -errno (then none is).
 */
typedef int (*rte_mempool_populate_t)(struct rte_mempool *mp,
	unsigned int max_objs, void *vaddr, rte_iova_t iova, size_t len,
	rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg);

/** rte_mempool_op_populate_helper(): object headers at multiples of the total size. */
#define RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ 0x0001

/**
 * The default populate: objects one after the other, skipping to the
 * next boundary (rte_mempool_get_page_size()) rather than crossing it.
 * @param flags 0 or RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ.
 */
int rte_mempool_op_populate_helper(struct rte_mempool *mp, unsigned int flags,
	unsigned int max_objs, void *vaddr, rte_iova_t iova, size_t len,
	rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg);

/** rte_mempool_op_populate_helper() with flags 0. */
int rte_mempool_op_populate_default(struct rte_mempool *mp,
	unsigned int max_objs, void *vaddr, rte_iova_t iova, size_t len,
	rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg);

/** Fills info. 0 or -errno. */
typedef int (*rte_mempool_get_info_t)(const struct rte_mempool *mp,
	struct rte_mempool_info *info);

/** A handler. alloc, free, enqueue, dequeue and get_count are required. */
struct rte_mempool_ops {
	char name[RTE_MEMPOOL_OPS_NAMESIZE];	   /**< unique name */
	rte_mempool_alloc_t alloc;		   /**< creates the store */
	rte_mempool_free_t free;		   /**< frees the store */
	rte_mempool_enqueue_t enqueue;		   /**< stores objects */
	rte_mempool_dequeue_t dequeue;		   /**< takes objects */
	rte_mempool_get_count get_count;	   /**< objects stored */
	rte_mempool_calc_mem_size_t calc_mem_size; /**< optional */
	rte_mempool_populate_t populate;	   /**< optional */
	rte_mempool_get_info_t get_info;	   /**< optional */
	rte_mempool_dequeue_contig_blocks_t dequeue_contig_blocks; /**< optional */
} __rte_cache_aligned;

#define RTE_MEMPOOL_MAX_OPS_IDX 16 /**< most handlers registered at once */

/** Every registered handler. Written only while registering. */
struct rte_mempool_ops_table {
	rte_spinlock_t sl; /**< serialises registrations */
	uint32_t num_ops;  /**< handlers registered */
	struct rte_mempool_ops ops[RTE_MEMPOOL_MAX_OPS_IDX]; /**< the handlers */
} __rte_cache_aligned;

/** The registered handlers. */
extern struct rte_mempool_ops_table rte_mempool_ops_table;

/** Objects in mp's store (internal). */
unsigned int rte_mempool_ops_get_count(const struct rte_mempool *mp);

/** The handler's calc_mem_size, or the default one (internal). */
ssize_t
rte_mempool_ops_calc_mem_size(const struct rte_mempool *mp, uint32_t obj_num,
	uint32_t pg_shift, size_t *min_chunk_size, size_t *align);

/** The handler's populate, or the default one (internal). */
int rte_mempool_ops_populate(struct rte_mempool *mp, unsigned int max_objs,
	void *vaddr, rte_iova_t iova, size_t len,
	rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg);

/**
 * Asks mp's handler for its info.
 * @return 0, -ENOTSUP when the handler has no get_info, -EINVAL.
 */
int rte_mempool_ops_get_info(const struct rte_mempool *mp,
	struct rte_mempool_info *info);

/** Frees mp's store (internal). */
void rte_mempool_ops_free(struct rte_mempool *mp);

/**
 * Chooses mp's handler by name. Only before the pool has memory (right
 * after rte_mempool_create_empty()).
 * @param pool_config stored in mp->pool_config for the handler.
 * @return 0; -EINVAL for a NULL argument or an unknown name; -EEXIST
 *   when the pool's store already exists.
 */
int rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name,
	void *pool_config);

/**
 * Registers a handler (the table keeps a copy).
 * @return its index (>= 0); -EINVAL for a NULL ops, a missing callback
 *   or an empty or too long name; -EEXIST when a handler has that name;
 *   -ENOSPC when RTE_MEMPOOL_MAX_OPS_IDX handlers exist.
 */
int rte_mempool_register_ops(const struct rte_mempool_ops *ops);

/** Registers a handler from a constructor (errors are only logged). */
#define RTE_MEMPOOL_REGISTER_OPS(ops) \
	RTE_INIT(mp_hdlr_init_##ops) \
	{ \
		rte_mempool_register_ops(&ops); \
	}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMPOOL_OPS_H_ */
