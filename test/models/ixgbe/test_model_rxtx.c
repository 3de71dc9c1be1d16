/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 82599 model's data path: a frame sent on port 0 arrives in port 1's
 * ring, multi-descriptor frames, missed packets, L2 filters, FCS.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ixgbe_model.h"
#include "model_regs.h"
#include "model_test_driver.h"

static struct mdrv_port ports[2];
static const uint8_t port1_mac[6] = { 0x02, 0x82, 0x59, 0x9e, 0x00, 0x01 };

static int
group_setup(void **state)
{
	(void)state;
	if (ixgbe_model_start("ports=2,wire=loop,link_delay_ms=1,queues=4") != 0)
		return -1;
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	ixgbe_model_stop();
	return 0;
}

/* Both ports: reset, link, 1 rx queue of rx_size with buf_kb buffers, 1 tx queue. */
static int
bring_up(unsigned int rx_size, unsigned int buf_kb)
{
	unsigned int i;

	ixgbe_model_install_traps();
	for (i = 0; i < 2; i++) {
		if (mdrv_open(&ports[i], i) != 0 ||
			mdrv_reset(&ports[i]) != 0 ||
			mdrv_link_up(&ports[i], 1000) != 0 ||
			mdrv_rx_init(&ports[i], 1, rx_size, buf_kb) != 0 ||
			mdrv_tx_init(&ports[i], 1, 64) != 0)
			return -1;
	}
	return 0;
}

static int
setup(void **state)
{
	(void)state;
	return bring_up(64, 2);
}

static int
setup_small_ring(void **state)
{
	(void)state;
	return bring_up(8, 2);
}

static int
setup_small_buffers(void **state)
{
	(void)state;
	return bring_up(16, 1);
}

static int
teardown(void **state)
{
	(void)state;
	ixgbe_model_install_traps();
	mdrv_close(&ports[0]);
	mdrv_close(&ports[1]);
	return 0;
}

static void
test_tx_port0_rx_port1(void **state)
{
	static const uint8_t src[4] = { 10, 0, 0, 1 }, dst[4] = { 10, 0, 0, 2 };
	uint8_t frame[128];
	uint8_t writeback[16];
	size_t len;
	uint32_t status;

	MDRV_TEST_BEGIN(state);
	len = mdrv_build_ipv4(frame, port1_mac, src, dst, 1000, 2000, 17, 18);
	assert_int_equal(len, 60);
	assert_int_equal(mdrv_tx(&ports[0], 0, frame, len), 0);
	assert_int_equal(mdrv_tx_wait_done(&ports[0], 0, 1000), 0);
	assert_int_equal(mdrv_read(&ports[0], MREG_TDH(0)), 1);
	assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
	memcpy(&status, writeback + 8, 4);
	assert_int_equal(status & (MDESC_RX_STAT_DD | MDESC_RX_STAT_EOP),
		MDESC_RX_STAT_DD | MDESC_RX_STAT_EOP);
	assert_int_equal(writeback[12] | writeback[13] << 8, 60);
	assert_memory_equal(mdrv_rx_buffer(&ports[1], 0, 0), frame, 60);
	assert_int_equal(mdrv_read(&ports[1], MREG_RDH(0)), 1);
	assert_int_equal(ixgbe_model_wire_tx(0), ixgbe_model_wire_rx(1));
}

static void
test_short_frame_padded(void **state)
{
	uint8_t frame[42] = { 0 };
	uint8_t writeback[16];

	MDRV_TEST_BEGIN(state);
	memcpy(frame, port1_mac, 6);
	frame[12] = 0x08;
	frame[13] = 0x06;
	assert_int_equal(mdrv_tx(&ports[0], 0, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
	/* HLREG0.TXPADEN: padded to 60 bytes (64 with the FCS). */
	assert_int_equal(writeback[12] | writeback[13] << 8, 60);
}

static void
test_multi_descriptor_frame(void **state)
{
	uint8_t frame[3000];
	uint8_t writeback[16];
	unsigned int i;
	uint32_t status;

	MDRV_TEST_BEGIN(state);
	mdrv_write(&ports[1], MREG_HLREG0,
		mdrv_read(&ports[1], MREG_HLREG0) | MREG_HLREG0_JUMBOEN);
	mdrv_write(&ports[1], MREG_MAXFRS, 9018u << 16);
	for (i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(i * 7);
	memcpy(frame, port1_mac, 6);
	assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	/* 1 KiB buffers: 1024 + 1024 + 952, EOP only on the last. */
	for (i = 0; i < 3; i++) {
		assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
		memcpy(&status, writeback + 8, 4);
		assert_true(status & MDESC_RX_STAT_DD);
		assert_int_equal(!!(status & MDESC_RX_STAT_EOP), i == 2);
		assert_int_equal(writeback[12] | writeback[13] << 8,
			i < 2 ? 1024 : 952);
		assert_memory_equal(mdrv_rx_buffer(&ports[1], 0, i),
			frame + i * 1024, i < 2 ? 1024 : 952);
	}
}

static void
test_oversize_without_jumbo(void **state)
{
	uint8_t frame[1600] = { 0 };

	MDRV_TEST_BEGIN(state);
	memcpy(frame, port1_mac, 6);
	(void)mdrv_read(&ports[1], MREG_ROC);
	assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_ROC), 1);
	assert_int_equal(mdrv_read(&ports[1], MREG_RDH(0)), 0);
}

static void
test_missed_when_ring_full(void **state)
{
	uint8_t frame[60] = { 0 };
	unsigned int i;

	MDRV_TEST_BEGIN(state);
	memcpy(frame, port1_mac, 6);
	(void)mdrv_read(&ports[1], MREG_MPC(0));
	/* 8 descriptors, RDT = 7: the device owns 7. */
	for (i = 0; i < 10; i++)
		assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_RDH(0)), 7);
	assert_int_equal(mdrv_read(&ports[1], MREG_RDT(0)), 7);
	assert_int_equal(mdrv_read(&ports[1], MREG_MPC(0)), 3);
	assert_int_equal(mdrv_read(&ports[1], MREG_GPRC), 7);
}

static void
inject_expect(const uint8_t dst[6], int received)
{
	uint8_t frame[60] = { 0 };
	uint32_t before = mdrv_read(&ports[1], MREG_RDH(0));

	memcpy(frame, dst, 6);
	assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_RDH(0)),
		(before + (received ? 1 : 0)) % 64);
}

static void
test_filters(void **state)
{
	static const uint8_t other[6] = { 0x02, 0, 0, 0, 0, 0x42 };
	static const uint8_t broadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff };
	static const uint8_t multicast[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00,
		0x01 };
	/* MTA hash (MO = 0): destination bits 47:36 = 0x010 */
	uint32_t hash = (multicast[4] >> 4 | multicast[5] << 4) & 0xfff;
	uint32_t desc_status;

	MDRV_TEST_BEGIN(state);
	inject_expect(port1_mac, 1);
	inject_expect(other, 0);
	inject_expect(broadcast, 1); /* BAM set by mdrv_rx_init */
	inject_expect(multicast, 0);
	mdrv_write(&ports[1], MREG_MCSTCTRL, MREG_MCSTCTRL_MFE);
	mdrv_write(&ports[1], MREG_MTA(hash >> 5), 1u << (hash & 0x1f));
	inject_expect(multicast, 1);
	/* Only the inexact filter took it: PIF in the write-back; not for exact ones. */
	desc_status = *(volatile uint32_t *)(ports[1].rxq[0].ring +
		(size_t)((mdrv_read(&ports[1], MREG_RDH(0)) + 63) % 64) * 16 +
		8);
	assert_int_equal(desc_status & (MDESC_RX_STAT_PIF | MDESC_RX_STAT_DD),
		MDESC_RX_STAT_PIF | MDESC_RX_STAT_DD);
	desc_status = *(volatile uint32_t *)(ports[1].rxq[0].ring + 8);
	assert_int_equal(desc_status & MDESC_RX_STAT_PIF, 0);
	mdrv_write(&ports[1], MREG_FCTRL,
		mdrv_read(&ports[1], MREG_FCTRL) & ~MREG_FCTRL_BAM);
	inject_expect(broadcast, 0);
	/* 7.1.1.1: broadcast also passes with multicast promiscuous. */
	mdrv_write(&ports[1], MREG_FCTRL,
		mdrv_read(&ports[1], MREG_FCTRL) | MREG_FCTRL_MPE);
	inject_expect(broadcast, 1);
	mdrv_write(&ports[1], MREG_FCTRL,
		mdrv_read(&ports[1], MREG_FCTRL) & ~MREG_FCTRL_MPE);
	inject_expect(broadcast, 0);
	mdrv_write(&ports[1], MREG_FCTRL,
		mdrv_read(&ports[1], MREG_FCTRL) | MREG_FCTRL_UPE);
	inject_expect(other, 1);
	/* A second exact address in RAL/RAH(3). */
	mdrv_write(&ports[1], MREG_FCTRL, 0);
	mdrv_write(&ports[1], MREG_RAL(3), 0x00000002);
	mdrv_write(&ports[1], MREG_RAH(3), 0x4200 | MREG_RAH_AV);
	inject_expect(other, 1);
}

/* The MAC address as RAL/RAH hold it: byte 0 in the low byte of RAL. */
static void
write_address(uint32_t ral_offset, const uint8_t mac[6], uint32_t av)
{
	mdrv_write(&ports[1], ral_offset,
		mac[0] | mac[1] << 8 | mac[2] << 16 | (uint32_t)mac[3] << 24);
	mdrv_write(&ports[1], ral_offset + 4, mac[4] | mac[5] << 8 | av);
}

/* Inject; expect it taken (RDH moves, GPRC 1) or filtered (GPRC 0): either
 * way TPR counts it and MPC does not (82598 datasheet 4.4.3.9.23: GPRC
 * "only counts packets that pass filtering"; TPR counts all). */
static void
inject_counted(const uint8_t dst[6], int received)
{
	(void)mdrv_read(&ports[1], MREG_GPRC);
	(void)mdrv_read(&ports[1], MREG_TPR);
	(void)mdrv_read(&ports[1], MREG_MPC(0));
	inject_expect(dst, received);
	assert_int_equal(mdrv_read(&ports[1], MREG_GPRC), received ? 1 : 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_TPR), 1);
	assert_int_equal(mdrv_read(&ports[1], MREG_MPC(0)), 0);
}

/*
 * Software rewrites receive address pair 0 (at 0x05400, its address for
 * entries 0..15): the old address no longer matches, the new one does, and
 * the pair reads the same at 0x0A200. Then through 0x0A200; then AV cleared;
 * then FCTRL.UPE.
 */
static void
test_address_change(void **state)
{
	static const uint8_t second[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x77 };
	static const uint8_t third[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };

	MDRV_TEST_BEGIN(state);
	inject_counted(port1_mac, 1);
	write_address(MREG_RAL_LOW(0), second, MREG_RAH_AV);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAL(0)), 0x00000002);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAH(0)),
		0x7700 | MREG_RAH_AV);
	inject_counted(port1_mac, 0);
	inject_counted(second, 1);

	write_address(MREG_RAL(0), third, MREG_RAH_AV);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAL_LOW(0)), 0x33221102);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAH_LOW(0)),
		0x5544 | MREG_RAH_AV);
	inject_counted(second, 0);
	inject_counted(port1_mac, 0);
	inject_counted(third, 1);

	/* AV clear: the entry is not compared any more, whatever it holds. */
	write_address(MREG_RAL_LOW(0), third, 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAH(0)), 0x5544);
	inject_counted(third, 0);

	/* Unicast promiscuous: every unicast address. */
	mdrv_write(&ports[1], MREG_FCTRL,
		mdrv_read(&ports[1], MREG_FCTRL) | MREG_FCTRL_UPE);
	inject_counted(third, 1);
	inject_counted(port1_mac, 1);
	inject_counted(second, 1);
	mdrv_write(&ports[1], MREG_FCTRL,
		mdrv_read(&ports[1], MREG_FCTRL) & ~MREG_FCTRL_UPE);
	inject_counted(second, 0);
}

/* Entries 1..127, a 64-bit store of a pair, a multicast address in an entry. */
static void
test_address_entries(void **state)
{
	static const uint8_t high_entry[6] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd,
		0x7f };
	static const uint8_t pair64[6] = { 0x02, 0x64, 0x64, 0x64, 0x64, 0x02 };
	static const uint8_t group[6] = { 0x01, 0x00, 0x5e, 0x7f, 0x00, 0x09 };
	uint32_t desc_status;

	MDRV_TEST_BEGIN(state);
	inject_counted(high_entry, 0);
	write_address(MREG_RAL(127), high_entry, MREG_RAH_AV);
	inject_counted(high_entry, 1);
	write_address(MREG_RAL(127), high_entry, 0);
	inject_counted(high_entry, 0);

	/* Both halves in one 64-bit store (RAL in the low half). */
	*(volatile uint64_t *)(ports[1].bar +
		MREG_RAL_LOW(2)) = (uint64_t)(0x64646402u |
		(uint64_t)(0x0264u | MREG_RAH_AV) << 32);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAL(2)), 0x64646402);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAH(2)),
		0x0264 | MREG_RAH_AV);
	inject_counted(pair64, 1);

	/* A multicast address in an exact entry: no MTA, no MPE, and no PIF. */
	inject_counted(group, 0);
	write_address(MREG_RAL_LOW(5), group, MREG_RAH_AV);
	inject_counted(group, 1);
	desc_status = *(volatile uint32_t *)(ports[1].rxq[0].ring +
		(size_t)((mdrv_read(&ports[1], MREG_RDH(0)) + 63) % 64) * 16 +
		8);
	assert_int_equal(desc_status & (MDESC_RX_STAT_PIF | MDESC_RX_STAT_DD),
		MDESC_RX_STAT_DD);
}

static void
test_fcs_kept_when_not_stripped(void **state)
{
	uint8_t frame[60] = { 0 };
	uint8_t writeback[16];
	const uint8_t *data;

	MDRV_TEST_BEGIN(state);
	memcpy(frame, port1_mac, 6);
	mdrv_write(&ports[1], MREG_HLREG0,
		mdrv_read(&ports[1], MREG_HLREG0) & ~MREG_HLREG0_RXCRCSTRP);
	assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
	assert_int_equal(writeback[12] | writeback[13] << 8, 64);
	/* CRC-32 of 60 zero-padded bytes after our header: check the residue. */
	data = mdrv_rx_buffer(&ports[1], 0, 0);
	{
		uint32_t crc = 0xffffffffu;
		unsigned int i, bit;

		for (i = 0; i < 64; i++) {
			crc ^= data[i];
			for (bit = 0; bit < 8; bit++)
				crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
		}
		assert_int_equal(crc, 0xdebb20e3); /* the CRC-32 residue */
	}
}

static void
test_refill_and_wrap(void **state)
{
	uint8_t frame[60] = { 0 };
	uint8_t writeback[16];
	unsigned int i;

	MDRV_TEST_BEGIN(state);
	memcpy(frame, port1_mac, 6);
	for (i = 0; i < 40; i++) {
		frame[20] = (uint8_t)i;
		assert_int_equal(mdrv_tx(&ports[0], 0, frame, sizeof(frame)), 0);
		assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
		assert_int_equal(mdrv_rx_buffer(&ports[1], 0, i % 16)[20], i);
		mdrv_rx_refill(&ports[1], 0);
	}
	assert_int_equal(mdrv_read(&ports[1], MREG_MPC(0)), 0);
}

/* Put one tx descriptor by hand at the queue's next slot. */
static void
tx_put(unsigned int index, const void *buffer, uint32_t cmd)
{
	uint32_t *desc = (uint32_t *)(ports[0].txq[0].ring + (size_t)index * 16);

	*(uint64_t *)desc = (uint64_t)(uintptr_t)buffer;
	desc[2] = cmd;
	desc[3] = 0;
}

/* A context descriptor and a packet over three data descriptors. */
static void
test_tx_multi_descriptor(void **state)
{
	const uint32_t data = MDESC_TX_CMD_IFCS | MDESC_TX_CMD_DEXT |
		3u << MDESC_TX_DTYP_SHIFT;
	uint8_t *buffers = ports[0].txq[0].buffers;
	uint8_t writeback[16];
	unsigned int i;

	MDRV_TEST_BEGIN(state);
	memset(buffers, 0, 3 * 2048);
	memcpy(buffers, port1_mac, 6);
	for (i = 0; i < 3; i++)
		memset(buffers + i * 2048 + 14, 0x10 + i, 86);
	tx_put(0, NULL,
		MDESC_TX_CMD_DEXT | MDESC_TX_DTYP_CTXT << MDESC_TX_DTYP_SHIFT);
	tx_put(1, buffers, data | 100);
	tx_put(2, buffers + 2048 + 14, data | 86);
	/* No EOP before TDT yet: the packet waits. */
	mdrv_write(&ports[0], MREG_TDT(0), 3);
	mdrv_sleep_ms(20);
	assert_int_equal(mdrv_read(&ports[0], MREG_TDH(0)), 0);
	tx_put(3, buffers + 2 * 2048 + 14,
		data | MDESC_TX_CMD_EOP | MDESC_TX_CMD_RS | 86);
	mdrv_write(&ports[0], MREG_TDT(0), 4);
	assert_int_equal(mdrv_wait(&ports[0], MREG_TDH(0), ~0u, 4, 1000), 0);
	/* DD only where RS was asked for. */
	assert_int_equal(*(uint32_t *)(ports[0].txq[0].ring + 3 * 16 + 12) &
			MDESC_TX_STA_DD,
		MDESC_TX_STA_DD);
	assert_int_equal(*(uint32_t *)(ports[0].txq[0].ring + 1 * 16 + 12) &
			MDESC_TX_STA_DD,
		0);
	assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
	assert_int_equal(writeback[12] | writeback[13] << 8, 272);
	assert_memory_equal(mdrv_rx_buffer(&ports[1], 0, 0), buffers, 100);
	assert_memory_equal(mdrv_rx_buffer(&ports[1], 0, 0) + 100,
		buffers + 2048 + 14, 86);
	assert_memory_equal(mdrv_rx_buffer(&ports[1], 0, 0) + 186,
		buffers + 2 * 2048 + 14, 86);
}

/* RDLEN must be a multiple of 128 bytes: otherwise the ring is not usable. */
static void
test_ring_length_not_multiple_of_128(void **state)
{
	uint8_t frame[60] = { 0 };

	MDRV_TEST_BEGIN(state);
	memcpy(frame, port1_mac, 6);
	(void)mdrv_read(&ports[1], MREG_MPC(0));
	mdrv_write(&ports[1], MREG_RDLEN(0), 12 * 16);
	assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_MPC(0)), 1);
	assert_int_equal(mdrv_read(&ports[1], MREG_RDH(0)), 0);
}

static void
test_inject_bad_input(void **state)
{
	uint8_t frame[60] = { 0 };

	MDRV_TEST_BEGIN(state);
	assert_int_equal(ixgbe_model_inject(5, frame, sizeof(frame)), -EINVAL);
	assert_int_equal(ixgbe_model_inject(1, NULL, sizeof(frame)), -EINVAL);
	assert_int_equal(ixgbe_model_inject(1, frame, 10), -EINVAL);
	ixgbe_model_set_cable(1, 0);
	assert_int_equal(mdrv_wait(&ports[1], MREG_LINKS, MREG_LINKS_UP, 0,
				 1000),
		0);
	assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), -ENETDOWN);
	ixgbe_model_set_cable(1, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tx_port0_rx_port1, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_short_frame_padded, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_tx_multi_descriptor, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_multi_descriptor_frame,
			setup_small_buffers, teardown),
		cmocka_unit_test_setup_teardown(test_oversize_without_jumbo,
			setup, teardown),
		cmocka_unit_test_setup_teardown(test_missed_when_ring_full,
			setup_small_ring, teardown),
		cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_address_change, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_address_entries, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_fcs_kept_when_not_stripped,
			setup, teardown),
		cmocka_unit_test_setup_teardown(test_refill_and_wrap,
			setup_small_buffers, teardown),
		cmocka_unit_test_setup_teardown(test_ring_length_not_multiple_of_128,
			setup, teardown),
		cmocka_unit_test_setup_teardown(test_inject_bad_input, setup,
			teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
