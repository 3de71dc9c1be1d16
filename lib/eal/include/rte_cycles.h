/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The cycle counter and busy-wait delays.
 *
 * The counter is the x86 TSC, the arm64 virtual counter (CNTVCT_EL0), or
 * elsewhere a nanosecond clock. It is assumed to tick at a constant rate
 * and to be synchronised across cores (x86 "invariant TSC"), so deltas
 * taken on different lcores may be compared.
 */
#ifndef _RTE_CYCLES_H_
#define _RTE_CYCLES_H_

#include <stdint.h>
/* DPDK's x86 headers pull <stdlib.h> in through the SSE intrinsics;
 * applications count on it (EXIT_FAILURE, malloc()). */
#include <stdlib.h>

#include <rte_atomic.h>
#include <rte_common.h>
#include <rte_debug.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MS_PER_S 1000	    /**< milliseconds per second */
#define US_PER_S 1000000    /**< microseconds per second */
#define NS_PER_S 1000000000 /**< nanoseconds per second */

/* For architectures with no counter of their own: CLOCK_MONOTONIC_RAW
 * in nanoseconds. Out of line so that this header needs no POSIX
 * declarations under strict -std=c11. */
uint64_t rte_cycles_fallback_ns(void);

/**
 * Reads the cycle counter. Not ordered with surrounding instructions:
 * the CPU may execute it early or late by a few dozen cycles. Use
 * rte_rdtsc_precise() when that matters.
 */
static inline uint64_t
rte_rdtsc(void)
{
#if defined(__x86_64__) || defined(__i386__)
	uint32_t low, high;

	__asm__ volatile("rdtsc" : "=a"(low), "=d"(high));
	return ((uint64_t)high << 32) | low;
#elif defined(__aarch64__)
	uint64_t ticks;

	__asm__ volatile("mrs %0, cntvct_el0" : "=r"(ticks));
	return ticks;
#else
	return rte_cycles_fallback_ns();
#endif
}

/**
 * Reads the cycle counter after every earlier load and store has
 * completed.
 */
static inline uint64_t
rte_rdtsc_precise(void)
{
#if defined(__aarch64__)
	/* ISB: the counter read cannot be issued ahead of earlier
	 * instructions. */
	__asm__ volatile("isb" ::: "memory");
#else
	rte_mb();
#endif
	return rte_rdtsc();
}

/** The cycle counter (same as rte_rdtsc()). */
static inline uint64_t
rte_get_tsc_cycles(void)
{
	return rte_rdtsc();
}

/**
 * The cycle counter's frequency in Hz.
 *
 * Known at rte_eal_init() when the CPU or hypervisor states it (CPUID);
 * otherwise measured against CLOCK_MONOTONIC_RAW between rte_eal_init()
 * and the first call to this function, which sleeps if needed so that
 * the window is at least 20 ms. Computed once; thread-safe.
 */
uint64_t rte_get_tsc_hz(void);

/** The default timer's counter (the TSC: there is no HPET support). */
static inline uint64_t
rte_get_timer_cycles(void)
{
	return rte_get_tsc_cycles();
}

/** The default timer's frequency in Hz (the TSC's). */
static inline uint64_t
rte_get_timer_hz(void)
{
	return rte_get_tsc_hz();
}

/**
 * Waits at least us microseconds. A variable, so that an application can
 * substitute its own wait (rte_delay_us_callback_register()); by default
 * it points to rte_delay_us_block().
 */
extern void (*rte_delay_us)(unsigned int us);

/** Waits at least ms milliseconds, through rte_delay_us. */
static inline void
rte_delay_ms(unsigned int ms)
{
	rte_delay_us(ms * 1000);
}

/** Busy-waits at least us microseconds (the CPU is not given up). */
void rte_delay_us_block(unsigned int us);

/** Sleeps at least us microseconds (the thread yields the CPU). */
void rte_delay_us_sleep(unsigned int us);

/**
 * Makes rte_delay_us call userfunc from now on. Passing
 * rte_delay_us_block restores the default.
 */
void rte_delay_us_callback_register(void (*userfunc)(unsigned int));

#ifdef __cplusplus
}
#endif

#endif /* _RTE_CYCLES_H_ */
