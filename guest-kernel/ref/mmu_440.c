// SPDX-License-Identifier: MIT
/*
 * The TLB code of the reference kernel built for the PowerPC 440
 * (REF_440): the kernel programs its own TLB - 64 entries of three words,
 * written with tlbwe RS,RA,WS, read with tlbre, searched with tlbsx., the
 * TID from MMUCR - as 440 kernels do (no page tables: memory is mapped 1:1
 * with large pages, with user permissions too: the kernel's processes run
 * in address space 0 at their frames' real addresses, proc.h's MSR_USER).
 * The checks image checks the TLB it sees (mmu_440_checks.c).
 */
#include <ppcpv/isa/insn.h>
#include "mmu_440.h"

#define MAX_PAGE_CODE	PPC_440_SIZE_256M

unsigned int ppc440_kernel_entries;

/* Words 1 and 2 first: the entry turns valid with word 0. */
void ppc440_tlb_write(unsigned int index, const struct ppc440_tlbe *e)
{
	MTSPR(PPC_440_SPR_MMUCR, e->tid);
	__asm__ __volatile__("tlbwe %0,%3,%4\n\t"
			     "tlbwe %1,%3,%5\n\t"
			     "tlbwe %2,%3,%6\n\t"
			     "isync"
			     : : "r"(e->word[PPC_440_TLB_WORD_XLAT]), "r"(e->word[PPC_440_TLB_WORD_ATTRIB]),
			       "r"(e->word[PPC_440_TLB_WORD_PAGEID]), "b"(index),
			       "i"(PPC_440_TLB_WORD_XLAT), "i"(PPC_440_TLB_WORD_ATTRIB),
			       "i"(PPC_440_TLB_WORD_PAGEID)
			     : "memory");
}

/* Word 0 last, so MMUCR[STID] holds this entry's TID afterwards. */
void ppc440_tlb_read(unsigned int index, struct ppc440_tlbe *e)
{
	__asm__ __volatile__("tlbre %0,%3,%4\n\t"
			     "tlbre %1,%3,%5\n\t"
			     "tlbre %2,%3,%6"
			     : "=&r"(e->word[PPC_440_TLB_WORD_XLAT]), "=&r"(e->word[PPC_440_TLB_WORD_ATTRIB]),
			       "=&r"(e->word[PPC_440_TLB_WORD_PAGEID])
			     : "b"(index), "i"(PPC_440_TLB_WORD_XLAT), "i"(PPC_440_TLB_WORD_ATTRIB),
			       "i"(PPC_440_TLB_WORD_PAGEID)
			     : "memory");
	e->tid = (unsigned int)(MFSPR(PPC_440_SPR_MMUCR) & PPC_440_MMUCR_STID_MASK);
}

int ppc440_tlb_search(unsigned long ea, unsigned int pid)
{
	unsigned long index = 0, cr;

	MTSPR(PPC_440_SPR_MMUCR, pid);
	__asm__ __volatile__("tlbsx. %0,0,%2\n\t"
			     "mfcr %1"
			     : "+r"(index), "=r"(cr) : "r"(ea) : "cr0", "memory");
	if (!((cr >> PPC_CR0_SHIFT) & PPC_CR_EQ))
		return -1;
	return (int)index;
}

void ppc440_tlb_invalidate(unsigned int index)
{
	const struct ppc440_tlbe none = { { 0, 0, 0 }, 0 };

	ppc440_tlb_write(index, &none);
}

struct ppc440_tlbe ppc440_tlbe(unsigned long ea, unsigned int code, unsigned long pa,
			       unsigned long attrib, unsigned int tid)
{
	return (struct ppc440_tlbe){
		{ [PPC_440_TLB_WORD_PAGEID] = ea | PPC_440_TLB0_V | PPC_440_TLB0_SIZE(code),
		  [PPC_440_TLB_WORD_XLAT] = pa & PPC_440_TLB1_RPN_MASK,
		  [PPC_440_TLB_WORD_ATTRIB] = attrib },
		tid };
}

/* The largest page the 440 has at ea that fits in bytes (a SIZE code). */
static unsigned int page_code(uint64_t ea, uint64_t bytes)
{
	unsigned int code = MAX_PAGE_CODE;

	while (code > PPC_440_SIZE_4K && (PPC_440_SIZE_ABSENT(code) ||
					  (ea & ((1ull << PPC_440_SIZE_LOG2(code)) - 1)) ||
					  (1ull << PPC_440_SIZE_LOG2(code)) > bytes))
		code--;
	return code;
}

/* Memory 1:1 from 0 (for the kernel and its processes: user permissions
 * too, the processes run at PR=1 in address space 0 at their frames' real
 * addresses, proc.h's MSR_USER) and the host device page (the kernel's
 * only), TID 0; every other entry (what the boot loader left) invalidated. */
int mmu_init(const void *fdt, size_t fdt_size)
{
	uint64_t bytes = booke_memory_size(fdt, fdt_size), ea = 0, dev = platform_hostdev();
	unsigned int code, i;
	struct ppc440_tlbe e;

	while (ea < bytes && ppc440_kernel_entries < PPC440_CHECK_INDEX) {
		code = page_code(ea, bytes - ea);
		e = ppc440_tlbe((unsigned long)ea, code, (unsigned long)ea,
			 PPC_440_TLB2_M | PPC_440_TLB2_SUPERVISOR | PPC_440_TLB2_USER, 0);
		ppc440_tlb_write(ppc440_kernel_entries++, &e);
		ea += 1ull << PPC_440_SIZE_LOG2(code);
	}
	/* the host device's page, or natively the console UART's */
	if (!dev)
		dev = console_uart() & ~(uint64_t)(PAGE_SIZE - 1);
	if (dev && ppc440_kernel_entries < PPC440_CHECK_INDEX) {
		e = ppc440_tlbe((unsigned long)dev, PPC_440_SIZE_4K, (unsigned long)dev,
			 PPC_440_TLB2_I | PPC_440_TLB2_G | PPC_440_TLB2_SR | PPC_440_TLB2_SW, 0);
		ppc440_tlb_write(ppc440_kernel_entries++, &e);
	}
	for (i = ppc440_kernel_entries; i < PPC_440_TLB_ENTRIES; i++)
		ppc440_tlb_invalidate(i);
	kprintf("mmu: 440 TLB: %u entries of its own (memory 0x%llx, device page 0x%llx)\n",
		ppc440_kernel_entries, (unsigned long long)bytes, (unsigned long long)dev);
	return 0;
}
