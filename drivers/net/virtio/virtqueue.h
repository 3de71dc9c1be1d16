/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Split virtqueues (virtio 1.2 section 2.7; 1.1 section 2.6), shared by
 * every transport (legacy PCI, modern PCI, virtio-user).
 *
 * One block of memory (a memzone, so the device, or the vhost-user
 * backend, can reach it) holds the three parts in the legacy layout
 * (2.7.2), which modern devices accept as well:
 *
 *   +0                      +16Q                  +16Q+6+2Q   ALIGN(.., 4096)
 *   | descriptor table      | available ring      | pad       | used ring       |
 *   | desc[0..Q-1]          | flags idx ring[Q]   |           | flags idx       |
 *   | {addr,len,flags,next} | used_event          |           | ring[Q]{id,len} |
 *   |                       |                     |           | avail_event     |
 *     written by the driver   written by the driver             written by the
 *     read by the device      read by the device                device
 *
 * Q (size) is a power of two. avail.idx and used.idx run freely over
 * 16 bits; a slot is idx & (Q - 1).
 *
 * Ownership rules:
 * - A descriptor is the driver's while it is on the free list (chained
 *   through desc[].next from free_head to free_tail, nb_free of them) or
 *   being filled. The list is a FIFO: taken at the head, chains given back
 *   at the tail, so a queue whose chains come back in order (every device
 *   in practice) hands descriptors out in table order and the device reads
 *   the table sequentially, four descriptors to a cache line.
 *   Once its chain's head is in avail.ring[] and avail.idx has moved past
 *   it, the chain is the device's until the head comes back in a used
 *   element; then the driver takes the whole chain back (extra[head]
 *   remembers how many descriptors it had and what the driver hung on it).
 * - avail.ring[] slots and avail.idx are written by the driver only; the
 *   device reads them. used.ring[] and used.idx are written by the device
 *   only; the driver reads an element only after an acquire load of
 *   used.idx shows it.
 * - Ordering (2.7.13): descriptors and ring slots are written before the
 *   release store of avail.idx; the driver reads the device's suppression
 *   fields (used.flags or avail_event) only after a full fence that orders
 *   the avail.idx store before those loads (the device does the mirror
 *   image), so no notification is lost.
 *
 * Notification suppression (2.7.7, 2.7.10):
 * - driver to device: without EVENT_IDX, notify unless used.flags has
 *   NO_NOTIFY; with EVENT_IDX, notify when avail.idx moved past the
 *   device's avail_event since the last notification.
 * - device to driver: without EVENT_IDX, avail.flags NO_INTERRUPT; with
 *   it, used_event. Polling queues keep used_event Q entries beyond what
 *   was consumed, a place the device cannot reach; a queue that wants an
 *   interrupt sets used_event to the next element it waits for.
 *
 * All fields are little-endian (modern, virtio-user on x86/arm64 LE
 * hosts) or native (legacy): the same on the little-endian hosts we
 * build for.
 */
#ifndef VIRTQUEUE_H
#define VIRTQUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_memzone.h>

#ifndef __BYTE_ORDER__
#error "need __BYTE_ORDER__"
#elif __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "virtio rings are little-endian; big-endian hosts are not supported"
#endif

/* 2.7.5 struct virtq_desc. */
#define VRING_DESC_F_NEXT     1
#define VRING_DESC_F_WRITE    2
#define VRING_DESC_F_INDIRECT 4

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

/* 2.7.6 struct virtq_avail; used_event follows ring[size]. */
#define VRING_AVAIL_F_NO_INTERRUPT 1

struct vring_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

/* 2.7.8 struct virtq_used; avail_event follows ring[size]. */
#define VRING_USED_F_NO_NOTIFY 1

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

struct vring_used {
	uint16_t flags;
	uint16_t idx;
	struct vring_used_elem ring[];
};

/* Legacy queue alignment, 2.7.2 / 4.1.5.1.3 (the used ring starts here). */
#define VIRTQUEUE_ALIGN	   4096
#define VIRTQUEUE_MAX_SIZE 32768

/* What the driver hangs on a chain's head while the device has it. */
struct vq_desc_extra {
	void *cookie;	 /* an mbuf (chain) or NULL */
	uint16_t ndescs; /* descriptors in the chain */
};

struct virtqueue {
	/* Rings (in vq memory). */
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	uint16_t *used_event;  /* avail->ring[size] */
	uint16_t *avail_event; /* used->ring[size] */

	/* Driver state: the driver's side only, never shared. */
	uint16_t size;	    /* Q */
	uint16_t mask;	    /* Q - 1 */
	uint16_t avail_idx; /* next avail.idx (free running) */
	uint16_t used_cons; /* used elements consumed (free running) */
	uint16_t kick_idx;  /* avail_idx at the last notify decision */
	uint16_t nb_free;   /* descriptors on the free list */
	uint16_t free_head; /* first free descriptor */
	uint16_t free_tail; /* last free descriptor (if nb_free != 0) */
	uint16_t index;	    /* queue index on the device */
	bool event_idx;	    /* VIRTIO_F_EVENT_IDX negotiated */
	bool intr_enabled;  /* device-to-driver notifications wanted */

	/* Where the rings are, as the device addresses them. */
	uint64_t ring_addr; /* IOVA, or VA for virtio-user */
	size_t ring_size;   /* bytes of the block */
	const struct rte_memzone *mz;
	void *notify_addr; /* transport's doorbell for this queue */
	int kick_fd;	   /* virtio-user: the kick eventfd, else -1 */
	int call_fd;	   /* virtio-user: the call eventfd, else -1 */

	struct vq_desc_extra extra[]; /* size entries, by head index */
};

/* Bytes of ring memory for a queue of size entries (legacy layout). */
size_t virtqueue_ring_size(uint16_t size);

/*
 * Makes a queue of size entries (a power of two up to 32768) with its
 * ring memory in a memzone named name on socket. use_va: the device sees
 * virtual addresses (virtio-user), else IOVAs.
 *
 * @return the queue, empty (virtqueue_reset()), or NULL with rte_errno
 *   EINVAL (bad size) or ENOMEM (one log line).
 */
struct virtqueue *virtqueue_create(const char *name, uint16_t index,
	uint16_t size, int socket, bool use_va);

/* Frees the queue and its ring memory (NULL is fine). */
void virtqueue_free(struct virtqueue *vq);

/*
 * Zeroes the rings and puts every descriptor on the free list; cookies
 * are forgotten (the caller has taken them back first). Only while the
 * device does not use the queue (reset, or before DRIVER_OK).
 */
void virtqueue_reset(struct virtqueue *vq, bool event_idx);

/* Device addresses of the three parts. */
static inline uint64_t
virtqueue_desc_addr(const struct virtqueue *vq)
{
	return vq->ring_addr;
}

static inline uint64_t
virtqueue_avail_addr(const struct virtqueue *vq)
{
	return vq->ring_addr + RTE_PTR_DIFF(vq->avail, vq->desc);
}

static inline uint64_t
virtqueue_used_addr(const struct virtqueue *vq)
{
	return vq->ring_addr + RTE_PTR_DIFF(vq->used, vq->desc);
}

/*
 * Takes back the chains of every used element not consumed yet, and of
 * every chain still in the avail ring, calling fn on each cookie: what a
 * stopped or reset queue does to give mbufs home. Only while the device
 * does not use the queue.
 */
void virtqueue_drain(struct virtqueue *vq, void (*fn)(void *cookie));

/* Event index test, 2.7.7.2 / 2.7.10: did new_idx move past event? */
static inline bool
vring_need_event(uint16_t event, uint16_t new_idx, uint16_t old_idx)
{
	return (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old_idx);
}

/* Takes one free descriptor; the caller knows nb_free > 0. */
static inline uint16_t
vq_desc_take(struct virtqueue *vq)
{
	uint16_t id = vq->free_head;

	vq->free_head = vq->desc[id].next;
	vq->nb_free--;
	return id;
}

/* Puts a chain that starts at head at the end of the free list. */
static inline void
vq_chain_put(struct virtqueue *vq, uint16_t head)
{
	struct vq_desc_extra *ex = &vq->extra[head];
	uint16_t tail = head, n = ex->ndescs;

	while (--n != 0)
		tail = vq->desc[tail].next;
	if (vq->nb_free == 0)
		vq->free_head = head;
	else
		vq->desc[vq->free_tail].next = head;
	vq->free_tail = tail;
	vq->nb_free += ex->ndescs;
	ex->ndescs = 0;
	ex->cookie = NULL;
}

/*
 * Puts a chain head in the next avail slot (not yet visible). A slot that
 * holds that head already (chains coming back in order hand out the same
 * heads lap after lap) is only read: its line stays shared with the device.
 */
static inline void
vq_avail_add(struct virtqueue *vq, uint16_t head)
{
	uint16_t *slot = &vq->avail->ring[vq->avail_idx & vq->mask];

	if (*slot != head)
		*slot = head;
	vq->avail_idx++;
}

/*
 * Makes the slots added since the last call visible to the device.
 * Release: pairs with the device's acquire load of avail.idx, so the
 * descriptors and slots written before are seen before the new index.
 */
static inline void
vq_avail_publish(struct virtqueue *vq)
{
	__atomic_store_n(&vq->avail->idx, vq->avail_idx, __ATOMIC_RELEASE);
}

/*
 * Whether the device wants a notification for what was published since
 * the last decision (2.7.10). The SEQ_CST fence orders the avail.idx
 * store before the load of used.flags / avail_event; the device fences
 * between writing those and reading avail.idx, so one of the two sides
 * sees the other's latest write.
 */
static inline bool
vq_kick_prepare(struct virtqueue *vq)
{
	uint16_t old_idx = vq->kick_idx, new_idx = vq->avail_idx;

	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	vq->kick_idx = new_idx;
	if (vq->event_idx)
		return vring_need_event(__atomic_load_n(vq->avail_event,
						__ATOMIC_RELAXED),
			new_idx, old_idx);
	return (__atomic_load_n(&vq->used->flags, __ATOMIC_RELAXED) &
		       VRING_USED_F_NO_NOTIFY) == 0;
}

/*
 * Used elements the device has returned and the driver not consumed.
 * Acquire: pairs with the device's release store of used.idx, so the
 * elements (and the buffers they describe) are read after it.
 */
static inline uint16_t
vq_used_count(const struct virtqueue *vq)
{
	return (uint16_t)(__atomic_load_n(&vq->used->idx, __ATOMIC_ACQUIRE) -
		vq->used_cons);
}

/* The next unconsumed used element. */
static inline const struct vring_used_elem *
vq_used_next(const struct virtqueue *vq)
{
	return &vq->used->ring[vq->used_cons & vq->mask];
}

/*
 * Keeps the device quiet (polling): used_event one ring beyond the
 * consumer, which the device cannot reach before the driver consumes more.
 * Stored only when it moves: the device reads the line on every burst it
 * completes, and a store of the same value on every empty poll would take
 * the line from it each time (a queue spinning on a full tx ring).
 */
static inline void
vq_intr_quiet(struct virtqueue *vq)
{
	uint16_t event = (uint16_t)(vq->used_cons + vq->size);

	if (vq->event_idx && !vq->intr_enabled &&
		__atomic_load_n(vq->used_event, __ATOMIC_RELAXED) != event)
		__atomic_store_n(vq->used_event, event, __ATOMIC_RELAXED);
}

/* Asks for (enable) or stops device-to-driver notifications. */
void virtqueue_intr_enable(struct virtqueue *vq, bool enable);

#endif /* VIRTQUEUE_H */
