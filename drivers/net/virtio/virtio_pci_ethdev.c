/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The virtio-net PCI driver (net_virtio): ids 1af4:1041 (modern) and
 * 1af4:1000 (transitional: modern when it has the virtio capabilities,
 * else legacy), probe and remove, and the device's interrupt (config
 * change, for LSC) on INTx or MSI-X vector 0.
 *
 * IOMMU: a device behind an IOMMU (vfio-pci with IOVA as VA) must
 * translate through it, which only a modern device that offers
 * ACCESS_PLATFORM does (QEMU: iommu_platform=on). A legacy device always
 * uses guest-physical addresses and would DMA to the wrong place (DPDK
 * hangs configuring one): such devices are refused with a clear error.
 *
 * Rx interrupts need MSI-X (vfio-pci): rx queue q raises vector q + 1,
 * whose eventfd the EAL gives the application (rte_eth_dev_rx_intr_ctl_q);
 * vector 0 stays the config change. With INTx (uio_pci_generic) there is
 * one line for everything: configure with intr_conf.rxq fails with
 * -ENOTSUP.
 */
#include <errno.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_malloc.h>
#include <ethdev_driver.h>

#include "virtio_ethdev.h"
#include "virtio_log.h"
#include "virtio_pci.h"

struct virtio_pci_port {
	struct virtio_hw hw;
	struct virtio_pci_dev vpci;
};

static const struct rte_pci_id virtio_pci_ids[] = {
	{ RTE_PCI_DEVICE(VIRTIO_PCI_VENDOR_ID, VIRTIO_PCI_MODERN_NET_ID) },
	{ RTE_PCI_DEVICE(VIRTIO_PCI_VENDOR_ID, VIRTIO_PCI_LEGACY_NET_ID) },
	{ .vendor_id = 0 },
};

static bool
behind_iommu(const struct rte_pci_device *pci)
{
	return pci->kdrv == RTE_PCI_KDRV_VFIO &&
		rte_eal_iova_mode() == RTE_IOVA_VA;
}

/* The device's interrupt (interrupt thread): a config change is LSC. */
static void
virtio_pci_intr(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct virtio_hw *hw = dev->data->dev_private;
	struct virtio_pci_dev *vpci = hw->transport;
	uint8_t isr;

	/* With MSI-X our only vector is the config one (4.1.5.5); with
	 * INTx the ISR says why, and reading it de-asserts the line. */
	isr = hw->ops->get_isr(hw);
	VIRTIO_LOG(DEBUG, "%s: device interrupt, ISR 0x%02x", hw->name, isr);
	if (virtio_pci_msix_enabled(vpci->pci) ||
		(isr & VIRTIO_PCI_ISR_CONFIG) != 0)
		virtio_ethdev_config_changed(dev);
	rte_intr_ack(vpci->pci->intr_handle);
}

/* Configure: one MSI-X vector per rx queue, plus vector 0. */
static int
virtio_pci_rxq_intr_check(struct virtio_hw *hw, uint16_t nb_rxq)
{
	struct virtio_pci_dev *vpci = hw->transport;
	struct rte_intr_handle *h = vpci->pci->intr_handle;
	uint16_t table;

	if (h == NULL || rte_intr_type_get(h) != RTE_INTR_HANDLE_VFIO_MSIX) {
		VIRTIO_LOG(ERR,
			"%s: rx interrupts need an MSI-X vector per "
			"queue, and this binding gives %s: bind the device to "
			"vfio-pci, or configure without intr_conf.rxq",
			hw->name,
			vpci->pci->kdrv == RTE_PCI_KDRV_UIO_GENERIC ?
				"INTx only (uio_pci_generic)" :
				"no MSI-X");
		return -ENOTSUP;
	}
	table = virtio_pci_msix_table_size(vpci->pci);
	if ((uint32_t)nb_rxq + 1 > table) {
		VIRTIO_LOG(ERR,
			"%s: %u rx queues with interrupts need %u MSI-X "
			"vectors, the device has %u: use fewer queues (QEMU: "
			"vectors=N)",
			hw->name, nb_rxq, nb_rxq + 1, table);
		return -ENOTSUP;
	}
	return 0;
}

/* Back to vector 0 alone (the config change), as at probe. */
static void
rx_vectors_release(struct rte_eth_dev *dev, struct virtio_pci_dev *vpci)
{
	struct rte_intr_handle *h = vpci->pci->intr_handle;

	if (vpci->nb_rx_vectors == 0)
		return;
	rte_intr_disable(h);
	rte_intr_efd_disable(h);
	rte_intr_vec_list_free(h);
	vpci->nb_rx_vectors = 0;
	if ((dev->data->dev_flags & RTE_ETH_DEV_INTR_LSC) != 0)
		rte_intr_enable(h);
}

/*
 * An eventfd per rx queue on vectors 1..n. VFIO cannot grow the vectors
 * of an enabled MSI-X (older kernels), hence off, then on with them all.
 */
static int
rx_vectors_setup(struct rte_eth_dev *dev, struct virtio_pci_dev *vpci)
{
	struct rte_intr_handle *h = vpci->pci->intr_handle;
	uint16_t nb = dev->data->nb_rx_queues, q;
	int ret;

	rte_intr_disable(h);
	ret = rte_intr_efd_enable(h, nb);
	if (ret == 0)
		ret = rte_intr_vec_list_alloc(h, "virtio_rx_vec", nb);
	for (q = 0; q < nb && ret == 0; q++)
		ret = rte_intr_vec_list_index_set(h, q,
			RTE_INTR_VEC_RXTX_OFFSET + q);
	if (ret == 0)
		ret = rte_intr_enable(h);
	vpci->nb_rx_vectors = nb;
	if (ret != 0) {
		VIRTIO_LOG(ERR,
			"%s: cannot set up %u rx interrupt vectors "
			"(%d)",
			dev->data->name, nb, ret);
		rx_vectors_release(dev, vpci);
		return ret < 0 ? ret : -EIO;
	}
	return 0;
}

/* Start: the rx vectors, then the config change event on MSI-X vector 0
 * (4.1.5.1.2); the queues take theirs when they are set up. */
static int
virtio_pci_intr_setup(struct virtio_hw *hw, struct rte_eth_dev *dev)
{
	struct virtio_pci_dev *vpci = hw->transport;
	uint16_t vec = 0;
	int ret;

	rx_vectors_release(dev, vpci);
	if (dev->data->dev_conf.intr_conf.rxq != 0) {
		ret = rx_vectors_setup(dev, vpci);
		if (ret != 0)
			return ret;
	}
	if (!virtio_pci_msix_enabled(vpci->pci))
		return 0;
	if (vpci->modern) {
		*(volatile uint16_t *)(void *)(vpci->common +
			VIRTIO_PCI_COMMON_MSIX) = vec;
		vec = *(volatile uint16_t *)(void *)(vpci->common +
			VIRTIO_PCI_COMMON_MSIX);
	} else {
		rte_pci_ioport_write(&vpci->io, &vec, sizeof(vec),
			VIRTIO_PCI_LEGACY_MSIX_CONFIG);
		rte_pci_ioport_read(&vpci->io, &vec, sizeof(vec),
			VIRTIO_PCI_LEGACY_MSIX_CONFIG);
	}
	if (vec == VIRTIO_MSI_NO_VECTOR)
		VIRTIO_LOG(WARNING,
			"%s: the device took no MSI-X vector for "
			"config changes: no LSC events",
			hw->name);
	return 0;
}

/* Stop (the device is reset: it forgot its vectors). */
static void
virtio_pci_intr_teardown(struct virtio_hw *hw, struct rte_eth_dev *dev)
{
	rx_vectors_release(dev, hw->transport);
}

/* Off and unregistered, so that no config interrupt after close runs
 * the callback on a port whose private data is gone. */
static void
virtio_pci_intr_release(struct rte_eth_dev *dev, struct rte_pci_device *pci)
{
	if (pci->intr_handle == NULL ||
		(dev->data->dev_flags & RTE_ETH_DEV_INTR_LSC) == 0)
		return;
	rte_intr_disable(pci->intr_handle);
	rte_intr_callback_unregister_sync(pci->intr_handle, virtio_pci_intr,
		dev);
	dev->data->dev_flags &= ~RTE_ETH_DEV_INTR_LSC;
}

static void
virtio_pci_close(struct virtio_hw *hw)
{
	struct virtio_pci_dev *vpci = hw->transport;

	rx_vectors_release(&rte_eth_devices[hw->port_id], vpci);
	virtio_pci_intr_release(&rte_eth_devices[hw->port_id], vpci->pci);
	if (!vpci->modern)
		virtio_pci_legacy_unmap(vpci);
}

/* The transports' ops plus the PCI interrupt hooks of this file. */
static struct virtio_ops pci_modern_ops;
static struct virtio_ops pci_legacy_ops;

static const struct virtio_ops *
ops_for(bool modern)
{
	struct virtio_ops *ops = modern ? &pci_modern_ops : &pci_legacy_ops;

	if (ops->name == NULL) {
		*ops = modern ? virtio_pci_modern_ops : virtio_pci_legacy_ops;
		ops->rxq_intr_check = virtio_pci_rxq_intr_check;
		ops->intr_setup = virtio_pci_intr_setup;
		ops->intr_teardown = virtio_pci_intr_teardown;
		ops->close = virtio_pci_close;
	}
	return ops;
}

/* Which transport; refuses what cannot work behind an IOMMU. */
static int
transport_pick(struct virtio_pci_port *port)
{
	struct rte_pci_device *pci = port->vpci.pci;
	int ret;

	ret = virtio_pci_modern_map(&port->vpci);
	if (ret == -ENODEV) {
		if (behind_iommu(pci)) {
			VIRTIO_LOG(ERR,
				"%s: a legacy virtio device cannot do "
				"DMA through an IOMMU (its addresses are "
				"guest-physical): bind it to uio_pci_generic "
				"or vfio-pci in no-IOMMU mode, or use a modern "
				"device with iommu_platform=on",
				pci->name);
			return -EPERM;
		}
		ret = virtio_pci_legacy_map(&port->vpci);
	}
	if (ret == 0)
		port->hw.ops = ops_for(port->vpci.modern);
	return ret;
}

static int
virtio_pci_probe_port(struct rte_eth_dev *dev, struct rte_pci_device *pci)
{
	struct virtio_pci_port *port = dev->data->dev_private;
	int ret;

	port->vpci.pci = pci;
	port->hw.transport = &port->vpci;
	port->hw.use_va = false;
	ret = transport_pick(port);
	if (ret != 0)
		return ret;
	ret = virtio_ethdev_init(dev, NULL);
	if (ret == 0 && behind_iommu(pci) &&
		(port->hw.device_features &
			VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM)) == 0) {
		VIRTIO_LOG(ERR,
			"%s: behind an IOMMU the device must offer "
			"ACCESS_PLATFORM (QEMU: iommu_platform=on), else it "
			"bypasses the IOMMU",
			pci->name);
		ret = -EPERM;
	}
	if (ret != 0 && !port->vpci.modern)
		virtio_pci_legacy_unmap(&port->vpci);
	return ret;
}

static int
virtio_pci_probe(struct rte_pci_driver *drv __rte_unused,
	struct rte_pci_device *pci)
{
	struct rte_eth_dev *dev;
	int ret;

	dev = rte_eth_dev_allocate(pci->device.name);
	if (dev == NULL)
		return -ENOMEM;
	dev->data->dev_private = rte_zmalloc_socket(pci->device.name,
		sizeof(struct virtio_pci_port), RTE_CACHE_LINE_SIZE,
		pci->device.numa_node);
	if (dev->data->dev_private == NULL) {
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	dev->device = &pci->device;
	dev->intr_handle = pci->intr_handle;
	dev->data->numa_node = pci->device.numa_node;
	ret = virtio_pci_probe_port(dev, pci);
	if (ret != 0) {
		rte_eth_dev_release_port(dev);
		return ret;
	}
	if (pci->intr_handle != NULL &&
		rte_intr_type_get(pci->intr_handle) != RTE_INTR_HANDLE_UNKNOWN &&
		rte_intr_callback_register(pci->intr_handle, virtio_pci_intr,
			dev) == 0) {
		rte_intr_enable(pci->intr_handle);
		dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
		VIRTIO_LOG(DEBUG,
			"%s: link changes by interrupt (handle type "
			"%d)",
			pci->name, rte_intr_type_get(pci->intr_handle));
	} else {
		VIRTIO_LOG(NOTICE,
			"%s: no device interrupt: no LSC events, "
			"the link is polled",
			pci->name);
	}
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
virtio_pci_remove(struct rte_pci_device *pci)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(pci->device.name);

	if (dev == NULL)
		return 0; /* the application closed it already */
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_pci_driver virtio_pci_driver = {
	.probe = virtio_pci_probe,
	.remove = virtio_pci_remove,
	.id_table = virtio_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
};

RTE_PMD_REGISTER_PCI(net_virtio, virtio_pci_driver);
