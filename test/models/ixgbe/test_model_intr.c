/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupts in the 82599 model: INTx on the uio FIFO with EICR clear on
 * read, MSI-X vectors on the pollux-msix FIFOs chosen by IVAR and
 * IVAR_MISC, masks (EIMS/EIMC), EICS, auto-clear (EIAC), LSC on a link
 * change.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ixgbe_model.h"
#include "model_regs.h"
#include "model_test_driver.h"

static struct mdrv_port port;
static int uio_fd = -1;
static int msix_fd[2] = { -1, -1 };
static const uint8_t port0_mac[6] = { 0x02, 0x82, 0x59, 0x9e, 0x00, 0x00 };

static int
open_fifo(const char *path)
{
	return open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
}

static int
setup(void **state)
{
	char path[4300];

	(void)state;
	if (ixgbe_model_start("ports=1,link_delay_ms=1,queues=2,vectors=4") != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/uio0", getenv("POLLUX_DEV_DIR"));
	uio_fd = open_fifo(path);
	snprintf(path, sizeof(path), "%s/pollux-msix/0",
		ixgbe_model_device_dir(0));
	msix_fd[0] = open_fifo(path);
	snprintf(path, sizeof(path), "%s/pollux-msix/1",
		ixgbe_model_device_dir(0));
	msix_fd[1] = open_fifo(path);
	if (uio_fd < 0 || msix_fd[0] < 0 || msix_fd[1] < 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	close(uio_fd);
	close(msix_fd[0]);
	close(msix_fd[1]);
	ixgbe_model_stop();
	return 0;
}

static int
test_setup(void **state)
{
	(void)state;
	ixgbe_model_install_traps();
	if (mdrv_open(&port, 0) != 0 || mdrv_reset(&port) != 0 ||
		mdrv_link_up(&port, 1000) != 0 ||
		mdrv_rx_init(&port, 1, 32, 2) != 0)
		return -1;
	/* Start with no pending cause (the link came up: LSC). */
	mdrv_write(&port, MREG_EICR, 0xffffffff);
	return 0;
}

static int
test_teardown(void **state)
{
	uint64_t drain[8];

	(void)state;
	ixgbe_model_install_traps();
	mdrv_close(&port);
	while (read(uio_fd, drain, sizeof(drain)) > 0)
		;
	while (read(msix_fd[0], drain, sizeof(drain)) > 0)
		;
	while (read(msix_fd[1], drain, sizeof(drain)) > 0)
		;
	return 0;
}

/* Read size bytes from the FIFO within timeout_ms; 0 or -ETIMEDOUT. */
static int
fifo_wait(int fd, void *out, size_t size, int timeout_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	if (poll(&pfd, 1, timeout_ms) != 1)
		return -ETIMEDOUT;
	return read(fd, out, size) == (ssize_t)size ? 0 : -EIO;
}

static void
inject_one(void)
{
	uint8_t frame[60] = { 0 };

	memcpy(frame, port0_mac, 6);
	assert_int_equal(ixgbe_model_inject(0, frame, sizeof(frame)), 0);
}

static void
test_intx_rx_cause(void **state)
{
	uint32_t count;

	MDRV_TEST_BEGIN(state);
	/* Legacy mode: rx queue 0 on EICR bit 3. */
	mdrv_write(&port, MREG_IVAR(0), MREG_IVAR_VALID | 3);
	mdrv_write(&port, MREG_EIMS, 1u << 3);
	assert_int_equal(mdrv_read(&port, MREG_EIMS), 1u << 3);
	inject_one();
	assert_int_equal(fifo_wait(uio_fd, &count, sizeof(count), 1000), 0);
	assert_true(count >= 1);
	/* EICR: the cause, cleared by the read. */
	assert_int_equal(mdrv_read(&port, MREG_EICR) & (1u << 3), 1u << 3);
	assert_int_equal(mdrv_read(&port, MREG_EICR), 0);
}

static void
test_intx_masked(void **state)
{
	uint32_t count;

	MDRV_TEST_BEGIN(state);
	mdrv_write(&port, MREG_IVAR(0), MREG_IVAR_VALID | 3);
	mdrv_write(&port, MREG_EIMS, (1u << 3) | (1u << 5));
	mdrv_write(&port, MREG_EIMC, 1u << 3);
	assert_int_equal(mdrv_read(&port, MREG_EIMS), 1u << 5);
	inject_one();
	assert_int_equal(fifo_wait(uio_fd, &count, sizeof(count), 50),
		-ETIMEDOUT);
	/* The cause is still recorded; unmasking it now raises the interrupt. */
	mdrv_write(&port, MREG_EIMS, 1u << 3);
	assert_int_equal(fifo_wait(uio_fd, &count, sizeof(count), 1000), 0);
	/* Write 1 to clear. */
	mdrv_write(&port, MREG_EICR, 1u << 3);
	mdrv_write(&port, MREG_GPIE,
		MREG_GPIE_OCD); /* reads keep queue causes */
	assert_int_equal(mdrv_read(&port, MREG_EICR), 0);
}

static void
test_msix_rx_vector_and_auto_clear(void **state)
{
	uint64_t signal;

	MDRV_TEST_BEGIN(state);
	mdrv_write(&port, MREG_GPIE,
		MREG_GPIE_MSIX_MODE | MREG_GPIE_OCD | MREG_GPIE_EIAME);
	mdrv_write(&port, MREG_IVAR(0),
		MREG_IVAR_VALID | 1); /* rx queue 0: vector 1 */
	mdrv_write(&port, MREG_EIAC, 1u << 1);
	mdrv_write(&port, MREG_EIMS, 1u << 1);
	inject_one();
	assert_int_equal(fifo_wait(msix_fd[1], &signal, sizeof(signal), 1000),
		0);
	assert_int_equal(signal, 1);
	assert_int_equal(fifo_wait(msix_fd[0], &signal, sizeof(signal), 20),
		-ETIMEDOUT);
	/* EIAC: the cause cleared itself when the message went out. */
	assert_int_equal(mdrv_read(&port, MREG_EICR) & (1u << 1), 0);
	/* EICS raises the vector by software. */
	mdrv_write(&port, MREG_EICS, 1u << 1);
	assert_int_equal(fifo_wait(msix_fd[1], &signal, sizeof(signal), 1000),
		0);
}

static void
test_msix_lsc_on_vector0(void **state)
{
	uint64_t signal;

	MDRV_TEST_BEGIN(state);
	mdrv_write(&port, MREG_GPIE, MREG_GPIE_MSIX_MODE | MREG_GPIE_OCD);
	mdrv_write(&port, MREG_IVAR_MISC, (MREG_IVAR_VALID | 0) << 8);
	mdrv_write(&port, MREG_EIMS, MREG_EICR_LSC);
	assert_int_equal(ixgbe_model_set_cable(0, 0), 0);
	assert_int_equal(fifo_wait(msix_fd[0], &signal, sizeof(signal), 1000),
		0);
	assert_int_equal(mdrv_read(&port, MREG_LINKS) & MREG_LINKS_UP, 0);
	/* OCD: the read clears the other causes, LSC among them. */
	assert_int_equal(mdrv_read(&port, MREG_EICR) & MREG_EICR_LSC,
		MREG_EICR_LSC);
	assert_int_equal(mdrv_read(&port, MREG_EICR) & MREG_EICR_LSC, 0);
	assert_int_equal(ixgbe_model_set_cable(0, 1), 0);
	assert_int_equal(fifo_wait(msix_fd[0], &signal, sizeof(signal), 1000),
		0);
	assert_int_equal(mdrv_read(&port, MREG_LINKS) & MREG_LINKS_UP,
		MREG_LINKS_UP);
	mdrv_write(&port, MREG_EICR, MREG_EICR_LSC);
	assert_int_equal(mdrv_read(&port, MREG_EICR) & MREG_EICR_LSC, 0);
}

/*
 * GPIE.OCD: an EICR read clears bits 29:16 only; the queue causes (15:0) and
 * the TCP timer (30) stay until written with 1. Without OCD a read clears all.
 */
static void
test_eicr_read_with_ocd(void **state)
{
	const uint32_t causes = 1u << 0 | MREG_EICR_LSC | MREG_EICR_TCP_TIMER;

	MDRV_TEST_BEGIN(state);
	mdrv_write(&port, MREG_EIMC, 0x7fffffff);
	(void)mdrv_read(&port, MREG_EICR);
	mdrv_write(&port, MREG_GPIE, MREG_GPIE_OCD);
	mdrv_write(&port, MREG_EICS, causes);
	assert_int_equal(mdrv_read(&port, MREG_EICR), causes);
	assert_int_equal(mdrv_read(&port, MREG_EICR),
		1u << 0 | MREG_EICR_TCP_TIMER);
	mdrv_write(&port, MREG_EICR, 1u << 0 | MREG_EICR_TCP_TIMER);
	assert_int_equal(mdrv_read(&port, MREG_EICR), 0);
	mdrv_write(&port, MREG_GPIE, 0);
	mdrv_write(&port, MREG_EICS, causes);
	assert_int_equal(mdrv_read(&port, MREG_EICR), causes);
	assert_int_equal(mdrv_read(&port, MREG_EICR), 0);
	/* Auto-mask (EIAM, no EIAME): an OCD read unmasks only what it cleared. */
	mdrv_write(&port, MREG_GPIE, MREG_GPIE_OCD);
	mdrv_write(&port, MREG_EIAM, 1u << 0 | MREG_EICR_LSC);
	mdrv_write(&port, MREG_EIMS, 1u << 0 | MREG_EICR_LSC);
	(void)mdrv_read(&port, MREG_EICR);
	assert_int_equal(mdrv_read(&port, MREG_EIMS), 1u << 0);
	mdrv_write(&port, MREG_EICR, 1u << 0);
	assert_int_equal(mdrv_read(&port, MREG_EIMS), 0);
	mdrv_write(&port, MREG_EIAM, 0);
	mdrv_write(&port, MREG_GPIE, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_intx_rx_cause, test_setup,
			test_teardown),
		cmocka_unit_test_setup_teardown(test_intx_masked, test_setup,
			test_teardown),
		cmocka_unit_test_setup_teardown(test_msix_rx_vector_and_auto_clear,
			test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_msix_lsc_on_vector0,
			test_setup, test_teardown),
		cmocka_unit_test_setup_teardown(test_eicr_read_with_ocd,
			test_setup, test_teardown),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
