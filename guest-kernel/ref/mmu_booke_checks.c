// SPDX-License-Identifier: MIT
/*
 * The TLB checks both BookE builds of the reference kernel run (e500 and
 * the 440), through each CPU's map, search and unmap of a check page
 * (mmu_booke.h; mmu_e500_checks.c, mmu_440.c) around its own checks:
 *
 *  - a page mapped at another effective address reads and writes the same
 *    memory (data through the host's shadow of the guest's TLB), and code
 *    run there traps to the host, which fetches it through the guest's TLB;
 *  - a page taken out of the TLB faults at the next access (a data TLB
 *    miss through IVOR13), and the search misses it;
 *  - an entry with a TID translates only under that PID, and the search
 *    finds it only for that PID;
 *  - exactly the two deliberate faults were taken.
 */
#include <ppcpv/fmt.h>
#include "mmu.h"
#include "mmu_booke.h"
#include "ref.h"

#define PATTERN		0x5eb0b00eul

volatile unsigned long booke_alias_target[PAGE_SIZE / sizeof(unsigned long)]
	__attribute__((aligned(PAGE_SIZE)));

/* Two instructions, never across a page: mfspr PVR traps to the host. */
unsigned long __attribute__((noinline, aligned(16))) booke_read_pvr(void)
{
	return MFSPR(PPC_SPR_PVR);
}

static void check_alias(void)
{
	unsigned long pa = (unsigned long)(uintptr_t)booke_alias_target, got = 0;
	char what[96];

	booke_tlb_map_check_page(BOOKE_ALIAS_EA, pa, 0, BOOKE_PERM_R | BOOKE_PERM_W);
	check_report(booke_tlb_search(BOOKE_ALIAS_EA, 0) == booke_tlb_check_entry,
		     "mmu: the TLB search finds a new entry where it was written");
	booke_alias_target[1] = 0;
	*(volatile unsigned long *)(BOOKE_ALIAS_EA + sizeof(unsigned long)) = PATTERN;
	check_report(booke_alias_target[1] == PATTERN, "mmu: a store through a second mapping reaches the memory");
	booke_alias_target[2] = ~PATTERN;
	check_report(!ppcpv_ref_probe_load(BOOKE_ALIAS_EA + 2 * sizeof(unsigned long), 4, &got) &&
		     got == ~PATTERN, "mmu: a load through a second mapping reads the memory");
	booke_tlb_unmap_check_page(BOOKE_ALIAS_EA);
	ppcpv_fmt(what, sizeof(what), "mmu: after %s the page faults (data TLB miss)", booke_tlb_unmap_name);
	check_report(ppcpv_ref_probe_load(BOOKE_ALIAS_EA, 4, &got) != 0 &&
		     booke_tlb_search(BOOKE_ALIAS_EA, 0) < 0, what);
}

static void check_exec_alias(void)
{
	unsigned long fn = (unsigned long)(uintptr_t)&booke_read_pvr;
	unsigned long page = fn & ~(unsigned long)(PAGE_SIZE - 1);
	unsigned long (*alias)(void) = (unsigned long (*)(void))(BOOKE_EXEC_ALIAS_EA + (fn - page));

	booke_tlb_map_check_page(BOOKE_EXEC_ALIAS_EA, page, 0, BOOKE_PERM_R | BOOKE_PERM_X);
	check_report(alias() == booke_read_pvr(),
		     "mmu: code run through a second mapping (its trapping mfspr PVR emulated)");
	booke_tlb_unmap_check_page(BOOKE_EXEC_ALIAS_EA);
}

static void check_pid(void)
{
	unsigned long got = 0;
	int seen, hidden;

	booke_tlb_map_check_page(BOOKE_ALIAS_EA, (unsigned long)(uintptr_t)booke_alias_target,
				 BOOKE_CHECK_PID, BOOKE_PERM_R | BOOKE_PERM_W);
	booke_alias_target[0] = PATTERN;
	MTSPR(PPC_BOOKE_SPR_PID, BOOKE_CHECK_PID);
	seen = !ppcpv_ref_probe_load(BOOKE_ALIAS_EA, 4, &got) && got == PATTERN;
	MTSPR(PPC_BOOKE_SPR_PID, 0);
	hidden = ppcpv_ref_probe_load(BOOKE_ALIAS_EA, 4, &got) != 0;
	check_report(seen && hidden, "mmu: an entry with a TID translates under that PID only");
	check_report(booke_tlb_search(BOOKE_ALIAS_EA, BOOKE_CHECK_PID) == booke_tlb_check_entry &&
		     booke_tlb_search(BOOKE_ALIAS_EA, 0) < 0, "mmu: the TLB search is by PID");
}

void checks_mmu(int pv_on)
{
	uint64_t faults = mmu_stats.dsi;

	booke_tlb_checks_first();
	check_alias();
	check_exec_alias();
	check_pid();
	booke_tlb_checks_last(pv_on);
	kprintf("INFO: mmu: %llu data faults taken by the checks\n",
		(unsigned long long)(mmu_stats.dsi - faults));
	check_report(mmu_stats.dsi - faults == 2, "mmu: the two unmapped loads faulted, nothing else");
}
