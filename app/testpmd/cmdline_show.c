/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* "show ..." and "clear ...": DPDK's display commands. */
#include <stdio.h>
#include <string.h>

#include <rte_dev.h>

#include "testpmd.h"
#include "cmdline.h"

static void
txpkts_config_display(void)
{
	unsigned int i;

	printf("Number of segments: %u\n", cfg.nb_tx_segs);
	printf("Segment sizes: ");
	for (i = 0; i < cfg.nb_tx_segs; i++)
		printf("%s%u", i == 0 ? "" : ",", cfg.tx_seg_len[i]);
	printf("\nSplit packet: off\n");
}

static int
show_config(const char *what)
{
	if (strcmp(what, "fwd") == 0)
		fwd_config_display();
	else if (strcmp(what, "rxtx") == 0)
		rxtx_config_display();
	else if (strcmp(what, "cores") == 0)
		cores_config_display();
	else if (strcmp(what, "txpkts") == 0)
		txpkts_config_display();
	else
		return CMD_UNKNOWN;
	return CMD_DONE;
}

static void
port_summary_all(void)
{
	uint16_t port_id;

	port_summary_header();
	RTE_ETH_FOREACH_DEV (port_id)
		port_summary_display(port_id);
}

/* "show port info|stats|xstats|summary all|P" */
static int
show_port_what(const char *what, const char *port)
{
	if (strcmp(what, "info") == 0)
		cmd_for_ports(port, port_infos_display);
	else if (strcmp(what, "stats") == 0)
		cmd_for_ports(port, nic_stats_display);
	else if (strcmp(what, "xstats") == 0)
		cmd_for_ports(port, nic_xstats_display);
	else if (strcmp(what, "summary") == 0 && strcmp(port, "all") == 0)
		port_summary_all();
	else if (strcmp(what, "summary") == 0)
		return CMD_BAD_ARGS;
	else
		return CMD_UNKNOWN;
	return CMD_DONE;
}

/* "show port P link", "show port P rss-hash [key]" */
static int
show_port_id_what(char **w, int n)
{
	uint16_t port_id;

	if (n == 4 && strcmp(w[3], "link") == 0) {
		cmd_for_ports(w[2], port_link_display);
		return CMD_DONE;
	}
	if (strcmp(w[3], "rss-hash") != 0)
		return CMD_UNKNOWN;
	if (n > 5 || (n == 5 && strcmp(w[4], "key") != 0))
		return CMD_BAD_ARGS;
	if (cmd_parse_port_id(w[2], &port_id) == 0)
		port_rss_hash_display(port_id, n == 5);
	return CMD_DONE;
}

/* "show rxq|txq info P Q" */
static int
show_queue_info(char **w, int n, bool rx)
{
	uint16_t port_id;
	unsigned long queue_id;

	if (n != 5 || strcmp(w[2], "info") != 0)
		return CMD_BAD_ARGS;
	if (cmd_parse_port_id(w[3], &port_id) != 0 ||
		cmd_parse_number(w[4], 0, UINT16_MAX, &queue_id) != 0)
		return CMD_DONE;
	if (rx)
		rxq_info_display(port_id, (uint16_t)queue_id);
	else
		txq_info_display(port_id, (uint16_t)queue_id);
	return CMD_DONE;
}

/* "show device info all|NAME": NAME is a device name (net_null0). */
static void
show_device_info(const char *which)
{
	struct rte_eth_dev_info info;
	uint16_t port_id;
	bool found = false;

	RTE_ETH_FOREACH_DEV (port_id) {
		if (strcmp(which, "all") != 0 &&
			(rte_eth_dev_info_get(port_id, &info) != 0 ||
				info.device == NULL ||
				strcmp(rte_dev_name(info.device), which) != 0))
			continue;
		device_infos_display(port_id);
		found = true;
	}
	if (!found)
		printf("No device '%s': see 'show port summary all'\n", which);
}

int
cmd_show(char **w, int n)
{
	if (n == 3 && strcmp(w[1], "config") == 0)
		return show_config(w[2]);
	if (n == 4 && strcmp(w[1], "port") == 0) {
		int ret = show_port_what(w[2], w[3]);

		if (ret != CMD_UNKNOWN)
			return ret;
	}
	if (n >= 4 && strcmp(w[1], "port") == 0)
		return show_port_id_what(w, n);
	if (n == 3 && strcmp(w[1], "port") == 0 &&
		(strcmp(w[2], "info") == 0 || strcmp(w[2], "stats") == 0 ||
			strcmp(w[2], "xstats") == 0 ||
			strcmp(w[2], "summary") == 0))
		return CMD_BAD_ARGS;
	if (n == 4 && strcmp(w[1], "fwd") == 0 && strcmp(w[2], "stats") == 0 &&
		strcmp(w[3], "all") == 0) {
		fwd_stats_display();
		return CMD_DONE;
	}
	if (n >= 2 && strcmp(w[1], "rxq") == 0)
		return show_queue_info(w, n, true);
	if (n >= 2 && strcmp(w[1], "txq") == 0)
		return show_queue_info(w, n, false);
	if (n == 4 && strcmp(w[1], "device") == 0 && strcmp(w[2], "info") == 0) {
		show_device_info(w[3]);
		return CMD_DONE;
	}
	return CMD_UNKNOWN;
}

int
cmd_clear(char **w, int n)
{
	if (n == 4 && strcmp(w[1], "port") == 0 && strcmp(w[2], "stats") == 0) {
		cmd_for_ports(w[3], nic_stats_clear);
		return CMD_DONE;
	}
	if (n == 4 && strcmp(w[1], "fwd") == 0 && strcmp(w[2], "stats") == 0 &&
		strcmp(w[3], "all") == 0) {
		fwd_stats_reset();
		return CMD_DONE;
	}
	return CMD_UNKNOWN;
}
