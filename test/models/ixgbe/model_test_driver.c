/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The model tests' minimal driver: see model_test_driver.h. Offsets and
 * bits come from model_regs.h, the same datasheet facts the model uses.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "ixgbe_model.h"
#include "model_regs.h"
#include "model_test_driver.h"

uint32_t
mdrv_read(struct mdrv_port *port, uint32_t offset)
{
	return *(volatile uint32_t *)(port->bar + offset);
}

/* Release: descriptors written before a doorbell are visible to the device. */
void
mdrv_write(struct mdrv_port *port, uint32_t offset, uint32_t value)
{
	__atomic_store_n((volatile uint32_t *)(port->bar + offset), value,
		__ATOMIC_RELEASE);
}

void
mdrv_sleep_ms(unsigned int ms)
{
	struct timespec pause = { .tv_sec = ms / 1000,
		.tv_nsec = (long)(ms % 1000) * 1000000 };

	nanosleep(&pause, NULL);
}

int
mdrv_wait(struct mdrv_port *port, uint32_t offset, uint32_t mask, uint32_t want,
	unsigned int timeout_ms)
{
	unsigned int waited;

	for (waited = 0; waited <= timeout_ms * 10; waited++) {
		if ((mdrv_read(port, offset) & mask) == want)
			return 0;
		usleep(100);
	}
	return -ETIMEDOUT;
}

int
mdrv_open(struct mdrv_port *port, unsigned int index)
{
	const char *sysfs = getenv("POLLUX_SYSFS_PCI");
	char path[4200];
	void *bar;

	memset(port, 0, sizeof(*port));
	port->fd = -1;
	port->index = index;
	/* As a bus finds it: $POLLUX_SYSFS_PCI/<address>/resource0. */
	if (sysfs == NULL)
		return -ENOENT;
	snprintf(path, sizeof(path), "%s/0000:42:%02x.%x/resource0", sysfs,
		index / 2, index % 2);
	port->fd = open(path, O_RDWR | O_CLOEXEC);
	if (port->fd < 0)
		return -errno;
	bar = mmap(NULL, MREG_BAR0_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
		port->fd, 0);
	if (bar == MAP_FAILED) {
		close(port->fd);
		return -errno;
	}
	port->bar = bar;
	return 0;
}

static void
mdrv_free_queue(struct mdrv_queue *queue)
{
	free(queue->ring);
	free(queue->buffers);
	memset(queue, 0, sizeof(*queue));
}

void
mdrv_close(struct mdrv_port *port)
{
	unsigned int i;

	if (port->bar != NULL) {
		/* Stop the device's DMA before the rings go away. */
		mdrv_write(port, MREG_RXCTRL, 0);
		mdrv_write(port, MREG_DMATXCTL, 0);
		for (i = 0; i < MDRV_MAX_QUEUES; i++) {
			mdrv_write(port, MREG_RXDCTL(i), 0);
			mdrv_write(port, MREG_TXDCTL(i), 0);
		}
		mdrv_sleep_ms(5);
		munmap((void *)port->bar, MREG_BAR0_SIZE);
		close(port->fd);
	}
	for (i = 0; i < MDRV_MAX_QUEUES; i++) {
		mdrv_free_queue(&port->rxq[i]);
		mdrv_free_queue(&port->txq[i]);
	}
	port->bar = NULL;
}

int
mdrv_reset(struct mdrv_port *port)
{
	int ret;

	/* 4.6.3.1: mask all interrupts and clear pending causes. */
	mdrv_write(port, MREG_EIMC, 0x7fffffff);
	(void)mdrv_read(port, MREG_EICR);
	/* 4.6.3.2: global reset, which self-clears. */
	mdrv_write(port, MREG_CTRL, MREG_CTRL_RST | MREG_CTRL_LNK_RST);
	ret = mdrv_wait(port, MREG_CTRL, MREG_CTRL_RST | MREG_CTRL_LNK_RST, 0,
		1000);
	if (ret != 0)
		return ret;
	mdrv_sleep_ms(10);
	mdrv_write(port, MREG_EIMC, 0x7fffffff);
	(void)mdrv_read(port, MREG_EICR);
	ret = mdrv_wait(port, MREG_EEC, MREG_EEC_ARD, MREG_EEC_ARD, 1000);
	if (ret != 0)
		return ret;
	return mdrv_wait(port, MREG_RDRXCTL, MREG_RDRXCTL_DMAIDONE,
		MREG_RDRXCTL_DMAIDONE, 1000);
}

int
mdrv_link_up(struct mdrv_port *port, unsigned int timeout_ms)
{
	uint32_t autoc = mdrv_read(port, MREG_AUTOC);

	/* LMS (15:13) = 011b 10G serial, then restart auto-negotiation. */
	autoc = (autoc & ~(7u << 13)) | 3u << 13;
	mdrv_write(port, MREG_AUTOC, autoc | MREG_AUTOC_AN_RESTART);
	return mdrv_wait(port, MREG_LINKS, MREG_LINKS_UP, MREG_LINKS_UP,
		timeout_ms);
}

static int
mdrv_alloc_queue(struct mdrv_queue *queue, unsigned int size,
	unsigned int buffer_size)
{
	queue->size = size;
	queue->buffer_size = buffer_size;
	queue->next = 0;
	/* aligned_alloc wants a multiple of the alignment; RDLEN/TDLEN too. */
	queue->ring = aligned_alloc(128,
		((size_t)size * 16 + 127) & ~(size_t)127);
	queue->buffers = aligned_alloc(64, (size_t)size * buffer_size);
	if (queue->ring == NULL || queue->buffers == NULL)
		return -ENOMEM;
	memset(queue->ring, 0, (size_t)size * 16);
	memset(queue->buffers, 0, (size_t)size * buffer_size);
	return 0;
}

static void
mdrv_rx_arm(struct mdrv_queue *queue, unsigned int index)
{
	uint64_t *desc = (uint64_t *)(queue->ring + (size_t)index * 16);

	desc[0] = (uint64_t)(uintptr_t)(queue->buffers +
		(size_t)index * queue->buffer_size);
	desc[1] = 0; /* header address 0 also clears DD */
}

int
mdrv_rx_init(struct mdrv_port *port, unsigned int nb_queues, unsigned int size,
	unsigned int buffer_kb)
{
	unsigned int q, i;
	int ret;

	mdrv_write(port, MREG_RXCTRL, 0);
	mdrv_write(port, MREG_HLREG0,
		mdrv_read(port, MREG_HLREG0) | MREG_HLREG0_RXCRCSTRP);
	mdrv_write(port, MREG_FCTRL,
		mdrv_read(port, MREG_FCTRL) | MREG_FCTRL_BAM);
	for (q = 0; q < nb_queues; q++) {
		struct mdrv_queue *queue = &port->rxq[q];
		uint64_t base;

		ret = mdrv_alloc_queue(queue, size, buffer_kb * 1024);
		if (ret != 0)
			return ret;
		for (i = 0; i < size; i++)
			mdrv_rx_arm(queue, i);
		base = (uint64_t)(uintptr_t)queue->ring;
		mdrv_write(port, MREG_SRRCTL(q),
			1u << MREG_SRRCTL_DESCTYPE_SHIFT | buffer_kb |
				MREG_SRRCTL_DROP_EN);
		mdrv_write(port, MREG_RDBAL(q), (uint32_t)base);
		mdrv_write(port, MREG_RDBAH(q), (uint32_t)(base >> 32));
		mdrv_write(port, MREG_RDLEN(q), size * 16);
		mdrv_write(port, MREG_RDH(q), 0);
		mdrv_write(port, MREG_RDT(q), 0);
		mdrv_write(port, MREG_RXDCTL(q),
			mdrv_read(port, MREG_RXDCTL(q)) | MREG_XDCTL_ENABLE);
		ret = mdrv_wait(port, MREG_RXDCTL(q), MREG_XDCTL_ENABLE,
			MREG_XDCTL_ENABLE, 100);
		if (ret != 0)
			return ret;
		/* All but one descriptor: RDT == RDH would mean none. */
		mdrv_write(port, MREG_RDT(q), size - 1);
	}
	port->nb_rxq = nb_queues;
	mdrv_write(port, MREG_RXCTRL, MREG_RXCTRL_RXEN);
	/* Let the device thread see the new configuration before traffic. */
	mdrv_sleep_ms(2);
	return 0;
}

int
mdrv_tx_init(struct mdrv_port *port, unsigned int nb_queues, unsigned int size)
{
	unsigned int q;
	int ret;

	mdrv_write(port, MREG_HLREG0,
		mdrv_read(port, MREG_HLREG0) | MREG_HLREG0_TXCRCEN |
			MREG_HLREG0_TXPADEN);
	mdrv_write(port, MREG_DMATXCTL, MREG_DMATXCTL_TE);
	for (q = 0; q < nb_queues; q++) {
		struct mdrv_queue *queue = &port->txq[q];
		uint64_t base;

		ret = mdrv_alloc_queue(queue, size, 2048);
		if (ret != 0)
			return ret;
		base = (uint64_t)(uintptr_t)queue->ring;
		mdrv_write(port, MREG_TDBAL(q), (uint32_t)base);
		mdrv_write(port, MREG_TDBAH(q), (uint32_t)(base >> 32));
		mdrv_write(port, MREG_TDLEN(q), size * 16);
		mdrv_write(port, MREG_TDH(q), 0);
		mdrv_write(port, MREG_TDT(q), 0);
		mdrv_write(port, MREG_TXDCTL(q), MREG_XDCTL_ENABLE);
		ret = mdrv_wait(port, MREG_TXDCTL(q), MREG_XDCTL_ENABLE,
			MREG_XDCTL_ENABLE, 100);
		if (ret != 0)
			return ret;
	}
	port->nb_txq = nb_queues;
	return 0;
}

int
mdrv_tx(struct mdrv_port *port, unsigned int queue, const void *frame,
	size_t len)
{
	struct mdrv_queue *txq = &port->txq[queue];
	unsigned int index = txq->next;
	uint8_t *buffer = txq->buffers + (size_t)index * txq->buffer_size;
	uint32_t *desc = (uint32_t *)(txq->ring + (size_t)index * 16);

	if (len > txq->buffer_size)
		return -EINVAL;
	memcpy(buffer, frame, len);
	*(uint64_t *)desc = (uint64_t)(uintptr_t)buffer;
	desc[2] = MDESC_TX_CMD_EOP | MDESC_TX_CMD_IFCS | MDESC_TX_CMD_RS |
		MDESC_TX_CMD_DEXT | 3u << MDESC_TX_DTYP_SHIFT | (uint32_t)len;
	desc[3] = (uint32_t)len << 14;
	txq->next = (index + 1) % txq->size;
	mdrv_write(port, MREG_TDT(queue), txq->next);
	return 0;
}

int
mdrv_tx_wait_done(struct mdrv_port *port, unsigned int queue,
	unsigned int timeout_ms)
{
	struct mdrv_queue *txq = &port->txq[queue];
	unsigned int last = (txq->next + txq->size - 1) % txq->size;
	volatile uint32_t *status = (volatile uint32_t *)(txq->ring +
		(size_t)last * 16 + 12);
	unsigned int waited;

	for (waited = 0; waited <= timeout_ms * 10; waited++) {
		if (*status & MDESC_TX_STA_DD)
			return 0;
		usleep(100);
	}
	return -ETIMEDOUT;
}

int
mdrv_rx_wait(struct mdrv_port *port, unsigned int queue, uint8_t writeback[16],
	unsigned int timeout_ms)
{
	struct mdrv_queue *rxq = &port->rxq[queue];
	volatile uint8_t *desc = rxq->ring + (size_t)rxq->next * 16;
	unsigned int waited;

	for (waited = 0; waited <= timeout_ms * 10; waited++) {
		if (__atomic_load_n((volatile uint32_t *)(desc + 8),
			    __ATOMIC_ACQUIRE) &
			MDESC_RX_STAT_DD) {
			memcpy(writeback, (const void *)desc, 16);
			rxq->next = (rxq->next + 1) % rxq->size;
			return 0;
		}
		usleep(100);
	}
	return -ETIMEDOUT;
}

const uint8_t *
mdrv_rx_buffer(struct mdrv_port *port, unsigned int queue, unsigned int index)
{
	struct mdrv_queue *rxq = &port->rxq[queue];

	return rxq->buffers + (size_t)index * rxq->buffer_size;
}

void
mdrv_rx_refill(struct mdrv_port *port, unsigned int queue)
{
	struct mdrv_queue *rxq = &port->rxq[queue];
	unsigned int tail = mdrv_read(port, MREG_RDT(queue));
	unsigned int last = (rxq->next + rxq->size - 1) % rxq->size;

	while (tail != last) {
		tail = (tail + 1) % rxq->size;
		mdrv_rx_arm(rxq, tail);
	}
	mdrv_write(port, MREG_RDT(queue), last);
}

size_t
mdrv_build_ipv4(uint8_t *frame, const uint8_t dst_mac[6], const uint8_t src[4],
	const uint8_t dst[4], uint16_t src_port, uint16_t dst_port,
	int protocol, size_t payload)
{
	size_t l4_len = (protocol == 6 ? 20 : 8) + payload;
	size_t ip_len = 20 + l4_len;

	memset(frame, 0, 14 + ip_len);
	memcpy(frame, dst_mac, 6);
	memcpy(frame + 6, "\x02\x00\x00\x00\x00\x99", 6);
	frame[12] = 0x08;
	frame[14] = 0x45;
	frame[16] = (uint8_t)(ip_len >> 8);
	frame[17] = (uint8_t)ip_len;
	frame[22] = 64;
	frame[23] = (uint8_t)protocol;
	memcpy(frame + 26, src, 4);
	memcpy(frame + 30, dst, 4);
	frame[34] = (uint8_t)(src_port >> 8);
	frame[35] = (uint8_t)src_port;
	frame[36] = (uint8_t)(dst_port >> 8);
	frame[37] = (uint8_t)dst_port;
	if (protocol == 6)
		frame[46] = 0x50; /* data offset 5 */
	return 14 + ip_len;
}
