/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_net_get_ptype() on frames built byte by byte: Ethernet, VLAN, QinQ,
 * ARP, LLDP, PTP, MPLS; IPv4 with and without options, IPv6 with and
 * without extension headers; UDP, TCP with options, SCTP, ICMP, other
 * protocols, fragments; GRE, NVGRE and IP-in-IP tunnels with their inner
 * headers; the layers mask; headers split across segments; truncated
 * frames. And rte_net_intel_cksum_prepare() seeding checksums.
 */
#include <netinet/in.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_net.h>

#include "test_helpers.h"

static struct rte_mempool *pool;

/* A frame under construction. */
struct frame {
	uint8_t b[512];
	unsigned int len;
};

static void
put(struct frame *f, const void *data, unsigned int len)
{
	memcpy(f->b + f->len, data, len);
	f->len += len;
}

static void
put16(struct frame *f, uint16_t v)
{
	uint8_t be[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	put(f, be, 2);
}

static void
eth(struct frame *f, uint16_t type)
{
	static const uint8_t macs[12] = { 2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2 };

	put(f, macs, sizeof(macs));
	put16(f, type);
}

/* An IPv4 header with opt_words 4-byte option words. */
static void
ipv4(struct frame *f, uint8_t proto, unsigned int opt_words, uint16_t frag)
{
	uint8_t h[60] = { 0 };

	h[0] = (uint8_t)(0x40 | (5 + opt_words));
	h[2] = 0;
	h[3] = 100;
	h[6] = (uint8_t)(frag >> 8);
	h[7] = (uint8_t)frag;
	h[8] = 64;
	h[9] = proto;
	put(f, h, 20 + 4 * opt_words);
}

static void
ipv6(struct frame *f, uint8_t next)
{
	uint8_t h[40] = { 0x60 };

	h[5] = 40;
	h[6] = next;
	h[7] = 64;
	put(f, h, sizeof(h));
}

/* TCP with a data offset of words 4-byte words. */
static void
tcp(struct frame *f, unsigned int words)
{
	uint8_t h[60] = { 0 };

	h[12] = (uint8_t)(words << 4);
	put(f, h, 4 * words);
}

static void
zeros(struct frame *f, unsigned int n)
{
	memset(f->b + f->len, 0, n);
	f->len += n;
}

/* The frame in an mbuf; with split > 0, the first split bytes alone. */
static struct rte_mbuf *
to_mbuf(const struct frame *f, unsigned int split)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool), *m2;
	unsigned int first = split != 0 ? split : f->len;

	assert_non_null(m);
	memcpy(rte_pktmbuf_append(m, first), f->b, first);
	if (split != 0) {
		m2 = rte_pktmbuf_alloc(pool);
		assert_non_null(m2);
		memcpy(rte_pktmbuf_append(m2, f->len - split), f->b + split,
			f->len - split);
		assert_int_equal(rte_pktmbuf_chain(m, m2), 0);
	}
	return m;
}

static uint32_t
ptype_of(const struct frame *f, unsigned int split,
	struct rte_net_hdr_lens *lens, uint32_t layers)
{
	struct rte_mbuf *m = to_mbuf(f, split);
	uint32_t ptype = rte_net_get_ptype(m, lens, layers);

	rte_pktmbuf_free(m);
	return ptype;
}

static void
test_l2(void **state)
{
	struct rte_net_hdr_lens lens;
	struct frame f = { .len = 0 };

	(void)state;
	eth(&f, RTE_ETHER_TYPE_ARP);
	zeros(&f, 28);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER_ARP);
	assert_int_equal(lens.l2_len, 14);

	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_LLDP);
	zeros(&f, 30);
	assert_int_equal(ptype_of(&f, 0, NULL, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER_LLDP);
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_1588);
	zeros(&f, 30);
	assert_int_equal(ptype_of(&f, 0, NULL, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER_TIMESYNC);

	/* MPLS: two labels, the second with the bottom-of-stack bit. */
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_MPLS);
	put16(&f, 0x0001);
	put16(&f, 0x0040);
	put16(&f, 0x0002);
	put16(&f, 0x0140);
	ipv4(&f, IPPROTO_UDP, 0, 0);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER_MPLS);
	assert_int_equal(lens.l2_len, 22);

	/* Unknown EtherType: Ethernet only; a runt frame: nothing. */
	f.len = 0;
	eth(&f, 0x1234);
	zeros(&f, 40);
	assert_int_equal(ptype_of(&f, 0, NULL, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER);
	f.len = 10;
	assert_int_equal(ptype_of(&f, 0, NULL, RTE_PTYPE_ALL_MASK), 0);
	assert_int_equal(rte_net_get_ptype(NULL, NULL, RTE_PTYPE_ALL_MASK), 0);
}

static void
test_ipv4_l4(void **state)
{
	struct rte_net_hdr_lens lens;
	struct frame f = { .len = 0 };

	(void)state;
	eth(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_UDP, 0, 0);
	zeros(&f, 8);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP);
	assert_int_equal(lens.l2_len, 14);
	assert_int_equal(lens.l3_len, 20);
	assert_int_equal(lens.l4_len, 8);
	/* Layers: stop after L3, or after L2. */
	assert_int_equal(ptype_of(&f, 0, &lens,
				 RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4);
	assert_int_equal(lens.l4_len, 0);
	assert_int_equal(ptype_of(&f, 0, NULL, RTE_PTYPE_L2_MASK),
		RTE_PTYPE_L2_ETHER);
	/* Split across two segments inside the IP header. */
	assert_int_equal(ptype_of(&f, 20, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP);

	/* VLAN, IPv4 with options, TCP with options. */
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_VLAN);
	put16(&f, 100);
	put16(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_TCP, 2, 0);
	tcp(&f, 8);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER_VLAN | RTE_PTYPE_L3_IPV4_EXT |
			RTE_PTYPE_L4_TCP);
	assert_int_equal(lens.l2_len, 18);
	assert_int_equal(lens.l3_len, 28);
	assert_int_equal(lens.l4_len, 32);

	/* QinQ, SCTP; ICMP; another protocol; a fragment. */
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_QINQ);
	put16(&f, 1);
	put16(&f, RTE_ETHER_TYPE_VLAN);
	put16(&f, 2);
	put16(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_SCTP, 0, 0);
	zeros(&f, 12);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER_QINQ | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_SCTP);
	assert_int_equal(lens.l2_len, 22);
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_ICMP, 0, 0);
	zeros(&f, 8);
	assert_int_equal(ptype_of(&f, 0, NULL, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_ICMP);
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, 200, 0, 0);
	assert_int_equal(ptype_of(&f, 0, NULL, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_NONFRAG);
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_UDP, 0, 0x2000); /* more fragments */
	zeros(&f, 8);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_FRAG);
	assert_int_equal(lens.l4_len, 0);
}

static void
test_ipv6(void **state)
{
	struct rte_net_hdr_lens lens;
	struct frame f = { .len = 0 };
	uint8_t hop[8] = { IPPROTO_ROUTING, 0 };
	uint8_t rt[16] = { IPPROTO_UDP, 1 }; /* 16 bytes */
	uint8_t fr[8] = { IPPROTO_TCP, 0 };
	uint32_t off;
	int frag;

	(void)state;
	eth(&f, RTE_ETHER_TYPE_IPV6);
	ipv6(&f, IPPROTO_UDP);
	zeros(&f, 8);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6 | RTE_PTYPE_L4_UDP);
	assert_int_equal(lens.l3_len, 40);

	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_IPV6);
	ipv6(&f, IPPROTO_HOPOPTS);
	put(&f, hop, sizeof(hop));
	put(&f, rt, sizeof(rt));
	zeros(&f, 8);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT | RTE_PTYPE_L4_UDP);
	assert_int_equal(lens.l3_len, 64);

	/* A fragment header: L4_FRAG. */
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_IPV6);
	ipv6(&f, IPPROTO_FRAGMENT);
	put(&f, fr, sizeof(fr));
	tcp(&f, 5);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT | RTE_PTYPE_L4_FRAG);
	{
		struct rte_mbuf *m = to_mbuf(&f, 0);

		off = 54;
		assert_int_equal(rte_net_skip_ip6_ext(IPPROTO_FRAGMENT, m, &off,
					 &frag),
			IPPROTO_TCP);
		assert_int_equal(off, 62);
		assert_int_equal(frag, 1);
		/* Cut short inside an extension header: -1. */
		off = f.len - 1;
		assert_int_equal(rte_net_skip_ip6_ext(IPPROTO_HOPOPTS, m, &off,
					 &frag),
			-1);
		rte_pktmbuf_free(m);
	}
}

static void
test_tunnels(void **state)
{
	struct rte_net_hdr_lens lens;
	struct frame f = { .len = 0 };

	(void)state;
	/* IPv4 in IPv4, inner TCP. */
	eth(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_IPIP, 0, 0);
	ipv4(&f, IPPROTO_TCP, 0, 0);
	tcp(&f, 5);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_TUNNEL_IP |
			RTE_PTYPE_INNER_L3_IPV4 | RTE_PTYPE_INNER_L4_TCP);
	assert_int_equal(lens.inner_l3_len, 20);
	assert_int_equal(lens.inner_l4_len, 20);
	/* Without the tunnel layers the outer L4 stays unknown. */
	assert_int_equal(ptype_of(&f, 0, NULL,
				 RTE_PTYPE_L2_MASK | RTE_PTYPE_L3_MASK |
					 RTE_PTYPE_L4_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4);

	/* GRE with a key carrying IPv6/UDP. */
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_GRE, 0, 0);
	put16(&f, 0x2000);
	put16(&f, RTE_ETHER_TYPE_IPV6);
	zeros(&f, 4);
	ipv6(&f, IPPROTO_UDP);
	zeros(&f, 8);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_TUNNEL_GRE |
			RTE_PTYPE_INNER_L3_IPV6 | RTE_PTYPE_INNER_L4_UDP);
	assert_int_equal(lens.tunnel_len, 8);

	/* NVGRE: GRE with a key carrying Ethernet (TEB) with a VLAN tag. */
	f.len = 0;
	eth(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_GRE, 0, 0);
	put16(&f, 0x2000);
	put16(&f, RTE_ETHER_TYPE_TEB);
	zeros(&f, 4);
	eth(&f, RTE_ETHER_TYPE_VLAN);
	put16(&f, 7);
	put16(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_UDP, 1, 0);
	zeros(&f, 8);
	assert_int_equal(ptype_of(&f, 0, &lens, RTE_PTYPE_ALL_MASK),
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 |
			RTE_PTYPE_TUNNEL_NVGRE | RTE_PTYPE_INNER_L2_ETHER_VLAN |
			RTE_PTYPE_INNER_L3_IPV4_EXT | RTE_PTYPE_INNER_L4_UDP);
	assert_int_equal(lens.inner_l2_len, 18);
	assert_int_equal(lens.inner_l3_len, 24);
}

static void
test_cksum_prepare(void **state)
{
	struct frame f = { .len = 0 };
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *udp;
	struct rte_mbuf *m;

	(void)state;
	eth(&f, RTE_ETHER_TYPE_IPV4);
	ipv4(&f, IPPROTO_UDP, 0, 0);
	f.b[14 + 10] = 0xab; /* a stale IP checksum */
	f.b[14 + 3] = 28;    /* total length */
	zeros(&f, 8);
	m = to_mbuf(&f, 0);
	m->l2_len = 14;
	m->l3_len = 20;
	m->l4_len = 8;
	m->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
		RTE_MBUF_F_TX_UDP_CKSUM;
	assert_int_equal(rte_net_intel_cksum_prepare(m), 0);
	ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, 14);
	udp = rte_pktmbuf_mtod_offset(m, struct rte_udp_hdr *, 34);
	assert_int_equal(ip->hdr_checksum, 0);
	assert_int_equal(udp->dgram_cksum, rte_ipv4_phdr_cksum(ip, 0));
	/* Headers longer than the first segment: -ENOTSUP. */
	m->l4_len = 200;
	assert_int_equal(rte_net_intel_cksum_prepare(m), -ENOTSUP);
	/* No offload asked: nothing to do. */
	assert_int_equal(rte_net_intel_cksum_flags_prepare(m, 0), 0);
	rte_pktmbuf_free(m);
}

static int
setup(void **state)
{
	char *argv[] = { "test", "--no-huge", "-m", "64", "--no-pci", "-l", "0",
		"--log-level=crit", NULL };

	(void)state;
	if (rte_eal_init(8, argv) < 0)
		return -1;
	pool = rte_pktmbuf_pool_create("net_pool", 255, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
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
		cmocka_unit_test(test_l2),
		cmocka_unit_test(test_ipv4_l4),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_tunnels),
		cmocka_unit_test(test_cksum_prepare),
	};

	return cmocka_run_group_tests_name("net_ptype", tests, setup, teardown);
}
