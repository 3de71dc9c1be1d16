/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The packet buffer descriptor (struct rte_mbuf), its offload flags and the
 * few macros that need nothing but the structure.
 *
 * Applications include <rte_mbuf.h>, which includes this file.
 *
 * Memory of one mbuf taken from a pktmbuf pool:
 *
 *   +-------------------+------------+--------------------------------+
 *   | struct rte_mbuf   | private    | data buffer (buf_len bytes)    |
 *   | 128 B, 2 lines    | priv_size  | headroom | data | tailroom    |
 *   +-------------------+------------+--------------------------------+
 *   ^ m                              ^ buf_addr ^ buf_addr + data_off
 *
 * Cache line 0 holds everything a receive path writes per packet: the
 * 8 bytes re-armed from a template (data_off, refcnt, nb_segs, port), the
 * offload flags and the descriptor fields (packet_type .. hash), plus the
 * buffer address and pool. Cache line 1 holds what only chains, transmit
 * offloads, external buffers and dynamic fields use. The layout is
 * DPDK 22.11's (with RTE_IOVA_AS_PA) and is pinned by static_assert below.
 */
#ifndef _RTE_MBUF_CORE_H_
#define _RTE_MBUF_CORE_H_

#include <assert.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_byteorder.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Pollux always keeps buf_iova in the mbuf (DPDK's RTE_IOVA_AS_PA build,
 * the one Debian ships). Defined here for applications that test it.
 */
#ifndef RTE_IOVA_AS_PA
#define RTE_IOVA_AS_PA 1
#endif

/*
 * Receive offload flags (ol_flags bits 0..22), set by a driver.
 */

/** vlan_tci holds the VLAN TCI of the packet (stripped or not). */
#define RTE_MBUF_F_RX_VLAN (1ULL << 0)
/** hash.rss holds the RSS hash. */
#define RTE_MBUF_F_RX_RSS_HASH (1ULL << 1)
/** The packet matched a flow director rule. */
#define RTE_MBUF_F_RX_FDIR (1ULL << 2)
/** The outer IP checksum of a tunnelled packet is wrong. */
#define RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD (1ULL << 5)
/** The VLAN header was removed; vlan_tci holds it (implies RX_VLAN). */
#define RTE_MBUF_F_RX_VLAN_STRIPPED (1ULL << 6)

/** Two bits saying what the driver knows of the IP checksum. */
#define RTE_MBUF_F_RX_IP_CKSUM_MASK    ((1ULL << 4) | (1ULL << 7))
#define RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN 0	   /**< not checked */
#define RTE_MBUF_F_RX_IP_CKSUM_BAD     (1ULL << 4) /**< checked, wrong */
#define RTE_MBUF_F_RX_IP_CKSUM_GOOD    (1ULL << 7) /**< checked, right */
/** The checksum in the packet is not filled in but the data is intact. */
#define RTE_MBUF_F_RX_IP_CKSUM_NONE ((1ULL << 4) | (1ULL << 7))

/** Two bits saying what the driver knows of the L4 checksum. */
#define RTE_MBUF_F_RX_L4_CKSUM_MASK    ((1ULL << 3) | (1ULL << 8))
#define RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN 0
#define RTE_MBUF_F_RX_L4_CKSUM_BAD     (1ULL << 3)
#define RTE_MBUF_F_RX_L4_CKSUM_GOOD    (1ULL << 8)
#define RTE_MBUF_F_RX_L4_CKSUM_NONE    ((1ULL << 3) | (1ULL << 8))

/** An IEEE 1588 (PTP) packet was received. */
#define RTE_MBUF_F_RX_IEEE1588_PTP (1ULL << 9)
/** The PTP packet was time-stamped by the device. */
#define RTE_MBUF_F_RX_IEEE1588_TMST (1ULL << 10)
/** hash.fdir.hi holds the flow director id. */
#define RTE_MBUF_F_RX_FDIR_ID (1ULL << 13)
/** hash.fdir holds flexible bytes. */
#define RTE_MBUF_F_RX_FDIR_FLX (1ULL << 14)
/** The outer VLAN was removed; vlan_tci_outer holds it. */
#define RTE_MBUF_F_RX_QINQ_STRIPPED (1ULL << 15)
/** Several received segments were merged (LRO); see tso_segsz. */
#define RTE_MBUF_F_RX_LRO (1ULL << 16)
/* Bit 17 is unused. */
/** The packet went through inline security (IPsec) processing. */
#define RTE_MBUF_F_RX_SEC_OFFLOAD (1ULL << 18)
/** That security processing failed. */
#define RTE_MBUF_F_RX_SEC_OFFLOAD_FAILED (1ULL << 19)
/** vlan_tci and vlan_tci_outer hold the inner and outer VLAN TCIs. */
#define RTE_MBUF_F_RX_QINQ (1ULL << 20)

/** Two bits for the outer L4 checksum of a tunnelled packet. */
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK    ((1ULL << 21) | (1ULL << 22))
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN 0
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD     (1ULL << 21)
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_GOOD    (1ULL << 22)
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_INVALID ((1ULL << 21) | (1ULL << 22))

/*
 * Bits 23..40 belong to no static flag: rte_mbuf_dynflag_register()
 * hands them out.
 */
#define RTE_MBUF_F_FIRST_FREE (1ULL << 23)
#define RTE_MBUF_F_LAST_FREE  (1ULL << 40)

/*
 * Transmit offload flags (ol_flags bits 41..60), set by the application.
 */

/** Compute the outer UDP checksum of a tunnelled packet. */
#define RTE_MBUF_F_TX_OUTER_UDP_CKSUM (1ULL << 41)
/** UDP fragmentation offload (needs tso_segsz and the header lengths). */
#define RTE_MBUF_F_TX_UDP_SEG (1ULL << 42)
/** Inline security (IPsec) processing on transmit. */
#define RTE_MBUF_F_TX_SEC_OFFLOAD (1ULL << 43)
/** MACsec processing on transmit. */
#define RTE_MBUF_F_TX_MACSEC (1ULL << 44)

/** Tunnel type for tunnel offloads: a 4-bit value at bit 45. */
#define RTE_MBUF_F_TX_TUNNEL_VXLAN     (0x1ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_GRE       (0x2ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_IPIP      (0x3ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_GENEVE    (0x4ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_MPLSINUDP (0x5ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_VXLAN_GPE (0x6ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_GTP       (0x7ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_ESP       (0x8ULL << 45)
/** Generic IP-in-something tunnel, described only by the lengths. */
#define RTE_MBUF_F_TX_TUNNEL_IP (0xDULL << 45)
/** Generic UDP tunnel, described only by the lengths. */
#define RTE_MBUF_F_TX_TUNNEL_UDP  (0xEULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_MASK (0xFULL << 45)

/** Insert the outer VLAN (vlan_tci_outer) too. */
#define RTE_MBUF_F_TX_QINQ (1ULL << 49)
/** TCP segmentation offload (needs tso_segsz and the header lengths). */
#define RTE_MBUF_F_TX_TCP_SEG (1ULL << 50)
/** Time-stamp this PTP packet when it is sent. */
#define RTE_MBUF_F_TX_IEEE1588_TMST (1ULL << 51)

/** Which L4 checksum to compute: a 2-bit value at bit 52. */
#define RTE_MBUF_F_TX_L4_NO_CKSUM (0ULL << 52)
#define RTE_MBUF_F_TX_TCP_CKSUM	  (1ULL << 52)
#define RTE_MBUF_F_TX_SCTP_CKSUM  (2ULL << 52)
#define RTE_MBUF_F_TX_UDP_CKSUM	  (3ULL << 52)
#define RTE_MBUF_F_TX_L4_MASK	  (3ULL << 52)

/** Compute the IPv4 header checksum (needs l2_len and l3_len). */
#define RTE_MBUF_F_TX_IP_CKSUM (1ULL << 54)
/** The packet is IPv4 (for checksum and segmentation offloads). */
#define RTE_MBUF_F_TX_IPV4 (1ULL << 55)
/** The packet is IPv6. */
#define RTE_MBUF_F_TX_IPV6 (1ULL << 56)
/** Insert the VLAN in vlan_tci. */
#define RTE_MBUF_F_TX_VLAN (1ULL << 57)
/** Compute the outer IPv4 checksum of a tunnelled packet. */
#define RTE_MBUF_F_TX_OUTER_IP_CKSUM (1ULL << 58)
/** The outer header of a tunnelled packet is IPv4. */
#define RTE_MBUF_F_TX_OUTER_IPV4 (1ULL << 59)
/** The outer header of a tunnelled packet is IPv6. */
#define RTE_MBUF_F_TX_OUTER_IPV6 (1ULL << 60)

/** Every transmit offload bit. */
#define RTE_MBUF_F_TX_OFFLOAD_MASK \
	(RTE_MBUF_F_TX_OUTER_IPV6 | RTE_MBUF_F_TX_OUTER_IPV4 | \
		RTE_MBUF_F_TX_OUTER_IP_CKSUM | RTE_MBUF_F_TX_VLAN | \
		RTE_MBUF_F_TX_IPV6 | RTE_MBUF_F_TX_IPV4 | \
		RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK | \
		RTE_MBUF_F_TX_IEEE1588_TMST | RTE_MBUF_F_TX_TCP_SEG | \
		RTE_MBUF_F_TX_QINQ | RTE_MBUF_F_TX_TUNNEL_MASK | \
		RTE_MBUF_F_TX_MACSEC | RTE_MBUF_F_TX_SEC_OFFLOAD | \
		RTE_MBUF_F_TX_UDP_SEG | RTE_MBUF_F_TX_OUTER_UDP_CKSUM)

/** The data buffer is not the mbuf's own: shinfo describes it. */
#define RTE_MBUF_F_EXTERNAL (1ULL << 61)
/** The mbuf points at another mbuf's buffer (a clone). */
#define RTE_MBUF_F_INDIRECT (1ULL << 62)

/** The private area after struct rte_mbuf is a multiple of this. */
#define RTE_MBUF_PRIV_ALIGN 8

/** Default data room of one mbuf, headroom excluded. */
#define RTE_MBUF_DEFAULT_DATAROOM 2048
/** Default buffer size of one mbuf: data room plus headroom. */
#define RTE_MBUF_DEFAULT_BUF_SIZE \
	(RTE_MBUF_DEFAULT_DATAROOM + RTE_PKTMBUF_HEADROOM)

/** What the hierarchical scheduler keeps in hash.sched. */
struct rte_mbuf_sched {
	uint32_t queue_id;     /**< scheduler queue */
	uint8_t traffic_class; /**< 0 is the highest priority */
	uint8_t color;	       /**< traffic color (enum rte_color) */
	uint16_t reserved;     /**< unused */
};

/** Widths and positions of the tx_offload bit fields. */
enum {
	RTE_MBUF_L2_LEN_BITS = 7,
	RTE_MBUF_L3_LEN_BITS = 9,
	RTE_MBUF_L4_LEN_BITS = 8,
	RTE_MBUF_TSO_SEGSZ_BITS = 16,
	RTE_MBUF_OUTL3_LEN_BITS = 9,
	RTE_MBUF_OUTL2_LEN_BITS = 7,
	RTE_MBUF_TXOFLD_UNUSED_BITS = sizeof(uint64_t) * CHAR_BIT -
		RTE_MBUF_L2_LEN_BITS - RTE_MBUF_L3_LEN_BITS -
		RTE_MBUF_L4_LEN_BITS - RTE_MBUF_TSO_SEGSZ_BITS -
		RTE_MBUF_OUTL3_LEN_BITS - RTE_MBUF_OUTL2_LEN_BITS,
#if RTE_BYTE_ORDER == RTE_BIG_ENDIAN
	RTE_MBUF_L2_LEN_OFS = sizeof(uint64_t) * CHAR_BIT -
		RTE_MBUF_L2_LEN_BITS,
	RTE_MBUF_L3_LEN_OFS = RTE_MBUF_L2_LEN_OFS - RTE_MBUF_L3_LEN_BITS,
	RTE_MBUF_L4_LEN_OFS = RTE_MBUF_L3_LEN_OFS - RTE_MBUF_L4_LEN_BITS,
	RTE_MBUF_TSO_SEGSZ_OFS = RTE_MBUF_L4_LEN_OFS - RTE_MBUF_TSO_SEGSZ_BITS,
	RTE_MBUF_OUTL3_LEN_OFS = RTE_MBUF_TSO_SEGSZ_OFS -
		RTE_MBUF_OUTL3_LEN_BITS,
	RTE_MBUF_OUTL2_LEN_OFS = RTE_MBUF_OUTL3_LEN_OFS -
		RTE_MBUF_OUTL2_LEN_BITS,
	RTE_MBUF_TXOFLD_UNUSED_OFS = RTE_MBUF_OUTL2_LEN_OFS -
		RTE_MBUF_TXOFLD_UNUSED_BITS,
#else
	RTE_MBUF_L2_LEN_OFS = 0,
	RTE_MBUF_L3_LEN_OFS = RTE_MBUF_L2_LEN_OFS + RTE_MBUF_L2_LEN_BITS,
	RTE_MBUF_L4_LEN_OFS = RTE_MBUF_L3_LEN_OFS + RTE_MBUF_L3_LEN_BITS,
	RTE_MBUF_TSO_SEGSZ_OFS = RTE_MBUF_L4_LEN_OFS + RTE_MBUF_L4_LEN_BITS,
	RTE_MBUF_OUTL3_LEN_OFS = RTE_MBUF_TSO_SEGSZ_OFS +
		RTE_MBUF_TSO_SEGSZ_BITS,
	RTE_MBUF_OUTL2_LEN_OFS = RTE_MBUF_OUTL3_LEN_OFS +
		RTE_MBUF_OUTL3_LEN_BITS,
	RTE_MBUF_TXOFLD_UNUSED_OFS = RTE_MBUF_OUTL2_LEN_OFS +
		RTE_MBUF_OUTL2_LEN_BITS,
#endif
};

struct rte_mempool;
struct rte_mbuf_ext_shared_info;

/**
 * A packet buffer, or one segment of a chained packet.
 *
 * Fields marked "head only" are meaningful in the first segment of a
 * chain. refcnt is read and written only through rte_mbuf_refcnt_*().
 */
struct rte_mbuf {
	/* ---- cache line 0: everything receive touches ---- */
	RTE_MARKER cacheline0;

	void *buf_addr; /**< virtual address of the buffer */
	rte_iova_t buf_iova __rte_aligned(sizeof(rte_iova_t));
	/**< IO address of the buffer */

	/* The next 8 bytes are rewritten from a template at rx re-arm. */
	RTE_MARKER64 rearm_data;
	uint16_t data_off; /**< data start, from buf_addr */
	uint16_t refcnt;   /**< holders of this mbuf (atomic) */
	uint16_t nb_segs;  /**< segments in the chain (head only) */
	uint16_t port;	   /**< input port, or the output port */

	uint64_t ol_flags; /**< RTE_MBUF_F_* and dynamic flags */

	/* From here to buf_len: what a receive descriptor tells. */
	RTE_MARKER rx_descriptor_fields1;

	RTE_STD_C11
	union {
		uint32_t packet_type; /**< RTE_PTYPE_* of the data present */
		__extension__ struct {
			uint8_t l2_type : 4;  /**< (outer) L2 */
			uint8_t l3_type : 4;  /**< (outer) L3 */
			uint8_t l4_type : 4;  /**< (outer) L4 */
			uint8_t tun_type : 4; /**< tunnel */
			RTE_STD_C11
			union {
				/** next protocol of an ESP tunnel */
				uint8_t inner_esp_next_proto;
				__extension__ struct {
					uint8_t inner_l2_type : 4;
					uint8_t inner_l3_type : 4;
				};
			};
			uint8_t inner_l4_type : 4;
		};
	};

	uint32_t pkt_len;  /**< bytes in all segments (head only) */
	uint16_t data_len; /**< bytes of data in this segment */
	uint16_t vlan_tci; /**< VLAN TCI, CPU order (RX_VLAN) */

	RTE_STD_C11
	union {
		union {
			uint32_t rss; /**< RSS hash (RX_RSS_HASH) */
			struct {
				union {
					struct {
						uint16_t hash;
						uint16_t id;
					};
					uint32_t lo;
				};
				uint32_t hi;
			} fdir; /**< flow director result (RX_FDIR) */
			struct rte_mbuf_sched sched;
			struct {
				uint32_t reserved1;
				uint16_t reserved2;
				uint16_t txq; /**< eventdev tx adapter queue */
			} txadapter;
			uint32_t usr; /**< application tag */
		} hash;
	};

	uint16_t vlan_tci_outer;  /**< outer VLAN TCI (RX_QINQ) */
	uint16_t buf_len;	  /**< size of the buffer at buf_addr */
	struct rte_mempool *pool; /**< pool the mbuf returns to */

	/* ---- cache line 1: chains, transmit, extbuf, dynamic fields ---- */
	RTE_MARKER cacheline1 __rte_cache_min_aligned;

	struct rte_mbuf *next; /**< next segment, NULL in the last */

	RTE_STD_C11
	union {
		uint64_t tx_offload; /**< all the lengths, in one load */
		__extension__ struct {
			uint64_t l2_len : RTE_MBUF_L2_LEN_BITS;
			uint64_t l3_len : RTE_MBUF_L3_LEN_BITS;
			uint64_t l4_len : RTE_MBUF_L4_LEN_BITS;
			uint64_t tso_segsz : RTE_MBUF_TSO_SEGSZ_BITS;
			uint64_t outer_l3_len : RTE_MBUF_OUTL3_LEN_BITS;
			uint64_t outer_l2_len : RTE_MBUF_OUTL2_LEN_BITS;
		};
	};

	/** The external buffer's shared data (with RTE_MBUF_F_EXTERNAL). */
	struct rte_mbuf_ext_shared_info *shinfo;
	/**
	 * Size of the private area after the mbuf. An indirect mbuf holds
	 * the direct mbuf's value, so the direct one can be found.
	 */
	uint16_t priv_size;
	uint16_t timesync; /**< IEEE 1588 timesync register index */
	/** Room handed out by rte_mbuf_dynfield_register(). */
	uint32_t dynfield1[9];
} __rte_cache_aligned;

/*
 * The layout is part of the API (RTE_MBUF_DYNFIELD offsets, drivers that
 * write rearm_data as one 64-bit store): keep it DPDK 22.11's.
 */
static_assert(sizeof(struct rte_mbuf) == 128, "rte_mbuf is two cache lines");
static_assert(offsetof(struct rte_mbuf, cacheline0) == 0, "cacheline0");
static_assert(offsetof(struct rte_mbuf, buf_addr) == 0, "buf_addr");
static_assert(offsetof(struct rte_mbuf, buf_iova) == 8, "buf_iova");
static_assert(offsetof(struct rte_mbuf, rearm_data) == 16, "rearm_data");
static_assert(offsetof(struct rte_mbuf, data_off) == 16, "data_off");
static_assert(offsetof(struct rte_mbuf, refcnt) == 18, "refcnt");
static_assert(offsetof(struct rte_mbuf, nb_segs) == 20, "nb_segs");
static_assert(offsetof(struct rte_mbuf, port) == 22, "port");
static_assert(offsetof(struct rte_mbuf, ol_flags) == 24, "ol_flags");
static_assert(offsetof(struct rte_mbuf, rx_descriptor_fields1) == 32,
	"rx_descriptor_fields1");
static_assert(offsetof(struct rte_mbuf, packet_type) == 32, "packet_type");
static_assert(offsetof(struct rte_mbuf, pkt_len) == 36, "pkt_len");
static_assert(offsetof(struct rte_mbuf, data_len) == 40, "data_len");
static_assert(offsetof(struct rte_mbuf, vlan_tci) == 42, "vlan_tci");
static_assert(offsetof(struct rte_mbuf, hash) == 44, "hash");
static_assert(offsetof(struct rte_mbuf, hash.fdir.hi) == 48, "hash.fdir.hi");
static_assert(offsetof(struct rte_mbuf, hash.txadapter.txq) == 50,
	"hash.txadapter.txq");
static_assert(offsetof(struct rte_mbuf, vlan_tci_outer) == 52, "vlan_tci_outer");
static_assert(offsetof(struct rte_mbuf, buf_len) == 54, "buf_len");
static_assert(offsetof(struct rte_mbuf, pool) == 56, "pool");
static_assert(offsetof(struct rte_mbuf, cacheline1) == 64, "cacheline1");
static_assert(offsetof(struct rte_mbuf, next) == 64, "next");
static_assert(offsetof(struct rte_mbuf, tx_offload) == 72, "tx_offload");
static_assert(offsetof(struct rte_mbuf, shinfo) == 80, "shinfo");
static_assert(offsetof(struct rte_mbuf, priv_size) == 88, "priv_size");
static_assert(offsetof(struct rte_mbuf, timesync) == 90, "timesync");
static_assert(offsetof(struct rte_mbuf, dynfield1) == 92, "dynfield1");
static_assert(sizeof(((struct rte_mbuf *)0)->dynfield1) == 36, "dynfield1 size");
static_assert(sizeof(((struct rte_mbuf *)0)->hash) == 8, "hash size");

/** Called when the last mbuf attached to an external buffer lets go. */
typedef void (*rte_mbuf_extbuf_free_callback_t)(void *addr, void *opaque);

/** Shared data of an external buffer, usually kept at its end. */
struct rte_mbuf_ext_shared_info {
	rte_mbuf_extbuf_free_callback_t free_cb; /**< frees the buffer */
	void *fcb_opaque; /**< free_cb's second argument */
	uint16_t refcnt;  /**< mbufs attached (atomic) */
};

/** Most segments one packet can have (nb_segs is 16 bits). */
#define RTE_MBUF_MAX_NB_SEGS UINT16_MAX

/** Non-zero if the mbuf is a clone (indirect). */
#define RTE_MBUF_CLONED(mb) ((mb)->ol_flags & RTE_MBUF_F_INDIRECT)

/** Non-zero if the mbuf's buffer is an external one. */
#define RTE_MBUF_HAS_EXTBUF(mb) ((mb)->ol_flags & RTE_MBUF_F_EXTERNAL)

/** True if the mbuf uses its own embedded buffer. */
#define RTE_MBUF_DIRECT(mb) \
	(!((mb)->ol_flags & (RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL)))

/** port value of an mbuf that came from no port. */
#define RTE_MBUF_PORT_INVALID UINT16_MAX
/** Old name of RTE_MBUF_PORT_INVALID. */
#define MBUF_INVALID_PORT RTE_MBUF_PORT_INVALID

/**
 * Pointer of type t to the byte o bytes into the mbuf's data (first
 * segment only; nothing is checked).
 */
#define rte_pktmbuf_mtod_offset(m, t, o) \
	((t)(void *)((char *)(m)->buf_addr + (m)->data_off + (o)))

/** Pointer of type t to the start of the mbuf's data. */
#define rte_pktmbuf_mtod(m, t) rte_pktmbuf_mtod_offset(m, t, 0)

/** IO address of the byte o bytes into the mbuf's data. */
#define rte_pktmbuf_iova_offset(m, o) \
	(rte_iova_t)(rte_mbuf_iova_get(m) + (m)->data_off + (o))

/** IO address of the start of the mbuf's data. */
#define rte_pktmbuf_iova(m) rte_pktmbuf_iova_offset(m, 0)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_CORE_H_ */
