/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Port configuration: device info, rte_eth_dev_configure() and the
 * queue setups. Every check runs before anything changes, so a call
 * that fails leaves the port as it was.
 *
 * Queue arrays: the first configure allocates rx_queues and tx_queues
 * with RTE_MAX_QUEUES_PER_PORT slots each (so that the fast path may
 * index them with any queue id); they live until the port is released.
 * A slot holds the driver's queue, or NULL.
 */
#include <inttypes.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "ethdev_private.h"

int
rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *dev_info)
{
	const struct rte_eth_desc_lim no_limit = {
		.nb_max = UINT16_MAX,
		.nb_min = 0,
		.nb_align = 1,
		.nb_seg_max = UINT16_MAX,
		.nb_mtu_seg_max = UINT16_MAX,
	};
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(dev_info, port_id);
	memset(dev_info, 0, sizeof(*dev_info));
	dev_info->switch_info.domain_id = RTE_ETH_DEV_SWITCH_DOMAIN_ID_INVALID;
	dev_info->rx_desc_lim = no_limit;
	dev_info->tx_desc_lim = no_limit;
	dev_info->device = dev->device;
	dev_info->min_mtu = RTE_ETHER_MIN_MTU;
	dev_info->max_mtu = UINT16_MAX;
	ETHDEV_OP_OR_RET(dev, dev_infos_get);
	ret = dev->dev_ops->dev_infos_get(dev, dev_info);
	if (ret != 0) {
		memset(dev_info, 0, sizeof(*dev_info));
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to give its info "
			"(%d)\n",
			port_id, ret);
		return eth_err(port_id, ret);
	}
	dev_info->max_rx_queues = RTE_MIN(dev_info->max_rx_queues,
		RTE_MAX_QUEUES_PER_PORT);
	dev_info->max_tx_queues = RTE_MIN(dev_info->max_tx_queues,
		RTE_MAX_QUEUES_PER_PORT);
	if (dev->device != NULL && dev->device->driver != NULL)
		dev_info->driver_name = dev->device->driver->name;
	dev_info->nb_rx_queues = dev->data->nb_rx_queues;
	dev_info->nb_tx_queues = dev->data->nb_tx_queues;
	dev_info->dev_flags = &dev->data->dev_flags;
	return 0;
}

int
rte_eth_dev_conf_get(uint16_t port_id, struct rte_eth_conf *dev_conf)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(dev_conf, port_id);
	*dev_conf = dev->data->dev_conf;
	return 0;
}

/* Header and CRC bytes the device adds to the MTU to make a frame. */
static uint32_t
eth_dev_frame_overhead(const struct rte_eth_dev_info *dev_info)
{
	if (dev_info->max_mtu != UINT16_MAX &&
		dev_info->max_rx_pktlen > dev_info->max_mtu)
		return dev_info->max_rx_pktlen - dev_info->max_mtu;
	return RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN;
}

int
eth_dev_validate_mtu(uint16_t port_id, const struct rte_eth_dev_info *dev_info,
	uint32_t mtu)
{
	uint32_t frame_size = mtu + eth_dev_frame_overhead(dev_info);

	if (mtu < dev_info->min_mtu || mtu > dev_info->max_mtu)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: MTU %" PRIu32 " outside "
			"[%u, %u]\n",
			port_id, mtu, dev_info->min_mtu, dev_info->max_mtu);
	if (frame_size < RTE_ETHER_MIN_LEN)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: MTU %" PRIu32 " makes frames "
			"shorter than %u bytes\n",
			port_id, mtu, RTE_ETHER_MIN_LEN);
	if (dev_info->max_rx_pktlen != 0 && frame_size > dev_info->max_rx_pktlen)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: MTU %" PRIu32 " makes %" PRIu32
			"-byte frames, the device takes %" PRIu32 "\n",
			port_id, mtu, frame_size, dev_info->max_rx_pktlen);
	return 0;
}

/* Checks the queue counts of a configure against the device. */
static int
eth_check_queue_counts(uint16_t port_id, const struct rte_eth_dev_info *info,
	uint16_t nb_rx, uint16_t nb_tx)
{
	if (nb_rx > RTE_MAX_QUEUES_PER_PORT || nb_rx > info->max_rx_queues)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: %u Rx queues asked, the device "
			"has %u\n",
			port_id, nb_rx, info->max_rx_queues);
	if (nb_tx > RTE_MAX_QUEUES_PER_PORT || nb_tx > info->max_tx_queues)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: %u Tx queues asked, the device "
			"has %u\n",
			port_id, nb_tx, info->max_tx_queues);
	return 0;
}

/* Checks the offloads, RSS and interrupt parts of a configuration. */
static int
eth_check_conf(uint16_t port_id, const struct rte_eth_dev_info *info,
	const struct rte_eth_conf *conf, uint32_t dev_flags)
{
	uint64_t extra;

	extra = conf->rxmode.offloads & ~info->rx_offload_capa;
	if (extra != 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: Rx offloads 0x%" PRIx64 " not "
			"supported (capa 0x%" PRIx64 ")\n",
			port_id, extra, info->rx_offload_capa);
	extra = conf->txmode.offloads & ~info->tx_offload_capa;
	if (extra != 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: Tx offloads 0x%" PRIx64 " not "
			"supported (capa 0x%" PRIx64 ")\n",
			port_id, extra, info->tx_offload_capa);
	extra = rte_eth_rss_hf_refine(conf->rx_adv_conf.rss_conf.rss_hf) &
		~info->flow_type_rss_offloads;
	if (extra != 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: RSS hash types 0x%" PRIx64 " not "
			"supported (0x%" PRIx64 ")\n",
			port_id, extra, info->flow_type_rss_offloads);
	if ((conf->rxmode.offloads & RTE_ETH_RX_OFFLOAD_RSS_HASH) != 0 &&
		(conf->rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG) == 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: RSS_HASH offload needs an RSS "
			"mq_mode\n",
			port_id);
	if (conf->intr_conf.lsc && !(dev_flags & RTE_ETH_DEV_INTR_LSC))
		ETHDEV_ERR_RET(EINVAL,
			"port %u: the driver has no link state "
			"interrupt (intr_conf.lsc)\n",
			port_id);
	if (conf->intr_conf.rmv && !(dev_flags & RTE_ETH_DEV_INTR_RMV))
		ETHDEV_ERR_RET(EINVAL,
			"port %u: the driver has no removal "
			"interrupt (intr_conf.rmv)\n",
			port_id);
	return 0;
}

/* Allocates the queue arrays on the first configure. */
static int
eth_dev_queue_arrays_alloc(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	size_t size = sizeof(void *) * RTE_MAX_QUEUES_PER_PORT;

	if (data->rx_queues == NULL)
		data->rx_queues = rte_zmalloc_socket("ethdev_rx_queues", size,
			RTE_CACHE_LINE_SIZE, data->numa_node);
	if (data->tx_queues == NULL)
		data->tx_queues = rte_zmalloc_socket("ethdev_tx_queues", size,
			RTE_CACHE_LINE_SIZE, data->numa_node);
	if (data->rx_queues == NULL || data->tx_queues == NULL)
		ETHDEV_ERR_RET(ENOMEM, "port %u: no memory for queue arrays\n",
			data->port_id);
	return 0;
}

void
eth_dev_rxq_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	void **slot = &dev->data->rx_queues[queue_id];

	if (*slot == NULL)
		return;
	if (dev->dev_ops != NULL && dev->dev_ops->rx_queue_release != NULL)
		dev->dev_ops->rx_queue_release(dev, queue_id);
	*slot = NULL;
	dev->data->rx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_STOPPED;
}

void
eth_dev_txq_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	void **slot = &dev->data->tx_queues[queue_id];

	if (*slot == NULL)
		return;
	if (dev->dev_ops != NULL && dev->dev_ops->tx_queue_release != NULL)
		dev->dev_ops->tx_queue_release(dev, queue_id);
	*slot = NULL;
	dev->data->tx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_STOPPED;
}

void
eth_dev_queues_free(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	unsigned int queue_id;

	for (queue_id = 0; queue_id < RTE_MAX_QUEUES_PER_PORT; queue_id++) {
		if (data->rx_queues != NULL)
			eth_dev_rxq_release(dev, queue_id);
		if (data->tx_queues != NULL)
			eth_dev_txq_release(dev, queue_id);
	}
	rte_free(data->rx_queues);
	rte_free(data->tx_queues);
	data->rx_queues = NULL;
	data->tx_queues = NULL;
	data->nb_rx_queues = 0;
	data->nb_tx_queues = 0;
}

/* Everything rte_eth_dev_configure() checks before changing anything. */
static int
eth_configure_check(struct rte_eth_dev *dev, uint16_t *nb_rx, uint16_t *nb_tx,
	const struct rte_eth_conf *conf, uint32_t *mtu)
{
	uint16_t port_id = dev->data->port_id;
	struct rte_eth_dev_info info;
	int ret;

	ETHDEV_OP_OR_RET(dev, dev_configure);
	if (dev->data->dev_started)
		ETHDEV_ERR_RET(EBUSY,
			"port %u must be stopped to be "
			"configured\n",
			port_id);
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	if (*nb_rx == 0 && *nb_tx == 0) {
		*nb_rx = info.default_rxportconf.nb_queues != 0 ?
			info.default_rxportconf.nb_queues :
			RTE_ETH_DEV_FALLBACK_RX_NBQUEUES;
		*nb_tx = info.default_txportconf.nb_queues != 0 ?
			info.default_txportconf.nb_queues :
			RTE_ETH_DEV_FALLBACK_TX_NBQUEUES;
	}
	ret = eth_check_queue_counts(port_id, &info, *nb_rx, *nb_tx);
	if (ret == 0)
		ret = eth_check_conf(port_id, &info, conf, dev->data->dev_flags);
	*mtu = conf->rxmode.mtu != 0 ? conf->rxmode.mtu : RTE_ETHER_MTU;
	if (ret == 0)
		ret = eth_dev_validate_mtu(port_id, &info, *mtu);
	return ret;
}

int
rte_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_q, uint16_t nb_tx_q,
	const struct rte_eth_conf *dev_conf)
{
	struct rte_eth_dev_data *data;
	struct rte_eth_dev *dev;
	struct rte_eth_conf old_conf;
	uint16_t old_nb_rx, old_nb_tx, queue_id;
	uint32_t mtu;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(dev_conf, port_id);
	ret = eth_configure_check(dev, &nb_rx_q, &nb_tx_q, dev_conf, &mtu);
	if (ret != 0)
		return ret;
	ret = eth_dev_queue_arrays_alloc(dev);
	if (ret != 0)
		return ret;

	/* The driver sees the new configuration; it is undone if the driver
	 * refuses it, and only then are surplus queues released. */
	data = dev->data;
	old_conf = data->dev_conf;
	old_nb_rx = data->nb_rx_queues;
	old_nb_tx = data->nb_tx_queues;
	if (dev_conf != &data->dev_conf)
		data->dev_conf = *dev_conf;
	data->dev_conf.rxmode.mtu = mtu;
	data->dev_conf.rx_adv_conf.rss_conf.rss_hf = rte_eth_rss_hf_refine(
		dev_conf->rx_adv_conf.rss_conf.rss_hf);
	data->nb_rx_queues = nb_rx_q;
	data->nb_tx_queues = nb_tx_q;
	ret = dev->dev_ops->dev_configure(dev);
	if (ret != 0) {
		data->dev_conf = old_conf;
		data->nb_rx_queues = old_nb_rx;
		data->nb_tx_queues = old_nb_tx;
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver refused the configuration "
			"(%d)\n",
			port_id, ret);
		return eth_err(port_id, ret);
	}
	for (queue_id = nb_rx_q; queue_id < old_nb_rx; queue_id++)
		eth_dev_rxq_release(dev, queue_id);
	for (queue_id = nb_tx_q; queue_id < old_nb_tx; queue_id++)
		eth_dev_txq_release(dev, queue_id);
	data->mtu = (uint16_t)mtu;
	data->dev_configured = 1;
	return 0;
}

/* Rounds *nb up to the alignment and clamps it into [nb_min, nb_max]. */
static void
eth_adjust_desc(uint16_t *nb, const struct rte_eth_desc_lim *lim)
{
	uint32_t count = *nb;

	if (lim->nb_align > 1)
		count = RTE_ALIGN_CEIL(count, (uint32_t)lim->nb_align);
	if (lim->nb_max != 0 && count > lim->nb_max)
		count = lim->nb_max;
	if (count < lim->nb_min)
		count = lim->nb_min;
	*nb = (uint16_t)count;
}

int
rte_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc,
	uint16_t *nb_tx_desc)
{
	struct rte_eth_dev_info info;
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	RTE_SET_USED(dev);
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	if (nb_rx_desc != NULL)
		eth_adjust_desc(nb_rx_desc, &info.rx_desc_lim);
	if (nb_tx_desc != NULL)
		eth_adjust_desc(nb_tx_desc, &info.tx_desc_lim);
	return 0;
}

/* Checks a descriptor count against the device's limits. */
static int
eth_check_nb_desc(uint16_t port_id, const char *dir, uint16_t nb_desc,
	const struct rte_eth_desc_lim *lim)
{
	if (nb_desc > lim->nb_max || nb_desc < lim->nb_min ||
		(lim->nb_align != 0 && nb_desc % lim->nb_align != 0))
		ETHDEV_ERR_RET(EINVAL,
			"port %u: %u %s descriptors: must be in "
			"[%u, %u] and a multiple of %u\n",
			port_id, nb_desc, dir, lim->nb_min, lim->nb_max,
			lim->nb_align);
	return 0;
}

/* Checks shared by both queue setups: state, queue id, the op. */
static int
eth_queue_setup_check(struct rte_eth_dev *dev, uint16_t queue_id, int is_rx)
{
	uint16_t port_id = dev->data->port_id;
	uint16_t nb_queues = is_rx ? dev->data->nb_rx_queues :
				     dev->data->nb_tx_queues;
	const char *dir = is_rx ? "Rx" : "Tx";

	if (!dev->data->dev_configured || queue_id >= nb_queues)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: no %s queue %u (configured: "
			"%u)\n",
			port_id, dir, queue_id, nb_queues);
	if (is_rx)
		ETHDEV_OP_OR_RET(dev, rx_queue_setup);
	else
		ETHDEV_OP_OR_RET(dev, tx_queue_setup);
	if (dev->data->dev_started)
		ETHDEV_ERR_RET(EBUSY,
			"port %u must be stopped to set up %s "
			"queue %u\n",
			port_id, dir, queue_id);
	return 0;
}

/* The NUMA node a queue gets: SOCKET_ID_ANY means the port's. */
static unsigned int
eth_queue_socket(const struct rte_eth_dev *dev, unsigned int socket_id)
{
	if (socket_id == (unsigned int)SOCKET_ID_ANY &&
		dev->data->numa_node >= 0)
		return (unsigned int)dev->data->numa_node;
	return socket_id;
}

/* Checks the mbuf pool of an Rx queue against the device. */
static int
eth_check_rx_pool(uint16_t port_id, const struct rte_eth_dev_info *info,
	struct rte_mempool *mp)
{
	uint32_t room;

	if (mp == NULL)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: Rx queue setup without a "
			"mempool\n",
			port_id);
	if (mp->private_data_size < sizeof(struct rte_pktmbuf_pool_private))
		ETHDEV_ERR_RET(ENOSPC,
			"port %u: mempool %s is not an mbuf "
			"pool\n",
			port_id, mp->name);
	room = rte_pktmbuf_data_room_size(mp);
	if (room < RTE_PKTMBUF_HEADROOM + info->min_rx_bufsize)
		ETHDEV_ERR_RET(ENOSPC,
			"port %u: mbufs of %s have %u bytes of "
			"room, the device needs %u + %u headroom\n",
			port_id, mp->name, room, info->min_rx_bufsize,
			RTE_PKTMBUF_HEADROOM);
	return 0;
}

int
rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id,
	uint16_t nb_rx_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *rx_conf, struct rte_mempool *mp)
{
	struct rte_eth_dev_info info;
	struct rte_eth_rxconf conf;
	struct rte_eth_dev *dev;
	uint64_t extra;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_queue_setup_check(dev, rx_queue_id, 1);
	if (ret == 0)
		ret = rte_eth_dev_info_get(port_id, &info);
	if (ret == 0)
		ret = eth_check_rx_pool(port_id, &info, mp);
	if (ret != 0)
		return ret;
	if (nb_rx_desc == 0)
		nb_rx_desc = info.default_rxportconf.ring_size != 0 ?
			info.default_rxportconf.ring_size :
			RTE_ETH_DEV_FALLBACK_RX_RINGSIZE;
	ret = eth_check_nb_desc(port_id, "Rx", nb_rx_desc, &info.rx_desc_lim);
	if (ret != 0)
		return ret;
	conf = rx_conf != NULL ? *rx_conf : info.default_rxconf;
	/* Port offloads are on for every queue; a queue may add its own. */
	extra = conf.offloads & ~dev->data->dev_conf.rxmode.offloads &
		~info.rx_queue_offload_capa;
	if (extra != 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: Rx queue %u offloads 0x%" PRIx64
			" not supported per queue\n",
			port_id, rx_queue_id, extra);
	conf.offloads |= dev->data->dev_conf.rxmode.offloads;

	eth_dev_rxq_release(dev, rx_queue_id);
	ret = dev->dev_ops->rx_queue_setup(dev, rx_queue_id, nb_rx_desc,
		eth_queue_socket(dev, socket_id), &conf, mp);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to set up Rx queue "
			"%u (%d)\n",
			port_id, rx_queue_id, ret);
		return eth_err(port_id, ret);
	}
	if (dev->data->min_rx_buf_size == 0 ||
		rte_pktmbuf_data_room_size(mp) < dev->data->min_rx_buf_size)
		dev->data->min_rx_buf_size = rte_pktmbuf_data_room_size(mp);
	return 0;
}

int
rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id,
	uint16_t nb_tx_desc, unsigned int socket_id,
	const struct rte_eth_txconf *tx_conf)
{
	struct rte_eth_dev_info info;
	struct rte_eth_txconf conf;
	struct rte_eth_dev *dev;
	uint64_t extra;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_queue_setup_check(dev, tx_queue_id, 0);
	if (ret == 0)
		ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		return ret;
	if (nb_tx_desc == 0)
		nb_tx_desc = info.default_txportconf.ring_size != 0 ?
			info.default_txportconf.ring_size :
			RTE_ETH_DEV_FALLBACK_TX_RINGSIZE;
	ret = eth_check_nb_desc(port_id, "Tx", nb_tx_desc, &info.tx_desc_lim);
	if (ret != 0)
		return ret;
	conf = tx_conf != NULL ? *tx_conf : info.default_txconf;
	extra = conf.offloads & ~dev->data->dev_conf.txmode.offloads &
		~info.tx_queue_offload_capa;
	if (extra != 0)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: Tx queue %u offloads 0x%" PRIx64
			" not supported per queue\n",
			port_id, tx_queue_id, extra);
	conf.offloads |= dev->data->dev_conf.txmode.offloads;

	eth_dev_txq_release(dev, tx_queue_id);
	ret = dev->dev_ops->tx_queue_setup(dev, tx_queue_id, nb_tx_desc,
		eth_queue_socket(dev, socket_id), &conf);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to set up Tx queue "
			"%u (%d)\n",
			port_id, tx_queue_id, ret);
		return eth_err(port_id, ret);
	}
	return 0;
}

int
eth_dev_validate_rx_queue(const struct rte_eth_dev *dev, uint16_t queue_id)
{
	if (queue_id >= dev->data->nb_rx_queues)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: no Rx queue %u (configured: "
			"%u)\n",
			dev->data->port_id, queue_id, dev->data->nb_rx_queues);
	if (dev->data->rx_queues == NULL ||
		dev->data->rx_queues[queue_id] == NULL)
		ETHDEV_ERR_RET(EINVAL, "port %u: Rx queue %u is not set up\n",
			dev->data->port_id, queue_id);
	return 0;
}

int
eth_dev_validate_tx_queue(const struct rte_eth_dev *dev, uint16_t queue_id)
{
	if (queue_id >= dev->data->nb_tx_queues)
		ETHDEV_ERR_RET(EINVAL,
			"port %u: no Tx queue %u (configured: "
			"%u)\n",
			dev->data->port_id, queue_id, dev->data->nb_tx_queues);
	if (dev->data->tx_queues == NULL ||
		dev->data->tx_queues[queue_id] == NULL)
		ETHDEV_ERR_RET(EINVAL, "port %u: Tx queue %u is not set up\n",
			dev->data->port_id, queue_id);
	return 0;
}
