/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/** @file Per-lcore (thread-local) variables. */
#ifndef _RTE_PER_LCORE_H_
#define _RTE_PER_LCORE_H_

#include <pthread.h>

/** Defines a thread-local variable of type @p type named per_lcore_<name>. */
#define RTE_DEFINE_PER_LCORE(type, name) \
	__thread __typeof__(type) per_lcore_##name

/** Declares a thread-local variable defined elsewhere. */
#define RTE_DECLARE_PER_LCORE(type, name) \
	extern __thread __typeof__(type) per_lcore_##name

/** The calling thread's instance of a per-lcore variable (an lvalue). */
#define RTE_PER_LCORE(name) (per_lcore_##name)

#endif /* _RTE_PER_LCORE_H_ */
