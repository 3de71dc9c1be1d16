/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Logging by type and level.
 *
 * A message is printed when its level is at most the global level and at
 * most its type's level. Types 0..31 are fixed (RTE_LOGTYPE_*); libraries
 * and drivers register more by name ("lib.eal", "pmd.net.null", ...), and
 * --log-level=<pattern>:<level> sets the level of every matching name.
 */
#ifndef _RTE_LOG_H_
#define _RTE_LOG_H_

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <rte_common.h>
#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Fixed log types. */
#define RTE_LOGTYPE_EAL		 0
#define RTE_LOGTYPE_MALLOC	 1
#define RTE_LOGTYPE_RING	 2
#define RTE_LOGTYPE_MEMPOOL	 3
#define RTE_LOGTYPE_TIMER	 4
#define RTE_LOGTYPE_PMD		 5
#define RTE_LOGTYPE_HASH	 6
#define RTE_LOGTYPE_LPM		 7
#define RTE_LOGTYPE_KNI		 8
#define RTE_LOGTYPE_ACL		 9
#define RTE_LOGTYPE_POWER	 10
#define RTE_LOGTYPE_METER	 11
#define RTE_LOGTYPE_SCHED	 12
#define RTE_LOGTYPE_PORT	 13
#define RTE_LOGTYPE_TABLE	 14
#define RTE_LOGTYPE_PIPELINE	 15
#define RTE_LOGTYPE_MBUF	 16
#define RTE_LOGTYPE_CRYPTODEV	 17
#define RTE_LOGTYPE_EFD		 18
#define RTE_LOGTYPE_EVENTDEV	 19
#define RTE_LOGTYPE_GSO		 20
#define RTE_LOGTYPE_USER1	 24
#define RTE_LOGTYPE_USER2	 25
#define RTE_LOGTYPE_USER3	 26
#define RTE_LOGTYPE_USER4	 27
#define RTE_LOGTYPE_USER5	 28
#define RTE_LOGTYPE_USER6	 29
#define RTE_LOGTYPE_USER7	 30
#define RTE_LOGTYPE_USER8	 31
#define RTE_LOGTYPE_FIRST_EXT_ID 32

/* Levels: lower is more severe. */
#define RTE_LOG_EMERG	1U
#define RTE_LOG_ALERT	2U
#define RTE_LOG_CRIT	3U
#define RTE_LOG_ERR	4U
#define RTE_LOG_WARNING 5U
#define RTE_LOG_NOTICE	6U
#define RTE_LOG_INFO	7U
#define RTE_LOG_DEBUG	8U
#define RTE_LOG_MAX	RTE_LOG_DEBUG

/** Sends log output to f (NULL: back to the default, stderr). 0. */
int rte_openlog_stream(FILE *f);

/** The current log stream. */
FILE *rte_log_get_stream(void);

/** Sets the global level (messages above it are dropped). */
void rte_log_set_global_level(uint32_t level);

/** The global level. */
uint32_t rte_log_get_global_level(void);

/** A type's level, or -1 for an unknown type. */
int rte_log_get_level(uint32_t logtype);

/** True when a message of that type and level would be printed. */
bool rte_log_can_log(uint32_t logtype, uint32_t loglevel);

/**
 * Sets the level of every registered type whose name matches the glob
 * pattern, and of types registered later that match. 0, or -1 for a bad
 * level or an out-of-memory.
 */
int rte_log_set_level_pattern(const char *pattern, uint32_t level);

/** The same with a POSIX extended regular expression. 0 or -1. */
int rte_log_set_level_regexp(const char *regex, uint32_t level);

/** Sets one type's level. 0, or -1 for an unknown type or bad level. */
int rte_log_set_level(uint32_t logtype, uint32_t level);

/** The level of the message being printed (for a custom stream). */
int rte_log_cur_msg_loglevel(void);

/** The type of the message being printed. */
int rte_log_cur_msg_logtype(void);

/**
 * Registers a log type by name; returns its id (the same id again for a
 * name already registered), or -1 with rte_errno set (ENOMEM, EINVAL).
 * New types start at level INFO.
 */
int rte_log_register(const char *name);

/**
 * Registers a log type and sets its level: level_def, unless a pattern
 * given earlier (--log-level) matches the name, which then wins.
 */
int rte_log_register_type_and_pick_level(const char *name, uint32_t level_def);

/** Lists the registered types whose name starts with prefix. */
void rte_log_list_types(FILE *out, const char *prefix);

/** Prints the global level and every type with its level. */
void rte_log_dump(FILE *f);

/**
 * Prints a message when the level allows it. The text is written as is:
 * RTE_LOG() pastes "TYPE: " in front. Returns 0 (also when filtered out)
 * or -1 on an output error.
 */
int rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
	__rte_format_printf(3, 4);

/** rte_log() with a va_list. */
int rte_vlog(uint32_t level, uint32_t logtype, const char *format, va_list ap)
	__rte_format_printf(3, 0);

/** RTE_LOG(INFO, EAL, "...") prints "EAL: ..." at level INFO. */
#define RTE_LOG(l, t, ...) \
	rte_log(RTE_LOG_##l, RTE_LOGTYPE_##t, #t ": " __VA_ARGS__)

/** RTE_LOG() compiled out above RTE_LOG_DP_LEVEL (for fast paths). */
#define RTE_LOG_DP(l, t, ...) \
	(void)((RTE_LOG_##l <= RTE_LOG_DP_LEVEL) ? \
			rte_log(RTE_LOG_##l, RTE_LOGTYPE_##t, \
				#t ": " __VA_ARGS__) : \
			0)

/** Defines int "type" and registers it by name in a constructor. */
#define RTE_LOG_REGISTER_IMPL(type, name, level) \
	int type; \
	RTE_INIT(__##type) \
	{ \
		type = rte_log_register_type_and_pick_level(name, \
			RTE_LOG_##level); \
		if (type < 0) \
			type = RTE_LOGTYPE_EAL; \
	}

#define RTE_LOG_REGISTER(type, name, level) \
	RTE_LOG_REGISTER_IMPL(type, RTE_STR(name), level)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LOG_H_ */
