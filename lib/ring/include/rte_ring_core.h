/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * The ring structure, its creation flags and its synchronisation modes.
 * Applications include rte_ring.h (pointer rings) or rte_ring_elem.h
 * (rings of fixed-size elements) rather than this file.
 *
 * A ring is a fixed-size FIFO in one block of memory: the struct rte_ring
 * header, then "size" slots of esize bytes each (esize is sizeof(void *)
 * for pointer rings). Producers and consumers each own a pair of 32-bit
 * counters, head and tail. The counters run freely over the whole 32-bit
 * range and wrap; a counter c names slot (c & mask). Differences between
 * counters are taken modulo 2^32, so wrapping needs no special case.
 *
 *            cons.tail       cons.head       prod.tail       prod.head
 *                |               |               |               |
 *                v               v               v               v
 *   +--  free  --+- being read --+-- readable ---+ being written +-- free --+
 *   slot 0       |< used: prod.tail - cons.tail >|                  last slot
 *
 * The free run goes from prod.head to the end of the slots and on from
 * slot 0 to cons.tail (positions may wrap anywhere; the picture shows one
 * case): capacity - (prod.head - cons.tail) slots.
 *
 * Who owns which slots:
 *   - [cons.tail, cons.head): reserved by consumers that are copying the
 *     objects out. Producers must not touch them yet.
 *   - [cons.head, prod.tail): full, published, free for a consumer to claim
 *     by moving cons.head.
 *   - [prod.tail, prod.head): reserved by producers that are copying their
 *     objects in. Consumers must not read them yet.
 *   - [prod.head, cons.tail + capacity): empty, free for a producer to
 *     claim by moving prod.head.
 *
 * An operation has three steps: move its own head forward (a plain store
 * for a single producer or consumer, a compare-and-swap for several),
 * copy the objects, then move its own tail up to where its head went.
 * With several producers (or consumers) the tails move in the order the
 * heads moved: each one waits until the tail reaches the head it started
 * from. The ordering rules that make this safe are written beside each
 * atomic access in rte_ring_elem_pvt.h.
 *
 * Each side's counters take three cache lines: the head line (the head
 * that several producers or consumers move by compare-and-swap, with what
 * only this side reads: sync_type, the RTS throttle, the other side's
 * tail as last seen), an empty line, and the tail line (the tail, and
 * what a single producer or consumer moves along with it: its head and
 * its own record of the other side's tail). The other side reads only
 * the tail line, so its polling never takes the line a compare-and-swap
 * of the head needs, and a single producer or consumer writes no other
 * counter line; the empty line keeps the adjacent-line prefetcher from
 * pulling the head line along with the tail line. An empty line also
 * lies before the producer's lines, between the two sides and after the
 * consumer's, so that neither side's lines couple with the other's or
 * with the slots.
 */
#ifndef _RTE_RING_CORE_H_
#define _RTE_RING_CORE_H_

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_atomic.h>
#include <rte_branch_prediction.h>
#include <rte_debug.h>
#include <rte_lcore.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Name of the list of rings (DPDK keeps it in a shared tail queue). */
#define RTE_TAILQ_RING_NAME "RTE_RING"

/** How many objects an enqueue or dequeue moves. */
enum rte_ring_queue_behavior {
	/** All n objects or none ("bulk"). */
	RTE_RING_QUEUE_FIXED = 0,
	/** As many of the n objects as there is room (or objects) for ("burst"). */
	RTE_RING_QUEUE_VARIABLE
};

/** Prefix of the name of the memzone that holds a created ring. */
#define RTE_RING_MZ_PREFIX "RG_"
/** Longest ring name, NUL included (the prefixed name must fit a memzone). */
#define RTE_RING_NAMESIZE \
	(RTE_MEMZONE_NAMESIZE - sizeof(RTE_RING_MZ_PREFIX) + 1)

/** How the producers (or the consumers) of a ring synchronise. */
enum rte_ring_sync_type {
	RTE_RING_SYNC_MT,     /**< several threads, compare-and-swap on head */
	RTE_RING_SYNC_ST,     /**< one thread at a time */
	RTE_RING_SYNC_MT_RTS, /**< several threads, relaxed tail sync */
	RTE_RING_SYNC_MT_HTS, /**< several threads, head/tail sync */
};

/** Offset of a side's tail line from its head line (see the file comment). */
#define __RTE_RING_TAIL_OFF (2 * RTE_CACHE_LINE_SIZE)

/**
 * The head several producers (or consumers) move by compare-and-swap in
 * MT mode, on the head line, with a mark that single-thread (ST) calls
 * have moved the head since. ST calls move the head field on the tail
 * line instead, next to the tail they store anyway: a store to a line of
 * its own on every call slowed a single producer whose consumer polls
 * its tail by a third. An MT call that finds the mark starts from that
 * head field; an ST call sets the mark when it finds that an MT call
 * finished since (struct rte_ring_headtail).
 */
union __rte_ring_mt_head {
	uint64_t raw __rte_aligned(8); /**< both, for one atomic access */
	struct {
		uint32_t pos;	/**< first slot not yet claimed */
		uint32_t moved; /**< non-zero: ST calls moved head since */
	} val;
};

/**
 * One side's counters in the default (MT and ST) modes. Every mode's
 * struct keeps sync_type at offset 8 and the tail position at offset
 * __RTE_RING_TAIL_OFF + 4, so the other side can read r->prod.tail or
 * r->cons.tail whatever mode this side runs in.
 *
 * head is the head of single-thread (ST) calls, as in DPDK. MT calls
 * claim slots on the MT head and move head along with tail when they
 * finish, so head equals tail whenever no call is in flight (in either
 * mode) and is never behind tail.
 *
 * ST calls count room by __st_seen, the other side's tail as they last
 * read it, on the tail line too, so that an ST call reads and writes no
 * other counter line. An MT call that finishes leaves there a value no
 * tail can have (half the counter range from head): the next ST call
 * then finds no room by it, reads the other side's tail, and sets the
 * MT head's mark on the way. So the mark is clear only while the value
 * stands, and ST calls that find room by __st_seen need not look at it.
 */
struct rte_ring_headtail {
	volatile union __rte_ring_mt_head __mt; /**< MT head, see above */
	RTE_STD_C11
	union {
		enum rte_ring_sync_type sync_type; /**< mode of this side */
		uint32_t single; /**< old name: non-zero for ST */
	};
	char __gap[__RTE_RING_TAIL_OFF - 12]; /**< up to the tail line */
	volatile uint32_t head; /**< first slot not yet claimed (ST calls) */
	volatile uint32_t tail; /**< first slot not yet finished */
	volatile uint32_t __st_seen; /**< other side's tail seen by ST */
};

/** What an MT call that finishes at pos leaves in __st_seen. */
#define __RTE_RING_ST_UNSEEN(pos) ((uint32_t)((pos) + 0x80000000u))

/** A position and a count of operations, swapped as one 64-bit word. */
union __rte_ring_rts_poscnt {
	uint64_t raw __rte_aligned(8); /**< both, for one atomic access */
	struct {
		uint32_t cnt; /**< operations started (head) or done (tail) */
		uint32_t pos; /**< position */
	} val;
};

/** One side's counters in RTS mode (see rte_ring_rts.h). */
struct rte_ring_rts_headtail {
	volatile union __rte_ring_rts_poscnt head;
	enum rte_ring_sync_type sync_type; /**< RTE_RING_SYNC_MT_RTS */
	uint32_t htd_max; /**< largest head - tail distance allowed */
	char __gap[__RTE_RING_TAIL_OFF - 16]; /**< up to the tail line */
	volatile union __rte_ring_rts_poscnt tail;
};

/** Head and tail of HTS mode, swapped as one 64-bit word. */
union __rte_ring_hts_pos {
	uint64_t raw __rte_aligned(8); /**< both, for one atomic access */
	struct {
		uint32_t head; /**< first slot not yet claimed */
		uint32_t tail; /**< first slot not yet finished */
	} pos;
};

/**
 * One side's counters in HTS mode (see rte_ring_hts.h). Head and tail are
 * one word, so in this mode both sit on the tail line, where they overlay
 * prod.head and prod.tail (or cons.*) as in DPDK's layout.
 */
struct rte_ring_hts_headtail {
	uint32_t __rsvd[2];		      /**< unused in HTS mode */
	enum rte_ring_sync_type sync_type;    /**< RTE_RING_SYNC_MT_HTS */
	char __gap[__RTE_RING_TAIL_OFF - 12]; /**< up to the tail line */
	volatile union __rte_ring_hts_pos ht;
};

/**
 * The other side's tail as this side's threads last read it, on this
 * side's head line after the counters of every mode there (they take at
 * most 16 bytes). A claim that finds room by it leaves the other side's
 * line alone; see __rte_ring_room() in rte_ring_elem_pvt.h.
 */
struct __rte_ring_seen {
	uint32_t counters[4];	/**< this side's head-line counters */
	volatile uint32_t tail; /**< the other side's tail, last read */
};

/**
 * A ring. The slots follow the structure in memory. Read-only for
 * applications, except through the functions of this library.
 */
struct rte_ring {
	char name[RTE_RING_NAMESIZE] __rte_cache_aligned; /**< unique name */
	int flags; /**< RING_F_* flags given at creation */
	const struct rte_memzone *memzone; /**< memzone holding the ring,
					     * NULL for rte_ring_init() rings */
	uint32_t size;	   /**< number of slots, a power of two */
	uint32_t mask;	   /**< size - 1: counter to slot index */
	uint32_t capacity; /**< objects it can hold (size - 1 or exact) */

	char pad0 __rte_cache_aligned; /**< keeps prod off the line above */

	/** Producer counters: written by producers, read by consumers. */
	RTE_STD_C11
	union {
		struct rte_ring_headtail prod;
		struct rte_ring_hts_headtail hts_prod;
		struct rte_ring_rts_headtail rts_prod;
		struct __rte_ring_seen prod_seen; /**< cons.tail, last read */
	} __rte_cache_aligned;

	char pad1 __rte_cache_aligned; /**< keeps prod and cons apart */

	/** Consumer counters: written by consumers, read by producers. */
	RTE_STD_C11
	union {
		struct rte_ring_headtail cons;
		struct rte_ring_hts_headtail hts_cons;
		struct rte_ring_rts_headtail rts_cons;
		struct __rte_ring_seen cons_seen; /**< prod.tail, last read */
	} __rte_cache_aligned;

	char pad2 __rte_cache_aligned; /**< keeps the slots off cons's line */
};

/** Default enqueue is single-producer. */
#define RING_F_SP_ENQ 0x0001
/** Default dequeue is single-consumer. */
#define RING_F_SC_DEQ 0x0002
/**
 * The ring holds exactly the count asked for: the slots are rounded up
 * to the next power of two above count. Without it count must be a power
 * of two and the ring holds count - 1 objects.
 */
#define RING_F_EXACT_SZ 0x0004
/** Largest number of slots. */
#define RTE_RING_SZ_MASK (0x7fffffffU)

/** Default enqueue is multi-producer, relaxed tail sync. */
#define RING_F_MP_RTS_ENQ 0x0008
/** Default dequeue is multi-consumer, relaxed tail sync. */
#define RING_F_MC_RTS_DEQ 0x0010

/** Default enqueue is multi-producer, head/tail sync. */
#define RING_F_MP_HTS_ENQ 0x0020
/** Default dequeue is multi-consumer, head/tail sync. */
#define RING_F_MC_HTS_DEQ 0x0040

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_CORE_H_ */
