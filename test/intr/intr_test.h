/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers for the interrupt suites: run a body in a forked child between
 * rte_eal_init("--no-huge -l 0") and rte_eal_cleanup(), checks that name
 * the failing line on stderr, and waiting for a flag with a deadline.
 */
#ifndef INTR_TEST_H
#define INTR_TEST_H

#include <dirent.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>

#include "test_helpers.h"

static inline int
intr_test_body(void *arg)
{
	char *argv[] = { "test", "--no-huge", "-l", "0", NULL };
	int (*body)(void) = (int (*)(void))arg;
	int ret;

	if (rte_eal_init(TEST_ARGC(argv), argv) < 0)
		return 100;
	ret = body();
	rte_eal_cleanup();
	if (ret == 0 && TEST_LEAKS_FOUND())
		ret = 99;
	return ret;
}

/* Runs body in a child with an initialised EAL; asserts it returned 0. */
#define RUN_IN_EAL(body) \
	assert_int_equal(test_in_child(intr_test_body, (void *)(body)), 0)

static inline uint64_t
intr_test_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Waits up to ms for *flag to reach want; true if it did. */
static inline bool
wait_for(const int *flag, int want, unsigned int ms)
{
	uint64_t end = intr_test_now_ms() + ms;

	while (__atomic_load_n(flag, __ATOMIC_ACQUIRE) < want) {
		if (intr_test_now_ms() > end)
			return false;
		usleep(1000);
	}
	return true;
}

static inline int
count_dir_entries(const char *path)
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

#endif /* INTR_TEST_H */
