#!/bin/bash
# txonly frames are well-formed: pollux-testpmd sends on a net_pcap port
# (tx_pcap file) and a net_null port; pcap_check reads every record of
# the capture with libpcap (Ethernet/IPv4/UDP, lengths, IPv4 checksum,
# frame length == --txpkts) and the count must match port 0's TX-packets.
# Usage: txonly_pcap.sh BUILD_DIR PCAP_CHECK
TESTPMD="$1/app/pollux-testpmd"
CHECK="$2"
. "$(dirname "$0")/lib.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# txcase NAME LEN ARGS...
txcase() {
	local name=$1 len=$2 log="$OUT/$1.log" cap="$OUT/$1.pcap" n tx rc
	shift 2
	run_fwd 1 "$log" $EAL --vdev "net_pcap0,tx_pcap=$cap" \
		--vdev net_null0 -- --forward-mode=txonly --txpkts=$len \
		--total-num-mbufs=8192 "$@"
	rc=$?
	[ $rc -eq 0 ] || fail "$name: exit $rc"
	grep -q '^Bye...$' "$log" || fail "$name: no Bye..."
	n=$("$CHECK" "$cap" "$len") || fail "$name: bad capture (${n:-no records})"
	tx=$(port_count "$log" 0 TX)
	[ "${n:-0}" -gt 0 ] && [ "$n" = "$tx" ] ||
		fail "$name: $n records, port 0 TX-packets $tx"
	echo "$name: rc=$rc records=$n TX=$tx"
	rm -f "$cap"
}

txcase txpkts64 64
txcase txpkts128 128
txcase multiflow128 128 --txonly-multi-flow

exit $FAILED
