/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Alarms. Pending alarms are kept sorted by deadline (CLOCK_MONOTONIC,
 * nanoseconds); one timerfd, a source of the interrupt thread, is armed
 * for the earliest. When it fires, the thread runs every alarm that is
 * due, one by one and without the lock, so a callback may set and
 * cancel alarms. An alarm stays on the list, marked executing, until
 * its callback returns; rte_eal_alarm_cancel() from another thread waits
 * for it, from the callback itself it reports EINPROGRESS.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/queue.h>
#include <sys/timerfd.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "eal_private.h"

#define ALARM_ANY_ARG ((void *)-1)
#define NS_PER_US     1000
#define ALARM_MAX_US  (UINT64_MAX - US_PER_S)

struct alarm_entry {
	TAILQ_ENTRY(alarm_entry) next;
	uint64_t deadline; /* ns, CLOCK_MONOTONIC */
	rte_eal_alarm_callback cb_fn;
	void *cb_arg;
	bool executing;
	pthread_t executing_thread;
};

static struct {
	pthread_mutex_t lock;
	TAILQ_HEAD(, alarm_entry) list;
	struct rte_intr_handle *handle; /* the timerfd; NULL before init */
} alarms = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.list = TAILQ_HEAD_INITIALIZER(alarms.list),
};

static uint64_t
alarm_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/* Arms the timerfd for the earliest alarm not running, or disarms it;
 * locked. */
static void
alarm_timer_rearm(void)
{
	struct itimerspec spec;
	struct alarm_entry *ap;

	memset(&spec, 0, sizeof(spec));
	TAILQ_FOREACH (ap, &alarms.list, next) {
		if (ap->executing)
			continue;
		spec.it_value.tv_sec = (time_t)(ap->deadline / NS_PER_S);
		spec.it_value.tv_nsec = (long)(ap->deadline % NS_PER_S);
		break;
	}
	if (timerfd_settime(rte_intr_fd_get(alarms.handle), TFD_TIMER_ABSTIME,
		    &spec, NULL) < 0)
		EAL_LOG(ERR,
			"cannot arm the alarm timer: %s; alarms are "
			"late\n",
			strerror(errno));
}

/* The earliest alarm that is due and not running; locked. */
static struct alarm_entry *
alarm_due(uint64_t now)
{
	struct alarm_entry *ap;

	TAILQ_FOREACH (ap, &alarms.list, next) {
		if (ap->executing)
			continue;
		return ap->deadline <= now ? ap : NULL;
	}
	return NULL;
}

/* The timerfd's interrupt callback, on the interrupt thread. */
static void
alarm_fire(void *arg)
{
	struct alarm_entry *ap;

	RTE_SET_USED(arg);
	pthread_mutex_lock(&alarms.lock);
	while ((ap = alarm_due(alarm_now())) != NULL) {
		ap->executing = true;
		ap->executing_thread = pthread_self();
		pthread_mutex_unlock(&alarms.lock);
		ap->cb_fn(ap->cb_arg);
		pthread_mutex_lock(&alarms.lock);
		TAILQ_REMOVE(&alarms.list, ap, next);
		free(ap);
	}
	alarm_timer_rearm();
	pthread_mutex_unlock(&alarms.lock);
}

int
rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb, void *cb_arg)
{
	struct alarm_entry *entry, *ap;
	uint64_t now;

	if (us == 0 || us > ALARM_MAX_US || cb == NULL) {
		EAL_LOG(ERR, "rte_eal_alarm_set(): %s\n",
			cb == NULL ? "NULL callback" :
				     "the delay must be 1 us or more, and "
				     "not near UINT64_MAX");
		return -EINVAL;
	}
	entry = calloc(1, sizeof(*entry));
	if (entry == NULL) {
		EAL_LOG(ERR, "rte_eal_alarm_set(): out of memory\n");
		return -ENOMEM;
	}
	now = alarm_now();
	/* Saturate instead of wrapping for delays of centuries. */
	entry->deadline = us > (UINT64_MAX - now) / NS_PER_US ?
		UINT64_MAX :
		now + us * NS_PER_US;
	entry->cb_fn = cb;
	entry->cb_arg = cb_arg;
	pthread_mutex_lock(&alarms.lock);
	if (alarms.handle == NULL) {
		pthread_mutex_unlock(&alarms.lock);
		free(entry);
		EAL_LOG(ERR,
			"rte_eal_alarm_set(): the EAL is not initialised\n");
		return -ENODEV;
	}
	/* After every alarm due at the same time: they keep their order. */
	TAILQ_FOREACH (ap, &alarms.list, next)
		if (ap->deadline > entry->deadline)
			break;
	if (ap != NULL)
		TAILQ_INSERT_BEFORE(ap, entry, next);
	else
		TAILQ_INSERT_TAIL(&alarms.list, entry, next);
	alarm_timer_rearm();
	pthread_mutex_unlock(&alarms.lock);
	return 0;
}

/* One pass of rte_eal_alarm_cancel(); true when a matching alarm runs
 * on another thread (the caller waits and tries again). */
static bool
alarm_cancel_pass(rte_eal_alarm_callback cb_fn, void *cb_arg, int *count,
	bool *in_progress)
{
	struct alarm_entry *ap, *next;
	bool busy = false;

	pthread_mutex_lock(&alarms.lock);
	for (ap = TAILQ_FIRST(&alarms.list); ap != NULL; ap = next) {
		next = TAILQ_NEXT(ap, next);
		if (ap->cb_fn != cb_fn ||
			(cb_arg != ALARM_ANY_ARG && ap->cb_arg != cb_arg))
			continue;
		if (!ap->executing) {
			TAILQ_REMOVE(&alarms.list, ap, next);
			free(ap);
			(*count)++;
		} else if (pthread_equal(ap->executing_thread, pthread_self())) {
			*in_progress = true;
		} else {
			busy = true;
		}
	}
	pthread_mutex_unlock(&alarms.lock);
	return busy;
}

int
rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg)
{
	bool in_progress = false;
	int count = 0;

	if (cb_fn == NULL) {
		EAL_LOG(ERR, "rte_eal_alarm_cancel(): NULL callback\n");
		rte_errno = EINVAL;
		return -1;
	}
	while (alarm_cancel_pass(cb_fn, cb_arg, &count, &in_progress))
		sched_yield();
	/* A cancelled head leaves the timer armed: it fires, finds nothing
	 * due and re-arms for the next one. */
	if (in_progress)
		rte_errno = EINPROGRESS;
	else if (count == 0)
		rte_errno = ENOENT;
	return count;
}

int
eal_alarm_init(void)
{
	struct rte_intr_handle *handle;
	int fd, ret;

	fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (fd < 0) {
		EAL_LOG(ERR, "cannot create the alarm timer: %s\n",
			strerror(errno));
		rte_errno = errno;
		return -1;
	}
	handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (handle == NULL) {
		close(fd);
		return -1;
	}
	rte_intr_fd_set(handle, fd);
	rte_intr_type_set(handle, RTE_INTR_HANDLE_ALARM);
	ret = rte_intr_callback_register(handle, alarm_fire, NULL);
	if (ret < 0) {
		rte_intr_instance_free(handle);
		close(fd);
		rte_errno = -ret;
		return -1;
	}
	pthread_mutex_lock(&alarms.lock);
	alarms.handle = handle;
	pthread_mutex_unlock(&alarms.lock);
	return 0;
}

/* After the interrupt thread has stopped: drops the pending alarms. */
void
eal_alarm_cleanup(void)
{
	struct alarm_entry *ap;
	struct rte_intr_handle *handle;

	pthread_mutex_lock(&alarms.lock);
	while ((ap = TAILQ_FIRST(&alarms.list)) != NULL) {
		TAILQ_REMOVE(&alarms.list, ap, next);
		free(ap);
	}
	handle = alarms.handle;
	alarms.handle = NULL;
	pthread_mutex_unlock(&alarms.lock);
	if (handle == NULL)
		return;
	close(rte_intr_fd_get(handle));
	rte_intr_instance_free(handle);
}
