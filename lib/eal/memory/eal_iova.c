/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * IOVA mode selection and address translation.
 *
 *   --iova-mode   hugepages   pagemap PFNs   bus wants   ->  mode
 *   pa            no          -              -               error EINVAL
 *   pa            yes         none           -               error EACCES
 *   pa            yes         yes            -               PA
 *   va            -           -              -               VA
 *   auto          no          -              -               VA
 *   auto          yes         -              VA              VA
 *   auto          yes         yes            PA or none      PA
 *   auto          yes         none           -               VA
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "eal_private.h"
#include "eal_iova.h"
#include "eal_memory.h"
#include "eal_memseg.h"

#define PAGEMAP_PRESENT	 RTE_BIT64(63)
#define PAGEMAP_PFN_MASK (RTE_BIT64(55) - 1)

static enum rte_iova_mode iova_mode = RTE_IOVA_DC;
static enum rte_iova_mode bus_preference = RTE_IOVA_DC;

void
eal_iova_set_bus_preference(enum rte_iova_mode mode)
{
	bus_preference = mode;
}

int
eal_pagemap_open(void)
{
	return open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
}

phys_addr_t
eal_pagemap_virt2phy(int pagemap_fd, const void *virt)
{
	long page_sz = sysconf(_SC_PAGESIZE);
	uintptr_t va = (uintptr_t)virt;
	uint64_t entry, pfn;
	off_t offset;

	if (pagemap_fd < 0 || page_sz <= 0)
		return RTE_BAD_PHYS_ADDR;
	offset = (off_t)(va / (uintptr_t)page_sz) * (off_t)sizeof(entry);
	if (pread(pagemap_fd, &entry, sizeof(entry), offset) !=
		(ssize_t)sizeof(entry))
		return RTE_BAD_PHYS_ADDR;
	if ((entry & PAGEMAP_PRESENT) == 0)
		return RTE_BAD_PHYS_ADDR;
	pfn = entry & PAGEMAP_PFN_MASK;
	/* Frame 0 is what an unprivileged reader is shown. */
	if (pfn == 0)
		return RTE_BAD_PHYS_ADDR;
	return pfn * (uint64_t)page_sz + va % (uintptr_t)page_sz;
}

bool
eal_iova_pa_readable(void)
{
	volatile uint64_t probe = 1; /* written, hence resident */
	phys_addr_t pa;
	int fd;

	fd = eal_pagemap_open();
	if (fd < 0)
		return false;
	probe++;
	pa = eal_pagemap_virt2phy(fd, (const void *)&probe);
	close(fd);
	return pa != RTE_BAD_PHYS_ADDR;
}

static const char *
iova_mode_name(enum rte_iova_mode mode)
{
	return mode == RTE_IOVA_PA ? "PA" : mode == RTE_IOVA_VA ? "VA" : "DC";
}

/* --iova-mode=pa: possible only with readable physical addresses. */
static int
select_forced_pa(const struct eal_config *cfg)
{
	if (cfg->no_huge) {
		EAL_LOG(ERR,
			"--iova-mode=pa needs hugepages: ordinary memory "
			"(--no-huge, or no free hugepages) is only usable as VA\n");
		rte_errno = EINVAL;
		return -1;
	}
	if (!eal_iova_pa_readable()) {
		EAL_LOG(ERR,
			"--iova-mode=pa: /proc/self/pagemap shows no "
			"physical addresses (run as root / with CAP_SYS_ADMIN, "
			"or use --iova-mode=va)\n");
		rte_errno = EACCES;
		return -1;
	}
	iova_mode = RTE_IOVA_PA;
	return 0;
}

int
eal_iova_select(const struct eal_config *cfg)
{
	if (cfg->iova_mode == RTE_IOVA_PA)
		return select_forced_pa(cfg);
	if (cfg->iova_mode == RTE_IOVA_VA || cfg->no_huge)
		iova_mode = RTE_IOVA_VA;
	else if (bus_preference == RTE_IOVA_VA)
		iova_mode = RTE_IOVA_VA;
	else
		iova_mode = eal_iova_pa_readable() ? RTE_IOVA_PA : RTE_IOVA_VA;
	if (bus_preference == RTE_IOVA_PA && iova_mode != RTE_IOVA_PA)
		EAL_LOG(WARNING,
			"devices asked for IOVA as PA, which is not "
			"available: using VA\n");
	EAL_LOG(DEBUG, "selected IOVA mode '%s'\n", iova_mode_name(iova_mode));
	return 0;
}

void
eal_iova_reset(void)
{
	iova_mode = RTE_IOVA_DC;
}

enum rte_iova_mode
rte_eal_iova_mode(void)
{
	return iova_mode;
}

int
rte_eal_using_phys_addrs(void)
{
	return iova_mode == RTE_IOVA_PA;
}

phys_addr_t
rte_mem_virt2phy(const void *virt)
{
	phys_addr_t pa;
	int fd;

	fd = eal_pagemap_open();
	if (fd < 0)
		return RTE_BAD_PHYS_ADDR;
	pa = eal_pagemap_virt2phy(fd, virt);
	close(fd);
	return pa;
}

/* External memory: the IOVA the application gave for its page, in any
 * mode (DPDK's rte_malloc_virt2iova() answers so too). */
static bool
external_virt2iova(const void *virt, rte_iova_t *iova)
{
	const struct rte_memseg_list *msl = rte_mem_virt2memseg_list(virt);
	const struct rte_memseg *ms;

	if (msl == NULL || !msl->external)
		return false;
	ms = rte_mem_virt2memseg(virt, msl);
	*iova = ms == NULL || ms->iova == RTE_BAD_IOVA ?
		RTE_BAD_IOVA :
		ms->iova + RTE_PTR_DIFF(virt, ms->addr);
	return true;
}

rte_iova_t
rte_mem_virt2iova(const void *virt)
{
	const struct rte_memseg *ms;
	rte_iova_t iova = RTE_BAD_IOVA;

	if (external_virt2iova(virt, &iova))
		return iova;
	if (iova_mode == RTE_IOVA_VA)
		return (uintptr_t)virt;
	if (iova_mode != RTE_IOVA_PA)
		return RTE_BAD_IOVA;
	/* EAL memory: the segment knows, no system call needed. */
	pthread_rwlock_rdlock(&eal_memseg_lock);
	eal_memseg_translate_range(virt, 1);
	ms = eal_memseg_find(virt, NULL);
	if (ms != NULL && ms->iova != RTE_BAD_IOVA)
		iova = ms->iova + RTE_PTR_DIFF(virt, ms->addr);
	pthread_rwlock_unlock(&eal_memseg_lock);
	if (iova != RTE_BAD_IOVA)
		return iova;
	return rte_mem_virt2phy(virt);
}
