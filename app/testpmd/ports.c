/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Port control: one mbuf pool per socket, then configure, set up the
 * queues and start every port; stop and close on the way out.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_errno.h>

#include "testpmd.h"

struct rte_mempool *socket_pools[RTE_MAX_NUMA_NODES];

enum port_state {
	PORT_STOPPED,
	PORT_STARTED,
	PORT_CLOSED
};
static enum port_state port_states[TESTPMD_MAX_PORTS];
/* "port config" changed what the port needs: configure it again at the
 * next "port start" (a port attached at run time starts that way). */
static bool port_need_reconfig[TESTPMD_MAX_PORTS];
/* "port config mtu": kept across reconfiguration; 0 = --max-pkt-len. */
static uint16_t port_mtu[TESTPMD_MAX_PORTS];
/* Promiscuous and all-multicast are turned on once per port, as in
 * DPDK's testpmd; "set promisc|allmulti" then stick. */
static bool port_rx_modes_done[TESTPMD_MAX_PORTS];

int
port_socket(uint16_t port_id)
{
	int socket = rte_eth_dev_socket_id(port_id);

	if (!cfg.numa || socket < 0 || socket >= RTE_MAX_NUMA_NODES)
		return 0;
	return socket;
}

static struct rte_mempool *
pool_for_socket(int socket)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	unsigned int n = cfg.total_num_mbufs;

	if (socket_pools[socket] != NULL)
		return socket_pools[socket];
	if (n == 0)
		/* Enough for full rings, lcore caches and a burst per port. */
		n = (4096 + rte_lcore_count() * cfg.mbcache + 4096 +
			    TESTPMD_MAX_BURST) *
			rte_eth_dev_count_avail();
	snprintf(name, sizeof(name), "mb_pool_%d", socket);
	printf("testpmd: create a new mbuf pool <%s>: n=%u, size=%u, "
	       "socket=%d\n",
		name, n, cfg.mbuf_data_size, socket);
	socket_pools[socket] = rte_pktmbuf_pool_create(name, n, cfg.mbcache, 0,
		cfg.mbuf_data_size, socket);
	if (socket_pools[socket] == NULL)
		fprintf(stderr,
			"Creation of mbuf pool for socket %d failed: "
			"%s\n",
			socket, rte_strerror(rte_errno));
	return socket_pools[socket];
}

static void
port_conf_build(uint16_t port_id, const struct rte_eth_dev_info *info,
	struct rte_eth_conf *conf)
{
	memset(conf, 0, sizeof(*conf));
	if (cfg.max_rx_pkt_len > RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN)
		conf->rxmode.mtu = cfg.max_rx_pkt_len - RTE_ETHER_HDR_LEN -
			RTE_ETHER_CRC_LEN;
	if (conf->rxmode.mtu > info->max_mtu)
		conf->rxmode.mtu = info->max_mtu;
	if (port_mtu[port_id] != 0)
		conf->rxmode.mtu = port_mtu[port_id];
	if (cfg.nb_rxq > 1 && cfg.rss_hf != 0) {
		conf->rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
		conf->rx_adv_conf.rss_conf.rss_hf = cfg.rss_hf &
			info->flow_type_rss_offloads;
	}
	/* Link changes as events where the driver raises them (as DPDK's
	 * testpmd; --no-lsc-interrupt leaves them to polling). */
	if (cfg.lsc_interrupt && (*info->dev_flags & RTE_ETH_DEV_INTR_LSC) != 0)
		conf->intr_conf.lsc = 1;
}

static int
port_configure(uint16_t port_id)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	struct rte_ether_addr mac;
	struct rte_mempool *pool;
	int socket = port_socket(port_id);
	uint16_t q;
	int ret;

	printf("Configuring Port %u (socket %d)\n", port_id, socket);
	pool = pool_for_socket(socket);
	if (pool == NULL)
		return -1;
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0)
		goto fail;
	if (cfg.nb_rxq > info.max_rx_queues || cfg.nb_txq > info.max_tx_queues) {
		fprintf(stderr,
			"port %u supports at most %u Rx and %u Tx "
			"queues\n",
			port_id, info.max_rx_queues, info.max_tx_queues);
		return -1;
	}
	port_conf_build(port_id, &info, &conf);
	ret = rte_eth_dev_configure(port_id, cfg.nb_rxq, cfg.nb_txq, &conf);
	if (ret != 0)
		goto fail;
	for (q = 0; q < cfg.nb_rxq; q++) {
		ret = rte_eth_rx_queue_setup(port_id, q, cfg.nb_rxd, socket,
			NULL, pool);
		if (ret != 0)
			goto fail;
	}
	for (q = 0; q < cfg.nb_txq; q++) {
		ret = rte_eth_tx_queue_setup(port_id, q, cfg.nb_txd, socket,
			NULL);
		if (ret != 0)
			goto fail;
	}
	if (rte_eth_macaddr_get(port_id, &mac) == 0)
		printf("Port %u: " RTE_ETHER_ADDR_PRT_FMT "\n", port_id,
			RTE_ETHER_ADDR_BYTES(&mac));
	return 0;
fail:
	fprintf(stderr, "Fail to configure port %u: %s\n", port_id,
		rte_strerror(-ret));
	return -1;
}

bool
port_is_stopped(uint16_t port_id)
{
	return port_states[port_id] == PORT_STOPPED;
}

bool
ports_all_stopped(void)
{
	uint16_t port_id;

	RTE_ETH_FOREACH_DEV (port_id)
		if (port_states[port_id] == PORT_STARTED)
			return false;
	return true;
}

void
port_reconfig_request(uint16_t port_id)
{
	port_need_reconfig[port_id] = true;
}

void
port_attached(uint16_t port_id)
{
	port_states[port_id] = PORT_STOPPED;
	port_need_reconfig[port_id] = true;
	port_mtu[port_id] = 0;
	port_rx_modes_done[port_id] = false;
}

/* Sets the MTU now and keeps it for the next reconfiguration. */
int
port_mtu_set(uint16_t port_id, uint16_t mtu)
{
	int ret = rte_eth_dev_set_mtu(port_id, mtu);

	if (ret == 0)
		port_mtu[port_id] = mtu;
	return ret;
}

static void
port_rx_modes_default(uint16_t port_id)
{
	int ret;

	if (port_rx_modes_done[port_id])
		return;
	port_rx_modes_done[port_id] = true;
	ret = rte_eth_promiscuous_enable(port_id);
	if (ret != 0)
		fprintf(stderr,
			"Error during enabling promiscuous mode for "
			"port %u: %s - ignore\n",
			port_id, rte_strerror(-ret));
	ret = rte_eth_allmulticast_enable(port_id);
	if (ret != 0)
		fprintf(stderr,
			"Error during enabling all-multicast mode for "
			"port %u: %s - ignore\n",
			port_id, rte_strerror(-ret));
}

bool
port_is_started(uint16_t port_id)
{
	return port_states[port_id] == PORT_STARTED;
}

bool
port_is_closed(uint16_t port_id)
{
	return port_states[port_id] == PORT_CLOSED;
}

int
port_start(uint16_t port_id)
{
	int ret;

	if (port_states[port_id] == PORT_STARTED)
		return 0;
	if (port_states[port_id] == PORT_CLOSED) {
		fprintf(stderr, "Port %u is closed\n", port_id);
		return -1;
	}
	if (port_need_reconfig[port_id]) {
		if (port_configure(port_id) != 0)
			return -1;
		port_need_reconfig[port_id] = false;
	}
	ret = rte_eth_dev_start(port_id);
	if (ret != 0) {
		fprintf(stderr, "Fail to start port %u: %s\n", port_id,
			rte_strerror(-ret));
		return -1;
	}
	port_states[port_id] = PORT_STARTED;
	port_rx_modes_default(port_id);
	return 0;
}

void
port_stop(uint16_t port_id)
{
	if (port_states[port_id] != PORT_STARTED)
		return;
	printf("Stopping port %u...\n", port_id);
	rte_eth_dev_stop(port_id);
	port_states[port_id] = PORT_STOPPED;
	printf("Done\n");
}

void
port_close(uint16_t port_id)
{
	if (port_states[port_id] == PORT_CLOSED)
		return;
	port_stop(port_id);
	printf("Closing port %u...\n", port_id);
	rte_eth_dev_close(port_id);
	port_states[port_id] = PORT_CLOSED;
	printf("Port %u is closed\nDone\n", port_id);
}

static void
ports_check_link(void)
{
	struct rte_eth_link link;
	uint16_t port_id;
	unsigned int tries;
	bool all_up;

	printf("Checking link statuses...\n");
	/* Up to 9 s, as DPDK's testpmd, polling every 100 ms. */
	for (tries = 0; tries < 90; tries++) {
		all_up = true;
		RTE_ETH_FOREACH_DEV (port_id) {
			if (rte_eth_link_get_nowait(port_id, &link) != 0 ||
				link.link_status == RTE_ETH_LINK_DOWN)
				all_up = false;
		}
		if (all_up)
			break;
		rte_delay_ms(100);
	}
	printf("Done\n");
}

int
ports_init(void)
{
	uint16_t port_id;

	RTE_ETH_FOREACH_DEV (port_id) {
		if (pool_for_socket(port_socket(port_id)) == NULL)
			return -1;
	}
	RTE_ETH_FOREACH_DEV (port_id) {
		if (port_configure(port_id) != 0 || port_start(port_id) != 0)
			return -1;
	}
	if (cfg.link_check)
		ports_check_link();
	return 0;
}

void
ports_shutdown(void)
{
	uint16_t port_id;
	int socket;

	RTE_ETH_FOREACH_DEV (port_id)
		port_stop(port_id);
	RTE_ETH_FOREACH_DEV (port_id)
		port_close(port_id);
	for (socket = 0; socket < RTE_MAX_NUMA_NODES; socket++) {
		if (socket_pools[socket] == NULL)
			continue;
		/* Every mbuf should be back now that the ports are closed. */
		if (rte_mempool_in_use_count(socket_pools[socket]) != 0)
			printf("Warning: %u mbufs of %s not returned\n",
				rte_mempool_in_use_count(socket_pools[socket]),
				socket_pools[socket]->name);
		rte_mempool_free(socket_pools[socket]);
		socket_pools[socket] = NULL;
	}
}
