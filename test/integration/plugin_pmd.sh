#!/bin/bash
# An out-of-tree PMD (examples/plugin_pmd) built with its Makefile against
# the installed headers and libpollux.pc only, loaded with -d into a
# forwarder built the same way: two net_plugin ports forward to each
# other, every packet received is sent, and the pool is full at the end.
# A bad -d path fails rte_eal_init() with a line naming the file.
# Usage: plugin_pmd.sh BUILD_DIR SOURCE_DIR
set -eu
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)/examples/plugin_pmd
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$(dirname "$0")/install_env.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }

cp "$SRC/plugin_pmd.c" "$SRC/Makefile" "$SRC/fwd.c" "$TMP/"
make -s -C "$TMP" PKGCONF="$PC" plugin_pmd.so ||
    fail "the plugin does not build against the installed tree"
cc -O2 -Wall -Werror $($PC --cflags libpollux) "$TMP/fwd.c" -o "$TMP/fwd" \
    $($PC --libs libpollux) || fail "the forwarder does not build"

out=$(LD_LIBRARY_PATH="$LIBDIR" timeout 60 "$TMP/fwd" -l 0 --no-huge -m 256 \
    --no-pci -d "$TMP/plugin_pmd.so" --vdev net_plugin0 --vdev net_plugin1 \
    -- 1000 2>"$TMP/err") || fail "fwd exited with $?: $(cat "$TMP/err")"
echo "$out"
# Each port received 1000 bursts of 32, all sent on by the other port.
for p in 0 1; do
    grep -qx "port $p driver net_plugin rx 32000 tx 32000" <<<"$out" ||
        fail "port $p did not forward 32000 packets each way: $out"
done
grep -qx "pool 4095 of 4095 free" <<<"$out" || fail "mbufs lost: $out"

# A plugin path that does not exist: init fails, one line names it.
status=0
LD_LIBRARY_PATH="$LIBDIR" "$TMP/fwd" -l 0 --no-huge -m 256 --no-pci \
    -d "$TMP/no_such_plugin.so" --vdev net_plugin0 >"$TMP/out" \
    2>"$TMP/err" || status=$?
[ "$status" -ne 0 ] || fail "fwd started with a missing plugin"
grep -q "no_such_plugin.so" "$TMP/err" ||
    fail "no line names the missing plugin: $(cat "$TMP/err")"
echo "ok: missing plugin: $(grep -m1 no_such_plugin.so "$TMP/err")"

# Without -d, net_plugin is unknown: the vdev cannot be probed.
status=0
LD_LIBRARY_PATH="$LIBDIR" "$TMP/fwd" -l 0 --no-huge -m 256 --no-pci \
    --vdev net_plugin0 >"$TMP/out" 2>"$TMP/err" || status=$?
[ "$status" -ne 0 ] || fail "fwd ran without the plugin loaded"
echo "plugin_pmd: the out-of-tree PMD forwards and bad paths are named"
