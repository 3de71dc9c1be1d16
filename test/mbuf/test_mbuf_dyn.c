/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Dynamic fields and flags. The registry lives for the whole process and
 * nothing can be unregistered, so each case runs in a forked child that
 * starts with an empty registry. No EAL is needed.
 */
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#include "test_helpers.h"

#define DYN_FIRST 92
#define DYN_END	  128

/* Runs body in a child with a fresh registry; asserts it returned 0. */
static void
dyn_run(int (*body)(void *))
{
	int ret = test_in_child(body, NULL);

	if (ret != 0)
		print_message("child failed at line %d\n", ret);
	assert_int_equal(ret, 0);
}

static struct rte_mbuf_dynfield
field(const char *name, size_t size, size_t align)
{
	struct rte_mbuf_dynfield f;

	memset(&f, 0, sizeof(f));
	snprintf(f.name, sizeof(f.name), "%s", name);
	f.size = size;
	f.align = align;
	return f;
}

static struct rte_mbuf_dynflag
flag(const char *name)
{
	struct rte_mbuf_dynflag f;

	memset(&f, 0, sizeof(f));
	snprintf(f.name, sizeof(f.name), "%s", name);
	return f;
}

static int
body_field_basic(void *arg)
{
	struct rte_mbuf_dynfield a = field("test_a", 4, 4), got;
	struct rte_mbuf_dynfield b = field("test_b", 4, 4);
	int off_a, off_b;

	(void)arg;
	off_a = rte_mbuf_dynfield_register(&a);
	CHECK(off_a >= DYN_FIRST && off_a + 4 <= DYN_END && off_a % 4 == 0);
	CHECK(rte_mbuf_dynfield_register(&a) == off_a);
	memset(&got, 0xff, sizeof(got));
	CHECK(rte_mbuf_dynfield_lookup("test_a", &got) == off_a);
	CHECK(memcmp(&got, &a, sizeof(got)) == 0);
	CHECK(rte_mbuf_dynfield_lookup("test_a", NULL) == off_a);
	off_b = rte_mbuf_dynfield_register(&b);
	CHECK(off_b >= DYN_FIRST && off_b % 4 == 0 &&
		(off_b >= off_a + 4 || off_b + 4 <= off_a));
	/* The same name with other parameters is a clash. */
	a.size = 8;
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register(&a) == -1 && rte_errno == EEXIST);
	a.size = 4;
	a.align = 2;
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register(&a) == -1 && rte_errno == EEXIST);
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_lookup("test_c", &got) == -1 &&
		rte_errno == ENOENT);
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_lookup(NULL, &got) == -1 && rte_errno == EINVAL);
	/* The offset works with RTE_MBUF_DYNFIELD on a real mbuf. */
	{
		struct rte_mbuf m;

		memset(&m, 0, sizeof(m));
		*RTE_MBUF_DYNFIELD(&m, off_a, uint32_t *) = 0xdeadbeef;
		CHECK(m.dynfield1[(off_a - DYN_FIRST) / 4] == 0xdeadbeef);
	}
	return 0;
}

/* DPDK 22.11 gives these offsets for this sequence: so must we. */
static int
body_field_placement(void *arg)
{
	static const struct {
		size_t size, align;
		int offset;
	} seq[] = {
		{ 1, 1, 92 },
		{ 1, 1, 93 },
		{ 2, 2, 94 },
		{ 8, 8, 96 },
		{ 4, 4, 104 },
		{ 1, 1, 108 },
		{ 16, 16, 112 },
		{ 8, 8, -1 },
		{ 2, 1, 109 },
		{ 4, 4, -1 },
		{ 1, 1, 111 },
		{ 1, 1, -1 },
	};
	struct rte_mbuf_dynfield f;
	char name[16];
	size_t i;

	(void)arg;
	for (i = 0; i < RTE_DIM(seq); i++) {
		snprintf(name, sizeof(name), "f%zu", i);
		f = field(name, seq[i].size, seq[i].align);
		rte_errno = 0;
		CHECK(rte_mbuf_dynfield_register(&f) == seq[i].offset);
		CHECK(seq[i].offset >= 0 || rte_errno == ENOENT);
	}
	return 0;
}

/* Fields of every alignment until none fits: aligned, disjoint, inside. */
static int
body_field_alignment(void *arg)
{
	static const size_t aligns[] = { 1, 2, 4, 8, 16, 32 };
	uint8_t used[DYN_END] = { 0 };
	struct rte_mbuf_dynfield f;
	char name[32];
	int off, b, i, registered = 0, total = 0;

	(void)arg;
	for (i = 0; i < 64; i++) {
		size_t align = aligns[i % RTE_DIM(aligns)];
		size_t size = align * (1 + i % 2);

		snprintf(name, sizeof(name), "align_%d", i);
		f = field(name, size, align);
		rte_errno = 0;
		off = rte_mbuf_dynfield_register(&f);
		if (off < 0) {
			CHECK(rte_errno == ENOENT);
			continue;
		}
		CHECK(off % (int)align == 0);
		CHECK(off >= DYN_FIRST && off + (int)size <= DYN_END);
		for (b = off; b < off + (int)size; b++)
			CHECK(used[b]++ == 0);
		registered++;
		total += (int)size;
	}
	CHECK(registered > 3 && total <= DYN_END - DYN_FIRST);
	/* Whatever is left over, a 1-byte field either fits or gets ENOENT. */
	f = field("last_byte", 1, 1);
	off = rte_mbuf_dynfield_register(&f);
	CHECK(off < 0 ? rte_errno == ENOENT : used[off] == 0);
	return 0;
}

static int
body_field_errors(void *arg)
{
	struct rte_mbuf_dynfield f;

	(void)arg;
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register(NULL) == -1 && rte_errno == EINVAL);
	f = field("e", 0, 1);
	CHECK(rte_mbuf_dynfield_register(&f) == -1 && rte_errno == EINVAL);
	f = field("e", 128, 1);
	CHECK(rte_mbuf_dynfield_register(&f) == -1 && rte_errno == EINVAL);
	f = field("e", 4, 0);
	CHECK(rte_mbuf_dynfield_register(&f) == -1 && rte_errno == EINVAL);
	f = field("e", 4, 3);
	CHECK(rte_mbuf_dynfield_register(&f) == -1 && rte_errno == EINVAL);
	f = field("e", 4, 4);
	f.flags = 1;
	CHECK(rte_mbuf_dynfield_register(&f) == -1 && rte_errno == EINVAL);
	f = field("", 4, 4);
	CHECK(rte_mbuf_dynfield_register(&f) == -1 && rte_errno == EINVAL);
	f = field("e", 4, 4);
	memset(f.name, 'n', sizeof(f.name));
	CHECK(rte_mbuf_dynfield_register(&f) == -1 && rte_errno == ENAMETOOLONG);
	/* A field too big for the room left. */
	f = field("e", 40, 1);
	CHECK(rte_mbuf_dynfield_register(&f) == -1 && rte_errno == ENOENT);
	/* None of that registered anything. */
	CHECK(rte_mbuf_dynfield_lookup("e", NULL) == -1);
	f = field("whole_room", 32, 32);
	CHECK(rte_mbuf_dynfield_register(&f) == 96);
	return 0;
}

static int
body_field_offset(void *arg)
{
	struct rte_mbuf_dynfield f = field("at100", 4, 4), g;

	(void)arg;
	CHECK(rte_mbuf_dynfield_register_offset(&f, 100) == 100);
	CHECK(rte_mbuf_dynfield_register_offset(&f, 100) == 100);
	CHECK(rte_mbuf_dynfield_register_offset(&f, SIZE_MAX) == 100);
	CHECK(rte_mbuf_dynfield_register(&f) == 100);
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register_offset(&f, 104) == -1 &&
		rte_errno == EEXIST);
	g = field("overlap", 4, 1);
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register_offset(&g, 98) == -1 &&
		rte_errno == EBUSY);
	g = field("misaligned", 4, 4);
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register_offset(&g, 106) == -1 &&
		rte_errno == EINVAL);
	/* Static fields are never free; nor is anything past the end. */
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register_offset(&g, 0) == -1 &&
		rte_errno == EBUSY);
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register_offset(&g, 88) == -1 &&
		rte_errno == EBUSY);
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register_offset(&g, 128) == -1 &&
		rte_errno == EBUSY);
	g = field("tail", 4, 1);
	rte_errno = 0;
	CHECK(rte_mbuf_dynfield_register_offset(&g, 126) == -1 &&
		rte_errno == EBUSY);
	CHECK(rte_mbuf_dynfield_register_offset(&g, 124) == 124);
	g = field("auto", 4, 4);
	CHECK(rte_mbuf_dynfield_register_offset(&g, SIZE_MAX) == 92);
	return 0;
}

static int
body_flags(void *arg)
{
	struct rte_mbuf_dynflag f = flag("flag_a"), got;
	char name[32];
	int i;

	(void)arg;
	CHECK(rte_mbuf_dynflag_register(&f) == 23);
	CHECK(rte_mbuf_dynflag_register(&f) == 23);
	memset(&got, 0xff, sizeof(got));
	CHECK(rte_mbuf_dynflag_lookup("flag_a", &got) == 23);
	CHECK(memcmp(&got, &f, sizeof(got)) == 0);
	rte_errno = 0;
	CHECK(rte_mbuf_dynflag_lookup("flag_b", NULL) == -1 &&
		rte_errno == ENOENT);
	CHECK(rte_mbuf_dynflag_lookup(NULL, NULL) == -1 && rte_errno == EINVAL);
	/* Bits 24..40 are left: 17 more, then none. */
	for (i = 0; i < 17; i++) {
		snprintf(name, sizeof(name), "flag_%d", i);
		f = flag(name);
		CHECK(rte_mbuf_dynflag_register(&f) == 24 + i);
	}
	f = flag("one_too_many");
	rte_errno = 0;
	CHECK(rte_mbuf_dynflag_register(&f) == -1 && rte_errno == ENOENT);
	CHECK(rte_mbuf_dynflag_lookup("one_too_many", NULL) == -1);
	return 0;
}

static int
body_flag_bitnum(void *arg)
{
	struct rte_mbuf_dynflag f = flag("bit40");

	(void)arg;
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, 40) == 40);
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, 40) == 40);
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, UINT_MAX) == 40);
	rte_errno = 0;
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, 30) == -1 &&
		rte_errno == EEXIST);
	f = flag("other");
	rte_errno = 0;
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, 40) == -1 &&
		rte_errno == EBUSY);
	rte_errno = 0;
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, 0) == -1 &&
		rte_errno == EBUSY);
	rte_errno = 0;
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, 62) == -1 &&
		rte_errno == EBUSY);
	rte_errno = 0;
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, 64) == -1 &&
		rte_errno == EINVAL);
	f.flags = 1;
	rte_errno = 0;
	CHECK(rte_mbuf_dynflag_register(&f) == -1 && rte_errno == EINVAL);
	CHECK(rte_mbuf_dynflag_register(NULL) == -1 && rte_errno == EINVAL);
	f = flag("");
	CHECK(rte_mbuf_dynflag_register(&f) == -1 && rte_errno == EINVAL);
	memset(f.name, 'x', sizeof(f.name));
	CHECK(rte_mbuf_dynflag_register(&f) == -1 && rte_errno == ENAMETOOLONG);
	f = flag("other");
	CHECK(rte_mbuf_dynflag_register_bitnum(&f, UINT_MAX) == 23);
	return 0;
}

static int
body_timestamp(void *arg)
{
	struct rte_mbuf_dynfield f;
	int off_rx = -1, off_tx = -1;
	uint64_t rx_flag = 0, tx_flag = 0;

	(void)arg;
	CHECK(rte_mbuf_dyn_rx_timestamp_register(&off_rx, &rx_flag) == 0);
	CHECK(off_rx == 96 && off_rx % 8 == 0);
	CHECK(rx_flag == (1ULL << 23));
	CHECK(rte_mbuf_dynfield_lookup(RTE_MBUF_DYNFIELD_TIMESTAMP_NAME, &f) ==
		off_rx);
	CHECK(f.size == sizeof(rte_mbuf_timestamp_t) && f.align == 8);
	CHECK(rte_mbuf_dynflag_lookup(RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME,
		      NULL) == 23);
	CHECK(rte_mbuf_dyn_tx_timestamp_register(&off_tx, &tx_flag) == 0);
	CHECK(off_tx == off_rx && tx_flag == (1ULL << 24));
	CHECK(rte_mbuf_dyn_rx_timestamp_register(NULL, NULL) == 0);
	CHECK(rte_mbuf_dynflag_lookup(RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME,
		      NULL) == 24);
	return 0;
}

static int
body_timestamp_no_room(void *arg)
{
	struct rte_mbuf_dynfield big = field("big", 32, 8);
	int off = 7;
	uint64_t rx_flag = 7;

	(void)arg;
	CHECK(rte_mbuf_dynfield_register(&big) == 96);
	rte_errno = 0;
	CHECK(rte_mbuf_dyn_rx_timestamp_register(&off, &rx_flag) == -1);
	CHECK(rte_errno == ENOENT && off == 7 && rx_flag == 7);
	return 0;
}

static int
body_dump(void *arg)
{
	struct rte_mbuf_dynfield f = field("dumped_field", 2, 2);
	struct rte_mbuf_dynflag fl = flag("dumped_flag");
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	(void)arg;
	CHECK(rte_mbuf_dynfield_register(&f) == 92);
	CHECK(rte_mbuf_dynflag_register(&fl) == 23);
	out = open_memstream(&text, &len);
	CHECK(out != NULL);
	rte_mbuf_dyn_dump(out);
	fclose(out);
	CHECK(strstr(text, "name=dumped_field offset=92 size=2 align=2") !=
		NULL);
	CHECK(strstr(text, "name=dumped_flag bitnum=23") != NULL);
	CHECK(strstr(text, "Free ol_flags bits: 24 25") != NULL);
	free(text);
	return 0;
}

#define NB_RACERS 8

static void *
register_racer(void *arg)
{
	static const struct rte_mbuf_dynfield shared = {
		.name = "shared",
		.size = 8,
		.align = 8,
	};
	struct rte_mbuf_dynfield own;
	int *offsets = arg;

	memset(&own, 0, sizeof(own));
	snprintf(own.name, sizeof(own.name), "own_%p", arg);
	own.size = 1;
	own.align = 1;
	offsets[0] = rte_mbuf_dynfield_register(&shared);
	offsets[1] = rte_mbuf_dynfield_register(&own);
	return NULL;
}

/* Threads registering at once: one offset per name, no overlaps. */
static int
body_threads(void *arg)
{
	pthread_t threads[NB_RACERS];
	int offsets[NB_RACERS][2];
	int i, j;

	(void)arg;
	for (i = 0; i < NB_RACERS; i++)
		CHECK(pthread_create(&threads[i], NULL, register_racer,
			      offsets[i]) == 0);
	for (i = 0; i < NB_RACERS; i++)
		pthread_join(threads[i], NULL);
	for (i = 0; i < NB_RACERS; i++) {
		CHECK(offsets[i][0] == offsets[0][0] && offsets[i][0] >= 0);
		CHECK(offsets[i][1] >= DYN_FIRST);
		CHECK(offsets[i][1] < offsets[0][0] ||
			offsets[i][1] >= offsets[0][0] + 8);
		for (j = 0; j < i; j++)
			CHECK(offsets[i][1] != offsets[j][1]);
	}
	return 0;
}

#define DYN_CASE(name) \
	static void test_##name(void **state) \
	{ \
		(void)state; \
		dyn_run(body_##name); \
	}

DYN_CASE(field_basic)
DYN_CASE(field_placement)
DYN_CASE(field_alignment)
DYN_CASE(field_errors)
DYN_CASE(field_offset)
DYN_CASE(flags)
DYN_CASE(flag_bitnum)
DYN_CASE(timestamp)
DYN_CASE(timestamp_no_room)
DYN_CASE(dump)
DYN_CASE(threads)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_field_basic),
		cmocka_unit_test(test_field_placement),
		cmocka_unit_test(test_field_alignment),
		cmocka_unit_test(test_field_errors),
		cmocka_unit_test(test_field_offset),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_flag_bitnum),
		cmocka_unit_test(test_timestamp),
		cmocka_unit_test(test_timestamp_no_room),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests_name("mbuf_dyn", tests, NULL, NULL);
}
