/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Port and queue states: start, stop, close, reset, the per-queue start
 * and stop, queue information and the administrative link.
 *
 * Order matters on the fast path: a port's burst functions enter the
 * fast-path table only after the driver started, and leave it before
 * the driver stops, so a burst never reaches a driver that is not
 * running.
 */
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "ethdev_private.h"

/* Every configured queue must be set up before the port starts. */
static int
eth_start_check_queues(const struct rte_eth_dev *dev)
{
	const struct rte_eth_dev_data *data = dev->data;
	uint16_t queue_id;

	for (queue_id = 0; queue_id < data->nb_rx_queues; queue_id++)
		if (data->rx_queues[queue_id] == NULL)
			ETHDEV_ERR_RET(EINVAL,
				"port %u: Rx queue %u is not set "
				"up; set up every queue before starting\n",
				data->port_id, queue_id);
	for (queue_id = 0; queue_id < data->nb_tx_queues; queue_id++)
		if (data->tx_queues[queue_id] == NULL)
			ETHDEV_ERR_RET(EINVAL,
				"port %u: Tx queue %u is not set "
				"up; set up every queue before starting\n",
				data->port_id, queue_id);
	return 0;
}

/* Applies one receive mode again after a start (the device forgot it). */
static int
eth_restore_mode(struct rte_eth_dev *dev, int on, eth_promiscuous_enable_t en,
	eth_promiscuous_disable_t dis, const char *what)
{
	int ret = 0;

	if (on && en != NULL)
		ret = en(dev);
	else if (!on && dis != NULL)
		ret = dis(dev);
	if (ret != 0 && ret != -ENOTSUP) {
		RTE_ETHDEV_LOG(ERR, "port %u: cannot restore %s mode (%d)\n",
			dev->data->port_id, what, ret);
		return ret;
	}
	return 0;
}

static int
eth_dev_config_restore(struct rte_eth_dev *dev)
{
	const struct eth_dev_ops *ops = dev->dev_ops;
	int ret;

	ret = eth_restore_mode(dev, dev->data->promiscuous,
		ops->promiscuous_enable, ops->promiscuous_disable,
		"promiscuous");
	if (ret == 0)
		ret = eth_restore_mode(dev, dev->data->all_multicast,
			ops->allmulticast_enable, ops->allmulticast_disable,
			"all-multicast");
	return ret;
}

int
rte_eth_dev_start(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, dev_start);
	if (!dev->data->dev_configured)
		ETHDEV_ERR_RET(EINVAL,
			"port %u is not configured; call "
			"rte_eth_dev_configure() first\n",
			port_id);
	if (dev->data->dev_started) {
		RTE_ETHDEV_LOG(INFO, "port %u is already started\n", port_id);
		return 0;
	}
	ret = eth_start_check_queues(dev);
	if (ret != 0)
		return ret;
	ret = dev->dev_ops->dev_start(dev);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: driver failed to start (%d)\n",
			port_id, ret);
		return eth_err(port_id, ret);
	}
	dev->data->dev_started = 1;
	ret = eth_dev_config_restore(dev);
	if (ret != 0) {
		if (rte_eth_dev_stop(port_id) != 0)
			RTE_ETHDEV_LOG(ERR,
				"port %u: and it did not stop "
				"either\n",
				port_id);
		return eth_err(port_id, ret);
	}
	if (!dev->data->dev_conf.intr_conf.lsc && dev->dev_ops->link_update)
		(void)dev->dev_ops->link_update(dev, 0);
	eth_dev_fp_ops_setup(dev);
	return 0;
}

int
rte_eth_dev_stop(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, dev_stop);
	if (!dev->data->dev_started) {
		RTE_ETHDEV_LOG(INFO, "port %u is already stopped\n", port_id);
		return 0;
	}
	eth_dev_fp_ops_reset(port_id);
	ret = dev->dev_ops->dev_stop(dev);
	if (ret != 0) {
		/* Still running: the bursts go to the driver again. */
		eth_dev_fp_ops_setup(dev);
		RTE_ETHDEV_LOG(ERR, "port %u: driver failed to stop (%d)\n",
			port_id, ret);
		return eth_err(port_id, ret);
	}
	dev->data->dev_started = 0;
	return 0;
}

int
rte_eth_dev_close(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret, release_ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, dev_close);
	if (dev->data->dev_started)
		ETHDEV_ERR_RET(EINVAL,
			"port %u must be stopped before it is "
			"closed\n",
			port_id);
	eth_dev_queues_free(dev);
	ret = dev->dev_ops->dev_close(dev);
	if (ret != 0) {
		RTE_ETHDEV_LOG(ERR,
			"port %u: driver failed to close (%d); "
			"the port is released anyway\n",
			port_id, ret);
		ret = eth_err(port_id, ret);
	}
	release_ret = rte_eth_dev_release_port(dev);
	return ret != 0 ? ret : release_ret;
}

int
rte_eth_dev_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, dev_reset);
	ret = rte_eth_dev_stop(port_id);
	if (ret != 0)
		RTE_ETHDEV_LOG(ERR, "port %u: stop before reset failed (%d)\n",
			port_id, ret);
	ret = dev->dev_ops->dev_reset(dev);
	if (ret != 0)
		RTE_ETHDEV_LOG(ERR, "port %u: driver failed to reset (%d)\n",
			port_id, ret);
	return eth_err(port_id, ret);
}

/* Checks of the per-queue start/stop calls. */
static int
eth_queue_op_check(struct rte_eth_dev *dev, uint16_t queue_id, int is_rx)
{
	if (!dev->data->dev_configured)
		ETHDEV_ERR_RET(EINVAL, "port %u is not configured\n",
			dev->data->port_id);
	return is_rx ? eth_dev_validate_rx_queue(dev, queue_id) :
		       eth_dev_validate_tx_queue(dev, queue_id);
}

/* Runs a queue start or stop unless the queue is in state target. */
static int
eth_queue_switch(struct rte_eth_dev *dev, uint16_t queue_id, int is_rx,
	uint8_t target, eth_queue_start_t op, const char *what)
{
	uint8_t state = is_rx ? dev->data->rx_queue_state[queue_id] :
				dev->data->tx_queue_state[queue_id];
	int ret;

	if (op == NULL)
		ETHDEV_ERR_RET(ENOTSUP, "port %u: driver does not support %s\n",
			dev->data->port_id, what);
	if (state == target) {
		RTE_ETHDEV_LOG(INFO,
			"port %u: %s queue %u: already in that "
			"state\n",
			dev->data->port_id, is_rx ? "Rx" : "Tx", queue_id);
		return 0;
	}
	ret = op(dev, queue_id);
	if (ret != 0)
		RTE_ETHDEV_LOG(ERR, "port %u: %s of queue %u failed (%d)\n",
			dev->data->port_id, what, queue_id, ret);
	return eth_err(dev->data->port_id, ret);
}

int
rte_eth_dev_rx_queue_start(uint16_t port_id, uint16_t rx_queue_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_queue_op_check(dev, rx_queue_id, 1);
	if (ret != 0)
		return ret;
	return eth_queue_switch(dev, rx_queue_id, 1,
		RTE_ETH_QUEUE_STATE_STARTED, dev->dev_ops->rx_queue_start,
		"rx_queue_start");
}

int
rte_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t rx_queue_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_queue_op_check(dev, rx_queue_id, 1);
	if (ret != 0)
		return ret;
	return eth_queue_switch(dev, rx_queue_id, 1,
		RTE_ETH_QUEUE_STATE_STOPPED, dev->dev_ops->rx_queue_stop,
		"rx_queue_stop");
}

int
rte_eth_dev_tx_queue_start(uint16_t port_id, uint16_t tx_queue_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_queue_op_check(dev, tx_queue_id, 0);
	if (ret != 0)
		return ret;
	return eth_queue_switch(dev, tx_queue_id, 0,
		RTE_ETH_QUEUE_STATE_STARTED, dev->dev_ops->tx_queue_start,
		"tx_queue_start");
}

int
rte_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t tx_queue_id)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_queue_op_check(dev, tx_queue_id, 0);
	if (ret != 0)
		return ret;
	return eth_queue_switch(dev, tx_queue_id, 0,
		RTE_ETH_QUEUE_STATE_STOPPED, dev->dev_ops->tx_queue_stop,
		"tx_queue_stop");
}

int
rte_eth_rx_queue_info_get(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_rxq_info *qinfo)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(qinfo, port_id);
	ret = eth_dev_validate_rx_queue(dev, queue_id);
	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, rxq_info_get);
	memset(qinfo, 0, sizeof(*qinfo));
	dev->dev_ops->rxq_info_get(dev, queue_id, qinfo);
	qinfo->queue_state = dev->data->rx_queue_state[queue_id];
	return 0;
}

int
rte_eth_tx_queue_info_get(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_txq_info *qinfo)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(qinfo, port_id);
	ret = eth_dev_validate_tx_queue(dev, queue_id);
	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, txq_info_get);
	memset(qinfo, 0, sizeof(*qinfo));
	dev->dev_ops->txq_info_get(dev, queue_id, qinfo);
	qinfo->queue_state = dev->data->tx_queue_state[queue_id];
	return 0;
}

int
rte_eth_tx_done_cleanup(uint16_t port_id, uint16_t queue_id, uint32_t free_cnt)
{
	struct rte_eth_dev *dev;
	int ret;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ret = eth_dev_validate_tx_queue(dev, queue_id);
	if (ret != 0)
		return ret;
	ETHDEV_OP_OR_RET(dev, tx_done_cleanup);
	ret = dev->dev_ops->tx_done_cleanup(dev->data->tx_queues[queue_id],
		free_cnt);
	return ret < 0 ? eth_err(port_id, ret) : ret;
}

int
rte_eth_dev_set_link_up(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, dev_set_link_up);
	return eth_err(port_id, dev->dev_ops->dev_set_link_up(dev));
}

int
rte_eth_dev_set_link_down(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_OP_OR_RET(dev, dev_set_link_down);
	return eth_err(port_id, dev->dev_ops->dev_set_link_down(dev));
}
