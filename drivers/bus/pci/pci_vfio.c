/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * A device bound to vfio-pci (include/uapi/linux/vfio.h): its regions
 * (BAR 0-5, config 7), mapped where the kernel allows (MMAP flag, or the
 * sparse areas around an MSI-X table) and left to pread/pwrite where it
 * does not (I/O BARs); its interrupt (MSI-X, else MSI, else INTx, each an
 * eventfd, driven by rte_intr_enable()); its reset on close.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/vfio.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "pci_private.h"

#define VFIO_NB_REGIONS (VFIO_PCI_CONFIG_REGION_INDEX + 1)

/* Region info with room for capabilities (sparse mmap areas). */
static struct vfio_region_info *
region_info_get(const struct pci_device *pdev, uint32_t index)
{
	struct vfio_region_info *info;
	uint32_t argsz = sizeof(*info);

	for (;;) {
		info = calloc(1, argsz);
		if (info == NULL)
			return NULL;
		info->argsz = argsz;
		info->index = index;
		if (ioctl(pdev->vfio_dev_fd, VFIO_DEVICE_GET_REGION_INFO,
			    info) < 0) {
			free(info);
			return NULL;
		}
		if (info->argsz <= argsz)
			return info;
		argsz = info->argsz; /* the capabilities need more room */
		free(info);
	}
}

/* The sparse-mmap capability of a region, or NULL. */
static const struct vfio_region_info_cap_sparse_mmap *
sparse_cap(const struct vfio_region_info *info)
{
	const struct vfio_info_cap_header *hdr;
	uint32_t offset;

	if (!(info->flags & VFIO_REGION_INFO_FLAG_CAPS))
		return NULL;
	for (offset = info->cap_offset;
		offset != 0 && offset + sizeof(*hdr) <= info->argsz;
		offset = hdr->next) {
		hdr = RTE_PTR_ADD(info, offset);
		if (hdr->id == VFIO_REGION_INFO_CAP_SPARSE_MMAP)
			return (const void *)hdr;
	}
	return NULL;
}

/* Maps the sparse areas of a BAR inside a reserved range (the parts
 * in between, the MSI-X table, stay inaccessible). */
static void *
map_sparse(struct pci_device *pdev, int bar,
	const struct vfio_region_info_cap_sparse_mmap *sparse)
{
	uint64_t size = pdev->vfio_region_size[bar];
	void *base, *area;
	uint32_t i;

	base = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	for (i = 0; i < sparse->nr_areas; i++) {
		if (sparse->areas[i].size == 0)
			continue;
		area = mmap(RTE_PTR_ADD(base, sparse->areas[i].offset),
			sparse->areas[i].size, PROT_READ | PROT_WRITE,
			MAP_SHARED | MAP_FIXED, pdev->vfio_dev_fd,
			(off_t)(pdev->vfio_region_offset[bar] +
				sparse->areas[i].offset));
		if (area == MAP_FAILED) {
			munmap(base, size);
			return NULL;
		}
	}
	pdev->vfio_bar_reserved[bar] = base;
	return base;
}

static int
map_region(struct pci_device *pdev, int bar, const struct vfio_region_info *info)
{
	const struct vfio_region_info_cap_sparse_mmap *sparse;
	void *addr;

	if (!(info->flags & VFIO_REGION_INFO_FLAG_MMAP) ||
		(pdev->bar_flags[bar] & PCI_IORESOURCE_IO)) {
		PCI_LOG(DEBUG,
			"%s: BAR %d not mmap'able: reached through "
			"rte_pci_ioport_*() (pread/pwrite)\n",
			pdev->pub.name, bar);
		return 0;
	}
	addr = mmap(NULL, info->size, PROT_READ | PROT_WRITE, MAP_SHARED,
		pdev->vfio_dev_fd, (off_t)info->offset);
	if (addr == MAP_FAILED) {
		/* Older kernels refuse a BAR holding the MSI-X table. */
		sparse = sparse_cap(info);
		addr = sparse != NULL ? map_sparse(pdev, bar, sparse) : NULL;
		if (addr == NULL) {
			PCI_LOG(ERR,
				"%s: BAR %d not mappable through VFIO: %s\n",
				pdev->pub.name, bar, strerror(errno));
			return -EINVAL;
		}
	}
	pdev->pub.mem_resource[bar].addr = addr;
	pdev->pub.mem_resource[bar].len = info->size;
	return 0;
}

static void
unmap_regions(struct pci_device *pdev)
{
	struct rte_mem_resource *res;
	int i;

	for (i = 0; i < PCI_MAX_RESOURCE; i++) {
		res = &pdev->pub.mem_resource[i];
		if (res->addr != NULL)
			munmap(res->addr, pdev->vfio_region_size[i]);
		res->addr = NULL;
		pdev->vfio_bar_reserved[i] = NULL;
	}
}

static int
map_regions(struct pci_device *pdev, uint32_t nb_regions)
{
	struct vfio_region_info *info;
	uint32_t i;
	int ret = 0;

	for (i = 0; i < RTE_MIN(nb_regions, (uint32_t)VFIO_NB_REGIONS); i++) {
		info = region_info_get(pdev, i);
		if (info == NULL)
			continue; /* ROM, VGA: not every device has them */
		pdev->vfio_region_offset[i] = info->offset;
		pdev->vfio_region_size[i] = info->size;
		pdev->vfio_region_flags[i] = info->flags;
		if (i < PCI_MAX_RESOURCE && info->size > 0)
			ret = map_region(pdev, (int)i, info);
		free(info);
		if (ret < 0) {
			unmap_regions(pdev);
			return ret;
		}
	}
	if (!(pdev->vfio_region_flags[VFIO_PCI_CONFIG_REGION_INDEX] &
		    VFIO_REGION_INFO_FLAG_READ)) {
		PCI_LOG(ERR, "%s: VFIO gives no configuration space region\n",
			pdev->pub.name);
		unmap_regions(pdev);
		return -EIO;
	}
	return 0;
}

/* The first of MSI-X, MSI and INTx the device has: an eventfd for it. */
static int
setup_intr(struct pci_device *pdev, uint32_t nb_irqs)
{
	static const struct {
		uint32_t index;
		enum rte_intr_handle_type type;
	} kinds[] = {
		{ VFIO_PCI_MSIX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSIX },
		{ VFIO_PCI_MSI_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSI },
		{ VFIO_PCI_INTX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_LEGACY },
	};
	struct rte_intr_handle *handle = pdev->pub.intr_handle;
	struct vfio_irq_info irq;
	unsigned int i;
	int fd;

	for (i = 0; i < RTE_DIM(kinds); i++) {
		memset(&irq, 0, sizeof(irq));
		irq.argsz = sizeof(irq);
		irq.index = kinds[i].index;
		if (irq.index >= nb_irqs ||
			ioctl(pdev->vfio_dev_fd, VFIO_DEVICE_GET_IRQ_INFO,
				&irq) < 0 ||
			irq.count == 0 || !(irq.flags & VFIO_IRQ_INFO_EVENTFD))
			continue;
		fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (fd < 0) {
			PCI_LOG(ERR,
				"%s: cannot create an interrupt eventfd: %s\n",
				pdev->pub.name, strerror(errno));
			return -errno;
		}
		rte_intr_fd_set(handle, fd);
		rte_intr_dev_fd_set(handle, pdev->vfio_dev_fd);
		rte_intr_type_set(handle, kinds[i].type);
		return 0;
	}
	/* A device without interrupts is still usable by polling. */
	PCI_LOG(INFO, "%s: no MSI-X, MSI or INTx: interrupts unavailable\n",
		pdev->pub.name);
	return 0;
}

/* Detaches every eventfd of one IRQ index; quiet, since the driver may
 * never have enabled it (the kernel then answers EINVAL for INTx). */
static void
disable_irq_index(const struct pci_device *pdev, uint32_t index)
{
	struct vfio_irq_set set = {
		.argsz = sizeof(set),
		.flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
		.index = index,
		.start = 0,
		.count = 0,
	};

	ioctl(pdev->vfio_dev_fd, VFIO_DEVICE_SET_IRQS, &set);
}

static void
release_intr(struct pci_device *pdev)
{
	struct rte_intr_handle *handle = pdev->pub.intr_handle;
	int fd = rte_intr_fd_get(handle);

	if (fd >= 0) {
		switch (rte_intr_type_get(handle)) {
		case RTE_INTR_HANDLE_VFIO_MSIX:
			disable_irq_index(pdev, VFIO_PCI_MSIX_IRQ_INDEX);
			break;
		case RTE_INTR_HANDLE_VFIO_MSI:
			disable_irq_index(pdev, VFIO_PCI_MSI_IRQ_INDEX);
			break;
		default:
			disable_irq_index(pdev, VFIO_PCI_INTX_IRQ_INDEX);
		}
		close(fd);
	}
	/* Rx vectors the driver left enabled: their eventfds are ours. */
	rte_intr_efd_disable(handle);
	rte_intr_instance_free(handle);
	pdev->pub.intr_handle = rte_intr_instance_alloc(
		RTE_INTR_INSTANCE_F_PRIVATE);
}

static void
device_reset(struct pci_device *pdev)
{
	if ((pdev->vfio_dev_flags & VFIO_DEVICE_FLAGS_RESET) &&
		ioctl(pdev->vfio_dev_fd, VFIO_DEVICE_RESET) < 0)
		PCI_LOG(WARNING, "%s: VFIO reset failed: %s\n", pdev->pub.name,
			strerror(errno));
}

static int
device_open(struct pci_device *pdev, struct vfio_device_info *info)
{
	int fd = ioctl(pci_vfio_group_fd(pdev), VFIO_GROUP_GET_DEVICE_FD,
		pdev->pub.name);

	if (fd < 0) {
		PCI_LOG(ERR, "%s: VFIO gives no device fd: %s\n",
			pdev->pub.name,
			errno == EBUSY ? "another process has it open" :
					 strerror(errno));
		return -errno;
	}
	pdev->vfio_dev_fd = fd;
	memset(info, 0, sizeof(*info));
	info->argsz = sizeof(*info);
	if (ioctl(fd, VFIO_DEVICE_GET_INFO, info) < 0 ||
		!(info->flags & VFIO_DEVICE_FLAGS_PCI)) {
		PCI_LOG(ERR,
			"%s: VFIO_DEVICE_GET_INFO failed or not a PCI "
			"device\n",
			pdev->pub.name);
		close(fd);
		pdev->vfio_dev_fd = -1;
		return -EIO;
	}
	pdev->vfio_dev_flags = info->flags;
	return 0;
}

int
pci_vfio_map(struct pci_device *pdev)
{
	struct vfio_device_info info;
	int ret;

	if (pdev->iommu_group < 0) {
		PCI_LOG(ERR,
			"%s: bound to vfio-pci but has no iommu_group: "
			"enable the IOMMU (intel_iommu=on) or load vfio with "
			"enable_unsafe_noiommu_mode=1\n",
			pdev->pub.name);
		return -ENODEV;
	}
	ret = pci_vfio_group_get(pdev);
	if (ret < 0)
		return ret;
	ret = device_open(pdev, &info);
	if (ret < 0)
		goto fail_group;
	/* A known state first: the previous user may have left it running. */
	device_reset(pdev);
	ret = map_regions(pdev, info.num_regions);
	if (ret < 0)
		goto fail_device;
	/* vfio-pci does not turn on bus mastering (needed for DMA). */
	ret = pci_config_command_update(&pdev->pub,
		PCI_COMMAND_MEMORY | RTE_PCI_COMMAND_MASTER, 0);
	if (ret < 0)
		goto fail_regions;
	ret = setup_intr(pdev, info.num_irqs);
	if (ret < 0)
		goto fail_master;
	return 0;

fail_master:
	pci_config_command_update(&pdev->pub, 0, RTE_PCI_COMMAND_MASTER);
fail_regions:
	unmap_regions(pdev);
fail_device:
	close(pdev->vfio_dev_fd);
	pdev->vfio_dev_fd = -1;
fail_group:
	pci_vfio_group_put(pdev);
	return ret;
}

void
pci_vfio_unmap(struct pci_device *pdev)
{
	release_intr(pdev);
	pci_config_command_update(&pdev->pub, 0, RTE_PCI_COMMAND_MASTER);
	device_reset(pdev);
	unmap_regions(pdev);
	close(pdev->vfio_dev_fd);
	pdev->vfio_dev_fd = -1;
	pci_vfio_group_put(pdev);
}

int
pci_vfio_dma_map(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	struct rte_pci_device *pci = RTE_DEV_TO_PCI(dev);

	if (pci->driver != NULL && pci->driver->dma_map != NULL)
		return pci->driver->dma_map(pci, addr, iova, len);
	if (PCI_PRIV(pci)->vfio_group == NULL) {
		rte_errno = ENOTSUP;
		return -1;
	}
	return pci_vfio_container_dma(true, (uintptr_t)addr, iova, len);
}

int
pci_vfio_dma_unmap(struct rte_device *dev, void *addr, uint64_t iova, size_t len)
{
	struct rte_pci_device *pci = RTE_DEV_TO_PCI(dev);

	if (pci->driver != NULL && pci->driver->dma_unmap != NULL)
		return pci->driver->dma_unmap(pci, addr, iova, len);
	if (PCI_PRIV(pci)->vfio_group == NULL) {
		rte_errno = ENOTSUP;
		return -1;
	}
	return pci_vfio_container_dma(false, (uintptr_t)addr, iova, len);
}
