/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_rand and friends: bounds, rough uniformity (with bounds loose
 * enough that a correct generator fails them with negligible
 * probability), reproducibility, and one stream per lcore.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <rte_lcore.h>
#include <rte_random.h>

#include "test_helpers.h"

#define TEST_DRAWS 1000000
#define TEST_BINS  100

static void
test_rand_max_bounds(void **state)
{
	/* clang-format off */
	static const uint64_t bounds[] = {
		1, 2, 3, 7, 10, 1000, (UINT64_C(1) << 32) + 1,
		(UINT64_C(1) << 63) + 1, UINT64_MAX,
	};
	/* clang-format on */
	unsigned int b;
	int i;

	(void)state;
	assert_int_equal(rte_rand_max(0), 0);
	for (b = 0; b < RTE_DIM(bounds); b++)
		for (i = 0; i < TEST_DRAWS / 10; i++)
			assert_true(rte_rand_max(bounds[b]) < bounds[b]);
	for (i = 0; i < TEST_DRAWS; i++)
		assert_true(rte_rand_max(10) < 10);
}

/* Pearson's chi-square over TEST_BINS equally likely bins. */
static double
chi_square(const uint64_t *counts, unsigned int nb_bins, uint64_t draws)
{
	double expected = (double)draws / nb_bins;
	double sum = 0;
	unsigned int i;

	for (i = 0; i < nb_bins; i++) {
		double diff = (double)counts[i] - expected;

		sum += diff * diff / expected;
	}
	return sum;
}

static void
test_rand_max_uniform(void **state)
{
	uint64_t counts[TEST_BINS] = { 0 };
	double chi2;
	int i;

	(void)state;
	for (i = 0; i < TEST_DRAWS; i++)
		counts[rte_rand_max(TEST_BINS)]++;
	chi2 = chi_square(counts, TEST_BINS, TEST_DRAWS);
	/* 99 degrees of freedom: mean 99, standard deviation 14; 200 is
	 * about 7 standard deviations out. */
	assert_true(chi2 < 200.0);

	/* A bound just above a power of two, where a modulo would be most
	 * biased: the lower and upper halves must be about even. */
	memset(counts, 0, sizeof(counts));
	for (i = 0; i < TEST_DRAWS; i++)
		counts[rte_rand_max((UINT64_C(3) << 62) + 1) >=
			(UINT64_C(3) << 61)]++;
	assert_in_range(counts[0], TEST_DRAWS / 2 - 5000, TEST_DRAWS / 2 + 5000);
}

static void
test_rand_bits_balanced(void **state)
{
	unsigned int ones[64] = { 0 };
	unsigned int bit;
	int i;

	(void)state;
	for (i = 0; i < TEST_DRAWS / 10; i++) {
		uint64_t value = rte_rand();

		for (bit = 0; bit < 64; bit++)
			ones[bit] += (value >> bit) & 1;
	}
	/* Each bit: mean 50000, standard deviation 158. */
	for (bit = 0; bit < 64; bit++)
		assert_in_range(ones[bit], 48000, 52000);
}

static void
test_drand(void **state)
{
	double sum = 0;
	int i;

	(void)state;
	for (i = 0; i < TEST_DRAWS / 10; i++) {
		double value = rte_drand();

		assert_true(value >= 0.0 && value < 1.0);
		sum += value;
	}
	sum /= TEST_DRAWS / 10;
	assert_true(sum > 0.49 && sum < 0.51);
}

static void
test_srand_reproducible(void **state)
{
	uint64_t first[16];
	int i;

	(void)state;
	rte_srand(42);
	for (i = 0; i < 16; i++)
		first[i] = rte_rand();
	rte_srand(42);
	for (i = 0; i < 16; i++)
		assert_int_equal(rte_rand(), first[i]);
	rte_srand(43);
	assert_int_not_equal(rte_rand(), first[0]);
}

/* Draws from the generator of the given lcore id, in a new thread. */
struct lcore_draw {
	unsigned int lcore_id;
	uint64_t values[4];
};

static void *
draw_as_lcore(void *arg)
{
	struct lcore_draw *draw = arg;
	unsigned int i;

	RTE_PER_LCORE(_lcore_id) = draw->lcore_id;
	for (i = 0; i < RTE_DIM(draw->values); i++)
		draw->values[i] = rte_rand();
	return NULL;
}

static void
draw_in_thread(struct lcore_draw *draw)
{
	pthread_t thread;

	assert_int_equal(pthread_create(&thread, NULL, draw_as_lcore, draw), 0);
	assert_int_equal(pthread_join(thread, NULL), 0);
}

static void
test_streams_per_lcore(void **state)
{
	struct lcore_draw lcore0 = { .lcore_id = 0 };
	struct lcore_draw lcore1 = { .lcore_id = 1 };
	struct lcore_draw again0 = { .lcore_id = 0 };
	struct lcore_draw any = { .lcore_id = LCORE_ID_ANY };

	(void)state;
	rte_srand(7);
	draw_in_thread(&lcore0);
	draw_in_thread(&lcore1);
	draw_in_thread(&any);
	assert_memory_not_equal(lcore0.values, lcore1.values,
		sizeof(lcore0.values));
	assert_memory_not_equal(lcore0.values, any.values,
		sizeof(lcore0.values));
	assert_memory_not_equal(lcore1.values, any.values,
		sizeof(lcore1.values));

	/* Each lcore's stream is its own: lcore 0 resumes where it was
	 * left, whatever the other generators did meanwhile. */
	rte_srand(7);
	draw_in_thread(&again0);
	assert_memory_equal(lcore0.values, again0.values, sizeof(lcore0.values));
}

static void *
draw_shared(void *arg)
{
	uint64_t *values = arg;
	int i;

	for (i = 0; i < 1000; i++)
		values[i] = rte_rand();
	return NULL;
}

static void
test_threads_without_lcore(void **state)
{
	static uint64_t values[2][1000];
	pthread_t threads[2];
	int i, j;

	(void)state;
	for (i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, draw_shared,
					 values[i]),
			0);
	for (i = 0; i < 2; i++)
		assert_int_equal(pthread_join(threads[i], NULL), 0);
	/* They share one locked generator: no value is handed out twice. */
	for (i = 0; i < 1000; i++)
		for (j = 0; j < 1000; j++)
			assert_true(values[0][i] != values[1][j]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rand_max_bounds),
		cmocka_unit_test(test_rand_max_uniform),
		cmocka_unit_test(test_rand_bits_balanced),
		cmocka_unit_test(test_drand),
		cmocka_unit_test(test_srand_reproducible),
		cmocka_unit_test(test_streams_per_lcore),
		cmocka_unit_test(test_threads_without_lcore),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
