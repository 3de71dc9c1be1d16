/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The virtual-device bus, for drivers.
 *
 * A vdev driver fills a struct rte_vdev_driver (probe, remove) and
 * registers it with RTE_PMD_REGISTER_VDEV(name, driver). A device named
 * by --vdev, -a, rte_vdev_init() or rte_dev_probe() goes to the driver
 * whose name (or alias, RTE_PMD_REGISTER_ALIAS) is the longest prefix of
 * the device name: "net_null0" and "net_null_x" both go to net_null.
 * The probe gets the device; rte_vdev_device_args() is the text after
 * the first ',' ("size=64,copy=1"), to be read with rte_kvargs_parse().
 */
#ifndef BUS_VDEV_DRIVER_H
#define BUS_VDEV_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_devargs.h>
#include <rte_os.h>
#include <dev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A virtual device. */
struct rte_vdev_device {
	RTE_TAILQ_ENTRY(rte_vdev_device) next; /**< bus-owned link */
	struct rte_device device;	       /**< the generic device */
};

/** The vdev device around a generic device. */
#define RTE_DEV_TO_VDEV(ptr) container_of(ptr, struct rte_vdev_device, device)

#define RTE_DEV_TO_VDEV_CONST(ptr) \
	container_of(ptr, const struct rte_vdev_device, device)

#define RTE_ETH_DEV_TO_VDEV(eth_dev) RTE_DEV_TO_VDEV((eth_dev)->device)

/** The device's name ("net_null0"), NULL for a NULL device. */
static inline const char *
rte_vdev_device_name(const struct rte_vdev_device *dev)
{
	if (dev != NULL && dev->device.name != NULL)
		return dev->device.name;
	return NULL;
}

/** The device's driver arguments ("size=64"), "" when there are none. */
static inline const char *
rte_vdev_device_args(const struct rte_vdev_device *dev)
{
	if (dev != NULL && dev->device.devargs != NULL &&
		dev->device.devargs->args != NULL)
		return dev->device.devargs->args;
	return "";
}

RTE_TAILQ_HEAD(vdev_driver_list, rte_vdev_driver);

/** Probes a device: 0, or a negative errno (the device stays unbound). */
typedef int(rte_vdev_probe_t)(struct rte_vdev_device *dev);

/** Releases a device: 0, or a negative errno (the device stays). */
typedef int(rte_vdev_remove_t)(struct rte_vdev_device *dev);

/** Maps memory for DMA by the device: 0 or a negative errno. */
typedef int(rte_vdev_dma_map_t)(struct rte_vdev_device *dev, void *addr,
	uint64_t iova, size_t len);

/** Unmaps it: 0 or a negative errno. */
typedef int(rte_vdev_dma_unmap_t)(struct rte_vdev_device *dev, void *addr,
	uint64_t iova, size_t len);

/** A virtual-device driver. */
struct rte_vdev_driver {
	RTE_TAILQ_ENTRY(rte_vdev_driver) next; /**< bus-owned link */
	struct rte_driver driver;	       /**< name and alias */
	rte_vdev_probe_t *probe;
	rte_vdev_remove_t *remove;
	rte_vdev_dma_map_t *dma_map;
	rte_vdev_dma_unmap_t *dma_unmap;
	uint32_t drv_flags; /**< RTE_VDEV_DRV_* */
};

/** The driver needs IOVA as VA: it is not probed in IOVA PA mode. */
#define RTE_VDEV_DRV_NEED_IOVA_AS_VA 0x0001

/** Adds a driver to the bus (a no-op if it is there already). */
__rte_internal void rte_vdev_register(struct rte_vdev_driver *driver);

/** Takes a driver off the bus. */
__rte_internal void rte_vdev_unregister(struct rte_vdev_driver *driver);

/**
 * Registers vdrv (a struct rte_vdev_driver) as the driver nm from a
 * constructor, and unregisters it when its object is unloaded (a plugin
 * closed by rte_eal_cleanup()).
 */
#define RTE_PMD_REGISTER_VDEV(nm, vdrv) \
	static const char *vdrvinit_##nm##_alias; \
	RTE_INIT(vdrvinitfn_##vdrv) \
	{ \
		(vdrv).driver.name = RTE_STR(nm); \
		(vdrv).driver.alias = vdrvinit_##nm##_alias; \
		rte_vdev_register(&(vdrv)); \
	} \
	RTE_FINI(vdrvfinifn_##vdrv) \
	{ \
		rte_vdev_unregister(&(vdrv)); \
	} \
	RTE_PMD_EXPORT_NAME(nm, __COUNTER__)

/** A second name for driver nm (an older one, say "eth_null"). */
#define RTE_PMD_REGISTER_ALIAS(nm, alias) \
	static const char *vdrvinit_##nm##_alias = RTE_STR(alias)

#ifdef __cplusplus
}
#endif

#endif /* BUS_VDEV_DRIVER_H */
