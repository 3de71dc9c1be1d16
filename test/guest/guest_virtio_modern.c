/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The modern virtio-pci transport (virtio 1.x section 4.1.4): registers in
 * a memory BAR the bus mapped, found by walking the vendor capabilities in
 * configuration space with rte_pci_read_config().
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include <rte_bus_pci.h>
#include <rte_common.h>

#include "guest_check.h"

/* PCI configuration space (PCI 3.0 6.7) */
#define PCI_STATUS	    0x06
#define PCI_STATUS_CAP_LIST 0x10
#define PCI_CAPABILITY_LIST 0x34
#define PCI_CAP_ID_VNDR	    0x09

/* struct virtio_pci_cap (4.1.4) */
#define VIRTIO_CAP_CFG_TYPE    3
#define VIRTIO_CAP_BAR	       4
#define VIRTIO_CAP_OFFSET      8
#define VIRTIO_CAP_LENGTH      12
#define VIRTIO_CAP_NOTIFY_MULT 16
#define VIRTIO_CAP_COMMON      1
#define VIRTIO_CAP_NOTIFY      2
#define VIRTIO_CAP_ISR	       3
#define VIRTIO_CAP_DEVICE      4

/* struct virtio_pci_common_cfg (4.1.4.3) */
#define COMMON_DFSELECT	 0x00
#define COMMON_DF	 0x04
#define COMMON_GFSELECT	 0x08
#define COMMON_GF	 0x0c
#define COMMON_MSIX	 0x10
#define COMMON_STATUS	 0x14
#define COMMON_Q_SELECT	 0x16
#define COMMON_Q_SIZE	 0x18
#define COMMON_Q_MSIX	 0x1a
#define COMMON_Q_ENABLE	 0x1c
#define COMMON_Q_NOFF	 0x1e
#define COMMON_Q_DESCLO	 0x20
#define COMMON_Q_DESCHI	 0x24
#define COMMON_Q_AVAILLO 0x28
#define COMMON_Q_AVAILHI 0x2c
#define COMMON_Q_USEDLO	 0x30
#define COMMON_Q_USEDHI	 0x34

static volatile uint8_t *
common8(struct guest_check *ck, unsigned int offset)
{
	return ck->common_cfg + offset;
}

static volatile uint16_t *
common16(struct guest_check *ck, unsigned int offset)
{
	return (volatile uint16_t *)(ck->common_cfg + offset);
}

static volatile uint32_t *
common32(struct guest_check *ck, unsigned int offset)
{
	return (volatile uint32_t *)(ck->common_cfg + offset);
}

/* The address a capability points at, in a BAR the bus mapped; NULL when
 * that BAR is not mapped or too short. */
static volatile uint8_t *
cap_address(struct guest_check *ck, uint8_t bar, uint32_t offset,
	uint32_t length)
{
	struct rte_mem_resource *res;

	if (bar >= PCI_MAX_RESOURCE)
		return NULL;
	res = &ck->pci->mem_resource[bar];
	if (res->addr == NULL || (uint64_t)offset + length > res->len)
		return NULL;
	return (volatile uint8_t *)res->addr + offset;
}

static uint32_t
le32(const uint8_t *bytes)
{
	return bytes[0] | bytes[1] << 8 | bytes[2] << 16 |
		(uint32_t)bytes[3] << 24;
}

/* Keeps one vendor capability (bytes read from config space); 1 when kept,
 * 0 when not a type this check uses, -1 when its BAR is not mapped. */
static int
modern_use_cap(struct guest_check *ck, const uint8_t *cap)
{
	uint8_t type = cap[VIRTIO_CAP_CFG_TYPE], bar = cap[VIRTIO_CAP_BAR];
	uint32_t offset = le32(cap + VIRTIO_CAP_OFFSET);
	uint32_t length = le32(cap + VIRTIO_CAP_LENGTH);
	volatile uint8_t *addr;

	/* type 5 (PCI_CFG window) has bar 0 and length 0: skipped, as are
	 * the types this check does not use */
	if (type < VIRTIO_CAP_COMMON || type > VIRTIO_CAP_DEVICE)
		return 0;
	addr = cap_address(ck, bar, offset, length);
	printf("  virtio cap type %u: BAR%u + 0x%x, 0x%x bytes -> %p\n", type,
		bar, offset, length, (void *)(uintptr_t)addr);
	if (addr == NULL) {
		guest_result(ck, false,
			"virtio cap type %u: BAR%u + 0x%x not mapped by the bus",
			type, bar, offset);
		return -1;
	}
	switch (type) {
	case VIRTIO_CAP_COMMON:
		ck->common_cfg = addr;
		break;
	case VIRTIO_CAP_NOTIFY:
		ck->notify_base = addr;
		ck->notify_multiplier = le32(cap + VIRTIO_CAP_NOTIFY_MULT);
		break;
	case VIRTIO_CAP_ISR:
		ck->isr_cfg = addr;
		break;
	default:
		ck->device_cfg = addr;
		break;
	}
	return 1;
}

/* Walks the capability list (at most 48 entries: 256 bytes of config
 * space hold no more) and keeps the first vendor cap of each type. */
static int
modern_walk_caps(struct guest_check *ck)
{
	uint8_t cap[20], pos = 0, found = 0;
	uint16_t status;
	int nb, kept;

	if (rte_pci_read_config(ck->pci, &status, 2, PCI_STATUS) != 2 ||
		(status & PCI_STATUS_CAP_LIST) == 0 ||
		rte_pci_read_config(ck->pci, &pos, 1, PCI_CAPABILITY_LIST) !=
			1) {
		guest_result(ck, false, "no capability list in config space");
		return -1;
	}
	for (nb = 0; pos >= 0x40 && nb < 48; nb++) {
		/* the notify cap is the longest, 20 bytes; never past 256 */
		size_t size = RTE_MIN(sizeof(cap),
			(size_t)(RTE_PCI_CFG_SPACE_SIZE - (pos & ~3)));

		memset(cap, 0, sizeof(cap));
		if (rte_pci_read_config(ck->pci, cap, size, pos & ~3) !=
			(int)size) {
			guest_result(ck, false,
				"rte_pci_read_config at 0x%x failed", pos);
			return -1;
		}
		pos = cap[1];
		if (cap[0] != PCI_CAP_ID_VNDR ||
			(cap[VIRTIO_CAP_CFG_TYPE] <= VIRTIO_CAP_DEVICE &&
				(found & (1u << cap[VIRTIO_CAP_CFG_TYPE])) != 0))
			continue;
		kept = modern_use_cap(ck, cap);
		if (kept < 0)
			return -1;
		if (kept > 0)
			found |= 1u << cap[VIRTIO_CAP_CFG_TYPE];
	}
	if (found != 0x1e) {
		guest_result(ck, false,
			"virtio vendor caps found: mask 0x%x, want 0x1e",
			found);
		return -1;
	}
	guest_result(ck, true,
		"virtio vendor caps walked with rte_pci_read_config: common, notify, ISR, device cfg in mapped BARs");
	return 0;
}

static uint8_t
modern_get_status(struct guest_check *ck)
{
	return *common8(ck, COMMON_STATUS);
}

static void
modern_set_status(struct guest_check *ck, uint8_t status)
{
	*common8(ck, COMMON_STATUS) = status;
}

static uint64_t
modern_get_features(struct guest_check *ck)
{
	uint64_t features;

	*common32(ck, COMMON_DFSELECT) = 0;
	features = *common32(ck, COMMON_DF);
	*common32(ck, COMMON_DFSELECT) = 1;
	features |= (uint64_t)*common32(ck, COMMON_DF) << 32;
	return features;
}

static void
modern_set_features(struct guest_check *ck, uint64_t features)
{
	*common32(ck, COMMON_GFSELECT) = 0;
	*common32(ck, COMMON_GF) = (uint32_t)features;
	*common32(ck, COMMON_GFSELECT) = 1;
	*common32(ck, COMMON_GF) = (uint32_t)(features >> 32);
}

static int
modern_read_mac(struct guest_check *ck, uint8_t mac[6])
{
	int i;

	/* struct virtio_net_config starts with mac[6] (5.1.4) */
	for (i = 0; i < 6; i++)
		mac[i] = ck->device_cfg[i];
	return 0;
}

static int
modern_setup_queue(struct guest_check *ck, struct guest_vq *vq, uint16_t vector)
{
	uint16_t size;

	/* 4.1.5.1.3: select, read the size, rings, vector, enable */
	*common16(ck, COMMON_Q_SELECT) = vq->index;
	size = *common16(ck, COMMON_Q_SIZE);
	if (size != vq->size) {
		guest_result(ck, false,
			"queue %u: size %u, this check laid out %u", vq->index,
			size, vq->size);
		return -1;
	}
	*common32(ck, COMMON_Q_DESCLO) = (uint32_t)vq->desc_iova;
	*common32(ck, COMMON_Q_DESCHI) = (uint32_t)(vq->desc_iova >> 32);
	*common32(ck, COMMON_Q_AVAILLO) = (uint32_t)vq->avail_iova;
	*common32(ck, COMMON_Q_AVAILHI) = (uint32_t)(vq->avail_iova >> 32);
	*common32(ck, COMMON_Q_USEDLO) = (uint32_t)vq->used_iova;
	*common32(ck, COMMON_Q_USEDHI) = (uint32_t)(vq->used_iova >> 32);
	if (vector != GUEST_NO_VECTOR) {
		*common16(ck, COMMON_Q_MSIX) = vector;
		if (*common16(ck, COMMON_Q_MSIX) != vector) {
			guest_result(ck, false,
				"queue %u: MSI-X vector %u refused by the device",
				vq->index, vector);
			return -1;
		}
	}
	vq->notify = (volatile uint16_t *)(ck->notify_base +
		(size_t)*common16(ck, COMMON_Q_NOFF) * ck->notify_multiplier);
	*common16(ck, COMMON_Q_ENABLE) = 1;
	return 0;
}

static void
modern_notify(struct guest_check *ck, struct guest_vq *vq)
{
	(void)ck;
	/* 4.1.5.2: the queue index, 16 bits, at the queue's notify address */
	*vq->notify = vq->index;
}

static uint8_t
modern_read_isr(struct guest_check *ck)
{
	return *ck->isr_cfg;
}

static int
modern_init(struct guest_check *ck)
{
	if (modern_walk_caps(ck) < 0)
		return -1;
	ck->net_hdr_len = 12; /* with VERSION_1, num_buffers is always there */
	/* the size the device offers is the size the rings get */
	*common16(ck, COMMON_Q_SELECT) = GUEST_RX_QUEUE;
	ck->rxq.size = *common16(ck, COMMON_Q_SIZE);
	*common16(ck, COMMON_Q_SELECT) = GUEST_TX_QUEUE;
	ck->txq.size = *common16(ck, COMMON_Q_SIZE);
	return 0;
}

static void
modern_fini(struct guest_check *ck)
{
	(void)ck;
}

const struct guest_transport guest_modern_transport = {
	.name = "modern",
	.init = modern_init,
	.get_status = modern_get_status,
	.set_status = modern_set_status,
	.get_features = modern_get_features,
	.set_features = modern_set_features,
	.read_mac = modern_read_mac,
	.setup_queue = modern_setup_queue,
	.notify = modern_notify,
	.read_isr = modern_read_isr,
	.fini = modern_fini,
};
