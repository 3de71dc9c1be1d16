/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap data path: one libpcap handle per queue. Rx turns each
 * record into an mbuf chain; tx flattens each chain and dumps it to a
 * file or sends it on an interface, then frees it. Every packet a burst
 * is given ends in opackets or in oerrors.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <rte_branch_prediction.h>
#include <rte_mbuf.h>

#include <ethdev_driver.h>

#include "pcap_private.h"

/*
 * A FIFO: open(2) of a reader blocks until a writer comes, and libpcap
 * then blocks reading the capture header. Open it non-blocking and give
 * the writer ETH_PCAP_FIFO_WAIT_MS to send something; a FILE on the fd,
 * blocking again, or NULL (one log line).
 */
static FILE *
eth_pcap_fifo_open(const char *path)
{
	struct pollfd pfd;
	int fd, flags, ret;
	FILE *f;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		ETH_PCAP_LOG(ERR, "cannot open FIFO %s: %s", path,
			strerror(errno));
		return NULL;
	}
	pfd.fd = fd;
	pfd.events = POLLIN;
	do {
		ret = poll(&pfd, 1, ETH_PCAP_FIFO_WAIT_MS);
	} while (ret < 0 && errno == EINTR);
	if (ret <= 0) {
		ETH_PCAP_LOG(ERR,
			"FIFO %s: no writer sent a capture header within "
			"%d ms: start the writer first",
			path, ETH_PCAP_FIFO_WAIT_MS);
		close(fd);
		return NULL;
	}
	flags = fcntl(fd, F_GETFL);
	f = NULL;
	if (flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0)
		f = fdopen(fd, "rb");
	if (f == NULL) {
		ETH_PCAP_LOG(ERR, "cannot read FIFO %s: %s", path,
			strerror(errno));
		close(fd);
	}
	return f;
}

int
eth_pcap_rx_file_open(struct eth_pcap_rx_queue *rxq)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	struct stat st;
	FILE *f;

	rxq->fifo = stat(rxq->name, &st) == 0 && S_ISFIFO(st.st_mode);
	if (!rxq->fifo) {
		rxq->pcap = pcap_open_offline(rxq->name, errbuf);
		if (rxq->pcap == NULL) {
			/* errbuf names the file and says what is wrong. */
			ETH_PCAP_LOG(ERR, "cannot read capture file: %s",
				errbuf);
			return -EINVAL;
		}
		return 0;
	}
	f = eth_pcap_fifo_open(rxq->name);
	if (f == NULL)
		return -EINVAL;
	rxq->pcap = pcap_fopen_offline(f, errbuf);
	if (rxq->pcap == NULL) {
		fclose(f); /* on failure libpcap leaves f open */
		ETH_PCAP_LOG(ERR, "cannot read a capture from FIFO %s: %s",
			rxq->name, errbuf);
		return -EINVAL;
	}
	return 0;
}

/* Copies the rest of a record (done bytes are in head) into new mbufs
 * chained to head; 0, or -1 when the pool ran dry. */
static int
eth_pcap_rx_chain(struct rte_mempool *pool, struct rte_mbuf *head,
	const uint8_t *data, uint32_t len, uint32_t done)
{
	struct rte_mbuf *seg, *prev = head;
	uint16_t room;

	while (done < len) {
		seg = rte_pktmbuf_alloc(pool);
		if (seg == NULL)
			return -1;
		room = (uint16_t)rte_pktmbuf_tailroom(seg);
		if (room > len - done)
			room = (uint16_t)(len - done);
		memcpy(rte_pktmbuf_mtod(seg, uint8_t *), data + done, room);
		seg->data_len = room;
		prev->next = seg;
		head->nb_segs++;
		prev = seg;
		done += room;
	}
	return 0;
}

/* Copies a record into m (and more mbufs when it does not fit); 0, or -1
 * when the pool ran dry (the caller frees m and what hangs on it). */
static int
eth_pcap_rx_copy(struct rte_mempool *pool, struct rte_mbuf *m,
	const uint8_t *data, uint32_t len)
{
	uint16_t room = (uint16_t)rte_pktmbuf_tailroom(m);

	if (room > len)
		room = (uint16_t)len;
	memcpy(rte_pktmbuf_mtod(m, uint8_t *), data, room);
	m->data_len = room;
	m->pkt_len = len;
	if (room == len)
		return 0;
	return eth_pcap_rx_chain(pool, m, data, len, room);
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
	eth_pcap_count(&rxq->stats.rewinds, 1);
	return 0;
}

/* The next record: 1 with hdr and data, 0 when there is none now. */
static int
eth_pcap_rx_next(struct eth_pcap_rx_queue *rxq, struct pcap_pkthdr **hdr,
	const u_char **data)
{
	int ret;

	for (;;) {
		ret = pcap_next_ex(rxq->pcap, hdr, data);
		if (ret == 1)
			return 1;
		if (ret == 0)
			return 0; /* live: nothing waiting */
		if (ret == PCAP_ERROR_BREAK) {
			if (eth_pcap_rx_rewind(rxq) != 0)
				return 0;
			continue;
		}
		/* A truncated or corrupt record: the rest of the file
		 * cannot be framed, so the file ends here. */
		eth_pcap_count(&rxq->stats.errors, 1);
		if (rxq->kind == ETH_PCAP_QUEUE_FILE)
			rxq->at_end = 1;
		return 0;
	}
}

/*
 * The mbuf is taken before the record: a record is consumed only when
 * there is a place for it, so a dry pool leaves interface packets in
 * the kernel's ring (counted as missed if it overflows) rather than
 * losing them here.
 */
uint16_t
eth_pcap_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct eth_pcap_rx_queue *rxq = queue;
	struct pcap_pkthdr *hdr;
	const u_char *data;
	struct rte_mbuf *m;
	uint16_t nb_rx = 0;
	uint64_t bytes = 0;

	if (rxq->kind == ETH_PCAP_QUEUE_NONE || rxq->at_end || rxq->pcap == NULL)
		return 0;
	while (nb_rx < nb_pkts) {
		m = rte_pktmbuf_alloc(rxq->mb_pool);
		if (unlikely(m == NULL)) {
			eth_pcap_count(&rxq->stats.nombuf, 1);
			break;
		}
		if (eth_pcap_rx_next(rxq, &hdr, &data) != 1) {
			rte_pktmbuf_free(m);
			break;
		}
		if (unlikely(eth_pcap_rx_copy(rxq->mb_pool, m, data,
				     hdr->caplen) != 0)) {
			rte_pktmbuf_free(m);
			eth_pcap_count(&rxq->stats.nombuf, 1);
			eth_pcap_count(&rxq->stats.lost, 1);
			break;
		}
		m->port = rxq->port_id;
		rxq->had_packet = 1;
		bytes += hdr->caplen;
		pkts[nb_rx++] = m;
	}
	if (nb_rx != 0) {
		eth_pcap_count(&rxq->stats.packets, nb_rx);
		eth_pcap_count(&rxq->stats.bytes, bytes);
	}
	return nb_rx;
}

/* The first error of a tx queue: one line; later ones are only counted. */
static void
eth_pcap_tx_log_error(struct eth_pcap_tx_queue *txq, const char *what,
	const char *why)
{
	if (txq->error_logged)
		return;
	txq->error_logged = 1;
	ETH_PCAP_LOG(ERR,
		"tx queue %u on %s: %s: %s (counted in oerrors; no "
		"more lines for this queue)",
		txq->queue_id, txq->name, what, why);
}

/* The packet's pkt_len bytes in one piece (its data, or a copy in
 * linear); NULL for an mbuf whose segments do not add up to pkt_len. */
static const uint8_t *
eth_pcap_tx_bytes(struct eth_pcap_tx_queue *txq, const struct rte_mbuf *m)
{
	const char *reason;

	if ((m->nb_segs > 1 || m->data_len != m->pkt_len) &&
		rte_mbuf_check(m, 1, &reason) != 0) {
		eth_pcap_tx_log_error(txq, "bad mbuf chain dropped", reason);
		return NULL;
	}
	return rte_pktmbuf_read(m, 0, m->pkt_len, txq->linear);
}

/* Sends one packet on an interface: 0, or -1 when it was dropped. */
static int
eth_pcap_tx_send(struct eth_pcap_tx_queue *txq, const struct rte_mbuf *m)
{
	const uint8_t *data = eth_pcap_tx_bytes(txq, m);

	if (data == NULL)
		return -1;
	if (pcap_sendpacket(txq->pcap, data, (int)m->pkt_len) == 0)
		return 0;
	eth_pcap_tx_log_error(txq, "send failed", pcap_geterr(txq->pcap));
	return -1;
}

/* Dumps one packet into the file's buffer: 0, or -1 when it was dropped. */
static int
eth_pcap_tx_dump(struct eth_pcap_tx_queue *txq, const struct rte_mbuf *m)
{
	const uint8_t *data = eth_pcap_tx_bytes(txq, m);
	struct pcap_pkthdr hdr;

	if (data == NULL)
		return -1;
	memset(&hdr, 0, sizeof(hdr));
	gettimeofday(&hdr.ts, NULL);
	hdr.caplen = m->pkt_len;
	hdr.len = m->pkt_len;
	pcap_dump((u_char *)txq->dumper, &hdr, data);
	return 0;
}

/*
 * Writes what the burst dumped: stdio only reports a failed write when
 * it flushes, so every burst is flushed and counts as written only if
 * the file took it. 0, or -1 (the burst's packets are errors).
 */
static int
eth_pcap_tx_flush(struct eth_pcap_tx_queue *txq)
{
	FILE *f = pcap_dump_file(txq->dumper);
	int failed;

	failed = pcap_dump_flush(txq->dumper) != 0 || ferror(f);
	if (!failed)
		return 0;
	eth_pcap_tx_log_error(txq, "write failed", strerror(errno));
	clearerr(f);
	return -1;
}

uint16_t
eth_pcap_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct eth_pcap_tx_queue *txq = queue;
	uint64_t bytes = 0, good = 0, bad = 0;
	const struct rte_mbuf *m;
	uint16_t i;
	int ret;

	for (i = 0; i < nb_pkts; i++) {
		m = pkts[i];
		/* A port without tx devargs drops what it is given. */
		if (txq->kind == ETH_PCAP_QUEUE_NONE)
			ret = 0;
		else if (m->pkt_len > ETH_PCAP_SNAPLEN)
			ret = -1;
		else if (txq->kind == ETH_PCAP_QUEUE_IFACE)
			ret = eth_pcap_tx_send(txq, m);
		else
			ret = eth_pcap_tx_dump(txq, m);
		if (ret == 0) {
			good++;
			bytes += m->pkt_len;
		} else {
			bad++;
		}
		rte_pktmbuf_free(pkts[i]);
	}
	if (txq->dumper != NULL && good != 0 && eth_pcap_tx_flush(txq) != 0) {
		bad += good;
		good = 0;
		bytes = 0;
	}
	if (good != 0) {
		eth_pcap_count(&txq->stats.packets, good);
		eth_pcap_count(&txq->stats.bytes, bytes);
	}
	if (bad != 0)
		eth_pcap_count(&txq->stats.errors, bad);
	return nb_pkts;
}
