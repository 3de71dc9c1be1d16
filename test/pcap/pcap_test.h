/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Helpers of the net_pcap suites: capture files written and read back
 * with libpcap, and a runner that gives a case body its own EAL (in a
 * forked child, ethdev/ethdev_test.h) with a net_pcap0 port built from
 * devargs formatted at run time.
 */
#ifndef PCAP_TEST_H
#define PCAP_TEST_H

#include <stdio.h>
#include <string.h>

#include <pcap.h>

#include "ethdev/ethdev_test.h"

#define PCAP_TEST_MAX_ARGS 1024

/* Runs body in a child with ETH_EAL_ARGS plus "--vdev net_pcap0,<devargs>"
 * (no --vdev when devargs is NULL). */
static inline void
pcap_test_run(const char *devargs, eal_run_hook body)
{
	char args[PCAP_TEST_MAX_ARGS];
	int len;

	if (devargs != NULL)
		len = snprintf(args, sizeof(args),
			"%s "
			"--log-level=pmd.net.pcap:info --vdev net_pcap0,%s",
			ETH_EAL_ARGS, devargs);
	else
		len = snprintf(args, sizeof(args), "%s", ETH_EAL_ARGS);
	assert_true(len > 0 && (size_t)len < sizeof(args));
	eth_run(args, body);
}

/* Byte i of packet k of a test capture. */
static inline uint8_t
pcap_test_byte(unsigned int k, unsigned int i)
{
	return (uint8_t)(k * 7 + i * 13 + (i >> 8));
}

/* Writes n packets of the given lengths to path; 0 or -1. */
static inline int
pcap_test_write(const char *path, unsigned int n, const uint32_t *lens)
{
	static uint8_t buf[65536];
	struct pcap_pkthdr hdr;
	pcap_dumper_t *dumper;
	unsigned int k, i;
	pcap_t *dead;

	dead = pcap_open_dead(DLT_EN10MB, 65535);
	if (dead == NULL)
		return -1;
	dumper = pcap_dump_open(dead, path);
	if (dumper == NULL) {
		pcap_close(dead);
		return -1;
	}
	for (k = 0; k < n; k++) {
		for (i = 0; i < lens[k]; i++)
			buf[i] = pcap_test_byte(k, i);
		memset(&hdr, 0, sizeof(hdr));
		hdr.ts.tv_sec = (time_t)k;
		hdr.caplen = lens[k];
		hdr.len = lens[k];
		pcap_dump((u_char *)dumper, &hdr, buf);
	}
	pcap_dump_close(dumper);
	pcap_close(dead);
	return 0;
}

/*
 * Compares the records of two captures: same count, and each record's
 * length and bytes equal. The number of records, or -1 on a difference
 * (printed on stderr).
 */
static inline int
pcap_test_compare(const char *path_a, const char *path_b)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *ha, *hb;
	const u_char *da, *db;
	pcap_t *a, *b;
	int ra, rb, n = 0;

	a = pcap_open_offline(path_a, errbuf);
	b = pcap_open_offline(path_b, errbuf);
	if (a == NULL || b == NULL) {
		fprintf(stderr, "cannot open %s or %s\n", path_a, path_b);
		n = -1;
		goto out;
	}
	for (;;) {
		ra = pcap_next_ex(a, &ha, &da);
		rb = pcap_next_ex(b, &hb, &db);
		if (ra != 1 || rb != 1)
			break;
		if (ha->caplen != hb->caplen || ha->len != hb->len ||
			memcmp(da, db, ha->caplen) != 0) {
			fprintf(stderr, "record %d differs (%u/%u bytes)\n", n,
				ha->caplen, hb->caplen);
			n = -1;
			goto out;
		}
		n++;
	}
	if (ra != rb) {
		fprintf(stderr, "record counts differ after %d (%d, %d)\n", n,
			ra, rb);
		n = -1;
	}
out:
	if (a != NULL)
		pcap_close(a);
	if (b != NULL)
		pcap_close(b);
	return n;
}

/* Value of the port's xstat called name, or UINT64_MAX. */
static inline uint64_t
pcap_test_xstat(uint16_t port_id, const char *name)
{
	uint64_t id, value;

	if (rte_eth_xstats_get_id_by_name(port_id, name, &id) != 0)
		return UINT64_MAX;
	if (rte_eth_xstats_get_by_id(port_id, &id, &value, 1) != 1)
		return UINT64_MAX;
	return value;
}

#endif /* PCAP_TEST_H */
