/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 82599 model wired to pcap files: rx_pcap is played into the port as
 * descriptors free up (nothing is missed), transmitted frames land in
 * tx_pcap; and transmit on a second queue.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ixgbe_model.h"
#include "model_regs.h"
#include "model_test_driver.h"

#define NB_IN 10

static char in_path[64];
static char out_path[64];
static char parent_dir[64];
static char tree_dir[80];
static struct mdrv_port port;
static const uint8_t port0_mac[6] = { 0x02, 0x82, 0x59, 0x9e, 0x00, 0x00 };

static void
frame_for(unsigned int n, uint8_t *frame, size_t *len)
{
	*len = 60 + n * 10;
	memset(frame, 0, *len);
	memcpy(frame, port0_mac, 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	frame[14] = (uint8_t)n;
}

static int
write_input(void)
{
	uint32_t header[6] = { 0xa1b2c3d4, 2 | 4u << 16, 0, 0, 65535, 1 };
	uint8_t frame[256];
	FILE *file = fopen(in_path, "wb");
	unsigned int n;

	if (file == NULL)
		return -1;
	fwrite(header, sizeof(header), 1, file);
	for (n = 0; n < NB_IN; n++) {
		uint32_t record[4] = { n, 0, 0, 0 };
		size_t len;

		frame_for(n, frame, &len);
		record[2] = record[3] = (uint32_t)len;
		fwrite(record, sizeof(record), 1, file);
		fwrite(frame, len, 1, file);
	}
	return fclose(file);
}

static int
setup(void **state)
{
	char config[256];
	int fd;

	(void)state;
	strcpy(in_path, "/tmp/ixgbe-model-in-XXXXXX");
	strcpy(out_path, "/tmp/ixgbe-model-out-XXXXXX");
	fd = mkstemp(in_path);
	if (fd < 0)
		return -1;
	close(fd);
	fd = mkstemp(out_path);
	if (fd < 0)
		return -1;
	close(fd);
	if (write_input() != 0)
		return -1;
	strcpy(parent_dir, "/tmp/ixgbe-model-dir-XXXXXX");
	if (mkdtemp(parent_dir) == NULL)
		return -1;
	snprintf(tree_dir, sizeof(tree_dir), "%s/tree", parent_dir);
	if (snprintf(config, sizeof(config),
		    "ports=1,wire=pcap,rx_pcap=%s,tx_pcap=%s,link_delay_ms=1,"
		    "queues=2,dir=%s",
		    in_path, out_path, tree_dir) >= (int)sizeof(config))
		return -1;
	if (ixgbe_model_start(config) != 0)
		return -1;
	/* dir=: the tree is where the caller said. */
	if (strncmp(ixgbe_model_sysfs_dir(), tree_dir, strlen(tree_dir)) != 0)
		return -1;
	ixgbe_model_install_traps();
	if (mdrv_open(&port, 0) != 0 || mdrv_reset(&port) != 0 ||
		mdrv_link_up(&port, 1000) != 0 ||
		mdrv_rx_init(&port, 1, 8, 2) != 0 ||
		mdrv_tx_init(&port, 2, 16) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	ixgbe_model_install_traps();
	mdrv_close(&port);
	ixgbe_model_stop();
	unlink(in_path);
	unlink(out_path);
	/* The model removed its tree: the parent is empty again. */
	return rmdir(parent_dir);
}

static void
test_pcap_in_with_backpressure(void **state)
{
	uint8_t expected[256];
	uint8_t writeback[16];
	unsigned int n, index;
	size_t len;

	MDRV_TEST_BEGIN(state);
	/* 8 descriptors, 7 owned by the device: 10 frames need a refill. */
	for (n = 0; n < NB_IN; n++) {
		index = port.rxq[0].next;
		assert_int_equal(mdrv_rx_wait(&port, 0, writeback, 1000), 0);
		frame_for(n, expected, &len);
		assert_int_equal(writeback[12] | writeback[13] << 8, len);
		assert_memory_equal(mdrv_rx_buffer(&port, 0, index), expected,
			len);
		mdrv_rx_refill(&port, 0);
	}
	assert_int_equal(mdrv_read(&port, MREG_MPC(0)), 0);
	assert_int_equal(ixgbe_model_wire_rx(0), NB_IN);
}

static void
test_pcap_out_and_second_queue(void **state)
{
	uint8_t frame[100];
	uint32_t header[6], record[4];
	uint8_t got[100];
	FILE *file;

	MDRV_TEST_BEGIN(state);
	memset(frame, 0x5a, sizeof(frame));
	assert_int_equal(mdrv_tx(&port, 1, frame, 80), 0);
	assert_int_equal(mdrv_tx_wait_done(&port, 1, 1000), 0);
	assert_int_equal(mdrv_read(&port, MREG_QPTC(1)), 1);
	assert_int_equal(mdrv_read(&port, MREG_QPTC(0)), 0);
	file = fopen(out_path, "rb");
	assert_non_null(file);
	assert_int_equal(fread(header, sizeof(header), 1, file), 1);
	assert_int_equal(header[0], 0xa1b2c3d4);
	assert_int_equal(header[5], 1);
	assert_int_equal(fread(record, sizeof(record), 1, file), 1);
	assert_int_equal(record[2], 80);
	assert_int_equal(fread(got, 80, 1, file), 1);
	assert_memory_equal(got, frame, 80);
	fclose(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pcap_in_with_backpressure),
		cmocka_unit_test(test_pcap_out_and_second_queue),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
