#!/bin/bash
# Checks or applies .clang-format (DPDK's style as this tree writes it)
# on the C files git knows, or on the files named.
#
# usage: devtools/format.sh [--check|--apply|--diff] [FILE...]
#   --check  (default) list the files clang-format would change; exit 1
#            if there is one
#   --diff   show what it would change
#   --apply  rewrite the files in place
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
if [ $# -gt 0 ]; then
    files=("$@")
else
    mapfile -t files < <(git ls-files '*.c' '*.h')
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
