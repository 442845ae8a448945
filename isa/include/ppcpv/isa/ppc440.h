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

#define PPC_440_SPR_MMUCR	946	/* STID (bits 24:31): the TID tlbwe word 0 writes */
#define PPC_440_SPR_DBCR0	308
#define PPC_440_DBCR0_RST_SYSTEM PPC_U32(0x30000000)	/* RST = 0b11: system reset */

#define PPC_440_TLB_ENTRIES	64

/* tlbwe/tlbre WS field: which word of the entry. */
#define PPC_440_TLB_WORD_PAGEID	0	/* EPN, V, TS, SIZE (TID from MMUCR) */
#define PPC_440_TLB_WORD_XLAT	1	/* RPN, ERPN */
#define PPC_440_TLB_WORD_ATTRIB	2	/* storage attributes, permissions */

/* Word 0. */
#define PPC_440_TLB0_EPN_MASK	PPC_U32(0xfffffc00)
#define PPC_440_TLB0_V		PPC_U32(0x00000200)
#define PPC_440_TLB0_TS		PPC_U32(0x00000100)
#define PPC_440_TLB0_SIZE(s)	(PPC_U32(s) << 4)	/* page = 1 KiB << (2 * s) */
#define PPC_440_PAGE_MIN_LOG2	10
/* The SIZE codes a 440 has: 1K, 4K, 16K, 64K, 256K, 1M, 16M, 256M, 1G. */
#define PPC_440_SIZE_16M	7
#define PPC_440_SIZE_256M	9
#define PPC_440_SIZE_1G		10

/* Word 1. */
#define PPC_440_TLB1_RPN_MASK	PPC_U32(0xfffffc00)
#define PPC_440_TLB1_ERPN_MASK	PPC_U32(0x0000000f)	/* PA bits 32:35 */

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

#endif /* PPCPV_ISA_PPC440_H */
