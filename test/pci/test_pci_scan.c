/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The PCI bus on fake sysfs trees (doc/testing.md): addresses, id
 * matching, the scan, probe with mapping, -a/-b/devargs/--no-pci, the
 * warnings for an -a address with no device and a device no driver
 * claims, a kernel-owned device left untouched, hot-plug and removal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "test_helpers.h"
#include "../eal/eal_test_run.h"
#include "fake_pci.h"
#include "pci_test.h"
#include "pci_private.h"

#define EAL_ARGS "--no-huge -l 0"

static struct fake_tree tree;

/* A: virtio-net (legacy id) on uio_pci_generic: I/O BAR 0, memory BARs. */
static const struct fake_dev dev_a = {
	.addr = "0000:00:04.0",
	.vendor = 0x1b36,
	.device = 0x0005,
	.sub_vendor = 0x1af4,
	.sub_device = 0x1100,
	.class_id = 0x020000,
	.numa_node = 0,
	.driver = "uio_pci_generic",
	.uio_num = 0,
	.uio_node = true,
	.iommu_group = -1,
	.config_size = 4096,
	.bars = { { .len = 0x40, .io = true },
		{ .len = 0x1000 }, [4] = { .len = 0x4000 } },
};

/* B: an 82599 on uio_pci_generic, no numa_node file, a prefetchable
 * BAR 0 that the driver (WC_ACTIVATE) gets write-combined. */
static const struct fake_dev dev_b = {
	.addr = "0000:00:05.0",
	.vendor = 0x1b36,
	.device = 0x0006,
	.sub_vendor = 0x1af4,
	.sub_device = 0x1100,
	.class_id = 0x020000,
	.numa_node = -2,
	.driver = "uio_pci_generic",
	.uio_num = 1,
	.uio_node = true,
	.iommu_group = -1,
	.bars = { { .len = 0x20000, .wc = true } },
};

/* C: virtio-net (modern id) owned by the kernel's virtio-pci. */
static const struct fake_dev dev_c = {
	.addr = "0000:00:06.0",
	.vendor = 0x1b36,
	.device = 0x0005,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "virtio-pci",
	.uio_num = -1,
	.iommu_group = -1,
	.bars = { { .len = 0x1000 } },
};

/* D: matched by class only (net_pciclass), no mapping. */
static const struct fake_dev dev_d = {
	.addr = "0000:00:07.0",
	.vendor = 0x1234,
	.device = 0x5678,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "uio_pci_generic",
	.uio_num = 2,
	.uio_node = true,
	.iommu_group = -1,
	.bars = { { .len = 0x1000 } },
};

/* E: bound to a user-space driver, but no driver has its ids. */
static const struct fake_dev dev_e = {
	.addr = "0000:00:08.0",
	.vendor = 0xabcd,
	.device = 0x0001,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "uio_pci_generic",
	.uio_num = 3,
	.uio_node = true,
	.iommu_group = -1,
	.bars = { { .len = 0x1000 } },
};

static int
tree_setup(void **state)
{
	(void)state;
	memset(&seen, 0, sizeof(seen));
	if (fake_tree_create(&tree) < 0 || fake_dev_add(&tree, &dev_a) < 0 ||
		fake_dev_add(&tree, &dev_b) < 0 ||
		fake_dev_add(&tree, &dev_c) < 0 ||
		fake_dev_add(&tree, &dev_d) < 0 ||
		fake_dev_add(&tree, &dev_e) < 0)
		return -1;
	fake_pci_env(&tree);
	return 0;
}

static int
tree_teardown(void **state)
{
	(void)state;
	fake_tree_destroy(&tree);
	return 0;
}

static void
test_addr_parse(void **state)
{
	static const struct {
		const char *str;
		int ok;
		struct rte_pci_addr addr;
	} cases[] = {
		{ "0000:00:04.0", 1, { 0, 0, 4, 0 } },
		{ "00:04.0", 1, { 0, 0, 4, 0 } },
		{ "0001:af:1f.7", 1, { 1, 0xaf, 0x1f, 7 } },
		{ "1234abcd:FF:00.1", 1, { 0x1234abcd, 0xff, 0, 1 } },
		{ "", 0, { 0 } },
		{ "00:04", 0, { 0 } },
		{ "0000:00:20.0", 0, { 0 } },
		{ "00:04.8", 0, { 0 } },
		{ "0000:00:04.0x", 0, { 0 } },
		{ "0000:00:04.0,", 0, { 0 } },
		{ "g0:04.0", 0, { 0 } },
		{ "123456789:00:04.0", 0, { 0 } },
		{ "100:04.0", 0, { 0 } },
		{ "net_null0", 0, { 0 } },
	};
	struct rte_pci_addr addr, low = { 0, 0, 4, 0 }, high = { 1, 0, 0, 0 };
	char name[PCI_PRI_STR_SIZE];
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		int ret = rte_pci_addr_parse(cases[i].str, &addr);

		if ((ret == 0) != cases[i].ok)
			fail_msg("'%s': %d", cases[i].str, ret);
		if (ret == 0)
			assert_int_equal(rte_pci_addr_cmp(&addr, &cases[i].addr),
				0);
	}
	assert_int_not_equal(rte_pci_addr_parse(NULL, &addr), 0);
	assert_true(rte_pci_addr_cmp(&low, &high) < 0);
	assert_true(rte_pci_addr_cmp(&high, &low) > 0);
	assert_true(rte_pci_addr_cmp(NULL, &low) < 0);
	rte_pci_device_name(&cases[2].addr, name, sizeof(name));
	assert_string_equal(name, "0001:af:1f.7");
	rte_pci_device_name(&cases[3].addr, name, sizeof(name));
	assert_string_equal(name, "1234abcd:ff:00.1");
}

static void
test_id_match(void **state)
{
	static const struct rte_pci_id table[] = {
		{ RTE_PCI_DEVICE(0x1af4, 0x1041) },
		{ .class_id = RTE_CLASS_ANY_ID,
			.vendor_id = 0x8086,
			.device_id = 0x10fb,
			.subsystem_vendor_id = 0x8086,
			.subsystem_device_id = 0x000c },
		{ .class_id = 0x010802,
			.vendor_id = RTE_PCI_ANY_ID,
			.device_id = RTE_PCI_ANY_ID,
			.subsystem_vendor_id = RTE_PCI_ANY_ID,
			.subsystem_device_id = RTE_PCI_ANY_ID },
		{ .vendor_id = 0 },
		{ RTE_PCI_DEVICE(0x1234, 0x5678) }, /* after the end */
	};
	static const struct {
		struct rte_pci_id id;
		bool match;
	} cases[] = {
		{ { 0x020000, 0x1af4, 0x1041, 0x1af4, 0x1100 }, true },
		{ { 0x020000, 0x1af4, 0x1000, 0x1af4, 0x0001 }, false },
		{ { 0x020000, 0x8086, 0x10fb, 0x8086, 0x000c }, true },
		{ { 0x020000, 0x8086, 0x10fb, 0x8086, 0x0003 }, false },
		{ { 0x010802, 0x144d, 0xa808, 0x144d, 0xa801 }, true },
		{ { 0x010601, 0x144d, 0xa808, 0x144d, 0xa801 }, false },
		{ { 0x020000, 0x1234, 0x5678, 0, 0 }, false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++)
		if (pci_id_match(table, &cases[i].id) != cases[i].match)
			fail_msg("case %zu", i);
}

static int
count_matches(const char *str)
{
	struct rte_dev_iterator it;
	struct rte_device *dev;
	int n = 0;

	RTE_DEV_FOREACH (dev, str, &it)
		n++;
	return n;
}

/* RTE_DEV_FOREACH over the bus, and rte_pci_dump(). */
static int
check_iterate_and_dump(void)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f;

	if (count_matches("bus=pci") != 5 ||
		count_matches("bus=pci,addr=00:05.0") != 1 ||
		count_matches("bus=pci,addr=0000:00:0c.0") != 0)
		return 20;
	f = open_memstream(&text, &size);
	if (f == NULL)
		return 21;
	rte_pci_dump(f);
	fclose(f);
	if (strstr(text,
		    "0000:00:04.0 1b36:0005 (1af4:1100) class 020000 "
		    "numa 0 kernel uio_pci_generic driver net_pcitest\n") ==
			NULL ||
		strstr(text,
			"0000:00:06.0 1b36:0005 (0000:0000) "
			"class 020000 numa -1 kernel virtio-pci driver -\n") ==
			NULL) {
		free(text);
		return 22;
	}
	free(text);
	return 0;
}

static int
check_scan(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a = pcitest_find("0000:00:04.0");
	struct rte_pci_device *b = pcitest_find("0000:00:05.0");
	struct rte_pci_device *c = pcitest_find("0000:00:06.0");
	uint32_t mark = 0;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (a == NULL || b == NULL || c == NULL || !rte_eal_has_pci())
		return 1;
	if (a->id.vendor_id != 0x1b36 || a->id.device_id != 0x0005 ||
		a->id.subsystem_vendor_id != 0x1af4 ||
		a->id.subsystem_device_id != 0x1100 ||
		a->id.class_id != 0x020000)
		return 2;
	if (a->device.numa_node != 0 || b->device.numa_node != SOCKET_ID_ANY)
		return 3;
	if (a->kdrv != RTE_PCI_KDRV_UIO_GENERIC ||
		c->kdrv != RTE_PCI_KDRV_UNKNOWN)
		return 4;
	if (a->mem_resource[0].len != 0x40 ||
		a->mem_resource[0].phys_addr != 0xc000 ||
		a->mem_resource[0].addr != NULL ||
		a->mem_resource[1].len != 0x1000 ||
		a->mem_resource[1].addr == NULL ||
		a->mem_resource[4].addr == NULL || a->mem_resource[2].len != 0)
		return 5;
	/* Probed with BARs mapped: the driver's write is in the file. */
	if (seen.probes != 2 || seen.class_probes != 1 ||
		strcmp(seen.names[0], "0000:00:04.0") != 0 ||
		strcmp(seen.names[1], "0000:00:05.0") != 0)
		return 6;
	if (fake_file_io(&tree, "0000:00:04.0", "resource1", &mark,
		    sizeof(mark), 0, false) < 0 ||
		mark != PCITEST_MARK)
		return 7;
	/* B's prefetchable BAR went through resource0_wc. */
	mark = 0;
	if (fake_file_io(&tree, "0000:00:05.0", "resource0_wc", &mark,
		    sizeof(mark), 0, false) < 0 ||
		mark != PCITEST_MARK)
		return 10;
	if (c->driver != NULL || rte_dev_is_probed(&c->device) ||
		c->mem_resource[0].addr != NULL)
		return 8;
	if (a->intr_handle == NULL ||
		rte_intr_type_get(a->intr_handle) != RTE_INTR_HANDLE_UIO_INTX)
		return 9;
	return check_iterate_and_dump();
}

static void
test_scan_and_probe(void **state)
{
	struct eal_run r;
	uint16_t command = 0;

	(void)state;
	eal_run(EAL_ARGS, check_scan, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
	/* One line for the kernel-owned device, one for the unclaimed one. */
	assert_non_null(strstr(r.err_text,
		"0000:00:06.0 (1b36:0005) skipped "
		"for driver net_pcitest: kernel driver virtio-pci owns it"));
	assert_non_null(strstr(r.err_text,
		"0000:00:08.0 (abcd:0001) is bound "
		"to a user-space driver, but no driver claims it"));
	assert_int_equal(eal_run_lines(r.err_text), 2);
	/* Bus mastering went on at map and off at unmap (cleanup). */
	assert_int_equal(fake_file_io(&tree, "0000:00:04.0", "config", &command,
				 2, RTE_PCI_COMMAND, false),
		0);
	assert_int_equal(command & RTE_PCI_COMMAND_MASTER, 0);
	assert_int_equal(command & 0x2, 0x2);
}

static int
check_allow(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	if (seen.probes != 1 || seen.class_probes != 0)
		return 1;
	if (strcmp(seen.names[0], "0000:00:04.0") != 0 ||
		strcmp(seen.args[0], "key=val,n=2") != 0)
		return 2;
	return 0;
}

static int
check_block(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	if (seen.probes != 1 || seen.class_probes != 1 ||
		strcmp(seen.names[0], "0000:00:05.0") != 0)
		return 1;
	return 0;
}

static int
check_nothing(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	return seen.probes + seen.class_probes + (rte_eal_has_pci() ? 10 : 0) +
		(pcitest_find("0000:00:04.0") != NULL ? 100 : 0);
}

static void
test_allow_block(void **state)
{
	struct eal_run r;

	(void)state;
	/* -a, short form, with devargs: that device alone, no warnings. */
	eal_run(EAL_ARGS " -a 00:04.0,key=val,n=2", check_allow, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("-a: init %d, hook %d: %s", r.ret, r.hook_ret,
			r.err_text);
	assert_int_equal(eal_run_lines(r.err_text), 0);
	/* -b: everything else. */
	eal_run(EAL_ARGS " -b 0000:00:04.0", check_block, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("-b: init %d, hook %d: %s", r.ret, r.hook_ret,
			r.err_text);
	/* -a with no such device: a visible warning, and nothing probed. */
	eal_run(EAL_ARGS " -a 0000:00:09.0", check_nothing, &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 110);
	assert_non_null(strstr(r.err_text,
		"-a 0000:00:09.0: there is no PCI "
		"device at this address"));
	assert_int_equal(eal_run_lines(r.err_text), 1);
	/* --no-pci: no scan, no probe, rte_eal_has_pci() is 0. */
	eal_run(EAL_ARGS " --no-pci", check_nothing, &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(eal_run_lines(r.err_text), 0);
}

/* The kernel-owned device: not written, not mapped, not opened. */
static int
check_untouched(int argc, char **argv, int consumed)
{
	struct rte_pci_device *c = pcitest_find("0000:00:06.0");
	struct rte_pci_ioport port;
	uint16_t vendor = 0, junk = 0xffff;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (c == NULL || rte_dev_is_probed(&c->device))
		return 1;
	if (rte_pci_write_config(c, &junk, 2, RTE_PCI_COMMAND) != -EPERM)
		return 2;
	if (rte_pci_map_device(c) != 1 || c->mem_resource[0].addr != NULL)
		return 3;
	if (rte_pci_ioport_map(c, 0, &port) != -EPERM)
		return 4;
	if (rte_pci_set_bus_master(c, true) != -1)
		return 5;
	/* Reading is harmless and allowed. */
	if (rte_pci_read_config(c, &vendor, 2, RTE_PCI_VENDOR_ID) != 2 ||
		vendor != 0x1b36)
		return 6;
	if (rte_dev_probe("0000:00:06.0") >= 0)
		return 7;
	if (pcitest_count_maps("0000:00:06.0") != 0)
		return 8;
	return 0;
}

static void
test_kernel_owned_untouched(void **state)
{
	uint8_t before[256], after[256];
	struct eal_run r;

	(void)state;
	assert_int_equal(fake_file_io(&tree, "0000:00:06.0", "config", before,
				 sizeof(before), 0, false),
		0);
	eal_run(EAL_ARGS, check_untouched, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d: %s", r.ret, r.hook_ret, r.err_text);
	assert_int_equal(fake_file_io(&tree, "0000:00:06.0", "config", after,
				 sizeof(after), 0, false),
		0);
	assert_memory_equal(before, after, sizeof(before));
	assert_non_null(strstr(r.err_text,
		"configuration space not written: "
		"kernel driver virtio-pci owns the device"));
}

static int
check_hotplug(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a;
	int fds;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (seen.probes != 1)
		return 1;
	fds = pcitest_count_fds();
	if (rte_dev_probe("00:04.0,key=hot") != 0 || seen.probes != 2 ||
		strcmp(seen.args[1], "key=hot") != 0)
		return 2;
	a = pcitest_find("0000:00:04.0");
	if (a == NULL || !rte_dev_is_probed(&a->device) ||
		pcitest_count_maps("0000:00:04.0/resource") != 2)
		return 3;
	if (rte_dev_probe("0000:00:04.0") != -EEXIST)
		return 4;
	if (rte_dev_remove(&a->device) != 0 || seen.removes != 1)
		return 5;
	if (pcitest_find("0000:00:04.0") != NULL ||
		pcitest_count_maps("0000:00:04.0/resource") != 0 ||
		pcitest_count_fds() != fds)
		return 6;
	/* Found again by the next scan. */
	if (rte_dev_probe("pci:0000:00:04.0") != 0 || seen.probes != 3)
		return 7;
	if (rte_dev_probe("0000:00:0b.0") != -ENODEV)
		return 8;
	/* The layered spelling reaches the same device. */
	a = pcitest_find("0000:00:04.0");
	if (a == NULL || rte_dev_remove(&a->device) != 0 ||
		rte_dev_probe("bus=pci,addr=0000:00:04.0") != 0 ||
		seen.probes != 4)
		return 10;
	if (rte_dev_probe("0000:00:04.0,fail=1") == 0)
		return 9;
	return 0;
}

static void
test_hotplug(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(EAL_ARGS " -a 0000:00:05.0", check_hotplug, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
	assert_non_null(strstr(r.err_text, "0000:00:0b.0"));
}

/* Devices removed and unmapped at cleanup; nothing leaked. */
static void
test_cleanup_leaks(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(pcitest_init_cleanup, "0000:00:04.0"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addr_parse),
		cmocka_unit_test(test_id_match),
		cmocka_unit_test_setup_teardown(test_scan_and_probe, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_allow_block, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_kernel_owned_untouched,
			tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(test_hotplug, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_cleanup_leaks, tree_setup,
			tree_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
