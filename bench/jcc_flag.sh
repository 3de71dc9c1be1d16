#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# Prints the assembler flag that keeps jumps off 32-byte boundaries when
# cc takes it on this machine (x86), nothing otherwise. meson.build gives
# it to every Pollux build (option branch_align); the benchmarks that
# build the same source against DPDK give it to that build as well, so
# that neither side's loop runs into the JCC erratum penalty by where the
# linker happened to place it (doc/performance.md, "Code placement").
#
# Usage: bench/jcc_flag.sh
flag=-Wa,-mbranches-within-32B-boundaries
case "$(uname -m)" in
x86_64 | i?86)
    if echo 'int main(void) { return 0; }' |
        cc "$flag" -x c - -o /dev/null 2>/dev/null; then
        echo "$flag"
    fi
    ;;
esac
