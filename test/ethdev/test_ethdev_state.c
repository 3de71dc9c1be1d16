/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The port state machine on a net_ethtest port: every call in every
 * state (probed, configured, set up, started, stopped, closed), every
 * documented error, and that a call that fails changes nothing.
 */
#include "ethdev_test.h"

#define PORT 0

/* The part of the port's state the error checks compare. */
struct port_snapshot {
	struct rte_eth_conf conf;
	uint16_t nb_rx_queues;
	uint16_t nb_tx_queues;
	uint16_t mtu;
	int promiscuous;
};

static int
snapshot(struct port_snapshot *s)
{
	struct rte_eth_dev_info info;

	memset(s, 0, sizeof(*s));
	CHECK_RET(rte_eth_dev_conf_get(PORT, &s->conf), 0);
	CHECK_RET(rte_eth_dev_info_get(PORT, &info), 0);
	s->nb_rx_queues = info.nb_rx_queues;
	s->nb_tx_queues = info.nb_tx_queues;
	CHECK_RET(rte_eth_dev_get_mtu(PORT, &s->mtu), 0);
	s->promiscuous = rte_eth_promiscuous_get(PORT);
	return 0;
}

/* 0 if the port's state is still *before. */
static int
unchanged(const struct port_snapshot *before)
{
	struct port_snapshot now;

	CHECK_OK(snapshot(&now));
	CHECK(memcmp(&now.conf, &before->conf, sizeof(now.conf)) == 0);
	CHECK(now.nb_rx_queues == before->nb_rx_queues);
	CHECK(now.nb_tx_queues == before->nb_tx_queues);
	CHECK(now.mtu == before->mtu);
	CHECK(now.promiscuous == before->promiscuous);
	return 0;
}

ETH_BODY(body_probed)
{
	struct rte_eth_dev_info info;
	struct rte_eth_rxq_info rxq;
	struct rte_eth_link link;
	struct rte_mempool *mp = eth_pool();
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t port_id;

	CHECK(mp != NULL);
	CHECK_RET(rte_eth_dev_count_avail(), 1);
	CHECK_RET(rte_eth_dev_count_total(), 1);
	CHECK(rte_eth_dev_is_valid_port(PORT));
	CHECK(!rte_eth_dev_is_valid_port(PORT + 1));
	CHECK_RET(rte_eth_find_next(0), PORT);
	CHECK_RET(rte_eth_find_next(PORT + 1), RTE_MAX_ETHPORTS);
	CHECK_RET(rte_eth_dev_get_name_by_port(PORT, name), 0);
	CHECK(strcmp(name, "net_ethtest0") == 0);
	CHECK_RET(rte_eth_dev_get_port_by_name("net_ethtest0", &port_id), 0);
	CHECK(port_id == PORT);
	CHECK_RET(rte_eth_dev_get_port_by_name("net_ethtest9", &port_id),
		-ENODEV);
	CHECK_RET(rte_eth_dev_get_port_by_name(NULL, &port_id), -EINVAL);
	CHECK_RET(rte_eth_dev_get_name_by_port(PORT, NULL), -EINVAL);
	CHECK(rte_eth_dev_socket_id(PORT) >= -1);

	CHECK_RET(rte_eth_dev_info_get(PORT, &info), 0);
	CHECK(strcmp(info.driver_name, ETHTEST_DRIVER_NAME) == 0);
	CHECK(info.max_rx_queues == ETHTEST_MAX_QUEUES);
	CHECK(info.rx_desc_lim.nb_min == ETHTEST_DESC_MIN);
	CHECK(info.nb_rx_queues == 0 && info.nb_tx_queues == 0);
	CHECK(info.dev_flags != NULL &&
		(*info.dev_flags & RTE_ETH_DEV_INTR_LSC) != 0);
	CHECK(info.min_mtu == RTE_ETHER_MIN_MTU);
	CHECK(info.max_mtu == ETHTEST_MAX_MTU);
	CHECK(info.device != NULL);
	CHECK_RET(rte_eth_dev_info_get(PORT, NULL), -EINVAL);

	/* Nothing but configure (and close) makes sense yet. */
	CHECK_RET(rte_eth_dev_start(PORT), -EINVAL);
	CHECK_RET(rte_eth_dev_stop(PORT), 0);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 0, 0, NULL, mp), -EINVAL);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 0, 0, 0, NULL), -EINVAL);
	CHECK_RET(rte_eth_dev_rx_queue_start(PORT, 0), -EINVAL);
	CHECK_RET(rte_eth_dev_tx_queue_stop(PORT, 0), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 0, &rxq), -EINVAL);
	CHECK_RET(rte_eth_dev_set_mtu(PORT, 1500), -EINVAL);
	CHECK(rte_eth_add_rx_callback(PORT, 0, (rte_rx_callback_fn)(uintptr_t)1,
		      NULL) == NULL);
	CHECK_RET(rte_eth_link_get_nowait(PORT, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_DOWN);
	/* An unconfigured port can be closed. */
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	CHECK(!rte_eth_dev_is_valid_port(PORT));
	CHECK_RET(rte_eth_dev_count_avail(), 0);
	return 0;
}
ETH_CASE(test_probed, body_probed)

/* Configurations the device refuses: each -EINVAL, nothing changes. */
ETH_BODY(body_configure_errors)
{
	struct port_snapshot before;
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	CHECK_RET(rte_eth_dev_configure(PORT, 2, 2, &conf), 0);
	CHECK_OK(snapshot(&before));

	CHECK_RET(rte_eth_dev_configure(PORT + 1, 1, 1, &conf), -ENODEV);
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, NULL), -EINVAL);
	CHECK_RET(rte_eth_dev_configure(PORT, ETHTEST_MAX_QUEUES + 1, 1, &conf),
		-EINVAL);
	CHECK_RET(rte_eth_dev_configure(PORT, 1, ETHTEST_MAX_QUEUES + 1, &conf),
		-EINVAL);
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_VLAN_EXTEND;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EINVAL);
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_RSS_HASH;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EINVAL);
	conf.rxmode.offloads = 0;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_TCP_TSO;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EINVAL);
	conf.txmode.offloads = 0;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_L2_PAYLOAD;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EINVAL);
	conf.rx_adv_conf.rss_conf.rss_hf = 0;
	conf.rxmode.mtu = ETHTEST_MAX_MTU + 1;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EINVAL);
	conf.rxmode.mtu = RTE_ETHER_MIN_MTU - 1;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EINVAL);
	conf.rxmode.mtu = 0;
	conf.intr_conf.rmv = 1;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EINVAL);
	conf.intr_conf.rmv = 0;
	CHECK_OK(unchanged(&before));

	/* The driver refuses: its error, and the old configuration stays. */
	ethtest_fail_next(PORT, ETHTEST_OP_CONFIGURE, -EPROTO);
	conf.rxmode.mtu = 9000;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EPROTO);
	CHECK_OK(unchanged(&before));
	/* The driver's info fails: that error. */
	ethtest_fail_next(PORT, ETHTEST_OP_INFO, -EIO);
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EIO);
	CHECK_OK(unchanged(&before));
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	return 0;
}
ETH_CASE(test_configure_errors, body_configure_errors)

/* A port whose driver has no LSC interrupt refuses intr_conf.lsc. */
ETH_BODY(body_configure_no_lsc)
{
	struct rte_eth_conf conf;
	struct rte_eth_dev_info info;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = 1;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EINVAL);
	CHECK_RET(rte_eth_dev_info_get(PORT, &info), 0);
	CHECK((*info.dev_flags & RTE_ETH_DEV_INTR_LSC) == 0);
	/* Never configured: start still refuses. */
	CHECK_RET(rte_eth_dev_start(PORT), -EINVAL);
	conf.intr_conf.lsc = 0;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), 0);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	return 0;
}
ETH_CASE_ARGS(test_configure_no_lsc, ETH_EAL_ARGS " --vdev net_ethtest0,lsc=0",
	body_configure_no_lsc)

/* Defaults: queue counts, MTU, descriptor counts from the driver. */
ETH_BODY(body_defaults)
{
	struct rte_eth_dev_info info;
	struct rte_eth_rxq_info rxq;
	struct rte_eth_txq_info txq;
	struct rte_eth_conf conf;
	uint16_t mtu, nb_rx = 0, nb_tx = 100;

	memset(&conf, 0, sizeof(conf));
	CHECK_RET(rte_eth_dev_configure(PORT, 0, 0, &conf), 0);
	CHECK_RET(rte_eth_dev_info_get(PORT, &info), 0);
	CHECK(info.nb_rx_queues == ETHTEST_NB_QUEUES);
	CHECK(info.nb_tx_queues == ETHTEST_NB_QUEUES);
	CHECK_RET(rte_eth_dev_get_mtu(PORT, &mtu), 0);
	CHECK(mtu == RTE_ETHER_MTU);
	CHECK_RET(rte_eth_dev_conf_get(PORT, &conf), 0);
	CHECK(conf.rxmode.mtu == RTE_ETHER_MTU);
	CHECK_RET(rte_eth_dev_get_mtu(PORT, NULL), -EINVAL);

	CHECK_RET(rte_eth_dev_adjust_nb_rx_tx_desc(PORT, &nb_rx, &nb_tx), 0);
	CHECK(nb_rx == ETHTEST_DESC_MIN && nb_tx == 128);
	nb_rx = 5000;
	CHECK_RET(rte_eth_dev_adjust_nb_rx_tx_desc(PORT, &nb_rx, NULL), 0);
	CHECK(nb_rx == ETHTEST_DESC_MAX);
	CHECK_RET(rte_eth_dev_adjust_nb_rx_tx_desc(PORT, NULL, NULL), 0);
	CHECK_RET(rte_eth_dev_adjust_nb_rx_tx_desc(PORT + 1, &nb_rx, NULL),
		-ENODEV);

	/* 0 descriptors, NULL configuration: the driver's preferences. */
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 0, SOCKET_ID_ANY, NULL,
			  eth_pool()),
		0);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 0, 0, SOCKET_ID_ANY, NULL), 0);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 0, &rxq), 0);
	CHECK(rxq.nb_desc == ETHTEST_RING_SIZE);
	CHECK(rxq.mp == eth_pool());
	CHECK(rxq.conf.rx_free_thresh == 32);
	CHECK(rxq.queue_state == RTE_ETH_QUEUE_STATE_STOPPED);
	CHECK_RET(rte_eth_tx_queue_info_get(PORT, 0, &txq), 0);
	CHECK(txq.nb_desc == ETHTEST_RING_SIZE);
	CHECK(txq.conf.tx_free_thresh == 32);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 0, NULL), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 1, &rxq), -EINVAL);
	CHECK_RET(rte_eth_tx_queue_info_get(PORT, 2, &txq), -EINVAL);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_defaults, body_defaults)

/* Queue setup errors: -EINVAL/-ENOSPC, and the queue stays as it was. */
ETH_BODY(body_queue_setup_errors)
{
	struct rte_mempool *mp = eth_pool(), *plain, *tiny;
	struct rte_eth_rxconf rxconf;
	struct rte_eth_txconf txconf;
	struct rte_eth_rxq_info rxq;
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	memset(&rxconf, 0, sizeof(rxconf));
	memset(&txconf, 0, sizeof(txconf));
	plain = rte_mempool_create("plain", 63, 2048, 0, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, 0);
	tiny = rte_pktmbuf_pool_create("tiny", 63, 0, 0,
		RTE_PKTMBUF_HEADROOM + 32, SOCKET_ID_ANY);
	CHECK(mp != NULL && plain != NULL && tiny != NULL);
	CHECK_RET(rte_eth_dev_configure(PORT, 2, 2, &conf), 0);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, NULL, mp), 0);

	CHECK_RET(rte_eth_rx_queue_setup(PORT + 1, 0, 64, 0, NULL, mp), -ENODEV);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 2, 64, 0, NULL, mp), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, NULL, NULL), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, NULL, plain), -ENOSPC);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, NULL, tiny), -ENOSPC);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 16, 0, NULL, mp), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 8192, 0, NULL, mp), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 100, 0, NULL, mp), -EINVAL);
	/* TIMESTAMP is a port offload of the device, not a queue one. */
	rxconf.offloads = RTE_ETH_RX_OFFLOAD_TIMESTAMP;
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, &rxconf, mp), -EINVAL);
	txconf.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 0, 64, 0, &txconf), -EINVAL);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 0, 31, 0, NULL), -EINVAL);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 5, 64, 0, NULL), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 0, &rxq), 0);
	CHECK(rxq.nb_desc == 64 && rxq.mp == mp);

	/* A queue offload of the device is fine; port offloads are added. */
	rxconf.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 1, 32,
			  (unsigned int)SOCKET_ID_ANY, &rxconf, mp),
		0);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 1, &rxq), 0);
	CHECK(rxq.conf.offloads == RTE_ETH_RX_OFFLOAD_SCATTER);
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_TIMESTAMP;
	CHECK_RET(rte_eth_dev_configure(PORT, 2, 2, &conf), 0);
	rxconf.offloads = RTE_ETH_RX_OFFLOAD_TIMESTAMP;
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 1, 32, 0, &rxconf, mp), 0);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 32, 0, NULL, mp), 0);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 0, &rxq), 0);
	CHECK(rxq.conf.offloads == RTE_ETH_RX_OFFLOAD_TIMESTAMP);

	/* The driver fails. */
	ethtest_fail_next(PORT, ETHTEST_OP_TXQ_SETUP, -ENOMEM);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 0, 64, 0, NULL), -ENOMEM);
	ethtest_fail_next(PORT, ETHTEST_OP_RXQ_SETUP, -ENOMEM);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, NULL, mp), -ENOMEM);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(plain);
	rte_mempool_free(tiny);
	return 0;
}
ETH_CASE(test_queue_setup_errors, body_queue_setup_errors)

/* configured -> started -> stopped -> started -> stopped -> closed. */
ETH_BODY(body_lifecycle)
{
	struct rte_mempool *mp = eth_pool();
	struct ethtest_private *priv = ethtest_priv(PORT);
	struct rte_eth_conf conf;
	struct rte_eth_link link;
	struct rte_mbuf *pkts[4];

	memset(&conf, 0, sizeof(conf));
	CHECK(priv != NULL);
	CHECK_RET(rte_eth_dev_configure(PORT, 2, 2, &conf), 0);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, NULL, mp), 0);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 0, 64, 0, NULL), 0);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 1, 64, 0, NULL, mp), 0);
	/* Tx queue 1 is missing. */
	CHECK_RET(rte_eth_dev_start(PORT), -EINVAL);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 1, 64, 0, NULL), 0);

	ethtest_fail_next(PORT, ETHTEST_OP_START, -EAGAIN);
	CHECK_RET(rte_eth_dev_start(PORT), -EAGAIN);
	CHECK_OK(eth_make_pkts(pkts, 1, 64, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 0);

	CHECK_RET(rte_eth_dev_start(PORT), 0);
	CHECK_RET(rte_eth_dev_start(PORT), 0);
	CHECK(priv->start_calls == 1);
	CHECK_RET(rte_eth_link_get(PORT, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP);
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -EBUSY);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, NULL, mp), -EBUSY);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 0, 64, 0, NULL), -EBUSY);
	CHECK_RET(rte_eth_dev_close(PORT), -EINVAL);
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 1);

	ethtest_fail_next(PORT, ETHTEST_OP_STOP, -EBUSY);
	CHECK_RET(rte_eth_dev_stop(PORT), -EBUSY);
	/* Still started: bursts still reach the driver. */
	CHECK_RET(rte_eth_rx_queue_count(PORT, 0), 1);
	CHECK_RET(rte_eth_dev_stop(PORT), 0);
	CHECK_RET(rte_eth_dev_stop(PORT), 0);
	CHECK(priv->stop_calls == 1);
	/* The packet waits on the loop; a stopped port gives nothing. */
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 4), 0);
	CHECK_RET(rte_eth_dev_start(PORT), 0);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 4), 1);
	rte_pktmbuf_free(pkts[0]);
	CHECK_RET(rte_eth_dev_stop(PORT), 0);

	/* Fewer queues: the others are released, queue 0 stays. */
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), 0);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 1,
			  &(struct rte_eth_rxq_info){ 0 }),
		-EINVAL);
	CHECK_RET(rte_eth_dev_start(PORT), 0);
	CHECK_RET(rte_eth_dev_stop(PORT), 0);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	CHECK_POOL_FULL(mp);
	/* Closed: every call sees no port. */
	CHECK_RET(rte_eth_dev_start(PORT), -ENODEV);
	CHECK_RET(rte_eth_dev_stop(PORT), -ENODEV);
	CHECK_RET(rte_eth_dev_close(PORT), -ENODEV);
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), -ENODEV);
	CHECK_RET(rte_eth_promiscuous_get(PORT), -ENODEV);
	CHECK_RET(rte_eth_link_get_nowait(PORT, &link), -ENODEV);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 4), 0);
	return 0;
}
ETH_CASE(test_lifecycle, body_lifecycle)

/* Receive modes set before the start are applied again by the start. */
ETH_BODY(body_restore_and_reset)
{
	struct ethtest_private *priv = ethtest_priv(PORT);
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	CHECK_RET(rte_eth_promiscuous_enable(PORT), 0);
	CHECK(priv->promisc_calls == 1);
	CHECK_OK(eth_port_up(PORT, 1, 64, &conf));
	CHECK(priv->promisc_calls == 2);
	CHECK(priv->allmulti_calls == 1);
	CHECK_RET(rte_eth_promiscuous_get(PORT), 1);

	/* A failed restore stops the port again. */
	CHECK_RET(rte_eth_dev_stop(PORT), 0);
	ethtest_fail_next(PORT, ETHTEST_OP_PROMISC, -EIO);
	CHECK_RET(rte_eth_dev_start(PORT), -EIO);
	CHECK(priv->stop_calls == 2);

	/* Reset stops the port and calls the driver. */
	CHECK_RET(rte_eth_dev_start(PORT), 0);
	CHECK_RET(rte_eth_dev_reset(PORT), 0);
	CHECK(priv->reset_calls == 1);
	CHECK(priv->stop_calls == 3);
	CHECK_RET(rte_eth_dev_reset(PORT + 1), -ENODEV);
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_restore_and_reset, body_restore_and_reset)

/* Deferred queues, and starting and stopping single queues. */
ETH_BODY(body_queue_start_stop)
{
	struct rte_mempool *mp = eth_pool();
	struct rte_eth_rxconf rxconf;
	struct rte_eth_rxq_info rxq;
	struct rte_eth_txq_info txq;
	struct rte_eth_conf conf;
	struct rte_mbuf *pkts[2];

	memset(&conf, 0, sizeof(conf));
	memset(&rxconf, 0, sizeof(rxconf));
	rxconf.rx_deferred_start = 1;
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), 0);
	CHECK_RET(rte_eth_rx_queue_setup(PORT, 0, 64, 0, &rxconf, mp), 0);
	CHECK_RET(rte_eth_tx_queue_setup(PORT, 0, 64, 0, NULL), 0);
	CHECK_RET(rte_eth_dev_start(PORT), 0);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 0, &rxq), 0);
	CHECK(rxq.queue_state == RTE_ETH_QUEUE_STATE_STOPPED);
	CHECK_RET(rte_eth_tx_queue_info_get(PORT, 0, &txq), 0);
	CHECK(txq.queue_state == RTE_ETH_QUEUE_STATE_STARTED);
	CHECK_OK(eth_make_pkts(pkts, 1, 60, 1));
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 0);

	CHECK_RET(rte_eth_dev_rx_queue_start(PORT, 0), 0);
	CHECK_RET(rte_eth_dev_rx_queue_start(PORT, 0), 0);
	CHECK_RET(rte_eth_rx_queue_info_get(PORT, 0, &rxq), 0);
	CHECK(rxq.queue_state == RTE_ETH_QUEUE_STATE_STARTED);
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 1);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 2), 1);

	CHECK_RET(rte_eth_dev_tx_queue_stop(PORT, 0), 0);
	CHECK_RET(rte_eth_dev_tx_queue_stop(PORT, 0), 0);
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 0);
	CHECK_RET(rte_eth_dev_tx_queue_start(PORT, 0), 0);
	CHECK_RET(rte_eth_dev_rx_queue_stop(PORT, 0), 0);
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 0);
	rte_pktmbuf_free(pkts[0]);

	CHECK_RET(rte_eth_dev_rx_queue_start(PORT, 1), -EINVAL);
	CHECK_RET(rte_eth_dev_tx_queue_start(PORT, 1), -EINVAL);
	CHECK_RET(rte_eth_dev_rx_queue_stop(PORT + 1, 0), -ENODEV);
	CHECK_RET(rte_eth_tx_done_cleanup(PORT, 0, 0), 0);
	CHECK_RET(rte_eth_tx_done_cleanup(PORT, 3, 0), -EINVAL);
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(mp);
	return 0;
}
ETH_CASE(test_queue_start_stop, body_queue_start_stop)

/* A removed device: driver errors become -EIO. */
ETH_BODY(body_removed)
{
	struct ethtest_private *priv = ethtest_priv(PORT);

	CHECK_RET(rte_eth_dev_is_removed(PORT), 0);
	priv->removed = 1;
	ethtest_fail_next(PORT, ETHTEST_OP_PROMISC, -EINVAL);
	CHECK_RET(rte_eth_promiscuous_enable(PORT), -EIO);
	CHECK_RET(rte_eth_promiscuous_get(PORT), 0);
	CHECK_RET(rte_eth_dev_is_removed(PORT), 1);
	/* Still a port: it can be closed. */
	CHECK(rte_eth_dev_is_valid_port(PORT));
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	return 0;
}
ETH_CASE(test_removed, body_removed)

/* Two ports: ids, names, iteration, one closed. */
ETH_BODY(body_two_ports)
{
	uint16_t port_id, seen = 0;

	CHECK_RET(rte_eth_dev_count_avail(), 2);
	RTE_ETH_FOREACH_DEV (port_id)
		seen |= (uint16_t)(1u << port_id);
	CHECK(seen == 3);
	CHECK_RET(rte_eth_dev_get_port_by_name("net_ethtest1", &port_id), 0);
	CHECK(port_id == 1);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_find_next(0), 1);
	CHECK_RET(rte_eth_dev_count_avail(), 1);
	return 0;
}
ETH_CASE_ARGS(test_two_ports, ETH_ARGS " --vdev net_ethtest1", body_two_ports)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probed),
		cmocka_unit_test(test_configure_errors),
		cmocka_unit_test(test_configure_no_lsc),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_queue_setup_errors),
		cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_restore_and_reset),
		cmocka_unit_test(test_queue_start_stop),
		cmocka_unit_test(test_removed),
		cmocka_unit_test(test_two_ports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
