/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe data path: queue set-up, start and stop, and the burst
 * functions over advanced descriptors (datasheet 7.1.6 and 7.2.3.2.4).
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
 * once there are rx_free_thresh of them, and RDT is written once.
 *
 * Tx: one descriptor per segment; RS goes on the EOP descriptor of the
 * packet that completes tx_rs_thresh descriptors (or when the ring is
 * nearly full), and its index goes into rs_fifo. Reclaiming frees
 * everything up to the oldest RS descriptor the device has written DD
 * back to: batches of at least tx_rs_thresh descriptors. At most n - 1
 * descriptors are in flight (TDT == TDH means empty).
 */
#include <errno.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_cycles.h>
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

static int
ixgbe_check_ring(const struct rte_eth_dev *dev, const char *dir,
	uint16_t queue_id, uint16_t nb_desc)
{
	if (queue_id >= IXGBE_MAX_QUEUES || nb_desc < IXGBE_RING_MIN ||
			nb_desc > IXGBE_RING_MAX ||
			nb_desc % IXGBE_RING_ALIGN != 0) {
		IXGBE_LOG(ERR, "%s: %s queue %u of %u descriptors: the ring "
			"takes %u..%u descriptors, a multiple of %u (queues "
			"0..%u)", dev->data->name, dir, queue_id, nb_desc,
			IXGBE_RING_MIN, IXGBE_RING_MAX, IXGBE_RING_ALIGN,
			IXGBE_MAX_QUEUES - 1);
		return -EINVAL;
	}
	return 0;
}

/* --- Rx ------------------------------------------------------------------ */

static void
ixgbe_rx_free_mbufs(struct ixgbe_rx_queue *rxq)
{
	uint16_t i;

	for (i = 0; i < rxq->nb_desc; i++) {
		if (rxq->sw_ring[i] != NULL) {
			rte_pktmbuf_free_seg(rxq->sw_ring[i]);
			rxq->sw_ring[i] = NULL;
		}
	}
	if (rxq->pkt_first != NULL)
		rte_pktmbuf_free(rxq->pkt_first);
	rxq->pkt_first = NULL;
	rxq->pkt_last = NULL;
}

static inline void
ixgbe_rx_arm(volatile union ixgbe_rx_desc *desc, const struct rte_mbuf *m)
{
	desc->read.pkt_addr = rte_cpu_to_le_64(rte_mbuf_data_iova_default(m));
	desc->read.hdr_addr = 0;	/* also clears DD */
}

int
ixgbe_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *conf, struct rte_mempool *pool)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_rx_queue *rxq;
	uint32_t room;

	RTE_SET_USED(conf);
	if (ixgbe_check_ring(dev, "Rx", queue_id, nb_desc) < 0)
		return -EINVAL;
	room = rte_pktmbuf_data_room_size(pool);
	if (room < RTE_PKTMBUF_HEADROOM + 1024) {
		IXGBE_LOG(ERR, "%s: mbufs of pool %s hold %u bytes; Rx buffers "
			"need %u (headroom + 1 KB, SRRCTL.BSIZEPACKET): use a "
			"larger data room", dev->data->name, pool->name, room,
			RTE_PKTMBUF_HEADROOM + 1024);
		return -EINVAL;
	}
	rxq = rte_zmalloc_socket("ixgbe_rxq", sizeof(*rxq), RTE_CACHE_LINE_SIZE,
		(int)socket_id);
	if (rxq == NULL)
		goto nomem;
	rxq->sw_ring = rte_zmalloc_socket("ixgbe_rx_sw", sizeof(*rxq->sw_ring) *
		nb_desc, RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (rxq->sw_ring == NULL)
		goto nomem_queue;
	rxq->mz = rte_eth_dma_zone_reserve(dev, "rx_ring", queue_id,
		sizeof(union ixgbe_rx_desc) * nb_desc, 128, (int)socket_id);
	if (rxq->mz == NULL)
		goto nomem_sw;
	rxq->ring = rxq->mz->addr;
	rxq->nb_desc = nb_desc;
	rxq->pool = pool;
	rxq->queue_id = queue_id;
	rxq->port_id = dev->data->port_id;
	/* 1 KB units, at most 16 KB per buffer (BSIZEPACKET). */
	rxq->buf_len = RTE_MIN(room - RTE_PKTMBUF_HEADROOM, 16u * 1024) &
		~1023u;
	rxq->free_thresh = RTE_MIN(IXGBE_RX_FREE_THRESH, nb_desc / 4);
	rxq->rdt = (volatile uint32_t *)(void *)(ad->bar + IXGBE_RDT(queue_id));
	dev->data->rx_queues[queue_id] = rxq;
	return 0;

nomem_sw:
	rte_free(rxq->sw_ring);
nomem_queue:
	rte_free(rxq);
nomem:
	IXGBE_LOG(ERR, "%s: no memory for Rx queue %u of %u descriptors",
		dev->data->name, queue_id, nb_desc);
	return -ENOMEM;
}

void
ixgbe_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct ixgbe_rx_queue *rxq = dev->data->rx_queues[queue_id];

	if (rxq == NULL)
		return;
	ixgbe_rx_free_mbufs(rxq);
	rte_eth_dma_zone_free(dev, "rx_ring", queue_id);
	rte_free(rxq->sw_ring);
	rte_free(rxq);
}

/* Per-queue receive set-up, datasheet 4.6.7. */
static void
ixgbe_rx_queue_program(struct ixgbe_adapter *ad, struct ixgbe_rx_queue *rxq)
{
	uint16_t q = rxq->queue_id;

	ixgbe_write(ad, IXGBE_RDBAL(q), (uint32_t)rxq->mz->iova);
	ixgbe_write(ad, IXGBE_RDBAH(q), (uint32_t)(rxq->mz->iova >> 32));
	ixgbe_write(ad, IXGBE_RDLEN(q), rxq->nb_desc *
		(uint32_t)sizeof(union ixgbe_rx_desc));
	ixgbe_write(ad, IXGBE_SRRCTL(q), (rxq->buf_len >>
		IXGBE_SRRCTL_BSIZEPKT_SHIFT) |
		IXGBE_SRRCTL_DESCTYPE_ADV_ONEBUF | IXGBE_SRRCTL_DROP_EN);
	ixgbe_write(ad, IXGBE_RDH(q), 0);
	ixgbe_write(ad, IXGBE_RDT(q), 0);
	/* "last sentence of 4.6.7": relaxed ordering of descriptor
	 * write-back off. */
	ixgbe_clear_bits(ad, IXGBE_DCA_RXCTRL(q), IXGBE_DCA_RXCTRL_RELAX_WR);
}

int
ixgbe_rx_queue_start(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_rx_queue *rxq = dev->data->rx_queues[queue_id];
	uint16_t i;

	ixgbe_rx_queue_program(ad, rxq);
	if (rte_pktmbuf_alloc_bulk(rxq->pool, rxq->sw_ring, rxq->nb_desc) != 0) {
		IXGBE_LOG(ERR, "%s: Rx queue %u: pool %s has not %u free "
			"mbufs to fill the ring: make the pool larger",
			dev->data->name, queue_id, rxq->pool->name, rxq->nb_desc);
		return -ENOMEM;
	}
	for (i = 0; i < rxq->nb_desc; i++) {
		rxq->sw_ring[i]->port = rxq->port_id;
		ixgbe_rx_arm(&rxq->ring[i], rxq->sw_ring[i]);
	}
	rxq->next = 0;
	rxq->nb_hold = 0;
	rxq->rdt_value = rxq->nb_desc - 1;
	ixgbe_set_bits(ad, IXGBE_RXDCTL(queue_id), IXGBE_RXDCTL_ENABLE);
	if (ixgbe_wait_reg(ad, IXGBE_RXDCTL(queue_id), IXGBE_RXDCTL_ENABLE,
			IXGBE_RXDCTL_ENABLE, IXGBE_QUEUE_WAIT_MS) < 0) {
		IXGBE_LOG(ERR, "%s: Rx queue %u: RXDCTL.ENABLE did not read 1 "
			"within %u ms", dev->data->name, queue_id,
			IXGBE_QUEUE_WAIT_MS);
		/* No buffer is freed while the device may still use it. */
		ixgbe_clear_bits(ad, IXGBE_RXDCTL(queue_id),
			IXGBE_RXDCTL_ENABLE);
		ixgbe_write(ad, IXGBE_RDBAL(queue_id), 0);
		ixgbe_write(ad, IXGBE_RDBAH(queue_id), 0);
		ixgbe_rx_free_mbufs(rxq);
		return -EIO;
	}
	rte_io_wmb();	/* descriptors armed before the device sees RDT */
	ixgbe_write(ad, IXGBE_RDT(queue_id), rxq->rdt_value);
	dev->data->rx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

int
ixgbe_rx_queue_stop(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_rx_queue *rxq = dev->data->rx_queues[queue_id];

	ixgbe_clear_bits(ad, IXGBE_RXDCTL(queue_id), IXGBE_RXDCTL_ENABLE);
	if (ixgbe_wait_reg(ad, IXGBE_RXDCTL(queue_id), IXGBE_RXDCTL_ENABLE, 0,
			IXGBE_QUEUE_WAIT_MS) < 0)
		IXGBE_LOG(WARNING, "%s: Rx queue %u: RXDCTL.ENABLE still 1 "
			"after %u ms", dev->data->name, queue_id,
			IXGBE_QUEUE_WAIT_MS);
	ixgbe_rx_free_mbufs(rxq);
	memset((void *)(uintptr_t)rxq->ring, 0,
		sizeof(*rxq->ring) * rxq->nb_desc);
	dev->data->rx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

/* Arms a run of held slots [first, first + count) with new mbufs. */
static int
ixgbe_rx_refill_run(struct ixgbe_rx_queue *rxq, uint16_t first,
	uint16_t count)
{
	uint16_t i;

	if (rte_pktmbuf_alloc_bulk(rxq->pool, &rxq->sw_ring[first], count) != 0)
		return -1;
	for (i = first; i < first + count; i++) {
		rxq->sw_ring[i]->port = rxq->port_id;
		ixgbe_rx_arm(&rxq->ring[i], rxq->sw_ring[i]);
	}
	return 0;
}

/* Refills every held slot in bulk and rings the doorbell once. */
static void
ixgbe_rx_refill(struct ixgbe_rx_queue *rxq)
{
	uint16_t first = ring_next(rxq->rdt_value, rxq->nb_desc);
	uint16_t run = RTE_MIN(rxq->nb_hold, rxq->nb_desc - first);

	if (ixgbe_rx_refill_run(rxq, first, run) < 0) {
		rxq->nombuf += rxq->nb_hold;
		return;
	}
	if (run < rxq->nb_hold &&
			ixgbe_rx_refill_run(rxq, 0, rxq->nb_hold - run) < 0) {
		rxq->nombuf += rxq->nb_hold - run;
		rxq->nb_hold -= run;
		rxq->rdt_value = first + run - 1;
	} else {
		rxq->rdt_value = (first + rxq->nb_hold - 1) % rxq->nb_desc;
		rxq->nb_hold = 0;
	}
	rte_io_wmb();	/* descriptors armed before the device sees RDT */
	*rxq->rdt = rxq->rdt_value;
}

/* The packet of the EOP descriptor: hash, flags; NULL if dropped. */
static struct rte_mbuf *
ixgbe_rx_finish(struct ixgbe_rx_queue *rxq,
	const volatile union ixgbe_rx_desc *desc, uint32_t status)
{
	struct rte_mbuf *first = rxq->pkt_first;

	rxq->pkt_first = NULL;
	if (unlikely(status & IXGBE_RXD_ERR_RXE)) {
		rte_pktmbuf_free(first);
		rxq->errors++;
		return NULL;
	}
	first->ol_flags = 0;
	first->packet_type = 0;
	if (rxq->rss_hash && (rte_le_to_cpu_16(desc->wb.pkt_info) &
			IXGBE_RXD_RSS_TYPE_MASK) != 0) {
		first->hash.rss = rte_le_to_cpu_32(desc->wb.rss_hash);
		first->ol_flags = RTE_MBUF_F_RX_RSS_HASH;
	}
	return first;
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
		rte_io_rmb();	/* DD seen before the rest of the write-back */
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
		m = ixgbe_rx_finish(rxq, desc, status);
		if (m != NULL)
			pkts[nb_rx++] = m;
	}
	if (rxq->nb_hold >= rxq->free_thresh)
		ixgbe_rx_refill(rxq);
	return nb_rx;
}

/* --- Tx ------------------------------------------------------------------ */

static void
ixgbe_tx_free_mbufs(struct ixgbe_tx_queue *txq)
{
	uint16_t i;

	for (i = 0; i < txq->nb_desc; i++) {
		if (txq->sw_ring[i] != NULL) {
			rte_pktmbuf_free_seg(txq->sw_ring[i]);
			txq->sw_ring[i] = NULL;
		}
	}
}

static void
ixgbe_tx_reset(struct ixgbe_tx_queue *txq)
{
	ixgbe_tx_free_mbufs(txq);
	memset((void *)(uintptr_t)txq->ring, 0,
		sizeof(*txq->ring) * txq->nb_desc);
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

	if (ixgbe_check_ring(dev, "Tx", queue_id, nb_desc) < 0)
		return -EINVAL;
	txq = rte_zmalloc_socket("ixgbe_txq", sizeof(*txq), RTE_CACHE_LINE_SIZE,
		(int)socket_id);
	if (txq == NULL)
		goto nomem;
	txq->sw_ring = rte_zmalloc_socket("ixgbe_tx_sw", sizeof(*txq->sw_ring) *
		nb_desc, RTE_CACHE_LINE_SIZE, (int)socket_id);
	txq->rs_fifo = rte_zmalloc_socket("ixgbe_tx_rs", sizeof(*txq->rs_fifo) *
		nb_desc, RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (txq->sw_ring == NULL || txq->rs_fifo == NULL)
		goto nomem_queue;
	txq->mz = rte_eth_dma_zone_reserve(dev, "tx_ring", queue_id,
		sizeof(struct ixgbe_tx_desc) * nb_desc, 128, (int)socket_id);
	if (txq->mz == NULL)
		goto nomem_queue;
	txq->ring = txq->mz->addr;
	txq->nb_desc = nb_desc;
	txq->queue_id = queue_id;
	txq->rs_thresh = RTE_MIN(rs, nb_desc / 4);
	txq->free_thresh = RTE_MIN(conf->tx_free_thresh != 0 ?
		conf->tx_free_thresh : 2 * txq->rs_thresh, nb_desc / 2);
	txq->tdt = (volatile uint32_t *)(void *)(ad->bar + IXGBE_TDT(queue_id));
	ixgbe_tx_reset(txq);
	dev->data->tx_queues[queue_id] = txq;
	return 0;

nomem_queue:
	rte_free(txq->rs_fifo);
	rte_free(txq->sw_ring);
	rte_free(txq);
nomem:
	IXGBE_LOG(ERR, "%s: no memory for Tx queue %u of %u descriptors",
		dev->data->name, queue_id, nb_desc);
	return -ENOMEM;
}

void
ixgbe_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct ixgbe_tx_queue *txq = dev->data->tx_queues[queue_id];

	if (txq == NULL)
		return;
	ixgbe_tx_free_mbufs(txq);
	rte_eth_dma_zone_free(dev, "tx_ring", queue_id);
	rte_free(txq->rs_fifo);
	rte_free(txq->sw_ring);
	rte_free(txq);
}

/* Per-queue transmit set-up and enable, datasheet 4.6.8: TXDCTL
 * thresholds 7.2.3.4 (WTHRESH 0: DD written back for each RS). */
int
ixgbe_tx_queue_start(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_tx_queue *txq = dev->data->tx_queues[queue_id];

	ixgbe_tx_reset(txq);
	ixgbe_write(ad, IXGBE_TDBAL(queue_id), (uint32_t)txq->mz->iova);
	ixgbe_write(ad, IXGBE_TDBAH(queue_id), (uint32_t)(txq->mz->iova >> 32));
	ixgbe_write(ad, IXGBE_TDLEN(queue_id), txq->nb_desc *
		(uint32_t)sizeof(struct ixgbe_tx_desc));
	ixgbe_write(ad, IXGBE_TDH(queue_id), 0);
	ixgbe_write(ad, IXGBE_TDT(queue_id), 0);
	ixgbe_write(ad, IXGBE_TXDCTL(queue_id), IXGBE_TXDCTL_PTHRESH(32) |
		IXGBE_TXDCTL_HTHRESH(1) | IXGBE_TXDCTL_WTHRESH(0) |
		IXGBE_TXDCTL_ENABLE);
	if (ixgbe_wait_reg(ad, IXGBE_TXDCTL(queue_id), IXGBE_TXDCTL_ENABLE,
			IXGBE_TXDCTL_ENABLE, IXGBE_QUEUE_WAIT_MS) < 0) {
		IXGBE_LOG(ERR, "%s: Tx queue %u: TXDCTL.ENABLE did not read 1 "
			"within %u ms", dev->data->name, queue_id,
			IXGBE_QUEUE_WAIT_MS);
		return -EIO;
	}
	dev->data->tx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

int
ixgbe_tx_queue_stop(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct ixgbe_tx_queue *txq = dev->data->tx_queues[queue_id];

	ixgbe_clear_bits(ad, IXGBE_TXDCTL(queue_id), IXGBE_TXDCTL_ENABLE);
	if (ixgbe_wait_reg(ad, IXGBE_TXDCTL(queue_id), IXGBE_TXDCTL_ENABLE, 0,
			IXGBE_QUEUE_WAIT_MS) < 0)
		IXGBE_LOG(WARNING, "%s: Tx queue %u: TXDCTL.ENABLE still 1 "
			"after %u ms", dev->data->name, queue_id,
			IXGBE_QUEUE_WAIT_MS);
	ixgbe_tx_reset(txq);
	dev->data->tx_queue_state[queue_id] = RTE_ETH_QUEUE_STATE_STOPPED;
	return 0;
}

/* Frees the segments of descriptors clean..last, back to their pools
 * in bulk (one put per run of the same pool). */
static void
ixgbe_tx_free_run(struct ixgbe_tx_queue *txq, uint16_t last)
{
	struct rte_mbuf *pending[64], *m;
	unsigned int nb_pending = 0;
	uint16_t i;

	for (i = txq->clean; ; i = ring_next(i, txq->nb_desc)) {
		m = rte_pktmbuf_prefree_seg(txq->sw_ring[i]);
		txq->sw_ring[i] = NULL;
		txq->nb_free++;
		if (m != NULL) {
			if (nb_pending == RTE_DIM(pending) || (nb_pending != 0 &&
					pending[0]->pool != m->pool)) {
				rte_mempool_put_bulk(pending[0]->pool,
					(void **)pending, nb_pending);
				nb_pending = 0;
			}
			pending[nb_pending++] = m;
		}
		if (i == last)
			break;
	}
	if (nb_pending != 0)
		rte_mempool_put_bulk(pending[0]->pool, (void **)pending,
			nb_pending);
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
		ixgbe_tx_free_run(txq, rs_desc);
		txq->clean = ring_next(rs_desc, txq->nb_desc);
		txq->rs_head = ring_next(txq->rs_head, txq->nb_desc);
	}
}

/* Writes the descriptors of one packet; returns its EOP descriptor. */
static uint16_t
ixgbe_tx_one(struct ixgbe_tx_queue *txq, struct rte_mbuf *pkt)
{
	const uint32_t olinfo = rte_cpu_to_le_32(pkt->pkt_len <<
		IXGBE_TXD_PAYLEN_SHIFT);
	volatile struct ixgbe_tx_desc *desc;
	struct rte_mbuf *seg;
	uint32_t cmd;
	uint16_t last = txq->next;

	for (seg = pkt; seg != NULL; seg = seg->next) {
		last = txq->next;
		desc = &txq->ring[last];
		cmd = IXGBE_TXD_DTYP_DATA | IXGBE_TXD_CMD_DEXT |
			IXGBE_TXD_CMD_IFCS | seg->data_len;
		if (seg->next == NULL) {
			cmd |= IXGBE_TXD_CMD_EOP;
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
		txq->sw_ring[last] = seg;
		txq->next = ring_next(last, txq->nb_desc);
	}
	return last;
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
		rte_io_wmb();	/* descriptors written before TDT moves */
		*txq->tdt = txq->next;
	}
	return nb_tx;
}
