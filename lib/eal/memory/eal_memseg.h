/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Memory segments and the lists that hold them (private side).
 *
 * A memseg list reserves a range of virtual addresses (PROT_NONE, no
 * memory behind it) for the segments of one page type on one socket, and
 * maps segments into its slots as the heaps ask for them:
 *
 *   base_va                                                  base_va + len
 *   | slot 0 | slot 1 | slot 2 | slot 3 | slot 4 | ... | slot nb_segs-1 |
 *   | mapped | mapped |  free  | mapped | mapped |     |     free       |
 *       \________/                 \________/
 *      one block (run)            another block
 *
 * Hugepage lists keep their pages in ONE file: a hugetlb memfd, or a file
 * in a hugetlbfs directory that is unlinked as soon as it is created. Slots
 * and file pages are decoupled (seg_info.file_page): in IOVA-as-PA mode the
 * pages of a block mapped up front (IOVA-contiguous blocks; see
 * eal_memalloc.c) are mapped in order of physical address, so that pages
 * which are physically adjacent also are virtually adjacent. The file holds
 * twice as many pages as the list has slots, leaving room to try surplus
 * pages when an IOVA-contiguous block is wanted. Pages go back to the
 * kernel with FALLOC_FL_PUNCH_HOLE, and all of them when the fd is closed,
 * also when the process is killed: nothing outlives it.
 *
 * Ordinary memory (--no-huge) lives in one plain memfd per list, mapped
 * MAP_SHARED in 2 MiB segments; slot i is always bytes [i * seg_sz,
 * (i + 1) * seg_sz) of the file, and freed segments are punched out of it.
 * In IOVA-as-VA mode hugepage lists keep the same identity (slot i is file
 * page i), so a whole list is one linear (fd, offset) range that another
 * process can map once: what vhost-user's memory table needs.
 * rte_memseg_get_fd() and _offset() (eal_memseg_fd.c) give them out. A
 * child of fork() gets its own copy-on-write view of ordinary memory (as
 * with anonymous memory before); hugepages stay shared, as in DPDK.
 *
 * Locking: one read-write lock (eal_memseg_lock) protects every list and
 * segment. Lock order: memzone table, then heap, then this lock.
 */
#ifndef EAL_MEMSEG_H
#define EAL_MEMSEG_H

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_memory.h>

struct eal_config;

/* Bytes of ordinary memory in one segment with --no-huge. */
#define EAL_ANON_SEG_SIZE RTE_PGSIZE_2M
/* Slots of one list: at most this many, and at most this many bytes. */
#define EAL_MEMSEG_LIST_MAX_SEGS  8192U
#define EAL_MEMSEG_LIST_MAX_BYTES (32ULL << 30)
/* Lists of one page type on one socket. */
#define EAL_MEMSEG_LISTS_PER_TYPE 4U
/* Page types: 2 MiB, 1 GiB, or ordinary memory. */
#define EAL_MAX_PAGE_TYPES 2U

enum eal_backing {
	EAL_BACKING_ANON,  /* ordinary memory: a plain memfd */
	EAL_BACKING_MEMFD, /* a hugetlb memfd */
	EAL_BACKING_FILE,  /* an unlinked file in a hugetlbfs directory */
};

/* A kind of memory segments can be made of. */
struct eal_page_type {
	uint64_t page_sz; /* page size (system page size for anon) */
	size_t seg_sz;	  /* bytes per segment */
	enum eal_backing backing;
	char dir[PATH_MAX]; /* EAL_BACKING_FILE: where the file goes */
};

/* Slots in one list of that type. */
static inline unsigned int
eal_page_type_max_segs(const struct eal_page_type *type)
{
	uint64_t n = EAL_MEMSEG_LIST_MAX_BYTES / type->seg_sz;

	return n < EAL_MEMSEG_LIST_MAX_SEGS ? (unsigned int)n :
					      EAL_MEMSEG_LIST_MAX_SEGS;
}

/* Private per-segment data. */
struct eal_seg_info {
	int32_t file_page; /* page index in the list's file, -1 if none */
	int32_t heap_id;   /* owning heap, -1 when unmapped */
	bool lazy;	   /* hugepage reserved, faulted on first touch */
	bool untranslated; /* IOVA as PA, lazy: iova not read yet (atomic) */
	void *owner;	   /* the heap's run that holds the segment */
};

/* One memseg list. */
struct eal_memseg_list {
	struct rte_memseg_list msl; /* the public view; first member */
	unsigned int type_idx;	    /* in the page types table */
	size_t seg_sz;
	unsigned int nb_segs; /* slots */
	unsigned int nb_mapped;
	int fd;		    /* backing file, -1 if none */
	bool fault_limited; /* a hugetlb cgroup limits faults */
	unsigned int nb_file_pages;
	uint64_t *file_page_used;  /* bitmap of nb_file_pages bits */
	struct rte_memseg *segs;   /* nb_segs; addr NULL when unmapped */
	struct eal_seg_info *info; /* nb_segs */
};

/* Segments [first, first + count) of a list, mapped together. */
struct eal_mem_block {
	struct eal_memseg_list *list;
	unsigned int first;
	unsigned int count;
};

extern pthread_rwlock_t eal_memseg_lock;

/* eal_memseg.c: the lists table. */
int eal_memseg_init(const struct eal_page_type *types, unsigned int nb_types,
	const struct eal_config *cfg);
void eal_memseg_cleanup(void);
unsigned int eal_memseg_nb_types(void);
const struct eal_page_type *eal_memseg_type(unsigned int type_idx);

/*
 * Maps count segments of a page type on a socket, contiguous in virtual
 * memory and, if contig, in IO addresses. 0, or -1 with rte_errno ENOMEM
 * (nothing is left mapped). Takes eal_memseg_lock.
 */
int eal_memseg_alloc(unsigned int type_idx, int socket, unsigned int count,
	bool contig, struct eal_mem_block *block);

/*
 * Maps count more segments right after a block's last one (same list),
 * and adds them to the block. 0, or -1 when those slots are not free or
 * the kernel refuses them (the block is unchanged). Takes eal_memseg_lock.
 */
int eal_memseg_extend(struct eal_mem_block *block, unsigned int count);

/*
 * rte_eal_get_physmem_size() reports at least bytes from now on (--no-huge
 * -m: the memory there is, mapped or not), until eal_memseg_cleanup().
 */
void eal_memseg_physmem_floor(uint64_t bytes);

/* Unmaps a block and gives its pages back. Takes eal_memseg_lock. */
void eal_memseg_free(const struct eal_mem_block *block);

/* Records which heap run owns the block's segments. */
void eal_memseg_set_owner(const struct eal_mem_block *block, int heap_id,
	void *owner);

/*
 * The owner recorded for the mapped segment that holds addr. Returns false
 * (and leaves *heap_id, *owner alone) when addr is not in mapped EAL
 * memory. Takes eal_memseg_lock for reading.
 */
bool eal_memseg_owner(const void *addr, int *heap_id, void **owner);

/*
 * Makes ordinary (memfd) memory private in children of fork(), as
 * anonymous memory was; registered once, when the first such list is made.
 */
void eal_memseg_fork_private(void);

/*
 * The list whose segs[] array holds ms, and ms's index in it; NULL when
 * ms is not one of the EAL's segments. Caller holds eal_memseg_lock.
 */
struct eal_memseg_list *
eal_memseg_list_of_seg(const struct rte_memseg *ms, unsigned int *idx);

/* The segment holding addr, or NULL. Caller holds eal_memseg_lock. */
struct rte_memseg *
eal_memseg_find(const void *addr, struct eal_memseg_list **list);

/* Address, length and the first segment of a block. */
void *eal_mem_block_addr(const struct eal_mem_block *block);
size_t eal_mem_block_len(const struct eal_mem_block *block);
/* RTE_BAD_IOVA if the block's IOVAs are not contiguous (or not known). */
rte_iova_t eal_mem_block_iova(const struct eal_mem_block *block);
/*
 * Whether the block's IOVAs are read page by page as its memory is handed
 * out (IOVA as PA, pages mapped lazily: see eal_memalloc.c), in no order.
 */
bool eal_mem_block_iova_lazy(const struct eal_mem_block *block);

/*
 * IOVA as PA with lazily mapped pages: faults the pages under
 * [addr, addr + len) that are not yet and reads their physical addresses
 * into their segments, so that every IOVA a caller can see is right.
 * 0, or -1 (logged) when pagemap cannot be read. A no-op elsewhere.
 */
int eal_memseg_translate_range(const void *addr, size_t len);
/* The same for every mapped segment (walkers and IOVA lookups). */
int eal_memseg_translate_all(void);

/* The type_idx of a list of external memory (it has no page type). */
#define EAL_MEMSEG_TYPE_EXTERNAL UINT_MAX

/*
 * eal_memseg.c, for external heaps: publishes a list (msl.external = 1,
 * msl.heap = 1) for application memory [va, va + len) made of page_sz
 * pages on socket, one segment per page with the IOVAs of iovas (NULL: all
 * RTE_BAD_IOVA), then tells the memory event callbacks (one ALLOC for the
 * whole range). block receives all its segments. 0, or -1 with rte_errno
 * EINVAL (the range overlaps memory the EAL knows), ENOSPC (no free slot
 * in the list table) or ENOMEM. Takes eal_memseg_lock.
 *
 * Lookups run without the lock: a removed list's slot keeps its struct
 * (its range reads as empty) and is reused by the next external list.
 */
int eal_memseg_external_add(void *va, size_t len, uint64_t page_sz, int socket,
	const rte_iova_t *iovas, struct eal_mem_block *block);

/* Tells the callbacks (FREE) and retires an external list. */
void eal_memseg_external_remove(struct eal_memseg_list *list);

/* eal_memalloc.c: mapping and unmapping inside one list. */
int eal_memalloc_list_create(struct eal_memseg_list *list,
	const struct eal_page_type *type, const char *file_prefix,
	void *va_hint);
void eal_memalloc_list_destroy(struct eal_memseg_list *list);
/* Between true and false, unmapping skips what closing the files does. */
void eal_memalloc_set_closing(bool closing);
int eal_memalloc_map(struct eal_memseg_list *list, unsigned int first,
	unsigned int count, bool contig);
void eal_memalloc_unmap(struct eal_memseg_list *list, unsigned int first,
	unsigned int count);
/* Segments not translated yet, over all lists (0: nothing to do). */
unsigned int eal_memalloc_nb_untranslated(void);
/* Faults and translates the untranslated segments of [first, first + count)
 * of a list: 0, or -1 when a physical address cannot be read. */
int eal_memalloc_translate(struct eal_memseg_list *list, unsigned int first,
	unsigned int count);

/* eal_memevent.c: memory event callbacks, run under eal_memseg_lock. */
void
eal_mem_event_notify(enum rte_mem_event event, const void *addr, size_t len);
void eal_mem_event_cleanup(void);

#endif /* EAL_MEMSEG_H */
