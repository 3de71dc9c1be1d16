/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The rte_malloc family: argument checks in front of the per-socket heaps
 * (malloc_heap.c).
 */
#include <errno.h>
#include <inttypes.h>
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
#include "malloc_heap.h"

static bool
socket_arg_valid(int socket)
{
	return socket == SOCKET_ID_ANY || malloc_heap_socket_valid(socket);
}

/* Checks what every allocation call gets; fills req. 0 or -1. */
static int
malloc_args(const char *func, size_t size, unsigned int align, int socket,
	struct malloc_request *req)
{
	if (!eal_mem_ready()) {
		RTE_LOG(ERR, MALLOC, "%s() before rte_eal_init()\n", func);
		rte_errno = E_RTE_NO_CONFIG;
		return -1;
	}
	if (size == 0 || (align != 0 && !rte_is_power_of_2(align)) ||
		!socket_arg_valid(socket)) {
		RTE_LOG(ERR, MALLOC,
			"%s(): invalid %s (size %zu, align %u, "
			"socket %d)\n",
			func,
			size == 0			  ? "size" :
				!socket_arg_valid(socket) ? "socket" :
							    "alignment",
			size, align, socket);
		rte_errno = EINVAL;
		return -1;
	}
	memset(req, 0, sizeof(*req));
	req->size = size;
	req->align = RTE_MAX((size_t)align, (size_t)RTE_CACHE_LINE_SIZE);
	return 0;
}

static void *
malloc_socket(const char *func, size_t size, unsigned int align, int socket)
{
	struct malloc_request req;
	void *ptr;

	if (malloc_args(func, size, align, socket, &req) < 0)
		return NULL;
	ptr = malloc_heap_alloc(socket, &req);
	if (ptr == NULL)
		RTE_LOG(DEBUG, MALLOC,
			"%s(): no memory for %zu bytes on "
			"socket %d\n",
			func, size, socket);
	return ptr;
}

void *
rte_malloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	RTE_SET_USED(type);
	return malloc_socket(__func__, size, align, socket);
}

void *
rte_malloc(const char *type, size_t size, unsigned int align)
{
	RTE_SET_USED(type);
	return malloc_socket(__func__, size, align, SOCKET_ID_ANY);
}

void *
rte_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	void *ptr;

	RTE_SET_USED(type);
	/* Freed blocks keep their old contents: zero every time. */
	ptr = malloc_socket(__func__, size, align, socket);
	if (ptr != NULL)
		memset(ptr, 0, size);
	return ptr;
}

void *
rte_zmalloc(const char *type, size_t size, unsigned int align)
{
	return rte_zmalloc_socket(type, size, align, SOCKET_ID_ANY);
}

void *
rte_calloc_socket(const char *type, size_t num, size_t size, unsigned int align,
	int socket)
{
	if (num != 0 && size > SIZE_MAX / num) {
		RTE_LOG(ERR, MALLOC,
			"rte_calloc(): %zu * %zu bytes "
			"overflows\n",
			num, size);
		rte_errno = EINVAL;
		return NULL;
	}
	return rte_zmalloc_socket(type, num * size, align, socket);
}

void *
rte_calloc(const char *type, size_t num, size_t size, unsigned int align)
{
	return rte_calloc_socket(type, num, size, align, SOCKET_ID_ANY);
}

void *
rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
{
	struct malloc_block_info info;
	struct malloc_request req;
	void *moved;

	if (ptr == NULL)
		return malloc_socket(__func__, size, align, socket);
	if (malloc_args(__func__, size, align, socket, &req) < 0)
		return NULL;
	if (malloc_heap_block_info(ptr, &info) < 0) {
		RTE_LOG(ERR, MALLOC,
			"rte_realloc(%p): not a block from "
			"rte_malloc\n",
			ptr);
		rte_errno = EINVAL;
		return NULL;
	}
	if ((socket == SOCKET_ID_ANY || socket == info.socket_id) &&
		rte_is_aligned(ptr, req.align) &&
		malloc_heap_resize(ptr, size) == 0)
		return ptr;
	moved = malloc_socket(__func__, size, align, socket);
	if (moved == NULL)
		return NULL;
	memcpy(moved, ptr, RTE_MIN(info.usable, size));
	malloc_heap_free(ptr);
	return moved;
}

void *
rte_realloc(void *ptr, size_t size, unsigned int align)
{
	return rte_realloc_socket(ptr, size, align, SOCKET_ID_ANY);
}

void
rte_free(void *ptr)
{
	if (ptr == NULL)
		return;
	if (!eal_mem_ready()) {
		RTE_LOG(ERR, MALLOC,
			"rte_free(%p) without an initialised "
			"EAL: ignored\n",
			ptr);
		return;
	}
	if (malloc_heap_free(ptr) < 0)
		RTE_LOG(ERR, MALLOC,
			"rte_free(%p): not memory from "
			"rte_malloc, or freed already: ignored\n",
			ptr);
}

int
rte_malloc_validate(const void *ptr, size_t *size)
{
	struct malloc_block_info info;

	if (!eal_mem_ready() || malloc_heap_block_info(ptr, &info) < 0)
		return -1;
	if (size != NULL)
		*size = info.usable;
	return 0;
}

int
rte_malloc_get_socket_stats(int socket,
	struct rte_malloc_socket_stats *socket_stats)
{
	if (!eal_mem_ready()) {
		rte_errno = E_RTE_NO_CONFIG;
		return -1;
	}
	if (socket_stats == NULL || !malloc_heap_socket_valid(socket)) {
		RTE_LOG(ERR, MALLOC,
			"rte_malloc_get_socket_stats(): bad "
			"socket %d or NULL stats\n",
			socket);
		rte_errno = EINVAL;
		return -1;
	}
	malloc_heap_stats(socket, socket_stats);
	return 0;
}

void
rte_malloc_dump_stats(FILE *f, const char *type)
{
	struct rte_malloc_socket_stats stats;
	int s;

	RTE_SET_USED(type);
	if (f == NULL || !eal_mem_ready())
		return;
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		if (!eal_mem_socket_valid(s))
			continue;
		malloc_heap_stats(s, &stats);
		fprintf(f,
			"Socket %d: heap %zu bytes, free %zu, allocated "
			"%zu, greatest free %zu, %u allocated and %u free "
			"elements\n",
			s, stats.heap_totalsz_bytes, stats.heap_freesz_bytes,
			stats.heap_allocsz_bytes, stats.greatest_free_size,
			stats.alloc_count, stats.free_count);
	}
	malloc_ext_dump_stats(f);
}

void
rte_malloc_dump_heaps(FILE *f)
{
	if (f == NULL || !eal_mem_ready())
		return;
	malloc_heap_dump(f);
}

rte_iova_t
rte_malloc_virt2iova(const void *addr)
{
	const struct rte_memseg *ms;
	rte_iova_t iova = RTE_BAD_IOVA;

	if (!eal_mem_ready())
		return RTE_BAD_IOVA;
	pthread_rwlock_rdlock(&eal_memseg_lock);
	ms = eal_memseg_find(addr, NULL);
	if (ms != NULL && ms->iova != RTE_BAD_IOVA)
		iova = ms->iova + RTE_PTR_DIFF(addr, ms->addr);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return iova;
}
