/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Memory event callbacks (a VFIO container maps every new segment for DMA
 * through them) and the DMA address width check.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_memseg.h"

struct mem_event_callback {
	TAILQ_ENTRY(mem_event_callback) next;
	char name[RTE_MEM_EVENT_CALLBACK_NAME_LEN];
	rte_mem_event_callback_t clb;
	void *arg;
};

static TAILQ_HEAD(, mem_event_callback) callbacks = TAILQ_HEAD_INITIALIZER(
	callbacks);
/* Innermost lock: taken under eal_memseg_lock by eal_mem_event_notify(). */
static pthread_rwlock_t callbacks_lock = PTHREAD_RWLOCK_INITIALIZER;
static uint8_t dma_mask_bits;

static struct mem_event_callback *
callback_find(const char *name, void *arg)
{
	struct mem_event_callback *cb;

	TAILQ_FOREACH (cb, &callbacks, next)
		if (cb->arg == arg && strcmp(cb->name, name) == 0)
			return cb;
	return NULL;
}

static int
callback_name_check(const char *name)
{
	size_t len;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	len = strnlen(name, RTE_MEM_EVENT_CALLBACK_NAME_LEN);
	if (len == 0) {
		rte_errno = EINVAL;
		return -1;
	}
	if (len == RTE_MEM_EVENT_CALLBACK_NAME_LEN) {
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int
rte_mem_event_callback_register(const char *name, rte_mem_event_callback_t clb,
	void *arg)
{
	struct mem_event_callback *cb;
	int ret = -1;

	if (clb == NULL) {
		EAL_LOG(ERR, "memory event callback: NULL function\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (callback_name_check(name) < 0) {
		EAL_LOG(ERR, "memory event callback: bad name\n");
		return -1;
	}
	pthread_rwlock_wrlock(&callbacks_lock);
	if (callback_find(name, arg) != NULL) {
		EAL_LOG(ERR, "memory event callback '%s' already registered\n",
			name);
		rte_errno = EEXIST;
	} else if ((cb = calloc(1, sizeof(*cb))) == NULL) {
		EAL_LOG(ERR, "no memory for memory event callback '%s'\n", name);
		rte_errno = ENOMEM;
	} else {
		snprintf(cb->name, sizeof(cb->name), "%s", name);
		cb->clb = clb;
		cb->arg = arg;
		TAILQ_INSERT_TAIL(&callbacks, cb, next);
		ret = 0;
	}
	pthread_rwlock_unlock(&callbacks_lock);
	return ret;
}

int
rte_mem_event_callback_unregister(const char *name, void *arg)
{
	struct mem_event_callback *cb;

	if (callback_name_check(name) < 0) {
		EAL_LOG(ERR, "memory event callback: bad name\n");
		return -1;
	}
	pthread_rwlock_wrlock(&callbacks_lock);
	cb = callback_find(name, arg);
	if (cb != NULL)
		TAILQ_REMOVE(&callbacks, cb, next);
	pthread_rwlock_unlock(&callbacks_lock);
	if (cb == NULL) {
		EAL_LOG(ERR, "memory event callback '%s' is not registered\n",
			name);
		rte_errno = ENOENT;
		return -1;
	}
	free(cb);
	return 0;
}

void
eal_mem_event_notify(enum rte_mem_event event, const void *addr, size_t len)
{
	struct mem_event_callback *cb;

	pthread_rwlock_rdlock(&callbacks_lock);
	TAILQ_FOREACH (cb, &callbacks, next)
		cb->clb(event, addr, len, cb->arg);
	pthread_rwlock_unlock(&callbacks_lock);
}

void
eal_mem_event_cleanup(void)
{
	struct mem_event_callback *cb;

	pthread_rwlock_wrlock(&callbacks_lock);
	while ((cb = TAILQ_FIRST(&callbacks)) != NULL) {
		TAILQ_REMOVE(&callbacks, cb, next);
		free(cb);
	}
	dma_mask_bits = 0;
	pthread_rwlock_unlock(&callbacks_lock);
}

static int
segment_above_mask(const struct rte_memseg_list *msl,
	const struct rte_memseg *ms, void *arg)
{
	uint64_t limit_mask = *(const uint64_t *)arg;

	RTE_SET_USED(msl);
	return ((ms->iova + ms->len - 1) & limit_mask) != 0 ? 1 : 0;
}

int
rte_mem_check_dma_mask_thread_unsafe(uint8_t maskbits)
{
	uint64_t limit_mask;

	if (maskbits == 0 || maskbits > 64) {
		EAL_LOG(ERR, "DMA mask of %u bits is out of range (1-64)\n",
			maskbits);
		rte_errno = EINVAL;
		return -1;
	}
	limit_mask = maskbits == 64 ? 0 : ~(RTE_BIT64(maskbits) - 1);
	if (rte_memseg_walk_thread_unsafe(segment_above_mask, &limit_mask) != 0)
		return -1;
	return 0;
}

int
rte_mem_check_dma_mask(uint8_t maskbits)
{
	int ret;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	ret = rte_mem_check_dma_mask_thread_unsafe(maskbits);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return ret;
}

void
rte_mem_set_dma_mask(uint8_t maskbits)
{
	pthread_rwlock_wrlock(&callbacks_lock);
	if (dma_mask_bits == 0 || maskbits < dma_mask_bits)
		dma_mask_bits = maskbits;
	pthread_rwlock_unlock(&callbacks_lock);
}
