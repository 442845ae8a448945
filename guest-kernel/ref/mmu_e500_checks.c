// SPDX-License-Identifier: MIT
/*
 * The MMU checks of the reference kernel built for e500 (mmu_e500.c has
 * its MMU side): what the BookE checks (mmu_booke_checks.c) need of TLB1 -
 * the check entry, its search (tlbsx with MAS6's PID) and unmapping
 * (tlbivax) - and e500's own checks:
 *
 *  - what tlbwe wrote, tlbre reads back; tlbsx finds a mapped address and
 *    misses an unmapped one (MAS1[V] clear);
 *  - tlbivax of all of TLB1 keeps the IPROT entries only;
 *  - under PV, the MAS registers live in the magic page (the patched
 *    mtspr MAS sites, FEAT_MAS0_TO_SPRG7).
 */
#include <ppcpv/abi.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/patcher.h>
#include "mmu_booke.h"
#include "mmu_e500.h"

const int booke_tlb_check_entry = E500_CHECK_ESEL;
const char booke_tlb_unmap_name[] = "tlbivax";

void booke_tlb_map_check_page(unsigned long ea, unsigned long pa, unsigned int tid,
			      unsigned int perms)
{
	const struct e500_tlbe e = {
		PPC_BOOKE_MAS1_V | ((unsigned long)tid << PPC_BOOKE_MAS1_TID_SHIFT) |
			e500_tsize(E500_PAGE_LOG2),
		ea | PPC_BOOKE_MAS2_M,
		pa | (perms & BOOKE_PERM_R ? PPC_BOOKE_MAS3_SR : 0) |
			(perms & BOOKE_PERM_W ? PPC_BOOKE_MAS3_SW : 0) |
			(perms & BOOKE_PERM_X ? PPC_BOOKE_MAS3_SX : 0) };

	e500_tlb1_write(E500_CHECK_ESEL, &e);
}

int booke_tlb_search(unsigned long ea, unsigned int pid)
{
	return e500_tlb_search(ea, pid);
}

void booke_tlb_unmap_check_page(unsigned long ea)
{
	e500_tlb_invalidate(ea | PPC_BOOKE_TLBIVAX_TLB1);
}

void booke_tlb_checks_first(void)
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
	check_report(e500_tlb_search((unsigned long)(uintptr_t)&booke_read_pvr, 0) >= 0 &&
		     e500_tlb_search((unsigned long)(uintptr_t)booke_alias_target, 0) >= 0,
		     "mmu: tlbsx finds the kernel's text and data");
	check_report(e500_tlb_search(BOOKE_ALIAS_EA, 0) < 0,
		     "mmu: tlbsx misses an unmapped address (MAS1[V] clear)");
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

/* The check entry holds BOOKE_CHECK_PID's page, which is not IPROT. */
void booke_tlb_checks_last(int pv_on)
{
	e500_tlb_invalidate(PPC_BOOKE_TLBIVAX_TLB1 | PPC_BOOKE_TLBIVAX_ALL);
	check_report(e500_tlb_search(BOOKE_ALIAS_EA, BOOKE_CHECK_PID) < 0 && e500_tlb_search(0, 0) >= 0,
		     "mmu: tlbivax of all of TLB1 keeps the IPROT entries only");
	check_mas_in_magic_page(pv_on);
}
