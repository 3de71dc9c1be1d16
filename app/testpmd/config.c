/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Forwarding configuration: which ports and lcores forward, the streams
 * (Rx queue -> Tx queue) and how they are spread over the lcores.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "testpmd.h"

uint16_t fwd_ports[TESTPMD_MAX_PORTS];
unsigned int nb_fwd_ports_cur;
unsigned int fwd_lcores[RTE_MAX_LCORE];
unsigned int nb_fwd_lcores_cur;
struct fwd_stream *fwd_streams;
unsigned int nb_fwd_streams;
unsigned int lcore_stream_start[RTE_MAX_LCORE];
unsigned int lcore_stream_count[RTE_MAX_LCORE];

/* The index (in fwd_ports) of the port that index's packets go out of. */
uint16_t
fwd_peer_port(unsigned int index)
{
	switch (cfg.topology) {
	case TOPO_CHAINED:
		return (uint16_t)((index + 1) % nb_fwd_ports_cur);
	case TOPO_LOOP:
		return (uint16_t)index;
	case TOPO_PAIRED:
	default:
		if (index & 1)
			return (uint16_t)(index - 1);
		if (index + 1 < nb_fwd_ports_cur)
			return (uint16_t)(index + 1);
		return (uint16_t)index;
	}
}

static int
fwd_ports_select(void)
{
	uint16_t port_id;
	unsigned int n = 0;

	RTE_ETH_FOREACH_DEV (port_id) {
		if (cfg.portmask != 0 &&
			(port_id >= 64 ||
				!(cfg.portmask & (UINT64_C(1) << port_id))))
			continue;
		if (cfg.nb_fwd_ports != 0 && n == cfg.nb_fwd_ports)
			break;
		fwd_ports[n++] = port_id;
	}
	nb_fwd_ports_cur = n;
	if (n == 0) {
		fprintf(stderr,
			"no forwarding port: give ports with --vdev or "
			"-a, and check --portmask/--portlist\n");
		return -1;
	}
	return 0;
}

const char *fwd_nb_cores_source = "--nb-cores";

/* --coremask names no worker: say which lcores it may name. */
static void
fwd_coremask_hint(void)
{
	char workers[128] = "";
	unsigned int lcore_id;
	size_t len = 0;

	RTE_LCORE_FOREACH_WORKER (lcore_id) {
		if (len < sizeof(workers))
			len += (size_t)snprintf(workers + len,
				sizeof(workers) - len, "%s%u",
				len == 0 ? "" : ",", lcore_id);
	}
	fprintf(stderr,
		"no forwarding lcore: --coremask=0x%" PRIx64 " names "
		"no worker lcore (the main lcore %u does not forward); name "
		"some of the worker lcores %s\n",
		cfg.coremask, rte_get_main_lcore(), workers);
}

static int
fwd_lcores_select(void)
{
	unsigned int lcore_id, n = 0;

	RTE_LCORE_FOREACH_WORKER (lcore_id) {
		if (cfg.coremask != 0 &&
			(lcore_id >= 64 ||
				!(cfg.coremask & (UINT64_C(1) << lcore_id))))
			continue;
		fwd_lcores[n++] = lcore_id;
	}
	if (n == 0 && cfg.coremask != 0 && rte_lcore_count() > 1) {
		fwd_coremask_hint();
		return -1;
	}
	if (n == 0) {
		fprintf(stderr,
			"no forwarding lcore: give at least two lcores "
			"(-l 0-1); the main lcore does not forward\n");
		return -1;
	}
	if (cfg.nb_fwd_lcores > n) {
		fprintf(stderr,
			"%s %u: only %u forwarding lcores are "
			"available (the lcores other than the main one)\n",
			fwd_nb_cores_source, cfg.nb_fwd_lcores, n);
		return -1;
	}
	nb_fwd_lcores_cur = cfg.nb_fwd_lcores;
	return 0;
}

/* Streams go queue by queue, port by port; each lcore gets a run of
 * them, the last lcores one more when they do not divide evenly. */
static void
fwd_streams_spread(void)
{
	unsigned int per_lcore, extra, i, next = 0;

	if (nb_fwd_lcores_cur > nb_fwd_streams)
		nb_fwd_lcores_cur = nb_fwd_streams;
	per_lcore = nb_fwd_streams / nb_fwd_lcores_cur;
	extra = nb_fwd_streams % nb_fwd_lcores_cur;
	for (i = 0; i < nb_fwd_lcores_cur; i++) {
		lcore_stream_start[i] = next;
		lcore_stream_count[i] = per_lcore +
			(i >= nb_fwd_lcores_cur - extra ? 1 : 0);
		next += lcore_stream_count[i];
	}
}

int
fwd_config_setup(void)
{
	unsigned int p, q, n = 0;
	uint16_t nb_q;

	if (fwd_ports_select() != 0 || fwd_lcores_select() != 0)
		return -1;
	nb_q = cfg.nb_rxq;
	free(fwd_streams);
	nb_fwd_streams = nb_fwd_ports_cur * nb_q;
	fwd_streams = calloc(nb_fwd_streams, sizeof(*fwd_streams));
	if (fwd_streams == NULL) {
		fprintf(stderr, "out of memory for %u streams\n",
			nb_fwd_streams);
		return -1;
	}
	for (q = 0; q < nb_q; q++) {
		for (p = 0; p < nb_fwd_ports_cur; p++) {
			struct fwd_stream *fs = &fwd_streams[n++];

			fs->rx_port = fwd_ports[p];
			fs->rx_queue = (uint16_t)q;
			fs->tx_port = fwd_ports[fwd_peer_port(p)];
			fs->tx_queue = (uint16_t)(q % cfg.nb_txq);
		}
	}
	fwd_streams_spread();
	return 0;
}

/* The engine that forwards now, or that the next "start" runs. */
const struct fwd_engine *
fwd_engine_shown(void)
{
	return fwd_running ? fwd_engine_running : cfg.engine;
}

void
fwd_config_display(void)
{
	unsigned int i, s;

	printf("%s packet forwarding%s - ports=%u - cores=%u - streams=%u - "
	       "NUMA support %s, MP allocation mode: native\n",
		fwd_engine_shown()->name, cfg.tx_retry ? " with retry" : "",
		nb_fwd_ports_cur, nb_fwd_lcores_cur, nb_fwd_streams,
		cfg.numa ? "enabled" : "disabled");
	if (cfg.tx_retry)
		printf("TX retry num: %u, delay between TX retries: %uus\n",
			TESTPMD_TX_RETRY_NUM, TESTPMD_TX_RETRY_DELAY_US);
	for (i = 0; i < nb_fwd_lcores_cur; i++) {
		printf("Logical Core %u (socket %u) forwards packets on %u "
		       "streams:\n",
			fwd_lcores[i], rte_lcore_to_socket_id(fwd_lcores[i]),
			lcore_stream_count[i]);
		for (s = lcore_stream_start[i];
			s < lcore_stream_start[i] + lcore_stream_count[i];
			s++) {
			struct fwd_stream *fs = &fwd_streams[s];

			printf("  RX P=%u/Q=%u (socket %d) -> TX P=%u/Q=%u "
			       "(socket %d) peer=" RTE_ETHER_ADDR_PRT_FMT "\n",
				fs->rx_port, fs->rx_queue,
				port_socket(fs->rx_port), fs->tx_port,
				fs->tx_queue, port_socket(fs->tx_port),
				RTE_ETHER_ADDR_BYTES(&cfg.peer[fs->tx_port]));
		}
	}
	printf("\n");
}

void
rxtx_config_display(void)
{
	unsigned int i, q;

	printf("  %s packet forwarding%s packets/burst=%u\n",
		fwd_engine_shown()->name, cfg.tx_retry ? " with retry" : "",
		cfg.burst);
	printf("  nb forwarding cores=%u - nb forwarding ports=%u\n",
		nb_fwd_lcores_cur, nb_fwd_ports_cur);
	for (i = 0; i < nb_fwd_ports_cur; i++) {
		printf("  port %u: RX queue number: %u Tx queue number: %u\n",
			fwd_ports[i], cfg.nb_rxq, cfg.nb_txq);
		printf("    Rx offloads=0x0 Tx offloads=0x0\n");
		for (q = 0; q < cfg.nb_rxq; q++)
			printf("    RX queue: %u\n      RX desc=%u\n", q,
				cfg.nb_rxd);
		for (q = 0; q < cfg.nb_txq; q++)
			printf("    TX queue: %u\n      TX desc=%u\n", q,
				cfg.nb_txd);
	}
}

void
cores_config_display(void)
{
	unsigned int i;

	printf("List of forwarding lcores:");
	for (i = 0; i < nb_fwd_lcores_cur; i++)
		printf(" %2u", fwd_lcores[i]);
	printf("\n");
}

/*
 * A burst size of 0 (--burst=0 or "set burst 0") asks the ports' drivers
 * for theirs, as DPDK's testpmd does for --burst=0: the rx burst_size of
 * default_rxportconf, which every port must agree on. 0 with the size
 * set, or -1 after one line when no driver recommends one.
 */
int
burst_size_set(uint16_t burst)
{
	struct rte_eth_dev_info info;
	uint16_t port_id, recommended = 0;
	bool first = true;

	if (burst != 0) {
		cfg.burst = burst;
		return 0;
	}
	RTE_ETH_FOREACH_DEV (port_id) {
		if (rte_eth_dev_info_get(port_id, &info) != 0)
			info.default_rxportconf.burst_size = 0;
		if (first)
			recommended = info.default_rxportconf.burst_size;
		else if (recommended != info.default_rxportconf.burst_size)
			recommended = 0;
		first = false;
	}
	if (recommended == 0 || recommended > TESTPMD_MAX_BURST) {
		fprintf(stderr,
			"burst size 0 means the drivers' recommended "
			"size, and the ports' drivers recommend none: give a "
			"burst size between 1 and %d\n",
			TESTPMD_MAX_BURST);
		return -1;
	}
	cfg.burst = recommended;
	printf("Burst size %u, as the ports' drivers recommend\n", recommended);
	return 0;
}
