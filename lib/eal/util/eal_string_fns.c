/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* String helpers: the tokeniser, bounded copies, size parsing. */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <rte_common.h>
#include <rte_string_fns.h>

int
rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens,
	char delim)
{
	bool token_starts = true;
	int nb_tokens = 0;
	int i;

	if (string == NULL || tokens == NULL || stringlen < 0 || maxtokens < 0) {
		errno = EINVAL;
		return -1;
	}
	/* Stopping as soon as the last token has begun leaves the rest of
	 * the string, delimiters and all, in that token. */
	for (i = 0; i < stringlen && string[i] != '\0' && nb_tokens < maxtokens;
		i++) {
		if (token_starts) {
			tokens[nb_tokens++] = &string[i];
			token_starts = false;
		}
		if (string[i] == delim) {
			/* Ends the current token; the next byte, if any,
			 * starts another (possibly empty) one. */
			string[i] = '\0';
			token_starts = true;
		}
	}
	return nb_tokens;
}

ssize_t
rte_strscpy(char *dst, const char *src, size_t dsize)
{
	size_t i;

	if (dsize == 0)
		return -E2BIG;
	for (i = 0; i < dsize; i++) {
		dst[i] = src[i];
		if (src[i] == '\0')
			return (ssize_t)i;
	}
	/* src did not fit: keep what did, terminated. */
	dst[dsize - 1] = '\0';
	return -E2BIG;
}

const char *
rte_str_skip_leading_spaces(const char *src)
{
	while (isspace((unsigned char)*src))
		src++;
	return src;
}

/* The multiplier for a size suffix (K, M, G, T, P, E; either case),
 * 1 for none, 0 for an unknown letter. */
static uint64_t
string_size_multiplier(char suffix)
{
	switch (toupper((unsigned char)suffix)) {
	case '\0':
		return 1;
	case 'K':
		return UINT64_C(1) << 10;
	case 'M':
		return UINT64_C(1) << 20;
	case 'G':
		return UINT64_C(1) << 30;
	case 'T':
		return UINT64_C(1) << 40;
	case 'P':
		return UINT64_C(1) << 50;
	case 'E':
		return UINT64_C(1) << 60;
	default:
		return 0;
	}
}

/*
 * "<number>[ ][K|M|G|T|P|E][B]": the number in C notation (decimal, 0x
 * hex, 0 octal), surrounding white space allowed. 0 for anything else,
 * for a negative number and on overflow.
 */
uint64_t
rte_str_to_size(const char *str)
{
	unsigned long long value;
	uint64_t multiplier;
	char *end;

	if (str == NULL)
		return 0;
	str = rte_str_skip_leading_spaces(str);
	if (!isdigit((unsigned char)*str))
		return 0;
	errno = 0;
	value = strtoull(str, &end, 0);
	if (errno != 0)
		return 0;
	if (*end == ' ')
		end++;
	multiplier = string_size_multiplier(*end);
	if (multiplier == 0)
		return 0;
	if (*end != '\0')
		end++;
	if (multiplier != 1 && (*end == 'B' || *end == 'b'))
		end++;
	if (*rte_str_skip_leading_spaces(end) != '\0')
		return 0;
	if (value > UINT64_MAX / multiplier)
		return 0;
	return value * multiplier;
}
