/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* Between eal_timer.c and eal_tsc_freq.c (and their unit test). */
#ifndef EAL_TIMER_PRIVATE_H
#define EAL_TIMER_PRIVATE_H

#include <stdint.h>

/*
 * The cycle counter's frequency in Hz as the CPU (or the hypervisor)
 * states it, without measuring; 0 when it does not say, or says
 * something implausible. Takes microseconds at most (a few CPUIDs, each
 * a VM exit in a guest).
 */
uint64_t eal_tsc_freq_from_cpu(void);

/*
 * Intel CPUID leaf 0x15 arithmetic: crystal_hz * numerator / denominator
 * (EAX = denominator, EBX = numerator, ECX = crystal). A zero crystal is
 * looked up by family 6 model; 0 when unknown or the ratio is missing.
 */
uint64_t eal_tsc_freq_leaf15(uint32_t denominator, uint32_t numerator,
	uint32_t crystal_hz, uint32_t family6_model);

/*
 * hz if it is a plausible TSC rate (100 MHz to 10 GHz) and, when
 * base_hz (CPUID leaf 0x16) is not 0, within 10 % of it; else 0.
 */
uint64_t eal_tsc_freq_plausible(uint64_t hz, uint64_t base_hz);

#endif /* EAL_TIMER_PRIVATE_H */
