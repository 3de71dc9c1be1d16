/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * PCI addresses, ids and configuration-space constants (DPDK 22.11's
 * rte_pci.h). Offsets and bits are those of the PCI Local Bus
 * Specification 3.0 (section 6.1, configuration header) and of the PCI
 * Express Base Specification (section 7.6, extended capabilities).
 */
#ifndef _RTE_PCI_H_
#define _RTE_PCI_H_

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Configuration space of conventional PCI (and PCI-X mode 1). */
#define RTE_PCI_CFG_SPACE_SIZE 256
/** Configuration space of PCI Express (and PCI-X mode 2). */
#define RTE_PCI_CFG_SPACE_EXP_SIZE 4096

#define RTE_PCI_VENDOR_ID 0x00 /**< 16 bits */
#define RTE_PCI_DEVICE_ID 0x02 /**< 16 bits */
#define RTE_PCI_COMMAND	  0x04 /**< 16 bits */

/** Command register: Bus Master Enable. */
#define RTE_PCI_COMMAND_MASTER 0x4

/** PCI Express capability: Device Control. */
#define RTE_PCI_EXP_DEVCTL 8

/** Extended capability header: the capability id (bits 15:0). */
#define RTE_PCI_EXT_CAP_ID(header) (header & 0x0000ffff)
/** Extended capability header: offset of the next one (bits 31:20). */
#define RTE_PCI_EXT_CAP_NEXT(header) ((header >> 20) & 0xffc)

#define RTE_PCI_EXT_CAP_ID_ERR	 0x01 /**< Advanced Error Reporting */
#define RTE_PCI_EXT_CAP_ID_DSN	 0x03 /**< Device Serial Number */
#define RTE_PCI_EXT_CAP_ID_SRIOV 0x10 /**< SR-IOV */
#define RTE_PCI_EXT_CAP_ID_PASID 0x1B /**< Process Address Space ID */

/* SR-IOV capability registers (offsets in the capability). */
#define RTE_PCI_SRIOV_CAP	 0x04
#define RTE_PCI_SRIOV_CTRL	 0x08
#define RTE_PCI_SRIOV_INITIAL_VF 0x0c
#define RTE_PCI_SRIOV_TOTAL_VF	 0x0e
#define RTE_PCI_SRIOV_NUM_VF	 0x10
#define RTE_PCI_SRIOV_FUNC_LINK	 0x12
#define RTE_PCI_SRIOV_VF_OFFSET	 0x14
#define RTE_PCI_SRIOV_VF_STRIDE	 0x16
#define RTE_PCI_SRIOV_VF_DID	 0x1a
#define RTE_PCI_SRIOV_SUP_PGSIZE 0x1c

/** PASID capability: control register. */
#define RTE_PCI_PASID_CTRL 0x06

/** printf format of a full PCI address: 0000:00:04.0. */
#define PCI_PRI_FMT "%.4" PRIx32 ":%.2" PRIx8 ":%.2" PRIx8 ".%" PRIx8
/** Room for a formatted full address, with its NUL. */
#define PCI_PRI_STR_SIZE sizeof("XXXXXXXX:XX:XX.X")

/** printf format of a short PCI address (no domain): 00:04.0. */
#define PCI_SHORT_PRI_FMT "%.2" PRIx8 ":%.2" PRIx8 ".%" PRIx8

/** Values in PCI_PRI_FMT. */
#define PCI_FMT_NVAL 4

/** Values per line of sysfs's resource file. */
#define PCI_RESOURCE_FMT_NVAL 3

/** Base address registers (BARs) of a type 0 header. */
#define PCI_MAX_RESOURCE 6

/** An id a driver matches: each field a value or a wildcard. */
struct rte_pci_id {
	uint32_t class_id;	      /**< class code or RTE_CLASS_ANY_ID */
	uint16_t vendor_id;	      /**< vendor or RTE_PCI_ANY_ID */
	uint16_t device_id;	      /**< device or RTE_PCI_ANY_ID */
	uint16_t subsystem_vendor_id; /**< subsystem vendor or RTE_PCI_ANY_ID */
	uint16_t subsystem_device_id; /**< subsystem device or RTE_PCI_ANY_ID */
};

/** Where a device sits: domain, bus, device and function. */
struct rte_pci_addr {
	uint32_t domain;  /**< PCI domain (segment) */
	uint8_t bus;	  /**< bus number */
	uint8_t devid;	  /**< device number, 0-31 */
	uint8_t function; /**< function number, 0-7 */
};

/** Wildcard for the 16-bit ids. */
#define RTE_PCI_ANY_ID (0xffff)
/** Deprecated spelling of RTE_PCI_ANY_ID. */
#define PCI_ANY_ID RTE_PCI_ANY_ID
/** Wildcard for the class code. */
#define RTE_CLASS_ANY_ID (0xffffff)

/**
 * Writes the full name of addr ("0000:00:04.0") to output, at most size
 * bytes with the NUL (truncated if it does not fit).
 */
void
rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size);

/**
 * Compares two addresses.
 *
 * @return 0 if equal, > 0 if addr comes after addr2, < 0 if before or if
 *   either is NULL.
 */
int rte_pci_addr_cmp(const struct rte_pci_addr *addr,
	const struct rte_pci_addr *addr2);

/**
 * Parses a full ("0000:00:04.0", domain up to 8 hex digits) or short
 * ("00:04.0", domain 0) PCI address; the string must end after the
 * function digit.
 *
 * @return 0, or < 0 (-EINVAL) if str is not an address.
 */
int rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PCI_H_ */
