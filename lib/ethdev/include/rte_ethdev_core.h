/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The flat table the inline burst calls of rte_ethdev.h go through. Not
 * for direct use: rte_ethdev.h includes it.
 *
 * One cache-aligned entry per port, two cache lines: Rx on the first,
 * Tx on the second. rte_eth_rx_burst(port, queue, ...) is
 *
 *   ops = &rte_eth_fp_ops[port];
 *   n = ops->rx_pkt_burst(ops->rxq.data[queue], pkts, max);
 *   cb = ops->rxq.clbk[queue];          callbacks of that queue, if any
 *
 * Ownership: ethdev writes an entry, from the control path only, at two
 * moments. While a port is not started the entry holds functions that
 * return 0 and tables of NULL queues, so a burst on a stopped, closed or
 * never-used port returns 0 instead of crashing. rte_eth_dev_start()
 * copies the driver's functions and points data at the port's queue
 * array (RTE_MAX_QUEUES_PER_PORT entries) after the driver has started;
 * rte_eth_dev_stop() puts the dummies back before the driver stops.
 * Stopping a port while another thread is in a burst on it is the
 * application's mistake, as in DPDK.
 */
#ifndef _RTE_ETHDEV_CORE_H_
#define _RTE_ETHDEV_CORE_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_mbuf;

/** A driver's receive function: up to nb_pkts packets into rx_pkts. */
typedef uint16_t (*eth_rx_burst_t)(void *rxq, struct rte_mbuf **rx_pkts,
	uint16_t nb_pkts);

/** A driver's transmit function: returns how many it took. */
typedef uint16_t (*eth_tx_burst_t)(void *txq, struct rte_mbuf **tx_pkts,
	uint16_t nb_pkts);

/** A driver's transmit preparation (checksums, segment limits). */
typedef uint16_t (
	*eth_tx_prep_t)(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);

/** Number of used (filled) descriptors of an Rx queue. */
typedef uint32_t (*eth_rx_queue_count_t)(void *rxq);

/** State of the Rx descriptor offset places ahead (RTE_ETH_RX_DESC_*). */
typedef int (*eth_rx_descriptor_status_t)(void *rxq, uint16_t offset);

/** State of the Tx descriptor offset places ahead (RTE_ETH_TX_DESC_*). */
typedef int (*eth_tx_descriptor_status_t)(void *txq, uint16_t offset);

/** Queue pointers and burst callback lists of one direction. */
struct rte_ethdev_qdata {
	void **data; /**< queue id -> the driver's queue */
	void **clbk; /**< queue id -> first burst callback, or NULL */
};

/** The fast-path entry of one port. */
struct rte_eth_fp_ops {
	/* First cache line: receive. */
	eth_rx_burst_t rx_pkt_burst;
	eth_rx_queue_count_t rx_queue_count;
	eth_rx_descriptor_status_t rx_descriptor_status;
	struct rte_ethdev_qdata rxq;
	uintptr_t reserved1[3];

	/* Second cache line: transmit. */
	eth_tx_burst_t tx_pkt_burst;
	eth_tx_prep_t tx_pkt_prepare;
	eth_tx_descriptor_status_t tx_descriptor_status;
	struct rte_ethdev_qdata txq;
	uintptr_t reserved2[3];
} __rte_cache_aligned;

/** The table, indexed by port id. */
extern struct rte_eth_fp_ops rte_eth_fp_ops[RTE_MAX_ETHPORTS];

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHDEV_CORE_H_ */
