#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# Mempool get/put rates, Pollux against Debian's DPDK 22.11, side by side.
#
# DPDK's figures come from its own test, dpdk-test mempool_perf_autotest;
# ours from bench/mempool/mempool_perf, which measures the same loops and
# prints the same lines. Both run with the same EAL options, pinned to
# CPUs 0-1, alternately (the order flips every round), ROUNDS times; the
# table shows the median of each case and the ratio of rates
# Pollux / DPDK (above 1.00: Pollux is faster).
#
# dpdk-test measures every case for 5 s and has ~700 of them. To make a
# round take minutes instead of an hour, bench/mempool/dpdk_time_scale.so
# is preloaded into it: it makes rte_get_tsc_hz() report 1/SCALE of the
# real frequency, so each measurement lasts 5/SCALE s and the printed
# rates are SCALE times too low (they are multiplied back here). Ours
# measures each case for the same 5/SCALE s. dpdk-test is stopped as
# soon as it has printed every case ours measures (the sections "without
# cache" and "with cache", 1 and 2 cores; with USER_CACHE=1 also "with
# user-owned cache").
#
# A second table follows, steadier on a busy machine: the same source,
# bench/mempool/mempool_perf.c, built against Debian's DPDK (pkg-config
# libdpdk) and run alternately with ours, with --cpu-time: rates per
# second of CPU time of each lcore's thread, which other processes
# stealing the CPUs do not dilute (dpdk-test can only give wall-clock
# rates). Skipped with SAME_SOURCE=0 or without pkg-config libdpdk.
#
# Usage: bench/mempool_perf.sh BUILD_DIR [ROUNDS] [SCALE]
#   ROUNDS (default 3), SCALE (default 10: 0.5 s per case).
#   Environment: USER_CACHE=1, OURS_ARGS (extra mempool_perf arguments,
#   e.g. "--keep 128 --constant 0" for a quicker subset), SAME_SOURCE=0.
#
# Cycles per object instead (about 30 s at the default RUNS):
#   bench/mempool_perf.sh BUILD_DIR cycles [RUNS]
# bench/mempool/mempool_cycles.c built against Pollux and against DPDK
# (pkg-config libdpdk), run alternately RUNS times (default 11) on CPU 0
# with --no-huge -m 64 -l 0 --no-pci; each run prints, per case, the
# fewest TSC cycles per object over 15 timed loops (single get+put,
# 32 single gets then 32 puts, get/put bulk 32, and the same three with
# rte_pktmbuf_alloc/free); the table gives min/median/max over the runs
# and the ratio ours/DPDK of the medians and of the minimums (below 1.00:
# ours is faster).
set -eu
cd "$(dirname "$0")/.."
BUILD=$(cd "${1:?usage: $0 BUILD_DIR [ROUNDS] [SCALE]}" && pwd)
if [ "${2:-}" = cycles ]; then
    exec bench/mempool/cycles.sh "$BUILD" "${3:-11}"
fi
ROUNDS=${2:-3}
SCALE=${3:-10}
OURS="$BUILD/bench/mempool/mempool_perf"
SHIM="$BUILD/bench/mempool/dpdk_time_scale.so"
SECONDS_PER_CASE=$(awk -v s="$SCALE" 'BEGIN { print 5 / s }')
EAL_ARGS="--no-huge -m 512 -l 0-1 --no-pci"
TMP=$(mktemp -d)
dpdk_pid=""
cleanup() {
    [ -n "$dpdk_pid" ] && kill "$dpdk_pid" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

for f in "$OURS" "$SHIM"; do
    [ -e "$f" ] || { echo "missing $f: build $BUILD first" >&2; exit 1; }
done
command -v dpdk-test >/dev/null || { echo "dpdk-test not found" >&2; exit 1; }

ours_extra=()
[ "${USER_CACHE:-0}" = 1 ] && ours_extra+=(--user-cache)
# shellcheck disable=SC2206
[ -n "${OURS_ARGS:-}" ] && ours_extra+=(${OURS_ARGS})

# Turns the raw output of either program into "SECTION KEY... RATE" lines,
# the first one of each case per section (dpdk-test repeats the 2-core
# cases as "max cores" on a 2-lcore run). $2 multiplies the rates.
normalise() {
    awk -v mul="$2" '
    /^start performance test/ {
        if ($0 ~ /user-owned/) sec = "user"
        else if ($0 ~ / for /) sec = "default_ops"
        else if ($0 ~ /with cache/) sec = "cache"
        else sec = "nocache"
        next
    }
    /^mempool_autotest .*rate_persec=/ {
        key = sec
        for (i = 2; i < NF; i++)
            key = key " " $i
        split($NF, r, "=")
        if (!(key in seen)) {
            seen[key] = 1
            printf "%s %.0f\n", key, r[2] * mul
        }
    }' "$1"
}

# run_bench BINARY OUTPUT [ARGS...]: one run of a mempool_perf build.
run_bench() {
    local bin=$1 out=$2
    shift 2
    taskset -c 0-1 "$bin" $EAL_ARGS --file-prefix mpbench_$$ -- \
        --seconds "$SECONDS_PER_CASE" "${ours_extra[@]}" "$@" \
        >"$TMP/raw" 2>/dev/null
    normalise "$TMP/raw" 1 >"$out"
}

run_ours() {
    run_bench "$OURS" "$TMP/ours.$1"
}

# The keys ours measured, which dpdk-test must print before it is stopped.
have_all_keys() {
    normalise "$TMP/raw_dpdk" 1 | awk '{ $NF = ""; print }' | sort -u \
        >"$TMP/have"
    [ -z "$(comm -23 "$TMP/want" "$TMP/have")" ]
}

run_dpdk() {
    DPDK_TEST=mempool_perf_autotest DPDK_TIME_SCALE="$SCALE" \
        LD_PRELOAD="$SHIM" taskset -c 0-1 stdbuf -oL \
        dpdk-test $EAL_ARGS --file-prefix mpbench_dpdk \
        >"$TMP/raw_dpdk" 2>/dev/null &
    dpdk_pid=$!
    while kill -0 "$dpdk_pid" 2>/dev/null; do
        sleep 1
        if have_all_keys; then
            kill "$dpdk_pid" 2>/dev/null
            break
        fi
    done
    wait "$dpdk_pid" 2>/dev/null || true
    dpdk_pid=""
    if ! have_all_keys; then
        echo "dpdk-test stopped before printing every case" >&2
        exit 1
    fi
    normalise "$TMP/raw_dpdk" "$SCALE" >"$TMP/dpdk.$1"
}

echo "mempool_perf: $ROUNDS rounds, $SECONDS_PER_CASE s per case, EAL $EAL_ARGS"
for r in $(seq "$ROUNDS"); do
    if [ $((r % 2)) = 1 ]; then
        run_ours "$r"
        awk '{ $NF = ""; print }' "$TMP/ours.$r" | sort -u >"$TMP/want"
        run_dpdk "$r"
    else
        run_dpdk "$r"
        run_ours "$r"
    fi
    echo "round $r done" >&2
done

# median_of PREFIX: the median per case of the files PREFIX.*.
median_of() {
    cat "$TMP"/"$1".* | awk '{
        rate = $NF; $NF = ""; key = $0
        n[key]++; v[key, n[key]] = rate
        if (!(key in order)) { order[key] = ++nk; keys[nk] = key }
    } END {
        for (k = 1; k <= nk; k++) {
            key = keys[k]; m = n[key]
            for (i = 1; i <= m; i++) a[i] = v[key, i]
            for (i = 2; i <= m; i++)
                for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
                    t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
                }
            med = (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
            printf "%s%.0f\n", key, med
        }
    }'
}

# table OURS_PREFIX DPDK_PREFIX TITLE
table() {
    median_of "$1" >"$TMP/a.med"
    median_of "$2" >"$TMP/b.med"
    printf '\n%s\n%-50s %12s %12s %7s\n' "$3" \
        "case (rates: million objects/s)" "Pollux" "DPDK" "ratio"
    awk 'NR == FNR { rate = $NF; $NF = ""; dpdk[$0] = rate; next }
    {
        rate = $NF; $NF = ""; key = $0
        if (!(key in dpdk))
            next
        name = key
        gsub(/cache=/, "c", name); gsub(/cores=/, "cores", name)
        gsub(/n_get_bulk=/, "get", name); gsub(/n_put_bulk=/, "put", name)
        gsub(/n_keep=/, "keep", name); gsub(/constant_n=/, "const", name)
        printf "%-50s %12.1f %12.1f %7.2f\n", name, rate / 1e6,
            dpdk[key] / 1e6, rate / dpdk[key]
        lr += log(rate / dpdk[key]); nr++
        if (rate < dpdk[key]) slower++
    }
    END {
        if (nr)
            printf "%-50s %12s %12s %7.2f\n%d of %d cases slower\n",
                "geometric mean", "", "", exp(lr / nr), slower, nr
    }' "$TMP/b.med" "$TMP/a.med"
}

table ours dpdk "Wall-clock rates: ours vs dpdk-test mempool_perf_autotest (ratio = rate ours / rate DPDK, >= 1.00: ours faster)"

if [ "${SAME_SOURCE:-1}" = 1 ] && pkg-config --exists libdpdk 2>/dev/null; then
    # shellcheck disable=SC2046
    if cc -O2 $(bench/jcc_flag.sh) $(pkg-config --cflags libdpdk) bench/mempool/mempool_perf.c \
            -o "$TMP/mempool_perf_dpdk" $(pkg-config --libs libdpdk) \
            2>"$TMP/cc.log"; then
        for r in $(seq "$ROUNDS"); do
            if [ $((r % 2)) = 1 ]; then
                run_bench "$OURS" "$TMP/cpu_ours.$r" --cpu-time
                run_bench "$TMP/mempool_perf_dpdk" "$TMP/cpu_dpdk.$r" --cpu-time
            else
                run_bench "$TMP/mempool_perf_dpdk" "$TMP/cpu_dpdk.$r" --cpu-time
                run_bench "$OURS" "$TMP/cpu_ours.$r" --cpu-time
            fi
        done
        table cpu_ours cpu_dpdk "Per CPU-second rates: mempool_perf.c built against Pollux and against DPDK 22.11 (--cpu-time)"
    else
        echo "cannot build mempool_perf.c against DPDK:" >&2
        cat "$TMP/cc.log" >&2
    fi
fi
