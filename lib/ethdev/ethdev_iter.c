/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Walks over the ports that a devargs string names
 * (RTE_ETH_FOREACH_MATCHING_DEV), as "port attach" tools do after
 * rte_dev_probe(). Pollux understands the device-name forms: "net_null0",
 * "net_null0,size=64" and "...,name=net_null0,...". A port matches when
 * its name or its device's name is that name.
 *
 * State kept in the caller's struct rte_dev_iterator: dev_str holds a
 * copy of the name (freed by rte_eth_iterator_cleanup(), which the end
 * of the walk calls), class_device the next port id to look at.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>

#include "ethdev_private.h"

/* The device name of a devargs string, malloc'd; NULL if none. */
static char *
eth_iter_name(const char *devargs)
{
	const char *first_end = strchrnul(devargs, ',');
	const char *start = devargs, *key, *end;

	key = strstr(devargs, "name=");
	while (key != NULL && key != devargs && key[-1] != ',')
		key = strstr(key + 1, "name=");
	if (key != NULL)
		start = key + strlen("name=");
	else if (memchr(devargs, '=', (size_t)(first_end - devargs)) != NULL)
		return NULL; /* key=value syntax without a name */
	end = strchrnul(start, ',');
	if (end == start)
		return NULL;
	return strndup(start, (size_t)(end - start));
}

int
rte_eth_iterator_init(struct rte_dev_iterator *iter, const char *devargs)
{
	char *name;

	if (iter == NULL || devargs == NULL)
		ETHDEV_ERR_RET(EINVAL, "%s: NULL iterator or devargs\n",
			__func__);
	memset(iter, 0, sizeof(*iter));
	name = eth_iter_name(devargs);
	if (name == NULL)
		ETHDEV_ERR_RET(ENOTSUP,
			"cannot match ports against \"%s\": give "
			"a device name\n",
			devargs);
	iter->dev_str = name;
	return 0;
}

/* 1 if port port_id is the device called name. */
static int
eth_iter_match(uint16_t port_id, const char *name)
{
	const struct rte_eth_dev *dev = &rte_eth_devices[port_id];

	if (strcmp(dev->data->name, name) == 0)
		return 1;
	return dev->device != NULL && dev->device->name != NULL &&
		strcmp(dev->device->name, name) == 0;
}

uint16_t
rte_eth_iterator_next(struct rte_dev_iterator *iter)
{
	uint16_t port_id;

	if (iter == NULL || iter->dev_str == NULL)
		return RTE_MAX_ETHPORTS;
	port_id = (uint16_t)(uintptr_t)iter->class_device;
	for (port_id = rte_eth_find_next(port_id); port_id < RTE_MAX_ETHPORTS;
		port_id = rte_eth_find_next(port_id + 1)) {
		if (eth_iter_match(port_id, iter->dev_str)) {
			iter->class_device = (void *)(uintptr_t)(port_id + 1);
			return port_id;
		}
	}
	rte_eth_iterator_cleanup(iter);
	return RTE_MAX_ETHPORTS;
}

void
rte_eth_iterator_cleanup(struct rte_dev_iterator *iter)
{
	if (iter == NULL)
		return;
	free((void *)(uintptr_t)iter->dev_str);
	memset(iter, 0, sizeof(*iter));
}
