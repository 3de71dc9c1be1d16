#!/bin/bash
# EAL start-up and shutdown: the same minimal app (bench/eal_startup/main.c)
# built against the installed Pollux and against Debian's DPDK 22.11, run
# alternately (the order flips every round) with the same EAL options:
#   --no-huge
#   -m 256                  2 MiB hugepages, the default IOVA mode (PA as
#                           root without an IOMMU, for both libraries)
#   -m 256 --iova-mode=va   2 MiB hugepages, IOVA as VA
# all with -l 0 --no-pci. For each row it prints min/median/max of
# init+cleanup measured inside the process (microseconds), the ratio
# Pollux/DPDK of the medians and of the minimums (below 1: Pollux is
# faster), and the median of the whole process (exec to exit, which
# includes loading the shared libraries). One discarded round first: the
# first touch of freshly reserved hugepages in a VM costs far more.
#
# The hugepage rows need root: the script raises nr_hugepages by 300
# (600 MiB) for the run, mounts a hugetlbfs for DPDK when none is
# mounted, and gives both back at the end.
#
# Usage: bench/eal_startup.sh [BUILD_DIR] [RUNS]
#   BUILD_DIR (default build), RUNS per row and library (default 15):
#   about 30 s at the default on a quiet 2-core machine.
set -eu
cd "$(dirname "$0")/.."
# shellcheck disable=SC2034 # BUILD is read by install_env.sh
BUILD=$(cd "${1:-build}" && pwd)
RUNS=${2:-15}
EXTRA_PAGES=300
TMP=$(mktemp -d)
HP_SYS=/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages
old_hp=$(cat "$HP_SYS" 2>/dev/null || echo 0)
raised=0
mnt=""
cleanup() {
    [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
    [ "$raised" = 1 ] && echo "$old_hp" > "$HP_SYS"
    rm -rf "$TMP"
}
trap cleanup EXIT
# shellcheck source=test/integration/install_env.sh
. test/integration/install_env.sh

src=bench/eal_startup/main.c
# shellcheck disable=SC2046
cc -O2 $($PC --cflags libpollux) "$src" -o "$TMP/pollux" $($PC --libs libpollux)
# shellcheck disable=SC2046
cc -O2 $(pkg-config --cflags libdpdk) "$src" -o "$TMP/dpdk" $(pkg-config --libs libdpdk)

# stats: "min median max" of the numbers on stdin.
stats() {
    sort -n | awk '{ v[NR] = $1 } END {
        med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%d %d %d\n", v[1], med, v[NR] }'
}

# run_one NAME FILE ARGS... : appends "inside_us wall_us" to FILE.
run_one() {
    local name=$1 file=$2 t0 t1 out
    shift 2
    t0=$EPOCHREALTIME
    out=$(LD_LIBRARY_PATH="$LIBDIR" "$TMP/$name" "$@" 2>/dev/null) || {
        echo "$name $* failed" >&2; return 1; }
    t1=$EPOCHREALTIME
    echo "$(awk '{ print $6 }' <<<"$out") $(awk -v a="$t0" -v b="$t1" \
        'BEGIN { printf "%.0f", (b - a) * 1e6 }')" >> "$file"
}

row() {
    local title=$1 i p d pw dw
    shift
    run_one pollux /dev/null "$@" --file-prefix pbench_w
    run_one dpdk /dev/null "$@" --file-prefix dbench_w
    : > "$TMP/pollux.t"
    : > "$TMP/dpdk.t"
    for i in $(seq "$RUNS"); do
        if [ $((i % 2)) = 1 ]; then
            run_one pollux "$TMP/pollux.t" "$@" --file-prefix "pbench$i"
            run_one dpdk "$TMP/dpdk.t" "$@" --file-prefix "dbench$i"
        else
            run_one dpdk "$TMP/dpdk.t" "$@" --file-prefix "dbench$i"
            run_one pollux "$TMP/pollux.t" "$@" --file-prefix "pbench$i"
        fi
    done
    read -r -a p <<<"$(cut -d' ' -f1 "$TMP/pollux.t" | stats)"
    read -r -a d <<<"$(cut -d' ' -f1 "$TMP/dpdk.t" | stats)"
    pw=$(cut -d' ' -f2 "$TMP/pollux.t" | stats | cut -d' ' -f2)
    dw=$(cut -d' ' -f2 "$TMP/dpdk.t" | stats | cut -d' ' -f2)
    printf "%-24s %22s %24s %7s %7s %9s %9s %7s\n" "$title" \
        "${p[0]}/${p[1]}/${p[2]}" "${d[0]}/${d[1]}/${d[2]}" \
        "$(awk -v a="${p[1]}" -v b="${d[1]}" 'BEGIN { printf "%.3f", a / b }')" \
        "$(awk -v a="${p[0]}" -v b="${d[0]}" 'BEGIN { printf "%.3f", a / b }')" \
        "$pw" "$dw" \
        "$(awk -v a="$pw" -v b="$dw" 'BEGIN { printf "%.3f", a / b }')"
}

printf "%-24s %22s %24s %7s %7s %9s %9s %7s\n" "EAL (+ -l 0 --no-pci)" \
    "pollux min/med/max" "dpdk min/med/max" "r(med)" "r(min)" \
    "p_wall" "d_wall" "r(wall)"
row "--no-huge" -l 0 --no-pci --no-huge
if [ "$(id -u)" -eq 0 ] && [ -w "$HP_SYS" ]; then
    echo $((old_hp + EXTRA_PAGES)) > "$HP_SYS"
    raised=1
    if ! grep -q hugetlbfs /proc/mounts; then
        mnt=$TMP/huge
        mkdir -p "$mnt"
        mount -t hugetlbfs -o pagesize=2M nodev "$mnt"
    fi
    row "-m 256" -l 0 --no-pci -m 256
    row "-m 256 --iova-mode=va" -l 0 --no-pci -m 256 --iova-mode=va
else
    echo "hugepage rows skipped: they need root"
fi
echo "($RUNS alternating runs per row after one discarded; init+cleanup in" \
    "microseconds; ratios pollux/dpdk; wall = exec to exit, medians)"
