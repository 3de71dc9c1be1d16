/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Masking and unmasking the interrupts of PCI devices handed to user
 * space, for rte_intr_enable(), rte_intr_disable() and rte_intr_ack().
 *
 * UIO (Documentation/driver-api/uio-howto.rst): writing a 32-bit 1 to
 * /dev/uioX unmasks the interrupt, 0 masks it (igb_uio). uio_pci_generic
 * has no such control: the Interrupt Disable bit (bit 10) of the PCI
 * Command register (config offset 0x04, PCI Local Bus 3.0 section 6.2.2)
 * is flipped through the config fd (dev_fd) instead.
 *
 * VFIO (include/uapi/linux/vfio.h): VFIO_DEVICE_SET_IRQS on the device fd
 * attaches eventfds to an IRQ index (MSI-X, MSI, INTx, request) or
 * detaches them; INTx is also masked and unmasked with it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/vfio.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "eal_intr.h"
#include "eal_private.h"

#define PCI_COMMAND_OFFSET	 0x04
#define PCI_COMMAND_INTX_DISABLE 0x0400

unsigned int
eal_intr_read_size(const struct rte_intr_handle *handle)
{
	switch (handle->type) {
	case RTE_INTR_HANDLE_UIO:
	case RTE_INTR_HANDLE_UIO_INTX:
		return sizeof(uint32_t);
	case RTE_INTR_HANDLE_VFIO_MSIX:
	case RTE_INTR_HANDLE_VFIO_MSI:
	case RTE_INTR_HANDLE_VFIO_LEGACY:
	case RTE_INTR_HANDLE_ALARM:
		return sizeof(uint64_t); /* eventfd and timerfd counters */
	default:
		return 0; /* the callback reads the fd itself */
	}
}

static int
uio_write_mask(const struct rte_intr_handle *handle, uint32_t value)
{
	if (write(handle->fd, &value, sizeof(value)) != sizeof(value)) {
		EAL_LOG(ERR, "cannot %s the UIO interrupt of fd %d: %s\n",
			value != 0 ? "unmask" : "mask", handle->fd,
			strerror(errno));
		return -errno;
	}
	return 0;
}

static int
uio_intx_set(const struct rte_intr_handle *handle, bool enable)
{
	uint16_t command;

	if (pread(handle->dev_fd, &command, sizeof(command),
		    PCI_COMMAND_OFFSET) != sizeof(command))
		goto fail;
	if (enable)
		command &= ~PCI_COMMAND_INTX_DISABLE;
	else
		command |= PCI_COMMAND_INTX_DISABLE;
	if (pwrite(handle->dev_fd, &command, sizeof(command),
		    PCI_COMMAND_OFFSET) != sizeof(command))
		goto fail;
	return 0;

fail:
	EAL_LOG(ERR, "cannot %s INTx through PCI config fd %d: %s\n",
		enable ? "enable" : "disable", handle->dev_fd, strerror(errno));
	return -errno;
}

/* VFIO_DEVICE_SET_IRQS with count eventfds (fds may be NULL: none). */
static int
vfio_set_irqs(const struct rte_intr_handle *handle, uint32_t index,
	uint32_t action, uint32_t count, const int *fds)
{
	size_t data_len = fds != NULL ? sizeof(int) * count : 0;
	struct vfio_irq_set *set = calloc(1, sizeof(*set) + data_len);
	int ret;

	if (set == NULL)
		return -ENOMEM;
	set->argsz = sizeof(*set) + data_len;
	set->flags = action |
		(fds != NULL ? VFIO_IRQ_SET_DATA_EVENTFD :
			       VFIO_IRQ_SET_DATA_NONE);
	set->index = index;
	set->start = 0;
	set->count = count;
	if (fds != NULL)
		memcpy(set->data, fds, data_len);
	ret = ioctl(handle->dev_fd, VFIO_DEVICE_SET_IRQS, set);
	ret = ret < 0 ? -errno : 0;
	free(set);
	if (ret < 0)
		EAL_LOG(ERR,
			"VFIO_DEVICE_SET_IRQS (index %u, %u vectors) on "
			"device fd %d failed: %s\n",
			index, count, handle->dev_fd, strerror(-ret));
	return ret;
}

/* MSI-X: vector 0 is the handle's fd, vectors 1.. the Rx/Tx event fds. */
static int
vfio_msix_enable(const struct rte_intr_handle *handle)
{
	uint32_t count = 1, i;
	int *fds, ret;

	if (handle->max_intr > 1)
		count = RTE_MIN((uint32_t)handle->max_intr, handle->nb_efd + 1);
	fds = calloc(count, sizeof(*fds));
	if (fds == NULL)
		return -ENOMEM;
	fds[RTE_INTR_VEC_ZERO_OFFSET] = handle->fd;
	for (i = RTE_INTR_VEC_RXTX_OFFSET; i < count; i++)
		fds[i] = handle->efds[i - RTE_INTR_VEC_RXTX_OFFSET];
	ret = vfio_set_irqs(handle, VFIO_PCI_MSIX_IRQ_INDEX,
		VFIO_IRQ_SET_ACTION_TRIGGER, count, fds);
	free(fds);
	return ret;
}

static int
vfio_intx_enable(const struct rte_intr_handle *handle)
{
	int ret = vfio_set_irqs(handle, VFIO_PCI_INTX_IRQ_INDEX,
		VFIO_IRQ_SET_ACTION_TRIGGER, 1, &handle->fd);

	if (ret < 0)
		return ret;
	return vfio_set_irqs(handle, VFIO_PCI_INTX_IRQ_INDEX,
		VFIO_IRQ_SET_ACTION_UNMASK, 1, NULL);
}

static int
vfio_intx_disable(const struct rte_intr_handle *handle)
{
	int ret = vfio_set_irqs(handle, VFIO_PCI_INTX_IRQ_INDEX,
		VFIO_IRQ_SET_ACTION_MASK, 1, NULL);

	if (ret < 0)
		return ret;
	return vfio_set_irqs(handle, VFIO_PCI_INTX_IRQ_INDEX,
		VFIO_IRQ_SET_ACTION_TRIGGER, 0, NULL);
}

static bool
dev_fd_valid(const struct rte_intr_handle *handle)
{
	if (handle->dev_fd >= 0)
		return true;
	EAL_LOG(ERR, "interrupt handle of fd %d has no device fd\n", handle->fd);
	return false;
}

int
eal_intr_dev_enable(const struct rte_intr_handle *handle)
{
	if (handle->type != RTE_INTR_HANDLE_UIO && !dev_fd_valid(handle))
		return -EINVAL;
	switch (handle->type) {
	case RTE_INTR_HANDLE_UIO:
		return uio_write_mask(handle, 1);
	case RTE_INTR_HANDLE_UIO_INTX:
		return uio_intx_set(handle, true);
	case RTE_INTR_HANDLE_VFIO_MSIX:
		return vfio_msix_enable(handle);
	case RTE_INTR_HANDLE_VFIO_MSI:
		return vfio_set_irqs(handle, VFIO_PCI_MSI_IRQ_INDEX,
			VFIO_IRQ_SET_ACTION_TRIGGER, 1, &handle->fd);
	case RTE_INTR_HANDLE_VFIO_LEGACY:
		return vfio_intx_enable(handle);
	default: /* RTE_INTR_HANDLE_VFIO_REQ */
		return vfio_set_irqs(handle, VFIO_PCI_REQ_IRQ_INDEX,
			VFIO_IRQ_SET_ACTION_TRIGGER, 1, &handle->fd);
	}
}

int
eal_intr_dev_disable(const struct rte_intr_handle *handle)
{
	if (handle->type != RTE_INTR_HANDLE_UIO && !dev_fd_valid(handle))
		return -EINVAL;
	switch (handle->type) {
	case RTE_INTR_HANDLE_UIO:
		return uio_write_mask(handle, 0);
	case RTE_INTR_HANDLE_UIO_INTX:
		return uio_intx_set(handle, false);
	case RTE_INTR_HANDLE_VFIO_MSIX:
		return vfio_set_irqs(handle, VFIO_PCI_MSIX_IRQ_INDEX,
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, NULL);
	case RTE_INTR_HANDLE_VFIO_MSI:
		return vfio_set_irqs(handle, VFIO_PCI_MSI_IRQ_INDEX,
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, NULL);
	case RTE_INTR_HANDLE_VFIO_LEGACY:
		return vfio_intx_disable(handle);
	default: /* RTE_INTR_HANDLE_VFIO_REQ */
		return vfio_set_irqs(handle, VFIO_PCI_REQ_IRQ_INDEX,
			VFIO_IRQ_SET_ACTION_TRIGGER, 0, NULL);
	}
}

int
eal_intr_dev_ack(const struct rte_intr_handle *handle)
{
	switch (handle->type) {
	case RTE_INTR_HANDLE_UIO:
		return uio_write_mask(handle, 1);
	case RTE_INTR_HANDLE_UIO_INTX:
		return dev_fd_valid(handle) ? uio_intx_set(handle, true) :
					      -EINVAL;
	case RTE_INTR_HANDLE_VFIO_LEGACY:
		/* The kernel masks INTx when it fires; unmask for the next. */
		if (!dev_fd_valid(handle))
			return -EINVAL;
		return vfio_set_irqs(handle, VFIO_PCI_INTX_IRQ_INDEX,
			VFIO_IRQ_SET_ACTION_UNMASK, 1, NULL);
	default:
		return 0; /* MSI and MSI-X need no acknowledgement */
	}
}
