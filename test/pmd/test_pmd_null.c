/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_null: devargs, packets made on Rx (size, copy, no-rx), Tx frees,
 * statistics and xstats, multi-queue, stop/close with the pool full
 * afterwards, and hot-plug. Each case runs in a forked EAL child
 * (ethdev/ethdev_test.h).
 */
#include <rte_bus_vdev.h>
#include <rte_dev.h>

#include "ethdev/ethdev_test.h"

#define NULL_EAL_ARGS \
	"-l 0 --no-huge --no-pci -m 256 " \
	"--log-level=lib.ethdev:crit"
#define NULL_ARGS NULL_EAL_ARGS " --vdev net_null0"
#define BURST	  32

/* Receives one burst of BURST packets of len bytes on port/queue. */
static int
null_rx_check(uint16_t port, uint16_t queue, uint32_t len)
{
	struct rte_mbuf *pkts[BURST];
	uint16_t i;

	CHECK_RET(rte_eth_rx_burst(port, queue, pkts, BURST), BURST);
	for (i = 0; i < BURST; i++) {
		CHECK(pkts[i]->pkt_len == len);
		CHECK(pkts[i]->data_len == len);
		CHECK(pkts[i]->nb_segs == 1);
		CHECK(pkts[i]->port == port);
	}
	CHECK_RET(rte_eth_tx_burst(port, queue, pkts, BURST), BURST);
	return 0;
}

ETH_BODY(body_default)
{
	struct rte_eth_link link;
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac;
	struct rte_eth_stats stats;
	struct rte_mempool *mp = eth_pool();

	CHECK(rte_eth_dev_count_avail() == 1);
	CHECK_RET(rte_eth_dev_info_get(0, &info), 0);
	CHECK(strcmp(info.driver_name, "net_null") == 0);
	CHECK(info.max_rx_queues >= 16 && info.max_tx_queues >= 16);
	CHECK_RET(rte_eth_macaddr_get(0, &mac), 0);
	CHECK(rte_is_local_admin_ether_addr(&mac));
	CHECK(rte_is_unicast_ether_addr(&mac));
	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP);
	CHECK(link.link_speed == RTE_ETH_SPEED_NUM_10G);
	CHECK(link.link_duplex == RTE_ETH_LINK_FULL_DUPLEX);
	CHECK(link.link_autoneg == RTE_ETH_LINK_FIXED);
	CHECK_OK(null_rx_check(0, 0, 64));
	CHECK_OK(null_rx_check(0, 0, 64));
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.ipackets == 2 * BURST && stats.opackets == 2 * BURST);
	CHECK(stats.ibytes == 2 * BURST * 64 && stats.obytes == stats.ibytes);
	CHECK(stats.q_ipackets[0] == 2 * BURST);
	CHECK(stats.q_opackets[0] == 2 * BURST);
	CHECK(stats.rx_nombuf == 0 && stats.ierrors == 0);
	CHECK_RET(rte_eth_stats_reset(0), 0);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.ipackets == 0 && stats.obytes == 0);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(mp);
	return 0;
}

/* Byte i of the copy=1 template of a port with MAC mac. */
static uint8_t
data_byte(const struct rte_ether_addr *mac, uint16_t i)
{
	if (i < RTE_ETHER_ADDR_LEN)
		return 0xff;
	if (i < 2 * RTE_ETHER_ADDR_LEN)
		return mac->addr_bytes[i - RTE_ETHER_ADDR_LEN];
	return (uint8_t)i;
}

ETH_BODY(body_size_copy)
{
	uint64_t id = 0, value = 0, sum = 0;
	struct rte_mbuf *pkts[BURST];
	struct rte_ether_addr mac;
	struct rte_ether_hdr *eth;
	const uint8_t *data;
	uint16_t i, k;

	CHECK_RET(rte_eth_macaddr_get(0, &mac), 0);
	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	CHECK_RET(rte_eth_rx_burst(0, 0, pkts, BURST), BURST);
	for (k = 0; k < BURST; k++) {
		CHECK(pkts[k]->pkt_len == 128);
		eth = rte_pktmbuf_mtod(pkts[k], struct rte_ether_hdr *);
		CHECK(rte_is_broadcast_ether_addr(&eth->dst_addr));
		CHECK(rte_is_same_ether_addr(&eth->src_addr, &mac));
		data = rte_pktmbuf_mtod(pkts[k], const uint8_t *);
		for (i = RTE_ETHER_HDR_LEN; i < 128; i++)
			CHECK(data[i] == (uint8_t)i);
	}
	CHECK_RET(rte_eth_tx_burst(0, 0, pkts, BURST), BURST);
	/* Tx read every byte: the sum of the bytes of BURST templates. */
	CHECK_RET(rte_eth_xstats_get_id_by_name(0, "tx_copy_checksum", &id), 0);
	CHECK_RET(rte_eth_xstats_get_by_id(0, &id, &value, 1), 1);
	for (i = 0; i < 128; i++)
		sum += data_byte(&mac, i);
	CHECK(value == BURST * sum);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

ETH_BODY(body_no_rx)
{
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_stats stats;

	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	CHECK_RET(rte_eth_rx_burst(0, 0, pkts, BURST), 0);
	CHECK_OK(eth_make_pkts(pkts, BURST, 100, 7));
	CHECK_RET(rte_eth_tx_burst(0, 0, pkts, BURST), BURST);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.ipackets == 0);
	CHECK(stats.opackets == BURST && stats.obytes == BURST * 100);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* Rx from an empty pool counts rx_nombuf and a driver xstat. */
ETH_BODY(body_nombuf_xstats)
{
	struct rte_mbuf *held[ETH_POOL_SIZE], *pkts[BURST];
	struct rte_mempool *mp = eth_pool();
	struct rte_eth_xstat_name *names;
	struct rte_eth_xstat *xstats;
	struct rte_eth_stats stats;
	uint64_t value = UINT64_MAX;
	int n, i, found = 0;

	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	CHECK_RET(rte_pktmbuf_alloc_bulk(mp, held, ETH_POOL_SIZE), 0);
	CHECK_RET(rte_eth_rx_burst(0, 0, pkts, BURST), 0);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.rx_nombuf == BURST);
	n = rte_eth_xstats_get_names(0, NULL, 0);
	CHECK(n > 0);
	names = calloc((size_t)n, sizeof(*names));
	xstats = calloc((size_t)n, sizeof(*xstats));
	CHECK(names != NULL && xstats != NULL);
	CHECK_RET(rte_eth_xstats_get_names(0, names, (unsigned int)n), n);
	CHECK_RET(rte_eth_xstats_get(0, xstats, (unsigned int)n), n);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i].name, "rx_nombuf_bursts") == 0) {
			value = xstats[i].value;
			found++;
		}
		if (strcmp(names[i].name, "rx_q0_packets") == 0)
			found++;
	}
	free(names);
	free(xstats);
	CHECK(found == 2);
	CHECK(value == 1);
	for (i = 0; i < ETH_POOL_SIZE; i++)
		rte_pktmbuf_free(held[i]);
	CHECK_OK(null_rx_check(0, 0, 64));
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(mp);
	return 0;
}

ETH_BODY(body_multi_queue)
{
	struct rte_eth_stats stats;
	uint16_t q;

	CHECK_OK(eth_port_up(0, 16, 256, NULL));
	for (q = 0; q < 16; q++) {
		CHECK_OK(null_rx_check(0, q, 64));
		CHECK_OK(null_rx_check(0, q, 64));
	}
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.ipackets == 16 * 2 * BURST);
	for (q = 0; q < 16; q++)
		CHECK(stats.q_ipackets[q] == 2 * BURST &&
			stats.q_obytes[q] == 2 * BURST * 64);
	/* Stop and restart keep the queues; close gives everything back. */
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_start(0), 0);
	CHECK_OK(null_rx_check(0, 15, 64));
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* As many queues as a port can have. */
ETH_BODY(body_max_queues)
{
	struct rte_eth_dev_info info;

	CHECK_RET(rte_eth_dev_info_get(0, &info), 0);
	CHECK(info.max_rx_queues == RTE_MAX_QUEUES_PER_PORT);
	CHECK_OK(eth_port_up(0, RTE_MAX_QUEUES_PER_PORT, 64, NULL));
	CHECK_OK(null_rx_check(0, 0, 64));
	CHECK_OK(null_rx_check(0, RTE_MAX_QUEUES_PER_PORT - 1, 64));
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* A bad devarg fails the probe with -EINVAL and makes no port. */
ETH_BODY(body_bad_devargs)
{
	static const char *const bad[] = {
		"size=0",
		"size=9001",
		"size=abc",
		"size=",
		"copy=2",
		"no-rx=x",
		"bogus=1",
		"size=-5",
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		if (rte_vdev_init("net_null5", bad[i]) != -EINVAL) {
			fprintf(stderr, "devargs %s accepted\n", bad[i]);
			return __LINE__;
		}
		CHECK(rte_eth_dev_count_avail() == 0);
	}
	CHECK_RET(rte_vdev_init("net_null5", "size=9000,copy=1,no-rx=0"), 0);
	CHECK_RET(rte_vdev_init("eth_null6", ""), 0);
	CHECK(rte_eth_dev_count_avail() == 2);
	CHECK_RET(rte_vdev_uninit("net_null5"), 0);
	CHECK_RET(rte_vdev_uninit("eth_null6"), 0);
	CHECK(rte_eth_dev_count_avail() == 0);
	return 0;
}

/* A key without its value says which value it wants, not "(null)". */
ETH_BODY(body_bare_key)
{
	static const char *const bare[] = { "no-rx", "size", "copy" };
	char *text = NULL;
	size_t len = 0;
	unsigned int i;
	FILE *log = open_memstream(&text, &len);
	int ok = 1;

	CHECK(log != NULL);
	rte_openlog_stream(log);
	for (i = 0; i < RTE_DIM(bare); i++)
		if (rte_vdev_init("net_null5", bare[i]) != -EINVAL)
			ok = 0;
	rte_openlog_stream(NULL);
	fclose(log);
	if (!ok || strstr(text, "(null)") != NULL ||
		strstr(text, "no-rx needs a value") == NULL ||
		strstr(text, "size needs a value") == NULL) {
		fprintf(stderr, "log: %s\n", text);
		free(text);
		return __LINE__;
	}
	free(text);
	CHECK(rte_eth_dev_count_avail() == 0);
	return 0;
}

/* The packet size must fit the mbufs. */
ETH_BODY(body_size_too_big_for_pool)
{
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	CHECK_RET(rte_eth_dev_configure(0, 1, 1, &conf), 0);
	CHECK_RET(rte_eth_rx_queue_setup(0, 0, 256, 0, NULL, eth_pool()),
		-EINVAL);
	CHECK_RET(rte_eth_dev_close(0), 0);
	return 0;
}

ETH_BODY(body_hotplug)
{
	struct rte_eth_dev_info info;
	uint16_t port;

	CHECK(rte_eth_dev_count_avail() == 0);
	CHECK_RET(rte_dev_probe("net_null9,size=128"), 0);
	CHECK_RET(rte_eth_dev_get_port_by_name("net_null9", &port), 0);
	CHECK_OK(eth_port_up(port, 2, 256, NULL));
	CHECK_OK(null_rx_check(port, 1, 128));
	CHECK_RET(rte_eth_dev_info_get(port, &info), 0);
	CHECK_RET(rte_dev_probe("net_null9"), -EEXIST);
	/* Removing a started port stops and closes it. */
	CHECK_RET(rte_dev_remove(info.device), 0);
	CHECK(!rte_eth_dev_is_valid_port(port));
	CHECK(rte_eth_dev_count_avail() == 0);
	CHECK_POOL_FULL(eth_pool());
	CHECK_RET(rte_dev_probe("net_null9,size=0"), -EINVAL);
	CHECK(rte_eth_dev_count_avail() == 0);
	return 0;
}

ETH_CASE_ARGS(test_default, NULL_ARGS, body_default)
ETH_CASE_ARGS(test_size_copy, NULL_EAL_ARGS " --vdev net_null0,size=128,copy=1",
	body_size_copy)
ETH_CASE_ARGS(test_no_rx, NULL_EAL_ARGS " --vdev net_null0,no-rx=1", body_no_rx)
ETH_CASE_ARGS(test_nombuf_xstats, NULL_ARGS, body_nombuf_xstats)
ETH_CASE_ARGS(test_multi_queue, NULL_ARGS, body_multi_queue)
ETH_CASE_ARGS(test_max_queues, NULL_ARGS, body_max_queues)
ETH_CASE_ARGS(test_bad_devargs, NULL_EAL_ARGS, body_bad_devargs)
ETH_CASE_ARGS(test_bare_key, NULL_EAL_ARGS, body_bare_key)
ETH_CASE_ARGS(test_size_too_big_for_pool,
	NULL_EAL_ARGS " --vdev net_null0,size=9000", body_size_too_big_for_pool)
ETH_CASE_ARGS(test_hotplug, NULL_EAL_ARGS, body_hotplug)

/* A bad --vdev fails rte_eal_init() with one line naming the key. */
static void
test_bad_vdev_line(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(NULL_EAL_ARGS " --vdev net_null0,size=0", NULL, &r);
	assert_true(r.ret < 0);
	assert_non_null(strstr(r.err_text, "net_null0: bad size=0"));
	eal_run(NULL_EAL_ARGS " --vdev net_null0,colour=red", NULL, &r);
	assert_true(r.ret < 0);
	assert_non_null(strstr(r.err_text, "net_null0: bad devargs"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default),
		cmocka_unit_test(test_size_copy),
		cmocka_unit_test(test_no_rx),
		cmocka_unit_test(test_nombuf_xstats),
		cmocka_unit_test(test_multi_queue),
		cmocka_unit_test(test_max_queues),
		cmocka_unit_test(test_bad_devargs),
		cmocka_unit_test(test_bare_key),
		cmocka_unit_test(test_size_too_big_for_pool),
		cmocka_unit_test(test_hotplug),
		cmocka_unit_test(test_bad_vdev_line),
	};

	return cmocka_run_group_tests_name("pmd_null", tests, NULL, NULL);
}
