/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Memory copies for packet data.
 *
 * DPDK hand-writes SSE/AVX copy loops here. Current compilers expand
 * memcpy() inline for small and constant sizes with the same vector
 * moves, and glibc's memcpy picks an AVX/ERMS variant at run time for
 * large ones, so these are thin wrappers. Source and destination must
 * not overlap.
 */
#ifndef _RTE_MEMCPY_H_
#define _RTE_MEMCPY_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Copies 16 bytes. */
static __rte_always_inline void
rte_mov16(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 16);
}

/** Copies 32 bytes. */
static __rte_always_inline void
rte_mov32(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 32);
}

/** Copies 48 bytes. */
static __rte_always_inline void
rte_mov48(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 48);
}

/** Copies 64 bytes. */
static __rte_always_inline void
rte_mov64(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 64);
}

/** Copies 128 bytes. */
static __rte_always_inline void
rte_mov128(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 128);
}

/** Copies 256 bytes. */
static __rte_always_inline void
rte_mov256(uint8_t *dst, const uint8_t *src)
{
	memcpy(dst, src, 256);
}

/**
 * Copies n bytes from src to dst (the areas must not overlap).
 * @return dst
 */
static __rte_always_inline void *
rte_memcpy(void *dst, const void *src, size_t n)
{
	return memcpy(dst, src, n);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMCPY_H_ */
