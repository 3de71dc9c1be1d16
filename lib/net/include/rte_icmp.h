/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The ICMP echo header as on the wire.
 */
#ifndef _RTE_ICMP_H_
#define _RTE_ICMP_H_

#include <stdint.h>

#include <rte_byteorder.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The ICMP header of echo messages (8 bytes). */
struct rte_icmp_hdr {
	uint8_t icmp_type;	/**< message type */
	uint8_t icmp_code;	/**< message code */
	rte_be16_t icmp_cksum;	/**< checksum of the ICMP message */
	rte_be16_t icmp_ident;	/**< echo identifier */
	rte_be16_t icmp_seq_nb; /**< echo sequence number */
} __rte_packed;

#define RTE_IP_ICMP_ECHO_REPLY	 0 /**< echo reply type */
#define RTE_IP_ICMP_ECHO_REQUEST 8 /**< echo request type */

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ICMP_H_ */
