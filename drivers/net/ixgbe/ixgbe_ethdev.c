/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe control path: PCI ids and registration, the initialisation
 * of the Intel 82599 as a walk through its datasheet (331520, section
 * 4.6.3: disable interrupts, global reset, EEPROM and DMA init done,
 * link set-up 4.6.4, statistics 4.6.5, receive 4.6.7, transmit 4.6.8,
 * per-queue enable), and start, stop and close.
 */
#include <rte_bus_pci.h>
#include <bus_pci_driver.h>
#include <rte_cycles.h>
#include <rte_malloc.h>

#include "ixgbe.h"

/* Reset, EEPROM auto-read, DMA init (ds 8.2.3.1.1: reset in about 1 ms) */
#define IXGBE_INIT_WAIT_MS 1000

#define PCI_VENDOR_ID_INTEL 0x8086

/* hardware-facts 3.1: the 82599 family, X540 and X550 (physical
 * functions only; not the X552/X553 "X550EM" SoC ports, whose link
 * goes through an internal KR PHY this driver does not program). */
/* clang-format off */
#define IXGBE_ID(id) { RTE_PCI_DEVICE(PCI_VENDOR_ID_INTEL, id) }
static const struct rte_pci_id ixgbe_pci_ids[] = {
	/* 82599: SFP+, KX4, KX4 mezz, KR, backplane, CX4, XAUI, T3 */
	IXGBE_ID(0x10FB), IXGBE_ID(0x10F7), IXGBE_ID(0x1514), IXGBE_ID(0x1517),
	IXGBE_ID(0x10F8), IXGBE_ID(0x10F9), IXGBE_ID(0x10FC), IXGBE_ID(0x151C),
	/* 82599: SFP EM, SF2, FCoE, backplane FCoE, SF QP, QSFP, EN SFP */
	IXGBE_ID(0x1507), IXGBE_ID(0x154D), IXGBE_ID(0x1529), IXGBE_ID(0x152A),
	IXGBE_ID(0x154A), IXGBE_ID(0x1558), IXGBE_ID(0x1557),
	/* X540-T2, X540-T1, X550-T2, X550-T1 */
	IXGBE_ID(0x1528), IXGBE_ID(0x1560), IXGBE_ID(0x1563), IXGBE_ID(0x15D1),
	{ .vendor_id = 0 },
};

/*
 * Link set-up per family (doc/ixgbe.md). 82599 SFP+: 10G serial (SFI)
 * forced in AUTOC. Other 82599 boards (KX4, KR, CX4, XAUI, T3): AUTOC
 * as the EEPROM loaded it, auto-negotiation restarted. X540, X550: the
 * MAC talks to an integrated copper PHY that negotiates by itself after
 * reset; AUTOC is left alone and only LINKS is read.
 */
static enum ixgbe_link_kind
ixgbe_link_kind(uint16_t device_id)
{
	switch (device_id) {
	case 0x1528: case 0x1560:
		return IXGBE_LINK_X540_PHY;
	case 0x1563: case 0x15D1:
		return IXGBE_LINK_X550_PHY;
	case 0x10FB: case 0x1507: case 0x154D: case 0x1529: case 0x154A:
	case 0x1558: case 0x1557:
		return IXGBE_LINK_82599_SFI;
	default:
		return IXGBE_LINK_82599_EEPROM;
	}
}
/* clang-format on */

int
ixgbe_wait_reg(const struct ixgbe_adapter *ad, uint32_t reg, uint32_t mask,
	uint32_t want, unsigned int timeout_ms)
{
	uint64_t deadline = rte_get_timer_cycles() +
		rte_get_timer_hz() * timeout_ms / 1000;

	for (;;) {
		if ((ixgbe_read(ad, reg) & mask) == want)
			return 0;
		if (rte_get_timer_cycles() > deadline)
			return -ETIMEDOUT;
		rte_delay_us_sleep(10);
	}
}

/* 4.6.3.1: mask every interrupt cause and clear what is pending. */
static void
ixgbe_disable_interrupts(const struct ixgbe_adapter *ad)
{
	ixgbe_write(ad, IXGBE_EIMC, 0xFFFFFFFFu);
	(void)ixgbe_read(ad, IXGBE_EICR);
}

/* 4.6.3.2: global reset; the bits clear themselves when it is over.
 * Then 10 ms (X540/X550: 100 ms, as Linux waits), interrupts masked
 * again. The 82599 resets its link too; X540/X550 keep the copper PHY's
 * link (CTRL.RST only, as Linux resets them). */
static int
ixgbe_global_reset(const struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	const bool phy = ad->link_kind >= IXGBE_LINK_X540_PHY;
	const uint32_t bits = IXGBE_CTRL_RST | IXGBE_CTRL_LNK_RST;

	ixgbe_set_bits(ad, IXGBE_CTRL, phy ? IXGBE_CTRL_RST : bits, true);
	if (ixgbe_wait_reg(ad, IXGBE_CTRL, bits, 0, IXGBE_INIT_WAIT_MS) < 0)
		return IXGBE_ERR(dev, -EIO,
			"the device did not finish its reset (CTRL.RST still 1 after %u ms): it is not an 82599 that works, or BAR0 is not its registers",
			IXGBE_INIT_WAIT_MS);
	rte_delay_us_sleep((phy ? 100 : 10) * 1000);
	ixgbe_disable_interrupts(ad);
	return 0;
}

/* 4.6.3: wait for the EEPROM auto-read, then for DMA initialisation. */
static int
ixgbe_wait_eeprom_and_dma(const struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	if (ixgbe_wait_reg(ad, IXGBE_EEC, IXGBE_EEC_ARD, IXGBE_EEC_ARD,
		    IXGBE_INIT_WAIT_MS) < 0)
		return IXGBE_ERR(dev, -EIO,
			"EEPROM auto-read not done (EEC.ARD 0 after %u ms)",
			IXGBE_INIT_WAIT_MS);
	if (ixgbe_wait_reg(ad, IXGBE_RDRXCTL, IXGBE_RDRXCTL_DMAIDONE,
		    IXGBE_RDRXCTL_DMAIDONE, IXGBE_INIT_WAIT_MS) < 0)
		return IXGBE_ERR(dev, -EIO,
			"DMA initialisation not done (RDRXCTL.DMAIDONE 0 after %u ms)",
			IXGBE_INIT_WAIT_MS);
	return 0;
}

/* 4.6.4: link set-up, as the datasheet's flows go: link mode in AUTOC,
 * then Restart_AN; LINKS says when the link is up. */
static void
ixgbe_link_setup(const struct ixgbe_adapter *ad)
{
	uint32_t autoc;

	if (ad->link_kind >= IXGBE_LINK_X540_PHY)
		return;
	autoc = ixgbe_read(ad, IXGBE_AUTOC);
	if (ad->link_kind == IXGBE_LINK_82599_SFI) {
		autoc &= ~(IXGBE_AUTOC_LMS_MASK | IXGBE_AUTOC_PMA_PMD_MASK);
		autoc |= IXGBE_AUTOC_LMS_10G_SERIAL;
		ixgbe_write(ad, IXGBE_AUTOC, autoc);
	}
	ixgbe_write(ad, IXGBE_AUTOC, autoc | IXGBE_AUTOC_AN_RESTART);
}

/* 4.6.5: the statistics registers clear on read; read them once. */
static void
ixgbe_stats_init(struct rte_eth_dev *dev)
{
	ixgbe_stats_reset(dev);
}

/* The permanent address the EEPROM loaded into RAL(0)/RAH(0). */
static void
ixgbe_read_mac(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	struct rte_ether_addr *mac = &dev->data->mac_addrs[0];
	uint32_t rah = ixgbe_read(ad, IXGBE_RAH(0));
	uint64_t rar = ixgbe_read(ad, IXGBE_RAL(0)) | (uint64_t)rah << 32;
	int i;

	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
		mac->addr_bytes[i] = (uint8_t)(rar >> (8 * i));
	if (!(rah & IXGBE_RAH_AV) || !rte_is_valid_assigned_ether_addr(mac)) {
		rte_eth_random_addr(mac->addr_bytes);
		IXGBE_LOG(WARNING,
			"%s: no valid address in RAL/RAH(0); using a random one",
			dev->data->name);
		ixgbe_mac_addr_set(dev, mac);
	}
}

/* The datasheet's 4.6.3 up to 4.6.5; receive and transmit set-up come
 * with dev_start. */
static int
ixgbe_hw_init(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	int ret;

	ixgbe_disable_interrupts(ad);
	ret = ixgbe_global_reset(dev);
	if (ret == 0)
		ret = ixgbe_wait_eeprom_and_dma(dev);
	if (ret != 0)
		return ret;
	ixgbe_read_mac(dev);
	ixgbe_link_setup(ad);
	ixgbe_stats_init(dev);
	return 0;
}

/* 4.6.11.3.4 (no DCB, no virtualisation): all of the packet buffer
 * in buffer 0 (RXPBSIZE or TXPBSIZE), none in buffers 1..7. */
static void
ixgbe_one_packet_buffer(const struct ixgbe_adapter *ad, uint32_t reg,
	uint32_t size)
{
	unsigned int i;

	for (i = 0; i < 8; i++)
		ixgbe_write(ad, reg + 4 * i, i == 0 ? size : 0);
}

/* Queue q counts in statistics register q (RQSMR/TQSM, 8.2.3.23.71/73:
 * one byte per queue). */
static const uint8_t ixgbe_qstats_map[IXGBE_NB_QSTATS] = { 0, 1, 2, 3, 4, 5, 6,
	7, 8, 9, 10, 11, 12, 13, 14, 15 };

/* 4.6.7, the port-wide part: packet buffer, CRC strip (HLREG0 and
 * RDRXCTL must agree), broadcast, frame size, RSS, queue statistics
 * mapping, no-snoop off. The queues come after. */
static void
ixgbe_rx_init(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	ixgbe_set_bits(ad, IXGBE_RXCTRL, IXGBE_RXCTRL_RXEN, false);
	ixgbe_one_packet_buffer(ad, IXGBE_RXPBSIZE(0), IXGBE_RXPBSIZE_128KB);
	ixgbe_set_bits(ad, IXGBE_HLREG0, IXGBE_HLREG0_RXCRCSTRP, true);
	ixgbe_set_bits(ad, IXGBE_RDRXCTL, IXGBE_RDRXCTL_CRCSTRIP, true);
	ixgbe_set_bits(ad, IXGBE_FCTRL, IXGBE_FCTRL_BAM, true);
	ixgbe_mtu_set(dev, dev->data->mtu);
	ixgbe_rss_program(dev);
	ixgbe_write_bytes(ad, IXGBE_RQSMR(0), ixgbe_qstats_map, IXGBE_NB_QSTATS);
	ixgbe_set_bits(ad, IXGBE_CTRL_EXT, IXGBE_CTRL_EXT_NS_DIS, true);
}

/* 4.6.8, the port-wide part: CRC and padding, packet buffer, request
 * size, with the arbiter disabled (RTTDCS.ARBDIS), then DMA transmit
 * enabled before the queues. */
static void
ixgbe_tx_init(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);

	ixgbe_set_bits(ad, IXGBE_HLREG0,
		IXGBE_HLREG0_TXCRCEN | IXGBE_HLREG0_TXPADEN, true);
	ixgbe_set_bits(ad, IXGBE_RTTDCS, IXGBE_RTTDCS_ARBDIS, true);
	ixgbe_one_packet_buffer(ad, IXGBE_TXPBSIZE(0), IXGBE_TXPBSIZE_40KB);
	ixgbe_write(ad, IXGBE_DTXMXSZRQ, 0xFFF);
	ixgbe_write_bytes(ad, IXGBE_TQSM(0), ixgbe_qstats_map, IXGBE_NB_QSTATS);
	ixgbe_set_bits(ad, IXGBE_RTTDCS, IXGBE_RTTDCS_ARBDIS, false);
	ixgbe_set_bits(ad, IXGBE_DMATXCTL, IXGBE_DMATXCTL_TE, true);
}

/* Every queue is set up: ethdev starts no port before. */
static void
ixgbe_stop_queues(struct rte_eth_dev *dev)
{
	struct ixgbe_adapter *ad = ixgbe_adapter(dev);
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++)
		ixgbe_rx_queue_stop(dev, q);
	ixgbe_set_bits(ad, IXGBE_RXCTRL, IXGBE_RXCTRL_RXEN, false);
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		ixgbe_tx_queue_stop(dev, q);
}

/* Per-queue enable (4.6.7, 4.6.8): Tx first, then the receive path
 * and the Rx queues. */
static int
ixgbe_start_queues(struct rte_eth_dev *dev)
{
	uint16_t q;
	int ret = 0;

	for (q = 0; q < dev->data->nb_tx_queues && ret == 0; q++)
		ret = ixgbe_tx_queue_start(dev, q);
	if (ret == 0)
		ixgbe_set_bits(ixgbe_adapter(dev), IXGBE_RXCTRL,
			IXGBE_RXCTRL_RXEN, true);
	for (q = 0; q < dev->data->nb_rx_queues && ret == 0; q++)
		ret = ixgbe_rx_queue_start(dev, q);
	if (ret != 0)
		ixgbe_stop_queues(dev);
	return ret;
}

int
ixgbe_dev_start(struct rte_eth_dev *dev)
{
	int ret;

	ixgbe_rx_init(dev);
	ixgbe_tx_init(dev);
	ret = ixgbe_start_queues(dev);
	if (ret != 0)
		return ret;
	ret = ixgbe_intr_start(dev);
	if (ret != 0) {
		ixgbe_stop_queues(dev);
		return ret;
	}
	(void)ixgbe_link_update(dev, 0);
	return 0;
}

int
ixgbe_dev_stop(struct rte_eth_dev *dev)
{
	struct rte_eth_link link = { .link_status = RTE_ETH_LINK_DOWN };

	ixgbe_intr_stop(dev);
	ixgbe_stop_queues(dev);
	rte_eth_linkstatus_set(dev, &link);
	return 0;
}

int
ixgbe_dev_close(struct rte_eth_dev *dev)
{
	/* Leave the device reset: no ring addresses, no DMA. */
	ixgbe_disable_interrupts(ixgbe_adapter(dev));
	return ixgbe_global_reset(dev);
}

static int
ixgbe_pci_probe(struct rte_pci_driver *drv __rte_unused,
	struct rte_pci_device *pci_dev)
{
	struct rte_eth_dev *dev;
	struct ixgbe_adapter *ad;
	int ret;

	if (pci_dev->mem_resource[0].addr == NULL ||
		pci_dev->mem_resource[0].len < 0x20000) {
		IXGBE_LOG(ERR,
			"%s: BAR0 is not mapped or smaller than 128 KB: bind the device to vfio-pci or uio_pci_generic",
			pci_dev->name);
		return -ENODEV;
	}
	dev = rte_eth_dev_allocate(pci_dev->device.name);
	if (dev == NULL)
		return -ENOMEM;
	ad = rte_zmalloc("ixgbe_adapter", sizeof(*ad), RTE_CACHE_LINE_SIZE);
	dev->data->dev_private = ad;
	dev->data->mac_addrs = rte_zmalloc("ixgbe_mac",
		RTE_ETHER_ADDR_LEN * IXGBE_NB_RAR, 0);
	if (ad == NULL || dev->data->mac_addrs == NULL) {
		ret = IXGBE_ERR(dev, -ENOMEM, "no memory for the port");
		goto fail;
	}
	ad->bar = pci_dev->mem_resource[0].addr;
	ad->link_kind = ixgbe_link_kind(pci_dev->id.device_id);
	dev->device = &pci_dev->device;
	dev->intr_handle = pci_dev->intr_handle;
	dev->dev_ops = &ixgbe_ops;
	dev->rx_pkt_burst = ixgbe_recv_pkts;
	dev->tx_pkt_burst = ixgbe_xmit_pkts;
	dev->data->numa_node = pci_dev->device.numa_node;
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC |
		RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;
	ret = ixgbe_hw_init(dev);
	if (ret != 0)
		goto fail;
	rte_eth_dev_probing_finish(dev);
	return 0;

fail:
	rte_eth_dev_release_port(dev); /* frees dev_private and mac_addrs */
	return ret;
}

static int
ixgbe_pci_remove(struct rte_pci_device *pci_dev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(pci_dev->device.name);

	if (dev == NULL)
		return 0; /* closed by the application already */
	if (dev->data->dev_started)
		(void)rte_eth_dev_stop(dev->data->port_id);
	return rte_eth_dev_close(dev->data->port_id);
}

static struct rte_pci_driver ixgbe_pci_driver = {
	.id_table = ixgbe_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
	.probe = ixgbe_pci_probe,
	.remove = ixgbe_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_ixgbe, ixgbe_pci_driver);
RTE_PMD_REGISTER_PCI_TABLE(net_ixgbe, ixgbe_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_ixgbe, "* igb_uio | uio_pci_generic | vfio-pci");
