/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The control virtqueue (virtio 1.2 section 5.1.6.5). A command is one
 * chain: [class, command] (device-readable), [data] (device-readable,
 * optional), [ack] (device-writable, 1 byte), all in a 4 KiB command
 * buffer of our own. Commands go one at a time under cvq_lock and are
 * waited for by polling the used ring (the control queue never
 * interrupts). Only a started device (DRIVER_OK) takes commands; the
 * ethdev layer replays the rx mode and MAC at start.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_malloc.h>
#include <rte_memzone.h>

#include "virtio_dev.h"
#include "virtio_log.h"

/* Command buffer: header at 0, data at 64, ack at 2048. */
#define CTRL_BUF_SIZE	4096
#define CTRL_DATA_OFF	64
#define CTRL_ACK_OFF	2048
#define CTRL_DATA_MAX	(CTRL_ACK_OFF - CTRL_DATA_OFF)
#define CTRL_QUEUE_SIZE 64
/* How long a command may take before the device is declared stuck. */
#define CTRL_TIMEOUT_US (2 * 1000 * 1000)
#define CTRL_POLL_US	10

int
virtio_ctrl_queue_create(struct virtio_hw *hw, int socket)
{
	char name[RTE_MEMZONE_NAMESIZE];
	uint16_t size, index = virtio_cvq_index(hw);

	if (!virtio_with_feature(hw, VIRTIO_NET_F_CTRL_VQ))
		return 0;
	size = hw->ops->get_queue_size(hw, index);
	if (size == 0) {
		VIRTIO_LOG(ERR,
			"%s: the device offers CTRL_VQ but has no "
			"queue %u for it",
			hw->name, index);
		return -EIO;
	}
	if (hw->ops->queue_size_settable(hw))
		size = RTE_MIN(size, CTRL_QUEUE_SIZE);
	snprintf(name, sizeof(name), "vq%u_%u", hw->port_id, index);
	hw->cvq = virtqueue_create(name, index, size, socket, hw->use_va);
	snprintf(name, sizeof(name), "vqc%u", hw->port_id);
	hw->cvq_mz = rte_memzone_reserve_aligned(name, CTRL_BUF_SIZE, socket,
		RTE_MEMZONE_IOVA_CONTIG, CTRL_BUF_SIZE);
	if (hw->cvq == NULL || hw->cvq_mz == NULL) {
		VIRTIO_LOG(ERR, "%s: no memory for the control queue", hw->name);
		virtio_ctrl_queue_free(hw);
		return -ENOMEM;
	}
	hw->cvq_buf = hw->cvq_mz->addr;
	hw->cvq_buf_addr = hw->use_va ? (uint64_t)(uintptr_t)hw->cvq_mz->addr :
					hw->cvq_mz->iova;
	rte_spinlock_init(&hw->cvq_lock);
	return 0;
}

void
virtio_ctrl_queue_free(struct virtio_hw *hw)
{
	if (hw->cvq_mz != NULL)
		rte_memzone_free(hw->cvq_mz);
	virtqueue_free(hw->cvq);
	hw->cvq_mz = NULL;
	hw->cvq_buf = NULL;
	hw->cvq = NULL;
}

/* One descriptor of the command chain. */
static uint16_t
ctrl_desc(struct virtqueue *vq, uint64_t addr, uint32_t len, uint16_t flags)
{
	uint16_t id = vq_desc_take(vq);

	vq->desc[id].addr = addr;
	vq->desc[id].len = len;
	vq->desc[id].flags = flags;
	return id;
}

/* Waits for the device to return the command; 0 or -ETIMEDOUT. */
static int
ctrl_wait(struct virtio_hw *hw, uint16_t head)
{
	struct virtqueue *vq = hw->cvq;
	unsigned int waited = 0;
	uint32_t id;

	while (vq_used_count(vq) == 0) {
		if (waited >= CTRL_TIMEOUT_US)
			return -ETIMEDOUT;
		rte_delay_us_sleep(CTRL_POLL_US);
		waited += CTRL_POLL_US;
	}
	id = vq_used_next(vq)->id;
	vq->used_cons++;
	if (id != head || id >= vq->size)
		return -EIO;
	vq_chain_put(vq, head);
	return 0;
}

/* Sends class/cmd with data; 0 when the device acked VIRTIO_NET_OK. */
static int
ctrl_send(struct virtio_hw *hw, uint8_t class, uint8_t cmd, const void *data,
	uint32_t len)
{
	struct virtqueue *vq = hw->cvq;
	uint16_t head, prev, id;
	int ret;

	if (vq == NULL)
		return -ENOTSUP;
	if (!hw->started || len > CTRL_DATA_MAX)
		return -EINVAL;
	rte_spinlock_lock(&hw->cvq_lock);
	if (vq->nb_free < 3) {
		rte_spinlock_unlock(&hw->cvq_lock);
		return -EBUSY;
	}
	hw->cvq_buf[0] = class;
	hw->cvq_buf[1] = cmd;
	memcpy(hw->cvq_buf + CTRL_DATA_OFF, data, len);
	hw->cvq_buf[CTRL_ACK_OFF] = VIRTIO_NET_ERR;
	head = ctrl_desc(vq, hw->cvq_buf_addr, 2, VRING_DESC_F_NEXT);
	prev = head;
	if (len != 0) {
		id = ctrl_desc(vq, hw->cvq_buf_addr + CTRL_DATA_OFF, len,
			VRING_DESC_F_NEXT);
		vq->desc[prev].next = id;
		prev = id;
	}
	id = ctrl_desc(vq, hw->cvq_buf_addr + CTRL_ACK_OFF, 1,
		VRING_DESC_F_WRITE);
	vq->desc[prev].next = id;
	vq->extra[head].ndescs = len != 0 ? 3 : 2;
	vq_avail_add(vq, head);
	vq_avail_publish(vq);
	vq_kick_prepare(vq);
	hw->ops->notify_queue(hw, vq);
	ret = ctrl_wait(hw, head);
	if (ret == 0 && hw->cvq_buf[CTRL_ACK_OFF] != VIRTIO_NET_OK)
		ret = -EIO;
	rte_spinlock_unlock(&hw->cvq_lock);
	if (ret != 0)
		VIRTIO_LOG(ERR, "%s: control command %u/%u %s", hw->name, class,
			cmd,
			ret == -ETIMEDOUT ? "got no answer from the device" :
					    "was refused by the device");
	return ret;
}

int
virtio_ctrl_rx_mode(struct virtio_hw *hw, uint8_t cmd, bool on)
{
	uint8_t v = on ? 1 : 0;

	if (!virtio_with_feature(hw, VIRTIO_NET_F_CTRL_RX))
		return -ENOTSUP;
	return ctrl_send(hw, VIRTIO_NET_CTRL_RX, cmd, &v, sizeof(v));
}

int
virtio_ctrl_mac_addr_set(struct virtio_hw *hw, const struct rte_ether_addr *mac)
{
	if (!virtio_with_feature(hw, VIRTIO_NET_F_CTRL_MAC_ADDR))
		return -ENOTSUP;
	return ctrl_send(hw, VIRTIO_NET_CTRL_MAC, VIRTIO_NET_CTRL_MAC_ADDR_SET,
		mac->addr_bytes, RTE_ETHER_ADDR_LEN);
}

int
virtio_ctrl_mac_table_set(struct virtio_hw *hw, const struct rte_ether_addr *uc,
	uint32_t nb_uc)
{
	uint8_t buf[CTRL_DATA_MAX];
	uint32_t zero = 0;
	size_t len = 0;

	/* 5.1.6.5.2: le32 count + unicast entries, le32 count + multicast. */
	if (!virtio_with_feature(hw, VIRTIO_NET_F_CTRL_RX))
		return -ENOTSUP;
	if (sizeof(nb_uc) * 2 + (size_t)nb_uc * RTE_ETHER_ADDR_LEN > sizeof(buf))
		return -EINVAL;
	memcpy(buf, &nb_uc, sizeof(nb_uc));
	len += sizeof(nb_uc);
	memcpy(buf + len, uc, (size_t)nb_uc * RTE_ETHER_ADDR_LEN);
	len += (size_t)nb_uc * RTE_ETHER_ADDR_LEN;
	memcpy(buf + len, &zero, sizeof(zero));
	len += sizeof(zero);
	return ctrl_send(hw, VIRTIO_NET_CTRL_MAC, VIRTIO_NET_CTRL_MAC_TABLE_SET,
		buf, (uint32_t)len);
}

int
virtio_ctrl_mq_pairs_set(struct virtio_hw *hw, uint16_t pairs)
{
	if (!virtio_with_feature(hw, VIRTIO_NET_F_MQ))
		return pairs == 1 ? 0 : -ENOTSUP;
	return ctrl_send(hw, VIRTIO_NET_CTRL_MQ,
		VIRTIO_NET_CTRL_MQ_VQ_PAIRS_SET, &pairs, sizeof(pairs));
}
