#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# Ring cycles per object, Pollux and DPDK 22.11 in one process, in turn,
# each on rings of the same sizes and modes laid out for its own library
# (the two place the counters differently): BUILD_DIR/bench/ring/ring_pair
# holds the cases of bench/ring/ring_cases.h compiled against each
# library's headers (DPDK's ring fast path is inline; meson builds that
# half from Debian's libdpdk-dev headers and links no DPDK library, so
# that half lays out its rings itself, as DPDK's rte_ring_init() does;
# both halves check their rings through their own calls). Each sample of one
# library is paired with one of the other taken just before or after it,
# so the pair ratios do not depend on the state the machine is in, which
# moves separate runs (bench/ring_perf.sh) by more than the gaps.
#
# Usage: bench/ring_pair.sh BUILD_DIR [REPS] [CPUS] [FILTER]
#   BUILD_DIR  a configured and built Pollux build dir without sanitizers
#   REPS       samples of each row for each library (default 40)
#   CPUS       two CPUs, producer first (default 0,1)
#   FILTER     only rows whose label contains it (e.g. "2 lcores")
# Rows are bench/ring_perf.sh's. The defaults took 8-30 s on an idle 2-CPU
# machine (the two-lcore rows vary with the host).
set -eu
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [REPS] [CPUS] [FILTER]" >&2
    exit 2
fi
BUILD=$1
REPS=${2:-40}
CPUS=${3:-0,1}
FILTER=()
[ -n "${4:-}" ] && FILTER=("$4")
PROG=$BUILD/bench/ring/ring_pair
if [ ! -x "$PROG" ]; then
    echo "$PROG not found: it is built when pkg-config finds libdpdk" \
        "(Debian package libdpdk-dev) and the build has no sanitizer" >&2
    exit 1
fi
CPU0=${CPUS%%,*}
CPU1=${CPUS#*,}

echo "TSC cycles per object, $REPS pairs of samples per row; ratio = median of the"
echo "pair ratios Pollux/DPDK (below 1.00: Pollux faster); won = pairs Pollux won"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %23s  %23s  %5s %4s\n' row "Pollux: min  median  max" \
    "DPDK: min  median  max" ratio won
taskset -c "$CPUS" "$PROG" "$REPS" "$CPU0" "$CPU1" "${FILTER[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
