# SPDX-License-Identifier: BSD-3-Clause
"""A fake host for the usertools tests: a sysfs and procfs tree in a
temporary directory, and fake ip, modprobe, mount and umount commands.

The tools run with PATH set to the fake commands only, so a test can never
reach the real /sys, mount anything or load a module. Sysfs attributes are
plain files: a test checks what a tool wrote to them. A bind or unbind file
that is a symbolic link to /dev/full makes the write fail, as the kernel
does when a driver rejects a device.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

TOOLS = {
    "devbind": os.environ.get("POLLUX_DEVBIND"),
    "hugepages": os.environ.get("POLLUX_HUGEPAGES"),
}
if not all(TOOLS.values()):
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.path.join(here, "..", "..", "usertools")
    TOOLS = {
        "devbind": os.path.join(source, "pollux-devbind.py"),
        "hugepages": os.path.join(source, "pollux-hugepages.py"),
    }

# Shell builtins only: PATH holds nothing but the fake commands.
FAKE_IP = r'''
[ -e "$FAKE_NET/fail" ] && { echo "RTNETLINK answers: Operation not permitted" >&2; exit 2; }
case "$1 $2 $3" in
"-j address show") f=addr.json ;;
"-j -4 route") f=route4.json ;;
"-j -6 route") f=route6.json ;;
*) echo "fake ip: unexpected arguments $*" >&2; exit 1 ;;
esac
[ -e "$FAKE_NET/$f" ] || { echo "[]"; exit 0; }
while IFS= read -r line || [ -n "$line" ]; do printf '%s\n' "$line"; done < "$FAKE_NET/$f"
'''

FAKE_MODPROBE = r'''
import os, sys
root = os.environ["FAKE_ROOT"]
with open(os.path.join(root, "modprobe.log"), "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\n")
if os.path.exists(os.path.join(root, "modprobe-fail")):
    sys.stderr.write("modprobe: FATAL: Module %s not found in directory /lib/modules/x\n"
                     % sys.argv[-1])
    sys.exit(1)
if not os.path.exists(os.path.join(root, "modprobe-nodriver")):
    drv = os.path.join(root, "sys", "bus", "pci", "drivers", sys.argv[-1])
    os.makedirs(drv, exist_ok=True)
    for name in ("bind", "unbind"):
        open(os.path.join(drv, name), "a").close()
'''

FAKE_MOUNT = r'''
import os, sys
root = os.environ["FAKE_ROOT"]
with open(os.path.join(root, "mount.log"), "a") as log:
    log.write("mount " + " ".join(sys.argv[1:]) + "\n")
if os.path.exists(os.path.join(root, "mount-fail")):
    sys.stderr.write("mount: %s: permission denied.\n" % sys.argv[-1])
    sys.exit(32)
with open(os.path.join(root, "proc", "mounts"), "a") as mounts:
    mounts.write("nodev %s hugetlbfs rw,relatime 0 0\n" % sys.argv[-1])
'''

FAKE_UMOUNT = r'''
import os, sys
root = os.environ["FAKE_ROOT"]
with open(os.path.join(root, "mount.log"), "a") as log:
    log.write("umount " + " ".join(sys.argv[1:]) + "\n")
path = os.path.join(root, "proc", "mounts")
lines = [l for l in open(path) if l.split()[1] != sys.argv[-1]]
open(path, "w").write("".join(lines))
'''

PCI_IDS = """\
# a few lines in pci.ids format
1af4  Red Hat, Inc.
\t1000  Virtio network device
\t1041  Virtio 1.0 network device
\t\t1af4 1100  QEMU Virtual Machine
\t1042  Virtio 1.0 block device
8086  Intel Corporation
\t10fb  82599ES 10-Gigabit SFI/SFP+ Network Connection
\t10c9  82576 Gigabit Network Connection
C 02  Network controller
\t00  Ethernet controller
"""

MODULES_ALIAS = """\
alias pci:v00001AF4d*sv*sd*bc*sc*i* virtio_pci
alias pci:v00008086d000010FBsv*sd*bc*sc*i* ixgbe
alias pci:v00008086d000010C9sv*sd*bc*sc*i* igb
alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci
alias fs-ext4 ext4
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(text)


def read(path):
    with open(path) as src:
        return src.read()


class FakeHost:
    """A temporary tree: sys/, proc/, modules/, pci.ids, bin/, net/."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="pollux-usertools-")
        os.chmod(self.root, 0o755)
        self.sys = os.path.join(self.root, "sys")
        self.proc = os.path.join(self.root, "proc")
        self.bin = os.path.join(self.root, "bin")
        self.net = os.path.join(self.root, "net")
        self.modules = os.path.join(self.root, "modules")
        for path in (self.sys, self.proc, self.bin, self.net, self.modules):
            os.makedirs(path)
        os.makedirs(self.pci("devices"))
        os.makedirs(self.pci("drivers"))
        write(os.path.join(self.proc, "mounts"), "proc /proc proc rw 0 0\n")
        write(os.path.join(self.proc, "meminfo"),
              "MemTotal: 1000000 kB\nHugepagesize:       2048 kB\n")
        write(os.path.join(self.root, "pci.ids"), PCI_IDS)
        write(os.path.join(self.modules, "modules.alias"), MODULES_ALIAS)
        self.add_command("ip", FAKE_IP, shell=True)
        for name, text in (("modprobe", FAKE_MODPROBE), ("mount", FAKE_MOUNT),
                           ("umount", FAKE_UMOUNT)):
            self.add_command(name, text)

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def add_command(self, name, body, shell=False):
        path = os.path.join(self.bin, name)
        write(path, "#!%s\n%s" % ("/bin/sh" if shell else sys.executable, body))
        os.chmod(path, 0o755)

    def pci(self, *parts):
        return os.path.join(self.sys, "bus", "pci", *parts)

    def dev(self, address, *parts):
        return self.pci("devices", address, *parts)

    def add_driver(self, name, module=None):
        for attr in ("bind", "unbind"):
            write(self.pci("drivers", name, attr), "")
        os.makedirs(os.path.join(self.sys, "module", module or name.replace("-", "_")),
                    exist_ok=True)

    def add_device(self, address, vendor="1af4", device="1041", cls="020000",
                   driver=None, ifname=None, up=False, nested=False):
        path = self.dev(address)
        os.makedirs(path)
        write(os.path.join(path, "vendor"), "0x%s\n" % vendor)
        write(os.path.join(path, "device"), "0x%s\n" % device)
        write(os.path.join(path, "class"), "0x%s\n" % cls)
        write(os.path.join(path, "driver_override"), "(null)\n")
        write(os.path.join(path, "modalias"),
              "pci:v0000%sd0000%ssv00001AF4sd00001100bc%ssc%si%s\n"
              % (vendor.upper(), device.upper(), cls[0:2], cls[2:4], cls[4:6]))
        if driver is not None:
            if not os.path.isdir(self.pci("drivers", driver)):
                self.add_driver(driver)
            os.symlink("../../../bus/pci/drivers/" + driver, os.path.join(path, "driver"))
        if ifname is not None:
            parent = os.path.join(path, "virtio3") if nested else path
            write(os.path.join(parent, "net", ifname, "flags"),
                  "0x1003\n" if up else "0x1002\n")
        return path

    def set_net(self, addresses=None, routes4=None, routes6=None):
        """addresses: {ifname: [(family, local, prefixlen, scope)]};
        routes: [dict as `ip -j route` prints]."""
        links = [{"ifname": name, "addr_info": [
            {"family": f, "local": l, "prefixlen": p, "scope": s} for f, l, p, s in addrs]}
            for name, addrs in (addresses or {}).items()]
        write(os.path.join(self.net, "addr.json"), json.dumps(links))
        write(os.path.join(self.net, "route4.json"), json.dumps(routes4 or []))
        write(os.path.join(self.net, "route6.json"), json.dumps(routes6 or []))

    def env(self):
        env = {
            "PATH": self.bin,
            "LANG": "C.UTF-8",
            "FAKE_ROOT": self.root,
            "FAKE_NET": self.net,
            "POLLUX_SYSFS_ROOT": self.sys,
            "POLLUX_PROCFS_ROOT": self.proc,
            "POLLUX_MODULES_DIR": self.modules,
            "POLLUX_PCI_IDS": os.path.join(self.root, "pci.ids"),
            "POLLUX_IP": "ip",
        }
        return env

    def run(self, tool, *args):
        """Runs a tool on this tree: (exit status, stdout, stderr)."""
        result = subprocess.run([sys.executable, TOOLS[tool]] + list(args),
                                env=self.env(), capture_output=True, text=True,
                                timeout=60, cwd=self.root)
        return result.returncode, result.stdout, result.stderr

    def log(self, name):
        path = os.path.join(self.root, name)
        return read(path).splitlines() if os.path.exists(path) else []


class FifoRecorder:
    """Replaces a file by a FIFO and records every write(2) sequence made to
    it, one entry per open-write-close, so a test sees the order of writes
    that a plain file would overwrite. Optionally answers reads with a
    fixed text (the kernel's view of the value)."""

    def __init__(self, path, answer=None):
        self.path = path
        self.answer = answer
        self.writes = []
        self.stopping = False
        if os.path.exists(path):
            os.unlink(path)
        os.mkfifo(path)
        # A second read end held open (write-only recorders): a write that
        # lands while the loop closes and reopens its end stays in the
        # pipe for the next read instead of being thrown away with it.
        self.guard = None
        if answer is None:
            self.guard = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self):
        while not self.stopping:
            with open(self.path, "r") as fifo:
                data = fifo.read()
            # A write that landed just before stop() still counts; only
            # stop()'s own empty open-close is not a write.
            if data:
                self.writes.append(data)
            if self.stopping:
                break
            if self.answer is not None:
                with open(self.path, "w") as fifo:
                    fifo.write(self.answer)

    def stop(self):
        self.stopping = True
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        except OSError:
            pass
        self.thread.join(5)
        if self.guard is not None:
            os.close(self.guard)
            self.guard = None


def main(name):
    """Runs the test cases of the calling module; the last line of output is
    a summary: NAME: N tests, P passed, F failed, S skipped."""
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules["__main__"])
    runner = unittest.TextTestRunner(verbosity=2, stream=sys.stdout)
    result = runner.run(suite)
    failed = len(result.failures) + len(result.errors)
    skipped = len(result.skipped)
    passed = result.testsRun - failed - skipped
    print("%s: %d tests, %d passed, %d failed, %d skipped"
          % (name, result.testsRun, passed, failed, skipped))
    sys.exit(0 if result.wasSuccessful() else 1)
