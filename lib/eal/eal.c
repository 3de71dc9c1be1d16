/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * rte_eal_init() and rte_eal_cleanup(): the order in which the EAL's parts
 * come up and go down, and the small getters for what init decided.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_version.h>

#include "eal_private.h"
#include "memory/eal_iova.h"

struct eal_config eal_cfg;

/* 0: never initialised or cleaned up, 1: init running, 2: ready. */
static int eal_state;
static rte_usage_hook_t usage_hook;
static char runtime_dir[256];

bool
eal_is_initialized(void)
{
	return __atomic_load_n(&eal_state, __ATOMIC_ACQUIRE) == 2;
}

/* getopt's globals belong to the application: rte_eal_init() puts
 * them back as it found them. */
struct getopt_state {
	int optind, opterr, optopt;
	char *optarg;
};

static void
getopt_save(struct getopt_state *s)
{
	s->optind = optind;
	s->opterr = opterr;
	s->optopt = optopt;
	s->optarg = optarg;
}

static void
getopt_restore(const struct getopt_state *s)
{
	optind = s->optind;
	opterr = s->opterr;
	optopt = s->optopt;
	optarg = s->optarg;
}

static void
eal_print_usage(const char *prgname)
{
	eal_usage(prgname);
	if (usage_hook != NULL) {
		printf("\n");
		usage_hook(prgname);
	}
}

/* Parses and checks argv into eal_cfg; the optind, -1 or -2 (help). */
static int
eal_parse_argv(int argc, char **argv)
{
	struct getopt_state saved;
	int ret;

	getopt_save(&saved);
	eal_config_defaults(&eal_cfg);
	ret = eal_options_parse(&eal_cfg, argc, argv);
	getopt_restore(&saved);
	if (ret >= 0 && eal_options_check(&eal_cfg) < 0)
		ret = -1;
	if (ret >= 0 && eal_cfg.process_type == RTE_PROC_SECONDARY) {
		fprintf(stderr,
			"EAL: --proc-type=secondary: secondary processes "
			"are not supported by Pollux\n");
		rte_errno = ENOTSUP;
		return -1;
	}
	if (ret == -1)
		rte_errno = EINVAL;
	return ret;
}

static void
runtime_dir_init(void)
{
	const char *base = getenv("XDG_RUNTIME_DIR");

	if (getuid() == 0 || base == NULL)
		base = "/var/run";
	snprintf(runtime_dir, sizeof(runtime_dir), "%s/pollux/%s", base,
		eal_cfg.file_prefix);
}

/*
 * Plugins, device lists and the bus scan, before memory: the buses'
 * IOVA preference steers the choice of IOVA mode.
 */
static int
eal_devices_scan(void)
{
	if (eal_plugins_load(&eal_cfg) < 0)
		return -1;
	if (eal_devargs_from_options(&eal_cfg) < 0) {
		eal_plugins_unload();
		return -1;
	}
	rte_bus_scan();
	eal_iova_set_bus_preference(rte_bus_get_iommu_class());
	return 0;
}

/* Forgets device lists and plugins (after the buses' cleanup). */
static void
eal_devices_release(void)
{
	eal_devargs_release();
	eal_plugins_unload();
}

/* Takes down what eal_setup() brought up, in reverse order. */
static void
eal_teardown(void)
{
	eal_workers_stop();
	/* Drivers' remove functions may still use interrupts and alarms. */
	eal_bus_cleanup();
	eal_intr_cleanup();
	eal_alarm_cleanup();
	eal_memory_cleanup();
	eal_devices_release();
	eal_lcores_reset();
}

/* The bus probe, last: drivers may use memory, alarms and interrupts. */
static int
eal_devices_probe(void)
{
	int ret = rte_bus_probe();

	if (ret == 0)
		return 0;
	/* The bus has said which device failed and why. */
	rte_errno = -ret;
	return -1;
}

/* Brings up the parts after parsing; unwinds what it did on failure. */
static int
eal_setup(void)
{
	int ret;

	if (eal_timer_init() < 0)
		return -1;
	if (eal_lcores_init(&eal_cfg) < 0)
		return -1;
	if (eal_devices_scan() < 0)
		goto fail_lcores;
	if (eal_memory_init(&eal_cfg) < 0)
		goto fail_devices;
	if (eal_intr_init() < 0)
		goto fail_memory;
	if (eal_alarm_init() < 0)
		goto fail_intr;
	if (eal_workers_start() < 0)
		goto fail_intr;
	if (eal_devices_probe() < 0) {
		ret = rte_errno;
		eal_teardown();
		rte_errno = ret;
		return -1;
	}
	return 0;

fail_intr:
	eal_intr_cleanup();
	eal_alarm_cleanup();
fail_memory:
	eal_memory_cleanup();
fail_devices:
	eal_bus_cleanup(); /* devices found by the scan */
	eal_devices_release();
fail_lcores:
	eal_lcores_reset();
	return -1;
}

int
rte_eal_init(int argc, char **argv)
{
	int expected = 0, ret;

	if (!__atomic_compare_exchange_n(&eal_state, &expected, 1, false,
		    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		EAL_LOG(ERR, "rte_eal_init() may be called only once\n");
		rte_errno = EALREADY;
		return -1;
	}
	if (argc < 1 || argv == NULL || argv[0] == NULL) {
		fprintf(stderr, "EAL: rte_eal_init() needs argv[0]\n");
		rte_errno = EINVAL;
		goto fail;
	}
	if (eal_log_init() < 0)
		goto fail;
	ret = eal_parse_argv(argc, argv);
	if (ret == -2) {
		eal_print_usage(argv[0]);
		exit(EXIT_SUCCESS);
	}
	if (ret < 0)
		goto fail;
	if (eal_cfg.show_version)
		rte_log(RTE_LOG_CRIT, RTE_LOGTYPE_EAL,
			"EAL: RTE Version: '%s'\n", rte_version());
	runtime_dir_init();
	if (eal_setup() < 0)
		goto fail;
	__atomic_store_n(&eal_state, 2, __ATOMIC_RELEASE);
	ret--;
	argv[ret] = argv[0];
	return ret;

fail:
	eal_config_release(&eal_cfg);
	eal_log_reset();
	/* A failed init may be retried, as in DPDK. */
	__atomic_store_n(&eal_state, 0, __ATOMIC_RELEASE);
	return -1;
}

int
rte_eal_cleanup(void)
{
	int expected = 2;

	if (!__atomic_compare_exchange_n(&eal_state, &expected, 1, false,
		    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		rte_errno = EFAULT;
		return -EFAULT;
	}
	if (rte_lcore_id() != rte_get_main_lcore()) {
		/* Called from another thread (rte_exit() on a worker, say):
		 * joining the workers would wait for the caller itself, and
		 * other lcores may still use the memory. The process is about
		 * to end; leave both to it. */
		EAL_LOG(WARNING,
			"rte_eal_cleanup() called off the main lcore: "
			"threads and memory are left to the process exit\n");
		__atomic_store_n(&eal_state, 3, __ATOMIC_RELEASE);
		return 0;
	}
	eal_teardown();
	eal_config_release(&eal_cfg);
	eal_log_reset();
	/* The EAL cannot be initialised again in this process, as in DPDK:
	 * state 3 keeps rte_eal_init() answering EALREADY. */
	__atomic_store_n(&eal_state, 3, __ATOMIC_RELEASE);
	return 0;
}

enum rte_proc_type_t
rte_eal_process_type(void)
{
	return eal_is_initialized() ? RTE_PROC_PRIMARY : RTE_PROC_INVALID;
}

int
rte_eal_iopl_init(void)
{
	return 0;
}

int
rte_eal_has_pci(void)
{
	/* The truth: a PCI bus is built in (or loaded) and not turned off. */
	return !eal_cfg.no_pci && rte_bus_find_by_name("pci") != NULL;
}

int
rte_eal_create_uio_dev(void)
{
	return 0;
}

const char *
rte_eal_mbuf_user_pool_ops(void)
{
	return eal_cfg.mbuf_pool_ops_name;
}

const char *
rte_eal_get_runtime_dir(void)
{
	return runtime_dir;
}

uint64_t
rte_eal_get_baseaddr(void)
{
	return eal_cfg.base_virtaddr;
}

int
rte_eal_primary_proc_alive(const char *config_file_path)
{
	RTE_SET_USED(config_file_path);
	return 0;
}

rte_usage_hook_t
rte_set_application_usage_hook(rte_usage_hook_t usage_func)
{
	rte_usage_hook_t old = usage_hook;

	usage_hook = usage_func;
	return old;
}

const char *
rte_version(void)
{
	return RTE_VER_PREFIX " " RTE_POLLUX_VERSION " (DPDK " RTE_STR(
		RTE_VER_YEAR) "." RTE_STR(RTE_VER_MONTH) " API)";
}

const char *
rte_version_prefix(void)
{
	return RTE_VER_PREFIX;
}

unsigned int
rte_version_year(void)
{
	return RTE_VER_YEAR;
}

unsigned int
rte_version_month(void)
{
	return RTE_VER_MONTH;
}

unsigned int
rte_version_minor(void)
{
	return RTE_VER_MINOR;
}

const char *
rte_version_suffix(void)
{
	return RTE_VER_SUFFIX;
}

unsigned int
rte_version_release(void)
{
	return RTE_VER_RELEASE;
}
