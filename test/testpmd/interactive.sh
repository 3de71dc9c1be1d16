#!/bin/bash
# pollux-testpmd -i: a scripted session on stdin.
# Usage: interactive.sh BUILD_DIR
TESTPMD="$1/app/pollux-testpmd"
. "$(dirname "$0")/lib.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
log="$OUT/session.log"

session() {
	echo "show config fwd"
	echo "start"
	sleep 1
	echo "show port stats all"
	echo "set fwd bogus"
	echo "no such command"
	echo "stop"
	echo "set burst 0"
	echo "set fwd macswap"
	echo "set burst 64"
	echo "show port info 0"
	echo "show port 1 link"
	echo "show port xstats 0"
	echo "show config rxtx"
	echo "show config cores"
	echo "set promisc all on"
	echo "clear port stats all"
	echo "start tx_first 2"
	sleep 0.5
	echo "stop"
	echo "port stop 1"
	echo "start"
	echo "port start 1"
	echo "help"
	echo "quit"
}

session | timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- -i \
	--total-num-mbufs=8192 >"$log" 2>&1
rc=$?
[ $rc -eq 0 ] || fail "exit $rc"
grep -q '^testpmd> ' "$log" || fail "no prompt"
grep -q 'NIC statistics for port 1' "$log" || fail "no port stats"
grep -q 'Accumulated forward statistics' "$log" || fail "no forward stats"
rx=$(accumulated "$log" RX | head -1)
[ "${rx:-0}" -gt 0 ] || fail "nothing forwarded"
[ "$(grep -c 'Bad arguments' "$log")" -eq 2 ] || fail "bad commands not refused"
# set burst 0 follows --burst=0: net_null recommends no burst size.
grep -q 'drivers recommend none' "$log" || fail "set burst 0 accepted"
grep -q 'macswap packet forwarding packets/burst=64' "$log" ||
	fail "set fwd/burst not applied"
grep -q 'Promiscuous mode: enabled' "$log" || fail "no port info"
grep -q 'Port 1: Link up' "$log" || fail "no link line"
grep -q 'Port 1 is not started' "$log" || fail "start with a stopped port"
grep -q '^Bye...$' "$log" || fail "no Bye..."
grep -q 'not returned' "$log" && fail "mbufs leaked"

# Hints that point somewhere real: a closed port is said to be closed
# (not "run 'port start 0'", then "Invalid port 0"), and "set nbcore"
# is named as itself, not as the command-line option.
printf 'set nbcore 2\nport close 0\nstart\nport start 0\nquit\n' |
	timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- -i \
	--total-num-mbufs=8192 >"$log" 2>&1
rc=$?
[ $rc -eq 0 ] || fail "hints: exit $rc"
grep -q 'set nbcore 2: only 1 forwarding lcores' "$log" ||
	fail "set nbcore 2: $(grep -i 'nb.*core' "$log")"
grep -q -- '--nb-cores' "$log" && fail "set nbcore 2 names --nb-cores"
grep -q 'Port 0 is closed: it cannot forward' "$log" ||
	fail "start after close: $(grep 'Port 0' "$log")"
grep -q "run 'port start 0'" "$log" && fail "start after close: port start hint"
grep -q 'Invalid port 0' "$log" && fail "port start 0 after close: Invalid port"
grep -q 'Port 0 is closed: a closed port is gone' "$log" ||
	fail "port start 0 after close: $(grep 'Port 0' "$log")"

# End of input while forwarding stops it cleanly.
(echo start; sleep 0.5) | timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- -i \
	--total-num-mbufs=8192 >"$log" 2>&1
rc=$?
[ $rc -eq 0 ] || fail "EOF: exit $rc"
grep -q 'Accumulated forward statistics' "$log" || fail "EOF: not stopped"
grep -q '^Bye...$' "$log" || fail "EOF: no Bye..."

# SIGINT at the prompt while forwarding stops it cleanly ($pid is
# timeout(1), which passes the signal on).
(echo start; sleep 4) | timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- -i \
	--total-num-mbufs=8192 >"$log" 2>&1 &
pid=$!
sleep 1.5
kill -INT $pid
wait $pid
rc=$?
[ $rc -eq 0 ] || fail "SIGINT: exit $rc"
grep -q 'Accumulated forward statistics' "$log" || fail "SIGINT: not stopped"
grep -q '^Bye...$' "$log" || fail "SIGINT: no Bye..."
grep -q 'not returned' "$log" && fail "SIGINT: mbufs leaked"

# -a starts forwarding at once.
(sleep 0.5; echo quit) | timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- -i -a \
	--total-num-mbufs=8192 >"$log" 2>&1
rc=$?
[ $rc -eq 0 ] || fail "-a: exit $rc"
rx=$(accumulated "$log" RX)
[ "${rx:-0}" -gt 0 ] || fail "-a: nothing forwarded"

exit $FAILED
