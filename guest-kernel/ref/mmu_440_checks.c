// SPDX-License-Identifier: MIT
/*
 * What the 440 kernel's TLB code (mmu_440.c) gives the BookE checks
 * (mmu_booke_checks.c: the check entry, search and unmapping - the entry
 * rewritten with V clear: the 440 has no tlbivax), and its own checks:
 *
 *  - what tlbwe wrote, tlbre reads back, word by word; tlbsx. finds a
 *    mapped address (CR0[EQ], the index in RT) and misses an unmapped one;
 *  - tlbre of word 0 puts the entry's TID into MMUCR[STID];
 *  - invalidating one entry keeps the others.
 *
 * The 440 has no MAS registers and its hosts no magic page, so the e500
 * build's MAS-in-the-magic-page check has no counterpart here.
 */
#include "mmu_440.h"

const int booke_tlb_check_entry = PPC440_CHECK_INDEX;
const char booke_tlb_unmap_name[] = "word 0 is written with V clear";

void booke_tlb_map_check_page(unsigned long ea, unsigned long pa, unsigned int tid,
			      unsigned int perms)
{
	const struct ppc440_tlbe e = ppc440_tlbe(ea, PPC_440_SIZE_4K, pa, PPC_440_TLB2_M |
				   (perms & BOOKE_PERM_R ? PPC_440_TLB2_SR : 0) |
				   (perms & BOOKE_PERM_W ? PPC_440_TLB2_SW : 0) |
				   (perms & BOOKE_PERM_X ? PPC_440_TLB2_SX : 0), tid);

	ppc440_tlb_write(PPC440_CHECK_INDEX, &e);
}

int booke_tlb_search(unsigned long ea, unsigned int pid)
{
	return ppc440_tlb_search(ea, pid);
}

/* The check page is the check entry's. */
void booke_tlb_unmap_check_page(unsigned long ea)
{
	(void)ea;
	ppc440_tlb_invalidate(PPC440_CHECK_INDEX);
}

void booke_tlb_checks_first(void)
{
	struct ppc440_tlbe e;
	unsigned int i;
	int ok = 1;

	for (i = 0; i < ppc440_kernel_entries; i++) {
		ppc440_tlb_read(i, &e);
		ok &= (e.word[PPC_440_TLB_WORD_PAGEID] & PPC_440_TLB0_V) && e.tid == 0;
	}
	ppc440_tlb_read(0, &e);
	check_report(ok && (e.word[PPC_440_TLB_WORD_PAGEID] & PPC_440_TLB0_EPN_MASK) == 0 &&
		     e.word[PPC_440_TLB_WORD_XLAT] == 0 &&
		     (e.word[PPC_440_TLB_WORD_ATTRIB] & PPC_440_TLB2_SUPERVISOR) == PPC_440_TLB2_SUPERVISOR,
		     "mmu: tlbre reads back the kernel's TLB entries, word by word");
	check_report(ppc440_tlb_search((unsigned long)(uintptr_t)&booke_read_pvr, 0) >= 0 &&
		     ppc440_tlb_search((unsigned long)(uintptr_t)booke_alias_target, 0) >= 0,
		     "mmu: tlbsx. finds the kernel's text and data");
	check_report(ppc440_tlb_search(BOOKE_ALIAS_EA, 0) < 0, "mmu: tlbsx. misses an unmapped address (CR0[EQ] clear)");
}

void booke_tlb_checks_last(int pv_on)
{
	struct ppc440_tlbe e;

	(void)pv_on;	/* nothing of the 440's TLB is in the magic page */
	MTSPR(PPC_440_SPR_MMUCR, 0);
	ppc440_tlb_read(PPC440_CHECK_INDEX, &e);
	check_report(e.tid == BOOKE_CHECK_PID, "mmu: tlbre of word 0 puts the entry's TID into MMUCR");
	ppc440_tlb_invalidate(PPC440_CHECK_INDEX);
	check_report(ppc440_tlb_search(BOOKE_ALIAS_EA, BOOKE_CHECK_PID) < 0 && ppc440_tlb_search(0, 0) >= 0,
		     "mmu: invalidating one entry keeps the others");
}
