#!/bin/bash
# The main job without QEMU (`devtools/main-job.sh --veth` runs it):
# installs dependencies, builds Pollux (release) and runs
# pollux-testpmd forwarding real traffic for about ten seconds, with no
# NIC needed. As root it makes a network namespace and two veth pairs
# (named after this run's pid), keeps the near ends for two net_pcap
# ports (io forwarding, port 0 -> port 1), and replays a generated UDP
# capture with tcpreplay from the namespace into port 0's veth, bounded
# in packets and seconds. Without namespaces (not root, no `ip netns`)
# it forwards between two net_ring ports instead (each looped to itself,
# as DPDK's net_ring makes them; io forwarding sends what port 0 gets
# back on port 1 and the other way) and says so.
# Live throughput every second, then testpmd's final summary and the
# check that port 0's received + RX-missed equals what tcpreplay sent
# (the job fails when it does not); the trap
# removes the namespace, the links and the temp files, also on failure
# or SIGINT. Extra arguments go to pollux-testpmd (after `--`).
# Environment: MJ_SECONDS (forwarding time, default 10),
# MJ_PACKETS (at most this many packets replayed, default 20000000),
# MJ_NO_NETNS=1 (take the net_ring fallback even as root).
set -eu
cd "$(dirname "$0")/.."
secs=${MJ_SECONDS:-10}
max_pkts=${MJ_PACKETS:-20000000}

bash devtools/deps.sh
if [ ! -f build-main/build.ninja ]; then
    meson setup build-main --buildtype=release -Dtests=false >/dev/null
fi
ninja -C build-main -j "$(nproc)"
testpmd=$PWD/build-main/app/pollux-testpmd
[ -x "$testpmd" ] || { echo "main-job: $testpmd was not built" >&2; exit 1; }

ns=plxmj$$
a=mjA$$ b=mjB$$             # near ends: the testpmd ports
ap=mjA$$p bp=mjB$$p         # far ends: in the namespace
tmp=$(mktemp -d /tmp/pollux-mj.XXXXXX)
have_ns=0

cleanup() {
    trap - EXIT INT TERM
    if [ $have_ns = 1 ]; then
        ip netns del "$ns" 2>/dev/null || true
        ip link del "$a" 2>/dev/null || true
        ip link del "$b" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'echo "main-job: interrupted" >&2; exit 130' INT
trap 'exit 143' TERM

eal=(--no-huge -m 512 --no-pci -l "0-1" --file-prefix "mj$$")

make_netns() {
    [ "${MJ_NO_NETNS:-0}" = 0 ] || { echo "MJ_NO_NETNS is set"; return 1; }
    [ "$(id -u)" = 0 ] || { echo "not root"; return 1; }
    command -v ip >/dev/null || { echo "no ip(8)"; return 1; }
    command -v tcpreplay >/dev/null || { echo "no tcpreplay"; return 1; }
    ip netns add "$ns" 2>"$tmp/err" || { cat "$tmp/err"; return 1; }
    have_ns=1
    local near far
    for pair in "$a $ap" "$b $bp"; do
        read -r near far <<<"$pair"
        ip link add "$near" type veth peer name "$far" netns "$ns" ||
            return 1
        sysctl -qw "net.ipv6.conf.$near.disable_ipv6=1" 2>/dev/null || true
        ip netns exec "$ns" sysctl -qw \
            "net.ipv6.conf.$far.disable_ipv6=1" 2>/dev/null || true
        ip link set "$near" up
        ip -n "$ns" link set "$far" up
    done
}

# A capture of 1000 64-byte UDP frames (10.0.0.1 -> 10.0.1.x) to replay.
make_pcap() {
    python3 - "$1" <<'EOF'
import struct, sys
def csum(b):
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    return (~(s + (s >> 16))) & 0xffff
with open(sys.argv[1], 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i in range(1000):
        payload = bytes(18)
        udp = struct.pack('!HHHH', 1024 + i % 64, 5000, 8 + len(payload), 0)
        ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp) + len(payload),
                         i, 0, 64, 17, 0, bytes([10, 0, 0, 1]),
                         bytes([10, 0, 1, i % 250 + 1]))
        ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
        eth = bytes.fromhex('020000000002' '020000000001' '0800')
        frame = eth + ip + udp + payload
        f.write(struct.pack('<IIII', i, 0, len(frame), len(frame)) + frame)
EOF
}

# "received + RX-missed" of port 0 against what tcpreplay sent to it.
check_offered() {
    local sent rx missed
    sent=$(sed -n 's/.*Successful packets: *\([0-9]*\).*/\1/p' "$1" | head -n 1)
    [ -n "$sent" ] ||
        sent=$(sed -n 's/.*Actual: \([0-9]*\) packets.*/\1/p' "$1" | head -n 1)
    read -r rx missed < <(sed -n '/Forward statistics for port 0 /,/------$/p' "$2" |
        awk '$1 == "RX-packets:" { print $2, $4 }')
    if [ -z "$sent" ] || [ -z "$rx" ]; then
        echo "== offered = received + RX-missed: cannot tell (no counts)"
        return 1
    fi
    if [ "$sent" -eq $((rx + missed)) ]; then
        echo "== offered $sent (tcpreplay) = received $rx + RX-missed" \
            "$missed on port 0: the counters add up"
        return 0
    fi
    echo "== offered $sent (tcpreplay) != received $rx + RX-missed" \
        "$missed on port 0: $((sent - rx - missed)) frames unaccounted"
    return 1
}

if make_netns >"$tmp/why" 2>&1; then
    make_pcap "$tmp/udp64.pcap"
    echo "== pollux-testpmd: io forwarding for ${secs}s between net_pcap" \
        "ports on veth $a and $b;"
    echo "== tcpreplay feeds $ap (namespace $ns) with at most $max_pkts" \
        "64-byte UDP frames"
    # The replay starts once forwarding runs, and testpmd's stdin stays
    # open until it is over and the ports have drained: every frame
    # tcpreplay sent is then counted by port 0, received or missed.
    set +e
    (
        for _ in $(seq 600); do
            grep -q 'Press enter to exit' "$tmp/testpmd.log" 2>/dev/null &&
                break
            sleep 0.1
        done
        ip netns exec "$ns" tcpreplay -q --topspeed --loop=0 \
            --limit="$max_pkts" --duration="$secs" \
            -i "$ap" "$tmp/udp64.pcap" >"$tmp/replay.log" 2>&1
        sleep 2
    ) | timeout "$((secs + 90))" "$testpmd" "${eal[@]}" \
        --vdev "net_pcap0,iface=$a" --vdev "net_pcap1,iface=$b" -- \
        --forward-mode=io --stats-period 1 "$@" | tee "$tmp/testpmd.log"
    rc=${PIPESTATUS[1]}
    set -e
    echo "== tcpreplay:"
    grep -E 'Actual|Rated|Successful|Failed' "$tmp/replay.log" ||
        cat "$tmp/replay.log"
    check_offered "$tmp/replay.log" "$tmp/testpmd.log" || rc=1
else
    [ $have_ns = 1 ] && { ip netns del "$ns" 2>/dev/null || true; have_ns=0; }
    echo "== no network namespace ($(tail -n 1 "$tmp/why")):" \
        "falling back to two self-looped net_ring ports (--tx-first), no real NIC traffic"
    set +e
    (sleep "$secs") | timeout "$((secs + 30))" "$testpmd" "${eal[@]}" \
        --vdev net_ring0 --vdev net_ring1 -- \
        --forward-mode=io --tx-first --stats-period 1 "$@"
    rc=$?
    set -e
fi
echo "== pollux-testpmd exited with $rc"
exit "$rc"
