/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The user and platform mempool ops names. DPDK keeps them in memzones so
 * secondary processes see them; Pollux runs one process, so two static
 * buffers do. Returned pointers stay valid for the life of the process.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_log.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_mempool.h>

static struct {
	pthread_mutex_t lock;
	char user[RTE_MEMPOOL_OPS_NAMESIZE];
	char platform[RTE_MEMPOOL_OPS_NAMESIZE];
} pool_ops = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
};

static int
pool_ops_check_name(const char *ops_name, const char *which)
{
	if (ops_name == NULL) {
		RTE_LOG(ERR, MBUF, "%s mempool ops name is NULL\n", which);
		return -EINVAL;
	}
	if (strnlen(ops_name, RTE_MEMPOOL_OPS_NAMESIZE) ==
		RTE_MEMPOOL_OPS_NAMESIZE) {
		RTE_LOG(ERR, MBUF,
			"%s mempool ops name is longer than %d characters\n",
			which, RTE_MEMPOOL_OPS_NAMESIZE - 1);
		return -ENAMETOOLONG;
	}
	return 0;
}

int
rte_mbuf_set_platform_mempool_ops(const char *ops_name)
{
	int ret = pool_ops_check_name(ops_name, "platform");

	if (ret < 0)
		return ret;
	pthread_mutex_lock(&pool_ops.lock);
	if (pool_ops.platform[0] == '\0')
		strcpy(pool_ops.platform, ops_name);
	else if (strcmp(pool_ops.platform, ops_name) != 0)
		ret = -EEXIST;
	pthread_mutex_unlock(&pool_ops.lock);
	if (ret < 0)
		RTE_LOG(ERR, MBUF,
			"platform mempool ops is already %s, cannot set %s\n",
			pool_ops.platform, ops_name);
	return ret;
}

const char *
rte_mbuf_platform_mempool_ops(void)
{
	return pool_ops.platform[0] != '\0' ? pool_ops.platform : NULL;
}

int
rte_mbuf_set_user_mempool_ops(const char *ops_name)
{
	int ret = pool_ops_check_name(ops_name, "user");

	if (ret < 0)
		return ret;
	pthread_mutex_lock(&pool_ops.lock);
	strcpy(pool_ops.user, ops_name);
	pthread_mutex_unlock(&pool_ops.lock);
	return 0;
}

const char *
rte_mbuf_user_mempool_ops(void)
{
	if (pool_ops.user[0] != '\0')
		return pool_ops.user;
	return rte_eal_mbuf_user_pool_ops();
}

const char *
rte_mbuf_best_mempool_ops(void)
{
	const char *name = rte_mbuf_user_mempool_ops();

	if (name != NULL)
		return name;
	name = rte_mbuf_platform_mempool_ops();
	if (name != NULL)
		return name;
	return RTE_MBUF_DEFAULT_MEMPOOL_OPS;
}
