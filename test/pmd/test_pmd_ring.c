/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ring as DPDK 22.11 makes it from devargs: a port looped to itself
 * (queue i sends to and receives from ring ETH_RXTX<i>_NAME), an ATTACH
 * port sharing the rings of a CREATE port, two ports crossed by
 * rte_eth_from_rings(), ports from rings, statistics, bad devargs, and
 * the pool full after close. Each case runs in a forked EAL child
 * (ethdev/ethdev_test.h).
 */
#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_launch.h>
#include <rte_pause.h>
#include <rte_ring.h>
#include <rte_eth_ring.h>

#include "ethdev/ethdev_test.h"

#define RING_EAL_ARGS \
	"-l 0 --no-huge --no-pci -m 256 " \
	"--log-level=lib.ethdev:crit"
/* What DPDK's testpmd and examples are given: two self-looped ports. */
#define RING_SELF_ARGS RING_EAL_ARGS " --vdev net_ring0 --vdev net_ring1"
#define RING_SHARED_ARGS \
	RING_EAL_ARGS \
	" --vdev net_ring0,nodeaction=sh:0:CREATE" \
	" --vdev net_ring1,nodeaction=sh:0:ATTACH"
#define RING_SHARED_ARGS_2 \
	"-l 0-1 --no-huge --no-pci -m 256 " \
	"--log-level=lib.ethdev:crit" \
	" --vdev net_ring0,nodeaction=sh2:0:CREATE" \
	" --vdev net_ring1,nodeaction=sh2:0:ATTACH"
#define RING_QUEUES 16 /* DPDK's RTE_PMD_RING_MAX_RX_RINGS */
#define BURST	    32

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

/* Ring "ETH_RXTX<queue>_<name>", or NULL. */
static struct rte_ring *
ring_named(unsigned int queue, const char *name)
{
	char ring_name[RTE_RING_NAMESIZE];

	snprintf(ring_name, sizeof(ring_name), "ETH_RXTX%u_%s", queue, name);
	return rte_ring_lookup(ring_name);
}

/* Without devargs each port is a loop: it receives what it sent, on
 * every queue, and the other port sees none of it. */
ETH_BODY(body_self_looped)
{
	struct rte_eth_dev_info info;
	struct rte_eth_stats s0, s1;
	struct rte_mbuf *got[BURST];
	struct rte_eth_link link;
	uint16_t q;
	int round;

	CHECK(rte_eth_dev_count_avail() == 2);
	CHECK_RET(rte_eth_dev_info_get(0, &info), 0);
	CHECK(info.max_rx_queues == RING_QUEUES);
	CHECK(info.max_tx_queues == RING_QUEUES);
	for (q = 0; q < RING_QUEUES; q++)
		CHECK(ring_named(q, "net_ring0") != NULL);
	CHECK(ring_named(RING_QUEUES, "net_ring0") == NULL);
	CHECK(rte_ring_lookup("ETH_RX0_net_ring0") == NULL);
	CHECK_OK(eth_port_up(0, 4, 512, NULL));
	CHECK_OK(eth_port_up(1, 1, 512, NULL));
	CHECK_RET(rte_eth_link_get_nowait(1, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP);
	for (round = 0; round < 10; round++) {
		CHECK_OK(ring_pass(0, 0, 0, (uint8_t)round));
		CHECK_OK(ring_pass(1, 1, 0, (uint8_t)(round + 100)));
		CHECK_RET(rte_eth_rx_burst(1, 0, got, BURST), 0);
	}
	/* Queue 3 has a ring of its own. */
	CHECK_OK(ring_pass(0, 0, 3, 7));
	CHECK_RET(rte_ring_count(ring_named(0, "net_ring0")), 0);
	CHECK_RET(rte_eth_stats_get(0, &s0), 0);
	CHECK_RET(rte_eth_stats_get(1, &s1), 0);
	CHECK(s0.opackets == 11 * BURST && s0.ipackets == 11 * BURST);
	CHECK(s1.opackets == 10 * BURST && s1.ipackets == 10 * BURST);
	CHECK(s0.q_opackets[3] == BURST && s0.q_ipackets[3] == BURST);
	CHECK(s0.oerrors == 0 && s1.ierrors == 0);
	/* Packets left in a ring go back to the pool when it is freed. */
	CHECK_OK(eth_make_pkts(got, BURST, 64, 1));
	CHECK_RET(rte_eth_tx_burst(0, 0, got, BURST), BURST);
	CHECK_OK(eth_port_down(1));
	CHECK_OK(eth_port_down(0));
	CHECK(ring_named(0, "net_ring0") == NULL);
	CHECK(ring_named(RING_QUEUES - 1, "net_ring1") == NULL);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* CREATE and ATTACH of one NAME: the same rings in both ports, both
 * ways. What either sends, either may receive (not a crossed pair). */
ETH_BODY(body_shared_rings)
{
	struct rte_eth_stats s0, s1;
	struct rte_mbuf *got[BURST];
	int round;

	CHECK(rte_eth_dev_count_avail() == 2);
	CHECK(ring_named(0, "sh") != NULL);
	CHECK(ring_named(RING_QUEUES - 1, "sh") != NULL);
	CHECK(rte_ring_lookup("ETH_RX0_sh") == NULL);
	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	CHECK_OK(eth_port_up(1, 1, 512, NULL));
	for (round = 0; round < 10; round++) {
		CHECK_OK(ring_pass(0, 1, 0, (uint8_t)round));
		CHECK_OK(ring_pass(1, 1, 0, (uint8_t)(round + 50)));
		CHECK_OK(ring_pass(1, 0, 0, (uint8_t)(round + 100)));
		CHECK_OK(ring_pass(0, 0, 0, (uint8_t)(round + 150)));
	}
	CHECK_RET(rte_eth_stats_get(0, &s0), 0);
	CHECK_RET(rte_eth_stats_get(1, &s1), 0);
	CHECK(s0.opackets == 20 * BURST && s0.ipackets == 20 * BURST);
	CHECK(s1.opackets == 20 * BURST && s1.ipackets == 20 * BURST);
	/* Closing the ATTACH port leaves the rings to the CREATE port. */
	CHECK_OK(eth_make_pkts(got, BURST, 64, 1));
	CHECK_RET(rte_eth_tx_burst(1, 0, got, BURST), BURST);
	CHECK_OK(eth_port_down(1));
	CHECK(ring_named(0, "sh") != NULL);
	CHECK_RET(rte_eth_rx_burst(0, 0, got, BURST), BURST);
	eth_free_pkts(got, BURST);
	/* And closing that one frees them, with what is left in them. */
	CHECK_OK(eth_make_pkts(got, BURST, 64, 2));
	CHECK_RET(rte_eth_tx_burst(0, 0, got, BURST), BURST);
	CHECK_OK(eth_port_down(0));
	CHECK(ring_named(0, "sh") == NULL);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* Two ports looped into each other: rte_eth_from_rings() with the rx
 * and tx rings crossed. A port does not receive what it sent. */
ETH_BODY(body_crossed_pair)
{
	struct rte_ring *ab = rte_ring_create("cross_ab", 1024, 0,
		RING_F_SP_ENQ | RING_F_SC_DEQ);
	struct rte_ring *ba = rte_ring_create("cross_ba", 1024, 0,
		RING_F_SP_ENQ | RING_F_SC_DEQ);
	struct rte_mbuf *pkts[BURST];
	int a, b, round;

	CHECK(ab != NULL && ba != NULL);
	a = rte_eth_from_rings("a", &ba, 1, &ab, 1, 0);
	b = rte_eth_from_rings("b", &ab, 1, &ba, 1, 0);
	CHECK(a >= 0 && b >= 0);
	CHECK_OK(eth_port_up((uint16_t)a, 1, 512, NULL));
	CHECK_OK(eth_port_up((uint16_t)b, 1, 512, NULL));
	for (round = 0; round < 10; round++) {
		CHECK_OK(ring_pass((uint16_t)a, (uint16_t)b, 0, (uint8_t)round));
		CHECK_OK(ring_pass((uint16_t)b, (uint16_t)a, 0,
			(uint8_t)(round + 100)));
	}
	CHECK_OK(eth_make_pkts(pkts, BURST, 64, 1));
	CHECK_RET(rte_eth_tx_burst((uint16_t)a, 0, pkts, BURST), BURST);
	CHECK_RET(rte_eth_rx_burst((uint16_t)a, 0, pkts, BURST), 0);
	CHECK_RET(rte_eth_rx_burst((uint16_t)b, 0, pkts, BURST), BURST);
	eth_free_pkts(pkts, BURST);
	CHECK_OK(eth_port_down((uint16_t)a));
	CHECK_OK(eth_port_down((uint16_t)b));
	rte_ring_free(ab);
	rte_ring_free(ba);
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

/* Port 0 (CREATE) sends on lcore 1 while port 1 (ATTACH) receives from
 * the shared ring on lcore 0: every packet arrives once, in order. */
ETH_BODY(body_shared_two_lcores)
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
			CHECK(*rte_pktmbuf_mtod(pkts[k], uint32_t *) == expect);
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
	struct rte_mempool *mp = rte_pktmbuf_pool_create("full_pool", 2047, 0,
		0, RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
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

	rx[0] = rte_ring_create("fr_rx0", 256, 0, RING_F_SP_ENQ | RING_F_SC_DEQ);
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
			  (struct rte_ring **)bad, 1, 0),
		-1);
	CHECK(rte_errno == EINVAL);
	CHECK_RET(rte_eth_from_rings("x", (struct rte_ring **)bad, 0,
			  (struct rte_ring **)bad, 1, 0),
		-1);
	CHECK(rte_errno == EINVAL);
	CHECK(rte_eth_dev_count_avail() == 0);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

ETH_BODY(body_bad_devargs)
{
	static const char *const bad[] = {
		"nodeaction=a:0:DESTROY",
		"nodeaction=a:0",
		"nodeaction=a:x:CREATE",
		"nodeaction=nothere:0:ATTACH",
		"colour=red",
		"internal=0x1234",
		"nodeaction=a_name_much_too_long_for_any_ring_name:0:CREATE",
		"internal",
		"nodeaction=a:-2:CREATE",
		"nodeaction=a:999:CREATE",
		"nodeaction=a:4294967295:CREATE",
		"nodeaction=a: 0:CREATE",
		"nodeaction=a::CREATE",
		"nodeaction=a:0:CREATE,nodeaction=b:0:CREATE",
		"nodeaction=abcdefghijklmnopqr:0:CREATE",
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		if (rte_vdev_init("net_ring7", bad[i]) != -EINVAL) {
			fprintf(stderr, "devargs %s accepted\n", bad[i]);
			return __LINE__;
		}
		CHECK(rte_eth_dev_count_avail() == 0);
		CHECK(ring_named(0, "a") == NULL);
		CHECK(ring_named(0, "abcdefghijklmnopqr") == NULL);
	}
	/* The longest NAME that ETH_RXTX15_NAME has room for. */
	CHECK_RET(rte_vdev_init("net_ring7",
			  "nodeaction=abcdefghijklmnopq:0:CREATE"),
		0);
	CHECK(ring_named(RING_QUEUES - 1, "abcdefghijklmnopq") != NULL);
	CHECK_RET(rte_vdev_uninit("net_ring7"), 0);
	/* No devargs: a port over rings named after itself. */
	CHECK_RET(rte_vdev_init("eth_ring3", NULL), 0);
	CHECK(ring_named(0, "eth_ring3") != NULL);
	CHECK(ring_named(RING_QUEUES - 1, "eth_ring3") != NULL);
	CHECK_RET(rte_vdev_uninit("eth_ring3"), 0);
	CHECK(ring_named(0, "eth_ring3") == NULL);
	/* There the port's name is NAME, with the same limit. */
	CHECK_RET(rte_vdev_init("net_ring_abcdefghi", NULL), -EINVAL);
	CHECK(ring_named(0, "net_ring_abcdefghi") == NULL);
	CHECK_RET(rte_vdev_init("net_ring_abcdefgh", NULL), 0);
	CHECK_RET(rte_vdev_uninit("net_ring_abcdefgh"), 0);
	/* Node -1: any node (SOCKET_ID_ANY), as DPDK's parser lets it be. */
	CHECK_RET(rte_vdev_init("net_ring6", "nodeaction=any:-1:CREATE"), 0);
	CHECK(ring_named(0, "any") != NULL);
	CHECK_RET(rte_vdev_uninit("net_ring6"), 0);
	CHECK(ring_named(0, "any") == NULL);
	/* ATTACH after CREATE, by rte_dev_probe() too. */
	CHECK_RET(rte_vdev_init("net_ring4", "nodeaction=q:0:CREATE"), 0);
	CHECK_RET(rte_dev_probe("net_ring5,nodeaction=q:0:ATTACH"), 0);
	CHECK_RET(rte_vdev_uninit("net_ring5"), 0);
	CHECK(ring_named(0, "q") != NULL);
	CHECK_RET(rte_vdev_uninit("net_ring4"), 0);
	CHECK(ring_named(0, "q") == NULL);
	return 0;
}

/* A ring in the way: CREATE fails and frees the rings it made; ATTACH
 * to rings that are not all there fails; a port without devargs whose
 * rings exist attaches to them (as DPDK's does) and leaves them. */
ETH_BODY(body_rings_in_the_way)
{
	struct rte_ring *mine[RING_QUEUES];
	char name[RTE_RING_NAMESIZE];
	struct rte_mbuf *pkts[BURST];
	void *objs[BURST];
	uint16_t port_id;
	unsigned int q;

	mine[5] = rte_ring_create("ETH_RXTX5_w", 64, 0, 0);
	CHECK(mine[5] != NULL);
	CHECK_RET(rte_vdev_init("net_ring1", "nodeaction=w:0:CREATE"), -EINVAL);
	CHECK(ring_named(0, "w") == NULL && ring_named(6, "w") == NULL);
	CHECK(ring_named(5, "w") == mine[5]);
	CHECK_RET(rte_vdev_init("net_ring1", "nodeaction=w:0:ATTACH"), -EINVAL);
	CHECK(ring_named(5, "w") == mine[5]);
	rte_ring_free(mine[5]);
	CHECK(rte_eth_dev_count_avail() == 0);
	for (q = 0; q < RING_QUEUES; q++) {
		snprintf(name, sizeof(name), "ETH_RXTX%u_net_ring2", q);
		mine[q] = rte_ring_create(name, 64, 0,
			RING_F_SP_ENQ | RING_F_SC_DEQ);
		CHECK(mine[q] != NULL);
	}
	CHECK_RET(rte_vdev_init("net_ring2", NULL), 0);
	CHECK_RET(rte_eth_dev_get_port_by_name("net_ring2", &port_id), 0);
	CHECK_OK(eth_port_up(port_id, 2, 64, NULL));
	CHECK_OK(eth_make_pkts(pkts, BURST, 64, 4));
	CHECK_RET(rte_eth_tx_burst(port_id, 1, pkts, BURST), BURST);
	CHECK_RET(rte_ring_dequeue_burst(mine[1], objs, BURST, NULL), BURST);
	CHECK(objs[0] == pkts[0] && objs[BURST - 1] == pkts[BURST - 1]);
	eth_free_pkts(pkts, BURST);
	CHECK_OK(eth_port_down(port_id));
	for (q = 0; q < RING_QUEUES; q++) {
		CHECK(ring_named(q, "net_ring2") == mine[q]);
		rte_ring_free(mine[q]);
	}
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

ETH_CASE_ARGS(test_self_looped, RING_SELF_ARGS, body_self_looped)
ETH_CASE_ARGS(test_shared_rings, RING_SHARED_ARGS, body_shared_rings)
ETH_CASE_ARGS(test_shared_two_lcores, RING_SHARED_ARGS_2, body_shared_two_lcores)
ETH_CASE_ARGS(test_crossed_pair, RING_EAL_ARGS, body_crossed_pair)
ETH_CASE_ARGS(test_ring_full, RING_EAL_ARGS " --vdev net_ring0", body_ring_full)
ETH_CASE_ARGS(test_from_rings, RING_EAL_ARGS, body_from_rings)
ETH_CASE_ARGS(test_from_ring, RING_EAL_ARGS, body_from_ring)
ETH_CASE_ARGS(test_bad_devargs, RING_EAL_ARGS, body_bad_devargs)
ETH_CASE_ARGS(test_rings_in_the_way, RING_EAL_ARGS, body_rings_in_the_way)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_self_looped),
		cmocka_unit_test(test_shared_rings),
		cmocka_unit_test(test_shared_two_lcores),
		cmocka_unit_test(test_crossed_pair),
		cmocka_unit_test(test_ring_full),
		cmocka_unit_test(test_from_rings),
		cmocka_unit_test(test_from_ring),
		cmocka_unit_test(test_bad_devargs),
		cmocka_unit_test(test_rings_in_the_way),
	};

	return cmocka_run_group_tests_name("pmd_ring", tests, NULL, NULL);
}
