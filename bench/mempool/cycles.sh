#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# The cycles table of bench/mempool_perf.sh (see there):
#   bench/mempool/cycles.sh BUILD_DIR [RUNS]
set -eu
cd "$(dirname "$0")/../.."
BUILD=$(cd "${1:?usage: $0 BUILD_DIR [RUNS]}" && pwd)
RUNS=${2:-11}
OURS="$BUILD/bench/mempool/mempool_cycles"
EAL_ARGS="--no-huge -m 64 -l 0 --no-pci --log-level=*:error"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

[ -x "$OURS" ] || { echo "missing $OURS: build $BUILD first" >&2; exit 1; }
pkg-config --exists libdpdk || { echo "no pkg-config libdpdk" >&2; exit 1; }
# shellcheck disable=SC2046
cc -O2 $(bench/jcc_flag.sh) $(pkg-config --cflags libdpdk) bench/mempool/mempool_cycles.c \
    -o "$TMP/dpdk" $(pkg-config --libs libdpdk)

# run BINARY NAME: appends "case cycles" lines to $TMP/NAME.cyc.
run() {
    # shellcheck disable=SC2086
    if ! taskset -c 0 "$1" $EAL_ARGS --file-prefix mpcyc_$$ \
            >"$TMP/out" 2>"$TMP/err"; then
        echo "$2 run failed:" >&2
        cat "$TMP/err" >&2
        exit 1
    fi
    awk '/^mempool_cycles / { print $2, $3 }' "$TMP/out" >>"$TMP/$2.cyc"
}

for r in $(seq "$RUNS"); do
    if [ $((r % 2)) = 1 ]; then
        run "$OURS" ours
        run "$TMP/dpdk" dpdk
    else
        run "$TMP/dpdk" dpdk
        run "$OURS" ours
    fi
done

# Per case: min median max of ours, then of DPDK, then the ratios.
awk '
function stats(name, key,    n, i, j, t, a) {
    n = cnt[name, key]
    for (i = 1; i <= n; i++) a[i] = v[name, key, i]
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
            t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
        }
    lo[name] = a[1]; hi[name] = a[n]
    med[name] = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
FNR == 1 { name = (FILENAME ~ /ours.cyc$/) ? "ours" : "dpdk" }
{
    key = $1
    if (!(key in seen)) { seen[key] = 1; order[++nk] = key }
    v[name, key, ++cnt[name, key]] = $2
}
END {
    printf "%-12s %20s %20s %8s %8s\n", "case", "Pollux min/med/max",
        "DPDK min/med/max", "r(med)", "r(min)"
    for (k = 1; k <= nk; k++) {
        key = order[k]
        if (cnt["ours", key] == 0 || cnt["dpdk", key] == 0)
            continue
        stats("ours", key); stats("dpdk", key)
        printf "%-12s %20s %20s %8.2f %8.2f\n", key,
            sprintf("%.2f/%.2f/%.2f", lo["ours"], med["ours"], hi["ours"]),
            sprintf("%.2f/%.2f/%.2f", lo["dpdk"], med["dpdk"], hi["dpdk"]),
            med["ours"] / med["dpdk"], lo["ours"] / lo["dpdk"]
    }
}' "$TMP/ours.cyc" "$TMP/dpdk.cyc"
echo "(TSC cycles per object, get+put or alloc+free; $RUNS alternating runs;" \
    "ratios ours/DPDK, below 1.00: ours is faster)"
