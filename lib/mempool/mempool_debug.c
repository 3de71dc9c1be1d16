/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Checking and printing pools: debug cookies, rte_mempool_audit() and
 * rte_mempool_dump().
 *
 * In builds with RTE_LIBRTE_MEMPOOL_DEBUG (meson -Ddebug_checks=true)
 * every object carries a cookie in its header that says whether it is
 * free or handed out, and one in its trailer that must never change.
 * get and put check and flip them, which catches double frees, objects
 * put into the wrong pool, and writes past either end of an object. As in
 * DPDK these are fatal (rte_panic(), after a line naming the object): the
 * pool's bookkeeping is already wrong at that point. This is the only
 * place, with rte_mempool_audit(), where the library panics, and it is
 * reachable only through misuse of the objects.
 */
#include <inttypes.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#include "mempool_private.h"

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG

void
mempool_debug_init_obj(struct rte_mempool *mp, void *obj)
{
	rte_mempool_get_header(obj)->cookie = RTE_MEMPOOL_HEADER_COOKIE2;
	((struct rte_mempool_objtlr *)RTE_PTR_ADD(obj, mp->elt_size))->cookie =
		RTE_MEMPOOL_TRAILER_COOKIE;
}

static const char *
mempool_cookie_error(uint64_t cookie, int free)
{
	if (free == 0 && cookie == RTE_MEMPOOL_HEADER_COOKIE2)
		return "put while already free (double free)";
	if (free == 1 && cookie == RTE_MEMPOOL_HEADER_COOKIE1)
		return "handed out while already in use";
	return "header overwritten";
}

static void
mempool_check_one(const struct rte_mempool *mp, void *obj, int free)
{
	struct rte_mempool_objhdr *hdr = rte_mempool_get_header(obj);
	struct rte_mempool_objtlr *tlr = RTE_PTR_ADD(obj, mp->elt_size);
	uint64_t want = free == 0 ? RTE_MEMPOOL_HEADER_COOKIE1 :
				    RTE_MEMPOOL_HEADER_COOKIE2;

	if (hdr->mp != mp)
		rte_panic("mempool %s: object %p belongs to mempool %p, not "
			  "to this one\n",
			mp->name, obj, (void *)hdr->mp);
	if (free == 2) {
		if (hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE1 &&
			hdr->cookie != RTE_MEMPOOL_HEADER_COOKIE2)
			rte_panic("mempool %s: object %p: header overwritten "
				  "(cookie 0x%" PRIx64 ")\n",
				mp->name, obj, hdr->cookie);
	} else if (hdr->cookie != want) {
		rte_panic("mempool %s: object %p %s (cookie 0x%" PRIx64 ")\n",
			mp->name, obj, mempool_cookie_error(hdr->cookie, free),
			hdr->cookie);
	}
	if (tlr->cookie != RTE_MEMPOOL_TRAILER_COOKIE)
		rte_panic("mempool %s: object %p: written past its end "
			  "(trailer cookie 0x%" PRIx64 ")\n",
			mp->name, obj, tlr->cookie);
	if (free == 0)
		hdr->cookie = RTE_MEMPOOL_HEADER_COOKIE2;
	else if (free == 1)
		hdr->cookie = RTE_MEMPOOL_HEADER_COOKIE1;
}

void
rte_mempool_check_cookies(const struct rte_mempool *mp,
	void *const *obj_table_const, unsigned int n, int free)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		mempool_check_one(mp, obj_table_const[i], free);
}

void
rte_mempool_contig_blocks_check_cookies(const struct rte_mempool *mp,
	void *const *first_obj_table_const, unsigned int n, int free)
{
	struct rte_mempool_info info;
	size_t total = (size_t)mp->header_size + mp->elt_size +
		mp->trailer_size;
	unsigned int i, j;

	if (rte_mempool_ops_get_info(mp, &info) < 0)
		rte_panic("mempool %s: contiguous blocks without block info\n",
			mp->name);
	for (i = 0; i < n; i++)
		for (j = 0; j < info.contig_block_size; j++)
			mempool_check_one(mp,
				RTE_PTR_ADD(first_obj_table_const[i], j * total),
				free);
}

static void
mempool_audit_obj(struct rte_mempool *mp, void *opaque, void *obj,
	unsigned int idx)
{
	RTE_SET_USED(opaque);
	RTE_SET_USED(idx);
	mempool_check_one(mp, obj, 2);
}

#else /* !RTE_LIBRTE_MEMPOOL_DEBUG */

void
mempool_debug_init_obj(struct rte_mempool *mp, void *obj)
{
	RTE_SET_USED(mp);
	RTE_SET_USED(obj);
}

void
rte_mempool_check_cookies(const struct rte_mempool *mp,
	void *const *obj_table_const, unsigned int n, int free)
{
	RTE_SET_USED(mp);
	RTE_SET_USED(obj_table_const);
	RTE_SET_USED(n);
	RTE_SET_USED(free);
}

void
rte_mempool_contig_blocks_check_cookies(const struct rte_mempool *mp,
	void *const *first_obj_table_const, unsigned int n, int free)
{
	RTE_SET_USED(mp);
	RTE_SET_USED(first_obj_table_const);
	RTE_SET_USED(n);
	RTE_SET_USED(free);
}

#endif /* RTE_LIBRTE_MEMPOOL_DEBUG */

void
rte_mempool_audit(struct rte_mempool *mp)
{
	unsigned int lcore_id;
	struct rte_mempool_cache *cache;

	if (mp == NULL)
		return;
	if (mp->populated_size > mp->size)
		rte_panic("mempool %s: %u objects for a size of %u\n", mp->name,
			mp->populated_size, mp->size);
	for (lcore_id = 0; mp->cache_size != 0 && lcore_id < RTE_MAX_LCORE;
		lcore_id++) {
		cache = &mp->local_cache[lcore_id];
		if (cache->len > cache->flushthresh)
			rte_panic("mempool %s: lcore %u's cache holds %u "
				  "objects, more than its %u\n",
				mp->name, lcore_id, cache->len,
				cache->flushthresh);
	}
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	rte_mempool_obj_iter(mp, mempool_audit_obj, NULL);
#endif
}

static void
mempool_dump_chunks(FILE *f, struct rte_mempool *mp)
{
	struct rte_mempool_memhdr *memhdr;

	STAILQ_FOREACH(memhdr, &mp->mem_list, next)
	fprintf(f, "    chunk addr=%p iova=0x%" PRIx64 " len=%zu\n",
		memhdr->addr, memhdr->iova, memhdr->len);
}

static unsigned int
mempool_dump_caches(FILE *f, struct rte_mempool *mp)
{
	unsigned int lcore_id, total = 0;
	uint32_t len;

	fprintf(f, "  cache_size=%u\n", mp->cache_size);
	for (lcore_id = 0; mp->cache_size != 0 && lcore_id < RTE_MAX_LCORE;
		lcore_id++) {
		len = mp->local_cache[lcore_id].len;
		if (len != 0)
			fprintf(f, "    cache_count[%u]=%u\n", lcore_id, len);
		total += len;
	}
	fprintf(f, "  total_cache_count=%u\n", total);
	return total;
}

void
rte_mempool_dump(FILE *f, struct rte_mempool *mp)
{
	uint32_t total;

	if (f == NULL || mp == NULL)
		return;
	total = mp->header_size + mp->elt_size + mp->trailer_size;
	fprintf(f, "mempool <%s>@%p\n", mp->name, (void *)mp);
	fprintf(f, "  flags=0x%x\n  socket_id=%d\n  pool=%p\n", mp->flags,
		mp->socket_id, mp->pool_data);
	fprintf(f, "  ops_index=%d\n  ops_name=<%s>\n", mp->ops_index,
		rte_mempool_get_ops(mp->ops_index)->name);
	fprintf(f, "  size=%u\n  populated_size=%u\n", mp->size,
		mp->populated_size);
	fprintf(f,
		"  header_size=%u\n  elt_size=%u\n  trailer_size=%u\n"
		"  total_obj_size=%u\n  private_data_size=%u\n",
		mp->header_size, mp->elt_size, mp->trailer_size, total,
		mp->private_data_size);
	fprintf(f, "  nb_mem_chunks=%u\n", mp->nb_mem_chunks);
	mempool_dump_chunks(f, mp);
	mempool_dump_caches(f, mp);
	fprintf(f, "  common_pool_count=%u\n", rte_mempool_ops_get_count(mp));
	fprintf(f, "  avail_count=%u\n  in_use_count=%u\n",
		rte_mempool_avail_count(mp), rte_mempool_in_use_count(mp));
}
