/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Names of packet types. Each field of a packet type is a 4-bit value, so
 * each field's names sit in a 16-entry table indexed by that value; a
 * hole in a table is a value no constant has, and reads as "<FIELD>_UNKNOWN"
 * like 0 does.
 */
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_mbuf_ptype.h>

struct ptype_field {
	uint32_t mask;
	unsigned int shift;
	const char *unknown;
	const char *names[16];
};

static const struct ptype_field ptype_l2 = {
	RTE_PTYPE_L2_MASK,
	0,
	"L2_UNKNOWN",
	{
		[1] = "L2_ETHER",
		[2] = "L2_ETHER_TIMESYNC",
		[3] = "L2_ETHER_ARP",
		[4] = "L2_ETHER_LLDP",
		[5] = "L2_ETHER_NSH",
		[6] = "L2_ETHER_VLAN",
		[7] = "L2_ETHER_QINQ",
		[8] = "L2_ETHER_PPPOE",
		[9] = "L2_ETHER_FCOE",
		[10] = "L2_ETHER_MPLS",
	},
};

static const struct ptype_field ptype_l3 = {
	RTE_PTYPE_L3_MASK,
	4,
	"L3_UNKNOWN",
	{
		[0x1] = "L3_IPV4",
		[0x3] = "L3_IPV4_EXT",
		[0x4] = "L3_IPV6",
		[0x9] = "L3_IPV4_EXT_UNKNOWN",
		[0xc] = "L3_IPV6_EXT",
		[0xe] = "L3_IPV6_EXT_UNKNOWN",
	},
};

static const struct ptype_field ptype_l4 = {
	RTE_PTYPE_L4_MASK,
	8,
	"L4_UNKNOWN",
	{
		[1] = "L4_TCP",
		[2] = "L4_UDP",
		[3] = "L4_FRAG",
		[4] = "L4_SCTP",
		[5] = "L4_ICMP",
		[6] = "L4_NONFRAG",
		[7] = "L4_IGMP",
	},
};

static const struct ptype_field ptype_tunnel = {
	RTE_PTYPE_TUNNEL_MASK,
	12,
	"TUNNEL_UNKNOWN",
	{
		[0x1] = "TUNNEL_IP",
		[0x2] = "TUNNEL_GRE",
		[0x3] = "TUNNEL_VXLAN",
		[0x4] = "TUNNEL_NVGRE",
		[0x5] = "TUNNEL_GENEVE",
		[0x6] = "TUNNEL_GRENAT",
		[0x7] = "TUNNEL_GTPC",
		[0x8] = "TUNNEL_GTPU",
		[0x9] = "TUNNEL_ESP",
		[0xa] = "TUNNEL_L2TP",
		[0xb] = "TUNNEL_VXLAN_GPE",
		[0xc] = "TUNNEL_MPLS_IN_GRE",
		[0xd] = "TUNNEL_MPLS_IN_UDP",
	},
};

static const struct ptype_field ptype_inner_l2 = {
	RTE_PTYPE_INNER_L2_MASK,
	16,
	"INNER_L2_UNKNOWN",
	{
		[1] = "INNER_L2_ETHER",
		[2] = "INNER_L2_ETHER_VLAN",
		[3] = "INNER_L2_ETHER_QINQ",
	},
};

static const struct ptype_field ptype_inner_l3 = {
	RTE_PTYPE_INNER_L3_MASK,
	20,
	"INNER_L3_UNKNOWN",
	{
		[1] = "INNER_L3_IPV4",
		[2] = "INNER_L3_IPV4_EXT",
		[3] = "INNER_L3_IPV6",
		[4] = "INNER_L3_IPV4_EXT_UNKNOWN",
		[5] = "INNER_L3_IPV6_EXT",
		[6] = "INNER_L3_IPV6_EXT_UNKNOWN",
	},
};

static const struct ptype_field ptype_inner_l4 = {
	RTE_PTYPE_INNER_L4_MASK,
	24,
	"INNER_L4_UNKNOWN",
	{
		[1] = "INNER_L4_TCP",
		[2] = "INNER_L4_UDP",
		[3] = "INNER_L4_FRAG",
		[4] = "INNER_L4_SCTP",
		[5] = "INNER_L4_ICMP",
		[6] = "INNER_L4_NONFRAG",
	},
};

/* The fields in the order rte_get_ptype_name() writes them. */
static const struct ptype_field *const ptype_fields[] = {
	&ptype_l2,
	&ptype_l3,
	&ptype_l4,
	&ptype_tunnel,
	&ptype_inner_l2,
	&ptype_inner_l3,
	&ptype_inner_l4,
};

static const char *
ptype_field_name(const struct ptype_field *field, uint32_t ptype)
{
	const char *name = field->names[(ptype & field->mask) >> field->shift];

	return name != NULL ? name : field->unknown;
}

const char *
rte_get_ptype_l2_name(uint32_t ptype)
{
	return ptype_field_name(&ptype_l2, ptype);
}

const char *
rte_get_ptype_l3_name(uint32_t ptype)
{
	return ptype_field_name(&ptype_l3, ptype);
}

const char *
rte_get_ptype_l4_name(uint32_t ptype)
{
	return ptype_field_name(&ptype_l4, ptype);
}

const char *
rte_get_ptype_tunnel_name(uint32_t ptype)
{
	return ptype_field_name(&ptype_tunnel, ptype);
}

const char *
rte_get_ptype_inner_l2_name(uint32_t ptype)
{
	return ptype_field_name(&ptype_inner_l2, ptype);
}

const char *
rte_get_ptype_inner_l3_name(uint32_t ptype)
{
	return ptype_field_name(&ptype_inner_l3, ptype);
}

const char *
rte_get_ptype_inner_l4_name(uint32_t ptype)
{
	return ptype_field_name(&ptype_inner_l4, ptype);
}

/* Appends "word " at *len; on overflow leaves buf as it was, returns -1. */
static int
ptype_append(char *buf, size_t buflen, size_t *len, const char *word)
{
	size_t word_len = strlen(word);

	if (*len + word_len + 1 >= buflen)
		return -1;
	memcpy(buf + *len, word, word_len);
	buf[*len + word_len] = ' ';
	*len += word_len + 1;
	buf[*len] = '\0';
	return 0;
}

int
rte_get_ptype_name(uint32_t ptype, char *buf, size_t buflen)
{
	size_t len = 0;
	unsigned int i;

	if (buf == NULL || buflen == 0)
		return -1;
	buf[0] = '\0';
	if ((ptype & RTE_PTYPE_ALL_MASK) == RTE_PTYPE_UNKNOWN) {
		if (buflen <= strlen("UNKNOWN"))
			return -1;
		strcpy(buf, "UNKNOWN");
		return 0;
	}
	for (i = 0; i < RTE_DIM(ptype_fields); i++) {
		if ((ptype & ptype_fields[i]->mask) == 0)
			continue;
		if (ptype_append(buf, buflen, &len,
			    ptype_field_name(ptype_fields[i], ptype)) < 0)
			return -1;
	}
	return 0;
}
