/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/hash64.h - the Book3S-64 hashed page table MMU as Power ISA
 * 2.07 (POWER8) defines it: SLB entry words, hash page table entry (HPTE)
 * words, the hash, and the page-size encodings.  Plain #defines, usable
 * from C and assembly.  Bit numbers in comments are the ISA's (bit 0 is the
 * most significant bit of the 64-bit word).
 *
 * The storage-interrupt cause bits (DSISR, SRR1) and the vectors are in
 * ppcpv/isa/vectors.h; the MSR bits in ppcpv/isa/msr.h.
 */
#ifndef PPCPV_ISA_HASH64_H
#define PPCPV_ISA_HASH64_H

#include <ppcpv/isa/bits.h>

/* ---- Segments ----------------------------------------------------------- */

#define PPC_SID_SHIFT		28		/* 256 MB segments */
#define PPC_BOOK3S32_SR_SHIFT	PPC_SID_SHIFT	/* Book3S-32: EA bits 0:3 pick the segment register */
/* A Book3S-32 segment register (T=0, memory segment): keys and VSID. */
#define PPC_BOOK3S32_SR_KS	0x40000000	/* supervisor-state key */
#define PPC_BOOK3S32_SR_KP	0x20000000	/* problem-state key */
#define PPC_BOOK3S32_SR_N	0x10000000	/* no-execute */
#define PPC_BOOK3S32_SR_VSID	0x00ffffff	/* 24-bit VSID */
#define PPC_ESID_BITS		36		/* EA bits 0:35 */
#define PPC_VSID_BITS		50		/* the SLB's VSID field, bits 2:51 */

/* Segment size field B: bits 0:1 of both the SLB's VSID word and HPTE
 * doubleword 0. */
#define PPC_SEGSIZE_SHIFT	62
#define PPC_SEGSIZE_MASK	PPC_U64(0xc000000000000000)
#define PPC_SEGSIZE_256M	PPC_U64(0x0000000000000000)
#define PPC_SEGSIZE_1T		PPC_U64(0x4000000000000000)

/* Real addressing (MSR[IR] or MSR[DR] = 0) ignores EA bits 0:3. */
#define PPC_REAL_ADDR_MASK	PPC_U64(0x0fffffffffffffff)

/* ---- SLB entry: the ESID word (slbmte RB, slbmfee RT) -------------------- */

#define PPC_SLB_ESID_V		0x08000000	/* bit 36: valid */
#define PPC_SLB_ESID_RESERVED	0x07fff000	/* bits 37:51 */
#define PPC_SLB_INDEX_MASK	0xfff		/* bits 52:63: slbmte/slbmfe* entry */

/* ---- SLB entry: the VSID word (slbmte RS, slbmfev RT) -------------------- */

#define PPC_SLB_VSID_SHIFT	12		/* VSID in bits 2:51 */
#define PPC_SLB_VSID_KS		0x800		/* bit 52: supervisor key */
#define PPC_SLB_VSID_KP		0x400		/* bit 53: problem-state key */
#define PPC_SLB_VSID_N		0x200		/* bit 54: no-execute segment */
#define PPC_SLB_VSID_L		0x100		/* bit 55: large base page */
#define PPC_SLB_VSID_C		0x080		/* bit 56: class */
#define PPC_SLB_VSID_LP		0x030		/* bits 58:59: which large page */
#define PPC_SLB_VSID_RESERVED	0x04f		/* bits 57 and 60:63 */
/* Base page size (L || LP): the two POWER8 encodings ppcpv supports. */
#define PPC_SLB_VSID_LLP_MASK	(PPC_SLB_VSID_L | PPC_SLB_VSID_LP)
#define PPC_SLB_VSID_LLP_4K	0x000
#define PPC_SLB_VSID_LLP_64K	0x110		/* L=1, LP=0b01 */

/* slbie RB: the ESID, class (bit 36) and segment size (bits 37:38). */
#define PPC_SLBIE_RB_C		0x08000000
#define PPC_SLBIE_RB_B		0x06000000

/* slbia IH values of ISA 2.07; all invalidate every entry but entry 0. */
#define PPC_SLBIA_IH_VALID_SET	((1 << 0) | (1 << 1) | (1 << 2) | (1 << 6))

/* ---- Page sizes ------------------------------------------------------------- */

#define PPC_PAGE_SHIFT_4K	12
#define PPC_PAGE_SHIFT_64K	16

/* ---- HPTE doubleword 0 ("v") -------------------------------------------------- */

#define PPC_HPTE_V_AVA_SHIFT	7		/* AVA: bits 2:56 = VA bits 0:54 */
#define PPC_HPTE_V_AVA_EA_SHIFT	23		/* the AVA's lowest bit is EA bit 40 */
#define PPC_HPTE_V_AVA_EA_BITS	5		/* EA bits 36:40 are in the AVA */
#define PPC_HPTE_V_SW		0x78		/* bits 57:60: software use */
#define PPC_HPTE_V_BOLTED	0x10		/* the SW bit pSeries OSes call "bolted" */
#define PPC_HPTE_V_L		0x04		/* bit 61: large page */
#define PPC_HPTE_V_H		0x02		/* bit 62: in the secondary group */
#define PPC_HPTE_V_VALID	0x01		/* bit 63 */
/* What PAPR's AVPN compares: everything but SW, L, H and V. */
#define PPC_HPTE_V_LOW_FLAGS	0x7f
#define PPC_HPTE_V_AVPN_MASK	(~PPC_U64(PPC_HPTE_V_LOW_FLAGS))

/* ---- HPTE doubleword 1 ("r") -------------------------------------------------- */

#define PPC_HPTE_R_PP0		PPC_U64(0x8000000000000000)	/* bit 0 */
#define PPC_HPTE_R_KEY_HI	PPC_U64(0x3000000000000000)	/* bits 2:3 */
#define PPC_HPTE_R_RPN		PPC_U64(0x0ffffffffffff000)	/* bits 4:51 */
/* Large pages keep LP in the low RPN bits; POWER8's 64K base/64K actual
 * encoding is LP = 0b0000_0001 with the 4 bits below the 64K RPN.  The
 * LP values themselves (what ibm,segment-page-sizes calls the PTE
 * encoding; a 4 KiB page has L = 0 and encoding 0). */
#define PPC_HPTE_LP_4K		0x0
#define PPC_HPTE_LP_64K		0x1
#define PPC_HPTE_R_LP_SHIFT	12		/* LP's lowest bit is RPN bit 51 */
#define PPC_HPTE_R_LP_64K_MASK	0xf000
#define PPC_HPTE_R_LP_64K	(PPC_HPTE_LP_64K << PPC_HPTE_R_LP_SHIFT)
#define PPC_HPTE_R_KEY_LO	0x0e00		/* bits 52:54 */
#define PPC_HPTE_R_R		0x0100		/* bit 55: referenced */
#define PPC_HPTE_R_C		0x0080		/* bit 56: changed */
#define PPC_HPTE_R_W		0x0040		/* write-through */
#define PPC_HPTE_R_I		0x0020		/* caching inhibited */
#define PPC_HPTE_R_M		0x0010		/* memory coherence */
#define PPC_HPTE_R_G		0x0008		/* guarded */
#define PPC_HPTE_R_WIMG		0x0078
#define PPC_HPTE_R_WIMG_SHIFT	3
#define PPC_HPTE_R_N		0x0004		/* bit 61: no-execute */
#define PPC_HPTE_R_PP		0x0003		/* bits 62:63 */
#define PPC_HPTE_R_PP0_SHIFT	63
/* PP (with PP0 = 0) values that mean the same for both keys. */
#define PPC_HPTE_PP_RW		2		/* read/write */
#define PPC_HPTE_PP_RO		3		/* read only */
/* PP 0 (PP0 = 0): read/write with key 0, no access at all with key 1; with
 * Ks = 0 and Kp = 1 in the SLB, a page only the supervisor can touch. */
#define PPC_HPTE_PP_KEY0_RW	0

/* ---- The table and its hash ----------------------------------------------- */

#define PPC_HPTE_BYTES		16
#define PPC_HPTES_PER_GROUP	8
#define PPC_HPTEG_SHIFT		7		/* a group is 128 bytes */
#define PPC_HASH_MASK		PPC_U64(0x7fffffffff)	/* the hash is 39 bits */
/* Table size 2^n bytes: SDR1's HTABSIZE allows 18 <= n <= 46. */
#define PPC_HTAB_SHIFT_MIN	18
#define PPC_HTAB_SHIFT_MAX	46

/* ---- tlbie RB (the form pSeries kernels use) --------------------------------- */

#define PPC_TLBIE_RB_L		0x1		/* large page; LP then in bits 44:51 */
#define PPC_TLBIE_RB_VPN_SHIFT	12		/* VPN bits 16:51: its low 36 bits */
#define PPC_TLBIE_RB_VPN_BITS	36
#define PPC_TLBIE_RB_LP_SHIFT	12
#define PPC_TLBIE_RB_LP_MASK	0xff000
#define PPC_TLBIE_RB_LP_64K	(PPC_HPTE_LP_64K << PPC_TLBIE_RB_LP_SHIFT)

#ifndef __ASSEMBLER__
#include <stdint.h>

/* The 4 KiB page index of ea inside its 256 MB segment. */
static inline uint64_t ppc_hash_page_in_segment(uint64_t ea)
{
	return (ea & ((PPC_U64(1) << PPC_SID_SHIFT) - 1)) >> PPC_PAGE_SHIFT_4K;
}

/* slbmte's RS (VSID word) and RB (ESID word) for ea's segment. */
static inline uint64_t ppc_slb_rs(uint64_t vsid, uint64_t keys)
{
	return vsid << PPC_SLB_VSID_SHIFT | keys;
}

static inline uint64_t ppc_slb_rb(uint64_t ea, unsigned int slot)
{
	return (ea >> PPC_SID_SHIFT) << PPC_SID_SHIFT | PPC_SLB_ESID_V | slot;
}

/* Doubleword 0 of a valid 4 KiB HPTE for ea in segment vsid (256 MB). */
static inline uint64_t ppc_hpte_v(uint64_t vsid, uint64_t ea)
{
	uint64_t ava_low = (ea >> PPC_HPTE_V_AVA_EA_SHIFT) & ((1u << PPC_HPTE_V_AVA_EA_BITS) - 1);

	return vsid << PPC_SLB_VSID_SHIFT | ava_low << PPC_HPTE_V_AVA_SHIFT | PPC_HPTE_V_VALID;
}

/* The group-index mask of a hash table of 2^table_shift bytes. */
static inline uint64_t ppc_hash_group_mask(unsigned int table_shift)
{
	return (PPC_U64(1) << (table_shift - PPC_HPTEG_SHIFT)) - 1;
}

/* The first slot of ea's primary group (256 MB segment, 4 KiB page). */
static inline uint64_t ppc_hash_primary_slot(uint64_t vsid, uint64_t ea, uint64_t group_mask)
{
	return ((vsid ^ ppc_hash_page_in_segment(ea)) & group_mask) * PPC_HPTES_PER_GROUP;
}
#endif /* !__ASSEMBLER__ */

#endif /* PPCPV_ISA_HASH64_H */
