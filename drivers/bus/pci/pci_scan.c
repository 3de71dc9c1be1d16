/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The scan: one directory per device in /sys/bus/pci/devices (or in the
 * tree POLLUX_SYSFS_PCI names), read with the formats Linux uses
 * (Documentation/ABI/testing/sysfs-bus-pci; doc/testing.md for fake
 * trees). The scan only reads: it never opens a file for writing, so it
 * is safe on a device a kernel driver owns.
 *
 * A rescan (hot-plug) keeps the devices it knows and refreshes the kernel
 * driver of those not mapped; devices gone from the tree and not probed
 * are forgotten.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "pci_private.h"

int
pci_sysfs_path(char *buf, size_t size, const struct pci_device *pdev,
	const char *file)
{
	int n = snprintf(buf, size, "%s/%s/%s", rte_pci_get_sysfs_path(),
		pdev->pub.name, file);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/* dir/file into buf: 0, or -ENAMETOOLONG. */
static int
path_join(char *buf, size_t size, const char *dir, const char *file)
{
	int n = snprintf(buf, size, "%s/%s", dir, file);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/* First line of a sysfs file, without its newline: 0 or -errno. */
static int
read_line(const char *dir, const char *file, char *buf, size_t size)
{
	char path[PATH_MAX];
	FILE *f;
	int ret = 0;

	if (path_join(path, sizeof(path), dir, file) < 0)
		return -ENAMETOOLONG;
	f = fopen(path, "re");
	if (f == NULL)
		return -errno;
	if (fgets(buf, (int)size, f) == NULL)
		ret = -EIO;
	else
		buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
	return ret;
}

static int
read_number(const char *dir, const char *file, int base, uint64_t max,
	uint64_t *value)
{
	char buf[64], *end;
	unsigned long long v;
	int ret = read_line(dir, file, buf, sizeof(buf));

	if (ret < 0)
		return ret;
	errno = 0;
	v = strtoull(buf, &end, base);
	if (errno != 0 || end == buf || *end != '\0' || v > max)
		return -EINVAL;
	*value = v;
	return 0;
}

/* The last component of a symbolic link's target, "" if there is none. */
static void
read_link_name(const char *dir, const char *file, char *buf, size_t size)
{
	char path[PATH_MAX], target[PATH_MAX];
	const char *base;
	ssize_t n;

	buf[0] = '\0';
	if (path_join(path, sizeof(path), dir, file) < 0)
		return;
	n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base != NULL ? base + 1 : target;
	if (strlen(base) < size)
		strcpy(buf, base);
}

static int
read_ids(const char *dir, struct rte_pci_id *id)
{
	uint64_t vendor, device, sub_vendor, sub_device, class_id;

	if (read_number(dir, "vendor", 16, UINT16_MAX, &vendor) < 0 ||
		read_number(dir, "device", 16, UINT16_MAX, &device) < 0 ||
		read_number(dir, "class", 16, 0xffffff, &class_id) < 0)
		return -EINVAL;
	/* Older kernels and some bridges have no subsystem ids. */
	if (read_number(dir, "subsystem_vendor", 16, UINT16_MAX, &sub_vendor) <
		0)
		sub_vendor = 0;
	if (read_number(dir, "subsystem_device", 16, UINT16_MAX, &sub_device) <
		0)
		sub_device = 0;
	id->vendor_id = (uint16_t)vendor;
	id->device_id = (uint16_t)device;
	id->subsystem_vendor_id = (uint16_t)sub_vendor;
	id->subsystem_device_id = (uint16_t)sub_device;
	id->class_id = (uint32_t)class_id;
	return 0;
}

/* "resource": start, end (inclusive) and flags per line; BARs first. */
static int
read_resources(const char *dir, struct pci_device *pdev)
{
	uint64_t start, end, flags;
	char path[PATH_MAX], line[256];
	int i, ret = 0;
	FILE *f;

	if (path_join(path, sizeof(path), dir, "resource") < 0)
		return -ENAMETOOLONG;
	f = fopen(path, "re");
	if (f == NULL)
		return -errno;
	for (i = 0; i < PCI_MAX_RESOURCE; i++) {
		if (fgets(line, sizeof(line), f) == NULL ||
			sscanf(line, "%" SCNx64 " %" SCNx64 " %" SCNx64, &start,
				&end, &flags) != PCI_RESOURCE_FMT_NVAL) {
			ret = -EINVAL;
			break;
		}
		pdev->bar_flags[i] = flags;
		if (flags == 0 || end < start)
			continue;
		pdev->pub.mem_resource[i].phys_addr = start;
		pdev->pub.mem_resource[i].len = end - start + 1;
	}
	fclose(f);
	return ret;
}

static enum rte_pci_kernel_driver
kdrv_of(const char *name)
{
	if (name[0] == '\0')
		return RTE_PCI_KDRV_NONE;
	if (strcmp(name, "vfio-pci") == 0)
		return RTE_PCI_KDRV_VFIO;
	if (strcmp(name, "igb_uio") == 0)
		return RTE_PCI_KDRV_IGB_UIO;
	if (strcmp(name, "uio_pci_generic") == 0)
		return RTE_PCI_KDRV_UIO_GENERIC;
	return RTE_PCI_KDRV_UNKNOWN;
}

/* uio/uioN (or the older uio:uioN) names the UIO minor. */
static int
find_uio_num(const char *dir)
{
	char path[PATH_MAX];
	struct dirent *e;
	int num = -1;
	DIR *d;

	if (path_join(path, sizeof(path), dir, "uio") < 0)
		return -1;
	d = opendir(path);
	if (d == NULL) {
		d = opendir(dir);
		if (d == NULL)
			return -1;
		while ((e = readdir(d)) != NULL && num < 0)
			if (sscanf(e->d_name, "uio:uio%d", &num) != 1)
				num = -1;
		closedir(d);
		return num;
	}
	while ((e = readdir(d)) != NULL && num < 0)
		if (sscanf(e->d_name, "uio%d", &num) != 1)
			num = -1;
	closedir(d);
	return num;
}

/* The binding: kernel driver, UIO minor, IOMMU group. */
static void
read_binding(const char *dir, struct pci_device *pdev)
{
	char group[32];
	char *end;
	long num;

	read_link_name(dir, "driver", pdev->kernel_driver,
		sizeof(pdev->kernel_driver));
	pdev->pub.kdrv = kdrv_of(pdev->kernel_driver);
	pdev->uio_num = pdev->pub.kdrv == RTE_PCI_KDRV_UIO_GENERIC ||
			pdev->pub.kdrv == RTE_PCI_KDRV_IGB_UIO ?
		find_uio_num(dir) :
		-1;
	read_link_name(dir, "iommu_group", group, sizeof(group));
	num = strtol(group, &end, 10);
	pdev->iommu_group = group[0] != '\0' && *end == '\0' && num >= 0 &&
			num <= INT_MAX ?
		(int)num :
		-1;
}

static bool
tree_is_fake(void)
{
	char real[PATH_MAX], fake[PATH_MAX];
	const char *path = getenv("POLLUX_SYSFS_PCI");

	if (path == NULL || path[0] == '\0')
		return false;
	if (realpath(path, fake) == NULL ||
		realpath("/sys/bus/pci/devices", real) == NULL)
		return true;
	return strcmp(real, fake) != 0;
}

static struct pci_device *
device_new(const char *dir, const struct rte_pci_addr *addr, bool fake)
{
	struct pci_device *pdev = calloc(1, sizeof(*pdev));
	uint64_t value;

	if (pdev == NULL)
		return NULL;
	pdev->pub.addr = *addr;
	rte_pci_device_name(addr, pdev->pub.name, sizeof(pdev->pub.name));
	pdev->pub.device.name = pdev->pub.name;
	pdev->pub.device.bus = &pci_bus;
	pdev->pub.device.numa_node = SOCKET_ID_ANY;
	pdev->fake = fake;
	pdev->uio_fd = -1;
	pdev->config_fd = -1;
	pdev->vfio_dev_fd = -1;
	if (read_ids(dir, &pdev->pub.id) < 0 || read_resources(dir, pdev) < 0)
		goto unreadable;
	if (read_number(dir, "numa_node", 10, INT_MAX, &value) == 0)
		pdev->pub.device.numa_node = (int)value;
	if (read_number(dir, "sriov_numvfs", 10, UINT16_MAX, &value) == 0 ||
		read_number(dir, "max_vfs", 10, UINT16_MAX, &value) == 0)
		pdev->pub.max_vfs = (uint16_t)value;
	pdev->pub.intr_handle = rte_intr_instance_alloc(
		RTE_INTR_INSTANCE_F_PRIVATE);
	if (pdev->pub.intr_handle == NULL) {
		free(pdev);
		return NULL;
	}
	read_binding(dir, pdev);
	return pdev;

unreadable:
	PCI_LOG(WARNING,
		"%s: ids or resource file unreadable in %s: device "
		"ignored\n",
		pdev->pub.name, dir);
	free(pdev);
	rte_errno = EINVAL;
	return NULL;
}

/* Keeps the list sorted by address, as lspci shows it. */
static void
device_insert(struct pci_device *pdev)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH (dev, &pci_devices, next) {
		if (rte_pci_addr_cmp(&pdev->pub.addr, &dev->addr) < 0) {
			TAILQ_INSERT_BEFORE(dev, &pdev->pub, next);
			return;
		}
	}
	TAILQ_INSERT_TAIL(&pci_devices, &pdev->pub, next);
}

static struct pci_device *
device_find(const struct rte_pci_addr *addr)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH (dev, &pci_devices, next)
		if (rte_pci_addr_cmp(&dev->addr, addr) == 0)
			return PCI_PRIV(dev);
	return NULL;
}

/* One directory entry: adds or refreshes its device; 0 or -ENOMEM. */
static int
scan_one(const char *root, const char *name, bool fake)
{
	struct rte_pci_addr addr;
	struct pci_device *pdev;
	char dir[PATH_MAX];

	if (rte_pci_addr_parse(name, &addr) < 0)
		return 0;
	if (path_join(dir, sizeof(dir), root, name) < 0)
		return 0;
	pdev = device_find(&addr);
	if (pdev != NULL) {
		if (!pdev->mapped)
			read_binding(dir, pdev);
		pdev->present = true;
		return 0;
	}
	pdev = device_new(dir, &addr, fake);
	if (pdev == NULL)
		return rte_errno == ENOMEM || errno == ENOMEM ? -ENOMEM : 0;
	pdev->present = true;
	device_insert(pdev);
	return 0;
}

/* Devargs names in canonical form, and each device's devargs. */
static void
attach_devargs(void)
{
	struct rte_pci_device *dev;
	struct rte_pci_addr addr;
	struct rte_devargs *da;

	RTE_EAL_DEVARGS_FOREACH("pci", da)
	if (rte_pci_addr_parse(da->name, &addr) == 0)
		rte_pci_device_name(&addr, da->name, sizeof(da->name));
	TAILQ_FOREACH (dev, &pci_devices, next)
		dev->device.devargs = rte_bus_devargs_lookup(&pci_bus,
			dev->name, pci_name_cmp);
}

/* Forgets the devices the last scan did not see, unless probed. */
static void
forget_absent(void)
{
	struct rte_pci_device *dev, *next;

	for (dev = TAILQ_FIRST(&pci_devices); dev != NULL; dev = next) {
		next = TAILQ_NEXT(dev, next);
		if (PCI_PRIV(dev)->present || dev->driver != NULL)
			continue;
		TAILQ_REMOVE(&pci_devices, dev, next);
		pci_device_free(PCI_PRIV(dev));
	}
}

int
pci_scan(void)
{
	const char *root = rte_pci_get_sysfs_path();
	bool fake = tree_is_fake();
	struct rte_pci_device *dev;
	struct dirent *e;
	int ret = 0;
	DIR *d;

	if (!rte_eal_has_pci())
		return 0;
	d = opendir(root);
	if (d == NULL) {
		/* No PCI (a container, say) is no error. */
		rte_log(errno == ENOENT ? RTE_LOG_DEBUG : RTE_LOG_WARNING,
			pci_logtype,
			"PCI: cannot open %s: %s; no PCI devices\n", root,
			strerror(errno));
		return 0;
	}
	TAILQ_FOREACH (dev, &pci_devices, next)
		PCI_PRIV(dev)->present = false;
	while ((e = readdir(d)) != NULL && ret == 0)
		ret = scan_one(root, e->d_name, fake);
	closedir(d);
	forget_absent();
	attach_devargs();
	if (ret < 0)
		PCI_LOG(ERR, "scan of %s stopped: out of memory\n", root);
	return ret;
}
