/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * A tiny forwarder for the plugin test: forwards port 0 <-> port 1 for
 * a given number of bursts, then prints each port's statistics and
 * closes the ports. Usage: fwd [EAL options] -- NB_BURSTS
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#define BURST 32

static int
port_init(uint16_t port, struct rte_mempool *pool)
{
	struct rte_eth_conf conf = { 0 };

	if (rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
		rte_eth_rx_queue_setup(port, 0, 256,
			rte_eth_dev_socket_id(port), NULL, pool) != 0 ||
		rte_eth_tx_queue_setup(port, 0, 256,
			rte_eth_dev_socket_id(port), NULL) != 0 ||
		rte_eth_dev_start(port) != 0)
		return -1;
	return 0;
}

int
main(int argc, char **argv)
{
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_stats stats;
	struct rte_eth_dev_info info;
	struct rte_mempool *pool;
	unsigned long nb_bursts, b;
	uint16_t port, n, sent;
	int ret = rte_eal_init(argc, argv);

	if (ret < 0)
		return 1;
	nb_bursts = argc - ret > 1 ? strtoul(argv[ret + 1], NULL, 0) : 1000;
	if (rte_eth_dev_count_avail() != 2) {
		fprintf(stderr, "want 2 ports, have %u\n",
			rte_eth_dev_count_avail());
		return 1;
	}
	pool = rte_pktmbuf_pool_create("fwd_pool", 4095, 64, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
	if (pool == NULL || port_init(0, pool) != 0 || port_init(1, pool) != 0)
		return 1;
	for (b = 0; b < nb_bursts; b++)
		for (port = 0; port < 2; port++) {
			n = rte_eth_rx_burst(port, 0, pkts, BURST);
			sent = rte_eth_tx_burst(port ^ 1, 0, pkts, n);
			while (sent < n)
				rte_pktmbuf_free(pkts[sent++]);
		}
	for (port = 0; port < 2; port++) {
		rte_eth_dev_info_get(port, &info);
		rte_eth_stats_get(port, &stats);
		printf("port %u driver %s rx %" PRIu64 " tx %" PRIu64 "\n",
			port, info.driver_name, stats.ipackets, stats.opackets);
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
	}
	printf("pool %u of %u free\n", rte_mempool_avail_count(pool),
		pool->size);
	rte_mempool_free(pool);
	return rte_eal_cleanup() == 0 ? 0 : 1;
}
