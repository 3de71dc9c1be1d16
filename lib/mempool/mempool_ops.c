/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The table of mempool handlers and the thin wrappers that call a pool's
 * handler. Handlers register from constructors, before main(); a pool
 * only stores the index of its handler.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_mempool.h>
#include <rte_spinlock.h>

#include "mempool_private.h"

struct rte_mempool_ops_table rte_mempool_ops_table = {
	.sl = RTE_SPINLOCK_INITIALIZER,
	.num_ops = 0,
};

static int
ops_check(const struct rte_mempool_ops *h)
{
	size_t len;

	if (h == NULL) {
		MEMPOOL_LOG(ERR, "cannot register NULL mempool ops\n");
		return -EINVAL;
	}
	len = strnlen(h->name, sizeof(h->name));
	if (len == 0 || len == sizeof(h->name)) {
		MEMPOOL_LOG(ERR,
			"mempool ops name is empty or longer than "
			"%d characters\n",
			RTE_MEMPOOL_OPS_NAMESIZE - 1);
		return -EINVAL;
	}
	if (h->alloc == NULL || h->free == NULL || h->enqueue == NULL ||
		h->dequeue == NULL || h->get_count == NULL) {
		MEMPOOL_LOG(ERR,
			"mempool ops %s lack a required callback "
			"(alloc, free, enqueue, dequeue, get_count)\n",
			h->name);
		return -EINVAL;
	}
	return 0;
}

/* The index of the handler called name, or -1. Caller holds sl or
 * reads num_ops with acquire. */
static int
ops_find(const char *name, uint32_t num_ops)
{
	uint32_t i;

	for (i = 0; i < num_ops; i++)
		if (strcmp(name, rte_mempool_ops_table.ops[i].name) == 0)
			return (int)i;
	return -1;
}

int
rte_mempool_register_ops(const struct rte_mempool_ops *h)
{
	struct rte_mempool_ops_table *t = &rte_mempool_ops_table;
	int ret;

	ret = ops_check(h);
	if (ret < 0)
		return ret;
	rte_spinlock_lock(&t->sl);
	if (t->num_ops >= RTE_MEMPOOL_MAX_OPS_IDX) {
		rte_spinlock_unlock(&t->sl);
		MEMPOOL_LOG(ERR,
			"cannot register mempool ops %s: %d handlers "
			"are registered already\n",
			h->name, RTE_MEMPOOL_MAX_OPS_IDX);
		return -ENOSPC;
	}
	if (ops_find(h->name, t->num_ops) >= 0) {
		rte_spinlock_unlock(&t->sl);
		MEMPOOL_LOG(ERR, "mempool ops %s are registered already\n",
			h->name);
		return -EEXIST;
	}
	ret = (int)t->num_ops;
	t->ops[ret] = *h;
	/* Publishes the copied entry; pairs with the acquire load in
	 * rte_mempool_set_ops_byname(). */
	__atomic_store_n(&t->num_ops, t->num_ops + 1, __ATOMIC_RELEASE);
	rte_spinlock_unlock(&t->sl);
	return ret;
}

int
rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name,
	void *pool_config)
{
	uint32_t num_ops;
	int index;

	if (mp == NULL || name == NULL) {
		MEMPOOL_LOG(ERR, "rte_mempool_set_ops_byname(): NULL %s\n",
			mp == NULL ? "mempool" : "name");
		return -EINVAL;
	}
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED) {
		MEMPOOL_LOG(ERR,
			"mempool %s: cannot change its ops once it "
			"has memory\n",
			mp->name);
		return -EEXIST;
	}
	/* Pairs with the release store in rte_mempool_register_ops(). */
	num_ops = __atomic_load_n(&rte_mempool_ops_table.num_ops,
		__ATOMIC_ACQUIRE);
	index = ops_find(name, num_ops);
	if (index < 0) {
		MEMPOOL_LOG(ERR, "mempool %s: no mempool ops called '%s'\n",
			mp->name, name);
		return -EINVAL;
	}
	mp->ops_index = index;
	mp->pool_config = pool_config;
	return 0;
}

const char *
mempool_default_ops_name(unsigned int flags)
{
	unsigned int single = flags &
		(RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET);

	if (single == (RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET))
		return MEMPOOL_OPS_RING_SP_SC;
	if (single == RTE_MEMPOOL_F_SP_PUT)
		return MEMPOOL_OPS_RING_SP_MC;
	if (single == RTE_MEMPOOL_F_SC_GET)
		return MEMPOOL_OPS_RING_MP_SC;
	return MEMPOOL_OPS_RING_MP_MC;
}

int
rte_mempool_ops_alloc(struct rte_mempool *mp)
{
	return rte_mempool_get_ops(mp->ops_index)->alloc(mp);
}

int
mempool_ops_alloc_once(struct rte_mempool *mp)
{
	int ret;

	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		return 0;
	ret = rte_mempool_ops_alloc(mp);
	if (ret != 0) {
		MEMPOOL_LOG(ERR,
			"mempool %s: ops %s cannot create the "
			"store: %s\n",
			mp->name, rte_mempool_get_ops(mp->ops_index)->name,
			rte_strerror(-ret));
		return ret < 0 ? ret : -EINVAL;
	}
	mp->flags |= RTE_MEMPOOL_F_POOL_CREATED;
	return 0;
}

void
rte_mempool_ops_free(struct rte_mempool *mp)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (!(mp->flags & RTE_MEMPOOL_F_POOL_CREATED))
		return;
	ops->free(mp);
	mp->pool_data = NULL;
	mp->flags &= ~RTE_MEMPOOL_F_POOL_CREATED;
}

unsigned int
rte_mempool_ops_get_count(const struct rte_mempool *mp)
{
	if (!(mp->flags & RTE_MEMPOOL_F_POOL_CREATED))
		return 0;
	return rte_mempool_get_ops(mp->ops_index)->get_count(mp);
}

ssize_t
rte_mempool_ops_calc_mem_size(const struct rte_mempool *mp, uint32_t obj_num,
	uint32_t pg_shift, size_t *min_chunk_size, size_t *align)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->calc_mem_size == NULL)
		return rte_mempool_op_calc_mem_size_default(mp, obj_num,
			pg_shift, min_chunk_size, align);
	return ops->calc_mem_size(mp, obj_num, pg_shift, min_chunk_size, align);
}

int
rte_mempool_ops_populate(struct rte_mempool *mp, unsigned int max_objs,
	void *vaddr, rte_iova_t iova, size_t len,
	rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg)
{
	struct rte_mempool_ops *ops = rte_mempool_get_ops(mp->ops_index);

	if (ops->populate == NULL)
		return rte_mempool_op_populate_default(mp, max_objs, vaddr,
			iova, len, obj_cb, obj_cb_arg);
	return ops->populate(mp, max_objs, vaddr, iova, len, obj_cb, obj_cb_arg);
}

int
rte_mempool_ops_get_info(const struct rte_mempool *mp,
	struct rte_mempool_info *info)
{
	struct rte_mempool_ops *ops;

	if (mp == NULL || info == NULL)
		return -EINVAL;
	ops = rte_mempool_get_ops(mp->ops_index);
	if (ops->get_info == NULL)
		return -ENOTSUP;
	return ops->get_info(mp, info);
}
