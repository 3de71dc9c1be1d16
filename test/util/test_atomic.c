/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Barriers, legacy atomics, spinlocks and reader-writer locks, alone and
 * under contention from several threads.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>

#include <rte_atomic.h>
#include <rte_eal.h>
#include <rte_pause.h>
#include <rte_rwlock.h>
#include <rte_spinlock.h>

#include "test_helpers.h"

#define TEST_THREADS	4
#define TEST_ITERATIONS 1000000

static void
test_barriers_compile_and_run(void **state)
{
	(void)state;
	rte_mb();
	rte_wmb();
	rte_rmb();
	rte_smp_mb();
	rte_smp_wmb();
	rte_smp_rmb();
	rte_io_mb();
	rte_io_wmb();
	rte_io_rmb();
	rte_compiler_barrier();
	rte_atomic_thread_fence(__ATOMIC_ACQ_REL);
	rte_atomic_thread_fence(__ATOMIC_SEQ_CST);
	rte_pause();
}

static void
test_cmpset_exchange(void **state)
{
	volatile uint16_t v16 = 1;
	volatile uint32_t v32 = 1;
	volatile uint64_t v64 = 1;

	(void)state;
	assert_int_equal(rte_atomic16_cmpset(&v16, 2, 3), 0);
	assert_int_equal(v16, 1);
	assert_int_not_equal(rte_atomic16_cmpset(&v16, 1, 3), 0);
	assert_int_equal(v16, 3);
	assert_int_equal(rte_atomic32_cmpset(&v32, 0, 5), 0);
	assert_int_not_equal(rte_atomic32_cmpset(&v32, 1, 5), 0);
	assert_int_equal(v32, 5);
	assert_int_not_equal(rte_atomic64_cmpset(&v64, 1, UINT64_MAX), 0);
	assert_int_equal(v64, UINT64_MAX);

	assert_int_equal(rte_atomic16_exchange(&v16, 9), 3);
	assert_int_equal(v16, 9);
	assert_int_equal(rte_atomic32_exchange(&v32, 7), 5);
	assert_int_equal(rte_atomic64_exchange(&v64, 0), UINT64_MAX);
	assert_int_equal(v64, 0);
}

static void
test_counters16_32(void **state)
{
	rte_atomic16_t c16 = RTE_ATOMIC16_INIT(5);
	rte_atomic32_t c32;

	(void)state;
	assert_int_equal(rte_atomic16_read(&c16), 5);
	rte_atomic16_add(&c16, 10);
	rte_atomic16_sub(&c16, 3);
	rte_atomic16_inc(&c16);
	rte_atomic16_dec(&c16);
	assert_int_equal(rte_atomic16_read(&c16), 12);
	assert_int_equal(rte_atomic16_add_return(&c16, 3), 15);
	assert_int_equal(rte_atomic16_sub_return(&c16, 16), -1);
	assert_true(rte_atomic16_inc_and_test(&c16));
	assert_false(rte_atomic16_inc_and_test(&c16));
	assert_true(rte_atomic16_dec_and_test(&c16));

	rte_atomic32_init(&c32);
	assert_int_equal(rte_atomic32_read(&c32), 0);
	assert_true(rte_atomic32_test_and_set(&c32));
	assert_false(rte_atomic32_test_and_set(&c32));
	assert_int_equal(rte_atomic32_read(&c32), 1);
	rte_atomic32_clear(&c32);
	assert_int_equal(rte_atomic32_read(&c32), 0);
	rte_atomic32_set(&c32, INT32_MAX);
	assert_int_equal(rte_atomic32_read(&c32), INT32_MAX);
	assert_int_equal(rte_atomic32_sub_return(&c32, INT32_MAX), 0);
	assert_false(rte_atomic32_dec_and_test(&c32));
}

static void
test_counters64(void **state)
{
	rte_atomic64_t c64 = RTE_ATOMIC64_INIT(INT64_C(1) << 40);

	(void)state;
	assert_int_equal(rte_atomic64_read(&c64), INT64_C(1) << 40);
	rte_atomic64_init(&c64);
	assert_int_equal(rte_atomic64_read(&c64), 0);
	rte_atomic64_set(&c64, -2);
	rte_atomic64_inc(&c64);
	assert_true(rte_atomic64_inc_and_test(&c64));
	rte_atomic64_add(&c64, 100);
	rte_atomic64_sub(&c64, 1);
	rte_atomic64_dec(&c64);
	assert_int_equal(rte_atomic64_read(&c64), 98);
	assert_int_equal(rte_atomic64_add_return(&c64, 2), 100);
	assert_true(rte_atomic64_test_and_set(&c64) == 0);
	rte_atomic64_clear(&c64);
	assert_true(rte_atomic64_test_and_set(&c64));
	assert_true(rte_atomic64_dec_and_test(&c64));
}

#if defined(__x86_64__)
static void
test_atomic128(void **state)
{
	rte_int128_t dst = { .val = { 1, 2 } };
	rte_int128_t exp = { .val = { 1, 3 } };
	rte_int128_t src = { .val = { 7, 8 } };

	(void)state;
	/* Mismatch: *exp receives the current value. */
	assert_int_equal(rte_atomic128_cmp_exchange(&dst, &exp, &src, 0,
				 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED),
		0);
	assert_int_equal(exp.val[0], 1);
	assert_int_equal(exp.val[1], 2);
	/* Match: *dst receives *src. */
	assert_int_equal(rte_atomic128_cmp_exchange(&dst, &exp, &src, 0,
				 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED),
		1);
	assert_int_equal(dst.val[0], 7);
	assert_int_equal(dst.val[1], 8);
}
#endif

/* Shared by the contention tests; each test resets what it uses. */
static struct {
	rte_spinlock_t spin;
	rte_spinlock_recursive_t recursive;
	rte_rwlock_t rw;
	rte_atomic32_t atomic;
	uint64_t counter;    /* guarded by the lock under test */
	uint64_t pair[2];    /* writers keep pair[0] == pair[1] */
	uint64_t torn_reads; /* readers that saw them differ */
} shared;

static void
run_threads(void *(*fn)(void *))
{
	pthread_t threads[TEST_THREADS];
	int i;

	for (i = 0; i < TEST_THREADS; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, fn,
					 (void *)(intptr_t)i),
			0);
	for (i = 0; i < TEST_THREADS; i++)
		assert_int_equal(pthread_join(threads[i], NULL), 0);
}

static void *
spin_worker(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < TEST_ITERATIONS; i++) {
		rte_spinlock_lock(&shared.spin);
		shared.counter++;
		rte_spinlock_unlock(&shared.spin);
	}
	return NULL;
}

static void
test_spinlock_contention(void **state)
{
	(void)state;
	rte_spinlock_init(&shared.spin);
	shared.counter = 0;
	run_threads(spin_worker);
	assert_int_equal(shared.counter,
		(uint64_t)TEST_THREADS * TEST_ITERATIONS);
	assert_false(rte_spinlock_is_locked(&shared.spin));
}

static void *
atomic_worker(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < TEST_ITERATIONS; i++)
		rte_atomic32_inc(&shared.atomic);
	return NULL;
}

static void
test_atomic_counter_contention(void **state)
{
	(void)state;
	rte_atomic32_init(&shared.atomic);
	run_threads(atomic_worker);
	assert_int_equal(rte_atomic32_read(&shared.atomic),
		TEST_THREADS * TEST_ITERATIONS);
}

static void *
recursive_worker(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < TEST_ITERATIONS / 4; i++) {
		rte_spinlock_recursive_lock(&shared.recursive);
		rte_spinlock_recursive_lock(&shared.recursive);
		shared.counter++;
		rte_spinlock_recursive_unlock(&shared.recursive);
		shared.counter++;
		rte_spinlock_recursive_unlock(&shared.recursive);
	}
	return NULL;
}

static void
test_recursive_contention(void **state)
{
	(void)state;
	rte_spinlock_recursive_init(&shared.recursive);
	shared.counter = 0;
	run_threads(recursive_worker);
	assert_int_equal(shared.counter,
		(uint64_t)TEST_THREADS * (TEST_ITERATIONS / 4) * 2);
	assert_int_equal(shared.recursive.count, 0);
	assert_int_equal(shared.recursive.user, -1);
}

/* Threads 0 and 1 write, 2 and 3 read and check the pair is consistent. */
static void *
rwlock_worker(void *arg)
{
	intptr_t id = (intptr_t)arg;
	int i;

	for (i = 0; i < TEST_ITERATIONS / 2; i++) {
		if (id < 2) {
			rte_rwlock_write_lock(&shared.rw);
			shared.pair[0]++;
			shared.counter++;
			shared.pair[1]++;
			rte_rwlock_write_unlock(&shared.rw);
		} else {
			rte_rwlock_read_lock(&shared.rw);
			if (shared.pair[0] != shared.pair[1])
				__atomic_fetch_add(&shared.torn_reads, 1,
					__ATOMIC_RELAXED);
			rte_rwlock_read_unlock(&shared.rw);
		}
	}
	return NULL;
}

static void
test_rwlock_contention(void **state)
{
	(void)state;
	rte_rwlock_init(&shared.rw);
	shared.counter = 0;
	shared.pair[0] = shared.pair[1] = 0;
	shared.torn_reads = 0;
	run_threads(rwlock_worker);
	assert_int_equal(shared.counter, (uint64_t)2 * (TEST_ITERATIONS / 2));
	assert_int_equal(shared.pair[0], shared.pair[1]);
	assert_int_equal(shared.torn_reads, 0);
	assert_int_equal(shared.rw.cnt, 0);
}

static void
test_spinlock_trylock(void **state)
{
	rte_spinlock_t lock = RTE_SPINLOCK_INITIALIZER;

	(void)state;
	assert_false(rte_spinlock_is_locked(&lock));
	assert_int_equal(rte_spinlock_trylock(&lock), 1);
	assert_true(rte_spinlock_is_locked(&lock));
	assert_int_equal(rte_spinlock_trylock(&lock), 0);
	rte_spinlock_unlock(&lock);
	assert_false(rte_spinlock_is_locked(&lock));
	rte_spinlock_lock(&lock);
	assert_int_equal(rte_spinlock_trylock(&lock), 0);
	rte_spinlock_unlock(&lock);
	assert_int_equal(rte_spinlock_trylock_tm(&lock), 1);
	rte_spinlock_unlock_tm(&lock);
	assert_int_equal(rte_tm_supported(), 0);
}

static void *
recursive_trylock_other(void *arg)
{
	rte_spinlock_recursive_t *lock = arg;
	intptr_t got = rte_spinlock_recursive_trylock(lock);

	if (got)
		rte_spinlock_recursive_unlock(lock);
	return (void *)got;
}

static intptr_t
trylock_from_other_thread(rte_spinlock_recursive_t *lock)
{
	pthread_t thread;
	void *result;

	assert_int_equal(pthread_create(&thread, NULL, recursive_trylock_other,
				 lock),
		0);
	assert_int_equal(pthread_join(thread, &result), 0);
	return (intptr_t)result;
}

static void
test_recursive_counts(void **state)
{
	rte_spinlock_recursive_t lock = RTE_SPINLOCK_RECURSIVE_INITIALIZER;

	(void)state;
	assert_int_equal(lock.user, -1);
	rte_spinlock_recursive_lock(&lock);
	rte_spinlock_recursive_lock(&lock);
	assert_int_equal(rte_spinlock_recursive_trylock(&lock), 1);
	assert_int_equal(lock.count, 3);
	assert_int_equal(lock.user, rte_gettid());
	assert_int_equal(trylock_from_other_thread(&lock), 0);

	rte_spinlock_recursive_unlock(&lock);
	rte_spinlock_recursive_unlock(&lock);
	assert_int_equal(lock.count, 1);
	assert_true(rte_spinlock_is_locked(&lock.sl));
	rte_spinlock_recursive_unlock(&lock);
	assert_int_equal(lock.count, 0);
	assert_int_equal(lock.user, -1);
	assert_false(rte_spinlock_is_locked(&lock.sl));
	assert_int_equal(trylock_from_other_thread(&lock), 1);
}

static void
test_rwlock_trylock(void **state)
{
	rte_rwlock_t lock = RTE_RWLOCK_INITIALIZER;

	(void)state;
	assert_int_equal(rte_rwlock_read_trylock(&lock), 0);
	assert_int_equal(rte_rwlock_read_trylock(&lock), 0); /* shared */
	assert_int_equal(rte_rwlock_write_trylock(&lock), -EBUSY);
	assert_false(rte_rwlock_write_is_locked(&lock));
	rte_rwlock_read_unlock(&lock);
	rte_rwlock_read_unlock(&lock);

	assert_int_equal(rte_rwlock_write_trylock(&lock), 0);
	assert_true(rte_rwlock_write_is_locked(&lock));
	assert_int_equal(rte_rwlock_write_trylock(&lock), -EBUSY);
	assert_int_equal(rte_rwlock_read_trylock(&lock), -EBUSY);
	rte_rwlock_write_unlock(&lock);
	assert_false(rte_rwlock_write_is_locked(&lock));
	assert_int_equal(lock.cnt, 0);

	/* A waiting writer holds new readers back. */
	lock.cnt = RTE_RWLOCK_WAIT;
	assert_int_equal(rte_rwlock_read_trylock(&lock), -EBUSY);
	assert_int_equal(rte_rwlock_write_trylock(&lock), 0);
	rte_rwlock_write_unlock(&lock);
	assert_int_equal(lock.cnt, 0);

	rte_rwlock_read_lock(&lock);
	rte_rwlock_read_unlock(&lock);
	rte_rwlock_write_lock(&lock);
	rte_rwlock_write_unlock(&lock);
	assert_int_equal(lock.cnt, 0);
}

static volatile uint32_t wait_flag;

static void *
wait_setter(void *arg)
{
	(void)arg;
	usleep(10000);
	__atomic_store_n(&wait_flag, 42, __ATOMIC_RELEASE);
	return NULL;
}

static void
test_wait_until_equal(void **state)
{
	volatile uint16_t v16 = 3;
	volatile uint64_t v64 = UINT64_MAX;
	pthread_t thread;

	(void)state;
	rte_wait_until_equal_16(&v16, 3, __ATOMIC_RELAXED);
	rte_wait_until_equal_64(&v64, UINT64_MAX, __ATOMIC_ACQUIRE);
	RTE_WAIT_UNTIL_MASKED(&v16, 0x2, ==, 0x2, __ATOMIC_RELAXED);
	RTE_WAIT_UNTIL_MASKED(&v64, 0xff, !=, 0, __ATOMIC_ACQUIRE);
	wait_flag = 0;
	assert_int_equal(pthread_create(&thread, NULL, wait_setter, NULL), 0);
	rte_wait_until_equal_32(&wait_flag, 42, __ATOMIC_ACQUIRE);
	assert_int_equal(wait_flag, 42);
	assert_int_equal(pthread_join(thread, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_barriers_compile_and_run),
		cmocka_unit_test(test_cmpset_exchange),
		cmocka_unit_test(test_counters16_32),
		cmocka_unit_test(test_counters64),
#if defined(__x86_64__)
		cmocka_unit_test(test_atomic128),
#endif
		cmocka_unit_test(test_spinlock_trylock),
		cmocka_unit_test(test_recursive_counts),
		cmocka_unit_test(test_rwlock_trylock),
		cmocka_unit_test(test_wait_until_equal),
		cmocka_unit_test(test_atomic_counter_contention),
		cmocka_unit_test(test_spinlock_contention),
		cmocka_unit_test(test_recursive_contention),
		cmocka_unit_test(test_rwlock_contention),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
