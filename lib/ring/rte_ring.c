/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Ring control path: sizing, initialisation, creation in a memzone, the
 * list of named rings, lookup, free, reset and dump. The fast path is
 * inline in the headers.
 */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memzone.h>
#include <rte_rwlock.h>

#include "rte_ring.h"

/*
 * The layout (see rte_ring_core.h): a line of fields read by both sides,
 * an empty line, the producer's head line, an empty line and its tail
 * line, an empty line, the consumer's three lines, an empty line.
 */
static_assert(offsetof(struct rte_ring, prod) == 2 * RTE_CACHE_LINE_SIZE,
	"producer counters from the third cache line");
static_assert(offsetof(struct rte_ring, cons) == 6 * RTE_CACHE_LINE_SIZE,
	"consumer counters from the seventh cache line");
static_assert(sizeof(struct rte_ring) == 10 * RTE_CACHE_LINE_SIZE,
	"slots start on a cache line of their own");
/* Every mode keeps the tail position and sync_type at the same offsets. */
#define RING_TAIL_POS_OFF (__RTE_RING_TAIL_OFF + 4)
static_assert(offsetof(struct rte_ring_headtail, tail) == RING_TAIL_POS_OFF,
	"tail on the tail line");
static_assert(offsetof(struct rte_ring_hts_headtail, ht.pos.tail) ==
		RING_TAIL_POS_OFF,
	"HTS tail on the tail line");
static_assert(offsetof(struct rte_ring_rts_headtail, tail.val.pos) ==
		RING_TAIL_POS_OFF,
	"RTS tail position on the tail line");
static_assert(offsetof(struct rte_ring_headtail, sync_type) == 8,
	"sync_type at 8");
static_assert(offsetof(struct rte_ring_hts_headtail, sync_type) == 8,
	"HTS sync_type at 8");
static_assert(offsetof(struct rte_ring_rts_headtail, sync_type) == 8,
	"RTS sync_type at 8");
/* The RTS words overlay the MT head and the ST head and tail, and the
 * HTS word the ST head and tail (see ring_reset_side()). */
static_assert(offsetof(struct rte_ring_rts_headtail, head) ==
		offsetof(struct rte_ring_headtail, __mt),
	"RTS head word over the MT head");
static_assert(offsetof(struct rte_ring_headtail, head) == __RTE_RING_TAIL_OFF,
	"ST head on the tail line, next to the tail");
static_assert(offsetof(struct rte_ring_hts_headtail, ht.pos.head) ==
		offsetof(struct rte_ring_headtail, head),
	"HTS head over the ST head");
static_assert(offsetof(struct rte_ring_headtail, __st_seen) ==
		sizeof(((struct rte_ring_rts_headtail *)0)->tail) +
			offsetof(struct rte_ring_rts_headtail, tail),
	"what ST calls saw past every mode's tail word");
static_assert(offsetof(struct rte_ring_rts_headtail, tail) ==
		offsetof(struct rte_ring_hts_headtail, ht),
	"RTS tail word over the HTS word");
/* The other side's tail last seen lies on the head line, past every
 * mode's counters there. */
#define RING_SEEN_OFF offsetof(struct __rte_ring_seen, tail)
static_assert(RING_SEEN_OFF >= offsetof(struct rte_ring_headtail, __gap),
	"seen/MT");
static_assert(RING_SEEN_OFF >= offsetof(struct rte_ring_hts_headtail, __gap),
	"seen/HTS");
static_assert(RING_SEEN_OFF >= offsetof(struct rte_ring_rts_headtail, __gap),
	"seen/RTS");
static_assert(RING_SEEN_OFF + sizeof(uint32_t) <= RTE_CACHE_LINE_SIZE,
	"seen on the side's head line");

/* Flags rte_ring_init() and rte_ring_create*() accept. */
#define RING_F_KNOWN \
	(RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ | RING_F_MP_RTS_ENQ | \
		RING_F_MC_RTS_DEQ | RING_F_MP_HTS_ENQ | RING_F_MC_HTS_DEQ)
#define RING_F_PROD_MODES \
	(RING_F_SP_ENQ | RING_F_MP_RTS_ENQ | RING_F_MP_HTS_ENQ)
#define RING_F_CONS_MODES \
	(RING_F_SC_DEQ | RING_F_MC_RTS_DEQ | RING_F_MC_HTS_DEQ)

/* RTS rings let the head run this fraction of the capacity ahead. */
#define RING_RTS_HTD_DIVISOR 8

#define RING_LOG(level, ...) RTE_LOG(level, RING, __VA_ARGS__)

/* A ring made by rte_ring_create*(), in the list lookup searches. */
struct ring_entry {
	TAILQ_ENTRY(ring_entry) next;
	struct rte_ring *ring;
};

TAILQ_HEAD(ring_entry_list, ring_entry);

static struct ring_entry_list ring_list = TAILQ_HEAD_INITIALIZER(ring_list);
static rte_rwlock_t ring_list_lock = RTE_RWLOCK_INITIALIZER;

/* At most one mode flag per side. */
static int
ring_check_flags(unsigned int flags)
{
	if ((flags & ~(unsigned int)RING_F_KNOWN) != 0) {
		RING_LOG(ERR, "unknown flags %#x (known: %#x)\n",
			flags & ~(unsigned int)RING_F_KNOWN, RING_F_KNOWN);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(flags & RING_F_PROD_MODES) &&
		(flags & RING_F_PROD_MODES) != 0) {
		RING_LOG(ERR,
			"flags %#x: pick one of SP_ENQ, MP_RTS_ENQ and MP_HTS_ENQ\n",
			flags);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(flags & RING_F_CONS_MODES) &&
		(flags & RING_F_CONS_MODES) != 0) {
		RING_LOG(ERR,
			"flags %#x: pick one of SC_DEQ, MC_RTS_DEQ and MC_HTS_DEQ\n",
			flags);
		return -EINVAL;
	}
	return 0;
}

/*
 * The number of slots for count objects: count itself, a power of two,
 * or with RING_F_EXACT_SZ the power of two above count. 0 when count is
 * not valid.
 */
static uint32_t
ring_slots(unsigned int count, unsigned int flags)
{
	uint32_t size = count;

	if ((flags & RING_F_EXACT_SZ) != 0)
		size = count == 0 ? 0 : rte_align32pow2(count + 1);
	if (size == 0 || !rte_is_power_of_2(size) || size > RTE_RING_SZ_MASK)
		return 0;
	return size;
}

static int
ring_check_count(unsigned int count, unsigned int flags)
{
	if (ring_slots(count, flags) != 0)
		return 0;
	if ((flags & RING_F_EXACT_SZ) != 0)
		RING_LOG(ERR,
			"count %u invalid: with RING_F_EXACT_SZ it must be 1 to %u\n",
			count, (RTE_RING_SZ_MASK >> 1));
	else
		RING_LOG(ERR,
			"count %u invalid: it must be a power of two, at most %u (or use RING_F_EXACT_SZ)\n",
			count, (RTE_RING_SZ_MASK >> 1) + 1);
	return -EINVAL;
}

static ssize_t
ring_memsize(unsigned int esize, uint32_t slots)
{
	size_t size = sizeof(struct rte_ring) + (size_t)slots * esize;

	return (ssize_t)RTE_ALIGN_CEIL(size, (size_t)RTE_CACHE_LINE_SIZE);
}

static int
ring_check_esize(unsigned int esize)
{
	if (esize != 0 && esize % 4 == 0)
		return 0;
	RING_LOG(ERR,
		"element size %u invalid: it must be a non-zero multiple of 4\n",
		esize);
	return -EINVAL;
}

ssize_t
rte_ring_get_memsize_elem(unsigned int esize, unsigned int count)
{
	if (ring_check_esize(esize) != 0)
		return -EINVAL;
	if (ring_check_count(count, 0) != 0)
		return -EINVAL;
	return ring_memsize(esize, count);
}

ssize_t
rte_ring_get_memsize(unsigned int count)
{
	return rte_ring_get_memsize_elem(sizeof(void *), count);
}

static enum rte_ring_sync_type
ring_prod_mode(unsigned int flags)
{
	if ((flags & RING_F_SP_ENQ) != 0)
		return RTE_RING_SYNC_ST;
	if ((flags & RING_F_MP_RTS_ENQ) != 0)
		return RTE_RING_SYNC_MT_RTS;
	if ((flags & RING_F_MP_HTS_ENQ) != 0)
		return RTE_RING_SYNC_MT_HTS;
	return RTE_RING_SYNC_MT;
}

static enum rte_ring_sync_type
ring_cons_mode(unsigned int flags)
{
	if ((flags & RING_F_SC_DEQ) != 0)
		return RTE_RING_SYNC_ST;
	if ((flags & RING_F_MC_RTS_DEQ) != 0)
		return RTE_RING_SYNC_MT_RTS;
	if ((flags & RING_F_MC_HTS_DEQ) != 0)
		return RTE_RING_SYNC_MT_HTS;
	return RTE_RING_SYNC_MT;
}

static int
ring_init_fail(int err)
{
	rte_errno = err;
	return -err;
}

int
rte_ring_init(struct rte_ring *r, const char *name, unsigned int count,
	unsigned int flags)
{
	uint32_t slots;

	if (r == NULL || name == NULL) {
		RING_LOG(ERR, "rte_ring_init: NULL %s\n",
			r == NULL ? "ring" : "name");
		return ring_init_fail(EINVAL);
	}
	if (ring_check_flags(flags) != 0 || ring_check_count(count, flags) != 0)
		return ring_init_fail(EINVAL);
	if (strnlen(name, RTE_RING_NAMESIZE) == RTE_RING_NAMESIZE) {
		RING_LOG(ERR,
			"ring name '%s' too long: at most %zu characters\n",
			name, RTE_RING_NAMESIZE - 1);
		return ring_init_fail(ENAMETOOLONG);
	}
	slots = ring_slots(count, flags);

	memset(r, 0, sizeof(*r));
	strcpy(r->name, name);
	r->flags = (int)flags;
	r->size = slots;
	r->mask = slots - 1;
	r->capacity = (flags & RING_F_EXACT_SZ) != 0 ? count : slots - 1;
	r->prod.sync_type = ring_prod_mode(flags);
	r->cons.sync_type = ring_cons_mode(flags);
	if (r->prod.sync_type == RTE_RING_SYNC_MT_RTS)
		r->rts_prod.htd_max = r->capacity / RING_RTS_HTD_DIVISOR;
	if (r->cons.sync_type == RTE_RING_SYNC_MT_RTS)
		r->rts_cons.htd_max = r->capacity / RING_RTS_HTD_DIVISOR;
	/* Counters as reset leaves them, not all zero: the ST records must
	 * send the first ST call to the other side's tail, which marks the
	 * MT head moved (struct rte_ring_headtail). */
	rte_ring_reset(r);
	return 0;
}

static struct rte_ring *
ring_create_fail(int err)
{
	rte_errno = err;
	return NULL;
}

/* Checks everything rte_ring_create_elem() can check without the EAL. */
static int
ring_create_check(const char *name, unsigned int esize, unsigned int count,
	unsigned int flags)
{
	if (name == NULL) {
		RING_LOG(ERR, "rte_ring_create: NULL name\n");
		return -EINVAL;
	}
	if (ring_check_esize(esize) != 0 || ring_check_flags(flags) != 0 ||
		ring_check_count(count, flags) != 0)
		return -EINVAL;
	if (strnlen(name, RTE_RING_NAMESIZE) == RTE_RING_NAMESIZE) {
		RING_LOG(ERR,
			"ring name '%s' too long: at most %zu characters\n",
			name, RTE_RING_NAMESIZE - 1);
		return -ENAMETOOLONG;
	}
	return 0;
}

/* What to tell the user when the memzone of a ring cannot be had. */
static const char *
ring_reserve_hint(int err)
{
	switch (err) {
	case E_RTE_NO_CONFIG:
		return "call rte_eal_init() first";
	case EEXIST:
		return "a ring (or memzone) of that name exists";
	case ENOSPC:
		return "all RTE_MAX_MEMZONE memzones are in use";
	case ENOMEM:
		return "not enough memory (see -m / --socket-mem)";
	}
	return rte_strerror(err);
}

struct rte_ring *
rte_ring_create_elem(const char *name, unsigned int esize, unsigned int count,
	int socket_id, unsigned int flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	struct ring_entry *entry;
	struct rte_ring *r;
	int ret;

	ret = ring_create_check(name, esize, count, flags);
	if (ret != 0)
		return ring_create_fail(-ret);
	snprintf(mz_name, sizeof(mz_name), "%s%s", RTE_RING_MZ_PREFIX, name);
	entry = malloc(sizeof(*entry));
	if (entry == NULL) {
		RING_LOG(ERR, "ring '%s': out of memory for its list entry\n",
			name);
		return ring_create_fail(ENOMEM);
	}
	/* Held across reserve and insert: lookup never sees a half-made ring. */
	rte_rwlock_write_lock(&ring_list_lock);
	mz = rte_memzone_reserve_aligned(mz_name,
		(size_t)ring_memsize(esize, ring_slots(count, flags)),
		socket_id, 0, RTE_CACHE_LINE_SIZE);
	if (mz == NULL) {
		ret = rte_errno;
		rte_rwlock_write_unlock(&ring_list_lock);
		free(entry);
		RING_LOG(ERR, "ring '%s': cannot reserve memzone %s: %s\n",
			name, mz_name, ring_reserve_hint(ret));
		return ring_create_fail(ret);
	}
	r = (struct rte_ring *)mz->addr;
	/* Cannot fail: ring_create_check() made the same checks. */
	rte_ring_init(r, name, count, flags);
	r->memzone = mz;
	entry->ring = r;
	TAILQ_INSERT_TAIL(&ring_list, entry, next);
	rte_rwlock_write_unlock(&ring_list_lock);
	return r;
}

struct rte_ring *
rte_ring_create(const char *name, unsigned int count, int socket_id,
	unsigned int flags)
{
	return rte_ring_create_elem(name, sizeof(void *), count, socket_id,
		flags);
}

/* The list entry of r; call with ring_list_lock held. */
static struct ring_entry *
ring_find_entry(const struct rte_ring *r)
{
	struct ring_entry *entry;

	TAILQ_FOREACH (entry, &ring_list, next)
		if (entry->ring == r)
			return entry;
	return NULL;
}

void
rte_ring_free(struct rte_ring *r)
{
	const struct rte_memzone *mz;
	struct ring_entry *entry;

	if (r == NULL)
		return;
	if (r->memzone == NULL) {
		RING_LOG(ERR,
			"cannot free ring '%s': it was made by rte_ring_init(), not rte_ring_create(); free its memory yourself\n",
			r->name);
		return;
	}
	rte_rwlock_write_lock(&ring_list_lock);
	entry = ring_find_entry(r);
	if (entry == NULL) {
		rte_rwlock_write_unlock(&ring_list_lock);
		RING_LOG(ERR,
			"cannot free ring %p: not a ring made by rte_ring_create() (freed twice?)\n",
			(const void *)r);
		return;
	}
	TAILQ_REMOVE(&ring_list, entry, next);
	mz = r->memzone;
	if (rte_memzone_free(mz) != 0)
		RING_LOG(ERR, "ring '%s': cannot free its memzone\n", r->name);
	rte_rwlock_write_unlock(&ring_list_lock);
	free(entry);
}

struct rte_ring *
rte_ring_lookup(const char *name)
{
	struct ring_entry *entry;
	struct rte_ring *r = NULL;

	if (name == NULL) {
		RING_LOG(ERR, "rte_ring_lookup: NULL name\n");
		rte_errno = EINVAL;
		return NULL;
	}
	rte_rwlock_read_lock(&ring_list_lock);
	TAILQ_FOREACH (entry, &ring_list, next) {
		if (strncmp(name, entry->ring->name, RTE_RING_NAMESIZE) == 0) {
			r = entry->ring;
			break;
		}
	}
	rte_rwlock_read_unlock(&ring_list_lock);
	if (r == NULL) {
		/* A miss is an answer, not a failure: debug level only. */
		RING_LOG(DEBUG, "no ring named '%s'\n", name);
		rte_errno = ENOENT;
	}
	return r;
}

/* Zeroes one side's counters, whatever its mode, and the tail it saw. */
static void
ring_reset_side(struct rte_ring_headtail *ht, struct rte_ring_rts_headtail *rts,
	struct __rte_ring_seen *seen)
{
	__atomic_store_n(&seen->tail, 0, __ATOMIC_RELAXED);
	/* The RTS head word covers the MT head; the RTS tail word covers the
	 * ST head and tail and the HTS word: two stores zero the counters of
	 * every mode. */
	__atomic_store_n(&rts->head.raw, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&rts->tail.raw, 0, __ATOMIC_RELAXED);
	/* The MT head's mark is clear: ST calls are to set it first. */
	__atomic_store_n(&ht->__st_seen, __RTE_RING_ST_UNSEEN(0),
		__ATOMIC_RELAXED);
}

void
rte_ring_reset(struct rte_ring *r)
{
	if (r == NULL)
		return;
	ring_reset_side(&r->prod, &r->rts_prod, &r->prod_seen);
	ring_reset_side(&r->cons, &r->rts_cons, &r->cons_seen);
}

static const char *
ring_mode_name(enum rte_ring_sync_type mode)
{
	switch (mode) {
	case RTE_RING_SYNC_MT:
		return "MT";
	case RTE_RING_SYNC_ST:
		return "ST";
	case RTE_RING_SYNC_MT_RTS:
		return "MT_RTS";
	case RTE_RING_SYNC_MT_HTS:
		return "MT_HTS";
	}
	return "?";
}

/* One side's head and tail positions, whatever its mode. */
static void
ring_side_pos(const struct rte_ring_headtail *ht,
	const struct rte_ring_rts_headtail *rts,
	const struct rte_ring_hts_headtail *hts, uint32_t *head, uint32_t *tail)
{
	union __rte_ring_rts_poscnt pc;
	union __rte_ring_hts_pos hp;
	union __rte_ring_mt_head mt;

	switch (ht->sync_type) {
	case RTE_RING_SYNC_MT_HTS:
		/* Head and tail from one load: one moment of the side. */
		hp.raw = __atomic_load_n(&hts->ht.raw, __ATOMIC_RELAXED);
		*head = hp.pos.head;
		*tail = hp.pos.tail;
		return;
	case RTE_RING_SYNC_MT_RTS:
		pc.raw = __atomic_load_n(&rts->head.raw, __ATOMIC_RELAXED);
		*head = pc.val.pos;
		break;
	default:
		/* MT calls keep their head in the MT word unless ST calls
		 * moved the head since. */
		mt.raw = __atomic_load_n(&ht->__mt.raw, __ATOMIC_RELAXED);
		*head = __rte_ring_mt_pos(ht, &mt);
	}
	*tail = __atomic_load_n(&ht->tail, __ATOMIC_RELAXED);
}

void
rte_ring_dump(FILE *f, const struct rte_ring *r)
{
	uint32_t prod_head, prod_tail, cons_head, cons_tail;

	if (f == NULL)
		f = stdout;
	if (r == NULL) {
		fprintf(f, "ring <NULL>\n");
		return;
	}
	ring_side_pos(&r->prod, &r->rts_prod, &r->hts_prod, &prod_head,
		&prod_tail);
	ring_side_pos(&r->cons, &r->rts_cons, &r->hts_cons, &cons_head,
		&cons_tail);
	fprintf(f, "ring <%s>@%p\n", r->name, (const void *)r);
	fprintf(f, "  flags=%x\n", (unsigned int)r->flags);
	fprintf(f, "  size=%" PRIu32 "\n", r->size);
	fprintf(f, "  capacity=%" PRIu32 "\n", r->capacity);
	fprintf(f, "  prod_mode=%s\n", ring_mode_name(r->prod.sync_type));
	fprintf(f, "  cons_mode=%s\n", ring_mode_name(r->cons.sync_type));
	fprintf(f, "  ct=%" PRIu32 "\n", cons_tail);
	fprintf(f, "  ch=%" PRIu32 "\n", cons_head);
	fprintf(f, "  pt=%" PRIu32 "\n", prod_tail);
	fprintf(f, "  ph=%" PRIu32 "\n", prod_head);
	fprintf(f, "  used=%u\n", rte_ring_count(r));
	fprintf(f, "  avail=%u\n", rte_ring_free_count(r));
}

void
rte_ring_list_dump(FILE *f)
{
	struct ring_entry *entry;

	rte_rwlock_read_lock(&ring_list_lock);
	TAILQ_FOREACH (entry, &ring_list, next)
		rte_ring_dump(f, entry->ring);
	rte_rwlock_read_unlock(&ring_list_lock);
}
