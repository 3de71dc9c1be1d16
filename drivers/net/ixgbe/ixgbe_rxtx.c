/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe data path: queue set-up, start and stop, and the burst
 * functions over advanced descriptors (datasheet 7.1.6, 7.2.3.2.4).
 *
 * Rx ring ownership (one queue, n descriptors):
 *
 *      next                 RDT
 *       |                    |
 *   ... [ device may write  ][r][ taken, not refilled (nb_hold) ] ...
 *
 * Every slot but the held ones has an mbuf. The device fills [RDH, RDT)
 * and never the slot at RDT (RDT == RDH means "no buffer"), so the
 * driver's scan stops at RDT on a descriptor whose DD was cleared when
 * it was last armed. Held slots are refilled in one bulk allocation
 * once there are rx_free_thresh of them (up to the end of the ring; the
 * rest at the next burst), and RDT is written once.
 *
 * Tx: one descriptor per segment; RS goes on the EOP descriptor of the
 * packet that completes tx_rs_thresh descriptors (or when the ring is
 * nearly full), and its index goes into rs_fifo. Reclaiming frees
 * everything up to the oldest RS descriptor the device has written DD
 * back to: batches of at least tx_rs_thresh descriptors, each packet
 * freed whole from its EOP slot. At most n - 1 descriptors are in
 * flight (TDT == TDH means empty).
 */
#include <string.h>

#include <rte_byteorder.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#include "ixgbe.h"

#define IXGBE_QUEUE_WAIT_MS 10

static inline uint16_t
ring_next(uint16_t index, uint16_t nb_desc)
{
	return index + 1 == nb_desc ? 0 : index + 1;
}

/* Sets or clears RXDCTL/TXDCTL.ENABLE (bit 25 in both) and waits until
 * the device reads the same (4.6.7, 4.6.8: the tail is not bumped
 * before; 4.6.7.1: no buffer released before it reads 0). */
static int
ixgbe_queue_switch(struct rte_eth_dev *dev, uint32_t reg, bool on,
	const char *dir, uint16_t queue_id)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	ixgbe_set_bits(ad, reg, IXGBE_XDCTL_ENABLE, on);
	if (ixgbe_wait_reg(ad, reg, IXGBE_XDCTL_ENABLE,
		    on ? IXGBE_XDCTL_ENABLE : 0, IXGBE_QUEUE_WAIT_MS) == 0)
		return 0;
	return IXGBE_ERR(dev, -EIO, "%s queue %u: ENABLE still %u after %u ms",
		dir, queue_id, !on, IXGBE_QUEUE_WAIT_MS);
}

/* --- Rx ------------------------------------------------------------------ */

/* ethdev checked the ring size against dev_info's rx_desc_lim (RDLEN:
 * 128-byte multiples) and the queue id. */
int
ixgbe_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *conf __rte_unused,
	struct rte_mempool *pool)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint32_t room = rte_pktmbuf_data_room_size(pool);
	struct ixgbe_rx_queue *rxq;

	rxq = rte_zmalloc_socket("ixgbe_rxq",
		sizeof(*rxq) + sizeof(rxq->sw_ring[0]) * nb_desc,
		RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (rxq != NULL)
		rxq->mz = rte_eth_dma_zone_reserve(dev, "rx_ring", queue_id,
			sizeof(union ixgbe_rx_desc) * nb_desc, 128,
			(int)socket_id);
	if (rxq == NULL || rxq->mz == NULL) {
		rte_free(rxq);
		return IXGBE_ERR(dev, -ENOMEM,
			"no memory for Rx queue %u of %u descriptors", queue_id,
			nb_desc);
	}
	rxq->ring = rxq->mz->addr;
	rxq->nb_desc = nb_desc;
	rxq->pool = pool;
	rxq->port_id = dev->data->port_id;
	rxq->nombuf = &dev->data->rx_mbuf_alloc_failed;
	/* 1 KB units, at most 16 KB per buffer (BSIZEPACKET); ethdev
	 * refused pools with less than 1 KB (dev_info min_rx_bufsize). */
	rxq->buf_len = RTE_MIN(room - RTE_PKTMBUF_HEADROOM, 16u * 1024) &
		~1023u;
	rxq->free_thresh = RTE_MIN(IXGBE_RX_FREE_THRESH, nb_desc / 4);
	rxq->rdt = (volatile uint32_t *)(void *)(ad->bar + IXGBE_RDT(queue_id));
	dev->data->rx_queues[queue_id] = rxq;
	return 0;
}

/* ethdev releases queues of stopped ports only: stop freed the mbufs. */
void
ixgbe_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	rte_eth_dma_zone_free(dev, "rx_ring", queue_id);
	rte_free(dev->data->rx_queues[queue_id]);
}

/* Arms slots [first, first + count) with new mbufs from one bulk
 * allocation (descriptor read format, ds 7.1.6.1). */
static int
ixgbe_rx_refill_run(struct ixgbe_rx_queue *rxq, uint16_t first, uint16_t count)
{
	uint16_t i;

	if (rte_pktmbuf_alloc_bulk(rxq->pool, &rxq->sw_ring[first], count) != 0)
		return -1;
	for (i = first; i < first + count; i++) {
		rxq->sw_ring[i]->port = rxq->port_id;
		rxq->ring[i].read.pkt_addr = rte_cpu_to_le_64(
			rte_mbuf_data_iova_default(rxq->sw_ring[i]));
		rxq->ring[i].read.hdr_addr = 0; /* also clears DD */
	}
	return 0;
}

/* Per-queue receive set-up and enable, datasheet 4.6.7: ring, SRRCTL
 * (advanced one-buffer descriptors, BSIZEPACKET, drop when no buffer),
 * every descriptor armed, ENABLE polled, then RDT (ring length - 1). */
int
ixgbe_rx_queue_start(struct rte_eth_dev *dev, uint16_t q)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_rx_queue *rxq = dev->data->rx_queues[q];

	ixgbe_write(ad, IXGBE_RDBAL(q), (uint32_t)rxq->mz->iova);
	ixgbe_write(ad, IXGBE_RDBAH(q), (uint32_t)(rxq->mz->iova >> 32));
	ixgbe_write(ad, IXGBE_RDLEN(q),
		rxq->nb_desc * (uint32_t)sizeof(union ixgbe_rx_desc));
	ixgbe_write(ad, IXGBE_SRRCTL(q),
		(rxq->buf_len >> IXGBE_SRRCTL_BSIZEPKT_SHIFT) |
			IXGBE_SRRCTL_DESCTYPE_ADV_ONEBUF |
			IXGBE_SRRCTL_DROP_EN);
	ixgbe_write(ad, IXGBE_RDH(q), 0);
	ixgbe_write(ad, IXGBE_RDT(q), 0);
	ixgbe_set_bits(ad, IXGBE_DCA_RXCTRL(q), IXGBE_DCA_RXCTRL_BIT12, false);
	if (ixgbe_rx_refill_run(rxq, 0, rxq->nb_desc) < 0)
		return IXGBE_ERR(dev, -ENOMEM,
			"Rx queue %u: pool %s has not %u free mbufs to fill the ring: make the pool larger",
			q, rxq->pool->name, rxq->nb_desc);
	rxq->rss_hash = (dev->data->dev_conf.rxmode.mq_mode &
				RTE_ETH_MQ_RX_RSS_FLAG) != 0;
	rxq->next = 0;
	rxq->nb_hold = 0;
	rxq->rdt_value = rxq->nb_desc - 1;
	if (ixgbe_queue_switch(dev, IXGBE_RXDCTL(q), true, "Rx", q) < 0) {
		/* Off again (polled) before the buffers are freed. */
		ixgbe_rx_queue_stop(dev, q);
		return -EIO;
	}
	rte_io_wmb(); /* descriptors armed before the device sees RDT */
	ixgbe_write(ad, IXGBE_RDT(q), rxq->rdt_value);
	dev->data->rx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

int
ixgbe_rx_queue_stop(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct ixgbe_rx_queue *rxq = dev->data->rx_queues[queue_id];

	(void)ixgbe_queue_switch(dev, IXGBE_RXDCTL(queue_id), false, "Rx",
		queue_id);
	/* Start arms every descriptor again (DD cleared). */
	rte_pktmbuf_free_bulk(rxq->sw_ring, rxq->nb_desc);
	memset(rxq->sw_ring, 0, sizeof(rxq->sw_ring[0]) * rxq->nb_desc);
	rte_pktmbuf_free(rxq->pkt_first);
	rxq->pkt_first = NULL;
	dev->data->rx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

/* Refills the held slots up to the end of the ring in bulk and rings
 * the doorbell once; held slots past the end wait for the next call. */
static void
ixgbe_rx_refill(struct ixgbe_rx_queue *rxq)
{
	uint16_t first = ring_next(rxq->rdt_value, rxq->nb_desc);
	uint16_t run = RTE_MIN(rxq->nb_hold, rxq->nb_desc - first);

	if (ixgbe_rx_refill_run(rxq, first, run) < 0) {
		/* Queues on other lcores may count at the same time. */
		__atomic_fetch_add(rxq->nombuf, run, __ATOMIC_RELAXED);
		return;
	}
	rxq->nb_hold -= run;
	rxq->rdt_value = first + run - 1;
	rte_io_wmb(); /* descriptors armed before the device sees RDT */
	*rxq->rdt = rxq->rdt_value;
}

uint16_t
ixgbe_recv_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct ixgbe_rx_queue *rxq = queue;
	volatile union ixgbe_rx_desc *desc;
	struct rte_mbuf *m;
	uint32_t status;
	uint16_t nb_rx = 0;

	while (nb_rx < nb_pkts) {
		desc = &rxq->ring[rxq->next];
		status = rte_le_to_cpu_32(desc->wb.status_error);
		if (!(status & IXGBE_RXD_STAT_DD))
			break;
		rte_io_rmb(); /* DD seen before the rest of the write-back */
		m = rxq->sw_ring[rxq->next];
		rxq->sw_ring[rxq->next] = NULL;
		rxq->next = ring_next(rxq->next, rxq->nb_desc);
		rxq->nb_hold++;
		m->data_len = rte_le_to_cpu_16(desc->wb.length);
		if (rxq->pkt_first == NULL) {
			rxq->pkt_first = m;
			m->pkt_len = m->data_len;
		} else {
			/* A frame longer than one buffer: a chain. */
			rxq->pkt_last->next = m;
			rxq->pkt_first->pkt_len += m->data_len;
			rxq->pkt_first->nb_segs++;
		}
		rxq->pkt_last = m;
		if (!(status & IXGBE_RXD_STAT_EOP))
			continue;
		m = rxq->pkt_first; /* complete, or dropped */
		rxq->pkt_first = NULL;
		if (unlikely(status & IXGBE_RXD_ERR_RXE)) {
			rte_pktmbuf_free(m); /* counted by the MAC */
			continue;
		}
		/* ol_flags, packet_type: as rte_pktmbuf_alloc_bulk reset them */
		if (rxq->rss_hash &&
			(rte_le_to_cpu_16(desc->wb.pkt_info) &
				IXGBE_RXD_RSS_TYPE_MASK) != 0) {
			m->hash.rss = rte_le_to_cpu_32(desc->wb.rss_hash);
			m->ol_flags |= RTE_MBUF_F_RX_RSS_HASH;
		}
		pkts[nb_rx++] = m;
	}
	if (rxq->nb_hold >= rxq->free_thresh)
		ixgbe_rx_refill(rxq);
	return nb_rx;
}

/* --- Tx ------------------------------------------------------------------ */

/* Frees the packets of descriptors clean up to end (excluded) in bulk;
 * a packet's mbuf sits at its EOP descriptor, the other slots are NULL. */
static void
ixgbe_tx_free(struct ixgbe_tx_queue *txq, uint16_t end)
{
	uint16_t first = txq->clean;
	uint16_t n = end >= first ? end - first : end + txq->nb_desc - first;
	uint16_t run = RTE_MIN(n, txq->nb_desc - first);

	rte_pktmbuf_free_bulk(&txq->sw_ring[first], run);
	if (run < n) /* the range wraps */
		rte_pktmbuf_free_bulk(txq->sw_ring, n - run);
	txq->nb_free += n;
	txq->clean = end;
}

/* Frees what is still in flight. A descriptor's stale DD is never read:
 * the RS descriptors reclaim looks at are written anew (DD 0). */
static void
ixgbe_tx_reset(struct ixgbe_tx_queue *txq)
{
	ixgbe_tx_free(txq, txq->next);
	txq->next = 0;
	txq->clean = 0;
	txq->nb_free = txq->nb_desc - 1;
	txq->since_rs = 0;
	txq->rs_head = 0;
	txq->rs_tail = 0;
}

int
ixgbe_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_txconf *conf)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_tx_queue *txq;
	uint16_t rs = conf->tx_rs_thresh != 0 ? conf->tx_rs_thresh :
						IXGBE_TX_RS_THRESH;

	/* The queue, then sw_ring[nb_desc], then rs_fifo[nb_desc]. */
	txq = rte_zmalloc_socket("ixgbe_txq",
		sizeof(*txq) +
			nb_desc * (sizeof(txq->sw_ring[0]) + sizeof(uint16_t)),
		RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (txq != NULL)
		txq->mz = rte_eth_dma_zone_reserve(dev, "tx_ring", queue_id,
			sizeof(struct ixgbe_tx_desc) * nb_desc, 128,
			(int)socket_id);
	if (txq == NULL || txq->mz == NULL) {
		rte_free(txq);
		return IXGBE_ERR(dev, -ENOMEM,
			"no memory for Tx queue %u of %u descriptors", queue_id,
			nb_desc);
	}
	txq->rs_fifo = (uint16_t *)&txq->sw_ring[nb_desc];
	txq->ring = txq->mz->addr;
	txq->nb_desc = nb_desc;
	txq->rs_thresh = RTE_MIN(rs, nb_desc / 4);
	txq->free_thresh = RTE_MIN(conf->tx_free_thresh != 0 ?
			conf->tx_free_thresh :
			2 * txq->rs_thresh,
		nb_desc / 2);
	txq->tdt = (volatile uint32_t *)(void *)(ad->bar + IXGBE_TDT(queue_id));
	dev->data->tx_queues[queue_id] = txq; /* reset at start */
	return 0;
}

/* As for Rx: the port is stopped, nothing is in flight. */
void
ixgbe_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	rte_eth_dma_zone_free(dev, "tx_ring", queue_id);
	rte_free(dev->data->tx_queues[queue_id]);
}

/* Per-queue transmit set-up and enable, datasheet 4.6.8: TXDCTL
 * thresholds 8.2.3.9.10 (WTHRESH 0: DD written back for each RS). */
int
ixgbe_tx_queue_start(struct rte_eth_dev *dev, uint16_t q)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_tx_queue *txq = dev->data->tx_queues[q];

	ixgbe_tx_reset(txq);
	ixgbe_write(ad, IXGBE_TDBAL(q), (uint32_t)txq->mz->iova);
	ixgbe_write(ad, IXGBE_TDBAH(q), (uint32_t)(txq->mz->iova >> 32));
	ixgbe_write(ad, IXGBE_TDLEN(q),
		txq->nb_desc * (uint32_t)sizeof(struct ixgbe_tx_desc));
	ixgbe_write(ad, IXGBE_TDH(q), 0);
	ixgbe_write(ad, IXGBE_TDT(q), 0);
	ixgbe_write(ad, IXGBE_TXDCTL(q),
		IXGBE_TXDCTL_PTHRESH(32) | IXGBE_TXDCTL_HTHRESH(1) |
			IXGBE_TXDCTL_WTHRESH(0));
	if (ixgbe_queue_switch(dev, IXGBE_TXDCTL(q), true, "Tx", q) < 0)
		return -EIO;
	dev->data->tx_queue_state[q] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

int
ixgbe_tx_queue_stop(struct rte_eth_dev *dev, uint16_t queue_id)
{
	(void)ixgbe_queue_switch(dev, IXGBE_TXDCTL(queue_id), false, "Tx",
		queue_id);
	ixgbe_tx_reset(dev->data->tx_queues[queue_id]);
	dev->data->tx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

/* Frees what the device is done with, up to each written-back RS. */
static void
ixgbe_tx_reclaim(struct ixgbe_tx_queue *txq)
{
	uint16_t rs_desc;

	while (txq->rs_head != txq->rs_tail) {
		rs_desc = txq->rs_fifo[txq->rs_head];
		if (!(rte_le_to_cpu_32(txq->ring[rs_desc].olinfo_status) &
			    IXGBE_TXD_STAT_DD))
			break;
		ixgbe_tx_free(txq, ring_next(rs_desc, txq->nb_desc));
		txq->rs_head = ring_next(txq->rs_head, txq->nb_desc);
	}
}

/* Writes the descriptors of one packet. */
static void
ixgbe_tx_one(struct ixgbe_tx_queue *txq, struct rte_mbuf *pkt)
{
	const uint32_t olinfo = rte_cpu_to_le_32(
		pkt->pkt_len << IXGBE_TXD_PAYLEN_SHIFT);
	volatile struct ixgbe_tx_desc *desc;
	struct rte_mbuf *seg;
	uint32_t cmd;
	uint16_t last;

	for (seg = pkt; seg != NULL; seg = seg->next) {
		last = txq->next;
		desc = &txq->ring[last];
		cmd = IXGBE_TXD_DTYP_DATA | IXGBE_TXD_CMD_DEXT |
			IXGBE_TXD_CMD_IFCS | seg->data_len;
		/* The packet is freed whole, from its EOP slot. */
		if (seg->next != NULL) {
			txq->sw_ring[last] = NULL;
		} else {
			cmd |= IXGBE_TXD_CMD_EOP;
			txq->sw_ring[last] = pkt;
			txq->since_rs += pkt->nb_segs;
			txq->nb_free -= pkt->nb_segs;
			if (txq->since_rs >= txq->rs_thresh ||
				txq->nb_free < txq->rs_thresh) {
				cmd |= IXGBE_TXD_CMD_RS;
				txq->since_rs = 0;
				txq->rs_fifo[txq->rs_tail] = last;
				txq->rs_tail = ring_next(txq->rs_tail,
					txq->nb_desc);
			}
		}
		desc->buffer_addr = rte_cpu_to_le_64(rte_mbuf_data_iova(seg));
		desc->cmd_type_len = rte_cpu_to_le_32(cmd);
		desc->olinfo_status = olinfo;
		txq->next = ring_next(last, txq->nb_desc);
	}
}

uint16_t
ixgbe_xmit_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct ixgbe_tx_queue *txq = queue;
	uint16_t nb_tx;

	if (txq->nb_free < txq->free_thresh)
		ixgbe_tx_reclaim(txq);
	for (nb_tx = 0; nb_tx < nb_pkts; nb_tx++) {
		if (unlikely(pkts[nb_tx]->nb_segs > txq->nb_free)) {
			ixgbe_tx_reclaim(txq);
			if (pkts[nb_tx]->nb_segs > txq->nb_free)
				break;
		}
		ixgbe_tx_one(txq, pkts[nb_tx]);
	}
	if (likely(nb_tx > 0)) {
		rte_io_wmb(); /* descriptors written before TDT moves */
		*txq->tdt = txq->next;
	}
	return nb_tx;
}
