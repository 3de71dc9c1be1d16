/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Logical cores: the threads the EAL runs (the main lcore, which runs
 * main(), and one pinned worker thread per other enabled lcore), and the
 * NUMA sockets they sit on.
 */
#ifndef _RTE_LCORE_H_
#define _RTE_LCORE_H_

#include <sched.h>
#include <stdio.h>
#include <pthread.h>

#include <rte_config.h>
#include <rte_common.h>
#include <rte_per_lcore.h>
#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_os.h>
#include <rte_thread.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LCORE_ID_ANY UINT32_MAX /**< not an EAL thread */
#ifndef SOCKET_ID_ANY
#define SOCKET_ID_ANY -1 /**< any NUMA socket */
#endif

#define RTE_CPU_AND(dst, src1, src2) CPU_AND(dst, src1, src2)
#define RTE_CPU_OR(dst, src1, src2)  CPU_OR(dst, src1, src2)
#define RTE_CPU_FILL(set) \
	do { \
		unsigned int _i; \
		CPU_ZERO(set); \
		for (_i = 0; _i < CPU_SETSIZE; _i++) \
			CPU_SET(_i, set); \
	} while (0)
#define RTE_CPU_NOT(dst, src) \
	do { \
		cpu_set_t _tmp; \
		RTE_CPU_FILL(&_tmp); \
		CPU_XOR(dst, &_tmp, src); \
	} while (0)

/** What an lcore id is used for. */
enum rte_lcore_role_t {
	ROLE_RTE,     /**< an enabled EAL lcore */
	ROLE_OFF,     /**< not in use */
	ROLE_SERVICE, /**< a service core */
	ROLE_NON_EAL, /**< a registered non-EAL thread */
};

RTE_DECLARE_PER_LCORE(unsigned int, _lcore_id);

/** The calling thread's lcore id; LCORE_ID_ANY outside EAL threads. */
static inline unsigned int
rte_lcore_id(void)
{
	return RTE_PER_LCORE(_lcore_id);
}

/** The role of an lcore id (ROLE_OFF when out of range). */
enum rte_lcore_role_t rte_eal_lcore_role(unsigned int lcore_id);

/** 1 if the lcore has that role, 0 if not, -EINVAL when out of range. */
int rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role);

/** The main lcore's id. */
unsigned int rte_get_main_lcore(void);

/** Number of enabled lcores. */
unsigned int rte_lcore_count(void);

/** Rank of an lcore among enabled ones (-1: the caller), or -1. */
int rte_lcore_index(int lcore_id);

/** The NUMA socket of the calling thread's lcore (SOCKET_ID_ANY if none). */
unsigned int rte_socket_id(void);

/** Number of NUMA sockets with CPUs. */
unsigned int rte_socket_count(void);

/** The socket id at index idx (0..count-1), or -1 with rte_errno EINVAL. */
int rte_socket_id_by_idx(unsigned int idx);

/** The NUMA socket of an lcore. */
unsigned int rte_lcore_to_socket_id(unsigned int lcore_id);

/** The first CPU of an lcore's CPU set, or -1. */
int rte_lcore_to_cpu_id(int lcore_id);

/** The CPU set an lcore is pinned to. */
rte_cpuset_t rte_lcore_cpuset(unsigned int lcore_id);

/** 1 if lcore_id is an enabled EAL lcore, else 0. */
int rte_lcore_is_enabled(unsigned int lcore_id);

/**
 * The next enabled lcore after i (i = -1 starts at 0), skipping the main
 * lcore if skip_main, wrapping around once if wrap. RTE_MAX_LCORE when
 * there is none.
 */
unsigned int rte_get_next_lcore(unsigned int i, int skip_main, int wrap);

/** Every enabled lcore, main included. */
#define RTE_LCORE_FOREACH(i) \
	for (i = rte_get_next_lcore(-1, 0, 0); i < RTE_MAX_LCORE; \
		i = rte_get_next_lcore(i, 0, 0))

/** Every enabled lcore except main. */
#define RTE_LCORE_FOREACH_WORKER(i) \
	for (i = rte_get_next_lcore(-1, 1, 0); i < RTE_MAX_LCORE; \
		i = rte_get_next_lcore(i, 1, 0))

/** Called for every lcore by rte_lcore_iterate(); non-zero stops. */
typedef int (*rte_lcore_iterate_cb)(unsigned int lcore_id, void *arg);

/**
 * Calls cb on every lcore in use (EAL lcores and registered non-EAL
 * threads); returns the first non-zero result.
 */
int rte_lcore_iterate(rte_lcore_iterate_cb cb, void *arg);

/** Sets up what lcore_id needs (per-lcore data): 0, or refuses it. */
typedef int (*rte_lcore_init_cb)(unsigned int lcore_id, void *arg);

/** Undoes what the init callback did for lcore_id. */
typedef void (*rte_lcore_uninit_cb)(unsigned int lcore_id, void *arg);

/**
 * Registers callbacks run for each lcore that comes into use: init (may
 * be NULL) at once for every lcore in use now, and later for every thread
 * that rte_thread_register() gives an lcore; uninit (may be NULL) when
 * such a thread unregisters, and for every lcore in use on unregister.
 * @return a handle for rte_lcore_callback_unregister(); NULL when name is
 *   NULL, on out of memory, or when init refused an lcore in use (uninit
 *   then ran for those it accepted).
 */
void *rte_lcore_callback_register(const char *name, rte_lcore_init_cb init,
	rte_lcore_uninit_cb uninit, void *arg);

/** Runs uninit on every lcore in use and forgets the callbacks. */
void rte_lcore_callback_unregister(void *handle);

/**
 * Gives the calling thread, which the EAL did not create, an lcore id of
 * its own (role ROLE_NON_EAL), so it can use per-lcore caches and the
 * like; the lcore init callbacks run for it. A thread that has an lcore
 * id already keeps it.
 * @return 0; -1 with rte_errno EINVAL (before rte_eal_init()) or ENOMEM
 *   (no free lcore id, or an init callback refused it).
 */
int rte_thread_register(void);

/**
 * Gives back the lcore id of a thread registered by rte_thread_register()
 * (the uninit callbacks run); the thread is then no lcore. A no-op for
 * other threads.
 */
void rte_thread_unregister(void);

/** Prints one line per enabled lcore: id, role, socket, CPUs. */
void rte_lcore_dump(FILE *f);

/** Names a thread (at most 15 characters are kept). 0 or -errno. */
int rte_thread_setname(pthread_t id, const char *name);

/** Reads a thread's name. 0 or -errno. */
int rte_thread_getname(pthread_t id, char *name, size_t len);

/**
 * Creates a control thread: unpinned from the data-plane lcores (it runs
 * on the CPUs no lcore uses, or anywhere when every CPU is taken).
 */
int rte_ctrl_thread_create(pthread_t *thread, const char *name,
	const pthread_attr_t *attr, void *(*start_routine)(void *), void *arg);

/** Sets the calling thread's affinity; 0 or -1 with rte_errno. */
int rte_thread_set_affinity(rte_cpuset_t *cpusetp);

/** The calling thread's affinity as recorded by the EAL. */
void rte_thread_get_affinity(rte_cpuset_t *cpusetp);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LCORE_H_ */
