#!/bin/bash
# One host-side request of the guest (variant tap of run-guest.sh), run
# inside the network namespace that holds the guest's taps. Its answer
# goes to stdout, which run-guest.sh hands back as SHARE/host.ack.
#
#   tap-serve.sh SHARE tapstats
#       one line per tap: "TAP rx_packets N rx_dropped N tx_packets N
#       tx_dropped N" (the kernel's view: tx is towards the guest, rx is
#       what the guest sent)
#   tap-serve.sh SHARE inject TAPS PACKETS PPS
#       tcpreplay sends PACKETS 64-byte UDP frames at PPS frames/s into
#       each tap of the comma-separated list TAPS, all at once (a
#       tcpreplay that cannot keep up is stopped at PACKETS/PPS + 15 s); one line
#       per tap: "TAP sent N failed N secs S" (tcpreplay's own counts:
#       "Actual", which matches the tap's, and its sending time), then
#       "done". Bounded: PACKETS <= 100000000, at most PACKETS/PPS + 15 s.
#   tap-serve.sh SHARE measure SECS
#       the frames each tap received from the guest over SECS seconds of
#       this host's clock: "TAP rx N rx_dropped N" per tap, "elapsed S"
#   tap-serve.sh SHARE startup IN_TAP OUT_TAP PPS TIMEOUT_S
#       for start-up timing: injects PPS frames/s into IN_TAP and answers
#       "first-frame S" with the seconds from the moment the request was
#       picked up (run-guest.sh deletes SHARE/host.req then: the guest
#       starts its program when it sees the file gone) until the first
#       frame comes out of OUT_TAP; "first-frame none" after TIMEOUT_S
#
# A bad request is answered with one "error: ..." line.
set -u
share=$1
shift
pcap=$share/udp64.pcap

err() {
	echo "error: $*"
	exit 0
}

tapstats() {
	local t f v line
	for t in tap0 tap1; do
		[ -d "/sys/class/net/$t" ] || err "no $t here"
		line=$t
		for f in rx_packets rx_dropped tx_packets tx_dropped; do
			read -r v < "/sys/class/net/$t/statistics/$f"
			line="$line $f $v"
		done
		echo "$line"
	done
}

# 1000 frames 02:00:00:00:00:10 -> 52:54:00:12:34:01, UDP 10.0.0.1 ->
# 10.0.1.x, 64 bytes on the wire with the FCS
make_pcap() {
	python3 - "$1" <<-'EOF'
	import struct, sys
	def csum(b):
	    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
	    s = (s >> 16) + (s & 0xffff)
	    return (~(s + (s >> 16))) & 0xffff
	with open(sys.argv[1] + '.tmp', 'wb') as f:
	    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
	    for i in range(1000):
	        payload = bytes(18)
	        udp = struct.pack('!HHHH', 1024 + i % 64, 5000, 8 + len(payload), 0)
	        ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp) + len(payload),
	                         i, 0, 64, 17, 0, bytes([10, 0, 0, 1]),
	                         bytes([10, 0, 1, i % 250 + 1]))
	        ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
	        eth = bytes.fromhex('525400123401' '020000000010' '0800')
	        frame = eth + ip + udp + payload
	        f.write(struct.pack('<IIII', i, 0, len(frame), len(frame)) + frame)
	EOF
	mv "$1.tmp" "$1"
}

inject() {
	local taps=$1 packets=$2 pps=$3 t secs pids=() sent failed
	case $packets$pps in
	*[!0-9]* | '') err "inject: PACKETS and PPS must be numbers" ;;
	esac
	[ "$packets" -ge 1 ] && [ "$packets" -le 100000000 ] ||
		err "inject: PACKETS must be 1..100000000"
	[ "$pps" -ge 1 ] || err "inject: PPS must be at least 1"
	command -v tcpreplay > /dev/null || err "inject: no tcpreplay on the host"
	[ -f "$pcap" ] || make_pcap "$pcap"
	secs=$((packets / pps + 15))
	for t in ${taps//,/ }; do
		[ -d "/sys/class/net/$t" ] || err "inject: no tap $t"
		# a burst of up to 32 per tick keeps tcpreplay's timing cheap
		# (SIGINT: tcpreplay stops and still prints its counts)
		timeout -s INT -k 2 "$secs" tcpreplay -q -i "$t" --loop=0 --limit="$packets" \
			--pps="$pps" --pps-multi=$((pps >= 3200 ? 32 : 1)) \
			"$pcap" > "$share/tcpreplay.$t.log" 2>&1 &
		pids+=($!)
	done
	for t in "${pids[@]}"; do
		wait "$t"
	done
	for t in ${taps//,/ }; do
		sent=$(sed -n 's/^Actual: \([0-9]*\) packets.*/\1/p' "$share/tcpreplay.$t.log" | head -1)
		failed=$(sed -n 's/.*Failed packets: *\([0-9]*\).*/\1/p' "$share/tcpreplay.$t.log" | head -1)
		[ -n "$sent" ] || err "inject: tcpreplay on $t: $(tail -1 "$share/tcpreplay.$t.log")"
		secs=$(sed -n 's/.* sent in \([0-9.]*\) seconds.*/\1/p' "$share/tcpreplay.$t.log" | head -1)
		echo "$t sent $sent failed ${failed:-0} secs ${secs:-0}"
	done
	echo "done"
}

startup() {
	local in=$1 out=$2 pps=$3 limit=$4 t0 base v pid now sent
	case $pps$limit in
	*[!0-9]* | '') err "startup: PPS and TIMEOUT_S must be numbers" ;;
	esac
	[ "$pps" -ge 1 ] && [ "$limit" -ge 1 ] && [ "$limit" -le 600 ] ||
		err "startup: PPS >= 1, TIMEOUT_S 1..600"
	[ -d "/sys/class/net/$in" ] && [ -d "/sys/class/net/$out" ] ||
		err "startup: no tap $in or $out"
	t0=${EPOCHREALTIME/./}
	read -r base < "/sys/class/net/$out/statistics/rx_packets"
	[ -f "$pcap" ] || make_pcap "$pcap"
	timeout -s INT -k 2 "$limit" tcpreplay -q -i "$in" --loop=0 --pps="$pps" \
		"$pcap" > "$share/tcpreplay.startup.log" 2>&1 &
	pid=$!
	while :; do
		read -r v < "/sys/class/net/$out/statistics/rx_packets"
		now=${EPOCHREALTIME/./}
		[ "$v" != "$base" ] && break
		[ $((now - t0)) -gt $((limit * 1000000)) ] && { now=; break; }
		sleep 0.01
	done
	# on SIGINT tcpreplay stops and prints its counts
	kill -INT "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	sent=$(sed -n 's/^Actual: \([0-9]*\) packets.*/\1/p' "$share/tcpreplay.startup.log" | head -1)
	if [ -n "$now" ]; then
		printf 'first-frame %d.%02d' $(((now - t0) / 1000000)) $(((now - t0) / 10000 % 100))
	else
		printf 'first-frame none'
	fi
	echo " sent ${sent:-0}"
}

measure() {
	local secs=$1 t0 t1 t f
	declare -A b
	case $secs in '' | *[!0-9]*) err "measure: SECS must be a number" ;; esac
	[ "$secs" -ge 1 ] && [ "$secs" -le 600 ] || err "measure: SECS 1..600"
	t0=${EPOCHREALTIME/./}
	for t in tap0 tap1; do
		for f in rx_packets rx_dropped; do
			read -r "b[$t.$f]" < "/sys/class/net/$t/statistics/$f"
		done
	done
	sleep "$secs"
	for t in tap0 tap1; do
		for f in rx_packets rx_dropped; do
			read -r "b[$t.$f.after]" < "/sys/class/net/$t/statistics/$f"
		done
	done
	t1=${EPOCHREALTIME/./}
	for t in tap0 tap1; do
		echo "$t rx $((b[$t.rx_packets.after] - b[$t.rx_packets])) rx_dropped $((b[$t.rx_dropped.after] - b[$t.rx_dropped]))"
	done
	printf 'elapsed %d.%03d\n' $(((t1 - t0) / 1000000)) $(((t1 - t0) / 1000 % 1000))
}

case ${1:-} in
tapstats) tapstats ;;
inject) [ $# = 4 ] || err "inject TAPS PACKETS PPS"; inject "$2" "$3" "$4" ;;
measure) [ $# = 2 ] || err "measure SECS"; measure "$2" ;;
startup) [ $# = 5 ] || err "startup IN_TAP OUT_TAP PPS TIMEOUT_S"; startup "$2" "$3" "$4" "$5" ;;
*) err "unknown request '$*' (tapstats, inject, measure, startup)" ;;
esac
