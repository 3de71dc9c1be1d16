/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * A shared object that loads fine but registers no driver: not a PMD,
 * so -d with it must fail.
 */
int plugtest_empty_answer(void);

int
plugtest_empty_answer(void)
{
	return 42;
}
