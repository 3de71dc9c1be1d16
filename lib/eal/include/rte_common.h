/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Attributes, alignment and arithmetic helpers used across the API.
 * The macro names and meanings are DPDK 22.11's.
 */
#ifndef _RTE_COMMON_H_
#define _RTE_COMMON_H_

#include <limits.h>
#include <sched.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/queue.h>

#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef typeof
#define typeof __typeof__
#endif
#ifndef asm
#define asm __asm__
#endif

#define RTE_STD_C11 __extension__

/* Attributes. */
#define __rte_aligned(a)    __attribute__((__aligned__(a)))
#define __rte_packed	    __attribute__((__packed__))
#define __rte_may_alias	    __attribute__((__may_alias__))
#define __rte_unused	    __attribute__((__unused__))
#define __rte_used	    __attribute__((used))
#define __rte_noreturn	    __attribute__((noreturn))
#define __rte_weak	    __attribute__((__weak__))
#define __rte_always_inline inline __attribute__((always_inline))
#define __rte_noinline	    __attribute__((noinline))
#define __rte_hot	    __attribute__((hot))
#define __rte_cold	    __attribute__((cold))
#define __rte_deprecated    __attribute__((__deprecated__))
#define __rte_restrict	    __restrict
#define __rte_format_printf(format_index, first_arg) \
	__attribute__((format(printf, format_index, first_arg)))
#define __rte_alloc_size(...) __attribute__((alloc_size(__VA_ARGS__)))
#define __rte_malloc	      __attribute__((__malloc__))
#define __rte_experimental
#define __rte_internal
#define __rte_cache_aligned	__rte_aligned(RTE_CACHE_LINE_SIZE)
#define __rte_cache_min_aligned __rte_aligned(RTE_CACHE_LINE_MIN_SIZE)

/*
 * Integers at any address: x86 loads and stores them unaligned anyway,
 * and the 1-byte alignment tells the compiler not to assume more.
 */
typedef uint64_t unaligned_uint64_t __rte_aligned(1);
typedef uint32_t unaligned_uint32_t __rte_aligned(1);
typedef uint16_t unaligned_uint16_t __rte_aligned(1);

/* Keeps AddressSanitizer out of one function (code that reads past an
 * object on purpose, such as a vector load of a short string). */
#if defined(__clang__)
#define __rte_no_asan __attribute__((no_sanitize("address", "hwaddress")))
#elif defined(__GNUC__)
#define __rte_no_asan __attribute__((no_sanitize_address))
#else
#define __rte_no_asan
#endif

#define RTE_SET_USED(x)	   (void)(x)
#define RTE_PRIORITY_LOG   101
#define RTE_PRIORITY_BUS   110
#define RTE_PRIORITY_CLASS 120
#define RTE_PRIORITY_LAST  65535

#define RTE_PRIO(prio) RTE_PRIORITY_##prio

/* A function run before main(), in the given priority band. */
#define RTE_INIT_PRIO(func, prio) \
	static void __attribute__((constructor(RTE_PRIO(prio)), used)) \
	func(void)
#define RTE_INIT(func) RTE_INIT_PRIO(func, LAST)
#define RTE_FINI_PRIO(func, prio) \
	static void __attribute__((destructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_FINI(func) RTE_FINI_PRIO(func, LAST)

/* Cache lines. */
#define RTE_CACHE_LINE_MASK (RTE_CACHE_LINE_SIZE - 1)
#define RTE_CACHE_LINE_ROUNDUP(size) \
	(RTE_CACHE_LINE_SIZE * \
		(((size) + RTE_CACHE_LINE_SIZE - 1) / RTE_CACHE_LINE_SIZE))
#define RTE_CACHE_LINE_SIZE_LOG2 6
typedef uint64_t rte_iova_t;
#define RTE_BAD_IOVA ((rte_iova_t)-1)
typedef uint64_t phys_addr_t;
#define RTE_BAD_PHYS_ADDR ((phys_addr_t)-1)

/* Zero-length markers inside structs (used by rte_mbuf). */
__extension__ typedef void *RTE_MARKER[0];
__extension__ typedef uint8_t RTE_MARKER8[0];
__extension__ typedef uint16_t RTE_MARKER16[0];
__extension__ typedef uint32_t RTE_MARKER32[0];
__extension__ typedef uint64_t RTE_MARKER64[0];

/* Pointer arithmetic. */
#define RTE_PTR_ADD(ptr, x)	 ((void *)((uintptr_t)(ptr) + (x)))
#define RTE_PTR_SUB(ptr, x)	 ((void *)((uintptr_t)(ptr) - (x)))
#define RTE_PTR_DIFF(ptr1, ptr2) ((uintptr_t)(ptr1) - (uintptr_t)(ptr2))
#define RTE_CAST_FIELD(var, field, type) \
	(*(type *)((uintptr_t)(var) + offsetof(typeof(*(var)), field)))

/* Alignment: "align" must be a power of two. */
#define RTE_PTR_ALIGN_FLOOR(ptr, align) \
	((typeof(ptr))((uintptr_t)(ptr) & ~((uintptr_t)(align)-1)))
#define RTE_ALIGN_FLOOR(val, align) \
	(typeof(val))((val) & (~((typeof(val))((align)-1))))
#define RTE_PTR_ALIGN_CEIL(ptr, align) \
	RTE_PTR_ALIGN_FLOOR((typeof(ptr))RTE_PTR_ADD(ptr, (align)-1), align)
#define RTE_ALIGN_CEIL(val, align) \
	RTE_ALIGN_FLOOR(((val) + ((typeof(val))(align)-1)), align)
#define RTE_PTR_ALIGN(ptr, align) RTE_PTR_ALIGN_CEIL(ptr, align)
#define RTE_ALIGN(val, align)	  RTE_ALIGN_CEIL(val, align)
#define RTE_ALIGN_MUL_CEIL(v, mul) \
	((((v) + (typeof(v))(mul)-1) / ((typeof(v))(mul))) * (typeof(v))(mul))
#define RTE_ALIGN_MUL_FLOOR(v, mul) \
	(((v) / ((typeof(v))(mul))) * (typeof(v))(mul))
#define RTE_ALIGN_MUL_NEAR(v, mul) \
	__extension__({ \
		typeof(v) ceil = RTE_ALIGN_MUL_CEIL(v, mul); \
		typeof(v) floor = RTE_ALIGN_MUL_FLOOR(v, mul); \
		(ceil - (v)) > ((v)-floor) ? floor : ceil; \
	})

static inline int
rte_is_aligned(const void *const ptr, const unsigned int align)
{
	return ((uintptr_t)ptr & ((uintptr_t)align - 1)) == 0;
}

/* Compile-time checks. */
#define RTE_BUILD_BUG_ON(condition) ((void)sizeof(char[1 - 2 * !!(condition)]))

/* Powers of two. */
#define RTE_IS_POWER_OF_2(n) ((n) && !(((n)-1) & (n)))

static inline int
rte_is_power_of_2(uint32_t n)
{
	return n && !(n & (n - 1));
}

/* Smallest power of two >= x (0 for 0 and for x > 2^31). */
static inline uint32_t
rte_align32pow2(uint32_t x)
{
	if (x <= 1)
		return x;
	if (x > (UINT32_C(1) << 31))
		return 0;
	return UINT32_C(1) << (32 - __builtin_clz(x - 1));
}

/* Largest power of two <= x (0 for 0). */
static inline uint32_t
rte_align32prevpow2(uint32_t x)
{
	if (x == 0)
		return 0;
	return UINT32_C(1) << (31 - __builtin_clz(x));
}

static inline uint64_t
rte_align64pow2(uint64_t v)
{
	if (v <= 1)
		return v;
	if (v > (UINT64_C(1) << 63))
		return 0;
	return UINT64_C(1) << (64 - __builtin_clzll(v - 1));
}

static inline uint64_t
rte_align64prevpow2(uint64_t v)
{
	if (v == 0)
		return 0;
	return UINT64_C(1) << (63 - __builtin_clzll(v));
}

/* Bit scans. Results are undefined for 0, as with the builtins. */
static inline unsigned int
rte_ctz32(uint32_t v)
{
	return (unsigned int)__builtin_ctz(v);
}

static inline unsigned int
rte_ctz64(uint64_t v)
{
	return (unsigned int)__builtin_ctzll(v);
}

static inline unsigned int
rte_clz32(uint32_t v)
{
	return (unsigned int)__builtin_clz(v);
}

static inline unsigned int
rte_clz64(uint64_t v)
{
	return (unsigned int)__builtin_clzll(v);
}

static inline unsigned int
rte_popcount32(uint32_t v)
{
	return (unsigned int)__builtin_popcount(v);
}

static inline unsigned int
rte_popcount64(uint64_t v)
{
	return (unsigned int)__builtin_popcountll(v);
}

/* Index of the least significant set bit (DPDK's bsf, 0 for v == 0). */
static inline uint32_t
rte_bsf32(uint32_t v)
{
	return v == 0 ? 0 : (uint32_t)__builtin_ctz(v);
}

static inline int
rte_bsf32_safe(uint32_t v, uint32_t *pos)
{
	if (v == 0)
		return 0;
	*pos = rte_bsf32(v);
	return 1;
}

static inline uint32_t
rte_bsf64(uint64_t v)
{
	return v == 0 ? 0 : (uint32_t)__builtin_ctzll(v);
}

static inline int
rte_bsf64_safe(uint64_t v, uint32_t *pos)
{
	if (v == 0)
		return 0;
	*pos = rte_bsf64(v);
	return 1;
}

/* Position of the most significant set bit, counted from 1 (0 for 0). */
static inline uint32_t
rte_fls_u32(uint32_t x)
{
	return x == 0 ? 0 : 32 - (uint32_t)__builtin_clz(x);
}

static inline uint32_t
rte_fls_u64(uint64_t x)
{
	return x == 0 ? 0 : 64 - (uint32_t)__builtin_clzll(x);
}

/* log2 rounded up (0 for 0 and 1). */
static inline uint32_t
rte_log2_u32(uint32_t v)
{
	if (v == 0)
		return 0;
	v = rte_align32pow2(v);
	return rte_bsf32(v);
}

static inline uint32_t
rte_log2_u64(uint64_t v)
{
	if (v == 0)
		return 0;
	v = rte_align64pow2(v);
	return rte_bsf64(v);
}

/* Bits. */
#define RTE_BIT64(nr) (UINT64_C(1) << (nr))
#define RTE_BIT32(nr) (UINT32_C(1) << (nr))
#define RTE_GENMASK32(high, low) \
	(((~UINT32_C(0)) << (low)) & (~UINT32_C(0) >> (31u - (high))))
#define RTE_GENMASK64(high, low) \
	(((~UINT64_C(0)) << (low)) & (~UINT64_C(0) >> (63u - (high))))

/* Comparisons that evaluate each argument once. */
#define RTE_MIN(a, b) \
	__extension__({ \
		typeof(a) _a = (a); \
		typeof(b) _b = (b); \
		_a < _b ? _a : _b; \
	})
#define RTE_MAX(a, b) \
	__extension__({ \
		typeof(a) _a = (a); \
		typeof(b) _b = (b); \
		_a > _b ? _a : _b; \
	})
#define RTE_MIN_T(a, b, t) ((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define RTE_MAX_T(a, b, t) ((t)(a) > (t)(b) ? (t)(a) : (t)(b))

#ifndef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#endif

#ifndef container_of
#define container_of(ptr, type, member) \
	__extension__({ \
		const typeof(((type *)0)->member) *_ptr = (ptr); \
		(type *)(((uintptr_t)_ptr) - offsetof(type, member)); \
	})
#endif

#define RTE_SIZEOF_FIELD(type, field) (sizeof(((type *)0)->field))

/* Exchanges the values of two lvalues of the same type. */
#define RTE_SWAP(a, b) \
	__extension__({ \
		typeof(a) _swap_tmp = (a); \
		(a) = (b); \
		(b) = _swap_tmp; \
	})
#define RTE_DIM(a) (sizeof(a) / sizeof((a)[0]))

#define _RTE_STR(x)	       #x
#define RTE_STR(x)	       _RTE_STR(x)
#define RTE_FMT(fmt, ...)      fmt "%.0s", __VA_ARGS__ ""
#define RTE_FMT_HEAD(fmt, ...) fmt
#define RTE_FMT_TAIL(fmt, ...) __VA_ARGS__

#define RTE_LEN2MASK(ln, tp) \
	((tp)((uint64_t)-1 >> (sizeof(uint64_t) * CHAR_BIT - (ln))))

/* Sizes. */
#define RTE_KB 1024ULL
#define RTE_MB (1024ULL * RTE_KB)
#define RTE_GB (1024ULL * RTE_MB)

/* Parses a size with an optional K/M/G/T suffix; 0 on error. */
uint64_t rte_str_to_size(const char *str);

/**
 * Ends the application: logs the message (with "Error - exiting with
 * code: N" first when exit_code is not 0), calls rte_eal_cleanup() and
 * exit(exit_code).
 */
__rte_noreturn void
rte_exit(int exit_code, const char *format, ...) __rte_format_printf(2, 3);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_COMMON_H_ */
