/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap control path: probe and remove on the vdev bus, and the
 * ethdev operations. Queues live in the port's private data (one per
 * devargs entry), so queue setup only ties a queue to its pool and
 * release has nothing to return: rx copies each record into fresh mbufs
 * and tx frees every mbuf it is given.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>

#include <rte_interrupts.h>
#include <rte_malloc.h>

#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <bus_vdev_driver.h>

#include "pcap_private.h"
#include "pcap_args.h"
#include "pcap_link.h"

RTE_LOG_REGISTER(eth_pcap_logtype, pmd.net.pcap, NOTICE);

static struct eth_pcap_internals *
eth_pcap_priv(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static int
eth_pcap_dev_configure(struct rte_eth_dev *dev)
{
	struct eth_pcap_internals *priv = eth_pcap_priv(dev);
	uint16_t q;

	if (!dev->data->dev_conf.intr_conf.rxq)
		return 0;
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		if (priv->rxq[q].kind != ETH_PCAP_QUEUE_IFACE) {
			ETH_PCAP_LOG(ERR,
				"%s: rx interrupts need every rx queue "
				"on an interface (queue %u is not)",
				dev->data->name, q);
			return -ENOTSUP;
		}
	return 0;
}

static void
eth_pcap_queue_states(struct rte_eth_dev *dev, uint8_t state)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queue_state[q] = state;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queue_state[q] = state;
}

static int
eth_pcap_dev_start(struct rte_eth_dev *dev)
{
	int ret;

	ret = eth_pcap_rx_intr_start(dev);
	if (ret != 0) {
		eth_pcap_rx_intr_stop(dev);
		return ret;
	}
	ret = eth_pcap_lsc_start(dev);
	if (ret != 0) {
		eth_pcap_rx_intr_stop(dev);
		return ret;
	}
	dev->data->dev_started = 1;
	eth_pcap_link_update(dev, 0);
	eth_pcap_queue_states(dev, RTE_ETH_QUEUE_STATE_STARTED);
	return 0;
}

static int
eth_pcap_dev_stop(struct rte_eth_dev *dev)
{
	struct eth_pcap_internals *priv = eth_pcap_priv(dev);
	uint16_t q;

	eth_pcap_lsc_stop(dev);
	eth_pcap_rx_intr_stop(dev);
	/* What was dumped so far is in the file once the port stops. */
	for (q = 0; q < priv->nb_txq; q++)
		if (priv->txq[q].dumper != NULL)
			pcap_dump_flush(priv->txq[q].dumper);
	dev->data->dev_started = 0;
	eth_pcap_link_update(dev, 0);
	eth_pcap_queue_states(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	return 0;
}

static int
eth_pcap_dev_close(struct rte_eth_dev *dev)
{
	struct eth_pcap_internals *priv = eth_pcap_priv(dev);

	eth_pcap_args_release(priv);
	rte_intr_instance_free(priv->intr_handle);
	priv->intr_handle = NULL;
	return 0;
}

static int
eth_pcap_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct eth_pcap_internals *priv = eth_pcap_priv(dev);

	info->max_rx_queues = priv->nb_rxq;
	info->max_tx_queues = priv->nb_txq;
	info->max_rx_pktlen = ETH_PCAP_SNAPLEN;
	info->max_mac_addrs = 1;
	info->min_rx_bufsize = 0;
	/* Rx chains mbufs for records bigger than one; tx flattens chains. */
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	if (priv->link_iface[0] != '\0')
		info->if_index = if_nametoindex(priv->link_iface);
	return 0;
}

static int
eth_pcap_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *conf, struct rte_mempool *pool)
{
	struct eth_pcap_rx_queue *rxq = &eth_pcap_priv(dev)->rxq[queue_id];

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	rxq->mb_pool = pool;
	rxq->port_id = dev->data->port_id;
	dev->data->rx_queues[queue_id] = rxq;
	return 0;
}

static int
eth_pcap_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_txconf *conf)
{
	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	dev->data->tx_queues[queue_id] = &eth_pcap_priv(dev)->txq[queue_id];
	return 0;
}

/* Queues hold no mbufs between bursts: nothing to give back. */
static void
eth_pcap_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(queue_id);
}

/* Promiscuous and multicast modes: the handles are promiscuous already. */
static int
eth_pcap_mode_ok(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
eth_pcap_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(mtu);
	return 0;
}

static const struct eth_dev_ops eth_pcap_ops = {
	.dev_configure = eth_pcap_dev_configure,
	.dev_start = eth_pcap_dev_start,
	.dev_stop = eth_pcap_dev_stop,
	.dev_close = eth_pcap_dev_close,
	.dev_infos_get = eth_pcap_dev_infos_get,
	.link_update = eth_pcap_link_update,
	.promiscuous_enable = eth_pcap_mode_ok,
	.promiscuous_disable = eth_pcap_mode_ok,
	.allmulticast_enable = eth_pcap_mode_ok,
	.allmulticast_disable = eth_pcap_mode_ok,
	.mtu_set = eth_pcap_mtu_set,
	.stats_get = eth_pcap_stats_get,
	.stats_reset = eth_pcap_stats_reset,
	.xstats_get = eth_pcap_xstats_get,
	.xstats_get_names = eth_pcap_xstats_get_names,
	.rx_queue_setup = eth_pcap_rx_queue_setup,
	.rx_queue_release = eth_pcap_queue_release,
	.tx_queue_setup = eth_pcap_tx_queue_setup,
	.tx_queue_release = eth_pcap_queue_release,
	.rx_queue_intr_enable = eth_pcap_rx_intr_enable,
	.rx_queue_intr_disable = eth_pcap_rx_intr_disable,
};

/* The MAC of iface from sysfs; -1 when it cannot be read. */
static int
eth_pcap_iface_mac(const char *iface, struct rte_ether_addr *mac)
{
	char path[128];
	unsigned int b[RTE_ETHER_ADDR_LEN];
	FILE *f;
	int n, i;

	snprintf(path, sizeof(path), "/sys/class/net/%s/address", iface);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	n = fscanf(f, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		&b[5]);
	fclose(f);
	if (n != RTE_ETHER_ADDR_LEN)
		return -1;
	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
		mac->addr_bytes[i] = (uint8_t)b[i];
	return 0;
}

/* A locally administered 02:70:63:61:70:<port> ("pcap"), or phy_mac. */
static int
eth_pcap_set_mac(struct rte_eth_dev *dev, struct eth_pcap_internals *priv)
{
	struct rte_ether_addr *mac;

	mac = rte_zmalloc("eth_pcap_mac", sizeof(*mac), 0);
	if (mac == NULL)
		return -ENOMEM;
	dev->data->mac_addrs = mac;
	if (priv->phy_mac) {
		if (eth_pcap_iface_mac(priv->link_iface, mac) == 0)
			return 0;
		ETH_PCAP_LOG(ERR, "%s: cannot read the MAC of %s",
			dev->data->name, priv->link_iface);
		return -EINVAL;
	}
	mac->addr_bytes[0] = 0x02;
	mac->addr_bytes[1] = 0x70;
	mac->addr_bytes[2] = 0x63;
	mac->addr_bytes[3] = 0x61;
	mac->addr_bytes[4] = 0x70;
	mac->addr_bytes[5] = (uint8_t)dev->data->port_id;
	return 0;
}

static int
eth_pcap_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct eth_pcap_internals *priv;
	struct rte_eth_dev *dev;
	int ret;

	dev = rte_eth_vdev_allocate(vdev, sizeof(*priv));
	if (dev == NULL)
		return -ENOMEM;
	priv = dev->data->dev_private;
	ret = eth_pcap_args_parse(priv, name, rte_vdev_device_args(vdev));
	if (ret == 0)
		ret = eth_pcap_set_mac(dev, priv);
	if (ret == 0) {
		priv->intr_handle = rte_intr_instance_alloc(
			RTE_INTR_INSTANCE_F_PRIVATE);
		if (priv->intr_handle == NULL ||
			rte_intr_type_set(priv->intr_handle,
				RTE_INTR_HANDLE_VDEV) != 0) {
			ETH_PCAP_LOG(ERR,
				"%s: no memory for an interrupt handle", name);
			ret = -ENOMEM;
		}
	}
	if (ret != 0) {
		eth_pcap_dev_close(dev);
		rte_eth_dev_release_port(dev);
		return ret;
	}
	dev->dev_ops = &eth_pcap_ops;
	dev->rx_pkt_burst = eth_pcap_rx_burst;
	dev->tx_pkt_burst = eth_pcap_tx_burst;
	dev->data->dev_flags |= RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;
	if (priv->link_iface[0] != '\0')
		dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
	eth_pcap_link_update(dev, 0);
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
eth_pcap_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev;

	dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));
	if (dev == NULL)
		return 0; /* the application closed it */
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_vdev_driver pmd_pcap_drv = {
	.probe = eth_pcap_probe,
	.remove = eth_pcap_remove,
};

RTE_PMD_REGISTER_VDEV(net_pcap, pmd_pcap_drv);
