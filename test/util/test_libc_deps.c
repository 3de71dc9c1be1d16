/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * DPDK's example applications use these libc names without including
 * the libc headers that declare them: they arrive through rte_eal.h and
 * rte_lcore.h. This file includes only those two and must keep
 * compiling (dpdk-api-subset.md section 1.3).
 */
#include <rte_eal.h>
#include <rte_lcore.h>

struct libc_deps_sample {
	uint16_t port;
	bool enabled;
};

int
main(void)
{
	struct libc_deps_sample sample;
	uint64_t big = UINT64_C(1) << 40;
	int codes[] = { ENOSPC, ERANGE, EOF };

	memset(&sample, 0, sizeof(sample));
	sample.enabled = true;
	printf("offset %zu, max %d, big %" PRIu64 ", %s, code %d\n",
		offsetof(struct libc_deps_sample, enabled), INT_MAX, big,
		strerror(codes[0]), codes[2]);
	return sample.port == 0 && sample.enabled ? 0 : 1;
}
