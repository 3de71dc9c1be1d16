#!/bin/bash
# EAL start-up and shutdown: the same minimal app built against the
# installed Pollux and against Debian's DPDK 22.11, run alternately with
# the same EAL options, --no-huge and with hugepages (-m 256).
# Prints the median of init+cleanup (inside the process) and of the whole
# process (exec to exit, which includes loading the libraries), and the
# ratio Pollux/DPDK. Needs root for the hugepage rows (it reserves pages
# and mounts a hugetlbfs for DPDK, and gives both back at the end).
# Usage: bench/eal_startup.sh [BUILD_DIR] [RUNS]
set -eu
cd "$(dirname "$0")/.."
BUILD=$(cd "${1:-build}" && pwd)
RUNS=${2:-15}
TMP=$(mktemp -d)
HP_SYS=/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages
old_hp=$(cat "$HP_SYS" 2>/dev/null || echo 0)
mnt=""
cleanup() {
    [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
    [ -w "$HP_SYS" ] && echo "$old_hp" > "$HP_SYS"
    rm -rf "$TMP"
}
trap cleanup EXIT
. test/integration/install_env.sh

src=bench/eal_startup/main.c
cc -O2 $($PC --cflags libpollux) "$src" -o "$TMP/pollux" $($PC --libs libpollux)
cc -O2 $(pkg-config --cflags libdpdk) "$src" -o "$TMP/dpdk" $(pkg-config --libs libdpdk)

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# run_one NAME ARGS... : appends "inside_us wall_us" to $TMP/NAME.
run_one() {
    local name=$1
    shift
    local t0 t1 out
    t0=$EPOCHREALTIME
    out=$(LD_LIBRARY_PATH="$LIBDIR" "$TMP/$name" "$@" 2>/dev/null) || {
        echo "$name $* failed" >&2; return 1; }
    t1=$EPOCHREALTIME
    echo "$(awk '{print $6}' <<<"$out") $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", (b-a)*1e6}')" >> "$TMP/$name.$mode"
}

row() {
    mode=$1
    shift
    local i
    for i in $(seq "$RUNS"); do
        run_one pollux "$@" --file-prefix "pbench$i"
        run_one dpdk "$@" --file-prefix "dbench$i"
    done
    local pi pw di dw
    pi=$(cut -d' ' -f1 "$TMP/pollux.$mode" | median)
    pw=$(cut -d' ' -f2 "$TMP/pollux.$mode" | median)
    di=$(cut -d' ' -f1 "$TMP/dpdk.$mode" | median)
    dw=$(cut -d' ' -f2 "$TMP/dpdk.$mode" | median)
    printf "%-24s %12s %12s %8s %12s %12s %8s\n" "$mode" "$pi" "$di" \
        "$(awk -v a="$pi" -v b="$di" 'BEGIN {printf "%.3f", a/b}')" "$pw" "$dw" \
        "$(awk -v a="$pw" -v b="$dw" 'BEGIN {printf "%.3f", a/b}')"
}

printf "%-24s %12s %12s %8s %12s %12s %8s\n" "EAL options (+ -l 0 --no-pci)" \
    "pollux_us" "dpdk_us" "ratio" "pollux_wall" "dpdk_wall" "ratio"
row "--no-huge" -l 0 --no-pci --no-huge
if [ "$(id -u)" -eq 0 ] && [ -w "$HP_SYS" ]; then
    echo $((old_hp + 160)) > "$HP_SYS"
    if ! grep -q hugetlbfs /proc/mounts; then
        mnt=$TMP/huge
        mkdir -p "$mnt"
        mount -t hugetlbfs -o pagesize=2M nodev "$mnt"
    fi
    row "-m 256 (hugepages)" -l 0 --no-pci -m 256
else
    echo "hugepage row skipped: needs root"
fi
echo "($RUNS alternating runs each; medians in microseconds; ratio = pollux/dpdk)"
