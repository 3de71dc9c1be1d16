/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_pci_ioport_*(): access to a BAR by offset, for drivers of devices
 * with I/O port BARs (legacy virtio).
 *
 * An I/O BAR is reached with pread/pwrite: on sysfs resourceN (UIO, fake
 * devices) or on the VFIO device fd at the region's offset. Each access
 * has the register's natural width (4, 2 or 1 bytes, as the offset's
 * alignment and the length allow), since an I/O port read of the wrong
 * width returns something else. No in/out instructions, no iopl().
 * A memory BAR is reached through its mapping, with the same widths.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>

#include "pci_private.h"

struct pci_ioport_priv {
	int fd;			/* I/O BAR: file or VFIO device fd, else -1 */
	bool own_fd;		/* fd opened for this port */
	off_t offset;		/* of the BAR in fd */
	volatile uint8_t *addr; /* memory BAR: its mapping */
};

static int
ioport_open_io(struct pci_device *pdev, int bar, struct pci_ioport_priv *io)
{
	char path[PATH_MAX], file[32];

	if (pdev->vfio_dev_fd >= 0) {
		io->fd = pdev->vfio_dev_fd;
		io->offset = (off_t)pdev->vfio_region_offset[bar];
		return 0;
	}
	if (pdev->pub.kdrv == RTE_PCI_KDRV_VFIO) {
		PCI_LOG(ERR,
			"%s: I/O BAR %d: map the device first "
			"(RTE_PCI_DRV_NEED_MAPPING)\n",
			pdev->pub.name, bar);
		return -ENODEV;
	}
	snprintf(file, sizeof(file), "resource%d", bar);
	if (pci_sysfs_path(path, sizeof(path), pdev, file) < 0)
		return -ENAMETOOLONG;
	io->fd = open(path, O_RDWR | O_CLOEXEC);
	if (io->fd < 0) {
		PCI_LOG(ERR, "%s: I/O BAR %d: cannot open %s: %s\n",
			pdev->pub.name, bar, path, strerror(errno));
		return -errno;
	}
	io->own_fd = true;
	io->offset = 0;
	return 0;
}

static int
ioport_check(struct rte_pci_device *dev, int bar, struct rte_pci_ioport *p)
{
	const struct pci_device *pdev;

	if (dev == NULL || p == NULL || bar < 0 || bar >= PCI_MAX_RESOURCE) {
		PCI_LOG(ERR,
			"rte_pci_ioport_map(): bad device, port or BAR %d\n",
			bar);
		return -EINVAL;
	}
	pdev = PCI_PRIV(dev);
	if (!pci_kdrv_is_user(dev->kdrv)) {
		PCI_LOG(ERR,
			"%s: BAR %d not opened: kernel driver %s owns the "
			"device\n",
			dev->name, bar, pci_kdrv_name(pdev));
		return -EPERM;
	}
	if (dev->mem_resource[bar].len == 0) {
		PCI_LOG(ERR, "%s: BAR %d is not implemented\n", dev->name, bar);
		return -EINVAL;
	}
	return 0;
}

int
rte_pci_ioport_map(struct rte_pci_device *dev, int bar, struct rte_pci_ioport *p)
{
	struct pci_ioport_priv *io;
	struct pci_device *pdev;
	int ret = ioport_check(dev, bar, p);

	if (ret < 0)
		return ret;
	pdev = PCI_PRIV(dev);
	io = calloc(1, sizeof(*io));
	if (io == NULL)
		return -ENOMEM;
	io->fd = -1;
	if (pdev->bar_flags[bar] & PCI_IORESOURCE_IO) {
		ret = ioport_open_io(pdev, bar, io);
	} else if (dev->mem_resource[bar].addr != NULL) {
		io->addr = dev->mem_resource[bar].addr;
	} else {
		PCI_LOG(ERR,
			"%s: memory BAR %d is not mapped: map the device "
			"first (RTE_PCI_DRV_NEED_MAPPING)\n",
			dev->name, bar);
		ret = -ENODEV;
	}
	if (ret < 0) {
		free(io);
		return ret;
	}
	p->dev = dev;
	p->base = (uint64_t)(uintptr_t)io;
	p->len = dev->mem_resource[bar].len;
	return 0;
}

int
rte_pci_ioport_unmap(struct rte_pci_ioport *p)
{
	struct pci_ioport_priv *io;

	if (p == NULL || p->base == 0)
		return -EINVAL;
	io = (struct pci_ioport_priv *)(uintptr_t)p->base;
	if (io->own_fd)
		close(io->fd);
	free(io);
	p->base = 0;
	return 0;
}

/* The widest natural access at offset that fits in len. */
static size_t
access_width(size_t len, off_t offset)
{
	if (len >= 4 && (offset & 3) == 0)
		return 4;
	if (len >= 2 && (offset & 1) == 0)
		return 2;
	return 1;
}

static void
mem_access(volatile uint8_t *reg, uint8_t *buf, size_t width, bool write)
{
	uint32_t v32;
	uint16_t v16;

	switch (width) {
	case 4:
		if (write) {
			memcpy(&v32, buf, 4);
			*(volatile uint32_t *)reg = v32;
		} else {
			v32 = *(volatile uint32_t *)reg;
			memcpy(buf, &v32, 4);
		}
		break;
	case 2:
		if (write) {
			memcpy(&v16, buf, 2);
			*(volatile uint16_t *)reg = v16;
		} else {
			v16 = *(volatile uint16_t *)reg;
			memcpy(buf, &v16, 2);
		}
		break;
	default:
		if (write)
			*reg = *buf;
		else
			*buf = *reg;
	}
}

static void
ioport_access(struct rte_pci_ioport *p, uint8_t *buf, size_t len, off_t offset,
	bool write)
{
	struct pci_ioport_priv *io;
	size_t width;
	ssize_t n;

	if (p == NULL || p->base == 0 || buf == NULL || offset < 0 ||
		(uint64_t)offset + len > p->len) {
		PCI_LOG(ERR, "rte_pci_ioport_%s(): bad port, buffer or range\n",
			write ? "write" : "read");
		return;
	}
	io = (struct pci_ioport_priv *)(uintptr_t)p->base;
	while (len > 0) {
		width = access_width(len, offset);
		if (io->addr != NULL) {
			mem_access(io->addr + offset, buf, width, write);
		} else {
			n = write ?
				pwrite(io->fd, buf, width, io->offset + offset) :
				pread(io->fd, buf, width, io->offset + offset);
			if (n != (ssize_t)width) {
				PCI_LOG(ERR,
					"%s: I/O port %s at %#llx failed: %s\n",
					p->dev->name, write ? "write" : "read",
					(unsigned long long)offset,
					n < 0 ? strerror(errno) : "short");
				return;
			}
		}
		buf += width;
		offset += (off_t)width;
		len -= width;
	}
}

void
rte_pci_ioport_read(struct rte_pci_ioport *p, void *data, size_t len,
	off_t offset)
{
	ioport_access(p, data, len, offset, false);
}

void
rte_pci_ioport_write(struct rte_pci_ioport *p, const void *data, size_t len,
	off_t offset)
{
	ioport_access(p, (uint8_t *)(uintptr_t)data, len, offset, true);
}
