#!/bin/bash
# pollux-testpmd forwarding on two net_null ports with each engine and
# on two self-looped net_ring ports with --tx-first; stopped by end of
# input.
# Usage: fwd_engines.sh BUILD_DIR
TESTPMD="$1/app/pollux-testpmd"
. "$(dirname "$0")/lib.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

for mode in io mac macswap rxonly txonly flowgen 5tswap icmpecho; do
	log="$OUT/$mode.log"
	run_fwd 1 "$log" $EAL $NULL_PORTS -- --forward-mode=$mode \
		--total-num-mbufs=8192 --record-core-cycles
	rc=$?
	rx=$(accumulated "$log" RX)
	tx=$(accumulated "$log" TX)
	[ $rc -eq 0 ] || fail "$mode: exit $rc"
	grep -q '^Bye...$' "$log" || fail "$mode: no Bye..."
	grep -q "^$mode packet forwarding - ports=2 - cores=1 - streams=2" \
		"$log" || fail "$mode: no forwarding config line"
	case $mode in
	io|mac|macswap|5tswap)
		[ "${rx:-0}" -gt 0 ] || fail "$mode: nothing received"
		[ "$rx" = "$tx" ] || fail "$mode: RX $rx != TX $tx" ;;
	rxonly|icmpecho)
		# net_null sends zeroed frames: nothing to answer.
		[ "${rx:-0}" -gt 0 ] || fail "$mode: nothing received"
		[ "$tx" = 0 ] || fail "$mode: sent $tx" ;;
	txonly|flowgen)
		[ "${tx:-0}" -gt 0 ] || fail "$mode: nothing sent" ;;
	esac
	grep -q 'CPU cycles/packet=' "$log" ||
		fail "$mode: no --record-core-cycles line"
	grep -q 'not returned' "$log" && fail "$mode: mbufs leaked"
	echo "$mode: rc=$rc RX=$rx TX=$tx"
done

# The ring loops: each port receives what it sent itself, and io
# forwarding sends it on the other port, so the two --tx-first bursts go
# round; when forwarding stops they are all still in the two rings.
log="$OUT/ring.log"
run_fwd 1 "$log" $EAL $RING_PORTS -- --tx-first --total-num-mbufs=8192
rc=$?
[ $rc -eq 0 ] || fail "ring: exit $rc"
tx0=$(port_count "$log" 0 TX); rx1=$(port_count "$log" 1 RX)
tx1=$(port_count "$log" 1 TX); rx0=$(port_count "$log" 0 RX)
[ "${rx0:-0}" -gt 0 ] && [ "${rx1:-0}" -gt 0 ] || fail "ring: no loop"
d00=$((tx0 - rx0)); d11=$((tx1 - rx1))
[ $d00 -ge 0 ] && [ $d00 -le 64 ] || fail "ring: port 0 sent $tx0, got $rx0"
[ $d11 -ge 0 ] && [ $d11 -le 64 ] || fail "ring: port 1 sent $tx1, got $rx1"
[ $((d00 + d11)) -eq 64 ] || fail "ring: $((d00 + d11)) in the rings, not the 2 bursts of 32"
echo "ring: rc=$rc tx0=$tx0 rx0=$rx0 tx1=$tx1 rx1=$rx1"

grep -q 'not returned' "$log" && fail "ring: mbufs leaked"

# --record-burst-stats: a burst line per direction and port.
log="$OUT/bursts.log"
run_fwd 1 "$log" $EAL $NULL_PORTS -- --record-burst-stats --burst=16 \
	--total-num-mbufs=8192
[ $? -eq 0 ] || fail "burst stats: bad exit"
[ "$(grep -c '^  RX-bursts : [0-9]* \[.*100% of 16 pkts\]$' "$log")" -eq 2 ] ||
	fail "burst stats: no RX-bursts lines"
[ "$(grep -c '^  TX-bursts : ' "$log")" -eq 2 ] ||
	fail "burst stats: no TX-bursts lines"

# --stats-period, piped: plain lines with DPDK's labels, no escapes.
log="$OUT/period.log"
run_fwd 2.5 "$log" $EAL $NULL_PORTS -- --stats-period 1 \
	--total-num-mbufs=8192
[ $? -eq 0 ] || fail "stats-period: bad exit"
for label in 'RX-packets:' 'RX-missed:' 'RX-errors:' 'RX-nombuf:' \
		'TX-packets:' 'Rx-pps:' 'Tx-pps:' 'Rx-bps:' 'Tx-bps:'; do
	grep -q -- "$label" "$log" || fail "stats-period: no $label"
done
grep -q "NIC statistics for port 1" "$log" || fail "stats-period: no block"
grep -q $'\033' "$log" && fail "stats-period: escapes when piped"

# SIGINT stops like Enter.
log="$OUT/sigint.log"
(sleep 4) | timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- \
	--total-num-mbufs=8192 >"$log" 2>&1 &
pid=$!
sleep 1.5
# $pid is timeout(1), which passes SIGINT on to pollux-testpmd.
kill -INT $pid
wait $pid
rc=$?
[ $rc -eq 0 ] || fail "SIGINT: exit $rc"
grep -q 'Signal 2 received' "$log" || fail "SIGINT: not seen"
grep -q '^Bye...$' "$log" || fail "SIGINT: no Bye..."

exit $FAILED
