#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Show PCI devices and move them between kernel drivers.

Same command line and status output as DPDK 22.11's dpdk-devbind.py, plus
--noiommu-mode (DPDK 24.11). It reads sysfs only (no lspci), binds through
driver_override, and unless --force is given will not touch a device whose
network interface is up, holds an address or carries a route, whose disk is
mounted or otherwise used, or whose /dev/vfio or /dev/uio file a process holds.

Where it looks (tests point these at a fake tree):
  POLLUX_SYSFS_ROOT   /sys
  POLLUX_PROCFS_ROOT  /proc    (mountinfo, swaps, processes' open files)
  POLLUX_MODULES_DIR  /lib/modules/$(uname -r)   (modules.alias)
  POLLUX_PCI_IDS      /usr/share/misc/pci.ids, /usr/share/hwdata/pci.ids
  POLLUX_IP           ip       (iproute2, asked with -j for addresses, routes)
modprobe is run from PATH.
"""

import argparse
import fnmatch
import json
import os
import platform
import re
import subprocess
import sys

SYSFS_ROOT = os.environ.get("POLLUX_SYSFS_ROOT", "/sys")
PROCFS_ROOT = os.environ.get("POLLUX_PROCFS_ROOT", "/proc")
MODULES_DIR = os.environ.get("POLLUX_MODULES_DIR",
                             os.path.join("/lib/modules", platform.release()))
PCI_IDS_FILES = ([os.environ["POLLUX_PCI_IDS"]] if "POLLUX_PCI_IDS" in os.environ
                 else ["/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids"])
IP_COMMAND = os.environ.get("POLLUX_IP", "ip")

# Kernel drivers a DPDK (or Pollux) application can drive a device through.
DPDK_DRIVERS = ["igb_uio", "vfio-pci", "uio_pci_generic"]

# Device groups of --status-dev, in the order --status prints them. A
# device belongs to a group when its base class matches and, where given,
# its vendor and one of the device ids (PCI ids, as dpdk-devbind.py 22.11
# sorts them).
DEVICE_GROUPS = [
    ("net", "Network", [("02", None, None), ("08", "177d", ["a0dd", "a049"]),
                        ("05", "1af4", ["1110"]), ("12", "8086", ["0b30"])]),
    ("baseband", "Baseband", [("12", None, None)]),
    ("crypto", "Crypto", [("10", None, None), ("0b", "8086", None)]),
    ("dma", "DMA", [("08", "177d", ["a081"]), ("08", "19e5", ["a122"]),
                    ("08", "8086", ["0b25", "6f20", "6f21", "6f22", "6f23",
                                    "6f24", "6f25", "6f26", "6f27", "6f2e",
                                    "6f2f", "0b00", "2021"])]),
    ("event", "Eventdev", [("08", "177d", ["a04b", "a04d", "a051", "a0f9",
                                           "a0fa"]),
                           ("0b", "8086", ["270b", "2710", "2714"])]),
    ("mempool", "Mempool", [("08", "177d", ["a053", "a0fb", "a0fc"])]),
    ("compress", "Compress", [("12", "177d", ["a037"])]),
    ("misc", "Misc (rawdev)", [("08", "177d", ["a089", "a059", "a060",
                                               "a0f0", "a0f1"]),
                               ("06", "8086", ["201c", "347e"]),
                               ("01", "1af4", ["1001", "1042"])]),
    ("regex", "Regex", [("08", "177d", ["a0f4"])]),
]

IFF_UP = 0x1
DRIVER_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
PCI_ADDRESS = re.compile(r"^[0-9a-fA-F]{4,}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$")


def sysfs(*parts):
    return os.path.join(SYSFS_ROOT, *parts)


def warn(text):
    print(text, file=sys.stderr)


def read_attr(path, default=None):
    try:
        with open(path) as attr:
            return attr.read().strip()
    except (OSError, UnicodeDecodeError):
        return default


def write_attr(path, text, append=False):
    """Writes text to an existing sysfs attribute in one write(2).

    Never creates the file: a missing attribute is an error, as on sysfs.
    Raises OSError."""
    flags = os.O_WRONLY | (os.O_APPEND if append else os.O_TRUNC)
    fd = os.open(path, flags)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def link_name(path):
    """Last component of the symbolic link at path, or None."""
    if not os.path.islink(path):
        return None
    return os.path.basename(os.readlink(path).rstrip("/"))


def hex_id(text, width):
    if text is None:
        return "0" * width
    return text.lower().replace("0x", "").zfill(width)


class PciDevice:
    """One PCI device as sysfs shows it."""

    def __init__(self, address):
        self.address = address
        self.path = sysfs("bus", "pci", "devices", address)
        self.vendor = hex_id(read_attr(os.path.join(self.path, "vendor")), 4)
        self.device = hex_id(read_attr(os.path.join(self.path, "device")), 4)
        self.class_code = hex_id(read_attr(os.path.join(self.path, "class")), 6)
        self.modalias = read_attr(os.path.join(self.path, "modalias"), "")
        self.driver = link_name(os.path.join(self.path, "driver"))
        self.interfaces = find_interfaces(self.path)
        self.name = "Device"
        self.modules = []

    def matches(self, groups):
        for base_class, vendor, devices in groups:
            if self.class_code[0:2] != base_class:
                continue
            if vendor is not None and self.vendor != vendor:
                continue
            if devices is not None and self.device not in devices:
                continue
            return True
        return False


def find_interfaces(path):
    """Network interfaces of the device at path: {name: sysfs directory}.

    They sit in net/ of the PCI device, or one level down for drivers that
    put a bus of their own in between (virtio-pci: virtioN/net/)."""
    found = {}
    # A bridge's directory holds the directories of the devices behind it:
    # their interfaces are theirs, not the bridge's.
    children = [d for d in sorted_dir(path) if not PCI_ADDRESS.match(d)]
    for parent in [path] + [os.path.join(path, d) for d in children]:
        net_dir = os.path.join(parent, "net")
        if os.path.isdir(net_dir) and not os.path.islink(parent):
            for name in sorted_dir(net_dir):
                found[name] = os.path.join(net_dir, name)
        if found:
            break
    return found


def sorted_dir(path):
    try:
        return sorted(os.listdir(path))
    except OSError:
        return []


def read_pci_names(devices):
    """Sets each device's name from the pci.ids database, when present."""
    wanted = {(d.vendor, d.device) for d in devices}
    vendors = {v for v, _ in wanted}
    names = {}
    for path in PCI_IDS_FILES:
        try:
            ids = open(path, encoding="utf-8", errors="replace")
        except OSError:
            continue
        with ids:
            vendor = None
            for line in ids:
                if line.startswith("C "):
                    break
                if line.startswith("#") or not line.strip():
                    continue
                if not line.startswith("\t"):
                    vendor = line[:4].lower()
                elif vendor in vendors and not line.startswith("\t\t"):
                    key = (vendor, line[1:5].lower())
                    if key in wanted:
                        names[key] = line[5:].strip()
        break
    for dev in devices:
        dev.name = names.get((dev.vendor, dev.device), "Device")


def read_module_aliases():
    """PCI module aliases from modules.alias: [(pattern, module)]."""
    aliases = []
    for name in ("modules.alias", "modules.builtin.alias"):
        try:
            with open(os.path.join(MODULES_DIR, name)) as alias_file:
                for line in alias_file:
                    fields = line.split()
                    if (len(fields) == 3 and fields[0] == "alias"
                            and fields[1].startswith("pci:")):
                        aliases.append((fields[1], fields[2]))
        except OSError:
            continue
    return aliases


def same_module(a, b):
    return a is not None and b is not None and \
        a.replace("-", "_") == b.replace("-", "_")


def set_unused_modules(devices):
    """Sets each device's modules: the kernel modules that could drive it
    (modalias against modules.alias, as lspci -k) and the loaded DPDK
    drivers, less the driver it is bound to."""
    aliases = read_module_aliases()
    loaded = [d for d in DPDK_DRIVERS if os.path.isdir(sysfs("bus", "pci", "drivers", d))]
    for dev in devices:
        modules = []
        for pattern, module in aliases:
            if module not in modules and fnmatch.fnmatchcase(dev.modalias, pattern):
                modules.append(module)
        for driver in loaded:
            if not any(same_module(driver, m) for m in modules):
                modules.append(driver)
        dev.modules = [m for m in modules if not same_module(m, dev.driver)]


def scan_devices():
    """Every PCI device in sysfs, by address."""
    devices = {}
    for address in sorted_dir(sysfs("bus", "pci", "devices")):
        devices[address] = PciDevice(address)
    read_pci_names(devices.values())
    set_unused_modules(devices.values())
    return devices


class NetState:
    """Addresses and routes of every interface, from `ip -j`."""

    def __init__(self):
        self.addresses = {}
        self.routes = {}
        self.error = None
        try:
            self._read_addresses(run_ip(["address", "show"]))
            self._read_routes(run_ip(["-4", "route", "show", "table", "all"]))
            self._read_routes(run_ip(["-6", "route", "show", "table", "all"]))
        except NetStateError as err:
            self.error = str(err)

    def _read_addresses(self, links):
        for link in links:
            for addr in link.get("addr_info", []):
                # IPv6 link-local addresses come and go with the link.
                if addr.get("family") == "inet6" and addr.get("scope") == "link":
                    continue
                text = "%s/%s" % (addr.get("local"), addr.get("prefixlen"))
                self.addresses.setdefault(link.get("ifname"), []).append(text)

    def _read_routes(self, routes):
        for route in routes:
            # local, broadcast, multicast... entries follow the addresses;
            # link-local destinations carry nothing off the link.
            if route.get("type", "unicast") != "unicast":
                continue
            dst = route.get("dst", "")
            if dst.startswith("169.254.") or dst.lower().startswith("fe80:"):
                continue
            text = dst
            if "gateway" in route:
                text += " via " + route["gateway"]
            if route.get("table", "main") != "main":
                text += " table " + str(route["table"])
            # A multipath route names its devices in its next hops.
            hops = route.get("nexthops", [route])
            for dev in dict.fromkeys(hop.get("dev") for hop in hops):
                self.routes.setdefault(dev, []).append(text)


class NetStateError(Exception):
    pass


def run_ip(args):
    command = [IP_COMMAND, "-j"] + args
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=20)
    except FileNotFoundError:
        raise NetStateError("'%s' not found: install iproute2" % IP_COMMAND)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise NetStateError("'%s' failed: %s" % (" ".join(command), err))
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["exit status %d" % result.returncode]
        raise NetStateError("'%s' failed: %s" % (" ".join(command), lines[-1]))
    try:
        return json.loads(result.stdout) if result.stdout.strip() else []
    except ValueError:
        raise NetStateError("'%s' printed something that is not JSON" % " ".join(command))


def interface_is_up(path):
    flags = read_attr(os.path.join(path, "flags"), "0")
    try:
        return int(flags, 16) & IFF_UP != 0
    except ValueError:
        return False


def uses(dev, net):
    """Why the kernel is using dev: a list of reasons, empty when it is not."""
    reasons = []
    for ifname, path in dev.interfaces.items():
        if interface_is_up(path):
            reasons.append("interface %s is up" % ifname)
        if net.error is not None:
            reasons.append("cannot tell whether %s holds an address or carries a "
                           "route (%s)" % (ifname, net.error))
            continue
        if ifname in net.addresses:
            reasons.append("%s holds address %s" % (ifname, ", ".join(net.addresses[ifname])))
        if ifname in net.routes:
            reasons.append("%s carries route %s" % (ifname, ", ".join(net.routes[ifname])))
    return reasons


def block_devices(dev):
    """{name: sysfs directory} of the disks and partitions below dev."""
    found = {}
    depth = dev.path.rstrip("/").count("/")
    for top, dirs, _ in os.walk(dev.path):
        # Devices behind a bridge are checked on their own; stop deep down.
        if top.count("/") - depth >= 8:
            dirs[:] = []
        dirs[:] = [d for d in dirs if not PCI_ADDRESS.match(d)]
        if link_name(os.path.join(top, "subsystem")) == "block":
            found[os.path.basename(top)] = top
    return found


def storage_uses(dev):
    """Why dev's disks are in use: mounted (by device number, which also
    catches /dev/root), swap, or held by device-mapper or md."""
    blocks = block_devices(dev)
    if not blocks:
        return []
    numbers = {read_attr(os.path.join(path, "dev")): name for name, path in blocks.items()}
    mounted = {}
    mountinfo = os.path.join(PROCFS_ROOT, "self", "mountinfo")
    try:
        with open(mountinfo) as mounts:
            for line in mounts:
                fields = line.split()
                if len(fields) > 4 and fields[2] in numbers:
                    mounted.setdefault(numbers[fields[2]], []).append(
                        re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4]))
    except OSError as err:
        return ["cannot tell whether %s is mounted (%s: %s)"
                % (",".join(sorted(blocks)), mountinfo, err.strerror)]
    swaps = []
    try:
        with open(os.path.join(PROCFS_ROOT, "swaps")) as swap_file:
            swaps = [line.split()[0] for line in swap_file.readlines()[1:] if line.strip()]
    except OSError:
        pass
    reasons = []
    for name in sorted(blocks):
        if name in mounted:
            reasons.append("%s is mounted on %s" % (name, ", ".join(mounted[name])))
        if "/dev/" + name in swaps:
            reasons.append("%s is used as swap" % name)
        users = sorted_dir(os.path.join(blocks[name], "holders"))
        if users:
            reasons.append("%s is used by %s" % (name, ",".join(users)))
    return reasons


def device_files(dev):
    """The /dev files through which a process drives dev from user space."""
    files = ["/dev/" + uio for uio in sorted_dir(os.path.join(dev.path, "uio"))]
    files += ["/dev/vfio/devices/" + cdev
              for cdev in sorted_dir(os.path.join(dev.path, "vfio-dev"))]
    group = link_name(os.path.join(dev.path, "iommu_group"))
    if dev.driver == "vfio-pci" and group is not None:
        files += ["/dev/vfio/%s" % group, "/dev/vfio/noiommu-%s" % group]
    return files


def holders(dev):
    """Processes that hold dev's /dev files open: unbinding would wait for
    them (vfio-pci) or pull the device from under them (uio)."""
    files = device_files(dev)
    if not files:
        return []
    found = []
    pids = [p for p in sorted_dir(PROCFS_ROOT) if p.isdigit()]
    for pid in sorted(pids, key=int):
        fd_dir = os.path.join(PROCFS_ROOT, pid, "fd")
        for fd in sorted_dir(fd_dir):
            try:
                target = os.readlink(os.path.join(fd_dir, fd))
            except OSError:
                continue
            if target in files:
                command = read_attr(os.path.join(PROCFS_ROOT, pid, "comm"), "?")
                found.append("process %s (%s) holds %s" % (pid, command, target))
                break
    return found


def device_from_name(name, devices):
    """Address of the device a user named: full or short PCI address, or
    interface name. Raises ValueError."""
    if name in devices:
        return name
    if "0000:" + name in devices:
        return "0000:" + name
    for dev in devices.values():
        if name in dev.interfaces:
            return dev.address
    raise ValueError('Unknown device: %s. Please specify device in "bus:slot.func" format'
                     % name)


def expand_globs(names, devices):
    """Replaces each shell pattern that matches PCI addresses by the
    addresses it matches, in order."""
    expanded = []
    for name in names:
        matched = []
        for pattern in (name, "0000:" + name):
            matched = sorted(fnmatch.filter(devices.keys(), pattern))
            if matched:
                break
        expanded.extend(matched or [name])
    return expanded


def resolve(names, devices):
    addresses = []
    for name in expand_globs(names, devices):
        address = device_from_name(name, devices)
        if address not in addresses:
            addresses.append(address)
    return addresses


def describe(dev):
    return " ".join(x for x in (dev.address, "'%s %s'" % (dev.name, dev.device),
                                ",".join(dev.interfaces)) if x)


def check_free(dev, net, force, action):
    """True when dev may leave its driver; otherwise says why not."""
    by_network = uses(dev, net) if dev.interfaces else []
    by_storage = storage_uses(dev)
    by_process = holders(dev)
    reasons = by_network + by_storage + by_process
    if not reasons:
        return True
    if force:
        warn("Warning: --force: modifying %s although %s" % (dev.address, "; ".join(reasons)))
        return True
    advice = []
    if by_network:
        ifnames = ",".join(dev.interfaces)
        advice.append("take it down and remove its addresses first (ip link set %s down; "
                      "ip address flush dev %s)" % (ifnames, ifnames))
    if by_storage:
        advice.append("stop using its disks first (umount, swapoff)")
    if by_process:
        advice.append("stop the process first")
    warn("Warning: %s is in use: %s. %s: %s, or use --force"
         % (dev.address, "; ".join(reasons), action, ", ".join(advice)))
    return False


def unbind_one(dev, net, force):
    """Unbinds dev from its driver. Returns False on refusal or failure."""
    if dev.driver is None:
        warn("Notice: %s is not currently managed by any driver" % describe(dev))
        return True
    if not check_free(dev, net, force, "Skipping unbind"):
        return False
    return detach(dev)


def detach(dev):
    """Writes dev's address to its driver's unbind file."""
    path = sysfs("bus", "pci", "drivers", dev.driver, "unbind")
    try:
        write_attr(path, dev.address, append=True)
    except OSError as err:
        warn("Error: unbind failed for %s - Cannot write %s: %s"
             % (dev.address, path, err.strerror or err))
        return False
    dev.driver = None
    return True


def attach(dev, driver):
    """Binds dev (with no driver) to driver through driver_override, and
    clears driver_override again. Raises OSError with a message."""
    override = os.path.join(dev.path, "driver_override")
    if not os.path.exists(override):
        raise OSError("%s does not exist (driver_override needs Linux 3.15 or later)"
                      % override)
    try:
        write_attr(override, driver)
    except OSError as err:
        raise OSError("Cannot write %s: %s" % (override, err.strerror or err))
    bind = sysfs("bus", "pci", "drivers", driver, "bind")
    try:
        write_attr(bind, dev.address, append=True)
    except OSError as err:
        raise OSError("Cannot bind to driver %s: %s" % (driver, err.strerror or err))
    finally:
        # An empty override lets any driver claim the device again later.
        try:
            write_attr(override, "\n")
        except OSError as err:
            warn("Warning: %s: cannot clear %s: %s" % (dev.address, override, err))
    dev.driver = driver


def bind_one(dev, driver, net, force):
    """Binds dev to driver; gives it back to its previous driver when the
    bind fails. Returns False on refusal or failure."""
    if dev.driver == driver:
        warn("Notice: %s already bound to driver %s, skipping" % (dev.address, driver))
        return True
    saved = dev.driver
    if saved is not None:
        if not check_free(dev, net, force, "Not modifying"):
            return False
        if not detach(dev):
            return False
    try:
        attach(dev, driver)
        return True
    except OSError as err:
        warn("Error: bind failed for %s - %s" % (dev.address, err))
    if saved is None:
        return False
    try:
        attach(dev, saved)
        warn("Notice: %s given back to driver %s" % (dev.address, saved))
    except OSError as err:
        warn("Error: %s has no driver now: giving it back to %s failed - %s"
             % (dev.address, saved, err))
    return False


def find_driver(driver):
    """Name of the loaded PCI driver called driver (- and _ alike), or None."""
    for name in (driver, driver.replace("_", "-"), driver.replace("-", "_")):
        if os.path.isdir(sysfs("bus", "pci", "drivers", name)):
            return name
    return None


def load_driver(driver):
    """Returns the loaded PCI driver's name, running modprobe if needed."""
    name = find_driver(driver)
    if name is not None:
        return name
    try:
        result = subprocess.run(["modprobe", driver], capture_output=True, text=True,
                                timeout=60)
    except FileNotFoundError:
        sys.exit("Error: Driver '%s' is not loaded, and modprobe was not found: "
                 "load the module by hand or install kmod" % driver)
    except (OSError, subprocess.TimeoutExpired) as err:
        sys.exit("Error: Driver '%s' is not loaded, and 'modprobe %s' failed: %s"
                 % (driver, driver, err))
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["exit status %d" % result.returncode]
        sys.exit("Error: Driver '%s' is not loaded, and 'modprobe %s' failed: %s"
                 % (driver, driver, lines[-1]))
    name = find_driver(driver)
    if name is None:
        sys.exit("Error: Driver '%s' is not loaded: 'modprobe %s' succeeded but no PCI "
                 "driver of that name appeared in %s"
                 % (driver, driver, sysfs("bus", "pci", "drivers")))
    warn("Notice: loaded kernel module %s" % driver)
    return name


def check_noiommu(allow):
    """Before binding to vfio-pci on a machine without an IOMMU: checks that
    vfio's no-IOMMU mode is on, or turns it on when allowed."""
    iommus = sysfs("class", "iommu")
    if sorted_dir(iommus):
        return
    param = sysfs("module", "vfio", "parameters", "enable_unsafe_noiommu_mode")
    if not os.path.exists(param):
        sys.exit("Error: IOMMU support is disabled and this vfio module has no no-IOMMU "
                 "mode (no %s): use a kernel with CONFIG_VFIO_NOIOMMU, or bind to "
                 "uio_pci_generic" % param)
    value = read_attr(param)
    if value is None:
        sys.exit("Error: failed to check unsafe noiommu mode - Cannot read %s" % param)
    if value[:1] in ("1", "y", "Y"):
        return
    if not allow:
        sys.exit("Error: IOMMU support is disabled, use --noiommu-mode for binding "
                 "in noiommu mode")
    try:
        write_attr(param, "1")
    except OSError as err:
        sys.exit("Error: failed to enable unsafe noiommu mode - Cannot write %s: %s"
                 % (param, err))
    warn("Warning: enabling unsafe no IOMMU mode for VFIO drivers")


def bind_all(names, driver, devices, opts):
    try:
        resolve([driver], devices)
        sys.exit("Error: Driver '%s' does not look like a valid driver. "
                 "Did you forget to specify the driver to bind devices to?" % driver)
    except ValueError:
        pass
    if not DRIVER_NAME.match(driver):
        sys.exit("Error: '%s' is not a valid driver name" % driver)
    try:
        addresses = resolve(names, devices)
    except ValueError as err:
        sys.exit(str(err))
    driver = load_driver(driver)
    if driver == "vfio-pci":
        check_noiommu(opts.noiommu_mode)
    net = NetState()
    ok = True
    for address in addresses:
        ok = bind_one(devices[address], driver, net, opts.force) and ok
    if driver == "vfio-pci":
        for address in addresses:
            check_iommu_group(devices[address], devices)
    return ok


# Drivers that may hold a device while another in its IOMMU group is used
# through vfio (Linux drivers/vfio/group.c, vfio_dev_driver_allowed).
VFIO_GROUP_DRIVERS = ("vfio-pci", "pci-stub", "pcieport")


def check_iommu_group(dev, devices):
    """Warns when dev's IOMMU group holds devices that keep vfio from
    using the group."""
    if dev.driver != "vfio-pci":
        return
    group = link_name(os.path.join(dev.path, "iommu_group"))
    if group is None:
        return
    others = []
    for address in sorted_dir(sysfs("kernel", "iommu_groups", group, "devices")):
        other = devices.get(address)
        if other is not None and other is not dev and other.driver is not None \
                and other.driver not in VFIO_GROUP_DRIVERS:
            others.append("%s (drv=%s)" % (address, other.driver))
    if others:
        warn("Warning: IOMMU group %s of %s also holds %s: vfio cannot use the group "
             "until they are bound to vfio-pci too or unbound" % (group, dev.address,
                                                                  ", ".join(others)))


def unbind_all(names, devices, opts):
    if names and names[0] == "dpdk":
        addresses = [a for a, d in devices.items() if d.driver in DPDK_DRIVERS]
    else:
        try:
            addresses = resolve(names, devices)
        except ValueError as err:
            sys.exit(str(err))
    net = NetState()
    ok = True
    for address in addresses:
        ok = unbind_one(devices[address], net, opts.force) and ok
    return ok


def print_section(title, lines):
    print("\n%s" % title)
    print("=" * len(title))
    print("\n".join(sorted(lines)))


def show_group(title, groups, devices, net, with_interfaces):
    members = [d for d in devices.values() if d.matches(groups)]
    if not members:
        msg = "No '%s' devices detected" % title
        print("\n" + msg)
        print("=" * len(msg))
        return

    def line(dev, fields):
        return "%s '%s %s' %s" % (dev.address, dev.name, dev.device, fields)

    unused = {d.address: ",".join(d.modules) for d in members}
    dpdk = [line(d, "drv=%s unused=%s" % (d.driver, unused[d.address]))
            for d in members if d.driver in DPDK_DRIVERS]
    kernel = []
    for d in members:
        if d.driver is None or d.driver in DPDK_DRIVERS:
            continue
        fields = "if=%s " % ",".join(d.interfaces) if with_interfaces else ""
        active = "*Active*" if d.interfaces and uses(d, net) else ""
        fields += "drv=%s unused=%s %s" % (d.driver, unused[d.address], active)
        kernel.append(line(d, fields))
    other = [line(d, "unused=%s" % unused[d.address]) for d in members if d.driver is None]
    if dpdk:
        print_section("%s devices using DPDK-compatible driver" % title, dpdk)
    if kernel:
        print_section("%s devices using kernel driver" % title, kernel)
    if other:
        print_section("Other %s devices" % title, other)


def show_status(which, devices):
    net = NetState()
    if net.error is not None and any(d.interfaces for d in devices.values()):
        warn("Warning: cannot tell which interfaces hold addresses or routes: %s" % net.error)
    for key, title, groups in DEVICE_GROUPS:
        if which in (key, "all"):
            show_group(title, groups, devices, net, key == "net")


EPILOG = """
Examples:
  %(prog)s --status                      show every device and its driver
  %(prog)s --status-dev net              show network devices only
  %(prog)s -b vfio-pci 0000:00:04.0      give a NIC to vfio-pci
  %(prog)s -b vfio-pci --noiommu-mode 04.0   the same, on a machine without IOMMU
  %(prog)s -b uio_pci_generic eth1       by interface name (it must be down)
  %(prog)s -b virtio-pci '00:0[45].0'    give NICs back to the kernel (glob)
  %(prog)s -u dpdk                       unbind every device from DPDK drivers

Devices whose interface is up, holds an address or carries a route are left
alone unless --force is given. The exit status is 1 when a device was refused
or could not be bound.
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Show PCI devices and bind them to kernel drivers "
                    "(vfio-pci, uio_pci_generic, igb_uio, or back to their own)",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG)
    parser.add_argument("-s", "--status", action="store_true",
                        help="show every known device and the driver it uses")
    parser.add_argument("--status-dev", choices=sorted(g[0] for g in DEVICE_GROUPS),
                        help="show the devices of one group")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("-b", "--bind", metavar="DRIVER",
                        help='bind the devices to DRIVER ("none": unbind them)')
    action.add_argument("-u", "--unbind", action="store_true",
                        help='unbind the devices (same as "-b none")')
    parser.add_argument("--noiommu-mode", action="store_true",
                        help="with -b vfio-pci on a machine without IOMMU: turn on "
                             "vfio's unsafe no-IOMMU mode (no DMA protection)")
    parser.add_argument("--force", action="store_true",
                        help="also modify devices whose interface is up, holds an "
                             "address or carries a route (may cut your connection)")
    parser.add_argument("devices", metavar="DEVICE", nargs="*",
                        help="PCI address (0000:00:04.0 or 00:04.0), shell pattern "
                             "(00:0*.0) or interface name (eth1)")
    opts = parser.parse_args(argv)
    if opts.unbind:
        opts.bind = "none"
    opts.status_which = "all" if opts.status else opts.status_dev
    if opts.bind is None and opts.status_which is None:
        warn("Error: No action specified for devices. "
             "Please give a --bind, --unbind or --status option")
        parser.print_usage(sys.stderr)
        sys.exit(1)
    if opts.bind is not None and not opts.devices:
        warn("Error: No devices specified.")
        parser.print_usage(sys.stderr)
        sys.exit(1)
    return opts


def main(argv=None):
    opts = parse_args(argv)
    devices = scan_devices()
    ok = True
    if opts.bind in ("none", "None"):
        ok = unbind_all(opts.devices, devices, opts)
    elif opts.bind is not None:
        ok = bind_all(opts.devices, opts.bind, devices, opts)
    if opts.status_which is not None:
        if opts.bind is not None:
            devices = scan_devices()
        show_status(opts.status_which, devices)
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()
        sys.exit(status)
    except BrokenPipeError:
        # The reader went away (| head): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
