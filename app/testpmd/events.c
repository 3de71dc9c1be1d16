/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Port events, printed as DPDK 22.11's testpmd prints them ("Port 0:
 * link state change event"): one callback for every event type on every
 * port, a print mask set with --print-event and --mask-event, and the
 * event names those options take.
 */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "testpmd.h"

#define EVENT_BIT(e) (UINT32_C(1) << (e))

/* What --print-event and --mask-event take, and what each event says. */
static const struct {
	const char *option;
	const char *desc;
} event_names[RTE_ETH_EVENT_MAX] = {
	[RTE_ETH_EVENT_UNKNOWN] = { "unknown", "unknown" },
	[RTE_ETH_EVENT_INTR_LSC] = { "intr_lsc", "link state change" },
	[RTE_ETH_EVENT_QUEUE_STATE] = { "queue_state", "queue state" },
	[RTE_ETH_EVENT_INTR_RESET] = { "intr_reset", "reset" },
	[RTE_ETH_EVENT_VF_MBOX] = { "vf_mbox", "VF mbox" },
	[RTE_ETH_EVENT_MACSEC] = { "macsec", "MACsec" },
	[RTE_ETH_EVENT_INTR_RMV] = { "intr_rmv", "device removal" },
	[RTE_ETH_EVENT_NEW] = { "dev_probed", "device probed" },
	[RTE_ETH_EVENT_DESTROY] = { "dev_released", "device released" },
	[RTE_ETH_EVENT_IPSEC] = { "ipsec", "IPsec" },
	[RTE_ETH_EVENT_FLOW_AGED] = { "flow_aged", "flow aged" },
	[RTE_ETH_EVENT_RX_AVAIL_THRESH] = { "rx_avail_thresh",
		"Rx available threshold" },
	[RTE_ETH_EVENT_ERR_RECOVERING] = { "err_recovering",
		"error recovering" },
	[RTE_ETH_EVENT_RECOVERY_SUCCESS] = { "recovery_success",
		"error recovery successful" },
	[RTE_ETH_EVENT_RECOVERY_FAILED] = { "recovery_failed",
		"error recovery failed" },
};

/* DPDK 22.11's default: not the probe, release, mailbox and threshold
 * events, which are routine. */
uint32_t
event_print_mask_default(void)
{
	return EVENT_BIT(RTE_ETH_EVENT_UNKNOWN) |
		EVENT_BIT(RTE_ETH_EVENT_INTR_LSC) |
		EVENT_BIT(RTE_ETH_EVENT_QUEUE_STATE) |
		EVENT_BIT(RTE_ETH_EVENT_INTR_RESET) |
		EVENT_BIT(RTE_ETH_EVENT_IPSEC) |
		EVENT_BIT(RTE_ETH_EVENT_MACSEC) |
		EVENT_BIT(RTE_ETH_EVENT_INTR_RMV) |
		EVENT_BIT(RTE_ETH_EVENT_FLOW_AGED) |
		EVENT_BIT(RTE_ETH_EVENT_ERR_RECOVERING) |
		EVENT_BIT(RTE_ETH_EVENT_RECOVERY_SUCCESS) |
		EVENT_BIT(RTE_ETH_EVENT_RECOVERY_FAILED);
}

int
event_print_option(const char *name, bool print)
{
	uint32_t bits = 0;
	unsigned int e;

	if (strcmp(name, "all") == 0)
		bits = UINT32_MAX;
	for (e = 0; e < RTE_ETH_EVENT_MAX && bits == 0; e++)
		if (strcmp(name, event_names[e].option) == 0)
			bits = EVENT_BIT(e);
	if (bits == 0) {
		fprintf(stderr,
			"invalid --%s-event '%s': expected an event "
			"name (unknown, intr_lsc, queue_state, intr_reset, "
			"vf_mbox, ipsec, macsec, intr_rmv, dev_probed, "
			"dev_released, flow_aged, rx_avail_thresh, "
			"err_recovering, recovery_success, recovery_failed) "
			"or all\n",
			print ? "print" : "mask", name);
		return -1;
	}
	if (print)
		cfg.event_print_mask |= bits;
	else
		cfg.event_print_mask &= ~bits;
	return 0;
}

/* Runs in the thread that raised the event (interrupt thread, mostly). */
static int
event_print(uint16_t port_id, enum rte_eth_event_type type,
	void *cb_arg __rte_unused, void *ret_param __rte_unused)
{
	if ((unsigned int)type >= RTE_ETH_EVENT_MAX) {
		fprintf(stderr, "\nPort %u: unexpected event %d\n", port_id,
			(int)type);
		return 0;
	}
	if ((cfg.event_print_mask & EVENT_BIT(type)) != 0) {
		printf("\nPort %u: %s event\n", port_id, event_names[type].desc);
		fflush(stdout);
	}
	return 0;
}

int
events_register(void)
{
	unsigned int e;
	int ret;

	for (e = 0; e < RTE_ETH_EVENT_MAX; e++) {
		ret = rte_eth_dev_callback_register(RTE_ETH_ALL,
			(enum rte_eth_event_type)e, event_print, NULL);
		if (ret != 0) {
			fprintf(stderr,
				"cannot register the callback of event "
				"%s: %s\n",
				event_names[e].option, rte_strerror(-ret));
			events_unregister();
			return -1;
		}
	}
	return 0;
}

void
events_unregister(void)
{
	unsigned int e;

	for (e = 0; e < RTE_ETH_EVENT_MAX; e++)
		rte_eth_dev_callback_unregister(RTE_ETH_ALL,
			(enum rte_eth_event_type)e, event_print, NULL);
}
