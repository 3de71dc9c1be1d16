/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The vdev bus with drivers registered by this test binary: --vdev
 * probing (arguments passed through, alias and longest-prefix matching),
 * init failures with one clear line, hot-plug in all its spellings, the
 * device iterator, removal at cleanup, and no fd or thread left behind.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <rte_alarm.h>
#include <rte_bus.h>
#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_kvargs.h>
#include <bus_driver.h>
#include <bus_vdev_driver.h>

#include "test_helpers.h"
#include "../eal/eal_test_run.h"

#define MAX_SEEN 8

/* What the test drivers saw; each child starts from a fresh copy. */
static struct {
	int probes, removes, long_probes;
	char names[MAX_SEEN][RTE_DEV_NAME_MAX_LEN];
	char args[MAX_SEEN][128];
} seen;

static int
testdev_probe(struct rte_vdev_device *dev)
{
	struct rte_kvargs *kv = rte_kvargs_parse(rte_vdev_device_args(dev),
		NULL);
	int fail = rte_kvargs_get(kv, "fail") != NULL;

	rte_kvargs_free(kv);
	if (fail)
		return -EIO;
	if (seen.probes < MAX_SEEN) {
		const char *name = rte_vdev_device_name(dev);

		snprintf(seen.names[seen.probes], RTE_DEV_NAME_MAX_LEN, "%s",
			name != NULL ? name : "(null)");
		snprintf(seen.args[seen.probes], 128, "%s",
			rte_vdev_device_args(dev));
	}
	seen.probes++;
	return 0;
}

static int
testdev_remove(struct rte_vdev_device *dev)
{
	(void)dev;
	seen.removes++;
	return 0;
}

static struct rte_vdev_driver testdev_driver = {
	.probe = testdev_probe,
	.remove = testdev_remove,
};

RTE_PMD_REGISTER_VDEV(net_testdev, testdev_driver);
RTE_PMD_REGISTER_ALIAS(net_testdev, eth_testdev);
RTE_PMD_REGISTER_PARAM_STRING(net_testdev, "fail=<any> key=<string>");

/* A driver whose name extends the other's: it must win its devices. */
static int
testdev_long_probe(struct rte_vdev_device *dev)
{
	(void)dev;
	seen.long_probes++;
	return 0;
}

static struct rte_vdev_driver testdev_long_driver = {
	.probe = testdev_long_probe,
	.remove = testdev_remove,
};

RTE_PMD_REGISTER_VDEV(net_testdev_long, testdev_long_driver);

static int
dev_name_is(const struct rte_device *dev, const void *name)
{
	return strcmp(rte_dev_name(dev), name);
}

static struct rte_device *
vdev_find(const char *name)
{
	struct rte_bus *bus = rte_bus_find_by_name("vdev");

	return bus->find_device(NULL, dev_name_is, name);
}

static int
check_probe_args(int argc, char **argv, int consumed)
{
	struct rte_device *dev = vdev_find("net_testdev0");

	(void)argc;
	(void)argv;
	(void)consumed;
	if (seen.probes != 1 || dev == NULL)
		return 1;
	if (strcmp(seen.names[0], "net_testdev0") != 0 ||
		strcmp(seen.args[0], "key=val,n=[1,2]") != 0)
		return 2;
	if (!rte_dev_is_probed(dev) ||
		strcmp(rte_driver_name(rte_dev_driver(dev)), "net_testdev") !=
			0 ||
		rte_dev_bus(dev) != rte_bus_find_by_name("vdev") ||
		rte_dev_numa_node(dev) != SOCKET_ID_ANY ||
		strcmp(rte_dev_devargs(dev)->args, "key=val,n=[1,2]") != 0 ||
		rte_dev_devargs(dev)->type != RTE_DEVTYPE_VIRTUAL)
		return 3;
	return 0;
}

static void
run_ok(const char *args, eal_run_hook hook)
{
	struct eal_run r;

	eal_run(args, hook, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("'%s': init %d (rte_errno %d), hook %d, status %d: %s",
			args, r.ret, r.err, r.hook_ret, r.status, r.err_text);
}

static void
test_vdev_option(void **state)
{
	(void)state;
	run_ok("--no-huge -l 0 --vdev net_testdev0,key=val,n=[1,2]",
		check_probe_args);
}

static int
check_alias_and_prefix(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	if (seen.probes != 2 || seen.long_probes != 1)
		return 1;
	if (vdev_find("eth_testdev0") == NULL ||
		vdev_find("net_testdev3") == NULL)
		return 2;
	if (strcmp(rte_driver_name(
			   rte_dev_driver(vdev_find("net_testdev_long1"))),
		    "net_testdev_long") != 0)
		return 3;
	return 0;
}

static void
test_alias_and_prefix(void **state)
{
	(void)state;
	run_ok("--no-huge -l 0 --vdev eth_testdev0 --vdev net_testdev3 "
	       "--vdev net_testdev_long1",
		check_alias_and_prefix);
}

struct fail_case {
	const char *args;
	int err;
	const char *says;
};

static const struct fail_case fail_cases[] = {
	{ "--no-huge -l 0 --vdev net_nosuch0", ENODEV, "net_nosuch0" },
	{ "--no-huge -l 0 --vdev net_testdev0,fail=1", EIO, "net_testdev0" },
	{ "--no-huge -l 0 -a nosuchdev0", ENODEV, "nosuchdev0" },
};

static void
test_init_failures(void **state)
{
	struct eal_run r;
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(fail_cases); i++) {
		const struct fail_case *c = &fail_cases[i];

		eal_run(c->args, NULL, &r);
		if (r.ret != -1 || r.err != c->err || r.status != 0 ||
			eal_run_lines(r.err_text) != 1 ||
			strstr(r.err_text, c->says) == NULL)
			fail_msg("'%s': init %d, rte_errno %d (want %d), "
				 "stderr: %s",
				c->args, r.ret, r.err, c->err, r.err_text);
	}
}

static int
check_pci_kept(int argc, char **argv, int consumed)
{
	struct rte_devargs *da = rte_devargs_next("pci", NULL);

	(void)argc;
	(void)argv;
	(void)consumed;
	return da == NULL || strcmp(da->name, "0000:00:01.0") != 0 ||
		da->bus != rte_bus_find_by_name("pci");
}

static void
test_pci_address_kept(void **state)
{
	(void)state;
	run_ok("--no-huge -l 0 -a 0000:00:01.0", check_pci_kept);
}

static int
check_hotplug(int argc, char **argv, int consumed)
{
	struct rte_device *dev;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (rte_dev_probe("net_testdev9,size=64") != 0)
		return 1;
	dev = vdev_find("net_testdev9");
	if (dev == NULL || !rte_dev_is_probed(dev) ||
		strcmp(seen.args[0], "size=64") != 0)
		return 2;
	if (rte_dev_probe("net_testdev9") != -EEXIST)
		return 3;
	if (rte_dev_remove(dev) != 0 || seen.removes != 1 ||
		vdev_find("net_testdev9") != NULL ||
		rte_devargs_next("vdev", NULL) != NULL)
		return 4;
	if (rte_eal_hotplug_add("vdev", "net_testdev8", "a=b") != 0 ||
		strcmp(seen.args[1], "a=b") != 0)
		return 5;
	if (rte_eal_hotplug_remove("vdev", "net_testdev8") != 0 ||
		seen.removes != 2)
		return 6;
	return 0;
}

static void
test_hotplug(void **state)
{
	(void)state;
	run_ok("--no-huge -l 0", check_hotplug);
}

static int
check_hotplug_errors(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	if (rte_eal_hotplug_remove("vdev", "net_testdev5") != -EINVAL)
		return 1;
	if (rte_eal_hotplug_remove("nosuchbus", "net_testdev5") != -ENOENT)
		return 2;
	if (rte_eal_hotplug_remove(NULL, "x") != -EINVAL ||
		rte_eal_hotplug_add("vdev", NULL, NULL) != -EINVAL)
		return 3;
	if (rte_dev_remove(NULL) != -EINVAL || rte_dev_probe(NULL) != -EINVAL)
		return 4;
	if (rte_dev_probe("net_nosuch1") != -EFAULT ||
		rte_eal_hotplug_add("vdev", "net_nosuch2", "") != -EFAULT)
		return 5;
	if (rte_dev_probe("0000:00:01.0") != -ENODEV)
		return 6;
	/* A failing probe leaves the device unprobed: remove is -ENOENT. */
	if (rte_dev_probe("net_testdev4,fail=1") != -EIO ||
		rte_dev_remove(vdev_find("net_testdev4")) != -ENOENT)
		return 7;
	return 0;
}

static void
test_hotplug_errors(void **state)
{
	(void)state;
	run_ok("--no-huge -l 0", check_hotplug_errors);
}

static int
check_vdev_init(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	if (rte_vdev_init("net_testdev7", "x=1") != 0 || seen.probes != 1 ||
		strcmp(seen.args[0], "x=1") != 0)
		return 1;
	if (rte_vdev_init("net_testdev7", NULL) != -EEXIST)
		return 2;
	if (rte_vdev_init("net_nosuch3", NULL) != -EFAULT ||
		rte_vdev_init(NULL, NULL) != -EINVAL)
		return 3;
	if (rte_vdev_init("net_testdev6", "fail=1") != -EIO ||
		vdev_find("net_testdev6") != NULL)
		return 4;
	if (rte_vdev_uninit("net_testdev7") != 0 || seen.removes != 1)
		return 5;
	if (rte_vdev_uninit("net_testdev7") != -ENOENT ||
		rte_vdev_uninit(NULL) != -EINVAL)
		return 6;
	return 0;
}

static void
test_vdev_init(void **state)
{
	(void)state;
	run_ok("--no-huge -l 0", check_vdev_init);
}

static int
check_iterator(int argc, char **argv, int consumed)
{
	struct rte_dev_iterator it;
	struct rte_device *dev;
	int all = 0, named = 0;

	(void)argc;
	(void)argv;
	(void)consumed;
	RTE_DEV_FOREACH (dev, "bus=vdev", &it)
		all++;
	RTE_DEV_FOREACH (dev, "bus=vdev,name=net_testdev2/class=eth", &it)
		named += strcmp(rte_dev_name(dev), "net_testdev2") == 0;
	if (all != 2 || named != 1)
		return 1;
	if (rte_dev_iterator_init(&it, "net_testdev1") != -EINVAL ||
		rte_dev_iterator_init(&it, "bus=nosuch") != -EINVAL)
		return 2;
	return 0;
}

static void
test_iterator(void **state)
{
	(void)state;
	run_ok("--no-huge -l 0 --vdev net_testdev1 --vdev net_testdev2",
		check_iterator);
}

static void
custom_scan_add(void *arg)
{
	(void)arg;
	rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_testdev5,from=scan");
}

static int
check_custom_scan(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	if (rte_vdev_add_custom_scan(custom_scan_add, NULL) != 0 ||
		rte_vdev_add_custom_scan(custom_scan_add, NULL) != 0)
		return 1;
	rte_bus_scan();
	if (rte_bus_probe() != 0 || seen.probes != 1 ||
		strcmp(seen.args[0], "from=scan") != 0)
		return 2;
	if (rte_vdev_remove_custom_scan(custom_scan_add, (void *)-1) != 0 ||
		rte_vdev_remove_custom_scan(custom_scan_add, NULL) != -ENOENT)
		return 3;
	return 0;
}

static void
test_custom_scan(void **state)
{
	(void)state;
	run_ok("--no-huge -l 0", check_custom_scan);
}

static int
count_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void
noop_alarm(void *arg)
{
	(void)arg;
}

/* Devices are removed at cleanup; fds and threads all go away. */
static int
init_cleanup_leaks(void *arg)
{
	char *argv[] = { "test", "--no-huge", "-l", "0", "--vdev",
		"net_testdev0", "--vdev", "net_testdev_long0", NULL };
	int fds = count_dir("/proc/self/fd");

	(void)arg;
	if (rte_eal_init(TEST_ARGC(argv), argv) < 0)
		return 10;
	if (rte_dev_probe("net_testdev1") != 0 ||
		rte_eal_alarm_set(1000000, noop_alarm, NULL) != 0)
		return 11;
	if (count_dir("/proc/self/task") < 2)
		return 12; /* the interrupt thread runs */
	rte_eal_cleanup();
	if (seen.removes != 3)
		return 13;
	if (count_dir("/proc/self/fd") != fds)
		return 14;
	if (count_dir("/proc/self/task") != 1)
		return 15;
	return TEST_LEAKS_FOUND() ? 16 : 0;
}

static void
test_cleanup_and_leaks(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(init_cleanup_leaks, NULL), 0);
}

static int
reset_seen(void **state)
{
	(void)state;
	memset(&seen, 0, sizeof(seen));
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_vdev_option, reset_seen),
		cmocka_unit_test_setup(test_alias_and_prefix, reset_seen),
		cmocka_unit_test_setup(test_init_failures, reset_seen),
		cmocka_unit_test_setup(test_pci_address_kept, reset_seen),
		cmocka_unit_test_setup(test_hotplug, reset_seen),
		cmocka_unit_test_setup(test_hotplug_errors, reset_seen),
		cmocka_unit_test_setup(test_vdev_init, reset_seen),
		cmocka_unit_test_setup(test_iterator, reset_seen),
		cmocka_unit_test_setup(test_custom_scan, reset_seen),
		cmocka_unit_test_setup(test_cleanup_and_leaks, reset_seen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
