/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The legacy virtio-pci transport (virtio 0.9.5; 1.x section 4.1.4.10):
 * registers in I/O BAR0, reached only through rte_pci_ioport_map() and
 * rte_pci_ioport_read()/write(), each register at its natural width.
 * While MSI-X is enabled two vector registers sit at 20 and the device
 * configuration moves from 20 to 24.
 */
#include <stdio.h>

#include <rte_bus_pci.h>

#include "guest_check.h"

#define LEGACY_HOST_FEATURES  0	 /* 32 bits, read-only */
#define LEGACY_GUEST_FEATURES 4	 /* 32 bits */
#define LEGACY_QUEUE_PFN      8	 /* 32 bits: ring address >> 12 */
#define LEGACY_QUEUE_NUM      12 /* 16 bits, read-only */
#define LEGACY_QUEUE_SEL      14 /* 16 bits */
#define LEGACY_QUEUE_NOTIFY   16 /* 16 bits */
#define LEGACY_STATUS	      18 /* 8 bits */
#define LEGACY_ISR	      19 /* 8 bits, read clears */
#define LEGACY_QUEUE_VECTOR   22 /* 16 bits, MSI-X only */
#define LEGACY_CONFIG(msix)   ((msix) ? 24 : 20)
#define LEGACY_PFN_SHIFT      12

static uint8_t
io_read8(struct guest_check *ck, off_t offset)
{
	uint8_t value = 0;

	rte_pci_ioport_read(&ck->ioport, &value, 1, offset);
	return value;
}

static uint16_t
io_read16(struct guest_check *ck, off_t offset)
{
	uint16_t value = 0;

	rte_pci_ioport_read(&ck->ioport, &value, 2, offset);
	return value;
}

static uint32_t
io_read32(struct guest_check *ck, off_t offset)
{
	uint32_t value = 0;

	rte_pci_ioport_read(&ck->ioport, &value, 4, offset);
	return value;
}

static void
io_write8(struct guest_check *ck, off_t offset, uint8_t value)
{
	rte_pci_ioport_write(&ck->ioport, &value, 1, offset);
}

static void
io_write16(struct guest_check *ck, off_t offset, uint16_t value)
{
	rte_pci_ioport_write(&ck->ioport, &value, 2, offset);
}

static void
io_write32(struct guest_check *ck, off_t offset, uint32_t value)
{
	rte_pci_ioport_write(&ck->ioport, &value, 4, offset);
}

static int
legacy_init(struct guest_check *ck)
{
	int ret = rte_pci_ioport_map(ck->pci, 0, &ck->ioport);

	if (ret != 0) {
		guest_result(ck, false, "rte_pci_ioport_map(BAR0) failed: %d",
			ret);
		return -1;
	}
	ck->ioport_mapped = true;
	guest_result(ck, true,
		"rte_pci_ioport_map(BAR0): I/O BAR mapped (base 0x%llx)",
		(unsigned long long)ck->ioport.base);
	ck->net_hdr_len = 10; /* no MRG_RXBUF: no num_buffers */
	io_write16(ck, LEGACY_QUEUE_SEL, GUEST_RX_QUEUE);
	ck->rxq.size = io_read16(ck, LEGACY_QUEUE_NUM);
	io_write16(ck, LEGACY_QUEUE_SEL, GUEST_TX_QUEUE);
	ck->txq.size = io_read16(ck, LEGACY_QUEUE_NUM);
	return 0;
}

static uint8_t
legacy_get_status(struct guest_check *ck)
{
	return io_read8(ck, LEGACY_STATUS);
}

static void
legacy_set_status(struct guest_check *ck, uint8_t status)
{
	io_write8(ck, LEGACY_STATUS, status);
}

static uint64_t
legacy_get_features(struct guest_check *ck)
{
	return io_read32(ck, LEGACY_HOST_FEATURES);
}

static void
legacy_set_features(struct guest_check *ck, uint64_t features)
{
	io_write32(ck, LEGACY_GUEST_FEATURES, (uint32_t)features);
}

static int
legacy_read_mac(struct guest_check *ck, uint8_t mac[6])
{
	int i;

	for (i = 0; i < 6; i++)
		mac[i] = io_read8(ck, LEGACY_CONFIG(ck->msix) + i);
	return 0;
}

static int
legacy_setup_queue(struct guest_check *ck, struct guest_vq *vq, uint16_t vector)
{
	uint16_t size;

	io_write16(ck, LEGACY_QUEUE_SEL, vq->index);
	size = io_read16(ck, LEGACY_QUEUE_NUM);
	if (size != vq->size) {
		guest_result(ck, false,
			"queue %u: size %u, this check laid out %u", vq->index,
			size, vq->size);
		return -1;
	}
	/* a legacy queue is one block at a 4096-aligned address (4.1.4.10) */
	if (vq->desc_iova % GUEST_VQ_ALIGN != 0 ||
		(vq->desc_iova >> LEGACY_PFN_SHIFT) > UINT32_MAX) {
		guest_result(ck, false,
			"queue %u: IOVA 0x%llx not usable by a legacy device",
			vq->index, (unsigned long long)vq->desc_iova);
		return -1;
	}
	if (ck->msix && vector != GUEST_NO_VECTOR) {
		io_write16(ck, LEGACY_QUEUE_VECTOR, vector);
		if (io_read16(ck, LEGACY_QUEUE_VECTOR) != vector) {
			guest_result(ck, false,
				"queue %u: MSI-X vector %u refused by the device",
				vq->index, vector);
			return -1;
		}
	}
	io_write32(ck, LEGACY_QUEUE_PFN,
		(uint32_t)(vq->desc_iova >> LEGACY_PFN_SHIFT));
	return 0;
}

static void
legacy_notify(struct guest_check *ck, struct guest_vq *vq)
{
	io_write16(ck, LEGACY_QUEUE_NOTIFY, vq->index);
}

static uint8_t
legacy_read_isr(struct guest_check *ck)
{
	return io_read8(ck, LEGACY_ISR);
}

static void
legacy_fini(struct guest_check *ck)
{
	if (ck->ioport_mapped && rte_pci_ioport_unmap(&ck->ioport) != 0)
		guest_result(ck, false, "rte_pci_ioport_unmap failed");
	ck->ioport_mapped = false;
}

const struct guest_transport guest_legacy_transport = {
	.name = "legacy",
	.init = legacy_init,
	.get_status = legacy_get_status,
	.set_status = legacy_set_status,
	.get_features = legacy_get_features,
	.set_features = legacy_set_features,
	.read_mac = legacy_read_mac,
	.setup_queue = legacy_setup_queue,
	.notify = legacy_notify,
	.read_isr = legacy_read_isr,
	.fini = legacy_fini,
};
