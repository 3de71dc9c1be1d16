/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe and a device that never finishes its initialisation: a fake
 * 82599 (test/pci/fake_pci.h) whose BAR0 is a plain file, so CTRL.RST
 * never clears; and one whose reset completes (a thread clears the bits)
 * but whose EEPROM auto-read never ends (EEC.ARD stays 0). The probe
 * must fail in bounded time with one clear line, and leave no port.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>

#include "ixgbe_test.h"
#include "pci/fake_pci.h"

#define ADDR "0000:00:05.0"
#define BAR0_LEN (512u * 1024)

static struct fake_tree tree;
static atomic_bool stop_thread;

static int
tree_setup(void)
{
	struct fake_dev d = {
		.addr = ADDR, .vendor = 0x8086, .device = 0x10fb,
		.sub_vendor = 0x8086, .sub_device = 0x000c,
		.class_id = 0x020000, .numa_node = -1,
		.driver = "uio_pci_generic", .uio_num = 0, .uio_node = true,
		.iommu_group = -1, .config_size = 4096,
		.bars = { [0] = { .len = BAR0_LEN } },
	};

	if (fake_tree_create(&tree) < 0 || fake_dev_add(&tree, &d) < 0)
		return -1;
	fake_pci_env(&tree);
	return 0;
}

/* A device that clears CTRL.RST|LNK_RST (bits 26, 3) and nothing else. */
static void *
reset_only_device(void *arg)
{
	volatile uint32_t *bar = arg;

	while (!atomic_load(&stop_thread)) {
		bar[0] &= ~((1u << 26) | (1u << 3));
		usleep(100);
	}
	return NULL;
}

static int
probe_fails(const char *expect)
{
	char path[PATH_MAX], log[4096] = "";
	uint64_t start = rte_get_timer_cycles();
	FILE *f;
	size_t n;

	CHECK_RET(rte_eth_dev_count_avail(), 0);
	/* The probe waited at most about a second. */
	CHECK(rte_get_timer_cycles() - start < 5 * rte_get_timer_hz());
	snprintf(path, sizeof(path), "%s/stderr", tree.root);
	f = fopen(path, "r");
	CHECK(f != NULL);
	n = fread(log, 1, sizeof(log) - 1, f);
	fclose(f);
	log[n] = '\0';
	fake_tree_destroy(&tree);
	if (strstr(log, expect) == NULL)
		fprintf(stderr, "log has no '%s':\n%s", expect, log);
	CHECK(strstr(log, expect) != NULL);
	return 0;
}

static int
body_no_reset(void)
{
	return probe_fails("did not finish its reset");
}

static int
body_no_eeprom(void)
{
	return probe_fails("EEPROM auto-read not done");
}

/* The child's setup: tree, stderr to a file, maybe the device thread. */
static int
child_setup(const void *arg)
{
	char path[PATH_MAX], dir[PATH_MAX];
	static pthread_t thread;
	void *bar;
	int fd;

	if (tree_setup() < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/stderr", tree.root);
	if (freopen(path, "w", stderr) == NULL)
		return -1;
	setvbuf(stderr, NULL, _IONBF, 0);
	if (arg == NULL)
		return 0;
	fake_dev_dir(&tree, ADDR, dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/resource0", dir);
	fd = open(path, O_RDWR);
	bar = fd < 0 ? MAP_FAILED : mmap(NULL, BAR0_LEN,
		PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (bar == MAP_FAILED)
		return -1;
	close(fd);
	return pthread_create(&thread, NULL, reset_only_device, bar) == 0 ?
		0 : -1;
}

#define EAL "-l 0 --no-huge -m 128 -a " ADDR

static void
test_no_reset(void **state)
{
	(void)state;
	ixgbe_test_fork_init(child_setup, NULL, EAL, body_no_reset, true);
}

static void
test_no_eeprom(void **state)
{
	(void)state;
	ixgbe_test_fork_init(child_setup, "thread", EAL, body_no_eeprom,
		true);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_reset),
		cmocka_unit_test(test_no_eeprom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
