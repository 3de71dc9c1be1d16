/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The fast-path table (rte_eth_fp_ops[], see rte_ethdev_core.h for its
 * layout and ownership), the Rx/Tx burst callbacks, and Tx buffers.
 *
 * Burst callback lists: dev->post_rx_burst_cbs[queue] (Rx) and
 * dev->pre_tx_burst_cbs[queue] (Tx) point at the first callback; each
 * links to the next. The table's clbk arrays point at those arrays, so a
 * callback added while the port runs is seen by the next burst.
 *
 *   cbs[q] --> cb1 --> cb2 --> NULL
 *
 * Writers (add/remove) take a per-direction lock; the burst side reads
 * without one. A callback is fully written before the release store that
 * links it (into cbs[q] or the last callback's next); readers load those
 * pointers with acquire. Removal unlinks with one store and never frees:
 * a burst on another thread may still be inside the callback.
 */
#include <stdint.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_spinlock.h>

#include "ethdev_private.h"

struct rte_eth_fp_ops rte_eth_fp_ops[RTE_MAX_ETHPORTS];

/* Queue table of ports that are not started: every queue is NULL. */
static void *eth_dummy_queues[RTE_MAX_QUEUES_PER_PORT];

/* Set once the dummies have said something, to say it once only. */
static int eth_dummy_rx_warned;
static int eth_dummy_tx_warned;

static rte_spinlock_t eth_rx_cb_lock = RTE_SPINLOCK_INITIALIZER;
static rte_spinlock_t eth_tx_cb_lock = RTE_SPINLOCK_INITIALIZER;

uint16_t
rte_eth_pkt_burst_dummy(void *queue __rte_unused,
	struct rte_mbuf **pkts __rte_unused, uint16_t nb_pkts __rte_unused)
{
	return 0;
}

static uint16_t
eth_dummy_rx_burst(void *rxq __rte_unused,
	struct rte_mbuf **rx_pkts __rte_unused, uint16_t nb_pkts __rte_unused)
{
	if (__atomic_exchange_n(&eth_dummy_rx_warned, 1, __ATOMIC_RELAXED) == 0)
		RTE_ETHDEV_LOG(ERR,
			"rx burst on a port that is not started "
			"returns 0 (said once)\n");
	rte_errno = ENOTSUP;
	return 0;
}

static uint16_t
eth_dummy_tx_burst(void *txq __rte_unused,
	struct rte_mbuf **tx_pkts __rte_unused, uint16_t nb_pkts __rte_unused)
{
	if (__atomic_exchange_n(&eth_dummy_tx_warned, 1, __ATOMIC_RELAXED) == 0)
		RTE_ETHDEV_LOG(ERR,
			"tx burst on a port that is not started "
			"sends nothing (said once)\n");
	rte_errno = ENOTSUP;
	return 0;
}

void
eth_dev_fp_ops_reset(uint16_t port_id)
{
	struct rte_eth_fp_ops *ops = &rte_eth_fp_ops[port_id];

	memset(ops, 0, sizeof(*ops));
	ops->rx_pkt_burst = eth_dummy_rx_burst;
	ops->tx_pkt_burst = eth_dummy_tx_burst;
	ops->rxq.data = eth_dummy_queues;
	ops->rxq.clbk = eth_dummy_queues;
	ops->txq.data = eth_dummy_queues;
	ops->txq.clbk = eth_dummy_queues;
}

void
eth_dev_fp_ops_setup(struct rte_eth_dev *dev)
{
	struct rte_eth_fp_ops *ops = &rte_eth_fp_ops[dev->data->port_id];
	struct rte_eth_dev_data *data = dev->data;

	ops->rx_pkt_burst = dev->rx_pkt_burst != NULL ? dev->rx_pkt_burst :
							rte_eth_pkt_burst_dummy;
	ops->tx_pkt_burst = dev->tx_pkt_burst != NULL ? dev->tx_pkt_burst :
							rte_eth_pkt_burst_dummy;
	ops->tx_pkt_prepare = dev->tx_pkt_prepare;
	ops->rx_queue_count = dev->rx_queue_count;
	ops->rx_descriptor_status = dev->rx_descriptor_status;
	ops->tx_descriptor_status = dev->tx_descriptor_status;
	/* The queue arrays have RTE_MAX_QUEUES_PER_PORT slots, so any
	 * queue id the inline burst accepts indexes inside them. */
	ops->rxq.data = data->rx_queues != NULL ? data->rx_queues :
						  eth_dummy_queues;
	ops->rxq.clbk = (void **)(uintptr_t)dev->post_rx_burst_cbs;
	ops->txq.data = data->tx_queues != NULL ? data->tx_queues :
						  eth_dummy_queues;
	ops->txq.clbk = (void **)(uintptr_t)dev->pre_tx_burst_cbs;
}

uint16_t
rte_eth_call_rx_callbacks(uint16_t port_id, uint16_t queue_id,
	struct rte_mbuf **rx_pkts, uint16_t nb_rx, uint16_t nb_pkts,
	void *opaque)
{
	const struct rte_eth_rxtx_callback *cb = opaque;

	while (cb != NULL) {
		nb_rx = cb->fn.rx(port_id, queue_id, rx_pkts, nb_rx, nb_pkts,
			cb->param);
		/* Pairs with the release store that linked the next one. */
		cb = __atomic_load_n(&cb->next, __ATOMIC_ACQUIRE);
	}
	return nb_rx;
}

uint16_t
rte_eth_call_tx_callbacks(uint16_t port_id, uint16_t queue_id,
	struct rte_mbuf **tx_pkts, uint16_t nb_pkts, void *opaque)
{
	const struct rte_eth_rxtx_callback *cb = opaque;

	while (cb != NULL) {
		nb_pkts = cb->fn.tx(port_id, queue_id, tx_pkts, nb_pkts,
			cb->param);
		/* Pairs with the release store that linked the next one. */
		cb = __atomic_load_n(&cb->next, __ATOMIC_ACQUIRE);
	}
	return nb_pkts;
}

/*
 * Checks the arguments of an add: a valid port, a function, a queue id
 * below the configured count. NULL with rte_errno EINVAL if they are bad.
 */
static struct rte_eth_dev *
eth_cb_port(uint16_t port_id, uint16_t queue_id, const void *fn, int is_rx)
{
	struct rte_eth_dev *dev;
	uint16_t nb_queues;

	if (!rte_eth_dev_is_valid_port(port_id) || fn == NULL) {
		RTE_ETHDEV_LOG(ERR,
			"%s callback: invalid port_id=%u or NULL "
			"function\n",
			is_rx ? "rx" : "tx", port_id);
		rte_errno = EINVAL;
		return NULL;
	}
	dev = &rte_eth_devices[port_id];
	nb_queues = is_rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (queue_id >= nb_queues) {
		RTE_ETHDEV_LOG(ERR, "%s callback: port %u has no queue %u\n",
			is_rx ? "rx" : "tx", port_id, queue_id);
		rte_errno = EINVAL;
		return NULL;
	}
	return dev;
}

static struct rte_eth_rxtx_callback *
eth_cb_new(void *user_param)
{
	struct rte_eth_rxtx_callback *cb;

	cb = rte_zmalloc("ethdev_rxtx_callback", sizeof(*cb), 0);
	if (cb == NULL) {
		RTE_ETHDEV_LOG(ERR, "no memory for a burst callback\n");
		rte_errno = ENOMEM;
		return NULL;
	}
	cb->param = user_param;
	return cb;
}

/* Links cb at the end (or, with first, the head) of the list at head. */
static void
eth_cb_link(struct rte_eth_rxtx_callback **head,
	struct rte_eth_rxtx_callback *cb, int first, rte_spinlock_t *lock)
{
	struct rte_eth_rxtx_callback **slot = head;

	rte_spinlock_lock(lock);
	if (first) {
		cb->next = *head;
	} else {
		while (*slot != NULL)
			slot = &(*slot)->next;
	}
	/* Pairs with the acquire loads of the burst side: cb's fields are
	 * written before it becomes reachable. */
	__atomic_store_n(slot, cb, __ATOMIC_RELEASE);
	rte_spinlock_unlock(lock);
}

static const struct rte_eth_rxtx_callback *
eth_add_rx_cb(uint16_t port_id, uint16_t queue_id, rte_rx_callback_fn fn,
	void *user_param, int first)
{
	struct rte_eth_dev *dev = eth_cb_port(port_id, queue_id,
		(const void *)(uintptr_t)fn, 1);
	struct rte_eth_rxtx_callback *cb;

	if (dev == NULL)
		return NULL;
	cb = eth_cb_new(user_param);
	if (cb == NULL)
		return NULL;
	cb->fn.rx = fn;
	eth_cb_link(&dev->post_rx_burst_cbs[queue_id], cb, first,
		&eth_rx_cb_lock);
	return cb;
}

const struct rte_eth_rxtx_callback *
rte_eth_add_rx_callback(uint16_t port_id, uint16_t queue_id,
	rte_rx_callback_fn fn, void *user_param)
{
	return eth_add_rx_cb(port_id, queue_id, fn, user_param, 0);
}

const struct rte_eth_rxtx_callback *
rte_eth_add_first_rx_callback(uint16_t port_id, uint16_t queue_id,
	rte_rx_callback_fn fn, void *user_param)
{
	return eth_add_rx_cb(port_id, queue_id, fn, user_param, 1);
}

const struct rte_eth_rxtx_callback *
rte_eth_add_tx_callback(uint16_t port_id, uint16_t queue_id,
	rte_tx_callback_fn fn, void *user_param)
{
	struct rte_eth_dev *dev = eth_cb_port(port_id, queue_id,
		(const void *)(uintptr_t)fn, 0);
	struct rte_eth_rxtx_callback *cb;

	if (dev == NULL)
		return NULL;
	cb = eth_cb_new(user_param);
	if (cb == NULL)
		return NULL;
	cb->fn.tx = fn;
	eth_cb_link(&dev->pre_tx_burst_cbs[queue_id], cb, 0, &eth_tx_cb_lock);
	return cb;
}

/* Unlinks user_cb from the list at head: 0, or -EINVAL if not there. */
static int
eth_cb_unlink(struct rte_eth_rxtx_callback **head,
	const struct rte_eth_rxtx_callback *user_cb, rte_spinlock_t *lock)
{
	struct rte_eth_rxtx_callback **slot;
	int ret = -EINVAL;

	rte_spinlock_lock(lock);
	for (slot = head; *slot != NULL; slot = &(*slot)->next) {
		if (*slot == user_cb) {
			/* A burst that already loaded user_cb still finds
			 * the rest of the list through its next. */
			__atomic_store_n(slot, user_cb->next, __ATOMIC_RELEASE);
			ret = 0;
			break;
		}
	}
	rte_spinlock_unlock(lock);
	return ret;
}

static int
eth_remove_cb(uint16_t port_id, uint16_t queue_id,
	const struct rte_eth_rxtx_callback *user_cb, int is_rx)
{
	struct rte_eth_dev *dev;
	uint16_t nb_queues;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	nb_queues = is_rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	if (user_cb == NULL || queue_id >= nb_queues)
		ETHDEV_ERR_RET(EINVAL,
			"remove %s callback: port %u: NULL "
			"callback or no queue %u\n",
			is_rx ? "rx" : "tx", port_id, queue_id);
	ret = is_rx ? eth_cb_unlink(&dev->post_rx_burst_cbs[queue_id], user_cb,
			      &eth_rx_cb_lock) :
		      eth_cb_unlink(&dev->pre_tx_burst_cbs[queue_id], user_cb,
			      &eth_tx_cb_lock);
	if (ret != 0)
		RTE_ETHDEV_LOG(ERR,
			"remove %s callback: not a callback of "
			"port %u queue %u\n",
			is_rx ? "rx" : "tx", port_id, queue_id);
	return ret;
}

int
rte_eth_remove_rx_callback(uint16_t port_id, uint16_t queue_id,
	const struct rte_eth_rxtx_callback *user_cb)
{
	return eth_remove_cb(port_id, queue_id, user_cb, 1);
}

int
rte_eth_remove_tx_callback(uint16_t port_id, uint16_t queue_id,
	const struct rte_eth_rxtx_callback *user_cb)
{
	return eth_remove_cb(port_id, queue_id, user_cb, 0);
}

/* Frees a whole list and empties its head. */
static void
eth_cb_list_free(struct rte_eth_rxtx_callback **head)
{
	struct rte_eth_rxtx_callback *cb = *head, *next;

	*head = NULL;
	while (cb != NULL) {
		next = cb->next;
		rte_free(cb);
		cb = next;
	}
}

void
eth_dev_rxtx_callbacks_free(struct rte_eth_dev *dev)
{
	unsigned int queue_id;

	/* The port is out of the fast path (its entry was reset), so no
	 * burst can be walking these lists any more. */
	rte_spinlock_lock(&eth_rx_cb_lock);
	for (queue_id = 0; queue_id < RTE_MAX_QUEUES_PER_PORT; queue_id++)
		eth_cb_list_free(&dev->post_rx_burst_cbs[queue_id]);
	rte_spinlock_unlock(&eth_rx_cb_lock);
	rte_spinlock_lock(&eth_tx_cb_lock);
	for (queue_id = 0; queue_id < RTE_MAX_QUEUES_PER_PORT; queue_id++)
		eth_cb_list_free(&dev->pre_tx_burst_cbs[queue_id]);
	rte_spinlock_unlock(&eth_tx_cb_lock);
}

void
rte_eth_tx_buffer_drop_callback(struct rte_mbuf **pkts, uint16_t unsent,
	void *userdata __rte_unused)
{
	uint16_t i;

	for (i = 0; i < unsent; i++)
		rte_pktmbuf_free(pkts[i]);
}

void
rte_eth_tx_buffer_count_callback(struct rte_mbuf **pkts, uint16_t unsent,
	void *userdata)
{
	uint64_t *count = userdata;

	rte_eth_tx_buffer_drop_callback(pkts, unsent, NULL);
	if (count != NULL)
		*count += unsent;
}

int
rte_eth_tx_buffer_set_err_callback(struct rte_eth_dev_tx_buffer *buffer,
	buffer_tx_error_fn callback, void *userdata)
{
	if (buffer == NULL || callback == NULL)
		ETHDEV_ERR_RET(EINVAL, "%s: NULL buffer or callback\n",
			__func__);
	buffer->error_callback = callback;
	buffer->error_userdata = userdata;
	return 0;
}

int
rte_eth_tx_buffer_init(struct rte_eth_dev_tx_buffer *buffer, uint16_t size)
{
	if (buffer == NULL || size == 0)
		ETHDEV_ERR_RET(EINVAL, "%s: NULL buffer or size 0\n", __func__);
	buffer->size = size;
	buffer->length = 0;
	if (buffer->error_callback == NULL)
		return rte_eth_tx_buffer_set_err_callback(buffer,
			rte_eth_tx_buffer_drop_callback, NULL);
	return 0;
}
