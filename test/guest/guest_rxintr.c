/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Rx interrupt mode of the virtio PMD on a real device (the guest suite):
 * one port, one rx queue with intr_conf.rxq, and lcore 1 asleep in
 * rte_epoll_wait() on that queue's interrupt while the guest kernel's NIC
 * (the peer, on the same QEMU hub) sends it frames.
 *
 *   guest_rxintr EAL-OPTIONS -a BDF -- --tag TAG --peer IFNAME
 *   guest_rxintr EAL-OPTIONS -a BDF -- --tag TAG --expect-enotsup
 *
 * Checks, each one "RESULT PASS|FAIL TAG: ..." line:
 * - quiet: without traffic the lcore stays asleep for the whole timeout;
 * - wake (3 rounds): a frame sent while it sleeps wakes it, and the burst
 *   after the wake returns that frame;
 * - pending: a frame that arrived while the interrupt was off wakes it
 *   as soon as the interrupt is enabled;
 * - the port's counters and the pool (every mbuf back) at the end.
 * With --expect-enotsup (INTx bindings): configure must fail with
 * -ENOTSUP.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_epoll.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_interrupts.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#define RXI_ETHERTYPE 0x88b5 /* IEEE 802 local experimental */
#define RXI_FRAME_LEN 64
#define RXI_ROUNDS    3
#define RXI_QUIET_MS  2000
#define RXI_WAKE_MS   10000
#define RXI_BURST     32

static const char *tag = "rxintr";
static const char *peer_if;
static bool expect_enotsup;
static unsigned int fails;

static int peer_fd = -1;
static uint8_t peer_mac[6];
static struct rte_ether_addr port_mac;

/* Main <-> lcore 1: the step the lcore is at, and what it saw. */
enum rxi_state {
	RXI_IDLE,
	RXI_ASLEEP,
	RXI_DONE
};
static volatile int step_state;
static volatile int step_go;
static volatile int sleeper_failed;
struct rxi_step {
	int woke;	     /* rte_epoll_wait()'s return */
	uint64_t ms;	     /* time asleep */
	unsigned int frames; /* frames of ours the burst after returned */
	unsigned int others; /* anything else */
};
static struct rxi_step steps[RXI_ROUNDS + 2];

static void
result(bool pass, const char *fmt, ...)
{
	va_list ap;

	printf("RESULT %s %s: ", pass ? "PASS" : "FAIL", tag);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!pass)
		fails++;
}

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static int
peer_open(void)
{
	struct sockaddr_ll addr = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(RXI_ETHERTYPE),
	};
	struct ifreq ifr;

	peer_fd = socket(AF_PACKET, SOCK_RAW, htons(RXI_ETHERTYPE));
	if (peer_fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", peer_if);
	addr.sll_ifindex = (int)if_nametoindex(peer_if);
	if (addr.sll_ifindex == 0 || ioctl(peer_fd, SIOCGIFHWADDR, &ifr) != 0 ||
		bind(peer_fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
		close(peer_fd);
		peer_fd = -1;
		return -1;
	}
	memcpy(peer_mac, ifr.ifr_hwaddr.sa_data, 6);
	return 0;
}

/* One frame from the peer to the port, numbered n. */
static int
peer_send(unsigned int n)
{
	uint8_t frame[RXI_FRAME_LEN] = { 0 };

	memcpy(frame, port_mac.addr_bytes, 6);
	memcpy(frame + 6, peer_mac, 6);
	frame[12] = RXI_ETHERTYPE >> 8;
	frame[13] = RXI_ETHERTYPE & 0xff;
	snprintf((char *)frame + 14, sizeof(frame) - 14, "rxintr %u", n);
	return send(peer_fd, frame, sizeof(frame), 0) == sizeof(frame) ? 0 : -1;
}

/* Everything the queue holds now: ours (by EtherType) and others. */
static void
rx_drain(uint16_t port, struct rxi_step *st)
{
	struct rte_mbuf *pkts[RXI_BURST];
	uint16_t n, i;

	while ((n = rte_eth_rx_burst(port, 0, pkts, RXI_BURST)) != 0) {
		for (i = 0; i < n; i++) {
			const uint8_t *d = rte_pktmbuf_mtod(pkts[i],
				const uint8_t *);

			if (st != NULL && pkts[i]->data_len >= 14 &&
				d[12] == (RXI_ETHERTYPE >> 8) &&
				d[13] == (RXI_ETHERTYPE & 0xff))
				st->frames++;
			else if (st != NULL)
				st->others++;
			rte_pktmbuf_free(pkts[i]);
		}
	}
}

/* Sleeps on the queue's interrupt for at most timeout_ms. */
static void
sleep_on_queue(uint16_t port, struct rxi_step *st, int timeout_ms)
{
	struct rte_epoll_event ev;
	uint64_t t0;

	rte_eth_dev_rx_intr_enable(port, 0);
	__atomic_store_n(&step_state, RXI_ASLEEP, __ATOMIC_RELEASE);
	t0 = now_ms();
	st->woke = rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, timeout_ms);
	st->ms = now_ms() - t0;
	rte_eth_dev_rx_intr_disable(port, 0);
	rx_drain(port, st);
}

static void
wait_go(int step)
{
	while (__atomic_load_n(&step_go, __ATOMIC_ACQUIRE) < step)
		rte_delay_us_sleep(1000);
}

/* Lcore 1: the quiet step, the wake rounds, the pending step. */
static int
sleeper(void *arg)
{
	uint16_t port = (uint16_t)(uintptr_t)arg;
	int ret, s;

	ret = rte_eth_dev_rx_intr_ctl_q(port, 0, RTE_EPOLL_PER_THREAD,
		RTE_INTR_EVENT_ADD, NULL);
	if (ret != 0) {
		result(false, "rte_eth_dev_rx_intr_ctl_q(ADD): %d", ret);
		__atomic_store_n(&sleeper_failed, 1, __ATOMIC_RELEASE);
		return -1;
	}
	rx_drain(port, NULL);
	for (s = 0; s < RXI_ROUNDS + 2; s++) {
		wait_go(s + 1);
		if (s == RXI_ROUNDS + 1) {
			/* the frame is in the ring before the interrupt is on */
			while (__atomic_load_n(&step_go, __ATOMIC_ACQUIRE) <
				s + 2)
				rte_delay_us_sleep(1000);
			rte_delay_us_sleep(500 * 1000);
		}
		sleep_on_queue(port, &steps[s],
			s == 0 ? RXI_QUIET_MS : RXI_WAKE_MS);
		__atomic_store_n(&step_state, RXI_DONE, __ATOMIC_RELEASE);
	}
	rte_eth_dev_rx_intr_ctl_q(port, 0, RTE_EPOLL_PER_THREAD,
		RTE_INTR_EVENT_DEL, NULL);
	return 0;
}

/* Main lcore: waits until the lcore is in state (or gave up). */
static bool
wait_state(int state, bool equal)
{
	while ((__atomic_load_n(&step_state, __ATOMIC_ACQUIRE) == state) !=
		equal) {
		if (__atomic_load_n(&sleeper_failed, __ATOMIC_ACQUIRE))
			return false;
		rte_delay_us_sleep(1000);
	}
	return true;
}

/* Main lcore: each step's go, and the peer's frame where one is due. */
static bool
drive(void)
{
	int s;

	for (s = 0; s < RXI_ROUNDS + 2; s++) {
		__atomic_store_n(&step_state, RXI_IDLE, __ATOMIC_RELEASE);
		__atomic_store_n(&step_go, s + 1, __ATOMIC_RELEASE);
		if (s == RXI_ROUNDS + 1) {
			peer_send((unsigned int)s);
			__atomic_store_n(&step_go, s + 2, __ATOMIC_RELEASE);
		} else if (s > 0) {
			if (!wait_state(RXI_IDLE, false))
				return false;
			/* well asleep before the frame goes */
			rte_delay_us_sleep(500 * 1000);
			peer_send((unsigned int)s);
		}
		if (!wait_state(RXI_DONE, true))
			return false;
	}
	return true;
}

static void
report(void)
{
	const struct rxi_step *q = &steps[0], *p = &steps[RXI_ROUNDS + 1];
	int s;

	result(q->woke == 0 && q->frames == 0,
		"no traffic: asleep %" PRIu64
		" ms of %u, epoll_wait returned %d, %u frames after",
		q->ms, RXI_QUIET_MS, q->woke, q->frames + q->others);
	for (s = 1; s <= RXI_ROUNDS; s++)
		result(steps[s].woke == 1 && steps[s].frames == 1,
			"round %d: a frame sent while asleep woke the lcore "
			"after %" PRIu64 " ms (epoll_wait %d), the burst after "
			"returned %u of ours, %u others",
			s, steps[s].ms, steps[s].woke, steps[s].frames,
			steps[s].others);
	result(p->woke == 1 && p->frames == 1 && p->ms < 1000,
		"a frame received while the interrupt was off woke the lcore "
		"%" PRIu64 " ms after it was enabled (epoll_wait %d, %u of "
		"ours)",
		p->ms, p->woke, p->frames);
}

static int
port_setup(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_conf conf = { .intr_conf = { .rxq = 1 } };
	int ret;

	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (expect_enotsup) {
		result(ret == -ENOTSUP,
			"configure with intr_conf.rxq: %d "
			"(want -ENOTSUP: %d)",
			ret, -ENOTSUP);
		return -1;
	}
	if (ret != 0) {
		result(false, "configure with intr_conf.rxq: %d", ret);
		return -1;
	}
	ret = rte_eth_rx_queue_setup(port, 0, 0, rte_eth_dev_socket_id(port),
		NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, 0,
			rte_eth_dev_socket_id(port), NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret == 0)
		ret = rte_eth_promiscuous_disable(port);
	if (ret != 0)
		result(false, "queue setup or start: %d", ret);
	return ret;
}

static void
port_check_end(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_stats st;
	unsigned int ours = 0, s;

	for (s = 0; s < RXI_ROUNDS + 2; s++)
		ours += steps[s].frames + steps[s].others;
	if (rte_eth_stats_get(port, &st) == 0)
		result(st.ipackets == ours,
			"port counters: ipackets %" PRIu64
			", the lcore received %u",
			st.ipackets, ours);
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	result(rte_mempool_in_use_count(mp) == 0,
		"every mbuf back in the "
		"pool after close (%u out)",
		rte_mempool_in_use_count(mp));
}

static int
parse_args(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "peer", required_argument, NULL, 'p' },
		{ "expect-enotsup", no_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 't':
			tag = optarg;
			break;
		case 'p':
			peer_if = optarg;
			break;
		case 'e':
			expect_enotsup = true;
			break;
		default:
			return -1;
		}
	}
	if (!expect_enotsup && peer_if == NULL) {
		fprintf(stderr,
			"usage: guest_rxintr EAL -- --tag T "
			"(--peer IFNAME | --expect-enotsup)\n");
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct rte_mempool *mp;
	unsigned int lcore;
	uint16_t port = 0;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		printf("RESULT FAIL %s: EAL init: %s\n", tag,
			rte_strerror(rte_errno));
		return 1;
	}
	if (parse_args(argc - ret, argv + ret) != 0)
		return 2;
	lcore = rte_get_next_lcore(-1, 1, 0);
	if (rte_eth_dev_count_avail() != 1 || lcore >= RTE_MAX_LCORE) {
		result(false, "want one port and two lcores: %u ports",
			rte_eth_dev_count_avail());
		rte_eal_cleanup();
		return 1;
	}
	mp = rte_pktmbuf_pool_create("rxintr", 2047, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, rte_eth_dev_socket_id(port));
	if (mp == NULL || port_setup(port, mp) != 0) {
		rte_eth_dev_close(port);
		rte_mempool_free(mp);
		rte_eal_cleanup();
		return fails != 0;
	}
	rte_eth_macaddr_get(port, &port_mac);
	if (peer_open() != 0) {
		result(false, "peer %s: %s", peer_if, strerror(errno));
	} else {
		rte_eal_remote_launch(sleeper, (void *)(uintptr_t)port, lcore);
		ret = drive();
		rte_eal_wait_lcore(lcore);
		if (ret)
			report();
		close(peer_fd);
	}
	port_check_end(port, mp);
	rte_mempool_free(mp);
	rte_eal_cleanup();
	return fails != 0;
}
