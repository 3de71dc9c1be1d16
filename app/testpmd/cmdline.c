/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Interactive mode: the "testpmd> " prompt, with line editing and
 * history from libedit. A line is split into words and handed to the
 * group its first word names. A command that does not parse prints
 * "Bad arguments" and changes nothing; one that DPDK's testpmd has but
 * this one does not says so.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include "testpmd.h"
#include "cmdline.h"

int
cmd_parse_port_id(const char *word, uint16_t *port)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(word, &end, 10);
	if (errno == 0 && *end == '\0' && end != word &&
		v < TESTPMD_MAX_PORTS && port_is_closed((uint16_t)v)) {
		/* Not "invalid": the user closed it; say so. */
		printf("Port %lu is closed: a closed port is gone (port attach "
		       "makes new ones)\n",
			v);
		return -1;
	}
	if (errno != 0 || *end != '\0' || end == word || *word == '-' ||
		v >= TESTPMD_MAX_PORTS ||
		!rte_eth_dev_is_valid_port((uint16_t)v)) {
		printf("Invalid port %s\n", word);
		return -1;
	}
	*port = (uint16_t)v;
	return 0;
}

/* Parses "all" or a valid port id. Returns 0 with *all or *port set. */
int
cmd_parse_port(const char *word, bool *all, uint16_t *port)
{
	*all = strcmp(word, "all") == 0;
	if (*all)
		return 0;
	return cmd_parse_port_id(word, port);
}

int
cmd_parse_number(const char *word, unsigned long min, unsigned long max,
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

int
cmd_parse_on_off(const char *word, bool *on)
{
	*on = strcmp(word, "on") == 0;
	return *on || strcmp(word, "off") == 0 ? 0 : -1;
}

/* Runs fn on one port or on every port. */
void
cmd_for_ports(const char *word, void (*fn)(uint16_t))
{
	uint16_t port_id = 0;
	bool all;

	if (cmd_parse_port(word, &all, &port_id) != 0)
		return;
	if (!all) {
		fn(port_id);
		return;
	}
	RTE_ETH_FOREACH_DEV (port_id)
		fn(port_id);
}

bool
cmd_forwarding_refuses(void)
{
	if (fwd_running)
		printf("Please stop forwarding first\n");
	return fwd_running;
}

bool
cmd_ports_not_stopped(void)
{
	if (ports_all_stopped())
		return false;
	printf("Please stop all ports first\n");
	return true;
}

static int
cmd_start(char **w, int n)
{
	unsigned long bursts = 1;

	if (n == 1) {
		start_packet_forwarding(0);
		return CMD_DONE;
	}
	if (strcmp(w[1], "tx_first") != 0 || n > 3)
		return CMD_BAD_ARGS;
	if (n == 3 && cmd_parse_number(w[2], 1, 1000000, &bursts) != 0)
		return CMD_DONE;
	start_packet_forwarding((unsigned int)bursts);
	return CMD_DONE;
}

static int
cmd_dispatch(char **w, int n)
{
	if (strcmp(w[0], "help") == 0) {
		cmd_help(w, n);
		return CMD_DONE;
	}
	if (strcmp(w[0], "start") == 0)
		return cmd_start(w, n);
	if (strcmp(w[0], "stop") == 0 && n == 1) {
		stop_packet_forwarding();
		return CMD_DONE;
	}
	if (strcmp(w[0], "show") == 0)
		return cmd_show(w, n);
	if (strcmp(w[0], "clear") == 0)
		return cmd_clear(w, n);
	if (strcmp(w[0], "set") == 0)
		return cmd_set(w, n);
	if (strcmp(w[0], "port") == 0)
		return cmd_port(w, n);
	if (strcmp(w[0], "mac_addr") == 0)
		return cmd_mac_addr(w, n);
	return CMD_UNKNOWN;
}

/* Returns 1 on quit, 0 otherwise. */
static int
cmd_run(char *line)
{
	char *w[CMD_MAX_WORDS + 1];
	char *save = NULL;
	int n = 0, ret, i;

	for (w[n] = strtok_r(line, " \t\r\n", &save);
		w[n] != NULL && n < CMD_MAX_WORDS;
		w[n] = strtok_r(NULL, " \t\r\n", &save))
		n++;
	if (n == 0 || w[0][0] == '#')
		return 0;
	if (strcmp(w[0], "quit") == 0 && n == 1)
		return 1;
	ret = cmd_dispatch(w, n);
	if (ret == CMD_DONE)
		return 0;
	if (cmd_is_dpdk_only(w, n)) {
		printf("'");
		for (i = 0; i < n; i++)
			printf("%s%s", i == 0 ? "" : " ", w[i]);
		printf("' is a dpdk-testpmd command not supported by "
		       "pollux-testpmd (see doc/testpmd.md)\n");
	} else
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
		fflush(stdout);
	}
}
