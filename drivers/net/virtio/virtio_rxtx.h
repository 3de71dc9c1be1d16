/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The data path's queues. An rx queue owns one virtqueue whose every
 * descriptor holds one mbuf (device-writable, starting hdr_size bytes
 * before the mbuf's data so the virtio_net_hdr lands in the headroom).
 * A tx queue owns one virtqueue; a packet is one chain: the header pushed
 * into the first segment's headroom when the mbuf is ours alone, else a
 * header descriptor from the queue's header array, then one descriptor
 * per segment.
 */
#ifndef VIRTIO_RXTX_H
#define VIRTIO_RXTX_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "virtio_dev.h"

/* Packet size buckets of the per-queue xstats. */
enum virtio_size_bucket {
	VIRTIO_SIZE_UNDER_64,
	VIRTIO_SIZE_64,
	VIRTIO_SIZE_65_127,
	VIRTIO_SIZE_128_255,
	VIRTIO_SIZE_256_511,
	VIRTIO_SIZE_512_1023,
	VIRTIO_SIZE_1024_1518,
	VIRTIO_SIZE_1519_MAX,
	VIRTIO_NB_SIZE_BUCKETS
};

struct virtio_queue_stats {
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors;
	uint64_t multicast;
	uint64_t broadcast;
	uint64_t size[VIRTIO_NB_SIZE_BUCKETS];
};

struct virtio_rxq {
	struct virtqueue *vq;
	struct virtio_hw *hw;
	struct rte_mempool *mp;
	uint64_t *nombuf; /* &dev->data->rx_mbuf_alloc_failed */
	uint16_t port_id;
	uint16_t queue_id;
	uint16_t hdr_size;
	uint16_t refill_thresh; /* refill when this many are free */
	bool mergeable;
	bool use_va;
	struct virtio_queue_stats stats;
};

struct virtio_txq {
	struct virtqueue *vq;
	struct virtio_hw *hw;
	uint16_t port_id;
	uint16_t queue_id;
	uint16_t hdr_size;
	uint16_t free_thresh; /* reclaim below this many free */
	bool use_va;
	uint8_t *hdrs;	    /* one 16-byte slot per descriptor */
	uint64_t hdrs_addr; /* their device address */
	const struct rte_memzone *hdrs_mz;
	struct virtio_queue_stats stats;
};

uint16_t virtio_recv_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t virtio_xmit_pkts(void *txq, struct rte_mbuf **pkts, uint16_t n);

/*
 * Fills every free descriptor of the rx queue with an mbuf (at start).
 * @return 0, or -ENOMEM when the pool could not fill the ring at all.
 */
int virtio_rxq_fill(struct virtio_rxq *rxq);

/* Takes every mbuf back from a queue the device no longer uses. */
void virtio_rxq_drain(struct virtio_rxq *rxq);
void virtio_txq_drain(struct virtio_txq *txq);

/* Size bucket of a packet of len bytes. */
static inline unsigned int
virtio_size_bucket(uint32_t len)
{
	if (len < 64)
		return VIRTIO_SIZE_UNDER_64;
	if (len == 64)
		return VIRTIO_SIZE_64;
	if (len > 1518)
		return VIRTIO_SIZE_1519_MAX;
	if (len >= 1024)
		return VIRTIO_SIZE_1024_1518;
	/* 65..1023: 65-127 -> 2, 128-255 -> 3, 256-511 -> 4, 512-1023 -> 5 */
	return (unsigned int)(32 - __builtin_clz(len)) - 5;
}

#endif /* VIRTIO_RXTX_H */
