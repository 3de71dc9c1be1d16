#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# Ring performance side by side: our bench/ring/ring_perf and Debian's
# DPDK 22.11 "dpdk-test ring_perf_autotest", which measure the same cases
# and print the same lines. They run alternately (ours, DPDK, ours, ...),
# RUNS times each, pinned to the same CPUs with the same EAL options; the
# table gives the median of each figure, and the ratio ours/DPDK.
#
# A third column, "same-prog", is our ring_perf.c compiled against DPDK's
# own headers and libraries (pkg-config libdpdk) with the flags of our
# build (-O2 -g): the same measuring code around either ring, which tells
# ring differences from differences in how the two harnesses compile.
#
# Two tables: the median of each figure over the runs, then the best run
# (the least disturbed by other processes on a busy machine).
#
# Figures are TSC cycles (lower is better): per enqueue+dequeue round on
# one lcore (single, burst, bulk), per dequeue of an empty ring, and per
# object summed over both sides with two lcores. The "all lcores" rows
# are counts of rounds in 100 ms (higher is better); their ratio is
# DPDK/ours so that, as for every other row, below 1.00 means we win.
#
# Usage: bench/ring_perf.sh BUILD_DIR [RUNS] [CPUS]
#   BUILD_DIR  a configured and built Pollux build directory
#   RUNS       runs of each program (default 3)
#   CPUS       CPU list for taskset, two CPUs (default 0-1)
set -eu
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [RUNS] [CPUS]" >&2
    exit 2
fi
BUILD=$1
RUNS=${2:-3}
CPUS=${3:-0-1}
OURS=$BUILD/bench/ring/ring_perf
DPDK=$(command -v dpdk-test || true)
EAL_ARGS=(--no-huge -m 512 -l 0-1)

[ -x "$OURS" ] || { echo "$OURS not found: build $BUILD first" >&2; exit 1; }
[ -n "$DPDK" ] || { echo "dpdk-test not found (Debian package dpdk-dev? dpdk)" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

SAME=""
if pkg-config --exists libdpdk 2>/dev/null &&
        cc -O2 -g $(pkg-config --cflags libdpdk) bench/ring/ring_perf.c \
            -o "$TMP/ring_perf_dpdk" $(pkg-config --libs libdpdk) 2>/dev/null; then
    SAME=$TMP/ring_perf_dpdk
else
    echo "no libdpdk development files: no same-prog column" >&2
fi

# Turns one run's output into "key<TAB>value" lines. The key is the
# section plus the result line's label, since labels repeat per section.
parse() {
    awk '
    /^### Testing single element/ { sec = "single" }
    /^### Testing burst/ { sec = "burst" }
    /^### Testing bulk/ { sec = "bulk" }
    /^### Testing empty/ { sec = "empty" }
    /^### Testing using two physical cores/ { sec = "2 lcores" }
    /^### Testing using all worker nodes/ { sec = "all lcores" }
    /APIs/ {
        api = ($1 == "legacy") ? "ptr" : "16B"
        label = $0
        sub(/^legacy APIs: /, "", label)
        sub(/^elem APIs: element size 16B: /, "", label)
        sub(/: [0-9.]+$/, "", label)
        value = $NF
        printf "%s %s: %s\t%s\n", api, sec, label, value
        next
    }
    /^Total count \(size: [0-9]+\)/ {
        size = $4
        sub(/\)/, "", size)
        sub(/:$/, "", size)
        printf "%s %s: MP/MC: bulk (size: %s) count\t%s\n", api, sec, \
            size, $NF
    }'
}

run_ours() {
    taskset -c "$CPUS" "$OURS" "${EAL_ARGS[@]}" 2>/dev/null
}

run_dpdk() {
    DPDK_TEST=ring_perf_autotest taskset -c "$CPUS" "$DPDK" \
        "${EAL_ARGS[@]}" --no-pci --file-prefix "ringperf$$" 2>/dev/null
}

run_same() {
    taskset -c "$CPUS" "$SAME" "${EAL_ARGS[@]}" --no-pci \
        --file-prefix "ringperfsame$$" 2>/dev/null
}

for i in $(seq 1 "$RUNS"); do
    echo "run $i/$RUNS: ours" >&2
    run_ours | parse > "$TMP/ours.$i"
    echo "run $i/$RUNS: DPDK" >&2
    run_dpdk | parse > "$TMP/dpdk.$i"
    if [ -n "$SAME" ]; then
        echo "run $i/$RUNS: same-prog" >&2
        run_same | parse > "$TMP/same.$i"
    fi
done

# stat KEY IMPL WHICH: the median (or the best: lowest cycles, highest
# count) of that key over the runs of IMPL.
stat() {
    cat "$TMP/$2".* | awk -F'\t' -v k="$1" '$1 == k { print $2 }' |
        sort -g | awk -v which="$3" -v count="$([[ $1 == *" count" ]] && echo 1)" '
            { v[NR] = $1 }
            END { if (NR == 0) { print "-"; exit }
                  if (which == "best") { print count ? v[NR] : v[1]; exit }
                  if (NR % 2) print v[(NR + 1) / 2];
                  else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ratio A B KEY: A/B, or B/A for counts (so that below 1.00 favours A).
ratio() {
    awk -v o="$1" -v d="$2" -v k="$3" 'BEGIN {
        if (o == "-" || d == "-" || o == 0 || d == 0) { print "-"; exit }
        if (k ~ / count$/) printf "%.2f", d / o; else printf "%.2f", o / d }'
}

# table WHICH TITLE
table() {
    printf '%-46s %10s %10s %7s %10s %7s\n' "$2" ours DPDK ratio \
        same-prog ratio
    cut -f1 "$TMP/ours.1" | while IFS= read -r key; do
        ours=$(stat "$key" ours "$1")
        dpdk=$(stat "$key" dpdk "$1")
        same="-"
        [ -n "$SAME" ] && same=$(stat "$key" same "$1")
        printf '%-46s %10s %10s %7s %10s %7s\n' "$key" "$ours" "$dpdk" \
            "$(ratio "$ours" "$dpdk" "$key")" "$same" \
            "$(ratio "$ours" "$same" "$key")"
    done
}

table median "case (median of $RUNS runs)"
# The best run of each is the least disturbed by other processes: with
# a busy machine it says more about the rings than the median does.
echo
table best "case (best of $RUNS runs)"
