/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The cycle counter, its frequency, and the delay functions. The
 * frequency is checked against CLOCK_MONOTONIC_RAW over 200 ms; tests
 * that need a fresh (uncalibrated) timer run in a forked child.
 *
 * Delays are checked without an upper bound on wall-clock time, which a
 * loaded machine can stretch at will. A delay never ends early (a lower
 * bound load cannot break); a busy-wait never sleeps (no voluntary
 * context switch) and burns no more CPU time than it was asked to wait,
 * since a spinning thread leaves as soon as it runs past its deadline
 * however long it was preempted; a sleep sleeps and burns almost none.
 */
#include <stdint.h>
#include <time.h>
#include <sys/resource.h>

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

/* CPU time this thread has used, whatever the load. */
static uint64_t
thread_cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/* Times this thread blocked (slept) of its own accord so far. */
static long
thread_sleeps(void)
{
	struct rusage ru;

	getrusage(RUSAGE_THREAD, &ru);
	return ru.ru_nvcsw;
}

/* What one call of a delay function cost. */
struct delay_cost {
	uint64_t wall_ns; /* may be anything above the delay */
	uint64_t cpu_ns;  /* the thread's own CPU time */
	long sleeps;	  /* voluntary context switches */
};

static void
delay_measure(void (*delay)(unsigned int), unsigned int us,
	struct delay_cost *cost)
{
	uint64_t wall = now_ns(), cpu = thread_cpu_ns();
	long sleeps = thread_sleeps();

	delay(us);
	cost->wall_ns = now_ns() - wall;
	cost->cpu_ns = thread_cpu_ns() - cpu;
	cost->sleeps = thread_sleeps() - sleeps;
}

/* CPU time a correct busy-wait of us may burn: the delay itself plus
 * slack for the last loop turn and CPU-time accounting; a delay computed
 * with a frequency 1.5x off (or one that spins on after its deadline)
 * exceeds it on any machine that gives the test a fair share of a CPU. */
static uint64_t
spin_cpu_max_ns(unsigned int us)
{
	return (uint64_t)us * 1000 + (uint64_t)us * 1000 / 4 +
		2 * 1000 * 1000ULL;
}

/* 0 when a busy-wait of us behaved: never early, never asleep, and
 * no more CPU than the wait; else which check failed. */
static int
check_spin(const struct delay_cost *cost, unsigned int us)
{
	if (cost->wall_ns < (uint64_t)us * 1000)
		return 1;
	if (cost->sleeps != 0)
		return 2;
	if (cost->cpu_ns > spin_cpu_max_ns(us))
		return 3;
	return 0;
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

		if (i == 0 || after - before < best) {
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
		printf("rte_get_tsc_hz() = %" PRIu64 ", reference %.0f\n", hz,
			reference);
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
	assert_int_equal(rte_get_tsc_hz(), hz); /* computed once */
	assert_int_equal(rte_get_timer_hz(), hz);
	assert_int_equal(hz_matches_reference(hz), 0);
}

/* Child: the path rte_eal_init() takes. Returns 0 on success. */
static int
child_timer_init_path(void *arg)
{
	uint64_t start, cpu, init_cpu_ns, first_call_ns, hz;
	long sleeps;

	(void)arg;
	cpu = thread_cpu_ns();
	sleeps = thread_sleeps();
	if (eal_timer_init() != 0)
		return 1;
	/* CPU time, not wall time: a preemption is not the init's cost. */
	init_cpu_ns = thread_cpu_ns() - cpu;
	if (init_cpu_ns > TEST_TIMER_INIT_MAX_NS || thread_sleeps() != sleeps) {
		printf("eal_timer_init() took %" PRIu64 " ns of CPU, slept "
		       "%ld times\n",
			init_cpu_ns, thread_sleeps() - sleeps);
		return 2;
	}
	start = now_ns();
	cpu = thread_cpu_ns();
	hz = rte_get_tsc_hz();
	first_call_ns = now_ns() - start;
	/* It sleeps out the rest of the 20 ms window rather than spin; a
	 * second is far beyond any wait it may add, loaded or not. */
	if (thread_cpu_ns() - cpu > 10 * 1000 * 1000ULL ||
		first_call_ns > NS_PER_S) {
		printf("first rte_get_tsc_hz() took %" PRIu64 " ns, %" PRIu64
		       " ns of CPU\n",
			first_call_ns, thread_cpu_ns() - cpu);
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

/* Child: a delay before any calibration must not wait for the 20 ms
 * calibration (a sleep): it spins on the clock instead. */
static int
child_delay_uncalibrated(void *arg)
{
	struct delay_cost cost;
	int ret;

	(void)arg;
	delay_measure(rte_delay_us_block, 10000, &cost);
	ret = check_spin(&cost, 10000);
	if (ret != 0)
		printf("uncalibrated 10 ms delay: %" PRIu64 " ns, %" PRIu64
		       " ns of CPU, %ld sleeps\n",
			cost.wall_ns, cost.cpu_ns, cost.sleeps);
	return ret;
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
	struct delay_cost cost;

	(void)state;
	(void)rte_get_tsc_hz(); /* calibrated beforehand */
	rte_delay_us_block(1);	/* its code paged in */

	delay_measure(rte_delay_us, 10000, &cost);
	assert_int_equal(check_spin(&cost, 10000), 0);
	delay_measure(rte_delay_us_block, 5000, &cost);
	assert_int_equal(check_spin(&cost, 5000), 0);
	delay_measure(rte_delay_us_block, 0, &cost);
	assert_int_equal(check_spin(&cost, 0), 0);
}

static void
delay_ms_5(unsigned int unused)
{
	(void)unused;
	rte_delay_ms(5);
}

static void
test_delay_ms(void **state)
{
	struct delay_cost cost;

	(void)state;
	(void)rte_get_tsc_hz();
	delay_measure(delay_ms_5, 0, &cost);
	assert_int_equal(check_spin(&cost, 5000), 0);
}

/* The sleeping delay really sleeps: at least the time asked for, in
 * the kernel, with next to no CPU. */
static void
test_delay_us_sleep(void **state)
{
	struct delay_cost cost;

	(void)state;
	rte_delay_us_sleep(1);
	delay_measure(rte_delay_us_sleep, 10000, &cost);
	assert_true(cost.wall_ns >= 10 * 1000 * 1000ULL);
	assert_true(cost.sleeps >= 1);
	assert_true(cost.cpu_ns < 5 * 1000 * 1000ULL);
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
	rte_delay_ms(1000); /* recorded, not waited */
	rte_delay_us(7);
	/* Waiting would have taken a whole second. */
	assert_true(now_ns() - start < NS_PER_S);
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
		assert_int_not_equal(eal_tsc_freq_plausible(eal_tsc_freq_from_cpu(),
					     0),
			0);
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
		cmocka_unit_test(test_delay_ms),
		cmocka_unit_test(test_delay_us_sleep),
		cmocka_unit_test(test_delay_callback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
