/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Event callbacks and Rx interrupts.
 *
 * One list holds every registration in registration order, each with its
 * port id or RTE_ETH_ALL; an event runs the matching ones in that order.
 * Registrations for RTE_ETH_ALL outlive ports (they also see the NEW
 * event of ports made later); those for one port go with the port.
 *
 * A callback runs without the list lock held (it may register or
 * unregister callbacks itself); while it runs its entry is marked
 * active, and unregistering it then fails with -EAGAIN instead of
 * freeing memory in use. A port released meanwhile cannot wait for it:
 * the entry is marked dropped, matches nothing from then on (so it never
 * fires for a later port that reuses the id), and is freed by the event
 * that ran it once it returns.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_spinlock.h>

#include "ethdev_private.h"

struct eth_event_cb {
	TAILQ_ENTRY(eth_event_cb) next;
	uint16_t port_id; /* a port, or RTE_ETH_ALL */
	enum rte_eth_event_type event;
	rte_eth_dev_cb_fn cb_fn;
	void *cb_arg;
	unsigned int active; /* runs now (under eth_event_lock) */
	bool dropped;	     /* its port went while it ran */
};

TAILQ_HEAD(eth_event_cb_list, eth_event_cb);

static struct eth_event_cb_list eth_event_cbs = TAILQ_HEAD_INITIALIZER(
	eth_event_cbs);
static rte_spinlock_t eth_event_lock = RTE_SPINLOCK_INITIALIZER;

/* Checks of register and unregister. */
static int
eth_event_check(uint16_t port_id, enum rte_eth_event_type event,
	rte_eth_dev_cb_fn cb_fn)
{
	if (cb_fn == NULL)
		ETHDEV_ERR_RET(EINVAL, "event callback: NULL function\n");
	if (port_id != RTE_ETH_ALL && !rte_eth_dev_is_valid_port(port_id))
		ETHDEV_ERR_RET(EINVAL, "event callback: invalid port_id=%u\n",
			port_id);
	if ((unsigned int)event >= RTE_ETH_EVENT_MAX)
		ETHDEV_ERR_RET(EINVAL, "event callback: unknown event %d\n",
			(int)event);
	return 0;
}

int
rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event,
	rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	struct eth_event_cb *cb, *fresh;
	int ret = eth_event_check(port_id, event, cb_fn);

	if (ret != 0)
		return ret;
	/* Allocated before taking the lock; dropped if it is a duplicate. */
	fresh = calloc(1, sizeof(*fresh));
	if (fresh == NULL)
		ETHDEV_ERR_RET(ENOMEM, "event callback: no memory\n");
	fresh->port_id = port_id;
	fresh->event = event;
	fresh->cb_fn = cb_fn;
	fresh->cb_arg = cb_arg;
	rte_spinlock_lock(&eth_event_lock);
	TAILQ_FOREACH (cb, &eth_event_cbs, next)
		if (!cb->dropped && cb->port_id == port_id &&
			cb->event == event && cb->cb_fn == cb_fn &&
			cb->cb_arg == cb_arg)
			break;
	if (cb == NULL) {
		TAILQ_INSERT_TAIL(&eth_event_cbs, fresh, next);
		fresh = NULL;
	}
	rte_spinlock_unlock(&eth_event_lock);
	free(fresh);
	return 0;
}

int
rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event,
	rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	struct eth_event_cb *cb, *next;
	int ret = eth_event_check(port_id, event, cb_fn);

	if (ret != 0)
		return ret;
	rte_spinlock_lock(&eth_event_lock);
	for (cb = TAILQ_FIRST(&eth_event_cbs); cb != NULL; cb = next) {
		next = TAILQ_NEXT(cb, next);
		if (cb->dropped || cb->port_id != port_id ||
			cb->event != event || cb->cb_fn != cb_fn ||
			(cb_arg != (void *)-1 && cb->cb_arg != cb_arg))
			continue;
		if (cb->active) {
			ret = -EAGAIN;
			continue;
		}
		TAILQ_REMOVE(&eth_event_cbs, cb, next);
		free(cb);
	}
	rte_spinlock_unlock(&eth_event_lock);
	if (ret != 0)
		RTE_ETHDEV_LOG(ERR,
			"event callback of port %u is running; "
			"unregister it again later\n",
			port_id);
	return ret;
}

int
rte_eth_dev_callback_process(struct rte_eth_dev *dev,
	enum rte_eth_event_type event, void *ret_param)
{
	struct eth_event_cb *cb, *next;
	struct eth_event_cb copy;
	uint16_t port_id;
	int rc = 0;

	if (dev == NULL || dev->data == NULL)
		return 0;
	port_id = dev->data->port_id;
	rte_spinlock_lock(&eth_event_lock);
	for (cb = TAILQ_FIRST(&eth_event_cbs); cb != NULL; cb = next) {
		next = TAILQ_NEXT(cb, next);
		if (cb->dropped || cb->event != event ||
			(cb->port_id != port_id && cb->port_id != RTE_ETH_ALL))
			continue;
		/* Runs unlocked; the active mark keeps cb (and so its place
		 * in the list) from being freed meanwhile. */
		copy = *cb;
		cb->active++;
		rte_spinlock_unlock(&eth_event_lock);
		rc = copy.cb_fn(port_id, event, copy.cb_arg, ret_param);
		rte_spinlock_lock(&eth_event_lock);
		cb->active--;
		next = TAILQ_NEXT(cb, next);
		/* Its port was released while it ran: the last run frees it. */
		if (cb->dropped && cb->active == 0) {
			TAILQ_REMOVE(&eth_event_cbs, cb, next);
			free(cb);
		}
	}
	rte_spinlock_unlock(&eth_event_lock);
	return rc;
}

void
eth_dev_event_callbacks_drop(uint16_t port_id)
{
	struct eth_event_cb *cb, *next;

	rte_spinlock_lock(&eth_event_lock);
	for (cb = TAILQ_FIRST(&eth_event_cbs); cb != NULL; cb = next) {
		next = TAILQ_NEXT(cb, next);
		if (cb->port_id != port_id || cb->dropped)
			continue;
		if (cb->active != 0) {
			cb->dropped = true; /* freed when it returns */
			continue;
		}
		TAILQ_REMOVE(&eth_event_cbs, cb, next);
		free(cb);
	}
	rte_spinlock_unlock(&eth_event_lock);
}

/* Rx interrupts: checks shared by enable and disable. */
static int
eth_rx_intr_switch(uint16_t port_id, uint16_t queue_id, int enable)
{
	struct rte_eth_dev *dev;
	eth_rx_enable_intr_t op;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_dev_validate_rx_queue(dev, queue_id);
	if (ret != 0)
		return ret;
	op = enable ? dev->dev_ops->rx_queue_intr_enable :
		      dev->dev_ops->rx_queue_intr_disable;
	if (op == NULL)
		ETHDEV_ERR_RET(ENOTSUP,
			"port %u: driver has no Rx interrupts\n", port_id);
	ret = op(dev, queue_id);
	if (ret != 0)
		RTE_ETHDEV_LOG(ERR,
			"port %u: Rx queue %u interrupt %s failed "
			"(%d)\n",
			port_id, queue_id, enable ? "enable" : "disable", ret);
	return eth_err(port_id, ret);
}

int
rte_eth_dev_rx_intr_enable(uint16_t port_id, uint16_t queue_id)
{
	return eth_rx_intr_switch(port_id, queue_id, 1);
}

int
rte_eth_dev_rx_intr_disable(uint16_t port_id, uint16_t queue_id)
{
	return eth_rx_intr_switch(port_id, queue_id, 0);
}

/*
 * The interrupt vector of an Rx queue: >= 0, or -EINVAL (bad queue),
 * -ENOTSUP (no interrupt handle), -EPERM (no vector), with a log line.
 */
static int
eth_rx_intr_vector(struct rte_eth_dev *dev, uint16_t queue_id)
{
	uint16_t port_id = dev->data->port_id;
	int vec;

	if (queue_id >= dev->data->nb_rx_queues)
		ETHDEV_ERR_RET(EINVAL, "port %u: no Rx queue %u\n", port_id,
			queue_id);
	if (dev->intr_handle == NULL)
		ETHDEV_ERR_RET(ENOTSUP,
			"port %u: no Rx interrupt handle "
			"(intr_conf.rxq set? driver support?)\n",
			port_id);
	vec = rte_intr_vec_list_index_get(dev->intr_handle, queue_id);
	if (vec < 0)
		ETHDEV_ERR_RET(EPERM,
			"port %u: Rx queue %u has no interrupt "
			"vector\n",
			port_id, queue_id);
	return vec;
}

int
rte_eth_dev_rx_intr_ctl_q(uint16_t port_id, uint16_t queue_id, int epfd, int op,
	void *data)
{
	struct rte_eth_dev *dev;
	int vec, ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	vec = eth_rx_intr_vector(dev, queue_id);
	if (vec < 0)
		return vec;
	ret = rte_intr_rx_ctl(dev->intr_handle, epfd, op, (unsigned int)vec,
		data);
	if (ret != 0 && ret != -EEXIST)
		RTE_ETHDEV_LOG(ERR,
			"port %u: Rx queue %u: epoll %s failed "
			"(%d)\n",
			port_id, queue_id,
			op == RTE_INTR_EVENT_ADD ? "add" : "del", ret);
	return ret;
}

int
rte_eth_dev_rx_intr_ctl(uint16_t port_id, int epfd, int op, void *data)
{
	struct rte_eth_dev *dev;
	uint16_t queue_id;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	for (queue_id = 0; queue_id < dev->data->nb_rx_queues; queue_id++) {
		ret = rte_eth_dev_rx_intr_ctl_q(port_id, queue_id, epfd, op,
			data);
		/* One queue already there is no reason to skip the rest. */
		if (ret != 0 && ret != -EEXIST)
			return ret;
	}
	return 0;
}

int
rte_eth_dev_rx_intr_ctl_q_get_fd(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_dev *dev;
	int vec, index;

	if (!rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR, "%s: invalid port_id=%u\n", __func__,
			port_id);
		return -1;
	}
	dev = &rte_eth_devices[port_id];
	vec = eth_rx_intr_vector(dev, queue_id);
	if (vec < 0)
		return -1;
	index = vec >= RTE_INTR_VEC_RXTX_OFFSET ?
		vec - RTE_INTR_VEC_RXTX_OFFSET :
		vec;
	return rte_intr_efds_index_get(dev->intr_handle, index);
}
