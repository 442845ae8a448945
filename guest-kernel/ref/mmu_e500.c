// SPDX-License-Identifier: MIT
/*
 * The MMU side of the reference kernel built for e500 (REF_E500): the
 * kernel programs its own TLB1 through the MAS registers and tlbwe, as
 * e500 kernels do (no page tables: the kernel is mapped 1:1 with large
 * protected pages), and checks the TLB it sees:
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
#include <ppcpv/fdt.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/isa/booke-mmu.h>
#include <ppcpv/patcher.h>
#include "mmu.h"
#include "ref.h"

#define PAGE_LOG2	12
#define MAX_PAGE_LOG2	28	/* 256 MiB */
/* The entry this file's checks use (the kernel's own fill from 0 up). */
#define CHECK_ESEL	(PPC_BOOKE_TLB1_ENTRIES - 1)
/* Effective addresses nothing else maps. */
#define ALIAS_EA	0x40000000ul
#define EXEC_ALIAS_EA	0x50000000ul
#define CHECK_PID	5u
#define PATTERN		0x5eb0e500ul

#define MTSPR(spr, v)	__asm__ __volatile__("mtspr %0,%1" : : "i"(spr), "r"((unsigned long)(v)) : "memory")
#define MFSPR(spr)	({ unsigned long v_; __asm__ __volatile__("mfspr %0,%1" : "=r"(v_) : "i"(spr)); v_; })

struct mmu_stats mmu_stats;

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
	uint64_t bytes = memory_size(fdt, fdt_size), ea = 0, dev = platform_hostdev();
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
	const struct tlbe e = { PPC_BOOKE_MAS1_V | ((unsigned long)tid << PPC_BOOKE_MAS1_TID_SHIFT) |
				tsize(PAGE_LOG2), ea | PPC_BOOKE_MAS2_M, pa | perms };

	tlb1_write(CHECK_ESEL, &e);
}

static void check_read_back(void)
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
	check_report(tlb_search((unsigned long)(uintptr_t)&read_pvr, 0) >= 0 &&
		     tlb_search((unsigned long)(uintptr_t)alias_target, 0) >= 0,
		     "mmu: tlbsx finds the kernel's text and data");
	check_report(tlb_search(ALIAS_EA, 0) < 0, "mmu: tlbsx misses an unmapped address (MAS1[V] clear)");
}

static void check_alias(void)
{
	unsigned long pa = (unsigned long)(uintptr_t)alias_target, got = 0;

	map_check_page(ALIAS_EA, pa, 0, PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW);
	check_report(tlb_search(ALIAS_EA, 0) == CHECK_ESEL, "mmu: tlbsx finds a new entry at its ESEL");
	alias_target[1] = 0;
	*(volatile unsigned long *)(ALIAS_EA + sizeof(unsigned long)) = PATTERN;
	check_report(alias_target[1] == PATTERN, "mmu: a store through a second mapping reaches the memory");
	alias_target[2] = ~PATTERN;
	check_report(!ppcpv_ref_probe_load(ALIAS_EA + 2 * sizeof(unsigned long), 4, &got) &&
		     got == ~PATTERN, "mmu: a load through a second mapping reads the memory");
	tlb_invalidate(ALIAS_EA | PPC_BOOKE_TLBIVAX_TLB1);
	check_report(ppcpv_ref_probe_load(ALIAS_EA, 4, &got) != 0 && tlb_search(ALIAS_EA, 0) < 0,
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
	tlb_invalidate(PPC_BOOKE_TLBIVAX_TLB1 | PPC_BOOKE_TLBIVAX_ALL);
	check_report(tlb_search(EXEC_ALIAS_EA, 0) < 0 && tlb_search(0, 0) >= 0,
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
	check_report(tlb_search(ALIAS_EA, CHECK_PID) == CHECK_ESEL && tlb_search(ALIAS_EA, 0) < 0,
		     "mmu: tlbsx searches MAS6's PID");
	tlb_invalidate(ALIAS_EA | PPC_BOOKE_TLBIVAX_TLB1);
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
