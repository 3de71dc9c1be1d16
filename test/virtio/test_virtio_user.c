/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * virtio-user against DPDK's own vhost-user backend (vhost_backend.h:
 * Debian's dpdk-testpmd, net_vhost, io forwarding in a loop), no VM:
 * - frames of every size sent through the port come back byte for byte,
 *   counted by the stats and the per-queue size buckets;
 * - 9000-byte frames as mbuf chains, through mergeable rx buffers;
 * - two queue pairs, each frame back on its own queue;
 * - the backend quitting and coming back is link down then up (LSC), and
 *   traffic flows again, with us as client and as server (server=1);
 * - rx interrupt mode: the queue's call eventfd wakes an epoll wait;
 * - memory the EAL maps after the port started (a pool made then: with
 *   --no-huge -m the heap grows on demand) reaches the backend, which
 *   reads frames sent from it, also when another thread held the device
 *   meanwhile;
 * - bad input (ring sizes, queue count, MTU, devargs, a missing socket,
 *   a peer that answers nonsense, one that never answers) is a clear
 *   error;
 * and after every case each mbuf is back in its pool and no fd and no
 * memzone is left behind. Skips (77) without dpdk-testpmd.
 */
#include <errno.h>
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <ethdev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_eal.h>
#include <rte_epoll.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_interrupts.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#include "test_helpers.h"
#include "vhost_backend.h"
#include "virtio_dev.h"
#include "virtio_user/virtio_user_dev.h"

#define NB_MBUFS  4095
#define MBUF_ROOM (2048 + RTE_PKTMBUF_HEADROOM)
#define RING	  256
#define WINDOW	  96 /* frames in flight at most */
/* Bounds on waits for a condition (they end as soon as it holds): a
 * backend (re)starting on a loaded 2-CPU machine takes seconds. */
#define WAIT_S	       60.0
#define TRAFFIC_S      60.0
#define ETHERTYPE_TEST 0x88b5
/* Frames loop_traffic() does not count: readiness probes and frames in
 * flight when a backend died, which may come back at any time later. */
#define ETHERTYPE_STALE 0x88b6

static struct rte_mempool *pool;
static struct rte_mempool *tx_pool; /* frame_make(): NULL for pool */
static char sock_path[108];
static unsigned int port_seq;

/* What a case starts from, to check nothing is left at its end. */
struct leak_mark {
	int fds;
	unsigned int memzones;
};

static int
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n - 1; /* the DIR's own fd */
}

static void
count_memzone(const struct rte_memzone *mz, void *arg)
{
	(void)mz;
	(*(unsigned int *)arg)++;
}

static void
leak_mark_take(struct leak_mark *m)
{
	m->fds = count_fds();
	m->memzones = 0;
	rte_memzone_walk(count_memzone, &m->memzones);
}

static void
leak_check(const struct leak_mark *m)
{
	struct leak_mark now;

	leak_mark_take(&now);
	assert_int_equal(now.fds, m->fds);
	assert_int_equal(now.memzones, m->memzones);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* The port a case made last, removed by case_teardown() if still there. */
static char last_port[32];

static void
port_name(char *name, size_t len)
{
	snprintf(name, len, "virtio_user%u", port_seq++);
	snprintf(last_port, sizeof(last_port), "%s", name);
}

/* Probes a virtio_user port; its id, or -1 (probe refused). */
static int
port_probe(const char *name, const char *extra)
{
	char args[256];
	uint16_t port;

	snprintf(args, sizeof(args), "path=%s%s", sock_path, extra);
	if (rte_vdev_init(name, args) != 0)
		return -1;
	assert_int_equal(rte_eth_dev_get_port_by_name(name, &port), 0);
	return port;
}

static bool rx_intr; /* port_configure() asks for rx interrupts */

static int
port_configure(uint16_t port, uint16_t nb_q, uint16_t mtu, uint16_t ring)
{
	struct rte_eth_conf conf;
	uint16_t q;
	int ret;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.rxq = rx_intr;
	conf.rxmode.mtu = mtu;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	conf.intr_conf.lsc = 1;
	ret = rte_eth_dev_configure(port, nb_q, nb_q, &conf);
	for (q = 0; q < nb_q && ret == 0; q++) {
		ret = rte_eth_rx_queue_setup(port, q, ring, SOCKET_ID_ANY, NULL,
			pool);
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port, q, ring,
				SOCKET_ID_ANY, NULL);
	}
	return ret;
}

static void
port_remove(const char *name, uint16_t port)
{
	rte_eth_dev_stop(port);
	assert_int_equal(rte_vdev_uninit(name), 0);
}

static bool
wait_link(uint16_t port, bool up)
{
	double deadline = vb_now() + WAIT_S;
	struct rte_eth_link link;

	do {
		rte_eth_link_get_nowait(port, &link);
		if ((link.link_status == RTE_ETH_LINK_UP) == up)
			return true;
		usleep(20 * 1000);
	} while (vb_now() < deadline);
	return false;
}

/* Stale frames received per queue since the last wait_backend(). */
static uint32_t stale_rx[8];

static uint16_t
frame_ethertype(const struct rte_mbuf *m)
{
	const uint8_t *p = rte_pktmbuf_mtod(m, const uint8_t *);

	return m->data_len < 14 ? 0 : (uint16_t)(p[12] << 8 | p[13]);
}

/* Frame seq of len bytes for queue q: headers, then a pattern. */
static uint8_t
frame_byte(uint32_t seq, uint16_t q, uint32_t i)
{
	return (uint8_t)(seq * 7 + q * 13 + i * 31 + (i >> 8));
}

static struct rte_mbuf *
frame_make(uint32_t seq, uint16_t q, uint32_t len)
{
	struct rte_mbuf *head = NULL, *seg, *last = NULL;
	uint32_t off = 0, n, i;
	uint8_t *p;

	while (off < len) {
		seg = rte_pktmbuf_alloc(tx_pool != NULL ? tx_pool : pool);
		assert_non_null(seg);
		n = RTE_MIN(len - off, (uint32_t)rte_pktmbuf_tailroom(seg));
		p = (uint8_t *)rte_pktmbuf_append(seg, (uint16_t)n);
		for (i = 0; i < n; i++)
			p[i] = frame_byte(seq, q, off + i);
		if (head == NULL) {
			head = seg;
		} else {
			last->next = seg;
			head->nb_segs++;
			head->pkt_len += n;
		}
		last = seg;
		off += n;
	}
	/* Unicast to a local address, our own EtherType, seq after it. */
	p = rte_pktmbuf_mtod(head, uint8_t *);
	memcpy(p, "\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02", 12);
	p[12] = ETHERTYPE_TEST >> 8;
	p[13] = ETHERTYPE_TEST & 0xff;
	memcpy(p + 14, &seq, sizeof(seq));
	return head;
}

/* Probes carry seq numbers with this bit; frames in flight do not (they
 * may still sit in our rx ring, from a backend that is gone). */
#define PROBE_SEQ 0x80000000u

static bool
frame_is_probe(const struct rte_mbuf *m)
{
	uint32_t seq;

	if (frame_ethertype(m) != ETHERTYPE_STALE || m->data_len < 18)
		return false;
	memcpy(&seq, rte_pktmbuf_mtod_offset(m, const uint8_t *, 14),
		sizeof(seq));
	return (seq & PROBE_SEQ) != 0;
}

static struct rte_mbuf *
frame_make_stale(uint32_t seq)
{
	struct rte_mbuf *m = frame_make(seq, 0, 200);
	uint8_t *p = rte_pktmbuf_mtod(m, uint8_t *);

	p[12] = ETHERTYPE_STALE >> 8;
	p[13] = ETHERTYPE_STALE & 0xff;
	return m;
}

/*
 * Link up says the backend has our rings, not that it forwards yet (DPDK's
 * vhost PMD enables its queues a moment later, and drops what it reads
 * before its tx queue is on): waits until a probe frame comes back on
 * every queue, at most 16 probes in flight per queue. Then the port's
 * counters start again from zero (probes still in flight later count in
 * stale_rx).
 */
static bool
wait_backend(uint16_t port, uint16_t nb_q)
{
	double deadline = vb_now() + WAIT_S, next[8] = { 0 };
	unsigned int probes[8] = { 0 }, ready = 0;
	struct rte_mbuf *m[32];
	uint16_t q, n, i;

	while (ready != (1u << nb_q) - 1 && vb_now() < deadline) {
		for (q = 0; q < nb_q; q++) {
			if ((ready & (1u << q)) != 0)
				continue;
			if (vb_now() >= next[q] && probes[q] < 16) {
				m[0] = frame_make_stale(PROBE_SEQ | probes[q]);
				if (rte_eth_tx_burst(port, q, m, 1) == 1)
					probes[q]++;
				else
					rte_pktmbuf_free(m[0]);
				next[q] = vb_now() + 0.2;
			}
			n = rte_eth_rx_burst(port, q, m, 32);
			for (i = 0; i < n; i++)
				if (frame_is_probe(m[i]))
					ready |= 1u << q;
			rte_pktmbuf_free_bulk(m, n);
		}
		usleep(1000);
	}
	memset(stale_rx, 0, sizeof(stale_rx));
	rte_eth_stats_reset(port);
	return ready == (1u << nb_q) - 1;
}

/* Whether m is frame seq of queue q of len bytes, byte for byte. */
static bool
frame_check(const struct rte_mbuf *m, uint32_t seq, uint16_t q, uint32_t len)
{
	static uint8_t buf[10000];
	const uint8_t *p;
	uint32_t i, got;

	if (m->pkt_len != len) {
		if (getenv("VU_DEBUG"))
			fprintf(stderr, "seq %u: len %u want %u segs %u\n", seq,
				m->pkt_len, len, m->nb_segs);
		return false;
	}
	p = rte_pktmbuf_read(m, 0, len, buf);
	if (p == NULL)
		return false;
	memcpy(&got, p + 14, sizeof(got));
	if (got != seq)
		return false;
	for (i = 18; i < len; i++)
		if (p[i] != frame_byte(seq, q, i))
			return false;
	return true;
}

/*
 * Sends count frames of len_of(seq) bytes on every queue and checks each
 * comes back, in order, on the same queue. Returns frames matched.
 */
static uint32_t
loop_traffic(uint16_t port, uint16_t nb_q, uint32_t count,
	uint32_t (*len_of)(uint32_t seq))
{
	/* Frames in flight: what our rx ring can take back at once (a
	 * backend with no rx buffer to put a frame in drops it). */
	uint32_t window = len_of(0) > 2048 ? RING / 8 : WINDOW;
	uint32_t sent[8] = { 0 }, rcvd[8] = { 0 }, ok = 0, total = 0;
	double deadline = vb_now() + TRAFFIC_S;
	struct rte_mbuf *burst[32];
	uint16_t q, n, i;

	while (total < count * nb_q && vb_now() < deadline) {
		for (q = 0; q < nb_q; q++) {
			n = 0;
			while (n < 32 && sent[q] < count &&
				sent[q] - rcvd[q] < window) {
				burst[n++] = frame_make(sent[q], q,
					len_of(sent[q]));
				sent[q]++;
			}
			i = rte_eth_tx_burst(port, q, burst, n);
			sent[q] -= n - i;
			rte_pktmbuf_free_bulk(burst + i, n - i);
			n = rte_eth_rx_burst(port, q, burst, 32);
			for (i = 0; i < n; i++) {
				if (frame_ethertype(burst[i]) ==
					ETHERTYPE_STALE) {
					stale_rx[q]++;
					continue;
				}
				ok += frame_check(burst[i], rcvd[q], q,
					len_of(rcvd[q]));
				rcvd[q]++;
				total++;
			}
			rte_pktmbuf_free_bulk(burst, n);
		}
	}
	return ok;
}

static uint32_t
len_mixed(uint32_t seq)
{
	static const uint32_t sizes[] = { 60, 64, 65, 127, 128, 256, 511, 512,
		1023, 1024, 1514 };

	return sizes[seq % RTE_DIM(sizes)];
}

static uint32_t
len_jumbo(uint32_t seq)
{
	return seq % 2 == 0 ? 9000 : 4000 + seq;
}

static uint64_t
xstat(uint16_t port, const char *name)
{
	uint64_t id, value = UINT64_MAX;

	if (rte_eth_xstats_get_id_by_name(port, name, &id) == 0)
		rte_eth_xstats_get_by_id(port, &id, &value, 1);
	return value;
}

static struct vhost_backend backend;

static void
backend_up(unsigned int queues)
{
	assert_int_equal(vhost_backend_start(&backend, sock_path, queues), 0);
}

static void
backend_down(void)
{
	vhost_backend_stop(&backend);
	unlink(sock_path);
}

static void fake_peer_end(void);

/* After each case, also a failed one: no port, no backend, no fake peer
 * left. */
static int
case_teardown(void **state)
{
	uint16_t port;

	(void)state;
	if (last_port[0] != '\0' &&
		rte_eth_dev_get_port_by_name(last_port, &port) == 0) {
		rte_eth_dev_stop(port);
		rte_vdev_uninit(last_port);
	}
	last_port[0] = '\0';
	tx_pool = NULL;
	if (backend.pid > 0)
		vhost_backend_stop(&backend);
	fake_peer_end();
	return 0;
}

/* Every size, both ways, byte for byte; stats and buckets agree. */
static void
test_loopback(void **state)
{
	struct rte_eth_stats st;
	struct leak_mark mark;
	char name[32];
	int port;

	(void)state;
	leak_mark_take(&mark);
	backend_up(1);
	port_name(name, sizeof(name));
	port = port_probe(name, "");
	assert_true(port >= 0);
	assert_int_equal(port_configure(port, 1, 1500, RING), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(loop_traffic(port, 1, 2200, len_mixed), 2200);
	assert_int_equal(rte_eth_stats_get(port, &st), 0);
	assert_int_equal(st.opackets, 2200);
	assert_int_equal(st.ipackets, 2200 + stale_rx[0]);
	assert_int_equal(st.ierrors, 0);
	assert_int_equal(xstat(port, "rx_q0_size_64_packets"), 200);
	assert_int_equal(xstat(port, "tx_q0_size_65_127_packets"), 400);
	assert_int_equal(xstat(port, "rx_q0_size_1024_1518_packets"), 400);
	assert_int_equal(xstat(port, "rx_q0_undersize_packets"), 200);
	/* A restart resets the rings and carries on. */
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_mempool_avail_count(pool), NB_MBUFS);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(loop_traffic(port, 1, 300, len_mixed), 300);
	port_remove(name, port);
	backend_down();
	leak_check(&mark);
}

static int
count_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	(void)msl;
	*(uint64_t *)arg += ms->len;
	return 0;
}

static uint64_t
mapped_bytes(void)
{
	uint64_t total = 0;

	rte_memseg_walk(count_segment, &total);
	return total;
}

static int
segment_end(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	uintptr_t *end = arg;

	(void)msl;
	*end = RTE_MAX(*end, (uintptr_t)ms->addr + ms->len);
	return 0;
}

/* The end of the highest segment mapped now. */
static uintptr_t
mapped_end(void)
{
	uintptr_t end = 0;

	rte_memseg_walk(segment_end, &end);
	return end;
}

/*
 * Takes every mbuf of mp (all[] holds room for them) and gives back only
 * those at or above old_end (memory mapped after the port started: the
 * heap grows upwards); the others stay in all[0..returned value).
 */
static unsigned int
mbufs_keep_old(struct rte_mempool *mp, uintptr_t old_end, struct rte_mbuf **all)
{
	unsigned int i, n = 0, nb = rte_mempool_avail_count(mp);

	assert_int_equal(rte_pktmbuf_alloc_bulk(mp, all, nb), 0);
	for (i = 0; i < nb; i++) {
		if ((uintptr_t)all[i]->buf_addr < old_end)
			all[n++] = all[i];
		else
			rte_pktmbuf_free(all[i]);
	}
	return n;
}

/*
 * A pool made while the port runs maps new memory (the heap grows on
 * demand under --no-huge -m): the memory event gives the backend the new
 * table, and frames sent from that pool come back byte for byte. busy:
 * another thread holds the device meanwhile, so the table goes from the
 * alarm thread once it lets go (waited for here: until then the backend
 * cannot read buffers in the new memory).
 */
static void
late_memory(bool busy)
{
	struct virtio_user_dev *dev;
	struct rte_mempool *late;
	unsigned int nb_late = busy ? 16383 : 8191, nb_old;
	struct rte_mbuf **old;
	struct leak_mark mark;
	struct virtio_hw *hw;
	uintptr_t old_end;
	uint64_t before;
	bool stale = false;
	double deadline;
	char name[32];
	int port;

	leak_mark_take(&mark);
	backend_up(1);
	port_name(name, sizeof(name));
	port = port_probe(name, "");
	assert_true(port >= 0);
	assert_int_equal(port_configure(port, 1, 1500, RING), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	hw = rte_eth_devices[port].data->dev_private;
	dev = hw->transport;
	before = mapped_bytes();
	old_end = mapped_end();
	if (busy)
		pthread_mutex_lock(&dev->lock);
	/* Bigger than the pool of the case before, whose memory the heap
	 * keeps (with -m it never gives memory back). */
	late = rte_pktmbuf_pool_create("vu_late", nb_late, 0, 0, MBUF_ROOM,
		SOCKET_ID_ANY);
	if (busy) {
		stale = __atomic_load_n(&dev->mem_stale, __ATOMIC_RELAXED);
		pthread_mutex_unlock(&dev->lock);
		assert_true(late == NULL || stale);
		deadline = vb_now() + WAIT_S;
		while (__atomic_load_n(&dev->mem_stale, __ATOMIC_RELAXED) &&
			vb_now() < deadline)
			usleep(1000);
		/* It is cleared with the lock held, before the table goes. */
		pthread_mutex_lock(&dev->lock);
		pthread_mutex_unlock(&dev->lock);
	}
	assert_non_null(late);
	assert_true(mapped_bytes() > before); /* the case is about that */
	/* Frames only in memory the backend was shown after the start. */
	old = calloc(nb_late, sizeof(*old));
	assert_non_null(old);
	nb_old = mbufs_keep_old(late, old_end, old);
	assert_true(rte_mempool_avail_count(late) >= 1024);
	tx_pool = late;
	assert_int_equal(loop_traffic(port, 1, 1000, len_mixed), 1000);
	tx_pool = NULL;
	rte_pktmbuf_free_bulk(old, nb_old);
	free(old);
	port_remove(name, port);
	assert_int_equal(rte_mempool_avail_count(late), nb_late);
	rte_mempool_free(late);
	backend_down();
	leak_check(&mark);
}

static void
test_late_memory(void **state)
{
	(void)state;
	late_memory(false);
}

static void
test_late_memory_busy(void **state)
{
	(void)state;
	late_memory(true);
}

/* 9000-byte frames go out as chains and come back through mergeable
 * rx buffers as chains. */
static void
test_jumbo(void **state)
{
	struct leak_mark mark;
	char name[32];
	int port;

	(void)state;
	leak_mark_take(&mark);
	backend_up(1);
	port_name(name, sizeof(name));
	port = port_probe(name, "");
	assert_true(port >= 0);
	assert_int_equal(port_configure(port, 1, 9000, RING), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(loop_traffic(port, 1, 400, len_jumbo), 400);
	assert_int_equal(xstat(port, "rx_q0_size_1519_max_packets"), 400);
	port_remove(name, port);
	backend_down();
	leak_check(&mark);
}

/* Two queue pairs: each frame returns on the queue it left by. */
static void
test_multi_queue(void **state)
{
	struct leak_mark mark;
	char name[32];
	int port;

	(void)state;
	leak_mark_take(&mark);
	backend_up(2);
	port_name(name, sizeof(name));
	port = port_probe(name, ",queues=2");
	assert_true(port >= 0);
	assert_int_equal(port_configure(port, 2, 1500, RING), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 2));
	assert_int_equal(loop_traffic(port, 2, 1000, len_mixed), 2000);
	assert_int_equal(xstat(port, "rx_q1_good_packets"), 1000 + stale_rx[1]);
	port_remove(name, port);
	backend_down();
	leak_check(&mark);
}

static int lsc_events;

/* Sends n frames and does not wait for them. */
static void
in_flight(uint16_t port, uint16_t n)
{
	struct rte_mbuf *m[64];
	uint16_t i, sent;

	for (i = 0; i < n; i++)
		m[i] = frame_make_stale(i);
	sent = rte_eth_tx_burst(port, 0, m, n);
	rte_pktmbuf_free_bulk(m + sent, n - sent);
}

/* Rx mode and MAC through the control queue, started and stopped. */
static void
test_ctrl(void **state)
{
	struct rte_ether_addr mac = { { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 } };
	struct rte_ether_addr extra = { { 0x02, 0x66, 0x77, 0x88, 0x99, 0 } };
	struct rte_ether_addr got;
	struct leak_mark mark;
	char name[32];
	int port;

	(void)state;
	leak_mark_take(&mark);
	backend_up(1);
	port_name(name, sizeof(name));
	port = port_probe(name, ",mac=02:aa:bb:cc:dd:ee");
	assert_true(port >= 0);
	assert_int_equal(rte_eth_macaddr_get(port, &got), 0);
	assert_int_equal(got.addr_bytes[5], 0xee);
	assert_int_equal(port_configure(port, 1, 1500, RING), 0);
	/* Stopped: kept, sent at start. */
	assert_int_equal(rte_eth_promiscuous_disable(port), 0);
	assert_int_equal(rte_eth_allmulticast_enable(port), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(rte_eth_promiscuous_enable(port), 0);
	assert_int_equal(rte_eth_promiscuous_get(port), 1);
	assert_int_equal(rte_eth_allmulticast_disable(port), 0);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port, &mac), 0);
	assert_int_equal(rte_eth_macaddr_get(port, &got), 0);
	assert_true(rte_is_same_ether_addr(&got, &mac));
	assert_int_equal(rte_eth_dev_mac_addr_add(port, &extra, 0), 0);
	assert_int_equal(rte_eth_dev_mac_addr_remove(port, &extra), 0);
	assert_int_equal(loop_traffic(port, 1, 100, len_mixed), 100);
	/* A restart replays them. */
	assert_int_equal(rte_eth_dev_stop(port), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(loop_traffic(port, 1, 100, len_mixed), 100);
	port_remove(name, port);
	backend_down();
	leak_check(&mark);
}

static int
on_lsc(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret)
{
	(void)port;
	(void)type;
	(void)arg;
	(void)ret;
	__atomic_fetch_add(&lsc_events, 1, __ATOMIC_RELAXED);
	return 0;
}

/* The backend quits (link down, LSC) and comes back (link up, LSC). */
static void
test_lsc(void **state)
{
	struct leak_mark mark;
	char name[32];
	int port;

	(void)state;
	leak_mark_take(&mark);
	backend_up(1);
	port_name(name, sizeof(name));
	port = port_probe(name, "");
	assert_true(port >= 0);
	assert_int_equal(rte_eth_dev_callback_register(port,
				 RTE_ETH_EVENT_INTR_LSC, on_lsc, NULL),
		0);
	assert_int_equal(port_configure(port, 1, 1500, RING), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(loop_traffic(port, 1, 200, len_mixed), 200);
	/* Frames in flight when the backend dies cost no mbuf. */
	in_flight(port, 64);
	lsc_events = 0;
	backend_down();
	assert_true(wait_link(port, false));
	assert_true(__atomic_load_n(&lsc_events, __ATOMIC_RELAXED) >= 1);
	backend_up(1);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_true(__atomic_load_n(&lsc_events, __ATOMIC_RELAXED) >= 2);
	/* Ours flow again; what was in flight may come back meanwhile
	 * (stale: not counted). */
	assert_int_equal(loop_traffic(port, 1, 300, len_mixed), 300);
	rte_eth_dev_callback_unregister(port, RTE_ETH_EVENT_INTR_LSC, on_lsc,
		NULL);
	port_remove(name, port);
	backend_down();
	leak_check(&mark);
}

/* Receives until nothing came for 1 s (at most WAIT_S). */
static bool
rx_settle(uint16_t port)
{
	double deadline = vb_now() + WAIT_S, quiet = vb_now() + 1.0;
	struct rte_mbuf *m[32];
	uint16_t n;

	while (vb_now() < quiet && vb_now() < deadline) {
		n = rte_eth_rx_burst(port, 0, m, 32);
		rte_pktmbuf_free_bulk(m, n);
		if (n != 0)
			quiet = vb_now() + 1.0;
		usleep(1000);
	}
	return vb_now() < deadline;
}

/* Frees the frames of a burst but frame 0 of the test, kept in *found. */
static int
rx_sort(struct rte_mbuf **m, uint16_t n, struct rte_mbuf **found)
{
	uint16_t i;
	int got = 0;

	for (i = 0; i < n; i++) {
		if (found != NULL && got == 0 &&
			frame_ethertype(m[i]) == ETHERTYPE_TEST) {
			*found = m[i];
			got = 1;
		} else {
			rte_pktmbuf_free(m[i]);
		}
	}
	return got;
}

/*
 * After a wake-up: interrupt off, the ring emptied, interrupt on again
 * and the ring looked at once more (a frame that came between the two
 * asked for no wake-up). Returns 1, interrupt off, once frame 0 of the
 * test came (in *found), else 0 with the interrupt on.
 */
static int
rx_woken(uint16_t port, struct rte_mbuf **found)
{
	struct rte_mbuf *m[32];
	uint16_t n;
	int got = 0;

	do {
		assert_int_equal(rte_eth_dev_rx_intr_disable(port, 0), 0);
		do {
			n = rte_eth_rx_burst(port, 0, m, 32);
			got |= rx_sort(m, n, got == 0 ? found : NULL);
		} while (n != 0);
		if (got != 0)
			return 1;
		assert_int_equal(rte_eth_dev_rx_intr_enable(port, 0), 0);
		n = rte_eth_rx_burst(port, 0, m, 32);
		got = rx_sort(m, n, found);
	} while (n != 0);
	return 0;
}

/* Rx interrupt mode: the call eventfd wakes a sleeping thread. */
static void
test_rx_interrupt(void **state)
{
	struct rte_epoll_event ev[4];
	struct rte_mbuf *m;
	struct leak_mark mark;
	double deadline;
	char name[32];
	int port, tries, found;

	(void)state;
	/* The thread's own epoll fd is the EAL's and stays: make it first. */
	assert_true(rte_intr_tls_epfd() >= 0);
	leak_mark_take(&mark);
	backend_up(1);
	port_name(name, sizeof(name));
	port = port_probe(name, "");
	assert_true(port >= 0);
	rx_intr = true;
	assert_int_equal(port_configure(port, 1, 1500, RING), 0);
	rx_intr = false;
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_true(rte_eth_dev_rx_intr_ctl_q_get_fd(port, 0) >= 0);
	assert_int_equal(rte_eth_dev_rx_intr_ctl_q(port, 0,
				 RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD, NULL),
		0);
	/* Probes still in flight come back first: nothing for 1 s. */
	assert_true(rx_settle(port));
	assert_int_equal(rte_eth_dev_rx_intr_enable(port, 0), 0);
	/* Nothing sent: nothing wakes us (after stale wake-ups, each
	 * consumed and the interrupt armed again, as an application does:
	 * with EVENT_IDX an unconsumed ring asks for no more). */
	for (tries = 0; tries < 10; tries++) {
		if (rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, 4, 100) == 0)
			break;
		assert_int_equal(rx_woken(port, NULL), 0);
	}
	assert_true(tries < 10);
	m = frame_make(0, 0, 100);
	assert_int_equal(rte_eth_tx_burst(port, 0, &m, 1), 1);
	/* Woken (bounded: a loaded machine may take seconds) with our frame
	 * in the ring. */
	deadline = vb_now() + WAIT_S;
	found = 0;
	while (found == 0 && vb_now() < deadline)
		if (rte_epoll_wait(RTE_EPOLL_PER_THREAD, ev, 4, 1000) >= 1)
			found = rx_woken(port, &m);
	assert_int_equal(found, 1);
	assert_true(frame_check(m, 0, 0, 100));
	rte_pktmbuf_free(m);
	assert_int_equal(rte_eth_dev_rx_intr_ctl_q(port, 0,
				 RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_DEL, NULL),
		0);
	port_remove(name, port);
	backend_down();
	leak_check(&mark);
}

/* server=1: we listen, DPDK's backend connects (and reconnects). */
static void
test_server_mode(void **state)
{
	struct leak_mark mark;
	char name[32];
	int port;

	(void)state;
	leak_mark_take(&mark);
	unlink(sock_path);
	assert_int_equal(vhost_backend_start_mode(&backend, sock_path, 1, true),
		0);
	port_name(name, sizeof(name));
	port = port_probe(name, ",server=1");
	assert_true(port >= 0);
	assert_int_equal(port_configure(port, 1, 1500, RING), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(loop_traffic(port, 1, 300, len_mixed), 300);
	vhost_backend_stop(&backend);
	assert_true(wait_link(port, false));
	assert_int_equal(vhost_backend_start_mode(&backend, sock_path, 1, true),
		0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(loop_traffic(port, 1, 300, len_mixed), 300);
	port_remove(name, port);
	vhost_backend_stop(&backend);
	/* The listening socket went with the port. */
	assert_int_equal(access(sock_path, F_OK), -1);
	leak_check(&mark);
}

/* Ring sizes, queue counts, MTU: each refused, nothing left behind. */
static void
test_bad_config(void **state)
{
	struct rte_eth_conf conf;
	struct leak_mark mark;
	char name[32];
	int port;

	(void)state;
	leak_mark_take(&mark);
	backend_up(1);
	port_name(name, sizeof(name));
	port = port_probe(name, "");
	assert_true(port >= 0);
	/* Two queue pairs on a one-pair device. */
	assert_true(port_configure(port, 2, 1500, RING) < 0);
	/* Not a power of two; above the device's 256. */
	assert_int_equal(port_configure(port, 1, 1500, 100), -EINVAL);
	assert_int_equal(port_configure(port, 1, 1500, 512), -EINVAL);
	/* An MTU above what the device can carry. */
	assert_true(rte_eth_dev_set_mtu(port, 9001) < 0);
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mtu = 9600;
	assert_true(rte_eth_dev_configure(port, 1, 1, &conf) < 0);
	/* Still fine after all that. */
	assert_int_equal(port_configure(port, 1, 1500, RING), 0);
	assert_int_equal(rte_eth_dev_start(port), 0);
	assert_true(wait_link(port, true));
	assert_true(wait_backend(port, 1));
	assert_int_equal(loop_traffic(port, 1, 100, len_mixed), 100);
	port_remove(name, port);
	/* Without mergeable buffers a 9000 MTU does not fit 2 KiB mbufs. */
	port_name(name, sizeof(name));
	port = port_probe(name, ",mrg_rxbuf=0");
	assert_true(port >= 0);
	assert_int_equal(port_configure(port, 1, 9000, RING), -EINVAL);
	port_remove(name, port);
	backend_down();
	leak_check(&mark);
}

/* Devargs and sockets that cannot work. */
static void
test_bad_devargs(void **state)
{
	static const char *const bad[] = {
		",queue_size=100",
		",queue_size=65536",
		",queues=0",
		",mac=zz:00:00:00:00:00",
		",server=2",
		",bogus=1",
	};
	struct leak_mark mark;
	char name[32], args[200];
	unsigned int i;

	(void)state;
	leak_mark_take(&mark);
	for (i = 0; i < RTE_DIM(bad); i++) {
		port_name(name, sizeof(name));
		assert_int_equal(port_probe(name, bad[i]), -1);
	}
	port_name(name, sizeof(name));
	assert_true(rte_vdev_init(name, "queues=1") != 0);
	/* No backend at that path. */
	snprintf(args, sizeof(args), "path=%s.none", sock_path);
	port_name(name, sizeof(name));
	assert_true(rte_vdev_init(name, args) != 0);
	leak_check(&mark);
}

/* A peer on the socket that is not a vhost-user backend. */
struct fake_peer {
	int listen_fd;
	bool answer; /* reply nonsense, or never reply */
};

/* Waits (bounded) for fd to be readable. */
static bool
fake_peer_readable(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	return poll(&pfd, 1, (int)(WAIT_S * 1000)) == 1;
}

static void *
fake_peer_run(void *arg)
{
	struct fake_peer *p = arg;
	char buf[256];
	int fd;

	if (!fake_peer_readable(p->listen_fd))
		return NULL;
	fd = accept(p->listen_fd, NULL, NULL);
	if (fd < 0)
		return NULL;
	if (p->answer) {
		/* Take SET_OWNER and GET_FEATURES, then answer garbage. */
		usleep(100 * 1000);
		if (recv(fd, buf, sizeof(buf), 0) > 0) {
			memset(buf, 0xab, 40);
			if (send(fd, buf, 40, MSG_NOSIGNAL) < 0)
				buf[0] = 0;
		}
	}
	/* Wait for the frontend to give up. */
	while (fake_peer_readable(fd) && recv(fd, buf, sizeof(buf), 0) > 0)
		;
	close(fd);
	return NULL;
}

static struct fake_peer peer = { .listen_fd = -1 };
static pthread_t peer_thread;
static bool peer_running;

/* Ends the fake peer (also after a failed case): its thread, whose
 * accepted fd closes when it sees us hang up, then its socket. */
static void
fake_peer_end(void)
{
	if (peer_running)
		pthread_join(peer_thread, NULL);
	peer_running = false;
	if (peer.listen_fd >= 0)
		close(peer.listen_fd);
	peer.listen_fd = -1;
}

static void
fake_peer_case(bool answer)
{
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct leak_mark mark;
	char name[32];
	double t0;

	/* Marked before the peer exists: it is gone when we check. */
	leak_mark_take(&mark);
	unlink(sock_path);
	peer.answer = answer;
	peer.listen_fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(peer.listen_fd >= 0);
	memcpy(un.sun_path, sock_path, strlen(sock_path) + 1);
	assert_int_equal(bind(peer.listen_fd, (struct sockaddr *)&un,
				 sizeof(un)),
		0);
	assert_int_equal(listen(peer.listen_fd, 1), 0);
	assert_int_equal(pthread_create(&peer_thread, NULL, fake_peer_run,
				 &peer),
		0);
	peer_running = true;
	port_name(name, sizeof(name));
	t0 = vb_now();
	assert_int_equal(port_probe(name, ""), -1);
	assert_true(vb_now() - t0 < 8.0); /* bounded, never a hang */
	fake_peer_end();
	unlink(sock_path);
	leak_check(&mark);
}

static void
test_nonsense_peer(void **state)
{
	(void)state;
	fake_peer_case(true);
}

static void
test_silent_peer(void **state)
{
	(void)state;
	fake_peer_case(false);
}

static int
setup(void **state)
{
	static char prefix[64];
	char *argv[] = { "test_virtio_user", "-l", "0", "--no-huge", "-m",
		"256", "--no-pci", prefix, NULL };

	(void)state;
	/* Per process: two builds' suites may run at once. */
	snprintf(prefix, sizeof(prefix), "--file-prefix=pvu%d", getpid());
	snprintf(sock_path, sizeof(sock_path), "/tmp/pollux_vu_%d.sock",
		getpid());
	if (rte_eal_init(TEST_ARGC(argv), argv) < 0)
		return -1;
	pool = rte_pktmbuf_pool_create("vu_test", NB_MBUFS, 0, 0, MBUF_ROOM,
		SOCKET_ID_ANY);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	rte_eal_cleanup();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_loopback, case_teardown),
		cmocka_unit_test_teardown(test_late_memory, case_teardown),
		cmocka_unit_test_teardown(test_late_memory_busy, case_teardown),
		cmocka_unit_test_teardown(test_jumbo, case_teardown),
		cmocka_unit_test_teardown(test_multi_queue, case_teardown),
		cmocka_unit_test_teardown(test_lsc, case_teardown),
		cmocka_unit_test_teardown(test_ctrl, case_teardown),
		cmocka_unit_test_teardown(test_rx_interrupt, case_teardown),
		cmocka_unit_test_teardown(test_server_mode, case_teardown),
		cmocka_unit_test_teardown(test_bad_config, case_teardown),
		cmocka_unit_test_teardown(test_bad_devargs, case_teardown),
		cmocka_unit_test_teardown(test_nonsense_peer, case_teardown),
		cmocka_unit_test_teardown(test_silent_peer, case_teardown),
	};

	char log[sizeof(sock_path) + 8];
	int failed;

	if (!vhost_backend_available())
		return test_skip(DPDK_TESTPMD
			" (Debian's dpdk) is not "
			"installed: no vhost-user backend to test against");
	failed = cmocka_run_group_tests(tests, setup, teardown);
	/* The backend's log is kept only when it can explain a failure. */
	snprintf(log, sizeof(log), "%s.log", sock_path);
	if (failed == 0)
		unlink(log);
	else
		fprintf(stderr, "vhost backend log kept: %s\n", log);
	return failed;
}
