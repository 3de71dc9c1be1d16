/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Heap internals shared by malloc_heap.c (runs, growth, locking) and
 * malloc_elem.c (cutting, merging and finding elements). The layout is
 * described in malloc_heap.h.
 */
#ifndef MALLOC_ELEM_H
#define MALLOC_ELEM_H

#include <assert.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/queue.h>

#include <rte_memory.h>

#include "eal_memseg.h"
#include "malloc_heap.h"

#define MALLOC_NB_FREE_LISTS 16
/* The smallest tail worth splitting off: a header and one cache line. */
#define MALLOC_ELEM_MIN_SPLIT (2 * MALLOC_ELEM_HEADER_LEN)

#define MALLOC_COOKIE_BUSY UINT64_C(0x706f6c6c75784231) /* "polluxB1" */
#define MALLOC_COOKIE_FREE UINT64_C(0x706f6c6c75784630) /* "polluxF0" */

struct malloc_heap;

/* Memory a heap got in one piece from the memseg layer. */
struct malloc_run {
	TAILQ_ENTRY(malloc_run) next;
	struct malloc_heap *heap;
	struct eal_mem_block block;
	char *start;
	size_t len;
	rte_iova_t iova; /* of start; RTE_BAD_IOVA if not contiguous */
	uint64_t page_sz;
	unsigned int type_idx;
	unsigned int nb_busy;	  /* allocated elements */
	struct malloc_elem *last; /* the element that ends at the run's end */
	bool pinned;		  /* pre-reserved: never given back */
	bool external;		  /* application memory (an external heap's) */
	bool no_iova;		  /* external, added without IOVAs */
	/* IOVA as PA, pages reserved lazily: IOVAs read page by page as the
	 * memory is handed out, in no order (contiguous within a page). */
	bool iova_lazy;
};

/* The header in front of every block. */
struct malloc_elem {
	uint64_t cookie; /* MALLOC_COOKIE_BUSY or _FREE */
	struct malloc_run *run;
	struct malloc_elem *prev; /* lower neighbour, NULL if first */
	size_t size;		  /* header + data, to the next element */
	size_t user_size;	  /* bytes asked for (busy elements) */
	LIST_ENTRY(malloc_elem) free_link; /* free elements only */
	uint64_t reserved;
};

static_assert(sizeof(struct malloc_elem) == MALLOC_ELEM_HEADER_LEN,
	"an element header is one cache line");

LIST_HEAD(malloc_free_list, malloc_elem);

struct malloc_heap {
	pthread_mutex_t lock;
	int id; /* slot in the heaps table */
	int socket_id;
	bool present; /* in use (external: created) */
	bool external;
	char name[MALLOC_HEAP_NAME_LEN];
	uint64_t limit; /* --socket-limit bytes, 0: none */
	bool no_growth; /* maps no memory (--no-huge -m: not its socket) */
	uint64_t cap;	/* --no-huge -m: bytes it may map in all, 0: none */
	TAILQ_HEAD(, malloc_run) runs;
	struct malloc_free_list free_lists[MALLOC_NB_FREE_LISTS];
	struct malloc_run *spare; /* an all-free run kept for reuse */
	size_t total_bytes;
	size_t free_bytes;
	size_t alloc_bytes;
	unsigned int free_count;
	unsigned int alloc_count;
};

static inline struct malloc_elem *
malloc_elem_of(const void *data)
{
	return (struct malloc_elem *)((uintptr_t)data - MALLOC_ELEM_HEADER_LEN);
}

static inline void *
malloc_elem_data(const struct malloc_elem *elem)
{
	return (char *)(uintptr_t)elem + MALLOC_ELEM_HEADER_LEN;
}

/* malloc_heap.c, for malloc_heap_external.c (callers hold heap->lock). */
struct malloc_heap *malloc_heap_slot(unsigned int id);
struct malloc_run *malloc_heap_run_add(struct malloc_heap *heap,
	const struct eal_mem_block *block, unsigned int type_idx, bool pinned);
/* Takes a run out of its heap and gives its memory back (or, for an
 * external run, its memseg list). */
void malloc_heap_run_remove(struct malloc_heap *heap, struct malloc_run *run);
void *malloc_heap_alloc_on(struct malloc_heap *heap,
	const struct malloc_request *req);
void *malloc_heap_alloc_biggest_on(struct malloc_heap *heap,
	const struct malloc_request *req, size_t *len);
void malloc_heap_stats_of(struct malloc_heap *heap,
	struct rte_malloc_socket_stats *stats);
void malloc_heap_dump_one(FILE *f, struct malloc_heap *heap);

/* malloc_heap_external.c */
/* The external heap of socket with the registry read-locked, or NULL
 * (nothing locked). malloc_ext_heap_put() lets the registry go. */
struct malloc_heap *malloc_ext_heap_get(int socket);
void malloc_ext_heap_put(void);
/* Whether [data, data + size) of an external run may hold a memzone:
 * consecutive known IOVAs, or (unless strict) no IOVAs at all. */
bool malloc_ext_iova_ok(const struct malloc_run *run, uintptr_t data,
	size_t size, bool strict);

/* malloc_elem.c */
struct malloc_elem *malloc_elem_next(const struct malloc_elem *elem);
void malloc_elem_free_list_insert(struct malloc_heap *heap,
	struct malloc_elem *elem);
void malloc_elem_free_list_remove(struct malloc_heap *heap,
	struct malloc_elem *elem);
/* Turns a run into one free element. */
void malloc_elem_init_run(struct malloc_heap *heap, struct malloc_run *run);
/* Bytes of a run's last element when it is free, else 0. */
size_t malloc_elem_run_tail_free(const struct malloc_run *run);
/* A run grew from old_len to run->len bytes: the new bytes join its last
 * element if that is free, else become a free element of their own. */
void malloc_elem_run_grown(struct malloc_heap *heap, struct malloc_run *run,
	size_t old_len);
/* The first free element that can hold req; *data gets the block start. */
struct malloc_elem *malloc_elem_find(struct malloc_heap *heap,
	const struct malloc_request *req, char **data);
/* The free element offering the most usable bytes for req, or NULL. */
struct malloc_elem *malloc_elem_find_biggest(struct malloc_heap *heap,
	const struct malloc_request *req, char **data, size_t *len);
/* Cuts a busy block of size bytes at data out of a free element. */
struct malloc_elem *malloc_elem_carve(struct malloc_heap *heap,
	struct malloc_elem *elem, char *data, size_t size);
/* Frees a busy element, merging it; returns the resulting free element. */
struct malloc_elem *
malloc_elem_release(struct malloc_heap *heap, struct malloc_elem *elem);
/* Resizes a busy element in place; 0 or -1. */
int malloc_elem_resize(struct malloc_heap *heap, struct malloc_elem *elem,
	size_t size);

#endif /* MALLOC_ELEM_H */
