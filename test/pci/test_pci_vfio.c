/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The bus's VFIO code against a fake VFIO kernel (fake_vfio.h), since
 * this host has no vfio: the open sequence (container, group, IOMMU type,
 * device, reset), BARs mmap'd from the device fd and I/O BARs reached by
 * pread/pwrite at the region offset, config space through the config
 * region, MSI-X eventfds attached by rte_intr_enable() and delivered on
 * the interrupt thread, Rx vectors, DMA mapping of every segment at start
 * and of segments added and freed later, several devices in one
 * container, the no-IOMMU type, a group the kernel calls not viable, and
 * close (reset, IRQs off, groups and container released, no fd left).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <time.h>
#include <sys/eventfd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include "test_helpers.h"
#include "../eal/eal_test_run.h"
#include "fake_pci.h"
#include "pci_test.h"
#include "fake_vfio.h"

#define EAL_ARGS "--no-huge -l 0 -m 16"
/* No -m: with --no-huge, -m caps memory, and check_dma() needs it to grow. */
#define EAL_ARGS_GROW "--no-huge -l 0"
#define DEV_A	      "0000:00:04.0"
#define DEV_B	      "0000:00:05.0"

static struct fake_tree tree;

static const struct fake_dev dev_a = {
	.addr = DEV_A,
	.vendor = 0x1b36,
	.device = 0x0005,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "vfio-pci",
	.uio_num = -1,
	.iommu_group = 5,
	.config_size = 4096,
	.bars = { { .len = 0x40, .io = true },
		{ .len = 0x1000 }, [4] = { .len = 0x4000 } },
};

static const struct fake_dev dev_b = {
	.addr = DEV_B,
	.vendor = 0x1b36,
	.device = 0x0006,
	.class_id = 0x020000,
	.numa_node = -1,
	.driver = "vfio-pci",
	.uio_num = -1,
	.iommu_group = 6,
	.bars = { { .len = 0x20000 } },
};

static int
tree_setup(void **state)
{
	(void)state;
	memset(&seen, 0, sizeof(seen));
	memset(&fake_vfio, 0, sizeof(fake_vfio));
	if (fake_tree_create(&tree) < 0 || fake_dev_add(&tree, &dev_a) < 0 ||
		fake_dev_add(&tree, &dev_b) < 0 ||
		fake_write(tree.root, "dev/vfio/vfio", "%s", "") < 0 ||
		fake_write(tree.root, "dev/vfio/5", "%s", "") < 0 ||
		fake_write(tree.root, "dev/vfio/6", "%s", "") < 0)
		return -1;
	fake_pci_env(&tree);
	fake_vfio_setup();
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
dma_mapped_count(void)
{
	int i, n = 0;

	for (i = 0; i < fake_vfio.nb_dma; i++)
		n += fake_vfio.dma[i].mapped;
	return n;
}

static int
segment_is_mapped(const struct rte_memseg_list *msl,
	const struct rte_memseg *ms, void *arg)
{
	int i;

	(void)msl;
	(void)arg;
	for (i = 0; i < fake_vfio.nb_dma; i++)
		if (fake_vfio.dma[i].mapped &&
			fake_vfio.dma[i].iova == ms->iova &&
			fake_vfio.dma[i].vaddr == (uintptr_t)ms->addr &&
			fake_vfio.dma[i].size == ms->len)
			return 0;
	return 1; /* stop: this one is not */
}

static int
count_segment(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
	void *arg)
{
	(void)msl;
	(void)ms;
	(*(int *)arg)++;
	return 0;
}

/* The container maps exactly the EAL's segments, each at IOVA = VA. */
static bool
dma_matches_memory(void)
{
	int segments = 0;

	if (rte_memseg_walk(segment_is_mapped, NULL) != 0 ||
		rte_memseg_walk(count_segment, &segments) != 0)
		return false;
	return segments == dma_mapped_count();
}

/* Memory: all mapped at start, the new segments of large allocations
 * mapped when added and unmapped when given back. */
static int
check_dma(void)
{
	void *big[2], *small = rte_malloc("vfio_test", 64, 0);
	int before = dma_mapped_count(), grown;

	/* Memory grows on demand: the small block makes the first segment. */
	if (small == NULL || before == 0 || !dma_matches_memory())
		return 30;
	big[0] = rte_malloc("vfio_test", 16 << 20, 0);
	big[1] = rte_malloc("vfio_test", 16 << 20, 0);
	if (big[0] == NULL || big[1] == NULL)
		return 31;
	grown = dma_mapped_count();
	if (grown <= before || !dma_matches_memory())
		return 32;
	/* The heap keeps one free run as a spare and gives the other back. */
	rte_free(big[0]);
	rte_free(big[1]);
	if (dma_mapped_count() >= grown || !dma_matches_memory())
		return 33;
	rte_free(small);
	return 0;
}

static int
check_msix(struct rte_pci_device *a)
{
	struct rte_intr_handle *h = a->intr_handle;
	uint64_t one = 1;

	if (rte_intr_type_get(h) != RTE_INTR_HANDLE_VFIO_MSIX)
		return 40;
	if (rte_intr_callback_register(h, intr_cb, NULL) != 0 ||
		rte_intr_enable(h) != 0)
		return 41;
	/* Vector 0 is the handle's eventfd, given to the kernel. */
	if (fake_vfio.irq_index_set != VFIO_PCI_MSIX_IRQ_INDEX ||
		fake_vfio.irq_fds_count != 1 ||
		fake_vfio.irq_fds[0] != rte_intr_fd_get(h))
		return 42;
	/* The "device" raises vector 0. */
	if (write(fake_vfio.irq_fds[0], &one, sizeof(one)) != sizeof(one) ||
		!wait_intr(1))
		return 43;
	/* Two Rx queues: vectors 1 and 2 get their own eventfds. */
	if (rte_intr_disable(h) != 0 || rte_intr_efd_enable(h, 2) != 0 ||
		rte_intr_enable(h) != 0 || fake_vfio.irq_fds_count != 3 ||
		fake_vfio.irq_fds[1] != rte_intr_efds_index_get(h, 0) ||
		fake_vfio.irq_fds[2] != rte_intr_efds_index_get(h, 1))
		return 44;
	if (rte_intr_callback_unregister_sync(h, intr_cb, NULL) != 1)
		return 45;
	return 0;
}

static int
check_vfio(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a = pcitest_find(DEV_A);
	struct rte_pci_device *b = pcitest_find(DEV_B);
	struct rte_pci_ioport io;
	uint32_t word = 0x11223344, mark = 0;
	uint16_t command = 0;
	int ret;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (a == NULL || b == NULL || seen.probes != 2)
		return 1;
	/* One container, one IOMMU type for both groups, both reset. */
	if (fake_vfio.set_iommu_calls != 1 ||
		fake_vfio.iommu_type != VFIO_TYPE1v2_IOMMU ||
		fake_vfio.containers_set != 2 || fake_vfio.resets != 2)
		return 2;
	/* BAR 1 is a mapping of the device fd; the probe's write is there. */
	if (a->mem_resource[1].addr == NULL ||
		a->mem_resource[0].addr != NULL ||
		a->mem_resource[4].addr == NULL)
		return 3;
	memcpy(&mark, a->mem_resource[1].addr, sizeof(mark));
	if (mark != PCITEST_MARK)
		return 4;
	/* Config space through the config region: bus mastering on. */
	if (rte_pci_read_config(a, &command, 2, RTE_PCI_COMMAND) != 2 ||
		!(command & RTE_PCI_COMMAND_MASTER))
		return 5;
	/* The I/O BAR through pread/pwrite on the device fd. */
	if (rte_pci_ioport_map(a, 0, &io) != 0)
		return 6;
	rte_pci_ioport_write(&io, &word, 4, 8);
	mark = 0;
	rte_pci_ioport_read(&io, &mark, 4, 8);
	rte_pci_ioport_unmap(&io);
	if (mark != word)
		return 7;
	ret = check_dma();
	if (ret != 0)
		return ret;
	return check_msix(a);
}

static void
test_vfio_type1(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(EAL_ARGS_GROW, check_vfio, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
	if (eal_run_lines(r.err_text) != 0)
		fail_msg("unexpected: %s", r.err_text);
}

static int
check_close(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a = pcitest_find(DEV_A);
	int fds, resets, disables;

	(void)argc;
	(void)argv;
	(void)consumed;
	if (a == NULL || seen.probes != 1)
		return 1;
	fds = pcitest_count_fds();
	resets = fake_vfio.resets;
	disables = fake_vfio.irq_disables;
	if (rte_dev_remove(&a->device) != 0)
		return 2;
	/* Reset, IRQs detached, group and container gone. */
	if (fake_vfio.resets != resets + 1 ||
		fake_vfio.irq_disables != disables + 1 ||
		fake_vfio.containers_set != 0)
		return 3;
	/* Device, group, container and interrupt eventfd: 4 fds. */
	if (pcitest_count_fds() != fds - 4)
		return 4;
	/* A second open goes through the whole sequence again. */
	if (rte_dev_probe(DEV_A) != 0 || fake_vfio.containers_set != 1 ||
		fake_vfio.set_iommu_calls != 2 || pcitest_count_fds() != fds)
		return 5;
	return 0;
}

static void
test_vfio_close(void **state)
{
	struct eal_run r;

	(void)state;
	eal_run(EAL_ARGS " -a " DEV_A, check_close, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
}

static int
check_noiommu(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a = pcitest_find(DEV_A);

	(void)argc;
	(void)argv;
	(void)consumed;
	if (a == NULL || seen.probes != 1)
		return 1;
	/* No IOMMU: the container maps nothing. */
	if (fake_vfio.iommu_type != VFIO_NOIOMMU_IOMMU || fake_vfio.nb_dma != 0)
		return 2;
	/* MSI-X absent: MSI is the next choice. */
	if (rte_intr_type_get(a->intr_handle) != RTE_INTR_HANDLE_VFIO_MSI)
		return 3;
	return 0;
}

static void
test_vfio_noiommu(void **state)
{
	char path[PATH_MAX];
	struct eal_run r;

	(void)state;
	/* Group 5 exists only as noiommu-5. */
	snprintf(path, sizeof(path), "%s/dev/vfio/5", tree.root);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(fake_write(tree.root, "dev/vfio/noiommu-5", "%s", ""),
		0);
	fake_vfio.irq_count[VFIO_PCI_MSIX_IRQ_INDEX] = 0;
	eal_run(EAL_ARGS " -a " DEV_A, check_noiommu, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
}

static int
check_intx(int argc, char **argv, int consumed)
{
	struct rte_pci_device *a = pcitest_find(DEV_A);

	(void)argc;
	(void)argv;
	(void)consumed;
	if (a == NULL ||
		rte_intr_type_get(a->intr_handle) != RTE_INTR_HANDLE_VFIO_LEGACY)
		return 1;
	if (rte_intr_enable(a->intr_handle) != 0 ||
		fake_vfio.irq_index_set != VFIO_PCI_INTX_IRQ_INDEX ||
		rte_intr_ack(a->intr_handle) != 0)
		return 2;
	return 0;
}

static void
test_vfio_intx(void **state)
{
	struct eal_run r;

	(void)state;
	fake_vfio.irq_count[VFIO_PCI_MSIX_IRQ_INDEX] = 0;
	fake_vfio.irq_count[VFIO_PCI_MSI_IRQ_INDEX] = 0;
	eal_run(EAL_ARGS " -a " DEV_A, check_intx, &r);
	if (r.ret < 0 || r.hook_ret != 0 || r.status != 0)
		fail_msg("init %d, hook %d, status %d: %s", r.ret, r.hook_ret,
			r.status, r.err_text);
}

static void
test_vfio_not_viable(void **state)
{
	struct eal_run r;

	(void)state;
	fake_vfio.not_viable = true;
	eal_run(EAL_ARGS " -a " DEV_A, NULL, &r);
	assert_true(r.ret < 0);
	assert_non_null(strstr(r.err_text,
		DEV_A ": IOMMU group 5 is not "
		      "viable: bind every device of the group to vfio-pci"));
	assert_int_equal(eal_run_lines(r.err_text), 1);
}

/* The container and both groups released at cleanup; nothing leaked. */
static void
test_vfio_cleanup_leaks(void **state)
{
	(void)state;
	assert_int_equal(test_in_child(pcitest_init_cleanup, DEV_A), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_vfio_type1, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_vfio_close, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_vfio_noiommu, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_vfio_intx, tree_setup,
			tree_teardown),
		cmocka_unit_test_setup_teardown(test_vfio_not_viable,
			tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(test_vfio_cleanup_leaks,
			tree_setup, tree_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
