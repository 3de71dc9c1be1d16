/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * "port ..." and "mac_addr ...": port lifecycle, configuration (applied
 * at the next "port start", as in DPDK), hotplug and MAC addresses.
 */
#include <stdio.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_errno.h>

#include "testpmd.h"
#include "cmdline.h"

static void
port_start_cmd(uint16_t port_id)
{
	if (port_start(port_id) == 0)
		printf("Port %u started\n", port_id);
}

static void
port_reset_cmd(uint16_t port_id)
{
	int ret;

	if (!port_is_stopped(port_id)) {
		printf("Please stop port %u first\n", port_id);
		return;
	}
	ret = rte_eth_dev_reset(port_id);
	if (ret != 0) {
		printf("Failed to reset port %u: %s\n", port_id,
			rte_strerror(-ret));
		return;
	}
	port_reconfig_request(port_id);
	printf("Resetting ports...\nDone\n");
}

/* "port config all rxq|txq|rxd|txd N": ports stopped, applied at start. */
static int
port_config_all_number(const char *what, const char *word)
{
	struct rte_eth_dev_info info;
	unsigned long v;
	uint16_t port_id;
	bool queues = strcmp(what, "rxq") == 0 || strcmp(what, "txq") == 0;

	if (!queues && strcmp(what, "rxd") != 0 && strcmp(what, "txd") != 0)
		return CMD_UNKNOWN;
	if (cmd_ports_not_stopped() ||
		cmd_parse_number(word, queues ? 1 : 0,
			queues ? TESTPMD_MAX_QUEUES : 16384, &v) != 0)
		return CMD_DONE;
	RTE_ETH_FOREACH_DEV (port_id) {
		uint16_t max;

		if (!queues || rte_eth_dev_info_get(port_id, &info) != 0)
			continue;
		max = what[0] == 'r' ? info.max_rx_queues : info.max_tx_queues;
		if (v > max) {
			printf("Fail: input %s (%lu) can't be greater than "
			       "max_%s_queues (%u) of port %u\n",
				what, v, what[0] == 'r' ? "rx" : "tx", max,
				port_id);
			return CMD_DONE;
		}
	}
	if (strcmp(what, "rxq") == 0)
		cfg.nb_rxq = (uint16_t)v;
	else if (strcmp(what, "txq") == 0)
		cfg.nb_txq = (uint16_t)v;
	else if (strcmp(what, "rxd") == 0)
		cfg.nb_rxd = (uint16_t)v;
	else
		cfg.nb_txd = (uint16_t)v;
	RTE_ETH_FOREACH_DEV (port_id)
		port_reconfig_request(port_id);
	fwd_config_setup();
	return CMD_DONE;
}

static int
rss_types_parse(const char *word, uint64_t *rss_hf)
{
	if (strcmp(word, "ip") == 0)
		*rss_hf = RTE_ETH_RSS_IP;
	else if (strcmp(word, "udp") == 0)
		*rss_hf = RTE_ETH_RSS_UDP;
	else if (strcmp(word, "tcp") == 0)
		*rss_hf = RTE_ETH_RSS_TCP;
	else if (strcmp(word, "all") == 0)
		*rss_hf = RTE_ETH_RSS_IP | RTE_ETH_RSS_TCP | RTE_ETH_RSS_UDP |
			RTE_ETH_RSS_SCTP | RTE_ETH_RSS_L2_PAYLOAD;
	else if (strcmp(word, "none") == 0)
		*rss_hf = 0;
	else
		return -1;
	return 0;
}

/* "port config all rss TYPE": now on every port, and at every start. */
static int
port_config_all_rss(const char *word)
{
	struct rte_eth_rss_conf rss_conf;
	uint64_t rss_hf;
	uint16_t port_id;
	int ret;

	if (rss_types_parse(word, &rss_hf) != 0)
		return CMD_BAD_ARGS;
	cfg.rss_hf = rss_hf;
	RTE_ETH_FOREACH_DEV (port_id) {
		memset(&rss_conf, 0, sizeof(rss_conf));
		rss_conf.rss_hf = rss_hf;
		if (cfg.nb_rxq <= 1)
			printf("Multi-queue RSS mode isn't enabled.\n");
		ret = rte_eth_dev_rss_hash_update(port_id, &rss_conf);
		if (ret != 0)
			printf("Configuration of RSS hash at ethernet port %u "
			       "failed with error (%d): %s.\n",
				port_id, -ret, rte_strerror(-ret));
	}
	return CMD_DONE;
}

static int
port_config(char **w, int n)
{
	unsigned long v;
	uint16_t port_id;
	int ret;

	if (n == 5 && strcmp(w[2], "mtu") == 0) {
		if (cmd_parse_port_id(w[3], &port_id) != 0 ||
			cmd_parse_number(w[4], 0, UINT16_MAX, &v) != 0)
			return CMD_DONE;
		ret = port_mtu_set(port_id, (uint16_t)v);
		if (ret != 0)
			printf("Set MTU failed. diag=%d\n", ret);
		return CMD_DONE;
	}
	if (strcmp(w[2], "mtu") == 0)
		return CMD_BAD_ARGS;
	if (strcmp(w[2], "all") != 0)
		return CMD_UNKNOWN;
	if (n != 5)
		return CMD_BAD_ARGS;
	if (strcmp(w[3], "rss") == 0)
		return port_config_all_rss(w[4]);
	if (strcmp(w[3], "max-pkt-len") == 0) {
		if (cmd_ports_not_stopped() ||
			cmd_parse_number(w[4], 64, 65535, &v) != 0)
			return CMD_DONE;
		cfg.max_rx_pkt_len = (uint32_t)v;
		RTE_ETH_FOREACH_DEV (port_id)
			port_reconfig_request(port_id);
		return CMD_DONE;
	}
	return port_config_all_number(w[3], w[4]);
}

static int
port_attach(const char *devargs)
{
	bool before[TESTPMD_MAX_PORTS] = { false };
	uint16_t port_id;
	int ret;

	RTE_ETH_FOREACH_DEV (port_id)
		before[port_id] = true;
	printf("Attaching a new port...\n");
	ret = rte_dev_probe(devargs);
	if (ret != 0) {
		printf("Failed to attach port %s: %s\n", devargs,
			rte_strerror(-ret));
		return CMD_DONE;
	}
	RTE_ETH_FOREACH_DEV (port_id) {
		if (before[port_id])
			continue;
		port_attached(port_id);
		printf("Port %u is attached. Now total ports is %u\n", port_id,
			rte_eth_dev_count_avail());
	}
	printf("Done\n");
	/* As DPDK: the new port forwards too, once started. */
	fwd_config_setup();
	return CMD_DONE;
}

static int
port_detach(const char *word)
{
	struct rte_eth_dev_info info;
	uint16_t port_id;
	int ret;

	if (cmd_parse_port_id(word, &port_id) != 0)
		return CMD_DONE;
	if (port_is_started(port_id)) {
		printf("Port not stopped\n");
		return CMD_DONE;
	}
	if (!port_is_closed(port_id))
		printf("Port was not closed\n");
	if (rte_eth_dev_info_get(port_id, &info) != 0 || info.device == NULL) {
		printf("Failed to detach port %u: no device\n", port_id);
		return CMD_DONE;
	}
	printf("Removing a device...\n");
	ret = rte_dev_remove(info.device);
	if (ret != 0) {
		printf("Failed to detach device on port %u: %s\n", port_id,
			rte_strerror(-ret));
		return CMD_DONE;
	}
	printf("Device is detached\nNow total ports is %u\nDone\n",
		rte_eth_dev_count_avail());
	if (rte_eth_dev_count_avail() > 0)
		fwd_config_setup();
	return CMD_DONE;
}

int
cmd_port(char **w, int n)
{
	if (n >= 3 && strcmp(w[1], "config") == 0)
		return port_config(w, n);
	if (n != 3)
		return CMD_UNKNOWN;
	if (strcmp(w[1], "start") == 0) {
		cmd_for_ports(w[2], port_start_cmd);
		return CMD_DONE;
	}
	if (strcmp(w[1], "stop") != 0 && strcmp(w[1], "close") != 0 &&
		strcmp(w[1], "reset") != 0 && strcmp(w[1], "attach") != 0 &&
		strcmp(w[1], "detach") != 0)
		return CMD_UNKNOWN;
	if (cmd_forwarding_refuses())
		return CMD_DONE;
	if (strcmp(w[1], "stop") == 0)
		cmd_for_ports(w[2], port_stop);
	else if (strcmp(w[1], "close") == 0)
		cmd_for_ports(w[2], port_close);
	else if (strcmp(w[1], "reset") == 0)
		cmd_for_ports(w[2], port_reset_cmd);
	else if (strcmp(w[1], "attach") == 0)
		return port_attach(w[2]);
	else
		return port_detach(w[2]);
	return CMD_DONE;
}

/* "mac_addr set|add P XX:XX:XX:XX:XX:XX" */
int
cmd_mac_addr(char **w, int n)
{
	struct rte_ether_addr mac;
	uint16_t port_id;
	int ret;

	if (n != 4 || (strcmp(w[1], "set") != 0 && strcmp(w[1], "add") != 0))
		return CMD_UNKNOWN;
	if (parse_mac(w[3], &mac) != 0)
		return CMD_BAD_ARGS;
	if (cmd_parse_port_id(w[2], &port_id) != 0)
		return CMD_DONE;
	if (strcmp(w[1], "set") == 0)
		ret = rte_eth_dev_default_mac_addr_set(port_id, &mac);
	else
		ret = rte_eth_dev_mac_addr_add(port_id, &mac, 0);
	if (ret != 0)
		printf("mac_addr_cmd error: (%s)\n", rte_strerror(-ret));
	return CMD_DONE;
}
