/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The rte_thread_* API of rte_thread.h over POSIX threads. rte_thread_t
 * carries the pthread_t; a thread's function returns a uint32_t, which
 * travels through the void * of pthread_exit().
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_thread.h>

struct eal_tls_key {
	pthread_key_t key;
};

/* What the new thread needs: the function and its argument. */
struct eal_thread_start {
	rte_thread_func func;
	void *arg;
};

static void *
eal_thread_trampoline(void *arg)
{
	struct eal_thread_start start = *(struct eal_thread_start *)arg;

	free(arg);
	return (void *)(uintptr_t)start.func(start.arg);
}

/* The OS policy and priority of one of our priorities: 0 or EINVAL. */
static int
eal_thread_os_priority(enum rte_thread_priority priority, int *policy,
	struct sched_param *param)
{
	memset(param, 0, sizeof(*param));
	switch (priority) {
	case RTE_THREAD_PRIORITY_NORMAL:
		*policy = SCHED_OTHER;
		return 0;
	case RTE_THREAD_PRIORITY_REALTIME_CRITICAL:
		*policy = SCHED_RR;
		param->sched_priority = sched_get_priority_max(SCHED_RR);
		return 0;
	default:
		return EINVAL;
	}
}

/* Puts the rte attributes into pthread attributes: 0 or a positive errno. */
static int
eal_thread_attr_apply(pthread_attr_t *pattr, const rte_thread_attr_t *attr)
{
	struct sched_param param;
	int policy, ret;

	if (CPU_COUNT(&attr->cpuset) > 0) {
		ret = pthread_attr_setaffinity_np(pattr, sizeof(attr->cpuset),
			&attr->cpuset);
		if (ret != 0)
			return ret;
	}
	ret = eal_thread_os_priority(attr->priority, &policy, &param);
	if (ret != 0 || attr->priority == RTE_THREAD_PRIORITY_NORMAL)
		return ret;
	RTE_LOG(WARNING, EAL,
		"a real-time thread that polls can starve "
		"the rest of the system\n");
	ret = pthread_attr_setinheritsched(pattr, PTHREAD_EXPLICIT_SCHED);
	if (ret == 0)
		ret = pthread_attr_setschedpolicy(pattr, policy);
	if (ret == 0)
		ret = pthread_attr_setschedparam(pattr, &param);
	return ret;
}

int
rte_thread_create(rte_thread_t *thread_id, const rte_thread_attr_t *thread_attr,
	rte_thread_func thread_func, void *arg)
{
	struct eal_thread_start *start;
	pthread_attr_t pattr;
	pthread_t tid;
	int ret;

	if (thread_id == NULL || thread_func == NULL)
		return EINVAL;
	start = malloc(sizeof(*start));
	if (start == NULL)
		return ENOMEM;
	start->func = thread_func;
	start->arg = arg;
	ret = pthread_attr_init(&pattr);
	if (ret == 0 && thread_attr != NULL)
		ret = eal_thread_attr_apply(&pattr, thread_attr);
	if (ret == 0)
		ret = pthread_create(&tid, &pattr, eal_thread_trampoline, start);
	pthread_attr_destroy(&pattr);
	if (ret != 0) {
		free(start);
		return ret;
	}
	thread_id->opaque_id = (uintptr_t)tid;
	return 0;
}

int
rte_thread_join(rte_thread_t thread_id, uint32_t *value_ptr)
{
	void *res;
	int ret;

	ret = pthread_join((pthread_t)thread_id.opaque_id, &res);
	if (ret == 0 && value_ptr != NULL)
		*value_ptr = (uint32_t)(uintptr_t)res;
	return ret;
}

int
rte_thread_detach(rte_thread_t thread_id)
{
	return pthread_detach((pthread_t)thread_id.opaque_id);
}

rte_thread_t
rte_thread_self(void)
{
	rte_thread_t self = { (uintptr_t)pthread_self() };

	return self;
}

int
rte_thread_equal(rte_thread_t t1, rte_thread_t t2)
{
	return pthread_equal((pthread_t)t1.opaque_id, (pthread_t)t2.opaque_id);
}

int
rte_thread_attr_init(rte_thread_attr_t *attr)
{
	if (attr == NULL)
		return EINVAL;
	attr->priority = RTE_THREAD_PRIORITY_NORMAL;
	CPU_ZERO(&attr->cpuset);
	return 0;
}

int
rte_thread_attr_set_priority(rte_thread_attr_t *thread_attr,
	enum rte_thread_priority priority)
{
	if (thread_attr == NULL ||
		(priority != RTE_THREAD_PRIORITY_NORMAL &&
			priority != RTE_THREAD_PRIORITY_REALTIME_CRITICAL))
		return EINVAL;
	thread_attr->priority = priority;
	return 0;
}

int
rte_thread_attr_set_affinity(rte_thread_attr_t *thread_attr,
	rte_cpuset_t *cpuset)
{
	if (thread_attr == NULL || cpuset == NULL)
		return EINVAL;
	thread_attr->cpuset = *cpuset;
	return 0;
}

int
rte_thread_attr_get_affinity(rte_thread_attr_t *thread_attr,
	rte_cpuset_t *cpuset)
{
	if (thread_attr == NULL || cpuset == NULL)
		return EINVAL;
	*cpuset = thread_attr->cpuset;
	return 0;
}

int
rte_thread_set_affinity_by_id(rte_thread_t thread_id, const rte_cpuset_t *cpuset)
{
	if (cpuset == NULL)
		return EINVAL;
	return pthread_setaffinity_np((pthread_t)thread_id.opaque_id,
		sizeof(*cpuset), cpuset);
}

int
rte_thread_get_affinity_by_id(rte_thread_t thread_id, rte_cpuset_t *cpuset)
{
	if (cpuset == NULL)
		return EINVAL;
	return pthread_getaffinity_np((pthread_t)thread_id.opaque_id,
		sizeof(*cpuset), cpuset);
}

int
rte_thread_get_priority(rte_thread_t thread_id,
	enum rte_thread_priority *priority)
{
	struct sched_param param;
	int policy, ret;

	if (priority == NULL)
		return EINVAL;
	ret = pthread_getschedparam((pthread_t)thread_id.opaque_id, &policy,
		&param);
	if (ret != 0)
		return ret;
	*priority = policy == SCHED_RR || policy == SCHED_FIFO ?
		RTE_THREAD_PRIORITY_REALTIME_CRITICAL :
		RTE_THREAD_PRIORITY_NORMAL;
	return 0;
}

int
rte_thread_set_priority(rte_thread_t thread_id,
	enum rte_thread_priority priority)
{
	struct sched_param param;
	int policy, ret;

	ret = eal_thread_os_priority(priority, &policy, &param);
	if (ret != 0)
		return ret;
	return pthread_setschedparam((pthread_t)thread_id.opaque_id, policy,
		&param);
}

int
rte_thread_key_create(rte_thread_key *key, void (*destructor)(void *))
{
	if (key == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	*key = malloc(sizeof(**key));
	if (*key == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	if (pthread_key_create(&(*key)->key, destructor) != 0) {
		RTE_LOG(ERR, EAL,
			"cannot create a thread-local key: the "
			"process has used up PTHREAD_KEYS_MAX\n");
		free(*key);
		*key = NULL;
		rte_errno = ENOEXEC;
		return -1;
	}
	return 0;
}

int
rte_thread_key_delete(rte_thread_key key)
{
	if (key == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (pthread_key_delete(key->key) != 0) {
		rte_errno = ENOEXEC;
		return -1;
	}
	free(key);
	return 0;
}

int
rte_thread_value_set(rte_thread_key key, const void *value)
{
	if (key == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (pthread_setspecific(key->key, value) != 0) {
		rte_errno = ENOEXEC;
		return -1;
	}
	return 0;
}

void *
rte_thread_value_get(rte_thread_key key)
{
	if (key == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	return pthread_getspecific(key->key);
}
