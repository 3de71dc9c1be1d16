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
#     sending time, and every frame is accounted for (tap_account)
# Prints "BENCH app=... round=... mpps=... startup_s=... acc=ok|bad".
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

# run APP ROUND: one measured run
run() {
	local app=$1 r=$2 log=/mnt/bench-$1-$2.log pid i ack first got0 got1 secs mpps acc=ok line
	host_req 10 tapstats > /tmp/b.before
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
	host_req 10 tapstats > /tmp/b.mid
	host_req $((BENCH_SECS + 30)) inject tap0,tap1 $((BENCH_PPS * BENCH_SECS)) "$BENCH_PPS" > /tmp/b.inject
	sleep 1
	host_req 10 tapstats > /tmp/b.after
	kill -INT $pid 2> /dev/null
	exec 4>&-
	wait $pid
	# the rate: over the injection only; the accounting: over the whole
	# run, start-up frames (into tap0) included
	got0=$(($(kv /tmp/b.after tap0 rx_packets) - $(kv /tmp/b.mid tap0 rx_packets)))
	got1=$(($(kv /tmp/b.after tap1 rx_packets) - $(kv /tmp/b.mid tap1 rx_packets)))
	secs=$(kv /tmp/b.inject tap0 secs)
	mpps=$(awk -v n=$((got0 + got1)) -v s="$secs" 'BEGIN { printf "%.4f", (s > 0 ? n / s / 1e6 : 0) }')
	{
		echo "tap0 sent $(($(kv /tmp/b.inject tap0 sent) + $(echo "$ack" | kv /dev/stdin first-frame sent)))"
		echo "tap1 sent $(kv /tmp/b.inject tap1 sent)"
	} > /tmp/b.sent
	for line in "tap0 0 1 tap1" "tap1 1 0 tap0"; do
		# shellcheck disable=SC2086
		tap_account "$log" /tmp/b.sent /tmp/b.before /tmp/b.after $line > /tmp/b.acc || acc=bad
		sed 's/^/    /' /tmp/b.acc
	done
	echo "BENCH app=$app round=$r mpps=$mpps startup_s=$first acc=$acc offered_each=$(kv /tmp/b.inject tap0 sent) back=$((got0 + got1)) secs=$secs"
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
	done
done
timeout 60 python3 "$devbind" -b virtio-pci $modern $legacy 2>&1 | sed 's/^/  /'
echo "BENCH-END rc=$rc"
exit $rc
