/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * A fake VFIO kernel for one test binary, so that the PCI bus's VFIO code
 * (container, groups, device, regions, interrupts, DMA mapping) runs on a
 * host without vfio. open(), close() and ioctl() are interposed: the
 * executable's definitions take the place of libc's for every object
 * linked into it, libpollux.a's included.
 *
 *   $POLLUX_DEV_DIR/vfio/vfio, /vfio/N, /vfio/noiommu-N   regular files
 *   the container  answers GET_API_VERSION, CHECK_EXTENSION, SET_IOMMU,
 *                  MAP_DMA and UNMAP_DMA (recorded in fake_vfio.dma[])
 *   a group        GET_STATUS (viable unless fake_vfio.not_viable),
 *                  SET_CONTAINER, UNSET_CONTAINER, GET_DEVICE_FD
 *   a device       a sparse temporary file; region i at i MiB (BARs from
 *                  sysfs resource lengths, config copied from sysfs);
 *                  GET_INFO, GET_REGION_INFO, GET_IRQ_INFO (counts in
 *                  fake_vfio.irq_count[]), SET_IRQS (eventfds recorded),
 *                  RESET (counted)
 *
 * The layout is the one vfio.h documents; nothing here is Linux's code.
 */
#ifndef FAKE_VFIO_H
#define FAKE_VFIO_H

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/vfio.h>

#define FAKE_VFIO_MAX_FD	 1024
#define FAKE_VFIO_MAX_DMA	 4096
#define FAKE_VFIO_REGION_SPACING (1u << 20)

enum fake_vfio_kind {
	FV_NONE,
	FV_CONTAINER,
	FV_GROUP,
	FV_DEVICE
};

struct fake_vfio_dma {
	uint64_t vaddr, iova, size;
	bool mapped;
};

static struct {
	char dev_dir[512]; /* $POLLUX_DEV_DIR/vfio */
	char sysfs[512];   /* $POLLUX_SYSFS_PCI */
	enum fake_vfio_kind kind[FAKE_VFIO_MAX_FD];
	int group_of[FAKE_VFIO_MAX_FD];
	uint64_t bar_len[FAKE_VFIO_MAX_FD][PCI_MAX_RESOURCE];
	bool bar_io[FAKE_VFIO_MAX_FD][PCI_MAX_RESOURCE];
	int iommu_type;
	int set_iommu_calls;
	int containers_set; /* groups attached now */
	int resets;
	bool not_viable;
	uint32_t irq_count[VFIO_PCI_NUM_IRQS];
	int irq_index_set; /* last SET_IRQS with eventfds */
	uint32_t irq_fds_count;
	int irq_fds[8];
	int irq_disables;
	struct fake_vfio_dma dma[FAKE_VFIO_MAX_DMA];
	int nb_dma;
} fake_vfio;

static inline void
fake_vfio_setup(void)
{
	const char *dev = getenv("POLLUX_DEV_DIR");
	const char *sysfs = getenv("POLLUX_SYSFS_PCI");
	int i;

	snprintf(fake_vfio.dev_dir, sizeof(fake_vfio.dev_dir), "%s/vfio",
		dev != NULL ? dev : "/nonexistent");
	snprintf(fake_vfio.sysfs, sizeof(fake_vfio.sysfs), "%s",
		sysfs != NULL ? sysfs : "/nonexistent");
	for (i = 0; i < FAKE_VFIO_MAX_FD; i++)
		fake_vfio.kind[i] = FV_NONE;
	fake_vfio.irq_count[VFIO_PCI_INTX_IRQ_INDEX] = 1;
	fake_vfio.irq_count[VFIO_PCI_MSI_IRQ_INDEX] = 1;
	fake_vfio.irq_count[VFIO_PCI_MSIX_IRQ_INDEX] = 3;
}

int
open(const char *path, int flags, ...)
{
	size_t len = strlen(fake_vfio.dev_dir);
	va_list ap;
	int mode, fd, group;

	va_start(ap, flags);
	mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0;
	va_end(ap);
	fd = (int)syscall(SYS_openat, AT_FDCWD, path, flags, mode);
	if (fd < 0 || fd >= FAKE_VFIO_MAX_FD || len == 0 ||
		strncmp(path, fake_vfio.dev_dir, len) != 0 || path[len] != '/')
		return fd;
	path += len + 1;
	if (strcmp(path, "vfio") == 0) {
		fake_vfio.kind[fd] = FV_CONTAINER;
	} else if (sscanf(path, "noiommu-%d", &group) == 1 ||
		sscanf(path, "%d", &group) == 1) {
		fake_vfio.kind[fd] = FV_GROUP;
		fake_vfio.group_of[fd] = group;
	}
	return fd;
}

int
close(int fd)
{
	if (fd >= 0 && fd < FAKE_VFIO_MAX_FD)
		fake_vfio.kind[fd] = FV_NONE;
	return (int)syscall(SYS_close, fd);
}

static inline int
fake_vfio_container(unsigned long request, void *arg)
{
	struct vfio_iommu_type1_dma_map *map = arg;
	struct vfio_iommu_type1_dma_unmap *unmap = arg;
	int i;

	switch (request) {
	case VFIO_GET_API_VERSION:
		return VFIO_API_VERSION;
	case VFIO_CHECK_EXTENSION:
		/* An int argument: only the low 32 bits are defined. */
		return (uint32_t)(uintptr_t)arg == VFIO_TYPE1v2_IOMMU ||
			(uint32_t)(uintptr_t)arg == VFIO_TYPE1_IOMMU ||
			(uint32_t)(uintptr_t)arg == VFIO_NOIOMMU_IOMMU;
	case VFIO_SET_IOMMU:
		if (fake_vfio.containers_set == 0) {
			errno = EINVAL; /* needs a group first */
			return -1;
		}
		fake_vfio.iommu_type = (int)(uint32_t)(uintptr_t)arg;
		fake_vfio.set_iommu_calls++;
		return 0;
	case VFIO_IOMMU_MAP_DMA:
		if (fake_vfio.iommu_type == VFIO_NOIOMMU_IOMMU ||
			fake_vfio.nb_dma == FAKE_VFIO_MAX_DMA) {
			errno = EINVAL;
			return -1;
		}
		for (i = 0; i < fake_vfio.nb_dma; i++)
			if (fake_vfio.dma[i].mapped &&
				fake_vfio.dma[i].iova == map->iova) {
				errno = EEXIST;
				return -1;
			}
		fake_vfio.dma[fake_vfio.nb_dma++] = (struct fake_vfio_dma){
			map->vaddr, map->iova, map->size, true
		};
		return 0;
	case VFIO_IOMMU_UNMAP_DMA:
		for (i = 0; i < fake_vfio.nb_dma; i++)
			if (fake_vfio.dma[i].mapped &&
				fake_vfio.dma[i].iova == unmap->iova &&
				fake_vfio.dma[i].size == unmap->size) {
				fake_vfio.dma[i].mapped = false;
				return 0;
			}
		errno = ENOENT;
		return -1;
	default:
		errno = ENOTTY;
		return -1;
	}
}

/* A device file: config copied from sysfs, BAR lengths from resource. */
static inline int
fake_vfio_device_new(const char *name)
{
	char path[1024], cfg[4096];
	unsigned long long start, end, flags;
	FILE *f;
	int fd, cfd, i;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/%s/vfio-device-XXXXXX",
		fake_vfio.sysfs, name);
	fd = mkstemp(path);
	if (fd < 0 || fd >= FAKE_VFIO_MAX_FD)
		return -1;
	unlink(path);
	if (ftruncate(fd,
		    (off_t)FAKE_VFIO_REGION_SPACING *
			    (VFIO_PCI_NUM_REGIONS + 1)) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/%s/config", fake_vfio.sysfs, name);
	cfd = (int)syscall(SYS_openat, AT_FDCWD, path, O_RDONLY, 0);
	n = cfd >= 0 ? pread(cfd, cfg, sizeof(cfg), 0) : -1;
	if (cfd >= 0)
		syscall(SYS_close, cfd);
	if (n <= 0 ||
		pwrite(fd, cfg, (size_t)n,
			(off_t)FAKE_VFIO_REGION_SPACING *
				VFIO_PCI_CONFIG_REGION_INDEX) != n)
		return -1;
	snprintf(path, sizeof(path), "%s/%s/resource", fake_vfio.sysfs, name);
	f = fopen(path, "r");
	for (i = 0; f != NULL && i < PCI_MAX_RESOURCE; i++) {
		if (fscanf(f, "%llx %llx %llx", &start, &end, &flags) != 3)
			break;
		fake_vfio.bar_len[fd][i] = flags != 0 ? end - start + 1 : 0;
		fake_vfio.bar_io[fd][i] = (flags & 0x100) != 0;
	}
	if (f != NULL)
		fclose(f);
	fake_vfio.kind[fd] = FV_DEVICE;
	return fd;
}

static inline int
fake_vfio_group(unsigned long request, void *arg)
{
	struct vfio_group_status *status = arg;

	switch (request) {
	case VFIO_GROUP_GET_STATUS:
		status->flags = fake_vfio.not_viable ? 0 :
						       VFIO_GROUP_FLAGS_VIABLE;
		return 0;
	case VFIO_GROUP_SET_CONTAINER:
		if (fake_vfio.kind[*(int *)arg] != FV_CONTAINER) {
			errno = EBADF;
			return -1;
		}
		fake_vfio.containers_set++;
		return 0;
	case VFIO_GROUP_UNSET_CONTAINER:
		fake_vfio.containers_set--;
		return 0;
	case VFIO_GROUP_GET_DEVICE_FD:
		return fake_vfio_device_new(arg);
	default:
		errno = ENOTTY;
		return -1;
	}
}

static inline int
fake_vfio_region_info(int fd, struct vfio_region_info *info)
{
	uint32_t i = info->index;

	if (i >= VFIO_PCI_NUM_REGIONS) {
		errno = EINVAL;
		return -1;
	}
	info->cap_offset = 0;
	info->offset = (uint64_t)FAKE_VFIO_REGION_SPACING * i;
	info->flags = 0;
	info->size = 0;
	if (i < PCI_MAX_RESOURCE && fake_vfio.bar_len[fd][i] != 0) {
		info->size = fake_vfio.bar_len[fd][i];
		info->flags = VFIO_REGION_INFO_FLAG_READ |
			VFIO_REGION_INFO_FLAG_WRITE |
			(fake_vfio.bar_io[fd][i] ? 0 :
						   VFIO_REGION_INFO_FLAG_MMAP);
	} else if (i == VFIO_PCI_CONFIG_REGION_INDEX) {
		info->size = 4096;
		info->flags = VFIO_REGION_INFO_FLAG_READ |
			VFIO_REGION_INFO_FLAG_WRITE;
	}
	return 0;
}

static inline int
fake_vfio_set_irqs(struct vfio_irq_set *set)
{
	if (set->index >= VFIO_PCI_NUM_IRQS ||
		set->count > fake_vfio.irq_count[set->index]) {
		errno = EINVAL;
		return -1;
	}
	if ((set->flags & VFIO_IRQ_SET_ACTION_TRIGGER) && set->count == 0) {
		fake_vfio.irq_disables++;
		return 0;
	}
	if (set->flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		fake_vfio.irq_index_set = (int)set->index;
		fake_vfio.irq_fds_count = set->count;
		memcpy(fake_vfio.irq_fds, set->data,
			sizeof(int) * (set->count < 8 ? set->count : 8));
	}
	return 0;
}

static inline int
fake_vfio_device(int fd, unsigned long request, void *arg)
{
	struct vfio_device_info *dev_info = arg;
	struct vfio_irq_info *irq = arg;

	switch (request) {
	case VFIO_DEVICE_GET_INFO:
		dev_info->flags = VFIO_DEVICE_FLAGS_PCI |
			VFIO_DEVICE_FLAGS_RESET;
		dev_info->num_regions = VFIO_PCI_NUM_REGIONS;
		dev_info->num_irqs = VFIO_PCI_NUM_IRQS;
		return 0;
	case VFIO_DEVICE_GET_REGION_INFO:
		return fake_vfio_region_info(fd, arg);
	case VFIO_DEVICE_GET_IRQ_INFO:
		if (irq->index >= VFIO_PCI_NUM_IRQS) {
			errno = EINVAL;
			return -1;
		}
		irq->count = fake_vfio.irq_count[irq->index];
		irq->flags = VFIO_IRQ_INFO_EVENTFD;
		return 0;
	case VFIO_DEVICE_SET_IRQS:
		return fake_vfio_set_irqs(arg);
	case VFIO_DEVICE_RESET:
		fake_vfio.resets++;
		return 0;
	default:
		errno = ENOTTY;
		return -1;
	}
}

int
ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (fd < 0 || fd >= FAKE_VFIO_MAX_FD || fake_vfio.kind[fd] == FV_NONE)
		return (int)syscall(SYS_ioctl, fd, request, arg);
	switch (fake_vfio.kind[fd]) {
	case FV_CONTAINER:
		return fake_vfio_container(request, arg);
	case FV_GROUP:
		return fake_vfio_group(request, arg);
	default:
		return fake_vfio_device(fd, request, arg);
	}
}

#endif /* FAKE_VFIO_H */
