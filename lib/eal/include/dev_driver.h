/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The generic device and driver structures that every bus embeds in its
 * own (struct rte_vdev_device, struct rte_pci_device, ...). For buses and
 * drivers only; applications use the accessors in rte_dev.h.
 */
#ifndef _DEV_DRIVER_H_
#define _DEV_DRIVER_H_

#include <rte_common.h>
#include <rte_os.h>
#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What every driver has. */
struct rte_driver {
	RTE_TAILQ_ENTRY(rte_driver) next; /**< list link (bus-owned) */
	const char *name;		  /**< driver name */
	const char *alias;		  /**< second name, or NULL */
};

/** What every device has. */
struct rte_device {
	RTE_TAILQ_ENTRY(rte_device) next; /**< list link (bus-owned) */
	const char *name;		  /**< device name, unique per bus */
	const char *bus_info;		  /**< bus-specific text, or NULL */
	const struct rte_driver *driver;  /**< bound driver, NULL if none */
	const struct rte_bus *bus;	  /**< set by the bus scan */
	int numa_node;			  /**< SOCKET_ID_ANY if unknown */
	struct rte_devargs *devargs;	  /**< arguments, or NULL */
};

#ifdef __cplusplus
}
#endif

#endif /* _DEV_DRIVER_H_ */
