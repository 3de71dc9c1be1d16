/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The IOVA mode the PCI devices need, asked by the EAL after the scan and
 * before memory is set up, and the per-device check at probe time:
 *
 *   binding                          DMA addresses   IOVA mode
 *   vfio-pci behind an IOMMU         translated      VA (PA refused)
 *   vfio-pci no-IOMMU (noiommu-N)    physical        PA
 *   uio_pci_generic, igb_uio         physical        PA (needs hugepages)
 *   fake device (doc/testing.md)     model's pointer VA
 */
#include <errno.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "pci_private.h"

static const char *
mode_name(enum rte_iova_mode mode)
{
	return mode == RTE_IOVA_PA ? "PA" : mode == RTE_IOVA_VA ? "VA" : "DC";
}

/* The mode one device needs with its driver, DC when any will do. */
static enum rte_iova_mode
device_iova_need(const struct pci_device *pdev,
	const struct rte_pci_driver *driver)
{
	if (pdev->fake)
		return RTE_IOVA_VA;
	switch (pdev->pub.kdrv) {
	case RTE_PCI_KDRV_VFIO:
		if (pci_vfio_group_is_noiommu(pdev->iommu_group))
			return RTE_IOVA_PA;
		return RTE_IOVA_VA;
	case RTE_PCI_KDRV_IGB_UIO:
	case RTE_PCI_KDRV_UIO_GENERIC:
		return RTE_IOVA_PA;
	default:
		break;
	}
	if (driver->drv_flags & RTE_PCI_DRV_NEED_IOVA_AS_VA)
		return RTE_IOVA_VA;
	return RTE_IOVA_DC;
}

enum rte_iova_mode
pci_get_iommu_class(void)
{
	const struct rte_pci_driver *driver;
	const struct rte_pci_device *dev;
	const struct pci_device *pdev;
	const char *pa_dev = NULL, *va_dev = NULL;
	enum rte_iova_mode need;

	TAILQ_FOREACH (dev, &pci_devices, next) {
		pdev = PCI_PRIV_CONST(dev);
		if (!pci_kdrv_is_user(dev->kdrv) ||
			rte_bus_device_is_ignored(&pci_bus, dev->name,
				pci_name_cmp))
			continue;
		driver = pci_driver_for(pdev);
		if (driver == NULL)
			continue;
		need = device_iova_need(pdev, driver);
		if (need == RTE_IOVA_PA && pa_dev == NULL)
			pa_dev = dev->name;
		if (need == RTE_IOVA_VA && va_dev == NULL)
			va_dev = dev->name;
	}
	if (pa_dev != NULL && va_dev != NULL) {
		PCI_LOG(WARNING,
			"%s needs IOVA as PA (UIO or no-IOMMU) and %s "
			"as VA (behind an IOMMU): they cannot run together; only "
			"the devices that fit the chosen mode are probed\n",
			pa_dev, va_dev);
		return RTE_IOVA_DC;
	}
	return pa_dev != NULL  ? RTE_IOVA_PA :
		va_dev != NULL ? RTE_IOVA_VA :
				 RTE_IOVA_DC;
}

/* A device that gives the device physical addresses needs PA mode. */
static int
check_pa_needed(const struct pci_device *pdev, const char *why)
{
	if (rte_eal_iova_mode() == RTE_IOVA_PA)
		return 0;
	if (!rte_eal_has_hugepages())
		PCI_LOG(ERR,
			"%s: %s gives the device physical addresses, which "
			"need hugepages, and none are in use (--no-huge, or none "
			"free): reserve some (pollux-hugepages.py --setup 512M) "
			"or bind it to vfio-pci behind an IOMMU\n",
			pdev->pub.name, why);
	else
		PCI_LOG(ERR,
			"%s: %s gives the device physical addresses, but "
			"the IOVA mode is %s (--iova-mode=va, or physical "
			"addresses unreadable without root): run as root without "
			"--iova-mode=va, or bind it to vfio-pci behind an IOMMU\n",
			pdev->pub.name, why, mode_name(rte_eal_iova_mode()));
	return -EINVAL;
}

int
pci_iova_check(const struct pci_device *pdev,
	const struct rte_pci_driver *driver)
{
	enum rte_iova_mode mode = rte_eal_iova_mode();
	enum rte_iova_mode need = device_iova_need(pdev, driver);

	if ((driver->drv_flags & RTE_PCI_DRV_NEED_IOVA_AS_VA) &&
		mode == RTE_IOVA_PA) {
		PCI_LOG(ERR,
			"%s: driver %s needs IOVA as VA, but the mode is PA: "
			"drop --iova-mode=pa, and bind the device to vfio-pci "
			"behind an IOMMU\n",
			pdev->pub.name, driver->driver.name);
		return -EINVAL;
	}
	if (pdev->fake) {
		if (mode == RTE_IOVA_VA)
			return 0;
		PCI_LOG(ERR,
			"%s: a fake device's model takes IOVAs as pointers, "
			"but the IOVA mode is %s: run with --no-huge or "
			"--iova-mode=va\n",
			pdev->pub.name, mode_name(mode));
		return -EINVAL;
	}
	if (need == RTE_IOVA_PA)
		return check_pa_needed(pdev,
			pdev->pub.kdrv == RTE_PCI_KDRV_VFIO ?
				"vfio-pci in no-IOMMU mode" :
				pdev->kernel_driver);
	if (need == RTE_IOVA_VA && pdev->pub.kdrv == RTE_PCI_KDRV_VFIO &&
		mode != RTE_IOVA_VA) {
		PCI_LOG(ERR,
			"%s: vfio-pci behind an IOMMU maps memory at IOVA = "
			"VA, but the IOVA mode is %s (--iova-mode=pa, or another "
			"device needs PA): drop --iova-mode=pa, or bind every "
			"device to vfio-pci\n",
			pdev->pub.name, mode_name(mode));
		return -EINVAL;
	}
	return 0;
}
