/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The interrupt thread with eventfd-backed EXT handles: callbacks run on
 * "eal-intr-thread", never on the caller; disable/enable stop and resume
 * the watching; unregister counts, refuses a running source (-EAGAIN),
 * works from inside a callback through the pending variant; callbacks
 * register others; handle accessors; and init/cleanup leaks nothing.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <cmocka.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "intr_test.h"

struct cb_rec {
	int calls;
	int efd;
	pthread_t thread;
	char name[16];
	int is_intr;
};

static struct rte_intr_handle *
eventfd_handle(int *efd)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(
		RTE_INTR_INSTANCE_F_PRIVATE);

	*efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (h == NULL || *efd < 0)
		return NULL;
	rte_intr_fd_set(h, *efd);
	rte_intr_type_set(h, RTE_INTR_HANDLE_EXT);
	return h;
}

static void
handle_close(struct rte_intr_handle *h)
{
	close(rte_intr_fd_get(h));
	rte_intr_instance_free(h);
}

static void
kick(int efd)
{
	uint64_t one = 1;

	if (write(efd, &one, sizeof(one)) != sizeof(one))
		abort();
}

static void
drain(int efd)
{
	uint64_t count;

	if (read(efd, &count, sizeof(count)) < 0)
		return;
}

static void
record_cb(void *arg)
{
	struct cb_rec *rec = arg;

	drain(rec->efd);
	rec->thread = pthread_self();
	pthread_getname_np(rec->thread, rec->name, sizeof(rec->name));
	rec->is_intr = rte_thread_is_intr();
	__atomic_add_fetch(&rec->calls, 1, __ATOMIC_RELEASE);
}

static int
body_runs_on_intr_thread(void)
{
	struct cb_rec rec = { 0 };
	struct rte_intr_handle *h = eventfd_handle(&rec.efd);

	CHECK(h != NULL);
	CHECK(rte_intr_callback_register(h, record_cb, &rec) == 0);
	kick(rec.efd);
	CHECK(wait_for(&rec.calls, 1, 2000));
	CHECK(!pthread_equal(rec.thread, pthread_self()));
	CHECK(strcmp(rec.name, "eal-intr-thread") == 0);
	CHECK(rec.is_intr);
	CHECK(!rte_thread_is_intr());
	CHECK(rte_intr_callback_unregister(h, record_cb, &rec) == 1);
	handle_close(h);
	return 0;
}

static void
test_runs_on_intr_thread(void **state)
{
	(void)state;
	RUN_IN_EAL(body_runs_on_intr_thread);
}

static int
body_enable_disable(void)
{
	struct cb_rec rec = { 0 };
	struct rte_intr_handle *h = eventfd_handle(&rec.efd), *other;
	int efd;

	CHECK(h != NULL);
	CHECK(rte_intr_callback_register(h, record_cb, &rec) == 0);
	CHECK(rte_intr_disable(h) == 0);
	kick(rec.efd);
	usleep(100 * 1000);
	CHECK(__atomic_load_n(&rec.calls, __ATOMIC_ACQUIRE) == 0);
	/* Still pending in the eventfd: seen once watched again. */
	CHECK(rte_intr_enable(h) == 0);
	CHECK(wait_for(&rec.calls, 1, 2000));
	CHECK(rte_intr_ack(h) == 0);
	CHECK(rte_intr_callback_unregister(h, record_cb, &rec) == 1);
	/* Nothing registered: nothing to do. */
	CHECK(rte_intr_disable(h) == 0 && rte_intr_enable(h) == 0);
	CHECK(rte_intr_enable(NULL) == -EINVAL);
	other = eventfd_handle(&efd);
	CHECK(other != NULL);
	rte_intr_type_set(other, RTE_INTR_HANDLE_UNKNOWN);
	CHECK(rte_intr_enable(other) == -EINVAL);
	rte_intr_type_set(other, RTE_INTR_HANDLE_ALARM);
	CHECK(rte_intr_disable(other) == -ENOTSUP);
	handle_close(other);
	handle_close(h);
	return 0;
}

static void
test_enable_disable(void **state)
{
	(void)state;
	RUN_IN_EAL(body_enable_disable);
}

static void
other_cb(void *arg)
{
	(void)arg;
}

static int
body_unregister_counts(void)
{
	struct rte_intr_handle *h, *bad;
	int efd, a, b;

	h = eventfd_handle(&efd);
	CHECK(h != NULL);
	CHECK(rte_intr_callback_register(h, other_cb, &a) == 0);
	CHECK(rte_intr_callback_register(h, other_cb, &b) == 0);
	CHECK(rte_intr_callback_register(h, other_cb, &b) == 0);
	CHECK(rte_intr_callback_register(h, record_cb, &a) == 0);
	CHECK(rte_intr_callback_unregister(h, other_cb, &a) == 1);
	CHECK(rte_intr_callback_unregister(h, other_cb, &a) == 0);
	CHECK(rte_intr_callback_unregister(h, other_cb, (void *)-1) == 2);
	CHECK(rte_intr_callback_unregister(h, record_cb, (void *)-1) == 1);
	/* The last callback took the source with it. */
	CHECK(rte_intr_callback_unregister(h, record_cb, &a) == -ENOENT);
	/* Bad arguments. */
	CHECK(rte_intr_callback_register(NULL, other_cb, NULL) == -EINVAL);
	CHECK(rte_intr_callback_register(h, NULL, NULL) == -EINVAL);
	CHECK(rte_intr_callback_unregister(NULL, other_cb, NULL) == -EINVAL);
	CHECK(rte_intr_callback_unregister(h, NULL, NULL) == -EINVAL);
	bad = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	CHECK(rte_intr_callback_register(bad, other_cb, NULL) == -EINVAL);
	rte_intr_instance_free(bad);
	handle_close(h);
	return 0;
}

static void
test_unregister_counts(void **state)
{
	(void)state;
	RUN_IN_EAL(body_unregister_counts);
}

struct blocking {
	int efd;
	int started;
	int release;
	int finished;
};

static void
blocking_cb(void *arg)
{
	struct blocking *blk = arg;

	drain(blk->efd);
	__atomic_store_n(&blk->started, 1, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&blk->release, __ATOMIC_ACQUIRE))
		usleep(1000);
	__atomic_store_n(&blk->finished, 1, __ATOMIC_RELEASE);
}

static int
body_eagain_while_running(void)
{
	struct blocking blk = { 0 };
	struct rte_intr_handle *h = eventfd_handle(&blk.efd);

	CHECK(h != NULL);
	CHECK(rte_intr_callback_register(h, blocking_cb, &blk) == 0);
	kick(blk.efd);
	CHECK(wait_for(&blk.started, 1, 2000));
	CHECK(rte_intr_callback_unregister(h, blocking_cb, &blk) == -EAGAIN);
	__atomic_store_n(&blk.release, 1, __ATOMIC_RELEASE);
	CHECK(rte_intr_callback_unregister_sync(h, blocking_cb, &blk) == 1);
	CHECK(__atomic_load_n(&blk.finished, __ATOMIC_ACQUIRE) == 1);
	/* Not running now: the pending variant has nothing to wait for. */
	CHECK(rte_intr_callback_register(h, blocking_cb, &blk) == 0);
	CHECK(rte_intr_callback_unregister_pending(h, blocking_cb, &blk,
		      NULL) == -EAGAIN);
	CHECK(rte_intr_callback_unregister(h, blocking_cb, &blk) == 1);
	handle_close(h);
	return 0;
}

static void
test_eagain_while_running(void **state)
{
	(void)state;
	RUN_IN_EAL(body_eagain_while_running);
}

static struct {
	struct rte_intr_handle *h;
	int efd;
	int plain_ret, sync_ret, pending_ret;
	int calls, ucb_calls;
	void *ucb_arg;
} self_unreg;

static void
self_unreg_ucb(struct rte_intr_handle *h, void *arg)
{
	(void)h;
	self_unreg.ucb_arg = arg;
	__atomic_add_fetch(&self_unreg.ucb_calls, 1, __ATOMIC_RELEASE);
}

static void
self_unreg_cb(void *arg)
{
	drain(self_unreg.efd);
	self_unreg.plain_ret = rte_intr_callback_unregister(self_unreg.h,
		self_unreg_cb, arg);
	self_unreg.sync_ret = rte_intr_callback_unregister_sync(self_unreg.h,
		self_unreg_cb, arg);
	self_unreg.pending_ret =
		rte_intr_callback_unregister_pending(self_unreg.h,
			self_unreg_cb, arg, self_unreg_ucb);
	__atomic_add_fetch(&self_unreg.calls, 1, __ATOMIC_RELEASE);
}

static int
body_unregister_from_callback(void)
{
	int cookie;

	self_unreg.h = eventfd_handle(&self_unreg.efd);
	CHECK(self_unreg.h != NULL);
	CHECK(rte_intr_callback_register(self_unreg.h, self_unreg_cb,
		      &cookie) == 0);
	kick(self_unreg.efd);
	CHECK(wait_for(&self_unreg.ucb_calls, 1, 2000));
	CHECK(self_unreg.plain_ret == -EAGAIN);
	CHECK(self_unreg.sync_ret == -EDEADLK);
	CHECK(self_unreg.pending_ret == 1);
	CHECK(self_unreg.ucb_arg == &cookie);
	CHECK(rte_intr_callback_unregister(self_unreg.h, self_unreg_cb,
		      &cookie) == -ENOENT);
	/* Gone for good: another event runs nothing. */
	kick(self_unreg.efd);
	usleep(50 * 1000);
	CHECK(self_unreg.calls == 1);
	handle_close(self_unreg.h);
	return 0;
}

static void
test_unregister_from_callback(void **state)
{
	(void)state;
	RUN_IN_EAL(body_unregister_from_callback);
}

static struct {
	struct rte_intr_handle *first, *second;
	int first_efd;
	struct cb_rec second_rec;
	int registered;
} chain;

static void
chain_first_cb(void *arg)
{
	(void)arg;
	drain(chain.first_efd);
	if (rte_intr_callback_register(chain.second, record_cb,
		    &chain.second_rec) == 0)
		__atomic_add_fetch(&chain.registered, 1, __ATOMIC_RELEASE);
}

static int
body_register_from_callback(void)
{
	chain.first = eventfd_handle(&chain.first_efd);
	chain.second = eventfd_handle(&chain.second_rec.efd);
	CHECK(chain.first != NULL && chain.second != NULL);
	CHECK(rte_intr_callback_register(chain.first, chain_first_cb, NULL) ==
		0);
	kick(chain.first_efd);
	CHECK(wait_for(&chain.registered, 1, 2000));
	kick(chain.second_rec.efd);
	CHECK(wait_for(&chain.second_rec.calls, 1, 2000));
	CHECK(rte_intr_callback_unregister(chain.first, chain_first_cb,
		      (void *)-1) == 1);
	CHECK(rte_intr_callback_unregister(chain.second, record_cb,
		      (void *)-1) == 1);
	handle_close(chain.first);
	handle_close(chain.second);
	return 0;
}

static void
test_register_from_callback(void **state)
{
	(void)state;
	RUN_IN_EAL(body_register_from_callback);
}

static int
body_handle_accessors(void)
{
	struct rte_intr_handle *h, *copy, *shared;

	CHECK(rte_intr_instance_alloc(0x80) == NULL && rte_errno == EINVAL);
	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	CHECK(h != NULL);
	CHECK(rte_intr_fd_get(h) == -1 && rte_intr_dev_fd_get(h) == -1);
	CHECK(rte_intr_type_get(h) == RTE_INTR_HANDLE_UNKNOWN);
	CHECK(rte_intr_nb_intr_get(h) == RTE_MAX_RXTX_INTR_VEC_ID);
	CHECK(rte_intr_nb_efd_get(h) == 0 && rte_intr_max_intr_get(h) == 0);
	CHECK(rte_intr_fd_set(h, 5) == 0 && rte_intr_fd_get(h) == 5);
	CHECK(rte_intr_dev_fd_set(h, 6) == 0 && rte_intr_dev_fd_get(h) == 6);
	CHECK(rte_intr_type_set(h, RTE_INTR_HANDLE_VDEV) == 0);
	CHECK(rte_intr_type_get(h) == RTE_INTR_HANDLE_VDEV);
	CHECK(rte_intr_type_set(h, RTE_INTR_HANDLE_MAX) == -EINVAL);
	CHECK(rte_intr_fd_get(NULL) == -1 && rte_errno == EINVAL);
	CHECK(rte_intr_type_get(NULL) == RTE_INTR_HANDLE_UNKNOWN);
	CHECK(rte_intr_fd_set(NULL, 1) == -EINVAL);
	CHECK(rte_intr_efds_index_set(h, 0, 7) == 0);
	CHECK(rte_intr_efds_index_get(h, 0) == 7);
	CHECK(rte_intr_efds_index_get(h, RTE_MAX_RXTX_INTR_VEC_ID) == -ERANGE);
	CHECK(rte_errno == ERANGE);
	CHECK(rte_intr_efds_index_set(h, -1, 7) == -ERANGE);
	CHECK(rte_intr_nb_efd_set(h, 4) == 0 && rte_intr_nb_efd_get(h) == 4);
	CHECK(rte_intr_nb_efd_set(h, RTE_MAX_RXTX_INTR_VEC_ID + 1) == -ERANGE);
	CHECK(rte_intr_max_intr_set(h, 5) == 0 && rte_intr_max_intr_get(h) == 5);
	CHECK(rte_intr_efd_counter_size_set(h, 8) == 0);
	CHECK(rte_intr_efd_counter_size_get(h) == 8);
	CHECK(rte_intr_dp_is_en(h) && rte_intr_allow_others(h));
	CHECK(rte_intr_cap_multiple(h));
	CHECK(rte_intr_elist_index_get(h, 0) != NULL);
	CHECK(rte_intr_elist_index_get(h, 600) == NULL);
	CHECK(rte_intr_vec_list_alloc(h, "q", 0) == -ERANGE);
	CHECK(rte_intr_vec_list_alloc(h, "q", 1000) == -ERANGE);
	CHECK(rte_intr_vec_list_alloc(h, "q", 8) == 0);
	CHECK(rte_intr_vec_list_index_set(h, 3, 9) == 0);
	CHECK(rte_intr_vec_list_index_get(h, 3) == 9);
	CHECK(rte_intr_vec_list_index_get(h, 8) == -ERANGE);
	copy = rte_intr_instance_dup(h);
	CHECK(copy != NULL && rte_intr_fd_get(copy) == 5);
	CHECK(rte_intr_efds_index_get(copy, 0) == 7);
	CHECK(rte_intr_type_get(copy) == RTE_INTR_HANDLE_VDEV);
	rte_intr_instance_free(copy);
	rte_intr_vec_list_free(h);
	CHECK(rte_intr_vec_list_index_get(h, 0) == -ERANGE);
	CHECK(rte_intr_event_list_update(h, 1024) == 0);
	CHECK(rte_intr_nb_intr_get(h) == 1024);
	CHECK(rte_intr_efds_index_get(h, 0) == 7);
	CHECK(rte_intr_efds_index_set(h, 1000, 3) == 0);
	rte_intr_type_set(h, RTE_INTR_HANDLE_EXT);
	CHECK(!rte_intr_cap_multiple(h));
	rte_intr_instance_free(h);
	rte_intr_instance_free(NULL);
	/* Shared handles come from rte_malloc. */
	shared = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_SHARED);
	CHECK(shared != NULL && rte_intr_fd_get(shared) == -1);
	rte_intr_instance_free(shared);
	return 0;
}

static void
test_handle_accessors(void **state)
{
	(void)state;
	RUN_IN_EAL(body_handle_accessors);
}

/*
 * ThreadSanitizer runs a thread of its own (restarted in a forked child)
 * and adds one more when the process creates its first thread: tasks
 * that are not ours.
 */
#if defined(__SANITIZE_THREAD__)
#define SANITIZER_TASKS 1
#else
#define SANITIZER_TASKS 0
#endif

/* init + callbacks + cleanup: same fds, one thread, afterwards. */
static int
leak_body(void *arg)
{
	char *argv[] = { "test", "--no-huge", "-l", "0", NULL };
	int fds = count_dir_entries("/proc/self/fd");
	int tasks = count_dir_entries("/proc/self/task");
	struct cb_rec rec = { 0 };
	struct rte_intr_handle *h;

	(void)arg;
	CHECK(rte_eal_init(TEST_ARGC(argv), argv) >= 0);
	CHECK(count_dir_entries("/proc/self/task") >= 2);
	h = eventfd_handle(&rec.efd);
	CHECK(h != NULL);
	/* Left registered on purpose: cleanup drops it. */
	CHECK(rte_intr_callback_register(h, record_cb, &rec) == 0);
	kick(rec.efd);
	CHECK(wait_for(&rec.calls, 1, 2000));
	CHECK(rte_eal_cleanup() == 0);
	handle_close(h);
	CHECK(count_dir_entries("/proc/self/fd") == fds);
	CHECK(count_dir_entries("/proc/self/task") == tasks + SANITIZER_TASKS);
	CHECK(!TEST_LEAKS_FOUND());
	return 0;
}

static void
test_no_leaks(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(leak_body, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs_on_intr_thread),
		cmocka_unit_test(test_enable_disable),
		cmocka_unit_test(test_unregister_counts),
		cmocka_unit_test(test_eagain_while_running),
		cmocka_unit_test(test_unregister_from_callback),
		cmocka_unit_test(test_register_from_callback),
		cmocka_unit_test(test_handle_accessors),
		cmocka_unit_test(test_no_leaks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
