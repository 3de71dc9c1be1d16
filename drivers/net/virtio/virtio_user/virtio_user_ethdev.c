/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The virtio_user vdev (DPDK's name net_virtio_user, alias virtio_user):
 * devargs, probe and remove.
 *
 *   --vdev virtio_user0,path=SOCK[,queues=N][,server=0|1][,queue_size=N]
 *          [,mac=xx:xx:xx:xx:xx:xx][,cq=0|1][,mrg_rxbuf=0|1]
 *
 * path: the vhost-user socket (a backend listening there, or, with
 * server=1, where we listen for one); queues: queue pairs (default 1);
 * queue_size: largest ring size (power of two, default 256); mac: the
 * port's address (default random, locally administered); cq: accepted
 * for DPDK's sake, the control queue is always there; mrg_rxbuf=0: no
 * mergeable rx buffers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>

#include "../virtio_ethdev.h"
#include "../virtio_log.h"
#include "virtio_user_dev.h"

#define VU_ARG_PATH	  "path"
#define VU_ARG_QUEUES	  "queues"
#define VU_ARG_SERVER	  "server"
#define VU_ARG_QUEUE_SIZE "queue_size"
#define VU_ARG_MAC	  "mac"
#define VU_ARG_CQ	  "cq"
#define VU_ARG_MRG_RXBUF  "mrg_rxbuf"

static const char *const vu_valid_args[] = { VU_ARG_PATH, VU_ARG_QUEUES,
	VU_ARG_SERVER, VU_ARG_QUEUE_SIZE, VU_ARG_MAC, VU_ARG_CQ,
	VU_ARG_MRG_RXBUF, NULL };

struct vu_args {
	char path[PATH_MAX];
	unsigned long queues;
	unsigned long server;
	unsigned long queue_size;
	unsigned long cq;
	unsigned long mrg_rxbuf;
	bool has_mac;
	struct rte_ether_addr mac;
};

static int
vu_parse_path(const char *key __rte_unused, const char *value, void *opaque)
{
	struct vu_args *args = opaque;

	if (value == NULL || value[0] == '\0' ||
		strlen(value) >= sizeof(args->path))
		return -1;
	memcpy(args->path, value, strlen(value) + 1);
	return 0;
}

static int
vu_parse_ulong(const char *key __rte_unused, const char *value, void *opaque)
{
	unsigned long *out = opaque;
	char *end = NULL;

	if (value == NULL || value[0] < '0' || value[0] > '9')
		return -1;
	errno = 0;
	*out = strtoul(value, &end, 0);
	return errno != 0 || end == NULL || *end != '\0' ? -1 : 0;
}

static int
vu_parse_mac(const char *key __rte_unused, const char *value, void *opaque)
{
	struct vu_args *args = opaque;

	if (value == NULL || rte_ether_unformat_addr(value, &args->mac) != 0)
		return -1;
	args->has_mac = true;
	return 0;
}

/* One numeric key in [min, max]; 0, or -EINVAL with one log line. */
static int
vu_arg_ulong(const char *name, struct rte_kvargs *kv, const char *key,
	unsigned long min, unsigned long max, unsigned long *out)
{
	if (rte_kvargs_count(kv, key) == 0)
		return 0;
	if (rte_kvargs_process(kv, key, vu_parse_ulong, out) != 0 ||
		*out < min || *out > max) {
		VIRTIO_LOG(ERR, "%s: bad %s=%s, want a number in [%lu, %lu]",
			name, key, rte_kvargs_get(kv, key), min, max);
		return -EINVAL;
	}
	return 0;
}

static int
vu_parse_checks(const char *name, struct rte_kvargs *kv, struct vu_args *a)
{
	int ret;

	if (rte_kvargs_count(kv, VU_ARG_PATH) != 1 ||
		rte_kvargs_process(kv, VU_ARG_PATH, vu_parse_path, a)) {
		VIRTIO_LOG(ERR,
			"%s: path=<vhost-user socket> is required "
			"(once, at most %d bytes)",
			name, PATH_MAX - 1);
		return -EINVAL;
	}
	if (rte_kvargs_count(kv, VU_ARG_MAC) != 0 &&
		rte_kvargs_process(kv, VU_ARG_MAC, vu_parse_mac, a)) {
		VIRTIO_LOG(ERR, "%s: bad mac=%s, want xx:xx:xx:xx:xx:xx", name,
			rte_kvargs_get(kv, VU_ARG_MAC));
		return -EINVAL;
	}
	ret = vu_arg_ulong(name, kv, VU_ARG_QUEUES, 1,
		RTE_MIN(RTE_MAX_QUEUES_PER_PORT, 127), &a->queues);
	if (ret == 0)
		ret = vu_arg_ulong(name, kv, VU_ARG_SERVER, 0, 1, &a->server);
	if (ret == 0)
		ret = vu_arg_ulong(name, kv, VU_ARG_QUEUE_SIZE, 2,
			VIRTQUEUE_MAX_SIZE, &a->queue_size);
	if (ret == 0)
		ret = vu_arg_ulong(name, kv, VU_ARG_CQ, 0, 1, &a->cq);
	if (ret == 0)
		ret = vu_arg_ulong(name, kv, VU_ARG_MRG_RXBUF, 0, 1,
			&a->mrg_rxbuf);
	if (ret == 0 && !rte_is_power_of_2((uint32_t)a->queue_size)) {
		VIRTIO_LOG(ERR, "%s: queue_size=%lu is not a power of two",
			name, a->queue_size);
		ret = -EINVAL;
	}
	return ret;
}

static int
vu_parse_args(const char *name, const char *text, struct vu_args *args)
{
	struct rte_kvargs *kv;
	int ret;

	kv = text != NULL && text[0] != '\0' ?
		rte_kvargs_parse(text, vu_valid_args) :
		NULL;
	if (kv == NULL) {
		VIRTIO_LOG(ERR,
			"%s: bad devargs '%s' (path=SOCK is required; "
			"valid keys: path, queues, server, queue_size, mac, cq, "
			"mrg_rxbuf)",
			name, text != NULL ? text : "");
		return -EINVAL;
	}
	ret = vu_parse_checks(name, kv, args);
	rte_kvargs_free(kv);
	return ret;
}

/* The port's private data: the device, then the transport's state. */
struct vu_port {
	struct virtio_hw hw;
	struct virtio_user_dev dev;
};

static int
vu_probe_port(struct rte_eth_dev *eth_dev, const struct vu_args *args)
{
	struct vu_port *port = eth_dev->data->dev_private;
	struct virtio_user_dev *dev = &port->dev;
	int ret;

	memcpy(dev->path, args->path, sizeof(dev->path));
	dev->server = args->server != 0;
	dev->max_pairs = (uint16_t)args->queues;
	dev->queue_size = (uint16_t)args->queue_size;
	dev->hw = &port->hw;
	dev->eth_dev = eth_dev;
	if (args->has_mac)
		dev->mac = args->mac;
	else
		rte_eth_random_addr(dev->mac.addr_bytes);
	port->hw.ops = &virtio_user_ops;
	port->hw.transport = dev;
	port->hw.use_va = true;
	ret = virtio_user_dev_init(dev);
	if (ret != 0)
		return ret;
	if (args->mrg_rxbuf == 0)
		dev->backend_features &= ~VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF);
	eth_dev->intr_handle = rte_intr_instance_alloc(
		RTE_INTR_INSTANCE_F_PRIVATE);
	ret = eth_dev->intr_handle == NULL ? -ENOMEM :
					     virtio_ethdev_init(eth_dev, NULL);
	if (ret == 0)
		ret = virtio_user_dev_watch(dev);
	if (ret != 0) {
		virtio_user_dev_uninit(dev);
		rte_intr_instance_free(eth_dev->intr_handle);
		eth_dev->intr_handle = NULL;
	}
	return ret;
}

static int
vu_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct vu_args args = { .queues = 1,
		.queue_size = 256,
		.cq = 1,
		.mrg_rxbuf = 1 };
	struct rte_eth_dev *eth_dev;
	int ret;

	ret = vu_parse_args(name, rte_vdev_device_args(vdev), &args);
	if (ret != 0)
		return ret;
	eth_dev = rte_eth_vdev_allocate(vdev, sizeof(struct vu_port));
	if (eth_dev == NULL)
		return -ENOMEM;
	ret = vu_probe_port(eth_dev, &args);
	if (ret != 0) {
		rte_eth_dev_release_port(eth_dev);
		return ret;
	}
	eth_dev->data->dev_flags = RTE_ETH_DEV_INTR_LSC;
	rte_eth_dev_probing_finish(eth_dev);
	return 0;
}

static int
vu_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(
		rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* the application closed it already */
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_vdev_driver virtio_user_driver = {
	.probe = vu_probe,
	.remove = vu_remove,
};

RTE_PMD_REGISTER_VDEV(net_virtio_user, virtio_user_driver);
RTE_PMD_REGISTER_ALIAS(net_virtio_user, virtio_user);
RTE_PMD_REGISTER_PARAM_STRING(net_virtio_user,
	"path=<path> queues=<int> server=<0|1> queue_size=<int> mac=<mac> "
	"cq=<0|1> mrg_rxbuf=<0|1>");
