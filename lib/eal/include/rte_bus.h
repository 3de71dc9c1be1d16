/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/**
 * @file
 * Buses, as applications see them. A bus (vdev, and pci in a later
 * step) finds devices (scan) and binds drivers to them (probe);
 * rte_eal_init() does both for every registered bus. The bus structure
 * is in bus_driver.h.
 */
#ifndef _RTE_BUS_H_
#define _RTE_BUS_H_

#include <stdio.h>

#include <rte_eal.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus;
struct rte_device;

/** The bus's name ("vdev", "pci"). */
const char *rte_bus_name(const struct rte_bus *bus);

/**
 * Lets every registered bus look for devices. A bus whose scan fails is
 * named in one error line and the others still scan (as in DPDK, a
 * missing bus is no reason to stop).
 *
 * @return 0.
 */
int rte_bus_scan(void);

/**
 * Binds drivers to the devices every bus found: all other buses first,
 * then vdev (virtual devices may stack on physical ones).
 *
 * @return 0, or the first failing bus's negative errno (the other buses
 *   still probe). The bus logs one line per device it could not probe.
 */
int rte_bus_probe(void);

/** Prints the registered buses to f. */
void rte_bus_dump(FILE *f);

/** Compares a bus with data: 0 when it matches. */
typedef int (*rte_bus_cmp_t)(const struct rte_bus *bus, const void *data);

/**
 * The first registered bus after start (from the first if start is NULL)
 * for which cmp returns 0; NULL if none.
 */
struct rte_bus *
rte_bus_find(const struct rte_bus *start, rte_bus_cmp_t cmp, const void *data);

/** The bus that holds this device, NULL if none does. */
struct rte_bus *rte_bus_find_by_device(const struct rte_device *dev);

/** The registered bus of that name, NULL if none. */
struct rte_bus *rte_bus_find_by_name(const char *busname);

/**
 * The IOVA mode the devices on all buses want: RTE_IOVA_VA or
 * RTE_IOVA_PA when the buses that care agree, RTE_IOVA_DC when none cares
 * or they disagree (with a warning).
 */
enum rte_iova_mode rte_bus_get_iommu_class(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_H_ */
