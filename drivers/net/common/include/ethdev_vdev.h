/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Port allocation for drivers of virtual devices. It needs both ethdev
 * and the vdev bus's driver header, so it belongs to the drivers
 * (drivers/net/common), never to lib/.
 */
#ifndef _ETHDEV_VDEV_H_
#define _ETHDEV_VDEV_H_

#include <stddef.h>

#include <rte_config.h>
#include <rte_malloc.h>
#include <bus_vdev_driver.h>
#include <ethdev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Allocates a port named after the virtual device, with
 * private_data_size zeroed bytes of dev_private (none when 0) on the
 * device's NUMA node, and ties the port to the device.
 *
 * @return the port (not valid until rte_eth_dev_probing_finish()), or
 *   NULL as rte_eth_dev_allocate() or when memory runs out.
 */
static inline struct rte_eth_dev *
rte_eth_vdev_allocate(struct rte_vdev_device *dev, size_t private_data_size)
{
	const char *name = rte_vdev_device_name(dev);
	struct rte_eth_dev *eth_dev;

	eth_dev = rte_eth_dev_allocate(name);
	if (eth_dev == NULL)
		return NULL;
	if (private_data_size != 0) {
		eth_dev->data->dev_private = rte_zmalloc_socket(name,
			private_data_size, RTE_CACHE_LINE_SIZE,
			dev->device.numa_node);
		if (eth_dev->data->dev_private == NULL) {
			RTE_ETHDEV_LOG(ERR,
				"%s: no memory for %zu bytes of "
				"private data\n",
				name, private_data_size);
			rte_eth_dev_release_port(eth_dev);
			return NULL;
		}
	}
	eth_dev->device = &dev->device;
	eth_dev->intr_handle = NULL;
	eth_dev->data->numa_node = dev->device.numa_node;
	return eth_dev;
}

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_VDEV_H_ */
