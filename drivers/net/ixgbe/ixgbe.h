/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe private definitions: the adapter, the queues, register
 * access, and the functions shared by the driver's files.
 *
 *   ixgbe_ethdev.c  probe, the datasheet init walk, start/stop/close
 *   ixgbe_ctrl.c    configure, device info, filters, MAC, MTU, RSS,
 *                   statistics, the ops table
 *   ixgbe_intr.c    LSC and Rx interrupts
 *   ixgbe_rxtx.c    queues and the burst functions (the data path)
 */
#ifndef IXGBE_H
#define IXGBE_H

#include <errno.h> /* IXGBE_ERR and ixgbe_wait_reg deal in -errno */
#include <stdbool.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_atomic.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <ethdev_driver.h>

#include "ixgbe_regs.h"

#define IXGBE_LOG(level, fmt, ...) \
	RTE_LOG(level, PMD, "net_ixgbe: " fmt "\n", ##__VA_ARGS__)
/* Logs one line "net_ixgbe: <port>: <message>"; its value is ret. */
#define IXGBE_ERR(dev, ret, fmt, ...) \
	(IXGBE_LOG(ERR, "%s: " fmt, (dev)->data->name, ##__VA_ARGS__), (ret))

/* Rings: RDLEN/TDLEN are 128-byte multiples (8 descriptors); the
 * upper bound is this driver's (DPDK 22.11's as well). */
#define IXGBE_RING_ALIGN     8
#define IXGBE_RING_MIN	     32
#define IXGBE_RING_MAX	     4096
#define IXGBE_RING_DEFAULT   512
#define IXGBE_MAX_QUEUES     64 /* queue registers below 0x0D000 */
#define IXGBE_RX_FREE_THRESH 32 /* refill in bulks of at least this */
#define IXGBE_TX_RS_THRESH   32 /* RS every this many descriptors */
/* 82599 jumbo frames up to 15.5 KB (datasheet, product features). */
#define IXGBE_MAX_FRAME	     15872
#define IXGBE_FRAME_OVERHEAD (RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN)
#define IXGBE_NB_COUNTERS    31 /* ixgbe_counters[], ixgbe_ctrl.c */

/* How the link is brought up (ixgbe_ethdev.c, by PCI device id). */
enum ixgbe_link_kind {
	IXGBE_LINK_82599_SFI,	 /* AUTOC.LMS forced to 10G serial */
	IXGBE_LINK_82599_EEPROM, /* AUTOC from the EEPROM, AN restart */
	IXGBE_LINK_X540_PHY,	 /* X540: the PHY negotiates */
	IXGBE_LINK_X550_PHY,	 /* X550: same, and 2.5G/5G speeds */
};

struct ixgbe_adapter {
	uint8_t *bar; /* BAR0, mapped by the PCI bus */
	enum ixgbe_link_kind link_kind;
	bool lsc_registered;
	uint32_t rx_intr_mask; /* EIMS bits of Rx vectors in use */
	uint8_t rss_key[IXGBE_RSS_KEY_SIZE];
	uint8_t reta[IXGBE_RETA_SIZE];
	bool reta_set;	 /* by the application */
	uint64_t rss_hf; /* RTE_ETH_RSS_* in force */
	/* The clear-on-read counters, accumulated (ixgbe_ctrl.c). */
	uint64_t stats[IXGBE_NB_COUNTERS];
	uint64_t qprc[IXGBE_NB_QSTATS], qptc[IXGBE_NB_QSTATS];
};

struct ixgbe_rx_queue {
	volatile union ixgbe_rx_desc *ring;
	volatile uint32_t *rdt; /* tail doorbell */
	struct rte_mempool *pool;
	struct rte_mbuf *pkt_first; /* packet in progress (no EOP yet) */
	struct rte_mbuf *pkt_last;
	uint16_t nb_desc;
	uint16_t next;	      /* next descriptor to look at */
	uint16_t nb_hold;     /* taken, not yet refilled */
	uint16_t rdt_value;   /* last armed slot, RDT */
	uint16_t free_thresh; /* refill when nb_hold reaches it */
	uint16_t buf_len;     /* SRRCTL.BSIZEPACKET in bytes */
	uint16_t port_id;
	bool rss_hash;
	uint64_t *nombuf; /* &dev->data->rx_mbuf_alloc_failed */
	const struct rte_memzone *mz;
	struct rte_mbuf *sw_ring[]; /* mbuf of each descriptor, or NULL */
};

struct ixgbe_tx_queue {
	volatile struct ixgbe_tx_desc *ring;
	uint16_t *rs_fifo; /* descriptors that carry RS, in order */
	volatile uint32_t *tdt;
	uint16_t nb_desc;
	uint16_t next; /* next free descriptor */
	uint16_t nb_free;
	uint16_t clean;		   /* oldest descriptor not reclaimed */
	uint16_t since_rs;	   /* descriptors since the last RS */
	uint16_t rs_thresh;	   /* RS at least every this many */
	uint16_t free_thresh;	   /* reclaim below this many free */
	uint16_t rs_head, rs_tail; /* rs_fifo, nb_desc entries */
	const struct rte_memzone *mz;
	struct rte_mbuf *sw_ring[]; /* packet at its EOP descriptor, or NULL */
};

static inline struct ixgbe_adapter *
ixgbe_adapter(const struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static inline uint32_t
ixgbe_read(const struct ixgbe_adapter *ad, uint32_t reg)
{
	return *(volatile const uint32_t *)(const void *)(ad->bar + reg);
}

static inline void
ixgbe_write(const struct ixgbe_adapter *ad, uint32_t reg, uint32_t value)
{
	*(volatile uint32_t *)(void *)(ad->bar + reg) = value;
}

/* Sets (on) or clears the given bits of a register. */
static inline void
ixgbe_set_bits(const struct ixgbe_adapter *ad, uint32_t reg, uint32_t bits,
	bool on)
{
	uint32_t value = ixgbe_read(ad, reg) & ~bits;

	ixgbe_write(ad, reg, on ? value | bits : value);
}

/* n bytes into consecutive registers from reg, byte 4i + j in bits
 * 8j+7:8j of register i: RSSRK (the key), RETA (the table),
 * RAL, RQSMR/TQSM. */
static inline void
ixgbe_write_bytes(const struct ixgbe_adapter *ad, uint32_t reg,
	const uint8_t *b, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i += 4)
		ixgbe_write(ad, reg + i,
			(uint32_t)b[i] | (uint32_t)b[i + 1] << 8 |
				(uint32_t)b[i + 2] << 16 |
				(uint32_t)b[i + 3] << 24);
}

/* Polls reg until (value & mask) == want, for at most timeout_ms: 0 or
 * -ETIMEDOUT. */
int ixgbe_wait_reg(const struct ixgbe_adapter *ad, uint32_t reg, uint32_t mask,
	uint32_t want, unsigned int timeout_ms);

/* ixgbe_ethdev.c */
int ixgbe_dev_start(struct rte_eth_dev *dev);
int ixgbe_dev_stop(struct rte_eth_dev *dev);
int ixgbe_dev_close(struct rte_eth_dev *dev);

/* ixgbe_rxtx.c */
int ixgbe_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *conf, struct rte_mempool *pool);
int ixgbe_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_txconf *conf);
void ixgbe_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id);
void ixgbe_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id);
int ixgbe_rx_queue_start(struct rte_eth_dev *dev, uint16_t queue_id);
int ixgbe_rx_queue_stop(struct rte_eth_dev *dev, uint16_t queue_id);
int ixgbe_tx_queue_start(struct rte_eth_dev *dev, uint16_t queue_id);
int ixgbe_tx_queue_stop(struct rte_eth_dev *dev, uint16_t queue_id);
uint16_t ixgbe_recv_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);
uint16_t ixgbe_xmit_pkts(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);

/* ixgbe_ctrl.c: settings the init walk uses, and the ops table */
extern const struct eth_dev_ops ixgbe_ops;
void ixgbe_rss_program(struct rte_eth_dev *dev);
int ixgbe_stats_reset(struct rte_eth_dev *dev);
int ixgbe_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac);
int ixgbe_mtu_set(struct rte_eth_dev *dev, uint16_t mtu);

/* ixgbe_intr.c */
int ixgbe_intr_start(struct rte_eth_dev *dev);
void ixgbe_intr_stop(struct rte_eth_dev *dev);
int ixgbe_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t queue_id);
int ixgbe_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t queue_id);
int ixgbe_link_update(struct rte_eth_dev *dev, int wait_to_complete);

#endif /* IXGBE_H */
