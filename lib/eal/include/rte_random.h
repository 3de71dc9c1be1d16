/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Fast pseudo-random numbers (xoshiro256**), NOT for cryptography.
 *
 * Each lcore draws from its own generator, so the calls below need no
 * lock on EAL threads; threads without an lcore id share one generator
 * behind a spinlock. The generators are seeded from the cycle counter at
 * start-up, so every run differs unless rte_srand() is called.
 */
#ifndef _RTE_RANDOM_H_
#define _RTE_RANDOM_H_

#include <stdint.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Re-seeds every generator from seedval, so that each lcore's sequence
 * repeats from one run to the next. Must not run while other threads
 * draw numbers.
 */
void rte_srand(uint64_t seedval);

/** @return 64 uniformly distributed random bits. */
uint64_t rte_rand(void);

/**
 * @return a uniformly distributed integer in [0, upper_bound), without
 *   modulo bias; 0 when upper_bound is 0.
 */
uint64_t rte_rand_max(uint64_t upper_bound);

/** @return a uniformly distributed double in [0.0, 1.0). */
__rte_experimental double rte_drand(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RANDOM_H_ */
