/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * What needs no EAL: MAC address helpers, the wire layout of the
 * headers, checksums, link and offload names, Tx buffer arguments, every
 * ethdev call on ports that do not exist, and the driver interface on a
 * "bare" port (one made with rte_eth_dev_allocate() and no operations).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <rte_arp.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_icmp.h>
#include <rte_ip.h>
#include <rte_log.h>
#include <rte_tcp.h>
#include <rte_udp.h>
#include <ethdev_driver.h>

static void
test_mac_predicates(void **state)
{
	const struct rte_ether_addr zero = { { 0 } };
	const struct rte_ether_addr bcast = { { 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff } };
	const struct rte_ether_addr mcast = { { 0x01, 0x00, 0x5e, 0, 0, 1 } };
	const struct rte_ether_addr local = { { 0x02, 0, 0, 0, 0, 1 } };
	const struct rte_ether_addr vendor = { { 0x00, 0x1b, 0x21, 1, 2, 3 } };
	struct rte_ether_addr copy;

	(void)state;
	assert_true(rte_is_zero_ether_addr(&zero));
	assert_false(rte_is_zero_ether_addr(&local));
	assert_true(rte_is_broadcast_ether_addr(&bcast));
	assert_false(rte_is_broadcast_ether_addr(&mcast));
	assert_true(rte_is_multicast_ether_addr(&mcast));
	assert_true(rte_is_multicast_ether_addr(&bcast));
	assert_false(rte_is_unicast_ether_addr(&mcast));
	assert_true(rte_is_unicast_ether_addr(&vendor));
	assert_true(rte_is_universal_ether_addr(&vendor));
	assert_true(rte_is_local_admin_ether_addr(&local));
	assert_true(rte_is_valid_assigned_ether_addr(&vendor));
	assert_false(rte_is_valid_assigned_ether_addr(&zero));
	assert_false(rte_is_valid_assigned_ether_addr(&mcast));
	rte_ether_addr_copy(&vendor, &copy);
	assert_true(rte_is_same_ether_addr(&copy, &vendor));
	assert_false(rte_is_same_ether_addr(&copy, &local));
	assert_int_equal(sizeof(struct rte_ether_addr), 6);
	assert_int_equal(_Alignof(struct rte_ether_addr), 2);
}

static void
test_mac_format(void **state)
{
	const struct rte_ether_addr addr = { { 0x00, 0x1b, 0x21, 0xab, 0xcd,
		0xef } };
	char buf[RTE_ETHER_ADDR_FMT_SIZE];
	char small[6];

	(void)state;
	rte_ether_format_addr(buf, sizeof(buf), &addr);
	assert_string_equal(buf, "00:1B:21:AB:CD:EF");
	rte_ether_format_addr(small, sizeof(small), &addr);
	assert_string_equal(small, "00:1B");
	snprintf(buf, sizeof(buf), RTE_ETHER_ADDR_PRT_FMT,
		RTE_ETHER_ADDR_BYTES(&addr));
	assert_string_equal(buf, "00:1B:21:AB:CD:EF");
}

static void
test_mac_unformat(void **state)
{
	static const char *const good[] = {
		"00:1b:21:AB:cd:EF",
		"00-1B-21-AB-CD-EF",
		"001b:21ab:cdef",
	};
	static const char *const bad[] = {
		"",
		"00:1b:21:ab:cd",
		"00:1b:21:ab:cd:ef:00",
		"00:1b:21:ab:cd:eg",
		"0:1b:21:ab:cd:ef",
		"00:1b-21:ab:cd:ef",
		"001b:21ab:cdef:",
		"001b-21ab-cdef",
		"00:1b:21:ab:cd:ef ",
		"hello",
	};
	const struct rte_ether_addr want = { { 0x00, 0x1b, 0x21, 0xab, 0xcd,
		0xef } };
	const struct rte_ether_addr sentinel = { { 1, 2, 3, 4, 5, 6 } };
	struct rte_ether_addr got;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(good); i++) {
		memset(&got, 0, sizeof(got));
		assert_int_equal(rte_ether_unformat_addr(good[i], &got), 0);
		assert_true(rte_is_same_ether_addr(&got, &want));
	}
	for (i = 0; i < RTE_DIM(bad); i++) {
		got = sentinel;
		rte_errno = 0;
		assert_int_equal(rte_ether_unformat_addr(bad[i], &got), -1);
		assert_int_equal(rte_errno, EINVAL);
		assert_true(rte_is_same_ether_addr(&got, &sentinel));
	}
	assert_int_equal(rte_ether_unformat_addr(NULL, &got), -1);
	assert_int_equal(rte_ether_unformat_addr("00:00:00:00:00:01", NULL), -1);
}

static void
test_mac_random(void **state)
{
	struct rte_ether_addr a, b;
	unsigned int i, same = 0;

	(void)state;
	for (i = 0; i < 64; i++) {
		rte_eth_random_addr(a.addr_bytes);
		rte_eth_random_addr(b.addr_bytes);
		assert_true(rte_is_valid_assigned_ether_addr(&a));
		assert_true(rte_is_local_admin_ether_addr(&a));
		same += rte_is_same_ether_addr(&a, &b);
	}
	assert_true(same < 2);
}

static void
test_header_layout(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct rte_ether_hdr), 14);
	assert_int_equal(offsetof(struct rte_ether_hdr, dst_addr), 0);
	assert_int_equal(offsetof(struct rte_ether_hdr, src_addr), 6);
	assert_int_equal(offsetof(struct rte_ether_hdr, ether_type), 12);
	assert_int_equal(sizeof(struct rte_vlan_hdr), 4);
	assert_int_equal(sizeof(struct rte_ipv4_hdr), 20);
	assert_int_equal(offsetof(struct rte_ipv4_hdr, src_addr), 12);
	assert_int_equal(sizeof(struct rte_ipv6_hdr), 40);
	assert_int_equal(sizeof(struct rte_udp_hdr), 8);
	assert_int_equal(sizeof(struct rte_tcp_hdr), 20);
	assert_int_equal(sizeof(struct rte_icmp_hdr), 8);
	assert_int_equal(sizeof(struct rte_arp_hdr), 28);
	assert_int_equal(RTE_ETHER_HDR_LEN, 14);
	assert_int_equal(RTE_ETHER_MTU, 1500);
	assert_int_equal(RTE_ETHER_MIN_LEN, 64);
	assert_int_equal(RTE_ETHER_MAX_LEN, 1518);
	assert_int_equal(RTE_ETHER_CRC_LEN, 4);
	assert_int_equal(RTE_ETHER_TYPE_IPV4, 0x0800);
	assert_int_equal(RTE_ETHER_TYPE_IPV6, 0x86DD);
	assert_int_equal(RTE_ETHER_TYPE_ARP, 0x0806);
	assert_int_equal(RTE_ETHER_TYPE_VLAN, 0x8100);
	assert_int_equal(RTE_IPV4(192, 168, 0, 1), 0xc0a80001);
	assert_int_equal(sizeof(struct rte_eth_link), 8);
	assert_int_equal(_Alignof(struct rte_eth_link), 8);
	assert_int_equal(sizeof(struct rte_eth_fp_ops), 128);
	assert_int_equal(RTE_ETH_TX_BUFFER_SIZE(4),
		sizeof(struct rte_eth_dev_tx_buffer) + 4 * sizeof(void *));
}

static void
test_checksums(void **state)
{
	/* A classic example header: its checksum is 0xb861. */
	/* clang-format off */
	uint8_t hdr[20] = {
		0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
	};
	/* clang-format on */
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)hdr;
	const uint8_t odd[3] = { 0x01, 0x02, 0x03 };

	(void)state;
	assert_int_equal(rte_ipv4_hdr_len(ip), 20);
	assert_int_equal(rte_be_to_cpu_16(rte_ipv4_cksum(ip)), 0xb861);
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	assert_int_equal(rte_raw_cksum(hdr, sizeof(hdr)), 0xffff);
	/* 0x0102 + 0x0300 in network order. */
	assert_int_equal(rte_be_to_cpu_16(rte_raw_cksum(odd, sizeof(odd))),
		0x0402);
}

static void
test_udp_checksum(void **state)
{
	struct {
		struct rte_ipv4_hdr ip;
		struct rte_udp_hdr udp;
		uint8_t payload[5];
	} __rte_packed pkt;

	(void)state;
	memset(&pkt, 0, sizeof(pkt));
	pkt.ip.version_ihl = RTE_IPV4_VHL_DEF;
	pkt.ip.total_length = rte_cpu_to_be_16(sizeof(pkt));
	pkt.ip.time_to_live = 64;
	pkt.ip.next_proto_id = IPPROTO_UDP;
	pkt.ip.src_addr = rte_cpu_to_be_32(RTE_IPV4(198, 18, 0, 1));
	pkt.ip.dst_addr = rte_cpu_to_be_32(RTE_IPV4(198, 18, 0, 2));
	pkt.udp.src_port = rte_cpu_to_be_16(9);
	pkt.udp.dst_port = rte_cpu_to_be_16(9);
	pkt.udp.dgram_len = rte_cpu_to_be_16(sizeof(pkt.udp) + 5);
	memcpy(pkt.payload, "hello", 5);
	assert_int_equal(rte_ipv4_udptcp_cksum_verify(&pkt.ip, &pkt.udp), -1);
	pkt.udp.dgram_cksum = rte_ipv4_udptcp_cksum(&pkt.ip, &pkt.udp);
	assert_int_not_equal(pkt.udp.dgram_cksum, 0);
	assert_int_equal(rte_ipv4_udptcp_cksum_verify(&pkt.ip, &pkt.udp), 0);
}

static void
test_link_strings(void **state)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = RTE_ETH_LINK_UP,
	};
	char buf[RTE_ETH_LINK_MAX_STR_LEN], small[8];

	(void)state;
	assert_string_equal(rte_eth_link_speed_to_str(0), "None");
	assert_string_equal(rte_eth_link_speed_to_str(10), "10 Mbps");
	assert_string_equal(rte_eth_link_speed_to_str(100), "100 Mbps");
	assert_string_equal(rte_eth_link_speed_to_str(1000), "1 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(2500), "2.5 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(5000), "5 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(10000), "10 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(20000), "20 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(25000), "25 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(40000), "40 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(50000), "50 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(56000), "56 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(100000), "100 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(200000), "200 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(UINT32_MAX), "Unknown");
	assert_string_equal(rte_eth_link_speed_to_str(12345), "Invalid");

	assert_int_equal(rte_eth_link_to_str(buf, sizeof(buf), &link), 28);
	assert_string_equal(buf, "Link up at 10 Gbps FDX Fixed");
	link.link_duplex = RTE_ETH_LINK_HALF_DUPLEX;
	link.link_autoneg = RTE_ETH_LINK_AUTONEG;
	link.link_speed = RTE_ETH_SPEED_NUM_100M;
	rte_eth_link_to_str(buf, sizeof(buf), &link);
	assert_string_equal(buf, "Link up at 100 Mbps HDX Autoneg");
	assert_int_equal(rte_eth_link_to_str(small, sizeof(small), &link), 31);
	assert_string_equal(small, "Link up");
	link.link_status = RTE_ETH_LINK_DOWN;
	assert_int_equal(rte_eth_link_to_str(buf, sizeof(buf), &link), 9);
	assert_string_equal(buf, "Link down");
	assert_int_equal(rte_eth_link_to_str(NULL, 8, &link), -EINVAL);
	assert_int_equal(rte_eth_link_to_str(buf, 0, &link), -EINVAL);
	assert_int_equal(rte_eth_link_to_str(buf, sizeof(buf), NULL), -EINVAL);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(rte_eth_dev_rx_offload_name(
				    RTE_ETH_RX_OFFLOAD_VLAN_STRIP),
		"VLAN_STRIP");
	assert_string_equal(rte_eth_dev_rx_offload_name(
				    RTE_ETH_RX_OFFLOAD_TIMESTAMP),
		"TIMESTAMP");
	assert_string_equal(rte_eth_dev_rx_offload_name(RTE_BIT64(8)),
		"UNKNOWN");
	assert_string_equal(rte_eth_dev_tx_offload_name(
				    RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE),
		"MBUF_FAST_FREE");
	assert_string_equal(rte_eth_dev_capability_name(
				    RTE_ETH_DEV_CAPA_RXQ_SHARE),
		"RXQ_SHARE");
	assert_int_equal(rte_eth_speed_bitflag(RTE_ETH_SPEED_NUM_10G, 1),
		RTE_ETH_LINK_SPEED_10G);
	assert_int_equal(rte_eth_speed_bitflag(RTE_ETH_SPEED_NUM_10M, 0),
		RTE_ETH_LINK_SPEED_10M_HD);
	assert_int_equal(rte_eth_speed_bitflag(7, 1), 0);
	assert_int_equal(rte_eth_rss_hf_refine(RTE_ETH_RSS_IPV4 |
				 RTE_ETH_RSS_L3_SRC_ONLY |
				 RTE_ETH_RSS_L3_DST_ONLY),
		RTE_ETH_RSS_IPV4);
}

static void
test_tx_buffer_args(void **state)
{
	struct rte_eth_dev_tx_buffer *buf = calloc(1, RTE_ETH_TX_BUFFER_SIZE(4));
	uint64_t count = 7;

	(void)state;
	assert_non_null(buf);
	assert_int_equal(rte_eth_tx_buffer_init(NULL, 4), -EINVAL);
	assert_int_equal(rte_eth_tx_buffer_init(buf, 0), -EINVAL);
	assert_int_equal(rte_eth_tx_buffer_init(buf, 4), 0);
	assert_int_equal(buf->size, 4);
	assert_int_equal(buf->length, 0);
	assert_ptr_equal(buf->error_callback, rte_eth_tx_buffer_drop_callback);
	assert_int_equal(rte_eth_tx_buffer_set_err_callback(NULL,
				 rte_eth_tx_buffer_count_callback, &count),
		-EINVAL);
	assert_int_equal(rte_eth_tx_buffer_set_err_callback(buf, NULL, NULL),
		-EINVAL);
	assert_int_equal(rte_eth_tx_buffer_set_err_callback(buf,
				 rte_eth_tx_buffer_count_callback, &count),
		0);
	/* A set callback survives init. */
	assert_int_equal(rte_eth_tx_buffer_init(buf, 4), 0);
	assert_ptr_equal(buf->error_callback, rte_eth_tx_buffer_count_callback);
	rte_eth_tx_buffer_count_callback(NULL, 0, &count);
	assert_int_equal(count, 7);
	/* Flushing an empty buffer sends nothing, even on no port. */
	assert_int_equal(rte_eth_tx_buffer_flush(3, 0, buf), 0);
	free(buf);
}

static int
count_event(uint16_t port_id, enum rte_eth_event_type event, void *arg,
	void *ret_param)
{
	int *counts = arg;

	(void)port_id;
	(void)ret_param;
	counts[event]++;
	return 0;
}

static void
test_no_ports(void **state)
{
	struct rte_eth_conf conf;
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	struct rte_eth_stats stats;
	struct rte_ether_addr mac;
	struct rte_mbuf *pkts[4] = { NULL };
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t port_id, mtu;
	int counts[RTE_ETH_EVENT_MAX] = { 0 };

	(void)state;
	memset(&conf, 0, sizeof(conf));
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	assert_int_equal(rte_eth_dev_count_total(), 0);
	assert_int_equal(rte_eth_find_next(0), RTE_MAX_ETHPORTS);
	assert_int_equal(rte_eth_find_next_owned_by(0, 0), RTE_MAX_ETHPORTS);
	RTE_ETH_FOREACH_DEV (port_id)
		fail();
	assert_false(rte_eth_dev_is_valid_port(0));
	assert_false(rte_eth_dev_is_valid_port(RTE_MAX_ETHPORTS));
	rte_errno = 0;
	assert_int_equal(rte_eth_dev_socket_id(0), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_eth_dev_info_get(0, &info), -ENODEV);
	assert_int_equal(rte_eth_dev_configure(0, 1, 1, &conf), -ENODEV);
	assert_int_equal(rte_eth_dev_start(5), -ENODEV);
	assert_int_equal(rte_eth_dev_stop(5), -ENODEV);
	assert_int_equal(rte_eth_dev_close(5), -ENODEV);
	assert_int_equal(rte_eth_dev_reset(5), -ENODEV);
	assert_int_equal(rte_eth_tx_queue_setup(1, 0, 0, 0, NULL), -ENODEV);
	assert_int_equal(rte_eth_promiscuous_enable(0), -ENODEV);
	assert_int_equal(rte_eth_promiscuous_get(0), -ENODEV);
	assert_int_equal(rte_eth_allmulticast_get(0), -ENODEV);
	assert_int_equal(rte_eth_macaddr_get(0, &mac), -ENODEV);
	assert_int_equal(rte_eth_dev_get_mtu(0, &mtu), -ENODEV);
	assert_int_equal(rte_eth_dev_set_mtu(0, 1500), -ENODEV);
	assert_int_equal(rte_eth_link_get_nowait(0, &link), -ENODEV);
	assert_int_equal(rte_eth_stats_get(0, &stats), -ENODEV);
	assert_int_equal(rte_eth_xstats_get(0, NULL, 0), -ENODEV);
	assert_int_equal(rte_eth_dev_get_name_by_port(0, name), -ENODEV);
	assert_int_equal(rte_eth_dev_get_port_by_name("x", &port_id), -ENODEV);
	assert_int_equal(rte_eth_dev_callback_register(0,
				 RTE_ETH_EVENT_INTR_LSC, count_event, counts),
		-EINVAL);
	assert_null(rte_eth_add_rx_callback(0, 0, NULL, NULL));
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_eth_dev_rx_intr_ctl_q_get_fd(0, 0), -1);
	assert_int_equal(rte_eth_dev_is_removed(0), 0);
	/* Bursts on ports that are not started never crash. */
	assert_int_equal(rte_eth_rx_burst(0, 0, pkts, 4), 0);
	assert_int_equal(rte_eth_tx_burst(RTE_MAX_ETHPORTS - 1,
				 RTE_MAX_QUEUES_PER_PORT - 1, pkts, 4),
		0);
#ifndef RTE_LIBRTE_ETHDEV_DEBUG
	assert_int_equal(rte_eth_rx_queue_count(0, 0), -ENOTSUP);
	assert_int_equal(rte_eth_tx_prepare(0, 0, pkts, 4), 4);
#endif
}

/* A port with no operations at all: every call says -ENOTSUP. */
static void
test_bare_port(void **state)
{
	int counts[RTE_ETH_EVENT_MAX] = { 0 };
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	struct rte_eth_link link;
	struct rte_eth_stats stats;
	struct rte_eth_dev *dev;
	char name[RTE_ETH_NAME_MAX_LEN];
	char long_name[RTE_ETH_NAME_MAX_LEN + 1];
	uint16_t port_id;
	uint64_t clock;

	(void)state;
	memset(&conf, 0, sizeof(conf));
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_null(rte_eth_dev_allocate(NULL));
	assert_null(rte_eth_dev_allocate(""));
	assert_null(rte_eth_dev_allocate(long_name));
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL,
				 RTE_ETH_EVENT_NEW, count_event, counts),
		0);
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL,
				 RTE_ETH_EVENT_DESTROY, count_event, counts),
		0);

	dev = rte_eth_dev_allocate("bare0");
	assert_non_null(dev);
	assert_null(rte_eth_dev_allocate("bare0"));
	assert_ptr_equal(rte_eth_dev_allocated("bare0"), dev);
	port_id = dev->data->port_id;
	/* Allocated is not valid yet. */
	assert_false(rte_eth_dev_is_valid_port(port_id));
	assert_int_equal(dev->data->mtu, RTE_ETHER_MTU);
	rte_eth_dev_probing_finish(dev);
	assert_int_equal(counts[RTE_ETH_EVENT_NEW], 1);
	assert_true(rte_eth_dev_is_valid_port(port_id));
	assert_int_equal(rte_eth_dev_count_avail(), 1);
	assert_int_equal(rte_eth_dev_get_name_by_port(port_id, name), 0);
	assert_string_equal(name, "bare0");

	assert_int_equal(rte_eth_dev_info_get(port_id, &info), -ENOTSUP);
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &conf), -ENOTSUP);
	assert_int_equal(rte_eth_dev_start(port_id), -ENOTSUP);
	assert_int_equal(rte_eth_dev_stop(port_id), -ENOTSUP);
	assert_int_equal(rte_eth_dev_reset(port_id), -ENOTSUP);
	assert_int_equal(rte_eth_dev_set_link_up(port_id), -ENOTSUP);
	assert_int_equal(rte_eth_promiscuous_enable(port_id), -ENOTSUP);
	assert_int_equal(rte_eth_promiscuous_get(port_id), 0);
	assert_int_equal(rte_eth_allmulticast_enable(port_id), -ENOTSUP);
	assert_int_equal(rte_eth_link_get(port_id, &link), -ENOTSUP);
	assert_int_equal(rte_eth_stats_get(port_id, &stats), -ENOTSUP);
	assert_int_equal(rte_eth_stats_reset(port_id), -ENOTSUP);
	assert_int_equal(rte_eth_xstats_reset(port_id), -ENOTSUP);
	assert_int_equal(rte_eth_read_clock(port_id, &clock), -ENOTSUP);
	assert_int_equal(rte_eth_dev_fw_version_get(port_id, NULL, 0), -ENOTSUP);
	assert_int_equal(rte_eth_dev_set_mc_addr_list(port_id, NULL, 0),
		-ENOTSUP);
	/* The driver cannot be told about ptypes: nothing to do. */
	assert_int_equal(rte_eth_dev_get_supported_ptypes(port_id,
				 RTE_PTYPE_ALL_MASK, NULL, 0),
		0);
	assert_int_equal(rte_eth_dev_set_ptypes(port_id, RTE_PTYPE_UNKNOWN,
				 NULL, 0),
		0);
	/* No MAC table either. */
	assert_int_equal(rte_eth_macaddr_get(port_id,
				 &(struct rte_ether_addr){ { 0 } }),
		-ENOTSUP);
	assert_int_equal(rte_eth_dev_close(port_id), -ENOTSUP);

	assert_int_equal(rte_eth_dev_release_port(dev), 0);
	assert_int_equal(counts[RTE_ETH_EVENT_DESTROY], 1);
	assert_false(rte_eth_dev_is_valid_port(port_id));
	assert_null(rte_eth_dev_allocated("bare0"));
	assert_int_equal(rte_eth_dev_release_port(NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_callback_unregister(RTE_ETH_ALL,
				 RTE_ETH_EVENT_NEW, count_event, (void *)-1),
		0);
	assert_int_equal(rte_eth_dev_callback_unregister(RTE_ETH_ALL,
				 RTE_ETH_EVENT_DESTROY, count_event, counts),
		0);
}

/* Failed probes release the port without a DESTROY event. */
static void
test_port_table_full(void **state)
{
	struct rte_eth_dev *devs[RTE_MAX_ETHPORTS];
	char name[32];
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		snprintf(name, sizeof(name), "full%u", i);
		devs[i] = rte_eth_dev_allocate(name);
		assert_non_null(devs[i]);
		assert_int_equal(devs[i]->data->port_id, i);
	}
	assert_null(rte_eth_dev_allocate("one_too_many"));
	assert_int_equal(rte_errno, ENOSPC);
	/* Allocated but not probed: not counted. */
	assert_int_equal(rte_eth_dev_count_total(), 0);
	for (i = 0; i < RTE_MAX_ETHPORTS; i++)
		assert_int_equal(rte_eth_dev_release_port(devs[i]), 0);
	devs[0] = rte_eth_dev_allocate("again");
	assert_non_null(devs[0]);
	assert_int_equal(devs[0]->data->port_id, 0);
	assert_int_equal(rte_eth_dev_release_port(devs[0]), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mac_predicates),
		cmocka_unit_test(test_mac_format),
		cmocka_unit_test(test_mac_unformat),
		cmocka_unit_test(test_mac_random),
		cmocka_unit_test(test_header_layout),
		cmocka_unit_test(test_checksums),
		cmocka_unit_test(test_udp_checksum),
		cmocka_unit_test(test_link_strings),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_tx_buffer_args),
		cmocka_unit_test(test_no_ports),
		cmocka_unit_test(test_bare_port),
		cmocka_unit_test(test_port_table_full),
	};

	rte_log_set_level(rte_eth_dev_logtype, RTE_LOG_CRIT);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
