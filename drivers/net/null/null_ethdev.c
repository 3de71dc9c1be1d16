/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_null control path: devargs, probe and remove, and the ethdev
 * operations (see null_internal.h for what the device does).
 *
 * Devargs: size=<1..9000> (packet length, default 64), copy=<0|1>,
 * no-rx=<0|1>; each needs its value. "eth_null" is an alias of the
 * driver name.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_kvargs.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_random.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>

#include "null_internal.h"

#define ETH_NULL_ARG_SIZE  "size"
#define ETH_NULL_ARG_COPY  "copy"
#define ETH_NULL_ARG_NO_RX "no-rx"

#define ETH_NULL_LOG(level, fmt, ...) \
	RTE_LOG(level, PMD, "net_null: " fmt "\n", ##__VA_ARGS__)

static const char *const eth_null_valid_args[] = { ETH_NULL_ARG_SIZE,
	ETH_NULL_ARG_COPY, ETH_NULL_ARG_NO_RX, NULL };

static const char *const eth_null_xstat_names[] = {
	"rx_nombuf_bursts",
	"tx_copy_checksum",
};

#define ETH_NULL_NB_XSTATS RTE_DIM(eth_null_xstat_names)

static struct eth_null_private *
eth_null_priv(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static int
eth_null_dev_configure(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
eth_null_dev_start(struct rte_eth_dev *dev)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

static int
eth_null_dev_stop(struct rte_eth_dev *dev)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

static int
eth_null_dev_close(struct rte_eth_dev *dev)
{
	struct eth_null_private *priv = eth_null_priv(dev);

	/* Queues are released by ethdev; the template is ours. */
	rte_free(priv->template);
	priv->template = NULL;
	return 0;
}

static int
eth_null_dev_infos_get(struct rte_eth_dev *dev __rte_unused,
	struct rte_eth_dev_info *info)
{
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = ETH_NULL_MAX_SIZE;
	info->max_rx_queues = RTE_MIN(ETH_NULL_MAX_QUEUES,
		RTE_MAX_QUEUES_PER_PORT);
	info->max_tx_queues = RTE_MIN(ETH_NULL_MAX_QUEUES,
		RTE_MAX_QUEUES_PER_PORT);
	info->min_rx_bufsize = 0;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_FIXED;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS |
		RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	return 0;
}

static int
eth_null_link_update(struct rte_eth_dev *dev __rte_unused,
	int wait_to_complete __rte_unused)
{
	return -1; /* always up, never changes */
}

static struct eth_null_queue *
eth_null_queue_alloc(struct rte_eth_dev *dev, unsigned int socket_id)
{
	struct eth_null_queue *q;

	q = rte_zmalloc_socket("eth_null_queue", sizeof(*q),
		RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (q == NULL)
		q = rte_zmalloc("eth_null_queue", sizeof(*q),
			RTE_CACHE_LINE_SIZE);
	if (q == NULL) {
		ETH_NULL_LOG(ERR, "%s: no memory for a queue", dev->data->name);
		return NULL;
	}
	q->priv = eth_null_priv(dev);
	q->dev_data = dev->data;
	return q;
}

static int
eth_null_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc __rte_unused, unsigned int socket_id,
	const struct rte_eth_rxconf *conf __rte_unused,
	struct rte_mempool *mb_pool)
{
	struct eth_null_private *priv = eth_null_priv(dev);
	unsigned int room = rte_pktmbuf_data_room_size(mb_pool);
	struct eth_null_queue *q;

	if (room < RTE_PKTMBUF_HEADROOM + priv->packet_size) {
		ETH_NULL_LOG(ERR,
			"%s: mbufs of pool %s hold %u bytes, packets "
			"are %u: use a larger data room or a smaller size=",
			dev->data->name, mb_pool->name,
			room > RTE_PKTMBUF_HEADROOM ?
				room - RTE_PKTMBUF_HEADROOM :
				0,
			priv->packet_size);
		return -EINVAL;
	}
	q = eth_null_queue_alloc(dev, socket_id);
	if (q == NULL)
		return -ENOMEM;
	q->mb_pool = mb_pool;
	dev->data->rx_queues[queue_id] = q;
	return 0;
}

static int
eth_null_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc __rte_unused, unsigned int socket_id,
	const struct rte_eth_txconf *conf __rte_unused)
{
	struct eth_null_queue *q = eth_null_queue_alloc(dev, socket_id);

	if (q == NULL)
		return -ENOMEM;
	dev->data->tx_queues[queue_id] = q;
	return 0;
}

/* A null queue holds no mbuf between bursts: freeing it is enough. */
static void
eth_null_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	rte_free(dev->data->rx_queues[queue_id]);
}

static void
eth_null_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	rte_free(dev->data->tx_queues[queue_id]);
}

static int
eth_null_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	const struct eth_null_queue *q;
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		q = dev->data->rx_queues[i];
		if (q == NULL)
			continue;
		stats->ipackets += q->packets;
		stats->ibytes += q->bytes;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[i] = q->packets;
			stats->q_ibytes[i] = q->bytes;
		}
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		q = dev->data->tx_queues[i];
		if (q == NULL)
			continue;
		stats->opackets += q->packets;
		stats->obytes += q->bytes;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_opackets[i] = q->packets;
			stats->q_obytes[i] = q->bytes;
		}
	}
	return 0;
}

static void
eth_null_queues_reset(void **queues, uint16_t nb_queues)
{
	struct eth_null_queue *q;
	uint16_t i;

	for (i = 0; i < nb_queues; i++) {
		q = queues[i];
		if (q == NULL)
			continue;
		q->packets = 0;
		q->bytes = 0;
		q->nombuf_bursts = 0;
		q->touched = 0;
	}
}

static int
eth_null_stats_reset(struct rte_eth_dev *dev)
{
	eth_null_queues_reset(dev->data->rx_queues, dev->data->nb_rx_queues);
	eth_null_queues_reset(dev->data->tx_queues, dev->data->nb_tx_queues);
	return 0;
}

static int
eth_null_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n)
{
	const struct eth_null_queue *q;
	uint64_t nombuf = 0, touched = 0;
	uint16_t i;

	if (xstats == NULL || n < ETH_NULL_NB_XSTATS)
		return ETH_NULL_NB_XSTATS;
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		q = dev->data->rx_queues[i];
		if (q != NULL)
			nombuf += q->nombuf_bursts;
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		q = dev->data->tx_queues[i];
		if (q != NULL)
			touched += q->touched;
	}
	xstats[0].id = 0;
	xstats[0].value = nombuf;
	xstats[1].id = 1;
	xstats[1].value = touched;
	return ETH_NULL_NB_XSTATS;
}

static int
eth_null_xstats_get_names(struct rte_eth_dev *dev __rte_unused,
	struct rte_eth_xstat_name *names, unsigned int size)
{
	unsigned int i;

	if (names == NULL || size < ETH_NULL_NB_XSTATS)
		return ETH_NULL_NB_XSTATS;
	for (i = 0; i < ETH_NULL_NB_XSTATS; i++)
		snprintf(names[i].name, sizeof(names[i].name), "%s",
			eth_null_xstat_names[i]);
	return ETH_NULL_NB_XSTATS;
}

static int
eth_null_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	eth_null_priv(dev)->mac = *addr;
	return 0;
}

static int
eth_null_promisc(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
eth_null_mtu_set(struct rte_eth_dev *dev __rte_unused, uint16_t mtu __rte_unused)
{
	return 0;
}

/* The queues hold no descriptors: only the pool is worth reporting. */
static void
eth_null_rxq_info_get(struct rte_eth_dev *dev, uint16_t queue_id,
	struct rte_eth_rxq_info *qinfo)
{
	const struct eth_null_queue *q = dev->data->rx_queues[queue_id];

	qinfo->mp = q->mb_pool;
	qinfo->rx_buf_size = rte_pktmbuf_data_room_size(q->mb_pool) -
		RTE_PKTMBUF_HEADROOM;
}

static void
eth_null_txq_info_get(struct rte_eth_dev *dev __rte_unused,
	uint16_t queue_id __rte_unused, struct rte_eth_txq_info *qinfo)
{
	qinfo->nb_desc = 0;
}

static const struct eth_dev_ops eth_null_ops = {
	.dev_configure = eth_null_dev_configure,
	.dev_start = eth_null_dev_start,
	.dev_stop = eth_null_dev_stop,
	.dev_close = eth_null_dev_close,
	.dev_infos_get = eth_null_dev_infos_get,
	.link_update = eth_null_link_update,
	.promiscuous_enable = eth_null_promisc,
	.promiscuous_disable = eth_null_promisc,
	.allmulticast_enable = eth_null_promisc,
	.allmulticast_disable = eth_null_promisc,
	.mac_addr_set = eth_null_mac_addr_set,
	.mtu_set = eth_null_mtu_set,
	.rx_queue_setup = eth_null_rx_queue_setup,
	.rxq_info_get = eth_null_rxq_info_get,
	.txq_info_get = eth_null_txq_info_get,
	.tx_queue_setup = eth_null_tx_queue_setup,
	.rx_queue_release = eth_null_rx_queue_release,
	.tx_queue_release = eth_null_tx_queue_release,
	.stats_get = eth_null_stats_get,
	.stats_reset = eth_null_stats_reset,
	.xstats_get = eth_null_xstats_get,
	.xstats_get_names = eth_null_xstats_get_names,
};

struct eth_null_args {
	unsigned int packet_size;
	int copy;
	int no_rx;
};

static int
eth_null_parse_uint(const char *key, const char *value, void *opaque)
{
	unsigned long *out = opaque;
	char *end = NULL;

	if (value == NULL || value[0] == '\0' || value[0] == '-')
		return -1;
	errno = 0;
	*out = strtoul(value, &end, 0);
	if (errno != 0 || end == NULL || *end != '\0')
		return -1;
	(void)key;
	return 0;
}

/* Reads one key into *out within [min, max]; 0 or -EINVAL (logged). */
static int
eth_null_arg_uint(const char *name, struct rte_kvargs *kv, const char *key,
	unsigned long min, unsigned long max, unsigned long *out)
{
	if (rte_kvargs_count(kv, key) == 0)
		return 0;
	if (rte_kvargs_get(kv, key) == NULL) {
		ETH_NULL_LOG(ERR,
			"%s: %s needs a value: %s=N with N in [%lu, %lu]", name,
			key, key, min, max);
		return -EINVAL;
	}
	if (rte_kvargs_process(kv, key, eth_null_parse_uint, out) != 0 ||
		*out < min || *out > max) {
		ETH_NULL_LOG(ERR, "%s: bad %s=%s, want a number in [%lu, %lu]",
			name, key, rte_kvargs_get(kv, key), min, max);
		return -EINVAL;
	}
	return 0;
}

static int
eth_null_parse_args(const char *name, const char *text,
	struct eth_null_args *args)
{
	struct rte_kvargs *kv;
	unsigned long size = ETH_NULL_DEFAULT_SIZE, copy = 0, no_rx = 0;
	int ret;

	if (text == NULL || text[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(text, eth_null_valid_args);
	if (kv == NULL) {
		ETH_NULL_LOG(ERR,
			"%s: bad devargs '%s' (valid keys: size, copy, "
			"no-rx)",
			name, text);
		return -EINVAL;
	}
	ret = eth_null_arg_uint(name, kv, ETH_NULL_ARG_SIZE, 1,
		ETH_NULL_MAX_SIZE, &size);
	if (ret == 0)
		ret = eth_null_arg_uint(name, kv, ETH_NULL_ARG_COPY, 0, 1,
			&copy);
	if (ret == 0)
		ret = eth_null_arg_uint(name, kv, ETH_NULL_ARG_NO_RX, 0, 1,
			&no_rx);
	rte_kvargs_free(kv);
	args->packet_size = (unsigned int)size;
	args->copy = (int)copy;
	args->no_rx = (int)no_rx;
	return ret;
}

/* The template of copy=1: a broadcast frame from mac, then a counter. */
static uint8_t *
eth_null_template(const char *name, unsigned int size,
	const struct rte_ether_addr *mac)
{
	uint8_t *template = rte_zmalloc("eth_null_template", size, 0);
	unsigned int i;

	if (template == NULL) {
		ETH_NULL_LOG(ERR, "%s: no memory for a %u-byte template", name,
			size);
		return NULL;
	}
	for (i = 0; i < size; i++)
		template[i] = (uint8_t)i;
	if (size >= RTE_ETHER_HDR_LEN) {
		memset(template, 0xff, RTE_ETHER_ADDR_LEN);
		memcpy(template + RTE_ETHER_ADDR_LEN, mac, RTE_ETHER_ADDR_LEN);
	}
	return template;
}

static void
eth_null_link_init(struct rte_eth_dev *dev)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = RTE_ETH_LINK_UP,
	};

	rte_eth_linkstatus_set(dev, &link);
}

static int
eth_null_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct eth_null_args args = { .packet_size = ETH_NULL_DEFAULT_SIZE };
	struct eth_null_private *priv;
	struct rte_eth_dev *dev;

	if (eth_null_parse_args(name, rte_vdev_device_args(vdev), &args) != 0)
		return -EINVAL;
	dev = rte_eth_vdev_allocate(vdev, sizeof(*priv));
	if (dev == NULL)
		return -ENOMEM;
	priv = dev->data->dev_private;
	priv->packet_size = args.packet_size;
	priv->copy = args.copy;
	priv->no_rx = args.no_rx;
	rte_eth_random_addr(priv->mac.addr_bytes);
	if (priv->copy) {
		priv->template = eth_null_template(name, priv->packet_size,
			&priv->mac);
		if (priv->template == NULL)
			goto fail;
	}
	dev->data->mac_addrs = rte_zmalloc("eth_null_mac", sizeof(priv->mac), 0);
	if (dev->data->mac_addrs == NULL) {
		ETH_NULL_LOG(ERR, "%s: no memory for the MAC address", name);
		goto fail;
	}
	dev->data->mac_addrs[0] = priv->mac;
	/* The link never changes, so no LSC event ever comes; saying so
	 * lets applications that ask for LSC interrupts run on the port. */
	dev->data->dev_flags = RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS |
		RTE_ETH_DEV_INTR_LSC;
	dev->dev_ops = &eth_null_ops;
	dev->rx_pkt_burst = eth_null_rx_burst;
	dev->tx_pkt_burst = eth_null_tx_burst;
	eth_null_link_init(dev);
	rte_eth_dev_probing_finish(dev);
	return 0;
fail:
	rte_free(priv->template);
	rte_eth_dev_release_port(dev); /* frees priv */
	return -ENOMEM;
}

static int
eth_null_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(
		rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* the application closed it already */
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_vdev_driver eth_null_driver = {
	.probe = eth_null_probe,
	.remove = eth_null_remove,
};

RTE_PMD_REGISTER_VDEV(net_null, eth_null_driver);
RTE_PMD_REGISTER_ALIAS(net_null, eth_null);
RTE_PMD_REGISTER_PARAM_STRING(net_null, "size=<int> copy=<0|1> no-rx=<0|1>");
