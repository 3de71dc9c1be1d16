/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The device side of a split virtqueue, written from the virtio 1.2
 * specification (2.7.6-2.7.10, 2.7.13, 2.7.14), not from the driver: it
 * reads the available ring, walks each chain, returns it in the used
 * ring, maintains avail_event with EVENT_IDX, and says whether it would
 * send a used buffer notification. The tests drive the driver's
 * virtqueue.h against it.
 */
#ifndef VIRTIO_MODEL_H
#define VIRTIO_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "virtqueue.h"

struct vq_model {
	const struct virtqueue *vq; /* only its ring pointers are used */
	uint16_t size;
	uint16_t last_avail; /* next avail slot to read */
	uint16_t used_idx;   /* device's copy of used.idx */
	bool event_idx;
	unsigned int notifications; /* used buffer notifications sent */
	unsigned int bad_chains;    /* chains breaking 2.7.5 rules */
};

/* One chain as the model saw it. */
struct vq_model_chain {
	uint16_t head;
	uint16_t nb_desc;
	uint32_t readable; /* bytes in device-readable descriptors */
	uint32_t writable; /* bytes in device-writable descriptors */
};

static inline void
vq_model_init(struct vq_model *m, const struct virtqueue *vq, bool event_idx)
{
	m->vq = vq;
	m->size = vq->size;
	m->last_avail = 0;
	m->used_idx = 0;
	m->event_idx = event_idx;
	m->notifications = 0;
	m->bad_chains = 0;
}

/* Walks a chain; counts a chain that loops, is too long or puts a
 * readable descriptor after a writable one (2.7.4.2) as bad. */
static inline void
vq_model_walk(struct vq_model *m, uint16_t head, struct vq_model_chain *c)
{
	const struct vring_desc *d;
	bool seen_write = false;
	uint16_t id = head;

	c->head = head;
	c->nb_desc = 0;
	c->readable = 0;
	c->writable = 0;
	for (;;) {
		if (id >= m->size || c->nb_desc == m->size) {
			m->bad_chains++;
			return;
		}
		d = &m->vq->desc[id];
		c->nb_desc++;
		if (d->flags & VRING_DESC_F_WRITE) {
			seen_write = true;
			c->writable += d->len;
		} else {
			if (seen_write)
				m->bad_chains++;
			c->readable += d->len;
		}
		if (!(d->flags & VRING_DESC_F_NEXT))
			return;
		id = d->next;
	}
}

/* Chains the driver made available and the model has not taken. */
static inline uint16_t
vq_model_pending(const struct vq_model *m)
{
	return (uint16_t)(__atomic_load_n(&m->vq->avail->idx, __ATOMIC_ACQUIRE) -
		m->last_avail);
}

/*
 * Takes up to max available chains into chains[], publishes them as used
 * (len = written bytes, here the writable length, or len_override if
 * nonzero), updates avail_event with EVENT_IDX and decides about a
 * notification (2.7.7 / 2.7.10 device side). Returns the count.
 */
static inline uint16_t
vq_model_process(struct vq_model *m, struct vq_model_chain *chains,
	uint16_t max, uint32_t len_override)
{
	uint16_t n = 0, old_used = m->used_idx, head, used_event;
	struct vring_used_elem *e;
	bool notify;

	while (n < max && vq_model_pending(m) != 0) {
		head = m->vq->avail->ring[m->last_avail % m->size];
		vq_model_walk(m, head, &chains[n]);
		e = &m->vq->used->ring[m->used_idx % m->size];
		e->id = head;
		e->len = len_override != 0 ? len_override : chains[n].writable;
		m->used_idx++;
		m->last_avail++;
		n++;
	}
	if (n == 0)
		return 0;
	__atomic_store_n(&m->vq->used->idx, m->used_idx, __ATOMIC_RELEASE);
	if (m->event_idx)
		__atomic_store_n(m->vq->avail_event, m->last_avail,
			__ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (m->event_idx) {
		used_event = __atomic_load_n(m->vq->used_event,
			__ATOMIC_RELAXED);
		notify = (uint16_t)(m->used_idx - used_event - 1) <
			(uint16_t)(m->used_idx - old_used);
	} else {
		notify = !(m->vq->avail->flags & VRING_AVAIL_F_NO_INTERRUPT);
	}
	if (notify)
		m->notifications++;
	return n;
}

#endif /* VIRTIO_MODEL_H */
