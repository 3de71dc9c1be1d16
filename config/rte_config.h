/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Build-time configuration, force-included into every compilation unit
 * (the pkg-config file passes "-include rte_config.h", as DPDK's does).
 * The values that depend on meson options live in rte_build_config.h.
 */
#ifndef _RTE_CONFIG_H_
#define _RTE_CONFIG_H_

#include <rte_build_config.h>

/* Tells code that cares that these headers are Pollux's, not DPDK's. */
#define RTE_POLLUX 1

#define RTE_LOG_DP_LEVEL	     RTE_LOG_INFO
#define RTE_BACKTRACE		     1
#define RTE_MAX_HEAPS		     32
#define RTE_MAX_MEMSEG_LISTS	     128
#define RTE_MAX_TAILQ		     32
#define RTE_MAX_VFIO_GROUPS	     64
#define RTE_MAX_VFIO_CONTAINERS	     64
#define RTE_MEMPOOL_ALIGN	     RTE_CACHE_LINE_SIZE
#define RTE_MBUF_REFCNT_ATOMIC	     1
#define RTE_MBUF_DEFAULT_MEMPOOL_OPS "ring_mp_mc"
#define RTE_CACHE_LINE_MIN_SIZE	     64

#endif /* _RTE_CONFIG_H_ */
