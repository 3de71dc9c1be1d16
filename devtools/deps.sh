#!/bin/bash
# Installs what Pollux needs to build, test and benchmark on Debian 12
# (run as root). Debian's DPDK packages are only the comparison peer and
# the source of DPDK's example apps, never a build dependency.
set -eu
packages=(
    build-essential meson ninja-build pkg-config python3
    libnuma-dev libpcap-dev libcmocka-dev libedit-dev
    iproute2 binutils util-linux tcpreplay iputils-ping clang-format
    dpdk dpdk-dev libdpdk-dev dpdk-doc
    # the guest suite (test/guest): QEMU and the initramfs tools; it fetches
    # the guest kernel and linux-headers itself (test/guest/build-guest.sh)
    qemu-system-x86 busybox-static cpio kmod xz-utils
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
        missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
