/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Private interfaces between the parts of the EAL. Nothing here is
 * installed; applications see only the rte_*.h headers.
 */
#ifndef EAL_PRIVATE_H
#define EAL_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sched.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_log.h>

/* How hugepage files are unlinked (--huge-unlink). */
enum eal_huge_unlink {
	EAL_HUGE_UNLINK_EXISTING = 0,
	EAL_HUGE_UNLINK_ALWAYS,
	EAL_HUGE_UNLINK_NEVER,
};

#define EAL_MAX_DEVARGS	    256
#define EAL_MAX_PLUGINS	    64
#define EAL_FILE_PREFIX_MAX 64

/* A device string from -a, -b or --vdev, kept for the bus layer. */
struct eal_devarg_opt {
	int kind;  /* 'a', 'b' or 'v' */
	char *str; /* strdup()ed option argument */
};

/*
 * Everything rte_eal_init() learnt from the command line. Filled by
 * eal_options_parse() from a zeroed struct with eal_config_defaults();
 * the other parts read it after parsing succeeded.
 */
struct eal_config {
	/* lcores: which lcore runs on which CPUs (-l, -c, --lcores) */
	bool lcore_enabled[RTE_MAX_LCORE];
	cpu_set_t lcore_cpuset[RTE_MAX_LCORE];
	bool cores_given;	  /* one of -l/-c/--lcores was seen */
	int main_lcore;		  /* --main-lcore, -1 if not given */
	uint32_t service_lcores;  /* count from -s/-S (stored only) */
	bool service_cores_given; /* -s/-S seen (and ignored) */

	/* memory */
	uint64_t memory;			 /* -m, bytes (0: on demand) */
	uint64_t socket_mem[RTE_MAX_NUMA_NODES]; /* bytes per socket */
	uint64_t socket_limit[RTE_MAX_NUMA_NODES];
	bool force_sockets;	  /* --socket-mem given */
	bool force_socket_limits; /* --socket-limit given */
	bool no_huge;		  /* --no-huge (or fallback, see memory) */
	bool in_memory;
	bool no_shconf;
	bool legacy_mem;
	bool single_file_segments;
	bool match_allocations;
	bool huge_worker_stack;
	uint64_t huge_worker_stack_size; /* bytes, 0: default */
	bool huge_unlink_given;
	enum eal_huge_unlink huge_unlink;
	char *huge_dir; /* --huge-dir, NULL: auto */
	char file_prefix[EAL_FILE_PREFIX_MAX];
	enum rte_iova_mode iova_mode; /* RTE_IOVA_DC unless --iova-mode */
	uint64_t base_virtaddr;
	uint32_t memory_channels; /* -n, 0: unknown */
	uint32_t memory_ranks;	  /* -r, 0: unknown */

	/* devices, stored for the buses */
	struct eal_devarg_opt devargs[EAL_MAX_DEVARGS];
	unsigned int nb_devargs;
	bool no_pci;
	char *plugins[EAL_MAX_PLUGINS]; /* -d arguments */
	unsigned int nb_plugins;

	/* misc */
	enum rte_proc_type_t process_type;
	bool show_version; /* -v */
	bool no_telemetry;
	char *mbuf_pool_ops_name;
	int vfio_intr_mode; /* enum rte_intr_mode */
	int syslog_facility;
};

/* The one configuration of this process (eal.c). */
extern struct eal_config eal_cfg;

/* eal_options.c */
void eal_config_defaults(struct eal_config *cfg);
void eal_config_release(struct eal_config *cfg);
/* Parses EAL options the way rte_eal_init() does; returns the index of
 * the first non-EAL argument (optind), or -1 after one error line. */
int eal_options_parse(struct eal_config *cfg, int argc, char **argv);
void eal_usage(const char *prgname);
/* The per-option checks that span options (conflicts); 0 or -1. */
int eal_options_check(const struct eal_config *cfg);

/* eal_lcore_parse.c: core lists; each returns 0 or -1 with one error line.
 * "detected" is consulted for -l/-c, which take CPU ids. */
int eal_parse_corelist(struct eal_config *cfg, const char *arg,
	const char *opt); /* opt: "-l" or "-S", for error lines */
int eal_parse_coremask(struct eal_config *cfg, const char *arg,
	const char *opt); /* "-c" or "-s" */
int eal_parse_lcores(struct eal_config *cfg, const char *arg);

/* eal_lcore.c: CPU topology and the lcore table. */
int eal_cpu_detected(unsigned int cpu);
unsigned int eal_cpu_socket_id(unsigned int cpu);
unsigned int eal_cpu_count(void);
int eal_lcores_init(const struct eal_config *cfg);
void eal_lcores_reset(void);
/* The socket of an lcore's CPU set: the common one, else SOCKET_ID_ANY. */
int eal_cpuset_socket_id(const cpu_set_t *set);
unsigned int eal_socket_count(void);
void eal_thread_set_lcore(unsigned int lcore_id);
/*
 * Non-EAL lcores (eal_lcore.c), under the lock of eal_lcore_callbacks.c:
 * take a free id as ROLE_NON_EAL (RTE_MAX_LCORE when none is free), and
 * give one back (a no-op for an id of another role).
 */
unsigned int eal_lcore_non_eal_take(void);
void eal_lcore_non_eal_give_back(unsigned int lcore_id);

/* eal_launch.c: worker threads. */
int eal_workers_start(void);
void eal_workers_stop(void);

/* eal_log.c */
int eal_log_init(void);
int eal_log_level_arg(const char *arg); /* --log-level; 0 or -1 */
void eal_log_reset(void);

/*
 * Memory (lib/eal/memory). eal_memory_init() runs after lcores are set
 * up: it discovers hugepages, decides between hugepages and ordinary
 * memory (falling back to ordinary memory, with one warning, when no
 * hugepage is free and --huge-dir did not name any), picks the IOVA mode,
 * and pre-reserves -m/--socket-mem (with --no-huge, -m is then a cap). It
 * may set cfg->no_huge. 0 or -1 with rte_errno set and one error line.
 */
int eal_memory_init(struct eal_config *cfg);
void eal_memory_cleanup(void);

/*
 * Devices (eal_bus.c, eal_devargs.c, eal_plugins.c). At init, in this
 * order: eal_plugins_load() opens the -d plugins (and RTE_EAL_PMD_PATH),
 * eal_devargs_from_options() turns -a/-b/--vdev into devargs, the buses
 * scan, and later probe. Each returns 0, or -1 with rte_errno set and one
 * error line.
 */
int eal_plugins_load(const struct eal_config *cfg);
void eal_plugins_unload(void);
int eal_devargs_from_options(const struct eal_config *cfg);
void eal_devargs_release(void);
/* Calls every bus's cleanup (removing its devices). */
void eal_bus_cleanup(void);
/* Registrations of buses and drivers so far (never decreases). */
uint64_t eal_bus_registrations(void);

/*
 * The interrupt thread (eal_interrupts.c) and alarms (eal_alarm.c):
 * started after memory, stopped after the buses are cleaned up (driver
 * remove functions may still unregister callbacks and cancel alarms).
 * eal_intr_cleanup() joins the thread and drops every source left;
 * eal_alarm_cleanup() then drops the pending alarms.
 */
int eal_intr_init(void);
void eal_intr_cleanup(void);
int eal_alarm_init(void);
void eal_alarm_cleanup(void);

/* Timer (lib/eal/util): TSC calibration at init. */
int eal_timer_init(void);

/* True between a successful rte_eal_init() and rte_eal_cleanup(). */
bool eal_is_initialized(void);

#define EAL_LOG(level, ...) \
	rte_log(RTE_LOG_##level, RTE_LOGTYPE_EAL, "EAL: " __VA_ARGS__)

#endif /* EAL_PRIVATE_H */
