#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# Ring cycles per object, Pollux against DPDK 22.11, one command:
# bench/ring/ring_perf.c built against Pollux (by meson, in BUILD_DIR)
# and against DPDK (here, with cc -O2 -g and pkg-config libdpdk: Debian's
# libdpdk-dev) is run alternately, RUNS times each (odd runs ours first,
# even runs DPDK first), both pinned to the same CPUs, each run doing
# every row REPS times. Rows: pointer and 16-byte element rings; SP/SC,
# MP/MC, RTS, HTS; single, bulk 8/32, burst 8/32; one lcore (enqueue then
# dequeue) and two lcores (producer on the first CPU, consumer on the
# second). The table gives min, median and max of the RUNS x REPS
# samples of each row, in TSC cycles per object, and the ratios
# ours/DPDK of the minima and of the medians (below 1.00: we are faster).
#
# Usage: bench/ring_perf.sh BUILD_DIR [RUNS] [REPS] [CPUS] [FILTER]
#   BUILD_DIR  a configured and built Pollux build directory
#   RUNS       runs of each program (default 10)
#   REPS       repetitions of every row in each run (default 10)
#   CPUS       two CPUs for taskset, producer first (default 0,1)
#   FILTER     only rows whose label contains it (e.g. "1 lcore")
# The defaults (100 samples a row) take about a minute on an idle 2-CPU
# machine; under load the two-lcore rows take far longer. No hugepages
# (--no-huge), no PCI (--no-pci).
set -eu
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [RUNS] [REPS] [CPUS] [FILTER]" >&2
    exit 2
fi
BUILD=$1
RUNS=${2:-10}
REPS=${3:-10}
CPUS=${4:-0,1}
FILTER=()
[ -n "${5:-}" ] && FILTER=("$5")
OURS=$BUILD/bench/ring/ring_perf
EAL_ARGS=(--no-huge -m 64 -l 0-1 --no-pci)

[ -x "$OURS" ] || { echo "$OURS not found: build $BUILD first" >&2; exit 1; }
pkg-config --exists libdpdk 2>/dev/null ||
    { echo "pkg-config libdpdk not found (Debian package libdpdk-dev)" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The flags of meson's debugoptimized build of ours (-O2 -g), plus what
# pkg-config gives a DPDK application.
cc -O2 -g $(bench/jcc_flag.sh) $(pkg-config --cflags libdpdk) bench/ring/ring_perf.c \
    -o "$TMP/ring_perf_dpdk" $(pkg-config --libs libdpdk)

# run WHICH I: one run, its samples appended to $TMP/WHICH.
run() {
    local prog=$OURS
    [ "$1" = dpdk ] && prog=$TMP/ring_perf_dpdk
    echo "run $2/$RUNS: $1" >&2
    taskset -c "$CPUS" "$prog" "${EAL_ARGS[@]}" --file-prefix "ringperf$$" \
        -- "$REPS" "${FILTER[@]}" 2>/dev/null >> "$TMP/$1" ||
        { echo "$1 run $2 failed" >&2; exit 1; }
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq 1 "$RUNS"); do
    if [ $((i % 2)) = 1 ]; then run ours "$i"; run dpdk "$i";
    else run dpdk "$i"; run ours "$i"; fi
done

# stats WHICH LABEL: "min median max" of that row's samples.
stats() {
    awk -F'\t' -v k="$2" '$1 == k { print $2 }' "$TMP/$1" | sort -g |
        awk '{ v[NR] = $1 }
            END { if (NR == 0) { print "- - -"; exit }
                  m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                  printf "%.2f %.2f %.2f\n", v[1], m, v[NR] }'
}

echo "TSC cycles per object, $RUNS runs x $REPS repetitions of each; ratio ours/DPDK"
echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %22s  %22s %6s %6s\n' row "ours: min  median  max" \
    "DPDK: min  median  max" "ratio" "ratio"
printf '%-28s %22s  %22s %6s %6s\n' "" "" "" "min" "median"
cut -f1 "$TMP/ours" | awk '!seen[$0]++' | while IFS= read -r label; do
    read -r omin omed omax <<< "$(stats ours "$label")"
    read -r dmin dmed dmax <<< "$(stats dpdk "$label")"
    awk -v l="$label" -v a="$omin" -v b="$omed" -v c="$omax" \
        -v d="$dmin" -v e="$dmed" -v f="$dmax" 'BEGIN {
        printf "%-28s %6s %7s %7s  %6s %7s %7s %6.2f %6.2f\n", l, a, b, c,
            d, e, f, (d > 0 ? a / d : 0), (e > 0 ? b / e : 0) }'
done
