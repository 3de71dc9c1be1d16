/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Key/value lists. The argument string is copied once; the copy is cut
 * in place with NULs so that every key and value points into it.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "rte_kvargs.h"

RTE_LOG_REGISTER(kvargs_logtype, lib.kvargs, INFO);

#define KVARGS_LOG(level, ...) \
	rte_log(RTE_LOG_##level, kvargs_logtype, "KVARGS: " __VA_ARGS__)

/*
 * Cuts kvlist->str into pairs in place, by DPDK 22.11's rules, so that
 * every devargs string DPDK takes means the same here:
 *   - a pair ends at a ',' outside "[...]" or at the end of the string;
 *     empty pairs ("a=1,,b=2") are skipped; an unclosed '[' runs to the
 *     end;
 *   - '=' ends a key: "k" alone has a NULL value, "k=" an empty one, and
 *     "=v" an empty key;
 *   - every '=' ends a key, even inside a value or a list: "a=b=c" is the
 *     pair b=c.
 * Returns 0, or -1 with *why set.
 */
static int
kvargs_tokenize(struct rte_kvargs *kvlist, const char **why)
{
	char *pos, *start = kvlist->str;
	struct rte_kvargs_pair *pair;
	bool in_list = false, have_key = false;

	for (pos = start;; pos++) {
		if (*pos == '[' || *pos == ']') {
			in_list = *pos == '[';
			continue;
		}
		if (*pos != '=' && *pos != '\0' &&
			(*pos != RTE_KVARGS_PAIRS_DELIM[0] || in_list))
			continue;
		if (kvlist->count == RTE_KVARGS_MAX) {
			*why = "more than " RTE_STR(RTE_KVARGS_MAX) " pairs";
			return -1;
		}
		pair = &kvlist->pairs[kvlist->count];
		if (*pos == '=' || !have_key)
			pair->key = start;
		else
			pair->value = start;
		if (*pos == '=') {
			have_key = true;
		} else {
			/* End of a pair: keep it unless it is empty. */
			if (have_key || pos != start)
				kvlist->count++;
			have_key = false;
		}
		if (*pos == '\0')
			return 0;
		*pos = '\0';
		start = pos + 1;
	}
}

/* The first key not in valid_keys, NULL if all are valid. */
static const char *
kvargs_unknown_key(const struct rte_kvargs *kvlist,
	const char *const valid_keys[])
{
	const char *const *valid;
	unsigned int i;

	for (i = 0; i < kvlist->count; i++) {
		for (valid = valid_keys; *valid != NULL; valid++)
			if (strcmp(kvlist->pairs[i].key, *valid) == 0)
				break;
		if (*valid == NULL)
			return kvlist->pairs[i].key;
	}
	return NULL;
}

struct rte_kvargs *
rte_kvargs_parse(const char *args, const char *const valid_keys[])
{
	struct rte_kvargs *kvlist;
	const char *why = NULL, *unknown;

	if (args == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	kvlist = calloc(1, sizeof(*kvlist));
	if (kvlist == NULL)
		goto fail_nomem;
	kvlist->str = strdup(args);
	if (kvlist->str == NULL)
		goto fail_nomem;
	if (kvargs_tokenize(kvlist, &why) < 0) {
		KVARGS_LOG(ERR, "cannot parse \"%s\": %s\n", args, why);
		goto fail_inval;
	}
	if (valid_keys != NULL) {
		unknown = kvargs_unknown_key(kvlist, valid_keys);
		if (unknown != NULL) {
			KVARGS_LOG(ERR,
				"cannot parse \"%s\": unknown key \"%s\"\n",
				args, unknown);
			goto fail_inval;
		}
	}
	return kvlist;

fail_nomem:
	KVARGS_LOG(ERR, "cannot parse \"%s\": out of memory\n", args);
	rte_kvargs_free(kvlist);
	rte_errno = ENOMEM;
	return NULL;
fail_inval:
	rte_kvargs_free(kvlist);
	rte_errno = EINVAL;
	return NULL;
}

struct rte_kvargs *
rte_kvargs_parse_delim(const char *args, const char *const valid_keys[],
	const char *valid_ends)
{
	struct rte_kvargs *kvlist;
	char *copy;

	if (args == NULL || valid_ends == NULL)
		return rte_kvargs_parse(args, valid_keys);
	copy = strndup(args, strcspn(args, valid_ends));
	if (copy == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	kvlist = rte_kvargs_parse(copy, valid_keys);
	free(copy);
	return kvlist;
}

void
rte_kvargs_free(struct rte_kvargs *kvlist)
{
	if (kvlist == NULL)
		return;
	free(kvlist->str);
	free(kvlist);
}

const char *
rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key,
	const char *value)
{
	const struct rte_kvargs_pair *pair;
	unsigned int i;

	if (kvlist == NULL)
		return NULL;
	for (i = 0; i < kvlist->count; i++) {
		pair = &kvlist->pairs[i];
		if (key != NULL && strcmp(pair->key, key) != 0)
			continue;
		if (value != NULL &&
			(pair->value == NULL || strcmp(pair->value, value) != 0))
			continue;
		return pair->value;
	}
	return NULL;
}

const char *
rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key)
{
	if (kvlist == NULL || key == NULL)
		return NULL;
	return rte_kvargs_get_with_value(kvlist, key, NULL);
}

int
rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
	arg_handler_t handler, void *opaque_arg)
{
	const struct rte_kvargs_pair *pair;
	unsigned int i;

	if (kvlist == NULL)
		return 0;
	if (handler == NULL)
		return -1;
	for (i = 0; i < kvlist->count; i++) {
		pair = &kvlist->pairs[i];
		if (key_match != NULL && strcmp(pair->key, key_match) != 0)
			continue;
		if (handler(pair->key, pair->value, opaque_arg) < 0)
			return -1;
	}
	return 0;
}

unsigned
rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match)
{
	unsigned int i, count = 0;

	if (kvlist == NULL)
		return 0;
	for (i = 0; i < kvlist->count; i++)
		if (key_match == NULL ||
			strcmp(kvlist->pairs[i].key, key_match) == 0)
			count++;
	return count;
}
