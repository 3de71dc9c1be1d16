/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers of the net_ixgbe suites: each case runs in a forked child that
 * starts the 82599 model (test/models/ixgbe, written from the datasheet
 * by someone else), initialises EAL over the model's fake PCI tree, runs
 * the body, and cleans up. A failed CHECK returns its line number.
 */
#ifndef IXGBE_TEST_H
#define IXGBE_TEST_H

#include <errno.h>
#include <stdbool.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <cmocka.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "test_helpers.h"

/* Children leave with _exit(), which skips LeakSanitizer: ask it. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define IXGBE_TEST_LEAKS_FOUND() __lsan_do_recoverable_leak_check()
#else
#define IXGBE_TEST_LEAKS_FOUND() 0
#endif

typedef int (*ixgbe_test_body)(void);

/* Called in the child after rte_eal_cleanup() (the child leaves with
 * _exit(), so atexit handlers do not run): the model's ixgbe_model_stop
 * removes its tree. */
static void (*ixgbe_test_teardown)(void);

/* Runs body in a child: setup() (model, tree), EAL with eal_args, body,
 * cleanup; bounded by an alarm. Fails the cmocka case unless 0. With
 * init_may_fail, the body runs after a failed rte_eal_init() too (every
 * probe failed). */
static inline void
ixgbe_test_fork_init(int (*setup)(const void *), const void *arg,
	const char *eal_args, ixgbe_test_body body, bool init_may_fail)
{
	char buf[512], *argv[32];
	int argc = 0, status, ret;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		alarm(120);
		if (setup(arg) != 0)
			_exit(200);
		snprintf(buf, sizeof(buf), "test %s", eal_args);
		for (char *tok = strtok(buf, " "); tok != NULL && argc < 31;
			tok = strtok(NULL, " "))
			argv[argc++] = tok;
		argv[argc] = NULL;
		if (rte_eal_init(argc, argv) < 0 && !init_may_fail) {
			fprintf(stderr, "rte_eal_init failed: %s\n",
				rte_strerror(rte_errno));
			_exit(201);
		}
		ret = body();
		rte_eal_cleanup();
		if (ixgbe_test_teardown != NULL)
			ixgbe_test_teardown();
		if (ret == 0 && IXGBE_TEST_LEAKS_FOUND()) {
			fprintf(stderr, "leaks found\n");
			ret = 1;
		}
		_exit(ret != 0 ? 1 : 0);
	}
	assert_true(waitpid(pid, &status, 0) == pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		print_message("child: %s %d\n",
			WIFEXITED(status) ?
				"exit (1 check, 200 setup, 201 EAL)" :
				"signal",
			WIFEXITED(status) ? WEXITSTATUS(status) :
					    WTERMSIG(status));
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static inline void
ixgbe_test_fork(int (*setup)(const void *), const void *arg,
	const char *eal_args, ixgbe_test_body body)
{
	ixgbe_test_fork_init(setup, arg, eal_args, body, false);
}

#endif /* IXGBE_TEST_H */
