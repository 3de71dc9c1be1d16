#!/bin/bash
# Checks or applies .clang-format (DPDK's style as this tree writes it)
# on the C files git knows, or on the files named.
#
# usage: devtools/format.sh [--check|--apply|--diff] [FILE...]
#   --check  (default) list the files clang-format would change; exit 1
#            if there is one
#   --diff   show what it would change
#   --apply  rewrite the files in place
# The layout is pinned to clang-format 14 (Debian 12's): other versions
# lay some lines out differently, so --check refuses them (exit 77, the
# test harness's "skipped") rather than report files that are fine.
set -eu
cd "$(dirname "$0")/.."
mode=--check
case "${1:-}" in
--check|--apply|--diff) mode=$1; shift ;;
-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
fmt=$(command -v clang-format || command -v clang-format-14 || true)
if [ -z "$fmt" ]; then
    echo "format.sh: clang-format not found (Debian: apt-get install clang-format)" >&2
    exit 2
fi
major=$("$fmt" --version | sed -n 's/.*version \([0-9][0-9]*\)\..*/\1/p')
if [ "$major" != 14 ] && [ "$mode" = --check ]; then
    echo "format.sh: clang-format $major found; the layout is pinned to clang-format 14 (Debian 12)" >&2
    exit 77
fi
if [ $# -gt 0 ]; then
    files=("$@")
elif git rev-parse --git-dir >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files '*.c' '*.h')
else
    # A tree without git (an unpacked tarball): the source folders.
    mapfile -t files < <(find app bench buildtools config drivers examples lib test \
        usertools -name '*.[ch]' 2>/dev/null | sort)
fi
if [ ${#files[@]} -eq 0 ]; then
    echo "format.sh: no C files found under $(pwd)" >&2
    exit 1
fi
changed=0
for f in "${files[@]}"; do
    case $mode in
    --apply)
        "$fmt" -i --style=file "$f" ;;
    --diff)
        "$fmt" --style=file "$f" | diff -u --label "a/$f" --label "b/$f" "$f" - ||
            changed=$((changed + 1)) ;;
    --check)
        if ! "$fmt" --style=file "$f" | cmp -s "$f" -; then
            echo "$f"
            changed=$((changed + 1))
        fi ;;
    esac
done
if [ "$mode" != --apply ] && [ $changed -gt 0 ]; then
    echo "format.sh: $changed of ${#files[@]} files differ from .clang-format" >&2
    exit 1
fi
exit 0
