// SPDX-License-Identifier: MIT
/*
 * The guest's hash page table: kept in host memory the guest cannot
 * reach (as QEMU keeps a PAPR guest's), changed only by the hypercalls in
 * papr_mmu.c and by the walk's R/C updates.  Native byte order: nothing but
 * this code ever reads it.  Also the ISA's hash and HPTE matching words.
 */
#include <ppcpv/host/mmu64.h>
#include "mmu.h"

uint64_t ppcpv_hash64(uint64_t vsid, uint64_t ea, unsigned int page_shift)
{
	return (vsid ^ ((ea & SEGMENT_OFFSET_MASK) >> page_shift)) & PPC_HASH_MASK;
}

uint64_t ppcpv_hpte_v_for(uint64_t vsid, uint64_t ea, unsigned int page_shift)
{
	uint64_t ea_bits = (ea >> PPC_HPTE_V_AVA_EA_SHIFT) & ((1u << PPC_HPTE_V_AVA_EA_BITS) - 1);
	uint64_t ava = (vsid & ((UINT64_C(1) << PPC_VSID_BITS) - 1)) << PPC_HPTE_V_AVA_EA_BITS | ea_bits;

	return PPC_SEGSIZE_256M | ava << PPC_HPTE_V_AVA_SHIFT |
	       (page_shift == PPC_PAGE_SHIFT_4K ? 0 : PPC_HPTE_V_L);
}

unsigned int ppcpv_hpte_page_shift(uint64_t v, uint64_t r)
{
	if (!(v & PPC_HPTE_V_L))
		return PPC_PAGE_SHIFT_4K;
	if ((r & PPC_HPTE_R_LP_64K_MASK) == PPC_HPTE_R_LP_64K)
		return PPC_PAGE_SHIFT_64K;
	return 0;
}

static const char *check_config(const struct ppcpv_ghpt_config *cfg)
{
	if (cfg->shift < PPC_HTAB_SHIFT_MIN || cfg->shift > PPC_HTAB_SHIFT_MAX)
		return "guest hash table size must be 2^18 to 2^46 bytes";
	if (!cfg->mem || ((uintptr_t)cfg->mem & (PPC_HPTE_BYTES - 1)))
		return "guest hash table memory missing or not 16-byte aligned";
	if (cfg->mem_bytes < (UINT64_C(1) << cfg->shift))
		return "guest hash table memory smaller than the table";
	if (!cfg->ram_size || (cfg->ram_size & PAGE_4K_MASK) ||
	    cfg->ram_size > GRA_LIMIT)
		return "guest RAM size must be a non-zero number of 4 KiB pages an HPTE can reach";
	if (!cfg->io_size)
		return 0;
	if (((cfg->io_base | cfg->io_size) & PAGE_4K_MASK) ||
	    !range_inside(cfg->io_base, cfg->io_size, 0, GRA_LIMIT))
		return "guest I/O window must be whole 4 KiB pages an HPTE can reach";
	if (cfg->io_base < cfg->ram_size)
		return "guest I/O window overlaps RAM";
	return 0;
}

const char *ppcpv_ghpt_init(struct ppcpv_ghpt *h, const struct ppcpv_ghpt_config *cfg)
{
	const char *why = check_config(cfg);
	uint64_t i, words;

	if (why)
		return why;
	h->hpte = cfg->mem;
	h->shift = cfg->shift;
	h->pteg_mask = (UINT64_C(1) << (cfg->shift - PPC_HPTEG_SHIFT)) - 1;
	h->ram_size = cfg->ram_size;
	h->io_base = cfg->io_base;
	h->io_size = cfg->io_size;
	h->changed = 0;
	h->changed_ctx = 0;
	words = ppcpv_ghpt_entries(h) * 2;
	for (i = 0; i < words; i++)
		h->hpte[i] = 0;
	return 0;
}

bool ppcpv_ghpt_hpte_gpages(const struct ppcpv_ghpt *h, uint64_t ptex, uint64_t v, uint64_t r,
			    uint64_t *gvsid, uint32_t *gpage, uint32_t *npages)
{
	unsigned int shift = ppcpv_hpte_page_shift(v, r);
	/* The AVA holds the page's EA bits down to 2^23; the bits below
	 * come back from the hash, whose low bits the group index keeps
	 * (at least 11 of them: 2^18-byte tables have 2^11 groups). */
	unsigned int hashed_bits = PPC_HPTE_V_AVA_EA_SHIFT - shift;
	uint64_t group = ptex / PPC_HPTES_PER_GROUP;
	uint64_t vsid = hpte_vsid(v);
	uint64_t high, low;

	if (!shift)
		return false;
	if (v & PPC_HPTE_V_H)
		group = ~group;
	high = (v >> PPC_HPTE_V_AVA_SHIFT) & ((1u << PPC_HPTE_V_AVA_EA_BITS) - 1);
	low = ((group & h->pteg_mask) ^ vsid) & ((UINT64_C(1) << hashed_bits) - 1);
	*gvsid = vsid;
	*gpage = (uint32_t)((high << hashed_bits | low) << (shift - PPC_PAGE_SHIFT_4K));
	*npages = 1u << (shift - PPC_PAGE_SHIFT_4K);
	return true;
}

void ppcpv_ghpt_notify(const struct ppcpv_ghpt *h, uint64_t ptex, uint64_t v, uint64_t r)
{
	uint64_t gvsid;
	uint32_t gpage, npages;

	if (h->changed && ppcpv_ghpt_hpte_gpages(h, ptex, v, r, &gvsid, &gpage, &npages))
		h->changed(h->changed_ctx, gvsid, gpage, npages);
}
