/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Every error the PCI bus reports for a device, on fake sysfs trees: one
 * line that names the device and says what to do, at rte_eal_init(); and
 * the same failure through hot-plug leaves no fd open and nothing mapped.
 * Then the IOVA rules: the mode each binding needs, and the refusals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_errno.h>

#include "test_helpers.h"
#include "../eal/eal_test_run.h"
#include "fake_pci.h"
#include "pci_test.h"
#include "pci_private.h"

#define EAL_ARGS "--no-huge -l 0"
#define DEV	 "0000:00:04.0"

static struct fake_tree tree;

struct error_case {
	const char *name;
	struct fake_dev dev;
	const struct fake_dev *other; /* a second device, or NULL */
	const char *make_dir;	      /* extra directory under the root */
	bool init_fails;	      /* else the device is only skipped */
	const char *says;
};

/* UIO_DEV(...) gives defaults that the arguments override on purpose. */
#pragma GCC diagnostic ignored "-Woverride-init"
#define UIO_DEV(...) \
	{ \
		.addr = DEV, .vendor = 0x1b36, .device = 0x0005, \
		.class_id = 0x020000, .numa_node = -1, .iommu_group = -1, \
		.uio_num = -1, \
		.bars = { { .len = 0x40, .io = true }, { .len = 0x1000 } }, \
		__VA_ARGS__ \
	}

static const struct fake_dev blocker = {
	.addr = "0000:00:0a.0",
	.vendor = 0xabcd,
	.device = 0x0002,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "e1000e",
	.uio_num = -1,
	.iommu_group = 8,
	.bars = { { .len = 0x1000 } },
};

static const struct error_case cases[] = {
	{ "uio node missing", UIO_DEV(.driver = "uio_pci_generic", .uio_num = 0),
		NULL, NULL, true,
		"/dev/uio0: No such file or directory (is the uio module loaded? "
		"modprobe uio_pci_generic)" },
	{ "BAR not mappable",
		UIO_DEV(.driver = "uio_pci_generic", .uio_num = 0,
			.uio_node = true,
			.bars = { [1] = { .len = 0x1000, .file_len = 0x800 } }),
		NULL, NULL, true, "BAR 1 not mappable" },
	{ "unbound, no module", UIO_DEV(.driver = NULL), NULL, NULL, false,
		"bound to no kernel driver, and neither vfio-pci nor uio_pci_generic "
		"is loaded: modprobe vfio-pci, then pollux-devbind.py -b vfio-pci " DEV },
	{ "unbound, module loaded", UIO_DEV(.driver = NULL), NULL,
		"drivers/vfio-pci", false,
		"bound to no kernel driver: pollux-devbind.py -b vfio-pci " DEV },
	{ "kernel driver", UIO_DEV(.driver = "ixgbe"), NULL, NULL, false,
		"kernel driver ixgbe owns it, so it is left alone; to use it, "
		"pollux-devbind.py -b vfio-pci " DEV },
	{ "vfio not loaded", UIO_DEV(.driver = "vfio-pci", .iommu_group = 7),
		NULL, NULL, true,
		"/vfio/vfio: the vfio module is not loaded (modprobe vfio-pci)" },
	{ "group not viable", UIO_DEV(.driver = "vfio-pci", .iommu_group = 8),
		&blocker, NULL, true,
		"IOMMU group 8 is not viable: its other devices 0000:00:0a.0 "
		"(e1000e) are bound to kernel drivers" },
	{ "vfio without group", UIO_DEV(.driver = "vfio-pci"), NULL, NULL, true,
		"bound to vfio-pci but has no iommu_group" },
};

static int
case_tree(const struct error_case *c)
{
	char path[PATH_MAX];

	if (fake_tree_create(&tree) < 0 || fake_dev_add(&tree, &c->dev) < 0)
		return -1;
	if (c->other != NULL && fake_dev_add(&tree, c->other) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/%s", tree.root,
		c->make_dir != NULL ? c->make_dir : "");
	if (c->make_dir != NULL && mkdir(path, 0755) < 0)
		return -1;
	return 0;
}

/* The line of text that mentions the device. */
static int
lines_naming(const char *text, const char *name)
{
	const char *line = text, *end;
	int n = 0;

	for (; *line != '\0'; line = *end != '\0' ? end + 1 : end) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		if (memmem(line, (size_t)(end - line), name, strlen(name)) !=
			NULL)
			n++;
	}
	return n;
}

static const char *devices_path;

/* After an init on an empty tree: the device appears, is hot-plugged. */
static int
check_no_leak(int argc, char **argv, int consumed)
{
	int fds = pcitest_count_fds(), ret;

	(void)argc;
	(void)argv;
	(void)consumed;
	setenv("POLLUX_SYSFS_PCI", devices_path, 1);
	ret = rte_dev_probe(DEV);
	if (ret >= 0)
		return 1;
	if (pcitest_count_fds() != fds)
		return 2;
	if (pcitest_count_maps(tree.root) != 0)
		return 3;
	if (seen.probes != 0)
		return 4;
	return 0;
}

static void
run_case(const struct error_case *c)
{
	char devices[PATH_MAX], empty[PATH_MAX];
	struct eal_run r;

	memset(&seen, 0, sizeof(seen));
	if (case_tree(c) < 0)
		fail_msg("%s: cannot build the tree", c->name);
	fake_pci_env(&tree);
	eal_run(EAL_ARGS, NULL, &r);
	if ((r.ret < 0) != c->init_fails || r.status != 0)
		fail_msg("%s: init %d, status %d: %s", c->name, r.ret, r.status,
			r.err_text);
	if (strstr(r.err_text, c->says) == NULL ||
		lines_naming(r.err_text, DEV) != 1 ||
		eal_run_lines(r.err_text) != 1)
		fail_msg("%s: want one line saying \"%s\", got: %s", c->name,
			c->says, r.err_text);
	/* The same through hot-plug: nothing left open or mapped. */
	snprintf(devices, sizeof(devices), "%s/devices", tree.root);
	snprintf(empty, sizeof(empty), "%s/dev", tree.root);
	devices_path = devices;
	setenv("POLLUX_SYSFS_PCI", empty, 1);
	eal_run(EAL_ARGS, check_no_leak, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("%s: hot-plug: init %d, hook %d: %s", c->name, r.ret,
			r.hook_ret, r.err_text);
	fake_tree_destroy(&tree);
}

static void
test_device_errors(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++)
		run_case(&cases[i]);
}

/* In a child without root (root drops to nobody): the one line. */
static int
not_root_run(void *arg)
{
	struct eal_run r;

	(void)arg;
	if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		return 1;
	eal_run(EAL_ARGS, NULL, &r);
	if (r.ret >= 0)
		return 2;
	if (strstr(r.err_text, "resource1: Permission denied (run as root)") ==
			NULL ||
		eal_run_lines(r.err_text) != 1) {
		fprintf(stderr, "not root: %s", r.err_text);
		return 3;
	}
	return 0;
}

static void
test_not_root(void **state)
{
	const struct error_case c = { "not root",
		UIO_DEV(.driver = "uio_pci_generic", .uio_num = 0,
			.uio_node = true),
		NULL, NULL, true, "" };
	char dir[PATH_MAX], path[PATH_MAX + 16];

	(void)state;
	assert_int_equal(case_tree(&c), 0);
	/* Everything open to the unprivileged user but BAR 1. */
	assert_int_equal(chmod(tree.root, 0755), 0);
	fake_dev_dir(&tree, DEV, dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/config", dir);
	assert_int_equal(chmod(path, 0666), 0);
	snprintf(path, sizeof(path), "%s/dev/uio0", tree.root);
	assert_int_equal(chmod(path, 0666), 0);
	snprintf(path, sizeof(path), "%s/resource1", dir);
	assert_int_equal(chmod(path, 0), 0);
	fake_pci_env(&tree);
	assert_int_equal(test_in_child(not_root_run, NULL), 0);
	fake_tree_destroy(&tree);
}

/* Builds a device the way the scan would, for the IOVA rules. */
static void
fake_pdev(struct pci_device *pdev, enum rte_pci_kernel_driver kdrv, int group,
	bool fake)
{
	memset(pdev, 0, sizeof(*pdev));
	snprintf(pdev->pub.name, sizeof(pdev->pub.name), DEV);
	pdev->pub.kdrv = kdrv;
	snprintf(pdev->kernel_driver, sizeof(pdev->kernel_driver), "%s",
		kdrv == RTE_PCI_KDRV_VFIO ? "vfio-pci" : "uio_pci_generic");
	pdev->iommu_group = group;
	pdev->fake = fake;
	pdev->uio_fd = pdev->config_fd = pdev->vfio_dev_fd = -1;
}

static int
check_iova_rules(int argc, char **argv, int consumed)
{
	struct rte_pci_driver va_driver = pcitest_driver;
	struct pci_device pdev;

	(void)argc;
	(void)argv;
	(void)consumed;
	/* --no-huge: IOVA as VA, no hugepages. */
	if (rte_eal_iova_mode() != RTE_IOVA_VA || rte_eal_has_hugepages())
		return 1;
	fake_pdev(&pdev, RTE_PCI_KDRV_UIO_GENERIC, -1, false);
	if (pci_iova_check(&pdev, &pcitest_driver) != -EINVAL)
		return 2;
	fake_pdev(&pdev, RTE_PCI_KDRV_VFIO, 9, false); /* noiommu-9 */
	if (pci_iova_check(&pdev, &pcitest_driver) != -EINVAL)
		return 3;
	fake_pdev(&pdev, RTE_PCI_KDRV_VFIO, 7, false); /* behind an IOMMU */
	if (pci_iova_check(&pdev, &pcitest_driver) != 0)
		return 4;
	fake_pdev(&pdev, RTE_PCI_KDRV_UIO_GENERIC, -1, true);
	if (pci_iova_check(&pdev, &pcitest_driver) != 0)
		return 5;
	va_driver.drv_flags |= RTE_PCI_DRV_NEED_IOVA_AS_VA;
	fake_pdev(&pdev, RTE_PCI_KDRV_VFIO, 7, false);
	if (pci_iova_check(&pdev, &va_driver) != 0)
		return 6;
	return 0;
}

/* Without an EAL the mode is neither VA nor PA: a device behind an
 * IOMMU, which needs VA, is refused (the --iova-mode=pa branch). */
static int
type1_needs_va(void *arg)
{
	struct pci_device pdev;

	(void)arg;
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return 1;
	fake_pdev(&pdev, RTE_PCI_KDRV_VFIO, 7, false);
	return pci_iova_check(&pdev, &pcitest_driver) == -EINVAL ? 0 : 2;
}

/* The IOVA mode asked of the EAL, from the devices on the bus. */
static int
check_iommu_class(int argc, char **argv, int consumed)
{
	struct pci_device *a = PCI_PRIV(pcitest_find(DEV));
	struct pci_device *b = PCI_PRIV(pcitest_find("0000:00:05.0"));

	(void)argc;
	(void)argv;
	(void)consumed;
	/* Fake devices take IOVAs as pointers: VA. */
	if (pci_get_iommu_class() != RTE_IOVA_VA)
		return 1;
	a->fake = b->fake = false; /* as if on real sysfs, both UIO */
	if (pci_get_iommu_class() != RTE_IOVA_PA)
		return 2;
	a->pub.kdrv = b->pub.kdrv = RTE_PCI_KDRV_VFIO;
	a->iommu_group = b->iommu_group = 7;
	if (pci_get_iommu_class() != RTE_IOVA_VA)
		return 3;
	a->iommu_group = b->iommu_group = 9; /* no-IOMMU */
	if (pci_get_iommu_class() != RTE_IOVA_PA)
		return 4;
	a->iommu_group = 7; /* one of each: no mode fits both */
	if (pci_get_iommu_class() != RTE_IOVA_DC)
		return 5;
	a->pub.kdrv = b->pub.kdrv = RTE_PCI_KDRV_UIO_GENERIC;
	a->fake = b->fake = true;
	return 0;
}

static void
test_iova(void **state)
{
	const struct fake_dev b = { .addr = "0000:00:05.0",
		.vendor = 0x1b36,
		.device = 0x0006,
		.class_id = 0x020000,
		.numa_node = -1,
		.driver = "uio_pci_generic",
		.uio_num = 1,
		.uio_node = true,
		.iommu_group = -1,
		.bars = { { .len = 0x20000 } } };
	const struct error_case c = { "iova",
		UIO_DEV(.driver = "uio_pci_generic", .uio_num = 0,
			.uio_node = true),
		&b, NULL, false, "" };
	char path[PATH_MAX];
	struct eal_run r;

	(void)state;
	assert_int_equal(case_tree(&c), 0);
	snprintf(path, sizeof(path), "%s/dev/vfio/noiommu-9", tree.root);
	assert_int_equal(fake_write(tree.root, "dev/vfio/noiommu-9", "%s", ""),
		0);
	fake_pci_env(&tree);
	eal_run(EAL_ARGS " -b " DEV " -b 0000:00:05.0", check_iova_rules, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("rules: init %d, hook %d: %s", r.ret, r.hook_ret,
			r.err_text);
	assert_non_null(strstr(r.err_text,
		DEV ": uio_pci_generic gives the "
		    "device physical addresses, which need hugepages"));
	assert_non_null(strstr(r.err_text,
		DEV ": vfio-pci in no-IOMMU mode "
		    "gives the device physical addresses"));
	assert_int_equal(eal_run_lines(r.err_text), 2);
	eal_run(EAL_ARGS, check_iommu_class, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("class: init %d, hook %d: %s", r.ret, r.hook_ret,
			r.err_text);
	assert_non_null(strstr(r.err_text, "cannot run together"));
	assert_int_equal(test_in_child(type1_needs_va, NULL), 0);
	fake_tree_destroy(&tree);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_device_errors),
		cmocka_unit_test(test_not_root),
		cmocka_unit_test(test_iova),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
