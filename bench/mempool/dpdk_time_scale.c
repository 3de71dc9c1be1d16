/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * An LD_PRELOAD shim for Debian's dpdk-test (bench/mempool_perf.sh).
 *
 * mempool_perf_autotest measures each of its hundreds of cases for a
 * fixed 5 seconds, which makes a full run take about an hour. With this
 * shim rte_get_tsc_hz() reports the real frequency divided by
 * DPDK_TIME_SCALE, so every "5 second" measurement (a count of TSC cycles)
 * lasts 5 / DPDK_TIME_SCALE seconds; the
 * test still divides by 5, so the rates it prints are DPDK_TIME_SCALE
 * times too low and the script multiplies them back. The code measured
 * (DPDK's mempool and ring) is untouched, and the same shortened
 * duration is given to our benchmark.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>

uint64_t rte_get_tsc_hz(void);

uint64_t
rte_get_tsc_hz(void)
{
	static uint64_t (*real_hz)(void);
	static uint64_t scale;
	const char *env;

	if (real_hz == NULL) {
		real_hz = (uint64_t(*)(void))dlvsym(RTLD_NEXT, "rte_get_tsc_hz",
			"DPDK_23");
		if (real_hz == NULL)
			real_hz = (uint64_t(*)(void))dlsym(RTLD_NEXT,
				"rte_get_tsc_hz");
		env = getenv("DPDK_TIME_SCALE");
		scale = env != NULL ? strtoull(env, NULL, 0) : 1;
		if (scale == 0)
			scale = 1;
	}
	return real_hz != NULL ? real_hz() / scale : 0;
}
