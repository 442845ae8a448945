// SPDX-License-Identifier: MIT
/*
 * The 440 host's TLB: 64 software-managed entries, each written as three
 * words with tlbwe RS,RA,WS (no MAS registers; the translation space TS
 * is in the entry, the TID comes from MMUCR, 0 = every PID).  The host's
 * own map in address space 0 (RAM at EA = PA, the board's I/O), supervisor
 * only, written once; the guest's in address space 1, with user
 * permissions because the guest runs at PR=1 with IS = DS = 1.
 *
 * Three TLBs, as the KVM 440 notes describe them: the guest's (the 64
 * entries it programs with tlbwe, modelled in
 * host-stubs/arch/booke/tlb440.c), the shadow (what this file derives from
 * it: guest EA -> host PA, in address space 1 with the permissions of the
 * guest's current privilege as user permissions), and the real TLB the
 * shadow lives in (slots SLOT_GUEST_FIRST.., replaced round-robin).
 * Shadow entries are made on demand - a real TLB miss in address space 1
 * looks the EA up in the guest's TLB - and all dropped when the guest's
 * TLB changes or its context does (MSR[PR], MSR[IS], MSR[DS], PID).
 *
 * There is no magic page: KVM's 440 host never offered one, and neither
 * does this host (mode pv is served as no-pv, main.c).  An access to
 * guest-physical addresses outside guest memory - the MMIO device page -
 * is never shadowed: the core decodes it.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/ppc440.h>
#include <ppcpv/host/booke.h>
#include "../e500/e500.h"

enum tlb_slot {
	SLOT_HOST_RAM = 0,	/* where QEMU put its initial map */
	SLOT_HOST_IO,
	SLOT_GUEST_FIRST,	/* .. the last entry: the shadow of the guest's TLB */
};
#define GUEST_SLOTS		(PPC_440_TLB_ENTRIES - SLOT_GUEST_FIRST)

/* The host's RAM map: one 1 GiB page at EA = PA 0; the board's I/O
 * (UART0 at 0xef600300) in a 256 MiB page at EA = PA 0xe0000000. */
#define HOST_RAM_SIZE_CODE	PPC_440_SIZE_1G
#define HOST_IO_BASE		0xe0000000u
#define HOST_IO_SIZE_CODE	PPC_440_SIZE_256M
#define IO_ATTRIB		(PPC_440_TLB2_I | PPC_440_TLB2_G)
/* Largest page for guest memory (a 256 MiB guest is one). */
#define GUEST_PAGE_MAX_CODE	PPC_440_SIZE_256M

const char host_mmu_description[] = "guest TLB shadowed (address space 1)";
/* KVM's 440 host never offered a magic page (main.c serves mode pv as no-pv). */
const char *const mmu_no_magic_page = "the 440 host offers no magic page (KVM's 440 host never did)";

static void tlb_write(unsigned int slot, uint32_t pageid, uint32_t xlat, uint32_t attrib)
{
	__asm__ __volatile__("mtspr %0,%1; isync\n\t"
			     "tlbwe %2,%3,%4\n\t"
			     "tlbwe %5,%3,%6\n\t"
			     "tlbwe %7,%3,%8; isync"
			     : : "i"(PPC_440_SPR_MMUCR), "r"(0), "r"(pageid), "b"(slot),
			       "i"(PPC_440_TLB_WORD_PAGEID), "r"(xlat), "i"(PPC_440_TLB_WORD_XLAT),
			       "r"(attrib), "i"(PPC_440_TLB_WORD_ATTRIB)
			     : "memory");
}

/* Only word 0's V matters to an invalid entry. */
static void tlb_invalidate(unsigned int slot)
{
	__asm__ __volatile__("tlbwe %0,%1,%2; isync"
			     : : "r"(0), "b"(slot), "i"(PPC_440_TLB_WORD_PAGEID) : "memory");
}

struct guest_mmu {
	uint64_t base, size;		/* guest-physical 0 .. size at host PA base */
	struct ppcpv_440_tlb tlb;
	struct ppcpv_booke_shadow shadow;	/* what the shadow was made for */
	unsigned int next_slot, shadowed;	/* round-robin; slots in use */
	struct mmu_stats stats;
};

static struct guest_mmu gm;

static void shadow_flush(void)
{
	unsigned int i;

	if (gm.shadowed) {
		for (i = 0; i < GUEST_SLOTS; i++)
			tlb_invalidate(SLOT_GUEST_FIRST + i);
		gm.stats.flushes++;
	}
	gm.shadowed = 0;
	gm.next_slot = 0;
}

void mmu_init_host(void)
{
	/* the same translation for everything this code runs from */
	tlb_write(SLOT_HOST_RAM, PPC_440_TLB0_V | PPC_440_TLB0_SIZE(HOST_RAM_SIZE_CODE), 0,
		  PPC_440_TLB2_SUPERVISOR);
	tlb_write(SLOT_HOST_IO, HOST_IO_BASE | PPC_440_TLB0_V | PPC_440_TLB0_SIZE(HOST_IO_SIZE_CODE),
		  HOST_IO_BASE, IO_ATTRIB | PPC_440_TLB2_SR | PPC_440_TLB2_SW);
	gm.shadowed = 1;	/* whatever QEMU left in the guest's slots goes */
	shadow_flush();
	gm.stats.flushes = 0;
}

/* The largest SIZE code (at most max) the 440 has for a page at ea -> pa
 * inside bytes; 0 if none (below 1 KiB granularity). */
static unsigned int page_code(uint32_t ea, uint64_t pa, uint64_t bytes, unsigned int max)
{
	unsigned int code;

	for (code = max; code > 0; code--) {
		uint64_t page = UINT64_C(1) << PPC_440_SIZE_LOG2(code);

		if (!PPC_440_SIZE_ABSENT(code) && !((ea | pa) & (page - 1)) && page <= bytes)
			return code;
	}
	return 0;
}

static struct ppcpv_440_tlbe tlbe(uint32_t ea, unsigned int code, uint64_t pa, uint32_t attrib)
{
	return (struct ppcpv_440_tlbe){
		{ ea | PPC_440_TLB0_V | PPC_440_TLB0_SIZE(code),
		  ((uint32_t)pa & PPC_440_TLB1_RPN_MASK) | ((uint32_t)(pa >> 32) & PPC_440_TLB1_ERPN_MASK),
		  attrib },
		0 };
}

/* The guest's initial TLB, as a boot loader leaves it (ePAPR's initial
 * mapped area): all of guest memory at EA = guest-physical, and the MMIO
 * device's page, in address space 0, supervisor read/write/execute, TID 0.
 * The guest may rewrite every entry. */
static const char *initial_guest_tlb(uint64_t size, uint64_t hostdev)
{
	unsigned int index = 0, code;
	uint64_t ea = 0;
	struct ppcpv_440_tlbe e;

	while (ea < size) {
		if (index == PPC_440_TLB_ENTRIES)
			return "guest memory needs more TLB entries than the 440 has";
		code = page_code((uint32_t)ea, ea, size - ea, GUEST_PAGE_MAX_CODE);
		e = tlbe((uint32_t)ea, code, ea, PPC_440_TLB2_M | PPC_440_TLB2_SUPERVISOR);
		ppcpv_440_tlb_set(&gm.tlb, index++, &e);
		ea += UINT64_C(1) << PPC_440_SIZE_LOG2(code);
	}
	if (hostdev != PPCPV_HOSTDEV_NONE) {
		if (index == PPC_440_TLB_ENTRIES)
			return "no TLB entry left for the host device";
		e = tlbe((uint32_t)hostdev, PPC_440_SIZE_4K, hostdev,
			 IO_ATTRIB | PPC_440_TLB2_SR | PPC_440_TLB2_SW);
		ppcpv_440_tlb_set(&gm.tlb, index, &e);
	}
	return NULL;
}

const char *mmu_map_guest(uint64_t base, uint64_t size, uint64_t hostdev)
{
	if (base + size > UINT64_C(1) << PPC_440_SIZE_LOG2(HOST_RAM_SIZE_CODE))
		return "the guest region ends beyond the host's 1 GiB map";
	gm.base = base;
	gm.size = size;
	ppcpv_booke_shadow_init(&gm.shadow);
	return initial_guest_tlb(size, hostdev);
}

/* Every mode is served (pv as no-pv: main.c). */
const char *mmu_check_config(const struct ppcpv_hostcfg *cfg)
{
	(void)cfg;
	return NULL;
}

void mmu_guest_entry(const struct ppcpv_vcpu *v)
{
	if (ppcpv_booke_shadow_stale(&gm.shadow, v, gm.tlb.generation))
		shadow_flush();
}

/* The guest TLB entry for ea as the guest's MSR[IS] (instruction) or
 * MSR[DS] (data) and PID select, or -1. */
static int guest_lookup(const struct ppcpv_vcpu *v, uint32_t ea, int insn)
{
	return ppcpv_440_tlb_lookup(&gm.tlb, ea, ppcpv_booke_access_space(v, insn), ppcpv_booke_pid(v));
}

/* The entry's permissions for the guest's privilege, as real user ones. */
static uint32_t guest_perms(const struct ppcpv_vcpu *v, const struct ppcpv_440_tlbe *e)
{
	uint32_t attrib = e->word[PPC_440_TLB_WORD_ATTRIB];

	if (ppcpv_vcpu_supervisor(v))
		return (attrib & PPC_440_TLB2_SUPERVISOR) << PPC_440_TLB2_S_TO_U_SHIFT;
	return attrib & PPC_440_TLB2_USER;
}

/* The largest 440 page at ea, inside the guest entry and inside guest
 * memory, aligned at its host PA (SIZE code, or -1: the page is not in
 * guest memory). */
static int shadow_code(const struct ppcpv_440_tlbe *e, uint32_t ea)
{
	unsigned int log2 = ppcpv_440_tlbe_log2(e);
	int code = (int)PPC_440_SIZE_OF_LOG2(log2);
	uint64_t gpa = ppcpv_440_tlbe_gpa(e, ea), page, bytes;

	if (code > (int)GUEST_PAGE_MAX_CODE)
		code = GUEST_PAGE_MAX_CODE;
	for (; code >= 0; code--) {
		if (PPC_440_SIZE_ABSENT(code))
			continue;
		bytes = UINT64_C(1) << PPC_440_SIZE_LOG2(code);
		page = gpa & ~(bytes - 1);
		if (page + bytes <= gm.size && !((gm.base + page) & (bytes - 1)))
			return code;
	}
	return -1;
}

static void shadow_install(const struct ppcpv_vcpu *v, const struct ppcpv_440_tlbe *e, uint32_t ea,
			   unsigned int code)
{
	uint64_t bytes = UINT64_C(1) << PPC_440_SIZE_LOG2(code);
	uint64_t gpa = ppcpv_440_tlbe_gpa(e, ea) & ~(bytes - 1);
	struct ppcpv_440_tlbe s = tlbe(ea & ~(uint32_t)(bytes - 1), code, gm.base + gpa,
				       (e->word[PPC_440_TLB_WORD_ATTRIB] & PPC_440_TLB2_WIMGE) |
				       guest_perms(v, e));

	tlb_write(SLOT_GUEST_FIRST + gm.next_slot, s.word[PPC_440_TLB_WORD_PAGEID] | PPC_440_TLB0_TS,
		  s.word[PPC_440_TLB_WORD_XLAT], s.word[PPC_440_TLB_WORD_ATTRIB]);
	gm.next_slot = (gm.next_slot + 1) % GUEST_SLOTS;
	gm.shadowed = 1;
	gm.stats.shadowed++;
}

enum tlb_miss mmu_guest_tlb_miss(struct ppcpv_vcpu *v, uint32_t ea, int insn, int store,
				 uint64_t *gpa)
{
	int index = guest_lookup(v, ea, insn), code;
	const struct ppcpv_440_tlbe *e;
	uint32_t need;

	if (index < 0) {
		gm.stats.guest_misses++;
		return TLB_MISS_GUEST;
	}
	e = &gm.tlb.e[index];
	need = insn ? PPC_440_TLB2_UX : store ? PPC_440_TLB2_UW : PPC_440_TLB2_UR;
	if (!(guest_perms(v, e) & need)) {
		gm.stats.denied++;
		return TLB_MISS_DENIED;
	}
	*gpa = ppcpv_440_tlbe_gpa(e, ea);
	code = shadow_code(e, ea);
	if (code < 0) {
		gm.stats.not_memory++;
		return TLB_MISS_NOT_MEMORY;
	}
	shadow_install(v, e, ea, (unsigned int)code);
	return TLB_MISS_SHADOWED;
}

int mmu_fetch_gpa(void *ctx, const struct ppcpv_vcpu *v, uint64_t ea, uint64_t *gpa)
{
	int index = guest_lookup(v, (uint32_t)ea, 1);

	(void)ctx;
	if (index < 0)
		return -1;
	*gpa = ppcpv_440_tlbe_gpa(&gm.tlb.e[index], (uint32_t)ea);
	return 0;
}

enum ppcpv_emul_result mmu_tlb_insn(void *ctx, struct ppcpv_vcpu *v, uint32_t insn)
{
	(void)ctx;
	return ppcpv_440_tlb_insn(&gm.tlb, v, insn);
}

const struct mmu_stats *mmu_get_stats(void)
{
	return &gm.stats;
}

/* There is no magic page (main.c never maps one here). */
void mmu_set_magic_page(uint64_t pa)
{
	(void)pa;
}

void mmu_magic_visible(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	(void)ctx;
	(void)v;
	(void)visible;
}
