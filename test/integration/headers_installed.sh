#!/bin/bash
# Every installed public header (all libraries and buses, not only the
# EAL's) compiles on its own as C11, gnu17 and C++11, from the installed
# include directory with the pkg-config flags.
# Usage: headers_installed.sh BUILD_DIR SOURCE_DIR
set -eu
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$SRC/test/integration/install_env.sh"
inc=$($PC --variable=includedir libpollux)
cxx=$(command -v c++ || true)
# Not exec: the trap above must still remove the scratch install.
bash "$SRC/test/util/headers_standalone.sh" "$inc" "$inc" "$inc" cc $cxx
