/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * virtio-user's memory table: the EAL's mapped segments as vhost-user
 * regions (SET_MEM_TABLE, one fd per region, at most 8), sent again when
 * the heaps map more memory.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_memory.h>

#include "../virtio_log.h"
#include "vhost_user.h"
#include "virtio_user_dev.h"

struct vu_mem {
	struct vhost_user_region regions[VHOST_USER_MAX_REGIONS];
	int fds[VHOST_USER_MAX_REGIONS];
	uint32_t nb;
	int err;
};

/* Adds [addr, addr + len) at file offset of fd, merging with a neighbour. */
static void
vu_mem_add(struct vu_mem *m, int fd, uint64_t addr, uint64_t len,
	uint64_t offset)
{
	struct vhost_user_region *r;
	uint32_t i;

	for (i = 0; i < m->nb; i++) {
		r = &m->regions[i];
		if (m->fds[i] == fd &&
			r->userspace_addr + r->memory_size == addr &&
			r->mmap_offset + r->memory_size == offset) {
			r->memory_size += len;
			return;
		}
	}
	if (m->nb == VHOST_USER_MAX_REGIONS) {
		m->err = -E2BIG;
		return;
	}
	r = &m->regions[m->nb];
	r->guest_phys_addr = addr;
	r->userspace_addr = addr;
	r->memory_size = len;
	r->mmap_offset = offset;
	m->fds[m->nb++] = fd;
}

/*
 * Every mapped segment, merged into runs that are contiguous both in
 * addresses and in their file (with --no-huge, or hugepages in IOVA-as-VA
 * mode, a list's segments sit at their own offset, so a run of segments
 * is one region). The backend maps exactly what is mapped here: never
 * more, as a vhost backend may touch a whole region.
 */
static int
vu_mem_segment(const struct rte_memseg_list *msl __rte_unused,
	const struct rte_memseg *ms, void *arg)
{
	struct vu_mem *m = arg;
	size_t offset;
	int fd;

	fd = rte_memseg_get_fd_thread_unsafe(ms);
	if (fd < 0 || rte_memseg_get_fd_offset_thread_unsafe(ms, &offset) < 0) {
		m->err = -ENODEV;
		return -1;
	}
	vu_mem_add(m, fd, (uint64_t)(uintptr_t)ms->addr, ms->len, offset);
	return m->err != 0 ? -1 : 0;
}

int
virtio_user_set_mem_table(struct virtio_user_dev *dev, bool locked)
{
	struct vu_mem m = { .nb = 0, .err = 0 };

	if (locked)
		rte_memseg_walk_thread_unsafe(vu_mem_segment, &m);
	else
		rte_memseg_walk(vu_mem_segment, &m);
	if (m.err == -ENODEV)
		VIRTIO_LOG(ERR,
			"virtio_user %s: EAL memory without a file "
			"cannot be shared with the backend",
			dev->path);
	else if (m.err != 0)
		VIRTIO_LOG(ERR,
			"virtio_user %s: EAL memory needs more than %d "
			"regions: use --no-huge or --iova-mode=va",
			dev->path, VHOST_USER_MAX_REGIONS);
	if (m.err != 0)
		return m.err;
	return vhost_user_set_mem_table(dev->sock, m.regions, m.fds, m.nb);
}

/* The backend gets the current table, the rings paused around it.
 * dev->lock held; locked: the EAL's memory lock too. */
static void
vu_mem_resend(struct virtio_user_dev *dev, bool locked)
{
	uint16_t pairs;
	int ret;

	__atomic_store_n(&dev->mem_stale, false, __ATOMIC_RELAXED);
	if (dev->sock < 0 || !dev->rings_live)
		return; /* the table goes with the rings when they start */
	pairs = dev->pairs_enabled;
	ret = virtio_user_enable_pairs(dev, 0);
	if (ret == 0)
		ret = virtio_user_set_mem_table(dev, locked);
	if (ret == 0)
		ret = virtio_user_enable_pairs(dev, pairs);
	if (ret != 0)
		VIRTIO_LOG(ERR,
			"virtio_user %s: cannot give the backend the new "
			"memory: %s",
			dev->path, strerror(-ret));
}

/* New memory came while the device was busy: sent from the alarm thread
 * as soon as the device is free. */
void
virtio_user_mem_alarm(void *arg)
{
	struct virtio_user_dev *dev = arg;

	pthread_mutex_lock(&dev->lock);
	if (!dev->closing && __atomic_load_n(&dev->mem_stale, __ATOMIC_RELAXED))
		vu_mem_resend(dev, false);
	pthread_mutex_unlock(&dev->lock);
}

/*
 * New EAL memory (a memory event, memory lock held): the backend gets the
 * new table with the rings paused around it; if another thread holds the
 * device (waiting for it here could deadlock), from the alarm thread
 * right after. Freed memory needs nothing: no buffer lives in memory the
 * heaps give back, and the backend's mapping of it (its own, of our fd)
 * stays valid until the next table (doc/memory.md).
 */
void
virtio_user_mem_event(enum rte_mem_event type, const void *addr __rte_unused,
	size_t len __rte_unused, void *arg)
{
	struct virtio_user_dev *dev = arg;

	if (type != RTE_MEM_EVENT_ALLOC)
		return;
	if (pthread_mutex_trylock(&dev->lock) == 0) {
		vu_mem_resend(dev, true);
		pthread_mutex_unlock(&dev->lock);
		return;
	}
	__atomic_store_n(&dev->mem_stale, true, __ATOMIC_RELAXED);
	if (rte_eal_alarm_set(1, virtio_user_mem_alarm, dev) != 0)
		VIRTIO_LOG(WARNING,
			"virtio_user %s: new memory while the device is "
			"busy: buffers there may not reach the backend until "
			"it reconnects",
			dev->path);
}
