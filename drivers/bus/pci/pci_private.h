/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Private to the PCI bus: the bus-side state of a device, and the calls
 * between the bus's files.
 *
 *   pci_common.c     the bus object, driver registration, addresses, lookups
 *   pci_scan.c       reading the sysfs tree (or a fake one, doc/testing.md)
 *   pci_probe.c      matching drivers, the -a/-b policy, probe and remove
 *   pci_iova.c       the IOVA mode the devices need, and its checks
 *   pci_config.c     configuration space, bus master, extended capabilities
 *   pci_map.c        rte_pci_map_device(): dispatch to UIO or VFIO
 *   pci_uio.c        uio_pci_generic, igb_uio and fake devices
 *   pci_vfio.c       a vfio-pci device: regions, interrupts, reset
 *   pci_vfio_container.c  the VFIO container, groups and DMA mapping
 *   pci_ioport.c     rte_pci_ioport_*()
 *
 * Locking: the device and driver lists change only on the thread that
 * runs rte_eal_init(), hot-plug or cleanup (the EAL serialises hot-plug);
 * the VFIO container has its own lock, since memory events come from any
 * thread.
 */
#ifndef PCI_PRIVATE_H
#define PCI_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>

#include <rte_log.h>
#include <bus_driver.h>
#include "bus_pci_driver.h"

extern int pci_logtype;

#define PCI_LOG(level, ...) \
	rte_log(RTE_LOG_##level, pci_logtype, "PCI: " __VA_ARGS__)

/* Linux's IORESOURCE_* flags in sysfs's resource file. */
#define PCI_IORESOURCE_IO	0x100
#define PCI_IORESOURCE_MEM	0x200
#define PCI_IORESOURCE_PREFETCH 0x2000

/* PCI Local Bus 3.0, 6.2.2: Command register bits. */
#define PCI_COMMAND_IO		 0x1
#define PCI_COMMAND_MEMORY	 0x2
#define PCI_COMMAND_INTX_DISABLE 0x400

#define PCI_KDRV_NAME_LEN 64

struct pci_vfio_group;

/* A device as the bus keeps it; pub is what drivers see. */
struct pci_device {
	struct rte_pci_device pub;
	char kernel_driver[PCI_KDRV_NAME_LEN]; /* "" when none */
	uint64_t bar_flags[PCI_MAX_RESOURCE];  /* IORESOURCE_* */
	int iommu_group;		       /* -1 when none */
	int uio_num;			       /* -1 when none */
	bool fake;			       /* in a POLLUX_SYSFS_PCI tree */
	bool present;			       /* seen by the last scan */
	bool mapped;			       /* rte_pci_map_device() done */
	/* UIO */
	int uio_fd;
	int config_fd;
	int msix_fds[RTE_MAX_RXTX_INTR_VEC_ID + 1]; /* fake MSI-X FIFOs */
	int nb_msix_fds;
	/* VFIO */
	struct pci_vfio_group *vfio_group;
	int vfio_dev_fd;
	uint32_t vfio_dev_flags; /* VFIO_DEVICE_FLAGS_* */
	uint64_t vfio_region_offset[PCI_MAX_RESOURCE + 3];
	uint64_t vfio_region_size[PCI_MAX_RESOURCE + 3];
	uint32_t vfio_region_flags[PCI_MAX_RESOURCE + 3];
	void *vfio_bar_reserved[PCI_MAX_RESOURCE]; /* sparse-mapped BARs */
};

#define PCI_PRIV(dev)	    container_of(dev, struct pci_device, pub)
#define PCI_PRIV_CONST(dev) container_of(dev, const struct pci_device, pub)

TAILQ_HEAD(pci_device_list, rte_pci_device);
TAILQ_HEAD(pci_driver_list, rte_pci_driver);

extern struct rte_bus pci_bus;
extern struct pci_device_list pci_devices;
extern struct pci_driver_list pci_drivers;

/* pci_common.c */
const char *pci_dev_dir(void);
int pci_name_cmp(const char *devargs_name, const char *dev_name);
void pci_device_free(struct pci_device *pdev);
bool pci_kdrv_is_user(enum rte_pci_kernel_driver kdrv);
const char *pci_kdrv_name(const struct pci_device *pdev);

/* pci_scan.c */
int pci_scan(void);
int pci_sysfs_path(char *buf, size_t size, const struct pci_device *pdev,
	const char *file);

/* pci_probe.c */
int pci_probe(void);
int pci_plug(struct rte_device *dev);
int pci_unplug(struct rte_device *dev);
int pci_cleanup(void);
bool pci_id_match(const struct rte_pci_id *table, const struct rte_pci_id *id);
const struct rte_pci_driver *pci_driver_for(const struct pci_device *pdev);

/* pci_iova.c */
enum rte_iova_mode pci_get_iommu_class(void);
int pci_iova_check(const struct pci_device *pdev,
	const struct rte_pci_driver *driver);

/* pci_config.c */
int pci_config_command_update(struct rte_pci_device *dev, uint16_t set,
	uint16_t clear);

/* pci_uio.c */
int pci_uio_map(struct pci_device *pdev);
void pci_uio_unmap(struct pci_device *pdev);

/* pci_vfio.c */
int pci_vfio_map(struct pci_device *pdev);
void pci_vfio_unmap(struct pci_device *pdev);
int
pci_vfio_dma_map(struct rte_device *dev, void *addr, uint64_t iova, size_t len);
int pci_vfio_dma_unmap(struct rte_device *dev, void *addr, uint64_t iova,
	size_t len);

/* pci_vfio_container.c */
bool pci_vfio_group_is_noiommu(int group_num);
int pci_vfio_group_get(struct pci_device *pdev);
void pci_vfio_group_put(struct pci_device *pdev);
int pci_vfio_group_fd(const struct pci_device *pdev);
int
pci_vfio_container_dma(bool map, uint64_t vaddr, uint64_t iova, uint64_t len);
int pci_vfio_group_viable_check(const struct pci_device *pdev);

#endif /* PCI_PRIVATE_H */
