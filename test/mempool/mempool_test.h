/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers of the mempool suites. Each case runs its body in a forked
 * child between rte_eal_init() and rte_eal_cleanup() (eal/eal_test_run.h);
 * a failed CHECK returns its line number from the body and prints the
 * condition on stderr, which the parent shows.
 *
 * mp_snapshot()/mp_same() compare what a call may leak: the number of
 * memzones and the malloc heaps' allocation counters.
 */
#ifndef MEMPOOL_TEST_H
#define MEMPOOL_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_mempool.h>

#include "eal/eal_test_run.h"

/* A case body: runs in the child after a successful rte_eal_init(). */
#define MP_BODY(name) \
	static int name(int argc __attribute__((unused)), \
		char **argv __attribute__((unused)), \
		int consumed __attribute__((unused)))

/* Every fast case: no hugepages, no PCI, quiet logs unless they fail. */
#define MP_ARGS_1 "-l 0 --no-huge --no-pci -m 256"
#define MP_ARGS_2 "-l 0-1 --no-huge --no-pci -m 256"

static inline void
mp_run(const char *args, eal_run_hook hook)
{
	struct eal_run r;

	eal_run(args, hook, &r);
	if (getenv("MEMPOOL_TEST_VERBOSE") != NULL)
		print_message("%s", r.out_text);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		print_message("EAL args '%s': init %d (rte_errno %d), body %d, "
			      "exit %d\n--- child stderr ---\n%s--- end ---\n",
			args, r.ret, r.err, r.hook_ret, r.status, r.err_text);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(r.status, 0);
}

struct mp_snapshot {
	unsigned int memzones;
	unsigned int alloc_count;
	size_t alloc_bytes;
};

static inline void
mp_count_zone(const struct rte_memzone *mz, void *arg)
{
	(void)mz;
	(*(unsigned int *)arg)++;
}

static inline struct mp_snapshot
mp_snapshot(void)
{
	struct rte_malloc_socket_stats st;
	struct mp_snapshot s;
	unsigned int i;

	memset(&s, 0, sizeof(s));
	rte_memzone_walk(mp_count_zone, &s.memzones);
	for (i = 0; i < rte_socket_count(); i++) {
		if (rte_malloc_get_socket_stats(rte_socket_id_by_idx(i), &st) <
			0)
			continue;
		s.alloc_count += st.alloc_count;
		s.alloc_bytes += st.heap_allocsz_bytes;
	}
	return s;
}

static inline int
mp_same(struct mp_snapshot a, struct mp_snapshot b)
{
	if (a.memzones == b.memzones && a.alloc_count == b.alloc_count &&
		a.alloc_bytes == b.alloc_bytes)
		return 1;
	fprintf(stderr,
		"leak: memzones %u -> %u, allocations %u -> %u, "
		"bytes %zu -> %zu\n",
		a.memzones, b.memzones, a.alloc_count, b.alloc_count,
		a.alloc_bytes, b.alloc_bytes);
	return 0;
}

/* The name of a pool's handler. */
static inline const char *
mp_ops_name(const struct rte_mempool *mp)
{
	return rte_mempool_get_ops(mp->ops_index)->name;
}

/* Objects and their count: obj_iter's callback fills at most max. */
struct mp_objs {
	void **objs;
	unsigned int n;
	unsigned int max;
};

static inline void
mp_collect_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct mp_objs *o = (struct mp_objs *)arg;

	(void)mp;
	(void)idx;
	if (o->n < o->max)
		o->objs[o->n] = obj;
	o->n++;
}

#endif /* MEMPOOL_TEST_H */
