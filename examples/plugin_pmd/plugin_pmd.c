/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_plugin: an out-of-tree poll-mode driver, built as a shared object
 * against the installed Pollux headers only and loaded with
 * "-d plugin_pmd.so --vdev net_plugin0".
 *
 * Each port is a traffic generator and a sink: Rx makes packets of 64
 * bytes from the queue's pool (a 14-byte Ethernet header from the port's
 * MAC, then a sequence number), Tx counts and frees what it is given.
 * One queue pair per port.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>

#define PLUGIN_PKT_LEN 64

#define PLUGIN_LOG(level, fmt, ...) \
	RTE_LOG(level, PMD, "net_plugin: " fmt "\n", ##__VA_ARGS__)

struct plugin_queue {
	struct rte_mempool *pool; /* Rx */
	struct rte_ether_addr mac;
	uint16_t port_id;
	uint64_t seq;
	uint64_t packets;
	uint64_t bytes;
};

struct plugin_private {
	struct plugin_queue rxq;
	struct plugin_queue txq;
};

static uint16_t
plugin_rx(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct plugin_queue *q = queue;
	struct rte_ether_hdr *eth;
	uint64_t seq;
	uint16_t i;

	if (rte_pktmbuf_alloc_bulk(q->pool, pkts, nb_pkts) != 0)
		return 0;
	for (i = 0; i < nb_pkts; i++) {
		eth = (struct rte_ether_hdr *)rte_pktmbuf_append(pkts[i],
			PLUGIN_PKT_LEN);
		memset(&eth->dst_addr, 0xff, sizeof(eth->dst_addr));
		eth->src_addr = q->mac;
		/* 0x88b5: the IEEE local experimental EtherType. */
		eth->ether_type = rte_cpu_to_be_16(0x88b5);
		seq = q->seq++;
		memcpy(eth + 1, &seq, sizeof(seq));
		pkts[i]->port = q->port_id;
	}
	q->packets += nb_pkts;
	q->bytes += (uint64_t)nb_pkts * PLUGIN_PKT_LEN;
	return nb_pkts;
}

static uint16_t
plugin_tx(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct plugin_queue *q = queue;
	uint16_t i;

	for (i = 0; i < nb_pkts; i++) {
		q->bytes += pkts[i]->pkt_len;
		rte_pktmbuf_free(pkts[i]);
	}
	q->packets += nb_pkts;
	return nb_pkts;
}

static struct plugin_private *
plugin_priv(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static int
plugin_configure(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
plugin_start(struct rte_eth_dev *dev)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = RTE_ETH_LINK_UP,
	};

	dev->data->rx_queue_state[0] = RTE_ETH_QUEUE_STATE_STARTED;
	dev->data->tx_queue_state[0] = RTE_ETH_QUEUE_STATE_STARTED;
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
plugin_stop(struct rte_eth_dev *dev)
{
	struct rte_eth_link link;

	memset(&link, 0, sizeof(link));
	dev->data->rx_queue_state[0] = RTE_ETH_QUEUE_STATE_STOPPED;
	dev->data->tx_queue_state[0] = RTE_ETH_QUEUE_STATE_STOPPED;
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
plugin_close(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
plugin_infos_get(struct rte_eth_dev *dev __rte_unused,
	struct rte_eth_dev_info *info)
{
	info->max_mac_addrs = 1;
	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_rx_pktlen = 1518;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
plugin_link_update(struct rte_eth_dev *dev __rte_unused, int wait __rte_unused)
{
	return -1;
}

static int
plugin_rxq_setup(struct rte_eth_dev *dev, uint16_t id __rte_unused,
	uint16_t nb_desc __rte_unused, unsigned int socket __rte_unused,
	const struct rte_eth_rxconf *conf __rte_unused,
	struct rte_mempool *pool)
{
	struct plugin_queue *q = &plugin_priv(dev)->rxq;

	if (rte_pktmbuf_data_room_size(pool) <
		RTE_PKTMBUF_HEADROOM + PLUGIN_PKT_LEN) {
		PLUGIN_LOG(ERR, "%s: mbufs of %s are too small for %d bytes",
			dev->data->name, pool->name, PLUGIN_PKT_LEN);
		return -EINVAL;
	}
	q->pool = pool;
	q->mac = dev->data->mac_addrs[0];
	q->port_id = dev->data->port_id;
	dev->data->rx_queues[0] = q;
	return 0;
}

static int
plugin_txq_setup(struct rte_eth_dev *dev, uint16_t id __rte_unused,
	uint16_t nb_desc __rte_unused, unsigned int socket __rte_unused,
	const struct rte_eth_txconf *conf __rte_unused)
{
	dev->data->tx_queues[0] = &plugin_priv(dev)->txq;
	return 0;
}

/* The queues are in the private data and hold no mbuf. */
static void
plugin_queue_release(struct rte_eth_dev *dev __rte_unused,
	uint16_t id __rte_unused)
{
}

static int
plugin_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct plugin_private *priv = plugin_priv(dev);

	stats->ipackets = priv->rxq.packets;
	stats->ibytes = priv->rxq.bytes;
	stats->opackets = priv->txq.packets;
	stats->obytes = priv->txq.bytes;
	return 0;
}

static int
plugin_stats_reset(struct rte_eth_dev *dev)
{
	struct plugin_private *priv = plugin_priv(dev);

	priv->rxq.packets = priv->rxq.bytes = 0;
	priv->txq.packets = priv->txq.bytes = 0;
	return 0;
}

static int
plugin_promisc(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static const struct eth_dev_ops plugin_ops = {
	.dev_configure = plugin_configure,
	.dev_start = plugin_start,
	.dev_stop = plugin_stop,
	.dev_close = plugin_close,
	.dev_infos_get = plugin_infos_get,
	.link_update = plugin_link_update,
	.promiscuous_enable = plugin_promisc,
	.promiscuous_disable = plugin_promisc,
	.rx_queue_setup = plugin_rxq_setup,
	.tx_queue_setup = plugin_txq_setup,
	.rx_queue_release = plugin_queue_release,
	.tx_queue_release = plugin_queue_release,
	.stats_get = plugin_stats_get,
	.stats_reset = plugin_stats_reset,
};

static int
plugin_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev;

	if (rte_vdev_device_args(vdev)[0] != '\0') {
		PLUGIN_LOG(ERR, "%s: takes no devargs, got '%s'", name,
			rte_vdev_device_args(vdev));
		return -EINVAL;
	}
	dev = rte_eth_vdev_allocate(vdev, sizeof(struct plugin_private));
	if (dev == NULL)
		return -ENOMEM;
	dev->data->mac_addrs = rte_zmalloc("plugin_mac",
		sizeof(struct rte_ether_addr), 0);
	if (dev->data->mac_addrs == NULL) {
		PLUGIN_LOG(ERR, "%s: no memory for the MAC address", name);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);
	dev->dev_ops = &plugin_ops;
	dev->rx_pkt_burst = plugin_rx;
	dev->tx_pkt_burst = plugin_tx;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
plugin_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(
		rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0;
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_vdev_driver plugin_driver = {
	.probe = plugin_probe,
	.remove = plugin_remove,
};

RTE_PMD_REGISTER_VDEV(net_plugin, plugin_driver);
RTE_PMD_REGISTER_PARAM_STRING(net_plugin, "");
