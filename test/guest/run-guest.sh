#!/bin/bash
# Boots the test guest once, headless, under QEMU TCG, and waits for it to
# power off.
#
#   run-guest.sh GUEST_DIR SHARE VARIANT SERIAL_LOG [TIMEOUT_S]
#
# GUEST_DIR  what build-guest.sh printed (vmlinux or vmlinuz, initramfs)
# SHARE      a writable directory, the guest's /mnt/host (9p tag host0);
#            the guest runs SHARE/guest-run.sh and writes SHARE/guest-rc
# VARIANT    noiommu: no IOMMU, vfio loaded with enable_unsafe_noiommu_mode
#            viommu:  an intel-iommu (interrupt remapping on) in front of the
#                     modern NIC, which has iommu_platform=on
#            shell:   as noiommu, with a shell on the console (stdio)
#            tap:     as noiommu, but the two test NICs are wired to tap
#                     devices on the host instead of the hub (see below)
#
# The guest's PCI devices:
#   00:01.0  virtio-9p, the host's / read-only (tag hostroot)
#   00:02.0  virtio-9p, SHARE (tag host0)
#   00:04.0  virtio-net modern only (1af4:1041, virtio 1.0, BAR4 memory)
#   00:05.0  virtio-net legacy only (1af4:1000, virtio 0.9.5, BAR0 I/O)
#   00:06.0  virtio-net transitional (1af4:1000), left to the guest kernel
# All three NICs are ports of QEMU hub 0: a frame one sends, the others get.
# Variant tap: 00:04.0 is the backend of tap0 and 00:05.0 of tap1, two tap
# devices in a network namespace plxg<pid> this script makes (QEMU runs
# inside it; the host's own network is never touched) and deletes at exit;
# 00:06.0 is alone on hub 0. Nothing in the namespace sends a frame of its
# own (no addresses, IPv6 off): what reaches the guest is what the host
# injects, on request (tap-serve.sh, below).
#
# QEMU's monitor is on a unix socket the host side serves for the guest:
# a line the guest writes to SHARE/monitor.req (e.g. "set_link nic0 off";
# the test NICs have ids nic0, nic1, nic2) is sent to the monitor, then
# SHARE/monitor.ack appears.
#
# Variant tap: a line written to SHARE/host.req is a request to
# tap-serve.sh in the namespace (e.g. "inject tap0,tap1 100000 20000":
# tcpreplay sends 100000 64-byte UDP frames into each at 20000 frames/s;
# "tapstats": each tap's counters), and SHARE/host.ack holds its answer.
#
# Exit status: the guest script's (from SHARE/guest-rc); 124 when QEMU ran
# past TIMEOUT_S (default 180) and was killed; QEMU's own status otherwise.
set -euo pipefail
guest=$1 share=$2 variant=$3 log=$4 timeout=${5:-180}

kernel=$guest/vmlinuz
[ -f "$guest/vmlinux" ] && kernel=$guest/vmlinux
append="console=ttyS0 panic=-1 quiet loglevel=4 tsc=reliable"
devices=()
modern_opts=""
case $variant in
noiommu|shell|tap)
	append="$append guest.noiommu=1"
	;;
viommu)
	# the IOMMU must be created before the devices it translates
	devices+=(-device intel-iommu,intremap=on,caching-mode=on,device-iotlb=on)
	append="$append intel_iommu=on"
	modern_opts=",iommu_platform=on,ats=on"
	;;
*)
	echo "run-guest: unknown variant $variant" >&2
	exit 2
	;;
esac
[ "$variant" = shell ] && append="$append guest.script=shell"

netns=()
if [ "$variant" = tap ]; then
	ns=plxg$$
	netns=(ip netns exec "$ns")
	devices+=(
		-netdev tap,id=p0,ifname=tap0,script=no,downscript=no
		-netdev tap,id=p1,ifname=tap1,script=no,downscript=no
	)
else
	devices+=(-netdev hubport,id=p0,hubid=0 -netdev hubport,id=p1,hubid=0)
fi
devices+=(
	-virtfs local,path=/,mount_tag=hostroot,readonly=on,security_model=none,multidevs=remap,id=hostroot
	-virtfs local,path="$share",mount_tag=host0,security_model=none,id=host0
	-device virtio-net-pci,id=nic0,netdev=p0,addr=04.0,mac=52:54:00:12:34:01,romfile=,disable-legacy=on$modern_opts
	-device virtio-net-pci,id=nic1,netdev=p1,addr=05.0,mac=52:54:00:12:34:02,romfile=,disable-modern=on,mq=on
	-netdev hubport,id=p2,hubid=0
	-device virtio-net-pci,id=nic2,netdev=p2,addr=06.0,mac=52:54:00:12:34:03,romfile=
)
if [ "$variant" = shell ]; then
	serial=(-serial stdio)
	qemu_errors=/dev/stderr
else
	serial=(-serial "file:$log")
	qemu_errors=$log.qemu
fi
# monitor_serve: the guest's monitor and host requests (see above),
# until killed
monitor=/tmp/pollux-guest-monitor.$$.sock
monitor_serve() {
	local cmd
	while sleep 0.2; do
		if [ -f "$share/host.req" ]; then
			cmd=$(cat "$share/host.req")
			rm -f "$share/host.req"
			if [ "$variant" = tap ]; then
				# shellcheck disable=SC2086
				"${netns[@]}" "$here/tap-serve.sh" "$share" $cmd \
					> "$share/host.ack.tmp" 2>&1
			else
				echo "error: no taps in variant $variant" > "$share/host.ack.tmp"
			fi
			mv "$share/host.ack.tmp" "$share/host.ack"
		fi
		[ -f "$share/monitor.req" ] || continue
		cmd=$(cat "$share/monitor.req")
		rm -f "$share/monitor.req"
		python3 - "$monitor" "$cmd" <<-'EOF' > "$share/monitor.ack.tmp" 2>&1 || true
		import socket, sys, time
		s = socket.socket(socket.AF_UNIX)
		s.connect(sys.argv[1])
		s.sendall(sys.argv[2].encode() + b"\n")
		time.sleep(0.3)
		s.settimeout(0.5)
		try:
		    print(s.recv(4096).decode(errors="replace"))
		except OSError:
		    pass
		EOF
		mv "$share/monitor.ack.tmp" "$share/monitor.ack"
	done
}
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$share/guest-rc" "$share/monitor.req" "$share/monitor.ack" "$monitor" \
	"$share/host.req" "$share/host.ack"
if [ "$variant" = tap ]; then
	[ -c /dev/net/tun ] || { echo "run-guest: no /dev/net/tun: the tap variant needs it" >&2; exit 77; }
	[ "$(id -u)" = 0 ] || { echo "run-guest: the tap variant needs root (a network namespace)" >&2; exit 77; }
	ip netns add "$ns" || { echo "run-guest: cannot make the network namespace $ns" >&2; exit 77; }
	trap 'ip netns del "$ns" 2> /dev/null' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	"${netns[@]}" sh -c 'sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
		ip link set lo up
		for t in tap0 tap1; do ip tuntap add dev $t mode tap && ip link set $t up || exit 1; done' ||
		{ echo "run-guest: cannot make the taps in $ns" >&2; exit 77; }
	echo "run-guest: taps tap0 (00:04.0) and tap1 (00:05.0) in network namespace $ns"
fi
monitor_serve &
server=$!
rc=0
timeout --foreground -k 5 "$timeout" "${netns[@]}" qemu-system-x86_64 \
	-M q35 -accel tcg,thread=multi -cpu max -smp 2 -m 512 \
	-nodefaults -nographic -no-reboot \
	-monitor "unix:$monitor,server=on,wait=off" \
	-kernel "$kernel" -initrd "$guest/initramfs.cpio.gz" -append "$append" \
	"${serial[@]}" "${devices[@]}" 2> "$qemu_errors" || rc=$?
kill "$server" 2> /dev/null
wait "$server" 2> /dev/null || true
rm -f "$monitor"
if [ "$rc" != 0 ]; then
	echo "run-guest: qemu exited with $rc (124: killed after ${timeout}s)" >&2
	[ -f "$log.qemu" ] && sed 's/^/run-guest: qemu: /' "$log.qemu" >&2
	exit "$rc"
fi
[ -f "$share/guest-rc" ] || { echo "run-guest: the guest wrote no exit status" >&2; exit 125; }
exit "$(cat "$share/guest-rc")"
