/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The cycle counter, its frequency, and the delay functions. The
 * frequency is checked against CLOCK_MONOTONIC_RAW over 200 ms; tests
 * that need a fresh (uncalibrated) timer run in a forked child.
 */
#include <stdint.h>
#include <time.h>

#include <rte_cycles.h>

#include "eal_private.h"
#include "test_helpers.h"
#include "util/eal_timer_private.h"

#define TEST_WINDOW_NS (200 * 1000 * 1000ULL)

/* eal_timer_init() must stay far below 1 ms (it is part of the EAL
 * start-up time); ThreadSanitizer's first-use costs in a fresh child
 * exceed that on their own. */
#if defined(__SANITIZE_THREAD__)
#define TEST_TIMER_INIT_MAX_NS (20 * 1000 * 1000ULL)
#else
#define TEST_TIMER_INIT_MAX_NS (1000 * 1000ULL)
#endif

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

static void
sleep_ns(uint64_t ns)
{
	struct timespec req = {
		.tv_sec = (time_t)(ns / NS_PER_S),
		.tv_nsec = (long)(ns % NS_PER_S),
	};

	while (nanosleep(&req, &req) != 0)
		;
}

/* A (TSC, clock) pair: the clock read between two TSC reads, paired
 * with their midpoint; of several tries the narrowest bracket wins, so
 * that a preemption in the middle of one does not skew the pair. */
static void
sample_pair(uint64_t *tsc, uint64_t *ns)
{
	uint64_t best = UINT64_MAX;
	int i;

	for (i = 0; i < 10; i++) {
		uint64_t before = rte_rdtsc_precise();
		uint64_t clock = now_ns();
		uint64_t after = rte_rdtsc_precise();

		if (after - before < best) {
			best = after - before;
			*tsc = before + best / 2;
			*ns = clock;
		}
	}
}

/* The TSC rate over a 200 ms window, independently of the library. */
static double
reference_hz(void)
{
	uint64_t tsc0, ns0, tsc1, ns1;

	sample_pair(&tsc0, &ns0);
	sleep_ns(TEST_WINDOW_NS);
	sample_pair(&tsc1, &ns1);
	return (double)(tsc1 - tsc0) * NS_PER_S / (double)(ns1 - ns0);
}

/* 0 when hz is within 0.1 % of a fresh reference measurement. */
static int
hz_matches_reference(uint64_t hz)
{
	double reference = reference_hz();
	double error = ((double)hz - reference) / reference;

	if (error < -0.001 || error > 0.001) {
		printf("rte_get_tsc_hz() = %" PRIu64 ", reference %.0f\n",
			hz, reference);
		return 1;
	}
	return 0;
}

static void
test_tsc_hz_accuracy(void **state)
{
	uint64_t hz = rte_get_tsc_hz();

	(void)state;
	assert_true(hz > 0);
	assert_int_equal(rte_get_tsc_hz(), hz);		/* computed once */
	assert_int_equal(rte_get_timer_hz(), hz);
	assert_int_equal(hz_matches_reference(hz), 0);
}

/* Child: the path rte_eal_init() takes. Returns 0 on success. */
static int
child_timer_init_path(void *arg)
{
	uint64_t start, init_ns, first_call_ns, hz;

	(void)arg;
	start = now_ns();
	if (eal_timer_init() != 0)
		return 1;
	init_ns = now_ns() - start;
	if (init_ns > TEST_TIMER_INIT_MAX_NS) {
		printf("eal_timer_init() took %" PRIu64 " ns\n", init_ns);
		return 2;
	}
	start = now_ns();
	hz = rte_get_tsc_hz();
	first_call_ns = now_ns() - start;
	/* At most the 20 ms window plus scheduling slack. */
	if (first_call_ns > 60 * 1000 * 1000ULL) {
		printf("first rte_get_tsc_hz() took %" PRIu64 " ns\n",
			first_call_ns);
		return 3;
	}
	return hz_matches_reference(hz) == 0 ? 0 : 4;
}

static void
test_timer_init_fast_and_accurate(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(child_timer_init_path, NULL), 0);
}

/* Child: a delay before any calibration must not include the 20 ms
 * calibration sleep. */
static int
child_delay_uncalibrated(void *arg)
{
	uint64_t start, elapsed;

	(void)arg;
	start = now_ns();
	rte_delay_us_block(10000);
	elapsed = now_ns() - start;
	return elapsed >= 10 * 1000 * 1000ULL &&
		elapsed < 30 * 1000 * 1000ULL ? 0 : 1;
}

static void
test_delay_before_calibration(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(child_delay_uncalibrated, NULL), 0);
}

static void
test_delay_us(void **state)
{
	uint64_t start, elapsed;

	(void)state;
	(void)rte_get_tsc_hz();		/* calibrated beforehand */
	start = now_ns();
	rte_delay_us(10000);
	elapsed = now_ns() - start;
	assert_true(elapsed >= 10 * 1000 * 1000ULL);
	assert_true(elapsed < 30 * 1000 * 1000ULL);

	start = now_ns();
	rte_delay_ms(5);
	elapsed = now_ns() - start;
	assert_true(elapsed >= 5 * 1000 * 1000ULL);
	assert_true(elapsed < 25 * 1000 * 1000ULL);

	start = now_ns();
	rte_delay_us_block(0);
	assert_true(now_ns() - start < 5 * 1000 * 1000ULL);
}

static void
test_delay_us_sleep(void **state)
{
	uint64_t start, elapsed;

	(void)state;
	start = now_ns();
	rte_delay_us_sleep(10000);
	elapsed = now_ns() - start;
	assert_true(elapsed >= 10 * 1000 * 1000ULL);
	assert_true(elapsed < 200 * 1000 * 1000ULL);
}

static unsigned int recorded_us;
static unsigned int recorded_calls;

static void
recording_delay(unsigned int us)
{
	recorded_us = us;
	recorded_calls++;
}

static void
test_delay_callback(void **state)
{
	uint64_t start;

	(void)state;
	assert_ptr_equal(rte_delay_us, rte_delay_us_block);
	rte_delay_us_callback_register(recording_delay);
	assert_ptr_equal(rte_delay_us, recording_delay);
	start = now_ns();
	rte_delay_ms(1000);	/* recorded, not waited */
	rte_delay_us(7);
	assert_true(now_ns() - start < 100 * 1000 * 1000ULL);
	assert_int_equal(recorded_calls, 2);
	assert_int_equal(recorded_us, 7);
	rte_delay_ms(3);
	assert_int_equal(recorded_us, 3000);

	rte_delay_us_callback_register(rte_delay_us_block);
	assert_ptr_equal(rte_delay_us, rte_delay_us_block);
	rte_delay_us(1);
	assert_int_equal(recorded_calls, 3);
}

static void
test_counter_moves_forward(void **state)
{
	uint64_t a, b, c;

	(void)state;
	a = rte_rdtsc();
	b = rte_rdtsc_precise();
	c = rte_get_timer_cycles();
	assert_true(b >= a);
	assert_true(c >= b);
	assert_true(rte_get_tsc_cycles() >= c);
	assert_int_equal(US_PER_S, 1000000);
	assert_int_equal(MS_PER_S, 1000);
	assert_int_equal(NS_PER_S, 1000000000);
}

/* The CPUID arithmetic, with register values of real CPUs. */
static void
test_cpuid_frequency_math(void **state)
{
	(void)state;
	/* i7-6700K (Skylake desktop, crystal not reported): 24 MHz * 334/2 */
	assert_int_equal(eal_tsc_freq_leaf15(2, 334, 0, 0x5e), 4008000000);
	/* Crystal stated in ECX (25 MHz): 25 MHz * 176/2 */
	assert_int_equal(eal_tsc_freq_leaf15(2, 176, 25000000, 0x6a),
		2200000000);
	/* Crystal neither stated nor known (Skylake-SP): measure instead */
	assert_int_equal(eal_tsc_freq_leaf15(2, 168, 0, 0x55), 0);
	/* Ratio not enumerated */
	assert_int_equal(eal_tsc_freq_leaf15(0, 0, 0, 0x5e), 0);
	assert_int_equal(eal_tsc_freq_leaf15(2, 0, 24000000, 0), 0);

	assert_int_equal(eal_tsc_freq_plausible(4008000000, 4000000000),
		4008000000);
	assert_int_equal(eal_tsc_freq_plausible(2596156000, 0), 2596156000);
	assert_int_equal(eal_tsc_freq_plausible(2200000000, 3000000000), 0);
	assert_int_equal(eal_tsc_freq_plausible(50000000, 0), 0);
	assert_int_equal(eal_tsc_freq_plausible(UINT64_C(20000000000), 0), 0);

#if defined(__x86_64__) || defined(__i386__)
	/* Whatever this CPU says must be believable. */
	if (eal_tsc_freq_from_cpu() != 0)
		assert_int_not_equal(eal_tsc_freq_plausible(
			eal_tsc_freq_from_cpu(), 0), 0);
#endif
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counter_moves_forward),
		cmocka_unit_test(test_cpuid_frequency_math),
		cmocka_unit_test(test_timer_init_fast_and_accurate),
		cmocka_unit_test(test_delay_before_calibration),
		cmocka_unit_test(test_tsc_hz_accuracy),
		cmocka_unit_test(test_delay_us),
		cmocka_unit_test(test_delay_us_sleep),
		cmocka_unit_test(test_delay_callback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
