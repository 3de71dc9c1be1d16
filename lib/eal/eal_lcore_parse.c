/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The three ways to name lcores on the command line:
 *   -l 0-3,5           lcore N runs on CPU N
 *   -c 0x2f            the same, as a hexadecimal mask
 *   --lcores MAP       lcore sets mapped to CPU sets:
 *                      '1,2@(5-7),(3-5)@(0,2),(0,6),7-8'
 *     an element is an lcore set ("N", "N-M" or "(list)") optionally
 *     followed by "@" and a CPU set ("N", "N-M" or "(list)"). Without "@",
 *     a parenthesised set shares its own CPUs, and a plain number or range
 *     runs each lcore on the CPU of the same number.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_lcore.h>

#include "eal_private.h"

static void
cores_clear(struct eal_config *cfg)
{
	unsigned int id;

	for (id = 0; id < RTE_MAX_LCORE; id++) {
		cfg->lcore_enabled[id] = false;
		CPU_ZERO(&cfg->lcore_cpuset[id]);
	}
}

/* Enables lcore "id" on the CPU of the same number. */
static int
core_enable_same_cpu(struct eal_config *cfg, unsigned int id, const char *opt)
{
	if (id >= RTE_MAX_LCORE) {
		fprintf(stderr,
			"EAL: %s: lcore %u is beyond RTE_MAX_LCORE (%d)\n", opt,
			id, RTE_MAX_LCORE);
		return -1;
	}
	if (!eal_cpu_detected(id)) {
		fprintf(stderr, "EAL: %s: lcore %u unavailable (no such CPU)\n",
			opt, id);
		return -1;
	}
	cfg->lcore_enabled[id] = true;
	CPU_ZERO(&cfg->lcore_cpuset[id]);
	CPU_SET(id, &cfg->lcore_cpuset[id]);
	return 0;
}

/* Reads an unsigned decimal number; NULL on a syntax error. */
static const char *
parse_uint(const char *s, unsigned int *value)
{
	char *end;
	unsigned long v;

	while (isblank((unsigned char)*s))
		s++;
	if (!isdigit((unsigned char)*s))
		return NULL;
	v = strtoul(s, &end, 10);
	if (v > UINT32_MAX / 2)
		return NULL;
	*value = (unsigned int)v;
	while (isblank((unsigned char)*end))
		end++;
	return end;
}

/* Reads "N" or "N-M" into [*lo, *hi]; NULL on a syntax error. */
static const char *
parse_range(const char *s, unsigned int *lo, unsigned int *hi)
{
	unsigned int a, b;

	s = parse_uint(s, &a);
	if (s == NULL)
		return NULL;
	b = a;
	if (*s == '-') {
		s = parse_uint(s + 1, &b);
		if (s == NULL)
			return NULL;
	}
	*lo = RTE_MIN(a, b);
	*hi = RTE_MAX(a, b);
	return s;
}

int
eal_parse_corelist(struct eal_config *cfg, const char *arg, const char *opt)
{
	const char *s = arg;
	unsigned int lo, hi, id;

	cores_clear(cfg);
	for (;;) {
		s = parse_range(s, &lo, &hi);
		if (s == NULL || (*s != ',' && *s != '\0'))
			goto syntax;
		for (id = lo; id <= hi; id++)
			if (core_enable_same_cpu(cfg, id, opt) < 0)
				return -1;
		if (*s == '\0')
			break;
		s++;
	}
	return 0;
syntax:
	fprintf(stderr,
		"EAL: %s '%s': invalid core list syntax "
		"(expected e.g. 0-3,5)\n",
		opt, arg);
	return -1;
}

static int
hex_value(char c)
{
	if (isdigit((unsigned char)c))
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int
eal_parse_coremask(struct eal_config *cfg, const char *arg, const char *opt)
{
	const char *s = arg, *end;
	unsigned int id = 0, bit, count = 0;
	int v;

	cores_clear(cfg);
	while (isblank((unsigned char)*s))
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	end = s + strlen(s);
	while (end > s && isblank((unsigned char)end[-1]))
		end--;
	if (end == s)
		goto syntax;
	/* The last digit holds lcores 0-3. */
	for (; end > s; end--) {
		v = hex_value(end[-1]);
		if (v < 0)
			goto syntax;
		for (bit = 0; bit < 4; bit++, id++) {
			if (!(v & (1 << bit)))
				continue;
			if (core_enable_same_cpu(cfg, id, opt) < 0)
				return -1;
			count++;
		}
	}
	if (count == 0) {
		fprintf(stderr,
			"EAL: %s '%s': the core mask selects no "
			"core\n",
			opt, arg);
		return -1;
	}
	return 0;
syntax:
	fprintf(stderr, "EAL: %s '%s': invalid hexadecimal core mask\n", opt,
		arg);
	return -1;
}

/* Parses "N", "N-M" or "(list)" into a set of ids below "limit". */
static const char *
parse_set(const char *s, cpu_set_t *set, unsigned int limit, bool *grouped)
{
	unsigned int lo, hi, id;
	bool group = *s == '(';

	CPU_ZERO(set);
	*grouped = group;
	if (group)
		s++;
	/* A ',' separates two ranges of a group: never two in a row. */
	for (;;) {
		s = parse_range(s, &lo, &hi);
		if (s == NULL || hi >= limit)
			return NULL;
		for (id = lo; id <= hi; id++)
			CPU_SET(id, set);
		if (!group || *s != ',')
			break;
		s++;
	}
	if (group) {
		if (*s != ')')
			return NULL;
		s++;
	}
	return s;
}

/* Checks that every CPU of a set exists. */
static int
cpuset_check(const cpu_set_t *set, const char *arg)
{
	unsigned int cpu;

	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (CPU_ISSET(cpu, set) && !eal_cpu_detected(cpu)) {
			fprintf(stderr,
				"EAL: --lcores '%s': CPU %u unavailable\n", arg,
				cpu);
			return -1;
		}
	}
	return 0;
}

/* Applies one "lcores[@cpus]" element. */
static int
lcores_apply(struct eal_config *cfg, const cpu_set_t *lcores,
	const cpu_set_t *cpus, bool own_cpu, const char *arg)
{
	unsigned int id;

	for (id = 0; id < RTE_MAX_LCORE; id++) {
		if (!CPU_ISSET(id, lcores))
			continue;
		if (cfg->lcore_enabled[id]) {
			fprintf(stderr,
				"EAL: --lcores '%s': lcore %u is mapped twice\n",
				arg, id);
			return -1;
		}
		cfg->lcore_enabled[id] = true;
		CPU_ZERO(&cfg->lcore_cpuset[id]);
		if (own_cpu)
			CPU_SET(id, &cfg->lcore_cpuset[id]);
		else
			cfg->lcore_cpuset[id] = *cpus;
		if (cpuset_check(&cfg->lcore_cpuset[id], arg) < 0)
			return -1;
	}
	return 0;
}

int
eal_parse_lcores(struct eal_config *cfg, const char *arg)
{
	const char *s = arg;
	cpu_set_t lcores, cpus;
	bool grouped, cpu_grouped;

	cores_clear(cfg);
	if (*s == '\0')
		goto syntax;
	while (*s != '\0') {
		s = parse_set(s, &lcores, RTE_MAX_LCORE, &grouped);
		if (s == NULL)
			goto syntax;
		if (*s == '@') {
			s = parse_set(s + 1, &cpus, CPU_SETSIZE, &cpu_grouped);
			if (s == NULL)
				goto syntax;
			grouped = true; /* every lcore takes the CPU set */
		} else {
			cpus = lcores;
		}
		if (lcores_apply(cfg, &lcores, &cpus, !grouped, arg) < 0)
			return -1;
		if (*s == ',' && s[1] != '\0')
			s++; /* the next element; "0,,1" and "0," fail */
		else if (*s != '\0')
			goto syntax;
	}
	return 0;
syntax:
	fprintf(stderr,
		"EAL: --lcores '%s': invalid syntax or lcore id >= %d "
		"(expected e.g. '(0-3)@0,4@(5,6)')\n",
		arg, RTE_MAX_LCORE);
	return -1;
}

int
rte_eal_parse_coremask(const char *coremask, int *cores)
{
	static struct eal_config tmp;
	unsigned int id;

	if (coremask == NULL || cores == NULL)
		return -1;
	if (eal_parse_coremask(&tmp, coremask, "coremask") < 0)
		return -1;
	for (id = 0; id < RTE_MAX_LCORE; id++)
		cores[id] = tmp.lcore_enabled[id] ? (int)id : -1;
	return 0;
}
