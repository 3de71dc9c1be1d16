/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * pci_guest_check [EAL options] -- --tag TAG [--peer IFNAME]
 *                 [--mac BDF=MAC]... [--dma-fault] [--expect-refusal]
 *                 [--expect-none]
 *
 * Registers a test driver for virtio-net (1af4:1041 modern, 1af4:1000
 * legacy) on the public PCI API, lets the EAL probe the devices given with
 * -a, and checks each one in turn (see guest_check.h): --mac gives the MAC
 * address QEMU gave a device, which its config must show. With --peer, the named
 * kernel interface (the other NIC on the QEMU hub) must receive the frame
 * the device sends and its frame must land in the device's rx buffer.
 * --dma-fault (vIOMMU only) hands the device a frame by its guest-physical
 * address, which the IOMMU does not map: the peer must not receive it, and
 * the line "DMA-FAULT-IOVA x" tells the caller which page the guest
 * kernel's DMAR fault must name.
 * --expect-refusal: the EAL must refuse the device (rte_eal_init fails or
 * probes nothing); used for --iova-mode=pa with vfio type1.
 * --expect-none: the EAL must start and the driver probe nothing; used
 * without -a while every NIC belongs to the kernel.
 *
 * Exit status: 0 every check passed, 1 one failed, 2 bad usage or the EAL
 * failed to start.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <time.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "guest_check.h"

#define GUEST_MAX_DEVICES 4

static struct {
	const char *tag;
	const char *peer;
	const char *macs[GUEST_MAX_DEVICES]; /* "BDF=MAC" */
	unsigned int nb_macs;
	bool dma_fault;
	bool expect_refusal;
	bool expect_none;
} opts = { .tag = "pci" };

static struct guest_check checks[GUEST_MAX_DEVICES];
static unsigned int nb_checks;

static void
result_line(struct guest_check *ck, const char *status, const char *fmt,
	va_list ap)
{
	printf("RESULT %s %s: %s ", status, opts.tag,
		ck != NULL ? ck->pci->name : "-");
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
}

void
guest_result(struct guest_check *ck, bool pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result_line(ck, pass ? "PASS" : "FAIL", fmt, ap);
	va_end(ap);
	if (!pass && ck != NULL)
		ck->nb_fails++;
}

void
guest_skip(struct guest_check *ck, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result_line(ck, "SKIP", fmt, ap);
	va_end(ap);
}

static int
guest_probe(struct rte_pci_driver *driver, struct rte_pci_device *pci)
{
	struct guest_check *ck;

	(void)driver;
	if (nb_checks == GUEST_MAX_DEVICES)
		return -ENOSPC;
	ck = &checks[nb_checks++];
	memset(ck, 0, sizeof(*ck));
	ck->pci = pci;
	ck->tag = opts.tag;
	ck->transport = pci->id.device_id == 0x1041 ? &guest_modern_transport :
						      &guest_legacy_transport;
	ck->rxq.index = GUEST_RX_QUEUE;
	ck->txq.index = GUEST_TX_QUEUE;
	printf("  probe %s: %04x:%04x kernel driver kind %d, interrupt handle type %d\n",
		pci->name, pci->id.vendor_id, pci->id.device_id, (int)pci->kdrv,
		(int)rte_intr_type_get(pci->intr_handle));
	return 0;
}

static int
guest_remove(struct rte_pci_device *pci)
{
	(void)pci;
	return 0;
}

static const struct rte_pci_id guest_ids[] = {
	{ RTE_PCI_DEVICE(0x1af4, 0x1041) }, /* virtio-net, modern */
	{ RTE_PCI_DEVICE(0x1af4, 0x1000) }, /* virtio-net, transitional */
	{ .vendor_id = 0 },
};

static struct rte_pci_driver guest_driver = {
	.id_table = guest_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING,
	.probe = guest_probe,
	.remove = guest_remove,
};

RTE_PMD_REGISTER_PCI(net_guest_check, guest_driver);

/* The driver list's head type, for TAILQ_PREV on rte_pci_driver.next. */
TAILQ_HEAD(guest_driver_list, rte_pci_driver);

static bool
ids_overlap(const struct rte_pci_id *table)
{
	const struct rte_pci_id *id, *ours;

	for (id = table; id->vendor_id != 0; id++)
		for (ours = guest_ids; ours->vendor_id != 0; ours++)
			if (id->vendor_id == ours->vendor_id &&
				id->device_id == ours->device_id)
				return true;
	return false;
}

/*
 * libpollux.so registers its PMDs (its constructors run before ours), and
 * the bus offers a device to the drivers in registration order: the
 * virtio PMD would take the NICs this program checks on its own. Takes
 * every driver registered before ours that claims the same ids out of the
 * list, walking back from our entry.
 */
static void
drivers_ahead_unregister(void)
{
	struct rte_pci_driver *prev, *drv = &guest_driver;

	while ((prev = TAILQ_PREV(drv, guest_driver_list, next)) != NULL) {
		if (prev->id_table != NULL && ids_overlap(prev->id_table)) {
			printf("  unregistering %s, which claims the same ids\n",
				prev->driver.name);
			rte_pci_unregister(prev);
		} else {
			drv = prev;
		}
	}
}

/* On the EAL interrupt thread. INTx: reading the ISR de-asserts the line,
 * then rte_intr_ack() unmasks it (uio_pci_generic and vfio-pci mask it). */
static void
guest_interrupt(void *arg)
{
	struct guest_check *ck = arg;

	if (!ck->msix)
		(void)ck->transport->read_isr(ck);
	if (!rte_thread_is_intr())
		atomic_fetch_add(&ck->nb_off_thread, 1);
	atomic_fetch_add(&ck->nb_interrupts, 1);
	rte_intr_ack(ck->pci->intr_handle);
}

static void
check_identity(struct guest_check *ck)
{
	uint16_t ids[2] = { 0, 0 }, command = 0;

	if (rte_pci_read_config(ck->pci, ids, sizeof(ids), 0) != sizeof(ids) ||
		ids[0] != ck->pci->id.vendor_id ||
		ids[1] != ck->pci->id.device_id)
		guest_result(ck, false,
			"rte_pci_read_config: ids %04x:%04x, scan said %04x:%04x",
			ids[0], ids[1], ck->pci->id.vendor_id,
			ck->pci->id.device_id);
	else
		guest_result(ck, true,
			"probed by the test driver (%s); rte_pci_read_config reads %04x:%04x",
			ck->transport->name, ids[0], ids[1]);
	if (rte_pci_read_config(ck->pci, &command, 2, RTE_PCI_COMMAND) != 2) {
		guest_result(ck, false, "rte_pci_read_config(COMMAND) failed");
		return;
	}
	if ((command & RTE_PCI_COMMAND_MASTER) != 0) {
		guest_result(ck, true,
			"bus mastering on after mapping (COMMAND 0x%04x)",
			command);
		return;
	}
	guest_result(ck, false,
		"bus mastering off after mapping (COMMAND 0x%04x): the bus must set it",
		command);
	if (rte_pci_set_bus_master(ck->pci, true) != 0)
		guest_result(ck, false, "rte_pci_set_bus_master failed");
}

/* 3.1.1 steps 1-3, through the BAR: reset, wait for 0, ACKNOWLEDGE, DRIVER */
static int
check_reset(struct guest_check *ck)
{
	const struct guest_transport *t = ck->transport;
	uint8_t before = t->get_status(ck), status;
	uint64_t end;

	t->set_status(ck, 0);
	end = guest_now_ms() + 1000;
	while ((status = t->get_status(ck)) != 0 && guest_now_ms() < end)
		;
	if (status != 0) {
		guest_result(ck, false,
			"reset: device_status still 0x%02x after writing 0",
			status);
		return -1;
	}
	t->set_status(ck, GUEST_STATUS_ACKNOWLEDGE);
	t->set_status(ck, GUEST_STATUS_ACKNOWLEDGE | GUEST_STATUS_DRIVER);
	status = t->get_status(ck);
	guest_result(ck,
		status == (GUEST_STATUS_ACKNOWLEDGE | GUEST_STATUS_DRIVER),
		"device_status 0x%02x -> reset, read back 0 -> ACKNOWLEDGE|DRIVER, read back 0x%02x",
		before, status);
	return status == (GUEST_STATUS_ACKNOWLEDGE | GUEST_STATUS_DRIVER) ? 0 :
									    -1;
}

static void
check_mac(struct guest_check *ck, uint8_t mac[6])
{
	size_t name_len = strlen(ck->pci->name);
	const char *expected = NULL;
	char text[18];
	unsigned int i;

	for (i = 0; i < opts.nb_macs; i++)
		if (strncmp(opts.macs[i], ck->pci->name, name_len) == 0 &&
			opts.macs[i][name_len] == '=')
			expected = opts.macs[i] + name_len + 1;
	ck->transport->read_mac(ck, mac);
	snprintf(text, sizeof(text), "%02x:%02x:%02x:%02x:%02x:%02x", mac[0],
		mac[1], mac[2], mac[3], mac[4], mac[5]);
	if (expected == NULL)
		guest_skip(ck,
			"MAC %s read from the device config (no --mac to compare)",
			text);
	else
		guest_result(ck, strcmp(text, expected) == 0,
			"MAC read from the device config: %s, QEMU gave it %s",
			text, expected);
}

/* 3.1.1 steps 4-6 */
static int
negotiate(struct guest_check *ck)
{
	const struct guest_transport *t = ck->transport;
	uint64_t offered = t->get_features(ck), wanted;
	uint8_t status;

	if (t == &guest_legacy_transport) {
		t->set_features(ck, 0);
		guest_result(ck, (offered & GUEST_F_MAC) != 0,
			"legacy host features 0x%08llx read with rte_pci_ioport_read (MAC bit %s)",
			(unsigned long long)offered,
			(offered & GUEST_F_MAC) != 0 ? "set" : "missing");
		return 0;
	}
	/* a modern device needs VERSION_1; behind an IOMMU it offers
	 * ACCESS_PLATFORM, which the driver must accept (6.1) */
	wanted = GUEST_F_VERSION_1 | (offered & GUEST_F_ACCESS_PLATFORM);
	t->set_features(ck, wanted);
	t->set_status(ck, t->get_status(ck) | GUEST_STATUS_FEATURES_OK);
	status = t->get_status(ck);
	guest_result(ck,
		(status & GUEST_STATUS_FEATURES_OK) != 0 &&
			(offered & GUEST_F_VERSION_1) != 0,
		"features 0x%llx offered, 0x%llx accepted (ACCESS_PLATFORM %s), FEATURES_OK read back: status 0x%02x",
		(unsigned long long)offered, (unsigned long long)wanted,
		(offered & GUEST_F_ACCESS_PLATFORM) != 0 ? "on" : "off",
		status);
	return (status & GUEST_STATUS_FEATURES_OK) != 0 ? 0 : -1;
}

static int
setup_interrupts(struct guest_check *ck)
{
	struct rte_intr_handle *handle = ck->pci->intr_handle;
	enum rte_intr_handle_type type = rte_intr_type_get(handle);
	int ret;

	ret = rte_intr_callback_register(handle, guest_interrupt, ck);
	if (ret != 0) {
		guest_result(ck, false,
			"rte_intr_callback_register (handle type %d): %d",
			(int)type, ret);
		return -1;
	}
	ret = rte_intr_enable(handle);
	if (ret != 0) {
		guest_result(ck, false, "rte_intr_enable (handle type %d): %d",
			(int)type, ret);
		rte_intr_callback_unregister_sync(handle, guest_interrupt, ck);
		return -1;
	}
	ck->msix = type == RTE_INTR_HANDLE_VFIO_MSIX;
	guest_result(ck, true,
		"interrupt callback registered and enabled (handle type %d, %s)",
		(int)type, ck->msix ? "MSI-X vector 0" : "INTx");
	return 0;
}

static void
teardown(struct guest_check *ck, bool interrupts)
{
	const struct guest_transport *t = ck->transport;
	struct rte_intr_handle *handle = ck->pci->intr_handle;
	uint64_t end = guest_now_ms() + 1000;

	/* reset first: the device stops using the memory freed below */
	t->set_status(ck, 0);
	while (t->get_status(ck) != 0 && guest_now_ms() < end)
		;
	if (interrupts) {
		if (rte_intr_disable(handle) != 0)
			guest_result(ck, false, "rte_intr_disable failed");
		rte_intr_callback_unregister_sync(handle, guest_interrupt, ck);
	}
	guest_traffic_teardown(ck);
	t->fini(ck);
}

static void
check_device(struct guest_check *ck)
{
	uint8_t mac[6];
	bool interrupts = false;

	check_identity(ck);
	if (ck->transport->init(ck) != 0 || check_reset(ck) != 0)
		goto out;
	check_mac(ck, mac);
	if (negotiate(ck) != 0)
		goto out;
	if (setup_interrupts(ck) != 0)
		goto out;
	interrupts = true;
	if (guest_traffic_setup(ck) != 0)
		goto out;
	guest_traffic_check(ck, opts.peer);
	/* a fault proves something only where mapped memory works */
	if (opts.dma_fault && ck->nb_fails == 0)
		guest_dma_fault_check(ck, opts.peer);
	else if (opts.dma_fault)
		guest_skip(ck,
			"dma fault: DMA into mapped memory failed already");
out:
	teardown(ck, interrupts);
}

static int
parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "peer", required_argument, NULL, 'p' },
		{ "mac", required_argument, NULL, 'm' },
		{ "dma-fault", no_argument, NULL, 'f' },
		{ "expect-refusal", no_argument, NULL, 'r' },
		{ "expect-none", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (opt) {
		case 't':
			opts.tag = optarg;
			break;
		case 'p':
			opts.peer = optarg;
			break;
		case 'm':
			if (opts.nb_macs == GUEST_MAX_DEVICES)
				return -1;
			opts.macs[opts.nb_macs++] = optarg;
			break;
		case 'f':
			opts.dma_fault = true;
			break;
		case 'r':
			opts.expect_refusal = true;
			break;
		case 'n':
			opts.expect_none = true;
			break;
		default:
			fprintf(stderr,
				"usage: pci_guest_check [EAL options] -- --tag TAG [--peer IFNAME] [--mac BDF=MAC]... [--dma-fault] [--expect-refusal] [--expect-none]\n");
			return -1;
		}
	}
	return 0;
}

/* --expect-refusal: the EAL must not hand the device to the driver;
 * --expect-none: nor any device, and start all the same */
static int
check_refusal(int eal_ret)
{
	unsigned int i;

	if (eal_ret < 0 && opts.expect_none) {
		printf("RESULT FAIL %s: - rte_eal_init failed: %s\n", opts.tag,
			rte_strerror(rte_errno));
		return 1;
	}
	if (eal_ret < 0) {
		printf("RESULT PASS %s: - rte_eal_init refused: %s\n", opts.tag,
			rte_strerror(rte_errno));
		return 0;
	}
	if (nb_checks == 0) {
		printf("RESULT PASS %s: - the EAL started and the test driver probed nothing\n",
			opts.tag);
		rte_eal_cleanup();
		return 0;
	}
	for (i = 0; i < nb_checks; i++)
		printf("RESULT FAIL %s: %s probed although it should have been left alone\n",
			opts.tag, checks[i].pci->name);
	rte_eal_cleanup();
	return 1;
}

int
main(int argc, char **argv)
{
	int eal_argc = argc, ret, nb_fails = 0;
	unsigned int i;

	for (i = 1; i < (unsigned int)argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			eal_argc = (int)i;
			break;
		}
	}
	if (parse_args(argc - eal_argc, argv + eal_argc) != 0)
		return 2;
	drivers_ahead_unregister();
	ret = rte_eal_init(eal_argc, argv);
	if (opts.expect_refusal || opts.expect_none)
		return check_refusal(ret);
	if (ret < 0) {
		printf("RESULT FAIL %s: - rte_eal_init failed: %s\n", opts.tag,
			rte_strerror(rte_errno));
		return 2;
	}
	if (nb_checks == 0) {
		printf("RESULT FAIL %s: - the test driver probed no device\n",
			opts.tag);
		nb_fails++;
	}
	for (i = 0; i < nb_checks; i++) {
		check_device(&checks[i]);
		nb_fails += checks[i].nb_fails;
	}
	if (rte_eal_cleanup() != 0) {
		printf("RESULT FAIL %s: - rte_eal_cleanup failed\n", opts.tag);
		nb_fails++;
	}
	return nb_fails == 0 ? 0 : 1;
}
