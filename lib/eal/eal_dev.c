/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Generic devices: accessors, hot-plug (rte_dev_probe(), rte_dev_remove()
 * and the rte_eal_hotplug_* wrappers), the device iterator, DMA mapping
 * through the bus, and the device-event calls Pollux does not support.
 *
 * Hot-plug calls are serialised by one recursive lock: a driver's probe
 * may itself plug devices (a bonding or fail-safe driver, say).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <bus_driver.h>
#include <dev_driver.h>

#include "eal_private.h"

static pthread_mutex_t hotplug_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

const char *
rte_driver_name(const struct rte_driver *driver)
{
	return driver != NULL ? driver->name : NULL;
}

const struct rte_bus *
rte_dev_bus(const struct rte_device *dev)
{
	return dev != NULL ? dev->bus : NULL;
}

const char *
rte_dev_bus_info(const struct rte_device *dev)
{
	return dev != NULL ? dev->bus_info : NULL;
}

const struct rte_devargs *
rte_dev_devargs(const struct rte_device *dev)
{
	return dev != NULL ? dev->devargs : NULL;
}

const struct rte_driver *
rte_dev_driver(const struct rte_device *dev)
{
	return dev != NULL ? dev->driver : NULL;
}

const char *
rte_dev_name(const struct rte_device *dev)
{
	return dev != NULL ? dev->name : NULL;
}

int
rte_dev_numa_node(const struct rte_device *dev)
{
	return dev != NULL ? dev->numa_node : SOCKET_ID_ANY;
}

int
rte_dev_is_probed(const struct rte_device *dev)
{
	return dev != NULL && dev->driver != NULL;
}

static int
dev_name_is(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

/* Scans the devargs' bus and probes the device it names; locked. */
static int
dev_plug(struct rte_devargs *da)
{
	struct rte_bus *bus = da->bus;
	struct rte_device *dev;
	int ret;

	dev = bus->find_device(NULL, dev_name_is, da->name);
	if (dev != NULL && rte_dev_is_probed(dev)) {
		EAL_LOG(ERR, "cannot attach device %s: it is already probed\n",
			da->name);
		return -EEXIST;
	}
	rte_devargs_insert(&da);
	/* From here on the list owns da. */
	ret = bus->scan();
	dev = ret == 0 ? bus->find_device(NULL, dev_name_is, da->name) : NULL;
	if (dev == NULL) {
		EAL_LOG(ERR,
			"cannot attach device %s: bus %s did not find it\n",
			da->name, bus->name);
		rte_devargs_remove(da);
		return -ENODEV;
	}
	ret = bus->plug(dev);
	if (ret > 0)
		ret = -ENOTSUP;
	if (ret < 0 && !rte_dev_is_probed(dev))
		EAL_LOG(ERR,
			"cannot attach device %s: its driver's probe "
			"failed: %s\n",
			dev->name, rte_strerror(-ret));
	return ret;
}

int
rte_dev_probe(const char *devargs)
{
	struct rte_devargs *da;
	int ret;

	if (devargs == NULL) {
		EAL_LOG(ERR, "rte_dev_probe(): NULL devargs\n");
		return -EINVAL;
	}
	da = calloc(1, sizeof(*da));
	if (da == NULL) {
		EAL_LOG(ERR, "cannot attach device %s: out of memory\n",
			devargs);
		return -ENOMEM;
	}
	ret = rte_devargs_parse(da, devargs);
	if (ret == 0 && da->bus == NULL) {
		EAL_LOG(ERR,
			"cannot attach device %s: no %s bus is "
			"registered\n",
			da->name, da->bus_str);
		ret = -ENODEV;
	} else if (ret == 0 && da->bus->plug == NULL) {
		EAL_LOG(ERR,
			"cannot attach device %s: bus %s has no "
			"hot-plug\n",
			da->name, da->bus->name);
		ret = -ENOTSUP;
	}
	if (ret < 0) {
		rte_devargs_reset(da);
		free(da);
		return ret;
	}
	pthread_mutex_lock(&hotplug_lock);
	ret = dev_plug(da);
	pthread_mutex_unlock(&hotplug_lock);
	if (ret == -EEXIST) {
		rte_devargs_reset(da);
		free(da);
	}
	return ret;
}

int
rte_eal_hotplug_add(const char *busname, const char *devname,
	const char *drvargs)
{
	char *devargs;
	int ret;

	if (busname == NULL || devname == NULL) {
		EAL_LOG(ERR, "rte_eal_hotplug_add(): NULL bus or device name\n");
		return -EINVAL;
	}
	if (asprintf(&devargs, "%s:%s%s%s", busname, devname,
		    drvargs != NULL && drvargs[0] != '\0' ? "," : "",
		    drvargs != NULL ? drvargs : "") < 0) {
		EAL_LOG(ERR, "cannot attach device %s: out of memory\n",
			devname);
		return -ENOMEM;
	}
	ret = rte_dev_probe(devargs);
	free(devargs);
	return ret;
}

int
rte_dev_remove(struct rte_device *dev)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	int ret;

	if (dev == NULL || dev->bus == NULL) {
		EAL_LOG(ERR, "rte_dev_remove(): NULL device\n");
		return -EINVAL;
	}
	/* The bus frees the device: keep its name for the messages. */
	snprintf(name, sizeof(name), "%s", dev->name);
	if (!rte_dev_is_probed(dev)) {
		EAL_LOG(ERR, "cannot detach device %s: it is not probed\n",
			name);
		return -ENOENT;
	}
	if (dev->bus->unplug == NULL) {
		EAL_LOG(ERR,
			"cannot detach device %s: bus %s has no "
			"hot-unplug\n",
			name, dev->bus->name);
		return -ENOTSUP;
	}
	pthread_mutex_lock(&hotplug_lock);
	ret = dev->bus->unplug(dev);
	pthread_mutex_unlock(&hotplug_lock);
	if (ret != 0) {
		ret = ret < 0 ? ret : -ENOENT;
		EAL_LOG(ERR,
			"cannot detach device %s: its driver's remove "
			"failed: %s\n",
			name, rte_strerror(-ret));
	}
	return ret;
}

int
rte_eal_hotplug_remove(const char *busname, const char *devname)
{
	struct rte_device *dev;
	struct rte_bus *bus;

	if (busname == NULL || devname == NULL) {
		EAL_LOG(ERR,
			"rte_eal_hotplug_remove(): NULL bus or device "
			"name\n");
		return -EINVAL;
	}
	bus = rte_bus_find_by_name(busname);
	if (bus == NULL) {
		EAL_LOG(ERR, "cannot detach device %s: no bus is called %s\n",
			devname, busname);
		return -ENOENT;
	}
	dev = bus->find_device(NULL, dev_name_is, devname);
	if (dev == NULL) {
		EAL_LOG(ERR,
			"cannot detach device %s: bus %s has no such "
			"device\n",
			devname, busname);
		return -EINVAL;
	}
	return rte_dev_remove(dev);
}

int
rte_dev_iterator_init(struct rte_dev_iterator *it, const char *str)
{
	char bus_name[RTE_DEV_NAME_MAX_LEN];
	size_t len;

	if (it == NULL || str == NULL) {
		EAL_LOG(ERR, "rte_dev_iterator_init(): NULL argument\n");
		return -EINVAL;
	}
	memset(it, 0, sizeof(*it));
	if (strncmp(str, RTE_DEVARGS_KEY_BUS "=", 4) != 0) {
		EAL_LOG(ERR,
			"cannot walk devices \"%s\": the string must start "
			"with bus=\n",
			str);
		return -EINVAL;
	}
	len = strcspn(str + 4, ",/");
	snprintf(bus_name, sizeof(bus_name), "%.*s", (int)len, str + 4);
	it->bus = rte_bus_find_by_name(bus_name);
	if (it->bus == NULL || it->bus->dev_iterate == NULL) {
		EAL_LOG(ERR, "cannot walk devices \"%s\": %s\n", str,
			it->bus == NULL ? "no such bus" : "the bus cannot");
		it->bus = NULL;
		return -EINVAL;
	}
	it->dev_str = str;
	it->bus_str = str;
	it->cls_str = strstr(str, "/" RTE_DEVARGS_KEY_CLASS "=");
	if (it->cls_str != NULL)
		it->cls_str++;
	return 0;
}

struct rte_device *
rte_dev_iterator_next(struct rte_dev_iterator *it)
{
	if (it == NULL || it->bus == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_errno = 0;
	it->device = it->bus->dev_iterate(it->device, it->bus_str, it);
	return it->device;
}

static int
dev_event_unsupported(const char *what)
{
	EAL_LOG(WARNING,
		"%s: device event monitoring is not supported by "
		"Pollux\n",
		what);
	return -ENOTSUP;
}

int
rte_dev_event_callback_register(const char *device_name,
	rte_dev_event_cb_fn cb_fn, void *cb_arg)
{
	RTE_SET_USED(device_name);
	RTE_SET_USED(cb_fn);
	RTE_SET_USED(cb_arg);
	return dev_event_unsupported("rte_dev_event_callback_register()");
}

int
rte_dev_event_callback_unregister(const char *device_name,
	rte_dev_event_cb_fn cb_fn, void *cb_arg)
{
	RTE_SET_USED(device_name);
	RTE_SET_USED(cb_fn);
	RTE_SET_USED(cb_arg);
	return dev_event_unsupported("rte_dev_event_callback_unregister()");
}

void
rte_dev_event_callback_process(const char *device_name,
	enum rte_dev_event_type event)
{
	RTE_SET_USED(device_name);
	RTE_SET_USED(event);
}

int
rte_dev_event_monitor_start(void)
{
	return dev_event_unsupported("rte_dev_event_monitor_start()");
}

int
rte_dev_event_monitor_stop(void)
{
	return dev_event_unsupported("rte_dev_event_monitor_stop()");
}

int
rte_dev_hotplug_handle_enable(void)
{
	return dev_event_unsupported("rte_dev_hotplug_handle_enable()");
}

int
rte_dev_hotplug_handle_disable(void)
{
	return dev_event_unsupported("rte_dev_hotplug_handle_disable()");
}

/* Checks the arguments of rte_dev_dma_(un)map; the bus op or NULL. */
static bool
dev_dma_args_ok(const struct rte_device *dev, const void *addr, size_t len,
	const char *what)
{
	if (dev == NULL || dev->bus == NULL || addr == NULL || len == 0) {
		EAL_LOG(ERR, "%s(): bad argument\n", what);
		rte_errno = EINVAL;
		return false;
	}
	return true;
}

int
rte_dev_dma_map(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	if (!dev_dma_args_ok(dev, addr, len, "rte_dev_dma_map"))
		return -EINVAL;
	if (dev->bus->dma_map == NULL) {
		EAL_LOG(ERR, "cannot DMA-map for %s: bus %s cannot\n",
			dev->name, dev->bus->name);
		rte_errno = ENOTSUP;
		return -ENOTSUP;
	}
	return dev->bus->dma_map(dev, addr, iova, len);
}

int
rte_dev_dma_unmap(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	if (!dev_dma_args_ok(dev, addr, len, "rte_dev_dma_unmap"))
		return -EINVAL;
	if (dev->bus->dma_unmap == NULL) {
		EAL_LOG(ERR, "cannot DMA-unmap for %s: bus %s cannot\n",
			dev->name, dev->bus->name);
		rte_errno = ENOTSUP;
		return -ENOTSUP;
	}
	return dev->bus->dma_unmap(dev, addr, iova, len);
}
