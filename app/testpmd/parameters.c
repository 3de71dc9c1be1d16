/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The testpmd arguments after "--". Every bad value is one line on
 * stderr and a -1 return, before any port is touched.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "testpmd.h"

struct testpmd_config cfg;

const struct fwd_engine *const fwd_engines[] = {
	&io_fwd_engine,
	&mac_fwd_engine,
	&mac_swap_engine,
	&flow_gen_engine,
	&rx_only_engine,
	&tx_only_engine,
	&icmp_echo_engine,
	&five_tuple_swap_engine,
	NULL,
};

void
testpmd_config_defaults(void)
{
	unsigned int i;

	memset(&cfg, 0, sizeof(cfg));
	cfg.nb_fwd_lcores = 1;
	cfg.nb_rxq = 1;
	cfg.nb_txq = 1;
	cfg.burst = 32;
	cfg.mbcache = 250;
	cfg.mbuf_data_size = RTE_MBUF_DEFAULT_BUF_SIZE;
	cfg.max_rx_pkt_len = 1518;
	cfg.engine = &io_fwd_engine;
	cfg.topology = TOPO_PAIRED;
	/* Default peers are 02:00:00:00:00:<port>, as DPDK's testpmd. */
	for (i = 0; i < TESTPMD_MAX_PORTS; i++) {
		cfg.peer[i].addr_bytes[0] = 0x02;
		cfg.peer[i].addr_bytes[5] = (uint8_t)i;
	}
	cfg.tx_seg_len[0] = 64;
	cfg.nb_tx_segs = 1;
	cfg.tx_ip_src = (198u << 24) | (18u << 16) | 1;
	cfg.tx_ip_dst = (198u << 24) | (18u << 16) | 2;
	cfg.tx_udp_src = 9;
	cfg.tx_udp_dst = 9;
	cfg.rss_hf = RTE_ETH_RSS_IP;
	cfg.lsc_interrupt = true;
	cfg.event_print_mask = event_print_mask_default();
	cfg.link_check = true;
	cfg.numa = true;
}

const struct fwd_engine *
fwd_engine_find(const char *name)
{
	unsigned int i;

	for (i = 0; fwd_engines[i] != NULL; i++)
		if (strcmp(fwd_engines[i]->name, name) == 0)
			return fwd_engines[i];
	return NULL;
}

void
testpmd_usage(const char *prog)
{
	printf("Usage: %s [EAL options] -- [testpmd options]\n"
	       "  -i, --interactive: run with a testpmd> prompt\n"
	       "  -a, --auto-start: start forwarding at init\n"
	       "  --tx-first: send one burst on every port first\n"
	       "  --stats-period=N: print port stats every N seconds\n"
	       "  --nb-cores=N, --nb-ports=N, --portmask=0xX, --portlist=L,\n"
	       "  --coremask=0xX: what forwards\n"
	       "  --rxq=N, --txq=N, --rxd=N, --txd=N (0: driver default)\n"
	       "  --burst=N (1-512; 0: what the drivers recommend), --mbcache=N,\n"
	       "  --total-num-mbufs=N (>1024),\n"
	       "  --mbuf-size=N, --max-pkt-len=N\n"
	       "  --forward-mode=io|mac|macswap|flowgen|rxonly|txonly|icmpecho|5tswap\n"
	       "  --port-topology=paired|chained|loop, --eth-peer=N,XX:XX:XX:XX:XX:XX\n"
	       "  --txpkts=X[,Y...], --tx-ip=SRC,DST, --tx-udp=SRC[,DST],\n"
	       "  --txonly-multi-flow\n"
	       "  --rss-ip, --rss-udp, --disable-rss\n"
	       "  --no-lsc-interrupt, --disable-link-check\n"
	       "  --print-event=E, --mask-event=E: print an event or not (E:\n"
	       "    unknown|intr_lsc|queue_state|intr_reset|vf_mbox|ipsec|macsec|\n"
	       "    intr_rmv|dev_probed|dev_released|flow_aged|rx_avail_thresh|\n"
	       "    err_recovering|recovery_success|recovery_failed|all)\n"
	       "  --record-core-cycles, --record-burst-stats, --numa, --no-numa\n"
	       "  -h, --help: this text\n",
		prog);
}

/* Parses an unsigned decimal (or 0x hex) number within [min, max]. */
static int
parse_uint(const char *name, const char *text, uint64_t min, uint64_t max,
	uint64_t *value)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (text == NULL || *text == '\0' || *text == '-')
		goto bad;
	v = strtoull(text, &end, 0);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		goto bad;
	*value = v;
	return 0;
bad:
	fprintf(stderr,
		"invalid --%s value '%s': expected %" PRIu64 "..%" PRIu64 "\n",
		name, text != NULL ? text : "", min, max);
	return -1;
}

int
parse_mac(const char *text, struct rte_ether_addr *mac)
{
	unsigned int b[RTE_ETHER_ADDR_LEN];
	char extra;
	int i;

	if (sscanf(text, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3],
		    &b[4], &b[5], &extra) != 6)
		return -1;
	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++) {
		if (b[i] > 0xff)
			return -1;
		mac->addr_bytes[i] = (uint8_t)b[i];
	}
	return 0;
}

static int
parse_portlist(const char *text, uint64_t *mask)
{
	const char *p = text;
	char *end;
	unsigned long first, last;

	*mask = 0;
	while (*p != '\0') {
		errno = 0;
		first = strtoul(p, &end, 10);
		if (end == p || errno != 0 || first >= 64)
			goto bad;
		last = first;
		if (*end == '-') {
			p = end + 1;
			last = strtoul(p, &end, 10);
			if (end == p || errno != 0 || last >= 64 || last < first)
				goto bad;
		}
		for (; first <= last; first++)
			*mask |= UINT64_C(1) << first;
		if (*end == ',')
			end++;
		else if (*end != '\0')
			goto bad;
		p = end;
	}
	if (*mask != 0)
		return 0;
bad:
	fprintf(stderr, "invalid --portlist value '%s': expected e.g. 0,1-3\n",
		text);
	return -1;
}

static int
parse_eth_peer(const char *text)
{
	char *comma = strchr(text, ',');
	char *end;
	unsigned long port;

	errno = 0;
	port = strtoul(text, &end, 10);
	if (comma == NULL || end != comma || errno != 0 ||
		port >= TESTPMD_MAX_PORTS ||
		parse_mac(comma + 1, &cfg.peer[port]) != 0) {
		fprintf(stderr,
			"invalid --eth-peer value '%s': expected "
			"PORT,XX:XX:XX:XX:XX:XX\n",
			text);
		return -1;
	}
	return 0;
}

static int
parse_txpkts(const char *text)
{
	char buf[256];
	char *token, *save = NULL;
	uint64_t len;
	unsigned int n = 0;

	snprintf(buf, sizeof(buf), "%s", text);
	for (token = strtok_r(buf, ",", &save); token != NULL;
		token = strtok_r(NULL, ",", &save)) {
		if (n == TESTPMD_MAX_SEGS ||
			parse_uint("txpkts", token, 1, UINT16_MAX, &len) != 0)
			goto bad;
		cfg.tx_seg_len[n++] = (uint16_t)len;
	}
	if (n == 0 || cfg.tx_seg_len[0] < 42)
		goto bad;
	cfg.nb_tx_segs = n;
	return 0;
bad:
	fprintf(stderr,
		"invalid --txpkts value '%s': expected up to %d "
		"segment lengths, the first at least 42\n",
		text, TESTPMD_MAX_SEGS);
	return -1;
}

static int
parse_tx_ip(const char *text)
{
	char buf[64];
	char *comma;
	struct in_addr src, dst;

	snprintf(buf, sizeof(buf), "%s", text);
	comma = strchr(buf, ',');
	if (comma == NULL)
		goto bad;
	*comma = '\0';
	if (inet_pton(AF_INET, buf, &src) != 1 ||
		inet_pton(AF_INET, comma + 1, &dst) != 1)
		goto bad;
	cfg.tx_ip_src = ntohl(src.s_addr);
	cfg.tx_ip_dst = ntohl(dst.s_addr);
	return 0;
bad:
	fprintf(stderr,
		"invalid --tx-ip value '%s': expected SRC,DST "
		"IPv4 addresses\n",
		text);
	return -1;
}

static int
parse_tx_udp(const char *text)
{
	char buf[32];
	char *comma;
	uint64_t src, dst;

	snprintf(buf, sizeof(buf), "%s", text);
	comma = strchr(buf, ',');
	if (comma != NULL)
		*comma = '\0';
	if (parse_uint("tx-udp", buf, 0, UINT16_MAX, &src) != 0)
		return -1;
	dst = src;
	if (comma != NULL &&
		parse_uint("tx-udp", comma + 1, 0, UINT16_MAX, &dst) != 0)
		return -1;
	cfg.tx_udp_src = (uint16_t)src;
	cfg.tx_udp_dst = (uint16_t)dst;
	return 0;
}

enum {
	OPT_TX_FIRST = 256,
	OPT_STATS_PERIOD,
	OPT_NB_CORES,
	OPT_NB_PORTS,
	OPT_PORTMASK,
	OPT_PORTLIST,
	OPT_COREMASK,
	OPT_RXQ,
	OPT_TXQ,
	OPT_RXD,
	OPT_TXD,
	OPT_BURST,
	OPT_MBCACHE,
	OPT_TOTAL_MBUFS,
	OPT_MBUF_SIZE,
	OPT_MAX_PKT_LEN,
	OPT_FWD_MODE,
	OPT_TOPOLOGY,
	OPT_ETH_PEER,
	OPT_TXPKTS,
	OPT_TX_IP,
	OPT_TX_UDP,
	OPT_MULTI_FLOW,
	OPT_RSS_IP,
	OPT_RSS_UDP,
	OPT_DISABLE_RSS,
	OPT_NO_LSC,
	OPT_NO_LINK_CHECK,
	OPT_CORE_CYCLES,
	OPT_BURST_STATS,
	OPT_NUMA,
	OPT_NO_NUMA,
	OPT_PRINT_EVENT,
	OPT_MASK_EVENT,
};

static const struct option long_options[] = {
	{ "interactive", no_argument, NULL, 'i' },
	{ "auto-start", no_argument, NULL, 'a' },
	{ "help", no_argument, NULL, 'h' },
	{ "tx-first", no_argument, NULL, OPT_TX_FIRST },
	{ "stats-period", required_argument, NULL, OPT_STATS_PERIOD },
	{ "nb-cores", required_argument, NULL, OPT_NB_CORES },
	{ "nb-ports", required_argument, NULL, OPT_NB_PORTS },
	{ "portmask", required_argument, NULL, OPT_PORTMASK },
	{ "portlist", required_argument, NULL, OPT_PORTLIST },
	{ "coremask", required_argument, NULL, OPT_COREMASK },
	{ "rxq", required_argument, NULL, OPT_RXQ },
	{ "txq", required_argument, NULL, OPT_TXQ },
	{ "rxd", required_argument, NULL, OPT_RXD },
	{ "txd", required_argument, NULL, OPT_TXD },
	{ "burst", required_argument, NULL, OPT_BURST },
	{ "mbcache", required_argument, NULL, OPT_MBCACHE },
	{ "total-num-mbufs", required_argument, NULL, OPT_TOTAL_MBUFS },
	{ "mbuf-size", required_argument, NULL, OPT_MBUF_SIZE },
	{ "max-pkt-len", required_argument, NULL, OPT_MAX_PKT_LEN },
	{ "forward-mode", required_argument, NULL, OPT_FWD_MODE },
	{ "port-topology", required_argument, NULL, OPT_TOPOLOGY },
	{ "eth-peer", required_argument, NULL, OPT_ETH_PEER },
	{ "txpkts", required_argument, NULL, OPT_TXPKTS },
	{ "tx-ip", required_argument, NULL, OPT_TX_IP },
	{ "tx-udp", required_argument, NULL, OPT_TX_UDP },
	{ "txonly-multi-flow", no_argument, NULL, OPT_MULTI_FLOW },
	{ "rss-ip", no_argument, NULL, OPT_RSS_IP },
	{ "rss-udp", no_argument, NULL, OPT_RSS_UDP },
	{ "disable-rss", no_argument, NULL, OPT_DISABLE_RSS },
	{ "no-lsc-interrupt", no_argument, NULL, OPT_NO_LSC },
	{ "print-event", required_argument, NULL, OPT_PRINT_EVENT },
	{ "mask-event", required_argument, NULL, OPT_MASK_EVENT },
	{ "disable-link-check", no_argument, NULL, OPT_NO_LINK_CHECK },
	{ "record-core-cycles", no_argument, NULL, OPT_CORE_CYCLES },
	{ "record-burst-stats", no_argument, NULL, OPT_BURST_STATS },
	{ "numa", no_argument, NULL, OPT_NUMA },
	{ "no-numa", no_argument, NULL, OPT_NO_NUMA },
	{ NULL, 0, NULL, 0 },
};

/* Options that take a plain number: where it goes and its range. */
static int
parse_number_option(int opt, const char *arg)
{
	const char *name = NULL;
	uint64_t v;
	unsigned int i;

	for (i = 0; long_options[i].name != NULL; i++)
		if (long_options[i].val == opt)
			name = long_options[i].name;
#define NUM(o, lo, hi, field) \
	case o: \
		if (parse_uint(name, arg, lo, hi, &v) != 0) \
			return -1; \
		cfg.field = (__typeof__(cfg.field))v; \
		return 0
	switch (opt) {
		NUM(OPT_STATS_PERIOD, 0, 86400, stats_period);
		NUM(OPT_NB_CORES, 1, RTE_MAX_LCORE, nb_fwd_lcores);
		NUM(OPT_NB_PORTS, 1, TESTPMD_MAX_PORTS, nb_fwd_ports);
		NUM(OPT_PORTMASK, 1, UINT64_MAX, portmask);
		NUM(OPT_COREMASK, 1, UINT64_MAX, coremask);
		NUM(OPT_RXQ, 1, TESTPMD_MAX_QUEUES, nb_rxq);
		NUM(OPT_TXQ, 1, TESTPMD_MAX_QUEUES, nb_txq);
		NUM(OPT_RXD, 0, 16384, nb_rxd);
		NUM(OPT_TXD, 0, 16384, nb_txd);
		NUM(OPT_BURST, 0, TESTPMD_MAX_BURST, burst);
		NUM(OPT_MBCACHE, 0, RTE_MEMPOOL_CACHE_MAX_SIZE, mbcache);
		NUM(OPT_TOTAL_MBUFS, 1025, UINT32_MAX, total_num_mbufs);
		NUM(OPT_MAX_PKT_LEN, 64, 65535, max_rx_pkt_len);
	}
#undef NUM
	return 1;
}

/* "N[,N...]": one size per segment pool in DPDK; the first is used. */
static int
parse_mbuf_size(const char *text)
{
	char buf[128];
	char *token, *save = NULL;
	uint64_t size;
	bool first = true;

	snprintf(buf, sizeof(buf), "%s", text);
	for (token = strtok_r(buf, ",", &save); token != NULL;
		token = strtok_r(NULL, ",", &save)) {
		if (parse_uint("mbuf-size", token, RTE_PKTMBUF_HEADROOM + 64,
			    UINT16_MAX, &size) != 0)
			return -1;
		if (first)
			cfg.mbuf_data_size = (uint16_t)size;
		first = false;
	}
	if (!first)
		return 0;
	fprintf(stderr, "invalid --mbuf-size value '%s': expected N[,N...]\n",
		text);
	return -1;
}

static int
parse_string_option(int opt, const char *arg)
{
	uint64_t mask;

	switch (opt) {
	case OPT_MBUF_SIZE:
		return parse_mbuf_size(arg);
	case OPT_PORTLIST:
		if (parse_portlist(arg, &mask) != 0)
			return -1;
		cfg.portmask = mask;
		return 0;
	case OPT_FWD_MODE:
		cfg.engine = fwd_engine_find(arg);
		if (cfg.engine != NULL)
			return 0;
		fprintf(stderr,
			"invalid --forward-mode '%s': expected io, mac, "
			"macswap, flowgen, rxonly, txonly, icmpecho or 5tswap\n",
			arg);
		return -1;
	case OPT_TOPOLOGY:
		if (strcmp(arg, "paired") == 0)
			cfg.topology = TOPO_PAIRED;
		else if (strcmp(arg, "chained") == 0)
			cfg.topology = TOPO_CHAINED;
		else if (strcmp(arg, "loop") == 0)
			cfg.topology = TOPO_LOOP;
		else {
			fprintf(stderr,
				"invalid --port-topology '%s': expected "
				"paired, chained or loop\n",
				arg);
			return -1;
		}
		return 0;
	case OPT_ETH_PEER:
		return parse_eth_peer(arg);
	case OPT_TXPKTS:
		return parse_txpkts(arg);
	case OPT_TX_IP:
		return parse_tx_ip(arg);
	case OPT_TX_UDP:
		return parse_tx_udp(arg);
	case OPT_PRINT_EVENT:
		return event_print_option(arg, true);
	case OPT_MASK_EVENT:
		return event_print_option(arg, false);
	}
	return 1;
}

static int
parse_flag_option(int opt)
{
	switch (opt) {
	case 'i':
		cfg.interactive = true;
		break;
	case 'a':
		cfg.auto_start = true;
		break;
	case OPT_TX_FIRST:
		cfg.tx_first = true;
		break;
	case OPT_MULTI_FLOW:
		cfg.txonly_multi_flow = true;
		break;
	case OPT_RSS_IP:
		cfg.rss_hf = RTE_ETH_RSS_IP;
		break;
	case OPT_RSS_UDP:
		cfg.rss_hf = RTE_ETH_RSS_UDP;
		break;
	case OPT_DISABLE_RSS:
		cfg.rss_hf = 0;
		break;
	case OPT_NO_LSC:
		cfg.lsc_interrupt = false;
		break;
	case OPT_NO_LINK_CHECK:
		cfg.link_check = false;
		break;
	case OPT_CORE_CYCLES:
		cfg.record_core_cycles = true;
		break;
	case OPT_BURST_STATS:
		cfg.record_burst_stats = true;
		break;
	case OPT_NUMA:
		cfg.numa = true;
		break;
	case OPT_NO_NUMA:
		cfg.numa = false;
		break;
	default:
		return 1;
	}
	return 0;
}

/*
 * Each --txpkts segment is one mbuf: it must fit in the data room an
 * mbuf of --mbuf-size has after its headroom (either option may come
 * first, so this runs once all are parsed).
 */
static int
check_txpkts(void)
{
	unsigned int room = cfg.mbuf_data_size - RTE_PKTMBUF_HEADROOM, i;

	for (i = 0; i < cfg.nb_tx_segs; i++)
		if (cfg.tx_seg_len[i] > room) {
			fprintf(stderr,
				"invalid --txpkts: segment %u is %u "
				"bytes, more than the %u bytes of data an mbuf "
				"holds (--mbuf-size %u less %u of headroom)\n",
				i, cfg.tx_seg_len[i], room, cfg.mbuf_data_size,
				RTE_PKTMBUF_HEADROOM);
			return -1;
		}
	return 0;
}

/* Returns 0, 1 when -h printed the usage, or -1 after one error line. */
int
testpmd_parse_args(int argc, char **argv)
{
	const char *prog = argv[0];
	int opt, ret;

	optind = 0; /* 0, not 1: glibc then forgets a previous scan */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":iah", long_options, NULL)) !=
		-1) {
		if (opt == 'h') {
			testpmd_usage(prog);
			return 1;
		}
		if (opt == '?' || opt == ':') {
			fprintf(stderr,
				"invalid testpmd option '%s' (see --help)\n",
				argv[optind - 1]);
			return -1;
		}
		ret = parse_flag_option(opt);
		if (ret == 1)
			ret = parse_number_option(opt, optarg);
		if (ret == 1)
			ret = parse_string_option(opt, optarg);
		if (ret != 0)
			return -1;
	}
	if (optind < argc) {
		fprintf(stderr, "unexpected testpmd argument '%s'\n",
			argv[optind]);
		return -1;
	}
	return check_txpkts();
}
