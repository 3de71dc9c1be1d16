/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Transmit path (datasheet 7.2): descriptors from TDH up to TDT - 1 belong
 * to the device. A packet is the buffers of consecutive data descriptors up
 * to the one with EOP (advanced data descriptor, 7.2.3.2.4: DTALEN 15:0,
 * DTYP 23:20 = 0011b, DCMD EOP 24, IFCS 25, RS 27, DEXT 29; the legacy
 * format has length and command bits in the same places). Context
 * descriptors (DEXT with DTYP 0010b) carry no data. Once a packet is sent,
 * every descriptor of it with RS gets DD (bit 0 of bytes 12-15) written back,
 * then TDH moves past it; with TDWBAL bit 0 set the head is also written to
 * the TDWBAL/TDWBAH address. A packet whose EOP descriptor is not yet
 * behind TDT waits.
 */

#include <string.h>

#include "model.h"

#define TX_BUDGET 64 /* packets per queue per poll */

struct tx_ring {
	volatile uint8_t *base;
	uint32_t size;
	uint32_t head;
	uint32_t tail;
};

static int
tx_ring_load(struct model_port *port, unsigned int queue, struct tx_ring *ring)
{
	uint64_t base = mreg_read(port, MREG_TDBAL(queue)) |
		(uint64_t)mreg_read(port, MREG_TDBAH(queue)) << 32;

	ring->base = (volatile uint8_t *)(uintptr_t)base;
	/* TDLEN: a multiple of 128 bytes (8 descriptors) [unverified]. */
	ring->size = mreg_read(port, MREG_TDLEN(queue)) % 128 == 0 ?
		mreg_read(port, MREG_TDLEN(queue)) / MDESC_SIZE :
		0;
	ring->head = mreg_read(port, MREG_TDH(queue));
	ring->tail = mreg_read(port, MREG_TDT(queue));
	return base != 0 && ring->size != 0 && ring->head < ring->size &&
		ring->tail < ring->size;
}

static uint32_t
tx_cmd(const struct tx_ring *ring, uint32_t index)
{
	return __atomic_load_n((volatile uint32_t *)(ring->base +
				       (size_t)index * MDESC_SIZE + 8),
		__ATOMIC_ACQUIRE);
}

/* Gather one packet from head; returns the index after its EOP, or head. */
static uint32_t
tx_gather(struct model_port *port, const struct tx_ring *ring, size_t *len,
	int *too_long)
{
	uint32_t index = ring->head;

	*len = 0;
	*too_long = 0;
	while (index != ring->tail) {
		volatile uint8_t *desc = ring->base +
			(size_t)index * MDESC_SIZE;
		uint32_t cmd = tx_cmd(ring, index);
		size_t data_len = cmd & MDESC_TX_DTALEN_MASK;

		index = (index + 1) % ring->size;
		if ((cmd & MDESC_TX_CMD_DEXT) &&
			((cmd >> MDESC_TX_DTYP_SHIFT) & 0xf) ==
				MDESC_TX_DTYP_CTXT)
			continue;
		if (*len + data_len <= MODEL_MAX_FRAME)
			memcpy(port->tx_frame + *len,
				(const void *)(uintptr_t)
					__atomic_load_n((volatile uint64_t *)desc,
						__ATOMIC_RELAXED),
				data_len);
		else
			*too_long = 1;
		*len += data_len;
		if (cmd & MDESC_TX_CMD_EOP)
			return index;
	}
	return ring->head;
}

/* DD into every descriptor of the packet that asked for it with RS. */
static int
tx_write_back(const struct tx_ring *ring, uint32_t end)
{
	uint32_t index;
	int reported = 0;

	for (index = ring->head; index != end;
		index = (index + 1) % ring->size) {
		volatile uint32_t *status = (volatile uint32_t *)(ring->base +
			(size_t)index * MDESC_SIZE + 12);

		if ((tx_cmd(ring, index) & MDESC_TX_CMD_RS) == 0)
			continue;
		__atomic_store_n(status, *status | MDESC_TX_STA_DD,
			__ATOMIC_RELEASE);
		reported = 1;
	}
	return reported;
}

static void
tx_send(struct model_port *port, unsigned int queue, size_t len)
{
	const uint8_t *frame = port->tx_frame;
	size_t wire_len;

	if ((mreg_read(port, MREG_HLREG0) & MREG_HLREG0_TXPADEN) != 0 &&
		len < 60) {
		memset(port->tx_frame + len, 0, 60 - len);
		len = 60;
	}
	if (len < 14 || !model_link_is_up(port))
		return;
	wire_len = len + 4;
	model_stat_add(port, MREG_GPTC, 1);
	model_stat_add(port, MREG_TPT, 1);
	model_stat_add64(port, MREG_GOTCL, MREG_GOTCH, wire_len, 4);
	model_stat_size_bucket(port, MREG_PTC64, wire_len);
	if (frame[0] & 1)
		model_stat_add(port,
			memcmp(frame, "\xff\xff\xff\xff\xff\xff", 6) == 0 ?
				MREG_BPTC :
				MREG_MPTC,
			1);
	model_stat_add(port, MREG_QPTC(queue), 1);
	model_stat_add(port, MREG_QBTC(queue), (uint32_t)len);
	model_wire_send(port, frame, len);
}

static unsigned int
tx_queue(struct model_port *port, unsigned int queue)
{
	struct tx_ring ring;
	unsigned int sent = 0;
	int reported = 0;
	uint32_t writeback;

	if (!tx_ring_load(port, queue, &ring))
		return 0;
	while (ring.head != ring.tail && sent < TX_BUDGET) {
		size_t len;
		int too_long;
		uint32_t end = tx_gather(port, &ring, &len, &too_long);

		if (end == ring.head)
			break;
		if (!too_long)
			tx_send(port, queue, len);
		reported |= tx_write_back(&ring, end);
		ring.head = end;
		sent++;
	}
	if (sent == 0)
		return 0;
	mreg_write(port, MREG_TDH(queue), ring.head);
	writeback = mreg_read(port, MREG_TDWBAL(queue));
	if (writeback & 1) {
		uint64_t address = (writeback & ~3u) |
			(uint64_t)mreg_read(port, MREG_TDWBAH(queue)) << 32;

		__atomic_store_n((volatile uint32_t *)(uintptr_t)address,
			ring.head, __ATOMIC_RELEASE);
	}
	if (reported)
		model_intr_queue(port, queue, 1);
	return sent;
}

unsigned int
model_tx_poll(struct model_port *port)
{
	unsigned int queue;
	unsigned int sent = 0;

	if ((mreg_read(port, MREG_DMATXCTL) & MREG_DMATXCTL_TE) == 0)
		return 0;
	for (queue = 0; queue < model_state.config.nb_queues; queue++) {
		if (mreg_read(port, MREG_TXDCTL(queue)) & MREG_XDCTL_ENABLE)
			sent += tx_queue(port, queue);
	}
	return sent;
}
