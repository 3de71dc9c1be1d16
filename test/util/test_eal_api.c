/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Small EAL APIs applications and DPDK's tests reach for: RTE_SWAP, the
 * unaligned integer types, RTE_EXEC_ENV_IS_*, rte_hexdump()/rte_memdump()
 * output, named tailqs, and the rte_thread_* API (create/join with exit
 * values, attributes, affinity, priority, thread-local keys and their
 * destructors, and every documented error).
 */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_class.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_hexdump.h>
#include <rte_tailq.h>
#include <rte_thread.h>

#include "test_helpers.h"

static void
test_macros(void **state)
{
	uint8_t bytes[9] = { 0 };
	int a = 1, b = 2;
	unaligned_uint32_t *u32 = (unaligned_uint32_t *)&bytes[1];
	unaligned_uint16_t *u16 = (unaligned_uint16_t *)&bytes[5];
	unaligned_uint64_t *u64 = (unaligned_uint64_t *)&bytes[1];

	(void)state;
	RTE_SWAP(a, b);
	assert_int_equal(a, 2);
	assert_int_equal(b, 1);
	*u32 = 0x11223344;
	*u16 = 0x5566;
	assert_int_equal(bytes[1], 0x44);
	assert_int_equal(bytes[6], 0x55);
	assert_true(*u64 != 0);
	assert_int_equal(_Alignof(unaligned_uint64_t), 1);
	assert_int_equal(RTE_EXEC_ENV_IS_LINUX, 1);
	assert_int_equal(RTE_EXEC_ENV_IS_FREEBSD, 0);
	assert_int_equal(RTE_EXEC_ENV_IS_WINDOWS, 0);
}

/* What f holds, as a string (f is rewound and read). */
static char *
file_text(FILE *f)
{
	static char text[1024];
	size_t n;

	rewind(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	return text;
}

static void
test_hexdump(void **state)
{
	const char data[] = "Pollux\x01\x02 hexdump test!";
	FILE *f = tmpfile();
	char *text;

	(void)state;
	assert_non_null(f);
	rte_hexdump(f, "blk", data, 20);
	text = file_text(f);
	assert_non_null(strstr(text, "blk at ["));
	assert_non_null(strstr(text, "len=20\n"));
	assert_non_null(strstr(text,
		"00000000: 50 6F 6C 6C 75 78 01 02 20 68 "
		"65 78 64 75 6D 70 | Pollux.. hexdump\n"));
	assert_non_null(strstr(text, "00000010: 20 74 65 73"));
	assert_non_null(strstr(text, "|  tes\n"));
	fclose(f);

	f = tmpfile();
	assert_non_null(f);
	rte_memdump(f, "mac", "\x02\x00\xab", 3);
	assert_string_equal(file_text(f), "mac: 02:00:ab\n");
	fclose(f);
	/* NULL file or buffer: nothing happens, nothing crashes. */
	rte_hexdump(NULL, "x", data, 4);
	rte_memdump(NULL, "x", data, 4);
}

struct tq_obj {
	TAILQ_ENTRY(tq_obj) next;
	int v;
};
TAILQ_HEAD(tq_list, tq_obj);

static struct rte_tailq_elem tq_elem = { .name = "TEST_TAILQ" };
EAL_REGISTER_TAILQ(tq_elem)

static void
test_tailq(void **state)
{
	struct rte_tailq_elem dup = { .name = "TEST_TAILQ" };
	struct rte_tailq_elem empty = { .name = "" };
	struct tq_obj o1 = { .v = 1 }, o2 = { .v = 2 }, *it, *tmp;
	struct tq_list *list;
	char *text;
	FILE *f;
	int sum = 0;

	(void)state;
	/* Registered by the constructor above. */
	assert_non_null(tq_elem.head);
	assert_ptr_equal(rte_eal_tailq_lookup("TEST_TAILQ"), tq_elem.head);
	list = RTE_TAILQ_LOOKUP("TEST_TAILQ", tq_list);
	assert_ptr_equal(list, RTE_TAILQ_CAST(tq_elem.head, tq_list));
	assert_null(rte_eal_tailq_lookup("NO_SUCH_TAILQ"));
	assert_null(rte_eal_tailq_lookup(NULL));
	assert_int_equal(rte_eal_tailq_register(&dup), -1);
	assert_int_equal(rte_eal_tailq_register(&empty), -1);
	assert_int_equal(rte_eal_tailq_register(NULL), -1);

	TAILQ_INSERT_TAIL(list, &o1, next);
	TAILQ_INSERT_TAIL(list, &o2, next);
	RTE_TAILQ_FOREACH_SAFE (it, list, next, tmp) {
		sum += it->v;
		TAILQ_REMOVE(list, it, next);
	}
	assert_int_equal(sum, 3);
	assert_true(TAILQ_EMPTY(list));

	f = tmpfile();
	assert_non_null(f);
	rte_dump_tailq(f);
	text = file_text(f);
	assert_non_null(strstr(text, "qname:<TEST_TAILQ>"));
	fclose(f);
}

static struct rte_class test_class_a, test_class_b;
RTE_REGISTER_CLASS(tca, test_class_a)
RTE_REGISTER_CLASS(tcb, test_class_b)

static int
class_is(const struct rte_class *cls, const void *data)
{
	return cls != data;
}

static void
test_classes(void **state)
{
	struct rte_class unnamed = { .name = NULL };

	(void)state;
	assert_ptr_equal(rte_class_find_by_name("tca"), &test_class_a);
	assert_ptr_equal(rte_class_find_by_name("tcb"), &test_class_b);
	assert_string_equal(test_class_b.name, "tcb");
	assert_null(rte_class_find_by_name("nope"));
	assert_null(rte_class_find_by_name(NULL));
	assert_ptr_equal(rte_class_find(NULL, class_is, &test_class_b),
		&test_class_b);
	/* Searching after b finds nothing; after a finds b. */
	assert_null(rte_class_find(&test_class_b, class_is, &test_class_b));
	assert_ptr_equal(rte_class_find(&test_class_a, class_is, &test_class_b),
		&test_class_b);
	assert_null(rte_class_find(NULL, NULL, NULL));
	rte_class_register(&test_class_a); /* twice: no change */
	rte_class_register(&unnamed);	   /* refused */
	rte_class_register(NULL);
	rte_class_unregister(&test_class_a);
	assert_null(rte_class_find_by_name("tca"));
	rte_class_unregister(&test_class_a); /* not listed: no-op */
	rte_class_register(&test_class_a);
	assert_ptr_equal(rte_class_find_by_name("tca"), &test_class_a);
}

static uint32_t
thread_body(void *arg)
{
	return *(uint32_t *)arg * 2;
}

static void
test_thread_create_join(void **state)
{
	rte_thread_attr_t attr;
	rte_thread_t t, self = rte_thread_self();
	uint32_t in = 21, out = 0;
	rte_cpuset_t set, got;

	(void)state;
	assert_int_equal(rte_thread_create(&t, NULL, thread_body, &in), 0);
	assert_false(rte_thread_equal(t, self));
	assert_int_equal(rte_thread_join(t, &out), 0);
	assert_int_equal(out, 42);

	/* Attributes: pinned to the first CPU we may run on. */
	assert_int_equal(rte_thread_attr_init(&attr), 0);
	assert_int_equal(sched_getaffinity(0, sizeof(set), &set), 0);
	CPU_ZERO(&got);
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &set)) {
			CPU_SET(cpu, &got);
			break;
		}
	assert_int_equal(rte_thread_attr_set_affinity(&attr, &got), 0);
	assert_int_equal(rte_thread_attr_get_affinity(&attr, &set), 0);
	assert_true(CPU_EQUAL(&set, &got));
	assert_int_equal(rte_thread_attr_set_priority(&attr,
				 RTE_THREAD_PRIORITY_NORMAL),
		0);
	assert_int_equal(rte_thread_create(&t, &attr, thread_body, &in), 0);
	assert_int_equal(rte_thread_join(t, NULL), 0);

	assert_int_equal(rte_thread_get_affinity_by_id(self, &set), 0);
	assert_int_equal(rte_thread_set_affinity_by_id(self, &set), 0);
	assert_true(rte_thread_equal(self, rte_thread_self()));

	/* Errors: positive errno numbers. */
	assert_int_equal(rte_thread_create(NULL, NULL, thread_body, &in),
		EINVAL);
	assert_int_equal(rte_thread_create(&t, NULL, NULL, &in), EINVAL);
	assert_int_equal(rte_thread_attr_init(NULL), EINVAL);
	assert_int_equal(rte_thread_attr_set_priority(&attr,
				 (enum rte_thread_priority)9),
		EINVAL);
	assert_int_equal(rte_thread_attr_set_affinity(&attr, NULL), EINVAL);
	assert_int_equal(rte_thread_get_affinity_by_id(self, NULL), EINVAL);
	assert_int_equal(rte_thread_join(self, NULL), EDEADLK);
}

static void
test_thread_priority(void **state)
{
	enum rte_thread_priority prio = RTE_THREAD_PRIORITY_REALTIME_CRITICAL;
	rte_thread_t self = rte_thread_self();

	(void)state;
	assert_int_equal(rte_thread_get_priority(self, &prio), 0);
	assert_int_equal(prio, RTE_THREAD_PRIORITY_NORMAL);
	assert_int_equal(rte_thread_set_priority(self,
				 RTE_THREAD_PRIORITY_NORMAL),
		0);
	assert_int_equal(rte_thread_set_priority(self,
				 (enum rte_thread_priority)5),
		EINVAL);
	assert_int_equal(rte_thread_get_priority(self, NULL), EINVAL);
}

static unsigned int key_destroyed;

static void
key_destructor(void *value)
{
	if (value == (void *)&key_destroyed)
		__atomic_fetch_add(&key_destroyed, 1, __ATOMIC_RELAXED);
}

static rte_thread_key test_key;

static uint32_t
key_thread(void *arg)
{
	(void)arg;
	if (rte_thread_value_get(test_key) != NULL)
		return 1;
	if (rte_thread_value_set(test_key, &key_destroyed) != 0)
		return 2;
	return rte_thread_value_get(test_key) == &key_destroyed ? 0 : 3;
}

static void
test_thread_keys(void **state)
{
	rte_thread_t t;
	uint32_t ret = 99;
	int mine = 5;

	(void)state;
	assert_int_equal(rte_thread_key_create(&test_key, key_destructor), 0);
	assert_int_equal(rte_thread_value_set(test_key, &mine), 0);
	assert_ptr_equal(rte_thread_value_get(test_key), &mine);
	/* Another thread sees its own value, whose destructor runs. */
	assert_int_equal(rte_thread_create(&t, NULL, key_thread, NULL), 0);
	assert_int_equal(rte_thread_join(t, &ret), 0);
	assert_int_equal(ret, 0);
	assert_int_equal(key_destroyed, 1);
	assert_ptr_equal(rte_thread_value_get(test_key), &mine);
	assert_int_equal(rte_thread_key_delete(test_key), 0);

	rte_errno = 0;
	assert_int_equal(rte_thread_key_create(NULL, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_thread_key_delete(NULL), -1);
	assert_int_equal(rte_thread_value_set(NULL, &mine), -1);
	assert_int_equal(rte_errno, EINVAL);
	rte_errno = 0;
	assert_null(rte_thread_value_get(NULL));
	assert_int_equal(rte_errno, EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_macros),
		cmocka_unit_test(test_hexdump),
		cmocka_unit_test(test_tailq),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_thread_create_join),
		cmocka_unit_test(test_thread_priority),
		cmocka_unit_test(test_thread_keys),
	};

	return cmocka_run_group_tests_name("eal_api", tests, NULL, NULL);
}
