/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * What a port is, in DPDK testpmd's labels: "show port info", "show port
 * summary", "show device info", "show rxq|txq info", "show port rss-hash".
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_errno.h>

#include "testpmd.h"

/* RSS flow type names, as DPDK's testpmd prints them. */
static const struct {
	const char *name;
	uint64_t rss_hf;
} rss_type_names[] = {
	{ "ipv4", RTE_ETH_RSS_IPV4 },
	{ "ipv4-frag", RTE_ETH_RSS_FRAG_IPV4 },
	{ "ipv4-tcp", RTE_ETH_RSS_NONFRAG_IPV4_TCP },
	{ "ipv4-udp", RTE_ETH_RSS_NONFRAG_IPV4_UDP },
	{ "ipv4-sctp", RTE_ETH_RSS_NONFRAG_IPV4_SCTP },
	{ "ipv4-other", RTE_ETH_RSS_NONFRAG_IPV4_OTHER },
	{ "ipv6", RTE_ETH_RSS_IPV6 },
	{ "ipv6-frag", RTE_ETH_RSS_FRAG_IPV6 },
	{ "ipv6-tcp", RTE_ETH_RSS_NONFRAG_IPV6_TCP },
	{ "ipv6-udp", RTE_ETH_RSS_NONFRAG_IPV6_UDP },
	{ "ipv6-sctp", RTE_ETH_RSS_NONFRAG_IPV6_SCTP },
	{ "ipv6-other", RTE_ETH_RSS_NONFRAG_IPV6_OTHER },
	{ "l2-payload", RTE_ETH_RSS_L2_PAYLOAD },
	{ "ipv6-ex", RTE_ETH_RSS_IPV6_EX },
	{ "ipv6-tcp-ex", RTE_ETH_RSS_IPV6_TCP_EX },
	{ "ipv6-udp-ex", RTE_ETH_RSS_IPV6_UDP_EX },
	{ "port", RTE_ETH_RSS_PORT },
	{ "vxlan", RTE_ETH_RSS_VXLAN },
	{ "geneve", RTE_ETH_RSS_GENEVE },
	{ "nvgre", RTE_ETH_RSS_NVGRE },
	{ "gtpu", RTE_ETH_RSS_GTPU },
	{ "eth", RTE_ETH_RSS_ETH },
	{ "s-vlan", RTE_ETH_RSS_S_VLAN },
	{ "c-vlan", RTE_ETH_RSS_C_VLAN },
	{ "esp", RTE_ETH_RSS_ESP },
	{ "ah", RTE_ETH_RSS_AH },
	{ "l2tpv3", RTE_ETH_RSS_L2TPV3 },
	{ "pfcp", RTE_ETH_RSS_PFCP },
	{ "pppoe", RTE_ETH_RSS_PPPOE },
	{ "ecpri", RTE_ETH_RSS_ECPRI },
	{ "mpls", RTE_ETH_RSS_MPLS },
	{ "ipv4-chksum", RTE_ETH_RSS_IPV4_CHKSUM },
	{ "l4-chksum", RTE_ETH_RSS_L4_CHKSUM },
	{ "l2tpv2", RTE_ETH_RSS_L2TPV2 },
};

#define RSS_NB_TYPES (sizeof(rss_type_names) / sizeof(rss_type_names[0]))

/* The names of the set types, six a line, each line indented. */
static void
rss_types_display(uint64_t rss_hf)
{
	unsigned int i, on_line = 0;

	for (i = 0; i < RSS_NB_TYPES; i++) {
		if ((rss_hf & rss_type_names[i].rss_hf) == 0)
			continue;
		printf("%s %s", on_line == 0 ? " " : "", rss_type_names[i].name);
		if (++on_line == 6) {
			printf("\n");
			on_line = 0;
		}
	}
	if (on_line != 0)
		printf("\n");
}

static const char *
port_devargs(const struct rte_eth_dev_info *info)
{
	const struct rte_devargs *da;

	if (info->device == NULL)
		return "";
	da = rte_dev_devargs(info->device);
	return da != NULL && da->args != NULL ? da->args : "";
}

static void
capabilities_display(uint64_t dev_capa)
{
	unsigned int bit;

	printf("Device capabilities: 0x%" PRIx64 "(", dev_capa);
	for (bit = 0; bit < 64; bit++)
		if ((dev_capa & (UINT64_C(1) << bit)) != 0)
			printf(" %s",
				rte_eth_dev_capability_name(UINT64_C(1) << bit));
	printf(" )\n");
}

static void
port_limits_display(const struct rte_eth_dev_info *info)
{
	printf("Minimum size of RX buffer: %u\n", info->min_rx_bufsize);
	printf("Maximum configurable length of RX packet: %u\n",
		info->max_rx_pktlen);
	printf("Maximum configurable size of LRO aggregated packet: %u\n",
		info->max_lro_pkt_size);
	printf("Current number of RX queues: %u\n", info->nb_rx_queues);
	printf("Max possible RX queues: %u\n", info->max_rx_queues);
	printf("Max possible number of RXDs per queue: %u\n",
		info->rx_desc_lim.nb_max);
	printf("Min possible number of RXDs per queue: %u\n",
		info->rx_desc_lim.nb_min);
	printf("RXDs number alignment: %u\n", info->rx_desc_lim.nb_align);
	printf("Current number of TX queues: %u\n", info->nb_tx_queues);
	printf("Max possible TX queues: %u\n", info->max_tx_queues);
	printf("Max possible number of TXDs per queue: %u\n",
		info->tx_desc_lim.nb_max);
	printf("Min possible number of TXDs per queue: %u\n",
		info->tx_desc_lim.nb_min);
	printf("TXDs number alignment: %u\n", info->tx_desc_lim.nb_align);
	printf("Max segment number per packet: %u\n",
		info->tx_desc_lim.nb_seg_max);
	printf("Max segment number per MTU/TSO: %u\n",
		info->tx_desc_lim.nb_mtu_seg_max);
	capabilities_display(info->dev_capa);
	printf("Device error handling mode: %s\n",
		info->err_handle_mode == RTE_ETH_ERROR_HANDLE_MODE_PASSIVE ?
			"passive" :
			info->err_handle_mode ==
				RTE_ETH_ERROR_HANDLE_MODE_PROACTIVE ?
			"proactive" :
			"none");
}

static void
port_link_modes_display(uint16_t port_id, const struct rte_eth_link *link)
{
	uint16_t mtu = 0;

	printf("Link status: %s\n", link->link_status ? "up" : "down");
	printf("Link speed: %s\n", rte_eth_link_speed_to_str(link->link_speed));
	printf("Link duplex: %s\n",
		link->link_duplex ? "full-duplex" : "half-duplex");
	printf("Autoneg status: %s\n", link->link_autoneg ? "On" : "Off");
	if (rte_eth_dev_get_mtu(port_id, &mtu) == 0)
		printf("MTU: %u\n", mtu);
	printf("Promiscuous mode: %s\n",
		rte_eth_promiscuous_get(port_id) == 1 ? "enabled" : "disabled");
	printf("Allmulticast mode: %s\n",
		rte_eth_allmulticast_get(port_id) == 1 ? "enabled" : "disabled");
}

void
port_infos_display(uint16_t port_id)
{
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac;
	struct rte_eth_link link;
	char name[RTE_ETH_NAME_MAX_LEN];

	if (rte_eth_dev_info_get(port_id, &info) != 0 ||
		rte_eth_macaddr_get(port_id, &mac) != 0 ||
		rte_eth_link_get_nowait(port_id, &link) != 0) {
		fprintf(stderr, "cannot read port %u\n", port_id);
		return;
	}
	rte_eth_dev_get_name_by_port(port_id, name);
	printf("\n********************* Infos for port %-2u "
	       "*********************\n",
		port_id);
	printf("MAC address: " RTE_ETHER_ADDR_PRT_FMT "\n",
		RTE_ETHER_ADDR_BYTES(&mac));
	printf("Device name: %s\n", name);
	printf("Driver name: %s\n", info.driver_name);
	printf("Firmware-version: not available\n");
	printf("Devargs: %s\n", port_devargs(&info));
	printf("Connect to socket: %d\n", port_socket(port_id));
	printf("memory allocation on the socket: %d\n", port_socket(port_id));
	port_link_modes_display(port_id, &link);
	printf("Maximum number of MAC addresses: %u\n", info.max_mac_addrs);
	printf("Maximum number of MAC addresses of hash filtering: %u\n",
		info.max_hash_mac_addrs);
	if (info.reta_size > 0)
		printf("Redirection table size: %u\n", info.reta_size);
	if (info.flow_type_rss_offloads == 0) {
		printf("No RSS offload flow type is supported.\n");
	} else {
		printf("Supported RSS offload flow types:\n");
		rss_types_display(info.flow_type_rss_offloads);
	}
	port_limits_display(&info);
}

void
port_summary_header(void)
{
	printf("Number of available ports: %u\n", rte_eth_dev_count_avail());
	printf("Port MAC Address       Name         Driver         Status   "
	       "Link\n");
}

void
port_summary_display(uint16_t port_id)
{
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac;
	struct rte_eth_link link;
	char name[RTE_ETH_NAME_MAX_LEN];

	if (rte_eth_dev_info_get(port_id, &info) != 0 ||
		rte_eth_macaddr_get(port_id, &mac) != 0 ||
		rte_eth_link_get_nowait(port_id, &link) != 0 ||
		rte_eth_dev_get_name_by_port(port_id, name) != 0) {
		fprintf(stderr, "cannot read port %u\n", port_id);
		return;
	}
	printf("%-4u " RTE_ETHER_ADDR_PRT_FMT " %-12s %-14s %-8s %s\n", port_id,
		RTE_ETHER_ADDR_BYTES(&mac), name, info.driver_name,
		link.link_status ? "up" : "down",
		rte_eth_link_speed_to_str(link.link_speed));
}

void
device_infos_display(uint16_t port_id)
{
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac;
	const struct rte_bus *bus;
	const char *bus_info;
	char name[RTE_ETH_NAME_MAX_LEN];

	if (rte_eth_dev_info_get(port_id, &info) != 0 || info.device == NULL ||
		rte_eth_macaddr_get(port_id, &mac) != 0 ||
		rte_eth_dev_get_name_by_port(port_id, name) != 0) {
		fprintf(stderr, "cannot read port %u\n", port_id);
		return;
	}
	bus = rte_dev_bus(info.device);
	bus_info = rte_dev_bus_info(info.device);
	printf("\n********************* Infos for device %s "
	       "*********************\n",
		rte_dev_name(info.device));
	printf("Bus name: %s\n", bus != NULL ? rte_bus_name(bus) : "");
	printf("Bus information: %s\n", bus_info != NULL ? bus_info : "");
	printf("Driver name: %s\n", info.driver_name);
	printf("Devargs: %s\n", port_devargs(&info));
	printf("Connect to socket: %d\n", port_socket(port_id));
	printf("\tPort id: %-2u\n", port_id);
	printf("\tMAC address: " RTE_ETHER_ADDR_PRT_FMT "\n",
		RTE_ETHER_ADDR_BYTES(&mac));
	printf("\tDevice name: %s\n", name);
}

static void
queue_info_error(uint16_t port_id, uint16_t queue_id, const char *dir, int ret)
{
	printf("Failed to retrieve information for port: %u, %s queue: %u\n"
	       "error desc: %s(%d)\n",
		port_id, dir, queue_id, rte_strerror(-ret), ret);
}

static const char *
queue_state_name(uint8_t state)
{
	switch (state) {
	case RTE_ETH_QUEUE_STATE_STARTED:
		return "started";
	case RTE_ETH_QUEUE_STATE_HAIRPIN:
		return "hairpin";
	default:
		return "stopped";
	}
}

void
rxq_info_display(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_rxq_info qinfo;
	int ret = rte_eth_rx_queue_info_get(port_id, queue_id, &qinfo);

	if (ret != 0) {
		queue_info_error(port_id, queue_id, "RX", ret);
		return;
	}
	printf("\n********************* Infos for port %-2u, RX queue %-2u "
	       "*********************\n",
		port_id, queue_id);
	printf("Mempool: %s\n", qinfo.mp != NULL ? qinfo.mp->name : "N/A");
	printf("RX prefetch threshold: %u\n", qinfo.conf.rx_thresh.pthresh);
	printf("RX host threshold: %u\n", qinfo.conf.rx_thresh.hthresh);
	printf("RX writeback threshold: %u\n", qinfo.conf.rx_thresh.wthresh);
	printf("RX free threshold: %u\n", qinfo.conf.rx_free_thresh);
	printf("RX drop packets: %s\n", qinfo.conf.rx_drop_en ? "on" : "off");
	printf("RX deferred start: %s\n",
		qinfo.conf.rx_deferred_start ? "on" : "off");
	printf("RX scattered packets: %s\n", qinfo.scattered_rx ? "on" : "off");
	printf("Rx queue state: %s\n", queue_state_name(qinfo.queue_state));
	printf("Number of RXDs: %u\n", qinfo.nb_desc);
	printf("RX buffer size: %u\n", qinfo.rx_buf_size);
}

void
txq_info_display(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_txq_info qinfo;
	int ret = rte_eth_tx_queue_info_get(port_id, queue_id, &qinfo);

	if (ret != 0) {
		queue_info_error(port_id, queue_id, "TX", ret);
		return;
	}
	printf("\n********************* Infos for port %-2u, TX queue %-2u "
	       "*********************\n",
		port_id, queue_id);
	printf("TX prefetch threshold: %u\n", qinfo.conf.tx_thresh.pthresh);
	printf("TX host threshold: %u\n", qinfo.conf.tx_thresh.hthresh);
	printf("TX writeback threshold: %u\n", qinfo.conf.tx_thresh.wthresh);
	printf("TX RS threshold: %u\n", qinfo.conf.tx_rs_thresh);
	printf("TX free threshold: %u\n", qinfo.conf.tx_free_thresh);
	printf("TX deferred start: %s\n",
		qinfo.conf.tx_deferred_start ? "on" : "off");
	printf("Number of TXDs: %u\n", qinfo.nb_desc);
	printf("Tx queue state: %s\n", queue_state_name(qinfo.queue_state));
}

void
port_rss_hash_display(uint16_t port_id, bool show_key)
{
	struct rte_eth_rss_conf rss_conf;
	struct rte_eth_dev_info info;
	uint8_t key[256];
	unsigned int i;
	int ret;

	if (rte_eth_dev_info_get(port_id, &info) != 0)
		return;
	if (info.hash_key_size == 0) {
		printf("dev_info did not provide a valid hash key size\n");
		return;
	}
	memset(&rss_conf, 0, sizeof(rss_conf));
	rss_conf.rss_key = key;
	rss_conf.rss_key_len = info.hash_key_size;
	ret = rte_eth_dev_rss_hash_conf_get(port_id, &rss_conf);
	if (ret != 0) {
		printf("Error during getting RSS hash configuration of port "
		       "%u: %s\n",
			port_id, rte_strerror(-ret));
		return;
	}
	if (rss_conf.rss_hf == 0) {
		printf("RSS disabled\n");
		return;
	}
	printf("RSS functions:\n");
	rss_types_display(rss_conf.rss_hf);
	if (!show_key)
		return;
	printf("RSS key:\n");
	for (i = 0; i < info.hash_key_size; i++)
		printf("%02X", key[i]);
	printf("\n");
}
