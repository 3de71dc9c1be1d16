/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Basic and extended statistics.
 *
 * Extended statistic ids: 0 .. B-1 are the generic ones ethdev derives
 * from struct rte_eth_stats (the port counters, then, for drivers that
 * set RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS, two per Rx and two per Tx queue
 * for the first RTE_ETHDEV_QUEUE_STAT_CNTRS queues); B .. B+D-1 are the
 * driver's own, whose ids the driver numbers from 0.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "ethdev_private.h"

/* A generic statistic: its name and where it is in rte_eth_stats. */
struct eth_xstat_def {
	const char *name;
	size_t offset;
};

static const struct eth_xstat_def eth_port_xstats[] = {
	{ "rx_good_packets", offsetof(struct rte_eth_stats, ipackets) },
	{ "tx_good_packets", offsetof(struct rte_eth_stats, opackets) },
	{ "rx_good_bytes", offsetof(struct rte_eth_stats, ibytes) },
	{ "tx_good_bytes", offsetof(struct rte_eth_stats, obytes) },
	{ "rx_missed_errors", offsetof(struct rte_eth_stats, imissed) },
	{ "rx_errors", offsetof(struct rte_eth_stats, ierrors) },
	{ "tx_errors", offsetof(struct rte_eth_stats, oerrors) },
	{ "rx_mbuf_allocation_errors",
		offsetof(struct rte_eth_stats, rx_nombuf) },
};

/* Per-queue statistics: array offsets, indexed by queue. */
static const struct eth_xstat_def eth_rxq_xstats[] = {
	{ "packets", offsetof(struct rte_eth_stats, q_ipackets) },
	{ "bytes", offsetof(struct rte_eth_stats, q_ibytes) },
};

static const struct eth_xstat_def eth_txq_xstats[] = {
	{ "packets", offsetof(struct rte_eth_stats, q_opackets) },
	{ "bytes", offsetof(struct rte_eth_stats, q_obytes) },
};

int
rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(stats, port_id);
	memset(stats, 0, sizeof(*stats));
	ETHDEV_OP_OR_RET(dev, stats_get);
	stats->rx_nombuf = dev->data->rx_mbuf_alloc_failed;
	ret = dev->dev_ops->stats_get(dev, stats);
	if (ret != 0)
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to read its "
			"statistics (%d)\n",
			port_id, ret);
	return eth_err(port_id, ret);
}

int
rte_eth_stats_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, stats_reset);
	ret = dev->dev_ops->stats_reset(dev);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to reset its "
			"statistics (%d)\n",
			port_id, ret);
		return eth_err(port_id, ret);
	}
	dev->data->rx_mbuf_alloc_failed = 0;
	return 0;
}

/* Queues that get per-queue generic statistics. */
static void
eth_xstats_queue_counts(const struct rte_eth_dev *dev, unsigned int *nb_rxq,
	unsigned int *nb_txq)
{
	*nb_rxq = 0;
	*nb_txq = 0;
	if ((dev->data->dev_flags & RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS) == 0)
		return;
	*nb_rxq = RTE_MIN(dev->data->nb_rx_queues, RTE_ETHDEV_QUEUE_STAT_CNTRS);
	*nb_txq = RTE_MIN(dev->data->nb_tx_queues, RTE_ETHDEV_QUEUE_STAT_CNTRS);
}

/* Number of generic statistics of the port. */
static unsigned int
eth_xstats_basic_count(const struct rte_eth_dev *dev)
{
	unsigned int nb_rxq, nb_txq;

	eth_xstats_queue_counts(dev, &nb_rxq, &nb_txq);
	return RTE_DIM(eth_port_xstats) + nb_rxq * RTE_DIM(eth_rxq_xstats) +
		nb_txq * RTE_DIM(eth_txq_xstats);
}

/* Number of the driver's own statistics, or a negative errno. */
static int
eth_xstats_driver_count(struct rte_eth_dev *dev)
{
	int count;

	if (dev->dev_ops->xstats_get_names == NULL)
		return 0;
	count = dev->dev_ops->xstats_get_names(dev, NULL, 0);
	if (count < 0)
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver cannot count its xstats "
			"(%d)\n",
			dev->data->port_id, count);
	return count < 0 ? eth_err(dev->data->port_id, count) : count;
}

/* Writes the generic names; returns how many. */
static unsigned int
eth_xstats_basic_names(const struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names)
{
	unsigned int i, q, nb_rxq, nb_txq, n = 0;

	eth_xstats_queue_counts(dev, &nb_rxq, &nb_txq);
	for (i = 0; i < RTE_DIM(eth_port_xstats); i++)
		snprintf(names[n++].name, RTE_ETH_XSTATS_NAME_SIZE, "%s",
			eth_port_xstats[i].name);
	for (q = 0; q < nb_rxq; q++)
		for (i = 0; i < RTE_DIM(eth_rxq_xstats); i++)
			snprintf(names[n++].name, RTE_ETH_XSTATS_NAME_SIZE,
				"rx_q%u_%s", q, eth_rxq_xstats[i].name);
	for (q = 0; q < nb_txq; q++)
		for (i = 0; i < RTE_DIM(eth_txq_xstats); i++)
			snprintf(names[n++].name, RTE_ETH_XSTATS_NAME_SIZE,
				"tx_q%u_%s", q, eth_txq_xstats[i].name);
	return n;
}

/* Writes the generic values (ids from 0); returns how many, or -errno. */
static int
eth_xstats_basic_values(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats)
{
	unsigned int i, q, nb_rxq, nb_txq, n = 0;
	struct rte_eth_stats stats;
	const char *base = (const char *)&stats;
	int ret;

	ret = rte_eth_stats_get(dev->data->port_id, &stats);
	if (ret != 0)
		return ret;
	eth_xstats_queue_counts(dev, &nb_rxq, &nb_txq);
	for (i = 0; i < RTE_DIM(eth_port_xstats); i++, n++)
		memcpy(&xstats[n].value, base + eth_port_xstats[i].offset,
			sizeof(uint64_t));
	for (q = 0; q < nb_rxq; q++)
		for (i = 0; i < RTE_DIM(eth_rxq_xstats); i++, n++)
			memcpy(&xstats[n].value,
				base + eth_rxq_xstats[i].offset +
					q * sizeof(uint64_t),
				sizeof(uint64_t));
	for (q = 0; q < nb_txq; q++)
		for (i = 0; i < RTE_DIM(eth_txq_xstats); i++, n++)
			memcpy(&xstats[n].value,
				base + eth_txq_xstats[i].offset +
					q * sizeof(uint64_t),
				sizeof(uint64_t));
	for (i = 0; i < n; i++)
		xstats[i].id = i;
	return (int)n;
}

int
rte_eth_xstats_get_names(uint16_t port_id,
	struct rte_eth_xstat_name *xstats_names, unsigned int size)
{
	struct rte_eth_dev *dev;
	unsigned int basic;
	int nb_driver, written;

	ETHDEV_PORT_OR_RET(dev, port_id);
	nb_driver = eth_xstats_driver_count(dev);
	if (nb_driver < 0)
		return nb_driver;
	basic = eth_xstats_basic_count(dev);
	if (xstats_names == NULL || size < basic + (unsigned int)nb_driver)
		return (int)basic + nb_driver;
	eth_xstats_basic_names(dev, xstats_names);
	if (nb_driver == 0)
		return (int)basic;
	written = dev->dev_ops->xstats_get_names(dev, xstats_names + basic,
		size - basic);
	if (written < 0)
		return eth_err(port_id, written);
	return (int)basic + written;
}

int
rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats,
	unsigned int n)
{
	struct rte_eth_dev *dev;
	unsigned int basic, i;
	int nb_driver = 0, ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	basic = eth_xstats_basic_count(dev);
	if (dev->dev_ops->xstats_get != NULL) {
		/* The driver writes its part after the generic one, or only
		 * counts when there is no room. */
		nb_driver = dev->dev_ops->xstats_get(dev,
			xstats != NULL && n > basic ? xstats + basic : NULL,
			xstats != NULL && n > basic ? n - basic : 0);
		if (nb_driver < 0) {
			RTE_ETHDEV_LOG(ERR,
				"port %u: driver failed to read its "
				"xstats (%d)\n",
				port_id, nb_driver);
			return eth_err(port_id, nb_driver);
		}
	}
	if (xstats == NULL || n < basic + (unsigned int)nb_driver)
		return (int)basic + nb_driver;
	ret = eth_xstats_basic_values(dev, xstats);
	if (ret < 0)
		return ret;
	for (i = basic; i < basic + (unsigned int)nb_driver; i++)
		xstats[i].id += basic;
	return (int)basic + nb_driver;
}

int
rte_eth_xstats_get_names_by_id(uint16_t port_id,
	struct rte_eth_xstat_name *xstats_names, unsigned int size,
	uint64_t *ids)
{
	struct rte_eth_xstat_name *all;
	struct rte_eth_dev *dev;
	unsigned int i;
	int count;

	ETHDEV_PORT_OR_RET(dev, port_id);
	RTE_SET_USED(dev);
	if (ids == NULL)
		return rte_eth_xstats_get_names(port_id, xstats_names, size);
	if (xstats_names == NULL && size > 0)
		ETHDEV_ERR_RET(EINVAL, "port %u: NULL xstats names with ids\n",
			port_id);
	count = rte_eth_xstats_get_names(port_id, NULL, 0);
	if (count < 0)
		return count;
	all = calloc((size_t)count + 1, sizeof(*all));
	if (all == NULL)
		ETHDEV_ERR_RET(ENOMEM, "port %u: no memory for xstats names\n",
			port_id);
	if (rte_eth_xstats_get_names(port_id, all, (unsigned int)count) !=
		count) {
		free(all);
		ETHDEV_ERR_RET(EINVAL, "port %u: xstats count changed\n",
			port_id);
	}
	for (i = 0; i < size; i++) {
		if (ids[i] >= (uint64_t)count) {
			free(all);
			ETHDEV_ERR_RET(EINVAL,
				"port %u: no xstat with id %" PRIu64 "\n",
				port_id, ids[i]);
		}
		xstats_names[i] = all[ids[i]];
	}
	free(all);
	return (int)size;
}

int
rte_eth_xstats_get_by_id(uint16_t port_id, const uint64_t *ids,
	uint64_t *values, unsigned int size)
{
	struct rte_eth_xstat *all;
	struct rte_eth_dev *dev;
	unsigned int i;
	int count, ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	RTE_SET_USED(dev);
	if (ids != NULL && values == NULL && size > 0)
		ETHDEV_ERR_RET(EINVAL, "port %u: NULL values with ids\n",
			port_id);
	count = rte_eth_xstats_get(port_id, NULL, 0);
	if (count < 0)
		return count;
	if (ids == NULL && (values == NULL || size < (unsigned int)count))
		return count;
	all = calloc((size_t)count + 1, sizeof(*all));
	if (all == NULL)
		ETHDEV_ERR_RET(ENOMEM, "port %u: no memory for xstats\n",
			port_id);
	ret = rte_eth_xstats_get(port_id, all, (unsigned int)count);
	if (ret != count) {
		free(all);
		return ret < 0 ? ret : -EINVAL;
	}
	for (i = 0; i < (ids == NULL ? (unsigned int)count : size); i++) {
		if (ids != NULL && ids[i] >= (uint64_t)count) {
			free(all);
			ETHDEV_ERR_RET(EINVAL,
				"port %u: no xstat with id %" PRIu64 "\n",
				port_id, ids[i]);
		}
		values[i] = all[ids == NULL ? i : ids[i]].value;
	}
	free(all);
	return ids == NULL ? count : (int)size;
}

int
rte_eth_xstats_get_id_by_name(uint16_t port_id, const char *xstat_name,
	uint64_t *id)
{
	struct rte_eth_xstat_name *names;
	struct rte_eth_dev *dev;
	int count, i;

	ETHDEV_PORT_OR_RET(dev, port_id);
	RTE_SET_USED(dev);
	if (xstat_name == NULL || id == NULL)
		ETHDEV_ERR_RET(EINVAL, "port %u: NULL xstat name or id\n",
			port_id);
	count = rte_eth_xstats_get_names(port_id, NULL, 0);
	if (count < 0)
		return count;
	names = calloc((size_t)count + 1, sizeof(*names));
	if (names == NULL)
		ETHDEV_ERR_RET(ENOMEM, "port %u: no memory for xstats names\n",
			port_id);
	if (rte_eth_xstats_get_names(port_id, names, (unsigned int)count) !=
		count)
		count = 0;
	for (i = 0; i < count; i++) {
		if (strcmp(names[i].name, xstat_name) == 0) {
			*id = (uint64_t)i;
			free(names);
			return 0;
		}
	}
	free(names);
	ETHDEV_ERR_RET(EINVAL, "port %u: no xstat called \"%s\"\n", port_id,
		xstat_name);
}

int
rte_eth_xstats_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	if (dev->dev_ops->xstats_reset != NULL) {
		ret = dev->dev_ops->xstats_reset(dev);
		if (ret != -ENOTSUP) {
			if (ret == 0)
				dev->data->rx_mbuf_alloc_failed = 0;
			return eth_err(port_id, ret);
		}
	}
	return rte_eth_stats_reset(port_id);
}
