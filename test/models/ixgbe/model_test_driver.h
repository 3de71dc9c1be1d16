/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A minimal 82599 driver for the model's own tests, written from the
 * datasheet's init sequence (4.6.3): it maps resource0 from the model's
 * tree as a PCI bus would and pokes registers. Not a PMD; no Pollux.
 */

#ifndef IXGBE_MODEL_TEST_DRIVER_H
#define IXGBE_MODEL_TEST_DRIVER_H

#include <stddef.h>
#include <stdint.h>

#define MDRV_MAX_QUEUES 16

/*
 * First line of every test body: cmocka installs its own SIGSEGV handler
 * around each test, so the model's trap handlers are put back in front.
 */
#define MDRV_TEST_BEGIN(state) \
	do { \
		(void)(state); \
		assert_int_equal(ixgbe_model_install_traps(), 0); \
	} while (0)

struct mdrv_queue {
	uint8_t *ring;	  /* size * 16 bytes */
	uint8_t *buffers; /* size * buffer_size bytes */
	unsigned int size;
	unsigned int buffer_size;
	unsigned int next; /* next descriptor the driver looks at */
};

struct mdrv_port {
	unsigned int index;
	int fd;
	volatile uint8_t *bar;
	struct mdrv_queue rxq[MDRV_MAX_QUEUES];
	struct mdrv_queue txq[MDRV_MAX_QUEUES];
	unsigned int nb_rxq;
	unsigned int nb_txq;
};

uint32_t mdrv_read(struct mdrv_port *port, uint32_t offset);
void mdrv_write(struct mdrv_port *port, uint32_t offset, uint32_t value);
/* Poll until (reg & mask) == want, up to timeout_ms; 0 or -ETIMEDOUT. */
int mdrv_wait(struct mdrv_port *port, uint32_t offset, uint32_t mask,
	uint32_t want, unsigned int timeout_ms);
void mdrv_sleep_ms(unsigned int ms);

int mdrv_open(struct mdrv_port *port, unsigned int index);
void mdrv_close(struct mdrv_port *port);

/* 4.6.3.1-4.6.3.2: mask interrupts, global reset, EEPROM and DMA init done. */
int mdrv_reset(struct mdrv_port *port);
/* 4.6.4: restart auto-negotiation and wait for LINKS.UP. */
int mdrv_link_up(struct mdrv_port *port, unsigned int timeout_ms);
/* 4.6.7 receive init with nb_queues rings of size descriptors. */
int mdrv_rx_init(struct mdrv_port *port, unsigned int nb_queues,
	unsigned int size, unsigned int buffer_kb);
/* 4.6.8 transmit init. */
int
mdrv_tx_init(struct mdrv_port *port, unsigned int nb_queues, unsigned int size);

/* Queue one single-descriptor frame (EOP|RS|IFCS) and bump TDT. */
int mdrv_tx(struct mdrv_port *port, unsigned int queue, const void *frame,
	size_t len);
/* Wait for DD on the descriptor before TDT. */
int mdrv_tx_wait_done(struct mdrv_port *port, unsigned int queue,
	unsigned int timeout_ms);

/* Wait for DD on the queue's next descriptor; copies the 16-byte write-back. */
int mdrv_rx_wait(struct mdrv_port *port, unsigned int queue,
	uint8_t writeback[16], unsigned int timeout_ms);
/* Buffer of descriptor index. */
const uint8_t *
mdrv_rx_buffer(struct mdrv_port *port, unsigned int queue, unsigned int index);
/* Give the descriptors up to next back to the device (re-arm, RDT = next - 1). */
void mdrv_rx_refill(struct mdrv_port *port, unsigned int queue);

/* A UDP or TCP over IPv4 frame (64 bytes on the wire without FCS: 60). */
size_t mdrv_build_ipv4(uint8_t *frame, const uint8_t dst_mac[6],
	const uint8_t src[4], const uint8_t dst[4], uint16_t src_port,
	uint16_t dst_port, int protocol, size_t payload);

#endif /* IXGBE_MODEL_TEST_DRIVER_H */
