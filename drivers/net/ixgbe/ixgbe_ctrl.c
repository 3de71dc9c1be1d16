/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe port settings: unicast/multicast filtering (FCTRL), MAC
 * addresses (RAL/RAH), frame size (MAXFRS), RSS (MRQC, RSSRK, RETA;
 * datasheet 7.1.2.8) and the statistics, whose registers clear on read
 * and are accumulated here in 64-bit software counters.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ixgbe.h"

/* Microsoft's RSS verification key (the RSS specification's example),
 * used until the application gives one. */
static const uint8_t ixgbe_default_rss_key[IXGBE_RSS_KEY_SIZE] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
	0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
	0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
	0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
	0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

/* --- filters, addresses, frame size -------------------------------------- */

int
ixgbe_promiscuous_enable(struct rte_eth_dev *dev)
{
	ixgbe_set_bits(ixgbe_adapter(dev), IXGBE_FCTRL,
		IXGBE_FCTRL_UPE | IXGBE_FCTRL_MPE);
	return 0;
}

int
ixgbe_promiscuous_disable(struct rte_eth_dev *dev)
{
	uint32_t bits = IXGBE_FCTRL_UPE;

	if (!dev->data->all_multicast)
		bits |= IXGBE_FCTRL_MPE;
	ixgbe_clear_bits(ixgbe_adapter(dev), IXGBE_FCTRL, bits);
	return 0;
}

int
ixgbe_allmulticast_enable(struct rte_eth_dev *dev)
{
	ixgbe_set_bits(ixgbe_adapter(dev), IXGBE_FCTRL, IXGBE_FCTRL_MPE);
	return 0;
}

int
ixgbe_allmulticast_disable(struct rte_eth_dev *dev)
{
	if (!dev->data->promiscuous)
		ixgbe_clear_bits(ixgbe_adapter(dev), IXGBE_FCTRL,
			IXGBE_FCTRL_MPE);
	return 0;
}

/* RAL holds bytes 0-3 of the address, RAH bytes 4-5 and Address Valid. */
static void
ixgbe_rar_write(struct ixgbe_adapter *ad, uint32_t index,
	const struct rte_ether_addr *mac)
{
	const uint8_t *b = mac->addr_bytes;

	ixgbe_write(ad, IXGBE_RAL(index), (uint32_t)b[0] |
		(uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
		(uint32_t)b[3] << 24);
	ixgbe_write(ad, IXGBE_RAH(index), (uint32_t)b[4] |
		(uint32_t)b[5] << 8 | IXGBE_RAH_AV);
}

void
ixgbe_mac_program(struct rte_eth_dev *dev)
{
	ixgbe_rar_write(ixgbe_adapter(dev), 0, &dev->data->mac_addrs[0]);
}

int
ixgbe_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac)
{
	ixgbe_rar_write(ixgbe_adapter(dev), 0, mac);
	return 0;
}

int
ixgbe_mac_addr_add(struct rte_eth_dev *dev, struct rte_ether_addr *mac,
	uint32_t index, uint32_t pool)
{
	if (index >= IXGBE_NB_RAR || pool != 0) {
		IXGBE_LOG(ERR, "%s: MAC address slot %u pool %u: the device has "
			"slots 0..%u and no pools (VMDq)", dev->data->name,
			index, pool, IXGBE_NB_RAR - 1);
		return -EINVAL;
	}
	ixgbe_rar_write(ixgbe_adapter(dev), index, mac);
	return 0;
}

void
ixgbe_mac_addr_remove(struct rte_eth_dev *dev, uint32_t index)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	if (index == 0 || index >= IXGBE_NB_RAR)
		return;
	ixgbe_write(ad, IXGBE_RAH(index), 0);
	ixgbe_write(ad, IXGBE_RAL(index), 0);
}

/* MAXFRS.MFS counts from the destination address through the CRC. */
uint32_t
ixgbe_max_frame(uint16_t mtu)
{
	return (uint32_t)mtu + IXGBE_FRAME_OVERHEAD;
}

int
ixgbe_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint32_t frame = ixgbe_max_frame(mtu);

	if (frame > IXGBE_MAX_FRAME) {
		IXGBE_LOG(ERR, "%s: MTU %u makes %u-byte frames; the device "
			"takes at most %u (MTU %u)", dev->data->name, mtu,
			frame, IXGBE_MAX_FRAME,
			IXGBE_MAX_FRAME - IXGBE_FRAME_OVERHEAD);
		return -EINVAL;
	}
	ixgbe_write(ad, IXGBE_MAXFRS, frame << IXGBE_MAXFRS_MFS_SHIFT);
	if (frame > RTE_ETHER_MAX_LEN)
		ixgbe_set_bits(ad, IXGBE_HLREG0, IXGBE_HLREG0_JUMBOEN);
	else
		ixgbe_clear_bits(ad, IXGBE_HLREG0, IXGBE_HLREG0_JUMBOEN);
	return 0;
}

/* --- RSS ----------------------------------------------------------------- */

static uint32_t
ixgbe_rss_fields(uint64_t rss_hf)
{
	uint32_t mrqc = 0;

	if (rss_hf & RTE_ETH_RSS_IPV4)
		mrqc |= IXGBE_MRQC_IPV4;
	if (rss_hf & RTE_ETH_RSS_NONFRAG_IPV4_TCP)
		mrqc |= IXGBE_MRQC_IPV4_TCP;
	if (rss_hf & RTE_ETH_RSS_NONFRAG_IPV4_UDP)
		mrqc |= IXGBE_MRQC_IPV4_UDP;
	if (rss_hf & RTE_ETH_RSS_IPV6)
		mrqc |= IXGBE_MRQC_IPV6;
	if (rss_hf & RTE_ETH_RSS_NONFRAG_IPV6_TCP)
		mrqc |= IXGBE_MRQC_IPV6_TCP;
	if (rss_hf & RTE_ETH_RSS_NONFRAG_IPV6_UDP)
		mrqc |= IXGBE_MRQC_IPV6_UDP;
	return mrqc;
}

static void
ixgbe_rss_write_key(struct ixgbe_adapter *ad)
{
	const uint8_t *k = ad->rss_key;
	unsigned int i;

	/* Key byte 4i in bits 7:0 of RSSRK(i). */
	for (i = 0; i < IXGBE_RSS_KEY_SIZE / 4; i++)
		ixgbe_write(ad, IXGBE_RSSRK(i), (uint32_t)k[4 * i] |
			(uint32_t)k[4 * i + 1] << 8 |
			(uint32_t)k[4 * i + 2] << 16 |
			(uint32_t)k[4 * i + 3] << 24);
}

static void
ixgbe_rss_write_reta(struct ixgbe_adapter *ad)
{
	const uint8_t *r = ad->reta;
	unsigned int i;

	/* Entry 4i in bits 7:0 of RETA(i). */
	for (i = 0; i < IXGBE_RETA_SIZE / 4; i++)
		ixgbe_write(ad, IXGBE_RETA(i), (uint32_t)r[4 * i] |
			(uint32_t)r[4 * i + 1] << 8 |
			(uint32_t)r[4 * i + 2] << 16 |
			(uint32_t)r[4 * i + 3] << 24);
}

static void
ixgbe_rss_write_mrqc(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint32_t fields = ixgbe_rss_fields(ad->rss_hf);
	bool rss = (dev->data->dev_conf.rxmode.mq_mode &
		RTE_ETH_MQ_RX_RSS_FLAG) != 0 && fields != 0;

	ixgbe_write(ad, IXGBE_MRQC, rss ? IXGBE_MRQC_RSSEN | fields : 0);
	/* The descriptor carries the hash only with PCSD (no checksum). */
	if (rss)
		ixgbe_set_bits(ad, IXGBE_RXCSUM, IXGBE_RXCSUM_PCSD);
	else
		ixgbe_clear_bits(ad, IXGBE_RXCSUM, IXGBE_RXCSUM_PCSD);
}

/* At start: key, table (default: queues in turn) and hash types. */
void
ixgbe_rss_program(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	unsigned int i, nb_queues = RTE_MAX(1, RTE_MIN(dev->data->nb_rx_queues,
		IXGBE_RSS_MAX_QUEUES));

	if (!ad->reta_set)
		for (i = 0; i < IXGBE_RETA_SIZE; i++)
			ad->reta[i] = (uint8_t)(i % nb_queues);
	ixgbe_rss_write_key(ad);
	ixgbe_rss_write_reta(ad);
	ixgbe_rss_write_mrqc(dev);
}

/* The RSS part of a configure: key (40 bytes) and hash types. */
int
ixgbe_rss_configure(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	const struct rte_eth_rss_conf *conf =
		&dev->data->dev_conf.rx_adv_conf.rss_conf;

	if (conf->rss_key != NULL && conf->rss_key_len != IXGBE_RSS_KEY_SIZE) {
		IXGBE_LOG(ERR, "%s: RSS key of %u bytes; the device takes %u",
			dev->data->name, conf->rss_key_len, IXGBE_RSS_KEY_SIZE);
		return -EINVAL;
	}
	memcpy(ad->rss_key, conf->rss_key != NULL ? conf->rss_key :
		ixgbe_default_rss_key, IXGBE_RSS_KEY_SIZE);
	ad->rss_hf = conf->rss_hf;
	ad->reta_set = false;
	return 0;
}

int
ixgbe_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *conf)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	if (conf->rss_key != NULL && conf->rss_key_len != IXGBE_RSS_KEY_SIZE) {
		IXGBE_LOG(ERR, "%s: RSS key of %u bytes; the device takes %u",
			dev->data->name, conf->rss_key_len, IXGBE_RSS_KEY_SIZE);
		return -EINVAL;
	}
	if (conf->rss_key != NULL) {
		memcpy(ad->rss_key, conf->rss_key, IXGBE_RSS_KEY_SIZE);
		ixgbe_rss_write_key(ad);
	}
	ad->rss_hf = conf->rss_hf;
	ixgbe_rss_write_mrqc(dev);
	return 0;
}

int
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
	IXGBE_LOG(ERR, "%s: RETA of %u entries; the device's has %u",
		dev->data->name, size, IXGBE_RETA_SIZE);
	return -EINVAL;
}

int
ixgbe_reta_update(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *reta, uint16_t size)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	unsigned int i, group, bit;

	if (ixgbe_reta_check_size(dev, size) < 0)
		return -EINVAL;
	for (i = 0; i < IXGBE_RETA_SIZE; i++) {
		group = i / RTE_ETH_RETA_GROUP_SIZE;
		bit = i % RTE_ETH_RETA_GROUP_SIZE;
		if ((reta[group].mask & RTE_BIT64(bit)) != 0 &&
				reta[group].reta[bit] >= IXGBE_RSS_MAX_QUEUES) {
			IXGBE_LOG(ERR, "%s: RETA entry %u names queue %u; RSS "
				"spreads over queues 0..%u only",
				dev->data->name, i, reta[group].reta[bit],
				IXGBE_RSS_MAX_QUEUES - 1);
			return -EINVAL;
		}
	}
	for (i = 0; i < IXGBE_RETA_SIZE; i++) {
		group = i / RTE_ETH_RETA_GROUP_SIZE;
		bit = i % RTE_ETH_RETA_GROUP_SIZE;
		if ((reta[group].mask & RTE_BIT64(bit)) != 0)
			ad->reta[i] = (uint8_t)reta[group].reta[bit];
	}
	ad->reta_set = true;
	ixgbe_rss_write_reta(ad);
	return 0;
}

int
ixgbe_reta_query(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *reta, uint16_t size)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	unsigned int i, group, bit;

	if (ixgbe_reta_check_size(dev, size) < 0)
		return -EINVAL;
	for (i = 0; i < IXGBE_RETA_SIZE; i++) {
		group = i / RTE_ETH_RETA_GROUP_SIZE;
		bit = i % RTE_ETH_RETA_GROUP_SIZE;
		if ((reta[group].mask & RTE_BIT64(bit)) != 0)
			reta[group].reta[bit] = ad->reta[i];
	}
	return 0;
}

/* --- statistics ---------------------------------------------------------- */

/* The 36-bit octet counters: low then high register. */
static uint64_t
ixgbe_read_octets(const struct ixgbe_adapter *ad, uint32_t low, uint32_t high)
{
	uint64_t value = ixgbe_read(ad, low);

	return value | (uint64_t)(ixgbe_read(ad, high) & 0xF) << 32;
}

/* Adds what every clear-on-read counter holds to the software totals. */
void
ixgbe_stats_read(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_hw_stats *s = &ad->stats;
	unsigned int i;

	s->crcerrs += ixgbe_read(ad, IXGBE_CRCERRS);
	s->illerrc += ixgbe_read(ad, IXGBE_ILLERRC);
	s->errbc += ixgbe_read(ad, IXGBE_ERRBC);
	s->rlec += ixgbe_read(ad, IXGBE_RLEC);
	for (i = 0; i < 8; i++)
		s->mpc += ixgbe_read(ad, IXGBE_MPC(i));
	s->ruc += ixgbe_read(ad, IXGBE_RUC);
	s->rfc += ixgbe_read(ad, IXGBE_RFC);
	s->roc += ixgbe_read(ad, IXGBE_ROC);
	s->rjc += ixgbe_read(ad, IXGBE_RJC);
	s->gprc += ixgbe_read(ad, IXGBE_GPRC);
	s->gptc += ixgbe_read(ad, IXGBE_GPTC);
	s->gorc += ixgbe_read_octets(ad, IXGBE_GORCL, IXGBE_GORCH);
	s->gotc += ixgbe_read_octets(ad, IXGBE_GOTCL, IXGBE_GOTCH);
	s->bprc += ixgbe_read(ad, IXGBE_BPRC);
	s->mprc += ixgbe_read(ad, IXGBE_MPRC);
	s->bptc += ixgbe_read(ad, IXGBE_BPTC);
	s->mptc += ixgbe_read(ad, IXGBE_MPTC);
	s->tpr += ixgbe_read(ad, IXGBE_TPR);
	s->tpt += ixgbe_read(ad, IXGBE_TPT);
	for (i = 0; i < 6; i++) {
		s->prc[i] += ixgbe_read(ad, IXGBE_PRC64 + 4 * i);
		s->ptc[i] += ixgbe_read(ad, IXGBE_PTC64 + 4 * i);
	}
	for (i = 0; i < IXGBE_NB_QSTATS; i++) {
		s->qprc[i] += ixgbe_read(ad, IXGBE_QPRC(i));
		s->qptc[i] += ixgbe_read(ad, IXGBE_QPTC(i));
	}
}

int
ixgbe_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	const struct ixgbe_hw_stats *s = &ad->stats;
	const struct ixgbe_rx_queue *rxq;
	unsigned int i;

	ixgbe_stats_read(dev);
	/* GORC/GOTC count from the destination address through the CRC;
	 * the mbufs hold frames without it. */
	stats->ipackets = s->gprc;
	stats->opackets = s->gptc;
	stats->ibytes = s->gorc - RTE_ETHER_CRC_LEN * s->gprc;
	stats->obytes = s->gotc - RTE_ETHER_CRC_LEN * s->gptc;
	stats->imissed = s->mpc;
	stats->ierrors = s->crcerrs + s->rlec + s->ruc + s->roc + s->rfc +
		s->rjc + s->illerrc;
	for (i = 0; i < IXGBE_NB_QSTATS && i < RTE_ETHDEV_QUEUE_STAT_CNTRS; i++) {
		stats->q_ipackets[i] = s->qprc[i];
		stats->q_opackets[i] = s->qptc[i];
	}
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		rxq = dev->data->rx_queues[i];
		if (rxq != NULL)
			stats->rx_nombuf += rxq->nombuf;
	}
	return 0;
}

int
ixgbe_stats_reset(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_rx_queue *rxq;
	unsigned int i;

	ixgbe_stats_read(dev);
	memset(&ad->stats, 0, sizeof(ad->stats));
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		rxq = dev->data->rx_queues[i];
		if (rxq != NULL) {
			rxq->nombuf = 0;
			rxq->errors = 0;
		}
	}
	return 0;
}

#define IXGBE_XSTAT(name, field) \
	{ name, offsetof(struct ixgbe_hw_stats, field) }

static const struct {
	const char *name;
	size_t offset;
} ixgbe_xstats[] = {
	IXGBE_XSTAT("rx_crc_errors", crcerrs),
	IXGBE_XSTAT("rx_illegal_byte_errors", illerrc),
	IXGBE_XSTAT("rx_error_bytes", errbc),
	IXGBE_XSTAT("rx_length_errors", rlec),
	IXGBE_XSTAT("rx_undersize_errors", ruc),
	IXGBE_XSTAT("rx_fragment_errors", rfc),
	IXGBE_XSTAT("rx_oversize_errors", roc),
	IXGBE_XSTAT("rx_jabber_errors", rjc),
	IXGBE_XSTAT("rx_broadcast_packets", bprc),
	IXGBE_XSTAT("rx_multicast_packets", mprc),
	IXGBE_XSTAT("tx_broadcast_packets", bptc),
	IXGBE_XSTAT("tx_multicast_packets", mptc),
	IXGBE_XSTAT("rx_total_packets", tpr),
	IXGBE_XSTAT("tx_total_packets", tpt),
	IXGBE_XSTAT("rx_size_64_packets", prc[0]),
	IXGBE_XSTAT("rx_size_65_to_127_packets", prc[1]),
	IXGBE_XSTAT("rx_size_128_to_255_packets", prc[2]),
	IXGBE_XSTAT("rx_size_256_to_511_packets", prc[3]),
	IXGBE_XSTAT("rx_size_512_to_1023_packets", prc[4]),
	IXGBE_XSTAT("rx_size_1024_to_max_packets", prc[5]),
	IXGBE_XSTAT("tx_size_64_packets", ptc[0]),
	IXGBE_XSTAT("tx_size_65_to_127_packets", ptc[1]),
	IXGBE_XSTAT("tx_size_128_to_255_packets", ptc[2]),
	IXGBE_XSTAT("tx_size_256_to_511_packets", ptc[3]),
	IXGBE_XSTAT("tx_size_512_to_1023_packets", ptc[4]),
	IXGBE_XSTAT("tx_size_1024_to_max_packets", ptc[5]),
};

#define IXGBE_NB_XSTATS RTE_DIM(ixgbe_xstats)

int
ixgbe_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int n)
{
	unsigned int i;

	RTE_SET_USED(dev);
	if (names == NULL || n < IXGBE_NB_XSTATS)
		return IXGBE_NB_XSTATS;
	for (i = 0; i < IXGBE_NB_XSTATS; i++)
		snprintf(names[i].name, sizeof(names[i].name), "%s",
			ixgbe_xstats[i].name);
	return IXGBE_NB_XSTATS;
}

int
ixgbe_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n)
{
	const uint8_t *base;
	unsigned int i;

	if (xstats == NULL || n < IXGBE_NB_XSTATS)
		return IXGBE_NB_XSTATS;
	ixgbe_stats_read(dev);
	base = (const uint8_t *)&ixgbe_adapter(dev)->stats;
	for (i = 0; i < IXGBE_NB_XSTATS; i++) {
		xstats[i].id = i;
		memcpy(&xstats[i].value, base + ixgbe_xstats[i].offset,
			sizeof(uint64_t));
	}
	return IXGBE_NB_XSTATS;
}
