/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Spinlocks: busy-waiting mutual exclusion for short critical sections
 * between lcores. A holder must not sleep or block; a waiter burns its
 * CPU. The recursive variant may be re-taken by the thread holding it.
 */
#ifndef _RTE_SPINLOCK_H_
#define _RTE_SPINLOCK_H_

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A spinlock: locked is 0 when free, 1 when held. */
typedef struct {
	volatile int locked;
} rte_spinlock_t;

/** Static initialiser (unlocked). */
#define RTE_SPINLOCK_INITIALIZER \
	{ \
		0 \
	}

/** Initialises (unlocks) a spinlock. */
static inline void
rte_spinlock_init(rte_spinlock_t *sl)
{
	sl->locked = 0;
}

/**
 * Takes the lock, spinning until it is free. The acquiring exchange
 * pairs with the release store in rte_spinlock_unlock(): everything the
 * previous holder wrote is visible here.
 */
static inline void
rte_spinlock_lock(rte_spinlock_t *sl)
{
	int expected = 0;

	while (!__atomic_compare_exchange_n(&sl->locked, &expected, 1, 0,
		__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		/* Wait with plain loads so the line stays shared while it
		 * is held, then try the exchange again. */
		while (__atomic_load_n(&sl->locked, __ATOMIC_RELAXED) != 0)
			rte_pause();
		expected = 0;
	}
}

/**
 * Releases the lock. The release store publishes the critical section's
 * writes to the next rte_spinlock_lock()/trylock() (acquire).
 */
static inline void
rte_spinlock_unlock(rte_spinlock_t *sl)
{
	__atomic_store_n(&sl->locked, 0, __ATOMIC_RELEASE);
}

/**
 * Takes the lock if it is free, without waiting.
 * @return 1 if the lock was taken, 0 if it is held by someone.
 */
static inline int
rte_spinlock_trylock(rte_spinlock_t *sl)
{
	int expected = 0;

	/* Acquire pairs with the release in rte_spinlock_unlock(). */
	return __atomic_compare_exchange_n(&sl->locked, &expected, 1, 0,
		__ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/** @return 1 if the lock is held, 0 if not (a snapshot). */
static inline int
rte_spinlock_is_locked(rte_spinlock_t *sl)
{
	/* Acquire, so that a caller that sees 0 also sees what the last
	 * holder wrote before its release in rte_spinlock_unlock(). */
	return __atomic_load_n(&sl->locked, __ATOMIC_ACQUIRE);
}

/** Hardware transactional memory is not used: always 0. */
static inline int
rte_tm_supported(void)
{
	return 0;
}

/*
 * The _tm variants would try a hardware transaction first; without
 * transactional memory they are the plain lock operations.
 */
static inline void
rte_spinlock_lock_tm(rte_spinlock_t *sl)
{
	rte_spinlock_lock(sl);
}

static inline void
rte_spinlock_unlock_tm(rte_spinlock_t *sl)
{
	rte_spinlock_unlock(sl);
}

static inline int
rte_spinlock_trylock_tm(rte_spinlock_t *sl)
{
	return rte_spinlock_trylock(sl);
}

/**
 * A recursive spinlock: the holder (identified by its kernel thread id)
 * may take it again; it is released when unlock has been called as many
 * times as lock. user is -1 when free; user and count are only written
 * by the holder, count only read by it.
 */
typedef struct {
	rte_spinlock_t sl;
	volatile int user;
	volatile int count;
} rte_spinlock_recursive_t;

/** Static initialiser (unlocked). */
#define RTE_SPINLOCK_RECURSIVE_INITIALIZER \
	{ \
		RTE_SPINLOCK_INITIALIZER, -1, 0 \
	}

/** Initialises (unlocks) a recursive spinlock. */
static inline void
rte_spinlock_recursive_init(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_init(&slr->sl);
	slr->user = -1;
	slr->count = 0;
}

/** Takes the lock, or counts one more level if the caller holds it. */
static inline void
rte_spinlock_recursive_lock(rte_spinlock_recursive_t *slr)
{
	int tid = rte_gettid();

	/* Only the holder ever stores its own tid in user, so reading our
	 * tid there means we hold the lock; any other value means not.
	 * Other threads may store to user meanwhile, hence the atomic
	 * (relaxed: the spinlock itself does the ordering) accesses. */
	if (__atomic_load_n(&slr->user, __ATOMIC_RELAXED) != tid) {
		rte_spinlock_lock(&slr->sl);
		__atomic_store_n(&slr->user, tid, __ATOMIC_RELAXED);
	}
	slr->count++;
}

/** Drops one level; the last one releases the lock. */
static inline void
rte_spinlock_recursive_unlock(rte_spinlock_recursive_t *slr)
{
	slr->count--;
	if (slr->count == 0) {
		__atomic_store_n(&slr->user, -1, __ATOMIC_RELAXED);
		/* Release, paired with the acquire in the next lock. */
		rte_spinlock_unlock(&slr->sl);
	}
}

/**
 * Takes the lock without waiting, or counts one more level if the
 * caller holds it.
 * @return 1 on success, 0 if another thread holds it.
 */
static inline int
rte_spinlock_recursive_trylock(rte_spinlock_recursive_t *slr)
{
	int tid = rte_gettid();

	if (__atomic_load_n(&slr->user, __ATOMIC_RELAXED) != tid) {
		if (rte_spinlock_trylock(&slr->sl) == 0)
			return 0;
		__atomic_store_n(&slr->user, tid, __ATOMIC_RELAXED);
	}
	slr->count++;
	return 1;
}

static inline void
rte_spinlock_recursive_lock_tm(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_recursive_lock(slr);
}

static inline void
rte_spinlock_recursive_unlock_tm(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_recursive_unlock(slr);
}

static inline int
rte_spinlock_recursive_trylock_tm(rte_spinlock_recursive_t *slr)
{
	return rte_spinlock_recursive_trylock(slr);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_SPINLOCK_H_ */
