/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RSS in the 82599 model: the Toeplitz hash against Microsoft's published
 * verification vectors ("Verifying the RSS Hash Calculation"; the same
 * table is the 82599 datasheet's RSS verification suite), and the queue
 * the device picks: RETA[hash & 0x7F], with hash and type written back.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ixgbe_model.h"
#include "model_regs.h"
#include "model_test_driver.h"

#define NB_QUEUES 4

/* clang-format off */
static const uint8_t rss_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};
/* clang-format on */

struct rss_vector {
	uint8_t dst[4];
	uint16_t dst_port;
	uint8_t src[4];
	uint16_t src_port;
	uint32_t ipv4;
	uint32_t ipv4_tcp;
};

/* Destination, source, IPv4 hash, IPv4 with TCP hash. */
static const struct rss_vector vectors[] = {
	{ { 161, 142, 100, 80 }, 1766, { 66, 9, 149, 187 }, 2794, 0x323e8fc2,
		0x51ccc178 },
	{ { 65, 69, 140, 83 }, 4739, { 199, 92, 111, 2 }, 14230, 0xd718262a,
		0xc626b0ea },
	{ { 12, 22, 207, 184 }, 38024, { 24, 19, 198, 95 }, 12898, 0xd2d0a5de,
		0x5c2b394a },
	{ { 209, 142, 163, 6 }, 2217, { 38, 27, 205, 30 }, 48228, 0x82989176,
		0xafc7327f },
	{ { 202, 188, 127, 2 }, 1303, { 153, 39, 163, 191 }, 44251, 0x5d1809c5,
		0x10e828a2 },
};

static struct mdrv_port port;
static const uint8_t port0_mac[6] = { 0x02, 0x82, 0x59, 0x9e, 0x00, 0x00 };

static int
setup(void **state)
{
	(void)state;
	if (ixgbe_model_start("ports=1,link_delay_ms=1,queues=4") != 0)
		return -1;
	ixgbe_model_install_traps();
	if (mdrv_open(&port, 0) != 0 || mdrv_reset(&port) != 0 ||
		mdrv_link_up(&port, 1000) != 0 ||
		mdrv_rx_init(&port, NB_QUEUES, 32, 2) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	ixgbe_model_install_traps();
	mdrv_close(&port);
	ixgbe_model_stop();
	return 0;
}

static void
test_toeplitz_vectors(void **state)
{
	unsigned int i;

	MDRV_TEST_BEGIN(state);
	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		const struct rss_vector *v = &vectors[i];
		uint8_t input[12];

		memcpy(input, v->src, 4);
		memcpy(input + 4, v->dst, 4);
		input[8] = (uint8_t)(v->src_port >> 8);
		input[9] = (uint8_t)v->src_port;
		input[10] = (uint8_t)(v->dst_port >> 8);
		input[11] = (uint8_t)v->dst_port;
		assert_int_equal(ixgbe_model_toeplitz(rss_key, input, 8),
			v->ipv4);
		assert_int_equal(ixgbe_model_toeplitz(rss_key, input, 12),
			v->ipv4_tcp);
	}
}

/* Key bytes 4i..4i+3 in RSSRK(i) bits 7:0..31:24; RETA entry n = n % 4. */
static void
program_rss(uint32_t mrqc)
{
	unsigned int i;

	for (i = 0; i < 10; i++)
		mdrv_write(&port, MREG_RSSRK(i),
			rss_key[4 * i] | rss_key[4 * i + 1] << 8 |
				rss_key[4 * i + 2] << 16 |
				(uint32_t)rss_key[4 * i + 3] << 24);
	for (i = 0; i < 32; i++)
		mdrv_write(&port, MREG_RETA(i), 0x03020100);
	mdrv_write(&port, MREG_MRQC, mrqc);
	/* The hash is reported only with PCSD (no fragment checksum). */
	mdrv_write(&port, MREG_RXCSUM, MREG_RXCSUM_PCSD);
}

static void
expect_on_queue_reported(const uint8_t *frame, size_t len, uint32_t hash,
	uint32_t type, uint32_t reported)
{
	unsigned int queue = (hash & 0x7f) % NB_QUEUES;
	uint8_t writeback[16];
	uint32_t dword0, got_hash;

	assert_int_equal(ixgbe_model_inject(0, frame, len), 0);
	assert_int_equal(mdrv_rx_wait(&port, queue, writeback, 1000), 0);
	memcpy(&dword0, writeback, 4);
	memcpy(&got_hash, writeback + 4, 4);
	assert_int_equal(got_hash, reported);
	assert_int_equal(dword0 & 0xf, type);
	mdrv_rx_refill(&port, queue);
}

static void
expect_on_queue(const uint8_t *frame, size_t len, uint32_t hash, uint32_t type)
{
	expect_on_queue_reported(frame, len, hash, type, hash);
}

static void
test_queue_from_reta_tcp(void **state)
{
	uint8_t frame[128];
	unsigned int i;

	MDRV_TEST_BEGIN(state);
	program_rss(MREG_MRQC_RSSEN | MREG_MRQC_IPV4 | MREG_MRQC_IPV4_TCP);
	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		const struct rss_vector *v = &vectors[i];
		size_t len = mdrv_build_ipv4(frame, port0_mac, v->src, v->dst,
			v->src_port, v->dst_port, 6, 0);

		expect_on_queue(frame, len, v->ipv4_tcp, MRSS_TYPE_IPV4_TCP);
	}
}

static void
test_queue_from_reta_ipv4_only(void **state)
{
	uint8_t frame[128];
	unsigned int i;

	MDRV_TEST_BEGIN(state);
	/* UDP with only the IPv4 field enabled: the 2-tuple hash. */
	program_rss(MREG_MRQC_RSSEN | MREG_MRQC_IPV4 | MREG_MRQC_IPV4_TCP);
	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		const struct rss_vector *v = &vectors[i];
		size_t len = mdrv_build_ipv4(frame, port0_mac, v->src, v->dst,
			v->src_port, v->dst_port, 17, 0);

		expect_on_queue(frame, len, v->ipv4, MRSS_TYPE_IPV4);
	}
}

/* Without RXCSUM.PCSD the queue still follows the hash, which is not reported. */
static void
test_hash_not_reported_without_pcsd(void **state)
{
	const struct rss_vector *v = &vectors[2];
	uint8_t frame[128];
	size_t len;

	MDRV_TEST_BEGIN(state);
	program_rss(MREG_MRQC_RSSEN | MREG_MRQC_IPV4 | MREG_MRQC_IPV4_TCP);
	mdrv_write(&port, MREG_RXCSUM, 0);
	len = mdrv_build_ipv4(frame, port0_mac, v->src, v->dst, v->src_port,
		v->dst_port, 6, 0);
	expect_on_queue_reported(frame, len, v->ipv4_tcp, MRSS_TYPE_IPV4_TCP, 0);
}

static void
test_rss_disabled_queue0(void **state)
{
	const struct rss_vector *v = &vectors[1];
	uint8_t frame[128];
	size_t len;

	MDRV_TEST_BEGIN(state);
	program_rss(MREG_MRQC_IPV4 | MREG_MRQC_IPV4_TCP); /* MRQE = 0 */
	len = mdrv_build_ipv4(frame, port0_mac, v->src, v->dst, v->src_port,
		v->dst_port, 6, 0);
	expect_on_queue(frame, len, 0, MRSS_TYPE_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_toeplitz_vectors),
		cmocka_unit_test(test_queue_from_reta_tcp),
		cmocka_unit_test(test_queue_from_reta_ipv4_only),
		cmocka_unit_test(test_hash_not_reported_without_pcsd),
		cmocka_unit_test(test_rss_disabled_queue0),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
