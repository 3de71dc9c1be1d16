/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The virtual-device bus. Devices come from devargs on the "vdev" bus
 * (--vdev, -a, rte_dev_probe()) or from rte_vdev_init(); a device goes to
 * the driver whose name or alias is the longest prefix of its name.
 *
 * The device list is guarded by a recursive lock, since a driver's probe
 * may create further vdevs (a bonding driver creating its members).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <bus_driver.h>
#include <dev_driver.h>

#include "bus_vdev_driver.h"

RTE_LOG_REGISTER(vdev_logtype, bus.vdev, NOTICE);

#define VDEV_LOG(level, ...) \
	rte_log(RTE_LOG_##level, vdev_logtype, "VDEV: " __VA_ARGS__)

#define VDEV_ANY_ARG ((void *)-1)

struct vdev_custom_scan {
	TAILQ_ENTRY(vdev_custom_scan) next;
	rte_vdev_scan_callback callback;
	void *user_arg;
};

static struct rte_bus vdev_bus;
static TAILQ_HEAD(, rte_vdev_device) vdev_devices = TAILQ_HEAD_INITIALIZER(
	vdev_devices);
static struct vdev_driver_list vdev_drivers = TAILQ_HEAD_INITIALIZER(
	vdev_drivers);
static TAILQ_HEAD(, vdev_custom_scan) vdev_scans = TAILQ_HEAD_INITIALIZER(
	vdev_scans);
static pthread_mutex_t vdev_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t vdev_scan_lock = PTHREAD_MUTEX_INITIALIZER;

void
rte_vdev_register(struct rte_vdev_driver *driver)
{
	struct rte_vdev_driver *listed;

	if (driver == NULL || driver->driver.name == NULL ||
		driver->probe == NULL) {
		VDEV_LOG(ERR,
			"driver not registered: it needs a name and a "
			"probe function\n");
		return;
	}
	TAILQ_FOREACH (listed, &vdev_drivers, next)
		if (listed == driver)
			return;
	TAILQ_INSERT_TAIL(&vdev_drivers, driver, next);
	rte_bus_driver_added();
}

void
rte_vdev_unregister(struct rte_vdev_driver *driver)
{
	struct rte_vdev_driver *listed;

	TAILQ_FOREACH (listed, &vdev_drivers, next) {
		if (listed == driver) {
			TAILQ_REMOVE(&vdev_drivers, driver, next);
			return;
		}
	}
}

/* Length of prefix if it begins name, else 0. */
static size_t
prefix_len(const char *prefix, const char *name)
{
	size_t len;

	if (prefix == NULL)
		return 0;
	len = strlen(prefix);
	return strncmp(prefix, name, len) == 0 ? len : 0;
}

/* The driver for a device name: longest name or alias prefix wins. */
static struct rte_vdev_driver *
vdev_driver_find(const char *name)
{
	struct rte_vdev_driver *driver, *best = NULL;
	size_t best_len = 0, len;

	TAILQ_FOREACH (driver, &vdev_drivers, next) {
		len = RTE_MAX(prefix_len(driver->driver.name, name),
			prefix_len(driver->driver.alias, name));
		if (len > best_len) {
			best = driver;
			best_len = len;
		}
	}
	return best;
}

static int
vdev_parse(const char *name, void *addr)
{
	struct rte_vdev_driver *driver = vdev_driver_find(name);

	if (driver != NULL && addr != NULL)
		*(struct rte_vdev_driver **)addr = driver;
	return driver == NULL;
}

static struct rte_vdev_device *
vdev_find(const char *name)
{
	struct rte_vdev_device *dev;

	TAILQ_FOREACH (dev, &vdev_devices, next)
		if (strcmp(dev->device.name, name) == 0)
			return dev;
	return NULL;
}

/* A new device for a listed devargs; locked. */
static struct rte_vdev_device *
vdev_add(struct rte_devargs *da)
{
	struct rte_vdev_device *dev = calloc(1, sizeof(*dev));

	if (dev == NULL)
		return NULL;
	dev->device.bus = &vdev_bus;
	dev->device.devargs = da;
	dev->device.numa_node = SOCKET_ID_ANY;
	dev->device.name = da->name;
	TAILQ_INSERT_TAIL(&vdev_devices, dev, next);
	return dev;
}

/* Binds a device to its driver; 0 or -errno (and one error line). */
static int
vdev_probe_one(struct rte_vdev_device *dev)
{
	const char *name = rte_vdev_device_name(dev);
	struct rte_vdev_driver *driver = vdev_driver_find(name);
	int ret;

	if (dev->device.driver != NULL)
		return -EEXIST;
	if (driver == NULL) {
		VDEV_LOG(ERR,
			"failed to initialize vdev %s: no driver is "
			"named like it\n",
			name);
		return -ENODEV;
	}
	if ((driver->drv_flags & RTE_VDEV_DRV_NEED_IOVA_AS_VA) &&
		rte_eal_iova_mode() == RTE_IOVA_PA) {
		VDEV_LOG(ERR,
			"failed to initialize vdev %s: driver %s needs "
			"IOVA as VA, but the mode is PA (try --iova-mode=va)\n",
			name, driver->driver.name);
		return -EINVAL;
	}
	ret = driver->probe(dev);
	if (ret != 0) {
		ret = ret < 0 ? ret : -EIO;
		VDEV_LOG(ERR,
			"failed to initialize vdev %s: driver %s's probe "
			"failed: %s\n",
			name, driver->driver.name, rte_strerror(-ret));
		return ret;
	}
	dev->device.driver = &driver->driver;
	return 0;
}

static void
vdev_run_custom_scans(void)
{
	struct vdev_custom_scan *scan;

	pthread_mutex_lock(&vdev_scan_lock);
	TAILQ_FOREACH (scan, &vdev_scans, next)
		scan->callback(scan->user_arg);
	pthread_mutex_unlock(&vdev_scan_lock);
}

static int
vdev_scan(void)
{
	struct rte_devargs *da;

	vdev_run_custom_scans();
	pthread_mutex_lock(&vdev_lock);
	RTE_EAL_DEVARGS_FOREACH("vdev", da)
	{
		if (da->policy == RTE_DEV_BLOCKED || vdev_find(da->name) != NULL)
			continue;
		if (vdev_add(da) == NULL) {
			pthread_mutex_unlock(&vdev_lock);
			VDEV_LOG(ERR, "cannot add vdev %s: out of memory\n",
				da->name);
			return -ENOMEM;
		}
	}
	pthread_mutex_unlock(&vdev_lock);
	return 0;
}

static int
vdev_probe(void)
{
	struct rte_vdev_device *dev;
	int ret, first_error = 0;

	pthread_mutex_lock(&vdev_lock);
	TAILQ_FOREACH (dev, &vdev_devices, next) {
		if (dev->device.driver != NULL)
			continue;
		ret = vdev_probe_one(dev);
		if (ret != 0 && first_error == 0)
			first_error = ret;
	}
	pthread_mutex_unlock(&vdev_lock);
	return first_error;
}

static struct rte_device *
vdev_find_device(const struct rte_device *start, rte_dev_cmp_t cmp,
	const void *data)
{
	const struct rte_vdev_device *vstart;
	struct rte_vdev_device *dev;
	struct rte_device *found = NULL;

	pthread_mutex_lock(&vdev_lock);
	if (start != NULL) {
		vstart = RTE_DEV_TO_VDEV_CONST(start);
		dev = TAILQ_NEXT(vstart, next);
	} else {
		dev = TAILQ_FIRST(&vdev_devices);
	}
	for (; dev != NULL; dev = TAILQ_NEXT(dev, next)) {
		if (cmp(&dev->device, data) == 0) {
			found = &dev->device;
			break;
		}
	}
	pthread_mutex_unlock(&vdev_lock);
	return found;
}

/* Takes a device off the list and frees it with its devargs; locked. */
static void
vdev_delete(struct rte_vdev_device *dev)
{
	TAILQ_REMOVE(&vdev_devices, dev, next);
	rte_devargs_remove(dev->device.devargs);
	free(dev);
}

int
rte_vdev_init(const char *name, const char *args)
{
	struct rte_vdev_device *dev;
	struct rte_devargs *da;
	int ret;

	if (name == NULL) {
		VDEV_LOG(ERR, "rte_vdev_init(): NULL name\n");
		return -EINVAL;
	}
	pthread_mutex_lock(&vdev_lock);
	if (vdev_find(name) != NULL) {
		VDEV_LOG(ERR, "cannot create vdev %s: it exists already\n",
			name);
		ret = -EEXIST;
		goto unlock;
	}
	da = calloc(1, sizeof(*da));
	ret = da == NULL ? -ENOMEM :
			   rte_devargs_parsef(da, "vdev:%s%s%s", name,
				   args != NULL && args[0] != '\0' ? "," : "",
				   args != NULL ? args : "");
	if (ret < 0) {
		free(da);
		goto unlock;
	}
	da->type = RTE_DEVTYPE_VIRTUAL;
	rte_devargs_insert(&da);
	dev = vdev_add(da);
	ret = dev == NULL ? -ENOMEM : vdev_probe_one(dev);
	if (ret != 0 && dev != NULL)
		vdev_delete(dev);
	else if (ret != 0)
		rte_devargs_remove(da);
unlock:
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

/* Runs the driver's remove, if a driver is bound; locked. */
static int
vdev_remove_driver(struct rte_vdev_device *dev)
{
	const struct rte_vdev_driver *driver;
	int ret;

	if (dev->device.driver == NULL)
		return 0;
	driver = container_of(dev->device.driver, const struct rte_vdev_driver,
		driver);
	if (driver->remove == NULL) {
		VDEV_LOG(ERR, "cannot remove vdev %s: driver %s cannot\n",
			rte_vdev_device_name(dev), driver->driver.name);
		return -ENOTSUP;
	}
	ret = driver->remove(dev);
	if (ret != 0)
		return ret < 0 ? ret : -EIO;
	dev->device.driver = NULL;
	return 0;
}

int
rte_vdev_uninit(const char *name)
{
	struct rte_vdev_device *dev;
	int ret;

	if (name == NULL) {
		VDEV_LOG(ERR, "rte_vdev_uninit(): NULL name\n");
		return -EINVAL;
	}
	pthread_mutex_lock(&vdev_lock);
	dev = vdev_find(name);
	if (dev == NULL) {
		pthread_mutex_unlock(&vdev_lock);
		VDEV_LOG(ERR, "cannot remove vdev %s: there is none\n", name);
		return -ENOENT;
	}
	ret = vdev_remove_driver(dev);
	if (ret == 0)
		vdev_delete(dev);
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

static int
vdev_plug(struct rte_device *dev)
{
	int ret;

	pthread_mutex_lock(&vdev_lock);
	ret = vdev_probe_one(RTE_DEV_TO_VDEV(dev));
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

static int
vdev_unplug(struct rte_device *dev)
{
	return rte_vdev_uninit(dev->name);
}

/* The driver bound to a device, or NULL. */
static const struct rte_vdev_driver *
vdev_bound_driver(const struct rte_device *dev)
{
	if (dev->driver == NULL)
		return NULL;
	return container_of(dev->driver, const struct rte_vdev_driver, driver);
}

static int
vdev_dma_map(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	const struct rte_vdev_driver *driver = vdev_bound_driver(dev);

	if (driver == NULL || driver->dma_map == NULL) {
		rte_errno = ENOTSUP;
		return -1;
	}
	return driver->dma_map(RTE_DEV_TO_VDEV(dev), addr, iova, len);
}

static int
vdev_dma_unmap(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	const struct rte_vdev_driver *driver = vdev_bound_driver(dev);

	if (driver == NULL || driver->dma_unmap == NULL) {
		rte_errno = ENOTSUP;
		return -1;
	}
	return driver->dma_unmap(RTE_DEV_TO_VDEV(dev), addr, iova, len);
}

static enum rte_iova_mode
vdev_get_iommu_class(void)
{
	const struct rte_vdev_driver *driver;
	const struct rte_vdev_device *dev;
	enum rte_iova_mode mode = RTE_IOVA_DC;

	pthread_mutex_lock(&vdev_lock);
	TAILQ_FOREACH (dev, &vdev_devices, next) {
		driver = vdev_driver_find(dev->device.name);
		if (driver != NULL &&
			(driver->drv_flags & RTE_VDEV_DRV_NEED_IOVA_AS_VA))
			mode = RTE_IOVA_VA;
	}
	pthread_mutex_unlock(&vdev_lock);
	return mode;
}

/* Layered devargs: the device name is the bus layer's name= value. */
static int
vdev_devargs_parse(struct rte_devargs *da)
{
	static const char *const keys[] = { "bus", "name", NULL };
	struct rte_kvargs *kvlist = rte_kvargs_parse(da->bus_str, keys);
	const char *name = rte_kvargs_get(kvlist, "name");
	int ret = -EINVAL;

	if (name != NULL && name[0] != '\0' && strlen(name) < sizeof(da->name)) {
		strcpy(da->name, name);
		ret = 0;
	}
	rte_kvargs_free(kvlist);
	return ret;
}

static int
dev_name_cmp(const struct rte_device *dev, const void *name)
{
	return name != NULL ? strcmp(dev->name, name) : 0;
}

/* RTE_DEV_FOREACH step: "bus=vdev[,name=NAME]" selects devices. */
static void *
vdev_dev_iterate(const void *start, const char *str,
	const struct rte_dev_iterator *it)
{
	static const char *const keys[] = { "bus", "name", NULL };
	struct rte_kvargs *kvlist = NULL;
	struct rte_device *dev;

	RTE_SET_USED(it);
	if (str != NULL) {
		kvlist = rte_kvargs_parse_delim(str, keys, "/");
		if (kvlist == NULL) {
			rte_errno = EINVAL;
			return NULL;
		}
	}
	dev = vdev_find_device(start, dev_name_cmp,
		rte_kvargs_get(kvlist, "name"));
	rte_kvargs_free(kvlist);
	return dev;
}

static int
vdev_cleanup(void)
{
	struct rte_vdev_device *dev;
	struct vdev_custom_scan *scan;
	int ret = 0;

	pthread_mutex_lock(&vdev_lock);
	while ((dev = TAILQ_FIRST(&vdev_devices)) != NULL) {
		if (vdev_remove_driver(dev) != 0)
			ret = -1;
		TAILQ_REMOVE(&vdev_devices, dev, next);
		free(dev);
	}
	pthread_mutex_unlock(&vdev_lock);
	pthread_mutex_lock(&vdev_scan_lock);
	while ((scan = TAILQ_FIRST(&vdev_scans)) != NULL) {
		TAILQ_REMOVE(&vdev_scans, scan, next);
		free(scan);
	}
	pthread_mutex_unlock(&vdev_scan_lock);
	return ret;
}

int
rte_vdev_add_custom_scan(rte_vdev_scan_callback callback, void *user_arg)
{
	struct vdev_custom_scan *scan;

	pthread_mutex_lock(&vdev_scan_lock);
	TAILQ_FOREACH (scan, &vdev_scans, next)
		if (scan->callback == callback && scan->user_arg == user_arg)
			break;
	if (scan == NULL) {
		scan = malloc(sizeof(*scan));
		if (scan != NULL) {
			scan->callback = callback;
			scan->user_arg = user_arg;
			TAILQ_INSERT_TAIL(&vdev_scans, scan, next);
		}
	}
	pthread_mutex_unlock(&vdev_scan_lock);
	if (scan == NULL) {
		VDEV_LOG(ERR, "rte_vdev_add_custom_scan(): out of memory\n");
		return -ENOMEM;
	}
	return 0;
}

int
rte_vdev_remove_custom_scan(rte_vdev_scan_callback callback, void *user_arg)
{
	struct vdev_custom_scan *scan, *next;
	int ret = -ENOENT;

	pthread_mutex_lock(&vdev_scan_lock);
	for (scan = TAILQ_FIRST(&vdev_scans); scan != NULL; scan = next) {
		next = TAILQ_NEXT(scan, next);
		if (scan->callback != callback ||
			(user_arg != VDEV_ANY_ARG && scan->user_arg != user_arg))
			continue;
		TAILQ_REMOVE(&vdev_scans, scan, next);
		free(scan);
		ret = 0;
	}
	pthread_mutex_unlock(&vdev_scan_lock);
	return ret;
}

static struct rte_bus vdev_bus = {
	.scan = vdev_scan,
	.probe = vdev_probe,
	.find_device = vdev_find_device,
	.plug = vdev_plug,
	.unplug = vdev_unplug,
	.parse = vdev_parse,
	.devargs_parse = vdev_devargs_parse,
	.dma_map = vdev_dma_map,
	.dma_unmap = vdev_dma_unmap,
	.get_iommu_class = vdev_get_iommu_class,
	.dev_iterate = vdev_dev_iterate,
	.cleanup = vdev_cleanup,
};

RTE_REGISTER_BUS(vdev, vdev_bus);
