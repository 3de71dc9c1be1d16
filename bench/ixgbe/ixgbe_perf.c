/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Cycles per packet of net_ixgbe's burst functions against the 82599
 * model (test/models/ixgbe, qstats=plain: doorbells are plain stores).
 *
 * Method: two model ports cabled together; PRIME packets circulate: one
 * lcore receives a burst on port 1 and sends it on port 0, whose wire
 * leads back to port 1. The TSC is read around every rx_burst and
 * tx_burst call; after a short burst the loop waits 20 us, untimed, so
 * that the model (much slower than an 82599) can fill the next one and
 * bursts are as full as on a real NIC at line rate. "busy" divides the
 * cycles of the calls that moved packets (an rx_burst that returned
 * some, and the tx_burst after it) by the packets moved: the driver's cost per packet, comparable with the
 * cost a driver has when the NIC keeps up. "all" adds the empty polls
 * spent waiting for the model (a thread on a shared CPU, far slower than
 * an 82599), so it measures the model more than the driver. "median"
 * is the median over busy calls of cycles/packet of the call: on a busy
 * shared machine the mean also holds the time slices other processes
 * took in the middle of a call.
 *
 * Orientation, not comparison: ixy reports about 100 and DPDK about 62
 * cycles per forwarded packet on a real 82599 (different machine).
 *
 * Usage: ixgbe_perf [SECONDS]   (prints one summary line)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "ixgbe_model.h"

#define BURST	    32
#define PRIME	    1024
#define NB_DESC	    1024
#define MAX_SAMPLES (1 << 22)

static double samples[MAX_SAMPLES];

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
port_up(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;
	struct rte_eth_link link;
	int tries;

	memset(&conf, 0, sizeof(conf));
	if (rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
		rte_eth_rx_queue_setup(port, 0, NB_DESC, 0, NULL, mp) != 0 ||
		rte_eth_tx_queue_setup(port, 0, NB_DESC, 0, NULL) != 0 ||
		rte_eth_dev_start(port) != 0)
		return -1;
	for (tries = 0; tries < 2000; tries++) {
		rte_eth_link_get_nowait(port, &link);
		if (link.link_status == RTE_ETH_LINK_UP)
			return 0;
		rte_delay_us_sleep(1000);
	}
	return -1;
}

static int
prime(struct rte_mempool *mp)
{
	struct rte_ether_addr dst;
	struct rte_mbuf *m;
	uint8_t *data;
	int i;

	rte_eth_macaddr_get(1, &dst);
	for (i = 0; i < PRIME; i++) {
		m = rte_pktmbuf_alloc(mp);
		if (m == NULL ||
			(data = (uint8_t *)rte_pktmbuf_append(m, 60)) == NULL)
			return -1;
		memset(data, i, 60);
		memcpy(data, dst.addr_bytes, RTE_ETHER_ADDR_LEN);
		while (rte_eth_tx_burst(0, 0, &m, 1) != 1)
			;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	char *eal_argv[] = { argv[0], "-l", "0", "--no-huge", "-m", "256",
		"--log-level=lib.*:warning", NULL };
	double seconds = argc > 1 ? atof(argv[1]) : 2.0;
	uint64_t busy = 0, idle = 0, pkts = 0, calls = 0, t0, t1, end;
	struct rte_mbuf *burst[BURST];
	struct rte_mempool *mp;
	uint16_t n, sent;

	if (ixgbe_model_start("ports=2,link_delay_ms=1,qstats=plain") != 0 ||
		rte_eal_init(7, eal_argv) < 0)
		return 1;
	mp = rte_pktmbuf_pool_create("perf", 8191, 256, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (mp == NULL || port_up(0, mp) != 0 || port_up(1, mp) != 0 ||
		prime(mp) != 0) {
		fprintf(stderr, "ixgbe_perf: set-up failed\n");
		return 1;
	}
	end = rte_rdtsc() + (uint64_t)(seconds * rte_get_tsc_hz());
	while (rte_rdtsc() < end) {
		t0 = rte_rdtsc();
		n = rte_eth_rx_burst(1, 0, burst, BURST);
		t1 = rte_rdtsc();
		if (n == 0) {
			idle += t1 - t0;
			/* Let the model fill a burst (not timed). */
			rte_delay_us_block(20);
			continue;
		}
		sent = rte_eth_tx_burst(0, 0, burst, n);
		t1 = rte_rdtsc() - t0;
		busy += t1;
		if (calls < MAX_SAMPLES)
			samples[calls] = (double)t1 / n;
		pkts += n;
		calls++;
		if (sent < n)
			rte_pktmbuf_free_bulk(burst + sent, n - sent);
		if (n < BURST)
			rte_delay_us_block(20);
	}
	qsort(samples, RTE_MIN(calls, (uint64_t)MAX_SAMPLES), sizeof(double),
		cmp_double);
	printf("ixgbe_perf: %" PRIu64 " packets in %.1f s (%.2f Mpps through "
	       "the model, %.1f per burst); rx_burst+tx_burst cycles/packet: "
	       "median %.1f, mean %.1f busy, %.1f with empty polls (ixy ~100, "
	       "DPDK ~62 on a real 82599)\n",
		pkts, seconds, pkts / seconds / 1e6,
		calls != 0 ? (double)pkts / (double)calls : 0.0,
		calls != 0 ?
			samples[RTE_MIN(calls, (uint64_t)MAX_SAMPLES) / 2] :
			0.0,
		pkts != 0 ? (double)busy / (double)pkts : 0.0,
		pkts != 0 ? (double)(busy + idle) / (double)pkts : 0.0);
	rte_eth_dev_stop(0);
	rte_eth_dev_stop(1);
	rte_eth_dev_close(0);
	rte_eth_dev_close(1);
	rte_eal_cleanup();
	ixgbe_model_stop();
	return 0;
}
