/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers shared by the cmocka suites.
 *
 * rte_eal_init() runs once per process, so a test that needs its own EAL
 * runs in a forked child: test_in_child() forks, runs fn in the child and
 * returns the child's exit status (or 128 + signal when it was killed).
 */
#ifndef TEST_HELPERS_H
#define TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <cmocka.h>

static inline int
test_in_child(int (*fn)(void *), void *arg)
{
	pid_t pid;
	int status;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(fn(arg));
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* Counts the NULL-terminated argv and calls rte_eal_init-like fn. */
#define TEST_ARGC(argv) ((int)(sizeof(argv) / sizeof((argv)[0])) - 1)

/* Exit code that tells meson a suite was skipped. */
#define TEST_SKIP 77

static inline int
test_skip(const char *why)
{
	printf("SKIP: %s\n", why);
	return TEST_SKIP;
}

#endif /* TEST_HELPERS_H */
