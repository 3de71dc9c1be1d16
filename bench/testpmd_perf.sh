#!/bin/bash
# pollux-testpmd against Debian's dpdk-testpmd: same EAL options, one
# forwarding core, io/mac/macswap on two net_null ports and io on two
# self-looped net_ring ports with --tx-first. Each run forwards for about
# RUN_SECS seconds with --stats-period 1; its rate is the median of the
# per-second sums of Rx-pps over the ports (the first second dropped).
# Runs alternate between the two; the median of RUNS runs is printed.
# Then, for io on the net_null pair and on the net_ring pair, start-up
# time to forwarding (exec to the "Press enter to exit" line, polled
# every 10 ms; no --stats-period; stdout line-buffered by stdbuf) and
# peak RSS (/usr/bin/time -f %M, or
# VmHWM from /proc just before stopping without it), median of RUNS.
# RUN_SECS must cover DPDK's start-up (seconds on a loaded machine), or
# its runs print 0. Environment: CASES (rate cases, default "io mac
# macswap ring-io"), STARTUP (start-up cases, default "null ring"; empty
# to skip).
# Usage: bench/testpmd_perf.sh BUILD_DIR [RUNS] [RUN_SECS]
set -u
BUILD=${1:?usage: $0 BUILD_DIR [RUNS] [RUN_SECS]}
RUNS=${2:-5}
RUN_SECS=${3:-5}
OURS="$BUILD/app/pollux-testpmd"
DPDK=$(command -v dpdk-testpmd)
EAL="--no-huge -m 1024 --no-pci -l 0-1"
APP="--nb-cores=1 --total-num-mbufs=8192 --stats-period 1"
NULLS="--vdev net_null0 --vdev net_null1"
# Like for like: both get the same --vdev arguments, two net_ring ports
# without devargs, each looped to itself (queue 0 sends to and receives
# from one ring, ETH_RXTX0_<port>, in both drivers). io forwarding pairs
# port 0 with port 1, so the --tx-first bursts go round ring 0 -> port 1
# -> ring 1 -> port 0.
RINGS="--vdev net_ring0 --vdev net_ring1"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

[ -x "$OURS" ] || { echo "no $OURS: build first" >&2; exit 1; }
[ -n "$DPDK" ] || { echo "dpdk-testpmd not installed" >&2; exit 1; }

# rate LOG: Mpps (median per-second Rx-pps summed over the two ports).
rate() {
	awk '/Rx-pps:/ { sum += $2; n++; if (n % 2 == 0) { print sum; sum = 0 } }' \
		"$1" | tail -n +2 | sort -n |
		awk '{ v[NR] = $1 } END { if (NR == 0) print 0;
			else printf "%.2f\n", v[int((NR + 1) / 2)] / 1e6 }'
}

# one_run BINARY PORTS ARGS...: prints the Mpps of one run. stdin stays
# open (DPDK's testpmd with --stats-period only stops on a signal).
one_run() {
	local bin=$1 ports=$2 log="$TMP/run.log"
	shift 2
	timeout -s INT $((RUN_SECS + 2)) \
		"$bin" $EAL --file-prefix tpmd_bench_$$ $ports -- $APP "$@" \
		>"$log" 2>&1 < <(sleep $((RUN_SECS + 30)))
	rate "$log"
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }'
}

printf "%-22s %12s %12s %8s\n" "case" "ours Mpps" "DPDK Mpps" "ratio"
for case in ${CASES-io mac macswap ring-io}; do
	ours_runs=() dpdk_runs=()
	for ((i = 0; i < RUNS; i++)); do
		if [ "$case" = ring-io ]; then
			ours_runs+=("$(one_run "$OURS" "$RINGS" --tx-first)")
			dpdk_runs+=("$(one_run "$DPDK" "$RINGS" --tx-first)")
		else
			ours_runs+=("$(one_run "$OURS" "$NULLS" --forward-mode=$case)")
			dpdk_runs+=("$(one_run "$DPDK" "$NULLS" --forward-mode=$case)")
		fi
	done
	ours=$(printf "%s\n" "${ours_runs[@]}" | median)
	dpdk=$(printf "%s\n" "${dpdk_runs[@]}" | median)
	ratio=$(awk -v a="$ours" -v b="$dpdk" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
	printf "%-22s %12s %12s %8s   (ours: %s; DPDK: %s)\n" "$case" "$ours" \
		"$dpdk" "$ratio" "${ours_runs[*]}" "${dpdk_runs[*]}"
done

# startup_run BINARY PORTS ARGS...: prints "MS KB": milliseconds from
# exec to "Press enter to exit", and peak RSS. stdin is closed after
# the line is seen and VmHWM read.
startup_run() {
	local bin=$1 ports=$2 log="$TMP/start.log" rss="$TMP/rss" t0 t1 ms kb
	local pid tpid i
	shift 2
	rm -f "$rss" "$TMP/stdin"
	mkfifo "$TMP/stdin"
	t0=$(date +%s%N)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$rss" stdbuf -oL "$bin" $EAL \
			--file-prefix tpmd_bench_$$ $ports -- \
			--nb-cores=1 --total-num-mbufs=8192 "$@" \
			<"$TMP/stdin" >"$log" 2>&1 &
	else
		stdbuf -oL "$bin" $EAL --file-prefix tpmd_bench_$$ $ports -- \
			--nb-cores=1 --total-num-mbufs=8192 "$@" \
			<"$TMP/stdin" >"$log" 2>&1 &
	fi
	pid=$!
	exec 9>"$TMP/stdin"
	t1=
	for ((i = 0; i < 2000; i++)); do
		if grep -q 'Press enter to exit' "$log" 2>/dev/null; then
			t1=$(date +%s%N)
			break
		fi
		kill -0 $pid 2>/dev/null || break
		sleep 0.01
	done
	ms=$([ -n "$t1" ] && echo $(((t1 - t0) / 1000000)) || echo 0)
	sleep 0.5
	if [ ! -x /usr/bin/time ]; then
		kb=$(awk '/^VmHWM:/ { print $2 }' /proc/$pid/status 2>/dev/null)
	fi
	exec 9>&-
	tpid=$pid
	( sleep 20; kill -INT $tpid 2>/dev/null ) &
	wait $pid
	kill $! 2>/dev/null
	wait $! 2>/dev/null
	[ -x /usr/bin/time ] && kb=$(tail -n 1 "$rss" 2>/dev/null)
	echo "$ms ${kb:-0}"
}

[ -n "${STARTUP-null ring}" ] || exit 0
echo
printf "%-22s %12s %12s %8s\n" "start-up / peak RSS" "ours" "DPDK" "ratio"
for case in ${STARTUP-null ring}; do
	ms_o=() ms_d=() kb_o=() kb_d=()
	for ((i = 0; i < RUNS; i++)); do
		if [ "$case" = ring ]; then
			read -r a b < <(startup_run "$OURS" "$RINGS")
			read -r c d < <(startup_run "$DPDK" "$RINGS")
		else
			read -r a b < <(startup_run "$OURS" "$NULLS")
			read -r c d < <(startup_run "$DPDK" "$NULLS")
		fi
		ms_o+=("$a") kb_o+=("$b") ms_d+=("$c") kb_d+=("$d")
	done
	for what in ms kb; do
		if [ $what = ms ]; then
			o=$(printf "%s\n" "${ms_o[@]}" | median)
			d=$(printf "%s\n" "${ms_d[@]}" | median)
			all="ours: ${ms_o[*]}; DPDK: ${ms_d[*]}"
			label="$case start-up ms"
		else
			o=$(printf "%s\n" "${kb_o[@]}" | median)
			d=$(printf "%s\n" "${kb_d[@]}" | median)
			all="ours: ${kb_o[*]}; DPDK: ${kb_d[*]}"
			label="$case peak RSS KiB"
		fi
		ratio=$(awk -v a="$o" -v b="$d" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
		printf "%-22s %12.0f %12.0f %8s   (%s)\n" "$label" "$o" "$d" \
			"$ratio" "$all"
	done
done
