/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * rte_malloc: allocations from the EAL's per-socket heaps, i.e. from
 * hugepages (or, with --no-huge, ordinary memory), which a device can reach
 * by rte_malloc_virt2iova().
 *
 * Common rules:
 * - type is a label for debugging; it is ignored and may be NULL.
 * - align 0 means a cache line; otherwise it must be a power of two
 *   (smaller than a cache line is raised to one). Not a power of two:
 *   NULL, rte_errno EINVAL.
 * - size 0: NULL, rte_errno EINVAL.
 * - socket SOCKET_ID_ANY tries the caller's socket, then every other one
 *   (never an external heap); socket may also be an external heap's id
 *   (rte_malloc_heap_get_socket()); a socket the machine does not have and
 *   no external heap has: NULL, rte_errno EINVAL.
 * - no memory: NULL, rte_errno ENOMEM. Before rte_eal_init() (or after
 *   rte_eal_cleanup()): NULL, rte_errno E_RTE_NO_CONFIG.
 * Every function is thread-safe.
 */
#ifndef _RTE_MALLOC_H_
#define _RTE_MALLOC_H_

#include <stdio.h>
#include <stddef.h>
/* What DPDK's rte_malloc.h brings along through rte_memory.h. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_memory.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Counters of one socket's heap. Byte counts include element headers. */
struct rte_malloc_socket_stats {
	size_t heap_totalsz_bytes; /**< bytes of memory the heap holds */
	size_t heap_freesz_bytes;  /**< bytes in free elements */
	size_t greatest_free_size; /**< bytes in the biggest free element */
	unsigned int free_count;   /**< free elements */
	unsigned int alloc_count;  /**< allocated elements */
	size_t heap_allocsz_bytes; /**< bytes in allocated elements */
};

/** Allocates size bytes on any socket (the caller's first). */
void *rte_malloc(const char *type, size_t size, unsigned int align)
	__rte_alloc_size(2);

/** rte_malloc() with the memory zeroed. */
void *rte_zmalloc(const char *type, size_t size, unsigned int align)
	__rte_alloc_size(2);

/**
 * Zeroed memory for num objects of size bytes. NULL with rte_errno EINVAL
 * when num * size overflows or is 0.
 */
void *rte_calloc(const char *type, size_t num, size_t size, unsigned int align)
	__rte_alloc_size(2, 3);

/**
 * Resizes ptr to size bytes, in place when it can, else by moving the
 * data to a new block (then ptr is freed). ptr NULL behaves as
 * rte_malloc(). On failure NULL is returned and ptr is left untouched
 * (size 0 is such a failure, EINVAL).
 */
void *
rte_realloc(void *ptr, size_t size, unsigned int align) __rte_alloc_size(2);

/** rte_realloc() that moves the block to socket when it is elsewhere. */
void *rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);

/** Allocates on socket (SOCKET_ID_ANY: the caller's first, then any). */
void *rte_malloc_socket(const char *type, size_t size, unsigned int align,
	int socket) __rte_alloc_size(2);

/** rte_malloc_socket() with the memory zeroed. */
void *rte_zmalloc_socket(const char *type, size_t size, unsigned int align,
	int socket) __rte_alloc_size(2);

/** rte_calloc() on socket. */
void *rte_calloc_socket(const char *type, size_t num, size_t size,
	unsigned int align, int socket) __rte_alloc_size(2, 3);

/**
 * Frees memory from the calls above. NULL is ignored. A pointer that the
 * heaps did not hand out (or one already freed) is reported in the log and
 * otherwise ignored.
 */
void rte_free(void *ptr);

/**
 * Checks that ptr is the start of an allocated heap block.
 * @param size if not NULL, receives the usable bytes of the block.
 * @return 0 if it is, -1 if not.
 */
int rte_malloc_validate(const void *ptr, size_t *size);

/**
 * Fills socket_stats with the counters of socket's heap (an external
 * heap's socket id works too).
 * @return 0, or -1 with rte_errno EINVAL (bad socket or NULL pointer) or
 *   E_RTE_NO_CONFIG.
 */
int rte_malloc_get_socket_stats(int socket,
	struct rte_malloc_socket_stats *socket_stats);

/*
 * External heaps: named heaps of memory the application mapped itself
 * (anonymous memory, a device BAR, a file...). Each one gets its own socket
 * id (from 256 up, never reused) that rte_malloc_socket(), rte_zmalloc_socket(),
 * rte_memzone_reserve(), rte_mempool_create() and rte_pktmbuf_pool_create()
 * take like any socket; SOCKET_ID_ANY never picks an external heap. Such a
 * heap never grows: it has what was added. The memory event callbacks see
 * each chunk as one RTE_MEM_EVENT_ALLOC when it is added and one
 * RTE_MEM_EVENT_FREE before it is removed (VFIO DMA-maps it that way), and
 * rte_mem_virt2memseg(), rte_mem_virt2iova() and rte_malloc_virt2iova()
 * answer for it from the IOVAs given (RTE_BAD_IOVA where none were).
 * A memzone on an external heap is IOVA-contiguous where the pages have
 * IOVAs; in memory added without IOVAs it has RTE_BAD_IOVA, unless
 * RTE_MEMZONE_IOVA_CONTIG was asked, which then fails (as in DPDK).
 *
 * Heap names have 1 to 31 characters; the heap of each NUMA socket is
 * named "socket_<id>" (it can be looked up, not changed). Every call below
 * fails with rte_errno E_RTE_NO_CONFIG before rte_eal_init(), and is
 * thread-safe. Pollux runs one process: see attach/detach.
 */

/**
 * Adds the memory [va_addr, va_addr + len) to the external heap heap_name,
 * as one chunk of page_sz pages. The memory must stay mapped and writable
 * until it is removed; its old contents are overwritten.
 *
 * @param iova_addrs the IOVA of each page, or NULL (RTE_BAD_IOVA for all).
 * @param n_pages entries in iova_addrs (ignored when it is NULL).
 * @param page_sz a power of two, at least 4 KiB; va_addr and len are
 *   multiples of it.
 * @return 0, or -1 with rte_errno:
 *   EINVAL: bad name, NULL va_addr, len 0, page_sz or alignment wrong,
 *     n_pages not len / page_sz, or the area overlaps memory the EAL has;
 *   ENOENT: no heap of that name; EPERM: a socket heap;
 *   ENOSPC: no free memseg list left (RTE_MAX_MEMSEG_LISTS); ENOMEM.
 */
int rte_malloc_heap_memory_add(const char *heap_name, void *va_addr, size_t len,
	rte_iova_t iova_addrs[], unsigned int n_pages, size_t page_sz);

/**
 * Removes a chunk from heap_name: exactly an area that was added (no part
 * of one). The memory is the application's again afterwards.
 * @return 0, or -1 with rte_errno: EINVAL (bad name, NULL va_addr, len 0),
 *   ENOENT (no such heap, or no such chunk in it), EPERM (a socket heap),
 *   EBUSY (blocks of the chunk are still allocated).
 */
int
rte_malloc_heap_memory_remove(const char *heap_name, void *va_addr, size_t len);

/**
 * DPDK maps a chunk another process added into this one. Pollux has one
 * process, which is attached to every chunk from the moment it was added:
 * this checks that the chunk exists and changes nothing (no event either).
 * @return 0, or -1 with rte_errno EINVAL, ENOENT or EPERM as
 *   rte_malloc_heap_memory_remove() says.
 */
int
rte_malloc_heap_memory_attach(const char *heap_name, void *va_addr, size_t len);

/**
 * The counterpart of rte_malloc_heap_memory_attach(): checks that the chunk
 * exists and changes nothing; the memory stays usable until it is removed.
 * @return as rte_malloc_heap_memory_attach().
 */
int
rte_malloc_heap_memory_detach(const char *heap_name, void *va_addr, size_t len);

/**
 * Creates an empty external heap; rte_malloc_heap_get_socket() tells its
 * socket id.
 * @return 0, or -1 with rte_errno EINVAL (name NULL, empty or longer than
 *   31 characters), EEXIST (a heap of that name exists), ENOSPC (all
 *   RTE_MAX_HEAPS heaps, the socket heaps included, exist).
 */
int rte_malloc_heap_create(const char *heap_name);

/**
 * Destroys an external heap, which must have no memory left.
 * @return 0, or -1 with rte_errno EINVAL (bad name), ENOENT (no heap of
 *   that name), EPERM (a socket heap), EBUSY (it still has memory: free
 *   its blocks and remove its chunks first).
 */
int rte_malloc_heap_destroy(const char *heap_name);

/**
 * The socket id of the heap named name (a socket heap's is its socket).
 * @return it (>= 0), or -1 with rte_errno EINVAL (bad name) or ENOENT.
 */
int rte_malloc_heap_get_socket(const char *name);

/**
 * @return 1 if socket_id is an external heap's, 0 if it is a NUMA socket's
 *   or SOCKET_ID_ANY, -1 (rte_errno EINVAL) if it is neither.
 */
int rte_malloc_heap_socket_is_external(int socket_id);

/** Prints the counters of every heap, external ones too (type is ignored). */
void rte_malloc_dump_stats(FILE *f, const char *type);

/** Prints every heap with its memory runs and element counts. */
void rte_malloc_dump_heaps(FILE *f);

/**
 * The IO address of a pointer into an allocated heap block.
 * @return it, or RTE_BAD_IOVA when addr is not in heap memory.
 */
rte_iova_t rte_malloc_virt2iova(const void *addr);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MALLOC_H_ */
