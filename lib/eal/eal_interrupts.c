/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The interrupt thread.
 *
 * A source is one fd with its list of callbacks. Every watched source
 * sits in one epoll set, tagged with the source's id (not a pointer: an
 * event already returned by epoll_wait() may name a source that another
 * thread removed meanwhile, and the id lookup then simply misses). An
 * eventfd with id 0 wakes the thread to stop.
 *
 * The thread runs a source's callbacks without holding the lock, so a
 * callback may register and unregister callbacks, set alarms, and so on.
 * While they run the source is "active": rte_intr_callback_unregister()
 * refuses it (-EAGAIN), so neither the source nor any callback on it is
 * freed under the thread's feet; rte_intr_callback_unregister_pending()
 * only marks callbacks, and the thread removes them afterwards.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_lcore.h>

#include "eal_intr.h"
#include "eal_private.h"

#define INTR_WAKE_ID	0
#define INTR_MAX_EVENTS 16
#define INTR_ANY_ARG	((void *)-1)

struct intr_callback {
	TAILQ_ENTRY(intr_callback) next;
	rte_intr_callback_fn cb_fn;
	void *cb_arg;
	bool pending_delete;
	rte_intr_unregister_callback_fn ucb_fn;
};

TAILQ_HEAD(intr_callback_list, intr_callback);

struct intr_source {
	TAILQ_ENTRY(intr_source) next;
	struct rte_intr_handle *handle; /* our copy of the first handle */
	struct intr_callback_list callbacks;
	uint64_t id;
	bool active;  /* the thread is running its callbacks */
	bool masked;  /* rte_intr_disable() of an EXT/VDEV handle */
	bool watched; /* in the epoll set */
};

static struct {
	pthread_mutex_t lock;
	TAILQ_HEAD(, intr_source) sources;
	uint64_t next_id;
	int epfd;
	int wake_fd;
	bool stopping;
	bool started;
	pthread_t thread;
} intr = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.sources = TAILQ_HEAD_INITIALIZER(intr.sources),
	.next_id = INTR_WAKE_ID + 1,
	.epfd = -1,
	.wake_fd = -1,
};

static __thread bool on_intr_thread;

int
rte_thread_is_intr(void)
{
	return on_intr_thread;
}

static struct intr_source *
source_find_fd(int fd)
{
	struct intr_source *src;

	TAILQ_FOREACH (src, &intr.sources, next)
		if (src->handle->fd == fd)
			return src;
	return NULL;
}

static struct intr_source *
source_find_id(uint64_t id)
{
	struct intr_source *src;

	TAILQ_FOREACH (src, &intr.sources, next)
		if (src->id == id)
			return src;
	return NULL;
}

/* Puts the source in the epoll set or takes it out, as it should be. */
static int
source_watch_update(struct intr_source *src)
{
	bool want = !src->masked && intr.epfd >= 0;
	struct epoll_event ev = {
		.events = EPOLLIN | EPOLLPRI,
		.data.u64 = src->id,
	};

	if (want == src->watched)
		return 0;
	if (!want) {
		/* It fails only when the fd was closed already. */
		epoll_ctl(intr.epfd, EPOLL_CTL_DEL, src->handle->fd, NULL);
		src->watched = false;
		return 0;
	}
	if (epoll_ctl(intr.epfd, EPOLL_CTL_ADD, src->handle->fd, &ev) < 0) {
		EAL_LOG(ERR, "interrupt fd %d cannot be watched: %s\n",
			src->handle->fd, strerror(errno));
		return -errno;
	}
	src->watched = true;
	return 0;
}

static void
source_free(struct intr_source *src)
{
	struct intr_callback *cb;

	while ((cb = TAILQ_FIRST(&src->callbacks)) != NULL) {
		TAILQ_REMOVE(&src->callbacks, cb, next);
		free(cb);
	}
	rte_intr_instance_free(src->handle);
	free(src);
}

/* Takes an empty source off the list and out of epoll; locked. */
static void
source_detach(struct intr_source *src)
{
	src->masked = true;
	source_watch_update(src);
	TAILQ_REMOVE(&intr.sources, src, next);
}

static struct intr_source *
source_new(const struct rte_intr_handle *handle)
{
	struct intr_source *src = calloc(1, sizeof(*src));

	if (src == NULL)
		return NULL;
	/* A private copy: the caller's handle may go away first. */
	src->handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (src->handle == NULL) {
		free(src);
		return NULL;
	}
	src->handle->fd = handle->fd;
	src->handle->dev_fd = handle->dev_fd;
	src->handle->type = handle->type;
	TAILQ_INIT(&src->callbacks);
	src->id = intr.next_id++;
	return src;
}

static bool
intr_handle_valid(const struct rte_intr_handle *handle, const char *what)
{
	if (handle == NULL || handle->fd < 0) {
		EAL_LOG(ERR, "%s(): %s\n", what,
			handle == NULL ? "NULL interrupt handle" :
					 "the handle has no fd");
		return false;
	}
	return true;
}

int
rte_intr_callback_register(const struct rte_intr_handle *intr_handle,
	rte_intr_callback_fn cb, void *cb_arg)
{
	struct intr_callback *entry;
	struct intr_source *src;
	int ret = 0;

	if (!intr_handle_valid(intr_handle, "rte_intr_callback_register"))
		return -EINVAL;
	if (cb == NULL) {
		EAL_LOG(ERR, "rte_intr_callback_register(): NULL callback\n");
		return -EINVAL;
	}
	entry = calloc(1, sizeof(*entry));
	if (entry == NULL)
		goto nomem;
	entry->cb_fn = cb;
	entry->cb_arg = cb_arg;
	pthread_mutex_lock(&intr.lock);
	src = source_find_fd(intr_handle->fd);
	if (src == NULL) {
		src = source_new(intr_handle);
		if (src == NULL) {
			pthread_mutex_unlock(&intr.lock);
			free(entry);
			goto nomem;
		}
		ret = source_watch_update(src);
		if (ret < 0) {
			source_free(src);
			pthread_mutex_unlock(&intr.lock);
			free(entry);
			return ret;
		}
		TAILQ_INSERT_TAIL(&intr.sources, src, next);
	}
	TAILQ_INSERT_TAIL(&src->callbacks, entry, next);
	pthread_mutex_unlock(&intr.lock);
	return 0;

nomem:
	EAL_LOG(ERR, "rte_intr_callback_register(): out of memory\n");
	return -ENOMEM;
}

static bool
callback_matches(const struct intr_callback *cb, rte_intr_callback_fn fn,
	void *arg)
{
	return cb->cb_fn == fn && (arg == INTR_ANY_ARG || cb->cb_arg == arg);
}

/* The source of the handle's fd, locked; NULL (unlocked) and -errno. */
static struct intr_source *
source_lock(const struct rte_intr_handle *handle, rte_intr_callback_fn cb,
	const char *what, int *ret)
{
	struct intr_source *src;

	*ret = -EINVAL;
	if (!intr_handle_valid(handle, what))
		return NULL;
	if (cb == NULL) {
		EAL_LOG(ERR, "%s(): NULL callback\n", what);
		return NULL;
	}
	pthread_mutex_lock(&intr.lock);
	src = source_find_fd(handle->fd);
	if (src == NULL) {
		pthread_mutex_unlock(&intr.lock);
		EAL_LOG(DEBUG, "%s(): nothing is registered for fd %d\n", what,
			handle->fd);
		*ret = -ENOENT;
	}
	return src;
}

int
rte_intr_callback_unregister(const struct rte_intr_handle *intr_handle,
	rte_intr_callback_fn cb_fn, void *cb_arg)
{
	struct intr_callback *cb, *next;
	struct intr_source *src;
	int ret;

	src = source_lock(intr_handle, cb_fn, "rte_intr_callback_unregister",
		&ret);
	if (src == NULL)
		return ret;
	if (src->active) {
		pthread_mutex_unlock(&intr.lock);
		return -EAGAIN;
	}
	ret = 0;
	for (cb = TAILQ_FIRST(&src->callbacks); cb != NULL; cb = next) {
		next = TAILQ_NEXT(cb, next);
		if (!callback_matches(cb, cb_fn, cb_arg))
			continue;
		TAILQ_REMOVE(&src->callbacks, cb, next);
		free(cb);
		ret++;
	}
	if (TAILQ_EMPTY(&src->callbacks)) {
		source_detach(src);
		source_free(src);
	}
	pthread_mutex_unlock(&intr.lock);
	return ret;
}

int
rte_intr_callback_unregister_pending(const struct rte_intr_handle *intr_handle,
	rte_intr_callback_fn cb_fn, void *cb_arg,
	rte_intr_unregister_callback_fn ucb_fn)
{
	struct intr_callback *cb;
	struct intr_source *src;
	int ret;

	src = source_lock(intr_handle, cb_fn,
		"rte_intr_callback_unregister_pending", &ret);
	if (src == NULL)
		return ret;
	if (!src->active) {
		pthread_mutex_unlock(&intr.lock);
		return -EAGAIN;
	}
	ret = 0;
	TAILQ_FOREACH (cb, &src->callbacks, next) {
		if (cb->pending_delete || !callback_matches(cb, cb_fn, cb_arg))
			continue;
		cb->pending_delete = true;
		cb->ucb_fn = ucb_fn;
		ret++;
	}
	pthread_mutex_unlock(&intr.lock);
	return ret;
}

int
rte_intr_callback_unregister_sync(const struct rte_intr_handle *intr_handle,
	rte_intr_callback_fn cb_fn, void *cb_arg)
{
	int ret;

	while ((ret = rte_intr_callback_unregister(intr_handle, cb_fn,
			cb_arg)) == -EAGAIN) {
		/* On the interrupt thread the running source is the
		 * caller's own: waiting would never end. */
		if (rte_thread_is_intr()) {
			EAL_LOG(ERR,
				"rte_intr_callback_unregister_sync() called "
				"from the callback it waits for: use "
				"rte_intr_callback_unregister_pending()\n");
			return -EDEADLK;
		}
		sched_yield();
	}
	return ret;
}

/* Masks or unmasks the source of an EXT/VDEV handle (0 if none). */
static int
intr_source_mask(const struct rte_intr_handle *handle, bool masked)
{
	struct intr_source *src;
	int ret = 0;

	pthread_mutex_lock(&intr.lock);
	src = source_find_fd(handle->fd);
	if (src != NULL) {
		src->masked = masked;
		ret = source_watch_update(src);
	}
	pthread_mutex_unlock(&intr.lock);
	return ret;
}

/* enable (1), disable (0) or ack (2) of any handle type. */
static int
intr_control(const struct rte_intr_handle *handle, int what)
{
	static const char *const names[] = { "rte_intr_disable",
		"rte_intr_enable", "rte_intr_ack" };

	if (!intr_handle_valid(handle, names[what]))
		return -EINVAL;
	switch (handle->type) {
	case RTE_INTR_HANDLE_EXT:
	case RTE_INTR_HANDLE_VDEV:
		return what == 2 ? 0 : intr_source_mask(handle, what == 0);
	case RTE_INTR_HANDLE_ALARM:
	case RTE_INTR_HANDLE_DEV_EVENT:
		return what == 2 ? 0 : -ENOTSUP;
	case RTE_INTR_HANDLE_VFIO_MSIX:
		/* Fixed vectors: no device to program, only the fd to watch. */
		if (handle->fixed_vectors)
			return what == 2 ? 0 :
					   intr_source_mask(handle, what == 0);
		/* fall through */
	case RTE_INTR_HANDLE_UIO:
	case RTE_INTR_HANDLE_UIO_INTX:
	case RTE_INTR_HANDLE_VFIO_LEGACY:
	case RTE_INTR_HANDLE_VFIO_MSI:
	case RTE_INTR_HANDLE_VFIO_REQ:
		return what == 0  ? eal_intr_dev_disable(handle) :
			what == 1 ? eal_intr_dev_enable(handle) :
				    eal_intr_dev_ack(handle);
	default:
		EAL_LOG(ERR, "%s(): fd %d has an unknown handle type %d\n",
			names[what], handle->fd, (int)handle->type);
		return -EINVAL;
	}
}

int
rte_intr_enable(const struct rte_intr_handle *intr_handle)
{
	return intr_control(intr_handle, 1);
}

int
rte_intr_disable(const struct rte_intr_handle *intr_handle)
{
	return intr_control(intr_handle, 0);
}

int
rte_intr_ack(const struct rte_intr_handle *intr_handle)
{
	return intr_control(intr_handle, 2);
}

/* Reads the counter the kernel keeps for the fd: 1 read, 0 nothing
 * there (spurious wake-up), -1 broken fd. */
static int
intr_fd_drain(int fd, unsigned int size)
{
	uint64_t buf;
	ssize_t n;

	do {
		n = read(fd, &buf, size);
	} while (n < 0 && errno == EINTR);
	if (n > 0)
		return 1;
	if (n < 0 && errno == EAGAIN)
		return 0;
	EAL_LOG(ERR,
		"interrupt fd %d cannot be read (%s): it is no longer "
		"watched\n",
		fd, n == 0 ? "end of file" : strerror(errno));
	return -1;
}

/* Runs the callbacks of an active source, each without the lock. */
static void
intr_run_callbacks(struct intr_source *src)
{
	struct intr_callback *cb;
	rte_intr_callback_fn fn;
	void *arg;

	pthread_mutex_lock(&intr.lock);
	for (cb = TAILQ_FIRST(&src->callbacks); cb != NULL;
		cb = TAILQ_NEXT(cb, next)) {
		if (cb->pending_delete)
			continue;
		fn = cb->cb_fn;
		arg = cb->cb_arg;
		pthread_mutex_unlock(&intr.lock);
		fn(arg);
		pthread_mutex_lock(&intr.lock);
	}
	pthread_mutex_unlock(&intr.lock);
}

/* Takes the pending callbacks off a source; locked. */
static void
intr_take_pending(struct intr_source *src, struct intr_callback_list *out)
{
	struct intr_callback *cb, *next;

	for (cb = TAILQ_FIRST(&src->callbacks); cb != NULL; cb = next) {
		next = TAILQ_NEXT(cb, next);
		if (!cb->pending_delete)
			continue;
		TAILQ_REMOVE(&src->callbacks, cb, next);
		TAILQ_INSERT_TAIL(out, cb, next);
	}
}

/*
 * After the callbacks: removes the ones marked pending (calling their
 * ucb_fn unlocked, with the source still active so that it stays), then
 * ends the active state and drops the source if nothing is left on it.
 */
static void
intr_source_settle(struct intr_source *src, bool broken)
{
	struct intr_callback_list removed;
	struct intr_callback *cb;
	bool detach;

	for (;;) {
		TAILQ_INIT(&removed);
		pthread_mutex_lock(&intr.lock);
		intr_take_pending(src, &removed);
		if (TAILQ_EMPTY(&removed))
			break;
		pthread_mutex_unlock(&intr.lock);
		while ((cb = TAILQ_FIRST(&removed)) != NULL) {
			TAILQ_REMOVE(&removed, cb, next);
			if (cb->ucb_fn != NULL)
				cb->ucb_fn(src->handle, cb->cb_arg);
			free(cb);
		}
	}
	src->active = false;
	if (broken) {
		src->masked = true;
		source_watch_update(src);
	}
	detach = TAILQ_EMPTY(&src->callbacks);
	if (detach)
		source_detach(src);
	pthread_mutex_unlock(&intr.lock);
	if (detach)
		source_free(src);
}

static void
intr_source_dispatch(uint64_t id)
{
	struct intr_source *src;
	unsigned int size;
	int fd, drained = 1;

	pthread_mutex_lock(&intr.lock);
	src = source_find_id(id);
	if (src == NULL || !src->watched) {
		/* Removed or disabled since epoll_wait() returned. */
		pthread_mutex_unlock(&intr.lock);
		return;
	}
	src->active = true;
	fd = src->handle->fd;
	size = eal_intr_read_size(src->handle);
	pthread_mutex_unlock(&intr.lock);
	if (size > 0)
		drained = intr_fd_drain(fd, size);
	if (drained > 0)
		intr_run_callbacks(src);
	intr_source_settle(src, drained < 0);
}

/* Empties the wake-up eventfd; true when the thread must stop. */
static bool
intr_wake_drain(void)
{
	uint64_t count;

	if (read(intr.wake_fd, &count, sizeof(count)) < 0 && errno != EAGAIN)
		return true;
	return __atomic_load_n(&intr.stopping, __ATOMIC_ACQUIRE);
}

static void *
intr_thread_main(void *arg)
{
	struct epoll_event events[INTR_MAX_EVENTS];
	int n, i;

	RTE_SET_USED(arg);
	on_intr_thread = true;
	for (;;) {
		n = epoll_wait(intr.epfd, events, INTR_MAX_EVENTS, -1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			EAL_LOG(ERR,
				"interrupt thread: epoll_wait() failed: "
				"%s; no more interrupts or alarms\n",
				strerror(errno));
			return NULL;
		}
		for (i = 0; i < n; i++) {
			if (events[i].data.u64 != INTR_WAKE_ID)
				intr_source_dispatch(events[i].data.u64);
			else if (intr_wake_drain())
				return NULL;
		}
	}
}

/* Creates the epoll set and the wake-up fd, and watches the sources
 * registered before init. */
static int
intr_epoll_setup(void)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = INTR_WAKE_ID };
	struct intr_source *src;

	intr.epfd = epoll_create1(EPOLL_CLOEXEC);
	intr.wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (intr.epfd < 0 || intr.wake_fd < 0 ||
		epoll_ctl(intr.epfd, EPOLL_CTL_ADD, intr.wake_fd, &ev) < 0) {
		EAL_LOG(ERR, "cannot set up the interrupt thread's epoll: %s\n",
			strerror(errno));
		return -1;
	}
	pthread_mutex_lock(&intr.lock);
	TAILQ_FOREACH (src, &intr.sources, next)
		source_watch_update(src);
	pthread_mutex_unlock(&intr.lock);
	return 0;
}

static void
intr_epoll_close(void)
{
	struct intr_source *src;

	pthread_mutex_lock(&intr.lock);
	TAILQ_FOREACH (src, &intr.sources, next)
		src->watched = false;
	if (intr.epfd >= 0)
		close(intr.epfd);
	if (intr.wake_fd >= 0)
		close(intr.wake_fd);
	intr.epfd = -1;
	intr.wake_fd = -1;
	pthread_mutex_unlock(&intr.lock);
}

int
eal_intr_init(void)
{
	int ret;

	__atomic_store_n(&intr.stopping, false, __ATOMIC_RELEASE);
	if (intr_epoll_setup() < 0)
		goto fail;
	ret = rte_ctrl_thread_create(&intr.thread, "eal-intr-thread", NULL,
		intr_thread_main, NULL);
	if (ret != 0) {
		EAL_LOG(ERR, "cannot start the interrupt thread: %s\n",
			strerror(-ret));
		goto fail;
	}
	intr.started = true;
	return 0;

fail:
	intr_epoll_close();
	rte_errno = ENOMEM;
	return -1;
}

void
eal_intr_cleanup(void)
{
	struct intr_source *src;
	uint64_t one = 1;

	if (intr.started) {
		__atomic_store_n(&intr.stopping, true, __ATOMIC_RELEASE);
		if (write(intr.wake_fd, &one, sizeof(one)) != sizeof(one))
			EAL_LOG(WARNING, "cannot wake the interrupt thread\n");
		pthread_join(intr.thread, NULL);
		intr.started = false;
	}
	intr_epoll_close();
	/* Whatever is still registered goes with the EAL. */
	pthread_mutex_lock(&intr.lock);
	while ((src = TAILQ_FIRST(&intr.sources)) != NULL) {
		TAILQ_REMOVE(&intr.sources, src, next);
		source_free(src);
	}
	pthread_mutex_unlock(&intr.lock);
	eal_intr_tls_epfd_close();
}
