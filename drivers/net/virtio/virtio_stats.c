/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * virtio-net statistics: the basic ones summed over the queues, and the
 * per-queue xstats (good packets and bytes, errors, multicast, broadcast
 * and size buckets), rx_qN_* then tx_qN_*.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <ethdev_driver.h>

#include "virtio_ethdev.h"
#include "virtio_rxtx.h"

/* Statistics: sums and per-queue counters of the queues. */
int
virtio_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	const struct virtio_rxq *rxq;
	const struct virtio_txq *txq;
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		rxq = dev->data->rx_queues[q];
		if (rxq == NULL)
			continue;
		stats->ipackets += rxq->stats.packets;
		stats->ibytes += rxq->stats.bytes;
		stats->ierrors += rxq->stats.errors;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[q] = rxq->stats.packets;
			stats->q_ibytes[q] = rxq->stats.bytes;
			stats->q_errors[q] = rxq->stats.errors;
		}
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		txq = dev->data->tx_queues[q];
		if (txq == NULL)
			continue;
		stats->opackets += txq->stats.packets;
		stats->obytes += txq->stats.bytes;
		stats->oerrors += txq->stats.errors;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_opackets[q] = txq->stats.packets;
			stats->q_obytes[q] = txq->stats.bytes;
		}
	}
	stats->rx_nombuf = dev->data->rx_mbuf_alloc_failed;
	return 0;
}

int
virtio_stats_reset(struct rte_eth_dev *dev)
{
	struct virtio_rxq *rxq;
	struct virtio_txq *txq;
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		rxq = dev->data->rx_queues[q];
		if (rxq != NULL)
			memset(&rxq->stats, 0, sizeof(rxq->stats));
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		txq = dev->data->tx_queues[q];
		if (txq != NULL)
			memset(&txq->stats, 0, sizeof(txq->stats));
	}
	dev->data->rx_mbuf_alloc_failed = 0;
	return 0;
}

/* Per-queue xstats: name suffix and offset in struct virtio_queue_stats. */
struct xstat_field {
	const char *name;
	size_t offset;
};

#define XSTAT(n, f) \
	{ \
		n, offsetof(struct virtio_queue_stats, f) \
	}
static const struct xstat_field xstat_fields[] = {
	XSTAT("good_packets", packets),
	XSTAT("good_bytes", bytes),
	XSTAT("errors", errors),
	XSTAT("multicast_packets", multicast),
	XSTAT("broadcast_packets", broadcast),
	XSTAT("undersize_packets", size[VIRTIO_SIZE_UNDER_64]),
	XSTAT("size_64_packets", size[VIRTIO_SIZE_64]),
	XSTAT("size_65_127_packets", size[VIRTIO_SIZE_65_127]),
	XSTAT("size_128_255_packets", size[VIRTIO_SIZE_128_255]),
	XSTAT("size_256_511_packets", size[VIRTIO_SIZE_256_511]),
	XSTAT("size_512_1023_packets", size[VIRTIO_SIZE_512_1023]),
	XSTAT("size_1024_1518_packets", size[VIRTIO_SIZE_1024_1518]),
	XSTAT("size_1519_max_packets", size[VIRTIO_SIZE_1519_MAX]),
};
#define NB_XSTAT_FIELDS RTE_DIM(xstat_fields)

static unsigned int
xstats_count(const struct rte_eth_dev *dev)
{
	return (unsigned int)(dev->data->nb_rx_queues +
		       dev->data->nb_tx_queues) *
		NB_XSTAT_FIELDS;
}

/* The stats of xstat number i, and its queue's direction and number. */
static const struct virtio_queue_stats *
xstat_queue(const struct rte_eth_dev *dev, unsigned int i, bool *rx, uint16_t *q)
{
	unsigned int qi = i / NB_XSTAT_FIELDS;
	const struct virtio_rxq *rxq;
	const struct virtio_txq *txq;

	*rx = qi < dev->data->nb_rx_queues;
	if (*rx) {
		*q = (uint16_t)qi;
		rxq = dev->data->rx_queues[qi];
		return rxq != NULL ? &rxq->stats : NULL;
	}
	*q = (uint16_t)(qi - dev->data->nb_rx_queues);
	txq = dev->data->tx_queues[*q];
	return txq != NULL ? &txq->stats : NULL;
}

int
virtio_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n)
{
	unsigned int i, count = xstats_count(dev);
	const struct virtio_queue_stats *st;
	uint16_t q;
	bool rx;

	if (xstats == NULL || n < count)
		return (int)count;
	for (i = 0; i < count; i++) {
		st = xstat_queue(dev, i, &rx, &q);
		xstats[i].id = i;
		xstats[i].value = st == NULL ?
			0 :
			*(const uint64_t *)RTE_PTR_ADD(st,
				xstat_fields[i % NB_XSTAT_FIELDS].offset);
	}
	return (int)count;
}

int
virtio_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int size)
{
	unsigned int i, count = xstats_count(dev);
	uint16_t q;
	bool rx;

	if (names == NULL || size < count)
		return (int)count;
	for (i = 0; i < count; i++) {
		xstat_queue(dev, i, &rx, &q);
		snprintf(names[i].name, sizeof(names[i].name), "%s_q%u_%s",
			rx ? "rx" : "tx", q,
			xstat_fields[i % NB_XSTAT_FIELDS].name);
	}
	return (int)count;
}
