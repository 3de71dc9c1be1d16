/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* The widest SIMD that data paths may choose (--force-max-simd-bitwidth). */
#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_vect.h>

static uint16_t vect_max_simd_bitwidth = RTE_VECT_DEFAULT_SIMD_BITWIDTH;

uint16_t
rte_vect_get_max_simd_bitwidth(void)
{
	return __atomic_load_n(&vect_max_simd_bitwidth, __ATOMIC_RELAXED);
}

int
rte_vect_set_max_simd_bitwidth(uint16_t bitwidth)
{
	if (bitwidth < RTE_VECT_SIMD_DISABLED || bitwidth > RTE_VECT_SIMD_MAX ||
		!rte_is_power_of_2(bitwidth))
		return -EINVAL;
	__atomic_store_n(&vect_max_simd_bitwidth, bitwidth, __ATOMIC_RELAXED);
	return 0;
}
