/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Control calls that go to the driver and keep ethdev's copy of the
 * result: receive modes, MAC address table, MTU, link, RSS, packet
 * types, the device clock and the firmware version.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_mbuf_ptype.h>

#include "ethdev_private.h"

/* Which receive mode a call is about. */
enum eth_rx_mode {
	ETH_RX_MODE_PROMISCUOUS,
	ETH_RX_MODE_ALLMULTICAST,
};

/* Turns a receive mode on or off through the driver. */
static int
eth_rx_mode_set(uint16_t port_id, enum eth_rx_mode mode, int on)
{
	static const char *const names[] = { "promiscuous", "all-multicast" };
	const struct eth_dev_ops *ops;
	struct rte_eth_dev *dev;
	int (*op)(struct rte_eth_dev *);
	int current, ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ops = dev->dev_ops;
	current = mode == ETH_RX_MODE_PROMISCUOUS ? dev->data->promiscuous :
						    dev->data->all_multicast;
	if (current == on)
		return 0;
	if (mode == ETH_RX_MODE_PROMISCUOUS)
		op = on ? ops->promiscuous_enable : ops->promiscuous_disable;
	else
		op = on ? ops->allmulticast_enable : ops->allmulticast_disable;
	if (op == NULL)
		ETHDEV_ERR_RET(ENOTSUP,
			"port %u: driver cannot turn %s mode "
			"%s\n",
			port_id, names[mode], on ? "on" : "off");
	ret = op(dev);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to turn %s mode %s "
			"(%d)\n",
			port_id, names[mode], on ? "on" : "off", ret);
		return eth_err(port_id, ret);
	}
	if (mode == ETH_RX_MODE_PROMISCUOUS)
		dev->data->promiscuous = on;
	else
		dev->data->all_multicast = on;
	return 0;
}

int
rte_eth_promiscuous_enable(uint16_t port_id)
{
	return eth_rx_mode_set(port_id, ETH_RX_MODE_PROMISCUOUS, 1);
}

int
rte_eth_promiscuous_disable(uint16_t port_id)
{
	return eth_rx_mode_set(port_id, ETH_RX_MODE_PROMISCUOUS, 0);
}

int
rte_eth_allmulticast_enable(uint16_t port_id)
{
	return eth_rx_mode_set(port_id, ETH_RX_MODE_ALLMULTICAST, 1);
}

int
rte_eth_allmulticast_disable(uint16_t port_id)
{
	return eth_rx_mode_set(port_id, ETH_RX_MODE_ALLMULTICAST, 0);
}

int
rte_eth_promiscuous_get(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	return dev->data->promiscuous;
}

int
rte_eth_allmulticast_get(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	return dev->data->all_multicast;
}

/* Entries of the port's MAC table (at least the default address). */
static uint32_t
eth_mac_table_size(uint16_t port_id)
{
	struct rte_eth_dev_info info;

	if (rte_eth_dev_info_get(port_id, &info) != 0 || info.max_mac_addrs == 0)
		return 1;
	return RTE_MIN(info.max_mac_addrs,
		(uint32_t)RTE_ETH_NUM_RECEIVE_MAC_ADDR);
}

/* Index of addr in the port's MAC table, -1 if absent. */
static int
eth_mac_index(const struct rte_eth_dev *dev, const struct rte_ether_addr *addr)
{
	uint32_t i, size = eth_mac_table_size(dev->data->port_id);

	for (i = 0; i < size; i++)
		if (rte_is_same_ether_addr(&dev->data->mac_addrs[i], addr))
			return (int)i;
	return -1;
}

/* Checks of every MAC call: a port with a MAC table, a non-NULL address. */
static int
eth_mac_check(uint16_t port_id, struct rte_eth_dev **dev, const void *addr)
{
	ETHDEV_PORT_OR_RET(*dev, port_id);
	if (addr == NULL)
		ETHDEV_ERR_RET(EINVAL, "port %u: MAC address pointer is NULL\n",
			port_id);
	if ((*dev)->data->mac_addrs == NULL)
		ETHDEV_ERR_RET(ENOTSUP, "port %u: driver has no MAC address\n",
			port_id);
	return 0;
}

int
rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr)
{
	struct rte_eth_dev *dev;
	int ret = eth_mac_check(port_id, &dev, mac_addr);

	if (ret != 0)
		return ret;
	rte_ether_addr_copy(&dev->data->mac_addrs[0], mac_addr);
	return 0;
}

int
rte_eth_macaddrs_get(uint16_t port_id, struct rte_ether_addr *ma,
	unsigned int num)
{
	struct rte_eth_dev *dev;
	int ret = eth_mac_check(port_id, &dev, ma);

	if (ret != 0)
		return ret;
	if (num == 0)
		ETHDEV_ERR_RET(EINVAL, "port %u: room for 0 MAC addresses\n",
			port_id);
	num = RTE_MIN(num, eth_mac_table_size(port_id));
	memcpy(ma, dev->data->mac_addrs, num * sizeof(*ma));
	return (int)num;
}

int
rte_eth_dev_default_mac_addr_set(uint16_t port_id,
	struct rte_ether_addr *mac_addr)
{
	struct rte_eth_dev *dev;
	int ret = eth_mac_check(port_id, &dev, mac_addr);

	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, mac_addr_set);
	if (!rte_is_valid_assigned_ether_addr(mac_addr))
		ETHDEV_ERR_RET(EINVAL,
			"port %u: " RTE_ETHER_ADDR_PRT_FMT " is "
			"not a unicast address\n",
			port_id, RTE_ETHER_ADDR_BYTES(mac_addr));
	if (eth_mac_index(dev, mac_addr) > 0)
		ETHDEV_ERR_RET(EEXIST,
			"port %u: " RTE_ETHER_ADDR_PRT_FMT " is a "
			"secondary address; remove it first\n",
			port_id, RTE_ETHER_ADDR_BYTES(mac_addr));
	ret = dev->dev_ops->mac_addr_set(dev, mac_addr);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to set the MAC "
			"address (%d)\n",
			port_id, ret);
		return eth_err(port_id, ret);
	}
	rte_ether_addr_copy(mac_addr, &dev->data->mac_addrs[0]);
	return 0;
}

int
rte_eth_dev_mac_addr_add(uint16_t port_id, struct rte_ether_addr *addr,
	uint32_t pool)
{
	static const struct rte_ether_addr zero;
	struct rte_eth_dev *dev;
	int index, ret = eth_mac_check(port_id, &dev, addr);

	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, mac_addr_add);
	if (rte_is_zero_ether_addr(addr) || pool >= RTE_ETH_64_POOLS)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: cannot add a zero address or "
			"pool %" PRIu32 " (>= %d)\n",
			port_id, pool, RTE_ETH_64_POOLS);
	index = eth_mac_index(dev, addr);
	if (index >= 0 && (dev->data->mac_pool_sel[index] & RTE_BIT64(pool)))
		return 0;
	if (index < 0) {
		index = eth_mac_index(dev, &zero);
		if (index < 0)
			ETHDEV_ERR_RET(ENOSPC,
				"port %u: MAC address table is "
				"full\n",
				port_id);
	}
	ret = dev->dev_ops->mac_addr_add(dev, addr, (uint32_t)index, pool);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to add a MAC "
			"address (%d)\n",
			port_id, ret);
		return eth_err(port_id, ret);
	}
	rte_ether_addr_copy(addr, &dev->data->mac_addrs[index]);
	dev->data->mac_pool_sel[index] |= RTE_BIT64(pool);
	return 0;
}

int
rte_eth_dev_mac_addr_remove(uint16_t port_id, struct rte_ether_addr *addr)
{
	struct rte_eth_dev *dev;
	int index, ret = eth_mac_check(port_id, &dev, addr);

	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, mac_addr_remove);
	index = eth_mac_index(dev, addr);
	if (index == 0)
		ETHDEV_ERR_RET(EADDRINUSE,
			"port %u: cannot remove the default "
			"MAC address\n",
			port_id);
	if (index < 0)
		return 0;
	dev->dev_ops->mac_addr_remove(dev, (uint32_t)index);
	memset(&dev->data->mac_addrs[index], 0, sizeof(struct rte_ether_addr));
	dev->data->mac_pool_sel[index] = 0;
	return 0;
}

int
rte_eth_dev_set_mc_addr_list(uint16_t port_id,
	struct rte_ether_addr *mc_addr_set, uint32_t nb_mc_addr)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (nb_mc_addr > 0 && mc_addr_set == NULL)
		ETHDEV_ERR_RET(EINVAL, "port %u: NULL multicast address list\n",
			port_id);
	ETHDEV_OP_OR_RET(dev, set_mc_addr_list);
	return eth_err(port_id,
		dev->dev_ops->set_mc_addr_list(dev, mc_addr_set, nb_mc_addr));
}

int
rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(mtu, port_id);
	*mtu = dev->data->mtu;
	return 0;
}

int
rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, mtu_set);
	if (!dev->data->dev_configured)
		ETHDEV_ERR_RET(EINVAL,
			"port %u must be configured before its "
			"MTU is set\n",
			port_id);
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret == 0)
		ret = eth_dev_validate_mtu(port_id, &info, mtu);
	if (ret != 0)
		return ret;
	ret = dev->dev_ops->mtu_set(dev, mtu);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to set MTU %u (%d)\n", port_id,
			mtu, ret);
		return eth_err(port_id, ret);
	}
	dev->data->mtu = mtu;
	dev->data->dev_conf.rxmode.mtu = mtu;
	return 0;
}

/* The link, from the last interrupt or from the driver. */
static int
eth_link_get(uint16_t port_id, struct rte_eth_link *link, int wait)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(link, port_id);
	if (dev->data->dev_conf.intr_conf.lsc && dev->data->dev_started) {
		rte_eth_linkstatus_get(dev, link);
		return 0;
	}
	ETHDEV_OP_OR_RET(dev, link_update);
	(void)dev->dev_ops->link_update(dev, wait);
	rte_eth_linkstatus_get(dev, link);
	return 0;
}

int
rte_eth_link_get(uint16_t port_id, struct rte_eth_link *link)
{
	return eth_link_get(port_id, link, 1);
}

int
rte_eth_link_get_nowait(uint16_t port_id, struct rte_eth_link *link)
{
	return eth_link_get(port_id, link, 0);
}

const char *
rte_eth_link_speed_to_str(uint32_t link_speed)
{
	switch (link_speed) {
	case RTE_ETH_SPEED_NUM_NONE:
		return "None";
	case RTE_ETH_SPEED_NUM_10M:
		return "10 Mbps";
	case RTE_ETH_SPEED_NUM_100M:
		return "100 Mbps";
	case RTE_ETH_SPEED_NUM_1G:
		return "1 Gbps";
	case RTE_ETH_SPEED_NUM_2_5G:
		return "2.5 Gbps";
	case RTE_ETH_SPEED_NUM_5G:
		return "5 Gbps";
	case RTE_ETH_SPEED_NUM_10G:
		return "10 Gbps";
	case RTE_ETH_SPEED_NUM_20G:
		return "20 Gbps";
	case RTE_ETH_SPEED_NUM_25G:
		return "25 Gbps";
	case RTE_ETH_SPEED_NUM_40G:
		return "40 Gbps";
	case RTE_ETH_SPEED_NUM_50G:
		return "50 Gbps";
	case RTE_ETH_SPEED_NUM_56G:
		return "56 Gbps";
	case RTE_ETH_SPEED_NUM_100G:
		return "100 Gbps";
	case RTE_ETH_SPEED_NUM_200G:
		return "200 Gbps";
	case RTE_ETH_SPEED_NUM_UNKNOWN:
		return "Unknown";
	default:
		return "Invalid";
	}
}

int
rte_eth_link_to_str(char *str, size_t len, const struct rte_eth_link *eth_link)
{
	if (str == NULL || len == 0 || eth_link == NULL)
		ETHDEV_ERR_RET(EINVAL, "%s: NULL buffer or link, or length 0\n",
			__func__);
	if (eth_link->link_status == RTE_ETH_LINK_DOWN)
		return snprintf(str, len, "Link down");
	return snprintf(str, len, "Link up at %s %s %s",
		rte_eth_link_speed_to_str(eth_link->link_speed),
		eth_link->link_duplex == RTE_ETH_LINK_FULL_DUPLEX ? "FDX" :
								    "HDX",
		eth_link->link_autoneg == RTE_ETH_LINK_AUTONEG ? "Autoneg" :
								 "Fixed");
}

/* RSS calls need a port configured in an RSS mode. */
static int
eth_rss_mode_check(const struct rte_eth_dev *dev)
{
	if ((dev->data->dev_conf.rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG) == 0)
		ETHDEV_ERR_RET(ENOTSUP,
			"port %u is not configured for RSS "
			"(rxmode.mq_mode)\n",
			dev->data->port_id);
	return 0;
}

int
rte_eth_dev_rss_hash_update(uint16_t port_id, struct rte_eth_rss_conf *rss_conf)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	uint64_t extra;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(rss_conf, port_id);
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	rss_conf->rss_hf = rte_eth_rss_hf_refine(rss_conf->rss_hf);
	extra = rss_conf->rss_hf & ~info.flow_type_rss_offloads;
	if (extra != 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: RSS hash types 0x%" PRIx64 " not supported\n",
			port_id, extra);
	ret = eth_rss_mode_check(dev);
	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, rss_hash_update);
	return eth_err(port_id, dev->dev_ops->rss_hash_update(dev, rss_conf));
}

int
rte_eth_dev_rss_hash_conf_get(uint16_t port_id,
	struct rte_eth_rss_conf *rss_conf)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(rss_conf, port_id);
	ETHDEV_OP_OR_RET(dev, rss_hash_conf_get);
	return eth_err(port_id, dev->dev_ops->rss_hash_conf_get(dev, rss_conf));
}

/*
 * Checks a redirection table argument: some mask bit set and, when
 * nb_queues is not 0, every selected entry a configured queue.
 */
static int
eth_reta_check(uint16_t port_id, const struct rte_eth_rss_reta_entry64 *reta,
	uint16_t reta_size, uint16_t nb_queues)
{
	unsigned int i, group, bit, nb_groups;
	uint64_t any = 0;

	if (reta == NULL || reta_size == 0)
		ETHDEV_ERR_RET(EINVAL, "port %u: NULL or empty RETA\n", port_id);
	nb_groups = (reta_size + RTE_ETH_RETA_GROUP_SIZE - 1) /
		RTE_ETH_RETA_GROUP_SIZE;
	for (group = 0; group < nb_groups; group++)
		any |= reta[group].mask;
	if (any == 0)
		ETHDEV_ERR_RET(EINVAL, "port %u: RETA masks select no entry\n",
			port_id);
	for (i = 0; nb_queues != 0 && i < reta_size; i++) {
		group = i / RTE_ETH_RETA_GROUP_SIZE;
		bit = i % RTE_ETH_RETA_GROUP_SIZE;
		if ((reta[group].mask & RTE_BIT64(bit)) != 0 &&
			reta[group].reta[bit] >= nb_queues)
			ETHDEV_ERR_RET(EINVAL,
				"port %u: RETA entry %u names queue "
				"%u of %u\n",
				port_id, i, reta[group].reta[bit], nb_queues);
	}
	return 0;
}

int
rte_eth_dev_rss_reta_update(uint16_t port_id,
	struct rte_eth_rss_reta_entry64 *reta_conf, uint16_t reta_size)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (dev->data->nb_rx_queues == 0)
		ETHDEV_ERR_RET(EINVAL, "port %u has no Rx queue\n", port_id);
	ret = eth_reta_check(port_id, reta_conf, reta_size,
		dev->data->nb_rx_queues);
	if (ret == 0)
		ret = eth_rss_mode_check(dev);
	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, reta_update);
	return eth_err(port_id,
		dev->dev_ops->reta_update(dev, reta_conf, reta_size));
}

int
rte_eth_dev_rss_reta_query(uint16_t port_id,
	struct rte_eth_rss_reta_entry64 *reta_conf, uint16_t reta_size)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_reta_check(port_id, reta_conf, reta_size, 0);
	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, reta_query);
	return eth_err(port_id,
		dev->dev_ops->reta_query(dev, reta_conf, reta_size));
}

int
rte_eth_dev_get_supported_ptypes(uint16_t port_id, uint32_t ptype_mask,
	uint32_t *ptypes, int num)
{
	const uint32_t *all;
	struct rte_eth_dev *dev;
	int i, count = 0;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (ptypes == NULL && num > 0)
		ETHDEV_ERR_RET(EINVAL, "port %u: NULL ptype array of %d\n",
			port_id, num);
	if (dev->dev_ops->dev_supported_ptypes_get == NULL)
		return 0;
	all = dev->dev_ops->dev_supported_ptypes_get(dev);
	for (i = 0; all != NULL && all[i] != RTE_PTYPE_UNKNOWN; i++) {
		if ((all[i] & ptype_mask) == 0)
			continue;
		if (count < num)
			ptypes[count] = all[i];
		count++;
	}
	return count;
}

/* Each layer's bits of a ptype mask must be all set or all clear. */
static int
eth_ptype_mask_check(uint16_t port_id, uint32_t ptype_mask)
{
	static const uint32_t layers[] = {
		RTE_PTYPE_L2_MASK,
		RTE_PTYPE_L3_MASK,
		RTE_PTYPE_L4_MASK,
		RTE_PTYPE_TUNNEL_MASK,
		RTE_PTYPE_INNER_L2_MASK,
		RTE_PTYPE_INNER_L3_MASK,
		RTE_PTYPE_INNER_L4_MASK,
	};
	uint32_t rest = ptype_mask, part;
	unsigned int i;

	for (i = 0; i < RTE_DIM(layers); i++) {
		part = ptype_mask & layers[i];
		if (part != 0 && part != layers[i])
			ETHDEV_ERR_RET(EINVAL,
				"port %u: ptype mask 0x%08" PRIx32
				" covers part of a layer (0x%08" PRIx32 ")\n",
				port_id, ptype_mask, layers[i]);
		rest &= ~layers[i];
	}
	if (rest != 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: unknown ptype bits 0x%08" PRIx32 "\n",
			port_id, rest);
	return 0;
}

int
rte_eth_dev_set_ptypes(uint16_t port_id, uint32_t ptype_mask,
	uint32_t *set_ptypes, unsigned int num)
{
	const struct eth_dev_ops *ops;
	const uint32_t *all;
	struct rte_eth_dev *dev;
	unsigned int i, kept = 0;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (num > 0 && set_ptypes == NULL)
		ETHDEV_ERR_RET(EINVAL, "port %u: NULL ptype array of %u\n",
			port_id, num);
	ops = dev->dev_ops;
	ret = eth_ptype_mask_check(port_id, ptype_mask);
	if (ret != 0 || ops->dev_supported_ptypes_get == NULL ||
		ops->dev_ptypes_set == NULL) {
		/* A driver that cannot be told parses what it parses. */
		if (num > 0)
			set_ptypes[0] = RTE_PTYPE_UNKNOWN;
		return ret;
	}
	all = ops->dev_supported_ptypes_get(dev);
	for (i = 0;
		all != NULL && all[i] != RTE_PTYPE_UNKNOWN && kept + 1 < num;
		i++)
		if ((all[i] & ptype_mask) != 0)
			set_ptypes[kept++] = all[i];
	if (num > 0)
		set_ptypes[kept] = RTE_PTYPE_UNKNOWN;
	return eth_err(port_id, ops->dev_ptypes_set(dev, ptype_mask));
}

int
rte_eth_read_clock(uint16_t port_id, uint64_t *clock)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(clock, port_id);
	ETHDEV_OP_OR_RET(dev, read_clock);
	return eth_err(port_id, dev->dev_ops->read_clock(dev, clock));
}

int
rte_eth_dev_fw_version_get(uint16_t port_id, char *fw_version, size_t fw_size)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (fw_version == NULL && fw_size > 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: NULL firmware version buffer\n", port_id);
	ETHDEV_OP_OR_RET(dev, fw_version_get);
	return eth_err(port_id,
		dev->dev_ops->fw_version_get(dev, fw_version, fw_size));
}
