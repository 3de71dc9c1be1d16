/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Cache prefetch hints.
 *
 * Each call only hints the CPU: it has no effect on program semantics,
 * never faults (even on an invalid address), and may be dropped.
 * The digit says how far up the hierarchy the line should land:
 * 0 = every level (L1 and beyond), 1 = L2 and beyond, 2 = L3 and beyond.
 */
#ifndef _RTE_PREFETCH_H_
#define _RTE_PREFETCH_H_

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* __builtin_prefetch(addr, rw, locality): rw 0 = read, 1 = write;
 * locality 3 keeps the line in all levels, 0 means "use once". The
 * builtin wants a plain pointer, hence the casts away from volatile. */
#define RTE_PREFETCH_PTR_(p) ((const void *)(uintptr_t)(p))

/** Prefetches for reading into all cache levels. */
static inline void
rte_prefetch0(const volatile void *p)
{
	__builtin_prefetch(RTE_PREFETCH_PTR_(p), 0, 3);
}

/** Prefetches for reading into L2 and below. */
static inline void
rte_prefetch1(const volatile void *p)
{
	__builtin_prefetch(RTE_PREFETCH_PTR_(p), 0, 2);
}

/** Prefetches for reading into L3 and below. */
static inline void
rte_prefetch2(const volatile void *p)
{
	__builtin_prefetch(RTE_PREFETCH_PTR_(p), 0, 1);
}

/**
 * Prefetches data that will be read once: the line is brought close to
 * the core but marked so that it is evicted first.
 */
static inline void
rte_prefetch_non_temporal(const volatile void *p)
{
	__builtin_prefetch(RTE_PREFETCH_PTR_(p), 0, 0);
}

/** Prefetches a line that is about to be written, into all levels. */
static inline void
rte_prefetch0_write(const void *p)
{
	__builtin_prefetch(p, 1, 3);
}

/** Prefetches a line that is about to be written, into L2 and below. */
static inline void
rte_prefetch1_write(const void *p)
{
	__builtin_prefetch(p, 1, 2);
}

/** Prefetches a line that is about to be written, into L3 and below. */
static inline void
rte_prefetch2_write(const void *p)
{
	__builtin_prefetch(p, 1, 1);
}

/**
 * Hints that a line written by this core will next be used by another
 * core, so it may be pushed out of the private caches. Not every CPU has
 * such an instruction (x86 CLDEMOTE is recent); this is a no-op here,
 * which is always a correct implementation of a hint.
 */
static inline void
rte_cldemote(const volatile void *p)
{
	RTE_SET_USED(p);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PREFETCH_H_ */
