/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_null: a port with no wire. Rx makes packets of a fixed size from
 * the queue's mempool, Tx frees what it is given. With copy=1, Rx copies
 * a template into each packet and Tx reads every byte it frees; with
 * no-rx=1, Rx returns nothing. The driver holds no mbuf between bursts.
 */
#ifndef ETH_NULL_INTERNAL_H
#define ETH_NULL_INTERNAL_H

#include <stdint.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <ethdev_driver.h>

#define ETH_NULL_DRIVER_NAME  net_null
#define ETH_NULL_DEFAULT_SIZE 64
#define ETH_NULL_MAX_SIZE     9000
#define ETH_NULL_MAX_QUEUES   1024

/* One Rx or Tx queue; only its own lcore writes the counters. */
struct eth_null_queue {
	const struct eth_null_private *priv;
	struct rte_eth_dev_data *dev_data; /* rx_mbuf_alloc_failed */
	struct rte_mempool *mb_pool;	   /* Rx only */
	uint64_t packets;
	uint64_t bytes;
	uint64_t nombuf_bursts; /* Rx: bursts without mbufs */
	uint64_t touched;	/* Tx, copy=1: sum of bytes read */
} __rte_cache_aligned;

struct eth_null_private {
	unsigned int packet_size;
	int copy;
	int no_rx;
	uint8_t *template; /* packet_size bytes, copy=1 */
	struct rte_ether_addr mac;
};

uint16_t
eth_null_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);
uint16_t
eth_null_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);

#endif /* ETH_NULL_INTERNAL_H */
