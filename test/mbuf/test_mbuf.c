/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * mbufs from a pool: what alloc hands out, alloc and free one by one and
 * in bulk (all or nothing, NULL entries, chains, shared mbufs, several
 * pools), the raw calls, the private area, reference counts on free,
 * the consistency checks with each reason they give, and the dump. Each
 * case has its own EAL in a forked child and ends with its pools full.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <rte_lcore.h>
#include <rte_mbuf.h>

#include "mbuf_test.h"

static struct rte_mempool *
make_pool(const char *name, unsigned int n, unsigned int cache, uint16_t priv,
	uint16_t room)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create(name, n, cache, priv,
		room, SOCKET_ID_ANY);

	if (mp == NULL)
		fprintf(stderr, "cannot create pool %s: %s\n", name,
			rte_strerror(rte_errno));
	return mp;
}

/* What rte_pktmbuf_alloc() promises, for an mbuf of mp. */
static int
check_fresh(struct rte_mbuf *m, struct rte_mempool *mp, uint16_t priv)
{
	CHECK(m != NULL);
	CHECK(m->pool == mp);
	CHECK(m->buf_addr == (char *)m + sizeof(*m) + priv);
	CHECK(rte_mbuf_iova_get(m) ==
		rte_mempool_virt2iova(m) + sizeof(*m) + priv);
	CHECK(m->buf_len == rte_pktmbuf_data_room_size(mp));
	CHECK(m->priv_size == priv);
	CHECK(m->data_off == RTE_MIN(RTE_PKTMBUF_HEADROOM, m->buf_len));
	CHECK(m->data_len == 0 && m->pkt_len == 0);
	CHECK(m->nb_segs == 1 && m->next == NULL);
	CHECK(rte_mbuf_refcnt_read(m) == 1);
	CHECK(m->port == RTE_MBUF_PORT_INVALID);
	CHECK(m->ol_flags == 0 && m->packet_type == 0);
	CHECK(m->vlan_tci == 0 && m->vlan_tci_outer == 0);
	CHECK(m->tx_offload == 0);
	CHECK(rte_mbuf_check(m, 1, NULL) == 0);
	return 0;
}

MBUF_BODY(body_alloc_free)
{
	static struct rte_mbuf *all[MBUF_N];
	struct rte_mempool *mp = make_pool("alloc", MBUF_N, 32, 0,
		RTE_MBUF_DEFAULT_BUF_SIZE);
	struct rte_mbuf *m;
	unsigned int i, j;

	CHECK(mp != NULL);
	CHECK(rte_pktmbuf_data_room_size(mp) == RTE_MBUF_DEFAULT_BUF_SIZE);
	CHECK(rte_pktmbuf_priv_size(mp) == 0);
	m = rte_pktmbuf_alloc(mp);
	CHECK_OK(check_fresh(m, mp, 0));
	CHECK(rte_mempool_avail_count(mp) == MBUF_N - 1);
	/* Dirty it; the next alloc of it must be clean again. */
	memset(rte_pktmbuf_append(m, 100), 0xab, 100);
	m->ol_flags = RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_TX_IPV4;
	m->packet_type = RTE_PTYPE_L2_ETHER;
	m->port = 3;
	m->vlan_tci = 9;
	m->l2_len = 14;
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_pktmbuf_free(NULL);
	/* Every mbuf, all distinct, then the pool is empty. */
	for (i = 0; i < MBUF_N; i++) {
		all[i] = rte_pktmbuf_alloc(mp);
		CHECK_OK(check_fresh(all[i], mp, 0));
		for (j = 0; j < i; j++)
			CHECK(all[j] != all[i]);
	}
	CHECK(rte_mempool_avail_count(mp) == 0);
	CHECK(rte_pktmbuf_alloc(mp) == NULL);
	CHECK(rte_mbuf_raw_alloc(mp) == NULL);
	for (i = 0; i < MBUF_N; i++)
		rte_pktmbuf_free(all[i]);
	CHECK_POOL_FULL(mp);
	/* Raw: only the pool invariant; raw_free puts it straight back. */
	m = rte_mbuf_raw_alloc(mp);
	CHECK(m != NULL && m->pool == mp && m->next == NULL);
	CHECK(m->nb_segs == 1 && rte_mbuf_refcnt_read(m) == 1);
	rte_mbuf_raw_free(m);
	m = rte_pktmbuf_alloc(mp);
	rte_pktmbuf_free_seg(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_alloc_free, body_alloc_free)

MBUF_BODY(body_alloc_bulk)
{
	struct rte_mempool *mp = make_pool("bulk", MBUF_N, 64, 0, 512);
	struct rte_mbuf *mbufs[MBUF_N], *more[MBUF_N];
	unsigned int i;

	CHECK(mp != NULL);
	CHECK(rte_pktmbuf_alloc_bulk(mp, mbufs, 0) == 0);
	CHECK(rte_pktmbuf_alloc_bulk(mp, mbufs, 32) == 0);
	for (i = 0; i < 32; i++) {
		CHECK_OK(check_fresh(mbufs[i], mp, 0));
		rte_pktmbuf_append(mbufs[i], 10);
		mbufs[i]->ol_flags = RTE_MBUF_F_TX_VLAN;
	}
	CHECK(rte_mempool_avail_count(mp) == MBUF_N - 32);
	rte_pktmbuf_free_bulk(mbufs, 32);
	CHECK_POOL_FULL(mp);
	/* They come back reset. */
	CHECK(rte_pktmbuf_alloc_bulk(mp, mbufs, 32) == 0);
	for (i = 0; i < 32; i++)
		CHECK_OK(check_fresh(mbufs[i], mp, 0));
	/* More than is left: nothing taken. */
	CHECK(rte_pktmbuf_alloc_bulk(mp, more, MBUF_N - 31) < 0);
	CHECK(rte_mempool_avail_count(mp) == MBUF_N - 32);
	CHECK(rte_pktmbuf_alloc_bulk(mp, more, MBUF_N - 32) == 0);
	CHECK(rte_mempool_avail_count(mp) == 0);
	rte_pktmbuf_free_bulk(more, MBUF_N - 32);
	rte_pktmbuf_free_bulk(mbufs, 32);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_alloc_bulk, body_alloc_bulk)

/* free_bulk of NULLs, chains, shared mbufs, two pools, > one batch. */
MBUF_BODY(body_free_bulk_mixed)
{
	struct rte_mempool *mp1 = make_pool("fb1", MBUF_N, 32, 0, 512);
	struct rte_mempool *mp2 = make_pool("fb2", MBUF_N, 0, 8, 256);
	struct rte_mbuf *mbufs[200], *held, *tail;
	unsigned int i;

	CHECK(mp1 != NULL && mp2 != NULL);
	for (i = 0; i < 200; i++) {
		if (i % 7 == 3) {
			mbufs[i] = NULL;
			continue;
		}
		mbufs[i] = rte_pktmbuf_alloc(i % 3 == 0 ? mp2 : mp1);
		CHECK(mbufs[i] != NULL);
	}
	/* A chain whose segments come from both pools. */
	tail = rte_pktmbuf_alloc(mp2);
	CHECK(tail != NULL && rte_pktmbuf_chain(mbufs[1], tail) == 0);
	tail = rte_pktmbuf_alloc(mp1);
	CHECK(tail != NULL && rte_pktmbuf_chain(mbufs[1], tail) == 0);
	/* A shared mbuf: free_bulk only drops a reference. */
	held = mbufs[5];
	rte_mbuf_refcnt_update(held, 1);
	rte_pktmbuf_free_bulk(mbufs, 200);
	CHECK(rte_mbuf_refcnt_read(held) == 1);
	CHECK(rte_mempool_avail_count(mp1) + rte_mempool_avail_count(mp2) ==
		2 * MBUF_N - 1);
	rte_pktmbuf_free(held);
	CHECK_POOL_FULL(mp1);
	CHECK_POOL_FULL(mp2);
	rte_pktmbuf_free_bulk(mbufs, 0);
	rte_mempool_free(mp1);
	rte_mempool_free(mp2);
	return 0;
}
MBUF_CASE(test_free_bulk_mixed, body_free_bulk_mixed)

MBUF_BODY(body_priv_area)
{
	struct rte_mempool *mp = make_pool("priv", 63, 8, 24, 300);
	struct rte_mbuf *m;
	uint8_t *priv;
	unsigned int i;

	CHECK(mp != NULL);
	CHECK(rte_pktmbuf_priv_size(mp) == 24);
	CHECK(rte_pktmbuf_data_room_size(mp) == 300);
	CHECK(mp->elt_size >= sizeof(struct rte_mbuf) + 24 + 300);
	m = rte_pktmbuf_alloc(mp);
	CHECK_OK(check_fresh(m, mp, 24));
	priv = rte_mbuf_to_priv(m);
	CHECK(priv == (uint8_t *)m + 128);
	for (i = 0; i < 24; i++)
		CHECK(priv[i] == 0);
	CHECK(rte_mbuf_buf_addr(m, mp) == (char *)m->buf_addr);
	CHECK(rte_mbuf_to_baddr(m) == (char *)m->buf_addr);
	CHECK(rte_mbuf_data_addr_default(m) == rte_pktmbuf_mtod(m, char *));
	CHECK(rte_pktmbuf_tailroom(m) == 300 - RTE_PKTMBUF_HEADROOM);
	/* The private area is the application's: alloc does not touch it. */
	memset(priv, 0x77, 24);
	rte_pktmbuf_free(m);
	m = rte_pktmbuf_alloc(mp);
	CHECK(m == (struct rte_mbuf *)(priv - 128));
	CHECK(priv[0] == 0x77 && priv[23] == 0x77);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_priv_area, body_priv_area)

MBUF_BODY(body_refcnt_free)
{
	struct rte_mempool *mp = make_pool("ref", 63, 0, 0, 512);
	struct rte_mbuf *m, *seg2, *ret;

	CHECK(mp != NULL);
	m = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL);
	CHECK(rte_mbuf_refcnt_update(m, 2) == 3);
	rte_pktmbuf_free(m);
	rte_pktmbuf_free(m);
	CHECK(rte_mbuf_refcnt_read(m) == 1);
	CHECK(rte_mempool_avail_count(mp) == 62);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	/* prefree_seg: NULL while shared, then the mbuf, reset for the pool. */
	m = rte_pktmbuf_alloc(mp);
	seg2 = rte_pktmbuf_alloc(mp);
	CHECK(rte_pktmbuf_chain(m, seg2) == 0);
	rte_mbuf_refcnt_set(m, 2);
	CHECK(rte_pktmbuf_prefree_seg(m) == NULL);
	CHECK(m->next == seg2 && m->nb_segs == 2);
	ret = rte_pktmbuf_prefree_seg(m);
	CHECK(ret == m && m->next == NULL && m->nb_segs == 1);
	CHECK(rte_mbuf_refcnt_read(m) == 1);
	rte_mbuf_raw_free(m);
	rte_pktmbuf_free(seg2);
	CHECK_POOL_FULL(mp);
	/* A shared chain: every segment is referenced twice. */
	m = rte_pktmbuf_alloc(mp);
	seg2 = rte_pktmbuf_alloc(mp);
	CHECK(rte_pktmbuf_chain(m, seg2) == 0);
	rte_pktmbuf_refcnt_update(m, 1);
	CHECK(rte_mbuf_refcnt_read(seg2) == 2);
	rte_pktmbuf_free(m);
	CHECK(rte_mempool_avail_count(mp) == 61);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_refcnt_free, body_refcnt_free)

struct check_case {
	const char *reason;
	int is_header;
};

/* Breaks m one way per step; each must be reported with its reason. */
static int
check_reasons(struct rte_mbuf *m, struct rte_mbuf *seg2)
{
	struct rte_mbuf saved = *m, saved2 = *seg2;
	const char *reason;

#define EXPECT_BAD(what, hdr) \
	do { \
		reason = NULL; \
		CHECK(rte_mbuf_check(m, hdr, &reason) == -1); \
		CHECK(reason != NULL && strcmp(reason, what) == 0); \
		*m = saved; \
		*seg2 = saved2; \
	} while (0)

	CHECK(rte_mbuf_check(m, 1, &reason) == 0);
	CHECK(rte_mbuf_check(m, 0, &reason) == 0);
	m->pool = NULL;
	EXPECT_BAD("mbuf has no pool", 0);
	m->buf_addr = NULL;
	EXPECT_BAD("mbuf buf_addr is NULL", 0);
	rte_mbuf_iova_set(m, 0);
	EXPECT_BAD("mbuf buf_iova is 0", 0);
	rte_mbuf_refcnt_set(m, 0);
	EXPECT_BAD("mbuf refcnt is 0 (freed, or its refcnt went below 1)", 0);
	rte_mbuf_refcnt_set(m, UINT16_MAX);
	EXPECT_BAD("mbuf refcnt is 65535 (it went below 0)", 0);
	m->data_len = (uint16_t)(m->pkt_len + 1);
	EXPECT_BAD("mbuf data_len is larger than pkt_len", 1);
	m->data_off = (uint16_t)(m->buf_len + 1);
	EXPECT_BAD("mbuf segment data_off is past its buffer", 1);
	seg2->data_off = (uint16_t)(seg2->buf_len - seg2->data_len + 1);
	EXPECT_BAD("mbuf segment data runs past its buffer", 1);
	m->nb_segs = 1;
	EXPECT_BAD("mbuf chain has more segments than nb_segs", 1);
	m->nb_segs = 3;
	EXPECT_BAD("mbuf chain has fewer segments than nb_segs", 1);
	m->pkt_len++;
	EXPECT_BAD("mbuf segments hold fewer than pkt_len bytes", 1);
	m->data_len--;
	EXPECT_BAD("mbuf segments hold fewer than pkt_len bytes", 1);
	seg2->data_len++;
	EXPECT_BAD("mbuf segments hold more than pkt_len bytes", 1);
	m->data_off = RTE_MBUF_FREE_MARK_;
	m->data_len = RTE_MBUF_FREE_MARK_;
	EXPECT_BAD("mbuf is in its pool: freed twice, or used after free", 1);
	/* Header problems do not matter for a lone segment check. */
	m->nb_segs = 7;
	CHECK(rte_mbuf_check(m, 0, &reason) == 0);
	*m = saved;
	CHECK(rte_mbuf_check(NULL, 0, &reason) == -1);
	CHECK(strcmp(reason, "mbuf is NULL") == 0);
	return 0;
#undef EXPECT_BAD
}

static int
sanity_check_child(void *arg)
{
	struct rte_mbuf *m = arg;

	rte_mbuf_refcnt_set(m, 0);
	rte_mbuf_sanity_check(m, 0);
	return 0; /* not reached */
}

MBUF_BODY(body_sanity)
{
	struct rte_mempool *mp = make_pool("sanity", 63, 0, 0, 512);
	struct rte_mbuf *m, *seg2;

	CHECK(mp != NULL);
	m = rte_pktmbuf_alloc(mp);
	seg2 = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL && seg2 != NULL);
	CHECK(rte_pktmbuf_append(m, 100) != NULL);
	CHECK(rte_pktmbuf_append(seg2, 50) != NULL);
	CHECK(rte_pktmbuf_chain(m, seg2) == 0);
	CHECK_OK(check_reasons(m, seg2));
	/* A sane mbuf passes; a bad one panics: SIGABRT after a log line. */
	rte_mbuf_sanity_check(m, 1);
	rte_mbuf_sanity_check(seg2, 0);
	CHECK(test_in_child(sanity_check_child, m) == 128 + SIGABRT);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_sanity, body_sanity)

static char *
dump_to_string(const struct rte_mbuf *m, unsigned int dump_len)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (out == NULL)
		return NULL;
	rte_pktmbuf_dump(out, m, dump_len);
	fclose(out);
	return text;
}

MBUF_BODY(body_dump)
{
	struct rte_mempool *mp = make_pool("dump", 63, 0, 0, 512);
	struct rte_mbuf *m, *seg2;
	char *text, expect[128];

	CHECK(mp != NULL);
	m = rte_pktmbuf_alloc(mp);
	seg2 = rte_pktmbuf_alloc(mp);
	memcpy(rte_pktmbuf_append(m, 20), "0123456789abcdefghij", 20);
	memcpy(rte_pktmbuf_append(seg2, 4), "WXYZ", 4);
	CHECK(rte_pktmbuf_chain(m, seg2) == 0);
	m->ol_flags = RTE_MBUF_F_RX_VLAN;
	m->vlan_tci = 42;
	m->packet_type = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4;
	m->port = 1;
	text = dump_to_string(m, 22);
	CHECK(text != NULL);
	snprintf(expect, sizeof(expect),
		"dump mbuf at %p, iova=%#" PRIx64 ", buf_len=512\n", (void *)m,
		rte_mbuf_iova_get(m));
	CHECK(strncmp(text, expect, strlen(expect)) == 0);
	CHECK(strstr(text,
		      "  pkt_len=24, ol_flags=0x1, nb_segs=2, port=1, "
		      "vlan_tci=42, ptype=0x11 (L2_ETHER L3_IPV4 )\n") != NULL);
	snprintf(expect, sizeof(expect),
		"  segment at %p, data=%p, len=20, "
		"off=128, refcnt=1\n",
		(void *)m, rte_pktmbuf_mtod(m, void *));
	CHECK(strstr(text, expect) != NULL);
	CHECK(strstr(text,
		      "    00000000: 30 31 32 33 34 35 36 37 38 39 61 62 "
		      "63 64 65 66 | 0123456789abcdef\n") != NULL);
	CHECK(strstr(text, "    00000010: 67 68 69 6a") != NULL);
	/* 22 bytes: the 20 of the first segment and 2 of the second. */
	CHECK(strstr(text, "| WX\n") != NULL);
	CHECK(strstr(text, "WXY") == NULL);
	free(text);
	text = dump_to_string(m, 0);
	CHECK(text != NULL && strstr(text, "    00000000:") == NULL);
	CHECK(strstr(text, "len=4, off=128") != NULL);
	free(text);
	/* A corrupt mbuf is reported, not walked. */
	m->nb_segs = 5;
	text = dump_to_string(m, 100);
	CHECK(text != NULL &&
		strstr(text,
			"not dumped, mbuf chain has fewer "
			"segments than nb_segs") != NULL);
	free(text);
	m->nb_segs = 2;
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_dump, body_dump)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_free),
		cmocka_unit_test(test_alloc_bulk),
		cmocka_unit_test(test_free_bulk_mixed),
		cmocka_unit_test(test_priv_area),
		cmocka_unit_test(test_refcnt_free),
		cmocka_unit_test(test_sanity),
		cmocka_unit_test(test_dump),
	};

	return cmocka_run_group_tests_name("mbuf", tests, NULL, NULL);
}
