/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Split virtqueues (virtio 1.x section 2.7) for the guest check: just what
 * one transmit and one receive buffer need. The rings use the legacy
 * layout (4.1.4.10: used ring aligned to 4096 after the available ring),
 * which a modern device accepts too since its three addresses are given
 * separately:
 *
 *   iova + 0                        descriptor table, 16 bytes x size
 *   iova + 16 x size                available ring: flags, idx, ring[size]
 *   iova + align(.., 4096)          used ring: flags, idx, {id, len}[size]
 *
 * The driver owns a descriptor from the moment it takes it until the
 * device returns its head in the used ring; here every buffer is one
 * descriptor and descriptor i is used for the i-th buffer (wrapping).
 */
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "guest_check.h"

struct guest_vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

#define GUEST_DESC_F_WRITE 2 /* device writes (2.7.5) */

struct guest_vring_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

struct guest_vring_used_elem {
	uint32_t id;
	uint32_t len;
};

struct guest_vring_used {
	uint16_t flags;
	uint16_t idx;
	struct guest_vring_used_elem ring[];
};

static size_t
vq_align(size_t value)
{
	return (value + GUEST_VQ_ALIGN - 1) & ~(size_t)(GUEST_VQ_ALIGN - 1);
}

static size_t
vq_used_offset(uint16_t size)
{
	return vq_align(sizeof(struct guest_vring_desc) * size +
		sizeof(uint16_t) * (3 + size));
}

size_t
guest_vq_mem_size(uint16_t size)
{
	return vq_used_offset(size) +
		vq_align(sizeof(uint16_t) * 3 +
			sizeof(struct guest_vring_used_elem) * size);
}

void
guest_vq_layout(struct guest_vq *vq, uint16_t size, void *va, uint64_t iova)
{
	size_t avail_offset = sizeof(struct guest_vring_desc) * size;
	size_t used_offset = vq_used_offset(size);

	memset(va, 0, guest_vq_mem_size(size));
	vq->size = size;
	vq->desc = va;
	vq->avail = (struct guest_vring_avail *)((char *)va + avail_offset);
	vq->used = (struct guest_vring_used *)((char *)va + used_offset);
	vq->desc_iova = iova;
	vq->avail_iova = iova + avail_offset;
	vq->used_iova = iova + used_offset;
	vq->avail_idx = 0;
	vq->used_seen = 0;
}

static void
vq_add(struct guest_vq *vq, uint64_t iova, uint32_t len, uint16_t flags)
{
	uint16_t id = vq->avail_idx % vq->size;
	volatile uint16_t *avail_idx = &vq->avail->idx;

	vq->desc[id].addr = iova;
	vq->desc[id].len = len;
	vq->desc[id].flags = flags;
	vq->desc[id].next = 0;
	vq->avail->ring[id] = id;
	vq->avail_idx++;
	/* the descriptor and ring entry must be visible before the index
	 * that hands them to the device (2.7.13.2) */
	atomic_thread_fence(memory_order_release);
	*avail_idx = vq->avail_idx;
	/* and the index before the notification the caller sends next */
	atomic_thread_fence(memory_order_seq_cst);
}

void
guest_vq_add_out(struct guest_vq *vq, uint64_t iova, uint32_t len)
{
	vq_add(vq, iova, len, 0);
}

void
guest_vq_add_in(struct guest_vq *vq, uint64_t iova, uint32_t len)
{
	vq_add(vq, iova, len, GUEST_DESC_F_WRITE);
}

uint64_t
guest_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

int
guest_vq_wait_used(struct guest_vq *vq, unsigned int timeout_ms, uint32_t *len)
{
	volatile uint16_t *used_idx = &vq->used->idx;
	uint64_t end = guest_now_ms() + timeout_ms;
	struct timespec pause = { .tv_nsec = 1000000 };

	do {
		if (*used_idx != vq->used_seen) {
			/* the entry is read after the index that published it */
			atomic_thread_fence(memory_order_acquire);
			*len = vq->used->ring[vq->used_seen % vq->size].len;
			vq->used_seen++;
			return 0;
		}
		nanosleep(&pause, NULL);
	} while (guest_now_ms() < end);
	return -1;
}
