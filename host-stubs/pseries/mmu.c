// SPDX-License-Identifier: MIT
/*
 * Translation for the guest on pseries.  The guest always runs with real
 * MSR[IR|DR]=1, whatever its own MSR says, through one SLB entry per
 * segment and 4 KiB hash-table entries inserted with H_ENTER:
 *   guest EA x (0 <= x < guest size)  ->  host PA guest_base + x
 *   magic-page EA (while shown)       ->  the shared page
 * so "guest real address" = host PA - guest base.  Nothing else is mapped:
 * any other access faults to the host.  VSIDs are a fixed function of the
 * ESID; the guest's own translations are not modelled.
 */
#include <ppcpv/abi.h>
#include "pseries.h"

#define SEGMENT_SHIFT		28
#define PAGE_SHIFT		12
#define SLB_ESID_VALID		0x08000000ul
#define SLB_VSID_SHIFT		12
#define SLB_VSID_KP		0x400ul		/* problem-state key: the guest runs at PR=1 */
#define SLB_SLOT_MEMORY		0
#define SLB_SLOT_MAGIC		1
#define VSID_BASE		0x100ul		/* keep VSID 0 unused */
#define HPTE_V_VALID		0x1ul
#define HPTE_V_AVPN_MASK	(~0x7ful)
#define HPTE_R_R		0x100ul
#define HPTE_R_C		0x080ul
#define HPTE_R_M		0x010ul
#define HPTE_R_N		0x004ul
#define HPTE_R_PP_RW		0x002ul		/* read/write for both keys */
#define HPTES_PER_GROUP		8

static uint64_t pteg_mask;
static uint64_t guest_base, guest_size;

static uint64_t vsid_of(uint64_t ea)
{
	return (ea >> SEGMENT_SHIFT) + VSID_BASE;
}

static void slb_install(unsigned int slot, uint64_t ea)
{
	uint64_t rs = vsid_of(ea) << SLB_VSID_SHIFT | SLB_VSID_KP;
	uint64_t rb = (ea >> SEGMENT_SHIFT) << SEGMENT_SHIFT | SLB_ESID_VALID | slot;

	__asm__ __volatile__("slbmte %0,%1; isync" : : "r"(rs), "r"(rb) : "memory");
}

/* First word of an HPTE for ea: the abbreviated virtual page number. */
static uint64_t hpte_v(uint64_t ea)
{
	return vsid_of(ea) << 12 | ((ea >> 23) & 0x1f) << 7 | HPTE_V_VALID;
}

static uint64_t pteg_index(uint64_t ea)
{
	uint64_t page_in_segment = (ea & ((1ul << SEGMENT_SHIFT) - 1)) >> PAGE_SHIFT;

	return ((vsid_of(ea) ^ page_in_segment) & pteg_mask) * HPTES_PER_GROUP;
}

static long map_page(uint64_t ea, uint64_t pa, uint64_t extra)
{
	uint64_t r = (pa & ~((1ul << PAGE_SHIFT) - 1)) | HPTE_R_R | HPTE_R_C | HPTE_R_M |
		     HPTE_R_PP_RW | extra;

	/* Without H_EXACT the hypervisor picks a free slot of the group. */
	return ppcpv_papr_hcall(H_ENTER, 0, pteg_index(ea), hpte_v(ea), r, NULL);
}

static void unmap_page(uint64_t ea)
{
	uint64_t ptex = pteg_index(ea), i;

	for (i = 0; i < HPTES_PER_GROUP; i++)
		if (ppcpv_papr_hcall(H_REMOVE, H_AVPN, ptex + i, hpte_v(ea) & HPTE_V_AVPN_MASK, 0,
			       NULL) == H_SUCCESS)
			return;
}

const char *mmu_init(const struct machine *m)
{
	uint64_t ea;

	/* The table has 2^pft_shift bytes in groups of 8 16-byte entries. */
	pteg_mask = (1ul << (m->pft_shift - 7)) - 1;
	guest_base = m->cfg.guest_base;
	guest_size = m->cfg.guest_size;
	slb_install(SLB_SLOT_MEMORY, 0);
	for (ea = 0; ea < guest_size; ea += 1ul << PAGE_SHIFT)
		if (map_page(ea, guest_base + ea, 0) != H_SUCCESS)
			return "H_ENTER failed for guest memory (hash group full?)";
	return NULL;
}

void mmu_show_magic_page(uint64_t ea, uint64_t shared_pa, int visible)
{
	int shadows_memory = ea < guest_size;

	if (ea >> SEGMENT_SHIFT)
		slb_install(SLB_SLOT_MAGIC, ea);
	if (visible) {
		if (shadows_memory)
			unmap_page(ea);
		/* Data only: nothing executes from the magic page. */
		if (map_page(ea, shared_pa, HPTE_R_N) != H_SUCCESS)
			host_printf("host: warning: H_ENTER failed for the magic page\n");
		return;
	}
	unmap_page(ea);
	if (shadows_memory)
		map_page(ea, guest_base + ea, 0);
}
