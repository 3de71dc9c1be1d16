/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * External heaps: named heaps of memory the application mapped itself
 * (rte_malloc_heap_create(), _memory_add(), ...). The rules are described
 * in malloc_heap.h. A registry lock guards the names and socket ids of all
 * heaps; it is taken before any heap lock, and an allocation on an
 * external socket holds it for reading, so the heap cannot go meanwhile.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_memory.h"
#include "eal_memseg.h"
#include "malloc_elem.h"
#include "malloc_heap.h"

/* The smallest page an external chunk may be made of. */
#define EXT_MIN_PAGE_SZ RTE_PGSIZE_4K

static pthread_rwlock_t ext_lock = PTHREAD_RWLOCK_INITIALIZER;
static int ext_next_socket;	  /* never reused, as in DPDK */
static unsigned int ext_nb_slots; /* RTE_MAX_HEAPS less socket heaps */

void
malloc_ext_init(const bool present[RTE_MAX_NUMA_NODES])
{
	unsigned int s, nb_sockets = 0;
	struct malloc_heap *heap;

	pthread_rwlock_wrlock(&ext_lock);
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		if (!present[s])
			continue;
		heap = malloc_heap_slot(s);
		snprintf(heap->name, sizeof(heap->name), "socket_%u", s);
		nb_sockets++;
	}
	ext_nb_slots = nb_sockets < RTE_MAX_HEAPS ? RTE_MAX_HEAPS - nb_sockets :
						    0;
	ext_next_socket = MALLOC_EXT_SOCKET_MIN;
	pthread_rwlock_unlock(&ext_lock);
}

static struct malloc_heap *
ext_slot(unsigned int i)
{
	return malloc_heap_slot(RTE_MAX_NUMA_NODES + i);
}

/* The heap (socket or external) named name; caller holds ext_lock. */
static struct malloc_heap *
heap_by_name(const char *name)
{
	struct malloc_heap *heap;
	unsigned int id;

	for (id = 0; id < RTE_MAX_NUMA_NODES + ext_nb_slots; id++) {
		heap = malloc_heap_slot(id);
		if (heap->present &&
			strncmp(name, heap->name, MALLOC_HEAP_NAME_LEN) == 0)
			return heap;
	}
	return NULL;
}

struct malloc_heap *
malloc_ext_heap_get(int socket)
{
	struct malloc_heap *heap;
	unsigned int i;

	if (socket < MALLOC_EXT_SOCKET_MIN)
		return NULL;
	pthread_rwlock_rdlock(&ext_lock);
	for (i = 0; i < ext_nb_slots; i++) {
		heap = ext_slot(i);
		if (heap->present && heap->socket_id == socket)
			return heap;
	}
	pthread_rwlock_unlock(&ext_lock);
	return NULL;
}

void
malloc_ext_heap_put(void)
{
	pthread_rwlock_unlock(&ext_lock);
}

static int
ext_fail(int err, const char *func, const char *name, const char *why)
{
	RTE_LOG(ERR, MALLOC, "%s(%s): %s\n", func, name != NULL ? name : "NULL",
		why);
	rte_errno = err;
	return -1;
}

/* The checks every call starts with: EAL up, name 1 to 31 bytes. */
static int
ext_name_check(const char *func, const char *name)
{
	size_t len;

	if (!eal_mem_ready())
		return ext_fail(E_RTE_NO_CONFIG, func, name,
			"called before rte_eal_init()");
	len = name != NULL ? strnlen(name, MALLOC_HEAP_NAME_LEN) : 0;
	if (len == 0 || len == MALLOC_HEAP_NAME_LEN)
		return ext_fail(EINVAL, func, name,
			"a heap name must have "
			"1 to 31 characters");
	return 0;
}

/*
 * The external heap named name, with ext_lock held (for writing when
 * write); NULL with rte_errno ENOENT or EPERM (a socket heap), unlocked.
 */
static struct malloc_heap *
ext_heap_lock(const char *func, const char *name, bool write)
{
	struct malloc_heap *heap;

	if (write)
		pthread_rwlock_wrlock(&ext_lock);
	else
		pthread_rwlock_rdlock(&ext_lock);
	heap = heap_by_name(name);
	if (heap != NULL && heap->external)
		return heap;
	pthread_rwlock_unlock(&ext_lock);
	if (heap == NULL)
		ext_fail(ENOENT, func, name, "no heap of that name");
	else
		ext_fail(EPERM, func, name,
			"a socket heap cannot be "
			"changed: create an external heap");
	return NULL;
}

int
rte_malloc_heap_create(const char *heap_name)
{
	struct malloc_heap *heap = NULL;
	unsigned int i;

	if (ext_name_check(__func__, heap_name) < 0)
		return -1;
	pthread_rwlock_wrlock(&ext_lock);
	if (heap_by_name(heap_name) != NULL) {
		pthread_rwlock_unlock(&ext_lock);
		return ext_fail(EEXIST, __func__, heap_name,
			"a heap of that name exists");
	}
	for (i = 0; i < ext_nb_slots && heap == NULL; i++)
		if (!ext_slot(i)->present)
			heap = ext_slot(i);
	if (heap == NULL) {
		pthread_rwlock_unlock(&ext_lock);
		return ext_fail(ENOSPC, __func__, heap_name,
			"all " RTE_STR(
				RTE_MAX_HEAPS) " heaps exist (RTE_MAX_HEAPS): "
					       "destroy one first");
	}
	pthread_mutex_lock(&heap->lock);
	snprintf(heap->name, sizeof(heap->name), "%s", heap_name);
	heap->socket_id = ext_next_socket++;
	heap->external = true;
	heap->present = true;
	pthread_mutex_unlock(&heap->lock);
	pthread_rwlock_unlock(&ext_lock);
	return 0;
}

int
rte_malloc_heap_destroy(const char *heap_name)
{
	struct malloc_heap *heap;
	bool busy;

	if (ext_name_check(__func__, heap_name) < 0)
		return -1;
	heap = ext_heap_lock(__func__, heap_name, true);
	if (heap == NULL)
		return -1;
	pthread_mutex_lock(&heap->lock);
	busy = heap->alloc_count != 0 || !TAILQ_EMPTY(&heap->runs);
	if (!busy) {
		heap->present = false;
		heap->external = false;
		heap->socket_id = SOCKET_ID_ANY;
		memset(heap->name, 0, sizeof(heap->name));
	}
	pthread_mutex_unlock(&heap->lock);
	pthread_rwlock_unlock(&ext_lock);
	if (busy)
		return ext_fail(EBUSY, __func__, heap_name,
			"the heap still "
			"has memory: free its blocks and remove its memory "
			"first");
	return 0;
}

int
rte_malloc_heap_get_socket(const char *name)
{
	struct malloc_heap *heap;
	int socket;

	if (ext_name_check(__func__, name) < 0)
		return -1;
	pthread_rwlock_rdlock(&ext_lock);
	heap = heap_by_name(name);
	socket = heap != NULL ? heap->socket_id : -1;
	pthread_rwlock_unlock(&ext_lock);
	if (heap == NULL)
		return ext_fail(ENOENT, __func__, name, "no heap of that name");
	return socket;
}

int
rte_malloc_heap_socket_is_external(int socket_id)
{
	struct malloc_heap *heap;

	if (socket_id == SOCKET_ID_ANY)
		return 0;
	if (socket_id < MALLOC_EXT_SOCKET_MIN) {
		if (eal_mem_socket_valid(socket_id))
			return 0;
		rte_errno = EINVAL;
		return -1;
	}
	heap = malloc_ext_heap_get(socket_id);
	if (heap == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	malloc_ext_heap_put();
	return 1;
}

/* The checks of memory_add() that need no heap. */
static int
ext_add_args(const char *heap_name, void *va_addr, size_t len,
	const rte_iova_t *iova_addrs, unsigned int n_pages, size_t page_sz)
{
	const char *why = NULL;

	if (va_addr == NULL || len == 0)
		why = "NULL address or zero length";
	/* 64-bit checks: rte_is_power_of_2() and rte_is_aligned() take
	 * 32-bit values, and a page may be 16 GiB. */
	else if ((page_sz & (page_sz - 1)) != 0 || page_sz < EXT_MIN_PAGE_SZ)
		why = "page size not a power of two of at least 4 KiB";
	else if (len % page_sz != 0 || ((uintptr_t)va_addr & (page_sz - 1)) != 0)
		why = "address or length not a multiple of the page size";
	else if ((uintptr_t)va_addr + len < (uintptr_t)va_addr ||
		len / page_sz > UINT_MAX)
		why = "area too large";
	else if (iova_addrs != NULL && len / page_sz != n_pages)
		why = "n_pages is not the number of pages in the area";
	if (why == NULL)
		return 0;
	return ext_fail(EINVAL, "rte_malloc_heap_memory_add", heap_name, why);
}

/* True when no page of the area has an IOVA. */
static bool
ext_no_iova(const rte_iova_t *iova_addrs, unsigned int nb)
{
	unsigned int i;

	if (iova_addrs == NULL)
		return true;
	for (i = 0; i < nb; i++)
		if (iova_addrs[i] != RTE_BAD_IOVA)
			return false;
	return true;
}

int
rte_malloc_heap_memory_add(const char *heap_name, void *va_addr, size_t len,
	rte_iova_t iova_addrs[], unsigned int n_pages, size_t page_sz)
{
	struct malloc_heap *heap;
	struct eal_mem_block block;
	struct malloc_run *run;
	int ret = -1;

	if (ext_name_check(__func__, heap_name) < 0 ||
		ext_add_args(heap_name, va_addr, len, iova_addrs, n_pages,
			page_sz) < 0)
		return -1;
	heap = ext_heap_lock(__func__, heap_name, true);
	if (heap == NULL)
		return -1;
	pthread_mutex_lock(&heap->lock);
	if (eal_memseg_external_add(va_addr, len, page_sz, heap->socket_id,
		    iova_addrs, &block) < 0) {
		ext_fail(rte_errno, __func__, heap_name,
			rte_errno == ENOSPC ?
				"no free memseg list (RTE_MAX_MEMSEG_LISTS)" :
				rte_errno == EINVAL ?
				"the area overlaps memory the "
				"EAL already has" :
				"out of memory");
		goto unlock;
	}
	run = malloc_heap_run_add(heap, &block, EAL_MEMSEG_TYPE_EXTERNAL, true);
	if (run == NULL) {
		eal_memseg_external_remove(block.list);
		ext_fail(ENOMEM, __func__, heap_name, "out of memory");
		goto unlock;
	}
	run->no_iova = ext_no_iova(iova_addrs, block.count);
	ret = 0;
unlock:
	pthread_mutex_unlock(&heap->lock);
	pthread_rwlock_unlock(&ext_lock);
	return ret;
}

/* The run that is exactly [va_addr, va_addr + len); heap lock held. */
static struct malloc_run *
ext_chunk_find(struct malloc_heap *heap, const void *va_addr, size_t len)
{
	struct malloc_run *run;

	TAILQ_FOREACH (run, &heap->runs, next)
		if (run->start == va_addr && run->len == len)
			return run;
	return NULL;
}

/*
 * Finds the chunk [va_addr, va_addr + len) of the external heap heap_name
 * and, if remove, takes it out. 0 or -1 with rte_errno.
 */
static int
ext_chunk_op(const char *func, const char *heap_name, void *va_addr, size_t len,
	bool remove)
{
	struct malloc_heap *heap;
	struct malloc_run *run;
	int err = 0;

	if (ext_name_check(func, heap_name) < 0)
		return -1;
	if (va_addr == NULL || len == 0)
		return ext_fail(EINVAL, func, heap_name,
			"NULL address or zero length");
	heap = ext_heap_lock(func, heap_name, remove);
	if (heap == NULL)
		return -1;
	pthread_mutex_lock(&heap->lock);
	run = ext_chunk_find(heap, va_addr, len);
	if (run == NULL)
		err = ENOENT;
	else if (remove && run->nb_busy != 0)
		err = EBUSY;
	else if (remove)
		malloc_heap_run_remove(heap, run);
	pthread_mutex_unlock(&heap->lock);
	pthread_rwlock_unlock(&ext_lock);
	if (err == ENOENT)
		return ext_fail(ENOENT, func, heap_name,
			"no chunk of the heap "
			"starts at that address with that length");
	if (err == EBUSY)
		return ext_fail(EBUSY, func, heap_name,
			"blocks of the chunk "
			"are still allocated: free them first");
	return 0;
}

int
rte_malloc_heap_memory_remove(const char *heap_name, void *va_addr, size_t len)
{
	return ext_chunk_op(__func__, heap_name, va_addr, len, true);
}

/* One process: the memory is attached since it was added. */
int
rte_malloc_heap_memory_attach(const char *heap_name, void *va_addr, size_t len)
{
	return ext_chunk_op(__func__, heap_name, va_addr, len, false);
}

int
rte_malloc_heap_memory_detach(const char *heap_name, void *va_addr, size_t len)
{
	return ext_chunk_op(__func__, heap_name, va_addr, len, false);
}

int
malloc_ext_stats(int socket, struct rte_malloc_socket_stats *stats)
{
	struct malloc_heap *heap = malloc_ext_heap_get(socket);

	if (heap == NULL)
		return -1;
	malloc_heap_stats_of(heap, stats);
	malloc_ext_heap_put();
	return 0;
}

void
malloc_ext_dump_stats(FILE *f)
{
	struct rte_malloc_socket_stats stats;
	struct malloc_heap *heap;
	unsigned int i;

	pthread_rwlock_rdlock(&ext_lock);
	for (i = 0; i < ext_nb_slots; i++) {
		heap = ext_slot(i);
		if (!heap->present)
			continue;
		malloc_heap_stats_of(heap, &stats);
		fprintf(f,
			"Heap %s (socket %d, external): heap %zu bytes, "
			"free %zu, allocated %zu, greatest free %zu, %u "
			"allocated and %u free elements\n",
			heap->name, heap->socket_id, stats.heap_totalsz_bytes,
			stats.heap_freesz_bytes, stats.heap_allocsz_bytes,
			stats.greatest_free_size, stats.alloc_count,
			stats.free_count);
	}
	pthread_rwlock_unlock(&ext_lock);
}

void
malloc_ext_dump(FILE *f)
{
	unsigned int i;

	pthread_rwlock_rdlock(&ext_lock);
	for (i = 0; i < ext_nb_slots; i++)
		if (ext_slot(i)->present)
			malloc_heap_dump_one(f, ext_slot(i));
	pthread_rwlock_unlock(&ext_lock);
}

bool
malloc_ext_iova_ok(const struct malloc_run *run, uintptr_t data, size_t size,
	bool strict)
{
	const struct eal_memseg_list *list = run->block.list;
	const struct rte_memseg *segs = &list->segs[run->block.first];
	size_t first = (data - (uintptr_t)run->start) / list->seg_sz;
	size_t last = (data + size - 1 - (uintptr_t)run->start) / list->seg_sz;
	size_t i;

	if (segs[first].iova == RTE_BAD_IOVA) {
		/* No IOVA, nothing to be contiguous: DPDK's memzone without
		 * RTE_MEMZONE_IOVA_CONTIG takes it and has RTE_BAD_IOVA. */
		if (strict)
			return false;
		for (i = first + 1; i <= last; i++)
			if (segs[i].iova != RTE_BAD_IOVA)
				return false;
		return true;
	}
	for (i = first + 1; i <= last; i++)
		if (segs[i].iova !=
			segs[first].iova + (i - first) * list->seg_sz)
			return false;
	return true;
}
