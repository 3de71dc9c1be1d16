/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Hugepage discovery: which hugepage sizes the kernel offers (2 MiB and
 * 1 GiB only), how many pages of each are free in total and per NUMA node,
 * and how the EAL can get at them: an anonymous hugetlb memfd
 * (memfd_create(MFD_HUGETLB), no mount needed) or files in a hugetlbfs
 * mount (from /proc/mounts, or the one --huge-dir names).
 */
#ifndef EAL_HUGEPAGES_H
#define EAL_HUGEPAGES_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_config.h>

#define EAL_HUGEPAGE_MAX_TYPES 2u /* 2 MiB and 1 GiB */

/* One hugepage size. */
struct eal_hugepage_type {
	uint64_t page_sz;
	/* Pages that can be had now: free ones plus overcommit headroom. */
	uint64_t free_pages;
	uint64_t free_per_socket[RTE_MAX_NUMA_NODES];
	bool has_memfd;	    /* memfd_create(MFD_HUGETLB) works */
	char dir[PATH_MAX]; /* hugetlbfs directory, "" if none */
};

/* What eal_hugepage_discover() found; types sorted by page size. */
struct eal_hugepage_info {
	unsigned int nb_types;
	struct eal_hugepage_type types[EAL_HUGEPAGE_MAX_TYPES];
	bool huge_dir_given; /* types[] is the --huge-dir mount only */
};

/* Where the kernel's files are; tests point these at a fake tree. */
struct eal_hugepage_paths {
	const char *sysfs_hugepages; /* /sys/kernel/mm/hugepages */
	const char *sysfs_nodes;     /* /sys/devices/system/node */
	const char *mounts;	     /* /proc/mounts */
	const char *meminfo;	     /* /proc/meminfo */
	bool probe_memfd;	     /* try memfd_create(MFD_HUGETLB) */
};

extern const struct eal_hugepage_paths eal_hugepage_system_paths;

/*
 * Fills info. huge_dir (--huge-dir, may be NULL) must be a hugetlbfs mount
 * or a directory inside one, writable by us: otherwise -1 with rte_errno
 * EINVAL or EACCES and one error line naming it. 0 otherwise, also when
 * the kernel has no hugepages at all (nb_types is then 0).
 */
int eal_hugepage_discover(const struct eal_hugepage_paths *paths,
	const char *huge_dir, struct eal_hugepage_info *info);

/* True when pages of that type can be mapped (memfd or a directory). */
bool eal_hugepage_type_usable(const struct eal_hugepage_type *type);

/* Bytes of usable hugepages free on socket (SOCKET_ID_ANY: all). */
uint64_t
eal_hugepage_free_bytes(const struct eal_hugepage_info *info, int socket);

/* NUMA nodes listed under paths->sysfs_nodes; node 0 when there are none. */
void eal_numa_nodes_discover(const struct eal_hugepage_paths *paths,
	bool present[RTE_MAX_NUMA_NODES]);

/*
 * True when a hugetlb cgroup of this process (proc_cgroup: its
 * /proc/self/cgroup; cgroup_root: /sys/fs/cgroup) or an ancestor limits
 * the faults of page_sz pages: a fault past the limit would raise SIGBUS
 * even inside a reservation (eal_hugetlb_cgroup.c).
 */
bool eal_hugetlb_fault_limited(const char *proc_cgroup, const char *cgroup_root,
	uint64_t page_sz);

/* memfd_create() flags asking for hugetlb pages of page_sz. */
unsigned int eal_hugepage_memfd_flags(uint64_t page_sz);

#endif /* EAL_HUGEPAGES_H */
