/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Interactive mode: the "testpmd> " prompt, with line editing and
 * history from libedit. A command that does not parse prints its usage
 * and changes nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include "testpmd.h"

#define CMD_MAX_WORDS 8

/* Parses "all" or a valid port id. Returns 0 with *all or *port set. */
static int
parse_port(const char *word, bool *all, uint16_t *port)
{
	char *end;
	unsigned long v;

	*all = strcmp(word, "all") == 0;
	if (*all)
		return 0;
	errno = 0;
	v = strtoul(word, &end, 10);
	if (errno == 0 && *end == '\0' && end != word &&
			v < TESTPMD_MAX_PORTS && port_is_closed((uint16_t)v)) {
		/* Not "invalid": the user closed it; say so. */
		printf("Port %lu is closed: a closed port is gone until "
			"testpmd restarts\n", v);
		return -1;
	}
	if (errno != 0 || *end != '\0' || end == word ||
			v >= TESTPMD_MAX_PORTS ||
			!rte_eth_dev_is_valid_port((uint16_t)v)) {
		printf("Invalid port %s\n", word);
		return -1;
	}
	*port = (uint16_t)v;
	return 0;
}

static int
parse_number(const char *word, unsigned long min, unsigned long max,
	unsigned long *value)
{
	char *end;

	errno = 0;
	*value = strtoul(word, &end, 0);
	if (errno != 0 || *end != '\0' || end == word || *word == '-' ||
			*value < min || *value > max) {
		printf("Invalid number %s: expected %lu..%lu\n", word, min, max);
		return -1;
	}
	return 0;
}

/* Runs fn on one port or on every port. */
static void
for_ports(const char *word, void (*fn)(uint16_t))
{
	uint16_t port_id = 0;
	bool all;

	if (parse_port(word, &all, &port_id) != 0)
		return;
	if (!all) {
		fn(port_id);
		return;
	}
	RTE_ETH_FOREACH_DEV(port_id)
		fn(port_id);
}

static void
promisc_on(uint16_t port_id)
{
	rte_eth_promiscuous_enable(port_id);
}

static void
promisc_off(uint16_t port_id)
{
	rte_eth_promiscuous_disable(port_id);
}

static void
port_start_cmd(uint16_t port_id)
{
	if (port_start(port_id) == 0)
		printf("Port %u started\n", port_id);
}

static bool
forwarding_refuses(void)
{
	if (fwd_running)
		printf("Please stop forwarding first\n");
	return fwd_running;
}

static void
cmd_help(void)
{
	printf("Commands:\n"
		"  start | start tx_first [n] | stop | quit\n"
		"  show port info|stats|xstats all|N\n"
		"  show port N link\n"
		"  clear port stats all|N\n"
		"  show config fwd|rxtx|cores\n"
		"  set fwd MODE | set nbcore N | set burst N\n"
		"  set promisc all|N on|off\n"
		"  port start|stop|close all|N\n"
		"  help\n");
}

static int
cmd_show(char **w, int n)
{
	if (n == 3 && strcmp(w[1], "config") == 0) {
		if (strcmp(w[2], "fwd") == 0)
			fwd_config_display();
		else if (strcmp(w[2], "rxtx") == 0)
			rxtx_config_display();
		else if (strcmp(w[2], "cores") == 0)
			cores_config_display();
		else
			return -1;
		return 0;
	}
	if (n == 4 && strcmp(w[1], "port") == 0 && strcmp(w[3], "link") == 0) {
		for_ports(w[2], port_link_display);
		return 0;
	}
	if (n != 4 || strcmp(w[1], "port") != 0)
		return -1;
	if (strcmp(w[2], "info") == 0)
		for_ports(w[3], port_infos_display);
	else if (strcmp(w[2], "stats") == 0)
		for_ports(w[3], nic_stats_display);
	else if (strcmp(w[2], "xstats") == 0)
		for_ports(w[3], nic_xstats_display);
	else
		return -1;
	return 0;
}

static int
cmd_set(char **w, int n)
{
	unsigned long v;
	const struct fwd_engine *engine;
	unsigned int old;

	if (n == 3 && strcmp(w[1], "fwd") == 0) {
		engine = fwd_engine_find(w[2]);
		if (engine == NULL)
			return -1;
		if (!forwarding_refuses()) {
			cfg.engine = engine;
			printf("Set %s packet forwarding mode\n", engine->name);
		}
		return 0;
	}
	if (n == 3 && strcmp(w[1], "nbcore") == 0) {
		if (parse_number(w[2], 1, RTE_MAX_LCORE, &v) == 0 &&
				!forwarding_refuses()) {
			old = cfg.nb_fwd_lcores;
			cfg.nb_fwd_lcores = (unsigned int)v;
			fwd_nb_cores_source = "set nbcore";
			if (fwd_config_setup() != 0) {
				cfg.nb_fwd_lcores = old;
				fwd_config_setup();
			} else {
				printf("Number of forwarding cores set to %lu\n", v);
			}
		}
		return 0;
	}
	if (n == 3 && strcmp(w[1], "burst") == 0) {
		/* 0 follows the rule of --burst=0 (burst_size_set()). */
		if (parse_number(w[2], 0, TESTPMD_MAX_BURST, &v) == 0 &&
				!forwarding_refuses() &&
				burst_size_set((uint16_t)v) == 0)
			printf("Number of packets per burst set to %u\n",
				cfg.burst);
		return 0;
	}
	if (n == 4 && strcmp(w[1], "promisc") == 0) {
		if (strcmp(w[3], "on") == 0)
			for_ports(w[2], promisc_on);
		else if (strcmp(w[3], "off") == 0)
			for_ports(w[2], promisc_off);
		else
			return -1;
		return 0;
	}
	return -1;
}

static int
cmd_port(char **w, int n)
{
	if (n != 3)
		return -1;
	if (strcmp(w[1], "start") == 0)
		for_ports(w[2], port_start_cmd);
	else if (strcmp(w[1], "stop") == 0) {
		if (!forwarding_refuses())
			for_ports(w[2], port_stop);
	} else if (strcmp(w[1], "close") == 0) {
		if (!forwarding_refuses())
			for_ports(w[2], port_close);
	} else
		return -1;
	return 0;
}

static int
cmd_start(char **w, int n)
{
	unsigned long bursts = 1;

	if (n == 1) {
		start_packet_forwarding(0);
		return 0;
	}
	if (strcmp(w[1], "tx_first") != 0 || n > 3)
		return -1;
	if (n == 3 && parse_number(w[2], 1, 1000000, &bursts) != 0)
		return 0;
	start_packet_forwarding((unsigned int)bursts);
	return 0;
}

/* Returns 1 on quit, 0 otherwise. */
static int
cmd_run(char *line)
{
	char *w[CMD_MAX_WORDS + 1];
	char *save = NULL;
	int n = 0, ret = -1;

	for (w[n] = strtok_r(line, " \t\r\n", &save); w[n] != NULL &&
			n < CMD_MAX_WORDS; w[n] = strtok_r(NULL, " \t\r\n", &save))
		n++;
	if (n == 0)
		return 0;
	if (strcmp(w[0], "quit") == 0 && n == 1)
		return 1;
	if (strcmp(w[0], "help") == 0) {
		cmd_help();
		ret = 0;
	} else if (strcmp(w[0], "start") == 0) {
		ret = cmd_start(w, n);
	} else if (strcmp(w[0], "stop") == 0 && n == 1) {
		stop_packet_forwarding();
		ret = 0;
	} else if (strcmp(w[0], "show") == 0) {
		ret = cmd_show(w, n);
	} else if (strcmp(w[0], "set") == 0) {
		ret = cmd_set(w, n);
	} else if (strcmp(w[0], "port") == 0) {
		ret = cmd_port(w, n);
	} else if (strcmp(w[0], "clear") == 0 && n == 4 &&
			strcmp(w[1], "port") == 0 && strcmp(w[2], "stats") == 0) {
		for_ports(w[3], nic_stats_clear);
		ret = 0;
	}
	if (ret != 0)
		printf("Bad arguments: '%s'; type 'help' for the commands\n",
			w[0]);
	return 0;
}

void
prompt(void)
{
	char *line;
	bool tty = isatty(STDIN_FILENO) == 1;

	for (;;) {
		if (tty) {
			line = readline("testpmd> ");
		} else {
			/* Piped input: no editing, but echo the prompt. */
			size_t cap = 0;

			line = NULL;
			printf("testpmd> ");
			fflush(stdout);
			if (getline(&line, &cap, stdin) < 0) {
				free(line);
				line = NULL;
			}
		}
		if (line == NULL) {
			printf("\n");
			break;
		}
		if (tty && line[0] != '\0')
			add_history(line);
		if (cmd_run(line) != 0) {
			free(line);
			break;
		}
		free(line);
	}
}
