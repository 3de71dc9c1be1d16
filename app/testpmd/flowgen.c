/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * "flowgen" engine: drops what it receives and sends UDP packets over
 * 1024 flows (destination port varies), to exercise RSS and flow tables.
 */
#include "testpmd.h"

#define FLOWGEN_FLOWS 1024

static void
flowgen_packet_fwd(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx, nb_pkts;

	nb_rx = fwd_stream_rx(fs, pkts);
	if (nb_rx > 0)
		rte_pktmbuf_free_bulk(pkts, nb_rx);
	for (nb_pkts = 0; nb_pkts < cfg.burst; nb_pkts++) {
		uint32_t flow = fs->flow_index++ % FLOWGEN_FLOWS;

		pkts[nb_pkts] = txpkt_build(fs, cfg.tx_ip_src + flow,
			(uint16_t)(cfg.tx_udp_src + flow));
		if (pkts[nb_pkts] == NULL)
			break;
	}
	if (nb_pkts > 0)
		fwd_stream_tx(fs, pkts, nb_pkts);
}

const struct fwd_engine flow_gen_engine = {
	.name = "flowgen",
	.stream_begin = txpkt_stream_init,
	.packet_fwd = flowgen_packet_fwd,
};
