# shellcheck shell=bash disable=SC2034
# Helpers for the scripts that run inside the test guest, chrooted into the
# host's root with the writable share on /mnt (guest-chroot.sh): requests
# to the host (run-guest.sh variant tap) and the accounting of frames the
# host injects through its taps. Sourced, not run.

# host_req WAIT_S REQUEST...: sends REQUEST to the host (tap-serve.sh) and
# prints its answer; 1 when none came within WAIT_S seconds or it is an
# error
host_req() {
	local wait=$1
	shift
	rm -f /mnt/host.ack
	echo "$*" > /mnt/host.req.tmp && mv /mnt/host.req.tmp /mnt/host.req
	host_ack "$wait" "$*"
}

# host_ack WAIT_S [WHAT]: waits for the answer to the request already sent
# and prints it; 1 when none came within WAIT_S seconds or it is an error
host_ack() {
	local wait=$1 i ack
	for ((i = 0; i < wait * 10; i++)); do
		if [ -f /mnt/host.ack ]; then
			ack=$(cat /mnt/host.ack)
			rm -f /mnt/host.ack
			echo "$ack"
			case $ack in error*) return 1 ;; esac
			return 0
		fi
		sleep 0.1
	done
	echo "error: the host did not answer ${2:+'$2' }within $wait s"
	return 1
}

# kv FILE KEY FIELD: the number after FIELD on the line of FILE that starts
# with KEY (tap-serve.sh's answers)
kv() {
	awk -v k="$2" -v f="$3" '$1 == k { for (i = 2; i < NF; i++) if ($i == f) { print $(i + 1); exit } }' "$1"
}

# pmd_count FILE PORT RX|TX COLUMN: from testpmd's final forward
# statistics (Pollux's and DPDK's print them alike): column 2 is the
# packets, 4 the dropped (RX: missed by the NIC; TX: not taken by it)
pmd_count() {
	sed -n "/Forward statistics for port $2 /,/------\$/p" "$1" |
		awk -v f="$3-packets:" -v c="$4" '$1 == f { print $c; exit }'
}

# tap_account TESTPMD_OUT INJECT BEFORE AFTER IN_TAP IN_PORT OUT_PORT OUT_TAP
# Follows the frames the host injected into IN_TAP through the guest and
# out of OUT_TAP, and prints one line: "ok ..." when every frame is
# accounted for at each step, "bad ..." otherwise:
#   host sent = IN_TAP handed to QEMU + dropped at IN_TAP (QEMU too slow)
#   handed to QEMU = IN_PORT received + missed
#   IN_PORT received = OUT_PORT sent + dropped by it (io forwarding)
#   OUT_PORT sent = OUT_TAP received + dropped at OUT_TAP
# Sets acc_offered, acc_rx, acc_fwd and acc_out (the host's count at the
# far end) for the caller.
tap_account() {
	local out=$1 inj=$2 b=$3 a=$4 itap=$5 ip=$6 op=$7 otap=$8
	local sent qemu tapdrop rx missed tx txdrop got gotdrop ok=ok v
	sent=$(kv "$inj" "$itap" sent)
	qemu=$(($(kv "$a" "$itap" tx_packets) - $(kv "$b" "$itap" tx_packets)))
	tapdrop=$(($(kv "$a" "$itap" tx_dropped) - $(kv "$b" "$itap" tx_dropped)))
	got=$(($(kv "$a" "$otap" rx_packets) - $(kv "$b" "$otap" rx_packets)))
	gotdrop=$(($(kv "$a" "$otap" rx_dropped) - $(kv "$b" "$otap" rx_dropped)))
	rx=$(pmd_count "$out" "$ip" RX 2) missed=$(pmd_count "$out" "$ip" RX 4)
	tx=$(pmd_count "$out" "$op" TX 2) txdrop=$(pmd_count "$out" "$op" TX 4)
	for v in "$sent" "$rx" "$missed" "$tx" "$txdrop"; do
		case $v in '' | *[!0-9]*) ok=bad ;; esac
	done
	if [ $ok = bad ]; then
		echo "bad $itap->$otap: counts missing (host sent '$sent', port $ip rx '$rx' missed '$missed', port $op tx '$tx' dropped '$txdrop')"
		return 1
	fi
	acc_offered=$sent acc_rx=$rx acc_fwd=$tx acc_out=$got
	[ "$sent" = $((qemu + tapdrop)) ] && [ "$qemu" = $((rx + missed)) ] &&
		[ "$rx" = $((tx + txdrop)) ] && [ "$tx" = $((got + gotdrop)) ] &&
		[ "$rx" -gt 0 ] && [ "$got" -gt 0 ] || ok=bad
	echo "$ok $itap->port $ip->port $op->$otap: host sent $sent = $qemu to QEMU + $tapdrop dropped at $itap;" \
		"$qemu = port $ip rx $rx + missed $missed; $rx = port $op tx $tx + dropped $txdrop;" \
		"$tx = $otap received $got + dropped $gotdrop"
	[ $ok = ok ]
}
