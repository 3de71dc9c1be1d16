/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Debug builds (meson -Ddebug_checks=true, RTE_LIBRTE_MEMPOOL_DEBUG):
 * the cookies around objects. Good use passes and flips the header
 * cookie; a double free, an object put into another pool, a write past
 * the end of an object or over its header end the process with
 * rte_panic() (SIGABRT) after a line that names the fault, as DPDK does.
 * rte_mempool_audit() finds the same corruption in objects at rest.
 * Other builds skip the suite (exit 77).
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_mempool.h>

#include "mempool_test.h"

#ifdef RTE_LIBRTE_MEMPOOL_DEBUG

static struct rte_mempool *
make_pool(const char *name, unsigned int cache)
{
	return rte_mempool_create(name, 63, 40, cache, 0, NULL, NULL, NULL,
		NULL, SOCKET_ID_ANY, 0);
}

MP_BODY(good_use_body)
{
	struct rte_mempool *mp;
	void *objs[10];
	unsigned int cache;

	for (cache = 0; cache <= 8; cache += 8) {
		mp = make_pool("good", cache);
		CHECK(mp != NULL);
		CHECK(mp->trailer_size >= sizeof(struct rte_mempool_objtlr));
		CHECK(rte_mempool_get_bulk(mp, objs, 10) == 0);
		CHECK(rte_mempool_get_header(objs[3])->cookie ==
			RTE_MEMPOOL_HEADER_COOKIE1);
		CHECK(rte_mempool_get_trailer(objs[3])->cookie ==
			RTE_MEMPOOL_TRAILER_COOKIE);
		memset(objs[3], 0xff, mp->elt_size); /* the whole object */
		rte_mempool_audit(mp);
		rte_mempool_put_bulk(mp, objs, 10);
		CHECK(rte_mempool_get_header(objs[3])->cookie ==
			RTE_MEMPOOL_HEADER_COOKIE2);
		rte_mempool_audit(mp);
		rte_mempool_free(mp);
	}
	return 0;
}

static void
test_good_use(void **state)
{
	(void)state;
	mp_run(MP_ARGS_1, good_use_body);
}

MP_BODY(double_free_body)
{
	struct rte_mempool *mp = make_pool("dfree", 8);
	void *obj;

	if (mp == NULL || rte_mempool_get(mp, &obj) != 0)
		return 1;
	rte_mempool_put(mp, obj);
	rte_mempool_put(mp, obj);
	return 2; /* not reached */
}

MP_BODY(overflow_body)
{
	struct rte_mempool *mp = make_pool("overflow", 0);
	void *obj;

	if (mp == NULL || rte_mempool_get(mp, &obj) != 0)
		return 1;
	memset(obj, 0, mp->elt_size + 1);
	rte_mempool_put(mp, obj);
	return 2;
}

MP_BODY(underflow_body)
{
	struct rte_mempool *mp = make_pool("underflow", 0);
	void *obj;

	if (mp == NULL || rte_mempool_get(mp, &obj) != 0)
		return 1;
	memset((char *)obj - 4, 0, 4); /* the end of the header's cookie */
	rte_mempool_put(mp, obj);
	return 2;
}

MP_BODY(wrong_pool_body)
{
	struct rte_mempool *a = make_pool("pool_a", 0);
	struct rte_mempool *b = make_pool("pool_b", 0);
	void *obj;

	if (a == NULL || b == NULL || rte_mempool_get(a, &obj) != 0)
		return 1;
	rte_mempool_put(b, obj);
	return 2;
}

MP_BODY(audit_body)
{
	struct rte_mempool *mp = make_pool("audit", 0);
	void *obj;

	if (mp == NULL || rte_mempool_get(mp, &obj) != 0)
		return 1;
	rte_mempool_put(mp, obj);
	/* A write into a free object's trailer, found at rest. */
	memset((char *)obj + mp->elt_size, 0, 8);
	rte_mempool_audit(mp);
	return 2;
}

/* The body must die of SIGABRT after saying why. */
static void
expect_panic(eal_run_hook body, const char *why)
{
	struct eal_run r;

	eal_run(MP_ARGS_1, body, &r);
	if (r.status != 128 + SIGABRT || strstr(r.err_text, why) == NULL)
		print_message("exit %d, body %d, expected SIGABRT and '%s'\n"
			      "--- child stderr ---\n%s--- end ---\n",
			r.status, r.hook_ret, why, r.err_text);
	assert_int_equal(r.status, 128 + SIGABRT);
	assert_non_null(strstr(r.err_text, why));
}

static void
test_double_free(void **state)
{
	(void)state;
	expect_panic(double_free_body, "double free");
}

static void
test_overflow(void **state)
{
	(void)state;
	expect_panic(overflow_body, "written past its end");
}

static void
test_underflow(void **state)
{
	(void)state;
	expect_panic(underflow_body, "header overwritten");
}

static void
test_wrong_pool(void **state)
{
	(void)state;
	expect_panic(wrong_pool_body, "not to this one");
}

static void
test_audit(void **state)
{
	(void)state;
	expect_panic(audit_body, "written past its end");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_use),
		cmocka_unit_test(test_double_free),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_underflow),
		cmocka_unit_test(test_wrong_pool),
		cmocka_unit_test(test_audit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

#else /* !RTE_LIBRTE_MEMPOOL_DEBUG */

int
main(void)
{
	printf("SKIP: mempool cookies exist only with -Ddebug_checks=true\n");
	return 77;
}

#endif
