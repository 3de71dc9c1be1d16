/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The PCI bus, as a driver reaches its device (DPDK 22.11's
 * rte_bus_pci.h): BAR mapping, configuration space, I/O ports.
 *
 * The structures are in bus_pci_driver.h. A device is reachable only when
 * it is bound to vfio-pci, uio_pci_generic or igb_uio (or is a fake device
 * of a POLLUX_SYSFS_PCI tree, see doc/testing.md); the bus never opens for
 * writing, maps or resets a device that a kernel driver owns.
 */
#ifndef _RTE_BUS_PCI_H_
#define _RTE_BUS_PCI_H_

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_compat.h>
#include <rte_debug.h>
#include <rte_interrupts.h>
#include <rte_pci.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_pci_device;
struct rte_pci_driver;
struct rte_pci_ioport;
struct rte_devargs;

/**
 * Maps the device's memory BARs (mem_resource[].addr) and sets up its
 * interrupt handle, through the kernel driver it is bound to. The bus
 * does this itself before probe for a driver with
 * RTE_PCI_DRV_NEED_MAPPING.
 *
 * @return 0; < 0 on error (one line names the device and the cause;
 *   nothing is left mapped or open); > 0 when the device is bound to no
 *   driver the bus can map through.
 */
int rte_pci_map_device(struct rte_pci_device *dev);

/** Undoes rte_pci_map_device(): unmaps the BARs, closes the fds. */
void rte_pci_unmap_device(struct rte_pci_device *dev);

/** Prints one line per device found (address, ids, driver) to f. */
void rte_pci_dump(FILE *f);

/**
 * Finds an extended capability (RTE_PCI_EXT_CAP_ID_*) in configuration
 * space, from offset 0x100.
 *
 * @return its offset (> 0); 0 when the device has none; < 0 when the
 *   configuration space cannot be read.
 */
__rte_experimental off_t rte_pci_find_ext_capability(struct rte_pci_device *dev,
	uint32_t cap);

/**
 * Sets or clears Bus Master Enable in the Command register.
 *
 * @return 0, or -1 if the configuration space cannot be read or written.
 */
__rte_experimental int
rte_pci_set_bus_master(struct rte_pci_device *dev, bool enable);

/**
 * Sets or clears PASID Enable in the PASID capability at offset.
 *
 * @return 0, or < 0 on a configuration-space error.
 */
__rte_internal int rte_pci_pasid_set_state(const struct rte_pci_device *dev,
	off_t offset, bool enable);

/**
 * Reads len bytes of configuration space at offset into buf.
 *
 * @return the number of bytes read, or < 0 (-errno) on error.
 */
int rte_pci_read_config(const struct rte_pci_device *device, void *buf,
	size_t len, off_t offset);

/**
 * Writes len bytes of buf to configuration space at offset.
 *
 * @return the number of bytes written, or < 0 (-errno) on error.
 */
int rte_pci_write_config(const struct rte_pci_device *device, const void *buf,
	size_t len, off_t offset);

/**
 * Prepares p for access to BAR bar of dev, an I/O port BAR (legacy
 * virtio) or a memory BAR. I/O BARs are reached with pread/pwrite on the
 * kernel's resource file or VFIO region, never with in/out instructions.
 *
 * @return 0, or < 0 (one line says why).
 */
int rte_pci_ioport_map(struct rte_pci_device *dev, int bar,
	struct rte_pci_ioport *p);

/** Releases what rte_pci_ioport_map() took. @return 0 or < 0. */
int rte_pci_ioport_unmap(struct rte_pci_ioport *p);

/** Reads len bytes at offset of the port into data. */
void rte_pci_ioport_read(struct rte_pci_ioport *p, void *data, size_t len,
	off_t offset);

/** Writes len bytes of data at offset of the port. */
void rte_pci_ioport_write(struct rte_pci_ioport *p, const void *data,
	size_t len, off_t offset);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_PCI_H_ */
