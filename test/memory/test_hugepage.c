/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Hugepages for real (suite "root"/"hugepages"): the suite reserves 2 MiB
 * hugepages through sysfs, and gives the old count back in its teardown.
 * It skips (exit 77) when not root or when no hugepage can be reserved.
 *
 * Checked: -m pre-reservation and growth on demand take hugepages and
 * give them all back at rte_eal_cleanup() and when the process is killed
 * with SIGKILL (no file left in any hugetlbfs mount either); IOVA-as-PA
 * addresses match /proc/self/pagemap; an IOVA-contiguous memzone is
 * physically contiguous page by page; the fallback to ordinary memory
 * when no hugepage is free; the errors for -m beyond the free pages,
 * --iova-mode=pa with --no-huge or without CAP_SYS_ADMIN, a bad --huge-dir.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/capability.h>

#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#include "eal_private.h"
#include "memory_test.h"

#define HP_DIR	  "/sys/kernel/mm/hugepages/hugepages-2048kB"
#define HP_WANTED 128U /* 256 MiB */
#define HP_SIZE	  (2U << 20)

static long saved_nr_hugepages = -1;

static long
read_counter(const char *name)
{
	char path[256];
	long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), HP_DIR "/%s", name);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

static int
write_nr_hugepages(long n)
{
	FILE *f = fopen(HP_DIR "/nr_hugepages", "w");
	int ret;

	if (f == NULL)
		return -1;
	ret = fprintf(f, "%ld\n", n) > 0 ? 0 : -1;
	if (fclose(f) != 0)
		ret = -1;
	return ret;
}

static long
free_pages(void)
{
	return read_counter("free_hugepages");
}

/* Hugepages nobody holds or has reserved: what a new mapping may take. */
static long
available_pages(void)
{
	return free_pages() - read_counter("resv_hugepages");
}

/* The physical address pagemap shows for addr, or 0. */
static uint64_t
pagemap_pa(const void *addr)
{
	uint64_t entry = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);
	off_t off = (off_t)((uintptr_t)addr / 4096) * 8;

	if (fd < 0)
		return 0;
	if (pread(fd, &entry, sizeof(entry), off) != sizeof(entry))
		entry = 0;
	close(fd);
	if ((entry >> 63) == 0)
		return 0;
	return (entry & ((UINT64_C(1) << 55) - 1)) * 4096 +
		(uintptr_t)addr % 4096;
}

/*
 * Asks the kernel to defragment memory first, so the pages reserved next
 * include physically adjacent ones: the contiguous-memzone cases need a
 * few, and a busy machine can leave the free memory too fragmented.
 */
static void
compact_memory(void)
{
	FILE *f = fopen("/proc/sys/vm/compact_memory", "w");

	if (f == NULL)
		return;
	fputs("1\n", f);
	fclose(f);
}

static int
group_setup(void **state)
{
	(void)state;
	if (geteuid() != 0)
		exit(test_skip("hugepage suite needs root"));
	saved_nr_hugepages = read_counter("nr_hugepages");
	if (saved_nr_hugepages < 0)
		exit(test_skip("no 2 MiB hugepage support in this kernel"));
	compact_memory();
	if (write_nr_hugepages(saved_nr_hugepages + HP_WANTED) < 0 ||
		free_pages() < (long)HP_WANTED / 2) {
		write_nr_hugepages(saved_nr_hugepages);
		exit(test_skip("cannot reserve 2 MiB hugepages"));
	}
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	if (saved_nr_hugepages >= 0)
		write_nr_hugepages(saved_nr_hugepages);
	return 0;
}

/* IOVA is the physical address, for several addresses of a block. */
static int
check_pa(const char *p, size_t len)
{
	size_t off;

	for (off = 0; off < len; off += len / 7 + 4093) {
		CHECK(rte_mem_virt2iova(p + off) == pagemap_pa(p + off));
		CHECK(rte_mem_virt2phy(p + off) == pagemap_pa(p + off));
		CHECK(rte_malloc_virt2iova(p + off) == pagemap_pa(p + off));
	}
	return 0;
}

static int
check_hugepage_segment(const struct rte_memseg_list *msl,
	const struct rte_memseg *ms, void *arg)
{
	(void)arg;
	if (ms->hugepage_sz != HP_SIZE || msl->page_sz != HP_SIZE ||
		ms->len != HP_SIZE)
		return -1;
	return pagemap_pa(ms->addr) == ms->iova ? 0 : -1;
}

MEM_BODY(prereserve_body)
{
	long before = available_pages();
	char *p;

	CHECK(rte_eal_has_hugepages() == 1);
	CHECK(rte_eal_iova_mode() == RTE_IOVA_PA);
	CHECK(rte_eal_get_physmem_size() >= (64 << 20));
	p = rte_malloc(NULL, 1 << 20, 0);
	CHECK(p != NULL);
	memset(p, 0x33, 1 << 20);
	CHECK(check_pa(p, 1 << 20) == 0);
	CHECK(rte_memseg_walk(check_hugepage_segment, NULL) == 0);
	/* Pre-reserved memory is used first: no new page was taken nor
	 * reserved (its pages are faulted out of the reservation). */
	CHECK(available_pages() == before);
	rte_free(p);
	return 0;
}

static void
test_prereserve(void **state)
{
	long before = free_pages();

	(void)state;
	mem_run("-l 0 -m 64", prereserve_body);
	assert_int_equal(free_pages(), before);
}

MEM_BODY(on_demand_body)
{
	long before = free_pages();
	char *p;

	CHECK(rte_eal_get_physmem_size() == 0);
	p = rte_malloc(NULL, 10 << 20, 0);
	CHECK(p != NULL);
	memset(p, 0x44, 10 << 20);
	CHECK(rte_eal_get_physmem_size() >= (10 << 20));
	CHECK(free_pages() <= before - 5);
	CHECK(check_pa(p, 10 << 20) == 0);
	rte_free(p);
	return 0;
}

static void
test_on_demand(void **state)
{
	long before = free_pages();

	(void)state;
	mem_run("-l 0", on_demand_body);
	assert_int_equal(free_pages(), before);
}

/* Every 4 KiB page of the memzone is where mz->iova says. */
static int
check_contig(const struct rte_memzone *mz)
{
	size_t off;

	for (off = 0; off < mz->len; off += 4096)
		CHECK(pagemap_pa((const char *)mz->addr + off) ==
			mz->iova + off);
	return 0;
}

/* contig_body's answer when the kernel gave the EAL no 4 adjacent pages. */
#define CONTIG_NOT_GIVEN (-77)

MEM_BODY(contig_body)
{
	const struct rte_memzone *mz, *mz2;

	mz = rte_memzone_reserve_aligned("contig", 8 << 20, SOCKET_ID_ANY,
		RTE_MEMZONE_2MB | RTE_MEMZONE_IOVA_CONTIG, 1 << 20);
	/* ENOMEM is the documented answer when the pages the EAL got are
	 * not physically adjacent: which pages the kernel hands to this
	 * process is outside its control (the parent's count is only a
	 * hint: another process may take the run in between). */
	if (mz == NULL && rte_errno == ENOMEM)
		return CONTIG_NOT_GIVEN;
	CHECK(mz != NULL);
	CHECK(mz->hugepage_sz == HP_SIZE && mz->len == (8 << 20));
	memset(mz->addr, 0x55, mz->len);
	CHECK(check_contig(mz) == 0);
	mz2 = rte_memzone_reserve("contig2", 3 << 20, SOCKET_ID_ANY, 0);
	CHECK(mz2 != NULL);
	CHECK(check_contig(mz2) == 0);
	CHECK(rte_memzone_free(mz) == 0);
	CHECK(rte_memzone_free(mz2) == 0);
	/* No 1 GiB pages were reserved: no memzone from them. */
	rte_errno = 0;
	CHECK(rte_memzone_reserve("g", 64, SOCKET_ID_ANY, RTE_MEMZONE_1GB) ==
			NULL &&
		rte_errno == ENOMEM);
	return 0;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The longest run of physically adjacent pages among the free 2 MiB
 * hugepages, found by mapping them all and reading their frame numbers.
 * Which pages the kernel hands out depends on how fragmented memory is,
 * so the contiguity case can only require what the pool can give.
 */
static long
longest_free_run(void)
{
	long n = free_pages(), i, run = 1, best = 0;
	uint64_t *pfn = calloc((size_t)RTE_MAX(n, 1L), sizeof(*pfn));
	int fd = open("/proc/self/pagemap", O_RDONLY);
	char *p = MAP_FAILED;

	if (n > 0 && pfn != NULL && fd >= 0)
		p = mmap(NULL, (size_t)n * HP_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | MAP_POPULATE,
			-1, 0);
	for (i = 0; p != MAP_FAILED && i < n; i++) {
		uint64_t entry = 0;
		off_t off = (off_t)(((uintptr_t)p + (uintptr_t)i * HP_SIZE) /
			4096 * 8);

		if (pread(fd, &entry, sizeof(entry), off) == sizeof(entry))
			pfn[i] = entry & ((UINT64_C(1) << 55) - 1);
	}
	if (p != MAP_FAILED) {
		munmap(p, (size_t)n * HP_SIZE);
		qsort(pfn, (size_t)n, sizeof(*pfn), cmp_u64);
		for (best = 1, i = 1; i < n; i++) {
			run = pfn[i] == pfn[i - 1] + HP_SIZE / 4096 ? run + 1 :
								      1;
			best = RTE_MAX(best, run);
		}
	}
	if (fd >= 0)
		close(fd);
	free(pfn);
	return best;
}

static void
test_contig_memzone(void **state)
{
	struct eal_run r;
	long before = free_pages();
	long run = longest_free_run();

	(void)state;
	if (run < 4) {
		printf("SKIP: the free hugepages hold no 4 physically adjacent "
		       "pages (longest run %ld): memory is too fragmented\n",
			run);
		skip();
	}
	eal_run("-l 0", contig_body, &r);
	if (r.ret >= 0 && r.hook_ret == CONTIG_NOT_GIVEN && r.status == 0) {
		printf("SKIP: an 8 MiB IOVA-contiguous memzone failed with "
		       "ENOMEM: the kernel gave this process no 4 adjacent "
		       "pages (the free pool had a run of %ld)\n",
			run);
		assert_int_equal(free_pages(), before);
		skip();
	}
	mem_run_report("-l 0", &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(r.status, 0);
	assert_int_equal(free_pages(), before);
}

/* Files of any hugetlbfs mount whose name starts with prefix. */
static int
count_files_in(const char *dir, const char *prefix)
{
	struct dirent *de;
	int n = 0;
	DIR *d = opendir(dir);

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

static int
count_hugetlbfs_files(const char *prefix)
{
	char dev[256], dir[512], type[64], rest[512];
	int n = 0;
	FILE *f = fopen("/proc/mounts", "r");

	if (f == NULL)
		return 0;
	while (fscanf(f, "%255s %511s %63s %511[^\n]", dev, dir, type, rest) ==
		4)
		if (strcmp(type, "hugetlbfs") == 0)
			n += count_files_in(dir, prefix);
	fclose(f);
	return n;
}

/* A child holding hugepages is killed with SIGKILL. */
static void
kill_holder(const char *args, const char *prefix)
{
	char *argv[16] = { "test" }, *copy = strdup(args), *save = NULL;
	long before = free_pages(), resv = read_counter("resv_hugepages");
	long avail = available_pages(), held;
	int argc = 1, pipefd[2], status;
	char ready = 0;
	pid_t pid;

	for (char *tok = strtok_r(copy, " ", &save); tok != NULL && argc < 15;
		tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	assert_int_equal(pipe(pipefd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (rte_eal_init(argc, argv) < 0 ||
			rte_malloc(NULL, 20 << 20, 0) == NULL)
			_exit(1);
		ready = 1;
		if (write(pipefd[1], &ready, 1) != 1)
			_exit(2);
		pause();
		_exit(0);
	}
	close(pipefd[1]);
	if (read(pipefd[0], &ready, 1) != 1)
		ready = 0;
	close(pipefd[0]);
	/* Taken or reserved (IOVA as PA reserves -m lazily too). */
	held = avail - available_pages();
	/* Killed before any assertion: a failure must not leave it behind. */
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	assert_int_equal(ready, 1);
	assert_true(held >= 16);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	/* The kernel frees the pages once the dead process is reaped. */
	for (int i = 0; i < 100 &&
		(free_pages() != before ||
			read_counter("resv_hugepages") != resv);
		i++)
		usleep(10000);
	assert_int_equal(free_pages(), before);
	assert_int_equal(read_counter("resv_hugepages"), resv);
	assert_int_equal(count_hugetlbfs_files(prefix), 0);
	free(copy);
}

static void
test_kill9(void **state)
{
	(void)state;
	kill_holder("-l 0 -m 32 --file-prefix kill9test", "kill9test");
}

/* A hugetlbfs mount of our own for one case; NULL state if impossible. */
static int
mount_setup(void **state)
{
	static char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/pollux_hugetlbfs_XXXXXX");
	*state = NULL;
	if (mkdtemp(dir) == NULL)
		return 0;
	if (mount("nodev", dir, "hugetlbfs", 0, "pagesize=2M") != 0) {
		print_message("cannot mount hugetlbfs: %s\n", strerror(errno));
		rmdir(dir);
		return 0;
	}
	*state = dir;
	return 0;
}

static int
mount_teardown(void **state)
{
	if (*state != NULL) {
		umount2(*state, MNT_DETACH);
		rmdir(*state);
	}
	return 0;
}

/* The same with files in that mount (--huge-dir): none may remain. */
static void
test_kill9_huge_dir(void **state)
{
	const char *dir = *state;
	char args[128];

	if (dir == NULL)
		skip();
	snprintf(args, sizeof(args),
		"-l 0 -m 32 --huge-dir %s "
		"--file-prefix hd9",
		dir);
	kill_holder(args, "hd9");
	assert_int_equal(count_files_in(dir, ""), 2); /* . and .. */
}

static void
expect_init_error(const char *args, int err, const char *text)
{
	struct eal_run r;

	eal_run(args, NULL, &r);
	if (r.ret >= 0 || r.err != err || strstr(r.err_text, text) == NULL)
		print_message("'%s': init %d, rte_errno %d (want %d), "
			      "stderr:\n%s",
			args, r.ret, r.err, err, r.err_text);
	assert_true(r.ret < 0);
	assert_int_equal(r.err, err);
	assert_non_null(strstr(r.err_text, text));
}

/* No hugepage free: one warning, ordinary memory, IOVA as VA. */
MEM_BODY(fallback_body)
{
	void *p;

	CHECK(rte_eal_has_hugepages() == 0);
	CHECK(rte_eal_iova_mode() == RTE_IOVA_VA);
	p = rte_malloc(NULL, 4 << 20, 0);
	CHECK(p != NULL && rte_mem_virt2iova(p) == (uintptr_t)p);
	rte_free(p);
	return 0;
}

MEM_BODY(fallback_8m_body)
{
	CHECK(rte_eal_has_hugepages() == 0);
	CHECK(rte_eal_get_physmem_size() >= (8 << 20));
	return 0;
}

/* Ordinary memory or hugepages, the heap stays within 32 MiB. */
MEM_BODY(limit_32m_body)
{
	struct rte_malloc_socket_stats stats;
	void *a, *b;

	a = rte_malloc(NULL, 16 << 20, 0);
	CHECK(a != NULL);
	b = rte_malloc(NULL, 20 << 20, 0);
	CHECK(b == NULL && rte_errno == ENOMEM);
	CHECK(rte_malloc_get_socket_stats(0, &stats) == 0);
	CHECK(stats.heap_totalsz_bytes <= (32 << 20));
	b = rte_malloc(NULL, 1 << 20, 0);
	CHECK(b != NULL);
	rte_free(a);
	rte_free(b);
	return 0;
}

MEM_BODY(no_limit_body)
{
	void *a = rte_malloc(NULL, 16 << 20, 0),
	     *b = rte_malloc(NULL, 20 << 20, 0);

	CHECK(a != NULL && b != NULL);
	rte_free(a);
	rte_free(b);
	return 0;
}

/* Init succeeds in ordinary memory with one warning, and body passes. */
static void
expect_fallback(const char *args, eal_run_hook body)
{
	struct eal_run r;

	eal_run(args, body, &r);
	mem_run_report(args, &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(eal_run_lines(r.err_text), 1);
	assert_non_null(strstr(r.err_text, "no free hugepages"));
}

static void
test_fallback(void **state)
{
	long nr = read_counter("nr_hugepages");

	(void)state;
	/* Only other processes' pages may stay: none is free. */
	assert_int_equal(write_nr_hugepages(0), 0);
	if (free_pages() != 0) {
		write_nr_hugepages(nr);
		skip();
	}
	/* One rule: amounts, zero or not, fall back alike and are kept. */
	expect_fallback("-l 0", fallback_body);
	expect_fallback("-l 0 -m 8", fallback_8m_body);
	expect_fallback("-l 0 --socket-mem 0", fallback_body);
	expect_fallback("-l 0 --socket-mem 8", fallback_8m_body);
	expect_fallback("-l 0 --socket-limit 32", limit_32m_body);
	/* Asking for PA does not fall back. */
	expect_init_error("-l 0 --iova-mode pa", EINVAL, "--iova-mode=pa");
	assert_int_equal(write_nr_hugepages(nr), 0);
}

/* --socket-limit 32: the heap never passes 32 MiB; 0 is no limit. */
static void
test_socket_limit(void **state)
{
	long before = free_pages();

	(void)state;
	mem_run("-l 0 --socket-limit 32", limit_32m_body);
	mem_run("-l 0 --socket-limit 0", no_limit_body);
	mem_run("-l 0 -m 8 --socket-limit 32", limit_32m_body);
	assert_int_equal(free_pages(), before);
}

/* On a worker: 0 when its stack lies in EAL hugepage memory. */
static int
stack_in_hugepages(void *arg)
{
	const struct rte_memseg *ms;
	volatile char local = 1;

	(void)arg;
	ms = rte_mem_virt2memseg((const void *)&local, NULL);
	if (ms == NULL)
		return 1;
	return ms->hugepage_sz >= HP_SIZE ? 0 : 2;
}

MEM_BODY(worker_stack_body)
{
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);

	CHECK(worker < RTE_MAX_LCORE);
	CHECK(rte_eal_remote_launch(stack_in_hugepages, NULL, worker) == 0);
	CHECK(rte_eal_wait_lcore(worker) == 0);
	/* And the main thread's is not. */
	CHECK(stack_in_hugepages(NULL) == 1);
	return 0;
}

MEM_BODY(worker_stack_ordinary_body)
{
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);

	CHECK(rte_eal_remote_launch(stack_in_hugepages, NULL, worker) == 0);
	CHECK(rte_eal_wait_lcore(worker) == 1);
	return 0;
}

/* --huge-worker-stack[=KB]: worker stacks in hugepages, given back at
 * cleanup; too big a stack for -m fails init with one line. */
static void
test_huge_worker_stack(void **state)
{
	long before = free_pages();

	(void)state;
	mem_run("-l 0-1 --huge-worker-stack=512", worker_stack_body);
	mem_run("-l 0-1 --huge-worker-stack", worker_stack_body);
	mem_run("-l 0-1", worker_stack_ordinary_body);
	expect_init_error("-l 0-1 -m 2 --socket-limit 2 "
			  "--huge-worker-stack=4096",
		ENOMEM, "--huge-worker-stack");
	assert_int_equal(free_pages(), before);
}

/* A mempool that has to retry smaller memzones to fit (PA: hugepages
 * are rarely physically contiguous) prints nothing when it succeeds. */
MEM_BODY(quiet_pool_body)
{
	struct rte_mempool *mp;

	mp = rte_mempool_create("quiet", 16383, 2048, 0, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	rte_mempool_free(mp);
	return 0;
}

static void
test_retries_are_quiet(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("-l 0 -m 64", quiet_pool_body, &r);
	mem_run_report("-l 0 -m 64", &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	if (eal_run_lines(r.err_text) != 0)
		print_message("stderr:\n%s", r.err_text);
	assert_int_equal(eal_run_lines(r.err_text), 0);
}

static void
test_errors(void **state)
{
	long before = free_pages();

	(void)state;
	expect_init_error("-l 0 -m 100000", ENOMEM, "-m asks for 100000 MiB");
	expect_init_error("-l 0 --socket-mem 100000", ENOMEM,
		"--socket-mem asks for");
	expect_init_error("-l 0 --no-huge --iova-mode pa", EINVAL,
		"--iova-mode=pa");
	expect_init_error("-l 0 --huge-dir /nonexistent/dir", EINVAL,
		"/nonexistent/dir");
	expect_init_error("-l 0 --huge-dir /proc", EINVAL,
		"not in a hugetlbfs mount");
	assert_int_equal(free_pages(), before);
}

/* Switches CAP_SYS_ADMIN in the effective set; 0 or -1. */
static int
set_sys_admin(int on)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
		.pid = 0
	};
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data) != 0)
		return -1;
	if (on)
		data[0].effective |= 1U << CAP_SYS_ADMIN;
	else
		data[0].effective &= ~(1U << CAP_SYS_ADMIN);
	return (int)syscall(SYS_capset, &hdr, data);
}

MEM_BODY(no_pa_body)
{
	CHECK(rte_eal_has_hugepages() == 1);
	CHECK(rte_eal_iova_mode() == RTE_IOVA_VA);
	return 0;
}

/* Without CAP_SYS_ADMIN pagemap shows no frames: PA is not possible. */
static void
test_no_cap_sys_admin(void **state)
{
	struct eal_run r;

	(void)state;
	if (set_sys_admin(0) != 0)
		skip();
	expect_init_error("-l 0 --iova-mode pa", EACCES, "pagemap");
	eal_run("-l 0", no_pa_body, &r);
	set_sys_admin(1);
	mem_run_report("-l 0", &r);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
}

/* Address ranges of the memseg lists, recorded before the cleanup. */
static struct {
	uintptr_t start, end;
} list_ranges[16];
static unsigned int nb_list_ranges;

static int
record_list(const struct rte_memseg_list *msl, void *arg)
{
	(void)arg;
	if (nb_list_ranges == RTE_DIM(list_ranges))
		return -1;
	list_ranges[nb_list_ranges].start = (uintptr_t)msl->base_va;
	list_ranges[nb_list_ranges].end = (uintptr_t)msl->base_va + msl->len;
	nb_list_ranges++;
	return 0;
}

/*
 * Mappings of the memory subsystem: hugepage files (memfd or hugetlbfs),
 * and anything inside the address ranges the memseg lists had reserved.
 */
static int
count_eal_mappings(void)
{
	unsigned long start, end;
	char line[1024];
	unsigned int i;
	int n = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%lx-%lx", &start, &end) != 2)
			continue;
		n += strstr(line, "memfd:") != NULL ||
			strstr(line, "hugetlbfs") != NULL;
		for (i = 0; i < nb_list_ranges; i++)
			n += start < list_ranges[i].end &&
				end > list_ranges[i].start;
	}
	fclose(f);
	return n;
}

static int
count_fds(void)
{
	struct dirent *de;
	int n = 0;
	DIR *d = opendir("/proc/self/fd");

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		n++;
	closedir(d);
	return n;
}

/*
 * After rte_eal_cleanup() the process has the fds and mappings it had
 * before rte_eal_init(), and the memory subsystem can start again.
 */
static int
cleanup_child(void *arg)
{
	char *argv[] = { "test", "-l", "0", "-m", "16", NULL };
	struct eal_config *cfg = calloc(1, sizeof(*cfg));
	int fds = count_fds(), maps = count_eal_mappings();

	(void)arg;
	if (cfg == NULL || rte_eal_init(TEST_ARGC(argv), argv) < 0)
		return 1;
	if (rte_malloc(NULL, 10 << 20, 0) == NULL ||
		rte_memzone_reserve("mz", 1 << 20, 0, 0) == NULL)
		return 2;
	nb_list_ranges = 0;
	if (rte_memseg_list_walk(record_list, NULL) != 0 ||
		nb_list_ranges == 0 || count_eal_mappings() <= maps)
		return 3;
	rte_eal_cleanup();
	if (count_fds() != fds || count_eal_mappings() != maps)
		return 4;
	eal_config_defaults(cfg);
	cfg->memory = 8 << 20;
	if (eal_memory_init(cfg) != 0 || rte_eal_has_hugepages() != 1 ||
		rte_malloc(NULL, 1 << 20, 0) == NULL ||
		rte_memseg_list_walk(record_list, NULL) != 0)
		return 5;
	eal_memory_cleanup();
	if (count_fds() != fds || count_eal_mappings() != maps)
		return 6;
	eal_config_release(cfg);
	free(cfg);
	return 0;
}

static void
test_cleanup_leaves_nothing(void **state)
{
	long before = free_pages();

	(void)state;
	assert_int_equal(test_in_child(cleanup_child, NULL), 0);
	assert_int_equal(free_pages(), before);
}

static long lazy_avail_before;

static int
check_va_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	(void)msl;
	(void)arg;
	return ms->iova == (rte_iova_t)(uintptr_t)ms->addr ? 0 : -1;
}

/*
 * A second mapping of the segment's fd (what a vhost-user backend makes)
 * sees the same pages as the segment: written through either side, read
 * through the other.
 */
static int
check_seg_fd(char *p)
{
	const struct rte_memseg *ms = rte_mem_virt2memseg(p, NULL);
	size_t off;
	char *q;
	int fd;

	CHECK(ms != NULL && ms->len == HP_SIZE);
	fd = rte_memseg_get_fd(ms);
	CHECK(fd >= 0 && rte_memseg_get_fd_offset(ms, &off) == 0);
	q = mmap(NULL, 2 * HP_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		(off_t)off);
	CHECK(q != MAP_FAILED);
	q[RTE_PTR_DIFF(p, ms->addr)] = 0x77;
	CHECK(p[0] == 0x77);
	((char *)ms->addr)[HP_SIZE + 100] = 0x66;
	CHECK(q[HP_SIZE + 100] == 0x66);
	munmap(q, 2 * HP_SIZE);
	return 0;
}

/*
 * IOVA as VA: -m 64 only reserves its 32 pages (HugePages_Rsvd), it
 * faults none; a page is taken when first touched, and out of the
 * reservation. Memory beyond -m is reserved the same way, and freeing
 * it gives back its reservation too, touched pages or not.
 */
MEM_BODY(lazy_va_body)
{
	long free0 = free_pages(), avail0 = available_pages(), avail1;
	char *p, *big, *big2;

	CHECK(rte_eal_iova_mode() == RTE_IOVA_VA);
	CHECK(rte_eal_get_physmem_size() == (64 << 20));
	CHECK(avail0 == lazy_avail_before - 32);
	/* Init itself touches a few pages (heap and memzone headers). */
	CHECK(read_counter("resv_hugepages") >= 24);
	p = rte_malloc(NULL, 10 << 20, 0);
	CHECK(p != NULL);
	memset(p, 0x55, 10 << 20);
	CHECK(free_pages() <= free0 - 5);
	CHECK(available_pages() == avail0);
	CHECK(rte_mem_virt2iova(p + 12345) ==
		(rte_iova_t)(uintptr_t)(p + 12345));
	CHECK(rte_memseg_walk(check_va_segment, NULL) == 0);
	CHECK(check_seg_fd(p + (4 << 20)) == 0);
	/*
	 * 80 MiB beyond -m, twice: new segments, reserved, one page of each
	 * touched. The heap keeps the first freed as its spare run and
	 * gives the second back, its untouched pages' reservations too.
	 */
	big = rte_malloc(NULL, 80 << 20, 0);
	CHECK(big != NULL);
	big[0] = 1;
	avail1 = available_pages();
	CHECK(avail1 <= avail0 - 35);
	big2 = rte_malloc(NULL, 80 << 20, 0);
	CHECK(big2 != NULL);
	big2[0] = 1;
	CHECK(available_pages() <= avail1 - 35);
	rte_free(big);
	rte_free(big2);
	CHECK(available_pages() == avail1);
	/* More than the machine has: a clean NULL, nothing kept. */
	CHECK(rte_malloc(NULL, (size_t)(avail1 + 8) * HP_SIZE, 0) == NULL);
	CHECK(available_pages() == avail1);
	rte_free(p);
	return 0;
}

static void
test_lazy_va(void **state)
{
	long before = free_pages(), resv = read_counter("resv_hugepages");

	(void)state;
	lazy_avail_before = available_pages();
	if (lazy_avail_before < 120)
		skip();
	mem_run("-l 0 -m 64 --iova-mode va", lazy_va_body);
	assert_int_equal(free_pages(), before);
	assert_int_equal(read_counter("resv_hugepages"), resv);
}

static long lazy_free_before, lazy_resv_before;

/* Every segment a walker sees has the IOVA pagemap shows for it. */
static int
count_pa_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	(void)msl;
	if (ms->iova == RTE_BAD_IOVA || pagemap_pa(ms->addr) != ms->iova)
		return -1;
	(*(unsigned int *)arg)++;
	return 0;
}

/*
 * IOVA as PA: -m 64 only reserves its 32 pages, as with IOVA as VA; an
 * allocation faults its pages and reads their IOVAs before it returns
 * (free_hugepages drops before anything touched them); a lookup of memory
 * nobody was given translates that segment; a walker sees every segment
 * translated; an IOVA-contiguous memzone of several pages is physically
 * contiguous (mapped up front, sorted).
 */
MEM_BODY(lazy_pa_body)
{
	long free0 = free_pages(), avail0 = available_pages();
	const struct rte_memzone *mz;
	const struct rte_memseg *ms;
	unsigned int nb_segs = 0;
	char *p;

	CHECK(rte_eal_iova_mode() == RTE_IOVA_PA);
	CHECK(rte_eal_get_physmem_size() == (64 << 20));
	/* Reserved, not faulted: init touched a few heap headers only. */
	CHECK(avail0 == lazy_avail_before - 32);
	CHECK(free0 >= lazy_free_before - 8);
	CHECK(read_counter("resv_hugepages") >= lazy_resv_before + 24);
	p = rte_malloc(NULL, 10 << 20, 0);
	CHECK(p != NULL);
	/* Faulted when handed out, out of the reservation. */
	CHECK(free_pages() <= free0 - 5);
	CHECK(available_pages() == avail0);
	CHECK(check_pa(p, 10 << 20) == 0);
	CHECK(rte_mem_iova2virt(rte_malloc_virt2iova(p + 100)) == p + 100);
	/* A page of -m that nobody was given yet: translated on lookup. */
	ms = rte_mem_virt2memseg(p + (30 << 20), NULL);
	CHECK(ms != NULL && ms->iova != RTE_BAD_IOVA);
	CHECK(pagemap_pa(ms->addr) == ms->iova);
	/* A memzone within one page of the lazy run. */
	mz = rte_memzone_reserve("lazy_small", 256 << 10, SOCKET_ID_ANY, 0);
	CHECK(mz != NULL && mz->iova != RTE_BAD_IOVA);
	CHECK(check_contig(mz) == 0);
	CHECK(rte_memzone_free(mz) == 0);
	CHECK(rte_memseg_walk(count_pa_segment, &nb_segs) == 0);
	CHECK(nb_segs >= 32);
	/* Every -m page is faulted now, and its reservation consumed. */
	CHECK(read_counter("resv_hugepages") == lazy_resv_before);
	CHECK(available_pages() == avail0);
	rte_free(p);
	mz = rte_memzone_reserve_aligned("lazy_contig", 8 << 20, SOCKET_ID_ANY,
		RTE_MEMZONE_2MB | RTE_MEMZONE_IOVA_CONTIG, 1 << 20);
	/* No 4 adjacent pages: 2 (one split 4 MiB block of the kernel's)
	 * still make a memzone that crosses a page boundary. */
	if (mz == NULL && rte_errno == ENOMEM)
		mz = rte_memzone_reserve("lazy_contig", (4 << 20) - 4096,
			SOCKET_ID_ANY,
			RTE_MEMZONE_2MB | RTE_MEMZONE_IOVA_CONTIG);
	if (mz == NULL && rte_errno == ENOMEM)
		return CONTIG_NOT_GIVEN;
	CHECK(mz != NULL && mz->len >= (4 << 20) - 4096);
	CHECK(RTE_PTR_ALIGN_FLOOR(mz->addr, HP_SIZE) !=
		RTE_PTR_ALIGN_FLOOR((char *)mz->addr + mz->len - 1, HP_SIZE));
	CHECK(check_contig(mz) == 0);
	CHECK(rte_memzone_free(mz) == 0);
	return 0;
}

static void
test_lazy_pa(void **state)
{
	const char *args = "-l 0 -m 64";
	struct eal_run r;

	(void)state;
	lazy_free_before = free_pages();
	lazy_resv_before = read_counter("resv_hugepages");
	lazy_avail_before = available_pages();
	if (lazy_avail_before < 80)
		skip();
	eal_run(args, lazy_pa_body, &r);
	if (r.hook_ret == CONTIG_NOT_GIVEN)
		printf("NOTE: the IOVA-contiguous memzones of 4 and 2 pages "
		       "got ENOMEM (no adjacent free pages): the rest "
		       "passed\n");
	else
		mem_run_report(args, &r);
	assert_true(r.ret >= 0);
	assert_true(r.hook_ret == 0 || r.hook_ret == CONTIG_NOT_GIVEN);
	assert_int_equal(r.status, 0);
	/* Teardown gave every page and every reservation back. */
	assert_int_equal(free_pages(), lazy_free_before);
	assert_int_equal(read_counter("resv_hugepages"), lazy_resv_before);
}

/*
 * Pages another mapping has reserved but not touched are still "free" in
 * free_hugepages: -m must not count on them (it would then fail later,
 * at map time, instead of saying how much is free).
 */
static void
test_others_reservation(void **state)
{
	long avail = available_pages();
	size_t held;
	void *p;
	int fd;

	(void)state;
	if (avail < 20)
		skip();
	held = (size_t)(avail - 10) * HP_SIZE;
	fd = memfd_create("others",
		MFD_CLOEXEC | MFD_HUGETLB |
			(21 << MAP_HUGE_SHIFT)); /* MFD_HUGE_2MB */
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)held), 0);
	p = mmap(NULL, held, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	assert_true(p != MAP_FAILED);
	assert_int_equal(available_pages(), 10);
	expect_init_error("-l 0 -m 64", ENOMEM, "-m asks for 64 MiB");
	expect_init_error("-l 0 -m 64 --iova-mode va", ENOMEM,
		"-m asks for 64 MiB");
	munmap(p, held);
	close(fd);
	assert_int_equal(available_pages(), avail);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prereserve),
		cmocka_unit_test(test_on_demand),
		cmocka_unit_test(test_lazy_va),
		cmocka_unit_test(test_lazy_pa),
		cmocka_unit_test(test_others_reservation),
		cmocka_unit_test(test_contig_memzone),
		cmocka_unit_test(test_cleanup_leaves_nothing),
		cmocka_unit_test(test_kill9),
		cmocka_unit_test_setup_teardown(test_kill9_huge_dir,
			mount_setup, mount_teardown),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_no_cap_sys_admin),
		cmocka_unit_test(test_socket_limit),
		cmocka_unit_test(test_huge_worker_stack),
		cmocka_unit_test(test_retries_are_quiet),
		cmocka_unit_test(test_fallback),
	};

	return cmocka_run_group_tests_name("hugepage", tests, group_setup,
		group_teardown);
}
