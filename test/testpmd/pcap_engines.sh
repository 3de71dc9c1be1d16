#!/bin/bash
# Every forwarding engine on two net_pcap ports, file in and file out:
# both ports read the same N UDP/IPv4 frames (made by pcap_check) and
# write what they send to their own file. Each run must exit 0, and the
# TX-packets of each port's final "Forward statistics" must match the
# records in its output file.
# Usage: pcap_engines.sh BUILD_DIR PCAP_CHECK
TESTPMD="$1/app/pollux-testpmd"
CHECK="$2"
. "$(dirname "$0")/lib.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
N=100
IN="$OUT/in.pcap"
"$CHECK" --make $N "$IN" || { echo "FAIL: cannot make $IN"; exit 1; }
in_macs=$("$CHECK" --macs "$IN" | sort -u)
# The input frames go 02:..:02 -> 02:..:01; swapped, the other way.
swapped="020000000002 020000000001"

for mode in io mac macswap 5tswap rxonly flowgen txonly icmpecho; do
	log="$OUT/$mode.log"
	o0="$OUT/$mode.0.pcap" o1="$OUT/$mode.1.pcap"
	run_fwd 1 "$log" $EAL \
		--vdev "net_pcap0,rx_pcap=$IN,tx_pcap=$o0" \
		--vdev "net_pcap1,rx_pcap=$IN,tx_pcap=$o1" -- \
		--forward-mode=$mode --total-num-mbufs=8192
	rc=$?
	[ $rc -eq 0 ] || fail "$mode: exit $rc"
	grep -q '^Bye...$' "$log" || fail "$mode: no Bye..."
	n0=$("$CHECK" --count "$o0"); n1=$("$CHECK" --count "$o1")
	tx0=$(port_count "$log" 0 TX); tx1=$(port_count "$log" 1 TX)
	rx0=$(port_count "$log" 0 RX); rx1=$(port_count "$log" 1 RX)
	[ "$n0" = "$tx0" ] || fail "$mode: port 0 TX $tx0, file $n0 records"
	[ "$n1" = "$tx1" ] || fail "$mode: port 1 TX $tx1, file $n1 records"
	case $mode in
	io|mac|macswap|5tswap)
		[ "$rx0" = $N ] && [ "$rx1" = $N ] ||
			fail "$mode: RX $rx0/$rx1, not $N"
		[ "$n0" = $N ] && [ "$n1" = $N ] ||
			fail "$mode: $n0/$n1 records, not $N" ;;
	rxonly|icmpecho)
		# UDP frames: nothing to answer.
		[ "$rx0" = $N ] && [ "$rx1" = $N ] ||
			fail "$mode: RX $rx0/$rx1, not $N"
		[ "$n0" = 0 ] && [ "$n1" = 0 ] ||
			fail "$mode: $n0/$n1 records, not 0" ;;
	txonly|flowgen)
		[ "${n0:-0}" -gt 0 ] && [ "${n1:-0}" -gt 0 ] ||
			fail "$mode: $n0/$n1 records"
		[ $mode = flowgen ] || "$CHECK" "$o1" 64 >/dev/null ||
			fail "$mode: bad frames" ;;
	esac
	macs=$("$CHECK" --macs "$o1" | sort -u)
	case $mode in
	io)
		[ "$macs" = "$in_macs" ] || fail "io: frames changed: $macs" ;;
	mac)
		# Source MAC rewritten to port 1's own address.
		[ "${macs#* }" != "${in_macs#* }" ] && [ -n "$macs" ] ||
			fail "mac: source MAC not rewritten: $macs"
		[ "$(echo "$macs" | wc -l)" = 1 ] || fail "mac: several: $macs" ;;
	macswap|5tswap)
		[ "$macs" = "$swapped" ] || fail "$mode: not swapped: $macs" ;;
	esac
	[ "$mode" = io ] || [ "$mode" = rxonly ] || [ "$mode" = icmpecho ] ||
		[ "$mode" = txonly ] || [ "$mode" = flowgen ] ||
		"$CHECK" "$o1" 64 >/dev/null || fail "$mode: bad frames out"
	grep -q 'not returned' "$log" && fail "$mode: mbufs leaked"
	echo "$mode: rc=$rc RX=$rx0/$rx1 TX=$tx0/$tx1 records=$n0/$n1"
	rm -f "$o0" "$o1"
done

exit $FAILED
