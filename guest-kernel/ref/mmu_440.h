/* SPDX-License-Identifier: MIT */
/*
 * mmu_440.h - what the 440 kernel's TLB code (mmu_440.c) and its checks
 * (mmu_440_checks.c) share: the kernel's TLB entries and the instructions
 * that reach them.
 */
#ifndef PPCPV_REF_MMU_440_H
#define PPCPV_REF_MMU_440_H

#include <ppcpv/isa/ppc440.h>
#include "mmu.h"
#include "mmu_booke.h"
#include "ref.h"

/* The entry the checks use (the kernel's own fill from 0 up stops below). */
#define PPC440_CHECK_INDEX	(PPC_440_TLB_ENTRIES - 1)

/* An entry as the three words tlbwe writes, and the TID MMUCR gives it. */
struct ppc440_tlbe {
	unsigned long word[PPC_440_TLB_WORDS];
	unsigned int tid;
};

extern unsigned int ppc440_kernel_entries;	/* entries 0 .. this - 1: the kernel's */

/* An entry mapping the page of SIZE code at ea to pa. */
struct ppc440_tlbe ppc440_tlbe(unsigned long ea, unsigned int code, unsigned long pa,
			       unsigned long attrib, unsigned int tid);
void ppc440_tlb_write(unsigned int index, const struct ppc440_tlbe *e);
void ppc440_tlb_read(unsigned int index, struct ppc440_tlbe *e);
/* tlbsx. for ea in address space 0 under pid: the index found, or -1
 * (CR0[EQ] clear). */
int ppc440_tlb_search(unsigned long ea, unsigned int pid);
void ppc440_tlb_invalidate(unsigned int index);	/* word 0 with V clear */

#endif /* PPCPV_REF_MMU_440_H */
