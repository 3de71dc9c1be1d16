/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Rings under load: producers and consumers on every lcore of the EAL,
 * both on two lcores (one per CPU) and on more lcores than CPUs (so that
 * threads are preempted in the middle of an operation). Each producer
 * enqueues its own tagged sequence 1..N, in random bulk and burst sizes;
 * consumers check every object they get:
 *   - it is well formed (tag of a real producer, seq in range, and for
 *     16-byte elements the second half matches the first),
 *   - it was not seen before (one shared bitmap per producer),
 *   - it comes after the previous object of the same producer that this
 *     consumer saw (a ring is FIFO in claim order, and one thread's claims
 *     are ordered); with one producer and one consumer, exactly after.
 * At the end every bit must be set (nothing lost) and the ring empty.
 *
 * Built with a sanitizer or without optimisation the cases move fewer
 * objects; the "tsan" suite runs this program built with ThreadSanitizer.
 */
#include <inttypes.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_pause.h>
#include <rte_ring.h>

#include "ring/ring_test.h"

/* Fewer objects where the code runs slower, to stay within ~30 s. */
#if defined(__SANITIZE_THREAD__)
#define STRESS_SCALE 16 /* ThreadSanitizer: 10-20 times slower */
#elif defined(__SANITIZE_ADDRESS__) || !defined(__OPTIMIZE__)
#define STRESS_SCALE 8 /* ASan, or -O0 (CI's ASan build is both) */
#else
#define STRESS_SCALE 1
#endif

#define STRESS_MAX_THREADS 8
#define STRESS_MAX_BURST   32
#define STRESS_ES_MAX	   16
#define STRESS_TIMEOUT_S   60 /* no case needs a tenth of this */

/* One case: an API variant, who produces and consumes, how much. */
struct stress_case {
	const char *api_name; /* a name in ring_test_apis[] */
	unsigned int esize;   /* 0: pointer ring; else 16 */
	unsigned int nb_prod; /* lcores [0, nb_prod) produce... */
	bool mixed;	      /* ...unless every lcore does both */
	uint32_t per_prod;    /* objects each producer enqueues */
	unsigned int ring_count;
};

static struct {
	const struct stress_case *sc;
	const struct ring_api *api;
	struct rte_ring *r;
	unsigned int nb_threads, nb_prod, nb_cons;
	uint64_t *seen[STRESS_MAX_THREADS]; /* bit seq: got it */
	uint64_t total;			    /* objects to move in all */
	uint64_t consumed;		    /* objects dequeued so far */
	unsigned int ready;		    /* threads at the start line */
	uint64_t deadline; /* TSC value past which we give up */
	int error;	   /* first failure's line, 0 if none */
} st;

/* Records the first failure; workers stop when they see one. */
#define STRESS_FAIL(...) \
	do { \
		fprintf(stderr, __VA_ARGS__); \
		__atomic_store_n(&st.error, __LINE__, __ATOMIC_RELAXED); \
		return -1; \
	} while (0)

/* Per-thread state of a worker. */
struct stress_worker {
	unsigned int idx; /* lcore index */
	unsigned int rand_state;
	uint32_t next_seq;		   /* next seq to enqueue (producers) */
	uint32_t last[STRESS_MAX_THREADS]; /* last seq seen per producer */
	unsigned int idle; /* operations in a row that moved nothing */
	uint8_t buf[STRESS_MAX_BURST * STRESS_ES_MAX];
};

static unsigned int
stress_es(void)
{
	return st.sc->esize == 0 ? sizeof(void *) : st.sc->esize;
}

/* Encodes (producer, seq) into element i of buf. */
static void
stress_put(uint8_t *buf, unsigned int i, unsigned int prod, uint32_t seq)
{
	uint64_t v = ((uint64_t)(prod + 1) << 32) | seq, check = ~v;

	memcpy(buf + i * stress_es(), &v, sizeof(v));
	if (st.sc->esize == 16)
		memcpy(buf + i * 16 + 8, &check, sizeof(check));
}

/* Enqueues a random number of this producer's next objects. */
static void
stress_produce(struct stress_worker *w)
{
	uint32_t left = st.sc->per_prod - w->next_seq + 1;
	unsigned int n = 1 + rand_r(&w->rand_state) % STRESS_MAX_BURST, i;
	unsigned int done, free_space;

	if (n > left)
		n = left;
	for (i = 0; i < n; i++)
		stress_put(w->buf, i, w->idx, w->next_seq + i);
	if (rand_r(&w->rand_state) & 1)
		done = st.api->enq_bulk(st.r, w->buf, st.sc->esize, n,
			&free_space);
	else
		done = st.api->enq_burst(st.r, w->buf, st.sc->esize, n,
			&free_space);
	w->next_seq += done;
	w->idle = done == 0 ? w->idle + 1 : 0;
}

/* Checks one dequeued object; 0 or -1 (and st.error set). */
static int
stress_check(struct stress_worker *w, const uint8_t *elem)
{
	uint64_t v, check, bit, old;
	unsigned int prod;
	uint32_t seq;

	memcpy(&v, elem, sizeof(v));
	prod = (unsigned int)(v >> 32) - 1;
	seq = (uint32_t)v;
	if (prod >= st.nb_prod || seq == 0 || seq > st.sc->per_prod)
		STRESS_FAIL("lcore %u: bad object %#" PRIx64 "\n", w->idx, v);
	if (st.sc->esize == 16) {
		memcpy(&check, elem + 8, sizeof(check));
		if (check != ~v)
			STRESS_FAIL("lcore %u: torn element %#" PRIx64
				    "/%#" PRIx64 "\n",
				w->idx, v, check);
	}
	bit = UINT64_C(1) << (seq % 64);
	old = __atomic_fetch_or(&st.seen[prod][seq / 64], bit, __ATOMIC_RELAXED);
	if ((old & bit) != 0)
		STRESS_FAIL("lcore %u: producer %u seq %u seen twice\n", w->idx,
			prod, seq);
	if (seq <= w->last[prod] ||
		(st.nb_cons == 1 && st.nb_prod == 1 && seq != w->last[prod] + 1))
		STRESS_FAIL("lcore %u: producer %u seq %u after seq %u\n",
			w->idx, prod, seq, w->last[prod]);
	w->last[prod] = seq;
	return 0;
}

/* Dequeues a random number of objects and checks them. */
static void
stress_consume(struct stress_worker *w)
{
	unsigned int n = 1 + rand_r(&w->rand_state) % STRESS_MAX_BURST, i;
	unsigned int got, available, es = stress_es();

	if (rand_r(&w->rand_state) & 1)
		got = st.api->deq_bulk(st.r, w->buf, st.sc->esize, n,
			&available);
	else
		got = st.api->deq_burst(st.r, w->buf, st.sc->esize, n,
			&available);
	for (i = 0; i < got; i++)
		if (stress_check(w, w->buf + i * es) != 0)
			return;
	if (got != 0)
		__atomic_fetch_add(&st.consumed, got, __ATOMIC_RELAXED);
	w->idle = got == 0 ? w->idle + 1 : 0;
}

/* Waits for every worker, so they start together. */
static void
stress_start_line(void)
{
	__atomic_fetch_add(&st.ready, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&st.ready, __ATOMIC_ACQUIRE) < st.nb_threads)
		rte_pause();
}

/* True when this worker has nothing left to do. */
static bool
stress_done(const struct stress_worker *w, bool producer, bool consumer)
{
	if (producer && w->next_seq <= st.sc->per_prod)
		return false;
	if (consumer &&
		__atomic_load_n(&st.consumed, __ATOMIC_RELAXED) < st.total)
		return false;
	return true;
}

static int
stress_worker(void *arg)
{
	struct stress_worker w = { .next_seq = 1 };
	bool producer, consumer;

	(void)arg;
	w.idx = (unsigned int)rte_lcore_index((int)rte_lcore_id());
	w.rand_state = w.idx * 7919 + 1;
	producer = st.sc->mixed || w.idx < st.nb_prod;
	consumer = st.sc->mixed || w.idx >= st.nb_prod;
	stress_start_line();
	while (__atomic_load_n(&st.error, __ATOMIC_RELAXED) == 0 &&
		!stress_done(&w, producer, consumer)) {
		if (producer && w.next_seq <= st.sc->per_prod)
			stress_produce(&w);
		if (consumer)
			stress_consume(&w);
		if (w.idle == 0)
			continue;
		/* Nothing moved: let a preempted peer run. */
		rte_pause();
		if (w.idle % 64 == 0)
			sched_yield();
		if (rte_rdtsc() > st.deadline)
			STRESS_FAIL("lcore %u: no end after %d s (consumed %" PRIu64
				    " of %" PRIu64 ")\n",
				w.idx, STRESS_TIMEOUT_S,
				__atomic_load_n(&st.consumed, __ATOMIC_RELAXED),
				st.total);
	}
	return 0;
}

/* Sets up st for sc on the EAL's lcores; 0 or a line number. */
static int
stress_setup(const struct stress_case *sc)
{
	size_t words = sc->per_prod / 64 + 1;
	unsigned int i;

	memset(&st, 0, sizeof(st));
	st.sc = sc;
	st.api = ring_test_api(sc->api_name);
	CHECK(st.api != NULL);
	st.nb_threads = rte_lcore_count();
	CHECK(st.nb_threads <= STRESS_MAX_THREADS);
	st.nb_prod = sc->mixed ? st.nb_threads : sc->nb_prod;
	st.nb_cons = sc->mixed ? st.nb_threads : st.nb_threads - sc->nb_prod;
	CHECK(st.nb_prod >= 1 && st.nb_cons >= 1);
	CHECK(!st.api->single_prod || (st.nb_prod == 1 && !sc->mixed));
	CHECK(!st.api->single_cons || (st.nb_cons == 1 && !sc->mixed));
	st.total = (uint64_t)st.nb_prod * sc->per_prod;
	for (i = 0; i < st.nb_prod; i++) {
		st.seen[i] = calloc(words, sizeof(uint64_t));
		CHECK(st.seen[i] != NULL);
	}
	if (sc->esize == 0)
		st.r = rte_ring_create("stress", sc->ring_count, SOCKET_ID_ANY,
			st.api->flags);
	else
		st.r = rte_ring_create_elem("stress", sc->esize, sc->ring_count,
			SOCKET_ID_ANY, st.api->flags);
	CHECK(st.r != NULL);
	st.deadline = rte_rdtsc() + STRESS_TIMEOUT_S * rte_get_tsc_hz();
	return 0;
}

/* After the run: nothing lost, ring empty. 0 or a line number. */
static int
stress_verify(void)
{
	uint32_t seq;
	unsigned int p;

	CHECK(st.error == 0);
	CHECK(st.consumed == st.total);
	CHECK(rte_ring_count(st.r) == 0 && rte_ring_empty(st.r));
	for (p = 0; p < st.nb_prod; p++)
		for (seq = 1; seq <= st.sc->per_prod; seq++)
			if ((st.seen[p][seq / 64] &
				    (UINT64_C(1) << (seq % 64))) == 0) {
				fprintf(stderr, "producer %u seq %u lost\n", p,
					seq);
				return __LINE__;
			}
	return 0;
}

static void
stress_teardown(void)
{
	unsigned int i;

	rte_ring_free(st.r);
	for (i = 0; i < st.nb_prod; i++)
		free(st.seen[i]);
}

/* Runs one case on every lcore of the EAL. */
static int
stress_run(const struct stress_case *sc)
{
	uint64_t start;
	int ret;

	ret = stress_setup(sc);
	if (ret != 0)
		return ret;
	start = rte_rdtsc();
	CHECK(rte_eal_mp_remote_launch(stress_worker, NULL, CALL_MAIN) == 0);
	rte_eal_mp_wait_lcore();
	printf("%s, esize %u, %u threads (%u producers, %u consumers%s): "
	       "%" PRIu64 " objects in %.2f s\n",
		sc->api_name, sc->esize, st.nb_threads, st.nb_prod, st.nb_cons,
		sc->mixed ? ", all both" : "", st.total,
		(double)(rte_rdtsc() - start) / (double)rte_get_tsc_hz());
	ret = stress_verify();
	stress_teardown();
	return ret;
}

#define PER_PROD(n) ((uint32_t)((n) / STRESS_SCALE))

/*
 * Two lcores, one per CPU. Bursts average 16.5 objects, so 16 million
 * objects are about a million operations on each side.
 */
static const struct stress_case cases_2[] = {
	{ "sp/sc", 0, 1, false, PER_PROD(16000000), 512 },
	{ "default ST", 16, 1, false, PER_PROD(16000000), 256 },
	{ "mp/mc", 0, 0, true, PER_PROD(8000000), 512 },
	{ "default MT", 16, 1, false, PER_PROD(16000000), 1024 },
	{ "mp_rts/mc_rts", 0, 0, true, PER_PROD(8000000), 512 },
	{ "mp_hts/mc_hts", 16, 0, true, PER_PROD(8000000), 512 },
	{ "default RTS/HTS", 0, 0, true, PER_PROD(8000000), 64 },
};

/* Six lcores on two CPUs: threads get preempted mid-operation. */
static const struct stress_case cases_6[] = {
	{ "mp/mc", 0, 3, false, PER_PROD(1000000), 512 },
	{ "default MT", 16, 0, true, PER_PROD(250000), 1024 },
	{ "mp_rts/mc_rts", 0, 0, true, PER_PROD(2000000), 512 },
	{ "mp_hts/mc_hts", 16, 2, false, PER_PROD(3000000), 512 },
	{ "default ST/RTS", 0, 1, false, PER_PROD(8000000), 512 },
	{ "default HTS/MT", 0, 5, false, PER_PROD(1000000), 256 },
};

static int
stress_cases(const struct stress_case *cases, size_t nb)
{
	size_t i;
	int ret;

	for (i = 0; i < nb; i++) {
		ret = stress_run(&cases[i]);
		if (ret != 0) {
			fprintf(stderr, "case %s (esize %u) failed\n",
				cases[i].api_name, cases[i].esize);
			return ret;
		}
	}
	return 0;
}

RING_BODY(two_lcores_body)
{
	return stress_cases(cases_2, sizeof(cases_2) / sizeof(cases_2[0]));
}

RING_BODY(six_lcores_body)
{
	return stress_cases(cases_6, sizeof(cases_6) / sizeof(cases_6[0]));
}

static void
test_two_lcores(void **state)
{
	static struct eal_run r;

	(void)state;
	ring_run_out("-l 0-1 --no-huge -m 64", two_lcores_body, &r);
	print_message("%s", r.out_text);
}

static void
test_more_threads_than_cpus(void **state)
{
	static struct eal_run r;

	(void)state;
	ring_run_out("--lcores=(0-5)@(0-1) --no-huge -m 64", six_lcores_body,
		&r);
	print_message("%s", r.out_text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_lcores),
		cmocka_unit_test(test_more_threads_than_cpus),
	};

	return cmocka_run_group_tests_name("ring_stress", tests, NULL, NULL);
}
