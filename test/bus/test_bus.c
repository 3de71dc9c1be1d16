/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The bus framework with a test bus ("tbus", devices "tb<N>"): lookups,
 * registration rules, the IOVA vote, the -a/-b policy helpers, and what
 * rte_eal_init()/rte_eal_cleanup() call (scan before memory, probe at
 * the end, cleanup at the end) and how a failing probe fails init.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <bus_driver.h>
#include <dev_driver.h>

#include "test_helpers.h"
#include "../eal/eal_test_run.h"

#define TBUS_NB_DEV 3

static struct rte_device tbus_devs[TBUS_NB_DEV];
static const struct rte_driver tbus_driver = { .name = "tbus_drv" };
static const char *const tbus_names[TBUS_NB_DEV] = { "tb0", "tb1", "tb2" };

static struct {
	int scans, probes, cleanups;
	bool memory_at_scan; /* the IOVA mode was chosen at scan */
	bool probe_fails;
	enum rte_iova_mode iova;
} tbus_state;

static struct rte_bus tbus;

static int
tbus_scan(void)
{
	int i;

	tbus_state.scans++;
	/* Memory init picks the IOVA mode: not yet. */
	tbus_state.memory_at_scan = rte_eal_iova_mode() != RTE_IOVA_DC;
	for (i = 0; i < TBUS_NB_DEV; i++) {
		tbus_devs[i].name = tbus_names[i];
		tbus_devs[i].bus = &tbus;
		tbus_devs[i].numa_node = SOCKET_ID_ANY;
	}
	return 0;
}

static int
tbus_probe(void)
{
	int i;

	tbus_state.probes++;
	if (tbus_state.probe_fails)
		return -EIO;
	for (i = 0; i < TBUS_NB_DEV; i++)
		if (!rte_bus_device_is_ignored(&tbus, tbus_devs[i].name, NULL))
			tbus_devs[i].driver = &tbus_driver;
	return 0;
}

static struct rte_device *
tbus_find_device(const struct rte_device *start, rte_dev_cmp_t cmp,
	const void *data)
{
	int i = start != NULL ? (int)(start - tbus_devs) + 1 : 0;

	for (; i < TBUS_NB_DEV; i++)
		if (tbus_devs[i].name != NULL && cmp(&tbus_devs[i], data) == 0)
			return &tbus_devs[i];
	return NULL;
}

static int
tbus_parse(const char *name, void *addr)
{
	(void)addr;
	return strncmp(name, "tb", 2) != 0;
}

static int
tbus_cleanup(void)
{
	int i;

	tbus_state.cleanups++;
	for (i = 0; i < TBUS_NB_DEV; i++)
		tbus_devs[i].driver = NULL;
	return 0;
}

static enum rte_iova_mode
tbus_iommu_class(void)
{
	return tbus_state.iova;
}

static struct rte_bus tbus = {
	.scan = tbus_scan,
	.probe = tbus_probe,
	.find_device = tbus_find_device,
	.parse = tbus_parse,
	.cleanup = tbus_cleanup,
	.get_iommu_class = tbus_iommu_class,
};

RTE_REGISTER_BUS(tbus, tbus);

/* A bus without the mandatory operations. */
static struct rte_bus broken_bus = { .name = "broken" };

static int
name_starts_with_t(const struct rte_bus *bus, const void *data)
{
	(void)data;
	return bus->name[0] != 't';
}

static int
any_bus(const struct rte_bus *bus, const void *data)
{
	(void)bus;
	(void)data;
	return 0;
}

static void
test_lookups(void **state)
{
	struct rte_bus *vdev = rte_bus_find_by_name("vdev"), *first;
	FILE *f = tmpfile();
	char text[256];
	size_t n;

	(void)state;
	assert_ptr_equal(rte_bus_find_by_name("tbus"), &tbus);
	assert_non_null(vdev);
	assert_null(rte_bus_find_by_name("nosuch"));
	assert_null(rte_bus_find_by_name(NULL));
	assert_string_equal(rte_bus_name(&tbus), "tbus");
	assert_ptr_equal(rte_bus_find(NULL, name_starts_with_t, NULL), &tbus);
	/* The search starts after start. */
	first = rte_bus_find(NULL, any_bus, NULL);
	assert_non_null(first);
	assert_ptr_not_equal(rte_bus_find(first, any_bus, NULL), first);
	assert_null(rte_bus_find(&tbus, name_starts_with_t, NULL));
	assert_ptr_equal(rte_bus_find_by_device_name("tb1,x=1"), &tbus);
	assert_null(rte_bus_find_by_device_name("zz0"));
	tbus_scan();
	assert_ptr_equal(rte_bus_find_by_device(&tbus_devs[1]), &tbus);
	assert_null(rte_bus_find_by_device(NULL));
	rte_bus_dump(f);
	rewind(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_non_null(strstr(text, "tbus\n"));
	assert_non_null(strstr(text, "vdev\n"));
}

static void
test_register_rules(void **state)
{
	(void)state;
	rte_bus_register(&broken_bus);
	assert_null(rte_bus_find_by_name("broken"));
	/* Twice is once. */
	rte_bus_register(&tbus);
	assert_ptr_equal(rte_bus_find_by_name("tbus"), &tbus);
	assert_null(rte_bus_find(&tbus, name_starts_with_t, NULL));
	rte_bus_unregister(&broken_bus);
	rte_bus_unregister(NULL);
}

static void
test_iommu_class(void **state)
{
	(void)state;
	tbus_state.iova = RTE_IOVA_DC;
	assert_int_equal(rte_bus_get_iommu_class(), RTE_IOVA_DC);
	tbus_state.iova = RTE_IOVA_VA;
	assert_int_equal(rte_bus_get_iommu_class(), RTE_IOVA_VA);
	tbus_state.iova = RTE_IOVA_PA;
	assert_int_equal(rte_bus_get_iommu_class(), RTE_IOVA_PA);
	tbus_state.iova = RTE_IOVA_DC;
}

static void
devargs_clear(void)
{
	struct rte_devargs *da;

	while ((da = rte_devargs_next(NULL, NULL)) != NULL)
		rte_devargs_remove(da);
	tbus.conf.scan_mode = RTE_BUS_SCAN_UNDEFINED;
}

static void
test_policy(void **state)
{
	(void)state;
	/* No list: everything goes. */
	assert_false(rte_bus_device_is_ignored(&tbus, "tb1", NULL));
	/* -a tb1: only tb1. */
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_ALLOWED, "tb1"), 0);
	assert_int_equal(tbus.conf.scan_mode, RTE_BUS_SCAN_ALLOWLIST);
	assert_false(rte_bus_device_is_ignored(&tbus, "tb1", NULL));
	assert_true(rte_bus_device_is_ignored(&tbus, "tb2", NULL));
	assert_string_equal(rte_bus_devargs_lookup(&tbus, "tb1", NULL)->name,
		"tb1");
	assert_null(rte_bus_devargs_lookup(&tbus, "tb2", NULL));
	devargs_clear();
	/* -b tb2: all but tb2. */
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_BLOCKED, "tbus:tb2"), 0);
	assert_int_equal(tbus.conf.scan_mode, RTE_BUS_SCAN_BLOCKLIST);
	assert_false(rte_bus_device_is_ignored(&tbus, "tb1", NULL));
	assert_true(rte_bus_device_is_ignored(&tbus, "tb2", NULL));
	devargs_clear();
}

static int
check_after_init(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	if (tbus_state.scans != 1 || tbus_state.probes != 1)
		return 1;
	/* Scanned before memory existed, probed after. */
	if (tbus_state.memory_at_scan)
		return 2;
	if (!rte_dev_is_probed(&tbus_devs[0]) ||
		rte_dev_is_probed(&tbus_devs[1]))
		return 3;
	if (rte_dev_driver(&tbus_devs[0]) != &tbus_driver ||
		strcmp(rte_driver_name(rte_dev_driver(&tbus_devs[0])),
			"tbus_drv") != 0 ||
		rte_dev_bus(&tbus_devs[0]) != &tbus ||
		rte_dev_numa_node(&tbus_devs[0]) != SOCKET_ID_ANY ||
		strcmp(rte_dev_name(&tbus_devs[0]), "tb0") != 0)
		return 4;
	return 0;
}

static void
test_eal_calls(void **state)
{
	struct eal_run r;

	(void)state;
	memset(&tbus_state, 0, sizeof(tbus_state));
	/* -b tb1 reaches the test bus as its policy. */
	eal_run("--no-huge -l 0 -b tb1 -b tb2", check_after_init, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d (rte_errno %d) hook %d: %s", r.ret, r.err,
			r.hook_ret, r.err_text);
}

static int
init_and_cleanup(void *arg)
{
	char *argv[] = { "test", "--no-huge", "-l", "0", NULL };

	(void)arg;
	if (rte_eal_init(TEST_ARGC(argv), argv) < 0)
		return 10;
	if (tbus_state.cleanups != 0)
		return 11;
	rte_eal_cleanup();
	if (tbus_state.cleanups != 1)
		return 12;
	return TEST_LEAKS_FOUND() ? 13 : 0;
}

static void
test_cleanup_called(void **state)
{
	(void)state;
	memset(&tbus_state, 0, sizeof(tbus_state));
	assert_int_equal(test_in_child(init_and_cleanup, NULL), 0);
}

static void
test_probe_failure(void **state)
{
	struct eal_run r;

	(void)state;
	tbus_state.probe_fails = true;
	eal_run("--no-huge -l 0", NULL, &r);
	tbus_state.probe_fails = false;
	assert_int_equal(r.ret, -1);
	assert_int_equal(r.err, EIO);
	assert_int_equal(r.status, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_register_rules),
		cmocka_unit_test(test_iommu_class),
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_eal_calls),
		cmocka_unit_test(test_cleanup_called),
		cmocka_unit_test(test_probe_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
