/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Single-bit operations on 32- and 64-bit words.
 *
 * The "relaxed" operations are plain volatile accesses: they are not
 * atomic and order nothing. Use them on words that only one thread
 * writes (device registers, per-lcore state), or under a lock.
 * nr is the bit index, 0 = least significant; it must be below the
 * word's width (checked by RTE_ASSERT in debug builds).
 */
#ifndef _RTE_BITOPS_H_
#define _RTE_BITOPS_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_debug.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTE_BIT64
/** The 64-bit value with only bit nr set. */
#define RTE_BIT64(nr) (UINT64_C(1) << (nr))
#endif

#ifndef RTE_BIT32
/** The 32-bit value with only bit nr set. */
#define RTE_BIT32(nr) (UINT32_C(1) << (nr))
#endif

/** @return the bit nr of *addr, in place (0 or RTE_BIT32(nr)). */
static inline uint32_t
rte_bit_relaxed_get32(unsigned int nr, volatile uint32_t *addr)
{
	RTE_ASSERT(nr < 32);
	return *addr & RTE_BIT32(nr);
}

/** Sets bit nr of *addr. */
static inline void
rte_bit_relaxed_set32(unsigned int nr, volatile uint32_t *addr)
{
	RTE_ASSERT(nr < 32);
	*addr = *addr | RTE_BIT32(nr);
}

/** Clears bit nr of *addr. */
static inline void
rte_bit_relaxed_clear32(unsigned int nr, volatile uint32_t *addr)
{
	RTE_ASSERT(nr < 32);
	*addr = *addr & ~RTE_BIT32(nr);
}

/** Sets bit nr of *addr; @return its previous value, in place. */
static inline uint32_t
rte_bit_relaxed_test_and_set32(unsigned int nr, volatile uint32_t *addr)
{
	uint32_t old = *addr;

	RTE_ASSERT(nr < 32);
	*addr = old | RTE_BIT32(nr);
	return old & RTE_BIT32(nr);
}

/** Clears bit nr of *addr; @return its previous value, in place. */
static inline uint32_t
rte_bit_relaxed_test_and_clear32(unsigned int nr, volatile uint32_t *addr)
{
	uint32_t old = *addr;

	RTE_ASSERT(nr < 32);
	*addr = old & ~RTE_BIT32(nr);
	return old & RTE_BIT32(nr);
}

/** @return the bit nr of *addr, in place (0 or RTE_BIT64(nr)). */
static inline uint64_t
rte_bit_relaxed_get64(unsigned int nr, volatile uint64_t *addr)
{
	RTE_ASSERT(nr < 64);
	return *addr & RTE_BIT64(nr);
}

/** Sets bit nr of *addr. */
static inline void
rte_bit_relaxed_set64(unsigned int nr, volatile uint64_t *addr)
{
	RTE_ASSERT(nr < 64);
	*addr = *addr | RTE_BIT64(nr);
}

/** Clears bit nr of *addr. */
static inline void
rte_bit_relaxed_clear64(unsigned int nr, volatile uint64_t *addr)
{
	RTE_ASSERT(nr < 64);
	*addr = *addr & ~RTE_BIT64(nr);
}

/** Sets bit nr of *addr; @return its previous value, in place. */
static inline uint64_t
rte_bit_relaxed_test_and_set64(unsigned int nr, volatile uint64_t *addr)
{
	uint64_t old = *addr;

	RTE_ASSERT(nr < 64);
	*addr = old | RTE_BIT64(nr);
	return old & RTE_BIT64(nr);
}

/** Clears bit nr of *addr; @return its previous value, in place. */
static inline uint64_t
rte_bit_relaxed_test_and_clear64(unsigned int nr, volatile uint64_t *addr)
{
	uint64_t old = *addr;

	RTE_ASSERT(nr < 64);
	*addr = old & ~RTE_BIT64(nr);
	return old & RTE_BIT64(nr);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BITOPS_H_ */
