/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Modern virtio over PCI (virtio 1.2 section 4.1): the vendor
 * capabilities of 4.1.4 point into memory BARs (mapped by the bus before
 * probe), where the common config (4.1.4.3), the notification area
 * (4.1.4.4), the ISR byte (4.1.4.5) and the device config (4.1.4.6) are.
 * Accesses have the width of the field (4.1.3.1); a 64-bit field is two
 * 32-bit halves, low first.
 */
#include <errno.h>
#include <string.h>

#include <rte_atomic.h>
#include <rte_common.h>
#include <rte_cycles.h>

#include "virtio_log.h"
#include "virtio_pci.h"

#define PCI_STATUS	    0x06
#define PCI_STATUS_CAP_LIST 0x10
#define PCI_CAPABILITY_LIST 0x34
#define PCI_CAP_ID_VNDR	    0x09
#define PCI_CAP_ID_MSIX	    0x11
#define PCI_MSIX_ENABLE	    0x8000
#define PCI_MSIX_TABLE_SIZE 0x07ff /* N - 1 */
#define CAP_WALK_MAX	    48
#define RESET_WAIT_US	    (1000 * 1000)

/* struct virtio_pci_cap (4.1.4), as it sits in config space. */
struct pci_vndr_cap {
	uint8_t cap_vndr;
	uint8_t cap_next;
	uint8_t cap_len;
	uint8_t cfg_type;
	uint8_t bar;
	uint8_t id;
	uint8_t padding[2];
	uint32_t offset;
	uint32_t length;
};

static struct virtio_pci_dev *
vpci_of(struct virtio_hw *hw)
{
	return hw->transport;
}

static inline uint8_t
rd8(const uint8_t *base, size_t off)
{
	return *(const volatile uint8_t *)(base + off);
}

static inline uint16_t
rd16(const uint8_t *base, size_t off)
{
	return *(const volatile uint16_t *)(const void *)(base + off);
}

static inline uint32_t
rd32(const uint8_t *base, size_t off)
{
	return *(const volatile uint32_t *)(const void *)(base + off);
}

/* Writes are ordered after every earlier store (rings, descriptors). */
static inline void
wr8(uint8_t *base, size_t off, uint8_t v)
{
	rte_io_wmb();
	*(volatile uint8_t *)(base + off) = v;
}

static inline void
wr16(uint8_t *base, size_t off, uint16_t v)
{
	rte_io_wmb();
	*(volatile uint16_t *)(void *)(base + off) = v;
}

static inline void
wr32(uint8_t *base, size_t off, uint32_t v)
{
	rte_io_wmb();
	*(volatile uint32_t *)(void *)(base + off) = v;
}

static void
wr64_halves(uint8_t *base, size_t lo, size_t hi, uint64_t v)
{
	wr32(base, lo, (uint32_t)v);
	wr32(base, hi, (uint32_t)(v >> 32));
}

/* Calls fn on each capability of the config space's list; stops at 1. */
static int
caps_walk(struct rte_pci_device *pci,
	int (*fn)(struct rte_pci_device *pci, uint8_t pos, void *arg),
	void *arg)
{
	uint16_t status;
	uint8_t pos, next[2];
	int i, ret;

	if (rte_pci_read_config(pci, &status, sizeof(status), PCI_STATUS) !=
			sizeof(status) ||
		!(status & PCI_STATUS_CAP_LIST))
		return 0;
	if (rte_pci_read_config(pci, &pos, 1, PCI_CAPABILITY_LIST) != 1)
		return -EIO;
	for (i = 0; i < CAP_WALK_MAX && pos >= 0x40; i++) {
		ret = fn(pci, pos, arg);
		if (ret != 0)
			return ret;
		if (rte_pci_read_config(pci, next, 2, pos) != 2)
			return -EIO;
		pos = next[1] & 0xfc;
	}
	return 0;
}

/* The MSI-X capability's message control word (0 without one). */
static int
msix_cap(struct rte_pci_device *pci, uint8_t pos, void *arg)
{
	uint16_t ctrl;
	uint8_t id;

	if (rte_pci_read_config(pci, &id, 1, pos) != 1 || id != PCI_CAP_ID_MSIX)
		return 0;
	if (rte_pci_read_config(pci, &ctrl, 2, pos + 2) == 2)
		*(uint16_t *)arg = ctrl;
	return 1;
}

bool
virtio_pci_msix_enabled(struct rte_pci_device *pci)
{
	uint16_t ctrl = 0;

	caps_walk(pci, msix_cap, &ctrl);
	return (ctrl & PCI_MSIX_ENABLE) != 0;
}

uint16_t
virtio_pci_msix_table_size(struct rte_pci_device *pci)
{
	uint16_t ctrl = 0;

	if (caps_walk(pci, msix_cap, &ctrl) != 1)
		return 0;
	return (uint16_t)((ctrl & PCI_MSIX_TABLE_SIZE) + 1);
}

/* The first capability of each type we use (4.1.4: MUST use the first). */
static int
vndr_cap(struct rte_pci_device *pci, uint8_t pos, void *arg)
{
	struct virtio_pci_dev *vpci = arg;
	struct rte_mem_resource *res;
	struct pci_vndr_cap cap;
	uint8_t **slot = NULL;
	uint32_t mult;

	if (rte_pci_read_config(pci, &cap, sizeof(cap), pos) != sizeof(cap) ||
		cap.cap_vndr != PCI_CAP_ID_VNDR)
		return 0;
	switch (cap.cfg_type) {
	case VIRTIO_PCI_CAP_COMMON_CFG:
		slot = &vpci->common;
		break;
	case VIRTIO_PCI_CAP_NOTIFY_CFG:
		slot = &vpci->notify_base;
		break;
	case VIRTIO_PCI_CAP_ISR_CFG:
		slot = &vpci->isr;
		break;
	case VIRTIO_PCI_CAP_DEVICE_CFG:
		slot = &vpci->dev_cfg;
		break;
	default:
		return 0; /* reserved or unused types: ignored */
	}
	if (*slot != NULL || cap.bar >= PCI_MAX_RESOURCE)
		return 0;
	res = &pci->mem_resource[cap.bar];
	if (res->addr == NULL || (uint64_t)cap.offset + cap.length > res->len) {
		VIRTIO_LOG(ERR,
			"%s: virtio capability %u points outside BAR "
			"%u (not mapped, or too short)",
			pci->name, cap.cfg_type, cap.bar);
		return -EINVAL;
	}
	if (cap.cfg_type == VIRTIO_PCI_CAP_NOTIFY_CFG) {
		if (rte_pci_read_config(pci, &mult, sizeof(mult),
			    pos + sizeof(cap)) != sizeof(mult))
			return -EIO;
		vpci->notify_mult = mult;
	}
	*slot = (uint8_t *)res->addr + cap.offset;
	return 0;
}

int
virtio_pci_modern_map(struct virtio_pci_dev *vpci)
{
	int ret = caps_walk(vpci->pci, vndr_cap, vpci);

	if (ret < 0)
		return ret;
	if (vpci->common == NULL && vpci->notify_base == NULL &&
		vpci->isr == NULL && vpci->dev_cfg == NULL)
		return -ENODEV; /* 4.1.5.1.1: no capabilities, legacy */
	if (vpci->common == NULL || vpci->notify_base == NULL ||
		vpci->isr == NULL || vpci->dev_cfg == NULL) {
		VIRTIO_LOG(ERR,
			"%s: a virtio capability is missing (common "
			"%s, notify %s, isr %s, device %s)",
			vpci->pci->name, vpci->common ? "ok" : "no",
			vpci->notify_base ? "ok" : "no",
			vpci->isr ? "ok" : "no", vpci->dev_cfg ? "ok" : "no");
		return -EINVAL;
	}
	vpci->modern = true;
	return 0;
}

/* 4.1.4.3.1: read the device config consistently with the generation. */
static void
modern_read_dev_config(struct virtio_hw *hw, size_t offset, void *dst, int len)
{
	struct virtio_pci_dev *vpci = vpci_of(hw);
	uint8_t gen, *d = dst;
	int i;

	do {
		gen = rd8(vpci->common, VIRTIO_PCI_COMMON_CFGGENERATION);
		for (i = 0; i < len; i++)
			d[i] = rd8(vpci->dev_cfg, offset + (size_t)i);
	} while (gen != rd8(vpci->common, VIRTIO_PCI_COMMON_CFGGENERATION));
}

static void
modern_write_dev_config(struct virtio_hw *hw, size_t offset, const void *src,
	int len)
{
	struct virtio_pci_dev *vpci = vpci_of(hw);
	const uint8_t *s = src;
	int i;

	for (i = 0; i < len; i++)
		wr8(vpci->dev_cfg, offset + (size_t)i, s[i]);
}

static uint8_t
modern_get_status(struct virtio_hw *hw)
{
	return rd8(vpci_of(hw)->common, VIRTIO_PCI_COMMON_STATUS);
}

static int
modern_set_status(struct virtio_hw *hw, uint8_t status)
{
	wr8(vpci_of(hw)->common, VIRTIO_PCI_COMMON_STATUS, status);
	return 0;
}

/* 4.1.4.3.2: after writing 0 the driver waits until status reads 0. */
static int
modern_reset(struct virtio_hw *hw)
{
	unsigned int waited = 0;

	modern_set_status(hw, VIRTIO_STATUS_RESET);
	while (modern_get_status(hw) != VIRTIO_STATUS_RESET) {
		if (waited >= RESET_WAIT_US) {
			VIRTIO_LOG(ERR,
				"%s: the device did not finish its "
				"reset within a second",
				hw->name);
			return -ETIMEDOUT;
		}
		rte_delay_us_sleep(100);
		waited += 100;
	}
	return 0;
}

static uint64_t
modern_get_features(struct virtio_hw *hw)
{
	uint8_t *c = vpci_of(hw)->common;
	uint64_t lo, hi;

	wr32(c, VIRTIO_PCI_COMMON_DFSELECT, 0);
	lo = rd32(c, VIRTIO_PCI_COMMON_DF);
	wr32(c, VIRTIO_PCI_COMMON_DFSELECT, 1);
	hi = rd32(c, VIRTIO_PCI_COMMON_DF);
	return lo | hi << 32;
}

static int
modern_set_features(struct virtio_hw *hw, uint64_t features)
{
	uint8_t *c = vpci_of(hw)->common;

	wr32(c, VIRTIO_PCI_COMMON_GFSELECT, 0);
	wr32(c, VIRTIO_PCI_COMMON_GF, (uint32_t)features);
	wr32(c, VIRTIO_PCI_COMMON_GFSELECT, 1);
	wr32(c, VIRTIO_PCI_COMMON_GF, (uint32_t)(features >> 32));
	return 0;
}

static uint16_t
modern_get_queue_size(struct virtio_hw *hw, uint16_t index)
{
	uint8_t *c = vpci_of(hw)->common;

	if (index >= rd16(c, VIRTIO_PCI_COMMON_NUMQ))
		return 0;
	wr16(c, VIRTIO_PCI_COMMON_Q_SELECT, index);
	return rd16(c, VIRTIO_PCI_COMMON_Q_SIZE);
}

static bool
modern_queue_size_settable(struct virtio_hw *hw __rte_unused)
{
	return true;
}

/* 4.1.5.1.3: select, size, vector, the three areas, then enable. */
static int
modern_setup_queue(struct virtio_hw *hw, struct virtqueue *vq)
{
	struct virtio_pci_dev *vpci = vpci_of(hw);
	uint16_t vec = virtio_pci_queue_vector(vpci, vq->index);
	uint8_t *c = vpci->common;
	uint16_t notify_off;

	wr16(c, VIRTIO_PCI_COMMON_Q_SELECT, vq->index);
	wr16(c, VIRTIO_PCI_COMMON_Q_SIZE, vq->size);
	wr16(c, VIRTIO_PCI_COMMON_Q_MSIX, vec);
	/* 4.1.5.1.2.1: the device says NO_VECTOR when it cannot map it. */
	if (rd16(c, VIRTIO_PCI_COMMON_Q_MSIX) != vec) {
		VIRTIO_LOG(ERR,
			"%s: the device refused MSI-X vector %u for "
			"queue %u",
			hw->name, vec, vq->index);
		return -EIO;
	}
	wr64_halves(c, VIRTIO_PCI_COMMON_Q_DESCLO, VIRTIO_PCI_COMMON_Q_DESCHI,
		virtqueue_desc_addr(vq));
	wr64_halves(c, VIRTIO_PCI_COMMON_Q_AVAILLO, VIRTIO_PCI_COMMON_Q_AVAILHI,
		virtqueue_avail_addr(vq));
	wr64_halves(c, VIRTIO_PCI_COMMON_Q_USEDLO, VIRTIO_PCI_COMMON_Q_USEDHI,
		virtqueue_used_addr(vq));
	notify_off = rd16(c, VIRTIO_PCI_COMMON_Q_NOFF);
	/* 4.1.4.4: cap.offset + queue_notify_off * notify_off_multiplier. */
	vq->notify_addr = vpci->notify_base +
		(size_t)notify_off * vpci->notify_mult;
	wr16(c, VIRTIO_PCI_COMMON_Q_ENABLE, 1);
	return 0;
}

static void
modern_del_queue(struct virtio_hw *hw __rte_unused, struct virtqueue *vq)
{
	vq->notify_addr = NULL; /* the device forgets it at reset */
}

/* 4.1.5.2: the queue index, 16 bits, at the queue's notify address. */
static void
modern_notify_queue(struct virtio_hw *hw __rte_unused, struct virtqueue *vq)
{
	wr16(vq->notify_addr, 0, vq->index);
}

/* 4.1.4.5: reading the ISR clears it. */
static uint8_t
modern_get_isr(struct virtio_hw *hw)
{
	return rd8(vpci_of(hw)->isr, 0);
}

const struct virtio_ops virtio_pci_modern_ops = {
	.name = "modern PCI",
	.read_dev_config = modern_read_dev_config,
	.write_dev_config = modern_write_dev_config,
	.get_status = modern_get_status,
	.set_status = modern_set_status,
	.reset = modern_reset,
	.get_features = modern_get_features,
	.set_features = modern_set_features,
	.get_queue_size = modern_get_queue_size,
	.queue_size_settable = modern_queue_size_settable,
	.setup_queue = modern_setup_queue,
	.del_queue = modern_del_queue,
	.notify_queue = modern_notify_queue,
	.get_isr = modern_get_isr,
};
