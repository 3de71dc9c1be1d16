/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The device side of virtio-user's control queue (virtio 1.2 5.1.6.5),
 * run inline when the driver notifies the queue: each chain is
 * [class, command] [data...] [ack], its addresses our own VAs. A chain
 * that does not look like that gets no ack but is still returned, so the
 * driver never waits for it.
 */
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ether.h>

#include "../virtio_log.h"
#include "virtio_user_dev.h"

#define CVQ_MAX_CHAIN 4

/* Runs one command; the ack value. */
static uint8_t
cvq_command(struct virtio_user_dev *dev, uint8_t class, uint8_t cmd,
	const uint8_t *data, uint32_t len)
{
	uint16_t pairs;
	int ret;

	switch (class) {
	case VIRTIO_NET_CTRL_RX:
		/* The backend delivers every frame: any mode is fine. */
		return len == 1 && cmd <= VIRTIO_NET_CTRL_RX_ALLMULTI ?
			VIRTIO_NET_OK :
			VIRTIO_NET_ERR;
	case VIRTIO_NET_CTRL_MAC:
		if (cmd == VIRTIO_NET_CTRL_MAC_ADDR_SET &&
			len == RTE_ETHER_ADDR_LEN) {
			memcpy(dev->mac.addr_bytes, data, RTE_ETHER_ADDR_LEN);
			return VIRTIO_NET_OK;
		}
		return cmd == VIRTIO_NET_CTRL_MAC_TABLE_SET ? VIRTIO_NET_OK :
							      VIRTIO_NET_ERR;
	case VIRTIO_NET_CTRL_MQ:
		if (cmd != VIRTIO_NET_CTRL_MQ_VQ_PAIRS_SET ||
			len != sizeof(pairs))
			return VIRTIO_NET_ERR;
		memcpy(&pairs, data, sizeof(pairs));
		if (pairs == 0 || pairs > dev->max_pairs)
			return VIRTIO_NET_ERR;
		pthread_mutex_lock(&dev->lock);
		ret = virtio_user_enable_pairs(dev, pairs);
		pthread_mutex_unlock(&dev->lock);
		return ret == 0 ? VIRTIO_NET_OK : VIRTIO_NET_ERR;
	default:
		return VIRTIO_NET_ERR;
	}
}

/* Handles the chain at head; the bytes written (1 with an ack, else 0). */
static uint32_t
cvq_chain(struct virtio_user_dev *dev, struct virtqueue *vq, uint16_t head)
{
	const struct vring_desc *d[CVQ_MAX_CHAIN];
	uint16_t id = head, n = 0;
	const uint8_t *hdr;
	uint8_t *ack;

	for (;;) {
		if (id >= vq->size || n == CVQ_MAX_CHAIN)
			return 0;
		d[n++] = &vq->desc[id];
		if ((vq->desc[id].flags & VRING_DESC_F_NEXT) == 0)
			break;
		id = vq->desc[id].next;
	}
	if (n < 2 || d[0]->len < 2 || (d[0]->flags & VRING_DESC_F_WRITE) ||
		!(d[n - 1]->flags & VRING_DESC_F_WRITE) || d[n - 1]->len < 1 ||
		(n == 3 && (d[1]->flags & VRING_DESC_F_WRITE)))
		return 0;
	hdr = (const uint8_t *)(uintptr_t)d[0]->addr;
	ack = (uint8_t *)(uintptr_t)d[n - 1]->addr;
	*ack = cvq_command(dev, hdr[0], hdr[1],
		n == 3 ? (const uint8_t *)(uintptr_t)d[1]->addr : NULL,
		n == 3 ? d[1]->len : 0);
	return 1;
}

void
virtio_user_cvq_handle(struct virtio_user_dev *dev, struct virtqueue *vq)
{
	uint16_t avail_idx, used_idx, head;
	struct vring_used_elem *e;

	/* Acquire: pairs with the driver's release store of avail.idx. */
	avail_idx = __atomic_load_n(&vq->avail->idx, __ATOMIC_ACQUIRE);
	used_idx = vq->used->idx;
	while (dev->cvq_next != avail_idx) {
		head = vq->avail->ring[dev->cvq_next & vq->mask];
		e = &vq->used->ring[used_idx & vq->mask];
		e->id = head;
		e->len = cvq_chain(dev, vq, head);
		if (e->len == 0)
			VIRTIO_LOG(ERR,
				"virtio_user %s: malformed control "
				"command",
				dev->path);
		used_idx++;
		dev->cvq_next++;
	}
	/* Release: pairs with the driver's acquire load of used.idx. */
	__atomic_store_n(&vq->used->idx, used_idx, __ATOMIC_RELEASE);
}
