/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * pollux-testpmd argument parsing (app/testpmd/parameters.c), without
 * the EAL: every option's good and bad values, as tables of cases.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testpmd.h"

/* The engines parameters.c names; only their names matter here. */
const struct fwd_engine io_fwd_engine = { .name = "io" };
const struct fwd_engine mac_fwd_engine = { .name = "mac" };
const struct fwd_engine mac_swap_engine = { .name = "macswap" };
const struct fwd_engine rx_only_engine = { .name = "rxonly" };
const struct fwd_engine tx_only_engine = { .name = "txonly" };
const struct fwd_engine flow_gen_engine = { .name = "flowgen" };
const struct fwd_engine five_tuple_swap_engine = { .name = "5tswap" };
const struct fwd_engine icmp_echo_engine = { .name = "icmpecho" };

#define MAX_ARGS 8

/* Parses "prog ARGS...": the return of testpmd_parse_args(). */
static int
parse(const char *first, ...)
{
	char *argv[MAX_ARGS + 2];
	char copies[MAX_ARGS + 1][128];
	const char *arg = first;
	int argc = 0;
	va_list ap;

	testpmd_config_defaults();
	snprintf(copies[argc], sizeof(copies[argc]), "testpmd");
	argv[argc] = copies[argc];
	argc++;
	va_start(ap, first);
	while (arg != NULL && argc <= MAX_ARGS) {
		snprintf(copies[argc], sizeof(copies[argc]), "%s", arg);
		argv[argc] = copies[argc];
		argc++;
		arg = va_arg(ap, const char *);
	}
	va_end(ap);
	argv[argc] = NULL;
	return testpmd_parse_args(argc, argv);
}

static void
test_defaults(void **state)
{
	(void)state;
	assert_int_equal(parse(NULL), 0);
	assert_false(cfg.interactive);
	assert_int_equal(cfg.nb_fwd_lcores, 1);
	assert_int_equal(cfg.nb_rxq, 1);
	assert_int_equal(cfg.nb_txq, 1);
	assert_int_equal(cfg.nb_rxd, 0);
	assert_int_equal(cfg.burst, 32);
	assert_int_equal(cfg.mbcache, 250);
	assert_int_equal(cfg.mbuf_data_size, RTE_MBUF_DEFAULT_BUF_SIZE);
	assert_int_equal(cfg.max_rx_pkt_len, 1518);
	assert_ptr_equal(cfg.engine, &io_fwd_engine);
	assert_int_equal(cfg.topology, TOPO_PAIRED);
	assert_int_equal(cfg.tx_seg_len[0], 64);
	assert_int_equal(cfg.tx_ip_src, 0xc6120001);
	assert_int_equal(cfg.tx_ip_dst, 0xc6120002);
	assert_int_equal(cfg.tx_udp_src, 9);
	assert_int_equal(cfg.peer[1].addr_bytes[0], 0x02);
	assert_int_equal(cfg.peer[1].addr_bytes[5], 1);
	assert_true(cfg.numa);
	assert_true(cfg.link_check);
}

static void
test_flags(void **state)
{
	(void)state;
	assert_int_equal(parse("-i", "-a", "--tx-first", "--txonly-multi-flow",
				 "--disable-rss", "--no-lsc-interrupt",
				 "--disable-link-check", "--no-numa", NULL),
		0);
	assert_true(cfg.interactive);
	assert_true(cfg.auto_start);
	assert_true(cfg.tx_first);
	assert_true(cfg.txonly_multi_flow);
	assert_int_equal(cfg.rss_hf, 0);
	assert_false(cfg.lsc_interrupt);
	assert_false(cfg.link_check);
	assert_false(cfg.numa);
	assert_int_equal(parse("--interactive", "--auto-start",
				 "--record-core-cycles", "--record-burst-stats",
				 "--rss-udp", NULL),
		0);
	assert_true(cfg.record_core_cycles);
	assert_true(cfg.record_burst_stats);
	assert_int_equal(cfg.rss_hf, RTE_ETH_RSS_UDP);
	assert_int_equal(parse("-h", NULL), 1);
}

static void
test_numbers(void **state)
{
	(void)state;
	assert_int_equal(parse("--nb-cores=3", "--nb-ports", "2",
				 "--portmask=0x5", "--coremask=6",
				 "--stats-period=2", NULL),
		0);
	assert_int_equal(cfg.nb_fwd_lcores, 3);
	assert_int_equal(cfg.nb_fwd_ports, 2);
	assert_int_equal(cfg.portmask, 5);
	assert_int_equal(cfg.coremask, 6);
	assert_int_equal(cfg.stats_period, 2);
	assert_int_equal(parse("--rxq=4", "--txq=2", "--rxd=1024", "--txd=0",
				 "--burst=512", "--mbcache=0",
				 "--total-num-mbufs=2048", NULL),
		0);
	assert_int_equal(cfg.nb_rxq, 4);
	assert_int_equal(cfg.nb_txq, 2);
	assert_int_equal(cfg.nb_rxd, 1024);
	assert_int_equal(cfg.nb_txd, 0);
	assert_int_equal(cfg.burst, 512);
	assert_int_equal(cfg.mbcache, 0);
	assert_int_equal(cfg.total_num_mbufs, 2048);
	/* 0 asks the drivers, once ports exist (burst_size_set()). */
	assert_int_equal(parse("--burst=0", NULL), 0);
	assert_int_equal(cfg.burst, 0);
	/* A --txpkts segment fits an mbuf of --mbuf-size, given before or
	 * after it. */
	assert_int_equal(parse("--txpkts=3000", "--mbuf-size=4096", NULL), 0);
	assert_int_equal(cfg.tx_seg_len[0], 3000);
	assert_int_equal(parse("--mbuf-size=4096", "--txpkts=64,3968", NULL), 0);
	assert_int_equal(parse("--mbuf-size=4096", "--txpkts=64,3969", NULL),
		-1);
	assert_int_equal(parse("--mbuf-size=4096", "--max-pkt-len=9000", NULL),
		0);
	assert_int_equal(cfg.mbuf_data_size, 4096);
	assert_int_equal(cfg.max_rx_pkt_len, 9000);
	assert_int_equal(parse("--mbuf-size=3000,2048", NULL), 0);
	assert_int_equal(cfg.mbuf_data_size, 3000);
}

static void
test_strings(void **state)
{
	(void)state;
	assert_int_equal(parse("--forward-mode=macswap",
				 "--port-topology=chained",
				 "--eth-peer=3,aa:bb:cc:dd:ee:0f",
				 "--txpkts=64,128", "--tx-ip=10.0.0.1,10.0.0.9",
				 "--tx-udp=1000,2000", "--portlist=0,2-3", NULL),
		0);
	assert_ptr_equal(cfg.engine, &mac_swap_engine);
	assert_int_equal(cfg.topology, TOPO_CHAINED);
	assert_int_equal(cfg.peer[3].addr_bytes[0], 0xaa);
	assert_int_equal(cfg.peer[3].addr_bytes[5], 0x0f);
	assert_int_equal(cfg.nb_tx_segs, 2);
	assert_int_equal(cfg.tx_seg_len[1], 128);
	assert_int_equal(cfg.tx_ip_src, 0x0a000001);
	assert_int_equal(cfg.tx_ip_dst, 0x0a000009);
	assert_int_equal(cfg.tx_udp_src, 1000);
	assert_int_equal(cfg.tx_udp_dst, 2000);
	assert_int_equal(cfg.portmask, 0xd);
	assert_int_equal(parse("--tx-udp=77", "--port-topology=loop", NULL), 0);
	assert_int_equal(cfg.tx_udp_src, 77);
	assert_int_equal(cfg.tx_udp_dst, 77);
	assert_int_equal(cfg.topology, TOPO_LOOP);
}

/* Each bad value: -1 (the line on stderr is checked end to end). */
static const char *const bad_args[] = {
	"--nb-cores=0",
	"--nb-cores=x",
	"--nb-ports=0",
	"--portmask=0",
	"--portmask=zz",
	"--coremask=-1",
	"--rxq=0",
	"--rxq=65",
	"--txq=",
	"--rxd=16385",
	"--txd=-2",
	"--burst=513",
	"--mbcache=513",
	"--total-num-mbufs=1024",
	"--mbuf-size=1",
	"--mbuf-size=",
	"--mbuf-size=2048,x",
	"--max-pkt-len=10",
	"--stats-period=1s",
	"--forward-mode=csum",
	"--port-topology=x",
	"--eth-peer=1",
	"--eth-peer=x,00:00:00:00:00:00",
	"--eth-peer=1,00:00:00:00:00",
	"--eth-peer=1,100:00:00:00:00:00",
	"--txpkts=41",
	"--txpkts=64,0",
	"--txpkts=1,2,3,4,5,6,7,8,9",
	"--tx-ip=1.2.3.4",
	"--tx-ip=1.2.3,4.5.6.7",
	"--tx-udp=65536",
	"--tx-udp=1,x",
	"--portlist=",
	"--portlist=3-1",
	"--portlist=64",
	"--portlist=1,,",
	"--no-such",
	"-x",
	"--burst",
	"stray",
	"--txpkts=2049",
	"--txpkts=64,4000",
};

static void
test_bad_values(void **state)
{
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad_args); i++) {
		if (parse(bad_args[i], NULL) != -1)
			fail_msg("'%s' accepted", bad_args[i]);
	}
}

/* --print-event and --mask-event: the mask of DPDK 22.11's testpmd by
 * default, then each option applied in order. */
static void
test_events(void **state)
{
	uint32_t lsc = 1u << RTE_ETH_EVENT_INTR_LSC;
	uint32_t probed = 1u << RTE_ETH_EVENT_NEW;

	(void)state;
	assert_int_equal(parse(NULL), 0);
	assert_true(cfg.lsc_interrupt);
	assert_true((cfg.event_print_mask & lsc) != 0);
	assert_true((cfg.event_print_mask & probed) == 0);
	assert_true((cfg.event_print_mask & (1u << RTE_ETH_EVENT_DESTROY)) == 0);
	assert_int_equal(parse("--mask-event=intr_lsc",
				 "--print-event=dev_probed", NULL),
		0);
	assert_true((cfg.event_print_mask & lsc) == 0);
	assert_true((cfg.event_print_mask & probed) != 0);
	assert_int_equal(parse("--mask-event", "all", "--print-event",
				 "intr_lsc", NULL),
		0);
	assert_int_equal(cfg.event_print_mask, lsc);
	assert_int_equal(parse("--print-event=all", NULL), 0);
	assert_int_equal(cfg.event_print_mask, UINT32_MAX);
	assert_int_equal(parse("--print-event=lsc", NULL), -1);
	assert_int_equal(parse("--mask-event=", NULL), -1);
	assert_int_equal(parse("--print-event", NULL), -1);
}

static void
test_engine_find(void **state)
{
	(void)state;
	assert_ptr_equal(fwd_engine_find("icmpecho"), &icmp_echo_engine);
	assert_ptr_equal(fwd_engine_find("5tswap"), &five_tuple_swap_engine);
	assert_null(fwd_engine_find("IO"));
	assert_null(fwd_engine_find(""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_engine_find),
	};

	/* The rejected values print their line; keep the output short. */
	if (getenv("KEEP") == NULL && freopen("/dev/null", "w", stderr) == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
