/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * pktmbuf pools: what rte_pktmbuf_pool_create() builds (private area,
 * element size, every mbuf's constant fields), odd data room sizes, the
 * pool constructor on its own, which mempool ops a pool gets (default,
 * --mbuf-pool-ops-name, user, platform, by name) and every documented
 * creation error, with nothing left behind. Each case has its own EAL in
 * a forked child.
 */
#include <limits.h>
#include <string.h>

#include <rte_mbuf.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_memzone.h>

#include "mbuf_test.h"

static const char *
ops_name(const struct rte_mempool *mp)
{
	return rte_mempool_get_ops(mp->ops_index)->name;
}

struct init_check {
	uint16_t priv;
	uint16_t room;
	unsigned int count;
	unsigned int bad;
};

static void
check_one_mbuf(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct init_check *c = arg;
	struct rte_mbuf *m = obj;
	const uint8_t *priv = rte_mbuf_to_priv(m);
	unsigned int i;

	(void)idx;
	c->count++;
	if (m->pool != mp || m->buf_addr != (char *)m + 128 + c->priv ||
		m->buf_len != c->room || m->priv_size != c->priv ||
		rte_mbuf_iova_get(m) !=
			rte_mempool_virt2iova(m) + 128 + c->priv ||
		rte_mbuf_refcnt_read(m) != 1 || m->nb_segs != 1 ||
		m->next != NULL || m->port != RTE_MBUF_PORT_INVALID ||
		m->data_off != RTE_MIN(RTE_PKTMBUF_HEADROOM, c->room) ||
		m->ol_flags != 0 || m->shinfo != NULL)
		c->bad++;
	for (i = 0; i < c->priv; i++)
		if (priv[i] != 0)
			c->bad++;
}

static int
check_pool(struct rte_mempool *mp, const char *name, unsigned int n,
	unsigned int cache, uint16_t priv, uint16_t room)
{
	struct rte_pktmbuf_pool_private *p;
	struct init_check c = { priv, room, 0, 0 };

	CHECK(mp != NULL);
	CHECK(strcmp(mp->name, name) == 0);
	CHECK(mp->size == n && mp->cache_size == cache);
	CHECK(mp->elt_size >= sizeof(struct rte_mbuf) + priv + room);
	CHECK(mp->private_data_size >= sizeof(*p));
	p = rte_mempool_get_priv(mp);
	CHECK(p->mbuf_data_room_size == room && p->mbuf_priv_size == priv);
	CHECK(p->flags == 0 && rte_pktmbuf_priv_flags(mp) == 0);
	CHECK(rte_pktmbuf_data_room_size(mp) == room);
	CHECK(rte_pktmbuf_priv_size(mp) == priv);
	CHECK(rte_mempool_obj_iter(mp, check_one_mbuf, &c) == n);
	CHECK(c.count == n && c.bad == 0);
	CHECK(rte_mempool_lookup(name) == mp);
	CHECK_POOL_FULL(mp);
	return 0;
}

MBUF_BODY(body_create)
{
	struct rte_mempool *mp;

	mp = rte_pktmbuf_pool_create("default", 511, 32, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	CHECK_OK(check_pool(mp, "default", 511, 32, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE));
	CHECK(strcmp(ops_name(mp), RTE_MBUF_DEFAULT_MEMPOOL_OPS) == 0);
	rte_mempool_free(mp);
	CHECK(rte_mempool_lookup("default") == NULL);
	mp = rte_pktmbuf_pool_create("priv64", 100, 0, 64, 1000, 0);
	CHECK_OK(check_pool(mp, "priv64", 100, 0, 64, 1000));
	rte_mempool_free(mp);
	/* Biggest sizes: both 16-bit sizes at their maximum. */
	mp = rte_pktmbuf_pool_create("big", 7, 0, 65528, 65535, SOCKET_ID_ANY);
	CHECK_OK(check_pool(mp, "big", 7, 0, 65528, 65535));
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_create, body_create)

/* Data rooms smaller than the headroom, and none at all. */
MBUF_BODY(body_small_rooms)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m;

	mp = rte_pktmbuf_pool_create("room64", 31, 0, 0, 64, SOCKET_ID_ANY);
	CHECK_OK(check_pool(mp, "room64", 31, 0, 0, 64));
	m = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL && m->data_off == 64);
	CHECK(rte_pktmbuf_tailroom(m) == 0 && rte_pktmbuf_headroom(m) == 64);
	CHECK(rte_pktmbuf_append(m, 1) == NULL);
	CHECK(rte_pktmbuf_prepend(m, 64) != NULL);
	rte_pktmbuf_free(m);
	rte_mempool_free(mp);
	mp = rte_pktmbuf_pool_create("room0", 31, 0, 8, 0, SOCKET_ID_ANY);
	CHECK_OK(check_pool(mp, "room0", 31, 0, 8, 0));
	m = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL && m->data_off == 0 && m->buf_len == 0);
	CHECK(rte_pktmbuf_append(m, 1) == NULL);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_small_rooms, body_small_rooms)

static void
count_zone(const struct rte_memzone *mz, void *arg)
{
	(void)mz;
	(*(unsigned int *)arg)++;
}

static unsigned int
nb_memzones(void)
{
	unsigned int n = 0;

	rte_memzone_walk(count_zone, &n);
	return n;
}

#define EXPECT_FAIL(call, err) \
	do { \
		rte_errno = 0; \
		CHECK((call) == NULL); \
		CHECK(rte_errno == (err)); \
		CHECK(nb_memzones() == zones); \
	} while (0)

MBUF_BODY(body_errors)
{
	char long_name[RTE_MEMPOOL_NAMESIZE + 8];
	struct rte_mempool *mp;
	unsigned int zones = nb_memzones();

	EXPECT_FAIL(rte_pktmbuf_pool_create(NULL, 63, 0, 0, 256, 0), EINVAL);
	EXPECT_FAIL(rte_pktmbuf_pool_create("", 63, 0, 0, 256, 0), EINVAL);
	EXPECT_FAIL(rte_pktmbuf_pool_create("n0", 0, 0, 0, 256, 0), EINVAL);
	EXPECT_FAIL(rte_pktmbuf_pool_create("p3", 63, 0, 3, 256, 0), EINVAL);
	EXPECT_FAIL(rte_pktmbuf_pool_create("p12", 63, 0, 12, 256, 0), EINVAL);
	EXPECT_FAIL(rte_pktmbuf_pool_create("cache", 1023,
			    RTE_MEMPOOL_CACHE_MAX_SIZE + 1, 0, 256, 0),
		EINVAL);
	EXPECT_FAIL(rte_pktmbuf_pool_create("cache_n", 63, 64, 0, 256, 0),
		EINVAL);
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	EXPECT_FAIL(rte_pktmbuf_pool_create(long_name, 63, 0, 0, 256, 0),
		ENAMETOOLONG);
	EXPECT_FAIL(rte_pktmbuf_pool_create_by_ops("ops", 63, 0, 0, 256, 0,
			    "no_such_ops"),
		EINVAL);
	CHECK(rte_mempool_lookup("ops") == NULL);
	/* A name in use. */
	mp = rte_pktmbuf_pool_create("dup", 63, 0, 0, 256, 0);
	CHECK(mp != NULL);
	zones = nb_memzones();
	EXPECT_FAIL(rte_pktmbuf_pool_create("dup", 63, 0, 0, 256, 0), EEXIST);
	EXPECT_FAIL(rte_pktmbuf_pool_create_by_ops("dup", 63, 0, 0, 256, 0,
			    "ring_sp_sc"),
		EEXIST);
	CHECK(rte_mempool_lookup("dup") == mp);
	rte_mempool_free(mp);
	/* Every failed name can be used afterwards. */
	mp = rte_pktmbuf_pool_create("ops", 63, 0, 0, 256, 0);
	CHECK(mp != NULL);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_errors, body_errors)

MBUF_BODY(body_ops)
{
	struct rte_mempool *mp;
	char long_name[RTE_MEMPOOL_OPS_NAMESIZE + 1];

	CHECK(rte_mbuf_user_mempool_ops() == NULL);
	CHECK(rte_mbuf_platform_mempool_ops() == NULL);
	CHECK(strcmp(rte_mbuf_best_mempool_ops(), "ring_mp_mc") == 0);
	mp = rte_pktmbuf_pool_create_by_ops("sp_sc", 63, 0, 0, 256, 0,
		"ring_sp_sc");
	CHECK(mp != NULL && strcmp(ops_name(mp), "ring_sp_sc") == 0);
	rte_mempool_free(mp);
	/* The platform's choice, once. */
	CHECK(rte_mbuf_set_platform_mempool_ops("stack") == 0);
	CHECK(rte_mbuf_set_platform_mempool_ops("stack") == 0);
	CHECK(rte_mbuf_set_platform_mempool_ops("ring_sp_sc") == -EEXIST);
	CHECK(strcmp(rte_mbuf_platform_mempool_ops(), "stack") == 0);
	CHECK(strcmp(rte_mbuf_best_mempool_ops(), "stack") == 0);
	mp = rte_pktmbuf_pool_create("plat", 63, 0, 0, 256, 0);
	CHECK(mp != NULL && strcmp(ops_name(mp), "stack") == 0);
	rte_mempool_free(mp);
	/* The user's choice wins over the platform's. */
	CHECK(rte_mbuf_set_user_mempool_ops("ring_mp_sc") == 0);
	CHECK(strcmp(rte_mbuf_user_mempool_ops(), "ring_mp_sc") == 0);
	CHECK(strcmp(rte_mbuf_best_mempool_ops(), "ring_mp_sc") == 0);
	mp = rte_pktmbuf_pool_create("user", 63, 0, 0, 256, 0);
	CHECK(mp != NULL && strcmp(ops_name(mp), "ring_mp_sc") == 0);
	rte_mempool_free(mp);
	CHECK(rte_mbuf_set_user_mempool_ops("ring_sp_mc") == 0);
	CHECK(strcmp(rte_mbuf_best_mempool_ops(), "ring_sp_mc") == 0);
	/* Bad names change nothing. */
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	CHECK(rte_mbuf_set_user_mempool_ops(long_name) == -ENAMETOOLONG);
	CHECK(rte_mbuf_set_user_mempool_ops(NULL) == -EINVAL);
	CHECK(rte_mbuf_set_platform_mempool_ops(long_name) == -ENAMETOOLONG);
	CHECK(rte_mbuf_set_platform_mempool_ops(NULL) == -EINVAL);
	CHECK(strcmp(rte_mbuf_best_mempool_ops(), "ring_sp_mc") == 0);
	CHECK(strcmp(rte_mbuf_platform_mempool_ops(), "stack") == 0);
	/* A user choice that names no ops makes creation fail. */
	CHECK(rte_mbuf_set_user_mempool_ops("bogus") == 0);
	rte_errno = 0;
	CHECK(rte_pktmbuf_pool_create("bogus", 63, 0, 0, 256, 0) == NULL);
	CHECK(rte_errno == EINVAL);
	return 0;
}
MBUF_CASE(test_ops, body_ops)

/* --mbuf-pool-ops-name is the user's choice until the API sets one. */
MBUF_BODY(body_ops_eal_option)
{
	struct rte_mempool *mp;

	CHECK(strcmp(rte_mbuf_user_mempool_ops(), "stack") == 0);
	CHECK(strcmp(rte_mbuf_best_mempool_ops(), "stack") == 0);
	mp = rte_pktmbuf_pool_create("eal_opt", 63, 0, 0, 256, 0);
	CHECK(mp != NULL && strcmp(ops_name(mp), "stack") == 0);
	rte_mempool_free(mp);
	CHECK(rte_mbuf_set_user_mempool_ops("ring_sp_sc") == 0);
	CHECK(strcmp(rte_mbuf_best_mempool_ops(), "ring_sp_sc") == 0);
	return 0;
}

static void
test_ops_eal_option(void **state)
{
	(void)state;
	mbuf_run(MBUF_ARGS " --mbuf-pool-ops-name=stack", body_ops_eal_option);
}

MBUF_BODY(body_pool_init)
{
	struct rte_pktmbuf_pool_private req = { 256, 8, 0 };
	struct rte_mempool *mp, *small_priv;
	struct rte_mbuf *m;

	mp = rte_mempool_create_empty("manual", 63, 128 + 500, 0,
		sizeof(struct rte_pktmbuf_pool_private), SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_set_ops_byname(mp, "ring_mp_mc", NULL) == 0);
	/* No description: no private area, the rest is data room. */
	rte_pktmbuf_pool_init(mp, NULL);
	CHECK(rte_pktmbuf_data_room_size(mp) == mp->elt_size - 128);
	CHECK(rte_pktmbuf_priv_size(mp) == 0);
	/* A description asking too much, or bad: EINVAL, nothing changes. */
	req.mbuf_data_room_size = (uint16_t)mp->elt_size;
	rte_errno = 0;
	rte_pktmbuf_pool_init(mp, &req);
	CHECK(rte_errno == EINVAL);
	CHECK(rte_pktmbuf_data_room_size(mp) == mp->elt_size - 128);
	req.mbuf_data_room_size = 256;
	req.mbuf_priv_size = 5;
	rte_errno = 0;
	rte_pktmbuf_pool_init(mp, &req);
	CHECK(rte_errno == EINVAL && rte_pktmbuf_priv_size(mp) == 0);
	req.mbuf_priv_size = 8;
	req.flags = 0x100;
	rte_errno = 0;
	rte_pktmbuf_pool_init(mp, &req);
	CHECK(rte_errno == EINVAL);
	req.flags = 0;
	rte_pktmbuf_pool_init(mp, &req);
	CHECK(rte_pktmbuf_data_room_size(mp) == 256);
	CHECK(rte_pktmbuf_priv_size(mp) == 8);
	CHECK(rte_mempool_populate_default(mp) == 63);
	CHECK(rte_mempool_obj_iter(mp, rte_pktmbuf_init, NULL) == 63);
	m = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL && m->buf_len == 256 && m->priv_size == 8);
	CHECK(m->buf_addr == (char *)m + 136);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	/* A mempool with no private area at all. */
	small_priv = rte_mempool_create_empty("small_priv", 63, 512, 0, 0,
		SOCKET_ID_ANY, 0);
	CHECK(small_priv != NULL);
	rte_errno = 0;
	rte_pktmbuf_pool_init(small_priv, NULL);
	CHECK(rte_errno == EINVAL);
	rte_mempool_free(small_priv);
	rte_errno = 0;
	rte_pktmbuf_pool_init(NULL, NULL);
	CHECK(rte_errno == EINVAL);
	return 0;
}
MBUF_CASE(test_pool_init, body_pool_init)

/* Without an EAL there is no memory: creation fails cleanly. */
static void
test_before_init(void **state)
{
	(void)state;
	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create("early", 63, 0, 0, 256, 0));
	assert_int_not_equal(rte_errno, 0);
	assert_string_equal(rte_mbuf_best_mempool_ops(), "ring_mp_mc");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_before_init),
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_small_rooms),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_ops),
		cmocka_unit_test(test_ops_eal_option),
		cmocka_unit_test(test_pool_init),
	};

	return cmocka_run_group_tests_name("mbuf_pool", tests, NULL, NULL);
}
