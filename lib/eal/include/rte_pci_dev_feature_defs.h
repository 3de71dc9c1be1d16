/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Interrupt modes a PCI device can be set up with (DPDK 22.11's values),
 * as --vfio-intr names them and rte_eal_vfio_intr_mode() returns them.
 */
#ifndef _RTE_PCI_DEV_DEFS_H_
#define _RTE_PCI_DEV_DEFS_H_

#ifdef __cplusplus
extern "C" {
#endif

/** Interrupt mode of a PCI device. */
enum rte_intr_mode {
	RTE_INTR_MODE_NONE = 0, /**< not chosen: the bus decides */
	RTE_INTR_MODE_LEGACY,	/**< INTx (--vfio-intr=legacy) */
	RTE_INTR_MODE_MSI,	/**< MSI (--vfio-intr=msi) */
	RTE_INTR_MODE_MSIX	/**< MSI-X (--vfio-intr=msix) */
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PCI_DEV_DEFS_H_ */
