/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The dynamic field and flag registry.
 *
 * State is a byte map of struct rte_mbuf (free or taken), a bit mask of
 * free ol_flags bits and the list of names handed out, all under one
 * mutex. Registration is a control-path operation (port setup, library
 * init), so a linear scan of 128 bytes is all the placement needs.
 *
 * Placement: every free run of bytes is cut, from its start, into the
 * largest naturally aligned power-of-two blocks (92..127 becomes 92..95
 * and 96..127). A new field goes to the suitably aligned free offset whose
 * block is the smallest, the lowest such offset on a tie. Small fields
 * thus fill small odd corners first and leave the big aligned blocks to
 * fields that need them.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mbuf_core.h>
#include <rte_mbuf_dyn.h>

#define DYN_MBUF_SIZE	sizeof(struct rte_mbuf)
#define DYN_FIELD_FIRST offsetof(struct rte_mbuf, dynfield1)
#define DYN_FIELD_END \
	(DYN_FIELD_FIRST + sizeof(((struct rte_mbuf *)0)->dynfield1))
/* ol_flags bits 23..40, the ones no static flag uses. */
#define DYN_FLAGS_FREE ((RTE_MBUF_F_LAST_FREE << 1) - RTE_MBUF_F_FIRST_FREE)
#define DYN_MAX_FIELDS (DYN_FIELD_END - DYN_FIELD_FIRST)
#define DYN_MAX_FLAGS  64

struct dyn_field {
	struct rte_mbuf_dynfield params;
	size_t offset;
};

struct dyn_flag {
	struct rte_mbuf_dynflag params;
	unsigned int bitnum;
};

static struct {
	pthread_mutex_t lock;
	bool ready;
	bool byte_free[DYN_MBUF_SIZE];
	uint64_t flags_free;
	struct dyn_field fields[DYN_MAX_FIELDS];
	unsigned int nb_fields;
	struct dyn_flag flags[DYN_MAX_FLAGS];
	unsigned int nb_flags;
} dyn = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
};

/* Called with the lock held. */
static void
dyn_init_locked(void)
{
	size_t off;

	if (dyn.ready)
		return;
	for (off = DYN_FIELD_FIRST; off < DYN_FIELD_END; off++)
		dyn.byte_free[off] = true;
	dyn.flags_free = DYN_FLAGS_FREE;
	dyn.ready = true;
}

/* A name must be non-empty and NUL-terminated within the array. */
static int
dyn_check_name(const char *name)
{
	size_t len = strnlen(name, RTE_MBUF_DYN_NAMESIZE);

	if (len == RTE_MBUF_DYN_NAMESIZE) {
		RTE_LOG(ERR, MBUF,
			"dynamic field/flag name is not NUL-terminated within %d bytes\n",
			RTE_MBUF_DYN_NAMESIZE);
		return -ENAMETOOLONG;
	}
	if (len == 0) {
		RTE_LOG(ERR, MBUF, "dynamic field/flag name is empty\n");
		return -EINVAL;
	}
	return 0;
}

static int
dyn_check_field_params(const struct rte_mbuf_dynfield *params, size_t offset)
{
	int ret;

	if (params == NULL) {
		RTE_LOG(ERR, MBUF, "dynamic field: params is NULL\n");
		return -EINVAL;
	}
	ret = dyn_check_name(params->name);
	if (ret < 0)
		return ret;
	if (params->size == 0 || params->size >= DYN_MBUF_SIZE ||
		params->align == 0 || !RTE_IS_POWER_OF_2(params->align) ||
		params->flags != 0) {
		RTE_LOG(ERR, MBUF,
			"dynamic field %s: bad size %zu, align %zu or flags %#x (size 1..%zu, align a power of 2, flags 0)\n",
			params->name, params->size, params->align,
			params->flags, DYN_MBUF_SIZE - 1);
		return -EINVAL;
	}
	if (offset != SIZE_MAX && (offset % params->align) != 0) {
		RTE_LOG(ERR, MBUF,
			"dynamic field %s: offset %zu is not a multiple of align %zu\n",
			params->name, offset, params->align);
		return -EINVAL;
	}
	return 0;
}

static struct dyn_field *
dyn_field_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < dyn.nb_fields; i++) {
		if (strcmp(dyn.fields[i].params.name, name) == 0)
			return &dyn.fields[i];
	}
	return NULL;
}

static bool
dyn_range_free(size_t offset, size_t size)
{
	size_t i;

	if (offset >= DYN_MBUF_SIZE || size > DYN_MBUF_SIZE - offset)
		return false;
	for (i = offset; i < offset + size; i++) {
		if (!dyn.byte_free[i])
			return false;
	}
	return true;
}

/* block[i]: size of the aligned free block holding byte i (0: taken). */
static void
dyn_free_blocks(size_t block[DYN_MBUF_SIZE])
{
	size_t off = 0, run_end, size, i;

	while (off < DYN_MBUF_SIZE) {
		if (!dyn.byte_free[off]) {
			block[off++] = 0;
			continue;
		}
		run_end = off;
		while (run_end < DYN_MBUF_SIZE && dyn.byte_free[run_end])
			run_end++;
		while (off < run_end) {
			size = 1;
			while (off % (size * 2) == 0 &&
				off + size * 2 <= run_end)
				size *= 2;
			for (i = off; i < off + size; i++)
				block[i] = size;
			off += size;
		}
	}
}

/* Best offset for the field, or SIZE_MAX when nothing fits. */
static size_t
dyn_field_place(const struct rte_mbuf_dynfield *params)
{
	size_t block[DYN_MBUF_SIZE];
	size_t off, best = SIZE_MAX;

	dyn_free_blocks(block);
	for (off = 0; off < DYN_MBUF_SIZE; off += params->align) {
		if (!dyn_range_free(off, params->size))
			continue;
		if (best == SIZE_MAX || block[off] < block[best])
			best = off;
	}
	return best;
}

static bool
dyn_field_same(const struct rte_mbuf_dynfield *a,
	const struct rte_mbuf_dynfield *b)
{
	return a->size == b->size && a->align == b->align &&
		a->flags == b->flags;
}

/* Registration with the lock held: offset or -errno. */
static int
dyn_field_register_locked(const struct rte_mbuf_dynfield *params, size_t req)
{
	struct dyn_field *field = dyn_field_find(params->name);
	size_t offset;

	if (field != NULL) {
		if (dyn_field_same(&field->params, params) &&
			(req == SIZE_MAX || req == field->offset))
			return (int)field->offset;
		RTE_LOG(ERR, MBUF,
			"dynamic field %s is already registered with other parameters (size %zu, align %zu, offset %zu)\n",
			params->name, field->params.size, field->params.align,
			field->offset);
		return -EEXIST;
	}
	if (req != SIZE_MAX) {
		if (!dyn_range_free(req, params->size)) {
			RTE_LOG(ERR, MBUF,
				"dynamic field %s: bytes %zu..%zu are not free\n",
				params->name, req, req + params->size - 1);
			return -EBUSY;
		}
		offset = req;
	} else {
		offset = dyn_field_place(params);
		if (offset == SIZE_MAX) {
			RTE_LOG(ERR, MBUF,
				"dynamic field %s: no room for %zu bytes aligned to %zu in the mbuf\n",
				params->name, params->size, params->align);
			return -ENOENT;
		}
	}
	memset(&dyn.byte_free[offset], 0, params->size);
	field = &dyn.fields[dyn.nb_fields++];
	field->params = *params;
	field->offset = offset;
	RTE_LOG(DEBUG, MBUF, "dynamic field %s: %zu bytes at offset %zu\n",
		params->name, params->size, offset);
	return (int)offset;
}

int
rte_mbuf_dynfield_register_offset(const struct rte_mbuf_dynfield *params,
	size_t offset)
{
	int ret = dyn_check_field_params(params, offset);

	if (ret == 0) {
		pthread_mutex_lock(&dyn.lock);
		dyn_init_locked();
		ret = dyn_field_register_locked(params, offset);
		pthread_mutex_unlock(&dyn.lock);
	}
	if (ret < 0) {
		rte_errno = -ret;
		return -1;
	}
	return ret;
}

int
rte_mbuf_dynfield_register(const struct rte_mbuf_dynfield *params)
{
	return rte_mbuf_dynfield_register_offset(params, SIZE_MAX);
}

int
rte_mbuf_dynfield_lookup(const char *name, struct rte_mbuf_dynfield *params)
{
	struct dyn_field *field;
	int ret = -1;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn.lock);
	field = dyn_field_find(name);
	if (field != NULL) {
		if (params != NULL)
			*params = field->params;
		ret = (int)field->offset;
	}
	pthread_mutex_unlock(&dyn.lock);
	if (ret < 0)
		rte_errno = ENOENT;
	return ret;
}

static struct dyn_flag *
dyn_flag_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < dyn.nb_flags; i++) {
		if (strcmp(dyn.flags[i].params.name, name) == 0)
			return &dyn.flags[i];
	}
	return NULL;
}

static int
dyn_check_flag_params(const struct rte_mbuf_dynflag *params, unsigned int bitnum)
{
	int ret;

	if (params == NULL) {
		RTE_LOG(ERR, MBUF, "dynamic flag: params is NULL\n");
		return -EINVAL;
	}
	ret = dyn_check_name(params->name);
	if (ret < 0)
		return ret;
	if (params->flags != 0 || (bitnum != UINT_MAX && bitnum >= 64)) {
		RTE_LOG(ERR, MBUF,
			"dynamic flag %s: bad flags %#x or bit %u (flags 0, bit < 64)\n",
			params->name, params->flags, bitnum);
		return -EINVAL;
	}
	return 0;
}

/* Registration with the lock held: bit number or -errno. */
static int
dyn_flag_register_locked(const struct rte_mbuf_dynflag *params, unsigned int req)
{
	struct dyn_flag *flag = dyn_flag_find(params->name);
	unsigned int bitnum;

	if (flag != NULL) {
		if (flag->params.flags == params->flags &&
			(req == UINT_MAX || req == flag->bitnum))
			return (int)flag->bitnum;
		RTE_LOG(ERR, MBUF,
			"dynamic flag %s is already registered as bit %u\n",
			params->name, flag->bitnum);
		return -EEXIST;
	}
	if (req != UINT_MAX) {
		if ((dyn.flags_free & RTE_BIT64(req)) == 0) {
			RTE_LOG(ERR, MBUF,
				"dynamic flag %s: ol_flags bit %u is not free\n",
				params->name, req);
			return -EBUSY;
		}
		bitnum = req;
	} else {
		if (dyn.flags_free == 0) {
			RTE_LOG(ERR, MBUF,
				"dynamic flag %s: every dynamic ol_flags bit is taken\n",
				params->name);
			return -ENOENT;
		}
		bitnum = rte_bsf64(dyn.flags_free);
	}
	dyn.flags_free &= ~RTE_BIT64(bitnum);
	flag = &dyn.flags[dyn.nb_flags++];
	flag->params = *params;
	flag->bitnum = bitnum;
	RTE_LOG(DEBUG, MBUF, "dynamic flag %s: ol_flags bit %u\n", params->name,
		bitnum);
	return (int)bitnum;
}

int
rte_mbuf_dynflag_register_bitnum(const struct rte_mbuf_dynflag *params,
	unsigned int bitnum)
{
	int ret = dyn_check_flag_params(params, bitnum);

	if (ret == 0) {
		pthread_mutex_lock(&dyn.lock);
		dyn_init_locked();
		ret = dyn_flag_register_locked(params, bitnum);
		pthread_mutex_unlock(&dyn.lock);
	}
	if (ret < 0) {
		rte_errno = -ret;
		return -1;
	}
	return ret;
}

int
rte_mbuf_dynflag_register(const struct rte_mbuf_dynflag *params)
{
	return rte_mbuf_dynflag_register_bitnum(params, UINT_MAX);
}

int
rte_mbuf_dynflag_lookup(const char *name, struct rte_mbuf_dynflag *params)
{
	struct dyn_flag *flag;
	int ret = -1;

	if (name == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&dyn.lock);
	flag = dyn_flag_find(name);
	if (flag != NULL) {
		if (params != NULL)
			*params = flag->params;
		ret = (int)flag->bitnum;
	}
	pthread_mutex_unlock(&dyn.lock);
	if (ret < 0)
		rte_errno = ENOENT;
	return ret;
}

/* The free-room part of the dump: one line per 16 bytes, '.' is taken. */
static void
dyn_dump_free_locked(FILE *out)
{
	size_t block[DYN_MBUF_SIZE];
	size_t off;
	unsigned int bit;

	dyn_free_blocks(block);
	fprintf(out, "Free bytes (block size of each free byte, '.' taken):\n");
	for (off = 0; off < DYN_MBUF_SIZE; off++) {
		if (off % 16 == 0)
			fprintf(out, "  %04zx:", off);
		if (block[off] == 0)
			fprintf(out, "  .");
		else
			fprintf(out, " %2zu", block[off]);
		if (off % 16 == 15)
			fprintf(out, "\n");
	}
	fprintf(out, "Free ol_flags bits:");
	for (bit = 0; bit < 64; bit++) {
		if (dyn.flags_free & RTE_BIT64(bit))
			fprintf(out, " %u", bit);
	}
	fprintf(out, "\n");
}

void
rte_mbuf_dyn_dump(FILE *out)
{
	unsigned int i;

	if (out == NULL)
		out = stdout;
	pthread_mutex_lock(&dyn.lock);
	dyn_init_locked();
	fprintf(out, "Dynamic fields:\n");
	for (i = 0; i < dyn.nb_fields; i++)
		fprintf(out,
			"  name=%s offset=%zu size=%zu align=%zu flags=%u\n",
			dyn.fields[i].params.name, dyn.fields[i].offset,
			dyn.fields[i].params.size, dyn.fields[i].params.align,
			dyn.fields[i].params.flags);
	fprintf(out, "Dynamic flags:\n");
	for (i = 0; i < dyn.nb_flags; i++)
		fprintf(out, "  name=%s bitnum=%u flags=%u\n",
			dyn.flags[i].params.name, dyn.flags[i].bitnum,
			dyn.flags[i].params.flags);
	dyn_dump_free_locked(out);
	pthread_mutex_unlock(&dyn.lock);
}

/* Registers the timestamp field and the named flag. */
static int
dyn_timestamp_register(int *field_offset, uint64_t *flag_mask,
	const char *flag_name)
{
	static const struct rte_mbuf_dynfield field_desc = {
		.name = RTE_MBUF_DYNFIELD_TIMESTAMP_NAME,
		.size = sizeof(rte_mbuf_timestamp_t),
		.align = __alignof__(rte_mbuf_timestamp_t),
	};
	struct rte_mbuf_dynflag flag_desc = { .flags = 0 };
	int offset, bitnum;

	strcpy(flag_desc.name, flag_name);
	offset = rte_mbuf_dynfield_register(&field_desc);
	if (offset < 0) {
		RTE_LOG(ERR, MBUF, "cannot register the timestamp field: %s\n",
			rte_strerror(rte_errno));
		return -1;
	}
	bitnum = rte_mbuf_dynflag_register(&flag_desc);
	if (bitnum < 0) {
		RTE_LOG(ERR, MBUF, "cannot register the flag %s: %s\n",
			flag_name, rte_strerror(rte_errno));
		return -1;
	}
	if (field_offset != NULL)
		*field_offset = offset;
	if (flag_mask != NULL)
		*flag_mask = RTE_BIT64(bitnum);
	return 0;
}

int
rte_mbuf_dyn_rx_timestamp_register(int *field_offset, uint64_t *rx_flag)
{
	return dyn_timestamp_register(field_offset, rx_flag,
		RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME);
}

int
rte_mbuf_dyn_tx_timestamp_register(int *field_offset, uint64_t *tx_flag)
{
	return dyn_timestamp_register(field_offset, tx_flag,
		RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME);
}
