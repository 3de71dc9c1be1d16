/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * devargs: both spellings, the bus each string lands on (vdev through a
 * test driver, PCI addresses, full and short, on the PCI bus), every rejected
 * string, and the list (add, insert, remove, count, next, dump). No EAL
 * is needed: parsing only asks the registered buses.
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
#include <rte_errno.h>
#include <bus_driver.h>
#include <bus_vdev_driver.h>

#include "test_helpers.h"

static int
dtest_probe(struct rte_vdev_device *dev)
{
	(void)dev;
	return 0;
}

static struct rte_vdev_driver dtest_driver = {
	.probe = dtest_probe,
};

RTE_PMD_REGISTER_VDEV(net_dtest, dtest_driver);

static struct rte_bus *
vdev_bus(void)
{
	return rte_bus_find_by_name("vdev");
}

struct parse_case {
	const char *str;
	const char *name;
	const char *bus; /* NULL: no registered bus */
	const char *args;
};

static const struct parse_case parse_cases[] = {
	{ "net_dtest0", "net_dtest0", "vdev", "" },
	{ "net_dtest0,a=1,b=[2,3]", "net_dtest0", "vdev", "a=1,b=[2,3]" },
	{ "vdev:net_dtest1,x=y", "net_dtest1", "vdev", "x=y" },
	{ "0000:00:01.0", "0000:00:01.0", "pci", "" },
	{ "00:02.1,arg=1", "00:02.1", "pci", "arg=1" },
};

static void
test_parse_legacy(void **state)
{
	struct rte_devargs da;
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];

		if (rte_devargs_parse(&da, c->str) != 0)
			fail_msg("'%s' rejected", c->str);
		assert_string_equal(da.name, c->name);
		assert_string_equal(da.args, c->args);
		if (c->bus == NULL)
			assert_null(da.bus);
		else
			assert_ptr_equal(da.bus, rte_bus_find_by_name(c->bus));
		rte_devargs_reset(&da);
		assert_null(da.data);
	}
}

static void
test_parse_layers(void **state)
{
	struct rte_devargs da;

	(void)state;
	assert_int_equal(rte_devargs_parse(&da,
				 "bus=vdev,name=net_dtest2/class=eth,mac=1/driver=net_dtest,x=1"),
		0);
	assert_string_equal(da.name, "net_dtest2");
	assert_ptr_equal(da.bus, vdev_bus());
	assert_string_equal(da.bus_str, "bus=vdev,name=net_dtest2");
	assert_string_equal(da.cls_str, "class=eth,mac=1");
	assert_string_equal(da.drv_str, "driver=net_dtest,x=1");
	rte_devargs_reset(&da);
	/* A '/' inside a value is not a layer boundary. */
	assert_int_equal(rte_devargs_parse(&da,
				 "bus=vdev,name=net_dtest3/driver=x,path=/tmp/a"),
		0);
	assert_string_equal(da.drv_str, "driver=x,path=/tmp/a");
	rte_devargs_reset(&da);
}

struct bad_case {
	const char *str;
	int ret;
};

static const struct bad_case bad_cases[] = {
	{ "", -EINVAL },
	{ ",a=1", -EINVAL },
	{ "foo0", -EFAULT },
	{ "vdev:foo0", -EFAULT },
	{ "nosuchbus:net_dtest0", -EFAULT },
	{ "net_dtest_this_name_is_far_too_long_for_a_device_name_0123456789",
		-EINVAL },
	{ "bus=nosuch,name=x", -EINVAL },
	{ "bus=vdev,nome=x", -EINVAL },
	{ "class=eth", -EINVAL },
	{ "bus=vdev,name=net_dtest0/bus=vdev", -EINVAL },
};

static void
test_parse_bad(void **state)
{
	struct rte_devargs da;
	size_t i;
	int ret;

	(void)state;
	for (i = 0; i < RTE_DIM(bad_cases); i++) {
		ret = rte_devargs_parse(&da, bad_cases[i].str);
		if (ret != bad_cases[i].ret)
			fail_msg("'%s': %d, want %d", bad_cases[i].str, ret,
				bad_cases[i].ret);
		assert_null(da.data);
	}
	assert_int_equal(rte_devargs_parse(NULL, "net_dtest0"), -EINVAL);
	assert_int_equal(rte_devargs_parse(&da, NULL), -EINVAL);
}

static void
test_parsef(void **state)
{
	struct rte_devargs da;

	(void)state;
	assert_int_equal(rte_devargs_parsef(&da, "net_dtest%d,size=%s", 4, "64"),
		0);
	assert_string_equal(da.name, "net_dtest4");
	assert_string_equal(da.args, "size=64");
	rte_devargs_reset(&da);
	assert_int_equal(rte_devargs_parsef(&da, "nothing%d", 1), -EFAULT);
	assert_int_equal(rte_devargs_parsef(NULL, "x"), -EINVAL);
}

static int
list_clear(void **state)
{
	struct rte_devargs *da;

	(void)state;
	while ((da = rte_devargs_next(NULL, NULL)) != NULL)
		assert_int_equal(rte_devargs_remove(da), 0);
	vdev_bus()->conf.scan_mode = RTE_BUS_SCAN_UNDEFINED;
	return 0;
}

static unsigned int
count_on(const char *bus)
{
	struct rte_devargs *da;
	unsigned int n = 0;

	RTE_EAL_DEVARGS_FOREACH(bus, da)
	n++;
	return n;
}

static void
test_list(void **state)
{
	struct rte_devargs *da;

	(void)state;
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_dtest5,a=1"),
		0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_ALLOWED, "0000:00:03.0"),
		0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_BLOCKED, "net_dtest6"), 0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "nope0"), -EFAULT);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, NULL), -EINVAL);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), 1);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_ALLOWED), 1);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_BLOCKED), 1);
	assert_int_equal(count_on("vdev"), 2);
	assert_int_equal(count_on("pci"), 1);
	assert_int_equal(count_on(NULL), 3);
	assert_int_equal(count_on("nosuch"), 0);
	/* The first allowed-or-blocked entry set the bus's scan mode. */
	assert_int_equal(vdev_bus()->conf.scan_mode, RTE_BUS_SCAN_ALLOWLIST);
	da = rte_devargs_next("vdev", NULL);
	assert_string_equal(da->name, "net_dtest5");
	da = rte_devargs_next("vdev", da);
	assert_string_equal(da->name, "net_dtest6");
	assert_int_equal(da->policy, RTE_DEV_BLOCKED);
	assert_null(rte_devargs_next("vdev", da));
}

static void
test_insert_remove(void **state)
{
	struct rte_devargs *da = calloc(1, sizeof(*da)), *first;

	(void)state;
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_dtest7,a=1"),
		0);
	first = rte_devargs_next(NULL, NULL);
	/* The same device again: the listed entry takes the new arguments. */
	assert_int_equal(rte_devargs_parse(da, "net_dtest7,a=2"), 0);
	assert_int_equal(rte_devargs_insert(&da), 0);
	assert_ptr_equal(da, first);
	assert_string_equal(first->args, "a=2");
	assert_int_equal(count_on(NULL), 1);
	/* Inserting a listed entry changes nothing. */
	assert_int_equal(rte_devargs_insert(&da), 0);
	assert_int_equal(count_on(NULL), 1);
	assert_int_equal(rte_devargs_insert(NULL), -EINVAL);
	assert_int_equal(rte_devargs_remove(da), 0);
	assert_int_equal(count_on(NULL), 0);
	/* Not listed (any more): 1. */
	da = calloc(1, sizeof(*da));
	assert_int_equal(rte_devargs_parse(da, "net_dtest7"), 0);
	assert_int_equal(rte_devargs_remove(da), 1);
	rte_devargs_reset(da);
	free(da);
	assert_int_equal(rte_devargs_remove(NULL), -EINVAL);
}

static void
test_dump(void **state)
{
	FILE *f = tmpfile();
	char text[1024];
	size_t n;

	(void)state;
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "net_dtest8,k=v"),
		0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_BLOCKED, "0000:00:04.0"),
		0);
	rte_devargs_dump(f);
	rewind(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_non_null(strstr(text, "vdev net_dtest8 (virtual): k=v"));
	assert_non_null(strstr(text, "pci 0000:00:04.0 (blocked"));
	rte_devargs_dump(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_legacy),
		cmocka_unit_test(test_parse_layers),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parsef),
		cmocka_unit_test_teardown(test_list, list_clear),
		cmocka_unit_test_teardown(test_insert_remove, list_clear),
		cmocka_unit_test_teardown(test_dump, list_clear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
