/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupts (datasheet 7.3; the register semantics are those of the 82598
 * datasheet 7.3 and the I210 datasheet 7.3.3, its siblings):
 *
 * - EICR holds the causes: bits 15:0 the queue causes, each queue mapped to
 *   a bit by its IVAR entry (allocation | 0x80 valid); bits 30:16 the
 *   "other" causes (LSC is bit 20) and the TCP timer (bit 30).
 * - EICS write: set causes. EIMS write: set mask bits; EIMC write: clear
 *   them. EICR write: clear the causes written with 1; without GPIE.EIAME
 *   the EIAM bits of the causes cleared by an EICR access leave EIMS.
 *   EICR read: clears
 *   every cause, or only bits 29:16 when GPIE.OCD is set (82599 datasheet
 *   8.2.3.5.1 as quoted in EbbRT's driver, X550 datasheet 7.3.1.3: "When
 *   the GPIE.OCD bit is set, only bits 16...29 are cleared on read"; the
 *   queue causes and the TCP timer, bit 30, stay).
 * - INTx (GPIE.MSIX_MODE = 0): a cause that arrives while its mask bit is
 *   set asserts the interrupt: one 4-byte count on $POLLUX_DEV_DIR/uioN.
 * - MSI-X (GPIE.MSIX_MODE = 1): a queue cause on bit v with EIMS bit v set
 *   sends vector v (8-byte 1 on pollux-msix/v); other causes send the vector
 *   in IVAR_MISC bits 15:8, the TCP timer the one in bits 7:0. After a
 *   message, EIAC bits auto-clear the cause and, with GPIE.EIAME, EIAM bits
 *   auto-mask it.
 * - EITR throttling is not modelled: every message is sent at once.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "model.h"

int
model_intr_open(struct model_port *port)
{
	char path[2 * PATH_MAX + 128];
	unsigned int vector;

	snprintf(path, sizeof(path), "%s/uio%u", model_state.dev_dir,
		port->index);
	port->uio_fd = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (port->uio_fd < 0)
		return -errno;
	for (vector = 0; vector < model_state.config.nb_vectors; vector++) {
		snprintf(path, sizeof(path), "%s/pollux-msix/%u", port->dir,
			vector);
		port->msix_fd[vector] = open(path,
			O_RDWR | O_NONBLOCK | O_CLOEXEC);
		if (port->msix_fd[vector] < 0)
			return -errno;
	}
	return 0;
}

void
model_intr_close(struct model_port *port)
{
	unsigned int vector;

	if (port->uio_fd >= 0)
		close(port->uio_fd);
	port->uio_fd = -1;
	for (vector = 0; vector < MODEL_MAX_VECTORS; vector++) {
		if (port->msix_fd[vector] >= 0)
			close(port->msix_fd[vector]);
		port->msix_fd[vector] = -1;
	}
}

static void
intr_send_vector(struct model_port *port, unsigned int vector)
{
	uint64_t one = 1;

	/* A full FIFO means the reader is behind: the signal is already there. */
	if (vector < MODEL_MAX_VECTORS && port->msix_fd[vector] >= 0)
		(void)!write(port->msix_fd[vector], &one, sizeof(one));
}

static void
intr_send_intx(struct model_port *port)
{
	port->uio_count++;
	if (port->uio_fd >= 0)
		(void)!write(port->uio_fd, &port->uio_count,
			sizeof(port->uio_count));
}

static unsigned int
intr_misc_vector(struct model_port *port, uint32_t causes, int *valid)
{
	uint32_t misc = mreg_read(port, MREG_IVAR_MISC);
	uint32_t entry = (causes & MREG_EICR_TCP_TIMER) != 0 ?
		misc & 0xff :
		(misc >> 8) & 0xff;

	*valid = (entry & MREG_IVAR_VALID) != 0;
	return entry & 0x3f;
}

/* New causes (or newly unmasked pending causes): send what is enabled. */
static void
intr_deliver_locked(struct model_port *port, uint32_t new_causes)
{
	uint32_t gpie = mreg_read(port, MREG_GPIE);
	uint32_t enabled = new_causes & mreg_read(port, MREG_EIMS);
	uint32_t fired = 0;
	unsigned int vector;
	int valid;

	if (enabled == 0)
		return;
	if ((gpie & MREG_GPIE_MSIX_MODE) == 0) {
		intr_send_intx(port);
		return;
	}
	for (vector = 0; vector < 16; vector++) {
		if ((enabled & (1u << vector)) != 0) {
			intr_send_vector(port, vector);
			fired |= 1u << vector;
		}
	}
	if ((enabled & MREG_EICR_OTHER_MASK & ~MREG_EICR_TCP_TIMER) != 0) {
		vector = intr_misc_vector(port, MREG_EICR_LSC, &valid);
		if (valid)
			intr_send_vector(port, vector);
	}
	if ((enabled & MREG_EICR_TCP_TIMER) != 0) {
		vector = intr_misc_vector(port, MREG_EICR_TCP_TIMER, &valid);
		if (valid)
			intr_send_vector(port, vector);
	}
	mreg_write(port, MREG_EICR,
		mreg_read(port, MREG_EICR) &
			~(fired & mreg_read(port, MREG_EIAC)));
	if ((gpie & MREG_GPIE_EIAME) != 0)
		mreg_write(port, MREG_EIMS,
			mreg_read(port, MREG_EIMS) &
				~(fired & mreg_read(port, MREG_EIAM)));
}

void
model_intr_raise(struct model_port *port, uint32_t causes)
{
	model_lock(port);
	mreg_write(port, MREG_EICR, mreg_read(port, MREG_EICR) | causes);
	intr_deliver_locked(port, causes);
	model_unlock(port);
}

/* IVAR(n): bits 7:0 rx queue 2n, 15:8 tx queue 2n, 23:16 rx 2n+1, 31:24 tx 2n+1. */
void
model_intr_queue(struct model_port *port, unsigned int queue, int is_tx)
{
	uint32_t ivar = mreg_read(port, MREG_IVAR(queue / 2));
	unsigned int shift = (queue % 2) * 16 + (is_tx ? 8 : 0);
	uint32_t entry = (ivar >> shift) & 0xff;

	if ((entry & MREG_IVAR_VALID) == 0 || (entry & 0x3f) >= 16)
		return;
	model_intr_raise(port, 1u << (entry & 0x3f));
}

/* EICR read or write: the EIAM bits of the causes it cleared leave EIMS
 * (X550 datasheet 7.3.1.7: with GPIE.OCD a read keeps bits 15:0 in EIMS). */
static void
intr_auto_mask_locked(struct model_port *port, uint32_t cleared)
{
	if ((mreg_read(port, MREG_GPIE) & MREG_GPIE_EIAME) == 0)
		mreg_write(port, MREG_EIMS,
			mreg_read(port, MREG_EIMS) &
				~(mreg_read(port, MREG_EIAM) & cleared));
}

/* Called by model_trap.c with the trap lock held, after the access ran. */
void
model_intr_register_access_locked(struct model_port *port, uint32_t offset,
	int is_write, uint32_t before)
{
	uint32_t written = mreg_read(port, offset);

	switch (offset) {
	case MREG_EICR: {
		uint32_t cleared = ~0u;

		if (is_write)
			cleared = written;
		else if ((mreg_read(port, MREG_GPIE) & MREG_GPIE_OCD) != 0)
			cleared = MREG_EICR_OCD_MASK;
		mreg_write(port, MREG_EICR, before & ~cleared);
		intr_auto_mask_locked(port, cleared);
		break;
	}
	case MREG_EICS:
		if (!is_write)
			break;
		mreg_write(port, MREG_EICS, 0);
		mreg_write(port, MREG_EICR,
			mreg_read(port, MREG_EICR) | written);
		intr_deliver_locked(port, written);
		break;
	case MREG_EIMS:
		if (!is_write)
			break;
		mreg_write(port, MREG_EIMS, before | written);
		intr_deliver_locked(port,
			mreg_read(port, MREG_EICR) & written & ~before);
		break;
	case MREG_EIMC:
		if (!is_write)
			break;
		mreg_write(port, MREG_EIMC, 0);
		mreg_write(port, MREG_EIMS,
			mreg_read(port, MREG_EIMS) & ~written);
		break;
	default:
		break;
	}
}
