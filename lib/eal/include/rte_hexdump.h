/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Printing memory for debugging.
 */
#ifndef _RTE_HEXDUMP_H_
#define _RTE_HEXDUMP_H_

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Prints len bytes at buf to f, 16 a line: the offset, the bytes in hex
 * and as characters (a dot for what is not printable), after a line
 * with title (when not NULL), the address and the length.
 */
void rte_hexdump(FILE *f, const char *title, const void *buf, unsigned int len);

/**
 * Prints len bytes at buf to f on one line, in hex with colons between
 * bytes, after title and ": " (when title is not NULL).
 */
void rte_memdump(FILE *f, const char *title, const void *buf, unsigned int len);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_HEXDUMP_H_ */
