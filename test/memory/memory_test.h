/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers of the memory suites. Each case runs its body in a forked child
 * between rte_eal_init() and rte_eal_cleanup() (eal/eal_test_run.h). The
 * body reports a failed CHECK with its line number as the hook's return
 * value and a line on stderr; the parent prints the child's stderr then.
 */
#ifndef MEMORY_TEST_H
#define MEMORY_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_errno.h>

#include "eal/eal_test_run.h"

/* A case body: runs in the child after a successful rte_eal_init(). */
#define MEM_BODY(name) \
	static int name(int argc __attribute__((unused)), \
		char **argv __attribute__((unused)), \
		int consumed __attribute__((unused)))

/* Options every fast case starts from: no hugepages, one lcore. */
#define MEM_FAST_ARGS "-l 0 --no-huge"

static inline void
mem_run_report(const char *args, const struct eal_run *r)
{
	if (r->ret >= 0 && r->hook_ret == 0 && r->status == 0)
		return;
	print_message("EAL args '%s': init %d (rte_errno %d), body %d, "
		      "exit %d\n--- child stderr ---\n%s--- end ---\n",
		args, r->ret, r->err, r->hook_ret, r->status, r->err_text);
}

/* Runs hook in a child with an EAL made from args; asserts success. */
static inline void
mem_run(const char *args, eal_run_hook hook)
{
	struct eal_run r;

	eal_run(args, hook, &r);
	mem_run_report(args, &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(r.status, 0);
}

#endif /* MEMORY_TEST_H */
