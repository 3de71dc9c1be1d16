/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Buffers for reading a device's registers, its EEPROM and the EEPROM of
 * a plugged module (SFP and the like): rte_eth_dev_get_reg_info(),
 * rte_eth_dev_get_eeprom(), rte_eth_dev_get_module_eeprom().
 */
#ifndef _RTE_DEV_INFO_H_
#define _RTE_DEV_INFO_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Registers to read. With data NULL the driver fills in length (and
 * width) only, so the caller can size the buffer.
 */
struct rte_dev_reg_info {
	void *data;	  /**< buffer for length registers, or NULL */
	uint32_t offset;  /**< first register */
	uint32_t length;  /**< registers to read, 0 for all */
	uint32_t width;	  /**< bytes per register (out) */
	uint32_t version; /**< device version (out) */
};

/** A region of an EEPROM to read or write. */
struct rte_dev_eeprom_info {
	void *data;	 /**< length bytes */
	uint32_t offset; /**< first byte */
	uint32_t length; /**< bytes */
	uint32_t magic;	 /**< device-specific key (device id, ...) */
};

/** What kind of EEPROM a plugged module has, and its size. */
struct rte_eth_dev_module_info {
	uint32_t type;	     /**< RTE_ETH_MODULE_SFF_* */
	uint32_t eeprom_len; /**< bytes */
};

/* EEPROM standards of plug-in modules, and their sizes in bytes. */
#define RTE_ETH_MODULE_SFF_8079		0x1
#define RTE_ETH_MODULE_SFF_8079_LEN	256
#define RTE_ETH_MODULE_SFF_8472		0x2
#define RTE_ETH_MODULE_SFF_8472_LEN	512
#define RTE_ETH_MODULE_SFF_8636		0x3
#define RTE_ETH_MODULE_SFF_8636_LEN	256
#define RTE_ETH_MODULE_SFF_8636_MAX_LEN 640
#define RTE_ETH_MODULE_SFF_8436		0x4
#define RTE_ETH_MODULE_SFF_8436_LEN	256
#define RTE_ETH_MODULE_SFF_8436_MAX_LEN 640

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEV_INFO_H_ */
