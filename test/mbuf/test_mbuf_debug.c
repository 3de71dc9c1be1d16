/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The debug build's checks (RTE_LIBRTE_MBUF_DEBUG, defined for this file
 * by meson): correct use never panics, and each misuse (double free by
 * every free function, refcnt underflow, freeing a refcnt-0 or corrupt
 * mbuf) makes the process log one line saying what is wrong, then die
 * with SIGABRT (rte_panic). Each misuse runs in a grandchild forked from
 * the case's EAL child, with its stderr in a file the child reads back.
 */
#ifndef RTE_LIBRTE_MBUF_DEBUG
#error "test_mbuf_debug must be built with -DRTE_LIBRTE_MBUF_DEBUG"
#endif

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_mbuf.h>

#include "mbuf_test.h"

static struct rte_mempool *pool;

/* Runs misuse(m) in a grandchild; 0 if it died of SIGABRT saying what. */
static int
expect_panic(void (*misuse)(struct rte_mbuf *), struct rte_mbuf *m,
	const char *what)
{
	FILE *err = tmpfile();
	char text[4096];
	int status;
	pid_t pid;

	CHECK(err != NULL);
	fflush(stderr);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		dup2(fileno(err), STDERR_FILENO);
		misuse(m);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	eal_run_read_file(fileno(err), text, sizeof(text));
	fclose(err);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT ||
		strstr(text, what) == NULL) {
		fprintf(stderr,
			"expected SIGABRT and \"%s\"; got status %#x, "
			"output:\n%s\n",
			what, status, text);
		return __LINE__;
	}
	if (strstr(text, "PANIC in") == NULL) {
		fprintf(stderr, "no PANIC line in:\n%s\n", text);
		return __LINE__;
	}
	return 0;
}

/* Correct use, through every path the checks sit on: no panic. */
MBUF_BODY(body_correct_use)
{
	struct rte_mbuf *mbufs[32], *m, *c, *copy;
	unsigned int i;

	pool = rte_pktmbuf_pool_create("dbg", MBUF_N, 32, 0, 512, 0);
	CHECK(pool != NULL);
	for (i = 0; i < 3; i++) {
		CHECK(rte_pktmbuf_alloc_bulk(pool, mbufs, 32) == 0);
		rte_pktmbuf_free_bulk(mbufs, 32);
	}
	m = mbuf_make_chain(pool, 3, 100, 0);
	CHECK(m != NULL);
	c = rte_pktmbuf_clone(m, pool);
	copy = rte_pktmbuf_copy(m, pool, 10, 200);
	CHECK(c != NULL && copy != NULL);
	CHECK(rte_pktmbuf_linearize(copy) == 0);
	CHECK(rte_pktmbuf_prepend(m, 10) != NULL);
	CHECK(rte_pktmbuf_adj(m, 10) != NULL);
	CHECK(rte_pktmbuf_trim(m, 10) == 0);
	rte_pktmbuf_refcnt_update(m, 1);
	rte_pktmbuf_free(m);
	rte_pktmbuf_free(m);
	rte_pktmbuf_free(c);
	rte_pktmbuf_free(copy);
	m = rte_mbuf_raw_alloc(pool);
	CHECK(m != NULL);
	rte_pktmbuf_reset(m);
	rte_mbuf_raw_free(m);
	m = rte_pktmbuf_alloc(pool);
	rte_pktmbuf_free_seg(m);
	m = rte_pktmbuf_alloc(pool);
	CHECK(rte_pktmbuf_prefree_seg(m) == m);
	rte_mbuf_raw_free(m);
	CHECK_POOL_FULL(pool);
	return 0;
}
MBUF_CASE(test_correct_use, body_correct_use)

static void
double_free(struct rte_mbuf *m)
{
	rte_pktmbuf_free(m);
	rte_pktmbuf_free(m);
}

static void
double_free_seg(struct rte_mbuf *m)
{
	rte_pktmbuf_free_seg(m);
	rte_pktmbuf_free_seg(m);
}

static void
double_free_bulk(struct rte_mbuf *m)
{
	struct rte_mbuf *arr[2] = { m, NULL };

	rte_pktmbuf_free_bulk(arr, 2);
	rte_pktmbuf_free_bulk(arr, 2);
}

/* A driver's tx path: prefree, then a bulk put of its own. */
static void
double_prefree(struct rte_mbuf *m)
{
	m = rte_pktmbuf_prefree_seg(m);
	rte_mempool_put(m->pool, m);
	rte_pktmbuf_prefree_seg(m);
}

static void
refcnt_underflow(struct rte_mbuf *m)
{
	rte_mbuf_refcnt_update(m, -2);
}

static void
free_refcnt_zero(struct rte_mbuf *m)
{
	rte_mbuf_refcnt_update(m, -1);
	rte_pktmbuf_free(m);
}

static void
ext_refcnt_underflow(struct rte_mbuf *m)
{
	static struct rte_mbuf_ext_shared_info shinfo;

	(void)m;
	rte_mbuf_ext_refcnt_set(&shinfo, 1);
	rte_mbuf_ext_refcnt_update(&shinfo, -2);
}

static void
free_corrupt(struct rte_mbuf *m)
{
	m->pkt_len = 1000;
	rte_pktmbuf_free(m);
}

MBUF_BODY(body_misuse)
{
	struct rte_mbuf *m;

	pool = rte_pktmbuf_pool_create("dbg", MBUF_N, 32, 0, 512, 0);
	CHECK(pool != NULL);
	m = rte_pktmbuf_alloc(pool);
	CHECK(m != NULL && rte_pktmbuf_append(m, 60) != NULL);
	CHECK_OK(expect_panic(double_free, m,
		"mbuf is in its pool: freed twice, or used after free"));
	CHECK_OK(expect_panic(double_free_seg, m,
		"is already free: double free, or use after free"));
	CHECK_OK(expect_panic(double_free_bulk, m,
		"mbuf is in its pool: freed twice, or used after free"));
	CHECK_OK(expect_panic(double_prefree, m,
		"is already free: double free, or use after free"));
	CHECK_OK(expect_panic(refcnt_underflow, m,
		"out of range: 1 -2 (refcnt underflow"));
	CHECK_OK(expect_panic(free_refcnt_zero, m,
		"mbuf refcnt is 0 (freed, or its refcnt went below 1)"));
	CHECK_OK(expect_panic(ext_refcnt_underflow, m,
		"out of range: 1 -2 (refcnt underflow"));
	CHECK_OK(expect_panic(free_corrupt, m,
		"mbuf segments hold fewer than pkt_len bytes"));
	/* The grandchildren's misuse did not touch this process's mbuf. */
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(pool);
	return 0;
}
MBUF_CASE(test_misuse, body_misuse)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_correct_use),
		cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests_name("mbuf_debug", tests, NULL, NULL);
}
