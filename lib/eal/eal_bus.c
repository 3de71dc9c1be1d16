/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The bus list: registration from constructors, scan, probe, lookups,
 * the IOVA preference of all buses, cleanup, and the -a/-b policy
 * helpers that buses apply to the devices they find.
 *
 * Buses register from constructors or from plugins loaded by
 * rte_eal_init(), both on one thread before anything walks the list, so
 * the list itself needs no lock.
 */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <bus_driver.h>
#include <dev_driver.h>

#include "eal_private.h"

static RTE_TAILQ_HEAD(, rte_bus) bus_list = TAILQ_HEAD_INITIALIZER(bus_list);

/* Registrations of buses and drivers ever made (for the plugin loader). */
static uint64_t registrations;

uint64_t
eal_bus_registrations(void)
{
	return __atomic_load_n(&registrations, __ATOMIC_ACQUIRE);
}

void
rte_bus_driver_added(void)
{
	__atomic_fetch_add(&registrations, 1, __ATOMIC_RELEASE);
}

static bool
bus_is_listed(const struct rte_bus *bus)
{
	const struct rte_bus *listed;

	TAILQ_FOREACH (listed, &bus_list, next)
		if (listed == bus)
			return true;
	return false;
}

void
rte_bus_register(struct rte_bus *bus)
{
	if (bus == NULL || bus->name == NULL || bus->scan == NULL ||
		bus->probe == NULL || bus->find_device == NULL) {
		EAL_LOG(ERR,
			"bus %s not registered: it needs a name, scan, "
			"probe and find_device\n",
			bus != NULL && bus->name != NULL ? bus->name : "(null)");
		return;
	}
	if (bus_is_listed(bus))
		return;
	if (rte_bus_find_by_name(bus->name) != NULL) {
		EAL_LOG(ERR,
			"bus %s not registered: a bus of that name "
			"already is\n",
			bus->name);
		return;
	}
	TAILQ_INSERT_TAIL(&bus_list, bus, next);
	rte_bus_driver_added();
	EAL_LOG(DEBUG, "registered bus %s\n", bus->name);
}

void
rte_bus_unregister(struct rte_bus *bus)
{
	if (bus == NULL || !bus_is_listed(bus))
		return;
	TAILQ_REMOVE(&bus_list, bus, next);
}

const char *
rte_bus_name(const struct rte_bus *bus)
{
	return bus != NULL ? bus->name : NULL;
}

int
rte_bus_scan(void)
{
	struct rte_bus *bus;
	int ret;

	TAILQ_FOREACH (bus, &bus_list, next) {
		ret = bus->scan();
		if (ret != 0)
			EAL_LOG(ERR,
				"scan of bus %s failed: %s; its devices "
				"are not available\n",
				bus->name, rte_strerror(ret < 0 ? -ret : EIO));
	}
	return 0;
}

/* Probes one bus; its own lines say which device failed. */
static int
bus_probe_one(struct rte_bus *bus)
{
	int ret = bus->probe();

	if (ret != 0)
		EAL_LOG(DEBUG, "probe of bus %s failed (%d)\n", bus->name, ret);
	return ret > 0 ? -ENODEV : ret;
}

int
rte_bus_probe(void)
{
	struct rte_bus *bus, *vdev_bus = NULL;
	int ret, first_error = 0;

	/* Virtual devices may sit on top of physical ones (bonding, say):
	 * the vdev bus goes last. */
	TAILQ_FOREACH (bus, &bus_list, next) {
		if (strcmp(bus->name, "vdev") == 0) {
			vdev_bus = bus;
			continue;
		}
		ret = bus_probe_one(bus);
		if (ret != 0 && first_error == 0)
			first_error = ret;
	}
	if (vdev_bus != NULL) {
		ret = bus_probe_one(vdev_bus);
		if (ret != 0 && first_error == 0)
			first_error = ret;
	}
	return first_error;
}

void
rte_bus_dump(FILE *f)
{
	const struct rte_bus *bus;

	if (f == NULL)
		return;
	TAILQ_FOREACH (bus, &bus_list, next)
		fprintf(f, "%s\n", bus->name);
}

struct rte_bus *
rte_bus_find(const struct rte_bus *start, rte_bus_cmp_t cmp, const void *data)
{
	struct rte_bus *bus;
	bool started = start == NULL;

	if (cmp == NULL)
		return NULL;
	TAILQ_FOREACH (bus, &bus_list, next) {
		if (!started) {
			started = bus == start;
			continue;
		}
		if (cmp(bus, data) == 0)
			return bus;
	}
	return NULL;
}

static int
device_is(const struct rte_device *dev, const void *wanted)
{
	return dev != wanted;
}

static int
bus_holds_device(const struct rte_bus *bus, const void *dev)
{
	return bus->find_device(NULL, device_is, dev) == NULL;
}

struct rte_bus *
rte_bus_find_by_device(const struct rte_device *dev)
{
	if (dev == NULL)
		return NULL;
	return rte_bus_find(NULL, bus_holds_device, dev);
}

static int
bus_name_is(const struct rte_bus *bus, const void *name)
{
	return strcmp(bus->name, name);
}

struct rte_bus *
rte_bus_find_by_name(const char *busname)
{
	if (busname == NULL)
		return NULL;
	return rte_bus_find(NULL, bus_name_is, busname);
}

static int
bus_parses_name(const struct rte_bus *bus, const void *name)
{
	if (bus->parse == NULL)
		return 1;
	return bus->parse(name, NULL);
}

struct rte_bus *
rte_bus_find_by_device_name(const char *str)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	size_t len;

	if (str == NULL)
		return NULL;
	/* Only the name counts, not the arguments after the first ','. */
	len = strcspn(str, ",");
	if (len >= sizeof(name))
		return NULL;
	memcpy(name, str, len);
	name[len] = '\0';
	return rte_bus_find(NULL, bus_parses_name, name);
}

static const char *
iova_mode_name(enum rte_iova_mode mode)
{
	switch (mode) {
	case RTE_IOVA_PA:
		return "PA";
	case RTE_IOVA_VA:
		return "VA";
	default:
		return "DC";
	}
}

enum rte_iova_mode
rte_bus_get_iommu_class(void)
{
	const struct rte_bus *bus;
	bool want_pa = false, want_va = false;
	enum rte_iova_mode mode;

	TAILQ_FOREACH (bus, &bus_list, next) {
		if (bus->get_iommu_class == NULL)
			continue;
		mode = bus->get_iommu_class();
		EAL_LOG(DEBUG, "bus %s wants IOVA as %s\n", bus->name,
			iova_mode_name(mode));
		want_pa |= mode == RTE_IOVA_PA;
		want_va |= mode == RTE_IOVA_VA;
	}
	if (want_pa && want_va) {
		EAL_LOG(WARNING,
			"some buses want IOVA as VA and others as PA: "
			"no preference is passed on, and the devices of the "
			"losing side may fail to probe\n");
		return RTE_IOVA_DC;
	}
	if (want_va)
		return RTE_IOVA_VA;
	return want_pa ? RTE_IOVA_PA : RTE_IOVA_DC;
}

void
eal_bus_cleanup(void)
{
	struct rte_bus *bus;
	int ret;

	TAILQ_FOREACH (bus, &bus_list, next) {
		if (bus->cleanup == NULL)
			continue;
		ret = bus->cleanup();
		if (ret != 0)
			EAL_LOG(WARNING,
				"cleanup of bus %s failed: some devices "
				"could not be removed\n",
				bus->name);
	}
}

struct rte_devargs *
rte_bus_devargs_lookup(const struct rte_bus *bus, const char *dev_name,
	rte_bus_devname_cmp_t cmp)
{
	struct rte_devargs *da;

	if (bus == NULL || dev_name == NULL)
		return NULL;
	RTE_EAL_DEVARGS_FOREACH(bus->name, da)
	{
		if (cmp != NULL ? cmp(da->name, dev_name) == 0 :
				  strcmp(da->name, dev_name) == 0)
			return da;
	}
	return NULL;
}

bool
rte_bus_device_is_ignored(const struct rte_bus *bus, const char *dev_name,
	rte_bus_devname_cmp_t cmp)
{
	const struct rte_devargs *da = rte_bus_devargs_lookup(bus, dev_name,
		cmp);

	if (bus == NULL)
		return true;
	if (bus->conf.scan_mode == RTE_BUS_SCAN_ALLOWLIST)
		return da == NULL || da->policy != RTE_DEV_ALLOWED;
	return da != NULL && da->policy == RTE_DEV_BLOCKED;
}
