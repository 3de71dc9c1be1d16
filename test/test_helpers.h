/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers shared by the cmocka suites.
 *
 * rte_eal_init() runs once per process, so a test that needs its own EAL
 * runs in a forked child: test_in_child() forks, runs fn in the child and
 * returns the child's exit status (or 128 + signal when it was killed).
 *
 * A child ends with _exit() (no atexit handlers, no second flush of the
 * parent's stdio buffers), which also skips LeakSanitizer's check at
 * exit: every child therefore ends through test_child_exit(), which asks
 * LeakSanitizer for the check itself when the test is built with ASan
 * and turns a leak into the exit status TEST_EXIT_LEAK (the report is on
 * the child's stderr).
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

#include <rte_errno.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define TEST_LEAKS_FOUND() __lsan_do_recoverable_leak_check()
#else
#define TEST_LEAKS_FOUND() 0
#endif

/* 1 when children are checked for leaks (an ASan build). */
#if defined(__SANITIZE_ADDRESS__)
#define TEST_LEAKS_CHECKED 1
#else
#define TEST_LEAKS_CHECKED 0
#endif

/* Exit status of a child whose body passed but leaked memory. */
#define TEST_EXIT_LEAK 98

/* Ends a forked child with status, after the leak check under ASan. */
static inline void
test_child_exit(int status)
{
	fflush(stdout);
	fflush(stderr);
	if (TEST_LEAKS_FOUND() && status == 0)
		status = TEST_EXIT_LEAK;
	_exit(status);
}

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
		test_child_exit(fn(arg));
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/*
 * Checks for case bodies that run in a child (the EAL suites' hooks and
 * test_in_child() functions): on failure they print the file, line and
 * condition on stderr, which the parent shows, and return the line
 * number (never 0) from the body.
 */

/* Fails the body with the line number when cond is false. */
#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, \
				"%s:%d: check failed: %s (rte_errno %d)\n", \
				__FILE__, __LINE__, #cond, rte_errno); \
			return __LINE__; \
		} \
	} while (0)

/* A call that must return want (0, a count, -errno or a 64-bit value). */
#define CHECK_RET(call, want) \
	do { \
		long long check_ret_ = (long long)(call); \
		if (check_ret_ != (long long)(want)) { \
			fprintf(stderr, \
				"%s:%d: %s returned %lld, expected %lld\n", \
				__FILE__, __LINE__, #call, check_ret_, \
				(long long)(want)); \
			return __LINE__; \
		} \
	} while (0)

/* Runs a helper that returns 0 or a line number; fails on non-zero. */
#define CHECK_OK(expr) \
	do { \
		int check_ok_ret_ = (expr); \
		if (check_ok_ret_ != 0) { \
			fprintf(stderr, "%s:%d: %s failed at line %d\n", \
				__FILE__, __LINE__, #expr, check_ok_ret_); \
			return __LINE__; \
		} \
	} while (0)

/* Every object of the pool (an mbuf pool, say) is back: nothing leaked. */
#define CHECK_POOL_FULL(mp) \
	do { \
		unsigned int avail_ = rte_mempool_avail_count(mp); \
		if (avail_ != (mp)->size) { \
			fprintf(stderr, \
				"%s:%d: pool %s: %u of %u objects free\n", \
				__FILE__, __LINE__, (mp)->name, avail_, \
				(mp)->size); \
			return __LINE__; \
		} \
	} while (0)

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
