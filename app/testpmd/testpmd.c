/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * pollux-testpmd: main. EAL, arguments, ports, then either the prompt
 * or forwarding until Enter, end of input, SIGINT or SIGTERM.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "testpmd.h"

static volatile sig_atomic_t quit_signal;

static void
signal_handler(int signum)
{
	quit_signal = signum;
}

static void
signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = signal_handler;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocking read must return on the signal. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Waits for Enter, end of input or a signal; shows the stats every
 * --stats-period seconds meanwhile. */
static void
wait_for_quit(void)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	uint64_t period = (uint64_t)cfg.stats_period * rte_get_tsc_hz();
	uint64_t next = rte_rdtsc() + period;
	char c;

	printf("Press enter to exit\n");
	fflush(stdout);
	while (quit_signal == 0) {
		int ret = poll(&pfd, 1, 100);

		if (ret > 0) {
			/* Enter, end of input or a closed stdin all stop. */
			if (read(STDIN_FILENO, &c, 1) <= 0 || c == '\n' ||
				(pfd.revents & (POLLHUP | POLLERR)))
				break;
		} else if (ret < 0 && errno != EINTR) {
			break;
		}
		if (period != 0 && rte_rdtsc() >= next) {
			stats_period_show();
			next += period;
		}
	}
	if (quit_signal != 0)
		printf("\nSignal %d received, preparing to exit...\n",
			(int)quit_signal);
}

int
main(int argc, char **argv)
{
	int ret;

	signals_install();
	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "Cannot init EAL: %s\n",
			rte_strerror(rte_errno));
	argc -= ret;
	argv += ret;
	argv[0] = argv[-ret];
	testpmd_config_defaults();
	ret = testpmd_parse_args(argc, argv);
	if (ret != 0) {
		rte_eal_cleanup();
		return ret < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
	}
	if (rte_eth_dev_count_avail() == 0)
		fprintf(stderr, "No probed ethernet devices\n");
	if (events_register() != 0) {
		rte_eal_cleanup();
		return EXIT_FAILURE;
	}
	if (cfg.burst == 0 && burst_size_set(0) != 0) {
		rte_eal_cleanup();
		return EXIT_FAILURE;
	}
	if (fwd_config_setup() != 0 || ports_init() != 0) {
		ports_shutdown();
		events_unregister();
		rte_eal_cleanup();
		return EXIT_FAILURE;
	}
	if (cfg.interactive) {
		if (cfg.auto_start)
			start_packet_forwarding(0);
		prompt();
	} else {
		printf("No commandline core given, start packet forwarding\n");
		if (start_packet_forwarding(cfg.tx_first ? 1 : 0) == 0) {
			wait_for_quit();
			stop_packet_forwarding();
		}
	}
	if (fwd_running)
		stop_packet_forwarding();
	printf("\n");
	ports_shutdown();
	events_unregister();
	free(fwd_streams);
	rte_eal_cleanup();
	printf("\nBye...\n");
	return EXIT_SUCCESS;
}
