/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Mempools: pools of fixed-size objects (mbufs, descriptors, ...) that
 * lcores take and give back without a system call or a lock.
 *
 * A pool is made once, with its size n, and never grows. Its objects live
 * in one or more memory chunks (memzones by default); each object is laid
 * out as
 *
 *     | header_size bytes      | elt_size bytes | trailer_size bytes |
 *     | ...padding | objhdr    | the object     | [objtlr] padding   |
 *                              ^
 *                              the pointer get() hands out
 *
 * The header right before the object names the owning pool and holds the
 * object's IO address; the trailer only holds padding (and a cookie in
 * debug builds). With the default flags every object starts on a cache
 * line, and an object never crosses a page boundary where a device would
 * need it IOVA-contiguous (IOVA-as-PA mode).
 *
 * Free objects sit in the pool's common store, whose implementation is
 * pluggable through an ops table (rte_mempool_ops): a lock-free ring by
 * default ("ring_mp_mc", "ring_sp_sc", "ring_mp_sc", "ring_sp_mc", and
 * "ring_mt_rts", "ring_mt_hts" for lcores that share CPUs) or a
 * lock-protected stack ("stack"). In front of the store each EAL lcore has
 * a private cache of up to 1.5 * cache_size object pointers, so that most
 * get/put calls touch only memory of their own lcore. Threads that are
 * not EAL lcores (rte_lcore_id() == LCORE_ID_ANY) have no default cache:
 * they go to the store directly, or bring a cache of their own
 * (rte_mempool_cache_create() and the generic get/put functions).
 *
 * Thread safety: get and put are safe from any number of threads with the
 * multi-producer/multi-consumer handlers; a default cache belongs to one
 * lcore and must only be used by the thread running on it. Creation,
 * population, free, lookup and walk are serialised by a lock.
 */
#ifndef _RTE_MEMPOOL_H_
#define _RTE_MEMPOOL_H_

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>
#include <sys/types.h>

#include <rte_config.h>
#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_debug.h>
#include <rte_lcore.h>
#include <rte_memcpy.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_ring.h>
#include <rte_mempool_ops.h>
#include <rte_spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Cookies of debug builds: allocated object, free object, trailer. */
#define RTE_MEMPOOL_HEADER_COOKIE1 0xbadbadbadadd2e55ULL
#define RTE_MEMPOOL_HEADER_COOKIE2 0xf2eef2eedadd2e55ULL
#define RTE_MEMPOOL_TRAILER_COOKIE 0xadd2e55badbadbadULL

#ifndef RTE_STAILQ_HEAD
#define RTE_STAILQ_HEAD(name, type) STAILQ_HEAD(name, type)
#define RTE_STAILQ_ENTRY(type)	    STAILQ_ENTRY(type)
#endif

/**
 * A cache of free object pointers: an lcore's default cache or a
 * user-owned one. objs[0 .. len) are free objects, the most recently
 * freed at the top (len - 1), which get() hands out first while they are
 * still warm in the CPU caches.
 */
struct rte_mempool_cache {
	uint32_t size;	      /**< objects kept after a refill */
	uint32_t flushthresh; /**< most objects it holds (1.5 * size) */
	uint32_t len;	      /**< objects in the cache now */
	/**
	 * Room for a flush threshold's worth of puts and for a refill of
	 * size + RTE_MEMPOOL_CACHE_MAX_SIZE objects.
	 */
	void *objs[RTE_MEMPOOL_CACHE_MAX_SIZE * 2] __rte_cache_aligned;
} __rte_cache_aligned;

/** The sizes of one object's parts (rte_mempool_calc_obj_size()). */
struct rte_mempool_objsz {
	uint32_t elt_size;     /**< the object itself, rounded up to 8 */
	uint32_t header_size;  /**< bytes before the object */
	uint32_t trailer_size; /**< bytes after the object */
	uint32_t total_size;   /**< header + object + trailer */
};

/** Prefix of the memzone holding a pool ("MP_<name>"). */
#define RTE_MEMPOOL_MZ_PREFIX "MP_"
#define RTE_MEMPOOL_MZ_FORMAT RTE_MEMPOOL_MZ_PREFIX "%s"

/**
 * Longest pool name, NUL included: the ring handler names its ring
 * "MP_<name>", which must fit a ring name.
 */
#define RTE_MEMPOOL_NAMESIZE \
	(RTE_RING_NAMESIZE - sizeof(RTE_MEMPOOL_MZ_PREFIX) + 1)

#ifndef RTE_MEMPOOL_ALIGN
#define RTE_MEMPOOL_ALIGN RTE_CACHE_LINE_SIZE /**< object alignment */
#endif
#define RTE_MEMPOOL_ALIGN_MASK (RTE_MEMPOOL_ALIGN - 1)

/**
 * The header in front of every object. It links the pool's objects for
 * rte_mempool_obj_iter() and lets rte_mempool_from_obj() and
 * rte_mempool_virt2iova() work from the object pointer alone.
 */
struct rte_mempool_objhdr {
	RTE_STAILQ_ENTRY(rte_mempool_objhdr)
	next;			/**< next object of the pool */
	struct rte_mempool *mp; /**< the owning pool */
	rte_iova_t iova;	/**< IO address of the object */
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	uint64_t cookie; /**< COOKIE1 when handed out, COOKIE2 when free */
#endif
};

/** List of a pool's object headers. */
RTE_STAILQ_HEAD(rte_mempool_objhdr_list, rte_mempool_objhdr);

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
/** Debug builds: the cookie right after every object. */
struct rte_mempool_objtlr {
	uint64_t cookie; /**< RTE_MEMPOOL_TRAILER_COOKIE */
};
#endif

/** List of a pool's memory chunks. */
RTE_STAILQ_HEAD(rte_mempool_memhdr_list, rte_mempool_memhdr);

/** Releases a memory chunk when its pool is freed. */
typedef void(rte_mempool_memchunk_free_cb_t)(struct rte_mempool_memhdr *memhdr,
	void *opaque);

/** One memory chunk of a pool: virtually (and, with an iova, IO) contiguous. */
struct rte_mempool_memhdr {
	RTE_STAILQ_ENTRY(rte_mempool_memhdr) next; /**< next chunk */
	struct rte_mempool *mp;			   /**< the owning pool */
	void *addr;				   /**< virtual address */
	rte_iova_t iova; /**< IO address, or RTE_BAD_IOVA */
	size_t len;	 /**< bytes */
	rte_mempool_memchunk_free_cb_t *free_cb; /**< releases it, or NULL */
	void *opaque;				 /**< free_cb's argument */
};

/**
 * A mempool. It lives at the start of its memzone, followed by the
 * default caches (when cache_size != 0) and the private area. Read-only
 * for applications.
 */
struct rte_mempool {
	char name[RTE_MEMPOOL_NAMESIZE]; /**< unique name */
	RTE_STD_C11
	union {
		void *pool_data;  /**< the handler's store (a ring, ...) */
		uint64_t pool_id; /**< or a handler's identifier */
	};
	void *pool_config; /**< argument of rte_mempool_set_ops_byname() */
	const struct rte_memzone *mz; /**< memzone holding this struct */
	unsigned int flags;	      /**< RTE_MEMPOOL_F_* */
	int socket_id;		      /**< socket given at creation */
	uint32_t size;		      /**< most objects the pool holds */
	uint32_t cache_size;   /**< size of each default cache, 0: none */
	uint32_t elt_size;     /**< object bytes */
	uint32_t header_size;  /**< bytes before each object */
	uint32_t trailer_size; /**< bytes after each object */
	unsigned int private_data_size; /**< private area bytes */
	int32_t ops_index; /**< handler: index in rte_mempool_ops_table */
	struct rte_mempool_cache *local_cache; /**< RTE_MAX_LCORE default caches */
	uint32_t populated_size;	       /**< objects added so far */
	struct rte_mempool_objhdr_list elt_list; /**< every object */
	uint32_t nb_mem_chunks;			 /**< memory chunks */
	struct rte_mempool_memhdr_list mem_list; /**< every memory chunk */
} __rte_cache_aligned;

/** Objects are not padded to spread them over memory channels. */
#define RTE_MEMPOOL_F_NO_SPREAD 0x0001
#define MEMPOOL_F_NO_SPREAD	RTE_MEMPOOL_F_NO_SPREAD
/** Objects are not cache-line aligned (implies NO_SPREAD). */
#define RTE_MEMPOOL_F_NO_CACHE_ALIGN 0x0002
#define MEMPOOL_F_NO_CACHE_ALIGN     RTE_MEMPOOL_F_NO_CACHE_ALIGN
/** Only one thread at a time puts into the common store. */
#define RTE_MEMPOOL_F_SP_PUT 0x0004
#define MEMPOOL_F_SP_PUT     RTE_MEMPOOL_F_SP_PUT
/** Only one thread at a time gets from the common store. */
#define RTE_MEMPOOL_F_SC_GET 0x0008
#define MEMPOOL_F_SC_GET     RTE_MEMPOOL_F_SC_GET
/** Set by the library once the handler's store exists. */
#define RTE_MEMPOOL_F_POOL_CREATED 0x0010
/** Objects need not be IOVA-contiguous (may cross any page boundary). */
#define RTE_MEMPOOL_F_NO_IOVA_CONTIG 0x0020
#define MEMPOOL_F_NO_IOVA_CONTIG     RTE_MEMPOOL_F_NO_IOVA_CONTIG
/** Set by the library while no object has an IO address. */
#define RTE_MEMPOOL_F_NON_IO 0x0040

/** The flags an application may pass at creation. */
#define RTE_MEMPOOL_VALID_USER_FLAGS \
	(RTE_MEMPOOL_F_NO_SPREAD | RTE_MEMPOOL_F_NO_CACHE_ALIGN | \
		RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET | \
		RTE_MEMPOOL_F_NO_IOVA_CONTIG)

/* Statistics are not kept: these compile to nothing. */
#define RTE_MEMPOOL_STAT_ADD(mp, name, n) \
	do { \
	} while (0)
#define RTE_MEMPOOL_CACHE_STAT_ADD(cache, name, n) \
	do { \
	} while (0)

/** Bytes from the start of a pool to its private area. */
#define RTE_MEMPOOL_HEADER_SIZE(mp, cs) \
	(sizeof(*(mp)) + \
		(((cs) == 0) ? 0 : \
			       (sizeof(struct rte_mempool_cache) * \
				       RTE_MAX_LCORE)))

/** The header of an object (internal). */
static inline struct rte_mempool_objhdr *
rte_mempool_get_header(void *obj)
{
	return (struct rte_mempool_objhdr *)RTE_PTR_SUB(obj,
		sizeof(struct rte_mempool_objhdr));
}

/**
 * The pool an object belongs to. obj must be an object of some pool
 * (anything else is undefined behaviour).
 */
static inline struct rte_mempool *
rte_mempool_from_obj(void *obj)
{
	return rte_mempool_get_header(obj)->mp;
}

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
/** The trailer of an object (internal, debug builds). */
static inline struct rte_mempool_objtlr *
rte_mempool_get_trailer(void *obj)
{
	struct rte_mempool *mp = rte_mempool_from_obj(obj);

	return (struct rte_mempool_objtlr *)RTE_PTR_ADD(obj, mp->elt_size);
}
#endif

/**
 * Debug builds: checks the cookies of n objects and flips them.
 * free 0: the objects are being put (must be handed out; marked free);
 * 1: they were just taken (must be free; marked handed out); 2: either.
 * A bad cookie (double free, an object of another pool, an overwritten
 * header or trailer) is logged and then, as in DPDK, rte_panic()s: the
 * pool is corrupt and carrying on would hand one buffer to two users.
 * Without RTE_LIBRTE_MEMPOOL_DEBUG it does nothing.
 */
void rte_mempool_check_cookies(const struct rte_mempool *mp,
	void *const *obj_table_const, unsigned int n, int free);

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
#define RTE_MEMPOOL_CHECK_COOKIES(mp, obj_table_const, n, free) \
	rte_mempool_check_cookies(mp, obj_table_const, n, free)
#else
#define RTE_MEMPOOL_CHECK_COOKIES(mp, obj_table_const, n, free) \
	do { \
	} while (0)
#endif

/** rte_mempool_check_cookies() on the objects of n contiguous blocks. */
void rte_mempool_contig_blocks_check_cookies(const struct rte_mempool *mp,
	void *const *first_obj_table_const, unsigned int n, int free);

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
#define RTE_MEMPOOL_CONTIG_BLOCKS_CHECK_COOKIES(mp, first_obj_table_const, n, \
	free) \
	rte_mempool_contig_blocks_check_cookies(mp, first_obj_table_const, n, \
		free)
#else
#define RTE_MEMPOOL_CONTIG_BLOCKS_CHECK_COOKIES(mp, first_obj_table_const, n, \
	free) \
	do { \
	} while (0)
#endif

/**
 * The handler at ops_index (internal). The index comes from a pool made
 * by this library and is not checked, except in debug builds, which
 * rte_panic() on a bad one as DPDK does.
 */
static inline struct rte_mempool_ops *
rte_mempool_get_ops(int ops_index)
{
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	RTE_VERIFY(ops_index >= 0 && ops_index < RTE_MEMPOOL_MAX_OPS_IDX);
#endif
	return &rte_mempool_ops_table.ops[ops_index];
}

/** Creates mp's store with its handler (internal). 0 or -errno. */
int rte_mempool_ops_alloc(struct rte_mempool *mp);

/** Takes n objects from mp's store (internal). 0 or -errno. */
static inline int
rte_mempool_ops_dequeue_bulk(struct rte_mempool *mp, void **obj_table,
	unsigned int n)
{
	return rte_mempool_get_ops(mp->ops_index)->dequeue(mp, obj_table, n);
}

/** Takes n blocks from mp's store (internal). 0, -ENOTSUP or -errno. */
static inline int
rte_mempool_ops_dequeue_contig_blocks(struct rte_mempool *mp,
	void **first_obj_table, unsigned int n)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->dequeue_contig_blocks == NULL)
		return -ENOTSUP;
	return ops->dequeue_contig_blocks(mp, first_obj_table, n);
}

/**
 * Stores n objects into mp's store (internal). 0 or -errno; a pool's
 * store always has room for all of its objects, so this does not fail
 * for objects of the pool.
 */
static inline int
rte_mempool_ops_enqueue_bulk(struct rte_mempool *mp, void *const *obj_table,
	unsigned int n)
{
	int ret;

	ret = rte_mempool_get_ops(mp->ops_index)->enqueue(mp, obj_table, n);
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	if (unlikely(ret < 0))
		RTE_LOG(CRIT, MEMPOOL, "cannot store %u objects into pool %s\n",
			n, mp->name);
#endif
	return ret;
}

/** Called on every object by rte_mempool_create() and rte_mempool_obj_iter(). */
typedef void(rte_mempool_obj_cb_t)(struct rte_mempool *mp, void *opaque,
	void *obj, unsigned int obj_idx);
typedef rte_mempool_obj_cb_t rte_mempool_obj_ctor_t; /* old name */

/** Called on every memory chunk by rte_mempool_mem_iter(). */
typedef void(rte_mempool_mem_cb_t)(struct rte_mempool *mp, void *opaque,
	struct rte_mempool_memhdr *memhdr, unsigned int mem_idx);

/** Called once on a new pool by rte_mempool_create(), before the objects. */
typedef void(rte_mempool_ctor_t)(struct rte_mempool *, void *);

/**
 * Creates and populates a pool of n objects of elt_size bytes.
 *
 * @param name unique name, at most RTE_MEMPOOL_NAMESIZE - 1 characters.
 * @param n number of objects (a power of two minus one wastes no ring slot).
 * @param elt_size bytes per object.
 * @param cache_size objects each lcore's default cache keeps, 0 for no
 *   cache; at most RTE_MEMPOOL_CACHE_MAX_SIZE and at most n / 1.5
 *   (objects above cache_size * 1.5 would never leave the caches).
 * @param private_data_size bytes of private area (rte_mempool_get_priv()),
 *   rounded up to a cache line.
 * @param mp_init called once on the pool before the objects are made
 *   (to fill the private area), or NULL.
 * @param obj_init called on every object after population, or NULL.
 * @param socket_id NUMA socket of the memory, or SOCKET_ID_ANY.
 * @param flags RTE_MEMPOOL_F_* from RTE_MEMPOOL_VALID_USER_FLAGS. SP_PUT
 *   and SC_GET select the ring_sp_* / ring_*_sc handlers.
 * @return the pool, or NULL with rte_errno:
 *   - E_RTE_NO_CONFIG: rte_eal_init() has not run
 *   - EINVAL: NULL or empty name, n == 0, cache_size too big for the
 *     limit or for n, unknown flags, elt_size too big
 *   - ENAMETOOLONG: the name is too long
 *   - EEXIST: a pool (or a memzone "MP_<name>") has that name
 *   - ENOSPC: no memzone slot is left
 *   - ENOMEM: not enough memory
 *   Nothing is left allocated after a failure.
 */
struct rte_mempool *rte_mempool_create(const char *name, unsigned int n,
	unsigned int elt_size, unsigned int cache_size,
	unsigned int private_data_size, rte_mempool_ctor_t *mp_init,
	void *mp_init_arg, rte_mempool_obj_cb_t *obj_init, void *obj_init_arg,
	int socket_id, unsigned int flags);

/**
 * Creates a pool without memory: the caller may choose a handler with
 * rte_mempool_set_ops_byname(), then adds memory with the populate
 * functions. Parameters and errors as rte_mempool_create().
 */
struct rte_mempool *rte_mempool_create_empty(const char *name, unsigned int n,
	unsigned int elt_size, unsigned int cache_size,
	unsigned int private_data_size, int socket_id, unsigned int flags);

/**
 * Frees a pool: its memory chunks, its store and its memzone. Objects
 * still handed out become invalid. NULL does nothing.
 */
void rte_mempool_free(struct rte_mempool *mp);

/**
 * Adds a memory chunk that is contiguous in virtual and, when iova is not
 * RTE_BAD_IOVA, in IO address space; objects are carved from it until the
 * pool is full or the chunk is used up.
 * @param free_cb called with opaque when the pool is freed, or NULL.
 * @return objects added (> 0); 0 when not even one object fits (the
 *   chunk is not kept); -ENOSPC when the pool is full; -ENOMEM; -EINVAL
 *   for a NULL pool or address.
 */
int
rte_mempool_populate_iova(struct rte_mempool *mp, char *vaddr, rte_iova_t iova,
	size_t len, rte_mempool_memchunk_free_cb_t *free_cb, void *opaque);

/**
 * Adds virtually contiguous memory made of pages of pg_sz bytes (addr and
 * len page-aligned); it is split into IOVA-contiguous runs.
 * @return as rte_mempool_populate_iova(); -EINVAL for misaligned memory.
 */
int rte_mempool_populate_virt(struct rte_mempool *mp, char *addr, size_t len,
	size_t pg_sz, rte_mempool_memchunk_free_cb_t *free_cb, void *opaque);

/**
 * Fills the pool with memzones (the way rte_mempool_create() does).
 * @return the pool's object count, or a negative errno (-EEXIST: already
 *   has memory; -ENOMEM; -ENOSPC; the handler's error); on error every
 *   chunk added by this call is released again.
 */
int rte_mempool_populate_default(struct rte_mempool *mp);

/**
 * Fills the pool with an anonymous mapping locked in memory (not EAL
 * memory: in IOVA-as-PA mode only objects within one page get an iova).
 * @return the pool's object count, or 0 with rte_errno (EEXIST: already
 *   has memory; ENOMEM; errno of mmap() or mlock()).
 */
int rte_mempool_populate_anon(struct rte_mempool *mp);

/**
 * Calls obj_cb on every object of the pool, free or not.
 * @return the number of objects.
 */
uint32_t rte_mempool_obj_iter(struct rte_mempool *mp,
	rte_mempool_obj_cb_t *obj_cb, void *obj_cb_arg);

/**
 * Calls mem_cb on every memory chunk of the pool.
 * @return the number of chunks.
 */
uint32_t rte_mempool_mem_iter(struct rte_mempool *mp,
	rte_mempool_mem_cb_t *mem_cb, void *mem_cb_arg);

/** Prints the pool's parameters, chunks and cache and store counts. */
void rte_mempool_dump(FILE *f, struct rte_mempool *mp);

/**
 * Creates a cache that a thread owns (for instance a non-EAL thread,
 * which has no default cache) and passes to the generic get/put calls.
 * @param size objects it keeps, 1..RTE_MEMPOOL_CACHE_MAX_SIZE.
 * @return the cache, or NULL with rte_errno EINVAL (size) or ENOMEM
 *   (or E_RTE_NO_CONFIG).
 */
struct rte_mempool_cache *
rte_mempool_cache_create(uint32_t size, int socket_id);

/**
 * Frees a user-owned cache. Flush it first: objects still in it are not
 * returned to their pool. NULL does nothing.
 */
void rte_mempool_cache_free(struct rte_mempool_cache *cache);

/**
 * The default cache of an lcore.
 * @return it, or NULL when the pool has no cache or lcore_id is not an
 *   lcore (LCORE_ID_ANY).
 */
static __rte_always_inline struct rte_mempool_cache *
rte_mempool_default_cache(struct rte_mempool *mp, unsigned int lcore_id)
{
	if (mp->cache_size == 0 || lcore_id >= RTE_MAX_LCORE)
		return NULL;
	return &mp->local_cache[lcore_id];
}

/**
 * Moves every object of a cache to mp's common store. cache NULL means
 * the caller's default cache.
 */
static __rte_always_inline void
rte_mempool_cache_flush(struct rte_mempool_cache *cache, struct rte_mempool *mp)
{
	if (cache == NULL)
		cache = rte_mempool_default_cache(mp, rte_lcore_id());
	if (cache == NULL || cache->len == 0)
		return;
	rte_mempool_ops_enqueue_bulk(mp, cache->objs, cache->len);
	cache->len = 0;
}

/*
 * A pointer to slot len of a cache's array, held in a register (internal),
 * for the single-object get and put. Written as &cache->objs[len], the
 * slot is addressed as base + index * 8 in the instruction itself, and a
 * get that loads the slot a put has just stored (an mbuf freed and
 * allocated again) is then far slower on an Intel Xeon:
 * rte_pktmbuf_alloc() + rte_pktmbuf_free() took 13.5-21 TSC cycles that
 * way against 9.3-10 with both accesses through a register
 * (doc/performance.md, "The slot address"). The empty asm emits nothing;
 * it hides the pointer's origin from the compiler.
 */
static __rte_always_inline void **
rte_mempool_cache_slot_(struct rte_mempool_cache *cache, uint32_t len)
{
	void **slot = &cache->objs[len];

	__asm__("" : "+r"(slot));
	return slot;
}

/*
 * Copies n object pointers (internal). Blocks of four, then the last one
 * to three; each block is loaded whole before it is stored, so that
 * compilers may use vector moves (stored one by one, a source that might
 * overlap dst keeps them to pointer-sized moves: get_bulk + put_bulk of
 * 32 took 0.98 TSC cycles per object that way against 0.74, on an Intel
 * Xeon). Written as one element loop, the copy would become a call to
 * memcpy(), which costs more than the copy itself for the few pointers
 * of a typical put (and a fixed-size memcpy() per block draws over-read
 * warnings from -O0 sanitizer builds).
 */
static __rte_always_inline void
rte_mempool_copy_objs_(void **dst, void *const *src, unsigned int n)
{
	void *a, *b, *c, *d;
	unsigned int i;

	for (i = 0; i + 4 <= n; i += 4) {
		a = src[i];
		b = src[i + 1];
		c = src[i + 2];
		d = src[i + 3];
		dst[i] = a;
		dst[i + 1] = b;
		dst[i + 2] = c;
		dst[i + 3] = d;
	}
	if (n & 2) {
		a = src[i];
		b = src[i + 1];
		dst[i] = a;
		dst[i + 1] = b;
		i += 2;
	}
	if (n & 1)
		dst[i] = src[i];
}

/**
 * Puts n objects into mp through cache (internal: no cookie check).
 *
 * The objects are appended to the cache. When they would lift it above
 * its flush threshold, the cache's whole content goes to the store in one
 * bulk first, so the store is visited once per roughly flushthresh
 * objects and the objects just freed (the warmest) are the ones kept.
 * A put bigger than the threshold bypasses the cache.
 */
static __rte_always_inline void
rte_mempool_do_generic_put(struct rte_mempool *mp, void *const *obj_table,
	unsigned int n, struct rte_mempool_cache *cache)
{
	uint32_t len;

	if (unlikely(cache == NULL || n > cache->flushthresh)) {
		rte_mempool_ops_enqueue_bulk(mp, obj_table, n);
		return;
	}
	len = cache->len;
	if (unlikely(len + n > cache->flushthresh)) {
		rte_mempool_ops_enqueue_bulk(mp, cache->objs, len);
		len = 0;
	}
	cache->len = len + n;
	rte_mempool_copy_objs_(&cache->objs[len], obj_table, n);
}

/**
 * Puts n objects back into mp through cache (NULL: straight to the store).
 * Putting never fails.
 */
static __rte_always_inline void
rte_mempool_generic_put(struct rte_mempool *mp, void *const *obj_table,
	unsigned int n, struct rte_mempool_cache *cache)
{
	RTE_MEMPOOL_CHECK_COOKIES(mp, obj_table, n, 0);
	rte_mempool_do_generic_put(mp, obj_table, n, cache);
}

/** Puts n objects back through the caller's default cache. */
static __rte_always_inline void
rte_mempool_put_bulk(struct rte_mempool *mp, void *const *obj_table,
	unsigned int n)
{
	rte_mempool_generic_put(mp, obj_table, n,
		rte_mempool_default_cache(mp, rte_lcore_id()));
}

/**
 * Puts one object back through the caller's default cache. The common
 * case, room below the flush threshold, stores obj straight into the
 * cache slot (rte_mempool_cache_slot_(), as rte_mempool_get() loads it)
 * instead of passing its address to rte_mempool_put_bulk(), which sent
 * it by the stack (doc/performance.md, "Cycles per object through the
 * lcore cache").
 */
static __rte_always_inline void
rte_mempool_put(struct rte_mempool *mp, void *obj)
{
	struct rte_mempool_cache *cache = rte_mempool_default_cache(mp,
		rte_lcore_id());
	uint32_t len;

	RTE_MEMPOOL_CHECK_COOKIES(mp, &obj, 1, 0);
	if (likely(cache != NULL)) {
		len = cache->len;
		/* rte_mempool_do_generic_put()'s no-flush case for n = 1;
		 * the flush is left to it. */
		if (likely(len < cache->flushthresh)) {
			cache->len = len + 1;
			*rte_mempool_cache_slot_(cache, len) = obj;
			return;
		}
	}
	rte_mempool_do_generic_put(mp, &obj, 1, cache);
}

/*
 * Hands out n objects from the top of a cache's array, the last one
 * stored first (internal). Four at a time, so that compilers can use
 * vector loads, shuffles and stores.
 */
static __rte_always_inline void
rte_mempool_pop_objs_(void **obj_table, void **top, unsigned int n)
{
	void *a, *b, *c, *d;

	for (; n >= 4; n -= 4) {
		top -= 4;
		a = top[0];
		b = top[1];
		c = top[2];
		d = top[3];
		obj_table[0] = d;
		obj_table[1] = c;
		obj_table[2] = b;
		obj_table[3] = a;
		obj_table += 4;
	}
	if (n & 2) {
		obj_table[0] = top[-1];
		obj_table[1] = top[-2];
		obj_table += 2;
		top -= 2;
	}
	if (n & 1)
		obj_table[0] = top[-1];
}

/*
 * The slow half of a cached get (internal, in the library): the cache
 * holds fewer than n objects. Its objects are handed out first, then it
 * is refilled from the store with cache->size objects plus the rest of
 * the request in one bulk. Out of line, so that the fast path inlined
 * into every caller (rte_pktmbuf_alloc() among them) stays a few
 * instructions with no registers to save.
 * @return 0, or the handler's negative errno with nothing taken.
 */
int __rte_mempool_cache_refill(struct rte_mempool *mp, void **obj_table,
	unsigned int n, struct rte_mempool_cache *cache);

/**
 * Takes n objects from mp through cache (internal: no cookie check).
 * @return 0, or the handler's negative errno with nothing taken.
 */
static __rte_always_inline int
rte_mempool_do_generic_get(struct rte_mempool *mp, void **obj_table,
	unsigned int n, struct rte_mempool_cache *cache)
{
	uint32_t len;

	if (unlikely(cache == NULL))
		return rte_mempool_ops_dequeue_bulk(mp, obj_table, n);
	len = cache->len;
	if (likely(n <= len)) {
		cache->len = len - n;
		rte_mempool_pop_objs_(obj_table, &cache->objs[len], n);
		return 0;
	}
	return __rte_mempool_cache_refill(mp, obj_table, n, cache);
}

/**
 * Takes n objects from mp through cache (NULL: straight from the store):
 * all of them or none. It may fail while other lcores' caches hold
 * objects.
 * @return 0, or a negative errno with nothing taken (-ENOBUFS from the
 *   built-in handlers; DPDK documents -ENOENT and returns -ENOBUFS too).
 */
static __rte_always_inline int
rte_mempool_generic_get(struct rte_mempool *mp, void **obj_table,
	unsigned int n, struct rte_mempool_cache *cache)
{
	int ret;

	ret = rte_mempool_do_generic_get(mp, obj_table, n, cache);
	if (ret == 0)
		RTE_MEMPOOL_CHECK_COOKIES(mp, obj_table, n, 1);
	return ret;
}

/** Takes n objects through the caller's default cache (all or none). */
static __rte_always_inline int
rte_mempool_get_bulk(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_mempool_generic_get(mp, obj_table, n,
		rte_mempool_default_cache(mp, rte_lcore_id()));
}

/**
 * Takes one object through the caller's default cache. 0 or -errno.
 * With objects in the cache, the top one is loaded through a register
 * (rte_mempool_cache_slot_()), as rte_mempool_put() stores it: what an
 * mbuf freed and allocated again needs. The bulk calls keep the indexed
 * form even for one object: 32 gets then 32 puts through them ran at
 * 590-620 million objects per second the other way against 870-940
 * (bench/mempool/mempool_perf.c, cache 512, bulk 1, constant n), on an
 * Intel Xeon (doc/performance.md, "The slot address").
 */
static __rte_always_inline int
rte_mempool_get(struct rte_mempool *mp, void **obj_p)
{
	struct rte_mempool_cache *cache = rte_mempool_default_cache(mp,
		rte_lcore_id());
	uint32_t len;

	if (likely(cache != NULL)) {
		len = cache->len;
		if (likely(len != 0)) {
			cache->len = len - 1;
			*obj_p = *rte_mempool_cache_slot_(cache, len - 1);
			RTE_MEMPOOL_CHECK_COOKIES(mp, obj_p, 1, 1);
			return 0;
		}
	}
	return rte_mempool_generic_get(mp, obj_p, 1, cache);
}

/**
 * Takes n blocks of contiguous objects, for handlers that have them
 * (rte_mempool_ops_get_info() gives a non-zero contig_block_size).
 * @return 0, -ENOBUFS, or -ENOTSUP when the handler has no blocks.
 */
static __rte_always_inline int
rte_mempool_get_contig_blocks(struct rte_mempool *mp, void **first_obj_table,
	unsigned int n)
{
	int ret;

	ret = rte_mempool_ops_dequeue_contig_blocks(mp, first_obj_table, n);
	if (ret == 0)
		RTE_MEMPOOL_CONTIG_BLOCKS_CHECK_COOKIES(mp, first_obj_table, n,
			1);
	return ret;
}

/**
 * Free objects: the store's count plus every default cache's (a snapshot
 * while other lcores work; capped at size). User-owned caches are not
 * counted. Slow: not for the data path.
 */
unsigned int rte_mempool_avail_count(const struct rte_mempool *mp);

/** Objects handed out: size - rte_mempool_avail_count(). */
unsigned int rte_mempool_in_use_count(const struct rte_mempool *mp);

/** 1 when every object is free (see rte_mempool_avail_count()), else 0. */
static inline int
rte_mempool_full(const struct rte_mempool *mp)
{
	return rte_mempool_avail_count(mp) == mp->size;
}

/** 1 when no object is free (see rte_mempool_avail_count()), else 0. */
static inline int
rte_mempool_empty(const struct rte_mempool *mp)
{
	return rte_mempool_avail_count(mp) == 0;
}

/**
 * The IO address of an object, or RTE_BAD_IOVA when it has none
 * (RTE_MEMPOOL_F_NO_IOVA_CONTIG, or memory without IO addresses).
 */
static inline rte_iova_t
rte_mempool_virt2iova(const void *elt)
{
	const struct rte_mempool_objhdr *hdr;

	hdr = (const struct rte_mempool_objhdr *)RTE_PTR_SUB(elt, sizeof(*hdr));
	return hdr->iova;
}

/**
 * Checks a pool: every default cache within its bounds and, in debug
 * builds, every object's cookies. As in DPDK, an inconsistency is logged
 * and then rte_panic()s: it means memory corruption.
 */
void rte_mempool_audit(struct rte_mempool *mp);

/** The private area (private_data_size bytes after the caches). */
static inline void *
rte_mempool_get_priv(struct rte_mempool *mp)
{
	return (char *)mp + RTE_MEMPOOL_HEADER_SIZE(mp, mp->cache_size);
}

/** rte_mempool_dump() of every pool. */
void rte_mempool_list_dump(FILE *f);

/**
 * The pool with that name.
 * @return it, or NULL with rte_errno ENOENT (EINVAL for a NULL name).
 */
struct rte_mempool *rte_mempool_lookup(const char *name);

/**
 * The layout of an object of elt_size bytes in a pool with those flags.
 * @param sz receives every part, or NULL.
 * @return the total bytes per object.
 */
uint32_t rte_mempool_calc_obj_size(uint32_t elt_size, uint32_t flags,
	struct rte_mempool_objsz *sz);

/**
 * Calls func on every pool. func must not create or free pools.
 */
void rte_mempool_walk(void (*func)(struct rte_mempool *, void *arg), void *arg);

/**
 * The boundary objects of mp must not cross (internal): 0 when any
 * layout will do (RTE_MEMPOOL_F_NO_IOVA_CONTIG, or IOVA-as-VA mode, where
 * virtually contiguous memory is IOVA-contiguous), else the smallest page
 * size of the EAL memory on the pool's socket.
 * @return 0, or -EINVAL for a NULL argument.
 */
int rte_mempool_get_page_size(struct rte_mempool *mp, size_t *pg_sz);

/** What happened to a mempool, for rte_mempool_event_callback. */
enum rte_mempool_event {
	/** The pool was just fully populated: every object exists. */
	RTE_MEMPOOL_EVENT_READY = 0,
	/** The pool is about to be destroyed (it is still whole). */
	RTE_MEMPOOL_EVENT_DESTROY = 1,
};

/**
 * A mempool life-cycle callback. It may register further callbacks (they
 * are not called for the event being delivered) and may unregister
 * itself, but no other callback.
 */
typedef void(rte_mempool_event_callback)(enum rte_mempool_event event,
	struct rte_mempool *mp, void *user_data);

/**
 * Calls func(event, mp, user_data) in this process whenever a mempool
 * becomes ready (fully populated) or is about to be destroyed (pools
 * that never became ready are destroyed silently).
 * @return 0; -EINVAL (NULL func), -EEXIST (that func and user_data are
 *   registered already) or -ENOMEM, with rte_errno set.
 */
__rte_internal int
rte_mempool_event_callback_register(rte_mempool_event_callback *func,
	void *user_data);

/**
 * Removes a callback; func and user_data must be those registered.
 * @return 0; -EINVAL (NULL func) or -ENOENT (not registered), with
 *   rte_errno set.
 */
__rte_internal int
rte_mempool_event_callback_unregister(rte_mempool_event_callback *func,
	void *user_data);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMPOOL_H_ */
