/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe link and interrupts (registers: datasheet 8.2.3.5).
 *
 * MSI-X (vfio-pci, or a model's pollux-msix FIFOs): vector 0 carries the
 * "other" causes, LSC among them (IVAR_MISC), and Rx queue q has vector
 * q + 1 (IVAR), auto-cleared (EIAC) and auto-masked (EIAM, GPIE.EIAME)
 * so that each Rx interrupt is one-shot until rx_queue_intr_enable.
 * INTx (uio): one interrupt; EICR says which causes. The handler runs
 * on the EAL interrupt thread.
 */
#include <rte_interrupts.h>

#include "ixgbe.h"

#define IXGBE_LINK_WAIT_MS   1000
#define IXGBE_MAX_RX_VECTORS 15 /* EIMS bits 1..15 */

int
ixgbe_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	/* LINKS.SPEED; on an X550 with NON_STD, 11b is 2.5G, 01b 5G. */
	/* clang-format off */
	static const uint32_t speeds[2][4] = {
		{ 0, RTE_ETH_SPEED_NUM_100M, RTE_ETH_SPEED_NUM_1G,
			RTE_ETH_SPEED_NUM_10G },
		{ 0, RTE_ETH_SPEED_NUM_5G, RTE_ETH_SPEED_NUM_1G,
			RTE_ETH_SPEED_NUM_2_5G },
	};
	/* clang-format on */
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct rte_eth_link link = { .link_status = RTE_ETH_LINK_DOWN };
	uint32_t links;
	bool nbase_t;

	if (wait_to_complete)
		(void)ixgbe_wait_reg(ad, IXGBE_LINKS, IXGBE_LINKS_UP,
			IXGBE_LINKS_UP, IXGBE_LINK_WAIT_MS);
	links = ixgbe_read(ad, IXGBE_LINKS);
	if (links & IXGBE_LINKS_UP) {
		link.link_status = RTE_ETH_LINK_UP;
		link.link_duplex = RTE_ETH_LINK_FULL_DUPLEX;
		nbase_t = ad->link_kind == IXGBE_LINK_X550_PHY &&
			(links & IXGBE_LINKS_SPEED_NON_STD) != 0;
		link.link_speed =
			speeds[nbase_t][(links >> IXGBE_LINKS_SPEED_SHIFT) &
				IXGBE_LINKS_SPEED_MASK];
	}
	link.link_autoneg = RTE_ETH_LINK_AUTONEG;
	return rte_eth_linkstatus_set(dev, &link);
}

/* Vector 0 (or the INTx line): learn and clear the causes, report a
 * changed link, unmask, and let the next interrupt come. */
static void
ixgbe_intr_handler(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint32_t eicr = ixgbe_read(ad, IXGBE_EICR);

	/* Write-1-to-clear, leaving the Rx vectors' own causes alone. */
	ixgbe_write(ad, IXGBE_EICR, eicr & ~IXGBE_EICR_RTX_QUEUE);
	if ((eicr & IXGBE_EICR_LSC) && ixgbe_link_update(dev, 0) == 0 &&
		dev->data->dev_conf.intr_conf.lsc)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	ixgbe_write(ad, IXGBE_EIMS, IXGBE_EICR_LSC);
	rte_intr_ack(dev->intr_handle);
}

static int
ixgbe_rx_vectors_setup(struct rte_eth_dev *dev)
{
	struct rte_intr_handle *handle = dev->intr_handle;
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint16_t nb = dev->data->nb_rx_queues, q;
	uint32_t entry, ivar = 0;

	if (nb > IXGBE_MAX_RX_VECTORS || rte_intr_efd_enable(handle, nb) < 0 ||
		rte_intr_vec_list_alloc(handle, "ixgbe_rx_vec", nb) < 0) {
		rte_intr_efd_disable(handle);
		return IXGBE_ERR(dev, -ENOTSUP,
			"no interrupt vector for each of %u Rx queues (at most %u): use fewer queues or clear intr_conf.rxq",
			nb, IXGBE_MAX_RX_VECTORS);
	}
	ad->rx_intr_mask = 0;
	for (q = 0; q < nb; q++) {
		rte_intr_vec_list_index_set(handle, q,
			RTE_INTR_VEC_RXTX_OFFSET + q);
		/* IVAR(q / 2): even q in bits 7:0, odd q in 23:16; the Tx
		 * entries (15:8, 31:24) stay 0, not valid. */
		entry = (q + 1u) | IXGBE_IVAR_ALLOC_VAL;
		ivar = (q & 1) != 0 ? ivar | entry << 16 : entry;
		ixgbe_write(ad, IXGBE_IVAR(q / 2), ivar);
		ad->rx_intr_mask |= 1u << (q + 1);
	}
	ixgbe_write(ad, IXGBE_EIAC, ad->rx_intr_mask);
	ixgbe_write(ad, IXGBE_EIAM, ad->rx_intr_mask);
	return 0;
}

int
ixgbe_intr_start(struct rte_eth_dev *dev)
{
	const struct rte_eth_intr_conf *conf = &dev->data->dev_conf.intr_conf;
	struct rte_intr_handle *handle = dev->intr_handle;
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	int ret;

	if (!conf->lsc && !conf->rxq)
		return 0;
	/* INTx (the handle's type is the device's for good): GPIE keeps
	 * its reset value, 0. */
	if (rte_intr_type_get(handle) == RTE_INTR_HANDLE_VFIO_MSIX) {
		ixgbe_write(ad, IXGBE_GPIE,
			IXGBE_GPIE_MSIX_MODE | IXGBE_GPIE_PBA_SUPPORT |
				IXGBE_GPIE_EIAME);
		/* Other causes (LSC) on vector 0, entry valid. */
		ixgbe_write(ad, IXGBE_IVAR_MISC, IXGBE_IVAR_ALLOC_VAL << 8);
	}
	if (conf->rxq) {
		ret = ixgbe_rx_vectors_setup(dev);
		if (ret != 0)
			return ret;
	}
	ret = rte_intr_callback_register(handle, ixgbe_intr_handler, dev);
	if (ret != 0) {
		ixgbe_intr_stop(dev);
		return IXGBE_ERR(dev, ret,
			"cannot register the interrupt handler (%d)", ret);
	}
	ad->lsc_registered = true;
	ixgbe_write(ad, IXGBE_EIMS, IXGBE_EICR_LSC);
	rte_intr_enable(handle);
	return 0;
}

void
ixgbe_intr_stop(struct rte_eth_dev *dev)
{
	struct rte_intr_handle *handle = dev->intr_handle;
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	ixgbe_write(ad, IXGBE_EIMC, 0xFFFFFFFFu);
	if (ad->lsc_registered) {
		rte_intr_disable(handle);
		/* Stopping from an LSC callback: its removal must wait. */
		if (rte_thread_is_intr())
			rte_intr_callback_unregister_pending(handle,
				ixgbe_intr_handler, dev, NULL);
		else
			rte_intr_callback_unregister_sync(handle,
				ixgbe_intr_handler, dev);
		ad->lsc_registered = false;
	}
	if (ad->rx_intr_mask != 0) {
		ixgbe_write(ad, IXGBE_EIAC, 0);
		ixgbe_write(ad, IXGBE_EIAM, 0);
		rte_intr_efd_disable(handle);
		rte_intr_vec_list_free(handle);
		ad->rx_intr_mask = 0;
	}
}

/* Unmasks (EIMS) or masks (EIMC) the vector of an Rx queue. */
static int
ixgbe_rx_intr_mask(struct rte_eth_dev *dev, uint16_t queue_id, uint32_t reg)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint32_t bit = 1u << (queue_id + 1);

	if (queue_id >= IXGBE_MAX_RX_VECTORS || !(ad->rx_intr_mask & bit))
		return -EINVAL;
	ixgbe_write(ad, reg, bit);
	return 0;
}

int
ixgbe_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	return ixgbe_rx_intr_mask(dev, queue_id, IXGBE_EIMS);
}

int
ixgbe_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	return ixgbe_rx_intr_mask(dev, queue_id, IXGBE_EIMC);
}
