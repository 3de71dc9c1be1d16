/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Per-socket heaps: what rte_malloc() and memzones allocate from.
 *
 * One heap per NUMA socket. A heap owns runs: blocks of segments it got from
 * eal_memseg_alloc(), contiguous in virtual memory and, unless run->iova is
 * RTE_BAD_IOVA, in IO addresses too. A run is tiled by elements, each one a
 * 64-byte header followed by its data:
 *
 *   run (one or more segments, e.g. 2 MiB hugepages)
 *   +------+------------+------+--------------------+------+---------+
 *   | hdr  | data       | hdr  |                    | hdr  | data    |
 *   | BUSY |            | FREE |                    | BUSY |         |
 *   +------+------------+------+--------------------+------+---------+
 *   ^run->start         \___ elem->size (header included) _/         ^run end
 *                        <---- the next element's prev points back
 *
 * - The next element is at (char *)elem + elem->size, the previous one is
 *   elem->prev (NULL for the first); the last one ends at the run's end.
 * - Headers, data and sizes are multiples of 64 bytes, so data is always
 *   cache-line aligned. When a bigger alignment (or a bound) places the
 *   data further into a free element, the space before it becomes a free
 *   element of its own (a header at least).
 * - Free elements are kept in MALLOC_NB_FREE_LISTS lists by size class
 *   (powers of two), and two free elements are never neighbours: freeing
 *   merges an element with its free neighbours.
 * - Allocation is first fit, from the request's size class up. When nothing
 *   fits, the heap grows by a new run of enough segments (page sizes tried
 *   smallest first); in IOVA-as-PA mode growth for a memzone asks for
 *   physically contiguous pages, and a memzone only uses runs that are,
 *   or fits within one page of a run of lazily reserved pages
 *   (run->iova_lazy: their IOVAs are read as the memory is handed out,
 *   see eal_memalloc.c).
 * - A run whose elements are all free again goes back to the system, except
 *   runs pre-reserved with -m/--socket-mem (pinned) and one spare per heap,
 *   kept so that an alloc/free loop does not map and unmap every time.
 * - Each header carries a cookie, and every pointer handed to rte_free() is
 *   first looked up in the memseg lists, which record the run owning each
 *   segment: a stray pointer is reported, never followed.
 *
 * External heaps (malloc_heap_external.c) are heaps of memory the
 * application mapped itself and hands over with rte_malloc_heap_memory_add():
 *
 *   heap "x" (socket MALLOC_EXT_SOCKET_MIN + k, never reused)
 *     chunk = one memseg list (msl.external = 1, one segment per page,
 *             IOVAs from iova_addrs[] or RTE_BAD_IOVA)
 *           = one pinned run of the heap, never grown, never given back
 *
 * - Their socket ids start at MALLOC_EXT_SOCKET_MIN; SOCKET_ID_ANY never
 *   picks them. A chunk leaves only whole, and only when no block of it is
 *   allocated; a heap is destroyed only when it has no chunk left.
 * - The memory event callbacks see each chunk as one ALLOC when it is added
 *   and one FREE before it is removed (VFIO maps it for DMA that way).
 * - A memzone (IOVA-contiguous by contract) fits where the pages' IOVAs
 *   are consecutive, or in a chunk added without IOVAs at all (it then has
 *   RTE_BAD_IOVA, as in DPDK) unless RTE_MEMZONE_IOVA_CONTIG was asked.
 *
 * Locking: one mutex per heap, taken before eal_memseg_lock. The external
 * heaps' registry lock is taken before any heap lock.
 */
#ifndef MALLOC_HEAP_H
#define MALLOC_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_malloc.h>
#include <rte_memory.h>

struct eal_config;

#define MALLOC_ELEM_HEADER_LEN 64
/* Bigger requests cannot be met by any memseg list: refused up front,
 * which also keeps the size arithmetic far from overflowing. */
#define MALLOC_MAX_REQUEST (SIZE_MAX / 4)
/* A heap name holds at most this many bytes, NUL included (DPDK's
 * RTE_HEAP_NAME_MAX_LEN). */
#define MALLOC_HEAP_NAME_LEN 32
/* The first socket id an external heap gets, as in DPDK: far above any
 * NUMA node. */
#define MALLOC_EXT_SOCKET_MIN RTE_MAX(256, RTE_MAX_NUMA_NODES)
/* Heap slots: one per NUMA node, then room for external heaps. */
#define MALLOC_NB_HEAPS (RTE_MAX_NUMA_NODES + RTE_MAX_HEAPS)

/* An allocation request, after the public API checked its arguments. */
struct malloc_request {
	size_t size;	     /* bytes wanted */
	size_t align;	     /* a power of two, at least a cache line */
	size_t bound;	     /* 0, or a power of two >= size */
	bool contig;	     /* must be IOVA-contiguous (memzones) */
	uint32_t type_mask;  /* allowed page types (bit = type index), 0: any */
	uint64_t page_sizes; /* external runs: allowed page sizes ORed, 0: any */
	bool contig_strict;  /* RTE_MEMZONE_IOVA_CONTIG: known IOVAs only */
};

/* What malloc_heap_block_info() reports about an allocated block. */
struct malloc_block_info {
	size_t usable;	  /* bytes the caller may use */
	rte_iova_t iova;  /* IOVA of the first byte (RTE_BAD_IOVA: unknown) */
	uint64_t page_sz; /* pages behind the block */
	int socket_id;
};

/* Sets up one heap per present socket; limits from --socket-limit. */
int malloc_heaps_init(const struct eal_config *cfg,
	const bool present[RTE_MAX_NUMA_NODES]);

/* Drops every heap and gives all their memory back. */
void malloc_heaps_cleanup(void);

/*
 * Allocates on socket, or for SOCKET_ID_ANY on the caller's socket first,
 * then on any. NULL with rte_errno ENOMEM.
 */
void *malloc_heap_alloc(int socket, const struct malloc_request *req);

/*
 * Allocates the biggest block that fits req (req->size is ignored) from
 * memory the heaps already hold; *len receives its usable size. NULL with
 * rte_errno ENOMEM when there is none.
 */
void *malloc_heap_alloc_biggest(int socket, const struct malloc_request *req,
	size_t *len);

/* Frees a block; -1 (and one log line) for a pointer that is not one. */
int malloc_heap_free(void *ptr);

/* Resizes a block in place: 0, or -1 when it cannot (or ptr is bad). */
int malloc_heap_resize(void *ptr, size_t size);

/* Describes an allocated block: 0, or -1 when ptr is not one. */
int malloc_heap_block_info(const void *ptr, struct malloc_block_info *info);

/*
 * --no-huge with -m: socket's heap may map at most cap_bytes in all (on
 * demand, growing its runs at their ends), the other sockets' heaps map
 * nothing: -m is all the memory there is, as in DPDK, where it is all
 * reserved at start. The first allocation that finds no room says so
 * once, naming the cap of cap_mb MiB.
 */
void malloc_heaps_cap(int socket, uint64_t cap_bytes, uint64_t cap_mb);

/* Maps nb_segs segments of a page type for socket's heap, pinned. 0 or -1. */
int
malloc_heap_reserve(int socket, unsigned int type_idx, unsigned int nb_segs);

/* Counters of a socket's heap (zeroes for a socket without one). */
void malloc_heap_stats(int socket, struct rte_malloc_socket_stats *stats);

/* Prints every heap with its runs. */
void malloc_heap_dump(FILE *f);

/* True for a NUMA socket of this machine or an existing external heap. */
bool malloc_heap_socket_valid(int socket);

/* malloc_heap_external.c */
/* Names the heaps of the present sockets "socket_<id>"; forgets the rest. */
void malloc_ext_init(const bool present[RTE_MAX_NUMA_NODES]);
/* Counters of the external heap of socket: 0, or -1 if there is none. */
int malloc_ext_stats(int socket, struct rte_malloc_socket_stats *stats);
/* Prints the counters of every external heap. */
void malloc_ext_dump_stats(FILE *f);
/* Prints every external heap with its chunks. */
void malloc_ext_dump(FILE *f);

#endif /* MALLOC_HEAP_H */
