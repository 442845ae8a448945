// SPDX-License-Identifier: MIT
/*
 * The MMU side of the reference kernel built for the PowerPC 440
 * (REF_440): the kernel programs its own TLB - 64 entries of three words,
 * written with tlbwe RS,RA,WS, read with tlbre, searched with tlbsx., the
 * TID from MMUCR - as 440 kernels do (no page tables: memory is mapped 1:1
 * with large pages), and checks the TLB it sees:
 *
 *  - what tlbwe wrote, tlbre reads back; tlbre of word 0 puts the entry's
 *    TID into MMUCR[STID];
 *  - tlbsx. finds a mapped address (CR0[EQ], the index in RT) and misses
 *    an unmapped one;
 *  - a page mapped at another effective address reads and writes the same
 *    memory (data through the host's shadow of the guest's TLB), and code
 *    run there traps to the host, which fetches it through the guest's TLB;
 *  - an entry rewritten with V clear is gone (the next access faults
 *    through IVOR13) and the others stay: the 440's invalidation, it has
 *    no tlbivax;
 *  - an entry with a TID is reachable only under that PID, and tlbsx.
 *    searches MMUCR[STID].
 *
 * The 440 has no MAS registers and its hosts no magic page, so the e500
 * build's MAS-in-the-magic-page check has no counterpart here.
 */
#include <ppcpv/fdt.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/ppc440.h>
#include "mmu.h"
#include "ref.h"

#define MAX_PAGE_CODE	PPC_440_SIZE_256M
/* The entry this file's checks use (the kernel's own fill from 0 up). */
#define CHECK_INDEX	(PPC_440_TLB_ENTRIES - 1)
/* Effective addresses nothing else maps. */
#define ALIAS_EA	0x40000000ul
#define EXEC_ALIAS_EA	0x50000000ul
#define CHECK_PID	5u
#define PATTERN		0x5eb04400ul

#define MTSPR(spr, v)	__asm__ __volatile__("mtspr %0,%1" : : "i"(spr), "r"((unsigned long)(v)) : "memory")
#define MFSPR(spr)	({ unsigned long v_; __asm__ __volatile__("mfspr %0,%1" : "=r"(v_) : "i"(spr)); v_; })

struct mmu_stats mmu_stats;

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

static uint64_t memory_size(const void *fdt, size_t size)
{
	int node = ppcpv_fdt_path_offset(fdt, size, "/memory@0");
	uint32_t ac = 2, sc = 1;
	uint64_t bytes = 0;

	ppcpv_fdt_get_u32(fdt, size, 0, "#address-cells", &ac);
	ppcpv_fdt_get_u32(fdt, size, 0, "#size-cells", &sc);
	if (node < 0 || ppcpv_fdt_get_cells(fdt, size, node, "reg", ac, sc, &bytes))
		return 0;
	return bytes;
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
	uint64_t bytes = memory_size(fdt, fdt_size), ea = 0, dev = platform_hostdev();
	unsigned int code, i;
	struct tlbe e;

	while (ea < bytes && kernel_entries < CHECK_INDEX) {
		code = page_code(ea, bytes - ea);
		e = tlbe((unsigned long)ea, code, (unsigned long)ea,
			 PPC_440_TLB2_M | PPC_440_TLB2_SR | PPC_440_TLB2_SW | PPC_440_TLB2_SX, 0);
		tlb_write(kernel_entries++, &e);
		ea += 1ull << PPC_440_SIZE_LOG2(code);
	}
	if (dev && kernel_entries < CHECK_INDEX) {
		e = tlbe((unsigned long)dev, PPC_440_SIZE_4K, (unsigned long)dev,
			 PPC_440_TLB2_I | PPC_440_TLB2_G | PPC_440_TLB2_SR | PPC_440_TLB2_SW, 0);
		tlb_write(kernel_entries++, &e);
	}
	for (i = kernel_entries; i < PPC_440_TLB_ENTRIES; i++)
		tlb_invalidate(i);
	kprintf("mmu: 440 TLB: %u entries of its own (memory 0x%llx, host device 0x%llx)\n",
		kernel_entries, (unsigned long long)bytes, (unsigned long long)dev);
	return 0;
}

void mmu_count_interrupt(uint64_t trap)
{
	if (trap == REF_TRAP_DSI || trap == REF_TRAP_DTLB)
		mmu_stats.dsi++;
	else if (trap == REF_TRAP_ISI || trap == REF_TRAP_ITLB)
		mmu_stats.isi++;
}

/* ---- checks ------------------------------------------------------------------ */

static volatile unsigned long alias_target[PAGE_SIZE / sizeof(unsigned long)]
	__attribute__((aligned(PAGE_SIZE)));

/* Two instructions, never across a page: mfspr PVR traps to the host. */
static unsigned long __attribute__((noinline, aligned(16))) read_pvr(void)
{
	return MFSPR(PPC_SPR_PVR);
}

static void map_check_page(unsigned long ea, unsigned long pa, unsigned int tid, unsigned long perms)
{
	const struct tlbe e = tlbe(ea, PPC_440_SIZE_4K, pa, PPC_440_TLB2_M | perms, tid);

	tlb_write(CHECK_INDEX, &e);
}

static void check_read_back(void)
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
	check_report(tlb_search((unsigned long)(uintptr_t)&read_pvr, 0) >= 0 &&
		     tlb_search((unsigned long)(uintptr_t)alias_target, 0) >= 0,
		     "mmu: tlbsx. finds the kernel's text and data");
	check_report(tlb_search(ALIAS_EA, 0) < 0, "mmu: tlbsx. misses an unmapped address (CR0[EQ] clear)");
}

static void check_alias(void)
{
	unsigned long pa = (unsigned long)(uintptr_t)alias_target, got = 0;

	map_check_page(ALIAS_EA, pa, 0, PPC_440_TLB2_SR | PPC_440_TLB2_SW);
	check_report(tlb_search(ALIAS_EA, 0) == CHECK_INDEX, "mmu: tlbsx. finds a new entry at its index");
	alias_target[1] = 0;
	*(volatile unsigned long *)(ALIAS_EA + sizeof(unsigned long)) = PATTERN;
	check_report(alias_target[1] == PATTERN, "mmu: a store through a second mapping reaches the memory");
	alias_target[2] = ~PATTERN;
	check_report(!ppcpv_ref_probe_load(ALIAS_EA + 2 * sizeof(unsigned long), 4, &got) &&
		     got == ~PATTERN, "mmu: a load through a second mapping reads the memory");
	tlb_invalidate(CHECK_INDEX);
	check_report(ppcpv_ref_probe_load(ALIAS_EA, 4, &got) != 0 && tlb_search(ALIAS_EA, 0) < 0,
		     "mmu: after word 0 is written with V clear the page faults (data TLB miss)");
}

static void check_exec_alias(void)
{
	unsigned long fn = (unsigned long)(uintptr_t)&read_pvr;
	unsigned long page = fn & ~(unsigned long)(PAGE_SIZE - 1);
	unsigned long (*alias)(void) = (unsigned long (*)(void))(EXEC_ALIAS_EA + (fn - page));

	map_check_page(EXEC_ALIAS_EA, page, 0, PPC_440_TLB2_SR | PPC_440_TLB2_SX);
	check_report(alias() == read_pvr(),
		     "mmu: code run through a second mapping (its trapping mfspr PVR emulated)");
	tlb_invalidate(CHECK_INDEX);
	check_report(tlb_search(EXEC_ALIAS_EA, 0) < 0 && tlb_search(0, 0) >= 0,
		     "mmu: invalidating one entry keeps the others");
}

static void check_pid(void)
{
	unsigned long got = 0;
	struct tlbe e;
	int seen, hidden;

	map_check_page(ALIAS_EA, (unsigned long)(uintptr_t)alias_target, CHECK_PID,
		       PPC_440_TLB2_SR | PPC_440_TLB2_SW);
	alias_target[0] = PATTERN;
	MTSPR(PPC_BOOKE_SPR_PID, CHECK_PID);
	seen = !ppcpv_ref_probe_load(ALIAS_EA, 4, &got) && got == PATTERN;
	MTSPR(PPC_BOOKE_SPR_PID, 0);
	hidden = ppcpv_ref_probe_load(ALIAS_EA, 4, &got) != 0;
	check_report(seen && hidden, "mmu: an entry with a TID translates under that PID only");
	check_report(tlb_search(ALIAS_EA, CHECK_PID) == CHECK_INDEX && tlb_search(ALIAS_EA, 0) < 0,
		     "mmu: tlbsx. searches MMUCR's TID");
	MTSPR(PPC_440_SPR_MMUCR, 0);
	tlb_read(CHECK_INDEX, &e);
	check_report(e.tid == CHECK_PID, "mmu: tlbre of word 0 puts the entry's TID into MMUCR");
	tlb_invalidate(CHECK_INDEX);
}

void checks_mmu(int pv_on)
{
	uint64_t faults = mmu_stats.dsi;

	(void)pv_on;	/* nothing of the 440's TLB is in the magic page */
	check_read_back();
	check_alias();
	check_exec_alias();
	check_pid();
	kprintf("INFO: mmu: %llu data faults taken by the checks\n",
		(unsigned long long)(mmu_stats.dsi - faults));
	check_report(mmu_stats.dsi - faults == 2, "mmu: the two unmapped loads faulted, nothing else");
}
