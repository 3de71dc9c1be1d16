#!/bin/bash
# pollux-testpmd's icmpecho engine answers a real ping: a network
# namespace with one end of a veth pair (192.0.2.1/24, namespace only),
# the other end driven by pollux-testpmd through net_pcap; five pings
# to 192.0.2.2 (icmpecho answers ARP and echo for any target address)
# must all be answered; then end of input stops testpmd, which must
# exit 0. Needs root (skipped with 77 otherwise).
# Usage: icmpecho_ping.sh BUILD_DIR
TESTPMD="$1/app/pollux-testpmd"
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: needs root (network namespace and veth pair)"
	exit 77
fi
for cmd in ip ping; do
	command -v $cmd >/dev/null || { echo "SKIP: no $cmd"; exit 77; }
done

NS=plxie$$
NEAR=plxie$$n
FAR=plxie$$f
OUT=$(mktemp -d)
FIFO=$OUT/stdin
TPID=
cleanup() {
	[ -n "$TPID" ] && kill "$TPID" 2>/dev/null
	exec 9>&- 2>/dev/null
	ip netns del "$NS" 2>/dev/null
	ip link del "$NEAR" 2>/dev/null
	rm -rf "$OUT"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! ip netns add "$NS" 2>"$OUT/err"; then
	echo "SKIP: cannot make a network namespace: $(cat "$OUT/err")"
	exit 77
fi
ip link add "$NEAR" type veth peer name "$FAR" netns "$NS" || exit 1
sysctl -qw "net.ipv6.conf.$NEAR.disable_ipv6=1" 2>/dev/null
ip link set "$NEAR" up || exit 1
ip -n "$NS" addr add 192.0.2.1/24 dev "$FAR" || exit 1
ip -n "$NS" link set "$FAR" up || exit 1

# testpmd's stdin is a fifo we hold open: closing it is the EOF that
# stops forwarding.
mkfifo "$FIFO"
timeout 120 "$TESTPMD" $EAL --vdev "net_pcap0,iface=$NEAR" -- \
	--forward-mode=icmpecho <"$FIFO" >"$OUT/tpmd.log" 2>&1 &
TPID=$!
exec 9>"$FIFO"

# Forwarding has started once the prompt to stop is printed.
for _ in $(seq 100); do
	grep -q 'Press enter to exit' "$OUT/tpmd.log" && break
	kill -0 "$TPID" 2>/dev/null || break
	sleep 0.1
done
grep -q 'Press enter to exit' "$OUT/tpmd.log" ||
	fail "testpmd did not start forwarding"

ip netns exec "$NS" ping -c 5 -W 2 -i 0.2 192.0.2.2 >"$OUT/ping.log" 2>&1
prc=$?
cat "$OUT/ping.log"
[ $prc -eq 0 ] || fail "ping exited $prc"
grep -q ' 0% packet loss' "$OUT/ping.log" || fail "ping lost packets"

exec 9>&-
wait "$TPID"
rc=$?
TPID=
[ $rc -eq 0 ] || fail "testpmd exited $rc"
grep -q '^Bye...$' "$OUT/tpmd.log" || fail "testpmd: no Bye..."
grep -q 'not returned' "$OUT/tpmd.log" && fail "testpmd: mbufs leaked"
sed -n '/Accumulated forward statistics/,/+++++$/p' "$OUT/tpmd.log"
if [ $FAILED != 0 ]; then
	echo "== testpmd output:"
	cat "$OUT/tpmd.log"
fi
echo "icmpecho_ping: testpmd rc=$rc ping rc=$prc"
exit $FAILED
