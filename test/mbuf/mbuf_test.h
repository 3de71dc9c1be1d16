/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers of the mbuf suites. A case that needs pools runs its body in a
 * forked child between rte_eal_init() and rte_eal_cleanup()
 * (eal/eal_test_run.h); a failed CHECK returns its line number from the
 * body and prints the condition on stderr, which the parent shows.
 *
 * Every body that takes mbufs ends with CHECK_POOL_FULL(): whatever it
 * allocated, cloned or copied has gone back, nothing leaked.
 */
#ifndef MBUF_TEST_H
#define MBUF_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "eal/eal_test_run.h"

/* A case body: runs in the child after a successful rte_eal_init(). */
#define MBUF_BODY(name) \
	static int name(int argc __attribute__((unused)), \
		char **argv __attribute__((unused)), \
		int consumed __attribute__((unused)))

/* Every case: no hugepages, no PCI, one lcore. */
#define MBUF_ARGS "-l 0 --no-huge --no-pci -m 256"

/* Pool size of most cases: a ring's best size. */
#define MBUF_N 255

static inline void
mbuf_run(const char *args, eal_run_hook hook)
{
	struct eal_run r;

	eal_run(args, hook, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		print_message("EAL args '%s': init %d (rte_errno %d), body %d, "
			      "exit %d\n--- child stderr ---\n%s--- end ---\n",
			args, r.ret, r.err, r.hook_ret, r.status, r.err_text);
	assert_true(r.ret >= 0);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(r.status, 0);
}

/* One cmocka case that runs body with MBUF_ARGS. */
#define MBUF_CASE(name, body) \
	static void name(void **state) \
	{ \
		(void)state; \
		mbuf_run(MBUF_ARGS, body); \
	}

/* Fills len bytes of the packet's data (all segments) with seed + i. */
static inline void
mbuf_fill(struct rte_mbuf *m, uint8_t seed)
{
	uint32_t i, n = 0;
	struct rte_mbuf *seg;

	for (seg = m; seg != NULL; seg = seg->next)
		for (i = 0; i < seg->data_len; i++)
			rte_pktmbuf_mtod(seg,
				uint8_t *)[i] = (uint8_t)(seed + n++);
}

/* 1 if the packet's bytes from off on are seed + off, seed + off + 1, ... */
static inline int
mbuf_data_is(const struct rte_mbuf *m, uint32_t len, uint8_t seed)
{
	const struct rte_mbuf *seg;
	uint32_t i, n = 0;

	for (seg = m; seg != NULL; seg = seg->next)
		for (i = 0; i < seg->data_len; i++, n++)
			if (rte_pktmbuf_mtod(seg, const uint8_t *)[i] !=
				(uint8_t)(seed + n))
				return 0;
	return n == len;
}

/*
 * A chain of nb_segs segments from mp holding seg_len bytes each
 * (filled with seed + i), or NULL.
 */
static inline struct rte_mbuf *
mbuf_make_chain(struct rte_mempool *mp, unsigned int nb_segs, uint16_t seg_len,
	uint8_t seed)
{
	struct rte_mbuf *head = NULL, *seg;
	unsigned int i;

	for (i = 0; i < nb_segs; i++) {
		seg = rte_pktmbuf_alloc(mp);
		if (seg == NULL || rte_pktmbuf_append(seg, seg_len) == NULL) {
			rte_pktmbuf_free(seg);
			rte_pktmbuf_free(head);
			return NULL;
		}
		if (head == NULL)
			head = seg;
		else if (rte_pktmbuf_chain(head, seg) != 0)
			return NULL;
	}
	mbuf_fill(head, seed);
	return head;
}

#endif /* MBUF_TEST_H */
