/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * rte_errno: a per-thread error number that API calls set when they fail,
 * in addition to (or instead of) returning -errno.
 */
#ifndef _RTE_ERRNO_H_
#define _RTE_ERRNO_H_

#include <errno.h>

#include <rte_per_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

RTE_DECLARE_PER_LCORE(int, _rte_errno);

/** The calling thread's error number (an lvalue: read or assign it). */
#define rte_errno RTE_PER_LCORE(_rte_errno)

/**
 * Text for an error number: the EAL's own codes below, else strerror().
 * The string is thread-local or static; never free it.
 */
const char *rte_strerror(int errnum);

#ifndef __ELASTERROR
#define __ELASTERROR 1000
#endif

/** Error numbers that only the EAL uses. */
enum {
	RTE_MIN_ERRNO = __ELASTERROR, /**< start of the EAL's range */
	E_RTE_SECONDARY,	      /**< not allowed in a secondary process */
	E_RTE_NO_CONFIG,	      /**< the EAL is not initialised */
	RTE_MAX_ERRNO		      /**< end of the EAL's range */
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ERRNO_H_ */
