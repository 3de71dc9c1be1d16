/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The ethdev calls for device features beyond the data path: VLAN, flow
 * control, queue statistics mapping, burst modes, time sync, registers
 * and EEPROMs. Included by rte_ethdev.h; applications include that
 * instead (the names are DPDK 22.11's rte_ethdev.h ones).
 */
#ifndef _RTE_ETHDEV_FEATURES_H_
#define _RTE_ETHDEV_FEATURES_H_

#include <stdint.h>
#include <time.h>

#include <rte_dev_info.h>
#include <rte_ethdev_types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------
 * VLAN, flow control, queue statistics mapping, burst modes, time sync,
 * registers and EEPROMs. Each returns -ENOTSUP when the port's driver
 * lacks the operation, -ENODEV for an invalid port, -EIO when the device
 * was removed, or the driver's error.
 */

/**
 * Adds (on != 0) or removes vlan_id in the port's VLAN filter.
 * @return 0; -ENOSYS (RTE_ETH_RX_OFFLOAD_VLAN_FILTER is not enabled);
 *   -EINVAL (vlan_id > 4095); -ENODEV; -ENOTSUP; -EIO.
 */
int rte_eth_dev_vlan_filter(uint16_t port_id, uint16_t vlan_id, int on);

/**
 * Turns VLAN stripping on one Rx queue on or off.
 * @return 0; -EINVAL (no such configured queue); -ENODEV; -ENOTSUP.
 */
int rte_eth_dev_set_vlan_strip_on_queue(uint16_t port_id, uint16_t rx_queue_id,
	int on);

/**
 * Sets the TPID the port recognises for the inner or outer tag.
 * @return 0; -EINVAL (bad vlan_type); -ENODEV; -ENOTSUP; -EIO.
 */
int rte_eth_dev_set_vlan_ether_type(uint16_t port_id,
	enum rte_vlan_type vlan_type, uint16_t tag_type);

/**
 * Sets the port's VLAN offloads: offload_mask is an OR of
 * RTE_ETH_VLAN_STRIP_OFFLOAD, _FILTER_OFFLOAD, _EXTEND_OFFLOAD and
 * RTE_ETH_QINQ_STRIP_OFFLOAD; those not in it are turned off. The port's
 * Rx offload configuration follows.
 * @return 0 (also when nothing changes); -ENOTSUP (an offload the port
 *   lacks, or no driver operation); -ENODEV; -EIO; the driver's error
 *   (the configuration is then left as it was).
 */
int rte_eth_dev_set_vlan_offload(uint16_t port_id, int offload_mask);

/**
 * The port's VLAN offloads now on (RTE_ETH_VLAN_*_OFFLOAD bits).
 * @return the bits, or -ENODEV.
 */
int rte_eth_dev_get_vlan_offload(uint16_t port_id);

/**
 * Sets (on != 0) or clears the port VLAN id inserted into untagged Tx
 * frames.
 * @return 0; -ENODEV; -ENOTSUP; -EIO.
 */
int rte_eth_dev_set_vlan_pvid(uint16_t port_id, uint16_t pvid, int on);

/**
 * Reads the port's link flow control settings into fc_conf.
 * @return 0; -EINVAL (NULL); -ENODEV; -ENOTSUP; -EIO.
 */
int
rte_eth_dev_flow_ctrl_get(uint16_t port_id, struct rte_eth_fc_conf *fc_conf);

/**
 * Applies fc_conf to the port's link flow control.
 * @return 0; -EINVAL (NULL, send_xon neither 0 nor 1); -ENODEV; -ENOTSUP;
 *   -EIO.
 */
int
rte_eth_dev_flow_ctrl_set(uint16_t port_id, struct rte_eth_fc_conf *fc_conf);

/**
 * Counts Tx queue tx_queue_id in the per-queue statistics slot stat_idx
 * (for devices whose per-queue counters are fewer than their queues).
 * @return 0; -EINVAL (no such configured queue, stat_idx >=
 *   RTE_ETHDEV_QUEUE_STAT_CNTRS); -ENODEV; -ENOTSUP; -EIO.
 */
int rte_eth_dev_set_tx_queue_stats_mapping(uint16_t port_id,
	uint16_t tx_queue_id, uint8_t stat_idx);

/** rte_eth_dev_set_tx_queue_stats_mapping() for an Rx queue. */
int rte_eth_dev_set_rx_queue_stats_mapping(uint16_t port_id,
	uint16_t rx_queue_id, uint8_t stat_idx);

/**
 * Describes how the Rx burst function of a queue works.
 * @return 0; -EINVAL (NULL mode, no such configured queue); -ENODEV;
 *   -ENOTSUP; -EIO.
 */
__rte_experimental int rte_eth_rx_burst_mode_get(uint16_t port_id,
	uint16_t queue_id, struct rte_eth_burst_mode *mode);

/** rte_eth_rx_burst_mode_get() for a Tx queue. */
__rte_experimental int rte_eth_tx_burst_mode_get(uint16_t port_id,
	uint16_t queue_id, struct rte_eth_burst_mode *mode);

/**
 * Reads device registers (see struct rte_dev_reg_info: with data NULL,
 * only the length and width are filled in).
 * @return 0; -EINVAL (NULL); -ENODEV; -ENOTSUP; -EIO.
 */
int rte_eth_dev_get_reg_info(uint16_t port_id, struct rte_dev_reg_info *info);

/** The size of the device's EEPROM in bytes, or -ENODEV, -ENOTSUP, -EIO. */
int rte_eth_dev_get_eeprom_length(uint16_t port_id);

/**
 * Reads a region of the device's EEPROM.
 * @return 0; -EINVAL (NULL); -ENODEV; -ENOTSUP; -EIO.
 */
int rte_eth_dev_get_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);

/** Writes a region of the device's EEPROM; as rte_eth_dev_get_eeprom(). */
int rte_eth_dev_set_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);

/**
 * The type and size of the plugged module's EEPROM.
 * @return 0; -EINVAL (NULL); -ENODEV; -ENOTSUP; -EIO.
 */
__rte_experimental int rte_eth_dev_get_module_info(uint16_t port_id,
	struct rte_eth_dev_module_info *modinfo);

/**
 * Reads a region of the plugged module's EEPROM.
 * @return 0; -EINVAL (NULL info or data, length 0); -ENODEV; -ENOTSUP;
 *   -EIO.
 */
__rte_experimental int rte_eth_dev_get_module_eeprom(uint16_t port_id,
	struct rte_dev_eeprom_info *info);

/** Starts IEEE 1588 time stamping: 0, -ENODEV, -ENOTSUP, -EIO. */
int rte_eth_timesync_enable(uint16_t port_id);

/** Stops IEEE 1588 time stamping: 0, -ENODEV, -ENOTSUP, -EIO. */
int rte_eth_timesync_disable(uint16_t port_id);

/**
 * The time stamp of the last received PTP frame (flags: device-specific,
 * e.g. the timestamp register index).
 * @return 0; -EINVAL (NULL, or no time stamp available); -ENODEV;
 *   -ENOTSUP; -EIO.
 */
int rte_eth_timesync_read_rx_timestamp(uint16_t port_id,
	struct timespec *timestamp, uint32_t flags);

/** The time stamp of the last sent PTP frame; as the Rx one. */
int rte_eth_timesync_read_tx_timestamp(uint16_t port_id,
	struct timespec *timestamp);

/** Moves the device clock by delta nanoseconds: 0, -ENODEV, -ENOTSUP, -EIO. */
int rte_eth_timesync_adjust_time(uint16_t port_id, int64_t delta);

/** Reads the device clock: 0, -EINVAL (NULL), -ENODEV, -ENOTSUP, -EIO. */
int rte_eth_timesync_read_time(uint16_t port_id, struct timespec *time);

/** Sets the device clock: 0, -EINVAL (NULL), -ENODEV, -ENOTSUP, -EIO. */
int rte_eth_timesync_write_time(uint16_t port_id, const struct timespec *time);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHDEV_FEATURES_H_ */
