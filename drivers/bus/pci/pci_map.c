/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_pci_map_device(): BARs, configuration space and the interrupt
 * handle, through the kernel driver the device is bound to. Only devices
 * bound to vfio-pci, uio_pci_generic or igb_uio (and the fake devices of
 * a POLLUX_SYSFS_PCI tree) are ever mapped.
 */
#include <errno.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "pci_private.h"

int
rte_pci_map_device(struct rte_pci_device *dev)
{
	struct pci_device *pdev;
	int ret;

	if (dev == NULL)
		return -EINVAL;
	pdev = PCI_PRIV(dev);
	if (pdev->mapped)
		return 0;
	switch (dev->kdrv) {
	case RTE_PCI_KDRV_VFIO:
		ret = pci_vfio_map(pdev);
		break;
	case RTE_PCI_KDRV_IGB_UIO:
	case RTE_PCI_KDRV_UIO_GENERIC:
		ret = pci_uio_map(pdev);
		break;
	default:
		PCI_LOG(ERR,
			"%s: not mapped: it is bound to %s, not to vfio-pci "
			"or uio_pci_generic (pollux-devbind.py -b vfio-pci %s)\n",
			dev->name, pci_kdrv_name(pdev), dev->name);
		return 1;
	}
	if (ret < 0) {
		rte_errno = -ret;
		return ret;
	}
	pdev->mapped = true;
	return 0;
}

void
rte_pci_unmap_device(struct rte_pci_device *dev)
{
	struct pci_device *pdev;

	if (dev == NULL)
		return;
	pdev = PCI_PRIV(dev);
	if (!pdev->mapped)
		return;
	if (dev->kdrv == RTE_PCI_KDRV_VFIO)
		pci_vfio_unmap(pdev);
	else
		pci_uio_unmap(pdev);
	pdev->mapped = false;
}
