/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * epoll for Rx interrupts: rte_epoll_wait() on the per-thread epoll fd
 * times out, and wakes on an eventfd written by another thread; the
 * registration life cycle of rte_epoll_ctl(); rte_intr_rx_ctl() on a
 * handle's vectors (the event fd is drained before the event returns);
 * rte_intr_efd_enable()/disable(); and the per-thread fd is closed when
 * its thread exits.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <cmocka.h>

#include <rte_common.h>
#include <rte_epoll.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "intr_test.h"

static void
kick(int efd)
{
	uint64_t one = 1;

	if (write(efd, &one, sizeof(one)) != sizeof(one))
		abort();
}

/* True when the eventfd has nothing to read. */
static bool
drained(int efd)
{
	uint64_t count;

	return read(efd, &count, sizeof(count)) < 0 && errno == EAGAIN;
}

static void *
kick_later(void *arg)
{
	usleep(20 * 1000);
	kick(*(int *)arg);
	return NULL;
}

static int
body_wait_and_wake(void)
{
	struct rte_epoll_event events[4], reg;
	int cookie, efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	uint64_t start;
	pthread_t writer;

	/* Nothing registered: a timeout. */
	start = intr_test_now_ms();
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 4, 50) == 0);
	CHECK(intr_test_now_ms() - start >= 45);
	memset(&reg, 0, sizeof(reg));
	reg.epdata.event = EPOLLIN;
	reg.epdata.data = &cookie;
	CHECK(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_ADD, efd, &reg) ==
		0);
	CHECK(reg.status == RTE_EPOLL_VALID && reg.fd == efd);
	CHECK(reg.epfd == rte_intr_tls_epfd());
	/* Woken by another thread long before the timeout. */
	start = intr_test_now_ms();
	CHECK(pthread_create(&writer, NULL, kick_later, &efd) == 0);
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 4, 5000) == 1);
	CHECK(intr_test_now_ms() - start < 2000);
	pthread_join(writer, NULL);
	CHECK(events[0].fd == efd && events[0].epdata.data == &cookie);
	CHECK(events[0].epdata.event & EPOLLIN);
	CHECK(events[0].status == RTE_EPOLL_VALID);
	CHECK(!drained(efd));
	CHECK(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_DEL, efd, &reg) ==
		0);
	CHECK(reg.status == RTE_EPOLL_INVALID);
	kick(efd);
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 4, 20) == 0);
	CHECK(rte_epoll_wait_interruptible(RTE_EPOLL_PER_THREAD, events, 4,
		      10) == 0);
	/* Bad arguments. */
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, NULL, 4, 0) == -1);
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 0, 0) == -1);
	CHECK(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_ADD, efd, NULL) ==
		-1);
	CHECK(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_ADD, -1, &reg) ==
		-1);
	CHECK(reg.status == RTE_EPOLL_INVALID);
	close(efd);
	return 0;
}

static void
test_wait_and_wake(void **state)
{
	(void)state;
	RUN_IN_EAL(body_wait_and_wake);
}

static int drain_calls;

static void
drain_cb(int fd, void *arg)
{
	uint64_t count;

	(void)arg;
	if (read(fd, &count, sizeof(count)) == sizeof(count))
		drain_calls++;
}

static int
body_callback(void)
{
	struct rte_epoll_event events[2], reg;
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

	memset(&reg, 0, sizeof(reg));
	reg.epdata.event = EPOLLIN;
	reg.epdata.cb_fun = drain_cb;
	CHECK(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_ADD, efd, &reg) ==
		0);
	kick(efd);
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 2, 1000) == 1);
	CHECK(drain_calls == 1 && drained(efd));
	CHECK(rte_epoll_ctl(RTE_EPOLL_PER_THREAD, EPOLL_CTL_DEL, efd, &reg) ==
		0);
	close(efd);
	return 0;
}

static void
test_callback(void **state)
{
	(void)state;
	RUN_IN_EAL(body_callback);
}

/* A VDEV handle with one Rx vector on its own eventfd, as a vdev PMD
 * would set it up. */
static struct rte_intr_handle *
vdev_rx_handle(int *efd)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(
		RTE_INTR_INSTANCE_F_PRIVATE);

	*efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	rte_intr_type_set(h, RTE_INTR_HANDLE_VDEV);
	rte_intr_efd_counter_size_set(h, sizeof(uint64_t));
	rte_intr_efds_index_set(h, 0, *efd);
	rte_intr_nb_efd_set(h, 1);
	rte_intr_max_intr_set(h, 2);
	return h;
}

static int
body_rx_ctl(void)
{
	struct rte_epoll_event events[2];
	struct rte_intr_handle *h;
	int efd, cookie;

	h = vdev_rx_handle(&efd);
	CHECK(rte_intr_efd_enable(h, 1) == 0);
	CHECK(rte_intr_dp_is_en(h) && rte_intr_allow_others(h));
	CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
		      RTE_INTR_VEC_RXTX_OFFSET, &cookie) == 0);
	CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
		      RTE_INTR_VEC_RXTX_OFFSET, &cookie) == -EEXIST);
	kick(efd);
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 2, 1000) == 1);
	CHECK(events[0].epdata.data == &cookie && events[0].fd == efd);
	/* The vector's counter was read before the event came back. */
	CHECK(drained(efd));
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 2, 20) == 0);
	CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_DEL,
		      RTE_INTR_VEC_RXTX_OFFSET, NULL) == 0);
	CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_DEL,
		      RTE_INTR_VEC_RXTX_OFFSET, NULL) == -EPERM);
	CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD, 5,
		      NULL) == -EPERM);
	CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, 7,
		      RTE_INTR_VEC_RXTX_OFFSET, NULL) == -EPERM);
	CHECK(rte_intr_rx_ctl(NULL, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD, 1,
		      NULL) == -EPERM);
	/* Still added when the handle goes: efd_disable takes it out. */
	CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
		      RTE_INTR_VEC_RXTX_OFFSET, NULL) == 0);
	rte_intr_efd_disable(h);
	CHECK(!rte_intr_dp_is_en(h));
	CHECK(rte_intr_elist_index_get(h, 0)->status == RTE_EPOLL_INVALID);
	rte_intr_instance_free(h);
	close(efd);
	return 0;
}

static void
test_rx_ctl(void **state)
{
	(void)state;
	RUN_IN_EAL(body_rx_ctl);
}

/* A VDEV vector's counter is read into 8 bytes: a larger size is
 * refused, and a vector fd that holds more (a pipe) gives up exactly the
 * counter size per event, never overrunning the reader. */
static int
body_counter_size(void)
{
	struct rte_epoll_event events[2];
	struct rte_intr_handle *h;
	char bytes[255], rest[255];
	int pipefd[2], efd;

	h = vdev_rx_handle(&efd);
	CHECK(rte_intr_efd_counter_size_set(h, 255) == -EINVAL);
	CHECK(rte_errno == EINVAL);
	CHECK(rte_intr_efd_counter_size_set(h, 9) == -EINVAL);
	CHECK(rte_intr_efd_counter_size_get(h) == sizeof(uint64_t));
	CHECK(rte_intr_efd_counter_size_set(h, 4) == 0);
	CHECK(rte_intr_efd_counter_size_get(h) == 4);

	CHECK(pipe2(pipefd, O_NONBLOCK | O_CLOEXEC) == 0);
	rte_intr_efds_index_set(h, 0, pipefd[0]);
	CHECK(rte_intr_efd_enable(h, 1) == 0);
	CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
		      RTE_INTR_VEC_RXTX_OFFSET, NULL) == 0);
	memset(bytes, 0xa5, sizeof(bytes));
	CHECK(write(pipefd[1], bytes, sizeof(bytes)) == sizeof(bytes));
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 2, 1000) == 1);
	CHECK(read(pipefd[0], rest, sizeof(rest)) == sizeof(bytes) - 4);
	rte_intr_efd_disable(h);
	rte_intr_instance_free(h);
	close(pipefd[0]);
	close(pipefd[1]);
	close(efd);
	return 0;
}

static void
test_counter_size(void **state)
{
	(void)state;
	RUN_IN_EAL(body_counter_size);
}

static int
body_efd_enable(void)
{
	struct rte_epoll_event events[4];
	struct rte_intr_handle *h;
	int fds[4], i, efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	rte_intr_type_set(h, RTE_INTR_HANDLE_VFIO_MSIX);
	rte_intr_fd_set(h, efd);
	CHECK(rte_intr_efd_enable(h, 0) == -EINVAL);
	CHECK(rte_intr_efd_enable(NULL, 1) == -EINVAL);
	/* MSI-X: one new eventfd per vector, one vector left for others. */
	CHECK(rte_intr_efd_enable(h, 4) == 0);
	CHECK(rte_intr_nb_efd_get(h) == 4 && rte_intr_max_intr_get(h) == 5);
	CHECK(rte_intr_allow_others(h) && rte_intr_cap_multiple(h));
	for (i = 0; i < 4; i++) {
		fds[i] = rte_intr_efds_index_get(h, i);
		CHECK(fcntl(fds[i], F_GETFD) >= 0);
		CHECK(rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD,
			      RTE_INTR_EVENT_ADD, RTE_INTR_VEC_RXTX_OFFSET + i,
			      (void *)(uintptr_t)(100 + i)) == 0);
	}
	kick(fds[2]);
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 4, 1000) == 1);
	CHECK(events[0].epdata.data == (void *)(uintptr_t)102);
	CHECK(drained(fds[2]));
	rte_intr_efd_disable(h);
	CHECK(rte_intr_nb_efd_get(h) == 0);
	for (i = 0; i < 4; i++)
		CHECK(fcntl(fds[i], F_GETFD) < 0);
	/* Other types share the handle's fd as the one vector. */
	rte_intr_type_set(h, RTE_INTR_HANDLE_EXT);
	CHECK(rte_intr_efd_enable(h, 3) == 0);
	CHECK(rte_intr_nb_efd_get(h) == 1 &&
		rte_intr_efds_index_get(h, 0) == efd);
	CHECK(!rte_intr_allow_others(h));
	rte_intr_efd_disable(h);
	CHECK(fcntl(efd, F_GETFD) >= 0);
	rte_intr_instance_free(h);
	close(efd);
	return 0;
}

static void
test_efd_enable(void **state)
{
	(void)state;
	RUN_IN_EAL(body_efd_enable);
}

static void *
thread_epfd(void *arg)
{
	*(int *)arg = rte_intr_tls_epfd();
	return NULL;
}

/* Each thread has its own epoll fd, closed when the thread exits; the
 * main thread's goes at rte_eal_cleanup(). */
static int
tls_body(void *arg)
{
	char *argv[] = { "test", "--no-huge", "-l", "0", NULL };
	int fds = count_dir_entries("/proc/self/fd"), other = -1, mine;
	struct rte_epoll_event events[1];
	pthread_t t;

	(void)arg;
	CHECK(rte_eal_init(TEST_ARGC(argv), argv) >= 0);
	mine = rte_intr_tls_epfd();
	CHECK(mine >= 0 && rte_intr_tls_epfd() == mine);
	CHECK(rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 1, 1) == 0);
	CHECK(pthread_create(&t, NULL, thread_epfd, &other) == 0);
	pthread_join(t, NULL);
	CHECK(other >= 0 && other != mine);
	CHECK(fcntl(other, F_GETFD) < 0);
	CHECK(rte_eal_cleanup() == 0);
	CHECK(fcntl(mine, F_GETFD) < 0);
	CHECK(count_dir_entries("/proc/self/fd") == fds);
	CHECK(!TEST_LEAKS_FOUND());
	return 0;
}

static void
test_per_thread_epfd(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(tls_body, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wait_and_wake),
		cmocka_unit_test(test_callback),
		cmocka_unit_test(test_rx_ctl),
		cmocka_unit_test(test_efd_enable),
		cmocka_unit_test(test_counter_size),
		cmocka_unit_test(test_per_thread_epfd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
