/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* "io" engine: packets go out of the peer port untouched. */
#include "testpmd.h"

static void
io_packet_fwd(struct fwd_stream *fs)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx;

	nb_rx = fwd_stream_rx(fs, pkts);
	if (nb_rx == 0)
		return;
	fwd_stream_tx(fs, pkts, nb_rx);
}

const struct fwd_engine io_fwd_engine = {
	.name = "io",
	.packet_fwd = io_packet_fwd,
};
