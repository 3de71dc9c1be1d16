/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * EAL command-line options: DPDK 22.11's names and meanings
 * (dpdk-api-subset.md section 3). eal_options_parse() only records what
 * it reads; eal_options_check() then rejects the combinations DPDK
 * rejects. Every error is one line on stderr naming the option.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <rte_errno.h>
#include <rte_lcore.h>

#include "eal_private.h"

#define EAL_SHORT_OPTIONS "a:b:c:s:d:hl:S:m:n:r:v"

/* Long options without a short form get ids above the char range. */
enum {
	OPT_FIRST = 256,
	OPT_BASE_VIRTADDR,
	OPT_CREATE_UIO_DEV,
	OPT_FILE_PREFIX,
	OPT_FORCE_MAX_SIMD,
	OPT_HUGE_DIR,
	OPT_HUGE_UNLINK,
	OPT_HUGE_WORKER_STACK,
	OPT_IN_MEMORY,
	OPT_IOVA_MODE,
	OPT_LCORES,
	OPT_LEGACY_MEM,
	OPT_LOG_LEVEL,
	OPT_MAIN_LCORE,
	OPT_MATCH_ALLOCATIONS,
	OPT_MBUF_POOL_OPS,
	OPT_NO_HPET,
	OPT_NO_HUGE,
	OPT_NO_PCI,
	OPT_NO_SHCONF,
	OPT_NO_TELEMETRY,
	OPT_PROC_TYPE,
	OPT_SINGLE_FILE_SEGMENTS,
	OPT_SOCKET_LIMIT,
	OPT_SOCKET_MEM,
	OPT_SYSLOG,
	OPT_TELEMETRY,
	OPT_TRACE,
	OPT_TRACE_BUFSZ,
	OPT_TRACE_DIR,
	OPT_TRACE_MODE,
	OPT_VDEV,
	OPT_VFIO_INTR,
	OPT_VFIO_VF_TOKEN,
	OPT_VMWARE_TSC_MAP,
};

static const struct option eal_long_options[] = {
	{ "allow", required_argument, NULL, 'a' },
	{ "base-virtaddr", required_argument, NULL, OPT_BASE_VIRTADDR },
	{ "block", required_argument, NULL, 'b' },
	{ "create-uio-dev", no_argument, NULL, OPT_CREATE_UIO_DEV },
	{ "file-prefix", required_argument, NULL, OPT_FILE_PREFIX },
	{ "force-max-simd-bitwidth", required_argument, NULL,
		OPT_FORCE_MAX_SIMD },
	{ "help", no_argument, NULL, 'h' },
	{ "huge-dir", required_argument, NULL, OPT_HUGE_DIR },
	{ "huge-unlink", optional_argument, NULL, OPT_HUGE_UNLINK },
	{ "huge-worker-stack", optional_argument, NULL, OPT_HUGE_WORKER_STACK },
	{ "in-memory", no_argument, NULL, OPT_IN_MEMORY },
	{ "iova-mode", required_argument, NULL, OPT_IOVA_MODE },
	{ "lcores", required_argument, NULL, OPT_LCORES },
	{ "legacy-mem", no_argument, NULL, OPT_LEGACY_MEM },
	{ "log-level", required_argument, NULL, OPT_LOG_LEVEL },
	{ "main-lcore", required_argument, NULL, OPT_MAIN_LCORE },
	{ "match-allocations", no_argument, NULL, OPT_MATCH_ALLOCATIONS },
	{ "mbuf-pool-ops-name", required_argument, NULL, OPT_MBUF_POOL_OPS },
	{ "no-hpet", no_argument, NULL, OPT_NO_HPET },
	{ "no-huge", no_argument, NULL, OPT_NO_HUGE },
	{ "no-pci", no_argument, NULL, OPT_NO_PCI },
	{ "no-shconf", no_argument, NULL, OPT_NO_SHCONF },
	{ "no-telemetry", no_argument, NULL, OPT_NO_TELEMETRY },
	{ "proc-type", required_argument, NULL, OPT_PROC_TYPE },
	{ "single-file-segments", no_argument, NULL, OPT_SINGLE_FILE_SEGMENTS },
	{ "socket-limit", required_argument, NULL, OPT_SOCKET_LIMIT },
	{ "socket-mem", required_argument, NULL, OPT_SOCKET_MEM },
	{ "syslog", optional_argument, NULL, OPT_SYSLOG },
	{ "telemetry", no_argument, NULL, OPT_TELEMETRY },
	{ "trace", required_argument, NULL, OPT_TRACE },
	{ "trace-bufsz", required_argument, NULL, OPT_TRACE_BUFSZ },
	{ "trace-dir", required_argument, NULL, OPT_TRACE_DIR },
	{ "trace-mode", required_argument, NULL, OPT_TRACE_MODE },
	{ "vdev", required_argument, NULL, OPT_VDEV },
	{ "vfio-intr", required_argument, NULL, OPT_VFIO_INTR },
	{ "vfio-vf-token", required_argument, NULL, OPT_VFIO_VF_TOKEN },
	{ "vmware-tsc-map", no_argument, NULL, OPT_VMWARE_TSC_MAP },
	{ NULL, 0, NULL, 0 },
};

/* The user's spelling of an option, for error lines. */
static const char *
opt_name(int opt, char *buf, size_t len)
{
	const struct option *o;

	if (opt < OPT_FIRST) {
		snprintf(buf, len, "-%c", opt);
		return buf;
	}
	for (o = eal_long_options; o->name != NULL; o++)
		if (o->val == opt)
			break;
	snprintf(buf, len, "--%s", o->name != NULL ? o->name : "?");
	return buf;
}

static int
bad_value(int opt, const char *arg, const char *why)
{
	char name[40];

	fprintf(stderr, "EAL: invalid value '%s' for %s: %s\n",
		arg != NULL ? arg : "", opt_name(opt, name, sizeof(name)), why);
	return -1;
}

/* A whole-string unsigned decimal number in [min, max]. */
static int
parse_number(const char *arg, uint64_t min, uint64_t max, uint64_t *value)
{
	char *end;
	unsigned long long v;

	if (arg == NULL || *arg == '\0' || *arg == '-')
		return -1;
	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*value = v;
	return 0;
}

/* "MB,MB,..." into bytes per socket. */
static int
parse_socket_list(int opt, const char *arg, uint64_t *out)
{
	char *copy, *tok, *save = NULL, why[128];
	unsigned int socket = 0;
	uint64_t mb;
	int ret = 0;

	copy = strdup(arg);
	if (copy == NULL)
		return -1;
	memset(out, 0, sizeof(*out) * RTE_MAX_NUMA_NODES);
	if (arg[0] == '\0' || arg[strlen(arg) - 1] == ',')
		ret = -1;
	for (tok = strtok_r(copy, ",", &save); tok != NULL && ret == 0;
		tok = strtok_r(NULL, ",", &save), socket++) {
		if (socket >= RTE_MAX_NUMA_NODES ||
			parse_number(tok, 0, RTE_MAX_MEM_MB, &mb) < 0)
			ret = -1;
		else
			out[socket] = mb << 20;
	}
	free(copy);
	if (ret < 0) {
		snprintf(why, sizeof(why),
			"expected megabytes per socket, "
			"e.g. 1024,1024: 0 to %u each, at most %u sockets",
			RTE_MAX_MEM_MB, RTE_MAX_NUMA_NODES);
		return bad_value(opt, arg, why);
	}
	return 0;
}

static int
add_devarg(struct eal_config *cfg, int kind, const char *arg)
{
	if (arg[0] == '\0')
		return bad_value(kind == 'v' ? OPT_VDEV : kind, arg,
			"empty device");
	if (cfg->nb_devargs >= EAL_MAX_DEVARGS)
		return bad_value(kind == 'v' ? OPT_VDEV : kind, arg,
			"too many devices");
	cfg->devargs[cfg->nb_devargs].kind = kind;
	cfg->devargs[cfg->nb_devargs].str = strdup(arg);
	if (cfg->devargs[cfg->nb_devargs].str == NULL)
		return -1;
	cfg->nb_devargs++;
	return 0;
}

static int
add_plugin(struct eal_config *cfg, const char *arg)
{
	if (arg[0] == '\0')
		return bad_value('d', arg, "empty path");
	if (cfg->nb_plugins >= EAL_MAX_PLUGINS)
		return bad_value('d', arg, "too many plugins");
	cfg->plugins[cfg->nb_plugins] = strdup(arg);
	if (cfg->plugins[cfg->nb_plugins] == NULL)
		return -1;
	cfg->nb_plugins++;
	return 0;
}

/* Finds "word" in a NULL-terminated list; its index or -1. */
static int
word_index(const char *word, const char *const *list)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(word, list[i]) == 0)
			return i;
	return -1;
}

static int
parse_cores(struct eal_config *cfg, int opt, const char *arg)
{
	static const char *const names[] = { "-l", "-c", "--lcores" };
	static int first = -1;
	int ret;

	if (cfg->cores_given) {
		fprintf(stderr,
			"EAL: option %s conflicts with %s: give only one "
			"of -l, -c and --lcores\n",
			names[opt == 'l'	   ? 0 :
					opt == 'c' ? 1 :
						     2],
			names[first]);
		return -1;
	}
	if (opt == 'l')
		ret = eal_parse_corelist(cfg, arg, "-l");
	else if (opt == 'c')
		ret = eal_parse_coremask(cfg, arg, "-c");
	else
		ret = eal_parse_lcores(cfg, arg);
	if (ret < 0)
		return -1;
	first = opt == 'l' ? 0 : opt == 'c' ? 1 : 2;
	cfg->cores_given = true;
	return 0;
}

/* Service cores (-s mask / -S list): validated; Pollux runs no service
 * cores, so they are counted, said to be ignored, and left alone. */
static int
parse_service_cores(struct eal_config *cfg, int opt, const char *arg)
{
	struct eal_config *tmp = calloc(1, sizeof(*tmp));
	unsigned int id;
	int ret;

	if (tmp == NULL)
		return -1;
	ret = opt == 's' ? eal_parse_coremask(tmp, arg, "-s") :
			   eal_parse_corelist(tmp, arg, "-S");
	cfg->service_lcores = 0;
	for (id = 0; ret == 0 && id < RTE_MAX_LCORE; id++)
		cfg->service_lcores += tmp->lcore_enabled[id];
	free(tmp);
	if (ret == 0)
		cfg->service_cores_given = true;
	return ret;
}

/*
 * Options DPDK has and Pollux accepts without acting on them: one line
 * each, once, after the command line passed its checks (so that a bad
 * one still gets exactly one line, its error).
 */
static void
note_ignored_options(const struct eal_config *cfg)
{
	if (cfg->service_cores_given)
		EAL_LOG(NOTICE,
			"-s/-S (service cores) is accepted for DPDK "
			"compatibility and has no effect: Pollux runs no "
			"service cores, the lcores stay ordinary workers\n");
	if (cfg->single_file_segments)
		EAL_LOG(NOTICE,
			"--single-file-segments: Pollux always keeps "
			"one file per page size and socket, so it changes "
			"nothing\n");
	if (cfg->match_allocations)
		EAL_LOG(NOTICE,
			"--match-allocations is accepted for DPDK "
			"compatibility and has no effect: Pollux gives memory "
			"back by whole runs, as they were mapped\n");
}

static int
parse_memory_opt(struct eal_config *cfg, int opt, const char *arg)
{
	static const char *const unlink_modes[] = { "existing", "always",
		"never", NULL };
	char *end, why[64];
	uint64_t v;
	int i;

	switch (opt) {
	case 'm':
		if (parse_number(arg, 1, RTE_MAX_MEM_MB, &v) < 0) {
			snprintf(why, sizeof(why),
				"expected megabytes, 1 to "
				"%u (RTE_MAX_MEM_MB)",
				RTE_MAX_MEM_MB);
			return bad_value(opt, arg, why);
		}
		cfg->memory = v << 20;
		return 0;
	case OPT_SOCKET_MEM:
		cfg->force_sockets = true;
		return parse_socket_list(opt, arg, cfg->socket_mem);
	case OPT_SOCKET_LIMIT:
		cfg->force_socket_limits = true;
		return parse_socket_list(opt, arg, cfg->socket_limit);
	case OPT_HUGE_DIR:
		if (arg[0] == '\0')
			return bad_value(opt, arg, "empty directory");
		free(cfg->huge_dir);
		cfg->huge_dir = strdup(arg);
		return cfg->huge_dir == NULL ? -1 : 0;
	case OPT_HUGE_UNLINK:
		cfg->huge_unlink_given = true;
		i = arg == NULL ? EAL_HUGE_UNLINK_ALWAYS :
				  word_index(arg, unlink_modes);
		if (i < 0)
			return bad_value(opt, arg,
				"expected existing, always or never");
		cfg->huge_unlink = (enum eal_huge_unlink)i;
		return 0;
	case OPT_HUGE_WORKER_STACK:
		if (arg != NULL && parse_number(arg, 1, UINT32_MAX, &v) < 0)
			return bad_value(opt, arg,
				"expected a size in kilobytes");
		cfg->huge_worker_stack = true;
		cfg->huge_worker_stack_size = arg != NULL ? v << 10 : 0;
		return 0;
	case OPT_IOVA_MODE:
		if (strcmp(arg, "pa") == 0)
			cfg->iova_mode = RTE_IOVA_PA;
		else if (strcmp(arg, "va") == 0)
			cfg->iova_mode = RTE_IOVA_VA;
		else
			return bad_value(opt, arg, "expected pa or va");
		return 0;
	case OPT_BASE_VIRTADDR:
		errno = 0;
		v = strtoull(arg, &end, 16);
		if (errno != 0 || *end != '\0' || v == 0 || arg[0] == '-')
			return bad_value(opt, arg,
				"expected a hexadecimal address");
		cfg->base_virtaddr = v;
		return 0;
	}
	return 1; /* not a memory option */
}

static int
parse_memory_flag(struct eal_config *cfg, int opt, const char *arg)
{
	uint64_t v;

	switch (opt) {
	case 'n':
		if (parse_number(arg, 1, UINT32_MAX, &v) < 0)
			return bad_value(opt, arg,
				"expected a number of channels > 0");
		cfg->memory_channels = (uint32_t)v;
		return 0;
	case 'r':
		if (parse_number(arg, 1, 16, &v) < 0)
			return bad_value(opt, arg,
				"expected a number of ranks, 1 to 16");
		cfg->memory_ranks = (uint32_t)v;
		return 0;
	case OPT_NO_HUGE:
		cfg->no_huge = true;
		return 0;
	case OPT_IN_MEMORY:
		cfg->in_memory = true;
		return 0;
	case OPT_NO_SHCONF:
		cfg->no_shconf = true;
		return 0;
	case OPT_LEGACY_MEM:
		cfg->legacy_mem = true;
		return 0;
	case OPT_SINGLE_FILE_SEGMENTS:
		cfg->single_file_segments = true;
		return 0;
	case OPT_MATCH_ALLOCATIONS:
		cfg->match_allocations = true;
		return 0;
	case OPT_FILE_PREFIX:
		if (arg[0] == '\0' || strchr(arg, '%') != NULL ||
			strchr(arg, '/') != NULL)
			return bad_value(opt, arg,
				"must be non-empty, without '%' or '/'");
		if (strlen(arg) >= sizeof(cfg->file_prefix))
			return bad_value(opt, arg, "too long");
		snprintf(cfg->file_prefix, sizeof(cfg->file_prefix), "%s", arg);
		return 0;
	}
	return parse_memory_opt(cfg, opt, arg);
}

static int
parse_misc_opt(struct eal_config *cfg, int opt, const char *arg)
{
	static const char *const proc_types[] = { "primary", "secondary",
		"auto", NULL };
	static const char *const intr_modes[] = { "legacy", "msi", "msix",
		NULL };
	uint64_t v;
	int i;

	switch (opt) {
	case OPT_PROC_TYPE:
		i = word_index(arg, proc_types);
		if (i < 0)
			return bad_value(opt, arg,
				"expected primary, secondary or auto");
		cfg->process_type = i == 1 ? RTE_PROC_SECONDARY :
			i == 2		   ? RTE_PROC_AUTO :
					     RTE_PROC_PRIMARY;
		return 0;
	case OPT_VFIO_INTR:
		i = word_index(arg, intr_modes);
		if (i < 0)
			return bad_value(opt, arg,
				"expected legacy, msi or msix");
		cfg->vfio_intr_mode = i + 1;
		return 0;
	case OPT_FORCE_MAX_SIMD:
		if (parse_number(arg, 0, 512, &v) < 0 ||
			(v != 0 && (v < 64 || !rte_is_power_of_2((uint32_t)v))))
			return bad_value(opt, arg,
				"expected 0, 64, 128, 256 or 512");
		return 0;
	case OPT_MBUF_POOL_OPS:
		if (arg[0] == '\0')
			return bad_value(opt, arg, "empty name");
		free(cfg->mbuf_pool_ops_name);
		cfg->mbuf_pool_ops_name = strdup(arg);
		return cfg->mbuf_pool_ops_name == NULL ? -1 : 0;
	case OPT_MAIN_LCORE:
		if (parse_number(arg, 0, RTE_MAX_LCORE - 1, &v) < 0)
			return bad_value(opt, arg, "expected an lcore id");
		cfg->main_lcore = (int)v;
		return 0;
	case OPT_LOG_LEVEL:
		return eal_log_level_arg(arg);
	}
	return 1;
}

/* Options accepted for compatibility that change nothing in Pollux. */
static int
parse_ignored_opt(int opt, const char *arg)
{
	char name[40];

	switch (opt) {
	case OPT_NO_HPET:
	case OPT_VMWARE_TSC_MAP:
	case OPT_TELEMETRY:
	case OPT_NO_TELEMETRY:
	case OPT_SYSLOG:
	case OPT_CREATE_UIO_DEV:
	case OPT_VFIO_VF_TOKEN:
	case OPT_TRACE:
	case OPT_TRACE_DIR:
	case OPT_TRACE_BUFSZ:
	case OPT_TRACE_MODE:
		EAL_LOG(NOTICE,
			"%s%s%s is accepted for DPDK compatibility "
			"and has no effect in Pollux\n",
			opt_name(opt, name, sizeof(name)),
			arg != NULL ? "=" : "", arg != NULL ? arg : "");
		return 0;
	}
	return 1;
}

static int
parse_one(struct eal_config *cfg, int opt, const char *arg)
{
	int ret;

	switch (opt) {
	case 'l':
	case 'c':
	case OPT_LCORES:
		return parse_cores(cfg, opt, arg);
	case 's':
	case 'S':
		return parse_service_cores(cfg, opt, arg);
	case 'a':
	case 'b':
		return add_devarg(cfg, opt, arg);
	case OPT_VDEV:
		return add_devarg(cfg, 'v', arg);
	case OPT_NO_PCI:
		cfg->no_pci = true;
		return 0;
	case 'd':
		return add_plugin(cfg, arg);
	case 'v':
		cfg->show_version = true;
		return 0;
	}
	ret = parse_memory_flag(cfg, opt, arg);
	if (ret <= 0)
		return ret;
	ret = parse_misc_opt(cfg, opt, arg);
	if (ret <= 0)
		return ret;
	ret = parse_ignored_opt(opt, arg);
	if (ret <= 0)
		return ret;
	fprintf(stderr, "EAL: option %d is not handled\n", opt);
	return -1;
}

static void
report_unknown(int opt, char **argv, int optind_after)
{
	const char *word = optind_after > 0 ? argv[optind_after - 1] : "?";

	if (opt == '?' && optopt != 0 &&
		strchr(EAL_SHORT_OPTIONS, optopt) != NULL)
		fprintf(stderr, "EAL: option -%c requires an argument\n",
			optopt);
	else if (opt == '?' && optopt != 0)
		fprintf(stderr,
			"EAL: unknown option -%c "
			"(see --help for the EAL options)\n",
			optopt);
	else if (opt == ':')
		fprintf(stderr, "EAL: option %s requires an argument\n", word);
	else
		fprintf(stderr,
			"EAL: unknown or ambiguous option '%s' "
			"(see --help for the EAL options)\n",
			word);
}

/* Returns optind (first non-EAL argument), -1 on error, -2 for --help. */
int
eal_options_parse(struct eal_config *cfg, int argc, char **argv)
{
	bool help = false;
	int opt;

	optind = 0; /* glibc: 0 re-initialises getopt's whole state */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":" EAL_SHORT_OPTIONS,
			eal_long_options, NULL)) != -1) {
		if (opt == '?' || opt == ':') {
			report_unknown(opt, argv, optind);
			return -1;
		}
		if (opt == 'h') {
			help = true;
			continue;
		}
		if (parse_one(cfg, opt, optarg) != 0)
			return -1;
	}
	return help ? -2 : optind;
}

static int
conflict(const char *a, const char *b)
{
	fprintf(stderr, "EAL: option %s cannot be used with %s\n", a, b);
	return -1;
}

static bool
devargs_have(const struct eal_config *cfg, int kind)
{
	unsigned int i;

	for (i = 0; i < cfg->nb_devargs; i++)
		if (cfg->devargs[i].kind == kind)
			return true;
	return false;
}

static bool
socket_limit_below_mem(const struct eal_config *cfg)
{
	unsigned int s;

	for (s = 0; s < RTE_MAX_NUMA_NODES; s++)
		if (cfg->socket_limit[s] != 0 &&
			cfg->socket_limit[s] < cfg->socket_mem[s])
			return true;
	return false;
}

/* --no-huge implies --legacy-mem in DPDK, hence some messages below. */
static int
check_memory_conflicts(const struct eal_config *cfg)
{
	bool legacy = cfg->legacy_mem || cfg->no_huge;

	if (cfg->memory != 0 && cfg->force_sockets)
		return conflict("-m", "--socket-mem");
	if (cfg->no_huge && cfg->force_sockets)
		return conflict("--socket-mem", "--no-huge");
	if (cfg->no_huge && cfg->huge_unlink_given && !cfg->in_memory)
		return conflict("--huge-unlink", "--no-huge");
	if (cfg->no_huge && cfg->huge_worker_stack)
		return conflict("--huge-worker-stack", "--no-huge");
	if (cfg->no_huge && cfg->match_allocations)
		return conflict("--match-allocations", "--no-huge");
	if (legacy && cfg->in_memory)
		return conflict(cfg->no_huge ?
				"--no-huge (which implies --legacy-mem)" :
				"--legacy-mem",
			"--in-memory");
	if (legacy && cfg->match_allocations)
		return conflict("--legacy-mem", "--match-allocations");
	if (legacy && cfg->force_socket_limits)
		return conflict("--socket-limit",
			cfg->no_huge ? "--no-huge" : "--legacy-mem");
	if (cfg->in_memory && cfg->huge_unlink_given &&
		cfg->huge_unlink == EAL_HUGE_UNLINK_NEVER)
		return conflict("--in-memory", "--huge-unlink=never");
	if (cfg->single_file_segments && cfg->huge_unlink_given &&
		cfg->huge_unlink == EAL_HUGE_UNLINK_ALWAYS && !cfg->in_memory)
		return conflict("--single-file-segments", "--huge-unlink");
	if (cfg->force_socket_limits && cfg->force_sockets &&
		socket_limit_below_mem(cfg)) {
		fprintf(stderr,
			"EAL: --socket-limit is lower than --socket-mem\n");
		return -1;
	}
	return 0;
}

int
eal_options_check(const struct eal_config *cfg)
{
	if (devargs_have(cfg, 'a') && devargs_have(cfg, 'b'))
		return conflict("-a/--allow", "-b/--block");
	if (cfg->main_lcore >= 0 && cfg->cores_given &&
		!cfg->lcore_enabled[cfg->main_lcore]) {
		fprintf(stderr,
			"EAL: --main-lcore %d is not in the core list\n",
			cfg->main_lcore);
		return -1;
	}
	if (check_memory_conflicts(cfg) < 0)
		return -1;
	note_ignored_options(cfg);
	return 0;
}

void
eal_config_defaults(struct eal_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->main_lcore = -1;
	cfg->iova_mode = RTE_IOVA_DC;
	cfg->process_type = RTE_PROC_PRIMARY;
	cfg->huge_unlink = EAL_HUGE_UNLINK_ALWAYS; /* Pollux: in-memory */
	snprintf(cfg->file_prefix, sizeof(cfg->file_prefix), "rte");
}

void
eal_config_release(struct eal_config *cfg)
{
	unsigned int i;

	for (i = 0; i < cfg->nb_devargs; i++)
		free(cfg->devargs[i].str);
	for (i = 0; i < cfg->nb_plugins; i++)
		free(cfg->plugins[i]);
	free(cfg->huge_dir);
	free(cfg->mbuf_pool_ops_name);
	eal_config_defaults(cfg);
}

enum rte_intr_mode
rte_eal_vfio_intr_mode(void)
{
	return (enum rte_intr_mode)eal_cfg.vfio_intr_mode;
}

void
eal_usage(const char *prgname)
{
	printf("Usage: %s [EAL options] -- [application options]\n\n"
	       "EAL options:\n"
	       "  -l CORELIST         lcores to run on, e.g. 0-3,5 (lcore N on CPU N)\n"
	       "  -c COREMASK         the same as a hexadecimal mask\n"
	       "  --lcores MAP        lcore sets on CPU sets, e.g. '(0-3)@0,4@(5,6)'\n"
	       "  --main-lcore ID     the lcore that runs main() (default: the first)\n"
	       "  -n CHANNELS         memory channels (a hint)\n"
	       "  -r RANKS            memory ranks (a hint, 1-16)\n"
	       "  -m MB               memory to reserve at start\n"
	       "  --socket-mem MB,..  memory to reserve per NUMA socket\n"
	       "  --socket-limit MB,. upper limit per socket\n"
	       "  --no-huge           ordinary pages instead of hugepages (IOVA = VA)\n"
	       "  --huge-dir DIR      hugetlbfs mount to use\n"
	       "  --file-prefix NAME  prefix of hugepage files (default rte)\n"
	       "  --in-memory         no files at all (Pollux always works this way)\n"
	       "  --iova-mode pa|va   force the IOVA mode\n"
	       "  -a, --allow DEV     probe only this PCI device (repeatable)\n"
	       "  -b, --block DEV     never probe this PCI device (repeatable)\n"
	       "  --vdev NAME[,k=v]   add a virtual device (repeatable)\n"
	       "  --no-pci            do not scan the PCI bus\n"
	       "  -d LIB.so|DIR       load a driver plugin (repeatable)\n"
	       "  --log-level LEVEL   global level, or PATTERN:LEVEL, or REGEX,LEVEL\n"
	       "  --proc-type TYPE    primary (secondary processes are not supported)\n"
	       "  -v                  print the version at start-up\n"
	       "  -h, --help          this help\n",
		prgname);
}
