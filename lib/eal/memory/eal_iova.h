/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * IO addresses: which kind devices get (physical addresses, read from
 * /proc/self/pagemap, or virtual ones behind an IOMMU), and the pagemap
 * reader.
 *
 * A pagemap entry is 64 bits per 4 KiB virtual page: bit 63 says the page
 * is present, bits 0-54 hold its page frame number. Without CAP_SYS_ADMIN
 * the kernel reports every frame number as 0, which is how we tell that
 * physical addresses are not available.
 */
#ifndef EAL_IOVA_H
#define EAL_IOVA_H

#include <stdbool.h>

#include <rte_eal.h>
#include <rte_memory.h>

struct eal_config;

/*
 * Hook for buses: the IOVA mode the devices found so far need (RTE_IOVA_DC
 * for no preference). Must be called before eal_memory_init() to count;
 * auto mode then follows it when it can.
 */
void eal_iova_set_bus_preference(enum rte_iova_mode mode);

/*
 * Chooses the IOVA mode from cfg->iova_mode, cfg->no_huge, the bus
 * preference and whether pagemap shows frame numbers. 0, or -1 with
 * rte_errno (EINVAL: PA forced with --no-huge; EACCES: PA forced but not
 * readable) and one error line.
 */
int eal_iova_select(const struct eal_config *cfg);

/* Back to "not chosen" (RTE_IOVA_DC). */
void eal_iova_reset(void);

/* True when pagemap shows real frame numbers to this process. */
bool eal_iova_pa_readable(void);

/* Opens /proc/self/pagemap; -1 on failure. */
int eal_pagemap_open(void);

/* Physical address of a resident virtual address; RTE_BAD_PHYS_ADDR if unknown. */
phys_addr_t eal_pagemap_virt2phy(int pagemap_fd, const void *virt);

#endif /* EAL_IOVA_H */
