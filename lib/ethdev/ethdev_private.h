/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Private to lib/ethdev: what its files share.
 *
 *   ethdev_ports.c    port table, allocation and release, owners, names
 *   ethdev_iter.c     walks over the ports a devargs string names
 *   ethdev_config.c   info, configure, queue setup and release
 *   ethdev_state.c    start, stop, close, reset, queue start/stop/info
 *   ethdev_fp.c       the fast-path table, burst callbacks, Tx buffers
 *   ethdev_ctrl.c     receive modes, MAC addresses, MTU, link, RSS, ptypes
 *   ethdev_stats.c    basic and extended statistics
 *   ethdev_events.c   event callbacks and Rx interrupts
 *   ethdev_names.c    offload, capability and speed names
 */
#ifndef ETHDEV_PRIVATE_H
#define ETHDEV_PRIVATE_H

#include <stdint.h>

#include <rte_ethdev.h>

#include "ethdev_driver.h"

/* Logs at level ERR and returns -err. */
#define ETHDEV_ERR_RET(err, ...) \
	do { \
		RTE_ETHDEV_LOG(ERR, __VA_ARGS__); \
		return -(err); \
	} while (0)

/* The port behind a valid port id, or return -ENODEV with a log line. */
#define ETHDEV_PORT_OR_RET(dev, port_id) \
	do { \
		if (!rte_eth_dev_is_valid_port(port_id)) \
			ETHDEV_ERR_RET(ENODEV, "%s: invalid port_id=%u\n", \
				__func__, (unsigned int)(port_id)); \
		(dev) = &rte_eth_devices[port_id]; \
	} while (0)

/* Return -ENOTSUP with a log line when the driver has no such op. */
#define ETHDEV_OP_OR_RET(dev, op) \
	do { \
		if ((dev)->dev_ops == NULL || (dev)->dev_ops->op == NULL) \
			ETHDEV_ERR_RET(ENOTSUP, \
				"port %u: driver does not support " #op "\n", \
				(unsigned int)(dev)->data->port_id); \
	} while (0)

/* Return -EINVAL with a log line when a pointer argument is NULL. */
#define ETHDEV_NONNULL_OR_RET(ptr, port_id) \
	do { \
		if ((ptr) == NULL) \
			ETHDEV_ERR_RET(EINVAL, \
				"%s: port %u: " #ptr " is NULL\n", __func__, \
				(unsigned int)(port_id)); \
	} while (0)

/*
 * A driver's return value as the caller gets it: -EIO when the device
 * turned out to be removed, ret otherwise.
 */
int eth_err(uint16_t port_id, int ret);

/* Puts the "not started" burst functions in the port's fast-path entry. */
void eth_dev_fp_ops_reset(uint16_t port_id);

/* Copies the started port's burst functions and queues into its entry. */
void eth_dev_fp_ops_setup(struct rte_eth_dev *dev);

/* Frees the burst callbacks still linked on the port's queues. */
void eth_dev_rxtx_callbacks_free(struct rte_eth_dev *dev);

/* Forgets the event callbacks registered for this port id (not ALL). */
void eth_dev_event_callbacks_drop(uint16_t port_id);

/* Releases Rx (Tx) queue id through the driver and clears its slot. */
void eth_dev_rxq_release(struct rte_eth_dev *dev, uint16_t queue_id);
void eth_dev_txq_release(struct rte_eth_dev *dev, uint16_t queue_id);

/* Releases every queue of the port and frees the queue arrays. */
void eth_dev_queues_free(struct rte_eth_dev *dev);

/*
 * Checks an MTU against the device's limits (min/max MTU, and the frame
 * it makes against max_rx_pktlen). 0 or -EINVAL with a log line.
 */
int eth_dev_validate_mtu(uint16_t port_id,
	const struct rte_eth_dev_info *dev_info, uint32_t mtu);

/* 0 if Rx (Tx) queue queue_id is configured and set up, else -EINVAL. */
int eth_dev_validate_rx_queue(const struct rte_eth_dev *dev, uint16_t queue_id);
int eth_dev_validate_tx_queue(const struct rte_eth_dev *dev, uint16_t queue_id);

#endif /* ETHDEV_PRIVATE_H */
