// SPDX-License-Identifier: MIT
/*
 * The TLB code of the reference kernel built for the PowerPC 440
 * (REF_440): the kernel programs its own TLB - 64 entries of three words,
 * written with tlbwe RS,RA,WS, read with tlbre, searched with tlbsx., the
 * TID from MMUCR - as 440 kernels do (no page tables: memory is mapped 1:1
 * with large pages), and gives the BookE checks (mmu_booke.c) their TLB
 * entry, search (tlbsx. with MMUCR's TID) and unmapping (the entry
 * rewritten with V clear: the 440 has no tlbivax).  Its own checks:
 *
 *  - what tlbwe wrote, tlbre reads back, word by word; tlbsx. finds a
 *    mapped address (CR0[EQ], the index in RT) and misses an unmapped one;
 *  - tlbre of word 0 puts the entry's TID into MMUCR[STID];
 *  - invalidating one entry keeps the others.
 *
 * The 440 has no MAS registers and its hosts no magic page, so the e500
 * build's MAS-in-the-magic-page check has no counterpart here.
 */
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/ppc440.h>
#include "mmu.h"
#include "mmu_booke.h"
#include "ref.h"

#define MAX_PAGE_CODE	PPC_440_SIZE_256M
/* The entry the checks use (the kernel's own fill from 0 up). */
#define CHECK_INDEX	(PPC_440_TLB_ENTRIES - 1)

#define MTSPR(spr, v)	__asm__ __volatile__("mtspr %0,%1" : : "i"(spr), "r"((unsigned long)(v)) : "memory")
#define MFSPR(spr)	({ unsigned long v_; __asm__ __volatile__("mfspr %0,%1" : "=r"(v_) : "i"(spr)); v_; })

/* An entry as the three words tlbwe writes, and the TID MMUCR gives it. */
struct tlbe {
	unsigned long word[PPC_440_TLB_WORDS];
	unsigned int tid;
};

static unsigned int kernel_entries;

/* Words 1 and 2 first: the entry turns valid with word 0. */
static void tlb_write(unsigned int index, const struct tlbe *e)
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
static void tlb_read(unsigned int index, struct tlbe *e)
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

/* tlbsx. for ea in address space 0 under pid: the index found, or -1
 * (CR0[EQ] clear). */
static int tlb_search(unsigned long ea, unsigned int pid)
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

static void tlb_invalidate(unsigned int index)
{
	const struct tlbe none = { { 0, 0, 0 }, 0 };

	tlb_write(index, &none);
}

static struct tlbe tlbe(unsigned long ea, unsigned int code, unsigned long pa, unsigned long attrib,
			unsigned int tid)
{
	return (struct tlbe){
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

/* Memory 1:1 from 0 and the host device page, TID 0; every other entry
 * (what the boot loader left) invalidated. */
int mmu_init(const void *fdt, size_t fdt_size)
{
	uint64_t bytes = booke_memory_size(fdt, fdt_size), ea = 0, dev = platform_hostdev();
	unsigned int code, i;
	struct tlbe e;

	while (ea < bytes && kernel_entries < CHECK_INDEX) {
		code = page_code(ea, bytes - ea);
		e = tlbe((unsigned long)ea, code, (unsigned long)ea,
			 PPC_440_TLB2_M | PPC_440_TLB2_SR | PPC_440_TLB2_SW | PPC_440_TLB2_SX, 0);
		tlb_write(kernel_entries++, &e);
		ea += 1ull << PPC_440_SIZE_LOG2(code);
	}
	/* the host device's page, or natively the console UART's */
	if (!dev)
		dev = console_uart() & ~(uint64_t)(PAGE_SIZE - 1);
	if (dev && kernel_entries < CHECK_INDEX) {
		e = tlbe((unsigned long)dev, PPC_440_SIZE_4K, (unsigned long)dev,
			 PPC_440_TLB2_I | PPC_440_TLB2_G | PPC_440_TLB2_SR | PPC_440_TLB2_SW, 0);
		tlb_write(kernel_entries++, &e);
	}
	for (i = kernel_entries; i < PPC_440_TLB_ENTRIES; i++)
		tlb_invalidate(i);
	kprintf("mmu: 440 TLB: %u entries of its own (memory 0x%llx, device page 0x%llx)\n",
		kernel_entries, (unsigned long long)bytes, (unsigned long long)dev);
	return 0;
}

/* ---- for the BookE checks (mmu_booke.c), and its own ----------------------------- */

const int booke_tlb_check_entry = CHECK_INDEX;
const char booke_tlb_unmap_name[] = "word 0 is written with V clear";

void booke_tlb_map_check_page(unsigned long ea, unsigned long pa, unsigned int tid,
			      unsigned int perms)
{
	const struct tlbe e = tlbe(ea, PPC_440_SIZE_4K, pa, PPC_440_TLB2_M |
				   (perms & BOOKE_PERM_R ? PPC_440_TLB2_SR : 0) |
				   (perms & BOOKE_PERM_W ? PPC_440_TLB2_SW : 0) |
				   (perms & BOOKE_PERM_X ? PPC_440_TLB2_SX : 0), tid);

	tlb_write(CHECK_INDEX, &e);
}

int booke_tlb_search(unsigned long ea, unsigned int pid)
{
	return tlb_search(ea, pid);
}

/* The check page is the check entry's. */
void booke_tlb_unmap_check_page(unsigned long ea)
{
	(void)ea;
	tlb_invalidate(CHECK_INDEX);
}

void booke_tlb_checks_first(void)
{
	struct tlbe e;
	unsigned int i;
	int ok = 1;

	for (i = 0; i < kernel_entries; i++) {
		tlb_read(i, &e);
		ok &= (e.word[PPC_440_TLB_WORD_PAGEID] & PPC_440_TLB0_V) && e.tid == 0;
	}
	tlb_read(0, &e);
	check_report(ok && (e.word[PPC_440_TLB_WORD_PAGEID] & PPC_440_TLB0_EPN_MASK) == 0 &&
		     e.word[PPC_440_TLB_WORD_XLAT] == 0 &&
		     (e.word[PPC_440_TLB_WORD_ATTRIB] & PPC_440_TLB2_SUPERVISOR) == PPC_440_TLB2_SUPERVISOR,
		     "mmu: tlbre reads back the kernel's TLB entries, word by word");
	check_report(tlb_search((unsigned long)(uintptr_t)&booke_read_pvr, 0) >= 0 &&
		     tlb_search((unsigned long)(uintptr_t)booke_alias_target, 0) >= 0,
		     "mmu: tlbsx. finds the kernel's text and data");
	check_report(tlb_search(BOOKE_ALIAS_EA, 0) < 0, "mmu: tlbsx. misses an unmapped address (CR0[EQ] clear)");
}

void booke_tlb_checks_last(int pv_on)
{
	struct tlbe e;

	(void)pv_on;	/* nothing of the 440's TLB is in the magic page */
	MTSPR(PPC_440_SPR_MMUCR, 0);
	tlb_read(CHECK_INDEX, &e);
	check_report(e.tid == BOOKE_CHECK_PID, "mmu: tlbre of word 0 puts the entry's TID into MMUCR");
	tlb_invalidate(CHECK_INDEX);
	check_report(tlb_search(BOOKE_ALIAS_EA, BOOKE_CHECK_PID) < 0 && tlb_search(0, 0) >= 0,
		     "mmu: invalidating one entry keeps the others");
}
