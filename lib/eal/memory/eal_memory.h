/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * State the parts of the memory subsystem share: whether it is up, which
 * sockets have memory, and the per-socket limits (--socket-limit).
 *
 * The parts, bottom up:
 *   eal_hugepages.c  what hugepages the kernel offers
 *   eal_iova.c       IOVA mode, pagemap, virt <-> iova
 *   eal_memseg.c     memseg lists: reserve address space, find segments
 *   eal_memalloc.c   map and unmap segments (memfd/hugetlbfs/anonymous)
 *   eal_memevent.c   memory event callbacks, DMA mask
 *   malloc_heap.c    per-socket heaps of variable-size elements
 *   malloc_heap_external.c  named heaps of the application's memory
 *   rte_malloc.c     the rte_malloc family
 *   eal_memzone.c    named, IOVA-contiguous memzones
 *   eal_memory.c     eal_memory_init()/eal_memory_cleanup()
 */
#ifndef EAL_MEMORY_H
#define EAL_MEMORY_H

#include <stdbool.h>
#include <stdint.h>

/* True between a successful eal_memory_init() and eal_memory_cleanup(). */
bool eal_mem_ready(void);

/* True when socket is a NUMA node of this machine (0 without NUMA). */
bool eal_mem_socket_valid(int socket);

/* The socket SOCKET_ID_ANY tries first: the caller's, else the first one. */
int eal_mem_local_socket(void);

/* eal_memzone.c */
void eal_memzone_reset(void);

#endif /* EAL_MEMORY_H */
