/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Memory segments: the pages the EAL maps for its heaps, their virtual
 * and IO addresses, and ways to walk and translate them.
 *
 * The EAL maps memory in segments. A segment is one hugepage (2 MiB or
 * 1 GiB), or, with --no-huge, a 2 MiB chunk of ordinary memory. Segments of
 * one page size on one NUMA socket live in a memseg list: a virtual address
 * range reserved up front, into which segments are mapped as the heaps grow
 * and from which they are unmapped when the heaps shrink. Neighbouring
 * segments of a list are therefore adjacent in virtual memory.
 *
 * Locking: the walk functions hold the memory lock for reading while they
 * call the callback, so a callback must not allocate or free EAL memory
 * (use the *_thread_unsafe variants from memory event callbacks, which run
 * with that lock held for writing).
 */
#ifndef _RTE_MEMORY_H_
#define _RTE_MEMORY_H_

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>

#include <rte_config.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_PGSIZE_4K	(1ULL << 12)
#define RTE_PGSIZE_64K	(1ULL << 16)
#define RTE_PGSIZE_256K (1ULL << 18)
#define RTE_PGSIZE_2M	(1ULL << 21)
#define RTE_PGSIZE_16M	(1ULL << 24)
#define RTE_PGSIZE_256M (1ULL << 28)
#define RTE_PGSIZE_512M (1ULL << 29)
#define RTE_PGSIZE_1G	(1ULL << 30)
#define RTE_PGSIZE_4G	(1ULL << 32)
#define RTE_PGSIZE_16G	(1ULL << 34)

#ifndef SOCKET_ID_ANY
#define SOCKET_ID_ANY -1 /**< any NUMA socket */
#endif

/** The segment is never returned to the system (pre-reserved with -m). */
#define RTE_MEMSEG_FLAG_DO_NOT_FREE RTE_BIT32(0)
/** The segment may hold old data (never set: pages are zeroed by the kernel). */
#define RTE_MEMSEG_FLAG_DIRTY RTE_BIT32(1)

/** One mapped segment. */
struct rte_memseg {
	rte_iova_t iova; /**< IO address of the first byte */
	RTE_STD_C11
	union {
		void *addr;	  /**< virtual address of the first byte */
		uint64_t addr_64; /**< keeps the member 64 bits wide */
	};
	size_t len;	      /**< bytes in the segment */
	uint64_t hugepage_sz; /**< size of the pages behind it */
	int32_t socket_id;    /**< NUMA socket of its memory */
	uint32_t nchannel;    /**< memory channels (-n), 0 if unknown */
	uint32_t nrank;	      /**< memory ranks (-r), 0 if unknown */
	uint32_t flags;	      /**< RTE_MEMSEG_FLAG_* */
} __rte_packed;

/**
 * A virtual address range holding the segments of one page size on one
 * socket. Unlike DPDK, the segment array itself is private (there is no
 * memseg_arr member); reach segments through the walk functions or
 * rte_mem_virt2memseg().
 */
struct rte_memseg_list {
	RTE_STD_C11
	union {
		void *base_va;	  /**< start of the reserved range */
		uint64_t addr_64; /**< keeps the member 64 bits wide */
	};
	uint64_t page_sz; /**< page size of every segment in the list */
	int socket_id;	  /**< NUMA socket of every segment */
	volatile uint32_t version; /**< bumped on every map or unmap */
	size_t len;		   /**< bytes of address space reserved */
	unsigned int external;	   /**< 1: an external heap's memory */
	unsigned int heap;	   /**< 1: the segments feed a malloc heap */
};

/**
 * Locks the page that holds virt in memory (mlock()).
 * @return 0, or -1 with errno set by mlock().
 */
int rte_mem_lock_page(const void *virt);

/**
 * The physical address behind any mapped, resident virtual address of the
 * process, read from /proc/self/pagemap.
 * @return the address, or RTE_BAD_PHYS_ADDR when the page is not resident
 *   or the process may not see physical addresses (no CAP_SYS_ADMIN).
 */
phys_addr_t rte_mem_virt2phy(const void *virt);

/**
 * The IO address a device must use for virt: the virtual address itself in
 * IOVA-as-VA mode, the physical address in IOVA-as-PA mode. In memory added
 * to an external heap it is, in either mode, the IOVA given for its page
 * (rte_malloc_heap_memory_add()), or RTE_BAD_IOVA when none was.
 * @return the address, or RTE_BAD_IOVA when it is unknown (or before
 *   rte_eal_init()).
 */
rte_iova_t rte_mem_virt2iova(const void *virt);

/**
 * The virtual address of an IO address inside EAL memory.
 * @return the address, or NULL when no EAL segment holds that IOVA.
 */
void *rte_mem_iova2virt(rte_iova_t iova);

/**
 * The segment that holds virt (an external heap's memory has one segment
 * per page, whose iova is the one given, or RTE_BAD_IOVA).
 * @param msl the list to look in, or NULL to look in every list.
 * @return the segment, or NULL when virt is not in mapped EAL memory.
 */
struct rte_memseg *
rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl);

/**
 * The memseg list whose reserved range holds virt (mapped or not).
 * @return the list, or NULL.
 */
struct rte_memseg_list *rte_mem_virt2memseg_list(const void *virt);

/** Callback of rte_memseg_walk(): 0 goes on, 1 stops, -1 stops with an error. */
typedef int (*rte_memseg_walk_t)(const struct rte_memseg_list *msl,
	const struct rte_memseg *ms, void *arg);

/**
 * Callback of rte_memseg_contig_walk(): called with the first segment of a
 * run of segments that are contiguous in virtual memory, and the run's
 * length. Same return convention.
 */
typedef int (*rte_memseg_contig_walk_t)(const struct rte_memseg_list *msl,
	const struct rte_memseg *ms, size_t len, void *arg);

/** Callback of rte_memseg_list_walk(). Same return convention. */
typedef int (
	*rte_memseg_list_walk_t)(const struct rte_memseg_list *msl, void *arg);

/**
 * Calls func on every mapped segment, in address order within each list.
 * @return 0 when every call returned 0, 1 when a call returned 1, -1 when
 *   a call returned -1.
 */
int rte_memseg_walk(rte_memseg_walk_t func, void *arg);

/** Calls func on every run of virtually contiguous mapped segments. */
int rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg);

/** Calls func on every memseg list. */
int rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg);

/** rte_memseg_walk() without taking the memory lock. */
int rte_memseg_walk_thread_unsafe(rte_memseg_walk_t func, void *arg);

/** rte_memseg_contig_walk() without taking the memory lock. */
int
rte_memseg_contig_walk_thread_unsafe(rte_memseg_contig_walk_t func, void *arg);

/** rte_memseg_list_walk() without taking the memory lock. */
int rte_memseg_list_walk_thread_unsafe(rte_memseg_list_walk_t func, void *arg);

/**
 * The file descriptor behind a mapped segment, for sharing the memory with
 * another process (vhost-user): every segment has one, ordinary memory
 * (--no-huge) included, which is a memfd then. The fd stays the EAL's:
 * never close it, truncate it or write through it. Takes the memory lock
 * for reading, so it must not be called from a memory event callback.
 *
 * @return the fd, or -1 with rte_errno EINVAL (ms NULL or not a segment
 *   of a memseg list), ENOENT (an unused segment), ENODEV (the segment
 *   has no fd: memfd_create() was not available).
 */
int rte_memseg_get_fd(const struct rte_memseg *ms);

/** rte_memseg_get_fd() without taking the memory lock. */
int rte_memseg_get_fd_thread_unsafe(const struct rte_memseg *ms);

/**
 * Where a mapped segment starts in the file of rte_memseg_get_fd(): the
 * segment's bytes are [*offset, *offset + ms->len) of that file.
 *
 * @return 0, or -1 with rte_errno EINVAL (ms or offset NULL, ms not a
 *   segment), ENOENT (unused segment), ENODEV (no fd).
 */
int rte_memseg_get_fd_offset(const struct rte_memseg *ms, size_t *offset);

/** rte_memseg_get_fd_offset() without taking the memory lock. */
int rte_memseg_get_fd_offset_thread_unsafe(const struct rte_memseg *ms,
	size_t *offset);

/** Prints every memseg list and its mapped segments. */
void rte_dump_physmem_layout(FILE *f);

/** Bytes of memory mapped in segments right now. */
uint64_t rte_eal_get_physmem_size(void);

/** Memory channels given with -n (0 if not given). */
unsigned int rte_memory_get_nchannel(void);

/** Memory ranks given with -r (0 if not given). */
unsigned int rte_memory_get_nrank(void);

/**
 * Checks that every mapped segment's IOVA range fits in maskbits bits.
 * @return 0 if it does; -1 when a segment reaches above it, or with
 *   rte_errno EINVAL when maskbits is outside 1..64.
 */
int rte_mem_check_dma_mask(uint8_t maskbits);

/** rte_mem_check_dma_mask() without taking the memory lock. */
int rte_mem_check_dma_mask_thread_unsafe(uint8_t maskbits);

/** Records the narrowest DMA address width a device needs (informational). */
void rte_mem_set_dma_mask(uint8_t maskbits);

/** 1 when the EAL reads physical addresses (IOVA-as-PA mode), else 0. */
int rte_eal_using_phys_addrs(void);

/** What happened to the memory given to a memory event callback. */
enum rte_mem_event {
	RTE_MEM_EVENT_ALLOC = 0, /**< segments were mapped */
	RTE_MEM_EVENT_FREE,	 /**< segments are about to be unmapped */
};

#define RTE_MEM_EVENT_CALLBACK_NAME_LEN 64

/** Called with the memory lock held for writing; must not allocate. */
typedef void (*rte_mem_event_callback_t)(enum rte_mem_event event_type,
	const void *addr, size_t len, void *arg);

/**
 * Registers a callback run whenever segments are mapped (after) or
 * unmapped (before). The (name, arg) pair identifies it.
 * @return 0, or -1 with rte_errno EINVAL (NULL name or callback, empty
 *   name), ENAMETOOLONG, EEXIST (same name and arg), ENOMEM.
 */
int rte_mem_event_callback_register(const char *name,
	rte_mem_event_callback_t clb, void *arg);

/**
 * Removes a callback registered with that name and arg.
 * @return 0, or -1 with rte_errno EINVAL or ENOENT.
 */
int rte_mem_event_callback_unregister(const char *name, void *arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMORY_H_ */
