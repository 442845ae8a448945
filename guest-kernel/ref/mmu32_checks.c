// SPDX-License-Identifier: MIT
/*
 * The MMU checks of the reference kernel built for Book3S-32 (mmu32.c has
 * its MMU side): the 32-bit machine itself.
 *
 *  - the sixteen segment registers written with mtsrin (patched to the
 *    FEAT_SR trampoline under PV: a store into the magic page's sr[]) and
 *    with mtsr (always a trap), read back with mfsrin and mfsr (traps);
 *  - under PV, the magic page's sr[] is the one copy the host reads;
 *  - the CPU really computes 32-bit effective addresses (MSR[SF]=0).
 */
#include <ppcpv/abi.h>
#include <ppcpv/fmt.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/isa/hash64.h>
#include <ppcpv/patcher.h>
#include "mmu.h"
#include "ref.h"

#define SR_COUNT	(1u << (32 - PPC_BOOK3S32_SR_SHIFT))
_Static_assert(SR_COUNT == PPCPV_SHARED_SR_COUNT, "one shared sr[] slot per segment register");

/* EA bits below the segment number, set in mtsrin's rB: they must not
 * matter. */
#define EA_OFFSET_BITS	0x0abcdef0ul
#define WIDE_EA_VALUE	0x5eb32a11ul	/* what the 32-bit-mode probe reads */

int ppcpv_ref32_probe_wide_ea(unsigned long ea, unsigned long *val);

/* ---- the segment registers ------------------------------------------------ */

static unsigned long sr_ea(unsigned int n)
{
	return (unsigned long)n << PPC_BOOK3S32_SR_SHIFT;
}

static void mtsrin(unsigned int n, unsigned long v)
{
	__asm__ __volatile__("mtsrin %0,%1" : : "r"(v), "r"(sr_ea(n) | EA_OFFSET_BITS) : "memory");
}

static unsigned long mfsrin(unsigned int n)
{
	unsigned long v;

	__asm__ __volatile__("mfsrin %0,%1" : "=r"(v) : "r"(sr_ea(n) | EA_OFFSET_BITS));
	return v;
}

/* mtsr and mfsr name their register in the instruction: one site each. */
#define SR_NUMBERS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
		      X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)

static void mtsr(unsigned int n, unsigned long v)
{
#define MTSR_CASE(i) case i: __asm__ __volatile__("mtsr %0,%1" : : "i"(i), "r"(v) : "memory"); break;
	switch (n) {
	SR_NUMBERS(MTSR_CASE)
	default:
		break;
	}
#undef MTSR_CASE
}

static unsigned long mfsr(unsigned int n)
{
	unsigned long v = 0;

#define MFSR_CASE(i) case i: __asm__ __volatile__("mfsr %0,%1" : "=r"(v) : "i"(i)); break;
	switch (n) {
	SR_NUMBERS(MFSR_CASE)
	default:
		break;
	}
#undef MFSR_CASE
	return v;
}

/* A different user-key segment for every register and every round. */
static unsigned long sr_pattern(unsigned int n, unsigned int round)
{
	return PPC_BOOK3S32_SR_KP | ((0x10101ul * round + 0x1111ul * n + 0x5a) & PPC_BOOK3S32_SR_VSID);
}

/* Every register reads back its pattern through read(); the first
 * mismatch is logged. */
static int all_read_back(unsigned long (*read)(unsigned int), unsigned int round, const char *how)
{
	unsigned int n;

	for (n = 0; n < SR_COUNT; n++) {
		unsigned long got = read(n);

		if (got != sr_pattern(n, round)) {
			kprintf("INFO: %s: SR%u is 0x%lx, wrote 0x%lx\n", how, n, got, sr_pattern(n, round));
			return 0;
		}
	}
	return 1;
}

static unsigned long magic_sr(unsigned int n)
{
	return *(volatile uint32_t *)(uintptr_t)(PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_SR + 4 * n);
}

static void check_segment_registers(int pv_on)
{
	const struct ppcpv_pv_result *r = pv_result();
	unsigned int n;

	for (n = 0; n < SR_COUNT; n++)
		mtsrin(n, sr_pattern(n, 1));
	check_report(all_read_back(mfsrin, 1, "mfsrin"), "mmu: mtsrin then mfsrin, all 16 segment registers");
	check_report(all_read_back(mfsr, 1, "mfsr"), "mmu: mfsr reads what mtsrin wrote");
	if (pv_on)
		check_report(all_read_back(magic_sr, 1, "sr[]"),
			     "mmu: the magic page's sr[] holds what mtsrin wrote");
	else
		check_skip("mmu: the magic page's sr[] holds what mtsrin wrote", "no magic page: PV off");
	for (n = 0; n < SR_COUNT; n++)
		mtsr(n, sr_pattern(n, 2));
	check_report(all_read_back(mfsrin, 2, "mfsrin"), "mmu: mtsr then mfsrin, all 16 segment registers");
	if (pv_on)
		check_report(r->stats.patched_by_kind[PPCPV_KIND_MTSRIN] > 0,
			     "mmu: mtsrin patched to the FEAT_SR trampoline");
	else
		check_skip("mmu: mtsrin patched to the FEAT_SR trampoline", "PV off");
}

/* Real MSR[SF]=0 underneath: the probe's upper address word is ignored. */
static void check_32bit_mode(void)
{
	static volatile unsigned long target = WIDE_EA_VALUE;
	unsigned long got = 0;
	int err = ppcpv_ref32_probe_wide_ea((unsigned long)(uintptr_t)&target, &got);

	if (err)
		kprintf("INFO: a load with the upper address word set faulted: 64-bit addressing\n");
	check_report(!err && got == WIDE_EA_VALUE,
		     "mmu: 32-bit addressing (MSR[SF]=0): an EA's upper word is ignored");
}

void checks_mmu(int pv_on)
{
	check_32bit_mode();
	check_segment_registers(pv_on);
}
