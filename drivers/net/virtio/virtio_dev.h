/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * A virtio-net device as the driver sees it, whatever carries it: the
 * transport operations (legacy PCI, modern PCI, virtio-user), the
 * negotiated features, the queues, and the device-level steps of 3.1.1
 * (virtio_dev.c) and the control queue (virtio_ctrl.c).
 *
 * Queue indices (5.1.2): pair p has rx queue 2p and tx queue 2p + 1; the
 * control queue is 2N with N = max_virtqueue_pairs (1 without MQ).
 */
#ifndef VIRTIO_DEV_H
#define VIRTIO_DEV_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ether.h>
#include <rte_spinlock.h>

#include "virtio_spec.h"
#include "virtqueue.h"

struct virtio_hw;
struct rte_eth_dev;

/*
 * What a transport provides. Every call is made from the control path
 * (never a burst) except notify_queue. Int-returning calls give 0 or a
 * negative errno after logging one line.
 */
struct virtio_ops {
	const char *name;
	/* Device config space (5.1.4), len bytes at offset. */
	void (*read_dev_config)(struct virtio_hw *hw, size_t offset, void *dst,
		int len);
	void (*write_dev_config)(struct virtio_hw *hw, size_t offset,
		const void *src, int len);
	uint8_t (*get_status)(struct virtio_hw *hw);
	int (*set_status)(struct virtio_hw *hw, uint8_t status);
	/* Writes 0 to the status and waits for the device to finish. */
	int (*reset)(struct virtio_hw *hw);
	uint64_t (*get_features)(struct virtio_hw *hw);
	int (*set_features)(struct virtio_hw *hw, uint64_t features);
	/* Largest size of queue index, 0 when the queue does not exist. */
	uint16_t (*get_queue_size)(struct virtio_hw *hw, uint16_t index);
	/* Whether the queue size can be chosen (not legacy). */
	bool (*queue_size_settable)(struct virtio_hw *hw);
	/* Tells the device where queue vq is; before DRIVER_OK. */
	int (*setup_queue)(struct virtio_hw *hw, struct virtqueue *vq);
	void (*del_queue)(struct virtio_hw *hw, struct virtqueue *vq);
	/* Available buffer notification (the doorbell); fast path. */
	void (*notify_queue)(struct virtio_hw *hw, struct virtqueue *vq);
	/* Reads and clears the ISR (4.1.4.5); 0 when there is none. */
	uint8_t (*get_isr)(struct virtio_hw *hw);
	/* Whether nb_rxq rx queues can have interrupts (configure); NULL:
	 * they can whenever intr_setup exists. */
	int (*rxq_intr_check)(struct virtio_hw *hw, uint16_t nb_rxq);
	/* Interrupts: LSC and per-rx-queue fds into dev->intr_handle; at
	 * start, after the features and before the queues are set up. */
	int (*intr_setup)(struct virtio_hw *hw, struct rte_eth_dev *dev);
	void (*intr_teardown)(struct virtio_hw *hw, struct rte_eth_dev *dev);
	/* Transport's own teardown at close. */
	void (*close)(struct virtio_hw *hw);
};

/* Features the driver can use (shared/hardware-facts.md 1.7). */
#define VIRTIO_DRIVER_FEATURES \
	(VIRTIO_BIT(VIRTIO_F_VERSION_1) | \
		VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM) | \
		VIRTIO_BIT(VIRTIO_NET_F_MAC) | \
		VIRTIO_BIT(VIRTIO_NET_F_STATUS) | \
		VIRTIO_BIT(VIRTIO_NET_F_MTU) | \
		VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF) | \
		VIRTIO_BIT(VIRTIO_NET_F_CTRL_VQ) | \
		VIRTIO_BIT(VIRTIO_NET_F_CTRL_RX) | \
		VIRTIO_BIT(VIRTIO_NET_F_CTRL_MAC_ADDR) | \
		VIRTIO_BIT(VIRTIO_NET_F_MQ) | VIRTIO_BIT(VIRTIO_F_EVENT_IDX))

/* Largest frame without mergeable buffers: one buffer per packet. */
#define VIRTIO_DEFAULT_MTU 1500
#define VIRTIO_MAX_MTU	   9000
#define VIRTIO_MAX_RX_PKTLEN \
	(VIRTIO_MAX_MTU + RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN)

struct virtio_rxq;
struct virtio_txq;

struct virtio_hw {
	const struct virtio_ops *ops;
	void *transport;  /* the transport's private data */
	const char *name; /* port name, for logs */
	uint16_t port_id;

	uint64_t device_features;
	uint64_t features;  /* negotiated */
	bool use_va;	    /* device sees VAs (virtio-user) */
	bool modern;	    /* VERSION_1 negotiated */
	uint16_t hdr_size;  /* virtio_net_hdr bytes */
	uint16_t max_pairs; /* device's max_virtqueue_pairs */
	uint16_t nb_pairs;  /* pairs in use */
	uint16_t max_mtu;   /* from config with MTU, else ours */
	uint16_t mtu;
	struct rte_ether_addr mac;

	struct virtqueue *cvq; /* control queue, or NULL */
	rte_spinlock_t cvq_lock;
	uint8_t *cvq_buf;      /* command buffer (in cvq's memzone) */
	uint64_t cvq_buf_addr; /* its device address */
	const struct rte_memzone *cvq_mz; /* holds cvq_buf */
	bool started;			  /* DRIVER_OK given */
	bool link_up;
};

static inline bool
virtio_with_feature(const struct virtio_hw *hw, unsigned int bit)
{
	return (hw->features & VIRTIO_BIT(bit)) != 0;
}

/* Queue index of the control queue. */
static inline uint16_t
virtio_cvq_index(const struct virtio_hw *hw)
{
	return (uint16_t)(2 *
		(virtio_with_feature(hw, VIRTIO_NET_F_MQ) ? hw->max_pairs : 1));
}

/* virtio_dev.c */
/*
 * 3.1.1 steps 1-6: reset, ACKNOWLEDGE, DRIVER, features (wanted: what the
 * application needs on top of the device's optional ones; missing wanted
 * bits fail with -ENOTSUP), FEATURES_OK. Reads the config (MAC, status,
 * pairs, MTU) and sets hw->features, hdr_size, max_pairs, max_mtu.
 */
int virtio_dev_init(struct virtio_hw *hw, uint64_t wanted);
/* Resets the device (the device stops using every queue). */
int virtio_dev_reset(struct virtio_hw *hw);
/* DRIVER_OK (3.1.1 step 8). */
int virtio_dev_driver_ok(struct virtio_hw *hw);
/* Link state from the config (always up without STATUS). */
bool virtio_dev_link_up(struct virtio_hw *hw);
/* The device's MAC, or false when it has none (no MAC feature). */
bool virtio_dev_read_mac(struct virtio_hw *hw, struct rte_ether_addr *mac);
/* Names of features for logs; "" when unknown. */
const char *virtio_feature_name(unsigned int bit);

/* virtio_ctrl.c: control queue commands (5.1.6.5), -ENOTSUP without. */
/* Makes the control queue (with CTRL_VQ); 0 or -ENOMEM. */
int virtio_ctrl_queue_create(struct virtio_hw *hw, int socket);
void virtio_ctrl_queue_free(struct virtio_hw *hw);
int virtio_ctrl_rx_mode(struct virtio_hw *hw, uint8_t cmd, bool on);
int virtio_ctrl_mac_addr_set(struct virtio_hw *hw,
	const struct rte_ether_addr *mac);
int virtio_ctrl_mac_table_set(struct virtio_hw *hw,
	const struct rte_ether_addr *uc, uint32_t nb_uc);
int virtio_ctrl_mq_pairs_set(struct virtio_hw *hw, uint16_t pairs);

#endif /* VIRTIO_DEV_H */
