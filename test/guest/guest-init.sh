#!/bin/sh
# /init of the test guest (busybox). Mounts the kernel file systems, loads
# the modules (virtio-pci and virtio-net first, so the kernel owns every NIC
# as it would on a real machine), reserves hugepages, mounts the writable 9p
# share "host0" on /mnt/host, runs /mnt/host/guest-run.sh, writes its exit
# status to /mnt/host/guest-rc and powers off, which ends QEMU.
#
# Kernel command line knobs:
#   guest.noiommu=1     load vfio with enable_unsafe_noiommu_mode=1
#   guest.hugepages=N   2 MiB hugepages to reserve (default 64)
#   guest.script=shell  an interactive shell instead of the script
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/hugepages /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /dev/shm
echo "GUEST-INIT-START uptime=$(cut -d' ' -f1 /proc/uptime)"

arg() {
	v=$(tr ' ' '\n' < /proc/cmdline | sed -n "s/^$1=//p" | tail -1)
	echo "${v:-$2}"
}

for m in virtio_pci virtio_net 9pnet_virtio 9p uio uio_pci_generic af_packet; do
	modprobe "$m" 2>/dev/null || echo "init: modprobe $m failed"
done
if [ "$(arg guest.noiommu 0)" = 1 ]; then
	modprobe vfio enable_unsafe_noiommu_mode=1 || echo "init: vfio no-IOMMU load failed"
else
	modprobe vfio
fi
# busybox modprobe ignores softdeps: vfio_iommu_type1 is one of vfio's
modprobe vfio_iommu_type1
modprobe vfio_pci
ip link set lo up
# no IPv6 autoconfiguration chatter (ND, MLD) on the test NICs
echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6
echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6

hugepages=$(arg guest.hugepages 64)
if [ "$hugepages" -gt 0 ] 2>/dev/null; then
	echo "$hugepages" > /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages
	mount -t hugetlbfs -o pagesize=2M nodev /dev/hugepages
fi

if grep -qw host0 /sys/bus/virtio/drivers/9pnet_virtio/*/mount_tag 2>/dev/null; then
	mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144,cache=none host0 /mnt/host
fi

script=$(arg guest.script /mnt/host/guest-run.sh)
echo "GUEST-SCRIPT-START uptime=$(cut -d' ' -f1 /proc/uptime) script=$script"
cd /tmp
if [ "$script" = shell ]; then
	setsid cttyhack sh
	rc=$?
elif [ -f "$script" ]; then
	sh "$script"
	rc=$?
else
	echo "init: no script $script"
	rc=125
fi
echo "GUEST-SCRIPT-EXIT rc=$rc uptime=$(cut -d' ' -f1 /proc/uptime)"
grep -q " /mnt/host " /proc/mounts && echo "$rc" > /mnt/host/guest-rc
sync
poweroff -f
