/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/booke-mmu.h - the e500 (Book III-E, MMU architecture version 1)
 * software-managed TLB as the MAS registers describe an entry: which TLB
 * and entry (MAS0), valid, protected, address space and size (MAS1), the
 * effective page and its storage attributes (MAS2), the real page and its
 * permissions (MAS3), the real address's upper bits (MAS7).  A page is
 * 1 KiB << TSIZE; e500v2's TLB1 takes the even TSIZEs only (4 KiB, 16 KiB,
 * ... 4 GiB).
 */
#ifndef PPCPV_ISA_BOOKE_MMU_H
#define PPCPV_ISA_BOOKE_MMU_H

#include <ppcpv/isa/bits.h>

/* MAS0: which TLB (0: set-associative, 1: the variable-size array) and
 * which entry of TLB1 a tlbwe writes. */
#define PPC_BOOKE_MAS0_TLBSEL(n)	(PPC_U32(n) << 28)
#define PPC_BOOKE_MAS0_ESEL(n)		(PPC_U32(n) << 16)
#define PPC_BOOKE_MAS0_TLBSEL_OF(mas0)	(((mas0) >> 28) & 3)
#define PPC_BOOKE_MAS0_ESEL_OF(mas0)	(((mas0) >> 16) & 0xfff)
#define PPC_BOOKE_TLB1_ENTRIES		16	/* e500v2 */
#define PPC_BOOKE_TLB1_SEL		1	/* TLBSEL of TLB1 */

/* MAS1 */
#define PPC_BOOKE_MAS1_V		PPC_U32(0x80000000)	/* valid */
#define PPC_BOOKE_MAS1_IPROT		PPC_U32(0x40000000)	/* invalidation-protected */
#define PPC_BOOKE_MAS1_TS		PPC_U32(0x00001000)	/* address space 1 */
/* The translation ID (matched against PID; 0 matches every PID): 8 bits
 * on e500v2, as PID is. */
#define PPC_BOOKE_MAS1_TID_SHIFT	16
#define PPC_BOOKE_MAS1_TID_MASK		PPC_U32(0x00ff0000)
#define PPC_BOOKE_PID_MASK		PPC_U32(0xff)
/* e500v2's TSIZE field (4 KiB << 2*n in its own 4-bit coding, which is
 * the version-2 coding's even values): its page log2 is 10 + (field >> 7). */
#define PPC_BOOKE_MAS1_TSIZE_E500V2	PPC_U32(0x00000f00)
#define PPC_BOOKE_MAS1_TSIZE_SHIFT	7
#define PPC_BOOKE_MAS1_TSIZE(t)		(PPC_U32(t) << PPC_BOOKE_MAS1_TSIZE_SHIFT)
/* TSIZE of a page of 2^log2_bytes bytes. */
#define PPC_BOOKE_TSIZE_OF_LOG2(log2_bytes)	((log2_bytes) - 10)

/* MAS2: the effective page number (high bits) and WIMGE. */
#define PPC_BOOKE_MAS2_WIMGE		PPC_U32(0x1f)
#define PPC_BOOKE_MAS2_I		PPC_U32(0x08)	/* caching inhibited */
#define PPC_BOOKE_MAS2_M		PPC_U32(0x04)	/* memory coherence required */
#define PPC_BOOKE_MAS2_G		PPC_U32(0x02)	/* guarded */

/* MAS3: the real page number's low 32 bits (high bits) and permissions. */
#define PPC_BOOKE_MAS3_UX		PPC_U32(0x20)
#define PPC_BOOKE_MAS3_SX		PPC_U32(0x10)
#define PPC_BOOKE_MAS3_UW		PPC_U32(0x08)
#define PPC_BOOKE_MAS3_SW		PPC_U32(0x04)
#define PPC_BOOKE_MAS3_UR		PPC_U32(0x02)
#define PPC_BOOKE_MAS3_SR		PPC_U32(0x01)

#define PPC_BOOKE_MAS3_PERMS		PPC_U32(0x3f)
/* MAS3's user-attribute bits and permissions (what a tlbwe keeps). */
#define PPC_BOOKE_MAS3_FLAGS		PPC_U32(0x3ff)
/* MAS7: the real address's bits 32-35 (36-bit physical addresses). */
#define PPC_BOOKE_MAS7_RPN_HIGH		PPC_U32(0xf)

/* MAS4: what a TLB miss or a failed tlbsx loads into MAS0-2 - the default
 * TLB, the TSIZE (e500v2 field) and WIMGE. */
#define PPC_BOOKE_MAS4_TLBSELD_OF(mas4)	(((mas4) >> 28) & 3)
#define PPC_BOOKE_MAS4_TSIZED_E500V2	PPC_U32(0x00000f00)
#define PPC_BOOKE_MAS4_WIMGED		PPC_U32(0x1f)

/* MAS6: what tlbsx searches for - the PID and the address space. */
#define PPC_BOOKE_MAS6_SPID_SHIFT	16
#define PPC_BOOKE_MAS6_SPID_MASK	PPC_U32(0x00ff0000)
#define PPC_BOOKE_MAS6_SAS		PPC_U32(0x1)

/* tlbivax's effective address: its low bits select TLB1 and "every
 * entry" (the page number above them). */
#define PPC_BOOKE_TLBIVAX_TLB1		PPC_U32(0x8)
#define PPC_BOOKE_TLBIVAX_ALL		PPC_U32(0x4)

/* Pages are at least 4 KiB: the low 12 bits of MAS2 and MAS3 are flags. */
#define PPC_BOOKE_PAGE_MASK		PPC_U32(0xfffff000)

#endif /* PPCPV_ISA_BOOKE_MMU_H */
