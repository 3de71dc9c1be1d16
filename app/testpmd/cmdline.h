/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The interactive commands, one file per group as DPDK's help sections:
 * cmdline_show.c (display), cmdline_set.c (config), cmdline_port.c
 * (ports), cmdline_help.c (help and the commands DPDK has and we do not).
 */
#ifndef POLLUX_TESTPMD_CMDLINE_H
#define POLLUX_TESTPMD_CMDLINE_H

#include <stdbool.h>
#include <stdint.h>

#define CMD_MAX_WORDS 16

/* What a command group handler returns. */
enum cmd_result {
	CMD_DONE = 0,	   /* handled, including its own error message */
	CMD_BAD_ARGS = -1, /* ours, but the words do not parse */
	CMD_UNKNOWN = -2,  /* not a command of this group */
};

/* Parsing helpers: on failure they print one line and return -1. */
int cmd_parse_port(const char *word, bool *all, uint16_t *port);
int cmd_parse_port_id(const char *word, uint16_t *port);
int cmd_parse_number(const char *word, unsigned long min, unsigned long max,
	unsigned long *value);
int cmd_parse_on_off(const char *word, bool *on);
void cmd_for_ports(const char *word, void (*fn)(uint16_t));
bool cmd_forwarding_refuses(void);
bool cmd_ports_not_stopped(void);

int cmd_show(char **w, int n);
int cmd_clear(char **w, int n);
int cmd_set(char **w, int n);
int cmd_port(char **w, int n);
int cmd_mac_addr(char **w, int n);
void cmd_help(char **w, int n);
/* True when the words start a command of DPDK 22.11's testpmd. */
bool cmd_is_dpdk_only(char **w, int n);

#endif /* POLLUX_TESTPMD_CMDLINE_H */
