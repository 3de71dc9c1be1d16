/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Hugepage discovery. Everything is read from sysfs and procfs text files:
 *
 *   /sys/kernel/mm/hugepages/hugepages-<kB>kB/{free,resv,nr_overcommit,surplus}_hugepages
 *   /sys/devices/system/node/node<N>/hugepages/hugepages-<kB>kB/free_hugepages
 *   /proc/mounts     hugetlbfs mounts, with their pagesize= option
 *   /proc/meminfo    Hugepagesize: the size of a mount without pagesize=
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_hugepages.h"

/* memfd_create() encodes the hugepage size's log2 from this bit on. */
#define EAL_MFD_HUGE_SHIFT 26
#ifndef MFD_HUGETLB
#define MFD_HUGETLB 0x0004U
#endif

const struct eal_hugepage_paths eal_hugepage_system_paths = {
	.sysfs_hugepages = "/sys/kernel/mm/hugepages",
	.sysfs_nodes = "/sys/devices/system/node",
	.mounts = "/proc/mounts",
	.meminfo = "/proc/meminfo",
	.probe_memfd = true,
};

/* A hugetlbfs mount read from the mounts file. */
struct hugepage_mount {
	char dir[PATH_MAX];
	uint64_t page_sz;
};

#define EAL_MAX_HUGEPAGE_MOUNTS 16

unsigned int
eal_hugepage_memfd_flags(uint64_t page_sz)
{
	return MFD_HUGETLB | (rte_log2_u64(page_sz) << EAL_MFD_HUGE_SHIFT);
}

bool
eal_hugepage_type_usable(const struct eal_hugepage_type *type)
{
	return type->has_memfd || type->dir[0] != '\0';
}

/* Reads one unsigned number from a file; false if it cannot. */
static bool
read_u64_file(const char *path, uint64_t *value)
{
	unsigned long long v;
	FILE *f;
	int n;

	f = fopen(path, "re");
	if (f == NULL)
		return false;
	n = fscanf(f, "%llu", &v);
	fclose(f);
	if (n != 1)
		return false;
	*value = v;
	return true;
}

/* "2M", "1024M", "1G", "2048k", "2097152": a size in bytes, 0 if bad. */
static uint64_t
parse_page_size(const char *str)
{
	char *end;
	uint64_t v;

	errno = 0;
	v = strtoull(str, &end, 10);
	if (errno != 0 || end == str)
		return 0;
	switch (tolower((unsigned char)*end)) {
	case 'g':
		v <<= 10;
		/* fall through */
	case 'm':
		v <<= 10;
		/* fall through */
	case 'k':
		v <<= 10;
		end++;
		break;
	default:
		break;
	}
	if (*end != '\0' && *end != ',' && !isspace((unsigned char)*end))
		return 0;
	return v;
}

/* Hugepagesize from meminfo, in bytes; 0 if absent. */
static uint64_t
default_page_size(const char *meminfo)
{
	unsigned long long kb;
	char line[256];
	uint64_t size = 0;
	FILE *f;

	f = fopen(meminfo, "re");
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "Hugepagesize: %llu kB", &kb) == 1) {
			size = (uint64_t)kb * 1024;
			break;
		}
	}
	fclose(f);
	return size;
}

/* Undoes the octal escapes (\040 for a space) of a mounts file field. */
static void
unescape_mount_path(char *s)
{
	char *out = s;

	while (*s != '\0') {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' &&
			s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
				(s[3] - '0'));
			s += 4;
		} else {
			*out++ = *s++;
		}
	}
	*out = '\0';
}

/* The pagesize= option of a hugetlbfs mount, or the default size. */
static uint64_t
mount_page_size(const char *options, uint64_t default_sz)
{
	const char *opt = strstr(options, "pagesize=");

	if (opt == NULL)
		return default_sz;
	return parse_page_size(opt + strlen("pagesize="));
}

/* Lists the hugetlbfs mounts; returns how many (at most max). */
static unsigned int
read_mounts(const struct eal_hugepage_paths *paths,
	struct hugepage_mount *mounts, unsigned int max)
{
	char line[PATH_MAX + 256], dev[64], dir[PATH_MAX], fstype[64];
	char options[256];
	uint64_t default_sz = default_page_size(paths->meminfo);
	unsigned int n = 0;
	FILE *f;

	f = fopen(paths->mounts, "re");
	if (f == NULL)
		return 0;
	while (n < max && fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%63s %4095s %63s %255s", dev, dir, fstype,
			    options) != 4)
			continue;
		if (strcmp(fstype, "hugetlbfs") != 0)
			continue;
		unescape_mount_path(dir);
		snprintf(mounts[n].dir, sizeof(mounts[n].dir), "%s", dir);
		mounts[n].page_sz = mount_page_size(options, default_sz);
		if (mounts[n].page_sz != 0)
			n++;
	}
	fclose(f);
	return n;
}

static bool
supported_page_size(uint64_t page_sz)
{
	return page_sz == RTE_PGSIZE_2M || page_sz == RTE_PGSIZE_1G;
}

/* Free pages of one size on each NUMA node. */
static void
read_free_per_node(const struct eal_hugepage_paths *paths,
	struct eal_hugepage_type *type, uint64_t headroom)
{
	char path[PATH_MAX];
	bool any_node = false;
	uint64_t v;
	unsigned int node;

	for (node = 0; node < RTE_MAX_NUMA_NODES; node++) {
		snprintf(path, sizeof(path),
			"%s/node%u/hugepages/hugepages-%" PRIu64
			"kB/free_hugepages",
			paths->sysfs_nodes, node, type->page_sz / 1024);
		if (!read_u64_file(path, &v))
			continue;
		/* Reservations are not per node: no node has more free
		 * than the whole pool. */
		type->free_per_socket[node] = RTE_MIN(v + headroom,
			type->free_pages);
		any_node = true;
	}
	/* No NUMA information: all memory is on socket 0. */
	if (!any_node)
		type->free_per_socket[0] = type->free_pages;
}

/* Fills the counters of the size whose sysfs directory is "name". */
static bool
read_type(const struct eal_hugepage_paths *paths, const char *name,
	struct eal_hugepage_type *type)
{
	uint64_t kb, free_pages, overcommit = 0, surplus = 0, resv = 0;
	char path[PATH_MAX];

	if (sscanf(name, "hugepages-%" SCNu64 "kB", &kb) != 1)
		return false;
	memset(type, 0, sizeof(*type));
	type->page_sz = kb * 1024;
	if (!supported_page_size(type->page_sz))
		return false;
	snprintf(path, sizeof(path), "%s/%s/free_hugepages",
		paths->sysfs_hugepages, name);
	if (!read_u64_file(path, &free_pages))
		return false;
	/* Free but reserved (by a mapping that has not touched them yet,
	 * ours in IOVA-as-VA mode among others): not ours to take. */
	snprintf(path, sizeof(path), "%s/%s/resv_hugepages",
		paths->sysfs_hugepages, name);
	read_u64_file(path, &resv);
	free_pages -= RTE_MIN(resv, free_pages);
	snprintf(path, sizeof(path), "%s/%s/nr_overcommit_hugepages",
		paths->sysfs_hugepages, name);
	read_u64_file(path, &overcommit);
	snprintf(path, sizeof(path), "%s/%s/surplus_hugepages",
		paths->sysfs_hugepages, name);
	read_u64_file(path, &surplus);
	/* Overcommitted pages come from the buddy allocator on demand. */
	overcommit = overcommit > surplus ? overcommit - surplus : 0;
	type->free_pages = free_pages + overcommit;
	read_free_per_node(paths, type, overcommit);
	return true;
}

static int
compare_types(const void *a, const void *b)
{
	const struct eal_hugepage_type *ta = a, *tb = b;

	return ta->page_sz < tb->page_sz ? -1 : ta->page_sz > tb->page_sz;
}

/* Every supported size the kernel has a pool for. */
static void
read_types(const struct eal_hugepage_paths *paths,
	struct eal_hugepage_info *info)
{
	struct dirent *de;
	DIR *d;

	d = opendir(paths->sysfs_hugepages);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL &&
		info->nb_types < EAL_HUGEPAGE_MAX_TYPES) {
		if (read_type(paths, de->d_name, &info->types[info->nb_types]))
			info->nb_types++;
	}
	closedir(d);
	qsort(info->types, info->nb_types, sizeof(info->types[0]),
		compare_types);
}

static bool
memfd_works(uint64_t page_sz)
{
	int fd;

	fd = memfd_create("pollux_probe",
		MFD_CLOEXEC | eal_hugepage_memfd_flags(page_sz));
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* Picks a backing for every size: memfd, else a writable mount. */
static void
pick_backings(const struct eal_hugepage_paths *paths,
	struct eal_hugepage_info *info, const struct hugepage_mount *mounts,
	unsigned int nb_mounts)
{
	struct eal_hugepage_type *type;
	unsigned int i, m;

	for (i = 0; i < info->nb_types; i++) {
		type = &info->types[i];
		type->has_memfd = paths->probe_memfd &&
			memfd_works(type->page_sz);
		for (m = 0; m < nb_mounts; m++) {
			if (mounts[m].page_sz != type->page_sz ||
				access(mounts[m].dir, W_OK | X_OK) != 0)
				continue;
			snprintf(type->dir, sizeof(type->dir), "%s",
				mounts[m].dir);
			break;
		}
	}
}

/* The mount that holds path (longest matching mount point), or NULL. */
static const struct hugepage_mount *
mount_of(const char *path, const struct hugepage_mount *mounts,
	unsigned int nb_mounts)
{
	const struct hugepage_mount *best = NULL;
	size_t len, best_len = 0;
	unsigned int m;

	for (m = 0; m < nb_mounts; m++) {
		len = strlen(mounts[m].dir);
		while (len > 1 && mounts[m].dir[len - 1] == '/')
			len--;
		if (strncmp(path, mounts[m].dir, len) != 0)
			continue;
		if (path[len] != '\0' && path[len] != '/' && len > 1)
			continue;
		if (best == NULL || len > best_len) {
			best = &mounts[m];
			best_len = len;
		}
	}
	return best;
}

/* Keeps only the --huge-dir mount's size, backed by files in huge_dir. */
static int
use_huge_dir(const char *huge_dir, struct eal_hugepage_info *info,
	const struct hugepage_mount *mounts, unsigned int nb_mounts)
{
	const struct hugepage_mount *mount;
	char resolved[PATH_MAX];
	unsigned int i;

	if (realpath(huge_dir, resolved) == NULL) {
		EAL_LOG(ERR, "--huge-dir %s: %s\n", huge_dir, strerror(errno));
		rte_errno = EINVAL;
		return -1;
	}
	mount = mount_of(resolved, mounts, nb_mounts);
	if (mount == NULL) {
		EAL_LOG(ERR, "--huge-dir %s is not in a hugetlbfs mount\n",
			huge_dir);
		rte_errno = EINVAL;
		return -1;
	}
	for (i = 0; i < info->nb_types; i++)
		if (info->types[i].page_sz == mount->page_sz)
			break;
	if (i == info->nb_types) {
		EAL_LOG(ERR,
			"--huge-dir %s: its page size (%" PRIu64
			" kB) is not supported (2048 kB or 1048576 kB)\n",
			huge_dir, mount->page_sz / 1024);
		rte_errno = EINVAL;
		return -1;
	}
	if (access(resolved, W_OK | X_OK) != 0) {
		EAL_LOG(ERR, "--huge-dir %s is not writable: %s\n", huge_dir,
			strerror(errno));
		rte_errno = EACCES;
		return -1;
	}
	info->types[0] = info->types[i];
	info->nb_types = 1;
	info->types[0].has_memfd = false;
	snprintf(info->types[0].dir, sizeof(info->types[0].dir), "%s", resolved);
	info->huge_dir_given = true;
	return 0;
}

int
eal_hugepage_discover(const struct eal_hugepage_paths *paths,
	const char *huge_dir, struct eal_hugepage_info *info)
{
	struct hugepage_mount *mounts;
	unsigned int nb_mounts;
	int ret = 0;

	memset(info, 0, sizeof(*info));
	mounts = calloc(EAL_MAX_HUGEPAGE_MOUNTS, sizeof(*mounts));
	if (mounts == NULL) {
		EAL_LOG(ERR, "out of memory while looking for hugepages\n");
		rte_errno = ENOMEM;
		return -1;
	}
	nb_mounts = read_mounts(paths, mounts, EAL_MAX_HUGEPAGE_MOUNTS);
	read_types(paths, info);
	if (huge_dir != NULL)
		ret = use_huge_dir(huge_dir, info, mounts, nb_mounts);
	else
		pick_backings(paths, info, mounts, nb_mounts);
	free(mounts);
	return ret;
}

uint64_t
eal_hugepage_free_bytes(const struct eal_hugepage_info *info, int socket)
{
	const struct eal_hugepage_type *type;
	uint64_t bytes = 0;
	unsigned int i;

	for (i = 0; i < info->nb_types; i++) {
		type = &info->types[i];
		if (!eal_hugepage_type_usable(type))
			continue;
		if (socket == SOCKET_ID_ANY)
			bytes += type->free_pages * type->page_sz;
		else if (socket >= 0 && socket < RTE_MAX_NUMA_NODES)
			bytes += type->free_per_socket[socket] * type->page_sz;
	}
	return bytes;
}

void
eal_numa_nodes_discover(const struct eal_hugepage_paths *paths,
	bool present[RTE_MAX_NUMA_NODES])
{
	char path[PATH_MAX];
	struct stat st;
	bool any = false;
	unsigned int node;

	for (node = 0; node < RTE_MAX_NUMA_NODES; node++) {
		snprintf(path, sizeof(path), "%s/node%u", paths->sysfs_nodes,
			node);
		present[node] = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
		any = any || present[node];
	}
	if (!any)
		present[0] = true;
}
