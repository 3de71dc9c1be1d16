/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Ethernet ports over rte_rings (the net_ring driver, alias eth_ring).
 *
 * Rx queue i dequeues mbufs from its ring, Tx queue i enqueues them on
 * its ring: the mbuf pointers move, the data is not copied. Whoever
 * dequeues a packet owns it. A port made here is an ordinary vdev port:
 * rte_eth_dev_close() releases it, and the rings stay the caller's.
 *
 * From devargs: --vdev net_ring0,nodeaction=NAME:NODE:ACTION (one queue
 * pair per nodeaction, the key may repeat). ACTION CREATE makes rings
 * "ETH_RX<i>_NAME" and "ETH_TX<i>_NAME" on NUMA node NODE; the port
 * receives from the first and sends to the second, and frees both (and
 * the mbufs left in them) when it is closed. ATTACH finds the rings that
 * a CREATE port made under the same NAME and crosses them: it receives
 * what the CREATE port sends and sends what it receives, so the two
 * ports are looped into each other. Close the ATTACH port first.
 * Without devargs the port CREATEs one queue pair named after itself.
 */
#ifndef _RTE_ETH_RING_H_
#define _RTE_ETH_RING_H_

#ifdef __cplusplus
extern "C" {
#endif

#include <rte_ring.h>

/**
 * Makes a port whose Rx queues read rx_queues[] and whose Tx queues
 * write tx_queues[] (the same ring may be in both: a loopback).
 *
 * @param name port name; one that does not start with "net_ring" or
 *   "eth_ring" gets the prefix "net_ring_".
 * @param rx_queues nb_rx_queues rings (1 to 16).
 * @param tx_queues nb_tx_queues rings (1 to 16).
 * @param numa_node node of the port's memory.
 * @return the port id, or -1 with rte_errno EINVAL (bad arguments),
 *   EEXIST (name taken) or ENOMEM.
 */
int rte_eth_from_rings(const char *name,
		struct rte_ring * const rx_queues[],
		const unsigned nb_rx_queues,
		struct rte_ring *const tx_queues[],
		const unsigned nb_tx_queues,
		const unsigned numa_node);

/**
 * Makes a one-queue port named after the ring that receives from and
 * sends to r, on the ring's NUMA node.
 *
 * @return the port id, or -1 with rte_errno as rte_eth_from_rings().
 */
int rte_eth_from_ring(struct rte_ring *r);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETH_RING_H_ */
