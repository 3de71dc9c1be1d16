/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Statistics in DPDK testpmd's layout: the "NIC statistics" block of a
 * port, the per-port and accumulated "Forward statistics" blocks, and
 * the --stats-period screen.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_cycles.h>

#include "testpmd.h"

/* Port counters at the last "show port stats", for the throughput. */
static struct {
	uint64_t ipackets, opackets, ibytes, obytes, cycles;
} last_shown[TESTPMD_MAX_PORTS];

/* Port counters when forwarding started. */
static struct rte_eth_stats fwd_base[TESTPMD_MAX_PORTS];

static uint64_t
rate(uint64_t now, uint64_t before, uint64_t cycles)
{
	if (cycles == 0 || now < before)
		return 0;
	return (uint64_t)((double)(now - before) * (double)rte_get_tsc_hz() /
		(double)cycles);
}

void
nic_stats_display(uint16_t port_id)
{
	static const char *border = "########################";
	struct rte_eth_stats st;
	uint64_t now, cycles;

	if (rte_eth_stats_get(port_id, &st) != 0) {
		fprintf(stderr, "cannot read the stats of port %u\n", port_id);
		return;
	}
	now = rte_rdtsc();
	cycles = last_shown[port_id].cycles != 0 ?
		now - last_shown[port_id].cycles :
		0;
	printf("\n  %s NIC statistics for port %-2u %s\n", border, port_id,
		border);
	printf("  RX-packets: %-10" PRIu64 " RX-missed: %-10" PRIu64
	       " RX-bytes:  %-" PRIu64 "\n",
		st.ipackets, st.imissed, st.ibytes);
	printf("  RX-errors: %-" PRIu64 "\n", st.ierrors);
	printf("  RX-nombuf:  %-10" PRIu64 "\n", st.rx_nombuf);
	printf("  TX-packets: %-10" PRIu64 " TX-errors: %-10" PRIu64
	       " TX-bytes:  %-" PRIu64 "\n",
		st.opackets, st.oerrors, st.obytes);
	printf("\n  Throughput (since last show)\n");
	printf("  Rx-pps: %12" PRIu64 "          Rx-bps: %12" PRIu64 "\n",
		rate(st.ipackets, last_shown[port_id].ipackets, cycles),
		8 * rate(st.ibytes, last_shown[port_id].ibytes, cycles));
	printf("  Tx-pps: %12" PRIu64 "          Tx-bps: %12" PRIu64 "\n",
		rate(st.opackets, last_shown[port_id].opackets, cycles),
		8 * rate(st.obytes, last_shown[port_id].obytes, cycles));
	printf("  %s%s%s\n", border, "############################", border);
	last_shown[port_id].ipackets = st.ipackets;
	last_shown[port_id].opackets = st.opackets;
	last_shown[port_id].ibytes = st.ibytes;
	last_shown[port_id].obytes = st.obytes;
	last_shown[port_id].cycles = now;
}

void
nic_stats_clear(uint16_t port_id)
{
	rte_eth_stats_reset(port_id);
	memset(&last_shown[port_id], 0, sizeof(last_shown[port_id]));
	memset(&fwd_base[port_id], 0, sizeof(fwd_base[port_id]));
	printf("\n  NIC statistics for port %u cleared\n", port_id);
}

void
nic_xstats_display(uint16_t port_id)
{
	struct rte_eth_xstat_name *names = NULL;
	struct rte_eth_xstat *values = NULL;
	int n, i;

	n = rte_eth_xstats_get_names(port_id, NULL, 0);
	if (n < 0) {
		fprintf(stderr, "cannot read the xstats of port %u\n", port_id);
		return;
	}
	names = calloc(n + 1, sizeof(*names));
	values = calloc(n + 1, sizeof(*values));
	if (names == NULL || values == NULL)
		goto out;
	if (rte_eth_xstats_get_names(port_id, names, n) != n ||
		rte_eth_xstats_get(port_id, values, n) != n)
		goto out;
	printf("###### NIC extended statistics for port %-2u\n", port_id);
	for (i = 0; i < n; i++)
		printf("%s: %" PRIu64 "\n", names[values[i].id].name,
			values[i].value);
out:
	free(names);
	free(values);
}

void
port_link_display(uint16_t port_id)
{
	struct rte_eth_link link;
	char text[RTE_ETH_LINK_MAX_STR_LEN];

	if (rte_eth_link_get_nowait(port_id, &link) != 0) {
		fprintf(stderr, "cannot read the link of port %u\n", port_id);
		return;
	}
	rte_eth_link_to_str(text, sizeof(text), &link);
	printf("Port %u: %s\n", port_id, text);
}

void
fwd_stats_reset(void)
{
	unsigned int s, p;

	for (s = 0; s < nb_fwd_streams; s++) {
		struct fwd_stream *fs = &fwd_streams[s];

		fs->rx_packets = 0;
		fs->tx_packets = 0;
		fs->fwd_dropped = 0;
		fs->core_cycles = 0;
		memset(fs->rx_burst_spread, 0, sizeof(fs->rx_burst_spread));
		memset(fs->tx_burst_spread, 0, sizeof(fs->tx_burst_spread));
	}
	for (p = 0; p < nb_fwd_ports_cur; p++)
		rte_eth_stats_get(fwd_ports[p], &fwd_base[fwd_ports[p]]);
}

static void
fwd_counts_line(const char *dir, uint64_t packets, uint64_t dropped)
{
	printf("  %s-packets: %-14" PRIu64 " %s-dropped: %-14" PRIu64
	       "%s-total: %-" PRIu64 "\n",
		dir, packets, dir, dropped, dir, packets + dropped);
}

/* "RX-bursts : N [a% of X pkts + b% of Y pkts + c% of others]": the
 * empty bursts (never counted) then the two most frequent sizes. */
static void
burst_stats_display(const char *dir, uint16_t port_id, bool rx)
{
	uint64_t spread[TESTPMD_MAX_BURST + 1] = { 0 };
	uint64_t count[3] = { 0 }, total = 0, shown = 0;
	unsigned int size[3] = { 0 }, s, n, i;
	unsigned int percent_shown = 0, percent;

	for (s = 0; s < nb_fwd_streams; s++) {
		const struct fwd_stream *fs = &fwd_streams[s];

		if ((rx ? fs->rx_port : fs->tx_port) != port_id)
			continue;
		for (n = 1; n <= TESTPMD_MAX_BURST; n++)
			spread[n] += rx ? fs->rx_burst_spread[n] :
					  fs->tx_burst_spread[n];
	}
	for (n = 1; n <= TESTPMD_MAX_BURST; n++) {
		total += spread[n];
		if (spread[n] > count[1]) {
			count[2] = count[1];
			size[2] = size[1];
			count[1] = spread[n];
			size[1] = n;
		} else if (spread[n] > count[2]) {
			count[2] = spread[n];
			size[2] = n;
		}
	}
	if (total == 0)
		return;
	printf("  %s-bursts : %" PRIu64 " [", dir, total);
	for (i = 0; i < 3; i++) {
		shown += count[i];
		if (shown == total) {
			printf("%u%% of %u pkts]\n", 100 - percent_shown,
				size[i]);
			return;
		}
		percent = (unsigned int)(count[i] * 100 / total);
		printf("%u%% of %u pkts + ", percent, size[i]);
		percent_shown += percent;
	}
	printf("%u%% of others]\n", 100 - percent_shown);
}

static void
core_cycles_display(uint64_t total_packets)
{
	const struct fwd_engine *ran = fwd_engine_running != NULL ?
		fwd_engine_running :
		cfg.engine;
	uint64_t cycles = 0;
	unsigned int s;

	for (s = 0; s < nb_fwd_streams; s++)
		cycles += fwd_streams[s].core_cycles;
	if (total_packets == 0)
		return;
	printf("\n  CPU cycles/packet=%.2F (total cycles=%" PRIu64
	       " / total %s packets=%" PRIu64 ") at %" PRIu64 " MHz Clock\n",
		(double)cycles / (double)total_packets, cycles,
		ran == &tx_only_engine ? "TX" : "RX", total_packets,
		rte_get_tsc_hz() / 1000000);
}

void
fwd_stats_display(void)
{
	uint64_t rx_total = 0, tx_total = 0, rx_drop = 0, tx_drop = 0;
	struct rte_eth_stats st;
	unsigned int p, s;
	/* "set fwd" while forwarding changes cfg.engine, not what ran. */
	const struct fwd_engine *ran = fwd_engine_running != NULL ?
		fwd_engine_running :
		cfg.engine;

	for (p = 0; p < nb_fwd_ports_cur; p++) {
		uint16_t port_id = fwd_ports[p];
		uint64_t rx, tx, missed, dropped = 0;

		rte_eth_stats_get(port_id, &st);
		rx = st.ipackets - fwd_base[port_id].ipackets;
		tx = st.opackets - fwd_base[port_id].opackets;
		missed = st.imissed - fwd_base[port_id].imissed;
		for (s = 0; s < nb_fwd_streams; s++)
			if (fwd_streams[s].tx_port == port_id)
				dropped += fwd_streams[s].fwd_dropped;
		printf("\n  ---------------------- Forward statistics for "
		       "port %-2u ----------------------\n",
			port_id);
		fwd_counts_line("RX", rx, missed);
		fwd_counts_line("TX", tx, dropped);
		if (cfg.record_burst_stats) {
			burst_stats_display("RX", port_id, true);
			burst_stats_display("TX", port_id, false);
		}
		printf("  ------------------------------------------------"
		       "----------------------------\n");
		rx_total += rx;
		tx_total += tx;
		rx_drop += missed;
		tx_drop += dropped;
	}
	printf("\n  +++++++++++++++ Accumulated forward statistics for all "
	       "ports+++++++++++++++\n");
	fwd_counts_line("RX", rx_total, rx_drop);
	fwd_counts_line("TX", tx_total, tx_drop);
	printf("  ++++++++++++++++++++++++++++++++++++++++++++++++++++++++"
	       "++++++++++++++++++++\n");
	if (cfg.record_core_cycles)
		core_cycles_display(
			ran == &tx_only_engine || ran == &flow_gen_engine ?
				tx_total :
				rx_total);
}

/* One --stats-period screen; on a terminal it is redrawn in place. */
void
stats_period_show(void)
{
	unsigned int p;

	if (isatty(STDOUT_FILENO) == 1)
		printf("\033[2J\033[1;1H");
	printf("\nPort statistics ====================================");
	for (p = 0; p < nb_fwd_ports_cur; p++)
		nic_stats_display(fwd_ports[p]);
	fflush(stdout);
}
