/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * net_ixgbe and a device that never finishes its initialisation: a fake
 * 82599 (test/pci/fake_pci.h) whose BAR0 is a plain file, so CTRL.RST
 * never clears; and one whose reset completes (a thread clears the bits)
 * but whose EEPROM auto-read never ends (EEC.ARD stays 0). The probe
 * must fail in bounded time with one clear line, and leave no port.
 *
 * The same fake device, finishing its reset and initialisation, under
 * other device ids: the 82599 model is 82599-only, so the per-family link
 * set-up (AUTOC written or left alone, LINKS decoded) is checked here on
 * the register file itself.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>

#include "ixgbe_test.h"
#include "pci/fake_pci.h"

#define ADDR	 "0000:00:05.0"
#define BAR0_LEN (512u * 1024)

/* Register offsets and bits, hardware-facts 3.3. */
#define REG_EEC		 0x10010
#define REG_RDRXCTL	 0x02F00
#define REG_AUTOC	 0x042A0
#define REG_LINKS	 0x042A4
#define AUTOC_LMS	 (7u << 13)
#define AUTOC_PMA_PMD	 (3u << 7)
#define AUTOC_AN_RESTART (1u << 12)
/* What the "EEPROM" left in AUTOC: LMS 110b (KX4/KX/KR), PMA/PMD 01b. */
#define AUTOC_EEPROM ((6u << 13) | (1u << 7))

static struct fake_tree tree;
static atomic_bool stop_thread;
static pthread_t device_thread;
static bool device_running;
static volatile uint32_t *bar0;
static atomic_bool lnk_rst_seen; /* CTRL.LNK_RST was ever written */
static uint16_t device_id = 0x10fb;

static int
tree_setup(void)
{
	struct fake_dev d = {
		.addr = ADDR,
		.vendor = 0x8086,
		.device = device_id,
		.sub_vendor = 0x8086,
		.sub_device = 0x000c,
		.class_id = 0x020000,
		.numa_node = -1,
		.driver = "uio_pci_generic",
		.uio_num = 0,
		.uio_node = true,
		.iommu_group = -1,
		.config_size = 4096,
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
		if (bar[0] & (1u << 3))
			atomic_store(&lnk_rst_seen, true);
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

/* The child's teardown: the device thread stopped, the tree removed
 * (probe_fails() has removed it already). */
static void
child_teardown(void)
{
	if (device_running) {
		atomic_store(&stop_thread, true);
		pthread_join(device_thread, NULL);
		device_running = false;
	}
	fake_tree_destroy(&tree);
}

/* The child's setup: tree, stderr to a file, maybe the device thread. */
static int
child_setup(const void *arg)
{
	char path[PATH_MAX], dir[PATH_MAX];
	void *bar;
	int fd;

	ixgbe_test_teardown = child_teardown;
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
	bar = fd < 0 ?
		MAP_FAILED :
		mmap(NULL, BAR0_LEN, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (bar == MAP_FAILED)
		return -1;
	close(fd);
	bar0 = bar;
	if (strcmp(arg, "ready") == 0) {
		bar0[REG_EEC / 4] = 1u << 9;	 /* EEC.ARD */
		bar0[REG_RDRXCTL / 4] = 1u << 3; /* DMAIDONE */
		bar0[REG_AUTOC / 4] = AUTOC_EEPROM;
	}
	if (pthread_create(&device_thread, NULL, reset_only_device, bar) != 0)
		return -1;
	device_running = true;
	return 0;
}

/* The probe succeeded; AUTOC is what the family's link set-up says. */
static int
body_link_setup(void)
{
	uint32_t autoc = bar0[REG_AUTOC / 4];

	CHECK_RET(rte_eth_dev_count_avail(), 1);
	/* The 82599's global reset includes a link reset; the X540's and
	 * X550's must not reset the PHY's link. */
	CHECK_RET(atomic_load(&lnk_rst_seen), device_id < 0x1528);
	switch (device_id) {
	case 0x10fb: /* 82599 SFP+: 10G serial forced, AN restarted */
		CHECK_RET(autoc & (AUTOC_LMS | AUTOC_PMA_PMD), 3u << 13);
		CHECK(autoc & AUTOC_AN_RESTART);
		break;
	case 0x10f7: /* 82599 KX4: the EEPROM's mode, AN restarted */
		CHECK_RET(autoc, AUTOC_EEPROM | AUTOC_AN_RESTART);
		break;
	default: /* X540, X550: AUTOC never written */
		CHECK_RET(autoc, AUTOC_EEPROM);
		break;
	}
	return 0;
}

/* LINKS up, SPEED 11b, NON_STD: 10G, except 2.5G on an X550. */
static int
body_link_speed(void)
{
	struct rte_eth_link link;
	uint32_t want = device_id == 0x1563 ? RTE_ETH_SPEED_NUM_2_5G :
					      RTE_ETH_SPEED_NUM_10G;

	CHECK_RET(rte_eth_dev_count_avail(), 1);
	bar0[REG_LINKS / 4] = (1u << 30) | (3u << 28) | (1u << 27);
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK_RET(link.link_status, RTE_ETH_LINK_UP);
	CHECK_RET(link.link_speed, want);
	/* "100M" with NON_STD: 5G on an X550, 100M elsewhere. */
	bar0[REG_LINKS / 4] = (1u << 30) | (1u << 28) | (1u << 27);
	CHECK_RET(rte_eth_link_get_nowait(0, &link), 0);
	CHECK_RET(link.link_speed,
		device_id == 0x1563 ? RTE_ETH_SPEED_NUM_5G :
				      RTE_ETH_SPEED_NUM_100M);
	return 0;
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
	ixgbe_test_fork_init(child_setup, "thread", EAL, body_no_eeprom, true);
}

static void
test_link_family(void **state)
{
	static const uint16_t ids[] = { 0x10fb, 0x10f7, 0x1528, 0x1563 };
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(ids); i++) {
		device_id = ids[i];
		print_message("device 0x%04x\n", device_id);
		ixgbe_test_fork(child_setup, "ready", EAL, body_link_setup);
		ixgbe_test_fork(child_setup, "ready", EAL, body_link_speed);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_reset),
		cmocka_unit_test(test_no_eeprom),
		cmocka_unit_test(test_link_family),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
