/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/insn.h - instruction decoding for the host stub's emulator,
 * extending ppcpv/ppc_insn.h (which stays the one place for the shared
 * fields and encoders): the extended-opcode field, the privileged
 * instructions a guest kernel executes, and the load/store forms the MMIO
 * emulation decodes.
 */
#ifndef PPCPV_HOST_INSN_H
#define PPCPV_HOST_INSN_H

#include <stdint.h>
#include <ppcpv/ppc_insn.h>

/* 10-bit extended opcode of X/XL/XFX forms (bits 21:30). */
#define PPC_GET_XO10(insn)	(((uint32_t)(insn) >> 1) & 0x3ff)
/* 2-bit extended opcode of DS forms (bits 30:31). */
#define PPC_GET_DS_XO(insn)	((uint32_t)(insn) & 3)
/* L field of mtmsr/mtmsrd (bit 15). */
#define PPC_MTMSR_L		0x00010000u
/* SR field of mfsr/mtsr (bits 12:15). */
#define PPC_GET_SR(insn)	(((uint32_t)(insn) >> 16) & 0xf)
#define PPC_GET_D(insn)		((int32_t)(int16_t)((uint32_t)(insn) & 0xffff))

/* Primary opcodes. */
#define PPC_OP_SC		17
#define PPC_OP_XL		19
#define PPC_OP_LWZU		33
#define PPC_OP_LBZ		34
#define PPC_OP_LBZU		35
#define PPC_OP_STWU		37
#define PPC_OP_STB		38
#define PPC_OP_STBU		39
#define PPC_OP_LHZ		40
#define PPC_OP_LHZU		41
#define PPC_OP_LHA		42
#define PPC_OP_LHAU		43
#define PPC_OP_STH		44
#define PPC_OP_STHU		45

/* XL-form (primary 19) extended opcodes. */
#define PPC_XL_RFID		18
#define PPC_XL_RFI		50

/* X-form (primary 31) extended opcodes of privileged instructions. */
#define PPC_X_MFMSR		83
#define PPC_X_WRTEE		131
#define PPC_X_MTMSR		146
#define PPC_X_WRTEEI		163
#define PPC_X_MTMSRD		178
#define PPC_X_MTSR		210
#define PPC_X_MTSRIN		242
#define PPC_X_TLBIEL		274
#define PPC_X_TLBIE		306
#define PPC_X_MFSPR		339
#define PPC_X_TLBIA		370
#define PPC_X_SLBMTE		402
#define PPC_X_SLBIE		434
#define PPC_X_MTSPR		467
#define PPC_X_SLBIA		498
#define PPC_X_TLBSYNC		566
#define PPC_X_MFSR		595
#define PPC_X_MFSRIN		659

/* X-form (primary 31) loads and stores. */
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

/* DS-form extended opcodes of primary 58 (ld) and 62 (std). */
#define PPC_DS_LD		0
#define PPC_DS_LDU		1
#define PPC_DS_LWA		2
#define PPC_DS_STD		0
#define PPC_DS_STDU		1

/* A decoded integer load or store (what MMIO emulation needs). */
struct ppc_mem_access {
	uint8_t store;		/* 1 for a store */
	uint8_t size;		/* 1, 2, 4 or 8 bytes */
	uint8_t sign_extend;	/* lha, lwa */
	uint8_t byte_reverse;	/* lwbrx and friends */
	uint8_t update;		/* RA receives the effective address */
	uint8_t rt;		/* RT (loads) or RS (stores) */
	uint8_t ra;
};

/* Decode an integer load/store word.  0, or -PPCPV_ERR_UNSUPPORTED. */
int ppc_decode_mem_access(uint32_t insn, struct ppc_mem_access *acc);

#endif /* PPCPV_HOST_INSN_H */
