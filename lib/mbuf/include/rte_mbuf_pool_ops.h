/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Which mempool handler ("ops") backs the pools rte_pktmbuf_pool_create()
 * makes.
 *
 * Three sources, in order of preference:
 *  1. the user's choice: rte_mbuf_set_user_mempool_ops(), or else the EAL
 *     option --mbuf-pool-ops-name;
 *  2. the platform's choice, set once by a driver for hardware pools:
 *     rte_mbuf_set_platform_mempool_ops();
 *  3. RTE_MBUF_DEFAULT_MEMPOOL_OPS ("ring_mp_mc").
 *
 * The names are kept in the process; the functions are thread-safe.
 */
#ifndef _RTE_MBUF_POOL_OPS_H_
#define _RTE_MBUF_POOL_OPS_H_

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Records the platform's mempool ops name. It can be set once: setting
 * the same name again is fine, another name is refused.
 *
 * @return
 *   0, -EINVAL (ops_name NULL), -ENAMETOOLONG (RTE_MEMPOOL_OPS_NAMESIZE
 *   or longer), -EEXIST (a different name is already set).
 */
int rte_mbuf_set_platform_mempool_ops(const char *ops_name);

/** The platform's mempool ops name, or NULL if none was set. */
const char *rte_mbuf_platform_mempool_ops(void);

/**
 * Records the user's mempool ops name, replacing an earlier one.
 *
 * @return
 *   0, -EINVAL (ops_name NULL) or -ENAMETOOLONG.
 */
int rte_mbuf_set_user_mempool_ops(const char *ops_name);

/**
 * The user's mempool ops name: the one set with
 * rte_mbuf_set_user_mempool_ops(), else --mbuf-pool-ops-name, else NULL.
 */
const char *rte_mbuf_user_mempool_ops(void);

/** The user's name, else the platform's, else the compiled-in default. */
const char *rte_mbuf_best_mempool_ops(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_POOL_OPS_H_ */
