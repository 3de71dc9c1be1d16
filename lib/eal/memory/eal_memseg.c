/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The table of memseg lists, and everything that looks segments up or
 * walks them. How a segment is mapped is eal_memalloc.c's business.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_memseg.h"

pthread_rwlock_t eal_memseg_lock = PTHREAD_RWLOCK_INITIALIZER;

static struct eal_memseg_list *lists[RTE_MAX_MEMSEG_LISTS];
/* Lists are only ever appended (under the write lock) and published with
 * a release store, so lookups without the lock see complete lists. */
static _Atomic unsigned int nb_lists;

static struct eal_page_type page_types[EAL_MAX_PAGE_TYPES];
static unsigned int nb_page_types;
static char file_prefix[EAL_FILE_PREFIX_MAX];
/*
 * Where the next list's address space is asked for: --base-virtaddr, or
 * 4 GiB on 64-bit machines. Low addresses matter in IOVA-as-VA mode: an
 * IOMMU maps only as many address bits as it has (39 on many Intel
 * machines and on QEMU's intel-iommu), and mmap() left to itself places
 * memory near the top of the 47-bit user space. It is a hint: where the
 * range is taken the kernel picks another place.
 */
#define EAL_DEFAULT_BASE_VA \
	(UINTPTR_MAX > UINT32_MAX ? (uintptr_t)0x100000000ULL : (uintptr_t)0)
static uintptr_t next_va_hint;
static uint32_t nb_channels, nb_ranks;
static uint64_t physmem_floor; /* eal_memseg_physmem_floor() */

int
eal_memseg_init(const struct eal_page_type *types, unsigned int nb_types,
	const struct eal_config *cfg)
{
	if (nb_types > EAL_MAX_PAGE_TYPES) {
		rte_errno = EINVAL;
		return -1;
	}
	memcpy(page_types, types, nb_types * sizeof(types[0]));
	nb_page_types = nb_types;
	snprintf(file_prefix, sizeof(file_prefix), "%s",
		cfg->file_prefix[0] != '\0' ? cfg->file_prefix : "rte");
	next_va_hint = cfg->base_virtaddr != 0 ? (uintptr_t)cfg->base_virtaddr :
						 EAL_DEFAULT_BASE_VA;
	nb_channels = cfg->memory_channels;
	nb_ranks = cfg->memory_ranks;
	return 0;
}

void
eal_memseg_cleanup(void)
{
	unsigned int i, n;

	pthread_rwlock_wrlock(&eal_memseg_lock);
	physmem_floor = 0;
	n = atomic_load_explicit(&nb_lists, memory_order_relaxed);
	atomic_store_explicit(&nb_lists, 0, memory_order_release);
	for (i = 0; i < n; i++) {
		if (lists[i]->msl.external) {
			/* The application's memory: not ours to unmap. */
			free(lists[i]->segs);
			free(lists[i]->info);
		} else {
			eal_memalloc_list_destroy(lists[i]);
		}
		free(lists[i]);
		lists[i] = NULL;
	}
	nb_page_types = 0;
	pthread_rwlock_unlock(&eal_memseg_lock);
}

unsigned int
eal_memseg_nb_types(void)
{
	return nb_page_types;
}

const struct eal_page_type *
eal_memseg_type(unsigned int type_idx)
{
	return type_idx < nb_page_types ? &page_types[type_idx] : NULL;
}

unsigned int
rte_memory_get_nchannel(void)
{
	return nb_channels;
}

unsigned int
rte_memory_get_nrank(void)
{
	return nb_ranks;
}

/* First slot of count free consecutive slots, or -1. */
static int
find_free_span(const struct eal_memseg_list *list, unsigned int count)
{
	unsigned int i, run = 0;

	for (i = 0; i < list->nb_segs; i++) {
		run = list->segs[i].addr == NULL ? run + 1 : 0;
		if (run == count)
			return (int)(i + 1 - count);
	}
	return -1;
}

/* Creates a list for a type and socket; NULL when the table is full. */
static struct eal_memseg_list *
list_create(unsigned int type_idx, int socket)
{
	unsigned int n = atomic_load_explicit(&nb_lists, memory_order_relaxed);
	struct eal_memseg_list *list;

	if (n == RTE_MAX_MEMSEG_LISTS)
		return NULL;
	list = calloc(1, sizeof(*list));
	if (list == NULL)
		return NULL;
	list->type_idx = type_idx;
	list->msl.socket_id = socket;
	if (eal_memalloc_list_create(list, &page_types[type_idx], file_prefix,
		    (void *)next_va_hint) < 0) {
		free(list);
		return NULL;
	}
	if (next_va_hint != 0)
		next_va_hint += list->msl.len;
	lists[n] = list;
	atomic_store_explicit(&nb_lists, n + 1, memory_order_release);
	return list;
}

/* A list of that type and socket with count free consecutive slots. */
static struct eal_memseg_list *
list_with_room(unsigned int type_idx, int socket, unsigned int count, int *first)
{
	unsigned int i,
		n = atomic_load_explicit(&nb_lists, memory_order_relaxed);
	unsigned int nb_same = 0;
	struct eal_memseg_list *list;

	for (i = 0; i < n; i++) {
		list = lists[i];
		if (list->type_idx != type_idx || list->msl.socket_id != socket)
			continue;
		nb_same++;
		*first = find_free_span(list, count);
		if (*first >= 0)
			return list;
	}
	if (nb_same >= EAL_MEMSEG_LISTS_PER_TYPE ||
		count > eal_page_type_max_segs(&page_types[type_idx]))
		return NULL;
	list = list_create(type_idx, socket);
	if (list == NULL)
		return NULL;
	*first = 0;
	return list;
}

int
eal_memseg_alloc(unsigned int type_idx, int socket, unsigned int count,
	bool contig, struct eal_mem_block *block)
{
	struct eal_memseg_list *list;
	int first = -1;

	if (type_idx >= nb_page_types || count == 0) {
		rte_errno = ENOMEM;
		return -1;
	}
	pthread_rwlock_wrlock(&eal_memseg_lock);
	list = list_with_room(type_idx, socket, count, &first);
	if (list == NULL ||
		eal_memalloc_map(list, (unsigned int)first, count, contig) < 0) {
		pthread_rwlock_unlock(&eal_memseg_lock);
		rte_errno = ENOMEM;
		return -1;
	}
	list->nb_mapped += count;
	list->msl.version++;
	block->list = list;
	block->first = (unsigned int)first;
	block->count = count;
	eal_mem_event_notify(RTE_MEM_EVENT_ALLOC, eal_mem_block_addr(block),
		eal_mem_block_len(block));
	pthread_rwlock_unlock(&eal_memseg_lock);
	return 0;
}

int
eal_memseg_extend(struct eal_mem_block *block, unsigned int count)
{
	struct eal_mem_block added = { block->list, block->first + block->count,
		count };
	struct eal_memseg_list *list = block->list;
	unsigned int i;

	if (count == 0 || count > list->nb_segs - added.first)
		return -1;
	pthread_rwlock_wrlock(&eal_memseg_lock);
	for (i = added.first; i < added.first + count; i++)
		if (list->segs[i].addr != NULL)
			break;
	if (i < added.first + count ||
		eal_memalloc_map(list, added.first, count, false) < 0) {
		pthread_rwlock_unlock(&eal_memseg_lock);
		return -1;
	}
	list->nb_mapped += count;
	list->msl.version++;
	block->count += count;
	eal_mem_event_notify(RTE_MEM_EVENT_ALLOC, eal_mem_block_addr(&added),
		eal_mem_block_len(&added));
	pthread_rwlock_unlock(&eal_memseg_lock);
	return 0;
}

void
eal_memseg_free(const struct eal_mem_block *block)
{
	struct eal_memseg_list *list = block->list;
	unsigned int i;

	pthread_rwlock_wrlock(&eal_memseg_lock);
	eal_mem_event_notify(RTE_MEM_EVENT_FREE, eal_mem_block_addr(block),
		eal_mem_block_len(block));
	eal_memalloc_unmap(list, block->first, block->count);
	for (i = block->first; i < block->first + block->count; i++) {
		list->info[i].heap_id = -1;
		list->info[i].owner = NULL;
	}
	list->nb_mapped -= block->count;
	list->msl.version++;
	pthread_rwlock_unlock(&eal_memseg_lock);
}

void
eal_memseg_set_owner(const struct eal_mem_block *block, int heap_id, void *owner)
{
	unsigned int i;

	pthread_rwlock_wrlock(&eal_memseg_lock);
	for (i = block->first; i < block->first + block->count; i++) {
		block->list->info[i].heap_id = heap_id;
		block->list->info[i].owner = owner;
	}
	pthread_rwlock_unlock(&eal_memseg_lock);
}

/*
 * The list whose reserved range holds addr, or NULL. An external list's
 * range changes under the write lock only: len is stored last when it is
 * set (release, paired with the acquire load here) and first when it is
 * cleared, and a NULL base never matches, so no torn pair matches.
 */
static struct eal_memseg_list *
list_of(const void *addr)
{
	unsigned int i,
		n = atomic_load_explicit(&nb_lists, memory_order_acquire);
	uintptr_t a = (uintptr_t)addr, base;
	size_t len;

	for (i = 0; i < n; i++) {
		len = __atomic_load_n(&lists[i]->msl.len, __ATOMIC_ACQUIRE);
		base = (uintptr_t)__atomic_load_n(&lists[i]->msl.base_va,
			__ATOMIC_RELAXED);
		if (base != 0 && a >= base && a - base < len)
			return lists[i];
	}
	return NULL;
}

/*
 * In a child of fork(): ordinary memory becomes the child's own again
 * (copy on write over the file), as it was with anonymous memory, so a
 * child scribbling on mbufs cannot reach its parent's. Hugepages stay
 * shared, as in DPDK. No lock: the child has one thread.
 */
static void
memseg_child_private(void)
{
	unsigned int i, s,
		n = atomic_load_explicit(&nb_lists, memory_order_acquire);
	struct eal_memseg_list *list;

	for (i = 0; i < n; i++) {
		list = lists[i];
		if (list->fd < 0 ||
			page_types[list->type_idx].backing != EAL_BACKING_ANON)
			continue;
		for (s = 0; s < list->nb_segs; s++)
			if (list->segs[s].addr != NULL)
				mmap(list->segs[s].addr, list->seg_sz,
					PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_FIXED, list->fd,
					(off_t)s * (off_t)list->seg_sz);
	}
}

static void
memseg_atfork_register(void)
{
	pthread_atfork(NULL, NULL, memseg_child_private);
}

void
eal_memseg_fork_private(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, memseg_atfork_register);
}

struct eal_memseg_list *
eal_memseg_list_of_seg(const struct rte_memseg *ms, unsigned int *idx)
{
	unsigned int i,
		n = atomic_load_explicit(&nb_lists, memory_order_acquire);
	uintptr_t p = (uintptr_t)ms, first;

	for (i = 0; i < n; i++) {
		first = (uintptr_t)lists[i]->segs;
		if (p < first ||
			p - first >=
				lists[i]->nb_segs * sizeof(lists[i]->segs[0]))
			continue;
		if ((p - first) % sizeof(lists[i]->segs[0]) != 0)
			return NULL;
		*idx = (unsigned int)((p - first) / sizeof(lists[i]->segs[0]));
		return lists[i];
	}
	return NULL;
}

/* Does [va, va + len) overlap a list's range? Caller holds the lock. */
static bool
range_in_use(uintptr_t va, size_t len)
{
	unsigned int i,
		n = atomic_load_explicit(&nb_lists, memory_order_relaxed);
	uintptr_t base;

	for (i = 0; i < n; i++) {
		base = (uintptr_t)lists[i]->msl.base_va;
		if (base != 0 && va < base + lists[i]->msl.len &&
			base < va + len)
			return true;
	}
	return false;
}

/* A retired external list to reuse, or a new empty one; NULL if full. */
static struct eal_memseg_list *
external_slot(void)
{
	unsigned int i,
		n = atomic_load_explicit(&nb_lists, memory_order_relaxed);
	struct eal_memseg_list *list;

	for (i = 0; i < n; i++)
		if (lists[i]->msl.external && lists[i]->msl.base_va == NULL)
			return lists[i];
	if (n == RTE_MAX_MEMSEG_LISTS)
		return NULL;
	list = calloc(1, sizeof(*list));
	if (list == NULL)
		return NULL;
	list->msl.external = 1;
	list->type_idx = EAL_MEMSEG_TYPE_EXTERNAL;
	list->fd = -1;
	lists[n] = list;
	atomic_store_explicit(&nb_lists, n + 1, memory_order_release);
	return list;
}

/* The segments of an external range, not yet published; NULL: ENOMEM. */
static struct rte_memseg *
external_segs(void *va, unsigned int nb, uint64_t page_sz, int socket,
	const rte_iova_t *iovas, struct eal_seg_info **info)
{
	struct rte_memseg *segs = calloc(nb, sizeof(*segs));
	unsigned int i;

	*info = calloc(nb, sizeof(**info));
	if (segs == NULL || *info == NULL) {
		free(segs);
		free(*info);
		return NULL;
	}
	for (i = 0; i < nb; i++) {
		segs[i].addr = RTE_PTR_ADD(va, (size_t)i * page_sz);
		segs[i].iova = iovas != NULL ? iovas[i] : RTE_BAD_IOVA;
		segs[i].len = page_sz;
		segs[i].hugepage_sz = page_sz;
		segs[i].socket_id = socket;
		segs[i].nchannel = nb_channels;
		segs[i].nrank = nb_ranks;
		(*info)[i].file_page = -1;
		(*info)[i].heap_id = -1;
	}
	return segs;
}

int
eal_memseg_external_add(void *va, size_t len, uint64_t page_sz, int socket,
	const rte_iova_t *iovas, struct eal_mem_block *block)
{
	unsigned int nb = (unsigned int)(len / page_sz);
	struct eal_memseg_list *list;
	struct eal_seg_info *info;
	struct rte_memseg *segs;

	segs = external_segs(va, nb, page_sz, socket, iovas, &info);
	if (segs == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	pthread_rwlock_wrlock(&eal_memseg_lock);
	if (range_in_use((uintptr_t)va, len)) {
		rte_errno = EINVAL;
		goto fail;
	}
	list = external_slot();
	if (list == NULL) {
		rte_errno = ENOSPC;
		goto fail;
	}
	list->segs = segs;
	list->info = info;
	list->seg_sz = page_sz;
	list->nb_segs = nb;
	list->nb_mapped = nb;
	list->msl.page_sz = page_sz;
	list->msl.socket_id = socket;
	list->msl.heap = 1;
	list->msl.version++;
	__atomic_store_n(&list->msl.base_va, va, __ATOMIC_RELAXED);
	__atomic_store_n(&list->msl.len, len, __ATOMIC_RELEASE);
	block->list = list;
	block->first = 0;
	block->count = nb;
	eal_mem_event_notify(RTE_MEM_EVENT_ALLOC, va, len);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return 0;
fail:
	pthread_rwlock_unlock(&eal_memseg_lock);
	free(segs);
	free(info);
	return -1;
}

void
eal_memseg_external_remove(struct eal_memseg_list *list)
{
	pthread_rwlock_wrlock(&eal_memseg_lock);
	eal_mem_event_notify(RTE_MEM_EVENT_FREE, list->msl.base_va,
		list->msl.len);
	__atomic_store_n(&list->msl.len, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&list->msl.base_va, NULL, __ATOMIC_RELEASE);
	free(list->segs);
	free(list->info);
	list->segs = NULL;
	list->info = NULL;
	list->nb_segs = 0;
	list->nb_mapped = 0;
	list->msl.heap = 0;
	list->msl.version++;
	pthread_rwlock_unlock(&eal_memseg_lock);
}

struct rte_memseg *
eal_memseg_find(const void *addr, struct eal_memseg_list **list_out)
{
	struct eal_memseg_list *list = list_of(addr);
	struct rte_memseg *ms;

	if (list == NULL)
		return NULL;
	ms = &list->segs[RTE_PTR_DIFF(addr, list->msl.base_va) / list->seg_sz];
	if (ms->addr == NULL)
		return NULL;
	if (list_out != NULL)
		*list_out = list;
	return ms;
}

bool
eal_memseg_owner(const void *addr, int *heap_id, void **owner)
{
	struct eal_memseg_list *list;
	struct rte_memseg *ms;
	bool found = false;
	size_t idx;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	ms = eal_memseg_find(addr, &list);
	if (ms != NULL) {
		idx = (size_t)(ms - list->segs);
		found = list->info[idx].owner != NULL;
		if (found) {
			*heap_id = list->info[idx].heap_id;
			*owner = list->info[idx].owner;
		}
	}
	pthread_rwlock_unlock(&eal_memseg_lock);
	return found;
}

void *
eal_mem_block_addr(const struct eal_mem_block *block)
{
	return block->list->segs[block->first].addr;
}

size_t
eal_mem_block_len(const struct eal_mem_block *block)
{
	return (size_t)block->count * block->list->seg_sz;
}

rte_iova_t
eal_mem_block_iova(const struct eal_mem_block *block)
{
	const struct rte_memseg *segs = &block->list->segs[block->first];
	unsigned int i;

	if (eal_mem_block_iova_lazy(block))
		return RTE_BAD_IOVA;
	for (i = 1; i < block->count; i++)
		if (segs[i].iova != segs[0].iova + i * block->list->seg_sz)
			return RTE_BAD_IOVA;
	return segs[0].iova;
}

bool
eal_mem_block_iova_lazy(const struct eal_mem_block *block)
{
	return rte_eal_iova_mode() == RTE_IOVA_PA &&
		block->list->msl.external == 0 &&
		block->list->info[block->first].lazy;
}

int
eal_memseg_translate_range(const void *addr, size_t len)
{
	struct eal_memseg_list *list;
	size_t first, last;

	if (len == 0 || eal_memalloc_nb_untranslated() == 0)
		return 0;
	list = list_of(addr);
	if (list == NULL)
		return 0;
	first = RTE_PTR_DIFF(addr, list->msl.base_va) / list->seg_sz;
	last = (RTE_PTR_DIFF(addr, list->msl.base_va) + len - 1) / list->seg_sz;
	if (last >= list->nb_segs)
		last = list->nb_segs - 1;
	return eal_memalloc_translate(list, (unsigned int)first,
		(unsigned int)(last - first + 1));
}

int
eal_memseg_translate_all(void)
{
	unsigned int i, n;
	int ret = 0;

	if (eal_memalloc_nb_untranslated() == 0)
		return 0;
	n = atomic_load_explicit(&nb_lists, memory_order_acquire);
	for (i = 0; i < n; i++)
		if (lists[i]->msl.external == 0 &&
			eal_memalloc_translate(lists[i], 0, lists[i]->nb_segs) <
				0)
			ret = -1;
	return ret;
}

struct rte_memseg_list *
rte_mem_virt2memseg_list(const void *virt)
{
	struct eal_memseg_list *list = list_of(virt);

	return list != NULL ? &list->msl : NULL;
}

struct rte_memseg *
rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl)
{
	struct eal_memseg_list *list;

	list = list_of(virt);
	if (list == NULL || (msl != NULL && msl != &list->msl))
		return NULL;
	/* Its IOVA is public: read now if it was not yet. */
	eal_memseg_translate_range(virt, 1);
	return eal_memseg_find(virt, NULL);
}

void *
rte_mem_iova2virt(rte_iova_t iova)
{
	unsigned int i, s, n;
	struct rte_memseg *ms;
	void *virt = NULL;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	eal_memseg_translate_all();
	n = atomic_load_explicit(&nb_lists, memory_order_relaxed);
	for (i = 0; i < n && virt == NULL; i++) {
		for (s = 0; s < lists[i]->nb_segs; s++) {
			ms = &lists[i]->segs[s];
			if (ms->addr == NULL || ms->iova == RTE_BAD_IOVA ||
				iova < ms->iova || iova - ms->iova >= ms->len)
				continue;
			virt = RTE_PTR_ADD(ms->addr, iova - ms->iova);
			break;
		}
	}
	pthread_rwlock_unlock(&eal_memseg_lock);
	return virt;
}

int
rte_memseg_list_walk_thread_unsafe(rte_memseg_list_walk_t func, void *arg)
{
	unsigned int i,
		n = atomic_load_explicit(&nb_lists, memory_order_acquire);
	int ret;

	if (func == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (lists[i]->msl.base_va == NULL)
			continue; /* a retired external list */
		ret = func(&lists[i]->msl, arg);
		if (ret != 0)
			return ret < 0 ? -1 : 1;
	}
	return 0;
}

int
rte_memseg_walk_thread_unsafe(rte_memseg_walk_t func, void *arg)
{
	unsigned int i, s,
		n = atomic_load_explicit(&nb_lists, memory_order_acquire);
	int ret;

	if (func == NULL)
		return -1;
	/* A walker never sees a segment without its IOVA. */
	eal_memseg_translate_all();
	for (i = 0; i < n; i++) {
		for (s = 0; s < lists[i]->nb_segs; s++) {
			if (lists[i]->segs[s].addr == NULL)
				continue;
			ret = func(&lists[i]->msl, &lists[i]->segs[s], arg);
			if (ret != 0)
				return ret < 0 ? -1 : 1;
		}
	}
	return 0;
}

/* Calls func on each run of mapped slots of one list. */
static int
contig_walk_list(const struct eal_memseg_list *list,
	rte_memseg_contig_walk_t func, void *arg)
{
	unsigned int s = 0, end;
	int ret;

	while (s < list->nb_segs) {
		if (list->segs[s].addr == NULL) {
			s++;
			continue;
		}
		for (end = s; end < list->nb_segs; end++)
			if (list->segs[end].addr == NULL)
				break;
		ret = func(&list->msl, &list->segs[s],
			(size_t)(end - s) * list->seg_sz, arg);
		if (ret != 0)
			return ret < 0 ? -1 : 1;
		s = end;
	}
	return 0;
}

int
rte_memseg_contig_walk_thread_unsafe(rte_memseg_contig_walk_t func, void *arg)
{
	unsigned int i,
		n = atomic_load_explicit(&nb_lists, memory_order_acquire);
	int ret;

	if (func == NULL)
		return -1;
	eal_memseg_translate_all();
	for (i = 0; i < n; i++) {
		ret = contig_walk_list(lists[i], func, arg);
		if (ret != 0)
			return ret;
	}
	return 0;
}

int
rte_memseg_walk(rte_memseg_walk_t func, void *arg)
{
	int ret;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	ret = rte_memseg_walk_thread_unsafe(func, arg);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return ret;
}

int
rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg)
{
	int ret;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	ret = rte_memseg_contig_walk_thread_unsafe(func, arg);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return ret;
}

int
rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg)
{
	int ret;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	ret = rte_memseg_list_walk_thread_unsafe(func, arg);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return ret;
}

static int
dump_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	FILE *f = arg;

	fprintf(f,
		"Segment %zu: IOVA:0x%" PRIx64 ", len:%zu, virt:%p, "
		"socket_id:%" PRId32 ", hugepage_sz:%" PRIu64 ", "
		"nchannel:%" PRIu32 ", nrank:%" PRIu32 "\n",
		RTE_PTR_DIFF(ms->addr, msl->base_va) / ms->len, ms->iova,
		ms->len, ms->addr, ms->socket_id, ms->hugepage_sz, ms->nchannel,
		ms->nrank);
	return 0;
}

static int
dump_list(const struct rte_memseg_list *msl, void *arg)
{
	const struct eal_memseg_list *list = container_of(msl,
		const struct eal_memseg_list, msl);
	FILE *f = arg;

	fprintf(f,
		"Memseg list at %p: socket %d, page size %" PRIu64
		" kB, %u of %u segments of %zu kB mapped%s\n",
		msl->base_va, msl->socket_id, msl->page_sz / 1024,
		list->nb_mapped, list->nb_segs, list->seg_sz / 1024,
		msl->external ? ", external" : "");
	return 0;
}

void
rte_dump_physmem_layout(FILE *f)
{
	if (f == NULL)
		return;
	pthread_rwlock_rdlock(&eal_memseg_lock);
	rte_memseg_list_walk_thread_unsafe(dump_list, f);
	rte_memseg_walk_thread_unsafe(dump_segment, f);
	pthread_rwlock_unlock(&eal_memseg_lock);
}

void
eal_memseg_physmem_floor(uint64_t bytes)
{
	pthread_rwlock_wrlock(&eal_memseg_lock);
	physmem_floor = bytes;
	pthread_rwlock_unlock(&eal_memseg_lock);
}

uint64_t
rte_eal_get_physmem_size(void)
{
	unsigned int i, n;
	uint64_t total = 0;

	pthread_rwlock_rdlock(&eal_memseg_lock);
	n = atomic_load_explicit(&nb_lists, memory_order_relaxed);
	for (i = 0; i < n; i++)
		if (!lists[i]->msl.external) /* as in DPDK */
			total += (uint64_t)lists[i]->nb_mapped *
				lists[i]->seg_sz;
	total = RTE_MAX(total, physmem_floor);
	pthread_rwlock_unlock(&eal_memseg_lock);
	return total;
}

int
rte_mem_lock_page(const void *virt)
{
	long page_sz = sysconf(_SC_PAGESIZE);
	uintptr_t start = RTE_ALIGN_FLOOR((uintptr_t)virt, (uintptr_t)page_sz);

	return mlock((const void *)start, (size_t)page_sz);
}
