/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Multi-segment packets and shared buffers: read and linearize over
 * chains, copies at every offset, clones and the reference counts they
 * hold, attach/detach of indirect mbufs, external buffers and their free
 * callback, pools of pinned external buffers. Each case has its own EAL
 * in a forked child and ends with its pools full: nothing leaked, no
 * reference left behind.
 */
#include <stdlib.h>
#include <string.h>

#include <rte_mbuf.h>

#include "mbuf_test.h"

#define SEGS	5
#define SEG_LEN 100
#define PKT_LEN (SEGS * SEG_LEN)

static struct rte_mempool *
make_pool(const char *name, unsigned int n, uint16_t room)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create(name, n, 16, 0, room,
		SOCKET_ID_ANY);

	if (mp == NULL)
		fprintf(stderr, "cannot create pool %s: %s\n", name,
			rte_strerror(rte_errno));
	return mp;
}

MBUF_BODY(body_read)
{
	struct rte_mempool *mp = make_pool("read", MBUF_N, 512);
	struct rte_mbuf *m = mbuf_make_chain(mp, SEGS, SEG_LEN, 0);
	uint8_t buf[PKT_LEN];
	const uint8_t *p;
	uint32_t off, len, i;

	CHECK(m != NULL && m->nb_segs == SEGS && m->pkt_len == PKT_LEN);
	CHECK(mbuf_data_is(m, PKT_LEN, 0));
	CHECK(!rte_pktmbuf_is_contiguous(m));
	for (off = 0; off < PKT_LEN; off += 37) {
		for (len = 0; off + len <= PKT_LEN; len += 53) {
			p = rte_pktmbuf_read(m, off, len, buf);
			CHECK(p != NULL);
			for (i = 0; i < len; i++)
				CHECK(p[i] == (uint8_t)(off + i));
			/* Within one segment: no copy. */
			if (off / SEG_LEN == (off + len - 1) / SEG_LEN &&
				len > 0)
				CHECK(p != buf);
		}
	}
	CHECK(rte_pktmbuf_read(m, PKT_LEN - 1, 2, buf) == NULL);
	CHECK(rte_pktmbuf_read(m, 0, PKT_LEN + 1, buf) == NULL);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_read, body_read)

MBUF_BODY(body_linearize)
{
	struct rte_mempool *mp = make_pool("lin", MBUF_N, 1024);
	struct rte_mbuf *m, before;

	CHECK(mp != NULL);
	/* 4 x 100 bytes fit the first segment's 896 bytes of tailroom. */
	m = mbuf_make_chain(mp, 4, SEG_LEN, 9);
	CHECK(m != NULL);
	CHECK(rte_pktmbuf_linearize(m) == 0);
	CHECK(m->nb_segs == 1 && m->next == NULL);
	CHECK(m->data_len == 400 && m->pkt_len == 400);
	CHECK(mbuf_data_is(m, 400, 9));
	CHECK(rte_mempool_avail_count(mp) == MBUF_N - 1);
	/* Already contiguous: nothing to do. */
	CHECK(rte_pktmbuf_linearize(m) == 0);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	/* 3 x 500 bytes do not fit: -1 and nothing changed. */
	m = mbuf_make_chain(mp, 3, 500, 1);
	CHECK(m != NULL);
	before = *m;
	CHECK(rte_pktmbuf_linearize(m) == -1);
	CHECK(memcmp(&before, m, sizeof(before)) == 0);
	CHECK(mbuf_data_is(m, 1500, 1));
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_linearize, body_linearize)

/* Copies [off, off + len) of m and checks the copy. */
static int
check_copy(struct rte_mbuf *m, struct rte_mempool *mp, uint32_t off,
	uint32_t len, uint32_t expect_len)
{
	struct rte_mbuf *c = rte_pktmbuf_copy(m, mp, off, len);
	uint8_t buf[PKT_LEN];
	const uint8_t *p;
	uint32_t i;

	CHECK(c != NULL);
	CHECK(c->pkt_len == expect_len);
	CHECK(rte_mbuf_check(c, 1, NULL) == 0);
	CHECK(c->pool == mp);
	p = rte_pktmbuf_read(c, 0, expect_len, buf);
	CHECK(p != NULL);
	for (i = 0; i < expect_len; i++)
		CHECK(p[i] == (uint8_t)(off + i));
	CHECK(c->port == m->port && c->vlan_tci == m->vlan_tci);
	CHECK(c->packet_type == m->packet_type);
	CHECK(c->hash.rss == m->hash.rss && c->tx_offload == m->tx_offload);
	CHECK(c->ol_flags ==
		(m->ol_flags & ~(RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL)));
	CHECK(memcmp(c->dynfield1, m->dynfield1, sizeof(c->dynfield1)) == 0);
	rte_pktmbuf_free(c);
	return 0;
}

MBUF_BODY(body_copy)
{
	struct rte_mempool *mp = make_pool("copy", MBUF_N, 512);
	/* Small buffers: copies of more than 72 bytes need several. */
	struct rte_mempool *small = make_pool("small", MBUF_N, 200);
	struct rte_mbuf *m, *clone;
	uint32_t off;

	CHECK(mp != NULL && small != NULL);
	m = mbuf_make_chain(mp, SEGS, SEG_LEN, 0);
	CHECK(m != NULL);
	m->port = 5;
	m->vlan_tci = 77;
	m->hash.rss = 0x1234;
	m->packet_type = RTE_PTYPE_L2_ETHER;
	m->l2_len = 14;
	m->ol_flags = RTE_MBUF_F_RX_RSS_HASH | RTE_MBUF_F_RX_VLAN;
	m->dynfield1[3] = 0xfeed;
	CHECK_OK(check_copy(m, mp, 0, UINT32_MAX, PKT_LEN));
	CHECK_OK(check_copy(m, mp, 0, PKT_LEN, PKT_LEN));
	CHECK_OK(check_copy(m, mp, 150, 200, 200));
	CHECK_OK(check_copy(m, mp, 99, 2, 2));
	CHECK_OK(check_copy(m, mp, PKT_LEN - 1, 10, 1));
	CHECK_OK(check_copy(m, mp, 10, 0, 0));
	for (off = 0; off < PKT_LEN; off += 61)
		CHECK_OK(check_copy(m, small, off, UINT32_MAX, PKT_LEN - off));
	/* Past the end, or bad arguments: NULL, EINVAL, nothing taken. */
	rte_errno = 0;
	CHECK(rte_pktmbuf_copy(m, mp, PKT_LEN, 1) == NULL &&
		rte_errno == EINVAL);
	CHECK(rte_pktmbuf_copy(NULL, mp, 0, 1) == NULL && rte_errno == EINVAL);
	CHECK(rte_pktmbuf_copy(m, NULL, 0, 1) == NULL && rte_errno == EINVAL);
	/* A copy of a clone is direct. */
	clone = rte_pktmbuf_clone(m, mp);
	CHECK(clone != NULL && RTE_MBUF_CLONED(clone));
	CHECK_OK(check_copy(clone, small, 3, 400, 400));
	rte_pktmbuf_free(clone);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	CHECK_POOL_FULL(small);
	rte_mempool_free(mp);
	rte_mempool_free(small);
	return 0;
}
MBUF_CASE(test_copy, body_copy)

/* The pool runs out in the middle of a copy: NULL, nothing leaked. */
MBUF_BODY(body_copy_no_room)
{
	struct rte_mempool *mp = make_pool("src", MBUF_N, 512);
	struct rte_mempool *tiny = rte_pktmbuf_pool_create("tiny", 3, 0, 0, 200,
		SOCKET_ID_ANY);
	struct rte_mbuf *m;

	CHECK(mp != NULL && tiny != NULL);
	m = mbuf_make_chain(mp, SEGS, SEG_LEN, 0);
	CHECK(m != NULL);
	rte_errno = 0;
	CHECK(rte_pktmbuf_copy(m, tiny, 0, UINT32_MAX) == NULL);
	CHECK(rte_errno == ENOMEM);
	CHECK_POOL_FULL(tiny);
	CHECK(rte_pktmbuf_clone(m, tiny) == NULL && rte_errno == ENOMEM);
	CHECK_POOL_FULL(tiny);
	/* The failed clone gave back the references it took. */
	CHECK(rte_mbuf_refcnt_read(m) == 1);
	CHECK(rte_mbuf_refcnt_read(m->next->next) == 1);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	rte_mempool_free(tiny);
	return 0;
}
MBUF_CASE(test_copy_no_room, body_copy_no_room)

MBUF_BODY(body_clone)
{
	struct rte_mempool *mp = make_pool("orig", MBUF_N, 512);
	struct rte_mempool *cp = make_pool("clones", MBUF_N, 256);
	struct rte_mbuf *m, *c1, *c2, *seg, *cseg;

	CHECK(mp != NULL && cp != NULL);
	m = mbuf_make_chain(mp, 3, SEG_LEN, 4);
	CHECK(m != NULL);
	m->ol_flags = RTE_MBUF_F_RX_VLAN;
	m->vlan_tci = 7;
	m->packet_type = RTE_PTYPE_L2_ETHER;
	c1 = rte_pktmbuf_clone(m, cp);
	CHECK(c1 != NULL && rte_mbuf_check(c1, 1, NULL) == 0);
	CHECK(c1->pkt_len == m->pkt_len && c1->nb_segs == 3);
	CHECK(c1->vlan_tci == 7 && c1->packet_type == RTE_PTYPE_L2_ETHER);
	CHECK(c1->ol_flags == (RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_INDIRECT));
	for (seg = m, cseg = c1; seg != NULL;
		seg = seg->next, cseg = cseg->next) {
		CHECK(cseg != NULL && cseg->pool == cp);
		CHECK(RTE_MBUF_CLONED(cseg) && !RTE_MBUF_DIRECT(cseg));
		CHECK(rte_pktmbuf_mtod(cseg, void *) ==
			rte_pktmbuf_mtod(seg, void *));
		CHECK(cseg->data_len == seg->data_len);
		CHECK(rte_mbuf_from_indirect(cseg) == seg);
		CHECK(rte_mbuf_refcnt_read(seg) == 2);
		CHECK(rte_mbuf_iova_get(cseg) == rte_mbuf_iova_get(seg));
	}
	CHECK(mbuf_data_is(c1, 300, 4));
	/* A clone of a clone references the direct mbufs. */
	c2 = rte_pktmbuf_clone(c1, cp);
	CHECK(c2 != NULL && rte_mbuf_from_indirect(c2) == m);
	CHECK(rte_mbuf_refcnt_read(m) == 3 && rte_mbuf_refcnt_read(c1) == 1);
	/* Freeing the original keeps its mbufs alive for the clones. */
	rte_pktmbuf_free(m);
	CHECK(rte_mempool_avail_count(mp) == MBUF_N - 3);
	CHECK(mbuf_data_is(c2, 300, 4));
	rte_pktmbuf_free(c1);
	CHECK(rte_mempool_avail_count(mp) == MBUF_N - 3);
	CHECK(rte_mbuf_refcnt_read(rte_mbuf_from_indirect(c2)) == 1);
	rte_pktmbuf_free(c2);
	CHECK_POOL_FULL(mp);
	CHECK_POOL_FULL(cp);
	rte_errno = 0;
	CHECK(rte_pktmbuf_clone(NULL, cp) == NULL && rte_errno == EINVAL);
	rte_mempool_free(mp);
	rte_mempool_free(cp);
	return 0;
}
MBUF_CASE(test_clone, body_clone)

MBUF_BODY(body_attach_detach)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create("att", MBUF_N, 16, 16,
		512, SOCKET_ID_ANY);
	struct rte_mbuf *m, *mi;
	void *own_buf;

	CHECK(mp != NULL);
	m = rte_pktmbuf_alloc(mp);
	mi = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL && mi != NULL);
	own_buf = mi->buf_addr;
	memcpy(rte_pktmbuf_append(m, 5), "hello", 5);
	m->ol_flags = RTE_MBUF_F_RX_RSS_HASH;
	m->hash.rss = 99;
	rte_pktmbuf_attach(mi, m);
	CHECK(RTE_MBUF_CLONED(mi) && rte_mbuf_from_indirect(mi) == m);
	CHECK(mi->buf_addr == m->buf_addr && mi->data_off == m->data_off);
	CHECK(mi->data_len == 5 && mi->pkt_len == 5 && mi->nb_segs == 1);
	CHECK(mi->hash.rss == 99 && mi->priv_size == 16);
	CHECK(mi->ol_flags == (RTE_MBUF_F_RX_RSS_HASH | RTE_MBUF_F_INDIRECT));
	CHECK(memcmp(rte_pktmbuf_mtod(mi, char *), "hello", 5) == 0);
	CHECK(rte_mbuf_refcnt_read(m) == 2);
	rte_pktmbuf_detach(mi);
	CHECK(RTE_MBUF_DIRECT(mi) && mi->ol_flags == 0);
	CHECK(mi->buf_addr == own_buf);
	CHECK(rte_mbuf_iova_get(mi) == rte_mempool_virt2iova(mi) + 128 + 16);
	CHECK(mi->buf_len == 512 && mi->data_len == 0);
	CHECK(mi->data_off == RTE_PKTMBUF_HEADROOM);
	CHECK(rte_mbuf_refcnt_read(m) == 1);
	/* Detaching a direct mbuf does nothing. */
	rte_pktmbuf_detach(mi);
	CHECK(mi->buf_addr == own_buf && rte_mbuf_refcnt_read(mi) == 1);
	/* The direct one freed first: it goes back with the last reference. */
	rte_pktmbuf_attach(mi, m);
	rte_pktmbuf_free(m);
	CHECK(rte_mempool_avail_count(mp) == MBUF_N - 2);
	rte_pktmbuf_free(mi);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_attach_detach, body_attach_detach)

struct ext_free_record {
	unsigned int calls;
	void *addr;
	void *opaque;
};

static void
ext_free_cb(void *addr, void *opaque)
{
	struct ext_free_record *rec = opaque;

	rec->calls++;
	rec->addr = addr;
	rec->opaque = opaque;
}

MBUF_BODY(body_extbuf)
{
	struct rte_mempool *mp = make_pool("ext", MBUF_N, 512);
	struct ext_free_record rec = { 0, NULL, NULL };
	struct rte_mbuf_ext_shared_info *shinfo;
	struct rte_mbuf *m, *c1, *c2;
	uint16_t len = 1000;
	uint8_t *ext = malloc(len);

	CHECK(mp != NULL && ext != NULL);
	shinfo = rte_pktmbuf_ext_shinfo_init_helper(ext, &len, ext_free_cb,
		&rec);
	CHECK(shinfo != NULL && len < 1000 && len >= 1000 - 32);
	m = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL);
	rte_pktmbuf_attach_extbuf(m, ext, (rte_iova_t)(uintptr_t)ext, len,
		shinfo);
	CHECK(RTE_MBUF_HAS_EXTBUF(m) && !RTE_MBUF_DIRECT(m));
	CHECK(m->shinfo == shinfo && m->buf_addr == ext && m->buf_len == len);
	CHECK(m->data_off == 0 && m->data_len == 0);
	memcpy(rte_pktmbuf_append(m, 6), "extbuf", 6);
	CHECK(m->pkt_len == 6 && rte_pktmbuf_mtod(m, uint8_t *) == ext);
	CHECK(rte_mbuf_check(m, 1, NULL) == 0);
	/* Two clones share the buffer through shinfo's count. */
	c1 = rte_pktmbuf_clone(m, mp);
	c2 = rte_pktmbuf_clone(m, mp);
	CHECK(c1 != NULL && c2 != NULL);
	CHECK(RTE_MBUF_HAS_EXTBUF(c1) && !RTE_MBUF_CLONED(c1));
	CHECK(c1->shinfo == shinfo && rte_mbuf_ext_refcnt_read(shinfo) == 3);
	CHECK(rte_mbuf_refcnt_read(m) == 1);
	CHECK(memcmp(rte_pktmbuf_mtod(c2, char *), "extbuf", 6) == 0);
	rte_pktmbuf_free(m);
	CHECK(rec.calls == 0 && rte_mbuf_ext_refcnt_read(shinfo) == 2);
	rte_pktmbuf_detach_extbuf(c1);
	CHECK(rec.calls == 0 && RTE_MBUF_DIRECT(c1) && c1->data_len == 0);
	/* Detach leaves the packet fields (pkt_len) to the caller. */
	rte_pktmbuf_reset(c1);
	rte_pktmbuf_free(c1);
	CHECK(rec.calls == 0);
	rte_pktmbuf_free(c2);
	CHECK(rec.calls == 1 && rec.addr == ext && rec.opaque == &rec);
	CHECK_POOL_FULL(mp);
	/* The last reference dropped by detach: called there, once. */
	len = 1000;
	shinfo = rte_pktmbuf_ext_shinfo_init_helper(ext, &len, ext_free_cb,
		&rec);
	m = rte_pktmbuf_alloc(mp);
	rte_pktmbuf_attach_extbuf(m, ext, (rte_iova_t)(uintptr_t)ext, len,
		shinfo);
	rte_pktmbuf_detach_extbuf(m);
	CHECK(rec.calls == 2 && RTE_MBUF_DIRECT(m));
	CHECK(m->buf_addr == (char *)m + sizeof(*m));
	rte_pktmbuf_free(m);
	CHECK(rec.calls == 2);
	CHECK_POOL_FULL(mp);
	free(ext);
	rte_mempool_free(mp);
	return 0;
}
MBUF_CASE(test_extbuf, body_extbuf)

/* Segments from different pools: each goes back to its own. */
MBUF_BODY(body_chain_pools)
{
	struct rte_mempool *mp1 = make_pool("cp1", MBUF_N, 512);
	struct rte_mempool *mp2 = make_pool("cp2", MBUF_N, 256);
	struct rte_mbuf *head, *tail;

	CHECK(mp1 != NULL && mp2 != NULL);
	head = mbuf_make_chain(mp1, 2, 50, 0);
	tail = mbuf_make_chain(mp2, 3, 60, 100);
	CHECK(head != NULL && tail != NULL);
	CHECK(rte_pktmbuf_chain(head, tail) == 0);
	CHECK(head->nb_segs == 5 && head->pkt_len == 280);
	CHECK(tail->pkt_len == 60);
	CHECK(rte_pktmbuf_lastseg(head) == tail->next->next);
	CHECK(rte_mbuf_check(head, 1, NULL) == 0);
	rte_pktmbuf_free(head);
	CHECK_POOL_FULL(mp1);
	CHECK_POOL_FULL(mp2);
	rte_mempool_free(mp1);
	rte_mempool_free(mp2);
	return 0;
}
MBUF_CASE(test_chain_pools, body_chain_pools)

/* Pinned external buffers: each mbuf keeps its buffer for life. */
struct pinned_check {
	const uint8_t *lo[2], *hi[2];
	unsigned int bad;
};

static void
check_pinned_mbuf(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct pinned_check *c = arg;
	struct rte_mbuf *m = obj;
	const uint8_t *buf = m->buf_addr;
	int in_chunk = (buf >= c->lo[0] && buf + 512 <= c->hi[0]) ||
		(buf >= c->lo[1] && buf + 512 <= c->hi[1]);

	(void)idx;
	if (!in_chunk || m->ol_flags != RTE_MBUF_F_EXTERNAL ||
		m->buf_len != 512 || m->pool != mp ||
		m->shinfo != RTE_PTR_ADD(m, sizeof(*m) + 8) ||
		m->shinfo->fcb_opaque != m ||
		rte_mbuf_ext_refcnt_read(m->shinfo) != 1 ||
		rte_mbuf_iova_get(m) != (rte_iova_t)(uintptr_t)buf)
		c->bad++;
}

MBUF_BODY(body_pinned_pool)
{
	static uint8_t chunk0[10 * 512], chunk1[8 * 600 + 100];
	struct rte_pktmbuf_extmem ext[2] = {
		{ chunk0, (rte_iova_t)(uintptr_t)chunk0, sizeof(chunk0), 512 },
		{ chunk1, (rte_iova_t)(uintptr_t)chunk1, sizeof(chunk1), 600 },
	};
	struct pinned_check c = { { chunk0, chunk1 },
		{ chunk0 + sizeof(chunk0), chunk1 + sizeof(chunk1) }, 0 };
	struct rte_mempool *mp, *cp = make_pool("pin_clones", MBUF_N, 256);
	struct rte_mbuf *m, *clone;
	void *buf;

	CHECK(cp != NULL);
	mp = rte_pktmbuf_pool_create_extbuf("pinned", 18, 0, 8, 512,
		SOCKET_ID_ANY, ext, 2);
	CHECK(mp != NULL);
	CHECK(rte_pktmbuf_priv_flags(mp) == RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF);
	CHECK(rte_mempool_obj_iter(mp, check_pinned_mbuf, &c) == 18);
	CHECK(c.bad == 0);
	m = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL && RTE_MBUF_HAS_EXTBUF(m) &&
		RTE_MBUF_HAS_PINNED_EXTBUF(m));
	CHECK(m->ol_flags == RTE_MBUF_F_EXTERNAL && m->data_off == 128);
	buf = m->buf_addr;
	memcpy(rte_pktmbuf_append(m, 6), "pinned", 6);
	CHECK(memcmp((uint8_t *)buf + 128, "pinned", 6) == 0);
	/* Detaching a pinned buffer does nothing. */
	rte_pktmbuf_detach(m);
	CHECK(m->buf_addr == buf && m->data_len == 6);
	/* A clone shares it; the mbuf returns only after the clone. */
	clone = rte_pktmbuf_clone(m, cp);
	CHECK(clone != NULL && clone->buf_addr == buf);
	CHECK(rte_mbuf_ext_refcnt_read(m->shinfo) == 2);
	rte_pktmbuf_free(m);
	CHECK(rte_mempool_avail_count(mp) == 17);
	CHECK(memcmp(rte_pktmbuf_mtod(clone, char *), "pinned", 6) == 0);
	rte_pktmbuf_free(clone);
	CHECK_POOL_FULL(mp);
	CHECK_POOL_FULL(cp);
	CHECK(rte_mbuf_ext_refcnt_read(m->shinfo) == 1);
	m = rte_pktmbuf_alloc(mp);
	CHECK(m != NULL && m->ol_flags == RTE_MBUF_F_EXTERNAL);
	CHECK(RTE_MBUF_HAS_EXTBUF(m) && m->data_len == 0);
	rte_pktmbuf_free(m);
	CHECK_POOL_FULL(mp);
	rte_mempool_free(mp);
	/* Not enough buffers, buffers too small, no memory: EINVAL. */
	rte_errno = 0;
	CHECK(rte_pktmbuf_pool_create_extbuf("pinned", 19, 0, 8, 512,
		      SOCKET_ID_ANY, ext, 2) == NULL &&
		rte_errno == EINVAL);
	CHECK(rte_pktmbuf_pool_create_extbuf("pinned", 10, 0, 8, 513,
		      SOCKET_ID_ANY, ext, 2) == NULL &&
		rte_errno == EINVAL);
	CHECK(rte_pktmbuf_pool_create_extbuf("pinned", 10, 0, 8, 512,
		      SOCKET_ID_ANY, NULL, 2) == NULL &&
		rte_errno == EINVAL);
	CHECK(rte_pktmbuf_pool_create_extbuf("pinned", 10, 0, 8, 512,
		      SOCKET_ID_ANY, ext, 0) == NULL &&
		rte_errno == EINVAL);
	CHECK(rte_mempool_lookup("pinned") == NULL);
	rte_mempool_free(cp);
	return 0;
}
MBUF_CASE(test_pinned_pool, body_pinned_pool)

/* A chunk smaller than one element holds no buffer: every mbuf lands
 * whole in the chunks that have room, none straddles a chunk's end. */
MBUF_BODY(body_pinned_small_chunk)
{
	static uint8_t small[300], chunk[4 * 512], tiny[511];
	struct rte_pktmbuf_extmem ext[3] = {
		{ small, (rte_iova_t)(uintptr_t)small, sizeof(small), 512 },
		{ chunk, (rte_iova_t)(uintptr_t)chunk, sizeof(chunk), 512 },
		{ tiny, (rte_iova_t)(uintptr_t)tiny, sizeof(tiny), 512 },
	};
	struct pinned_check c = { { chunk, chunk },
		{ chunk + sizeof(chunk), chunk + sizeof(chunk) }, 0 };
	struct rte_mempool *mp;

	mp = rte_pktmbuf_pool_create_extbuf("pinned_small", 4, 0, 8, 512,
		SOCKET_ID_ANY, ext, 3);
	CHECK(mp != NULL);
	CHECK(rte_mempool_obj_iter(mp, check_pinned_mbuf, &c) == 4);
	CHECK(c.bad == 0);
	rte_mempool_free(mp);
	/* The small chunks count for nothing. */
	rte_errno = 0;
	CHECK(rte_pktmbuf_pool_create_extbuf("pinned_small", 5, 0, 8, 512,
		      SOCKET_ID_ANY, ext, 3) == NULL &&
		rte_errno == EINVAL);
	return 0;
}
MBUF_CASE(test_pinned_small_chunk, body_pinned_small_chunk)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_linearize),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_copy_no_room),
		cmocka_unit_test(test_clone),
		cmocka_unit_test(test_attach_detach),
		cmocka_unit_test(test_extbuf),
		cmocka_unit_test(test_chain_pools),
		cmocka_unit_test(test_pinned_pool),
		cmocka_unit_test(test_pinned_small_chunk),
	};

	return cmocka_run_group_tests_name("mbuf_segs", tests, NULL, NULL);
}
