/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Memzones: a fixed table of RTE_MAX_MEMZONE descriptors (so a descriptor's
 * address never changes while it is reserved) in front of IOVA-contiguous
 * heap blocks. One read-write lock guards the table; it is taken before
 * any heap lock.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#include "eal_private.h"
#include "eal_memory.h"
#include "eal_memseg.h"
#include "malloc_heap.h"

#define MEMZONE_SIZE_FLAGS \
	(RTE_MEMZONE_2MB | RTE_MEMZONE_1GB | RTE_MEMZONE_16MB | \
		RTE_MEMZONE_16GB | RTE_MEMZONE_256KB | RTE_MEMZONE_256MB | \
		RTE_MEMZONE_512MB | RTE_MEMZONE_4GB)
#define MEMZONE_KNOWN_FLAGS \
	(MEMZONE_SIZE_FLAGS | RTE_MEMZONE_SIZE_HINT_ONLY | \
		RTE_MEMZONE_IOVA_CONTIG)

static const struct {
	unsigned int flag;
	uint64_t page_sz;
} memzone_page_flags[] = {
	{ RTE_MEMZONE_256KB, RTE_PGSIZE_256K },
	{ RTE_MEMZONE_2MB, RTE_PGSIZE_2M },
	{ RTE_MEMZONE_16MB, RTE_PGSIZE_16M },
	{ RTE_MEMZONE_256MB, RTE_PGSIZE_256M },
	{ RTE_MEMZONE_512MB, RTE_PGSIZE_512M },
	{ RTE_MEMZONE_1GB, RTE_PGSIZE_1G },
	{ RTE_MEMZONE_4GB, RTE_PGSIZE_4G },
	{ RTE_MEMZONE_16GB, RTE_PGSIZE_16G },
};

static struct rte_memzone memzones[RTE_MAX_MEMZONE];
static unsigned int memzone_count;
static pthread_rwlock_t memzone_lock = PTHREAD_RWLOCK_INITIALIZER;

void
eal_memzone_reset(void)
{
	pthread_rwlock_wrlock(&memzone_lock);
	memset(memzones, 0, sizeof(memzones));
	memzone_count = 0;
	pthread_rwlock_unlock(&memzone_lock);
}

/* The page types whose size a flag names (0 when flags name no size). */
static uint32_t
memzone_type_mask(unsigned int flags)
{
	const struct eal_page_type *type;
	uint32_t mask = 0;
	unsigned int i, t;

	for (i = 0; i < RTE_DIM(memzone_page_flags); i++) {
		if ((flags & memzone_page_flags[i].flag) == 0)
			continue;
		for (t = 0; t < eal_memseg_nb_types(); t++) {
			type = eal_memseg_type(t);
			if (type->backing != EAL_BACKING_ANON &&
				type->page_sz == memzone_page_flags[i].page_sz)
				mask |= RTE_BIT32(t);
		}
	}
	return mask;
}

/* The page sizes flags name, ORed (external heaps match on these). */
static uint64_t
memzone_page_sizes(unsigned int flags)
{
	uint64_t sizes = 0;
	unsigned int i;

	for (i = 0; i < RTE_DIM(memzone_page_flags); i++)
		if ((flags & memzone_page_flags[i].flag) != 0)
			sizes |= memzone_page_flags[i].page_sz;
	return sizes;
}

static int
memzone_fail(int err, const char *why, const char *name)
{
	EAL_LOG(ERR, "rte_memzone_reserve(%s): %s\n",
		name != NULL ? name : "NULL", why);
	rte_errno = err;
	return -1;
}

/* The checks that need no lock. 0 or -1 with rte_errno. */
static int
memzone_check_args(const char *name, size_t len, int socket, unsigned int flags,
	unsigned int align)
{
	if (!eal_mem_ready())
		return memzone_fail(E_RTE_NO_CONFIG,
			"called before rte_eal_init()", name);
	if (name == NULL)
		return memzone_fail(EINVAL, "NULL name", name);
	if (strnlen(name, RTE_MEMZONE_NAMESIZE) == RTE_MEMZONE_NAMESIZE)
		return memzone_fail(ENAMETOOLONG, "name too long", name);
	if (align != 0 && !rte_is_power_of_2(align))
		return memzone_fail(EINVAL, "alignment not a power of two",
			name);
	if (len > SIZE_MAX - RTE_CACHE_LINE_MASK)
		return memzone_fail(EINVAL, "length too big", name);
	if ((flags & ~(unsigned int)MEMZONE_KNOWN_FLAGS) != 0)
		return memzone_fail(EINVAL, "unknown flags", name);
	if (socket != SOCKET_ID_ANY && !malloc_heap_socket_valid(socket))
		return memzone_fail(EINVAL, "no such socket", name);
	return 0;
}

/* Allocates the memzone's memory; *len is updated for len 0. */
static void *
memzone_alloc(size_t *len, int socket, unsigned int flags, size_t align,
	size_t bound)
{
	struct malloc_request req = {
		.size = *len != 0 ? *len : bound,
		.align = align,
		.bound = bound,
		.contig = true,
		.contig_strict = (flags & RTE_MEMZONE_IOVA_CONTIG) != 0,
		.type_mask = memzone_type_mask(flags),
		.page_sizes = memzone_page_sizes(flags),
	};
	void *addr;

	if ((flags & MEMZONE_SIZE_FLAGS) != 0 && req.type_mask == 0 &&
		socket < MALLOC_EXT_SOCKET_MIN &&
		(flags & RTE_MEMZONE_SIZE_HINT_ONLY) == 0) {
		rte_errno = ENOMEM;
		return NULL;
	}
	if (req.size == 0)
		addr = malloc_heap_alloc_biggest(socket, &req, len);
	else
		addr = malloc_heap_alloc(socket, &req);
	if (addr == NULL && req.page_sizes != 0 &&
		(flags & RTE_MEMZONE_SIZE_HINT_ONLY) != 0) {
		req.type_mask = 0;
		req.page_sizes = 0;
		addr = req.size == 0 ?
			malloc_heap_alloc_biggest(socket, &req, len) :
			malloc_heap_alloc(socket, &req);
	}
	if (addr != NULL && *len == 0)
		*len = bound;
	return addr;
}

static struct rte_memzone *
memzone_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_MEMZONE; i++)
		if (memzones[i].addr != NULL &&
			strncmp(name, memzones[i].name, RTE_MEMZONE_NAMESIZE) ==
				0)
			return &memzones[i];
	return NULL;
}

static struct rte_memzone *
memzone_slot(void)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_MEMZONE; i++)
		if (memzones[i].addr == NULL)
			return &memzones[i];
	return NULL;
}

/* Fills the free descriptor mz for the block at addr. */
static struct rte_memzone *
memzone_fill(struct rte_memzone *mz, const char *name, void *addr, size_t len)
{
	struct malloc_block_info info;

	malloc_heap_block_info(addr, &info);
	memset(mz, 0, sizeof(*mz));
	snprintf(mz->name, sizeof(mz->name), "%s", name);
	mz->addr = addr;
	mz->iova = info.iova;
	mz->len = len;
	mz->hugepage_sz = info.page_sz;
	mz->socket_id = info.socket_id;
	mz->flags = 0;
	memzone_count++;
	return mz;
}

static const struct rte_memzone *
memzone_reserve_locked(const char *name, size_t len, int socket,
	unsigned int flags, size_t align, size_t bound)
{
	struct rte_memzone *mz = memzone_slot();
	void *addr;

	if (memzone_count >= RTE_MAX_MEMZONE || mz == NULL) {
		memzone_fail(ENOSPC, "all RTE_MAX_MEMZONE memzones in use",
			name);
		return NULL;
	}
	if (memzone_find(name) != NULL) {
		memzone_fail(EEXIST, "name already in use", name);
		return NULL;
	}
	addr = memzone_alloc(&len, socket, flags, align, bound);
	if (addr == NULL) {
		/* Not an error yet: callers (a mempool) retry smaller, and
		 * report themselves if they give up. rte_errno says it. */
		EAL_LOG(DEBUG,
			"rte_memzone_reserve(%s): no memory for %zu "
			"bytes on socket %d\n",
			name, len, socket);
		rte_errno = ENOMEM;
		return NULL;
	}
	return memzone_fill(mz, name, addr, len);
}

const struct rte_memzone *
rte_memzone_reserve_bounded(const char *name, size_t len, int socket_id,
	unsigned int flags, unsigned int align, unsigned int bound)
{
	const struct rte_memzone *mz;
	size_t min_len;

	if (memzone_check_args(name, len, socket_id, flags, align) < 0)
		return NULL;
	align = RTE_MAX(align, (unsigned int)RTE_CACHE_LINE_SIZE);
	len = RTE_ALIGN_CEIL(len, (size_t)RTE_CACHE_LINE_SIZE);
	min_len = RTE_MAX(len, (size_t)RTE_CACHE_LINE_SIZE);
	if (bound != 0 && (!rte_is_power_of_2(bound) || min_len > bound)) {
		memzone_fail(EINVAL,
			"bound not a power of two or below the "
			"length",
			name);
		return NULL;
	}
	pthread_rwlock_wrlock(&memzone_lock);
	mz = memzone_reserve_locked(name, len, socket_id, flags, align, bound);
	pthread_rwlock_unlock(&memzone_lock);
	return mz;
}

const struct rte_memzone *
rte_memzone_reserve_aligned(const char *name, size_t len, int socket_id,
	unsigned int flags, unsigned int align)
{
	return rte_memzone_reserve_bounded(name, len, socket_id, flags, align,
		0);
}

const struct rte_memzone *
rte_memzone_reserve(const char *name, size_t len, int socket_id,
	unsigned int flags)
{
	return rte_memzone_reserve_bounded(name, len, socket_id, flags,
		RTE_CACHE_LINE_SIZE, 0);
}

/* The table index of a descriptor, or -1 when it is not one. */
static int
memzone_index(const struct rte_memzone *mz)
{
	uintptr_t off = (uintptr_t)mz - (uintptr_t)memzones;

	if ((uintptr_t)mz < (uintptr_t)memzones || off >= sizeof(memzones) ||
		off % sizeof(memzones[0]) != 0)
		return -1;
	return (int)(off / sizeof(memzones[0]));
}

int
rte_memzone_free(const struct rte_memzone *mz)
{
	void *addr = NULL;
	int idx;

	if (!eal_mem_ready()) {
		EAL_LOG(ERR, "rte_memzone_free() before rte_eal_init()\n");
		rte_errno = E_RTE_NO_CONFIG;
		return -EINVAL;
	}
	pthread_rwlock_wrlock(&memzone_lock);
	idx = mz != NULL ? memzone_index(mz) : -1;
	if (idx >= 0 && memzones[idx].addr != NULL) {
		addr = memzones[idx].addr;
		memset(&memzones[idx], 0, sizeof(memzones[idx]));
		memzone_count--;
	}
	pthread_rwlock_unlock(&memzone_lock);
	if (addr == NULL) {
		EAL_LOG(ERR, "rte_memzone_free(%p): not a reserved memzone\n",
			(const void *)mz);
		rte_errno = EINVAL;
		return -EINVAL;
	}
	malloc_heap_free(addr);
	return 0;
}

const struct rte_memzone *
rte_memzone_lookup(const char *name)
{
	const struct rte_memzone *mz;

	if (!eal_mem_ready()) {
		rte_errno = E_RTE_NO_CONFIG;
		return NULL;
	}
	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_rwlock_rdlock(&memzone_lock);
	mz = memzone_find(name);
	pthread_rwlock_unlock(&memzone_lock);
	if (mz == NULL)
		rte_errno = ENOENT;
	return mz;
}

void
rte_memzone_dump(FILE *f)
{
	const struct rte_memzone *mz;
	unsigned int i;

	if (f == NULL || !eal_mem_ready())
		return;
	pthread_rwlock_rdlock(&memzone_lock);
	for (i = 0; i < RTE_MAX_MEMZONE; i++) {
		mz = &memzones[i];
		if (mz->addr == NULL)
			continue;
		fprintf(f,
			"Zone %u: name:<%s>, len:0x%zx, virt:%p, "
			"iova:0x%" PRIx64 ", socket_id:%" PRId32 ", "
			"hugepage_sz:%" PRIu64 ", flags:%" PRIx32 "\n",
			i, mz->name, mz->len, mz->addr, mz->iova, mz->socket_id,
			mz->hugepage_sz, mz->flags);
	}
	pthread_rwlock_unlock(&memzone_lock);
}

void
rte_memzone_walk(void (*func)(const struct rte_memzone *, void *arg), void *arg)
{
	unsigned int i;

	if (func == NULL || !eal_mem_ready())
		return;
	pthread_rwlock_rdlock(&memzone_lock);
	for (i = 0; i < RTE_MAX_MEMZONE; i++)
		if (memzones[i].addr != NULL)
			func(&memzones[i], arg);
	pthread_rwlock_unlock(&memzone_lock);
}
