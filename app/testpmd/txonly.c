/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * "txonly" engine: sends bursts of the UDP/IPv4 template; received
 * packets are left alone. --txonly-multi-flow varies the source IP.
 */
#include "testpmd.h"

static void
txonly_stream_begin(struct fwd_stream *fs)
{
	fs->flow_index = 0;
	txpkt_stream_init(fs);
}

static void
txonly_one_by_one(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_pkts;
	uint32_t src_ip = cfg.tx_ip_src;

	for (nb_pkts = 0; nb_pkts < cfg.burst; nb_pkts++) {
		if (cfg.txonly_multi_flow)
			src_ip = cfg.tx_ip_src + (fs->flow_index++ & 0xffff);
		pkts[nb_pkts] = txpkt_build(fs, src_ip, cfg.tx_udp_src);
		if (pkts[nb_pkts] == NULL)
			break;
	}
	if (nb_pkts > 0)
		fwd_stream_tx(fs, pkts, nb_pkts);
}

static void
txonly_packet_fwd(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_pkts;
	uint32_t src_ip = cfg.tx_ip_src;

	/* The burst's mbufs in one pool access; when the pool cannot give
	 * them all at once, one by one as far as it can. */
	if (rte_pktmbuf_alloc_bulk(fs->pool, pkts, cfg.burst) != 0) {
		txonly_one_by_one(fs);
		return;
	}
	for (nb_pkts = 0; nb_pkts < cfg.burst; nb_pkts++) {
		if (cfg.txonly_multi_flow)
			/* Low byte pair of the source varies, as DPDK. */
			src_ip = cfg.tx_ip_src + (fs->flow_index++ & 0xffff);
		if (txpkt_fill(fs, pkts[nb_pkts], src_ip, cfg.tx_udp_src) != 0)
			break;
	}
	if (nb_pkts < cfg.burst)
		rte_pktmbuf_free_bulk(&pkts[nb_pkts], cfg.burst - nb_pkts);
	if (nb_pkts > 0)
		fwd_stream_tx(fs, pkts, nb_pkts);
}

const struct fwd_engine tx_only_engine = {
	.name = "txonly",
	.stream_begin = txonly_stream_begin,
	.packet_fwd = txonly_packet_fwd,
};
