/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers of the ring suites.
 *
 * - ring_run(): runs a body in a forked child between rte_eal_init() and
 *   rte_eal_cleanup() (eal/eal_test_run.h); a failed CHECK in the body
 *   returns its line number, and the parent prints the child's stderr.
 * - struct ring_api: one way of calling the ring (sp/sc, mp/mc, the
 *   default of the flags, RTS, HTS), for pointer rings (esize 0 here) and
 *   element rings alike, so one test body covers every variant.
 */
#ifndef RING_TEST_H
#define RING_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>

#include "eal/eal_test_run.h"

/* As CHECK, naming the API variant and element size being tested. */
#define CHECK_API(cond, api, esize) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, \
				"%s:%d: [%s, esize %u] check failed: %s\n", \
				__FILE__, __LINE__, (api)->name, (esize), \
				#cond); \
			return __LINE__; \
		} \
	} while (0)

/* A case body: runs in the child after a successful rte_eal_init(). */
#define RING_BODY(name) \
	static int name(int argc __attribute__((unused)), \
		char **argv __attribute__((unused)), \
		int consumed __attribute__((unused)))

/* One lcore, no hugepages: what the functional cases run with. */
#define RING_FAST_ARGS "-l 0 --no-huge -m 64"

static inline void
ring_run_report(const char *args, const struct eal_run *r)
{
	if (r->ret >= 0 && r->hook_ret == 0 && r->status == 0)
		return;
	print_message("EAL args '%s': init %d (rte_errno %d), body %d, "
		      "exit %d\n--- child stderr ---\n%s--- end ---\n",
		args, r->ret, r->err, r->hook_ret, r->status, r->err_text);
}

/* Runs hook in a child with an EAL made from args; asserts success. */
static inline void
ring_run_out(const char *args, eal_run_hook hook, struct eal_run *r)
{
	eal_run(args, hook, r);
	ring_run_report(args, r);
	assert_true(r->ret >= 0);
	assert_int_equal(r->hook_ret, 0);
	assert_int_equal(r->status, 0);
}

static inline void
ring_run(const char *args, eal_run_hook hook)
{
	static struct eal_run r;

	ring_run_out(args, hook, &r);
}

static inline void
ring_count_zone(const struct rte_memzone *mz, void *arg)
{
	(void)mz;
	(*(unsigned int *)arg)++;
}

/* Number of memzones reserved now. */
static inline unsigned int
ring_zone_count(void)
{
	unsigned int n = 0;

	rte_memzone_walk(ring_count_zone, &n);
	return n;
}

/*
 * The calls of one API variant. esize 0 selects the pointer-ring calls
 * (rte_ring_sp_enqueue_bulk() ...), anything else the _elem calls.
 */
typedef unsigned int (*ring_enq_fn)(struct rte_ring *r, const void *objs,
	unsigned int esize, unsigned int n, unsigned int *free_space);
typedef unsigned int (*ring_deq_fn)(struct rte_ring *r, void *objs,
	unsigned int esize, unsigned int n, unsigned int *available);
typedef int (
	*ring_enq_one_fn)(struct rte_ring *r, void *obj, unsigned int esize);
typedef int (
	*ring_deq_one_fn)(struct rte_ring *r, void *obj, unsigned int esize);

struct ring_api {
	const char *name;
	unsigned int flags; /* creation flags the variant needs */
	int single_prod;    /* only one producer may use it */
	int single_cons;    /* only one consumer may use it */
	ring_enq_fn enq_bulk;
	ring_deq_fn deq_bulk;
	ring_enq_fn enq_burst;
	ring_deq_fn deq_burst;
	ring_enq_one_fn enq_one;
	ring_deq_one_fn deq_one;
};

/* Bulk and burst wrappers of one enqueue/dequeue prefix ("sp_", "mc_"...). */
#define RING_TEST_WRAP_N(tag, ep, dp, kind) \
	static inline unsigned int \
		ring_test_enq_##kind##_##tag(struct rte_ring *r, \
			const void *objs, unsigned int esize, unsigned int n, \
			unsigned int *fs) \
	{ \
		if (esize == 0) \
			return rte_ring_##ep##enqueue_##kind(r, \
				(void *const *)(uintptr_t)objs, n, fs); \
		return rte_ring_##ep##enqueue_##kind##_elem(r, objs, esize, n, \
			fs); \
	} \
	static inline unsigned int \
		ring_test_deq_##kind##_##tag(struct rte_ring *r, void *objs, \
			unsigned int esize, unsigned int n, unsigned int *av) \
	{ \
		if (esize == 0) \
			return rte_ring_##dp##dequeue_##kind(r, (void **)objs, \
				n, av); \
		return rte_ring_##dp##dequeue_##kind##_elem(r, objs, esize, n, \
			av); \
	}

/* Single-object wrappers (RTS and HTS have none: they use the default). */
#define RING_TEST_WRAP_ONE(tag, ep, dp) \
	static inline int ring_test_enq_one_##tag(struct rte_ring *r, \
		void *obj, unsigned int esize) \
	{ \
		if (esize == 0) \
			return rte_ring_##ep##enqueue(r, *(void **)obj); \
		return rte_ring_##ep##enqueue_elem(r, obj, esize); \
	} \
	static inline int ring_test_deq_one_##tag(struct rte_ring *r, \
		void *obj, unsigned int esize) \
	{ \
		if (esize == 0) \
			return rte_ring_##dp##dequeue(r, (void **)obj); \
		return rte_ring_##dp##dequeue_elem(r, obj, esize); \
	}

#define RING_TEST_WRAP(tag, ep, dp) \
	RING_TEST_WRAP_N(tag, ep, dp, bulk) \
	RING_TEST_WRAP_N(tag, ep, dp, burst)

RING_TEST_WRAP(spsc, sp_, sc_)
RING_TEST_WRAP(mpmc, mp_, mc_)
RING_TEST_WRAP(def, , )
RING_TEST_WRAP(rts, mp_rts_, mc_rts_)
RING_TEST_WRAP(hts, mp_hts_, mc_hts_)
RING_TEST_WRAP_ONE(spsc, sp_, sc_)
RING_TEST_WRAP_ONE(mpmc, mp_, mc_)
RING_TEST_WRAP_ONE(def, , )

#define RING_TEST_API(label, tag, one, fl, sp, sc) \
	{ \
		.name = label, .flags = (fl), .single_prod = (sp), \
		.single_cons = (sc), .enq_bulk = ring_test_enq_bulk_##tag, \
		.deq_bulk = ring_test_deq_bulk_##tag, \
		.enq_burst = ring_test_enq_burst_##tag, \
		.deq_burst = ring_test_deq_burst_##tag, \
		.enq_one = ring_test_enq_one_##one, \
		.deq_one = ring_test_deq_one_##one, \
	}

/* Every variant: explicit calls, then the default calls of each mode. */
static const struct ring_api ring_test_apis[] __attribute__((unused)) = {
	RING_TEST_API("sp/sc", spsc, spsc, 0, 1, 1),
	RING_TEST_API("mp/mc", mpmc, mpmc, 0, 0, 0),
	RING_TEST_API("default ST", def, def, RING_F_SP_ENQ | RING_F_SC_DEQ, 1,
		1),
	RING_TEST_API("default MT", def, def, 0, 0, 0),
	RING_TEST_API("mp_rts/mc_rts", rts, def,
		RING_F_MP_RTS_ENQ | RING_F_MC_RTS_DEQ, 0, 0),
	RING_TEST_API("mp_hts/mc_hts", hts, def,
		RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ, 0, 0),
	RING_TEST_API("default RTS/HTS", def, def,
		RING_F_MP_RTS_ENQ | RING_F_MC_HTS_DEQ, 0, 0),
	RING_TEST_API("default HTS/MT", def, def, RING_F_MP_HTS_ENQ, 0, 0),
	RING_TEST_API("default ST/RTS", def, def,
		RING_F_SP_ENQ | RING_F_MC_RTS_DEQ, 1, 0),
};

#define RING_TEST_NB_APIS (sizeof(ring_test_apis) / sizeof(ring_test_apis[0]))

/* The API variant with that name, or NULL. */
static inline const struct ring_api *
ring_test_api(const char *name)
{
	size_t i;

	for (i = 0; i < RING_TEST_NB_APIS; i++)
		if (strcmp(ring_test_apis[i].name, name) == 0)
			return &ring_test_apis[i];
	return NULL;
}

/*
 * Puts one MT/ST side's counters at pos as an MT call that finished
 * there leaves them: the MT head's mark clear, head and tail at pos, and
 * in the ST record the value that sends the next ST call to the other
 * side's tail (struct rte_ring_headtail).
 */
static inline void
ring_test_set_side(struct rte_ring_headtail *ht, uint32_t pos)
{
	ht->__mt.val.pos = ht->head = ht->tail = pos;
	ht->__mt.val.moved = 0;
	ht->__st_seen = __RTE_RING_ST_UNSEEN(pos);
}

#endif /* RING_TEST_H */
