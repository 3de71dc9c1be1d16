/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mempool life-cycle callbacks (READY when a pool is fully populated,
 * DESTROY before a ready pool is freed). Drivers use them to register a
 * pool's memory with a device as soon as it exists.
 *
 * The list is guarded by a mutex that is released around each call, so a
 * callback may register others or unregister itself. Delivery stops at
 * the entry that was last when it began: callbacks registered meanwhile
 * wait for the next event.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/queue.h>

#include <rte_errno.h>
#include <rte_mempool.h>

#include "mempool_private.h"

struct mempool_callback {
	TAILQ_ENTRY(mempool_callback) next;
	rte_mempool_event_callback *func;
	void *user_data;
};

static TAILQ_HEAD(mempool_callback_head, mempool_callback)
	mempool_callbacks = TAILQ_HEAD_INITIALIZER(mempool_callbacks);
static pthread_mutex_t mempool_callbacks_lock = PTHREAD_MUTEX_INITIALIZER;

/* The entry for func and user_data; the caller holds the lock. */
static struct mempool_callback *
mempool_callback_find(rte_mempool_event_callback *func, void *user_data)
{
	struct mempool_callback *cb;

	TAILQ_FOREACH (cb, &mempool_callbacks, next)
		if (cb->func == func && cb->user_data == user_data)
			return cb;
	return NULL;
}

int
rte_mempool_event_callback_register(rte_mempool_event_callback *func,
	void *user_data)
{
	struct mempool_callback *cb;
	int ret = 0;

	if (func == NULL) {
		MEMPOOL_LOG(ERR, "mempool event callback: NULL function\n");
		rte_errno = EINVAL;
		return -EINVAL;
	}
	pthread_mutex_lock(&mempool_callbacks_lock);
	if (mempool_callback_find(func, user_data) != NULL) {
		ret = -EEXIST;
	} else {
		cb = malloc(sizeof(*cb));
		if (cb == NULL) {
			ret = -ENOMEM;
		} else {
			cb->func = func;
			cb->user_data = user_data;
			TAILQ_INSERT_TAIL(&mempool_callbacks, cb, next);
		}
	}
	pthread_mutex_unlock(&mempool_callbacks_lock);
	if (ret == -EEXIST)
		MEMPOOL_LOG(ERR,
			"mempool event callback %p is registered "
			"already with that user data\n",
			(void *)(uintptr_t)func);
	else if (ret == -ENOMEM)
		MEMPOOL_LOG(ERR, "mempool event callback: out of memory\n");
	if (ret < 0)
		rte_errno = -ret;
	return ret;
}

int
rte_mempool_event_callback_unregister(rte_mempool_event_callback *func,
	void *user_data)
{
	struct mempool_callback *cb;

	if (func == NULL) {
		MEMPOOL_LOG(ERR, "mempool event callback: NULL function\n");
		rte_errno = EINVAL;
		return -EINVAL;
	}
	pthread_mutex_lock(&mempool_callbacks_lock);
	cb = mempool_callback_find(func, user_data);
	if (cb != NULL)
		TAILQ_REMOVE(&mempool_callbacks, cb, next);
	pthread_mutex_unlock(&mempool_callbacks_lock);
	if (cb == NULL) {
		rte_errno = ENOENT;
		return -ENOENT;
	}
	free(cb);
	return 0;
}

void
mempool_event_notify(enum rte_mempool_event event, struct rte_mempool *mp)
{
	struct mempool_callback *cb, *last, *next;
	rte_mempool_event_callback *func;
	void *user_data;

	pthread_mutex_lock(&mempool_callbacks_lock);
	last = TAILQ_LAST(&mempool_callbacks, mempool_callback_head);
	for (cb = TAILQ_FIRST(&mempool_callbacks); cb != NULL; cb = next) {
		/* Taken before the call, which may free cb. */
		next = cb == last ? NULL : TAILQ_NEXT(cb, next);
		func = cb->func;
		user_data = cb->user_data;
		pthread_mutex_unlock(&mempool_callbacks_lock);
		func(event, mp, user_data);
		pthread_mutex_lock(&mempool_callbacks_lock);
	}
	pthread_mutex_unlock(&mempool_callbacks_lock);
}
