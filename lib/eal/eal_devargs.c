/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * Device arguments: parsing the two spellings (legacy "[bus:]name,args"
 * and layered "bus=.../class=.../driver=..."), the process-wide list the
 * buses read, and turning -a/-b/--vdev into list entries at init.
 *
 * The list changes at init (one thread) and under the hot-plug lock of
 * eal_dev.c and the vdev bus, so it needs no lock of its own.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <bus_driver.h>

#include "eal_private.h"

#define DEVARGS_ERR_LEN 160

static RTE_TAILQ_HEAD(, rte_devargs) devargs_list = TAILQ_HEAD_INITIALIZER(
	devargs_list);

/* The bus name of a PCI address kept while no PCI bus is registered. */
static const char pci_bus_name[] = "pci";

/* The name of the bus a devargs belongs to. */
static const char *
devargs_bus_name(const struct rte_devargs *da)
{
	return da->bus != NULL ? da->bus->name : da->bus_str;
}

/* "[DDDD:]BB:DD.F" in hex: a PCI address, whether or not a PCI bus is. */
static bool
devargs_is_pci_addr(const char *name)
{
	unsigned int domain, bus, dev, func;
	char end;

	if (sscanf(name, "%x:%x:%x.%x%c", &domain, &bus, &dev, &func, &end) == 4)
		return domain <= 0xffff && bus <= 0xff && dev <= 0x1f &&
			func <= 7;
	if (sscanf(name, "%x:%x.%x%c", &bus, &dev, &func, &end) == 3)
		return bus <= 0xff && dev <= 0x1f && func <= 7;
	return false;
}

/* Copies len bytes of src as da->name; -EINVAL when empty or too long. */
static int
devargs_set_name(struct rte_devargs *da, const char *src, size_t len, char *err)
{
	if (len == 0) {
		snprintf(err, DEVARGS_ERR_LEN, "the device name is empty");
		return -EINVAL;
	}
	if (len >= sizeof(da->name)) {
		snprintf(err, DEVARGS_ERR_LEN,
			"the device name is longer than "
			"%zu characters",
			sizeof(da->name) - 1);
		return -EINVAL;
	}
	memcpy(da->name, src, len);
	da->name[len] = '\0';
	return 0;
}

/* "bus:" in front of the name, when bus is a registered bus. */
static struct rte_bus *
devargs_bus_prefix(const char *dev, const char **devname)
{
	size_t len = strcspn(dev, ":,");
	char bus_name[RTE_DEV_NAME_MAX_LEN];
	struct rte_bus *bus;

	*devname = dev;
	if (dev[len] != ':' || len >= sizeof(bus_name))
		return NULL;
	memcpy(bus_name, dev, len);
	bus_name[len] = '\0';
	bus = rte_bus_find_by_name(bus_name);
	if (bus != NULL)
		*devname = dev + len + 1;
	return bus;
}

static int
devargs_parse_legacy(struct rte_devargs *da, const char *dev, char *err)
{
	const char *devname;
	struct rte_bus *bus = devargs_bus_prefix(dev, &devname);
	size_t len = strcspn(devname, ",");
	int ret;

	ret = devargs_set_name(da, devname, len, err);
	if (ret < 0)
		return ret;
	if (bus != NULL && (bus->parse == NULL || bus->parse(da->name, NULL))) {
		snprintf(err, DEVARGS_ERR_LEN,
			"bus %s does not know a device "
			"named %s",
			bus->name, da->name);
		return -EFAULT;
	}
	if (bus == NULL)
		bus = rte_bus_find_by_device_name(da->name);
	if (bus == NULL && devargs_is_pci_addr(da->name)) {
		da->bus_str = pci_bus_name;
	} else if (bus == NULL) {
		snprintf(err, DEVARGS_ERR_LEN, "no bus knows a device named %s",
			da->name);
		return -EFAULT;
	}
	da->bus = bus;
	da->data = strdup(devname[len] == ',' ? devname + len + 1 : "");
	if (da->data == NULL) {
		snprintf(err, DEVARGS_ERR_LEN, "out of memory");
		return -ENOMEM;
	}
	da->args = da->data;
	return 0;
}

/* Layer keys; a '/' ends a layer only in front of one of them. */
static const char *
devargs_layer_key(const char *s)
{
	static const char *const keys[] = { RTE_DEVARGS_KEY_BUS "=",
		RTE_DEVARGS_KEY_CLASS "=", RTE_DEVARGS_KEY_DRIVER "=" };
	unsigned int i;

	for (i = 0; i < RTE_DIM(keys); i++)
		if (strncmp(s, keys[i], strlen(keys[i])) == 0)
			return keys[i];
	return NULL;
}

/* Cuts da->data into its layers; -EINVAL for a repeated layer. */
static int
devargs_split_layers(struct rte_devargs *da, char *err)
{
	const char **slot;
	const char *key;
	char *layer = da->data, *slash;

	while (layer != NULL) {
		key = devargs_layer_key(layer);
		slot = key[0] == 'b'  ? &da->bus_str :
			key[0] == 'c' ? &da->cls_str :
					&da->drv_str;
		if (*slot != NULL) {
			snprintf(err, DEVARGS_ERR_LEN,
				"the %.*s layer is given "
				"twice",
				(int)strlen(key) - 1, key);
			return -EINVAL;
		}
		*slot = layer;
		for (slash = strchr(layer, '/'); slash != NULL;
			slash = strchr(slash + 1, '/'))
			if (devargs_layer_key(slash + 1) != NULL)
				break;
		if (slash != NULL)
			*slash++ = '\0';
		layer = slash;
	}
	return 0;
}

/*
 * The value of the "name" key in a layer's "key=value,..." list (the
 * syntax of rte_kvargs.h: commas inside [] do not end a pair), and its
 * length in *len; NULL when there is none or a '[' is left open. The EAL
 * sits below lib/kvargs, so it reads this one key itself.
 */
static const char *
devargs_layer_value(const char *list, const char *key, size_t *len)
{
	size_t key_len = strlen(key);
	const char *pair = list, *pos;
	int depth = 0;

	for (pos = list;; pos++) {
		if (*pos == '[')
			depth++;
		else if (*pos == ']' && depth > 0)
			depth--;
		if ((*pos != ',' || depth != 0) && *pos != '\0')
			continue;
		if (depth != 0)
			return NULL;
		if ((size_t)(pos - pair) > key_len &&
			strncmp(pair, key, key_len) == 0 &&
			pair[key_len] == '=') {
			*len = (size_t)(pos - pair) - key_len - 1;
			return pair + key_len + 1;
		}
		if (*pos == '\0')
			return NULL;
		pair = pos + 1;
	}
}

/* The generic way to name the device of a bus layer: its "name" key. */
static int
devargs_layer_name(struct rte_devargs *da, char *err)
{
	const char *name;
	size_t len = 0;

	name = devargs_layer_value(da->bus_str, "name", &len);
	if (name == NULL) {
		snprintf(err, DEVARGS_ERR_LEN, "the bus layer has no name=");
		return -EINVAL;
	}
	return devargs_set_name(da, name, len, err);
}

static int
devargs_parse_layers(struct rte_devargs *da, const char *dev, char *err)
{
	char bus_name[RTE_DEV_NAME_MAX_LEN];
	size_t len;
	int ret;

	da->data = strdup(dev);
	if (da->data == NULL) {
		snprintf(err, DEVARGS_ERR_LEN, "out of memory");
		return -ENOMEM;
	}
	ret = devargs_split_layers(da, err);
	if (ret < 0)
		return ret;
	if (da->bus_str == NULL) {
		snprintf(err, DEVARGS_ERR_LEN, "there is no bus= layer");
		return -EINVAL;
	}
	len = strcspn(da->bus_str + 4, ",");
	snprintf(bus_name, sizeof(bus_name), "%.*s", (int)len, da->bus_str + 4);
	da->bus = rte_bus_find_by_name(bus_name);
	if (da->bus == NULL) {
		snprintf(err, DEVARGS_ERR_LEN, "no bus is called \"%s\"",
			bus_name);
		return -EINVAL;
	}
	if (da->bus->devargs_parse != NULL) {
		ret = da->bus->devargs_parse(da);
		if (ret < 0)
			snprintf(err, DEVARGS_ERR_LEN,
				"bus %s cannot parse its "
				"layer",
				bus_name);
		return ret;
	}
	return devargs_layer_name(da, err);
}

/* Parses dev into da; on failure one sentence in err and -errno. */
static int
devargs_parse(struct rte_devargs *da, const char *dev, char *err)
{
	const char *key = devargs_layer_key(dev);
	int ret;

	memset(da, 0, sizeof(*da));
	if (key != NULL && key[0] != 'd')
		ret = devargs_parse_layers(da, dev, err);
	else
		ret = devargs_parse_legacy(da, dev, err);
	if (ret < 0)
		rte_devargs_reset(da);
	return ret;
}

int
rte_devargs_parse(struct rte_devargs *da, const char *dev)
{
	char err[DEVARGS_ERR_LEN];
	int ret;

	if (da == NULL || dev == NULL) {
		EAL_LOG(ERR, "rte_devargs_parse(): NULL argument\n");
		return -EINVAL;
	}
	ret = devargs_parse(da, dev, err);
	if (ret < 0)
		EAL_LOG(ERR, "cannot parse device \"%s\": %s\n", dev, err);
	return ret;
}

int
rte_devargs_parsef(struct rte_devargs *da, const char *format, ...)
{
	va_list ap;
	char *dev = NULL;
	int ret;

	if (da == NULL || format == NULL) {
		EAL_LOG(ERR, "rte_devargs_parsef(): NULL argument\n");
		return -EINVAL;
	}
	va_start(ap, format);
	ret = vasprintf(&dev, format, ap);
	va_end(ap);
	if (ret < 0) {
		EAL_LOG(ERR, "rte_devargs_parsef(): out of memory\n");
		return -ENOMEM;
	}
	ret = rte_devargs_parse(da, dev);
	free(dev);
	return ret;
}

void
rte_devargs_reset(struct rte_devargs *da)
{
	if (da == NULL)
		return;
	free(da->data);
	da->data = NULL;
	da->args = NULL;
	da->bus_str = NULL;
	da->cls_str = NULL;
}

static bool
devargs_same_device(const struct rte_devargs *a, const struct rte_devargs *b)
{
	const char *bus_a = devargs_bus_name(a), *bus_b = devargs_bus_name(b);

	if (bus_a == NULL || bus_b == NULL)
		return false;
	return strcmp(bus_a, bus_b) == 0 && strcmp(a->name, b->name) == 0;
}

int
rte_devargs_insert(struct rte_devargs **da)
{
	struct rte_devargs *listed;

	if (da == NULL || *da == NULL)
		return -EINVAL;
	TAILQ_FOREACH (listed, &devargs_list, next) {
		if (listed == *da)
			return 0;
		if (!devargs_same_device(listed, *da))
			continue;
		/* The listed entry takes the new contents, and keeps its
		 * place (and the devices that point to it). */
		(*da)->next = listed->next;
		rte_devargs_reset(listed);
		*listed = **da;
		free(*da);
		*da = listed;
		return 0;
	}
	TAILQ_INSERT_TAIL(&devargs_list, *da, next);
	return 0;
}

/* The listed entry for the same device as da, or NULL. */
static const struct rte_devargs *
devargs_listed_same(const struct rte_devargs *da)
{
	const struct rte_devargs *listed;

	TAILQ_FOREACH (listed, &devargs_list, next)
		if (devargs_same_device(listed, da))
			return listed;
	return NULL;
}

/*
 * rte_devargs_add() with the reason for a failure in err. A device that
 * is listed already takes the new arguments (DPDK's rte_devargs_add()),
 * unless once_only: then it is -EEXIST (the command line, where naming a
 * device twice is a mistake: "--vdev net_null0 --vdev net_null0" would
 * make one port, not the two it seems to ask for).
 */
static int
devargs_add(enum rte_devtype devtype, const char *str, char *err,
	bool once_only, struct rte_devargs **added)
{
	struct rte_devargs *da = calloc(1, sizeof(*da));
	int ret;

	if (da == NULL) {
		snprintf(err, DEVARGS_ERR_LEN, "out of memory");
		return -ENOMEM;
	}
	ret = devargs_parse(da, str, err);
	if (ret < 0) {
		free(da);
		return ret;
	}
	if (once_only && devargs_listed_same(da) != NULL) {
		snprintf(err, DEVARGS_ERR_LEN,
			"device %s is named twice "
			"(each device once, with all its arguments)",
			da->name);
		rte_devargs_reset(da);
		free(da);
		return -EEXIST;
	}
	da->type = devtype;
	if (devtype == RTE_DEVTYPE_BLOCKED)
		da->policy = RTE_DEV_BLOCKED;
	if (da->bus != NULL && da->bus->conf.scan_mode == RTE_BUS_SCAN_UNDEFINED)
		da->bus->conf.scan_mode = da->policy == RTE_DEV_ALLOWED ?
			RTE_BUS_SCAN_ALLOWLIST :
			RTE_BUS_SCAN_BLOCKLIST;
	ret = rte_devargs_insert(&da);
	if (added != NULL)
		*added = da;
	return ret;
}

int
rte_devargs_add(enum rte_devtype devtype, const char *devargs_str)
{
	char err[DEVARGS_ERR_LEN];
	int ret;

	if (devargs_str == NULL || devtype > RTE_DEVTYPE_VIRTUAL) {
		EAL_LOG(ERR, "rte_devargs_add(): bad argument\n");
		return -EINVAL;
	}
	ret = devargs_add(devtype, devargs_str, err, false, NULL);
	if (ret < 0)
		EAL_LOG(ERR, "cannot add device \"%s\": %s\n", devargs_str, err);
	return ret;
}

int
rte_devargs_remove(struct rte_devargs *devargs)
{
	struct rte_devargs *listed;

	if (devargs == NULL)
		return -EINVAL;
	TAILQ_FOREACH (listed, &devargs_list, next) {
		if (listed != devargs && !devargs_same_device(listed, devargs))
			continue;
		TAILQ_REMOVE(&devargs_list, listed, next);
		rte_devargs_reset(listed);
		free(listed);
		return 0;
	}
	return 1;
}

unsigned int
rte_devargs_type_count(enum rte_devtype devtype)
{
	const struct rte_devargs *da;
	unsigned int count = 0;

	TAILQ_FOREACH (da, &devargs_list, next)
		count += da->type == devtype;
	return count;
}

static const char *
devtype_name(enum rte_devtype type)
{
	switch (type) {
	case RTE_DEVTYPE_ALLOWED:
		return "allowed";
	case RTE_DEVTYPE_BLOCKED:
		return "blocked";
	default:
		return "virtual";
	}
}

void
rte_devargs_dump(FILE *f)
{
	const struct rte_devargs *da;
	const char *bus;

	if (f == NULL)
		return;
	fprintf(f, "device list:\n");
	TAILQ_FOREACH (da, &devargs_list, next) {
		bus = devargs_bus_name(da);
		fprintf(f, "  %s %s (%s%s): %s\n", bus != NULL ? bus : "?",
			da->name, devtype_name(da->type),
			da->bus == NULL ? ", no such bus registered" : "",
			da->args != NULL ? da->args : "");
	}
}

struct rte_devargs *
rte_devargs_next(const char *busname, const struct rte_devargs *start)
{
	struct rte_devargs *da;
	const char *bus;

	da = start != NULL ? TAILQ_NEXT(start, next) :
			     TAILQ_FIRST(&devargs_list);
	for (; da != NULL; da = TAILQ_NEXT(da, next)) {
		bus = devargs_bus_name(da);
		if (busname == NULL ||
			(bus != NULL && strcmp(bus, busname) == 0))
			return da;
	}
	return NULL;
}

static const char *
devarg_option_name(int kind)
{
	return kind == 'a' ? "-a" : kind == 'b' ? "-b" : "--vdev";
}

/* Turns one -a/-b/--vdev string into a listed devargs. */
static int
devargs_from_option(const struct eal_devarg_opt *opt)
{
	enum rte_devtype type = opt->kind == 'a' ? RTE_DEVTYPE_ALLOWED :
		opt->kind == 'b'		 ? RTE_DEVTYPE_BLOCKED :
						   RTE_DEVTYPE_VIRTUAL;
	struct rte_devargs *da = NULL;
	char err[DEVARGS_ERR_LEN];
	int ret;

	ret = devargs_add(type, opt->str, err, true, &da);
	if (ret == -EFAULT && type == RTE_DEVTYPE_VIRTUAL)
		snprintf(err, sizeof(err),
			"failed to initialize vdev: no "
			"driver is named like it (check the name, or load the "
			"driver with -d)");
	if (ret < 0) {
		EAL_LOG(ERR, "%s %s: %s\n", devarg_option_name(opt->kind),
			opt->str, err);
		return ret;
	}
	if (da->bus == NULL)
		EAL_LOG(WARNING,
			"%s %s: no %s bus is registered, so this "
			"entry matches no device\n",
			devarg_option_name(opt->kind), opt->str, da->bus_str);
	return 0;
}

int
eal_devargs_from_options(const struct eal_config *cfg)
{
	unsigned int i;
	int ret;

	for (i = 0; i < cfg->nb_devargs; i++) {
		ret = devargs_from_option(&cfg->devargs[i]);
		if (ret < 0) {
			eal_devargs_release();
			rte_errno = ret == -ENOMEM ? ENOMEM :
				ret == -EEXIST	   ? EINVAL :
						     ENODEV;
			return -1;
		}
	}
	return 0;
}

void
eal_devargs_release(void)
{
	struct rte_devargs *da;

	while ((da = TAILQ_FIRST(&devargs_list)) != NULL) {
		TAILQ_REMOVE(&devargs_list, da, next);
		rte_devargs_reset(da);
		free(da);
	}
}
