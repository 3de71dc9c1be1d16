#!/bin/bash
# DPDK's helloworld example (from Debian's dpdk-doc), unmodified, built
# against the installed libpollux: with pkg-config directly, and with the
# example's own Makefile (shared and static targets) through the libdpdk.pc
# stand-in. Each binary must print one line per lcore.
# Usage: helloworld.sh BUILD_DIR
set -eu
BUILD=$(cd "$1" && pwd)
EXAMPLE=/usr/share/dpdk/examples/helloworld
if [ ! -f "$EXAMPLE/main.c" ]; then
    echo "SKIP: $EXAMPLE/main.c not found (install Debian's dpdk-doc)"
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$(dirname "$0")/install_env.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }

# check_hello BINARY EAL_ARGS... : one "hello from core N" per lcore.
check_hello() {
    local bin=$1 nb_lcores=$2
    shift 2
    local out
    out=$(LD_LIBRARY_PATH="$LIBDIR" "$bin" "$@" 2>"$TMP/stderr") ||
        fail "$bin $* exited with $?: $(cat "$TMP/stderr")"
    local lines
    lines=$(grep -c '^hello from core [0-9]*$' <<<"$out" || true)
    [ "$lines" -eq "$nb_lcores" ] ||
        fail "$bin $*: $lines hello lines, want $nb_lcores: $out"
    [ "$(sort -u <<<"$out" | grep -c '^hello')" -eq "$nb_lcores" ] ||
        fail "$bin $*: an lcore said hello twice: $out"
    echo "ok: $(basename "$bin") $* -> $nb_lcores lines"
}

ncpu=$(nproc)
# 1. pkg-config, the way a user builds an app.
cc -O2 $($PC --cflags libpollux) -DALLOW_EXPERIMENTAL_API \
    "$EXAMPLE/main.c" -o "$TMP/hello-pc" $($PC --libs libpollux)
check_hello "$TMP/hello-pc" "$ncpu" --no-huge
check_hello "$TMP/hello-pc" "$ncpu" --no-huge -l "0-$((ncpu - 1))"
check_hello "$TMP/hello-pc" 8 --no-huge --lcores "(0-7)@(0-$((ncpu - 1)))"
check_hello "$TMP/hello-pc" 1 --no-huge -l 0

# 2. The example's own Makefile, unmodified, shared and static.
mkdir "$TMP/hw"
cp "$EXAMPLE/main.c" "$EXAMPLE/Makefile" "$TMP/hw/"
export PKG_CONFIG_PATH="$COMPAT_PC_PATH:$PC_PATH"
make -s -C "$TMP/hw" PKGCONF="$PC" shared >/dev/null
make -s -C "$TMP/hw" PKGCONF="$PC" static >/dev/null
check_hello "$TMP/hw/build/helloworld-shared" 4 --no-huge --lcores "(0-3)@0"
check_hello "$TMP/hw/build/helloworld-static" 4 --no-huge --lcores "(0-3)@0"
if readelf -d "$TMP/hw/build/helloworld-static" | grep -q 'libpollux'; then
    fail "the static build still needs libpollux.so"
fi
readelf -d "$TMP/hw/build/helloworld-shared" | grep -q 'libpollux' ||
    fail "the shared build does not use libpollux.so"
echo "helloworld: all builds print one line per lcore"
