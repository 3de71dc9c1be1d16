/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* "rxonly" engine: receive and free. */
#include "testpmd.h"

static void
rxonly_packet_fwd(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx;

	nb_rx = fwd_stream_rx(fs, pkts);
	if (nb_rx == 0)
		return;
	rte_pktmbuf_free_bulk(pkts, nb_rx);
}

const struct fwd_engine rx_only_engine = {
	.name = "rxonly",
	.packet_fwd = rxonly_packet_fwd,
};
