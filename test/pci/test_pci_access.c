/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Reaching a mapped device on a fake sysfs tree: configuration space
 * reads and writes, the bus master bit, the extended capability walk,
 * I/O ports on a file-backed I/O BAR (and a memory BAR), INTx through
 * the uioN FIFO and MSI-X through pollux-msix FIFOs on the EAL interrupt
 * thread, and Rx vectors through rte_epoll_wait().
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <time.h>

#include <rte_eal.h>
#include <rte_epoll.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "test_helpers.h"
#include "../eal/eal_test_run.h"
#include "fake_pci.h"
#include "pci_test.h"
#include "pci_private.h"

#define EAL_ARGS "--no-huge -l 0"
#define DEV_A	 "0000:00:04.0"
#define DEV_M	 "0000:00:05.0"

static struct fake_tree tree;

/* A: legacy virtio-like, I/O BAR 0, memory BAR 1, 4 KiB config space. */
static const struct fake_dev dev_a = {
	.addr = DEV_A,
	.vendor = 0x1b36,
	.device = 0x0005,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "uio_pci_generic",
	.uio_num = 0,
	.uio_node = true,
	.iommu_group = -1,
	.config_size = 4096,
	.bars = { { .len = 0x40, .io = true }, { .len = 0x1000 } },
};

/* M: an 82599-like device with three MSI-X vectors, 256 B config. */
static const struct fake_dev dev_m = {
	.addr = DEV_M,
	.vendor = 0x1b36,
	.device = 0x0006,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "uio_pci_generic",
	.uio_num = 1,
	.uio_node = true,
	.nb_msix = 3,
	.iommu_group = -1,
	.bars = { { .len = 0x20000 } },
};

/* Extended capabilities of A: AER at 0x100, then SR-IOV at 0x140. */
static int
write_ext_caps(void)
{
	uint32_t aer = 0x01 | (1u << 16) | (0x140u << 20);
	uint32_t sriov = 0x10 | (1u << 16);

	return fake_file_io(&tree, DEV_A, "config", &aer, 4, 0x100, true) |
		fake_file_io(&tree, DEV_A, "config", &sriov, 4, 0x140, true);
}

static int
tree_setup(void **state)
{
	(void)state;
	memset(&seen, 0, sizeof(seen));
	if (fake_tree_create(&tree) < 0 || fake_dev_add(&tree, &dev_a) < 0 ||
		fake_dev_add(&tree, &dev_m) < 0 || write_ext_caps() < 0)
		return -1;
	fake_pci_env(&tree);
	return 0;
}

static int
tree_teardown(void **state)
{
	(void)state;
	fake_tree_destroy(&tree);
	return 0;
}

static int
check_config(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a = pcitest_find(DEV_A);
	struct rte_pci_device *m = pcitest_find(DEV_M);
	uint32_t value = 0x12345678, back = 0;
	uint16_t vendor = 0, command = 0;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (a == NULL || m == NULL)
		return 1;
	if (rte_pci_read_config(a, &vendor, 2, RTE_PCI_VENDOR_ID) != 2 ||
		vendor != 0x1b36)
		return 2;
	if (rte_pci_write_config(a, &value, 4, 0x40) != 4 ||
		fake_file_io(&tree, DEV_A, "config", &back, 4, 0x40, false) <
			0 ||
		back != value)
		return 3;
	if (rte_pci_read_config(a, &back, 4, 0x40) != 4 || back != value)
		return 4;
	/* Mapping turned bus mastering on; the call turns it off and on. */
	if (fake_file_io(&tree, DEV_A, "config", &command, 2, RTE_PCI_COMMAND,
		    false) < 0 ||
		!(command & RTE_PCI_COMMAND_MASTER))
		return 5;
	if (rte_pci_set_bus_master(a, false) != 0 ||
		fake_file_io(&tree, DEV_A, "config", &command, 2,
			RTE_PCI_COMMAND, false) < 0 ||
		(command & RTE_PCI_COMMAND_MASTER))
		return 6;
	if (rte_pci_set_bus_master(a, true) != 0 ||
		fake_file_io(&tree, DEV_A, "config", &command, 2,
			RTE_PCI_COMMAND, false) < 0 ||
		!(command & RTE_PCI_COMMAND_MASTER))
		return 7;
	if (rte_pci_find_ext_capability(a, RTE_PCI_EXT_CAP_ID_ERR) != 0x100 ||
		rte_pci_find_ext_capability(a, RTE_PCI_EXT_CAP_ID_SRIOV) !=
			0x140 ||
		rte_pci_find_ext_capability(a, RTE_PCI_EXT_CAP_ID_DSN) != 0)
		return 8;
	/* 256 bytes of config space: no extended capabilities at all. */
	if (rte_pci_find_ext_capability(m, RTE_PCI_EXT_CAP_ID_SRIOV) != 0)
		return 9;
	if (rte_pci_read_config(NULL, &back, 4, 0) >= 0 ||
		rte_pci_read_config(a, NULL, 4, 0) >= 0 ||
		rte_pci_read_config(a, &back, 4, -1) >= 0 ||
		rte_pci_set_bus_master(NULL, true) != -1 ||
		rte_pci_find_ext_capability(NULL, 1) >= 0)
		return 10;
	return 0;
}

static void
test_config(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(EAL_ARGS, check_config, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
}

static int
check_ioport(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a = pcitest_find(DEV_A);
	struct rte_pci_ioport io, mem, bad;
	uint8_t bytes[6] = { 1, 2, 3, 4, 5, 6 }, back[6] = { 0 };
	uint32_t word = 0xdeadbeef, file_word = 0;
	uint16_t half = 0;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (a == NULL || rte_pci_ioport_map(a, 0, &io) != 0)
		return 1;
	rte_pci_ioport_write(&io, &word, 4, 0x10);
	if (fake_file_io(&tree, DEV_A, "resource0", &file_word, 4, 0x10,
		    false) < 0 ||
		file_word != word)
		return 2;
	/* 6 bytes at 0x12: widths 2, 4 as alignment allows. */
	rte_pci_ioport_write(&io, bytes, sizeof(bytes), 0x12);
	rte_pci_ioport_read(&io, back, sizeof(back), 0x12);
	if (memcmp(bytes, back, sizeof(bytes)) != 0)
		return 3;
	rte_pci_ioport_read(&io, &half, 2, 0x10);
	if (half != 0xbeef)
		return 4;
	/* Out of range: refused with one line, nothing written. */
	rte_pci_ioport_write(&io, &word, 4, 0x3e);
	if (rte_pci_ioport_unmap(&io) != 0)
		return 5;
	/* A memory BAR through the same calls. */
	if (rte_pci_ioport_map(a, 1, &mem) != 0)
		return 6;
	rte_pci_ioport_write(&mem, &word, 4, 0x20);
	if (memcmp(RTE_PTR_ADD(a->mem_resource[1].addr, 0x20), &word, 4) != 0)
		return 7;
	rte_pci_ioport_unmap(&mem);
	if (rte_pci_ioport_map(a, 2, &bad) != -EINVAL ||
		rte_pci_ioport_map(a, 6, &bad) != -EINVAL ||
		rte_pci_ioport_map(NULL, 0, &bad) != -EINVAL ||
		rte_pci_ioport_unmap(NULL) != -EINVAL)
		return 8;
	return 0;
}

static void
test_ioport(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(EAL_ARGS, check_ioport, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
	assert_non_null(strstr(r.err_text,
		"rte_pci_ioport_write(): bad port, "
		"buffer or range"));
}

/* Writes one interrupt into a FIFO of the tree (count bytes). */
static int
raise_fifo(const char *path, uint64_t value, size_t count)
{
	int fd = open(path, O_WRONLY | O_NONBLOCK);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, &value, count);
	close(fd);
	return n == (ssize_t)count ? 0 : -1;
}

static int
check_intx(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a = pcitest_find(DEV_A);
	uint16_t command = PCI_COMMAND_INTX_DISABLE | RTE_PCI_COMMAND_MASTER;
	char fifo[PATH_MAX];

	(void)argc;
	(void)argv;
	(void)consumed;
	if (a == NULL ||
		rte_intr_type_get(a->intr_handle) != RTE_INTR_HANDLE_UIO_INTX)
		return 1;
	/* As uio_pci_generic's handler does: INTx masked in config. */
	if (fake_file_io(&tree, DEV_A, "config", &command, 2, RTE_PCI_COMMAND,
		    true) < 0)
		return 2;
	if (rte_intr_callback_register(a->intr_handle, intr_cb, NULL) != 0 ||
		rte_intr_enable(a->intr_handle) != 0)
		return 3;
	if (fake_file_io(&tree, DEV_A, "config", &command, 2, RTE_PCI_COMMAND,
		    false) < 0 ||
		(command & PCI_COMMAND_INTX_DISABLE) ||
		!(command & RTE_PCI_COMMAND_MASTER))
		return 4;
	snprintf(fifo, sizeof(fifo), "%s/dev/uio0", tree.root);
	if (raise_fifo(fifo, 1, 4) < 0 || !wait_intr(1))
		return 5;
	if (raise_fifo(fifo, 2, 4) < 0 || !wait_intr(2))
		return 6;
	if (rte_intr_disable(a->intr_handle) != 0 ||
		fake_file_io(&tree, DEV_A, "config", &command, 2,
			RTE_PCI_COMMAND, false) < 0 ||
		!(command & PCI_COMMAND_INTX_DISABLE))
		return 7;
	if (rte_intr_callback_unregister_sync(a->intr_handle, intr_cb, NULL) !=
		1)
		return 8;
	return 0;
}

static void
test_intx(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(EAL_ARGS, check_intx, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
}

static int
check_msix_rx(struct rte_pci_device *m)
{
	struct rte_intr_handle *h = m->intr_handle;
	struct rte_epoll_event events[2];
	char fifo[PATH_MAX];
	static int queue_data[2];
	int q, n;

	if (rte_intr_efd_enable(h, 3) == 0)
		return 20; /* only two Rx vectors exist */
	if (rte_intr_efd_enable(h, 2) != 0 || !rte_intr_dp_is_en(h) ||
		!rte_intr_allow_others(h) || !rte_intr_cap_multiple(h))
		return 21;
	for (q = 0; q < 2; q++)
		if (rte_intr_rx_ctl(h, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_ADD,
			    RTE_INTR_VEC_RXTX_OFFSET + q, &queue_data[q]) != 0)
			return 22;
	/* The model raises vector 2: Rx queue 1. */
	snprintf(fifo, sizeof(fifo), "%s/devices/%s/pollux-msix/2", tree.root,
		DEV_M);
	if (raise_fifo(fifo, 1, 8) < 0)
		return 23;
	n = rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 2, 2000);
	if (n != 1 || events[0].epdata.data != &queue_data[1])
		return 24;
	/* Drained: nothing more. */
	if (rte_epoll_wait(RTE_EPOLL_PER_THREAD, events, 2, 10) != 0)
		return 25;
	rte_intr_efd_disable(h);
	return 0;
}

static int
check_msix(int argc, char **argv, int consumed)
{
	struct rte_pci_device *m = pcitest_find(DEV_M);
	char fifo[PATH_MAX];
	int ret;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (m == NULL ||
		rte_intr_type_get(m->intr_handle) != RTE_INTR_HANDLE_VFIO_MSIX)
		return 1;
	if (rte_intr_callback_register(m->intr_handle, intr_cb, NULL) != 0 ||
		rte_intr_enable(m->intr_handle) != 0)
		return 2;
	snprintf(fifo, sizeof(fifo), "%s/devices/%s/pollux-msix/0", tree.root,
		DEV_M);
	if (raise_fifo(fifo, 1, 8) < 0 || !wait_intr(1))
		return 3;
	ret = check_msix_rx(m);
	if (ret != 0)
		return ret;
	/* Disabled: the thread stops watching; enabled: the pending one. */
	if (rte_intr_disable(m->intr_handle) != 0 || raise_fifo(fifo, 1, 8) < 0)
		return 4;
	usleep(50000);
	if (__atomic_load_n(&intr_count, __ATOMIC_ACQUIRE) != 1)
		return 5;
	if (rte_intr_enable(m->intr_handle) != 0 || !wait_intr(2))
		return 6;
	if (rte_intr_callback_unregister_sync(m->intr_handle, intr_cb, NULL) !=
		1)
		return 7;
	return 0;
}

static void
test_msix(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(EAL_ARGS, check_msix, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
}

/* igb_uio: the interrupt is (un)masked by writing 1 or 0 to /dev/uioN
 * (here a regular file, to read back what was written). */
static const struct fake_dev dev_igb = {
	.addr = "0000:00:06.0",
	.vendor = 0x1b36,
	.device = 0x0006,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "igb_uio",
	.uio_num = 2,
	.iommu_group = -1,
	.bars = { { .len = 0x1000 } },
};

static int
check_igb_uio(int argc, char **argv, int consumed)
{
	struct rte_pci_device *dev = pcitest_find("0000:00:06.0");
	char path[PATH_MAX];
	int32_t values[3] = { -1, -1, -1 };
	int fd;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (dev == NULL || dev->kdrv != RTE_PCI_KDRV_IGB_UIO ||
		rte_intr_type_get(dev->intr_handle) != RTE_INTR_HANDLE_UIO)
		return 1;
	if (rte_intr_enable(dev->intr_handle) != 0 ||
		rte_intr_disable(dev->intr_handle) != 0 ||
		rte_intr_ack(dev->intr_handle) != 0)
		return 2;
	snprintf(path, sizeof(path), "%s/dev/uio2", tree.root);
	fd = open(path, O_RDONLY);
	if (fd < 0 || read(fd, values, sizeof(values)) != sizeof(values))
		return 3;
	close(fd);
	return values[0] == 1 && values[1] == 0 && values[2] == 1 ? 0 : 4;
}

static void
test_igb_uio(void **state)
{
	struct eal_run r;

	(void)state;
	assert_int_equal(fake_dev_add(&tree, &dev_igb), 0);
	assert_int_equal(fake_write(tree.root, "dev/uio2", "%s", ""), 0);
	eal_run(EAL_ARGS " -a 0000:00:06.0", check_igb_uio, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_config, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_ioport, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_intx, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_msix, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_igb_uio, tree_setup,
			tree_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
