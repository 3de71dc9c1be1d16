/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The "stack" mempool handler: the free objects in a LIFO array behind a
 * spinlock.
 *
 * Last in, first out hands back the object freed most recently, which is
 * likely still in the CPU caches: useful for pools without per-lcore
 * caches, or whose objects are freed on the lcore that takes them next.
 * The lock is held only for the copy of a bulk (a few dozen pointers),
 * so contention stays short; like any spinlock it suffers when the
 * holder is preempted (more threads than CPUs), where a ring handler
 * suffers the same way on its tail update.
 *
 *   objs: [0] [1] ... [len - 1] | free slots ... [size - 1]
 *                          ^ top: next dequeue takes from here down
 */
#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_spinlock.h>

struct stack_store {
	rte_spinlock_t lock; /* guards len and objs */
	uint32_t size;	     /* slots */
	uint32_t len;	     /* objects stored, read unlocked by get_count */
	void *objs[] __rte_cache_aligned;
};

static int
stack_alloc(struct rte_mempool *mp)
{
	struct stack_store *s;

	s = rte_zmalloc_socket("mempool_stack",
		sizeof(*s) + (size_t)mp->size * sizeof(void *),
		RTE_CACHE_LINE_SIZE, mp->socket_id);
	if (s == NULL)
		return -rte_errno;
	rte_spinlock_init(&s->lock);
	s->size = mp->size;
	mp->pool_data = s;
	return 0;
}

static void
stack_free(struct rte_mempool *mp)
{
	rte_free(mp->pool_data);
}

static int
stack_enqueue(struct rte_mempool *mp, void *const *obj_table, unsigned int n)
{
	struct stack_store *s = mp->pool_data;
	unsigned int i;
	uint32_t len;

	rte_spinlock_lock(&s->lock);
	len = s->len;
	if (unlikely(n > s->size - len)) {
		rte_spinlock_unlock(&s->lock);
		return -ENOBUFS;
	}
	for (i = 0; i < n; i++)
		s->objs[len + i] = obj_table[i];
	/* Relaxed: the lock orders it; the store is atomic only for the
	 * unlocked reader in stack_get_count(). */
	__atomic_store_n(&s->len, len + n, __ATOMIC_RELAXED);
	rte_spinlock_unlock(&s->lock);
	return 0;
}

static int
stack_dequeue(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	struct stack_store *s = mp->pool_data;
	unsigned int i;
	uint32_t len;

	rte_spinlock_lock(&s->lock);
	len = s->len;
	if (unlikely(n > len)) {
		rte_spinlock_unlock(&s->lock);
		return -ENOBUFS;
	}
	for (i = 0; i < n; i++)
		obj_table[i] = s->objs[len - 1 - i];
	__atomic_store_n(&s->len, len - n, __ATOMIC_RELAXED);
	rte_spinlock_unlock(&s->lock);
	return 0;
}

static unsigned int
stack_get_count(const struct rte_mempool *mp)
{
	const struct stack_store *s = mp->pool_data;

	return __atomic_load_n(&s->len, __ATOMIC_RELAXED);
}

static struct rte_mempool_ops stack_ops = {
	.name = "stack",
	.alloc = stack_alloc,
	.free = stack_free,
	.enqueue = stack_enqueue,
	.dequeue = stack_dequeue,
	.get_count = stack_get_count,
};

RTE_MEMPOOL_REGISTER_OPS(stack_ops);
