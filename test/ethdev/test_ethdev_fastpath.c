/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The fast path on net_ethtest ports: bursts through the loop, bursts on
 * ports and queues that are not running, Rx/Tx burst callbacks (order,
 * effect, removal), Tx buffers, and that every mbuf goes back.
 */
#include <rte_malloc.h>

#include "ethdev_test.h"

#define PORT  0
#define BURST 32

ETH_BODY(body_loopback)
{
	struct rte_mbuf *tx[BURST], *rx[BURST + 1];
	unsigned int i;

	CHECK_OK(eth_port_up(PORT, 2, 64, NULL));
	CHECK_OK(eth_make_pkts(tx, BURST, 100, 7));
	CHECK_RET(rte_eth_rx_queue_count(PORT, 0), 0);
	CHECK_RET(rte_eth_tx_burst(PORT, 0, tx, BURST), BURST);
	CHECK_RET(rte_eth_rx_queue_count(PORT, 0), BURST);
	CHECK_RET(rte_eth_rx_queue_count(PORT, 1), 0);
	/* Queue 1 has its own loop. */
	CHECK_RET(rte_eth_rx_burst(PORT, 1, rx, BURST), 0);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, rx, 10), 10);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, rx + 10, BURST + 1 - 10),
		BURST - 10);
	for (i = 0; i < BURST; i++) {
		CHECK(rx[i] == tx[i]);
		CHECK(rx[i]->port == PORT);
		CHECK(rx[i]->pkt_len == 100);
		CHECK(rte_pktmbuf_mtod(rx[i], uint8_t *)[0] == (uint8_t)(7 + i));
	}
	CHECK_RET(rte_eth_rx_burst(PORT, 0, rx, BURST), 0);
	eth_free_pkts(rx, BURST);

	/* 64 descriptors: a burst of 80 is taken in part. */
	{
		struct rte_mbuf *many[80];

		CHECK_OK(eth_make_pkts(many, 80, 60, 0));
		CHECK_RET(rte_eth_tx_burst(PORT, 1, many, 80), 64);
		eth_free_pkts(many + 64, 16);
		CHECK_RET(rte_eth_tx_burst(PORT, 1, many, 0), 0);
	}
	/* Packets left on the loop go back to the pool when closed. */
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_loopback, body_loopback)

/* Bursts on ports or queues that are not running give 0, never crash. */
ETH_BODY(body_not_running)
{
	struct rte_mbuf *pkts[4];
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	CHECK_OK(eth_make_pkts(pkts, 4, 64, 0));
	/* Probed, configured, set up but not started. */
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 4), 0);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 4), 0);
	CHECK_RET(rte_eth_dev_configure(PORT, 1, 1, &conf), 0);
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 4), 0);
#ifndef RTE_ETHDEV_DEBUG_RX
	CHECK_RET(rte_eth_rx_queue_count(PORT, 0), -ENOTSUP);
#endif
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	/* Port ids that were never used, queue ids far out. */
	CHECK_RET(rte_eth_tx_burst(RTE_MAX_ETHPORTS - 1, 0, pkts, 4), 0);
	CHECK_RET(rte_eth_rx_burst(PORT, RTE_MAX_QUEUES_PER_PORT - 1, pkts, 4),
		0);
#ifndef RTE_ETHDEV_DEBUG_TX
	CHECK_RET(rte_eth_tx_prepare(PORT, 0, pkts, 4), 4);
#endif
	eth_free_pkts(pkts, 4);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_not_running, body_not_running)

/* tx_prepare stops at the first packet the driver refuses. */
ETH_BODY(body_tx_prepare)
{
	struct rte_mbuf *pkts[3];

	CHECK_OK(eth_port_up(PORT, 1, 32, NULL));
	CHECK_OK(eth_make_pkts(pkts, 3, 64, 0));
	rte_pktmbuf_trim(pkts[1], 60);
	rte_errno = 0;
	CHECK_RET(rte_eth_tx_prepare(PORT, 0, pkts, 3), 1);
	CHECK(rte_errno == EINVAL);
	CHECK_RET(rte_eth_tx_prepare(PORT, 0, pkts, 1), 1);
	eth_free_pkts(pkts, 3);
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_tx_prepare, body_tx_prepare)

/* Calls of the callbacks, in order: "first" is 1, "a" 2, "b" 3. */
static int call_log[16];
static unsigned int nb_calls;

static uint16_t
rx_cb(uint16_t port_id, uint16_t queue, struct rte_mbuf *pkts[],
	uint16_t nb_pkts, uint16_t max_pkts, void *user_param)
{
	(void)port_id;
	(void)queue;
	(void)max_pkts;
	if (nb_calls < RTE_DIM(call_log))
		call_log[nb_calls++] = (int)(uintptr_t)user_param;
	/* "b" keeps the last packet for itself (frees it). */
	if ((uintptr_t)user_param == 3 && nb_pkts > 0) {
		rte_pktmbuf_free(pkts[nb_pkts - 1]);
		return nb_pkts - 1;
	}
	return nb_pkts;
}

static uint16_t
tx_cb(uint16_t port_id, uint16_t queue, struct rte_mbuf *pkts[],
	uint16_t nb_pkts, void *user_param)
{
	(void)port_id;
	(void)queue;
	(void)pkts;
	if (nb_calls < RTE_DIM(call_log))
		call_log[nb_calls++] = (int)(uintptr_t)user_param;
	/* Tx callback 20 lets only the first two through. */
	if ((uintptr_t)user_param == 20 && nb_pkts > 2)
		return 2;
	return nb_pkts;
}

ETH_BODY(body_rx_callbacks)
{
	const struct rte_eth_rxtx_callback *a, *b, *first;
	struct rte_mbuf *pkts[4];

	CHECK_OK(eth_port_up(PORT, 2, 32, NULL));
	a = rte_eth_add_rx_callback(PORT, 0, rx_cb, (void *)2);
	b = rte_eth_add_rx_callback(PORT, 0, rx_cb, (void *)3);
	first = rte_eth_add_first_rx_callback(PORT, 0, rx_cb, (void *)1);
	CHECK(a != NULL && b != NULL && first != NULL);

	CHECK_OK(eth_make_pkts(pkts, 4, 64, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 4), 4);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 4), 3);
	CHECK(nb_calls == 3);
	CHECK(call_log[0] == 1 && call_log[1] == 2 && call_log[2] == 3);
	/* Callbacks run on empty bursts too, with nb_pkts 0. */
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts + 3, 1), 0);
	CHECK(nb_calls == 6);
	/* Not on the other queue. */
	CHECK_RET(rte_eth_rx_burst(PORT, 1, pkts + 3, 1), 0);
	CHECK(nb_calls == 6);
	eth_free_pkts(pkts, 3);

	CHECK_RET(rte_eth_remove_rx_callback(PORT, 0, a), 0);
	CHECK_RET(rte_eth_remove_rx_callback(PORT, 0, a), -EINVAL);
	CHECK_RET(rte_eth_remove_rx_callback(PORT, 1, b), -EINVAL);
	CHECK_RET(rte_eth_remove_rx_callback(PORT, 2, b), -EINVAL);
	CHECK_RET(rte_eth_remove_rx_callback(PORT, 0, NULL), -EINVAL);
	CHECK_RET(rte_eth_remove_rx_callback(PORT + 1, 0, b), -ENODEV);
	rte_free((void *)(uintptr_t)a);
	nb_calls = 0;
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 1), 0);
	CHECK(nb_calls == 2 && call_log[0] == 1 && call_log[1] == 3);

	/* Bad arguments: NULL and EINVAL. */
	rte_errno = 0;
	CHECK(rte_eth_add_rx_callback(PORT, 2, rx_cb, NULL) == NULL);
	CHECK(rte_errno == EINVAL);
	CHECK(rte_eth_add_rx_callback(PORT, 0, NULL, NULL) == NULL);
	CHECK(rte_eth_add_first_rx_callback(PORT + 1, 0, rx_cb, NULL) == NULL);

	/* They stay over a stop and start; closing frees those linked. */
	CHECK_RET(rte_eth_dev_stop(PORT), 0);
	CHECK_RET(rte_eth_dev_start(PORT), 0);
	nb_calls = 0;
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 1), 0);
	CHECK(nb_calls == 2);
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_rx_callbacks, body_rx_callbacks)

ETH_BODY(body_tx_callbacks)
{
	const struct rte_eth_rxtx_callback *c10, *c20;
	struct rte_mbuf *pkts[4];

	CHECK_OK(eth_port_up(PORT, 1, 32, NULL));
	c10 = rte_eth_add_tx_callback(PORT, 0, tx_cb, (void *)10);
	c20 = rte_eth_add_tx_callback(PORT, 0, tx_cb, (void *)20);
	CHECK(c10 != NULL && c20 != NULL);
	CHECK(rte_eth_add_tx_callback(PORT, 1, tx_cb, NULL) == NULL);

	CHECK_OK(eth_make_pkts(pkts, 4, 64, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 4), 2);
	CHECK(nb_calls == 2 && call_log[0] == 10 && call_log[1] == 20);
	/* The caller still owns the last two. */
	eth_free_pkts(pkts + 2, 2);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 4), 2);
	eth_free_pkts(pkts, 2);

	CHECK_RET(rte_eth_remove_tx_callback(PORT, 0, c20), 0);
	CHECK_RET(rte_eth_remove_tx_callback(PORT, 0, c20), -EINVAL);
	rte_free((void *)(uintptr_t)c20);
	nb_calls = 0;
	CHECK_OK(eth_make_pkts(pkts, 4, 64, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 4), 4);
	CHECK(nb_calls == 1 && call_log[0] == 10);
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_tx_callbacks, body_tx_callbacks)

ETH_BODY(body_tx_buffer)
{
	struct rte_eth_dev_tx_buffer *buf;
	struct rte_mbuf *pkts[8];
	uint64_t dropped = 0;
	unsigned int i;

	buf = rte_zmalloc_socket("tx_buffer", RTE_ETH_TX_BUFFER_SIZE(8), 0,
		SOCKET_ID_ANY);
	CHECK(buf != NULL);
	CHECK_RET(rte_eth_tx_buffer_init(buf, 8), 0);
	CHECK_OK(eth_port_up(PORT, 1, 32, NULL));

	/* Seven are buffered, the eighth sends all. */
	CHECK_OK(eth_make_pkts(pkts, 8, 64, 0));
	for (i = 0; i < 7; i++)
		CHECK_RET(rte_eth_tx_buffer(PORT, 0, buf, pkts[i]), 0);
	CHECK(buf->length == 7);
	CHECK_RET(rte_eth_rx_queue_count(PORT, 0), 0);
	CHECK_RET(rte_eth_tx_buffer(PORT, 0, buf, pkts[7]), 8);
	CHECK(buf->length == 0);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 8), 8);
	eth_free_pkts(pkts, 8);

	/* An explicit flush; then one of nothing. */
	CHECK_OK(eth_make_pkts(pkts, 3, 64, 0));
	for (i = 0; i < 3; i++)
		CHECK_RET(rte_eth_tx_buffer(PORT, 0, buf, pkts[i]), 0);
	CHECK_RET(rte_eth_tx_buffer_flush(PORT, 0, buf), 3);
	CHECK_RET(rte_eth_tx_buffer_flush(PORT, 0, buf), 0);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 8), 3);
	eth_free_pkts(pkts, 3);

	/* The Rx queue stops: nothing goes out, the callback counts and
	 * frees what is left. */
	CHECK_RET(rte_eth_tx_buffer_set_err_callback(buf,
			  rte_eth_tx_buffer_count_callback, &dropped),
		0);
	CHECK_RET(rte_eth_dev_rx_queue_stop(PORT, 0), 0);
	CHECK_OK(eth_make_pkts(pkts, 5, 64, 0));
	for (i = 0; i < 5; i++)
		CHECK_RET(rte_eth_tx_buffer(PORT, 0, buf, pkts[i]), 0);
	CHECK_RET(rte_eth_tx_buffer_flush(PORT, 0, buf), 0);
	CHECK(dropped == 5);
	CHECK(buf->length == 0);
	CHECK_POOL_FULL(eth_pool());

	/* The default callback drops (frees) them too. */
	CHECK_RET(rte_eth_tx_buffer_set_err_callback(buf,
			  rte_eth_tx_buffer_drop_callback, NULL),
		0);
	CHECK_OK(eth_make_pkts(pkts, 8, 64, 0));
	for (i = 0; i < 8; i++)
		rte_eth_tx_buffer(PORT, 0, buf, pkts[i]);
	CHECK(buf->length == 0);
	CHECK_POOL_FULL(eth_pool());
	CHECK_OK(eth_port_down(PORT));
	rte_free(buf);
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_tx_buffer, body_tx_buffer)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loopback),
		cmocka_unit_test(test_not_running),
		cmocka_unit_test(test_tx_prepare),
		cmocka_unit_test(test_rx_callbacks),
		cmocka_unit_test(test_tx_callbacks),
		cmocka_unit_test(test_tx_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
