#!/bin/bash
# mbuf alloc/free cost, Pollux against DPDK 22.11: bench/mbuf/mbuf_perf.c
# as built by meson in BUILD_DIR, and the same source built here against
# Debian's DPDK (pkg-config libdpdk). Both run alternately RUNS times on
# one pinned CPU with the same EAL options (no hugepages, no root needed);
# each run prints the median of its own 9 measurements, and this prints,
# for each measurement, the median over the runs of each side and the
# ratio Pollux/DPDK (below 1: Pollux is faster).
# Usage: bench/mbuf_perf.sh [BUILD_DIR] [RUNS]   (CPU=n picks the CPU)
set -eu
cd "$(dirname "$0")/.."
BUILD=$(cd "${1:-build}" && pwd)
RUNS=${2:-5}
CPU=${CPU:-$(($(nproc) - 1))}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ours="$BUILD/bench/mbuf/mbuf_perf"
if [ ! -x "$ours" ]; then
    echo "no $ours: build it first (ninja -C $BUILD)" >&2
    exit 1
fi
dpdk="$TMP/mbuf_perf_dpdk"
cc -O2 $(bench/jcc_flag.sh) $(pkg-config --cflags libdpdk) bench/mbuf/mbuf_perf.c -o "$dpdk" \
    $(pkg-config --libs libdpdk)

eal_args="--no-huge -l $CPU --no-pci -m 512"
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# run NAME BINARY: appends "test median" lines to $TMP/NAME.
run() {
    local name=$1 bin=$2 out
    out=$(taskset -c "$CPU" "$bin" $eal_args --file-prefix "mbuf_perf_$name" \
        2>"$TMP/$name.err") || {
        echo "$name failed:" >&2; cat "$TMP/$name.err" >&2; exit 1; }
    awk '/cycles\/mbuf/ {sub(":", "", $2); print $2, $6}' <<<"$out" >> "$TMP/$name"
}

for i in $(seq "$RUNS"); do
    run pollux "$ours"
    run dpdk "$dpdk"
done

echo "mbuf alloc + free, TSC cycles per mbuf: median of $RUNS runs each" \
    "(pool of 8191, cache 256, burst 32)"
printf "%-8s %10s %10s %8s\n" test Pollux DPDK ratio
for t in $(awk '{print $1}' "$TMP/pollux" | sort -u); do
    p=$(awk -v t="$t" '$1 == t {print $2}' "$TMP/pollux" | median)
    d=$(awk -v t="$t" '$1 == t {print $2}' "$TMP/dpdk" | median)
    printf "%-8s %10.2f %10.2f %8.3f\n" "$t" "$p" "$d" \
        "$(awk -v a="$p" -v b="$d" 'BEGIN {printf "%.3f", a / b}')"
done
echo "command: taskset -c $CPU BINARY $eal_args --file-prefix mbuf_perf_NAME"
echo "DPDK binary: cc -O2 $(bench/jcc_flag.sh) \$(pkg-config --cflags libdpdk) bench/mbuf/mbuf_perf.c \$(pkg-config --libs libdpdk)"
