/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Private to net_ethtest: its queues, and the calls between its control
 * file (ethtest_pmd.c) and its data path (ethtest_rxtx.c).
 */
#ifndef ETHTEST_INTERNAL_H
#define ETHTEST_INTERNAL_H

#include <stdint.h>

#include <ethdev_driver.h>

#include "ethtest_pmd.h"

struct rte_ring;

/* An Rx queue: the loop its Tx queue feeds, and what it was set up with. */
struct ethtest_rxq {
	struct rte_eth_dev_data *data; /* the port */
	struct ethtest_private *priv;
	uint16_t queue_id;
	uint16_t nb_desc;
	struct rte_mempool *mp;
	struct rte_ring *loop;
	struct rte_eth_rxconf conf;
	int intr_armed; /* rx_queue_intr_enable'd */
	uint64_t packets;
	uint64_t bytes;
};

/* A Tx queue. */
struct ethtest_txq {
	struct rte_eth_dev_data *data;
	struct ethtest_private *priv;
	uint16_t queue_id;
	uint16_t nb_desc;
	struct rte_eth_txconf conf;
	uint64_t packets;
	uint64_t bytes;
};

/* VLAN, flow control, stats mapping, burst mode, registers, EEPROM
 * (ethtest_devops.c). */
int ethtest_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
int ethtest_vlan_offload_set(struct rte_eth_dev *dev, int mask);
void ethtest_vlan_strip_queue_set(struct rte_eth_dev *dev, uint16_t queue_id,
	int on);
int ethtest_vlan_pvid_set(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
int ethtest_flow_ctrl_get(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc);
int ethtest_flow_ctrl_set(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc);
int ethtest_queue_stats_mapping_set(struct rte_eth_dev *dev, uint16_t queue_id,
	uint8_t stat_idx, uint8_t is_rx);
int ethtest_rx_burst_mode_get(struct rte_eth_dev *dev, uint16_t queue_id,
	struct rte_eth_burst_mode *mode);
int ethtest_get_reg(struct rte_eth_dev *dev, struct rte_dev_reg_info *info);
int ethtest_get_eeprom_length(struct rte_eth_dev *dev);
int
ethtest_get_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info);
int
ethtest_set_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info);

/* Burst functions and descriptor counting (ethtest_rxtx.c). */
uint16_t ethtest_rx_burst(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t ethtest_tx_burst(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint16_t ethtest_tx_prepare(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint32_t ethtest_rx_queue_count(void *rxq);

/* Queue ops (ethtest_rxtx.c). */
int ethtest_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *conf, struct rte_mempool *mp);
int ethtest_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc, unsigned int socket_id,
	const struct rte_eth_txconf *conf);
void ethtest_rx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id);
void ethtest_tx_queue_release(struct rte_eth_dev *dev, uint16_t queue_id);
void ethtest_rxq_info_get(struct rte_eth_dev *dev, uint16_t queue_id,
	struct rte_eth_rxq_info *qinfo);
void ethtest_txq_info_get(struct rte_eth_dev *dev, uint16_t queue_id,
	struct rte_eth_txq_info *qinfo);

/* 1 (and the op is disarmed) when the next call of op must fail. */
int ethtest_should_fail(struct ethtest_private *priv, enum ethtest_op op);

#endif /* ETHTEST_INTERNAL_H */
