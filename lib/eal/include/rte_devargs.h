/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Device arguments: how a device is named on the command line (-a, -b,
 * --vdev) or to rte_dev_probe(), parsed into a struct rte_devargs and
 * kept in one process-wide list that the buses read when they scan.
 *
 * Two spellings are accepted:
 * - legacy: "[bus:]name[,key=value...]", e.g. "net_null0,size=64",
 *   "vdev:net_ring0" or "0000:00:01.0"; the bus is the one whose parse()
 *   recognises the name, or the one named before ':'.
 * - layered: "bus=NAME[,k=v...][/class=NAME[,k=v...]][/driver=NAME[,k=v...]]",
 *   e.g. "bus=vdev,name=net_null0/class=eth"; the bus's devargs_parse()
 *   extracts the device name from its layer.
 */
#ifndef _RTE_DEVARGS_H_
#define _RTE_DEVARGS_H_

#include <stdio.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_dev.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus;
struct rte_class;

/** Keys of the layered syntax. */
#define RTE_DEVARGS_KEY_BUS    "bus"
#define RTE_DEVARGS_KEY_CLASS  "class"
#define RTE_DEVARGS_KEY_DRIVER "driver"

/** Where a devargs came from. */
enum rte_devtype {
	RTE_DEVTYPE_ALLOWED, /**< -a: probe this device */
	RTE_DEVTYPE_BLOCKED, /**< -b: never probe it */
	RTE_DEVTYPE_VIRTUAL, /**< --vdev: create and probe it */
};

/** One parsed device string. */
struct rte_devargs {
	RTE_TAILQ_ENTRY(rte_devargs) next; /**< list link (EAL-owned) */
	enum rte_devtype type;
	enum rte_dev_policy policy;
	char name[RTE_DEV_NAME_MAX_LEN]; /**< device name */
	RTE_STD_C11
	union {
		const char *args;    /**< legacy: what follows the first ',' */
		const char *drv_str; /**< layered: the driver layer */
	};
	struct rte_bus *bus;   /**< bus; NULL for a PCI address while no
					 * PCI bus is registered */
	struct rte_class *cls; /**< always NULL in Pollux */
	const char *bus_str;   /**< layered: the bus layer */
	const char *cls_str;   /**< layered: the class layer */
	char *data;	       /**< storage behind the strings above */
};

/**
 * Parses dev into da (which is overwritten). The strings in da live in
 * da->data: release them with rte_devargs_reset().
 *
 * @return 0; -EINVAL (NULL argument, empty or too long name, bad layered
 *   syntax, unknown bus), -EFAULT (no bus recognises the name), -ENOMEM.
 *   One error line says what was wrong.
 */
int rte_devargs_parse(struct rte_devargs *da, const char *dev);

/** rte_devargs_parse() on a printf-formatted string. */
int rte_devargs_parsef(struct rte_devargs *da, const char *format, ...)
	__rte_format_printf(2, 3);

/** Frees what parsing allocated inside da (not da itself). */
__rte_experimental void rte_devargs_reset(struct rte_devargs *da);

/**
 * Adds *da (allocated with malloc) to the list. If the list already
 * holds a devargs for the same bus and name, that entry takes *da's
 * contents, *da is freed and *da then points to the listed entry.
 *
 * @return 0, or -EINVAL for NULL.
 */
int rte_devargs_insert(struct rte_devargs **da);

/**
 * Parses devargs_str and adds it to the list as devtype. A blocked
 * device gets the RTE_DEV_BLOCKED policy; the first allowed or blocked
 * devargs of a bus sets the bus's scan mode.
 *
 * @return 0, or a negative errno from rte_devargs_parse() (or -ENOMEM).
 */
int rte_devargs_add(enum rte_devtype devtype, const char *devargs_str);

/**
 * Removes the listed devargs with devargs's bus and name and frees it.
 *
 * @return 0 when removed, 1 when not listed, -EINVAL for NULL.
 */
int rte_devargs_remove(struct rte_devargs *devargs);

/** Number of listed devargs of that type. */
unsigned int rte_devargs_type_count(enum rte_devtype devtype);

/** Prints the list to f. */
void rte_devargs_dump(FILE *f);

/**
 * The listed devargs after start (from the first when start is NULL)
 * on the bus called busname (any bus when NULL); NULL at the end.
 */
struct rte_devargs *
rte_devargs_next(const char *busname, const struct rte_devargs *start);

/** Walks the devargs of a bus (all of them when busname is NULL). */
#define RTE_EAL_DEVARGS_FOREACH(busname, da) \
	for (da = rte_devargs_next(busname, NULL); da != NULL; \
		da = rte_devargs_next(busname, da))

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEVARGS_H_ */
