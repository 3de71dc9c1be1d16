/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The VFIO container (one per process), its groups, and DMA mapping.
 * Documentation/driver-api/vfio.rst; include/uapi/linux/vfio.h.
 *
 *   /dev/vfio/vfio          the container: API version, IOMMU type
 *   /dev/vfio/N             a group behind an IOMMU (type1: every memory
 *                           segment is mapped for DMA at IOVA = VA, at
 *                           start and when it is added; unmapped when
 *                           it is freed, through the EAL's memory events)
 *   /dev/vfio/noiommu-N     a group without an IOMMU (no DMA mapping;
 *                           the device is given physical addresses)
 *
 * Several groups share the container, so several devices share one set
 * of DMA mappings. Groups are opened and closed on the EAL thread (init,
 * hot-plug, cleanup: the EAL serialises them); memory events come from any
 * thread under the EAL's memory lock, and only read container_fd, which
 * stays open until the event callback is unregistered.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/vfio.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "pci_private.h"

#define MEM_EVENT_NAME "bus_pci_vfio"

struct pci_vfio_group {
	TAILQ_ENTRY(pci_vfio_group) next;
	int num;
	int fd;
	bool noiommu;
	unsigned int refs;
};

static TAILQ_HEAD(, pci_vfio_group) groups = TAILQ_HEAD_INITIALIZER(groups);
static int container_fd = -1;
static int iommu_type; /* 0 until the first group is attached */
static bool mem_event_registered;

static void
vfio_path(char *buf, size_t size, const char *node)
{
	snprintf(buf, size, "%s/vfio/%s", pci_dev_dir(), node);
}

bool
pci_vfio_group_is_noiommu(int group_num)
{
	char path[PATH_MAX], node[32];

	if (group_num < 0)
		return false;
	snprintf(node, sizeof(node), "noiommu-%d", group_num);
	vfio_path(path, sizeof(path), node);
	return access(path, F_OK) == 0;
}

int
pci_vfio_container_dma(bool map, uint64_t vaddr, uint64_t iova, uint64_t len)
{
	struct vfio_iommu_type1_dma_map dma_map = {
		.argsz = sizeof(dma_map),
		.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		.vaddr = vaddr,
		.iova = iova,
		.size = len,
	};
	struct vfio_iommu_type1_dma_unmap dma_unmap = {
		.argsz = sizeof(dma_unmap),
		.iova = iova,
		.size = len,
	};
	int fd = __atomic_load_n(&container_fd, __ATOMIC_ACQUIRE);

	if (fd < 0 || iommu_type == VFIO_NOIOMMU_IOMMU)
		return 0; /* no IOMMU: nothing to map */
	if (map && ioctl(fd, VFIO_IOMMU_MAP_DMA, &dma_map) < 0 &&
		errno != EEXIST) {
		PCI_LOG(ERR,
			"VFIO DMA map of %#llx (%llu bytes) at IOVA %#llx "
			"failed: %s (%s)\n",
			(unsigned long long)vaddr, (unsigned long long)len,
			(unsigned long long)iova, strerror(errno),
			errno == EINVAL ?
				"the IOVA is beyond the IOMMU's address width: "
				"give a lower --base-virtaddr" :
				"the IOMMU's mapping limit, or RLIMIT_MEMLOCK: "
				"ulimit -l");
		return -errno;
	}
	if (!map && ioctl(fd, VFIO_IOMMU_UNMAP_DMA, &dma_unmap) < 0) {
		PCI_LOG(ERR,
			"VFIO DMA unmap at IOVA %#llx (%llu bytes) failed: "
			"%s\n",
			(unsigned long long)iova, (unsigned long long)len,
			strerror(errno));
		return -errno;
	}
	return 0;
}

static int
map_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	RTE_SET_USED(msl);
	RTE_SET_USED(arg);
	if (ms->addr == NULL || ms->iova == RTE_BAD_IOVA)
		return 0;
	return pci_vfio_container_dma(true, (uintptr_t)ms->addr, ms->iova,
		       ms->len) < 0 ?
		-1 :
		0;
}

/* Each segment in the range is mapped on its own, so that one can be
 * unmapped alone (type1v2 refuses to unmap part of a mapping). A segment
 * may span several pages (--no-huge memory comes in 2 MiB chunks). */
static void
mem_event(enum rte_mem_event event, const void *addr, size_t len, void *arg)
{
	const struct rte_memseg_list *msl = rte_mem_virt2memseg_list(addr);
	const struct rte_memseg *ms;
	size_t done = 0;

	RTE_SET_USED(arg);
	if (msl == NULL || msl->page_sz == 0)
		return;
	while (done < len) {
		ms = rte_mem_virt2memseg(RTE_PTR_ADD(addr, done), msl);
		if (ms == NULL || ms->addr == NULL || ms->len == 0) {
			done += msl->page_sz;
			continue;
		}
		if (ms->iova != RTE_BAD_IOVA)
			pci_vfio_container_dma(event == RTE_MEM_EVENT_ALLOC,
				(uintptr_t)ms->addr, ms->iova, ms->len);
		done = RTE_PTR_DIFF(RTE_PTR_ADD(ms->addr, ms->len), addr);
	}
}

/* Type1: maps every segment now, and each new one when it comes. */
static int
dma_map_all(void)
{
	if (rte_mem_event_callback_register(MEM_EVENT_NAME, mem_event, NULL) <
		0) {
		PCI_LOG(ERR,
			"cannot follow memory events for VFIO DMA mapping: "
			"%s\n",
			rte_strerror(rte_errno));
		return -rte_errno;
	}
	mem_event_registered = true;
	if (rte_memseg_walk(map_segment, NULL) != 0) {
		PCI_LOG(ERR, "VFIO: cannot map the EAL's memory for DMA\n");
		return -EIO;
	}
	return 0;
}

static void
container_close(void)
{
	if (mem_event_registered)
		rte_mem_event_callback_unregister(MEM_EVENT_NAME, NULL);
	mem_event_registered = false;
	/* Closing the container drops every DMA mapping. */
	if (container_fd >= 0)
		close(container_fd);
	__atomic_store_n(&container_fd, -1, __ATOMIC_RELEASE);
	iommu_type = 0;
}

static int
container_open(const struct pci_device *pdev)
{
	char path[PATH_MAX];
	int fd;

	if (container_fd >= 0)
		return 0;
	vfio_path(path, sizeof(path), "vfio");
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fd = -errno;
		PCI_LOG(ERR, "%s: cannot open %s: %s\n", pdev->pub.name, path,
			fd == -ENOENT ? "the vfio module is not loaded "
					"(modprobe vfio-pci)" :
				fd == -EACCES || fd == -EPERM ?
					"permission denied (run as root)" :
					strerror(-fd));
		return fd;
	}
	if (ioctl(fd, VFIO_GET_API_VERSION) != VFIO_API_VERSION) {
		PCI_LOG(ERR, "%s: %s speaks another VFIO API version than %d\n",
			pdev->pub.name, path, VFIO_API_VERSION);
		close(fd);
		return -ENOTSUP;
	}
	__atomic_store_n(&container_fd, fd, __ATOMIC_RELEASE);
	return 0;
}

/* The IOMMU type for the first group: type1v2, type1, or no-IOMMU. */
static int
container_set_iommu(const struct pci_device *pdev, bool noiommu)
{
	static const int types[] = { VFIO_TYPE1v2_IOMMU, VFIO_TYPE1_IOMMU };
	unsigned int i;
	int type = 0;

	if (iommu_type != 0) {
		if ((iommu_type == VFIO_NOIOMMU_IOMMU) == noiommu)
			return 0;
		PCI_LOG(ERR,
			"%s: VFIO group %d is %s, but the devices already "
			"open are %s: one process cannot mix them; bind all to "
			"the same mode\n",
			pdev->pub.name, pdev->iommu_group,
			noiommu ? "without IOMMU" : "behind an IOMMU",
			noiommu ? "behind one" : "not");
		return -EINVAL;
	}
	if (noiommu)
		type = VFIO_NOIOMMU_IOMMU;
	for (i = 0; type == 0 && i < RTE_DIM(types); i++)
		if (ioctl(container_fd, VFIO_CHECK_EXTENSION, types[i]) > 0)
			type = types[i];
	if (type == 0 || ioctl(container_fd, VFIO_SET_IOMMU, type) < 0) {
		PCI_LOG(ERR,
			"%s: the VFIO container takes no %s IOMMU type: %s\n",
			pdev->pub.name, noiommu ? "no-IOMMU" : "type1",
			type == 0 ? "not supported by this kernel" :
				    strerror(errno));
		return -ENOTSUP;
	}
	iommu_type = type;
	return type == VFIO_NOIOMMU_IOMMU ? 0 : dma_map_all();
}

static bool
driver_keeps_group_viable(const char *driver)
{
	/* Linux lets a group be used when its other devices have no driver,
	 * a VFIO driver, pci-stub, or are PCIe ports. */
	return driver[0] == '\0' || strcmp(driver, "vfio-pci") == 0 ||
		strcmp(driver, "pci-stub") == 0 ||
		strcmp(driver, "pcieport") == 0;
}

/* Appends "ADDR (DRIVER)" of each device blocking the group to list. */
static int
group_blockers(const struct pci_device *pdev, char *list, size_t size)
{
	char dir[PATH_MAX], link[PATH_MAX], target[PATH_MAX];
	const char *driver;
	struct dirent *e;
	int count = 0;
	ssize_t n;
	DIR *d;

	list[0] = '\0';
	if (pci_sysfs_path(dir, sizeof(dir), pdev, "iommu_group/devices") < 0)
		return 0;
	d = opendir(dir);
	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' ||
			strcmp(e->d_name, pdev->pub.name) == 0)
			continue;
		n = snprintf(link, sizeof(link), "%s/%s/driver", dir, e->d_name);
		if (n < 0 || (size_t)n >= sizeof(link))
			continue;
		n = readlink(link, target, sizeof(target) - 1);
		target[n > 0 ? n : 0] = '\0';
		driver = strrchr(target, '/') != NULL ?
			strrchr(target, '/') + 1 :
			target;
		if (driver_keeps_group_viable(driver))
			continue;
		snprintf(list + strlen(list), size - strlen(list), "%s%s (%s)",
			count > 0 ? ", " : "", e->d_name, driver);
		count++;
	}
	closedir(d);
	return count;
}

int
pci_vfio_group_viable_check(const struct pci_device *pdev)
{
	char blockers[512];

	if (group_blockers(pdev, blockers, sizeof(blockers)) == 0)
		return 0;
	PCI_LOG(ERR,
		"%s: IOMMU group %d is not viable: its other devices %s "
		"are bound to kernel drivers; bind them to vfio-pci too "
		"(pollux-devbind.py -b vfio-pci ...) or unbind them\n",
		pdev->pub.name, pdev->iommu_group, blockers);
	return -EPERM;
}

static int
group_open(const struct pci_device *pdev, struct pci_vfio_group *group)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	char path[PATH_MAX], node[32];

	snprintf(node, sizeof(node), "%s%d", group->noiommu ? "noiommu-" : "",
		group->num);
	vfio_path(path, sizeof(path), node);
	group->fd = open(path, O_RDWR | O_CLOEXEC);
	if (group->fd < 0) {
		PCI_LOG(ERR, "%s: cannot open VFIO group %s: %s\n",
			pdev->pub.name, path,
			errno == EBUSY ? "another process "
					 "uses it" :
				errno == EACCES || errno == EPERM ?
					 "permission denied (run as root)" :
					 strerror(errno));
		return -errno;
	}
	if (ioctl(group->fd, VFIO_GROUP_GET_STATUS, &status) < 0 ||
		!(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		if (pci_vfio_group_viable_check(pdev) == 0)
			PCI_LOG(ERR,
				"%s: IOMMU group %d is not viable: bind every "
				"device of the group to vfio-pci\n",
				pdev->pub.name, group->num);
		close(group->fd);
		return -EPERM;
	}
	if (ioctl(group->fd, VFIO_GROUP_SET_CONTAINER, &container_fd) < 0) {
		PCI_LOG(ERR,
			"%s: cannot add VFIO group %d to the container: "
			"%s\n",
			pdev->pub.name, group->num, strerror(errno));
		close(group->fd);
		return -errno;
	}
	return 0;
}

static void
group_close(struct pci_vfio_group *group)
{
	ioctl(group->fd, VFIO_GROUP_UNSET_CONTAINER);
	close(group->fd);
}

int
pci_vfio_group_get(struct pci_device *pdev)
{
	struct pci_vfio_group *group;
	int ret;

	TAILQ_FOREACH (group, &groups, next) {
		if (group->num == pdev->iommu_group) {
			group->refs++;
			pdev->vfio_group = group;
			return 0;
		}
	}
	ret = pci_vfio_group_viable_check(pdev);
	if (ret < 0)
		return ret;
	group = calloc(1, sizeof(*group));
	if (group == NULL)
		return -ENOMEM;
	group->num = pdev->iommu_group;
	group->noiommu = pci_vfio_group_is_noiommu(group->num);
	ret = container_open(pdev);
	if (ret < 0)
		goto fail;
	ret = group_open(pdev, group);
	if (ret < 0)
		goto fail_container;
	ret = container_set_iommu(pdev, group->noiommu);
	if (ret < 0)
		goto fail_group;
	group->refs = 1;
	TAILQ_INSERT_TAIL(&groups, group, next);
	pdev->vfio_group = group;
	return 0;

fail_group:
	group_close(group);
fail_container:
	if (TAILQ_EMPTY(&groups))
		container_close();
fail:
	free(group);
	return ret;
}

void
pci_vfio_group_put(struct pci_device *pdev)
{
	struct pci_vfio_group *group = pdev->vfio_group;

	if (group == NULL)
		return;
	pdev->vfio_group = NULL;
	if (--group->refs > 0)
		return;
	TAILQ_REMOVE(&groups, group, next);
	group_close(group);
	free(group);
	if (TAILQ_EMPTY(&groups))
		container_close();
}

int
pci_vfio_group_fd(const struct pci_device *pdev)
{
	return pdev->vfio_group != NULL ? pdev->vfio_group->fd : -1;
}
