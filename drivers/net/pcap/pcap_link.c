/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap link state and interrupts. A port on an interface reports
 * the interface's state from /sys/class/net/IF (operstate, carrier,
 * speed); with intr_conf.lsc an EAL alarm polls it on the interrupt
 * thread and raises RTE_ETH_EVENT_INTR_LSC on every change. Rx
 * interrupts hand each queue's pcap selectable fd to the port's
 * interrupt handle: a socket, readable when a packet is waiting, that
 * the epoll registration sees as an edge on every arrival.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_interrupts.h>

#include <ethdev_driver.h>

#include "pcap_private.h"
#include "pcap_link.h"

/* How often the LSC alarm reads the interface's state. */
#define ETH_PCAP_LSC_POLL_US 50000

/* The first line of /sys/class/net/iface/attr into buf; -1 if none. */
static int
eth_pcap_sysfs_read(const char *iface, const char *attr, char *buf, size_t size)
{
	char path[128];
	FILE *f;
	char *nl;

	snprintf(path, sizeof(path), "/sys/class/net/%s/%s", iface, attr);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fgets(buf, (int)size, f) == NULL) {
		fclose(f);
		return -1;
	}
	fclose(f);
	nl = strchr(buf, '\n');
	if (nl != NULL)
		*nl = '\0';
	return 0;
}

/* The interface's link: up when operstate is "up" and carrier is 1. */
static void
eth_pcap_link_read(const char *iface, struct rte_eth_link *link)
{
	char buf[64];
	long speed;

	memset(link, 0, sizeof(*link));
	link->link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
	link->link_autoneg = RTE_ETH_LINK_AUTONEG;
	if (eth_pcap_sysfs_read(iface, "operstate", buf, sizeof(buf)) != 0 ||
		strcmp(buf, "up") != 0)
		return;
	if (eth_pcap_sysfs_read(iface, "carrier", buf, sizeof(buf)) != 0 ||
		strcmp(buf, "1") != 0)
		return;
	link->link_status = RTE_ETH_LINK_UP;
	link->link_speed = RTE_ETH_SPEED_NUM_UNKNOWN;
	if (eth_pcap_sysfs_read(iface, "speed", buf, sizeof(buf)) == 0) {
		speed = strtol(buf, NULL, 10);
		if (speed > 0)
			link->link_speed = (uint32_t)speed;
	}
}

int
eth_pcap_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	struct eth_pcap_internals *priv = dev->data->dev_private;
	struct rte_eth_link link;

	RTE_SET_USED(wait_to_complete);
	if (priv->link_iface[0] != '\0') {
		eth_pcap_link_read(priv->link_iface, &link);
	} else {
		/* Files: up at 10G while started, as a NIC would be. */
		memset(&link, 0, sizeof(link));
		link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
		link.link_autoneg = RTE_ETH_LINK_FIXED;
		if (dev->data->dev_started) {
			link.link_status = RTE_ETH_LINK_UP;
			link.link_speed = RTE_ETH_SPEED_NUM_10G;
		}
	}
	return rte_eth_linkstatus_set(dev, &link);
}

/* The LSC alarm, on the interrupt thread: one event per link change. */
static void
eth_pcap_lsc_poll(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct eth_pcap_internals *priv = dev->data->dev_private;

	/* Pairs with the release store of eth_pcap_lsc_stop(). */
	if (!__atomic_load_n(&priv->lsc_running, __ATOMIC_ACQUIRE))
		return;
	if (eth_pcap_link_update(dev, 0) == 0)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	if (__atomic_load_n(&priv->lsc_running, __ATOMIC_ACQUIRE) &&
		rte_eal_alarm_set(ETH_PCAP_LSC_POLL_US, eth_pcap_lsc_poll,
			dev) != 0)
		ETH_PCAP_LOG(ERR,
			"%s: cannot re-arm the link poll alarm: "
			"no more link events",
			dev->data->name);
}

int
eth_pcap_lsc_start(struct rte_eth_dev *dev)
{
	struct eth_pcap_internals *priv = dev->data->dev_private;

	if (!dev->data->dev_conf.intr_conf.lsc || priv->link_iface[0] == '\0')
		return 0;
	__atomic_store_n(&priv->lsc_running, 1, __ATOMIC_RELEASE);
	if (rte_eal_alarm_set(ETH_PCAP_LSC_POLL_US, eth_pcap_lsc_poll, dev) !=
		0) {
		__atomic_store_n(&priv->lsc_running, 0, __ATOMIC_RELEASE);
		ETH_PCAP_LOG(ERR, "%s: cannot set the link poll alarm (%s)",
			dev->data->name, rte_strerror(rte_errno));
		return -rte_errno;
	}
	return 0;
}

void
eth_pcap_lsc_stop(struct rte_eth_dev *dev)
{
	struct eth_pcap_internals *priv = dev->data->dev_private;

	if (!__atomic_load_n(&priv->lsc_running, __ATOMIC_ACQUIRE))
		return;
	/* Pairs with the acquire loads of eth_pcap_lsc_poll(). */
	__atomic_store_n(&priv->lsc_running, 0, __ATOMIC_RELEASE);
	/* The first cancel waits for a running poll, which may have re-armed
	 * before it saw the flag; the second takes that one out. */
	rte_eal_alarm_cancel(eth_pcap_lsc_poll, dev);
	rte_eal_alarm_cancel(eth_pcap_lsc_poll, dev);
}

int
eth_pcap_rx_intr_start(struct rte_eth_dev *dev)
{
	struct eth_pcap_internals *priv = dev->data->dev_private;
	struct rte_intr_handle *h = priv->intr_handle;
	uint16_t nb = dev->data->nb_rx_queues, q;
	int fd;

	if (!dev->data->dev_conf.intr_conf.rxq)
		return 0;
	for (q = 0; q < nb; q++) {
		fd = pcap_get_selectable_fd(priv->rxq[q].pcap);
		if (fd < 0) {
			ETH_PCAP_LOG(ERR,
				"%s: rx queue %u has no selectable fd",
				dev->data->name, q);
			return -ENOTSUP;
		}
		rte_intr_efds_index_set(h, q, fd);
	}
	/* A socket has no counter: rte_epoll_wait() must not read it. */
	rte_intr_efd_counter_size_set(h, 0);
	rte_intr_nb_efd_set(h, nb);
	rte_intr_max_intr_set(h, nb + 1);
	if (rte_intr_efd_enable(h, nb) != 0 ||
		rte_intr_vec_list_alloc(h, "eth_pcap_intr_vec", nb) != 0) {
		ETH_PCAP_LOG(ERR, "%s: cannot set up rx interrupt vectors",
			dev->data->name);
		return -ENOMEM;
	}
	for (q = 0; q < nb; q++)
		rte_intr_vec_list_index_set(h, q, q + RTE_INTR_VEC_RXTX_OFFSET);
	dev->intr_handle = h;
	return 0;
}

void
eth_pcap_rx_intr_stop(struct rte_eth_dev *dev)
{
	struct eth_pcap_internals *priv = dev->data->dev_private;

	if (dev->intr_handle == NULL)
		return;
	rte_intr_efd_disable(priv->intr_handle);
	rte_intr_vec_list_free(priv->intr_handle);
	dev->intr_handle = NULL;
}

int
eth_pcap_rx_intr_enable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	RTE_SET_USED(queue_id);
	/* The fd is always watched; arming has nothing to change. */
	return dev->intr_handle != NULL ? 0 : -EINVAL;
}

int
eth_pcap_rx_intr_disable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	RTE_SET_USED(queue_id);
	return dev->intr_handle != NULL ? 0 : -EINVAL;
}
