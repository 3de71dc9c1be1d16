#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# Compiles, for every public header, a translation unit that includes
# only that header, the way applications build: with the forced
# "-include rte_config.h" from pkg-config and -Wall -Wextra -Werror, as
# strict C11, as gnu17, and as C++11 when a C++ compiler is present.
#
# usage: headers_standalone.sh <include dir> <config dir> <build config dir> \
#            <C compiler> [C++ compiler]
set -u

if [ $# -lt 4 ]; then
    echo "usage: $0 INCLUDE_DIR CONFIG_DIR BUILD_CONFIG_DIR CC [CXX]" >&2
    exit 2
fi
include_dir=$1
config_dir=$2
build_config_dir=$3
cc=$4
cxx=${5:-}

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

common_flags=(-Wall -Wextra -Werror -I"$include_dir" -I"$config_dir"
    -I"$build_config_dir" -include rte_config.h -c -o "$workdir/out.o")
failures=0
checks=0

# check <compiler> <language flag> <std> <header>
check() {
    local compiler=$1 lang=$2 std=$3 header=$4
    local src="$workdir/tu.$lang"

    printf '#include <%s>\nint pollux_header_test_dummy;\n' "$header" >"$src"
    checks=$((checks + 1))
    if ! "$compiler" "-std=$std" "${common_flags[@]}" "$src" \
            >"$workdir/log" 2>&1; then
        echo "FAIL: $header does not compile alone with $compiler -std=$std:"
        sed 's/^/    /' "$workdir/log" | head -20
        failures=$((failures + 1))
    fi
}

for path in "$include_dir"/rte_*.h; do
    header=$(basename "$path")
    check "$cc" c c11 "$header"
    check "$cc" c gnu17 "$header"
    if [ -n "$cxx" ]; then
        check "$cxx" cpp c++11 "$header"
    fi
done

echo "$checks compilations, $failures failed"
[ "$failures" -eq 0 ]
