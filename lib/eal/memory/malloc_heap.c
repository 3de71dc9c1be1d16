/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Per-socket heaps: runs of segments, growth, release, lookups of blocks.
 * The layout and rules are described in malloc_heap.h.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_memory.h"
#include "eal_memseg.h"
#include "malloc_elem.h"
#include "malloc_heap.h"

#define HDR MALLOC_ELEM_HEADER_LEN

/* [0, RTE_MAX_NUMA_NODES): the socket heaps; then external heaps. */
static struct malloc_heap heaps[MALLOC_NB_HEAPS];
static bool heaps_initialised;
static uint64_t heaps_cap_mb;	/* malloc_heaps_cap() */
static bool heaps_cap_reported; /* its one line was logged */

int
malloc_heaps_init(const struct eal_config *cfg,
	const bool present[RTE_MAX_NUMA_NODES])
{
	struct malloc_heap *heap;
	unsigned int s, c;

	for (s = 0; s < MALLOC_NB_HEAPS; s++) {
		heap = &heaps[s];
		memset(heap, 0, sizeof(*heap));
		pthread_mutex_init(&heap->lock, NULL);
		heap->id = (int)s;
		heap->socket_id = s < RTE_MAX_NUMA_NODES ? (int)s :
							   SOCKET_ID_ANY;
		heap->present = s < RTE_MAX_NUMA_NODES && present[s];
		if (s < RTE_MAX_NUMA_NODES && cfg->force_socket_limits)
			heap->limit = cfg->socket_limit[s];
		TAILQ_INIT(&heap->runs);
		for (c = 0; c < MALLOC_NB_FREE_LISTS; c++)
			LIST_INIT(&heap->free_lists[c]);
	}
	malloc_ext_init(present);
	heaps_cap_mb = 0;
	__atomic_store_n(&heaps_cap_reported, false, __ATOMIC_RELAXED);
	heaps_initialised = true;
	return 0;
}

void
malloc_heaps_cap(int socket, uint64_t cap_bytes, uint64_t cap_mb)
{
	unsigned int s;

	heaps_cap_mb = cap_mb;
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		pthread_mutex_lock(&heaps[s].lock);
		if ((int)s == socket)
			heaps[s].cap = cap_bytes;
		else
			heaps[s].no_growth = true;
		pthread_mutex_unlock(&heaps[s].lock);
	}
}

/* A full heap that may not grow: one line per run of the EAL, since
 * a caller that retries smaller (a mempool) may well succeed. */
static void
heap_report_cap(void)
{
	if (__atomic_exchange_n(&heaps_cap_reported, true, __ATOMIC_RELAXED))
		return;
	EAL_LOG(NOTICE,
		"memory is full: with --no-huge, -m %" PRIu64
		" is all the memory there is (give a larger -m)\n",
		heaps_cap_mb);
}

void
malloc_heaps_cleanup(void)
{
	struct malloc_heap *heap;
	struct malloc_run *run;
	unsigned int s;

	if (!heaps_initialised)
		return;
	for (s = 0; s < MALLOC_NB_HEAPS; s++) {
		heap = &heaps[s];
		while ((run = TAILQ_FIRST(&heap->runs)) != NULL) {
			TAILQ_REMOVE(&heap->runs, run, next);
			if (run->external)
				eal_memseg_external_remove(run->block.list);
			else
				eal_memseg_free(&run->block);
			free(run);
		}
		pthread_mutex_destroy(&heap->lock);
		memset(heap, 0, sizeof(*heap));
	}
	heaps_initialised = false;
}

struct malloc_heap *
malloc_heap_slot(unsigned int id)
{
	return id < MALLOC_NB_HEAPS ? &heaps[id] : NULL;
}

/* Makes a block a run of the heap, as one free element. */
struct malloc_run *
malloc_heap_run_add(struct malloc_heap *heap, const struct eal_mem_block *block,
	unsigned int type_idx, bool pinned)
{
	struct malloc_run *run = calloc(1, sizeof(*run));

	if (run == NULL)
		return NULL;
	run->heap = heap;
	run->block = *block;
	run->start = eal_mem_block_addr(block);
	run->len = eal_mem_block_len(block);
	run->iova = eal_mem_block_iova(block);
	run->iova_lazy = eal_mem_block_iova_lazy(block);
	run->page_sz = block->list->msl.page_sz;
	run->type_idx = type_idx;
	run->pinned = pinned;
	run->external = block->list->msl.external != 0;
	TAILQ_INSERT_TAIL(&heap->runs, run, next);
	heap->total_bytes += run->len;
	eal_memseg_set_owner(block, heap->id, run);
	malloc_elem_init_run(heap, run);
	return run;
}

/* Gives an all-free run back to the system (or to the application). */
void
malloc_heap_run_remove(struct malloc_heap *heap, struct malloc_run *run)
{
	malloc_elem_free_list_remove(heap, (struct malloc_elem *)run->start);
	TAILQ_REMOVE(&heap->runs, run, next);
	heap->total_bytes -= run->len;
	if (heap->spare == run)
		heap->spare = NULL;
	if (run->external)
		eal_memseg_external_remove(run->block.list);
	else
		eal_memseg_free(&run->block);
	free(run);
}

/* Whether a capped heap (or one without a cap) may map bytes more. */
static bool
heap_has_room(const struct malloc_heap *heap, uint64_t bytes)
{
	return heap->cap == 0 ||
		(heap->total_bytes <= heap->cap &&
			bytes <= heap->cap - heap->total_bytes);
}

/* Maps nb segments right after a run's end and adds them to it. */
static int
heap_run_extend(struct malloc_heap *heap, struct malloc_run *run, uint64_t nb)
{
	struct eal_mem_block added = { run->block.list,
		run->block.first + run->block.count, (unsigned int)nb };
	size_t old_len = run->len;

	if (nb > UINT_MAX || eal_memseg_extend(&run->block, added.count) < 0)
		return -1;
	eal_memseg_set_owner(&added, heap->id, run);
	run->len = eal_mem_block_len(&run->block);
	run->iova = eal_mem_block_iova(&run->block);
	heap->total_bytes += run->len - old_len;
	malloc_elem_run_grown(heap, run, old_len);
	return 0;
}

/* Maps nb segments of page type 0 as a run of their own; 0 or -1. */
static int
heap_add_plain_run(struct malloc_heap *heap, uint64_t nb, bool contig)
{
	struct eal_mem_block block;

	if (nb > eal_page_type_max_segs(eal_memseg_type(0)) ||
		eal_memseg_alloc(0, heap->socket_id, (unsigned int)nb, contig,
			&block) < 0)
		return -1;
	if (malloc_heap_run_add(heap, &block, 0, false) != NULL)
		return 0;
	eal_memseg_free(&block);
	return -1;
}

/*
 * --no-huge -m (ordinary memory, page type 0): a run grows at its end
 * when the slots after it are free, so the heap stays one run and the cap
 * can be used to its last segment, as the one block DPDK reserves at
 * start could; else a new run is mapped. Never past heap->cap: the first
 * request that would go beyond says so, once.
 */
static int
heap_grow_capped(struct malloc_heap *heap, const struct malloc_request *req,
	size_t need)
{
	size_t seg = eal_memseg_type(0)->seg_sz, tail;
	struct malloc_run *run;
	uint64_t nb;

	if (req->type_mask != 0 && (req->type_mask & RTE_BIT32(0)) == 0)
		return -1;
	TAILQ_FOREACH (run, &heap->runs, next) {
		if (run->external || run->type_idx != 0)
			continue;
		tail = malloc_elem_run_tail_free(run);
		nb = need > tail ? (need - tail + seg - 1) / seg : 1;
		if (heap_has_room(heap, nb * seg) &&
			heap_run_extend(heap, run, nb) == 0)
			return 0;
	}
	nb = (need + seg - 1) / seg;
	if (!heap_has_room(heap, nb * seg)) {
		heap_report_cap();
		return -1;
	}
	return heap_add_plain_run(heap, nb, req->contig);
}

/* --no-huge -m, a memzone of length 0: all the cap left becomes one block
 * at the end of a run (or a run of its own), as in DPDK's reserved one. */
static void
heap_fill_cap(struct malloc_heap *heap)
{
	size_t seg = eal_memseg_type(0)->seg_sz;
	struct malloc_run *run;
	uint64_t nb;

	if (heap->cap == 0 || heap->total_bytes >= heap->cap)
		return;
	nb = (heap->cap - heap->total_bytes) / seg;
	if (nb == 0)
		return;
	TAILQ_FOREACH (run, &heap->runs, next)
		if (!run->external && run->type_idx == 0 &&
			heap_run_extend(heap, run, nb) == 0)
			return;
	heap_add_plain_run(heap, nb, false);
}

/* Maps a new run big enough for req; 0 or -1. */
static int
heap_grow(struct malloc_heap *heap, const struct malloc_request *req)
{
	size_t size = RTE_ALIGN_CEIL(req->size, (size_t)HDR);
	size_t need = HDR + size + (req->align > HDR ? req->align : 0) +
		(req->bound != 0 ? size : 0);
	const struct eal_page_type *type;
	struct eal_mem_block block;
	unsigned int t;
	uint64_t nb;

	if (heap->external)
		return -1; /* only what the application added */
	if (heap->no_growth)
		return -1; /* --no-huge -m: another socket's heap has it all */
	if (heap->cap != 0)
		return heap_grow_capped(heap, req, need);
	for (t = 0; t < eal_memseg_nb_types(); t++) {
		if (req->type_mask != 0 && (req->type_mask & RTE_BIT32(t)) == 0)
			continue;
		type = eal_memseg_type(t);
		nb = (need + type->seg_sz - 1) / type->seg_sz;
		if (nb > eal_page_type_max_segs(type))
			continue;
		if (heap->limit != 0 &&
			heap->total_bytes + nb * type->seg_sz > heap->limit)
			continue;
		if (eal_memseg_alloc(t, heap->socket_id, (unsigned int)nb,
			    req->contig, &block) < 0)
			continue;
		if (malloc_heap_run_add(heap, &block, t, false) != NULL)
			return 0;
		eal_memseg_free(&block);
	}
	return -1;
}

static void heap_trim(struct malloc_heap *heap, struct malloc_run *run);

/*
 * A block of a lazily reserved run (IOVA as PA) is faulted and its pages'
 * IOVAs read before the caller gets it. On failure the block is freed
 * again: NULL.
 */
static struct malloc_elem *
heap_hand_out(struct malloc_heap *heap, struct malloc_elem *elem, char *data,
	size_t len)
{
	if (elem->run->iova_lazy && eal_memseg_translate_range(data, len) < 0) {
		elem = malloc_elem_release(heap, elem);
		heap_trim(heap, elem->run);
		return NULL;
	}
	if (heap->spare == elem->run)
		heap->spare = NULL;
	return elem;
}

/* Allocates from one heap, growing it if needed. */
void *
malloc_heap_alloc_on(struct malloc_heap *heap, const struct malloc_request *req)
{
	struct malloc_elem *elem;
	char *data = NULL;

	if (!heap->present)
		return NULL;
	pthread_mutex_lock(&heap->lock);
	elem = malloc_elem_find(heap, req, &data);
	if (elem == NULL && heap_grow(heap, req) == 0)
		elem = malloc_elem_find(heap, req, &data);
	if (elem != NULL) {
		elem = malloc_elem_carve(heap, elem, data, req->size);
		elem = heap_hand_out(heap, elem, data, req->size);
	}
	pthread_mutex_unlock(&heap->lock);
	return elem != NULL ? data : NULL;
}

void *
malloc_heap_alloc(int socket, const struct malloc_request *req)
{
	struct malloc_heap *heap;
	int first, s;
	void *ptr;

	if (req->size > MALLOC_MAX_REQUEST || req->align > MALLOC_MAX_REQUEST ||
		req->bound > MALLOC_MAX_REQUEST) {
		rte_errno = ENOMEM;
		return NULL;
	}
	if (socket >= MALLOC_EXT_SOCKET_MIN) {
		heap = malloc_ext_heap_get(socket);
		ptr = heap != NULL ? malloc_heap_alloc_on(heap, req) : NULL;
		if (heap != NULL)
			malloc_ext_heap_put();
	} else if (socket != SOCKET_ID_ANY) {
		ptr = malloc_heap_alloc_on(&heaps[socket], req);
	} else {
		first = eal_mem_local_socket();
		ptr = malloc_heap_alloc_on(&heaps[first], req);
		for (s = 0; ptr == NULL && s < RTE_MAX_NUMA_NODES; s++)
			if (s != first)
				ptr = malloc_heap_alloc_on(&heaps[s], req);
	}
	if (ptr == NULL)
		rte_errno = ENOMEM;
	return ptr;
}

void *
malloc_heap_alloc_biggest_on(struct malloc_heap *heap,
	const struct malloc_request *req, size_t *len)
{
	struct malloc_elem *elem;
	char *data = NULL;

	if (!heap->present)
		return NULL;
	pthread_mutex_lock(&heap->lock);
	heap_fill_cap(heap);
	elem = malloc_elem_find_biggest(heap, req, &data, len);
	if (elem != NULL) {
		elem = malloc_elem_carve(heap, elem, data, *len);
		elem = heap_hand_out(heap, elem, data, *len);
	}
	pthread_mutex_unlock(&heap->lock);
	return elem != NULL ? data : NULL;
}

void *
malloc_heap_alloc_biggest(int socket, const struct malloc_request *req,
	size_t *len)
{
	struct malloc_heap *heap;
	int first, s;
	void *ptr;

	if (socket >= MALLOC_EXT_SOCKET_MIN) {
		heap = malloc_ext_heap_get(socket);
		ptr = heap != NULL ?
			malloc_heap_alloc_biggest_on(heap, req, len) :
			NULL;
		if (heap != NULL)
			malloc_ext_heap_put();
		if (ptr == NULL)
			rte_errno = ENOMEM;
		return ptr;
	}
	first = socket == SOCKET_ID_ANY ? eal_mem_local_socket() : socket;
	ptr = malloc_heap_alloc_biggest_on(&heaps[first], req, len);
	for (s = 0; ptr == NULL && socket == SOCKET_ID_ANY &&
		s < RTE_MAX_NUMA_NODES;
		s++)
		if (s != first)
			ptr = malloc_heap_alloc_biggest_on(&heaps[s], req, len);
	if (ptr == NULL)
		rte_errno = ENOMEM;
	return ptr;
}

/* Is elem a busy element inside run? Reads only memory of the run. */
static bool
elem_valid(const struct malloc_elem *elem, const struct malloc_run *run)
{
	const char *p = (const char *)elem, *end = run->start + run->len;

	if (p < run->start || p + HDR > end)
		return false;
	return elem->cookie == MALLOC_COOKIE_BUSY && elem->run == run &&
		elem->size >= HDR && elem->size <= (size_t)(end - p);
}

/*
 * The busy element whose data starts at ptr, with its heap locked; NULL
 * (nothing locked) when ptr is not the start of an allocated block.
 */
static struct malloc_elem *
busy_elem_lock(const void *ptr, struct malloc_heap **heap_out)
{
	struct malloc_elem *elem;
	struct malloc_heap *heap;
	int heap_id, heap_id_locked;
	void *run;

	if (ptr == NULL || ((uintptr_t)ptr & (HDR - 1)) != 0)
		return NULL;
	elem = malloc_elem_of(ptr);
	if (!eal_memseg_owner(elem, &heap_id, &run) || heap_id < 0 ||
		heap_id >= MALLOC_NB_HEAPS)
		return NULL;
	heap = &heaps[heap_id];
	pthread_mutex_lock(&heap->lock);
	/* Runs change only under the heap lock: look again, now stable. */
	if (!eal_memseg_owner(elem, &heap_id_locked, &run) ||
		heap_id_locked != heap_id || !elem_valid(elem, run)) {
		pthread_mutex_unlock(&heap->lock);
		return NULL;
	}
	*heap_out = heap;
	return elem;
}

/* Gives a run back once all of it is free, keeping one spare. */
static void
heap_trim(struct malloc_heap *heap, struct malloc_run *run)
{
	if (run->nb_busy != 0 || run->pinned || heap->spare == run)
		return;
	if (heap->spare == NULL) {
		heap->spare = run;
		return;
	}
	malloc_heap_run_remove(heap, run);
}

int
malloc_heap_free(void *ptr)
{
	struct malloc_heap *heap;
	struct malloc_elem *elem;

	elem = busy_elem_lock(ptr, &heap);
	if (elem == NULL)
		return -1;
	elem = malloc_elem_release(heap, elem);
	heap_trim(heap, elem->run);
	pthread_mutex_unlock(&heap->lock);
	return 0;
}

int
malloc_heap_resize(void *ptr, size_t size)
{
	struct malloc_heap *heap;
	struct malloc_elem *elem;
	int ret;

	elem = busy_elem_lock(ptr, &heap);
	if (elem == NULL)
		return -1;
	ret = malloc_elem_resize(heap, elem, size);
	/* Grown in place: the new bytes are handed out too. */
	if (ret == 0 && elem->run->iova_lazy &&
		eal_memseg_translate_range(ptr, size) < 0)
		ret = -1;
	pthread_mutex_unlock(&heap->lock);
	return ret;
}

int
malloc_heap_block_info(const void *ptr, struct malloc_block_info *info)
{
	struct malloc_heap *heap;
	struct malloc_elem *elem;

	elem = busy_elem_lock(ptr, &heap);
	if (elem == NULL)
		return -1;
	info->usable = elem->size - HDR;
	info->page_sz = elem->run->page_sz;
	info->socket_id = heap->socket_id;
	info->iova = elem->run->iova != RTE_BAD_IOVA ?
		elem->run->iova + RTE_PTR_DIFF(ptr, elem->run->start) :
		rte_mem_virt2iova(ptr);
	pthread_mutex_unlock(&heap->lock);
	return 0;
}

/* Adds a pinned block as one run per IOVA-contiguous stretch. */
static int
heap_add_pinned(struct malloc_heap *heap, const struct eal_mem_block *block,
	unsigned int type_idx)
{
	const struct rte_memseg *segs = &block->list->segs[block->first];
	struct eal_mem_block part = *block;
	/* Lazily reserved pages have no IOVA yet: one run. */
	bool lazy = eal_mem_block_iova_lazy(block);
	unsigned int start = 0, i;

	for (i = 1; i <= block->count; i++) {
		if (i < block->count &&
			(lazy ||
				segs[i].iova ==
					segs[i - 1].iova + block->list->seg_sz))
			continue;
		part.first = block->first + start;
		part.count = i - start;
		if (malloc_heap_run_add(heap, &part, type_idx, true) == NULL) {
			part.count = block->count - start;
			eal_memseg_free(&part);
			return -1;
		}
		start = i;
	}
	return 0;
}

int
malloc_heap_reserve(int socket, unsigned int type_idx, unsigned int nb_segs)
{
	const struct eal_page_type *type = eal_memseg_type(type_idx);
	struct malloc_heap *heap = &heaps[socket];
	struct eal_mem_block block;
	unsigned int chunk;
	int ret = 0;

	if (type == NULL)
		return -1;
	pthread_mutex_lock(&heap->lock);
	while (ret == 0 && nb_segs > 0) {
		chunk = RTE_MIN(nb_segs, eal_page_type_max_segs(type));
		ret = eal_memseg_alloc(type_idx, socket, chunk, false, &block);
		if (ret == 0)
			ret = heap_add_pinned(heap, &block, type_idx);
		nb_segs -= chunk;
	}
	pthread_mutex_unlock(&heap->lock);
	return ret;
}

void
malloc_heap_stats(int socket, struct rte_malloc_socket_stats *stats)
{
	memset(stats, 0, sizeof(*stats));
	if (socket >= MALLOC_EXT_SOCKET_MIN)
		malloc_ext_stats(socket, stats);
	else if (socket >= 0 && socket < RTE_MAX_NUMA_NODES)
		malloc_heap_stats_of(&heaps[socket], stats);
}

void
malloc_heap_stats_of(struct malloc_heap *heap,
	struct rte_malloc_socket_stats *stats)
{
	struct malloc_elem *elem;
	unsigned int c;

	memset(stats, 0, sizeof(*stats));
	if (!heap->present)
		return;
	pthread_mutex_lock(&heap->lock);
	stats->heap_totalsz_bytes = heap->total_bytes;
	stats->heap_freesz_bytes = heap->free_bytes;
	stats->heap_allocsz_bytes = heap->alloc_bytes;
	stats->free_count = heap->free_count;
	stats->alloc_count = heap->alloc_count;
	for (c = 0; c < MALLOC_NB_FREE_LISTS; c++)
		LIST_FOREACH (elem, &heap->free_lists[c], free_link)
			if (elem->size > stats->greatest_free_size)
				stats->greatest_free_size = elem->size;
	pthread_mutex_unlock(&heap->lock);
}

void
malloc_heap_dump_one(FILE *f, struct malloc_heap *heap)
{
	struct malloc_run *run;

	pthread_mutex_lock(&heap->lock);
	fprintf(f,
		"Heap on socket %d%s%s: %zu bytes, %zu allocated in %u "
		"elements, %zu free in %u elements\n",
		heap->socket_id, heap->external ? ", external heap " : "",
		heap->external ? heap->name : "", heap->total_bytes,
		heap->alloc_bytes, heap->alloc_count, heap->free_bytes,
		heap->free_count);
	TAILQ_FOREACH (run, &heap->runs, next)
		fprintf(f,
			"  run %p, %zu kB of %" PRIu64 " kB pages, IOVA "
			"0x%" PRIx64 ", %u allocated%s%s%s\n",
			(void *)run->start, run->len / 1024,
			run->page_sz / 1024, run->iova, run->nb_busy,
			run->pinned ? ", pinned" : "",
			run == heap->spare ? ", spare" : "",
			run->external ? ", external" : "");
	pthread_mutex_unlock(&heap->lock);
}

void
malloc_heap_dump(FILE *f)
{
	unsigned int s;

	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		if (heaps[s].present)
			malloc_heap_dump_one(f, &heaps[s]);
	malloc_ext_dump(f);
}

bool
malloc_heap_socket_valid(int socket)
{
	struct malloc_heap *heap;

	if (socket < MALLOC_EXT_SOCKET_MIN)
		return eal_mem_socket_valid(socket);
	heap = malloc_ext_heap_get(socket);
	if (heap == NULL)
		return false;
	malloc_ext_heap_put();
	return true;
}
