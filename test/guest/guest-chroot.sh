#!/bin/sh
# Runs in the busybox guest as /mnt/host/guest-run.sh. Mounts the host's
# root file system (9p tag hostroot, read-only) on /mnt/root, gives it the
# guest's /proc, /sys, /dev and hugetlbfs, tmpfs on /tmp and /run, and the
# writable share on /mnt, then runs the test script named in
# /mnt/host/guest.env with the host's bash inside that chroot. So the
# project's ordinary dynamically linked binaries and Python scripts run
# unchanged, from the same paths as on the host.
root=/mnt/root
. /mnt/host/guest.env
mount -t 9p -o trans=virtio,version=9p2000.L,msize=524288,cache=loose,ro hostroot $root ||
	{ echo "guest: cannot mount the host's root (9p tag hostroot)"; exit 1; }
for d in proc sys dev; do
	mount -o rbind /$d $root/$d || { echo "guest: cannot bind /$d"; exit 1; }
done
# The guest gets a tmpfs /tmp of its own; a tree or build under the host's
# /tmp (CI may clone there) is bound back into it at the same path.
mkdir -p /mnt/hosttmp
mount -o bind $root/tmp /mnt/hosttmp
mount -t tmpfs tmpfs $root/tmp
for p in "$GUEST_TESTS" "$GUEST_SRC" "$GUEST_BUILD" "$GUEST_CHECK"; do
	case $p in
	/tmp/?*)
		top=${p#/tmp/}
		top=${top%%/*}
		[ -d "$root/tmp/$top" ] && continue
		mkdir -p "$root/tmp/$top" &&
			mount -o bind "/mnt/hosttmp/$top" "$root/tmp/$top" ||
			{ echo "guest: cannot bind /tmp/$top"; exit 1; }
		;;
	esac
done
mount -t tmpfs tmpfs $root/run
mount -o bind /mnt/host $root/mnt
echo "guest: chroot into the host's root, kernel $(uname -r)"
# the output goes to the serial console and to /mnt/host/guest.out, which
# the host reads (kernel messages never interleave there)
{
	chroot $root /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
		TERM=dumb LANG=C.UTF-8 /bin/bash "$GUEST_TESTS" < /dev/null 2>&1
	echo $? > /tmp/tests-rc
} | tee /mnt/host/guest.out
rc=$(cat /tmp/tests-rc)
umount $root/mnt
exit $rc
