// SPDX-License-Identifier: MIT
/*
 * The TLB code of the reference kernel built for e500 (REF_E500): the
 * kernel programs its own TLB1 through the MAS registers and tlbwe, as
 * e500 kernels do (no page tables: the kernel is mapped 1:1 with large
 * protected pages), and gives the BookE checks (mmu_booke.c) their TLB
 * entry, search and unmapping.  Its own checks:
 *
 *  - what tlbwe wrote, tlbre reads back; tlbsx finds a mapped address and
 *    misses an unmapped one (MAS1[V] clear);
 *  - tlbivax of all of TLB1 keeps the IPROT entries only;
 *  - under PV, the MAS registers live in the magic page (the patched
 *    mtspr MAS sites, FEAT_MAS0_TO_SPRG7).
 */
#include <ppcpv/abi.h>
#include <ppcpv/fdt.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/isa/booke-mmu.h>
#include <ppcpv/patcher.h>
#include "mmu.h"
#include "mmu_booke.h"
#include "ref.h"

#define PAGE_LOG2	12
#define MAX_PAGE_LOG2	28	/* 256 MiB */
/* The entry the checks use (the kernel's own fill from 0 up). */
#define CHECK_ESEL	(PPC_BOOKE_TLB1_ENTRIES - 1)

#define MTSPR(spr, v)	__asm__ __volatile__("mtspr %0,%1" : : "i"(spr), "r"((unsigned long)(v)) : "memory")
#define MFSPR(spr)	({ unsigned long v_; __asm__ __volatile__("mfspr %0,%1" : "=r"(v_) : "i"(spr)); v_; })

struct tlbe {
	unsigned long mas1, mas2, mas3;
};

static unsigned int kernel_entries;

static unsigned long tsize(unsigned int log2)
{
	return PPC_BOOKE_MAS1_TSIZE(PPC_BOOKE_TSIZE_OF_LOG2(log2));
}

static void tlb1_write(unsigned int esel, const struct tlbe *e)
{
	MTSPR(PPC_BOOKE_SPR_MAS0, PPC_BOOKE_MAS0_TLBSEL(PPC_BOOKE_TLB1_SEL) | PPC_BOOKE_MAS0_ESEL(esel));
	MTSPR(PPC_BOOKE_SPR_MAS1, e->mas1);
	MTSPR(PPC_BOOKE_SPR_MAS2, e->mas2);
	MTSPR(PPC_BOOKE_SPR_MAS3, e->mas3);
	MTSPR(PPC_BOOKE_SPR_MAS7, 0);
	__asm__ __volatile__("isync; tlbwe; isync" : : : "memory");
}

static void tlb1_read(unsigned int esel, struct tlbe *e)
{
	MTSPR(PPC_BOOKE_SPR_MAS0, PPC_BOOKE_MAS0_TLBSEL(PPC_BOOKE_TLB1_SEL) | PPC_BOOKE_MAS0_ESEL(esel));
	__asm__ __volatile__("tlbre; isync" : : : "memory");
	e->mas1 = MFSPR(PPC_BOOKE_SPR_MAS1);
	e->mas2 = MFSPR(PPC_BOOKE_SPR_MAS2);
	e->mas3 = MFSPR(PPC_BOOKE_SPR_MAS3);
}

/* tlbsx for ea in address space 0 under pid: the entry found (MAS0's
 * ESEL) or -1 (MAS1[V] clear). */
static int tlb_search(unsigned long ea, unsigned int pid)
{
	MTSPR(PPC_BOOKE_SPR_MAS6, (unsigned long)pid << PPC_BOOKE_MAS6_SPID_SHIFT);
	__asm__ __volatile__("tlbsx 0,%0; isync" : : "r"(ea) : "memory");
	if (!(MFSPR(PPC_BOOKE_SPR_MAS1) & PPC_BOOKE_MAS1_V))
		return -1;
	return (int)PPC_BOOKE_MAS0_ESEL_OF(MFSPR(PPC_BOOKE_SPR_MAS0));
}

static void tlb_invalidate(unsigned long ea)
{
	__asm__ __volatile__("tlbivax 0,%0; isync; msync; tlbsync; msync" : : "r"(ea) : "memory");
}

/* The largest even-TSIZE page at ea that fits in bytes. */
static unsigned int page_log2(uint64_t ea, uint64_t bytes)
{
	unsigned int log2 = MAX_PAGE_LOG2;

	while (log2 > PAGE_LOG2 && ((ea & ((1ull << log2) - 1)) || (1ull << log2) > bytes))
		log2 -= 2;
	return log2;
}

static void map_kernel_entry(unsigned long ea, unsigned int log2, unsigned long wimge,
			     unsigned long perms)
{
	const struct tlbe e = { PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_IPROT | tsize(log2), ea | wimge,
				ea | perms };

	tlb1_write(kernel_entries++, &e);
}

/* Memory 1:1 from 0 and the host device page, IPROT; every other entry
 * (what the boot loader left) invalidated. */
int mmu_init(const void *fdt, size_t fdt_size)
{
	uint64_t bytes = booke_memory_size(fdt, fdt_size), ea = 0, dev = platform_hostdev();
	unsigned int log2, i;

	while (ea < bytes && kernel_entries < CHECK_ESEL) {
		log2 = page_log2(ea, bytes - ea);
		map_kernel_entry((unsigned long)ea, log2, PPC_BOOKE_MAS2_M,
				 PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW | PPC_BOOKE_MAS3_SX);
		ea += 1ull << log2;
	}
	if (dev && kernel_entries < CHECK_ESEL)
		map_kernel_entry((unsigned long)dev, PAGE_LOG2, PPC_BOOKE_MAS2_I | PPC_BOOKE_MAS2_G,
				 PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW);
	for (i = kernel_entries; i < PPC_BOOKE_TLB1_ENTRIES; i++) {
		const struct tlbe none = { 0, 0, 0 };

		tlb1_write(i, &none);
	}
	kprintf("mmu: e500 TLB1: %u entries of its own (memory 0x%llx, host device 0x%llx)\n",
		kernel_entries, (unsigned long long)bytes, (unsigned long long)dev);
	return 0;
}

/* ---- for the BookE checks (mmu_booke.c), and its own ----------------------------- */

const int booke_tlb_check_entry = CHECK_ESEL;
const char booke_tlb_unmap_name[] = "tlbivax";

void booke_tlb_map_check_page(unsigned long ea, unsigned long pa, unsigned int tid,
			      unsigned int perms)
{
	const struct tlbe e = { PPC_BOOKE_MAS1_V | ((unsigned long)tid << PPC_BOOKE_MAS1_TID_SHIFT) |
				tsize(PAGE_LOG2), ea | PPC_BOOKE_MAS2_M,
				pa | (perms & BOOKE_PERM_R ? PPC_BOOKE_MAS3_SR : 0) |
				(perms & BOOKE_PERM_W ? PPC_BOOKE_MAS3_SW : 0) |
				(perms & BOOKE_PERM_X ? PPC_BOOKE_MAS3_SX : 0) };

	tlb1_write(CHECK_ESEL, &e);
}

int booke_tlb_search(unsigned long ea, unsigned int pid)
{
	return tlb_search(ea, pid);
}

void booke_tlb_unmap_check_page(unsigned long ea)
{
	tlb_invalidate(ea | PPC_BOOKE_TLBIVAX_TLB1);
}

void booke_tlb_checks_first(void)
{
	struct tlbe e;
	unsigned int i;
	int ok = 1;

	for (i = 0; i < kernel_entries; i++) {
		tlb1_read(i, &e);
		ok &= (e.mas1 & PPC_BOOKE_MAS1_V) && (e.mas1 & PPC_BOOKE_MAS1_IPROT);
	}
	tlb1_read(0, &e);
	check_report(ok && (e.mas2 & PPC_BOOKE_PAGE_MASK) == 0 && (e.mas3 & PPC_BOOKE_PAGE_MASK) == 0,
		     "mmu: tlbre reads back the kernel's TLB1 entries");
	check_report(tlb_search((unsigned long)(uintptr_t)&booke_read_pvr, 0) >= 0 &&
		     tlb_search((unsigned long)(uintptr_t)booke_alias_target, 0) >= 0,
		     "mmu: tlbsx finds the kernel's text and data");
	check_report(tlb_search(BOOKE_ALIAS_EA, 0) < 0,
		     "mmu: tlbsx misses an unmapped address (MAS1[V] clear)");
}

static void check_mas_in_magic_page(int pv_on)
{
	const struct ppcpv_pv_result *r = pv_result();
	volatile uint32_t *mas1 = (volatile uint32_t *)(uintptr_t)(PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_MAS1);
	const unsigned long value = PPC_BOOKE_MAS1_TS | tsize(PAGE_LOG2);

	if (!pv_on || !(r->magic_features & PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7)) {
		check_skip("mmu: mtspr MAS1 lands in the magic page", "PV off or no FEAT_MAS0_TO_SPRG7");
		return;
	}
	MTSPR(PPC_BOOKE_SPR_MAS1, value);
	check_report(*mas1 == value && MFSPR(PPC_BOOKE_SPR_MAS1) == value,
		     "mmu: mtspr MAS1 lands in the magic page (FEAT_MAS0_TO_SPRG7)");
}

void booke_tlb_checks_last(int pv_on)
{
	tlb_invalidate(PPC_BOOKE_TLBIVAX_TLB1 | PPC_BOOKE_TLBIVAX_ALL);
	check_report(tlb_search(BOOKE_ALIAS_EA, BOOKE_CHECK_PID) < 0 && tlb_search(0, 0) >= 0,
		     "mmu: tlbivax of all of TLB1 keeps the IPROT entries only");
	check_mas_in_magic_page(pv_on);
}
