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
 * file is flushed after every burst (and at stop) so that its content
 * is complete and a failed write is seen.
 *
 * Counters: every frame an interface offers an rx queue ends in
 * ipackets or in imissed (the kernel ring's overflows, the interface's
 * own drops, and records lost for want of mbufs), so once the queue is
 * drained, offered = ipackets + imissed exactly; rx_nombuf counts failed
 * allocations. Every packet a tx burst is given ends in opackets or in
 * oerrors (too big, a malformed mbuf, a failed send or write; the first
 * of these is logged once per queue). A rx_pcap FIFO must get its
 * capture header within ETH_PCAP_FIFO_WAIT_MS of the probe; after that,
 * reads block while its writer is alive but silent, as for any stream.
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

struct rte_eth_dev;

/* Most queues of one direction (one devargs pair each). */
#define ETH_PCAP_MAX_QUEUES 16

/* Largest frame captured or dumped. */
#define ETH_PCAP_SNAPLEN 65535

/* Kernel ring of an interface handle (see eth_pcap_iface_open()). */
#define ETH_PCAP_IFACE_RING_BYTES (8u << 20)

/* How long a rx_pcap FIFO may take to deliver its capture header. */
#define ETH_PCAP_FIFO_WAIT_MS 5000

extern int eth_pcap_logtype;

#define ETH_PCAP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_##level, eth_pcap_logtype, "PCAP: " fmt "\n", \
		##__VA_ARGS__)

/* What a queue reads from or writes to. */
enum eth_pcap_queue_kind {
	ETH_PCAP_QUEUE_NONE = 0, /* rx: always empty; tx: drops */
	ETH_PCAP_QUEUE_FILE,
	ETH_PCAP_QUEUE_IFACE,
};

/*
 * Counters of one queue. Only the lcore that polls the queue writes
 * them (relaxed atomic stores, so that stats_get on another thread reads
 * whole values); stats_reset never writes them but moves the queue's
 * base (struct eth_pcap_queue_base), which only the control path touches.
 */
struct eth_pcap_queue_stats {
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors;  /* rx: bad records; tx: not written or sent */
	uint64_t nombuf;  /* rx: mbuf allocation failures */
	uint64_t lost;	  /* rx: read, then lost for want of mbufs */
	uint64_t rewinds; /* rx: infinite_rx passes */
};

/*
 * Packets an interface queue missed, from the kernel's counters: the
 * socket's ring overflows (pcap_stats ps_drop), the interface's own drops
 * libpcap sees (ps_ifdrop: rx_missed_errors and rx_fifo_errors), and the
 * interface's rx_dropped, which libpcap leaves out although a veth or a
 * busy softirq backlog drops there, before any socket sees the packet.
 * The last two belong to the interface, so only the first queue of a
 * port on each interface counts them. Control path only (stats_get).
 */
struct eth_pcap_missed {
	uint32_t last_drop;	  /* ps_drop at the last read */
	uint32_t last_ifdrop;	  /* ps_ifdrop at the last read */
	uint64_t last_rx_dropped; /* sysfs rx_dropped at the last read */
	uint64_t total;		  /* since the handle was opened */
	uint8_t iface_drops;	  /* this queue counts the interface's drops */
};

/* What stats_reset left: the counters' values at the last reset. */
struct eth_pcap_queue_base {
	struct eth_pcap_queue_stats stats;
	uint64_t missed;
};

struct eth_pcap_rx_queue {
	pcap_t *pcap;
	struct rte_mempool *mb_pool;
	enum eth_pcap_queue_kind kind;
	uint16_t port_id;
	uint16_t queue_id;
	uint8_t infinite;   /* rewind the file at its end */
	uint8_t at_end;	    /* file exhausted or broken: rx returns 0 */
	uint8_t in_only;    /* rx_iface_in: incoming packets only */
	uint8_t had_packet; /* a rewind will find one (no endless loop) */
	uint8_t fifo;	    /* the file is a FIFO: no rewind */
	struct eth_pcap_queue_stats stats;
	struct eth_pcap_queue_base base;
	struct eth_pcap_missed missed;
	char name[PATH_MAX]; /* file or interface */
};

struct eth_pcap_tx_queue {
	pcap_t *pcap; /* live handle, or the dead one of a dumper */
	pcap_dumper_t *dumper;
	enum eth_pcap_queue_kind kind;
	uint16_t queue_id;
	uint8_t *linear;      /* ETH_PCAP_SNAPLEN bytes to flatten chains */
	uint8_t shared;	      /* pcap belongs to the rx queue (iface=) */
	uint8_t error_logged; /* the first send or write error was logged */
	struct eth_pcap_queue_stats stats;
	struct eth_pcap_queue_base base;
	char name[PATH_MAX];
};

struct eth_pcap_internals {
	struct eth_pcap_rx_queue rxq[ETH_PCAP_MAX_QUEUES];
	struct eth_pcap_tx_queue txq[ETH_PCAP_MAX_QUEUES];
	uint16_t nb_rxq;
	uint16_t nb_txq;
	uint8_t phy_mac;
	uint8_t lsc_running; /* the LSC poll alarm re-arms itself */
	char link_iface[IF_NAMESIZE + 1];    /* "" for files only */
	struct rte_intr_handle *intr_handle; /* rx interrupts */
};

uint16_t
eth_pcap_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);
uint16_t
eth_pcap_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);

/* Opens a rx file (0 or -EINVAL, one log line). A FIFO gets
 * ETH_PCAP_FIFO_WAIT_MS for its writer to send the capture header. */
int eth_pcap_rx_file_open(struct eth_pcap_rx_queue *rxq);

/* Adds n to a counter of the queue's own lcore (single writer). */
static inline void
eth_pcap_count(uint64_t *counter, uint64_t n)
{
	/* Pairs with the relaxed loads of eth_pcap_counter_read(): a reader sees
	 * the old or the new value, never a torn one. */
	__atomic_store_n(counter,
		__atomic_load_n(counter, __ATOMIC_RELAXED) + n,
		__ATOMIC_RELAXED);
}

/* Reads a counter that another lcore writes. */
static inline uint64_t
eth_pcap_counter_read(const uint64_t *counter)
{
	return __atomic_load_n(counter, __ATOMIC_RELAXED);
}

/* The sysfs rx_dropped of iface, or 0 when it cannot be read. */
uint64_t eth_pcap_iface_rx_dropped(const char *iface);

/* The stats_get, stats_reset, xstats_get and xstats_get_names ops. */
int eth_pcap_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats);
int eth_pcap_stats_reset(struct rte_eth_dev *dev);
int eth_pcap_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n);
int eth_pcap_xstats_get_names(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *names, unsigned int size);

#endif /* ETH_PCAP_PRIVATE_H */
