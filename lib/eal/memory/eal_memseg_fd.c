/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The file behind each memory segment, for processes that map our memory
 * themselves (a vhost-user backend maps every region of the memory table
 * from the fd it receives). Layout of the files: eal_memseg.h.
 */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>

#include <rte_errno.h>
#include <rte_memory.h>

#include "eal_memseg.h"

/* Checks ms; returns its list and index, or NULL with rte_errno set. */
static struct eal_memseg_list *
memseg_fd_lookup(const struct rte_memseg *ms, unsigned int *idx)
{
	struct eal_memseg_list *list;

	if (ms == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	list = eal_memseg_list_of_seg(ms, idx);
	if (list == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (list->msl.external) {
		/* The application's memory: the EAL has no file for it. */
		rte_errno = ENOTSUP;
		return NULL;
	}
	if (ms->addr == NULL || list->info[*idx].file_page < 0) {
		rte_errno = ENOENT;
		return NULL;
	}
	if (list->fd < 0) {
		rte_errno = ENODEV;
		return NULL;
	}
	return list;
}

int
rte_memseg_get_fd_thread_unsafe(const struct rte_memseg *ms)
{
	struct eal_memseg_list *list;
	unsigned int idx;

	list = memseg_fd_lookup(ms, &idx);
	return list != NULL ? list->fd : -1;
}

int
rte_memseg_get_fd_offset_thread_unsafe(const struct rte_memseg *ms,
	size_t *offset)
{
	struct eal_memseg_list *list;
	unsigned int idx;

	if (offset == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	list = memseg_fd_lookup(ms, &idx);
	if (list == NULL)
		return -1;
	/* File pages are seg_sz apart, hugepages and --no-huge alike. */
	*offset = (size_t)list->info[idx].file_page * list->seg_sz;
	return 0;
}

int
rte_memseg_get_fd(const struct rte_memseg *ms)
{
	int ret;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	ret = rte_memseg_get_fd_thread_unsafe(ms);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return ret;
}

int
rte_memseg_get_fd_offset(const struct rte_memseg *ms, size_t *offset)
{
	int ret;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	ret = rte_memseg_get_fd_offset_thread_unsafe(ms, offset);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return ret;
}
