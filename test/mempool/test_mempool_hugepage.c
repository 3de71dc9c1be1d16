/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mempools on hugepages in IOVA-as-PA mode (suite "root"/"hugepages"):
 * objects never cross a 2 MiB page boundary, so each one is contiguous
 * in physical memory, and every object's iova is its physical address;
 * with RTE_MEMPOOL_F_NO_IOVA_CONTIG objects are packed and have no iova;
 * anonymous memory (4 KiB pages) gets iovas page run by page run; with
 * -m, a pool takes no hugepage beyond the (lazy) reservation.
 * The suite reserves 2 MiB hugepages through sysfs and gives the old
 * count back; it skips (exit 77) when not root or without hugepages.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>
#include <rte_mempool.h>

#include "mempool_test.h"

#define HP_DIR	  "/sys/kernel/mm/hugepages/hugepages-2048kB"
#define HP_WANTED 64L /* 128 MiB */
#define HP_SIZE	  (UINT64_C(2) << 20)
#define PA_ARGS	  "-l 0 --no-pci --iova-mode=pa"

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

struct layout_check {
	size_t page; /* boundary objects must not cross, 0: none */
	unsigned int crossing;
	unsigned int bad_iova;
};

static void
check_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct layout_check *c = arg;
	uintptr_t first = (uintptr_t)obj, last = first + mp->elt_size - 1;
	rte_iova_t iova = rte_mempool_virt2iova(obj);

	(void)idx;
	if (c->page != 0 && first / c->page != last / c->page)
		c->crossing++;
	if (mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG) {
		if (iova != RTE_BAD_IOVA)
			c->bad_iova++;
		return;
	}
	/* Contiguous: the last byte is where the iova says it is. */
	if (iova == RTE_BAD_IOVA || iova != rte_mem_virt2iova(obj) ||
		iova + mp->elt_size - 1 != rte_mem_virt2iova((void *)last))
		c->bad_iova++;
}

MP_BODY(pa_body)
{
	struct layout_check c = { HP_SIZE, 0, 0 };
	struct rte_mempool *mp;
	size_t pg_sz = 0;

	CHECK(rte_eal_iova_mode() == RTE_IOVA_PA);
	CHECK(rte_eal_has_hugepages());
	/* 3000-byte objects: 2 MiB is not a multiple of their size. */
	mp = rte_mempool_create("pa", 8000, 3000, 64, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_get_page_size(mp, &pg_sz) == 0 && pg_sz == HP_SIZE);
	CHECK(HP_SIZE % (mp->header_size + mp->elt_size + mp->trailer_size));
	CHECK(rte_mempool_obj_iter(mp, check_obj, &c) == 8000);
	CHECK(c.crossing == 0 && c.bad_iova == 0);
	CHECK(!(mp->flags & RTE_MEMPOOL_F_NON_IO));
	rte_mempool_free(mp);

	/* Without the IOVA constraint objects are packed, without iova. */
	c.page = 0;
	mp = rte_mempool_create("pa_noiova", 8000, 3000, 64, 0, NULL, NULL,
		NULL, NULL, SOCKET_ID_ANY, RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	CHECK(mp != NULL);
	CHECK(rte_mempool_get_page_size(mp, &pg_sz) == 0 && pg_sz == 0);
	CHECK(rte_mempool_obj_iter(mp, check_obj, &c) == 8000);
	CHECK(c.bad_iova == 0);
	CHECK(mp->flags & RTE_MEMPOOL_F_NON_IO);
	rte_mempool_free(mp);
	return 0;
}

static void
test_pa_layout(void **state)
{
	(void)state;
	mp_run(PA_ARGS, pa_body);
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

/* Hugepages nobody holds or has reserved. */
static long
available_pages(void)
{
	return read_counter("free_hugepages") - read_counter("resv_hugepages");
}

static void
check_obj_pa(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct layout_check *c = arg;
	const char *last = (const char *)obj + mp->elt_size - 1;
	rte_iova_t iova = rte_mempool_virt2iova(obj);

	(void)idx;
	if (iova == RTE_BAD_IOVA || iova != pagemap_pa(obj) ||
		iova + mp->elt_size - 1 != pagemap_pa(last))
		c->bad_iova++;
}

/*
 * IOVA as PA with -m: the hugepages are only reserved at start, and a
 * pool whose objects fit in a page is made of that memory (its chunks
 * need not be IOVA-contiguous): no page beyond -m is taken or reserved,
 * and every object's iova is the physical address of its first and last
 * byte, read from pagemap.
 */
MP_BODY(pa_lazy_body)
{
	struct layout_check c = { HP_SIZE, 0, 0 };
	long avail = available_pages();
	struct rte_mempool *mp;

	CHECK(rte_eal_iova_mode() == RTE_IOVA_PA);
	CHECK(rte_eal_get_physmem_size() == (64 << 20));
	mp = rte_mempool_create("pa_lazy", 8000, 3000, 64, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(available_pages() == avail);
	CHECK(rte_mempool_obj_iter(mp, check_obj, &c) == 8000);
	CHECK(c.crossing == 0 && c.bad_iova == 0);
	CHECK(rte_mempool_obj_iter(mp, check_obj_pa, &c) == 8000);
	CHECK(c.bad_iova == 0);
	rte_mempool_free(mp);
	return 0;
}

static void
test_pa_lazy(void **state)
{
	long free_before = read_counter("free_hugepages");
	long resv_before = read_counter("resv_hugepages");

	(void)state;
	if (available_pages() < 40)
		skip();
	mp_run(PA_ARGS " -m 64", pa_lazy_body);
	assert_int_equal(read_counter("free_hugepages"), free_before);
	assert_int_equal(read_counter("resv_hugepages"), resv_before);
}

/*
 * Each object of anonymous memory lies inside one chunk (a run of pages
 * that were physically contiguous when the pool was populated) and has
 * the chunk's iova plus its offset. Its physical address now is not
 * checked: the kernel may migrate locked pages (memory compaction).
 */
static void
check_anon_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct layout_check *c = arg;
	struct rte_mempool_memhdr *m;
	uintptr_t first = (uintptr_t)obj, last = first + mp->elt_size - 1;

	(void)idx;
	STAILQ_FOREACH(m, &mp->mem_list, next)
	{
		if (first < (uintptr_t)m->addr ||
			last >= (uintptr_t)m->addr + m->len)
			continue;
		if (m->iova == RTE_BAD_IOVA ||
			rte_mempool_virt2iova(obj) !=
				m->iova + (first - (uintptr_t)m->addr))
			c->bad_iova++;
		return;
	}
	c->crossing++;
}

MP_BODY(pa_anon_body)
{
	struct layout_check c = { 0, 0, 0 };
	struct rte_mempool *mp;

	mp = rte_mempool_create_empty("pa_anon", 2000, 1000, 0, 0,
		SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_populate_anon(mp) == 2000);
	CHECK(mp->nb_mem_chunks >= 1);
	CHECK(rte_mempool_obj_iter(mp, check_anon_obj, &c) == 2000);
	if (c.crossing != 0 || c.bad_iova != 0) {
		fprintf(stderr,
			"%u objects outside every chunk, %u with a "
			"wrong iova\n",
			c.crossing, c.bad_iova);
		rte_mempool_dump(stderr, mp);
	}
	CHECK(c.crossing == 0 && c.bad_iova == 0);
	rte_mempool_free(mp);
	return 0;
}

static void
test_pa_anon(void **state)
{
	(void)state;
	mp_run(PA_ARGS, pa_anon_body);
}

static int
group_setup(void **state)
{
	(void)state;
	if (geteuid() != 0)
		exit(test_skip("the hugepage mempool suite needs root"));
	saved_nr_hugepages = read_counter("nr_hugepages");
	if (saved_nr_hugepages < 0)
		exit(test_skip("no 2 MiB hugepage support in this kernel"));
	if (write_nr_hugepages(saved_nr_hugepages + HP_WANTED) < 0 ||
		read_counter("free_hugepages") < HP_WANTED / 2) {
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pa_layout),
		cmocka_unit_test(test_pa_lazy),
		cmocka_unit_test(test_pa_anon),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
