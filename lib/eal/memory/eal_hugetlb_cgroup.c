/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Whether a hugetlb cgroup limits this process's hugepage faults.
 *
 * A hugetlb reservation (a shared mapping without MAP_NORESERVE) makes
 * the kernel promise every later fault of the range a page, except under
 * a hugetlb cgroup limit on faults: cgroup v2's hugetlb.<size>.max or
 * v1's hugetlb.<size>.limit_in_bytes are charged at fault time, and a
 * fault over the limit raises SIGBUS (the kernel's
 * admin-guide/cgroup-v1/hugetlb.rst). Only the .rsvd limits are charged
 * at reservation time. Under a fault limit the EAL allocates its pages
 * up front, where the excess fails cleanly. The limit of the process's
 * own cgroup and of every ancestor counts.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eal_hugepages.h"

/* v1 shows "no limit" as the largest page multiple below 2^63. */
#define V1_NO_LIMIT (UINT64_C(1) << 62)

/* The kernel's name of a page size in the cgroup files: 2MB, 1GB, 64KB. */
static void
size_name(uint64_t page_sz, char *buf, size_t len)
{
	if (page_sz >= (UINT64_C(1) << 30))
		snprintf(buf, len, "%" PRIu64 "GB", page_sz >> 30);
	else if (page_sz >= (UINT64_C(1) << 20))
		snprintf(buf, len, "%" PRIu64 "MB", page_sz >> 20);
	else
		snprintf(buf, len, "%" PRIu64 "KB", page_sz >> 10);
}

/* True when the file holds a limit (v2: not "max"; v1: below V1_NO_LIMIT). */
static bool
file_limits(const char *path, bool v2)
{
	char text[64] = "";
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return false;
	if (fgets(text, sizeof(text), f) == NULL)
		text[0] = '\0';
	fclose(f);
	text[strcspn(text, "\n")] = '\0';
	if (text[0] == '\0')
		return false;
	if (v2)
		return strcmp(text, "max") != 0;
	return strtoull(text, NULL, 10) < V1_NO_LIMIT;
}

/* Checks base/cg and each ancestor up to base. */
static bool
tree_limits(const char *base, const char *cg, const char *file, bool v2)
{
	char dir[PATH_MAX], path[PATH_MAX];
	char *slash;

	if (snprintf(dir, sizeof(dir), "%s%s", base, cg) >= (int)sizeof(dir))
		return false;
	for (;;) {
		dir[strcspn(dir, "\n")] = '\0';
		while (strlen(dir) > strlen(base) && dir[strlen(dir) - 1] == '/')
			dir[strlen(dir) - 1] = '\0';
		if (snprintf(path, sizeof(path), "%s/%s", dir, file) <
				(int)sizeof(path) &&
			file_limits(path, v2))
			return true;
		if (strlen(dir) <= strlen(base))
			return false;
		slash = strrchr(dir, '/');
		if (slash == NULL || slash < dir + strlen(base))
			return false;
		*slash = '\0';
	}
}

/* True when the comma-separated list names the hugetlb controller. */
static bool
has_hugetlb(char *controllers)
{
	char *save = NULL, *tok;

	for (tok = strtok_r(controllers, ",", &save); tok != NULL;
		tok = strtok_r(NULL, ",", &save))
		if (strcmp(tok, "hugetlb") == 0)
			return true;
	return false;
}

bool
eal_hugetlb_fault_limited(const char *proc_cgroup, const char *cgroup_root,
	uint64_t page_sz)
{
	char line[PATH_MAX + 128], name[16], file[64], base[PATH_MAX];
	char *ctrl, *cg;
	bool limited = false;
	FILE *f;

	f = fopen(proc_cgroup, "r");
	if (f == NULL)
		return false;
	size_name(page_sz, name, sizeof(name));
	while (!limited && fgets(line, sizeof(line), f) != NULL) {
		ctrl = strchr(line, ':');
		cg = ctrl == NULL ? NULL : strchr(ctrl + 1, ':');
		if (cg == NULL)
			continue;
		*cg++ = '\0';
		ctrl++;
		if (strncmp(line, "0:", 2) == 0 && *ctrl == '\0') {
			snprintf(file, sizeof(file), "hugetlb.%s.max", name);
			limited = tree_limits(cgroup_root, cg, file, true);
		} else if (has_hugetlb(ctrl) &&
			snprintf(base, sizeof(base), "%s/hugetlb",
				cgroup_root) < (int)sizeof(base)) {
			snprintf(file, sizeof(file),
				"hugetlb.%s.limit_in_bytes", name);
			limited = tree_limits(base, cg, file, false);
		}
	}
	fclose(f);
	return limited;
}
