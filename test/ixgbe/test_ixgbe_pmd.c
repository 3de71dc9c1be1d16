/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe against the 82599 model (two ports cabled together): probe
 * and device information, forwarding with frames compared byte for
 * byte, counters equal to what the model put on and took off its wires,
 * filters (unicast, promiscuous, added MAC, all-multicast), jumbo
 * frames in chains, RSS queues computed here from the Toeplitz
 * definition and the RETA, link state change events, Rx interrupts, and
 * every bad input (the port left unconfigured, nothing leaked).
 */
#include <limits.h>
#include <stdatomic.h>

#include <rte_epoll.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_udp.h>

#include <ethdev_driver.h>

#include "ixgbe_model.h"
#include "ixgbe_test.h"

#define EAL_ARGS  "-l 0 --no-huge -m 512 --log-level=lib.ethdev:crit"
#define POOL_SIZE 4095
#define NB_DESC	  256
#define WAIT_MS	  2000

static struct rte_mempool *
test_pool(uint16_t data_room)
{
	char name[32];
	struct rte_mempool *mp;

	snprintf(name, sizeof(name), "ixgbe_test_%u", data_room);
	mp = rte_mempool_lookup(name);
	if (mp == NULL)
		mp = rte_pktmbuf_pool_create(name, POOL_SIZE, 0, 0, data_room,
			SOCKET_ID_ANY);
	return mp;
}

static int
model_setup(const void *arg)
{
	ixgbe_test_teardown = ixgbe_model_stop;
	if (ixgbe_model_start(arg) != 0)
		return -1;
	ixgbe_model_install_traps();
	return 0;
}

static bool expect_intx;

/* As model_setup, then the pollux-msix FIFOs go: the bus falls back to
 * the uioN FIFO, INTx as with uio_pci_generic. */
static int
model_setup_intx(const void *arg)
{
	const char *root;
	char cmd[PATH_MAX + 64];

	if (model_setup(arg) != 0)
		return -1;
	root = getenv("POLLUX_SYSFS_PCI");
	if (root == NULL || strchr(root, '\'') != NULL)
		return -1;
	expect_intx = true;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'/*/pollux-msix", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* Configures and starts port with nb_rxq Rx and one Tx queue. */
static int
port_up(uint16_t port, uint16_t nb_rxq, const struct rte_eth_conf *conf,
	struct rte_mempool *mp)
{
	struct rte_eth_conf zero;
	uint16_t q;

	memset(&zero, 0, sizeof(zero));
	CHECK_RET(rte_eth_dev_configure(port, nb_rxq, 1,
			  conf != NULL ? conf : &zero),
		0);
	for (q = 0; q < nb_rxq; q++)
		CHECK_RET(rte_eth_rx_queue_setup(port, q, NB_DESC, 0, NULL, mp),
			0);
	CHECK_RET(rte_eth_tx_queue_setup(port, 0, NB_DESC, 0, NULL), 0);
	CHECK_RET(rte_eth_dev_start(port), 0);
	return 0;
}

static int
link_wait(uint16_t port, uint16_t status)
{
	struct rte_eth_link link;
	unsigned int ms;

	for (ms = 0; ms < WAIT_MS; ms += 5) {
		CHECK_RET(rte_eth_link_get_nowait(port, &link), 0);
		if (link.link_status == status)
			return 0;
		rte_delay_us_sleep(5000);
	}
	CHECK(link.link_status == status);
	return 0;
}

/* An Ethernet/IPv4/UDP frame of len bytes (no CRC) from port 0's MAC to
 * dst; payload byte i is seed + i. */
static struct rte_mbuf *
make_frame(struct rte_mempool *mp, const struct rte_ether_addr *dst,
	uint32_t src_ip, uint32_t dst_ip, uint16_t sport, uint16_t dport,
	uint16_t len, uint8_t seed)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
	struct rte_ether_hdr *eth;
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *udp;
	uint8_t *data;
	uint16_t i;

	if (m == NULL || (data = (uint8_t *)rte_pktmbuf_append(m, len)) == NULL)
		return NULL;
	for (i = 0; i < len; i++)
		data[i] = (uint8_t)(seed + i);
	eth = (struct rte_ether_hdr *)data;
	rte_ether_addr_copy(dst, &eth->dst_addr);
	rte_eth_macaddr_get(0, &eth->src_addr);
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip = (struct rte_ipv4_hdr *)(eth + 1);
	ip->version_ihl = 0x45;
	ip->type_of_service = 0;
	ip->total_length = rte_cpu_to_be_16(len - sizeof(*eth));
	ip->packet_id = 0;
	ip->fragment_offset = 0;
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(src_ip);
	ip->dst_addr = rte_cpu_to_be_32(dst_ip);
	ip->hdr_checksum = 0;
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	udp = (struct rte_udp_hdr *)(ip + 1);
	udp->src_port = rte_cpu_to_be_16(sport);
	udp->dst_port = rte_cpu_to_be_16(dport);
	udp->dgram_len = rte_cpu_to_be_16(len - sizeof(*eth) - sizeof(*ip));
	udp->dgram_cksum = 0;
	return m;
}

/* Receives up to want packets from port/queue within WAIT_MS. */
static uint16_t
rx_wait(uint16_t port, uint16_t queue, struct rte_mbuf **pkts, uint16_t want)
{
	uint16_t got = 0;
	unsigned int ms;

	for (ms = 0; ms < WAIT_MS && got < want; ms++) {
		got += rte_eth_rx_burst(port, queue, pkts + got, want - got);
		if (got < want)
			rte_delay_us_sleep(1000);
	}
	return got;
}

static int
tx_all(uint16_t port, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t sent = 0;
	unsigned int tries;

	for (tries = 0; sent < n && tries < 1000; tries++) {
		sent += rte_eth_tx_burst(port, 0, pkts + sent, n - sent);
		if (sent < n)
			rte_delay_us_sleep(1000);
	}
	CHECK_RET(sent, n);
	return 0;
}

/* Same bytes, chain or not. */
static int
same_bytes(const struct rte_mbuf *a, const struct rte_mbuf *b)
{
	uint8_t x[16384], y[16384];

	CHECK(a->pkt_len == b->pkt_len && a->pkt_len <= sizeof(x));
	CHECK(rte_pktmbuf_read(a, 0, a->pkt_len, x) != NULL);
	memcpy(x, rte_pktmbuf_read(a, 0, a->pkt_len, x), a->pkt_len);
	memcpy(y, rte_pktmbuf_read(b, 0, b->pkt_len, y), b->pkt_len);
	CHECK(memcmp(x, y, a->pkt_len) == 0);
	return 0;
}

static uint64_t
xstat(uint16_t port, const char *name)
{
	uint64_t id, value = UINT64_MAX;

	if (rte_eth_xstats_get_id_by_name(port, name, &id) == 0)
		rte_eth_xstats_get_by_id(port, &id, &value, 1);
	return value;
}

/* --- probe, information, forwarding, counters ---------------------------- */

static int
body_forward(void)
{
	struct rte_mempool *mp = test_pool(RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_mbuf *tx[64], *copy[64], *rx[64];
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac1;
	struct rte_eth_stats st0, st1;
	uint64_t bytes = 0, buckets[3] = { 0 };
	uint16_t i, len;

	CHECK(mp != NULL);
	CHECK_RET(rte_eth_dev_count_avail(), 2);
	CHECK_RET(rte_eth_dev_info_get(0, &info), 0);
	CHECK(strcmp(info.driver_name, "net_ixgbe") == 0);
	CHECK(info.rx_desc_lim.nb_align == 8 && info.rx_desc_lim.nb_min == 32);
	CHECK(info.rx_desc_lim.nb_max == 4096 && info.tx_desc_lim.nb_align == 8);
	CHECK(info.reta_size == 128 && info.hash_key_size == 40);
	CHECK(info.max_rx_queues == 64 && info.max_rx_pktlen == 15872);
	CHECK_RET(rte_eth_macaddr_get(1, &mac1), 0);
	CHECK(rte_is_valid_assigned_ether_addr(&mac1));
	CHECK_OK(port_up(0, 1, NULL, mp));
	CHECK_OK(port_up(1, 1, NULL, mp));
	CHECK_OK(link_wait(0, RTE_ETH_LINK_UP));
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	CHECK_RET(rte_eth_stats_reset(0), 0);
	CHECK_RET(rte_eth_stats_reset(1), 0);
	for (i = 0; i < 64; i++) {
		len = (uint16_t)(60 + i * 23); /* 60..1509 */
		tx[i] = make_frame(mp, &mac1, 0x0a000001, 0x0a000002, 1000 + i,
			2000, len, (uint8_t)i);
		CHECK(tx[i] != NULL);
		copy[i] = rte_pktmbuf_copy(tx[i], mp, 0, UINT32_MAX);
		CHECK(copy[i] != NULL);
		bytes += len;
		/* With the CRC: 64, 65..127, 128..255 and more. */
		if (len + 4 == 64)
			buckets[0]++;
		else if (len + 4 <= 127)
			buckets[1]++;
		else if (len + 4 <= 255)
			buckets[2]++;
	}
	CHECK_OK(tx_all(0, tx, 64));
	CHECK_RET(rx_wait(1, 0, rx, 64), 64);
	for (i = 0; i < 64; i++) {
		CHECK_OK(same_bytes(rx[i], copy[i]));
		CHECK(rx[i]->port == 1 && rx[i]->nb_segs == 1);
		rte_pktmbuf_free(rx[i]);
		rte_pktmbuf_free(copy[i]);
	}
	CHECK_RET(rte_eth_stats_get(0, &st0), 0);
	CHECK_RET(rte_eth_stats_get(1, &st1), 0);
	CHECK_RET(st0.opackets, 64);
	CHECK_RET(st0.opackets, ixgbe_model_wire_tx(0));
	CHECK_RET(st1.ipackets, 64);
	CHECK_RET(st1.ipackets, ixgbe_model_wire_rx(1));
	CHECK_RET(st0.obytes, bytes);
	CHECK_RET(st1.ibytes, bytes);
	CHECK_RET(st1.q_ipackets[0], 64);
	CHECK_RET(st0.q_opackets[0], 64);
	CHECK(st1.imissed == 0 && st1.ierrors == 0 && st1.rx_nombuf == 0);
	CHECK_RET(xstat(1, "rx_size_64_packets"), buckets[0]);
	CHECK_RET(xstat(1, "rx_size_65_to_127_packets"), buckets[1]);
	CHECK_RET(xstat(1, "rx_size_128_to_255_packets"), buckets[2]);
	CHECK_RET(xstat(0, "tx_size_65_to_127_packets"), buckets[1]);
	CHECK_RET(xstat(1, "rx_crc_errors"), 0);
	CHECK_RET(xstat(1, "rx_q0_packets"), 64);
	CHECK_RET(rte_eth_stats_reset(1), 0);
	CHECK_RET(rte_eth_stats_get(1, &st1), 0);
	CHECK(st1.ipackets == 0 && st1.ibytes == 0 && st1.q_ipackets[0] == 0);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_stop(1), 0);
	/* A restart gives the same service. */
	CHECK_RET(rte_eth_dev_start(0), 0);
	CHECK_RET(rte_eth_dev_start(1), 0);
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	tx[0] = make_frame(mp, &mac1, 1, 2, 3, 4, 100, 7);
	CHECK_OK(tx_all(0, tx, 1));
	CHECK_RET(rx_wait(1, 0, rx, 1), 1);
	rte_pktmbuf_free(rx[0]);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_stop(1), 0);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_dev_close(1), 0);
	CHECK_POOL_FULL(mp);
	return 0;
}

/* Sends one frame to dst from port 0; 1 if port 1 received it. */
static int
delivered(struct rte_mempool *mp, const struct rte_ether_addr *dst)
{
	struct rte_mbuf *m = make_frame(mp, dst, 1, 2, 3, 4, 80, 0);
	uint16_t n;

	if (m == NULL || rte_eth_tx_burst(0, 0, &m, 1) != 1)
		return -1;
	n = rx_wait(1, 0, &m, 1);
	if (n == 1)
		rte_pktmbuf_free(m);
	return n;
}

static int
body_filters(void)
{
	struct rte_mempool *mp = test_pool(RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_ether_addr mac1, other = { { 0x02, 0, 0, 0, 0x12, 0x34 } };
	struct rte_ether_addr mcast = { { 0x01, 0, 0x5e, 0, 0, 1 } };
	struct rte_ether_addr bcast = { { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } };
	struct rte_ether_addr fresh = { { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 } };

	CHECK_RET(rte_eth_macaddr_get(1, &mac1), 0);
	CHECK_OK(port_up(0, 1, NULL, mp));
	CHECK_OK(port_up(1, 1, NULL, mp));
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	CHECK_RET(rte_eth_promiscuous_disable(1), 0);
	CHECK_RET(delivered(mp, &mac1), 1);
	CHECK_RET(delivered(mp, &bcast), 1); /* FCTRL.BAM */
	CHECK_RET(delivered(mp, &other), 0);
	CHECK_RET(delivered(mp, &mcast), 0);
	CHECK_RET(rte_eth_promiscuous_enable(1), 0); /* FCTRL.UPE|MPE */
	CHECK_RET(delivered(mp, &other), 1);
	CHECK_RET(delivered(mp, &mcast), 1);
	CHECK_RET(rte_eth_promiscuous_disable(1), 0);
	CHECK_RET(delivered(mp, &other), 0);
	CHECK_RET(rte_eth_allmulticast_enable(1), 0); /* FCTRL.MPE */
	CHECK_RET(delivered(mp, &mcast), 1);
	CHECK_RET(delivered(mp, &other), 0);
	CHECK_RET(rte_eth_allmulticast_disable(1), 0);
	CHECK_RET(delivered(mp, &mcast), 0);
	CHECK_RET(rte_eth_dev_mac_addr_add(1, &other, 0), 0); /* RAL/RAH(1) */
	CHECK_RET(delivered(mp, &other), 1);
	CHECK_RET(rte_eth_dev_mac_addr_remove(1, &other), 0);
	CHECK_RET(delivered(mp, &other), 0);
	CHECK_RET(rte_eth_dev_default_mac_addr_set(1, &fresh), 0);
	CHECK_RET(delivered(mp, &fresh), 1);
	/* The old address no longer matches RAL/RAH(0): a frame must match
	 * a valid RAL/RAH entry (82599 datasheet 7.1.1.1). */
	CHECK_RET(delivered(mp, &mac1), 0);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_stop(1), 0);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_dev_close(1), 0);
	CHECK_POOL_FULL(mp);
	return 0;
}

/* --- jumbo frames -------------------------------------------------------- */

/* A frame of total bytes as a chain of seg_len-byte segments. */
static struct rte_mbuf *
make_chain(struct rte_mempool *mp, const struct rte_ether_addr *dst,
	uint16_t total, uint16_t seg_len)
{
	struct rte_mbuf *pkt = make_frame(mp, dst, 1, 2, 3, 4, seg_len, 1);
	struct rte_mbuf *seg;
	uint16_t left, len;
	char *data;

	for (left = total - seg_len; pkt != NULL && left > 0; left -= len) {
		len = RTE_MIN(left, seg_len);
		seg = rte_pktmbuf_alloc(mp);
		data = seg != NULL ? rte_pktmbuf_append(seg, len) : NULL;
		if (data == NULL || rte_pktmbuf_chain(pkt, seg) != 0) {
			rte_pktmbuf_free(seg);
			rte_pktmbuf_free(pkt);
			return NULL;
		}
		memset(data, (int)left & 0xff, len);
	}
	return pkt;
}

static int
body_jumbo(void)
{
	struct rte_mempool *mp = test_pool(RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_eth_conf conf;
	struct rte_ether_addr mac1;
	struct rte_mbuf *pkt, *copy, *rx;
	struct rte_eth_stats st;
	const uint16_t total = 9014, seg_len = 1800;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mtu = 9000;
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	CHECK_RET(rte_eth_macaddr_get(1, &mac1), 0);
	CHECK_OK(port_up(0, 1, &conf, mp));
	CHECK_OK(port_up(1, 1, &conf, mp));
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	/* A 9014-byte frame (MTU 9000 + header; 9018 with the CRC, the
	 * MAXFRS limit) sent as a chain of 1800-byte segments; the 2 KB Rx
	 * buffers make it a chain of 5. */
	pkt = make_chain(mp, &mac1, total, seg_len);
	CHECK(pkt != NULL);
	CHECK(pkt->pkt_len == total && pkt->nb_segs == 6);
	copy = rte_pktmbuf_copy(pkt, mp, 0, UINT32_MAX);
	CHECK(copy != NULL);
	CHECK_OK(tx_all(0, &pkt, 1));
	CHECK_RET(rx_wait(1, 0, &rx, 1), 1);
	CHECK_RET(rx->nb_segs, (total + 2047) / 2048);
	CHECK_OK(same_bytes(rx, copy));
	rte_pktmbuf_free(rx);
	rte_pktmbuf_free(copy);
	/* One byte over the frame size: not delivered, counted. */
	CHECK_RET(rte_eth_stats_reset(1), 0);
	pkt = make_chain(mp, &mac1, total + 1, seg_len);
	CHECK(pkt != NULL);
	CHECK_OK(tx_all(0, &pkt, 1));
	CHECK_RET(rx_wait(1, 0, &rx, 1), 0);
	CHECK_RET(rte_eth_stats_get(1, &st), 0);
	CHECK(st.ipackets == 0 && st.ierrors == 1);
	CHECK_RET(xstat(1, "rx_oversize_errors"), 1);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_stop(1), 0);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_dev_close(1), 0);
	CHECK_POOL_FULL(mp);
	return 0;
}

/* --- RSS ----------------------------------------------------------------- */

/* The Toeplitz hash of the RSS specification: for every set bit of the
 * input (most significant first), XOR in the 32 key bits that start at
 * that bit position. */
static uint32_t
toeplitz(const uint8_t *key, const uint8_t *input, unsigned int len)
{
	uint32_t hash = 0, window;
	unsigned int i, b;

	window = (uint32_t)key[0] << 24 | key[1] << 16 | key[2] << 8 | key[3];
	for (i = 0; i < len; i++) {
		for (b = 0; b < 8; b++) {
			if (input[i] & (0x80 >> b))
				hash ^= window;
			window = window << 1 | ((key[i + 4] >> (7 - b)) & 1);
		}
	}
	return hash;
}

static uint32_t
flow_hash(const uint8_t *key, uint32_t src, uint32_t dst, uint16_t sport,
	uint16_t dport)
{
	uint8_t in[12] = {
		src >> 24,
		src >> 16,
		src >> 8,
		src,
		dst >> 24,
		dst >> 16,
		dst >> 8,
		dst,
		sport >> 8,
		sport,
		dport >> 8,
		dport,
	};

	return toeplitz(key, in, 12);
}

/* clang-format off */
static const uint8_t ms_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
	0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
	0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
	0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
	0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};
/* clang-format on */

/* Sends nb flows and checks each lands on reta[hash & 127] with the
 * hash in the mbuf. */
static int
rss_flows(struct rte_mempool *mp, const uint8_t *key, const uint8_t *reta,
	unsigned int nb)
{
	struct rte_ether_addr mac1;
	struct rte_mbuf *m, *rx[8];
	struct rte_eth_stats st;
	uint32_t src, hash;
	uint16_t q, n, got, want, k;
	uint64_t per_queue[4] = { 0 };
	unsigned int f;

	CHECK_RET(rte_eth_macaddr_get(1, &mac1), 0);
	CHECK_RET(rte_eth_stats_reset(1), 0);
	for (f = 0; f < nb; f++) {
		src = 0xc0a80000 + f * 7919;
		hash = flow_hash(key, src, 0x0a000001, 1024 + f, 53);
		want = reta[hash & 127];
		m = make_frame(mp, &mac1, src, 0x0a000001, 1024 + f, 53, 90,
			(uint8_t)f);
		CHECK(m != NULL);
		CHECK_OK(tx_all(0, &m, 1));
		for (got = 0, n = 0; n < 1000 && got == 0; n++) {
			for (q = 0; q < 4 && got == 0; q++) {
				got = rte_eth_rx_burst(1, q, rx, 8);
				if (got != 0)
					break;
			}
			if (got == 0)
				rte_delay_us_sleep(1000);
		}
		CHECK_RET(got, 1);
		if (q != want || rx[0]->hash.rss != hash)
			fprintf(stderr,
				"flow %u: queue %u (want %u), hash "
				"0x%08x (want 0x%08x)\n",
				f, q, want, rx[0]->hash.rss, hash);
		CHECK(rx[0]->ol_flags & RTE_MBUF_F_RX_RSS_HASH);
		CHECK_RET(rx[0]->hash.rss, hash);
		CHECK_RET(q, want);
		per_queue[q]++;
		for (k = 0; k < got; k++)
			rte_pktmbuf_free(rx[k]);
	}
	CHECK_RET(rte_eth_stats_get(1, &st), 0);
	for (q = 0; q < 4; q++)
		CHECK_RET(st.q_ipackets[q], per_queue[q]);
	return 0;
}

static int
body_rss(void)
{
	struct rte_mempool *mp = test_pool(RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_eth_rss_reta_entry64 reta_conf[2];
	struct rte_eth_rss_conf rss;
	struct rte_eth_conf conf;
	uint8_t reta[128], key[40], got_key[40];
	unsigned int i;

	/* The RSS specification's verification vector (IPv4 with TCP
	 * ports): 66.9.149.187:2794 -> 161.142.100.80:1766. */
	CHECK_RET(flow_hash(ms_key, 0x420995bb, 0xa18e6450, 2794, 1766),
		0x51ccc178);
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_RSS_HASH;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_IPV4 |
		RTE_ETH_RSS_NONFRAG_IPV4_UDP | RTE_ETH_RSS_NONFRAG_IPV4_TCP;
	CHECK_OK(port_up(0, 1, NULL, mp));
	CHECK_OK(port_up(1, 4, &conf, mp));
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	/* Default: Microsoft's key, queues in turn in the RETA. */
	for (i = 0; i < 128; i++)
		reta[i] = (uint8_t)(i % 4);
	CHECK_OK(rss_flows(mp, ms_key, reta, 48));
	/* A new table. */
	memset(reta_conf, 0, sizeof(reta_conf));
	for (i = 0; i < 128; i++) {
		reta[i] = (uint8_t)((i * 7 / 3) % 4);
		reta_conf[i / 64].mask |= RTE_BIT64(i % 64);
		reta_conf[i / 64].reta[i % 64] = reta[i];
	}
	CHECK_RET(rte_eth_dev_rss_reta_update(1, reta_conf, 128), 0);
	memset(reta_conf, 0, sizeof(reta_conf));
	reta_conf[0].mask = reta_conf[1].mask = UINT64_MAX;
	CHECK_RET(rte_eth_dev_rss_reta_query(1, reta_conf, 128), 0);
	for (i = 0; i < 128; i++)
		CHECK_RET(reta_conf[i / 64].reta[i % 64], reta[i]);
	/* A new key. */
	for (i = 0; i < 40; i++)
		key[i] = (uint8_t)(i * 37 + 11);
	memset(&rss, 0, sizeof(rss));
	rss.rss_key = key;
	rss.rss_key_len = 40;
	rss.rss_hf = conf.rx_adv_conf.rss_conf.rss_hf;
	CHECK_RET(rte_eth_dev_rss_hash_update(1, &rss), 0);
	memset(&rss, 0, sizeof(rss));
	rss.rss_key = got_key;
	CHECK_RET(rte_eth_dev_rss_hash_conf_get(1, &rss), 0);
	CHECK(rss.rss_key_len == 40 && memcmp(key, got_key, 40) == 0);
	CHECK(rss.rss_hf & RTE_ETH_RSS_NONFRAG_IPV4_UDP);
	CHECK_OK(rss_flows(mp, key, reta, 48));
	/* Bad RSS input: key length, RETA size, a queue RSS cannot reach. */
	rss.rss_key = key;
	rss.rss_key_len = 39;
	CHECK_RET(rte_eth_dev_rss_hash_update(1, &rss), -EINVAL);
	CHECK_RET(rte_eth_dev_rss_reta_query(1, reta_conf, 64), -EINVAL);
	reta_conf[0].mask = 1;
	reta_conf[0].reta[0] = 4;
	CHECK_RET(rte_eth_dev_rss_reta_update(1, reta_conf, 128), -EINVAL);
	/* A configure refused for its 39-byte key leaves the key and the
	 * table in force. */
	CHECK_RET(rte_eth_dev_stop(1), 0);
	conf.rx_adv_conf.rss_conf.rss_key = key;
	conf.rx_adv_conf.rss_conf.rss_key_len = 39;
	CHECK(rte_eth_dev_configure(1, 4, 1, &conf) < 0);
	CHECK_RET(rte_eth_dev_start(1), 0);
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	CHECK_OK(rss_flows(mp, key, reta, 48));
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_stop(1), 0);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_dev_close(1), 0);
	CHECK_POOL_FULL(mp);
	return 0;
}

/* --- link state changes and Rx interrupts -------------------------------- */

static atomic_int lsc_events[2];

static int
lsc_cb(uint16_t port, enum rte_eth_event_type type, void *arg, void *ret)
{
	(void)arg;
	(void)ret;
	if (type == RTE_ETH_EVENT_INTR_LSC && port < 2)
		atomic_fetch_add(&lsc_events[port], 1);
	return 0;
}

static int
event_wait(uint16_t port, int want)
{
	unsigned int ms;

	for (ms = 0; ms < WAIT_MS && atomic_load(&lsc_events[port]) < want;
		ms += 5)
		rte_delay_us_sleep(5000);
	CHECK_RET(atomic_load(&lsc_events[port]), want);
	return 0;
}

static int
body_lsc(void)
{
	struct rte_mempool *mp = test_pool(RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_eth_conf conf;
	struct rte_eth_link link;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = 1;
	CHECK_RET(rte_eth_dev_callback_register(RTE_ETH_ALL,
			  RTE_ETH_EVENT_INTR_LSC, lsc_cb, NULL),
		0);
	CHECK_OK(port_up(0, 1, &conf, mp));
	CHECK_OK(port_up(1, 1, &conf, mp));
	CHECK_RET(rte_intr_type_get(rte_eth_devices[0].intr_handle),
		expect_intx ? RTE_INTR_HANDLE_UIO_INTX :
			      RTE_INTR_HANDLE_VFIO_MSIX);
	CHECK_OK(link_wait(0, RTE_ETH_LINK_UP));
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	atomic_store(&lsc_events[0], 0);
	atomic_store(&lsc_events[1], 0);
	ixgbe_model_set_cable(0, 0);
	CHECK_OK(event_wait(0, 1));
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_DOWN);
	ixgbe_model_set_cable(0, 1);
	CHECK_OK(event_wait(0, 2));
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK(link.link_status == RTE_ETH_LINK_UP);
	CHECK(link.link_speed == RTE_ETH_SPEED_NUM_10G);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_stop(1), 0);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_dev_close(1), 0);
	CHECK_POOL_FULL(mp);
	return 0;
}

static int
body_rx_intr(void)
{
	struct rte_mempool *mp = test_pool(RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_epoll_event ev;
	struct rte_eth_conf conf;
	struct rte_ether_addr mac1;
	struct rte_mbuf *m;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.rxq = 1;
	CHECK_RET(rte_eth_macaddr_get(1, &mac1), 0);
	CHECK_OK(port_up(0, 1, NULL, mp));
	CHECK_OK(port_up(1, 2, &conf, mp));
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	CHECK_RET(rte_eth_dev_rx_intr_ctl_q(1, 0, RTE_EPOLL_PER_THREAD,
			  RTE_INTR_EVENT_ADD, NULL),
		0);
	CHECK_RET(rte_eth_dev_rx_intr_enable(1, 0), 0);
	/* Nothing received: the wait times out. */
	CHECK_RET(rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, 100), 0);
	m = make_frame(mp, &mac1, 1, 2, 3, 4, 64, 0);
	CHECK(m != NULL);
	CHECK_OK(tx_all(0, &m, 1));
	CHECK_RET(rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, WAIT_MS), 1);
	CHECK_RET(rte_eth_dev_rx_intr_disable(1, 0), 0);
	CHECK_RET(rx_wait(1, 0, &m, 1), 1);
	rte_pktmbuf_free(m);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_stop(1), 0);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_dev_close(1), 0);
	CHECK_POOL_FULL(mp);
	return 0;
}

/* --- bad input ----------------------------------------------------------- */

static int
body_bad_input(void)
{
	struct rte_mempool *mp = test_pool(RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_mempool *tiny = test_pool(RTE_PKTMBUF_HEADROOM + 512);
	struct rte_eth_conf conf;
	uint16_t mtu;

	memset(&conf, 0, sizeof(conf));
	/* More queues than the device has: nothing configured. */
	CHECK_RET(rte_eth_dev_configure(0, 65, 1, &conf), -EINVAL);
	CHECK_RET(rte_eth_dev_configure(0, 1, 65, &conf), -EINVAL);
	CHECK_RET(rte_eth_dev_start(0), -EINVAL);
	/* An MTU above 15.5 KB frames. */
	conf.rxmode.mtu = 15855;
	CHECK_RET(rte_eth_dev_configure(0, 1, 1, &conf), -EINVAL);
	CHECK_RET(rte_eth_dev_start(0), -EINVAL);
	/* A 39-byte RSS key. */
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rx_adv_conf.rss_conf.rss_key = (uint8_t *)(uintptr_t)ms_key;
	conf.rx_adv_conf.rss_conf.rss_key_len = 39;
	CHECK(rte_eth_dev_configure(0, 1, 1, &conf) < 0);
	CHECK_RET(rte_eth_dev_start(0), -EINVAL);
	/* DCB is not there. */
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_DCB;
	CHECK(rte_eth_dev_configure(0, 1, 1, &conf) < 0);
	memset(&conf, 0, sizeof(conf));
	CHECK_RET(rte_eth_dev_configure(0, 1, 1, &conf), 0);
	/* Ring sizes: not a multiple of 8, too small, too large. */
	CHECK_RET(rte_eth_rx_queue_setup(0, 0, 100, 0, NULL, mp), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_setup(0, 0, 8, 0, NULL, mp), -EINVAL);
	CHECK_RET(rte_eth_rx_queue_setup(0, 0, 4104, 0, NULL, mp), -EINVAL);
	CHECK_RET(rte_eth_tx_queue_setup(0, 0, 1001, 0, NULL), -EINVAL);
	CHECK_RET(rte_eth_tx_queue_setup(0, 0, 8192, 0, NULL), -EINVAL);
	/* Buffers smaller than 1 KB (SRRCTL.BSIZEPACKET's unit). */
	CHECK(rte_eth_rx_queue_setup(0, 0, 64, 0, NULL, tiny) < 0);
	CHECK_RET(rte_eth_dev_start(0), -EINVAL); /* no queues yet */
	CHECK_RET(rte_eth_tx_queue_setup(0, 0, 0, 0, NULL), 0);
	CHECK_RET(rte_eth_rx_queue_setup(0, 0, 0, 0, NULL, mp), 0);
	/* MTU: too big refused and unchanged; jumbo accepted. */
	CHECK_RET(rte_eth_dev_set_mtu(0, 15855), -EINVAL);
	CHECK_RET(rte_eth_dev_get_mtu(0, &mtu), 0);
	CHECK_RET(mtu, 1500);
	CHECK_RET(rte_eth_dev_set_mtu(0, 15854), 0);
	CHECK_RET(rte_eth_dev_set_mtu(0, 1500), 0);
	CHECK_RET(rte_eth_dev_start(0), 0);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_dev_close(1), 0);
	CHECK_POOL_FULL(mp);
	CHECK_POOL_FULL(tiny);
	return 0;
}

/* A pool smaller than the ring: start fails cleanly. */
static int
body_pool_too_small(void)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create("small", 300, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	struct rte_mempool *big = test_pool(RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_mbuf *tx[96], *rx[96], *none;
	struct rte_ether_addr mac0;
	struct rte_eth_stats st;
	struct rte_eth_conf conf;
	unsigned int i;

	CHECK(mp != NULL);
	memset(&conf, 0, sizeof(conf));
	CHECK_RET(rte_eth_dev_configure(0, 2, 1, &conf), 0);
	CHECK_RET(rte_eth_rx_queue_setup(0, 0, 256, 0, NULL, mp), 0);
	CHECK_RET(rte_eth_rx_queue_setup(0, 1, 256, 0, NULL, mp), 0);
	CHECK_RET(rte_eth_tx_queue_setup(0, 0, 256, 0, NULL), 0);
	CHECK_RET(rte_eth_dev_start(0), -ENOMEM);
	CHECK_POOL_FULL(mp);
	/* One queue fits, 44 mbufs to spare: an application that keeps 96
	 * packets runs the pool dry (at least 52 slots wait for a refill,
	 * which fails within 45 more polls); the failures are counted in
	 * rx_nombuf, every packet still arrives, nothing leaks. */
	CHECK_RET(rte_eth_dev_configure(0, 1, 1, &conf), 0);
	CHECK_RET(rte_eth_dev_start(0), 0);
	CHECK_OK(port_up(1, 1, NULL, big));
	CHECK_OK(link_wait(0, RTE_ETH_LINK_UP));
	CHECK_OK(link_wait(1, RTE_ETH_LINK_UP));
	CHECK_RET(rte_eth_macaddr_get(0, &mac0), 0);
	for (i = 0; i < 96; i++) {
		tx[i] = make_frame(big, &mac0, 0x0a000002, 0x0a000001, 2000,
			1000 + i, 60, (uint8_t)i);
		CHECK(tx[i] != NULL);
	}
	CHECK_OK(tx_all(1, tx, 96));
	CHECK_RET(rx_wait(0, 0, rx, 96), 96);
	for (i = 0; i < 45; i++)
		CHECK_RET(rte_eth_rx_burst(0, 0, &none, 1), 0);
	CHECK_RET(rte_eth_stats_get(0, &st), 0);
	CHECK(st.rx_nombuf > 0 && st.ipackets == 96);
	for (i = 0; i < 96; i++)
		rte_pktmbuf_free(rx[i]);
	CHECK_RET(rte_eth_stats_reset(0), 0);
	CHECK_RET(rte_eth_stats_get(0, &st), 0);
	CHECK_RET(st.rx_nombuf, 0);
	CHECK_RET(rte_eth_dev_stop(0), 0);
	CHECK_RET(rte_eth_dev_stop(1), 0);
	CHECK_POOL_FULL(mp);
	CHECK_POOL_FULL(big);
	CHECK_RET(rte_eth_dev_close(0), 0);
	CHECK_RET(rte_eth_dev_close(1), 0);
	return 0;
}

#define MODEL_CASE(name, cfg, body) \
	static void name(void **state) \
	{ \
		(void)state; \
		ixgbe_test_fork(model_setup, cfg, EAL_ARGS, body); \
	}

MODEL_CASE(test_forward, "ports=2,link_delay_ms=1", body_forward)
MODEL_CASE(test_filters, "ports=2,link_delay_ms=1", body_filters)
MODEL_CASE(test_jumbo, "ports=2,link_delay_ms=1", body_jumbo)
MODEL_CASE(test_rss, "ports=2,link_delay_ms=1", body_rss)
MODEL_CASE(test_lsc, "ports=2,link_delay_ms=1", body_lsc)
static void
test_lsc_intx(void **state)
{
	(void)state;
	ixgbe_test_fork(model_setup_intx, "ports=2,link_delay_ms=1", EAL_ARGS,
		body_lsc);
}

MODEL_CASE(test_rx_intr, "ports=2,link_delay_ms=1", body_rx_intr)
MODEL_CASE(test_bad_input, "ports=2,link_delay_ms=1", body_bad_input)
MODEL_CASE(test_pool_too_small, "ports=2,link_delay_ms=1", body_pool_too_small)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forward),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_jumbo),
		cmocka_unit_test(test_rss),
		cmocka_unit_test(test_lsc),
		cmocka_unit_test(test_lsc_intx),
		cmocka_unit_test(test_rx_intr),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_pool_too_small),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
