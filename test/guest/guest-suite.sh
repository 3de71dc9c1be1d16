#!/bin/bash
# The meson suite "guest": real PCI devices (QEMU's virtio-net, modern and
# legacy) bound to Linux's own uio_pci_generic and vfio-pci, in a QEMU TCG
# guest that runs the project's ordinary binaries from the host's root
# file system (shared read-only over 9p).
#
#   guest-suite.sh SOURCE_ROOT BUILD_ROOT CHECK_PROGRAM|none:REASON
#
# Builds (or finds in its cache) the guest with build-guest.sh, boots it
# once per variant (noiommu: uio_pci_generic and vfio-pci no-IOMMU; viommu:
# vfio-pci type1 behind an intel-iommu; tap: as noiommu, the two test NICs
# wired to taps in a network namespace on the host, which injects the
# frames pollux-testpmd forwards, see run-guest.sh), runs guest-tests.sh inside (the
# PCI check program, then pollux-testpmd on the virtio PMD), and
# prints every RESULT line, then "guest: N passed, M failed, K skipped".
#
# Environment:
#   POLLUX_GUEST=0             skip the suite (exit 77)
#   POLLUX_GUEST_VARIANTS      default "noiommu viommu tap"
#   POLLUX_GUEST_CACHE         see build-guest.sh
#   POLLUX_GUEST_BOOT_TIMEOUT  seconds one boot may take (default 480)
#   POLLUX_GUEST_EAL_ARGS      extra EAL options for the check program
#
# Exit status: 0 all passed, 1 a check failed, 77 the guest cannot run here
# (the reason is printed).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# the guest sees the host's files at the same absolute paths
src=$(cd "$1" && pwd) build=$(cd "$2" && pwd) check=$3
[ "${check#none:}" != "$check" ] || check=$(realpath "$check")
variants=${POLLUX_GUEST_VARIANTS:-noiommu viommu tap}
boot_timeout=${POLLUX_GUEST_BOOT_TIMEOUT:-480}
t0=$(date +%s)

skip() { echo "guest: SKIP: $*"; exit 77; }
[ "${POLLUX_GUEST:-1}" != 0 ] || skip "disabled by POLLUX_GUEST=0"
[ "$(uname -m)" = x86_64 ] || skip "host is $(uname -m), the guest is x86_64"

out=$build/test/guest/out
mkdir -p "$out"
# the build's progress lines: on stderr, and in out/build.log
guest=$("$here/build-guest.sh" 2> >(tee "$out/build.log" >&2) | tail -1)
rc=${PIPESTATUS[0]}
wait
[ "$rc" = 77 ] && skip "$(tail -1 "$out/build.log")"
[ "$rc" = 0 ] || { echo "guest: build-guest.sh failed ($rc)"; echo "guest: 0 passed, 1 failed, 0 skipped"; exit 1; }
command -v qemu-system-x86_64 >/dev/null || skip "no qemu-system-x86_64"
t1=$(date +%s)
noiommu_vfio=$(sed -n 's/^noiommu=//p' "$guest/ready")

pass=0 fail=0 skipped=0
count() {
	local p f s
	p=$(grep -c '^RESULT PASS' "$1")
	f=$(grep -c '^RESULT FAIL' "$1")
	s=$(grep -c '^RESULT SKIP' "$1")
	pass=$((pass + p)) fail=$((fail + f)) skipped=$((skipped + s))
}
for variant in $variants; do
	share=$out/$variant
	rm -rf "$share"
	mkdir -p "$share"
	install -m 755 "$here/guest-chroot.sh" "$share/guest-run.sh"
	cat > "$share/guest.env" <<-EOF
	GUEST_TESTS='$here/guest-tests.sh'
	GUEST_VARIANT='$variant'
	GUEST_SRC='$src'
	GUEST_BUILD='$build'
	GUEST_CHECK='$check'
	GUEST_NOIOMMU_VFIO='$noiommu_vfio'
	GUEST_EAL_ARGS='${POLLUX_GUEST_EAL_ARGS:-}'
	EOF
	ts=$(date +%s.%N)
	echo "guest: booting variant $variant (serial log $share/serial.log)"
	"$here/run-guest.sh" "$guest" "$share" "$variant" "$share/serial.log" \
		"$boot_timeout" > "$share/run.log" 2>&1
	rc=$?
	secs=$(awk -v a="$ts" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	if [ "$rc" = 77 ] && [ ! -f "$share/guest.out" ]; then
		echo "RESULT SKIP $variant: $(tail -1 "$share/run.log")"
		skipped=$((skipped + 1))
		continue
	fi
	if [ -f "$share/guest.out" ]; then
		grep '^RESULT ' "$share/guest.out" | sed "s/^RESULT \([A-Z]*\) /RESULT \1 $variant: /"
		count "$share/guest.out"
	fi
	if ! grep -q '^GUEST-TESTS-END' "$share/guest.out" 2>/dev/null; then
		echo "RESULT FAIL $variant: the guest did not finish its tests (rc $rc)"
		fail=$((fail + 1))
		tail -5 "$share/run.log" | sed 's/^/    /'
		tail -25 "$share/serial.log" | sed 's/^/    serial: /'
	elif [ "$rc" != 0 ] && [ "$(grep -c '^RESULT FAIL' "$share/guest.out")" = 0 ]; then
		echo "RESULT FAIL $variant: the guest's tests exited with $rc and no failed check"
		fail=$((fail + 1))
	fi
	echo "guest: variant $variant took $secs s"
done
echo "guest: guest build/cache $((t1 - t0)) s, total $(( $(date +%s) - t0 )) s"
echo "guest: $pass passed, $fail failed, $skipped skipped"
[ "$fail" = 0 ] || exit 1
[ "$pass" -gt 0 ] || exit 77
exit 0
