/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * What the PCI test binaries share: test drivers (registered by each
 * binary that includes this header once), the record of what they saw,
 * and helpers to look at the devices, fds and mappings of the child.
 *
 *   net_pcitest    1b36:0005 and 1b36:0006 (QEMU's test devices, which no
 *                  PMD claims), NEED_MAPPING | INTR_LSC |
 *                  WC_ACTIVATE; its
 *                  probe writes PCITEST_MARK to BAR 1 (or 0) and fails
 *                  with -EIO when the devargs say fail=1
 *   net_pciclass   vendor 0x1234, any device, class 0x020000; no mapping
 */
#ifndef PCI_TEST_H
#define PCI_TEST_H

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

#include <rte_bus.h>
#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_kvargs.h>
#include <bus_driver.h>
#include <bus_pci_driver.h>

#include "test_helpers.h"

#define PCITEST_MARK	 0xc0ffee42u
#define PCITEST_MAX_SEEN 8

static struct {
	int probes, removes, class_probes;
	char names[PCITEST_MAX_SEEN][RTE_DEV_NAME_MAX_LEN];
	char args[PCITEST_MAX_SEEN][64];
} seen;

static int
pcitest_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	const struct rte_devargs *da = dev->device.devargs;
	struct rte_kvargs *kv = rte_kvargs_parse(da != NULL ? da->args : "",
		NULL);
	int fail = rte_kvargs_get(kv, "fail") != NULL;
	uint32_t mark = PCITEST_MARK;
	int bar = dev->mem_resource[1].addr != NULL ? 1 : 0;

	(void)drv;
	rte_kvargs_free(kv);
	if (fail)
		return -EIO;
	if (dev->mem_resource[bar].addr != NULL)
		memcpy(dev->mem_resource[bar].addr, &mark, sizeof(mark));
	if (seen.probes < PCITEST_MAX_SEEN) {
		snprintf(seen.names[seen.probes], RTE_DEV_NAME_MAX_LEN, "%s",
			dev->name);
		snprintf(seen.args[seen.probes], 64, "%s",
			da != NULL && da->args != NULL ? da->args : "");
	}
	seen.probes++;
	return 0;
}

static int
pcitest_remove(struct rte_pci_device *dev)
{
	(void)dev;
	seen.removes++;
	return 0;
}

static const struct rte_pci_id pcitest_ids[] = {
	{ RTE_PCI_DEVICE(0x1b36, 0x0005) },
	{ RTE_PCI_DEVICE(0x1b36, 0x0006) },
	{ .vendor_id = 0 },
};

static struct rte_pci_driver pcitest_driver = {
	.id_table = pcitest_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC |
		RTE_PCI_DRV_WC_ACTIVATE,
	.probe = pcitest_probe,
	.remove = pcitest_remove,
};

RTE_PMD_REGISTER_PCI(net_pcitest, pcitest_driver);
RTE_PMD_REGISTER_PCI_TABLE(net_pcitest, pcitest_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_pcitest, "* igb_uio | uio_pci_generic | vfio-pci");

static int
pciclass_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	(void)drv;
	(void)dev;
	seen.class_probes++;
	return 0;
}

static const struct rte_pci_id pciclass_ids[] = {
	{ .class_id = 0x020000,
		.vendor_id = 0x1234,
		.device_id = RTE_PCI_ANY_ID,
		.subsystem_vendor_id = RTE_PCI_ANY_ID,
		.subsystem_device_id = RTE_PCI_ANY_ID },
	{ .vendor_id = 0 },
};

static struct rte_pci_driver pciclass_driver = {
	.id_table = pciclass_ids,
	.probe = pciclass_probe,
	.remove = pcitest_remove,
};

RTE_PMD_REGISTER_PCI(net_pciclass, pciclass_driver);

static int
pcitest_name_is(const struct rte_device *dev, const void *name)
{
	return strcmp(rte_dev_name(dev), name);
}

/* The PCI device of that full name, NULL if the bus has none. */
static inline struct rte_pci_device *
pcitest_find(const char *name)
{
	struct rte_bus *bus = rte_bus_find_by_name("pci");
	struct rte_device *dev;

	if (bus == NULL)
		return NULL;
	dev = bus->find_device(NULL, pcitest_name_is, name);
	return dev != NULL ? RTE_DEV_TO_PCI(dev) : NULL;
}

static inline int
pcitest_count_fds(void)
{
	struct dirent *e;
	int n = 0;
	DIR *d = opendir("/proc/self/fd");

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* Lines of /proc/self/maps that mention text. */
static inline int
pcitest_count_maps(const char *text)
{
	char line[512];
	FILE *f = fopen("/proc/self/maps", "r");
	int n = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		n += strstr(line, text) != NULL;
	fclose(f);
	return n;
}

/*
 * In a child: rte_eal_init() with the devices of the tree, a hot-unplug
 * and re-plug of dev_name, rte_eal_cleanup(); then no fd more than before
 * and no leak. Returns 0 or the failed step.
 */
static inline int
pcitest_init_cleanup(void *dev_name)
{
	char *argv[] = { "test", "--no-huge", "-l", "0", NULL };
	struct rte_pci_device *dev;
	int fds = pcitest_count_fds();

	if (rte_eal_init(TEST_ARGC(argv), argv) < 0)
		return 1;
	dev = pcitest_find(dev_name);
	if (dev == NULL || !rte_dev_is_probed(&dev->device))
		return 2;
	if (rte_dev_remove(&dev->device) != 0 || rte_dev_probe(dev_name) != 0)
		return 3;
	if (rte_eal_cleanup() != 0)
		return 4;
	if (pcitest_count_fds() != fds)
		return 5;
	if (pcitest_count_maps("/tmp/pollux-pci-test.") != 0)
		return 6;
	return TEST_LEAKS_FOUND() ? 7 : 0;
}

/* Interrupt callbacks counted, and a bounded wait (2 s) for the count. */
static volatile int intr_count;

static inline void
intr_cb(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&intr_count, 1, __ATOMIC_RELEASE);
}

static inline bool
wait_intr(int want)
{
	struct timespec pause = { 0, 2000000 };
	int i;

	for (i = 0; i < 1000; i++) {
		if (__atomic_load_n(&intr_count, __ATOMIC_ACQUIRE) >= want)
			return true;
		nanosleep(&pause, NULL);
	}
	return false;
}

#endif /* PCI_TEST_H */
