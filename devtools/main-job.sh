#!/bin/bash
# The main job: installs dependencies, builds and installs Pollux into
# ./build-main/install, builds an application against the installed
# libpollux.pc, and runs it on every lcore of this machine.
set -eu
cd "$(dirname "$0")/.."
bash devtools/deps.sh
prefix=$PWD/build-main/install
if [ ! -f build-main/build.ninja ]; then
    meson setup build-main --prefix "$prefix" -Dtests=false >/dev/null
fi
ninja -C build-main -j "$(nproc)"
meson install -C build-main --quiet >/dev/null
pcdir=$(dirname "$(find "$prefix" -name libpollux.pc | head -n 1)")
export PKG_CONFIG_PATH=$pcdir
libdir=$(pkg-config --variable=libdir libpollux)
cc -O2 $(pkg-config --cflags libpollux) examples/lcore_hello/main.c \
    -o build-main/lcore_hello $(pkg-config --libs libpollux)
echo "== lcore_hello on every lcore ($(nproc) CPUs), built against $pcdir"
LD_LIBRARY_PATH=$libdir ./build-main/lcore_hello -l "0-$(($(nproc) - 1))" "$@"
