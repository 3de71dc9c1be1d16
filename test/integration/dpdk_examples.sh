#!/bin/bash
# DPDK's skeleton, rxtx_callbacks and link_status_interrupt examples (from
# Debian's dpdk-doc), unmodified, built against the installed libpollux
# and run for a bounded time on net_null / net_ring vdevs (--no-huge).
# Each must show that it forwarded and still be running when signalled:
# none of the three handles signals, so SIGTERM ends it (status 143).
# Usage: dpdk_examples.sh BUILD_DIR
set -eu
BUILD=$(cd "$1" && pwd)
EXAMPLES=/usr/share/dpdk/examples
for f in skeleton/basicfwd.c rxtx_callbacks/main.c \
        link_status_interrupt/main.c; do
    if [ ! -f "$EXAMPLES/$f" ]; then
        echo "SKIP: $EXAMPLES/$f not found (install Debian's dpdk-doc)"
        exit 77
    fi
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$(dirname "$0")/install_env.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }

build() {
    cc -O2 $($PC --cflags libpollux) -DALLOW_EXPERIMENTAL_API \
        "$EXAMPLES/$2" -o "$TMP/$1" $($PC --libs libpollux) ||
        fail "$2 does not build against the installed tree"
}

# run LABEL NAME SECONDS PATTERN ARGS... : starts $TMP/NAME (stdout
# line-buffered into $TMP/LABEL.out) and sends it SIGTERM once its output
# matches PATTERN (grep -E) or SECONDS have passed, SIGKILL 5 s later.
# The app must still have been running when signalled, and end by it.
run() {
    local label=$1 name=$2 secs=$3 pattern=$4 pid killer status=0 waited=0
    shift 4
    rm -f "$TMP/$label.out" "$TMP/$label.err"
    LD_LIBRARY_PATH="$LIBDIR" stdbuf -oL "$TMP/$name" "$@" \
        >"$TMP/$label.out" 2>"$TMP/$label.err" &
    pid=$!
    while [ "$waited" -lt $((secs * 5)) ] && kill -0 "$pid" 2>/dev/null &&
            ! grep -Eqsa "$pattern" "$TMP/$label.out"; do
        sleep 0.2
        waited=$((waited + 1))
    done
    if ! kill -TERM "$pid" 2>/dev/null; then
        wait "$pid" || status=$?
        fail "$name $* exited with $status before the signal: $(tail \
            -n 20 "$TMP/$label.err" "$TMP/$label.out")"
    fi
    ( sleep 5; kill -KILL "$pid" 2>/dev/null ) >/dev/null 2>&1 &
    killer=$!
    wait "$pid" || status=$?
    kill "$killer" 2>/dev/null || true
    [ "$status" -eq 143 ] ||
        fail "$name did not end by SIGTERM (status $status): $(tail -n 20 \
            "$TMP/$label.err")"
}

EAL="-l 0 --no-huge -m 512 --no-pci"

build skeleton skeleton/basicfwd.c
build rxtx_callbacks rxtx_callbacks/main.c
build link_status_interrupt link_status_interrupt/main.c

# skeleton: forwards port 0 <-> port 1 of two null ports.
run skeleton skeleton 5 "^Core 0 forwarding" $EAL --vdev net_null0 --vdev net_null1
grep -q "^Core 0 forwarding packets" "$TMP/skeleton.out" ||
    fail "skeleton did not start forwarding: $(cat "$TMP/skeleton.out")"
grep -q "Port 1 MAC:" "$TMP/skeleton.out" ||
    fail "skeleton did not set up port 1: $(cat "$TMP/skeleton.out")"
echo "ok: skeleton forwards between net_null0 and net_null1"

# rxtx_callbacks: prints the average latency every 100M packets.
run rxtx_callbacks rxtx_callbacks 60 "^Latency = " $EAL --vdev net_null0 --vdev net_null1,no-rx=1
grep -q "^Core 0 forwarding packets" "$TMP/rxtx_callbacks.out" ||
    fail "rxtx_callbacks did not start: $(cat "$TMP/rxtx_callbacks.out")"
grep -Eq "^Latency = [0-9]+ cycles" "$TMP/rxtx_callbacks.out" ||
    fail "rxtx_callbacks printed no latency line in 60 s"
echo "ok: rxtx_callbacks: $(grep -m1 '^Latency' "$TMP/rxtx_callbacks.out")"

# link_status_interrupt: two null ports, statistics every second.
run link_status_interrupt link_status_interrupt 10 "Total packets sent: +[1-9]" $EAL \
    --vdev net_null0 --vdev net_null1 -- -p 0x3 -q 2 -T 1
out="$TMP/link_status_interrupt.out"
# Once seen (CI, 2026-12-08): the run matched its pattern, then the file
# was gone. Say whether the whole scratch dir went with it.
[ -f "$out" ] || fail "$out vanished after the run; scratch dir $TMP" \
    "$([ -d "$TMP" ] && echo "still has: $(ls "$TMP" | tr '\n' ' ')" ||
        echo "is gone too")"
grep -q "Port statistics" "$out" ||
    fail "link_status_interrupt printed no statistics: $(tail -n 30 "$out")"
grep -Eq "Total packets sent: +[1-9][0-9]*" "$out" ||
    fail "link_status_interrupt sent nothing: $(tail -n 30 "$out")"
grep -Eq "Link status: +Link up" "$out" ||
    fail "link_status_interrupt shows no link up: $(tail -n 30 "$out")"
echo "ok: link_status_interrupt: $(grep -Ea 'Total packets sent' "$out" |
    tail -n 1 | tr -s ' ')"

# The same skeleton on two self-looped net_ring ports (DPDK's default
# net_ring): it starts and keeps running (nothing is injected, so no
# packet moves).
run skeleton_ring skeleton 5 "^Core 0 forwarding" $EAL --vdev net_ring0 \
    --vdev net_ring1
grep -q "^Core 0 forwarding packets" "$TMP/skeleton_ring.out" ||
    fail "skeleton did not start on net_ring: $(cat "$TMP/skeleton_ring.out")"
echo "ok: skeleton runs on two self-looped net_ring ports"
echo "dpdk_examples: all three examples forward on Pollux vdevs"
