/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Giving a pool its objects: object layout, memory size, carving memory
 * chunks into objects, and the populate functions (memzones, caller's
 * memory, anonymous memory).
 *
 * IO contiguity. A device reads an object through its iova, so the object
 * must not cross a point where the IO addresses jump. In IOVA-as-VA mode
 * there is no such point (the IOMMU maps virtual memory as it is), nor
 * with RTE_MEMPOOL_F_NO_IOVA_CONTIG (the caller does no DMA from the
 * objects). In IOVA-as-PA mode the jumps can only be at page boundaries,
 * so there objects never cross a page boundary of the smallest page size
 * the EAL uses (rte_mempool_get_page_size()), whether or not the chunk
 * happens to be physically contiguous; an object bigger than a page is
 * the exception and needs a contiguous chunk (memzones always are).
 * populate_default() takes the chunks of a pool whose objects fit in a
 * page from rte_malloc() in that mode, since they need not be contiguous
 * (see mempool_populate_malloc()).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_mempool.h>

#include "mempool_private.h"

/* Objects handed to the store per enqueue while populating. */
#define POPULATE_BATCH 64

static unsigned int
gcd(unsigned int a, unsigned int b)
{
	unsigned int t;

	while (b != 0) {
		t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/*
 * Pads an object so that consecutive objects start on different memory
 * channels and ranks: its length in cache lines is made coprime with the
 * number of channels times ranks (4 x 1 when -n and -r were not given),
 * so walking the objects visits every channel in turn.
 */
static uint32_t
mempool_spread_size(uint32_t obj_size)
{
	unsigned int nchan = rte_memory_get_nchannel();
	unsigned int nrank = rte_memory_get_nrank();
	uint32_t lines = (obj_size + RTE_MEMPOOL_ALIGN - 1) / RTE_MEMPOOL_ALIGN;

	if (nchan == 0)
		nchan = 4;
	if (nrank == 0)
		nrank = 1;
	while (gcd(lines, nchan * nrank) != 1)
		lines++;
	return lines * RTE_MEMPOOL_ALIGN;
}

uint32_t
rte_mempool_calc_obj_size(uint32_t elt_size, uint32_t flags,
	struct rte_mempool_objsz *sz)
{
	struct rte_mempool_objsz local;
	uint32_t total;

	if (sz == NULL)
		sz = &local;
	sz->header_size = sizeof(struct rte_mempool_objhdr);
	sz->trailer_size = 0;
#ifdef RTE_LIBRTE_MEMPOOL_DEBUG
	sz->trailer_size = sizeof(struct rte_mempool_objtlr);
#endif
	sz->elt_size = RTE_ALIGN_CEIL(elt_size, sizeof(uint64_t));
	if (!(flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN)) {
		/* The object starts on a cache line, and so does the next. */
		sz->header_size = RTE_ALIGN_CEIL(sz->header_size,
			RTE_MEMPOOL_ALIGN);
		total = sz->header_size + sz->elt_size + sz->trailer_size;
		sz->trailer_size += RTE_ALIGN_CEIL(total, RTE_MEMPOOL_ALIGN) -
			total;
	}
	if (!(flags & RTE_MEMPOOL_F_NO_SPREAD)) {
		total = sz->header_size + sz->elt_size + sz->trailer_size;
		sz->trailer_size += mempool_spread_size(total) - total;
	}
	sz->total_size = sz->header_size + sz->elt_size + sz->trailer_size;
	return sz->total_size;
}

/* Records the smallest page size of a memseg list on the wanted socket. */
static int
min_page_size_cb(const struct rte_memseg_list *msl, void *arg)
{
	size_t *min = arg;
	int socket = (int)min[1];

	if (socket != SOCKET_ID_ANY && msl->socket_id != socket)
		return 0;
	if (min[0] == 0 || msl->page_sz < min[0])
		min[0] = msl->page_sz;
	return 0;
}

int
rte_mempool_get_page_size(struct rte_mempool *mp, size_t *pg_sz)
{
	size_t min[2];

	if (mp == NULL || pg_sz == NULL)
		return -EINVAL;
	if ((mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG) ||
		rte_eal_iova_mode() != RTE_IOVA_PA) {
		*pg_sz = 0;
		return 0;
	}
	min[0] = 0;
	min[1] = (size_t)mp->socket_id;
	rte_memseg_list_walk(min_page_size_cb, min);
	if (min[0] == 0)
		min[0] = (size_t)sysconf(_SC_PAGESIZE);
	*pg_sz = min[0];
	return 0;
}

static size_t
mempool_total_elt_size(const struct rte_mempool *mp)
{
	return (size_t)mp->header_size + mp->elt_size + mp->trailer_size;
}

/*
 * With a boundary (pg_shift), the chunk may start anywhere in a page: the
 * memory only needs a cache line alignment, because the populate step
 * itself moves an object that would cross a boundary to the next page.
 * (Asking for page-aligned memory would make the EAL map an extra
 * physically adjacent page for every chunk.) An unaligned start can cost
 * one object, hence one object's room of slack.
 */
ssize_t
rte_mempool_op_calc_mem_size_helper(const struct rte_mempool *mp,
	uint32_t obj_num, uint32_t pg_shift, size_t chunk_reserve,
	size_t *min_chunk_size, size_t *align)
{
	size_t total = mempool_total_elt_size(mp), pg_sz, per_page, mem;
	size_t obj_pages;

	*align = RTE_MEMPOOL_ALIGN;
	if (pg_shift == 0) {
		*min_chunk_size = total + chunk_reserve;
		return (ssize_t)(total * obj_num + chunk_reserve);
	}
	if (pg_shift >= sizeof(size_t) * 8 - 1)
		return -EINVAL;
	pg_sz = (size_t)1 << pg_shift;
	if (chunk_reserve >= pg_sz)
		return -EINVAL;
	per_page = (pg_sz - chunk_reserve) / total;
	if (per_page == 0) {
		/* Each object gets pages of its own (contiguous ones). */
		obj_pages = RTE_ALIGN_CEIL(total + chunk_reserve, pg_sz);
		*min_chunk_size = obj_pages;
		return (ssize_t)(obj_pages * obj_num);
	}
	mem = (obj_num / per_page) * pg_sz;
	if (obj_num % per_page != 0)
		mem += chunk_reserve + (obj_num % per_page) * total;
	*min_chunk_size = total + chunk_reserve;
	return (ssize_t)(mem + total);
}

ssize_t
rte_mempool_op_calc_mem_size_default(const struct rte_mempool *mp,
	uint32_t obj_num, uint32_t pg_shift, size_t *min_chunk_size,
	size_t *align)
{
	return rte_mempool_op_calc_mem_size_helper(mp, obj_num, pg_shift, 0,
		min_chunk_size, align);
}

/*
 * Where the next object's header starts at or after off: on a multiple
 * of the total size for ALIGN_OBJ, and moved to the next boundary when
 * the object would cross one.
 */
static size_t
mempool_next_offset(uintptr_t base, size_t off, size_t total, size_t boundary,
	unsigned int flags)
{
	uintptr_t start;

	if (flags & RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ)
		off = RTE_ALIGN_MUL_CEIL(base + off, total) - base;
	if (boundary == 0)
		return off;
	start = base + off;
	if ((start & ~(boundary - 1)) == ((start + total - 1) & ~(boundary - 1)))
		return off;
	off = RTE_ALIGN_CEIL(start, boundary) - base;
	if (flags & RTE_MEMPOOL_POPULATE_F_ALIGN_OBJ)
		off = RTE_ALIGN_MUL_CEIL(base + off, total) - base;
	return off;
}

static void
mempool_store_batch(struct rte_mempool *mp, void **objs, unsigned int n)
{
	if (n != 0 && rte_mempool_ops_enqueue_bulk(mp, objs, n) < 0)
		MEMPOOL_LOG(CRIT,
			"mempool %s: its store refused %u new "
			"objects\n",
			mp->name, n);
}

int
rte_mempool_op_populate_helper(struct rte_mempool *mp, unsigned int flags,
	unsigned int max_objs, void *vaddr, rte_iova_t iova, size_t len,
	rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg)
{
	size_t total = mempool_total_elt_size(mp), boundary, off = 0;
	uintptr_t base = (uintptr_t)vaddr;
	void *batch[POPULATE_BATCH];
	unsigned int count, nb = 0;
	void *obj;
	int ret;

	ret = rte_mempool_get_page_size(mp, &boundary);
	if (ret < 0)
		return ret;
	if (total > boundary)
		boundary = 0; /* crossing cannot be helped */
	for (count = 0; count < max_objs; count++) {
		off = mempool_next_offset(base, off, total, boundary, flags);
		if (off > len || len - off < total)
			break;
		obj = (char *)vaddr + off + mp->header_size;
		obj_cb(mp, obj_cb_arg, obj,
			iova == RTE_BAD_IOVA ? RTE_BAD_IOVA :
					       iova + off + mp->header_size);
		batch[nb++] = obj;
		if (nb == POPULATE_BATCH) {
			mempool_store_batch(mp, batch, nb);
			nb = 0;
		}
		off += total;
	}
	mempool_store_batch(mp, batch, nb);
	return (int)count;
}

int
rte_mempool_op_populate_default(struct rte_mempool *mp, unsigned int max_objs,
	void *vaddr, rte_iova_t iova, size_t len,
	rte_mempool_populate_obj_cb_t *obj_cb, void *obj_cb_arg)
{
	return rte_mempool_op_populate_helper(mp, 0, max_objs, vaddr, iova, len,
		obj_cb, obj_cb_arg);
}

/* Links a newly laid out object into its pool. */
static void
mempool_add_elem(struct rte_mempool *mp, void *opaque, void *obj,
	rte_iova_t iova)
{
	struct rte_mempool_objhdr *hdr = rte_mempool_get_header(obj);

	RTE_SET_USED(opaque);
	hdr->mp = mp;
	hdr->iova = iova;
	STAILQ_INSERT_TAIL(&mp->elt_list, hdr, next);
	mp->populated_size++;
	mempool_debug_init_obj(mp, obj);
}

int
rte_mempool_populate_iova(struct rte_mempool *mp, char *vaddr, rte_iova_t iova,
	size_t len, rte_mempool_memchunk_free_cb_t *free_cb, void *opaque)
{
	struct rte_mempool_memhdr *memhdr;
	size_t off;
	int ret;

	if (mp == NULL || vaddr == NULL) {
		MEMPOOL_LOG(ERR, "rte_mempool_populate_iova(): NULL %s\n",
			mp == NULL ? "mempool" : "address");
		return -EINVAL;
	}
	ret = mempool_ops_alloc_once(mp);
	if (ret < 0)
		return ret;
	if (mp->populated_size >= mp->size) {
		MEMPOOL_LOG(ERR,
			"mempool %s is full: no room for more "
			"memory\n",
			mp->name);
		return -ENOSPC;
	}
	memhdr = rte_zmalloc("mempool_memhdr", sizeof(*memhdr), 0);
	if (memhdr == NULL) {
		MEMPOOL_LOG(ERR, "mempool %s: no memory for a chunk header\n",
			mp->name);
		return -ENOMEM;
	}
	if (mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG)
		iova = RTE_BAD_IOVA; /* objects may cross pages */
	off = RTE_PTR_ALIGN_CEIL(vaddr,
		      (mp->flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN) ?
			      sizeof(uint64_t) :
			      RTE_MEMPOOL_ALIGN) -
		vaddr;
	ret = 0;
	if (off < len)
		ret = rte_mempool_ops_populate(mp,
			mp->size - mp->populated_size, vaddr + off,
			iova == RTE_BAD_IOVA ? RTE_BAD_IOVA : iova + off,
			len - off, mempool_add_elem, NULL);
	if (ret <= 0) {
		rte_free(memhdr);
		return ret;
	}
	memhdr->mp = mp;
	memhdr->addr = vaddr;
	memhdr->iova = iova;
	memhdr->len = len;
	memhdr->free_cb = free_cb;
	memhdr->opaque = opaque;
	STAILQ_INSERT_TAIL(&mp->mem_list, memhdr, next);
	mp->nb_mem_chunks++;
	if (iova != RTE_BAD_IOVA)
		mp->flags &= ~RTE_MEMPOOL_F_NON_IO;
	if (mp->populated_size == mp->size)
		mempool_event_notify(RTE_MEMPOOL_EVENT_READY, mp);
	return ret;
}

/* Bytes from addr + off on that are IOVA-contiguous, page by page. */
static size_t
mempool_iova_run(char *addr, size_t off, size_t len, size_t pg_sz,
	rte_iova_t iova)
{
	size_t run = RTE_MIN(len - off, pg_sz);

	if (iova == RTE_BAD_IOVA)
		return run;
	while (off + run < len &&
		rte_mem_virt2iova(addr + off + run) == iova + run)
		run = RTE_MIN(run + pg_sz, len - off);
	return run;
}

int
rte_mempool_populate_virt(struct rte_mempool *mp, char *addr, size_t len,
	size_t pg_sz, rte_mempool_memchunk_free_cb_t *free_cb, void *opaque)
{
	size_t off, run;
	rte_iova_t iova;
	int ret, count = 0;

	if (mp == NULL || addr == NULL || !rte_is_power_of_2(pg_sz) ||
		pg_sz > UINT32_MAX ||
		!rte_is_aligned(addr, (unsigned int)pg_sz) ||
		RTE_ALIGN_CEIL(len, pg_sz) != len) {
		MEMPOOL_LOG(ERR,
			"rte_mempool_populate_virt(): NULL or "
			"misaligned memory, or a bad page size\n");
		return -EINVAL;
	}
	if (mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG)
		return rte_mempool_populate_iova(mp, addr, RTE_BAD_IOVA, len,
			free_cb, opaque);
	if (mp->populated_size >= mp->size) {
		MEMPOOL_LOG(ERR,
			"mempool %s is full: no room for more "
			"memory\n",
			mp->name);
		return -ENOSPC;
	}
	for (off = 0; off < len && mp->populated_size < mp->size; off += run) {
		iova = rte_mem_virt2iova(addr + off);
		run = mempool_iova_run(addr, off, len, pg_sz, iova);
		ret = rte_mempool_populate_iova(mp, addr + off, iova, run,
			free_cb, opaque);
		if (ret == 0)
			continue;
		if (ret < 0) {
			mempool_free_memchunks(mp);
			return ret;
		}
		/* The first chunk that holds objects releases the area. */
		free_cb = NULL;
		count += ret;
	}
	return count;
}

static void
mempool_memzone_free_cb(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	RTE_SET_USED(memhdr);
	rte_memzone_free(opaque);
}

static void
mempool_malloc_free_cb(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	RTE_SET_USED(memhdr);
	rte_free(opaque);
}

/*
 * Populates from [addr, addr + len), whose IO addresses may jump at any
 * boundary of pg_sz pages: one chunk per IOVA-contiguous stretch, the
 * first one that holds objects owning the area (freed here when none
 * does). Objects added, or -errno (the caller then frees the pool's
 * chunks, the area with them).
 */
static int
mempool_populate_pages(struct rte_mempool *mp, char *addr, size_t len,
	size_t pg_sz, void *area)
{
	rte_mempool_memchunk_free_cb_t *free_cb = mempool_malloc_free_cb;
	size_t off, run;
	rte_iova_t iova;
	int ret = 0, count = 0;

	for (off = 0; off < len && mp->populated_size < mp->size; off += run) {
		iova = rte_mem_virt2iova(addr + off);
		run = RTE_MIN(pg_sz - ((uintptr_t)(addr + off) & (pg_sz - 1)),
			len - off);
		while (iova != RTE_BAD_IOVA && off + run < len &&
			rte_mem_virt2iova(addr + off + run) == iova + run)
			run = RTE_MIN(run + pg_sz, len - off);
		ret = rte_mempool_populate_iova(mp, addr + off, iova, run,
			free_cb, area);
		if (ret < 0)
			break;
		if (ret > 0)
			free_cb = NULL;
		count += ret;
	}
	/* No chunk holds objects: nothing owns the area. */
	if (free_cb != NULL)
		rte_free(area);
	return ret < 0 ? ret : count;
}

/*
 * IOVA as PA with objects that fit in a page (populate_default's pg_shift):
 * the objects never cross a page, so their chunk need not be
 * IOVA-contiguous, and it comes from rte_malloc() rather than from a
 * memzone (IOVA-contiguous by contract, which for more than a page makes
 * the EAL map physically contiguous pages up front, beside the lazily
 * reserved -m memory). Halves the request down to one object's worth when
 * memory is short. Objects added, or -errno.
 */
static int
mempool_populate_malloc(struct rte_mempool *mp, size_t want, size_t min_chunk,
	size_t align, size_t pg_sz)
{
	void *area;
	int ret;

	for (;;) {
		area = rte_malloc_socket("mempool_chunk", want, align,
			mp->socket_id);
		if (area != NULL || want <= min_chunk)
			break;
		want = RTE_MAX(want / 2, min_chunk);
	}
	if (area == NULL) {
		MEMPOOL_LOG(ERR,
			"mempool %s: cannot allocate %zu bytes for its "
			"objects: %s\n",
			mp->name, want, rte_strerror(rte_errno));
		return -rte_errno;
	}
	ret = mempool_populate_pages(mp, area, want, pg_sz, area);
	return ret == 0 ? -ENOBUFS : ret;
}

/*
 * Reserves a memzone for as many missing objects as possible (all of
 * them, or less when memory is short, down to one object's worth) and
 * populates the pool from it. Objects added, or -errno.
 */
static int
mempool_populate_memzone(struct rte_mempool *mp, unsigned int chunk_id,
	uint32_t pg_shift)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	size_t min_chunk, align, want;
	ssize_t mem_size;
	int ret;

	ret = snprintf(name, sizeof(name), RTE_MEMPOOL_MZ_FORMAT "_%u",
		mp->name, chunk_id);
	if (ret < 0 || ret >= (int)sizeof(name))
		return -ENAMETOOLONG;
	mem_size = rte_mempool_ops_calc_mem_size(mp,
		mp->size - mp->populated_size, pg_shift, &min_chunk, &align);
	if (mem_size <= 0)
		return mem_size < 0 ? (int)mem_size : -EINVAL;
	want = (size_t)mem_size;
	if (pg_shift != 0 && min_chunk <= ((size_t)1 << pg_shift))
		return mempool_populate_malloc(mp, want, min_chunk, align,
			(size_t)1 << pg_shift);
	for (;;) {
		mz = rte_memzone_reserve_aligned(name, want, mp->socket_id, 0,
			(unsigned int)align);
		if (mz != NULL || rte_errno != ENOMEM || want <= min_chunk)
			break;
		want = RTE_MAX(want / 2, min_chunk);
	}
	if (mz == NULL) {
		MEMPOOL_LOG(ERR,
			"mempool %s: cannot reserve %zu bytes for its "
			"objects: %s\n",
			mp->name, want, rte_strerror(rte_errno));
		return -rte_errno;
	}
	ret = rte_mempool_populate_iova(mp, mz->addr, mz->iova, mz->len,
		mempool_memzone_free_cb, (void *)(uintptr_t)mz);
	if (ret <= 0) {
		rte_memzone_free(mz);
		return ret == 0 ? -ENOBUFS : ret;
	}
	return ret;
}

int
rte_mempool_populate_default(struct rte_mempool *mp)
{
	unsigned int chunk_id;
	uint32_t pg_shift;
	size_t pg_sz;
	int ret;

	if (mp == NULL) {
		MEMPOOL_LOG(ERR,
			"rte_mempool_populate_default(): NULL mempool\n");
		return -EINVAL;
	}
	if (mp->nb_mem_chunks != 0) {
		MEMPOOL_LOG(ERR, "mempool %s is populated already\n", mp->name);
		return -EEXIST;
	}
	ret = mempool_ops_alloc_once(mp);
	if (ret < 0)
		return ret;
	ret = rte_mempool_get_page_size(mp, &pg_sz);
	if (ret < 0)
		return ret;
	pg_shift = pg_sz == 0 ? 0 : rte_ctz64(pg_sz);
	for (chunk_id = 0; mp->populated_size < mp->size; chunk_id++) {
		ret = mempool_populate_memzone(mp, chunk_id, pg_shift);
		if (ret < 0) {
			mempool_free_memchunks(mp);
			return ret;
		}
	}
	return (int)mp->populated_size;
}

/* What an anonymous area needs to be unmapped. */
struct mempool_anon_area {
	void *addr;
	size_t len;
};

static void
mempool_anon_free_cb(struct rte_mempool_memhdr *memhdr, void *opaque)
{
	struct mempool_anon_area *area = opaque;

	RTE_SET_USED(memhdr);
	munmap(area->addr, area->len);
	rte_free(area);
}

static int
mempool_anon_fail(struct rte_mempool *mp, int err, const char *why)
{
	MEMPOOL_LOG(ERR,
		"mempool %s: cannot populate from anonymous memory: "
		"%s\n",
		mp->name, why);
	rte_errno = err;
	return 0;
}

/* Bytes of anonymous memory (of page_size pages) the missing objects need. */
static ssize_t
mempool_anon_size(struct rte_mempool *mp, size_t page_size)
{
	size_t boundary, min_chunk, align;
	ssize_t size;
	int ret;

	ret = rte_mempool_get_page_size(mp, &boundary);
	if (ret < 0)
		return ret;
	/* Not EAL memory: where IO contiguity matters, only a small page
	 * is known to be contiguous. */
	size = rte_mempool_ops_calc_mem_size(mp, mp->size - mp->populated_size,
		boundary == 0 ? 0 : rte_ctz64(page_size), &min_chunk, &align);
	if (size <= 0)
		return size < 0 ? size : -EINVAL;
	return (ssize_t)RTE_ALIGN_CEIL((size_t)size, page_size);
}

int
rte_mempool_populate_anon(struct rte_mempool *mp)
{
	size_t page_size = (size_t)sysconf(_SC_PAGESIZE);
	struct mempool_anon_area *area;
	ssize_t size;
	void *addr;
	int ret;

	if (mp == NULL) {
		MEMPOOL_LOG(ERR, "rte_mempool_populate_anon(): NULL mempool\n");
		rte_errno = EINVAL;
		return 0;
	}
	if (mp->nb_mem_chunks != 0)
		return mempool_anon_fail(mp, EEXIST, "it has memory already");
	ret = mempool_ops_alloc_once(mp);
	if (ret < 0)
		return mempool_anon_fail(mp, -ret, "no store");
	size = mempool_anon_size(mp, page_size);
	if (size < 0)
		return mempool_anon_fail(mp, (int)-size, "bad size");
	area = rte_zmalloc("mempool_anon", sizeof(*area), 0);
	if (area == NULL)
		return mempool_anon_fail(mp, ENOMEM, "out of memory");
	/* Populated now, so that every page has its physical address when
	 * the iovas are read (even where mlock() is a no-op, as under ASan). */
	addr = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE,
		MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (addr == MAP_FAILED) {
		ret = errno;
		rte_free(area);
		return mempool_anon_fail(mp, ret, "mmap() failed");
	}
	/* Locked, so that the pages (and their iovas) stay put. */
	if (mlock(addr, (size_t)size) < 0) {
		ret = errno;
		goto fail;
	}
	area->addr = addr;
	area->len = (size_t)size;
	ret = rte_mempool_populate_virt(mp, addr, (size_t)size, page_size, NULL,
		NULL);
	if (ret <= 0) {
		ret = ret == 0 ? ENOBUFS : -ret;
		goto fail;
	}
	/* Every chunk lies in this area: the first one releases it. */
	STAILQ_FIRST(&mp->mem_list)->free_cb = mempool_anon_free_cb;
	STAILQ_FIRST(&mp->mem_list)->opaque = area;
	return (int)mp->populated_size;
fail:
	munmap(addr, (size_t)size);
	rte_free(area);
	return mempool_anon_fail(mp, ret, rte_strerror(ret));
}

void
mempool_free_memchunks(struct rte_mempool *mp)
{
	struct rte_mempool_memhdr *memhdr;
	void *objs[POPULATE_BATCH];
	unsigned int count;

	/* Objects left in the store would point into freed memory. */
	while ((count = rte_mempool_ops_get_count(mp)) != 0) {
		count = RTE_MIN(count, (unsigned int)POPULATE_BATCH);
		if (rte_mempool_ops_dequeue_bulk(mp, objs, count) < 0)
			break;
	}
	STAILQ_INIT(&mp->elt_list);
	mp->populated_size = 0;
	while ((memhdr = STAILQ_FIRST(&mp->mem_list)) != NULL) {
		STAILQ_REMOVE_HEAD(&mp->mem_list, next);
		if (memhdr->free_cb != NULL)
			memhdr->free_cb(memhdr, memhdr->opaque);
		rte_free(memhdr);
	}
	mp->nb_mem_chunks = 0;
}

uint32_t
rte_mempool_obj_iter(struct rte_mempool *mp, rte_mempool_obj_cb_t *obj_cb,
	void *obj_cb_arg)
{
	struct rte_mempool_objhdr *hdr;
	uint32_t n = 0;

	if (mp == NULL)
		return 0;
	STAILQ_FOREACH(hdr, &mp->elt_list, next)
	{
		if (obj_cb != NULL)
			obj_cb(mp, obj_cb_arg, (char *)hdr + sizeof(*hdr), n);
		n++;
	}
	return n;
}

uint32_t
rte_mempool_mem_iter(struct rte_mempool *mp, rte_mempool_mem_cb_t *mem_cb,
	void *mem_cb_arg)
{
	struct rte_mempool_memhdr *memhdr;
	uint32_t n = 0;

	if (mp == NULL)
		return 0;
	STAILQ_FOREACH(memhdr, &mp->mem_list, next)
	{
		if (mem_cb != NULL)
			mem_cb(mp, mem_cb_arg, memhdr, n);
		n++;
	}
	return n;
}
