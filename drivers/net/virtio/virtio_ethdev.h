/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * What transports call of the ethdev side: the common part of a probe
 * and the link-change entry point.
 */
#ifndef VIRTIO_ETHDEV_H
#define VIRTIO_ETHDEV_H

#include <ethdev_driver.h>

#include "virtio_dev.h"

/*
 * Finishes a probe once the transport has filled hw (ops, transport,
 * use_va): negotiates once to learn the device, sets the MAC (the
 * device's, else fallback_mac, else a random local one), the ops and
 * the burst functions, and leaves the device reset.
 * @return 0 or a negative errno (one log line).
 */
int virtio_ethdev_init(struct rte_eth_dev *dev,
	const struct rte_ether_addr *fallback_mac);

/* virtio_stats.c: the statistics operations. */
int virtio_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats);
int virtio_stats_reset(struct rte_eth_dev *dev);
int virtio_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n);
int virtio_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int size);

/* The device's config changed (link): refresh it, raise LSC if asked. */
void virtio_ethdev_config_changed(struct rte_eth_dev *dev);

#endif /* VIRTIO_ETHDEV_H */
