/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The two PCI transports of virtio-net:
 * - modern (virtio 1.x, 1af4:1041 or a transitional 1af4:1000 that has
 *   the capabilities): registers in memory BARs found through the vendor
 *   capabilities of 4.1.4 (common, notify, ISR, device config);
 * - legacy (0.9.5, 1af4:1000 without capabilities): the register block of
 *   4.1.4.10 (1.2; 4.1.4.8 in 1.1) in I/O BAR 0, reached through
 *   rte_pci_ioport_*.
 * Both serve struct virtio_ops (virtio_dev.h).
 */
#ifndef VIRTIO_PCI_H
#define VIRTIO_PCI_H

#include <stdbool.h>
#include <stdint.h>

#include <bus_pci_driver.h>
#include <rte_bus_pci.h>

#include "virtio_dev.h"

/* 4.1.4 cfg_type values. */
#define VIRTIO_PCI_CAP_COMMON_CFG 1
#define VIRTIO_PCI_CAP_NOTIFY_CFG 2
#define VIRTIO_PCI_CAP_ISR_CFG	  3
#define VIRTIO_PCI_CAP_DEVICE_CFG 4

/* 4.1.4.3 struct virtio_pci_common_cfg offsets. */
#define VIRTIO_PCI_COMMON_DFSELECT	0x00
#define VIRTIO_PCI_COMMON_DF		0x04
#define VIRTIO_PCI_COMMON_GFSELECT	0x08
#define VIRTIO_PCI_COMMON_GF		0x0c
#define VIRTIO_PCI_COMMON_MSIX		0x10
#define VIRTIO_PCI_COMMON_NUMQ		0x12
#define VIRTIO_PCI_COMMON_STATUS	0x14
#define VIRTIO_PCI_COMMON_CFGGENERATION 0x15
#define VIRTIO_PCI_COMMON_Q_SELECT	0x16
#define VIRTIO_PCI_COMMON_Q_SIZE	0x18
#define VIRTIO_PCI_COMMON_Q_MSIX	0x1a
#define VIRTIO_PCI_COMMON_Q_ENABLE	0x1c
#define VIRTIO_PCI_COMMON_Q_NOFF	0x1e
#define VIRTIO_PCI_COMMON_Q_DESCLO	0x20
#define VIRTIO_PCI_COMMON_Q_DESCHI	0x24
#define VIRTIO_PCI_COMMON_Q_AVAILLO	0x28
#define VIRTIO_PCI_COMMON_Q_AVAILHI	0x2c
#define VIRTIO_PCI_COMMON_Q_USEDLO	0x30
#define VIRTIO_PCI_COMMON_Q_USEDHI	0x34

/* 4.1.4.10 legacy I/O BAR registers. */
#define VIRTIO_PCI_LEGACY_HOST_FEATURES	 0
#define VIRTIO_PCI_LEGACY_GUEST_FEATURES 4
#define VIRTIO_PCI_LEGACY_QUEUE_PFN	 8
#define VIRTIO_PCI_LEGACY_QUEUE_NUM	 12
#define VIRTIO_PCI_LEGACY_QUEUE_SEL	 14
#define VIRTIO_PCI_LEGACY_QUEUE_NOTIFY	 16
#define VIRTIO_PCI_LEGACY_STATUS	 18
#define VIRTIO_PCI_LEGACY_ISR		 19
#define VIRTIO_PCI_LEGACY_MSIX_CONFIG	 20 /* while MSI-X is enabled */
#define VIRTIO_PCI_LEGACY_MSIX_QUEUE	 22 /* while MSI-X is enabled */
#define VIRTIO_PCI_LEGACY_CONFIG(msix)	 ((msix) ? 24 : 20)
#define VIRTIO_PCI_LEGACY_PFN_SHIFT	 12

/* 4.1.4.5 ISR bits; 4.1.5.1.2 no MSI-X vector. */
#define VIRTIO_PCI_ISR_QUEUE  0x1
#define VIRTIO_PCI_ISR_CONFIG 0x2
#define VIRTIO_MSI_NO_VECTOR  0xffff

struct virtio_pci_dev {
	struct rte_pci_device *pci;
	bool modern;
	/* modern */
	uint8_t *common;
	uint8_t *notify_base;
	uint32_t notify_mult;
	uint8_t *isr;
	uint8_t *dev_cfg;
	/* legacy */
	struct rte_pci_ioport io;
	/* Rx queues 0..n-1 have MSI-X vectors 1..n (rx interrupts on). */
	uint16_t nb_rx_vectors;
};

/* The MSI-X vector of queue index: rx queue q has q + 1 while rx
 * interrupts are on; every other queue has none (4.1.5.1.2). */
static inline uint16_t
virtio_pci_queue_vector(const struct virtio_pci_dev *vpci, uint16_t index)
{
	if ((index & 1) != 0 || index / 2 >= vpci->nb_rx_vectors)
		return VIRTIO_MSI_NO_VECTOR;
	return (uint16_t)(index / 2 + 1);
}

extern const struct virtio_ops virtio_pci_modern_ops;
extern const struct virtio_ops virtio_pci_legacy_ops;

/*
 * Finds the virtio capabilities (4.1.4) and their mapped BARs.
 * @return 0 (modern), -ENODEV (no capabilities: a legacy device), or
 *   another negative errno (logged).
 */
int virtio_pci_modern_map(struct virtio_pci_dev *vpci);

/* Maps the legacy I/O BAR 0; 0 or a negative errno (logged). */
int virtio_pci_legacy_map(struct virtio_pci_dev *vpci);
void virtio_pci_legacy_unmap(struct virtio_pci_dev *vpci);

/* Whether MSI-X is enabled in the device's config space (4.1.4.10). */
bool virtio_pci_msix_enabled(struct rte_pci_device *pci);
/* Entries of the device's MSI-X table; 0 without MSI-X. */
uint16_t virtio_pci_msix_table_size(struct rte_pci_device *pci);

#endif /* VIRTIO_PCI_H */
