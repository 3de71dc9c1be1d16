/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* rte_errno and its text. */
#include <stdio.h>
#include <string.h>

#include <rte_errno.h>

RTE_DEFINE_PER_LCORE(int, _rte_errno);

const char *
rte_strerror(int errnum)
{
	static __thread char buf[128];

	if (errnum < 0)
		errnum = -errnum;
	switch (errnum) {
	case E_RTE_SECONDARY:
		return "Invalid call in secondary process";
	case E_RTE_NO_CONFIG:
		return "Missing rte_config structure (EAL not initialised)";
	default:
		break;
	}
	if (errnum > RTE_MIN_ERRNO && errnum < RTE_MAX_ERRNO) {
		snprintf(buf, sizeof(buf), "Unknown EAL error %d", errnum);
		return buf;
	}
	/* strerror_r (GNU) returns a pointer, possibly not into buf. */
	return strerror_r(errnum, buf, sizeof(buf));
}
