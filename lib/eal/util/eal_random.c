/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_rand() and friends: one xoshiro256** generator per lcore
 * (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", 2021), plus one shared by threads without an lcore id.
 * Each generator's 256-bit state is filled from splitmix64, which turns
 * one 64-bit seed into well-mixed, never all-zero words; every generator
 * gets its own stretch of the splitmix64 sequence, so no two start
 * alike.
 */
#include <stdint.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_lcore.h>
#include <rte_random.h>
#include <rte_spinlock.h>

/* Kept on its own cache line: each lcore writes its state on every draw. */
struct rand_state {
	uint64_t word[4];
} __rte_cache_aligned;

static struct rand_state rand_lcore_states[RTE_MAX_LCORE];
static struct rand_state rand_shared_state;
static rte_spinlock_t rand_shared_lock = RTE_SPINLOCK_INITIALIZER;

/* splitmix64's increment (2^64 divided by the golden ratio). */
#define RAND_SPLITMIX_GAMMA UINT64_C(0x9e3779b97f4a7c15)

/* splitmix64: advances *counter and returns a mixed output. */
static uint64_t
rand_splitmix64(uint64_t *counter)
{
	uint64_t z;

	*counter += RAND_SPLITMIX_GAMMA;
	z = *counter;
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Generator "stream" uses splitmix64 steps 4*stream+1 .. 4*stream+4. */
static void
rand_state_seed(struct rand_state *state, uint64_t seed, uint64_t stream)
{
	uint64_t counter = seed +
		stream * RTE_DIM(state->word) * RAND_SPLITMIX_GAMMA;
	unsigned int i;

	for (i = 0; i < RTE_DIM(state->word); i++)
		state->word[i] = rand_splitmix64(&counter);
}

static inline uint64_t
rand_rotl(uint64_t x, unsigned int bits)
{
	return (x << bits) | (x >> (64 - bits));
}

/* One xoshiro256** step. */
static uint64_t
rand_next(struct rand_state *state)
{
	uint64_t *s = state->word;
	uint64_t result = rand_rotl(s[1] * 5, 7) * 9;
	uint64_t shifted = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= shifted;
	s[3] = rand_rotl(s[3], 45);
	return result;
}

void
rte_srand(uint64_t seedval)
{
	unsigned int lcore_id;

	for (lcore_id = 0; lcore_id < RTE_MAX_LCORE; lcore_id++)
		rand_state_seed(&rand_lcore_states[lcore_id], seedval, lcore_id);
	rte_spinlock_lock(&rand_shared_lock);
	rand_state_seed(&rand_shared_state, seedval, RTE_MAX_LCORE);
	rte_spinlock_unlock(&rand_shared_lock);
}

uint64_t
rte_rand(void)
{
	unsigned int lcore_id = rte_lcore_id();
	uint64_t value;

	/* Only the thread owning an lcore id uses that lcore's state. */
	if (likely(lcore_id < RTE_MAX_LCORE))
		return rand_next(&rand_lcore_states[lcore_id]);

	rte_spinlock_lock(&rand_shared_lock);
	value = rand_next(&rand_shared_state);
	rte_spinlock_unlock(&rand_shared_lock);
	return value;
}

uint64_t
rte_rand_max(uint64_t upper_bound)
{
	uint64_t mask;
	uint64_t value;

	if (upper_bound == 0)
		return 0;
	mask = upper_bound - 1;
	if ((upper_bound & mask) == 0)
		return rte_rand() & mask;

	/* Draw in the smallest power-of-two range that covers the bound
	 * and retry when above it: no modulo bias, and fewer than two
	 * draws on average since the range is under twice the bound. */
	mask = UINT64_MAX >> __builtin_clzll(mask);
	do {
		value = rte_rand() & mask;
	} while (value >= upper_bound);
	return value;
}

double
rte_drand(void)
{
	/* The top 53 bits fill a double's mantissa exactly; scaling by
	 * 2^-53 gives a multiple of 2^-53 in [0, 1). */
	return (double)(rte_rand() >> 11) * (1.0 / 9007199254740992.0);
}

/* Every run starts from a different seed. */
RTE_INIT(rand_init)
{
	rte_srand(rte_rdtsc());
}
