/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Mempool life-cycle callbacks: READY once a pool is fully populated (by
 * rte_mempool_create() or by populate calls made piece by piece), DESTROY
 * before a ready pool is freed and never for a pool that was not ready;
 * registering twice, unregistering what is not registered and NULL
 * functions fail with their errno; a callback may unregister itself and
 * register another, which then waits for the next event.
 */
#include "mempool/mempool_test.h"

#define EV_MAX 16

struct ev_log {
	unsigned int n;
	enum rte_mempool_event event[EV_MAX];
	struct rte_mempool *mp[EV_MAX];
};

static void
ev_record(enum rte_mempool_event event, struct rte_mempool *mp, void *arg)
{
	struct ev_log *log = arg;

	if (log->n < EV_MAX) {
		log->event[log->n] = event;
		log->mp[log->n] = mp;
	}
	log->n++;
}

MP_BODY(ready_destroy_body)
{
	struct ev_log log = { 0 };
	struct rte_mempool *mp;

	CHECK(rte_mempool_event_callback_register(ev_record, &log) == 0);
	mp = rte_mempool_create("ev_pool", 255, 64, 0, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	CHECK(log.n == 1);
	CHECK(log.event[0] == RTE_MEMPOOL_EVENT_READY && log.mp[0] == mp);
	rte_mempool_free(mp);
	CHECK(log.n == 2);
	CHECK(log.event[1] == RTE_MEMPOOL_EVENT_DESTROY && log.mp[1] == mp);
	CHECK(rte_mempool_event_callback_unregister(ev_record, &log) == 0);
	/* Unregistered: no more events. */
	mp = rte_mempool_create("ev_pool2", 63, 64, 0, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	rte_mempool_free(mp);
	CHECK(log.n == 2);
	return 0;
}

MP_BODY(partial_body)
{
	struct ev_log log = { 0 };
	struct rte_mempool *mp;
	size_t chunk = 4096; /* room for about half the objects */
	char *mem[2];

	CHECK(rte_mempool_event_callback_register(ev_record, &log) == 0);
	mp = rte_mempool_create_empty("ev_part", 64, 64, 0, 0, SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	mem[0] = rte_malloc(NULL, chunk, 4096);
	mem[1] = rte_malloc(NULL, 64 * 256, 4096);
	CHECK(mem[0] != NULL && mem[1] != NULL);
	/* Part of the objects: not ready yet. */
	CHECK(rte_mempool_populate_virt(mp, mem[0], chunk, 4096, NULL, NULL) >
		0);
	CHECK(mp->populated_size < mp->size);
	CHECK(log.n == 0);
	/* The rest: ready, once. */
	CHECK(rte_mempool_populate_virt(mp, mem[1], 64 * 256, 4096, NULL,
		      NULL) > 0);
	CHECK(mp->populated_size == mp->size);
	CHECK(log.n == 1 && log.event[0] == RTE_MEMPOOL_EVENT_READY);
	rte_mempool_free(mp);
	CHECK(log.n == 2 && log.event[1] == RTE_MEMPOOL_EVENT_DESTROY);

	/* A pool freed before it was full announces nothing. */
	mp = rte_mempool_create_empty("ev_never", 64, 64, 0, 0, SOCKET_ID_ANY,
		0);
	CHECK(mp != NULL);
	CHECK(rte_mempool_populate_virt(mp, mem[0], chunk, 4096, NULL, NULL) >
		0);
	rte_mempool_free(mp);
	CHECK(log.n == 2);
	rte_free(mem[0]);
	rte_free(mem[1]);
	CHECK(rte_mempool_event_callback_unregister(ev_record, &log) == 0);
	return 0;
}

MP_BODY(errors_body)
{
	int a, b;

	CHECK(rte_mempool_event_callback_register(NULL, &a) == -EINVAL);
	CHECK(rte_errno == EINVAL);
	CHECK(rte_mempool_event_callback_unregister(NULL, &a) == -EINVAL);
	CHECK(rte_mempool_event_callback_unregister(ev_record, &a) == -ENOENT);
	CHECK(rte_errno == ENOENT);
	CHECK(rte_mempool_event_callback_register(ev_record, &a) == 0);
	CHECK(rte_mempool_event_callback_register(ev_record, &a) == -EEXIST);
	CHECK(rte_errno == EEXIST);
	/* The same function with other user data is another callback. */
	CHECK(rte_mempool_event_callback_register(ev_record, &b) == 0);
	CHECK(rte_mempool_event_callback_unregister(ev_record, &a) == 0);
	CHECK(rte_mempool_event_callback_unregister(ev_record, &a) == -ENOENT);
	CHECK(rte_mempool_event_callback_unregister(ev_record, &b) == 0);
	return 0;
}

/* Unregisters itself and registers ev_record for the next events. */
static struct ev_log reentrant_log;
static unsigned int reentrant_calls;

static void
ev_reentrant(enum rte_mempool_event event, struct rte_mempool *mp, void *arg)
{
	(void)event;
	(void)mp;
	reentrant_calls++;
	rte_mempool_event_callback_unregister(ev_reentrant, arg);
	rte_mempool_event_callback_register(ev_record, &reentrant_log);
}

MP_BODY(reentrant_body)
{
	struct rte_mempool *mp;

	CHECK(rte_mempool_event_callback_register(ev_reentrant, NULL) == 0);
	mp = rte_mempool_create("ev_re", 63, 64, 0, 0, NULL, NULL, NULL, NULL,
		SOCKET_ID_ANY, 0);
	CHECK(mp != NULL);
	/* READY went to ev_reentrant only; ev_record waits for DESTROY. */
	CHECK(reentrant_calls == 1);
	CHECK(reentrant_log.n == 0);
	rte_mempool_free(mp);
	CHECK(reentrant_calls == 1);
	CHECK(reentrant_log.n == 1);
	CHECK(reentrant_log.event[0] == RTE_MEMPOOL_EVENT_DESTROY);
	CHECK(rte_mempool_event_callback_unregister(ev_record,
		      &reentrant_log) == 0);
	return 0;
}

static void
test_ready_destroy(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, ready_destroy_body);
}

static void
test_partial(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, partial_body);
}

static void
test_errors(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, errors_body);
}

static void
test_reentrant(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, reentrant_body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ready_destroy),
		cmocka_unit_test(test_partial),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_reentrant),
	};

	return cmocka_run_group_tests_name("mempool_events", tests, NULL, NULL);
}
