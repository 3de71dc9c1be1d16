/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The tx burst (virtio_xmit_pkts) against the device model of
 * virtio_model.h, on a virtqueue with no transport behind it: what the
 * device reads as the virtio_net_hdr (5.1.6.2: all zero for a packet
 * with no offload, num_buffers included, 5.1.6.2.1), whatever the
 * headroom held before; and that a header already zero is not written
 * again (its cache line stays shared with the device): the page holding
 * it is read-only while the burst runs, so a write would fault.
 */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "test_helpers.h"
#include "virtio_model.h"
#include "virtio_rxtx.h"
#include "virtio_spec.h"
#include "virtqueue.h"

#define RING	64
#define PKT_LEN 60

static struct rte_mempool *pool;
static unsigned int doorbells;

static void
count_doorbell(struct virtio_hw *hw, struct virtqueue *vq)
{
	(void)hw;
	(void)vq;
	doorbells++;
}

static const struct virtio_ops test_ops = { .notify_queue = count_doorbell };
static struct virtio_hw test_hw = { .ops = &test_ops, .name = "ttx" };

struct tx_fixture {
	struct virtio_txq txq;
	struct vq_model model;
};

static void
fixture_init(struct tx_fixture *f)
{
	static unsigned int seq;
	char name[32];

	memset(f, 0, sizeof(*f));
	snprintf(name, sizeof(name), "ttxq%u", seq++);
	f->txq.vq = virtqueue_create(name, 1, RING, SOCKET_ID_ANY, true);
	assert_non_null(f->txq.vq);
	virtqueue_reset(f->txq.vq, false);
	f->txq.hw = &test_hw;
	f->txq.hdr_size = sizeof(struct virtio_net_hdr);
	f->txq.free_thresh = 16;
	f->txq.use_va = true;
	f->txq.hdrs = rte_zmalloc(NULL, (size_t)RING * 16, 64);
	assert_non_null(f->txq.hdrs);
	f->txq.hdrs_addr = (uint64_t)(uintptr_t)f->txq.hdrs;
	vq_model_init(&f->model, f->txq.vq, false);
}

static void
fixture_fini(struct tx_fixture *f)
{
	virtio_txq_drain(&f->txq);
	virtqueue_free(f->txq.vq);
	rte_free(f->txq.hdrs);
}

/* A PKT_LEN-byte packet of byte value fill; hdr_byte in the 12 bytes of
 * headroom just before it. */
static struct rte_mbuf *
make_pkt(uint8_t fill, uint8_t hdr_byte)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	char *data;

	assert_non_null(m);
	data = rte_pktmbuf_append(m, PKT_LEN);
	assert_non_null(data);
	memset(data, fill, PKT_LEN);
	memset(data - sizeof(struct virtio_net_hdr), hdr_byte,
		sizeof(struct virtio_net_hdr));
	return m;
}

/* The device takes one chain: checks its header (hdr_size bytes) is
 * zero and its data the packet's (fill bytes), wherever the header came
 * from. */
static void
device_takes(struct tx_fixture *f, uint8_t fill)
{
	uint8_t bytes[sizeof(struct virtio_net_hdr) + PKT_LEN];
	uint32_t hlen = f->txq.hdr_size, off = 0, i;
	struct vq_model_chain c = { 0 };
	const struct vring_desc *d;
	uint16_t id;

	assert_int_equal(vq_model_process(&f->model, &c, 1, 0), 1);
	assert_int_equal(c.readable, hlen + PKT_LEN);
	for (id = c.head;; id = d->next) {
		d = &f->txq.vq->desc[id];
		memcpy(bytes + off, (void *)(uintptr_t)d->addr, d->len);
		off += d->len;
		if (!(d->flags & VRING_DESC_F_NEXT))
			break;
	}
	for (i = 0; i < hlen; i++)
		assert_int_equal(bytes[i], 0);
	for (; i < hlen + PKT_LEN; i++)
		assert_int_equal(bytes[i], fill);
}

/* Sends m alone on a fresh queue with hdr_size-byte headers; the device
 * must read a zero header and the packet's fill bytes. */
static void
send_one(struct rte_mbuf *m, uint16_t hdr_size, uint8_t fill)
{
	struct tx_fixture f;

	fixture_init(&f);
	f.txq.hdr_size = hdr_size;
	assert_int_equal(virtio_xmit_pkts(&f.txq, &m, 1), 1);
	device_takes(&f, fill);
	fixture_fini(&f);
}

/* A headroom full of another trip's bytes (an rx header, say) goes out
 * as a zero header. */
static void
test_dirty_header(void **state)
{
	(void)state;
	send_one(make_pkt(0x5a, 0xff), sizeof(struct virtio_net_hdr), 0x5a);
}

/* A legacy device without MRG_RXBUF: a 10-byte header (5.1.6.1). */
static void
test_legacy_header(void **state)
{
	(void)state;
	send_one(make_pkt(0x42, 0xff), VIRTIO_NET_HDR_LEGACY_SIZE, 0x42);
}

/* A received packet sent back: only num_buffers (the last two bytes of
 * the header the device wrote) set; 5.1.6.2.1 wants it zero. */
static void
test_num_buffers_cleared(void **state)
{
	struct rte_mbuf *m = make_pkt(0x11, 0);
	struct virtio_net_hdr *h = rte_pktmbuf_mtod_offset(m,
		struct virtio_net_hdr *, -(int)sizeof(*h));

	(void)state;
	h->num_buffers = 1;
	send_one(m, sizeof(*h), 0x11);
}

/* A zero header is only read: the page holding it is read-only for the
 * burst (a write would end the test with SIGSEGV). */
static void
test_clean_header_not_written(void **state)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct tx_fixture f;
	struct rte_mbuf *m = make_pkt(0x77, 0);
	void *hdr = rte_pktmbuf_mtod_offset(m, char *,
		-(int)sizeof(struct virtio_net_hdr));
	void *page = RTE_PTR_ALIGN_FLOOR(hdr, pg);
	size_t len =
		RTE_PTR_DIFF(RTE_PTR_ALIGN_CEIL(RTE_PTR_ADD(hdr,
							sizeof(struct virtio_net_hdr)),
				     pg),
			page);

	(void)state;
	fixture_init(&f);
	assert_int_equal(mprotect(page, len, PROT_READ), 0);
	assert_int_equal(virtio_xmit_pkts(&f.txq, &m, 1), 1);
	assert_int_equal(mprotect(page, len, PROT_READ | PROT_WRITE), 0);
	device_takes(&f, 0x77);
	fixture_fini(&f);
}

/* A shared mbuf cannot take the header in its headroom: it comes from
 * the queue's header slots, zeroed even when a slot held bytes. */
static void
test_shared_mbuf_header(void **state)
{
	struct tx_fixture f;
	struct rte_mbuf *m = make_pkt(0x33, 0xee);

	(void)state;
	fixture_init(&f);
	memset(f.txq.hdrs, 0xcd, (size_t)RING * 16);
	rte_mbuf_refcnt_update(m, 1);
	assert_int_equal(virtio_xmit_pkts(&f.txq, &m, 1), 1);
	device_takes(&f, 0x33);
	fixture_fini(&f);
	assert_int_equal(rte_mbuf_refcnt_read(m), 1);
	rte_pktmbuf_free(m);
}

/* Laps of the ring in order: every packet arrives intact, every mbuf
 * comes home, and each avail slot gets the same head lap after lap (what
 * lets vq_avail_add() leave it unwritten; test_virtqueue checks that). */
static void
test_laps(void **state)
{
	struct tx_fixture f;
	struct rte_mbuf *m;
	uint16_t first[RING];
	unsigned int i, avail_before = rte_mempool_avail_count(pool);

	(void)state;
	fixture_init(&f);
	for (i = 0; i < 5u * RING; i++) {
		m = make_pkt((uint8_t)i, i % 3 == 0 ? 0xff : 0);
		assert_int_equal(virtio_xmit_pkts(&f.txq, &m, 1), 1);
		device_takes(&f, (uint8_t)i);
		if (i < RING)
			first[i] = f.txq.vq->avail->ring[i];
		else
			assert_int_equal(f.txq.vq->avail->ring[i % RING],
				first[i % RING]);
	}
	assert_int_equal(f.model.bad_chains, 0);
	fixture_fini(&f);
	assert_int_equal(rte_mempool_avail_count(pool), avail_before);
}

static int
setup(void **state)
{
	char *argv[] = { "test_virtio_tx", "-l", "0", "--no-huge", "-m", "64",
		"--no-pci", "--log-level=lib.eal:error", NULL };

	(void)state;
	if (rte_eal_init(TEST_ARGC(argv), argv) < 0)
		return -1;
	/* No per-lcore cache: what the tests count is in the ring. */
	pool = rte_pktmbuf_pool_create("ttx_pool", 511, 0, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return pool == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_mempool_free(pool);
	rte_eal_cleanup();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dirty_header),
		cmocka_unit_test(test_num_buffers_cleared),
		cmocka_unit_test(test_legacy_header),
		cmocka_unit_test(test_clean_header_not_written),
		cmocka_unit_test(test_shared_mbuf_header),
		cmocka_unit_test(test_laps),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
