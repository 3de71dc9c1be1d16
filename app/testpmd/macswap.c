/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* "macswap" engine: source and destination MAC change places. */
#include "testpmd.h"

static void
macswap_packet_fwd(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	struct rte_ether_addr tmp;
	uint16_t nb_rx, i;

	nb_rx = fwd_stream_rx(fs, pkts);
	if (nb_rx == 0)
		return;
	for (i = 0; i < nb_rx; i++) {
		struct rte_ether_hdr *eth = rte_pktmbuf_mtod(pkts[i],
			struct rte_ether_hdr *);

		rte_ether_addr_copy(&eth->dst_addr, &tmp);
		rte_ether_addr_copy(&eth->src_addr, &eth->dst_addr);
		rte_ether_addr_copy(&tmp, &eth->src_addr);
	}
	fwd_stream_tx(fs, pkts, nb_rx);
}

const struct fwd_engine mac_swap_engine = {
	.name = "macswap",
	.packet_fwd = macswap_packet_fwd,
};
