/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_pcap counters that must not lie and inputs that must not hang (no
 * root, no hugepages): tx files that cannot be written count oerrors and
 * say so once, paths that cannot be opened fail the probe with one line,
 * a rx_pcap FIFO without a writer fails in bounded time, malformed mbuf
 * chains are refused rather than flattened past their pkt_len, and the
 * queues' counters stay exact when two lcores poll two queues at once.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_launch.h>
#include <rte_lcore.h>

#include "pcap_test.h"

#define NB_PKTS	  6
#define NB_BURSTS 3
/* Bursts each lcore runs against a dry pool. */
#define DRY_BURSTS 200000
/* Packets each lcore sends in the two-queue tx case. */
#define TX_PER_LCORE 200000
/* Two lcores for the concurrent cases. */
#define TWO_LCORE_ARGS \
	"-l 0-1 --no-huge --no-pci -m 256 " \
	"--log-level=lib.ethdev:crit --log-level=pmd.net.pcap:info"

/* Longest a probe may take on a FIFO without a writer (the driver
 * waits 5 s). */
#define FIFO_BOUND_S 10

static const uint32_t pkt_lens[NB_PKTS] = { 60, 64, 100, 1514, 3000, 61 };

static char dir[64], in_path[128], in2_path[128], out_path[128];
static char fifo_path[128];
static char devargs[512];

/* Occurrences of needle in text. */
static int
count_of(const char *text, const char *needle)
{
	int n = 0;

	while ((text = strstr(text, needle)) != NULL) {
		n++;
		text += strlen(needle);
	}
	return n;
}

/* Runs body with eal_args and net_pcap0 on devargs; fails the case on a
 * failed body, and hands back the child's stderr. */
static void
run_pcap(const char *eal_args, const char *port_args, eal_run_hook body,
	struct eal_run *r)
{
	char args[PCAP_TEST_MAX_ARGS];

	snprintf(args, sizeof(args), "%s --vdev net_pcap0,%s", eal_args,
		port_args);
	eal_run(args, body, r);
	if (r->ret < 0 || r->hook_ret != 0 || r->status != 0)
		print_message("EAL args '%s': init %d, body %d, exit %d\n"
			      "--- child stderr ---\n%s--- end ---\n",
			args, r->ret, r->hook_ret, r->status, r->err_text);
	assert_true(r->ret >= 0);
	assert_int_equal(r->hook_ret, 0);
	assert_int_equal(r->status, 0);
}

/* NB_BURSTS bursts of NB_PKTS into a file nothing can be written to:
 * every one is taken (and freed) and every one is an error. */
ETH_BODY(body_unwritable)
{
	struct rte_mbuf *pkts[NB_PKTS];
	struct rte_eth_stats stats;
	unsigned int b;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	for (b = 0; b < NB_BURSTS; b++) {
		CHECK_OK(eth_make_pkts(pkts, NB_PKTS, 100, (uint8_t)b));
		CHECK_RET(rte_eth_tx_burst(0, 0, pkts, NB_PKTS), NB_PKTS);
	}
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.opackets == 0 && stats.obytes == 0);
	CHECK(stats.oerrors == NB_BURSTS * NB_PKTS);
	CHECK(pcap_test_xstat(0, "tx_q0_errors") == NB_BURSTS * NB_PKTS);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

static void
check_unwritable(const char *path)
{
	struct eal_run r;

	snprintf(devargs, sizeof(devargs), "tx_pcap=%s", path);
	run_pcap(ETH_EAL_ARGS, devargs, body_unwritable, &r);
	/* The first failed write is logged, the others only counted. */
	if (count_of(r.err_text, "write failed") != 1)
		print_message("stderr:\n%s", r.err_text);
	assert_int_equal(count_of(r.err_text, "write failed"), 1);
	assert_non_null(strstr(r.err_text, path));
}

static void
test_tx_dev_full(void **state)
{
	(void)state;
	check_unwritable("/dev/full");
}

/* Root may open /proc/version for writing; every write then fails. */
static void
test_tx_proc_version(void **state)
{
	(void)state;
	if (geteuid() != 0) {
		print_message("not root: /proc/version cannot even be opened "
			      "(test_tx_unopenable covers that)\n");
		return;
	}
	check_unwritable("/proc/version");
}

ETH_BODY(body_unopenable)
{
	const char *paths[] = {
		"/nonexistent/dir/out.pcap",
		"/tmp",
		NULL,
		NULL,
	};
	char args[256];
	unsigned int i;

	if (geteuid() != 0)
		paths[2] = "/proc/version";
	for (i = 0; paths[i] != NULL; i++) {
		snprintf(args, sizeof(args), "tx_pcap=%s", paths[i]);
		CHECK_RET(rte_vdev_init("net_pcap1", args), -EINVAL);
		CHECK(rte_eth_dev_count_avail() == 0);
	}
	printf("refused %u\n", i);
	return 0;
}

/* A path that cannot be opened for writing: the probe fails, one line
 * each, naming the path. */
static void
test_tx_unopenable(void **state)
{
	struct eal_run r;
	int refused;

	(void)state;
	eal_run(ETH_EAL_ARGS, body_unopenable, &r);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(r.status, 0);
	assert_int_equal(sscanf(strstr(r.out_text, "refused"), "refused %d",
				 &refused),
		1);
	assert_int_equal(count_of(r.err_text, "PCAP: "), refused);
	assert_non_null(strstr(r.err_text, "/nonexistent/dir/out.pcap"));
	assert_non_null(strstr(r.err_text, "/tmp"));
}

ETH_BODY(body_fifo_no_writer)
{
	char args[256];
	uint64_t start;

	snprintf(args, sizeof(args), "rx_pcap=%s", fifo_path);
	start = rte_get_timer_cycles();
	CHECK_RET(rte_vdev_init("net_pcap1", args), -EINVAL);
	/* Bounded: the driver's wait, and slack for a loaded machine. */
	CHECK(rte_get_timer_cycles() - start <
		rte_get_timer_hz() * FIFO_BOUND_S);
	CHECK(rte_eth_dev_count_avail() == 0);
	return 0;
}

/* A FIFO nobody writes to: one line and -EINVAL, not a hang in open. */
static void
test_fifo_no_writer(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(ETH_EAL_ARGS, body_fifo_no_writer, &r);
	if (r.hook_ret != 0)
		print_message("stderr:\n%s", r.err_text);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(count_of(r.err_text, "PCAP: "), 1);
	assert_non_null(strstr(r.err_text, "start the writer first"));
}

ETH_BODY(body_fifo_writer)
{
	struct rte_mbuf *pkts[NB_PKTS + 1];
	unsigned int got = 0, tries;
	uint16_t n;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	for (tries = 0; tries < 1000 && got < NB_PKTS; tries++) {
		n = rte_eth_rx_burst(0, 0, pkts, NB_PKTS + 1);
		CHECK(n == 0 || pkts[0]->pkt_len == pkt_lens[got]);
		got += n;
		eth_free_pkts(pkts, n);
	}
	CHECK(got == NB_PKTS);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

/* Copies in_path into the FIFO once a reader opened it, then closes. */
static pid_t
start_fifo_writer(void)
{
	char buf[4096];
	pid_t pid;
	ssize_t n;
	int in, out;

	pid = fork();
	if (pid != 0)
		return pid;
	alarm(30);
	out = open(fifo_path, O_WRONLY);
	in = open(in_path, O_RDONLY);
	if (in < 0 || out < 0)
		_exit(1);
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			_exit(1);
	_exit(0);
}

ETH_BODY(body_fifo_infinite)
{
	char args[256];

	snprintf(args, sizeof(args), "rx_pcap=%s,infinite_rx=1", fifo_path);
	CHECK_RET(rte_vdev_init("net_pcap1", args), -EINVAL);
	CHECK(rte_eth_dev_count_avail() == 0);
	return 0;
}

/* infinite_rx on a FIFO: a stream cannot be rewound, refused at probe. */
static void
test_fifo_infinite(void **state)
{
	struct eal_run r;
	int status;
	pid_t pid;

	(void)state;
	pid = start_fifo_writer();
	assert_true(pid > 0);
	eal_run(ETH_EAL_ARGS, body_fifo_infinite, &r);
	assert_int_equal(r.hook_ret, 0);
	assert_int_equal(count_of(r.err_text, "PCAP: "), 1);
	assert_non_null(strstr(r.err_text, "cannot rewind FIFO"));
	assert_int_equal(waitpid(pid, &status, 0), pid);
}

/* A FIFO whose writer comes: the port reads what it sends. */
static void
test_fifo_writer(void **state)
{
	int status;
	pid_t pid;

	(void)state;
	pid = start_fifo_writer();
	assert_true(pid > 0);
	snprintf(devargs, sizeof(devargs), "rx_pcap=%s", fifo_path);
	pcap_test_run(devargs, body_fifo_writer);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* A chain of nb_segs segments of seg_len bytes whose pkt_len says len. */
static struct rte_mbuf *
make_chain(unsigned int nb_segs, uint16_t seg_len, uint32_t len)
{
	struct rte_mbuf *head = NULL, *seg;
	unsigned int k;
	uint8_t *data;

	for (k = 0; k < nb_segs; k++) {
		seg = rte_pktmbuf_alloc(eth_pool());
		if (seg == NULL)
			break;
		data = (uint8_t *)rte_pktmbuf_append(seg, seg_len);
		if (data == NULL) {
			rte_pktmbuf_free(seg);
			break;
		}
		memset(data, (int)(k + 1), seg_len);
		if (head == NULL)
			head = seg;
		else if (rte_pktmbuf_chain(head, seg) != 0)
			rte_pktmbuf_free(seg);
	}
	if (head != NULL && k == nb_segs)
		head->pkt_len = len;
	return head;
}

/* Chains whose segments do not add up to pkt_len are dropped as errors;
 * a good chain is written as its pkt_len bytes. */
ETH_BODY(body_bad_chains)
{
	struct rte_mbuf *pkts[4];
	struct rte_eth_stats stats;

	CHECK_OK(eth_port_up(0, 1, 64, NULL));
	/* 33 x 2048 bytes of segments said to be 64 bytes: flattening
	 * by data_len would write 67,584 bytes into a 65,535-byte buffer. */
	pkts[0] = make_chain(33, 2048, 64);
	/* 2 x 100 bytes said to be 150. */
	pkts[1] = make_chain(2, 100, 150);
	/* One segment of 100 bytes said to be 1000. */
	pkts[2] = make_chain(1, 100, 1000);
	pkts[3] = make_chain(3, 700, 2100);
	CHECK(pkts[0] != NULL && pkts[1] != NULL && pkts[2] != NULL &&
		pkts[3] != NULL);
	CHECK_RET(rte_eth_tx_burst(0, 0, pkts, 4), 4);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.opackets == 1 && stats.obytes == 2100);
	CHECK(stats.oerrors == 3);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

static void
test_bad_chains(void **state)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *hdr;
	const u_char *data;
	struct eal_run r;
	unsigned int i;
	pcap_t *p;

	(void)state;
#ifdef RTE_LIBRTE_MBUF_DEBUG
	print_message("skipped: a debug build panics on a malformed mbuf, "
		      "by design\n");
	return;
#endif
	snprintf(devargs, sizeof(devargs), "tx_pcap=%s", out_path);
	run_pcap(ETH_EAL_ARGS, devargs, body_bad_chains, &r);
	assert_int_equal(count_of(r.err_text, "bad mbuf chain"), 1);
	p = pcap_open_offline(out_path, errbuf);
	assert_non_null(p);
	assert_int_equal(pcap_next_ex(p, &hdr, &data), 1);
	assert_int_equal(hdr->caplen, 2100);
	for (i = 0; i < 2100; i++)
		assert_int_equal(data[i], i / 700 + 1);
	assert_int_equal(pcap_next_ex(p, &hdr, &data), PCAP_ERROR_BREAK);
	pcap_close(p);
}

/* Bursts of queue q against a dry pool, on the lcore this runs on. */
static int
dry_bursts(void *arg)
{
	uint16_t q = (uint16_t)(uintptr_t)arg;
	struct rte_mbuf *pkts[4];
	unsigned int b;

	for (b = 0; b < DRY_BURSTS; b++)
		if (rte_eth_rx_burst(0, q, pkts, 4) != 0)
			return -1;
	return 0;
}

/*
 * Two lcores poll two rx queues of one port while the pool is dry: each
 * burst is one allocation failure, all counted (no shared counter to
 * lose updates in), and no record is consumed without a place for it.
 */
ETH_BODY(body_dry_pool)
{
	static struct rte_mbuf *held[ETH_POOL_SIZE];
	struct rte_mbuf *pkts[NB_PKTS];
	struct rte_eth_stats stats;
	unsigned int nb_held = 0, got = 0, tries;
	uint16_t n, q;

	CHECK(rte_lcore_count() == 2);
	CHECK_OK(eth_port_up(0, 2, 64, NULL));
	while (nb_held < ETH_POOL_SIZE &&
		(held[nb_held] = rte_pktmbuf_alloc(eth_pool())) != NULL)
		nb_held++;
	CHECK_RET(rte_eal_remote_launch(dry_bursts, (void *)(uintptr_t)1,
			  rte_get_next_lcore(-1, 1, 0)),
		0);
	CHECK_RET(dry_bursts((void *)(uintptr_t)0), 0);
	CHECK_RET(rte_eal_wait_lcore(rte_get_next_lcore(-1, 1, 0)), 0);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.rx_nombuf == 2 * DRY_BURSTS);
	CHECK(stats.ipackets == 0 && stats.imissed == 0);
	eth_free_pkts(held, nb_held);
	/* Every record is still there. */
	for (q = 0; q < 2; q++)
		for (tries = 0; tries < 100; tries++) {
			n = rte_eth_rx_burst(0, q, pkts, NB_PKTS);
			got += n;
			eth_free_pkts(pkts, n);
		}
	CHECK(got == 2 * NB_PKTS);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

static void
test_dry_pool(void **state)
{
	struct eal_run r;

	(void)state;
	snprintf(devargs, sizeof(devargs), "rx_pcap=%s,rx_pcap=%s", in_path,
		in2_path);
	run_pcap(TWO_LCORE_ARGS, devargs, body_dry_pool, &r);
}

/* TX_PER_LCORE packets on queue q, the same mbuf sent again and again
 * (its refcnt keeps it). */
static int
tx_many(void *arg)
{
	uint16_t q = (uint16_t)(uintptr_t)arg;
	struct rte_mbuf *pkts[8], *m;
	unsigned int sent = 0, i;

	m = rte_pktmbuf_alloc(eth_pool());
	if (m == NULL || rte_pktmbuf_append(m, 64) == NULL)
		return -1;
	memset(rte_pktmbuf_mtod(m, void *), 0x5a, 64);
	while (sent < TX_PER_LCORE) {
		rte_mbuf_refcnt_update(m, 8);
		for (i = 0; i < 8; i++)
			pkts[i] = m;
		sent += rte_eth_tx_burst(0, q, pkts, 8);
	}
	rte_pktmbuf_free(m);
	return sent == TX_PER_LCORE ? 0 : -1;
}

/* Two lcores send on two tx queues while the main one also reads the
 * counters: the sums come out exact and never go back. */
ETH_BODY(body_two_tx)
{
	struct rte_eth_stats stats;
	uint64_t last = 0;
	unsigned int reads = 0;

	CHECK(rte_lcore_count() == 2);
	CHECK_OK(eth_port_up(0, 2, 64, NULL));
	CHECK_RET(rte_eal_remote_launch(tx_many, (void *)(uintptr_t)1,
			  rte_get_next_lcore(-1, 1, 0)),
		0);
	while (rte_eal_get_lcore_state(rte_get_next_lcore(-1, 1, 0)) != WAIT &&
		reads < 1000000) {
		CHECK_RET(rte_eth_stats_get(0, &stats), 0);
		CHECK(stats.opackets >= last && stats.opackets <= TX_PER_LCORE);
		last = stats.opackets;
		reads++;
	}
	CHECK_RET(tx_many((void *)(uintptr_t)0), 0);
	CHECK_RET(rte_eal_wait_lcore(rte_get_next_lcore(-1, 1, 0)), 0);
	CHECK_RET(rte_eth_stats_get(0, &stats), 0);
	CHECK(stats.opackets == 2 * TX_PER_LCORE);
	CHECK(stats.obytes == 2 * 64 * (uint64_t)TX_PER_LCORE);
	CHECK(stats.q_opackets[0] == TX_PER_LCORE &&
		stats.q_opackets[1] == TX_PER_LCORE);
	CHECK(stats.oerrors == 0);
	CHECK_OK(eth_port_down(0));
	CHECK_POOL_FULL(eth_pool());
	return 0;
}

static void
test_two_tx(void **state)
{
	struct eal_run r;

	(void)state;
	run_pcap(TWO_LCORE_ARGS, "tx_pcap=/dev/null,tx_pcap=/dev/null",
		body_two_tx, &r);
}

static int
make_files(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/pollux-pcaperr-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(in_path, sizeof(in_path), "%s/in.pcap", dir);
	snprintf(in2_path, sizeof(in2_path), "%s/in2.pcap", dir);
	snprintf(out_path, sizeof(out_path), "%s/out.pcap", dir);
	snprintf(fifo_path, sizeof(fifo_path), "%s/fifo", dir);
	if (pcap_test_write(in_path, NB_PKTS, pkt_lens) != 0 ||
		pcap_test_write(in2_path, NB_PKTS, pkt_lens) != 0 ||
		mkfifo(fifo_path, 0600) != 0)
		return -1;
	return 0;
}

static int
remove_files(void **state)
{
	(void)state;
	unlink(in_path);
	unlink(in2_path);
	unlink(out_path);
	unlink(fifo_path);
	rmdir(dir);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tx_dev_full),
		cmocka_unit_test(test_tx_proc_version),
		cmocka_unit_test(test_tx_unopenable),
		cmocka_unit_test(test_fifo_no_writer),
		cmocka_unit_test(test_fifo_writer),
		cmocka_unit_test(test_fifo_infinite),
		cmocka_unit_test(test_bad_chains),
		cmocka_unit_test(test_dry_pool),
		cmocka_unit_test(test_two_tx),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, make_files, remove_files);
}
