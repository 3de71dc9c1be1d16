/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The Environment Abstraction Layer: the first and last calls of every
 * application (rte_eal_init(), rte_eal_cleanup()) and what they decided.
 */
#ifndef _RTE_EAL_H_
#define _RTE_EAL_H_

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <sys/queue.h>
#include <unistd.h>
#include <sys/syscall.h>

#include <rte_config.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_pci_dev_feature_defs.h>
#include <rte_per_lcore.h>
#include <rte_version.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MAGIC 19820526

/** Multi-process role. Pollux runs primaries only. */
enum rte_proc_type_t {
	RTE_PROC_AUTO = -1,
	RTE_PROC_PRIMARY = 0,
	RTE_PROC_SECONDARY,
	RTE_PROC_INVALID
};

/** How devices address memory: physical addresses or virtual ones. */
enum rte_iova_mode {
	RTE_IOVA_DC = 0,	/**< not decided / no preference */
	RTE_IOVA_PA = (1 << 0), /**< DMA with physical addresses */
	RTE_IOVA_VA = (1 << 1)	/**< DMA with virtual addresses (IOMMU) */
};

/**
 * Initialises the EAL from the command line.
 *
 * Parses the EAL options (everything up to "--" or the first non-option),
 * then sets up logging, lcores, memory and worker threads. The caller's
 * getopt state (optind, optarg, optopt, opterr) is preserved.
 *
 * @return the number of arguments consumed; argv[ret] is overwritten with
 *   argv[0], so the caller continues with argc - ret and argv + ret.
 *   -1 on error with rte_errno set: EINVAL (bad option, one line on
 *   stderr names it), EALREADY (called twice), ENOMEM, EACCES, ENOTSUP.
 *   Never exits, except that -h/--help prints the usage and exits 0.
 */
int rte_eal_init(int argc, char **argv);

/**
 * Releases what rte_eal_init() set up: worker threads, memory, logs.
 * No other EAL call is allowed afterwards. Returns 0, or -EFAULT when the
 * EAL was not initialised.
 */
int rte_eal_cleanup(void);

/** RTE_PROC_PRIMARY after init. */
enum rte_proc_type_t rte_eal_process_type(void);

/** Always 0 on Linux x86 (I/O ports need no privilege step). */
int rte_eal_iopl_init(void);

/** 1 unless the EAL runs on ordinary pages (--no-huge or fallback). */
int rte_eal_has_hugepages(void);

/** 1 when a PCI bus is built in (or loaded) and --no-pci was not given. */
int rte_eal_has_pci(void);

/** 0: --create-uio-dev is not supported. */
int rte_eal_create_uio_dev(void);

/**
 * The interrupt mode --vfio-intr asked for, for the PCI bus to use when
 * it sets up a device bound to vfio-pci; RTE_INTR_MODE_NONE without the
 * option (or before rte_eal_init()).
 */
enum rte_intr_mode rte_eal_vfio_intr_mode(void);

/** The IOVA mode in use (PA or VA) after init. */
enum rte_iova_mode rte_eal_iova_mode(void);

/** --mbuf-pool-ops-name, or NULL. */
const char *rte_eal_mbuf_user_pool_ops(void);

/** The runtime directory for this file prefix. */
const char *rte_eal_get_runtime_dir(void);

/** --base-virtaddr, or 0. */
uint64_t rte_eal_get_baseaddr(void);

/** Always 0: no primary process to look for (no multi-process support). */
int rte_eal_primary_proc_alive(const char *config_file_path);

/** An application's usage printer, called after the EAL's own with -h. */
typedef void (*rte_usage_hook_t)(const char *prgname);

/** Sets the usage hook; returns the previous one. */
rte_usage_hook_t rte_set_application_usage_hook(rte_usage_hook_t usage_func);

/**
 * Parses a hexadecimal core mask into cores[] (cores[i] = i for each set
 * bit, -1 otherwise; RTE_MAX_LCORE entries). 0 or -1.
 */
int rte_eal_parse_coremask(const char *coremask, int *cores);

/** The kernel thread id of the caller. */
int rte_sys_gettid(void);

static inline int
rte_gettid(void)
{
	static __thread int cached_tid;

	if (cached_tid == 0)
		cached_tid = rte_sys_gettid();
	return cached_tid;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EAL_H_ */
