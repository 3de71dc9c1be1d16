/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * virtio-net control path: the ethdev operations, on top of the device
 * steps (virtio_dev.c), the control queue (virtio_ctrl.c) and whatever
 * transport carries the device (struct virtio_ops).
 *
 * Life of a port: probe negotiates once to learn the device and resets
 * it; configure negotiates again with what the configuration needs
 * (MQ for several queue pairs, MRG_RXBUF for frames larger than one
 * buffer) and makes the control queue; queue setup makes the rings;
 * start resets the device, runs the initialization of 3.1.1 with every
 * ring, fills the rx rings, sets DRIVER_OK and replays the queue pairs,
 * rx mode and MAC through the control queue; stop resets the device and
 * takes every mbuf back from the rings.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_random.h>

#include "virtio_ethdev.h"
#include "virtio_log.h"
#include "virtio_rxtx.h"

#define VIRTIO_DEFAULT_RING	256
#define VIRTIO_MAX_MAC_ADDRS	32
#define VIRTIO_TX_FREE_THRESH	32
#define VIRTIO_RX_REFILL_THRESH 32

static struct virtio_hw *
virtio_hw_of(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

/* Bytes one rx buffer of the pool can take after the header. */
static uint32_t
rx_buf_room(struct rte_mempool *mp)
{
	uint32_t room = rte_pktmbuf_data_room_size(mp);

	return room > RTE_PKTMBUF_HEADROOM ? room - RTE_PKTMBUF_HEADROOM : 0;
}

/* Largest frame of an MTU (with a VLAN tag). */
static uint32_t
frame_of_mtu(uint32_t mtu)
{
	return mtu + RTE_ETHER_HDR_LEN + 4;
}

/* Features the configuration cannot do without. */
static uint64_t
wanted_features(const struct rte_eth_dev *dev)
{
	const struct rte_eth_dev_data *data = dev->data;
	uint64_t wanted = 0;

	if (RTE_MAX(data->nb_rx_queues, data->nb_tx_queues) > 1)
		wanted |= VIRTIO_BIT(VIRTIO_NET_F_MQ);
	if ((data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_SCATTER) != 0)
		wanted |= VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF);
	return wanted;
}

static int
virtio_dev_configure(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	uint16_t pairs = RTE_MAX(dev->data->nb_rx_queues,
		dev->data->nb_tx_queues);
	int ret;

	virtio_ctrl_queue_free(hw);
	ret = virtio_dev_init(hw, wanted_features(dev));
	if (ret != 0)
		return ret;
	if (pairs > hw->max_pairs) {
		VIRTIO_LOG(ERR, "%s: %u queue pairs asked, the device has %u",
			hw->name, pairs, hw->max_pairs);
		return -EINVAL;
	}
	if (dev->data->dev_conf.rxmode.mtu > hw->max_mtu) {
		VIRTIO_LOG(ERR, "%s: MTU %u is above the device's %u", hw->name,
			dev->data->dev_conf.rxmode.mtu, hw->max_mtu);
		return -EINVAL;
	}
	if (dev->data->dev_conf.intr_conf.rxq != 0) {
		if (hw->ops->intr_setup == NULL) {
			VIRTIO_LOG(ERR,
				"%s: rx interrupts are not supported "
				"by the %s transport",
				hw->name, hw->ops->name);
			return -ENOTSUP;
		}
		ret = hw->ops->rxq_intr_check == NULL ?
			0 :
			hw->ops->rxq_intr_check(hw, dev->data->nb_rx_queues);
		if (ret != 0)
			return ret;
	}
	hw->nb_pairs = pairs;
	hw->mtu = dev->data->dev_conf.rxmode.mtu;
	return virtio_ctrl_queue_create(hw, dev->data->numa_node);
}

/* Checks a ring size; returns the size to use or a negative errno. */
static int
ring_size_check(struct virtio_hw *hw, uint16_t index, uint16_t nb_desc)
{
	uint16_t max = hw->ops->get_queue_size(hw, index);

	if (max == 0) {
		VIRTIO_LOG(ERR, "%s: the device has no queue %u", hw->name,
			index);
		return -EINVAL;
	}
	if (!hw->ops->queue_size_settable(hw))
		return max; /* legacy: the device's size, 4.1.5.1.3 */
	if (nb_desc == 0)
		nb_desc = RTE_MIN(max, VIRTIO_DEFAULT_RING);
	if (!rte_is_power_of_2(nb_desc) || nb_desc > max) {
		VIRTIO_LOG(ERR,
			"%s: ring size %u for queue %u: want a power "
			"of two no larger than the device's %u",
			hw->name, nb_desc, index, max);
		return -EINVAL;
	}
	return nb_desc;
}

static struct virtqueue *
queue_make(struct rte_eth_dev *dev, uint16_t index, uint16_t nb_desc,
	unsigned int socket, int *err)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	char name[RTE_MEMZONE_NAMESIZE];
	struct virtqueue *vq;
	int size;

	size = ring_size_check(hw, index, nb_desc);
	if (size < 0) {
		*err = size;
		return NULL;
	}
	snprintf(name, sizeof(name), "vq%u_%u", dev->data->port_id, index);
	vq = virtqueue_create(name, index, (uint16_t)size, (int)socket,
		hw->use_va);
	*err = vq == NULL ? -ENOMEM : 0;
	return vq;
}

static int
virtio_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket,
	const struct rte_eth_rxconf *conf __rte_unused, struct rte_mempool *mp)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	bool mergeable = virtio_with_feature(hw, VIRTIO_NET_F_MRG_RXBUF);
	uint32_t room = rx_buf_room(mp);
	struct virtio_rxq *rxq;
	int ret;

	if (room < RTE_ETHER_MIN_LEN ||
		(!mergeable && room < frame_of_mtu(dev->data->mtu))) {
		VIRTIO_LOG(ERR,
			"%s: mbufs of %s hold %u bytes, too few for "
			"MTU %u %s",
			hw->name, mp->name, room, dev->data->mtu,
			mergeable ? "" :
				    "without mergeable rx buffers: use "
				    "larger mbufs or a smaller MTU");
		return -EINVAL;
	}
	rxq = rte_zmalloc_socket("virtio_rxq", sizeof(*rxq),
		RTE_CACHE_LINE_SIZE, (int)socket);
	if (rxq == NULL)
		return -ENOMEM;
	rxq->vq = queue_make(dev, 2 * queue_id, nb_desc, socket, &ret);
	if (rxq->vq == NULL) {
		rte_free(rxq);
		return ret;
	}
	rxq->hw = hw;
	rxq->mp = mp;
	rxq->nombuf = &dev->data->rx_mbuf_alloc_failed;
	rxq->port_id = dev->data->port_id;
	rxq->queue_id = queue_id;
	rxq->hdr_size = hw->hdr_size;
	rxq->mergeable = mergeable;
	rxq->use_va = hw->use_va;
	rxq->refill_thresh = RTE_MIN(VIRTIO_RX_REFILL_THRESH, rxq->vq->size);
	dev->data->rx_queues[queue_id] = rxq;
	return 0;
}

static int
virtio_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket,
	const struct rte_eth_txconf *conf)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	char name[RTE_MEMZONE_NAMESIZE];
	struct virtio_txq *txq;
	int ret;

	txq = rte_zmalloc_socket("virtio_txq", sizeof(*txq),
		RTE_CACHE_LINE_SIZE, (int)socket);
	if (txq == NULL)
		return -ENOMEM;
	txq->vq = queue_make(dev, 2 * queue_id + 1, nb_desc, socket, &ret);
	if (txq->vq == NULL) {
		rte_free(txq);
		return ret;
	}
	snprintf(name, sizeof(name), "vqh%u_%u", dev->data->port_id, queue_id);
	txq->hdrs_mz = rte_memzone_reserve_aligned(name,
		(size_t)txq->vq->size * 16, (int)socket,
		RTE_MEMZONE_IOVA_CONTIG, RTE_CACHE_LINE_SIZE);
	if (txq->hdrs_mz == NULL) {
		VIRTIO_LOG(ERR, "%s: no memory for tx headers", hw->name);
		virtqueue_free(txq->vq);
		rte_free(txq);
		return -ENOMEM;
	}
	txq->hdrs = txq->hdrs_mz->addr;
	txq->hdrs_addr = hw->use_va ? (uint64_t)(uintptr_t)txq->hdrs :
				      txq->hdrs_mz->iova;
	txq->hw = hw;
	txq->port_id = dev->data->port_id;
	txq->queue_id = queue_id;
	txq->hdr_size = hw->hdr_size;
	txq->use_va = hw->use_va;
	txq->free_thresh = conf != NULL && conf->tx_free_thresh != 0 ?
		conf->tx_free_thresh :
		VIRTIO_TX_FREE_THRESH;
	txq->free_thresh = RTE_MIN(txq->free_thresh, txq->vq->size);
	dev->data->tx_queues[queue_id] = txq;
	return 0;
}

static void
virtio_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct virtio_rxq *rxq = dev->data->rx_queues[queue_id];

	if (rxq == NULL)
		return;
	virtio_rxq_drain(rxq);
	virtqueue_free(rxq->vq);
	rte_free(rxq);
}

static void
virtio_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct virtio_txq *txq = dev->data->tx_queues[queue_id];

	if (txq == NULL)
		return;
	virtio_txq_drain(txq);
	rte_memzone_free(txq->hdrs_mz);
	virtqueue_free(txq->vq);
	rte_free(txq);
}

/* Hands every ring to the device (3.1.1 step 7). */
static int
start_queues(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	bool event_idx = virtio_with_feature(hw, VIRTIO_F_EVENT_IDX);
	struct virtio_rxq *rxq;
	struct virtio_txq *txq;
	uint16_t q;
	int ret = 0;

	for (q = 0; q < dev->data->nb_rx_queues && ret == 0; q++) {
		rxq = dev->data->rx_queues[q];
		virtio_rxq_drain(rxq);
		virtqueue_reset(rxq->vq, event_idx);
		ret = virtio_rxq_fill(rxq);
		if (ret != 0)
			VIRTIO_LOG(ERR,
				"%s: the pool %s has no mbuf for rx "
				"queue %u",
				hw->name, rxq->mp->name, q);
		else
			ret = hw->ops->setup_queue(hw, rxq->vq);
	}
	for (q = 0; q < dev->data->nb_tx_queues && ret == 0; q++) {
		txq = dev->data->tx_queues[q];
		virtio_txq_drain(txq);
		virtqueue_reset(txq->vq, event_idx);
		ret = hw->ops->setup_queue(hw, txq->vq);
	}
	if (ret == 0 && hw->cvq != NULL) {
		virtqueue_reset(hw->cvq, false);
		ret = hw->ops->setup_queue(hw, hw->cvq);
	}
	return ret;
}

/* After DRIVER_OK: what the application chose while the port was down. */
static int
replay_settings(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	int ret = 0;

	if (virtio_with_feature(hw, VIRTIO_NET_F_MQ))
		ret = virtio_ctrl_mq_pairs_set(hw, hw->nb_pairs);
	if (ret == 0 && virtio_with_feature(hw, VIRTIO_NET_F_CTRL_RX))
		ret = virtio_ctrl_rx_mode(hw, VIRTIO_NET_CTRL_RX_PROMISC,
			dev->data->promiscuous);
	if (ret == 0 && virtio_with_feature(hw, VIRTIO_NET_F_CTRL_RX))
		ret = virtio_ctrl_rx_mode(hw, VIRTIO_NET_CTRL_RX_ALLMULTI,
			dev->data->all_multicast);
	if (ret == 0 && virtio_with_feature(hw, VIRTIO_NET_F_CTRL_MAC_ADDR))
		ret = virtio_ctrl_mac_addr_set(hw, &dev->data->mac_addrs[0]);
	return ret;
}

static void
queue_states_set(struct rte_eth_dev *dev, uint8_t state)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queue_state[q] = state;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queue_state[q] = state;
}

static int virtio_link_update(struct rte_eth_dev *dev, int wait);

static int
virtio_dev_start(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	int ret;

	ret = virtio_dev_init(hw, wanted_features(dev));
	/* Vectors first: a queue's MSI-X vector is given with the queue. */
	if (ret == 0 && hw->ops->intr_setup != NULL)
		ret = hw->ops->intr_setup(hw, dev);
	if (ret == 0)
		ret = start_queues(dev);
	if (ret == 0)
		ret = virtio_dev_driver_ok(hw);
	if (ret == 0)
		ret = replay_settings(dev);
	if (ret != 0) {
		VIRTIO_LOG(ERR, "%s: start failed (%s)", hw->name,
			strerror(-ret));
		if (hw->ops->intr_teardown != NULL)
			hw->ops->intr_teardown(hw, dev);
		virtio_dev_reset(hw);
		return ret;
	}
	queue_states_set(dev, RTE_ETH_QUEUE_STATE_STARTED);
	virtio_link_update(dev, 0);
	return 0;
}

static int
virtio_dev_stop(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	struct rte_eth_link link = { 0 };
	uint16_t q;

	/* The device gives up every ring before we take the mbufs back. */
	virtio_dev_reset(hw);
	if (hw->ops->intr_teardown != NULL)
		hw->ops->intr_teardown(hw, dev);
	for (q = 0; q < dev->data->nb_rx_queues; q++)
		if (dev->data->rx_queues[q] != NULL)
			virtio_rxq_drain(dev->data->rx_queues[q]);
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		if (dev->data->tx_queues[q] != NULL)
			virtio_txq_drain(dev->data->tx_queues[q]);
	queue_states_set(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

static int
virtio_dev_close(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_hw_of(dev);

	virtio_dev_reset(hw);
	virtio_ctrl_queue_free(hw);
	if (hw->ops->close != NULL)
		hw->ops->close(hw);
	return 0;
}

static int
virtio_dev_reset_op(struct rte_eth_dev *dev)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	int ret = virtio_dev_init(hw, 0);

	virtio_dev_reset(hw);
	return ret;
}

static int
virtio_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	uint16_t ring_max = hw->ops->get_queue_size(hw, 0);
	bool mrg = (hw->device_features & VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF)) !=
		0;
	uint16_t pairs = RTE_MIN(hw->max_pairs, RTE_MAX_QUEUES_PER_PORT);

	info->max_rx_queues = pairs;
	info->max_tx_queues = pairs;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = hw->max_mtu;
	info->max_rx_pktlen = frame_of_mtu(hw->max_mtu);
	info->min_rx_bufsize = RTE_ETHER_MIN_LEN;
	info->max_mac_addrs = virtio_with_feature(hw, VIRTIO_NET_F_CTRL_RX) ?
		VIRTIO_MAX_MAC_ADDRS :
		1;
	info->rx_desc_lim.nb_max = ring_max;
	info->rx_desc_lim.nb_min = 1;
	info->rx_desc_lim.nb_align = 1;
	info->tx_desc_lim = info->rx_desc_lim;
	info->default_rxportconf.ring_size = RTE_MIN(ring_max,
		VIRTIO_DEFAULT_RING);
	info->default_txportconf.ring_size = info->default_rxportconf.ring_size;
	info->rx_offload_capa = mrg ? RTE_ETH_RX_OFFLOAD_SCATTER : 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	return 0;
}

static int
virtio_link_update(struct rte_eth_dev *dev, int wait __rte_unused)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	struct rte_eth_link link = { 0 };

	/* hw->started: dev_started is set only after dev_start returns. */
	if (hw->started && virtio_dev_link_up(hw)) {
		link.link_status = RTE_ETH_LINK_UP;
		link.link_speed = RTE_ETH_SPEED_NUM_10G;
		link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
		link.link_autoneg = RTE_ETH_LINK_FIXED;
	}
	hw->link_up = link.link_status == RTE_ETH_LINK_UP;
	return rte_eth_linkstatus_set(dev, &link);
}

void
virtio_ethdev_config_changed(struct rte_eth_dev *dev)
{
	VIRTIO_LOG(DEBUG, "%s: config changed, link %s, LSC events %s",
		virtio_hw_of(dev)->name,
		virtio_dev_link_up(virtio_hw_of(dev)) ? "up" : "down",
		dev->data->dev_conf.intr_conf.lsc ? "on" : "off");
	if (virtio_link_update(dev, 0) == 0 &&
		dev->data->dev_conf.intr_conf.lsc != 0)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

/* Rx mode changes go to a started device; a stopped one gets them at start. */
static int
rx_mode_set(struct rte_eth_dev *dev, uint8_t cmd, bool on)
{
	struct virtio_hw *hw = virtio_hw_of(dev);

	if (!virtio_with_feature(hw, VIRTIO_NET_F_CTRL_RX)) {
		VIRTIO_LOG(ERR,
			"%s: the device has no CTRL_RX: promiscuous "
			"and all-multicast modes cannot change",
			hw->name);
		return -ENOTSUP;
	}
	return hw->started ? virtio_ctrl_rx_mode(hw, cmd, on) : 0;
}

static int
virtio_promiscuous_enable(struct rte_eth_dev *dev)
{
	return rx_mode_set(dev, VIRTIO_NET_CTRL_RX_PROMISC, true);
}

static int
virtio_promiscuous_disable(struct rte_eth_dev *dev)
{
	return rx_mode_set(dev, VIRTIO_NET_CTRL_RX_PROMISC, false);
}

static int
virtio_allmulticast_enable(struct rte_eth_dev *dev)
{
	return rx_mode_set(dev, VIRTIO_NET_CTRL_RX_ALLMULTI, true);
}

static int
virtio_allmulticast_disable(struct rte_eth_dev *dev)
{
	return rx_mode_set(dev, VIRTIO_NET_CTRL_RX_ALLMULTI, false);
}

static int
virtio_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac)
{
	struct virtio_hw *hw = virtio_hw_of(dev);

	if (!virtio_with_feature(hw, VIRTIO_NET_F_CTRL_MAC_ADDR)) {
		VIRTIO_LOG(ERR,
			"%s: the device has no CTRL_MAC_ADDR: its MAC "
			"cannot change",
			hw->name);
		return -ENOTSUP;
	}
	hw->mac = *mac;
	return hw->started ? virtio_ctrl_mac_addr_set(hw, mac) : 0;
}

/* The secondary unicast addresses, with index set to mac (or cleared). */
static int
mac_table_push(struct rte_eth_dev *dev, uint32_t index,
	const struct rte_ether_addr *mac)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	struct rte_ether_addr table[VIRTIO_MAX_MAC_ADDRS];
	const struct rte_ether_addr *a;
	uint32_t i, n = 0;

	if (!virtio_with_feature(hw, VIRTIO_NET_F_CTRL_RX))
		return -ENOTSUP;
	for (i = 1; i < VIRTIO_MAX_MAC_ADDRS; i++) {
		a = i == index ? mac : &dev->data->mac_addrs[i];
		if (a != NULL && !rte_is_zero_ether_addr(a))
			table[n++] = *a;
	}
	return hw->started ? virtio_ctrl_mac_table_set(hw, table, n) : 0;
}

static int
virtio_mac_addr_add(struct rte_eth_dev *dev, struct rte_ether_addr *mac,
	uint32_t index, uint32_t vmdq __rte_unused)
{
	return mac_table_push(dev, index, mac);
}

static void
virtio_mac_addr_remove(struct rte_eth_dev *dev, uint32_t index)
{
	mac_table_push(dev, index, NULL);
}

static int
virtio_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	struct virtio_rxq *rxq;
	uint16_t q;

	if (mtu > hw->max_mtu) {
		VIRTIO_LOG(ERR, "%s: MTU %u is above the device's %u", hw->name,
			mtu, hw->max_mtu);
		return -EINVAL;
	}
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		rxq = dev->data->rx_queues[q];
		if (rxq != NULL && !rxq->mergeable &&
			rx_buf_room(rxq->mp) < frame_of_mtu(mtu)) {
			VIRTIO_LOG(ERR,
				"%s: MTU %u does not fit one rx buffer "
				"and the device has no mergeable rx buffers",
				hw->name, mtu);
			return -EINVAL;
		}
	}
	hw->mtu = mtu;
	return 0;
}

/*
 * The device notifies only for what it uses after this (2.7.7.2, and
 * 2.7.10 with EVENT_IDX): frames it returned before would wait for the
 * next one, so the queue's own event fd is raised for them here.
 */
static int
virtio_rx_intr_enable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct virtio_rxq *rxq = dev->data->rx_queues[queue_id];
	uint64_t one = 1;
	int fd;

	virtqueue_intr_enable(rxq->vq, true);
	if (vq_used_count(rxq->vq) == 0 || !rte_intr_dp_is_en(dev->intr_handle))
		return 0;
	fd = rte_intr_efds_index_get(dev->intr_handle, queue_id);
	/* EAGAIN: the counter is already nonzero, a wake-up is pending. */
	if (fd >= 0 && write(fd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		VIRTIO_LOG(ERR,
			"%s: cannot raise the interrupt of rx queue "
			"%u: %s",
			virtio_hw_of(dev)->name, queue_id, strerror(errno));
	return 0;
}

static int
virtio_rx_intr_disable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct virtio_rxq *rxq = dev->data->rx_queues[queue_id];

	virtqueue_intr_enable(rxq->vq, false);
	return 0;
}

static const struct eth_dev_ops virtio_eth_ops = {
	.dev_configure = virtio_dev_configure,
	.dev_start = virtio_dev_start,
	.dev_stop = virtio_dev_stop,
	.dev_close = virtio_dev_close,
	.dev_reset = virtio_dev_reset_op,
	.dev_infos_get = virtio_dev_infos_get,
	.link_update = virtio_link_update,
	.promiscuous_enable = virtio_promiscuous_enable,
	.promiscuous_disable = virtio_promiscuous_disable,
	.allmulticast_enable = virtio_allmulticast_enable,
	.allmulticast_disable = virtio_allmulticast_disable,
	.mac_addr_set = virtio_mac_addr_set,
	.mac_addr_add = virtio_mac_addr_add,
	.mac_addr_remove = virtio_mac_addr_remove,
	.mtu_set = virtio_mtu_set,
	.rx_queue_setup = virtio_rx_queue_setup,
	.tx_queue_setup = virtio_tx_queue_setup,
	.rx_queue_release = virtio_rx_queue_release,
	.tx_queue_release = virtio_tx_queue_release,
	.rx_queue_intr_enable = virtio_rx_intr_enable,
	.rx_queue_intr_disable = virtio_rx_intr_disable,
	.stats_get = virtio_stats_get,
	.stats_reset = virtio_stats_reset,
	.xstats_get = virtio_xstats_get,
	.xstats_get_names = virtio_xstats_get_names,
	.xstats_reset = virtio_stats_reset,
};

int
virtio_ethdev_init(struct rte_eth_dev *dev,
	const struct rte_ether_addr *fallback_mac)
{
	struct virtio_hw *hw = virtio_hw_of(dev);
	int ret;

	hw->name = dev->data->name;
	hw->port_id = dev->data->port_id;
	ret = virtio_dev_init(hw, 0);
	if (ret != 0)
		return ret;
	if (!virtio_dev_read_mac(hw, &hw->mac)) {
		if (fallback_mac != NULL)
			hw->mac = *fallback_mac;
		else
			rte_eth_random_addr(hw->mac.addr_bytes);
	}
	virtio_dev_reset(hw);
	dev->data->mac_addrs = rte_zmalloc("virtio_mac",
		VIRTIO_MAX_MAC_ADDRS * sizeof(struct rte_ether_addr), 0);
	if (dev->data->mac_addrs == NULL) {
		VIRTIO_LOG(ERR, "%s: no memory for the MAC table", hw->name);
		return -ENOMEM;
	}
	dev->data->mac_addrs[0] = hw->mac;
	dev->data->mtu = RTE_MIN(RTE_ETHER_MTU, hw->max_mtu);
	dev->dev_ops = &virtio_eth_ops;
	dev->rx_pkt_burst = virtio_recv_pkts;
	dev->tx_pkt_burst = virtio_xmit_pkts;
	return 0;
}
