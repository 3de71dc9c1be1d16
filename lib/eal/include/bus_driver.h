/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The bus framework, for bus drivers (drivers/bus/...).
 *
 * A bus fills a struct rte_bus with its operations and registers it from
 * a constructor (RTE_REGISTER_BUS). rte_eal_init() then calls, for every
 * bus: scan() after the options are parsed and before memory is set up
 * (so get_iommu_class() can steer the IOVA mode), probe() at the end of
 * init, and cleanup() from rte_eal_cleanup(), before memory goes away.
 * Hot-plug uses parse(), find_device(), plug() and unplug().
 *
 * Device lists (-a, -b, --vdev, rte_dev_probe()) reach a bus as devargs
 * (rte_devargs.h) whose bus member points at it; the helpers at the end
 * of this file apply the allow/block policy.
 */
#ifndef _BUS_DRIVER_H_
#define _BUS_DRIVER_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_devargs;

/** Finds the bus's devices: 0, or a negative errno. */
typedef int (*rte_bus_scan_t)(void);

/** Probes every device found and not yet probed: 0 or a negative errno. */
typedef int (*rte_bus_probe_t)(void);

/** The first device after start for which cmp(dev, data) is 0, or NULL. */
typedef struct rte_device *(
	*rte_bus_find_device_t)(const struct rte_device *start,
	rte_dev_cmp_t cmp, const void *data);

/** Probes one device (hot-plug): 0 or a negative errno. */
typedef int (*rte_bus_plug_t)(struct rte_device *dev);

/** Removes one device (hot-unplug): 0 or a negative errno. */
typedef int (*rte_bus_unplug_t)(struct rte_device *dev);

/**
 * Tells whether name is a device name of this bus: 0 if it is (writing
 * the bus's parsed form to addr when addr is not NULL), non-zero if not.
 */
typedef int (*rte_bus_parse_t)(const char *name, void *addr);

/** Fills da->name from da->bus_str (new devargs syntax): 0 or -errno. */
typedef int (*rte_bus_devargs_parse_t)(struct rte_devargs *da);

/** Maps memory for DMA for one device: 0 or a negative errno. */
typedef int (*rte_dma_map_t)(struct rte_device *dev, void *addr, uint64_t iova,
	size_t len);

/** Unmaps DMA memory for one device: 0 or a negative errno. */
typedef int (*rte_dma_unmap_t)(struct rte_device *dev, void *addr,
	uint64_t iova, size_t len);

/** The IOVA mode this bus's devices need (RTE_IOVA_DC: no preference). */
typedef enum rte_iova_mode (*rte_bus_get_iommu_class_t)(void);

/** Handles a failed hot-unplug of dev: 0 or a negative errno. */
typedef int (*rte_bus_hot_unplug_handler_t)(struct rte_device *dev);

/** Handles a SIGBUS at failure_addr: 0 handled, 1 not ours, -1 error. */
typedef int (*rte_bus_sigbus_handler_t)(const void *failure_addr);

/** Removes every device at EAL cleanup: 0 or a negative errno. */
typedef int (*rte_bus_cleanup_t)(void);

/** How a bus treats devices the device lists do not name. */
enum rte_bus_scan_mode {
	RTE_BUS_SCAN_UNDEFINED, /**< no list given: probe all */
	RTE_BUS_SCAN_ALLOWLIST, /**< -a given: probe only those */
	RTE_BUS_SCAN_BLOCKLIST, /**< -b given: probe all but those */
};

/** Per-bus configuration from the command line. */
struct rte_bus_conf {
	enum rte_bus_scan_mode scan_mode;
};

/** A bus. Operations left NULL are not supported. */
struct rte_bus {
	RTE_TAILQ_ENTRY(rte_bus) next; /**< list link (EAL-owned) */
	const char *name;	       /**< set by RTE_REGISTER_BUS */
	rte_bus_scan_t scan;
	rte_bus_probe_t probe;
	rte_bus_find_device_t find_device;
	rte_bus_plug_t plug;
	rte_bus_unplug_t unplug;
	rte_bus_parse_t parse;
	rte_bus_devargs_parse_t devargs_parse;
	rte_dma_map_t dma_map;
	rte_dma_unmap_t dma_unmap;
	struct rte_bus_conf conf;
	rte_bus_get_iommu_class_t get_iommu_class;
	rte_dev_iterate_t dev_iterate;
	rte_bus_hot_unplug_handler_t hot_unplug_handler;
	rte_bus_sigbus_handler_t sigbus_handler;
	rte_bus_cleanup_t cleanup;
};

/**
 * Adds a bus to the list. It needs a name, scan, probe and find_device
 * (a bus without them is refused with one error line). Registering the
 * same bus twice does nothing.
 */
__rte_internal void rte_bus_register(struct rte_bus *bus);

/** Takes a bus off the list (a no-op if it is not on it). */
__rte_internal void rte_bus_unregister(struct rte_bus *bus);

/**
 * Registers bus (a struct rte_bus variable) as nm from a constructor
 * that runs before those of drivers, and unregisters it when the object
 * that holds it is unloaded.
 */
#define RTE_REGISTER_BUS(nm, bus) \
	RTE_INIT_PRIO(businitfn_##nm, BUS) \
	{ \
		(bus).name = RTE_STR(nm); \
		rte_bus_register(&(bus)); \
	} \
	RTE_FINI_PRIO(busfinifn_##nm, BUS) \
	{ \
		rte_bus_unregister(&(bus)); \
	}

/** The bus one of whose devices is called str, NULL if none. */
__rte_internal struct rte_bus *rte_bus_find_by_device_name(const char *str);

/**
 * Pollux: every bus's driver-registration function (rte_vdev_register(),
 * ...) calls this. The EAL counts registrations of drivers and buses so
 * that the plugin loader (-d) can tell a driver plugin from a shared
 * object that registers nothing.
 */
__rte_internal void rte_bus_driver_added(void);

/**
 * Pollux: compares a devargs name with a device name; 0 when they name
 * the same device (a bus whose names have several spellings, such as
 * PCI addresses with or without the domain, passes its own).
 */
typedef int (
	*rte_bus_devname_cmp_t)(const char *devargs_name, const char *dev_name);

/**
 * Pollux: the devargs on this bus that name dev_name (by cmp, or by
 * strcmp when cmp is NULL), NULL if none.
 */
__rte_internal struct rte_devargs *
rte_bus_devargs_lookup(const struct rte_bus *bus, const char *dev_name,
	rte_bus_devname_cmp_t cmp);

/**
 * Pollux: true when the -a/-b policy says the bus must leave dev_name
 * alone: in allow-list mode every device not named by an allowed devargs,
 * otherwise every device named by a blocked one.
 */
__rte_internal bool rte_bus_device_is_ignored(const struct rte_bus *bus,
	const char *dev_name, rte_bus_devname_cmp_t cmp);

#ifdef __cplusplus
}
#endif

#endif /* _BUS_DRIVER_H_ */
