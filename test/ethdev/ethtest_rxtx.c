/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ethtest data path: Tx queue N loops back to Rx queue N through an
 * rte_ring (see ethtest_pmd.h). The test that uses a queue polls it from
 * one thread, so the rings are single-producer, single-consumer.
 */
#include <stdio.h>
#include <unistd.h>

#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_ring.h>

#include "ethtest_internal.h"

/* Wakes a sleeping poller of an armed Rx queue (its eventfd). */
static void
ethtest_rx_wakeup(struct ethtest_rxq *rxq)
{
	int fd = rxq->priv->rx_efds[rxq->queue_id];
	uint64_t one = 1;

	if (!rxq->intr_armed || fd < 0)
		return;
	if (write(fd, &one, sizeof(one)) == sizeof(one))
		rxq->priv->intr_wakeups++;
}

uint16_t
ethtest_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct ethtest_txq *txq = queue;
	struct rte_eth_dev_data *data = txq->data;
	struct ethtest_rxq *rxq = NULL;
	uint16_t sent, i;

	if (txq->queue_id < data->nb_rx_queues)
		rxq = data->rx_queues[txq->queue_id];
	if (rxq == NULL || !data->dev_link.link_status ||
		data->tx_queue_state[txq->queue_id] !=
			RTE_ETH_QUEUE_STATE_STARTED ||
		data->rx_queue_state[rxq->queue_id] !=
			RTE_ETH_QUEUE_STATE_STARTED) {
		txq->priv->loop_drops += n;
		return 0;
	}
	sent = (uint16_t)rte_ring_enqueue_burst(rxq->loop, (void **)pkts, n,
		NULL);
	for (i = 0; i < sent; i++)
		txq->bytes += pkts[i]->pkt_len;
	txq->packets += sent;
	txq->priv->loop_drops += n - sent;
	if (sent > 0)
		ethtest_rx_wakeup(rxq);
	return sent;
}

uint16_t
ethtest_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct ethtest_rxq *rxq = queue;
	uint16_t got, i;

	if (rxq->data->rx_queue_state[rxq->queue_id] !=
		RTE_ETH_QUEUE_STATE_STARTED)
		return 0;
	got = (uint16_t)rte_ring_dequeue_burst(rxq->loop, (void **)pkts, n,
		NULL);
	for (i = 0; i < got; i++) {
		pkts[i]->port = rxq->data->port_id;
		pkts[i]->packet_type = (rxq->priv->ptype_mask &
					       RTE_PTYPE_L2_MASK) ?
			RTE_PTYPE_L2_ETHER :
			RTE_PTYPE_UNKNOWN;
		rxq->bytes += pkts[i]->pkt_len;
	}
	rxq->packets += got;
	return got;
}

/* Refuses packets shorter than an Ethernet header. */
uint16_t
ethtest_tx_prepare(void *queue __rte_unused, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++) {
		if (pkts[i]->pkt_len < RTE_ETHER_HDR_LEN) {
			rte_errno = EINVAL;
			break;
		}
	}
	return i;
}

uint32_t
ethtest_rx_queue_count(void *queue)
{
	struct ethtest_rxq *rxq = queue;

	return rte_ring_count(rxq->loop);
}

int
ethtest_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *conf, struct rte_mempool *mp)
{
	struct ethtest_private *priv = dev->data->dev_private;
	struct ethtest_rxq *rxq;
	char name[RTE_RING_NAMESIZE];

	if (ethtest_should_fail(priv, ETHTEST_OP_RXQ_SETUP))
		return priv->fail_err;
	rxq = rte_zmalloc_socket("ethtest_rxq", sizeof(*rxq), 0, (int)socket_id);
	if (rxq == NULL)
		return -ENOMEM;
	snprintf(name, sizeof(name), "ethtest_p%u_q%u", dev->data->port_id,
		queue_id);
	rxq->loop = rte_ring_create(name, nb_desc, (int)socket_id,
		RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ);
	if (rxq->loop == NULL) {
		rte_free(rxq);
		return -rte_errno;
	}
	rxq->data = dev->data;
	rxq->priv = priv;
	rxq->queue_id = queue_id;
	rxq->nb_desc = nb_desc;
	rxq->mp = mp;
	rxq->conf = *conf;
	dev->data->rx_queues[queue_id] = rxq;
	return 0;
}

int
ethtest_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_txconf *conf)
{
	struct ethtest_private *priv = dev->data->dev_private;
	struct ethtest_txq *txq;

	if (ethtest_should_fail(priv, ETHTEST_OP_TXQ_SETUP))
		return priv->fail_err;
	txq = rte_zmalloc_socket("ethtest_txq", sizeof(*txq), 0, (int)socket_id);
	if (txq == NULL)
		return -ENOMEM;
	txq->data = dev->data;
	txq->priv = priv;
	txq->queue_id = queue_id;
	txq->nb_desc = nb_desc;
	txq->conf = *conf;
	dev->data->tx_queues[queue_id] = txq;
	return 0;
}

void
ethtest_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct ethtest_rxq *rxq = dev->data->rx_queues[queue_id];
	void *m;

	if (rxq == NULL)
		return;
	/* Packets sent and never received go back to their pools. */
	while (rte_ring_dequeue(rxq->loop, &m) == 0)
		rte_pktmbuf_free(m);
	rte_ring_free(rxq->loop);
	rte_free(rxq);
	dev->data->rx_queues[queue_id] = NULL;
}

void
ethtest_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	rte_free(dev->data->tx_queues[queue_id]);
	dev->data->tx_queues[queue_id] = NULL;
}

void
ethtest_rxq_info_get(struct rte_eth_dev *dev, uint16_t queue_id,
	struct rte_eth_rxq_info *qinfo)
{
	struct ethtest_rxq *rxq = dev->data->rx_queues[queue_id];

	qinfo->mp = rxq->mp;
	qinfo->conf = rxq->conf;
	qinfo->nb_desc = rxq->nb_desc;
	qinfo->rx_buf_size = rte_pktmbuf_data_room_size(rxq->mp) -
		RTE_PKTMBUF_HEADROOM;
}

void
ethtest_txq_info_get(struct rte_eth_dev *dev, uint16_t queue_id,
	struct rte_eth_txq_info *qinfo)
{
	struct ethtest_txq *txq = dev->data->tx_queues[queue_id];

	qinfo->conf = txq->conf;
	qinfo->nb_desc = txq->nb_desc;
}
