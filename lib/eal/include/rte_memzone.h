/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Memzones: named blocks of EAL memory, for rings, pools and descriptor
 * rings that a device reads.
 *
 * Every memzone is contiguous in IO address space as well as in virtual
 * address space (in IOVA-as-PA mode its hugepages are physically adjacent),
 * so a device can be given its iova and length. A descriptor returned by a
 * reserve call stays valid until rte_memzone_free(); all calls are
 * thread-safe. At most RTE_MAX_MEMZONE memzones exist at once.
 */
#ifndef _RTE_MEMZONE_H_
#define _RTE_MEMZONE_H_

#include <stdio.h>

#include <rte_memory.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Page size wishes: the memzone comes from pages of one of the named sizes. */
#define RTE_MEMZONE_2MB	  0x00000001
#define RTE_MEMZONE_1GB	  0x00000002
#define RTE_MEMZONE_16MB  0x00000100
#define RTE_MEMZONE_16GB  0x00000200
#define RTE_MEMZONE_256KB 0x00010000
#define RTE_MEMZONE_256MB 0x00020000
#define RTE_MEMZONE_512MB 0x00040000
#define RTE_MEMZONE_4GB	  0x00080000
/** With a page size flag: another page size will do when that one is short. */
#define RTE_MEMZONE_SIZE_HINT_ONLY 0x00000004
/** IOVA-contiguous memory (every Pollux memzone is; accepted for DPDK code). */
#define RTE_MEMZONE_IOVA_CONTIG 0x00100000

/** A reserved memzone. Read-only for applications. */
struct rte_memzone {
#define RTE_MEMZONE_NAMESIZE 32		 /**< bytes of name, NUL included */
	char name[RTE_MEMZONE_NAMESIZE]; /**< unique name */
	rte_iova_t iova;		 /**< IO address of addr */
	RTE_STD_C11
	union {
		void *addr;	  /**< virtual address */
		uint64_t addr_64; /**< keeps the member 64 bits wide */
	};
	size_t len;	      /**< usable bytes */
	uint64_t hugepage_sz; /**< size of the pages behind it */
	int32_t socket_id;    /**< NUMA socket of its memory */
	uint32_t flags;	      /**< always 0 */
} __rte_packed;

/**
 * Reserves a memzone of len bytes, aligned on a cache line.
 *
 * @param name unique name, at most RTE_MEMZONE_NAMESIZE - 1 characters.
 * @param len bytes wanted (rounded up to a cache line); 0 reserves the
 *   biggest block already free in the heaps (it maps no new memory).
 * @param socket_id NUMA socket, or SOCKET_ID_ANY (the caller's socket
 *   first, then any other).
 * @param flags RTE_MEMZONE_* page size flags, SIZE_HINT_ONLY, IOVA_CONTIG.
 * @return the descriptor, or NULL with rte_errno set:
 *   - E_RTE_NO_CONFIG: the EAL is not initialised
 *   - EINVAL: NULL name, unknown flag bits, bad socket, bad length
 *   - ENAMETOOLONG: the name does not fit (as DPDK 22.11)
 *   - EEXIST: a memzone has that name
 *   - ENOSPC: RTE_MAX_MEMZONE memzones already exist
 *   - ENOMEM: no memory of the wanted kind can be had
 */
const struct rte_memzone *rte_memzone_reserve(const char *name, size_t len,
	int socket_id, unsigned int flags);

/**
 * As rte_memzone_reserve(), with addr aligned on align bytes, a power of two
 * (0 or less than a cache line means a cache line). EINVAL when align is
 * not a power of two.
 */
const struct rte_memzone *rte_memzone_reserve_aligned(const char *name,
	size_t len, int socket_id, unsigned int flags, unsigned int align);

/**
 * As rte_memzone_reserve_aligned(), and the memzone does not cross a
 * multiple of bound, a power of two no smaller than the rounded-up len
 * (0: no bound). EINVAL for a bad bound. With len 0 and a bound, the
 * memzone is bound bytes long.
 */
const struct rte_memzone *
rte_memzone_reserve_bounded(const char *name, size_t len, int socket_id,
	unsigned int flags, unsigned int align, unsigned int bound);

/**
 * Frees a memzone; its descriptor becomes invalid.
 * @return 0, or -EINVAL when mz is NULL or not a reserved memzone.
 */
int rte_memzone_free(const struct rte_memzone *mz);

/**
 * The memzone with that name.
 * @return the descriptor, or NULL (rte_errno ENOENT, EINVAL for a NULL
 *   name, E_RTE_NO_CONFIG before rte_eal_init()).
 */
const struct rte_memzone *rte_memzone_lookup(const char *name);

/** Prints one line per memzone. */
void rte_memzone_dump(FILE *f);

/**
 * Calls func on every memzone. func must not reserve or free memzones
 * (the memzone table is locked for reading meanwhile).
 */
void rte_memzone_walk(void (*func)(const struct rte_memzone *, void *arg),
	void *arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMZONE_H_ */
