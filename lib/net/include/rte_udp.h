/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The UDP header as on the wire.
 */
#ifndef _RTE_UDP_H_
#define _RTE_UDP_H_

#include <stdint.h>

#include <rte_byteorder.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The UDP header (8 bytes); every field big-endian. */
struct rte_udp_hdr {
	rte_be16_t src_port;	/**< source port */
	rte_be16_t dst_port;	/**< destination port */
	rte_be16_t dgram_len;	/**< header and payload bytes */
	rte_be16_t dgram_cksum; /**< checksum, 0 when not computed */
} __rte_packed;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_UDP_H_ */
