/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Ethernet ports: the API applications use to configure ports and queues
 * and to move packets in bursts.
 *
 * A port is made by a driver when its device is probed (rte_eal_init(),
 * or hot-plug) and has an id below RTE_MAX_ETHPORTS. Its life:
 *
 *   probed --configure--> configured --queue setup--> --start--> started
 *                          ^   |  (again, while stopped)           |
 *                          |   +------------ stop <----------------+
 *   closed <---close (stopped, configured or not)
 *
 * - rte_eth_dev_configure() sets the queue counts and the port
 *   configuration; then every queue is set up with
 *   rte_eth_rx_queue_setup() / rte_eth_tx_queue_setup(); then
 *   rte_eth_dev_start(). All three need a stopped port (-EBUSY).
 * - rte_eth_rx_burst() and rte_eth_tx_burst() are valid on a started
 *   port. On any other port they return 0 (never crash).
 * - rte_eth_dev_close() needs a stopped port; it releases the queues
 *   (their mbufs go back to their pools) and the port id, whose every
 *   call then fails with -ENODEV until a new device takes the id.
 *
 * Errors: calls returning int give 0 (or a count) on success and a
 * negative errno otherwise: -ENODEV (no such port), -EINVAL (bad
 * argument, queue, configuration, or a state that does not allow the
 * call), -ENOTSUP (the driver does not do it), -EBUSY (the port must be
 * stopped), -EIO (the device was removed), or the driver's error. A call
 * that fails changes nothing and logs one line saying why.
 *
 * Threads: control calls on one port must not run concurrently with each
 * other (DPDK's rule); port allocation, ownership and callback
 * registration are thread-safe. A queue must be polled by one thread at
 * a time.
 */
#ifndef _RTE_ETHDEV_H_
#define _RTE_ETHDEV_H_

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <time.h>

#include <rte_bitops.h>
#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_config.h>
#include <rte_dev.h>
#include <rte_dev_info.h>
#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_interrupts.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ethdev_types.h>
/*
 * What DPDK's rte_ethdev.h brings along (through rte_flow.h and its
 * trace headers), which applications that include only rte_ethdev.h use.
 */
#include <rte_cpuflags.h>
#include <rte_cycles.h>
#include <rte_devargs.h>
#include <rte_icmp.h>
#include <rte_ip.h>
#include <rte_mbuf_dyn.h>
#include <rte_random.h>
#include <rte_rwlock.h>
#include <rte_string_fns.h>
#include <rte_tcp.h>
#include <rte_udp.h>
#include <rte_vect.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef RTE_LIBRTE_ETHDEV_DEBUG
#define RTE_ETHDEV_DEBUG_RX
#define RTE_ETHDEV_DEBUG_TX
#endif

/** The ethdev log type ("lib.ethdev"). */
extern int rte_eth_dev_logtype;

/** Logs one line of ethdev (the format ends with "\n"). */
#define RTE_ETHDEV_LOG(level, ...) \
	rte_log(RTE_LOG_##level, rte_eth_dev_logtype, "ETHDEV: " __VA_ARGS__)

/** "Every port" in rte_eth_dev_callback_register(). */
#define RTE_ETH_ALL RTE_MAX_ETHPORTS

/** Returns retval (after a log line) when port_id is not a valid port. */
#define RTE_ETH_VALID_PORTID_OR_ERR_RET(port_id, retval) \
	do { \
		if (!rte_eth_dev_is_valid_port(port_id)) { \
			RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u\n", port_id); \
			return retval; \
		} \
	} while (0)

/** Returns (after a log line) when port_id is not a valid port. */
#define RTE_ETH_VALID_PORTID_OR_RET(port_id) \
	do { \
		if (!rte_eth_dev_is_valid_port(port_id)) { \
			RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u\n", port_id); \
			return; \
		} \
	} while (0)

/**
 * Rx burst callback: runs after the driver's receive, sees the nb_pkts
 * packets received (max_pkts is the caller's array size) and returns how
 * many the caller gets (it frees or keeps the rest itself).
 */
typedef uint16_t (*rte_rx_callback_fn)(uint16_t port_id, uint16_t queue,
	struct rte_mbuf *pkts[], uint16_t nb_pkts, uint16_t max_pkts,
	void *user_param);

/**
 * Tx burst callback: runs before the driver's transmit and returns how
 * many of the packets to hand to the driver (the first ones).
 */
typedef uint16_t (*rte_tx_callback_fn)(uint16_t port_id, uint16_t queue,
	struct rte_mbuf *pkts[], uint16_t nb_pkts, void *user_param);

/** State of a port slot. */
enum rte_eth_dev_state {
	RTE_ETH_DEV_UNUSED = 0, /**< free */
	RTE_ETH_DEV_ATTACHED,	/**< a device is behind it */
	RTE_ETH_DEV_REMOVED,	/**< the device went away (calls give -EIO) */
};

/** SR-IOV state of a port. */
struct rte_eth_dev_sriov {
	uint8_t active;
	uint8_t nb_q_per_pool;
	uint16_t def_vmdq_idx;
	uint16_t def_pool_q_idx;
};
#define RTE_ETH_DEV_SRIOV(dev) ((dev)->data->sriov)

/** Longest port name, NUL included. */
#define RTE_ETH_NAME_MAX_LEN RTE_DEV_NAME_MAX_LEN

/** Owner id of ports nobody owns. */
#define RTE_ETH_DEV_NO_OWNER 0
/** Longest owner name, NUL included. */
#define RTE_ETH_MAX_OWNER_NAME_LEN 64

/** Who owns a port: RTE_ETH_FOREACH_DEV() skips owned ports. */
struct rte_eth_dev_owner {
	uint64_t id;
	char name[RTE_ETH_MAX_OWNER_NAME_LEN];
};

/* Port flags (rte_eth_dev_info.dev_flags). */
#define RTE_ETH_DEV_FLOW_OPS_THREAD_SAFE RTE_BIT32(0)
#define RTE_ETH_DEV_INTR_LSC		 RTE_BIT32(1) /**< can do LSC events */
#define RTE_ETH_DEV_BONDED_SLAVE	 RTE_BIT32(2)
#define RTE_ETH_DEV_INTR_RMV		 RTE_BIT32(3) /**< can do RMV events */
#define RTE_ETH_DEV_REPRESENTOR		 RTE_BIT32(4)
#define RTE_ETH_DEV_NOLIVE_MAC_ADDR	 RTE_BIT32(5)
/** ethdev adds per-queue xstats from the basic per-queue counters. */
#define RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS RTE_BIT32(6)

/* ---------------------------------------------------------------------
 * Ports and owners
 */

/**
 * The first valid port at or after port_id owned by owner_id
 * (RTE_ETH_DEV_NO_OWNER: unowned ports), RTE_MAX_ETHPORTS if none.
 */
uint64_t rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id);

/** Loops p over the valid ports owned by o. */
#define RTE_ETH_FOREACH_DEV_OWNED_BY(p, o) \
	for (p = rte_eth_find_next_owned_by(0, o); \
		(unsigned int)p < (unsigned int)RTE_MAX_ETHPORTS; \
		p = rte_eth_find_next_owned_by(p + 1, o))

/** The first valid port at or after port_id (any owner), or RTE_MAX_ETHPORTS. */
uint16_t rte_eth_find_next(uint16_t port_id);

/** Loops p over the valid, unowned ports. */
#define RTE_ETH_FOREACH_DEV(p) \
	RTE_ETH_FOREACH_DEV_OWNED_BY (p, RTE_ETH_DEV_NO_OWNER)

/** The first valid port at or after port_id_start of that device. */
uint16_t
rte_eth_find_next_of(uint16_t port_id_start, const struct rte_device *parent);

/** Loops port_id over the ports of the device parent. */
#define RTE_ETH_FOREACH_DEV_OF(port_id, parent) \
	for (port_id = rte_eth_find_next_of(0, parent); \
		port_id < RTE_MAX_ETHPORTS; \
		port_id = rte_eth_find_next_of(port_id + 1, parent))

/**
 * Starts a walk over the ports of the device that devargs names (a
 * device name, with or without driver arguments: "net_null0,size=64").
 * @return 0; -EINVAL (NULL); -ENOTSUP (a devargs form without a device
 *   name). The walk must be ended by rte_eth_iterator_cleanup() unless
 *   rte_eth_iterator_next() reached the end.
 */
int rte_eth_iterator_init(struct rte_dev_iterator *iter, const char *devargs);

/** The next port of the walk, or RTE_MAX_ETHPORTS at the end (cleaned up). */
uint16_t rte_eth_iterator_next(struct rte_dev_iterator *iter);

/** Frees what rte_eth_iterator_init() allocated. */
void rte_eth_iterator_cleanup(struct rte_dev_iterator *iter);

/** Loops id over the ports that devargs names. */
#define RTE_ETH_FOREACH_MATCHING_DEV(id, devargs, iter) \
	for (rte_eth_iterator_init(iter, devargs), \
		id = rte_eth_iterator_next(iter); \
		id != RTE_MAX_ETHPORTS; id = rte_eth_iterator_next(iter))

/**
 * Makes a new owner id (never RTE_ETH_DEV_NO_OWNER).
 * @return 0, or -EINVAL for NULL.
 */
int rte_eth_dev_owner_new(uint64_t *owner_id);

/**
 * Gives an unowned port to owner (whose id came from
 * rte_eth_dev_owner_new()).
 * @return 0; -ENODEV; -EINVAL (NULL, unknown owner id, name too long);
 *   -EPERM (the port has another owner).
 */
int rte_eth_dev_owner_set(const uint16_t port_id,
	const struct rte_eth_dev_owner *owner);

/**
 * Releases a port owned by owner_id.
 * @return 0; -ENODEV; -EINVAL (unknown owner id); -EPERM (not its owner).
 */
int rte_eth_dev_owner_unset(const uint16_t port_id, const uint64_t owner_id);

/**
 * Releases every port owned by owner_id.
 * @return 0, or -EINVAL for an unknown owner id.
 */
int rte_eth_dev_owner_delete(const uint64_t owner_id);

/**
 * Copies the port's owner (id RTE_ETH_DEV_NO_OWNER and "" if none).
 * @return 0, -ENODEV, -EINVAL (NULL).
 */
int
rte_eth_dev_owner_get(const uint16_t port_id, struct rte_eth_dev_owner *owner);

/** Number of valid, unowned ports. */
uint16_t rte_eth_dev_count_avail(void);

/** Number of valid ports, owned or not. */
uint16_t rte_eth_dev_count_total(void);

/** 1 if port_id is a valid (attached) port, else 0. */
int rte_eth_dev_is_valid_port(uint16_t port_id);

/**
 * The port's NUMA node: -1 (SOCKET_ID_ANY) with rte_errno 0 when
 * unknown, -1 with rte_errno EINVAL for an invalid port.
 */
int rte_eth_dev_socket_id(uint16_t port_id);

/**
 * Copies the port's name into name (RTE_ETH_NAME_MAX_LEN bytes).
 * @return 0, -ENODEV, -EINVAL (NULL).
 */
int rte_eth_dev_get_name_by_port(uint16_t port_id, char *name);

/**
 * The port whose name is name.
 * @return 0 with *port_id set; -EINVAL (NULL); -ENODEV (no such port).
 */
int rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id);

/**
 * 1 if the device behind the port was removed (calls then fail with
 * -EIO), 0 otherwise (also for an invalid port).
 */
int rte_eth_dev_is_removed(uint16_t port_id);

/* ---------------------------------------------------------------------
 * Configuration and life cycle
 */

/**
 * Fills *dev_info (zeroed first) with the port's capabilities, limits
 * and defaults. Descriptor limits the driver leaves alone read
 * [0, UINT16_MAX] with alignment 1; max_rx/tx_queues are at most
 * RTE_MAX_QUEUES_PER_PORT.
 *
 * @return 0; -ENODEV; -EINVAL (NULL); -ENOTSUP; or the driver's error
 *   (*dev_info is then all zero).
 */
int rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *dev_info);

/**
 * Configures a stopped port: nb_rx_queue and nb_tx_queue queues (both 0:
 * the driver's preferred count, else 1 each) and *eth_conf, copied.
 * Checked against the device: queue counts (at most max_rx/tx_queues),
 * port offloads (within rx/tx_offload_capa), RSS hash types (within
 * flow_type_rss_offloads), rxmode.mtu (0 means RTE_ETHER_MTU; within
 * [min_mtu, max_mtu] and max_rx_pktlen), intr_conf.lsc/rmv (the device
 * must have RTE_ETH_DEV_INTR_LSC/RMV). Queues beyond the new counts are
 * released; the others are kept. A port may be configured again while
 * stopped.
 *
 * @return 0; -ENODEV; -EINVAL (NULL or a check failed); -EBUSY (started);
 *   -ENOTSUP; -ENOMEM; or the driver's error. On error the port keeps
 *   its previous configuration and queues.
 */
int rte_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queue,
	uint16_t nb_tx_queue, const struct rte_eth_conf *eth_conf);

/**
 * Copies the port's current configuration.
 * @return 0, -ENODEV, -EINVAL (NULL).
 */
__rte_experimental int
rte_eth_dev_conf_get(uint16_t port_id, struct rte_eth_conf *dev_conf);

/**
 * Rounds each given descriptor count up to the device's alignment and
 * clamps it into [nb_min, nb_max]; either pointer may be NULL.
 * @return 0, -ENODEV, or rte_eth_dev_info_get()'s error.
 */
int rte_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc,
	uint16_t *nb_tx_desc);

/**
 * Sets up (or sets up again) Rx queue rx_queue_id of a configured,
 * stopped port with nb_rx_desc descriptors (0: the driver's preference,
 * else 512) filled from mb_pool. rx_conf NULL means the driver's
 * default_rxconf; its offloads may add queue offloads (within
 * rx_queue_offload_capa) to the port's. socket_id is the NUMA node for
 * the ring; (unsigned int)SOCKET_ID_ANY means the port's node.
 *
 * @return 0; -ENODEV; -EINVAL (queue id not below the configured count,
 *   NULL pool, descriptor count outside rx_desc_lim or not aligned,
 *   offloads beyond capa); -ENOSPC (mbufs too small for the device);
 *   -EBUSY (port started); -ENOTSUP; -ENOMEM; or the driver's error.
 */
int rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id,
	uint16_t nb_rx_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *rx_conf, struct rte_mempool *mb_pool);

/**
 * The same for Tx queue tx_queue_id (tx_conf NULL: default_txconf; 0
 * descriptors: the driver's preference, else 512).
 *
 * @return 0; -ENODEV; -EINVAL; -EBUSY; -ENOTSUP; -ENOMEM; or the
 *   driver's error.
 */
int rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id,
	uint16_t nb_tx_desc, unsigned int socket_id,
	const struct rte_eth_txconf *tx_conf);

/**
 * Starts a configured port: the driver starts its device and queues
 * (those not set up with deferred start), the promiscuous and
 * all-multicast modes are applied again, the link is read when LSC
 * interrupts are off, and the burst calls go to the driver.
 *
 * @return 0 (also when already started); -ENODEV; -EINVAL (not
 *   configured); -ENOTSUP; -EAGAIN (try again); or the driver's error.
 */
int rte_eth_dev_start(uint16_t port_id);

/**
 * Stops a started port: bursts return 0 from now on, then the driver
 * stops. Queues keep their setup; the port can be started again.
 *
 * @return 0 (also when already stopped); -ENODEV; -ENOTSUP; or the
 *   driver's error.
 */
int rte_eth_dev_stop(uint16_t port_id);

/**
 * Closes a stopped port: every queue is released (its mbufs go back to
 * their pools), the driver frees its device, RTE_ETH_EVENT_DESTROY is
 * raised, and the port id becomes free.
 *
 * @return 0; -ENODEV; -EINVAL (started); -ENOTSUP; or the driver's
 *   error (the port is released anyway).
 */
int rte_eth_dev_close(uint16_t port_id);

/**
 * Resets the device (after an RTE_ETH_EVENT_INTR_RESET, say): stops the
 * port and calls the driver's reset; the port must then be configured
 * again.
 * @return 0; -ENODEV; -ENOTSUP; or the driver's error.
 */
int rte_eth_dev_reset(uint16_t port_id);

/**
 * Starts (stops) one Rx or Tx queue of a configured port, for queues set
 * up with deferred start or stopped before.
 *
 * @return 0 (also when already in that state); -ENODEV; -EINVAL (not
 *   configured, bad queue id, queue not set up); -ENOTSUP; or the
 *   driver's error.
 */
int rte_eth_dev_rx_queue_start(uint16_t port_id, uint16_t rx_queue_id);
int rte_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t rx_queue_id);
int rte_eth_dev_tx_queue_start(uint16_t port_id, uint16_t tx_queue_id);
int rte_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t tx_queue_id);

/**
 * What an Rx (Tx) queue was set up with, and its state.
 * @return 0; -ENODEV; -EINVAL (NULL, bad queue id, queue not set up);
 *   -ENOTSUP.
 */
int rte_eth_rx_queue_info_get(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_rxq_info *qinfo);
int rte_eth_tx_queue_info_get(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_txq_info *qinfo);

/**
 * Asks the driver to free up to free_cnt (0: all) sent mbufs of a Tx
 * queue now.
 * @return the number freed, or -ENODEV, -EINVAL, -ENOTSUP.
 */
int
rte_eth_tx_done_cleanup(uint16_t port_id, uint16_t queue_id, uint32_t free_cnt);

/** Brings the link up (down) administratively. 0, -ENODEV, -ENOTSUP. */
int rte_eth_dev_set_link_up(uint16_t port_id);
int rte_eth_dev_set_link_down(uint16_t port_id);

/** The name of one RTE_ETH_RX_OFFLOAD_* bit ("VLAN_STRIP"), or "UNKNOWN". */
const char *rte_eth_dev_rx_offload_name(uint64_t offload);

/** The name of one RTE_ETH_TX_OFFLOAD_* bit, or "UNKNOWN". */
const char *rte_eth_dev_tx_offload_name(uint64_t offload);

/** The name of one RTE_ETH_DEV_CAPA_* bit, or "UNKNOWN". */
__rte_experimental const char *rte_eth_dev_capability_name(uint64_t capability);

/**
 * The RTE_ETH_LINK_SPEED_* flag of a speed in Mbps (and duplex); 0 for
 * a speed with no flag.
 */
uint32_t rte_eth_speed_bitflag(uint32_t speed, int duplex);

/* ---------------------------------------------------------------------
 * Receive modes, addresses, MTU, link
 */

/**
 * Turns promiscuous (all-multicast) mode on or off. Turning on a mode
 * that is on does nothing and returns 0.
 * @return 0; -ENODEV; -ENOTSUP; or the driver's error (the mode is then
 *   as before).
 */
int rte_eth_promiscuous_enable(uint16_t port_id);
int rte_eth_promiscuous_disable(uint16_t port_id);
int rte_eth_allmulticast_enable(uint16_t port_id);
int rte_eth_allmulticast_disable(uint16_t port_id);

/** 1 if the mode is on, 0 if off, -ENODEV for an invalid port. */
int rte_eth_promiscuous_get(uint16_t port_id);
int rte_eth_allmulticast_get(uint16_t port_id);

/**
 * Copies the port's default (first) MAC address.
 * @return 0, -ENODEV, -EINVAL (NULL).
 */
int rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr);

/**
 * Copies up to num entries of the port's MAC address table (unused
 * entries are zero).
 * @return the number copied, or -ENODEV, -EINVAL (NULL, num 0).
 */
__rte_experimental int rte_eth_macaddrs_get(uint16_t port_id,
	struct rte_ether_addr *ma, unsigned int num);

/**
 * Replaces the default MAC address.
 * @return 0; -ENODEV; -EINVAL (NULL, not a valid unicast address);
 *   -EEXIST (it is already a secondary address of the port); -ENOTSUP;
 *   or the driver's error.
 */
int rte_eth_dev_default_mac_addr_set(uint16_t port_id,
	struct rte_ether_addr *mac_addr);

/**
 * Adds a receive MAC address for VMDq pool pool (0 without VMDq). Adding
 * an address that is there for that pool does nothing.
 * @return 0; -ENODEV; -EINVAL (NULL, zero address, pool >= 64); -ENOSPC
 *   (table full); -ENOTSUP; or the driver's error.
 */
int rte_eth_dev_mac_addr_add(uint16_t port_id, struct rte_ether_addr *mac_addr,
	uint32_t pool);

/**
 * Removes a receive MAC address; an address not in the table is no
 * error.
 * @return 0; -ENODEV; -EINVAL (NULL); -EADDRINUSE (the default address);
 *   -ENOTSUP.
 */
int
rte_eth_dev_mac_addr_remove(uint16_t port_id, struct rte_ether_addr *mac_addr);

/**
 * Replaces the list of multicast addresses to receive (0 entries: none).
 * @return 0; -ENODEV; -EINVAL; -ENOTSUP; or the driver's error.
 */
int rte_eth_dev_set_mc_addr_list(uint16_t port_id,
	struct rte_ether_addr *mc_addr_set, uint32_t nb_mc_addr);

/** Copies the port's MTU. 0, -ENODEV, -EINVAL (NULL). */
int rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu);

/**
 * Sets the MTU of a configured port.
 * @return 0; -ENODEV; -EINVAL (not configured, outside [min_mtu,
 *   max_mtu] or the frame would pass max_rx_pktlen); -ENOTSUP; or the
 *   driver's error.
 */
int rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu);

/**
 * The link state, waiting (up to the driver's limit, seconds on some
 * NICs) for it to come up. With LSC interrupts on and the port started it
 * is the state the last interrupt reported.
 * @return 0, -ENODEV, -EINVAL (NULL), -ENOTSUP.
 */
int rte_eth_link_get(uint16_t port_id, struct rte_eth_link *link);

/** rte_eth_link_get() without waiting. */
int rte_eth_link_get_nowait(uint16_t port_id, struct rte_eth_link *link);

/**
 * "None", "10 Mbps", "100 Mbps", "1 Gbps", "2.5 Gbps", "5 Gbps",
 * "10 Gbps", "20 Gbps", "25 Gbps", "40 Gbps", "50 Gbps", "56 Gbps",
 * "100 Gbps", "200 Gbps", "Unknown" (RTE_ETH_SPEED_NUM_UNKNOWN), or
 * "Invalid" for any other value.
 */
__rte_experimental const char *rte_eth_link_speed_to_str(uint32_t link_speed);

/**
 * Writes "Link down", or "Link up at <speed> <FDX|HDX> <Autoneg|Fixed>"
 * (speed as rte_eth_link_speed_to_str()), into str as snprintf would.
 * @return the length of the whole text, or -EINVAL (NULL, len 0).
 */
__rte_experimental int
rte_eth_link_to_str(char *str, size_t len, const struct rte_eth_link *eth_link);

/* ---------------------------------------------------------------------
 * Statistics
 */

/**
 * Reads the basic counters (zeroed first; rx_nombuf is ethdev's count
 * of the driver's mbuf allocation failures).
 * @return 0, -ENODEV, -EINVAL (NULL), -ENOTSUP, or the driver's error.
 */
int rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats);

/** Resets the basic counters. 0, -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_stats_reset(uint16_t port_id);

/**
 * Names of the extended statistics. Their order and ids: first the
 * basic counters ("rx_good_packets", "tx_good_packets", "rx_good_bytes",
 * "tx_good_bytes", "rx_missed_errors", "rx_errors", "tx_errors",
 * "rx_mbuf_allocation_errors"), then, for drivers with
 * RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS, "rx_q<N>_packets", "rx_q<N>_bytes"
 * for the first RTE_ETHDEV_QUEUE_STAT_CNTRS Rx queues and
 * "tx_q<N>_packets", "tx_q<N>_bytes" for the Tx queues, then the
 * driver's own.
 *
 * @return the number of statistics: when it is larger than size or
 *   xstats_names is NULL nothing is written; -ENODEV or the driver's
 *   error.
 */
int rte_eth_xstats_get_names(uint16_t port_id,
	struct rte_eth_xstat_name *xstats_names, unsigned int size);

/**
 * Values of the extended statistics, in the order of the names, each
 * with its id.
 * @return the number of statistics (nothing written when larger than n
 *   or xstats is NULL); -ENODEV; or the error of reading them.
 */
int rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats,
	unsigned int n);

/**
 * Names of the statistics whose ids are in ids[0..size) (ids NULL: as
 * rte_eth_xstats_get_names()).
 * @return size; -ENODEV; -EINVAL (NULL names with ids, an unknown id).
 */
int rte_eth_xstats_get_names_by_id(uint16_t port_id,
	struct rte_eth_xstat_name *xstats_names, unsigned int size,
	uint64_t *ids);

/**
 * Values of the statistics whose ids are in ids[0..size). With ids NULL,
 * all values when size is large enough; the number of statistics either
 * way.
 * @return size (or the count, with ids NULL); -ENODEV; -EINVAL (NULL
 *   values with ids, an unknown id).
 */
int rte_eth_xstats_get_by_id(uint16_t port_id, const uint64_t *ids,
	uint64_t *values, unsigned int size);

/**
 * The id of the statistic called xstat_name.
 * @return 0; -ENODEV; -EINVAL (NULL, no such name).
 */
int rte_eth_xstats_get_id_by_name(uint16_t port_id, const char *xstat_name,
	uint64_t *id);

/** Resets the extended (and basic) statistics. 0, -ENODEV, -ENOTSUP. */
int rte_eth_xstats_reset(uint16_t port_id);

/* ---------------------------------------------------------------------
 * RSS, packet types, clock, firmware
 */

/**
 * Changes the RSS hash types and key of a port configured with an RSS
 * mq_mode.
 * @return 0; -ENODEV; -EINVAL (NULL, types beyond
 *   flow_type_rss_offloads); -ENOTSUP (no RSS mode, or no driver op).
 */
int rte_eth_dev_rss_hash_update(uint16_t port_id,
	struct rte_eth_rss_conf *rss_conf);

/**
 * Reads the RSS hash types and, if rss_key is not NULL, the key.
 * @return 0, -ENODEV, -EINVAL (NULL), -ENOTSUP.
 */
int rte_eth_dev_rss_hash_conf_get(uint16_t port_id,
	struct rte_eth_rss_conf *rss_conf);

/**
 * Writes the redirection table entries whose mask bits are set
 * (reta_size entries in groups of RTE_ETH_RETA_GROUP_SIZE).
 * @return 0; -ENODEV; -EINVAL (NULL, size 0, no mask bit set, a queue
 *   not configured); -ENOTSUP (no RSS mode, or no driver op); or the
 *   driver's error (wrong reta_size).
 */
int rte_eth_dev_rss_reta_update(uint16_t port_id,
	struct rte_eth_rss_reta_entry64 *reta_conf, uint16_t reta_size);

/** Reads the masked redirection table entries; same errors. */
int rte_eth_dev_rss_reta_query(uint16_t port_id,
	struct rte_eth_rss_reta_entry64 *reta_conf, uint16_t reta_size);

/**
 * The packet types (RTE_PTYPE_*) within ptype_mask the driver
 * recognises: up to num of them are written.
 * @return how many there are (0 when the driver does not say); -ENODEV;
 *   -EINVAL (ptypes NULL with num > 0).
 */
int rte_eth_dev_get_supported_ptypes(uint16_t port_id, uint32_t ptype_mask,
	uint32_t *ptypes, int num);

/**
 * Tells the driver that only the packet types in ptype_mask matter
 * (RTE_PTYPE_UNKNOWN: none; the driver may then skip parsing). Each
 * layer's bits must be all set or all clear. Up to num - 1 of the
 * supported types kept are written to set_ptypes, followed by
 * RTE_PTYPE_UNKNOWN.
 * @return 0 (also when the driver cannot be told); -ENODEV; -EINVAL
 *   (set_ptypes NULL with num > 0, a partial layer mask); or the
 *   driver's error.
 */
int rte_eth_dev_set_ptypes(uint16_t port_id, uint32_t ptype_mask,
	uint32_t *set_ptypes, unsigned int num);

/**
 * Reads the device's free-running clock (the unit of its Rx timestamps).
 * @return 0, -ENODEV, -EINVAL (NULL), -ENOTSUP.
 */
__rte_experimental int rte_eth_read_clock(uint16_t port_id, uint64_t *clock);

/**
 * Writes the firmware version text into fw_version.
 * @return 0; the buffer size needed (> 0) when fw_size is too small;
 *   -ENODEV; -EINVAL (NULL with fw_size > 0); -ENOTSUP.
 */
int
rte_eth_dev_fw_version_get(uint16_t port_id, char *fw_version, size_t fw_size);

#include <rte_ethdev_features.h>

/* ---------------------------------------------------------------------
 * Events and interrupts
 */

/** Events a port raises (rte_eth_dev_callback_register()). */
enum rte_eth_event_type {
	RTE_ETH_EVENT_UNKNOWN,
	RTE_ETH_EVENT_INTR_LSC, /**< link state changed */
	RTE_ETH_EVENT_QUEUE_STATE,
	RTE_ETH_EVENT_INTR_RESET, /**< the device must be reset */
	RTE_ETH_EVENT_VF_MBOX,
	RTE_ETH_EVENT_MACSEC,
	RTE_ETH_EVENT_INTR_RMV, /**< the device was removed */
	RTE_ETH_EVENT_NEW,	/**< a port was made */
	RTE_ETH_EVENT_DESTROY,	/**< a port was released */
	RTE_ETH_EVENT_IPSEC,
	RTE_ETH_EVENT_FLOW_AGED,
	RTE_ETH_EVENT_RX_AVAIL_THRESH,
	RTE_ETH_EVENT_ERR_RECOVERING,
	RTE_ETH_EVENT_RECOVERY_SUCCESS,
	RTE_ETH_EVENT_RECOVERY_FAILED,
	RTE_ETH_EVENT_MAX
};

/**
 * An event callback; ret_param is event-specific (NULL for LSC, NEW,
 * DESTROY). Its return value is given back to the driver that raised
 * the event.
 */
typedef int (*rte_eth_dev_cb_fn)(uint16_t port_id,
	enum rte_eth_event_type event, void *cb_arg, void *ret_param);

/**
 * Calls cb_fn(port, event, cb_arg, ret_param) each time the port
 * (RTE_ETH_ALL: any port, also ports made later) raises event. LSC
 * events need intr_conf.lsc = 1 and come from the EAL interrupt thread;
 * NEW and DESTROY come from the thread that probes or closes the port.
 * Callbacks of one event run in the order they were registered;
 * registering the same (port, event, cb_fn, cb_arg) twice adds nothing.
 *
 * @return 0; -EINVAL (NULL cb_fn, invalid port, bad event); -ENOMEM.
 */
int rte_eth_dev_callback_register(uint16_t port_id,
	enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg);

/**
 * Removes the callbacks registered with these port_id, event and cb_fn
 * and with cb_arg ((void *)-1: any argument).
 * @return 0 (also when none matched); -EINVAL; -EAGAIN (one of them is
 *   running now: try again; the others were removed).
 */
int rte_eth_dev_callback_unregister(uint16_t port_id,
	enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn, void *cb_arg);

/**
 * Arms (disarms) the interrupt of an Rx queue: with it armed, the
 * queue's event fd fires when packets arrive (see
 * rte_eth_dev_rx_intr_ctl_q()). Needs intr_conf.rxq = 1.
 * @return 0; -ENODEV; -EINVAL (bad queue); -ENOTSUP; or the driver's
 *   error.
 */
int rte_eth_dev_rx_intr_enable(uint16_t port_id, uint16_t queue_id);
int rte_eth_dev_rx_intr_disable(uint16_t port_id, uint16_t queue_id);

/**
 * Adds (RTE_INTR_EVENT_ADD) or removes (RTE_INTR_EVENT_DEL) the event fd
 * of Rx queue queue_id to or from the epoll instance epfd
 * (RTE_EPOLL_PER_THREAD: the calling thread's); data comes back in
 * rte_epoll_event.epdata.data from rte_epoll_wait().
 * @return 0; -ENODEV; -EINVAL (bad queue); -ENOTSUP (no interrupt
 *   handle); -EPERM (no vector for the queue); -EEXIST (already added).
 */
int rte_eth_dev_rx_intr_ctl_q(uint16_t port_id, uint16_t queue_id, int epfd,
	int op, void *data);

/** rte_eth_dev_rx_intr_ctl_q() for every Rx queue of the port. */
int rte_eth_dev_rx_intr_ctl(uint16_t port_id, int epfd, int op, void *data);

/** The event fd of an Rx queue, or -1 (with a log line) if it has none. */
int rte_eth_dev_rx_intr_ctl_q_get_fd(uint16_t port_id, uint16_t queue_id);

/* ---------------------------------------------------------------------
 * Burst callbacks
 */

/** A burst callback, as returned by the calls below. */
struct rte_eth_rxtx_callback;

/**
 * Adds fn at the end of the Rx callbacks of a queue: each
 * rte_eth_rx_burst() on it runs the callbacks in order after the driver.
 * May be called while the port runs.
 *
 * @return the handle for rte_eth_remove_rx_callback(), or NULL with
 *   rte_errno EINVAL (invalid port, NULL fn, queue not configured) or
 *   ENOMEM.
 */
const struct rte_eth_rxtx_callback *rte_eth_add_rx_callback(uint16_t port_id,
	uint16_t queue_id, rte_rx_callback_fn fn, void *user_param);

/** rte_eth_add_rx_callback(), but fn runs before the ones there. */
const struct rte_eth_rxtx_callback *
rte_eth_add_first_rx_callback(uint16_t port_id, uint16_t queue_id,
	rte_rx_callback_fn fn, void *user_param);

/** The same for Tx: callbacks run in order before the driver. */
const struct rte_eth_rxtx_callback *rte_eth_add_tx_callback(uint16_t port_id,
	uint16_t queue_id, rte_tx_callback_fn fn, void *user_param);

/**
 * Unlinks a callback. A burst running on another thread may still be
 * calling it: its memory is not freed here. Once no burst can be using
 * it any more, the application may rte_free() it; ethdev frees the
 * callbacks still linked when the port is closed.
 *
 * @return 0; -ENODEV; -EINVAL (NULL, bad queue, not a callback of that
 *   queue).
 */
int rte_eth_remove_rx_callback(uint16_t port_id, uint16_t queue_id,
	const struct rte_eth_rxtx_callback *user_cb);
int rte_eth_remove_tx_callback(uint16_t port_id, uint16_t queue_id,
	const struct rte_eth_rxtx_callback *user_cb);

/* ---------------------------------------------------------------------
 * Tx buffers: collect packets one by one, send them in bursts.
 */

/** Gets the packets a flush could not send (they are the callee's now). */
typedef void (*buffer_tx_error_fn)(struct rte_mbuf **unsent, uint16_t count,
	void *userdata);

/** A Tx buffer; allocate RTE_ETH_TX_BUFFER_SIZE(size) bytes for it. */
struct rte_eth_dev_tx_buffer {
	buffer_tx_error_fn error_callback;
	void *error_userdata;
	uint16_t size;		 /**< capacity in packets */
	uint16_t length;	 /**< packets held now */
	struct rte_mbuf *pkts[]; /**< the packets held */
};

/** Bytes of a Tx buffer for sz packets. */
#define RTE_ETH_TX_BUFFER_SIZE(sz) \
	(sizeof(struct rte_eth_dev_tx_buffer) + \
		(sz) * sizeof(struct rte_mbuf *))

/**
 * Prepares a buffer for size packets; installs
 * rte_eth_tx_buffer_drop_callback() unless an error callback is set.
 * @return 0, or -EINVAL (NULL, size 0).
 */
int rte_eth_tx_buffer_init(struct rte_eth_dev_tx_buffer *buffer, uint16_t size);

/**
 * Sets the callback that gets the packets a flush could not send.
 * @return 0, or -EINVAL (NULL buffer or callback).
 */
int rte_eth_tx_buffer_set_err_callback(struct rte_eth_dev_tx_buffer *buffer,
	buffer_tx_error_fn callback, void *userdata);

/** Error callback that frees the unsent packets. */
void rte_eth_tx_buffer_drop_callback(struct rte_mbuf **pkts, uint16_t unsent,
	void *userdata);

/**
 * Error callback that frees the unsent packets and adds their number to
 * the uint64_t that userdata points to.
 */
void rte_eth_tx_buffer_count_callback(struct rte_mbuf **pkts, uint16_t unsent,
	void *userdata);

#include <rte_ethdev_core.h>

/* ---------------------------------------------------------------------
 * Fast path. Arguments are checked only when built with debug_checks
 * (RTE_LIBRTE_ETHDEV_DEBUG).
 */

/** Runs the Rx callback list that starts at opaque (used by the inline). */
uint16_t rte_eth_call_rx_callbacks(uint16_t port_id, uint16_t queue_id,
	struct rte_mbuf **rx_pkts, uint16_t nb_rx, uint16_t nb_pkts,
	void *opaque);

/** Runs the Tx callback list that starts at opaque (used by the inline). */
uint16_t rte_eth_call_tx_callbacks(uint16_t port_id, uint16_t queue_id,
	struct rte_mbuf **tx_pkts, uint16_t nb_pkts, void *opaque);

/**
 * Receives up to nb_pkts packets from an Rx queue of a started port
 * into rx_pkts, then runs the queue's Rx callbacks.
 *
 * @return the number of packets stored (0 is normal, and is what a port
 *   that is not started gives).
 */
static inline uint16_t
rte_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts,
	const uint16_t nb_pkts)
{
	struct rte_eth_fp_ops *ops;
	void *queue, *callbacks;
	uint16_t nb_rx;

#ifdef RTE_ETHDEV_DEBUG_RX
	if (port_id >= RTE_MAX_ETHPORTS ||
		queue_id >= RTE_MAX_QUEUES_PER_PORT ||
		!rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR,
			"rx burst: invalid port_id=%u or queue_id=%u\n",
			port_id, queue_id);
		return 0;
	}
#endif
	ops = &rte_eth_fp_ops[port_id];
	queue = ops->rxq.data[queue_id];
#ifdef RTE_ETHDEV_DEBUG_RX
	if (queue == NULL) {
		RTE_ETHDEV_LOG(ERR,
			"rx burst: queue %u of port %u is not "
			"set up or the port is not started\n",
			queue_id, port_id);
		return 0;
	}
#endif
	nb_rx = ops->rx_pkt_burst(queue, rx_pkts, nb_pkts);
#if defined(RTE_ETHDEV_RXTX_CALLBACKS) && RTE_ETHDEV_RXTX_CALLBACKS
	/* Pairs with the release store that links a callback in
	 * rte_eth_add_rx_callback(): its contents are visible here. */
	callbacks = __atomic_load_n(&ops->rxq.clbk[queue_id], __ATOMIC_ACQUIRE);
	if (unlikely(callbacks != NULL))
		nb_rx = rte_eth_call_rx_callbacks(port_id, queue_id, rx_pkts,
			nb_rx, nb_pkts, callbacks);
#else
	(void)callbacks;
#endif
	return nb_rx;
}

/**
 * Number of used descriptors of an Rx queue (packets waiting).
 * @return the count; -ENOTSUP when the driver cannot tell (or the port
 *   is not started); with debug_checks also -ENODEV and -EINVAL.
 */
static inline int
rte_eth_rx_queue_count(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_fp_ops *ops;
	void *queue;

#ifdef RTE_ETHDEV_DEBUG_RX
	if (port_id >= RTE_MAX_ETHPORTS || !rte_eth_dev_is_valid_port(port_id))
		return -ENODEV;
	if (queue_id >= RTE_MAX_QUEUES_PER_PORT)
		return -EINVAL;
#endif
	ops = &rte_eth_fp_ops[port_id];
	queue = ops->rxq.data[queue_id];
#ifdef RTE_ETHDEV_DEBUG_RX
	if (queue == NULL)
		return -EINVAL;
#endif
	if (ops->rx_queue_count == NULL)
		return -ENOTSUP;
	return (int)ops->rx_queue_count(queue);
}

/* Rx descriptor states (rte_eth_rx_descriptor_status()). */
#define RTE_ETH_RX_DESC_AVAIL	0 /**< owned by the device, empty */
#define RTE_ETH_RX_DESC_DONE	1 /**< holds a received packet */
#define RTE_ETH_RX_DESC_UNAVAIL 2 /**< neither (beyond the ring, held) */

/**
 * State of the Rx descriptor offset places after the next one to read.
 * @return RTE_ETH_RX_DESC_*, or -EINVAL (offset too large), -ENOTSUP.
 */
static inline int
rte_eth_rx_descriptor_status(uint16_t port_id, uint16_t queue_id,
	uint16_t offset)
{
	struct rte_eth_fp_ops *ops;

#ifdef RTE_ETHDEV_DEBUG_RX
	if (port_id >= RTE_MAX_ETHPORTS || queue_id >= RTE_MAX_QUEUES_PER_PORT)
		return -EINVAL;
#endif
	ops = &rte_eth_fp_ops[port_id];
	if (ops->rx_descriptor_status == NULL)
		return -ENOTSUP;
	return ops->rx_descriptor_status(ops->rxq.data[queue_id], offset);
}

/* Tx descriptor states (rte_eth_tx_descriptor_status()). */
#define RTE_ETH_TX_DESC_FULL	0 /**< holds a packet not yet sent */
#define RTE_ETH_TX_DESC_DONE	1 /**< sent, or free */
#define RTE_ETH_TX_DESC_UNAVAIL 2 /**< beyond the ring, or held */

/** State of the Tx descriptor offset places after the last one written. */
static inline int
rte_eth_tx_descriptor_status(uint16_t port_id, uint16_t queue_id,
	uint16_t offset)
{
	struct rte_eth_fp_ops *ops;

#ifdef RTE_ETHDEV_DEBUG_TX
	if (port_id >= RTE_MAX_ETHPORTS || queue_id >= RTE_MAX_QUEUES_PER_PORT)
		return -EINVAL;
#endif
	ops = &rte_eth_fp_ops[port_id];
	if (ops->tx_descriptor_status == NULL)
		return -ENOTSUP;
	return ops->tx_descriptor_status(ops->txq.data[queue_id], offset);
}

/**
 * Runs the queue's Tx callbacks, then hands up to nb_pkts packets to the
 * driver of a started port.
 *
 * @return the number of packets the driver took (the first ones; it
 *   frees them once sent). The caller still owns the others and must
 *   send them again or free them. A port that is not started takes none.
 */
static inline uint16_t
rte_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
	uint16_t nb_pkts)
{
	struct rte_eth_fp_ops *ops;
	void *queue, *callbacks;

#ifdef RTE_ETHDEV_DEBUG_TX
	if (port_id >= RTE_MAX_ETHPORTS ||
		queue_id >= RTE_MAX_QUEUES_PER_PORT ||
		!rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR,
			"tx burst: invalid port_id=%u or queue_id=%u\n",
			port_id, queue_id);
		return 0;
	}
#endif
	ops = &rte_eth_fp_ops[port_id];
	queue = ops->txq.data[queue_id];
#ifdef RTE_ETHDEV_DEBUG_TX
	if (queue == NULL) {
		RTE_ETHDEV_LOG(ERR,
			"tx burst: queue %u of port %u is not "
			"set up or the port is not started\n",
			queue_id, port_id);
		return 0;
	}
#endif
#if defined(RTE_ETHDEV_RXTX_CALLBACKS) && RTE_ETHDEV_RXTX_CALLBACKS
	/* Pairs with the release store in rte_eth_add_tx_callback(). */
	callbacks = __atomic_load_n(&ops->txq.clbk[queue_id], __ATOMIC_ACQUIRE);
	if (unlikely(callbacks != NULL))
		nb_pkts = rte_eth_call_tx_callbacks(port_id, queue_id, tx_pkts,
			nb_pkts, callbacks);
#else
	(void)callbacks;
#endif
	return ops->tx_pkt_burst(queue, tx_pkts, nb_pkts);
}

/**
 * Checks (and fixes up, for offloads such as checksums) packets before
 * rte_eth_tx_burst(), for drivers that need it.
 *
 * @return the number of leading packets that are fine; when it is less
 *   than nb_pkts, rte_errno says what is wrong with the next one.
 */
static inline uint16_t
rte_eth_tx_prepare(uint16_t port_id, uint16_t queue_id,
	struct rte_mbuf **tx_pkts, uint16_t nb_pkts)
{
	struct rte_eth_fp_ops *ops;

#ifdef RTE_ETHDEV_DEBUG_TX
	if (port_id >= RTE_MAX_ETHPORTS || !rte_eth_dev_is_valid_port(port_id)) {
		rte_errno = ENODEV;
		return 0;
	}
	if (queue_id >= RTE_MAX_QUEUES_PER_PORT) {
		rte_errno = EINVAL;
		return 0;
	}
#endif
	ops = &rte_eth_fp_ops[port_id];
	if (ops->tx_pkt_prepare == NULL)
		return nb_pkts;
	return ops->tx_pkt_prepare(ops->txq.data[queue_id], tx_pkts, nb_pkts);
}

/**
 * Sends everything the buffer holds; the packets that could not be sent
 * go to the buffer's error callback. The buffer is empty afterwards.
 *
 * @return the number sent.
 */
static inline uint16_t
rte_eth_tx_buffer_flush(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_dev_tx_buffer *buffer)
{
	uint16_t to_send = buffer->length, sent;

	if (to_send == 0)
		return 0;
	sent = rte_eth_tx_burst(port_id, queue_id, buffer->pkts, to_send);
	buffer->length = 0;
	if (unlikely(sent < to_send))
		buffer->error_callback(&buffer->pkts[sent],
			(uint16_t)(to_send - sent), buffer->error_userdata);
	return sent;
}

/**
 * Adds one packet to the buffer; when the buffer is then full it is
 * flushed.
 *
 * @return the number sent by that flush, 0 when the packet was only
 *   buffered.
 */
static __rte_always_inline uint16_t
rte_eth_tx_buffer(uint16_t port_id, uint16_t queue_id,
	struct rte_eth_dev_tx_buffer *buffer, struct rte_mbuf *tx_pkt)
{
	buffer->pkts[buffer->length++] = tx_pkt;
	if (buffer->length < buffer->size)
		return 0;
	return rte_eth_tx_buffer_flush(port_id, queue_id, buffer);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHDEV_H_ */
