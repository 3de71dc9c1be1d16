/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* Logging: types, levels, patterns, filtering and --log-level. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <rte_log.h>
#include <rte_errno.h>

#include "eal_test_run.h"

static char *log_text;
static size_t log_len;
static FILE *log_file;

static int
capture_start(void **state)
{
	(void)state;
	log_file = open_memstream(&log_text, &log_len);
	rte_openlog_stream(log_file);
	rte_log_set_global_level(RTE_LOG_DEBUG);
	return 0;
}

static int
capture_stop(void **state)
{
	(void)state;
	rte_openlog_stream(NULL);
	fclose(log_file);
	free(log_text);
	log_text = NULL;
	return 0;
}

static const char *
captured(void)
{
	fflush(log_file);
	return log_text;
}

#define RTE_LOGTYPE_TESTAPP RTE_LOGTYPE_USER1

static void
test_filtering(void **state)
{
	int type;

	(void)state;
	type = rte_log_register("test.filter");
	assert_true(type >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_get_level(type), RTE_LOG_INFO);
	rte_log(RTE_LOG_INFO, type, "shown-info\n");
	rte_log(RTE_LOG_DEBUG, type, "hidden-debug\n");
	assert_int_equal(rte_log_set_level(type, RTE_LOG_DEBUG), 0);
	rte_log(RTE_LOG_DEBUG, type, "shown-debug\n");
	rte_log_set_global_level(RTE_LOG_ERR);
	rte_log(RTE_LOG_WARNING, type, "hidden-by-global\n");
	rte_log(RTE_LOG_ERR, type, "shown-err\n");
	assert_false(rte_log_can_log(type, RTE_LOG_WARNING));
	assert_true(rte_log_can_log(type, RTE_LOG_ERR));
	assert_int_equal(rte_log_get_global_level(), RTE_LOG_ERR);
	rte_log_set_global_level(RTE_LOG_DEBUG);
	assert_non_null(strstr(captured(), "shown-info\n"));
	assert_non_null(strstr(captured(), "shown-debug\n"));
	assert_non_null(strstr(captured(), "shown-err\n"));
	assert_null(strstr(captured(), "hidden"));
}

static void
test_rte_log_macro(void **state)
{
	(void)state;
	RTE_LOG(INFO, TESTAPP, "hello %d\n", 42);
	assert_non_null(strstr(captured(), "TESTAPP: hello 42\n"));
	RTE_LOG_DP(DEBUG, TESTAPP, "compiled out\n");
	assert_null(strstr(captured(), "compiled out"));
	RTE_LOG_DP(INFO, TESTAPP, "data path\n");
	assert_non_null(strstr(captured(), "TESTAPP: data path\n"));
}

static void
test_register(void **state)
{
	int a, b;

	(void)state;
	a = rte_log_register("test.same");
	b = rte_log_register("test.same");
	assert_int_equal(a, b);
	assert_int_equal(rte_log_register(NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_log_register(""), -1);
	assert_int_equal(rte_log_register_type_and_pick_level("test.bad", 0),
		-1);
	a = rte_log_register_type_and_pick_level("test.pick", RTE_LOG_WARNING);
	assert_int_equal(rte_log_get_level(a), RTE_LOG_WARNING);
	/* The fixed types have names too. */
	assert_int_equal(rte_log_register("lib.eal"), RTE_LOGTYPE_EAL);
	assert_int_equal(rte_log_register("user1"), RTE_LOGTYPE_USER1);
}

static void
test_bad_levels(void **state)
{
	(void)state;
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_EAL, 0), -1);
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_EAL, 9), -1);
	assert_int_equal(rte_log_set_level(100000, RTE_LOG_INFO), -1);
	assert_int_equal(rte_log_get_level(100000), -1);
	assert_int_equal(rte_log_set_level_pattern("x", 0), -1);
	assert_int_equal(rte_log_set_level_pattern(NULL, RTE_LOG_INFO), -1);
	assert_int_equal(rte_log_set_level_regexp("(", RTE_LOG_INFO), -1);
	assert_false(rte_log_can_log(100000, RTE_LOG_EMERG));
}

static void
test_patterns(void **state)
{
	int before, after, other;

	(void)state;
	before = rte_log_register("pmd.net.alpha");
	other = rte_log_register("lib.other");
	assert_int_equal(rte_log_set_level_pattern("pmd.net.*", RTE_LOG_DEBUG),
		0);
	assert_int_equal(rte_log_get_level(before), RTE_LOG_DEBUG);
	assert_int_equal(rte_log_get_level(other), RTE_LOG_INFO);
	/* Registered after the pattern: picks it up. */
	after = rte_log_register_type_and_pick_level("pmd.net.beta",
		RTE_LOG_NOTICE);
	assert_int_equal(rte_log_get_level(after), RTE_LOG_DEBUG);
	/* A later pattern wins over an earlier one. */
	assert_int_equal(rte_log_set_level_pattern("pmd.*", RTE_LOG_ERR), 0);
	assert_int_equal(rte_log_get_level(before), RTE_LOG_ERR);
	assert_int_equal(rte_log_set_level_regexp("^lib\\.oth", RTE_LOG_CRIT),
		0);
	assert_int_equal(rte_log_get_level(other), RTE_LOG_CRIT);
}

static void
test_dump_and_list(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	rte_log_register("test.dumped");
	f = open_memstream(&text, &len);
	rte_log_dump(f);
	rte_log_list_types(f, "test.d");
	fclose(f);
	assert_non_null(strstr(text, "global log level is"));
	assert_non_null(strstr(text, "lib.eal"));
	assert_non_null(strstr(text, "test.dumped, level is info"));
	assert_non_null(strstr(text, "\ntest.dumped\n"));
	free(text);
}

static int
eal_level_hook(int argc, char **argv, int consumed)
{
	int pmd = rte_log_register_type_and_pick_level("drv.net.hooked",
		RTE_LOG_INFO);

	(void)argc;
	(void)argv;
	(void)consumed;
	return (int)rte_log_get_global_level() * 100 +
		rte_log_get_level(RTE_LOGTYPE_EAL) * 10 +
		rte_log_get_level(pmd);
}

static void
test_log_level_option(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge -l 0 --log-level=lib.eal:debug --log-level=drv.net.*:err",
		eal_level_hook, &r);
	assert_int_equal(r.hook_ret, 8 * 100 + 8 * 10 + 4);
	eal_run("--no-huge -l 0 --log-level=warning", eal_level_hook, &r);
	assert_int_equal(r.hook_ret, 5 * 100 + 7 * 10 + 7);
	eal_run("--no-huge -l 0 --log-level 3 --log-level=^drv\\.net,crit",
		eal_level_hook, &r);
	assert_int_equal(r.hook_ret, 3 * 100 + 7 * 10 + 3);
	eal_run("--no-huge -l 0 --log-level=lib.eal:notice --log-level=lib.eal:emerg",
		eal_level_hook, &r);
	assert_int_equal(r.hook_ret, 8 * 100 + 1 * 10 + 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filtering, capture_start,
			capture_stop),
		cmocka_unit_test_setup_teardown(test_rte_log_macro,
			capture_start, capture_stop),
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_bad_levels),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_dump_and_list),
		cmocka_unit_test(test_log_level_option),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
