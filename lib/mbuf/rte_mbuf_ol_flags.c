/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Names of the offload flags in mbuf->ol_flags.
 *
 * Some flags are not single bits but small values under a mask (the rx
 * checksum states, the tx L4 checksum kind, the tx tunnel type). Each
 * table entry is therefore a (value, mask) pair: ol_flags shows the entry
 * when (ol_flags & mask) == value. An entry whose value is 0 (such as
 * RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN) shows in lists but has no name of its
 * own, since a lone 0 names nothing.
 */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_mbuf.h>

struct ol_flag_name {
	uint64_t value;
	uint64_t mask;
	const char *name;
};

/* A single-bit flag, and a value of a multi-bit field. */
#define OL_BIT(flag) \
	{ \
		flag, flag, #flag \
	}
#define OL_VALUE(flag, mask) \
	{ \
		flag, mask, #flag \
	}

/* In the order lists are written. */
static const struct ol_flag_name rx_ol_flags[] = {
	OL_BIT(RTE_MBUF_F_RX_VLAN),
	OL_BIT(RTE_MBUF_F_RX_RSS_HASH),
	OL_BIT(RTE_MBUF_F_RX_FDIR),
	OL_VALUE(RTE_MBUF_F_RX_L4_CKSUM_BAD, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_L4_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_L4_CKSUM_NONE, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_IP_CKSUM_BAD, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_IP_CKSUM_NONE, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	OL_BIT(RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD),
	OL_BIT(RTE_MBUF_F_RX_VLAN_STRIPPED),
	OL_BIT(RTE_MBUF_F_RX_IEEE1588_PTP),
	OL_BIT(RTE_MBUF_F_RX_IEEE1588_TMST),
	OL_BIT(RTE_MBUF_F_RX_FDIR_ID),
	OL_BIT(RTE_MBUF_F_RX_FDIR_FLX),
	OL_BIT(RTE_MBUF_F_RX_QINQ_STRIPPED),
	OL_BIT(RTE_MBUF_F_RX_LRO),
	OL_BIT(RTE_MBUF_F_RX_SEC_OFFLOAD),
	OL_BIT(RTE_MBUF_F_RX_SEC_OFFLOAD_FAILED),
	OL_BIT(RTE_MBUF_F_RX_QINQ),
	OL_VALUE(RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD,
		RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_OUTER_L4_CKSUM_GOOD,
		RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_OUTER_L4_CKSUM_INVALID,
		RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
	OL_VALUE(RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN,
		RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
};

static const struct ol_flag_name tx_ol_flags[] = {
	OL_BIT(RTE_MBUF_F_TX_VLAN),
	OL_BIT(RTE_MBUF_F_TX_IP_CKSUM),
	OL_VALUE(RTE_MBUF_F_TX_TCP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	OL_VALUE(RTE_MBUF_F_TX_SCTP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	OL_VALUE(RTE_MBUF_F_TX_UDP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	OL_VALUE(RTE_MBUF_F_TX_L4_NO_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	OL_BIT(RTE_MBUF_F_TX_IEEE1588_TMST),
	OL_BIT(RTE_MBUF_F_TX_TCP_SEG),
	OL_BIT(RTE_MBUF_F_TX_IPV4),
	OL_BIT(RTE_MBUF_F_TX_IPV6),
	OL_BIT(RTE_MBUF_F_TX_OUTER_IP_CKSUM),
	OL_BIT(RTE_MBUF_F_TX_OUTER_IPV4),
	OL_BIT(RTE_MBUF_F_TX_OUTER_IPV6),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_VXLAN, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_GRE, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_IPIP, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_GENEVE, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_MPLSINUDP, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_VXLAN_GPE, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_GTP, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_ESP, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_IP, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_VALUE(RTE_MBUF_F_TX_TUNNEL_UDP, RTE_MBUF_F_TX_TUNNEL_MASK),
	OL_BIT(RTE_MBUF_F_TX_QINQ),
	OL_BIT(RTE_MBUF_F_TX_MACSEC),
	OL_BIT(RTE_MBUF_F_TX_SEC_OFFLOAD),
	OL_BIT(RTE_MBUF_F_TX_UDP_SEG),
	OL_BIT(RTE_MBUF_F_TX_OUTER_UDP_CKSUM),
};

static const char *
ol_flag_name(const struct ol_flag_name *table, size_t nb_entries, uint64_t mask)
{
	size_t i;

	if (mask == 0)
		return NULL;
	for (i = 0; i < nb_entries; i++) {
		if (table[i].value == mask)
			return table[i].name;
	}
	return NULL;
}

/*
 * Writes the name of every entry that ol_flags shows, each followed by a
 * space. -1 (with buf cut after the last whole name) when it does not fit.
 */
static int
ol_flag_list(const struct ol_flag_name *table, size_t nb_entries,
	uint64_t ol_flags, char *buf, size_t buflen)
{
	size_t len = 0, name_len, i;

	if (buf == NULL || buflen == 0)
		return -1;
	buf[0] = '\0';
	for (i = 0; i < nb_entries; i++) {
		if ((ol_flags & table[i].mask) != table[i].value)
			continue;
		name_len = strlen(table[i].name);
		if (len + name_len + 2 > buflen) {
			/* As DPDK does: what fits of "name ", then -1. */
			snprintf(buf + len, buflen - len, "%s ", table[i].name);
			return -1;
		}
		memcpy(buf + len, table[i].name, name_len);
		buf[len + name_len] = ' ';
		len += name_len + 1;
		buf[len] = '\0';
	}
	return 0;
}

const char *
rte_get_rx_ol_flag_name(uint64_t mask)
{
	return ol_flag_name(rx_ol_flags, RTE_DIM(rx_ol_flags), mask);
}

int
rte_get_rx_ol_flag_list(uint64_t mask, char *buf, size_t buflen)
{
	return ol_flag_list(rx_ol_flags, RTE_DIM(rx_ol_flags), mask, buf,
		buflen);
}

const char *
rte_get_tx_ol_flag_name(uint64_t mask)
{
	return ol_flag_name(tx_ol_flags, RTE_DIM(tx_ol_flags), mask);
}

int
rte_get_tx_ol_flag_list(uint64_t mask, char *buf, size_t buflen)
{
	return ol_flag_list(tx_ol_flags, RTE_DIM(tx_ol_flags), mask, buf,
		buflen);
}
