/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap counters: the queues' own (written by their lcores, read
 * here), and for interface queues what the kernel missed, so that every
 * frame offered to a port shows up once, as received or as missed.
 * stats_reset moves each queue's base instead of writing a counter that
 * an lcore may be updating.
 */
#include <inttypes.h>
#include <stdio.h>

#include <ethdev_driver.h>

#include "pcap_private.h"

/* Driver xstats per rx queue, then per tx queue. */
#define ETH_PCAP_RXQ_XSTATS 3
#define ETH_PCAP_TXQ_XSTATS 1

uint64_t
eth_pcap_iface_rx_dropped(const char *iface)
{
	char path[128];
	uint64_t value = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/rx_dropped",
		iface);
	f = fopen(path, "r");
	if (f == NULL)
		return 0;
	if (fscanf(f, "%" SCNu64, &value) != 1)
		value = 0;
	fclose(f);
	return value;
}

/*
 * Adds what the kernel missed since the last call. libpcap's counters
 * are 32 bits wide: the difference modulo 2^32 stays right across one
 * wrap between two calls.
 */
static void
eth_pcap_missed_update(struct eth_pcap_rx_queue *rxq)
{
	struct eth_pcap_missed *missed = &rxq->missed;
	struct pcap_stat ps;
	uint64_t rx_dropped;

	if (rxq->kind != ETH_PCAP_QUEUE_IFACE || rxq->pcap == NULL)
		return;
	if (pcap_stats(rxq->pcap, &ps) == 0) {
		missed->total += (uint32_t)(ps.ps_drop - missed->last_drop);
		missed->last_drop = ps.ps_drop;
		if (missed->iface_drops) {
			missed->total += (uint32_t)(ps.ps_ifdrop -
				missed->last_ifdrop);
			missed->last_ifdrop = ps.ps_ifdrop;
		}
	}
	if (!missed->iface_drops)
		return;
	rx_dropped = eth_pcap_iface_rx_dropped(rxq->name);
	/* A counter that went back (the interface was re-created) starts a
	 * new count. */
	if (rx_dropped >= missed->last_rx_dropped)
		missed->total += rx_dropped - missed->last_rx_dropped;
	missed->last_rx_dropped = rx_dropped;
}

/* The queue's counters now, less its base. */
static void
eth_pcap_queue_read(const struct eth_pcap_queue_stats *live,
	const struct eth_pcap_queue_base *base,
	struct eth_pcap_queue_stats *out)
{
	out->packets = eth_pcap_counter_read(&live->packets) -
		base->stats.packets;
	out->bytes = eth_pcap_counter_read(&live->bytes) - base->stats.bytes;
	out->errors = eth_pcap_counter_read(&live->errors) - base->stats.errors;
	out->nombuf = eth_pcap_counter_read(&live->nombuf) - base->stats.nombuf;
	out->lost = eth_pcap_counter_read(&live->lost) - base->stats.lost;
	out->rewinds = eth_pcap_counter_read(&live->rewinds) -
		base->stats.rewinds;
}

/* Frames the rx queue missed since the last reset. */
static uint64_t
eth_pcap_rxq_missed(struct eth_pcap_rx_queue *rxq,
	const struct eth_pcap_queue_stats *s)
{
	eth_pcap_missed_update(rxq);
	return rxq->missed.total - rxq->base.missed + s->lost;
}

int
eth_pcap_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct eth_pcap_internals *priv = dev->data->dev_private;
	struct eth_pcap_queue_stats s;
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		eth_pcap_queue_read(&priv->rxq[q].stats, &priv->rxq[q].base, &s);
		stats->ipackets += s.packets;
		stats->ibytes += s.bytes;
		stats->ierrors += s.errors;
		stats->rx_nombuf += s.nombuf;
		stats->imissed += eth_pcap_rxq_missed(&priv->rxq[q], &s);
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[q] = s.packets;
			stats->q_ibytes[q] = s.bytes;
			stats->q_errors[q] = s.errors;
		}
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		eth_pcap_queue_read(&priv->txq[q].stats, &priv->txq[q].base, &s);
		stats->opackets += s.packets;
		stats->obytes += s.bytes;
		stats->oerrors += s.errors;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_opackets[q] = s.packets;
			stats->q_obytes[q] = s.bytes;
		}
	}
	return 0;
}

/* The base becomes the counters' values now. */
static void
eth_pcap_queue_rebase(const struct eth_pcap_queue_stats *live,
	struct eth_pcap_queue_base *base)
{
	base->stats.packets = eth_pcap_counter_read(&live->packets);
	base->stats.bytes = eth_pcap_counter_read(&live->bytes);
	base->stats.errors = eth_pcap_counter_read(&live->errors);
	base->stats.nombuf = eth_pcap_counter_read(&live->nombuf);
	base->stats.lost = eth_pcap_counter_read(&live->lost);
	base->stats.rewinds = eth_pcap_counter_read(&live->rewinds);
}

int
eth_pcap_stats_reset(struct rte_eth_dev *dev)
{
	struct eth_pcap_internals *priv = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < ETH_PCAP_MAX_QUEUES; q++) {
		eth_pcap_missed_update(&priv->rxq[q]);
		eth_pcap_queue_rebase(&priv->rxq[q].stats, &priv->rxq[q].base);
		priv->rxq[q].base.missed = priv->rxq[q].missed.total;
		eth_pcap_queue_rebase(&priv->txq[q].stats, &priv->txq[q].base);
	}
	return 0;
}

static unsigned int
eth_pcap_xstats_count(const struct rte_eth_dev *dev)
{
	return dev->data->nb_rx_queues * ETH_PCAP_RXQ_XSTATS +
		dev->data->nb_tx_queues * ETH_PCAP_TXQ_XSTATS;
}

int
eth_pcap_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int size)
{
	unsigned int n = eth_pcap_xstats_count(dev), i = 0;
	uint16_t q;

	if (names == NULL || size < n)
		return (int)n;
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		snprintf(names[i++].name, RTE_ETH_XSTATS_NAME_SIZE,
			"rx_q%u_errors", q);
		snprintf(names[i++].name, RTE_ETH_XSTATS_NAME_SIZE,
			"rx_q%u_rewinds", q);
		snprintf(names[i++].name, RTE_ETH_XSTATS_NAME_SIZE,
			"rx_q%u_missed", q);
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		snprintf(names[i++].name, RTE_ETH_XSTATS_NAME_SIZE,
			"tx_q%u_errors", q);
	return (int)n;
}

int
eth_pcap_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n)
{
	struct eth_pcap_internals *priv = dev->data->dev_private;
	unsigned int count = eth_pcap_xstats_count(dev), i = 0;
	struct eth_pcap_queue_stats s;
	uint16_t q;

	if (xstats == NULL || n < count)
		return (int)count;
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		eth_pcap_queue_read(&priv->rxq[q].stats, &priv->rxq[q].base, &s);
		xstats[i].id = i;
		xstats[i++].value = s.errors;
		xstats[i].id = i;
		xstats[i++].value = s.rewinds;
		xstats[i].id = i;
		xstats[i++].value = eth_pcap_rxq_missed(&priv->rxq[q], &s);
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		eth_pcap_queue_read(&priv->txq[q].stats, &priv->txq[q].base, &s);
		xstats[i].id = i;
		xstats[i++].value = s.errors;
	}
	return (int)count;
}
