/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Key/value argument lists, as drivers receive them from devargs:
 * "size=64,copy=1,queues=[0,2-3],verbose".
 *
 * Syntax: pairs separated by ',' (RTE_KVARGS_PAIRS_DELIM); a pair is
 * "key=value" (RTE_KVARGS_KV_DELIM) or a bare "key", whose value is NULL.
 * A value may be a list in brackets, "[a,b]", whose commas do not end the
 * pair; the brackets stay in the value. Further '=' belong to the value.
 * Empty pairs (",,") are skipped. Errors: an empty key ("=v"), a '[' that
 * is not closed, more than RTE_KVARGS_MAX pairs, a key not in valid_keys.
 */
#ifndef _RTE_KVARGS_H_
#define _RTE_KVARGS_H_

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Most pairs one list can hold. */
#define RTE_KVARGS_MAX 32

/** Separator between pairs. */
#define RTE_KVARGS_PAIRS_DELIM ","

/** Separator between a key and its value. */
#define RTE_KVARGS_KV_DELIM "="

/** Called for each matching pair by rte_kvargs_process(); <0 stops it. */
typedef int (*arg_handler_t)(const char *key, const char *value, void *opaque);

/** One key and its value (NULL for a bare key). */
struct rte_kvargs_pair {
	char *key;
	char *value;
};

/** A parsed list; keys and values point into str. */
struct rte_kvargs {
	char *str;	/**< the parsed copy of the arguments */
	unsigned count; /**< pairs used */
	struct rte_kvargs_pair pairs[RTE_KVARGS_MAX];
};

/**
 * Parses args. When valid_keys (a NULL-terminated array) is not NULL,
 * every key must be one of them.
 *
 * @return the list (free it with rte_kvargs_free()), or NULL on a bad
 *   string or an unknown key (one error line says which) or when args is
 *   NULL or memory runs out.
 */
struct rte_kvargs *
rte_kvargs_parse(const char *args, const char *const valid_keys[]);

/**
 * Like rte_kvargs_parse(), but only the part of args before the first
 * character that is in valid_ends (all of args when valid_ends is NULL).
 */
struct rte_kvargs *rte_kvargs_parse_delim(const char *args,
	const char *const valid_keys[], const char *valid_ends);

/** Frees a list (NULL is fine). */
void rte_kvargs_free(struct rte_kvargs *kvlist);

/**
 * The value of the first pair with that key; NULL if there is none, if
 * the key is bare, or if an argument is NULL.
 */
const char *rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key);

/**
 * The value of the first pair whose key is key and whose value is value
 * (NULL matches any key, any value); NULL if there is none.
 */
__rte_experimental const char *
rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key,
	const char *value);

/**
 * Calls handler(key, value, opaque_arg) for each pair whose key is
 * key_match (every pair when key_match is NULL), in order.
 *
 * @return 0; -1 as soon as a handler returns a negative value, or when
 *   handler is NULL. A NULL kvlist has no pairs (0).
 */
int rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
	arg_handler_t handler, void *opaque_arg);

/** Number of pairs whose key is key_match (all pairs when NULL). */
unsigned
rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_KVARGS_H_ */
