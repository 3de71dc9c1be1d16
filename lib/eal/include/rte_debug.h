/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Fatal errors and run-time checks.
 *
 * rte_panic() is for states the program cannot continue from (a broken
 * invariant); it never returns. Library code reports ordinary errors by
 * return value instead. rte_exit() is the orderly way out for
 * applications.
 */
#ifndef _RTE_DEBUG_H_
#define _RTE_DEBUG_H_

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_log.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Writes the caller's stack, one frame per line, to the log at level
 * ERR (or straight to stderr when the symbol table cannot be built).
 */
void rte_dump_stack(void);

/**
 * Logs "PANIC in <function>():" and the printf-style message at CRIT,
 * dumps the stack and aborts (SIGABRT, so a core dump can be taken).
 * Usage: rte_panic("bad state %d\n", state); a format alone works too.
 */
#define rte_panic(...) rte_panic_(__func__, __VA_ARGS__, "")

/* The extra "" argument lets a bare format through C11's variadic
 * macros (which need at least one argument after the named ones); the
 * "%.0s" appended to the format consumes it and prints nothing. */
#define rte_panic_(func, format, ...) \
	__rte_panic(func, format "%.0s", __VA_ARGS__)

/** Panics, naming the line and the expression, when exp is false. */
#define RTE_VERIFY(exp) \
	do { \
		if (unlikely(!(exp))) \
			rte_panic("line %d: check '%s' failed\n", __LINE__, \
				#exp); \
	} while (0)

/** RTE_VERIFY() in builds with RTE_ENABLE_ASSERT; nothing otherwise. */
#ifdef RTE_ENABLE_ASSERT
#define RTE_ASSERT(exp) RTE_VERIFY(exp)
#else
#define RTE_ASSERT(exp) \
	do { \
	} while (0)
#endif

/** The function behind rte_panic(); call the macro instead. */
void __rte_panic(const char *funcname, const char *format, ...)
	__rte_cold __rte_noreturn __rte_format_printf(2, 3);

/**
 * Ends the application. With a non-zero exit_code it logs
 * "EAL: Error - exiting with code: <exit_code>" and "  Cause: " followed
 * by the message, at CRIT; with 0 it logs just the message. Then it
 * calls rte_eal_cleanup() (whose result it ignores: it may run before
 * or without rte_eal_init()) and exit(exit_code).
 *
 * DPDK declares this in rte_common.h; it is repeated here so that
 * rte_debug.h alone is enough (identical declarations may repeat).
 */
__rte_noreturn void
rte_exit(int exit_code, const char *format, ...) __rte_format_printf(2, 3);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEBUG_H_ */
