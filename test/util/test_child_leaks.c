/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The forked children of the suites end with _exit(), which skips
 * LeakSanitizer's own check at exit: test_child_exit() (test_helpers.h)
 * runs it. A child that leaks must fail, one that frees all must pass,
 * and an EAL run (eal_run(), what every EAL suite uses) that leaks must
 * fail too. Without ASan there is nothing to check: the suite skips.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_helpers.h"
#include "eal/eal_test_run.h"

static void *volatile kept;

/* Allocates and drops the only pointer: a leak LeakSanitizer sees. */
static __attribute__((noinline)) void
leak_some(void)
{
	char *p = malloc(4096);

	if (p != NULL)
		memset(p, 1, 4096);
	kept = p;
	kept = NULL;
}

static int
child_leaks(void *arg)
{
	(void)arg;
	leak_some();
	return 0;
}

static int
child_frees(void *arg)
{
	void *p = malloc(4096);

	(void)arg;
	free(p);
	return 0;
}

static int
eal_body_leaks(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	leak_some();
	return 0;
}

static void
test_leaking_child_fails(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(child_leaks, NULL), TEST_EXIT_LEAK);
}

static void
test_clean_child_passes(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(child_frees, NULL), 0);
}

static void
test_leaking_eal_run_fails(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("-l 0 --no-huge --no-pci -m 64", eal_body_leaks, &r);
	assert_int_equal(r.ret >= 0, 1);
	assert_int_equal(r.status, TEST_EXIT_LEAK);
	assert_non_null(strstr(r.err_text, "LeakSanitizer"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leaking_child_fails),
		cmocka_unit_test(test_clean_child_passes),
		cmocka_unit_test(test_leaking_eal_run_fails),
	};

	if (!TEST_LEAKS_CHECKED)
		return test_skip("not built with AddressSanitizer: no leak "
				 "check to test");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
