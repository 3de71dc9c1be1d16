#!/bin/bash
# pollux-testpmd: every bad parameter is one clear line and exit 1,
# before any port is configured; -h prints the usage and exits 0.
# Usage: bad_params.sh BUILD_DIR
TESTPMD="$1/app/pollux-testpmd"
. "$(dirname "$0")/lib.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

check_bad() {
	local expect=$1
	shift
	timeout 30 "$TESTPMD" $EAL $NULL_PORTS -- "$@" </dev/null \
		>"$OUT/out" 2>"$OUT/err"
	rc=$?
	lines=$(grep -vc '^EAL' "$OUT/err")
	[ $rc -eq 1 ] || fail "'$*': exit $rc, want 1"
	[ "$lines" -eq 1 ] || fail "'$*': $lines error lines, want 1"
	grep -q -- "$expect" "$OUT/err" || fail "'$*': no '$expect' in: $(cat "$OUT/err")"
	grep -q 'Configuring Port' "$OUT/out" && fail "'$*': a port was touched"
}

check_bad "invalid --burst" --burst=513
check_bad "invalid --burst" --burst=-1
check_bad "invalid --nb-cores" --nb-cores=0
check_bad "only 1 forwarding lcores" --nb-cores=2
check_bad "invalid --rxq" --rxq=abc
check_bad "invalid --txq" --txq=0
check_bad "invalid --rxd" --rxd=99999
check_bad "invalid --total-num-mbufs" --total-num-mbufs=100
check_bad "invalid --stats-period" --stats-period=x
check_bad "invalid --portmask" --portmask=0
check_bad "invalid --portlist" --portlist=1-0
check_bad "no forwarding port" --portmask=0x10
check_bad "invalid --forward-mode" --forward-mode=bogus
check_bad "invalid --port-topology" --port-topology=ring
check_bad "invalid --eth-peer" --eth-peer=0,zz:00:00:00:00:00
check_bad "invalid --txpkts" --txpkts=20
# A segment is one mbuf: at most --mbuf-size less the 128 of headroom.
check_bad "more than the 2048 bytes of data an mbuf holds" --txpkts=2049
check_bad "segment 1 is 3000 bytes, more than the 1920" --txpkts=64,3000 \
	--mbuf-size=2048
# --burst=0 asks the drivers, and net_null recommends nothing (DPDK too).
check_bad "drivers recommend none" --burst=0
check_bad "invalid --tx-ip" --tx-ip=1.2.3.4
check_bad "invalid --tx-udp" --tx-udp=70000
check_bad "invalid --mbuf-size" --mbuf-size=10
check_bad "invalid testpmd option" --no-such-option
check_bad "invalid testpmd option" --burst
check_bad "unexpected testpmd argument" stray
# -l 0-1 is given: the hint names the worker lcores, not -l.
check_bad "names no worker lcore" --coremask=0x1
grep -q -- '-l 0-1' "$OUT/err" && fail "--coremask=0x1: asks for -l 0-1"
grep -q 'worker lcores 1' "$OUT/err" || fail "--coremask=0x1: no lcore named"

timeout 30 "$TESTPMD" $EAL $NULL_PORTS -- -h >"$OUT/out" 2>&1
[ $? -eq 0 ] || fail "-h: exit $?"
grep -q -- '--forward-mode' "$OUT/out" || fail "-h: no usage"

# Good values of every priority-one option are accepted.
(sleep 0.5) | timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- --nb-cores=1 \
	--nb-ports=2 --portlist=0-1 --coremask=0x2 --rxq=2 --txq=2 \
	--rxd=0 --txd=512 --burst=64 --mbcache=128 --total-num-mbufs=16384 \
	--mbuf-size=2048 --max-pkt-len=1500 --forward-mode=mac \
	--port-topology=chained --eth-peer=1,02:11:22:33:44:55 \
	--txpkts=64 --tx-ip=10.0.0.1,10.0.0.2 --tx-udp=1000,2000 \
	--txonly-multi-flow --rss-udp --no-lsc-interrupt \
	--disable-link-check --record-burst-stats --no-numa \
	>"$OUT/out" 2>&1
[ $? -eq 0 ] || fail "good options: exit $?: $(tail -5 "$OUT/out")"
grep -q 'streams=4' "$OUT/out" || fail "good options: not 4 streams"
grep -q 'peer=02:11:22:33:44:55' "$OUT/out" || fail "good options: no peer"

# A segment that fits once --mbuf-size makes room for it.
(sleep 2) | timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- --mbuf-size=4096 \
	--txpkts=3000 --forward-mode=txonly >"$OUT/out" 2>&1
[ $? -eq 0 ] || fail "--txpkts=3000 --mbuf-size=4096: exit $?"
tx=$(accumulated "$OUT/out" TX)
[ "${tx:-0}" -gt 0 ] || fail "--txpkts=3000 --mbuf-size=4096: nothing sent"

exit $FAILED
