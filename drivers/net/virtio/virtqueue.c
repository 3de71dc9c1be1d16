/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Split virtqueue memory and the slow-path operations on it (the burst
 * helpers are inline in virtqueue.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>

#include "virtqueue.h"

#define VQ_LOG(level, fmt, ...) \
	RTE_LOG(level, PMD, "virtio: " fmt "\n", ##__VA_ARGS__)

size_t
virtqueue_ring_size(uint16_t size)
{
	size_t desc_avail = (size_t)size * sizeof(struct vring_desc) +
		sizeof(uint16_t) * (3 + (size_t)size);
	size_t used = sizeof(uint16_t) * 3 +
		(size_t)size * sizeof(struct vring_used_elem);

	return RTE_ALIGN_CEIL(desc_avail, VIRTQUEUE_ALIGN) +
		RTE_ALIGN_CEIL(used, VIRTQUEUE_ALIGN);
}

struct virtqueue *
virtqueue_create(const char *name, uint16_t index, uint16_t size, int socket,
	bool use_va)
{
	const struct rte_memzone *mz;
	struct virtqueue *vq;
	size_t ring_size;
	uint8_t *base;

	if (size == 0 || !rte_is_power_of_2(size)) {
		VQ_LOG(ERR, "%s: queue size %u is not a power of two", name,
			size);
		rte_errno = EINVAL;
		return NULL;
	}
	vq = rte_zmalloc_socket(name,
		sizeof(*vq) + (size_t)size * sizeof(vq->extra[0]),
		RTE_CACHE_LINE_SIZE, socket);
	if (vq == NULL) {
		VQ_LOG(ERR, "%s: no memory for the queue", name);
		rte_errno = ENOMEM;
		return NULL;
	}
	ring_size = virtqueue_ring_size(size);
	mz = rte_memzone_reserve_aligned(name, ring_size, socket,
		RTE_MEMZONE_IOVA_CONTIG, VIRTQUEUE_ALIGN);
	if (mz == NULL) {
		VQ_LOG(ERR, "%s: no memory for a %zu-byte ring: %s", name,
			ring_size, rte_strerror(rte_errno));
		rte_free(vq);
		rte_errno = ENOMEM;
		return NULL;
	}
	base = mz->addr;
	vq->mz = mz;
	vq->size = size;
	vq->mask = size - 1;
	vq->index = index;
	vq->ring_size = ring_size;
	vq->ring_addr = use_va ? (uint64_t)(uintptr_t)base : mz->iova;
	vq->desc = (struct vring_desc *)base;
	vq->avail = (struct vring_avail *)(base +
		(size_t)size * sizeof(struct vring_desc));
	vq->used_event = &vq->avail->ring[size];
	vq->used = (struct vring_used *)(base +
		RTE_ALIGN_CEIL(RTE_PTR_DIFF(vq->used_event + 1, base),
			VIRTQUEUE_ALIGN));
	vq->avail_event = (uint16_t *)&vq->used->ring[size];
	vq->kick_fd = -1;
	vq->call_fd = -1;
	virtqueue_reset(vq, false);
	return vq;
}

void
virtqueue_free(struct virtqueue *vq)
{
	if (vq == NULL)
		return;
	rte_memzone_free(vq->mz);
	rte_free(vq);
}

void
virtqueue_reset(struct virtqueue *vq, bool event_idx)
{
	uint16_t i;

	memset(vq->desc, 0, vq->ring_size);
	for (i = 0; i < vq->size; i++) {
		vq->desc[i].next = (uint16_t)(i + 1);
		vq->extra[i].cookie = NULL;
		vq->extra[i].ndescs = 0;
	}
	vq->free_head = 0;
	vq->free_tail = (uint16_t)(vq->size - 1);
	vq->nb_free = vq->size;
	vq->avail_idx = 0;
	vq->used_cons = 0;
	vq->kick_idx = 0;
	vq->event_idx = event_idx;
	vq->intr_enabled = false;
	if (event_idx)
		*vq->used_event = vq->size;
	else
		vq->avail->flags = VRING_AVAIL_F_NO_INTERRUPT;
}

void
virtqueue_drain(struct virtqueue *vq, void (*fn)(void *cookie))
{
	uint16_t i;

	for (i = 0; i < vq->size; i++) {
		if (vq->extra[i].ndescs == 0)
			continue;
		if (vq->extra[i].cookie != NULL && fn != NULL)
			fn(vq->extra[i].cookie);
		vq_chain_put(vq, i);
	}
	vq->used_cons = __atomic_load_n(&vq->used->idx, __ATOMIC_ACQUIRE);
}

void
virtqueue_intr_enable(struct virtqueue *vq, bool enable)
{
	vq->intr_enabled = enable;
	if (vq->event_idx) {
		/* Notify at the next element the driver has not seen. */
		__atomic_store_n(vq->used_event,
			enable ? vq->used_cons :
				 (uint16_t)(vq->used_cons + vq->size),
			__ATOMIC_RELAXED);
	} else {
		__atomic_store_n(&vq->avail->flags,
			enable ? 0 : VRING_AVAIL_F_NO_INTERRUPT,
			__ATOMIC_RELAXED);
	}
	/* The device reads the new setting before we look at the ring again. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}
