/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Operating-system glue for Linux: the RTE_TAILQ_* and RTE_STAILQ_*
 * names that DPDK 22.11 headers use for their linked lists, mapped onto
 * <sys/queue.h>. Each name is defined only when nothing defined it first.
 * And rte_cpuset_t, the C library's cpu_set_t.
 */
#ifndef _RTE_OS_H_
#define _RTE_OS_H_

#include <sched.h>
#include <sys/queue.h>

#ifndef RTE_TAILQ_HEAD
#define RTE_TAILQ_HEAD(name, type) TAILQ_HEAD(name, type)
#endif
#ifndef RTE_TAILQ_ENTRY
#define RTE_TAILQ_ENTRY(type) TAILQ_ENTRY(type)
#endif
#ifndef RTE_TAILQ_FOREACH
#define RTE_TAILQ_FOREACH(var, head, field) TAILQ_FOREACH (var, head, field)
#endif
#ifndef RTE_TAILQ_FIRST
#define RTE_TAILQ_FIRST(head) TAILQ_FIRST(head)
#endif
#ifndef RTE_TAILQ_NEXT
#define RTE_TAILQ_NEXT(elem, field) TAILQ_NEXT(elem, field)
#endif
#ifndef RTE_STAILQ_HEAD
#define RTE_STAILQ_HEAD(name, type) STAILQ_HEAD(name, type)
#endif
#ifndef RTE_STAILQ_ENTRY
#define RTE_STAILQ_ENTRY(type) STAILQ_ENTRY(type)
#endif

/* CPU sets are the C library's. */
#ifndef RTE_HAS_CPUSET
#define RTE_HAS_CPUSET
typedef cpu_set_t rte_cpuset_t;
#endif

#endif /* _RTE_OS_H_ */
