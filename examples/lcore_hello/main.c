/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * lcore_hello: starts the EAL, runs a function on every lcore and prints
 * where each one ran. Build it like any DPDK application:
 *   cc $(pkg-config --cflags libpollux) main.c $(pkg-config --libs libpollux)
 */
#include <sched.h>
#include <stdlib.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_debug.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_memory.h>

static int
say_hello(void *arg)
{
	unsigned int lcore_id = rte_lcore_id();

	(void)arg;
	printf("hello from lcore %u (socket %u, cpu %d)\n", lcore_id,
		rte_socket_id(), sched_getcpu());
	return 0;
}

int
main(int argc, char **argv)
{
	uint64_t start = rte_rdtsc();
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot initialise the EAL: %s\n",
			rte_strerror(rte_errno));
	printf("EAL up in %.2f ms: %u lcores, main lcore %u, %s, IOVA as %s\n",
		(double)(rte_rdtsc() - start) * 1000.0 /
			(double)rte_get_tsc_hz(),
		rte_lcore_count(), rte_get_main_lcore(),
		rte_eal_has_hugepages() ? "hugepages" : "ordinary pages",
		rte_eal_iova_mode() == RTE_IOVA_PA ? "PA" : "VA");
	rte_eal_mp_remote_launch(say_hello, NULL, CALL_MAIN);
	rte_eal_mp_wait_lcore();
	return rte_eal_cleanup() == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
