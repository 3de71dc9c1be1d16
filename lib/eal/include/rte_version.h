/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Version. The RTE_VER_* numbers name the DPDK API release Pollux is
 * source-compatible with (22.11), so version checks in applications work.
 */
#ifndef _RTE_VERSION_H_
#define _RTE_VERSION_H_

#include <stdint.h>

#define RTE_VER_YEAR	22
#define RTE_VER_MONTH	11
#define RTE_VER_MINOR	0
#define RTE_VER_RELEASE 99
#define RTE_VER_SUFFIX	""
#define RTE_VER_PREFIX	"Pollux"

#define RTE_VERSION_NUM(a, b, c, d) ((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define RTE_VERSION \
	RTE_VERSION_NUM(RTE_VER_YEAR, RTE_VER_MONTH, RTE_VER_MINOR, \
		RTE_VER_RELEASE)

/** "Pollux <version> (DPDK 22.11 API)". */
const char *rte_version(void);
const char *rte_version_prefix(void);
unsigned int rte_version_year(void);
unsigned int rte_version_month(void);
unsigned int rte_version_minor(void);
const char *rte_version_suffix(void);
unsigned int rte_version_release(void);

#endif /* _RTE_VERSION_H_ */
