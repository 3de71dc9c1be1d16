/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The benchmark's cases compiled against DPDK 22.11's ring headers (meson
 * builds this file with pkg-config libdpdk's cflags).
 * Only DPDK's inline ring code ends up here: nothing of DPDK's libraries
 * is linked.
 */
#include "ring_pair.h"

const struct ring_pair_impl ring_pair_dpdk = {
	RTE_VER_PREFIX,
	perf_one_fns,
	perf_two_fns,
	ring_pair_layout,
};
