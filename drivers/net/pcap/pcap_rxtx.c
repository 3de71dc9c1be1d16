/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap data path: one libpcap handle per queue. Rx turns each
 * record into an mbuf chain; tx flattens each chain and dumps it to a
 * file or sends it on an interface, then frees it.
 */
#include <string.h>
#include <sys/time.h>

#include <rte_branch_prediction.h>
#include <rte_mbuf.h>

#include <ethdev_driver.h>

#include "pcap_private.h"

int
eth_pcap_rx_file_open(struct eth_pcap_rx_queue *rxq)
{
	char errbuf[PCAP_ERRBUF_SIZE];

	rxq->pcap = pcap_open_offline(rxq->name, errbuf);
	if (rxq->pcap == NULL) {
		/* errbuf names the file and says what is wrong with it. */
		ETH_PCAP_LOG(ERR, "cannot read capture file: %s", errbuf);
		return -EINVAL;
	}
	return 0;
}

/* Copies len bytes of data into a chain of mbufs from pool, or NULL. */
static struct rte_mbuf *
eth_pcap_rx_copy(struct rte_mempool *pool, const uint8_t *data, uint32_t len)
{
	struct rte_mbuf *head, *seg, *prev = NULL;
	uint32_t done = 0;
	uint16_t room;

	head = rte_pktmbuf_alloc(pool);
	if (head == NULL)
		return NULL;
	seg = head;
	for (;;) {
		room = (uint16_t)rte_pktmbuf_tailroom(seg);
		if (room > len - done)
			room = (uint16_t)(len - done);
		memcpy(rte_pktmbuf_mtod(seg, uint8_t *), data + done, room);
		seg->data_len = room;
		done += room;
		if (prev != NULL) {
			prev->next = seg;
			head->nb_segs++;
		}
		if (done == len)
			break;
		prev = seg;
		seg = rte_pktmbuf_alloc(pool);
		if (seg == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
	}
	head->pkt_len = len;
	return head;
}

/* At the end of a file: start it again (infinite_rx) or stay there. */
static int
eth_pcap_rx_rewind(struct eth_pcap_rx_queue *rxq)
{
	if (!rxq->infinite || !rxq->had_packet) {
		rxq->at_end = 1;
		return -1;
	}
	pcap_close(rxq->pcap);
	rxq->pcap = NULL;
	if (eth_pcap_rx_file_open(rxq) != 0) {
		rxq->at_end = 1;
		return -1;
	}
	rxq->rewinds++;
	return 0;
}

uint16_t
eth_pcap_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct eth_pcap_rx_queue *rxq = queue;
	struct rte_eth_dev *dev;
	struct pcap_pkthdr *hdr;
	const u_char *data;
	struct rte_mbuf *m;
	uint16_t nb_rx = 0;
	int ret;

	if (rxq->kind == ETH_PCAP_QUEUE_NONE || rxq->at_end || rxq->pcap == NULL)
		return 0;
	while (nb_rx < nb_pkts) {
		ret = pcap_next_ex(rxq->pcap, &hdr, &data);
		if (ret == 0)
			break;		/* live: nothing waiting */
		if (ret == PCAP_ERROR_BREAK) {
			if (eth_pcap_rx_rewind(rxq) != 0)
				break;
			continue;
		}
		if (ret < 0) {
			/* A truncated or corrupt record: the rest of the
			 * file cannot be framed, so the file ends here. */
			rxq->errors++;
			if (rxq->kind == ETH_PCAP_QUEUE_FILE)
				rxq->at_end = 1;
			break;
		}
		m = eth_pcap_rx_copy(rxq->mb_pool, data, hdr->caplen);
		if (unlikely(m == NULL)) {
			dev = &rte_eth_devices[rxq->port_id];
			dev->data->rx_mbuf_alloc_failed++;
			break;
		}
		m->port = rxq->port_id;
		rxq->had_packet = 1;
		rxq->bytes += hdr->caplen;
		pkts[nb_rx++] = m;
	}
	rxq->packets += nb_rx;
	return nb_rx;
}

/* The packet's bytes in one piece: its data, or a copy in linear. */
static const uint8_t *
eth_pcap_tx_flatten(struct eth_pcap_tx_queue *txq, const struct rte_mbuf *m)
{
	const struct rte_mbuf *seg;
	uint32_t off = 0;

	if (m->nb_segs == 1)
		return rte_pktmbuf_mtod(m, const uint8_t *);
	for (seg = m; seg != NULL; seg = seg->next) {
		memcpy(txq->linear + off,
			rte_pktmbuf_mtod(seg, const uint8_t *), seg->data_len);
		off += seg->data_len;
	}
	return txq->linear;
}

/* Writes or sends one packet: 0, or -1 when it was dropped. */
static int
eth_pcap_tx_one(struct eth_pcap_tx_queue *txq, const struct rte_mbuf *m)
{
	struct pcap_pkthdr hdr;
	const uint8_t *data;

	if (m->pkt_len > ETH_PCAP_SNAPLEN)
		return -1;
	data = eth_pcap_tx_flatten(txq, m);
	if (txq->kind == ETH_PCAP_QUEUE_IFACE)
		return pcap_sendpacket(txq->pcap, data, (int)m->pkt_len) == 0 ?
			0 : -1;
	memset(&hdr, 0, sizeof(hdr));
	gettimeofday(&hdr.ts, NULL);
	hdr.caplen = m->pkt_len;
	hdr.len = m->pkt_len;
	pcap_dump((u_char *)txq->dumper, &hdr, data);
	return 0;
}

uint16_t
eth_pcap_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct eth_pcap_tx_queue *txq = queue;
	uint16_t i;

	for (i = 0; i < nb_pkts; i++) {
		/* A port without tx devargs drops what it is given. */
		if (txq->kind == ETH_PCAP_QUEUE_NONE ||
				eth_pcap_tx_one(txq, pkts[i]) == 0) {
			txq->packets++;
			txq->bytes += pkts[i]->pkt_len;
		} else {
			txq->errors++;
		}
		rte_pktmbuf_free(pkts[i]);
	}
	return nb_pkts;
}
