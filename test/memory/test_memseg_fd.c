/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_memseg_get_fd() and rte_memseg_get_fd_offset() on ordinary memory
 * (--no-huge): every segment has a memfd, a second mapping of (fd, offset)
 * sees the same bytes (what a vhost-user backend does), the whole list is
 * one linear range of its file, freed segments give their memory back,
 * and bad arguments fail with DPDK's rte_errno values.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include "memory_test.h"
#include "test_helpers.h"

/* Every mapped segment: an fd, offset = its place in the list. */
static int
check_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	size_t offset = 1;
	int fd;

	(void)arg;
	fd = rte_memseg_get_fd_thread_unsafe(ms);
	if (fd < 0 || rte_memseg_get_fd_offset_thread_unsafe(ms, &offset) < 0)
		return -1;
	if (offset != (size_t)RTE_PTR_DIFF(ms->addr, msl->base_va))
		return -1;
	return 0;
}

MEM_BODY(fd_body)
{
	struct rte_memseg *ms, *unused, fake;
	struct rte_memseg_list *msl;
	size_t offset, len = 1 << 20;
	uint8_t *p, *view;
	int fd;

	p = rte_malloc(NULL, len, 0);
	CHECK(p != NULL);
	memset(p, 0x5a, len);
	ms = rte_mem_virt2memseg(p, NULL);
	msl = rte_mem_virt2memseg_list(p);
	CHECK(ms != NULL && msl != NULL);
	fd = rte_memseg_get_fd(ms);
	CHECK(fd >= 0);
	CHECK(rte_memseg_get_fd_thread_unsafe(ms) == fd);
	CHECK(rte_memseg_get_fd_offset(ms, &offset) == 0);
	CHECK(offset == (size_t)RTE_PTR_DIFF(ms->addr, msl->base_va));
	CHECK(rte_memseg_walk(check_segment, NULL) == 0);

	/* Another mapping of the file sees what we wrote, and we see its. */
	view = mmap(NULL, ms->len, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		(off_t)offset);
	CHECK(view != MAP_FAILED);
	CHECK(view[RTE_PTR_DIFF(p, ms->addr)] == 0x5a);
	view[RTE_PTR_DIFF(p, ms->addr) + 1] = 0xa5;
	CHECK(p[1] == 0xa5);
	munmap(view, ms->len);

	/* Bad arguments. */
	CHECK(rte_memseg_get_fd(NULL) == -1 && rte_errno == EINVAL);
	CHECK(rte_memseg_get_fd_offset(NULL, &offset) == -1 &&
		rte_errno == EINVAL);
	CHECK(rte_memseg_get_fd_offset(ms, NULL) == -1 && rte_errno == EINVAL);
	memcpy(&fake, ms, sizeof(fake));
	CHECK(rte_memseg_get_fd(&fake) == -1 && rte_errno == EINVAL);
	CHECK(rte_memseg_get_fd_offset_thread_unsafe(&fake, &offset) == -1 &&
		rte_errno == EINVAL);
	/* The list's last slot is not mapped in so small an EAL. */
	unused = ms - RTE_PTR_DIFF(ms->addr, msl->base_va) / ms->len +
		msl->len / ms->len - 1;
	CHECK(unused->addr == NULL);
	CHECK(rte_memseg_get_fd(unused) == -1 && rte_errno == ENOENT);
	CHECK(rte_memseg_get_fd_offset(unused, &offset) == -1 &&
		rte_errno == ENOENT);
	rte_free(p);
	return 0;
}

static void
test_fd_and_offset(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, fd_body);
}

/* Bytes of the file actually backed by memory. */
static long long
file_bytes(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? (long long)st.st_blocks * 512 : -1;
}

/* A big block grows the file; freeing it punches the memory back out. */
MEM_BODY(give_back_body)
{
	size_t len = 64 << 20;
	long long before, grown, after;
	struct rte_memseg *ms;
	uint8_t *p, *q;
	int fd;

	p = rte_malloc(NULL, 4096, 0);
	CHECK(p != NULL);
	fd = rte_memseg_get_fd(rte_mem_virt2memseg(p, NULL));
	CHECK(fd >= 0);
	before = file_bytes(fd);
	rte_free(p);
	p = rte_malloc(NULL, len, 0);
	q = rte_malloc(NULL, len, 0);
	CHECK(p != NULL && q != NULL);
	memset(p, 1, len);
	memset(q, 1, len);
	ms = rte_mem_virt2memseg(p + len / 2, NULL);
	CHECK(ms != NULL && rte_memseg_get_fd(ms) == fd);
	grown = file_bytes(fd);
	CHECK(grown >= before + 2 * (long long)len);
	rte_free(p);
	rte_free(q);
	after = file_bytes(fd);
	/* One all-free run stays as a spare, the other goes back. */
	CHECK(after <= grown - (long long)len);
	return 0;
}

static void
test_give_back(void **state)
{
	(void)state;
	/* No -m: with --no-huge it caps memory, and this body needs growth. */
	mem_run(MEM_FAST_ARGS, give_back_body);
}

static int
child_scribble(void *arg)
{
	memset(arg, 0x77, 4096);
	return ((uint8_t *)arg)[0] == 0x77 ? 0 : 1;
}

/* A child of fork() writes its own copy, as with anonymous memory. */
MEM_BODY(fork_body)
{
	uint8_t *p = rte_malloc(NULL, 4096, 0);

	CHECK(p != NULL);
	memset(p, 0x11, 4096);
	CHECK(test_in_child(child_scribble, p) == 0);
	CHECK(p[0] == 0x11 && p[4095] == 0x11);
	rte_free(p);
	return 0;
}

static void
test_fork_private(void **state)
{
	(void)state;
	mem_run(MEM_FAST_ARGS, fork_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fd_and_offset),
		cmocka_unit_test(test_give_back),
		cmocka_unit_test(test_fork_private),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
