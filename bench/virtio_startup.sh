#!/bin/bash
# Start-up of a virtio-user port on the host, ours against DPDK 22.11's:
# the time from running the command to the first forwarded packet, for
# bench/virtio_startup/main.c built unchanged against the installed
# Pollux and against Debian's DPDK. Both connect as virtio_user0 to the
# same backend, Debian's dpdk-testpmd with DPDK's vhost-user PMD in txonly
# mode (it stays up; each run connects, receives the first burst, sends
# it back and quits). Runs alternate ours/DPDK's; prints min/median/max
# in milliseconds and the ratio of the medians (ours/DPDK).
# Both sides run --no-huge (memfd memory, what vhost-user needs) and
# --no-pci; the backend on CPU 0, the app on CPU 1.
# The backend runs twice: as dpdk-testpmd starts by default, with
# mlockall(MCL_FUTURE), so that mapping the app's memory faults in every
# page the app has not touched yet (DPDK's EAL maps and touches all of -m
# during rte_eal_init; Pollux's maps --no-huge memory as its heap needs
# it, so the backend is shown only that), and with --no-mlockall, where
# the backend maps the memory without faulting it.
# Usage: bench/virtio_startup.sh [BUILD_DIR] [RUNS]
set -eu
cd "$(dirname "$0")/.."
BUILD=$(cd "${1:-build}" && pwd)
RUNS=${2:-6}
TMP=$(mktemp -d)
SOCK=$TMP/vhu.sock
DPDK_TESTPMD=$(command -v dpdk-testpmd) || {
    echo "dpdk-testpmd not installed (apt-get install dpdk)" >&2; exit 1; }
vpid=
cleanup() {
    if [ -n "$vpid" ]; then
        exec 9>&-
        kill -INT "$vpid" 2>/dev/null || true
        wait "$vpid" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
. test/integration/install_env.sh

src=bench/virtio_startup/main.c
cc -O2 $($PC --cflags libpollux) "$src" -o "$TMP/pollux" $($PC --libs libpollux)
cc -O2 $(pkg-config --cflags libdpdk) "$src" -o "$TMP/dpdk" $(pkg-config --libs libdpdk)

# start_backend [TESTPMD OPTION...]: the vhost-user backend, both its
# lcores on CPU 0; its stdin is a FIFO this script holds open (testpmd
# stops at end of input).
start_backend() {
    rm -f "$SOCK" "$TMP/backend.in"
    mkfifo "$TMP/backend.in"
    "$DPDK_TESTPMD" --lcores 0@0,1@0 --no-pci --no-huge -m 1024 --file-prefix vsb$$ \
        --vdev "net_vhost0,iface=$SOCK,queues=1" -- --nb-cores=1 \
        --forward-mode=txonly --auto-start "$@" < "$TMP/backend.in" \
        > "$TMP/backend.log" 2>&1 &
    vpid=$!
    exec 9>"$TMP/backend.in"
    for _ in $(seq 300); do [ -S "$SOCK" ] && break; sleep 0.1; done
    [ -S "$SOCK" ] || { echo "backend did not create $SOCK" >&2; cat "$TMP/backend.log" >&2; exit 1; }
}

stop_backend() {
    exec 9>&-
    kill -INT "$vpid" 2>/dev/null || true
    wait "$vpid" 2>/dev/null || true
    vpid=
}

# run_one NAME: appends the milliseconds from exec to first forward.
run_one() {
    local name=$1 t0 out ns
    t0=$(date +%s%N)
    out=$(LD_LIBRARY_PATH="$LIBDIR" timeout -k 5 30 "$TMP/$name" -l 1 --no-pci \
        --no-huge -m 512 --file-prefix "vs$name$$" \
        --vdev "virtio_user0,path=$SOCK,queues=1" 2>"$TMP/$name.err") || {
        echo "$name failed:" >&2; tail -n 5 "$TMP/$name.err" >&2; return 1; }
    ns=$(awk '/^first_forward_ns/ { print $2 }' <<<"$out")
    echo $(( (ns - t0) / 1000 )) | awk '{ printf "%.1f\n", $1 / 1000 }' >> "$TMP/$name.ms"
    awk '{ print $4 }' <<<"$out" >> "$TMP/$name.init"
    awk '{ print $6 }' <<<"$out" >> "$TMP/$name.setup"
    sleep 0.3   # let the backend see the disconnect
}

stats() { sort -g "$1" | awk '{ v[NR] = $1 } END { printf "%s %s %s\n", v[1], v[int((NR + 1) / 2)], v[NR] }'; }
# row LABEL SUFFIX: one line of min/median/max, ours and DPDK's.
row() {
    local pmin pmed pmax dmin dmed dmax
    read -r pmin pmed pmax < <(stats "$TMP/pollux.$2")
    read -r dmin dmed dmax < <(stats "$TMP/dpdk.$2")
    printf "%-40s %22s %22s %7s\n" "$1" "$pmin/$pmed/$pmax" "$dmin/$dmed/$dmax" \
        "$(awk -v a="$pmed" -v b="$dmed" 'BEGIN { printf "%.2f", a / b }')"
}

# table TITLE [BACKEND OPTION...]: RUNS alternating runs against a fresh
# backend, then the table.
table() {
    local title=$1 i
    shift
    rm -f "$TMP"/pollux.* "$TMP"/dpdk.*
    start_backend "$@"
    for i in $(seq "$RUNS"); do
        run_one pollux
        run_one dpdk
    done
    stop_backend
    printf "%-40s %22s %22s %7s\n" "$title" "ours" "DPDK" "ratio"
    row "command -> first forwarded packet" ms
    row "  of which rte_eal_init" init
    row "  of which pool + port set-up" setup
}

echo "virtio-user start-up, ms (min/median/max)"
table "backend: dpdk-testpmd (mlockall)"
table "backend: dpdk-testpmd --no-mlockall" --no-mlockall
echo "($RUNS alternating runs each; ratio = median ours / median DPDK)"
