/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Byte order: swaps, CPU <-> big/little-endian conversions, and types
 * that document which order a stored value is in.
 *
 * Every conversion is a macro over a compiler builtin, so a constant
 * argument folds to a constant. RTE_BE16() and friends are the forms for
 * static initialisers (they need a constant argument).
 */
#ifndef _RTE_BYTEORDER_H_
#define _RTE_BYTEORDER_H_

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_BIG_ENDIAN	  1
#define RTE_LITTLE_ENDIAN 2

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define RTE_BYTE_ORDER RTE_BIG_ENDIAN
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define RTE_BYTE_ORDER RTE_LITTLE_ENDIAN
#else
#error "rte_byteorder.h: cannot tell this target's byte order"
#endif

/* Values in a known byte order (what protocol headers hold). */
typedef uint16_t rte_be16_t; /**< 16 bits, big-endian (network order) */
typedef uint32_t rte_be32_t; /**< 32 bits, big-endian */
typedef uint64_t rte_be64_t; /**< 64 bits, big-endian */
typedef uint16_t rte_le16_t; /**< 16 bits, little-endian */
typedef uint32_t rte_le32_t; /**< 32 bits, little-endian */
typedef uint64_t rte_le64_t; /**< 64 bits, little-endian */

/* Swaps written with shifts only: valid in integer constant expressions
 * (case labels, array sizes, static initialisers). */
#define RTE_STATIC_BSWAP16(v) \
	((uint16_t)((((uint16_t)(v)&UINT16_C(0x00ff)) << 8) | \
		(((uint16_t)(v)&UINT16_C(0xff00)) >> 8)))
#define RTE_STATIC_BSWAP32(v) \
	((uint32_t)((((uint32_t)(v)&UINT32_C(0x000000ff)) << 24) | \
		(((uint32_t)(v)&UINT32_C(0x0000ff00)) << 8) | \
		(((uint32_t)(v)&UINT32_C(0x00ff0000)) >> 8) | \
		(((uint32_t)(v)&UINT32_C(0xff000000)) >> 24)))
#define RTE_STATIC_BSWAP64(v) \
	((uint64_t)(((uint64_t)RTE_STATIC_BSWAP32( \
			     (uint64_t)(v)&UINT64_C(0xffffffff)) \
			    << 32) | \
		(uint64_t)RTE_STATIC_BSWAP32((uint64_t)(v) >> 32)))

/* Byte swaps (the builtins fold constants and use BSWAP/ROL/REV). */
#define rte_bswap16(x) ((uint16_t)__builtin_bswap16((uint16_t)(x)))
#define rte_bswap32(x) ((uint32_t)__builtin_bswap32((uint32_t)(x)))
#define rte_bswap64(x) ((uint64_t)__builtin_bswap64((uint64_t)(x)))

/* The same, as functions (some code takes their address). */
static inline uint16_t
rte_constant_bswap16(uint16_t x)
{
	return RTE_STATIC_BSWAP16(x);
}

static inline uint32_t
rte_constant_bswap32(uint32_t x)
{
	return RTE_STATIC_BSWAP32(x);
}

static inline uint64_t
rte_constant_bswap64(uint64_t x)
{
	return RTE_STATIC_BSWAP64(x);
}

#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN

#define RTE_BE16(v) ((rte_be16_t)RTE_STATIC_BSWAP16(v))
#define RTE_BE32(v) ((rte_be32_t)RTE_STATIC_BSWAP32(v))
#define RTE_BE64(v) ((rte_be64_t)RTE_STATIC_BSWAP64(v))
#define RTE_LE16(v) ((rte_le16_t)(v))
#define RTE_LE32(v) ((rte_le32_t)(v))
#define RTE_LE64(v) ((rte_le64_t)(v))

#define rte_cpu_to_le_16(x) (x)
#define rte_cpu_to_le_32(x) (x)
#define rte_cpu_to_le_64(x) (x)
#define rte_le_to_cpu_16(x) (x)
#define rte_le_to_cpu_32(x) (x)
#define rte_le_to_cpu_64(x) (x)

#define rte_cpu_to_be_16(x) rte_bswap16(x)
#define rte_cpu_to_be_32(x) rte_bswap32(x)
#define rte_cpu_to_be_64(x) rte_bswap64(x)
#define rte_be_to_cpu_16(x) rte_bswap16(x)
#define rte_be_to_cpu_32(x) rte_bswap32(x)
#define rte_be_to_cpu_64(x) rte_bswap64(x)

#else /* big-endian CPU */

#define RTE_BE16(v) ((rte_be16_t)(v))
#define RTE_BE32(v) ((rte_be32_t)(v))
#define RTE_BE64(v) ((rte_be64_t)(v))
#define RTE_LE16(v) ((rte_le16_t)RTE_STATIC_BSWAP16(v))
#define RTE_LE32(v) ((rte_le32_t)RTE_STATIC_BSWAP32(v))
#define RTE_LE64(v) ((rte_le64_t)RTE_STATIC_BSWAP64(v))

#define rte_cpu_to_le_16(x) rte_bswap16(x)
#define rte_cpu_to_le_32(x) rte_bswap32(x)
#define rte_cpu_to_le_64(x) rte_bswap64(x)
#define rte_le_to_cpu_16(x) rte_bswap16(x)
#define rte_le_to_cpu_32(x) rte_bswap32(x)
#define rte_le_to_cpu_64(x) rte_bswap64(x)

#define rte_cpu_to_be_16(x) (x)
#define rte_cpu_to_be_32(x) (x)
#define rte_cpu_to_be_64(x) (x)
#define rte_be_to_cpu_16(x) (x)
#define rte_be_to_cpu_32(x) (x)
#define rte_be_to_cpu_64(x) (x)

#endif

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BYTEORDER_H_ */
