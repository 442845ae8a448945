// SPDX-License-Identifier: MIT
/*
 * The MMU checks of the reference kernel built for e500 (mmu_e500.c has
 * its MMU side):
 *
 *  - what tlbwe wrote, tlbre reads back; tlbsx finds a mapped address and
 *    misses an unmapped one (MAS1[V] clear);
 *  - a page mapped at another effective address reads and writes the same
 *    memory (data through the host's shadow of the guest's TLB), and code
 *    run there traps to the host, which fetches it through the guest's TLB;
 *  - tlbivax removes a page (the next access faults through IVOR13) but not
 *    the IPROT entries; an entry with a TID is reachable only under its PID;
 *  - under PV, the MAS registers live in the magic page (the patched
 *    mtspr MAS sites, FEAT_MAS0_TO_SPRG7).
 */
#include <ppcpv/abi.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/patcher.h>
#include "mmu_e500.h"

/* Effective addresses nothing else maps. */
#define ALIAS_EA	0x40000000ul
#define EXEC_ALIAS_EA	0x50000000ul
#define CHECK_PID	5u
#define PATTERN		0x5eb0e500ul

static volatile unsigned long alias_target[PAGE_SIZE / sizeof(unsigned long)]
	__attribute__((aligned(PAGE_SIZE)));

/* Two instructions, never across a page: mfspr PVR traps to the host. */
static unsigned long __attribute__((noinline, aligned(16))) read_pvr(void)
{
	return MFSPR(PPC_SPR_PVR);
}

static void map_check_page(unsigned long ea, unsigned long pa, unsigned int tid, unsigned long perms)
{
	const struct e500_tlbe e = { PPC_BOOKE_MAS1_V | ((unsigned long)tid << PPC_BOOKE_MAS1_TID_SHIFT) |
				e500_tsize(E500_PAGE_LOG2), ea | PPC_BOOKE_MAS2_M, pa | perms };

	e500_tlb1_write(E500_CHECK_ESEL, &e);
}

static void check_read_back(void)
{
	struct e500_tlbe e;
	unsigned int i;
	int ok = 1;

	for (i = 0; i < e500_kernel_entries; i++) {
		e500_tlb1_read(i, &e);
		ok &= (e.mas1 & PPC_BOOKE_MAS1_V) && (e.mas1 & PPC_BOOKE_MAS1_IPROT);
	}
	e500_tlb1_read(0, &e);
	check_report(ok && (e.mas2 & PPC_BOOKE_PAGE_MASK) == 0 && (e.mas3 & PPC_BOOKE_PAGE_MASK) == 0,
		     "mmu: tlbre reads back the kernel's TLB1 entries");
	check_report(e500_tlb_search((unsigned long)(uintptr_t)&read_pvr, 0) >= 0 &&
		     e500_tlb_search((unsigned long)(uintptr_t)alias_target, 0) >= 0,
		     "mmu: tlbsx finds the kernel's text and data");
	check_report(e500_tlb_search(ALIAS_EA, 0) < 0,
		     "mmu: tlbsx misses an unmapped address (MAS1[V] clear)");
}

static void check_alias(void)
{
	unsigned long pa = (unsigned long)(uintptr_t)alias_target, got = 0;

	map_check_page(ALIAS_EA, pa, 0, PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW);
	check_report(e500_tlb_search(ALIAS_EA, 0) == E500_CHECK_ESEL,
		     "mmu: tlbsx finds a new entry at its ESEL");
	alias_target[1] = 0;
	*(volatile unsigned long *)(ALIAS_EA + sizeof(unsigned long)) = PATTERN;
	check_report(alias_target[1] == PATTERN, "mmu: a store through a second mapping reaches the memory");
	alias_target[2] = ~PATTERN;
	check_report(!ppcpv_ref_probe_load(ALIAS_EA + 2 * sizeof(unsigned long), 4, &got) &&
		     got == ~PATTERN, "mmu: a load through a second mapping reads the memory");
	e500_tlb_invalidate(ALIAS_EA | PPC_BOOKE_TLBIVAX_TLB1);
	check_report(ppcpv_ref_probe_load(ALIAS_EA, 4, &got) != 0 && e500_tlb_search(ALIAS_EA, 0) < 0,
		     "mmu: after tlbivax the page faults (data TLB miss)");
}

static void check_exec_alias(void)
{
	unsigned long fn = (unsigned long)(uintptr_t)&read_pvr;
	unsigned long page = fn & ~(unsigned long)(PAGE_SIZE - 1);
	unsigned long (*alias)(void) = (unsigned long (*)(void))(EXEC_ALIAS_EA + (fn - page));

	map_check_page(EXEC_ALIAS_EA, page, 0, PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SX);
	check_report(alias() == read_pvr(),
		     "mmu: code run through a second mapping (its trapping mfspr PVR emulated)");
	e500_tlb_invalidate(PPC_BOOKE_TLBIVAX_TLB1 | PPC_BOOKE_TLBIVAX_ALL);
	check_report(e500_tlb_search(EXEC_ALIAS_EA, 0) < 0 && e500_tlb_search(0, 0) >= 0,
		     "mmu: tlbivax of all of TLB1 keeps the IPROT entries only");
}

static void check_pid(void)
{
	unsigned long got = 0;
	int seen, hidden;

	map_check_page(ALIAS_EA, (unsigned long)(uintptr_t)alias_target, CHECK_PID,
		       PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW);
	alias_target[0] = PATTERN;
	MTSPR(PPC_BOOKE_SPR_PID, CHECK_PID);
	seen = !ppcpv_ref_probe_load(ALIAS_EA, 4, &got) && got == PATTERN;
	MTSPR(PPC_BOOKE_SPR_PID, 0);
	hidden = ppcpv_ref_probe_load(ALIAS_EA, 4, &got) != 0;
	check_report(seen && hidden, "mmu: an entry with a TID translates under that PID only");
	check_report(e500_tlb_search(ALIAS_EA, CHECK_PID) == E500_CHECK_ESEL &&
		     e500_tlb_search(ALIAS_EA, 0) < 0,
		     "mmu: tlbsx searches MAS6's PID");
	e500_tlb_invalidate(ALIAS_EA | PPC_BOOKE_TLBIVAX_TLB1);
}

static void check_mas_in_magic_page(int pv_on)
{
	const struct ppcpv_pv_result *r = pv_result();
	volatile uint32_t *mas1 = (volatile uint32_t *)(uintptr_t)(PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_MAS1);
	const unsigned long value = PPC_BOOKE_MAS1_TS | e500_tsize(E500_PAGE_LOG2);

	if (!pv_on || !(r->magic_features & PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7)) {
		check_skip("mmu: mtspr MAS1 lands in the magic page", "PV off or no FEAT_MAS0_TO_SPRG7");
		return;
	}
	MTSPR(PPC_BOOKE_SPR_MAS1, value);
	check_report(*mas1 == value && MFSPR(PPC_BOOKE_SPR_MAS1) == value,
		     "mmu: mtspr MAS1 lands in the magic page (FEAT_MAS0_TO_SPRG7)");
}

void checks_mmu(int pv_on)
{
	uint64_t faults = mmu_stats.dsi;

	check_read_back();
	check_alias();
	check_exec_alias();
	check_pid();
	check_mas_in_magic_page(pv_on);
	kprintf("INFO: mmu: %llu data faults taken by the checks\n",
		(unsigned long long)(mmu_stats.dsi - faults));
	check_report(mmu_stats.dsi - faults == 2, "mmu: the two unmapped loads faulted, nothing else");
}
