/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ethtest control path: probe and remove, and the ethdev operations
 * (see ethtest_pmd.h for what the device is).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>

#include <rte_alarm.h>
#include <rte_cycles.h>
#include <rte_ether.h>
#include <rte_interrupts.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>

#include "ethtest_internal.h"

/* How long after rte_eth_dev_set_link_up/down() the link changes. */
#define ETHTEST_LINK_DELAY_US 1000

static const uint32_t ethtest_ptypes[] = {
	RTE_PTYPE_L2_ETHER,
	RTE_PTYPE_L3_IPV4,
	RTE_PTYPE_L3_IPV6,
	RTE_PTYPE_L4_TCP,
	RTE_PTYPE_L4_UDP,
	RTE_PTYPE_UNKNOWN,
};

static const char *const ethtest_xstat_names[ETHTEST_NB_XSTATS] = {
	"tx_loop_full_drops",
	"rx_intr_wakeups",
};

static struct ethtest_private *
dev_priv(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

int
ethtest_should_fail(struct ethtest_private *priv, enum ethtest_op op)
{
	if (priv->fail_op != op)
		return 0;
	priv->fail_op = ETHTEST_OP_NONE;
	return 1;
}

/* Returns the injected error of op from the calling function. */
#define ETHTEST_MAYBE_FAIL(dev, op) \
	do { \
		if (ethtest_should_fail(dev_priv(dev), op)) \
			return dev_priv(dev)->fail_err; \
	} while (0)

static int
ethtest_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct rte_eth_desc_lim lim = {
		.nb_max = ETHTEST_DESC_MAX,
		.nb_min = ETHTEST_DESC_MIN,
		.nb_align = ETHTEST_DESC_ALIGN,
		.nb_seg_max = 8,
		.nb_mtu_seg_max = 8,
	};

	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_INFO);
	info->max_mtu = ETHTEST_MAX_MTU;
	info->max_rx_pktlen = ETHTEST_MAX_MTU + RTE_ETHER_HDR_LEN +
		RTE_ETHER_CRC_LEN;
	info->min_rx_bufsize = 64;
	info->max_rx_queues = ETHTEST_MAX_QUEUES;
	info->max_tx_queues = ETHTEST_MAX_QUEUES;
	info->max_mac_addrs = ETHTEST_MAC_ADDRS;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER |
		RTE_ETH_RX_OFFLOAD_TIMESTAMP | RTE_ETH_RX_OFFLOAD_RSS_HASH |
		RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_VLAN_FILTER;
	info->rx_queue_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS |
		RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	info->tx_queue_offload_capa = RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	info->reta_size = ETHTEST_RETA_SIZE;
	info->hash_key_size = ETHTEST_KEY_SIZE;
	info->flow_type_rss_offloads = RTE_ETH_RSS_IP | RTE_ETH_RSS_UDP |
		RTE_ETH_RSS_TCP;
	info->default_rxconf.rx_free_thresh = 32;
	info->default_txconf.tx_free_thresh = 32;
	info->rx_desc_lim = lim;
	info->tx_desc_lim = lim;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G;
	info->default_rxportconf.burst_size = 32;
	info->default_rxportconf.ring_size = ETHTEST_RING_SIZE;
	info->default_rxportconf.nb_queues = ETHTEST_NB_QUEUES;
	info->default_txportconf = info->default_rxportconf;
	return 0;
}

static int
ethtest_dev_configure(struct rte_eth_dev *dev)
{
	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_CONFIGURE);
	return 0;
}

/* One eventfd per Rx queue, as the vectors of a VDEV interrupt handle. */
static int
ethtest_rx_intr_setup(struct rte_eth_dev *dev)
{
	struct ethtest_private *priv = dev_priv(dev);
	struct rte_intr_handle *h = priv->intr_handle;
	uint16_t q, nb = dev->data->nb_rx_queues;
	int fd;

	for (q = 0; q < nb; q++) {
		fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (fd < 0)
			return -errno;
		priv->rx_efds[q] = fd;
		rte_intr_efds_index_set(h, q, fd);
	}
	rte_intr_efd_counter_size_set(h, sizeof(uint64_t));
	rte_intr_nb_efd_set(h, nb);
	rte_intr_max_intr_set(h, nb + 1);
	if (rte_intr_efd_enable(h, nb) != 0 ||
		rte_intr_vec_list_alloc(h, "ethtest_intr_vec", nb) != 0)
		return -EINVAL;
	for (q = 0; q < nb; q++)
		rte_intr_vec_list_index_set(h, q, q + RTE_INTR_VEC_RXTX_OFFSET);
	dev->intr_handle = h;
	return 0;
}

static void
ethtest_rx_intr_teardown(struct rte_eth_dev *dev)
{
	struct ethtest_private *priv = dev_priv(dev);
	unsigned int q;

	if (dev->intr_handle == NULL)
		return;
	rte_intr_efd_disable(priv->intr_handle);
	rte_intr_vec_list_free(priv->intr_handle);
	for (q = 0; q < ETHTEST_MAX_QUEUES; q++) {
		if (priv->rx_efds[q] >= 0)
			close(priv->rx_efds[q]);
		priv->rx_efds[q] = -1;
	}
	dev->intr_handle = NULL;
}

static void
ethtest_set_link(struct rte_eth_dev *dev, int up)
{
	struct rte_eth_link link = {
		.link_speed = up ? RTE_ETH_SPEED_NUM_10G :
				   RTE_ETH_SPEED_NUM_NONE,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_AUTONEG,
		.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	rte_eth_linkstatus_set(dev, &link);
}

/* The link "interrupt": runs on the EAL interrupt thread. */
static void
ethtest_link_alarm(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct ethtest_private *priv = dev_priv(dev);
	/* Written by the application's thread while an earlier alarm may
	 * still read it here: relaxed atomics, the value is all that counts. */
	int up = __atomic_load_n(&priv->next_link_up, __ATOMIC_RELAXED);
	struct rte_eth_link link = {
		.link_speed = up ? RTE_ETH_SPEED_NUM_10G :
				   RTE_ETH_SPEED_NUM_NONE,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_AUTONEG,
		.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	if (rte_eth_linkstatus_set(dev, &link) == 0 &&
		dev->data->dev_conf.intr_conf.lsc)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
}

static int
ethtest_dev_start(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	struct ethtest_rxq *rxq;
	struct ethtest_txq *txq;
	uint16_t q;
	int ret;

	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_START);
	if (data->dev_conf.intr_conf.rxq) {
		ret = ethtest_rx_intr_setup(dev);
		if (ret != 0) {
			ethtest_rx_intr_teardown(dev);
			return ret;
		}
	}
	for (q = 0; q < data->nb_rx_queues; q++) {
		rxq = data->rx_queues[q];
		if (!rxq->conf.rx_deferred_start)
			data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	}
	for (q = 0; q < data->nb_tx_queues; q++) {
		txq = data->tx_queues[q];
		if (!txq->conf.tx_deferred_start)
			data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	}
	dev_priv(dev)->start_calls++;
	__atomic_store_n(&dev_priv(dev)->next_link_up, 1, __ATOMIC_RELAXED);
	ethtest_set_link(dev, 1);
	return 0;
}

static int
ethtest_dev_stop(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	uint16_t q;

	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_STOP);
	rte_eal_alarm_cancel(ethtest_link_alarm, dev);
	ethtest_rx_intr_teardown(dev);
	for (q = 0; q < data->nb_rx_queues; q++)
		data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	for (q = 0; q < data->nb_tx_queues; q++)
		data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	dev_priv(dev)->stop_calls++;
	ethtest_set_link(dev, 0);
	return 0;
}

static int
ethtest_dev_close(struct rte_eth_dev *dev)
{
	struct ethtest_private *priv = dev_priv(dev);

	rte_eal_alarm_cancel(ethtest_link_alarm, dev);
	ethtest_rx_intr_teardown(dev);
	rte_intr_instance_free(priv->intr_handle);
	priv->intr_handle = NULL;
	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_CLOSE);
	return 0;
}

static int
ethtest_dev_reset(struct rte_eth_dev *dev)
{
	dev_priv(dev)->reset_calls++;
	return 0;
}

static int
ethtest_is_removed(struct rte_eth_dev *dev)
{
	return dev_priv(dev)->removed;
}

/* rte_eth_dev_set_link_up/down(): the link follows from an alarm. */
static int
ethtest_link_change(struct rte_eth_dev *dev, int up)
{
	__atomic_store_n(&dev_priv(dev)->next_link_up, up, __ATOMIC_RELAXED);
	return rte_eal_alarm_set(ETHTEST_LINK_DELAY_US, ethtest_link_alarm, dev);
}

static int
ethtest_set_link_up(struct rte_eth_dev *dev)
{
	return ethtest_link_change(dev, 1);
}

static int
ethtest_set_link_down(struct rte_eth_dev *dev)
{
	return ethtest_link_change(dev, 0);
}

static int
ethtest_link_update(struct rte_eth_dev *dev __rte_unused,
	int wait_to_complete __rte_unused)
{
	/* The link is always current: nothing to read from a device. */
	return -1;
}

static int
ethtest_promisc(struct rte_eth_dev *dev)
{
	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_PROMISC);
	dev_priv(dev)->promisc_calls++;
	return 0;
}

static int
ethtest_allmulti(struct rte_eth_dev *dev)
{
	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_ALLMULTI);
	dev_priv(dev)->allmulti_calls++;
	return 0;
}

static int
ethtest_mac_addr_set(struct rte_eth_dev *dev,
	struct rte_ether_addr *addr __rte_unused)
{
	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_MAC);
	return 0;
}

static int
ethtest_mac_addr_add(struct rte_eth_dev *dev,
	struct rte_ether_addr *addr __rte_unused, uint32_t index __rte_unused,
	uint32_t pool __rte_unused)
{
	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_MAC);
	return 0;
}

static void
ethtest_mac_addr_remove(struct rte_eth_dev *dev, uint32_t index)
{
	dev_priv(dev)->mac_removed_index = index;
}

static int
ethtest_set_mc_addr_list(struct rte_eth_dev *dev,
	struct rte_ether_addr *list __rte_unused, uint32_t nb)
{
	dev_priv(dev)->nb_mc_addrs = nb;
	return 0;
}

static int
ethtest_mtu_set(struct rte_eth_dev *dev, uint16_t mtu __rte_unused)
{
	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_MTU);
	return 0;
}

static int
ethtest_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct rte_eth_dev_data *data = dev->data;
	struct ethtest_rxq *rxq;
	struct ethtest_txq *txq;
	uint16_t q;

	ETHTEST_MAYBE_FAIL(dev, ETHTEST_OP_STATS);
	for (q = 0; q < data->nb_rx_queues; q++) {
		rxq = data->rx_queues[q];
		if (rxq == NULL)
			continue;
		stats->ipackets += rxq->packets;
		stats->ibytes += rxq->bytes;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[q] = rxq->packets;
			stats->q_ibytes[q] = rxq->bytes;
		}
	}
	for (q = 0; q < data->nb_tx_queues; q++) {
		txq = data->tx_queues[q];
		if (txq == NULL)
			continue;
		stats->opackets += txq->packets;
		stats->obytes += txq->bytes;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_opackets[q] = txq->packets;
			stats->q_obytes[q] = txq->bytes;
		}
	}
	return 0;
}

static int
ethtest_stats_reset(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	struct ethtest_rxq *rxq;
	struct ethtest_txq *txq;
	uint16_t q;

	for (q = 0; q < data->nb_rx_queues; q++) {
		rxq = data->rx_queues[q];
		if (rxq != NULL)
			rxq->packets = rxq->bytes = 0;
	}
	for (q = 0; q < data->nb_tx_queues; q++) {
		txq = data->tx_queues[q];
		if (txq != NULL)
			txq->packets = txq->bytes = 0;
	}
	return 0;
}

static int
ethtest_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n)
{
	struct ethtest_private *priv = dev_priv(dev);

	if (xstats == NULL || n < ETHTEST_NB_XSTATS)
		return ETHTEST_NB_XSTATS;
	xstats[0].id = 0;
	xstats[0].value = priv->loop_drops;
	xstats[1].id = 1;
	xstats[1].value = priv->intr_wakeups;
	return ETHTEST_NB_XSTATS;
}

static int
ethtest_xstats_get_names(struct rte_eth_dev *dev __rte_unused,
	struct rte_eth_xstat_name *names, unsigned int size)
{
	unsigned int i;

	if (names == NULL || size < ETHTEST_NB_XSTATS)
		return ETHTEST_NB_XSTATS;
	for (i = 0; i < ETHTEST_NB_XSTATS; i++)
		snprintf(names[i].name, sizeof(names[i].name), "%s",
			ethtest_xstat_names[i]);
	return ETHTEST_NB_XSTATS;
}

static int
ethtest_xstats_reset(struct rte_eth_dev *dev)
{
	dev_priv(dev)->loop_drops = 0;
	dev_priv(dev)->intr_wakeups = 0;
	return ethtest_stats_reset(dev);
}

static int
ethtest_fw_version_get(struct rte_eth_dev *dev __rte_unused, char *fw,
	size_t size)
{
	size_t need = sizeof(ETHTEST_FW_VERSION);

	if (size < need)
		return (int)need;
	memcpy(fw, ETHTEST_FW_VERSION, need);
	return 0;
}

static const uint32_t *
ethtest_supported_ptypes(struct rte_eth_dev *dev __rte_unused)
{
	return ethtest_ptypes;
}

static int
ethtest_ptypes_set(struct rte_eth_dev *dev, uint32_t ptype_mask)
{
	dev_priv(dev)->ptype_mask = ptype_mask;
	return 0;
}

/* Per-queue start and stop only change the state the bursts look at. */
static int
ethtest_rx_queue_start(struct rte_eth_dev *dev, uint16_t q)
{
	dev->data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

static int
ethtest_rx_queue_stop(struct rte_eth_dev *dev, uint16_t q)
{
	dev->data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

static int
ethtest_tx_queue_start(struct rte_eth_dev *dev, uint16_t q)
{
	dev->data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

static int
ethtest_tx_queue_stop(struct rte_eth_dev *dev, uint16_t q)
{
	dev->data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

static int
ethtest_rx_intr_enable(struct rte_eth_dev *dev, uint16_t q)
{
	struct ethtest_rxq *rxq = dev->data->rx_queues[q];

	if (dev->intr_handle == NULL)
		return -EINVAL;
	rxq->intr_armed = 1;
	/* Packets already waiting must wake the poller too. */
	if (rte_ring_count(rxq->loop) > 0) {
		uint64_t one = 1;

		if (write(dev_priv(dev)->rx_efds[q], &one, sizeof(one)) < 0)
			return -errno;
	}
	return 0;
}

static int
ethtest_rx_intr_disable(struct rte_eth_dev *dev, uint16_t q)
{
	struct ethtest_rxq *rxq = dev->data->rx_queues[q];

	rxq->intr_armed = 0;
	return 0;
}

static int
ethtest_tx_done_cleanup(void *txq __rte_unused, uint32_t free_cnt __rte_unused)
{
	return 0; /* sent packets are on the loop, not held here */
}

static int
ethtest_reta_update(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *reta, uint16_t size)
{
	unsigned int i;

	if (size != ETHTEST_RETA_SIZE)
		return -EINVAL;
	for (i = 0; i < size; i++)
		if (reta[i / 64].mask & RTE_BIT64(i % 64))
			dev_priv(dev)->reta[i] = reta[i / 64].reta[i % 64];
	return 0;
}

static int
ethtest_reta_query(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *reta, uint16_t size)
{
	unsigned int i;

	if (size != ETHTEST_RETA_SIZE)
		return -EINVAL;
	for (i = 0; i < size; i++)
		if (reta[i / 64].mask & RTE_BIT64(i % 64))
			reta[i / 64].reta[i % 64] = dev_priv(dev)->reta[i];
	return 0;
}

static int
ethtest_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	if (conf->rss_key != NULL) {
		if (conf->rss_key_len != ETHTEST_KEY_SIZE)
			return -EINVAL;
		memcpy(dev_priv(dev)->rss_key, conf->rss_key, ETHTEST_KEY_SIZE);
	}
	dev_priv(dev)->rss_hf = conf->rss_hf;
	return 0;
}

static int
ethtest_rss_hash_conf_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	if (conf->rss_key != NULL) {
		memcpy(conf->rss_key, dev_priv(dev)->rss_key, ETHTEST_KEY_SIZE);
		conf->rss_key_len = ETHTEST_KEY_SIZE;
	}
	conf->rss_hf = dev_priv(dev)->rss_hf;
	return 0;
}

static int
ethtest_read_clock(struct rte_eth_dev *dev __rte_unused, uint64_t *clock)
{
	*clock = rte_rdtsc();
	return 0;
}

static const struct eth_dev_ops ethtest_ops = {
	.dev_configure = ethtest_dev_configure,
	.dev_start = ethtest_dev_start,
	.dev_stop = ethtest_dev_stop,
	.dev_set_link_up = ethtest_set_link_up,
	.dev_set_link_down = ethtest_set_link_down,
	.dev_close = ethtest_dev_close,
	.dev_reset = ethtest_dev_reset,
	.link_update = ethtest_link_update,
	.is_removed = ethtest_is_removed,
	.promiscuous_enable = ethtest_promisc,
	.promiscuous_disable = ethtest_promisc,
	.allmulticast_enable = ethtest_allmulti,
	.allmulticast_disable = ethtest_allmulti,
	.mac_addr_remove = ethtest_mac_addr_remove,
	.mac_addr_add = ethtest_mac_addr_add,
	.mac_addr_set = ethtest_mac_addr_set,
	.set_mc_addr_list = ethtest_set_mc_addr_list,
	.mtu_set = ethtest_mtu_set,
	.stats_get = ethtest_stats_get,
	.stats_reset = ethtest_stats_reset,
	.xstats_get = ethtest_xstats_get,
	.xstats_reset = ethtest_xstats_reset,
	.xstats_get_names = ethtest_xstats_get_names,
	.dev_infos_get = ethtest_dev_infos_get,
	.rxq_info_get = ethtest_rxq_info_get,
	.txq_info_get = ethtest_txq_info_get,
	.fw_version_get = ethtest_fw_version_get,
	.dev_supported_ptypes_get = ethtest_supported_ptypes,
	.dev_ptypes_set = ethtest_ptypes_set,
	.rx_queue_start = ethtest_rx_queue_start,
	.rx_queue_stop = ethtest_rx_queue_stop,
	.tx_queue_start = ethtest_tx_queue_start,
	.tx_queue_stop = ethtest_tx_queue_stop,
	.rx_queue_setup = ethtest_rx_queue_setup,
	.rx_queue_release = ethtest_rx_queue_release,
	.rx_queue_intr_enable = ethtest_rx_intr_enable,
	.rx_queue_intr_disable = ethtest_rx_intr_disable,
	.tx_queue_setup = ethtest_tx_queue_setup,
	.tx_queue_release = ethtest_tx_queue_release,
	.tx_done_cleanup = ethtest_tx_done_cleanup,
	.reta_update = ethtest_reta_update,
	.reta_query = ethtest_reta_query,
	.rss_hash_update = ethtest_rss_hash_update,
	.rss_hash_conf_get = ethtest_rss_hash_conf_get,
	.read_clock = ethtest_read_clock,
	.vlan_filter_set = ethtest_vlan_filter_set,
	.vlan_offload_set = ethtest_vlan_offload_set,
	.vlan_strip_queue_set = ethtest_vlan_strip_queue_set,
	.vlan_pvid_set = ethtest_vlan_pvid_set,
	.flow_ctrl_get = ethtest_flow_ctrl_get,
	.flow_ctrl_set = ethtest_flow_ctrl_set,
	.queue_stats_mapping_set = ethtest_queue_stats_mapping_set,
	.rx_burst_mode_get = ethtest_rx_burst_mode_get,
	.get_reg = ethtest_get_reg,
	.get_eeprom_length = ethtest_get_eeprom_length,
	.get_eeprom = ethtest_get_eeprom,
	.set_eeprom = ethtest_set_eeprom,
};

struct ethtest_args {
	int lsc;
	struct rte_ether_addr mac;
};

/* Reads "lsc=0|1" and "mac=..."; 0 or -EINVAL. */
static int
ethtest_parse_args(const char *name, const char *text, struct ethtest_args *args)
{
	struct rte_kvargs *kv = rte_kvargs_parse(text, NULL);
	const char *value;
	int ret = 0;

	if (kv == NULL)
		return -EINVAL;
	value = rte_kvargs_get(kv, "lsc");
	if (value != NULL)
		args->lsc = atoi(value);
	value = rte_kvargs_get(kv, "mac");
	if (value != NULL && rte_ether_unformat_addr(value, &args->mac) != 0) {
		fprintf(stderr, "%s: bad mac=%s\n", name, value);
		ret = -EINVAL;
	}
	rte_kvargs_free(kv);
	return ret;
}

static int
ethtest_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct ethtest_args args = { .lsc = 1 };
	struct ethtest_private *priv;
	struct rte_eth_dev *dev;
	unsigned int instance = 0, q;

	sscanf(name, ETHTEST_DRIVER_NAME "%u", &instance);
	args.mac = (struct rte_ether_addr){ { 0x02, 0xe7, 0, 0, 0,
		(uint8_t)instance } };
	if (ethtest_parse_args(name, rte_vdev_device_args(vdev), &args) != 0)
		return -EINVAL;
	dev = rte_eth_vdev_allocate(vdev, sizeof(*priv));
	if (dev == NULL)
		return -ENOMEM;
	priv = dev->data->dev_private;
	priv->instance = instance;
	for (q = 0; q < ETHTEST_MAX_QUEUES; q++)
		priv->rx_efds[q] = -1;
	priv->intr_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	dev->data->mac_addrs = rte_zmalloc("ethtest_mac",
		ETHTEST_MAC_ADDRS * sizeof(struct rte_ether_addr), 0);
	if (priv->intr_handle == NULL || dev->data->mac_addrs == NULL) {
		rte_intr_instance_free(priv->intr_handle);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	rte_intr_type_set(priv->intr_handle, RTE_INTR_HANDLE_VDEV);
	dev->data->mac_addrs[0] = args.mac;
	dev->data->dev_flags = RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS |
		(args.lsc ? RTE_ETH_DEV_INTR_LSC : 0);
	dev->dev_ops = &ethtest_ops;
	dev->rx_pkt_burst = ethtest_rx_burst;
	dev->tx_pkt_burst = ethtest_tx_burst;
	dev->tx_pkt_prepare = ethtest_tx_prepare;
	dev->rx_queue_count = ethtest_rx_queue_count;
	ethtest_set_link(dev, 0);
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
ethtest_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(
		rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* closed by the application already */
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_vdev_driver ethtest_driver = {
	.probe = ethtest_probe,
	.remove = ethtest_remove,
};

RTE_PMD_REGISTER_VDEV(net_ethtest, ethtest_driver);

struct ethtest_private *
ethtest_priv(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	if (!rte_eth_dev_is_valid_port(port_id))
		return NULL;
	dev = &rte_eth_devices[port_id];
	if (dev->dev_ops != &ethtest_ops)
		return NULL;
	return dev->data->dev_private;
}

void
ethtest_fail_next(uint16_t port_id, enum ethtest_op op, int err)
{
	struct ethtest_private *priv = ethtest_priv(port_id);

	if (priv == NULL)
		return;
	priv->fail_op = op;
	priv->fail_err = err;
}
