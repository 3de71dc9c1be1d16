/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_panic(), rte_exit() and stack dumps: the only places in the
 * library allowed to end the process, because ending it is what they
 * are documented to do.
 */
#include <execinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_log.h>

/* Deepest stack that rte_dump_stack() prints. */
#define DEBUG_MAX_FRAMES 128

void
rte_dump_stack(void)
{
	void *frames[DEBUG_MAX_FRAMES];
	char **symbols;
	int nb_frames;
	int i;

	nb_frames = backtrace(frames, (int)RTE_DIM(frames));
	symbols = backtrace_symbols(frames, nb_frames);
	if (symbols == NULL) {
		/* No memory for the names (we may be panicking about
		 * exactly that): this variant allocates nothing. */
		backtrace_symbols_fd(frames, nb_frames, STDERR_FILENO);
		return;
	}
	/* Frame 0 is this function; start with its caller. */
	for (i = 1; i < nb_frames; i++)
		rte_log(RTE_LOG_ERR, RTE_LOGTYPE_EAL, "  #%d %s\n", i - 1,
			symbols[i]);
	free(symbols);
}

void
__rte_panic(const char *funcname, const char *format, ...)
{
	va_list ap;

	rte_log(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, "PANIC in %s():\n", funcname);
	va_start(ap, format);
	rte_vlog(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, format, ap);
	va_end(ap);
	rte_dump_stack();
	/* abort() flushes nothing: save the log (it may be a file) and
	 * what the application printed before the panic. */
	fflush(rte_log_get_stream());
	fflush(stdout);
	abort();
}

void
rte_exit(int exit_code, const char *format, ...)
{
	va_list ap;

	if (exit_code != 0)
		rte_log(RTE_LOG_CRIT, RTE_LOGTYPE_EAL,
			"EAL: Error - exiting with code: %d\n  Cause: ",
			exit_code);
	va_start(ap, format);
	rte_vlog(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, format, ap);
	va_end(ap);

	/* Fails with -EFAULT when the EAL was never initialised, which is
	 * fine: there is nothing to release then. */
	(void)rte_eal_cleanup();
	exit(exit_code);
}
