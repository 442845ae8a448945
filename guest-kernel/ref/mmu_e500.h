/* SPDX-License-Identifier: MIT */
/*
 * mmu_e500.h - what the e500 kernel's MMU side (mmu_e500.c) and its checks
 * (mmu_e500_checks.c) share: the kernel's TLB1 entries and the
 * instructions that reach them.
 */
#ifndef PPCPV_REF_MMU_E500_H
#define PPCPV_REF_MMU_E500_H

#include <ppcpv/isa/booke-mmu.h>
#include "mmu.h"
#include "mmu_booke.h"
#include "ref.h"

#define E500_PAGE_LOG2	12
/* The entry the checks use (the kernel's own fill from 0 up stops below). */
#define E500_CHECK_ESEL	(PPC_BOOKE_TLB1_ENTRIES - 1)

struct e500_tlbe {
	unsigned long mas1, mas2, mas3;
};

extern unsigned int e500_kernel_entries;	/* TLB1 0 .. this - 1: the kernel's */

unsigned long e500_tsize(unsigned int log2);	/* MAS1's TSIZE field */
void e500_tlb1_write(unsigned int esel, const struct e500_tlbe *e);
void e500_tlb1_read(unsigned int esel, struct e500_tlbe *e);
/* tlbsx for ea in address space 0 under pid: the entry found (MAS0's
 * ESEL) or -1 (MAS1[V] clear). */
int e500_tlb_search(unsigned long ea, unsigned int pid);
void e500_tlb_invalidate(unsigned long ea);	/* tlbivax, with its syncs */

#endif /* PPCPV_REF_MMU_E500_H */
