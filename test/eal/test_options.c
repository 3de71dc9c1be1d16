/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * EAL command line: every rejected option and combination fails with
 * rte_errno EINVAL and one stderr line naming the option; good command
 * lines are consumed with DPDK's argv contract.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <rte_bus.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_errno.h>

#include "eal_test_run.h"

#include <bus_vdev_driver.h>

/*
 * --vdev names must match a vdev driver, or rte_eal_init() fails. Until
 * the net_null PMD is built in, this stand-in takes net_null0/net_null1.
 */
static int
stub_null_probe(struct rte_vdev_device *dev)
{
	(void)dev;
	return 0;
}

static int
stub_null_remove(struct rte_vdev_device *dev)
{
	(void)dev;
	return 0;
}

static struct rte_vdev_driver stub_null_driver = {
	.probe = stub_null_probe,
	.remove = stub_null_remove,
};

RTE_PMD_REGISTER_VDEV(net_null, stub_null_driver);

struct bad_case {
	const char *args;
	const char *says; /* a piece of the error line */
	int err;
};

static const struct bad_case bad_cases[] = {
	/* core options are mutually exclusive */
	{ "--no-huge -l 0 -c 1", "-c", EINVAL },
	{ "--no-huge -l 0 --lcores 0", "--lcores", EINVAL },
	{ "--no-huge -c 1 --lcores 0", "--lcores", EINVAL },
	{ "--no-huge -c 1 -l 0", "-l", EINVAL },
	/* core values */
	{ "--no-huge -l 0-", "-l", EINVAL },
	{ "--no-huge -l abc", "-l", EINVAL },
	{ "--no-huge -l 0,,1", "-l", EINVAL },
	{ "--no-huge -l 100000", "-l", EINVAL },
	{ "--no-huge -l 127", "127", EINVAL },
	{ "--no-huge -c 0", "-c", EINVAL },
	{ "--no-huge -c 0xg1", "-c", EINVAL },
	{ "--no-huge -c 0x", "-c", EINVAL },
	{ "--no-huge --lcores (0-1", "--lcores", EINVAL },
	{ "--no-huge --lcores 0@", "--lcores", EINVAL },
	{ "--no-huge --lcores 0,0", "twice", EINVAL },
	{ "--no-huge --lcores 0@1000", "1000", EINVAL },
	{ "--no-huge --lcores 500", "--lcores", EINVAL },
	{ "--no-huge --lcores 0,,1", "--lcores", EINVAL },
	{ "--no-huge -l 0 -S 0,,1", "-S '0,,1'", EINVAL },
	{ "--no-huge -l 0 -s 0xz", "-s '0xz'", EINVAL },
	{ "--no-huge --lcores 0,", "--lcores", EINVAL },
	{ "--no-huge --lcores ,0", "--lcores", EINVAL },
	{ "--no-huge --lcores (0,,1)", "--lcores", EINVAL },
	{ "--no-huge --lcores 0@(0,,1)", "--lcores", EINVAL },
	{ "--no-huge --main-lcore 1 -l 0", "--main-lcore", EINVAL },
	{ "--no-huge --main-lcore x", "--main-lcore", EINVAL },
	{ "--no-huge --main-lcore 100000", "--main-lcore", EINVAL },
	/* memory */
	{ "-m 64 --socket-mem 64", "--socket-mem", EINVAL },
	{ "--no-huge --socket-mem 64", "--no-huge", EINVAL },
	{ "--no-huge --in-memory", "--in-memory", EINVAL },
	{ "--legacy-mem --in-memory", "--in-memory", EINVAL },
	{ "--legacy-mem --match-allocations", "--match-allocations", EINVAL },
	{ "--no-huge --match-allocations", "--match-allocations", EINVAL },
	{ "--no-huge --huge-unlink", "--huge-unlink", EINVAL },
	{ "--no-huge --huge-worker-stack", "--huge-worker-stack", EINVAL },
	{ "--single-file-segments --huge-unlink", "--single-file-segments",
		EINVAL },
	{ "--in-memory --huge-unlink=never", "--huge-unlink=never", EINVAL },
	{ "--legacy-mem --socket-limit 64", "--socket-limit", EINVAL },
	{ "--socket-mem 64 --socket-limit 32", "--socket-limit", EINVAL },
	{ "--no-huge -m 0", "-m", EINVAL },
	{ "--no-huge -m abc", "-m", EINVAL },
	{ "--no-huge -m -5", "-m", EINVAL },
	{ "--no-huge -m 1000000", "1 to 524288", EINVAL },
	{ "--socket-mem 1000000", "0 to 524288", EINVAL },
	{ "--socket-mem abc", "--socket-mem", EINVAL },
	{ "--socket-mem 1,", "--socket-mem", EINVAL },
	{ "--no-huge --file-prefix=", "--file-prefix", EINVAL },
	{ "--no-huge --file-prefix a%b", "--file-prefix", EINVAL },
	{ "--no-huge --huge-dir=", "--huge-dir", EINVAL },
	{ "--no-huge --iova-mode=xx", "--iova-mode", EINVAL },
	{ "--huge-unlink=sometimes", "--huge-unlink", EINVAL },
	{ "--no-huge -n 0", "-n", EINVAL },
	{ "--no-huge -n abc", "-n", EINVAL },
	{ "--no-huge -r 0", "-r", EINVAL },
	{ "--no-huge -r 17", "-r", EINVAL },
	/* devices */
	{ "--no-huge -a 0000:00:01.0 -b 0000:00:02.0", "-b", EINVAL },
	{ "--no-huge --vdev=", "--vdev", EINVAL },
	{ "--no-huge -l 0 --vdev net_null0 --vdev net_null0", "named twice",
		EINVAL },
	{ "--no-huge -l 0 --vdev net_null1,size=64 --vdev vdev:net_null1",
		"named twice", EINVAL },
	/* misc values */
	{ "--no-huge --proc-type=bogus", "--proc-type", EINVAL },
	{ "--no-huge --proc-type=secondary", "secondary", ENOTSUP },
	{ "--no-huge --vfio-intr=foo", "--vfio-intr", EINVAL },
	{ "--no-huge --force-max-simd-bitwidth=100",
		"--force-max-simd-bitwidth", EINVAL },
	{ "--no-huge --log-level=bogus", "--log-level", EINVAL },
	{ "--no-huge --log-level=lib.eal:bogus", "--log-level", EINVAL },
	{ "--no-huge --log-level=:8", "--log-level", EINVAL },
	{ "--no-huge --base-virtaddr=zz", "--base-virtaddr", EINVAL },
	/* unknown options and missing arguments; names removed before 22.11 */
	{ "--no-huge --master-lcore 0", "--master-lcore", EINVAL },
	{ "--no-huge --pci-whitelist 0000:00:01.0", "--pci-whitelist", EINVAL },
	{ "--no-huge -w 0000:00:01.0", "-w", EINVAL },
	{ "--no-huge -x", "-x", EINVAL },
	{ "--no-huge -l", "-l", EINVAL },
	{ "--no-huge --lcores", "--lcores", EINVAL },
};

static void
test_bad_options(void **state)
{
	struct eal_run r;
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];

		eal_run(c->args, NULL, &r);
		if (r.ret != -1 || r.err != c->err || r.status != 0 ||
			strstr(r.err_text, c->says) == NULL ||
			eal_run_lines(r.err_text) != 1)
			fail_msg("'%s': ret %d rte_errno %d status %d, stderr: %s",
				c->args, r.ret, r.err, r.status, r.err_text);
	}
}

/* A bad command line leaves rte_eal_init() callable again. */
static int
retry_child(void *arg)
{
	char *bad[] = { "test", "--no-huge", "-l", "zz", NULL };
	char *good[] = { "test", "--no-huge", "-l", "0", NULL };

	(void)arg;
	if (rte_eal_init(4, bad) != -1 || rte_errno != EINVAL)
		return 1;
	if (rte_eal_init(4, good) != 3)
		return 2;
	if (rte_eal_init(4, good) != -1 || rte_errno != EALREADY)
		return 3;
	rte_eal_cleanup();
	if (rte_eal_init(4, good) != -1 || rte_errno != EALREADY)
		return 4;
	if (rte_eal_cleanup() != -EFAULT)
		return 5;
	return 0;
}

static void
test_retry_after_error(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(retry_child, NULL), 0);
}

/* argv contract: argv[ret] = argv[0], getopt state restored, stops at --. */
static int
argv_child(void *arg)
{
	char *argv[] = { "prog", "--no-huge", "-l", "0", "--log-level=4", "--",
		"-p", "0x3", NULL };
	char **saved_optarg = (char **)&argv[7];
	int ret;

	(void)arg;
	optind = 5;
	opterr = 7;
	optopt = 'q';
	optarg = *saved_optarg;
	ret = rte_eal_init(8, argv);
	if (ret != 5)
		return 1;
	if (strcmp(argv[5], "prog") != 0 || strcmp(argv[6], "-p") != 0)
		return 2;
	if (optind != 5 || opterr != 7 || optopt != 'q' || optarg != argv[7])
		return 3;
	if (rte_eal_cleanup() != 0)
		return 4;
	return 0;
}

static void
test_argv_contract(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(argv_child, NULL), 0);
}

static int
no_separator_child(void *arg)
{
	char *argv[] = { "prog", "--no-huge", "-l", "0", NULL };

	(void)arg;
	/* Without "--", every argument is the EAL's. */
	if (rte_eal_init(4, argv) != 3 || strcmp(argv[3], "prog") != 0)
		return 1;
	rte_eal_cleanup();
	return 0;
}

static void
test_no_separator(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(no_separator_child, NULL), 0);
}

struct good_case {
	const char *args;
	int consumed;
};

static const struct good_case good_cases[] = {
	{ "--no-huge -l 0", 3 },
	{ "--no-huge -c 0x1", 3 },
	{ "--no-huge -c 1", 3 },
	{ "--no-huge --lcores=(0-3)@0", 2 },
	{ "--no-huge --lcores 0@0,1@0 --main-lcore 1", 5 },
	{ "--no-huge -l 0 -n 4 -r 2", 7 },
	{ "--no-huge -l 0 --file-prefix pollux_test", 5 },
	{ "--no-huge -l 0 --vdev net_null0 --vdev=net_null1,size=128", 6 },
	{ "--no-huge -l 0 -a 0000:00:01.0 -a 0000:00:02.0,arg=1", 7 },
	{ "--no-huge -l 0 --no-pci --base-virtaddr 0x100000000", 6 },
	{ "--no-huge -l 0 --iova-mode=va --proc-type=primary", 5 },
	{ "--no-huge -l 0 --log-level=lib.eal:debug --log-level 7", 6 },
	{ "--no-huge -l 0 --log-level=lib.*,error --log-level=pmd.*:8", 5 },
	{ "--no-huge -l 0 --no-telemetry --no-shconf --no-hpet", 6 },
	{ "--no-huge -l 0 --mbuf-pool-ops-name=ring_mp_mc -- x", 5 },
};

static void
test_good_options(void **state)
{
	struct eal_run r;
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(good_cases); i++) {
		eal_run(good_cases[i].args, NULL, &r);
		if (r.ret != good_cases[i].consumed || r.status != 0)
			fail_msg("'%s': ret %d (want %d) rte_errno %d status %d, stderr: %s",
				good_cases[i].args, r.ret,
				good_cases[i].consumed, r.err, r.status,
				r.err_text);
	}
}

/* Options Pollux accepts without acting on them: init succeeds and one
 * line says so, once even when the option is repeated. */
struct ignored_case {
	const char *args;
	const char *option; /* named by exactly one line */
};

static const struct ignored_case ignored_cases[] = {
	{ "--no-huge -l 0 --single-file-segments --single-file-segments",
		"--single-file-segments" },
	{ "-l 0 --match-allocations", "--match-allocations" },
	{ "--no-huge -l 0-1 -s 0x2", "service cores" },
	{ "--no-huge -l 0 -S 1 -S 0", "service cores" },
	{ "--no-huge -l 0 --no-hpet", "--no-hpet" },
};

static unsigned int
lines_naming(const char *text, const char *word)
{
	unsigned int n = 0;
	const char *line = text, *end;

	while (*line != '\0') {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		if (memmem(line, (size_t)(end - line), word, strlen(word)) !=
			NULL)
			n++;
		line = *end == '\n' ? end + 1 : end;
	}
	return n;
}

static void
test_ignored_options(void **state)
{
	struct eal_run r;
	size_t i;

	(void)state;
	for (i = 0; i < RTE_DIM(ignored_cases); i++) {
		const struct ignored_case *c = &ignored_cases[i];

		eal_run(c->args, NULL, &r);
		if (r.ret < 0 || r.status != 0 ||
			lines_naming(r.err_text, c->option) != 1)
			fail_msg("'%s': ret %d rte_errno %d status %d, stderr: %s",
				c->args, r.ret, r.err, r.status, r.err_text);
	}
}

/* --vfio-intr is kept for the PCI bus: rte_eal_vfio_intr_mode(). */
static int
vfio_intr_hook(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	return (int)rte_eal_vfio_intr_mode();
}

static void
test_vfio_intr(void **state)
{
	static const struct {
		const char *args;
		enum rte_intr_mode mode;
	} cases[] = {
		{ "--no-huge -l 0", RTE_INTR_MODE_NONE },
		{ "--no-huge -l 0 --vfio-intr=legacy", RTE_INTR_MODE_LEGACY },
		{ "--no-huge -l 0 --vfio-intr msi", RTE_INTR_MODE_MSI },
		{ "--no-huge -l 0 --vfio-intr=msix", RTE_INTR_MODE_MSIX },
	};
	struct eal_run r;
	size_t i;

	(void)state;
	assert_int_equal(rte_eal_vfio_intr_mode(), RTE_INTR_MODE_NONE);
	for (i = 0; i < RTE_DIM(cases); i++) {
		eal_run(cases[i].args, vfio_intr_hook, &r);
		if (r.ret < 0 || r.hook_ret != (int)cases[i].mode ||
			eal_run_lines(r.err_text) != 0)
			fail_msg("'%s': ret %d mode %d, stderr: %s",
				cases[i].args, r.ret, r.hook_ret, r.err_text);
	}
}

/* A PCI address while no PCI bus is registered: a warning, not silence. */
static void
test_allow_unknown_bus(void **state)
{
	struct eal_run r;

	(void)state;
	if (rte_bus_find_by_name("pci") != NULL)
		skip();
	eal_run("--no-huge -l 0 -a 0000:00:01.0", NULL, &r);
	assert_true(r.ret >= 0);
	assert_int_equal(eal_run_lines(r.err_text), 1);
	assert_non_null(strstr(r.err_text, "0000:00:01.0"));
	assert_non_null(strstr(r.err_text, "matches no device"));
}

static int
lcores_hook(int argc, char **argv, int consumed)
{
	(void)argc;
	(void)argv;
	(void)consumed;
	return (int)(rte_lcore_count() * 100 + rte_get_main_lcore());
}

static void
test_lcore_maps(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge --lcores=(0-3)@0", lcores_hook, &r);
	assert_int_equal(r.hook_ret, 400);
	eal_run("--no-huge --lcores 2@0,5@0 --main-lcore 5", lcores_hook, &r);
	assert_int_equal(r.hook_ret, 205);
	eal_run("--no-huge --lcores 0,(1-2)@0", lcores_hook, &r);
	assert_int_equal(r.hook_ret, 300);
	eal_run("--no-huge -l 0", lcores_hook, &r);
	assert_int_equal(r.hook_ret, 100);
}

static void
test_help_exits(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge --help", NULL, &r);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.ret, -1000); /* exited inside rte_eal_init */
	assert_non_null(strstr(r.out_text, "Usage:"));
	assert_non_null(strstr(r.out_text, "--lcores"));
	eal_run("-h", NULL, &r);
	assert_non_null(strstr(r.out_text, "Usage:"));
}

static void
test_version(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run("--no-huge -l 0 -v", NULL, &r);
	assert_int_equal(r.ret, 4);
	assert_non_null(strstr(r.err_text, "RTE Version: 'Pollux"));
}

static void
test_parse_coremask_api(void **state)
{
	int cores[RTE_MAX_LCORE];

	(void)state;
	assert_int_equal(rte_eal_parse_coremask("0x1", cores), 0);
	assert_int_equal(cores[0], 0);
	assert_int_equal(cores[1], -1);
	assert_int_equal(rte_eal_parse_coremask(NULL, cores), -1);
	assert_int_equal(rte_eal_parse_coremask("1", NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_retry_after_error),
		cmocka_unit_test(test_argv_contract),
		cmocka_unit_test(test_no_separator),
		cmocka_unit_test(test_good_options),
		cmocka_unit_test(test_ignored_options),
		cmocka_unit_test(test_vfio_intr),
		cmocka_unit_test(test_allow_unknown_bus),
		cmocka_unit_test(test_lcore_maps),
		cmocka_unit_test(test_help_exits),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_parse_coremask_api),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
