// SPDX-License-Identifier: MIT
/*
 * The MMU side of the reference kernel built for e500 (REF_E500): the
 * kernel programs its own TLB1 through the MAS registers and tlbwe, as
 * e500 kernels do (no page tables: the kernel is mapped 1:1 with large
 * protected pages).  Memory's entries carry user permissions too: the
 * kernel's processes run in address space 0 at their frames' real
 * addresses (vm.c's flat mode, proc.h's MSR_USER).  The checks image
 * checks the TLB it sees (mmu_e500_checks.c, mmu_booke_checks.c); what
 * the BookE builds share of this side is mmu_booke.c's.
 */
#include "mmu_booke.h"
#include "mmu_e500.h"

#define MAX_PAGE_LOG2	28	/* 256 MiB */

unsigned int e500_kernel_entries;

unsigned long e500_tsize(unsigned int log2)
{
	return PPC_BOOKE_MAS1_TSIZE(PPC_BOOKE_TSIZE_OF_LOG2(log2));
}

void e500_tlb1_write(unsigned int esel, const struct e500_tlbe *e)
{
	MTSPR(PPC_BOOKE_SPR_MAS0, PPC_BOOKE_MAS0_TLBSEL(PPC_BOOKE_TLB1_SEL) | PPC_BOOKE_MAS0_ESEL(esel));
	MTSPR(PPC_BOOKE_SPR_MAS1, e->mas1);
	MTSPR(PPC_BOOKE_SPR_MAS2, e->mas2);
	MTSPR(PPC_BOOKE_SPR_MAS3, e->mas3);
	MTSPR(PPC_BOOKE_SPR_MAS7, 0);
	__asm__ __volatile__("isync; tlbwe; isync" : : : "memory");
}

void e500_tlb1_read(unsigned int esel, struct e500_tlbe *e)
{
	MTSPR(PPC_BOOKE_SPR_MAS0, PPC_BOOKE_MAS0_TLBSEL(PPC_BOOKE_TLB1_SEL) | PPC_BOOKE_MAS0_ESEL(esel));
	__asm__ __volatile__("tlbre; isync" : : : "memory");
	e->mas1 = MFSPR(PPC_BOOKE_SPR_MAS1);
	e->mas2 = MFSPR(PPC_BOOKE_SPR_MAS2);
	e->mas3 = MFSPR(PPC_BOOKE_SPR_MAS3);
}

int e500_tlb_search(unsigned long ea, unsigned int pid)
{
	MTSPR(PPC_BOOKE_SPR_MAS6, (unsigned long)pid << PPC_BOOKE_MAS6_SPID_SHIFT);
	__asm__ __volatile__("tlbsx 0,%0; isync" : : "r"(ea) : "memory");
	if (!(MFSPR(PPC_BOOKE_SPR_MAS1) & PPC_BOOKE_MAS1_V))
		return -1;
	return (int)PPC_BOOKE_MAS0_ESEL_OF(MFSPR(PPC_BOOKE_SPR_MAS0));
}

void e500_tlb_invalidate(unsigned long ea)
{
	__asm__ __volatile__("tlbivax 0,%0; isync; msync; tlbsync; msync" : : "r"(ea) : "memory");
}

/* The largest even-TSIZE page at ea that fits in bytes. */
static unsigned int page_log2(uint64_t ea, uint64_t bytes)
{
	unsigned int log2 = MAX_PAGE_LOG2;

	while (log2 > E500_PAGE_LOG2 && ((ea & ((1ull << log2) - 1)) || (1ull << log2) > bytes))
		log2 -= 2;
	return log2;
}

static void map_kernel_entry(unsigned long ea, unsigned int log2, unsigned long wimge,
			     unsigned long perms)
{
	const struct e500_tlbe e = { PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_IPROT | e500_tsize(log2),
				     ea | wimge, ea | perms };

	e500_tlb1_write(e500_kernel_entries++, &e);
}

/* Memory 1:1 from 0 (for the kernel and its processes) and the host
 * device page (the kernel's), IPROT; every other entry (what the boot
 * loader left) invalidated. */
int mmu_init(const void *fdt, size_t fdt_size)
{
	uint64_t bytes = booke_memory_size(fdt, fdt_size), ea = 0, dev = platform_hostdev();
	unsigned int log2, i;

	while (ea < bytes && e500_kernel_entries < E500_CHECK_ESEL) {
		log2 = page_log2(ea, bytes - ea);
		map_kernel_entry((unsigned long)ea, log2, PPC_BOOKE_MAS2_M,
				 PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW | PPC_BOOKE_MAS3_SX |
				 PPC_BOOKE_MAS3_UR | PPC_BOOKE_MAS3_UW | PPC_BOOKE_MAS3_UX);
		ea += 1ull << log2;
	}
	if (dev && e500_kernel_entries < E500_CHECK_ESEL)
		map_kernel_entry((unsigned long)dev, E500_PAGE_LOG2, PPC_BOOKE_MAS2_I | PPC_BOOKE_MAS2_G,
				 PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW);
	for (i = e500_kernel_entries; i < PPC_BOOKE_TLB1_ENTRIES; i++) {
		const struct e500_tlbe none = { 0, 0, 0 };

		e500_tlb1_write(i, &none);
	}
	kprintf("mmu: e500 TLB1: %u entries of its own (memory 0x%llx, host device 0x%llx)\n",
		e500_kernel_entries, (unsigned long long)bytes, (unsigned long long)dev);
	return 0;
}
