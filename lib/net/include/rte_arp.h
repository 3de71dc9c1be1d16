/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The ARP packet for IPv4 over Ethernet, as on the wire.
 */
#ifndef _RTE_ARP_H_
#define _RTE_ARP_H_

#include <stdint.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ether.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The addresses of an IPv4-over-Ethernet ARP message. */
struct rte_arp_ipv4 {
	struct rte_ether_addr arp_sha; /**< sender hardware address */
	rte_be32_t arp_sip;	       /**< sender IPv4 address */
	struct rte_ether_addr arp_tha; /**< target hardware address */
	rte_be32_t arp_tip;	       /**< target IPv4 address */
} __rte_packed __rte_aligned(2);

/** An ARP message (28 bytes). */
struct rte_arp_hdr {
	rte_be16_t arp_hardware;      /**< hardware type */
#define RTE_ARP_HRD_ETHER 1	      /**< Ethernet hardware type */
	rte_be16_t arp_protocol;      /**< protocol type (EtherType) */
	uint8_t arp_hlen;	      /**< hardware address length */
	uint8_t arp_plen;	      /**< protocol address length */
	rte_be16_t arp_opcode;	      /**< RTE_ARP_OP_* */
#define RTE_ARP_OP_REQUEST    1	      /**< request */
#define RTE_ARP_OP_REPLY      2	      /**< reply */
#define RTE_ARP_OP_REVREQUEST 3	      /**< reverse request */
#define RTE_ARP_OP_REVREPLY   4	      /**< reverse reply */
#define RTE_ARP_OP_INVREQUEST 8	      /**< inverse request */
#define RTE_ARP_OP_INVREPLY   9	      /**< inverse reply */
	struct rte_arp_ipv4 arp_data; /**< the addresses */
} __rte_packed __rte_aligned(2);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ARP_H_ */
