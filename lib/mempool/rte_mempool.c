/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mempool life cycle: creation, the list of pools (lookup, walk), free,
 * counts and user-owned caches.
 *
 * A pool is one memzone "MP_<name>":
 *
 *   | struct rte_mempool | RTE_MAX_LCORE default caches (if cache_size) |
 *   | private area (private_data_size) | list entry |
 *
 * The list of pools is private to the process and guarded by a
 * read-write lock, which creation holds from the name check to the
 * insertion so that two pools never get one name.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_mempool.h>
#include <rte_rwlock.h>
#include <rte_string_fns.h>

#include "mempool_private.h"

/* Largest elt_size and private_data_size accepted (sizes stay in 32 bits). */
#define MEMPOOL_MAX_ELT_SIZE  (UINT32_MAX / 2)
#define MEMPOOL_MAX_PRIV_SIZE (UINT32_MAX / 2)

struct mempool_entry {
	TAILQ_ENTRY(mempool_entry) next;
	struct rte_mempool *mp;
};

static TAILQ_HEAD(, mempool_entry) mempool_list = TAILQ_HEAD_INITIALIZER(
	mempool_list);
static rte_rwlock_t mempool_list_lock = RTE_RWLOCK_INITIALIZER;

static struct mempool_entry *
mempool_entry_of(struct rte_mempool *mp)
{
	return RTE_PTR_ADD(mp,
		RTE_MEMPOOL_HEADER_SIZE(mp, mp->cache_size) +
			mp->private_data_size);
}

/* Caller holds mempool_list_lock. */
static struct rte_mempool *
mempool_find(const char *name)
{
	struct mempool_entry *e;

	TAILQ_FOREACH (e, &mempool_list, next)
		if (strncmp(name, e->mp->name, RTE_MEMPOOL_NAMESIZE) == 0)
			return e->mp;
	return NULL;
}

static int
mempool_fail(int err, const char *name, const char *why)
{
	MEMPOOL_LOG(ERR, "cannot create mempool %s: %s\n",
		name != NULL ? name : "(null)", why);
	rte_errno = err;
	return -1;
}

/* Checks what rte_mempool_create_empty() gets. 0, or -1 with rte_errno. */
static int
mempool_check_args(const char *name, unsigned int n, unsigned int elt_size,
	unsigned int cache_size, unsigned int private_data_size,
	unsigned int flags)
{
	if (name == NULL || name[0] == '\0')
		return mempool_fail(EINVAL, name, "NULL or empty name");
	if (strnlen(name, RTE_MEMPOOL_NAMESIZE) == RTE_MEMPOOL_NAMESIZE)
		return mempool_fail(ENAMETOOLONG, name, "name too long");
	if (n == 0)
		return mempool_fail(EINVAL, name, "no objects (n is 0)");
	if (cache_size > RTE_MEMPOOL_CACHE_MAX_SIZE)
		return mempool_fail(EINVAL, name,
			"cache_size above RTE_MEMPOOL_CACHE_MAX_SIZE");
	if ((uint64_t)MEMPOOL_CACHE_FLUSHTHRESH((uint64_t)cache_size) > n)
		return mempool_fail(EINVAL, name,
			"a pool too small for its cache (cache_size * 1.5 > n)");
	if (flags & ~RTE_MEMPOOL_VALID_USER_FLAGS)
		return mempool_fail(EINVAL, name, "unknown flags");
	if (elt_size > MEMPOOL_MAX_ELT_SIZE ||
		private_data_size > MEMPOOL_MAX_PRIV_SIZE)
		return mempool_fail(EINVAL, name,
			"elt_size or private_data_size too big");
	return 0;
}

static void
mempool_cache_init(struct rte_mempool_cache *cache, uint32_t size)
{
	cache->size = size;
	cache->flushthresh = MEMPOOL_CACHE_FLUSHTHRESH(size);
	cache->len = 0;
}

/* Fills the struct at the start of a new pool's memzone. */
static void
mempool_init(struct rte_mempool *mp, const struct rte_memzone *mz,
	const char *name, unsigned int n, unsigned int cache_size,
	unsigned int private_data_size, int socket_id, unsigned int flags,
	const struct rte_mempool_objsz *objsz)
{
	unsigned int lcore_id;

	memset(mp, 0, RTE_MEMPOOL_HEADER_SIZE(mp, cache_size));
	strlcpy(mp->name, name, sizeof(mp->name));
	mp->mz = mz;
	mp->size = n;
	mp->flags = flags;
	mp->socket_id = socket_id;
	mp->elt_size = objsz->elt_size;
	mp->header_size = objsz->header_size;
	mp->trailer_size = objsz->trailer_size;
	mp->cache_size = cache_size;
	mp->private_data_size = private_data_size;
	STAILQ_INIT(&mp->elt_list);
	STAILQ_INIT(&mp->mem_list);
	/* Set even without caches: it is where they would be. */
	mp->local_cache = RTE_PTR_ADD(mp, RTE_MEMPOOL_HEADER_SIZE(mp, 0));
	if (cache_size != 0)
		for (lcore_id = 0; lcore_id < RTE_MAX_LCORE; lcore_id++)
			mempool_cache_init(&mp->local_cache[lcore_id],
				cache_size);
}

/* Reserves and fills the pool's memzone. Caller holds the list lock. */
static struct rte_mempool *
mempool_reserve(const char *name, unsigned int n,
	const struct rte_mempool_objsz *objsz, unsigned int cache_size,
	unsigned int private_data_size, int socket_id, unsigned int flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	struct rte_mempool *mp;
	size_t size;

	size = RTE_MEMPOOL_HEADER_SIZE(mp, cache_size) + private_data_size +
		sizeof(struct mempool_entry);
	snprintf(mz_name, sizeof(mz_name), RTE_MEMPOOL_MZ_FORMAT, name);
	mz = rte_memzone_reserve(mz_name, size, socket_id, 0);
	if (mz == NULL) {
		mempool_fail(rte_errno, name, rte_strerror(rte_errno));
		return NULL;
	}
	mp = mz->addr;
	mempool_init(mp, mz, name, n, cache_size, private_data_size, socket_id,
		flags, objsz);
	return mp;
}

struct rte_mempool *
rte_mempool_create_empty(const char *name, unsigned int n,
	unsigned int elt_size, unsigned int cache_size,
	unsigned int private_data_size, int socket_id, unsigned int flags)
{
	struct rte_mempool_objsz objsz;
	struct mempool_entry *entry;
	struct rte_mempool *mp;
	int ret;

	if (mempool_check_args(name, n, elt_size, cache_size, private_data_size,
		    flags) < 0)
		return NULL;
	/* No object can do IO until memory with an iova comes in. */
	flags |= RTE_MEMPOOL_F_NON_IO;
	if (flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN)
		flags |= RTE_MEMPOOL_F_NO_SPREAD;
	rte_mempool_calc_obj_size(elt_size, flags, &objsz);
	private_data_size = RTE_ALIGN_CEIL(private_data_size, RTE_MEMPOOL_ALIGN);

	rte_rwlock_write_lock(&mempool_list_lock);
	if (mempool_find(name) != NULL) {
		rte_rwlock_write_unlock(&mempool_list_lock);
		mempool_fail(EEXIST, name, "a mempool has that name");
		return NULL;
	}
	mp = mempool_reserve(name, n, &objsz, cache_size, private_data_size,
		socket_id, flags);
	if (mp == NULL) {
		rte_rwlock_write_unlock(&mempool_list_lock);
		return NULL;
	}
	ret = rte_mempool_set_ops_byname(mp, mempool_default_ops_name(flags),
		NULL);
	if (ret < 0) {
		rte_memzone_free(mp->mz);
		rte_rwlock_write_unlock(&mempool_list_lock);
		mempool_fail(-ret, name, "its default mempool ops are missing");
		return NULL;
	}
	entry = mempool_entry_of(mp);
	entry->mp = mp;
	TAILQ_INSERT_TAIL(&mempool_list, entry, next);
	rte_rwlock_write_unlock(&mempool_list_lock);
	return mp;
}

struct rte_mempool *
rte_mempool_create(const char *name, unsigned int n, unsigned int elt_size,
	unsigned int cache_size, unsigned int private_data_size,
	rte_mempool_ctor_t *mp_init, void *mp_init_arg,
	rte_mempool_obj_cb_t *obj_init, void *obj_init_arg, int socket_id,
	unsigned int flags)
{
	struct rte_mempool *mp;
	int ret;

	mp = rte_mempool_create_empty(name, n, elt_size, cache_size,
		private_data_size, socket_id, flags);
	if (mp == NULL)
		return NULL;
	if (mp_init != NULL)
		mp_init(mp, mp_init_arg);
	ret = rte_mempool_populate_default(mp);
	if (ret < 0) {
		MEMPOOL_LOG(ERR,
			"cannot create mempool %s: no memory for its "
			"objects: %s\n",
			name, rte_strerror(-ret));
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	if (obj_init != NULL)
		rte_mempool_obj_iter(mp, obj_init, obj_init_arg);
	return mp;
}

void
rte_mempool_free(struct rte_mempool *mp)
{
	struct mempool_entry *e;

	if (mp == NULL)
		return;
	rte_rwlock_write_lock(&mempool_list_lock);
	TAILQ_FOREACH (e, &mempool_list, next)
		if (e->mp == mp)
			break;
	if (e == NULL) {
		rte_rwlock_write_unlock(&mempool_list_lock);
		MEMPOOL_LOG(ERR, "rte_mempool_free(): %p is not a mempool\n",
			(void *)mp);
		return;
	}
	TAILQ_REMOVE(&mempool_list, e, next);
	rte_rwlock_write_unlock(&mempool_list_lock);

	/* A full pool announced READY; only such a pool announces DESTROY. */
	if (mp->populated_size == mp->size)
		mempool_event_notify(RTE_MEMPOOL_EVENT_DESTROY, mp);
	mempool_free_memchunks(mp);
	rte_mempool_ops_free(mp);
	rte_memzone_free(mp->mz);
}

struct rte_mempool *
rte_mempool_lookup(const char *name)
{
	struct rte_mempool *mp;

	if (name == NULL) {
		MEMPOOL_LOG(ERR, "rte_mempool_lookup(): NULL name\n");
		rte_errno = EINVAL;
		return NULL;
	}
	rte_rwlock_read_lock(&mempool_list_lock);
	mp = mempool_find(name);
	rte_rwlock_read_unlock(&mempool_list_lock);
	if (mp == NULL)
		rte_errno = ENOENT;
	return mp;
}

void
rte_mempool_walk(void (*func)(struct rte_mempool *, void *arg), void *arg)
{
	struct mempool_entry *e, *next;

	if (func == NULL)
		return;
	rte_rwlock_read_lock(&mempool_list_lock);
	for (e = TAILQ_FIRST(&mempool_list); e != NULL; e = next) {
		next = TAILQ_NEXT(e, next);
		func(e->mp, arg);
	}
	rte_rwlock_read_unlock(&mempool_list_lock);
}

static void
mempool_dump_cb(struct rte_mempool *mp, void *arg)
{
	rte_mempool_dump(arg, mp);
}

void
rte_mempool_list_dump(FILE *f)
{
	rte_mempool_walk(mempool_dump_cb, f);
}

unsigned int
rte_mempool_avail_count(const struct rte_mempool *mp)
{
	unsigned int count, lcore_id;

	count = rte_mempool_ops_get_count(mp);
	if (mp->cache_size != 0)
		for (lcore_id = 0; lcore_id < RTE_MAX_LCORE; lcore_id++)
			count += mp->local_cache[lcore_id].len;
	/* Caches read while their lcores work may count an object twice
	 * (once in flight to the store): never report more than exist. */
	return RTE_MIN(count, mp->size);
}

unsigned int
rte_mempool_in_use_count(const struct rte_mempool *mp)
{
	return mp->size - rte_mempool_avail_count(mp);
}

struct rte_mempool_cache *
rte_mempool_cache_create(uint32_t size, int socket_id)
{
	struct rte_mempool_cache *cache;

	if (size == 0 || size > RTE_MEMPOOL_CACHE_MAX_SIZE) {
		MEMPOOL_LOG(ERR,
			"cannot create a mempool cache of %u objects:"
			" the size must be 1..%d\n",
			size, RTE_MEMPOOL_CACHE_MAX_SIZE);
		rte_errno = EINVAL;
		return NULL;
	}
	cache = rte_zmalloc_socket("mempool_cache", sizeof(*cache),
		RTE_CACHE_LINE_SIZE, socket_id);
	if (cache == NULL) {
		MEMPOOL_LOG(ERR, "cannot allocate a mempool cache: %s\n",
			rte_strerror(rte_errno));
		return NULL;
	}
	mempool_cache_init(cache, size);
	return cache;
}

void
rte_mempool_cache_free(struct rte_mempool_cache *cache)
{
	rte_free(cache);
}

/*
 * The cache's objects (the warmest) go first; then one bulk refills the
 * cache with cache->size objects plus the rest of the request, so the
 * next calls hit the cache again. When the store cannot provide that
 * much, the rest comes from the store directly; when even that fails
 * nothing is handed out: a failed bulk dequeue writes nothing, so the
 * cache's objects are still in place below len.
 */
int
__rte_mempool_cache_refill(struct rte_mempool *mp, void **obj_table,
	unsigned int n, struct rte_mempool_cache *cache)
{
	uint32_t len = cache->len;
	uint32_t remaining = n - len;
	uint32_t fill = cache->size + remaining;
	int ret;

	rte_mempool_pop_objs_(obj_table, &cache->objs[len], len);
	if (likely(remaining <= RTE_MEMPOOL_CACHE_MAX_SIZE) &&
		rte_mempool_ops_dequeue_bulk(mp, cache->objs, fill) == 0) {
		rte_mempool_pop_objs_(obj_table + len, &cache->objs[fill],
			remaining);
		cache->len = cache->size;
		return 0;
	}
	ret = rte_mempool_ops_dequeue_bulk(mp, obj_table + len, remaining);
	if (ret < 0)
		return ret;
	cache->len = 0;
	return 0;
}
