#!/bin/bash
# Builds the test guest, or finds it already built, and prints its directory
# on the last line of stdout. Progress goes to stderr, one line per step.
#
# The guest is Debian's own kernel (fetched with `apt-get download` and
# unpacked with dpkg-deb, so nothing is installed into /boot or
# /lib/modules), vfio.ko rebuilt with VFIO no-IOMMU support (Debian builds
# it without), and a busybox initramfs holding the modules the tests need
# and guest-init.sh as /init.
#
# It lands in $POLLUX_GUEST_CACHE/<hash>, where the hash covers this script,
# guest-init.sh and the kernel and source package versions: a second run
# with the same inputs rebuilds nothing. Downloaded packages are kept in
# $POLLUX_GUEST_CACHE/debs.
#
# Environment:
#   POLLUX_GUEST_CACHE    default /var/tmp/pollux-guest-cache
#   POLLUX_GUEST_KVER     kernel ABI name (default: what linux-image-amd64
#                         depends on, e.g. 6.1.0-57-amd64)
#   POLLUX_GUEST_INSTALL  0: never apt-get install missing host packages
#
# Exit status: 0 built or found; 77 the guest cannot be built on this
# machine (the reason is the last line on stderr); 1 a build step failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${POLLUX_GUEST_CACHE:-/var/tmp/pollux-guest-cache}
install=${POLLUX_GUEST_INSTALL:-1}
export DEBIAN_FRONTEND=noninteractive LC_ALL=C

t0=$(date +%s)
say() { echo "guest-build: [$(( $(date +%s) - t0 ))s] $*" >&2; }
skip() { echo "guest-build: cannot build the guest: $*" >&2; exit 77; }

[ "$(uname -m)" = x86_64 ] || skip "host is $(uname -m), the guest is x86_64"
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
	skip "no apt-get/dpkg-deb (the guest is built from Debian packages)"

# Host tools: QEMU without its ~180 recommended packages, busybox-static for
# the initramfs, and what the no-IOMMU vfio.ko rebuild needs.
host_packages=(qemu-system-x86 busybox-static cpio kmod gzip xz-utils make gcc)
missing=()
for p in "${host_packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
apt_updated=0
apt_install() {
	[ "$install" = 1 ] || return 1
	[ "$(id -u)" = 0 ] || return 1
	if [ "$apt_updated" = 0 ]; then
		apt-get update -qq >&2 || return 1
		apt_updated=1
	fi
	apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]}"
	apt_install "${missing[@]}" ||
		skip "missing ${missing[*]} and cannot install them (root, apt, network?)"
fi

# The kernel: the one Debian's linux-image-amd64 points at. apt-cache takes
# seconds, so the answer is kept until the package lists change.
kver=${POLLUX_GUEST_KVER:-}
lists_key=$( { echo "$kver"; stat -c '%n %Y %s' /var/lib/apt/lists/*Packages* 2>/dev/null; } |
	sha256sum | cut -c1-16)
resolved=$cache/resolved-$lists_key
if [ -f "$resolved" ]; then
	. "$resolved"
else
	resolve_kver() {
		{ apt-cache depends linux-image-amd64 2>/dev/null |
			grep -o 'linux-image-[0-9][^ ]*-amd64' | head -1 |
			sed 's/^linux-image-//'; } || true
	}
	[ -n "$kver" ] || kver=$(resolve_kver)
	if [ -z "$kver" ] && [ "$install" = 1 ] && [ "$(id -u)" = 0 ]; then
		say "apt-get update (no linux-image-amd64 in the package lists)"
		apt-get update -qq >&2 || true
		apt_updated=1
		kver=$(resolve_kver)
	fi
	[ -n "$kver" ] || skip "no kernel package reachable (apt-cache knows no linux-image-amd64)"
	image_pkg=linux-image-$kver-unsigned
	apt-cache show "$image_pkg" >/dev/null 2>&1 || image_pkg=linux-image-$kver
	image_ver=$(apt-cache show "$image_pkg" 2>/dev/null | sed -n 's/^Version: //p' | head -1 || true)
	[ -n "$image_ver" ] || skip "no kernel package reachable ($image_pkg unknown to apt)"
	src_pkg=linux-source-${kver%%.0-*}
	src_ver=$(apt-cache show "$src_pkg" 2>/dev/null | sed -n 's/^Version: //p' | head -1 || true)
	# best effort: a cache this user cannot write only costs the lookup
	{ mkdir -p "$cache" &&
		printf 'kver=%q\nimage_pkg=%q\nimage_ver=%q\nsrc_pkg=%q\nsrc_ver=%q\n' \
			"$kver" "$image_pkg" "$image_ver" "$src_pkg" "$src_ver" > "$resolved.tmp" &&
		mv "$resolved.tmp" "$resolved"; } 2>/dev/null || true
fi

key=$( { cat "$here/build-guest.sh" "$here/guest-init.sh"
	echo "$kver $image_pkg $image_ver $src_pkg $src_ver"; } | sha256sum | cut -c1-16)
out=$cache/$key
if [ -f "$out/ready" ]; then
	touch "$out" 2>/dev/null || true
	say "cached guest $kver in $out"
	echo "$out"
	exit 0
fi

mkdir -p "$cache/debs" 2>/dev/null && [ -w "$cache/debs" ] ||
	skip "cannot write the cache $cache (set POLLUX_GUEST_CACHE)"
exec 9>>"$cache/lock"
say "waiting for the cache lock $cache/lock"
flock -w 900 9 || skip "cache lock $cache/lock held for 15 min by another build"
if [ -f "$out/ready" ]; then
	say "cached guest $kver in $out (built meanwhile)"
	echo "$out"
	exit 0
fi
say "building guest kernel $kver into $out"
work=$cache/$key.tmp
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# apt-get download NAME VERSION -> path of the .deb in $cache/debs
fetch_deb() {
	local name=$1 version=$2 deb
	deb=$(ls "$cache/debs/${name}_${version//:/%3a}_"*.deb 2>/dev/null | head -1 || true)
	if [ -z "$deb" ]; then
		say "apt-get download $name=$version"
		(cd "$cache/debs" && apt-get download -q=2 -o APT::Sandbox::User=root "$name=$version" >&2) ||
			return 1
		deb=$(ls "$cache/debs/${name}_${version//:/%3a}_"*.deb | head -1)
	fi
	echo "$deb"
}

# 1. The kernel image and its modules, unpacked, never installed.
deb=$(fetch_deb "$image_pkg" "$image_ver") ||
	skip "no kernel package reachable (apt-get download $image_pkg failed)"
say "unpacking $(basename "$deb")"
kroot=$work/kroot
dpkg-deb -x "$deb" "$kroot"
cp "$kroot/boot/vmlinuz-$kver" "$work/vmlinuz"
# QEMU boots the uncompressed ELF vmlinux through its PVH entry point, which
# under TCG is ~2 s faster than running the xz decompressor of the bzImage.
offset=$(grep -obUaP '\xfd7zXZ\x00' "$work/vmlinuz" | head -1 | cut -d: -f1 || true)
if [ -n "$offset" ]; then
	tail -c +$((offset + 1)) "$work/vmlinuz" > "$work/vmlinux.xz"
	xz -dc --single-stream "$work/vmlinux.xz" > "$work/vmlinux" 2>/dev/null || true
	rm -f "$work/vmlinux.xz"
	if [ "$(head -c 4 "$work/vmlinux" | od -An -tx1 | tr -d ' ')" != 7f454c46 ]; then
		rm -f "$work/vmlinux"
	fi
fi
[ -f "$work/vmlinux" ] || say "no ELF vmlinux inside the bzImage: booting vmlinuz"
depmod -b "$kroot" "$kver"

# 2. vfio.ko with no-IOMMU. Only vfio_main.c, container.c and vfio.h look at
# CONFIG_VFIO_NOIOMMU and no exported type changes, so the module is rebuilt
# alone against linux-headers-$kver. Unsigned, which Debian accepts (it does
# not force module signatures); it taints the guest kernel.
noiommu=1
if ! dpkg-query -W -f='${Status}' "linux-headers-$kver" 2>/dev/null | grep -q 'ok installed'; then
	say "installing linux-headers-$kver"
	apt_install "linux-headers-$kver" || noiommu=0
fi
srcdeb=""
if [ "$noiommu" = 1 ]; then
	if [ -z "$src_ver" ] || ! srcdeb=$(fetch_deb "$src_pkg" "$src_ver"); then
		noiommu=0
	fi
fi
if [ "$noiommu" = 1 ]; then
	say "extracting drivers/vfio from $(basename "$srcdeb") (~20 s)"
	mkdir -p "$work/src" "$work/vfio"
	top=$src_pkg
	dpkg-deb --fsys-tarfile "$srcdeb" |
		tar -xO "./usr/src/$top.tar.xz" |
		tar -xJ -C "$work/src" "$top/drivers/vfio"
	cp "$work/src/$top"/drivers/vfio/{vfio_main.c,iova_bitmap.c,container.c,vfio.h} \
		"$work/vfio/"
	rm -rf "$work/src"
	cat > "$work/vfio/Kbuild" <<-'EOF'
	obj-m := vfio.o
	vfio-y := vfio_main.o iova_bitmap.o container.o
	ccflags-y += -DCONFIG_VFIO_NOIOMMU=1
	EOF
	say "building vfio.ko with CONFIG_VFIO_NOIOMMU (~15 s)"
	if ! make -s -C "/usr/src/linux-headers-$kver" M="$work/vfio" modules \
		> "$work/vfio.log" 2>&1; then
		cat "$work/vfio.log" >&2
		say "vfio.ko rebuild failed"
		exit 1
	fi
else
	say "no linux-headers-$kver or $src_pkg: vfio no-IOMMU will be skipped"
fi

# 3. The initramfs: busybox, the modules with their dependencies, /init.
say "building the initramfs"
ir=$work/initramfs
mkdir -p "$ir"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,tmp,run,mnt/host,mnt/root,etc,root}
cp /bin/busybox "$ir/bin/busybox"
for applet in $(/bin/busybox --list); do
	[ -e "$ir/bin/$applet" ] || ln -s busybox "$ir/bin/$applet"
done
modules="virtio_pci virtio_net uio uio_pci_generic vfio vfio_iommu_type1 vfio_pci
	9pnet_virtio 9p af_packet"
for m in $modules; do
	modprobe -d "$kroot" -S "$kver" --show-depends "$m" 2>/dev/null |
		awk '$1 == "insmod" { print $2 }'
done | sort -u | while read -r path; do
	rel=${path#"$kroot"}
	mkdir -p "$ir$(dirname "$rel")"
	cp "$kroot$rel" "$ir$rel"
done
cp "$kroot/lib/modules/$kver"/modules.{order,builtin,builtin.modinfo} \
	"$ir/lib/modules/$kver/"
if [ "$noiommu" = 1 ]; then
	cp "$work/vfio/vfio.ko" "$ir/lib/modules/$kver/kernel/drivers/vfio/vfio.ko"
fi
depmod -b "$ir" "$kver"
install -m 755 "$here/guest-init.sh" "$ir/init"
echo "$kver" > "$ir/etc/kver"
(cd "$ir" && find . | sort | cpio -o -H newc --quiet | gzip -1) > "$work/initramfs.cpio.gz"

mkdir -p "$out"
mv "$work/initramfs.cpio.gz" "$work/vmlinuz" "$out/"
[ -f "$work/vmlinux" ] && mv "$work/vmlinux" "$out/"
cat > "$out/ready" <<EOF
kver=$kver
image=$image_pkg=$image_ver
noiommu=$noiommu
EOF
# guests built from other inputs, unused for a day, go
find "$cache" -mindepth 1 -maxdepth 1 -regextype egrep \
	-regex '.*/([0-9a-f]{16}|resolved-[0-9a-f]{16})' -mtime +0 \
	! -name "$key" -exec rm -rf {} + 2>/dev/null || true
say "guest ready in $out ($(du -sh "$out/initramfs.cpio.gz" | cut -f1) initramfs)"
echo "$out"
