#!/bin/bash
# The main job: Pollux driving real PCI NICs. Installs dependencies, builds
# Pollux (release), boots a QEMU guest (TCG) whose two virtio-net NICs
# (00:04.0 modern, 00:05.0 legacy) are wired to two taps in a network
# namespace on this host, binds them to vfio-pci (no-IOMMU) with
# usertools/pollux-devbind.py inside the guest, and runs pollux-testpmd
# io-forwarding between them, with live statistics every second, while
# the host injects 64-byte UDP frames into both taps with tcpreplay for
# MJ_SECONDS. Then the summary: for each direction, what the host offered,
# what the guest's port received and forwarded, what the host got back on
# the other tap, and where the rest was dropped; then the NICs go back to
# virtio-pci and the guest powers off. Exit status nonzero when a count
# does not add up, or a step failed.
#
#   devtools/main-job.sh [--veth] [pollux-testpmd options...]
#
# The first run builds the guest (Debian's kernel, a vfio.ko with no-IOMMU
# support, a busybox initramfs: ~1-3 min, with progress) and caches it in
# /var/tmp/pollux-guest-cache; later runs take ~1-2 min. Needs root, QEMU
# and /dev/net/tun; where the guest cannot run, it says why and runs the
# QEMU-less job instead. --veth: that job straight away (pollux-testpmd
# on two veth pairs with net_pcap, devtools/main-job-veth.sh).
# The host's own network and PCI devices are never touched: all binding
# happens in the guest, all traffic stays in the namespace (plxg<pid>).
#
# Environment: MJ_SECONDS (injection time, default 20), MJ_PPS (frames/s
# offered into each tap, default 20000), MJ_BIND (vfio-pci, the default,
# or uio_pci_generic).
set -eu
cd "$(dirname "$0")/.."
args=("$@")
if [ "${1:-}" = --veth ]; then
    shift
    exec bash devtools/main-job-veth.sh "$@"
fi
secs=${MJ_SECONDS:-20}
pps=${MJ_PPS:-20000}
bind=${MJ_BIND:-vfio-pci}
t0=$(date +%s)
say() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }
veth_instead() {
    say "the guest cannot run here: $*"
    say "running the QEMU-less main job instead (devtools/main-job.sh --veth)"
    exec bash devtools/main-job-veth.sh "${args[@]}"
}
case $secs$pps in *[!0-9]* | '') echo "main-job: MJ_SECONDS and MJ_PPS must be numbers" >&2; exit 2 ;; esac
case $bind in vfio-pci | uio_pci_generic) ;; *) echo "main-job: MJ_BIND must be vfio-pci or uio_pci_generic" >&2; exit 2 ;; esac

bash devtools/deps.sh
if [ ! -f build-main/build.ninja ]; then
    meson setup build-main --buildtype=release -Dtests=false >/dev/null
fi
ninja -C build-main -j "$(nproc)"
testpmd=$PWD/build-main/app/pollux-testpmd
[ -x "$testpmd" ] || { echo "main-job: $testpmd was not built" >&2; exit 1; }

[ "$(uname -m)" = x86_64 ] || veth_instead "the host is $(uname -m), the guest is x86_64"
[ "$(id -u)" = 0 ] || veth_instead "not root (the taps need a network namespace)"
[ -c /dev/net/tun ] || veth_instead "no /dev/net/tun (no tap devices)"
command -v qemu-system-x86_64 > /dev/null || veth_instead "no qemu-system-x86_64"

say "the guest: found in its cache, or built now (the first run: ~1-3 min, progress below)"
set +e
guest=$(test/guest/build-guest.sh | tail -1)
rc=${PIPESTATUS[0]}
set -e
[ "$rc" = 77 ] && veth_instead "build-guest.sh cannot build the guest (see above)"
[ "$rc" = 0 ] || { echo "main-job: build-guest.sh failed ($rc)" >&2; exit 1; }
noiommu=$(sed -n 's/^noiommu=//p' "$guest/ready")
if [ "$bind" = vfio-pci ] && [ "$noiommu" != 1 ]; then
    say "the guest's vfio.ko has no no-IOMMU mode: binding uio_pci_generic instead"
    bind=uio_pci_generic
fi

share=$PWD/build-main/main-job-guest
rm -rf "$share"
mkdir -p "$share"
install -m 755 test/guest/guest-chroot.sh "$share/guest-run.sh"
cat > "$share/guest.env" <<EOF
GUEST_TESTS='$PWD/devtools/main-job-guest.sh'
GUEST_SRC='$PWD'
GUEST_BUILD='$PWD/build-main'
GUEST_CHECK=''
MJ_SECONDS='$secs'
MJ_PPS='$pps'
MJ_BIND='$bind'
MJ_TESTPMD_ARGS='$*'
EOF
: > "$share/guest.out"
say "booting the guest (QEMU TCG, no KVM here: ~10-60 s to its first line); serial log $share/serial.log"
tail -n +1 -F "$share/guest.out" 2> /dev/null &
tailer=$!
trap 'kill $tailer 2> /dev/null' EXIT
set +e
test/guest/run-guest.sh "$guest" "$share" tap "$share/serial.log" $((secs * 4 + 400)) \
    > "$share/run.log" 2>&1
rc=$?
set -e
sleep 0.5
kill $tailer 2> /dev/null
wait $tailer 2> /dev/null || true
trap - EXIT
if [ "$rc" = 77 ] && ! grep -q . "$share/guest.out"; then
    veth_instead "$(tail -1 "$share/run.log")"
fi
if ! grep -q '^MAIN-JOB-END' "$share/guest.out"; then
    echo "main-job: the guest did not finish (rc $rc):"
    sed 's/^/    /' "$share/run.log"
    tail -20 "$share/serial.log" | sed 's/^/    serial: /'
    [ "$rc" = 0 ] && rc=1
fi
say "guest powered off; main job exit status $rc"
exit "$rc"
