/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * MAC address helpers: random addresses, and text to address and back.
 */
#include <stdbool.h>
#include <stdio.h>

#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_random.h>

void
rte_eth_random_addr(uint8_t *addr)
{
	uint64_t bits = rte_rand();
	unsigned int i;

	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
		addr[i] = (uint8_t)(bits >> (8 * i));
	/* An address for a port: individual, and not from a vendor's range. */
	addr[0] &= (uint8_t)~RTE_ETHER_GROUP_ADDR;
	addr[0] |= RTE_ETHER_LOCAL_ADMIN_ADDR;
}

void
rte_ether_format_addr(char *buf, uint16_t size,
	const struct rte_ether_addr *eth_addr)
{
	snprintf(buf, size, RTE_ETHER_ADDR_PRT_FMT,
		RTE_ETHER_ADDR_BYTES(eth_addr));
}

/* Value of a hex digit, -1 if c is none. */
static int
ether_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Reads nb_groups groups of digits_per_group hex digits separated by one
 * separator character (the same one throughout, from separators) into
 * the six bytes at out, most significant digit first. The whole string
 * must be used.
 */
static bool
ether_parse_groups(const char *str, unsigned int nb_groups,
	unsigned int digits_per_group, const char *separators, uint8_t *out)
{
	unsigned int group, digit, nibble = 0;
	char separator = '\0';
	int value;

	for (group = 0; group < nb_groups; group++) {
		if (group > 0) {
			if (*str == '\0' || strchr(separators, *str) == NULL)
				return false;
			if (separator != '\0' && *str != separator)
				return false;
			separator = *str++;
		}
		for (digit = 0; digit < digits_per_group; digit++, nibble++) {
			value = ether_hex_digit(*str++);
			if (value < 0)
				return false;
			if (nibble % 2 == 0)
				out[nibble / 2] = (uint8_t)(value << 4);
			else
				out[nibble / 2] |= (uint8_t)value;
		}
	}
	return *str == '\0';
}

int
rte_ether_unformat_addr(const char *str, struct rte_ether_addr *eth_addr)
{
	uint8_t bytes[RTE_ETHER_ADDR_LEN];

	if (str == NULL || eth_addr == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	if (!ether_parse_groups(str, 6, 2, ":-", bytes) &&
		!ether_parse_groups(str, 3, 4, ":", bytes)) {
		rte_errno = EINVAL;
		return -1;
	}
	memcpy(eth_addr->addr_bytes, bytes, sizeof(bytes));
	return 0;
}
