/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ethtest: a test-only virtual PMD, compiled into the ethdev test
 * executables, that exercises ethdev the way a real driver does.
 *
 * Data path: Tx queue N of a port loops back to Rx queue N of the same
 * port. A Tx burst puts the mbufs on the Rx queue's loop (an rte_ring
 * with exactly as many slots as the Rx queue has descriptors); it takes
 * none while the port's link is down, either queue is stopped or the Rx
 * queue is missing, and only as many as fit. An Rx burst takes them off
 * again. Releasing an Rx queue frees the mbufs still on its loop.
 *
 * Device: 4 Rx and 4 Tx queues at most, 32..4096 descriptors in steps
 * of 32 (preferred: 128, 2 queues), MTU 68..9000, 4 MAC addresses, RSS
 * over IP/UDP/TCP with a 64-entry table and a 40-byte key, a firmware
 * version "ethtest 1.2.3", Rx interrupts (one eventfd per Rx queue) and
 * link state interrupts: rte_eth_dev_set_link_up/down() changes the link
 * from an EAL alarm, on the interrupt thread, which raises
 * RTE_ETH_EVENT_INTR_LSC when intr_conf.lsc is set.
 *
 * Device arguments: "lsc=0" removes RTE_ETH_DEV_INTR_LSC from the port's
 * flags; "mac=XX:XX:XX:XX:XX:XX" sets the default address (otherwise
 * 02:e7:00:00:00:<instance number>).
 *
 * Tests reach inside through ethtest_priv(): failure injection, call
 * counters, the "removed" flag.
 */
#ifndef ETHTEST_PMD_H
#define ETHTEST_PMD_H

#include <stdint.h>

#include <rte_ethdev.h>

#define ETHTEST_DRIVER_NAME "net_ethtest"
#define ETHTEST_MAX_QUEUES  4
#define ETHTEST_DESC_MIN    32
#define ETHTEST_DESC_MAX    4096
#define ETHTEST_DESC_ALIGN  32
#define ETHTEST_RING_SIZE   128
#define ETHTEST_NB_QUEUES   2
#define ETHTEST_MAX_MTU	    9000
#define ETHTEST_MAC_ADDRS   4
#define ETHTEST_RETA_SIZE   64
#define ETHTEST_KEY_SIZE    40
#define ETHTEST_FW_VERSION  "ethtest 1.2.3"
#define ETHTEST_NB_XSTATS   2
#define ETHTEST_NB_REGS	    16
#define ETHTEST_REG_VERSION 0x0102
/* What register i of instance n reads. */
#define ETHTEST_REG_VALUE(n, i) (0xe7000000u | ((uint32_t)(n) << 8) | (i))
#define ETHTEST_EEPROM_SIZE	64
#define ETHTEST_EEPROM_MAGIC	0xe7e7

/* Operations whose next call can be made to fail. */
enum ethtest_op {
	ETHTEST_OP_NONE = 0,
	ETHTEST_OP_CONFIGURE,
	ETHTEST_OP_START,
	ETHTEST_OP_STOP,
	ETHTEST_OP_CLOSE,
	ETHTEST_OP_RXQ_SETUP,
	ETHTEST_OP_TXQ_SETUP,
	ETHTEST_OP_PROMISC,
	ETHTEST_OP_ALLMULTI,
	ETHTEST_OP_MAC,
	ETHTEST_OP_MTU,
	ETHTEST_OP_STATS,
	ETHTEST_OP_INFO,
	ETHTEST_OP_VLAN, /* vlan_offload_set */
};

struct rte_intr_handle;

/* The port's private data (dev_private). */
struct ethtest_private {
	unsigned int instance;	    /* the number in "net_ethtestN" */
	enum ethtest_op fail_op;    /* next call of this op fails ... */
	int fail_err;		    /* ... with this (negative) error */
	int removed;		    /* is_removed answers this */
	int next_link_up;	    /* what the link alarm applies */
	unsigned int promisc_calls; /* promiscuous enable + disable */
	unsigned int allmulti_calls;
	unsigned int start_calls;
	unsigned int stop_calls;
	unsigned int reset_calls;
	unsigned int mac_removed_index; /* last mac_addr_remove index */
	uint32_t ptype_mask;		/* from dev_ptypes_set */
	uint32_t nb_mc_addrs;		/* from set_mc_addr_list */
	uint64_t loop_drops;		/* Tx packets refused (xstat) */
	uint64_t intr_wakeups;		/* eventfd writes (xstat) */
	uint64_t rss_hf;
	uint8_t rss_key[ETHTEST_KEY_SIZE];
	uint16_t reta[ETHTEST_RETA_SIZE];
	struct rte_intr_handle *intr_handle;
	int rx_efds[ETHTEST_MAX_QUEUES];
	unsigned int vlan_filter_calls;
	uint16_t last_vlan_id; /* from vlan_filter_set */
	int last_vlan_on;
	int vlan_offload_mask;	    /* from vlan_offload_set */
	uint32_t vlan_strip_queues; /* bit per Rx queue */
	uint16_t pvid;		    /* 0: none */
	struct rte_eth_fc_conf fc;
	uint8_t rx_stat_map[ETHTEST_MAX_QUEUES];
	uint8_t tx_stat_map[ETHTEST_MAX_QUEUES];
	uint8_t eeprom[ETHTEST_EEPROM_SIZE];
};

/* The private data of a net_ethtest port (NULL for any other port). */
struct ethtest_private *ethtest_priv(uint16_t port_id);

/* Makes the next call of op on the port fail with err (< 0). */
void ethtest_fail_next(uint16_t port_id, enum ethtest_op op, int err);

#endif /* ETHTEST_PMD_H */
