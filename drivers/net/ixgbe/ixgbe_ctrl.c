/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe port settings: unicast/multicast filtering (FCTRL), MAC
 * addresses (RAL/RAH), frame size (MAXFRS), RSS (MRQC, RSSRK, RETA;
 * datasheet 7.1.2.8), the configuration checks and device information,
 * and the statistics, whose registers clear on read and are accumulated
 * here in 64-bit software counters; and the eth_dev_ops table of the
 * whole driver.
 */
#include <stdio.h>
#include <string.h>

#include "ixgbe.h"

/* Microsoft's RSS verification key (the RSS specification's example),
 * used until the application gives one. */
/* clang-format off */
static const uint8_t ixgbe_default_rss_key[IXGBE_RSS_KEY_SIZE] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
	0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
	0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
	0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
	0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};
/* clang-format on */

/* --- filters, addresses, frame size -------------------------------------- */

/* FCTRL: unicast promiscuous (UPE), multicast promiscuous (MPE). */
static int
ixgbe_fctrl_set(struct rte_eth_dev *dev, bool upe, bool mpe)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	ixgbe_set_bits(ad, IXGBE_FCTRL, IXGBE_FCTRL_UPE, upe);
	ixgbe_set_bits(ad, IXGBE_FCTRL, IXGBE_FCTRL_MPE, mpe);
	return 0;
}

/* ethdev changes data->promiscuous and all_multicast after these. */
static int
ixgbe_promiscuous_enable(struct rte_eth_dev *dev)
{
	return ixgbe_fctrl_set(dev, true, true);
}

static int
ixgbe_promiscuous_disable(struct rte_eth_dev *dev)
{
	return ixgbe_fctrl_set(dev, false, dev->data->all_multicast);
}

static int
ixgbe_allmulticast_enable(struct rte_eth_dev *dev)
{
	return ixgbe_fctrl_set(dev, dev->data->promiscuous, true);
}

static int
ixgbe_allmulticast_disable(struct rte_eth_dev *dev)
{
	return ixgbe_fctrl_set(dev, dev->data->promiscuous,
		dev->data->promiscuous);
}

/* RAL holds bytes 0-3 of the address, RAH bytes 4-5 and Address Valid. */
static void
ixgbe_rar_write(const struct ixgbe_adapter *ad, uint32_t index,
	const struct rte_ether_addr *mac)
{
	const uint8_t *b = mac->addr_bytes;

	ixgbe_write_bytes(ad, IXGBE_RAL(index), b, 4);
	ixgbe_write(ad, IXGBE_RAH(index),
		(uint32_t)b[4] | (uint32_t)b[5] << 8 | IXGBE_RAH_AV);
}

int
ixgbe_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac)
{
	ixgbe_rar_write(ixgbe_adapter(dev), 0, mac);
	return 0;
}

/* ethdev picks the slot, below max_mac_addrs, and never removes 0. */
static int
ixgbe_mac_addr_add(struct rte_eth_dev *dev, struct rte_ether_addr *mac,
	uint32_t index, uint32_t pool)
{
	if (pool != 0)
		return IXGBE_ERR(dev, -EINVAL,
			"MAC address pool %u: the device has no pools (VMDq): use pool 0",
			pool);
	ixgbe_rar_write(ixgbe_adapter(dev), index, mac);
	return 0;
}

static void
ixgbe_mac_addr_remove(struct rte_eth_dev *dev, uint32_t index)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	ixgbe_write(ad, IXGBE_RAH(index), 0);
	ixgbe_write(ad, IXGBE_RAL(index), 0);
}

/* MAXFRS.MFS counts from the destination address through the CRC;
 * HLREG0.JUMBOEN above 1518 bytes (ds 4.6.7). ethdev refuses an MTU
 * above dev_info's max_mtu (frames of IXGBE_MAX_FRAME bytes). */
int
ixgbe_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint32_t frame = (uint32_t)mtu + IXGBE_FRAME_OVERHEAD;

	ixgbe_write(ad, IXGBE_MAXFRS, frame << IXGBE_MAXFRS_MFS_SHIFT);
	ixgbe_set_bits(ad, IXGBE_HLREG0, IXGBE_HLREG0_JUMBOEN,
		frame > RTE_ETHER_MAX_LEN);
	return 0;
}

/* --- RSS ----------------------------------------------------------------- */

/* The hash types and their MRQC field bits. */
static const struct {
	uint64_t rss_hf;
	uint32_t mrqc;
} ixgbe_rss_types[] = {
	{ RTE_ETH_RSS_IPV4, IXGBE_MRQC_IPV4 },
	{ RTE_ETH_RSS_NONFRAG_IPV4_TCP, IXGBE_MRQC_IPV4_TCP },
	{ RTE_ETH_RSS_NONFRAG_IPV4_UDP, IXGBE_MRQC_IPV4_UDP },
	{ RTE_ETH_RSS_IPV6, IXGBE_MRQC_IPV6 },
	{ RTE_ETH_RSS_NONFRAG_IPV6_TCP, IXGBE_MRQC_IPV6_TCP },
	{ RTE_ETH_RSS_NONFRAG_IPV6_UDP, IXGBE_MRQC_IPV6_UDP },
};

/* At start and at each hash update: key, table (default: queues in
 * turn) and hash types. */
void
ixgbe_rss_program(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	unsigned int i,
		nb_queues = RTE_MAX(1,
			RTE_MIN(dev->data->nb_rx_queues, IXGBE_RSS_MAX_QUEUES));
	uint32_t fields = 0; /* none: RSS off */

	if ((dev->data->dev_conf.rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG) != 0)
		for (i = 0; i < RTE_DIM(ixgbe_rss_types); i++)
			if (ad->rss_hf & ixgbe_rss_types[i].rss_hf)
				fields |= ixgbe_rss_types[i].mrqc;
	if (!ad->reta_set)
		for (i = 0; i < IXGBE_RETA_SIZE; i++)
			ad->reta[i] = (uint8_t)(i % nb_queues);
	ixgbe_write_bytes(ad, IXGBE_RSSRK(0), ad->rss_key, IXGBE_RSS_KEY_SIZE);
	ixgbe_write_bytes(ad, IXGBE_RETA(0), ad->reta, IXGBE_RETA_SIZE);
	ixgbe_write(ad, IXGBE_MRQC, fields != 0 ? IXGBE_MRQC_RSSEN | fields : 0);
	/* The descriptor carries the hash only with PCSD (no checksum). */
	ixgbe_set_bits(ad, IXGBE_RXCSUM, IXGBE_RXCSUM_PCSD, fields != 0);
}

/* An application's key (40 bytes; NULL keeps the key) and hash types. */
static int
ixgbe_rss_conf_set(struct rte_eth_dev *dev, const struct rte_eth_rss_conf *conf)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	if (conf->rss_key != NULL && conf->rss_key_len != IXGBE_RSS_KEY_SIZE)
		return IXGBE_ERR(dev, -EINVAL,
			"RSS key of %u bytes; the device takes %u",
			conf->rss_key_len, IXGBE_RSS_KEY_SIZE);
	if (conf->rss_key != NULL)
		memcpy(ad->rss_key, conf->rss_key, IXGBE_RSS_KEY_SIZE);
	ad->rss_hf = conf->rss_hf;
	return 0;
}

static int
ixgbe_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	int ret = ixgbe_rss_conf_set(dev, conf);

	if (ret == 0)
		ixgbe_rss_program(dev);
	return ret;
}

static int
ixgbe_rss_hash_conf_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	if (conf->rss_key != NULL) {
		memcpy(conf->rss_key, ad->rss_key, IXGBE_RSS_KEY_SIZE);
		conf->rss_key_len = IXGBE_RSS_KEY_SIZE;
	}
	conf->rss_hf = ad->rss_hf;
	return 0;
}

static int
ixgbe_reta_check_size(const struct rte_eth_dev *dev, uint16_t size)
{
	if (size == IXGBE_RETA_SIZE)
		return 0;
	return IXGBE_ERR(dev, -EINVAL,
		"RETA of %u entries; the device's has %u", size,
		IXGBE_RETA_SIZE);
}

/* Entry i of an application's table if its mask selects it, or NULL. */
static uint16_t *
ixgbe_reta_entry(struct rte_eth_rss_reta_entry64 *reta, unsigned int i)
{
	struct rte_eth_rss_reta_entry64 *group =
		&reta[i / RTE_ETH_RETA_GROUP_SIZE];
	unsigned int bit = i % RTE_ETH_RETA_GROUP_SIZE;

	return (group->mask & RTE_BIT64(bit)) != 0 ? &group->reta[bit] : NULL;
}

/* The new table is built aside: a bad entry leaves the old one. */
static int
ixgbe_reta_update(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *reta, uint16_t size)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint8_t table[IXGBE_RETA_SIZE];
	uint16_t *entry;
	unsigned int i;

	if (ixgbe_reta_check_size(dev, size) < 0)
		return -EINVAL;
	memcpy(table, ad->reta, sizeof(table));
	for (i = 0; i < IXGBE_RETA_SIZE; i++) {
		entry = ixgbe_reta_entry(reta, i);
		if (entry != NULL && *entry >= IXGBE_RSS_MAX_QUEUES)
			return IXGBE_ERR(dev, -EINVAL,
				"RETA entry %u names queue %u; RSS spreads over queues 0..%u only",
				i, *entry, IXGBE_RSS_MAX_QUEUES - 1);
		if (entry != NULL)
			table[i] = (uint8_t)*entry;
	}
	memcpy(ad->reta, table, sizeof(table));
	ad->reta_set = true;
	ixgbe_write_bytes(ad, IXGBE_RETA(0), ad->reta, IXGBE_RETA_SIZE);
	return 0;
}

static int
ixgbe_reta_query(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta,
	uint16_t size)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint16_t *entry;
	unsigned int i;

	if (ixgbe_reta_check_size(dev, size) < 0)
		return -EINVAL;
	for (i = 0; i < IXGBE_RETA_SIZE; i++) {
		entry = ixgbe_reta_entry(reta, i);
		if (entry != NULL)
			*entry = ad->reta[i];
	}
	return 0;
}

/* --- configuration, device information ----------------------------------- */

/* Multi-queue modes and Rx interrupts the device can do; RSS: the
 * default key and table, or the application's key; the hash types. */
static int
ixgbe_dev_configure(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	const struct rte_eth_conf *conf = &dev->data->dev_conf;
	int ret;

	if ((conf->rxmode.mq_mode & ~RTE_ETH_MQ_RX_RSS_FLAG) != 0 ||
		(conf->txmode.mq_mode != RTE_ETH_MQ_TX_NONE))
		return IXGBE_ERR(dev, -ENOTSUP,
			"only RSS multi-queue modes are supported (no DCB, no VMDq): set rxmode.mq_mode to NONE or RSS");
	if (conf->intr_conf.rxq &&
		rte_intr_type_get(dev->intr_handle) != RTE_INTR_HANDLE_VFIO_MSIX)
		return IXGBE_ERR(dev, -ENOTSUP,
			"Rx interrupts need MSI-X (vfio-pci); this device has one interrupt: clear intr_conf.rxq");
	ret = ixgbe_rss_conf_set(dev, &conf->rx_adv_conf.rss_conf);
	if (ret != 0)
		return ret; /* the previous key and table stay */
	if (conf->rx_adv_conf.rss_conf.rss_key == NULL)
		memcpy(ad->rss_key, ixgbe_default_rss_key, IXGBE_RSS_KEY_SIZE);
	ad->reta_set = false;
	return 0;
}

static int
ixgbe_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	unsigned int i;

	info->max_rx_queues = IXGBE_MAX_QUEUES;
	info->max_tx_queues = IXGBE_MAX_QUEUES;
	info->min_rx_bufsize = 1024;
	info->max_rx_pktlen = IXGBE_MAX_FRAME;
	info->max_mtu = IXGBE_MAX_FRAME - IXGBE_FRAME_OVERHEAD;
	info->max_mac_addrs = IXGBE_NB_RAR;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER |
		RTE_ETH_RX_OFFLOAD_RSS_HASH;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->reta_size = IXGBE_RETA_SIZE;
	info->hash_key_size = IXGBE_RSS_KEY_SIZE;
	for (i = 0; i < RTE_DIM(ixgbe_rss_types); i++)
		info->flow_type_rss_offloads |= ixgbe_rss_types[i].rss_hf;
	/* Segments per packet: ethdev's default, no limit of the driver. */
	info->rx_desc_lim.nb_max = IXGBE_RING_MAX;
	info->rx_desc_lim.nb_min = IXGBE_RING_MIN;
	info->rx_desc_lim.nb_align = IXGBE_RING_ALIGN;
	info->tx_desc_lim = info->rx_desc_lim;
	info->default_rxportconf.ring_size = IXGBE_RING_DEFAULT;
	info->default_txportconf.ring_size = IXGBE_RING_DEFAULT;
	info->default_rxconf.rx_free_thresh = IXGBE_RX_FREE_THRESH;
	info->default_txconf.tx_rs_thresh = IXGBE_TX_RS_THRESH;
	info->default_txconf.tx_free_thresh = 2 * IXGBE_TX_RS_THRESH;
	info->speed_capa = RTE_ETH_LINK_SPEED_1G | RTE_ETH_LINK_SPEED_10G;
	if (ixgbe_adapter(dev)->link_kind >= IXGBE_LINK_X540_PHY)
		info->speed_capa |= RTE_ETH_LINK_SPEED_100M;
	if (ixgbe_adapter(dev)->link_kind == IXGBE_LINK_X550_PHY)
		info->speed_capa |= RTE_ETH_LINK_SPEED_2_5G |
			RTE_ETH_LINK_SPEED_5G;
	return 0;
}

/* --- statistics ---------------------------------------------------------- */

#define IXGBE_S_MPC	  4 /* MPC(0..7), summed */
#define IXGBE_S_ERRORS	  5 /* 5..11: ierrors */
#define IXGBE_S_NB_ERRORS 7

/* Every counter read, in the order of ad->stats. The first five are
 * the basic stats (no name: ethdev names them), the rest are xstats. */
static const struct {
	const char *name;
	uint32_t reg;
} ixgbe_counters[IXGBE_NB_COUNTERS] = {
	{ NULL, IXGBE_GPRC },
	{ NULL, IXGBE_GPTC },
	{ NULL, IXGBE_GORCL },
	{ NULL, IXGBE_GOTCL },
	{ NULL, IXGBE_MPC(0) },
	{ "rx_crc_errors", IXGBE_CRCERRS },
	{ "rx_illegal_byte_errors", IXGBE_ILLERRC },
	{ "rx_length_errors", IXGBE_RLEC },
	{ "rx_undersize_errors", IXGBE_RUC },
	{ "rx_fragment_errors", IXGBE_RFC },
	{ "rx_oversize_errors", IXGBE_ROC },
	{ "rx_jabber_errors", IXGBE_RJC },
	{ "rx_error_bytes", IXGBE_ERRBC },
	{ "rx_broadcast_packets", IXGBE_BPRC },
	{ "rx_multicast_packets", IXGBE_MPRC },
	{ "tx_broadcast_packets", IXGBE_BPTC },
	{ "tx_multicast_packets", IXGBE_MPTC },
	{ "rx_total_packets", IXGBE_TPR },
	{ "tx_total_packets", IXGBE_TPT },
	{ "rx_size_64_packets", IXGBE_PRC64 },
	{ "rx_size_65_to_127_packets", IXGBE_PRC64 + 4 },
	{ "rx_size_128_to_255_packets", IXGBE_PRC64 + 8 },
	{ "rx_size_256_to_511_packets", IXGBE_PRC64 + 12 },
	{ "rx_size_512_to_1023_packets", IXGBE_PRC64 + 16 },
	{ "rx_size_1024_to_max_packets", IXGBE_PRC64 + 20 },
	{ "tx_size_64_packets", IXGBE_PTC64 },
	{ "tx_size_65_to_127_packets", IXGBE_PTC64 + 4 },
	{ "tx_size_128_to_255_packets", IXGBE_PTC64 + 8 },
	{ "tx_size_256_to_511_packets", IXGBE_PTC64 + 12 },
	{ "tx_size_512_to_1023_packets", IXGBE_PTC64 + 16 },
	{ "tx_size_1024_to_max_packets", IXGBE_PTC64 + 20 },
};

#define IXGBE_XSTATS_FIRST 5
#define IXGBE_NB_XSTATS	   (IXGBE_NB_COUNTERS - IXGBE_XSTATS_FIRST)

/* Adds what every clear-on-read counter holds to the software totals;
 * the octet counters have 36 bits, the high 4 read after the low 32. */
static void
ixgbe_stats_read(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint64_t *s = ad->stats;
	unsigned int i;

	for (i = 0; i < IXGBE_NB_COUNTERS; i++)
		s[i] += ixgbe_read(ad, ixgbe_counters[i].reg);
	s[2] += (uint64_t)(ixgbe_read(ad, IXGBE_GORCH) & 0xF) << 32;
	s[3] += (uint64_t)(ixgbe_read(ad, IXGBE_GOTCH) & 0xF) << 32;
	for (i = 1; i < 8; i++)
		s[IXGBE_S_MPC] += ixgbe_read(ad, IXGBE_MPC(i));
	for (i = 0; i < IXGBE_NB_QSTATS; i++) {
		ad->qprc[i] += ixgbe_read(ad, IXGBE_QPRC(i));
		ad->qptc[i] += ixgbe_read(ad, IXGBE_QPTC(i));
	}
}

static int
ixgbe_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	const uint64_t *s = ad->stats;
	unsigned int i;

	ixgbe_stats_read(dev);
	/* GORC/GOTC count from the destination address through the CRC;
	 * the mbufs hold frames without it. */
	stats->ipackets = s[0];
	stats->opackets = s[1];
	stats->ibytes = s[2] - RTE_ETHER_CRC_LEN * s[0];
	stats->obytes = s[3] - RTE_ETHER_CRC_LEN * s[1];
	stats->imissed = s[IXGBE_S_MPC];
	for (i = 0; i < IXGBE_S_NB_ERRORS; i++)
		stats->ierrors += s[IXGBE_S_ERRORS + i];
	for (i = 0; i < IXGBE_NB_QSTATS && i < RTE_ETHDEV_QUEUE_STAT_CNTRS;
		i++) {
		stats->q_ipackets[i] = ad->qprc[i];
		stats->q_opackets[i] = ad->qptc[i];
	}
	return 0;
}

int
ixgbe_stats_reset(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	ixgbe_stats_read(dev);
	memset(ad->stats, 0, sizeof(ad->stats));
	memset(ad->qprc, 0, sizeof(ad->qprc));
	memset(ad->qptc, 0, sizeof(ad->qptc));
	return 0;
}

static int
ixgbe_xstats_get_names(struct rte_eth_dev *dev __rte_unused,
	struct rte_eth_xstat_name *names, unsigned int n)
{
	unsigned int i;

	if (names != NULL && n >= IXGBE_NB_XSTATS)
		for (i = 0; i < IXGBE_NB_XSTATS; i++)
			snprintf(names[i].name, sizeof(names[i].name), "%s",
				ixgbe_counters[IXGBE_XSTATS_FIRST + i].name);
	return IXGBE_NB_XSTATS;
}

static int
ixgbe_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n)
{
	unsigned int i;

	if (xstats == NULL || n < IXGBE_NB_XSTATS)
		return IXGBE_NB_XSTATS;
	ixgbe_stats_read(dev);
	for (i = 0; i < IXGBE_NB_XSTATS; i++) {
		xstats[i].id = i;
		xstats[i].value =
			ixgbe_adapter(dev)->stats[IXGBE_XSTATS_FIRST + i];
	}
	return IXGBE_NB_XSTATS;
}

const struct eth_dev_ops ixgbe_ops = {
	.dev_configure = ixgbe_dev_configure,
	.dev_start = ixgbe_dev_start,
	.dev_stop = ixgbe_dev_stop,
	.dev_close = ixgbe_dev_close,
	.dev_infos_get = ixgbe_dev_infos_get,
	.link_update = ixgbe_link_update,
	.promiscuous_enable = ixgbe_promiscuous_enable,
	.promiscuous_disable = ixgbe_promiscuous_disable,
	.allmulticast_enable = ixgbe_allmulticast_enable,
	.allmulticast_disable = ixgbe_allmulticast_disable,
	.mac_addr_set = ixgbe_mac_addr_set,
	.mac_addr_add = ixgbe_mac_addr_add,
	.mac_addr_remove = ixgbe_mac_addr_remove,
	.mtu_set = ixgbe_mtu_set,
	.stats_get = ixgbe_stats_get,
	.stats_reset = ixgbe_stats_reset,
	.xstats_get = ixgbe_xstats_get,
	.xstats_reset = ixgbe_stats_reset,
	.xstats_get_names = ixgbe_xstats_get_names,
	.rx_queue_setup = ixgbe_rx_queue_setup,
	.rx_queue_release = ixgbe_rx_queue_release,
	.tx_queue_setup = ixgbe_tx_queue_setup,
	.tx_queue_release = ixgbe_tx_queue_release,
	.rx_queue_start = ixgbe_rx_queue_start,
	.rx_queue_stop = ixgbe_rx_queue_stop,
	.tx_queue_start = ixgbe_tx_queue_start,
	.tx_queue_stop = ixgbe_tx_queue_stop,
	.rx_queue_intr_enable = ixgbe_rx_queue_intr_enable,
	.rx_queue_intr_disable = ixgbe_rx_queue_intr_disable,
	.reta_update = ixgbe_reta_update,
	.reta_query = ixgbe_reta_query,
	.rss_hash_update = ixgbe_rss_hash_update,
	.rss_hash_conf_get = ixgbe_rss_hash_conf_get,
};
