/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* Thread names, affinity and control threads. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include <rte_errno.h>
#include <rte_lcore.h>

#include "eal_private.h"

int
rte_sys_gettid(void)
{
	return (int)syscall(SYS_gettid);
}

int
rte_thread_setname(pthread_t id, const char *name)
{
	char truncated[16];

	if (name == NULL)
		return -EINVAL;
	/* The kernel keeps 15 characters; longer names would fail. */
	snprintf(truncated, sizeof(truncated), "%s", name);
	return -pthread_setname_np(id, truncated);
}

int
rte_thread_getname(pthread_t id, char *name, size_t len)
{
	if (name == NULL || len == 0)
		return -EINVAL;
	return -pthread_getname_np(id, name, len);
}

int
rte_thread_set_affinity(rte_cpuset_t *cpusetp)
{
	int ret;

	if (cpusetp == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	ret = pthread_setaffinity_np(pthread_self(), sizeof(*cpusetp), cpusetp);
	if (ret != 0) {
		rte_errno = ret;
		return -1;
	}
	return 0;
}

void
rte_thread_get_affinity(rte_cpuset_t *cpusetp)
{
	unsigned int lcore = rte_lcore_id();

	if (cpusetp == NULL)
		return;
	if (lcore < RTE_MAX_LCORE && rte_lcore_is_enabled(lcore)) {
		*cpusetp = rte_lcore_cpuset(lcore);
		return;
	}
	if (pthread_getaffinity_np(pthread_self(), sizeof(*cpusetp), cpusetp) !=
		0)
		CPU_ZERO(cpusetp);
}

/* The CPUs no enabled lcore is pinned to; all allowed ones if none. */
static void
ctrl_thread_cpus(cpu_set_t *set)
{
	cpu_set_t used, lcore_set;
	unsigned int id;

	CPU_ZERO(&used);
	RTE_LCORE_FOREACH (id) {
		lcore_set = rte_lcore_cpuset(id);
		CPU_OR(&used, &used, &lcore_set);
	}
	if (sched_getaffinity(0, sizeof(*set), set) != 0)
		CPU_ZERO(set);
	CPU_XOR(&lcore_set, set, &used);
	CPU_AND(&lcore_set, &lcore_set, set);
	if (CPU_COUNT(&lcore_set) > 0)
		*set = lcore_set;
}

struct ctrl_thread_start {
	void *(*fn)(void *);
	void *arg;
	cpu_set_t cpus;
};

static void *
ctrl_thread_main(void *arg)
{
	struct ctrl_thread_start start = *(struct ctrl_thread_start *)arg;

	free(arg);
	pthread_setaffinity_np(pthread_self(), sizeof(start.cpus), &start.cpus);
	eal_thread_set_lcore(LCORE_ID_ANY);
	return start.fn(start.arg);
}

int
rte_ctrl_thread_create(pthread_t *thread, const char *name,
	const pthread_attr_t *attr, void *(*start_routine)(void *), void *arg)
{
	struct ctrl_thread_start *start;
	int ret;

	if (thread == NULL || name == NULL || start_routine == NULL)
		return -EINVAL;
	start = malloc(sizeof(*start));
	if (start == NULL)
		return -ENOMEM;
	start->fn = start_routine;
	start->arg = arg;
	ctrl_thread_cpus(&start->cpus);
	ret = pthread_create(thread, attr, ctrl_thread_main, start);
	if (ret != 0) {
		free(start);
		return -ret;
	}
	rte_thread_setname(*thread, name);
	return 0;
}
