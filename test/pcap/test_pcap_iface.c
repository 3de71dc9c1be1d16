/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap on a Linux interface (root): the suite makes a network
 * namespace and a veth pair, keeps one end (plxA<pid>) for the port and
 * moves the other (plxB<pid>) into the namespace, where a raw AF_PACKET
 * socket sends and counts frames. Only frames of the local experimental
 * ethertype 0x88b5 with a "PLXP" mark are counted, so other traffic
 * cannot confuse a case. Everything is deleted at the end, failed cases
 * included. The load case sends 300,000 frames at top speed while two
 * busy loops (killed after it, a minute at most) compete for the CPUs. Skips (77) when not root or when namespaces cannot be made.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <rte_cycles.h>
#include <rte_epoll.h>
#include <rte_interrupts.h>

#include "pcap_test.h"

#define MARK_TYPE 0x88b5
#define FRAME_LEN 100
#define NB_FRAMES 10
/* Longest wait for frames or events, in ms. */
#define WAIT_MS 3000

static char ns_name[64], if_a[IF_NAMESIZE], if_b[IF_NAMESIZE];
static char devargs[256];
static int ns_sock = -1;
static int made_ns, made_link;

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static int
run_cmd(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

/* A marked frame: broadcast, ethertype 0x88b5, "PLXP", seq. */
static void
make_frame(uint8_t *buf, uint8_t seq)
{
	static const uint8_t src[6] = { 0x02, 0, 0, 0, 0, 0x42 };
	unsigned int i;

	memset(buf, 0xff, 6);
	memcpy(buf + 6, src, 6);
	buf[12] = MARK_TYPE >> 8;
	buf[13] = MARK_TYPE & 0xff;
	memcpy(buf + 14, "PLXP", 4);
	for (i = 18; i < FRAME_LEN; i++)
		buf[i] = (uint8_t)(seq + i);
}

static int
is_marked(const uint8_t *buf, size_t len)
{
	return len >= 18 && buf[12] == (MARK_TYPE >> 8) &&
		buf[13] == (MARK_TYPE & 0xff) &&
		memcmp(buf + 14, "PLXP", 4) == 0;
}

/* Sends n marked frames from the namespace end; the number sent. */
static int
ns_inject(int n)
{
	uint8_t buf[FRAME_LEN];
	int k, sent = 0;

	for (k = 0; k < n; k++) {
		make_frame(buf, (uint8_t)k);
		if (send(ns_sock, buf, sizeof(buf), 0) == (ssize_t)sizeof(buf))
			sent++;
	}
	return sent;
}

/* Counts marked frames reaching the namespace end until want arrived or
 * WAIT_MS passed. */
static int
ns_count(int want)
{
	uint64_t end = now_ms() + WAIT_MS;
	struct pollfd pfd = { .fd = ns_sock, .events = POLLIN };
	uint8_t buf[2048];
	int got = 0;
	ssize_t n;

	while (got < want && now_ms() < end) {
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		n = recv(ns_sock, buf, sizeof(buf), MSG_DONTWAIT);
		if (n > 0 && is_marked(buf, (size_t)n))
			got++;
	}
	return got;
}

static void
ns_drain(void)
{
	uint8_t buf[2048];

	while (recv(ns_sock, buf, sizeof(buf), MSG_DONTWAIT) > 0)
		;
}

/* Receives on port 0 queue 0 until want marked frames came or the time
 * is up (or, with want 0, for ms); the number of marked frames. */
static int
port_count(int want, uint64_t ms)
{
	uint64_t end = now_ms() + ms;
	struct rte_mbuf *pkts[32];
	uint16_t n, i;
	int got = 0;

	while ((want == 0 || got < want) && now_ms() < end) {
		n = rte_eth_rx_burst(0, 0, pkts, 32);
		for (i = 0; i < n; i++) {
			if (is_marked(rte_pktmbuf_mtod(pkts[i], uint8_t *),
				    pkts[i]->data_len))
				got++;
			rte_pktmbuf_free(pkts[i]);
		}
		if (n == 0)
			rte_delay_us_sleep(1000);
	}
	return got;
}

ETH_BODY(body_tx)
{
	struct rte_mbuf *pkts[NB_FRAMES];
	struct rte_eth_stats stats;
	unsigned int k;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	ns_drain();
	for (k = 0; k < NB_FRAMES; k++) {
		pkts[k] = rte_pktmbuf_alloc(eth_pool());
		CHECK(pkts[k] != NULL);
		make_frame((uint8_t *)rte_pktmbuf_append(pkts[k], FRAME_LEN),
			(uint8_t)k);
	}
	CHECK_RET(rte_eth_tx_burst(0, 0, pkts, NB_FRAMES), NB_FRAMES);
	CHECK_RET(ns_count(NB_FRAMES), NB_FRAMES);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.opackets == NB_FRAMES && stats.oerrors == 0);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

ETH_BODY(body_rx)
{
	struct rte_eth_stats stats;
	struct rte_ether_addr mac;
	char path[64], text[32], want[32];
	FILE *f;

	/* phy_mac=1: the port's MAC is the interface's. */
	snprintf(path, sizeof(path), "/sys/class/net/%s/address", if_a);
	f = fopen(path, "r");
	CHECK(f != NULL);
	CHECK(fscanf(f, "%31s", want) == 1);
	fclose(f);
	CHECK_RET(rte_eth_macaddr_get(0, &mac), 0);
	rte_ether_format_addr(text, sizeof(text), &mac);
	CHECK(strcasecmp(text, want) == 0);
	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	port_count(0, 50);
	CHECK_RET(ns_inject(NB_FRAMES), NB_FRAMES);
	CHECK_RET(port_count(NB_FRAMES, WAIT_MS), NB_FRAMES);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.ipackets >= NB_FRAMES && stats.ierrors == 0);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* rx_iface_in: what the port sends is not captured back, what comes in
 * is. */
ETH_BODY(body_rx_in)
{
	struct rte_mbuf *pkts[NB_FRAMES];
	unsigned int k;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	port_count(0, 50);
	for (k = 0; k < NB_FRAMES; k++) {
		pkts[k] = rte_pktmbuf_alloc(eth_pool());
		CHECK(pkts[k] != NULL);
		make_frame((uint8_t *)rte_pktmbuf_append(pkts[k], FRAME_LEN),
			(uint8_t)k);
	}
	CHECK_RET(rte_eth_tx_burst(0, 0, pkts, NB_FRAMES), NB_FRAMES);
	CHECK_RET(ns_count(NB_FRAMES), NB_FRAMES);
	CHECK_RET(ns_inject(3), 3);
	CHECK_RET(port_count(0, 500), 3);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

static int lsc_events;
static int lsc_status = -1;
static int lsc_on_intr_thread = 1;

static int
lsc_cb(uint16_t port_id, enum rte_eth_event_type type, void *cb_arg,
	void *ret_param)
{
	struct rte_eth_link link;

	(void)cb_arg;
	(void)ret_param;
	if (type != RTE_ETH_EVENT_INTR_LSC)
		return 0;
	if (!rte_thread_is_intr())
		__atomic_store_n(&lsc_on_intr_thread, 0, __ATOMIC_RELAXED);
	rte_eth_link_get_nowait(port_id, &link);
	__atomic_store_n(&lsc_status, link.link_status, __ATOMIC_RELEASE);
	__atomic_fetch_add(&lsc_events, 1, __ATOMIC_RELEASE);
	return 0;
}

/* Waits for an LSC event after the first seen ones with status. */
static int
lsc_wait(int seen, int status)
{
	uint64_t end = now_ms() + WAIT_MS;

	while (now_ms() < end) {
		if (__atomic_load_n(&lsc_events, __ATOMIC_ACQUIRE) > seen &&
			__atomic_load_n(&lsc_status, __ATOMIC_ACQUIRE) == status)
			return 0;
		rte_delay_us_sleep(10000);
	}
	return -1;
}

ETH_BODY(body_lsc)
{
	struct rte_eth_conf conf;
	struct rte_eth_link link;
	int seen;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = 1;
	CHECK_RET(rte_eth_dev_callback_register(0, RTE_ETH_EVENT_INTR_LSC,
			  lsc_cb, NULL),
		0);
	CHECK_OK(eth_port_up(0, 1, 64, &conf));
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP && link.link_speed == 10000);
	seen = __atomic_load_n(&lsc_events, __ATOMIC_ACQUIRE);
	CHECK(run_cmd("ip link set %s down", if_a) == 0);
	CHECK(lsc_wait(seen, RTE_ETH_LINK_DOWN) == 0);
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_DOWN);
	seen = __atomic_load_n(&lsc_events, __ATOMIC_ACQUIRE);
	CHECK(run_cmd("ip link set %s up", if_a) == 0);
	CHECK(lsc_wait(seen, RTE_ETH_LINK_UP) == 0);
	CHECK(__atomic_load_n(&lsc_on_intr_thread, __ATOMIC_RELAXED) == 1);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

static void *
inject_later(void *arg)
{
	(void)arg;
	usleep(300 * 1000);
	ns_inject(1);
	return NULL;
}

ETH_BODY(body_rx_intr)
{
	struct rte_epoll_event ev;
	struct rte_eth_conf conf;
	pthread_t thread;
	uint64_t start, slept;
	int ret;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.rxq = 1;
	CHECK_OK(eth_port_up(0, 1, 64, &conf));
	port_count(0, 50);
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q(0, 0, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_ADD, NULL),
		0);
	CHECK_RET(rte_eth_dev_rx_intr_enable(0, 0), 0);
	/* Nothing comes: the wait times out. */
	CHECK_RET(rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, 100), 0);
	CHECK(pthread_create(&thread, NULL, inject_later, NULL) == 0);
	start = now_ms();
	ret = rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, WAIT_MS);
	slept = now_ms() - start;
	pthread_join(thread, NULL);
	CHECK_RET(ret, 1);
	CHECK(slept >= 200 && slept < WAIT_MS);
	CHECK_RET(rte_eth_dev_rx_intr_disable(0, 0), 0);
	CHECK_RET(port_count(1, WAIT_MS), 1);
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q(0, 0, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_DEL, NULL),
		0);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* Frames of the load case: 64 bytes, marked, sent at top speed. */
#define LOAD_FRAMES    300000
#define LOAD_FRAME_LEN 64
/* Busy loops competing for the CPUs, and how long they may spin. */
#define LOAD_SPINNERS 2
#define LOAD_SPIN_MS  60000

static volatile int load_sent = -1;

/* The sender, free to run on any CPU (not the EAL lcore's only). */
static void *
load_send(void *arg)
{
	uint8_t buf[FRAME_LEN]; /* make_frame() fills FRAME_LEN bytes */
	cpu_set_t cpus;
	int k, sent = 0, cpu;

	(void)arg;
	CPU_ZERO(&cpus);
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		CPU_SET(cpu, &cpus);
	pthread_setaffinity_np(pthread_self(), sizeof(cpus), &cpus);
	make_frame(buf, 0);
	for (k = 0; k < LOAD_FRAMES; k++) {
		memcpy(buf + 18, &k, sizeof(k));
		if (send(ns_sock, buf, LOAD_FRAME_LEN, 0) == LOAD_FRAME_LEN)
			sent++;
	}
	__atomic_store_n(&load_sent, sent, __ATOMIC_RELEASE);
	return NULL;
}

/*
 * LOAD_FRAMES frames at top speed while busy loops hold the CPUs: every
 * frame the sender got out is received or counted as missed, exactly.
 */
ETH_BODY(body_rx_load)
{
	struct rte_mbuf *pkts[32];
	struct rte_eth_stats stats;
	uint64_t marked = 0, end = now_ms() + 120000, idle_since = 0;
	pthread_t thread;
	uint16_t n, i;
	int sent;

	CHECK_OK(eth_port_up(0, 1, 512, NULL));
	port_count(0, 50);
	CHECK_RET(rte_eth_stats_reset(0), 0);
	CHECK(pthread_create(&thread, NULL, load_send, NULL) == 0);
	/* Poll as an lcore does; stop 1 s after the sender is done and
	 * nothing more comes. */
	while (now_ms() < end) {
		n = rte_eth_rx_burst(0, 0, pkts, 32);
		for (i = 0; i < n; i++) {
			if (is_marked(rte_pktmbuf_mtod(pkts[i], uint8_t *),
				    pkts[i]->data_len))
				marked++;
			rte_pktmbuf_free(pkts[i]);
		}
		if (n != 0 || __atomic_load_n(&load_sent, __ATOMIC_ACQUIRE) < 0)
			idle_since = now_ms();
		else if (now_ms() - idle_since > 1000)
			break;
	}
	pthread_join(thread, NULL);
	sent = load_sent;
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	fprintf(stderr,
		"load: sent %d, received %" PRIu64 " (%" PRIu64
		" marked), missed %" PRIu64 "\n",
		sent, stats.ipackets, marked, stats.imissed);
	CHECK(sent == LOAD_FRAMES);
	CHECK(stats.ipackets == marked);
	CHECK(stats.ipackets + stats.imissed == (uint64_t)sent);
	CHECK(pcap_test_xstat(0, "rx_q0_missed") == stats.imissed);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* Rx interrupts on a file queue are refused at configure. */
ETH_BODY(body_rx_intr_file)
{
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.rxq = 1;
	CHECK_RET(rte_eth_dev_configure(0, 1, 1, &conf), -ENOTSUP);
	return 0;
}

static void
test_tx(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "iface=%s", if_a);
	pcap_test_run(devargs, body_tx);
}

static void
test_rx(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "iface=%s,phy_mac=1", if_a);
	pcap_test_run(devargs, body_rx);
}

static void
test_rx_in(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "rx_iface_in=%s,tx_iface=%s", if_a,
		if_a);
	pcap_test_run(devargs, body_rx_in);
}

static void
test_lsc(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "iface=%s", if_a);
	pcap_test_run(devargs, body_lsc);
	run_cmd("ip link set %s up", if_a);
}

static void
test_rx_intr(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "iface=%s", if_a);
	pcap_test_run(devargs, body_rx_intr);
}

/* Busy loops (bounded in time) competing for every CPU. */
static void
spinners_start(pid_t *pids)
{
	uint64_t end = now_ms() + LOAD_SPIN_MS;
	int k;

	for (k = 0; k < LOAD_SPINNERS; k++) {
		pids[k] = fork();
		if (pids[k] == 0) {
			while (now_ms() < end)
				;
			_exit(0);
		}
	}
}

static void
spinners_stop(const pid_t *pids)
{
	int k;

	for (k = 0; k < LOAD_SPINNERS; k++)
		if (pids[k] > 0) {
			kill(pids[k], SIGKILL);
			waitpid(pids[k], NULL, 0);
		}
}

static void
test_rx_load(void **state)
{
	pid_t pids[LOAD_SPINNERS];

	(void)state;
	snprintf(devargs, sizeof(devargs), "iface=%s", if_a);
	spinners_start(pids);
	pcap_test_run(devargs, body_rx_load);
	spinners_stop(pids);
}

static void
test_rx_intr_file(void **state)
{
	(void)state;
	snprintf(devargs, sizeof(devargs), "tx_pcap=/dev/null");
	pcap_test_run(devargs, body_rx_intr_file);
}

/* A raw socket on plxB, made inside the namespace. */
static int
open_ns_socket(void)
{
	struct sockaddr_ll addr;
	char path[128];
	int self, ns, ret = -1;

	snprintf(path, sizeof(path), "/var/run/netns/%s", ns_name);
	self = open("/proc/self/ns/net", O_RDONLY);
	ns = open(path, O_RDONLY);
	if (self < 0 || ns < 0 || setns(ns, CLONE_NEWNET) != 0)
		goto out;
	ns_sock = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	memset(&addr, 0, sizeof(addr));
	addr.sll_family = AF_PACKET;
	addr.sll_protocol = htons(ETH_P_ALL);
	addr.sll_ifindex = (int)if_nametoindex(if_b);
	if (ns_sock >= 0 && addr.sll_ifindex != 0 &&
		bind(ns_sock, (struct sockaddr *)&addr, sizeof(addr)) == 0)
		ret = 0;
	if (setns(self, CLONE_NEWNET) != 0)
		ret = -1;
out:
	if (self >= 0)
		close(self);
	if (ns >= 0)
		close(ns);
	return ret;
}

static int
teardown_net(void **state)
{
	(void)state;
	if (ns_sock >= 0)
		close(ns_sock);
	ns_sock = -1;
	if (made_link)
		run_cmd("ip link del %s 2>/dev/null", if_a);
	if (made_ns)
		run_cmd("ip netns del %s 2>/dev/null", ns_name);
	made_link = 0;
	made_ns = 0;
	return 0;
}

/* Killed (a meson timeout): still delete what the suite made. Only the
 * parent holds made_ns/made_link set when it gets here from a case. */
static void
on_signal(int sig)
{
	teardown_net(NULL);
	_exit(128 + sig);
}

/* The namespace, the veth pair (IPv6 off: no stray traffic), the
 * socket. 0, or -1 with what was made deleted. */
static int
setup_net(void)
{
	int pid = (int)getpid();

	snprintf(ns_name, sizeof(ns_name), "pollux-pcap-%d", pid);
	snprintf(if_a, sizeof(if_a), "plxA%d", pid);
	snprintf(if_b, sizeof(if_b), "plxB%d", pid);
	if (run_cmd("ip netns add %s", ns_name) != 0)
		return -1;
	made_ns = 1;
	if (run_cmd("ip link add %s type veth peer name %s", if_a, if_b) != 0)
		goto fail;
	made_link = 1;
	run_cmd("sysctl -qw net.ipv6.conf.%s.disable_ipv6=1 >/dev/null 2>&1",
		if_a);
	if (run_cmd("ip link set %s netns %s", if_b, ns_name) != 0)
		goto fail;
	run_cmd("ip netns exec %s sysctl -qw net.ipv6.conf.%s.disable_ipv6=1 "
		">/dev/null 2>&1",
		ns_name, if_b);
	if (run_cmd("ip netns exec %s ip link set %s up", ns_name, if_b) != 0 ||
		run_cmd("ip link set %s up", if_a) != 0 ||
		open_ns_socket() != 0)
		goto fail;
	usleep(200 * 1000);
	return 0;
fail:
	teardown_net(NULL);
	return -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tx),
		cmocka_unit_test(test_rx),
		cmocka_unit_test(test_rx_in),
		cmocka_unit_test(test_lsc),
		cmocka_unit_test(test_rx_intr),
		cmocka_unit_test(test_rx_intr_file),
		cmocka_unit_test(test_rx_load),
	};

	if (geteuid() != 0)
		return test_skip("needs root for a network namespace and veth");
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	if (setup_net() != 0)
		return test_skip("cannot make a network namespace and a veth "
				 "pair (ip netns / ip link)");
	return cmocka_run_group_tests(tests, NULL, teardown_net);
}
