/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Starting and stopping forwarding: each forwarding lcore polls its
 * streams with the current engine until fwd_stop_requested is set.
 */
#include <inttypes.h>
#include <stdio.h>

#include <rte_cycles.h>
#include <rte_launch.h>

#include "testpmd.h"

volatile bool fwd_stop_requested;
bool fwd_running;
/* The engine the lcores run: "set fwd" while forwarding changes
 * cfg.engine, which the next "start" picks up, as in DPDK. */
const struct fwd_engine *fwd_engine_running;

/* Sends what the engine produced; what the port refuses is freed and
 * counted as dropped. */
void
fwd_stream_tx(struct fwd_stream *fs, struct rte_mbuf **pkts, uint16_t nb_rx)
{
	uint16_t nb_tx;
	unsigned int retry;

	if (unlikely(cfg.verbose & 2))
		pkt_burst_dump(fs->tx_port, fs->tx_queue, pkts, nb_rx, false);
	nb_tx = rte_eth_tx_burst(fs->tx_port, fs->tx_queue, pkts, nb_rx);
	for (retry = 0; unlikely(cfg.tx_retry) && nb_tx < nb_rx &&
		retry < TESTPMD_TX_RETRY_NUM;
		retry++) {
		rte_delay_us(TESTPMD_TX_RETRY_DELAY_US);
		nb_tx += rte_eth_tx_burst(fs->tx_port, fs->tx_queue,
			&pkts[nb_tx], nb_rx - nb_tx);
	}
	fs->tx_packets += nb_tx;
	if (unlikely(cfg.record_burst_stats) && nb_tx > 0)
		fs->tx_burst_spread[nb_tx]++;
	if (nb_tx < nb_rx) {
		fs->fwd_dropped += nb_rx - nb_tx;
		rte_pktmbuf_free_bulk(&pkts[nb_tx], nb_rx - nb_tx);
	}
}

static int
fwd_lcore_run(void *arg)
{
	unsigned int index = (unsigned int)(uintptr_t)arg;
	struct fwd_stream *first = &fwd_streams[lcore_stream_start[index]];
	unsigned int count = lcore_stream_count[index], s;
	void (*packet_fwd)(struct fwd_stream *) = fwd_engine_running->packet_fwd;
	bool cycles = cfg.record_core_cycles;
	uint64_t start;

	while (!fwd_stop_requested) {
		for (s = 0; s < count; s++) {
			if (cycles) {
				start = rte_rdtsc();
				packet_fwd(&first[s]);
				first[s].core_cycles += rte_rdtsc() - start;
			} else {
				packet_fwd(&first[s]);
			}
		}
	}
	return 0;
}

/* One burst on every stream with the txonly engine, to start a loop. */
static void
fwd_tx_first(unsigned int bursts)
{
	unsigned int b, s;

	for (s = 0; s < nb_fwd_streams; s++)
		if (tx_only_engine.stream_begin != NULL)
			tx_only_engine.stream_begin(&fwd_streams[s]);
	for (b = 0; b < bursts; b++)
		for (s = 0; s < nb_fwd_streams; s++)
			tx_only_engine.packet_fwd(&fwd_streams[s]);
}

int
start_packet_forwarding(unsigned int tx_first_bursts)
{
	unsigned int i, s;

	if (fwd_running) {
		printf("Packet forwarding already started\n");
		return 0;
	}
	for (i = 0; i < nb_fwd_ports_cur; i++) {
		if (port_is_closed(fwd_ports[i])) {
			fprintf(stderr,
				"Port %u is closed: it cannot forward "
				"until testpmd restarts\n",
				fwd_ports[i]);
			return -1;
		}
		if (!port_is_started(fwd_ports[i])) {
			fprintf(stderr,
				"Port %u is not started: run "
				"'port start %u' first\n",
				fwd_ports[i], fwd_ports[i]);
			return -1;
		}
		if (cfg.engine->port_begin != NULL &&
			cfg.engine->port_begin(fwd_ports[i]) != 0)
			return -1;
	}
	fwd_stats_reset();
	for (s = 0; s < nb_fwd_streams; s++) {
		fwd_streams[s].pool =
			socket_pools[port_socket(fwd_streams[s].rx_port)];
		if (cfg.engine->stream_begin != NULL)
			cfg.engine->stream_begin(&fwd_streams[s]);
	}
	if (tx_first_bursts > 0)
		fwd_tx_first(tx_first_bursts);
	fwd_config_display();
	rxtx_config_display();
	fwd_stop_requested = false;
	fwd_engine_running = cfg.engine;
	for (i = 0; i < nb_fwd_lcores_cur; i++)
		rte_eal_remote_launch(fwd_lcore_run, (void *)(uintptr_t)i,
			fwd_lcores[i]);
	fwd_running = true;
	return 0;
}

void
stop_packet_forwarding(void)
{
	unsigned int i;

	if (!fwd_running) {
		printf("Packet forwarding not started\n");
		return;
	}
	printf("Telling cores to stop...\n");
	fwd_stop_requested = true;
	printf("Waiting for lcores to finish...\n");
	for (i = 0; i < nb_fwd_lcores_cur; i++)
		rte_eal_wait_lcore(fwd_lcores[i]);
	fwd_running = false;
	fwd_stats_display();
	printf("\nDone.\n");
}
