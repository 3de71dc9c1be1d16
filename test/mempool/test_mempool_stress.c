/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mempools under load from every lcore at once: on 2 lcores, and with 6
 * lcores on the 2 CPUs (--lcores (0-5)@(0-1)) so that threads are
 * preempted in the middle of cache refills, flushes and store updates.
 *
 * Every object carries its index (set by obj_init) and an owner word.
 * A thread that gets an object swaps its lcore id into the owner word
 * and expects to find "free" there; it swaps "free" back before putting
 * the object. Any other value means the pool handed one object to two
 * users (a duplicate). At the end every lcore returns what it holds and
 * flushes its cache; then the pool must be full, obj_iter must see every
 * index exactly once, all free, and the main lcore must be able to take
 * all size objects, each one once, and not one more (nothing lost,
 * nothing duplicated).
 *
 * Random bulk sizes (1 to 64) and a held-object limit near the pool size
 * in the "tight" cases make gets fail now and then, exercising the
 * refill-failure paths. MEMPOOL_STRESS_ITERS overrides the iterations
 * per lcore; each configuration also stops after a few seconds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#include "mempool_test.h"

#define OWNER_FREE UINT32_MAX
#define HELD_MAX   256

struct stress_obj {
	uint32_t index;
	uint32_t owner;
	uint64_t uses;
};

struct stress_cfg {
	const char *ops;
	unsigned int n;
	unsigned int cache_size;
	int user_cache;
	unsigned int iters;
	double max_seconds; /* stop earlier when this runs out */
};

struct stress_result {
	uint64_t gets;
	uint64_t puts;
	uint64_t failed_gets;
	uint64_t bad_owner;
} __rte_cache_aligned;

static struct stress_result results[RTE_MAX_LCORE];
static struct rte_mempool *stress_mp;
static const struct stress_cfg *stress_cur;

static void
stress_obj_init(struct rte_mempool *mp, void *arg, void *obj, unsigned int i)
{
	struct stress_obj *o = obj;

	(void)mp;
	(void)arg;
	o->index = i;
	o->owner = OWNER_FREE;
	o->uses = 0;
}

static uint32_t
xorshift(uint32_t x)
{
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return x;
}

static void
claim(struct stress_result *res, void **objs, unsigned int n, uint32_t me)
{
	struct stress_obj *o;
	unsigned int i;

	for (i = 0; i < n; i++) {
		o = objs[i];
		if (__atomic_exchange_n(&o->owner, me, __ATOMIC_RELAXED) !=
			OWNER_FREE)
			res->bad_owner++;
		o->uses++;
	}
	res->gets += n;
}

static void
release(struct stress_result *res, void **objs, unsigned int n, uint32_t me)
{
	struct stress_obj *o;
	unsigned int i;

	for (i = 0; i < n; i++) {
		o = objs[i];
		if (__atomic_exchange_n(&o->owner, OWNER_FREE,
			    __ATOMIC_RELAXED) != me)
			res->bad_owner++;
	}
	res->puts += n;
}

/* Gets n objects one of three ways, chosen by the random word. */
static int
stress_get(struct rte_mempool_cache *cache, void **objs, unsigned int n,
	uint32_t rnd)
{
	if (cache != NULL && !stress_cur->user_cache && n == 1 && (rnd & 2))
		return rte_mempool_get(stress_mp, objs);
	if (!stress_cur->user_cache && (rnd & 4))
		return rte_mempool_get_bulk(stress_mp, objs, n);
	return rte_mempool_generic_get(stress_mp, objs, n, cache);
}

static void
stress_put(struct rte_mempool_cache *cache, void **objs, unsigned int n,
	uint32_t rnd)
{
	if (!stress_cur->user_cache && n == 1 && (rnd & 2))
		rte_mempool_put(stress_mp, objs[0]);
	else if (!stress_cur->user_cache && (rnd & 4))
		rte_mempool_put_bulk(stress_mp, objs, n);
	else
		rte_mempool_generic_put(stress_mp, objs, n, cache);
}

static int
stress_worker(void *arg)
{
	static const unsigned int bulks[] = { 1, 1, 2, 4, 7, 8, 32, 64 };
	uint32_t me = rte_lcore_id(), rnd = me * 2654435761U + 12345U;
	struct stress_result *res = &results[me];
	struct rte_mempool_cache *cache;
	void *held[HELD_MAX];
	unsigned int nb_held = 0, n, i;
	uint64_t deadline = rte_get_timer_cycles() +
		(uint64_t)(stress_cur->max_seconds * (double)rte_get_timer_hz());

	(void)arg;
	memset(res, 0, sizeof(*res));
	if (stress_cur->user_cache)
		cache = rte_mempool_cache_create(48, SOCKET_ID_ANY);
	else
		cache = rte_mempool_default_cache(stress_mp, me);
	for (i = 0; i < stress_cur->iters; i++) {
		if ((i & 1023) == 0 && rte_get_timer_cycles() > deadline)
			break;
		rnd = xorshift(rnd);
		n = bulks[(rnd >> 8) % RTE_DIM(bulks)];
		if ((rnd & 1) && nb_held + n <= HELD_MAX) {
			if (stress_get(cache, &held[nb_held], n, rnd) == 0) {
				claim(res, &held[nb_held], n, me);
				nb_held += n;
				continue;
			}
			res->failed_gets++;
			n = nb_held / 2; /* short of objects: give back */
		}
		n = RTE_MIN(n, nb_held);
		if (n == 0)
			continue;
		release(res, &held[nb_held - n], n, me);
		stress_put(cache, &held[nb_held - n], n, rnd);
		nb_held -= n;
	}
	release(res, held, nb_held, me);
	stress_put(cache, held, nb_held, 0);
	rte_mempool_cache_flush(cache, stress_mp);
	if (stress_cur->user_cache)
		rte_mempool_cache_free(cache);
	return 0;
}

struct seen {
	unsigned char *count;
	unsigned int bad;
	unsigned int n;
};

static void
check_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct stress_obj *o = obj;
	struct seen *s = arg;

	(void)mp;
	(void)idx;
	if (o->index >= s->n || o->owner != OWNER_FREE)
		s->bad++;
	else
		s->count[o->index]++;
}

/* The main lcore takes every object once, then returns them. */
static int
check_drain(struct rte_mempool *mp, struct seen *s)
{
	void **objs = calloc(mp->size + 1, sizeof(void *));
	unsigned int i;

	CHECK(objs != NULL);
	memset(s->count, 0, mp->size);
	for (i = 0; i < mp->size; i++)
		CHECK(rte_mempool_get(mp, &objs[i]) == 0);
	CHECK(rte_mempool_get(mp, &objs[i]) == -ENOBUFS);
	for (i = 0; i < mp->size; i++)
		s->count[((struct stress_obj *)objs[i])->index]++;
	for (i = 0; i < mp->size; i++)
		CHECK(s->count[i] == 1);
	rte_mempool_put_bulk(mp, objs, mp->size);
	free(objs);
	return 0;
}

static int
check_result(struct rte_mempool *mp)
{
	struct seen s = { NULL, 0, mp->size };
	uint64_t gets = 0, puts = 0, fails = 0, bad = 0;
	unsigned int i;

	for (i = 0; i < RTE_MAX_LCORE; i++) {
		gets += results[i].gets;
		puts += results[i].puts;
		fails += results[i].failed_gets;
		bad += results[i].bad_owner;
	}
	printf("%s n=%u cache=%u%s: %" PRIu64 " objects got, %" PRIu64
	       " put, %" PRIu64 " failed gets\n",
		stress_cur->ops, mp->size, stress_cur->cache_size,
		stress_cur->user_cache ? " (user caches)" : "", gets, puts,
		fails);
	if (rte_mempool_avail_count(mp) != mp->size)
		rte_mempool_dump(stderr, mp);
	CHECK(bad == 0);
	CHECK(gets == puts);
	CHECK(rte_mempool_avail_count(mp) == mp->size);
	CHECK(rte_mempool_ops_get_count(mp) == mp->size);
	s.count = calloc(mp->size, 1);
	CHECK(s.count != NULL);
	CHECK(rte_mempool_obj_iter(mp, check_obj, &s) == mp->size);
	CHECK(s.bad == 0);
	for (i = 0; i < mp->size; i++)
		CHECK(s.count[i] == 1);
	CHECK_OK(check_drain(mp, &s));
	free(s.count);
	CHECK(rte_mempool_full(mp));
	rte_mempool_audit(mp);
	return 0;
}

static int
stress_one(const struct stress_cfg *cfg)
{
	struct rte_mempool *mp;
	uint64_t start;

	mp = rte_mempool_create_empty("stress", cfg->n,
		sizeof(struct stress_obj), cfg->cache_size, 0, SOCKET_ID_ANY,
		0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_set_ops_byname(mp, cfg->ops, NULL) == 0);
	CHECK(rte_mempool_populate_default(mp) == (int)cfg->n);
	CHECK(rte_mempool_obj_iter(mp, stress_obj_init, NULL) == cfg->n);
	stress_mp = mp;
	stress_cur = cfg;
	start = rte_get_timer_cycles();
	CHECK(rte_eal_mp_remote_launch(stress_worker, NULL, CALL_MAIN) == 0);
	rte_eal_mp_wait_lcore();
	printf("  %.2f s on %u lcores\n",
		(double)(rte_get_timer_cycles() - start) /
			(double)rte_get_timer_hz(),
		rte_lcore_count());
	CHECK_OK(check_result(mp));
	rte_mempool_free(mp);
	return 0;
}

/* Iterations per lcore: the default, or MEMPOOL_STRESS_ITERS. */
static unsigned int
iterations(unsigned int dflt)
{
	const char *env = getenv("MEMPOOL_STRESS_ITERS");

	return env != NULL ? (unsigned int)strtoul(env, NULL, 0) : dflt;
}

/*
 * Runs every configuration. "tight" pools are smaller than what the
 * lcores may hold at once, so gets fail now and then. Each configuration
 * stops after its iterations or max_seconds, whichever comes first: on
 * shared CPUs an operation on the default ring that is preempted halfway
 * stalls every later one for up to a time slice, which makes the ring
 * cases one to two orders of magnitude slower per operation there, and
 * erratic (ring_mt_rts, ring_mt_hts and the stack suffer much less).
 */
static int
stress_all(const unsigned int *iters, double max_seconds)
{
	unsigned int tight = rte_lcore_count() * HELD_MAX / 2;
	const struct stress_cfg cfgs[] = {
		{ "ring_mp_mc", 4095, 64, 0, iters[0], max_seconds },
		{ "ring_mp_mc", tight, 32, 0, iters[1], max_seconds },
		{ "ring_mp_mc", 4095, 0, 0, iters[2], max_seconds },
		{ "ring_mp_mc", 4095, 0, 1, iters[3], max_seconds },
		{ "ring_mt_rts", 4095, 64, 0, iters[4], max_seconds },
		{ "ring_mt_rts", 4095, 0, 0, iters[4] / 4, max_seconds },
		{ "ring_mt_hts", 4095, 64, 0, iters[4], max_seconds },
		{ "ring_mt_hts", 4095, 0, 0, iters[4] / 4, max_seconds },
		{ "stack", 4095, 64, 0, iters[4], max_seconds },
		{ "stack", tight, 32, 0, iters[4], max_seconds },
		{ "stack", 4095, 0, 0, iters[4] / 4, max_seconds },
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(cfgs); i++)
		CHECK_OK(stress_one(&cfgs[i]));
	return 0;
}

MP_BODY(two_lcores_body)
{
	unsigned int it = iterations(4000000);
	const unsigned int iters[] = { it, it, it / 4, it, it };

	CHECK(rte_lcore_count() == 2);
	return stress_all(iters, 3.0);
}

static void
test_two_lcores(void **state)
{
	(void)state;
	mp_run("-l 0-1 --no-huge --no-pci -m 256", two_lcores_body);
}

MP_BODY(oversubscribed_body)
{
	unsigned int it = iterations(1000000);
	const unsigned int iters[] = { it, it, it / 4, it, it };

	CHECK(rte_lcore_count() == 6);
	return stress_all(iters, 2.5);
}

static void
test_oversubscribed(void **state)
{
	(void)state;
	mp_run("--lcores (0-5)@(0-1) --no-huge --no-pci -m 256",
		oversubscribed_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_lcores),
		cmocka_unit_test(test_oversubscribed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
