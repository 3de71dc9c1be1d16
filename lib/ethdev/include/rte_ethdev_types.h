/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The ethdev types and constants that applications fill in and read:
 * statistics, link state, port and queue configuration, offload and RSS
 * flags, device capabilities. Included by rte_ethdev.h; applications
 * include that instead. Struct members and their order are DPDK 22.11's,
 * so designated initialisers written for DPDK compile unchanged.
 */
#ifndef _RTE_ETHDEV_TYPES_H_
#define _RTE_ETHDEV_TYPES_H_

#include <stdint.h>

#include <rte_bitops.h>
#include <rte_common.h>
#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_device;
struct rte_mempool;

/** Basic counters of a port (rte_eth_stats_get()). */
struct rte_eth_stats {
	uint64_t ipackets;  /**< packets received */
	uint64_t opackets;  /**< packets sent */
	uint64_t ibytes;    /**< bytes received */
	uint64_t obytes;    /**< bytes sent */
	uint64_t imissed;   /**< packets dropped by the device (no room) */
	uint64_t ierrors;   /**< erroneous packets received */
	uint64_t oerrors;   /**< packets that failed to be sent */
	uint64_t rx_nombuf; /**< receive-side mbuf allocation failures */
	/** Per-queue counters of the first RTE_ETHDEV_QUEUE_STAT_CNTRS. */
	uint64_t q_ipackets[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_opackets[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_ibytes[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_obytes[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_errors[RTE_ETHDEV_QUEUE_STAT_CNTRS];
};

/* Speeds a device can do or is asked for (rte_eth_conf.link_speeds). */
#define RTE_ETH_LINK_SPEED_AUTONEG 0		/**< negotiate all speeds */
#define RTE_ETH_LINK_SPEED_FIXED   RTE_BIT32(0) /**< no negotiation */
#define RTE_ETH_LINK_SPEED_10M_HD  RTE_BIT32(1)
#define RTE_ETH_LINK_SPEED_10M	   RTE_BIT32(2)
#define RTE_ETH_LINK_SPEED_100M_HD RTE_BIT32(3)
#define RTE_ETH_LINK_SPEED_100M	   RTE_BIT32(4)
#define RTE_ETH_LINK_SPEED_1G	   RTE_BIT32(5)
#define RTE_ETH_LINK_SPEED_2_5G	   RTE_BIT32(6)
#define RTE_ETH_LINK_SPEED_5G	   RTE_BIT32(7)
#define RTE_ETH_LINK_SPEED_10G	   RTE_BIT32(8)
#define RTE_ETH_LINK_SPEED_20G	   RTE_BIT32(9)
#define RTE_ETH_LINK_SPEED_25G	   RTE_BIT32(10)
#define RTE_ETH_LINK_SPEED_40G	   RTE_BIT32(11)
#define RTE_ETH_LINK_SPEED_50G	   RTE_BIT32(12)
#define RTE_ETH_LINK_SPEED_56G	   RTE_BIT32(13)
#define RTE_ETH_LINK_SPEED_100G	   RTE_BIT32(14)
#define RTE_ETH_LINK_SPEED_200G	   RTE_BIT32(15)

/* Link speeds in Mbps (rte_eth_link.link_speed). */
#define RTE_ETH_SPEED_NUM_NONE	  0
#define RTE_ETH_SPEED_NUM_10M	  10
#define RTE_ETH_SPEED_NUM_100M	  100
#define RTE_ETH_SPEED_NUM_1G	  1000
#define RTE_ETH_SPEED_NUM_2_5G	  2500
#define RTE_ETH_SPEED_NUM_5G	  5000
#define RTE_ETH_SPEED_NUM_10G	  10000
#define RTE_ETH_SPEED_NUM_20G	  20000
#define RTE_ETH_SPEED_NUM_25G	  25000
#define RTE_ETH_SPEED_NUM_40G	  40000
#define RTE_ETH_SPEED_NUM_50G	  50000
#define RTE_ETH_SPEED_NUM_56G	  56000
#define RTE_ETH_SPEED_NUM_100G	  100000
#define RTE_ETH_SPEED_NUM_200G	  200000
#define RTE_ETH_SPEED_NUM_UNKNOWN UINT32_MAX /**< up, speed unknown */

/** Link state; 8 bytes so that it is read and written in one access. */
__extension__ struct rte_eth_link {
	uint32_t link_speed;	   /**< RTE_ETH_SPEED_NUM_* */
	uint16_t link_duplex : 1;  /**< RTE_ETH_LINK_[HALF/FULL]_DUPLEX */
	uint16_t link_autoneg : 1; /**< RTE_ETH_LINK_[AUTONEG/FIXED] */
	uint16_t link_status : 1;  /**< RTE_ETH_LINK_[DOWN/UP] */
} __rte_aligned(8);

#define RTE_ETH_LINK_HALF_DUPLEX 0
#define RTE_ETH_LINK_FULL_DUPLEX 1
#define RTE_ETH_LINK_DOWN	 0
#define RTE_ETH_LINK_UP		 1
#define RTE_ETH_LINK_FIXED	 0
#define RTE_ETH_LINK_AUTONEG	 1
#define RTE_ETH_LINK_MAX_STR_LEN 40 /**< buffer for rte_eth_link_to_str() */

/** Ring prefetch, host and write-back thresholds. */
struct rte_eth_thresh {
	uint8_t pthresh;
	uint8_t hthresh;
	uint8_t wthresh;
};

#define RTE_ETH_MQ_RX_RSS_FLAG	RTE_BIT32(0)
#define RTE_ETH_MQ_RX_DCB_FLAG	RTE_BIT32(1)
#define RTE_ETH_MQ_RX_VMDQ_FLAG RTE_BIT32(2)

/** How received packets are spread over the Rx queues. */
enum rte_eth_rx_mq_mode {
	RTE_ETH_MQ_RX_NONE = 0,
	RTE_ETH_MQ_RX_RSS = RTE_ETH_MQ_RX_RSS_FLAG,
	RTE_ETH_MQ_RX_DCB = RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_DCB_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_VMDQ_ONLY = RTE_ETH_MQ_RX_VMDQ_FLAG,
	RTE_ETH_MQ_RX_VMDQ_RSS = RTE_ETH_MQ_RX_RSS_FLAG |
		RTE_ETH_MQ_RX_VMDQ_FLAG,
	RTE_ETH_MQ_RX_VMDQ_DCB = RTE_ETH_MQ_RX_VMDQ_FLAG |
		RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_VMDQ_DCB_RSS = RTE_ETH_MQ_RX_RSS_FLAG |
		RTE_ETH_MQ_RX_DCB_FLAG | RTE_ETH_MQ_RX_VMDQ_FLAG,
};

/** How the Tx queues are scheduled. */
enum rte_eth_tx_mq_mode {
	RTE_ETH_MQ_TX_NONE = 0,
	RTE_ETH_MQ_TX_DCB,
	RTE_ETH_MQ_TX_VMDQ_DCB,
	RTE_ETH_MQ_TX_VMDQ_ONLY,
};

/** Receive side of rte_eth_conf. */
struct rte_eth_rxmode {
	enum rte_eth_rx_mq_mode mq_mode;
	uint32_t mtu;		   /**< 0: RTE_ETHER_MTU */
	uint32_t max_lro_pkt_size; /**< with RTE_ETH_RX_OFFLOAD_TCP_LRO */
	uint64_t offloads;	   /**< RTE_ETH_RX_OFFLOAD_* for the port */
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

/** Which VLAN tag a call is about. */
enum rte_vlan_type {
	RTE_ETH_VLAN_TYPE_UNKNOWN = 0,
	RTE_ETH_VLAN_TYPE_INNER,
	RTE_ETH_VLAN_TYPE_OUTER,
	RTE_ETH_VLAN_TYPE_MAX,
};

/** One bit per VLAN id. */
struct rte_vlan_filter_conf {
	uint64_t ids[64];
};

/** RSS hash configuration. */
struct rte_eth_rss_conf {
	uint8_t *rss_key;    /**< key, or NULL for the driver's default */
	uint8_t rss_key_len; /**< bytes of rss_key */
	uint64_t rss_hf;     /**< RTE_ETH_RSS_* to hash on */
};

/* Flow types (bit numbers of the RSS flags below). */
#define RTE_ETH_FLOW_UNKNOWN		0
#define RTE_ETH_FLOW_RAW		1
#define RTE_ETH_FLOW_IPV4		2
#define RTE_ETH_FLOW_FRAG_IPV4		3
#define RTE_ETH_FLOW_NONFRAG_IPV4_TCP	4
#define RTE_ETH_FLOW_NONFRAG_IPV4_UDP	5
#define RTE_ETH_FLOW_NONFRAG_IPV4_SCTP	6
#define RTE_ETH_FLOW_NONFRAG_IPV4_OTHER 7
#define RTE_ETH_FLOW_IPV6		8
#define RTE_ETH_FLOW_FRAG_IPV6		9
#define RTE_ETH_FLOW_NONFRAG_IPV6_TCP	10
#define RTE_ETH_FLOW_NONFRAG_IPV6_UDP	11
#define RTE_ETH_FLOW_NONFRAG_IPV6_SCTP	12
#define RTE_ETH_FLOW_NONFRAG_IPV6_OTHER 13
#define RTE_ETH_FLOW_L2_PAYLOAD		14
#define RTE_ETH_FLOW_IPV6_EX		15
#define RTE_ETH_FLOW_IPV6_TCP_EX	16
#define RTE_ETH_FLOW_IPV6_UDP_EX	17
#define RTE_ETH_FLOW_PORT		18
#define RTE_ETH_FLOW_VXLAN		19
#define RTE_ETH_FLOW_GENEVE		20
#define RTE_ETH_FLOW_NVGRE		21
#define RTE_ETH_FLOW_VXLAN_GPE		22
#define RTE_ETH_FLOW_GTPU		23
#define RTE_ETH_FLOW_MAX		24

/* What RSS hashes on (rte_eth_rss_conf.rss_hf). */
#define RTE_ETH_RSS_IPV4	       RTE_BIT64(2)
#define RTE_ETH_RSS_FRAG_IPV4	       RTE_BIT64(3)
#define RTE_ETH_RSS_NONFRAG_IPV4_TCP   RTE_BIT64(4)
#define RTE_ETH_RSS_NONFRAG_IPV4_UDP   RTE_BIT64(5)
#define RTE_ETH_RSS_NONFRAG_IPV4_SCTP  RTE_BIT64(6)
#define RTE_ETH_RSS_NONFRAG_IPV4_OTHER RTE_BIT64(7)
#define RTE_ETH_RSS_IPV6	       RTE_BIT64(8)
#define RTE_ETH_RSS_FRAG_IPV6	       RTE_BIT64(9)
#define RTE_ETH_RSS_NONFRAG_IPV6_TCP   RTE_BIT64(10)
#define RTE_ETH_RSS_NONFRAG_IPV6_UDP   RTE_BIT64(11)
#define RTE_ETH_RSS_NONFRAG_IPV6_SCTP  RTE_BIT64(12)
#define RTE_ETH_RSS_NONFRAG_IPV6_OTHER RTE_BIT64(13)
#define RTE_ETH_RSS_L2_PAYLOAD	       RTE_BIT64(14)
#define RTE_ETH_RSS_IPV6_EX	       RTE_BIT64(15)
#define RTE_ETH_RSS_IPV6_TCP_EX	       RTE_BIT64(16)
#define RTE_ETH_RSS_IPV6_UDP_EX	       RTE_BIT64(17)
#define RTE_ETH_RSS_PORT	       RTE_BIT64(18)
#define RTE_ETH_RSS_VXLAN	       RTE_BIT64(19)
#define RTE_ETH_RSS_GENEVE	       RTE_BIT64(20)
#define RTE_ETH_RSS_NVGRE	       RTE_BIT64(21)
#define RTE_ETH_RSS_GTPU	       RTE_BIT64(23)
#define RTE_ETH_RSS_ETH		       RTE_BIT64(24)
#define RTE_ETH_RSS_S_VLAN	       RTE_BIT64(25)
#define RTE_ETH_RSS_C_VLAN	       RTE_BIT64(26)
#define RTE_ETH_RSS_ESP		       RTE_BIT64(27)
#define RTE_ETH_RSS_AH		       RTE_BIT64(28)
#define RTE_ETH_RSS_L2TPV3	       RTE_BIT64(29)
#define RTE_ETH_RSS_PFCP	       RTE_BIT64(30)
#define RTE_ETH_RSS_PPPOE	       RTE_BIT64(31)
#define RTE_ETH_RSS_ECPRI	       RTE_BIT64(32)
#define RTE_ETH_RSS_MPLS	       RTE_BIT64(33)
#define RTE_ETH_RSS_IPV4_CHKSUM	       RTE_BIT64(34)
#define RTE_ETH_RSS_L4_CHKSUM	       RTE_BIT64(35)
#define RTE_ETH_RSS_L2TPV2	       RTE_BIT64(36)
/* Modifiers: hash only on the source or destination part. */
#define RTE_ETH_RSS_L3_SRC_ONLY RTE_BIT64(63)
#define RTE_ETH_RSS_L3_DST_ONLY RTE_BIT64(62)
#define RTE_ETH_RSS_L4_SRC_ONLY RTE_BIT64(61)
#define RTE_ETH_RSS_L4_DST_ONLY RTE_BIT64(60)
#define RTE_ETH_RSS_L2_SRC_ONLY RTE_BIT64(59)
#define RTE_ETH_RSS_L2_DST_ONLY RTE_BIT64(58)
#define RTE_ETH_RSS_L3_PRE32	RTE_BIT64(57)
#define RTE_ETH_RSS_L3_PRE40	RTE_BIT64(56)
#define RTE_ETH_RSS_L3_PRE48	RTE_BIT64(55)
#define RTE_ETH_RSS_L3_PRE56	RTE_BIT64(54)
#define RTE_ETH_RSS_L3_PRE64	RTE_BIT64(53)
#define RTE_ETH_RSS_L3_PRE96	RTE_BIT64(52)
/* Which encapsulation level to hash on. */
#define RTE_ETH_RSS_LEVEL_PMD_DEFAULT (UINT64_C(0) << 50)
#define RTE_ETH_RSS_LEVEL_OUTERMOST   (UINT64_C(1) << 50)
#define RTE_ETH_RSS_LEVEL_INNERMOST   (UINT64_C(2) << 50)
#define RTE_ETH_RSS_LEVEL_MASK	      (UINT64_C(3) << 50)
#define RTE_ETH_RSS_LEVEL(rss_hf)     ((rss_hf & RTE_ETH_RSS_LEVEL_MASK) >> 50)

/**
 * rss_hf without the contradictions: asking for both the source-only
 * and the destination-only variant of a layer means hashing on both.
 */
static inline uint64_t
rte_eth_rss_hf_refine(uint64_t rss_hf)
{
	const uint64_t l3_both = RTE_ETH_RSS_L3_SRC_ONLY |
		RTE_ETH_RSS_L3_DST_ONLY;
	const uint64_t l4_both = RTE_ETH_RSS_L4_SRC_ONLY |
		RTE_ETH_RSS_L4_DST_ONLY;

	if ((rss_hf & l3_both) == l3_both)
		rss_hf &= ~l3_both;
	if ((rss_hf & l4_both) == l4_both)
		rss_hf &= ~l4_both;
	return rss_hf;
}

/* Commonly used groups. */
#define RTE_ETH_RSS_IP \
	(RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_FRAG_IPV4 | \
		RTE_ETH_RSS_NONFRAG_IPV4_OTHER | RTE_ETH_RSS_IPV6 | \
		RTE_ETH_RSS_FRAG_IPV6 | RTE_ETH_RSS_NONFRAG_IPV6_OTHER | \
		RTE_ETH_RSS_IPV6_EX)
#define RTE_ETH_RSS_UDP \
	(RTE_ETH_RSS_NONFRAG_IPV4_UDP | RTE_ETH_RSS_NONFRAG_IPV6_UDP | \
		RTE_ETH_RSS_IPV6_UDP_EX)
#define RTE_ETH_RSS_TCP \
	(RTE_ETH_RSS_NONFRAG_IPV4_TCP | RTE_ETH_RSS_NONFRAG_IPV6_TCP | \
		RTE_ETH_RSS_IPV6_TCP_EX)
#define RTE_ETH_RSS_SCTP \
	(RTE_ETH_RSS_NONFRAG_IPV4_SCTP | RTE_ETH_RSS_NONFRAG_IPV6_SCTP)
#define RTE_ETH_RSS_TUNNEL \
	(RTE_ETH_RSS_VXLAN | RTE_ETH_RSS_GENEVE | RTE_ETH_RSS_NVGRE)
#define RTE_ETH_RSS_VLAN (RTE_ETH_RSS_S_VLAN | RTE_ETH_RSS_C_VLAN)
#define RTE_ETH_RSS_PROTO_MASK \
	(RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_FRAG_IPV4 | \
		RTE_ETH_RSS_NONFRAG_IPV4_TCP | RTE_ETH_RSS_NONFRAG_IPV4_UDP | \
		RTE_ETH_RSS_NONFRAG_IPV4_SCTP | \
		RTE_ETH_RSS_NONFRAG_IPV4_OTHER | RTE_ETH_RSS_IPV6 | \
		RTE_ETH_RSS_FRAG_IPV6 | RTE_ETH_RSS_NONFRAG_IPV6_TCP | \
		RTE_ETH_RSS_NONFRAG_IPV6_UDP | RTE_ETH_RSS_NONFRAG_IPV6_SCTP | \
		RTE_ETH_RSS_NONFRAG_IPV6_OTHER | RTE_ETH_RSS_L2_PAYLOAD | \
		RTE_ETH_RSS_IPV6_EX | RTE_ETH_RSS_IPV6_TCP_EX | \
		RTE_ETH_RSS_IPV6_UDP_EX | RTE_ETH_RSS_PORT | \
		RTE_ETH_RSS_VXLAN | RTE_ETH_RSS_GENEVE | RTE_ETH_RSS_NVGRE | \
		RTE_ETH_RSS_MPLS)

/* Redirection table sizes, and entries per rte_eth_rss_reta_entry64. */
#define RTE_ETH_RSS_RETA_SIZE_64  64
#define RTE_ETH_RSS_RETA_SIZE_128 128
#define RTE_ETH_RSS_RETA_SIZE_256 256
#define RTE_ETH_RSS_RETA_SIZE_512 512
#define RTE_ETH_RETA_GROUP_SIZE	  64

/** 64 entries of the RSS redirection table; mask bit i selects reta[i]. */
struct rte_eth_rss_reta_entry64 {
	uint64_t mask;
	uint16_t reta[RTE_ETH_RETA_GROUP_SIZE];
};

/* DCB and VMDq (kept for the layout of rte_eth_conf). */
#define RTE_ETH_VMDQ_MAX_VLAN_FILTERS	64
#define RTE_ETH_DCB_NUM_USER_PRIORITIES 8
#define RTE_ETH_VMDQ_DCB_NUM_QUEUES	128
#define RTE_ETH_DCB_NUM_QUEUES		128
#define RTE_ETH_DCB_PG_SUPPORT		RTE_BIT32(0)
#define RTE_ETH_DCB_PFC_SUPPORT		RTE_BIT32(1)
#define RTE_ETH_NUM_RECEIVE_MAC_ADDR	128
#define RTE_ETH_VMDQ_NUM_UC_HASH_ARRAY	128

/* VLAN offload bits of rte_eth_dev_set_vlan_offload(). */
#define RTE_ETH_VLAN_STRIP_OFFLOAD  0x0001
#define RTE_ETH_VLAN_FILTER_OFFLOAD 0x0002
#define RTE_ETH_VLAN_EXTEND_OFFLOAD 0x0004
#define RTE_ETH_QINQ_STRIP_OFFLOAD  0x0008
#define RTE_ETH_VLAN_STRIP_MASK	    0x0001
#define RTE_ETH_VLAN_FILTER_MASK    0x0002
#define RTE_ETH_VLAN_EXTEND_MASK    0x0004
#define RTE_ETH_QINQ_STRIP_MASK	    0x0008
#define RTE_ETH_VLAN_ID_MAX	    0x0FFF

enum rte_eth_nb_tcs {
	RTE_ETH_4_TCS = 4,
	RTE_ETH_8_TCS = 8
};

enum rte_eth_nb_pools {
	RTE_ETH_8_POOLS = 8,
	RTE_ETH_16_POOLS = 16,
	RTE_ETH_32_POOLS = 32,
	RTE_ETH_64_POOLS = 64
};

struct rte_eth_dcb_rx_conf {
	enum rte_eth_nb_tcs nb_tcs;
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES];
};

struct rte_eth_vmdq_dcb_tx_conf {
	enum rte_eth_nb_pools nb_queue_pools;
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES];
};

struct rte_eth_dcb_tx_conf {
	enum rte_eth_nb_tcs nb_tcs;
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES];
};

struct rte_eth_vmdq_tx_conf {
	enum rte_eth_nb_pools nb_queue_pools;
};

struct rte_eth_vmdq_dcb_conf {
	enum rte_eth_nb_pools nb_queue_pools;
	uint8_t enable_default_pool;
	uint8_t default_pool;
	uint8_t nb_pool_maps;
	struct {
		uint16_t vlan_id;
		uint64_t pools;
	} pool_map[RTE_ETH_VMDQ_MAX_VLAN_FILTERS];
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES];
};

struct rte_eth_vmdq_rx_conf {
	enum rte_eth_nb_pools nb_queue_pools;
	uint8_t enable_default_pool;
	uint8_t default_pool;
	uint8_t enable_loop_back;
	uint8_t nb_pool_maps;
	uint32_t rx_mode;
	struct {
		uint16_t vlan_id;
		uint64_t pools;
	} pool_map[RTE_ETH_VMDQ_MAX_VLAN_FILTERS];
};

/** Transmit side of rte_eth_conf. */
struct rte_eth_txmode {
	enum rte_eth_tx_mq_mode mq_mode;
	uint64_t offloads; /**< RTE_ETH_TX_OFFLOAD_* for the port */
	uint16_t pvid;
	__extension__ uint8_t hw_vlan_reject_tagged : 1,
		hw_vlan_reject_untagged : 1, hw_vlan_insert_pvid : 1;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

/** One segment of a buffer split (RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT). */
struct rte_eth_rxseg_split {
	struct rte_mempool *mp;
	uint16_t length;
	uint16_t offset;
	uint32_t proto_hdr;
};

union rte_eth_rxseg {
	struct rte_eth_rxseg_split split;
};

/** Configuration of one Rx queue (rte_eth_rx_queue_setup()). */
struct rte_eth_rxconf {
	struct rte_eth_thresh rx_thresh;
	uint16_t rx_free_thresh;   /**< refill the ring in batches of this */
	uint8_t rx_drop_en;	   /**< drop when no descriptor is free */
	uint8_t rx_deferred_start; /**< not started by rte_eth_dev_start() */
	uint16_t rx_nseg;	   /**< entries of rx_seg */
	uint16_t share_group;
	uint16_t share_qid;
	uint64_t offloads; /**< RTE_ETH_RX_OFFLOAD_* for this queue */
	union rte_eth_rxseg *rx_seg;
	struct rte_mempool **rx_mempools;
	uint16_t rx_nmempool;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

/** Configuration of one Tx queue (rte_eth_tx_queue_setup()). */
struct rte_eth_txconf {
	struct rte_eth_thresh tx_thresh;
	uint16_t tx_rs_thresh;	   /**< ask for completion every N */
	uint16_t tx_free_thresh;   /**< reclaim when fewer are free */
	uint8_t tx_deferred_start; /**< not started by rte_eth_dev_start() */
	uint64_t offloads;	   /**< RTE_ETH_TX_OFFLOAD_* for this queue */
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

/** Descriptor count limits of a queue. */
struct rte_eth_desc_lim {
	uint16_t nb_max;	 /**< most descriptors */
	uint16_t nb_min;	 /**< fewest descriptors */
	uint16_t nb_align;	 /**< the count must be a multiple of this */
	uint16_t nb_seg_max;	 /**< most segments of one packet */
	uint16_t nb_mtu_seg_max; /**< most segments of an MTU-sized one */
};

/** Which interrupts the port raises (rte_eth_conf.intr_conf). */
struct rte_eth_intr_conf {
	uint32_t lsc : 1; /**< link state changes: RTE_ETH_EVENT_INTR_LSC */
	uint32_t rxq : 1; /**< Rx queue interrupts (rte_eth_dev_rx_intr_*) */
	uint32_t rmv : 1; /**< device removal: RTE_ETH_EVENT_INTR_RMV */
};

#define rte_intr_conf rte_eth_intr_conf

/** Port configuration (rte_eth_dev_configure()). */
struct rte_eth_conf {
	uint32_t link_speeds; /**< RTE_ETH_LINK_SPEED_* */
	struct rte_eth_rxmode rxmode;
	struct rte_eth_txmode txmode;
	uint32_t lpbk_mode; /**< loopback mode, driver-specific */
	struct {
		struct rte_eth_rss_conf rss_conf;
		struct rte_eth_vmdq_dcb_conf vmdq_dcb_conf;
		struct rte_eth_dcb_rx_conf dcb_rx_conf;
		struct rte_eth_vmdq_rx_conf vmdq_rx_conf;
	} rx_adv_conf;
	union {
		struct rte_eth_vmdq_dcb_tx_conf vmdq_dcb_tx_conf;
		struct rte_eth_dcb_tx_conf dcb_tx_conf;
		struct rte_eth_vmdq_tx_conf vmdq_tx_conf;
	} tx_adv_conf;
	uint32_t dcb_capability_en;
	struct rte_eth_intr_conf intr_conf;
};

/* Receive offloads (rxmode.offloads, rte_eth_rxconf.offloads). */
#define RTE_ETH_RX_OFFLOAD_VLAN_STRIP	    RTE_BIT64(0)
#define RTE_ETH_RX_OFFLOAD_IPV4_CKSUM	    RTE_BIT64(1)
#define RTE_ETH_RX_OFFLOAD_UDP_CKSUM	    RTE_BIT64(2)
#define RTE_ETH_RX_OFFLOAD_TCP_CKSUM	    RTE_BIT64(3)
#define RTE_ETH_RX_OFFLOAD_TCP_LRO	    RTE_BIT64(4)
#define RTE_ETH_RX_OFFLOAD_QINQ_STRIP	    RTE_BIT64(5)
#define RTE_ETH_RX_OFFLOAD_OUTER_IPV4_CKSUM RTE_BIT64(6)
#define RTE_ETH_RX_OFFLOAD_MACSEC_STRIP	    RTE_BIT64(7)
#define RTE_ETH_RX_OFFLOAD_VLAN_FILTER	    RTE_BIT64(9)
#define RTE_ETH_RX_OFFLOAD_VLAN_EXTEND	    RTE_BIT64(10)
#define RTE_ETH_RX_OFFLOAD_SCATTER	    RTE_BIT64(13)
#define RTE_ETH_RX_OFFLOAD_TIMESTAMP	    RTE_BIT64(14)
#define RTE_ETH_RX_OFFLOAD_SECURITY	    RTE_BIT64(15)
#define RTE_ETH_RX_OFFLOAD_KEEP_CRC	    RTE_BIT64(16)
#define RTE_ETH_RX_OFFLOAD_SCTP_CKSUM	    RTE_BIT64(17)
#define RTE_ETH_RX_OFFLOAD_OUTER_UDP_CKSUM  RTE_BIT64(18)
#define RTE_ETH_RX_OFFLOAD_RSS_HASH	    RTE_BIT64(19)
#define RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT	    RTE_BIT64(20)
#define RTE_ETH_RX_OFFLOAD_CHECKSUM \
	(RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | RTE_ETH_RX_OFFLOAD_UDP_CKSUM | \
		RTE_ETH_RX_OFFLOAD_TCP_CKSUM)
#define RTE_ETH_RX_OFFLOAD_VLAN \
	(RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_VLAN_FILTER | \
		RTE_ETH_RX_OFFLOAD_VLAN_EXTEND | \
		RTE_ETH_RX_OFFLOAD_QINQ_STRIP)

/* Transmit offloads (txmode.offloads, rte_eth_txconf.offloads). */
#define RTE_ETH_TX_OFFLOAD_VLAN_INSERT	     RTE_BIT64(0)
#define RTE_ETH_TX_OFFLOAD_IPV4_CKSUM	     RTE_BIT64(1)
#define RTE_ETH_TX_OFFLOAD_UDP_CKSUM	     RTE_BIT64(2)
#define RTE_ETH_TX_OFFLOAD_TCP_CKSUM	     RTE_BIT64(3)
#define RTE_ETH_TX_OFFLOAD_SCTP_CKSUM	     RTE_BIT64(4)
#define RTE_ETH_TX_OFFLOAD_TCP_TSO	     RTE_BIT64(5)
#define RTE_ETH_TX_OFFLOAD_UDP_TSO	     RTE_BIT64(6)
#define RTE_ETH_TX_OFFLOAD_OUTER_IPV4_CKSUM  RTE_BIT64(7)
#define RTE_ETH_TX_OFFLOAD_QINQ_INSERT	     RTE_BIT64(8)
#define RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO     RTE_BIT64(9)
#define RTE_ETH_TX_OFFLOAD_GRE_TNL_TSO	     RTE_BIT64(10)
#define RTE_ETH_TX_OFFLOAD_IPIP_TNL_TSO	     RTE_BIT64(11)
#define RTE_ETH_TX_OFFLOAD_GENEVE_TNL_TSO    RTE_BIT64(12)
#define RTE_ETH_TX_OFFLOAD_MACSEC_INSERT     RTE_BIT64(13)
#define RTE_ETH_TX_OFFLOAD_MT_LOCKFREE	     RTE_BIT64(14)
#define RTE_ETH_TX_OFFLOAD_MULTI_SEGS	     RTE_BIT64(15)
#define RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE    RTE_BIT64(16)
#define RTE_ETH_TX_OFFLOAD_SECURITY	     RTE_BIT64(17)
#define RTE_ETH_TX_OFFLOAD_UDP_TNL_TSO	     RTE_BIT64(18)
#define RTE_ETH_TX_OFFLOAD_IP_TNL_TSO	     RTE_BIT64(19)
#define RTE_ETH_TX_OFFLOAD_OUTER_UDP_CKSUM   RTE_BIT64(20)
#define RTE_ETH_TX_OFFLOAD_SEND_ON_TIMESTAMP RTE_BIT64(21)

/* Device capabilities (rte_eth_dev_info.dev_capa). */
#define RTE_ETH_DEV_CAPA_RUNTIME_RX_QUEUE_SETUP	 RTE_BIT64(0)
#define RTE_ETH_DEV_CAPA_RUNTIME_TX_QUEUE_SETUP	 RTE_BIT64(1)
#define RTE_ETH_DEV_CAPA_RXQ_SHARE		 RTE_BIT64(2)
#define RTE_ETH_DEV_CAPA_FLOW_RULE_KEEP		 RTE_BIT64(3)
#define RTE_ETH_DEV_CAPA_FLOW_SHARED_OBJECT_KEEP RTE_BIT64(4)

/* What ethdev uses when neither the caller nor the driver says. */
#define RTE_ETH_DEV_FALLBACK_RX_RINGSIZE 512
#define RTE_ETH_DEV_FALLBACK_TX_RINGSIZE 512
#define RTE_ETH_DEV_FALLBACK_RX_NBQUEUES 1
#define RTE_ETH_DEV_FALLBACK_TX_NBQUEUES 1

/** A driver's preferred burst size, ring size and queue count. */
struct rte_eth_dev_portconf {
	uint16_t burst_size;
	uint16_t ring_size;
	uint16_t nb_queues;
};

#define RTE_ETH_DEV_SWITCH_DOMAIN_ID_INVALID (UINT16_MAX)

/** Switch the port belongs to (for representors). */
struct rte_eth_switch_info {
	const char *name;
	uint16_t domain_id;
	uint16_t port_id;
	uint16_t rx_domain;
};

/** Buffer split capabilities. */
struct rte_eth_rxseg_capa {
	__extension__ uint32_t multi_pools : 1;
	uint32_t offset_allowed : 1;
	uint32_t offset_align_log2 : 4;
	uint16_t max_nseg;
	uint16_t reserved;
};

enum rte_eth_representor_type {
	RTE_ETH_REPRESENTOR_NONE,
	RTE_ETH_REPRESENTOR_VF,
	RTE_ETH_REPRESENTOR_SF,
	RTE_ETH_REPRESENTOR_PF,
};

enum rte_eth_err_handle_mode {
	RTE_ETH_ERROR_HANDLE_MODE_NONE,
	RTE_ETH_ERROR_HANDLE_MODE_PASSIVE,
	RTE_ETH_ERROR_HANDLE_MODE_PROACTIVE,
};

/** What a device can do and what it prefers (rte_eth_dev_info_get()). */
struct rte_eth_dev_info {
	struct rte_device *device; /**< the generic device */
	const char *driver_name;   /**< the driver's name */
	unsigned int if_index;	   /**< kernel interface index, or 0 */
	uint16_t min_mtu;
	uint16_t max_mtu;
	const uint32_t *dev_flags; /**< the port's RTE_ETH_DEV_* flags */
	uint32_t min_rx_bufsize; /**< smallest mbuf data room, headroom aside */
	uint32_t max_rx_pktlen;	 /**< longest frame received */
	uint32_t max_lro_pkt_size;
	uint16_t max_rx_queues;
	uint16_t max_tx_queues;
	uint32_t max_mac_addrs; /**< entries of the MAC address table */
	uint32_t max_hash_mac_addrs;
	uint16_t max_vfs;
	uint16_t max_vmdq_pools;
	struct rte_eth_rxseg_capa rx_seg_capa;
	uint64_t rx_offload_capa;	 /**< port and queue Rx offloads */
	uint64_t tx_offload_capa;	 /**< port and queue Tx offloads */
	uint64_t rx_queue_offload_capa;	 /**< Rx offloads a queue can choose */
	uint64_t tx_queue_offload_capa;	 /**< Tx offloads a queue can choose */
	uint16_t reta_size;		 /**< RSS redirection table entries */
	uint8_t hash_key_size;		 /**< RSS key bytes */
	uint64_t flow_type_rss_offloads; /**< RTE_ETH_RSS_* supported */
	struct rte_eth_rxconf default_rxconf;
	struct rte_eth_txconf default_txconf;
	uint16_t vmdq_queue_base;
	uint16_t vmdq_queue_num;
	uint16_t vmdq_pool_base;
	struct rte_eth_desc_lim rx_desc_lim;
	struct rte_eth_desc_lim tx_desc_lim;
	uint32_t speed_capa;   /**< RTE_ETH_LINK_SPEED_* */
	uint16_t nb_rx_queues; /**< configured Rx queues */
	uint16_t nb_tx_queues; /**< configured Tx queues */
	uint16_t max_rx_mempools;
	struct rte_eth_dev_portconf default_rxportconf;
	struct rte_eth_dev_portconf default_txportconf;
	uint64_t dev_capa; /**< RTE_ETH_DEV_CAPA_* */
	struct rte_eth_switch_info switch_info;
	enum rte_eth_err_handle_mode err_handle_mode;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

/* Queue states (rte_eth_rxq_info.queue_state, driver's queue state). */
#define RTE_ETH_QUEUE_STATE_STOPPED 0
#define RTE_ETH_QUEUE_STATE_STARTED 1
#define RTE_ETH_QUEUE_STATE_HAIRPIN 2

/** An Rx queue as set up (rte_eth_rx_queue_info_get()). */
struct rte_eth_rxq_info {
	struct rte_mempool *mp;
	struct rte_eth_rxconf conf;
	uint8_t scattered_rx;
	uint8_t queue_state; /**< RTE_ETH_QUEUE_STATE_* */
	uint16_t nb_desc;
	uint16_t rx_buf_size;
	uint8_t avail_thresh;
} __rte_cache_min_aligned;

/** A Tx queue as set up (rte_eth_tx_queue_info_get()). */
struct rte_eth_txq_info {
	struct rte_eth_txconf conf;
	uint16_t nb_desc;
	uint8_t queue_state; /**< RTE_ETH_QUEUE_STATE_* */
} __rte_cache_min_aligned;

/** Longest extended statistic name, NUL included. */
#define RTE_ETH_XSTATS_NAME_SIZE 64

/** One extended statistic: its id (index in the names) and value. */
struct rte_eth_xstat {
	uint64_t id;
	uint64_t value;
};

/** The name of one extended statistic. */
struct rte_eth_xstat_name {
	char name[RTE_ETH_XSTATS_NAME_SIZE];
};

/** Which pause frames a port sends and honours (IEEE 802.3x). */
enum rte_eth_fc_mode {
	RTE_ETH_FC_NONE = 0, /**< no flow control */
	RTE_ETH_FC_RX_PAUSE, /**< honour received pause frames */
	RTE_ETH_FC_TX_PAUSE, /**< send pause frames */
	RTE_ETH_FC_FULL	     /**< both */
};

/** Link flow control settings (thresholds in the device's units). */
struct rte_eth_fc_conf {
	uint32_t high_water; /**< fill level that sends XOFF */
	uint32_t low_water;  /**< fill level that sends XON */
	uint16_t pause_time; /**< pause quanta in a pause frame */
	uint16_t send_xon;   /**< 1: send XON at low_water, else 0 */
	enum rte_eth_fc_mode mode;
	uint8_t mac_ctrl_frame_fwd; /**< pass MAC control frames up */
	uint8_t autoneg; /**< negotiate pause with the link partner */
};

/** rte_eth_burst_mode.flags: the mode is chosen per queue. */
#define RTE_ETH_BURST_FLAG_PER_QUEUE RTE_BIT64(0)

/** How a queue's burst function works, as its driver describes it. */
struct rte_eth_burst_mode {
	uint64_t flags; /**< RTE_ETH_BURST_FLAG_* */
#define RTE_ETH_BURST_MODE_INFO_SIZE 1024
	char info[RTE_ETH_BURST_MODE_INFO_SIZE]; /**< text, NUL-ended */
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHDEV_TYPES_H_ */
