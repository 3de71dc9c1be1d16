/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Control calls on a net_ethtest port: MAC addresses, receive modes,
 * MTU, link, statistics and extended statistics, RSS, packet types,
 * clock, firmware version, owners, VLAN tag helpers.
 */
#include <rte_ether.h>

#include "ethdev_test.h"

#define PORT 0

static int
mac_is(const struct rte_ether_addr *a, uint8_t b0, uint8_t b5)
{
	const struct rte_ether_addr want = { { b0, 0xe7, 0, 0, 0, b5 } };

	return rte_is_same_ether_addr(a, &want);
}

ETH_BODY(body_mac)
{
	struct ethtest_private *priv = ethtest_priv(PORT);
	struct rte_ether_addr mac, table[8];
	struct rte_ether_addr a1 = { { 0x02, 0xe7, 0, 0, 0, 0xa1 } };
	struct rte_ether_addr a2 = { { 0x02, 0xe7, 0, 0, 0, 0xa2 } };
	struct rte_ether_addr a3 = { { 0x02, 0xe7, 0, 0, 0, 0xa3 } };
	struct rte_ether_addr a4 = { { 0x02, 0xe7, 0, 0, 0, 0xa4 } };
	struct rte_ether_addr mcast = { { 0x01, 0, 0x5e, 0, 0, 1 } };
	struct rte_ether_addr zero = { { 0 } };
	struct rte_ether_addr mc_list[2] = { { { 0x01, 0, 0x5e, 0, 0, 2 } },
		{ { 0x01, 0, 0x5e, 0, 0, 3 } } };

	CHECK_RET(rte_eth_macaddr_get(PORT, &mac), 0);
	CHECK(mac_is(&mac, 0x02, 0));
	CHECK_RET(rte_eth_macaddr_get(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_macaddr_get(PORT + 1, &mac), -ENODEV);

	/* Default address. */
	CHECK_RET(rte_eth_dev_default_mac_addr_set(PORT, &a1), 0);
	CHECK_RET(rte_eth_macaddr_get(PORT, &mac), 0);
	CHECK(rte_is_same_ether_addr(&mac, &a1));
	CHECK_RET(rte_eth_dev_default_mac_addr_set(PORT, &mcast), -EINVAL);
	CHECK_RET(rte_eth_dev_default_mac_addr_set(PORT, &zero), -EINVAL);
	CHECK_RET(rte_eth_dev_default_mac_addr_set(PORT, NULL), -EINVAL);
	ethtest_fail_next(PORT, ETHTEST_OP_MAC, -EPERM);
	CHECK_RET(rte_eth_dev_default_mac_addr_set(PORT, &a2), -EPERM);
	CHECK_RET(rte_eth_macaddr_get(PORT, &mac), 0);
	CHECK(rte_is_same_ether_addr(&mac, &a1));

	/* The table: default + 3 more, each once per pool. */
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &a2, 0), 0);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &a2, 0), 0);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &a2, 1), 0);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &zero, 0), -EINVAL);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &a3, RTE_ETH_64_POOLS),
		-EINVAL);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, NULL, 0), -EINVAL);
	ethtest_fail_next(PORT, ETHTEST_OP_MAC, -EIO);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &a3, 0), -EIO);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &a3, 0), 0);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &mcast, 0), 0);
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &a4, 0), -ENOSPC);
	CHECK_RET(rte_eth_macaddrs_get(PORT, table, RTE_DIM(table)),
		ETHTEST_MAC_ADDRS);
	CHECK(rte_is_same_ether_addr(&table[0], &a1));
	CHECK(rte_is_same_ether_addr(&table[1], &a2));
	CHECK(rte_is_same_ether_addr(&table[2], &a3));
	CHECK(rte_is_same_ether_addr(&table[3], &mcast));
	CHECK_RET(rte_eth_macaddrs_get(PORT, table, 2), 2);
	CHECK_RET(rte_eth_macaddrs_get(PORT, table, 0), -EINVAL);
	CHECK_RET(rte_eth_macaddrs_get(PORT, NULL, 2), -EINVAL);
	/* A secondary address cannot become the default one. */
	CHECK_RET(rte_eth_dev_default_mac_addr_set(PORT, &a2), -EEXIST);

	CHECK_RET(rte_eth_dev_mac_addr_remove(PORT, &a1), -EADDRINUSE);
	CHECK_RET(rte_eth_dev_mac_addr_remove(PORT, &a4), 0);
	CHECK_RET(rte_eth_dev_mac_addr_remove(PORT, &a3), 0);
	CHECK(priv->mac_removed_index == 2);
	CHECK_RET(rte_eth_macaddrs_get(PORT, table, RTE_DIM(table)),
		ETHTEST_MAC_ADDRS);
	CHECK(rte_is_zero_ether_addr(&table[2]));
	/* The free slot is used again. */
	CHECK_RET(rte_eth_dev_mac_addr_add(PORT, &a4, 0), 0);
	CHECK_RET(rte_eth_macaddrs_get(PORT, table, RTE_DIM(table)),
		ETHTEST_MAC_ADDRS);
	CHECK(rte_is_same_ether_addr(&table[2], &a4));

	CHECK_RET(rte_eth_dev_set_mc_addr_list(PORT, mc_list, 2), 0);
	CHECK(priv->nb_mc_addrs == 2);
	CHECK_RET(rte_eth_dev_set_mc_addr_list(PORT, NULL, 0), 0);
	CHECK(priv->nb_mc_addrs == 0);
	CHECK_RET(rte_eth_dev_set_mc_addr_list(PORT, NULL, 2), -EINVAL);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	return 0;
}
ETH_CASE(test_mac, body_mac)

ETH_BODY(body_mac_devarg)
{
	struct rte_ether_addr mac;
	char text[RTE_ETHER_ADDR_FMT_SIZE];

	CHECK_RET(rte_eth_macaddr_get(PORT, &mac), 0);
	rte_ether_format_addr(text, sizeof(text), &mac);
	CHECK(strcmp(text, "02:11:22:33:44:55") == 0);
	return 0;
}
ETH_CASE_ARGS(test_mac_devarg,
	ETH_EAL_ARGS " --vdev net_ethtest0,mac=02:11:22:33:44:55",
	body_mac_devarg)

ETH_BODY(body_rx_modes)
{
	struct ethtest_private *priv = ethtest_priv(PORT);

	CHECK_RET(rte_eth_promiscuous_get(PORT), 0);
	CHECK_RET(rte_eth_promiscuous_disable(PORT), 0);
	CHECK(priv->promisc_calls == 0);
	CHECK_RET(rte_eth_promiscuous_enable(PORT), 0);
	CHECK_RET(rte_eth_promiscuous_enable(PORT), 0);
	CHECK(priv->promisc_calls == 1);
	CHECK_RET(rte_eth_promiscuous_get(PORT), 1);
	ethtest_fail_next(PORT, ETHTEST_OP_PROMISC, -EPERM);
	CHECK_RET(rte_eth_promiscuous_disable(PORT), -EPERM);
	CHECK_RET(rte_eth_promiscuous_get(PORT), 1);
	CHECK_RET(rte_eth_promiscuous_disable(PORT), 0);
	CHECK_RET(rte_eth_promiscuous_get(PORT), 0);

	CHECK_RET(rte_eth_allmulticast_get(PORT), 0);
	ethtest_fail_next(PORT, ETHTEST_OP_ALLMULTI, -EPERM);
	CHECK_RET(rte_eth_allmulticast_enable(PORT), -EPERM);
	CHECK_RET(rte_eth_allmulticast_get(PORT), 0);
	CHECK_RET(rte_eth_allmulticast_enable(PORT), 0);
	CHECK_RET(rte_eth_allmulticast_get(PORT), 1);
	CHECK_RET(rte_eth_allmulticast_disable(PORT), 0);
	CHECK_RET(rte_eth_allmulticast_get(PORT), 0);
	CHECK_RET(rte_eth_allmulticast_enable(PORT + 1), -ENODEV);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	return 0;
}
ETH_CASE(test_rx_modes, body_rx_modes)

ETH_BODY(body_mtu)
{
	struct rte_eth_conf conf;
	uint16_t mtu;

	memset(&conf, 0, sizeof(conf));
	CHECK_RET(rte_eth_dev_set_mtu(PORT, 1500), -EINVAL);
	conf.rxmode.mtu = 2000;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), 0);
	CHECK_RET(rte_eth_dev_get_mtu(PORT, &mtu), 0);
	CHECK(mtu == 2000);
	CHECK_RET(rte_eth_dev_set_mtu(PORT, ETHTEST_MAX_MTU), 0);
	CHECK_RET(rte_eth_dev_get_mtu(PORT, &mtu), 0);
	CHECK(mtu == ETHTEST_MAX_MTU);
	CHECK_RET(rte_eth_dev_conf_get(PORT, &conf), 0);
	CHECK(conf.rxmode.mtu == ETHTEST_MAX_MTU);
	CHECK_RET(rte_eth_dev_set_mtu(PORT, ETHTEST_MAX_MTU + 1), -EINVAL);
	CHECK_RET(rte_eth_dev_set_mtu(PORT, RTE_ETHER_MIN_MTU - 1), -EINVAL);
	ethtest_fail_next(PORT, ETHTEST_OP_MTU, -EBUSY);
	CHECK_RET(rte_eth_dev_set_mtu(PORT, 1500), -EBUSY);
	CHECK_RET(rte_eth_dev_get_mtu(PORT, &mtu), 0);
	CHECK(mtu == ETHTEST_MAX_MTU);
	CHECK_RET(rte_eth_dev_set_mtu(PORT, RTE_ETHER_MIN_MTU), 0);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	return 0;
}
ETH_CASE(test_mtu, body_mtu)

ETH_BODY(body_link)
{
	struct rte_eth_link link;
	char text[RTE_ETH_LINK_MAX_STR_LEN];

	CHECK_RET(rte_eth_link_get(PORT, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_DOWN);
	rte_eth_link_to_str(text, sizeof(text), &link);
	CHECK(strcmp(text, "Link down") == 0);
	CHECK_OK(eth_port_up(PORT, 1, 32, NULL));
	CHECK_RET(rte_eth_link_get_nowait(PORT, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP);
	CHECK(link.link_speed == RTE_ETH_SPEED_NUM_10G);
	rte_eth_link_to_str(text, sizeof(text), &link);
	CHECK(strcmp(text, "Link up at 10 Gbps FDX Autoneg") == 0);
	CHECK_RET(rte_eth_link_get(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_link_get_nowait(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_link_get_nowait(PORT + 1, &link), -ENODEV);
	CHECK_OK(eth_port_down(PORT));
	return 0;
}
ETH_CASE(test_link, body_link)

/* n packets of len bytes out of queue q and back in. */
static int
loop_packets(uint16_t q, unsigned int n, uint16_t len)
{
	struct rte_mbuf *pkts[64];

	CHECK(n <= RTE_DIM(pkts));
	CHECK_OK(eth_make_pkts(pkts, n, len, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, q, pkts, n), n);
	CHECK_RET(rte_eth_rx_burst(PORT, q, pkts, n), n);
	eth_free_pkts(pkts, n);
	return 0;
}

ETH_BODY(body_stats)
{
	struct rte_eth_stats stats;
	struct rte_mbuf *pkts[40];

	CHECK_OK(eth_port_up(PORT, 2, 32, NULL));
	CHECK_OK(loop_packets(0, 10, 100));
	CHECK_OK(loop_packets(1, 3, 64));
	CHECK_RET(rte_eth_stats_get(PORT, &stats), 0);
	CHECK(stats.ipackets == 13 && stats.opackets == 13);
	CHECK(stats.ibytes == 1192 && stats.obytes == 1192);
	CHECK(stats.q_ipackets[0] == 10 && stats.q_ipackets[1] == 3);
	CHECK(stats.q_obytes[0] == 1000 && stats.q_obytes[1] == 192);
	CHECK(stats.imissed == 0 && stats.ierrors == 0 && stats.rx_nombuf == 0);
	CHECK_RET(rte_eth_stats_get(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_stats_get(PORT + 1, &stats), -ENODEV);
	ethtest_fail_next(PORT, ETHTEST_OP_STATS, -EIO);
	CHECK_RET(rte_eth_stats_get(PORT, &stats), -EIO);

	/* 40 into a 32-descriptor loop: 8 refused (a driver xstat). */
	CHECK_OK(eth_make_pkts(pkts, 40, 60, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 40), 32);
	eth_free_pkts(pkts + 32, 8);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 40), 32);
	eth_free_pkts(pkts, 32);

	CHECK_RET(rte_eth_stats_reset(PORT), 0);
	CHECK_RET(rte_eth_stats_get(PORT, &stats), 0);
	CHECK(stats.ipackets == 0 && stats.obytes == 0 &&
		stats.q_ipackets[0] == 0);
	CHECK_RET(rte_eth_stats_reset(PORT + 1), -ENODEV);
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_stats, body_stats)

/* 8 port counters, 2 x 2 Rx queue ones, 2 x 2 Tx, 2 of the driver. */
#define NB_XSTATS (8 + 4 + 4 + ETHTEST_NB_XSTATS)

static const char *const xstat_names[NB_XSTATS] = {
	"rx_good_packets",
	"tx_good_packets",
	"rx_good_bytes",
	"tx_good_bytes",
	"rx_missed_errors",
	"rx_errors",
	"tx_errors",
	"rx_mbuf_allocation_errors",
	"rx_q0_packets",
	"rx_q0_bytes",
	"rx_q1_packets",
	"rx_q1_bytes",
	"tx_q0_packets",
	"tx_q0_bytes",
	"tx_q1_packets",
	"tx_q1_bytes",
	"tx_loop_full_drops",
	"rx_intr_wakeups",
};

ETH_BODY(body_xstats)
{
	struct rte_eth_xstat_name names[NB_XSTATS + 2], two_names[2];
	struct rte_eth_xstat xstats[NB_XSTATS + 2];
	uint64_t ids[2] = { 2, 16 }, values[NB_XSTATS], id;
	struct rte_mbuf *pkts[40];
	unsigned int i;

	CHECK_OK(eth_port_up(PORT, 2, 32, NULL));
	CHECK_OK(loop_packets(0, 5, 100));
	CHECK_OK(eth_make_pkts(pkts, 40, 60, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, 1, pkts, 40), 32);
	eth_free_pkts(pkts + 32, 8);

	CHECK_RET(rte_eth_xstats_get_names(PORT, NULL, 0), NB_XSTATS);
	memset(names, 0, sizeof(names));
	CHECK_RET(rte_eth_xstats_get_names(PORT, names, NB_XSTATS - 1),
		NB_XSTATS);
	CHECK(names[0].name[0] == '\0');
	CHECK_RET(rte_eth_xstats_get_names(PORT, names, RTE_DIM(names)),
		NB_XSTATS);
	for (i = 0; i < NB_XSTATS; i++)
		CHECK(strcmp(names[i].name, xstat_names[i]) == 0);

	CHECK_RET(rte_eth_xstats_get(PORT, NULL, 0), NB_XSTATS);
	CHECK_RET(rte_eth_xstats_get(PORT, xstats, 3), NB_XSTATS);
	CHECK_RET(rte_eth_xstats_get(PORT, xstats, RTE_DIM(xstats)), NB_XSTATS);
	for (i = 0; i < NB_XSTATS; i++)
		CHECK(xstats[i].id == i);
	CHECK(xstats[0].value == 5);   /* rx_good_packets */
	CHECK(xstats[1].value == 37);  /* tx_good_packets */
	CHECK(xstats[2].value == 500); /* rx_good_bytes */
	CHECK(xstats[12].value == 5);  /* tx_q0_packets */
	CHECK(xstats[14].value == 32); /* tx_q1_packets */
	CHECK(xstats[16].value == 8);  /* tx_loop_full_drops */

	CHECK_RET(rte_eth_xstats_get_by_id(PORT, ids, values, 2), 2);
	CHECK(values[0] == 500 && values[1] == 8);
	CHECK_RET(rte_eth_xstats_get_by_id(PORT, NULL, NULL, 0), NB_XSTATS);
	CHECK_RET(rte_eth_xstats_get_by_id(PORT, NULL, values, NB_XSTATS),
		NB_XSTATS);
	CHECK(values[16] == 8);
	ids[1] = NB_XSTATS;
	CHECK_RET(rte_eth_xstats_get_by_id(PORT, ids, values, 2), -EINVAL);
	CHECK_RET(rte_eth_xstats_get_by_id(PORT, ids, NULL, 2), -EINVAL);
	ids[1] = 17;
	CHECK_RET(rte_eth_xstats_get_names_by_id(PORT, two_names, 2, ids), 2);
	CHECK(strcmp(two_names[0].name, "rx_good_bytes") == 0);
	CHECK(strcmp(two_names[1].name, "rx_intr_wakeups") == 0);
	CHECK_RET(rte_eth_xstats_get_names_by_id(PORT, NULL, 0, NULL),
		NB_XSTATS);
	ids[0] = 99;
	CHECK_RET(rte_eth_xstats_get_names_by_id(PORT, two_names, 2, ids),
		-EINVAL);

	CHECK_RET(rte_eth_xstats_get_id_by_name(PORT, "tx_loop_full_drops", &id),
		0);
	CHECK(id == 16);
	CHECK_RET(rte_eth_xstats_get_id_by_name(PORT, "tx_q1_bytes", &id), 0);
	CHECK(id == 15);
	CHECK_RET(rte_eth_xstats_get_id_by_name(PORT, "no_such", &id), -EINVAL);
	CHECK_RET(rte_eth_xstats_get_id_by_name(PORT, NULL, &id), -EINVAL);
	CHECK_RET(rte_eth_xstats_get_id_by_name(PORT, "rx_errors", NULL),
		-EINVAL);

	CHECK_RET(rte_eth_rx_burst(PORT, 1, pkts, 32), 32);
	eth_free_pkts(pkts, 32);
	CHECK_RET(rte_eth_xstats_reset(PORT), 0);
	CHECK_RET(rte_eth_xstats_get(PORT, xstats, RTE_DIM(xstats)), NB_XSTATS);
	for (i = 0; i < NB_XSTATS; i++)
		CHECK(xstats[i].value == 0);
	CHECK_RET(rte_eth_xstats_get(PORT + 1, xstats, NB_XSTATS), -ENODEV);
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_xstats, body_xstats)

ETH_BODY(body_rss)
{
	uint8_t key[ETHTEST_KEY_SIZE], got_key[ETHTEST_KEY_SIZE];
	struct rte_eth_rss_reta_entry64 reta[1];
	struct rte_eth_rss_conf rss;
	struct rte_eth_conf conf;
	unsigned int i;

	memset(&conf, 0, sizeof(conf));
	memset(&rss, 0, sizeof(rss));
	rss.rss_hf = RTE_ETH_RSS_IP;
	CHECK_RET(rte_eth_dev_configure(PORT, 2, 2, &conf), 0);
	CHECK_RET(rte_eth_dev_rss_hash_update(PORT, &rss), -ENOTSUP);

	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_UDP;
	CHECK_RET(rte_eth_dev_configure(PORT, 2, 2, &conf), 0);
	for (i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)i;
	rss.rss_key = key;
	rss.rss_key_len = sizeof(key);
	CHECK_RET(rte_eth_dev_rss_hash_update(PORT, &rss), 0);
	memset(&rss, 0, sizeof(rss));
	rss.rss_key = got_key;
	CHECK_RET(rte_eth_dev_rss_hash_conf_get(PORT, &rss), 0);
	CHECK(rss.rss_hf == RTE_ETH_RSS_IP);
	CHECK(rss.rss_key_len == ETHTEST_KEY_SIZE);
	CHECK(memcmp(key, got_key, sizeof(key)) == 0);
	rss.rss_hf = RTE_ETH_RSS_L2_PAYLOAD;
	CHECK_RET(rte_eth_dev_rss_hash_update(PORT, &rss), -EINVAL);
	rss.rss_hf = RTE_ETH_RSS_TCP;
	rss.rss_key_len = 10;
	CHECK_RET(rte_eth_dev_rss_hash_update(PORT, &rss), -EINVAL);
	CHECK_RET(rte_eth_dev_rss_hash_update(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_dev_rss_hash_conf_get(PORT, NULL), -EINVAL);

	memset(reta, 0, sizeof(reta));
	CHECK_RET(rte_eth_dev_rss_reta_update(PORT, reta, 64), -EINVAL);
	reta[0].mask = UINT64_MAX;
	for (i = 0; i < 64; i++)
		reta[0].reta[i] = (uint16_t)(i % 2);
	CHECK_RET(rte_eth_dev_rss_reta_update(PORT, reta, 64), 0);
	CHECK_RET(rte_eth_dev_rss_reta_update(PORT, reta, 32), -EINVAL);
	CHECK_RET(rte_eth_dev_rss_reta_update(PORT, NULL, 64), -EINVAL);
	reta[0].reta[5] = 2;
	CHECK_RET(rte_eth_dev_rss_reta_update(PORT, reta, 64), -EINVAL);
	memset(reta, 0, sizeof(reta));
	reta[0].mask = 0xf0;
	CHECK_RET(rte_eth_dev_rss_reta_query(PORT, reta, 64), 0);
	CHECK(reta[0].reta[4] == 0 && reta[0].reta[5] == 1);
	CHECK(reta[0].reta[1] == 0);
	reta[0].mask = 0;
	CHECK_RET(rte_eth_dev_rss_reta_query(PORT, reta, 64), -EINVAL);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	return 0;
}
ETH_CASE(test_rss, body_rss)

ETH_BODY(body_ptypes)
{
	struct ethtest_private *priv = ethtest_priv(PORT);
	uint32_t ptypes[8];
	struct rte_mbuf *pkts[1];

	CHECK_RET(rte_eth_dev_get_supported_ptypes(PORT, RTE_PTYPE_ALL_MASK,
			  NULL, 0),
		5);
	CHECK_RET(rte_eth_dev_get_supported_ptypes(PORT, RTE_PTYPE_L3_MASK,
			  ptypes, 8),
		2);
	CHECK(ptypes[0] == RTE_PTYPE_L3_IPV4 && ptypes[1] == RTE_PTYPE_L3_IPV6);
	CHECK_RET(rte_eth_dev_get_supported_ptypes(PORT, RTE_PTYPE_ALL_MASK,
			  ptypes, 1),
		5);
	CHECK(ptypes[0] == RTE_PTYPE_L2_ETHER);
	CHECK_RET(rte_eth_dev_get_supported_ptypes(PORT, RTE_PTYPE_ALL_MASK,
			  NULL, 2),
		-EINVAL);

	/* l2fwd's call: parse nothing. */
	priv->ptype_mask = 0x1234;
	CHECK_RET(rte_eth_dev_set_ptypes(PORT, RTE_PTYPE_UNKNOWN, NULL, 0), 0);
	CHECK(priv->ptype_mask == 0);
	CHECK_RET(rte_eth_dev_set_ptypes(PORT,
			  RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK, ptypes, 8),
		0);
	CHECK(ptypes[0] == RTE_PTYPE_L2_ETHER && ptypes[1] == RTE_PTYPE_L3_IPV4);
	CHECK(ptypes[2] == RTE_PTYPE_L3_IPV6 && ptypes[3] == RTE_PTYPE_UNKNOWN);
	CHECK(priv->ptype_mask == (RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK));
	/* Too small: as many as fit, then RTE_PTYPE_UNKNOWN. */
	CHECK_RET(rte_eth_dev_set_ptypes(PORT,
			  RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK, ptypes, 2),
		0);
	CHECK(ptypes[0] == RTE_PTYPE_L2_ETHER && ptypes[1] == RTE_PTYPE_UNKNOWN);
	ptypes[0] = 7;
	CHECK_RET(rte_eth_dev_set_ptypes(PORT, 0x3, ptypes, 8), -EINVAL);
	CHECK(ptypes[0] == RTE_PTYPE_UNKNOWN);
	CHECK_RET(rte_eth_dev_set_ptypes(PORT, RTE_PTYPE_L4_MASK, NULL, 2),
		-EINVAL);
	CHECK_RET(rte_eth_dev_set_ptypes(PORT + 1, 0, NULL, 0), -ENODEV);

	/* The loop marks L2 when asked to. */
	CHECK_OK(eth_port_up(PORT, 1, 32, NULL));
	CHECK_OK(eth_make_pkts(pkts, 1, 60, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 1);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 1), 1);
	CHECK(pkts[0]->packet_type == RTE_PTYPE_L2_ETHER);
	rte_pktmbuf_free(pkts[0]);
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_ptypes, body_ptypes)

ETH_BODY(body_clock_fw)
{
	uint64_t c1, c2;
	char fw[64];

	CHECK_RET(rte_eth_read_clock(PORT, &c1), 0);
	CHECK_RET(rte_eth_read_clock(PORT, &c2), 0);
	CHECK(c2 >= c1);
	CHECK_RET(rte_eth_read_clock(PORT, NULL), -EINVAL);
	CHECK_RET(rte_eth_dev_fw_version_get(PORT, NULL, 0),
		(int)sizeof(ETHTEST_FW_VERSION));
	CHECK_RET(rte_eth_dev_fw_version_get(PORT, fw, 4),
		(int)sizeof(ETHTEST_FW_VERSION));
	CHECK_RET(rte_eth_dev_fw_version_get(PORT, fw, sizeof(fw)), 0);
	CHECK(strcmp(fw, ETHTEST_FW_VERSION) == 0);
	CHECK_RET(rte_eth_dev_fw_version_get(PORT, NULL, 8), -EINVAL);
	CHECK_RET(rte_eth_dev_fw_version_get(PORT + 1, fw, 8), -ENODEV);
	return 0;
}
ETH_CASE(test_clock_fw, body_clock_fw)

ETH_BODY(body_owners)
{
	struct rte_eth_dev_owner owner, got;
	uint64_t id, other;
	uint16_t port_id;

	memset(&owner, 0, sizeof(owner));
	CHECK_RET(rte_eth_dev_owner_get(PORT, &got), 0);
	CHECK(got.id == RTE_ETH_DEV_NO_OWNER);
	CHECK_RET(rte_eth_dev_owner_new(&id), 0);
	CHECK_RET(rte_eth_dev_owner_new(&other), 0);
	CHECK(id != RTE_ETH_DEV_NO_OWNER && other != id);
	CHECK_RET(rte_eth_dev_owner_new(NULL), -EINVAL);

	owner.id = id;
	strcpy(owner.name, "app");
	CHECK_RET(rte_eth_dev_owner_set(PORT, &owner), 0);
	CHECK_RET(rte_eth_dev_owner_get(PORT, &got), 0);
	CHECK(got.id == id && strcmp(got.name, "app") == 0);
	CHECK_RET(rte_eth_dev_count_avail(), 1);
	CHECK_RET(rte_eth_dev_count_total(), 2);
	RTE_ETH_FOREACH_DEV (port_id)
		CHECK(port_id == 1);
	CHECK_RET(rte_eth_find_next_owned_by(0, id), PORT);

	owner.id = other;
	CHECK_RET(rte_eth_dev_owner_set(PORT, &owner), -EPERM);
	CHECK_RET(rte_eth_dev_owner_unset(PORT, other), -EPERM);
	owner.id = 12345;
	CHECK_RET(rte_eth_dev_owner_set(PORT, &owner), -EINVAL);
	CHECK_RET(rte_eth_dev_owner_set(PORT, NULL), -EINVAL);
	owner.id = other;
	memset(owner.name, 'x', sizeof(owner.name));
	CHECK_RET(rte_eth_dev_owner_set(1, &owner), -EINVAL);
	CHECK_RET(rte_eth_dev_owner_get(PORT, NULL), -EINVAL);

	CHECK_RET(rte_eth_dev_owner_unset(PORT, id), 0);
	CHECK_RET(rte_eth_dev_count_avail(), 2);
	owner.id = id;
	strcpy(owner.name, "app");
	CHECK_RET(rte_eth_dev_owner_set(PORT, &owner), 0);
	CHECK_RET(rte_eth_dev_owner_set(1, &owner), 0);
	CHECK_RET(rte_eth_dev_count_avail(), 0);
	CHECK_RET(rte_eth_dev_owner_delete(id), 0);
	CHECK_RET(rte_eth_dev_count_avail(), 2);
	CHECK_RET(rte_eth_dev_owner_delete(0), -EINVAL);
	return 0;
}
ETH_CASE_ARGS(test_owners, ETH_ARGS " --vdev net_ethtest1", body_owners)

ETH_BODY(body_vlan)
{
	struct rte_mbuf *m;
	struct rte_ether_hdr *eh;
	struct rte_vlan_hdr *vh;

	CHECK_OK(eth_make_pkts(&m, 1, 64, 0));
	eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	CHECK_RET(rte_vlan_strip(m), -1);
	m->vlan_tci = 0x0123;
	CHECK_RET(rte_vlan_insert(&m), 0);
	CHECK(m->pkt_len == 68);
	eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	CHECK(eh->ether_type == rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN));
	vh = (struct rte_vlan_hdr *)(eh + 1);
	CHECK(rte_be_to_cpu_16(vh->vlan_tci) == 0x0123);
	CHECK(vh->eth_proto == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4));
	CHECK(rte_pktmbuf_mtod(m, uint8_t *)[0] == 0);
	CHECK(rte_pktmbuf_mtod(m, uint8_t *)[11] == 11);

	m->vlan_tci = 0;
	CHECK_RET(rte_vlan_strip(m), 0);
	CHECK(m->pkt_len == 64 && m->vlan_tci == 0x0123);
	CHECK((m->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED) != 0);
	eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	CHECK(eh->ether_type == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4));
	CHECK(rte_pktmbuf_mtod(m, uint8_t *)[5] == 5);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_vlan, body_vlan)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mac),
		cmocka_unit_test(test_mac_devarg),
		cmocka_unit_test(test_rx_modes),
		cmocka_unit_test(test_mtu),
		cmocka_unit_test(test_link),
		cmocka_unit_test(test_stats),
		cmocka_unit_test(test_xstats),
		cmocka_unit_test(test_rss),
		cmocka_unit_test(test_ptypes),
		cmocka_unit_test(test_clock_fw),
		cmocka_unit_test(test_owners),
		cmocka_unit_test(test_vlan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
