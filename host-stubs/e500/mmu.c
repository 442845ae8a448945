// SPDX-License-Identifier: MIT
/*
 * The e500 host's TLB1: its own map in address space 0 (RAM at EA = PA,
 * supervisor only; the SoC's registers; the PCI window) and the guest's in
 * address space 1 (guest EA = guest-physical over all of its memory, user
 * permissions because the guest runs at PR=1; the magic page while the
 * guest is in supervisor state).  Entries are written once with tlbwe and
 * never replaced, except the magic page's.
 *
 * The magic page's entry comes before the guest memory's: QEMU takes the
 * first entry that matches, so a magic page inside guest memory (an EA
 * within 32 KiB of 0) shadows the memory below it.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/booke-mmu.h>
#include <ppcpv/isa/spr.h>
#include "e500.h"

/* TLB1 entries, by use. */
enum tlb1_slot {
	SLOT_HOST_RAM = 0,	/* where QEMU put its initial map */
	SLOT_CCSR,
	SLOT_IO,
	SLOT_MAGIC,
	SLOT_GUEST_FIRST,	/* .. the last entry: guest memory */
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

#define HOST_PERMS	(PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW | PPC_BOOKE_MAS3_SX)
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

#define GUEST_PERMS	(PPC_BOOKE_MAS3_UR | PPC_BOOKE_MAS3_UW | PPC_BOOKE_MAS3_UX | \
			 PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW | PPC_BOOKE_MAS3_SX)

const char *mmu_map_guest(uint64_t base, uint64_t size)
{
	unsigned int slot = SLOT_GUEST_FIRST, log2;
	uint64_t ea = 0;

	if (base + size > UINT64_C(1) << HOST_MAP_LOG2)
		return "the guest region ends beyond the host's 1 GiB map";
	while (ea < size) {
		if (slot == PPC_BOOKE_TLB1_ENTRIES)
			return "guest memory needs more TLB1 entries than e500v2 has "
			       "(align guest-base to its size)";
		log2 = page_log2((uint32_t)ea, base + ea, size - ea, GUEST_PAGE_MAX_LOG2);
		tlb1_write(slot++, PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_TS | tsize(log2), (uint32_t)ea,
			   PPC_BOOKE_MAS2_M, base + ea, GUEST_PERMS);
		ea += UINT64_C(1) << log2;
	}
	return NULL;
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
