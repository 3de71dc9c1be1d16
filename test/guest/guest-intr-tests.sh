#!/bin/bash
# Interrupt checks of the virtio PMD, sourced by guest-tests.sh (which
# provides res, run_testpmd, qemu_monitor, testpmd_exit_check, eal_args,
# peer, modern, legacy and GUEST_BUILD):
#
# testpmd_lsc TAG [ONE-PORT]
#   QEMU's set_link off, then on, while pollux-testpmd runs: each change
#   must reach it as an RTE_ETH_EVENT_INTR_LSC callback (the device's
#   config-change interrupt: MSI-X vector 0 under vfio-pci, INTx with the
#   ISR's config bit under uio_pci_generic), printed "Port N: link state
#   change event", and "show port info" (which, with intr_conf.lsc, shows
#   what the last event stored) must say down, then up.
# rxintr_check TAG BDF MODE
#   guest_rxintr on one NIC: MODE sleep (an lcore asleep in
#   rte_epoll_wait on the rx queue's interrupt is woken by a frame from
#   the kernel's NIC, and stays asleep without one) or enotsup (INTx
#   only: configure with intr_conf.rxq fails with -ENOTSUP, one line).

lsc_ports="0 1"
lsc_nics="nic0 nic1"
# show port info of every port, each section kept apart by its header
lsc_show() {
	local p
	for p in $lsc_ports; do echo "show port info $p" >&3; done
	sleep 1
}
lsc_drive() {
	local n
	lsc_show
	for n in $lsc_nics; do qemu_monitor set_link $n off; done
	sleep 2
	lsc_show
	for n in $lsc_nics; do qemu_monitor set_link $n on; done
	sleep 2
	lsc_show
	echo "quit" >&3
}
testpmd_lsc() {
	local tag=$1 one=${2:-} rc p seq events topo=paired
	[ -x "$testpmd" ] || { res SKIP "$tag: LSC events: pollux-testpmd not built"; return 0; }
	if [ -n "$one" ]; then
		lsc_ports=0 lsc_nics=nic0 topo=loop
	else
		lsc_ports="0 1" lsc_nics="nic0 nic1"
	fi
	# the driver's debug lines say which interrupt came and what it read
	eal_args+=(--log-level=pmd,debug)
	run_testpmd 'testpmd> ' lsc_drive -i --port-topology=$topo
	rc=$?
	unset 'eal_args[-1]'
	for p in $lsc_ports; do
		events=$(grep -c "^Port $p: link state change event" /tmp/testpmd.out)
		seq=$(awk -v p="$p" '/Infos for port/ { cur = $5 }
			/^Link status:/ && cur == p { printf "%s%s", sep, $3; sep = " " }' \
			/tmp/testpmd.out)
		if [ "$events" = 2 ]; then
			res PASS "$tag: testpmd: port $p: 2 'link state change' events for set_link off, on"
		else
			res FAIL "$tag: testpmd: port $p: $events 'Port $p: link state change event' lines, want 2"
		fi
		if [ "$seq" = "up down up" ]; then
			res PASS "$tag: testpmd: port $p: show port info says link up, down, up (from the LSC interrupt)"
		else
			res FAIL "$tag: testpmd: port $p: show port info link status '$seq', want 'up down up'"
		fi
	done
	testpmd_exit_check "$tag: LSC" $rc
}

rxintr=$GUEST_BUILD/test/guest/guest_rxintr
rxintr_check() {
	local tag=$1 bdf=$2 mode=$3 rc args=() msg='rx interrupts need an MSI-X vector per queue'
	if [ ! -x "$rxintr" ]; then
		res SKIP "$tag: rx interrupts on $bdf: guest_rxintr not built"
		return 0
	fi
	if [ "$mode" = enotsup ]; then
		args=(--expect-enotsup)
	else
		args=(--peer "$peer")
	fi
	echo "+ [$(uptime_s)] guest_rxintr -l 0-1 -n 1 ${eal_args[*]} -a $bdf -- --tag '$tag: rx intr $bdf' ${args[*]}"
	timeout -k 5 90 "$rxintr" -l 0-1 -n 1 "${eal_args[@]}" -a "$bdf" -- \
		--tag "$tag: rx intr $bdf" "${args[@]}" > /tmp/rxintr.out 2>&1
	rc=$?
	sed '/^RESULT/!s/^/  rxintr: /' /tmp/rxintr.out
	fails=$((fails + $(grep -c '^RESULT FAIL' /tmp/rxintr.out)))
	if [ "$mode" = enotsup ]; then
		if [ "$(grep -c "$msg" /tmp/rxintr.out)" = 1 ]; then
			res PASS "$tag: rx intr $bdf: refused in one line: $(grep -m1 -o "$msg.*" /tmp/rxintr.out)"
		else
			res FAIL "$tag: rx intr $bdf: want one line saying '$msg', got $(grep -c "$msg" /tmp/rxintr.out)"
		fi
	fi
	if [ "$rc" != 0 ] && ! grep -q '^RESULT FAIL' /tmp/rxintr.out; then
		res FAIL "$tag: rx intr $bdf: guest_rxintr exited with $rc"
	fi
	return 0
}

# intr_tests TAG DRIVER: the cases of one binding of both NICs
intr_tests() {
	local tag=$1 drv=$2 mode=sleep
	testpmd_lsc "$tag"
	[ "$drv" = uio_pci_generic ] && mode=enotsup
	rxintr_check "$tag" $modern $mode
	rxintr_check "$tag" $legacy $mode
}

# intr_tests_viommu TAG: behind the vIOMMU only the modern NIC is a port
intr_tests_viommu() {
	testpmd_lsc "$1" one
	rxintr_check "$1" $modern sleep
}
