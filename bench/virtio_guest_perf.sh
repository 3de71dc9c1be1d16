#!/bin/bash
# virtio_guest_perf.sh - our virtio PMD (pollux-testpmd) against DPDK
# 22.11's (Debian's dpdk-testpmd) on the same two virtio-net NICs of one
# QEMU TCG guest (00:04.0 modern, 00:05.0 legacy), the same binding and
# the same host-injected traffic. Under TCG only the ratios mean anything.
#
#   bench/virtio_guest_perf.sh BUILD_DIR [ROUNDS] [SECS] [PPS] [BIND]
#
#   BUILD_DIR  a build tree with app/pollux-testpmd (release: build-main)
#   ROUNDS     rounds, each one run of each program, alternating which goes
#              first (default 3)
#   SECS       injection (io) and measuring (txonly) time per run (default 8)
#   PPS        64-byte frames/s the host offers into each of the two taps
#              (default 100000: more than the guest forwards under TCG on
#              this 2-CPU machine; tcpreplay itself needs CPU, so a higher
#              rate slows the guest: check "secs" in the output, the
#              injector's real sending time)
#   BIND       vfio-pci (no-IOMMU, the default) or uio_pci_generic
#
# One guest boot (test/guest/run-guest.sh, variant tap: each NIC's backend
# is a tap in a network namespace of this run) runs
# bench/virtio_guest_inner.sh inside. Per run: io forwarding between the
# two ports while the host injects into both taps; the rate is the frames
# that came back out of the taps over tcpreplay's sending time, and each
# run checks that every frame is accounted for. Start-up: from the start
# of the program's command to the first forwarded frame seen on the host.
# Then txonly on both ports with nothing injected: the rate is what the
# taps received over SECS of the host's clock, so the injector is not the
# limit there. Prints each run, then the median Mpps and start-up of each
# program and the ratios ours/DPDK. With the defaults: ~4-5 min estimated
# on a quiet 2-CPU machine, ~9 min at a load average of 15 (estimated
# from one round of 5 s, which took 184 s there); the guest is built and
# cached by the first run of the guest suite or the main job, else here:
# +1-3 min. Needs root, QEMU, /dev/net/tun and
# Debian's dpdk package. Exit status 1 when a run failed or did not
# account for its frames.
set -u
BUILD=$(cd "${1:?usage: $0 BUILD_DIR [ROUNDS] [SECS] [PPS] [BIND]}" && pwd)
ROUNDS=${2:-3}
SECS=${3:-8}
PPS=${4:-100000}
BIND=${5:-vfio-pci}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
case $ROUNDS$SECS$PPS in *[!0-9]* | '') echo "ROUNDS, SECS and PPS are numbers" >&2; exit 2 ;; esac
case $BIND in vfio-pci | uio_pci_generic) ;; *) echo "BIND: vfio-pci or uio_pci_generic" >&2; exit 2 ;; esac
[ -x "$BUILD/app/pollux-testpmd" ] || { echo "no $BUILD/app/pollux-testpmd: build first" >&2; exit 1; }
command -v dpdk-testpmd > /dev/null || { echo "dpdk-testpmd not installed (apt-get install dpdk)" >&2; exit 1; }

t0=$(date +%s)
guest=$("$src/test/guest/build-guest.sh" | tail -1)
[ "${PIPESTATUS[0]}" = 0 ] || { echo "virtio_guest_perf: no guest (build-guest.sh failed)" >&2; exit 1; }
share=$BUILD/bench-virtio-guest
rm -rf "$share"
mkdir -p "$share"
install -m 755 "$src/test/guest/guest-chroot.sh" "$share/guest-run.sh"
cat > "$share/guest.env" <<EOF
GUEST_TESTS='$here/virtio_guest_inner.sh'
GUEST_SRC='$src'
GUEST_BUILD='$BUILD'
GUEST_CHECK=''
BENCH_ROUNDS='$ROUNDS'
BENCH_SECS='$SECS'
BENCH_PPS='$PPS'
BENCH_BIND='$BIND'
EOF
echo "virtio_guest_perf: $ROUNDS rounds, $SECS s at $PPS frames/s into each tap, $BIND; guest output in $share"
"$src/test/guest/run-guest.sh" "$guest" "$share" tap "$share/serial.log" \
	$((ROUNDS * (SECS * 2 + 200) * 2 + 120)) > "$share/run.log" 2>&1
rc=$?
grep -E '^BENCH|^    (ok|bad)' "$share/guest.out" 2> /dev/null
grep -q '^BENCH-END' "$share/guest.out" 2> /dev/null ||
	{ echo "virtio_guest_perf: the guest did not finish (rc $rc)"; tail -5 "$share/run.log"; rc=1; }

# median KEY APP [TAG]: the median of KEY= over APP's runs
median() {
	grep "^${3:-BENCH} app=$2 " "$share/guest.out" | tr ' ' '\n' | sed -n "s/^$1=//p" |
		grep -v none | sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print 0 }'
}
mp=$(median mpps pollux) md=$(median mpps dpdk)
sp=$(median startup_s pollux) sd=$(median startup_s dpdk)
tp=$(median mpps pollux BENCH-TXONLY) td=$(median mpps dpdk BENCH-TXONLY)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo "virtio_guest_perf: both NICs, 64 B, $BIND, TCG guest, median of $ROUNDS:"
printf '  %-28s %10s %10s %8s\n' "" pollux dpdk ratio
printf '  %-28s %10s %10s %8s\n' "io Mpps (both directions)" "$mp" "$md" "$(ratio "$mp" "$md")"
printf '  %-28s %10s %10s %8s\n' "txonly Mpps (both ports)" "$tp" "$td" "$(ratio "$tp" "$td")"
printf '  %-28s %10s %10s %8s\n' "start-up to 1st frame (s)" "$sp" "$sd" "$(ratio "$sp" "$sd")"
grep -q 'acc=bad' "$share/guest.out" 2> /dev/null && { echo "virtio_guest_perf: a run did not account for every frame"; rc=1; }
echo "virtio_guest_perf: $(( $(date +%s) - t0 )) s"
exit $rc
