/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 82599 model's tree, reset and link, driven by the minimal driver.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "ixgbe_model.h"
#include "model_regs.h"
#include "model_test_driver.h"

static struct mdrv_port ports[2];

static int
setup(void **state)
{
	MDRV_TEST_BEGIN(state);
	if (ixgbe_model_start("ports=2,wire=loop,link_delay_ms=5") != 0)
		return -1;
	if (mdrv_open(&ports[0], 0) != 0 || mdrv_open(&ports[1], 1) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	MDRV_TEST_BEGIN(state);
	mdrv_close(&ports[0]);
	mdrv_close(&ports[1]);
	ixgbe_model_stop();
	return 0;
}

static void
read_text(const char *dir, const char *name, char *out, size_t size)
{
	char path[4200];
	FILE *file;
	size_t len;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	file = fopen(path, "r");
	assert_non_null(file);
	len = fread(out, 1, size - 1, file);
	out[len] = '\0';
	fclose(file);
}

static void
test_tree(void **state)
{
	const char *dir = ixgbe_model_device_dir(1);
	uint8_t config[256];
	char text[512];
	char path[4200];
	struct stat st;
	FILE *file;

	MDRV_TEST_BEGIN(state);
	assert_string_equal(getenv("POLLUX_SYSFS_PCI"), ixgbe_model_sysfs_dir());
	assert_non_null(getenv("POLLUX_DEV_DIR"));
	assert_string_equal(ixgbe_model_pci_addr(1), "0000:42:00.1");
	read_text(dir, "vendor", text, sizeof(text));
	assert_string_equal(text, "0x8086\n");
	read_text(dir, "device", text, sizeof(text));
	assert_string_equal(text, "0x10fb\n");
	read_text(dir, "class", text, sizeof(text));
	assert_string_equal(text, "0x020000\n");
	read_text(dir, "resource", text, sizeof(text));
	assert_non_null(strstr(text, "0x0000000000140204"));
	snprintf(path, sizeof(path), "%s/resource0", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 512 * 1024);
	snprintf(path, sizeof(path), "%s/driver", dir);
	assert_int_equal(readlink(path, text, sizeof(text)), 29);
	assert_memory_equal(text, "../../drivers/uio_pci_generic", 29);
	snprintf(path, sizeof(path), "%s/uio/uio1", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	snprintf(path, sizeof(path), "%s/uio1", getenv("POLLUX_DEV_DIR"));
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	snprintf(path, sizeof(path), "%s/pollux-msix/15", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	/* Config space: ids, 64-bit BAR0, capability list to MSI-X. */
	snprintf(path, sizeof(path), "%s/config", dir);
	file = fopen(path, "r");
	assert_non_null(file);
	assert_int_equal(fread(config, 1, sizeof(config), file), sizeof(config));
	fclose(file);
	assert_int_equal(config[0] | config[1] << 8, 0x8086);
	assert_int_equal(config[2] | config[3] << 8, 0x10fb);
	assert_int_equal(config[6] & 0x10, 0x10);
	assert_int_equal(config[0x10] & 0x7, 0x4);
	assert_int_equal(config[0x34], 0x40);
	assert_int_equal(config[0x40], 0x01);
	assert_int_equal(config[0x51], 0x70);
	assert_int_equal(config[0x70], 0x11);
	assert_int_equal((config[0x72] | config[0x73] << 8) & 0x7ff, 15);
}

static void
test_reset(void **state)
{
	MDRV_TEST_BEGIN(state);
	mdrv_write(&ports[1], MREG_FCTRL, MREG_FCTRL_UPE | MREG_FCTRL_MPE);
	mdrv_write(&ports[1], MREG_MRQC, 0x00330001);
	mdrv_write(&ports[1], MREG_SRRCTL(3), 0x12000004);
	assert_int_equal(mdrv_reset(&ports[1]), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_CTRL), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_FCTRL), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_MRQC), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_SRRCTL(3)), 0x402);
	assert_int_equal(mdrv_read(&ports[1], MREG_SRRCTL_ALIAS(3)), 0x402);
	assert_true(mdrv_read(&ports[1], MREG_EEC) & MREG_EEC_ARD);
	assert_true(mdrv_read(&ports[1], MREG_RDRXCTL) & MREG_RDRXCTL_DMAIDONE);
	assert_int_equal((mdrv_read(&ports[1], MREG_STATUS) >> 2) & 3, 1);
	/* RAL0/RAH0 hold the port's address, valid. */
	assert_int_equal(mdrv_read(&ports[1], MREG_RAL_LOW(0)), 0x9e598202);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAH_LOW(0)), 0x80000100);
	assert_int_equal(mdrv_read(&ports[1], MREG_LINKS) & MREG_LINKS_UP, 0);
	/* 8.2.3.7.9: only pair 0 valid after reset; the same pair at 0x0A200. */
	assert_int_equal(mdrv_read(&ports[1], MREG_RAL(0)), 0x9e598202);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAH(0)), 0x80000100);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAH_LOW(1)) & MREG_RAH_AV, 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_RAH(127)) & MREG_RAH_AV, 0);
	/* 8.2.3.22.8: TXCRCEN, RXCRCSTRP and TXPADEN set; JUMBOEN and LPBK clear. */
	assert_int_equal(mdrv_read(&ports[1], MREG_HLREG0) &
			(MREG_HLREG0_TXCRCEN | MREG_HLREG0_RXCRCSTRP |
				MREG_HLREG0_JUMBOEN | MREG_HLREG0_TXPADEN |
				MREG_HLREG0_LPBK),
		MREG_HLREG0_TXCRCEN | MREG_HLREG0_RXCRCSTRP |
			MREG_HLREG0_TXPADEN);
	/* 8.2.3.8.9 / 8.2.3.9.13: PB0 sizes 0x200 KB rx, 0xA0 KB tx (bits 19:10). */
	assert_int_equal(mdrv_read(&ports[1], MREG_RXPBSIZE(0)), 0x200u << 10);
	assert_int_equal(mdrv_read(&ports[1], MREG_TXPBSIZE(0)), 0xA0u << 10);
	/* 8.2.3.11.1: DCA_RXCTRL bit 12 resets to 1, at both addresses. */
	mdrv_write(&ports[1], MREG_DCA_RXCTRL(5), 0);
	mdrv_write(&ports[1], MREG_DCA_RXCTRL_ALIAS(5), 0);
	assert_int_equal(mdrv_reset(&ports[1]), 0);
	assert_int_equal(mdrv_read(&ports[1], MREG_DCA_RXCTRL(5)),
		MREG_DCA_RXCTRL_BIT12);
	assert_int_equal(mdrv_read(&ports[1], MREG_DCA_RXCTRL(63)),
		MREG_DCA_RXCTRL_BIT12);
	assert_int_equal(mdrv_read(&ports[1], MREG_DCA_RXCTRL_ALIAS(5)),
		MREG_DCA_RXCTRL_BIT12);
}

static uint64_t
now_us(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (uint64_t)now.tv_sec * 1000000 + (uint64_t)now.tv_nsec / 1000;
}

static void
test_reset_takes_time(void **state)
{
	uint64_t start;

	MDRV_TEST_BEGIN(state);
	start = now_us();
	mdrv_write(&ports[0], MREG_CTRL, MREG_CTRL_RST);
	/* The device is busy for a while (the model: 1 ms) before RST clears. */
	assert_int_equal(mdrv_wait(&ports[0], MREG_CTRL, MREG_CTRL_RST, 0, 1000),
		0);
	assert_true(now_us() - start >= 1000);
	assert_int_equal(mdrv_wait(&ports[0], MREG_EEC, MREG_EEC_ARD,
				 MREG_EEC_ARD, 1000),
		0);
}

static void
test_srrctl_alias(void **state)
{
	MDRV_TEST_BEGIN(state);
	assert_int_equal(mdrv_reset(&ports[0]), 0);
	mdrv_write(&ports[0], MREG_SRRCTL_ALIAS(5), 0x12000003);
	assert_int_equal(mdrv_wait(&ports[0], MREG_SRRCTL(5), ~0u, 0x12000003,
				 100),
		0);
}

static void
test_link_after_an_restart(void **state)
{
	MDRV_TEST_BEGIN(state);
	assert_int_equal(mdrv_reset(&ports[0]), 0);
	mdrv_sleep_ms(30);
	/* No auto-negotiation yet: no link. */
	assert_int_equal(mdrv_read(&ports[0], MREG_LINKS) & MREG_LINKS_UP, 0);
	assert_int_equal(mdrv_link_up(&ports[0], 1000), 0);
	assert_int_equal(mdrv_read(&ports[0], MREG_LINKS) &
			(MREG_LINKS_UP | 3u << 28),
		MREG_LINKS_UP | MREG_LINKS_SPEED_10G);
	assert_int_equal(mdrv_read(&ports[0], MREG_AUTOC) &
			MREG_AUTOC_AN_RESTART,
		0);
}

static void
test_link_drop_and_return(void **state)
{
	MDRV_TEST_BEGIN(state);
	assert_int_equal(mdrv_reset(&ports[0]), 0);
	assert_int_equal(mdrv_link_up(&ports[0], 1000), 0);
	assert_int_equal(ixgbe_model_set_cable(0, 0), 0);
	assert_int_equal(mdrv_wait(&ports[0], MREG_LINKS, MREG_LINKS_UP, 0,
				 1000),
		0);
	assert_int_equal(ixgbe_model_set_cable(0, 1), 0);
	assert_int_equal(mdrv_wait(&ports[0], MREG_LINKS, MREG_LINKS_UP,
				 MREG_LINKS_UP, 1000),
		0);
	assert_int_equal(ixgbe_model_set_cable(7, 0), -EINVAL);
}

static void
control_write(const char *text)
{
	char path[4200];
	FILE *file;

	snprintf(path, sizeof(path), "%s/../control", ixgbe_model_sysfs_dir());
	file = fopen(path, "w");
	assert_non_null(file);
	assert_int_equal(fputs(text, file) >= 0, 1);
	fclose(file);
}

static void
test_control_fifo(void **state)
{
	MDRV_TEST_BEGIN(state);
	assert_int_equal(mdrv_reset(&ports[1]), 0);
	assert_int_equal(mdrv_link_up(&ports[1], 1000), 0);
	control_write("cable 1 down\n");
	assert_int_equal(mdrv_wait(&ports[1], MREG_LINKS, MREG_LINKS_UP, 0,
				 1000),
		0);
	/* A bad line is reported and ignored; the next one still works. */
	control_write("cable 9 sideways\ncable 1 up\n");
	assert_int_equal(mdrv_wait(&ports[1], MREG_LINKS, MREG_LINKS_UP,
				 MREG_LINKS_UP, 1000),
		0);
}

/* No busy-spinning when idle: two device threads use little CPU. */
static void
test_idle_cpu(void **state)
{
	struct rusage before, after;
	uint64_t used_us;

	MDRV_TEST_BEGIN(state);
	mdrv_sleep_ms(50);
	getrusage(RUSAGE_SELF, &before);
	mdrv_sleep_ms(500);
	getrusage(RUSAGE_SELF, &after);
	used_us = (uint64_t)(after.ru_utime.tv_sec - before.ru_utime.tv_sec) *
			1000000 +
		(after.ru_utime.tv_usec - before.ru_utime.tv_usec) +
		(uint64_t)(after.ru_stime.tv_sec - before.ru_stime.tv_sec) *
			1000000 +
		(after.ru_stime.tv_usec - before.ru_stime.tv_usec);
	print_message("idle model, 2 ports: %.1f%% of one CPU\n",
		used_us / 5000.0);
	assert_true(used_us < 50000);
}

static void
test_bad_config(void **state)
{
	MDRV_TEST_BEGIN(state);
	assert_int_equal(ixgbe_model_start(NULL), -EALREADY);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_reset_takes_time),
		cmocka_unit_test(test_srrctl_alias),
		cmocka_unit_test(test_link_after_an_restart),
		cmocka_unit_test(test_link_drop_and_return),
		cmocka_unit_test(test_control_fifo),
		cmocka_unit_test(test_idle_cpu),
		cmocka_unit_test(test_bad_config),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
