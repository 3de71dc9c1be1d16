#!/bin/bash
# DPDK's l2fwd example (Debian's dpdk-doc), unmodified, built against the
# installed libpollux, forwards between two net_null ports, then runs on
# two self-looped net_ring ports (as DPDK makes them), and exits cleanly
# on SIGTERM ("Bye...", status 0, every port closed).
# Usage: l2fwd.sh BUILD_DIR
set -eu
BUILD=$(cd "$1" && pwd)
SRC=/usr/share/dpdk/examples/l2fwd/main.c
if [ ! -f "$SRC" ]; then
    echo "SKIP: $SRC not found (install Debian's dpdk-doc)"
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$(dirname "$0")/install_env.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }

cc -O2 $($PC --cflags libpollux) -DALLOW_EXPERIMENTAL_API "$SRC" \
    -o "$TMP/l2fwd" $($PC --libs libpollux) || fail "l2fwd does not build"

# run_l2fwd LABEL ARGS...: runs until two statistics screens show sent
# packets (at most 20 s), then SIGTERM; l2fwd must exit 0 by itself.
run_l2fwd() {
    local label=$1 out=$TMP/$1.out status=0 waited=0 pid
    shift
    LD_LIBRARY_PATH="$LIBDIR" stdbuf -oL "$TMP/l2fwd" "$@" >"$out" 2>&1 &
    pid=$!
    while [ "$waited" -lt 100 ] && kill -0 "$pid" 2>/dev/null &&
            [ "$(grep -Eac 'Total packets sent: +[1-9]' "$out")" -lt 2 ]; do
        sleep 0.2
        waited=$((waited + 1))
    done
    kill -TERM "$pid" 2>/dev/null || fail "$label: l2fwd ended early: $(tail -n 20 "$out")"
    ( sleep 10; kill -KILL "$pid" 2>/dev/null ) >/dev/null 2>&1 &
    wait "$pid" || status=$?
    [ "$status" -eq 0 ] || fail "$label: exit status $status: $(tail -n 20 "$out")"
    grep -q "^Bye" "$out" || fail "$label: no clean exit: $(tail -n 20 "$out")"
    grep -q "Closing port 1... Done" "$out" || fail "$label: port 1 not closed"
    local sent
    sent=$(grep -Ea 'Total packets sent' "$out" | tail -n 1 | tr -s ' ' | cut -d' ' -f4)
    [ "${sent:-0}" -gt 0 ] || fail "$label: nothing forwarded"
    echo "ok: l2fwd $label forwarded $sent packets and exited cleanly"
}

EAL="-l 0 --no-huge -m 512 --no-pci"
run_l2fwd null $EAL --vdev net_null0 --vdev net_null1 -- -p 0x3 -q 2 -T 1
# Self-looped ring ports (the same --vdev arguments DPDK's l2fwd takes)
# carry nothing by themselves: l2fwd starts, shows its screens, and must
# still shut down cleanly.
LD_LIBRARY_PATH="$LIBDIR" timeout -s TERM 4 "$TMP/l2fwd" $EAL \
    --vdev net_ring0 --vdev net_ring1 \
    -- -p 0x3 -q 2 -T 1 >"$TMP/ring.out" 2>&1 || true
grep -q "^Bye" "$TMP/ring.out" || fail "ring: no clean exit: $(tail -n 20 "$TMP/ring.out")"
echo "ok: l2fwd on two self-looped net_ring ports starts and exits cleanly"
