/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Whole-packet operations over chains of segments: clone, copy, read
 * across segments, linearize. They are the slow paths behind inline
 * wrappers, or run once per packet where a copy is wanted anyway.
 *
 * None of them logs: they run per packet, and running out of mbufs under
 * load is ordinary. They say what went wrong through rte_errno.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_memcpy.h>

struct rte_mbuf *
rte_pktmbuf_clone(struct rte_mbuf *md, struct rte_mempool *mp)
{
	struct rte_mbuf *clone, *seg, **link;
	uint16_t nb_segs = 0;

	if (md == NULL || mp == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	__rte_mbuf_sanity_check(md, 1);
	clone = NULL;
	link = &clone;
	for (; md != NULL; md = md->next) {
		seg = rte_pktmbuf_alloc(mp);
		if (seg == NULL) {
			/* Frees the indirect segments and their references. */
			rte_pktmbuf_free(clone);
			rte_errno = ENOMEM;
			return NULL;
		}
		rte_pktmbuf_attach(seg, md);
		*link = seg;
		link = &seg->next;
		/* Keep the partial chain freeable: a valid head at all times. */
		clone->nb_segs = ++nb_segs;
		if (seg != clone)
			clone->pkt_len += seg->data_len;
	}
	__rte_mbuf_sanity_check(clone, 1);
	return clone;
}

/* Where byte off of a packet lies: its segment, and *off within it. */
static const struct rte_mbuf *
mbuf_seek(const struct rte_mbuf *m, uint32_t *off)
{
	while (m != NULL && *off >= m->data_len) {
		*off -= m->data_len;
		m = m->next;
	}
	return m;
}

/*
 * Appends len bytes from (seg, off) to the packet whose head is copy and
 * last segment *last, chaining new mbufs from mp as each fills. 0, or -1
 * when mp runs out.
 */
static int
mbuf_copy_data(struct rte_mbuf *copy, struct rte_mbuf **last,
	const struct rte_mbuf *seg, uint32_t off, uint32_t len,
	struct rte_mempool *mp)
{
	uint32_t chunk;
	struct rte_mbuf *tail = *last;

	while (len > 0) {
		seg = mbuf_seek(seg, &off);
		if (rte_pktmbuf_tailroom(tail) == 0) {
			tail->next = rte_pktmbuf_alloc(mp);
			if (tail->next == NULL)
				return -1;
			tail = tail->next;
			copy->nb_segs++;
			*last = tail;
		}
		chunk = RTE_MIN((uint32_t)seg->data_len - off, len);
		chunk = RTE_MIN(chunk, (uint32_t)rte_pktmbuf_tailroom(tail));
		rte_memcpy(rte_pktmbuf_mtod_offset(tail, char *, tail->data_len),
			rte_pktmbuf_mtod_offset(seg, const char *, off), chunk);
		tail->data_len = (uint16_t)(tail->data_len + chunk);
		copy->pkt_len += chunk;
		off += chunk;
		len -= chunk;
	}
	return 0;
}

struct rte_mbuf *
rte_pktmbuf_copy(const struct rte_mbuf *m, struct rte_mempool *mp,
	uint32_t offset, uint32_t length)
{
	struct rte_mbuf *copy, *last;

	if (m == NULL || mp == NULL || offset >= m->pkt_len) {
		rte_errno = EINVAL;
		return NULL;
	}
	__rte_mbuf_sanity_check(m, 1);
	copy = rte_pktmbuf_alloc(mp);
	if (copy == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	length = RTE_MIN(length, m->pkt_len - offset);
	__rte_pktmbuf_copy_hdr(copy, m);
	/* The copy owns its data: it is neither indirect nor external. */
	copy->ol_flags = m->ol_flags &
		~(RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL);
	last = copy;
	if (mbuf_copy_data(copy, &last, m, offset, length, mp) != 0) {
		rte_pktmbuf_free(copy);
		rte_errno = ENOMEM;
		return NULL;
	}
	__rte_mbuf_sanity_check(copy, 1);
	return copy;
}

const void *
__rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len,
	void *buf)
{
	const struct rte_mbuf *seg;
	uint32_t done = 0, chunk;

	if (off > m->pkt_len || len > m->pkt_len - off)
		return NULL;
	seg = mbuf_seek(m, &off);
	if (len == 0)
		return seg != NULL ? rte_pktmbuf_mtod_offset(seg, char *, off) :
				     buf;
	if (off + len <= seg->data_len)
		return rte_pktmbuf_mtod_offset(seg, char *, off);
	/* The bytes span segments: gather them into buf. */
	for (; done < len; seg = seg->next, off = 0) {
		chunk = RTE_MIN((uint32_t)seg->data_len - off, len - done);
		rte_memcpy((char *)buf + done,
			rte_pktmbuf_mtod_offset(seg, char *, off), chunk);
		done += chunk;
	}
	return buf;
}

int
__rte_pktmbuf_linearize(struct rte_mbuf *mbuf)
{
	struct rte_mbuf *seg, *next;
	char *dst;

	if (mbuf->pkt_len - mbuf->data_len > rte_pktmbuf_tailroom(mbuf))
		return -1;
	dst = rte_pktmbuf_mtod_offset(mbuf, char *, mbuf->data_len);
	for (seg = mbuf->next; seg != NULL; seg = next) {
		next = seg->next;
		rte_memcpy(dst, rte_pktmbuf_mtod(seg, char *), seg->data_len);
		dst += seg->data_len;
		rte_pktmbuf_free_seg(seg);
	}
	mbuf->data_len = (uint16_t)mbuf->pkt_len;
	mbuf->next = NULL;
	mbuf->nb_segs = 1;
	return 0;
}
