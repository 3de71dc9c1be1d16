/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap: ports whose queues read and write capture files or Linux
 * interfaces through libpcap. Control path in pcap_ethdev.c (devargs,
 * probe, operations, link state), data path in pcap_rxtx.c.
 *
 * Every pcap handle is opened at probe and closed at dev_close: a port
 * keeps reading its rx file where it stopped across stop/start, and a tx
 * file is flushed at every stop so that its content is complete.
 */
#ifndef ETH_PCAP_PRIVATE_H
#define ETH_PCAP_PRIVATE_H

#include <limits.h>
#include <net/if.h>
#include <stdint.h>

#include <pcap.h>

#include <rte_ethdev.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

/* Most queues of one direction (one devargs pair each). */
#define ETH_PCAP_MAX_QUEUES 16

/* Largest frame captured or dumped. */
#define ETH_PCAP_SNAPLEN 65535

extern int eth_pcap_logtype;

#define ETH_PCAP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, eth_pcap_logtype, "PCAP: " fmt "\n", \
		##__VA_ARGS__)

/* What a queue reads from or writes to. */
enum eth_pcap_queue_kind {
	ETH_PCAP_QUEUE_NONE = 0,	/* rx: always empty; tx: drops */
	ETH_PCAP_QUEUE_FILE,
	ETH_PCAP_QUEUE_IFACE,
};

struct eth_pcap_rx_queue {
	pcap_t *pcap;
	struct rte_mempool *mb_pool;
	enum eth_pcap_queue_kind kind;
	uint16_t port_id;
	uint16_t queue_id;
	uint8_t infinite;	/* rewind the file at its end */
	uint8_t at_end;		/* file exhausted or broken: rx returns 0 */
	uint8_t in_only;	/* rx_iface_in: incoming packets only */
	uint8_t had_packet;	/* a rewind will find one (no endless loop) */
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors;	/* truncated or unreadable records */
	uint64_t rewinds;
	char name[PATH_MAX];	/* file or interface */
};

struct eth_pcap_tx_queue {
	pcap_t *pcap;		/* live handle, or the dead one of a dumper */
	pcap_dumper_t *dumper;
	enum eth_pcap_queue_kind kind;
	uint16_t queue_id;
	uint8_t *linear;	/* ETH_PCAP_SNAPLEN bytes to flatten chains */
	uint8_t shared;		/* pcap belongs to the rx queue (iface=) */
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors;	/* dropped: too big, or the send failed */
	char name[PATH_MAX];
};

struct eth_pcap_internals {
	struct eth_pcap_rx_queue rxq[ETH_PCAP_MAX_QUEUES];
	struct eth_pcap_tx_queue txq[ETH_PCAP_MAX_QUEUES];
	uint16_t nb_rxq;
	uint16_t nb_txq;
	uint8_t phy_mac;
	uint8_t lsc_running;	/* the LSC poll alarm re-arms itself */
	char link_iface[IF_NAMESIZE + 1];	/* "" for files only */
	struct rte_intr_handle *intr_handle;	/* rx interrupts */
};

uint16_t eth_pcap_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);
uint16_t eth_pcap_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);

/* Opens a rx file (0 or -EINVAL, one log line). */
int eth_pcap_rx_file_open(struct eth_pcap_rx_queue *rxq);

#endif /* ETH_PCAP_PRIVATE_H */
