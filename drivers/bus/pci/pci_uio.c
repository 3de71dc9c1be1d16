/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Devices bound to uio_pci_generic or igb_uio, and the fake devices of a
 * POLLUX_SYSFS_PCI tree (doc/testing.md), which look like the former.
 *
 *   memory BAR N   mmap of sysfs resourceN (MAP_SHARED); the size comes
 *                  from fstat(), since lseek(SEEK_END) gives 0 on sysfs
 *   I/O BAR N      left to rte_pci_ioport_*() (pread/pwrite of resourceN)
 *   config         sysfs config, held open read-write
 *   interrupts     /dev/uioN: a 4-byte count per interrupt (INTx);
 *                  uio_pci_generic masks INTx in its handler, and
 *                  rte_intr_enable() clears PCI_COMMAND.INTX_DISABLE
 *                  through config; igb_uio is re-armed by writing 1.
 *                  Fake devices may add pollux-msix/N FIFOs (MSI-X).
 *
 * Documentation/driver-api/uio-howto.rst; PCI Local Bus 3.0, 6.2.2.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <rte_common.h>

#include "pci_private.h"

static int
open_logged(const struct pci_device *pdev, const char *path, int flags,
	const char *hint)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	fd = -errno;
	PCI_LOG(ERR, "%s: cannot open %s: %s%s\n", pdev->pub.name, path,
		strerror(-fd),
		fd == -EACCES || fd == -EPERM ? " (run as root)" :
			fd == -ENOENT	      ? hint :
						"");
	return fd;
}

/* Write combining where the driver asks for it (RTE_PCI_DRV_WC_ACTIVATE)
 * and the BAR is prefetchable, as Linux offers resourceN_wc only then. */
static bool
want_write_combining(const struct pci_device *pdev, int bar)
{
	const struct rte_pci_driver *driver = pdev->pub.driver;

	return driver != NULL &&
		(driver->drv_flags & RTE_PCI_DRV_WC_ACTIVATE) &&
		(pdev->bar_flags[bar] & PCI_IORESOURCE_PREFETCH);
}

/* Maps memory BAR bar: 0 or -errno, one line on failure. */
static int
map_bar(struct pci_device *pdev, int bar)
{
	struct rte_mem_resource *res = &pdev->pub.mem_resource[bar];
	char path[PATH_MAX], file[32];
	struct stat st;
	void *addr;
	int fd, ret = 0;

	snprintf(file, sizeof(file), "resource%d", bar);
	if (want_write_combining(pdev, bar)) {
		/* resourceN_wc: the same BAR, mapped write-combining. */
		snprintf(file, sizeof(file), "resource%d_wc", bar);
		if (pci_sysfs_path(path, sizeof(path), pdev, file) < 0 ||
			access(path, F_OK) != 0)
			snprintf(file, sizeof(file), "resource%d", bar);
	}
	if (pci_sysfs_path(path, sizeof(path), pdev, file) < 0)
		return -ENAMETOOLONG;
	fd = open_logged(pdev, path, O_RDWR, "");
	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0 || (uint64_t)st.st_size < res->len) {
		PCI_LOG(ERR,
			"%s: BAR %d not mappable: %s is %lld bytes, the BAR "
			"%llu\n",
			pdev->pub.name, bar, path, (long long)st.st_size,
			(unsigned long long)res->len);
		ret = -EINVAL;
		goto out;
	}
	addr = mmap(NULL, res->len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (addr == MAP_FAILED) {
		ret = -errno;
		PCI_LOG(ERR, "%s: BAR %d not mappable: mmap of %s failed: %s\n",
			pdev->pub.name, bar, path, strerror(-ret));
		goto out;
	}
	res->addr = addr;
out:
	close(fd);
	return ret;
}

static void
unmap_bars(struct pci_device *pdev)
{
	struct rte_mem_resource *res;
	int i;

	for (i = 0; i < PCI_MAX_RESOURCE; i++) {
		res = &pdev->pub.mem_resource[i];
		if (res->addr != NULL)
			munmap(res->addr, res->len);
		res->addr = NULL;
	}
}

static int
map_bars(struct pci_device *pdev)
{
	int i, ret;

	for (i = 0; i < PCI_MAX_RESOURCE; i++) {
		if (pdev->pub.mem_resource[i].len == 0 ||
			!(pdev->bar_flags[i] & PCI_IORESOURCE_MEM))
			continue;
		ret = map_bar(pdev, i);
		if (ret < 0) {
			unmap_bars(pdev);
			return ret;
		}
	}
	return 0;
}

static void
close_msix_fifos(struct pci_device *pdev)
{
	while (pdev->nb_msix_fds > 0)
		close(pdev->msix_fds[--pdev->nb_msix_fds]);
}

/* Fake MSI-X: pollux-msix/0, 1, ... (doc/testing.md); 0 when absent. */
static int
open_msix_fifos(struct pci_device *pdev)
{
	char path[PATH_MAX], file[64];
	int fd;

	while (pdev->nb_msix_fds < (int)RTE_DIM(pdev->msix_fds)) {
		snprintf(file, sizeof(file), "pollux-msix/%d",
			pdev->nb_msix_fds);
		if (pci_sysfs_path(path, sizeof(path), pdev, file) < 0 ||
			access(path, F_OK) != 0)
			break;
		/* Read-write: the FIFO never reports end of file, even when
		 * the model has not opened it yet or has closed it. */
		fd = open_logged(pdev, path, O_RDWR | O_NONBLOCK, "");
		if (fd < 0) {
			close_msix_fifos(pdev);
			return fd;
		}
		pdev->msix_fds[pdev->nb_msix_fds++] = fd;
	}
	return 0;
}

static int
setup_intr(struct pci_device *pdev)
{
	struct rte_intr_handle *handle = pdev->pub.intr_handle;
	int ret;

	if (pdev->fake) {
		ret = open_msix_fifos(pdev);
		if (ret < 0)
			return ret;
	}
	if (pdev->nb_msix_fds > 0) {
		if (rte_intr_fd_set(handle, pdev->msix_fds[0]) < 0 ||
			rte_intr_type_set(handle, RTE_INTR_HANDLE_VFIO_MSIX) <
				0 ||
			rte_intr_fixed_vectors_set(handle, &pdev->msix_fds[1],
				pdev->nb_msix_fds - 1) < 0) {
			close_msix_fifos(pdev);
			return -EINVAL;
		}
		return 0;
	}
	if (rte_intr_fd_set(handle, pdev->uio_fd) < 0 ||
		rte_intr_dev_fd_set(handle, pdev->config_fd) < 0 ||
		rte_intr_type_set(handle,
			pdev->pub.kdrv == RTE_PCI_KDRV_IGB_UIO ?
				RTE_INTR_HANDLE_UIO :
				RTE_INTR_HANDLE_UIO_INTX) < 0)
		return -EINVAL;
	return 0;
}

/* A fresh handle: the driver's settings (vectors) go with the mapping. */
static void
reset_intr(struct pci_device *pdev)
{
	/* Rx vectors the driver left enabled (not the FIFOs: ours). */
	rte_intr_efd_disable(pdev->pub.intr_handle);
	rte_intr_instance_free(pdev->pub.intr_handle);
	pdev->pub.intr_handle = rte_intr_instance_alloc(
		RTE_INTR_INSTANCE_F_PRIVATE);
}

static int
open_uio(struct pci_device *pdev)
{
	char path[PATH_MAX], hint[160];

	if (pdev->uio_num < 0) {
		PCI_LOG(ERR,
			"%s: bound to %s but has no uio/uioN directory: "
			"unbind and bind it again (pollux-devbind.py)\n",
			pdev->pub.name, pdev->kernel_driver);
		return -ENODEV;
	}
	snprintf(path, sizeof(path), "%s/uio%d", pci_dev_dir(), pdev->uio_num);
	snprintf(hint, sizeof(hint),
		" (is the uio module loaded? modprobe "
		"%s)",
		pdev->kernel_driver);
	pdev->uio_fd = open_logged(pdev, path, O_RDWR | O_NONBLOCK, hint);
	return pdev->uio_fd < 0 ? pdev->uio_fd : 0;
}

int
pci_uio_map(struct pci_device *pdev)
{
	char path[PATH_MAX];
	int ret;

	ret = open_uio(pdev);
	if (ret < 0)
		goto fail;
	if (pci_sysfs_path(path, sizeof(path), pdev, "config") < 0) {
		ret = -ENAMETOOLONG;
		goto fail_uio;
	}
	pdev->config_fd = open_logged(pdev, path, O_RDWR, "");
	if (pdev->config_fd < 0) {
		ret = pdev->config_fd;
		goto fail_uio;
	}
	ret = map_bars(pdev);
	if (ret < 0)
		goto fail_config;
	/* Neither uio driver turns on bus mastering (needed for DMA). */
	ret = pci_config_command_update(&pdev->pub,
		PCI_COMMAND_MEMORY | RTE_PCI_COMMAND_MASTER, 0);
	if (ret < 0)
		goto fail_bars;
	ret = setup_intr(pdev);
	if (ret < 0)
		goto fail_master;
	return 0;

fail_master:
	pci_config_command_update(&pdev->pub, 0, RTE_PCI_COMMAND_MASTER);
fail_bars:
	unmap_bars(pdev);
fail_config:
	close(pdev->config_fd);
	pdev->config_fd = -1;
fail_uio:
	close(pdev->uio_fd);
	pdev->uio_fd = -1;
fail:
	return ret;
}

void
pci_uio_unmap(struct pci_device *pdev)
{
	/* No more DMA into memory that may be freed from now on. */
	pci_config_command_update(&pdev->pub, 0, RTE_PCI_COMMAND_MASTER);
	reset_intr(pdev);
	close_msix_fifos(pdev);
	unmap_bars(pdev);
	close(pdev->config_fd);
	pdev->config_fd = -1;
	close(pdev->uio_fd);
	pdev->uio_fd = -1;
}
