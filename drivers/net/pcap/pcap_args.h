/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* net_pcap devargs (pcap_args.c). */
#ifndef PCAP_ARGS_H
#define PCAP_ARGS_H

struct pcap_internals;

/*
 * Parses args into priv's queues and opens their handles.
 * @return 0, or -EINVAL after one log line (unknown key, bad value,
 *   missing or corrupt file, unknown interface, bad combination); what
 *   was opened stays in priv for pcap_args_release().
 */
int pcap_args_parse(struct pcap_internals *priv, const char *name,
	const char *args);

/* Closes every handle and dumper of priv (flushing the files). */
void pcap_args_release(struct pcap_internals *priv);

#endif /* PCAP_ARGS_H */
