/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * ABI stability markers.
 *
 * DPDK tags new functions __rte_experimental and driver-only ones
 * __rte_internal. Pollux keeps the names so that application sources
 * compile unchanged, but both expand to nothing: an experimental call
 * never warns, with or without ALLOW_EXPERIMENTAL_API, because a warning
 * turns into a build failure under -Werror.
 */
#ifndef _RTE_COMPAT_H_
#define _RTE_COMPAT_H_

#ifdef __cplusplus
extern "C" {
#endif

#ifndef __rte_experimental
#define __rte_experimental
#endif

#ifndef __rte_internal
#define __rte_internal
#endif

#ifdef __cplusplus
}
#endif

#endif /* _RTE_COMPAT_H_ */
