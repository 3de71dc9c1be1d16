/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Events and interrupts on net_ethtest ports: NEW and DESTROY (with
 * RTE_ETH_ALL), link state changes raised by the driver from an EAL
 * alarm on the interrupt thread, callback registration rules, and Rx
 * queue interrupts through rte_epoll_wait().
 */
#include <time.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_epoll.h>
#include <rte_interrupts.h>
#include <ethdev_driver.h>

#include "ethdev_test.h"

#define PORT 0

/* What the callbacks saw (written by the interrupt thread for LSC). */
struct event_log {
	int count[RTE_ETH_EVENT_MAX];
	uint16_t last_port;
	int on_intr_thread;
	int link_status;
	int unregister_ret;
};

static struct event_log events;

static int
record_event(uint16_t port_id, enum rte_eth_event_type event, void *cb_arg,
	void *ret_param)
{
	struct rte_eth_link link;

	(void)ret_param;
	events.last_port = port_id;
	if (event == RTE_ETH_EVENT_INTR_LSC) {
		events.on_intr_thread = rte_thread_is_intr();
		if (rte_eth_link_get_nowait(port_id, &link) == 0)
			events.link_status = link.link_status;
	}
	/* Release: pairs with the acquire load of wait_for(). */
	__atomic_add_fetch(&events.count[event], 1, __ATOMIC_RELEASE);
	return cb_arg == NULL ? 0 : *(int *)cb_arg;
}

/* Waits up to 2 s for count[event] to reach want. */
static int
wait_for(enum rte_eth_event_type event, int want)
{
	unsigned int i;

	for (i = 0; i < 2000; i++) {
		if (__atomic_load_n(&events.count[event], __ATOMIC_ACQUIRE) >=
			want)
			return 1;
		usleep(1000);
	}
	return 0;
}

/* The ports a devargs string names, as "port attach" finds them. */
static int
check_matching(uint16_t want)
{
	static const char *const names[] = {
		"net_ethtest5",
		"net_ethtest5,lsc=0",
		"bus=vdev,name=net_ethtest5",
	};
	struct rte_dev_iterator it;
	unsigned int i, found;
	uint16_t id;

	for (i = 0; i < RTE_DIM(names); i++) {
		found = 0;
		RTE_ETH_FOREACH_MATCHING_DEV (id, names[i], &it) {
			CHECK(id == want);
			found++;
		}
		CHECK(found == 1);
	}
	found = 0;
	RTE_ETH_FOREACH_MATCHING_DEV (id, "net_ethtest9", &it)
		found++;
	CHECK(found == 0);
	CHECK_RET(rte_eth_iterator_init(&it, "bus=vdev"), -ENOTSUP);
	CHECK_RET(rte_eth_iterator_next(&it), RTE_MAX_ETHPORTS);
	CHECK_RET(rte_eth_iterator_init(&it, "net_ethtest0"), 0);
	CHECK_RET(rte_eth_iterator_next(&it), 0);
	rte_eth_iterator_cleanup(&it);
	return 0;
}

ETH_BODY(body_new_destroy)
{
	uint16_t port_id;

	memset(&events, 0, sizeof(events));
	CHECK_RET(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			  record_event, NULL),
		0);
	CHECK_RET(rte_eth_dev_callback_register(RTE_ETH_ALL,
			  RTE_ETH_EVENT_DESTROY, record_event, NULL),
		0);
	/* Registering the same one again adds nothing. */
	CHECK_RET(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
			  record_event, NULL),
		0);

	CHECK_RET(rte_vdev_init("net_ethtest5", NULL), 0);
	CHECK(events.count[RTE_ETH_EVENT_NEW] == 1);
	CHECK_RET(rte_eth_dev_get_port_by_name("net_ethtest5", &port_id), 0);
	CHECK(events.last_port == port_id);
	CHECK(port_id == 1);
	CHECK_OK(check_matching(port_id));

	/* Closing fires DESTROY; removing the device then does nothing. */
	CHECK_RET(rte_eth_dev_close(port_id), 0);
	CHECK(events.count[RTE_ETH_EVENT_DESTROY] == 1);
	CHECK_RET(rte_vdev_uninit("net_ethtest5"), 0);
	CHECK(events.count[RTE_ETH_EVENT_DESTROY] == 1);

	/* Removing a device with an open port closes it: DESTROY. */
	CHECK_RET(rte_vdev_init("net_ethtest6", NULL), 0);
	CHECK(events.count[RTE_ETH_EVENT_NEW] == 2);
	CHECK_RET(rte_vdev_uninit("net_ethtest6"), 0);
	CHECK(events.count[RTE_ETH_EVENT_DESTROY] == 2);
	CHECK_RET(rte_eth_dev_count_avail(), 1);

	/* Unregistered: no more calls. */
	CHECK_RET(rte_eth_dev_callback_unregister(RTE_ETH_ALL,
			  RTE_ETH_EVENT_NEW, record_event, (void *)-1),
		0);
	CHECK_RET(rte_vdev_init("net_ethtest7", NULL), 0);
	CHECK(events.count[RTE_ETH_EVENT_NEW] == 2);
	CHECK_RET(rte_vdev_uninit("net_ethtest7"), 0);
	CHECK(events.count[RTE_ETH_EVENT_DESTROY] == 3);
	CHECK_RET(rte_eth_dev_callback_unregister(RTE_ETH_ALL,
			  RTE_ETH_EVENT_DESTROY, record_event, NULL),
		0);
	return 0;
}
ETH_CASE(test_new_destroy, body_new_destroy)

ETH_BODY(body_register_errors)
{
	int ret_value = 42, ret;

	CHECK_RET(rte_eth_dev_callback_register(PORT, RTE_ETH_EVENT_INTR_LSC,
			  NULL, NULL),
		-EINVAL);
	CHECK_RET(rte_eth_dev_callback_register(PORT + 1,
			  RTE_ETH_EVENT_INTR_LSC, record_event, NULL),
		-EINVAL);
	CHECK_RET(rte_eth_dev_callback_register(PORT, RTE_ETH_EVENT_MAX,
			  record_event, NULL),
		-EINVAL);
	CHECK_RET(rte_eth_dev_callback_unregister(PORT, RTE_ETH_EVENT_INTR_LSC,
			  NULL, NULL),
		-EINVAL);
	CHECK_RET(rte_eth_dev_callback_unregister(PORT + 1,
			  RTE_ETH_EVENT_INTR_LSC, record_event, NULL),
		-EINVAL);
	/* Nothing registered: no error. */
	CHECK_RET(rte_eth_dev_callback_unregister(PORT, RTE_ETH_EVENT_INTR_LSC,
			  record_event, NULL),
		0);

	/* A driver gets the callbacks' return value. */
	memset(&events, 0, sizeof(events));
	CHECK_RET(rte_eth_dev_callback_register(PORT, RTE_ETH_EVENT_INTR_RESET,
			  record_event, &ret_value),
		0);
	ret = rte_eth_dev_callback_process(&rte_eth_devices[PORT],
		RTE_ETH_EVENT_INTR_RESET, NULL);
	CHECK(ret == 42);
	CHECK(events.count[RTE_ETH_EVENT_INTR_RESET] == 1);
	/* Other events and other ports do not call it. */
	CHECK_RET(rte_eth_dev_callback_process(&rte_eth_devices[PORT],
			  RTE_ETH_EVENT_INTR_RMV, NULL),
		0);
	CHECK(events.count[RTE_ETH_EVENT_INTR_RESET] == 1);
	/* A port's callbacks go away with it. */
	CHECK_RET(rte_eth_dev_close(PORT), 0);
	CHECK_RET(rte_vdev_uninit("net_ethtest0"), 0);
	CHECK_RET(rte_vdev_init("net_ethtest0", NULL), 0);
	CHECK(rte_eth_dev_is_valid_port(PORT));
	CHECK_RET(rte_eth_dev_callback_process(&rte_eth_devices[PORT],
			  RTE_ETH_EVENT_INTR_RESET, NULL),
		0);
	CHECK(events.count[RTE_ETH_EVENT_INTR_RESET] == 1);
	return 0;
}
ETH_CASE(test_register_errors, body_register_errors)

/* A RESET callback that closes its own port while it runs. */
static int
close_own_port(uint16_t port_id, enum rte_eth_event_type event, void *cb_arg,
	void *ret_param)
{
	(void)cb_arg;
	(void)ret_param;
	__atomic_add_fetch(&events.count[event], 1, __ATOMIC_RELEASE);
	return rte_eth_dev_close(port_id);
}

/* A callback running when its port goes does not survive into the next
 * port that takes the same id. */
ETH_BODY(body_callback_outlives_port)
{
	memset(&events, 0, sizeof(events));
	CHECK_RET(rte_eth_dev_callback_register(PORT, RTE_ETH_EVENT_INTR_RESET,
			  close_own_port, NULL),
		0);
	CHECK_RET(rte_eth_dev_callback_process(&rte_eth_devices[PORT],
			  RTE_ETH_EVENT_INTR_RESET, NULL),
		0);
	CHECK(events.count[RTE_ETH_EVENT_INTR_RESET] == 1);
	CHECK(!rte_eth_dev_is_valid_port(PORT));
	CHECK_RET(rte_vdev_uninit("net_ethtest0"), 0);
	CHECK_RET(rte_vdev_init("net_ethtest0", NULL), 0);
	CHECK(rte_eth_dev_is_valid_port(PORT));
	CHECK_RET(rte_eth_dev_callback_process(&rte_eth_devices[PORT],
			  RTE_ETH_EVENT_INTR_RESET, NULL),
		0);
	CHECK(events.count[RTE_ETH_EVENT_INTR_RESET] == 1);
	/* Nothing of it is left to unregister, and the same callback can
	 * be registered for the new port. */
	CHECK_RET(rte_eth_dev_callback_register(PORT, RTE_ETH_EVENT_INTR_RESET,
			  record_event, NULL),
		0);
	CHECK_RET(rte_eth_dev_callback_process(&rte_eth_devices[PORT],
			  RTE_ETH_EVENT_INTR_RESET, NULL),
		0);
	CHECK(events.count[RTE_ETH_EVENT_INTR_RESET] == 2);
	CHECK_RET(rte_eth_dev_callback_unregister(PORT,
			  RTE_ETH_EVENT_INTR_RESET, record_event, NULL),
		0);
	return 0;
}
ETH_CASE(test_callback_outlives_port, body_callback_outlives_port)

static int
unregister_self(uint16_t port_id, enum rte_eth_event_type event, void *cb_arg,
	void *ret_param)
{
	(void)cb_arg;
	(void)ret_param;
	events.unregister_ret = rte_eth_dev_callback_unregister(port_id, event,
		unregister_self, NULL);
	__atomic_add_fetch(&events.count[event], 1, __ATOMIC_RELEASE);
	return 0;
}

/* Unregisters fn of port PORT for LSC, retrying while it runs. */
static int
unregister_when_idle(rte_eth_dev_cb_fn fn)
{
	unsigned int i;
	int ret = -EAGAIN;

	for (i = 0; i < 1000 && ret == -EAGAIN; i++) {
		ret = rte_eth_dev_callback_unregister(PORT,
			RTE_ETH_EVENT_INTR_LSC, fn, NULL);
		if (ret == -EAGAIN)
			usleep(1000);
	}
	return ret;
}

/* Link changes raised from the interrupt thread. */
ETH_BODY(body_lsc)
{
	struct rte_eth_conf conf;
	struct rte_eth_link link;

	memset(&events, 0, sizeof(events));
	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = 1;
	CHECK_RET(rte_eth_dev_callback_register(PORT, RTE_ETH_EVENT_INTR_LSC,
			  record_event, NULL),
		0);
	CHECK_OK(eth_port_up(PORT, 1, 32, &conf));
	/* Starting sets the link up directly: no event. */
	CHECK(events.count[RTE_ETH_EVENT_INTR_LSC] == 0);

	CHECK_RET(rte_eth_dev_set_link_down(PORT), 0);
	CHECK(wait_for(RTE_ETH_EVENT_INTR_LSC, 1));
	CHECK(events.on_intr_thread);
	CHECK(events.link_status == RTE_ETH_LINK_DOWN);
	CHECK(events.last_port == PORT);
	CHECK_RET(rte_eth_link_get(PORT, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_DOWN);

	CHECK_RET(rte_eth_dev_set_link_up(PORT), 0);
	CHECK(wait_for(RTE_ETH_EVENT_INTR_LSC, 2));
	CHECK(events.link_status == RTE_ETH_LINK_UP);
	CHECK_RET(rte_eth_link_get_nowait(PORT, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP);

	/* No change, no event. */
	CHECK_RET(rte_eth_dev_set_link_up(PORT), 0);
	usleep(20000);
	CHECK(events.count[RTE_ETH_EVENT_INTR_LSC] == 2);

	/* A callback that unregisters itself: -EAGAIN, it stays. */
	CHECK_RET(rte_eth_dev_callback_register(PORT, RTE_ETH_EVENT_INTR_LSC,
			  unregister_self, NULL),
		0);
	CHECK_RET(rte_eth_dev_set_link_down(PORT), 0);
	CHECK(wait_for(RTE_ETH_EVENT_INTR_LSC, 4));
	CHECK(events.unregister_ret == -EAGAIN);
	/* It may still be returning on the interrupt thread. */
	CHECK_RET(unregister_when_idle(unregister_self), 0);
	CHECK_RET(unregister_when_idle(record_event), 0);
	CHECK_OK(eth_port_down(PORT));
	return 0;
}
ETH_CASE(test_lsc, body_lsc)

/* Without intr_conf.lsc the link still changes, silently. */
ETH_BODY(body_no_lsc)
{
	struct rte_eth_link link;
	unsigned int i;

	memset(&events, 0, sizeof(events));
	CHECK_RET(rte_eth_dev_callback_register(PORT, RTE_ETH_EVENT_INTR_LSC,
			  record_event, NULL),
		0);
	CHECK_OK(eth_port_up(PORT, 1, 32, NULL));
	CHECK_RET(rte_eth_dev_set_link_down(PORT), 0);
	for (i = 0; i < 2000; i++) {
		CHECK_RET(rte_eth_link_get_nowait(PORT, &link), 0);
		if (link.link_status == RTE_ETH_LINK_DOWN)
			break;
		usleep(1000);
	}
	CHECK(link.link_status == RTE_ETH_LINK_DOWN);
	CHECK(events.count[RTE_ETH_EVENT_INTR_LSC] == 0);
	CHECK_OK(eth_port_down(PORT));
	return 0;
}
ETH_CASE(test_no_lsc, body_no_lsc)

/* Rx interrupts: sleep in rte_epoll_wait() until a packet arrives. */
ETH_BODY(body_rx_intr)
{
	struct rte_epoll_event ev[4];
	struct rte_eth_conf conf;
	struct rte_mbuf *pkts[2];
	void *tag = (void *)(uintptr_t)0x1234;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.rxq = 1;
	CHECK_OK(eth_port_up(PORT, 2, 32, &conf));
	CHECK(rte_eth_dev_rx_intr_ctl_q_get_fd(PORT, 0) >= 0);
	CHECK(rte_eth_dev_rx_intr_ctl_q_get_fd(PORT, 1) !=
		rte_eth_dev_rx_intr_ctl_q_get_fd(PORT, 0));
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q_get_fd(PORT, 2), -1);
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q(PORT, 0, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_ADD, tag),
		0);
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q(PORT, 0, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_ADD, tag),
		-EEXIST);
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q(PORT, 2, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_ADD, tag),
		-EINVAL);
	CHECK_RET(rte_eth_dev_rx_intr_enable(PORT, 0), 0);
	CHECK_RET(rte_eth_dev_rx_intr_enable(PORT, 3), -EINVAL);
	CHECK_RET(rte_eth_dev_rx_intr_enable(PORT + 1, 0), -ENODEV);

	/* Nothing yet: the wait times out. */
	CHECK_RET(rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, 4, 10), 0);
	CHECK_OK(eth_make_pkts(pkts, 1, 60, 0));
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 1);
	CHECK_RET(rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, 4, 1000), 1);
	CHECK(ev[0].epdata.data == tag);
	CHECK_RET(rte_eth_dev_rx_intr_disable(PORT, 0), 0);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 2), 1);

	/* Disarmed: packets come without waking anyone. */
	CHECK_RET(rte_eth_tx_burst(PORT, 0, pkts, 1), 1);
	CHECK_RET(rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, 4, 10), 0);
	CHECK_RET(rte_eth_rx_burst(PORT, 0, pkts, 2), 1);
	rte_pktmbuf_free(pkts[0]);

	CHECK_RET(rte_eth_dev_rx_intr_ctl_q(PORT, 0, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_DEL, NULL),
		0);
	CHECK_RET(rte_eth_dev_rx_intr_ctl(PORT, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_ADD, tag),
		0);
	CHECK_RET(rte_eth_dev_rx_intr_ctl(PORT, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_DEL, NULL),
		0);
	CHECK_OK(eth_port_down(PORT));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}
ETH_CASE(test_rx_intr, body_rx_intr)

/* Without intr_conf.rxq the port has no Rx interrupt handle. */
ETH_BODY(body_no_rx_intr)
{
	CHECK_OK(eth_port_up(PORT, 1, 32, NULL));
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q(PORT, 0, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_ADD, NULL),
		-ENOTSUP);
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q_get_fd(PORT, 0), -1);
	CHECK_RET(rte_eth_dev_rx_intr_enable(PORT, 0), -EINVAL);
	CHECK_OK(eth_port_down(PORT));
	return 0;
}
ETH_CASE(test_no_rx_intr, body_no_rx_intr)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_destroy),
		cmocka_unit_test(test_register_errors),
		cmocka_unit_test(test_callback_outlives_port),
		cmocka_unit_test(test_lsc),
		cmocka_unit_test(test_no_lsc),
		cmocka_unit_test(test_rx_intr),
		cmocka_unit_test(test_no_rx_intr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
