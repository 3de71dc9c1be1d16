/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * eal_memory_init(): hugepages or ordinary memory, IOVA mode, heaps,
 * memzones, and the -m / --socket-mem pre-reservation.
 *
 * Hugepages are used when some are free. When none is (or none can be
 * mapped), the EAL carries on with ordinary memory after one warning,
 * keeping what -m, --socket-mem and --socket-limit mean; unless the
 * command line named hugepages (--huge-dir), which then is an error.
 * With --no-huge itself, -m is all the memory there is (DPDK's legacy
 * memory), but it is mapped as the heaps need it, not at start: a
 * vhost-user backend that maps everything it is shown (virtio-user)
 * then only sees, and faults, what the heaps use.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_hugepages.h"
#include "eal_iova.h"
#include "eal_memory.h"
#include "eal_memseg.h"
#include "malloc_heap.h"

static atomic_bool mem_ready;
static bool mem_no_huge;
static bool sockets_present[RTE_MAX_NUMA_NODES];

bool
eal_mem_ready(void)
{
	return atomic_load_explicit(&mem_ready, memory_order_acquire);
}

bool
eal_mem_socket_valid(int socket)
{
	return socket >= 0 && socket < RTE_MAX_NUMA_NODES &&
		sockets_present[socket];
}

int
eal_mem_local_socket(void)
{
	unsigned int socket = rte_socket_id();
	int s;

	if (socket < RTE_MAX_NUMA_NODES && sockets_present[socket])
		return (int)socket;
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		if (sockets_present[s])
			return s;
	return 0;
}

int
rte_eal_has_hugepages(void)
{
	return !mem_no_huge;
}

static uint64_t
mib(uint64_t bytes)
{
	return bytes >> 20;
}

/* --socket-mem may only name sockets the machine has. */
static int
check_socket_mem(const struct eal_config *cfg)
{
	int s;

	if (!cfg->force_sockets)
		return 0;
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		if (cfg->socket_mem[s] != 0 && !sockets_present[s]) {
			EAL_LOG(ERR,
				"--socket-mem asks for memory on socket "
				"%d, which this machine does not have\n",
				s);
			rte_errno = EINVAL;
			return -1;
		}
	}
	return 0;
}

/* -m beyond what --socket-limit lets this machine's sockets hold. */
static int
check_limits_hold_memory(const struct eal_config *cfg)
{
	uint64_t sum = 0;
	int s;

	if (!cfg->force_socket_limits || cfg->memory == 0)
		return 0;
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		if (!sockets_present[s])
			continue;
		if (cfg->socket_limit[s] == 0)
			return 0; /* no limit on that socket */
		sum += cfg->socket_limit[s];
	}
	if (cfg->memory <= sum)
		return 0;
	EAL_LOG(ERR,
		"-m %" PRIu64 " is more than --socket-limit lets the "
		"sockets of this machine hold (%" PRIu64 " MiB)\n",
		mib(cfg->memory), mib(sum));
	rte_errno = EINVAL;
	return -1;
}

/*
 * Finds hugepages; falls back to ordinary memory when none is free. One
 * rule: amounts (-m, --socket-mem, --socket-limit, zero or not) are
 * honoured in whichever memory is used; only --huge-dir, which names
 * hugepages, makes their absence an error.
 */
static int
discover_hugepages(struct eal_config *cfg, struct eal_hugepage_info *hpi)
{
	if (eal_hugepage_discover(&eal_hugepage_system_paths, cfg->huge_dir,
		    hpi) < 0)
		return -1;
	if (eal_hugepage_free_bytes(hpi, SOCKET_ID_ANY) != 0)
		return 0;
	if (cfg->huge_dir != NULL) {
		EAL_LOG(ERR,
			"no free hugepages in --huge-dir %s: reserve some "
			"in /sys/kernel/mm/hugepages/*/nr_hugepages\n",
			cfg->huge_dir);
		rte_errno = ENOMEM;
		return -1;
	}
	EAL_LOG(WARNING,
		"no free hugepages, continuing as with --no-huge "
		"(ordinary memory, IOVA as VA)\n");
	cfg->no_huge = true;
	return 0;
}

/* The kinds of segments the heaps may map, smallest pages first. */
static unsigned int
build_page_types(const struct eal_config *cfg,
	const struct eal_hugepage_info *hpi,
	struct eal_page_type types[EAL_MAX_PAGE_TYPES])
{
	const struct eal_hugepage_type *ht;
	unsigned int i, n = 0;

	memset(types, 0, EAL_MAX_PAGE_TYPES * sizeof(types[0]));
	if (cfg->no_huge) {
		types[0].page_sz = (uint64_t)sysconf(_SC_PAGESIZE);
		types[0].seg_sz = EAL_ANON_SEG_SIZE;
		types[0].backing = EAL_BACKING_ANON;
		return 1;
	}
	/* nb_types never exceeds the array; saying so lets the compiler
	 * prove the copies below stay inside hpi. */
	for (i = 0; i < RTE_MIN(hpi->nb_types, EAL_HUGEPAGE_MAX_TYPES) &&
		n < EAL_MAX_PAGE_TYPES;
		i++) {
		ht = &hpi->types[i];
		if (!eal_hugepage_type_usable(ht))
			continue;
		types[n].page_sz = ht->page_sz;
		types[n].seg_sz = ht->page_sz;
		types[n].backing = ht->has_memfd ? EAL_BACKING_MEMFD :
						   EAL_BACKING_FILE;
		memcpy(types[n].dir, ht->dir, sizeof(types[n].dir));
		n++;
	}
	return n;
}

/* Pages of page type t that hpi says are free on socket. */
static uint64_t
free_pages_on(const struct eal_hugepage_info *hpi, unsigned int t, int socket)
{
	const struct eal_page_type *type = eal_memseg_type(t);
	unsigned int i;

	for (i = 0; i < hpi->nb_types; i++)
		if (hpi->types[i].page_sz == type->page_sz)
			return hpi->types[i].free_per_socket[socket];
	return 0;
}

/* Hugepages for bytes on socket: big pages first, then round up. */
static uint64_t
reserve_huge_on(const struct eal_hugepage_info *hpi, int socket, uint64_t bytes)
{
	uint64_t taken[EAL_MAX_PAGE_TYPES] = { 0 }, n, page_sz;
	unsigned int t = eal_memseg_nb_types();

	while (t-- > 0 && bytes != 0) {
		page_sz = eal_memseg_type(t)->page_sz;
		n = RTE_MIN(bytes / page_sz, free_pages_on(hpi, t, socket));
		if (n != 0 &&
			malloc_heap_reserve(socket, t, (unsigned int)n) < 0)
			return bytes;
		taken[t] = n;
		bytes -= n * page_sz;
	}
	/* What is left is less than a page of every size that is free. */
	for (t = 0; t < eal_memseg_nb_types() && bytes != 0; t++) {
		if (free_pages_on(hpi, t, socket) <= taken[t])
			continue;
		if (malloc_heap_reserve(socket, t, 1) < 0)
			return bytes;
		page_sz = eal_memseg_type(t)->page_sz;
		bytes = bytes > page_sz ? bytes - page_sz : 0;
	}
	return bytes;
}

/* Reserves bytes on socket; returns the bytes it could not. */
static uint64_t
reserve_on(const struct eal_config *cfg, const struct eal_hugepage_info *hpi,
	int socket, uint64_t bytes)
{
	uint64_t nb_segs;

	if (!cfg->no_huge)
		return reserve_huge_on(hpi, socket, bytes);
	nb_segs = (bytes + EAL_ANON_SEG_SIZE - 1) / EAL_ANON_SEG_SIZE;
	if (nb_segs > UINT32_MAX ||
		malloc_heap_reserve(socket, 0, (unsigned int)nb_segs) < 0)
		return bytes;
	return 0;
}

static int
reserve_failed(uint64_t asked, uint64_t missing, int socket)
{
	EAL_LOG(ERR,
		"could not reserve %" PRIu64 " MiB on socket %d: the "
		"kernel refused %" PRIu64 " MiB of it\n",
		mib(asked), socket, mib(missing));
	rte_errno = ENOMEM;
	return -1;
}

/* --socket-mem: the asked amount on each socket, checked first. */
static int
reserve_socket_mem(const struct eal_config *cfg,
	const struct eal_hugepage_info *hpi)
{
	uint64_t missing, free_bytes;
	int s;

	for (s = 0; s < RTE_MAX_NUMA_NODES && !cfg->no_huge; s++) {
		free_bytes = eal_hugepage_free_bytes(hpi, s);
		if (cfg->socket_mem[s] <= free_bytes)
			continue;
		EAL_LOG(ERR,
			"--socket-mem asks for %" PRIu64 " MiB of "
			"hugepages on socket %d, only %" PRIu64 " MiB are "
			"free there\n",
			mib(cfg->socket_mem[s]), s, mib(free_bytes));
		rte_errno = ENOMEM;
		return -1;
	}
	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		if (cfg->socket_mem[s] == 0)
			continue;
		missing = reserve_on(cfg, hpi, s, cfg->socket_mem[s]);
		if (missing != 0)
			return reserve_failed(cfg->socket_mem[s], missing, s);
	}
	return 0;
}

/* -m: the caller's socket first, then the others. */
static int
reserve_memory(const struct eal_config *cfg, const struct eal_hugepage_info *hpi)
{
	int first = eal_mem_local_socket(), s, i;
	uint64_t left = cfg->memory, want, free_bytes;

	free_bytes = cfg->no_huge ? UINT64_MAX :
				    eal_hugepage_free_bytes(hpi, SOCKET_ID_ANY);
	if (cfg->memory > free_bytes) {
		EAL_LOG(ERR,
			"-m asks for %" PRIu64 " MiB of hugepages, only "
			"%" PRIu64 " MiB are free\n",
			mib(cfg->memory), mib(free_bytes));
		rte_errno = ENOMEM;
		return -1;
	}
	for (i = 0; i < RTE_MAX_NUMA_NODES && left != 0; i++) {
		s = (first + i) % RTE_MAX_NUMA_NODES;
		if (!sockets_present[s])
			continue;
		want = cfg->no_huge ?
			left :
			RTE_MIN(left, eal_hugepage_free_bytes(hpi, s));
		if (want == 0)
			continue;
		left -= want - reserve_on(cfg, hpi, s, want);
		if (cfg->no_huge && left != 0)
			break;
	}
	if (left != 0)
		return reserve_failed(cfg->memory, left, first);
	return 0;
}

static void
note_ignored_options(const struct eal_config *cfg)
{
	if (cfg->huge_unlink_given && cfg->huge_unlink == EAL_HUGE_UNLINK_NEVER)
		EAL_LOG(WARNING,
			"--huge-unlink=never is not supported: "
			"hugepage files are always removed at once\n");
	if (cfg->legacy_mem && !cfg->no_huge)
		EAL_LOG(DEBUG, "--legacy-mem: memory still grows on demand\n");
}

/* Undoes whatever eal_memory_init() did so far. */
static void
memory_teardown(void)
{
	eal_memzone_reset();
	eal_memalloc_set_closing(true);
	malloc_heaps_cleanup();
	eal_memseg_cleanup();
	eal_memalloc_set_closing(false);
	eal_mem_event_cleanup();
	eal_iova_reset();
	mem_no_huge = false;
	memset(sockets_present, 0, sizeof(sockets_present));
}

/* Page types, memseg lists, heaps, memzones. */
static int
memory_setup(struct eal_config *cfg, const struct eal_hugepage_info *hpi,
	bool capped)
{
	struct eal_page_type types[EAL_MAX_PAGE_TYPES];
	unsigned int nb_types;
	uint64_t cap;

	nb_types = build_page_types(cfg, hpi, types);
	if (eal_memseg_init(types, nb_types, cfg) < 0 ||
		malloc_heaps_init(cfg, sockets_present) < 0) {
		EAL_LOG(ERR, "cannot set up the memory subsystem\n");
		return -1;
	}
	eal_memzone_reset();
	if (cfg->force_sockets)
		return reserve_socket_mem(cfg, hpi);
	if (cfg->memory == 0)
		return 0;
	/* DPDK's --no-huge is legacy memory: -m is reserved at start and
	 * never grows. Here it is a cap the local heap grows up to, and
	 * rte_eal_get_physmem_size() reports it, as DPDK does. (The
	 * fallback keeps the dynamic mode it replaces.) */
	if (capped) {
		cap = RTE_ALIGN_CEIL(cfg->memory, (uint64_t)EAL_ANON_SEG_SIZE);
		malloc_heaps_cap(eal_mem_local_socket(), cap, mib(cfg->memory));
		eal_memseg_physmem_floor(cap);
		return 0;
	}
	return reserve_memory(cfg, hpi);
}

int
eal_memory_init(struct eal_config *cfg)
{
	struct eal_hugepage_info hpi;
	bool capped = cfg->no_huge && cfg->memory != 0;

	if (eal_mem_ready()) {
		EAL_LOG(ERR, "memory is already initialised\n");
		rte_errno = EALREADY;
		return -1;
	}
	memset(&hpi, 0, sizeof(hpi));
	eal_numa_nodes_discover(&eal_hugepage_system_paths, sockets_present);
	note_ignored_options(cfg);
	if (check_socket_mem(cfg) < 0 || check_limits_hold_memory(cfg) < 0 ||
		(!cfg->no_huge && discover_hugepages(cfg, &hpi) < 0) ||
		eal_iova_select(cfg) < 0)
		goto fail;
	if (memory_setup(cfg, &hpi, capped) < 0)
		goto fail;
	mem_no_huge = cfg->no_huge;
	atomic_store_explicit(&mem_ready, true, memory_order_release);
	EAL_LOG(DEBUG, "memory ready: %" PRIu64 " MiB reserved or capped, %s\n",
		mib(rte_eal_get_physmem_size()),
		cfg->no_huge ? "ordinary memory" : "hugepages");
	return 0;
fail:
	memory_teardown();
	return -1;
}

void
eal_memory_cleanup(void)
{
	atomic_store_explicit(&mem_ready, false, memory_order_release);
	memory_teardown();
}
