#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# DPDK's l2fwd and skeleton examples (Debian's dpdk-doc), unmodified,
# built against the installed libpollux, forward between two ports of
# the 82599 model (LD_PRELOAD, wire=pcap): every frame played into port 0
# leaves port 1 (skeleton: byte for byte; l2fwd rewrites the MACs, the
# rest is compared).
# Usage: dpdk_examples_model.sh BUILD_DIR
set -eu
BUILD=$(cd "$1" && pwd)
EX=/usr/share/dpdk/examples
if [ ! -f "$EX/l2fwd/main.c" ] || [ ! -f "$EX/skeleton/basicfwd.c" ]; then
	echo "SKIP: $EX/{l2fwd,skeleton} not found (install Debian's dpdk-doc)"
	exit 77
fi
MODEL=$BUILD/test/models/ixgbe/libpollux_ixgbe_model.so
# A sanitizer build: its runtime must come first in the preload list.
ASAN_RT=$(ldd "$MODEL" | awk '/libasan/ { print $3 }')
MODEL="${ASAN_RT:+$ASAN_RT }$MODEL"
TMP=$(mktemp -d /tmp/pollux-ixgbe-examples.$$.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
unset POLLUX_SYSFS_PCI
. "$(dirname "$0")/../integration/install_env.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }

for app in l2fwd/main.c skeleton/basicfwd.c; do
	name=${app%%/*}
	cc -O2 $($PC --cflags libpollux) -DALLOW_EXPERIMENTAL_API "$EX/$app" \
		-o "$TMP/$name" $($PC --libs libpollux) ||
		fail "$name does not build"
done

# 300 frames of 60..1415 bytes to port 0's address (02:82:59:9e:00:00).
python3 - "$TMP/in0.pcap" "$TMP/in1.pcap" <<'PY'
import struct, sys
hdr = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)
with open(sys.argv[1], 'wb') as f:
    f.write(hdr)
    for k in range(300):
        size = 60 + (k * 17) % 1356
        frame = bytes([2, 0x82, 0x59, 0x9e, 0, 0, 2, 0, 0, 0, 0, 9, 0x08, 0])
        frame += bytes((k + i) & 0xff for i in range(size - 14))
        f.write(struct.pack('<IIII', 1, k, size, size) + frame)
open(sys.argv[2], 'wb').write(hdr)
PY

# frames FILE SKIP: one hex line per frame, without its first SKIP bytes.
frames() {
	python3 - "$1" "$2" <<'PY'
import struct, sys
data, skip, off = open(sys.argv[1], 'rb').read(), int(sys.argv[2]), 24
while off + 16 <= len(data):
    n = struct.unpack('<IIII', data[off:off + 16])[2]
    print(data[off + 16 + skip:off + 16 + n].hex())
    off += 16 + n
PY
}

# run NAME SKIP ARGS...: runs the example for 4 s on fresh model ports.
run() {
	local name=$1 skip=$2 dir=$TMP/tree-$1
	shift 2
	rm -f "$TMP/out0.pcap" "$TMP/out1.pcap"
	# The model goes into the example only (not into timeout).
	timeout -s INT 4 env LD_LIBRARY_PATH="$LIBDIR" LD_PRELOAD="$MODEL" \
		POLLUX_IXGBE_MODEL="ports=2,link_delay_ms=1,dir=$dir,wire=pcap,rx_pcap=$TMP/in%u.pcap,tx_pcap=$TMP/out%u.pcap" \
		"$TMP/$name" "$@" >"$TMP/$name.out" 2>&1 || true
	[ -f "$TMP/out1.pcap" ] || fail "$name: port 1 sent nothing: $(tail -n 20 "$TMP/$name.out")"
	if ! cmp -s <(frames "$TMP/in0.pcap" "$skip") <(frames "$TMP/out1.pcap" "$skip"); then
		fail "$name: $(frames "$TMP/out1.pcap" 0 | wc -l) of 300 frames left port 1, or they differ: $(tail -n 20 "$TMP/$name.out")"
	fi
	echo "ok: $name forwarded 300 frames from model port 0 to model port 1"
}

run skeleton 0 -l 0 --no-huge -m 512
run l2fwd 12 -l 0 --no-huge -m 512 -- -p 0x3 -q 2 -T 1
