/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Driver plugins (-d): a plugin built in the tree registers the vdev
 * driver net_plugtest from its constructor, loaded as a file or from a
 * directory, and probes --vdev net_plugtest0; a missing file, a file that
 * is not ELF, a plugin with an unresolved symbol and one that registers
 * nothing each fail init with one line naming the file. Plugins are
 * closed at cleanup.
 *
 * usage: test_plugins PLUGTEST.so UNRESOLVED.so EMPTY.so (from meson)
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "test_helpers.h"
#include "../eal/eal_test_run.h"

uint64_t eal_bus_registrations(void); /* eal_private.h */

/*
 * Out-of-memory injection: strdup() of strdup_fail_path fails on its
 * strdup_fail_countdown-th call (the EAL keeps a copy of each -d path
 * once while reading options, once when it records the plugin). The
 * real strdup() is the next one: libc's, or the sanitizer's.
 */
static const char *strdup_fail_path;
static int strdup_fail_countdown;

char *
strdup(const char *s)
{
	static char *(*next_strdup)(const char *);

	if (strdup_fail_path != NULL && strcmp(s, strdup_fail_path) == 0 &&
		--strdup_fail_countdown == 0) {
		errno = ENOMEM;
		return NULL;
	}
	if (next_strdup == NULL)
		next_strdup = (char *(*)(const char *))dlsym(RTLD_NEXT,
			"strdup");
	return next_strdup(s);
}

static const char *plugtest_path;
static const char *unresolved_path;
static const char *empty_path;

static int
plugin_probes(void)
{
	int (*count)(void) = (int (*)(void))dlsym(RTLD_DEFAULT,
		"plugtest_probe_count");

	return count != NULL ? count() : -1;
}

static int
check_probed_once(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	return plugin_probes() == 1 ? 0 : 1;
}

static void
run_ok(const char *args)
{
	struct eal_run r;

	eal_run(args, check_probed_once, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("'%s': init %d (rte_errno %d), hook %d, status %d: %s",
			args, r.ret, r.err, r.hook_ret, r.status, r.err_text);
}

static void
test_load_file(void **state)
{
	char args[1024];

	(void)state;
	snprintf(args, sizeof(args),
		"--no-huge -l 0 -d %s --vdev net_plugtest0", plugtest_path);
	run_ok(args);
	/* Named twice: loaded once. */
	snprintf(args, sizeof(args),
		"--no-huge -l 0 -d %s -d %s "
		"--vdev net_plugtest0",
		plugtest_path, plugtest_path);
	run_ok(args);
}

static int
copy_file(const char *from, const char *to)
{
	char buf[4096];
	int in = open(from, O_RDONLY), out;
	ssize_t n;

	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (in < 0 || out < 0)
		goto fail;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			goto fail;
	close(in);
	close(out);
	return n == 0 ? 0 : -1;
fail:
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return -1;
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
test_load_dir(void **state)
{
	char dir[] = "/tmp/pollux_plugins_XXXXXX";
	char so[256], txt[256], args[1024];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(so, sizeof(so), "%s/plugtest.so", dir);
	snprintf(txt, sizeof(txt), "%s/README.txt", dir);
	assert_int_equal(copy_file(plugtest_path, so), 0);
	/* Files that are not *.so are not plugins. */
	write_text(txt, "not a plugin\n");
	snprintf(args, sizeof(args),
		"--no-huge -l 0 -d %s --vdev net_plugtest0", dir);
	run_ok(args);
	unlink(so);
	unlink(txt);
	rmdir(dir);
}

static void
test_driver_comes_from_plugin(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge -l 0 --vdev net_plugtest0", NULL, &r);
	assert_int_equal(r.ret, -1);
	assert_int_equal(r.err, ENODEV);
}

/* Init with "-d path" fails with EINVAL and one line naming path. */
static void
expect_plugin_failure(const char *path, const char *says)
{
	struct eal_run r;
	char args[1024];

	snprintf(args, sizeof(args), "--no-huge -l 0 -d %s", path);
	eal_run(args, NULL, &r);
	if (r.ret != -1 || r.err != EINVAL || r.status != 0 ||
		eal_run_lines(r.err_text) != 1 ||
		strstr(r.err_text, path) == NULL ||
		strstr(r.err_text, says) == NULL)
		fail_msg("'%s': init %d, rte_errno %d, stderr: %s", args, r.ret,
			r.err, r.err_text);
}

static void
test_failures(void **state)
{
	char not_elf[] = "/tmp/pollux_not_elf_XXXXXX.so";
	int fd;

	(void)state;
	expect_plugin_failure("/nonexistent/pollux_plugin.so",
		"No such file or directory");
	fd = mkstemps(not_elf, 3);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "hello\n", 6), 6);
	close(fd);
	expect_plugin_failure(not_elf, "cannot load the plugin");
	unlink(not_elf);
	expect_plugin_failure(unresolved_path,
		"pollux_plugtest_no_such_function");
	expect_plugin_failure(empty_path, "not a PMD");
}

/* Out of memory while loading a plugin: init fails with ENOMEM before
 * the plugin is opened, never after its driver registered. */
static int
load_out_of_memory(void *arg)
{
	char *argv[] = { "test", "--no-huge", "-l", "0", "-d",
		(char *)plugtest_path, NULL };
	uint64_t before = eal_bus_registrations();

	(void)arg;
	strdup_fail_path = plugtest_path;
	strdup_fail_countdown = 2;
	if (rte_eal_init(TEST_ARGC(argv), argv) != -1)
		return 10;
	if (rte_errno != ENOMEM)
		return 11;
	strdup_fail_path = NULL;
	if (eal_bus_registrations() != before)
		return 12; /* opened, registered, then closed */
	if (dlopen(plugtest_path, RTLD_NOW | RTLD_NOLOAD) != NULL)
		return 13;
	return TEST_LEAKS_FOUND() ? 14 : 0;
}

static void
test_out_of_memory(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(load_out_of_memory, NULL), 0);
}

/* -d naming a directory without any plugin in it is an error. */
static void
test_empty_dir(void **state)
{
	char dir[] = "/tmp/pollux_noplugins_XXXXXX";
	char txt[256];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(txt, sizeof(txt), "%s/README.txt", dir);
	write_text(txt, "not a plugin\n");
	expect_plugin_failure(dir, "no plugin in this directory");
	unlink(txt);
	rmdir(dir);
	expect_plugin_failure("/etc", "no plugin in this directory");
}

static int
load_and_unload(void *arg)
{
	char *argv[] = { "test", "--no-huge", "-l", "0", "-d",
		(char *)plugtest_path, "--vdev", "net_plugtest0", NULL };
	void *handle;

	(void)arg;
	if (rte_eal_init(TEST_ARGC(argv), argv) < 0)
		return 10;
	/* Loaded now; the check takes a reference: give it back. */
	handle = dlopen(plugtest_path, RTLD_NOW | RTLD_NOLOAD);
	if (handle == NULL)
		return 11;
	dlclose(handle);
	rte_eal_cleanup();
	if (dlopen(plugtest_path, RTLD_NOW | RTLD_NOLOAD) != NULL)
		return 12;
	return TEST_LEAKS_FOUND() ? 13 : 0;
}

static void
test_closed_at_cleanup(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(load_and_unload, NULL), 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_load_dir),
		cmocka_unit_test(test_driver_comes_from_plugin),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_closed_at_cleanup),
		cmocka_unit_test(test_out_of_memory),
		cmocka_unit_test(test_empty_dir),
	};

	if (argc < 4) {
		fprintf(stderr,
			"usage: %s PLUGTEST.so UNRESOLVED.so EMPTY.so\n",
			argv[0]);
		return 1;
	}
	plugtest_path = argv[1];
	unresolved_path = argv[2];
	empty_path = argv[3];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
