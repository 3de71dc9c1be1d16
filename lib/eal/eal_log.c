/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Log types, levels and output.
 *
 * The type table grows as libraries and drivers register names. Level
 * patterns given before a name exists (--log-level=pmd.net.*:debug, or
 * rte_log_set_level_pattern() from a constructor) are remembered in order
 * and applied to every name registered later; the last matching pattern
 * wins, as each one overrides the ones before it.
 */
#include <fnmatch.h>
#include <regex.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include <rte_errno.h>
#include <rte_log.h>

#include "eal_private.h"

struct log_type {
	char *name; /* NULL: unused slot */
	uint32_t level;
};

struct log_pattern {
	char *pattern;
	bool is_regex;
	regex_t regex;
	uint32_t level;
};

static struct {
	pthread_mutex_t lock;
	struct log_type *types;
	size_t nb_types;
	struct log_pattern *patterns;
	size_t nb_patterns;
	uint32_t global_level;
	FILE *stream; /* NULL: stderr */
} log_state = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.global_level = RTE_LOG_DEBUG,
};

static __thread int cur_msg_level = -1;
static __thread int cur_msg_type = -1;

/* Names of the fixed types, as "lib.<name>" / "user<N>". */
static const char *const fixed_type_names[RTE_LOGTYPE_FIRST_EXT_ID] = {
	[RTE_LOGTYPE_EAL] = "lib.eal",
	[RTE_LOGTYPE_MALLOC] = "lib.malloc",
	[RTE_LOGTYPE_RING] = "lib.ring",
	[RTE_LOGTYPE_MEMPOOL] = "lib.mempool",
	[RTE_LOGTYPE_TIMER] = "lib.timer",
	[RTE_LOGTYPE_PMD] = "pmd",
	[RTE_LOGTYPE_HASH] = "lib.hash",
	[RTE_LOGTYPE_LPM] = "lib.lpm",
	[RTE_LOGTYPE_KNI] = "lib.kni",
	[RTE_LOGTYPE_ACL] = "lib.acl",
	[RTE_LOGTYPE_POWER] = "lib.power",
	[RTE_LOGTYPE_METER] = "lib.meter",
	[RTE_LOGTYPE_SCHED] = "lib.sched",
	[RTE_LOGTYPE_PORT] = "lib.port",
	[RTE_LOGTYPE_TABLE] = "lib.table",
	[RTE_LOGTYPE_PIPELINE] = "lib.pipeline",
	[RTE_LOGTYPE_MBUF] = "lib.mbuf",
	[RTE_LOGTYPE_CRYPTODEV] = "lib.cryptodev",
	[RTE_LOGTYPE_EFD] = "lib.efd",
	[RTE_LOGTYPE_EVENTDEV] = "lib.eventdev",
	[RTE_LOGTYPE_GSO] = "lib.gso",
	[RTE_LOGTYPE_USER1] = "user1",
	[RTE_LOGTYPE_USER2] = "user2",
	[RTE_LOGTYPE_USER3] = "user3",
	[RTE_LOGTYPE_USER4] = "user4",
	[RTE_LOGTYPE_USER5] = "user5",
	[RTE_LOGTYPE_USER6] = "user6",
	[RTE_LOGTYPE_USER7] = "user7",
	[RTE_LOGTYPE_USER8] = "user8",
};

static bool
level_valid(uint32_t level)
{
	return level >= RTE_LOG_EMERG && level <= RTE_LOG_MAX;
}

/* Makes room for type id "id"; lock held. 0 or -1 (ENOMEM). */
static int
log_types_grow(size_t id)
{
	struct log_type *types;
	size_t n = log_state.nb_types;

	if (id < n)
		return 0;
	n = RTE_MAX(id + 1, n * 2);
	n = RTE_MAX(n, (size_t)RTE_LOGTYPE_FIRST_EXT_ID);
	types = realloc(log_state.types, n * sizeof(*types));
	if (types == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	memset(types + log_state.nb_types, 0,
		(n - log_state.nb_types) * sizeof(*types));
	log_state.types = types;
	log_state.nb_types = n;
	return 0;
}

static bool
pattern_matches(const struct log_pattern *p, const char *name)
{
	if (p->is_regex)
		return regexec(&p->regex, name, 0, NULL, 0) == 0;
	return fnmatch(p->pattern, name, 0) == 0;
}

/* The level the remembered patterns give a name, or "fallback". */
static uint32_t
pattern_level(const char *name, uint32_t fallback)
{
	uint32_t level = fallback;
	size_t i;

	for (i = 0; i < log_state.nb_patterns; i++)
		if (pattern_matches(&log_state.patterns[i], name))
			level = log_state.patterns[i].level;
	return level;
}

static int
log_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < log_state.nb_types; i++)
		if (log_state.types[i].name != NULL &&
			strcmp(log_state.types[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Puts "name" at slot id with its level; lock held. */
static int
log_add(size_t id, const char *name, uint32_t level)
{
	char *copy;

	if (log_types_grow(id) < 0)
		return -1;
	copy = strdup(name);
	if (copy == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	log_state.types[id].name = copy;
	log_state.types[id].level = pattern_level(name, level);
	return (int)id;
}

/* Registers the fixed types once; lock held. */
static int
log_fixed_types(void)
{
	size_t i;

	if (log_state.nb_types != 0)
		return 0;
	if (log_types_grow(RTE_LOGTYPE_FIRST_EXT_ID - 1) < 0)
		return -1;
	for (i = 0; i < RTE_LOGTYPE_FIRST_EXT_ID; i++) {
		if (fixed_type_names[i] == NULL)
			continue;
		if (log_add(i, fixed_type_names[i], RTE_LOG_INFO) < 0)
			return -1;
	}
	return 0;
}

static int
log_register(const char *name, uint32_t level, bool pick)
{
	size_t id;
	int ret;

	if (name == NULL || name[0] == '\0' || !level_valid(level)) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&log_state.lock);
	ret = log_fixed_types();
	if (ret == 0)
		ret = log_lookup(name);
	if (ret >= 0 && pick)
		log_state.types[ret].level = pattern_level(name, level);
	if (ret == -1) {
		for (id = RTE_LOGTYPE_FIRST_EXT_ID; id < log_state.nb_types;
			id++)
			if (log_state.types[id].name == NULL)
				break;
		ret = log_add(id, name, level);
	}
	pthread_mutex_unlock(&log_state.lock);
	return ret;
}

int
rte_log_register(const char *name)
{
	return log_register(name, RTE_LOG_INFO, false);
}

int
rte_log_register_type_and_pick_level(const char *name, uint32_t level_def)
{
	return log_register(name, level_def, true);
}

int
rte_log_set_level(uint32_t logtype, uint32_t level)
{
	int ret = -1;

	if (!level_valid(level))
		return -1;
	pthread_mutex_lock(&log_state.lock);
	if (log_fixed_types() == 0 && logtype < log_state.nb_types &&
		log_state.types[logtype].name != NULL) {
		log_state.types[logtype].level = level;
		ret = 0;
	}
	pthread_mutex_unlock(&log_state.lock);
	return ret;
}

int
rte_log_get_level(uint32_t logtype)
{
	int ret = -1;

	pthread_mutex_lock(&log_state.lock);
	if (log_fixed_types() == 0 && logtype < log_state.nb_types &&
		log_state.types[logtype].name != NULL)
		ret = (int)log_state.types[logtype].level;
	pthread_mutex_unlock(&log_state.lock);
	return ret;
}

/* Remembers a pattern and applies it to the names known now. */
static int
log_add_pattern(const char *pattern, uint32_t level, bool is_regex)
{
	struct log_pattern *p, *patterns;
	size_t i;
	int ret = -1;

	if (pattern == NULL || !level_valid(level))
		return -1;
	pthread_mutex_lock(&log_state.lock);
	if (log_fixed_types() < 0)
		goto out;
	patterns = realloc(log_state.patterns,
		(log_state.nb_patterns + 1) * sizeof(*patterns));
	if (patterns == NULL)
		goto out;
	log_state.patterns = patterns;
	p = &patterns[log_state.nb_patterns];
	memset(p, 0, sizeof(*p));
	p->is_regex = is_regex;
	p->level = level;
	if (is_regex &&
		regcomp(&p->regex, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		goto out;
	p->pattern = strdup(pattern);
	if (p->pattern == NULL) {
		if (is_regex)
			regfree(&p->regex);
		goto out;
	}
	log_state.nb_patterns++;
	for (i = 0; i < log_state.nb_types; i++)
		if (log_state.types[i].name != NULL &&
			pattern_matches(p, log_state.types[i].name))
			log_state.types[i].level = level;
	ret = 0;
out:
	pthread_mutex_unlock(&log_state.lock);
	return ret;
}

int
rte_log_set_level_pattern(const char *pattern, uint32_t level)
{
	return log_add_pattern(pattern, level, false);
}

int
rte_log_set_level_regexp(const char *regex, uint32_t level)
{
	return log_add_pattern(regex, level, true);
}

void
rte_log_set_global_level(uint32_t level)
{
	__atomic_store_n(&log_state.global_level, level, __ATOMIC_RELAXED);
}

uint32_t
rte_log_get_global_level(void)
{
	return __atomic_load_n(&log_state.global_level, __ATOMIC_RELAXED);
}

bool
rte_log_can_log(uint32_t logtype, uint32_t level)
{
	int type_level;

	if (level > rte_log_get_global_level())
		return false;
	type_level = rte_log_get_level(logtype);
	return type_level >= 0 && level <= (uint32_t)type_level;
}

int
rte_openlog_stream(FILE *f)
{
	__atomic_store_n(&log_state.stream, f, __ATOMIC_RELEASE);
	return 0;
}

FILE *
rte_log_get_stream(void)
{
	FILE *f = __atomic_load_n(&log_state.stream, __ATOMIC_ACQUIRE);

	return f != NULL ? f : stderr;
}

int
rte_log_cur_msg_loglevel(void)
{
	return cur_msg_level;
}

int
rte_log_cur_msg_logtype(void)
{
	return cur_msg_type;
}

int
rte_vlog(uint32_t level, uint32_t logtype, const char *format, va_list ap)
{
	FILE *f = rte_log_get_stream();
	int ret;

	if (!rte_log_can_log(logtype, level))
		return 0;
	cur_msg_level = (int)level;
	cur_msg_type = (int)logtype;
	ret = vfprintf(f, format, ap);
	fflush(f);
	return ret < 0 ? -1 : 0;
}

int
rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = rte_vlog(level, logtype, format, ap);
	va_end(ap);
	return ret;
}

static const char *const level_names[] = {
	[RTE_LOG_EMERG] = "emergency",
	[RTE_LOG_ALERT] = "alert",
	[RTE_LOG_CRIT] = "critical",
	[RTE_LOG_ERR] = "error",
	[RTE_LOG_WARNING] = "warning",
	[RTE_LOG_NOTICE] = "notice",
	[RTE_LOG_INFO] = "info",
	[RTE_LOG_DEBUG] = "debug",
};

void
rte_log_list_types(FILE *out, const char *prefix)
{
	size_t i;

	pthread_mutex_lock(&log_state.lock);
	log_fixed_types();
	for (i = 0; i < log_state.nb_types; i++) {
		const char *name = log_state.types[i].name;

		if (name == NULL)
			continue;
		if (prefix == NULL || strncmp(name, prefix, strlen(prefix)) == 0)
			fprintf(out, "%s\n", name);
	}
	pthread_mutex_unlock(&log_state.lock);
}

void
rte_log_dump(FILE *f)
{
	size_t i;

	pthread_mutex_lock(&log_state.lock);
	log_fixed_types();
	fprintf(f, "global log level is %s\n",
		level_names[log_state.global_level]);
	for (i = 0; i < log_state.nb_types; i++) {
		if (log_state.types[i].name == NULL)
			continue;
		fprintf(f, "id %zu: %s, level is %s\n", i,
			log_state.types[i].name,
			level_names[log_state.types[i].level]);
	}
	pthread_mutex_unlock(&log_state.lock);
}

/* A level given by name (any prefix of one: "err", "warn") or 1..8. */
static int
log_parse_level(const char *str)
{
	char *end;
	unsigned long n;
	size_t len = strlen(str);
	uint32_t i;

	if (len == 0)
		return -1;
	n = strtoul(str, &end, 10);
	if (*end == '\0')
		return level_valid((uint32_t)n) ? (int)n : -1;
	for (i = RTE_LOG_EMERG; i <= RTE_LOG_MAX; i++)
		if (strncmp(level_names[i], str, len) == 0)
			return (int)i;
	return -1;
}

/*
 * --log-level: "<level>" (global), "<glob>:<level>" or "<regex>,<level>".
 * Returns 0 or -1 after one line naming what was wrong.
 */
int
eal_log_level_arg(const char *arg)
{
	const char *sep = strrchr(arg, ':');
	const char *comma = strrchr(arg, ',');
	char *what;
	int level, ret;
	bool regex = false;

	if (comma != NULL && (sep == NULL || comma > sep)) {
		sep = comma;
		regex = true;
	}
	level = log_parse_level(sep != NULL ? sep + 1 : arg);
	if (level < 0) {
		fprintf(stderr,
			"EAL: invalid log level in --log-level=%s "
			"(use 1-8 or emergency, alert, critical, error, "
			"warning, notice, info, debug)\n",
			arg);
		return -1;
	}
	if (sep == NULL) {
		rte_log_set_global_level((uint32_t)level);
		return 0;
	}
	what = strndup(arg, (size_t)(sep - arg));
	if (what == NULL || what[0] == '\0') {
		free(what);
		fprintf(stderr,
			"EAL: empty log type pattern in --log-level=%s\n", arg);
		return -1;
	}
	ret = regex ? rte_log_set_level_regexp(what, (uint32_t)level) :
		      rte_log_set_level_pattern(what, (uint32_t)level);
	if (ret < 0)
		fprintf(stderr,
			"EAL: invalid log type pattern '%s' in --log-level\n",
			what);
	free(what);
	return ret;
}

int
eal_log_init(void)
{
	int ret;

	pthread_mutex_lock(&log_state.lock);
	ret = log_fixed_types();
	pthread_mutex_unlock(&log_state.lock);
	return ret;
}

/* Forgets the patterns (rte_eal_cleanup); registered types stay, since
 * their ids live in variables of the code that registered them. */
void
eal_log_reset(void)
{
	size_t i;

	pthread_mutex_lock(&log_state.lock);
	for (i = 0; i < log_state.nb_patterns; i++) {
		if (log_state.patterns[i].is_regex)
			regfree(&log_state.patterns[i].regex);
		free(log_state.patterns[i].pattern);
	}
	free(log_state.patterns);
	log_state.patterns = NULL;
	log_state.nb_patterns = 0;
	pthread_mutex_unlock(&log_state.lock);
}
