/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_panic, RTE_VERIFY, RTE_ASSERT, rte_exit and rte_dump_stack. Each
 * fatal call runs in a forked child whose stderr (where the log goes by
 * default) is a temporary file that the parent then reads.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_log.h>

#include "test_helpers.h"

/* Output of the last child. */
static char child_output[16384];

struct child_call {
	int (*fn)(void *);
	int stderr_fd;
};

static int
child_trampoline(void *arg)
{
	struct child_call *call = arg;

	if (dup2(call->stderr_fd, STDERR_FILENO) < 0)
		return 100;
	return call->fn(NULL);
}

/* Runs fn in a child with stderr captured into child_output. */
static int
run_captured(int (*fn)(void *))
{
	char path[] = "/tmp/pollux_test_debug_XXXXXX";
	struct child_call call = { .fn = fn };
	ssize_t len;
	int status;

	call.stderr_fd = mkstemp(path);
	assert_true(call.stderr_fd >= 0);
	unlink(path);
	status = test_in_child(child_trampoline, &call);
	len = pread(call.stderr_fd, child_output, sizeof(child_output) - 1, 0);
	close(call.stderr_fd);
	child_output[len > 0 ? len : 0] = '\0';
	return status;
}

static bool
output_has(const char *text)
{
	if (strstr(child_output, text) != NULL)
		return true;
	printf("expected \"%s\" in:\n%s\n", text, child_output);
	return false;
}

static int
child_panic(void *arg)
{
	(void)arg;
	rte_panic("the answer is %d\n", 42);
}

static void
test_panic_aborts_with_message(void **state)
{
	(void)state;
	assert_int_equal(run_captured(child_panic), 128 + SIGABRT);
	assert_true(output_has("PANIC in child_panic()"));
	assert_true(output_has("the answer is 42"));
}

static int
child_panic_plain(void *arg)
{
	(void)arg;
	rte_panic("no arguments at all\n");
}

static void
test_panic_format_only(void **state)
{
	(void)state;
	assert_int_equal(run_captured(child_panic_plain), 128 + SIGABRT);
	assert_true(output_has("no arguments at all"));
}

static int
child_verify_false(void *arg)
{
	int broken = 0;

	(void)arg;
	RTE_VERIFY(broken == 1);
	return 0;
}

static void
test_verify(void **state)
{
	int calls = 0;

	(void)state;
	RTE_VERIFY(calls == 0); /* true: nothing happens */
	/* RTE_ENABLE_ASSERT is not defined: RTE_ASSERT is compiled out,
	 * its expression not even evaluated. */
	RTE_ASSERT(++calls == 100);
	assert_int_equal(calls, 0);

	assert_int_equal(run_captured(child_verify_false), 128 + SIGABRT);
	assert_true(output_has("broken == 1"));
}

static int
child_exit_3(void *arg)
{
	(void)arg;
	rte_exit(3, "cannot continue: %s\n", "no ports");
}

static void
test_exit_error(void **state)
{
	(void)state;
	assert_int_equal(run_captured(child_exit_3), 3);
	assert_true(output_has("EAL: Error - exiting with code: 3"));
	assert_true(output_has("  Cause: cannot continue: no ports"));
}

static int
child_exit_0(void *arg)
{
	(void)arg;
	rte_exit(0, "all done\n");
}

static void
test_exit_success(void **state)
{
	(void)state;
	assert_int_equal(run_captured(child_exit_0), 0);
	assert_true(output_has("all done"));
	assert_null(strstr(child_output, "Cause"));
}

static int
child_dump_stack(void *arg)
{
	(void)arg;
	rte_dump_stack();
	return 0;
}

static void
test_dump_stack(void **state)
{
	(void)state;
	assert_int_equal(run_captured(child_dump_stack), 0);
	/* Frames are numbered from the caller of rte_dump_stack(). */
	assert_true(output_has("#0 "));
	assert_true(output_has("#1 "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_panic_aborts_with_message),
		cmocka_unit_test(test_panic_format_only),
		cmocka_unit_test(test_verify),
		cmocka_unit_test(test_exit_error),
		cmocka_unit_test(test_exit_success),
		cmocka_unit_test(test_dump_stack),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
