/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * lcore callbacks and non-EAL thread registration: init runs for every
 * lcore in use when a callback registers and for each thread that
 * registers later; uninit when it unregisters and for every lcore when
 * the callback goes; a refused init fails the registration and undoes
 * the rest; registered threads count as lcores (ROLE_NON_EAL) and give
 * their id back; errors before rte_eal_init() and when ids run out.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>

#include "test_helpers.h"
#include "eal_test_run.h"

/* This suite's own CHECK returns a code of its choice (test_helpers.h's
 * returns the line). */
#undef CHECK
#define CHECK(cond, code) \
	do { \
		if (!(cond)) \
			return (code); \
	} while (0)

static unsigned int inits[RTE_MAX_LCORE], uninits[RTE_MAX_LCORE];
static unsigned int refuse_lcore = RTE_MAX_LCORE;

static int
cb_init(unsigned int lcore_id, void *arg)
{
	(void)arg;
	if (lcore_id == refuse_lcore)
		return -1;
	inits[lcore_id]++;
	return 0;
}

static void
cb_uninit(unsigned int lcore_id, void *arg)
{
	(void)arg;
	uninits[lcore_id]++;
}

struct reg_result {
	int ret;
	int err;
	unsigned int id;
	int role;
	unsigned int count_inside;
};

static void *
reg_thread(void *arg)
{
	struct reg_result *r = arg;

	r->ret = rte_thread_register();
	r->err = rte_errno;
	r->id = rte_lcore_id();
	r->role = r->id < RTE_MAX_LCORE ? (int)rte_eal_lcore_role(r->id) : -1;
	r->count_inside = rte_lcore_count();
	/* A second call keeps the id. */
	if (r->ret == 0 &&
		(rte_thread_register() != 0 || rte_lcore_id() != r->id))
		r->ret = -100;
	rte_thread_unregister();
	if (rte_lcore_id() != LCORE_ID_ANY)
		r->ret = -101;
	return NULL;
}

static int
run_reg_thread(struct reg_result *r)
{
	pthread_t t;

	memset(r, 0, sizeof(*r));
	if (pthread_create(&t, NULL, reg_thread, r) != 0)
		return -1;
	return pthread_join(t, NULL);
}

static int
register_hook(int argc, char **argv, int consumed)
{
	struct reg_result r;
	unsigned int count = rte_lcore_count();
	void *h;

	(void)argc;
	(void)argv;
	(void)consumed;
	/* EAL lcores 0 and 1 are initialised at registration. */
	h = rte_lcore_callback_register("test", cb_init, cb_uninit, NULL);
	CHECK(h != NULL, 1);
	CHECK(inits[0] == 1 && inits[1] == 1 && inits[2] == 0, 2);

	CHECK(run_reg_thread(&r) == 0, 3);
	CHECK(r.ret == 0, 4);
	CHECK(r.id >= 2 && r.id < RTE_MAX_LCORE, 5);
	CHECK(r.role == ROLE_NON_EAL, 6);
	CHECK(r.count_inside == count + 1, 7);
	CHECK(inits[r.id] == 1 && uninits[r.id] == 1, 8);
	CHECK(rte_lcore_count() == count, 9);
	CHECK(rte_eal_lcore_role(r.id) == ROLE_OFF, 10);

	/* A callback that refuses the new lcore: ENOMEM, nothing kept. */
	refuse_lcore = r.id;
	CHECK(run_reg_thread(&r) == 0, 11);
	CHECK(r.ret == -1 && r.err == ENOMEM && r.id == LCORE_ID_ANY, 12);
	CHECK(rte_lcore_count() == count, 13);
	refuse_lcore = RTE_MAX_LCORE;

	/* Unregistering the callbacks uninits every lcore in use. */
	rte_lcore_callback_unregister(h);
	CHECK(uninits[0] == 1 && uninits[1] == 1, 14);
	rte_lcore_callback_unregister(NULL);

	/* A callback refusing an EAL lcore is not registered; undone. */
	memset(inits, 0, sizeof(inits));
	memset(uninits, 0, sizeof(uninits));
	refuse_lcore = 1;
	h = rte_lcore_callback_register("refuse", cb_init, cb_uninit, NULL);
	CHECK(h == NULL, 15);
	CHECK(inits[0] == 1 && uninits[0] == 1, 16);
	refuse_lcore = RTE_MAX_LCORE;
	CHECK(rte_lcore_callback_register(NULL, cb_init, NULL, NULL) == NULL,
		17);
	/* Callbacks may be NULL. */
	h = rte_lcore_callback_register("empty", NULL, NULL, NULL);
	CHECK(h != NULL, 18);
	rte_lcore_callback_unregister(h);
	return 0;
}

/* Ids run out: RTE_MAX_LCORE - 2 threads fit next to lcores 0 and 1. */
static volatile int hold_release;
static unsigned int hold_registered;

static void *
hold_thread(void *arg)
{
	(void)arg;
	if (rte_thread_register() == 0) {
		__atomic_fetch_add(&hold_registered, 1, __ATOMIC_RELAXED);
		while (!__atomic_load_n(&hold_release, __ATOMIC_ACQUIRE))
			usleep(1000);
		rte_thread_unregister();
	}
	return NULL;
}

static int
exhaust_hook(int argc, char **argv, int consumed)
{
	static pthread_t threads[RTE_MAX_LCORE];
	unsigned int i, count = rte_lcore_count();
	struct reg_result r;
	int ret = 0;

	(void)argc;
	(void)argv;
	(void)consumed;
	for (i = 0; i < RTE_MAX_LCORE - count; i++)
		CHECK(pthread_create(&threads[i], NULL, hold_thread, NULL) == 0,
			1);
	while (__atomic_load_n(&hold_registered, __ATOMIC_RELAXED) <
		RTE_MAX_LCORE - count)
		usleep(1000);
	if (rte_lcore_count() != RTE_MAX_LCORE)
		ret = 2;
	else if (run_reg_thread(&r) != 0 || r.ret != -1 || r.err != ENOMEM)
		ret = 3;
	__atomic_store_n(&hold_release, 1, __ATOMIC_RELEASE);
	for (i = 0; i < RTE_MAX_LCORE - count; i++)
		pthread_join(threads[i], NULL);
	CHECK(rte_lcore_count() == count, 4);
	return ret;
}

static void
test_register(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge -l 0-1", register_hook, &r);
	assert_int_equal(r.ret >= 0, 1);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(r.status, 0);
}

static void
test_exhaust(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge -l 0-1", exhaust_hook, &r);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(r.status, 0);
}

static void
test_before_init(void **state)
{
	(void)state;
	rte_errno = 0;
	assert_int_equal(rte_thread_register(), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_thread_unregister(); /* nothing to give back: no-op */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register),
		cmocka_unit_test(test_exhaust),
		cmocka_unit_test(test_before_init),
	};

	return cmocka_run_group_tests_name("lcore_register", tests, NULL, NULL);
}
