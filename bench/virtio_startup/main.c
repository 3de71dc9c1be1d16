/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Start-up to the first forwarded packet: EAL init, one port (the first
 * the EAL probed, a virtio_user vdev in bench/virtio_startup.sh) with one
 * queue pair, start, then receive until a packet arrives and send it back.
 * Prints the CLOCK_REALTIME instant (ns) of that first forward, so the
 * script can subtract the instant it ran the command. Built unchanged
 * against Pollux and against DPDK.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#define NB_MBUF 4096
#define NB_DESC 256
#define WAIT_NS (10ull * 1000 * 1000 * 1000)

static uint64_t
now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int
port_setup(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_conf conf = { 0 };
	int ret;

	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, NB_DESC,
			rte_eth_dev_socket_id(port), NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, NB_DESC,
			rte_eth_dev_socket_id(port), NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	return ret;
}

/* Receives until a burst arrives and sends it back; the instant, or 0. */
static uint64_t
first_forward(uint16_t port)
{
	struct rte_mbuf *pkts[32];
	uint64_t deadline = now_ns(CLOCK_MONOTONIC) + WAIT_NS;
	uint16_t n, sent;

	while (now_ns(CLOCK_MONOTONIC) < deadline) {
		n = rte_eth_rx_burst(port, 0, pkts, 32);
		if (n == 0)
			continue;
		sent = rte_eth_tx_burst(port, 0, pkts, n);
		rte_pktmbuf_free_bulk(&pkts[sent], n - sent);
		return now_ns(CLOCK_REALTIME);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	uint64_t t0 = now_ns(CLOCK_MONOTONIC), t_init, t_start = 0;
	struct rte_mempool *mp;
	uint64_t first = 0;
	uint16_t port;
	int ret;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "rte_eal_init: %s\n", rte_strerror(rte_errno));
		return EXIT_FAILURE;
	}
	t_init = now_ns(CLOCK_MONOTONIC);
	mp = rte_pktmbuf_pool_create("startup_pool", NB_MBUF, 256, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, (int)rte_socket_id());
	port = (uint16_t)rte_eth_find_next(0);
	if (mp == NULL || port >= RTE_MAX_ETHPORTS) {
		fprintf(stderr, "no mbuf pool or no port\n");
		rte_eal_cleanup();
		return EXIT_FAILURE;
	}
	ret = port_setup(port, mp);
	if (ret == 0) {
		t_start = now_ns(CLOCK_MONOTONIC);
		first = first_forward(port);
	} else
		fprintf(stderr, "port %u set-up: %s\n", port,
			rte_strerror(-ret));
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	rte_mempool_free(mp);
	rte_eal_cleanup();
	if (first == 0) {
		fprintf(stderr, "no packet within %llu s\n",
			WAIT_NS / 1000000000ull);
		return EXIT_FAILURE;
	}
	/* The phases: EAL init, pool and port set-up, wait for traffic. */
	printf("first_forward_ns %" PRIu64 " init_ms %.1f setup_ms %.1f\n",
		first, (double)(t_init - t0) / 1e6,
		(double)(t_start - t_init) / 1e6);
	return EXIT_SUCCESS;
}
