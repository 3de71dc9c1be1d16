/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive-side scaling (datasheet 7.1.2.8): MRQC chooses which headers are
 * hashed, the hash is the Toeplitz hash of Microsoft's RSS specification
 * with the 40-byte key in RSSRK(0..9), and the queue is the 128-entry
 * redirection table indexed by the hash's 7 low bits: RETA[hash & 0x7F].
 *
 * Input byte strings (Microsoft "RSS Hashing Functions"): IPv4 source and
 * destination address (8 bytes), then source and destination port for TCP
 * or UDP (12 bytes); IPv6 the same with 16-byte addresses (32 or 36 bytes).
 *
 * [unverified] byte lanes: key byte 4i+j is bits 8j+7:8j of RSSRK(i), and
 * RETA entry 4i+j is bits 8j+3:8j of RETA(i) (4-bit queue index).
 */

#include <string.h>

#include "ixgbe_model.h"
#include "model.h"

/* Packet type bits in the rx write-back, bits 16:4 of the first dword [unverified]. */
#define PTYPE_IPV4 0x001u
#define PTYPE_IPV6 0x004u
#define PTYPE_TCP  0x010u
#define PTYPE_UDP  0x020u

uint32_t
ixgbe_model_toeplitz(const uint8_t key[40], const uint8_t *input, size_t len)
{
	uint32_t hash = 0;
	/* The 32 key bits that line up with the current input bit. */
	uint32_t window = (uint32_t)key[0] << 24 | key[1] << 16 | key[2] << 8 |
		key[3];
	size_t next_key_byte = 4;
	size_t i;
	int bit;

	for (i = 0; i < len; i++) {
		uint8_t next = next_key_byte < 40 ? key[next_key_byte] : 0;

		next_key_byte++;
		for (bit = 7; bit >= 0; bit--) {
			if ((input[i] >> bit) & 1)
				hash ^= window;
			window = window << 1 | ((next >> bit) & 1);
		}
	}
	return hash;
}

struct rss_headers {
	int is_ipv4;
	int is_ipv6;
	int is_tcp;
	int is_udp;
	const uint8_t *addresses; /* source then destination */
	size_t address_len;	  /* 8 or 32 */
	const uint8_t *ports;	  /* source then destination, or NULL */
};

static void
rss_parse(const uint8_t *frame, size_t len, struct rss_headers *headers)
{
	size_t l3 = 14;
	uint16_t ether_type;
	uint8_t protocol;
	size_t l4;

	memset(headers, 0, sizeof(*headers));
	if (len < 14)
		return;
	ether_type = (uint16_t)(frame[12] << 8 | frame[13]);
	if (ether_type == 0x8100 && len >= 18) {
		ether_type = (uint16_t)(frame[16] << 8 | frame[17]);
		l3 = 18;
	}
	if (ether_type == 0x0800 && len >= l3 + 20 && (frame[l3] >> 4) == 4) {
		size_t ihl = (size_t)(frame[l3] & 0xf) * 4;
		int fragment = ((frame[l3 + 6] & 0x3f) | frame[l3 + 7]) != 0;

		headers->is_ipv4 = 1;
		headers->addresses = frame + l3 + 12;
		headers->address_len = 8;
		protocol = frame[l3 + 9];
		l4 = l3 + ihl;
		if (ihl < 20 || fragment)
			return;
	} else if (ether_type == 0x86dd && len >= l3 + 40 &&
		(frame[l3] >> 4) == 6) {
		headers->is_ipv6 = 1;
		headers->addresses = frame + l3 + 8;
		headers->address_len = 32;
		protocol = frame[l3 + 6];
		l4 = l3 + 40;
	} else {
		return;
	}
	if (len < l4 + 4)
		return;
	headers->is_tcp = protocol == 6;
	headers->is_udp = protocol == 17;
	if (headers->is_tcp || headers->is_udp)
		headers->ports = frame + l4;
}

static uint32_t
rss_hash_input(const struct rss_headers *headers, int with_ports,
	const uint8_t key[40])
{
	uint8_t input[36];
	size_t len = headers->address_len;

	memcpy(input, headers->addresses, len);
	if (with_ports) {
		memcpy(input + len, headers->ports, 4);
		len += 4;
	}
	return ixgbe_model_toeplitz(key, input, len);
}

/* Which hash MRQC asks for this packet; 0 (none) if no field applies. */
static uint32_t
rss_type(uint32_t mrqc, const struct rss_headers *headers)
{
	if (headers->is_ipv4) {
		if (headers->is_tcp && (mrqc & MREG_MRQC_IPV4_TCP))
			return MRSS_TYPE_IPV4_TCP;
		if (headers->is_udp && (mrqc & MREG_MRQC_IPV4_UDP))
			return MRSS_TYPE_IPV4_UDP;
		if (mrqc & MREG_MRQC_IPV4)
			return MRSS_TYPE_IPV4;
	}
	if (headers->is_ipv6) {
		if (headers->is_tcp && (mrqc & MREG_MRQC_IPV6_TCP))
			return MRSS_TYPE_IPV6_TCP;
		if (headers->is_udp && (mrqc & MREG_MRQC_IPV6_UDP))
			return MRSS_TYPE_IPV6_UDP;
		if (mrqc & MREG_MRQC_IPV6)
			return MRSS_TYPE_IPV6;
	}
	return MRSS_TYPE_NONE;
}

void
model_rss_classify(struct model_port *port, const uint8_t *frame, size_t len,
	struct model_rss_result *result)
{
	uint32_t mrqc = mreg_read(port, MREG_MRQC);
	struct rss_headers headers;
	uint8_t key[40];
	unsigned int i;
	uint32_t entry;

	memset(result, 0, sizeof(*result));
	rss_parse(frame, len, &headers);
	result->packet_type = (headers.is_ipv4 ? PTYPE_IPV4 : 0) |
		(headers.is_ipv6 ? PTYPE_IPV6 : 0) |
		(headers.ports != NULL && headers.is_tcp ? PTYPE_TCP : 0) |
		(headers.ports != NULL && headers.is_udp ? PTYPE_UDP : 0);
	/* MRQC.MRQE (bits 3:0) = 0001b: RSS only */
	if ((mrqc & 0xf) != MREG_MRQC_RSSEN)
		return;
	result->rss_type = rss_type(mrqc, &headers);
	if (result->rss_type == MRSS_TYPE_NONE)
		return;
	for (i = 0; i < 40; i++)
		key[i] = (uint8_t)(mreg_read(port, MREG_RSSRK(i / 4)) >>
			(8 * (i % 4)));
	result->hash = rss_hash_input(&headers,
		result->rss_type == MRSS_TYPE_IPV4_TCP ||
			result->rss_type == MRSS_TYPE_IPV4_UDP ||
			result->rss_type == MRSS_TYPE_IPV6_TCP ||
			result->rss_type == MRSS_TYPE_IPV6_UDP,
		key);
	i = result->hash & 0x7f;
	entry = mreg_read(port, MREG_RETA(i / 4)) >> (8 * (i % 4));
	result->queue = entry & 0xf;
}
