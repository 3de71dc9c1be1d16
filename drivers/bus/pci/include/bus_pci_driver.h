/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The PCI bus, for drivers (DPDK 22.11's bus_pci_driver.h).
 *
 * A PCI driver fills a struct rte_pci_driver (an id table ending with a
 * zeroed entry, probe, remove, RTE_PCI_DRV_* flags) and registers it with
 * RTE_PMD_REGISTER_PCI(name, driver). The bus calls probe for every device
 * whose ids match an entry of the table (RTE_PCI_ANY_ID and
 * RTE_CLASS_ANY_ID match anything), after mapping its BARs when the
 * driver says RTE_PCI_DRV_NEED_MAPPING.
 */
#ifndef BUS_PCI_DRIVER_H
#define BUS_PCI_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_dev.h>
#include <rte_os.h>
#include <dev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The directory the bus scans (POLLUX_SYSFS_PCI, or /sys/bus/pci/devices). */
__rte_internal const char *rte_pci_get_sysfs_path(void);

/** The kernel driver a device is bound to, as the bus sees it. */
enum rte_pci_kernel_driver {
	RTE_PCI_KDRV_UNKNOWN = 0, /**< another kernel driver */
	RTE_PCI_KDRV_IGB_UIO,	  /**< igb_uio */
	RTE_PCI_KDRV_VFIO,	  /**< vfio-pci */
	RTE_PCI_KDRV_UIO_GENERIC, /**< uio_pci_generic */
	RTE_PCI_KDRV_NIC_UIO,	  /**< nic_uio (FreeBSD) */
	RTE_PCI_KDRV_NONE,	  /**< no driver */
	RTE_PCI_KDRV_NET_UIO,	  /**< netuio (Windows) */
};

/** A PCI device. */
struct rte_pci_device {
	RTE_TAILQ_ENTRY(rte_pci_device) next; /**< bus-owned link */
	struct rte_device device;	      /**< the generic device */
	struct rte_pci_addr addr;	      /**< location */
	struct rte_pci_id id;		      /**< ids and class */
	struct rte_mem_resource mem_resource[PCI_MAX_RESOURCE];
	/**< BARs; addr once mapped */
	struct rte_intr_handle *intr_handle; /**< device interrupts */
	struct rte_pci_driver *driver;	     /**< driver, once probed */
	uint16_t max_vfs;		     /**< SR-IOV VFs enabled */
	enum rte_pci_kernel_driver kdrv;     /**< bound kernel driver */
	char name[PCI_PRI_STR_SIZE + 1];     /**< "0000:00:04.0" */
	struct rte_intr_handle *vfio_req_intr_handle;
	/**< VFIO request interrupt */
};

/** The PCI device around a generic device. */
#define RTE_DEV_TO_PCI(ptr) container_of(ptr, struct rte_pci_device, device)

#define RTE_DEV_TO_PCI_CONST(ptr) \
	container_of(ptr, const struct rte_pci_device, device)

#define RTE_ETH_DEV_TO_PCI(eth_dev) RTE_DEV_TO_PCI((eth_dev)->device)

#ifdef __cplusplus
/** An id table entry for one vendor and device id (C++). */
#define RTE_PCI_DEVICE(vend, dev) \
	RTE_CLASS_ANY_ID, (vend), (dev), RTE_PCI_ANY_ID, RTE_PCI_ANY_ID
#else
/** An id table entry for one vendor and device id. */
#define RTE_PCI_DEVICE(vend, dev) \
	.class_id = RTE_CLASS_ANY_ID, .vendor_id = (vend), .device_id = (dev), \
	.subsystem_vendor_id = RTE_PCI_ANY_ID, \
	.subsystem_device_id = RTE_PCI_ANY_ID
#endif

/** Probes a device: 0, or a negative errno (the device stays unbound). */
typedef int(rte_pci_probe_t)(struct rte_pci_driver *, struct rte_pci_device *);

/** Releases a device: 0, or a negative errno (the device stays bound). */
typedef int(rte_pci_remove_t)(struct rte_pci_device *);

/** Driver-specific DMA mapping: 0, or < 0 with rte_errno set. */
typedef int(pci_dma_map_t)(struct rte_pci_device *dev, void *addr,
	uint64_t iova, size_t len);

/** Driver-specific DMA unmapping: 0, or < 0 with rte_errno set. */
typedef int(pci_dma_unmap_t)(struct rte_pci_device *dev, void *addr,
	uint64_t iova, size_t len);

/** A PCI driver. */
struct rte_pci_driver {
	RTE_TAILQ_ENTRY(rte_pci_driver) next; /**< bus-owned link */
	struct rte_driver driver;	      /**< name */
	rte_pci_probe_t *probe;
	rte_pci_remove_t *remove;
	pci_dma_map_t *dma_map;
	pci_dma_unmap_t *dma_unmap;
	const struct rte_pci_id *id_table; /**< ends with vendor_id 0 */
	uint32_t drv_flags;		   /**< RTE_PCI_DRV_* */
};

/** The bus maps the BARs (and the interrupt) before probe. */
#define RTE_PCI_DRV_NEED_MAPPING 0x0001
/** BARs mapped write-combining where possible (prefetchable BARs). */
#define RTE_PCI_DRV_WC_ACTIVATE 0x0002
/** A probed device may be probed again (for new ports). */
#define RTE_PCI_DRV_PROBE_AGAIN 0x0004
/** The driver supports link state change interrupts. */
#define RTE_PCI_DRV_INTR_LSC 0x0008
/** The driver supports device removal interrupts. */
#define RTE_PCI_DRV_INTR_RMV 0x0010
/** The mapping stays when probe fails with a positive value. */
#define RTE_PCI_DRV_KEEP_MAPPED_RES 0x0020
/** The driver needs IOVA as VA and is not probed in PA mode. */
#define RTE_PCI_DRV_NEED_IOVA_AS_VA 0x0040

/** Adds a driver to the bus (a no-op if it is there already). */
__rte_internal void rte_pci_register(struct rte_pci_driver *driver);

/** Takes a driver off the bus. */
__rte_internal void rte_pci_unregister(struct rte_pci_driver *driver);

/**
 * Registers pci_drv (a struct rte_pci_driver) as the driver nm from a
 * constructor, and unregisters it when its object is unloaded (a plugin
 * closed by rte_eal_cleanup()).
 */
#define RTE_PMD_REGISTER_PCI(nm, pci_drv) \
	RTE_INIT(pciinitfn_##nm) \
	{ \
		(pci_drv).driver.name = RTE_STR(nm); \
		rte_pci_register(&(pci_drv)); \
	} \
	RTE_FINI(pcifinifn_##nm) \
	{ \
		rte_pci_unregister(&(pci_drv)); \
	} \
	RTE_PMD_EXPORT_NAME(nm, __COUNTER__)

/**
 * Access to one BAR through rte_pci_ioport_*(). The members belong to the
 * bus (base is its handle for the port); a driver may copy the struct but
 * not interpret it.
 */
struct rte_pci_ioport {
	struct rte_pci_device *dev; /**< the device */
	uint64_t base;		    /**< bus-private handle */
	uint64_t len;		    /**< the BAR's length */
};

#ifdef __cplusplus
}
#endif

#endif /* BUS_PCI_DRIVER_H */
