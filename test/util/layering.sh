#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# The layering rule of doc/design.md, as the build enforces it: what a
# component shows others is its include/ folder, and nothing else. With
# every public include folder on the path (what applications and other
# components get), each private header (a .h outside include/ in lib/
# or drivers/) must be out of reach, and each public one within it.
#
# usage: layering.sh SOURCE_ROOT BUILD_CONFIG_DIR CC
set -u
src=${1:?usage: $0 SOURCE_ROOT BUILD_CONFIG_DIR CC}
build_config=${2:?}
cc=${3:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

flags=(-I"$src/config" -I"$build_config")
for dir in "$src"/lib/*/include "$src"/drivers/*/*/include; do
    [ -d "$dir" ] && flags+=(-I"$dir")
done

# reachable HEADER: 0 when #include <HEADER> finds a file.
reachable() {
    printf '#include <%s>\n' "$1" >"$work/tu.c"
    ! "$cc" -E "${flags[@]}" -include rte_config.h "$work/tu.c" \
        -o /dev/null 2>&1 | grep -q "$1: No such file"
}

failures=0
private=0
public=0
while IFS= read -r path; do
    name=$(basename "$path")
    case $path in
    */include/*)
        public=$((public + 1))
        if ! reachable "$name"; then
            echo "FAIL: public header ${path#"$src"/} is not reachable"
            failures=$((failures + 1))
        fi ;;
    *)
        private=$((private + 1))
        if reachable "$name"; then
            echo "FAIL: private header ${path#"$src"/} is reachable from" \
                "the public include path"
            failures=$((failures + 1))
        fi ;;
    esac
done < <(find "$src/lib" "$src/drivers" -name '*.h' | sort)
echo "$public public and $private private headers, $failures failures"
[ "$private" -gt 0 ] && [ "$public" -gt 0 ] && [ "$failures" -eq 0 ]
