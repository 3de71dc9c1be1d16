/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_common.h macros and helpers, byte order, bit operations, CPU
 * flags: the small inline pieces every other component builds on.
 */
#include <stdint.h>
#include <string.h>

#include <rte_bitops.h>
#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_memcpy.h>
#include <rte_prefetch.h>
#include <rte_vect.h>

#include "test_helpers.h"

static void
test_align_values(void **state)
{
	uint64_t big = (UINT64_C(1) << 40) + 1;

	(void)state;
	assert_int_equal(RTE_ALIGN_CEIL(13u, 8), 16);
	assert_int_equal(RTE_ALIGN_CEIL(16u, 8), 16);
	assert_int_equal(RTE_ALIGN_CEIL(0u, 8), 0);
	assert_int_equal(RTE_ALIGN(1u, 64), 64);
	assert_int_equal(RTE_ALIGN_FLOOR(13u, 8), 8);
	assert_int_equal(RTE_ALIGN_FLOOR(7u, 8), 0);
	assert_int_equal(RTE_ALIGN_CEIL(big, 4096), (UINT64_C(1) << 40) + 4096);
	assert_int_equal(RTE_ALIGN_FLOOR(big, 4096), UINT64_C(1) << 40);
	assert_int_equal(RTE_ALIGN_MUL_CEIL(13u, 5), 15);
	assert_int_equal(RTE_ALIGN_MUL_FLOOR(13u, 5), 10);
	assert_int_equal(RTE_ALIGN_MUL_NEAR(12u, 5), 10);
	assert_int_equal(RTE_ALIGN_MUL_NEAR(13u, 5), 15);
	assert_int_equal(RTE_CACHE_LINE_ROUNDUP(1), RTE_CACHE_LINE_SIZE);
	assert_int_equal(RTE_CACHE_LINE_ROUNDUP(RTE_CACHE_LINE_SIZE + 1),
		2 * RTE_CACHE_LINE_SIZE);
}

static void
test_align_pointers(void **state)
{
	static char buf[256] __rte_aligned(64);
	char *p = &buf[1];

	(void)state;
	assert_ptr_equal(RTE_PTR_ALIGN_CEIL(p, 64), &buf[64]);
	assert_ptr_equal(RTE_PTR_ALIGN(p, 64), &buf[64]);
	assert_ptr_equal(RTE_PTR_ALIGN_FLOOR(p, 64), &buf[0]);
	assert_ptr_equal(RTE_PTR_ALIGN_CEIL(&buf[64], 64), &buf[64]);
	assert_ptr_equal(RTE_PTR_ADD(buf, 10), &buf[10]);
	assert_ptr_equal(RTE_PTR_SUB(&buf[10], 10), buf);
	assert_int_equal(RTE_PTR_DIFF(&buf[10], buf), 10);
	assert_true(rte_is_aligned(&buf[0], 64));
	assert_true(rte_is_aligned(&buf[64], 64));
	assert_false(rte_is_aligned(&buf[8], 64));
	assert_true(rte_is_aligned(&buf[8], 8));
}

static void
test_pow2_32(void **state)
{
	const uint32_t top = UINT32_C(1) << 31;

	(void)state;
	assert_false(rte_is_power_of_2(0));
	assert_true(rte_is_power_of_2(1));
	assert_true(rte_is_power_of_2(2));
	assert_true(rte_is_power_of_2(top));
	assert_false(rte_is_power_of_2(top + 1));
	assert_false(rte_is_power_of_2(UINT32_MAX));
	assert_true(RTE_IS_POWER_OF_2(64));
	assert_false(RTE_IS_POWER_OF_2(0));

	assert_int_equal(rte_align32pow2(0), 0);
	assert_int_equal(rte_align32pow2(1), 1);
	assert_int_equal(rte_align32pow2(2), 2);
	assert_int_equal(rte_align32pow2(3), 4);
	assert_int_equal(rte_align32pow2(top), top);
	assert_int_equal(rte_align32pow2(top + 1), 0); /* 2^32 wraps */
	assert_int_equal(rte_align32pow2(UINT32_MAX), 0);

	assert_int_equal(rte_align32prevpow2(0), 0);
	assert_int_equal(rte_align32prevpow2(1), 1);
	assert_int_equal(rte_align32prevpow2(2), 2);
	assert_int_equal(rte_align32prevpow2(3), 2);
	assert_int_equal(rte_align32prevpow2(top), top);
	assert_int_equal(rte_align32prevpow2(top + 1), top);
	assert_int_equal(rte_align32prevpow2(UINT32_MAX), top);
}

static void
test_pow2_64(void **state)
{
	const uint64_t top = UINT64_C(1) << 63;

	(void)state;
	assert_int_equal(rte_align64pow2(0), 0);
	assert_int_equal(rte_align64pow2(1), 1);
	assert_int_equal(rte_align64pow2(3), 4);
	assert_int_equal(rte_align64pow2((UINT64_C(1) << 32) + 1),
		UINT64_C(1) << 33);
	assert_int_equal(rte_align64pow2(top), top);
	assert_int_equal(rte_align64pow2(top + 1), 0);
	assert_int_equal(rte_align64prevpow2(0), 0);
	assert_int_equal(rte_align64prevpow2(UINT64_MAX), top);
	assert_int_equal(rte_align64prevpow2((UINT64_C(1) << 32) + 1),
		UINT64_C(1) << 32);
}

static void
test_log2_and_bit_scans(void **state)
{
	uint32_t pos = 99;

	(void)state;
	assert_int_equal(rte_log2_u32(0), 0);
	assert_int_equal(rte_log2_u32(1), 0);
	assert_int_equal(rte_log2_u32(2), 1);
	assert_int_equal(rte_log2_u32(3), 2); /* rounded up */
	assert_int_equal(rte_log2_u32(1024), 10);
	assert_int_equal(rte_log2_u32(UINT32_C(1) << 31), 31);
	assert_int_equal(rte_log2_u64(UINT64_C(1) << 40), 40);
	assert_int_equal(rte_log2_u64((UINT64_C(1) << 40) + 1), 41);

	assert_int_equal(rte_bsf32(1), 0);
	assert_int_equal(rte_bsf32(12), 2);
	assert_int_equal(rte_bsf32(UINT32_C(1) << 31), 31);
	assert_int_equal(rte_bsf64(UINT64_C(1) << 63), 63);
	assert_int_equal(rte_bsf32_safe(0, &pos), 0);
	assert_int_equal(pos, 99); /* untouched on failure */
	assert_int_equal(rte_bsf32_safe(8, &pos), 1);
	assert_int_equal(pos, 3);
	assert_int_equal(rte_bsf64_safe(0, &pos), 0);
	assert_int_equal(rte_bsf64_safe(UINT64_C(1) << 40, &pos), 1);
	assert_int_equal(pos, 40);

	assert_int_equal(rte_fls_u32(0), 0);
	assert_int_equal(rte_fls_u32(1), 1);
	assert_int_equal(rte_fls_u32(0x80000000u), 32);
	assert_int_equal(rte_fls_u32(UINT32_MAX), 32);
	assert_int_equal(rte_fls_u64(0), 0);
	assert_int_equal(rte_fls_u64(UINT64_C(1) << 63), 64);

	assert_int_equal(rte_ctz32(8), 3);
	assert_int_equal(rte_clz32(1), 31);
	assert_int_equal(rte_ctz64(UINT64_C(1) << 50), 50);
	assert_int_equal(rte_clz64(1), 63);
	assert_int_equal(rte_popcount32(0xf0f0), 8);
	assert_int_equal(rte_popcount64(UINT64_MAX), 64);
}

static void
test_min_max_single_evaluation(void **state)
{
	int a = 0;
	int b = 10;
	int m;

	(void)state;
	m = RTE_MAX(a++, 5);
	assert_int_equal(m, 5);
	assert_int_equal(a, 1);
	m = RTE_MIN(b--, 3);
	assert_int_equal(m, 3);
	assert_int_equal(b, 9);
	assert_int_equal(RTE_MAX(-1, 1), 1);
	assert_int_equal(RTE_MIN(UINT64_C(1) << 40, UINT64_C(1) << 41),
		UINT64_C(1) << 40);
	assert_int_equal(RTE_MIN_T(300, 20, uint8_t), 20);
	assert_int_equal(RTE_MAX_T(-1, 2, int), 2);
}

struct test_outer {
	int first;
	char middle[3];
	long member;
};

static void
test_dim_container_of_misc(void **state)
{
	int array[17];
	struct test_outer outer;
	long *inner = &outer.member;

	(void)state;
	(void)array;
	assert_int_equal(RTE_DIM(array), 17);
	assert_ptr_equal(container_of(inner, struct test_outer, member), &outer);
	assert_int_equal(RTE_SIZEOF_FIELD(struct test_outer, middle), 3);
	assert_int_equal(offsetof(struct test_outer, first), 0);
	assert_int_equal(RTE_BIT32(31), 0x80000000u);
	assert_int_equal(RTE_BIT64(63), UINT64_C(1) << 63);
	assert_int_equal(RTE_GENMASK32(7, 4), 0xf0);
	assert_int_equal(RTE_GENMASK64(63, 62), UINT64_C(3) << 62);
	assert_int_equal(RTE_LEN2MASK(12, uint32_t), 0xfff);
	assert_string_equal(RTE_STR(RTE_CACHE_LINE_SIZE), "64");
	RTE_BUILD_BUG_ON(sizeof(uint32_t) != 4);
}

/* Byte order conversions must work in static initialisers. */
static const rte_be16_t test_be16 = RTE_BE16(0x1234);
static const rte_be32_t test_be32 = RTE_BE32(0x12345678);
static const rte_be64_t test_be64 = RTE_BE64(UINT64_C(0x0102030405060708));
static const rte_le32_t test_le32 = RTE_LE32(0x12345678);

static void
test_byteorder(void **state)
{
	const uint8_t wire16[2] = { 0x12, 0x34 };
	const uint8_t wire32[4] = { 0x12, 0x34, 0x56, 0x78 };
	const uint8_t wire64[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	uint8_t le32_bytes[4];
	volatile uint64_t runtime = UINT64_C(0x1122334455667788);

	(void)state;
	assert_memory_equal(&test_be16, wire16, 2);
	assert_memory_equal(&test_be32, wire32, 4);
	assert_memory_equal(&test_be64, wire64, 8);
	memcpy(le32_bytes, &test_le32, 4);
	assert_int_equal(le32_bytes[0], 0x78);

	assert_int_equal(rte_bswap16(0x1234), 0x3412);
	assert_int_equal(rte_bswap32(0x12345678), 0x78563412);
	assert_int_equal(rte_bswap64(UINT64_C(0x0102030405060708)),
		UINT64_C(0x0807060504030201));
	assert_int_equal(rte_constant_bswap32(0x12345678), 0x78563412);
	assert_int_equal(rte_be_to_cpu_16(test_be16), 0x1234);
	assert_int_equal(rte_be_to_cpu_32(test_be32), 0x12345678);
	assert_int_equal(rte_be_to_cpu_64(test_be64),
		UINT64_C(0x0102030405060708));
	assert_int_equal(rte_cpu_to_be_16(0x1234), test_be16);
	assert_int_equal(rte_le_to_cpu_32(test_le32), 0x12345678);
	assert_int_equal(rte_cpu_to_le_64(runtime), runtime);
	/* Round trips on a value the compiler cannot fold. */
	assert_int_equal(rte_be_to_cpu_64(rte_cpu_to_be_64(runtime)), runtime);
	assert_int_equal(rte_be_to_cpu_32(rte_cpu_to_be_32((uint32_t)runtime)),
		(uint32_t)runtime);
	assert_int_equal(rte_le_to_cpu_16(rte_cpu_to_le_16((uint16_t)runtime)),
		(uint16_t)runtime);
	assert_int_equal(RTE_BYTE_ORDER, RTE_LITTLE_ENDIAN);
}

static void
test_bitops(void **state)
{
	volatile uint32_t w32 = 0;
	volatile uint64_t w64 = 0;

	(void)state;
	rte_bit_relaxed_set32(5, &w32);
	assert_int_equal(w32, 1u << 5);
	assert_true(rte_bit_relaxed_get32(5, &w32));
	assert_false(rte_bit_relaxed_test_and_set32(31, &w32));
	assert_true(rte_bit_relaxed_test_and_set32(31, &w32));
	assert_true(rte_bit_relaxed_test_and_clear32(5, &w32));
	assert_false(rte_bit_relaxed_test_and_clear32(5, &w32));
	rte_bit_relaxed_clear32(31, &w32);
	assert_int_equal(w32, 0);

	rte_bit_relaxed_set64(63, &w64);
	assert_int_equal(w64, UINT64_C(1) << 63);
	assert_true(rte_bit_relaxed_get64(63, &w64));
	assert_false(rte_bit_relaxed_test_and_set64(0, &w64));
	assert_true(rte_bit_relaxed_test_and_clear64(63, &w64));
	rte_bit_relaxed_clear64(0, &w64);
	assert_int_equal(w64, 0);
}

static void
test_memcpy_and_prefetch(void **state)
{
	uint8_t src[300];
	uint8_t dst[300];
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(src); i++)
		src[i] = (uint8_t)(i * 7);
	memset(dst, 0, sizeof(dst));
	rte_prefetch0(src);
	rte_prefetch1(src + 64);
	rte_prefetch2(src + 128);
	rte_prefetch_non_temporal(src + 192);
	rte_prefetch0_write(dst);
	rte_cldemote(dst);
	rte_mov16(dst, src);
	rte_mov32(dst + 16, src + 16);
	rte_mov64(dst + 48, src + 48);
	rte_mov128(dst + 112, src + 112);
	assert_memory_equal(dst, src, 240);
	assert_ptr_equal(rte_memcpy(dst, src, sizeof(src)), dst);
	assert_memory_equal(dst, src, sizeof(src));
	rte_mov256(dst, src);
	assert_memory_equal(dst, src, 256);
}

static void
test_cpuflags_and_vect(void **state)
{
	(void)state;
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_NUMFLAGS),
		-ENOENT);
	assert_string_equal(rte_cpu_get_flag_name(RTE_CPUFLAG_AVX2), "AVX2");
	assert_string_equal(rte_cpu_get_flag_name(RTE_CPUFLAG_1GB_PG), "1GB_PG");
	assert_null(rte_cpu_get_flag_name(RTE_CPUFLAG_NUMFLAGS));
#if defined(__x86_64__)
	/* Every x86-64 CPU has SSE2 and the TSC. */
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE2), 1);
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_TSC), 1);
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_EM64T), 1);
#ifdef __AVX2__
	assert_int_equal(rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2), 1);
#endif
#endif
	assert_int_equal(rte_cpu_is_supported(), 1);

	assert_int_equal(rte_vect_get_max_simd_bitwidth(),
		RTE_VECT_DEFAULT_SIMD_BITWIDTH);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(100), -EINVAL);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(32), -EINVAL);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_512), 0);
	assert_int_equal(rte_vect_get_max_simd_bitwidth(), RTE_VECT_SIMD_512);
	assert_int_equal(rte_vect_set_max_simd_bitwidth(
				 RTE_VECT_DEFAULT_SIMD_BITWIDTH),
		0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_align_values),
		cmocka_unit_test(test_align_pointers),
		cmocka_unit_test(test_pow2_32),
		cmocka_unit_test(test_pow2_64),
		cmocka_unit_test(test_log2_and_bit_scans),
		cmocka_unit_test(test_min_max_single_evaluation),
		cmocka_unit_test(test_dim_container_of_misc),
		cmocka_unit_test(test_byteorder),
		cmocka_unit_test(test_bitops),
		cmocka_unit_test(test_memcpy_and_prefetch),
		cmocka_unit_test(test_cpuflags_and_vect),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
