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
 * - socket SOCKET_ID_ANY tries the caller's socket, then every other one;
 *   a socket the machine does not have: NULL, rte_errno EINVAL.
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
	size_t heap_totalsz_bytes;	/**< bytes of memory the heap holds */
	size_t heap_freesz_bytes;	/**< bytes in free elements */
	size_t greatest_free_size;	/**< bytes in the biggest free element */
	unsigned int free_count;	/**< free elements */
	unsigned int alloc_count;	/**< allocated elements */
	size_t heap_allocsz_bytes;	/**< bytes in allocated elements */
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
void *rte_realloc(void *ptr, size_t size, unsigned int align)
	__rte_alloc_size(2);

/** rte_realloc() that moves the block to socket when it is elsewhere. */
void *rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);

/** Allocates on socket (SOCKET_ID_ANY: the caller's first, then any). */
void *rte_malloc_socket(const char *type, size_t size, unsigned int align,
		int socket)
	__rte_alloc_size(2);

/** rte_malloc_socket() with the memory zeroed. */
void *rte_zmalloc_socket(const char *type, size_t size, unsigned int align,
		int socket)
	__rte_alloc_size(2);

/** rte_calloc() on socket. */
void *rte_calloc_socket(const char *type, size_t num, size_t size,
		unsigned int align, int socket)
	__rte_alloc_size(2, 3);

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
 * Fills socket_stats with the counters of socket's heap.
 * @return 0, or -1 with rte_errno EINVAL (bad socket or NULL pointer) or
 *   E_RTE_NO_CONFIG.
 */
int rte_malloc_get_socket_stats(int socket,
		struct rte_malloc_socket_stats *socket_stats);

/** 0 for every socket heap (there are no external heaps), -1 for a bad id. */
int rte_malloc_heap_socket_is_external(int socket_id);

/** Prints the counters of every socket's heap (type is ignored). */
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
