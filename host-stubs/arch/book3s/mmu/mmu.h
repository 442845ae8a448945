/* SPDX-License-Identifier: MIT */
/*
 * Private to host-stubs/arch/book3s/mmu: helpers the guest-side files
 * share.
 */
#ifndef PPCPV_MMU64_PRIVATE_H
#define PPCPV_MMU64_PRIVATE_H

#include <ppcpv/host/mmu64.h>

#define SEGMENT_OFFSET_MASK	((UINT64_C(1) << PPC_SID_SHIFT) - 1)
#define PAGE_4K_MASK		((UINT64_C(1) << PPC_PAGE_SHIFT_4K) - 1)
/* Guest real addresses an HPTE's RPN can name: [0, 2^60). */
#define GRA_LIMIT		(PPC_HPTE_R_RPN + PAGE_4K_MASK + 1)

/* Doubleword 0 of HPTE ptex; doubleword 1 follows it. */
static inline uint64_t *ghpt_entry(const struct ppcpv_ghpt *h, uint64_t ptex)
{
	return &h->hpte[ptex * 2];
}

static inline bool ghpt_ptex_ok(const struct ppcpv_ghpt *h, uint64_t ptex)
{
	return ptex < ppcpv_ghpt_entries(h);
}

/* Does [addr, addr + len) lie inside [base, base + size)?  Overflow-safe. */
static inline bool range_inside(uint64_t addr, uint64_t len, uint64_t base, uint64_t size)
{
	return addr >= base && len <= size && addr - base <= size - len;
}

/* Tell the host the guest pages of a valid HPTE at ptex changed. */
void ppcpv_ghpt_notify(const struct ppcpv_ghpt *h, uint64_t ptex, uint64_t v, uint64_t r);

/* The guest VSID of a valid guest HPTE (doubleword 0). */
static inline uint64_t hpte_vsid(uint64_t v)
{
	return (v >> (PPC_HPTE_V_AVA_SHIFT + PPC_HPTE_V_AVA_EA_BITS)) &
	       ((UINT64_C(1) << PPC_VSID_BITS) - 1);
}

#endif /* PPCPV_MMU64_PRIVATE_H */
