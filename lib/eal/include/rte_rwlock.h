/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Reader-writer spinlocks: any number of readers, or one writer.
 *
 * The lock prefers writers: once a writer is waiting, new readers wait
 * too, so a steady stream of readers cannot starve it. Like spinlocks,
 * these busy-wait; hold them briefly and never sleep while holding one.
 * A reader must not try to upgrade to a writer (it would wait forever).
 *
 * Layout of cnt:
 *
 *     31                              2   1   0
 *    +--------------------------------+---+---+
 *    |  readers inside (or entering)  | H | W |
 *    +--------------------------------+---+---+
 *
 * H (RTE_RWLOCK_WRITE) is set while a writer holds the lock, W
 * (RTE_RWLOCK_WAIT) while at least one writer waits for it; each reader
 * adds RTE_RWLOCK_READ. A reader that finds H or W after counting itself
 * takes its count back and waits.
 */
#ifndef _RTE_RWLOCK_H_
#define _RTE_RWLOCK_H_

#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_RWLOCK_WAIT	 0x1 /**< a writer is waiting */
#define RTE_RWLOCK_WRITE 0x2 /**< a writer holds the lock */
#define RTE_RWLOCK_MASK	 (RTE_RWLOCK_WAIT | RTE_RWLOCK_WRITE)
#define RTE_RWLOCK_READ	 0x4 /**< one reader */

/** A reader-writer lock; see the file comment for cnt's layout. */
typedef struct {
	volatile int32_t cnt;
} rte_rwlock_t;

/** Static initialiser (unlocked). */
#define RTE_RWLOCK_INITIALIZER \
	{ \
		0 \
	}

/** Initialises (unlocks) a reader-writer lock. */
static inline void
rte_rwlock_init(rte_rwlock_t *rwl)
{
	rwl->cnt = 0;
}

/**
 * Takes the lock for reading without waiting.
 * @return 0 on success, -EBUSY if a writer holds it or waits for it.
 */
static inline int
rte_rwlock_read_trylock(rte_rwlock_t *rwl)
{
	int32_t cnt;

	if (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) & RTE_RWLOCK_MASK)
		return -EBUSY;
	/* Acquire pairs with the release in rte_rwlock_write_unlock(). */
	cnt = __atomic_add_fetch(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_ACQUIRE);
	if (cnt & RTE_RWLOCK_MASK) {
		/* A writer came first: undo our count. */
		__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELAXED);
		return -EBUSY;
	}
	return 0;
}

/** Takes the lock for reading, waiting while a writer holds or wants it. */
static inline void
rte_rwlock_read_lock(rte_rwlock_t *rwl)
{
	while (rte_rwlock_read_trylock(rwl) != 0) {
		while (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) &
			RTE_RWLOCK_MASK)
			rte_pause();
	}
}

/** Releases a read lock. */
static inline void
rte_rwlock_read_unlock(rte_rwlock_t *rwl)
{
	/* Release: our reads complete before a writer's acquiring
	 * exchange in rte_rwlock_write_trylock() can succeed. */
	__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELEASE);
}

/**
 * Takes the lock for writing without waiting.
 * @return 0 on success, -EBUSY if a reader or a writer holds it.
 */
static inline int
rte_rwlock_write_trylock(rte_rwlock_t *rwl)
{
	int32_t cnt = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);

	/* Free means: no reader counted and no holder; a waiting-writer
	 * flag may be set (possibly our own) and is cleared by taking it. */
	if ((cnt & ~RTE_RWLOCK_WAIT) != 0)
		return -EBUSY;
	/* Acquire pairs with the release in read_unlock and write_unlock. */
	if (!__atomic_compare_exchange_n(&rwl->cnt, &cnt, RTE_RWLOCK_WRITE, 0,
		    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return -EBUSY;
	return 0;
}

/**
 * Takes the lock for writing: announces the waiting writer, so new
 * readers hold back, then waits for the readers inside to leave.
 */
static inline void
rte_rwlock_write_lock(rte_rwlock_t *rwl)
{
	while (rte_rwlock_write_trylock(rwl) != 0) {
		/* Set the flag only when missing: a read-modify-write on
		 * every spin would keep stealing the line from readers. */
		if ((__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) &
			    RTE_RWLOCK_WAIT) == 0)
			__atomic_fetch_or(&rwl->cnt, RTE_RWLOCK_WAIT,
				__ATOMIC_RELAXED);
		rte_pause();
	}
}

/** Releases a write lock. */
static inline void
rte_rwlock_write_unlock(rte_rwlock_t *rwl)
{
	/* Release: publishes the writer's stores to the next reader's or
	 * writer's acquire. Only the holder bit is cleared; a waiting flag
	 * set meanwhile by another writer stays. */
	__atomic_fetch_and(&rwl->cnt, ~RTE_RWLOCK_WRITE, __ATOMIC_RELEASE);
}

/** @return 1 if a writer holds the lock, 0 if not (a snapshot). */
static inline int
rte_rwlock_write_is_locked(rte_rwlock_t *rwl)
{
	return (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) &
		       RTE_RWLOCK_WRITE) != 0;
}

/* Without hardware transactional memory the _tm variants are plain. */
static inline void
rte_rwlock_read_lock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_read_lock(rwl);
}

static inline void
rte_rwlock_read_unlock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_read_unlock(rwl);
}

static inline void
rte_rwlock_write_lock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_write_lock(rwl);
}

static inline void
rte_rwlock_write_unlock_tm(rte_rwlock_t *rwl)
{
	rte_rwlock_write_unlock(rwl);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RWLOCK_H_ */
