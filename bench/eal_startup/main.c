/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The smallest EAL application: rte_eal_init() then rte_eal_cleanup(),
 * timed from inside. Built unchanged against Pollux and against DPDK by
 * bench/eal_startup.sh, which compares the two.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <rte_eal.h>
#include <rte_errno.h>

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int
main(int argc, char **argv)
{
	double t0, t1, t2;

	t0 = now_us();
	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "rte_eal_init failed: %s\n",
			rte_strerror(rte_errno));
		return EXIT_FAILURE;
	}
	t1 = now_us();
	rte_eal_cleanup();
	t2 = now_us();
	printf("init_us %.0f cleanup_us %.0f total_us %.0f\n", t1 - t0, t2 - t1,
		t2 - t0);
	return EXIT_SUCCESS;
}
