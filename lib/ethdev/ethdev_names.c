/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Names of offload and capability bits (for tools such as testpmd), and
 * speed-to-flag conversion.
 */
#include <stdint.h>

#include <rte_common.h>

#include "ethdev_private.h"

struct eth_bit_name {
	uint64_t bit;
	const char *name;
};

/* The name is the macro's suffix, as DPDK prints it. */
#define ETH_BIT_NAME(prefix, suffix) \
	{ \
		prefix##suffix, #suffix \
	}

static const struct eth_bit_name eth_rx_offload_names[] = {
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_STRIP),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, IPV4_CKSUM),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, UDP_CKSUM),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, TCP_CKSUM),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, TCP_LRO),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, QINQ_STRIP),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, OUTER_IPV4_CKSUM),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, MACSEC_STRIP),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_FILTER),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, VLAN_EXTEND),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, SCATTER),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, TIMESTAMP),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, SECURITY),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, KEEP_CRC),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, SCTP_CKSUM),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, OUTER_UDP_CKSUM),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, RSS_HASH),
	ETH_BIT_NAME(RTE_ETH_RX_OFFLOAD_, BUFFER_SPLIT),
};

static const struct eth_bit_name eth_tx_offload_names[] = {
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, VLAN_INSERT),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, IPV4_CKSUM),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_CKSUM),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, TCP_CKSUM),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, SCTP_CKSUM),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, TCP_TSO),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_TSO),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, OUTER_IPV4_CKSUM),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, QINQ_INSERT),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, VXLAN_TNL_TSO),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, GRE_TNL_TSO),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, IPIP_TNL_TSO),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, GENEVE_TNL_TSO),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, MACSEC_INSERT),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, MT_LOCKFREE),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, MULTI_SEGS),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, MBUF_FAST_FREE),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, SECURITY),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, UDP_TNL_TSO),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, IP_TNL_TSO),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, OUTER_UDP_CKSUM),
	ETH_BIT_NAME(RTE_ETH_TX_OFFLOAD_, SEND_ON_TIMESTAMP),
};

static const struct eth_bit_name eth_capa_names[] = {
	ETH_BIT_NAME(RTE_ETH_DEV_CAPA_, RUNTIME_RX_QUEUE_SETUP),
	ETH_BIT_NAME(RTE_ETH_DEV_CAPA_, RUNTIME_TX_QUEUE_SETUP),
	ETH_BIT_NAME(RTE_ETH_DEV_CAPA_, RXQ_SHARE),
	ETH_BIT_NAME(RTE_ETH_DEV_CAPA_, FLOW_RULE_KEEP),
	ETH_BIT_NAME(RTE_ETH_DEV_CAPA_, FLOW_SHARED_OBJECT_KEEP),
};

static const char *
eth_bit_lookup(const struct eth_bit_name *table, size_t size, uint64_t bit)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (table[i].bit == bit)
			return table[i].name;
	return "UNKNOWN";
}

const char *
rte_eth_dev_rx_offload_name(uint64_t offload)
{
	return eth_bit_lookup(eth_rx_offload_names,
		RTE_DIM(eth_rx_offload_names), offload);
}

const char *
rte_eth_dev_tx_offload_name(uint64_t offload)
{
	return eth_bit_lookup(eth_tx_offload_names,
		RTE_DIM(eth_tx_offload_names), offload);
}

const char *
rte_eth_dev_capability_name(uint64_t capability)
{
	return eth_bit_lookup(eth_capa_names, RTE_DIM(eth_capa_names),
		capability);
}

uint32_t
rte_eth_speed_bitflag(uint32_t speed, int duplex)
{
	switch (speed) {
	case RTE_ETH_SPEED_NUM_10M:
		return duplex ? RTE_ETH_LINK_SPEED_10M :
				RTE_ETH_LINK_SPEED_10M_HD;
	case RTE_ETH_SPEED_NUM_100M:
		return duplex ? RTE_ETH_LINK_SPEED_100M :
				RTE_ETH_LINK_SPEED_100M_HD;
	case RTE_ETH_SPEED_NUM_1G:
		return RTE_ETH_LINK_SPEED_1G;
	case RTE_ETH_SPEED_NUM_2_5G:
		return RTE_ETH_LINK_SPEED_2_5G;
	case RTE_ETH_SPEED_NUM_5G:
		return RTE_ETH_LINK_SPEED_5G;
	case RTE_ETH_SPEED_NUM_10G:
		return RTE_ETH_LINK_SPEED_10G;
	case RTE_ETH_SPEED_NUM_20G:
		return RTE_ETH_LINK_SPEED_20G;
	case RTE_ETH_SPEED_NUM_25G:
		return RTE_ETH_LINK_SPEED_25G;
	case RTE_ETH_SPEED_NUM_40G:
		return RTE_ETH_LINK_SPEED_40G;
	case RTE_ETH_SPEED_NUM_50G:
		return RTE_ETH_LINK_SPEED_50G;
	case RTE_ETH_SPEED_NUM_56G:
		return RTE_ETH_LINK_SPEED_56G;
	case RTE_ETH_SPEED_NUM_100G:
		return RTE_ETH_LINK_SPEED_100G;
	case RTE_ETH_SPEED_NUM_200G:
		return RTE_ETH_LINK_SPEED_200G;
	default:
		return 0;
	}
}
