#!/bin/bash
# virtio_user_perf.sh - our virtio-user PMD (pollux-testpmd) against DPDK
# 22.11's virtio-user PMD (Debian's dpdk-testpmd), both against the same
# DPDK vhost-user backend (dpdk-testpmd --vdev net_vhost0), no VM.
#
# usage: bench/virtio_user_perf.sh [BUILD_DIR] [RUNS] [RUN_SECS]
#   BUILD_DIR  where pollux-testpmd was built (default: build)
#   RUNS       runs per row and PMD, alternating ours/DPDK's (default 3)
#   RUN_SECS   measured seconds per run, after warm-up (default 4)
# Env: MEM="--no-huge" (default; every process's memory is a memfd) or
#      MEM=huge (2 MiB hugepages with --single-file-segments for all three
#      processes: only if hugepages are reserved and yours to use);
#      BACKEND_CPU (0) and FRONT_CPU (1); ROWS (comma-separated, e.g.
#      "txonly 64,io 64"; default every row); LOGS (where the logs of a run
#      that saw no traffic are kept, default /tmp/virtio_user_perf.PID).
# With the defaults: 5 rows x 2 PMDs x 3 runs, about 4 minutes.
#
# Rows (the backend's own forwarding mode in brackets):
#   txonly 64/1518  frontend --forward-mode=txonly  -> backend [rxonly]
#   rxonly 64/1518  backend [txonly] -> frontend --forward-mode=rxonly
#   io 64           frontend io --tx-first <-> backend [io, loop topology]
# Method:
# - 2 CPUs: the backend's lcores (main and forwarding) both sit on
#   BACKEND_CPU, the frontend's on FRONT_CPU (--lcores 0@C,1@C; main
#   lcores sleep), so each forwarding lcore has a CPU of its own.
# - The rate is read on the backend's side, by DPDK's own testpmd, so
#   both frontends are measured by the same code: its per-second Rx-pps
#   (txonly, io) or Tx-pps (rxonly; what the frontend's ring took).
#   Seconds with no traffic and the first second with traffic (warm-up)
#   are dropped; a run's figure is the median of the next RUN_SECS.
# - Each row prints per PMD min/median/max Mpps over its runs, the ratio
#   of the medians ours/DPDK, and min/median/max of the per-run-pair
#   ratios.
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build}
RUNS=${2:-3}
RUN_SECS=${3:-4}
OURS="$BUILD/app/pollux-testpmd"
DPDK=$(command -v dpdk-testpmd)
BACKEND_CPU=${BACKEND_CPU:-0}
FRONT_CPU=${FRONT_CPU:-1}
if [ "${MEM:---no-huge}" = huge ]; then
	MEMV="--single-file-segments -m 1024"
	MEMU="--single-file-segments -m 512"
else
	MEMV="--no-huge -m 1024"
	MEMU="--no-huge -m 512"
fi
LC_VH="--lcores 0@$BACKEND_CPU,1@$BACKEND_CPU"
LC_VU="--lcores 0@$FRONT_CPU,1@$FRONT_CPU"
TMP=$(mktemp -d)
LOGS=${LOGS:-/tmp/virtio_user_perf.$$}
SOCK="$TMP/vhu.sock"
trap 'rm -rf "$TMP"' EXIT

[ -x "$OURS" ] || { echo "no $OURS: build first" >&2; exit 1; }
[ -n "$DPDK" ] || { echo "dpdk-testpmd not installed" >&2; exit 1; }

# listening PATH: whether a unix socket listens at PATH (the backend
# creates its socket file before it listens on it).
listening() {
	local flags
	for flags in $(awk -v p="$1" '$8 == p { print $4 }' /proc/net/unix)
	do
		(( 0x$flags & 0x10000 )) && return 0
	done
	return 1
}

# rate LOG FIELD: Mpps, the median of RUN_SECS per-second FIELD-pps
# figures after the first nonzero one (warm-up).
rate() {
	grep -E " $2-pps:" "$1" | awk '$2 > 0 { print $2 }' | tail -n +2 |
		head -n "$RUN_SECS" | sort -n | awk '{ v[NR] = $1 }
		END { if (NR == 0) print 0;
			else printf "%.3f\n", v[int((NR + 1) / 2)] / 1e6 }'
}

# one_run FRONTEND ROW SIZE: the Mpps of one run, as the backend saw it.
one_run() {
	local front=$1 row=$2 size=$3 vh=() vu=() field=Rx vpid i
	local vlog="$TMP/vhost.log" ulog="$TMP/front.log"

	case $row in
	txonly) vh=(--forward-mode=rxonly) vu=(--forward-mode=txonly) ;;
	rxonly) vh=(--forward-mode=txonly) vu=(--forward-mode=rxonly)
		field=Tx ;;
	io) vh=(--forward-mode=io --port-topology=loop)
		vu=(--forward-mode=io --port-topology=loop --tx-first) ;;
	esac
	rm -f "$SOCK"
	timeout -s INT -k 5 $((RUN_SECS + 40)) stdbuf -oL "$DPDK" $LC_VH \
		--no-pci $MEMV --file-prefix vhb$$ \
		--vdev "net_vhost0,iface=$SOCK,queues=1" -- --nb-cores=1 \
		"${vh[@]}" --txpkts=$size --stats-period 1 \
		< /dev/null > "$vlog" 2>&1 &
	vpid=$!
	for i in $(seq 300); do listening "$SOCK" && break; sleep 0.1; done
	# Until RUN_SECS + 1 nonzero seconds are in (at most 30 s more).
	# stdin stays open: pollux-testpmd stops at end of input.
	stdbuf -oL "$front" $LC_VU --no-pci $MEMU --file-prefix vub$$ \
		--vdev "virtio_user0,path=$SOCK,queues=1" -- --nb-cores=1 \
		"${vu[@]}" --txpkts=$size --total-num-mbufs=16384 \
		--stats-period 1 > "$ulog" 2>&1 < <(sleep $((RUN_SECS + 60))) &
	upid=$!
	for i in $(seq $(((RUN_SECS + 30) * 10))); do
		[ "$(grep -cE " $field-pps: +[1-9]" "$vlog")" -gt \
			"$RUN_SECS" ] && break
		sleep 0.1
	done
	kill -INT "$upid" 2>/dev/null
	wait "$upid" 2>/dev/null
	kill -INT "$vpid" 2>/dev/null
	wait "$vpid" 2>/dev/null
	r=$(rate "$vlog" "$field")
	if [ "$r" = 0 ]; then
		# Kept for a look: a run that never got going.
		mkdir -p "$LOGS"
		cp "$vlog" "$LOGS/$row-$size-$(basename "$front")-$SECONDS.backend.log"
		cp "$ulog" "$LOGS/$row-$size-$(basename "$front")-$SECONDS.front.log"
		echo "no traffic: logs in $LOGS" >&2
	fi
	echo "$r"
}

# stats3: min/median/max of the numbers on stdin.
stats3() {
	sort -g | awk '{ v[NR] = $1 } END {
		printf "%.2f/%.2f/%.2f", v[1], v[int((NR + 1) / 2)], v[NR] }'
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] }'
}

echo "virtio-user: pollux-testpmd vs dpdk-testpmd, backend DPDK vhost-user;"
echo "backend CPU $BACKEND_CPU, frontend CPU $FRONT_CPU, memory '$MEMU';" \
	"$RUNS runs x $RUN_SECS s per row and PMD; load: $(cut -d' ' -f1-3 \
	/proc/loadavg)"
printf "%-14s %18s %18s %7s %18s\n" "row" "ours Mpps" "DPDK Mpps" \
	"ratio" "pair ratios"
printf "%-14s %18s %18s %7s %18s\n" "" "min/med/max" "min/med/max" \
	"of med" "min/med/max"
start=$SECONDS
# ROWS (env): which rows, comma-separated, default every row.
IFS=, read -r -a rows <<<"${ROWS:-txonly 64,txonly 1518,rxonly 64,rxonly 1518,io 64}"
for rs in "${rows[@]}"; do
	set -- $rs
	ours=() dpdk=() ratios=()
	for ((i = 0; i < RUNS; i++)); do
		o=$(one_run "$OURS" "$1" "$2")
		d=$(one_run "$DPDK" "$1" "$2")
		ours+=("$o") dpdk+=("$d")
		ratios+=("$(awk -v o="$o" -v d="$d" \
			'BEGIN { printf "%.3f", (d > 0) ? o / d : 0 }')")
	done
	om=$(printf "%s\n" "${ours[@]}" | median)
	dm=$(printf "%s\n" "${dpdk[@]}" | median)
	printf "%-14s %18s %18s %7s %18s\n" "$1 $2 B" \
		"$(printf "%s\n" "${ours[@]}" | stats3)" \
		"$(printf "%s\n" "${dpdk[@]}" | stats3)" \
		"$(awk -v o="$om" -v d="$dm" \
		'BEGIN { printf "%.2f", (d > 0) ? o / d : 0 }')" \
		"$(printf "%s\n" "${ratios[@]}" | stats3)"
done
echo "($((SECONDS - start)) s)"
