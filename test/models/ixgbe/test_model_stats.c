/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Statistics in the 82599 model: counts after traffic, and the clear on
 * read of the datasheet's statistics registers, trapped in the test's own
 * mapping of resource0.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ixgbe_model.h"
#include "model_regs.h"
#include "model_test_driver.h"

#define NB_FRAMES 5

static struct mdrv_port ports[2];
static const uint8_t port1_mac[6] = { 0x02, 0x82, 0x59, 0x9e, 0x00, 0x01 };

static int
setup(void **state)
{
	unsigned int i;

	(void)state;
	if (ixgbe_model_start("ports=2,link_delay_ms=1,queues=2") != 0)
		return -1;
	ixgbe_model_install_traps();
	for (i = 0; i < 2; i++) {
		if (mdrv_open(&ports[i], i) != 0 ||
			mdrv_reset(&ports[i]) != 0 ||
			mdrv_link_up(&ports[i], 1000) != 0 ||
			mdrv_rx_init(&ports[i], 1, 64, 2) != 0 ||
			mdrv_tx_init(&ports[i], 1, 64) != 0)
			return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	ixgbe_model_install_traps();
	mdrv_close(&ports[0]);
	mdrv_close(&ports[1]);
	ixgbe_model_stop();
	return 0;
}

static void
send_frames(unsigned int count, size_t len)
{
	uint8_t frame[1600] = { 0 };
	uint8_t writeback[16];
	unsigned int i;

	memcpy(frame, port1_mac, 6);
	for (i = 0; i < count; i++) {
		assert_int_equal(mdrv_tx(&ports[0], 0, frame, len), 0);
		assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
		mdrv_rx_refill(&ports[1], 0);
	}
	assert_int_equal(mdrv_tx_wait_done(&ports[0], 0, 1000), 0);
}

static void
test_counts_and_clear_on_read(void **state)
{
	MDRV_TEST_BEGIN(state);
	send_frames(NB_FRAMES, 60);
	/* Receive side: 64 bytes on the wire each, with the FCS. */
	assert_int_equal(mdrv_read(&ports[1], MREG_GPRC), NB_FRAMES);
	assert_int_equal(mdrv_read(&ports[1], MREG_GPRC), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_GORCL), NB_FRAMES * 64);
	assert_int_equal(mdrv_read(&ports[1], MREG_GORCH), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_GORCL), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_PRC64), NB_FRAMES);
	assert_int_equal(mdrv_read(&ports[1], MREG_PRC64), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_TPR), NB_FRAMES);
	assert_int_equal(mdrv_read(&ports[1], MREG_QPRC(0)), NB_FRAMES);
	assert_int_equal(mdrv_read(&ports[1], MREG_QPRC(0)), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_QBRC_L(0)), NB_FRAMES * 60);
	assert_int_equal(mdrv_read(&ports[1], MREG_QBRC_L(0)), 0);
	/* Transmit side */
	assert_int_equal(mdrv_read(&ports[0], MREG_GPTC), NB_FRAMES);
	assert_int_equal(mdrv_read(&ports[0], MREG_GPTC), 0);
	assert_int_equal(mdrv_read(&ports[0], MREG_GOTCL), NB_FRAMES * 64);
	assert_int_equal(mdrv_read(&ports[0], MREG_PTC64), NB_FRAMES);
	assert_int_equal(mdrv_read(&ports[0], MREG_QPTC(0)), NB_FRAMES);
	assert_int_equal(mdrv_read(&ports[0], MREG_QPTC(0)), 0);
	/* The other registers of those pages read and write as memory. */
	mdrv_write(&ports[0], MREG_HLREG0, 0x12345601);
	assert_int_equal(mdrv_read(&ports[0], MREG_HLREG0), 0x12345601);
	mdrv_write(&ports[0], MREG_HLREG0,
		MREG_HLREG0_TXCRCEN | MREG_HLREG0_RXCRCSTRP |
			MREG_HLREG0_TXPADEN);
}

/* Not a plain 32-bit move: a 16-bit load is single-stepped by the trap. */
static void
test_clear_on_narrow_read(void **state)
{
	volatile uint16_t *gprc_low = (volatile uint16_t *)(ports[1].bar +
		MREG_GPRC);

	MDRV_TEST_BEGIN(state);
	(void)mdrv_read(&ports[1], MREG_GPRC);
	send_frames(3, 60);
	assert_int_equal(*gprc_low, 3);
	assert_int_equal(mdrv_read(&ports[1], MREG_GPRC), 0);
}

static void
test_size_buckets(void **state)
{
	static const size_t sizes[] = { 60, 100, 200, 400, 1000, 1514 };
	static const uint32_t buckets[] = { MREG_PRC64, MREG_PRC64 + 4,
		MREG_PRC64 + 8, MREG_PRC64 + 12, MREG_PRC64 + 16,
		MREG_PRC64 + 20 };
	unsigned int i;

	MDRV_TEST_BEGIN(state);
	for (i = 0; i < 6; i++) {
		(void)mdrv_read(&ports[1], buckets[i]);
		(void)mdrv_read(&ports[0], MREG_PTC64 + 4 * i);
	}
	for (i = 0; i < 6; i++)
		send_frames(1, sizes[i]);
	for (i = 0; i < 6; i++) {
		assert_int_equal(mdrv_read(&ports[1], buckets[i]), 1);
		assert_int_equal(mdrv_read(&ports[0], MREG_PTC64 + 4 * i), 1);
	}
}

static void
test_broadcast_multicast(void **state)
{
	uint8_t frame[60] = { 0 };
	uint8_t writeback[16];

	MDRV_TEST_BEGIN(state);
	(void)mdrv_read(&ports[1], MREG_BPRC);
	(void)mdrv_read(&ports[1], MREG_MPRC);
	memset(frame, 0xff, 6);
	assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
	mdrv_rx_refill(&ports[1], 0);
	memcpy(frame, "\x01\x00\x5e\x00\x00\x01", 6);
	mdrv_write(&ports[1], MREG_FCTRL,
		mdrv_read(&ports[1], MREG_FCTRL) | MREG_FCTRL_MPE);
	assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_rx_wait(&ports[1], 0, writeback, 1000), 0);
	mdrv_rx_refill(&ports[1], 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_BPRC), 1);
	assert_int_equal(mdrv_read(&ports[1], MREG_MPRC), 1);
}

static void
test_mpc_clears_on_read(void **state)
{
	uint8_t frame[60] = { 0 };
	unsigned int i;

	MDRV_TEST_BEGIN(state);
	memcpy(frame, port1_mac, 6);
	(void)mdrv_read(&ports[1], MREG_MPC(0));
	mdrv_write(&ports[1], MREG_RXDCTL(0),
		0); /* queue off: every frame missed */
	for (i = 0; i < 3; i++)
		assert_int_equal(ixgbe_model_inject(1, frame, sizeof(frame)), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_MPC(0)), 3);
	assert_int_equal(mdrv_read(&ports[1], MREG_MPC(0)), 0);
	mdrv_write(&ports[1], MREG_RXDCTL(0), MREG_XDCTL_ENABLE);
}

static void
test_bad_configurations(void **state)
{
	MDRV_TEST_BEGIN(state);
	mdrv_close(&ports[0]);
	mdrv_close(&ports[1]);
	ixgbe_model_stop();
	assert_int_equal(ixgbe_model_start("ports=0"), -EINVAL);
	assert_int_equal(ixgbe_model_start("ports=9"), -EINVAL);
	assert_int_equal(ixgbe_model_start("wire=coax"), -EINVAL);
	assert_int_equal(ixgbe_model_start("colour=blue"), -EINVAL);
	assert_int_equal(ixgbe_model_start("ports"), -EINVAL);
	assert_int_equal(ixgbe_model_start("wire=pcap"), -EINVAL);
	assert_int_equal(ixgbe_model_start(
				 "ports=2,wire=pcap,tx_pcap=/tmp/x.pcap"),
		-EINVAL);
	assert_int_equal(ixgbe_model_start(
				 "ports=1,wire=pcap,rx_pcap=/nonexistent/x.pcap"),
		-ENOENT);
	assert_int_equal(ixgbe_model_start("dir=/tmp"), -EEXIST);
	assert_int_equal(ixgbe_model_nb_ports(), 0);
	assert_null(ixgbe_model_pci_addr(0));
	/* Leave a running model for the group teardown. */
	assert_int_equal(ixgbe_model_start("ports=2"), 0);
	assert_int_equal(mdrv_open(&ports[0], 0), 0);
	assert_int_equal(mdrv_open(&ports[1], 1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_and_clear_on_read),
		cmocka_unit_test(test_clear_on_narrow_read),
		cmocka_unit_test(test_size_buckets),
		cmocka_unit_test(test_broadcast_multicast),
		cmocka_unit_test(test_mpc_clears_on_read),
		cmocka_unit_test(test_bad_configurations),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
