/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ethtest's VLAN, flow control, queue statistics mapping, burst mode,
 * register and EEPROM operations. They keep what they are told in the
 * port's private data, so tests can check that ethdev passed it on. Time
 * sync, module EEPROM, the TPID and the Tx burst mode are left out on
 * purpose: ethdev must answer -ENOTSUP for them.
 */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>

#include "ethtest_internal.h"

int
ethtest_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vlan_id, int on)
{
	struct ethtest_private *priv = dev->data->dev_private;

	priv->vlan_filter_calls++;
	priv->last_vlan_id = vlan_id;
	priv->last_vlan_on = on;
	return 0;
}

int
ethtest_vlan_offload_set(struct rte_eth_dev *dev, int mask)
{
	struct ethtest_private *priv = dev->data->dev_private;

	if (priv->fail_op == ETHTEST_OP_VLAN) {
		priv->fail_op = ETHTEST_OP_NONE;
		return priv->fail_err;
	}
	priv->vlan_offload_mask = mask;
	return 0;
}

void
ethtest_vlan_strip_queue_set(struct rte_eth_dev *dev, uint16_t queue_id, int on)
{
	struct ethtest_private *priv = dev->data->dev_private;

	if (on)
		priv->vlan_strip_queues |= 1u << queue_id;
	else
		priv->vlan_strip_queues &= ~(1u << queue_id);
}

int
ethtest_vlan_pvid_set(struct rte_eth_dev *dev, uint16_t vlan_id, int on)
{
	struct ethtest_private *priv = dev->data->dev_private;

	priv->pvid = on ? vlan_id : 0;
	return 0;
}

int
ethtest_flow_ctrl_get(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc)
{
	struct ethtest_private *priv = dev->data->dev_private;

	*fc = priv->fc;
	return 0;
}

int
ethtest_flow_ctrl_set(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc)
{
	struct ethtest_private *priv = dev->data->dev_private;

	if (fc->high_water < fc->low_water)
		return -EINVAL;
	priv->fc = *fc;
	return 0;
}

int
ethtest_queue_stats_mapping_set(struct rte_eth_dev *dev, uint16_t queue_id,
	uint8_t stat_idx, uint8_t is_rx)
{
	struct ethtest_private *priv = dev->data->dev_private;

	if (is_rx)
		priv->rx_stat_map[queue_id] = stat_idx;
	else
		priv->tx_stat_map[queue_id] = stat_idx;
	return 0;
}

int
ethtest_rx_burst_mode_get(struct rte_eth_dev *dev __rte_unused,
	uint16_t queue_id, struct rte_eth_burst_mode *mode)
{
	mode->flags = 0;
	snprintf(mode->info, sizeof(mode->info), "ring loop, queue %u",
		queue_id);
	return 0;
}

int
ethtest_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *info)
{
	struct ethtest_private *priv = dev->data->dev_private;
	uint32_t *out = info->data;
	uint32_t i;

	info->width = sizeof(uint32_t);
	info->version = ETHTEST_REG_VERSION;
	if (out == NULL) {
		info->length = ETHTEST_NB_REGS;
		return 0;
	}
	if (info->length == 0)
		info->length = ETHTEST_NB_REGS - info->offset;
	if (info->offset + info->length > ETHTEST_NB_REGS)
		return -EINVAL;
	for (i = 0; i < info->length; i++)
		out[i] = ETHTEST_REG_VALUE(priv->instance, info->offset + i);
	return 0;
}

int
ethtest_get_eeprom_length(struct rte_eth_dev *dev __rte_unused)
{
	return ETHTEST_EEPROM_SIZE;
}

/* Checks that a region fits the EEPROM. */
static int
ethtest_eeprom_region(const struct rte_dev_eeprom_info *info)
{
	if (info->data == NULL || info->offset > ETHTEST_EEPROM_SIZE ||
		info->length > ETHTEST_EEPROM_SIZE - info->offset)
		return -EINVAL;
	return 0;
}

int
ethtest_get_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info)
{
	struct ethtest_private *priv = dev->data->dev_private;

	if (ethtest_eeprom_region(info) != 0)
		return -EINVAL;
	memcpy(info->data, priv->eeprom + info->offset, info->length);
	info->magic = ETHTEST_EEPROM_MAGIC;
	return 0;
}

int
ethtest_set_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info)
{
	struct ethtest_private *priv = dev->data->dev_private;

	if (ethtest_eeprom_region(info) != 0 ||
		info->magic != ETHTEST_EEPROM_MAGIC)
		return -EINVAL;
	memcpy(priv->eeprom + info->offset, info->data, info->length);
	return 0;
}
