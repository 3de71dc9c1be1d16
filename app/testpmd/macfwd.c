/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* "mac" engine: source MAC = the Tx port's, destination = its peer's. */
#include "testpmd.h"

static struct rte_ether_addr port_macs[TESTPMD_MAX_PORTS];

static int
mac_port_begin(uint16_t port_id)
{
	return rte_eth_macaddr_get(port_id, &port_macs[port_id]);
}

static void
mac_packet_fwd(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	const struct rte_ether_addr *src = &port_macs[fs->tx_port];
	const struct rte_ether_addr *dst = &cfg.peer[fs->tx_port];
	uint16_t nb_rx, i;

	nb_rx = fwd_stream_rx(fs, pkts);
	if (nb_rx == 0)
		return;
	for (i = 0; i < nb_rx; i++) {
		struct rte_ether_hdr *eth = rte_pktmbuf_mtod(pkts[i],
			struct rte_ether_hdr *);

		rte_ether_addr_copy(dst, &eth->dst_addr);
		rte_ether_addr_copy(src, &eth->src_addr);
	}
	fwd_stream_tx(fs, pkts, nb_rx);
}

const struct fwd_engine mac_fwd_engine = {
	.name = "mac",
	.port_begin = mac_port_begin,
	.packet_fwd = mac_packet_fwd,
};
