/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/* net_pcap devargs (pcap_args.c). */
#ifndef ETH_PCAP_ARGS_H
#define ETH_PCAP_ARGS_H

struct eth_pcap_internals;

/*
 * Parses args into priv's queues and opens their handles.
 * @return 0, or -EINVAL after one log line (unknown key, bad value,
 *   missing or corrupt file, unknown interface, bad combination); what
 *   was opened stays in priv for eth_pcap_args_release().
 */
int eth_pcap_args_parse(struct eth_pcap_internals *priv, const char *name,
	const char *args);

/* Closes every handle and dumper of priv (flushing the files). */
void eth_pcap_args_release(struct eth_pcap_internals *priv);

#endif /* ETH_PCAP_ARGS_H */
