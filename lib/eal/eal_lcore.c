/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * CPU topology (from sysfs) and the lcore table: which lcore ids are
 * enabled, the CPUs each one is pinned to, its NUMA socket and which one
 * is the main lcore.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_errno.h>
#include <rte_lcore.h>

#include "eal_private.h"

#define SYS_CPU_DIR  "/sys/devices/system/cpu"
#define SYS_NODE_DIR "/sys/devices/system/node"

RTE_DEFINE_PER_LCORE(unsigned int, _lcore_id) = LCORE_ID_ANY;
static RTE_DEFINE_PER_LCORE(int, _socket_id) = SOCKET_ID_ANY;

struct lcore_entry {
	enum rte_lcore_role_t role;
	unsigned int socket_id;
	cpu_set_t cpuset;
};

static struct lcore_entry lcore_table[RTE_MAX_LCORE];
static unsigned int main_lcore;
static unsigned int lcore_count;

/* Socket ids that have at least one detected CPU, in ascending order. */
static int socket_ids[RTE_MAX_NUMA_NODES];
static unsigned int nb_sockets;

/*
 * Topology, read once from sysfs: the CPUs present ("cpu/present") and
 * each online NUMA node's CPUs ("node/nodeN/cpulist"). Both files hold a
 * list such as "0-3,8-11".
 */
static bool topology_ready;
static cpu_set_t cpus_present;
static unsigned char cpu_socket[CPU_SETSIZE];

/* Reads a sysfs CPU/node list file into a set; 0 or -1. */
static int
read_id_list(const char *path, cpu_set_t *set)
{
	char buf[4096], *s, *end;
	unsigned long lo, hi, id;
	FILE *f = fopen(path, "r");

	CPU_ZERO(set);
	if (f == NULL)
		return -1;
	s = fgets(buf, sizeof(buf), f);
	fclose(f);
	while (s != NULL && *s != '\0' && *s != '\n') {
		lo = strtoul(s, &end, 10);
		hi = lo;
		if (end == s)
			return -1;
		if (*end == '-')
			hi = strtoul(end + 1, &end, 10);
		for (id = lo; id <= hi && id < CPU_SETSIZE; id++)
			CPU_SET(id, set);
		s = *end == ',' ? end + 1 : end;
	}
	return 0;
}

static void
topology_init(void)
{
	cpu_set_t nodes, node_cpus;
	char path[96];
	unsigned int node, cpu;

	if (topology_ready)
		return;
	if (read_id_list(SYS_CPU_DIR "/present", &cpus_present) < 0) {
		CPU_ZERO(&cpus_present);
		for (cpu = 0;
			cpu < (unsigned int)sysconf(_SC_NPROCESSORS_CONF) &&
			cpu < CPU_SETSIZE;
			cpu++)
			CPU_SET(cpu, &cpus_present);
	}
	memset(cpu_socket, 0, sizeof(cpu_socket));
	if (read_id_list(SYS_NODE_DIR "/online", &nodes) == 0) {
		for (node = 0; node < RTE_MAX_NUMA_NODES; node++) {
			if (!CPU_ISSET(node, &nodes))
				continue;
			snprintf(path, sizeof(path),
				SYS_NODE_DIR "/node%u/cpulist", node);
			if (read_id_list(path, &node_cpus) < 0)
				continue;
			for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
				if (CPU_ISSET(cpu, &node_cpus))
					cpu_socket[cpu] = (unsigned char)node;
		}
	}
	topology_ready = true;
}

int
eal_cpu_detected(unsigned int cpu)
{
	if (cpu >= CPU_SETSIZE)
		return 0;
	topology_init();
	return CPU_ISSET(cpu, &cpus_present);
}

unsigned int
eal_cpu_socket_id(unsigned int cpu)
{
	if (cpu >= CPU_SETSIZE)
		return 0;
	topology_init();
	return cpu_socket[cpu];
}

unsigned int
eal_cpu_count(void)
{
	topology_init();
	return (unsigned int)CPU_COUNT(&cpus_present);
}

int
eal_cpuset_socket_id(const cpu_set_t *set)
{
	int socket = SOCKET_ID_ANY;
	unsigned int cpu;

	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, set))
			continue;
		if (socket == SOCKET_ID_ANY)
			socket = (int)eal_cpu_socket_id(cpu);
		else if (socket != (int)eal_cpu_socket_id(cpu))
			return SOCKET_ID_ANY;
	}
	return socket;
}

static void
sockets_discover(void)
{
	bool seen[RTE_MAX_NUMA_NODES] = { false };
	unsigned int cpu, node;

	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (eal_cpu_detected(cpu))
			seen[eal_cpu_socket_id(cpu)] = true;
	nb_sockets = 0;
	for (node = 0; node < RTE_MAX_NUMA_NODES; node++)
		if (seen[node])
			socket_ids[nb_sockets++] = (int)node;
	if (nb_sockets == 0)
		socket_ids[nb_sockets++] = 0;
}

unsigned int
eal_socket_count(void)
{
	if (nb_sockets == 0)
		sockets_discover();
	return nb_sockets;
}

/* Records the calling thread as lcore_id (LCORE_ID_ANY: not an lcore). */
void
eal_thread_set_lcore(unsigned int lcore_id)
{
	RTE_PER_LCORE(_lcore_id) = lcore_id;
	if (lcore_id < RTE_MAX_LCORE)
		RTE_PER_LCORE(_socket_id) = (int)lcore_table[lcore_id].socket_id;
	else
		RTE_PER_LCORE(_socket_id) = SOCKET_ID_ANY;
}

/*
 * Builds the table from the parsed options. Without -l/-c/--lcores every
 * CPU the process may run on becomes the lcore of the same number.
 */
int
eal_lcores_init(const struct eal_config *cfg)
{
	cpu_set_t affinity;
	unsigned int id;
	int socket;

	sockets_discover();
	if (!cfg->cores_given &&
		sched_getaffinity(0, sizeof(affinity), &affinity) != 0)
		CPU_ZERO(&affinity);
	lcore_count = 0;
	for (id = 0; id < RTE_MAX_LCORE; id++) {
		struct lcore_entry *lc = &lcore_table[id];

		CPU_ZERO(&lc->cpuset);
		lc->role = ROLE_OFF;
		lc->socket_id = 0;
		if (cfg->cores_given && cfg->lcore_enabled[id]) {
			lc->cpuset = cfg->lcore_cpuset[id];
		} else if (!cfg->cores_given && CPU_ISSET(id, &affinity) &&
			eal_cpu_detected(id)) {
			CPU_SET(id, &lc->cpuset);
		} else {
			continue;
		}
		socket = eal_cpuset_socket_id(&lc->cpuset);
		lc->socket_id = socket == SOCKET_ID_ANY ? 0 :
							  (unsigned int)socket;
		lc->role = ROLE_RTE;
		lcore_count++;
	}
	if (lcore_count == 0) {
		EAL_LOG(ERR, "no usable CPU for any lcore\n");
		rte_errno = ENOTSUP;
		return -1;
	}
	if (cfg->main_lcore >= 0)
		main_lcore = (unsigned int)cfg->main_lcore;
	else
		main_lcore = rte_get_next_lcore(-1, 0, 0);
	eal_thread_set_lcore(main_lcore);
	return 0;
}

/* Forgets the table (rte_eal_cleanup). */
void
eal_lcores_reset(void)
{
	unsigned int id;

	for (id = 0; id < RTE_MAX_LCORE; id++)
		lcore_table[id].role = ROLE_OFF;
	lcore_count = 0;
	eal_thread_set_lcore(LCORE_ID_ANY);
}

enum rte_lcore_role_t
rte_eal_lcore_role(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return ROLE_OFF;
	return lcore_table[lcore_id].role;
}

int
rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return -EINVAL;
	return lcore_table[lcore_id].role == role;
}

unsigned int
rte_get_main_lcore(void)
{
	return main_lcore;
}

unsigned int
rte_lcore_count(void)
{
	return lcore_count;
}

int
rte_lcore_index(int lcore_id)
{
	int id, index = 0;

	if (lcore_id >= RTE_MAX_LCORE)
		return -1;
	if (lcore_id < 0) {
		if (rte_lcore_id() == LCORE_ID_ANY)
			return -1;
		lcore_id = (int)rte_lcore_id();
	}
	if (lcore_table[lcore_id].role != ROLE_RTE)
		return -1;
	for (id = 0; id < lcore_id; id++)
		index += lcore_table[id].role == ROLE_RTE;
	return index;
}

unsigned int
rte_socket_id(void)
{
	cpu_set_t set;
	int socket = RTE_PER_LCORE(_socket_id);

	if (socket != SOCKET_ID_ANY)
		return (unsigned int)socket;
	/* A non-EAL thread: the socket of the CPUs it may run on. */
	if (sched_getaffinity(0, sizeof(set), &set) != 0)
		return 0;
	socket = eal_cpuset_socket_id(&set);
	return socket == SOCKET_ID_ANY ? (unsigned int)SOCKET_ID_ANY :
					 (unsigned int)socket;
}

unsigned int
rte_socket_count(void)
{
	return eal_socket_count();
}

int
rte_socket_id_by_idx(unsigned int idx)
{
	if (idx >= eal_socket_count()) {
		rte_errno = EINVAL;
		return -1;
	}
	return socket_ids[idx];
}

unsigned int
rte_lcore_to_socket_id(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return 0;
	return lcore_table[lcore_id].socket_id;
}

int
rte_lcore_to_cpu_id(int lcore_id)
{
	unsigned int cpu;

	if (lcore_id < 0 || lcore_id >= RTE_MAX_LCORE ||
		lcore_table[lcore_id].role == ROLE_OFF)
		return -1;
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &lcore_table[lcore_id].cpuset))
			return (int)cpu;
	return -1;
}

rte_cpuset_t
rte_lcore_cpuset(unsigned int lcore_id)
{
	cpu_set_t empty;

	if (lcore_id >= RTE_MAX_LCORE) {
		CPU_ZERO(&empty);
		return empty;
	}
	return lcore_table[lcore_id].cpuset;
}

int
rte_lcore_is_enabled(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return 0;
	return lcore_table[lcore_id].role == ROLE_RTE;
}

unsigned int
rte_get_next_lcore(unsigned int i, int skip_main, int wrap)
{
	unsigned int tries;

	i++;
	if (wrap)
		i %= RTE_MAX_LCORE;
	for (tries = 0; tries < RTE_MAX_LCORE && i < RTE_MAX_LCORE; tries++) {
		if (lcore_table[i].role == ROLE_RTE &&
			!(skip_main && i == main_lcore))
			return i;
		i++;
		if (wrap)
			i %= RTE_MAX_LCORE;
	}
	return RTE_MAX_LCORE;
}

int
rte_lcore_iterate(rte_lcore_iterate_cb cb, void *arg)
{
	unsigned int id;
	int ret;

	for (id = 0; id < RTE_MAX_LCORE; id++) {
		if (lcore_table[id].role == ROLE_OFF)
			continue;
		ret = cb(id, arg);
		if (ret != 0)
			return ret;
	}
	return 0;
}

unsigned int
eal_lcore_non_eal_take(void)
{
	unsigned int id;

	for (id = 0; id < RTE_MAX_LCORE; id++)
		if (lcore_table[id].role == ROLE_OFF) {
			lcore_table[id].role = ROLE_NON_EAL;
			lcore_table[id].socket_id = 0;
			CPU_ZERO(&lcore_table[id].cpuset);
			lcore_count++;
			return id;
		}
	return RTE_MAX_LCORE;
}

void
eal_lcore_non_eal_give_back(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE ||
		lcore_table[lcore_id].role != ROLE_NON_EAL)
		return;
	lcore_table[lcore_id].role = ROLE_OFF;
	lcore_count--;
}

static void
cpuset_print(FILE *f, const cpu_set_t *set)
{
	unsigned int cpu;
	const char *sep = "";

	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (CPU_ISSET(cpu, set)) {
			fprintf(f, "%s%u", sep, cpu);
			sep = ",";
		}
	}
}

void
rte_lcore_dump(FILE *f)
{
	unsigned int id;

	for (id = 0; id < RTE_MAX_LCORE; id++) {
		if (lcore_table[id].role == ROLE_OFF)
			continue;
		fprintf(f, "lcore %u, socket %u, role %s, cpuset ", id,
			lcore_table[id].socket_id,
			lcore_table[id].role == ROLE_NON_EAL ? "non-EAL" :
				id == main_lcore	     ? "main" :
							       "worker");
		cpuset_print(f, &lcore_table[id].cpuset);
		fprintf(f, "\n");
	}
}
