/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Calls that ask the driver about the device and keep nothing in ethdev:
 * per-queue statistics mapping, burst modes, registers and EEPROMs, and
 * IEEE 1588 time synchronisation. Each checks the port and its
 * arguments, then hands over to the driver's operation (-ENOTSUP without
 * one).
 */
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "ethdev_private.h"

/* Returns the driver's op(dev, args...) through eth_err(), or -ENOTSUP. */
#define ETHDEV_OP_RETURN(dev, op, ...) \
	do { \
		ETHDEV_OP_OR_RET(dev, op); \
		return eth_err((dev)->data->port_id, \
			(dev)->dev_ops->op(dev, ##__VA_ARGS__)); \
	} while (0)

static int
eth_queue_stats_mapping(uint16_t port_id, uint16_t queue_id, uint8_t stat_idx,
	uint8_t is_rx)
{
	struct rte_eth_dev *dev;
	uint16_t nb_queues;

	ETHDEV_PORT_OR_RET(dev, port_id);
	nb_queues = is_rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (queue_id >= nb_queues)
		ETHDEV_ERR_RET(EINVAL, "port %u: no %s queue %u (it has %u)\n",
			port_id, is_rx ? "Rx" : "Tx", queue_id, nb_queues);
	if (stat_idx >= RTE_ETHDEV_QUEUE_STAT_CNTRS)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: statistics slot %u is above "
			"the last, %u\n",
			port_id, stat_idx, RTE_ETHDEV_QUEUE_STAT_CNTRS - 1);
	ETHDEV_OP_OR_RET(dev, queue_stats_mapping_set);
	return eth_err(port_id,
		dev->dev_ops->queue_stats_mapping_set(dev, queue_id, stat_idx,
			is_rx));
}

int
rte_eth_dev_set_tx_queue_stats_mapping(uint16_t port_id, uint16_t tx_queue_id,
	uint8_t stat_idx)
{
	return eth_queue_stats_mapping(port_id, tx_queue_id, stat_idx, 0);
}

int
rte_eth_dev_set_rx_queue_stats_mapping(uint16_t port_id, uint16_t rx_queue_id,
	uint8_t stat_idx)
{
	return eth_queue_stats_mapping(port_id, rx_queue_id, stat_idx, 1);
}

static int
eth_burst_mode_get(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_burst_mode *mode, int is_rx)
{
	struct rte_eth_dev *dev;
	eth_burst_mode_get_t op;
	uint16_t nb_queues;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(mode, port_id);
	nb_queues = is_rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (queue_id >= nb_queues)
		ETHDEV_ERR_RET(EINVAL, "port %u: no %s queue %u (it has %u)\n",
			port_id, is_rx ? "Rx" : "Tx", queue_id, nb_queues);
	op = dev->dev_ops == NULL ? NULL :
		is_rx		  ? dev->dev_ops->rx_burst_mode_get :
				    dev->dev_ops->tx_burst_mode_get;
	if (op == NULL)
		ETHDEV_ERR_RET(ENOTSUP,
			"port %u: driver does not describe its "
			"%s burst mode\n",
			port_id, is_rx ? "Rx" : "Tx");
	memset(mode, 0, sizeof(*mode));
	return eth_err(port_id, op(dev, queue_id, mode));
}

int
rte_eth_rx_burst_mode_get(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_burst_mode *mode)
{
	return eth_burst_mode_get(port_id, queue_id, mode, 1);
}

int
rte_eth_tx_burst_mode_get(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_burst_mode *mode)
{
	return eth_burst_mode_get(port_id, queue_id, mode, 0);
}

int
rte_eth_dev_get_reg_info(uint16_t port_id, struct rte_dev_reg_info *info)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(info, port_id);
	ETHDEV_OP_RETURN(dev, get_reg, info);
}

int
rte_eth_dev_get_eeprom_length(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_RETURN(dev, get_eeprom_length);
}

int
rte_eth_dev_get_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(info, port_id);
	ETHDEV_OP_RETURN(dev, get_eeprom, info);
}

int
rte_eth_dev_set_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(info, port_id);
	ETHDEV_OP_RETURN(dev, set_eeprom, info);
}

int
rte_eth_dev_get_module_info(uint16_t port_id,
	struct rte_eth_dev_module_info *modinfo)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(modinfo, port_id);
	ETHDEV_OP_RETURN(dev, get_module_info, modinfo);
}

int
rte_eth_dev_get_module_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(info, port_id);
	if (info->data == NULL || info->length == 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: module EEPROM read needs a "
			"buffer and a length\n",
			port_id);
	ETHDEV_OP_RETURN(dev, get_module_eeprom, info);
}

int
rte_eth_timesync_enable(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_RETURN(dev, timesync_enable);
}

int
rte_eth_timesync_disable(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_RETURN(dev, timesync_disable);
}

int
rte_eth_timesync_read_rx_timestamp(uint16_t port_id, struct timespec *timestamp,
	uint32_t flags)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(timestamp, port_id);
	ETHDEV_OP_RETURN(dev, timesync_read_rx_timestamp, timestamp, flags);
}

int
rte_eth_timesync_read_tx_timestamp(uint16_t port_id, struct timespec *timestamp)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(timestamp, port_id);
	ETHDEV_OP_RETURN(dev, timesync_read_tx_timestamp, timestamp);
}

int
rte_eth_timesync_adjust_time(uint16_t port_id, int64_t delta)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_RETURN(dev, timesync_adjust_time, delta);
}

int
rte_eth_timesync_read_time(uint16_t port_id, struct timespec *time)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(time, port_id);
	ETHDEV_OP_RETURN(dev, timesync_read_time, time);
}

int
rte_eth_timesync_write_time(uint16_t port_id, const struct timespec *time)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(time, port_id);
	ETHDEV_OP_RETURN(dev, timesync_write_time, time);
}
