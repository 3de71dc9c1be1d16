/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The TSC frequency and the delay functions.
 *
 * rte_eal_init() is benchmarked, so eal_timer_init() must not sleep to
 * calibrate. It asks the CPU first (eal_tsc_freq.c); when the CPU does
 * not say, it only records a (TSC, CLOCK_MONOTONIC_RAW) pair, and the
 * first rte_get_tsc_hz() call takes a second pair and divides. By then
 * the application has usually spent the 20 ms the measurement needs on
 * its own set-up; if not, that call sleeps for the rest.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_log.h>
#include <rte_pause.h>

#include "eal_private.h"
#include "eal_timer_private.h"

/* Shortest measurement window; 20 ms with a pair error of ~0.1 us
 * gives ~10 ppm, far inside the 0.1 % the API promises. */
#define TIMER_CALIB_WINDOW_NS (20 * 1000 * 1000ULL)

/* Attempts at one (TSC, clock) pair; the narrowest bracket wins. */
#define TIMER_SAMPLE_TRIES 5

/* One reading of both clocks, taken as close together as possible. */
struct timer_sample {
	uint64_t tsc;
	uint64_t ns;
};

/* 0 until known; written once under timer_lock, read without it. */
static uint64_t timer_tsc_hz;
static pthread_mutex_t timer_lock = PTHREAD_MUTEX_INITIALIZER;
static struct timer_sample timer_start; /* under timer_lock */
static bool timer_start_valid;		/* under timer_lock */

void (*rte_delay_us)(unsigned int us) = rte_delay_us_block;

static uint64_t
timer_monotonic_raw_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

uint64_t
rte_cycles_fallback_ns(void)
{
	return timer_monotonic_raw_ns();
}

/*
 * Reads the clock between two TSC reads and pairs it with their
 * midpoint. An interrupt between the reads widens the bracket, so keep
 * the narrowest of a few tries.
 */
static void
timer_sample_take(struct timer_sample *sample)
{
	uint64_t best_width = UINT64_MAX;
	int i;

	for (i = 0; i < TIMER_SAMPLE_TRIES; i++) {
		uint64_t before = rte_rdtsc_precise();
		uint64_t ns = timer_monotonic_raw_ns();
		uint64_t after = rte_rdtsc_precise();

		/* The first try always counts, so sample is always set. */
		if (i == 0 || after - before < best_width) {
			best_width = after - before;
			sample->tsc = before + best_width / 2;
			sample->ns = ns;
		}
	}
}

static void
timer_sleep_ns(uint64_t ns)
{
	struct timespec req = {
		.tv_sec = (time_t)(ns / NS_PER_S),
		.tv_nsec = (long)(ns % NS_PER_S),
	};

	while (nanosleep(&req, &req) != 0 && errno == EINTR)
		;
}

/* Finishes the measurement begun at timer_start. Under timer_lock. */
static uint64_t
timer_measure_hz(void)
{
	struct timer_sample end;
	uint64_t elapsed_ns;

	timer_sample_take(&end);
	elapsed_ns = end.ns - timer_start.ns;
	if (elapsed_ns < TIMER_CALIB_WINDOW_NS) {
		timer_sleep_ns(TIMER_CALIB_WINDOW_NS - elapsed_ns);
		timer_sample_take(&end);
		elapsed_ns = end.ns - timer_start.ns;
	}
	/* A double keeps 53 bits: plenty for a ratio good to 1e-6, and
	 * no overflow however long the window was. */
	return (uint64_t)((double)(end.tsc - timer_start.tsc) * NS_PER_S /
			(double)elapsed_ns +
		0.5);
}

/* Before anything else uses it: sets timer_tsc_hz or starts measuring. */
int
eal_timer_init(void)
{
	uint64_t hz;

	pthread_mutex_lock(&timer_lock);
	if (__atomic_load_n(&timer_tsc_hz, __ATOMIC_RELAXED) == 0) {
		hz = eal_tsc_freq_from_cpu();
		if (hz != 0) {
			/* Release pairs with the acquire in
			 * rte_get_tsc_hz(). */
			__atomic_store_n(&timer_tsc_hz, hz, __ATOMIC_RELEASE);
		} else if (!timer_start_valid) {
			timer_sample_take(&timer_start);
			timer_start_valid = true;
		}
	}
	pthread_mutex_unlock(&timer_lock);
	return 0;
}

uint64_t
rte_get_tsc_hz(void)
{
	uint64_t hz = __atomic_load_n(&timer_tsc_hz, __ATOMIC_ACQUIRE);

	if (likely(hz != 0))
		return hz;

	/* First call: finish (or, without rte_eal_init(), run) the
	 * measurement, once, while later callers wait on the lock. */
	pthread_mutex_lock(&timer_lock);
	hz = __atomic_load_n(&timer_tsc_hz, __ATOMIC_RELAXED);
	if (hz == 0) {
		if (!timer_start_valid) {
			timer_sample_take(&timer_start);
			timer_start_valid = true;
		}
		hz = timer_measure_hz();
		EAL_LOG(DEBUG, "TSC frequency measured: %" PRIu64 " Hz\n", hz);
		__atomic_store_n(&timer_tsc_hz, hz, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&timer_lock);
	return hz;
}

/* Busy-waits on the clock itself while the TSC rate is still unknown,
 * so that a delay never pays for the calibration sleep. */
static void
timer_spin_clock(unsigned int us)
{
	uint64_t end = timer_monotonic_raw_ns() + (uint64_t)us * 1000;

	while (timer_monotonic_raw_ns() < end)
		rte_pause();
}

void
rte_delay_us_block(unsigned int us)
{
	uint64_t hz = __atomic_load_n(&timer_tsc_hz, __ATOMIC_ACQUIRE);
	uint64_t start = rte_get_timer_cycles();
	uint64_t cycles;

	if (hz == 0) {
		timer_spin_clock(us);
		return;
	}
	/* Split us so that us * hz cannot overflow 64 bits. */
	cycles = (us / US_PER_S) * hz +
		(uint64_t)(us % US_PER_S) * hz / US_PER_S;
	while (rte_get_timer_cycles() - start < cycles)
		rte_pause();
}

void
rte_delay_us_sleep(unsigned int us)
{
	timer_sleep_ns((uint64_t)us * 1000);
}

void
rte_delay_us_callback_register(void (*userfunc)(unsigned int))
{
	rte_delay_us = userfunc;
}
