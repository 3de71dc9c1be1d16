# SPDX-License-Identifier: BSD-3-Clause
"""pollux-devbind.py on a fake sysfs tree: every option, every message."""

import os
import subprocess
import sys
import unittest

from fakehost import FakeHost, FifoRecorder, TOOLS, main, read, write

HOST_NIC = "0000:00:03.0"      # eth0: up, with an address and routes
FREE_NIC = "0000:00:04.0"      # eth1: down, no address
LEGACY_NIC = "0000:00:05.0"    # eth2: down, no address
DPDK_NIC = "0000:01:00.0"      # bound to vfio-pci
LONE_NIC = "0000:01:00.1"      # no driver
DISK = "0000:00:02.0"          # virtio-blk, a "misc" device

STATUS_ALL = """
Network devices using DPDK-compatible driver
============================================
0000:01:00.0 '82599ES 10-Gigabit SFI/SFP+ Network Connection 10fb' drv=vfio-pci unused=ixgbe

Network devices using kernel driver
===================================
0000:00:03.0 'Virtio 1.0 network device 1041' if=eth0 drv=virtio-pci unused=vfio-pci *Active*
0000:00:04.0 'Virtio 1.0 network device 1041' if=eth1 drv=virtio-pci unused=vfio-pci 
0000:00:05.0 'Virtio network device 1000' if=eth2 drv=virtio-pci unused=vfio-pci 

Other Network devices
=====================
0000:01:00.1 '82599ES 10-Gigabit SFI/SFP+ Network Connection 10fb' unused=ixgbe,vfio-pci

No 'Baseband' devices detected
==============================

No 'Crypto' devices detected
============================

No 'DMA' devices detected
=========================

No 'Eventdev' devices detected
==============================

No 'Mempool' devices detected
=============================

No 'Compress' devices detected
==============================

Misc (rawdev) devices using kernel driver
=========================================
0000:00:02.0 'Virtio 1.0 block device 1042' drv=virtio-pci unused=vfio-pci 

No 'Regex' devices detected
===========================
"""


class DevbindTest(unittest.TestCase):

    def setUp(self):
        self.host = host = FakeHost()
        host.add_driver("virtio-pci")
        host.add_driver("vfio-pci")
        host.add_device(HOST_NIC, driver="virtio-pci", ifname="eth0", up=True, nested=True)
        host.add_device(FREE_NIC, driver="virtio-pci", ifname="eth1", nested=True)
        host.add_device(LEGACY_NIC, device="1000", driver="virtio-pci", ifname="eth2",
                        nested=True)
        host.add_device(DPDK_NIC, vendor="8086", device="10fb", driver="vfio-pci")
        host.add_device(LONE_NIC, vendor="8086", device="10fb")
        host.add_device(DISK, device="1042", cls="010000", driver="virtio-pci")
        host.add_device("0000:00:00.0", vendor="8086", device="1237", cls="060000")
        os.makedirs(os.path.join(host.sys, "class", "iommu", "dmar0"))
        host.set_net(
            addresses={"lo": [("inet", "127.0.0.1", 8, "host")],
                       "eth0": [("inet", "10.0.2.15", 24, "global"),
                                ("inet6", "fe80::1", 64, "link")],
                       "eth1": [("inet6", "fe80::2", 64, "link")]},
            routes4=[{"dst": "default", "gateway": "10.0.2.2", "dev": "eth0"},
                     {"dst": "10.0.2.0/24", "dev": "eth0", "scope": "link"},
                     {"dst": "169.254.0.0/16", "dev": "eth1", "scope": "link"},
                     {"type": "local", "dst": "127.0.0.1", "dev": "lo", "table": "local"},
                     {"type": "broadcast", "dst": "10.0.2.255", "dev": "eth1",
                      "table": "local"}],
            routes6=[{"dst": "fe80::/64", "dev": "eth1"},
                     {"type": "multicast", "dst": "ff00::/8", "dev": "eth1",
                      "table": "local"}])

    def tearDown(self):
        self.host.cleanup()

    def devbind(self, *args):
        return self.host.run("devbind", *args)

    def attr(self, *parts):
        return read(self.host.pci(*parts))

    def assert_untouched(self, address, driver):
        self.assertEqual(self.attr("drivers", driver, "unbind"), "")
        self.assertEqual(self.attr("devices", address, "driver_override"), "(null)\n")

    # --- status ---------------------------------------------------------

    def test_status_all_groups(self):
        rc, out, err = self.devbind("-s")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(out, STATUS_ALL)

    def test_status_long_option_matches_short(self):
        self.assertEqual(self.devbind("--status")[1], STATUS_ALL)

    def test_status_dev_net(self):
        rc, out, err = self.devbind("--status-dev", "net")
        self.assertEqual(rc, 0)
        self.assertEqual(out, STATUS_ALL.split("\nNo 'Baseband'")[0])

    def test_status_dev_misc(self):
        rc, out, _ = self.devbind("--status-dev", "misc")
        self.assertEqual(out, "\nMisc (rawdev) devices using kernel driver\n"
                              "=========================================\n"
                              "0000:00:02.0 'Virtio 1.0 block device 1042' drv=virtio-pci "
                              "unused=vfio-pci \n")

    def test_status_dev_every_group(self):
        titles = {"baseband": "Baseband", "compress": "Compress", "crypto": "Crypto",
                  "dma": "DMA", "event": "Eventdev", "mempool": "Mempool",
                  "regex": "Regex"}
        for key, title in titles.items():
            rc, out, _ = self.devbind("--status-dev", key)
            self.assertEqual((rc, out), (0, "\nNo '%s' devices detected\n%s\n"
                                         % (title, "=" * len(title) + "=" * 22)), key)

    def test_status_dev_groups_by_class_and_id(self):
        self.host.add_device("0000:02:00.0", vendor="8086", device="0b25", cls="088000")
        self.host.add_device("0000:02:00.1", vendor="1234", device="0b25", cls="088000")
        self.host.add_device("0000:02:00.2", vendor="8086", device="0000", cls="100000")
        rc, out, _ = self.devbind("--status-dev", "dma")
        self.assertIn("0000:02:00.0 'Device 0b25' unused=vfio-pci", out)
        self.assertNotIn("02:00.1", out)
        rc, out, _ = self.devbind("--status-dev", "crypto")
        self.assertIn("Other Crypto devices\n====================\n"
                      "0000:02:00.2 'Device 0000' unused=vfio-pci", out)

    def test_status_dev_unknown_group(self):
        rc, out, err = self.devbind("--status-dev", "disk")
        self.assertEqual(rc, 2)
        self.assertIn("invalid choice: 'disk'", err)

    def test_status_interface_not_nested(self):
        self.host.add_device("0000:03:00.0", vendor="8086", device="10c9", driver="igb",
                             ifname="enp3s0")
        rc, out, _ = self.devbind("--status-dev", "net")
        self.assertIn("0000:03:00.0 '82576 Gigabit Network Connection 10c9' if=enp3s0 "
                      "drv=igb unused=vfio-pci \n", out)

    def test_interface_behind_a_bridge_is_not_the_bridge_s(self):
        bridge = "0000:00:1c.0"
        self.host.add_driver("pcieport")
        self.host.add_device(bridge, vendor="8086", device="201c", cls="060400",
                             driver="pcieport")
        # On Linux the device's directory sits inside its bridge's.
        write(self.host.dev(bridge, "0000:02:00.0", "net", "eth5", "flags"), "0x1002\n")
        self.host.add_device("0000:02:00.0", vendor="8086", device="10c9", driver="igb",
                             ifname="eth5")
        rc, out, err = self.devbind("--status-dev", "misc")
        self.assertIn("0000:00:1c.0 'Device 201c' drv=pcieport", out)
        rc, _, err = self.devbind("-b", "vfio-pci", "eth5")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(self.bound(), "0000:02:00.0")
        self.assertEqual(self.attr("drivers", "pcieport", "unbind"), "")

    def test_status_without_pci_ids(self):
        os.unlink(os.path.join(self.host.root, "pci.ids"))
        rc, out, _ = self.devbind("--status-dev", "net")
        self.assertIn("0000:00:03.0 'Device 1041' if=eth0", out)

    def test_status_without_modules_alias(self):
        os.unlink(os.path.join(self.host.modules, "modules.alias"))
        rc, out, _ = self.devbind("--status-dev", "net")
        self.assertIn("10fb' drv=vfio-pci unused=\n", out)
        self.assertIn("10fb' unused=vfio-pci\n", out)

    def test_status_unused_lists_loaded_dpdk_drivers(self):
        self.host.add_driver("uio_pci_generic")
        rc, out, _ = self.devbind("--status-dev", "net")
        self.assertIn("drv=vfio-pci unused=ixgbe,uio_pci_generic\n", out)
        self.assertIn("if=eth1 drv=virtio-pci unused=vfio-pci,uio_pci_generic \n", out)

    def test_status_active_when_only_up(self):
        write(self.host.dev(FREE_NIC, "virtio3", "net", "eth1", "flags"), "0x1003\n")
        rc, out, _ = self.devbind("--status-dev", "net")
        self.assertIn("if=eth1 drv=virtio-pci unused=vfio-pci *Active*", out)

    def test_status_active_when_only_address(self):
        self.host.set_net(addresses={"eth1": [("inet6", "2001:db8::1", 64, "global")]})
        rc, out, _ = self.devbind("--status-dev", "net")
        self.assertIn("if=eth1 drv=virtio-pci unused=vfio-pci *Active*", out)
        self.assertIn("if=eth0 drv=virtio-pci unused=vfio-pci *Active*", out)  # up

    def test_status_when_ip_fails(self):
        open(os.path.join(self.host.net, "fail"), "w").close()
        rc, out, err = self.devbind("--status-dev", "net")
        self.assertEqual(rc, 0)
        self.assertIn("Warning: cannot tell which interfaces hold addresses or routes: "
                      "'ip -j address show' failed: RTNETLINK answers: Operation not "
                      "permitted", err)
        self.assertIn("if=eth1 drv=virtio-pci unused=vfio-pci *Active*", out)

    def test_status_when_ip_missing(self):
        os.unlink(os.path.join(self.host.bin, "ip"))
        rc, out, err = self.devbind("-s")
        self.assertEqual(rc, 0)
        self.assertIn("'ip' not found: install iproute2", err)

    def test_status_with_bind_shows_result_after(self):
        rc, out, err = self.devbind("-b", "vfio-pci", FREE_NIC, "-s")
        self.assertEqual(rc, 0, err)
        self.assertIn("Network devices using kernel driver", out)
        self.assertEqual(self.attr("drivers", "vfio-pci", "bind"), FREE_NIC)

    def test_status_into_closed_pipe(self):
        read_end, write_end = os.pipe()
        os.close(read_end)
        result = subprocess.run([sys.executable, TOOLS["devbind"], "-s"], env=self.host.env(),
                                stdout=write_end, stderr=subprocess.PIPE, text=True,
                                timeout=60)
        os.close(write_end)
        self.assertEqual((result.returncode, result.stderr), (1, ""))

    # --- command line ---------------------------------------------------

    def test_help(self):
        rc, out, _ = self.devbind("--help")
        self.assertEqual(rc, 0)
        for option in ("-s, --status", "--status-dev", "-b DRIVER, --bind DRIVER",
                       "-u, --unbind", "--noiommu-mode", "--force", "DEVICE"):
            self.assertIn(option, out)

    def test_no_action(self):
        rc, out, err = self.devbind(FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertTrue(err.startswith("Error: No action specified for devices. Please give "
                                       "a --bind, --unbind or --status option\nusage:"), err)

    def test_no_devices(self):
        for args in (["-b", "vfio-pci"], ["-u"], ["--bind=vfio-pci", "-s"]):
            rc, out, err = self.devbind(*args)
            self.assertEqual(rc, 1)
            self.assertTrue(err.startswith("Error: No devices specified.\nusage:"), err)

    def test_bind_and_unbind_exclusive(self):
        rc, _, err = self.devbind("-b", "vfio-pci", "-u", FREE_NIC)
        self.assertEqual(rc, 2)
        self.assertIn("not allowed with argument", err)

    # --- naming devices -------------------------------------------------

    def bound(self):
        return self.attr("drivers", "vfio-pci", "bind")

    def test_bind_full_address(self):
        rc, out, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertEqual(self.attr("drivers", "virtio-pci", "unbind"), FREE_NIC)
        self.assertEqual(self.bound(), FREE_NIC)
        self.assertEqual(self.attr("devices", FREE_NIC, "driver_override"), "\n")

    def test_bind_long_option_with_equals(self):
        rc, _, err = self.devbind("--bind=vfio-pci", FREE_NIC)
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.bound(), FREE_NIC)

    def test_bind_short_address(self):
        rc, _, err = self.devbind("-b", "vfio-pci", "00:04.0")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.bound(), FREE_NIC)

    def test_bind_interface_name(self):
        rc, _, err = self.devbind("-b", "vfio-pci", "eth2")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.bound(), LEGACY_NIC)

    def test_bind_glob(self):
        rc, _, err = self.devbind("-b", "vfio-pci", "00:0[45].*")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.bound(), FREE_NIC + LEGACY_NIC)

    def test_bind_full_glob_and_duplicates(self):
        rc, _, err = self.devbind("-b", "vfio-pci", "0000:00:0[45].0", "eth1", "00:05.0")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.bound(), FREE_NIC + LEGACY_NIC)

    def test_unknown_device(self):
        for args in (["-b", "vfio-pci", "00:09.0"], ["-u", "eth9"], ["-b", "vfio-pci", "07:*"]):
            rc, out, err = self.devbind(*args)
            self.assertEqual(rc, 1)
            name = args[-1]
            self.assertEqual(err, 'Unknown device: %s. Please specify device in '
                                  '"bus:slot.func" format\n' % name)
        self.assertEqual(self.bound(), "")

    def test_unknown_device_leaves_others_alone(self):
        rc, _, _ = self.devbind("-b", "vfio-pci", FREE_NIC, "00:09.0")
        self.assertEqual(rc, 1)
        self.assertEqual(self.bound(), "")

    def test_driver_that_is_a_device(self):
        rc, _, err = self.devbind("-b", "00:04.0", "00:05.0")
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: Driver '00:04.0' does not look like a valid driver. "
                              "Did you forget to specify the driver to bind devices to?\n")

    def test_driver_name_with_path(self):
        rc, _, err = self.devbind("-b", "../../x", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: '../../x' is not a valid driver name\n")
        self.assertEqual(self.host.log("modprobe.log"), [])

    # --- binding --------------------------------------------------------

    def test_bind_writes_override_then_clears_it(self):
        recorder = FifoRecorder(self.host.dev(FREE_NIC, "driver_override"))
        try:
            rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        finally:
            recorder.stop()
        self.assertEqual(rc, 0, err)
        self.assertEqual("".join(recorder.writes), "vfio-pci\n")

    def test_bind_device_without_driver(self):
        rc, _, err = self.devbind("-b", "vfio-pci", LONE_NIC)
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.bound(), LONE_NIC)
        self.assertEqual(self.attr("drivers", "virtio-pci", "unbind"), "")

    def test_bind_back_to_kernel_driver(self):
        rc, _, err = self.devbind("-b", "virtio-pci", DPDK_NIC)
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.attr("drivers", "vfio-pci", "unbind"), DPDK_NIC)
        self.assertEqual(self.attr("drivers", "virtio-pci", "bind"), DPDK_NIC)

    def test_already_bound(self):
        rc, out, err = self.devbind("-b", "vfio-pci", DPDK_NIC)
        self.assertEqual(rc, 0)
        self.assertEqual(err, "Notice: 0000:01:00.0 already bound to driver vfio-pci, "
                              "skipping\n")
        self.assertEqual(self.attr("drivers", "vfio-pci", "unbind"), "")

    def test_bind_fails_and_previous_driver_is_restored(self):
        bind = self.host.pci("drivers", "vfio-pci", "bind")
        os.unlink(bind)
        os.symlink("/dev/full", bind)
        recorder = FifoRecorder(self.host.dev(FREE_NIC, "driver_override"))
        try:
            rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        finally:
            recorder.stop()
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: bind failed for 0000:00:04.0 - Cannot bind to driver "
                              "vfio-pci: No space left on device\n"
                              "Notice: 0000:00:04.0 given back to driver virtio-pci\n")
        self.assertEqual("".join(recorder.writes), "vfio-pci\nvirtio-pci\n")
        self.assertEqual(self.attr("drivers", "virtio-pci", "unbind"), FREE_NIC)
        self.assertEqual(self.attr("drivers", "virtio-pci", "bind"), FREE_NIC)

    def test_bind_and_restore_both_fail(self):
        for driver in ("vfio-pci", "virtio-pci"):
            bind = self.host.pci("drivers", driver, "bind")
            os.unlink(bind)
            os.symlink("/dev/full", bind)
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("Error: 0000:00:04.0 has no driver now: giving it back to virtio-pci "
                      "failed - Cannot bind to driver virtio-pci: No space left on device",
                      err)

    def test_bind_fails_without_previous_driver(self):
        os.unlink(self.host.pci("drivers", "vfio-pci", "bind"))
        rc, _, err = self.devbind("-b", "vfio-pci", LONE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: bind failed for 0000:01:00.1 - Cannot bind to driver "
                              "vfio-pci: No such file or directory\n")

    def test_bind_fails_on_one_device_goes_on_with_others(self):
        os.unlink(self.host.dev(FREE_NIC, "driver_override"))
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC, LEGACY_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("Error: bind failed for 0000:00:04.0 - %s does not exist "
                      "(driver_override needs Linux 3.15 or later)"
                      % self.host.dev(FREE_NIC, "driver_override"), err)
        self.assertEqual(self.bound(), LEGACY_NIC)

    def test_unbind_write_fails_on_bind(self):
        unbind = self.host.pci("drivers", "virtio-pci", "unbind")
        os.unlink(unbind)
        os.symlink("/dev/full", unbind)
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: unbind failed for 0000:00:04.0 - Cannot write %s: "
                              "No space left on device\n" % unbind)
        self.assertEqual(self.bound(), "")

    def group(self, number, *addresses):
        group_dir = os.path.join(self.host.sys, "kernel", "iommu_groups", str(number))
        os.makedirs(os.path.join(group_dir, "devices"))
        for address in addresses:
            os.symlink(self.host.dev(address), os.path.join(group_dir, "devices", address))
            os.symlink(group_dir, self.host.dev(address, "iommu_group"))

    def test_iommu_group_shared_with_kernel_driver(self):
        self.host.add_driver("ixgbe")
        self.host.add_device("0000:01:00.2", vendor="8086", device="10fb", driver="ixgbe")
        self.group(7, DPDK_NIC, LONE_NIC, "0000:01:00.2")
        self.group(8, FREE_NIC)
        rc, _, err = self.devbind("-b", "vfio-pci", LONE_NIC, FREE_NIC)
        self.assertEqual(rc, 0)
        self.assertEqual(err, "Warning: IOMMU group 7 of 0000:01:00.1 also holds 0000:01:00.2 "
                              "(drv=ixgbe): vfio cannot use the group until they are bound to "
                              "vfio-pci too or unbound\n")
        self.assertEqual(self.bound(), LONE_NIC + FREE_NIC)

    def test_iommu_group_bound_together(self):
        self.group(7, FREE_NIC, LEGACY_NIC)
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC, LEGACY_NIC)
        self.assertEqual((rc, err), (0, ""))

    # --- loading the driver ---------------------------------------------

    def test_driver_loaded_with_modprobe(self):
        rc, _, err = self.devbind("-b", "uio_pci_generic", FREE_NIC)
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "Notice: loaded kernel module uio_pci_generic\n")
        self.assertEqual(self.host.log("modprobe.log"), ["uio_pci_generic"])
        self.assertEqual(self.attr("drivers", "uio_pci_generic", "bind"), FREE_NIC)

    def test_driver_found_with_other_separator(self):
        rc, _, err = self.devbind("-b", "vfio_pci", FREE_NIC)
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.host.log("modprobe.log"), [])
        self.assertEqual(self.bound(), FREE_NIC)

    def test_modprobe_fails(self):
        open(os.path.join(self.host.root, "modprobe-fail"), "w").close()
        rc, _, err = self.devbind("-b", "igb_uio", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: Driver 'igb_uio' is not loaded, and 'modprobe igb_uio' "
                              "failed: modprobe: FATAL: Module igb_uio not found in "
                              "directory /lib/modules/x\n")
        self.assert_untouched(FREE_NIC, "virtio-pci")

    def test_modprobe_missing(self):
        os.unlink(os.path.join(self.host.bin, "modprobe"))
        rc, _, err = self.devbind("-b", "igb_uio", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: Driver 'igb_uio' is not loaded, and modprobe was not "
                              "found: load the module by hand or install kmod\n")

    def test_modprobe_gives_no_pci_driver(self):
        open(os.path.join(self.host.root, "modprobe-nodriver"), "w").close()
        rc, _, err = self.devbind("-b", "vfio", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: Driver 'vfio' is not loaded: 'modprobe vfio' succeeded "
                              "but no PCI driver of that name appeared in %s\n"
                              % self.host.pci("drivers"))

    # --- no-IOMMU -------------------------------------------------------

    def no_iommu(self, value=None):
        os.rmdir(os.path.join(self.host.sys, "class", "iommu", "dmar0"))
        param = os.path.join(self.host.sys, "module", "vfio", "parameters",
                             "enable_unsafe_noiommu_mode")
        if value is not None:
            write(param, value)
        return param

    def test_noiommu_refused_without_option(self):
        self.no_iommu("N\n")
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: IOMMU support is disabled, use --noiommu-mode for "
                              "binding in noiommu mode\n")
        self.assert_untouched(FREE_NIC, "virtio-pci")

    def test_noiommu_mode_enabled_by_option(self):
        param = self.no_iommu("N\n")
        rc, _, err = self.devbind("--noiommu-mode", "-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, "Warning: enabling unsafe no IOMMU mode for VFIO drivers\n")
        self.assertEqual(read(param), "1")
        self.assertEqual(self.bound(), FREE_NIC)

    def test_noiommu_mode_already_on(self):
        param = self.no_iommu("Y\n")
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(read(param), "Y\n")

    def test_noiommu_not_in_kernel(self):
        param = self.no_iommu()
        rc, _, err = self.devbind("--noiommu-mode", "-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: IOMMU support is disabled and this vfio module has no "
                              "no-IOMMU mode (no %s): use a kernel with CONFIG_VFIO_NOIOMMU, "
                              "or bind to uio_pci_generic\n" % param)

    def test_noiommu_parameter_not_writable(self):
        param = self.no_iommu()
        os.makedirs(param)
        rc, _, err = self.devbind("--noiommu-mode", "-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: failed to check unsafe noiommu mode - Cannot read "
                              "%s\n" % param)

    def test_noiommu_not_checked_for_uio(self):
        self.no_iommu("N\n")
        self.host.add_driver("uio_pci_generic")
        rc, _, err = self.devbind("-b", "uio_pci_generic", FREE_NIC)
        self.assertEqual((rc, err), (0, ""))

    def test_noiommu_option_ignored_with_iommu(self):
        rc, _, err = self.devbind("--noiommu-mode", "-b", "vfio-pci", FREE_NIC)
        self.assertEqual((rc, err), (0, ""))
        self.assertFalse(os.path.exists(os.path.join(self.host.sys, "module", "vfio")))

    # --- refusing devices in use ------------------------------------------

    def test_refuses_interface_up_with_address_and_route(self):
        rc, out, err = self.devbind("-b", "vfio-pci", HOST_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Warning: 0000:00:03.0 is in use: interface eth0 "
                              "is up; eth0 holds address 10.0.2.15/24; eth0 carries route "
                              "default via 10.0.2.2, 10.0.2.0/24. Not modifying: take it down "
                              "and remove its addresses first (ip link set eth0 down; ip "
                              "address flush dev eth0), or use --force\n")
        self.assert_untouched(HOST_NIC, "virtio-pci")
        self.assertEqual(self.bound(), "")

    def test_refuses_interface_only_up(self):
        write(self.host.dev(FREE_NIC, "virtio3", "net", "eth1", "flags"), "0x1003\n")
        rc, _, err = self.devbind("-b", "vfio-pci", "eth1")
        self.assertEqual(rc, 1)
        self.assertIn("in use: interface eth1 is up. Not modifying", err)
        self.assert_untouched(FREE_NIC, "virtio-pci")

    def test_refuses_interface_only_address(self):
        self.host.set_net(addresses={"eth1": [("inet", "192.168.7.1", 24, "global")]})
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("in use: eth1 holds address 192.168.7.1/24. Not "
                      "modifying", err)
        self.assert_untouched(FREE_NIC, "virtio-pci")

    def test_refuses_interface_only_route(self):
        self.host.set_net(routes6=[{"dst": "2001:db8::/32", "gateway": "fe80::9",
                                    "dev": "eth1", "table": "100"}])
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("in use: eth1 carries route 2001:db8::/32 via fe80::9 "
                      "table 100. Not modifying", err)

    def test_refuses_interface_in_multipath_route(self):
        self.host.set_net(routes4=[{"dst": "192.168.0.0/16", "nexthops": [
            {"gateway": "10.0.2.3", "dev": "eth0"}, {"gateway": "10.0.3.3", "dev": "eth1"}]}])
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("in use: eth1 carries route 192.168.0.0/16. Not "
                      "modifying", err)

    def test_refuses_when_ip_fails(self):
        open(os.path.join(self.host.net, "fail"), "w").close()
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("in use: cannot tell whether eth1 holds an address or "
                      "carries a route ('ip -j address show' failed: RTNETLINK answers: "
                      "Operation not permitted). Not modifying", err)
        self.assert_untouched(FREE_NIC, "virtio-pci")

    def test_refuses_when_ip_prints_garbage(self):
        write(os.path.join(self.host.net, "route4.json"), "not json")
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("'ip -j -4 route show table all' printed something that is not JSON",
                      err)

    def test_refusal_does_not_stop_other_devices(self):
        rc, _, err = self.devbind("-b", "vfio-pci", HOST_NIC, FREE_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("Warning: 0000:00:03.0 is in use", err)
        self.assertEqual(self.bound(), FREE_NIC)

    def test_force_binds_device_in_use(self):
        rc, _, err = self.devbind("--force", "-b", "vfio-pci", HOST_NIC)
        self.assertEqual(rc, 0)
        self.assertEqual(err, "Warning: --force: modifying 0000:00:03.0 although interface "
                              "eth0 is up; eth0 holds address 10.0.2.15/24; eth0 carries "
                              "route default via 10.0.2.2, 10.0.2.0/24\n")
        self.assertEqual(self.attr("drivers", "virtio-pci", "unbind"), HOST_NIC)
        self.assertEqual(self.bound(), HOST_NIC)

    def test_unbind_refused_when_in_use(self):
        rc, _, err = self.devbind("-u", "eth0")
        self.assertEqual(rc, 1)
        self.assertIn("Warning: 0000:00:03.0 is in use: interface eth0 is up;",
                      err)
        self.assertIn(". Skipping unbind: take it down", err)
        self.assert_untouched(HOST_NIC, "virtio-pci")

    def test_unbind_forced(self):
        rc, _, err = self.devbind("-u", "--force", "eth0")
        self.assertEqual(rc, 0)
        self.assertEqual(self.attr("drivers", "virtio-pci", "unbind"), HOST_NIC)

    def holder(self, pid, command, target):
        os.makedirs(os.path.join(self.host.proc, str(pid), "fd"))
        write(os.path.join(self.host.proc, str(pid), "comm"), command + "\n")
        os.symlink("/dev/null", os.path.join(self.host.proc, str(pid), "fd", "0"))
        os.symlink(target, os.path.join(self.host.proc, str(pid), "fd", "9"))

    def test_refuses_vfio_device_held_by_a_process(self):
        self.group(12, DPDK_NIC)
        self.holder(41, "bash", "/dev/vfio/1")
        self.holder(4242, "pollux-testpmd", "/dev/vfio/noiommu-12")
        for args in (["-b", "virtio-pci", DPDK_NIC], ["-u", "dpdk"]):
            rc, _, err = self.devbind(*args)
            self.assertEqual(rc, 1)
            self.assertEqual(err.split(". ")[0], "Warning: 0000:01:00.0 is in use: process "
                                                 "4242 (pollux-testpmd) holds "
                                                 "/dev/vfio/noiommu-12")
            self.assertTrue(err.endswith(": stop the process first, or use --force\n"), err)
            self.assertEqual(self.attr("drivers", "vfio-pci", "unbind"), "")
        rc, _, err = self.devbind("-u", "--force", DPDK_NIC)
        self.assertEqual(rc, 0)
        self.assertEqual(self.attr("drivers", "vfio-pci", "unbind"), DPDK_NIC)

    def test_refuses_uio_device_held_by_a_process(self):
        self.host.add_driver("uio_pci_generic")
        self.host.add_device("0000:01:00.2", vendor="8086", device="10fb",
                             driver="uio_pci_generic")
        os.makedirs(self.host.dev("0000:01:00.2", "uio", "uio3"))
        self.holder(77, "l2fwd", "/dev/uio3")
        rc, _, err = self.devbind("-u", "01:00.2")
        self.assertEqual(rc, 1)
        self.assertIn("0000:01:00.2 is in use: process 77 (l2fwd) holds /dev/uio3. Skipping "
                      "unbind: stop the process first, or use --force", err)

    def test_vfio_cdev_held_by_a_process(self):
        os.makedirs(self.host.dev(DPDK_NIC, "vfio-dev", "vfio0"))
        self.holder(5, "app", "/dev/vfio/devices/vfio0")
        rc, _, err = self.devbind("-u", DPDK_NIC)
        self.assertEqual(rc, 1)
        self.assertIn("process 5 (app) holds /dev/vfio/devices/vfio0", err)

    def disk(self, *partitions):
        """vda on DISK, with partitions vda1..., as virtio-blk shows them."""
        path = self.host.dev(DISK, "virtio1", "block", "vda")
        write(os.path.join(path, "dev"), "254:0\n")
        os.makedirs(os.path.join(path, "holders"))
        os.symlink("../../../../../../class/block", os.path.join(path, "subsystem"))
        for number in partitions:
            part = os.path.join(path, "vda%d" % number)
            write(os.path.join(part, "dev"), "254:%d\n" % number)
            os.makedirs(os.path.join(part, "holders"))
            os.symlink("../../../../../../../class/block", os.path.join(part, "subsystem"))
        return path

    def mountinfo(self, *lines):
        write(os.path.join(self.host.proc, "self", "mountinfo"), "".join(lines))

    def test_refuses_disk_mounted(self):
        self.disk(1, 2)
        self.mountinfo("21 1 0:20 / /proc rw - proc proc rw\n",
                       "25 1 254:1 / / rw,relatime - ext4 /dev/root rw\n",
                       "26 25 254:1 /srv /mnt/my\\040data rw - ext4 /dev/root rw\n")
        rc, _, err = self.devbind("-b", "vfio-pci", "00:02.0")
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Warning: 0000:00:02.0 is in use: vda1 is mounted on /, "
                              "/mnt/my data. Not modifying: stop using its disks first "
                              "(umount, swapoff), or use --force\n")
        self.assert_untouched(DISK, "virtio-pci")

    def test_refuses_disk_swap_and_holders(self):
        path = self.disk(1, 2)
        self.mountinfo("")
        write(os.path.join(self.host.proc, "swaps"),
              "Filename\tType\tSize\tUsed\tPriority\n/dev/vda2 partition 1024 0 -2\n")
        os.symlink("../../dm-0", os.path.join(path, "holders", "dm-0"))
        rc, _, err = self.devbind("-u", DISK)
        self.assertEqual(rc, 1)
        self.assertIn("0000:00:02.0 is in use: vda is used by dm-0; vda2 is used as swap. "
                      "Skipping unbind", err)

    def test_refuses_disk_when_mounts_unknown(self):
        self.disk()
        rc, _, err = self.devbind("-u", DISK)
        self.assertEqual(rc, 1)
        self.assertIn("0000:00:02.0 is in use: cannot tell whether vda is mounted (%s: No "
                      "such file or directory)" % os.path.join(self.host.proc, "self",
                                                               "mountinfo"), err)

    def test_binds_idle_disk(self):
        self.disk(1)
        self.mountinfo("25 1 254:7 / / rw - ext4 /dev/vdb rw\n")
        rc, _, err = self.devbind("-b", "vfio-pci", DISK)
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(self.bound(), DISK)

    def test_force_unbinds_mounted_disk(self):
        self.disk()
        self.mountinfo("25 1 254:0 / / rw - ext4 /dev/vda rw\n")
        rc, _, err = self.devbind("-u", "--force", DISK)
        self.assertEqual(rc, 0)
        self.assertEqual(err, "Warning: --force: modifying 0000:00:02.0 although vda is "
                              "mounted on /\n")

    def test_ignored_addresses_and_routes(self):
        # eth1 has an IPv6 link-local address, a 169.254 route, an fe80::/64
        # route and local-table entries: none of them makes it busy.
        rc, _, err = self.devbind("-b", "vfio-pci", FREE_NIC)
        self.assertEqual((rc, err), (0, ""))

    # --- unbinding ------------------------------------------------------

    def test_unbind(self):
        rc, out, err = self.devbind("-u", FREE_NIC, "01:00.0")
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertEqual(self.attr("drivers", "virtio-pci", "unbind"), FREE_NIC)
        self.assertEqual(self.attr("drivers", "vfio-pci", "unbind"), DPDK_NIC)

    def test_bind_none_unbinds(self):
        for name in ("none", "None"):
            rc, _, err = self.devbind("-b", name, LEGACY_NIC)
            self.assertEqual((rc, err), (0, ""))
        self.assertEqual(self.attr("drivers", "virtio-pci", "unbind"), LEGACY_NIC * 2)

    def test_unbind_device_without_driver(self):
        rc, _, err = self.devbind("--unbind", LONE_NIC)
        self.assertEqual(rc, 0)
        self.assertEqual(err, "Notice: 0000:01:00.1 '82599ES 10-Gigabit SFI/SFP+ Network "
                              "Connection 10fb' is not currently managed by any driver\n")

    def test_unbind_dpdk_devices(self):
        self.host.add_driver("uio_pci_generic")
        self.host.add_device("0000:01:00.2", vendor="8086", device="10fb",
                             driver="uio_pci_generic")
        rc, _, err = self.devbind("-u", "dpdk")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(self.attr("drivers", "vfio-pci", "unbind"), DPDK_NIC)
        self.assertEqual(self.attr("drivers", "uio_pci_generic", "unbind"), "0000:01:00.2")
        self.assertEqual(self.attr("drivers", "virtio-pci", "unbind"), "")

    def test_unbind_write_fails(self):
        unbind = self.host.pci("drivers", "vfio-pci", "unbind")
        os.unlink(unbind)
        rc, _, err = self.devbind("-u", DPDK_NIC)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "Error: unbind failed for 0000:01:00.0 - Cannot write %s: "
                              "No such file or directory\n" % unbind)


class RealHostTest(unittest.TestCase):
    """--status on this machine's real sysfs (read-only): it must run, and
    mark every PCI network interface that is up as *Active*."""

    def test_status_on_real_sysfs(self):
        if not os.path.isdir("/sys/bus/pci/devices"):
            self.skipTest("no /sys/bus/pci on this machine")
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLLUX_")}
        result = subprocess.run([sys.executable, TOOLS["devbind"], "--status-dev", "net"],
                                env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith("\nNetwork devices using")
                        or result.stdout.startswith("\nOther Network devices")
                        or result.stdout.startswith("\nNo 'Network' devices detected"),
                        result.stdout)
        for line in result.stdout.splitlines():
            if " if=" not in line:
                continue
            address = line.split()[0]
            for ifname in line.split(" if=")[1].split()[0].split(","):
                flags = read("/sys/class/net/%s/flags" % ifname) if ifname else "0"
                if int(flags, 16) & 1:
                    self.assertTrue(line.endswith("*Active*"), line)
            self.assertTrue(os.path.isdir("/sys/bus/pci/devices/" + address))


if __name__ == "__main__":
    main("usertools-devbind")
