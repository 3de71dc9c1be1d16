/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The port table: RTE_MAX_ETHPORTS slots, each a struct rte_eth_dev and
 * its struct rte_eth_dev_data (static: ports exist without the EAL's
 * memory, and a free slot is simply one whose data has an empty name).
 *
 * A slot goes UNUSED (free) -> UNUSED with a name (allocated, being
 * probed) -> ATTACHED (valid port) -> UNUSED (released). One spinlock
 * orders allocation, release and ownership changes; everything else
 * about a port belongs to the thread that controls it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_spinlock.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"

RTE_LOG_REGISTER(rte_eth_dev_logtype, lib.ethdev, INFO);

struct rte_eth_dev rte_eth_devices[RTE_MAX_ETHPORTS];

static struct rte_eth_dev_data eth_dev_data[RTE_MAX_ETHPORTS];

/* Orders allocation, release and owner changes. */
static rte_spinlock_t eth_dev_table_lock = RTE_SPINLOCK_INITIALIZER;

/* Operations of a port whose driver has not set any: all unsupported. */
static const struct eth_dev_ops eth_dev_no_ops;

/* Next owner id rte_eth_dev_owner_new() hands out. */
static uint64_t eth_dev_next_owner_id = RTE_ETH_DEV_NO_OWNER + 1;

RTE_INIT(eth_dev_table_init)
{
	uint16_t port_id;

	for (port_id = 0; port_id < RTE_MAX_ETHPORTS; port_id++) {
		rte_eth_devices[port_id].data = &eth_dev_data[port_id];
		eth_dev_fp_ops_reset(port_id);
	}
}

int
rte_eth_dev_is_valid_port(uint16_t port_id)
{
	return port_id < RTE_MAX_ETHPORTS &&
		rte_eth_devices[port_id].state != RTE_ETH_DEV_UNUSED;
}

uint16_t
rte_eth_find_next(uint16_t port_id)
{
	while (port_id < RTE_MAX_ETHPORTS &&
		rte_eth_devices[port_id].state == RTE_ETH_DEV_UNUSED)
		port_id++;
	return port_id < RTE_MAX_ETHPORTS ? port_id : RTE_MAX_ETHPORTS;
}

uint64_t
rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id)
{
	for (port_id = rte_eth_find_next(port_id); port_id < RTE_MAX_ETHPORTS;
		port_id = rte_eth_find_next(port_id + 1))
		if (rte_eth_devices[port_id].data->owner.id == owner_id)
			break;
	return port_id;
}

uint16_t
rte_eth_find_next_of(uint16_t port_id, const struct rte_device *parent)
{
	for (port_id = rte_eth_find_next(port_id); port_id < RTE_MAX_ETHPORTS;
		port_id = rte_eth_find_next(port_id + 1))
		if (rte_eth_devices[port_id].device == parent)
			break;
	return port_id;
}

uint16_t
rte_eth_dev_count_avail(void)
{
	uint16_t port_id, count = 0;

	RTE_ETH_FOREACH_DEV (port_id)
		count++;
	return count;
}

uint16_t
rte_eth_dev_count_total(void)
{
	uint16_t port_id, count = 0;

	for (port_id = 0; port_id < RTE_MAX_ETHPORTS; port_id++)
		if (rte_eth_devices[port_id].state != RTE_ETH_DEV_UNUSED)
			count++;
	return count;
}

int
rte_eth_dev_socket_id(uint16_t port_id)
{
	int node;

	if (!rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR, "%s: invalid port_id=%u\n", __func__,
			port_id);
		rte_errno = EINVAL;
		return -1;
	}
	node = rte_eth_devices[port_id].data->numa_node;
	if (node < 0)
		rte_errno = 0;
	return node < 0 ? SOCKET_ID_ANY : node;
}

int
rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(name, port_id);
	strcpy(name, dev->data->name);
	return 0;
}

int
rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
{
	uint16_t id;

	if (name == NULL || port_id == NULL)
		ETHDEV_ERR_RET(EINVAL, "%s: NULL name or port_id\n", __func__);
	for (id = rte_eth_find_next(0); id < RTE_MAX_ETHPORTS;
		id = rte_eth_find_next(id + 1)) {
		if (strcmp(rte_eth_devices[id].data->name, name) == 0) {
			*port_id = id;
			return 0;
		}
	}
	ETHDEV_ERR_RET(ENODEV, "no port called \"%s\"\n", name);
}

int
rte_eth_dev_is_removed(uint16_t port_id)
{
	struct rte_eth_dev *dev;

	if (!rte_eth_dev_is_valid_port(port_id))
		return 0;
	dev = &rte_eth_devices[port_id];
	if (dev->state == RTE_ETH_DEV_REMOVED)
		return 1;
	if (dev->dev_ops == NULL || dev->dev_ops->is_removed == NULL)
		return 0;
	if (dev->dev_ops->is_removed(dev) == 0)
		return 0;
	dev->state = RTE_ETH_DEV_REMOVED;
	return 1;
}

int
eth_err(uint16_t port_id, int ret)
{
	if (ret == 0)
		return 0;
	if (rte_eth_dev_is_removed(port_id)) {
		RTE_ETHDEV_LOG(ERR, "port %u: device was removed\n", port_id);
		return -EIO;
	}
	return ret;
}

/* The allocated slot (valid or being probed) called name, or NULL. */
static struct rte_eth_dev *
eth_dev_find_by_name(const char *name)
{
	uint16_t port_id;

	for (port_id = 0; port_id < RTE_MAX_ETHPORTS; port_id++)
		if (eth_dev_data[port_id].name[0] != '\0' &&
			strcmp(eth_dev_data[port_id].name, name) == 0)
			return &rte_eth_devices[port_id];
	return NULL;
}

struct rte_eth_dev *
rte_eth_dev_allocated(const char *name)
{
	struct rte_eth_dev *dev;

	if (name == NULL)
		return NULL;
	rte_spinlock_lock(&eth_dev_table_lock);
	dev = eth_dev_find_by_name(name);
	rte_spinlock_unlock(&eth_dev_table_lock);
	return dev;
}

/* Makes slot port_id an allocated port called name. Under the lock. */
static struct rte_eth_dev *
eth_dev_take_slot(uint16_t port_id, const char *name)
{
	struct rte_eth_dev *dev = &rte_eth_devices[port_id];
	struct rte_eth_dev_data *data = &eth_dev_data[port_id];

	memset(data, 0, sizeof(*data));
	strlcpy(data->name, name, sizeof(data->name));
	data->port_id = port_id;
	data->mtu = RTE_ETHER_MTU;
	data->numa_node = SOCKET_ID_ANY;
	data->backer_port_id = RTE_MAX_ETHPORTS;
	memset(dev, 0, sizeof(*dev));
	dev->data = data;
	dev->dev_ops = &eth_dev_no_ops;
	dev->state = RTE_ETH_DEV_UNUSED;
	return dev;
}

struct rte_eth_dev *
rte_eth_dev_allocate(const char *name)
{
	struct rte_eth_dev *dev = NULL;
	uint16_t port_id;
	size_t len = name == NULL ? 0 : strnlen(name, RTE_ETH_NAME_MAX_LEN);

	if (len == 0 || len >= RTE_ETH_NAME_MAX_LEN) {
		RTE_ETHDEV_LOG(ERR,
			"port name is empty or longer than %d "
			"characters\n",
			RTE_ETH_NAME_MAX_LEN - 1);
		rte_errno = EINVAL;
		return NULL;
	}
	rte_spinlock_lock(&eth_dev_table_lock);
	if (eth_dev_find_by_name(name) != NULL) {
		rte_spinlock_unlock(&eth_dev_table_lock);
		RTE_ETHDEV_LOG(ERR, "a port called \"%s\" exists already\n",
			name);
		rte_errno = EEXIST;
		return NULL;
	}
	for (port_id = 0; port_id < RTE_MAX_ETHPORTS; port_id++) {
		if (rte_eth_devices[port_id].state == RTE_ETH_DEV_UNUSED &&
			eth_dev_data[port_id].name[0] == '\0') {
			dev = eth_dev_take_slot(port_id, name);
			break;
		}
	}
	rte_spinlock_unlock(&eth_dev_table_lock);
	if (dev == NULL) {
		RTE_ETHDEV_LOG(ERR,
			"no free port for \"%s\": all %d in use "
			"(meson option max_ethports)\n",
			name, RTE_MAX_ETHPORTS);
		rte_errno = ENOSPC;
	}
	return dev;
}

void
rte_eth_dev_probing_finish(struct rte_eth_dev *dev)
{
	if (dev == NULL)
		return;
	/* The port is not valid yet while NEW runs, as in DPDK: a callback
	 * may only note the port id and use it later. */
	rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_NEW, NULL);
	rte_spinlock_lock(&eth_dev_table_lock);
	dev->state = RTE_ETH_DEV_ATTACHED;
	rte_spinlock_unlock(&eth_dev_table_lock);
}

int
rte_eth_dev_release_port(struct rte_eth_dev *eth_dev)
{
	struct rte_eth_dev_data *data;
	uint16_t port_id;

	if (eth_dev == NULL || eth_dev->data == NULL)
		ETHDEV_ERR_RET(EINVAL, "%s: NULL port\n", __func__);
	data = eth_dev->data;
	port_id = data->port_id;
	if (eth_dev->state != RTE_ETH_DEV_UNUSED)
		rte_eth_dev_callback_process(eth_dev, RTE_ETH_EVENT_DESTROY,
			NULL);
	eth_dev_fp_ops_reset(port_id);
	eth_dev_rxtx_callbacks_free(eth_dev);
	eth_dev_event_callbacks_drop(port_id);
	rte_free(data->rx_queues);
	rte_free(data->tx_queues);
	rte_free(data->mac_addrs);
	rte_free(data->hash_mac_addrs);
	rte_free(data->dev_private);

	rte_spinlock_lock(&eth_dev_table_lock);
	memset(eth_dev, 0, sizeof(*eth_dev));
	memset(data, 0, sizeof(*data));
	eth_dev->data = data;
	eth_dev->state = RTE_ETH_DEV_UNUSED;
	rte_spinlock_unlock(&eth_dev_table_lock);
	return 0;
}

/* Owners. An owner id is valid once rte_eth_dev_owner_new() made it. */
static int
eth_owner_id_is_valid(uint64_t owner_id)
{
	return owner_id != RTE_ETH_DEV_NO_OWNER &&
		owner_id <
		__atomic_load_n(&eth_dev_next_owner_id, __ATOMIC_RELAXED);
}

int
rte_eth_dev_owner_new(uint64_t *owner_id)
{
	if (owner_id == NULL)
		ETHDEV_ERR_RET(EINVAL, "%s: owner_id is NULL\n", __func__);
	*owner_id = __atomic_fetch_add(&eth_dev_next_owner_id, 1,
		__ATOMIC_RELAXED);
	return 0;
}

/* Replaces the owner of a port owned by old_id. */
static int
eth_dev_owner_change(uint16_t port_id, uint64_t old_id,
	const struct rte_eth_dev_owner *new_owner)
{
	struct rte_eth_dev_owner *owner;
	int ret = 0;

	if (!eth_owner_id_is_valid(old_id) &&
		!eth_owner_id_is_valid(new_owner->id))
		ETHDEV_ERR_RET(EINVAL,
			"port %u: invalid owner id %" PRIu64 " -> %" PRIu64
			"\n",
			port_id, old_id, new_owner->id);
	if (strnlen(new_owner->name, RTE_ETH_MAX_OWNER_NAME_LEN) >=
		RTE_ETH_MAX_OWNER_NAME_LEN)
		ETHDEV_ERR_RET(EINVAL, "port %u: owner name too long\n",
			port_id);
	rte_spinlock_lock(&eth_dev_table_lock);
	if (!rte_eth_dev_is_valid_port(port_id)) {
		ret = -ENODEV;
	} else {
		owner = &rte_eth_devices[port_id].data->owner;
		if (owner->id != old_id)
			ret = -EPERM;
		else
			*owner = *new_owner;
	}
	rte_spinlock_unlock(&eth_dev_table_lock);
	if (ret == -ENODEV)
		RTE_ETHDEV_LOG(ERR, "%s: invalid port_id=%u\n", __func__,
			port_id);
	else if (ret == -EPERM)
		RTE_ETHDEV_LOG(ERR,
			"port %u is not owned by owner %" PRIu64 "\n", port_id,
			old_id);
	return ret;
}

int
rte_eth_dev_owner_set(const uint16_t port_id,
	const struct rte_eth_dev_owner *owner)
{
	if (owner == NULL)
		ETHDEV_ERR_RET(EINVAL, "%s: owner is NULL\n", __func__);
	if (!eth_owner_id_is_valid(owner->id))
		ETHDEV_ERR_RET(EINVAL,
			"port %u: invalid owner id %" PRIu64 "\n", port_id,
			owner->id);
	return eth_dev_owner_change(port_id, RTE_ETH_DEV_NO_OWNER, owner);
}

int
rte_eth_dev_owner_unset(const uint16_t port_id, const uint64_t owner_id)
{
	const struct rte_eth_dev_owner nobody = { .id = RTE_ETH_DEV_NO_OWNER };

	if (!eth_owner_id_is_valid(owner_id))
		ETHDEV_ERR_RET(EINVAL,
			"port %u: invalid owner id %" PRIu64 "\n", port_id,
			owner_id);
	return eth_dev_owner_change(port_id, owner_id, &nobody);
}

int
rte_eth_dev_owner_delete(const uint64_t owner_id)
{
	uint16_t port_id;

	if (!eth_owner_id_is_valid(owner_id))
		ETHDEV_ERR_RET(EINVAL, "invalid owner id %" PRIu64 "\n",
			owner_id);
	rte_spinlock_lock(&eth_dev_table_lock);
	for (port_id = 0; port_id < RTE_MAX_ETHPORTS; port_id++)
		if (eth_dev_data[port_id].owner.id == owner_id)
			memset(&eth_dev_data[port_id].owner, 0,
				sizeof(eth_dev_data[port_id].owner));
	rte_spinlock_unlock(&eth_dev_table_lock);
	return 0;
}

int
rte_eth_dev_owner_get(const uint16_t port_id, struct rte_eth_dev_owner *owner)
{
	struct rte_eth_dev *dev;

	ETHDEV_PORT_OR_RET(dev, port_id);
	ETHDEV_NONNULL_OR_RET(owner, port_id);
	rte_spinlock_lock(&eth_dev_table_lock);
	*owner = dev->data->owner;
	rte_spinlock_unlock(&eth_dev_table_lock);
	return 0;
}

/* "eth_p<port>_q<queue>_<name>", the memzone name of a queue's ring. */
static int
eth_dma_zone_name(char *buf, size_t size, const struct rte_eth_dev *dev,
	const char *name, uint16_t queue_id)
{
	int len = snprintf(buf, size, "eth_p%u_q%u_%s", dev->data->port_id,
		queue_id, name);

	return len < 0 || (size_t)len >= size ? -ENAMETOOLONG : 0;
}

const struct rte_memzone *
rte_eth_dma_zone_reserve(const struct rte_eth_dev *eth_dev, const char *name,
	uint16_t queue_id, size_t size, unsigned int align, int socket_id)
{
	char zone_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;

	if (eth_dev == NULL || name == NULL ||
		eth_dma_zone_name(zone_name, sizeof(zone_name), eth_dev, name,
			queue_id) != 0) {
		RTE_ETHDEV_LOG(ERR, "%s: bad port or zone name\n", __func__);
		rte_errno = EINVAL;
		return NULL;
	}
	mz = rte_memzone_lookup(zone_name);
	if (mz != NULL) {
		if ((socket_id != SOCKET_ID_ANY && mz->socket_id != socket_id) ||
			mz->len < size ||
			(align != 0 && (mz->iova & (align - 1)) != 0)) {
			RTE_ETHDEV_LOG(ERR,
				"memzone %s exists with another size, "
				"alignment or socket\n",
				zone_name);
			rte_errno = EINVAL;
			return NULL;
		}
		return mz;
	}
	mz = rte_memzone_reserve_aligned(zone_name, size, socket_id,
		RTE_MEMZONE_IOVA_CONTIG, align);
	if (mz == NULL)
		RTE_ETHDEV_LOG(ERR,
			"cannot reserve memzone %s of %zu bytes: %s\n",
			zone_name, size, rte_strerror(rte_errno));
	return mz;
}

int
rte_eth_dma_zone_free(const struct rte_eth_dev *eth_dev, const char *name,
	uint16_t queue_id)
{
	char zone_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;

	if (eth_dev == NULL || name == NULL ||
		eth_dma_zone_name(zone_name, sizeof(zone_name), eth_dev, name,
			queue_id) != 0)
		ETHDEV_ERR_RET(EINVAL, "%s: bad port or zone name\n", __func__);
	mz = rte_memzone_lookup(zone_name);
	if (mz == NULL)
		return -ENOENT;
	return rte_memzone_free(mz);
}
