/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/papr.h - PAPR's hypercalls: the page frame table (hash page
 * table) calls with their flags, and the rest a Linux LPAR makes of a small
 * host; their numbers and return codes.  Plain #defines, usable from C and assembly.
 * Flag bits are given with PAPR's numbering (bit 0 = most significant).
 */
#ifndef PPCPV_ISA_PAPR_H
#define PPCPV_ISA_PAPR_H

#include <ppcpv/isa/hash64.h>		/* PPC_U64 */

/* ---- Opcodes (r3 of `sc 1`) ----------------------------------------------- */

#define H_REMOVE		0x04
#define H_ENTER			0x08
#define H_READ			0x0c
#define H_CLEAR_MOD		0x10
#define H_CLEAR_REF		0x14
#define H_PROTECT		0x18
#define H_BULK_REMOVE		0x124

/* The other calls a PAPR guest kernel makes of a small host. */
#define H_CEDE			0xe0	/* idle until an interrupt */
#define H_GET_TERM_CHAR		0x54	/* r4 vty; r4 count, r5..r6 bytes */
#define H_PUT_TERM_CHAR		0x58	/* r4 vty, r5 count, r6..r7 bytes */
#define H_EOI			0x64	/* XICS: r4 XIRR to end */
#define H_CPPR			0x68	/* XICS: r4 current processor priority */
#define H_IPI			0x6c	/* XICS: r4 server, r5 MFRR */
#define H_IPOLL			0x70	/* XICS: r4 server; r4 XIRR, r5 MFRR */
#define H_XIRR			0x74	/* XICS: accept; r4 XIRR */
#define H_REGISTER_VPA		0xdc	/* r4 flags, r5 cpu, r6 area */
#define H_GET_CPU_CHARACTERISTICS 0x1c8	/* r4 characteristics, r5 behaviours */
#define H_XIRR_X		0x2fc	/* XICS: accept; r4 XIRR, r5 timebase */
#define H_SET_MODE		0x31c	/* r4 mflags, r5 resource, r6..r7 values */

/* H_SET_MODE resources, and the endianness resource's mflags. */
#define H_SET_MODE_RESOURCE_ADDR_TRANS_MODE	3	/* AIL: where interrupts enter */
#define H_SET_MODE_RESOURCE_LE			4	/* interrupts' byte order */
#define H_SET_MODE_ENDIAN_BIG			0
#define H_SET_MODE_ENDIAN_LITTLE		1

/* ---- Return codes (r3) ---------------------------------------------------- */

#define H_SUCCESS		0
#define H_HARDWARE		(-1)
#define H_FUNCTION		(-2)
#define H_PRIVILEGE		(-3)
#define H_PARAMETER		(-4)
#define H_PTEG_FULL		(-6)
#define H_NOT_FOUND		(-7)
#define H_P2			(-55)	/* the second argument is not one supported */

/* ---- Flags (r4) of the page frame table calls ------------------------------ */

#define H_EXACT			PPC_U64(0x0000008000000000)	/* bit 24: that slot only */
#define H_R_XLATE		PPC_U64(0x0000004000000000)	/* bit 25 */
#define H_READ_4		PPC_U64(0x0000002000000000)	/* bit 26: four entries */
#define H_AVPN			PPC_U64(0x0000000080000000)	/* bit 32: match the AVPN */
#define H_ANDCOND		PPC_U64(0x0000000040000000)	/* bit 33: v & arg must be 0 */
#define H_ICACHE_INVALIDATE	PPC_U64(0x0000000000800000)	/* bit 40 */
#define H_ICACHE_SYNCHRONIZE	PPC_U64(0x0000000000400000)	/* bit 41 */
#define H_ZERO_PAGE		PPC_U64(0x0000000000008000)	/* bit 48 */

/* H_PROTECT: the new protection.  PP, N and KEY_LO sit where they sit in
 * HPTE doubleword 1; PP0 and KEY_HI are moved down. */
#define H_PROTECT_PP0		0x0100		/* bit 55 -> HPTE PP0 */
#define H_PROTECT_KEY_HI	0x3000		/* bits 50:51 -> HPTE bits 2:3 */
#define H_PROTECT_KEY_HI_SHIFT	48
#define H_PROTECT_IN_PLACE	(PPC_HPTE_R_PP | PPC_HPTE_R_N | PPC_HPTE_R_KEY_LO)

/* ---- H_BULK_REMOVE translation specifiers ----------------------------------- */

/* Up to four (high, low) pairs in r4..r11; low is the AVPN. */
#define H_BULK_REMOVE_MAX		4
#define H_BULK_REMOVE_TYPE		PPC_U64(0xc000000000000000)	/* bits 0:1 */
#define H_BULK_REMOVE_REQUEST		PPC_U64(0x4000000000000000)
#define H_BULK_REMOVE_RESPONSE		PPC_U64(0x8000000000000000)
#define H_BULK_REMOVE_END		PPC_U64(0xc000000000000000)
#define H_BULK_REMOVE_CODE		PPC_U64(0x3000000000000000)	/* bits 2:3 */
#define H_BULK_REMOVE_SUCCESS		PPC_U64(0x0000000000000000)
#define H_BULK_REMOVE_NOT_FOUND		PPC_U64(0x1000000000000000)
#define H_BULK_REMOVE_PARM		PPC_U64(0x2000000000000000)
#define H_BULK_REMOVE_HW		PPC_U64(0x3000000000000000)
/* bits 4:5: the removed entry's R and C, in that order */
#define H_BULK_REMOVE_RC_R		PPC_U64(0x0800000000000000)
#define H_BULK_REMOVE_RC_C		PPC_U64(0x0400000000000000)
#define H_BULK_REMOVE_ANDCOND		PPC_U64(0x0100000000000000)	/* bit 7 */
#define H_BULK_REMOVE_AVPN		PPC_U64(0x0200000000000000)	/* bit 6 */
#define H_BULK_REMOVE_FLAGS		(H_BULK_REMOVE_AVPN | H_BULK_REMOVE_ANDCOND)
#define H_BULK_REMOVE_PTEX		PPC_U64(0x00ffffffffffffff)	/* bits 8:63 */

#endif /* PPCPV_ISA_PAPR_H */
