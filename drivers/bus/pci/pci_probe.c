/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Matching drivers to devices, the -a/-b policy, probe and remove.
 *
 * A device is probed only when it is bound to vfio-pci, uio_pci_generic or
 * igb_uio. A device a kernel driver owns (virtio-pci, ixgbe, ...) is never
 * opened for writing, mapped or reset: one line says it was skipped, for
 * the devices a registered driver would have taken.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>

#include "pci_private.h"

static bool
id_field_match(uint16_t want, uint16_t have)
{
	return want == RTE_PCI_ANY_ID || want == have;
}

/* Does one table entry match id? A class of RTE_CLASS_ANY_ID matches all. */
static bool
id_entry_match(const struct rte_pci_id *entry, const struct rte_pci_id *id)
{
	return id_field_match(entry->vendor_id, id->vendor_id) &&
		id_field_match(entry->device_id, id->device_id) &&
		id_field_match(entry->subsystem_vendor_id,
			id->subsystem_vendor_id) &&
		id_field_match(entry->subsystem_device_id,
			id->subsystem_device_id) &&
		(entry->class_id == RTE_CLASS_ANY_ID ||
			entry->class_id == id->class_id);
}

bool
pci_id_match(const struct rte_pci_id *table, const struct rte_pci_id *id)
{
	const struct rte_pci_id *entry;

	/* The table ends with an entry whose vendor id is 0. */
	for (entry = table; entry->vendor_id != 0; entry++)
		if (id_entry_match(entry, id))
			return true;
	return false;
}

/* The first registered driver whose table matches, or NULL. */
const struct rte_pci_driver *
pci_driver_for(const struct pci_device *pdev)
{
	const struct rte_pci_driver *driver;

	TAILQ_FOREACH (driver, &pci_drivers, next)
		if (pci_id_match(driver->id_table, &pdev->pub.id))
			return driver;
	return NULL;
}

static bool
device_is_ignored(const struct pci_device *pdev)
{
	return rte_bus_device_is_ignored(&pci_bus, pdev->pub.name, pci_name_cmp);
}

/* Is any of the user-space drivers registered with the kernel? */
static const char *
loaded_user_driver(void)
{
	static const char *const names[] = { "vfio-pci", "uio_pci_generic",
		"igb_uio" };
	char path[PATH_MAX];
	unsigned int i;

	for (i = 0; i < RTE_DIM(names); i++) {
		/* The drivers directory beside the devices one. */
		snprintf(path, sizeof(path), "%s/../drivers/%s",
			rte_pci_get_sysfs_path(), names[i]);
		if (access(path, F_OK) == 0)
			return names[i];
	}
	return NULL;
}

/* probe_device(): the device is left alone (not a failure of the bus). */
#define PCI_PROBE_SKIPPED 2

/* The one line for a device the bus will not touch; PCI_PROBE_SKIPPED. */
static int
skip_unbound(const struct pci_device *pdev, const char *driver_name)
{
	const char *loaded;

	if (pdev->pub.kdrv == RTE_PCI_KDRV_NONE) {
		loaded = loaded_user_driver();
		if (loaded == NULL)
			PCI_LOG(WARNING,
				"%s (%04x:%04x) skipped for driver %s: "
				"bound to no kernel driver, and neither vfio-pci "
				"nor uio_pci_generic is loaded: modprobe vfio-pci, "
				"then pollux-devbind.py -b vfio-pci %s\n",
				pdev->pub.name, pdev->pub.id.vendor_id,
				pdev->pub.id.device_id, driver_name,
				pdev->pub.name);
		else
			PCI_LOG(WARNING,
				"%s (%04x:%04x) skipped for driver %s: "
				"bound to no kernel driver: pollux-devbind.py -b "
				"%s %s\n",
				pdev->pub.name, pdev->pub.id.vendor_id,
				pdev->pub.id.device_id, driver_name, loaded,
				pdev->pub.name);
		return PCI_PROBE_SKIPPED;
	}
	PCI_LOG(WARNING,
		"%s (%04x:%04x) skipped for driver %s: kernel driver "
		"%s owns it, so it is left alone; to use it, pollux-devbind.py "
		"-b vfio-pci %s\n",
		pdev->pub.name, pdev->pub.id.vendor_id, pdev->pub.id.device_id,
		driver_name, pdev->kernel_driver, pdev->pub.name);
	return PCI_PROBE_SKIPPED;
}

static void
unmap_after_failure(struct pci_device *pdev,
	const struct rte_pci_driver *driver, int ret)
{
	if (!pdev->mapped)
		return;
	if (ret > 0 && (driver->drv_flags & RTE_PCI_DRV_KEEP_MAPPED_RES))
		return;
	rte_pci_unmap_device(&pdev->pub);
}

/* Runs one driver's probe on a device; 0, > 0 (driver declined), < 0. */
static int
probe_with(struct pci_device *pdev, struct rte_pci_driver *driver)
{
	struct rte_pci_device *dev = &pdev->pub;
	int ret;

	ret = pci_iova_check(pdev, driver);
	if (ret < 0)
		return ret;
	/* The mapping reads the driver's flags (write combining). */
	dev->driver = driver;
	if ((driver->drv_flags & RTE_PCI_DRV_NEED_MAPPING) && !pdev->mapped) {
		ret = rte_pci_map_device(dev);
		if (ret != 0) {
			dev->driver = NULL;
			return ret < 0 ? ret : -ENODEV;
		}
	}
	dev->device.driver = &driver->driver;
	ret = driver->probe(driver, dev);
	if (ret != 0) {
		dev->driver = NULL;
		dev->device.driver = NULL;
		unmap_after_failure(pdev, driver, ret);
		if (ret < 0)
			PCI_LOG(ERR, "%s: driver %s failed to probe it: %s\n",
				dev->name, driver->driver.name,
				rte_strerror(-ret));
	}
	return ret;
}

/* Probes one device: 0 probed, 1 no driver took it, PCI_PROBE_SKIPPED,
 * or < 0 for an error. */
static int
probe_device(struct pci_device *pdev)
{
	struct rte_pci_device *dev = &pdev->pub;
	struct rte_pci_driver *driver;
	bool matched = false;
	int ret;

	if (dev->driver != NULL)
		return -EEXIST;
	TAILQ_FOREACH (driver, &pci_drivers, next) {
		if (!pci_id_match(driver->id_table, &dev->id))
			continue;
		if (!matched && !pci_kdrv_is_user(dev->kdrv))
			return skip_unbound(pdev, driver->driver.name);
		matched = true;
		ret = probe_with(pdev, driver);
		if (ret <= 0)
			return ret;
	}
	if (!matched &&
		(pci_kdrv_is_user(dev->kdrv) || dev->device.devargs != NULL)) {
		PCI_LOG(WARNING,
			"%s (%04x:%04x) is %s, but no driver claims "
			"it: is its PMD built (-Denable_drivers) or loaded (-d)?\n",
			dev->name, dev->id.vendor_id, dev->id.device_id,
			dev->device.devargs != NULL ?
				"in the allow list (-a)" :
				"bound to a user-space driver");
	}
	return 1;
}

/* Warns about each -a address no device has. */
static void
warn_missing_allowed(void)
{
	const struct rte_pci_device *dev;
	struct rte_devargs *da;
	bool found;

	RTE_EAL_DEVARGS_FOREACH("pci", da)
	{
		if (da->policy != RTE_DEV_ALLOWED)
			continue;
		found = false;
		TAILQ_FOREACH (dev, &pci_devices, next)
			found |= dev->device.devargs == da;
		if (!found)
			PCI_LOG(WARNING,
				"-a %s: there is no PCI device at this "
				"address (see pollux-devbind.py -s)\n",
				da->name);
	}
}

int
pci_probe(void)
{
	struct rte_pci_device *dev;
	unsigned int attempted = 0, failed = 0;
	int ret, first_error = 0;

	if (!rte_eal_has_pci())
		return 0;
	warn_missing_allowed();
	TAILQ_FOREACH (dev, &pci_devices, next) {
		if (dev->driver != NULL || device_is_ignored(PCI_PRIV(dev)))
			continue;
		ret = probe_device(PCI_PRIV(dev));
		/* A device no driver wants, or one the kernel keeps, is no
		 * failure of the bus. */
		if (ret == 1 || ret == PCI_PROBE_SKIPPED)
			continue;
		attempted++;
		if (ret < 0) {
			failed++;
			if (first_error == 0)
				first_error = ret;
		}
	}
	/* As DPDK: init fails only when every device tried failed. */
	if (attempted > 0 && failed == attempted) {
		rte_errno = -first_error;
		return first_error;
	}
	return 0;
}

int
pci_plug(struct rte_device *dev)
{
	struct pci_device *pdev = PCI_PRIV(RTE_DEV_TO_PCI(dev));
	int ret;

	if (!rte_eal_has_pci()) {
		PCI_LOG(ERR,
			"cannot attach %s: the PCI bus is off (--no-pci)\n",
			dev->name);
		return -ENOTSUP;
	}
	if (device_is_ignored(pdev)) {
		PCI_LOG(ERR, "cannot attach %s: it is in the block list (-b)\n",
			dev->name);
		return -EPERM;
	}
	ret = probe_device(pdev);
	if (ret == 1) {
		PCI_LOG(ERR,
			"cannot attach %s (%04x:%04x): no driver claims "
			"it\n",
			dev->name, pdev->pub.id.vendor_id,
			pdev->pub.id.device_id);
		return -ENODEV;
	}
	if (ret == PCI_PROBE_SKIPPED)
		return pdev->pub.kdrv == RTE_PCI_KDRV_NONE ? -ENODEV : -EBUSY;
	return ret;
}

/* Runs the driver's remove and releases the device; 0 or -errno. */
static int
remove_device(struct pci_device *pdev)
{
	struct rte_pci_device *dev = &pdev->pub;
	struct rte_pci_driver *driver = dev->driver;
	int ret;

	if (driver == NULL)
		return 0;
	if (driver->remove == NULL) {
		PCI_LOG(ERR, "cannot remove %s: driver %s has no remove\n",
			dev->name, driver->driver.name);
		return -ENOTSUP;
	}
	ret = driver->remove(dev);
	if (ret != 0) {
		PCI_LOG(ERR,
			"cannot remove %s: driver %s's remove failed: %s\n",
			dev->name, driver->driver.name,
			rte_strerror(ret < 0 ? -ret : EIO));
		return ret < 0 ? ret : -EIO;
	}
	if (pdev->mapped)
		rte_pci_unmap_device(dev);
	dev->driver = NULL;
	dev->device.driver = NULL;
	return 0;
}

int
pci_unplug(struct rte_device *dev)
{
	struct pci_device *pdev = PCI_PRIV(RTE_DEV_TO_PCI(dev));
	int ret = remove_device(pdev);

	if (ret != 0)
		return ret;
	/* The device and its devargs go; a rescan finds it again. */
	TAILQ_REMOVE(&pci_devices, &pdev->pub, next);
	if (dev->devargs != NULL)
		rte_devargs_remove(dev->devargs);
	pci_device_free(pdev);
	return 0;
}

int
pci_cleanup(void)
{
	struct rte_pci_device *dev;
	int ret = 0;

	while ((dev = TAILQ_FIRST(&pci_devices)) != NULL) {
		if (remove_device(PCI_PRIV(dev)) != 0) {
			ret = -1;
			if (PCI_PRIV(dev)->mapped)
				rte_pci_unmap_device(dev);
		}
		TAILQ_REMOVE(&pci_devices, dev, next);
		pci_device_free(PCI_PRIV(dev));
	}
	return ret;
}
