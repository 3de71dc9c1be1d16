/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Threads without pthread types in the API: create, join, detach, compare,
 * priorities, affinity, and thread-local keys. On Linux an rte_thread_t
 * holds a pthread_t.
 *
 * Return conventions differ by group, as in DPDK 22.11: thread calls return
 * 0 or a positive errno number; key calls return 0 or -1 with rte_errno.
 */
#ifndef _RTE_THREAD_H_
#define _RTE_THREAD_H_

#include <stdint.h>

#include <rte_compat.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A thread. */
typedef struct {
	uintptr_t opaque_id; /**< the pthread_t */
} rte_thread_t;

/** What a thread runs; its return value is the thread's exit value. */
typedef uint32_t (*rte_thread_func)(void *arg);

/** Scheduling priority of a thread. */
enum rte_thread_priority {
	RTE_THREAD_PRIORITY_NORMAL = 0,		   /**< the default */
	RTE_THREAD_PRIORITY_REALTIME_CRITICAL = 1, /**< real-time, highest */
};

/** Attributes of a thread to create (rte_thread_attr_init() first). */
typedef struct {
	enum rte_thread_priority priority;
#ifdef RTE_HAS_CPUSET
	rte_cpuset_t cpuset; /**< CPUs it may run on; empty: any */
#endif
} rte_thread_attr_t;

/** A thread-local storage key. */
typedef struct eal_tls_key *rte_thread_key;

/**
 * Starts thread_func(arg) in a new thread, with thread_attr (NULL: normal
 * priority, any CPU). @return 0, or a positive errno (EINVAL for NULL
 * thread_id or thread_func, EPERM for a real-time priority the process
 * may not use, ...).
 */
__rte_experimental int
rte_thread_create(rte_thread_t *thread_id, const rte_thread_attr_t *thread_attr,
	rte_thread_func thread_func, void *arg);

/**
 * Waits for a thread to end; its exit value goes to *value_ptr when not
 * NULL. @return 0, or a positive errno (ESRCH, EINVAL, EDEADLK).
 */
__rte_experimental int
rte_thread_join(rte_thread_t thread_id, uint32_t *value_ptr);

/** Lets a thread's resources go when it ends: 0 or a positive errno. */
__rte_experimental int rte_thread_detach(rte_thread_t thread_id);

/** The calling thread. */
__rte_experimental rte_thread_t rte_thread_self(void);

/** Non-zero when t1 and t2 are the same thread. */
__rte_experimental int rte_thread_equal(rte_thread_t t1, rte_thread_t t2);

/** Normal priority, any CPU. @return 0, or EINVAL for NULL. */
__rte_experimental int rte_thread_attr_init(rte_thread_attr_t *attr);

/** @return 0, or EINVAL (NULL, not a priority). */
__rte_experimental int
rte_thread_attr_set_priority(rte_thread_attr_t *thread_attr,
	enum rte_thread_priority priority);

#ifdef RTE_HAS_CPUSET
/** Copies cpuset into the attributes. @return 0, or EINVAL for NULL. */
__rte_experimental int
rte_thread_attr_set_affinity(rte_thread_attr_t *thread_attr,
	rte_cpuset_t *cpuset);

/** Copies the attributes' CPU set out. @return 0, or EINVAL for NULL. */
__rte_experimental int
rte_thread_attr_get_affinity(rte_thread_attr_t *thread_attr,
	rte_cpuset_t *cpuset);

/** Pins a thread to cpuset. @return 0, or a positive errno. */
__rte_experimental int rte_thread_set_affinity_by_id(rte_thread_t thread_id,
	const rte_cpuset_t *cpuset);

/** The CPUs a thread may run on. @return 0, or a positive errno. */
__rte_experimental int
rte_thread_get_affinity_by_id(rte_thread_t thread_id, rte_cpuset_t *cpuset);
#endif

/** A thread's priority. @return 0, or a positive errno (EINVAL, ESRCH). */
__rte_experimental int rte_thread_get_priority(rte_thread_t thread_id,
	enum rte_thread_priority *priority);

/**
 * Changes a thread's priority. Real-time priority needs CAP_SYS_NICE and
 * can starve the rest of the system when the thread polls.
 * @return 0, or a positive errno (EINVAL, EPERM, ESRCH).
 */
__rte_experimental int rte_thread_set_priority(rte_thread_t thread_id,
	enum rte_thread_priority priority);

/**
 * Creates a thread-local key; destructor (may be NULL) runs on a thread's
 * non-NULL value when that thread ends.
 * @return 0, or -1 with rte_errno EINVAL (NULL key), ENOMEM or ENOEXEC.
 */
__rte_experimental int
rte_thread_key_create(rte_thread_key *key, void (*destructor)(void *));

/** Deletes a key. @return 0, or -1 with rte_errno EINVAL or ENOEXEC. */
__rte_experimental int rte_thread_key_delete(rte_thread_key key);

/** Sets the calling thread's value. @return 0, or -1 with rte_errno. */
__rte_experimental int
rte_thread_value_set(rte_thread_key key, const void *value);

/** The calling thread's value (NULL when unset, or with rte_errno set). */
__rte_experimental void *rte_thread_value_get(rte_thread_key key);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_THREAD_H_ */
