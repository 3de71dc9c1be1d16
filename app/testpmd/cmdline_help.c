/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * "help [section]" with DPDK's section names, and the list of commands
 * that DPDK 22.11's testpmd has and this one does not, so that typing
 * one says "not supported" rather than "Bad arguments".
 */
#include <stdio.h>
#include <string.h>

#include "testpmd.h"
#include "cmdline.h"

struct help_section {
	const char *name;
	const char *summary;
	const char *text;
};

static const struct help_section help_sections[] = {
	{ "control", "Starting, stopping and leaving.",
		"start\n    Start forwarding with the current engine.\n"
		"start tx_first [n]\n    Send n bursts (default 1) with the txonly "
		"engine first, then forward.\n"
		"stop\n    Stop forwarding and show the forward statistics.\n"
		"quit\n    Stop, close the ports and exit.\n" },
	{ "display", "Ports, statistics and the configuration shown.",
		"show port (info|stats|xstats|summary) (port_id|all)\n"
		"show port (port_id) link\n"
		"show port (port_id) rss-hash [key]\n"
		"show device info (all|device_name)\n"
		"show rxq info (port_id) (queue_id)\n"
		"show txq info (port_id) (queue_id)\n"
		"show config (rxtx|cores|fwd|txpkts)\n"
		"show fwd stats all\n"
		"clear port stats (port_id|all)\n"
		"clear fwd stats all\n" },
	{ "config", "The forwarding configuration.",
		"set fwd (io|mac|macswap|flowgen|rxonly|txonly|icmpecho|5tswap) "
		"[retry]\n"
		"set verbose (level)\n    bit 0: print received packets, bit 1: "
		"print sent packets.\n"
		"set nbport (num)\nset nbcore (num)\nset burst (num)\n"
		"set portlist (x[,y]*)\nset corelist (x[,y]*)\n"
		"set portmask (mask)\nset coremask (mask)\n"
		"set txpkts (x[,y]*)\n"
		"set eth-peer (port_id) (peer_addr)\n" },
	{ "ports", "Port life, setup and Rx modes.",
		"port (start|stop|close|reset) (port_id|all)\n"
		"port attach (devargs)\n    e.g. port attach net_null2\n"
		"port detach (port_id)\n"
		"port config all (rxq|txq|rxd|txd) (value)\n"
		"port config all max-pkt-len (value)\n"
		"port config mtu (port_id) (value)\n"
		"port config all rss (all|ip|tcp|udp|none)\n"
		"set promisc (port_id|all) (on|off)\n"
		"set allmulti (port_id|all) (on|off)\n"
		"set link-up port (port_id)\nset link-down port (port_id)\n"
		"mac_addr set (port_id) (XX:XX:XX:XX:XX:XX)\n"
		"mac_addr add (port_id) (XX:XX:XX:XX:XX:XX)\n" },
	{ "filters", "Flow rules and filters.",
		"Not supported by pollux-testpmd (no flow API).\n" },
	{ "traffic_management", "Traffic management.",
		"Not supported by pollux-testpmd.\n" },
	{ "devices", "Devices: hotplug and information.",
		"port attach (devargs)\nport detach (port_id)\n"
		"show device info (all|device_name)\n" },
	{ "drivers", "Commands of one driver.",
		"Not supported by pollux-testpmd.\n" },
};

#define HELP_NB_SECTIONS (sizeof(help_sections) / sizeof(help_sections[0]))

static void
help_summary(void)
{
	unsigned int i;

	printf("\nHelp is available for the following sections:\n\n");
	for (i = 0; i < HELP_NB_SECTIONS; i++)
		printf("    help %-27s: %s\n", help_sections[i].name,
			help_sections[i].summary);
	printf("    help %-27s: %s\n\n", "all", "Every section above.");
}

void
cmd_help(char **w, int n)
{
	unsigned int i;
	bool all = n == 2 && strcmp(w[1], "all") == 0;
	bool shown = false;

	if (n == 1) {
		help_summary();
		return;
	}
	for (i = 0; i < HELP_NB_SECTIONS; i++) {
		if (!all && (n != 2 || strcmp(w[1], help_sections[i].name) != 0))
			continue;
		printf("\n%s\n", help_sections[i].summary);
		printf("%.*s\n\n%s\n", (int)strlen(help_sections[i].summary),
			"------------------------------------------------------",
			help_sections[i].text);
		shown = true;
	}
	if (!shown) {
		printf("No help section '%s'\n", n > 1 ? w[1] : "");
		help_summary();
	}
}

/* Commands of DPDK 22.11's testpmd not implemented here, by their
 * first words: a line that starts with these words and that the groups
 * do not take is "not supported", not "Bad arguments". */
static const char *const dpdk_only_prefixes[] = {
	"flow",
	"vlan",
	"tunnel_filter",
	"csum",
	"tso",
	"tunnel_tso",
	"gro",
	"gso",
	"bonding",
	"create",
	"add",
	"remove",
	"dump",
	"read",
	"write",
	"load",
	"ddp",
	"mcast_addr",
	"rx_vxlan_port",
	"tm",
	"mtr",
	"meter",
	"ptype",
	"queue",
	"rx_vlan",
	"tx_vlan",
	"showcfg",
	"set_vf",
	"E-tag",
	"dump_physmem",
	"dump_memzone",
	"dump_struct_sizes",
	"dump_ring",
	"dump_mempool",
	"dump_devargs",
	"dump_log_types",
	"stop_lcore",
	"clear_lcore",
	"mac_addr remove",
	"device detach",
	"set log",
	"set vf",
	"set port",
	"set rxoffs",
	"set rxpkts",
	"set rxhdrs",
	"set txsplit",
	"set txtimes",
	"set record-core-cycles",
	"set record-burst-stats",
	"set flush_rx",
	"set bypass",
	"set xstats-hide-zero",
	"set stat_qmap",
	"set vlan",
	"set qinq",
	"set flow_ctrl",
	"set pfc_ctrl",
	"set macsec",
	"set queue",
	"set tx",
	"set bonding",
	"set lro",
	"set raw_encap",
	"set raw_decap",
	"set sample_actions",
	"set vxlan",
	"set nvgre",
	"set mplsogre_encap",
	"set l2_encap",
	"set l2_decap",
	"set conntrack",
	"set dcb",
	"set link-check",
	"set drop",
	"set mcast_addr",
	"set uc",
	"set allmulti_mac",
	"set promisc_mac",
	"show bonding",
	"show port",
	"show vf",
	"show fec",
	"show bypass",
	"show dcb",
	"show tm",
	"show flow",
	"show raw_encap",
	"show raw_decap",
	"show lcores",
	"show mempool",
	"show config rxoffs",
	"show config rxpkts",
	"show config rxhdrs",
	"show config txtimes",
	"port config",
	"port tm",
	"port meter",
	"port flow",
	"port rxq",
	"port txq",
	"port cleanup",
	"port map",
	"port eeprom",
	"port hairpin",
	"clear vf",
	"clear port xstats",
	NULL,
};

/* True when the first words of the line are those of prefix. */
static bool
words_start_with(char **w, int n, const char *prefix)
{
	char copy[64], *word, *save = NULL;
	int i = 0;

	snprintf(copy, sizeof(copy), "%s", prefix);
	for (word = strtok_r(copy, " ", &save); word != NULL;
		word = strtok_r(NULL, " ", &save), i++)
		if (i >= n || strcmp(w[i], word) != 0)
			return false;
	return true;
}

bool
cmd_is_dpdk_only(char **w, int n)
{
	unsigned int i;

	for (i = 0; dpdk_only_prefixes[i] != NULL; i++)
		if (words_start_with(w, n, dpdk_only_prefixes[i]))
			return true;
	return false;
}
