/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/opcodes.h - primary and extended opcode numbers of the
 * instructions ppcpv decodes, patches, emulates or builds (Power ISA,
 * Books I-III).  Numbers only; ppcpv/isa/insn.h puts them into fields.
 */
#ifndef PPCPV_ISA_OPCODES_H
#define PPCPV_ISA_OPCODES_H

/* ---- Primary opcodes (bits 0:5) ------------------------------------------ */

#define PPC_OP_PREFIX		1	/* POWER10 prefixed instructions */
#define PPC_OP_MULLI		7
#define PPC_OP_CMPLI		10
#define PPC_OP_CMPI		11
#define PPC_OP_ADDIC		12
#define PPC_OP_ADDI		14
#define PPC_OP_ADDIS		15
#define PPC_OP_BC		16	/* B-form conditional branch */
#define PPC_OP_SC		17
#define PPC_OP_B		18
#define PPC_OP_XL		19	/* XL-form: branches to LR, returns from interrupt */
#define PPC_OP_RLWIMI		20
#define PPC_OP_RLWINM		21
#define PPC_OP_ORI		24
#define PPC_OP_ORIS		25
#define PPC_OP_XORI		26
#define PPC_OP_XORIS		27
#define PPC_OP_ANDI_RC		28	/* andi. (always records CR0) */
#define PPC_OP_MD		30	/* MD-form 64-bit rotates (PPC_MD_*) */
#define PPC_OP_X		31	/* X/XFX-form: SPR and MSR moves, TLB, indexed loads */
#define PPC_OP_LWZ		32	/* D-form loads and stores: 32..45 */
#define PPC_OP_LWZU		33
#define PPC_OP_LBZ		34
#define PPC_OP_LBZU		35
#define PPC_OP_STW		36
#define PPC_OP_STWU		37
#define PPC_OP_STB		38
#define PPC_OP_STBU		39
#define PPC_OP_LHZ		40
#define PPC_OP_LHZU		41
#define PPC_OP_LHA		42
#define PPC_OP_LHAU		43
#define PPC_OP_STH		44
#define PPC_OP_STHU		45
#define PPC_OP_LD		58	/* DS-form: ld, ldu, lwa (PPC_DS_*) */
#define PPC_OP_STD		62	/* DS-form: std, stdu */

/* ---- XL-form extended opcodes (primary 19, bits 21:30) ------------------- */

#define PPC_XL_MCRF		0
#define PPC_XL_BCLR		16
#define PPC_XL_RFID		18	/* Book3S-64 */
#define PPC_XL_RFI		50
#define PPC_XL_CRXOR		193	/* CR bit operations */
#define PPC_XL_CRAND		257
#define PPC_XL_CROR		449

/* ---- X-form extended opcodes (primary 31, bits 21:30) -------------------- */

/* Privileged instructions a guest kernel executes. */
#define PPC_X_MFMSR		83
#define PPC_X_WRTEE		131	/* BookE */
#define PPC_X_MTMSR		146
#define PPC_X_WRTEEI		163	/* BookE */
#define PPC_X_MTMSRD		178	/* Book3S-64 */
#define PPC_X_MTSR		210	/* Book3S-32 segment registers */
#define PPC_X_MTSRIN		242
#define PPC_X_TLBIEL		274	/* Book3S */
#define PPC_X_TLBIE		306	/* Book3S */
#define PPC_X_MFSPR		339
#define PPC_X_TLBIA		370	/* Book3S */
#define PPC_X_SLBMTE		402	/* Book3S-64 SLB */
#define PPC_X_SLBIE		434
#define PPC_X_MTSPR		467
#define PPC_X_SLBIA		498
#define PPC_X_TLBSYNC		566
#define PPC_X_SLBMFEV		851	/* Book3S-64 SLB reads */
#define PPC_X_SLBMFEE		915
#define PPC_X_SLBFEE		979	/* slbfee. (Rc=1 always) */
#define PPC_X_MFSR		595	/* Book3S-32 segment registers */
#define PPC_X_MFSRIN		659
#define PPC_X_TLBIVAX		786	/* BookE TLB management */
#define PPC_X_TLBSX		914
#define PPC_X_TLBRE		946
#define PPC_X_TLBWE		978

/* Integer compare, logical, shift and CR moves (Book I). */
#define PPC_X_CMP		0
#define PPC_X_MFCR		19
#define PPC_X_SLW		24
#define PPC_X_SLD		27
#define PPC_X_AND		28
#define PPC_X_CMPL		32
#define PPC_X_CNTLZD		58
#define PPC_X_ANDC		60
#define PPC_X_NOR		124
#define PPC_X_MTCRF		144
#define PPC_X_XOR		316
#define PPC_X_OR		444	/* or (mr rA,rS is or rA,rS,rS) */
#define PPC_X_SRW		536
#define PPC_X_SRD		539
#define PPC_X_EXTSB		954
#define PPC_X_EXTSW		986

/* Indexed integer loads and stores. */
#define PPC_X_LDX		21
#define PPC_X_LWZX		23
#define PPC_X_LDUX		53
#define PPC_X_LWZUX		55
#define PPC_X_LBZX		87
#define PPC_X_LBZUX		119
#define PPC_X_STDX		149
#define PPC_X_STWX		151
#define PPC_X_STDUX		181
#define PPC_X_STWUX		183
#define PPC_X_STBX		215
#define PPC_X_STBUX		247
#define PPC_X_LHZX		279
#define PPC_X_LHZUX		311
#define PPC_X_LHAX		343
#define PPC_X_STHX		407
#define PPC_X_STHUX		439
#define PPC_X_LWBRX		534
#define PPC_X_STWBRX		662
#define PPC_X_LHBRX		790
#define PPC_X_STHBRX		918

/* ---- XO-form extended opcodes (primary 31, bits 22:30, after OE) --------- */

#define PPC_XO_ADDC		10
#define PPC_XO_SUBF		40
#define PPC_XO_NEG		104
#define PPC_XO_SUBFE		136
#define PPC_XO_ADDE		138
#define PPC_XO_MULLD		233
#define PPC_XO_MULLW		235
#define PPC_XO_ADD		266

/* ---- MD-form extended opcodes (primary 30, bits 27:29) ------------------- */

#define PPC_MD_RLDICL		0
#define PPC_MD_RLDICR		1
#define PPC_MD_RLDIMI		3

/* ---- DS-form extended opcodes (bits 30:31) ------------------------------- */

#define PPC_DS_LD		0	/* primary 58 */
#define PPC_DS_LDU		1
#define PPC_DS_LWA		2
#define PPC_DS_STD		0	/* primary 62 */
#define PPC_DS_STDU		1

/* ---- Branch options ------------------------------------------------------ */

#define PPC_BO_ALWAYS		20	/* BO of an unconditional bclr (blr) */
#define PPC_BO_IF_FALSE		4	/* branch if the CR bit is 0 */
#define PPC_BO_IF_TRUE		12	/* branch if the CR bit is 1 */
#define PPC_BO_DNZ		16	/* decrement CTR, branch if it is not 0 */
#define PPC_BO_DZ		18	/* decrement CTR, branch if it is 0 */

/* ---- CR fields ------------------------------------------------------------ */

#define PPC_CR_FIELDS		8	/* cr0..cr7, 4 bits each */
#define PPC_CR_BITS		32

#endif /* PPCPV_ISA_OPCODES_H */
