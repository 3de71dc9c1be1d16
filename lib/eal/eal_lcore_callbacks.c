/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * lcore init/uninit callbacks, and lcore ids for threads the EAL did not
 * create (rte_thread_register()). One mutex guards the callback list and
 * the handing out of non-EAL ids, so a thread registering while a library
 * registers its callbacks is initialised exactly once by each callback.
 * Callbacks run with the mutex held: they must not register threads or
 * callbacks themselves.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_errno.h>
#include <rte_lcore.h>

#include "eal_private.h"

struct lcore_callback {
	TAILQ_ENTRY(lcore_callback) next;
	char *name;
	rte_lcore_init_cb init;
	rte_lcore_uninit_cb uninit;
	void *arg;
};

static TAILQ_HEAD(, lcore_callback) lcore_callbacks = TAILQ_HEAD_INITIALIZER(
	lcore_callbacks);
static pthread_mutex_t lcore_callbacks_lock = PTHREAD_MUTEX_INITIALIZER;

static int
lcore_callback_init(const struct lcore_callback *cb, unsigned int lcore_id)
{
	if (cb->init == NULL)
		return 0;
	EAL_LOG(DEBUG, "lcore callback %s: init lcore %u\n", cb->name, lcore_id);
	return cb->init(lcore_id, cb->arg);
}

static void
lcore_callback_uninit(const struct lcore_callback *cb, unsigned int lcore_id)
{
	if (cb->uninit == NULL)
		return;
	EAL_LOG(DEBUG, "lcore callback %s: uninit lcore %u\n", cb->name,
		lcore_id);
	cb->uninit(lcore_id, cb->arg);
}

static bool
lcore_in_use(unsigned int lcore_id)
{
	return rte_eal_lcore_role(lcore_id) != ROLE_OFF;
}

/* Runs init on every lcore in use; on a refusal undoes it: 0 or -1. */
static int
lcore_callback_init_all(const struct lcore_callback *cb)
{
	unsigned int id;

	for (id = 0; id < RTE_MAX_LCORE; id++) {
		if (!lcore_in_use(id) || lcore_callback_init(cb, id) == 0)
			continue;
		EAL_LOG(ERR,
			"lcore callback %s refused lcore %u: not "
			"registered\n",
			cb->name, id);
		while (id-- > 0)
			if (lcore_in_use(id))
				lcore_callback_uninit(cb, id);
		return -1;
	}
	return 0;
}

void *
rte_lcore_callback_register(const char *name, rte_lcore_init_cb init,
	rte_lcore_uninit_cb uninit, void *arg)
{
	struct lcore_callback *cb;

	if (name == NULL) {
		EAL_LOG(ERR, "lcore callbacks need a name\n");
		rte_errno = EINVAL;
		return NULL;
	}
	cb = calloc(1, sizeof(*cb));
	if (cb == NULL || (cb->name = strdup(name)) == NULL) {
		free(cb);
		rte_errno = ENOMEM;
		return NULL;
	}
	cb->init = init;
	cb->uninit = uninit;
	cb->arg = arg;
	pthread_mutex_lock(&lcore_callbacks_lock);
	if (lcore_callback_init_all(cb) == 0) {
		TAILQ_INSERT_TAIL(&lcore_callbacks, cb, next);
	} else {
		free(cb->name);
		free(cb);
		cb = NULL;
	}
	pthread_mutex_unlock(&lcore_callbacks_lock);
	return cb;
}

void
rte_lcore_callback_unregister(void *handle)
{
	struct lcore_callback *cb = handle, *listed;
	unsigned int id;

	if (cb == NULL)
		return;
	pthread_mutex_lock(&lcore_callbacks_lock);
	TAILQ_FOREACH (listed, &lcore_callbacks, next)
		if (listed == cb)
			break;
	if (listed != NULL) {
		for (id = 0; id < RTE_MAX_LCORE; id++)
			if (lcore_in_use(id))
				lcore_callback_uninit(cb, id);
		TAILQ_REMOVE(&lcore_callbacks, cb, next);
	}
	pthread_mutex_unlock(&lcore_callbacks_lock);
	if (listed == NULL) {
		EAL_LOG(ERR,
			"rte_lcore_callback_unregister(): %p is not a "
			"registered handle\n",
			handle);
		return;
	}
	free(cb->name);
	free(cb);
}

/* Takes an id and runs every init on it: the id, or RTE_MAX_LCORE. */
static unsigned int
lcore_non_eal_allocate(void)
{
	struct lcore_callback *cb, *done;
	unsigned int id;

	id = eal_lcore_non_eal_take();
	if (id == RTE_MAX_LCORE)
		return id;
	TAILQ_FOREACH (cb, &lcore_callbacks, next) {
		if (lcore_callback_init(cb, id) == 0)
			continue;
		EAL_LOG(ERR, "lcore callback %s refused the new lcore %u\n",
			cb->name, id);
		TAILQ_FOREACH (done, &lcore_callbacks, next) {
			if (done == cb)
				break;
			lcore_callback_uninit(done, id);
		}
		eal_lcore_non_eal_give_back(id);
		return RTE_MAX_LCORE;
	}
	return id;
}

int
rte_thread_register(void)
{
	unsigned int id;

	if (!eal_is_initialized()) {
		EAL_LOG(ERR,
			"rte_thread_register(): call rte_eal_init() "
			"first\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (rte_lcore_id() != LCORE_ID_ANY)
		return 0;
	pthread_mutex_lock(&lcore_callbacks_lock);
	id = lcore_non_eal_allocate();
	pthread_mutex_unlock(&lcore_callbacks_lock);
	if (id == RTE_MAX_LCORE) {
		EAL_LOG(ERR,
			"rte_thread_register(): no lcore id for this "
			"thread (all %d in use, or a callback refused)\n",
			RTE_MAX_LCORE);
		rte_errno = ENOMEM;
		return -1;
	}
	eal_thread_set_lcore(id);
	return 0;
}

void
rte_thread_unregister(void)
{
	struct lcore_callback *cb;
	unsigned int id = rte_lcore_id();

	if (id >= RTE_MAX_LCORE || rte_eal_lcore_role(id) != ROLE_NON_EAL)
		return;
	pthread_mutex_lock(&lcore_callbacks_lock);
	TAILQ_FOREACH (cb, &lcore_callbacks, next)
		lcore_callback_uninit(cb, id);
	eal_lcore_non_eal_give_back(id);
	pthread_mutex_unlock(&lcore_callbacks_lock);
	eal_thread_set_lcore(LCORE_ID_ANY);
}
