#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# pollux-testpmd on two ports of the 82599 model (LD_PRELOAD, wire=pcap):
# io forwarding with counts and frames compared byte for byte, 4 Rx
# queues with RSS, link drop and return through the model's control
# FIFO, and every bad parameter refused. No root, no hugepages.
# Usage: testpmd_model.sh BUILD_DIR
set -u
BUILD=$1
TESTPMD=$BUILD/app/pollux-testpmd
MODEL=$BUILD/test/models/ixgbe/libpollux_ixgbe_model.so
# A sanitizer build: its runtime must come first in the preload list.
ASAN_RT=$(ldd "$MODEL" | awk '/libasan/ { print $3 }')
MODEL="${ASAN_RT:+$ASAN_RT }$MODEL"
WORK=$(mktemp -d /tmp/pollux-ixgbe-testpmd.$$.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
FAILED=0
fail() { echo "FAIL: $*"; FAILED=1; }
unset POLLUX_SYSFS_PCI

# mkpcap FILE N SEED PORT: N Ethernet/IPv4/UDP frames of 60..1459 bytes
# to the model's address of PORT (02:82:59:9e:00:0PORT): the frames are
# played as soon as the port is up, before any promiscuous command.
mkpcap() {
	python3 - "$@" <<'EOF'
import struct, sys
path, n, seed, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with open(path, 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for k in range(n):
        size = 60 + (k * 11) % 1400
        hdr = bytes([0x02, 0x82, 0x59, 0x9e, 0x00, port, 0x02, 0x00, 0x00,
                     0x00, 0x00, 0x02, 0x08, 0x00])
        ip = bytes([0x45, 0, (size - 14) >> 8, (size - 14) & 0xff, 0, 0, 0,
                    0, 64, 17, 0, 0, 10, 0, seed, k & 0xff, 10, 1, 0, 1])
        udp = struct.pack('>HHHH', 1000 + k, 2000 + seed, size - 34, 0)
        body = bytes((seed + k + i) & 0xff for i in range(size - 42))
        frame = hdr + ip + udp + body
        f.write(struct.pack('<IIII', 1, k, size, size) + frame)
EOF
}

# frames FILE: one hex line per frame.
frames() {
	python3 - "$1" <<'EOF'
import struct, sys
data = open(sys.argv[1], 'rb').read()
off = 24
while off + 16 <= len(data):
    caplen = struct.unpack('<IIII', data[off:off + 16])[2]
    print(data[off + 16:off + 16 + caplen].hex())
    off += 16 + caplen
EOF
}

# run NAME MODELCFG SECONDS TESTPMD_ARGS...: an interactive session that
# starts forwarding, waits, stops and shows the NIC's counters.
run() {
	local name=$1 cfg=$2 secs=$3
	shift 3
	{ sleep 1; printf 'start\n'; sleep "$secs"
	  printf 'stop\nshow port stats all\nshow port xstats 0\n'
	  sleep 0.5; printf 'quit\n'; } |
		timeout 60 env LD_PRELOAD="$MODEL" POLLUX_IXGBE_MODEL="$cfg" \
		"$TESTPMD" --no-huge -m 512 -l 0-1 -- -i "$@" \
		>"$WORK/$name.out" 2>&1
	echo "$name: exit $?" >>"$WORK/$name.out"
}

# 1. io forwarding: port 0's input leaves port 1 and the other way.
mkpcap "$WORK/in0.pcap" 200 1 0
mkpcap "$WORK/in1.pcap" 120 2 1
run fwd "ports=2,link_delay_ms=1,wire=pcap,rx_pcap=$WORK/in%u.pcap,tx_pcap=$WORK/out%u.pcap" 2 \
	--forward-mode=io
sleep 0.2
grep -q 'fwd: exit 0' "$WORK/fwd.out" || fail "io forwarding: testpmd failed"
for pair in "0 1" "1 0"; do
	set -- $pair
	if ! cmp -s <(frames "$WORK/in$1.pcap") <(frames "$WORK/out$2.pcap"); then
		fail "frames into port $1 do not leave port $2 byte for byte" \
			"($(frames "$WORK/in$1.pcap" | wc -l) in," \
			"$(frames "$WORK/out$2.pcap" 2>/dev/null | wc -l) out)"
	fi
done
# nic OUT PORT FIELD: a counter of 'show port stats all' (frames that
# arrive before "start" wait in the ring, so the NIC's counters, not the
# forwarding statistics, are the reference).
nic() {
	sed -n "/NIC statistics for port $2 /,/####\$/p" "$1" |
		awk -v f="$3" '{ for (i = 1; i < NF; i++) if ($i == f) print $(i + 1) }'
}
xs() { awk -v f="$2:" '$1 == f { print $2 }' "$1"; }
rx0=$(nic "$WORK/fwd.out" 0 RX-packets:)
tx1=$(nic "$WORK/fwd.out" 1 TX-packets:)
rx1=$(nic "$WORK/fwd.out" 1 RX-packets:)
tx0=$(nic "$WORK/fwd.out" 0 TX-packets:)
[ "$rx0" = 200 ] && [ "$tx1" = 200 ] && [ "$rx1" = 120 ] && [ "$tx0" = 120 ] ||
	fail "io forwarding counts: port 0 RX '$rx0' TX '$tx0', port 1 RX '$rx1'" \
		"TX '$tx1' (want 200 120 120 200)"
[ "$(xs "$WORK/fwd.out" rx_crc_errors)" = 0 ] &&
	[ "$(xs "$WORK/fwd.out" rx_q0_packets)" = 200 ] ||
	fail "io forwarding xstats: rx_crc_errors/rx_q0_packets of port 0"

# 2. 4 Rx queues with RSS: every queue of port 0 gets some of 200 flows.
mkpcap "$WORK/rss0.pcap" 200 3 0
: >"$WORK/rss1.pcap"
python3 - "$WORK/rss1.pcap" <<'EOF'
import struct, sys
open(sys.argv[1], 'wb').write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
EOF
run rss "ports=2,link_delay_ms=1,wire=pcap,rx_pcap=$WORK/rss%u.pcap,tx_pcap=$WORK/rssout%u.pcap" 2 \
	--forward-mode=io --rxq=4 --txq=4 --rss-udp
sleep 0.2
total=0
for q in 0 1 2 3; do
	n=$(xs "$WORK/rss.out" rx_q${q}_packets)
	[ "${n:-0}" -gt 0 ] || fail "RSS: queue $q of port 0 received '$n' of 200 flows"
	total=$((total + ${n:-0}))
done
[ "$total" = 200 ] || fail "RSS: the 4 queues of port 0 received $total of 200"
[ "$(nic "$WORK/rss.out" 0 RX-packets:)" = 200 ] ||
	fail "RSS: port 0 RX-packets is not 200"

# 3. Link drop and return through the control FIFO.
TREE=$WORK/tree
{
	sleep 1.5
	printf 'show port info 0\n'
	sleep 0.5
	echo 'cable 0 down' >"$TREE/control"
	sleep 0.5
	printf 'show port info 0\n'
	sleep 0.5
	echo 'cable 0 up' >"$TREE/control"
	sleep 0.5
	printf 'show port info 0\n'
	sleep 0.5
	printf 'quit\n'
} | timeout 60 env LD_PRELOAD="$MODEL" \
	POLLUX_IXGBE_MODEL="ports=2,link_delay_ms=1,dir=$TREE" "$TESTPMD" --no-huge -m 512 -l 0-1 -- -i >"$WORK/link.out" 2>&1
states=$(grep 'Link status:' "$WORK/link.out" | awk '{ print $3 }' | tr '\n' ' ')
[ "$states" = "up down up " ] ||
	fail "link drop and return: 'show port info 0' said '$states' (want up down up)"

# 4. Bad parameters: refused with one line, testpmd exits non-zero.
bad() {
	local what=$1
	shift
	timeout 60 env LD_PRELOAD="$MODEL" \
		POLLUX_IXGBE_MODEL=ports=2,link_delay_ms=1 "$TESTPMD" --no-huge -m 512 -l 0-1 -- "$@" \
		</dev/null >"$WORK/bad.out" 2>&1
	if [ $? -eq 0 ]; then
		fail "$what: testpmd accepted $*"
	elif ! grep -Eq 'must be in|expected|invalid|Invalid' "$WORK/bad.out"; then
		fail "$what: no line says what was wrong"
	fi
}
bad "ring not a multiple of 8" --rxd=100
bad "ring too large" --rxd=8192
bad "ring too small" --txd=16
bad "too many queues" --rxq=65 --txq=65

if [ $FAILED -ne 0 ]; then
	for f in "$WORK"/*.out; do echo "--- $f"; tail -40 "$f"; done
	exit 1
fi
echo "testpmd on the 82599 model: all checks passed"
