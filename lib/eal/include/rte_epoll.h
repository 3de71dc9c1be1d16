/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * epoll for data-path threads: the Rx-interrupt mode lets a polling lcore
 * sleep in rte_epoll_wait() until one of its queues' event fds fires.
 *
 * An rte_epoll_event is the registration of one fd with one epoll
 * instance. The caller owns it and must keep it in place while it is
 * registered: the kernel's epoll_event carries a pointer to it.
 */
#ifndef __RTE_EPOLL_H__
#define __RTE_EPOLL_H__

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** rte_intr_rx_ctl() / rte_eth_dev_rx_intr_ctl_q() operations. */
#define RTE_INTR_EVENT_ADD 1UL
#define RTE_INTR_EVENT_DEL 2UL

/** Run inside rte_epoll_wait() for an fd that fired, before it returns. */
typedef void (*rte_intr_event_cb_t)(int fd, void *arg);

/** What the caller attaches to a registration. */
struct rte_epoll_data {
	uint32_t event;		    /**< EPOLL* event mask to wait for */
	void *data;		    /**< returned as is by rte_epoll_wait() */
	rte_intr_event_cb_t cb_fun; /**< optional callback */
	void *cb_arg;		    /**< its argument */
};

/** State of a registration. */
enum {
	RTE_EPOLL_INVALID = 0, /**< not registered */
	RTE_EPOLL_VALID,       /**< registered */
	RTE_EPOLL_EXEC,	       /**< its callback is running */
};

/** One registration, and one entry of rte_epoll_wait()'s result. */
struct rte_epoll_event {
	uint32_t status; /**< RTE_EPOLL_* */
	int fd;		 /**< the fd */
	int epfd;	 /**< the epoll instance it is in */
	struct rte_epoll_data epdata;
};

/** "The calling thread's own epoll instance", created on first use. */
#define RTE_EPOLL_PER_THREAD -1

/**
 * Waits up to timeout ms (-1: forever) for registered fds of epfd.
 * Signals do not end the wait.
 *
 * @return the number of events written to events (0 on timeout), each
 *   with its fd, epfd, epdata.data and the fired mask in epdata.event;
 *   -1 on error (bad arguments, epoll failure) with one error line.
 */
int rte_epoll_wait(int epfd, struct rte_epoll_event *events, int maxevents,
	int timeout);

/** Like rte_epoll_wait(), but a signal ends the wait: -1, errno EINTR. */
int rte_epoll_wait_interruptible(int epfd, struct rte_epoll_event *events,
	int maxevents, int timeout);

/**
 * Adds (EPOLL_CTL_ADD), changes (EPOLL_CTL_MOD) or removes
 * (EPOLL_CTL_DEL) the registration event of fd in epfd
 * (RTE_EPOLL_PER_THREAD: the thread's own). For ADD and MOD the mask is
 * event->epdata.event. DEL waits for a running callback of that
 * registration to return.
 *
 * @return 0, or -1 with one error line.
 */
int rte_epoll_ctl(int epfd, int op, int fd, struct rte_epoll_event *event);

#ifdef __cplusplus
}
#endif

#endif /* __RTE_EPOLL_H__ */
