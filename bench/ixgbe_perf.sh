#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# net_ixgbe's rx_burst + tx_burst cycles per packet against the 82599
# model (bench/ixgbe/ixgbe_perf.c says how it is measured). Runs RUNS
# times on CPUS and prints each run's line: the model is a thread on the
# same (shared) CPUs, so look at the median column, and compare only as
# orientation with ixy's ~100 and DPDK's ~62 cycles per packet measured
# on a real 82599 on another machine.
#
# Usage: bench/ixgbe_perf.sh BUILD_DIR [RUNS] [SECONDS] [CPUS]
set -eu
if [ $# -lt 1 ]; then
	echo "usage: $0 BUILD_DIR [RUNS] [SECONDS] [CPUS]" >&2
	exit 2
fi
BUILD=$1
RUNS=${2:-3}
SECONDS_PER_RUN=${3:-3}
CPUS=${4:-0-1}
for i in $(seq "$RUNS"); do
	taskset -c "$CPUS" "$BUILD/bench/ixgbe/ixgbe_perf" "$SECONDS_PER_RUN" |
		grep '^ixgbe_perf:'
done
