/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Interrupt handles: allocation (process heap, or rte_malloc for
 * RTE_INTR_INSTANCE_F_SHARED) and the accessors of the opaque struct.
 * Accessors fail with EINVAL for a NULL handle and ERANGE for an index
 * or count outside the handle's tables, as in DPDK.
 */
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>

#include "eal_intr.h"
#include "eal_private.h"

#define INTR_KNOWN_FLAGS \
	(RTE_INTR_INSTANCE_F_PRIVATE | RTE_INTR_INSTANCE_F_SHARED)

static void *
handle_zalloc(uint32_t flags, size_t size)
{
	if (flags & RTE_INTR_INSTANCE_F_SHARED)
		return rte_zmalloc("intr_handle", size, 0);
	return calloc(1, size);
}

static void
handle_mfree(uint32_t flags, void *ptr)
{
	if (flags & RTE_INTR_INSTANCE_F_SHARED)
		rte_free(ptr);
	else
		free(ptr);
}

/* (Re)allocates efds[] and elist[] for size vectors, keeping contents. */
static int
handle_tables_alloc(struct rte_intr_handle *h, int size)
{
	int *efds = handle_zalloc(h->alloc_flags, sizeof(*efds) * size);
	struct rte_epoll_event *elist = handle_zalloc(h->alloc_flags,
		sizeof(*elist) * size);
	int keep = RTE_MIN(size, h->nb_intr);

	if (efds == NULL || elist == NULL) {
		handle_mfree(h->alloc_flags, efds);
		handle_mfree(h->alloc_flags, elist);
		return -ENOMEM;
	}
	if (h->efds != NULL && keep > 0) {
		memcpy(efds, h->efds, sizeof(*efds) * keep);
		memcpy(elist, h->elist, sizeof(*elist) * keep);
	}
	handle_mfree(h->alloc_flags, h->efds);
	handle_mfree(h->alloc_flags, h->elist);
	h->efds = efds;
	h->elist = elist;
	h->nb_intr = size;
	return 0;
}

struct rte_intr_handle *
rte_intr_instance_alloc(uint32_t flags)
{
	struct rte_intr_handle *h;

	if ((flags & ~INTR_KNOWN_FLAGS) != 0) {
		EAL_LOG(ERR, "rte_intr_instance_alloc(): unknown flags %#x\n",
			flags);
		rte_errno = EINVAL;
		return NULL;
	}
	h = handle_zalloc(flags, sizeof(*h));
	if (h == NULL)
		goto fail;
	h->alloc_flags = flags;
	h->fd = -1;
	h->dev_fd = -1;
	if (handle_tables_alloc(h, RTE_MAX_RXTX_INTR_VEC_ID) < 0) {
		handle_mfree(flags, h);
		goto fail;
	}
	return h;

fail:
	EAL_LOG(ERR, "rte_intr_instance_alloc(): out of memory\n");
	rte_errno = ENOMEM;
	return NULL;
}

void
rte_intr_instance_free(struct rte_intr_handle *intr_handle)
{
	uint32_t flags;

	if (intr_handle == NULL)
		return;
	flags = intr_handle->alloc_flags;
	handle_mfree(flags, intr_handle->efds);
	handle_mfree(flags, intr_handle->elist);
	handle_mfree(flags, intr_handle->intr_vec);
	handle_mfree(flags, intr_handle);
}

struct rte_intr_handle *
rte_intr_instance_dup(const struct rte_intr_handle *src)
{
	struct rte_intr_handle *h;

	if (src == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	h = rte_intr_instance_alloc(src->alloc_flags);
	if (h == NULL)
		return NULL;
	if (src->nb_intr != h->nb_intr &&
		handle_tables_alloc(h, src->nb_intr) < 0) {
		rte_intr_instance_free(h);
		rte_errno = ENOMEM;
		return NULL;
	}
	h->fd = src->fd;
	h->dev_fd = src->dev_fd;
	h->type = src->type;
	h->max_intr = src->max_intr;
	h->nb_efd = src->nb_efd;
	h->efd_counter_size = src->efd_counter_size;
	h->fixed_vectors = src->fixed_vectors;
	h->nb_fixed_efd = src->nb_fixed_efd;
	memcpy(h->efds, src->efds, sizeof(*h->efds) * src->nb_intr);
	memcpy(h->elist, src->elist, sizeof(*h->elist) * src->nb_intr);
	return h;
}

int
rte_intr_fixed_vectors_set(struct rte_intr_handle *intr_handle, const int *efds,
	int nb_efd)
{
	if (intr_handle == NULL ||
		intr_handle->type != RTE_INTR_HANDLE_VFIO_MSIX || nb_efd < 0 ||
		nb_efd > intr_handle->nb_intr || (nb_efd > 0 && efds == NULL)) {
		rte_errno = EINVAL;
		return -EINVAL;
	}
	if (nb_efd > 0)
		memcpy(intr_handle->efds, efds, sizeof(*efds) * nb_efd);
	intr_handle->fixed_vectors = true;
	intr_handle->nb_fixed_efd = nb_efd;
	return 0;
}

int
rte_intr_event_list_update(struct rte_intr_handle *intr_handle, int size)
{
	if (intr_handle == NULL || size <= 0) {
		rte_errno = EINVAL;
		return -EINVAL;
	}
	if (handle_tables_alloc(intr_handle, size) < 0) {
		rte_errno = ENOMEM;
		return -ENOMEM;
	}
	return 0;
}

/* The common failure of the accessors. */
static int
handle_fail(int err)
{
	rte_errno = err;
	return -err;
}

#define HANDLE_CHECK(h) \
	do { \
		if ((h) == NULL) \
			return handle_fail(EINVAL); \
	} while (0)

#define HANDLE_CHECK_INDEX(h, index, limit) \
	do { \
		HANDLE_CHECK(h); \
		if ((index) < 0 || (index) >= (limit)) \
			return handle_fail(ERANGE); \
	} while (0)

int
rte_intr_fd_set(struct rte_intr_handle *intr_handle, int fd)
{
	HANDLE_CHECK(intr_handle);
	intr_handle->fd = fd;
	return 0;
}

int
rte_intr_fd_get(const struct rte_intr_handle *intr_handle)
{
	if (intr_handle == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	return intr_handle->fd;
}

int
rte_intr_type_set(struct rte_intr_handle *intr_handle,
	enum rte_intr_handle_type type)
{
	HANDLE_CHECK(intr_handle);
	if ((unsigned int)type >= RTE_INTR_HANDLE_MAX)
		return handle_fail(EINVAL);
	intr_handle->type = type;
	return 0;
}

enum rte_intr_handle_type
rte_intr_type_get(const struct rte_intr_handle *intr_handle)
{
	if (intr_handle == NULL) {
		rte_errno = EINVAL;
		return RTE_INTR_HANDLE_UNKNOWN;
	}
	return intr_handle->type;
}

int
rte_intr_dev_fd_set(struct rte_intr_handle *intr_handle, int fd)
{
	HANDLE_CHECK(intr_handle);
	intr_handle->dev_fd = fd;
	return 0;
}

int
rte_intr_dev_fd_get(const struct rte_intr_handle *intr_handle)
{
	HANDLE_CHECK(intr_handle);
	return intr_handle->dev_fd;
}

int
rte_intr_max_intr_set(struct rte_intr_handle *intr_handle, int max_intr)
{
	HANDLE_CHECK_INDEX(intr_handle, max_intr, intr_handle->nb_intr + 1);
	intr_handle->max_intr = max_intr;
	return 0;
}

int
rte_intr_max_intr_get(const struct rte_intr_handle *intr_handle)
{
	HANDLE_CHECK(intr_handle);
	return intr_handle->max_intr;
}

int
rte_intr_nb_efd_set(struct rte_intr_handle *intr_handle, int nb_efd)
{
	HANDLE_CHECK_INDEX(intr_handle, nb_efd, intr_handle->nb_intr + 1);
	intr_handle->nb_efd = (uint32_t)nb_efd;
	return 0;
}

int
rte_intr_nb_efd_get(const struct rte_intr_handle *intr_handle)
{
	HANDLE_CHECK(intr_handle);
	return (int)intr_handle->nb_efd;
}

int
rte_intr_nb_intr_get(const struct rte_intr_handle *intr_handle)
{
	HANDLE_CHECK(intr_handle);
	return intr_handle->nb_intr;
}

int
rte_intr_efd_counter_size_set(struct rte_intr_handle *intr_handle,
	uint8_t efd_counter_size)
{
	HANDLE_CHECK(intr_handle);
	/* The interrupt thread reads the counter into a uint64_t. */
	if (efd_counter_size > sizeof(uint64_t)) {
		EAL_LOG(ERR,
			"rte_intr_efd_counter_size_set(): %u bytes, at "
			"most %zu are supported\n",
			efd_counter_size, sizeof(uint64_t));
		return handle_fail(EINVAL);
	}
	intr_handle->efd_counter_size = efd_counter_size;
	return 0;
}

int
rte_intr_efd_counter_size_get(const struct rte_intr_handle *intr_handle)
{
	HANDLE_CHECK(intr_handle);
	return intr_handle->efd_counter_size;
}

int
rte_intr_efds_index_set(struct rte_intr_handle *intr_handle, int index, int fd)
{
	HANDLE_CHECK_INDEX(intr_handle, index, intr_handle->nb_intr);
	intr_handle->efds[index] = fd;
	return 0;
}

int
rte_intr_efds_index_get(const struct rte_intr_handle *intr_handle, int index)
{
	HANDLE_CHECK_INDEX(intr_handle, index, intr_handle->nb_intr);
	return intr_handle->efds[index];
}

int
rte_intr_elist_index_set(struct rte_intr_handle *intr_handle, int index,
	struct rte_epoll_event elist)
{
	HANDLE_CHECK_INDEX(intr_handle, index, intr_handle->nb_intr);
	intr_handle->elist[index] = elist;
	return 0;
}

struct rte_epoll_event *
rte_intr_elist_index_get(struct rte_intr_handle *intr_handle, int index)
{
	if (intr_handle == NULL || index < 0 || index >= intr_handle->nb_intr) {
		rte_errno = intr_handle == NULL ? EINVAL : ERANGE;
		return NULL;
	}
	return &intr_handle->elist[index];
}

int
rte_intr_vec_list_alloc(struct rte_intr_handle *intr_handle, const char *name,
	int size)
{
	RTE_SET_USED(name);
	HANDLE_CHECK(intr_handle);
	if (intr_handle->intr_vec != NULL)
		return 0;
	if (size <= 0 || size > intr_handle->nb_intr)
		return handle_fail(ERANGE);
	intr_handle->intr_vec = handle_zalloc(intr_handle->alloc_flags,
		sizeof(int) * size);
	if (intr_handle->intr_vec == NULL)
		return handle_fail(ENOMEM);
	intr_handle->vec_list_size = size;
	return 0;
}

int
rte_intr_vec_list_index_set(struct rte_intr_handle *intr_handle, int index,
	int vec)
{
	HANDLE_CHECK_INDEX(intr_handle, index, intr_handle->vec_list_size);
	intr_handle->intr_vec[index] = vec;
	return 0;
}

int
rte_intr_vec_list_index_get(const struct rte_intr_handle *intr_handle, int index)
{
	HANDLE_CHECK_INDEX(intr_handle, index, intr_handle->vec_list_size);
	return intr_handle->intr_vec[index];
}

void
rte_intr_vec_list_free(struct rte_intr_handle *intr_handle)
{
	if (intr_handle == NULL)
		return;
	handle_mfree(intr_handle->alloc_flags, intr_handle->intr_vec);
	intr_handle->intr_vec = NULL;
	intr_handle->vec_list_size = 0;
}

void *
rte_intr_instance_windows_handle_get(struct rte_intr_handle *intr_handle)
{
	RTE_SET_USED(intr_handle);
	return NULL;
}

int
rte_intr_instance_windows_handle_set(struct rte_intr_handle *intr_handle,
	void *windows_handle)
{
	RTE_SET_USED(intr_handle);
	RTE_SET_USED(windows_handle);
	return handle_fail(ENOTSUP);
}
