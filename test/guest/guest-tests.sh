#!/bin/bash
# Runs inside the test guest, chrooted into the host's root file system
# (guest-chroot.sh), as root, with the writable share on /mnt. For each
# binding, binds both test NICs with usertools/pollux-devbind.py and runs
# the PCI check program on them (the kernel's NIC 00:06.0, on the same QEMU
# hub, is the peer that receives their frames and sends them one), then
# pollux-testpmd (the virtio PMD) on both; at the end gives them back to
# virtio-pci. Variant tap (no hub: the two test NICs on host taps) runs only
# the forwarding of host-injected frames (testpmd_tap). Prints one RESULT
# PASS/FAIL/SKIP line per check, then GUEST-TESTS-END. Each program started costs ~0.1 s under TCG and
# each python3 ~2 s: hence one pollux-devbind.py call per step.
#
# From /mnt/guest.env: GUEST_VARIANT (noiommu, viommu or tap), GUEST_SRC (the source
# tree), GUEST_BUILD (the build tree: app/pollux-testpmd), GUEST_CHECK (the check program, or none:REASON),
# GUEST_NOIOMMU_VFIO (1 when vfio.ko has no-IOMMU support), GUEST_EAL_ARGS
# (extra EAL options for the check program).
set -u
. /mnt/guest.env
. "${BASH_SOURCE[0]%/*}/guest-lib.sh"
modern=0000:00:04.0
legacy=0000:00:05.0
kernel_nic=0000:00:06.0
declare -A mac=([$modern]=52:54:00:12:34:01 [$legacy]=52:54:00:12:34:02)
devbind=$GUEST_SRC/usertools/pollux-devbind.py
check=$GUEST_CHECK
read -r -a eal_args <<< "$GUEST_EAL_ARGS"
fails=0
last_fails=0

res() {
	echo "RESULT $*"
	[ "$1" = FAIL ] && fails=$((fails + 1))
	return 0
}
uptime_s() { cut -d' ' -f1 /proc/uptime; }
# (each program started costs ~0.1 s under TCG: builtins where they do)
driver_of() {
	local link
	link=$(readlink "/sys/bus/pci/devices/$1/driver" 2>/dev/null)
	echo "${link##*/}"
}
ifname_of() {
	ls /sys/bus/pci/devices/"$1"/virtio*/net/ 2>/dev/null | head -1
}

# bind DRIVER BDF...: through pollux-devbind.py when the tree has it, else
# with the sysfs sequence it uses (driver_override, unbind, drivers_probe)
bind() {
	local drv=$1 bdf extra=()
	shift
	if [ -f "$devbind" ]; then
		[ "$drv" = vfio-pci ] && [ "$GUEST_VARIANT" = noiommu ] && extra=(--noiommu-mode)
		echo "+ [$(uptime_s)] pollux-devbind.py -b $drv ${extra[*]} $*"
		timeout 60 python3 "$devbind" -b "$drv" "${extra[@]}" "$@" 2>&1 | sed 's/^/  /'
	else
		echo "+ sysfs: bind $* to $drv (no usertools/pollux-devbind.py in the tree)"
		for bdf in "$@"; do
			local dev=/sys/bus/pci/devices/$bdf
			[ -e "$dev/driver" ] && echo "$bdf" > "$dev/driver/unbind"
			echo "$drv" > "$dev/driver_override"
			echo "$bdf" > /sys/bus/pci/drivers_probe
			echo > "$dev/driver_override"
		done
	fi
}

# bind_check TAG DRIVER BDF...: bind and report each device; 1 if one failed
bind_check() {
	local tag=$1 drv=$2 bdf ret=0
	shift 2
	bind "$drv" "$@"
	for bdf in "$@"; do
		if [ "$(driver_of "$bdf")" = "$drv" ]; then
			res PASS "$tag: $bdf bound to $drv"
		else
			res FAIL "$tag: $bdf bound to '$(driver_of "$bdf")', not $drv"
			ret=1
		fi
	done
	return $ret
}

# give_back TAG BDF...: back to virtio-pci, each with its interface again
give_back() {
	local tag=$1 bdf
	shift
	bind virtio-pci "$@"
	for bdf in "$@"; do
		if [ "$(driver_of "$bdf")" = virtio-pci ] && [ -n "$(ifname_of "$bdf")" ]; then
			res PASS "$tag: $bdf given back to virtio-pci (interface $(ifname_of "$bdf"))"
		else
			res FAIL "$tag: $bdf not back on virtio-pci (driver '$(driver_of "$bdf")')"
		fi
	done
}

# run_check TAG BDF... [-- EXTRA CHECK OPTIONS]: the PCI check program on
# the devices, the kernel's NIC as their peer. Output kept in /tmp/check.out.
run_check() {
	local tag=$1 bdf args=() macs=() rc
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		args+=(-a "$1")
		macs+=(--mac "$1=${mac[$1]}")
		shift
	done
	[ $# -gt 0 ] && shift
	: > /tmp/check.out
	if [ "${check#none:}" != "$check" ]; then
		res SKIP "$tag: PCI checks on ${args[*]}: ${check#none:}"
		return 0
	fi
	echo "+ [$(uptime_s)] ${check##*/} -l 0 -n 1 ${eal_args[*]} ${args[*]} -- --tag $tag --peer $peer ${macs[*]} $*"
	timeout -k 5 60 "$check" -l 0 -n 1 "${eal_args[@]}" "${args[@]}" -- --tag "$tag" \
		--peer "$peer" "${macs[@]}" "$@" > /tmp/check.out 2>&1
	rc=$?
	cat /tmp/check.out
	echo "+ [$(uptime_s)] rc=$rc"
	last_fails=$(grep -c '^RESULT FAIL' /tmp/check.out)
	fails=$((fails + last_fails))
	[ "$rc" = 124 ] && res FAIL "$tag: ${args[*]}: the check program was killed after 60 s"
	[ "$rc" != 0 ] && [ "$rc" != 124 ] && ! grep -q '^RESULT FAIL' /tmp/check.out &&
		res FAIL "$tag: ${args[*]}: the check program exited with $rc"
	return 0
}

pci_list() {
	local d vendor device class
	for d in /sys/bus/pci/devices/*; do
		read -r vendor < "$d/vendor"
		read -r device < "$d/device"
		read -r class < "$d/class"
		printf '  %s %s:%s class=%s driver=%s\n' "${d##*/}" "$vendor" "$device" \
			"$class" "$(driver_of "${d##*/}")"
	done
}

echo "== variant $GUEST_VARIANT, guest kernel $(uname -r), $(python3 -V 2>&1)"
echo "== check program: $check"
pci_list

# The kernel's own NIC, up with an address: pollux-devbind.py must refuse it
refuse_kernel_nic() {
	local ifc out rc
	ifc=$(ifname_of $kernel_nic)
	if [ ! -f "$devbind" ]; then
		res SKIP "devbind: refusal of the kernel-owned NIC: no usertools/pollux-devbind.py in the tree"
		return
	fi
	ip link set "$ifc" up && ip addr add 192.168.77.1/24 dev "$ifc"
	out=$(timeout 60 python3 "$devbind" -b vfio-pci $kernel_nic 2>&1)
	rc=$?
	echo "$out" | sed 's/^/  /'
	if [ "$rc" != 0 ] && [ "$(driver_of $kernel_nic)" = virtio-pci ] &&
		[ "$(cat /sys/class/net/"$ifc"/operstate)" != down ] &&
		echo "$out" | grep -q "$ifc is up"; then
		res PASS "devbind: refused to rebind $kernel_nic ($ifc, up, 192.168.77.1/24), saying it is up: rc $rc"
	else
		res FAIL "devbind: $kernel_nic ($ifc, up) rc $rc, now on '$(driver_of $kernel_nic)'"
	fi
	ip addr flush dev "$ifc"
}

# The device was handed an address the IOMMU does not map: the guest kernel
# must have logged the vIOMMU's fault for exactly that page of 00:04.0
check_dmar_fault() {
	local iova
	iova=$(sed -n 's/^DMA-FAULT-IOVA //p' /tmp/check.out)
	if [ -z "$iova" ]; then
		res SKIP "$1: $modern: DMAR fault: the check program did not get to the DMA fault step"
		return 0
	fi
	sleep 0.5
	dmesg | grep -a 'DMAR' | tail -4 | sed 's/^/  dmesg: /'
	if dmesg | grep -a 'DMAR' | grep -a '00:04.0' | grep -qai "fault addr $iova"; then
		res PASS "$1: $modern: the guest kernel logged a DMAR fault for IOVA $iova"
	else
		res FAIL "$1: $modern: no DMAR fault for IOVA $iova in dmesg"
	fi
}

# --iova-mode=pa cannot work with a vfio type1 device: a clear refusal
check_iova_pa_refused() {
	local rc
	if [ "${check#none:}" != "$check" ]; then
		res SKIP "$1: $modern: --iova-mode=pa refusal: ${check#none:}"
		return 0
	fi
	echo "+ ${check##*/} -l 0 -n 1 ${eal_args[*]} -a $modern --iova-mode=pa -- --tag $1 --expect-refusal"
	timeout -k 5 60 "$check" -l 0 -n 1 "${eal_args[@]}" -a $modern --iova-mode=pa -- \
		--tag "$1" --expect-refusal > /tmp/check.out 2>&1
	rc=$?
	cat /tmp/check.out
	grep -q '^RESULT FAIL' /tmp/check.out && fails=$((fails + 1))
	if [ "$rc" = 0 ] && grep -v '^RESULT' /tmp/check.out | grep -qi 'iova'; then
		res PASS "$1: $modern: --iova-mode=pa refused with a message naming the IOVA mode"
	else
		res FAIL "$1: $modern: --iova-mode=pa: rc $rc, no message about the IOVA mode"
	fi
}

# Without -a, while every NIC belongs to virtio-pci (the test driver's ids
# match 00:06.0 too): the bus must leave them all alone, say so, and the
# kernel's interface must still be up
scan_kernel_nics() {
	local rc state
	if [ "${check#none:}" != "$check" ]; then
		res SKIP "scan: kernel-owned NICs: ${check#none:}"
		return 0
	fi
	echo "+ ${check##*/} -l 0 -n 1 ${eal_args[*]} -- --tag scan --expect-none"
	timeout -k 5 60 "$check" -l 0 -n 1 "${eal_args[@]}" -- --tag scan \
		--expect-none > /tmp/check.out 2>&1
	rc=$?
	cat /tmp/check.out
	fails=$((fails + $(grep -c '^RESULT FAIL' /tmp/check.out)))
	read -r state < "/sys/class/net/$peer/operstate"
	if [ "$rc" = 0 ] && [ "$(driver_of $kernel_nic)" = virtio-pci ] &&
		[ "$state" != down ] && grep -v '^RESULT' /tmp/check.out | grep -q "$kernel_nic"; then
		res PASS "scan: $kernel_nic ($peer, $state) skipped with a message naming it, still on virtio-pci"
	else
		res FAIL "scan: $kernel_nic: rc $rc, driver '$(driver_of $kernel_nic)', $peer $state, named in the output: $(grep -v '^RESULT' /tmp/check.out | grep -c "$kernel_nic") lines"
	fi
}

# pollux-testpmd (the virtio PMD) on both test NICs. The forwarding
# runs for FWD_SECS once testpmd says it forwards (start-up under TCG
# takes 10-20 s), then Enter ends it. Output kept in /tmp/testpmd.out.
testpmd=$GUEST_BUILD/app/pollux-testpmd
fwd_secs=5
peer_rx() { cat "/sys/class/net/$peer/statistics/rx_packets"; }

# run_testpmd READY DRIVE TESTPMD_ARGS...: starts pollux-testpmd on both
# NICs with its stdin on a FIFO (fd 3 here), waits until its output shows
# READY (a regular expression), calls the function DRIVE (which writes to
# fd 3), closes the FIFO and waits. 0 when testpmd exited with 0. It is
# killed after tp_timeout seconds (default 90).
run_testpmd() {
	local ready=$1 drive=$2 pid i rc
	shift 2
	rm -f /tmp/testpmd.in
	mkfifo /tmp/testpmd.in
	echo "+ [$(uptime_s)] pollux-testpmd -l 0-1 -n 1 ${eal_args[*]} -a $modern -a $legacy -- $*"
	timeout -k 5 "${tp_timeout:-90}" "$testpmd" -l 0-1 -n 1 "${eal_args[@]}" -a $modern -a $legacy \
		-- "$@" < /tmp/testpmd.in > /tmp/testpmd.out 2>&1 &
	pid=$!
	exec 3> /tmp/testpmd.in
	for ((i = 0; i < 600; i++)); do
		grep -qE "$ready" /tmp/testpmd.out && break
		kill -0 $pid 2> /dev/null || break
		sleep 0.1
	done
	echo "+ [$(uptime_s)] ready (or gave up) after $((i / 10)) s"
	kill -0 $pid 2> /dev/null && $drive
	exec 3>&-
	wait $pid
	rc=$?
	sed 's/^/  testpmd: /' /tmp/testpmd.out
	echo "+ [$(uptime_s)] pollux-testpmd rc=$rc"
	return $rc
}

# fwd_count PORT RX|TX: the port's count in testpmd's forward statistics
fwd_count() {
	sed -n "/Forward statistics for port $1 /,/------\$/p" /tmp/testpmd.out |
		awk -v f="$2-packets:" '$1 == f { print $2; exit }'
}

# testpmd_exit_check TAG RC: exited 0, said Bye, every mbuf home
testpmd_exit_check() {
	if [ "$2" = 0 ] && grep -q '^Bye' /tmp/testpmd.out &&
		! grep -q 'not returned' /tmp/testpmd.out; then
		res PASS "$1: pollux-testpmd exited cleanly, every mbuf returned"
	else
		res FAIL "$1: pollux-testpmd rc $2: $(grep -m1 -iE 'not returned|error|fail|cannot' /tmp/testpmd.out)"
	fi
}

# io forwarding between the modern (port 0) and the legacy NIC (port 1),
# started with one burst out of each: the frames go round through the
# hub, and each copy reaches the kernel's NIC too (addressed to it)
io_drive() { sleep $fwd_secs; echo >&3; }
testpmd_io() {
	local tag=$1 rc rx0 tx0 rx1 tx1 before after seen
	if [ ! -x "$testpmd" ]; then
		res SKIP "$tag: pollux-testpmd: not built ($testpmd)"
		return 0
	fi
	before=$(peer_rx)
	run_testpmd 'Press enter to exit' io_drive --forward-mode=io --tx-first \
		--burst=32 --eth-peer=0,$peer_mac --eth-peer=1,$peer_mac
	rc=$?
	sleep 1
	after=$(peer_rx)
	seen=$((after - before))
	rx0=$(fwd_count 0 RX) tx0=$(fwd_count 0 TX)
	rx1=$(fwd_count 1 RX) tx1=$(fwd_count 1 TX)
	echo "  port 0 (modern) rx ${rx0:-?} tx ${tx0:-?}, port 1 (legacy) rx ${rx1:-?} tx ${tx1:-?}; $peer received $seen"
	if [ "${tx0:-0}" -ge 32 ] && [ "${tx1:-0}" -ge 32 ] &&
		[ "${rx0:-0}" -gt 0 ] && [ "${rx1:-0}" -gt 0 ]; then
		res PASS "$tag: testpmd io: $modern rx $rx0 tx $tx0, $legacy rx $rx1 tx $tx1"
	else
		res FAIL "$tag: testpmd io: $modern rx '$rx0' tx '$tx0', $legacy rx '$rx1' tx '$tx1'"
	fi
	# what one port sent the other received, less what was in flight
	# (at most the two rings) when testpmd stopped
	if [ -n "$rx1" ] && [ -n "$tx0" ] && [ "$rx1" -le "$tx0" ] &&
		[ "$rx0" -le "$tx1" ] && [ $((tx0 - rx1)) -le 512 ] &&
		[ $((tx1 - rx0)) -le 512 ]; then
		res PASS "$tag: testpmd io: each port received what the other sent ($rx1 of $tx0, $rx0 of $tx1)"
	else
		res FAIL "$tag: testpmd io: $legacy received '$rx1' of '$tx0', $modern '$rx0' of '$tx1'"
	fi
	# the kernel's NIC gets a copy of each at its own pace: QEMU's hub
	# drops what it cannot queue for it (~half of it under uio)
	if [ -n "$tx0" ] && [ "$seen" -gt 0 ] && [ "$seen" -le $((tx0 + tx1)) ]; then
		res PASS "$tag: testpmd io: $peer received $seen of the $((tx0 + tx1)) frames the two ports sent"
	else
		res FAIL "$tag: testpmd io: $peer received $seen frames, the ports sent $((${tx0:-0} + ${tx1:-0}))"
	fi
	testpmd_exit_check "$tag" $rc
}

# Promiscuous mode off (CTRL_RX through each device's control queue),
# then one burst of 32 out of each port, addressed to the kernel's NIC:
# the other test port must filter them out, and the kernel's NIC must
# count exactly the 64 frames
# qemu_monitor COMMAND: through the host (run-guest.sh serves it); 0 when
# the host answered within 10 s
qemu_monitor() {
	local i
	rm -f /mnt/monitor.ack
	echo "$*" > /mnt/monitor.req.tmp && mv /mnt/monitor.req.tmp /mnt/monitor.req
	for ((i = 0; i < 100; i++)); do
		[ -f /mnt/monitor.ack ] && { rm -f /mnt/monitor.ack; return 0; }
		sleep 0.1
	done
	echo "  qemu monitor: no answer to '$*'"
	return 1
}
# then the links: down with QEMU's set_link, then up again, each time
# read by testpmd from the devices' config status
burst_drive() {
	local nics="nic0 nic1" n
	[ -n "$one" ] && nics=nic0
	echo "set promisc all off" >&3
	echo "start tx_first" >&3
	sleep 3
	echo "stop" >&3
	echo "show port all link" >&3
	for n in $nics; do qemu_monitor set_link $n off; done
	sleep 0.5
	echo "show port all link" >&3
	for n in $nics; do qemu_monitor set_link $n on; done
	sleep 0.5
	echo "show port all link" >&3
	sleep 1
	echo "quit" >&3
}
# testpmd_burst TAG [ONE-PORT]: ONE-PORT set when only the modern NIC
# becomes a port (the legacy one refused behind the vIOMMU)
testpmd_burst() {
	local tag=$1 one=${2:-} rc rx0 tx0 rx1 tx1 before seen want=64 links=2 topo=paired p seq
	[ -x "$testpmd" ] || return 0
	[ -n "$one" ] && topo=loop
	before=$(peer_rx)
	run_testpmd 'testpmd> ' burst_drive -i --forward-mode=io --burst=32 \
		--port-topology=$topo \
		--eth-peer=0,$peer_mac --eth-peer=1,$peer_mac
	rc=$?
	sleep 1
	seen=$(($(peer_rx) - before))
	rx0=$(fwd_count 0 RX) tx0=$(fwd_count 0 TX)
	rx1=$(fwd_count 1 RX) tx1=$(fwd_count 1 TX)
	if [ -n "$one" ]; then
		want=32 links=1
		[ -z "$rx1$tx1" ] && rx1=0 tx1=0
	fi
	if [ "$tx0" = 32 ] && [ "$tx1" = $((want - 32)) ] && [ "$rx0" = 0 ] &&
		[ "$rx1" = 0 ] && [ "$seen" = $want ]; then
		res PASS "$tag: testpmd promiscuous off, one burst per port: tx $tx0 + $tx1, rx 0, $peer received $want"
	else
		res FAIL "$tag: testpmd promiscuous off, one burst per port: tx '$tx0' + '$tx1' (want 32 + $((want - 32))), rx '$rx0' + '$rx1' (want 0), $peer received $seen (want $want)"
	fi
	for ((p = 0; p < links; p++)); do
		seq=$(grep -o "Port $p: Link [a-z]*" /tmp/testpmd.out | awk '{ printf "%s%s", sep, $4; sep = " " }')
		if [ "$seq" = "up down up" ]; then
			res PASS "$tag: testpmd: port $p link up, down after QEMU's set_link off, up after on"
		else
			res FAIL "$tag: testpmd: port $p link '$seq', want 'up down up' (set_link off, on)"
		fi
	done
	testpmd_exit_check "$tag" $rc
}

# icmpecho on both ports (promiscuous off): the kernel's NIC pings an
# address on the hub; both ports answer its ARP request, the one it picks
# answers the 5 echo requests, and nothing else comes back
ping_out=/tmp/ping.out
echo_drive() {
	echo "set promisc all off" >&3
	echo "set fwd icmpecho" >&3
	echo "start" >&3
	sleep 1
	ip addr add 192.168.77.1/24 dev "$peer"
	timeout 30 ping -c 5 -i 0.2 -W 5 -I "$peer" 192.168.77.2 > $ping_out 2>&1
	ip neigh show dev "$peer" >> $ping_out
	ip addr flush dev "$peer"
	ip neigh flush dev "$peer"
	echo "stop" >&3
	sleep 1
	echo "quit" >&3
}
testpmd_icmpecho() {
	local tag=$1 rc rx tx before seen
	[ -x "$testpmd" ] || return 0
	before=$(peer_rx)
	: > $ping_out
	run_testpmd 'testpmd> ' echo_drive -i --burst=32 --port-topology=loop
	rc=$?
	sleep 0.5
	seen=$(($(peer_rx) - before))
	sed 's/^/  ping: /' $ping_out
	rx=$(($(fwd_count 0 RX) + ${tp_p1:-$(fwd_count 1 RX)}))
	tx=$(($(fwd_count 0 TX) + ${tp_p1:-$(fwd_count 1 TX)}))
	if grep -q ' 5 received' $ping_out && ! grep -q DUP $ping_out &&
		[ "$tx" = "$rx" ] && [ "$seen" = "$tx" ]; then
		res PASS "$tag: testpmd icmpecho answered 5 of 5 pings from $peer (rx $rx, tx $tx, $peer received $seen)"
	else
		res FAIL "$tag: testpmd icmpecho: $(grep -m1 'received' $ping_out); rx $rx tx $tx, $peer received $seen"
	fi
	testpmd_exit_check "$tag" $rc
}

# Behind the vIOMMU: the legacy NIC refused at probe with the reason,
# the modern one (iommu_platform=on) a port that forwards through it
testpmd_viommu() {
	local tag=$1 msg='legacy virtio device cannot do DMA through an IOMMU'
	[ -x "$testpmd" ] || { res SKIP "$tag: pollux-testpmd: not built"; return 0; }
	tp_p1=0
	testpmd_icmpecho "$tag"
	tp_p1=
	if grep -q "$legacy.*$msg" /tmp/testpmd.out &&
		[ "$(grep -c "^Port [0-9]*: [0-9A-F:]*$" /tmp/testpmd.out)" = 1 ]; then
		res PASS "$tag: testpmd: $legacy (legacy) refused: $(grep -m1 -o "$msg.*" /tmp/testpmd.out)"
	else
		res FAIL "$tag: testpmd: $legacy (legacy) not refused with a message, or not one port: $(grep -m1 "$legacy" /tmp/testpmd.out)"
	fi
	testpmd_burst "$tag" one
}

# Variant tap: the host injects 64-byte UDP frames into tap0 (00:04.0,
# port 0) and tap1 (00:05.0, port 1) at once, TAP_PPS frames/s each for
# TAP_SECS s, while pollux-testpmd io-forwards between the two ports; each
# direction must account for every frame from the host's tcpreplay to the
# other tap (tap_account in guest-lib.sh): dropped where the guest was
# too slow to take them, never lost
tap_pps=10000
tap_secs=5
tap_drive() {
	host_req 10 tapstats > /tmp/tap.before
	host_req $((tap_secs + 30)) inject tap0,tap1 $((tap_pps * tap_secs)) $tap_pps > /tmp/tap.inject
	sleep 2
	host_req 10 tapstats > /tmp/tap.after
	# (in a subshell: a testpmd that died must not take this script along)
	(echo >&3) 2> /dev/null
}
testpmd_tap() {
	local tag=$1 rc line
	if [ ! -x "$testpmd" ]; then
		res SKIP "$tag: pollux-testpmd: not built ($testpmd)"
		return 0
	fi
	: > /tmp/tap.before
	: > /tmp/tap.inject
	: > /tmp/tap.after
	# the host's answers take seconds each under a loaded TCG guest
	tp_timeout=$((tap_secs + 150))
	run_testpmd 'Press enter to exit' tap_drive --forward-mode=io --burst=32
	rc=$?
	tp_timeout=
	sed 's/^/  host: /' /tmp/tap.before /tmp/tap.inject /tmp/tap.after
	for line in "tap0 0 1 tap1" "tap1 1 0 tap0"; do
		# shellcheck disable=SC2086
		set -- $line
		if tap_account /tmp/testpmd.out /tmp/tap.inject /tmp/tap.before \
			/tmp/tap.after $line > /tmp/tap.acc; then
			res PASS "$tag: host-injected frames forwarded, all counted: $(cut -d' ' -f2- /tmp/tap.acc)"
		else
			res FAIL "$tag: host-injected frames $1->$4 not all counted: $(cut -d' ' -f2- /tmp/tap.acc)"
		fi
	done
	testpmd_exit_check "$tag" $rc
}

# one binding, both test NICs (straight from the previous binding: giving
# them back to virtio-pci in between costs ~10 s under TCG)
test_binding() {
	local drv=$1 tag=$2
	bind_check "$tag" "$drv" $modern $legacy
	run_check "$tag" $modern $legacy
	testpmd_io "$tag"
	testpmd_burst "$tag"
	testpmd_icmpecho "$tag"
	intr_tests "$tag" "$drv"
}

# LSC events and rx interrupt mode (intr_tests, intr_tests_viommu)
. "$(dirname "$GUEST_TESTS")/guest-intr-tests.sh"

peer=$(ifname_of $kernel_nic)
peer_mac=52:54:00:12:34:03
ip link set "$peer" up
case $GUEST_VARIANT in
noiommu)
	refuse_kernel_nic
	scan_kernel_nics
	test_binding uio_pci_generic uio
	if [ "$GUEST_NOIOMMU_VFIO" = 1 ] &&
		[ "$(cat /sys/module/vfio/parameters/enable_unsafe_noiommu_mode)" = Y ]; then
		test_binding vfio-pci vfio-noiommu
	else
		res SKIP "vfio-noiommu: the guest's vfio.ko has no no-IOMMU mode (see build-guest.sh)"
	fi
	give_back devbind $modern $legacy
	;;
tap)
	for drv in uio_pci_generic vfio-pci; do
		tag=uio-tap
		if [ $drv = vfio-pci ]; then
			tag=vfio-noiommu-tap
			if [ "$GUEST_NOIOMMU_VFIO" != 1 ] ||
				[ "$(cat /sys/module/vfio/parameters/enable_unsafe_noiommu_mode)" != Y ]; then
				res SKIP "$tag: the guest's vfio.ko has no no-IOMMU mode (see build-guest.sh)"
				continue
			fi
		fi
		bind_check $tag $drv $modern $legacy && testpmd_tap $tag
	done
	give_back tap $modern $legacy
	;;
viommu)
	grp=$(readlink /sys/bus/pci/devices/$modern/iommu_group)
	read -r type < "/sys/kernel/iommu_groups/${grp##*/}/type"
	echo "  $modern: iommu_group ${grp##*/}, type $type"
	if bind_check vfio-viommu vfio-pci $modern $legacy; then
		run_check vfio-viommu $modern -- --dma-fault
		check_dmar_fault vfio-viommu
		if [ "${last_fails:-0}" != 0 ]; then
			# The guest's IOMMU translates 39 bits of address (MGAW 39):
			# again, with the EAL's memory below 4 GiB + x, to tell an
			# IOVA-width problem from the rest
			eal_args+=(--base-virtaddr=0x100000000)
			run_check vfio-viommu-low-va $modern -- --dma-fault
			check_dmar_fault vfio-viommu-low-va
			unset 'eal_args[-1]'
		fi
		check_iova_pa_refused vfio-viommu
		testpmd_viommu vfio-viommu
		intr_tests_viommu vfio-viommu
	fi
	give_back vfio-viommu $modern $legacy
	;;
esac
dmesg | grep -aiE 'fault|vfio|uio' | tail -20 | sed 's/^/  dmesg: /'
echo "GUEST-TESTS-END fails=$fails"
[ "$fails" = 0 ]
