#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# The ring headers as applications build with them: each header alone, and
# ring_headers_use.c (which calls every inline function) at -O2, as C11,
# gnu17 and C++11, with the forced "-include rte_config.h", -Wall -Wextra
# -Werror.
#
# usage: ring_headers.sh SOURCE_ROOT BUILD_CONFIG_DIR CC [CXX]
set -u

if [ $# -lt 3 ]; then
    echo "usage: $0 SOURCE_ROOT BUILD_CONFIG_DIR CC [CXX]" >&2
    exit 2
fi
root=$1
build_config=$2
cc=$3
cxx=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

flags=(-O2 -Wall -Wextra -Werror -I"$root/lib/ring/include" -I"$root/lib/eal/include"
    -I"$root/config" -I"$build_config" -include rte_config.h -c
    -o "$work/out.o")
failures=0

# check COMPILER STD LANG FILE
check() {
    if ! "$1" "-std=$2" -x "$3" "${flags[@]}" "$4" >"$work/log" 2>&1; then
        echo "FAIL: $(basename "$4") with $1 -std=$2:"
        sed 's/^/    /' "$work/log" | head -20
        failures=$((failures + 1))
    fi
}

for header in "$root"/lib/ring/include/rte_ring*.h; do
    printf '#include <%s>\nint pollux_header_dummy;\n' "$(basename "$header")" \
        >"$work/$(basename "$header").c"
    check "$cc" c11 c "$work/$(basename "$header").c"
    check "$cc" gnu17 c "$work/$(basename "$header").c"
    [ -n "$cxx" ] && check "$cxx" c++11 c++ "$work/$(basename "$header").c"
done
use=$root/test/ring/ring_headers_use.c
check "$cc" c11 c "$use"
check "$cc" gnu17 c "$use"
[ -n "$cxx" ] && check "$cxx" c++11 c++ "$use"

if [ "$failures" -ne 0 ]; then
    echo "$failures ring header checks failed"
    exit 1
fi
echo "ring headers: all compile as C11, gnu17${cxx:+ and C++11}"
