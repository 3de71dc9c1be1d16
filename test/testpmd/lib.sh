# Shared helpers of the pollux-testpmd integration tests (sourced).
# EAL options: no hugepages, no PCI, two lcores (main + one forwarder).
EAL="--no-huge -m 512 --no-pci -l 0-1"
NULL_PORTS="--vdev net_null0 --vdev net_null1"
# Two net_ring ports as DPDK's testpmd is given them: each looped to
# itself (what a port sends, it receives).
RING_PORTS="--vdev net_ring0 --vdev net_ring1"
FAILED=0

fail() {
	echo "FAIL: $*"
	FAILED=1
}

# run_fwd SECONDS OUTFILE ARGS...: forwards, then closes stdin (EOF).
run_fwd() {
	local secs=$1 out=$2
	shift 2
	(sleep "$secs") | timeout 60 "$TESTPMD" "$@" >"$out" 2>&1
}

# accumulated OUTFILE RX|TX: the packets of the accumulated block.
accumulated() {
	sed -n '/Accumulated forward statistics/,/+++++$/p' "$1" |
		awk -v dir="$2" '$1 == dir"-packets:" { print $2 }'
}

# port_count OUTFILE PORT RX|TX: the packets of one port's block.
port_count() {
	sed -n "/Forward statistics for port $2 /,/------\$/p" "$1" |
		awk -v dir="$3" '$1 == dir"-packets:" { print $2 }'
}
