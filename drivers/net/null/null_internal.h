/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_null: a port with no wire. Rx makes packets of a fixed size from
 * the queue's mempool, Tx frees what it is given. With copy=1, Rx copies
 * a template into each packet and Tx reads every byte it frees; with
 * no-rx=1, Rx returns nothing. The driver holds no mbuf between bursts.
 */
#ifndef NULL_INTERNAL_H
#define NULL_INTERNAL_H

#include <stdint.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <ethdev_driver.h>

#define NULL_DRIVER_NAME net_null
#define NULL_DEFAULT_SIZE 64
#define NULL_MAX_SIZE 9000
#define NULL_MAX_QUEUES 1024

/* One Rx or Tx queue; only its own lcore writes the counters. */
struct null_queue {
	const struct null_private *priv;
	struct rte_eth_dev_data *dev_data;	/* rx_mbuf_alloc_failed */
	struct rte_mempool *mb_pool;		/* Rx only */
	uint64_t packets;
	uint64_t bytes;
	uint64_t nombuf_bursts;		/* Rx: bursts without mbufs */
	uint64_t touched;		/* Tx, copy=1: sum of bytes read */
} __rte_cache_aligned;

struct null_private {
	unsigned int packet_size;
	int copy;
	int no_rx;
	uint8_t *template;		/* packet_size bytes, copy=1 */
	struct rte_ether_addr mac;
};

uint16_t null_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);
uint16_t null_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);

#endif /* NULL_INTERNAL_H */
