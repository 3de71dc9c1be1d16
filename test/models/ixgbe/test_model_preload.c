/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The shared-library form of the 82599 model, LD_PRELOADed into a program
 * that knows nothing of it (this one links no model code): the constructor
 * must have built the tree and set POLLUX_SYSFS_PCI, and the program's own
 * mmap() of resource0 must be trapped (statistics clear on read).
 * Plain C, no cmocka: cmocka would replace the model's signal handlers.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_regs.h"
#include "model_test_driver.h"

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, \
				"test_model_preload: %s:%d: %s failed\n", \
				__FILE__, __LINE__, #cond); \
			return 1; \
		} \
	} while (0)

int
main(void)
{
	static const uint8_t port1_mac[6] = { 0x02, 0x82, 0x59, 0x9e, 0x00,
		0x01 };
	struct mdrv_port ports[2];
	uint8_t frame[60] = { 0 };
	uint8_t writeback[16];
	unsigned int i;

	if (getenv("POLLUX_SYSFS_PCI") == NULL ||
		getenv("POLLUX_DEV_DIR") == NULL) {
		fprintf(stderr,
			"test_model_preload: run with LD_PRELOAD=libpollux_ixgbe_model.so\n");
		return 1;
	}
	for (i = 0; i < 2; i++) {
		CHECK(mdrv_open(&ports[i], i) == 0);
		CHECK(mdrv_reset(&ports[i]) == 0);
		CHECK(mdrv_link_up(&ports[i], 2000) == 0);
	}
	CHECK(mdrv_rx_init(&ports[1], 1, 32, 2) == 0);
	CHECK(mdrv_tx_init(&ports[0], 1, 32) == 0);
	memcpy(frame, port1_mac, 6);
	CHECK(mdrv_tx(&ports[0], 0, frame, sizeof(frame)) == 0);
	CHECK(mdrv_rx_wait(&ports[1], 0, writeback, 2000) == 0);
	CHECK((writeback[8] & 3) == 3);
	CHECK(memcmp(mdrv_rx_buffer(&ports[1], 0, 0), frame, sizeof(frame)) ==
		0);
	CHECK(mdrv_read(&ports[1], MREG_GPRC) == 1);
	CHECK(mdrv_read(&ports[1], MREG_GPRC) == 0);
	CHECK(mdrv_tx_wait_done(&ports[0], 0, 2000) == 0);
	CHECK(mdrv_read(&ports[0], MREG_GPTC) == 1);
	CHECK(mdrv_read(&ports[0], MREG_GPTC) == 0);
	mdrv_close(&ports[0]);
	mdrv_close(&ports[1]);
	printf("test_model_preload: ok\n");
	return 0;
}
