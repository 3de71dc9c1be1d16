#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# How much of a ring row's ratio is code placement: builds
# bench/ring/ring_pair again under several code layouts (alignment
# options given to both halves, Pollux's and DPDK's, on top of the exact
# compile commands ninja uses in BUILD_DIR), runs each build on the same
# rows, and prints for every row the ratio Pollux/DPDK under each layout
# and their spread. A row whose ratio crosses 1.00 from one layout to
# another is at parity within code placement; one that stays on one side
# under every layout is not.
#
# Usage: bench/ring_layout.sh BUILD_DIR [REPS] [FILTER] [CPUS]
#   BUILD_DIR  a built Pollux build dir that has bench/ring/ring_pair
#   REPS       pairs of samples of each row in each run (default 20)
#   FILTER     rows whose label contains it (default "1 lcore"; the
#              two-lcore rows move with the host's state as well, so
#              compare their layouts over more than one run)
#   CPUS       two CPUs, producer first (default 0,1)
# Four layouts, one run each: about 50 s in all for the one-lcore rows,
# 2.5 min for the two-lcore rows, on an idle 2-CPU machine.
set -eu
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [REPS] [FILTER] [CPUS]" >&2
    exit 2
fi
if [ ! -d "$1" ]; then
    echo "$1: no such build directory" >&2
    exit 1
fi
BUILD=$(cd "$1" && pwd)
REPS=${2:-20}
FILTER=${3-1 lcore}
CPUS=${4:-0,1}
CPU0=${CPUS%%,*}
CPU1=${CPUS#*,}
LAYOUTS=("" "-falign-loops=32" "-falign-functions=64"
    "-falign-functions=64 -falign-loops=64")

if [ ! -x "$BUILD/bench/ring/ring_pair" ]; then
    echo "$BUILD/bench/ring/ring_pair not found: build it first" \
        "(bench/ring_pair.sh says when meson builds it)" >&2
    exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The three commands that make ring_pair, as ninja runs them (from
# BUILD_DIR), with their outputs moved to $TMP and no depfiles written.
CMDS=$(cd "$BUILD" && ninja -t commands bench/ring/ring_pair)
pick() {
    local cmd
    cmd=$(grep -E -- "$1" <<<"$CMDS" | head -n 1)
    if [ -z "$cmd" ]; then
        echo "no command matching '$1' in ninja's commands for ring_pair" >&2
        exit 1
    fi
    sed -E 's/ -MD -MQ [^ ]+ -MF [^ ]+//' <<<"$cmd"
}
OURS_CC=$(pick '-c [^ ]*bench/ring/ring_pair\.c$')
DPDK_CC=$(pick '-c [^ ]*bench/ring/ring_pair_dpdk\.c$')
LINK=$(pick '-o bench/ring/ring_pair ')

# Runs command $1 in BUILD_DIR once it names every path in $2... (so that
# a command ninja words differently never writes into BUILD_DIR).
run_moved() {
    local cmd=$1 path
    shift
    for path in "$@"; do
        if [[ "$cmd" != *" $path "* ]]; then
            echo "could not move an output of ninja's command to $path:" \
                "$cmd" >&2
            exit 1
        fi
    done
    (cd "$BUILD" && eval "$cmd")
}

build_layout() {
    local dir=$TMP/$1 flags=$2
    mkdir -p "$dir"
    run_moved "$(sed -E "s| -o [^ ]+| -o $dir/ours.o|" <<<"$OURS_CC") $flags" \
        "$dir/ours.o"
    run_moved "$(sed -E "s| -o [^ ]+| -o $dir/dpdk.o|" <<<"$DPDK_CC") $flags" \
        "$dir/dpdk.o"
    run_moved "$(sed -E -e "s| -o bench/ring/ring_pair | -o $dir/ring_pair |" \
        -e "s| bench/ring/ring_pair\.p/ring_pair\.c\.o | $dir/ours.o |" \
        -e "s| bench/ring/libring_pair_dpdk\.a | $dir/dpdk.o |" <<<"$LINK") " \
        "$dir/ring_pair" "$dir/ours.o" "$dir/dpdk.o"
}

echo "ratio Pollux/DPDK of each row (median of $REPS paired samples) under"
echo "each layout; below 1.00: Pollux faster"
for i in "${!LAYOUTS[@]}"; do
    echo "layout $i: ${LAYOUTS[$i]:-(as built)}"
    build_layout "$i" "${LAYOUTS[$i]}"
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!LAYOUTS[@]}"; do
    taskset -c "$CPUS" "$TMP/$i/ring_pair" "$REPS" "$CPU0" "$CPU1" \
        ${FILTER:+"$FILTER"} >"$TMP/$i.out"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# One line a row: its ratio under each layout, then min and max.
for i in "${!LAYOUTS[@]}"; do
    awk -v L="$i" '/lcores? / {
        match($0, /.*lcores?/)
        print substr($0, 1, RLENGTH) "\t" L "\t" $(NF - 1)
    }' "$TMP/$i.out"
done | awk -F'\t' -v n=${#LAYOUTS[@]} '
    !($1 in seen) { seen[$1] = 1; order[++rows] = $1 }
    { r[$1, $2] = $3 }
    END {
        printf "%-28s", "row"
        for (l = 0; l < n; l++) printf "  lay%d", l
        printf "    min   max\n"
        for (i = 1; i <= rows; i++) {
            row = order[i]; lo = 1e9; hi = 0
            printf "%-28s", row
            for (l = 0; l < n; l++) {
                v = r[row, l] + 0
                printf "  %4.2f", v
                if (v < lo) lo = v
                if (v > hi) hi = v
            }
            note = ""
            if (hi > 1.0)
                note = lo > 1.0 ? "  behind" : "  crosses"
            printf "   %4.2f  %4.2f%s\n", lo, hi, note
        }
    }'
