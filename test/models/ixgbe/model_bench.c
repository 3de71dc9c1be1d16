/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Figures for the 82599 model (not a test): the cost of a trapped register
 * access, the latency from a TDT write on port 0 to DD in port 1's ring,
 * and frames per second through the loop wire in bursts of 32 with one
 * doorbell per burst, with qstats=plain and qstats=rc.
 *
 *   build/test/models/ixgbe/ixgbe_model_bench
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <time.h>

#include "ixgbe_model.h"
#include "model_regs.h"
#include "model_test_driver.h"

#define BURST  32
#define RING   512
#define ROUNDS 2000

static const uint8_t port1_mac[6] = { 0x02, 0x82, 0x59, 0x9e, 0x00, 0x01 };

static double
now_s(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec + now.tv_nsec / 1e9;
}

static int
bring_up(struct mdrv_port ports[2])
{
	unsigned int i;

	for (i = 0; i < 2; i++) {
		if (mdrv_open(&ports[i], i) != 0 ||
			mdrv_reset(&ports[i]) != 0 ||
			mdrv_link_up(&ports[i], 2000) != 0 ||
			mdrv_rx_init(&ports[i], 1, RING, 2) != 0 ||
			mdrv_tx_init(&ports[i], 1, RING) != 0)
			return -1;
	}
	return 0;
}

static void
bench_trap(struct mdrv_port *port, const char *mode)
{
	double start, trapped, plain;
	unsigned int i;

	start = now_s();
	for (i = 0; i < 100000; i++)
		(void)mdrv_read(port, MREG_GPRC);
	trapped = (now_s() - start) / 100000;
	start = now_s();
	for (i = 0; i < 100000; i++)
		(void)mdrv_read(port, MREG_FCTRL);
	plain = (now_s() - start) / 100000;
	printf("[%s] register read: trapped (GPRC) %.2f us, plain (FCTRL) %.3f us\n",
		mode, trapped * 1e6, plain * 1e6);
}

static void
bench_latency(struct mdrv_port ports[2], const char *mode)
{
	uint8_t frame[60] = { 0 };
	uint8_t writeback[16];
	double start, total = 0;
	unsigned int i;

	memcpy(frame, port1_mac, 6);
	for (i = 0; i < 1000; i++) {
		start = now_s();
		if (mdrv_tx(&ports[0], 0, frame, sizeof(frame)) != 0 ||
			mdrv_rx_wait(&ports[1], 0, writeback, 1000) != 0) {
			printf("[%s] latency: frame lost\n", mode);
			return;
		}
		total += now_s() - start;
		mdrv_rx_refill(&ports[1], 0);
	}
	printf("[%s] TDT write to rx DD: %.1f us average over 1000 frames "
	       "(rx polled every 100 us by this driver)\n",
		mode, total / 1000 * 1e6);
}

/* Bursts of 32 one-descriptor frames, one TDT write each; rx drained. */
static void
bench_throughput(struct mdrv_port ports[2], const char *mode)
{
	struct mdrv_queue *txq = &ports[0].txq[0];
	struct mdrv_queue *rxq = &ports[1].rxq[0];
	unsigned long received = 0;
	double start, elapsed;
	unsigned int round, i;

	for (i = 0; i < txq->size; i++) {
		uint8_t *buffer = txq->buffers + (size_t)i * txq->buffer_size;
		uint32_t *desc = (uint32_t *)(txq->ring + (size_t)i * 16);

		memset(buffer, 0, 60);
		memcpy(buffer, port1_mac, 6);
		*(uint64_t *)desc = (uint64_t)(uintptr_t)buffer;
		desc[2] = MDESC_TX_CMD_EOP | MDESC_TX_CMD_IFCS |
			MDESC_TX_CMD_DEXT | 3u << MDESC_TX_DTYP_SHIFT | 60;
		desc[3] = 60u << 14;
	}
	start = now_s();
	for (round = 0; round < ROUNDS; round++) {
		txq->next = (txq->next + BURST) % txq->size;
		mdrv_write(&ports[0], MREG_TDT(0), txq->next);
		/* Drain what arrived, one RDT write per batch. */
		for (;;) {
			volatile uint32_t *status =
				(volatile uint32_t *)(rxq->ring +
					(size_t)rxq->next * 16 + 8);
			unsigned int taken = 0;

			while ((*status & MDESC_RX_STAT_DD) != 0) {
				rxq->next = (rxq->next + 1) % rxq->size;
				status = (volatile uint32_t *)(rxq->ring +
					(size_t)rxq->next * 16 + 8);
				taken++;
			}
			if (taken != 0) {
				received += taken;
				mdrv_rx_refill(&ports[1], 0);
			}
			if (mdrv_read(&ports[0], MREG_TDH(0)) == txq->next)
				break;
			/* Leave the CPU to the device thread on a busy machine. */
			if (taken == 0)
				sched_yield();
		}
	}
	elapsed = now_s() - start;
	while (*(volatile uint32_t *)(rxq->ring + (size_t)rxq->next * 16 + 8) &
		MDESC_RX_STAT_DD) {
		rxq->next = (rxq->next + 1) % rxq->size;
		received++;
	}
	printf("[%s] loop wire, bursts of %u: %.2f Mframes/s sent, %lu of %u received, "
	       "%u missed\n",
		mode, BURST, ROUNDS * BURST / elapsed / 1e6, received,
		ROUNDS * BURST, mdrv_read(&ports[1], MREG_MPC(0)));
}

static int
bench_mode(const char *config, const char *mode)
{
	struct mdrv_port ports[2];

	if (ixgbe_model_start(config) != 0 || bring_up(ports) != 0) {
		fprintf(stderr,
			"ixgbe_model_bench: cannot bring the model up\n");
		return 1;
	}
	bench_trap(&ports[1], mode);
	bench_latency(ports, mode);
	bench_throughput(ports, mode);
	mdrv_close(&ports[0]);
	mdrv_close(&ports[1]);
	ixgbe_model_stop();
	return 0;
}

int
main(void)
{
	if (bench_mode("ports=2,link_delay_ms=1,queues=1,qstats=plain",
		    "qstats=plain") != 0)
		return 1;
	return bench_mode("ports=2,link_delay_ms=1,queues=1,qstats=rc",
		"qstats=rc");
}
