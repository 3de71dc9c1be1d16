/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * SIMD types and the limit on vector width that code paths may use.
 *
 * On x86 this pulls in the compiler's intrinsics (<x86intrin.h>: SSE up
 * to AVX-512, each usable where the target or a target attribute
 * enables it) and defines the 128/256-bit helper unions; on arm64 it
 * pulls in <arm_neon.h>.
 */
#ifndef _RTE_VECT_H_
#define _RTE_VECT_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_compat.h>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#elif defined(__aarch64__) && defined(__ARM_NEON)
#include <arm_neon.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Generic vector types (GCC/clang vector extension). */
typedef uint8_t rte_v128u8_t __attribute__((vector_size(16), aligned(16)));
typedef uint16_t rte_v128u16_t __attribute__((vector_size(16), aligned(16)));
typedef uint32_t rte_v128u32_t __attribute__((vector_size(16), aligned(16)));
typedef uint64_t rte_v128u64_t __attribute__((vector_size(16), aligned(16)));
typedef int8_t rte_v128s8_t __attribute__((vector_size(16), aligned(16)));
typedef int16_t rte_v128s16_t __attribute__((vector_size(16), aligned(16)));
typedef int32_t rte_v128s32_t __attribute__((vector_size(16), aligned(16)));
typedef int64_t rte_v128s64_t __attribute__((vector_size(16), aligned(16)));
typedef uint8_t rte_v256u8_t __attribute__((vector_size(32), aligned(32)));
typedef uint16_t rte_v256u16_t __attribute__((vector_size(32), aligned(32)));
typedef uint32_t rte_v256u32_t __attribute__((vector_size(32), aligned(32)));
typedef uint64_t rte_v256u64_t __attribute__((vector_size(32), aligned(32)));

/** The widest vector code a data path may pick (bits). */
enum rte_vect_max_simd {
	RTE_VECT_SIMD_DISABLED = 64,	   /**< scalar code only */
	RTE_VECT_SIMD_128 = 128,	   /**< up to SSE / NEON */
	RTE_VECT_SIMD_256 = 256,	   /**< up to AVX2 */
	RTE_VECT_SIMD_512 = 512,	   /**< up to AVX-512 */
	RTE_VECT_SIMD_MAX = INT16_MAX + 1, /**< no limit */
};

#if defined(__x86_64__) || defined(__i386__)

/* AVX-512 lowers clocks on many CPUs; allow it only when asked to. */
#define RTE_VECT_DEFAULT_SIMD_BITWIDTH RTE_VECT_SIMD_256

typedef __m128i xmm_t;
#define XMM_SIZE (sizeof(xmm_t))
#define XMM_MASK (XMM_SIZE - 1)

/** A 128-bit register viewed as lanes of each width. */
typedef union rte_xmm {
	xmm_t x;
	uint8_t u8[XMM_SIZE / sizeof(uint8_t)];
	uint16_t u16[XMM_SIZE / sizeof(uint16_t)];
	uint32_t u32[XMM_SIZE / sizeof(uint32_t)];
	uint64_t u64[XMM_SIZE / sizeof(uint64_t)];
	double pd[XMM_SIZE / sizeof(double)];
} rte_xmm_t;

#ifdef __AVX__
typedef __m256i ymm_t;
#define YMM_SIZE (sizeof(ymm_t))
#define YMM_MASK (YMM_SIZE - 1)

/** A 256-bit register viewed as lanes of each width. */
typedef union rte_ymm {
	ymm_t y;
	xmm_t x[YMM_SIZE / sizeof(xmm_t)];
	uint8_t u8[YMM_SIZE / sizeof(uint8_t)];
	uint16_t u16[YMM_SIZE / sizeof(uint16_t)];
	uint32_t u32[YMM_SIZE / sizeof(uint32_t)];
	uint64_t u64[YMM_SIZE / sizeof(uint64_t)];
	double pd[YMM_SIZE / sizeof(double)];
} rte_ymm_t;
#endif /* __AVX__ */

#else /* not x86 */

#define RTE_VECT_DEFAULT_SIMD_BITWIDTH RTE_VECT_SIMD_MAX

#endif

/** The current limit (RTE_VECT_DEFAULT_SIMD_BITWIDTH unless set). */
__rte_experimental uint16_t rte_vect_get_max_simd_bitwidth(void);

/**
 * Sets the limit; bitwidth must be a power of two between 64 and
 * RTE_VECT_SIMD_MAX.
 * @return 0, or -EINVAL for another value.
 */
__rte_experimental int rte_vect_set_max_simd_bitwidth(uint16_t bitwidth);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_VECT_H_ */
