/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * What needs no pool: the structure's layout and constants, the data
 * room functions (append, prepend, adj, trim, headroom, tailroom), chains
 * (chain, lastseg, read, is_contiguous), reference counts, the external
 * buffer helper, tx offload helpers and the scheduler fields. The mbufs
 * are built by hand over static buffers; each failing call must leave
 * the mbuf byte for byte as it was.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <rte_mbuf.h>
#include <rte_mbuf_dyn.h>

#define BUF_LEN 512
#define NB_SEGS 4

static struct rte_mbuf segs[NB_SEGS];
static uint8_t bufs[NB_SEGS][BUF_LEN] __rte_aligned(64);

/*
 * Stands for a pool: nothing here frees to a pool or reads its private
 * area, but debug builds' sanity checks want a non-NULL pool.
 */
static char fake_pool;

/* A direct one-segment mbuf over bufs[i], buf_len len. */
static struct rte_mbuf *
seg_init(unsigned int i, uint16_t len)
{
	struct rte_mbuf *m = &segs[i];

	memset(m, 0, sizeof(*m));
	m->pool = (struct rte_mempool *)&fake_pool;
	m->buf_addr = bufs[i];
	rte_mbuf_iova_set(m, (rte_iova_t)(uintptr_t)bufs[i]);
	m->buf_len = len;
	rte_mbuf_refcnt_set(m, 1);
	rte_pktmbuf_reset(m);
	return m;
}

static void
test_layout(void **state)
{
	struct rte_mbuf *m = seg_init(0, BUF_LEN);
	uint64_t rearm;

	(void)state;
	assert_int_equal(sizeof(struct rte_mbuf), 128);
	assert_int_equal(_Alignof(struct rte_mbuf), RTE_CACHE_LINE_SIZE);
	assert_int_equal(offsetof(struct rte_mbuf, buf_iova), 8);
	assert_int_equal(offsetof(struct rte_mbuf, rearm_data), 16);
	assert_int_equal(offsetof(struct rte_mbuf, ol_flags), 24);
	assert_int_equal(offsetof(struct rte_mbuf, rx_descriptor_fields1), 32);
	assert_int_equal(offsetof(struct rte_mbuf, pkt_len), 36);
	assert_int_equal(offsetof(struct rte_mbuf, hash), 44);
	assert_int_equal(offsetof(struct rte_mbuf, pool), 56);
	assert_int_equal(offsetof(struct rte_mbuf, cacheline1), 64);
	assert_int_equal(offsetof(struct rte_mbuf, next), 64);
	assert_int_equal(offsetof(struct rte_mbuf, dynfield1), 92);
	assert_int_equal(sizeof(struct rte_mbuf_dynfield), 88);
	assert_int_equal(sizeof(struct rte_mbuf_dynflag), 68);
	assert_int_equal(sizeof(struct rte_mbuf_ext_shared_info), 24);
	assert_int_equal(sizeof(struct rte_pktmbuf_pool_private), 8);
	assert_int_equal(sizeof(struct rte_mbuf_sched), 8);

	/* Drivers re-arm data_off, refcnt, nb_segs, port in one store. */
	m->data_off = 0x1122;
	m->nb_segs = 0x3344;
	m->port = 0x5566;
	memcpy(&rearm, &m->rearm_data, sizeof(rearm));
	assert_true(rearm ==
		(0x1122ULL | 1ULL << 16 | 0x3344ULL << 32 | 0x5566ULL << 48));

	/* The bit fields of packet_type and tx_offload. */
	m->packet_type = RTE_PTYPE_L2_ETHER_VLAN | RTE_PTYPE_L3_IPV6 |
		RTE_PTYPE_L4_SCTP | RTE_PTYPE_TUNNEL_GTPU |
		RTE_PTYPE_INNER_L2_ETHER | RTE_PTYPE_INNER_L3_IPV4_EXT |
		RTE_PTYPE_INNER_L4_ICMP;
	assert_int_equal(m->l2_type, 6);
	assert_int_equal(m->l3_type, 4);
	assert_int_equal(m->l4_type, 4);
	assert_int_equal(m->tun_type, 8);
	assert_int_equal(m->inner_l2_type, 1);
	assert_int_equal(m->inner_l3_type, 2);
	assert_int_equal(m->inner_l4_type, 5);
	m->l2_len = 14;
	m->l3_len = 20;
	m->l4_len = 32;
	m->tso_segsz = 1448;
	m->outer_l3_len = 40;
	m->outer_l2_len = 18;
	assert_true(m->tx_offload ==
		rte_mbuf_tx_offload(14, 20, 32, 1448, 40, 18, 0));
	m->hash.fdir.hash = 0xaaaa;
	m->hash.fdir.id = 0xbbbb;
	assert_int_equal(m->hash.rss, 0xbbbbaaaa);
	assert_int_equal(m->hash.fdir.lo, 0xbbbbaaaa);
}

static void
test_constants(void **state)
{
	(void)state;
	assert_int_equal(RTE_PKTMBUF_HEADROOM, 128);
	assert_int_equal(RTE_MBUF_DEFAULT_DATAROOM, 2048);
	assert_int_equal(RTE_MBUF_DEFAULT_BUF_SIZE, 2176);
	assert_int_equal(RTE_MBUF_PRIV_ALIGN, 8);
	assert_int_equal(RTE_MBUF_MAX_NB_SEGS, 65535);
	assert_int_equal(RTE_MBUF_PORT_INVALID, 65535);
	assert_int_equal(MBUF_INVALID_PORT, 65535);
	assert_int_equal(RTE_MBUF_DYN_NAMESIZE, 64);
	assert_true(RTE_MBUF_F_RX_VLAN == 1ULL);
	assert_true(RTE_MBUF_F_RX_IP_CKSUM_MASK == 0x90ULL);
	assert_true(RTE_MBUF_F_RX_L4_CKSUM_MASK == 0x108ULL);
	assert_true(RTE_MBUF_F_RX_QINQ == (1ULL << 20));
	assert_true(RTE_MBUF_F_FIRST_FREE == (1ULL << 23));
	assert_true(RTE_MBUF_F_LAST_FREE == (1ULL << 40));
	assert_true(RTE_MBUF_F_TX_TUNNEL_MASK == (0xFULL << 45));
	assert_true(RTE_MBUF_F_TX_TCP_SEG == (1ULL << 50));
	assert_true(RTE_MBUF_F_TX_UDP_CKSUM == (3ULL << 52));
	assert_true(RTE_MBUF_F_TX_OUTER_IPV6 == (1ULL << 60));
	assert_true(RTE_MBUF_F_EXTERNAL == (1ULL << 61));
	assert_true(RTE_MBUF_F_INDIRECT == (1ULL << 62));
	assert_true(RTE_MBUF_F_TX_OFFLOAD_MASK == 0x1ffffe0000000000ULL);
	assert_string_equal(RTE_MBUF_DEFAULT_MEMPOOL_OPS, "ring_mp_mc");
}

static void
test_addresses(void **state)
{
	struct rte_mbuf *m = seg_init(0, BUF_LEN);

	(void)state;
	assert_int_equal(m->data_off, RTE_PKTMBUF_HEADROOM);
	assert_ptr_equal(rte_pktmbuf_mtod(m, uint8_t *),
		bufs[0] + RTE_PKTMBUF_HEADROOM);
	assert_ptr_equal(rte_pktmbuf_mtod_offset(m, uint8_t *, 10),
		bufs[0] + RTE_PKTMBUF_HEADROOM + 10);
	assert_true(rte_pktmbuf_iova(m) ==
		(uintptr_t)bufs[0] + RTE_PKTMBUF_HEADROOM);
	assert_true(rte_pktmbuf_iova_offset(m, 7) ==
		(uintptr_t)bufs[0] + RTE_PKTMBUF_HEADROOM + 7);
	assert_true(rte_mbuf_data_iova(m) == rte_pktmbuf_iova(m));
	assert_true(rte_mbuf_data_iova_default(m) == rte_pktmbuf_iova(m));
	assert_ptr_equal(rte_mbuf_to_priv(m), (char *)m + 128);
	assert_ptr_equal(RTE_MBUF_DYNFIELD(m, 92, uint32_t *), &m->dynfield1[0]);
	assert_ptr_equal(RTE_MBUF_DYNFIELD(m, 120, uint64_t *), (char *)m + 120);
	assert_true(RTE_MBUF_DIRECT(m));
	assert_false(RTE_MBUF_CLONED(m));
	assert_false(RTE_MBUF_HAS_EXTBUF(m));
	rte_mbuf_prefetch_part1(m);
	rte_mbuf_prefetch_part2(m);
}

static void
test_reset(void **state)
{
	struct rte_mbuf *m = seg_init(0, BUF_LEN);

	(void)state;
	m->next = &segs[1];
	m->pkt_len = 99;
	m->data_len = 99;
	m->nb_segs = 3;
	m->port = 4;
	m->vlan_tci = 5;
	m->vlan_tci_outer = 6;
	m->tx_offload = 7;
	m->packet_type = 8;
	m->ol_flags = RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_TX_IPV4 |
		RTE_MBUF_F_EXTERNAL;
	m->data_off = 3;
	rte_pktmbuf_reset(m);
	assert_null(m->next);
	assert_int_equal(m->pkt_len, 0);
	assert_int_equal(m->data_len, 0);
	assert_int_equal(m->nb_segs, 1);
	assert_int_equal(m->port, RTE_MBUF_PORT_INVALID);
	assert_int_equal(m->vlan_tci, 0);
	assert_int_equal(m->vlan_tci_outer, 0);
	assert_true(m->tx_offload == 0);
	assert_int_equal(m->packet_type, 0);
	assert_true(m->ol_flags == RTE_MBUF_F_EXTERNAL);
	assert_int_equal(m->data_off, RTE_PKTMBUF_HEADROOM);
	assert_int_equal(rte_mbuf_refcnt_read(m), 1);
	/* A buffer smaller than the headroom: the data starts at its end. */
	m = seg_init(1, 100);
	assert_int_equal(m->data_off, 100);
	assert_int_equal(rte_pktmbuf_tailroom(m), 0);
	m->buf_len = 300;
	rte_pktmbuf_reset_headroom(m);
	assert_int_equal(m->data_off, RTE_PKTMBUF_HEADROOM);
}

static void
test_append_prepend(void **state)
{
	struct rte_mbuf *m = seg_init(0, BUF_LEN);
	struct rte_mbuf before;
	char *p;

	(void)state;
	assert_int_equal(rte_pktmbuf_headroom(m), 128);
	assert_int_equal(rte_pktmbuf_tailroom(m), BUF_LEN - 128);
	p = rte_pktmbuf_append(m, 100);
	assert_ptr_equal(p, bufs[0] + 128);
	assert_int_equal(m->data_len, 100);
	assert_int_equal(m->pkt_len, 100);
	assert_int_equal(rte_pktmbuf_tailroom(m), BUF_LEN - 228);
	p = rte_pktmbuf_prepend(m, 28);
	assert_ptr_equal(p, bufs[0] + 100);
	assert_ptr_equal(p, rte_pktmbuf_mtod(m, char *));
	assert_int_equal(m->data_len, 128);
	assert_int_equal(m->pkt_len, 128);
	assert_int_equal(rte_pktmbuf_headroom(m), 100);
	/* Too much: NULL and nothing changes. */
	before = *m;
	assert_null(rte_pktmbuf_prepend(m, 101));
	assert_null(rte_pktmbuf_append(m, BUF_LEN - 228 + 1));
	assert_memory_equal(&before, m, sizeof(before));
	/* Exactly all of it. */
	assert_non_null(rte_pktmbuf_prepend(m, 100));
	assert_non_null(rte_pktmbuf_append(m, BUF_LEN - 228));
	assert_int_equal(m->data_len, BUF_LEN);
	assert_int_equal(rte_pktmbuf_headroom(m), 0);
	assert_int_equal(rte_pktmbuf_tailroom(m), 0);
	before = *m;
	assert_null(rte_pktmbuf_append(m, 1));
	assert_null(rte_pktmbuf_prepend(m, 1));
	assert_non_null(rte_pktmbuf_append(m, 0));
	assert_memory_equal(&before, m, sizeof(before));
}

static void
test_adj_trim(void **state)
{
	struct rte_mbuf *m = seg_init(0, BUF_LEN);
	struct rte_mbuf before;
	char *p;

	(void)state;
	assert_non_null(rte_pktmbuf_append(m, 200));
	p = rte_pktmbuf_adj(m, 14);
	assert_ptr_equal(p, bufs[0] + 128 + 14);
	assert_int_equal(m->data_len, 186);
	assert_int_equal(m->pkt_len, 186);
	assert_int_equal(rte_pktmbuf_trim(m, 6), 0);
	assert_int_equal(m->data_len, 180);
	assert_int_equal(m->pkt_len, 180);
	before = *m;
	assert_null(rte_pktmbuf_adj(m, 181));
	assert_int_equal(rte_pktmbuf_trim(m, 181), -1);
	assert_memory_equal(&before, m, sizeof(before));
	assert_int_equal(rte_pktmbuf_trim(m, 180), 0);
	assert_int_equal(m->data_len, 0);
	assert_int_equal(m->pkt_len, 0);
	assert_null(rte_pktmbuf_adj(m, 1));
	assert_int_equal(rte_pktmbuf_trim(m, 1), -1);
}

/* Three segments of 100, 50 and 30 bytes, data 0, 1, 2, ... */
static struct rte_mbuf *
three_segs(void)
{
	static const uint16_t lens[] = { 100, 50, 30 };
	struct rte_mbuf *head = NULL, *m;
	unsigned int i, j, n = 0;

	for (i = 0; i < 3; i++) {
		m = seg_init(i, BUF_LEN);
		for (j = 0; j < lens[i]; j++)
			rte_pktmbuf_append(m, 1)[0] = (char)n++;
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0)
			return NULL;
	}
	return head;
}

static void
test_chain(void **state)
{
	struct rte_mbuf *head = three_segs(), *extra, before;
	const char *reason = NULL;

	(void)state;
	assert_non_null(head);
	assert_int_equal(head->nb_segs, 3);
	assert_int_equal(head->pkt_len, 180);
	assert_int_equal(head->data_len, 100);
	assert_ptr_equal(head->next, &segs[1]);
	assert_ptr_equal(segs[1].next, &segs[2]);
	assert_null(segs[2].next);
	assert_int_equal(segs[1].pkt_len, 50);
	assert_ptr_equal(rte_pktmbuf_lastseg(head), &segs[2]);
	assert_false(rte_pktmbuf_is_contiguous(head));
	assert_true(rte_pktmbuf_is_contiguous(&segs[2]));
	/* append and trim act on the last segment. */
	assert_ptr_equal(rte_pktmbuf_append(head, 10),
		rte_pktmbuf_mtod_offset(&segs[2], char *, 30));
	assert_int_equal(segs[2].data_len, 40);
	assert_int_equal(head->pkt_len, 190);
	assert_int_equal(rte_pktmbuf_trim(head, 10), 0);
	assert_int_equal(rte_pktmbuf_trim(head, 31), -1);
	assert_int_equal(head->pkt_len, 180);
	/*
	 * More than RTE_MBUF_MAX_NB_SEGS segments: -EOVERFLOW, nothing
	 * changes. (nb_segs is faked: the check comes before any walk.)
	 */
	extra = seg_init(3, BUF_LEN);
	extra->nb_segs = 2;
	head->nb_segs = RTE_MBUF_MAX_NB_SEGS - 1;
	before = *head;
	assert_int_equal(rte_pktmbuf_chain(head, extra), -EOVERFLOW);
	assert_memory_equal(&before, head, sizeof(before));
	assert_null(segs[2].next);
	head->nb_segs = 3;
	extra->nb_segs = 1;
	/* Within the limit it chains. */
	assert_int_equal(rte_pktmbuf_chain(head, extra), 0);
	assert_int_equal(head->nb_segs, 4);
	assert_int_equal(head->pkt_len, 180);
	assert_ptr_equal(segs[2].next, extra);
	head->pool = NULL;
	assert_int_equal(rte_mbuf_check(head, 0, &reason), -1);
	assert_string_equal(reason, "mbuf has no pool");
}

static void
test_read(void **state)
{
	struct rte_mbuf *head = three_segs();
	uint8_t copy[256];
	const uint8_t *p;
	unsigned int i;

	(void)state;
	memset(copy, 0xee, sizeof(copy));
	/* In the first segment: a pointer into it, buf untouched. */
	p = rte_pktmbuf_read(head, 10, 90, copy);
	assert_ptr_equal(p, rte_pktmbuf_mtod_offset(head, uint8_t *, 10));
	assert_int_equal(copy[0], 0xee);
	/* Inside the second segment: a pointer into that one. */
	p = rte_pktmbuf_read(head, 110, 20, copy);
	assert_ptr_equal(p, rte_pktmbuf_mtod_offset(&segs[1], uint8_t *, 10));
	/* Across all three: copied. */
	p = rte_pktmbuf_read(head, 95, 80, copy);
	assert_ptr_equal(p, copy);
	for (i = 0; i < 80; i++)
		assert_int_equal(p[i], 95 + i);
	p = rte_pktmbuf_read(head, 0, 180, copy);
	assert_ptr_equal(p, copy);
	for (i = 0; i < 180; i++)
		assert_int_equal(p[i], i);
	/* Past the end, or a length that wraps around. */
	assert_null(rte_pktmbuf_read(head, 0, 181, copy));
	assert_null(rte_pktmbuf_read(head, 170, 11, copy));
	assert_null(rte_pktmbuf_read(head, 181, 0, copy));
	assert_null(rte_pktmbuf_read(head, 100, UINT32_MAX, copy));
	assert_null(rte_pktmbuf_read(head, UINT32_MAX, 2, copy));
	assert_non_null(rte_pktmbuf_read(head, 180, 0, copy));
	assert_non_null(rte_pktmbuf_read(head, 179, 1, copy));
	assert_int_equal(*(const uint8_t *)rte_pktmbuf_read(head, 179, 1, copy),
		179);
}

static void
test_refcnt(void **state)
{
	struct rte_mbuf *head = three_segs();

	(void)state;
	assert_int_equal(rte_mbuf_refcnt_read(head), 1);
	assert_int_equal(rte_mbuf_refcnt_update(head, 1), 2);
	assert_int_equal(rte_mbuf_refcnt_update(head, 5), 7);
	assert_int_equal(rte_mbuf_refcnt_update(head, -6), 1);
	assert_int_equal(rte_mbuf_refcnt_update(head, -1), 0);
	rte_mbuf_refcnt_set(head, 3);
	assert_int_equal(rte_mbuf_refcnt_read(head), 3);
	rte_mbuf_refcnt_set(head, 1);
	rte_pktmbuf_refcnt_update(head, 2);
	assert_int_equal(rte_mbuf_refcnt_read(&segs[0]), 3);
	assert_int_equal(rte_mbuf_refcnt_read(&segs[1]), 3);
	assert_int_equal(rte_mbuf_refcnt_read(&segs[2]), 3);
	rte_pktmbuf_refcnt_update(head, -2);
	assert_int_equal(rte_mbuf_refcnt_read(&segs[2]), 1);
}

#define RACE_THREADS 4
#define RACE_LOOPS   200000

static void *
refcnt_racer(void *arg)
{
	struct rte_mbuf *m = arg;
	unsigned int i;

	for (i = 0; i < RACE_LOOPS; i++) {
		rte_mbuf_refcnt_update(m, 1);
		rte_mbuf_refcnt_update(m, -1);
	}
	return NULL;
}

/* Concurrent updates lose nothing (the count starts shared: 2). */
static void
test_refcnt_atomic(void **state)
{
	struct rte_mbuf *m = seg_init(0, BUF_LEN);
	pthread_t threads[RACE_THREADS];
	unsigned int i;

	(void)state;
	rte_mbuf_refcnt_set(m, 2);
	for (i = 0; i < RACE_THREADS; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, refcnt_racer,
					 m),
			0);
	for (i = 0; i < RACE_THREADS; i++)
		pthread_join(threads[i], NULL);
	assert_int_equal(rte_mbuf_refcnt_read(m), 2);
}

static void
test_ext_shinfo(void **state)
{
	static uint8_t ext[300] __rte_aligned(8);
	struct rte_mbuf_ext_shared_info *shinfo;
	uint16_t len = sizeof(ext);

	(void)state;
	shinfo = rte_pktmbuf_ext_shinfo_init_helper(ext, &len, NULL, ext);
	assert_non_null(shinfo);
	assert_true((uintptr_t)shinfo % sizeof(uintptr_t) == 0);
	assert_true((uint8_t *)shinfo + sizeof(*shinfo) <= ext + sizeof(ext));
	assert_true((uint8_t *)shinfo + sizeof(*shinfo) + sizeof(uintptr_t) >
		ext + sizeof(ext));
	assert_int_equal(len, (uint8_t *)shinfo - ext);
	assert_ptr_equal(shinfo->fcb_opaque, ext);
	assert_int_equal(rte_mbuf_ext_refcnt_read(shinfo), 1);
	assert_int_equal(rte_mbuf_ext_refcnt_update(shinfo, 2), 3);
	assert_int_equal(rte_mbuf_ext_refcnt_update(shinfo, -1), 2);
	rte_mbuf_ext_refcnt_set(shinfo, 1);
	assert_int_equal(rte_mbuf_ext_refcnt_update(shinfo, -1), 0);
	/* Too small to hold the shared info and a byte: nothing written. */
	len = sizeof(*shinfo);
	assert_null(rte_pktmbuf_ext_shinfo_init_helper(ext, &len, NULL, NULL));
	assert_int_equal(len, sizeof(*shinfo));
	assert_null(rte_pktmbuf_ext_shinfo_init_helper(NULL, &len, NULL, NULL));
	assert_null(rte_pktmbuf_ext_shinfo_init_helper(ext, NULL, NULL, NULL));
}

static void
test_tx_offload(void **state)
{
	struct rte_mbuf *m = seg_init(0, BUF_LEN);

	(void)state;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	m->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
		RTE_MBUF_F_TX_TCP_CKSUM;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	m->ol_flags = RTE_MBUF_F_TX_IPV6 | RTE_MBUF_F_TX_IP_CKSUM;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags = RTE_MBUF_F_TX_UDP_CKSUM;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV6;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->tso_segsz = 1400;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	m->ol_flags = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags |= RTE_MBUF_F_TX_IP_CKSUM;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	m->ol_flags = RTE_MBUF_F_TX_OUTER_IP_CKSUM;
	assert_int_equal(rte_validate_tx_offload(m), -EINVAL);
	m->ol_flags |= RTE_MBUF_F_TX_OUTER_IPV4;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	/* rx flags alone: nothing to validate. */
	m->ol_flags = RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_IP_CKSUM_BAD;
	assert_int_equal(rte_validate_tx_offload(m), 0);
	assert_true(rte_mbuf_tx_offload(1, 0, 0, 0, 0, 0, 0) == 1);
	assert_true(rte_mbuf_tx_offload(0, 1, 0, 0, 0, 0, 0) == 1ULL << 7);
	assert_true(rte_mbuf_tx_offload(0, 0, 0, 1, 0, 0, 0) == 1ULL << 24);
	assert_true(rte_mbuf_tx_offload(0, 0, 0, 0, 0, 1, 0) == 1ULL << 49);
	assert_true(rte_mbuf_tx_offload(0, 0, 0, 0, 0, 0, 1) == 1ULL << 56);
}

static void
test_sched(void **state)
{
	struct rte_mbuf *m = seg_init(0, BUF_LEN);
	uint32_t queue;
	uint8_t tc, color;

	(void)state;
	m->hash.sched.reserved = 0xffff;
	rte_mbuf_sched_set(m, 0x12345678, 3, 2);
	assert_int_equal(m->hash.sched.reserved, 0);
	rte_mbuf_sched_get(m, &queue, &tc, &color);
	assert_int_equal(queue, 0x12345678);
	assert_int_equal(tc, 3);
	assert_int_equal(color, 2);
	rte_mbuf_sched_queue_set(m, 7);
	rte_mbuf_sched_traffic_class_set(m, 1);
	rte_mbuf_sched_color_set(m, 0);
	assert_int_equal(rte_mbuf_sched_queue_get(m), 7);
	assert_int_equal(rte_mbuf_sched_traffic_class_get(m), 1);
	assert_int_equal(rte_mbuf_sched_color_get(m), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_constants),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_append_prepend),
		cmocka_unit_test(test_adj_trim),
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_refcnt),
		cmocka_unit_test(test_refcnt_atomic),
		cmocka_unit_test(test_ext_shinfo),
		cmocka_unit_test(test_tx_offload),
		cmocka_unit_test(test_sched),
	};

	return cmocka_run_group_tests_name("mbuf_data", tests, NULL, NULL);
}
