/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mapping and unmapping segments inside one memseg list.
 *
 * Hugepages mapped up front (where they are not reserved lazily, below):
 * a page is first allocated in the list's file with fallocate(), which
 * fails cleanly (ENOSPC) when the kernel has no free hugepage, instead of
 * a SIGBUS at first touch; then mapped MAP_SHARED | MAP_FIXED |
 * MAP_POPULATE into its slot. On a NUMA machine the calling
 * thread's memory policy is bound to the list's node around fallocate(),
 * which is when the kernel picks the page.
 *
 * In IOVA-as-PA mode such pages are first mapped in a scratch area to read
 * their physical addresses, sorted by them, and mapped into the slots in
 * that order. When the block must be IOVA-contiguous and the pages are
 * not, more pages are taken, twice as many each round, to look for a
 * physically contiguous window among them: up to SURPLUS_FACTOR times as
 * many as wanted plus SURPLUS_EXTRA, or SURPLUS_BYTES worth of pages if
 * that is more (the kernel's pool is often fragmented: a few hundred
 * pages may come in dozens of runs). The pages that are not used go
 * straight back to the kernel.
 *
 * On a single NUMA node, nothing is faulted up front: the pages are only
 * reserved, by mapping their range of the file shared and without
 * MAP_NORESERVE. The kernel then counts them in HugePages_Rsvd and
 * guarantees a later fault of the range a page (a mapping it cannot
 * guarantee fails at once with ENOMEM, as fallocate() fails with ENOSPC),
 * so a reservation that succeeded cannot fail later; each page is
 * allocated and cleared by the kernel when first touched. This makes
 * start-up with -m or --socket-mem cost no clearing of memory nobody uses
 * yet. A reservation that was never faulted is not given back by punching
 * a hole (only faulted pages are), so freeing a slot first allocates its
 * untouched pages with fallocate(), which consumes their reservation, then
 * punches the hole.
 *
 * In IOVA-as-PA mode a segment's IOVA is its page's physical address,
 * which exists only once the page does, and it is public (struct
 * rte_memseg, read by walkers, memzones, mempools). A lazily mapped
 * segment is therefore "untranslated" (iova RTE_BAD_IOVA) until
 * eal_memalloc_translate() faults it (a read, which the reservation
 * guarantees) and reads its address from /proc/self/pagemap. That happens
 * before any caller can see the IOVA: when a heap hands the memory out
 * (malloc_heap.c), when rte_mem_virt2memseg() or rte_mem_virt2iova()
 * returns the segment, and for every segment before a memseg walk, a
 * contig walk or rte_mem_iova2virt() runs (a walker never sees an
 * untranslated segment). Such pages are in no particular physical order,
 * so their runs are not IOVA-contiguous beyond one page: an
 * IOVA-contiguous block of several pages is still mapped through the
 * sorted path above, faulted up front (map_huge_pa()); so is any block
 * when the list cannot be lazy (next paragraph).
 *
 * Up front on a machine with several NUMA nodes: hugetlb
 * reservations are not per node, and a fault bound to one node could find
 * it empty and raise SIGBUS; and for a process under a hugetlb cgroup limit
 * on faults, which a fault past the limit meets with SIGBUS whatever was
 * reserved (eal_hugetlb_cgroup.c). In IOVA-as-PA mode these are then
 * allocated with fallocate(), mapped with MAP_POPULATE and sorted by
 * physical address.
 *
 * In IOVA-as-VA mode slot i takes file page i (lazily reserved slots in
 * IOVA-as-PA mode do too, when that page is free), and ordinary memory
 * (--no-huge) is a plain memfd whose bytes follow the slots one to one:
 * either way a list is one linear range of its file (eal_memseg.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifdef POLLUX_HAVE_LIBNUMA
#include <numa.h>
#include <numaif.h>
#endif

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_hugepages.h"
#include "eal_iova.h"
#include "eal_memseg.h"

/*
 * Set while the EAL tears its memory down: the lists' files are about to
 * be closed, which frees their pages and drops their reservations at
 * once, so no page is punched out (nor an untouched one allocated, and
 * cleared, just to give its reservation back) one by one.
 */
static bool memalloc_closing;

/*
 * IOVA as PA: serialises translations against each other and against
 * unmapping (which clears the flags first), since rte_mem_virt2memseg()
 * translates without eal_memseg_lock. nb_untranslated counts the flags set.
 */
static pthread_mutex_t translate_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned int nb_untranslated;

#define SURPLUS_FACTOR 4U
#define SURPLUS_EXTRA  64U
#define SURPLUS_BYTES  (UINT64_C(2) << 30)

/* A hugepage of the list's file and its physical address. */
struct page_cand {
	uint64_t pa;
	int32_t page;
};

#ifdef POLLUX_HAVE_LIBNUMA
#define NUMA_MASK_LONGS 16 /* 1024 nodes, more than any kernel has */

struct numa_saved {
	bool bound;
	int mode;
	unsigned long mask[NUMA_MASK_LONGS];
};

static bool
numa_multi_node(void)
{
	return numa_available() >= 0 && numa_max_node() > 0;
}

/* Makes the calling thread allocate from socket only. */
static void
numa_bind_begin(int socket, struct numa_saved *saved)
{
	unsigned long mask[NUMA_MASK_LONGS] = { 0 };
	unsigned long bits = sizeof(mask) * CHAR_BIT;

	saved->bound = false;
	if (!numa_multi_node() || socket < 0)
		return;
	if (get_mempolicy(&saved->mode, saved->mask, bits, NULL, 0) < 0) {
		saved->mode = MPOL_DEFAULT;
		memset(saved->mask, 0, sizeof(saved->mask));
	}
	mask[socket / (int)(sizeof(long) * CHAR_BIT)] |= 1UL
		<< (socket % (int)(sizeof(long) * CHAR_BIT));
	saved->bound = set_mempolicy(MPOL_BIND, mask, bits) == 0;
}

static void
numa_bind_end(const struct numa_saved *saved)
{
	if (saved->bound)
		set_mempolicy(saved->mode,
			saved->mode == MPOL_DEFAULT ? NULL : saved->mask,
			sizeof(saved->mask) * CHAR_BIT);
}

/* Binds anonymous memory to socket before it is touched. */
static void
numa_bind_range(void *addr, size_t len, int socket)
{
	unsigned long mask[NUMA_MASK_LONGS] = { 0 };

	if (!numa_multi_node() || socket < 0)
		return;
	mask[socket / (int)(sizeof(long) * CHAR_BIT)] |= 1UL
		<< (socket % (int)(sizeof(long) * CHAR_BIT));
	if (mbind(addr, len, MPOL_BIND, mask, sizeof(mask) * CHAR_BIT, 0) < 0)
		EAL_LOG(DEBUG, "mbind to socket %d failed: %s\n", socket,
			strerror(errno));
}
#else
struct numa_saved {
	int unused;
};

static void
numa_bind_begin(int socket, struct numa_saved *saved)
{
	RTE_SET_USED(socket);
	RTE_SET_USED(saved);
}

static void
numa_bind_end(const struct numa_saved *saved)
{
	RTE_SET_USED(saved);
}

static void
numa_bind_range(void *addr, size_t len, int socket)
{
	RTE_SET_USED(addr);
	RTE_SET_USED(len);
	RTE_SET_USED(socket);
}
#endif /* POLLUX_HAVE_LIBNUMA */

/* Reserves len bytes of address space aligned on align; NULL on failure. */
static void *
reserve_va(size_t len, size_t align, void *hint)
{
	size_t total = len + align, head, tail;
	uintptr_t raw, aligned;
	void *p;

	p = mmap(hint, total, PROT_NONE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	raw = (uintptr_t)p;
	aligned = RTE_ALIGN_CEIL(raw, (uintptr_t)align);
	head = aligned - raw;
	tail = total - head - len;
	if (head != 0)
		munmap(p, head);
	if (tail != 0)
		munmap((void *)(aligned + len), tail);
	return (void *)aligned;
}

/* Puts address space back to "reserved, nothing behind it". */
static void
release_va(void *addr, size_t len)
{
	mmap(addr, len, PROT_NONE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
}

/* Opens the list's hugepage file: a memfd, or an unlinked file. */
static int
open_backing(const struct eal_memseg_list *list,
	const struct eal_page_type *type, const char *prefix)
{
	char path[PATH_MAX];
	int fd;

	if (type->backing == EAL_BACKING_MEMFD) {
		snprintf(path, sizeof(path), "%s_s%d_%" PRIu64 "kB", prefix,
			list->msl.socket_id, type->page_sz / 1024);
		fd = memfd_create(path,
			MFD_CLOEXEC | eal_hugepage_memfd_flags(type->page_sz));
	} else if (snprintf(path, sizeof(path),
			   "%s/%smap_s%d_%" PRIu64 "kB_XXXXXX", type->dir,
			   prefix, list->msl.socket_id,
			   type->page_sz / 1024) >= (int)sizeof(path)) {
		errno = ENAMETOOLONG;
		fd = -1;
	} else {
		fd = mkostemp(path, O_CLOEXEC);
		/* Unlinked at once: the pages die with the last fd/mapping. */
		if (fd >= 0)
			unlink(path);
	}
	if (fd < 0)
		EAL_LOG(ERR, "cannot create a hugepage file (%s): %s\n",
			type->backing == EAL_BACKING_MEMFD ? "memfd" : path,
			strerror(errno));
	return fd;
}

static int
list_open_file(struct eal_memseg_list *list, const struct eal_page_type *type,
	const char *prefix)
{
	list->nb_file_pages = 2 * list->nb_segs;
	list->file_page_used = calloc((list->nb_file_pages + 63) / 64,
		sizeof(uint64_t));
	if (list->file_page_used == NULL)
		return -1;
	list->fd = open_backing(list, type, prefix);
	if (list->fd < 0)
		return -1;
	if (ftruncate(list->fd,
		    (off_t)list->nb_file_pages * (off_t)type->page_sz) < 0) {
		EAL_LOG(ERR, "cannot size a hugepage file: %s\n",
			strerror(errno));
		return -1;
	}
	return 0;
}

/* --no-huge: a plain memfd as large as the list's address range. */
static void
list_open_plain(struct eal_memseg_list *list, const char *prefix)
{
	char name[64];

	snprintf(name, sizeof(name), "%s_nohuge_s%d", prefix,
		list->msl.socket_id);
	list->fd = memfd_create(name, MFD_CLOEXEC);
	if (list->fd >= 0 && ftruncate(list->fd, (off_t)list->msl.len) < 0) {
		close(list->fd);
		list->fd = -1;
	}
	if (list->fd < 0)
		EAL_LOG(DEBUG,
			"no memfd for ordinary memory (%s): segments "
			"will have no fd\n",
			strerror(errno));
	else
		eal_memseg_fork_private();
}

int
eal_memalloc_list_create(struct eal_memseg_list *list,
	const struct eal_page_type *type, const char *file_prefix,
	void *va_hint)
{
	unsigned int i;

	list->seg_sz = type->seg_sz;
	list->nb_segs = eal_page_type_max_segs(type);
	list->fd = -1;
	list->msl.page_sz = type->page_sz;
	list->msl.len = (size_t)list->nb_segs * list->seg_sz;
	list->msl.heap = 1;
	list->segs = calloc(list->nb_segs, sizeof(list->segs[0]));
	list->info = calloc(list->nb_segs, sizeof(list->info[0]));
	if (list->segs == NULL || list->info == NULL)
		goto fail;
	for (i = 0; i < list->nb_segs; i++) {
		list->info[i].file_page = -1;
		list->info[i].heap_id = -1;
	}
	if (type->backing != EAL_BACKING_ANON &&
		list_open_file(list, type, file_prefix) < 0)
		goto fail;
	if (type->backing != EAL_BACKING_ANON) {
		list->fault_limited =
			eal_hugetlb_fault_limited("/proc/self/cgroup",
				"/sys/fs/cgroup", type->page_sz);
		if (list->fault_limited)
			EAL_LOG(DEBUG,
				"a hugetlb cgroup limits faults of %" PRIu64
				" kB pages: they are allocated up "
				"front\n",
				type->page_sz / 1024);
	}
	if (type->backing == EAL_BACKING_ANON)
		list_open_plain(list, file_prefix);
	list->msl.base_va = reserve_va(list->msl.len, list->seg_sz, va_hint);
	if (list->msl.base_va == NULL) {
		EAL_LOG(ERR, "cannot reserve %zu MiB of address space: %s\n",
			list->msl.len >> 20, strerror(errno));
		goto fail;
	}
	return 0;
fail:
	eal_memalloc_list_destroy(list);
	return -1;
}

void
eal_memalloc_list_destroy(struct eal_memseg_list *list)
{
	if (list->msl.base_va != NULL)
		munmap(list->msl.base_va, list->msl.len);
	if (list->fd >= 0)
		close(list->fd);
	free(list->file_page_used);
	free(list->segs);
	free(list->info);
	list->msl.base_va = NULL;
	list->fd = -1;
	list->file_page_used = NULL;
	list->segs = NULL;
	list->info = NULL;
}

static bool
file_page_busy(const struct eal_memseg_list *list, unsigned int page)
{
	return (list->file_page_used[page / 64] >> (page % 64)) & 1;
}

static void
file_page_mark(struct eal_memseg_list *list, unsigned int page, bool busy)
{
	if (busy)
		list->file_page_used[page / 64] |= UINT64_C(1) << (page % 64);
	else
		list->file_page_used[page / 64] &= ~(UINT64_C(1) << (page % 64));
}

/*
 * Gives one file page back to the kernel, and its reservation when it was
 * mapped lazily and never touched: allocating it consumes the reservation
 * (a no-op for a page that exists), the hole frees the page.
 */
static void
page_release(struct eal_memseg_list *list, int32_t page, bool reserved)
{
	off_t off = (off_t)page * (off_t)list->msl.page_sz;

	if (reserved &&
		fallocate(list->fd, 0, off, (off_t)list->msl.page_sz) < 0)
		EAL_LOG(DEBUG, "hugepage reservation kept until exit: %s\n",
			strerror(errno));
	fallocate(list->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off,
		(off_t)list->msl.page_sz);
	file_page_mark(list, (unsigned int)page, false);
}

/*
 * Allocates up to want hugepages in the file (lazy: only claims free file
 * pages, which their mapping will reserve); returns how many it got.
 */
static unsigned int
pages_take(struct eal_memseg_list *list, unsigned int want, int32_t *pages,
	bool lazy)
{
	unsigned int page = 0, got = 0;
	struct numa_saved saved;
	off_t off;

	numa_bind_begin(list->msl.socket_id, &saved);
	while (got < want) {
		while (page < list->nb_file_pages && file_page_busy(list, page))
			page++;
		if (page == list->nb_file_pages)
			break;
		off = (off_t)page * (off_t)list->msl.page_sz;
		if (!lazy &&
			fallocate(list->fd, 0, off, (off_t)list->msl.page_sz) <
				0)
			break;
		file_page_mark(list, page, true);
		pages[got++] = (int32_t)page;
	}
	numa_bind_end(&saved);
	return got;
}

/*
 * Takes file pages first .. first + count - 1 (slot i gets page i);
 * returns how many it got before one was busy or could not be allocated.
 */
static unsigned int
pages_take_at(struct eal_memseg_list *list, unsigned int first,
	unsigned int count, int32_t *pages, bool lazy)
{
	unsigned int got = 0, page;
	struct numa_saved saved;

	numa_bind_begin(list->msl.socket_id, &saved);
	for (page = first; got < count; page++, got++) {
		if (page >= list->nb_file_pages || file_page_busy(list, page) ||
			(!lazy &&
				fallocate(list->fd, 0,
					(off_t)page * (off_t)list->msl.page_sz,
					(off_t)list->msl.page_sz) < 0))
			break;
		file_page_mark(list, page, true);
		pages[got] = (int32_t)page;
	}
	numa_bind_end(&saved);
	return got;
}

/*
 * Maps n file pages from page on at addr: faulted now, or (lazy) only
 * reserved, ENOMEM when the kernel cannot reserve them. 0 or -1.
 */
static int
page_map(const struct eal_memseg_list *list, void *addr, int32_t page,
	unsigned int n, bool lazy)
{
	void *p;

	p = mmap(addr, (size_t)n * list->msl.page_sz, PROT_READ | PROT_WRITE,
		MAP_SHARED | MAP_FIXED | (lazy ? 0 : MAP_POPULATE), list->fd,
		(off_t)page * (off_t)list->msl.page_sz);
	return p == addr ? 0 : -1;
}

static void *
slot_addr(const struct eal_memseg_list *list, unsigned int slot)
{
	return RTE_PTR_ADD(list->msl.base_va, (size_t)slot * list->seg_sz);
}

/* Fills the public segment of a freshly mapped slot. */
static void
slot_fill(struct eal_memseg_list *list, unsigned int slot, rte_iova_t iova,
	uint64_t page_sz)
{
	struct rte_memseg *ms = &list->segs[slot];

	ms->addr = slot_addr(list, slot);
	ms->iova = iova == RTE_BAD_IOVA ? (uintptr_t)ms->addr : iova;
	ms->len = list->seg_sz;
	ms->hugepage_sz = page_sz;
	ms->socket_id = list->msl.socket_id;
	ms->nchannel = rte_memory_get_nchannel();
	ms->nrank = rte_memory_get_nrank();
	ms->flags = 0;
}

/*
 * Maps pages[i] into slot first + i, one mmap() per run of consecutive
 * file pages; undoes everything on failure. A lazy mapping the kernel
 * cannot reserve fails quietly, like a failed fallocate(): there were not
 * enough free hugepages, which the caller reports.
 */
static int
pages_map_slots(struct eal_memseg_list *list, unsigned int first,
	const struct page_cand *cands, unsigned int count, bool lazy,
	unsigned int *mapped)
{
	unsigned int i, n;

	*mapped = 0;
	for (i = 0; i < count; i += n) {
		for (n = 1; i + n < count &&
			cands[i + n].page == cands[i].page + (int32_t)n;
			n++)
			;
		if (page_map(list, slot_addr(list, first + i), cands[i].page, n,
			    lazy) < 0) {
			if (!lazy || errno != ENOMEM)
				EAL_LOG(ERR, "cannot map a hugepage: %s\n",
					strerror(errno));
			release_va(slot_addr(list, first),
				(size_t)count * list->seg_sz);
			return -1;
		}
		*mapped = i + n;
	}
	for (i = 0; i < count; i++) {
		list->info[first + i].file_page = cands[i].page;
		list->info[first + i].lazy = lazy;
		slot_fill(list, first + i, cands[i].pa, list->msl.page_sz);
	}
	return 0;
}

/* Reads the physical address of each candidate through a scratch mapping. */
static int
cands_read_pa(const struct eal_memseg_list *list, struct page_cand *cands,
	unsigned int n, int pagemap_fd)
{
	size_t page_sz = list->msl.page_sz;
	size_t total = (n + 1) * page_sz;
	void *raw, *base, *addr;
	unsigned int i;
	int ret = 0;

	raw = mmap(NULL, total, PROT_NONE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (raw == MAP_FAILED)
		return -1;
	base = RTE_PTR_ALIGN_CEIL(raw, page_sz);
	for (i = 0; i < n && ret == 0; i++) {
		addr = RTE_PTR_ADD(base, i * page_sz);
		if (page_map(list, addr, cands[i].page, 1, false) < 0)
			ret = -1;
		else
			cands[i].pa = eal_pagemap_virt2phy(pagemap_fd, addr);
		if (ret == 0 && cands[i].pa == RTE_BAD_PHYS_ADDR)
			ret = -1;
	}
	munmap(raw, total);
	return ret;
}

static int
compare_cands(const void *a, const void *b)
{
	const struct page_cand *ca = a, *cb = b;

	return ca->pa < cb->pa ? -1 : ca->pa > cb->pa;
}

/* Start of count physically consecutive pages in sorted cands, or -1. */
static int
find_window(const struct page_cand *cands, unsigned int n, unsigned int count,
	uint64_t page_sz)
{
	unsigned int i;

	for (i = 0; i + count <= n; i++)
		if (cands[i + count - 1].pa - cands[i].pa ==
			(uint64_t)(count - 1) * page_sz)
			return (int)i;
	return -1;
}

/*
 * Takes pages until n candidates (sorted by PA) hold count pages, and
 * count physically consecutive ones if contig. Returns the window's start
 * or -1; *n is the number of candidates taken either way.
 */
static int
cands_gather(struct eal_memseg_list *list, struct page_cand *cands,
	unsigned int *n, unsigned int count, unsigned int max, bool contig,
	int pagemap_fd)
{
	int32_t *pages = calloc(max, sizeof(*pages));
	unsigned int got, i, target = count;
	int start = -1;

	if (pages == NULL)
		return -1;
	*n = 0;
	for (;;) {
		got = pages_take(list, target - *n, pages, false);
		for (i = 0; i < got; i++)
			cands[*n + i].page = pages[i];
		if (cands_read_pa(list, cands + *n, got, pagemap_fd) < 0) {
			*n += got;
			break;
		}
		*n += got;
		if (*n < count)
			break;
		qsort(cands, *n, sizeof(cands[0]), compare_cands);
		start = contig ?
			find_window(cands, *n, count, list->msl.page_sz) :
			0;
		if (start >= 0 || got == 0 || *n >= max)
			break;
		target = RTE_MIN(max, 2 * *n);
	}
	free(pages);
	return start;
}

/* Hugepages in IOVA-as-PA mode: sorted by PA, contiguous if asked. */
static int
map_huge_pa(struct eal_memseg_list *list, unsigned int first,
	unsigned int count, bool contig)
{
	unsigned int max = count;
	struct page_cand *cands;
	unsigned int n = 0, mapped, i;
	int start = -1, pagemap_fd, ret = -1;

	if (contig && count > 1)
		max = RTE_MAX(SURPLUS_FACTOR * count + SURPLUS_EXTRA,
			(unsigned int)(SURPLUS_BYTES / list->msl.page_sz));
	max = RTE_MIN(max, list->nb_file_pages);
	cands = calloc(max, sizeof(*cands));
	pagemap_fd = eal_pagemap_open();
	if (cands != NULL && pagemap_fd >= 0)
		start = cands_gather(list, cands, &n, count, max, contig,
			pagemap_fd);
	if (start >= 0)
		ret = pages_map_slots(list, first, cands + start, count, false,
			&mapped);
	else if (contig && n >= count)
		EAL_LOG(DEBUG,
			"no %u physically contiguous %" PRIu64 " kB "
			"pages among %u free ones\n",
			count, list->msl.page_sz / 1024, n);
	if (ret == 0 && n > count)
		EAL_LOG(DEBUG,
			"%u contiguous %" PRIu64 " kB pages found among "
			"%u\n",
			count, list->msl.page_sz / 1024, n);
	/* Give back whatever is not mapped now. */
	for (i = 0; i < n; i++)
		if (ret < 0 || i < (unsigned int)start ||
			i >= (unsigned int)start + count)
			page_release(list, cands[i].page, false);
	if (pagemap_fd >= 0)
		close(pagemap_fd);
	free(cands);
	return ret;
}

/* IOVA as PA, lazy: the slots' IOVAs are read at first use. */
static void
slots_untranslated(struct eal_memseg_list *list, unsigned int first,
	unsigned int count)
{
	unsigned int i;

	for (i = first; i < first + count; i++) {
		list->segs[i].iova = RTE_BAD_IOVA;
		__atomic_store_n(&list->info[i].untranslated, true,
			__ATOMIC_RELEASE);
	}
	__atomic_add_fetch(&nb_untranslated, count, __ATOMIC_RELAXED);
}

unsigned int
eal_memalloc_nb_untranslated(void)
{
	return __atomic_load_n(&nb_untranslated, __ATOMIC_ACQUIRE);
}

/* Faults one untranslated slot and reads its physical address. */
static int
slot_translate(struct eal_memseg_list *list, unsigned int slot, int pagemap_fd)
{
	const volatile uint8_t *addr = list->segs[slot].addr;
	phys_addr_t pa;

	/* A read fault: the reservation guarantees it a page. */
	(void)*addr;
	pa = eal_pagemap_virt2phy(pagemap_fd, (const void *)addr);
	if (pa == RTE_BAD_PHYS_ADDR)
		return -1;
	list->segs[slot].iova = pa;
	__atomic_store_n(&list->info[slot].untranslated, false,
		__ATOMIC_RELEASE);
	__atomic_sub_fetch(&nb_untranslated, 1, __ATOMIC_RELAXED);
	return 0;
}

int
eal_memalloc_translate(struct eal_memseg_list *list, unsigned int first,
	unsigned int count)
{
	unsigned int i = first, end = first + count;
	int pagemap_fd = -1, ret = 0;

	while (i < end &&
		!__atomic_load_n(&list->info[i].untranslated, __ATOMIC_ACQUIRE))
		i++;
	if (i == end)
		return 0;
	pthread_mutex_lock(&translate_lock);
	for (; i < end && ret == 0; i++) {
		if (!list->info[i].untranslated || list->segs[i].addr == NULL)
			continue;
		if (pagemap_fd < 0)
			pagemap_fd = eal_pagemap_open();
		if (pagemap_fd < 0 || slot_translate(list, i, pagemap_fd) < 0)
			ret = -1;
	}
	pthread_mutex_unlock(&translate_lock);
	if (pagemap_fd >= 0)
		close(pagemap_fd);
	if (ret < 0)
		EAL_LOG(ERR,
			"cannot read the physical address of a hugepage "
			"(/proc/self/pagemap): its IOVA stays unknown\n");
	return ret;
}

/* Whether the list's hugepages are reserved and faulted on first use. */
static bool
list_is_lazy(const struct eal_memseg_list *list)
{
	if (list->fault_limited)
		return false;
#ifdef POLLUX_HAVE_LIBNUMA
	if (numa_multi_node())
		return false;
#endif
	return true;
}

/*
 * Hugepages in any order: in IOVA-as-VA mode, IOVA = virtual address; in
 * IOVA-as-PA mode (lazy lists only) untranslated until first use.
 */
static int
map_huge_va(struct eal_memseg_list *list, unsigned int first, unsigned int count)
{
	struct page_cand *cands = calloc(count, sizeof(*cands));
	int32_t *pages = calloc(count, sizeof(*pages));
	bool lazy = list_is_lazy(list);
	unsigned int got = 0, mapped = 0, i;
	int ret = -1;

	if (cands != NULL && pages != NULL) {
		got = pages_take_at(list, first, count, pages, lazy);
		if (got < count)
			got += pages_take(list, count - got, pages + got, lazy);
	}
	for (i = 0; i < got; i++) {
		cands[i].page = pages[i];
		cands[i].pa = RTE_BAD_IOVA;
	}
	if (got == count)
		ret = pages_map_slots(list, first, cands, count, lazy, &mapped);
	if (ret == 0 && rte_eal_iova_mode() == RTE_IOVA_PA)
		slots_untranslated(list, first, count);
	/* A lazy page that was not mapped holds nothing, not even a
	 * reservation. */
	for (i = 0; ret < 0 && i < got; i++) {
		if (lazy && i >= mapped)
			file_page_mark(list, (unsigned int)pages[i], false);
		else
			page_release(list, pages[i], lazy);
	}
	free(cands);
	free(pages);
	return ret;
}

/*
 * Ordinary memory, IOVA = virtual address: the slots' own range of the
 * list's memfd (shared, so a vhost-user backend can map it too), or
 * anonymous memory when there is no memfd.
 */
static int
map_anon(struct eal_memseg_list *list, unsigned int first, unsigned int count)
{
	size_t len = (size_t)count * list->seg_sz;
	void *addr = slot_addr(list, first), *p;
	unsigned int i;

	if (list->fd >= 0)
		p = mmap(addr, len, PROT_READ | PROT_WRITE,
			MAP_SHARED | MAP_FIXED, list->fd,
			(off_t)first * (off_t)list->seg_sz);
	else
		p = mmap(addr, len, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p != addr)
		return -1;
	numa_bind_range(addr, len, list->msl.socket_id);
	for (i = 0; i < count; i++) {
		list->info[first + i].file_page = list->fd >= 0 ?
			(int32_t)(first + i) :
			-1;
		slot_fill(list, first + i, RTE_BAD_IOVA,
			(uint64_t)sysconf(_SC_PAGESIZE));
	}
	return 0;
}

static bool
list_is_plain(const struct eal_memseg_list *list)
{
	return eal_memseg_type(list->type_idx)->backing == EAL_BACKING_ANON;
}

int
eal_memalloc_map(struct eal_memseg_list *list, unsigned int first,
	unsigned int count, bool contig)
{
	if (list_is_plain(list))
		return map_anon(list, first, count);
	/* Several IOVA-contiguous pages need the sorted path. */
	if (rte_eal_iova_mode() == RTE_IOVA_PA &&
		(contig || !list_is_lazy(list)))
		return map_huge_pa(list, first, count, contig);
	return map_huge_va(list, first, count);
}

void
eal_memalloc_set_closing(bool closing)
{
	memalloc_closing = closing;
}

void
eal_memalloc_unmap(struct eal_memseg_list *list, unsigned int first,
	unsigned int count)
{
	unsigned int i, n = 0;

	/* No translation may fault a slot once it is going away. */
	pthread_mutex_lock(&translate_lock);
	for (i = first; i < first + count; i++) {
		n += list->info[i].untranslated;
		__atomic_store_n(&list->info[i].untranslated, false,
			__ATOMIC_RELAXED);
	}
	__atomic_sub_fetch(&nb_untranslated, n, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&translate_lock);
	release_va(slot_addr(list, first), (size_t)count * list->seg_sz);
	for (i = first; i < first + count; i++) {
		/* Ordinary memory goes back to the kernel with the hole. */
		if (list->info[i].file_page >= 0 && list_is_plain(list))
			fallocate(list->fd,
				FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
				(off_t)i * (off_t)list->seg_sz,
				(off_t)list->seg_sz);
		else if (list->info[i].file_page >= 0 && memalloc_closing)
			file_page_mark(list,
				(unsigned int)list->info[i].file_page, false);
		else if (list->info[i].file_page >= 0)
			page_release(list, list->info[i].file_page,
				list->info[i].lazy);
		list->info[i].lazy = false;
		list->info[i].file_page = -1;
		memset(&list->segs[i], 0, sizeof(list->segs[i]));
	}
}
