#!/bin/bash
# Runs inside the test guest, chrooted into the host's root file system
# (guest-chroot.sh), as root, with the writable share on /mnt. Binds the
# test NICs with usertools/pollux-devbind.py, runs the PCI check program on
# them, gives them back to virtio-pci, and prints one RESULT PASS/FAIL/SKIP
# line per check, then GUEST-TESTS-END.
#
# From /mnt/guest.env: GUEST_VARIANT (noiommu or viommu), GUEST_SRC (the source
# tree), GUEST_CHECK (the check program, or none:REASON),
# GUEST_NOIOMMU_VFIO (1 when vfio.ko has no-IOMMU support).
set -u
. /mnt/guest.env
modern=0000:00:04.0
legacy=0000:00:05.0
kernel_nic=0000:00:06.0
devbind=$GUEST_SRC/usertools/pollux-devbind.py
check=$GUEST_CHECK
fails=0

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

# bind BDF DRIVER: through pollux-devbind.py when the tree has it, else with
# the sysfs sequence it uses (driver_override, unbind, drivers_probe)
bind() {
	local bdf=$1 drv=$2 dev=/sys/bus/pci/devices/$1
	if [ -f "$devbind" ]; then
		echo "+ pollux-devbind.py -b $drv $bdf"
		timeout 60 python3 "$devbind" -b "$drv" "$bdf"
	else
		echo "+ sysfs: bind $bdf to $drv (no usertools/pollux-devbind.py in the tree)"
		[ -e "$dev/driver" ] && echo "$bdf" > "$dev/driver/unbind"
		echo "$drv" > "$dev/driver_override"
		echo "$bdf" > /sys/bus/pci/drivers_probe
		echo > "$dev/driver_override"
	fi
	[ "$(driver_of "$bdf")" = "$drv" ]
}

# bind_check BDF DRIVER TAG: bind and report
bind_check() {
	if bind "$1" "$2"; then
		res PASS "$3: $1 bound to $2"
	else
		res FAIL "$3: $1 bound to '$(driver_of "$1")', not $2"
		return 1
	fi
}

# give_back BDF TAG: back to virtio-pci, with its network interface again
give_back() {
	if bind "$1" virtio-pci && [ -n "$(ifname_of "$1")" ]; then
		res PASS "$2: $1 given back to virtio-pci (interface $(ifname_of "$1"))"
	else
		res FAIL "$2: $1 not back on virtio-pci (driver '$(driver_of "$1")')"
	fi
}

# run_check TAG BDF PEER_BDF [EXTRA CHECK OPTIONS]: the PCI check program on
# one device, with the other test NIC, owned by the kernel, as its peer
run_check() {
	local tag=$1 bdf=$2 peer_bdf=$3
	shift 3
	if [ "${check#none:}" != "$check" ]; then
		res SKIP "$tag: PCI checks on $bdf: ${check#none:}"
		return 0
	fi
	local peer
	peer=$(ifname_of "$peer_bdf")
	[ -n "$peer" ] && ip link set "$peer" up
	echo "+ [$(uptime_s)] $check -l 0 -n 1 -a $bdf -- --tag $tag --peer ${peer:-none} $*"
	timeout -k 5 60 "$check" -l 0 -n 1 -a "$bdf" --log-level=pci:info -- \
		--tag "$tag" --peer "${peer:-none}" "$@"
	local rc=$?
	echo "+ [$(uptime_s)] rc=$rc"
	[ "$rc" = 124 ] && res FAIL "$tag: $bdf check program killed after 60 s"
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
if [ -f "$devbind" ]; then
	timeout 60 python3 "$devbind" --status-dev net
fi

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
		[ "$(cat /sys/class/net/"$ifc"/operstate)" != down ]; then
		res PASS "devbind: refused to rebind $kernel_nic ($ifc, up, 192.168.77.1/24): rc $rc"
	else
		res FAIL "devbind: $kernel_nic ($ifc, up) rc $rc, now on '$(driver_of $kernel_nic)'"
	fi
	ip addr flush dev "$ifc"
}

# one binding, both NICs in turn, each with the other one as kernel peer
test_binding() {
	local drv=$1 tag=$2
	if bind_check $modern "$drv" "$tag"; then
		run_check "$tag" $modern $legacy
		give_back $modern "$tag"
	fi
	if bind_check $legacy "$drv" "$tag"; then
		run_check "$tag" $legacy $modern
		give_back $legacy "$tag"
	fi
}

case $GUEST_VARIANT in
noiommu)
	refuse_kernel_nic
	test_binding uio_pci_generic uio
	if [ "$GUEST_NOIOMMU_VFIO" = 1 ] &&
		[ "$(cat /sys/module/vfio/parameters/enable_unsafe_noiommu_mode)" = Y ]; then
		test_binding vfio-pci vfio-noiommu
	else
		res SKIP "vfio-noiommu: the guest's vfio.ko has no no-IOMMU mode (see build-guest.sh)"
	fi
	;;
viommu)
	grp=$(basename "$(readlink /sys/bus/pci/devices/$modern/iommu_group)")
	echo "  $modern: iommu_group $grp, type $(cat /sys/kernel/iommu_groups/"$grp"/type)"
	if bind_check $modern vfio-pci vfio-viommu; then
		run_check vfio-viommu $modern $legacy --dma-fault
		iova=$(grep -a -o 'DMA-FAULT-IOVA 0x[0-9a-f]*' /mnt/check.out 2>/dev/null | tail -1 | cut -d' ' -f2)
		give_back $modern vfio-viommu
	fi
	;;
esac
pci_list
dmesg | grep -iE 'DMAR|vfio|uio|taint' | tail -20 | sed 's/^/  dmesg: /'
echo "GUEST-TESTS-END fails=$fails"
[ "$fails" = 0 ]
