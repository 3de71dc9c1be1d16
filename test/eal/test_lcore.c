/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * lcores and launch: every enabled lcore runs a launched function on its
 * own pinned thread; the launch/wait state machine; lcore and socket
 * queries. Each case runs its own EAL in a forked child.
 */
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_debug.h>

#include "eal_test_run.h"

/* This suite's own CHECK returns a code of its choice (test_helpers.h's
 * returns the line). */
#undef CHECK
#define CHECK(cond, code) \
	do { \
		if (!(cond)) \
			return (code); \
	} while (0)

static unsigned int seen_lcore[RTE_MAX_LCORE];
static int seen_pinned[RTE_MAX_LCORE];
static int seen_socket_ok[RTE_MAX_LCORE];
static volatile int calls;

static int
record_lcore(void *arg)
{
	unsigned int id = rte_lcore_id();
	cpu_set_t now, want = rte_lcore_cpuset(id);

	(void)arg;
	seen_lcore[id] = id + 1;
	if (sched_getaffinity(0, sizeof(now), &now) == 0)
		seen_pinned[id] = CPU_EQUAL(&now, &want);
	seen_socket_ok[id] = rte_socket_id() == rte_lcore_to_socket_id(id);
	__atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED);
	return (int)id + 100;
}

/* Launch on each worker, one by one; wait returns f's value. */
static int
launch_each_hook(int argc, char **argv, int consumed)
{
	unsigned int id, n = 0;

	(void)argc;
	(void)argv;
	(void)consumed;
	RTE_LCORE_FOREACH_WORKER (id) {
		CHECK(rte_eal_get_lcore_state(id) == WAIT, 1);
		CHECK(rte_eal_wait_lcore(id) == 0, 2); /* never launched */
		CHECK(rte_eal_remote_launch(record_lcore, NULL, id) == 0, 3);
		n++;
	}
	RTE_LCORE_FOREACH_WORKER (id) {
		CHECK(rte_eal_wait_lcore(id) == (int)id + 100, 4);
		CHECK(rte_eal_get_lcore_state(id) == WAIT, 5);
		CHECK(seen_lcore[id] == id + 1, 6);
		CHECK(seen_pinned[id] == 1, 7);
		CHECK(seen_socket_ok[id] == 1, 8);
	}
	CHECK(n == rte_lcore_count() - 1, 9);
	CHECK(rte_lcore_id() == rte_get_main_lcore(), 10);
	return 0;
}

static void
test_launch_each(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge -l 0-1", launch_each_hook, &r);
	assert_int_equal(r.ret, 3);
	assert_int_equal(r.hook_ret, 0);
	/* More lcores than CPUs: eight threads sharing CPUs 0 and 1. */
	eal_run("--no-huge --lcores=(0-7)@(0-1)", launch_each_hook, &r);
	assert_int_equal(r.hook_ret, 0);
	eal_run("--no-huge --lcores=0@0,1@1,2@0,3@1", launch_each_hook, &r);
	assert_int_equal(r.hook_ret, 0);
}

static int
mp_launch_hook(int argc, char **argv, int consumed)
{
	unsigned int count = rte_lcore_count();

	(void)argc;
	(void)argv;
	(void)consumed;
	calls = 0;
	CHECK(rte_eal_mp_remote_launch(record_lcore, NULL, CALL_MAIN) == 0, 1);
	rte_eal_mp_wait_lcore();
	CHECK(calls == (int)count, 2);
	CHECK(seen_lcore[rte_get_main_lcore()] == rte_get_main_lcore() + 1, 3);
	calls = 0;
	CHECK(rte_eal_mp_remote_launch(record_lcore, NULL, SKIP_MAIN) == 0, 4);
	rte_eal_mp_wait_lcore();
	CHECK(calls == (int)count - 1, 5);
	CHECK(rte_eal_mp_remote_launch(NULL, NULL, SKIP_MAIN) == -EINVAL, 6);
	return 0;
}

static void
test_mp_launch(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge --lcores=(0-5)@(0-1)", mp_launch_hook, &r);
	assert_int_equal(r.hook_ret, 0);
}

static volatile int release_flag;

static int
block_until_released(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&release_flag, __ATOMIC_ACQUIRE))
		sched_yield();
	return 7;
}

static int
busy_hook(int argc, char **argv, int consumed)
{
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);

	(void)argc;
	(void)argv;
	(void)consumed;
	CHECK(worker < RTE_MAX_LCORE, 1);
	CHECK(rte_eal_remote_launch(block_until_released, NULL, worker) == 0, 2);
	CHECK(rte_eal_get_lcore_state(worker) == RUNNING, 3);
	CHECK(rte_eal_remote_launch(record_lcore, NULL, worker) == -EBUSY, 4);
	calls = 0;
	CHECK(rte_eal_mp_remote_launch(record_lcore, NULL, CALL_MAIN) == -EBUSY,
		5);
	CHECK(calls == 0, 6); /* all or nothing: main was not called */
	__atomic_store_n(&release_flag, 1, __ATOMIC_RELEASE);
	CHECK(rte_eal_wait_lcore(worker) == 7, 7);
	CHECK(rte_eal_get_lcore_state(worker) == WAIT, 8);
	/* Invalid targets. */
	CHECK(rte_eal_remote_launch(record_lcore, NULL, rte_get_main_lcore()) ==
			-EINVAL,
		9);
	CHECK(rte_eal_remote_launch(record_lcore, NULL, RTE_MAX_LCORE) ==
			-EINVAL,
		10);
	CHECK(rte_eal_remote_launch(NULL, NULL, worker) == -EINVAL, 11);
	CHECK(rte_eal_remote_launch(record_lcore, NULL, 77) == -EINVAL, 12);
	CHECK(rte_eal_wait_lcore(RTE_MAX_LCORE + 5) == 0, 13);
	return 0;
}

static void
test_busy_and_invalid(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge --lcores=(0-2)@(0-1)", busy_hook, &r);
	assert_int_equal(r.hook_ret, 0);
}

static int
iterate_count(unsigned int id, void *arg)
{
	(void)id;
	(*(int *)arg)++;
	return 0;
}

static int
queries_hook(int argc, char **argv, int consumed)
{
	unsigned int id, n = 0, prev = 0;
	int count = 0;

	(void)argc;
	(void)argv;
	(void)consumed;
	CHECK(rte_lcore_count() == 3, 1);
	CHECK(rte_get_main_lcore() == 4, 2);
	RTE_LCORE_FOREACH (id) {
		CHECK(n == 0 || id > prev, 3);
		prev = id;
		n++;
	}
	CHECK(n == 3, 4);
	CHECK(rte_lcore_is_enabled(2) && rte_lcore_is_enabled(4) &&
			rte_lcore_is_enabled(6),
		5);
	CHECK(!rte_lcore_is_enabled(0) && !rte_lcore_is_enabled(RTE_MAX_LCORE),
		6);
	CHECK(rte_get_next_lcore(-1, 0, 0) == 2, 7);
	CHECK(rte_get_next_lcore(-1, 1, 0) == 2, 8);
	CHECK(rte_get_next_lcore(2, 1, 0) == 6, 9);
	CHECK(rte_get_next_lcore(6, 0, 0) == RTE_MAX_LCORE, 10);
	CHECK(rte_get_next_lcore(6, 0, 1) == 2, 11);
	CHECK(rte_lcore_index(2) == 0 && rte_lcore_index(6) == 2, 12);
	CHECK(rte_lcore_index(-1) == 1 && rte_lcore_index(3) == -1, 13);
	CHECK(rte_eal_lcore_role(4) == ROLE_RTE &&
			rte_eal_lcore_role(3) == ROLE_OFF,
		14);
	CHECK(rte_lcore_has_role(RTE_MAX_LCORE, ROLE_RTE) == -EINVAL, 15);
	CHECK(rte_lcore_to_cpu_id(6) == 1 && rte_lcore_to_cpu_id(3) == -1, 16);
	CHECK(rte_socket_count() >= 1 && rte_socket_id_by_idx(0) >= 0, 17);
	CHECK(rte_socket_id_by_idx(1000) == -1 && rte_errno == EINVAL, 18);
	CHECK(rte_lcore_iterate(iterate_count, &count) == 0 && count == 3, 19);
	CHECK(rte_socket_id() == rte_lcore_to_socket_id(4), 20);
	return 0;
}

static void
test_queries(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge --lcores=2@0,4@0,6@1 --main-lcore=4", queries_hook,
		&r);
	assert_int_equal(r.hook_ret, 0);
}

static void *
non_eal_thread(void *arg)
{
	*(unsigned int *)arg = rte_lcore_id();
	return NULL;
}

/* A control thread that lives until told to go, so that its name can be
 * read while it exists (however slowly it was started). */
static int ctrl_may_exit;

static void *
ctrl_thread_waits(void *arg)
{
	*(unsigned int *)arg = rte_lcore_id();
	while (!__atomic_load_n(&ctrl_may_exit, __ATOMIC_ACQUIRE))
		usleep(1000);
	return NULL;
}

static int
non_eal_hook(int argc, char **argv, int consumed)
{
	pthread_t t;
	unsigned int id = 0;
	char name[32];
	FILE *f;
	char *text = NULL;
	size_t len = 0;

	(void)argc;
	(void)argv;
	(void)consumed;
	CHECK(pthread_create(&t, NULL, non_eal_thread, &id) == 0, 1);
	pthread_join(t, NULL);
	CHECK(id == LCORE_ID_ANY, 2);
	CHECK(rte_ctrl_thread_create(&t, "ctrl-test", NULL, ctrl_thread_waits,
		      &id) == 0,
		3);
	CHECK(rte_thread_getname(t, name, sizeof(name)) == 0, 4);
	__atomic_store_n(&ctrl_may_exit, 1, __ATOMIC_RELEASE);
	pthread_join(t, NULL);
	CHECK(strcmp(name, "ctrl-test") == 0 || id == LCORE_ID_ANY, 5);
	CHECK(rte_ctrl_thread_create(&t, NULL, NULL, non_eal_thread, &id) ==
			-EINVAL,
		6);
	f = open_memstream(&text, &len);
	rte_lcore_dump(f);
	fclose(f);
	CHECK(eal_run_lines(text) == (int)rte_lcore_count(), 7);
	CHECK(strstr(text, "main") != NULL, 8);
	free(text);
	return 0;
}

static void
test_non_eal_threads(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge -l 0-1", non_eal_hook, &r);
	assert_int_equal(r.hook_ret, 0);
}

static int
default_cores_hook(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	/* No core option: every CPU the process may use. */
	return (int)rte_lcore_count();
}

static void
test_default_cores(void **state)
{
	struct eal_run r;
	cpu_set_t set;

	(void)state;
	assert_int_equal(sched_getaffinity(0, sizeof(set), &set), 0);
	eal_run("--no-huge", default_cores_hook, &r);
	assert_int_equal(r.hook_ret, CPU_COUNT(&set));
}

static int
exit_on_worker(void *arg)
{
	(void)arg;
	rte_exit(5, "leaving from a worker\n");
}

static int
rte_exit_hook(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	rte_eal_remote_launch(exit_on_worker, NULL,
		rte_get_next_lcore(-1, 1, 0));
	rte_eal_mp_wait_lcore();
	return 0; /* not reached: the worker ends the process */
}

/* rte_exit() on a worker ends the process with its code, no deadlock. */
static void
test_rte_exit_on_worker(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge -l 0-1", rte_exit_hook, &r);
	assert_int_equal(r.status, 5);
	assert_non_null(strstr(r.err_text, "leaving from a worker"));
}

static volatile int slow_done;

static int
slow_function(void *arg)
{
	(void)arg;
	usleep(100 * 1000);
	slow_done = 1;
	return 0;
}

static int
cleanup_waits_child(void *arg)
{
	char *argv[] = { "test", "--no-huge", "-l", "0-1", NULL };

	(void)arg;
	if (rte_eal_init(4, argv) != 3)
		return 1;
	rte_eal_remote_launch(slow_function, NULL, 1);
	if (rte_eal_cleanup() != 0)
		return 2;
	return slow_done == 1 ? 0 : 3;
}

/* rte_eal_cleanup() waits for a function still running on a worker. */
static void
test_cleanup_waits(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(cleanup_waits_child, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_launch_each),
		cmocka_unit_test(test_mp_launch),
		cmocka_unit_test(test_busy_and_invalid),
		cmocka_unit_test(test_queries),
		cmocka_unit_test(test_non_eal_threads),
		cmocka_unit_test(test_default_cores),
		cmocka_unit_test(test_rte_exit_on_worker),
		cmocka_unit_test(test_cleanup_waits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
