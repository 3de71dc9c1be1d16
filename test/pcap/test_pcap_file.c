/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap on capture files (no root, no hugepages): file in, file out
 * byte for byte, multi-segment mbufs, infinite_rx, truncated and garbage
 * captures, bad devargs, multiple queues, and every mbuf back in its
 * pool after close.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_bus_vdev.h>

#include "pcap_test.h"

#define NB_PKTS 12
#define BURST	8
/* Rx bursts that find nothing before a case decides the file ended. */
#define MAX_IDLE   4
#define MAX_BURSTS 10000

/* clang-format off */
static const uint32_t pkt_lens[NB_PKTS] = {
	60, 64, 128, 1514, 2047, 2048, 2049, 3000, 9000, 100, 1500, 61,
};
/* clang-format on */

static char dir[64];
static char in_path[128], in2_path[128], out_path[128], out2_path[128];
static char trunc_path[128], garbage_path[128], short_path[128];
static char devargs[1024];

/* Moves everything rx gives to tx until rx stays empty; the count. */
static int
forward_all(uint16_t port_id, uint16_t queue_id, int *saw_chain)
{
	struct rte_mbuf *pkts[BURST];
	int idle = 0, total = 0, bursts;
	uint16_t n, sent, i;

	for (bursts = 0; bursts < MAX_BURSTS && idle < MAX_IDLE; bursts++) {
		n = rte_eth_rx_burst(port_id, queue_id, pkts, BURST);
		if (n == 0) {
			idle++;
			continue;
		}
		idle = 0;
		for (i = 0; i < n; i++)
			if (pkts[i]->nb_segs > 1)
				*saw_chain = 1;
		sent = rte_eth_tx_burst(port_id, queue_id, pkts, n);
		for (i = sent; i < n; i++)
			rte_pktmbuf_free(pkts[i]);
		total += n;
	}
	return total;
}

ETH_BODY(body_forward)
{
	struct rte_mempool *mp = eth_pool();
	struct rte_eth_stats stats;
	int chain = 0;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	CHECK_RET(forward_all(0, 0, &chain), NB_PKTS);
	CHECK(chain);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.ipackets == NB_PKTS && stats.opackets == NB_PKTS);
	CHECK(stats.q_ipackets[0] == NB_PKTS && stats.q_opackets[0] == NB_PKTS);
	CHECK(stats.ierrors == 0 && stats.oerrors == 0);
	CHECK(pcap_test_xstat(0, "rx_q0_packets") == NB_PKTS);
	CHECK(pcap_test_xstat(0, "rx_q0_errors") == 0);
	CHECK(pcap_test_xstat(0, "tx_q0_errors") == 0);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(mp);
	CHECK_RET(pcap_test_compare(in_path, out_path), NB_PKTS);
	return 0;
}

/* Stop flushes the output: its content is complete before close. */
ETH_BODY(body_flush_at_stop)
{
	struct rte_ether_addr mac;
	struct rte_eth_link link;
	int chain = 0;

	CHECK_RET(rte_eth_macaddr_get(0, &mac), 0);
	CHECK(mac.addr_bytes[0] == 0x02 && mac.addr_bytes[1] == 0x70);
	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	/* A file port's link is up at 10G while it is started. */
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP &&
		link.link_speed == RTE_ETH_SPEED_NUM_10G);
	CHECK_RET(forward_all(0, 0, &chain), NB_PKTS);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_DOWN);
	CHECK_RET(pcap_test_compare(in_path, out_path), NB_PKTS);
	/* A restart goes on where rx stopped: at the end. */
	CHECK_RET(rte_eth_dev_start(0), 0);
	CHECK_RET(forward_all(0, 0, &chain), 0);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

ETH_BODY(body_infinite)
{
	struct rte_mbuf *pkts[BURST];
	int total = 0, bursts;
	uint16_t n;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	for (bursts = 0; bursts < MAX_BURSTS && total < 3 * NB_PKTS; bursts++) {
		n = rte_eth_rx_burst(0, 0, pkts, BURST);
		/* Packet k of the file comes back as packet k of each pass. */
		if (n > 0)
			CHECK(pkts[0]->pkt_len == pkt_lens[total % NB_PKTS]);
		total += n;
		/* No tx devargs: the tx queue drops what it gets. */
		CHECK_RET(rte_eth_tx_burst(0, 0, pkts, n), n);
	}
	CHECK(total >= 3 * NB_PKTS);
	CHECK(pcap_test_xstat(0, "rx_q0_rewinds") >= 2);
	CHECK(pcap_test_xstat(0, "tx_good_packets") == (uint64_t)total);
	/* Replay goes on after the counters are reset. */
	CHECK_RET(rte_eth_stats_reset(0), 0);
	for (total = 0, bursts = 0; bursts < MAX_BURSTS && total < 2 * NB_PKTS;
		bursts++) {
		n = rte_eth_rx_burst(0, 0, pkts, BURST);
		total += n;
		CHECK_RET(rte_eth_tx_burst(0, 0, pkts, n), n);
	}
	CHECK(total >= 2 * NB_PKTS);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

ETH_BODY(body_truncated)
{
	struct rte_eth_stats stats;
	int chain = 0;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	CHECK_RET(forward_all(0, 0, &chain), NB_PKTS - 1);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.ierrors == 1 && stats.q_errors[0] == 1);
	CHECK(pcap_test_xstat(0, "rx_q0_errors") == 1);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* Two rx files, two tx files: queue N reads file N and writes file N. */
ETH_BODY(body_two_queues)
{
	struct rte_eth_stats stats;
	int chain = 0;

	CHECK_OK(eth_port_up(0, 2, 64, NULL));
	CHECK_RET(forward_all(0, 0, &chain), NB_PKTS);
	CHECK_RET(forward_all(0, 1, &chain), 3);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.q_ipackets[0] == NB_PKTS && stats.q_ipackets[1] == 3);
	CHECK(stats.q_opackets[0] == NB_PKTS && stats.q_opackets[1] == 3);
	CHECK(pcap_test_xstat(0, "rx_q1_packets") == 3);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	CHECK_RET(pcap_test_compare(in_path, out_path), NB_PKTS);
	CHECK_RET(pcap_test_compare(in2_path, out2_path), 3);
	return 0;
}

/* The port closed while packets it received are still out: they go back
 * when the application frees them; closing never loses or keeps one. */
ETH_BODY(body_pool_full)
{
	struct rte_mbuf *pkts[BURST];
	uint16_t n;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	n = rte_eth_rx_burst(0, 0, pkts, BURST);
	CHECK(n == BURST);
	CHECK_OK(eth_port_down(0));
	eth_free_pkts(pkts, n);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* Tx only: an always-empty rx queue comes with it. */
ETH_BODY(body_tx_only)
{
	struct rte_mbuf *pkts[4];

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	CHECK_RET(rte_eth_rx_burst(0, 0, pkts, 4), 0);
	CHECK_OK(eth_make_pkts(pkts, 4, 100, 1));
	CHECK_RET(rte_eth_tx_burst(0, 0, pkts, 4), 4);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* A port left started: rte_eal_cleanup() stops and closes it through
 * the driver's remove (the child would crash or leak otherwise). */
ETH_BODY(body_left_open)
{
	struct rte_mbuf *pkts[BURST];
	uint16_t n;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	n = rte_eth_rx_burst(0, 0, pkts, BURST);
	CHECK(n == BURST);
	CHECK_RET(rte_eth_tx_burst(0, 0, pkts, n), n);
	return 0;
}

/* Devargs the probe must refuse with -EINVAL, leaving no port. */
static const char *const bad_devargs[] = {
	"rx_pcap=%s,bogus=1",
	"rx_pcap=/nonexistent/pollux.pcap",
	"rx_pcap",
	"tx_pcap=/nonexistent/dir/out.pcap",
	"infinite_rx=1,tx_pcap=%s.bad1",
	"rx_pcap=%s,rx_pcap=%s,infinite_rx=1",
	"rx_pcap=%s,infinite_rx=2",
	"rx_pcap=%s,phy_mac=1",
	"iface=lo,rx_pcap=%s",
	"rx_iface=pollux-no-such-if0",
	"",
	NULL,
};

ETH_BODY(body_bad_devargs)
{
	char args[1024];
	unsigned int i;

	for (i = 0; bad_devargs[i] != NULL; i++) {
		snprintf(args, sizeof(args), bad_devargs[i], in_path, in_path);
		if (rte_vdev_init("net_pcap1", args) != -EINVAL) {
			fprintf(stderr, "devargs '%s' not refused\n", args);
			return __LINE__;
		}
		CHECK(rte_eth_dev_count_avail() == 0);
	}
	/* A bad capture header, or a file shorter than one. */
	snprintf(args, sizeof(args), "rx_pcap=%s", garbage_path);
	CHECK_RET(rte_vdev_init("net_pcap1", args), -EINVAL);
	snprintf(args, sizeof(args), "rx_pcap=%s", short_path);
	CHECK_RET(rte_vdev_init("net_pcap1", args), -EINVAL);
	CHECK(rte_eth_dev_count_avail() == 0);
	/* A good one after all that. */
	snprintf(args, sizeof(args), "rx_pcap=%s", in_path);
	CHECK_RET(rte_vdev_init("net_pcap1", args), 0);
	CHECK(rte_eth_dev_count_avail() == 1);
	return 0;
}

static void
test_forward(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "rx_pcap=%s,tx_pcap=%s", in_path,
		out_path);
	pcap_test_run(devargs, body_forward);
}

static void
test_flush_at_stop(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "rx_pcap=%s,tx_pcap=%s", in_path,
		out_path);
	pcap_test_run(devargs, body_flush_at_stop);
}

static void
test_infinite(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "rx_pcap=%s,infinite_rx=1", in_path);
	pcap_test_run(devargs, body_infinite);
}

static void
test_truncated(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "rx_pcap=%s,tx_pcap=%s", trunc_path,
		out_path);
	pcap_test_run(devargs, body_truncated);
}

static void
test_two_queues(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs),
		"rx_pcap=%s,tx_pcap=%s,"
		"rx_pcap=%s,tx_pcap=%s",
		in_path, out_path, in2_path, out2_path);
	pcap_test_run(devargs, body_two_queues);
}

static void
test_pool_full(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "rx_pcap=%s", in_path);
	pcap_test_run(devargs, body_pool_full);
}

static void
test_tx_only(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "tx_pcap=%s", out_path);
	pcap_test_run(devargs, body_tx_only);
}

static void
test_left_open(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "rx_pcap=%s,tx_pcap=%s", in_path,
		out_path);
	pcap_test_run(devargs, body_left_open);
	/* The remove at cleanup closed the dumper: the file is complete. */
	assert_int_equal(pcap_test_compare(out_path, out_path), BURST);
}

static void
test_bad_devargs(void **state)
{
	(void)state;
	pcap_test_run(NULL, body_bad_devargs);
}

/* Writes size bytes of text to path; 0 or -1. */
static int
write_bytes(const char *path, const char *text, size_t size)
{
	FILE *f = fopen(path, "w");
	size_t n;

	if (f == NULL)
		return -1;
	n = fwrite(text, 1, size, f);
	fclose(f);
	return n == size ? 0 : -1;
}

static int
make_files(void **state)
{
	struct stat st;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/pollux-pcap-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(in_path, sizeof(in_path), "%s/in.pcap", dir);
	snprintf(in2_path, sizeof(in2_path), "%s/in2.pcap", dir);
	snprintf(out_path, sizeof(out_path), "%s/out.pcap", dir);
	snprintf(out2_path, sizeof(out2_path), "%s/out2.pcap", dir);
	snprintf(trunc_path, sizeof(trunc_path), "%s/trunc.pcap", dir);
	snprintf(garbage_path, sizeof(garbage_path), "%s/garbage.pcap", dir);
	snprintf(short_path, sizeof(short_path), "%s/short.pcap", dir);
	if (pcap_test_write(in_path, NB_PKTS, pkt_lens) != 0 ||
		pcap_test_write(in2_path, 3, pkt_lens + 5) != 0 ||
		pcap_test_write(trunc_path, NB_PKTS, pkt_lens) != 0)
		return -1;
	/* Cut the last record (61 bytes) in the middle. */
	if (stat(trunc_path, &st) != 0 ||
		truncate(trunc_path, st.st_size - 30) != 0)
		return -1;
	if (write_bytes(garbage_path,
		    "this is not a capture file, no, not at "
		    "all, whatever its name says",
		    66) != 0 ||
		write_bytes(short_path, "\xd4\xc3\xb2\xa1\x02", 5) != 0)
		return -1;
	return 0;
}

static int
remove_files(void **state)
{
	const char *paths[] = { in_path, in2_path, out_path, out2_path,
		trunc_path, garbage_path, short_path };
	char bad[160];
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(paths); i++)
		unlink(paths[i]);
	snprintf(bad, sizeof(bad), "%s.bad1", in_path);
	unlink(bad);
	rmdir(dir);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forward),
		cmocka_unit_test(test_flush_at_stop),
		cmocka_unit_test(test_infinite),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_two_queues),
		cmocka_unit_test(test_pool_full),
		cmocka_unit_test(test_tx_only),
		cmocka_unit_test(test_left_open),
		cmocka_unit_test(test_bad_devargs),
	};

	return cmocka_run_group_tests(tests, make_files, remove_files);
}
