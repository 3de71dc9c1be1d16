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
 * From devargs, as DPDK 22.11 makes them: --vdev net_ring0 or
 * --vdev net_ring0,nodeaction=NAME:NODE:ACTION (one nodeaction per port).
 * The port has 16 queues, and queue i receives from and sends to the
 * one ring "ETH_RXTX<i>_NAME" (1024 slots, single producer and single
 * consumer): what a port sends it receives itself. ACTION CREATE makes
 * the rings on NUMA node NODE (-1: any) and frees them (and the mbufs
 * left in them) when the port is closed; ATTACH finds the rings that a
 * CREATE port made under the same NAME, so both ports send to and
 * receive from the same rings (not a crossed pair). Close the ATTACH
 * port first; the rings being single producer and consumer, queue i of
 * the two ports is for one lcore at a time.
 * Without devargs NAME is the port's name (the rings are attached to if
 * they exist already). Unlike DPDK, which names a nodeaction port NAME,
 * the port keeps its --vdev name. Two ports looped into each other (what
 * one sends, the other receives) come from rte_eth_from_rings() with
 * the rx and tx rings crossed.
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
int rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[],
	const unsigned nb_rx_queues, struct rte_ring *const tx_queues[],
	const unsigned nb_tx_queues, const unsigned numa_node);

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
