/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Memory barriers and the legacy atomic counters.
 *
 * New code should use C11 atomics (or the __atomic builtins) with an
 * explicit memory order. The rte_atomicN_* functions are kept because
 * applications still use them; like DPDK's, every read-modify-write among
 * them is a full barrier (sequentially consistent), while _read, _set,
 * _init and _clear are plain (relaxed) accesses.
 */
#ifndef _RTE_ATOMIC_H_
#define _RTE_ATOMIC_H_

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Stops the compiler from moving memory accesses across this point. */
#define rte_compiler_barrier() \
	do { \
		__asm__ volatile("" ::: "memory"); \
	} while (0)

/*
 * Barriers between this CPU and everything else, DMA devices included:
 * rte_mb orders all loads and stores, rte_wmb stores only, rte_rmb loads
 * only. These are the strong (and slow) ones; use the rte_smp_* ones for
 * ordering between CPUs and rte_io_* ones for device registers.
 */
static inline void
rte_mb(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__asm__ volatile("mfence" ::: "memory");
#elif defined(__aarch64__)
	__asm__ volatile("dsb sy" ::: "memory");
#else
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

static inline void
rte_wmb(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__asm__ volatile("sfence" ::: "memory");
#elif defined(__aarch64__)
	__asm__ volatile("dsb st" ::: "memory");
#else
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

static inline void
rte_rmb(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__asm__ volatile("lfence" ::: "memory");
#elif defined(__aarch64__)
	__asm__ volatile("dsb ld" ::: "memory");
#else
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
#endif
}

/*
 * Barriers between CPUs sharing cacheable memory. x86 keeps stores in
 * order and loads in order by itself, so the wmb/rmb forms cost nothing
 * there but a compiler barrier; only store-then-load needs a fence.
 */
static inline void
rte_smp_mb(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static inline void
rte_smp_wmb(void)
{
	/* A release fence orders earlier stores before later ones. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static inline void
rte_smp_rmb(void)
{
	/* An acquire fence orders earlier loads before later ones. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
}

/*
 * Barriers for memory shared with devices (descriptor rings, MMIO):
 * use rte_io_wmb between filling a descriptor and ringing the doorbell,
 * rte_io_rmb between seeing a "done" bit and reading the rest of the
 * descriptor.
 */
static inline void
rte_io_mb(void)
{
	rte_mb();
}

static inline void
rte_io_wmb(void)
{
#if defined(__x86_64__) || defined(__i386__)
	/* Stores to WB and UC memory leave an x86 CPU in program order. */
	rte_compiler_barrier();
#elif defined(__aarch64__)
	__asm__ volatile("dmb oshst" ::: "memory");
#else
	rte_wmb();
#endif
}

static inline void
rte_io_rmb(void)
{
#if defined(__x86_64__) || defined(__i386__)
	rte_compiler_barrier();
#elif defined(__aarch64__)
	__asm__ volatile("dmb oshld" ::: "memory");
#else
	rte_rmb();
#endif
}

/**
 * A fence with the given C11 memory order (__ATOMIC_ACQUIRE,
 * __ATOMIC_RELEASE, __ATOMIC_ACQ_REL or __ATOMIC_SEQ_CST).
 */
static inline void
rte_atomic_thread_fence(int memorder)
{
	__atomic_thread_fence(memorder);
}

/*
 * Compare-and-set and exchange on plain integers. cmpset writes src to
 * *dst only if *dst equals exp, and returns non-zero when it did.
 * exchange stores val and returns the previous value.
 */
#define RTE_ATOMIC_CAS_FNS_(bits) \
	static inline int rte_atomic##bits##_cmpset(volatile uint##bits##_t \
							    *dst, \
		uint##bits##_t exp, uint##bits##_t src) \
	{ \
		return __atomic_compare_exchange_n(dst, &exp, src, 0, \
			__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
	} \
	static inline uint##bits##_t \
		rte_atomic##bits##_exchange(volatile uint##bits##_t *dst, \
			uint##bits##_t val) \
	{ \
		return __atomic_exchange_n(dst, val, __ATOMIC_SEQ_CST); \
	}

RTE_ATOMIC_CAS_FNS_(16)
RTE_ATOMIC_CAS_FNS_(32)
RTE_ATOMIC_CAS_FNS_(64)

/** A 16-bit atomic counter. */
typedef struct {
	volatile int16_t cnt;
} rte_atomic16_t;

/** A 32-bit atomic counter. */
typedef struct {
	volatile int32_t cnt;
} rte_atomic32_t;

/** A 64-bit atomic counter. */
typedef struct {
	volatile int64_t cnt;
} rte_atomic64_t;

/** Static initialisers: rte_atomic32_t c = RTE_ATOMIC32_INIT(0); */
#define RTE_ATOMIC16_INIT(val) \
	{ \
		(val) \
	}
#define RTE_ATOMIC32_INIT(val) \
	{ \
		(val) \
	}
#define RTE_ATOMIC64_INIT(val) \
	{ \
		(val) \
	}

/*
 * The counter operations, for each width N in 16, 32, 64:
 *   init(v)               sets the counter to 0
 *   read(v), set(v, x)    plain load and store
 *   add(v, x), sub(v, x), inc(v), dec(v)
 *   add_return(v, x), sub_return(v, x)    return the new value
 *   inc_and_test(v), dec_and_test(v)      1 if the new value is 0
 *   test_and_set(v)       sets 0 -> 1; returns 1 if it did, 0 if the
 *                         counter was not 0
 *   clear(v)              sets the counter to 0
 * rte_atomic64_read and rte_atomic64_init take a non-const pointer, as
 * in DPDK.
 */
#define RTE_ATOMIC_COUNTER_FNS_(bits, rdconst) \
	static inline void rte_atomic##bits##_init(rte_atomic##bits##_t *v) \
	{ \
		__atomic_store_n(&v->cnt, 0, __ATOMIC_RELAXED); \
	} \
	static inline int##bits##_t rte_atomic##bits##_read( \
		rdconst rte_atomic##bits##_t *v) \
	{ \
		return __atomic_load_n(&v->cnt, __ATOMIC_RELAXED); \
	} \
	static inline void rte_atomic##bits##_set(rte_atomic##bits##_t *v, \
		int##bits##_t new_value) \
	{ \
		__atomic_store_n(&v->cnt, new_value, __ATOMIC_RELAXED); \
	} \
	static inline void rte_atomic##bits##_add(rte_atomic##bits##_t *v, \
		int##bits##_t inc) \
	{ \
		__atomic_fetch_add(&v->cnt, inc, __ATOMIC_SEQ_CST); \
	} \
	static inline void rte_atomic##bits##_sub(rte_atomic##bits##_t *v, \
		int##bits##_t dec) \
	{ \
		__atomic_fetch_sub(&v->cnt, dec, __ATOMIC_SEQ_CST); \
	} \
	static inline void rte_atomic##bits##_inc(rte_atomic##bits##_t *v) \
	{ \
		rte_atomic##bits##_add(v, 1); \
	} \
	static inline void rte_atomic##bits##_dec(rte_atomic##bits##_t *v) \
	{ \
		rte_atomic##bits##_sub(v, 1); \
	} \
	static inline int##bits##_t \
		rte_atomic##bits##_add_return(rte_atomic##bits##_t *v, \
			int##bits##_t inc) \
	{ \
		return __atomic_add_fetch(&v->cnt, inc, __ATOMIC_SEQ_CST); \
	} \
	static inline int##bits##_t \
		rte_atomic##bits##_sub_return(rte_atomic##bits##_t *v, \
			int##bits##_t dec) \
	{ \
		return __atomic_sub_fetch(&v->cnt, dec, __ATOMIC_SEQ_CST); \
	} \
	static inline int rte_atomic##bits##_inc_and_test( \
		rte_atomic##bits##_t *v) \
	{ \
		return __atomic_add_fetch(&v->cnt, 1, __ATOMIC_SEQ_CST) == 0; \
	} \
	static inline int rte_atomic##bits##_dec_and_test( \
		rte_atomic##bits##_t *v) \
	{ \
		return __atomic_sub_fetch(&v->cnt, 1, __ATOMIC_SEQ_CST) == 0; \
	} \
	static inline int rte_atomic##bits##_test_and_set( \
		rte_atomic##bits##_t *v) \
	{ \
		return rte_atomic##bits##_cmpset((volatile uint##bits##_t *)&v \
							 ->cnt, \
			0, 1); \
	} \
	static inline void rte_atomic##bits##_clear(rte_atomic##bits##_t *v) \
	{ \
		__atomic_store_n(&v->cnt, 0, __ATOMIC_RELAXED); \
	}

RTE_ATOMIC_COUNTER_FNS_(16, const)
RTE_ATOMIC_COUNTER_FNS_(32, const)
RTE_ATOMIC_COUNTER_FNS_(64, /* non-const */)

/** A 16-byte value for rte_atomic128_cmp_exchange(). */
typedef struct {
	RTE_STD_C11
	union {
		uint64_t val[2];
#ifdef __SIZEOF_INT128__
		__extension__ __int128 int128;
#endif
	};
} __rte_aligned(16) rte_int128_t;

#if defined(__x86_64__)
/**
 * 16-byte compare-and-exchange (x86-64 only): if *dst equals *exp, stores
 * *src into *dst and returns 1; otherwise copies *dst into *exp and
 * returns 0. CMPXCHG16B with LOCK is a full barrier, so the weak, success
 * and failure arguments are accepted and need no extra handling.
 */
static inline int
rte_atomic128_cmp_exchange(rte_int128_t *dst, rte_int128_t *exp,
	const rte_int128_t *src, unsigned int weak, int success, int failure)
{
	uint8_t done;

	RTE_SET_USED(weak);
	RTE_SET_USED(success);
	RTE_SET_USED(failure);
	__asm__ volatile("lock cmpxchg16b %[dst]\n\tsete %[done]"
			 : [dst] "+m"(*dst), [done] "=q"(done),
			 "+a"(exp->val[0]), "+d"(exp->val[1])
			 : "b"(src->val[0]), "c"(src->val[1])
			 : "memory", "cc");
	return done;
}
#endif

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ATOMIC_H_ */
