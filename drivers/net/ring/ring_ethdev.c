/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ring: ports over rte_rings (see rte_eth_ring.h). The control path
 * and the two burst functions, which are one ring call each.
 *
 * Devargs, as DPDK 22.11 reads them: nodeaction=NAME:NODE:CREATE|ATTACH
 * (one per port); NODE is a NUMA node number, or -1 for any node. Queue
 * i of such a port receives from and sends to one ring,
 * "ETH_RXTX<i>_NAME", so the port is looped to itself and an ATTACH port
 * shares the rings of the CREATE port of the same NAME. Without devargs,
 * NAME is the port's name. "internal=%p" is only what
 * rte_eth_from_rings() passes itself; a bare "internal" is an error.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_log.h>
#include <rte_per_lcore.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_ring.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>

#include "rte_eth_ring.h"

#define ETH_RING_MAX_QUEUES	16
#define ETH_RING_SIZE		1024
#define ETH_RING_ARG_NODEACTION "nodeaction"
#define ETH_RING_ARG_INTERNAL	"internal"

#define ETH_RING_LOG(level, fmt, ...) \
	RTE_LOG(level, PMD, "net_ring: " fmt "\n", ##__VA_ARGS__)

static const char *const eth_ring_valid_args[] = { ETH_RING_ARG_NODEACTION,
	ETH_RING_ARG_INTERNAL, NULL };

enum eth_ring_action {
	ETH_RING_CREATE,
	ETH_RING_ATTACH
};

/* One queue: its ring and what went through it. One lcore writes it,
 * so each has its own cache line. */
struct eth_ring_queue {
	struct rte_ring *ring;
	uint64_t packets;
	uint64_t full; /* Tx: packets the ring had no room for */
} __rte_cache_aligned;

struct eth_ring_private {
	struct eth_ring_queue rx[ETH_RING_MAX_QUEUES];
	struct eth_ring_queue tx[ETH_RING_MAX_QUEUES];
	unsigned int nb_rx;
	unsigned int nb_tx;
	/* The rings this port made: freed on close. */
	struct rte_ring *created[ETH_RING_MAX_QUEUES];
	unsigned int nb_created;
};

/* What rte_eth_from_rings() hands its probe through "internal=%p". */
struct eth_ring_internal_args {
	struct rte_ring *const *rx;
	unsigned int nb_rx;
	struct rte_ring *const *tx;
	unsigned int nb_tx;
	unsigned int numa_node;
};

/* The arguments of the rte_eth_from_rings() call in progress on this
 * thread: the only pointer that "internal=" may name. */
static RTE_DEFINE_PER_LCORE(const struct eth_ring_internal_args *,
	eth_ring_pending);

/* The nodeaction of a port from devargs, and the rings it names. */
struct eth_ring_nodeaction {
	const char *port;
	char name[64]; /* eth_ring_get_all() checks the length */
	int node;
	enum eth_ring_action action;
	unsigned int nb; /* nodeactions seen */
	struct rte_ring *rings[ETH_RING_MAX_QUEUES];
};

static uint16_t
eth_ring_rx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct eth_ring_queue *q = queue;
	unsigned int n;

	n = rte_ring_dequeue_burst(q->ring, (void **)pkts, nb_pkts, NULL);
	q->packets += n;
	return (uint16_t)n;
}

static uint16_t
eth_ring_tx_burst(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	struct eth_ring_queue *q = queue;
	unsigned int n;

	n = rte_ring_enqueue_burst(q->ring, (void *const *)pkts, nb_pkts, NULL);
	q->packets += n;
	q->full += nb_pkts - n;
	return (uint16_t)n;
}

static struct eth_ring_private *
eth_ring_priv(struct rte_eth_dev *dev)
{
	return dev->data->dev_private;
}

static int
eth_ring_dev_configure(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static void
eth_ring_queue_states(struct rte_eth_dev *dev, uint8_t state)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queue_state[q] = state;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queue_state[q] = state;
}

static int
eth_ring_dev_start(struct rte_eth_dev *dev)
{
	eth_ring_queue_states(dev, RTE_ETH_QUEUE_STATE_STARTED);
	return 0;
}

static int
eth_ring_dev_stop(struct rte_eth_dev *dev)
{
	eth_ring_queue_states(dev, RTE_ETH_QUEUE_STATE_STOPPED);
	return 0;
}

/* Frees a ring this driver made, and the packets still in it. */
static void
eth_ring_free_created(struct rte_ring *ring)
{
	void *pkt;

	while (rte_ring_dequeue(ring, &pkt) == 0)
		rte_pktmbuf_free(pkt);
	rte_ring_free(ring);
}

static int
eth_ring_dev_close(struct rte_eth_dev *dev)
{
	struct eth_ring_private *priv = eth_ring_priv(dev);
	unsigned int i;

	for (i = 0; i < priv->nb_created; i++)
		eth_ring_free_created(priv->created[i]);
	priv->nb_created = 0;
	return 0;
}

static int
eth_ring_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct eth_ring_private *priv = eth_ring_priv(dev);

	info->max_mac_addrs = 1;
	info->max_rx_pktlen = (uint32_t)-1;
	info->max_rx_queues = (uint16_t)priv->nb_rx;
	info->max_tx_queues = (uint16_t)priv->nb_tx;
	info->min_rx_bufsize = 0;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_FIXED;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	return 0;
}

static int
eth_ring_link_update(struct rte_eth_dev *dev __rte_unused,
	int wait_to_complete __rte_unused)
{
	return -1; /* always up */
}

static int
eth_ring_rx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc __rte_unused, unsigned int socket_id __rte_unused,
	const struct rte_eth_rxconf *conf __rte_unused,
	struct rte_mempool *mb_pool __rte_unused)
{
	dev->data->rx_queues[queue_id] = &eth_ring_priv(dev)->rx[queue_id];
	return 0;
}

static int
eth_ring_tx_queue_setup(struct rte_eth_dev *dev, uint16_t queue_id,
	uint16_t nb_desc __rte_unused, unsigned int socket_id __rte_unused,
	const struct rte_eth_txconf *conf __rte_unused)
{
	dev->data->tx_queues[queue_id] = &eth_ring_priv(dev)->tx[queue_id];
	return 0;
}

/* The queues live in the private data; the packets in a ring belong to
 * whoever dequeues them, and rings this port made are drained at close. */
static void
eth_ring_queue_release(struct rte_eth_dev *dev __rte_unused,
	uint16_t queue_id __rte_unused)
{
}

static int
eth_ring_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct eth_ring_private *priv = eth_ring_priv(dev);
	unsigned int i;

	for (i = 0; i < priv->nb_rx; i++) {
		stats->ipackets += priv->rx[i].packets;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS)
			stats->q_ipackets[i] = priv->rx[i].packets;
	}
	for (i = 0; i < priv->nb_tx; i++) {
		stats->opackets += priv->tx[i].packets;
		if (i < RTE_ETHDEV_QUEUE_STAT_CNTRS)
			stats->q_opackets[i] = priv->tx[i].packets;
	}
	return 0;
}

static int
eth_ring_stats_reset(struct rte_eth_dev *dev)
{
	struct eth_ring_private *priv = eth_ring_priv(dev);
	unsigned int i;

	for (i = 0; i < ETH_RING_MAX_QUEUES; i++) {
		priv->rx[i].packets = 0;
		priv->tx[i].packets = 0;
		priv->tx[i].full = 0;
	}
	return 0;
}

static int
eth_ring_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
	unsigned int n)
{
	struct eth_ring_private *priv = eth_ring_priv(dev);
	uint64_t full = 0;
	unsigned int i;

	if (xstats == NULL || n < 1)
		return 1;
	for (i = 0; i < priv->nb_tx; i++)
		full += priv->tx[i].full;
	xstats[0].id = 0;
	xstats[0].value = full;
	return 1;
}

static int
eth_ring_xstats_get_names(struct rte_eth_dev *dev __rte_unused,
	struct rte_eth_xstat_name *names, unsigned int size)
{
	if (names == NULL || size < 1)
		return 1;
	snprintf(names[0].name, sizeof(names[0].name), "tx_ring_full");
	return 1;
}

static int
eth_ring_noop(struct rte_eth_dev *dev __rte_unused)
{
	return 0;
}

static int
eth_ring_mac_addr_set(struct rte_eth_dev *dev __rte_unused,
	struct rte_ether_addr *addr __rte_unused)
{
	return 0;
}

/* The admin link state, as DPDK's ring PMD: what link_get reports. */
static int
eth_ring_link_up(struct rte_eth_dev *dev)
{
	dev->data->dev_link.link_status = RTE_ETH_LINK_UP;
	return 0;
}

static int
eth_ring_link_down(struct rte_eth_dev *dev)
{
	dev->data->dev_link.link_status = RTE_ETH_LINK_DOWN;
	return 0;
}

static const struct eth_dev_ops eth_ring_ops = {
	.dev_configure = eth_ring_dev_configure,
	.dev_start = eth_ring_dev_start,
	.dev_stop = eth_ring_dev_stop,
	.dev_close = eth_ring_dev_close,
	.dev_infos_get = eth_ring_dev_infos_get,
	.link_update = eth_ring_link_update,
	.dev_set_link_up = eth_ring_link_up,
	.dev_set_link_down = eth_ring_link_down,
	.promiscuous_enable = eth_ring_noop,
	.promiscuous_disable = eth_ring_noop,
	.allmulticast_enable = eth_ring_noop,
	.allmulticast_disable = eth_ring_noop,
	.mac_addr_set = eth_ring_mac_addr_set,
	.rx_queue_setup = eth_ring_rx_queue_setup,
	.tx_queue_setup = eth_ring_tx_queue_setup,
	.rx_queue_release = eth_ring_queue_release,
	.tx_queue_release = eth_ring_queue_release,
	.stats_get = eth_ring_stats_get,
	.stats_reset = eth_ring_stats_reset,
	.xstats_get = eth_ring_xstats_get,
	.xstats_get_names = eth_ring_xstats_get_names,
};

/* Makes the port; takes over created[] (freed here on failure). */
static int
eth_ring_port_create(struct rte_vdev_device *vdev,
	const struct eth_ring_internal_args *args,
	struct rte_ring *const *created, unsigned int nb_created)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = RTE_ETH_LINK_UP,
	};
	struct eth_ring_private *priv;
	struct rte_eth_dev *dev;
	unsigned int i;

	dev = rte_eth_vdev_allocate(vdev, sizeof(*priv));
	if (dev == NULL)
		goto fail;
	dev->data->mac_addrs = rte_zmalloc("eth_ring_mac",
		sizeof(struct rte_ether_addr), 0);
	if (dev->data->mac_addrs == NULL) {
		ETH_RING_LOG(ERR, "%s: no memory for the MAC address", name);
		rte_eth_dev_release_port(dev);
		goto fail;
	}
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);
	priv = dev->data->dev_private;
	priv->nb_rx = args->nb_rx;
	priv->nb_tx = args->nb_tx;
	for (i = 0; i < args->nb_rx; i++)
		priv->rx[i].ring = args->rx[i];
	for (i = 0; i < args->nb_tx; i++)
		priv->tx[i].ring = args->tx[i];
	for (i = 0; i < nb_created; i++)
		priv->created[i] = created[i];
	priv->nb_created = nb_created;
	dev->data->numa_node = (int)args->numa_node;
	/* Link always up: LSC is accepted and never raised. */
	dev->data->dev_flags = RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS |
		RTE_ETH_DEV_INTR_LSC;
	dev->dev_ops = &eth_ring_ops;
	dev->rx_pkt_burst = eth_ring_rx_burst;
	dev->tx_pkt_burst = eth_ring_tx_burst;
	rte_eth_linkstatus_set(dev, &link);
	rte_eth_dev_probing_finish(dev);
	return 0;
fail:
	for (i = 0; i < nb_created; i++)
		rte_ring_free(created[i]);
	return -ENOMEM;
}

/* Makes or finds ring "ETH_RXTX<index>_<name>"; NULL (logged) if not. */
static struct rte_ring *
eth_ring_get(const char *port, unsigned int index, const char *name, int node,
	enum eth_ring_action action)
{
	char eth_ring_name[RTE_RING_NAMESIZE];
	struct rte_ring *ring;

	snprintf(eth_ring_name, sizeof(eth_ring_name), "ETH_RXTX%u_%s", index,
		name);
	if (action == ETH_RING_CREATE) {
		ring = rte_ring_create(eth_ring_name, ETH_RING_SIZE, node,
			RING_F_SP_ENQ | RING_F_SC_DEQ);
		if (ring == NULL)
			ETH_RING_LOG(ERR, "%s: cannot create ring %s: %s", port,
				eth_ring_name, rte_strerror(rte_errno));
	} else {
		ring = rte_ring_lookup(eth_ring_name);
		if (ring == NULL)
			ETH_RING_LOG(ERR,
				"%s: no ring %s to ATTACH to: start "
				"the CREATE port first",
				port, eth_ring_name);
	}
	return ring;
}

/*
 * The ETH_RING_MAX_QUEUES rings of a port from devargs, as DPDK 22.11 makes
 * them: queue i receives from and sends to the one ring
 * "ETH_RXTX<i>_<name>", so a port is looped to itself and ports that
 * share a NAME share the rings. CREATE makes them, ATTACH finds them.
 * 0, or -1 (logged, nothing left made).
 */
static int
eth_ring_get_all(struct eth_ring_nodeaction *na)
{
	char longest[RTE_RING_NAMESIZE];
	unsigned int i;
	int len;

	len = snprintf(longest, sizeof(longest), "ETH_RXTX%u_",
		ETH_RING_MAX_QUEUES - 1);
	if (strlen(na->name) >= sizeof(longest) - (size_t)len) {
		ETH_RING_LOG(ERR,
			"%s: ring name %s%s is too long: NAME (of "
			"nodeaction, else the port's) takes at most %zu "
			"characters",
			na->port, longest, na->name,
			sizeof(longest) - 1 - (size_t)len);
		return -1;
	}
	for (i = 0; i < ETH_RING_MAX_QUEUES; i++) {
		na->rings[i] = eth_ring_get(na->port, i, na->name, na->node,
			na->action);
		if (na->rings[i] == NULL)
			break;
	}
	if (i == ETH_RING_MAX_QUEUES)
		return 0;
	while (na->action == ETH_RING_CREATE && i-- > 0)
		rte_ring_free(na->rings[i]);
	return -1;
}

/*
 * NODE of a nodeaction: a NUMA node number, or -1 for any node
 * (SOCKET_ID_ANY, which DPDK's strtol() also lets through). 0 or -1.
 */
static int
eth_ring_parse_node(const char *text, int *node)
{
	char *end;
	long v;

	if (strcmp(text, "-1") == 0) {
		*node = SOCKET_ID_ANY;
		return 0;
	}
	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	v = strtol(text, &end, 10);
	if (errno != 0 || *end != '\0' || v >= RTE_MAX_NUMA_NODES)
		return -1;
	*node = (int)v;
	return 0;
}

/* One "NAME:NODE:ACTION": the rings of the whole port. */
static int
eth_ring_parse_nodeaction(const char *key __rte_unused, const char *value,
	void *opaque)
{
	struct eth_ring_nodeaction *na = opaque;
	char node_text[16], action[16];
	char tail;

	if (na->nb++ != 0) {
		ETH_RING_LOG(ERR,
			"%s: more than one nodeaction: a port has the "
			"%d rings of one NAME; give each NAME its own --vdev",
			na->port, ETH_RING_MAX_QUEUES);
		return -1;
	}
	if (value == NULL ||
		sscanf(value, "%63[^:]:%15[^:]:%15[^:]%c", na->name, node_text,
			action, &tail) != 3) {
		ETH_RING_LOG(ERR,
			"%s: bad nodeaction=%s, want NAME:NODE:"
			"CREATE|ATTACH",
			na->port, value != NULL ? value : "");
		return -1;
	}
	if (eth_ring_parse_node(node_text, &na->node) < 0) {
		ETH_RING_LOG(ERR,
			"%s: bad node '%s' in nodeaction=%s, want a NUMA "
			"node below %d, or -1 for any",
			na->port, node_text, value, RTE_MAX_NUMA_NODES);
		return -1;
	}
	if (strcmp(action, "CREATE") == 0) {
		na->action = ETH_RING_CREATE;
	} else if (strcmp(action, "ATTACH") == 0) {
		na->action = ETH_RING_ATTACH;
	} else {
		ETH_RING_LOG(ERR,
			"%s: bad action '%s' in nodeaction=%s, want "
			"CREATE or ATTACH",
			na->port, action, value);
		return -1;
	}
	return 0;
}

/*
 * Without devargs the rings are named after the port, on this lcore's
 * node; as in DPDK, a port whose rings exist already attaches to them.
 */
static void
eth_ring_default_nodeaction(struct eth_ring_nodeaction *na)
{
	char eth_ring_name[RTE_RING_NAMESIZE];

	snprintf(na->name, sizeof(na->name), "%s", na->port);
	na->node = (int)rte_socket_id();
	/* A name too long for a ring is refused when the rings are made. */
	if (snprintf(eth_ring_name, sizeof(eth_ring_name), "ETH_RXTX0_%s",
		    na->name) >= (int)sizeof(eth_ring_name))
		eth_ring_name[0] = '\0';
	na->action = eth_ring_name[0] != '\0' &&
			rte_ring_lookup(eth_ring_name) != NULL ?
		ETH_RING_ATTACH :
		ETH_RING_CREATE;
}

static int
eth_ring_probe_nodeactions(struct rte_vdev_device *vdev, struct rte_kvargs *kv)
{
	struct eth_ring_nodeaction na = { .port = rte_vdev_device_name(vdev) };
	struct eth_ring_internal_args args;

	if (kv == NULL || rte_kvargs_count(kv, ETH_RING_ARG_NODEACTION) == 0)
		eth_ring_default_nodeaction(&na);
	else if (rte_kvargs_process(kv, ETH_RING_ARG_NODEACTION,
			 eth_ring_parse_nodeaction, &na) != 0)
		return -EINVAL;
	if (eth_ring_get_all(&na) != 0)
		return -EINVAL;
	args = (struct eth_ring_internal_args){
		.rx = na.rings,
		.nb_rx = ETH_RING_MAX_QUEUES,
		.tx = na.rings,
		.nb_tx = ETH_RING_MAX_QUEUES,
		.numa_node = (unsigned int)na.node,
	};
	return eth_ring_port_create(vdev, &args, na.rings,
		na.action == ETH_RING_CREATE ? ETH_RING_MAX_QUEUES : 0);
}

static int
eth_ring_probe_internal(struct rte_vdev_device *vdev, const char *value)
{
	void *args = NULL;

	if (sscanf(value, "%p", &args) != 1 || args == NULL ||
		args != RTE_PER_LCORE(eth_ring_pending)) {
		ETH_RING_LOG(ERR,
			"%s: internal= is for rte_eth_from_rings() only",
			rte_vdev_device_name(vdev));
		return -EINVAL;
	}
	return eth_ring_port_create(vdev, RTE_PER_LCORE(eth_ring_pending), NULL,
		0);
}

static int
eth_ring_probe(struct rte_vdev_device *vdev)
{
	const char *text = rte_vdev_device_args(vdev);
	const char *internal;
	struct rte_kvargs *kv = NULL;
	int ret;

	if (text[0] != '\0') {
		kv = rte_kvargs_parse(text, eth_ring_valid_args);
		if (kv == NULL) {
			ETH_RING_LOG(ERR,
				"%s: bad devargs '%s' (valid keys: "
				"nodeaction)",
				rte_vdev_device_name(vdev), text);
			return -EINVAL;
		}
	}
	internal = kv != NULL ? rte_kvargs_get(kv, ETH_RING_ARG_INTERNAL) :
				NULL;
	if (kv != NULL && rte_kvargs_count(kv, ETH_RING_ARG_INTERNAL) != 0 &&
		internal == NULL) {
		/* A bare "internal" key: not a port with default rings. */
		ETH_RING_LOG(ERR,
			"%s: internal= is for rte_eth_from_rings() only",
			rte_vdev_device_name(vdev));
		ret = -EINVAL;
	} else if (internal != NULL)
		ret = eth_ring_probe_internal(vdev, internal);
	else
		ret = eth_ring_probe_nodeactions(vdev, kv);
	rte_kvargs_free(kv);
	return ret;
}

static int
eth_ring_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(
		rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0;
	if (dev->data->dev_started)
		rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_vdev_driver eth_ring_driver = {
	.probe = eth_ring_probe,
	.remove = eth_ring_remove,
};

RTE_PMD_REGISTER_VDEV(net_ring, eth_ring_driver);
RTE_PMD_REGISTER_ALIAS(net_ring, eth_ring);
RTE_PMD_REGISTER_PARAM_STRING(net_ring, "nodeaction=name:node:action");

int
rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[],
	const unsigned nb_rx_queues, struct rte_ring *const tx_queues[],
	const unsigned nb_tx_queues, const unsigned numa_node)
{
	struct eth_ring_internal_args args = {
		.rx = rx_queues,
		.nb_rx = nb_rx_queues,
		.tx = tx_queues,
		.nb_tx = nb_tx_queues,
		.numa_node = numa_node,
	};
	char dev_name[RTE_ETH_NAME_MAX_LEN], devargs[64];
	uint16_t port_id;
	unsigned int i;
	int ret;

	if (name == NULL || rx_queues == NULL || tx_queues == NULL ||
		nb_rx_queues == 0 || nb_rx_queues > ETH_RING_MAX_QUEUES ||
		nb_tx_queues == 0 || nb_tx_queues > ETH_RING_MAX_QUEUES) {
		ETH_RING_LOG(ERR,
			"rte_eth_from_rings: want a name and 1 to %d "
			"Rx and Tx rings",
			ETH_RING_MAX_QUEUES);
		rte_errno = EINVAL;
		return -1;
	}
	for (i = 0; i < nb_rx_queues; i++)
		if (rx_queues[i] == NULL)
			goto bad_ring;
	for (i = 0; i < nb_tx_queues; i++)
		if (tx_queues[i] == NULL)
			goto bad_ring;
	if (strncmp(name, "net_ring", 8) == 0 ||
		strncmp(name, "eth_ring", 8) == 0)
		ret = snprintf(dev_name, sizeof(dev_name), "%s", name);
	else
		ret = snprintf(dev_name, sizeof(dev_name), "net_ring_%s", name);
	if (ret < 0 || (size_t)ret >= sizeof(dev_name)) {
		ETH_RING_LOG(ERR, "rte_eth_from_rings: name '%s' is too long",
			name);
		rte_errno = EINVAL;
		return -1;
	}
	if (rte_eth_dev_get_port_by_name(dev_name, &port_id) == 0) {
		ETH_RING_LOG(ERR, "rte_eth_from_rings: port %s exists",
			dev_name);
		rte_errno = EEXIST;
		return -1;
	}
	snprintf(devargs, sizeof(devargs), ETH_RING_ARG_INTERNAL "=%p",
		(void *)&args);
	RTE_PER_LCORE(eth_ring_pending) = &args;
	ret = rte_vdev_init(dev_name, devargs);
	RTE_PER_LCORE(eth_ring_pending) = NULL;
	if (ret != 0 || rte_eth_dev_get_port_by_name(dev_name, &port_id) != 0) {
		rte_errno = ret == -EEXIST ? EEXIST : ENOMEM;
		return -1;
	}
	return port_id;
bad_ring:
	ETH_RING_LOG(ERR, "rte_eth_from_rings: a NULL ring");
	rte_errno = EINVAL;
	return -1;
}

int
rte_eth_from_ring(struct rte_ring *r)
{
	if (r == NULL) {
		ETH_RING_LOG(ERR, "rte_eth_from_ring: NULL ring");
		rte_errno = EINVAL;
		return -1;
	}
	return rte_eth_from_rings(r->name, &r, 1, &r, 1,
		r->memzone != NULL && r->memzone->socket_id >= 0 ?
			(unsigned int)r->memzone->socket_id :
			0);
}
