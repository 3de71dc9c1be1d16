/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * virtio-net data path: rx with optional mergeable buffers (5.1.6.3),
 * tx with the virtio_net_hdr (5.1.6.2). One notification per burst and
 * only when the device asks for it (virtqueue.h), rx refilled in bulk
 * from the mempool, tx descriptors reclaimed in batches, no allocation
 * but the mbufs and no system call but the doorbell.
 */
#include <string.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_prefetch.h>

#include "virtio_rxtx.h"

#define RX_REFILL_MAX 64 /* mbufs taken from the pool at once */

static inline void
stats_count(struct virtio_queue_stats *st, const struct rte_mbuf *m)
{
	const struct rte_ether_addr *dst = rte_pktmbuf_mtod(m,
		const struct rte_ether_addr *);

	st->bytes += m->pkt_len;
	st->size[virtio_size_bucket(m->pkt_len)]++;
	if (unlikely(rte_is_multicast_ether_addr(dst))) {
		if (rte_is_broadcast_ether_addr(dst))
			st->broadcast++;
		else
			st->multicast++;
	}
}

/* Device address of the first byte the device may write in an rx mbuf. */
static inline uint64_t
rx_buf_addr(const struct virtio_rxq *rxq, const struct rte_mbuf *m)
{
	uint64_t base = rxq->use_va ? (uint64_t)(uintptr_t)m->buf_addr :
				      m->buf_iova;

	return base + RTE_PKTMBUF_HEADROOM - rxq->hdr_size;
}

/* Posts n fresh mbufs, one descriptor each (not yet published). */
static inline void
rx_post(struct virtio_rxq *rxq, struct rte_mbuf **mbufs, uint16_t n)
{
	struct virtqueue *vq = rxq->vq;
	struct vring_desc *d;
	uint16_t i, id;

	for (i = 0; i < n; i++) {
		id = vq_desc_take(vq);
		d = &vq->desc[id];
		d->addr = rx_buf_addr(rxq, mbufs[i]);
		d->len = mbufs[i]->buf_len - RTE_PKTMBUF_HEADROOM +
			rxq->hdr_size;
		d->flags = VRING_DESC_F_WRITE;
		vq->extra[id].cookie = mbufs[i];
		vq->extra[id].ndescs = 1;
		vq_avail_add(vq, id);
	}
}

/* Refills the free descriptors in bulk; returns how many were posted. */
static uint16_t
rx_refill(struct virtio_rxq *rxq)
{
	struct rte_mbuf *mbufs[RX_REFILL_MAX];
	struct virtqueue *vq = rxq->vq;
	uint16_t n, posted = 0;

	while (vq->nb_free != 0) {
		n = RTE_MIN(vq->nb_free, RX_REFILL_MAX);
		if (unlikely(rte_pktmbuf_alloc_bulk(rxq->mp, mbufs, n) != 0)) {
			*rxq->nombuf += n;
			break;
		}
		rx_post(rxq, mbufs, n);
		posted += n;
	}
	return posted;
}

static inline void
notify_if_asked(struct virtio_hw *hw, struct virtqueue *vq)
{
	if (vq_kick_prepare(vq))
		hw->ops->notify_queue(hw, vq);
}

int
virtio_rxq_fill(struct virtio_rxq *rxq)
{
	uint16_t posted = rx_refill(rxq);

	vq_avail_publish(rxq->vq);
	return posted == 0 ? -ENOMEM : 0;
}

static void
mbuf_free_cookie(void *cookie)
{
	rte_pktmbuf_free(cookie);
}

void
virtio_rxq_drain(struct virtio_rxq *rxq)
{
	virtqueue_drain(rxq->vq, mbuf_free_cookie);
}

void
virtio_txq_drain(struct virtio_txq *txq)
{
	virtqueue_drain(txq->vq, mbuf_free_cookie);
}

/* Takes the next used element's mbuf and gives its descriptor back. */
static inline struct rte_mbuf *
rx_take(struct virtqueue *vq, uint32_t *len)
{
	const struct vring_used_elem *e = vq_used_next(vq);
	uint16_t id = (uint16_t)e->id;
	struct rte_mbuf *m;

	*len = e->len;
	vq->used_cons++;
	m = vq->extra[id].cookie;
	vq_chain_put(vq, id);
	return m;
}

/* A one-buffer packet: the header sits right before the data. */
static inline struct rte_mbuf *
rx_single(struct virtio_rxq *rxq, uint32_t len)
{
	struct rte_mbuf *m;

	m = rx_take(rxq->vq, &len);
	if (unlikely(len <= rxq->hdr_size)) {
		rxq->stats.errors++;
		rte_pktmbuf_free(m);
		return NULL;
	}
	m->data_len = (uint16_t)(len - rxq->hdr_size);
	m->pkt_len = m->data_len;
	m->port = rxq->port_id;
	return m;
}

/*
 * A mergeable packet of num_buffers used elements, chained as mbuf
 * segments. Following buffers have no header: their data starts where
 * the device started writing. *avail is how many used elements are left;
 * a packet whose buffers are not all there yet waits for the next burst.
 */
static struct rte_mbuf *
rx_mergeable(struct virtio_rxq *rxq, uint16_t *avail, bool *wait)
{
	struct virtqueue *vq = rxq->vq;
	const struct virtio_net_hdr *hdr;
	struct rte_mbuf *head, *prev, *seg;
	uint16_t nb_bufs, i;
	uint32_t len;

	head = vq->extra[vq_used_next(vq)->id].cookie;
	hdr = RTE_PTR_ADD(head->buf_addr, RTE_PKTMBUF_HEADROOM - rxq->hdr_size);
	nb_bufs = hdr->num_buffers;
	if (unlikely(nb_bufs == 0 || nb_bufs > vq->size))
		nb_bufs = 1; /* malformed: counted as an error below */
	if (nb_bufs > *avail) {
		*wait = true;
		return NULL;
	}
	*avail -= nb_bufs;
	head = rx_single(rxq, 0);
	if (head == NULL || hdr->num_buffers != nb_bufs) {
		for (i = 1; i < nb_bufs; i++)
			rte_pktmbuf_free(rx_take(vq, &len));
		if (head != NULL) {
			rxq->stats.errors++;
			rte_pktmbuf_free(head);
		}
		return NULL;
	}
	prev = head;
	for (i = 1; i < nb_bufs; i++) {
		seg = rx_take(vq, &len);
		seg->data_off = RTE_PKTMBUF_HEADROOM - rxq->hdr_size;
		seg->data_len = (uint16_t)len;
		head->pkt_len += len;
		prev->next = seg;
		prev = seg;
	}
	head->nb_segs = nb_bufs;
	return head;
}

uint16_t
virtio_recv_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct virtio_rxq *rxq = queue;
	struct virtqueue *vq = rxq->vq;
	uint16_t avail, nb_rx = 0;
	struct rte_mbuf *m;
	bool wait = false;

	avail = vq_used_count(vq);
	while (avail != 0 && nb_rx < nb_pkts && !wait) {
		if (rxq->mergeable) {
			m = rx_mergeable(rxq, &avail, &wait);
		} else {
			avail--;
			m = rx_single(rxq, 0);
		}
		if (m == NULL)
			continue;
		stats_count(&rxq->stats, m);
		pkts[nb_rx++] = m;
	}
	rxq->stats.packets += nb_rx;
	if (vq->nb_free >= rxq->refill_thresh && rx_refill(rxq) != 0) {
		vq_avail_publish(vq);
		notify_if_asked(rxq->hw, vq);
	}
	vq_intr_quiet(vq);
	return nb_rx;
}

#define TX_FREE_BULK 64

/* Takes back the chains of the packets the device has sent, and gives
 * their mbufs back to the pools TX_FREE_BULK at a time. */
static void
tx_reclaim(struct virtio_txq *txq)
{
	struct rte_mbuf *done[TX_FREE_BULK];
	struct virtqueue *vq = txq->vq;
	uint16_t n = vq_used_count(vq), id;
	unsigned int nb_done = 0;

	while (n-- != 0) {
		id = (uint16_t)vq_used_next(vq)->id;
		vq->used_cons++;
		done[nb_done++] = vq->extra[id].cookie;
		vq_chain_put(vq, id);
		if (nb_done == TX_FREE_BULK) {
			rte_pktmbuf_free_bulk(done, nb_done);
			nb_done = 0;
		}
	}
	rte_pktmbuf_free_bulk(done, nb_done);
	vq_intr_quiet(vq);
}

static inline uint64_t
tx_seg_addr(const struct virtio_txq *txq, const struct rte_mbuf *seg)
{
	return txq->use_va ? rte_pktmbuf_mtod(seg, uint64_t) :
			     rte_mbuf_data_iova(seg);
}

/* Whether the header can go into the first segment's headroom. */
static inline bool
tx_can_push(const struct virtio_txq *txq, const struct rte_mbuf *m)
{
	return RTE_MBUF_DIRECT(m) && rte_mbuf_refcnt_read(m) == 1 &&
		rte_pktmbuf_headroom(m) >= txq->hdr_size;
}

/*
 * Zeroes a tx header (5.1.6.2: no offload asked) only where it is not
 * zero already. A pushed header sits in the mbuf's headroom, which still
 * holds the zeros of its previous trip; left unwritten, its cache line
 * stays shared with the device instead of being taken back from it on
 * every packet for the same bytes.
 */
static inline void
tx_hdr_clear(void *hdr, uint16_t size)
{
	uint64_t head;
	uint32_t tail = 0;

	/* Constant sizes in each branch: the clearing is two stores, not a
	 * call to memset() (a forwarded packet's header always needs it). */
	memcpy(&head, hdr, sizeof(head));
	if (size == sizeof(struct virtio_net_hdr)) {
		memcpy(&tail, RTE_PTR_ADD(hdr, 8), 4);
		if ((head | tail) != 0)
			memset(hdr, 0, sizeof(struct virtio_net_hdr));
	} else {
		memcpy(&tail, RTE_PTR_ADD(hdr, 8), 2);
		if ((head | tail) != 0)
			memset(hdr, 0, VIRTIO_NET_HDR_LEGACY_SIZE);
	}
}

/* Builds the chain of one packet; the caller checked there is room. */
static void
tx_enqueue(struct virtio_txq *txq, struct rte_mbuf *m, bool push,
	uint16_t ndescs)
{
	struct virtqueue *vq = txq->vq;
	uint16_t head = vq_desc_take(vq), id = head;
	const struct rte_mbuf *seg = m;
	struct vring_desc *d = &vq->desc[head];
	void *hdr;

	if (push) {
		hdr = rte_pktmbuf_mtod_offset(m, void *, -(int)txq->hdr_size);
		tx_hdr_clear(hdr, txq->hdr_size);
		d->addr = tx_seg_addr(txq, m) - txq->hdr_size;
		d->len = m->data_len + txq->hdr_size;
		seg = m->next;
	} else {
		tx_hdr_clear(txq->hdrs + (size_t)head * 16, txq->hdr_size);
		d->addr = txq->hdrs_addr + (size_t)head * 16;
		d->len = txq->hdr_size;
	}
	for (; seg != NULL; seg = seg->next) {
		d->flags = VRING_DESC_F_NEXT;
		d->next = vq_desc_take(vq);
		id = d->next;
		d = &vq->desc[id];
		d->addr = tx_seg_addr(txq, seg);
		d->len = seg->data_len;
	}
	d->flags = 0;
	vq->extra[head].cookie = m;
	vq->extra[head].ndescs = ndescs;
	vq_avail_add(vq, head);
}

uint16_t
virtio_xmit_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct virtio_txq *txq = queue;
	struct virtqueue *vq = txq->vq;
	uint16_t nb_tx, ndescs;
	struct rte_mbuf *m;
	bool push;

	if (vq->nb_free < txq->free_thresh)
		tx_reclaim(txq);
	for (nb_tx = 0; nb_tx < nb_pkts; nb_tx++) {
		m = pkts[nb_tx];
		push = tx_can_push(txq, m);
		ndescs = m->nb_segs + (push ? 0 : 1);
		if (unlikely(vq->nb_free < ndescs)) {
			tx_reclaim(txq);
			if (vq->nb_free < ndescs)
				break;
		}
		stats_count(&txq->stats, m);
		tx_enqueue(txq, m, push, ndescs);
	}
	txq->stats.packets += nb_tx;
	if (nb_tx != 0) {
		vq_avail_publish(vq);
		notify_if_asked(txq->hw, vq);
	}
	return nb_tx;
}
