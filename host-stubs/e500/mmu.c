// SPDX-License-Identifier: MIT
/*
 * The e500 host's TLB1: its own map in address space 0 (RAM at EA = PA,
 * supervisor only; the SoC's registers; the PCI window) and the guest's in
 * address space 1 (the shadow of the guest's own TLB, below, with user
 * permissions because the guest runs at PR=1; the magic page while the
 * guest is in supervisor state).  The host's entries are written once.
 *
 * The magic page's entry comes before the guest memory's: QEMU takes the
 * first entry that matches, so a magic page inside guest memory (an EA
 * within 32 KiB of 0) shadows the memory below it.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/booke-mmu.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/host/booke.h>
#include "e500.h"

/* TLB1 entries, by use. */
enum tlb1_slot {
	SLOT_HOST_RAM = 0,	/* where QEMU put its initial map */
	SLOT_CCSR,
	SLOT_IO,
	SLOT_MAGIC,
	SLOT_GUEST_FIRST,	/* .. the last entry: the shadow of the guest's TLB */
};

#define PAGE_LOG2		12
/* The host's RAM map: one 1 GiB page at EA = PA 0. */
#define HOST_MAP_LOG2		30
/* Largest page for guest memory (a 256 MiB guest is at most a few). */
#define GUEST_PAGE_MAX_LOG2	28

#define MTSPR(spr, val) __asm__ __volatile__("mtspr %0,%1" : : "i"(spr), "r"(val))

static uint32_t tsize(unsigned int log2)
{
	return PPC_BOOKE_MAS1_TSIZE(PPC_BOOKE_TSIZE_OF_LOG2(log2));
}

/* Write TLB1 entry slot: mas1 (valid, space, size), EA with WIMGE, a
 * 36-bit PA with its permissions. */
static void tlb1_write(unsigned int slot, uint32_t mas1, uint32_t ea, uint32_t wimge, uint64_t pa,
		       uint32_t perms)
{
	MTSPR(PPC_BOOKE_SPR_MAS0, PPC_BOOKE_MAS0_TLBSEL(1) | PPC_BOOKE_MAS0_ESEL(slot));
	MTSPR(PPC_BOOKE_SPR_MAS1, mas1);
	MTSPR(PPC_BOOKE_SPR_MAS2, (ea & PPC_BOOKE_PAGE_MASK) | wimge);
	MTSPR(PPC_BOOKE_SPR_MAS3, ((uint32_t)pa & PPC_BOOKE_PAGE_MASK) | perms);
	MTSPR(PPC_BOOKE_SPR_MAS7, (uint32_t)(pa >> 32));
	__asm__ __volatile__("isync; tlbwe; isync" : : : "memory");
}

#define SUPERVISOR_PERMS	(PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW | PPC_BOOKE_MAS3_SX)
#define HOST_PERMS		SUPERVISOR_PERMS
#define IO_WIMGE	(PPC_BOOKE_MAS2_I | PPC_BOOKE_MAS2_G)

void mmu_init_host(void)
{
	/* Replaces QEMU's entry (user permissions too) with the same
	 * translation for everything this code runs from. */
	tlb1_write(SLOT_HOST_RAM, PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_IPROT | tsize(HOST_MAP_LOG2),
		   0, PPC_BOOKE_MAS2_M, 0, HOST_PERMS);
}

/* The largest even-TSIZE page at ea -> pa that fits in bytes. */
static unsigned int page_log2(uint32_t ea, uint64_t pa, uint64_t bytes, unsigned int max_log2)
{
	unsigned int log2 = max_log2;

	while (log2 > PAGE_LOG2 && (((ea | pa) & ((UINT64_C(1) << log2) - 1)) ||
				    (UINT64_C(1) << log2) > bytes))
		log2 -= 2;
	return log2;
}

static void map_io(unsigned int slot, uint64_t pa, uint32_t ea, uint32_t bytes)
{
	unsigned int log2 = page_log2(ea, pa, bytes, HOST_MAP_LOG2);

	tlb1_write(slot, PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_IPROT | tsize(log2), ea, IO_WIMGE, pa,
		   PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW);
}

void mmu_map_ccsr(uint64_t pa, uint32_t ea, uint32_t bytes)
{
	map_io(SLOT_CCSR, pa, ea, bytes);
}

void mmu_map_io(uint64_t pa, uint32_t ea, uint32_t bytes)
{
	map_io(SLOT_IO, pa, ea, bytes);
}

/* ---- The guest's TLB and its shadow ---------------------------------------
 *
 * Three TLBs, as KVM's BookE hosts have them: the guest's (the TLB1 it
 * programs with tlbwe, modelled in host-stubs/arch/booke/tlb.c), the
 * shadow (what this file derives from it: guest EA -> host PA, in the
 * guest's address space 1 with the permissions of the guest's current
 * privilege as user permissions), and the real TLB1 the shadow lives in
 * (slots SLOT_GUEST_FIRST.., replaced round-robin).  Shadow entries are
 * made on demand - a real TLB miss in address space 1 looks the EA up in
 * the guest's TLB - and all dropped when the guest's TLB changes or its
 * context does (MSR[PR], MSR[IS], MSR[DS], PID).
 */

struct guest_mmu {
	uint64_t base, size;		/* guest-physical 0 .. size at host PA base */
	struct ppcpv_booke_tlb tlb;
	struct ppcpv_booke_shadow shadow;	/* what the shadow was made for */
	unsigned int next_slot, shadowed;	/* round-robin; slots in use */
	struct mmu_stats stats;
};

static struct guest_mmu gm;

#define GUEST_SLOTS	(PPC_BOOKE_TLB1_ENTRIES - SLOT_GUEST_FIRST)
/* The guest's supervisor permissions as the user permissions of a real
 * entry (each U bit is the S bit's left neighbour). */
#define SUPERVISOR_TO_USER_SHIFT	1
#define USER_PERMS		(PPC_BOOKE_MAS3_UR | PPC_BOOKE_MAS3_UW | PPC_BOOKE_MAS3_UX)

static void shadow_flush(void)
{
	unsigned int i;

	if (gm.shadowed) {
		for (i = 0; i < GUEST_SLOTS; i++)
			tlb1_write(SLOT_GUEST_FIRST + i, 0, 0, 0, 0, 0);
		gm.stats.flushes++;
	}
	gm.shadowed = 0;
	gm.next_slot = 0;
}

/* The guest's initial TLB1, as a boot loader leaves it (ePAPR's initial
 * mapped area): all of guest memory at EA = guest-physical, and the MMIO
 * device's page, in address space 0, supervisor read/write/execute,
 * protected from tlbivax.  The guest may rewrite every entry. */
static const char *initial_guest_tlb(uint64_t size, uint64_t hostdev)
{
	struct ppcpv_booke_tlbe e;
	unsigned int index = 0, log2;
	uint64_t ea = 0;

	while (ea < size) {
		if (index == PPC_BOOKE_TLB1_ENTRIES)
			return "guest memory needs more TLB1 entries than e500v2 has";
		log2 = page_log2((uint32_t)ea, ea, size - ea, GUEST_PAGE_MAX_LOG2);
		e = (struct ppcpv_booke_tlbe){ PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_IPROT | tsize(log2),
					       (uint32_t)ea | PPC_BOOKE_MAS2_M,
					       (uint32_t)ea | SUPERVISOR_PERMS, 0 };
		ppcpv_booke_tlb_set(&gm.tlb, index++, &e);
		ea += UINT64_C(1) << log2;
	}
	if (hostdev != PPCPV_HOSTDEV_NONE) {
		if (index == PPC_BOOKE_TLB1_ENTRIES)
			return "no TLB1 entry left for the host device";
		e = (struct ppcpv_booke_tlbe){ PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_IPROT | tsize(PAGE_LOG2),
					       (uint32_t)hostdev | IO_WIMGE,
					       (uint32_t)hostdev | PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW,
					       (uint32_t)(hostdev >> 32) };
		ppcpv_booke_tlb_set(&gm.tlb, index, &e);
	}
	return NULL;
}

const char host_mmu_description[] = "guest TLB1 shadowed (address space 1)";
const char *const mmu_no_magic_page = NULL;	/* TLB1 entry SLOT_MAGIC */

/* The guest's TLB is modelled and every mode is served. */
const char *mmu_check_config(const struct ppcpv_hostcfg *cfg)
{
	(void)cfg;
	return NULL;
}

const char *mmu_map_guest(uint64_t base, uint64_t size, uint64_t hostdev)
{
	if (base + size > UINT64_C(1) << HOST_MAP_LOG2)
		return "the guest region ends beyond the host's 1 GiB map";
	gm.base = base;
	gm.size = size;
	ppcpv_booke_shadow_init(&gm.shadow);
	gm.shadowed = 1;	/* whatever QEMU left in the guest's slots goes */
	shadow_flush();
	gm.stats.flushes = 0;
	return initial_guest_tlb(size, hostdev);
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
	return ppcpv_booke_tlb_lookup(&gm.tlb, ea, ppcpv_booke_access_space(v, insn), ppcpv_booke_pid(v));
}

/* The entry's permissions for the guest's privilege, as real user ones. */
static uint32_t guest_perms(const struct ppcpv_vcpu *v, const struct ppcpv_booke_tlbe *e)
{
	if (ppcpv_vcpu_supervisor(v))
		return (e->mas3 & SUPERVISOR_PERMS) << SUPERVISOR_TO_USER_SHIFT;
	return e->mas3 & USER_PERMS;
}

/* The largest page at ea, inside the guest entry and inside guest memory,
 * aligned at its host PA; 0: the page is not in guest memory. */
static unsigned int shadow_log2(const struct ppcpv_booke_tlbe *e, uint32_t ea)
{
	unsigned int log2 = ppcpv_booke_tlbe_log2(e);
	uint64_t gpa = ppcpv_booke_tlbe_gpa(e, ea), page;

	if (log2 > GUEST_PAGE_MAX_LOG2)
		log2 = GUEST_PAGE_MAX_LOG2 - (log2 - GUEST_PAGE_MAX_LOG2) % 2;
	for (; log2 >= PAGE_LOG2; log2 -= 2) {
		page = gpa & ~((UINT64_C(1) << log2) - 1);
		if (page + (UINT64_C(1) << log2) <= gm.size && !((gm.base + page) & ((UINT64_C(1) << log2) - 1)))
			return log2;
	}
	return 0;
}

static void shadow_install(const struct ppcpv_vcpu *v, const struct ppcpv_booke_tlbe *e,
			   uint32_t ea, unsigned int log2)
{
	uint32_t mask = ~(uint32_t)((UINT64_C(1) << log2) - 1);
	uint64_t gpa = ppcpv_booke_tlbe_gpa(e, ea) & ~((UINT64_C(1) << log2) - 1);

	tlb1_write(SLOT_GUEST_FIRST + gm.next_slot, PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_TS | tsize(log2),
		   ea & mask, e->mas2 & PPC_BOOKE_MAS2_WIMGE, gm.base + gpa, guest_perms(v, e));
	gm.next_slot = (gm.next_slot + 1) % GUEST_SLOTS;
	gm.shadowed = 1;
	gm.stats.shadowed++;
}

enum tlb_miss mmu_guest_tlb_miss(struct ppcpv_vcpu *v, uint32_t ea, int insn, int store,
				 uint64_t *gpa)
{
	int index = guest_lookup(v, ea, insn);
	const struct ppcpv_booke_tlbe *e;
	uint32_t need;
	unsigned int log2;

	if (index < 0) {
		ppcpv_booke_tlb_miss_mas(v, ea, ppcpv_booke_access_space(v, insn), ppcpv_booke_pid(v));
		gm.stats.guest_misses++;
		return TLB_MISS_GUEST;
	}
	e = &gm.tlb.tlb1[index];
	need = insn ? PPC_BOOKE_MAS3_UX : store ? PPC_BOOKE_MAS3_UW : PPC_BOOKE_MAS3_UR;
	if (!(guest_perms(v, e) & need)) {
		gm.stats.denied++;
		return TLB_MISS_DENIED;
	}
	*gpa = ppcpv_booke_tlbe_gpa(e, ea);
	log2 = shadow_log2(e, ea);
	if (!log2) {
		gm.stats.not_memory++;
		return TLB_MISS_NOT_MEMORY;
	}
	shadow_install(v, e, ea, log2);
	return TLB_MISS_SHADOWED;
}

int mmu_fetch_gpa(void *ctx, const struct ppcpv_vcpu *v, uint64_t ea, uint64_t *gpa)
{
	int index = guest_lookup(v, (uint32_t)ea, 1);

	if (index < 0)
		return -1;
	*gpa = ppcpv_booke_tlbe_gpa(&gm.tlb.tlb1[index], (uint32_t)ea);
	return 0;
}

enum ppcpv_emul_result mmu_tlb_insn(void *ctx, struct ppcpv_vcpu *v, uint32_t insn)
{
	return ppcpv_booke_tlb_insn(&gm.tlb, v, insn);
}

const struct mmu_stats *mmu_get_stats(void)
{
	return &gm.stats;
}

static uint64_t magic_page_pa;
void mmu_set_magic_page(uint64_t pa)
{
	magic_page_pa = pa;
}

/* Read/write for the guest (at PR=1), never executable. */
#define MAGIC_PERMS	(PPC_BOOKE_MAS3_UR | PPC_BOOKE_MAS3_UW | PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW)

void mmu_magic_visible(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	uint32_t mas1 = visible ? PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_TS | tsize(PAGE_LOG2) : 0;

	tlb1_write(SLOT_MAGIC, mas1, (uint32_t)v->magic.ea, PPC_BOOKE_MAS2_M, magic_page_pa,
		   MAGIC_PERMS);
}
