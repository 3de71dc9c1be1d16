/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The split virtqueue (drivers/net/virtio/virtqueue.h) against the
 * device model of virtio_model.h: wrap-around of the free-running
 * indices, chains and the free list, driver-to-device notification
 * suppression with and without EVENT_IDX, device-to-driver suppression,
 * drain, and bad sizes. One EAL (--no-huge) for the whole file: rings
 * live in memzones.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>

#include "test_helpers.h"
#include "virtqueue.h"
#include "virtio_model.h"

static struct virtqueue *
make_vq(uint16_t size, bool event_idx)
{
	static unsigned int seq;
	char name[32];
	struct virtqueue *vq;

	snprintf(name, sizeof(name), "tvq%u", seq++);
	vq = virtqueue_create(name, 0, size, SOCKET_ID_ANY, true);
	assert_non_null(vq);
	virtqueue_reset(vq, event_idx);
	return vq;
}

/* Adds a chain of n descriptors (the last one device-writable). */
static uint16_t
add_chain(struct virtqueue *vq, uint16_t n, void *cookie)
{
	uint16_t head = vq_desc_take(vq), id = head, i;

	for (i = 1; i <= n; i++) {
		vq->desc[id].addr = 0x1000 * (uint64_t)(id + 1);
		vq->desc[id].len = 100 + id;
		vq->desc[id].flags = i == n ? VRING_DESC_F_WRITE :
					      VRING_DESC_F_NEXT;
		if (i < n) {
			vq->desc[id].next = vq_desc_take(vq);
			id = vq->desc[id].next;
		}
	}
	vq->extra[head].cookie = cookie;
	vq->extra[head].ndescs = n;
	vq_avail_add(vq, head);
	return head;
}

/* Takes every used element back; returns how many. */
static uint16_t
take_used(struct virtqueue *vq)
{
	uint16_t n = vq_used_count(vq), i;

	for (i = 0; i < n; i++) {
		vq_chain_put(vq, (uint16_t)vq_used_next(vq)->id);
		vq->used_cons++;
	}
	return n;
}

/* Free list holds exactly nb_free distinct descriptors. */
static void
check_free_list(const struct virtqueue *vq)
{
	uint8_t seen[VIRTQUEUE_MAX_SIZE] = { 0 };
	uint16_t id = vq->free_head, i;

	for (i = 0; i < vq->nb_free; i++) {
		assert_true(id < vq->size);
		assert_int_equal(seen[id], 0);
		seen[id] = 1;
		id = vq->desc[id].next;
	}
}

/* 70000 rounds on an 8-entry ring: both 16-bit indices wrap. */
static void
test_wrap_around(void **state)
{
	struct virtqueue *vq = make_vq(8, false);
	struct vq_model_chain chains[8];
	struct vq_model m;
	unsigned int round;
	uint16_t n, i;

	(void)state;
	vq_model_init(&m, vq, false);
	for (round = 0; round < 70000; round++) {
		n = (uint16_t)(1 + round % 8);
		for (i = 0; i < n; i++)
			add_chain(vq, 1, NULL);
		vq_avail_publish(vq);
		assert_int_equal(vq_model_process(&m, chains, 8, 0), n);
		assert_int_equal(take_used(vq), n);
		assert_int_equal(vq->nb_free, 8);
	}
	assert_true(m.used_idx == vq->used_cons);
	assert_int_equal(m.bad_chains, 0);
	check_free_list(vq);
	virtqueue_free(vq);
}

/* Chains of 1..4 descriptors, returned out of order, keep the list whole. */
static void
test_chains(void **state)
{
	struct virtqueue *vq = make_vq(16, false);
	struct vq_model_chain chains[16];
	uint16_t heads[4], i, n;
	struct vq_model m;
	int cookie[4];

	(void)state;
	vq_model_init(&m, vq, false);
	for (i = 0; i < 4; i++)
		heads[i] = add_chain(vq, (uint16_t)(i + 1), &cookie[i]);
	assert_int_equal(vq->nb_free, 16 - 10);
	vq_avail_publish(vq);
	n = vq_model_process(&m, chains, 16, 0);
	assert_int_equal(n, 4);
	for (i = 0; i < 4; i++) {
		assert_int_equal(chains[i].head, heads[i]);
		assert_int_equal(chains[i].nb_desc, i + 1);
		assert_true(chains[i].writable > 0);
	}
	assert_int_equal(m.bad_chains, 0);
	/* Give them back in reverse order, as a device may. */
	for (i = 4; i-- > 0;) {
		assert_ptr_equal(vq->extra[heads[i]].cookie, &cookie[i]);
		vq_chain_put(vq, heads[i]);
	}
	vq->used_cons += 4;
	assert_int_equal(vq->nb_free, 16);
	check_free_list(vq);
	/* All 16 can be taken again as one chain. */
	add_chain(vq, 16, NULL);
	assert_int_equal(vq->nb_free, 0);
	vq_avail_publish(vq);
	assert_int_equal(vq_model_process(&m, chains, 1, 0), 1);
	assert_int_equal(chains[0].nb_desc, 16);
	assert_int_equal(take_used(vq), 1);
	check_free_list(vq);
	virtqueue_free(vq);
}

/*
 * Chains that come back in order are handed out again in table order, so
 * a device reads descriptor i for avail slot i (a FIFO free list).
 */
static void
test_table_order(void **state)
{
	struct virtqueue *vq = make_vq(8, false);
	struct vq_model_chain chains[8];
	struct vq_model m;
	uint16_t round, i;

	(void)state;
	vq_model_init(&m, vq, false);
	for (round = 0; round < 6; round++) {
		for (i = 0; i < 5; i++)
			assert_int_equal(add_chain(vq, 1, NULL),
				(uint16_t)((round * 5 + i) % 8));
		vq_avail_publish(vq);
		assert_int_equal(vq_model_process(&m, chains, 8, 0), 5);
		assert_int_equal(take_used(vq), 5);
		check_free_list(vq);
	}
	assert_int_equal(m.bad_chains, 0);
	virtqueue_free(vq);
}

/*
 * An avail slot that already holds the head being added is only read (its
 * line stays shared with the device): the page of the avail ring is
 * read-only while the same head goes into its slot again (a write would
 * end the test with SIGSEGV); a different head is still written.
 */
static void
test_avail_slot_kept(void **state)
{
	struct virtqueue *vq = make_vq(256, false);
	long pg = sysconf(_SC_PAGESIZE);
	void *page = RTE_PTR_ALIGN_FLOOR(&vq->avail->ring[0], pg);
	uint16_t head = add_chain(vq, 1, NULL);

	(void)state;
	vq->avail_idx--; /* the same slot again */
	assert_int_equal(mprotect(page, (size_t)pg, PROT_READ), 0);
	vq_avail_add(vq, head);
	assert_int_equal(mprotect(page, (size_t)pg, PROT_READ | PROT_WRITE), 0);
	assert_int_equal(vq->avail->ring[0], head);
	vq->avail_idx--;
	vq_avail_add(vq, (uint16_t)(head + 1));
	assert_int_equal(vq->avail->ring[0], head + 1);
	virtqueue_free(vq);
}

/* Without EVENT_IDX: notify unless used.flags has NO_NOTIFY. */
static void
test_kick_flags(void **state)
{
	struct virtqueue *vq = make_vq(8, false);

	(void)state;
	add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	assert_true(vq_kick_prepare(vq));
	vq->used->flags = VRING_USED_F_NO_NOTIFY;
	add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	assert_false(vq_kick_prepare(vq));
	vq->used->flags = 0;
	add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	assert_true(vq_kick_prepare(vq));
	virtqueue_free(vq);
}

/* With EVENT_IDX: notify only when avail.idx crosses avail_event. */
static void
test_kick_event_idx(void **state)
{
	struct virtqueue *vq = make_vq(16, true);
	struct vq_model_chain chains[16];
	struct vq_model m;
	int i;

	(void)state;
	vq_model_init(&m, vq, true);
	/* Device waits for entry 0 (avail_event 0): the first batch kicks. */
	for (i = 0; i < 3; i++)
		add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	assert_true(vq_kick_prepare(vq));
	/* The device has not caught up (avail_event still 0): no kick. */
	add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	assert_false(vq_kick_prepare(vq));
	/* It takes all 4 and asks for entry 4: the next batch kicks. */
	assert_int_equal(vq_model_process(&m, chains, 16, 0), 4);
	assert_int_equal(*vq->avail_event, 4);
	take_used(vq);
	add_chain(vq, 1, NULL);
	add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	assert_true(vq_kick_prepare(vq));
	/* An avail_event beyond this batch: no kick. */
	*vq->avail_event = 100;
	add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	assert_false(vq_kick_prepare(vq));
	virtqueue_free(vq);
}

/* Device-to-driver: a polling queue is never interrupted; enabled, it is. */
static void
check_intr(bool event_idx)
{
	struct virtqueue *vq = make_vq(8, event_idx);
	struct vq_model_chain chains[8];
	struct vq_model m;
	int round, i;

	vq_model_init(&m, vq, event_idx);
	for (round = 0; round < 100; round++) {
		for (i = 0; i < 8; i++)
			add_chain(vq, 1, NULL);
		vq_avail_publish(vq);
		vq_model_process(&m, chains, 8, 0);
		take_used(vq);
		vq_intr_quiet(vq);
	}
	assert_int_equal(m.notifications, 0);
	virtqueue_intr_enable(vq, true);
	add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	vq_model_process(&m, chains, 8, 0);
	assert_int_equal(m.notifications, 1);
	take_used(vq);
	virtqueue_intr_enable(vq, false);
	add_chain(vq, 1, NULL);
	vq_avail_publish(vq);
	vq_model_process(&m, chains, 8, 0);
	assert_int_equal(m.notifications, 1);
	virtqueue_free(vq);
}

static void
test_intr_flags(void **state)
{
	(void)state;
	check_intr(false);
}

static void
test_intr_event_idx(void **state)
{
	(void)state;
	check_intr(true);
}

static unsigned int drained;

static void
count_cookie(void *cookie)
{
	(void)cookie;
	drained++;
}

/* Drain gives every outstanding cookie back, used or not. */
static void
test_drain(void **state)
{
	struct virtqueue *vq = make_vq(8, false);
	struct vq_model_chain chains[8];
	struct vq_model m;
	int c[5], i;

	(void)state;
	vq_model_init(&m, vq, false);
	for (i = 0; i < 5; i++)
		add_chain(vq, 1, &c[i]);
	vq_avail_publish(vq);
	vq_model_process(&m, chains, 2, 0); /* 2 used, 3 still avail */
	drained = 0;
	virtqueue_drain(vq, count_cookie);
	assert_int_equal(drained, 5);
	assert_int_equal(vq->nb_free, 8);
	check_free_list(vq);
	virtqueue_free(vq);
}

static void
test_bad_size(void **state)
{
	(void)state;
	rte_errno = 0;
	assert_null(virtqueue_create("tvq_bad", 0, 100, SOCKET_ID_ANY, true));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(virtqueue_create("tvq_bad0", 0, 0, SOCKET_ID_ANY, true));
	assert_int_equal(rte_errno, EINVAL);
	/* The legacy layout: 256 entries take 12288 bytes (2.7.2). */
	assert_int_equal(virtqueue_ring_size(256), 12288);
}

static int
setup(void **state)
{
	char *argv[] = { "test_virtqueue", "-l", "0", "--no-huge", "-m", "64",
		"--no-pci", "--log-level=lib.eal:error", NULL };

	(void)state;
	return rte_eal_init(TEST_ARGC(argv), argv) < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	rte_eal_cleanup();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_around),
		cmocka_unit_test(test_chains),
		cmocka_unit_test(test_table_order),
		cmocka_unit_test(test_avail_slot_kept),
		cmocka_unit_test(test_kick_flags),
		cmocka_unit_test(test_kick_event_idx),
		cmocka_unit_test(test_intr_flags),
		cmocka_unit_test(test_intr_event_idx),
		cmocka_unit_test(test_drain),
		cmocka_unit_test(test_bad_size),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
