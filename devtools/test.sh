#!/bin/bash
# Builds Pollux with -Werror and runs every test suite (unit, root,
# hugepages, integration). With --asan, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the unit and root suites.
# Run as root on Debian 12; installs its own dependencies.
set -eu
cd "$(dirname "$0")/.."
bash devtools/deps.sh

mode=${1:-}
if [ "$mode" = "--asan" ]; then
    dir=build-asan
    opts=(-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug)
    suites=(--suite fast --suite root)
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
else
    dir=build-test
    opts=()
    suites=()
fi
if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" -Dwerror=true "${opts[@]}" >/dev/null
fi
ninja -C "$dir" -j "$(nproc)"
meson test -C "$dir" --print-errorlogs --num-processes 2 "${suites[@]}"
