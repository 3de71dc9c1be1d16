/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mempool caches: the per-lcore default caches (refill, flush threshold,
 * for bulk and single puts, flush, objects counted while they sit in a cache, a failed get leaving
 * everything in place), threads that are not lcores (no default cache),
 * and user-owned caches with the generic get/put calls.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#include "mempool_test.h"

#define N_OBJS 1023
#define CACHE  32

/* Objects in the common store (outside every cache). */
static unsigned int
store_count(struct rte_mempool *mp)
{
	return rte_mempool_ops_get_count(mp);
}

MP_BODY(default_cache_body)
{
	struct rte_mempool_cache *cache;
	struct rte_mempool *mp;
	static void *objs[N_OBJS];
	unsigned int i;

	mp = rte_mempool_create("cached", N_OBJS, 64, CACHE, 0, NULL, NULL,
		NULL, NULL, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	cache = rte_mempool_default_cache(mp, rte_lcore_id());
	CHECK(cache == &mp->local_cache[rte_lcore_id()]);
	CHECK(rte_mempool_default_cache(mp, LCORE_ID_ANY) == NULL);
	CHECK(rte_mempool_default_cache(mp, RTE_MAX_LCORE) == NULL);
	CHECK(cache->size == CACHE && cache->flushthresh == CACHE * 3 / 2);
	CHECK(cache->len == 0);

	/* A miss refills the cache with size objects beyond the request. */
	CHECK(rte_mempool_get(mp, &objs[0]) == 0);
	CHECK(cache->len == CACHE);
	CHECK(store_count(mp) == N_OBJS - 1 - CACHE);
	CHECK(rte_mempool_avail_count(mp) == N_OBJS - 1);
	CHECK(rte_mempool_in_use_count(mp) == 1);
	/* Hits come from the cache. */
	CHECK(rte_mempool_get_bulk(mp, &objs[1], 10) == 0);
	CHECK(cache->len == CACHE - 10 && store_count(mp) == N_OBJS - 1 - CACHE);
	/* LIFO: the object put last is handed out first. */
	rte_mempool_put(mp, objs[5]);
	CHECK(rte_mempool_get(mp, &objs[5]) == 0);
	CHECK(cache->objs[cache->len] == objs[5]);
	rte_mempool_put_bulk(mp, objs, 11);
	CHECK(cache->len == CACHE + 1 && rte_mempool_full(mp));
	/* Up to the threshold the cache grows; past it, it is emptied. */
	CHECK(rte_mempool_get_bulk(mp, objs, 40) == 0);
	CHECK(cache->len == CACHE);
	rte_mempool_put_bulk(mp, objs, 15);
	CHECK(cache->len == CACHE + 15); /* 47 <= 48 */
	rte_mempool_put_bulk(mp, &objs[15], 25);
	CHECK(cache->len == 25 && rte_mempool_full(mp));
	rte_mempool_cache_flush(NULL, mp);
	CHECK(cache->len == 0 && store_count(mp) == N_OBJS);
	/* Single puts (rte_mempool_put() has a path of its own): up to the
	 * threshold the cache grows; the put past it empties it first. */
	CHECK(rte_mempool_get_bulk(mp, objs, 49) == 0);
	CHECK(cache->len == CACHE);
	for (i = 0; i < 16; i++)
		rte_mempool_put(mp, objs[i]);
	CHECK(cache->len == CACHE * 3 / 2 && cache->objs[47] == objs[15]);
	rte_mempool_put(mp, objs[16]);
	CHECK(cache->len == 1 && cache->objs[0] == objs[16]);
	CHECK(store_count(mp) == N_OBJS - 49 + 16);
	rte_mempool_put_bulk(mp, &objs[17], 32);
	CHECK(cache->len == 33 && rte_mempool_full(mp));
	rte_mempool_cache_flush(NULL, mp);
	CHECK(cache->len == 0 && store_count(mp) == N_OBJS);
	/* A bulk bigger than the threshold goes straight to the store. */
	CHECK(rte_mempool_get_bulk(mp, objs, 100) == 0);
	CHECK(cache->len == CACHE);
	rte_mempool_put_bulk(mp, objs, 100);
	CHECK(cache->len == CACHE && rte_mempool_full(mp));
	/* A big get bypasses the refill when the store is short. */
	CHECK(rte_mempool_get_bulk(mp, objs, N_OBJS) == 0);
	CHECK(rte_mempool_empty(mp) && cache->len == 0);
	rte_mempool_put_bulk(mp, objs, N_OBJS);
	CHECK(rte_mempool_full(mp));
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
	return 0;
}

static void
test_default_cache(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, default_cache_body);
}

/* A get that cannot be served changes nothing. */
MP_BODY(get_failure_body)
{
	struct rte_mempool_cache *cache;
	struct rte_mempool *mp;
	void *objs[64], *saved[8];

	mp = rte_mempool_create("short", 30, 64, 8, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	cache = rte_mempool_default_cache(mp, rte_lcore_id());
	/* 5 objects in the cache, 3 in the store, 22 handed out. */
	CHECK(rte_mempool_get_bulk(mp, objs, 27) == 0);
	CHECK(cache->len == 0 && store_count(mp) == 3);
	rte_mempool_put_bulk(mp, objs, 5);
	CHECK(cache->len == 5);
	memcpy(saved, cache->objs, 5 * sizeof(void *));
	CHECK(rte_mempool_get_bulk(mp, &objs[27], 10) == -ENOBUFS);
	CHECK(cache->len == 5 && store_count(mp) == 3);
	CHECK(memcmp(saved, cache->objs, 5 * sizeof(void *)) == 0);
	CHECK(rte_mempool_avail_count(mp) == 8);
	/* Exactly what is left works: 5 from the cache, 3 from the store. */
	CHECK(rte_mempool_get_bulk(mp, &objs[27], 8) == 0);
	CHECK(rte_mempool_empty(mp));
	CHECK(rte_mempool_get(mp, &objs[40]) == -ENOBUFS);
	/* objs[5 .. 35) are handed out. */
	rte_mempool_put_bulk(mp, &objs[5], 30);
	CHECK(rte_mempool_full(mp));
	rte_mempool_free(mp);
	return 0;
}

static void
test_get_failure(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, get_failure_body);
}

struct thread_arg {
	struct rte_mempool *mp;
	int ret;
};

/* A thread that is not an lcore has no default cache. */
static void *
non_eal_thread(void *arg)
{
	struct thread_arg *t = arg;
	struct rte_mempool *mp = t->mp;
	unsigned int before = store_count(mp);
	void *objs[4];

	t->ret = 1;
	if (rte_lcore_id() != LCORE_ID_ANY ||
		rte_mempool_default_cache(mp, rte_lcore_id()) != NULL)
		return NULL;
	if (rte_mempool_get_bulk(mp, objs, 4) != 0 ||
		store_count(mp) != before - 4)
		return NULL;
	rte_mempool_put_bulk(mp, objs, 4);
	if (store_count(mp) != before)
		return NULL;
	t->ret = 0;
	return NULL;
}

MP_BODY(non_eal_body)
{
	struct thread_arg t;
	pthread_t tid;

	t.mp = rte_mempool_create("noneal", 127, 64, 16, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, 0);
	CHECK(t.mp != NULL);
	CHECK(pthread_create(&tid, NULL, non_eal_thread, &t) == 0);
	CHECK(pthread_join(tid, NULL) == 0);
	CHECK(t.ret == 0);
	CHECK(rte_mempool_full(t.mp));
	rte_mempool_free(t.mp);
	return 0;
}

static void
test_non_eal_thread(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, non_eal_body);
}

static int
user_cache_ops(struct rte_mempool *mp, struct rte_mempool_cache *cache)
{
	void *objs[64];

	CHECK(cache->size == 16 && cache->flushthresh == 24 && cache->len == 0);
	CHECK(rte_mempool_generic_get(mp, objs, 1, cache) == 0);
	CHECK(cache->len == 16);
	/* User-owned caches are not in the counts. */
	CHECK(rte_mempool_avail_count(mp) == mp->size - 17);
	CHECK(rte_mempool_generic_get(mp, &objs[1], 20, cache) == 0);
	CHECK(cache->len == 16);
	rte_mempool_generic_put(mp, objs, 21, cache);
	/* 16 + 21 > 24: the 16 go to the store, the 21 stay. */
	CHECK(cache->len == 21);
	rte_mempool_cache_flush(cache, mp);
	CHECK(cache->len == 0 && rte_mempool_full(mp));
	/* Without a cache the generic calls go to the store. */
	CHECK(rte_mempool_generic_get(mp, objs, 64, NULL) == 0);
	CHECK(store_count(mp) == mp->size - 64);
	rte_mempool_generic_put(mp, objs, 64, NULL);
	CHECK(rte_mempool_full(mp));
	return 0;
}

MP_BODY(user_cache_body)
{
	struct rte_mempool_cache *cache;
	struct mp_snapshot before;
	struct rte_mempool *mp;

	/* A pool without default caches, as with DPDK's perf test. */
	mp = rte_mempool_create("user", 255, 64, 0, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_default_cache(mp, rte_lcore_id()) == NULL);
	before = mp_snapshot();
	cache = rte_mempool_cache_create(16, SOCKET_ID_ANY);
	CHECK(cache != NULL);
	CHECK_OK(user_cache_ops(mp, cache));
	rte_mempool_cache_free(cache);
	rte_mempool_cache_free(NULL);
	CHECK(mp_same(before, mp_snapshot()));
	/* Size limits. */
	rte_errno = 0;
	CHECK(rte_mempool_cache_create(0, SOCKET_ID_ANY) == NULL &&
		rte_errno == EINVAL);
	rte_errno = 0;
	CHECK(rte_mempool_cache_create(RTE_MEMPOOL_CACHE_MAX_SIZE + 1, 0) ==
			NULL &&
		rte_errno == EINVAL);
	cache = rte_mempool_cache_create(RTE_MEMPOOL_CACHE_MAX_SIZE, 0);
	CHECK(cache != NULL &&
		cache->flushthresh == RTE_MEMPOOL_CACHE_MAX_SIZE * 3 / 2);
	rte_mempool_cache_free(cache);
	CHECK(mp_same(before, mp_snapshot()));
	rte_mempool_free(mp);
	return 0;
}

static void
test_user_cache(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, user_cache_body);
}

/* Objects parked in another lcore's cache count as available. */
static int
worker_keep(void *arg)
{
	struct rte_mempool *mp = arg;
	void *objs[10];

	if (rte_mempool_get_bulk(mp, objs, 10) != 0)
		return -1;
	rte_mempool_put_bulk(mp, objs, 10);
	return (int)rte_mempool_default_cache(mp, rte_lcore_id())->len;
}

static int
worker_flush(void *arg)
{
	rte_mempool_cache_flush(NULL, arg);
	return 0;
}

MP_BODY(two_lcores_body)
{
	struct rte_mempool *mp;
	unsigned int worker = rte_get_next_lcore(-1, 1, 0);
	int len;

	CHECK(worker < RTE_MAX_LCORE);
	mp = rte_mempool_create("two", 255, 64, 64, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(rte_eal_remote_launch(worker_keep, mp, worker) == 0);
	len = rte_eal_wait_lcore(worker);
	CHECK(len == 64 + 10);
	CHECK(mp->local_cache[worker].len == 74);
	CHECK(store_count(mp) == 255 - 74);
	CHECK(rte_mempool_avail_count(mp) == 255 && rte_mempool_full(mp));
	CHECK(rte_mempool_in_use_count(mp) == 0);
	/* The main lcore cannot reach them: its gets fail early. */
	CHECK(rte_mempool_get_bulk(mp, (void *[200]){ NULL }, 200) == -ENOBUFS);
	CHECK(rte_eal_remote_launch(worker_flush, mp, worker) == 0);
	CHECK(rte_eal_wait_lcore(worker) == 0);
	CHECK(store_count(mp) == 255 && mp->local_cache[worker].len == 0);
	rte_mempool_free(mp);
	return 0;
}

static void
test_two_lcores(void **state)
{
	(void)state;
	mp_run(MP_ARGS_2, two_lcores_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_cache),
		cmocka_unit_test(test_get_failure),
		cmocka_unit_test(test_non_eal_thread),
		cmocka_unit_test(test_user_cache),
		cmocka_unit_test(test_two_lcores),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
