/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The PCI bus object: driver registration, PCI addresses (parse, compare,
 * name), device lookups for the EAL (find_device, parse, dev_iterate),
 * rte_pci_dump() and where the bus looks (POLLUX_SYSFS_PCI,
 * POLLUX_DEV_DIR, doc/testing.md).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_kvargs.h>

#include "pci_private.h"

RTE_LOG_REGISTER(pci_logtype, bus.pci, NOTICE);

#define PCI_SYSFS_DEFAULT "/sys/bus/pci/devices"

struct pci_device_list pci_devices = TAILQ_HEAD_INITIALIZER(pci_devices);
struct pci_driver_list pci_drivers = TAILQ_HEAD_INITIALIZER(pci_drivers);

const char *
rte_pci_get_sysfs_path(void)
{
	const char *path = getenv("POLLUX_SYSFS_PCI");

	return path != NULL && path[0] != '\0' ? path : PCI_SYSFS_DEFAULT;
}

const char *
pci_dev_dir(void)
{
	const char *path = getenv("POLLUX_DEV_DIR");

	return path != NULL && path[0] != '\0' ? path : "/dev";
}

void
rte_pci_register(struct rte_pci_driver *driver)
{
	struct rte_pci_driver *listed;

	if (driver == NULL || driver->driver.name == NULL ||
		driver->probe == NULL || driver->id_table == NULL) {
		PCI_LOG(ERR,
			"driver not registered: it needs a name, a probe "
			"function and an id table\n");
		return;
	}
	TAILQ_FOREACH (listed, &pci_drivers, next)
		if (listed == driver)
			return;
	TAILQ_INSERT_TAIL(&pci_drivers, driver, next);
	rte_bus_driver_added();
}

void
rte_pci_unregister(struct rte_pci_driver *driver)
{
	struct rte_pci_driver *listed;

	TAILQ_FOREACH (listed, &pci_drivers, next) {
		if (listed == driver) {
			TAILQ_REMOVE(&pci_drivers, driver, next);
			return;
		}
	}
}

/* Parses 1 to max_digits hex digits followed by one of the characters in
 * ends ("" for the end of the string); the character after, or NULL. */
static const char *
parse_hex(const char *str, unsigned int max_digits, const char *ends,
	uint32_t *value)
{
	unsigned int n = 0;
	uint32_t v = 0;

	while (n < max_digits && isxdigit((unsigned char)str[n])) {
		v = v * 16 +
			(uint32_t)(isdigit((unsigned char)str[n]) ?
					str[n] - '0' :
					tolower((unsigned char)str[n]) - 'a' +
						10);
		n++;
	}
	if (n == 0)
		return NULL;
	/* strchr() would also find the terminating NUL of ends. */
	if (str[n] == '\0' ? ends[0] != '\0' : strchr(ends, str[n]) == NULL)
		return NULL;
	*value = v;
	return str + n;
}

int
rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr)
{
	uint32_t first, bus, devid, function;
	struct rte_pci_addr parsed = { 0 };
	const char *p;

	if (str == NULL || addr == NULL)
		return -EINVAL;
	p = parse_hex(str, 8, ":", &first);
	if (p == NULL)
		return -EINVAL;
	p = parse_hex(p + 1, 2, ":.", &bus);
	if (p == NULL)
		return -EINVAL;
	if (*p == ':') {
		/* domain:bus:devid.function */
		parsed.domain = first;
		p = parse_hex(p + 1, 2, ".", &devid);
	} else {
		/* bus:devid.function: the first field was the bus */
		if (first > 0xff)
			return -EINVAL;
		devid = bus;
		bus = first;
	}
	if (p == NULL || bus > 0xff || devid > 0x1f)
		return -EINVAL;
	p = parse_hex(p + 1, 1, "", &function);
	if (p == NULL || function > 7)
		return -EINVAL;
	parsed.bus = (uint8_t)bus;
	parsed.devid = (uint8_t)devid;
	parsed.function = (uint8_t)function;
	*addr = parsed;
	return 0;
}

void
rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size)
{
	if (addr == NULL || output == NULL || size == 0)
		return;
	snprintf(output, size, PCI_PRI_FMT, addr->domain, addr->bus,
		addr->devid, addr->function);
}

static uint64_t
pci_addr_key(const struct rte_pci_addr *addr)
{
	return ((uint64_t)addr->domain << 24) | ((uint64_t)addr->bus << 16) |
		((uint64_t)addr->devid << 8) | addr->function;
}

int
rte_pci_addr_cmp(const struct rte_pci_addr *addr,
	const struct rte_pci_addr *addr2)
{
	uint64_t key, key2;

	if (addr == NULL || addr2 == NULL)
		return -1;
	key = pci_addr_key(addr);
	key2 = pci_addr_key(addr2);
	return key > key2 ? 1 : key < key2 ? -1 : 0;
}

/* Devargs names and device names: the same address in any spelling. */
int
pci_name_cmp(const char *devargs_name, const char *dev_name)
{
	struct rte_pci_addr a, b;

	if (rte_pci_addr_parse(devargs_name, &a) < 0 ||
		rte_pci_addr_parse(dev_name, &b) < 0)
		return 1;
	return rte_pci_addr_cmp(&a, &b) != 0;
}

bool
pci_kdrv_is_user(enum rte_pci_kernel_driver kdrv)
{
	return kdrv == RTE_PCI_KDRV_VFIO || kdrv == RTE_PCI_KDRV_IGB_UIO ||
		kdrv == RTE_PCI_KDRV_UIO_GENERIC;
}

const char *
pci_kdrv_name(const struct pci_device *pdev)
{
	return pdev->kernel_driver[0] != '\0' ? pdev->kernel_driver :
						"no driver";
}

void
pci_device_free(struct pci_device *pdev)
{
	rte_intr_instance_free(pdev->pub.intr_handle);
	free(pdev);
}

static int
pci_parse(const char *name, void *addr)
{
	struct rte_pci_addr parsed;

	if (rte_pci_addr_parse(name, &parsed) < 0)
		return 1;
	if (addr != NULL)
		*(struct rte_pci_addr *)addr = parsed;
	return 0;
}

static struct rte_device *
pci_find_device(const struct rte_device *start, rte_dev_cmp_t cmp,
	const void *data)
{
	struct rte_pci_device *dev;

	if (start != NULL)
		dev = TAILQ_NEXT(RTE_DEV_TO_PCI_CONST(start), next);
	else
		dev = TAILQ_FIRST(&pci_devices);
	for (; dev != NULL; dev = TAILQ_NEXT(dev, next))
		if (cmp(&dev->device, data) == 0)
			return &dev->device;
	return NULL;
}

/* New devargs syntax: "bus=pci,addr=0000:00:04.0". */
static int
pci_devargs_parse(struct rte_devargs *da)
{
	static const char *const keys[] = { "bus", "addr", "id", NULL };
	struct rte_kvargs *kvlist = rte_kvargs_parse(da->bus_str, keys);
	const char *addr = rte_kvargs_get(kvlist, "addr");
	struct rte_pci_addr parsed;
	int ret = -EINVAL;

	if (addr != NULL && rte_pci_addr_parse(addr, &parsed) == 0) {
		rte_pci_device_name(&parsed, da->name, sizeof(da->name));
		ret = 0;
	}
	rte_kvargs_free(kvlist);
	return ret;
}

static int
pci_addr_is(const struct rte_device *dev, const void *addr)
{
	const struct rte_pci_device *pci = RTE_DEV_TO_PCI_CONST(dev);

	return addr != NULL ? rte_pci_addr_cmp(&pci->addr, addr) : 0;
}

/* RTE_DEV_FOREACH step: "bus=pci[,addr=ADDR]" selects devices. */
static void *
pci_dev_iterate(const void *start, const char *str,
	const struct rte_dev_iterator *it)
{
	static const char *const keys[] = { "bus", "addr", "id", NULL };
	struct rte_kvargs *kvlist = NULL;
	struct rte_pci_addr addr, *wanted = NULL;
	const char *value;

	RTE_SET_USED(it);
	if (str != NULL) {
		kvlist = rte_kvargs_parse_delim(str, keys, "/");
		if (kvlist == NULL) {
			rte_errno = EINVAL;
			return NULL;
		}
		value = rte_kvargs_get(kvlist, "addr");
		if (value != NULL && rte_pci_addr_parse(value, &addr) < 0) {
			rte_kvargs_free(kvlist);
			rte_errno = EINVAL;
			return NULL;
		}
		wanted = value != NULL ? &addr : NULL;
	}
	start = pci_find_device(start, pci_addr_is, wanted);
	rte_kvargs_free(kvlist);
	return (void *)(uintptr_t)start;
}

void
rte_pci_dump(FILE *f)
{
	const struct rte_pci_device *dev;
	const struct pci_device *pdev;

	if (f == NULL)
		return;
	TAILQ_FOREACH (dev, &pci_devices, next) {
		pdev = PCI_PRIV_CONST(dev);
		fprintf(f,
			"%s %04x:%04x (%04x:%04x) class %06x numa %d "
			"kernel %s driver %s\n",
			dev->name, dev->id.vendor_id, dev->id.device_id,
			dev->id.subsystem_vendor_id,
			dev->id.subsystem_device_id, dev->id.class_id,
			dev->device.numa_node, pci_kdrv_name(pdev),
			dev->driver != NULL ? dev->driver->driver.name : "-");
	}
}

struct rte_bus pci_bus = {
	.scan = pci_scan,
	.probe = pci_probe,
	.find_device = pci_find_device,
	.plug = pci_plug,
	.unplug = pci_unplug,
	.parse = pci_parse,
	.devargs_parse = pci_devargs_parse,
	.dma_map = pci_vfio_dma_map,
	.dma_unmap = pci_vfio_dma_unmap,
	.get_iommu_class = pci_get_iommu_class,
	.dev_iterate = pci_dev_iterate,
	.cleanup = pci_cleanup,
};

RTE_REGISTER_BUS(pci, pci_bus);
