#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Show, reserve and mount hugepages.

Same command line and messages as DPDK 22.11's dpdk-hugepages.py.

Where it looks (tests point these at a fake tree):
  POLLUX_SYSFS_ROOT   /sys    (kernel/mm/hugepages, devices/system/node)
  POLLUX_PROCFS_ROOT  /proc   (meminfo, mounts)
mount and umount are run from PATH.
"""

import argparse
import os
import re
import subprocess
import sys

SYSFS_ROOT = os.environ.get("POLLUX_SYSFS_ROOT", "/sys")
PROCFS_ROOT = os.environ.get("POLLUX_PROCFS_ROOT", "/proc")
DEFAULT_MOUNT = "/dev/hugepages"
PREFIXES = "KMG"


def sysfs(*parts):
    return os.path.join(SYSFS_ROOT, *parts)


def sorted_dir(path):
    try:
        return sorted(os.listdir(path))
    except OSError:
        return []


def format_kb(kb):
    """2048 -> 2Mb, 1048576 -> 1Gb, 512 -> 512Kb (truncating, as DPDK)."""
    power = 0
    while power < len(PREFIXES) - 1 and kb >= 1 << (10 * (power + 1)):
        power += 1
    return "%d%sb" % (kb >> (10 * power), PREFIXES[power])


def parse_size_kb(text):
    """'2M' -> 2048; a bare number is bytes. Exits on a bad size."""
    match = re.match(r"^(\d+)([KMG]?)$", text.upper())
    if match is None:
        sys.exit("%s is not a valid size" % text)
    number = int(match.group(1))
    if match.group(2) == "":
        return number // 1024
    return number << (10 * PREFIXES.index(match.group(2)))


def is_numa():
    return os.path.exists(sysfs("devices", "system", "node"))


def node_dirs():
    """{node number: its hugepages directory} on a NUMA system."""
    nodes = {}
    for name in sorted_dir(sysfs("devices", "system", "node")):
        if re.match(r"^node\d+$", name):
            path = sysfs("devices", "system", "node", name, "hugepages")
            if os.path.isdir(path):
                nodes[int(name[4:])] = path
    return dict(sorted(nodes.items()))


def size_dirs(path):
    """[(page size in kB, directory)] under a hugepages directory."""
    sizes = []
    for name in sorted_dir(path):
        match = re.match(r"^hugepages-(\d+)kB$", name)
        if match:
            sizes.append((int(match.group(1)), os.path.join(path, name)))
    return sorted(sizes)


def read_pages(path):
    try:
        with open(os.path.join(path, "nr_hugepages")) as nr_file:
            return int(nr_file.read())
    except (OSError, ValueError) as err:
        sys.exit("Cannot read %s: %s" % (os.path.join(path, "nr_hugepages"), err))


def write_pages(path, pages):
    """Asks the kernel for pages pages in path; exits when it gives fewer."""
    filename = os.path.join(path, "nr_hugepages")
    try:
        with open(filename, "w") as nr_file:
            nr_file.write("%d\n" % pages)
    except PermissionError:
        sys.exit("Permission denied: need to be root!")
    except FileNotFoundError:
        sys.exit("Invalid page size. Valid page sizes: %s" % valid_sizes())
    except OSError as err:
        sys.exit("Cannot write %s: %s" % (filename, err))
    got = read_pages(path)
    if got != pages:
        sys.exit("Unable to set pages (%d instead of %d in %s)." % (got, pages, filename))


def valid_sizes():
    return " ".join("%dkB" % kb for kb, _ in size_dirs(sysfs("kernel", "mm", "hugepages")))


def show_pages():
    if is_numa():
        print("Node Pages Size Total")
        for node, path in node_dirs().items():
            for kb, size_path in size_dirs(path):
                pages = read_pages(size_path)
                if pages > 0:
                    print("{:<4} {:<5} {:<6} {}".format(node, pages, format_kb(kb),
                                                        format_kb(pages * kb)))
    else:
        print("Pages Size Total")
        for kb, size_path in size_dirs(sysfs("kernel", "mm", "hugepages")):
            pages = read_pages(size_path)
            if pages > 0:
                print("{:<5} {:<6} {}".format(pages, format_kb(kb), format_kb(pages * kb)))


def clear_pages():
    if is_numa():
        paths = [p for n in node_dirs().values() for _, p in size_dirs(n)]
    else:
        paths = [p for _, p in size_dirs(sysfs("kernel", "mm", "hugepages"))]
    for path in paths:
        write_pages(path, 0)


def reserve_pages(pages, kb, node):
    """Reserves pages pages of kb kB on node, or on every node (each gets
    pages, as dpdk-hugepages.py does) when node is None on a NUMA system."""
    if node is not None:
        nodes = node_dirs()
        if node not in nodes:
            sys.exit("NUMA node %d does not exist. Valid nodes: %s"
                     % (node, " ".join(str(n) for n in nodes) or "none"))
        paths = [nodes[node]]
    elif is_numa():
        paths = list(node_dirs().values())
    else:
        paths = [sysfs("kernel", "mm", "hugepages")]
    for path in paths:
        write_pages(os.path.join(path, "hugepages-%dkB" % kb), pages)


def default_page_kb():
    try:
        with open(os.path.join(PROCFS_ROOT, "meminfo")) as meminfo:
            for line in meminfo:
                if line.startswith("Hugepagesize:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def unescape_mount_path(field):
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def mount_points():
    points = []
    try:
        with open(os.path.join(PROCFS_ROOT, "mounts")) as mounts:
            for line in mounts:
                fields = line.split()
                if len(fields) >= 3 and fields[2] == "hugetlbfs":
                    points.append(unescape_mount_path(fields[1]))
    except OSError as err:
        sys.exit("Cannot read %s: %s" % (os.path.join(PROCFS_ROOT, "mounts"), err))
    return points


def run(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as err:
        sys.exit("'%s' failed: %s" % (" ".join(command), err))
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["exit status %d" % result.returncode]
        sys.exit("'%s' failed: %s" % (" ".join(command), lines[-1]))


def mount_huge(kb, directory, user, group):
    if directory in mount_points():
        print(directory, "already mounted")
        return
    if not os.path.isdir(directory):
        try:
            os.makedirs(directory)
        except OSError as err:
            sys.exit("Cannot create mount point %s: %s" % (directory, err))
    command = ["mount", "-t", "hugetlbfs", "-o", "pagesize=%d" % (kb * 1024)]
    if user:
        command += ["-o", "uid=" + user]
    if group:
        command += ["-o", "gid=" + group]
    run(command + ["nodev", directory])


def unmount_huge(directory):
    if directory in mount_points():
        run(["umount", directory])


def show_mounts():
    points = mount_points()
    if points:
        print("Hugepages mounted on", *points)
    else:
        print("Hugepages not mounted")


EPILOG = """
Examples:
  %(prog)s -s                      show reserved pages and mount points
  %(prog)s --setup 1G              clear, reserve 1 GiB of default-size pages, mount
  %(prog)s -p 1G --setup 2G        the same with two 1 GiB pages
  %(prog)s -n 0 -r 512M            reserve 512 MiB on NUMA node 0
  %(prog)s -c -u                   give every page back and unmount

Without -n on a NUMA machine, -r reserves SIZE on every node.
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Show, reserve and mount hugepages",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG)
    parser.add_argument("--show", "-s", action="store_true",
                        help="show reserved pages and where hugetlbfs is mounted")
    parser.add_argument("--clear", "-c", action="store_true",
                        help="give back every reserved page")
    parser.add_argument("--mount", "-m", action="store_true",
                        help="mount hugetlbfs on DIR")
    parser.add_argument("--unmount", "-u", action="store_true",
                        help="unmount hugetlbfs from DIR")
    parser.add_argument("--directory", "-d", metavar="DIR", default=DEFAULT_MOUNT,
                        help="mount point (default %s)" % DEFAULT_MOUNT)
    parser.add_argument("--user", "-U", metavar="UID", help="owner of the mount point")
    parser.add_argument("--group", "-G", metavar="GID", help="group of the mount point")
    parser.add_argument("--node", "-n", help="NUMA node to reserve on (default: every node)")
    parser.add_argument("--pagesize", "-p", metavar="SIZE",
                        help="page size, e.g. 2M or 1G (default: the kernel's)")
    parser.add_argument("--reserve", "-r", metavar="SIZE",
                        help="reserve SIZE bytes of pages (K, M or G suffix)")
    parser.add_argument("--setup", metavar="SIZE",
                        help="same as --clear --unmount --reserve SIZE --mount")
    opts = parser.parse_args(argv)
    if opts.setup:
        opts.clear = opts.unmount = opts.mount = True
        opts.reserve = opts.setup
    if not (opts.show or opts.mount or opts.unmount or opts.clear or opts.reserve):
        parser.error("no action specified")
    if opts.node is not None:
        if not re.match(r"^\d+$", opts.node):
            parser.error("argument --node/-n: '%s' is not a node number" % opts.node)
        opts.node = int(opts.node)
    return opts


def main(argv=None):
    opts = parse_args(argv)
    kb = parse_size_kb(opts.pagesize) if opts.pagesize else default_page_kb()
    if kb is None:
        sys.exit("Invalid page size: %s has no Hugepagesize (no hugepage support "
                 "in this kernel?)" % os.path.join(PROCFS_ROOT, "meminfo"))
    if kb == 0:
        sys.exit("Invalid page size: 0kB")
    if opts.reserve or opts.mount:
        if kb not in [size for size, _ in size_dirs(sysfs("kernel", "mm", "hugepages"))]:
            sys.exit("Invalid page size. Valid page sizes: %s" % valid_sizes())
    reserve_kb = parse_size_kb(opts.reserve) if opts.reserve else None
    if reserve_kb is not None and reserve_kb % kb != 0:
        sys.exit("Huge reservation %dkB is not a multiple of page size %dkB"
                 % (reserve_kb, kb))
    if opts.clear:
        clear_pages()
    if opts.unmount:
        unmount_huge(opts.directory)
    if reserve_kb is not None:
        reserve_pages(reserve_kb // kb, kb, opts.node)
    if opts.mount:
        mount_huge(kb, opts.directory, opts.user, opts.group)
    if opts.show:
        show_pages()
        print()
        show_mounts()
    return 0


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
