/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The ring control path: sizes, rte_ring_init(), create, lookup, dump,
 * free, and every documented error of each, with the memzone count back
 * where it was after every failure.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>

#include "ring/ring_test.h"

static void
test_memsize(void **state)
{
	(void)state;
	assert_int_equal(rte_ring_get_memsize(4096),
		sizeof(struct rte_ring) + 4096 * sizeof(void *));
	assert_int_equal(rte_ring_get_memsize_elem(16, 1024),
		sizeof(struct rte_ring) + 16 * 1024);
	/* Rounded up to a cache line. */
	assert_int_equal(rte_ring_get_memsize_elem(4, 2),
		sizeof(struct rte_ring) + RTE_CACHE_LINE_SIZE);
	assert_int_equal(rte_ring_get_memsize_elem(20, 1 << 30),
		sizeof(struct rte_ring) + 20ULL * (1 << 30));
	assert_int_equal(rte_ring_get_memsize(0), -EINVAL);
	assert_int_equal(rte_ring_get_memsize(3), -EINVAL);
	assert_int_equal(rte_ring_get_memsize(1000), -EINVAL);
	assert_int_equal(rte_ring_get_memsize(1U << 31), -EINVAL);
	assert_int_equal(rte_ring_get_memsize(UINT32_MAX), -EINVAL);
	assert_int_equal(rte_ring_get_memsize_elem(0, 64), -EINVAL);
	assert_int_equal(rte_ring_get_memsize_elem(6, 64), -EINVAL);
	assert_int_equal(rte_ring_get_memsize_elem(3, 64), -EINVAL);
}

/* Sizes, modes and name of rings made with rte_ring_init(). */
static void
test_init(void **state)
{
	struct rte_ring *r = aligned_alloc(RTE_CACHE_LINE_SIZE,
		(size_t)rte_ring_get_memsize(256));

	(void)state;
	assert_non_null(r);
	assert_int_equal(rte_ring_init(r, "a", 256, 0), 0);
	assert_string_equal(r->name, "a");
	assert_int_equal(rte_ring_get_size(r), 256);
	assert_int_equal(rte_ring_get_capacity(r), 255);
	assert_int_equal(rte_ring_get_prod_sync_type(r), RTE_RING_SYNC_MT);
	assert_int_equal(rte_ring_get_cons_sync_type(r), RTE_RING_SYNC_MT);
	assert_false(rte_ring_is_prod_single(r));
	assert_int_equal(rte_ring_init(r, "b", 200,
				 RING_F_SP_ENQ | RING_F_SC_DEQ |
					 RING_F_EXACT_SZ),
		0);
	assert_int_equal(rte_ring_get_size(r), 256);
	assert_int_equal(rte_ring_get_capacity(r), 200);
	assert_int_equal(r->flags,
		RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ);
	assert_true(rte_ring_is_prod_single(r));
	assert_true(rte_ring_is_cons_single(r));
	assert_int_equal(rte_ring_init(r, "c", 128,
				 RING_F_MP_RTS_ENQ | RING_F_MC_HTS_DEQ),
		0);
	assert_int_equal(rte_ring_get_prod_sync_type(r), RTE_RING_SYNC_MT_RTS);
	assert_int_equal(rte_ring_get_cons_sync_type(r), RTE_RING_SYNC_MT_HTS);
	assert_int_equal(rte_ring_get_prod_htd_max(r), 127 / 8);
	assert_int_equal(rte_ring_get_cons_htd_max(r), UINT32_MAX);
	assert_int_equal(rte_ring_set_prod_htd_max(r, 5), 0);
	assert_int_equal(rte_ring_get_prod_htd_max(r), 5);
	assert_int_equal(rte_ring_set_cons_htd_max(r, 5), -ENOTSUP);
	/* Not created: free refuses it (with a log line) and leaves it be. */
	rte_ring_free(r);
	assert_string_equal(r->name, "c");
	assert_int_equal(rte_ring_enqueue(r, r), 0);
	assert_int_equal(rte_ring_count(r), 1);
	free(r);
}

static void
check_init_error(unsigned int count, unsigned int flags, const char *name,
	int err)
{
	static uint8_t mem[8192] __attribute__((aligned(64)));

	rte_errno = 0;
	assert_int_equal(rte_ring_init((struct rte_ring *)mem, name, count,
				 flags),
		-err);
	assert_int_equal(rte_errno, err);
}

static void
test_init_errors(void **state)
{
	(void)state;
	rte_errno = 0;
	assert_int_equal(rte_ring_init(NULL, "x", 64, 0), -EINVAL);
	check_init_error(64, 0, NULL, EINVAL);
	check_init_error(0, 0, "x", EINVAL);
	check_init_error(0, RING_F_EXACT_SZ, "x", EINVAL);
	check_init_error(100, 0, "x", EINVAL);
	check_init_error(1U << 31, 0, "x", EINVAL);
	check_init_error(1U << 30, RING_F_EXACT_SZ, "x", EINVAL);
	check_init_error(64, 0x80, "x", EINVAL);
	check_init_error(64, RING_F_SP_ENQ | RING_F_MP_RTS_ENQ, "x", EINVAL);
	check_init_error(64, RING_F_MP_HTS_ENQ | RING_F_MP_RTS_ENQ, "x", EINVAL);
	check_init_error(64, RING_F_SC_DEQ | RING_F_MC_HTS_DEQ, "x", EINVAL);
	check_init_error(64, 0, "a_name_that_is_far_too_long_for", ENAMETOOLONG);
	/* Calls that take a ring accept NULL without crashing. */
	rte_ring_free(NULL);
	rte_ring_reset(NULL);
	rte_ring_dump(stdout, NULL);
}

/* Without an EAL there is no memory to create a ring in. */
static void
test_create_no_eal(void **state)
{
	(void)state;
	rte_errno = 0;
	assert_null(rte_ring_create("r", 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	/* Argument errors are found first, as without the EAL. */
	rte_errno = 0;
	assert_null(rte_ring_create("r", 63, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_ring_lookup("r"));
	assert_int_equal(rte_errno, ENOENT);
}

/* create_elem fails with err and leaves no memzone behind. */
static int
expect_create_error(const char *name, unsigned int esize, unsigned int count,
	int socket, unsigned int flags, int err)
{
	unsigned int zones = ring_zone_count();

	rte_errno = 0;
	CHECK(rte_ring_create_elem(name, esize, count, socket, flags) == NULL);
	if (rte_errno != err)
		fprintf(stderr, "'%s': rte_errno %d, expected %d\n",
			name != NULL ? name : "NULL", rte_errno, err);
	CHECK(rte_errno == err);
	CHECK(ring_zone_count() == zones);
	return 0;
}

RING_BODY(create_errors_body)
{
	struct rte_ring *r;

	CHECK(expect_create_error(NULL, 8, 64, SOCKET_ID_ANY, 0, EINVAL) == 0);
	CHECK(expect_create_error("e", 8, 63, SOCKET_ID_ANY, 0, EINVAL) == 0);
	CHECK(expect_create_error("e", 8, 0, SOCKET_ID_ANY, 0, EINVAL) == 0);
	CHECK(expect_create_error("e", 8, 1U << 31, SOCKET_ID_ANY, 0, EINVAL) ==
		0);
	CHECK(expect_create_error("e", 8, UINT32_MAX, SOCKET_ID_ANY,
		      RING_F_EXACT_SZ, EINVAL) == 0);
	CHECK(expect_create_error("e", 6, 64, SOCKET_ID_ANY, 0, EINVAL) == 0);
	CHECK(expect_create_error("e", 0, 64, SOCKET_ID_ANY, 0, EINVAL) == 0);
	CHECK(expect_create_error("e", 8, 64, SOCKET_ID_ANY, 0x100, EINVAL) ==
		0);
	CHECK(expect_create_error("e", 8, 64, SOCKET_ID_ANY,
		      RING_F_SC_DEQ | RING_F_MC_RTS_DEQ, EINVAL) == 0);
	CHECK(expect_create_error("e", 8, 64, 5000, 0, EINVAL) == 0);
	CHECK(expect_create_error("name_of_thirty_characters_long", 8, 64,
		      SOCKET_ID_ANY, 0, ENAMETOOLONG) == 0);
	/* 4 TiB: more than any EAL configuration has. */
	CHECK(expect_create_error("huge", 4096, 1U << 30, SOCKET_ID_ANY, 0,
		      ENOMEM) == 0);
	r = rte_ring_create("taken", 64, SOCKET_ID_ANY, 0);
	CHECK(r != NULL);
	CHECK(expect_create_error("taken", 8, 64, SOCKET_ID_ANY, 0, EEXIST) ==
		0);
	CHECK(expect_create_error("taken", 16, 128, SOCKET_ID_ANY,
		      RING_F_SP_ENQ, EEXIST) == 0);
	rte_ring_free(r);
	/* The longest name that fits. */
	r = rte_ring_create("name_of_28_characters_long__", 64, SOCKET_ID_ANY,
		0);
	CHECK(r != NULL);
	CHECK(rte_ring_lookup("name_of_28_characters_long__") == r);
	rte_ring_free(r);
	CHECK(ring_zone_count() == 0);
	return 0;
}

static void
test_create_errors(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, create_errors_body);
}

/* All memzones taken: ENOSPC; one freed: creation works again. */
RING_BODY(enospc_body)
{
	static struct rte_ring *rings[RTE_MAX_MEMZONE];
	unsigned int i, n = RTE_MAX_MEMZONE - ring_zone_count();
	char name[RTE_RING_NAMESIZE];

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "fill_%u", i);
		rings[i] = rte_ring_create(name, 2, SOCKET_ID_ANY, 0);
		CHECK(rings[i] != NULL);
	}
	CHECK(expect_create_error("one_more", 8, 2, SOCKET_ID_ANY, 0, ENOSPC) ==
		0);
	rte_ring_free(rings[3]);
	rings[3] = rte_ring_create("one_more", 2, SOCKET_ID_ANY, 0);
	CHECK(rings[3] != NULL);
	CHECK(rte_ring_lookup("fill_3") == NULL && rte_errno == ENOENT);
	CHECK(rte_ring_lookup("fill_4") == rings[4]);
	for (i = 0; i < n; i++)
		rte_ring_free(rings[i]);
	CHECK(ring_zone_count() == 0);
	return 0;
}

static void
test_enospc(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, enospc_body);
}

RING_BODY(lookup_body)
{
	struct rte_ring *a, *b;

	a = rte_ring_create("ring_a", 64, SOCKET_ID_ANY, 0);
	b = rte_ring_create_elem("ring_b", 16, 32, SOCKET_ID_ANY, RING_F_SP_ENQ);
	CHECK(a != NULL && b != NULL);
	CHECK(a->memzone != NULL && a->memzone->addr == (void *)a);
	CHECK(strcmp(a->memzone->name, "RG_ring_a") == 0);
	CHECK(rte_ring_lookup("ring_a") == a);
	CHECK(rte_ring_lookup("ring_b") == b);
	rte_errno = 0;
	CHECK(rte_ring_lookup("ring_c") == NULL && rte_errno == ENOENT);
	rte_errno = 0;
	CHECK(rte_ring_lookup("ring_") == NULL && rte_errno == ENOENT);
	rte_errno = 0;
	CHECK(rte_ring_lookup(NULL) == NULL && rte_errno == EINVAL);
	rte_ring_free(a);
	rte_errno = 0;
	CHECK(rte_ring_lookup("ring_a") == NULL && rte_errno == ENOENT);
	CHECK(rte_memzone_lookup("RG_ring_a") == NULL);
	CHECK(rte_ring_lookup("ring_b") == b);
	/* The name is free again. */
	a = rte_ring_create("ring_a", 8, SOCKET_ID_ANY, 0);
	CHECK(a != NULL && rte_ring_lookup("ring_a") == a);
	rte_ring_free(a);
	rte_ring_free(b);
	CHECK(ring_zone_count() == 0);
	return 0;
}

static void
test_lookup(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, lookup_body);
}

/* Dump of one ring to a memory stream: returns the text (free() it). */
static char *
dump_text(const struct rte_ring *r, int list)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL)
		return NULL;
	if (list)
		rte_ring_list_dump(f);
	else
		rte_ring_dump(f, r);
	fclose(f);
	return text;
}

RING_BODY(dump_body)
{
	struct rte_ring *a, *b;
	void *objs[3] = { NULL, NULL, NULL };
	char *text;

	a = rte_ring_create("dump_a", 64, SOCKET_ID_ANY, RING_F_SC_DEQ);
	b = rte_ring_create("dump_b", 100, SOCKET_ID_ANY,
		RING_F_EXACT_SZ | RING_F_MP_HTS_ENQ);
	CHECK(a != NULL && b != NULL);
	CHECK(rte_ring_enqueue_bulk(a, objs, 3, NULL) == 3);
	text = dump_text(a, 0);
	CHECK(text != NULL);
	fputs(text, stdout);
	CHECK(strstr(text, "ring <dump_a>@") != NULL);
	CHECK(strstr(text, "flags=2\n") != NULL);
	CHECK(strstr(text, "size=64\n") != NULL);
	CHECK(strstr(text, "capacity=63\n") != NULL);
	CHECK(strstr(text, "pt=3\n") != NULL && strstr(text, "ph=3\n") != NULL);
	CHECK(strstr(text, "ct=0\n") != NULL && strstr(text, "ch=0\n") != NULL);
	CHECK(strstr(text, "used=3\n") != NULL);
	CHECK(strstr(text, "avail=60\n") != NULL);
	free(text);
	text = dump_text(NULL, 1);
	CHECK(text != NULL);
	CHECK(strstr(text, "ring <dump_a>@") != NULL);
	CHECK(strstr(text, "ring <dump_b>@") != NULL);
	CHECK(strstr(text, "capacity=100\n") != NULL);
	CHECK(strstr(text, "prod_mode=MT_HTS\n") != NULL);
	free(text);
	rte_ring_free(a);
	rte_ring_free(b);
	return 0;
}

/* Head and tail as each mode keeps them, with an operation in flight. */
RING_BODY(dump_modes_body)
{
	void *objs[8] = { NULL };
	struct rte_ring *h, *t, *s;
	char *text;

	/* ST calls move the head the MT word does not hold; then MT ones. */
	s = rte_ring_create("dump_st", 64, SOCKET_ID_ANY,
		RING_F_SP_ENQ | RING_F_SC_DEQ);
	CHECK(s != NULL);
	CHECK(rte_ring_enqueue_bulk(s, objs, 4, NULL) == 4);
	CHECK(rte_ring_enqueue_bulk_start(s, 2, NULL) == 2);
	text = dump_text(s, 0);
	CHECK(text != NULL);
	CHECK(strstr(text, "pt=4\n") != NULL && strstr(text, "ph=6\n") != NULL);
	free(text);
	rte_ring_enqueue_finish(s, objs, 0);
	CHECK(rte_ring_mp_enqueue_bulk(s, objs, 3, NULL) == 3);
	CHECK(rte_ring_mc_dequeue_bulk(s, objs, 1, NULL) == 1);
	CHECK(rte_ring_sc_dequeue_bulk(s, objs, 2, NULL) == 2);
	text = dump_text(s, 0);
	CHECK(text != NULL);
	CHECK(strstr(text, "pt=7\n") != NULL && strstr(text, "ph=7\n") != NULL);
	CHECK(strstr(text, "ct=3\n") != NULL && strstr(text, "ch=3\n") != NULL);
	free(text);
	rte_ring_free(s);

	h = rte_ring_create("dump_hts", 64, SOCKET_ID_ANY,
		RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ);
	t = rte_ring_create("dump_rts", 64, SOCKET_ID_ANY,
		RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ);
	CHECK(h != NULL && t != NULL);
	/* HTS: 5 in, 2 more claimed by a peek not finished yet. */
	CHECK(rte_ring_enqueue_bulk(h, objs, 5, NULL) == 5);
	CHECK(rte_ring_enqueue_bulk_start(h, 2, NULL) == 2);
	text = dump_text(h, 0);
	CHECK(text != NULL);
	CHECK(strstr(text, "pt=5\n") != NULL && strstr(text, "ph=7\n") != NULL);
	free(text);
	rte_ring_enqueue_finish(h, objs, 0);
	text = dump_text(h, 0);
	CHECK(text != NULL && strstr(text, "ph=5\n") != NULL);
	free(text);
	/* RTS: 6 in, 2 out. */
	CHECK(rte_ring_enqueue_bulk(t, objs, 6, NULL) == 6);
	CHECK(rte_ring_dequeue_bulk(t, objs, 2, NULL) == 2);
	text = dump_text(t, 0);
	CHECK(text != NULL);
	CHECK(strstr(text, "pt=6\n") != NULL && strstr(text, "ph=6\n") != NULL);
	CHECK(strstr(text, "ct=2\n") != NULL && strstr(text, "ch=2\n") != NULL);
	free(text);
	rte_ring_free(h);
	rte_ring_free(t);
	return 0;
}

static void
test_dump(void **state)
{
	(void)state;
	ring_run(RING_FAST_ARGS, dump_body);
	ring_run(RING_FAST_ARGS, dump_modes_body);
}

/* Freeing a ring that was not created is refused, with one log line. */
RING_BODY(free_refused_body)
{
	static uint8_t mem[4096] __attribute__((aligned(64)));
	struct rte_ring *r = (struct rte_ring *)mem, *c;

	CHECK(rte_ring_init(r, "not_created", 64, 0) == 0);
	rte_ring_free(r);
	CHECK(rte_ring_lookup("not_created") == NULL);
	CHECK(rte_ring_enqueue(r, r) == 0 && rte_ring_count(r) == 1);
	c = rte_ring_create("created", 64, SOCKET_ID_ANY, 0);
	CHECK(c != NULL);
	rte_ring_free(c);
	CHECK(ring_zone_count() == 0);
	return 0;
}

static void
test_free_refused(void **state)
{
	static struct eal_run r;

	(void)state;
	ring_run_out(RING_FAST_ARGS, free_refused_body, &r);
	assert_non_null(strstr(r.err_text, "cannot free ring 'not_created'"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memsize),
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_init_errors),
		cmocka_unit_test(test_create_no_eal),
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_enospc),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_free_refused),
	};

	return cmocka_run_group_tests_name("ring_control", tests, NULL, NULL);
}
