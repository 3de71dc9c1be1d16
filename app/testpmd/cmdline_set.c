/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * "set ...": the forwarding configuration (engine, cores, ports, burst,
 * txonly packet) and the per-port Rx modes, link and peer. What changes
 * the streams is refused while forwarding: the lcores read them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>

#include "testpmd.h"
#include "cmdline.h"

/* Rebuilds the streams after a change of cfg; on failure puts back the
 * configuration it had before (old) and says so. */
static void
fwd_reconfig(const struct testpmd_config *old)
{
	if (fwd_config_setup() == 0)
		return;
	cfg = *old;
	fwd_config_setup();
	printf("Configuration unchanged\n");
}

static void
paired_odd_warning(void)
{
	if (cfg.topology == TOPO_PAIRED && (nb_fwd_ports_cur & 1) != 0)
		printf("Warning! port-topology=paired and odd forward ports "
		       "number, the last port will pair with itself.\n");
}

static int
set_fwd(char **w, int n)
{
	static const char *const dpdk_only[] = {
		"csum",
		"noisy",
		"shared-rxq",
		"ieee1588",
		NULL,
	};
	const struct fwd_engine *engine;
	unsigned int i;

	if (n == 4 && strcmp(w[3], "retry") != 0)
		return CMD_BAD_ARGS;
	engine = fwd_engine_find(w[2]);
	if (engine == NULL) {
		for (i = 0; dpdk_only[i] != NULL; i++) {
			if (strcmp(w[2], dpdk_only[i]) == 0) {
				printf("Forwarding mode %s is not supported by "
				       "pollux-testpmd (see doc/testpmd.md)\n",
					w[2]);
				return CMD_DONE;
			}
		}
		return CMD_BAD_ARGS;
	}
	cfg.engine = engine;
	cfg.tx_retry = n == 4;
	printf("Set %s packet forwarding mode%s\n", engine->name,
		cfg.tx_retry ? " with retry" : "");
	if (fwd_running)
		printf("Forwarding goes on with %s until 'stop'; 'start' runs "
		       "%s\n",
			fwd_engine_running->name, engine->name);
	return CMD_DONE;
}

static unsigned int
ports_selected_count(void)
{
	unsigned int count = 0;
	uint16_t port_id;

	RTE_ETH_FOREACH_DEV (port_id)
		if (cfg.portmask == 0 ||
			(port_id < 64 &&
				(cfg.portmask & (UINT64_C(1) << port_id))))
			count++;
	return count;
}

static void
set_nbport(const char *word)
{
	struct testpmd_config old = cfg;
	unsigned long v;
	unsigned int max = ports_selected_count();

	if (cmd_parse_number(word, 1, TESTPMD_MAX_PORTS, &v) != 0)
		return;
	if (v > max) {
		printf("nb fwd ports %lu > %u (number of configured ports) - "
		       "ignored\n",
			v, max);
		return;
	}
	cfg.nb_fwd_ports = (unsigned int)v;
	fwd_reconfig(&old);
	printf("Number of forwarding ports set to %u\n", nb_fwd_ports_cur);
	paired_odd_warning();
}

static void
set_nbcore(const char *word)
{
	struct testpmd_config old = cfg;
	unsigned long v;

	if (cmd_parse_number(word, 1, RTE_MAX_LCORE, &v) != 0)
		return;
	cfg.nb_fwd_lcores = (unsigned int)v;
	fwd_nb_cores_source = "set nbcore";
	if (fwd_config_setup() != 0) {
		cfg = old;
		fwd_config_setup();
		return;
	}
	printf("Number of forwarding cores set to %lu\n", v);
}

/* "0,2-3" into a mask of ids below 64. */
static int
parse_id_list(const char *text, uint64_t *mask)
{
	const char *p = text;
	char *end;
	unsigned long first, last;

	*mask = 0;
	while (*p != '\0') {
		errno = 0;
		first = strtoul(p, &end, 10);
		if (end == p || errno != 0 || first >= 64 || *p == '-')
			return -1;
		last = first;
		if (*end == '-') {
			p = end + 1;
			last = strtoul(p, &end, 10);
			if (end == p || last >= 64 || last < first)
				return -1;
		}
		for (; first <= last; first++)
			*mask |= UINT64_C(1) << first;
		if (*end == ',' && end[1] != '\0')
			end++;
		else if (*end != '\0')
			return -1;
		p = end;
	}
	return *mask != 0 ? 0 : -1;
}

static int
parse_mask(const char *text, uint64_t *mask)
{
	char *end;

	errno = 0;
	*mask = strtoull(text, &end, 16);
	return errno != 0 || *end != '\0' || end == text || *text == '-' ||
			*mask == 0 ?
		-1 :
		0;
}

static void
set_ports(uint64_t mask)
{
	struct testpmd_config old = cfg;
	unsigned int bit;

	for (bit = 0; bit < 64; bit++) {
		if ((mask & (UINT64_C(1) << bit)) != 0 &&
			!rte_eth_dev_is_valid_port((uint16_t)bit)) {
			printf("Invalid port %u\n", bit);
			return;
		}
	}
	cfg.portmask = mask;
	cfg.nb_fwd_ports = 0;
	fwd_reconfig(&old);
	if (nb_fwd_ports_cur != old.nb_fwd_ports && old.nb_fwd_ports != 0)
		printf("previous number of forwarding ports %u - changed to "
		       "number of configured ports %u\n",
			old.nb_fwd_ports, nb_fwd_ports_cur);
	paired_odd_warning();
}

static void
set_cores(uint64_t mask)
{
	struct testpmd_config old = cfg;
	unsigned int bit;

	for (bit = 0; bit < 64; bit++) {
		if ((mask & (UINT64_C(1) << bit)) == 0)
			continue;
		if (bit == rte_get_main_lcore()) {
			printf("lcore %u cannot be masked on for running packet "
			       "forwarding, which is the main lcore and reserved "
			       "for command line parsing only\n",
				bit);
			return;
		}
		if (!rte_lcore_is_enabled(bit)) {
			printf("lcore %u not enabled\n", bit);
			return;
		}
	}
	cfg.coremask = mask;
	cfg.nb_fwd_lcores = (unsigned int)__builtin_popcountll(mask);
	fwd_reconfig(&old);
}

static int
set_list_or_mask(char **w)
{
	uint64_t mask;
	bool list = strstr(w[1], "list") != NULL;

	if ((list ? parse_id_list(w[2], &mask) : parse_mask(w[2], &mask)) != 0) {
		printf("Invalid %s '%s': expected %s\n", w[1], w[2],
			list ? "ids such as 0,2-3" :
			       "a hexadecimal mask such as 0x6");
		return CMD_DONE;
	}
	if (strncmp(w[1], "port", 4) == 0)
		set_ports(mask);
	else
		set_cores(mask);
	return CMD_DONE;
}

static void
set_txpkts(const char *text)
{
	uint16_t len[TESTPMD_MAX_SEGS];
	unsigned int n = 0, total = 0, room, i;
	char buf[256], *token, *save = NULL;
	unsigned long v;

	room = cfg.mbuf_data_size - RTE_PKTMBUF_HEADROOM;
	snprintf(buf, sizeof(buf), "%s", text);
	for (token = strtok_r(buf, ",", &save); token != NULL;
		token = strtok_r(NULL, ",", &save)) {
		if (n == TESTPMD_MAX_SEGS) {
			printf("nb segments per TX packets=%u >= %d - "
			       "ignored\n",
				n + 1, TESTPMD_MAX_SEGS);
			return;
		}
		if (cmd_parse_number(token, 1, room, &v) != 0)
			return;
		len[n++] = (uint16_t)v;
		total += (unsigned int)v;
	}
	if (total < 42) {
		printf("total packet length=%u < 42 - give up\n", total);
		return;
	}
	if (len[0] < 42) {
		printf("first segment length=%u < 42: pollux-testpmd puts the "
		       "Ethernet/IPv4/UDP headers in the first segment\n",
			len[0]);
		return;
	}
	for (i = 0; i < n; i++)
		cfg.tx_seg_len[i] = len[i];
	cfg.nb_tx_segs = n;
}

static void
set_verbose(const char *word)
{
	unsigned long v;

	if (cmd_parse_number(word, 0, UINT16_MAX, &v) != 0)
		return;
	printf("Change verbose level from %u to %lu\n", cfg.verbose, v);
	cfg.verbose = (unsigned int)v;
}

static int
set_config_group(char **w, int n)
{
	unsigned long v;

	if (n == 3 && strcmp(w[1], "nbport") == 0)
		set_nbport(w[2]);
	else if (n == 3 && strcmp(w[1], "nbcore") == 0)
		set_nbcore(w[2]);
	else if (n == 3 &&
		(strcmp(w[1], "portlist") == 0 ||
			strcmp(w[1], "corelist") == 0 ||
			strcmp(w[1], "portmask") == 0 ||
			strcmp(w[1], "coremask") == 0))
		return set_list_or_mask(w);
	else if (n == 3 && strcmp(w[1], "burst") == 0) {
		/* 0 follows the rule of --burst=0 (burst_size_set()). */
		if (cmd_parse_number(w[2], 0, TESTPMD_MAX_BURST, &v) == 0 &&
			burst_size_set((uint16_t)v) == 0)
			printf("Number of packets per burst set to %u\n",
				cfg.burst);
	} else if (n == 3 && strcmp(w[1], "txpkts") == 0)
		set_txpkts(w[2]);
	else
		return CMD_UNKNOWN;
	return CMD_DONE;
}

static void
rx_mode_set(uint16_t port_id, bool promisc, bool on)
{
	int ret;

	if (promisc)
		ret = on ? rte_eth_promiscuous_enable(port_id) :
			   rte_eth_promiscuous_disable(port_id);
	else
		ret = on ? rte_eth_allmulticast_enable(port_id) :
			   rte_eth_allmulticast_disable(port_id);
	if (ret != 0)
		printf("Error during %s %s mode for port %u: %s\n",
			on ? "enabling" : "disabling",
			promisc ? "promiscuous" : "all-multicast", port_id,
			rte_strerror(-ret));
}

static int
set_rx_mode(char **w, bool promisc)
{
	uint16_t port_id;
	bool all, on;

	if (cmd_parse_on_off(w[3], &on) != 0)
		return CMD_BAD_ARGS;
	if (cmd_parse_port(w[2], &all, &port_id) != 0)
		return CMD_DONE;
	if (!all) {
		rx_mode_set(port_id, promisc, on);
		return CMD_DONE;
	}
	RTE_ETH_FOREACH_DEV (port_id)
		rx_mode_set(port_id, promisc, on);
	return CMD_DONE;
}

static int
set_port_group(char **w, int n)
{
	struct rte_ether_addr mac;
	uint16_t port_id;
	bool up;

	if (n == 4 && strcmp(w[1], "promisc") == 0)
		return set_rx_mode(w, true);
	if (n == 4 && strcmp(w[1], "allmulti") == 0)
		return set_rx_mode(w, false);
	if (n == 4 &&
		(strcmp(w[1], "link-up") == 0 ||
			strcmp(w[1], "link-down") == 0)) {
		if (strcmp(w[2], "port") != 0)
			return CMD_BAD_ARGS;
		up = strcmp(w[1], "link-up") == 0;
		if (cmd_parse_port_id(w[3], &port_id) != 0)
			return CMD_DONE;
		if ((up ? rte_eth_dev_set_link_up(port_id) :
			  rte_eth_dev_set_link_down(port_id)) != 0)
			printf("\nSet link %s fail.\n", up ? "up" : "down");
		return CMD_DONE;
	}
	if (n == 4 && strcmp(w[1], "eth-peer") == 0) {
		if (parse_mac(w[3], &mac) != 0)
			return CMD_BAD_ARGS;
		if (cmd_parse_port_id(w[2], &port_id) == 0)
			cfg.peer[port_id] = mac;
		return CMD_DONE;
	}
	return CMD_UNKNOWN;
}

int
cmd_set(char **w, int n)
{
	int ret;

	if (n < 2)
		return CMD_BAD_ARGS;
	if ((n == 3 || n == 4) && strcmp(w[1], "fwd") == 0)
		return set_fwd(w, n);
	if (n == 3 && strcmp(w[1], "verbose") == 0) {
		set_verbose(w[2]);
		return CMD_DONE;
	}
	ret = set_port_group(w, n);
	if (ret != CMD_UNKNOWN)
		return ret;
	/* The forwarding lcores read what the config group changes. */
	if (n == 3 && fwd_running &&
		(strcmp(w[1], "nbport") == 0 || strcmp(w[1], "nbcore") == 0 ||
			strcmp(w[1], "burst") == 0 ||
			strcmp(w[1], "txpkts") == 0 ||
			strstr(w[1], "list") != NULL ||
			strstr(w[1], "mask") != NULL)) {
		printf("Please stop forwarding first\n");
		return CMD_DONE;
	}
	return set_config_group(w, n);
}
