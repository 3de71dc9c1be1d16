#!/bin/bash
# virtio_user_perf.sh - our virtio-user PMD (pollux-testpmd) against DPDK
# 22.11's virtio-user PMD (Debian's dpdk-testpmd), both against the same
# DPDK vhost-user backend (dpdk-testpmd --vdev net_vhost0), no VM.
#
#   txonly: frontend --forward-mode=txonly  -> backend rxonly
#   rxonly: backend  --forward-mode=txonly  -> frontend rxonly
#
# The rate is read on the backend's side (DPDK's own counters, the same
# for both frontends): the median of its nonzero per-period Rx-pps
# (txonly) or Tx-pps (rxonly). Runs alternate ours/DPDK's, RUNS
# times per row; each row prints both medians and the ratio ours/DPDK
# with min/median/max over the per-run ratios. Every process runs with
# --no-pci and --no-huge (memfd memory: what vhost-user needs);
# the two forwarding lcores sit on different CPUs, as in
# shared/qemu/dpdk-reference/vhost-user-bench.sh.
# Env: MEMV (backend EAL memory, default "--no-huge -m 1024"), MEMU
# (frontends', default "--no-huge -m 512": on a loaded 2-CPU machine both
# frontends, DPDK's too, stalled with -m 1024 during our runs); the
# frontends use 16384 mbufs (DPDK's default pool does not fit 512 MiB).
# Usage: bench/virtio_user_perf.sh BUILD_DIR [RUNS] [RUN_SECS]
set -u
BUILD=${1:?usage: $0 BUILD_DIR [RUNS] [RUN_SECS]}
RUNS=${2:-3}
RUN_SECS=${3:-16}
OURS="$BUILD/app/pollux-testpmd"
DPDK=$(command -v dpdk-testpmd)
MEMV=${MEMV:---no-huge -m 1024}
MEMU=${MEMU:---no-huge -m 512}
LC_VH="-l 0-1"
LC_VU="--lcores 0@1,1@0"
PERIOD=2
TMP=$(mktemp -d)
SOCK="$TMP/vhu.sock"
trap 'rm -rf "$TMP"' EXIT

[ -x "$OURS" ] || { echo "no $OURS: build first" >&2; exit 1; }
[ -n "$DPDK" ] || { echo "dpdk-testpmd not installed" >&2; exit 1; }

# rate LOG FIELD: median Mpps of the nonzero "FIELD-pps:" periods (the
# backend may take seconds to start taking frames on a loaded machine;
# zero periods are dropped, as in dpdk-reference/vhost-user-bench.sh).
rate() {
	grep -E " $2-pps:" "$1" | awk '$2 > 0 { print $2 }' | sort -n |
		awk '{ v[NR] = $1 } END { if (NR == 0) print 0;
			else printf "%.3f\n", v[int((NR + 1) / 2)] / 1e6 }'
}

# one_run FRONTEND MODE SIZE: the Mpps of one run, as the backend saw it.
one_run() {
	local front=$1 mode=$2 size=$3 vhmode vumode field
	local vlog="$TMP/vhost.log" ulog="$TMP/front.log" vpid
	if [ "$mode" = txonly ]; then
		vhmode=rxonly vumode=txonly field=Rx
	else
		vhmode=txonly vumode=rxonly field=Tx
	fi
	rm -f "$SOCK"
	timeout -s INT -k 5 $((RUN_SECS + 20)) "$DPDK" $LC_VH --no-pci $MEMV \
		--file-prefix vhb$$ --vdev "net_vhost0,iface=$SOCK,queues=1" \
		-- --nb-cores=1 --forward-mode=$vhmode --txpkts=$size \
		--stats-period $PERIOD < /dev/null > "$vlog" 2>&1 &
	vpid=$!
	for _ in $(seq 200); do [ -S "$SOCK" ] && break; sleep 0.1; done
	# stdin stays open: pollux-testpmd stops at end of input.
	timeout -s INT -k 5 "$RUN_SECS" "$front" $LC_VU --no-pci $MEMU \
		--file-prefix vub$$ --vdev "virtio_user0,path=$SOCK,queues=1" \
		-- --nb-cores=1 --forward-mode=$vumode --txpkts=$size \
		--total-num-mbufs=16384 --stats-period $PERIOD > "$ulog" 2>&1 \
		< <(sleep $((RUN_SECS + 30)))
	sleep 1
	kill -INT "$vpid" 2>/dev/null
	wait "$vpid" 2>/dev/null
	rate "$vlog" "$field"
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] }'
}

stats3() {
	sort -g | awk '{ v[NR] = $1 } END {
		printf "%.2f/%.2f/%.2f", v[1], v[int((NR + 1) / 2)], v[NR] }'
}

printf "%-14s %12s %12s %8s %18s\n" "row" "ours Mpps" "DPDK Mpps" "ratio" \
	"ratio min/med/max"
for mode in txonly rxonly; do
	for size in 64 1518; do
		ours=() dpdk=() ratios=()
		for ((i = 0; i < RUNS; i++)); do
			o=$(one_run "$OURS" $mode $size)
			d=$(one_run "$DPDK" $mode $size)
			ours+=("$o") dpdk+=("$d")
			ratios+=("$(awk -v o="$o" -v d="$d" \
				'BEGIN { printf "%.3f", (d > 0) ? o / d : 0 }')")
		done
		om=$(printf "%s\n" "${ours[@]}" | median)
		dm=$(printf "%s\n" "${dpdk[@]}" | median)
		printf "%-14s %12s %12s %8s %18s\n" "$mode $size B" "$om" "$dm" \
			"$(awk -v o="$om" -v d="$dm" \
			'BEGIN { printf "%.2f", (d > 0) ? o / d : 0 }')" \
			"$(printf "%s\n" "${ratios[@]}" | stats3)"
	done
done
