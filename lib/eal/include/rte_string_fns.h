/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Bounded string copies and a tokeniser.
 *
 * Also makes strlcpy() and strlcat() available where the C library lacks
 * them (glibc before 2.38, or any libc in strict ISO mode), as DPDK does
 * when built without libbsd: they become macros over the rte_ versions.
 */
#ifndef _RTE_STRING_FNS_H_
#define _RTE_STRING_FNS_H_

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Splits string in place at each delim, storing a pointer to each token
 * in tokens[] (each delimiter is overwritten with '\0'). It scans at most
 * stringlen bytes and stops early at '\0'. Adjacent delimiters give empty
 * tokens, as does a leading one; a trailing delimiter does not start a
 * token. It stops once the last allowed token has begun, so that token
 * holds the rest of the string, delimiters included ("a,b,c" with
 * maxtokens 2 gives "a" and "b,c").
 *
 * @return the number of tokens, or -1 with errno EINVAL when string or
 *   tokens is NULL or stringlen or maxtokens is negative.
 */
int rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens,
	char delim);

/**
 * Copies src into dst (size bytes), truncating if needed; dst is always
 * terminated when size > 0.
 * @return strlen(src): a result >= size means the copy was truncated.
 */
static inline size_t
rte_strlcpy(char *dst, const char *src, size_t size)
{
	size_t src_len = strlen(src);

	if (size != 0) {
		size_t copy_len = src_len < size - 1 ? src_len : size - 1;

		memcpy(dst, src, copy_len);
		dst[copy_len] = '\0';
	}
	return src_len;
}

/**
 * Appends src to the string in dst (size bytes in all), truncating if
 * needed.
 * @return the length the full result would have: a result >= size means
 *   truncation (or that dst held no '\0' within size bytes).
 */
static inline size_t
rte_strlcat(char *dst, const char *src, size_t size)
{
	/* memchr, not strnlen: this header must compile in strict C11. */
	const char *end = (const char *)memchr(dst, '\0', size);
	size_t dst_len;

	if (end == NULL)
		return size + strlen(src);
	dst_len = (size_t)(end - dst);
	return dst_len + rte_strlcpy(dst + dst_len, src, size - dst_len);
}

/**
 * Copies src into dst (dsize bytes), truncating if needed; dst is always
 * terminated when dsize > 0.
 * @return the length copied (strlen(dst)), or -E2BIG when src did not
 *   fit (or dsize is 0).
 */
ssize_t rte_strscpy(char *dst, const char *src, size_t dsize);

/** @return src advanced past leading white space (isspace()). */
const char *rte_str_skip_leading_spaces(const char *src);

/* strlcpy()/strlcat() for C libraries without them. glibc 2.38 and later
 * declare them in <string.h> in its default (GNU/BSD) mode. */
#if defined(__GLIBC__) && defined(__GLIBC_PREREQ)
#if __GLIBC_PREREQ(2, 38) && defined(__USE_MISC)
#define RTE_LIBC_HAS_STRLCPY_ 1
#endif
#endif

#if defined(RTE_USE_LIBBSD)
#include <bsd/string.h>
#elif !defined(RTE_LIBC_HAS_STRLCPY_) && !defined(strlcpy)
#define strlcpy(dst, src, size) rte_strlcpy(dst, src, size)
#define strlcat(dst, src, size) rte_strlcat(dst, src, size)
#endif

#ifdef __cplusplus
}
#endif

#endif /* _RTE_STRING_FNS_H_ */
