/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Generic devices and drivers, as applications see them: the accessors
 * for an opaque struct rte_device, and hot-plug (attach a device at run
 * time from a devargs string, detach it again).
 *
 * The structures themselves are in dev_driver.h, for buses and drivers.
 */
#ifndef _RTE_DEV_H_
#define _RTE_DEV_H_

#include <stdint.h>
#include <stdio.h>

#include <rte_config.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_log.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus;
struct rte_class;
struct rte_devargs;
struct rte_device;
struct rte_driver;

/** Kinds of device events (hot-plug monitoring). */
enum rte_dev_event_type {
	RTE_DEV_EVENT_ADD,    /**< a device appeared */
	RTE_DEV_EVENT_REMOVE, /**< a device went away */
	RTE_DEV_EVENT_MAX     /**< number of kinds */
};

/** Callback for device events. */
typedef void (*rte_dev_event_cb_fn)(const char *device_name,
	enum rte_dev_event_type event, void *cb_arg);

/** Whether a device may be probed (from -a / -b). */
enum rte_dev_policy {
	RTE_DEV_ALLOWED,
	RTE_DEV_BLOCKED,
};

/** A memory resource of a device (a PCI BAR, say). */
struct rte_mem_resource {
	uint64_t phys_addr; /**< physical address, 0 if none */
	uint64_t len;	    /**< length in bytes */
	void *addr;	    /**< mapped virtual address, NULL if not mapped */
};

/** The driver's name. */
const char *rte_driver_name(const struct rte_driver *driver);

/** The bus the device sits on. */
const struct rte_bus *rte_dev_bus(const struct rte_device *dev);

/** Bus-specific text about the device (may be NULL). */
const char *rte_dev_bus_info(const struct rte_device *dev);

/** The devargs the device was last probed with (may be NULL). */
const struct rte_devargs *rte_dev_devargs(const struct rte_device *dev);

/** The driver bound to the device, NULL while it is not probed. */
const struct rte_driver *rte_dev_driver(const struct rte_device *dev);

/** The device's name (unique on its bus). */
const char *rte_dev_name(const struct rte_device *dev);

/** The device's NUMA node, SOCKET_ID_ANY (-1) if unknown. */
int rte_dev_numa_node(const struct rte_device *dev);

/** Longest device name, with its terminating NUL. */
#define RTE_DEV_NAME_MAX_LEN 64

/** 1 if a driver is bound to the device, 0 otherwise. */
int rte_dev_is_probed(const struct rte_device *dev);

/**
 * Attaches a device given as a bus name, a device name and driver
 * arguments: the same as rte_dev_probe("busname:devname,drvargs").
 *
 * @return 0, or a negative errno (see rte_dev_probe()).
 */
int rte_eal_hotplug_add(const char *busname, const char *devname,
	const char *drvargs);

/**
 * Attaches a device at run time: parses the devargs string (for example
 * "net_null1,size=64" or "vdev:net_null1"), adds it to the devargs list,
 * lets its bus scan and probes the device.
 *
 * @return 0 on success; -EINVAL (bad arguments), -EFAULT or -ENODEV (no
 *   bus knows the name, no device appeared), -ENOTSUP (the bus has no
 *   hot-plug), -EEXIST (the device is already probed), or the driver's
 *   probe error. One error line says why.
 */
int rte_dev_probe(const char *devargs);

/**
 * Detaches a device named by bus and device name.
 *
 * @return 0; -EINVAL (NULL argument, or no such device on the bus),
 *   -ENOENT (no such bus, or the device is not probed), or the driver's
 *   remove error.
 */
int rte_eal_hotplug_remove(const char *busname, const char *devname);

/**
 * Detaches a probed device: its driver's remove runs and the bus forgets
 * the device (and its devargs).
 *
 * @return 0; -EINVAL (NULL), -ENOENT (not probed), -ENOTSUP (the bus has
 *   no hot-unplug), or the driver's remove error.
 */
int rte_dev_remove(struct rte_device *dev);

/** Compares a device with data: 0 when it matches. */
typedef int (*rte_dev_cmp_t)(const struct rte_device *dev, const void *data);

/* Markers that DPDK's tools extract from driver objects; kept as strings. */
#define RTE_PMD_EXPORT_NAME_ARRAY(n, idx) n##idx[]

#define RTE_PMD_EXPORT_NAME(name, idx) \
	static const char RTE_PMD_EXPORT_NAME_ARRAY(this_pmd_name, idx) \
		__rte_used = RTE_STR(name)

#define DRV_EXP_TAG(name, tag) __##name##_##tag

#define RTE_PMD_REGISTER_PCI_TABLE(name, table) \
	static const char DRV_EXP_TAG(name, \
		pci_tbl_export)[] __rte_used = RTE_STR(table)

/** The driver's parameters, as a string such as "size=<int> copy=<0|1>". */
#define RTE_PMD_REGISTER_PARAM_STRING(name, str) \
	static const char DRV_EXP_TAG(name, \
		param_string_export)[] __rte_used = str

#define RTE_PMD_REGISTER_KMOD_DEP(name, str) \
	static const char DRV_EXP_TAG(name, kmod_dep_export)[] __rte_used = str

/** State of a walk over the devices that match a devargs-like string. */
struct rte_dev_iterator {
	const char *dev_str;	   /**< the whole string */
	const char *bus_str;	   /**< its bus part */
	const char *cls_str;	   /**< its class part */
	struct rte_bus *bus;	   /**< bus being walked */
	struct rte_class *cls;	   /**< class (unused by Pollux) */
	struct rte_device *device; /**< current position */
	void *class_device;	   /**< class-specific position */
};

/** A bus's step of the iteration: the next device after start. */
typedef void *(*rte_dev_iterate_t)(const void *start, const char *devstr,
	const struct rte_dev_iterator *it);

/**
 * Starts a walk over the devices matching str, which must name a bus in
 * the "bus=NAME[,key=value...]" form (a class part after '/' is ignored).
 *
 * @return 0, or -EINVAL (bad string, unknown bus, or a bus that cannot be
 *   walked) with one error line.
 */
__rte_experimental int
rte_dev_iterator_init(struct rte_dev_iterator *it, const char *str);

/**
 * The next matching device, NULL at the end (rte_errno is 0 then) or on
 * error (rte_errno set).
 */
__rte_experimental struct rte_device *
rte_dev_iterator_next(struct rte_dev_iterator *it);

#define RTE_DEV_FOREACH(dev, devstr, it) \
	for (rte_dev_iterator_init(it, devstr), \
		dev = rte_dev_iterator_next(it); \
		dev != NULL; dev = rte_dev_iterator_next(it))

/*
 * Device event monitoring (uevents) is not implemented by Pollux: these
 * return -ENOTSUP (the callbacks -ENOTSUP too) so that applications can
 * tell and carry on.
 */
__rte_experimental int rte_dev_event_callback_register(const char *device_name,
	rte_dev_event_cb_fn cb_fn, void *cb_arg);
__rte_experimental int
rte_dev_event_callback_unregister(const char *device_name,
	rte_dev_event_cb_fn cb_fn, void *cb_arg);
__rte_experimental void rte_dev_event_callback_process(const char *device_name,
	enum rte_dev_event_type event);
__rte_experimental int rte_dev_event_monitor_start(void);
__rte_experimental int rte_dev_event_monitor_stop(void);
__rte_experimental int rte_dev_hotplug_handle_enable(void);
__rte_experimental int rte_dev_hotplug_handle_disable(void);

/**
 * Maps memory for DMA by the device through its bus (bus->dma_map).
 * @return 0, -EINVAL, or -ENOTSUP when the bus cannot.
 */
__rte_experimental int
rte_dev_dma_map(struct rte_device *dev, void *addr, uint64_t iova, size_t len);

/** Undoes rte_dev_dma_map(); same return values. */
__rte_experimental int rte_dev_dma_unmap(struct rte_device *dev, void *addr,
	uint64_t iova, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEV_H_ */
