/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* net_pcap link state, LSC polling and rx interrupts (pcap_link.c). */
#ifndef ETH_PCAP_LINK_H
#define ETH_PCAP_LINK_H

#include <stdint.h>

struct rte_eth_dev;

/* The link_update operation: 0 when link_status changed, else -1. */
int eth_pcap_link_update(struct rte_eth_dev *dev, int wait_to_complete);

/* Starts (when intr_conf.lsc is set on an interface) and stops the poll
 * that raises LSC events. 0 or a negative errno (one log line). */
int eth_pcap_lsc_start(struct rte_eth_dev *dev);
void eth_pcap_lsc_stop(struct rte_eth_dev *dev);

/* Wires (when intr_conf.rxq is set) each rx queue's selectable fd to
 * dev->intr_handle, and takes them off again. */
int eth_pcap_rx_intr_start(struct rte_eth_dev *dev);
void eth_pcap_rx_intr_stop(struct rte_eth_dev *dev);

/* The rx_queue_intr_enable/disable operations. */
int eth_pcap_rx_intr_enable(struct rte_eth_dev *dev, uint16_t queue_id);
int eth_pcap_rx_intr_disable(struct rte_eth_dev *dev, uint16_t queue_id);

#endif /* ETH_PCAP_LINK_H */
