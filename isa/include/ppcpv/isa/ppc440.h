/* SPDX-License-Identifier: MIT */
/*
 * The PowerPC 440's own numbers: its software-managed TLB (64 entries,
 * each written as three words by tlbwe RS,RA,WS - no MAS registers), the
 * MMU control register that supplies an entry's TID, and the debug
 * control register's reset field.  From the PPC440 user's manual.
 */
#ifndef PPCPV_ISA_PPC440_H
#define PPCPV_ISA_PPC440_H

#include <ppcpv/isa/bits.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>

#define PPC_440_SPR_MMUCR	946
/* MMUCR: STID (bits 24:31) is the TID tlbwe word 0 writes into the entry,
 * the TID tlbsx searches for and where tlbre word 0 puts the entry's;
 * STS (bit 15) the address space tlbsx searches. */
#define PPC_440_MMUCR_STID_MASK	PPC_U32(0x000000ff)
#define PPC_440_MMUCR_STS	PPC_U32(0x00010000)
/* DBCR0 and its system-reset field are Book III-E's (ppcpv/isa/spr.h, ppcpv/isa/vectors.h). */
#define PPC_440_SPR_DBCR0	PPC_BOOKE_SPR_DBCR0
#define PPC_440_DBCR0_RST_SYSTEM PPC_BOOKE_DBCR0_RST_SYSTEM

#define PPC_440_TLB_ENTRIES	64

/* tlbwe/tlbre WS field: which word of the entry. */
#define PPC_440_TLB_WORD_PAGEID	0	/* EPN, V, TS, SIZE (TID from MMUCR) */
#define PPC_440_TLB_WORD_XLAT	1	/* RPN, ERPN */
#define PPC_440_TLB_WORD_ATTRIB	2	/* storage attributes, permissions */
#define PPC_440_TLB_WORDS	3

/* Word 0. */
#define PPC_440_TLB0_EPN_MASK	PPC_U32(0xfffffc00)
#define PPC_440_TLB0_V		PPC_U32(0x00000200)
#define PPC_440_TLB0_TS		PPC_U32(0x00000100)
#define PPC_440_TLB0_SIZE_SHIFT	4
#define PPC_440_TLB0_SIZE_MASK	PPC_U32(0x000000f0)
#define PPC_440_TLB0_SIZE(s)	(PPC_U32(s) << PPC_440_TLB0_SIZE_SHIFT)	/* page = 1 KiB << (2 * s) */
#define PPC_440_TLB0_SIZE_OF(w0) (((w0) & PPC_440_TLB0_SIZE_MASK) >> PPC_440_TLB0_SIZE_SHIFT)
/* The word-0 bits a tlbwe keeps (the parity bits are the hardware's). */
#define PPC_440_TLB0_BITS	(PPC_440_TLB0_EPN_MASK | PPC_440_TLB0_V | PPC_440_TLB0_TS | \
				 PPC_440_TLB0_SIZE_MASK)
#define PPC_440_PAGE_MIN_LOG2	10
/* A page's log2 bytes from its SIZE code, and back. */
#define PPC_440_SIZE_LOG2(s)	(PPC_440_PAGE_MIN_LOG2 + 2 * (s))
#define PPC_440_SIZE_OF_LOG2(l)	(((l) - PPC_440_PAGE_MIN_LOG2) / 2)
/* The SIZE codes a 440 has: 1K, 4K, 16K, 64K, 256K, 1M, 16M, 256M, 1G;
 * 6 (4 MiB), 8 (64 MiB) and 11..15 it lacks. */
#define PPC_440_SIZE_4K		1
#define PPC_440_SIZE_16M	7
#define PPC_440_SIZE_256M	9
#define PPC_440_SIZE_1G		10
#define PPC_440_SIZE_ABSENT(s)	((s) == 6 || (s) == 8 || (s) > PPC_440_SIZE_1G)
/* An entry's TID (from MMUCR[STID]; 0 matches every PID). */
#define PPC_440_TID_MASK	PPC_U32(0xff)
/* tlbwe/tlbre's RA: the entry's index in its low bits. */
#define PPC_440_TLB_INDEX_MASK	PPC_U32(0x3f)

/* Word 1. */
#define PPC_440_TLB1_RPN_MASK	PPC_U32(0xfffffc00)
#define PPC_440_TLB1_ERPN_MASK	PPC_U32(0x0000000f)	/* PA bits 32:35 */
#define PPC_440_TLB1_BITS	(PPC_440_TLB1_RPN_MASK | PPC_440_TLB1_ERPN_MASK)

/* Word 2. */
#define PPC_440_TLB2_W		PPC_U32(0x00000800)
#define PPC_440_TLB2_I		PPC_U32(0x00000400)
#define PPC_440_TLB2_M		PPC_U32(0x00000200)
#define PPC_440_TLB2_G		PPC_U32(0x00000100)
#define PPC_440_TLB2_E		PPC_U32(0x00000080)
#define PPC_440_TLB2_UX		PPC_U32(0x00000020)
#define PPC_440_TLB2_UW		PPC_U32(0x00000010)
#define PPC_440_TLB2_UR		PPC_U32(0x00000008)
#define PPC_440_TLB2_SX		PPC_U32(0x00000004)
#define PPC_440_TLB2_SW		PPC_U32(0x00000002)
#define PPC_440_TLB2_SR		PPC_U32(0x00000001)
#define PPC_440_TLB2_U0_3	PPC_U32(0x0000f000)	/* user-defined attributes */
#define PPC_440_TLB2_WIMGE	PPC_U32(0x00000f80)
#define PPC_440_TLB2_SUPERVISOR	(PPC_440_TLB2_SR | PPC_440_TLB2_SW | PPC_440_TLB2_SX)
#define PPC_440_TLB2_USER	(PPC_440_TLB2_UR | PPC_440_TLB2_UW | PPC_440_TLB2_UX)
/* Each user permission is its supervisor one shifted left by this. */
#define PPC_440_TLB2_S_TO_U_SHIFT 3
/* The word-2 bits a tlbwe keeps (the parity bits are the hardware's). */
#define PPC_440_TLB2_BITS	(PPC_440_TLB2_U0_3 | PPC_440_TLB2_WIMGE | PPC_440_TLB2_SUPERVISOR | \
				 PPC_440_TLB2_USER)

#endif /* PPCPV_ISA_PPC440_H */
