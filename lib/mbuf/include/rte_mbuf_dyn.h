/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Dynamic mbuf fields and flags.
 *
 * A library, driver or application that needs per-packet data of its own
 * registers a named field (a size and an alignment) and gets back a byte
 * offset into struct rte_mbuf, or a named flag and gets back a bit number
 * in ol_flags. Everyone who registers the same name with the same
 * parameters gets the same answer, so a driver and an application agree
 * on where, say, the rx timestamp lives:
 *
 *   static const struct rte_mbuf_dynfield desc = {
 *           .name = "app_mark", .size = sizeof(uint32_t),
 *           .align = __alignof__(uint32_t),
 *   };
 *   int off = rte_mbuf_dynfield_register(&desc);
 *   *RTE_MBUF_DYNFIELD(m, off, uint32_t *) = 42;
 *
 * Fields come from the 36 bytes of mbuf->dynfield1 (offsets 92..127);
 * flags from ol_flags bits 23..40. The smallest free zone that fits is
 * chosen, so large aligned zones stay free for large fields. Nothing can
 * be unregistered. The registry lives in the process: it needs no EAL and
 * survives rte_eal_cleanup(). Registration functions are thread-safe.
 *
 * Names: "rte_mbuf_dynfield_<name>" in the mbuf library, "rte_<lib>_..."
 * in another library, "rte_net_<pmd>_..." in a driver, and anything not
 * starting with "rte_" in an application.
 */
#ifndef _RTE_MBUF_DYN_H_
#define _RTE_MBUF_DYN_H_

#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Room for a field or flag name, terminating NUL included. */
#define RTE_MBUF_DYN_NAMESIZE 64

/** What a dynamic field needs. */
struct rte_mbuf_dynfield {
	char name[RTE_MBUF_DYN_NAMESIZE]; /**< NUL-terminated name */
	size_t size;			  /**< bytes to reserve (>= 1) */
	size_t align;			  /**< alignment, a power of two */
	unsigned int flags;		  /**< must be 0 */
};

/** What a dynamic flag needs. */
struct rte_mbuf_dynflag {
	char name[RTE_MBUF_DYN_NAMESIZE]; /**< NUL-terminated name */
	unsigned int flags;		  /**< must be 0 */
};

/**
 * Reserves room for a field, wherever it fits best.
 *
 * @return
 *   The field's byte offset from the start of the mbuf (the same one for
 *   the same name and parameters), or -1 with rte_errno:
 *   EINVAL (params NULL, size 0 or >= sizeof(struct rte_mbuf), align not
 *   a power of two, flags not 0), ENAMETOOLONG (no NUL in name), EEXIST
 *   (the name is registered with other parameters), ENOENT (no room).
 */
int rte_mbuf_dynfield_register(const struct rte_mbuf_dynfield *params);

/**
 * rte_mbuf_dynfield_register() at a chosen offset (SIZE_MAX: anywhere).
 *
 * @return
 *   The offset, or -1 with rte_errno: those of
 *   rte_mbuf_dynfield_register(), EINVAL also for an offset that is not a
 *   multiple of align, EBUSY when [offset, offset + size) is not all free,
 *   EEXIST when the name is registered elsewhere.
 */
int rte_mbuf_dynfield_register_offset(const struct rte_mbuf_dynfield *params,
	size_t offset);

/**
 * Finds a registered field.
 *
 * @param params
 *   If not NULL, receives the field's parameters.
 * @return
 *   Its offset, or -1 with rte_errno ENOENT (or EINVAL when name is NULL).
 */
int
rte_mbuf_dynfield_lookup(const char *name, struct rte_mbuf_dynfield *params);

/**
 * Reserves a bit of ol_flags, the lowest free one.
 *
 * @return
 *   The bit number (the same one for the same name and parameters), or -1
 *   with rte_errno: EINVAL, ENAMETOOLONG, EEXIST as for fields, ENOENT
 *   when every dynamic bit is taken.
 */
int rte_mbuf_dynflag_register(const struct rte_mbuf_dynflag *params);

/**
 * rte_mbuf_dynflag_register() for a chosen bit (UINT_MAX: any).
 *
 * @return
 *   The bit number, or -1 with rte_errno: those of
 *   rte_mbuf_dynflag_register(), EINVAL also for bitnum >= 64, EBUSY when
 *   that bit is not free, EEXIST when the name holds another bit.
 */
int rte_mbuf_dynflag_register_bitnum(const struct rte_mbuf_dynflag *params,
	unsigned int bitnum);

/**
 * Finds a registered flag.
 *
 * @return
 *   Its bit number, or -1 with rte_errno ENOENT (or EINVAL when name is
 *   NULL).
 */
int rte_mbuf_dynflag_lookup(const char *name, struct rte_mbuf_dynflag *params);

/** Pointer of type type to the dynamic field at offset in mbuf m. */
#define RTE_MBUF_DYNFIELD(m, offset, type) ((type)((uintptr_t)(m) + (offset)))

/** Prints the registered fields and flags and the free room. */
void rte_mbuf_dyn_dump(FILE *out);

/* Well-known fields and flags. */

/** rte_flow metadata (uint32_t) and the flag saying it is valid. */
#define RTE_MBUF_DYNFIELD_METADATA_NAME "rte_flow_dynfield_metadata"
#define RTE_MBUF_DYNFLAG_METADATA_NAME	"rte_flow_dynflag_metadata"

/** Timestamp field (rte_mbuf_timestamp_t), in a unit the driver defines. */
#define RTE_MBUF_DYNFIELD_TIMESTAMP_NAME "rte_dynfield_timestamp"
typedef uint64_t rte_mbuf_timestamp_t;

/** Set on receive when the timestamp field holds the rx time. */
#define RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME "rte_dynflag_rx_timestamp"

/**
 * Registers the timestamp field and the rx timestamp flag.
 *
 * @param field_offset
 *   If not NULL, receives the field's offset.
 * @param rx_flag
 *   If not NULL, receives the flag's mask (1 << bit).
 * @return
 *   0, or -1 with rte_errno from the registration that failed.
 */
int rte_mbuf_dyn_rx_timestamp_register(int *field_offset, uint64_t *rx_flag);

/** Set on transmit to ask the driver to send at the timestamp field. */
#define RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME "rte_dynflag_tx_timestamp"

/** rte_mbuf_dyn_rx_timestamp_register() for the tx timestamp flag. */
int rte_mbuf_dyn_tx_timestamp_register(int *field_offset, uint64_t *tx_flag);

/** IP reassembly result field and its "incomplete" flag. */
#define RTE_MBUF_DYNFIELD_IP_REASSEMBLY_NAME "rte_dynfield_ip_reassembly"
#define RTE_MBUF_DYNFLAG_IP_REASSEMBLY_INCOMPLETE_NAME \
	"rte_dynflag_ip_reassembly_incomplete"

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_DYN_H_ */
