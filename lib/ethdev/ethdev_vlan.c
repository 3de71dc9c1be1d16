/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * VLAN calls (filter table, stripping, TPID, port VLAN id, the offload
 * switches) and link flow control. ethdev keeps the VLAN filter bitmap
 * and the Rx offload flags in the port's data, so that they survive a
 * restart and can be read back without asking the driver.
 */
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "ethdev_private.h"

int
rte_eth_dev_vlan_filter(uint16_t port_id, uint16_t vlan_id, int on)
{
	struct rte_vlan_filter_conf *vfc;
	struct rte_eth_dev *dev;
	uint64_t bit;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (!(dev->data->dev_conf.rxmode.offloads &
		    RTE_ETH_RX_OFFLOAD_VLAN_FILTER))
		ETHDEV_ERR_RET(ENOSYS,
			"port %u: VLAN filtering is off: enable "
			"RTE_ETH_RX_OFFLOAD_VLAN_FILTER first\n",
			port_id);
	if (vlan_id > RTE_ETH_VLAN_ID_MAX)
		ETHDEV_ERR_RET(EINVAL, "port %u: VLAN id %u is above %u\n",
			port_id, vlan_id, RTE_ETH_VLAN_ID_MAX);
	ETHDEV_OP_OR_RET(dev, vlan_filter_set);
	ret = dev->dev_ops->vlan_filter_set(dev, vlan_id, on);
	if (ret == 0) {
		vfc = &dev->data->vlan_filter_conf;
		bit = UINT64_C(1) << (vlan_id % 64);
		if (on)
			vfc->ids[vlan_id / 64] |= bit;
		else
			vfc->ids[vlan_id / 64] &= ~bit;
	}
	return eth_err(port_id, ret);
}

int
rte_eth_dev_set_vlan_strip_on_queue(uint16_t port_id, uint16_t rx_queue_id,
	int on)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (rx_queue_id >= dev->data->nb_rx_queues)
		ETHDEV_ERR_RET(EINVAL, "port %u: no Rx queue %u (it has %u)\n",
			port_id, rx_queue_id, dev->data->nb_rx_queues);
	ETHDEV_OP_OR_RET(dev, vlan_strip_queue_set);
	dev->dev_ops->vlan_strip_queue_set(dev, rx_queue_id, on);
	return 0;
}

int
rte_eth_dev_set_vlan_ether_type(uint16_t port_id, enum rte_vlan_type vlan_type,
	uint16_t tag_type)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (vlan_type <= RTE_ETH_VLAN_TYPE_UNKNOWN ||
		vlan_type >= RTE_ETH_VLAN_TYPE_MAX)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: VLAN type %d is neither "
			"inner nor outer\n",
			port_id, (int)vlan_type);
	ETHDEV_OP_OR_RET(dev, vlan_tpid_set);
	return eth_err(port_id,
		dev->dev_ops->vlan_tpid_set(dev, vlan_type, tag_type));
}

/* The VLAN offload switches and the Rx offload flag of each. */
static const struct {
	int mask;
	uint64_t offload;
	const char *name;
} eth_vlan_offloads[] = {
	{ RTE_ETH_VLAN_STRIP_MASK, RTE_ETH_RX_OFFLOAD_VLAN_STRIP, "strip" },
	{ RTE_ETH_VLAN_FILTER_MASK, RTE_ETH_RX_OFFLOAD_VLAN_FILTER, "filter" },
	{ RTE_ETH_VLAN_EXTEND_MASK, RTE_ETH_RX_OFFLOAD_VLAN_EXTEND, "extend" },
	{ RTE_ETH_QINQ_STRIP_MASK, RTE_ETH_RX_OFFLOAD_QINQ_STRIP, "QinQ strip" },
};

int
rte_eth_dev_set_vlan_offload(uint16_t port_id, int offload_mask)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	uint64_t old, wanted;
	int changed = 0, ret;
	unsigned int i;

	ETHDEV_PORT_OR_RET(dev, port_id);
	old = dev->data->dev_conf.rxmode.offloads;
	wanted = old;
	for (i = 0; i < RTE_DIM(eth_vlan_offloads); i++) {
		if (offload_mask & eth_vlan_offloads[i].mask)
			wanted |= eth_vlan_offloads[i].offload;
		else
			wanted &= ~eth_vlan_offloads[i].offload;
		if ((wanted ^ old) & eth_vlan_offloads[i].offload)
			changed |= eth_vlan_offloads[i].mask;
	}
	if (changed == 0)
		return 0;
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	for (i = 0; i < RTE_DIM(eth_vlan_offloads); i++)
		if ((wanted & ~info.rx_offload_capa) &
			eth_vlan_offloads[i].offload)
			ETHDEV_ERR_RET(ENOTSUP, "port %u cannot do VLAN %s\n",
				port_id, eth_vlan_offloads[i].name);
	ETHDEV_OP_OR_RET(dev, vlan_offload_set);
	dev->data->dev_conf.rxmode.offloads = wanted;
	ret = dev->dev_ops->vlan_offload_set(dev, changed);
	if (ret != 0)
		dev->data->dev_conf.rxmode.offloads = old;
	return eth_err(port_id, ret);
}

int
rte_eth_dev_get_vlan_offload(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	uint64_t offloads;
	unsigned int i;
	int mask = 0;

	ETHDEV_PORT_OR_RET(dev, port_id);
	offloads = dev->data->dev_conf.rxmode.offloads;
	for (i = 0; i < RTE_DIM(eth_vlan_offloads); i++)
		if (offloads & eth_vlan_offloads[i].offload)
			mask |= eth_vlan_offloads[i].mask;
	return mask;
}

int
rte_eth_dev_set_vlan_pvid(uint16_t port_id, uint16_t pvid, int on)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, vlan_pvid_set);
	return eth_err(port_id, dev->dev_ops->vlan_pvid_set(dev, pvid, on));
}

int
rte_eth_dev_flow_ctrl_get(uint16_t port_id, struct rte_eth_fc_conf *fc_conf)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(fc_conf, port_id);
	ETHDEV_OP_OR_RET(dev, flow_ctrl_get);
	memset(fc_conf, 0, sizeof(*fc_conf));
	return eth_err(port_id, dev->dev_ops->flow_ctrl_get(dev, fc_conf));
}

int
rte_eth_dev_flow_ctrl_set(uint16_t port_id, struct rte_eth_fc_conf *fc_conf)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(fc_conf, port_id);
	if (fc_conf->send_xon != 0 && fc_conf->send_xon != 1)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: send_xon must be 0 or 1, not "
			"%u\n",
			port_id, fc_conf->send_xon);
	if (fc_conf->mode > RTE_ETH_FC_FULL)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: flow control mode %d is not "
			"an rte_eth_fc_mode\n",
			port_id, (int)fc_conf->mode);
	ETHDEV_OP_OR_RET(dev, flow_ctrl_set);
	return eth_err(port_id, dev->dev_ops->flow_ctrl_set(dev, fc_conf));
}
