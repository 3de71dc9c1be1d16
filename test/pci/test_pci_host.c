/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The one test that looks at the host's real PCI devices, read-only: the
 * EAL starts without --no-pci and without an allow list, with a driver
 * registered for virtio-net (1af4:1000 and 1af4:1041), on a host whose
 * own network runs on a virtio-net device bound to virtio-pci. The bus
 * must skip that device with one line, never probe it, never open a file
 * under /sys for writing (open() and fopen() are interposed to check),
 * map nothing of it, and leave its interface up as it was.
 *
 * Exits 77 when the host has no kernel-owned virtio-net device.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <cmocka.h>

#include <rte_bus.h>
#include <rte_eal.h>
#include <bus_driver.h>
#include <bus_pci_driver.h>

#include "test_helpers.h"
#include "../eal/eal_test_run.h"

#define SYSFS_PCI "/sys/bus/pci/devices"

/* sysfs names are short: GCC's worst-case truncation warnings do not apply. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

/* Opens of /sys files, seen by the interposed calls: for writing (must
 * stay 0) and in all (must not: proves the interposition works). */
static int sys_write_opens, sys_opens;

static void
note_open(const char *path, bool write)
{
	if (path == NULL || strncmp(path, "/sys/", 5) != 0)
		return;
	__atomic_fetch_add(&sys_opens, 1, __ATOMIC_RELAXED);
	if (write)
		__atomic_fetch_add(&sys_write_opens, 1, __ATOMIC_RELAXED);
}

/* The executable's open() and fopen() take the place of libc's for every
 * object linked into it, libpollux.a's included (built, like this file,
 * with _FILE_OFFSET_BITS=64: both name the same symbol, open64 or open). */
int
open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0;
	va_end(ap);
	note_open(path, (flags & O_ACCMODE) != O_RDONLY);
	return (int)syscall(SYS_openat, AT_FDCWD, path, flags, mode);
}

FILE *
fopen(const char *path, const char *mode)
{
	int flags = strpbrk(mode, "wa+") != NULL ? O_RDWR | O_CREAT : O_RDONLY;
	int fd;
	FILE *f;

	if (strchr(mode, 'a') != NULL)
		flags |= O_APPEND;
	else if (strchr(mode, 'w') != NULL)
		flags |= O_TRUNC;
	fd = open(path, flags | O_CLOEXEC, 0666);
	if (fd < 0)
		return NULL;
	f = fdopen(fd,
		mode[0] == 'r' && strchr(mode, '+') == NULL ? "r" :
			mode[0] == 'a'			    ? "a+" :
							      "r+");
	if (f == NULL)
		close(fd);
	return f;
}

static int probes;

static int
host_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	(void)drv;
	(void)dev;
	probes++;
	return 0;
}

static const struct rte_pci_id host_ids[] = {
	{ RTE_PCI_DEVICE(0x1af4, 0x1000) },
	{ RTE_PCI_DEVICE(0x1af4, 0x1041) },
	{ .vendor_id = 0 },
};

static struct rte_pci_driver host_driver = {
	.id_table = host_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
	.probe = host_probe,
};

RTE_PMD_REGISTER_PCI(net_hosttest, host_driver);

struct host_nic {
	char addr[32];
	char ifname[64];
	char kdrv[64];
	unsigned int id;
};

static bool
read_first_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	bool ok;

	if (f == NULL)
		return false;
	ok = fgets(buf, (int)size, f) != NULL;
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

/* The net interface under a virtio device: virtioN/net/IFNAME. */
static bool
find_ifname(const char *addr, char *ifname, size_t size)
{
	char path[PATH_MAX];
	struct dirent *e, *n;
	DIR *d, *nd;
	bool found = false;

	snprintf(path, sizeof(path), SYSFS_PCI "/%s", addr);
	d = opendir(path);
	if (d == NULL)
		return false;
	while (!found && (e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "virtio", 6) != 0)
			continue;
		snprintf(path, sizeof(path), SYSFS_PCI "/%s/%s/net", addr,
			e->d_name);
		nd = opendir(path);
		if (nd == NULL)
			continue;
		while ((n = readdir(nd)) != NULL && !found) {
			if (n->d_name[0] == '.')
				continue;
			snprintf(ifname, size, "%s", n->d_name);
			found = true;
		}
		closedir(nd);
	}
	closedir(d);
	return found;
}

/* A virtio-net device bound to a kernel driver, with its interface. */
static bool
find_host_nic(struct host_nic *nic)
{
	char path[PATH_MAX], vendor[16], device[16], link[PATH_MAX];
	struct dirent *e;
	DIR *d = opendir(SYSFS_PCI);
	ssize_t n;
	bool found = false;

	if (d == NULL)
		return false;
	while (!found && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), SYSFS_PCI "/%s/vendor", e->d_name);
		if (!read_first_line(path, vendor, sizeof(vendor)) ||
			strcmp(vendor, "0x1af4") != 0)
			continue;
		snprintf(path, sizeof(path), SYSFS_PCI "/%s/device", e->d_name);
		if (!read_first_line(path, device, sizeof(device)) ||
			(strcmp(device, "0x1041") != 0 &&
				strcmp(device, "0x1000") != 0))
			continue;
		snprintf(path, sizeof(path), SYSFS_PCI "/%s/driver", e->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = '\0';
		snprintf(nic->kdrv, sizeof(nic->kdrv), "%s",
			strrchr(link, '/') + 1);
		if (strcmp(nic->kdrv, "vfio-pci") == 0 ||
			strstr(nic->kdrv, "uio") != NULL)
			continue;
		snprintf(nic->addr, sizeof(nic->addr), "%s", e->d_name);
		nic->id = (unsigned int)strtoul(device, NULL, 16);
		found = find_ifname(nic->addr, nic->ifname, sizeof(nic->ifname));
	}
	closedir(d);
	return found;
}

static bool
iface_state(const char *ifname, char *operstate, size_t size,
	unsigned long *flags)
{
	char path[PATH_MAX], buf[32];

	snprintf(path, sizeof(path), "/sys/class/net/%s/operstate", ifname);
	if (!read_first_line(path, operstate, size))
		return false;
	snprintf(path, sizeof(path), "/sys/class/net/%s/flags", ifname);
	if (!read_first_line(path, buf, sizeof(buf)))
		return false;
	*flags = strtoul(buf, NULL, 16);
	return true;
}

static struct host_nic nic;

static int
name_is(const struct rte_device *dev, const void *name)
{
	return strcmp(rte_dev_name(dev), name);
}

static int
check_skipped(int argc, char **argv, int consumed)
{
	struct rte_bus *bus = rte_bus_find_by_name("pci");
	struct rte_device *dev;
	struct rte_pci_device *pci;
	char maps_line[512];
	FILE *maps;
	int i;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (bus == NULL || !rte_eal_has_pci())
		return 1;
	dev = bus->find_device(NULL, name_is, nic.addr);
	if (dev == NULL)
		return 2; /* the scan did not see it */
	pci = RTE_DEV_TO_PCI(dev);
	if (probes != 0 || rte_dev_is_probed(dev) || pci->driver != NULL)
		return 3;
	for (i = 0; i < PCI_MAX_RESOURCE; i++)
		if (pci->mem_resource[i].addr != NULL)
			return 4;
	if (pci->kdrv != RTE_PCI_KDRV_UNKNOWN)
		return 5;
	maps = fopen("/proc/self/maps", "r");
	if (maps == NULL)
		return 6;
	while (fgets(maps_line, sizeof(maps_line), maps) != NULL)
		if (strstr(maps_line, "/sys/") != NULL) {
			fclose(maps);
			return 7;
		}
	fclose(maps);
	if (__atomic_load_n(&sys_opens, __ATOMIC_RELAXED) == 0)
		return 8; /* the bus's reads went around the check */
	return __atomic_load_n(&sys_write_opens, __ATOMIC_RELAXED) != 0 ? 9 : 0;
}

static void
test_host_nic_skipped(void **state)
{
	char before[32], after[32], line[256];
	unsigned long flags_before, flags_after;
	struct eal_run r;

	(void)state;
	assert_true(
		iface_state(nic.ifname, before, sizeof(before), &flags_before));
	unsetenv("POLLUX_SYSFS_PCI");
	unsetenv("POLLUX_DEV_DIR");
	/* The child starts counting from here. */
	sys_opens = sys_write_opens = 0;
	eal_run("--no-huge -l 0", check_skipped, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
	/* The first registered driver for the id names itself (the virtio
	 * PMD, when it is built in, may come before net_hosttest). */
	snprintf(line, sizeof(line), "%s (1af4:%04x) skipped for driver ",
		nic.addr, nic.id);
	if (strstr(r.err_text, line) == NULL)
		fail_msg("want \"%s\" in: %s", line, r.err_text);
	snprintf(line, sizeof(line),
		": kernel driver %s owns it, so it is "
		"left alone",
		nic.kdrv);
	if (strstr(r.err_text, line) == NULL)
		fail_msg("want \"%s\" in: %s", line, r.err_text);
	assert_true(iface_state(nic.ifname, after, sizeof(after), &flags_after));
	assert_string_equal(before, after);
	assert_int_equal(flags_before, flags_after);
	assert_true(flags_after & 0x1); /* IFF_UP */
	print_message("%s (%s, %s) skipped; interface %s still %s\n", nic.addr,
		nic.kdrv, nic.ifname, nic.ifname, after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_host_nic_skipped),
	};
	char operstate[32];
	unsigned long flags;

	if (!find_host_nic(&nic))
		return test_skip(
			"no virtio-net device bound to a kernel driver "
			"with an interface on this host");
	if (!iface_state(nic.ifname, operstate, sizeof(operstate), &flags) ||
		!(flags & 0x1))
		return test_skip("the host's virtio-net interface is not up");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
