/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * kvargs: the syntax drivers rely on (pairs, bare keys, bracketed lists,
 * empty pairs), lookups, process/count, and every rejected string giving
 * NULL with exactly one log line. No EAL is needed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_log.h>

#include "test_helpers.h"

static const char *const valid_keys[] = { "size", "copy", "queues", NULL };

struct good_case {
	const char *args;
	unsigned int count;
	const char *key;   /* a key to look up */
	const char *value; /* its expected value (NULL: bare key) */
};

static const struct good_case good_cases[] = {
	{ "", 0, NULL, NULL },
	{ "size=64", 1, "size", "64" },
	{ "size=64,copy=1", 2, "copy", "1" },
	{ "queues=[0,2-3],size=8", 2, "queues", "[0,2-3]" },
	{ "size=8,queues=[1,2,3]", 2, "queues", "[1,2,3]" },
	{ "copy", 1, "copy", NULL },
	{ "copy,size=1", 2, "copy", NULL },
	{ "size=1,,copy=0,", 2, "copy", "0" },
	{ ",,,", 0, NULL, NULL },
	{ "size=", 1, "size", "" },
	{ "size=1,size=2", 2, "size", "1" },
	/* DPDK 22.11 takes an unclosed list to the end of the string. */
	{ "queues=[1,2", 1, "queues", "[1,2" },
};

/* DPDK 22.11's other rules, with no list of valid keys. */
static const struct good_case any_key_cases[] = {
	{ "=1", 1, "", "1" },		  /* empty key */
	{ "size=1,=2", 2, "", "2" },	  /* empty key after a comma */
	{ "size=a=b", 1, "a", "b" },	  /* each '=' ends a key */
	{ "k=[a=b,c]", 1, "[a", "b,c]" }, /* also inside a list */
	{ "=", 1, "", "" },
	{ "a]b=1", 1, "a]b", "1" }, /* a stray ']' is a character */
};

static void
check_good_cases(const struct good_case *cases, size_t nb,
	const char *const keys[])
{
	struct rte_kvargs *kv;
	size_t i;

	for (i = 0; i < nb; i++) {
		const struct good_case *c = &cases[i];

		kv = rte_kvargs_parse(c->args, keys);
		if (kv == NULL)
			fail_msg("'%s' rejected", c->args);
		assert_int_equal(rte_kvargs_count(kv, NULL), c->count);
		if (c->key != NULL) {
			if (c->value == NULL)
				assert_null(rte_kvargs_get(kv, c->key));
			else
				assert_string_equal(rte_kvargs_get(kv, c->key),
					c->value);
			assert_true(rte_kvargs_count(kv, c->key) >= 1);
		}
		rte_kvargs_free(kv);
	}
}

static void
test_good_strings(void **state)
{
	(void)state;
	check_good_cases(good_cases, RTE_DIM(good_cases), valid_keys);
	check_good_cases(any_key_cases, RTE_DIM(any_key_cases), NULL);
}

/* Parses with the log captured; the number of lines logged. */
static int
parse_logged_lines(const char *args, const char *const keys[],
	struct rte_kvargs **out, char *text, size_t size)
{
	FILE *log = tmpfile();
	int lines = 0;
	size_t n;

	rte_openlog_stream(log);
	*out = rte_kvargs_parse(args, keys);
	rte_openlog_stream(NULL);
	rewind(log);
	n = fread(text, 1, size - 1, log);
	text[n] = '\0';
	fclose(log);
	for (n = 0; text[n] != '\0'; n++)
		lines += text[n] == '\n';
	return lines;
}

struct bad_case {
	const char *args;
	const char *says; /* a piece of the log line */
};

static const struct bad_case bad_cases[] = {
	/* An empty key, or the key before a second '=', is no valid key. */
	{ "=1", "unknown key \"\"" },
	{ "size=1,=2", "unknown key \"\"" },
	{ "size=a=b", "unknown key \"a\"" },
	{ "speed=10", "speed" },
	{ "size=1,colour=red", "colour" },
};

/* RTE_KVARGS_MAX pairs fit, one more does not. */
static void
test_too_many_pairs(void **state)
{
	static const char *const keys[] = { "s", NULL };
	char args[4 * (RTE_KVARGS_MAX + 1)] = "s";
	struct rte_kvargs *kv;
	char text[512];
	int i;

	(void)state;
	for (i = 1; i < RTE_KVARGS_MAX; i++)
		strcat(args, ",s");
	kv = rte_kvargs_parse(args, keys);
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_count(kv, "s"), RTE_KVARGS_MAX);
	rte_kvargs_free(kv);
	strcat(args, ",s=1");
	assert_int_equal(parse_logged_lines(args, keys, &kv, text, sizeof(text)),
		1);
	assert_null(kv);
	assert_non_null(strstr(text, "pairs"));
}

static void
test_bad_strings(void **state)
{
	struct rte_kvargs *kv;
	char text[512];
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		int lines = parse_logged_lines(c->args, valid_keys, &kv, text,
			sizeof(text));

		if (kv != NULL || lines != 1 || strstr(text, c->says) == NULL)
			fail_msg("'%s': kv %p, %d lines: %s", c->args,
				(void *)kv, lines, text);
	}
	assert_null(rte_kvargs_parse(NULL, NULL));
	/* Without valid_keys any key goes. */
	kv = rte_kvargs_parse("anything=1,goes", NULL);
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_count(kv, NULL), 2);
	rte_kvargs_free(kv);
	rte_kvargs_free(NULL);
}

struct collected {
	char text[128];
	int calls;
};

static int
collect(const char *key, const char *value, void *opaque)
{
	struct collected *c = opaque;
	size_t len = strlen(c->text);

	snprintf(c->text + len, sizeof(c->text) - len, "%s%s=%s",
		c->calls > 0 ? ";" : "", key, value != NULL ? value : "(null)");
	c->calls++;
	return 0;
}

static int
refuse_copy(const char *key, const char *value, void *opaque)
{
	(void)value;
	(*(int *)opaque)++;
	return strcmp(key, "copy") == 0 ? -1 : 0;
}

static void
test_process(void **state)
{
	struct rte_kvargs *kv =
		rte_kvargs_parse("size=1,copy,size=2,queues=[1,2]", valid_keys);
	struct collected all = { "", 0 }, sizes = { "", 0 };
	int calls = 0;

	(void)state;
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_process(kv, NULL, collect, &all), 0);
	assert_string_equal(all.text, "size=1;copy=(null);size=2;queues=[1,2]");
	assert_int_equal(rte_kvargs_process(kv, "size", collect, &sizes), 0);
	assert_string_equal(sizes.text, "size=1;size=2");
	assert_int_equal(rte_kvargs_count(kv, "size"), 2);
	assert_int_equal(rte_kvargs_count(kv, "nope"), 0);
	/* A failing handler stops the walk. */
	assert_int_equal(rte_kvargs_process(kv, NULL, refuse_copy, &calls), -1);
	assert_int_equal(calls, 2);
	assert_int_equal(rte_kvargs_process(kv, NULL, NULL, NULL), -1);
	assert_int_equal(rte_kvargs_process(NULL, NULL, collect, &all), 0);
	assert_int_equal(rte_kvargs_count(NULL, NULL), 0);
	rte_kvargs_free(kv);
}

static void
test_lookups(void **state)
{
	struct rte_kvargs *kv = rte_kvargs_parse("a=1,b=2,a=3,c", NULL);

	(void)state;
	assert_non_null(kv);
	assert_string_equal(rte_kvargs_get(kv, "a"), "1");
	assert_null(rte_kvargs_get(kv, "z"));
	assert_null(rte_kvargs_get(kv, NULL));
	assert_null(rte_kvargs_get(NULL, "a"));
	assert_string_equal(rte_kvargs_get_with_value(kv, "a", "3"), "3");
	assert_null(rte_kvargs_get_with_value(kv, "a", "2"));
	assert_string_equal(rte_kvargs_get_with_value(kv, NULL, "2"), "2");
	assert_string_equal(rte_kvargs_get_with_value(kv, "b", NULL), "2");
	assert_null(rte_kvargs_get_with_value(kv, "c", "x"));
	assert_string_equal(kv->pairs[1].key, "b");
	assert_int_equal(kv->count, 4);
	rte_kvargs_free(kv);
}

static void
test_parse_delim(void **state)
{
	struct rte_kvargs *kv;

	(void)state;
	kv = rte_kvargs_parse_delim("size=1,copy=0/class=eth", valid_keys, "/");
	assert_non_null(kv);
	assert_int_equal(rte_kvargs_count(kv, NULL), 2);
	assert_string_equal(rte_kvargs_get(kv, "copy"), "0");
	rte_kvargs_free(kv);
	/* No end characters: the whole string. */
	kv = rte_kvargs_parse_delim("size=1/2", valid_keys, NULL);
	assert_non_null(kv);
	assert_string_equal(rte_kvargs_get(kv, "size"), "1/2");
	rte_kvargs_free(kv);
	/* ... where the second '=' makes "1/class" a key, as in DPDK. */
	assert_null(
		rte_kvargs_parse_delim("size=1/class=eth", valid_keys, NULL));
	assert_null(rte_kvargs_parse_delim("copy=1/x,y=2", valid_keys, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_strings),
		cmocka_unit_test(test_bad_strings),
		cmocka_unit_test(test_too_many_pairs),
		cmocka_unit_test(test_process),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_parse_delim),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
