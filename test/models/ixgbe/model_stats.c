/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Statistics registers. The datasheet's statistics registers reset when
 * read and stick at their maximum (82598 datasheet 4.4.3.9: "All statistics
 * registers reset when read. In addition, they stick at 0xFFFF_FFFF when
 * the maximum value is reached."). The counters are plain memory in BAR0;
 * the clear on read is done by model_trap.c, which calls
 * model_stat_clears_on_read() to know which registers clear.
 */

#include "model.h"

int
model_stat_clears_on_read(uint32_t offset, int qstats_rc)
{
	if (offset >= MREG_STATS_FIRST && offset <= MREG_STATS_LAST)
		return 1;
	if (offset >= MREG_MPC(0) && offset <= MREG_MPC(7))
		return 1;
	if (!qstats_rc)
		return 0;
	if (offset >= MREG_RDBAL(0) && offset < MREG_RDBAL(MODEL_MAX_QUEUES)) {
		uint32_t in_block = (offset - MREG_RDBAL(0)) % 0x40;

		return in_block == 0x30 || in_block == 0x34 || in_block == 0x38;
	}
	if (offset >= MREG_TDBAL(0) && offset < MREG_TDBAL(MODEL_MAX_QUEUES)) {
		uint32_t in_block = (offset - MREG_TDBAL(0)) % 0x40;

		return in_block == 0x30 || in_block == 0x34;
	}
	return 0;
}

void
model_stat_add(struct model_port *port, uint32_t offset, uint32_t count)
{
	uint32_t value;

	model_lock(port);
	value = mreg_read(port, offset);
	value = value + count < value ? UINT32_MAX : value + count;
	mreg_write(port, offset, value);
	model_unlock(port);
}

/* A counter split over two registers; the high one has high_bits bits. */
void
model_stat_add64(struct model_port *port, uint32_t low, uint32_t high,
	uint64_t count, unsigned int high_bits)
{
	uint64_t max = high_bits >= 32 ? UINT64_MAX :
					 (1ull << (32 + high_bits)) - 1;
	uint64_t value;

	model_lock(port);
	value = mreg_read(port, low) | (uint64_t)mreg_read(port, high) << 32;
	value = value + count > max || value + count < value ? max :
							       value + count;
	mreg_write(port, low, (uint32_t)value);
	mreg_write(port, high, (uint32_t)(value >> 32));
	model_unlock(port);
}

/* PRC64..PRC1522 / PTC64..PTC1522: six consecutive registers by size
 * (64, 65-127, 128-255, 256-511, 512-1023, 1024-max bytes with the FCS). */
void
model_stat_size_bucket(struct model_port *port, uint32_t first, size_t wire_len)
{
	static const size_t upper[] = { 64, 127, 255, 511, 1023 };
	unsigned int i;

	if (wire_len < 64)
		return;
	for (i = 0; i < 5; i++)
		if (wire_len <= upper[i])
			break;
	model_stat_add(port, first + 4 * i, 1);
}
