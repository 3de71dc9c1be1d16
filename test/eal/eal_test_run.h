/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Runs rte_eal_init() on an argument vector in a forked child and reports
 * what happened: the return value, rte_errno, and everything the child
 * wrote to stderr and stdout. An optional hook runs in the child after a
 * successful init (its return value becomes hook_ret), then the child
 * calls rte_eal_cleanup() and ends with test_child_exit(): under ASan a
 * leak makes its exit status TEST_EXIT_LEAK, which the runners assert.
 */
#ifndef EAL_TEST_RUN_H
#define EAL_TEST_RUN_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include <rte_eal.h>
#include <rte_errno.h>

#include "test_helpers.h"

#define EAL_RUN_MAX_ARGS 32
#define EAL_RUN_OUT_SIZE 8192

struct eal_run {
	int ret; /* rte_eal_init()'s return value */
	int err; /* rte_errno after it */
	int hook_ret;
	int status; /* the child's exit status (or 128 + signal) */
	char err_text[EAL_RUN_OUT_SIZE];
	char out_text[EAL_RUN_OUT_SIZE];
};

typedef int (*eal_run_hook)(int argc, char **argv, int consumed);

static inline void
eal_run_read_file(int fd, char *buf, size_t size)
{
	ssize_t n;
	size_t len = 0;

	lseek(fd, 0, SEEK_SET);
	while (len + 1 < size && (n = read(fd, buf + len, size - len - 1)) > 0)
		len += (size_t)n;
	buf[len] = '\0';
}

/* "args" is one string split at spaces; argv[0] is "test". */
static inline void
eal_run(const char *args, eal_run_hook hook, struct eal_run *r)
{
	char *copy = strdup(args), *save = NULL, *tok;
	char *argv[EAL_RUN_MAX_ARGS + 1] = { "test" };
	int argc = 1, status, res[3];
	FILE *err_file = tmpfile(), *out_file = tmpfile(),
	     *res_file = tmpfile();
	int err_fd = fileno(err_file), out_fd = fileno(out_file);
	int res_fd = fileno(res_file);
	pid_t pid;

	for (tok = strtok_r(copy, " ", &save);
		tok != NULL && argc < EAL_RUN_MAX_ARGS;
		tok = strtok_r(NULL, " ", &save))
		argv[argc++] = tok;
	argv[argc] = NULL;
	memset(r, 0, sizeof(*r));
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		dup2(err_fd, 2);
		dup2(out_fd, 1);
		res[0] = rte_eal_init(argc, argv);
		res[1] = rte_errno;
		res[2] = 0;
		if (res[0] >= 0 && hook != NULL)
			res[2] = hook(argc, argv, res[0]);
		if (res[0] >= 0)
			rte_eal_cleanup();
		fflush(stdout);
		fflush(stderr);
		if (write(res_fd, res, sizeof(res)) != sizeof(res))
			_exit(99);
		test_child_exit(0);
	}
	waitpid(pid, &status, 0);
	r->status = WIFSIGNALED(status) ? 128 + WTERMSIG(status) :
					  WEXITSTATUS(status);
	lseek(res_fd, 0, SEEK_SET);
	if (read(res_fd, res, sizeof(res)) == sizeof(res)) {
		r->ret = res[0];
		r->err = res[1];
		r->hook_ret = res[2];
	} else {
		r->ret = -1000;
	}
	eal_run_read_file(err_fd, r->err_text, sizeof(r->err_text));
	eal_run_read_file(out_fd, r->out_text, sizeof(r->out_text));
	fclose(err_file);
	fclose(out_file);
	fclose(res_file);
	free(copy);
}

/* Number of lines in a text. */
static inline int
eal_run_lines(const char *text)
{
	int n = 0;

	for (; *text != '\0'; text++)
		n += *text == '\n';
	return n;
}

#endif /* EAL_TEST_RUN_H */
