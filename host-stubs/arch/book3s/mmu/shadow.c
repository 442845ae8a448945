// SPDX-License-Identifier: MIT
/*
 * The shadow: host segments and host PTEs made from the guest's
 * translations, and their removal when the guest changes its own.
 *
 * Host PTEs are 4 KiB whatever the guest's page size, inserted with R and
 * C already set (the host never needs them), no-execute unless the guest
 * may execute, WIMG = M (the only thing QEMU's H_ENTER takes for RAM),
 * and PP 2 (read/write) or 3 (read-only) - the same for the guest at PR=1
 * with key 0 and the host with key 1.  A page the guest may write is
 * mapped read-only until its C bit is set, so the first store faults and
 * the walk sets C, as the guest's CPU would.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/papr.h>
#include <ppcpv/host/shadow64.h>
#include "mmu.h"
#include "shadow.h"

#define MODE_BITS	PPCPV_SHADOW_MODE_BITS
#define SLB_SLOTS	(PPC_SLB_INDEX_MASK + 1)

static const char *check_config(const struct ppcpv_shadow_config *cfg)
{
	if (cfg->htab_shift < PPC_HTAB_SHIFT_MIN || cfg->htab_shift > PPC_HTAB_SHIFT_MAX)
		return "host hash table size must be 2^18 to 2^46 bytes";
	if (!cfg->slb_count || cfg->slb_count > PPCPV_SSLB_MAX ||
	    cfg->slb_first >= SLB_SLOTS || cfg->slb_count > SLB_SLOTS - cfg->slb_first)
		return "host SLB slots for the guest must be 1 to 64 existing slots";
	if (((cfg->guest_base | cfg->guest_size | cfg->magic_pa) & PAGE_4K_MASK) ||
	    !cfg->guest_size || !range_inside(cfg->guest_base, cfg->guest_size, 0, GRA_LIMIT) ||
	    !range_inside(cfg->magic_pa, 1u << PPC_PAGE_SHIFT_4K, 0, GRA_LIMIT))
		return "guest memory and magic page must be whole 4 KiB pages below 2^60";
	if (!cfg->ops || !cfg->ops->enter || !cfg->ops->remove)
		return "the host hash table operations are missing";
	return 0;
}

const char *ppcpv_shadow_init(struct ppcpv_shadow *sh, const struct ppcpv_shadow_config *cfg)
{
	const char *why = check_config(cfg);
	unsigned int i;

	if (!why)
		why = ppcpv_sidmap_init(&sh->sids, cfg->vsid_first, cfg->vsid_count);
	if (!why)
		why = ppcpv_rmap_init(&sh->rmap, cfg->rmap_rec, cfg->rmap_cap, cfg->rmap_bucket,
				      cfg->rmap_nbuckets);
	if (why)
		return why;
	ppcpv_sslb_init(&sh->slb, cfg->slb_first, cfg->slb_count);
	for (i = 0; i < PPCPV_SSLB_KEPT; i++)
		ppcpv_sslb_init(&sh->kept[i], cfg->slb_first, cfg->slb_count);
	sh->kept_next = 0;
	sh->host_pteg_mask = (UINT64_C(1) << (cfg->htab_shift - PPC_HPTEG_SHIFT)) - 1;
	sh->guest_base = cfg->guest_base;
	sh->guest_size = cfg->guest_size;
	sh->magic_pa = cfg->magic_pa;
	sh->ops = cfg->ops;
	sh->ops_ctx = cfg->ops_ctx;
	sh->evict_next = 0;
	sh->stats = (struct ppcpv_shadow_stats){ 0 };
	return 0;
}

/* ---- Dropping shadow PTEs ------------------------------------------------------ */

/* H_REMOVE with H_AVPN: if the host evicted the entry and reused its slot
 * for another page, that one stays (H_NOT_FOUND). */
static void drop_host_pte(void *ctx, const struct ppcpv_rmap_rec *rec)
{
	struct ppcpv_shadow *sh = ctx;

	sh->ops->remove(sh->ops_ctx, H_AVPN, rec->host_ptex, rec->host_v & PPC_HPTE_V_AVPN_MASK);
	sh->stats.dropped++;
}

static void drop_all_ptes(struct ppcpv_shadow *sh)
{
	ppcpv_rmap_remove_all(&sh->rmap, drop_host_pte, sh);
	sh->stats.flushes++;
}

void ppcpv_shadow_gpages_changed(void *shadow, uint64_t gvsid, uint32_t gpage, uint32_t npages)
{
	struct ppcpv_shadow *sh = shadow;

	ppcpv_rmap_remove_gpages(&sh->rmap, gvsid, gpage, npages, drop_host_pte, sh);
}

void ppcpv_shadow_tlbie(struct ppcpv_shadow *sh, uint64_t rb)
{
	uint64_t vpn_mask = (UINT64_C(1) << PPC_TLBIE_RB_VPN_BITS) - 1;
	uint64_t vpn = (rb >> PPC_TLBIE_RB_VPN_SHIFT) & vpn_mask;

	if (rb & PPC_TLBIE_RB_L) {
		/* A page size the guest was never offered: drop everything. */
		if ((rb & PPC_TLBIE_RB_LP_MASK) != PPC_TLBIE_RB_LP_64K) {
			drop_all_ptes(sh);
			return;
		}
		vpn_mask &= ~((UINT64_C(1) << (PPC_PAGE_SHIFT_64K - PPC_PAGE_SHIFT_4K)) - 1);
	}
	ppcpv_rmap_remove_vpn_bits(&sh->rmap, vpn, vpn_mask, drop_host_pte, sh);
}

/* ---- The shadow SLB -------------------------------------------------------------- */

uint64_t ppcpv_shadow_slb_drop_esid(struct ppcpv_shadow *sh, uint64_t esid)
{
	unsigned int i;

	for (i = 0; i < PPCPV_SSLB_KEPT; i++)
		ppcpv_sslb_drop_esid(&sh->kept[i], esid);
	return ppcpv_sslb_drop_esid(&sh->slb, esid);
}

uint64_t ppcpv_shadow_slb_flush(struct ppcpv_shadow *sh)
{
	unsigned int i;

	for (i = 0; i < PPCPV_SSLB_KEPT; i++)
		ppcpv_sslb_forget(&sh->kept[i]);
	return ppcpv_sslb_flush(&sh->slb);
}

uint64_t ppcpv_shadow_flush_all(struct ppcpv_shadow *sh)
{
	drop_all_ptes(sh);
	return ppcpv_shadow_slb_flush(sh);
}

/* The kept shadow SLB of mode, or -1. */
static int kept_for(const struct ppcpv_shadow *sh, uint64_t mode)
{
	unsigned int i;

	for (i = 0; i < PPCPV_SSLB_KEPT; i++)
		if (sh->kept[i].mode == mode)
			return (int)i;
	return -1;
}

bool ppcpv_shadow_set_mode(struct ppcpv_shadow *sh, uint64_t msr, uint64_t *reload)
{
	uint64_t mode = msr & MODE_BITS;
	bool held = ppcpv_sslb_in_use(&sh->slb) != 0;
	int back = kept_for(sh, mode);

	*reload = 0;
	if (mode == sh->slb.mode)
		return false;
	if (back >= 0) {
		/* swap: the mode left takes the place of the one coming back */
		ppcpv_sslb_copy(&sh->swap, &sh->kept[back]);
		ppcpv_sslb_copy(&sh->kept[back], &sh->slb);
		ppcpv_sslb_copy(&sh->slb, &sh->swap);
		sh->stats.slb_restored++;
	} else {
		ppcpv_sslb_copy(&sh->kept[sh->kept_next], &sh->slb);
		sh->kept_next = (sh->kept_next + 1) % PPCPV_SSLB_KEPT;
		ppcpv_sslb_forget(&sh->slb);
		sh->slb.mode = mode;
	}
	*reload = ppcpv_sslb_in_use(&sh->slb);
	return held;
}

/* The shadow SLB entry for the segment of ea under tag, made if need be
 * (*made); entries dropped on the way are added to load->dropped. */
static unsigned int shadow_segment(struct ppcpv_shadow *sh, uint64_t tag, uint64_t ea,
				   struct ppcpv_slb_load *load, bool *made)
{
	int found = ppcpv_sslb_find(&sh->slb, ppcpv_esid(ea));
	uint64_t host_vsid, flushed;
	unsigned int i;

	*made = found < 0 || sh->slb.e[found].tag != tag;
	if (!*made)
		return (unsigned int)found;
	if (found >= 0)
		load->dropped |= ppcpv_sslb_drop_esid(&sh->slb, ppcpv_esid(ea));
	if (ppcpv_sidmap_get(&sh->sids, tag, &host_vsid)) {
		/* Host VSIDs are about to be reused: nothing made with the
		 * old ones may stay. */
		drop_all_ptes(sh);
		load->dropped |= ppcpv_shadow_slb_flush(sh);
		sh->stats.vsid_wraps++;
	}
	i = ppcpv_sslb_place(&sh->slb, &flushed);
	load->dropped |= flushed;
	ppcpv_sslb_set(&sh->slb, i, tag, host_vsid, ppcpv_esid(ea));
	sh->stats.segments++;
	return i;
}

static void load_entry(const struct ppcpv_shadow *sh, unsigned int i, struct ppcpv_slb_load *load)
{
	load->valid = true;
	load->slot = sh->slb.first_slot + i;
	load->rs = sh->slb.e[i].rs;
	load->rb = sh->slb.e[i].rb;
}

static void start_load(struct ppcpv_shadow *sh, uint64_t msr, struct ppcpv_slb_load *load)
{
	*load = (struct ppcpv_slb_load){ .valid = false };
	/* The platform switched modes at guest entry: a fault comes in the
	 * mode it entered with.  Were it not so, start over in this one. */
	load->dropped = 0;
	if ((msr & MODE_BITS) != sh->slb.mode) {
		load->dropped = ppcpv_shadow_slb_flush(sh);
		sh->slb.mode = msr & MODE_BITS;
	}
}

bool ppcpv_shadow_map_segment(struct ppcpv_shadow *sh, const struct ppcpv_gmmu *m, uint64_t msr,
			      uint64_t ea, enum ppcpv_access acc, struct ppcpv_slb_load *load,
			      struct ppcpv_guest_fault *fault)
{
	uint64_t tag;
	bool made;

	start_load(sh, msr, load);
	if (!ppcpv_shadow_tag(m, msr, ea, &tag)) {
		ppcpv_segment_fault(fault, ea, acc);
		return false;
	}
	/* Loaded even if the shadow had it: the host's SLB has not. */
	load_entry(sh, shadow_segment(sh, tag, ea, load, &made), load);
	return true;
}

/* ---- Shadow PTEs -------------------------------------------------------------------- */

void ppcpv_shadow_pte(const struct ppcpv_shadow *sh, uint64_t host_vsid, uint64_t ea,
		      const struct ppcpv_xlate *x, bool writable, uint64_t *v, uint64_t *r)
{
	uint64_t host_pa = x->kind == PPCPV_GRA_MAGIC ? sh->magic_pa
						      : sh->guest_base + (x->gra & ~PAGE_4K_MASK);

	*v = ppcpv_hpte_v_for(host_vsid, ea, PPC_PAGE_SHIFT_4K) | PPC_HPTE_V_VALID;
	*r = host_pa | PPC_HPTE_R_R | PPC_HPTE_R_C | PPC_HPTE_R_M |
	     (x->prot & PPCPV_PROT_EXEC ? 0 : PPC_HPTE_R_N) |
	     (writable ? PPC_HPTE_PP_RW : PPC_HPTE_PP_RO);
}

/* Read/write now, or read-only until the guest's C is set? */
static bool map_writable(const struct ppcpv_xlate *x, enum ppcpv_access acc)
{
	if (!(x->prot & PPCPV_PROT_WRITE))
		return false;
	return acc == PPCPV_ACCESS_STORE || x->gvsid == PPCPV_GVSID_NONE ||
	       (x->pte_r & PPC_HPTE_R_C);
}

/* Make room in a full group pair: evict one entry the host did not bolt
 * from the primary group, trying its slots in turn. */
static bool evict(struct ppcpv_shadow *sh, uint64_t group)
{
	unsigned int i;

	for (i = 0; i < PPC_HPTES_PER_GROUP; i++) {
		uint64_t slot = group * PPC_HPTES_PER_GROUP +
				((sh->evict_next + i) % PPC_HPTES_PER_GROUP);

		if (sh->ops->remove(sh->ops_ctx, H_ANDCOND, slot, PPC_HPTE_V_BOLTED) == H_SUCCESS) {
			sh->evict_next = (sh->evict_next + i + 1) % PPC_HPTES_PER_GROUP;
			sh->stats.evictions++;
			return true;
		}
	}
	return false;
}

/* Primary group, secondary group, then evict and try again; *v gets H
 * when the entry went into the secondary group. */
static bool host_insert(struct ppcpv_shadow *sh, uint64_t host_vsid, uint64_t ea, uint64_t *v,
			uint64_t r, uint64_t *slot)
{
	uint64_t hash = ppcpv_hash64(host_vsid, ea, PPC_PAGE_SHIFT_4K);
	unsigned int attempt, pass;

	for (attempt = 0; attempt < 2; attempt++) {
		for (pass = 0; pass < 2; pass++) {
			uint64_t group = (pass ? ~hash : hash) & sh->host_pteg_mask;
			uint64_t pv = *v | (pass ? PPC_HPTE_V_H : 0);
			long status = sh->ops->enter(sh->ops_ctx, group * PPC_HPTES_PER_GROUP, pv, r,
						     slot);

			if (status == H_SUCCESS) {
				*v = pv;
				return true;
			}
			if (status != H_PTEG_FULL)
				return false;
		}
		if (!attempt && !evict(sh, hash & sh->host_pteg_mask))
			return false;
	}
	return false;
}

/* The host VSID of ea's segment in the current mode; the shadow SLB
 * entry is made (and put in *load) if the host has none. */
static bool segment_vsid(struct ppcpv_shadow *sh, const struct ppcpv_gmmu *m, uint64_t msr,
			 uint64_t ea, struct ppcpv_slb_load *load, uint64_t *host_vsid)
{
	uint64_t tag;
	unsigned int i;
	bool made;

	start_load(sh, msr, load);
	if (!ppcpv_shadow_tag(m, msr, ea, &tag))
		return false;
	i = shadow_segment(sh, tag, ea, load, &made);
	if (made)
		load_entry(sh, i, load);
	*host_vsid = ppcpv_sslb_host_vsid(&sh->slb, i);
	return true;
}

enum ppcpv_shadow_result ppcpv_shadow_map_page(struct ppcpv_shadow *sh, const struct ppcpv_gmmu *m,
					       uint64_t msr, uint64_t ea, enum ppcpv_access acc,
					       const struct ppcpv_xlate *x, struct ppcpv_slb_load *load)
{
	uint32_t gpage = (uint32_t)((ea & SEGMENT_OFFSET_MASK) >> PPC_PAGE_SHIFT_4K);
	uint64_t host_vsid, v, r, slot;

	*load = (struct ppcpv_slb_load){ .valid = false };
	if (x->kind == PPCPV_GRA_IO)
		return PPCPV_SHADOW_IO;
	if (x->kind == PPCPV_GRA_RAM &&
	    !range_inside(x->gra & ~PAGE_4K_MASK, UINT64_C(1) << PPC_PAGE_SHIFT_4K, 0,
			  sh->guest_size))
		return PPCPV_SHADOW_HOST_ERROR;
	if (!segment_vsid(sh, m, msr, ea, load, &host_vsid))
		return PPCPV_SHADOW_HOST_ERROR;
	ppcpv_shadow_pte(sh, host_vsid, ea, x, map_writable(x, acc), &v, &r);
	/* A read-only shadow of this very page goes first (C upgrade). */
	ppcpv_rmap_remove_exact(&sh->rmap, x->gvsid, gpage, v, drop_host_pte, sh);
	if (ppcpv_rmap_full(&sh->rmap))
		drop_all_ptes(sh);
	if (!host_insert(sh, host_vsid, ea, &v, r, &slot))
		return PPCPV_SHADOW_HOST_ERROR;
	/* Room was made above: every shadow PTE is on record. */
	ppcpv_rmap_add(&sh->rmap, &(struct ppcpv_rmap_rec){ .gvsid = x->gvsid, .host_v = v,
							   .host_ptex = slot, .gpage = gpage });
	sh->stats.pages++;
	return PPCPV_SHADOW_MAPPED;
}
