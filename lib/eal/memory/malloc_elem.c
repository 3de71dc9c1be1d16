/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Heap elements: finding a free one that fits, cutting a block out of it,
 * merging neighbours back on free. Every function here runs with the heap
 * lock held. The layout is described in malloc_heap.h.
 */
#include <stdint.h>
#include <string.h>

#include <rte_common.h>

#include "malloc_elem.h"

#define HDR MALLOC_ELEM_HEADER_LEN

struct malloc_elem *
malloc_elem_next(const struct malloc_elem *elem)
{
	const struct malloc_run *run = elem->run;
	char *next = (char *)(uintptr_t)elem + elem->size;

	return next < run->start + run->len ? (struct malloc_elem *)next : NULL;
}

/* Size class: 0 below 128 bytes, then one per power of two. */
static unsigned int
size_class(size_t size)
{
	unsigned int log2 = rte_fls_u64(size) - 1;

	if (log2 <= 6)
		return 0;
	return RTE_MIN(log2 - 6, (unsigned int)MALLOC_NB_FREE_LISTS - 1);
}

void
malloc_elem_free_list_insert(struct malloc_heap *heap, struct malloc_elem *elem)
{
	elem->cookie = MALLOC_COOKIE_FREE;
	elem->user_size = 0;
	LIST_INSERT_HEAD(&heap->free_lists[size_class(elem->size)], elem,
		free_link);
	heap->free_bytes += elem->size;
	heap->free_count++;
}

void
malloc_elem_free_list_remove(struct malloc_heap *heap, struct malloc_elem *elem)
{
	LIST_REMOVE(elem, free_link);
	heap->free_bytes -= elem->size;
	heap->free_count--;
}

/* Writes a header. */
static void
elem_init(struct malloc_elem *elem, struct malloc_run *run,
	struct malloc_elem *prev, size_t size)
{
	memset(elem, 0, sizeof(*elem));
	elem->run = run;
	elem->prev = prev;
	elem->size = size;
}

void
malloc_elem_init_run(struct malloc_heap *heap, struct malloc_run *run)
{
	struct malloc_elem *elem = (struct malloc_elem *)run->start;

	elem_init(elem, run, NULL, run->len);
	run->last = elem;
	malloc_elem_free_list_insert(heap, elem);
}

/* elem now has next as its neighbour, or is the last of its run. */
static void
elem_link_next(struct malloc_elem *elem, struct malloc_elem *next)
{
	if (next != NULL)
		next->prev = elem;
	else
		elem->run->last = elem;
}

size_t
malloc_elem_run_tail_free(const struct malloc_run *run)
{
	const struct malloc_elem *last = run->last;

	return last->cookie == MALLOC_COOKIE_FREE ? last->size : 0;
}

void
malloc_elem_run_grown(struct malloc_heap *heap, struct malloc_run *run,
	size_t old_len)
{
	struct malloc_elem *last = run->last, *elem;
	size_t added = run->len - old_len;

	if (last->cookie == MALLOC_COOKIE_FREE) {
		malloc_elem_free_list_remove(heap, last);
		last->size += added;
		malloc_elem_free_list_insert(heap, last);
		return;
	}
	elem = (struct malloc_elem *)(run->start + old_len);
	elem_init(elem, run, last, added);
	run->last = elem;
	malloc_elem_free_list_insert(heap, elem);
}

static bool
run_suits(const struct malloc_run *run, const struct malloc_request *req)
{
	/* Page types are the EAL's; external pages only have a size. */
	if (run->external)
		return (req->page_sizes == 0 ||
			       (req->page_sizes & run->page_sz) != 0) &&
			!(req->contig_strict && run->no_iova);
	if (req->contig && run->iova == RTE_BAD_IOVA && !run->iova_lazy)
		return false;
	return req->type_mask == 0 ||
		(req->type_mask & RTE_BIT32(run->type_idx)) != 0;
}

/* The first place from from on for a block of size bytes of req. */
static uintptr_t
elem_place(uintptr_t from, const struct malloc_request *req, size_t size)
{
	uintptr_t data = RTE_ALIGN_CEIL(from, (uintptr_t)req->align);

	/* Crossing a bound boundary: start at the boundary instead. */
	if (req->bound != 0 &&
		((data ^ (data + size - 1)) & ~(req->bound - 1)) != 0)
		data = RTE_ALIGN_CEIL(data, (uintptr_t)req->bound);
	return data;
}

/* Does an external run need its pages' IOVAs checked for req? */
static bool
elem_iova_check(const struct malloc_run *run, const struct malloc_request *req)
{
	return req->contig && run->external && run->iova == RTE_BAD_IOVA;
}

/*
 * Lazily reserved pages (IOVA as PA) are in no physical order: an
 * IOVA-contiguous block must then stay within one page.
 */
static bool
elem_crosses_lazy_page(const struct malloc_run *run,
	const struct malloc_request *req, uintptr_t data, size_t size)
{
	return req->contig && run->iova_lazy && size != 0 &&
		((data ^ (data + size - 1)) & ~(uintptr_t)(run->page_sz - 1)) !=
		0;
}

/* Where a block for req would start in elem; 0 if it does not fit. */
static uintptr_t
elem_fit(const struct malloc_elem *elem, const struct malloc_request *req)
{
	uintptr_t start = (uintptr_t)elem, end = start + elem->size;
	size_t size = RTE_ALIGN_CEIL(req->size, (size_t)HDR);
	const struct malloc_run *run = elem->run;
	uintptr_t data;

	if (!run_suits(run, req))
		return 0;
	data = elem_place(start + HDR, req, size);
	/* External pages with scattered IOVAs: try each next page. */
	while (data >= start && data <= end && end - data >= size &&
		elem_iova_check(run, req) &&
		!malloc_ext_iova_ok(run, data, size, req->contig_strict))
		data = elem_place(RTE_ALIGN_FLOOR(data, run->page_sz) +
				run->page_sz,
			req, size);
	/* Lazily reserved pages: the next page start, if size fits one. */
	if (elem_crosses_lazy_page(run, req, data, size) && size <= run->page_sz)
		data = elem_place(RTE_ALIGN_FLOOR(data, run->page_sz) +
				run->page_sz,
			req, size);
	if (elem_crosses_lazy_page(run, req, data, size))
		return 0;
	if (data < start || data > end || end - data < size)
		return 0;
	return data;
}

struct malloc_elem *
malloc_elem_find(struct malloc_heap *heap, const struct malloc_request *req,
	char **data)
{
	unsigned int cls = size_class(
		HDR + RTE_ALIGN_CEIL(req->size, (size_t)HDR));
	struct malloc_elem *elem;
	uintptr_t d;

	for (; cls < MALLOC_NB_FREE_LISTS; cls++) {
		LIST_FOREACH (elem, &heap->free_lists[cls], free_link) {
			d = elem_fit(elem, req);
			if (d != 0) {
				*data = (char *)d;
				return elem;
			}
		}
	}
	return NULL;
}

struct malloc_elem *
malloc_elem_find_biggest(struct malloc_heap *heap,
	const struct malloc_request *req, char **data, size_t *len)
{
	struct malloc_elem *elem, *best = NULL;
	uintptr_t d, end;
	unsigned int cls;
	size_t avail;

	*len = 0;
	for (cls = 0; cls < MALLOC_NB_FREE_LISTS; cls++) {
		LIST_FOREACH (elem, &heap->free_lists[cls], free_link) {
			/* Scattered external IOVAs: a sized memzone only. */
			if (!run_suits(elem->run, req) ||
				(elem_iova_check(elem->run, req) &&
					!elem->run->no_iova))
				continue;
			d = RTE_ALIGN_CEIL((uintptr_t)elem + HDR,
				(uintptr_t)req->align);
			end = (uintptr_t)elem + elem->size;
			/* Lazily reserved pages: the rest of d's page. */
			if (req->contig && elem->run->iova_lazy)
				end = RTE_MIN(end,
					RTE_ALIGN_FLOOR(d, elem->run->page_sz) +
						elem->run->page_sz);
			avail = d < end ?
				RTE_ALIGN_FLOOR(end - d, (size_t)HDR) :
				0;
			if (avail > *len) {
				*len = avail;
				*data = (char *)d;
				best = elem;
			}
		}
	}
	return best;
}

/* Splits the bytes of elem beyond keep off as a free element. */
static void
elem_split_tail(struct malloc_heap *heap, struct malloc_elem *elem, size_t keep)
{
	struct malloc_elem *tail, *next = malloc_elem_next(elem);
	size_t tail_size = elem->size - keep;

	if (tail_size < MALLOC_ELEM_MIN_SPLIT)
		return;
	tail = (struct malloc_elem *)((char *)elem + keep);
	elem_init(tail, elem->run, elem, tail_size);
	elem->size = keep;
	if (next != NULL && next->cookie == MALLOC_COOKIE_FREE) {
		/* Keep free elements apart: the tail swallows its neighbour. */
		malloc_elem_free_list_remove(heap, next);
		tail->size += next->size;
		next->cookie = 0;
		next = malloc_elem_next(tail);
	}
	elem_link_next(tail, next);
	malloc_elem_free_list_insert(heap, tail);
}

struct malloc_elem *
malloc_elem_carve(struct malloc_heap *heap, struct malloc_elem *elem,
	char *data, size_t size)
{
	struct malloc_elem *busy = malloc_elem_of(data), *next;

	malloc_elem_free_list_remove(heap, elem);
	if (busy != elem) {
		/* The space before the block stays free on its own. */
		next = malloc_elem_next(elem);
		elem_init(busy, elem->run, elem,
			(size_t)((char *)elem + elem->size - (char *)busy));
		elem->size = (size_t)((char *)busy - (char *)elem);
		elem_link_next(busy, next);
		malloc_elem_free_list_insert(heap, elem);
	}
	busy->cookie = MALLOC_COOKIE_BUSY;
	elem_split_tail(heap, busy, HDR + RTE_ALIGN_CEIL(size, (size_t)HDR));
	busy->user_size = size;
	busy->run->nb_busy++;
	heap->alloc_count++;
	heap->alloc_bytes += busy->size;
	return busy;
}

/* Merges the free element after elem into elem. */
static void
elem_absorb_next(struct malloc_heap *heap, struct malloc_elem *elem,
	struct malloc_elem *next)
{
	struct malloc_elem *after;

	malloc_elem_free_list_remove(heap, next);
	elem->size += next->size;
	next->cookie = 0;
	after = malloc_elem_next(elem);
	elem_link_next(elem, after);
}

struct malloc_elem *
malloc_elem_release(struct malloc_heap *heap, struct malloc_elem *elem)
{
	struct malloc_elem *next = malloc_elem_next(elem);
	struct malloc_elem *prev = elem->prev;

	heap->alloc_count--;
	heap->alloc_bytes -= elem->size;
	elem->run->nb_busy--;
	elem->cookie = MALLOC_COOKIE_FREE;
	if (next != NULL && next->cookie == MALLOC_COOKIE_FREE)
		elem_absorb_next(heap, elem, next);
	if (prev != NULL && prev->cookie == MALLOC_COOKIE_FREE) {
		malloc_elem_free_list_remove(heap, prev);
		prev->size += elem->size;
		elem->cookie = 0;
		next = malloc_elem_next(prev);
		elem_link_next(prev, next);
		elem = prev;
	}
	malloc_elem_free_list_insert(heap, elem);
	return elem;
}

int
malloc_elem_resize(struct malloc_heap *heap, struct malloc_elem *elem,
	size_t size)
{
	size_t need = HDR + RTE_ALIGN_CEIL(size, (size_t)HDR);
	struct malloc_elem *next = malloc_elem_next(elem);
	size_t old_size = elem->size;

	if (need > elem->size) {
		if (next == NULL || next->cookie != MALLOC_COOKIE_FREE ||
			elem->size + next->size < need)
			return -1;
		elem_absorb_next(heap, elem, next);
	}
	elem_split_tail(heap, elem, need);
	heap->alloc_bytes = heap->alloc_bytes - old_size + elem->size;
	elem->user_size = size;
	return 0;
}
