/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * What a poll-mode driver sees of ethdev: the port structures, the table
 * of control operations it fills in, and the calls to make and release
 * ports and to raise events. Applications never include this file.
 *
 * A driver's probe:
 *
 *   eth_dev = rte_eth_dev_allocate(name);       (or rte_eth_vdev_allocate())
 *   eth_dev->data->dev_private = ...;           rte_zmalloc'd
 *   eth_dev->data->mac_addrs = ...;             rte_zmalloc'd, >= 1 entry
 *   eth_dev->data->dev_link, dev_flags, numa_node = ...;
 *   eth_dev->dev_ops = &my_ops;                 a const table
 *   eth_dev->rx_pkt_burst = my_rx;  eth_dev->tx_pkt_burst = my_tx;
 *   eth_dev->device = &my_device->device;
 *   rte_eth_dev_probing_finish(eth_dev);        the port becomes valid
 *
 * and its remove: find the port with rte_eth_dev_allocated(name) and,
 * if it is there (the application may have closed it already), stop it
 * if it is started and rte_eth_dev_close() it. rte_eal_cleanup() removes
 * every device, so ports left open are closed then.
 *
 * Contract of the operations (ethdev checks the arguments and the
 * port's state before calling one; an operation left NULL makes the
 * call return -ENOTSUP):
 * - dev_configure: dev->data->dev_conf and nb_rx/tx_queues hold the new
 *   configuration. On failure ethdev puts the old one back.
 * - rx/tx_queue_setup: make the queue and store it in
 *   dev->data->rx/tx_queues[id]. ethdev has released any previous queue
 *   of that id (through rx/tx_queue_release) first. The rx_conf given
 *   has the port's offloads added to the queue's.
 * - rx/tx_queue_release: free the queue in dev->data->rx/tx_queues[id]
 *   and everything it holds, mbufs back to their pools; ethdev then sets
 *   the slot to NULL.
 * - dev_start: start the device and every set-up queue whose
 *   rx/tx_deferred_start is 0, and mark those
 *   dev->data->rx/tx_queue_state[id] RTE_ETH_QUEUE_STATE_STARTED.
 *   ethdev installs the burst functions after it returns 0.
 * - dev_stop: stop everything and mark the queues STOPPED. The burst
 *   functions are already out of the fast-path table.
 * - rx/tx_queue_start/stop: one queue, and its state.
 * - dev_close: free what the driver holds besides the queues (already
 *   released by ethdev, the port being stopped). ethdev then frees
 *   dev_private, mac_addrs and hash_mac_addrs with rte_free() and
 *   releases the port.
 * - dev_infos_get: fill in what differs from the defaults that ethdev
 *   put there (zeros; descriptor limits [0, UINT16_MAX] aligned 1;
 *   min_mtu RTE_ETHER_MIN_MTU, max_mtu UINT16_MAX).
 * - link_update: refresh dev->data->dev_link (rte_eth_linkstatus_set());
 *   return 0 if it changed, -1 if not (or a negative errno).
 * - stats_get: fill in what the driver counts (the struct is zeroed);
 *   rx_nombuf comes from dev->data->rx_mbuf_alloc_failed.
 * - xstats_get/xstats_get_names: the driver's own statistics only, ids
 *   from 0 (ethdev puts the generic ones before them): return the count,
 *   writing nothing when it is larger than n or the array is NULL.
 * - Others return 0 or a negative errno.
 *
 * Events: a driver with RTE_ETH_DEV_INTR_LSC in dev->data->dev_flags
 * calls rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL)
 * from its interrupt callback (the EAL interrupt thread) when the link
 * changed and dev->data->dev_conf.intr_conf.lsc is set.
 */
#ifndef _ETHDEV_DRIVER_H_
#define _ETHDEV_DRIVER_H_

#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <dev_driver.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_interrupts.h>
#include <rte_memzone.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_eth_dev;

typedef int (*eth_dev_configure_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_start_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_stop_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_set_link_up_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_set_link_down_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_close_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_reset_t)(struct rte_eth_dev *dev);
/** Non-zero when the device is gone (surprise removal). */
typedef int (*eth_is_removed_t)(struct rte_eth_dev *dev);
typedef int (*eth_promiscuous_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_promiscuous_disable_t)(struct rte_eth_dev *dev);
typedef int (*eth_allmulticast_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_allmulticast_disable_t)(struct rte_eth_dev *dev);
typedef int (*eth_link_update_t)(struct rte_eth_dev *dev, int wait_to_complete);
typedef int (
	*eth_stats_get_t)(struct rte_eth_dev *dev, struct rte_eth_stats *stats);
typedef int (*eth_stats_reset_t)(struct rte_eth_dev *dev);
typedef int (*eth_xstats_get_t)(struct rte_eth_dev *dev,
	struct rte_eth_xstat *stats, unsigned int n);
typedef int (*eth_xstats_reset_t)(struct rte_eth_dev *dev);
typedef int (*eth_xstats_get_names_t)(struct rte_eth_dev *dev,
	struct rte_eth_xstat_name *xstats_names, unsigned int size);
typedef int (*eth_dev_infos_get_t)(struct rte_eth_dev *dev,
	struct rte_eth_dev_info *dev_info);
/** The packet types the driver sets, ended by RTE_PTYPE_UNKNOWN. */
typedef const uint32_t *(*eth_dev_supported_ptypes_get_t)(
	struct rte_eth_dev *dev);
typedef int (
	*eth_dev_ptypes_set_t)(struct rte_eth_dev *dev, uint32_t ptype_mask);
typedef int (*eth_queue_start_t)(struct rte_eth_dev *dev, uint16_t queue_id);
typedef int (*eth_queue_stop_t)(struct rte_eth_dev *dev, uint16_t queue_id);
typedef int (*eth_rx_queue_setup_t)(struct rte_eth_dev *dev,
	uint16_t rx_queue_id, uint16_t nb_rx_desc, unsigned int socket_id,
	const struct rte_eth_rxconf *rx_conf, struct rte_mempool *mb_pool);
typedef int (*eth_tx_queue_setup_t)(struct rte_eth_dev *dev,
	uint16_t tx_queue_id, uint16_t nb_tx_desc, unsigned int socket_id,
	const struct rte_eth_txconf *tx_conf);
typedef int (
	*eth_rx_enable_intr_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id);
typedef int (
	*eth_rx_disable_intr_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id);
typedef void (*eth_queue_release_t)(struct rte_eth_dev *dev, uint16_t queue_id);
typedef void (*eth_rxq_info_get_t)(struct rte_eth_dev *dev,
	uint16_t rx_queue_id, struct rte_eth_rxq_info *qinfo);
typedef void (*eth_txq_info_get_t)(struct rte_eth_dev *dev,
	uint16_t tx_queue_id, struct rte_eth_txq_info *qinfo);
typedef int (*eth_tx_done_cleanup_t)(void *txq, uint32_t free_cnt);
/** 0, or the buffer size needed when fw_size is too small. */
typedef int (*eth_fw_version_get_t)(struct rte_eth_dev *dev, char *fw_version,
	size_t fw_size);
typedef int (*mtu_set_t)(struct rte_eth_dev *dev, uint16_t mtu);
typedef void (*eth_mac_addr_remove_t)(struct rte_eth_dev *dev, uint32_t index);
typedef int (*eth_mac_addr_add_t)(struct rte_eth_dev *dev,
	struct rte_ether_addr *mac_addr, uint32_t index, uint32_t vmdq);
typedef int (*eth_mac_addr_set_t)(struct rte_eth_dev *dev,
	struct rte_ether_addr *mac_addr);
typedef int (*eth_set_mc_addr_list_t)(struct rte_eth_dev *dev,
	struct rte_ether_addr *mc_addr_set, uint32_t nb_mc_addr);
typedef int (*reta_update_t)(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *reta_conf, uint16_t reta_size);
typedef int (*reta_query_t)(struct rte_eth_dev *dev,
	struct rte_eth_rss_reta_entry64 *reta_conf, uint16_t reta_size);
typedef int (*rss_hash_update_t)(struct rte_eth_dev *dev,
	struct rte_eth_rss_conf *rss_conf);
typedef int (*rss_hash_conf_get_t)(struct rte_eth_dev *dev,
	struct rte_eth_rss_conf *rss_conf);
typedef int (*eth_read_clock)(struct rte_eth_dev *dev, uint64_t *timestamp);
typedef int (
	*vlan_filter_set_t)(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
typedef int (*vlan_tpid_set_t)(struct rte_eth_dev *dev, enum rte_vlan_type type,
	uint16_t tpid);
typedef int (*vlan_offload_set_t)(struct rte_eth_dev *dev, int mask);
typedef int (
	*vlan_pvid_set_t)(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
typedef void (*vlan_strip_queue_set_t)(struct rte_eth_dev *dev,
	uint16_t rx_queue_id, int on);
typedef int (*flow_ctrl_get_t)(struct rte_eth_dev *dev,
	struct rte_eth_fc_conf *fc_conf);
typedef int (*flow_ctrl_set_t)(struct rte_eth_dev *dev,
	struct rte_eth_fc_conf *fc_conf);
typedef int (*eth_queue_stats_mapping_set_t)(struct rte_eth_dev *dev,
	uint16_t queue_id, uint8_t stat_idx, uint8_t is_rx);
typedef int (*eth_burst_mode_get_t)(struct rte_eth_dev *dev, uint16_t queue_id,
	struct rte_eth_burst_mode *mode);
typedef int (
	*eth_get_reg_t)(struct rte_eth_dev *dev, struct rte_dev_reg_info *info);
typedef int (*eth_get_eeprom_length_t)(struct rte_eth_dev *dev);
typedef int (*eth_get_eeprom_t)(struct rte_eth_dev *dev,
	struct rte_dev_eeprom_info *info);
typedef int (*eth_set_eeprom_t)(struct rte_eth_dev *dev,
	struct rte_dev_eeprom_info *info);
typedef int (*eth_get_module_info_t)(struct rte_eth_dev *dev,
	struct rte_eth_dev_module_info *modinfo);
typedef int (*eth_get_module_eeprom_t)(struct rte_eth_dev *dev,
	struct rte_dev_eeprom_info *info);
typedef int (*eth_timesync_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_timesync_disable_t)(struct rte_eth_dev *dev);
typedef int (*eth_timesync_read_rx_timestamp_t)(struct rte_eth_dev *dev,
	struct timespec *timestamp, uint32_t flags);
typedef int (*eth_timesync_read_tx_timestamp_t)(struct rte_eth_dev *dev,
	struct timespec *timestamp);
typedef int (*eth_timesync_adjust_time)(struct rte_eth_dev *dev, int64_t delta);
typedef int (*eth_timesync_read_time)(struct rte_eth_dev *dev,
	struct timespec *timestamp);
typedef int (*eth_timesync_write_time)(struct rte_eth_dev *dev,
	const struct timespec *timestamp);

/** A driver's control operations (member names as in DPDK 22.11). */
struct eth_dev_ops {
	eth_dev_configure_t dev_configure;
	eth_dev_start_t dev_start;
	eth_dev_stop_t dev_stop;
	eth_dev_set_link_up_t dev_set_link_up;
	eth_dev_set_link_down_t dev_set_link_down;
	eth_dev_close_t dev_close;
	eth_dev_reset_t dev_reset;
	eth_link_update_t link_update;
	eth_is_removed_t is_removed;

	eth_promiscuous_enable_t promiscuous_enable;
	eth_promiscuous_disable_t promiscuous_disable;
	eth_allmulticast_enable_t allmulticast_enable;
	eth_allmulticast_disable_t allmulticast_disable;
	eth_mac_addr_remove_t mac_addr_remove;
	eth_mac_addr_add_t mac_addr_add;
	eth_mac_addr_set_t mac_addr_set;
	eth_set_mc_addr_list_t set_mc_addr_list;
	mtu_set_t mtu_set;

	eth_stats_get_t stats_get;
	eth_stats_reset_t stats_reset;
	eth_xstats_get_t xstats_get;
	eth_xstats_reset_t xstats_reset;
	eth_xstats_get_names_t xstats_get_names;

	eth_dev_infos_get_t dev_infos_get;
	eth_rxq_info_get_t rxq_info_get;
	eth_txq_info_get_t txq_info_get;
	eth_fw_version_get_t fw_version_get;
	eth_dev_supported_ptypes_get_t dev_supported_ptypes_get;
	eth_dev_ptypes_set_t dev_ptypes_set;

	eth_queue_start_t rx_queue_start;
	eth_queue_stop_t rx_queue_stop;
	eth_queue_start_t tx_queue_start;
	eth_queue_stop_t tx_queue_stop;
	eth_rx_queue_setup_t rx_queue_setup;
	eth_queue_release_t rx_queue_release;
	eth_rx_enable_intr_t rx_queue_intr_enable;
	eth_rx_disable_intr_t rx_queue_intr_disable;
	eth_tx_queue_setup_t tx_queue_setup;
	eth_queue_release_t tx_queue_release;
	eth_tx_done_cleanup_t tx_done_cleanup;

	reta_update_t reta_update;
	reta_query_t reta_query;
	rss_hash_update_t rss_hash_update;
	rss_hash_conf_get_t rss_hash_conf_get;

	eth_read_clock read_clock;

	vlan_filter_set_t vlan_filter_set;
	vlan_tpid_set_t vlan_tpid_set;
	vlan_strip_queue_set_t vlan_strip_queue_set;
	vlan_offload_set_t vlan_offload_set;
	vlan_pvid_set_t vlan_pvid_set;
	flow_ctrl_get_t flow_ctrl_get;
	flow_ctrl_set_t flow_ctrl_set;
	eth_queue_stats_mapping_set_t queue_stats_mapping_set;
	eth_burst_mode_get_t rx_burst_mode_get;
	eth_burst_mode_get_t tx_burst_mode_get;

	eth_get_reg_t get_reg;
	eth_get_eeprom_length_t get_eeprom_length;
	eth_get_eeprom_t get_eeprom;
	eth_set_eeprom_t set_eeprom;
	eth_get_module_info_t get_module_info;
	eth_get_module_eeprom_t get_module_eeprom;

	eth_timesync_enable_t timesync_enable;
	eth_timesync_disable_t timesync_disable;
	eth_timesync_read_rx_timestamp_t timesync_read_rx_timestamp;
	eth_timesync_read_tx_timestamp_t timesync_read_tx_timestamp;
	eth_timesync_adjust_time timesync_adjust_time;
	eth_timesync_read_time timesync_read_time;
	eth_timesync_write_time timesync_write_time;
};

/** One link of a queue's burst callback list. */
struct rte_eth_rxtx_callback {
	struct rte_eth_rxtx_callback *next; /**< written with release */
	union {
		rte_rx_callback_fn rx;
		rte_tx_callback_fn tx;
	} fn;
	void *param;
};

/** Everything ethdev and the driver know about a port. */
struct rte_eth_dev_data {
	char name[RTE_ETH_NAME_MAX_LEN]; /**< unique port name */

	void **rx_queues; /**< RTE_MAX_QUEUES_PER_PORT slots, driver queues */
	void **tx_queues;
	uint16_t nb_rx_queues; /**< configured counts */
	uint16_t nb_tx_queues;

	struct rte_eth_dev_sriov sriov;
	void *dev_private;	      /**< the driver's, rte_malloc'd */
	struct rte_eth_link dev_link; /**< use rte_eth_linkstatus_set/get() */
	struct rte_eth_conf dev_conf; /**< the configuration in force */
	uint16_t mtu;
	uint32_t min_rx_buf_size; /**< smallest mbuf data room of the queues */
	uint64_t rx_mbuf_alloc_failed;	  /**< driver-counted (rx_nombuf) */
	struct rte_ether_addr *mac_addrs; /**< table, [0] is the default */
	uint64_t mac_pool_sel[RTE_ETH_NUM_RECEIVE_MAC_ADDR]; /**< pools */
	struct rte_ether_addr *hash_mac_addrs;
	uint16_t port_id;

	__extension__ uint8_t promiscuous : 1, scattered_rx : 1,
		all_multicast : 1, dev_started : 1, lro : 1, dev_configured : 1,
		flow_configured : 1;

	uint8_t rx_queue_state[RTE_MAX_QUEUES_PER_PORT]; /**< STARTED/STOPPED */
	uint8_t tx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	uint32_t dev_flags; /**< RTE_ETH_DEV_* */
	int numa_node;	    /**< SOCKET_ID_ANY if unknown */
	struct rte_vlan_filter_conf vlan_filter_conf;
	struct rte_eth_dev_owner owner;
	uint16_t representor_id;
	uint16_t backer_port_id;
} __rte_cache_aligned;

/** A port. rte_eth_devices[port_id]. */
struct rte_eth_dev {
	eth_rx_burst_t rx_pkt_burst; /**< installed by rte_eth_dev_start() */
	eth_tx_burst_t tx_pkt_burst;
	eth_tx_prep_t tx_pkt_prepare;			 /**< optional */
	eth_rx_queue_count_t rx_queue_count;		 /**< optional */
	eth_rx_descriptor_status_t rx_descriptor_status; /**< optional */
	eth_tx_descriptor_status_t tx_descriptor_status; /**< optional */
	struct rte_eth_dev_data *data;
	void *process_private;
	const struct eth_dev_ops *dev_ops;
	struct rte_device *device;
	struct rte_intr_handle *intr_handle; /**< the driver's, for Rx intr */
	/** First Rx/Tx burst callback of each queue (fast path reads them). */
	struct rte_eth_rxtx_callback *post_rx_burst_cbs[RTE_MAX_QUEUES_PER_PORT];
	struct rte_eth_rxtx_callback *pre_tx_burst_cbs[RTE_MAX_QUEUES_PER_PORT];
	enum rte_eth_dev_state state;
	void *security_ctx;
} __rte_cache_aligned;

/** The ports. */
extern struct rte_eth_dev rte_eth_devices[];

/**
 * Takes a free port id for a device called name (unique among ports).
 * The port's data is zeroed, with mtu RTE_ETHER_MTU and numa_node
 * SOCKET_ID_ANY; the port becomes valid only with
 * rte_eth_dev_probing_finish().
 *
 * @return the port, or NULL (name empty, too long or taken, no free id),
 *   with one log line.
 */
struct rte_eth_dev *rte_eth_dev_allocate(const char *name);

/** The allocated port called name, or NULL. */
struct rte_eth_dev *rte_eth_dev_allocated(const char *name);

/**
 * Makes the port valid and raises RTE_ETH_EVENT_NEW (the end of a
 * driver's probe).
 */
void rte_eth_dev_probing_finish(struct rte_eth_dev *dev);

/**
 * Frees a port: raises RTE_ETH_EVENT_DESTROY if it was valid, takes its
 * burst functions out of the fast path, frees its queue arrays, burst
 * callbacks, dev_private, mac_addrs and hash_mac_addrs (rte_free()), and
 * makes the id free. Queues must have been released (rte_eth_dev_close()
 * does it); a driver calls this directly only to undo a failed probe.
 *
 * @return 0, or -EINVAL for NULL.
 */
int rte_eth_dev_release_port(struct rte_eth_dev *eth_dev);

/**
 * Runs the port's callbacks of event (and those registered for
 * RTE_ETH_ALL), in registration order; ret_param is passed to each.
 *
 * @return the last callback's return value, 0 if none ran.
 */
int rte_eth_dev_callback_process(struct rte_eth_dev *dev,
	enum rte_eth_event_type event, void *ret_param);

/** A burst function that does nothing and returns 0 (for stopped queues). */
uint16_t
rte_eth_pkt_burst_dummy(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);

/**
 * Reserves (or finds again, on a second setup) the DMA memory of a
 * queue: an IOVA-contiguous memzone named after the port, the queue and
 * name.
 *
 * @return the memzone, or NULL with rte_errno (one log line).
 */
const struct rte_memzone *
rte_eth_dma_zone_reserve(const struct rte_eth_dev *eth_dev, const char *name,
	uint16_t queue_id, size_t size, unsigned int align, int socket_id);

/** Frees what rte_eth_dma_zone_reserve() made. 0, -ENOENT, -EINVAL. */
int rte_eth_dma_zone_free(const struct rte_eth_dev *eth_dev, const char *name,
	uint16_t queue_id);

/* The link is 8 bytes and is read and written in one access, so that the
 * interrupt thread can update it while the application reads it. */
RTE_STD_C11
union rte_eth_link_word_ {
	struct rte_eth_link link;
	uint64_t word;
};

/**
 * Stores a new link state.
 * @return 0 if link_status changed, -1 if it did not.
 */
static inline int
rte_eth_linkstatus_set(struct rte_eth_dev *dev,
	const struct rte_eth_link *new_link)
{
	union rte_eth_link_word_ *slot =
		(union rte_eth_link_word_ *)(void *)&dev->data->dev_link;
	union rte_eth_link_word_ next, prev;

	RTE_BUILD_BUG_ON(sizeof(struct rte_eth_link) != sizeof(uint64_t));
	next.word = 0;
	next.link = *new_link;
	prev.word = __atomic_exchange_n(&slot->word, next.word,
		__ATOMIC_SEQ_CST);
	return prev.link.link_status == new_link->link_status ? -1 : 0;
}

/** Reads the link state in one access. */
static inline void
rte_eth_linkstatus_get(const struct rte_eth_dev *dev, struct rte_eth_link *link)
{
	const union rte_eth_link_word_ *slot = (const union rte_eth_link_word_
			*)(const void *)&dev->data->dev_link;
	union rte_eth_link_word_ now;

	now.word = __atomic_load_n(&slot->word, __ATOMIC_SEQ_CST);
	*link = now.link;
}

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_DRIVER_H_ */
