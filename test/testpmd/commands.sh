#!/bin/bash
# pollux-testpmd -i: one scripted session per command group (display,
# config, ports, devices, verbose/retry, help), checking DPDK's labels and
# that each change is real: the next "show" reads it back through the
# ethdev API (MTU, promiscuous and all-multicast state, queue counts,
# link state, MAC address).
# Usage: commands.sh BUILD_DIR
TESTPMD="$1/app/pollux-testpmd"
. "$(dirname "$0")/lib.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# run_session NAME PORTS...: stdin is the session, output in $OUT/NAME.
run_session() {
	local name=$1
	shift
	timeout 60 "$TESTPMD" $EAL "$@" -- -i --total-num-mbufs=8192 \
		>"$OUT/$name.raw" 2>&1
	local rc=$?
	# Piped input: the prompt has no newline; drop it to anchor lines.
	sed 's/^\(testpmd> \)*//' "$OUT/$name.raw" >"$OUT/$name"
	[ $rc -eq 0 ] || fail "$name: exit $rc"
	grep -q '^Bye...$' "$OUT/$name" || fail "$name: no Bye..."
	grep -q 'not returned' "$OUT/$name" && fail "$name: mbufs leaked"
	grep -q 'Bad arguments' "$OUT/$name" && fail "$name: a command was refused"
}

# expect NAME PATTERN WHY: the session output has a line matching PATTERN.
expect() {
	grep -qE -- "$2" "$OUT/$1" || fail "$1: $3"
}

# A port's "show port info" block, from its header to the next header.
info_block() {
	awk -v hdr="Infos for port $2 " 'index($0, hdr) { on = 1; next }
		/Infos for port/ { on = 0 } on' "$OUT/$1"
}

# --- display ---------------------------------------------------------
{
	echo "show port summary all"
	echo "show port info all"
	echo "show device info all"
	echo "show rxq info 0 0"
	echo "show txq info 1 0"
	echo "show port 0 rss-hash"
	echo "show port 0 rss-hash key"
	echo "start"
	sleep 0.5
	echo "show fwd stats all"
	echo "stop"
	echo "clear fwd stats all"
	echo "show fwd stats all"
	echo "show config txpkts"
	echo "quit"
} | run_session display $NULL_PORTS
expect display '^Number of available ports: 2$' "summary count"
expect display '^Port MAC Address       Name         Driver         Status   Link$' \
	"summary header"
expect display '^1    ([0-9A-F]{2}:){5}[0-9A-F]{2} net_null1    net_null       up       10 Gbps$' \
	"summary line"
for label in 'MAC address: ' 'Device name: net_null0' 'Driver name: net_null' \
		'Devargs: ' 'Connect to socket: 0' 'Link status: up' \
		'Link speed: 10 Gbps' 'Link duplex: full-duplex' 'MTU: 1500' \
		'Promiscuous mode: enabled' 'Allmulticast mode: enabled' \
		'Max possible RX queues: ' 'Max possible number of RXDs per queue: ' \
		'Min possible number of TXDs per queue: ' 'Device capabilities: 0x' \
		'Device error handling mode: none' 'Autoneg status: Off'; do
	info_block display 0 | grep -qF -- "$label" || fail "display: no '$label'"
done
expect display 'Infos for device net_null1 ' "device info"
expect display '^Bus name: vdev$' "device bus"
expect display 'Infos for port 0 , RX queue 0 ' "rxq info"
expect display '^Mempool: mb_pool_0$' "rxq mempool"
expect display 'Infos for port 1 , TX queue 0 ' "txq info"
expect display 'dev_info did not provide a valid hash key size' "rss-hash"
n=$(grep -c 'Accumulated forward statistics' "$OUT/display")
[ "$n" -eq 3 ] || fail "display: $n forward statistics blocks, expected 3"
last=$(sed -n '/Accumulated/,/++++$/p' "$OUT/display" | awk '$1 == "RX-packets:" { v = $2 } END { print v }')
[ "$last" = 0 ] || fail "display: clear fwd stats left $last"
expect display '^Segment sizes: 64$' "show config txpkts"

# --- config ----------------------------------------------------------
{
	echo "set nbport 1"
	echo "show config fwd"
	echo "set nbport 3"
	echo "set portlist 0,1"
	echo "show config fwd"
	echo "set corelist 1"
	echo "set coremask 0x2"
	echo "show config cores"
	echo "set coremask 0x1"
	echo "set corelist 5"
	echo "set portlist 0,7"
	echo "set txpkts 64,32"
	echo "show config txpkts"
	echo "set txpkts 10"
	echo "set burst 16"
	echo "set eth-peer 1 02:aa:bb:cc:dd:ee"
	echo "set fwd mac retry"
	echo "show config fwd"
	echo "show config rxtx"
	echo "start"
	sleep 0.5
	echo "set fwd io"
	echo "show config fwd"
	echo "stop"
	echo "show config fwd"
	echo "set verbose 0"
	echo "quit"
} | run_session config $NULL_PORTS
expect config '^Number of forwarding ports set to 1$' "set nbport"
expect config 'ports=1 - cores=1 - streams=1 ' "nbport not applied"
expect config 'nb fwd ports 3 > 2 \(number of configured ports\) - ignored' \
	"set nbport too many"
expect config 'ports=2 - cores=1 - streams=2 ' "portlist not applied"
expect config '^List of forwarding lcores:  1$' "coremask"
expect config 'lcore 0 cannot be masked on for running packet forwarding' \
	"main lcore in coremask"
expect config '^lcore 5 not enabled$' "corelist bad lcore"
expect config '^Invalid port 7$' "portlist bad port"
expect config '^Segment sizes: 64,32$' "set txpkts"
expect config '^Number of segments: 2$' "txpkts segments"
expect config 'total packet length=10 < 42 - give up' "txpkts too short"
expect config '^Set mac packet forwarding mode with retry$' "set fwd retry"
expect config '^mac packet forwarding with retry - ports=2' "retry config"
expect config '^TX retry num: 64, delay between TX retries: 1us$' "retry line"
expect config 'peer=02:AA:BB:CC:DD:EE' "set eth-peer"
expect config 'mac packet forwarding with retry packets/burst=16' "set burst"
expect config '^Number of packets per burst set to 16$' "set burst message"
expect config '^Set io packet forwarding mode$' "set fwd while forwarding"
# While forwarding "show config fwd" still shows mac; after stop, io.
sed -n '/^Set io packet/,$p' "$OUT/config" | grep -q '^mac packet forwarding' ||
	fail "config: engine switched under the running lcores"
sed -n '/^Done\.$/,$p' "$OUT/config" | grep -q '^io packet forwarding - ' ||
	fail "config: set fwd while forwarding not applied at stop"
rx=$(accumulated "$OUT/config" RX)
[ "${rx:-0}" -gt 0 ] || fail "config: mac retry forwarded nothing"
expect config '^Change verbose level from 0 to 0$' "set verbose"

# --- ports: real state changes read back ------------------------------
{
	echo "set promisc 0 off"
	echo "set allmulti 1 off"
	echo "show port info all"
	echo "set promisc all on"
	echo "set allmulti all on"
	echo "port config all rxq 2"
	echo "port stop all"
	echo "port config all rxq 2"
	echo "port config all txq 2"
	echo "port config all rxd 256"
	echo "port config all txd 256"
	echo "port config all rss ip"
	echo "port config mtu 0 1400"
	echo "port config mtu 1 9000"
	echo "port start all"
	echo "show port info 0"
	echo "show config rxtx"
	echo "mac_addr set 0 02:11:22:33:44:55"
	echo "mac_addr add 0 02:11:22:33:44:66"
	echo "show port summary all"
	echo "port reset 0"
	echo "quit"
} | run_session ports $NULL_PORTS
info_block ports 0 | grep -q 'Promiscuous mode: disabled' ||
	fail "ports: promisc off not read back"
sed -n '/Infos for port 1 /,$p' "$OUT/ports" | grep -m1 'Allmulticast' |
	grep -q disabled || fail "ports: allmulti off not read back"
expect ports '^Please stop all ports first$' "port config while started"
last_info=$(awk '/Infos for port 0 /{ s = "" } { s = s $0 "\n" } END { printf "%s", s }' "$OUT/ports")
echo "$last_info" | grep -q '^MTU: 1400$' || fail "ports: MTU not read back"
echo "$last_info" | grep -q '^Current number of RX queues: 2$' ||
	fail "ports: rxq not read back"
echo "$last_info" | grep -q '^Current number of TX queues: 2$' ||
	fail "ports: txq not read back"
echo "$last_info" | grep -q '^Promiscuous mode: enabled$' ||
	fail "ports: promisc on not read back"
expect ports '^Set MTU failed. diag=-22$' "bad MTU accepted"
expect ports 'Configuration of RSS hash at ethernet port 0 failed with error' \
	"rss on a port without RSS"
expect ports 'RX desc=256' "rxd not applied"
expect ports '^0    02:11:22:33:44:55 net_null0 ' "mac_addr set not read back"
expect ports '^mac_addr_cmd error: \(Operation not supported\)$' \
	"mac_addr add on net_null"

# --- link state and hotplug (net_ring has admin link up/down) ---------
{
	echo "set link-down port 0"
	echo "show port 0 link"
	echo "show port info 0"
	echo "set link-up port 0"
	echo "show port 0 link"
	echo "set link-down port 2"
	echo "port attach net_null2,size=128"
	echo "show port summary all"
	echo "show config fwd"
	echo "port start 2"
	echo "show port info 2"
	echo "show device info net_null2"
	echo "show device info net_bogus9"
	echo "port attach net_bogus0"
	echo "port detach 2"
	echo "port stop 2"
	echo "port detach 2"
	echo "show port summary all"
	echo "start tx_first"
	sleep 0.3
	echo "stop"
	echo "quit"
} | run_session devices $RING_PORTS
expect devices '^Port 0: Link down$' "link-down not read back"
info_block devices 0 | grep -q '^Link status: down$' || fail "devices: info link"
expect devices '^Port 0: Link up at 10 Gbps' "link-up not read back"
expect devices '^Invalid port 2$' "link on a missing port"
expect devices '^Port 2 is attached. Now total ports is 3$' "attach"
expect devices '^2    ([0-9A-F]{2}:){5}[0-9A-F]{2} net_null2 ' "attached port listed"
info_block devices 2 | grep -q '^Promiscuous mode: enabled$' ||
	fail "devices: attached port not started with DPDK's defaults"
expect devices '^Failed to attach port net_bogus0' "bad attach"
expect devices '^io packet forwarding - ports=3 ' "attached port not forwarding"
expect devices 'Infos for device net_null2 ' "device info by name"
info_block devices 2 | grep -q '^Devargs: size=128$' || fail "devices: devargs"
expect devices "^No device 'net_bogus9'" "device info of a missing device"
expect devices '^Port not stopped$' "detach of a started port"
expect devices '^Port was not closed$' "detach of a stopped port"
expect devices '^Device is detached$' "detach"
[ "$(grep -c '^Number of available ports: 2$' "$OUT/devices")" -eq 1 ] ||
	fail "devices: port count after detach"
expect devices '^io packet forwarding - ports=2 - cores=1 - streams=2 ' \
	"detached port still forwarding"
rx=$(accumulated "$OUT/devices" RX)
[ "${rx:-0}" -gt 0 ] || fail "devices: nothing forwarded after detach"

# --- verbose dump -----------------------------------------------------
{
	echo "set verbose 3"
	echo "set fwd txonly"
	echo "set burst 2"
	echo "start"
	sleep 0.2
	echo "stop"
	echo "set verbose 0"
	echo "quit"
} | run_session verbose --vdev net_ring0
expect verbose '^Change verbose level from 0 to 3$' "set verbose"
expect verbose '^port 0/queue 0: sent 2 packets$' "tx dump header"
expect verbose '^  src=([0-9A-F]{2}:){5}[0-9A-F]{2} - dst=02:00:00:00:00:00 - pool=mb_pool_0 - type=0x0800 - length=64 - nb_segs=1 - sw ptype: L2_ETHER L3_IPV4 L4_UDP +- l2_len=14 - l3_len=20 - l4_len=8 - Send queue=0x0$' \
	"tx dump line"
{
	echo "set verbose 1"
	echo "start"
	sleep 0.2
	echo "stop"
	echo "quit"
} | run_session verbose_rx $NULL_PORTS
expect verbose_rx '^port [01]/queue 0: received 32 packets$' "rx dump header"
expect verbose_rx 'Receive queue=0x0$' "rx dump line"
grep -q 'sent' "$OUT/verbose_rx" && fail "verbose 1 dumped Tx"

# --- help and DPDK-only commands -------------------------------------
{
	echo "help"
	echo "help display"
	echo "help ports"
	echo "help all"
	echo "flow create 0 ingress pattern eth / end actions drop / end"
	echo "set fwd csum"
	echo "vlan set strip on 0"
	echo "show port 0 module_eeprom"
	echo "quit"
} | run_session help $NULL_PORTS
expect help 'Help is available for the following sections:' "help"
for s in control display config ports filters traffic_management devices \
		drivers all; do
	expect help "^    help $s " "help section $s"
done
expect help '^show port \(info\|stats\|xstats\|summary\) \(port_id\|all\)$' \
	"help display text"
expect help '^port attach \(devargs\)$' "help ports text"
[ "$(grep -c 'not supported by pollux-testpmd' "$OUT/help")" -ge 4 ] ||
	fail "help: DPDK-only commands not reported as unsupported"

{
	echo "set fwd bogus"
	echo "set promisc 0 maybe"
	echo "quit"
} | timeout 60 "$TESTPMD" $EAL $NULL_PORTS -- -i --total-num-mbufs=8192 \
	>"$OUT/bad" 2>&1
[ "$(grep -c 'Bad arguments' "$OUT/bad")" -eq 2 ] ||
	fail "bad: invalid arguments not refused"

[ $FAILED -eq 0 ] || for f in "$OUT"/*; do echo "=== $f"; cat "$f"; done | tail -400
exit $FAILED
