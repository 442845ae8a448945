// SPDX-License-Identifier: MIT
/*
 * Translation for the guest on pseries.  The guest always runs with real
 * MSR[IR|DR]=1, whatever its own MSR says, through one SLB entry per
 * segment and 4 KiB hash-table entries inserted with H_ENTER:
 *   guest EA x (0 <= x < guest size)  ->  host PA guest_base + x
 *   magic-page EA (while shown)       ->  the shared page
 * so "guest real address" = host PA - guest base.  Nothing else is mapped:
 * any other access faults to the host.  VSIDs are a fixed function of the
 * ESID; the guest's own translations are not modelled here.  With the
 * host config's mmu = "shadow" this is the guest's real-mode context only
 * (shadow.c takes the flat map out of the SLB while the guest translates);
 * its HPTEs are bolted, so that the shadow's evictions never take them.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/hash64.h>
#include "pseries.h"

#define SEGMENT_SHIFT		PPC_SID_SHIFT
#define PAGE_SHIFT		PPC_PAGE_SHIFT_4K
#define SLB_SLOT_MEMORY		0
#define SLB_SLOT_MAGIC		1
#define SLB_SLOT_REAL_ALIAS	2
_Static_assert(SLB_SLOT_MAGIC < MMU_FLAT_SLB_SLOTS && SLB_SLOT_REAL_ALIAS < MMU_FLAT_SLB_SLOTS,
	       "the flat map's SLB slots");
#define VSID_BASE		0x100ul		/* keep VSID 0 unused */

#define NO_SLOT			UINT64_MAX

static uint64_t pteg_mask;
static uint64_t guest_base, guest_size;
/* The magic page's mappings, so that showing and hiding it never search
 * the hash table or recompute an entry. */
static struct {
	uint64_t page_pa;		/* what the guest is shown (mmu_set_magic_page) */
	/* Outside segment 0: its HPTE's slot (NO_SLOT: none) and EA (the SLB
	 * entry of its segment: mmu_magic_segment). */
	uint64_t slot, ea;
	/* In segment 0: the slot of its HPTE while swapped in for memory's. */
	uint64_t memory_slot;
} magic = { .slot = NO_SLOT, .memory_slot = NO_SLOT };
struct mmu_magic_segment mmu_magic_segment;
/* The flat map is out of the SLB (the shadow runs): SLB writes wait. */
static int suspended;
/* The segment of an EA with high bits that real mode ignores, and the
 * SLB entry giving it guest memory's VSID (mmu_flat_real_alias()). */
static struct {
	uint64_t rs, rb, ea;
	int loaded;
} real_alias;

static uint64_t vsid_of(uint64_t ea)
{
	return (ea >> SEGMENT_SHIFT) + VSID_BASE;
}

/* The two words slbmte takes for ea's segment in an SLB slot; the guest
 * runs at PR=1, so its accesses are checked with key Kp. */
static uint64_t slb_rs(uint64_t ea)
{
	return ppc_slb_rs(vsid_of(ea), PPC_SLB_VSID_KP);
}

static uint64_t slb_rb(unsigned int slot, uint64_t ea)
{
	return ppc_slb_rb(ea, slot);
}

static void slb_write(uint64_t rs, uint64_t rb)
{
	__asm__ __volatile__("slbmte %0,%1; isync" : : "r"(rs), "r"(rb) : "memory");
}

/* First word of an HPTE for ea: the abbreviated virtual page number. */
static uint64_t hpte_v(uint64_t ea)
{
	return ppc_hpte_v(vsid_of(ea), ea);
}

static uint64_t pteg_index(uint64_t ea)
{
	return ppc_hash_primary_slot(vsid_of(ea), ea, pteg_mask);
}

/* Insert the HPTE; 0 or the H_ENTER status.  *slot = where it went. */
static long map_page(uint64_t ea, uint64_t pa, uint64_t extra, uint64_t *slot)
{
	uint64_t r = (pa & ~((1ul << PAGE_SHIFT) - 1)) | PPC_HPTE_R_R | PPC_HPTE_R_C | PPC_HPTE_R_M |
		     PPC_HPTE_PP_RW | extra;
	unsigned long rets[3];
	long status;

	/* Without H_EXACT the hypervisor picks a free slot of the group. */
	status = ppcpv_papr_hcall(H_ENTER, 0, pteg_index(ea), hpte_v(ea) | PPC_HPTE_V_BOLTED, r, rets);
	*slot = rets[0];
	return status;
}

/* Remove ea's HPTE from a known slot; the AVPN match makes sure it is that
 * page's. */
static long unmap_slot(uint64_t ea, uint64_t slot)
{
	return ppcpv_papr_hcall(H_REMOVE, H_AVPN, slot, hpte_v(ea) & PPC_HPTE_V_AVPN_MASK, 0, NULL);
}

static void unmap_page(uint64_t ea)
{
	uint64_t ptex = pteg_index(ea), i;

	for (i = 0; i < PPC_HPTES_PER_GROUP; i++)
		if (unmap_slot(ea, ptex + i) == H_SUCCESS)
			return;
}

const char *mmu_init(const struct machine *m)
{
	uint64_t ea, slot;

	/* The table has 2^pft_shift bytes in groups of 8 16-byte entries. */
	pteg_mask = ppc_hash_group_mask(m->pft_shift);
	guest_base = m->cfg.guest_base;
	guest_size = m->cfg.guest_size;
	slb_write(slb_rs(0), slb_rb(SLB_SLOT_MEMORY, 0));
	for (ea = 0; ea < guest_size; ea += 1ul << PAGE_SHIFT)
		if (map_page(ea, guest_base + ea, 0, &slot) != H_SUCCESS)
			return "H_ENTER failed for guest memory (hash group full?)";
	return NULL;
}

/*
 * The magic page is shown while the guest is in supervisor state and
 * hidden in its user mode, so it changes on every guest system call and
 * return.  Outside segment 0 (Linux's EA -4096) that is done with the SLB
 * alone: the page's HPTE stays in the hash table, and the segment's SLB
 * entry is written (show) or invalidated (hide), so a user access takes a
 * segment fault, which the core reflects as the DSI a real CPU gives for
 * an unmapped page.  Neither needs a hypercall.  Hiding must drop QEMU's
 * cached translations of the page: slbie asks QEMU for a TLB flush, done
 * at the next context synchronisation (the rfid into the guest).
 *
 * In segment 0 the page shadows guest memory (the only EAs an RA=0 access
 * reaches there are low memory), so there the HPTEs are swapped instead.
 */

/* The HPTE outside segment 0, removed when the page moves. */
static void drop_segment_hpte(void)
{
	if (magic.slot != NO_SLOT)
		unmap_slot(magic.ea, magic.slot);
	magic.slot = NO_SLOT;
}

static void show_in_memory_segment(uint64_t ea)
{
	drop_segment_hpte();
	if (ea < guest_size)
		unmap_page(ea);
	/* Data only: nothing executes from the magic page. */
	if (map_page(ea, magic.page_pa, PPC_HPTE_R_N, &magic.memory_slot) != H_SUCCESS) {
		magic.memory_slot = NO_SLOT;
		host_printf("host: warning: H_ENTER failed for the magic page\n");
	}
}

static void hide_in_memory_segment(uint64_t ea)
{
	uint64_t slot;

	if (magic.memory_slot == NO_SLOT || unmap_slot(ea, magic.memory_slot) != H_SUCCESS)
		unmap_page(ea);
	magic.memory_slot = NO_SLOT;
	if (ea < guest_size)
		map_page(ea, guest_base + ea, 0, &slot);
}

/* The HPTE in the page's own segment: inserted once per EA, moved when the
 * guest maps the page elsewhere. */
static void place_segment_hpte(uint64_t ea)
{
	if (magic.slot != NO_SLOT && magic.ea == ea)
		return;
	drop_segment_hpte();
	magic.ea = ea;
	mmu_magic_segment.slb_rs = slb_rs(ea);
	mmu_magic_segment.slb_rb = slb_rb(SLB_SLOT_MAGIC, ea);
	mmu_magic_segment.slbie_rb = ea & ~((1ul << SEGMENT_SHIFT) - 1);
	if (map_page(ea, magic.page_pa, PPC_HPTE_R_N, &magic.slot) != H_SUCCESS) {
		magic.slot = NO_SLOT;
		host_printf("host: warning: H_ENTER failed for the magic page\n");
	}
}

static void show_segment(uint64_t ea)
{
	place_segment_hpte(ea);
	mmu_magic_segment.shown = 1;
	if (!suspended)
		slb_write(mmu_magic_segment.slb_rs, mmu_magic_segment.slb_rb);
}

static void slb_invalidate(uint64_t ea)
{
	__asm__ __volatile__("slbie %0" : : "r"(ea & ~((1ul << SEGMENT_SHIFT) - 1)) : "memory");
}

int mmu_magic_segment_ready(uint64_t ea)
{
	return (ea >> SEGMENT_SHIFT) != 0 && magic.slot != NO_SLOT && magic.ea == ea && !suspended;
}

static void hide_segment(uint64_t ea)
{
	mmu_magic_segment.shown = 0;
	if (!suspended)
		slb_invalidate(ea);
}

/* The magic page as a 32-bit guest (MSR[SF]=0) reaches it: EA -4096
 * truncated, in the same page of its own (low) segment. */
static int magic_page_32bit(const struct ppcpv_vcpu *v, uint64_t ea)
{
	return v->magic.visible && !ppcpv_vcpu_64bit(v) && (v->magic.ea >> SEGMENT_SHIFT) &&
	       (ea >> PAGE_SHIFT) == ((uint32_t)v->magic.ea >> PAGE_SHIFT);
}

/*
 * Real mode ignores an EA's top bits (PPC_REAL_ADDR_MASK): a Linux kernel
 * runs at 0xc000... before it turns translation on.  A host segment fault
 * at such an EA gets one more SLB entry: that segment with the VSID of
 * the guest memory segment it stands for, so the flat map's HPTEs serve
 * both.  Likewise the magic page in 32-bit mode (Linux returns from RTAS
 * with SF=0 and reads SPRG1, patched into a load from the page): the
 * truncated EA's segment gets the VSID of the page's own, whose HPTE sits
 * at the same offset.  One alias at a time (Linux needs one at a time);
 * 1 if ea got it.
 */
int mmu_flat_real_alias(const struct ppcpv_vcpu *v, uint64_t ea)
{
	uint64_t real = ea & PPC_REAL_ADDR_MASK, target;

	if (magic_page_32bit(v, ea))
		target = v->magic.ea;
	else if (real != ea && real < guest_size)
		target = real;
	else
		return 0;
	real_alias.rs = slb_rs(target);
	real_alias.rb = slb_rb(SLB_SLOT_REAL_ALIAS, ea);
	real_alias.ea = ea;
	real_alias.loaded = 1;
	if (!suspended)
		slb_write(real_alias.rs, real_alias.rb);
	return 1;
}

void mmu_flat_suspend(void)
{
	slb_invalidate(0);
	if (real_alias.loaded)
		slb_invalidate(real_alias.ea);
	if (mmu_magic_segment.shown)
		slb_invalidate(magic.ea);
	suspended = 1;
}

void mmu_flat_resume(void)
{
	suspended = 0;
	slb_write(slb_rs(0), slb_rb(SLB_SLOT_MEMORY, 0));
	if (real_alias.loaded)
		slb_write(real_alias.rs, real_alias.rb);
	if (mmu_magic_segment.shown)
		slb_write(mmu_magic_segment.slb_rs, mmu_magic_segment.slb_rb);
}

void mmu_set_magic_page(uint64_t pa)
{
	magic.page_pa = pa;
}

void mmu_magic_visible(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	uint64_t ea = v->magic.ea;
	int own_segment = (ea >> SEGMENT_SHIFT) != 0;

	if (own_segment && visible)
		show_segment(ea);
	else if (own_segment)
		hide_segment(ea);
	else if (visible)
		show_in_memory_segment(ea);
	else
		hide_in_memory_segment(ea);
}
