/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers of the ethdev suites. A case runs its body in a forked child
 * between rte_eal_init() (no hugepages, no PCI, one lcore, one or more
 * net_ethtest ports) and rte_eal_cleanup() (eal/eal_test_run.h). A
 * failed CHECK returns its line number from the body and prints the
 * condition on stderr, which the parent shows.
 *
 * Bodies that move packets end with CHECK_POOL_FULL() after closing the
 * port: every mbuf went back to the pool.
 */
#ifndef ETHDEV_TEST_H
#define ETHDEV_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "eal/eal_test_run.h"
#include "ethtest_pmd.h"

/* A case body: runs in the child after a successful rte_eal_init(). */
#define ETH_BODY(name) \
	static int name(int argc __attribute__((unused)), \
		char **argv __attribute__((unused)), \
		int consumed __attribute__((unused)))

/* EAL arguments of most cases: one net_ethtest port, port id 0. */
#define ETH_EAL_ARGS \
	"-l 0 --no-huge --no-pci -m 256 --log-level=lib.ethdev:crit"
#define ETH_ARGS ETH_EAL_ARGS " --vdev " ETHTEST_DRIVER_NAME "0"

/* Size of the pools of the cases. */
#define ETH_POOL_SIZE 1023

static inline void
eth_run(const char *args, eal_run_hook hook)
{
	struct eal_run r;

	eal_run(args, hook, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		print_message("EAL args '%s': init %d (rte_errno %d), body %d, "
			      "exit %d\n--- child stderr ---\n%s--- end ---\n",
			args, r.ret, r.err, r.hook_ret, r.status, r.err_text);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(r.status, 0);
}

/* One cmocka case that runs body with args. */
#define ETH_CASE_ARGS(name, args, body) \
	static void name(void **state) \
	{ \
		(void)state; \
		eth_run(args, body); \
	}

/* One cmocka case that runs body with ETH_ARGS. */
#define ETH_CASE(name, body) ETH_CASE_ARGS(name, ETH_ARGS, body)

/* The mbuf pool of a case. */
static inline struct rte_mempool *
eth_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("eth_test_pool");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("eth_test_pool", ETH_POOL_SIZE, 0,
			0, RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

/*
 * Configures the port with nb_queues queue pairs (conf NULL: all zero),
 * sets them up with nb_desc descriptors and default configurations, and
 * starts it. 0 or the line that failed.
 */
static inline int
eth_port_up(uint16_t port_id, uint16_t nb_queues, uint16_t nb_desc,
	const struct rte_eth_conf *conf)
{
	struct rte_eth_conf zero_conf;
	struct rte_mempool *mp = eth_pool();
	uint16_t q;

	memset(&zero_conf, 0, sizeof(zero_conf));
	CHECK(mp != NULL);
	CHECK_RET(rte_eth_dev_configure(port_id, nb_queues, nb_queues,
			  conf != NULL ? conf : &zero_conf),
		0);
	for (q = 0; q < nb_queues; q++) {
		CHECK_RET(rte_eth_rx_queue_setup(port_id, q, nb_desc,
				  rte_eth_dev_socket_id(port_id), NULL, mp),
			0);
		CHECK_RET(rte_eth_tx_queue_setup(port_id, q, nb_desc,
				  rte_eth_dev_socket_id(port_id), NULL),
			0);
	}
	CHECK_RET(rte_eth_dev_start(port_id), 0);
	return 0;
}

/* Stops and closes the port; 0 or the line that failed. */
static inline int
eth_port_down(uint16_t port_id)
{
	CHECK_RET(rte_eth_dev_stop(port_id), 0);
	CHECK_RET(rte_eth_dev_close(port_id), 0);
	CHECK(!rte_eth_dev_is_valid_port(port_id));
	return 0;
}

/* n packets of len bytes (byte i of packet k is seed + k + i). */
static inline int
eth_make_pkts(struct rte_mbuf **pkts, unsigned int n, uint16_t len, uint8_t seed)
{
	unsigned int k, i;
	uint8_t *data;

	for (k = 0; k < n; k++) {
		pkts[k] = rte_pktmbuf_alloc(eth_pool());
		CHECK(pkts[k] != NULL);
		data = (uint8_t *)rte_pktmbuf_append(pkts[k], len);
		CHECK(data != NULL);
		for (i = 0; i < len; i++)
			data[i] = (uint8_t)(seed + k + i);
	}
	return 0;
}

/* Frees n packets. */
static inline void
eth_free_pkts(struct rte_mbuf **pkts, unsigned int n)
{
	unsigned int k;

	for (k = 0; k < n; k++)
		rte_pktmbuf_free(pkts[k]);
}

#endif /* ETHDEV_TEST_H */
