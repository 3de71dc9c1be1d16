/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Names of packet types and offload flags: every field and flag, the
 * multi-bit values, the list writers, and their buffer-size errors. The
 * expected strings are what DPDK 22.11 prints. No EAL needed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <rte_mbuf.h>
#include <rte_mbuf_ptype.h>

struct ptype_case {
	uint32_t ptype;
	const char *(*fn)(uint32_t);
	const char *name;
};

static const struct ptype_case ptype_cases[] = {
	{ RTE_PTYPE_L2_ETHER, rte_get_ptype_l2_name, "L2_ETHER" },
	{ RTE_PTYPE_L2_ETHER_TIMESYNC, rte_get_ptype_l2_name,
		"L2_ETHER_TIMESYNC" },
	{ RTE_PTYPE_L2_ETHER_ARP, rte_get_ptype_l2_name, "L2_ETHER_ARP" },
	{ RTE_PTYPE_L2_ETHER_LLDP, rte_get_ptype_l2_name, "L2_ETHER_LLDP" },
	{ RTE_PTYPE_L2_ETHER_NSH, rte_get_ptype_l2_name, "L2_ETHER_NSH" },
	{ RTE_PTYPE_L2_ETHER_VLAN, rte_get_ptype_l2_name, "L2_ETHER_VLAN" },
	{ RTE_PTYPE_L2_ETHER_QINQ, rte_get_ptype_l2_name, "L2_ETHER_QINQ" },
	{ RTE_PTYPE_L2_ETHER_PPPOE, rte_get_ptype_l2_name, "L2_ETHER_PPPOE" },
	{ RTE_PTYPE_L2_ETHER_FCOE, rte_get_ptype_l2_name, "L2_ETHER_FCOE" },
	{ RTE_PTYPE_L2_ETHER_MPLS, rte_get_ptype_l2_name, "L2_ETHER_MPLS" },
	{ 0, rte_get_ptype_l2_name, "L2_UNKNOWN" },
	{ 0xf, rte_get_ptype_l2_name, "L2_UNKNOWN" },
	{ RTE_PTYPE_L3_IPV4, rte_get_ptype_l3_name, "L3_IPV4" },
	{ RTE_PTYPE_L3_IPV4_EXT, rte_get_ptype_l3_name, "L3_IPV4_EXT" },
	{ RTE_PTYPE_L3_IPV6, rte_get_ptype_l3_name, "L3_IPV6" },
	{ RTE_PTYPE_L3_IPV4_EXT_UNKNOWN, rte_get_ptype_l3_name,
		"L3_IPV4_EXT_UNKNOWN" },
	{ RTE_PTYPE_L3_IPV6_EXT, rte_get_ptype_l3_name, "L3_IPV6_EXT" },
	{ RTE_PTYPE_L3_IPV6_EXT_UNKNOWN, rte_get_ptype_l3_name,
		"L3_IPV6_EXT_UNKNOWN" },
	{ 0x20, rte_get_ptype_l3_name, "L3_UNKNOWN" },
	{ RTE_PTYPE_L4_TCP, rte_get_ptype_l4_name, "L4_TCP" },
	{ RTE_PTYPE_L4_UDP, rte_get_ptype_l4_name, "L4_UDP" },
	{ RTE_PTYPE_L4_FRAG, rte_get_ptype_l4_name, "L4_FRAG" },
	{ RTE_PTYPE_L4_SCTP, rte_get_ptype_l4_name, "L4_SCTP" },
	{ RTE_PTYPE_L4_ICMP, rte_get_ptype_l4_name, "L4_ICMP" },
	{ RTE_PTYPE_L4_NONFRAG, rte_get_ptype_l4_name, "L4_NONFRAG" },
	{ RTE_PTYPE_L4_IGMP, rte_get_ptype_l4_name, "L4_IGMP" },
	{ 0, rte_get_ptype_l4_name, "L4_UNKNOWN" },
	{ RTE_PTYPE_TUNNEL_IP, rte_get_ptype_tunnel_name, "TUNNEL_IP" },
	{ RTE_PTYPE_TUNNEL_GRE, rte_get_ptype_tunnel_name, "TUNNEL_GRE" },
	{ RTE_PTYPE_TUNNEL_VXLAN, rte_get_ptype_tunnel_name, "TUNNEL_VXLAN" },
	{ RTE_PTYPE_TUNNEL_NVGRE, rte_get_ptype_tunnel_name, "TUNNEL_NVGRE" },
	{ RTE_PTYPE_TUNNEL_GENEVE, rte_get_ptype_tunnel_name, "TUNNEL_GENEVE" },
	{ RTE_PTYPE_TUNNEL_GRENAT, rte_get_ptype_tunnel_name, "TUNNEL_GRENAT" },
	{ RTE_PTYPE_TUNNEL_GTPC, rte_get_ptype_tunnel_name, "TUNNEL_GTPC" },
	{ RTE_PTYPE_TUNNEL_GTPU, rte_get_ptype_tunnel_name, "TUNNEL_GTPU" },
	{ RTE_PTYPE_TUNNEL_ESP, rte_get_ptype_tunnel_name, "TUNNEL_ESP" },
	{ RTE_PTYPE_TUNNEL_L2TP, rte_get_ptype_tunnel_name, "TUNNEL_L2TP" },
	{ RTE_PTYPE_TUNNEL_VXLAN_GPE, rte_get_ptype_tunnel_name,
		"TUNNEL_VXLAN_GPE" },
	{ RTE_PTYPE_TUNNEL_MPLS_IN_GRE, rte_get_ptype_tunnel_name,
		"TUNNEL_MPLS_IN_GRE" },
	{ RTE_PTYPE_TUNNEL_MPLS_IN_UDP, rte_get_ptype_tunnel_name,
		"TUNNEL_MPLS_IN_UDP" },
	{ 0xf000, rte_get_ptype_tunnel_name, "TUNNEL_UNKNOWN" },
	{ RTE_PTYPE_INNER_L2_ETHER, rte_get_ptype_inner_l2_name,
		"INNER_L2_ETHER" },
	{ RTE_PTYPE_INNER_L2_ETHER_VLAN, rte_get_ptype_inner_l2_name,
		"INNER_L2_ETHER_VLAN" },
	{ RTE_PTYPE_INNER_L2_ETHER_QINQ, rte_get_ptype_inner_l2_name,
		"INNER_L2_ETHER_QINQ" },
	{ 0, rte_get_ptype_inner_l2_name, "INNER_L2_UNKNOWN" },
	{ RTE_PTYPE_INNER_L3_IPV4, rte_get_ptype_inner_l3_name,
		"INNER_L3_IPV4" },
	{ RTE_PTYPE_INNER_L3_IPV4_EXT, rte_get_ptype_inner_l3_name,
		"INNER_L3_IPV4_EXT" },
	{ RTE_PTYPE_INNER_L3_IPV6, rte_get_ptype_inner_l3_name,
		"INNER_L3_IPV6" },
	{ RTE_PTYPE_INNER_L3_IPV4_EXT_UNKNOWN, rte_get_ptype_inner_l3_name,
		"INNER_L3_IPV4_EXT_UNKNOWN" },
	{ RTE_PTYPE_INNER_L3_IPV6_EXT, rte_get_ptype_inner_l3_name,
		"INNER_L3_IPV6_EXT" },
	{ RTE_PTYPE_INNER_L3_IPV6_EXT_UNKNOWN, rte_get_ptype_inner_l3_name,
		"INNER_L3_IPV6_EXT_UNKNOWN" },
	{ 0, rte_get_ptype_inner_l3_name, "INNER_L3_UNKNOWN" },
	{ RTE_PTYPE_INNER_L4_TCP, rte_get_ptype_inner_l4_name, "INNER_L4_TCP" },
	{ RTE_PTYPE_INNER_L4_UDP, rte_get_ptype_inner_l4_name, "INNER_L4_UDP" },
	{ RTE_PTYPE_INNER_L4_FRAG, rte_get_ptype_inner_l4_name,
		"INNER_L4_FRAG" },
	{ RTE_PTYPE_INNER_L4_SCTP, rte_get_ptype_inner_l4_name,
		"INNER_L4_SCTP" },
	{ RTE_PTYPE_INNER_L4_ICMP, rte_get_ptype_inner_l4_name,
		"INNER_L4_ICMP" },
	{ RTE_PTYPE_INNER_L4_NONFRAG, rte_get_ptype_inner_l4_name,
		"INNER_L4_NONFRAG" },
	{ 0x0f000000, rte_get_ptype_inner_l4_name, "INNER_L4_UNKNOWN" },
};

static void
test_ptype_field_names(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ptype_cases) / sizeof(ptype_cases[0]); i++) {
		/* Other fields' bits must not change a field's name. */
		uint32_t noise = ~RTE_PTYPE_L2_MASK & ~RTE_PTYPE_L3_MASK &
			~RTE_PTYPE_L4_MASK & ~RTE_PTYPE_TUNNEL_MASK &
			~RTE_PTYPE_INNER_L2_MASK & ~RTE_PTYPE_INNER_L3_MASK &
			~RTE_PTYPE_INNER_L4_MASK;

		assert_string_equal(ptype_cases[i].fn(ptype_cases[i].ptype),
			ptype_cases[i].name);
		assert_string_equal(ptype_cases[i].fn(
					    ptype_cases[i].ptype | noise),
			ptype_cases[i].name);
	}
	assert_string_equal(rte_get_ptype_l4_name(RTE_PTYPE_L2_ETHER |
				    RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP),
		"L4_UDP");
}

static void
test_ptype_name(void **state)
{
	char buf[256];

	(void)state;
	assert_int_equal(rte_get_ptype_name(0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "UNKNOWN");
	/* Bits 28..31 carry no type: still unknown. */
	assert_int_equal(rte_get_ptype_name(0xf0000000, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "UNKNOWN");
	assert_int_equal(rte_get_ptype_name(RTE_PTYPE_L2_ETHER |
					 RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP,
				 buf, sizeof(buf)),
		0);
	assert_string_equal(buf, "L2_ETHER L3_IPV4 L4_TCP ");
	assert_int_equal(rte_get_ptype_name(RTE_PTYPE_L2_ETHER_MPLS |
					 RTE_PTYPE_L3_IPV6_EXT_UNKNOWN |
					 RTE_PTYPE_L4_IGMP |
					 RTE_PTYPE_TUNNEL_MPLS_IN_UDP |
					 RTE_PTYPE_INNER_L2_ETHER_QINQ |
					 RTE_PTYPE_INNER_L3_IPV6_EXT_UNKNOWN |
					 RTE_PTYPE_INNER_L4_NONFRAG,
				 buf, sizeof(buf)),
		0);
	assert_string_equal(buf,
		"L2_ETHER_MPLS L3_IPV6_EXT_UNKNOWN L4_IGMP "
		"TUNNEL_MPLS_IN_UDP INNER_L2_ETHER_QINQ "
		"INNER_L3_IPV6_EXT_UNKNOWN INNER_L4_NONFRAG ");
	/* A non-zero field with no name still shows, as unknown. */
	assert_int_equal(rte_get_ptype_name(0x20, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "L3_UNKNOWN ");
	assert_int_equal(rte_get_ptype_name(RTE_PTYPE_ALL_MASK, buf,
				 sizeof(buf)),
		0);
	assert_string_equal(buf,
		"L2_UNKNOWN L3_UNKNOWN L4_UNKNOWN "
		"TUNNEL_UNKNOWN INNER_L2_UNKNOWN INNER_L3_UNKNOWN "
		"INNER_L4_UNKNOWN ");
}

static void
test_ptype_name_errors(void **state)
{
	char buf[64];
	uint32_t ptype = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 |
		RTE_PTYPE_L4_TCP;

	(void)state;
	assert_int_equal(rte_get_ptype_name(ptype, NULL, 10), -1);
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(rte_get_ptype_name(ptype, buf, 0), -1);
	assert_int_equal(buf[0], 'x');
	/* Exactly enough: 24 characters and the NUL. */
	assert_int_equal(rte_get_ptype_name(ptype, buf, 25), 0);
	assert_string_equal(buf, "L2_ETHER L3_IPV4 L4_TCP ");
	assert_int_equal(rte_get_ptype_name(ptype, buf, 24), -1);
	assert_string_equal(buf, "L2_ETHER L3_IPV4 ");
	assert_int_equal(rte_get_ptype_name(ptype, buf, 10), -1);
	assert_string_equal(buf, "L2_ETHER ");
	assert_int_equal(rte_get_ptype_name(0, buf, 7), -1);
	assert_int_equal(rte_get_ptype_name(0, buf, 8), 0);
	assert_string_equal(buf, "UNKNOWN");
}

static void
test_ptype_macros(void **state)
{
	(void)state;
	assert_true(RTE_ETH_IS_IPV4_HDR(RTE_PTYPE_L3_IPV4_EXT_UNKNOWN));
	assert_false(RTE_ETH_IS_IPV4_HDR(RTE_PTYPE_L3_IPV6));
	assert_true(RTE_ETH_IS_IPV6_HDR(RTE_PTYPE_L3_IPV6_EXT));
	assert_false(RTE_ETH_IS_IPV6_HDR(RTE_PTYPE_L3_IPV4));
	assert_true(RTE_ETH_IS_TUNNEL_PKT(RTE_PTYPE_TUNNEL_VXLAN));
	assert_true(RTE_ETH_IS_TUNNEL_PKT(RTE_PTYPE_INNER_L4_TCP));
	assert_false(RTE_ETH_IS_TUNNEL_PKT(
		RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP));
}

#define FLAG(f) \
	{ \
		f, #f \
	}

struct flag_case {
	uint64_t mask;
	const char *name;
};

static const struct flag_case rx_flags[] = {
	FLAG(RTE_MBUF_F_RX_VLAN),
	FLAG(RTE_MBUF_F_RX_RSS_HASH),
	FLAG(RTE_MBUF_F_RX_FDIR),
	FLAG(RTE_MBUF_F_RX_L4_CKSUM_BAD),
	FLAG(RTE_MBUF_F_RX_IP_CKSUM_BAD),
	FLAG(RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD),
	FLAG(RTE_MBUF_F_RX_VLAN_STRIPPED),
	FLAG(RTE_MBUF_F_RX_IP_CKSUM_GOOD),
	FLAG(RTE_MBUF_F_RX_L4_CKSUM_GOOD),
	FLAG(RTE_MBUF_F_RX_IEEE1588_PTP),
	FLAG(RTE_MBUF_F_RX_IEEE1588_TMST),
	FLAG(RTE_MBUF_F_RX_FDIR_ID),
	FLAG(RTE_MBUF_F_RX_FDIR_FLX),
	FLAG(RTE_MBUF_F_RX_QINQ_STRIPPED),
	FLAG(RTE_MBUF_F_RX_LRO),
	FLAG(RTE_MBUF_F_RX_SEC_OFFLOAD),
	FLAG(RTE_MBUF_F_RX_SEC_OFFLOAD_FAILED),
	FLAG(RTE_MBUF_F_RX_QINQ),
	FLAG(RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD),
	FLAG(RTE_MBUF_F_RX_OUTER_L4_CKSUM_GOOD),
	FLAG(RTE_MBUF_F_RX_IP_CKSUM_NONE),
	FLAG(RTE_MBUF_F_RX_L4_CKSUM_NONE),
	FLAG(RTE_MBUF_F_RX_OUTER_L4_CKSUM_INVALID),
};

static const struct flag_case tx_flags[] = {
	FLAG(RTE_MBUF_F_TX_OUTER_UDP_CKSUM),
	FLAG(RTE_MBUF_F_TX_UDP_SEG),
	FLAG(RTE_MBUF_F_TX_SEC_OFFLOAD),
	FLAG(RTE_MBUF_F_TX_MACSEC),
	FLAG(RTE_MBUF_F_TX_TUNNEL_VXLAN),
	FLAG(RTE_MBUF_F_TX_TUNNEL_GRE),
	FLAG(RTE_MBUF_F_TX_TUNNEL_IPIP),
	FLAG(RTE_MBUF_F_TX_TUNNEL_GENEVE),
	FLAG(RTE_MBUF_F_TX_TUNNEL_MPLSINUDP),
	FLAG(RTE_MBUF_F_TX_TUNNEL_VXLAN_GPE),
	FLAG(RTE_MBUF_F_TX_TUNNEL_GTP),
	FLAG(RTE_MBUF_F_TX_TUNNEL_ESP),
	FLAG(RTE_MBUF_F_TX_TUNNEL_IP),
	FLAG(RTE_MBUF_F_TX_TUNNEL_UDP),
	FLAG(RTE_MBUF_F_TX_QINQ),
	FLAG(RTE_MBUF_F_TX_TCP_SEG),
	FLAG(RTE_MBUF_F_TX_IEEE1588_TMST),
	FLAG(RTE_MBUF_F_TX_TCP_CKSUM),
	FLAG(RTE_MBUF_F_TX_SCTP_CKSUM),
	FLAG(RTE_MBUF_F_TX_UDP_CKSUM),
	FLAG(RTE_MBUF_F_TX_IP_CKSUM),
	FLAG(RTE_MBUF_F_TX_IPV4),
	FLAG(RTE_MBUF_F_TX_IPV6),
	FLAG(RTE_MBUF_F_TX_VLAN),
	FLAG(RTE_MBUF_F_TX_OUTER_IP_CKSUM),
	FLAG(RTE_MBUF_F_TX_OUTER_IPV4),
	FLAG(RTE_MBUF_F_TX_OUTER_IPV6),
};

static void
test_ol_flag_names(void **state)
{
	size_t i;
	unsigned int bit;

	(void)state;
	for (i = 0; i < sizeof(rx_flags) / sizeof(rx_flags[0]); i++) {
		assert_string_equal(rte_get_rx_ol_flag_name(rx_flags[i].mask),
			rx_flags[i].name);
		assert_null(rte_get_tx_ol_flag_name(rx_flags[i].mask));
	}
	for (i = 0; i < sizeof(tx_flags) / sizeof(tx_flags[0]); i++) {
		assert_string_equal(rte_get_tx_ol_flag_name(tx_flags[i].mask),
			tx_flags[i].name);
		assert_null(rte_get_rx_ol_flag_name(tx_flags[i].mask));
	}
	/* A whole mask names the value equal to it, as in DPDK. */
	assert_string_equal(rte_get_tx_ol_flag_name(RTE_MBUF_F_TX_L4_MASK),
		"RTE_MBUF_F_TX_UDP_CKSUM");
	assert_null(rte_get_tx_ol_flag_name(RTE_MBUF_F_TX_TUNNEL_MASK));
	/* No names for 0, unused bits, dynamic bits, INDIRECT/EXTERNAL. */
	assert_null(rte_get_rx_ol_flag_name(0));
	assert_null(rte_get_tx_ol_flag_name(0));
	for (bit = 23; bit <= 40; bit++) {
		assert_null(rte_get_rx_ol_flag_name(1ULL << bit));
		assert_null(rte_get_tx_ol_flag_name(1ULL << bit));
	}
	assert_null(rte_get_rx_ol_flag_name(1ULL << 17));
	assert_null(rte_get_tx_ol_flag_name(RTE_MBUF_F_INDIRECT));
	assert_null(rte_get_tx_ol_flag_name(RTE_MBUF_F_EXTERNAL));
	assert_null(rte_get_rx_ol_flag_name(
		RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_RSS_HASH));
}

static void
test_ol_flag_lists(void **state)
{
	char buf[1024];

	(void)state;
	assert_int_equal(rte_get_rx_ol_flag_list(0, buf, sizeof(buf)), 0);
	assert_string_equal(buf,
		"RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN "
		"RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN "
		"RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN ");
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN |
					 RTE_MBUF_F_RX_IP_CKSUM_GOOD |
					 RTE_MBUF_F_RX_L4_CKSUM_NONE,
				 buf, sizeof(buf)),
		0);
	assert_string_equal(buf,
		"RTE_MBUF_F_RX_VLAN "
		"RTE_MBUF_F_RX_L4_CKSUM_NONE RTE_MBUF_F_RX_IP_CKSUM_GOOD "
		"RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN ");
	/* Unnamed bits are left out. */
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_IP_CKSUM_BAD |
					 (1ULL << 17) | (1ULL << 30),
				 buf, sizeof(buf)),
		0);
	assert_string_equal(buf,
		"RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN "
		"RTE_MBUF_F_RX_IP_CKSUM_BAD "
		"RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN ");
	assert_int_equal(rte_get_tx_ol_flag_list(0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "RTE_MBUF_F_TX_L4_NO_CKSUM ");
	assert_int_equal(rte_get_tx_ol_flag_list(RTE_MBUF_F_TX_IPV4 |
					 RTE_MBUF_F_TX_UDP_CKSUM |
					 RTE_MBUF_F_TX_TUNNEL_VXLAN |
					 RTE_MBUF_F_INDIRECT,
				 buf, sizeof(buf)),
		0);
	assert_string_equal(buf,
		"RTE_MBUF_F_TX_UDP_CKSUM RTE_MBUF_F_TX_IPV4 "
		"RTE_MBUF_F_TX_TUNNEL_VXLAN ");
}

static void
test_ol_flag_list_errors(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN, NULL, 10),
		-1);
	assert_int_equal(rte_get_tx_ol_flag_list(0, NULL, 10), -1);
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN, buf, 0),
		-1);
	assert_int_equal(buf[0], 'x');
	/* Too small: -1, with what fits of the list, as DPDK 22.11 does. */
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN, buf, 5),
		-1);
	assert_string_equal(buf, "RTE_");
	/* Room for the first name only: the others do not fit. */
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN, buf, 20),
		-1);
	assert_string_equal(buf, "RTE_MBUF_F_RX_VLAN ");
	/* 26 characters and the NUL fit exactly. */
	assert_int_equal(rte_get_tx_ol_flag_list(0, buf, 27), 0);
	assert_int_equal(rte_get_tx_ol_flag_list(0, buf, 26), -1);
	assert_string_equal(buf, "RTE_MBUF_F_TX_L4_NO_CKSUM");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ptype_field_names),
		cmocka_unit_test(test_ptype_name),
		cmocka_unit_test(test_ptype_name_errors),
		cmocka_unit_test(test_ptype_macros),
		cmocka_unit_test(test_ol_flag_names),
		cmocka_unit_test(test_ol_flag_lists),
		cmocka_unit_test(test_ol_flag_list_errors),
	};

	return cmocka_run_group_tests_name("mbuf_names", tests, NULL, NULL);
}
