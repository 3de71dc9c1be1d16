#!/bin/bash
# Runs inside the test guest, chrooted into the host's root file system
# (guest-chroot.sh), as root, with the writable share on /mnt. For each
# binding, binds both test NICs with usertools/pollux-devbind.py and runs
# the PCI check program on them (the kernel's NIC 00:06.0, on the same QEMU
# hub, is the peer that receives their frames and sends them one); at the
# end gives them back to virtio-pci. Prints one RESULT PASS/FAIL/SKIP line
# per check, then GUEST-TESTS-END. Each program started costs ~0.1 s under TCG and
# each python3 ~2 s: hence one pollux-devbind.py call per step.
#
# From /mnt/guest.env: GUEST_VARIANT (noiommu or viommu), GUEST_SRC (the source
# tree), GUEST_CHECK (the check program, or none:REASON),
# GUEST_NOIOMMU_VFIO (1 when vfio.ko has no-IOMMU support), GUEST_EAL_ARGS
# (extra EAL options for the check program).
set -u
. /mnt/guest.env
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

# one binding, both test NICs (straight from the previous binding: giving
# them back to virtio-pci in between costs ~10 s under TCG)
test_binding() {
	local drv=$1 tag=$2
	bind_check "$tag" "$drv" $modern $legacy
	run_check "$tag" $modern $legacy
}

peer=$(ifname_of $kernel_nic)
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
viommu)
	grp=$(readlink /sys/bus/pci/devices/$modern/iommu_group)
	read -r type < "/sys/kernel/iommu_groups/${grp##*/}/type"
	echo "  $modern: iommu_group ${grp##*/}, type $type"
	if bind_check vfio-viommu vfio-pci $modern; then
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
	fi
	give_back vfio-viommu $modern
	;;
esac
dmesg | grep -aiE 'fault|vfio|uio' | tail -20 | sed 's/^/  dmesg: /'
echo "GUEST-TESTS-END fails=$fails"
[ "$fails" = 0 ]
