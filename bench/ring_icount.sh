#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# Instructions per object of each one-lcore row of bench/ring/ring_perf,
# ours and DPDK 22.11's (the same source built against pkg-config
# libdpdk), counted by callgrind: a guide that does not depend on the
# load of the machine (this VM has no hardware counters for perf stat).
# Counts only the timed loop (the perf_one_* functions), divided by the
# objects it moves. Instructions are not cycles: a locked
# compare-and-swap is one instruction; use bench/ring_perf.sh for time.
#
# Usage: bench/ring_icount.sh BUILD_DIR [FILTER]
#   BUILD_DIR  a configured and built Pollux build directory
#   FILTER     only the rows whose label contains it (default: all
#              one-lcore rows; about 2 s of valgrind per row and library)
set -eu
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [FILTER]" >&2
    exit 2
fi
BUILD=$1
FILTER=${2:-}
OURS=$BUILD/bench/ring/ring_perf
OBJS=$((1 << 18))	# PERF_OBJS_ONE in ring_perf.c
EAL_ARGS=(--no-huge -m 64 -l 0 --no-pci)

[ -x "$OURS" ] || { echo "$OURS not found: build $BUILD first" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cc -O2 -g $(pkg-config --cflags libdpdk) bench/ring/ring_perf.c \
    -o "$TMP/ring_perf_dpdk" $(pkg-config --libs libdpdk)

# count PROGRAM LABEL [EAL-EXTRA]: instructions per object of one row:
# the inclusive cost of the one perf_one_* function the row runs. (Not
# --toggle-collect: a jump into the function's .cold part counts as
# leaving it, and collection stopped at the first rare branch.)
count() {
    valgrind --tool=callgrind --callgrind-out-file="$TMP/cg" \
        "$1" "${EAL_ARGS[@]}" "${@:3}" -- 1 "$2" >/dev/null 2>&1
    callgrind_annotate --inclusive=yes "$TMP/cg" 2>/dev/null |
        awk -v o="$OBJS" '/:perf_one_[a-z0-9_]*( |$)/ { gsub(",", "", $1);
            if ($1 + 0 > max) max = $1 + 0 }
            END { printf "%.2f", max / o }'
}

printf '%-30s %8s %8s %6s\n' "instructions/object" ours DPDK ratio
"$OURS" "${EAL_ARGS[@]}" -- 1 "${FILTER:-1 lcore}" 2>/dev/null |
        cut -f1 | grep ', 1 lcore$' | while IFS= read -r label; do
    ours=$(count "$OURS" "$label")
    dpdk=$(count "$TMP/ring_perf_dpdk" "$label" --file-prefix "ricount$$")
    printf '%-30s %8s %8s %6s\n' "${label%, 1 lcore}" "$ours" "$dpdk" \
        "$(awk -v a="$ours" -v b="$dpdk" 'BEGIN { printf "%.2f", a / b }')"
done
