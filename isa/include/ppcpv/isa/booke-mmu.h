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
#define PPC_BOOKE_TLB1_ENTRIES		16	/* e500v2 */

/* MAS1 */
#define PPC_BOOKE_MAS1_V		PPC_U32(0x80000000)	/* valid */
#define PPC_BOOKE_MAS1_IPROT		PPC_U32(0x40000000)	/* invalidation-protected */
#define PPC_BOOKE_MAS1_TS		PPC_U32(0x00001000)	/* address space 1 */
#define PPC_BOOKE_MAS1_TSIZE_SHIFT	7
#define PPC_BOOKE_MAS1_TSIZE(t)		(PPC_U32(t) << PPC_BOOKE_MAS1_TSIZE_SHIFT)
/* TSIZE of a page of 2^log2_bytes bytes. */
#define PPC_BOOKE_TSIZE_OF_LOG2(log2_bytes)	((log2_bytes) - 10)

/* MAS2: the effective page number (high bits) and WIMGE. */
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

/* Pages are at least 4 KiB: the low 12 bits of MAS2 and MAS3 are flags. */
#define PPC_BOOKE_PAGE_MASK		PPC_U32(0xfffff000)

#endif /* PPCPV_ISA_BOOKE_MMU_H */
