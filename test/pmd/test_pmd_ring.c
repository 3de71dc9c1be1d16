/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ring: two ports looped into each other by nodeaction CREATE and
 * ATTACH, ports from rings (rte_eth_from_rings(), rte_eth_from_ring()),
 * statistics, bad devargs, and the pool full after close. Each case runs
 * in a forked EAL child (ethdev/ethdev_test.h).
 */
#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_launch.h>
#include <rte_pause.h>
#include <rte_ring.h>
#include <rte_eth_ring.h>

#include "ethdev/ethdev_test.h"

#define RING_EAL_ARGS "-l 0 --no-huge --no-pci -m 256 " \
	"--log-level=lib.ethdev:crit"
#define RING_PAIR_ARGS RING_EAL_ARGS \
	" --vdev net_ring0,nodeaction=lp:0:CREATE" \
	" --vdev net_ring1,nodeaction=lp:0:ATTACH"
#define RING_PAIR_ARGS_2 "-l 0-1 --no-huge --no-pci -m 256 " \
	"--log-level=lib.ethdev:crit" \
	" --vdev net_ring0,nodeaction=lp2:0:CREATE" \
	" --vdev net_ring1,nodeaction=lp2:0:ATTACH"
#define BURST 32

/* Sends BURST packets on from/queue and receives them on to/queue, with
 * the content unchanged. */
static int
ring_pass(uint16_t from, uint16_t to, uint16_t queue, uint8_t seed)
{
	struct rte_mbuf *pkts[BURST], *got[BURST];
	const uint8_t *data;
	uint16_t k, i;

	CHECK_OK(eth_make_pkts(pkts, BURST, 60 + seed, seed));
	CHECK_RET(rte_eth_tx_burst(from, queue, pkts, BURST), BURST);
	CHECK_RET(rte_eth_rx_burst(to, queue, got, BURST), BURST);
	for (k = 0; k < BURST; k++) {
		CHECK(got[k] == pkts[k]);
		CHECK(got[k]->pkt_len == 60u + seed);
		data = rte_pktmbuf_mtod(got[k], const uint8_t *);
		for (i = 0; i < got[k]->data_len; i++)
			CHECK(data[i] == (uint8_t)(seed + k + i));
	}
	CHECK_RET(rte_eth_rx_burst(to, queue, got, BURST), 0);
	eth_free_pkts(got, BURST);
	return 0;
}

ETH_BODY(body_looped_pair)
{
	struct rte_eth_stats s0, s1;
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_link link;
	int round;

	CHECK(rte_eth_dev_count_avail() == 2);
	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	CHECK_OK(eth_port_up(1, 1, 512, NULL));
	CHECK_RET(rte_eth_link_get_nowait(1, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP);
	for (round = 0; round < 10; round++) {
		CHECK_OK(ring_pass(0, 1, 0, (uint8_t)round));
		CHECK_OK(ring_pass(1, 0, 0, (uint8_t)(round + 100)));
	}
	/* A port does not receive what it sent itself. */
	CHECK_OK(eth_make_pkts(pkts, BURST, 64, 1));
	CHECK_RET(rte_eth_tx_burst(0, 0, pkts, BURST), BURST);
	CHECK_RET(rte_eth_rx_burst(0, 0, pkts, BURST), 0);
	CHECK_RET(rte_eth_stats_get(0, &s0), 0);
	CHECK_RET(rte_eth_stats_get(1, &s1), 0);
	CHECK(s0.opackets == 11 * BURST && s1.ipackets == 10 * BURST);
	CHECK(s1.opackets == 10 * BURST && s0.ipackets == 10 * BURST);
	CHECK(s0.q_opackets[0] == s0.opackets);
	CHECK(s0.oerrors == 0 && s1.ierrors == 0);
	/* The BURST packets in flight go back to the pool with the rings. */
	CHECK_OK(eth_port_down(1));
	CHECK_OK(eth_port_down(0));
	CHECK(rte_ring_lookup("ETH_RX0_lp") == NULL);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

#define STREAM_PKTS 200000u

/* Lcore 1: sends STREAM_PKTS numbered packets on port 0, retrying what
 * a full ring refuses. 0, or -1 when the pool stays dry for 5 s. */
static int
stream_send(void *arg __rte_unused)
{
	struct rte_mbuf *pkts[BURST];
	uint32_t seq = 0, k;
	uint16_t n, sent;
	uint64_t deadline = rte_get_timer_cycles() + 5 * rte_get_timer_hz();

	while (seq < STREAM_PKTS) {
		n = (uint16_t)RTE_MIN((uint32_t)BURST, STREAM_PKTS - seq);
		if (rte_pktmbuf_alloc_bulk(eth_pool(), pkts, n) != 0) {
			if (rte_get_timer_cycles() > deadline)
				return -1;
			rte_pause();
			continue;
		}
		deadline = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
		for (k = 0; k < n; k++)
			*(uint32_t *)rte_pktmbuf_append(pkts[k], 64) = seq + k;
		sent = 0;
		while (sent < n)
			sent += rte_eth_tx_burst(0, 0, pkts + sent, n - sent);
		seq += n;
	}
	return 0;
}

/* Port 0 sends on lcore 1 while port 1 receives on lcore 0: every
 * packet arrives once, in order. */
ETH_BODY(body_looped_pair_two_lcores)
{
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_stats s0, s1;
	uint64_t deadline = rte_get_timer_cycles() + 30 * rte_get_timer_hz();
	uint32_t expect = 0;
	uint16_t n, k;

	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	CHECK_OK(eth_port_up(1, 1, 512, NULL));
	CHECK_RET(rte_eal_remote_launch(stream_send, NULL, 1), 0);
	while (expect < STREAM_PKTS && rte_get_timer_cycles() < deadline) {
		n = rte_eth_rx_burst(1, 0, pkts, BURST);
		for (k = 0; k < n; k++) {
			CHECK(*rte_pktmbuf_mtod(pkts[k], uint32_t *) ==
				expect);
			expect++;
		}
		eth_free_pkts(pkts, n);
	}
	CHECK_RET(rte_eal_wait_lcore(1), 0);
	CHECK(expect == STREAM_PKTS);
	CHECK_RET(rte_eth_stats_get(0, &s0), 0);
	CHECK_RET(rte_eth_stats_get(1, &s1), 0);
	CHECK(s0.opackets == STREAM_PKTS && s1.ipackets == STREAM_PKTS);
	CHECK_OK(eth_port_down(1));
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* A full ring takes what fits and counts the rest in tx_ring_full. */
ETH_BODY(body_ring_full)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create("full_pool", 2047,
		0, 0, RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_xstat_name names[64];
	struct rte_eth_xstat xstats[64];
	unsigned int sent = 0, tried = 0, i;
	uint16_t n;
	int nb, found = 0;

	CHECK(mp != NULL);
	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	for (;;) {
		CHECK_RET(rte_pktmbuf_alloc_bulk(mp, pkts, BURST), 0);
		n = rte_eth_tx_burst(0, 0, pkts, BURST);
		sent += n;
		tried += BURST;
		if (n < BURST) {
			eth_free_pkts(pkts + n, BURST - n);
			break;
		}
	}
	CHECK(sent == 1023);
	nb = rte_eth_xstats_get_names(0, names, 64);
	CHECK(nb > 0 && nb <= 64);
	CHECK_RET(rte_eth_xstats_get(0, xstats, 64), nb);
	for (i = 0; i < (unsigned int)nb; i++)
		if (strcmp(names[i].name, "tx_ring_full") == 0) {
			CHECK(xstats[i].value == tried - sent);
			found = 1;
		}
	CHECK(found);
	/* Closing frees the ring it made and the packets in it. */
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(mp);
	return 0;
}

ETH_BODY(body_from_rings)
{
	struct rte_ring *rx[2], *tx[2];
	struct rte_mbuf *pkts[BURST], *got[BURST];
	struct rte_eth_dev_info info;
	struct rte_eth_stats stats;
	void *objs[BURST];
	int port, k;

	rx[0] = rte_ring_create("fr_rx0", 256, 0,
		RING_F_SP_ENQ | RING_F_SC_DEQ);
	rx[1] = rte_ring_create("fr_rx1", 256, 0, 0);
	tx[0] = rte_ring_create("fr_tx0", 256, 0, 0);
	tx[1] = rte_ring_create("fr_tx1", 256, 0, 0);
	CHECK(rx[0] != NULL && rx[1] != NULL && tx[0] != NULL && tx[1] != NULL);
	port = rte_eth_from_rings("net_ring_fr", rx, 2, tx, 2, 0);
	CHECK(port >= 0);
	CHECK_RET(rte_eth_from_rings("net_ring_fr", rx, 2, tx, 2, 0), -1);
	CHECK(rte_errno == EEXIST);
	CHECK_RET(rte_eth_dev_info_get((uint16_t)port, &info), 0);
	CHECK(info.max_rx_queues == 2 && info.max_tx_queues == 2);
	CHECK_OK(eth_port_up((uint16_t)port, 2, 256, NULL));
	/* Rx queue 1 reads rx[1]; Tx queue 0 writes tx[0]. */
	CHECK_OK(eth_make_pkts(pkts, BURST, 80, 3));
	CHECK_RET(rte_ring_enqueue_burst(rx[1], (void **)pkts, BURST, NULL),
		BURST);
	CHECK_RET(rte_eth_rx_burst((uint16_t)port, 0, got, BURST), 0);
	CHECK_RET(rte_eth_rx_burst((uint16_t)port, 1, got, BURST), BURST);
	CHECK_RET(rte_eth_tx_burst((uint16_t)port, 0, got, BURST), BURST);
	CHECK_RET(rte_ring_dequeue_burst(tx[0], objs, BURST, NULL), BURST);
	for (k = 0; k < BURST; k++)
		CHECK(objs[k] == pkts[k]);
	eth_free_pkts(pkts, BURST);
	CHECK_RET(rte_eth_stats_get((uint16_t)port, &stats), 0);
	CHECK(stats.ipackets == BURST && stats.q_ipackets[1] == BURST);
	CHECK(stats.opackets == BURST && stats.q_opackets[0] == BURST);
	CHECK_OK(eth_port_down((uint16_t)port));
	/* The rings are the caller's: still there. */
	CHECK(rte_ring_lookup("fr_rx0") == rx[0]);
	for (k = 0; k < 2; k++) {
		rte_ring_free(rx[k]);
		rte_ring_free(tx[k]);
	}
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

ETH_BODY(body_from_ring)
{
	struct rte_ring *r = rte_ring_create("loop", 512, 0, 0);
	struct rte_mbuf *bad[1] = { NULL };
	uint16_t port_id;
	int port;

	CHECK(r != NULL);
	port = rte_eth_from_ring(r);
	CHECK(port >= 0);
	CHECK_RET(rte_eth_dev_get_port_by_name("net_ring_loop", &port_id), 0);
	CHECK(port_id == port);
	CHECK_OK(eth_port_up(port_id, 1, 256, NULL));
	CHECK_OK(ring_pass(port_id, port_id, 0, 9));
	CHECK_OK(eth_port_down(port_id));
	rte_ring_free(r);
	/* Bad arguments. */
	CHECK_RET(rte_eth_from_ring(NULL), -1);
	CHECK(rte_errno == EINVAL);
	CHECK_RET(rte_eth_from_rings("x", (struct rte_ring **)bad, 1,
		(struct rte_ring **)bad, 1, 0), -1);
	CHECK(rte_errno == EINVAL);
	CHECK_RET(rte_eth_from_rings("x", (struct rte_ring **)bad, 0,
		(struct rte_ring **)bad, 1, 0), -1);
	CHECK(rte_errno == EINVAL);
	CHECK(rte_eth_dev_count_avail() == 0);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

ETH_BODY(body_bad_devargs)
{
	static const char *const bad[] = {
		"nodeaction=a:0:DESTROY", "nodeaction=a:0",
		"nodeaction=a:x:CREATE",
		"nodeaction=nothere:0:ATTACH", "colour=red", "internal=0x1234",
		"nodeaction=a_name_much_too_long_for_any_ring_name:0:CREATE",
		"internal", "nodeaction=a:-2:CREATE", "nodeaction=a:999:CREATE",
		"nodeaction=a:4294967295:CREATE", "nodeaction=a: 0:CREATE",
		"nodeaction=a::CREATE",
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		if (rte_vdev_init("net_ring7", bad[i]) != -EINVAL) {
			fprintf(stderr, "devargs %s accepted\n", bad[i]);
			return __LINE__;
		}
		CHECK(rte_eth_dev_count_avail() == 0);
		CHECK(rte_ring_lookup("ETH_RX0_a") == NULL);
	}
	/* No devargs: a port over rings named after itself. */
	CHECK_RET(rte_vdev_init("eth_ring3", NULL), 0);
	CHECK(rte_ring_lookup("ETH_RX0_eth_ring3") != NULL);
	CHECK_RET(rte_vdev_uninit("eth_ring3"), 0);
	CHECK(rte_ring_lookup("ETH_RX0_eth_ring3") == NULL);
	/* Node -1: any node (SOCKET_ID_ANY), as DPDK's parser lets it be. */
	CHECK_RET(rte_vdev_init("net_ring6", "nodeaction=any:-1:CREATE"), 0);
	CHECK(rte_ring_lookup("ETH_RX0_any") != NULL);
	CHECK_RET(rte_vdev_uninit("net_ring6"), 0);
	/* Two queue pairs. */
	CHECK_RET(rte_vdev_init("net_ring4",
		"nodeaction=q:0:CREATE,nodeaction=q:0:CREATE"), 0);
	CHECK(rte_ring_lookup("ETH_TX1_q") != NULL);
	CHECK_RET(rte_dev_probe("net_ring5,nodeaction=q:0:ATTACH"), 0);
	CHECK_RET(rte_vdev_uninit("net_ring5"), 0);
	CHECK_RET(rte_vdev_uninit("net_ring4"), 0);
	return 0;
}

ETH_CASE_ARGS(test_looped_pair, RING_PAIR_ARGS, body_looped_pair)
ETH_CASE_ARGS(test_looped_pair_two_lcores, RING_PAIR_ARGS_2,
	body_looped_pair_two_lcores)
ETH_CASE_ARGS(test_ring_full, RING_EAL_ARGS " --vdev net_ring0",
	body_ring_full)
ETH_CASE_ARGS(test_from_rings, RING_EAL_ARGS, body_from_rings)
ETH_CASE_ARGS(test_from_ring, RING_EAL_ARGS, body_from_ring)
ETH_CASE_ARGS(test_bad_devargs, RING_EAL_ARGS, body_bad_devargs)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_looped_pair),
		cmocka_unit_test(test_looped_pair_two_lcores),
		cmocka_unit_test(test_ring_full),
		cmocka_unit_test(test_from_rings),
		cmocka_unit_test(test_from_ring),
		cmocka_unit_test(test_bad_devargs),
	};

	return cmocka_run_group_tests_name("pmd_ring", tests, NULL, NULL);
}
