/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 The Pollux authors
 */

/*
 * The TSC frequency from CPUID, where the CPU or hypervisor states it
 * exactly enough (0.1 %) to skip measuring:
 *
 *  - Hypervisor leaf 0x40000010 (the "VMware timing leaf", also offered
 *    by KVM/QEMU): EAX = guest TSC frequency in kHz.
 *  - Intel leaf 0x15: TSC = crystal * EBX / EAX, with the crystal in ECX,
 *    or, for the few models that leave ECX 0, the crystal their
 *    datasheets give.
 *
 * Leaf 0x16 (the nominal base frequency, in MHz) is used only as a
 * plausibility bound: on some parts (Skylake-SP, for one) the TSC runs
 * 0.2 % off the nominal value, beyond what rte_get_tsc_hz() promises,
 * and those are then measured instead.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_log.h>

#include "eal_private.h"
#include "eal_timer_private.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

/* Plausible TSC rates; anything outside means a bogus leaf. */
#define TSC_HZ_MIN (100ULL * 1000 * 1000)
#define TSC_HZ_MAX (10ULL * 1000 * 1000 * 1000)

/* Family 6 models that report no crystal in leaf 0x15 ECX, and the
 * crystal they have (Intel SDM vol. 3, "Determining the Processor Base
 * Frequency"; the same table as Linux's native_calibrate_tsc()). */
static uint64_t
tsc_known_crystal_hz(uint32_t family6_model)
{
	switch (family6_model) {
	case 0x4e: /* Skylake mobile */
	case 0x5e: /* Skylake desktop */
	case 0x8e: /* Kaby Lake mobile */
	case 0x9e: /* Kaby Lake / Coffee Lake desktop */
		return 24000000;
	case 0x5f: /* Goldmont server (Denverton) */
		return 25000000;
	case 0x5c: /* Goldmont (Apollo Lake) */
		return 19200000;
	default:
		return 0;
	}
}

uint64_t
eal_tsc_freq_leaf15(uint32_t denominator, uint32_t numerator,
	uint32_t crystal_hz, uint32_t family6_model)
{
	uint64_t crystal = crystal_hz;

	if (denominator == 0 || numerator == 0)
		return 0;
	if (crystal == 0)
		crystal = tsc_known_crystal_hz(family6_model);
	return crystal * numerator / denominator;
}

uint64_t
eal_tsc_freq_plausible(uint64_t hz, uint64_t base_hz)
{
	if (hz < TSC_HZ_MIN || hz > TSC_HZ_MAX)
		return 0;
	if (base_hz != 0 &&
		(hz < base_hz - base_hz / 10 || hz > base_hz + base_hz / 10))
		return 0;
	return hz;
}

#if defined(__x86_64__) || defined(__i386__)

/* Leaf 1 ECX bit 31: running under a hypervisor. */
#define CPUID1_ECX_HYPERVISOR (UINT32_C(1) << 31)

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};

static void
tsc_cpuid(uint32_t leaf, struct cpuid_regs *r)
{
	__cpuid_count(leaf, 0, r->eax, r->ebx, r->ecx, r->edx);
}

/* The 12-byte vendor string of leaf 0 or a hypervisor base leaf. */
static bool
tsc_signature_is(uint32_t b, uint32_t c, uint32_t d, const char *sig)
{
	char text[12];

	memcpy(&text[0], &b, 4);
	memcpy(&text[4], &c, 4);
	memcpy(&text[8], &d, 4);
	return memcmp(text, sig, sizeof(text)) == 0;
}

/* KVM or VMware guest: the timing leaf, when the hypervisor offers it.
 * KVM moves its leaves up by 0x100 when it also emulates Hyper-V. */
static uint64_t
tsc_freq_hypervisor(void)
{
	static const uint32_t bases[] = { 0x40000000, 0x40000100 };
	struct cpuid_regs r;
	unsigned int i;

	tsc_cpuid(1, &r);
	if ((r.ecx & CPUID1_ECX_HYPERVISOR) == 0)
		return 0;
	for (i = 0; i < RTE_DIM(bases); i++) {
		tsc_cpuid(bases[i], &r);
		if (!tsc_signature_is(r.ebx, r.ecx, r.edx, "KVMKVMKVM\0\0\0") &&
			!tsc_signature_is(r.ebx, r.ecx, r.edx, "VMwareVMware"))
			continue;
		if (r.eax < bases[i] + 0x10)
			return 0;
		tsc_cpuid(bases[i] + 0x10, &r);
		return (uint64_t)r.eax * 1000;
	}
	return 0;
}

/* Family 6 display model from leaf 1 EAX, or 0 for another family. */
static uint32_t
tsc_intel_family6_model(void)
{
	struct cpuid_regs r;

	tsc_cpuid(1, &r);
	if (((r.eax >> 8) & 0xf) != 6)
		return 0;
	return ((r.eax >> 12) & 0xf0) | ((r.eax >> 4) & 0xf);
}

/* Intel: leaf 0x15 ratio times the crystal. */
static uint64_t
tsc_freq_intel_leaf15(uint32_t max_leaf)
{
	struct cpuid_regs r;

	if (max_leaf < 0x15)
		return 0;
	tsc_cpuid(0x15, &r);
	return eal_tsc_freq_leaf15(r.eax, r.ebx, r.ecx,
		tsc_intel_family6_model());
}

/* Intel leaf 0x16 base frequency in Hz, 0 when absent. */
static uint64_t
tsc_intel_base_hz(uint32_t max_leaf)
{
	struct cpuid_regs r;

	if (max_leaf < 0x16)
		return 0;
	tsc_cpuid(0x16, &r);
	return (uint64_t)(r.eax & 0xffff) * 1000 * 1000;
}

/* Logs which source gave the rate, or why it was not believed. */
static uint64_t
tsc_freq_checked(uint64_t hz, uint64_t base_hz, const char *source)
{
	if (hz == 0)
		return 0;
	if (eal_tsc_freq_plausible(hz, base_hz) == 0) {
		EAL_LOG(DEBUG,
			"ignoring TSC frequency %" PRIu64 " Hz from %s\n", hz,
			source);
		return 0;
	}
	EAL_LOG(DEBUG, "TSC frequency from %s: %" PRIu64 " Hz\n", source, hz);
	return hz;
}

uint64_t
eal_tsc_freq_from_cpu(void)
{
	struct cpuid_regs r;
	uint64_t base_hz = 0;
	uint64_t hz;
	bool intel;

	tsc_cpuid(0, &r);
	intel = tsc_signature_is(r.ebx, r.edx, r.ecx, "GenuineIntel");
	if (intel)
		base_hz = tsc_intel_base_hz(r.eax);

	hz = tsc_freq_checked(tsc_freq_hypervisor(), base_hz,
		"hypervisor CPUID leaf 0x40000010");
	if (hz == 0 && intel)
		hz = tsc_freq_checked(tsc_freq_intel_leaf15(r.eax), base_hz,
			"CPUID leaf 0x15");
	return hz;
}

#elif defined(__aarch64__)

/* The generic timer states its own frequency. */
uint64_t
eal_tsc_freq_from_cpu(void)
{
	uint64_t hz;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(hz));
	return hz;
}

#else

/* rte_rdtsc() falls back to a nanosecond clock. */
uint64_t
eal_tsc_freq_from_cpu(void)
{
	return NS_PER_S;
}

#endif
