/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_null data path (see null_internal.h).
 */
#include <string.h>

#include <rte_mbuf.h>

#include "null_internal.h"

static void
eth_null_fill(const struct eth_null_private *priv, struct rte_mbuf *m)
{
	m->data_len = (uint16_t)priv->packet_size;
	m->pkt_len = priv->packet_size;
	m->nb_segs = 1;
	m->next = NULL;
	if (priv->copy)
		memcpy(rte_pktmbuf_mtod(m, void *), priv->template,
			priv->packet_size);
}

uint16_t
eth_null_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct eth_null_queue *q = queue;
	const struct eth_null_private *priv = q->priv;
	uint16_t i;

	if (priv->no_rx || nb_pkts == 0)
		return 0;
	if (rte_pktmbuf_alloc_bulk(q->mb_pool, pkts, nb_pkts) != 0) {
		/* ethdev reports this as rx_nombuf; bursts of each queue
		 * run on one lcore but several queues share the counter. */
		__atomic_fetch_add(&q->dev_data->rx_mbuf_alloc_failed, nb_pkts,
			__ATOMIC_RELAXED);
		q->nombuf_bursts++;
		return 0;
	}
	for (i = 0; i < nb_pkts; i++) {
		eth_null_fill(priv, pkts[i]);
		pkts[i]->port = q->dev_data->port_id;
	}
	q->packets += nb_pkts;
	q->bytes += (uint64_t)nb_pkts * priv->packet_size;
	return nb_pkts;
}

/* copy=1: read every byte, so that Tx costs what a real copy would. */
static uint64_t
eth_null_touch(const struct rte_mbuf *m)
{
	uint64_t sum = 0;
	const uint8_t *data;
	uint32_t i;

	for (; m != NULL; m = m->next) {
		data = rte_pktmbuf_mtod(m, const uint8_t *);
		for (i = 0; i < m->data_len; i++)
			sum += data[i];
	}
	return sum;
}

uint16_t
eth_null_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct eth_null_queue *q = queue;
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < nb_pkts; i++) {
		bytes += pkts[i]->pkt_len;
		if (q->priv->copy)
			q->touched += eth_null_touch(pkts[i]);
		rte_pktmbuf_free(pkts[i]);
	}
	q->packets += nb_pkts;
	q->bytes += bytes;
	return nb_pkts;
}
