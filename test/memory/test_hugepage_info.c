/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Hugepage discovery against a fake sysfs/procfs tree: sizes, free pages
 * per node, overcommit, hugetlbfs mounts and their page sizes, and every
 * way --huge-dir can be wrong. No root, no hugepages.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <rte_errno.h>
#include <rte_memory.h>

#include "memory/eal_hugepages.h"

struct fake_tree {
	char root[64]; /* short: keeps every path below PATH_MAX */
	char hugepages[PATH_MAX];
	char nodes[PATH_MAX];
	char mounts[PATH_MAX];
	char meminfo[PATH_MAX];
	struct eal_hugepage_paths paths;
};

static void
write_file(const char *path, const char *fmt, ...)
{
	va_list ap;
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fclose(f);
}

/* mkdir -p below the tree's root. */
static void
make_dir(const struct fake_tree *t, const char *rel, char *out)
{
	char path[PATH_MAX], *p;

	if (snprintf(path, sizeof(path), "%s/%s", t->root, rel) >=
		(int)sizeof(path))
		fail();
	for (p = path + strlen(t->root) + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	mkdir(path, 0755);
	if (out != NULL)
		snprintf(out, PATH_MAX, "%s", path);
}

static void
write_counter(const struct fake_tree *t, const char *dir, const char *name,
	unsigned int value)
{
	char path[PATH_MAX * 2];

	snprintf(path, sizeof(path), "%s/%s/%s", t->root, dir, name);
	write_file(path, "%u\n", value);
}

/*
 * 2 MiB: 10 free (6 on node 0, 4 on node 1), 1 GiB: 2 free, 64 kB: not
 * supported. Mounts: one per size, one with a space in its name and no
 * pagesize= (the default, 2 MiB), and a tmpfs.
 */
static int
setup(void **state)
{
	static const char *hp = "sys/kernel/mm/hugepages";
	struct fake_tree *t = calloc(1, sizeof(*t));
	char dir[128];

	snprintf(t->root, sizeof(t->root), "/tmp/pollux_hp_XXXXXX");
	assert_non_null(mkdtemp(t->root));
	make_dir(t, "sys/kernel/mm/hugepages/hugepages-2048kB", NULL);
	make_dir(t, "sys/kernel/mm/hugepages/hugepages-1048576kB", NULL);
	make_dir(t, "sys/kernel/mm/hugepages/hugepages-64kB", NULL);
	write_counter(t, "sys/kernel/mm/hugepages/hugepages-2048kB",
		"free_hugepages", 10);
	write_counter(t, "sys/kernel/mm/hugepages/hugepages-1048576kB",
		"free_hugepages", 2);
	write_counter(t, "sys/kernel/mm/hugepages/hugepages-64kB",
		"free_hugepages", 100);
	make_dir(t, "sys/devices/system/node/node0/hugepages/hugepages-2048kB",
		NULL);
	make_dir(t, "sys/devices/system/node/node1/hugepages/hugepages-2048kB",
		NULL);
	write_counter(t,
		"sys/devices/system/node/node0/hugepages/"
		"hugepages-2048kB",
		"free_hugepages", 6);
	write_counter(t,
		"sys/devices/system/node/node1/hugepages/"
		"hugepages-2048kB",
		"free_hugepages", 4);
	make_dir(t, "mnt/huge2m/sub", NULL);
	make_dir(t, "mnt/huge1g", NULL);
	make_dir(t, "mnt/with space", NULL);
	make_dir(t, "mnt/tmp", NULL);
	snprintf(t->hugepages, sizeof(t->hugepages), "%s/%s", t->root, hp);
	snprintf(t->nodes, sizeof(t->nodes), "%s/sys/devices/system/node",
		t->root);
	snprintf(t->mounts, sizeof(t->mounts), "%s/mounts", t->root);
	snprintf(t->meminfo, sizeof(t->meminfo), "%s/meminfo", t->root);
	snprintf(dir, sizeof(dir), "%s/mnt", t->root);
	write_file(t->mounts,
		"proc /proc proc rw,nosuid 0 0\n"
		"tmpfs %s/tmp tmpfs rw 0 0\n"
		"nodev %s/huge1g hugetlbfs rw,relatime,pagesize=1024M 0 0\n"
		"nodev %s/huge2m hugetlbfs rw,relatime,pagesize=2M 0 0\n"
		"nodev %s/with\\040space hugetlbfs rw,relatime 0 0\n",
		dir, dir, dir, dir);
	write_file(t->meminfo, "MemTotal:  1000 kB\nHugepagesize:    2048 kB\n");
	t->paths.sysfs_hugepages = t->hugepages;
	t->paths.sysfs_nodes = t->nodes;
	t->paths.mounts = t->mounts;
	t->paths.meminfo = t->meminfo;
	t->paths.probe_memfd = false;
	*state = t;
	return 0;
}

static int
teardown(void **state)
{
	struct fake_tree *t = *state;
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->root);
	if (system(cmd) != 0)
		return -1;
	free(t);
	return 0;
}

static void
test_sizes_and_counts(void **state)
{
	struct fake_tree *t = *state;
	struct eal_hugepage_info info;
	char dir[PATH_MAX];

	assert_int_equal(eal_hugepage_discover(&t->paths, NULL, &info), 0);
	assert_int_equal(info.nb_types, 2);
	assert_false(info.huge_dir_given);
	assert_true(info.types[0].page_sz == RTE_PGSIZE_2M);
	assert_true(info.types[1].page_sz == RTE_PGSIZE_1G);
	assert_int_equal(info.types[0].free_pages, 10);
	assert_int_equal(info.types[0].free_per_socket[0], 6);
	assert_int_equal(info.types[0].free_per_socket[1], 4);
	/* No per-node counters for 1 GiB: all of it counts as socket 0. */
	assert_int_equal(info.types[1].free_pages, 2);
	assert_int_equal(info.types[1].free_per_socket[0], 2);
	assert_false(info.types[0].has_memfd);
	snprintf(dir, sizeof(dir), "%s/mnt/huge2m", t->root);
	assert_string_equal(info.types[0].dir, dir);
	snprintf(dir, sizeof(dir), "%s/mnt/huge1g", t->root);
	assert_string_equal(info.types[1].dir, dir);
	assert_true(eal_hugepage_type_usable(&info.types[0]));
	assert_true(eal_hugepage_free_bytes(&info, SOCKET_ID_ANY) ==
		10 * RTE_PGSIZE_2M + 2 * RTE_PGSIZE_1G);
	assert_true(eal_hugepage_free_bytes(&info, 1) == 4 * RTE_PGSIZE_2M);
	assert_true(eal_hugepage_free_bytes(&info, 5) == 0);
}

static void
test_overcommit(void **state)
{
	struct fake_tree *t = *state;
	struct eal_hugepage_info info;

	write_counter(t, "sys/kernel/mm/hugepages/hugepages-2048kB",
		"nr_overcommit_hugepages", 8);
	write_counter(t, "sys/kernel/mm/hugepages/hugepages-2048kB",
		"surplus_hugepages", 3);
	assert_int_equal(eal_hugepage_discover(&t->paths, NULL, &info), 0);
	assert_int_equal(info.types[0].free_pages, 10 + 5);
	assert_int_equal(info.types[0].free_per_socket[1], 4 + 5);
	write_counter(t, "sys/kernel/mm/hugepages/hugepages-2048kB",
		"nr_overcommit_hugepages", 0);
}

/* Free pages reserved by mappings not yet touched are not free to us. */
static void
test_reserved(void **state)
{
	struct fake_tree *t = *state;
	struct eal_hugepage_info info;

	write_counter(t, "sys/kernel/mm/hugepages/hugepages-2048kB",
		"resv_hugepages", 7);
	assert_int_equal(eal_hugepage_discover(&t->paths, NULL, &info), 0);
	assert_int_equal(info.types[0].free_pages, 3);
	/* Not per node: each node is capped at the pool's free pages. */
	assert_int_equal(info.types[0].free_per_socket[0], 3);
	assert_int_equal(info.types[0].free_per_socket[1], 3);
	write_counter(t, "sys/kernel/mm/hugepages/hugepages-2048kB",
		"resv_hugepages", 12);
	assert_int_equal(eal_hugepage_discover(&t->paths, NULL, &info), 0);
	assert_int_equal(info.types[0].free_pages, 0);
	write_counter(t, "sys/kernel/mm/hugepages/hugepages-2048kB",
		"resv_hugepages", 0);
}

static void
test_no_hugepages(void **state)
{
	struct fake_tree *t = *state;
	struct eal_hugepage_paths paths = t->paths;
	struct eal_hugepage_info info;
	char empty[PATH_MAX];

	snprintf(empty, sizeof(empty), "%s/nothing", t->root);
	paths.sysfs_hugepages = empty;
	paths.mounts = empty;
	assert_int_equal(eal_hugepage_discover(&paths, NULL, &info), 0);
	assert_int_equal(info.nb_types, 0);
	assert_true(eal_hugepage_free_bytes(&info, SOCKET_ID_ANY) == 0);
}

static void
test_no_backing(void **state)
{
	struct fake_tree *t = *state;
	struct eal_hugepage_paths paths = t->paths;
	struct eal_hugepage_info info;
	char empty[PATH_MAX];

	/* Pages but neither memfd nor a mount: none is usable. */
	snprintf(empty, sizeof(empty), "%s/nothing", t->root);
	paths.mounts = empty;
	assert_int_equal(eal_hugepage_discover(&paths, NULL, &info), 0);
	assert_int_equal(info.nb_types, 2);
	assert_false(eal_hugepage_type_usable(&info.types[0]));
	assert_true(eal_hugepage_free_bytes(&info, SOCKET_ID_ANY) == 0);
}

static void
test_huge_dir(void **state)
{
	struct fake_tree *t = *state;
	struct eal_hugepage_info info;
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s/mnt/huge1g", t->root);
	assert_int_equal(eal_hugepage_discover(&t->paths, dir, &info), 0);
	assert_int_equal(info.nb_types, 1);
	assert_true(info.huge_dir_given);
	assert_true(info.types[0].page_sz == RTE_PGSIZE_1G);
	assert_string_equal(info.types[0].dir, dir);
	/* A sub-directory of a mount, spelt with "..". */
	snprintf(dir, sizeof(dir), "%s/mnt/huge1g/../huge2m/sub", t->root);
	assert_int_equal(eal_hugepage_discover(&t->paths, dir, &info), 0);
	assert_true(info.types[0].page_sz == RTE_PGSIZE_2M);
	snprintf(dir, sizeof(dir), "%s/mnt/huge2m/sub", t->root);
	assert_string_equal(info.types[0].dir, dir);
	/* The mount with an escaped space and the default page size. */
	snprintf(dir, sizeof(dir), "%s/mnt/with space", t->root);
	assert_int_equal(eal_hugepage_discover(&t->paths, dir, &info), 0);
	assert_true(info.types[0].page_sz == RTE_PGSIZE_2M);
}

static void
test_huge_dir_errors(void **state)
{
	struct fake_tree *t = *state;
	struct eal_hugepage_info info;
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s/mnt/missing", t->root);
	rte_errno = 0;
	assert_int_equal(eal_hugepage_discover(&t->paths, dir, &info), -1);
	assert_int_equal(rte_errno, EINVAL);
	snprintf(dir, sizeof(dir), "%s/mnt/tmp", t->root);
	rte_errno = 0;
	assert_int_equal(eal_hugepage_discover(&t->paths, dir, &info), -1);
	assert_int_equal(rte_errno, EINVAL);
	/* "huge2mx" starts like a mount point but is not inside it. */
	snprintf(dir, sizeof(dir), "%s/mnt/huge2mx", t->root);
	mkdir(dir, 0755);
	rte_errno = 0;
	assert_int_equal(eal_hugepage_discover(&t->paths, dir, &info), -1);
	assert_int_equal(rte_errno, EINVAL);
	if (geteuid() != 0) {
		snprintf(dir, sizeof(dir), "%s/mnt/huge2m/sub", t->root);
		chmod(dir, 0555);
		rte_errno = 0;
		assert_int_equal(eal_hugepage_discover(&t->paths, dir, &info),
			-1);
		assert_int_equal(rte_errno, EACCES);
		chmod(dir, 0755);
	}
}

static void
test_numa_nodes(void **state)
{
	struct fake_tree *t = *state;
	struct eal_hugepage_paths paths = t->paths;
	bool present[RTE_MAX_NUMA_NODES];
	char empty[PATH_MAX];

	eal_numa_nodes_discover(&paths, present);
	assert_true(present[0]);
	if (RTE_MAX_NUMA_NODES > 2) {
		assert_true(present[1]);
		assert_false(present[2]);
	}
	snprintf(empty, sizeof(empty), "%s/nothing", t->root);
	paths.sysfs_nodes = empty;
	eal_numa_nodes_discover(&paths, present);
	assert_true(present[0]);
	if (RTE_MAX_NUMA_NODES > 1)
		assert_false(present[1]);
}

/*
 * Hugetlb cgroup fault limits (the EAL then allocates up front): v2's
 * hugetlb.<size>.max other than "max", in the process's cgroup or an
 * ancestor; v1's hugetlb.<size>.limit_in_bytes below "unlimited"; not
 * the .rsvd limits, not another page size, not a missing file.
 */
static void
test_cgroup_fault_limit(void **state)
{
	struct fake_tree *t = *state;
	char proc[PATH_MAX], root[PATH_MAX], dir[PATH_MAX], path[PATH_MAX * 2];
	const uint64_t mb2 = 2U << 20, gb1 = UINT64_C(1) << 30;

	make_dir(t, "cg/sys/fs/cgroup/a/b", dir);
	snprintf(root, sizeof(root), "%s/cg/sys/fs/cgroup", t->root);
	snprintf(proc, sizeof(proc), "%s/cg/self_cgroup", t->root);
	assert_false(eal_hugetlb_fault_limited(proc, root, mb2));
	write_file(proc, "0::/a/b\n");
	assert_false(eal_hugetlb_fault_limited(proc, root, mb2));
	snprintf(path, sizeof(path), "%s/hugetlb.2MB.max", dir);
	write_file(path, "max\n");
	snprintf(path, sizeof(path), "%s/hugetlb.2MB.rsvd.max", dir);
	write_file(path, "4194304\n");
	assert_false(eal_hugetlb_fault_limited(proc, root, mb2));
	/* A limit on the parent binds the child. */
	snprintf(path, sizeof(path), "%s/a/hugetlb.2MB.max", root);
	write_file(path, "4194304\n");
	assert_true(eal_hugetlb_fault_limited(proc, root, mb2));
	assert_false(eal_hugetlb_fault_limited(proc, root, gb1));
	snprintf(path, sizeof(path), "%s/a/hugetlb.1GB.max", root);
	write_file(path, "1073741824\n");
	assert_true(eal_hugetlb_fault_limited(proc, root, gb1));
	/* v1: the hugetlb hierarchy under ROOT/hugetlb. */
	make_dir(t, "cg/sys/fs/cgroup/hugetlb/c", dir);
	write_file(proc, "5:cpu,cpuacct:/c\n4:memory,hugetlb:/c\n");
	snprintf(path, sizeof(path), "%s/hugetlb.2MB.limit_in_bytes", dir);
	write_file(path, "9223372036854771712\n");
	assert_false(eal_hugetlb_fault_limited(proc, root, mb2));
	write_file(path, "8388608\n");
	assert_true(eal_hugetlb_fault_limited(proc, root, mb2));
	write_file(proc, "5:cpu,cpuacct:/c\n4:memory:/c\n");
	assert_false(eal_hugetlb_fault_limited(proc, root, mb2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes_and_counts),
		cmocka_unit_test(test_overcommit),
		cmocka_unit_test(test_reserved),
		cmocka_unit_test(test_no_hugepages),
		cmocka_unit_test(test_no_backing),
		cmocka_unit_test(test_huge_dir),
		cmocka_unit_test(test_huge_dir_errors),
		cmocka_unit_test(test_numa_nodes),
		cmocka_unit_test(test_cgroup_fault_limit),
	};

	return cmocka_run_group_tests_name("hugepage_info", tests, setup,
		teardown);
}
