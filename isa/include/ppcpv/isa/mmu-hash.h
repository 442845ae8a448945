/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/mmu-hash.h - the Book3S-64 hashed page table MMU as far as
 * ppcpv uses it: 256 MiB segments through SLB entries (slbmte), 4 KiB
 * pages through hash-table entries (HPTEs) in groups of eight, entered by
 * the hypervisor (PAPR H_ENTER) for a partition on pseries.
 */
#ifndef PPCPV_ISA_MMU_HASH_H
#define PPCPV_ISA_MMU_HASH_H

#include <ppcpv/isa/bits.h>

#define PPC_HASH_SEGMENT_SHIFT	28		/* 256 MiB segments */
#define PPC_HASH_PAGE_SHIFT	12		/* 4 KiB pages */
#define PPC_HASH_GROUP_SHIFT	7		/* a group of HPTEs is 128 bytes */
#define PPC_HASH_HPTES_PER_GROUP 8
/* Book3S-32: EA bits 0:3 pick one of the 16 segment registers. */
#define PPC_BOOK3S32_SR_SHIFT	28

/* slbmte RB: ESID (bits 0:35), V (36), index (52:63). */
#define PPC_SLB_ESID_VALID	0x08000000
/* slbmte RS: VSID (bits 0:51), Ks (52), Kp (53), ... */
#define PPC_SLB_VSID_SHIFT	12
#define PPC_SLB_KS		0x800		/* supervisor accesses checked with key Ks */
#define PPC_SLB_KP		0x400		/* problem-state accesses checked with key Kp */

/* HPTE doubleword 0: AVPN (VSID, abbreviated page index), valid. */
#define PPC_HPTE_V_VSID_SHIFT	12
#define PPC_HPTE_V_API_SHIFT	7
#define PPC_HPTE_V_AVPN_MASK	(~PPC_U64(0x7f))
#define PPC_HPTE_V_VALID	0x1
/* HPTE doubleword 1: real page number, referenced, changed, storage
 * attributes, no-execute, page protection. */
#define PPC_HPTE_R_R		0x100
#define PPC_HPTE_R_C		0x080
#define PPC_HPTE_R_M		0x010		/* memory coherence */
#define PPC_HPTE_R_N		0x004		/* no-execute */
#define PPC_HPTE_R_PP_RW	0x002		/* PP=2: read/write for either key */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* The segment-relative page index of ea. */
static inline uint64_t ppc_hash_page_in_segment(uint64_t ea)
{
	return (ea & ((PPC_U64(1) << PPC_HASH_SEGMENT_SHIFT) - 1)) >> PPC_HASH_PAGE_SHIFT;
}

/* slbmte's RS for a segment with this VSID and key bits. */
static inline uint64_t ppc_slb_rs(uint64_t vsid, uint64_t keys)
{
	return vsid << PPC_SLB_VSID_SHIFT | keys;
}

/* slbmte's RB for ea's segment in SLB slot `slot`. */
static inline uint64_t ppc_slb_rb(uint64_t ea, unsigned int slot)
{
	return (ea >> PPC_HASH_SEGMENT_SHIFT) << PPC_HASH_SEGMENT_SHIFT | PPC_SLB_ESID_VALID | slot;
}

/* HPTE doubleword 0 of a valid 4 KiB page at ea in segment vsid. */
static inline uint64_t ppc_hpte_v(uint64_t vsid, uint64_t ea)
{
	/* The API is the top five bits of the page index. */
	uint64_t api = ppc_hash_page_in_segment(ea) >> (PPC_HASH_SEGMENT_SHIFT - PPC_HASH_PAGE_SHIFT - 5);

	return vsid << PPC_HPTE_V_VSID_SHIFT | api << PPC_HPTE_V_API_SHIFT | PPC_HPTE_V_VALID;
}

/* Group mask of a hash table of 2^table_shift bytes. */
static inline uint64_t ppc_hash_group_mask(unsigned int table_shift)
{
	return (PPC_U64(1) << (table_shift - PPC_HASH_GROUP_SHIFT)) - 1;
}

/* Index of the first HPTE of ea's primary group. */
static inline uint64_t ppc_hash_primary_slot(uint64_t vsid, uint64_t ea, uint64_t group_mask)
{
	return ((vsid ^ ppc_hash_page_in_segment(ea)) & group_mask) * PPC_HASH_HPTES_PER_GROUP;
}

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_ISA_MMU_HASH_H */
