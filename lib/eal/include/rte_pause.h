/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Spin-wait helpers: a CPU hint for busy loops, and loops that wait for a
 * memory location to take a given value.
 */
#ifndef _RTE_PAUSE_H_
#define _RTE_PAUSE_H_

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Tells the CPU that the caller is in a spin loop. On x86 this is PAUSE,
 * which saves power and lets the sibling hyper-thread run; on arm64 it
 * is YIELD. Elsewhere it only stops the compiler from collapsing the
 * loop.
 */
static inline void
rte_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	__asm__ volatile("yield" ::: "memory");
#else
	__asm__ volatile("" ::: "memory");
#endif
}

/*
 * The waits below re-load *addr with the given memory order until it
 * equals "expected". memorder is __ATOMIC_RELAXED, or __ATOMIC_ACQUIRE
 * when the caller then reads data published by the store it waited for
 * (that store must then be a release store).
 */

/** Spins until the 16-bit *addr equals expected. */
static __rte_always_inline void
rte_wait_until_equal_16(volatile uint16_t *addr, uint16_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

/** Spins until the 32-bit *addr equals expected. */
static __rte_always_inline void
rte_wait_until_equal_32(volatile uint32_t *addr, uint32_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

/** Spins until the 64-bit *addr equals expected. */
static __rte_always_inline void
rte_wait_until_equal_64(volatile uint64_t *addr, uint64_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

/**
 * Spins until (*addr & mask) cond expected holds, where cond is == or !=
 * and *addr is a 16-, 32- or 64-bit integer; memorder as above.
 * Example: RTE_WAIT_UNTIL_MASKED(&reg, 0x1, ==, 0, __ATOMIC_ACQUIRE).
 */
#define RTE_WAIT_UNTIL_MASKED(addr, mask, cond, expected, memorder) \
	do { \
		RTE_BUILD_BUG_ON(!__builtin_constant_p(memorder)); \
		RTE_BUILD_BUG_ON((memorder) != __ATOMIC_ACQUIRE && \
			(memorder) != __ATOMIC_RELAXED); \
		while (!((__atomic_load_n((addr), (memorder)) & (mask)) \
				cond(expected))) \
			rte_pause(); \
	} while (0)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PAUSE_H_ */
