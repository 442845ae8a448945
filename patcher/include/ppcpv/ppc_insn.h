/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/ppc_insn.h - PowerPC instruction fields and encoders, in one place.
 *
 * Pure functions of their arguments, usable natively and freestanding.
 * Register fields take register numbers (0..31); encoders return the host-
 * order instruction word.  Branches are built only by ppcpv_insn_branch(),
 * which checks the reach and returns an error instead of a wrong word.
 */
#ifndef PPCPV_PPC_INSN_H
#define PPCPV_PPC_INSN_H

#include <stdint.h>
#include <ppcpv/err.h>

/* ---- Fields (IBM bit numbering: bit 0 is the MSB) ------------------------ */

#define PPC_OPCD(insn)		((uint32_t)(insn) >> 26)
#define PPC_FIELD_RT(r)		(((uint32_t)(r) & 31) << 21)	/* also RS */
#define PPC_FIELD_RA(r)		(((uint32_t)(r) & 31) << 16)
#define PPC_FIELD_RB(r)		(((uint32_t)(r) & 31) << 11)
#define PPC_RT_MASK		PPC_FIELD_RT(31)
#define PPC_RA_MASK		PPC_FIELD_RA(31)
#define PPC_RB_MASK		PPC_FIELD_RB(31)
#define PPC_GET_RT(insn)	(((uint32_t)(insn) >> 21) & 31)
#define PPC_GET_RA(insn)	(((uint32_t)(insn) >> 16) & 31)
#define PPC_GET_RB(insn)	(((uint32_t)(insn) >> 11) & 31)
#define PPC_D_MASK		0xffffu
#define PPC_DS_MASK		0xfffcu

/* The SPR field holds the 10-bit number with its two 5-bit halves swapped. */
#define PPC_FIELD_SPR(spr)	((((uint32_t)(spr) & 0x1f) << 16) | ((((uint32_t)(spr) >> 5) & 0x1f) << 11))
#define PPC_GET_SPR(insn)	((((uint32_t)(insn) >> 16) & 0x1f) | ((((uint32_t)(insn) >> 11) & 0x1f) << 5))

/* Primary opcodes and X-form extended opcodes (XO << 1) used here. */
#define PPC_OP_ADDI		14
#define PPC_OP_B		18
#define PPC_OP_RLWINM		21
#define PPC_OP_ORI		24
#define PPC_OP_X		31
#define PPC_OP_LWZ		32
#define PPC_OP_STW		36
#define PPC_OP_LD		58	/* DS-form, XO 0 */
#define PPC_OP_STD		62	/* DS-form, XO 0 */

#define PPC_INST_X(xo)		((PPC_OP_X << 26) | ((uint32_t)(xo) << 1))
#define PPC_INST_MFMSR		PPC_INST_X(83)
#define PPC_INST_MTMSR		PPC_INST_X(146)
#define PPC_INST_MTMSRD		PPC_INST_X(178)
#define PPC_INST_MTMSRD_L1	(PPC_INST_MTMSRD | 0x00010000)
#define PPC_INST_MFSPR		PPC_INST_X(339)
#define PPC_INST_MTSPR		PPC_INST_X(467)
#define PPC_INST_TLBSYNC	PPC_INST_X(566)
#define PPC_INST_WRTEE		PPC_INST_X(131)
#define PPC_INST_WRTEEI		PPC_INST_X(163)
#define PPC_INST_WRTEEI_E	0x00008000	/* the E bit of wrteei */
#define PPC_INST_MTSRIN		PPC_INST_X(242)
#define PPC_INST_NOP		0x60000000
#define PPC_INST_B		(PPC_OP_B << 26)
#define PPC_INST_BLR		0x4e800020

/* SPR numbers. */
#define SPRN_DSISR	0x012
#define SPRN_DAR	0x013
#define SPRN_DEC	0x016
#define SPRN_SRR0	0x01a
#define SPRN_SRR1	0x01b
#define SPRN_DEAR	0x03d	/* BookE */
#define SPRN_ESR	0x03e	/* BookE */
#define SPRN_SPRG4R	0x104	/* BookE user-readable SPRG4..7 */
#define SPRN_SPRG0	0x110
#define SPRN_SPRG4	0x114	/* SPRG4..7 (SPRGnW on BookE) */
#define SPRN_PIR_BOOKE	0x11e
#define SPRN_PVR	0x11f
#define SPRN_MAS0	0x270
#define SPRN_MAS1	0x271
#define SPRN_MAS2	0x272
#define SPRN_MAS3	0x273
#define SPRN_MAS4	0x274
#define SPRN_MAS6	0x276
#define SPRN_MAS7	0x3b0
#define SPRN_PIR	0x3ff	/* Book3S */

/* Branch reach of the I-form `b`: a signed 26-bit, word-aligned offset. */
#define PPC_BRANCH_MIN		(-0x2000000L)
#define PPC_BRANCH_MAX		0x1fffffcL

/* ---- Encoders -------------------------------------------------------- */

static inline uint32_t ppc_insn_mfspr(unsigned int rt, unsigned int spr)
{
	return PPC_INST_MFSPR | PPC_FIELD_RT(rt) | PPC_FIELD_SPR(spr);
}

static inline uint32_t ppc_insn_mtspr(unsigned int spr, unsigned int rs)
{
	return PPC_INST_MTSPR | PPC_FIELD_RT(rs) | PPC_FIELD_SPR(spr);
}

/* D-form: opcd rt, d(ra) for lwz/stw/addi/ori... (d as a 16-bit field). */
static inline uint32_t ppc_insn_dform(unsigned int opcd, unsigned int rt,
				      unsigned int ra, int32_t d)
{
	return ((uint32_t)opcd << 26) | PPC_FIELD_RT(rt) | PPC_FIELD_RA(ra) |
	       ((uint32_t)d & PPC_D_MASK);
}

/* DS-form with XO 0: ld/std rt, ds(ra); ds must be a multiple of 4. */
static inline uint32_t ppc_insn_dsform(unsigned int opcd, unsigned int rt,
				       unsigned int ra, int32_t ds)
{
	return ((uint32_t)opcd << 26) | PPC_FIELD_RT(rt) | PPC_FIELD_RA(ra) |
	       ((uint32_t)ds & PPC_DS_MASK);
}

static inline uint32_t ppc_insn_lwz(unsigned int rt, unsigned int ra, int32_t d)
{
	return ppc_insn_dform(PPC_OP_LWZ, rt, ra, d);
}

static inline uint32_t ppc_insn_stw(unsigned int rs, unsigned int ra, int32_t d)
{
	return ppc_insn_dform(PPC_OP_STW, rs, ra, d);
}

static inline uint32_t ppc_insn_ld(unsigned int rt, unsigned int ra, int32_t ds)
{
	return ppc_insn_dsform(PPC_OP_LD, rt, ra, ds);
}

static inline uint32_t ppc_insn_std(unsigned int rs, unsigned int ra, int32_t ds)
{
	return ppc_insn_dsform(PPC_OP_STD, rs, ra, ds);
}

/* li rt,imm == addi rt,0,imm */
static inline uint32_t ppc_insn_li(unsigned int rt, int32_t imm)
{
	return ppc_insn_dform(PPC_OP_ADDI, rt, 0, imm);
}

/* mr ra,rs == ori ra,rs,0 (note: ori's target is the RA field) */
static inline uint32_t ppc_insn_mr(unsigned int ra, unsigned int rs)
{
	return ((uint32_t)PPC_OP_ORI << 26) | PPC_FIELD_RT(rs) | PPC_FIELD_RA(ra);
}

/* rlwinm ra,rs,sh,mb,me */
static inline uint32_t ppc_insn_rlwinm(unsigned int ra, unsigned int rs, unsigned int sh,
				       unsigned int mb, unsigned int me)
{
	return ((uint32_t)PPC_OP_RLWINM << 26) | PPC_FIELD_RT(rs) | PPC_FIELD_RA(ra) |
	       ((sh & 31u) << 11) | ((mb & 31u) << 6) | ((me & 31u) << 1);
}

/* A signed 16-bit displacement reachable with RA=0? */
static inline int ppc_disp_fits(int64_t d)
{
	return d >= -32768 && d <= 32767;
}

/*
 * The one branch builder: `b target` placed at `from` (AA=0, LK=0).
 * 0 and *out set, or -PPCPV_ERR_ALIGN (either address not word aligned) or
 * -PPCPV_ERR_RANGE (offset outside [-32 MiB, +32 MiB - 4]); *out untouched
 * on error.
 */
static inline int ppc_insn_branch(uint64_t from, uint64_t target, uint32_t *out)
{
	int64_t off = (int64_t)(target - from);

	if ((from | target) & 3)
		return -PPCPV_ERR_ALIGN;
	if (off < PPC_BRANCH_MIN || off > PPC_BRANCH_MAX)
		return -PPCPV_ERR_RANGE;
	*out = PPC_INST_B | ((uint32_t)off & 0x03fffffcu);
	return 0;
}

/* Target of an I-form branch word located at `at` (AA=0). */
static inline uint64_t ppc_branch_target(uint32_t insn, uint64_t at)
{
	int64_t off = (int64_t)(insn & 0x03fffffcu);

	if (off & 0x02000000)
		off -= 0x04000000;
	return at + (uint64_t)off;
}

/* ---- Byte order of code in memory --------------------------------------- */

static inline uint32_t ppc_load_insn(const uint8_t *p, int big_endian)
{
	if (big_endian)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static inline void ppc_store_insn(uint8_t *p, uint32_t insn, int big_endian)
{
	if (big_endian) {
		p[0] = (uint8_t)(insn >> 24); p[1] = (uint8_t)(insn >> 16);
		p[2] = (uint8_t)(insn >> 8);  p[3] = (uint8_t)insn;
	} else {
		p[3] = (uint8_t)(insn >> 24); p[2] = (uint8_t)(insn >> 16);
		p[1] = (uint8_t)(insn >> 8);  p[0] = (uint8_t)insn;
	}
}

#endif /* PPCPV_PPC_INSN_H */
