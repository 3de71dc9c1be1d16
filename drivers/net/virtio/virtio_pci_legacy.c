/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Legacy virtio over PCI (virtio 0.9.5; virtio 1.2 sections 4.1.4.10 and
 * 3.1.2): one register block in I/O BAR 0, reached with
 * rte_pci_ioport_read/write. Only feature bits 0-31, no FEATURES_OK, the
 * queue size is the device's, and a queue is given as the page frame
 * number of one block in the legacy layout (virtqueue.h), which is why
 * its ring must be physically contiguous and 4096-aligned. The device
 * config starts at 20, or at 24 while MSI-X is enabled.
 */
#include <errno.h>

#include <rte_common.h>

#include "virtio_log.h"
#include "virtio_pci.h"

static struct virtio_pci_dev *
vpci_of(struct virtio_hw *hw)
{
	return hw->transport;
}

static void
io_read(struct virtio_hw *hw, void *dst, size_t len, off_t off)
{
	rte_pci_ioport_read(&vpci_of(hw)->io, dst, len, off);
}

static void
io_write(struct virtio_hw *hw, const void *src, size_t len, off_t off)
{
	rte_pci_ioport_write(&vpci_of(hw)->io, src, len, off);
}

int
virtio_pci_legacy_map(struct virtio_pci_dev *vpci)
{
	int ret = rte_pci_ioport_map(vpci->pci, 0, &vpci->io);

	if (ret != 0)
		VIRTIO_LOG(ERR, "%s: cannot reach the legacy I/O BAR 0 (%d)",
			vpci->pci->name, ret);
	return ret;
}

void
virtio_pci_legacy_unmap(struct virtio_pci_dev *vpci)
{
	rte_pci_ioport_unmap(&vpci->io);
}

/* Where the device config starts follows the MSI-X enable bit of the
 * moment (it turns on with rte_intr_enable() at probe, after the MAC was
 * read): read it from the config space at every access, which is rare. */
static off_t
legacy_cfg_off(struct virtio_hw *hw, size_t offset)
{
	return VIRTIO_PCI_LEGACY_CONFIG(
		       virtio_pci_msix_enabled(vpci_of(hw)->pci)) +
		(off_t)offset;
}

/* Any access width is fine for the legacy device config (4.1.4.10). */
static void
legacy_read_dev_config(struct virtio_hw *hw, size_t offset, void *dst, int len)
{
	io_read(hw, dst, (size_t)len, legacy_cfg_off(hw, offset));
}

static void
legacy_write_dev_config(struct virtio_hw *hw, size_t offset, const void *src,
	int len)
{
	io_write(hw, src, (size_t)len, legacy_cfg_off(hw, offset));
}

static uint8_t
legacy_get_status(struct virtio_hw *hw)
{
	uint8_t status;

	io_read(hw, &status, 1, VIRTIO_PCI_LEGACY_STATUS);
	return status;
}

static int
legacy_set_status(struct virtio_hw *hw, uint8_t status)
{
	io_write(hw, &status, 1, VIRTIO_PCI_LEGACY_STATUS);
	return 0;
}

/* Writing 0 resets; the read flushes the write (3.1.2). */
static int
legacy_reset(struct virtio_hw *hw)
{
	legacy_set_status(hw, VIRTIO_STATUS_RESET);
	legacy_get_status(hw);
	return 0;
}

static uint64_t
legacy_get_features(struct virtio_hw *hw)
{
	uint32_t f;

	io_read(hw, &f, sizeof(f), VIRTIO_PCI_LEGACY_HOST_FEATURES);
	return f;
}

static int
legacy_set_features(struct virtio_hw *hw, uint64_t features)
{
	uint32_t f = (uint32_t)features;

	if ((features >> 32) != 0) {
		VIRTIO_LOG(ERR,
			"%s: legacy devices have no feature bits "
			"above 31",
			hw->name);
		return -EINVAL;
	}
	io_write(hw, &f, sizeof(f), VIRTIO_PCI_LEGACY_GUEST_FEATURES);
	return 0;
}

static uint16_t
legacy_get_queue_size(struct virtio_hw *hw, uint16_t index)
{
	uint16_t size;

	io_write(hw, &index, sizeof(index), VIRTIO_PCI_LEGACY_QUEUE_SEL);
	io_read(hw, &size, sizeof(size), VIRTIO_PCI_LEGACY_QUEUE_NUM);
	return size;
}

static bool
legacy_queue_size_settable(struct virtio_hw *hw __rte_unused)
{
	return false;
}

/* The queue's MSI-X vector (still selected); the register exists only
 * while MSI-X is enabled, which a vector implies (4.1.4.10). */
static int
legacy_queue_vector_set(struct virtio_hw *hw, struct virtqueue *vq)
{
	uint16_t vec = virtio_pci_queue_vector(vpci_of(hw), vq->index);
	uint16_t got;

	if (vec == VIRTIO_MSI_NO_VECTOR)
		return 0;
	io_write(hw, &vec, sizeof(vec), VIRTIO_PCI_LEGACY_MSIX_QUEUE);
	io_read(hw, &got, sizeof(got), VIRTIO_PCI_LEGACY_MSIX_QUEUE);
	if (got != vec) {
		VIRTIO_LOG(ERR,
			"%s: the device refused MSI-X vector %u for "
			"queue %u",
			hw->name, vec, vq->index);
		return -EIO;
	}
	return 0;
}

static int
legacy_setup_queue(struct virtio_hw *hw, struct virtqueue *vq)
{
	uint64_t addr = virtqueue_desc_addr(vq);
	uint32_t pfn = (uint32_t)(addr >> VIRTIO_PCI_LEGACY_PFN_SHIFT);

	if ((addr & (VIRTQUEUE_ALIGN - 1)) != 0 ||
		(addr >> VIRTIO_PCI_LEGACY_PFN_SHIFT) > UINT32_MAX) {
		VIRTIO_LOG(ERR,
			"%s: queue %u at 0x%" PRIx64 " cannot be "
			"given to a legacy device (4 KiB aligned, below 16 TiB)",
			hw->name, vq->index, addr);
		return -EINVAL;
	}
	if (legacy_get_queue_size(hw, vq->index) != vq->size) {
		VIRTIO_LOG(ERR, "%s: queue %u must have the device's size",
			hw->name, vq->index);
		return -EINVAL;
	}
	io_write(hw, &pfn, sizeof(pfn), VIRTIO_PCI_LEGACY_QUEUE_PFN);
	return legacy_queue_vector_set(hw, vq);
}

static void
legacy_del_queue(struct virtio_hw *hw, struct virtqueue *vq)
{
	uint32_t zero = 0;

	io_write(hw, &vq->index, sizeof(vq->index), VIRTIO_PCI_LEGACY_QUEUE_SEL);
	io_write(hw, &zero, sizeof(zero), VIRTIO_PCI_LEGACY_QUEUE_PFN);
}

static void
legacy_notify_queue(struct virtio_hw *hw, struct virtqueue *vq)
{
	io_write(hw, &vq->index, sizeof(vq->index),
		VIRTIO_PCI_LEGACY_QUEUE_NOTIFY);
}

static uint8_t
legacy_get_isr(struct virtio_hw *hw)
{
	uint8_t isr;

	io_read(hw, &isr, 1, VIRTIO_PCI_LEGACY_ISR);
	return isr;
}

const struct virtio_ops virtio_pci_legacy_ops = {
	.name = "legacy PCI",
	.read_dev_config = legacy_read_dev_config,
	.write_dev_config = legacy_write_dev_config,
	.get_status = legacy_get_status,
	.set_status = legacy_set_status,
	.reset = legacy_reset,
	.get_features = legacy_get_features,
	.set_features = legacy_set_features,
	.get_queue_size = legacy_get_queue_size,
	.queue_size_settable = legacy_queue_size_settable,
	.setup_queue = legacy_setup_queue,
	.del_queue = legacy_del_queue,
	.notify_queue = legacy_notify_queue,
	.get_isr = legacy_get_isr,
};
