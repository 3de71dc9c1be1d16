# SPDX-License-Identifier: BSD-3-Clause
"""pollux-hugepages.py on a fake sysfs/procfs tree: every option, every message."""

import os
import unittest

from fakehost import FakeHost, FifoRecorder, main, read, write

SIZES = (2048, 1048576)


class HugepagesTest(unittest.TestCase):

    def setUp(self):
        self.host = FakeHost()
        self.global_dir = os.path.join(self.host.sys, "kernel", "mm", "hugepages")
        for kb in SIZES:
            write(os.path.join(self.global_dir, "hugepages-%dkB" % kb, "nr_hugepages"), "0\n")
        self.mnt = os.path.join(self.host.root, "mnt", "huge")

    def tearDown(self):
        self.host.cleanup()

    def numa(self, nodes=2):
        for node in range(nodes):
            for kb in SIZES:
                write(self.node_file(node, kb), "0\n")
        # Files beside the node directories, as on Linux.
        write(os.path.join(self.host.sys, "devices", "system", "node", "online"), "0-1\n")

    def node_file(self, node, kb):
        return os.path.join(self.host.sys, "devices", "system", "node", "node%d" % node,
                            "hugepages", "hugepages-%dkB" % kb, "nr_hugepages")

    def global_file(self, kb):
        return os.path.join(self.global_dir, "hugepages-%dkB" % kb, "nr_hugepages")

    def hugepages(self, *args):
        return self.host.run("hugepages", *args)

    def mount_line(self, directory):
        write(os.path.join(self.host.proc, "mounts"),
              read(os.path.join(self.host.proc, "mounts"))
              + "hugetlbfs %s hugetlbfs rw,relatime,pagesize=2M 0 0\n" % directory)

    # --- show -----------------------------------------------------------

    def test_show_nothing(self):
        rc, out, err = self.hugepages("-s")
        self.assertEqual((rc, out, err), (0, "Pages Size Total\n\nHugepages not mounted\n", ""))

    def test_show_non_numa(self):
        write(self.global_file(2048), "3\n")
        write(self.global_file(1048576), "2\n")
        self.mount_line("/dev/hugepages")
        self.mount_line("/mnt/huge\\040space")
        rc, out, _ = self.hugepages("--show")
        self.assertEqual(out, "Pages Size Total\n"
                              "3     2Mb    6Mb\n"
                              "2     1Gb    2Gb\n"
                              "\n"
                              "Hugepages mounted on /dev/hugepages /mnt/huge space\n")

    def test_show_numa(self):
        self.numa()
        write(self.node_file(0, 2048), "512\n")
        write(self.node_file(1, 1048576), "1\n")
        rc, out, _ = self.hugepages("-s")
        self.assertEqual(out, "Node Pages Size Total\n"
                              "0    512   2Mb    1Gb\n"
                              "1    1     1Gb    1Gb\n"
                              "\n"
                              "Hugepages not mounted\n")

    def test_show_small_pages(self):
        write(os.path.join(self.global_dir, "hugepages-64kB", "nr_hugepages"), "5\n")
        rc, out, _ = self.hugepages("-s")
        self.assertIn("5     64Kb   320Kb\n", out)

    # --- command line ---------------------------------------------------

    def test_help(self):
        rc, out, _ = self.hugepages("--help")
        self.assertEqual(rc, 0)
        for option in ("--show, -s", "--clear, -c", "--mount, -m", "--unmount, -u",
                       "--directory DIR, -d DIR", "--user UID, -U UID",
                       "--group GID, -G GID", "--node NODE, -n NODE",
                       "--pagesize SIZE, -p SIZE", "--reserve SIZE, -r SIZE",
                       "--setup SIZE"):
            self.assertIn(option, out)

    def test_no_action(self):
        for args in ([], ["-p", "2M"], ["-d", "/x"], ["-n", "0"]):
            rc, out, err = self.hugepages(*args)
            self.assertEqual(rc, 2)
            self.assertTrue(err.endswith("pollux-hugepages.py: error: no action specified\n"),
                            err)

    def test_bad_node(self):
        rc, _, err = self.hugepages("-n", "x", "-r", "2M")
        self.assertEqual(rc, 2)
        self.assertIn("error: argument --node/-n: 'x' is not a node number", err)

    def test_bad_sizes(self):
        for args, text in ((["-r", "2X"], "2X"), (["-r", "M"], "M"), (["-p", "1.5G", "-s"],
                                                                     "1.5G"),
                           (["--setup=-2M"], "-2M")):
            rc, out, err = self.hugepages(*args)
            self.assertEqual((rc, err), (1, "%s is not a valid size\n" % text), args)

    # --- reserve --------------------------------------------------------

    def test_reserve_default_size(self):
        rc, out, err = self.hugepages("-r", "8M")
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertEqual(read(self.global_file(2048)), "4\n")
        self.assertEqual(read(self.global_file(1048576)), "0\n")

    def test_reserve_suffixes(self):
        for size, pages in (("4194304", 2), ("6144k", 3), ("10m", 5), ("1G", 512)):
            rc, _, err = self.hugepages("--reserve", size)
            self.assertEqual((rc, err), (0, ""), size)
            self.assertEqual(read(self.global_file(2048)), "%d\n" % pages, size)

    def test_reserve_page_size(self):
        rc, _, err = self.hugepages("-p", "1G", "-r", "2G")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(read(self.global_file(1048576)), "2\n")
        self.assertEqual(read(self.global_file(2048)), "0\n")

    def test_reserve_default_size_from_meminfo(self):
        write(os.path.join(self.host.proc, "meminfo"), "Hugepagesize:    1048576 kB\n")
        rc, _, err = self.hugepages("-r", "1G")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(read(self.global_file(1048576)), "1\n")

    def test_reserve_every_numa_node(self):
        self.numa()
        rc, _, err = self.hugepages("-r", "4M")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(read(self.node_file(0, 2048)), "2\n")
        self.assertEqual(read(self.node_file(1, 2048)), "2\n")
        self.assertEqual(read(self.global_file(2048)), "0\n")

    def test_reserve_one_numa_node(self):
        self.numa()
        rc, _, err = self.hugepages("-n", "1", "-r", "4M")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(read(self.node_file(0, 2048)), "0\n")
        self.assertEqual(read(self.node_file(1, 2048)), "2\n")

    def test_reserve_missing_numa_node(self):
        self.numa()
        rc, _, err = self.hugepages("--node", "7", "-r", "4M")
        self.assertEqual((rc, err), (1, "NUMA node 7 does not exist. Valid nodes: 0 1\n"))
        rc, _, err = self.hugepages("--node", "0", "-r", "4M")
        self.assertEqual(rc, 0, err)

    def test_reserve_node_on_non_numa(self):
        rc, _, err = self.hugepages("-n", "0", "-r", "4M")
        self.assertEqual((rc, err), (1, "NUMA node 0 does not exist. Valid nodes: none\n"))

    def test_reserve_not_multiple(self):
        rc, _, err = self.hugepages("-r", "3M")
        self.assertEqual((rc, err), (1, "Huge reservation 3072kB is not a multiple of page "
                                        "size 2048kB\n"))
        self.assertEqual(read(self.global_file(2048)), "0\n")

    def test_invalid_page_size(self):
        rc, _, err = self.hugepages("-p", "4M", "-r", "8M")
        self.assertEqual((rc, err), (1, "Invalid page size. Valid page sizes: 2048kB "
                                        "1048576kB\n"))

    def test_zero_page_size(self):
        rc, _, err = self.hugepages("-p", "0", "-s")
        self.assertEqual((rc, err), (1, "Invalid page size: 0kB\n"))

    def test_no_hugepage_support(self):
        write(os.path.join(self.host.proc, "meminfo"), "MemTotal: 1000 kB\n")
        rc, _, err = self.hugepages("-r", "2M")
        self.assertEqual((rc, err), (1, "Invalid page size: %s has no Hugepagesize (no "
                                        "hugepage support in this kernel?)\n"
                                     % os.path.join(self.host.proc, "meminfo")))

    def test_kernel_gives_fewer_pages(self):
        path = self.global_file(2048)
        recorder = FifoRecorder(path, answer="3\n")
        try:
            rc, _, err = self.hugepages("-r", "16M")
        finally:
            recorder.stop()
        self.assertEqual(recorder.writes, ["8\n"])
        self.assertEqual((rc, err), (1, "Unable to set pages (3 instead of 8 in %s).\n" % path))

    def test_permission_denied(self):
        # A sysfs attribute with no store method: the kernel refuses to open
        # it for writing, even to root (kernfs checks that before anything
        # is written), so nothing on the real sysfs can change.
        target = "/sys/devices/system/cpu/online"
        if not os.path.exists(target):
            self.skipTest("no %s to play a read-only nr_hugepages" % target)
        os.unlink(self.global_file(2048))
        os.symlink(target, self.global_file(2048))
        rc, _, err = self.hugepages("-r", "4M")
        self.assertEqual((rc, err), (1, "Permission denied: need to be root!\n"))

    def test_nr_hugepages_unreadable(self):
        write(self.global_file(2048), "many\n")
        rc, _, err = self.hugepages("-s")
        self.assertEqual(rc, 1)
        self.assertIn("Cannot read %s: invalid literal" % self.global_file(2048), err)

    # --- clear ----------------------------------------------------------

    def test_clear_non_numa(self):
        write(self.global_file(2048), "4\n")
        write(self.global_file(1048576), "1\n")
        rc, out, err = self.hugepages("-c")
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertEqual(read(self.global_file(2048)), "0\n")
        self.assertEqual(read(self.global_file(1048576)), "0\n")

    def test_clear_numa(self):
        self.numa()
        write(self.node_file(0, 2048), "4\n")
        write(self.node_file(1, 1048576), "1\n")
        rc, _, err = self.hugepages("--clear")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(read(self.node_file(0, 2048)), "0\n")
        self.assertEqual(read(self.node_file(1, 1048576)), "0\n")

    # --- mount ----------------------------------------------------------

    def test_mount(self):
        rc, out, err = self.hugepages("-m", "-d", self.mnt)
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertTrue(os.path.isdir(self.mnt))
        self.assertEqual(self.host.log("mount.log"),
                         ["mount -t hugetlbfs -o pagesize=2097152 nodev " + self.mnt])
        rc, out, _ = self.hugepages("-s", "-d", self.mnt)
        self.assertTrue(out.endswith("Hugepages mounted on %s\n" % self.mnt), out)

    def test_mount_owner_and_page_size(self):
        rc, _, err = self.hugepages("--mount", "--directory", self.mnt, "-U", "1000",
                                    "-G", "100", "-p", "1G")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(self.host.log("mount.log"),
                         ["mount -t hugetlbfs -o pagesize=1073741824 -o uid=1000 -o gid=100 "
                          "nodev " + self.mnt])

    def test_mount_already_mounted(self):
        self.mount_line(self.mnt)
        rc, out, err = self.hugepages("-m", "-d", self.mnt)
        self.assertEqual((rc, out, err), (0, "%s already mounted\n" % self.mnt, ""))
        self.assertEqual(self.host.log("mount.log"), [])

    def test_mount_fails(self):
        open(os.path.join(self.host.root, "mount-fail"), "w").close()
        rc, _, err = self.hugepages("-m", "-d", self.mnt)
        self.assertEqual((rc, err), (1, "'mount -t hugetlbfs -o pagesize=2097152 nodev %s' "
                                        "failed: mount: %s: permission denied.\n"
                                     % (self.mnt, self.mnt)))

    def test_mount_command_missing(self):
        os.unlink(os.path.join(self.host.bin, "mount"))
        rc, _, err = self.hugepages("-m", "-d", self.mnt)
        self.assertEqual(rc, 1)
        self.assertIn("'mount -t hugetlbfs -o pagesize=2097152 nodev %s' failed: [Errno 2] "
                      "No such file or directory" % self.mnt, err)

    def test_mount_point_cannot_be_made(self):
        write(os.path.join(self.host.root, "file"), "")
        target = os.path.join(self.host.root, "file", "huge")
        rc, _, err = self.hugepages("-m", "-d", target)
        self.assertEqual(rc, 1)
        self.assertIn("Cannot create mount point %s: " % target, err)

    def test_unmount(self):
        self.mount_line(self.mnt)
        rc, out, err = self.hugepages("-u", "-d", self.mnt)
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertEqual(self.host.log("mount.log"), ["umount " + self.mnt])
        self.assertNotIn(self.mnt, read(os.path.join(self.host.proc, "mounts")))

    def test_unmount_not_mounted(self):
        rc, out, err = self.hugepages("--unmount", "-d", self.mnt)
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertEqual(self.host.log("mount.log"), [])

    def test_mount_default_directory_shown(self):
        rc, out, _ = self.hugepages("--help")
        self.assertIn("mount point (default /dev/hugepages)", out)

    # --- setup ----------------------------------------------------------

    def test_setup(self):
        write(self.global_file(1048576), "1\n")
        self.mount_line(self.mnt)
        rc, out, err = self.hugepages("--setup", "64M", "-d", self.mnt)
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertEqual(read(self.global_file(1048576)), "0\n")
        self.assertEqual(read(self.global_file(2048)), "32\n")
        self.assertEqual(self.host.log("mount.log"),
                         ["umount " + self.mnt,
                          "mount -t hugetlbfs -o pagesize=2097152 nodev " + self.mnt])

    def test_setup_bad_size_changes_nothing(self):
        write(self.global_file(2048), "4\n")
        self.mount_line(self.mnt)
        rc, _, err = self.hugepages("-p", "1G", "--setup", "1M", "-d", self.mnt)
        self.assertEqual((rc, err), (1, "Huge reservation 1024kB is not a multiple of page "
                                        "size 1048576kB\n"))
        self.assertEqual(read(self.global_file(2048)), "4\n")
        self.assertEqual(self.host.log("mount.log"), [])

    def test_setup_and_show(self):
        rc, out, err = self.hugepages("--setup", "4M", "-s", "-d", self.mnt)
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(out, "Pages Size Total\n2     2Mb    4Mb\n\n"
                              "Hugepages mounted on %s\n" % self.mnt)


class RealHostTest(unittest.TestCase):
    """--show on this machine's real sysfs and procfs (read-only)."""

    def test_show_on_real_host(self):
        import subprocess
        import sys
        from fakehost import TOOLS
        if not os.path.isdir("/sys/kernel/mm/hugepages"):
            self.skipTest("this kernel has no hugepages")
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLLUX_")}
        result = subprocess.run([sys.executable, TOOLS["hugepages"], "-s"], env=env,
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"^(Node )?Pages Size Total\n")
        self.assertRegex(result.stdout, r"\nHugepages (not mounted|mounted on .*)\n$")


if __name__ == "__main__":
    main("usertools-hugepages")
