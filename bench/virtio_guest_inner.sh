#!/bin/bash
# The guest's half of bench/virtio_guest_perf.sh, run inside the QEMU guest
# chrooted into the host's root (test/guest/guest-chroot.sh). Binds
# 00:04.0 (modern) and 00:05.0 (legacy) once, then for each round runs
# pollux-testpmd and Debian's dpdk-testpmd, alternately, on them with the
# same options (io forwarding, one forwarding lcore, 16384 mbufs), and for
# each run:
#   start-up: the host injects 1000 frames/s into tap0 and times from the
#     moment this script starts the program until the first frame comes
#     out of tap1 (tap-serve.sh startup; +0-0.2 s of request latency,
#     the same for both programs)
#   rate: the host injects BENCH_PPS frames/s into each tap for BENCH_SECS;
#     the rate is what came back out of the two taps over tcpreplay's own
#     sending time, and every frame of that window is accounted for
#     (window_account)
#   txonly: both ports send, nothing is injected; the rate is what the two
#     taps received over BENCH_SECS of the host's clock (run_txonly)
# Prints "BENCH app=... round=... mpps=... startup_s=... acc=ok|bad" and
# "BENCH-TXONLY app=... round=... mpps=... acc=ok|bad".
# From /mnt/guest.env: GUEST_SRC, GUEST_BUILD, BENCH_ROUNDS, BENCH_SECS,
# BENCH_PPS, BENCH_BIND.
set -u
. /mnt/guest.env
. "$GUEST_SRC/test/guest/guest-lib.sh"
modern=0000:00:04.0
legacy=0000:00:05.0
devbind=$GUEST_SRC/usertools/pollux-devbind.py
declare -A prog=([pollux]=$GUEST_BUILD/app/pollux-testpmd [dpdk]=$(command -v dpdk-testpmd))
rc=0

driver_of() {
	local link
	link=$(readlink "/sys/bus/pci/devices/$1/driver" 2> /dev/null)
	echo "${link##*/}"
}

# nic_last LOG PORT RX|TX COLUMN: from the last --stats-period screen in
# LOG, port PORT's cumulative count (column 2 packets; RX column 4 missed)
nic_last() {
	awk -v p="NIC statistics for port $2 " -v f="$3-packets:" -v c="$4" '
		index($0, p) { on = 1; next }
		on && $1 == f { v = $c; on = 0 }
		END { print v }' "$1"
}

# window_account LOG MID_NIC END_NIC INJECT MID AFTER IN_TAP IN_PORT OUT_PORT OUT_TAP
# Like tap_account (guest-lib.sh), over the injection window only: the
# host's tap counters between the MID and AFTER snapshots, the ports'
# cumulative counts from the stats screens at those moments (files of
# "P rx R missed M tx T" lines). The start-up phase is left out: what
# QEMU took from a tap before the port started (discarded at the device's
# reset) or what testpmd flushed at start (DPDK's) is not a port's count.
# io forwarding's own rx = tx + dropped holds over the whole run
# (tap_account's third step, checked from the final forward statistics).
window_account() {
	local log=$1 mn=$2 en=$3 inj=$4 b=$5 a=$6 itap=$7 ip=$8 op=$9 otap=${10}
	local sent qemu tapdrop rx missed tx got gotdrop frx ftx fdrop ok=ok v
	sent=$(kv "$inj" "$itap" sent)
	qemu=$(($(kv "$a" "$itap" tx_packets) - $(kv "$b" "$itap" tx_packets)))
	tapdrop=$(($(kv "$a" "$itap" tx_dropped) - $(kv "$b" "$itap" tx_dropped)))
	got=$(($(kv "$a" "$otap" rx_packets) - $(kv "$b" "$otap" rx_packets)))
	gotdrop=$(($(kv "$a" "$otap" rx_dropped) - $(kv "$b" "$otap" rx_dropped)))
	rx=$(($(kv "$en" "$ip" rx) - $(kv "$mn" "$ip" rx)))
	missed=$(($(kv "$en" "$ip" missed) - $(kv "$mn" "$ip" missed)))
	tx=$(($(kv "$en" "$op" tx) - $(kv "$mn" "$op" tx)))
	frx=$(pmd_count "$log" "$ip" RX 2) ftx=$(pmd_count "$log" "$op" TX 2)
	fdrop=$(pmd_count "$log" "$op" TX 4)
	for v in "$sent" "$frx" "$ftx" "$fdrop"; do
		case $v in '' | *[!0-9]*) ok=bad ;; esac
	done
	[ $ok = ok ] && [ "$sent" = $((qemu + tapdrop)) ] &&
		[ "$qemu" = $((rx + missed)) ] && [ "$tx" = $((got + gotdrop)) ] &&
		[ "$frx" = $((ftx + fdrop)) ] && [ "$rx" -gt 0 ] || ok=bad
	echo "$ok $itap->port $ip->port $op->$otap, injection window: host sent $sent = $qemu to QEMU + $tapdrop dropped at $itap;" \
		"$qemu = port $ip rx $rx + missed $missed; port $op tx $tx = $otap received $got + dropped $gotdrop;" \
		"whole run: port $ip rx $frx = port $op tx $ftx + dropped $fdrop"
	[ $ok = ok ]
}

# nic_snap LOG: "P rx R missed M tx T" for ports 0 and 1, from the last
# stats screen
nic_snap() {
	local p
	for p in 0 1; do
		echo "$p rx $(nic_last "$1" $p RX 2) missed $(nic_last "$1" $p RX 4) tx $(nic_last "$1" $p TX 2)"
	done
}

# run APP ROUND: one measured run
run() {
	local app=$1 r=$2 log=/mnt/bench-$1-$2.log pid i ack first got0 got1 secs mpps acc=ok line
	# the host starts timing when it takes the request (the file goes)
	rm -f /mnt/host.ack /tmp/b.in
	mkfifo /tmp/b.in
	echo "startup tap0 tap1 1000 150" > /mnt/host.req.tmp
	mv /mnt/host.req.tmp /mnt/host.req
	for ((i = 0; i < 200000; i++)); do
		[ -e /mnt/host.req ] || break
	done
	# stdin: a FIFO held open (pollux-testpmd ends at end of input); both
	# stop on SIGINT
	timeout -s INT -k 10 $((BENCH_SECS + 250)) "${prog[$app]}" -l 0-1 -n 1 \
		--file-prefix "b$app" -a $modern -a $legacy -- --forward-mode=io \
		--nb-cores=1 --total-num-mbufs=16384 --stats-period 1 \
		< /tmp/b.in > "$log" 2>&1 &
	pid=$!
	exec 4> /tmp/b.in
	ack=$(host_ack 170 startup)
	first=$(echo "$ack" | awk '$1 == "first-frame" { print $2 }')
	if [ -z "$first" ] || [ "$first" = none ]; then
		echo "  $app round $r: no forwarded frame within 150 s ($ack)"
		kill -INT $pid 2> /dev/null
		exec 4>&-
		wait $pid
		tail -5 "$log" | sed 's/^/    /'
		echo "BENCH app=$app round=$r mpps=0 startup_s=none acc=bad"
		rc=1
		return
	fi
	# the start-up frames drain, a stats screen shows the counts after
	sleep 2.5
	host_req 10 tapstats > /tmp/b.mid
	nic_snap "$log" > /tmp/b.midnic
	host_req $((BENCH_SECS + 30)) inject tap0,tap1 $((BENCH_PPS * BENCH_SECS)) "$BENCH_PPS" > /tmp/b.inject
	sleep 2.5
	host_req 10 tapstats > /tmp/b.after
	nic_snap "$log" > /tmp/b.endnic
	kill -INT $pid 2> /dev/null
	exec 4>&-
	wait $pid
	got0=$(($(kv /tmp/b.after tap0 rx_packets) - $(kv /tmp/b.mid tap0 rx_packets)))
	got1=$(($(kv /tmp/b.after tap1 rx_packets) - $(kv /tmp/b.mid tap1 rx_packets)))
	secs=$(kv /tmp/b.inject tap0 secs)
	mpps=$(awk -v n=$((got0 + got1)) -v s="$secs" 'BEGIN { printf "%.4f", (s > 0 ? n / s / 1e6 : 0) }')
	for line in "tap0 0 1 tap1" "tap1 1 0 tap0"; do
		# shellcheck disable=SC2086
		window_account "$log" /tmp/b.midnic /tmp/b.endnic /tmp/b.inject \
			/tmp/b.mid /tmp/b.after $line > /tmp/b.acc || acc=bad
		sed 's/^/    /' /tmp/b.acc
	done
	echo "BENCH app=$app round=$r mpps=$mpps startup_s=$first acc=$acc offered_each=$(kv /tmp/b.inject tap0 sent) back=$((got0 + got1)) secs=$secs"
}

# run_txonly APP ROUND: txonly on both ports, nothing injected: the rate is
# what the two taps received over BENCH_SECS of the host's clock
# (tap-serve.sh measure), so the host's injector cannot be the limit; each
# port's TX-packets over the whole run must equal what its tap got, less
# at most what was in flight when the port stopped (a reset drops it)
run_txonly() {
	local app=$1 r=$2 log=/mnt/bench-$1-$2-txonly.log pid ans got el mpps acc=ok p t tx drop v
	rm -f /tmp/b.in
	mkfifo /tmp/b.in
	host_req 10 tapstats > /tmp/t.before
	timeout -s INT -k 10 $((BENCH_SECS * 4 + 250)) "${prog[$app]}" -l 0-1 -n 1 \
		--file-prefix "b$app" -a $modern -a $legacy -- --forward-mode=txonly \
		--nb-cores=1 --total-num-mbufs=16384 --stats-period 1 \
		< /tmp/b.in > "$log" 2>&1 &
	pid=$!
	exec 4> /tmp/b.in
	for ((i = 0; i < 300; i++)); do
		grep -q 'TX-packets: [1-9]' "$log" && break
		kill -0 $pid 2> /dev/null || break
		sleep 0.5
	done
	ans=$(host_req $((BENCH_SECS + 30)) measure "$BENCH_SECS")
	kill -INT $pid 2> /dev/null
	exec 4>&-
	wait $pid
	sleep 1
	host_req 10 tapstats > /tmp/t.after
	echo "$ans" > /tmp/t.measure
	got=$(($(kv /tmp/t.measure tap0 rx) + $(kv /tmp/t.measure tap1 rx)))
	el=$(awk '$1 == "elapsed" { print $2 }' /tmp/t.measure)
	mpps=$(awk -v n="$got" -v s="$el" 'BEGIN { printf "%.4f", (s > 0 ? n / s / 1e6 : 0) }')
	for p in 0 1; do
		t=tap$p
		tx=$(pmd_count "$log" $p TX 2) drop=$(pmd_count "$log" $p TX 4)
		v=$(($(kv /tmp/t.after $t rx_packets) - $(kv /tmp/t.before $t rx_packets) + $(kv /tmp/t.after $t rx_dropped) - $(kv /tmp/t.before $t rx_dropped)))
		# at most what was in the tx ring when the port stopped is not sent
		if [ -n "$tx" ] && [ "$tx" -gt 0 ] && [ "$tx" -ge "$v" ] && [ $((tx - v)) -le 1024 ]; then
			echo "    ok txonly port $p tx $tx (not taken by the NIC: $drop) = $t received + dropped $v + in the ring at stop $((tx - v))"
		else
			echo "    bad txonly port $p tx '$tx' (not taken by the NIC: '$drop'), $t received + dropped $v"
			acc=bad
		fi
	done
	echo "BENCH-TXONLY app=$app round=$r mpps=$mpps acc=$acc back=$got secs=$el"
}

echo "== guest kernel $(uname -r), dpdk-testpmd ${prog[dpdk]:-missing}, binding $BENCH_BIND"
if [ -z "${prog[dpdk]}" ]; then
	echo "BENCH-ERROR no dpdk-testpmd on the host (apt-get install dpdk)"
	exit 1
fi
opt=()
[ "$BENCH_BIND" = vfio-pci ] && opt=(--noiommu-mode)
timeout 60 python3 "$devbind" -b "$BENCH_BIND" "${opt[@]}" $modern $legacy 2>&1 | sed 's/^/  /'
for d in $modern $legacy; do
	[ "$(driver_of $d)" = "$BENCH_BIND" ] || { echo "BENCH-ERROR $d is on '$(driver_of $d)'"; exit 1; }
done
for ((r = 1; r <= BENCH_ROUNDS; r++)); do
	# alternate which program goes first
	if ((r % 2)); then order="pollux dpdk"; else order="dpdk pollux"; fi
	for app in $order; do
		run "$app" "$r"
		run_txonly "$app" "$r"
	done
done
timeout 60 python3 "$devbind" -b virtio-pci $modern $legacy 2>&1 | sed 's/^/  /'
echo "BENCH-END rc=$rc"
exit $rc
