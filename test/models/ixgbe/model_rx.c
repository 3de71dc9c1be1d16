/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive path (datasheet 7.1): a frame from the wire goes through the L2
 * filters (FCTRL, RAL/RAH, MTA), RSS picks the queue, the frame is written
 * into the buffers of as many descriptors as SRRCTL.BSIZEPKT requires, and
 * each descriptor is written back in the advanced format (7.1.6):
 *
 *   bytes 0-3   RSS type (3:0) | packet type (16:4)
 *   bytes 4-7   RSS hash, when RXCSUM.PCSD is set (82598 datasheet 3.5.2.10:
 *               otherwise the field holds checksum data; the model writes 0)
 *   bytes 8-11  status/error: DD (bit 0), EOP (bit 1, last descriptor only),
 *               PIF (bit 7: only the multicast table matched; 82598 datasheet 3.5.2)
 *   bytes 12-13 length of the data in this descriptor's buffer
 *   bytes 14-15 VLAN tag (0)
 *
 * The descriptors the device owns run from RDH up to RDT - 1: RDT == RDH
 * means none. A frame that does not fit in the free descriptors is dropped
 * and counted in MPC(0) ("missed").
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

struct rx_ring {
	volatile uint8_t *base;
	uint32_t size; /* descriptors */
	uint32_t head;
	uint32_t tail;
	uint32_t buffer_size;
};

/* Ethernet FCS (IEEE 802.3 CRC-32), appended when RXCRCSTRP is clear. */
static uint32_t
rx_crc32(const uint8_t *data, size_t len)
{
	uint32_t crc = 0xffffffffu;
	size_t i;
	int bit;

	for (i = 0; i < len; i++) {
		crc ^= data[i];
		for (bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

/* MTA: 12 bits of the destination address (MCSTCTRL.MO = 0: bits 47:36). */
static int
rx_multicast_match(struct model_port *port, const uint8_t *dst)
{
	uint32_t hash;

	if ((mreg_read(port, MREG_MCSTCTRL) & MREG_MCSTCTRL_MFE) == 0)
		return 0;
	hash = ((uint32_t)dst[4] >> 4 | (uint32_t)dst[5] << 4) & 0xfff;
	return (mreg_read(port, MREG_MTA(hash >> 5)) >> (hash & 0x1f)) & 1;
}

/*
 * Exact filters: the 128 receive address pairs RAL/RAH(n) at 0x0A200 + 8n.
 * The first 16 also answer at 0x05400 + 8n; model_rx_address_written_locked()
 * keeps that second address a copy, so the filter reads only the first and
 * always matches what the registers hold when the frame arrives. An entry
 * counts only with RAH.AV (bit 31) set; it may hold a unicast, multicast or
 * broadcast address.
 */
static int
rx_exact_match(struct model_port *port, const uint8_t *dst)
{
	uint32_t ral = dst[0] | dst[1] << 8 | dst[2] << 16 |
		(uint32_t)dst[3] << 24;
	uint32_t rah = dst[4] | dst[5] << 8;
	unsigned int i;

	for (i = 0; i < MREG_RAR_ENTRIES; i++) {
		uint32_t high = mreg_read(port, MREG_RAH(i));

		if ((high & MREG_RAH_AV) != 0 && (high & 0xffff) == rah &&
			mreg_read(port, MREG_RAL(i)) == ral)
			return 1;
	}
	return 0;
}

int
model_rx_address_written_locked(struct model_port *port, uint32_t offset)
{
	uint32_t from, to;
	unsigned int entry;

	if (offset >= MREG_RAL_LOW(0) &&
		offset < MREG_RAL_LOW(MREG_RAR_LOW_ENTRIES)) {
		entry = (offset - MREG_RAL_LOW(0)) / 8;
		from = MREG_RAL_LOW(entry);
		to = MREG_RAL(entry);
	} else if (offset >= MREG_RAL(0) &&
		offset < MREG_RAL(MREG_RAR_LOW_ENTRIES)) {
		entry = (offset - MREG_RAL(0)) / 8;
		from = MREG_RAL(entry);
		to = MREG_RAL_LOW(entry);
	} else {
		return 0;
	}
	/* The whole pair: a 64-bit store writes both halves at once. */
	mreg_write(port, to, mreg_read(port, from));
	mreg_write(port, to + 4, mreg_read(port, from + 4));
	return 1;
}

/*
 * 7.1.1.1 L2 filtering: unicast passes with FCTRL.UPE or an exact filter;
 * multicast with FCTRL.MPE, an exact filter or the multicast table;
 * broadcast with FCTRL.BAM or FCTRL.MPE. Returns 0 (dropped), RX_PASS, or
 * RX_PASS_INEXACT when only the multicast table took it (the write-back's
 * PIF bit).
 */
#define RX_PASS		1
#define RX_PASS_INEXACT 2

static int
rx_filter(struct model_port *port, const uint8_t *frame)
{
	static const uint8_t broadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff };
	uint32_t fctrl = mreg_read(port, MREG_FCTRL);

	if (rx_exact_match(port, frame))
		return RX_PASS;
	if (memcmp(frame, broadcast, 6) == 0)
		return (fctrl & (MREG_FCTRL_BAM | MREG_FCTRL_MPE)) != 0 ?
			RX_PASS :
			0;
	if (frame[0] & 1) {
		if (fctrl & MREG_FCTRL_MPE)
			return RX_PASS;
		return rx_multicast_match(port, frame) ? RX_PASS_INEXACT : 0;
	}
	return (fctrl & MREG_FCTRL_UPE) != 0 ? RX_PASS : 0;
}

static int
rx_ring_load(struct model_port *port, unsigned int queue, struct rx_ring *ring)
{
	uint64_t base = mreg_read(port, MREG_RDBAL(queue)) |
		(uint64_t)mreg_read(port, MREG_RDBAH(queue)) << 32;
	uint32_t length = mreg_read(port, MREG_RDLEN(queue));

	/* RDLEN: a multiple of 128 bytes (8 descriptors) [unverified]. */
	ring->size = length % 128 == 0 ? length / MDESC_SIZE : 0;
	ring->head = mreg_read(port, MREG_RDH(queue));
	ring->tail = mreg_read(port, MREG_RDT(queue));
	ring->buffer_size = (mreg_read(port,
				     MREG_SRRCTL(queue < 16 ? queue : 0)) &
				    MREG_SRRCTL_BSIZEPKT_MASK) *
		1024;
	if (queue >= 16)
		ring->buffer_size = (mreg_read(port, MREG_SRRCTL_ALIAS(queue)) &
					    MREG_SRRCTL_BSIZEPKT_MASK) *
			1024;
	ring->base = (volatile uint8_t *)(uintptr_t)base;
	return base != 0 && ring->size != 0 && ring->head < ring->size &&
		ring->tail < ring->size && ring->buffer_size != 0;
}

static uint32_t
rx_ring_free(const struct rx_ring *ring)
{
	return (ring->tail + ring->size - ring->head) % ring->size;
}

static void
rx_write_back(volatile uint8_t *desc, const struct model_rss_result *rss,
	uint32_t length, uint32_t status)
{
	uint32_t length_vlan = length & 0xffff;

	__atomic_store_n((volatile uint32_t *)desc,
		rss->rss_type | rss->packet_type << 4, __ATOMIC_RELAXED);
	__atomic_store_n((volatile uint32_t *)(desc + 4), rss->hash,
		__ATOMIC_RELAXED);
	__atomic_store_n((volatile uint32_t *)(desc + 12), length_vlan,
		__ATOMIC_RELAXED);
	/* DD last: the driver may use every other field once it sees DD. */
	__atomic_store_n((volatile uint32_t *)(desc + 8), status,
		__ATOMIC_RELEASE);
}

/* DMA the frame into ring descriptors starting at head; returns the new head. */
static uint32_t
rx_dma(struct rx_ring *ring, const uint8_t *data, size_t len,
	const struct model_rss_result *rss, uint32_t status)
{
	uint32_t head = ring->head;
	size_t done = 0;

	while (done < len) {
		volatile uint8_t *desc = ring->base + (size_t)head * MDESC_SIZE;
		uint64_t buffer = __atomic_load_n((volatile uint64_t *)desc,
			__ATOMIC_ACQUIRE);
		size_t chunk = len - done < ring->buffer_size ?
			len - done :
			ring->buffer_size;

		memcpy((void *)(uintptr_t)buffer, data + done, chunk);
		done += chunk;
		rx_write_back(desc, rss, (uint32_t)chunk,
			MDESC_RX_STAT_DD | status |
				(done == len ? MDESC_RX_STAT_EOP : 0));
		head = (head + 1) % ring->size;
	}
	return head;
}

static void
rx_count(struct model_port *port, const uint8_t *frame, size_t wire_len,
	unsigned int queue, size_t host_len)
{
	model_stat_add(port, MREG_GPRC, 1);
	model_stat_add64(port, MREG_GORCL, MREG_GORCH, wire_len, 4);
	model_stat_size_bucket(port, MREG_PRC64, wire_len);
	if (frame[0] & 1)
		model_stat_add(port,
			memcmp(frame, "\xff\xff\xff\xff\xff\xff", 6) == 0 ?
				MREG_BPRC :
				MREG_MPRC,
			1);
	model_stat_add(port, MREG_QPRC(queue), 1);
	model_stat_add64(port, MREG_QBRC_L(queue), MREG_QBRC_H(queue), host_len,
		32);
}

static int
rx_deliver(struct model_port *port, const uint8_t *frame, size_t len,
	int wait_for_room, uint32_t status)
{
	uint8_t with_fcs[MODEL_MAX_FRAME + 4];
	const uint8_t *data = frame;
	struct model_rss_result rss;
	struct rx_ring ring;
	size_t host_len = len;
	uint32_t needed;

	model_rss_classify(port, frame, len, &rss);
	if ((mreg_read(port, MREG_RXCSUM) & MREG_RXCSUM_PCSD) == 0)
		rss.hash = 0;
	if (rss.queue >= model_state.config.nb_queues ||
		(mreg_read(port, MREG_RXDCTL(rss.queue)) & MREG_XDCTL_ENABLE) ==
			0 ||
		!rx_ring_load(port, rss.queue, &ring)) {
		if (wait_for_room)
			return -EAGAIN;
		model_stat_add(port, MREG_MPC(0), 1);
		return 0;
	}
	if ((mreg_read(port, MREG_HLREG0) & MREG_HLREG0_RXCRCSTRP) == 0) {
		uint32_t fcs = rx_crc32(frame, len);

		memcpy(with_fcs, frame, len);
		memcpy(with_fcs + len, &fcs, 4); /* FCS goes out LSB first */
		data = with_fcs;
		host_len += 4;
	}
	needed = (uint32_t)((host_len + ring.buffer_size - 1) /
		ring.buffer_size);
	if (rx_ring_free(&ring) < needed) {
		if (wait_for_room)
			return -EAGAIN;
		model_stat_add(port, MREG_MPC(0), 1);
		return 0;
	}
	ring.head = rx_dma(&ring, data, host_len, &rss, status);
	mreg_write(port, MREG_RDH(rss.queue), ring.head);
	rx_count(port, frame, len + 4, rss.queue, host_len);
	model_intr_queue(port, rss.queue, 0);
	return 0;
}

int
model_rx_frame(struct model_port *port, const uint8_t *frame, size_t len,
	int wait_for_room)
{
	size_t wire_len = len + 4; /* with the FCS */
	uint32_t max_len;
	int pass;
	int ret = 0;

	pthread_mutex_lock(&port->rx_lock);
	if ((mreg_read(port, MREG_RXCTRL) & MREG_RXCTRL_RXEN) == 0) {
		ret = wait_for_room ? -EAGAIN : 0;
		goto out;
	}
	max_len = (mreg_read(port, MREG_HLREG0) & MREG_HLREG0_JUMBOEN) != 0 ?
		mreg_read(port, MREG_MAXFRS) >> 16 :
		1518;
	if (wire_len > max_len) {
		model_stat_add(port, MREG_ROC, 1);
	} else if (len >= 14 && (pass = rx_filter(port, frame)) != 0) {
		ret = rx_deliver(port, frame, len, wait_for_room,
			pass == RX_PASS_INEXACT ? MDESC_RX_STAT_PIF : 0);
		if (ret == -EAGAIN)
			goto out;
	}
	/* TPR/TOR count every frame that arrived, filtered or not. */
	model_stat_add(port, MREG_TPR, 1);
	model_stat_add64(port, MREG_TORL, MREG_TORH, wire_len, 4);
out:
	pthread_mutex_unlock(&port->rx_lock);
	return ret;
}
