/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Configuration space: through the VFIO config region (vfio-pci), the
 * sysfs config file held open by the mapping (UIO, fake devices), or the
 * sysfs config file opened for the one access (a device not mapped).
 * Writes to a device a kernel driver owns are refused.
 *
 * PCI Local Bus 3.0: 6.2.2 Command register; PCI Express Base 3.0: 7.9
 * extended capabilities (a chain of 32-bit headers from offset 0x100).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <linux/vfio.h>

#include <rte_common.h>

#include "pci_private.h"

#define PCI_EXT_CAP_START     0x100
#define PCI_PASID_CTRL_ENABLE 0x1

/* An fd and the offset of configuration space in it; *own if opened. */
static int
config_fd_get(const struct pci_device *pdev, bool write, off_t *base, bool *own)
{
	char path[PATH_MAX];
	int fd;

	*own = false;
	*base = 0;
	if (pdev->vfio_dev_fd >= 0) {
		*base = (off_t)pdev
				->vfio_region_offset[VFIO_PCI_CONFIG_REGION_INDEX];
		return pdev->vfio_dev_fd;
	}
	if (pdev->config_fd >= 0)
		return pdev->config_fd;
	if (write && !pci_kdrv_is_user(pdev->pub.kdrv)) {
		PCI_LOG(ERR,
			"%s: configuration space not written: kernel driver "
			"%s owns the device\n",
			pdev->pub.name, pci_kdrv_name(pdev));
		return -EPERM;
	}
	if (pci_sysfs_path(path, sizeof(path), pdev, "config") < 0)
		return -ENAMETOOLONG;
	fd = open(path, (write ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (fd < 0) {
		fd = -errno;
		PCI_LOG(ERR, "%s: cannot open %s: %s%s\n", pdev->pub.name, path,
			strerror(-fd), fd == -EACCES ? " (run as root)" : "");
		return fd;
	}
	*own = true;
	return fd;
}

static int
config_access(const struct rte_pci_device *device, void *buf, size_t len,
	off_t offset, bool write)
{
	const struct pci_device *pdev;
	off_t base;
	ssize_t n;
	bool own;
	int fd;

	if (device == NULL || buf == NULL || offset < 0 ||
		len > RTE_PCI_CFG_SPACE_EXP_SIZE)
		return -EINVAL;
	pdev = PCI_PRIV_CONST(device);
	fd = config_fd_get(pdev, write, &base, &own);
	if (fd < 0)
		return fd;
	if (write)
		n = pwrite(fd, buf, len, base + offset);
	else
		n = pread(fd, buf, len, base + offset);
	if (n < 0)
		n = -errno;
	if (own)
		close(fd);
	if (n < 0)
		PCI_LOG(ERR,
			"%s: cannot %s %zu bytes of configuration space at "
			"%#llx: %s\n",
			device->name, write ? "write" : "read", len,
			(unsigned long long)offset, strerror((int)-n));
	return (int)n;
}

int
rte_pci_read_config(const struct rte_pci_device *device, void *buf, size_t len,
	off_t offset)
{
	return config_access(device, buf, len, offset, false);
}

int
rte_pci_write_config(const struct rte_pci_device *device, const void *buf,
	size_t len, off_t offset)
{
	return config_access(device, (void *)(uintptr_t)buf, len, offset, true);
}

/* Read-modify-write of the Command register: 0 or -errno. */
int
pci_config_command_update(struct rte_pci_device *dev, uint16_t set,
	uint16_t clear)
{
	uint16_t command, updated;
	int ret;

	ret = rte_pci_read_config(dev, &command, sizeof(command),
		RTE_PCI_COMMAND);
	if (ret != sizeof(command))
		return ret < 0 ? ret : -EIO;
	updated = (uint16_t)((command | set) & ~clear);
	if (updated == command)
		return 0;
	ret = rte_pci_write_config(dev, &updated, sizeof(updated),
		RTE_PCI_COMMAND);
	if (ret != sizeof(updated))
		return ret < 0 ? ret : -EIO;
	return 0;
}

int
rte_pci_set_bus_master(struct rte_pci_device *dev, bool enable)
{
	if (dev == NULL)
		return -1;
	if (pci_config_command_update(dev, enable ? RTE_PCI_COMMAND_MASTER : 0,
		    enable ? 0 : RTE_PCI_COMMAND_MASTER) < 0)
		return -1;
	return 0;
}

off_t
rte_pci_find_ext_capability(struct rte_pci_device *dev, uint32_t cap)
{
	off_t offset = PCI_EXT_CAP_START;
	/* Each header is at least 4 bytes: this bounds a looping chain. */
	int ttl = (RTE_PCI_CFG_SPACE_EXP_SIZE - PCI_EXT_CAP_START) / 4;
	uint32_t header;
	int ret;

	if (dev == NULL)
		return -1;
	while (ttl-- > 0) {
		ret = rte_pci_read_config(dev, &header, sizeof(header), offset);
		/* Nothing past 256 bytes: conventional configuration space. */
		if (ret == 0 && offset == PCI_EXT_CAP_START)
			return 0;
		if (ret != sizeof(header))
			return -1;
		/* No extended capabilities: the header reads as 0 (or all
		 * ones on a device with 256 bytes of config space). */
		if (header == 0 || header == UINT32_MAX)
			return 0;
		if (RTE_PCI_EXT_CAP_ID(header) == cap)
			return offset;
		offset = RTE_PCI_EXT_CAP_NEXT(header);
		if (offset < PCI_EXT_CAP_START)
			return 0;
	}
	return 0;
}

int
rte_pci_pasid_set_state(const struct rte_pci_device *dev, off_t offset,
	bool enable)
{
	uint16_t control;

	if (dev == NULL || offset < PCI_EXT_CAP_START)
		return -EINVAL;
	if (rte_pci_read_config(dev, &control, sizeof(control),
		    offset + RTE_PCI_PASID_CTRL) != sizeof(control))
		return -EIO;
	if (enable)
		control |= PCI_PASID_CTRL_ENABLE;
	else
		control &= (uint16_t)~PCI_PASID_CTRL_ENABLE;
	if (rte_pci_write_config(dev, &control, sizeof(control),
		    offset + RTE_PCI_PASID_CTRL) != sizeof(control))
		return -EIO;
	return 0;
}
