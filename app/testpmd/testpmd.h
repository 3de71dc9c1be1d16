/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * pollux-testpmd: shared state of the application. Forwarding engines
 * (one per file) see only struct fwd_stream and struct fwd_engine.
 */
#ifndef POLLUX_TESTPMD_H
#define POLLUX_TESTPMD_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define TESTPMD_MAX_PORTS   RTE_MAX_ETHPORTS
#define TESTPMD_MAX_BURST   512
#define TESTPMD_MAX_QUEUES  64
#define TESTPMD_MAX_SEGS    8
#define TESTPMD_MAX_STREAMS (TESTPMD_MAX_PORTS * TESTPMD_MAX_QUEUES)

/* One Rx queue feeding one Tx queue, polled by one forwarding lcore. */
struct fwd_stream {
	uint16_t rx_port;
	uint16_t rx_queue;
	uint16_t tx_port;
	uint16_t tx_queue;
	struct rte_mempool *pool; /* for engines that make packets */
	uint64_t rx_packets;
	uint64_t tx_packets;
	uint64_t fwd_dropped; /* Tx refused, freed */
	uint64_t core_cycles; /* --record-core-cycles */
	uint32_t flow_index;  /* txonly multi-flow / flowgen */
	/* --record-burst-stats: bursts of each size, 0 left uncounted */
	uint64_t rx_burst_spread[TESTPMD_MAX_BURST + 1];
	uint64_t tx_burst_spread[TESTPMD_MAX_BURST + 1];
} __rte_cache_aligned;

/* A forwarding engine: how to process one burst of one stream. */
struct fwd_engine {
	const char *name;
	/* Called once per port before forwarding starts; may be NULL. */
	int (*port_begin)(uint16_t port_id);
	/* Called for each stream before forwarding starts; may be NULL. */
	void (*stream_begin)(struct fwd_stream *fs);
	void (*packet_fwd)(struct fwd_stream *fs);
};

extern const struct fwd_engine io_fwd_engine;
extern const struct fwd_engine mac_fwd_engine;
extern const struct fwd_engine mac_swap_engine;
extern const struct fwd_engine rx_only_engine;
extern const struct fwd_engine tx_only_engine;
extern const struct fwd_engine flow_gen_engine;
extern const struct fwd_engine five_tuple_swap_engine;
extern const struct fwd_engine icmp_echo_engine;
extern const struct fwd_engine *const fwd_engines[];

enum port_topology {
	TOPO_PAIRED,
	TOPO_CHAINED,
	TOPO_LOOP
};

/* Everything the command line (or the prompt) sets. */
struct testpmd_config {
	bool interactive;
	bool auto_start;
	bool tx_first;
	unsigned int stats_period;
	unsigned int nb_fwd_lcores;
	unsigned int nb_fwd_ports; /* 0: all selected */
	uint64_t portmask;	   /* 0: all */
	uint64_t coremask;	   /* 0: every worker lcore */
	uint16_t nb_rxq;
	uint16_t nb_txq;
	uint16_t nb_rxd;
	uint16_t nb_txd;
	uint16_t burst;
	unsigned int mbcache;
	unsigned int total_num_mbufs; /* 0: computed */
	uint16_t mbuf_data_size;
	uint32_t max_rx_pkt_len;
	const struct fwd_engine *engine;
	enum port_topology topology;
	struct rte_ether_addr peer[TESTPMD_MAX_PORTS];
	uint16_t tx_seg_len[TESTPMD_MAX_SEGS];
	unsigned int nb_tx_segs;
	uint32_t tx_ip_src; /* host order */
	uint32_t tx_ip_dst;
	uint16_t tx_udp_src;
	uint16_t tx_udp_dst;
	bool txonly_multi_flow;
	uint64_t rss_hf;
	bool lsc_interrupt;	   /* intr_conf.lsc where the port can */
	uint32_t event_print_mask; /* bit per rte_eth_event_type */
	bool link_check;
	bool record_core_cycles;
	bool record_burst_stats;
	bool numa;
	unsigned int verbose; /* bit 0: dump Rx, bit 1: dump Tx */
	bool tx_retry;	      /* "set fwd MODE retry" */
};

/* "set fwd MODE retry": Tx retries of a partly refused burst, as DPDK. */
#define TESTPMD_TX_RETRY_NUM	  64
#define TESTPMD_TX_RETRY_DELAY_US 1

extern struct testpmd_config cfg;

/* Forwarding state, built by fwd_config_setup(). */
extern uint16_t fwd_ports[TESTPMD_MAX_PORTS];
extern unsigned int nb_fwd_ports_cur;
extern unsigned int fwd_lcores[RTE_MAX_LCORE];
extern unsigned int nb_fwd_lcores_cur;
extern struct fwd_stream *fwd_streams;
extern unsigned int nb_fwd_streams;
/* Streams [lcore_stream_start[i], +lcore_stream_count[i]) run on fwd_lcores[i]. */
extern unsigned int lcore_stream_start[RTE_MAX_LCORE];
extern unsigned int lcore_stream_count[RTE_MAX_LCORE];
extern volatile bool fwd_stop_requested;
extern bool fwd_running;
extern struct rte_mempool *socket_pools[RTE_MAX_NUMA_NODES];

/* events.c: port events printed as DPDK's testpmd prints them. */
uint32_t event_print_mask_default(void);
/* --print-event (print) or --mask-event NAME; -1 after one line. */
int event_print_option(const char *name, bool print);
int events_register(void);
void events_unregister(void);

/* parameters.c */
void testpmd_config_defaults(void);
int testpmd_parse_args(int argc, char **argv);
void testpmd_usage(const char *prog);
const struct fwd_engine *fwd_engine_find(const char *name);
int parse_mac(const char *text, struct rte_ether_addr *mac);

/* config.c */
int fwd_config_setup(void);
/* What set the number of forwarding lcores, for error lines: the
 * command-line option, or "set nbcore" at the prompt. */
extern const char *fwd_nb_cores_source;
void fwd_config_display(void);
const struct fwd_engine *fwd_engine_shown(void);
void rxtx_config_display(void);
void cores_config_display(void);
uint16_t fwd_peer_port(unsigned int index);
int burst_size_set(uint16_t burst);

/* ports.c */
int ports_init(void);
int port_socket(uint16_t port_id);
int port_start(uint16_t port_id);
void port_stop(uint16_t port_id);
void port_close(uint16_t port_id);
void ports_shutdown(void);
bool port_is_started(uint16_t port_id);
bool port_is_closed(uint16_t port_id);
bool port_is_stopped(uint16_t port_id);
bool ports_all_stopped(void);
void port_reconfig_request(uint16_t port_id);
int port_mtu_set(uint16_t port_id, uint16_t mtu);
void port_attached(uint16_t port_id);

/* fwd.c */
extern const struct fwd_engine *fwd_engine_running;
int start_packet_forwarding(unsigned int tx_first_bursts);
void stop_packet_forwarding(void);
void
fwd_stream_tx(struct fwd_stream *fs, struct rte_mbuf **pkts, uint16_t nb_rx);

/* dump.c: "set verbose" per-packet lines, in DPDK's layout */
void pkt_burst_dump(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **pkts,
	uint16_t nb_pkts, bool rx);

/* One Rx burst of the stream, counted. */
static inline uint16_t
fwd_stream_rx(struct fwd_stream *fs, struct rte_mbuf **pkts)
{
	uint16_t nb_rx;

	nb_rx = rte_eth_rx_burst(fs->rx_port, fs->rx_queue, pkts, cfg.burst);
	if (nb_rx == 0)
		return 0;
	if (unlikely(cfg.verbose & 1))
		pkt_burst_dump(fs->rx_port, fs->rx_queue, pkts, nb_rx, true);
	fs->rx_packets += nb_rx;
	if (unlikely(cfg.record_burst_stats))
		fs->rx_burst_spread[nb_rx]++;
	return nb_rx;
}

/* stats.c */
void nic_stats_display(uint16_t port_id);
void nic_stats_clear(uint16_t port_id);
void nic_xstats_display(uint16_t port_id);
void port_link_display(uint16_t port_id);
void fwd_stats_display(void);
void fwd_stats_reset(void);
void stats_period_show(void);

/* port_info.c: "show port info|summary", "show device info", ... */
void port_infos_display(uint16_t port_id);
void port_summary_header(void);
void port_summary_display(uint16_t port_id);
void device_infos_display(uint16_t port_id);
void rxq_info_display(uint16_t port_id, uint16_t queue_id);
void txq_info_display(uint16_t port_id, uint16_t queue_id);
void port_rss_hash_display(uint16_t port_id, bool show_key);

/* txpkt.c: the UDP/IPv4 packet txonly and flowgen send */
void txpkt_stream_init(struct fwd_stream *fs);
int txpkt_fill(struct fwd_stream *fs, struct rte_mbuf *head, uint32_t src_ip,
	uint16_t src_port);
struct rte_mbuf *
txpkt_build(struct fwd_stream *fs, uint32_t src_ip, uint16_t src_port);

/* cmdline.c */
void prompt(void);

#endif /* POLLUX_TESTPMD_H */
