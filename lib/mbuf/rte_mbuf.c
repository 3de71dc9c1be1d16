/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * pktmbuf pools (creation, the pool and object constructors), mbuf
 * consistency checks and the mbuf dump.
 *
 * A pktmbuf pool is an ordinary mempool whose elements are
 * sizeof(struct rte_mbuf) + priv_size + data_room_size bytes and whose
 * private area is a struct rte_pktmbuf_pool_private; every element is set
 * up once, at creation, by rte_pktmbuf_init() and stays in the pool
 * invariant state whenever it is in the pool. A pinned pool
 * (rte_pktmbuf_pool_create_extbuf()) is the same, except that each
 * element is the mbuf, its private area and the shared info of the
 * external buffer the mbuf keeps for life.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_mempool.h>

/* What an element holds after the mbuf and its private area. */
static size_t
pool_init_buffer_room(const struct rte_pktmbuf_pool_private *priv)
{
	/* A pinned pool's buffers are elsewhere: only the shared info is. */
	if (priv->flags & RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF)
		return sizeof(struct rte_mbuf_ext_shared_info);
	return priv->mbuf_data_room_size;
}

void
rte_pktmbuf_pool_init(struct rte_mempool *mp, void *opaque_arg)
{
	struct rte_pktmbuf_pool_private *user_priv = opaque_arg;
	struct rte_pktmbuf_pool_private default_priv;
	size_t room;

	if (mp == NULL || mp->private_data_size < sizeof(default_priv)) {
		RTE_LOG(ERR, MBUF, "pktmbuf pool init: %s\n",
			mp == NULL ?
				"mp is NULL" :
				"the mempool's private area is smaller than struct rte_pktmbuf_pool_private");
		rte_errno = EINVAL;
		return;
	}
	if (user_priv == NULL) {
		/* No description: all of the element after the mbuf is room. */
		room = mp->elt_size > sizeof(struct rte_mbuf) ?
			mp->elt_size - sizeof(struct rte_mbuf) :
			0;
		memset(&default_priv, 0, sizeof(default_priv));
		default_priv.mbuf_data_room_size = (uint16_t)RTE_MIN(room,
			(size_t)UINT16_MAX);
		user_priv = &default_priv;
	}
	if (mp->elt_size < sizeof(struct rte_mbuf) +
				pool_init_buffer_room(user_priv) +
				user_priv->mbuf_priv_size ||
		user_priv->mbuf_priv_size % RTE_MBUF_PRIV_ALIGN != 0 ||
		(user_priv->flags & ~RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF) != 0) {
		RTE_LOG(ERR, MBUF,
			"pktmbuf pool %s: elements of %u bytes cannot hold an mbuf with %u private and %u data bytes, or priv_size/flags are invalid\n",
			mp->name, mp->elt_size, user_priv->mbuf_priv_size,
			user_priv->mbuf_data_room_size);
		rte_errno = EINVAL;
		return;
	}
	memcpy(rte_mempool_get_priv(mp), user_priv, sizeof(*user_priv));
}

void
rte_pktmbuf_init(struct rte_mempool *mp, __rte_unused void *opaque_arg,
	void *obj, __rte_unused unsigned int i)
{
	struct rte_mbuf *m = obj;
	uint16_t priv_size = rte_pktmbuf_priv_size(mp);
	uint32_t mbuf_size = (uint32_t)(sizeof(struct rte_mbuf) + priv_size);
	rte_iova_t iova = rte_mempool_virt2iova(m);

	RTE_ASSERT(mp->elt_size >= mbuf_size);
	RTE_ASSERT(priv_size % RTE_MBUF_PRIV_ALIGN == 0);

	/* The private area is the application's: start it zeroed. */
	memset(m, 0, mbuf_size);
	m->priv_size = priv_size;
	m->buf_addr = (char *)m + mbuf_size;
	rte_mbuf_iova_set(m,
		iova == RTE_BAD_IOVA ? RTE_BAD_IOVA : iova + mbuf_size);
	m->buf_len = rte_pktmbuf_data_room_size(mp);
	rte_pktmbuf_reset_headroom(m);
	m->pool = mp;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	rte_mbuf_refcnt_set(m, 1);
	m->next = NULL;
}

/* The checks rte_mempool_create_empty() cannot make for us. */
static int
pktmbuf_pool_check_args(const char *name, unsigned int n, uint16_t priv_size)
{
	if (name == NULL || name[0] == '\0') {
		RTE_LOG(ERR, MBUF,
			"cannot create an mbuf pool with a NULL or empty name\n");
		return -EINVAL;
	}
	if (n == 0) {
		RTE_LOG(ERR, MBUF,
			"mbuf pool %s: n is 0, a pool needs at least one mbuf\n",
			name);
		return -EINVAL;
	}
	if (priv_size % RTE_MBUF_PRIV_ALIGN != 0) {
		RTE_LOG(ERR, MBUF,
			"mbuf pool %s: priv_size %u is not a multiple of RTE_MBUF_PRIV_ALIGN (%d)\n",
			name, priv_size, RTE_MBUF_PRIV_ALIGN);
		return -EINVAL;
	}
	return 0;
}

/*
 * The steps every pktmbuf pool goes through: an empty mempool of
 * elt_size-byte elements, its ops, its private area from mbp_priv, its
 * memory, then obj_init on every element. NULL with rte_errno on failure,
 * with nothing left behind.
 */
static struct rte_mempool *
pktmbuf_pool_build(const char *name, unsigned int n, unsigned int cache_size,
	unsigned int elt_size, struct rte_pktmbuf_pool_private *mbp_priv,
	int socket_id, const char *ops_name, rte_mempool_obj_cb_t *obj_init,
	void *obj_init_arg)
{
	struct rte_mempool *mp;
	int ret;

	/* rte_mempool_create_empty() logs its own failures. */
	mp = rte_mempool_create_empty(name, n, elt_size, cache_size,
		sizeof(struct rte_pktmbuf_pool_private), socket_id, 0);
	if (mp == NULL)
		return NULL;
	if (ops_name == NULL)
		ops_name = rte_mbuf_best_mempool_ops();
	ret = rte_mempool_set_ops_byname(mp, ops_name, NULL);
	if (ret != 0) {
		RTE_LOG(ERR, MBUF,
			"mbuf pool %s: cannot use mempool ops \"%s\": %s\n",
			name, ops_name, rte_strerror(-ret));
		goto fail;
	}
	rte_pktmbuf_pool_init(mp, mbp_priv);
	ret = rte_mempool_populate_default(mp);
	if (ret < 0) {
		RTE_LOG(ERR, MBUF,
			"mbuf pool %s: cannot get memory for %u mbufs of %u bytes: %s\n",
			name, n, elt_size, rte_strerror(-ret));
		goto fail;
	}
	rte_mempool_obj_iter(mp, obj_init, obj_init_arg);
	return mp;

fail:
	rte_mempool_free(mp);
	rte_errno = -ret;
	return NULL;
}

struct rte_mempool *
rte_pktmbuf_pool_create_by_ops(const char *name, unsigned int n,
	unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size,
	int socket_id, const char *ops_name)
{
	struct rte_pktmbuf_pool_private mbp_priv;
	/* Both sizes are 16 bits: the sum cannot overflow 32. */
	unsigned int elt_size = (unsigned int)sizeof(struct rte_mbuf) +
		priv_size + data_room_size;
	int ret;

	ret = pktmbuf_pool_check_args(name, n, priv_size);
	if (ret < 0) {
		rte_errno = -ret;
		return NULL;
	}
	memset(&mbp_priv, 0, sizeof(mbp_priv));
	mbp_priv.mbuf_data_room_size = data_room_size;
	mbp_priv.mbuf_priv_size = priv_size;
	return pktmbuf_pool_build(name, n, cache_size, elt_size, &mbp_priv,
		socket_id, ops_name, rte_pktmbuf_init, NULL);
}

struct rte_mempool *
rte_pktmbuf_pool_create(const char *name, unsigned int n,
	unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size,
	int socket_id)
{
	return rte_pktmbuf_pool_create_by_ops(name, n, cache_size, priv_size,
		data_room_size, socket_id, NULL);
}

/* Where the next pinned buffer comes from while a pool is filled. */
struct extmem_cursor {
	const struct rte_pktmbuf_extmem *ext_mem;
	unsigned int nb_ext; /* chunks in ext_mem */
	unsigned int ext;    /* chunk in use */
	size_t off;	     /* offset of the next buffer in it */
};

/*
 * The chunk the next buffer goes in: the current one while a whole
 * element still fits, else the next that holds one (a chunk smaller than
 * its elt_size holds none). NULL past the last; extmem_check() counted
 * the buffers the same way, so a pool never gets that far.
 */
static const struct rte_pktmbuf_extmem *
extmem_cursor_chunk(struct extmem_cursor *cur)
{
	const struct rte_pktmbuf_extmem *chunk;

	for (; cur->ext < cur->nb_ext; cur->ext++, cur->off = 0) {
		chunk = &cur->ext_mem[cur->ext];
		if (chunk->buf_len >= chunk->elt_size &&
			cur->off <= chunk->buf_len - chunk->elt_size)
			return chunk;
	}
	return NULL;
}

/*
 * free_cb of a pinned buffer: the last clone of its mbuf let go, so the
 * mbuf (freed earlier, but kept out of the pool while its buffer was
 * shared) goes back to the pool now, still pinned to the buffer.
 */
static void
extmem_pinned_free(void *addr, void *opaque)
{
	struct rte_mbuf *m = opaque;

	RTE_SET_USED(addr);
	RTE_ASSERT(m->shinfo->fcb_opaque == m);
	rte_mbuf_ext_refcnt_set(m->shinfo, 1);
	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	m->next = NULL;
	m->nb_segs = 1;
	rte_mbuf_raw_free(m);
}

/* Object constructor of pinned pools: the shared info follows the mbuf. */
static void
extmem_init_mbuf(struct rte_mempool *mp, void *arg, void *obj,
	__rte_unused unsigned int i)
{
	struct extmem_cursor *cur = arg;
	const struct rte_pktmbuf_extmem *chunk = extmem_cursor_chunk(cur);
	struct rte_mbuf_ext_shared_info *shinfo;
	struct rte_mbuf *m = obj;
	uint16_t priv_size = rte_pktmbuf_priv_size(mp);

	memset(m, 0, sizeof(*m) + priv_size + sizeof(*shinfo));
	if (chunk == NULL)
		return; /* not reached: the chunks were counted */
	shinfo = RTE_PTR_ADD(m, sizeof(*m) + priv_size);
	shinfo->free_cb = extmem_pinned_free;
	shinfo->fcb_opaque = m;
	rte_mbuf_ext_refcnt_set(shinfo, 1);
	m->priv_size = priv_size;
	m->buf_addr = RTE_PTR_ADD(chunk->buf_ptr, cur->off);
	rte_mbuf_iova_set(m,
		chunk->buf_iova == RTE_BAD_IOVA ? RTE_BAD_IOVA :
						  chunk->buf_iova + cur->off);
	m->buf_len = rte_pktmbuf_data_room_size(mp);
	rte_pktmbuf_reset_headroom(m);
	m->pool = mp;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	m->ol_flags = RTE_MBUF_F_EXTERNAL;
	m->shinfo = shinfo;
	rte_mbuf_refcnt_set(m, 1);
	cur->off += chunk->elt_size;
}

/* Checks the chunks: 0 when they hold n buffers of room bytes. */
static int
extmem_check(const char *name, unsigned int n, uint16_t room,
	const struct rte_pktmbuf_extmem *ext_mem, unsigned int ext_num)
{
	uint64_t nb_bufs = 0;
	unsigned int i;

	if (ext_mem == NULL || ext_num == 0) {
		RTE_LOG(ERR, MBUF, "mbuf pool %s: no external memory given\n",
			name);
		return -EINVAL;
	}
	for (i = 0; i < ext_num; i++) {
		if (ext_mem[i].buf_ptr == NULL || ext_mem[i].elt_size == 0 ||
			ext_mem[i].elt_size < room) {
			RTE_LOG(ERR, MBUF,
				"mbuf pool %s: external memory chunk %u has no address, or elt_size %u is below the data room %u\n",
				name, i, ext_mem[i].elt_size, room);
			return -EINVAL;
		}
		nb_bufs += ext_mem[i].buf_len / ext_mem[i].elt_size;
	}
	if (nb_bufs < n) {
		RTE_LOG(ERR, MBUF,
			"mbuf pool %s: the external memory holds %" PRIu64
			" buffers, %u needed\n",
			name, nb_bufs, n);
		return -EINVAL;
	}
	return 0;
}

struct rte_mempool *
rte_pktmbuf_pool_create_extbuf(const char *name, unsigned int n,
	unsigned int cache_size, uint16_t priv_size, uint16_t data_room_size,
	int socket_id, const struct rte_pktmbuf_extmem *ext_mem,
	unsigned int ext_num)
{
	struct extmem_cursor cursor = { ext_mem, ext_num, 0, 0 };
	struct rte_pktmbuf_pool_private mbp_priv;
	unsigned int elt_size = (unsigned int)(sizeof(struct rte_mbuf) +
		priv_size + sizeof(struct rte_mbuf_ext_shared_info));
	int ret;

	ret = pktmbuf_pool_check_args(name, n, priv_size);
	if (ret == 0)
		ret = extmem_check(name, n, data_room_size, ext_mem, ext_num);
	if (ret < 0) {
		rte_errno = -ret;
		return NULL;
	}
	memset(&mbp_priv, 0, sizeof(mbp_priv));
	mbp_priv.mbuf_data_room_size = data_room_size;
	mbp_priv.mbuf_priv_size = priv_size;
	mbp_priv.flags = RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF;
	return pktmbuf_pool_build(name, n, cache_size, elt_size, &mbp_priv,
		socket_id, NULL, extmem_init_mbuf, &cursor);
}

/* Checks that hold for any segment. NULL, or why m is bad. */
static const char *
mbuf_check_segment(const struct rte_mbuf *m)
{
	uint16_t refcnt;

	if (m->pool == NULL)
		return "mbuf has no pool";
	if (rte_mbuf_iova_get(m) == 0)
		return "mbuf buf_iova is 0";
	if (m->buf_addr == NULL)
		return "mbuf buf_addr is NULL";
	refcnt = rte_mbuf_refcnt_read(m);
	if (refcnt == 0)
		return "mbuf refcnt is 0 (freed, or its refcnt went below 1)";
	if (refcnt == UINT16_MAX)
		return "mbuf refcnt is 65535 (it went below 0)";
	return NULL;
}

/* Checks of a packet's first segment and its chain. NULL, or why. */
static const char *
mbuf_check_packet(const struct rte_mbuf *m)
{
	uint32_t nb_segs = m->nb_segs, pkt_len = m->pkt_len, seen = 0;

	if (rte_mbuf_is_marked_free_(m))
		return "mbuf is in its pool: freed twice, or used after free";
	if (m->data_len > m->pkt_len)
		return "mbuf data_len is larger than pkt_len";
	for (; m != NULL; m = m->next) {
		/* More segments than nb_segs allows: a loop, or garbage. */
		if (++seen > nb_segs)
			return "mbuf chain has more segments than nb_segs";
		if (m->data_off > m->buf_len)
			return "mbuf segment data_off is past its buffer";
		if ((uint32_t)m->data_off + m->data_len > m->buf_len)
			return "mbuf segment data runs past its buffer";
		if (m->data_len > pkt_len)
			return "mbuf segments hold more than pkt_len bytes";
		pkt_len -= m->data_len;
	}
	if (seen != nb_segs)
		return "mbuf chain has fewer segments than nb_segs";
	if (pkt_len != 0)
		return "mbuf segments hold fewer than pkt_len bytes";
	return NULL;
}

int
rte_mbuf_check(const struct rte_mbuf *m, int is_header, const char **reason)
{
	const char *why;

	if (m == NULL)
		why = "mbuf is NULL";
	else
		why = mbuf_check_segment(m);
	if (why == NULL && is_header)
		why = mbuf_check_packet(m);
	if (why == NULL)
		return 0;
	if (reason != NULL)
		*reason = why;
	return -1;
}

void
rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header)
{
	const char *reason;

	if (rte_mbuf_check(m, is_header, &reason) != 0)
		rte_panic("mbuf %p: %s\n", (const void *)m, reason);
}

/* Hex and ASCII, 16 bytes a line, offsets from the data start. */
static void
mbuf_hexdump(FILE *f, const uint8_t *data, unsigned int len)
{
	unsigned int line, i;

	for (line = 0; line < len; line += 16) {
		fprintf(f, "    %08x:", line);
		for (i = line; i < line + 16; i++) {
			if (i < len)
				fprintf(f, " %02x", data[i]);
			else
				fprintf(f, "   ");
		}
		fprintf(f, " | ");
		for (i = line; i < line + 16 && i < len; i++)
			fputc(isprint(data[i]) ? data[i] : '.', f);
		fputc('\n', f);
	}
}

void
rte_pktmbuf_dump(FILE *f, const struct rte_mbuf *m, unsigned int dump_len)
{
	const char *reason;
	unsigned int nb_segs, len;
	char ptype[256];

	if (f == NULL)
		f = stdout;
	if (rte_mbuf_check(m, 1, &reason) != 0) {
		fprintf(f, "dump mbuf at %p: not dumped, %s\n", (const void *)m,
			reason);
		return;
	}
	rte_get_ptype_name(m->packet_type, ptype, sizeof(ptype));
	fprintf(f, "dump mbuf at %p, iova=%#" PRIx64 ", buf_len=%u\n",
		(const void *)m, rte_mbuf_iova_get(m), m->buf_len);
	fprintf(f, "  pkt_len=%u, ol_flags=%#" PRIx64 ", nb_segs=%u, port=%u",
		m->pkt_len, m->ol_flags, m->nb_segs, m->port);
	if (m->ol_flags & (RTE_MBUF_F_RX_QINQ | RTE_MBUF_F_TX_QINQ))
		fprintf(f, ", vlan_tci_outer=%u", m->vlan_tci_outer);
	if (m->ol_flags & (RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_TX_VLAN))
		fprintf(f, ", vlan_tci=%u", m->vlan_tci);
	fprintf(f, ", ptype=%#" PRIx32 " (%s)\n", m->packet_type, ptype);
	for (nb_segs = m->nb_segs; m != NULL && nb_segs != 0;
		m = m->next, nb_segs--) {
		fprintf(f,
			"  segment at %p, data=%p, len=%u, off=%u, refcnt=%u\n",
			(const void *)m, rte_pktmbuf_mtod(m, void *),
			m->data_len, m->data_off, rte_mbuf_refcnt_read(m));
		len = RTE_MIN(dump_len, (unsigned int)m->data_len);
		if (len != 0)
			mbuf_hexdump(f, rte_pktmbuf_mtod(m, const uint8_t *),
				len);
		dump_len -= len;
	}
}
