/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Alarms: bad arguments, deadline order on the interrupt thread, cancel
 * by argument and with (void *)-1, an alarm re-arming itself, cancelling
 * from inside the running alarm (EINPROGRESS), and cancel waiting for an
 * alarm that runs on the interrupt thread.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "intr_test.h"

#define ANY_ARG ((void *)-1)

static void
nothing(void *arg)
{
	(void)arg;
}

static int
body_bad_args(void)
{
	CHECK(rte_eal_alarm_set(0, nothing, NULL) == -EINVAL);
	CHECK(rte_eal_alarm_set(10, NULL, NULL) == -EINVAL);
	CHECK(rte_eal_alarm_set(UINT64_MAX, nothing, NULL) == -EINVAL);
	rte_errno = 0;
	CHECK(rte_eal_alarm_cancel(NULL, NULL) == -1 && rte_errno == EINVAL);
	CHECK(rte_eal_alarm_cancel(nothing, NULL) == 0 && rte_errno == ENOENT);
	return 0;
}

static void
test_bad_args(void **state)
{
	(void)state;
	RUN_IN_EAL(body_bad_args);
	/* No EAL, no alarms. */
	assert_int_equal(rte_eal_alarm_set(1000, nothing, NULL), -ENODEV);
}

static struct {
	int count;
	intptr_t order[8];
	int off_thread; /* callbacks that ran off the interrupt thread */
} fired;

static void
record(void *arg)
{
	int slot = fired.count;

	if (slot < 8)
		fired.order[slot] = (intptr_t)arg;
	if (!rte_thread_is_intr())
		fired.off_thread++;
	__atomic_store_n(&fired.count, slot + 1, __ATOMIC_RELEASE);
}

static int
body_order(void)
{
	CHECK(rte_eal_alarm_set(30000, record, (void *)3) == 0);
	CHECK(rte_eal_alarm_set(10000, record, (void *)1) == 0);
	CHECK(rte_eal_alarm_set(20000, record, (void *)2) == 0);
	CHECK(rte_eal_alarm_set(1, record, (void *)0) == 0);
	CHECK(wait_for(&fired.count, 4, 2000));
	CHECK(fired.order[0] == 0 && fired.order[1] == 1);
	CHECK(fired.order[2] == 2 && fired.order[3] == 3);
	CHECK(fired.off_thread == 0);
	return 0;
}

static void
test_order(void **state)
{
	(void)state;
	RUN_IN_EAL(body_order);
}

static int cancelled_runs;

static void
must_not_run(void *arg)
{
	(void)arg;
	cancelled_runs++;
}

static int
body_cancel(void)
{
	int x, y, z;

	CHECK(rte_eal_alarm_set(100000, must_not_run, &x) == 0);
	CHECK(rte_eal_alarm_set(100000, must_not_run, &y) == 0);
	CHECK(rte_eal_alarm_set(100000, must_not_run, &z) == 0);
	CHECK(rte_eal_alarm_set(50000, record, (void *)7) == 0);
	rte_errno = 0;
	CHECK(rte_eal_alarm_cancel(must_not_run, &x) == 1 && rte_errno == 0);
	CHECK(rte_eal_alarm_cancel(must_not_run, ANY_ARG) == 2);
	CHECK(rte_eal_alarm_cancel(must_not_run, ANY_ARG) == 0);
	CHECK(rte_errno == ENOENT);
	CHECK(wait_for(&fired.count, 1, 2000));
	usleep(150 * 1000);
	CHECK(cancelled_runs == 0 && fired.count == 1 && fired.order[0] == 7);
	return 0;
}

static void
test_cancel(void **state)
{
	(void)state;
	RUN_IN_EAL(body_cancel);
}

static int rearm_count;

static void
rearm(void *arg)
{
	if (__atomic_add_fetch(&rearm_count, 1, __ATOMIC_RELEASE) < 3)
		rte_eal_alarm_set(1000, rearm, arg);
}

static int
body_rearm(void)
{
	CHECK(rte_eal_alarm_set(1000, rearm, NULL) == 0);
	CHECK(wait_for(&rearm_count, 3, 2000));
	usleep(50 * 1000);
	CHECK(rearm_count == 3);
	return 0;
}

static void
test_rearm(void **state)
{
	(void)state;
	RUN_IN_EAL(body_rearm);
}

static struct {
	int done;
	int ret;
	int err;
	int runs;
} self_cancel;

static void
cancel_self(void *arg)
{
	(void)arg;
	self_cancel.runs++;
	rte_errno = 0;
	self_cancel.ret = rte_eal_alarm_cancel(cancel_self, ANY_ARG);
	self_cancel.err = rte_errno;
	__atomic_store_n(&self_cancel.done, 1, __ATOMIC_RELEASE);
}

static int
body_cancel_from_callback(void)
{
	CHECK(rte_eal_alarm_set(1000, cancel_self, (void *)1) == 0);
	CHECK(rte_eal_alarm_set(500000, cancel_self, (void *)2) == 0);
	CHECK(wait_for(&self_cancel.done, 1, 2000));
	/* The other one was cancelled; the running one could not be. */
	CHECK(self_cancel.ret == 1 && self_cancel.err == EINPROGRESS);
	CHECK(rte_eal_alarm_cancel(cancel_self, ANY_ARG) == 0);
	CHECK(self_cancel.runs == 1);
	return 0;
}

static void
test_cancel_from_callback(void **state)
{
	(void)state;
	RUN_IN_EAL(body_cancel_from_callback);
}

static struct {
	int started;
	int finished;
} slow;

static void
slow_alarm(void *arg)
{
	(void)arg;
	__atomic_store_n(&slow.started, 1, __ATOMIC_RELEASE);
	usleep(100 * 1000);
	__atomic_store_n(&slow.finished, 1, __ATOMIC_RELEASE);
}

static int
body_cancel_waits(void)
{
	CHECK(rte_eal_alarm_set(1000, slow_alarm, NULL) == 0);
	CHECK(wait_for(&slow.started, 1, 2000));
	rte_errno = 0;
	/* It runs on the interrupt thread: cancel waits for it to end. */
	CHECK(rte_eal_alarm_cancel(slow_alarm, ANY_ARG) == 0);
	CHECK(__atomic_load_n(&slow.finished, __ATOMIC_ACQUIRE) == 1);
	CHECK(rte_errno == ENOENT);
	return 0;
}

static void
test_cancel_waits(void **state)
{
	(void)state;
	RUN_IN_EAL(body_cancel_waits);
}

static int
body_pending_at_cleanup(void)
{
	/* Left pending on purpose: rte_eal_cleanup() drops it. */
	CHECK(rte_eal_alarm_set(10 * US_PER_S, must_not_run, NULL) == 0);
	return 0;
}

static void
test_pending_at_cleanup(void **state)
{
	(void)state;
	RUN_IN_EAL(body_pending_at_cleanup);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_args),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_rearm),
		cmocka_unit_test(test_cancel_from_callback),
		cmocka_unit_test(test_cancel_waits),
		cmocka_unit_test(test_pending_at_cleanup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
