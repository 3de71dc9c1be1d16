/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * epoll for the data path: rte_epoll_wait()/rte_epoll_ctl() with the
 * per-thread epoll fd, and the Rx/Tx interrupt vectors of a handle
 * (event fds that ethdev's Rx-interrupt mode adds to a thread's epoll).
 *
 * A registration's status goes INVALID -> VALID (rte_epoll_ctl ADD) ->
 * EXEC (while rte_epoll_wait() runs its callback) -> VALID, and back to
 * INVALID on DEL, which waits for a running callback first. The status
 * is changed with atomics: the waiting thread and the thread that
 * deletes are not the same.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#include <rte_common.h>
#include <rte_epoll.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "eal_intr.h"
#include "eal_private.h"

#define EPOLL_WAIT_MAX 64 /* events taken from the kernel per call */
#define NB_OTHER_INTR  1  /* vector 0: link state and other causes */

static __thread int tls_epfd = -1;
static pthread_key_t tls_epfd_key;
static pthread_once_t tls_epfd_once = PTHREAD_ONCE_INIT;

/* Closes a thread's epoll fd when the thread exits. */
static void
tls_epfd_destroy(void *value)
{
	close((int)(intptr_t)value - 1);
}

static void
tls_epfd_key_create(void)
{
	pthread_key_create(&tls_epfd_key, tls_epfd_destroy);
}

int
rte_intr_tls_epfd(void)
{
	if (tls_epfd >= 0)
		return tls_epfd;
	pthread_once(&tls_epfd_once, tls_epfd_key_create);
	tls_epfd = epoll_create1(EPOLL_CLOEXEC);
	if (tls_epfd < 0) {
		EAL_LOG(ERR, "cannot create the thread's epoll fd: %s\n",
			strerror(errno));
		rte_errno = errno;
		return -1;
	}
	/* Stored plus one: a key's NULL value means "nothing to close". */
	pthread_setspecific(tls_epfd_key, (void *)(intptr_t)(tls_epfd + 1));
	return tls_epfd;
}

void
eal_intr_tls_epfd_close(void)
{
	if (tls_epfd < 0)
		return;
	pthread_setspecific(tls_epfd_key, NULL);
	close(tls_epfd);
	tls_epfd = -1;
}

/* Copies what fired into events[] and runs the registrations' callbacks. */
static int
epoll_deliver(const struct epoll_event *evs, int n,
	struct rte_epoll_event *events)
{
	struct rte_epoll_event *rev;
	uint32_t valid;
	int i, count = 0;

	for (i = 0; i < n; i++) {
		rev = evs[i].data.ptr;
		valid = RTE_EPOLL_VALID;
		/* Pairs with the release in epoll_registration_invalidate():
		 * a registration being deleted is skipped. */
		if (!__atomic_compare_exchange_n(&rev->status, &valid,
			    RTE_EPOLL_EXEC, false, __ATOMIC_ACQUIRE,
			    __ATOMIC_RELAXED))
			continue;
		events[count].status = RTE_EPOLL_VALID;
		events[count].fd = rev->fd;
		events[count].epfd = rev->epfd;
		events[count].epdata = rev->epdata;
		events[count].epdata.event = evs[i].events;
		if (rev->epdata.cb_fun != NULL)
			rev->epdata.cb_fun(rev->fd, rev->epdata.cb_arg);
		/* Pairs with the acquire of the CAS in the deleting thread. */
		__atomic_store_n(&rev->status, RTE_EPOLL_VALID,
			__ATOMIC_RELEASE);
		count++;
	}
	return count;
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
epoll_wait_common(int epfd, struct rte_epoll_event *events, int maxevents,
	int timeout, bool interruptible)
{
	struct epoll_event evs[EPOLL_WAIT_MAX];
	int64_t deadline = now_ms() + timeout;
	int n;

	if (events == NULL || maxevents <= 0) {
		EAL_LOG(ERR, "rte_epoll_wait(): %s\n",
			events == NULL ? "NULL events" :
					 "maxevents must be positive");
		rte_errno = EINVAL;
		return -1;
	}
	if (epfd == RTE_EPOLL_PER_THREAD)
		epfd = rte_intr_tls_epfd();
	for (;;) {
		n = epoll_wait(epfd, evs, RTE_MIN(maxevents, EPOLL_WAIT_MAX),
			timeout);
		if (n > 0)
			return epoll_deliver(evs, n, events);
		if (n == 0)
			return 0;
		if (errno != EINTR) {
			EAL_LOG(ERR,
				"rte_epoll_wait(): epoll_wait() on fd %d "
				"failed: %s\n",
				epfd, strerror(errno));
			rte_errno = errno;
			return -1;
		}
		if (interruptible)
			return -1;
		/* A signal: wait again for what is left of the timeout. */
		if (timeout > 0)
			timeout = (int)RTE_MAX(deadline - now_ms(), (int64_t)0);
	}
}

int
rte_epoll_wait(int epfd, struct rte_epoll_event *events, int maxevents,
	int timeout)
{
	return epoll_wait_common(epfd, events, maxevents, timeout, false);
}

int
rte_epoll_wait_interruptible(int epfd, struct rte_epoll_event *events,
	int maxevents, int timeout)
{
	return epoll_wait_common(epfd, events, maxevents, timeout, true);
}

/* VALID -> INVALID, waiting out a callback that runs (EXEC). */
static void
epoll_registration_invalidate(struct rte_epoll_event *event)
{
	uint32_t valid = RTE_EPOLL_VALID;

	while (!__atomic_compare_exchange_n(&event->status, &valid,
		RTE_EPOLL_INVALID, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
		if (valid == RTE_EPOLL_INVALID)
			return;
		valid = RTE_EPOLL_VALID;
		sched_yield();
	}
}

int
rte_epoll_ctl(int epfd, int op, int fd, struct rte_epoll_event *event)
{
	struct epoll_event ev = { 0 };

	if (event == NULL) {
		EAL_LOG(ERR, "rte_epoll_ctl(): NULL event\n");
		return -1;
	}
	if (epfd == RTE_EPOLL_PER_THREAD)
		epfd = rte_intr_tls_epfd();
	if (op == EPOLL_CTL_ADD) {
		__atomic_store_n(&event->status, RTE_EPOLL_VALID,
			__ATOMIC_RELAXED);
		event->fd = fd;
		event->epfd = epfd;
	} else if (op == EPOLL_CTL_DEL) {
		epoll_registration_invalidate(event);
	}
	ev.data.ptr = event;
	ev.events = event->epdata.event;
	if (epoll_ctl(epfd, op, fd, &ev) < 0) {
		EAL_LOG(ERR,
			"rte_epoll_ctl(): epoll_ctl(op %d) of fd %d on "
			"epoll fd %d failed: %s\n",
			op, fd, epfd, strerror(errno));
		if (op == EPOLL_CTL_ADD)
			__atomic_store_n(&event->status, RTE_EPOLL_INVALID,
				__ATOMIC_RELAXED);
		return -1;
	}
	return 0;
}

/* rte_epoll_wait()'s callback for a vector's fd: drains its counter so
 * that the next interrupt is seen (the registration is edge-triggered). */
static void
rx_intr_drain(int fd, void *arg)
{
	const struct rte_intr_handle *handle = arg;
	unsigned int size;
	uint64_t count;
	ssize_t n;

	if (handle->type == RTE_INTR_HANDLE_VDEV)
		size = handle->efd_counter_size;
	else if (handle->type == RTE_INTR_HANDLE_EXT)
		size = 0;
	else
		size = eal_intr_read_size(handle);
	if (size == 0)
		return;
	/* Never more than the buffer, whatever the handle says. */
	size = RTE_MIN(size, (unsigned int)sizeof(count));
	do {
		n = read(fd, &count, size);
	} while (n < 0 && errno == EINTR);
	if (n < 0 && errno != EAGAIN)
		EAL_LOG(ERR, "cannot read interrupt vector fd %d: %s\n", fd,
			strerror(errno));
}

static int
rx_ctl_add(struct rte_intr_handle *handle, int epfd, unsigned int index,
	void *data)
{
	struct rte_epoll_event *rev = &handle->elist[index];

	if (__atomic_load_n(&rev->status, __ATOMIC_RELAXED) !=
		RTE_EPOLL_INVALID) {
		EAL_LOG(INFO,
			"interrupt vector %u is already in an epoll "
			"set\n",
			index + RTE_INTR_VEC_RXTX_OFFSET);
		return -EEXIST;
	}
	rev->epdata.event = EPOLLIN | EPOLLPRI | EPOLLET;
	rev->epdata.data = data;
	rev->epdata.cb_fun = rx_intr_drain;
	rev->epdata.cb_arg = handle;
	if (rte_epoll_ctl(epfd, EPOLL_CTL_ADD, handle->efds[index], rev) < 0)
		return -EPERM;
	return 0;
}

int
rte_intr_rx_ctl(struct rte_intr_handle *intr_handle, int epfd, int op,
	unsigned int vec, void *data)
{
	unsigned int index = vec >= RTE_INTR_VEC_RXTX_OFFSET ?
		vec - RTE_INTR_VEC_RXTX_OFFSET :
		vec;
	struct rte_epoll_event *rev;

	if (intr_handle == NULL || index >= intr_handle->nb_efd) {
		EAL_LOG(ERR,
			"rte_intr_rx_ctl(): interrupt vector %u is not "
			"enabled\n",
			vec);
		return -EPERM;
	}
	switch (op) {
	case RTE_INTR_EVENT_ADD:
		return rx_ctl_add(intr_handle, epfd, index, data);
	case RTE_INTR_EVENT_DEL:
		rev = &intr_handle->elist[index];
		if (__atomic_load_n(&rev->status, __ATOMIC_RELAXED) ==
			RTE_EPOLL_INVALID) {
			EAL_LOG(INFO,
				"interrupt vector %u is in no epoll set\n",
				vec);
			return -EPERM;
		}
		if (rte_epoll_ctl(rev->epfd, EPOLL_CTL_DEL, rev->fd, rev) < 0)
			return -EPERM;
		return 0;
	default:
		EAL_LOG(ERR, "rte_intr_rx_ctl(): unknown operation %d\n", op);
		return -EPERM;
	}
}

void
rte_intr_free_epoll_fd(struct rte_intr_handle *intr_handle)
{
	struct rte_epoll_event *rev;
	uint32_t i;

	if (intr_handle == NULL)
		return;
	for (i = 0; i < intr_handle->nb_efd; i++) {
		rev = &intr_handle->elist[i];
		if (__atomic_load_n(&rev->status, __ATOMIC_RELAXED) ==
			RTE_EPOLL_INVALID)
			continue;
		rte_epoll_ctl(rev->epfd, EPOLL_CTL_DEL, rev->fd, rev);
	}
}

/* MSI-X: one new eventfd per vector. */
static int
efd_create(struct rte_intr_handle *handle, uint32_t nb_efd)
{
	uint32_t i;
	int fd;

	for (i = 0; i < nb_efd; i++) {
		fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (fd < 0) {
			EAL_LOG(ERR,
				"cannot create the eventfd of interrupt "
				"vector %u: %s\n",
				i + RTE_INTR_VEC_RXTX_OFFSET, strerror(errno));
			fd = -errno;
			while (i-- > 0)
				close(handle->efds[i]);
			return fd;
		}
		handle->efds[i] = fd;
	}
	handle->nb_efd = nb_efd;
	handle->max_intr = (int)nb_efd + NB_OTHER_INTR;
	handle->efds_owned = true;
	return 0;
}

/* The bus supplied the vectors' fds (a fake device): use the first ones. */
static int
efd_take_fixed(struct rte_intr_handle *handle, uint32_t nb_efd)
{
	if (nb_efd > (uint32_t)handle->nb_fixed_efd) {
		EAL_LOG(ERR,
			"rte_intr_efd_enable(): %u vectors asked, the "
			"device has %d\n",
			nb_efd, handle->nb_fixed_efd);
		return -EINVAL;
	}
	handle->nb_efd = nb_efd;
	handle->max_intr = (int)nb_efd + NB_OTHER_INTR;
	handle->efds_owned = false;
	return 0;
}

int
rte_intr_efd_enable(struct rte_intr_handle *intr_handle, uint32_t nb_efd)
{
	if (intr_handle == NULL || nb_efd == 0 ||
		nb_efd > (uint32_t)intr_handle->nb_intr) {
		EAL_LOG(ERR, "rte_intr_efd_enable(): %s\n",
			intr_handle == NULL ? "NULL handle" :
					      "bad number of vectors");
		return -EINVAL;
	}
	switch (intr_handle->type) {
	case RTE_INTR_HANDLE_VFIO_MSIX:
		if (intr_handle->fixed_vectors)
			return efd_take_fixed(intr_handle, nb_efd);
		return efd_create(intr_handle, nb_efd);
	case RTE_INTR_HANDLE_VDEV:
		/* The driver fills efds[] and nb_efd itself. */
		if (intr_handle->efd_counter_size > sizeof(uint64_t)) {
			EAL_LOG(ERR,
				"rte_intr_efd_enable(): event counter of "
				"%u bytes is too large\n",
				intr_handle->efd_counter_size);
			return -EINVAL;
		}
		return 0;
	default:
		/* One vector, shared with other causes: the handle's fd. */
		intr_handle->efds[0] = intr_handle->fd;
		intr_handle->nb_efd = 1;
		intr_handle->max_intr = NB_OTHER_INTR;
		return 0;
	}
}

void
rte_intr_efd_disable(struct rte_intr_handle *intr_handle)
{
	uint32_t i;

	if (intr_handle == NULL)
		return;
	rte_intr_free_epoll_fd(intr_handle);
	if (intr_handle->efds_owned)
		for (i = 0; i < intr_handle->nb_efd; i++)
			close(intr_handle->efds[i]);
	intr_handle->efds_owned = false;
	intr_handle->nb_efd = 0;
	intr_handle->max_intr = 0;
}

int
rte_intr_dp_is_en(struct rte_intr_handle *intr_handle)
{
	return intr_handle != NULL && intr_handle->nb_efd != 0;
}

int
rte_intr_allow_others(struct rte_intr_handle *intr_handle)
{
	if (!rte_intr_dp_is_en(intr_handle))
		return 1;
	return intr_handle->max_intr > (int)intr_handle->nb_efd;
}

int
rte_intr_cap_multiple(struct rte_intr_handle *intr_handle)
{
	if (intr_handle == NULL)
		return 0;
	return intr_handle->type == RTE_INTR_HANDLE_VFIO_MSIX ||
		intr_handle->type == RTE_INTR_HANDLE_VDEV;
}
