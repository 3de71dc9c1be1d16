/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* rte_strsplit, the bounded copies, and rte_str_to_size. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_string_fns.h>

#include "test_helpers.h"

static void
test_strsplit_basic(void **state)
{
	char text[] = "a,bb,ccc";
	char *tokens[8];

	(void)state;
	assert_int_equal(rte_strsplit(text, sizeof(text), tokens, 8, ','), 3);
	assert_string_equal(tokens[0], "a");
	assert_string_equal(tokens[1], "bb");
	assert_string_equal(tokens[2], "ccc");
}

static void
test_strsplit_edges(void **state)
{
	char empty[] = "";
	char leading[] = ",x";
	char trailing[] = "x,";
	char doubled[] = "x,,y";
	char only[] = ",";
	char *tokens[8];

	(void)state;
	assert_int_equal(rte_strsplit(empty, sizeof(empty), tokens, 8, ','), 0);

	assert_int_equal(rte_strsplit(leading, sizeof(leading), tokens, 8, ','),
		2);
	assert_string_equal(tokens[0], "");
	assert_string_equal(tokens[1], "x");

	/* A trailing delimiter ends a token but starts none. */
	assert_int_equal(rte_strsplit(trailing, sizeof(trailing), tokens, 8,
				 ','),
		1);
	assert_string_equal(tokens[0], "x");

	assert_int_equal(rte_strsplit(doubled, sizeof(doubled), tokens, 8, ','),
		3);
	assert_string_equal(tokens[1], "");
	assert_string_equal(tokens[2], "y");

	assert_int_equal(rte_strsplit(only, sizeof(only), tokens, 8, ','), 1);
	assert_string_equal(tokens[0], "");
}

static void
test_strsplit_limits(void **state)
{
	char text[] = "k=v=w,x";
	char bounded[] = "abc,def";
	char *tokens[4] = { NULL };

	(void)state;
	/* The last allowed token keeps the rest of the string. */
	assert_int_equal(rte_strsplit(text, sizeof(text), tokens, 2, '='), 2);
	assert_string_equal(tokens[0], "k");
	assert_string_equal(tokens[1], "v=w,x");

	/* stringlen bounds the scan: "abc,d" only. */
	assert_int_equal(rte_strsplit(bounded, 5, tokens, 4, ','), 2);
	assert_string_equal(tokens[0], "abc");
	assert_int_equal(tokens[1][0], 'd');

	assert_int_equal(rte_strsplit(text, sizeof(text), tokens, 0, '='), 0);
}

static void
test_strsplit_bad_args(void **state)
{
	char text[] = "a,b";
	char *tokens[4];

	(void)state;
	errno = 0;
	assert_int_equal(rte_strsplit(NULL, 3, tokens, 4, ','), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(rte_strsplit(text, sizeof(text), NULL, 4, ','), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(rte_strsplit(text, -1, tokens, 4, ','), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(rte_strsplit(text, sizeof(text), tokens, -2, ','), -1);
	assert_int_equal(errno, EINVAL);
}

static void
test_strlcpy_strlcat(void **state)
{
	char buf[8];

	(void)state;
	assert_int_equal(rte_strlcpy(buf, "hello", sizeof(buf)), 5);
	assert_string_equal(buf, "hello");
	assert_int_equal(rte_strlcpy(buf, "0123456789", sizeof(buf)), 10);
	assert_string_equal(buf, "0123456"); /* truncated */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(rte_strlcpy(buf, "abc", 0), 3);
	assert_int_equal(buf[0], 'x'); /* untouched */

	rte_strlcpy(buf, "ab", sizeof(buf));
	assert_int_equal(rte_strlcat(buf, "cd", sizeof(buf)), 4);
	assert_string_equal(buf, "abcd");
	assert_int_equal(rte_strlcat(buf, "efghij", sizeof(buf)), 10);
	assert_string_equal(buf, "abcdefg");
	memset(buf, 'x', sizeof(buf)); /* no terminator */
	assert_int_equal(rte_strlcat(buf, "ab", sizeof(buf)), sizeof(buf) + 2);

	/* The libc names work too (macros where libc lacks them). */
	assert_int_equal(strlcpy(buf, "xyz", sizeof(buf)), 3);
	assert_int_equal(strlcat(buf, "w", sizeof(buf)), 4);
	assert_string_equal(buf, "xyzw");
}

static void
test_strscpy(void **state)
{
	char buf[6];

	(void)state;
	assert_int_equal(rte_strscpy(buf, "abc", sizeof(buf)), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(rte_strscpy(buf, "abcde", sizeof(buf)), 5);
	assert_string_equal(buf, "abcde");
	assert_int_equal(rte_strscpy(buf, "abcdef", sizeof(buf)), -E2BIG);
	assert_string_equal(buf, "abcde");
	assert_int_equal(rte_strscpy(buf, "", sizeof(buf)), 0);
	assert_string_equal(buf, "");
	assert_int_equal(rte_strscpy(buf, "a", 0), -E2BIG);
}

static void
test_skip_leading_spaces(void **state)
{
	(void)state;
	assert_string_equal(rte_str_skip_leading_spaces("  \t\nx y"), "x y");
	assert_string_equal(rte_str_skip_leading_spaces("x"), "x");
	assert_string_equal(rte_str_skip_leading_spaces(" "), "");
}

static void
test_str_to_size(void **state)
{
	(void)state;
	assert_int_equal(rte_str_to_size("64"), 64);
	assert_int_equal(rte_str_to_size("1K"), 1024);
	assert_int_equal(rte_str_to_size("1k"), 1024);
	assert_int_equal(rte_str_to_size("2M"), 2 * RTE_MB);
	assert_int_equal(rte_str_to_size("3G"), 3 * RTE_GB);
	assert_int_equal(rte_str_to_size("1T"), 1024 * RTE_GB);
	assert_int_equal(rte_str_to_size(" 512 M"), 512 * RTE_MB);
	assert_int_equal(rte_str_to_size("4GB"), 4 * RTE_GB);
	assert_int_equal(rte_str_to_size("0x10"), 16);
	assert_int_equal(rte_str_to_size("0"), 0);

	assert_int_equal(rte_str_to_size(""), 0);
	assert_int_equal(rte_str_to_size("garbage"), 0);
	assert_int_equal(rte_str_to_size("12Q"), 0);
	assert_int_equal(rte_str_to_size("12 K x"), 0);
	assert_int_equal(rte_str_to_size("-1"), 0);
	assert_int_equal(rte_str_to_size("K"), 0);
	assert_int_equal(rte_str_to_size("99999999999999999999"), 0);
	assert_int_equal(rte_str_to_size("17179869184G"), 0); /* 2^64 */
	assert_int_equal(rte_str_to_size(NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strsplit_basic),
		cmocka_unit_test(test_strsplit_edges),
		cmocka_unit_test(test_strsplit_limits),
		cmocka_unit_test(test_strsplit_bad_args),
		cmocka_unit_test(test_strlcpy_strlcat),
		cmocka_unit_test(test_strscpy),
		cmocka_unit_test(test_skip_leading_spaces),
		cmocka_unit_test(test_str_to_size),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
