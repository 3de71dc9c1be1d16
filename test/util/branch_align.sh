#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright(c) 2026 The Pollux authors
#
# No jump in a binary's .text crosses or ends on a 32-byte boundary: what
# meson.build's branch_align option (-Wa,-mbranches-within-32B-boundaries)
# promises on x86. Counts the direct conditional and unconditional jumps
# (jcc and jmp to a label: the ones that flag aligns; indirect jumps are
# not among them) whose bytes span two 32-byte blocks or end at the last
# byte of one, outside the compiler's own start-up code (crtstuff), prints
# the first few and fails on any; also fails when there are none to check.
#
# usage: branch_align.sh BINARY
set -u
bin=${1:?usage: $0 BINARY}
command -v objdump >/dev/null || { echo "SKIP: no objdump (binutils)"; exit 77; }
[ -r "$bin" ] || { echo "FAIL: cannot read $bin"; exit 1; }

objdump -d -w -j .text "$bin" | awk '
    function hex(s,    i, v) {
        v = 0
        for (i = 1; i <= length(s); i++)
            v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
        return v
    }
    # "addr <function>:" starts a function
    /^[0-9a-f]+ <.*>:$/ {
        fn = $2
        next
    }
    # "  addr:\tbytes \tmnemonic operands"
    /^ *[0-9a-f]+:\t/ {
        if (fn ~ /^<(deregister_tm_clones|register_tm_clones|__do_global_dtors_aux|frame_dummy)>:$/)
            next
        split($0, f, "\t")
        a = substr(f[1], 1, index(f[1], ":") - 1)
        gsub(/ /, "", a)
        addr = hex(a)
        len = split(f[2], bytes, " ")
        mnem = f[3]
        sub(/^(notrack|bnd|ds|cs) +/, "", mnem)
        if (mnem !~ /^j[a-z]+ / || mnem ~ /\*/)
            next
        jumps++
        last = addr + len - 1
        if (int(addr / 32) != int(last / 32) || last % 32 == 31) {
            bad++
            if (bad <= 5)
                printf "    %x (%d bytes): %s\n", addr, len, f[3]
        }
    }
    END {
        if (jumps == 0) {
            print "FAIL: no jumps found in .text"
            exit 1
        }
        if (bad > 0) {
            printf "FAIL: %d of %d jumps cross or end on a 32-byte boundary\n",
                bad, jumps
            exit 1
        }
        printf "OK: none of %d jumps crosses or ends on a 32-byte boundary\n",
            jumps
    }'
