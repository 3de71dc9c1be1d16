/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Worker lcores and the launch/wait handshake.
 *
 *   main lcore                              worker thread
 *   rte_eal_remote_launch(f, arg, id):      sleeps on "cond" while idle
 *     lock; state WAIT? else -EBUSY
 *     f, arg = ...; state = RUNNING
 *     signal; unlock                  --->  wakes, copies f/arg, unlocks
 *                                           ret = f(arg)
 *   rte_eal_wait_lcore(id):                 lock; ret stored; state = WAIT
 *     lock; sleep while RUNNING       <---  broadcast; unlock
 *     return ret
 *
 * Everything a side writes is written under the worker's mutex, so the
 * mutex orders it. "state" is also read without the lock by
 * rte_eal_get_lcore_state(): those stores are releases and that load an
 * acquire, so a caller that sees WAIT also sees "ret".
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>

#include "eal_private.h"

struct worker {
	pthread_t thread;
	bool started;
	bool quit; /* tells the thread to exit */
	pthread_mutex_t lock;
	pthread_cond_t cond; /* signalled on every state change */
	enum rte_lcore_state_t state;
	lcore_function_t *f;
	void *arg;
	int ret;
	void *stack; /* --huge-worker-stack: rte_malloc'd */
};

/* Alignment of a worker stack taken from the EAL's memory. */
#define WORKER_STACK_ALIGN 4096

static struct worker workers[RTE_MAX_LCORE];

static void
state_store(struct worker *w, enum rte_lcore_state_t state)
{
	/* Pairs with the acquire in rte_eal_get_lcore_state(). */
	__atomic_store_n(&w->state, state, __ATOMIC_RELEASE);
}

static void *
worker_main(void *arg)
{
	unsigned int lcore_id = (unsigned int)(uintptr_t)arg;
	struct worker *w = &workers[lcore_id];
	lcore_function_t *f;
	void *f_arg;
	int ret;

	eal_thread_set_lcore(lcore_id);
	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (w->state != RUNNING && !w->quit)
			pthread_cond_wait(&w->cond, &w->lock);
		if (w->quit)
			break;
		f = w->f;
		f_arg = w->arg;
		pthread_mutex_unlock(&w->lock);

		ret = f(f_arg);

		pthread_mutex_lock(&w->lock);
		w->ret = ret;
		w->f = NULL;
		w->arg = NULL;
		state_store(w, WAIT);
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/*
 * --huge-worker-stack[=KB]: the worker's stack comes from the EAL's memory
 * (hugepages, unless the EAL fell back to ordinary memory) on the lcore's
 * socket, KB or else the default thread stack size. 0, or an errno after
 * one error line.
 */
static int
worker_stack_setup(unsigned int lcore_id, pthread_attr_t *attr)
{
	struct worker *w = &workers[lcore_id];
	size_t size = (size_t)eal_cfg.huge_worker_stack_size;
	int ret;

	if (size == 0) {
		ret = pthread_attr_getstacksize(attr, &size);
		if (ret != 0)
			return ret;
	}
	w->stack = rte_malloc_socket("worker_stack", size, WORKER_STACK_ALIGN,
		(int)rte_lcore_to_socket_id(lcore_id));
	if (w->stack == NULL)
		w->stack = rte_malloc("worker_stack", size, WORKER_STACK_ALIGN);
	if (w->stack == NULL) {
		EAL_LOG(ERR,
			"--huge-worker-stack: no memory for the %zu kB "
			"stack of lcore %u (raise -m, or give a smaller "
			"size)\n",
			size >> 10, lcore_id);
		return ENOMEM;
	}
	ret = pthread_attr_setstack(attr, w->stack, size);
	if (ret != 0) {
		EAL_LOG(ERR,
			"--huge-worker-stack: a %zu kB stack is refused "
			"(%s)\n",
			size >> 10, rte_strerror(ret));
		rte_free(w->stack);
		w->stack = NULL;
	}
	return ret;
}

static int
worker_create(unsigned int lcore_id)
{
	struct worker *w = &workers[lcore_id];
	pthread_attr_t attr;
	int ret;

	ret = pthread_attr_init(&attr);
	if (ret == 0 && eal_cfg.huge_worker_stack) {
		ret = worker_stack_setup(lcore_id, &attr);
		if (ret != 0) {
			pthread_attr_destroy(&attr);
			rte_errno = ret;
			return -1; /* said already */
		}
	}
	if (ret == 0)
		ret = pthread_create(&w->thread, &attr, worker_main,
			(void *)(uintptr_t)lcore_id);
	pthread_attr_destroy(&attr);
	if (ret != 0) {
		EAL_LOG(ERR, "cannot create the thread of lcore %u: %s\n",
			lcore_id, rte_strerror(ret));
		rte_free(w->stack);
		w->stack = NULL;
		rte_errno = ret;
		return -1;
	}
	return 0;
}

static int
worker_start(unsigned int lcore_id)
{
	struct worker *w = &workers[lcore_id];
	cpu_set_t cpus = rte_lcore_cpuset(lcore_id);
	char name[32];
	int ret;

	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->cond, NULL);
	w->state = WAIT;
	w->quit = false;
	w->ret = 0;
	if (worker_create(lcore_id) != 0)
		return -1;
	w->started = true;
	ret = pthread_setaffinity_np(w->thread, sizeof(cpus), &cpus);
	if (ret != 0) {
		EAL_LOG(ERR, "cannot pin lcore %u to its CPUs: %s\n", lcore_id,
			rte_strerror(ret));
		rte_errno = ret;
		return -1;
	}
	snprintf(name, sizeof(name), "lcore-worker-%u", lcore_id);
	rte_thread_setname(w->thread, name);
	return 0;
}

static void
worker_stop(unsigned int lcore_id)
{
	struct worker *w = &workers[lcore_id];

	if (!w->started)
		return;
	/* A function still running is waited for: its lcore's memory must
	 * stay valid until it returns. */
	rte_eal_wait_lcore(lcore_id);
	pthread_mutex_lock(&w->lock);
	w->quit = true;
	pthread_cond_broadcast(&w->cond);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->cond);
	pthread_mutex_destroy(&w->lock);
	rte_free(w->stack); /* the thread is gone: nothing uses it */
	w->stack = NULL;
	w->started = false;
}

/* Starts one pinned thread per worker lcore and pins the main thread. */
int
eal_workers_start(void)
{
	unsigned int main_id = rte_get_main_lcore();
	cpu_set_t cpus = rte_lcore_cpuset(main_id);
	unsigned int id;
	int ret;

	ret = pthread_setaffinity_np(pthread_self(), sizeof(cpus), &cpus);
	if (ret != 0) {
		EAL_LOG(ERR, "cannot pin the main lcore %u: %s\n", main_id,
			rte_strerror(ret));
		rte_errno = ret;
		return -1;
	}
	RTE_LCORE_FOREACH_WORKER (id) {
		if (worker_start(id) < 0) {
			eal_workers_stop();
			return -1;
		}
	}
	return 0;
}

void
eal_workers_stop(void)
{
	unsigned int id;

	for (id = 0; id < RTE_MAX_LCORE; id++)
		worker_stop(id);
}

static struct worker *
worker_get(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE || !workers[lcore_id].started)
		return NULL;
	return &workers[lcore_id];
}

int
rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id)
{
	struct worker *w = worker_get(worker_id);
	int ret = 0;

	if (w == NULL || f == NULL)
		return -EINVAL;
	pthread_mutex_lock(&w->lock);
	if (w->state != WAIT) {
		ret = -EBUSY;
	} else {
		w->f = f;
		w->arg = arg;
		state_store(w, RUNNING);
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
	return ret;
}

int
rte_eal_mp_remote_launch(lcore_function_t *f, void *arg,
	enum rte_rmt_call_main_t call_main)
{
	unsigned int id;

	if (f == NULL)
		return -EINVAL;
	/* All or nothing: refuse before launching anything. */
	RTE_LCORE_FOREACH_WORKER (id)
		if (rte_eal_get_lcore_state(id) != WAIT)
			return -EBUSY;
	RTE_LCORE_FOREACH_WORKER (id)
		rte_eal_remote_launch(f, arg, id);
	if (call_main == CALL_MAIN)
		f(arg);
	return 0;
}

enum rte_lcore_state_t
rte_eal_get_lcore_state(unsigned int worker_id)
{
	struct worker *w = worker_get(worker_id);

	if (w == NULL)
		return WAIT;
	/* Pairs with the release in state_store(). */
	return __atomic_load_n(&w->state, __ATOMIC_ACQUIRE);
}

int
rte_eal_wait_lcore(unsigned int worker_id)
{
	struct worker *w = worker_get(worker_id);
	int ret;

	if (w == NULL)
		return 0;
	pthread_mutex_lock(&w->lock);
	while (w->state == RUNNING)
		pthread_cond_wait(&w->cond, &w->lock);
	ret = w->ret;
	pthread_mutex_unlock(&w->lock);
	return ret;
}

void
rte_eal_mp_wait_lcore(void)
{
	unsigned int id;

	RTE_LCORE_FOREACH_WORKER (id)
		rte_eal_wait_lcore(id);
}
