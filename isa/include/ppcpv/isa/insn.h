/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/insn.h - PowerPC instruction fields, whole instruction words,
 * encoders and accessors, in one place.
 *
 * Field and word macros are constant expressions usable from C (static
 * initialisers included) and from assembly.  The inline functions below
 * them are C only: pure functions of their arguments, usable natively and
 * freestanding.  Register fields take register numbers (0..31); encoders
 * return the host-order instruction word.  Branches are built only by
 * ppc_insn_branch(), which checks the reach and refuses instead of
 * returning a wrong word.
 */
#ifndef PPCPV_ISA_INSN_H
#define PPCPV_ISA_INSN_H

#include <ppcpv/isa/bits.h>
#include <ppcpv/isa/opcodes.h>

/* ---- Fields (IBM bit numbering: bit 0 is the MSB) ------------------------ */

#define PPC_FIELD_OPCD(op)	(PPC_U32(op) << 26)			/* bits 0:5 */
#define PPC_OPCD(insn)		(PPC_U32(insn) >> 26)
#define PPC_OPCD_MASK		PPC_FIELD_OPCD(63)
#define PPC_FIELD_RT(r)		((PPC_U32(r) & 31) << 21)		/* also RS, BO */
#define PPC_FIELD_RA(r)		((PPC_U32(r) & 31) << 16)
#define PPC_FIELD_RB(r)		((PPC_U32(r) & 31) << 11)
#define PPC_RT_MASK		PPC_FIELD_RT(31)
#define PPC_RA_MASK		PPC_FIELD_RA(31)
#define PPC_RB_MASK		PPC_FIELD_RB(31)
#define PPC_GET_RT(insn)	((PPC_U32(insn) >> 21) & 31)
#define PPC_GET_RA(insn)	((PPC_U32(insn) >> 16) & 31)
#define PPC_GET_RB(insn)	((PPC_U32(insn) >> 11) & 31)
/* D-form displacement (16 bits) and DS-form (14 bits, word aligned). */
#define PPC_D_MASK		0xffff
#define PPC_DS_MASK		0xfffc
#define PPC_D_MIN		(-0x8000)
#define PPC_D_MAX		0x7fff
/* Extended opcode of X/XL/XFX forms (bits 21:30) and of DS forms (30:31). */
#define PPC_FIELD_XO(xo)	((PPC_U32(xo) & 0x3ff) << 1)
#define PPC_XO_MASK		PPC_FIELD_XO(0x3ff)
#define PPC_GET_XO10(insn)	((PPC_U32(insn) >> 1) & 0x3ff)
#define PPC_GET_DS_XO(insn)	(PPC_U32(insn) & 3)
/* The SPR field holds the 10-bit number with its two 5-bit halves swapped. */
#define PPC_FIELD_SPR(spr)	(((PPC_U32(spr) & 0x1f) << 16) | (((PPC_U32(spr) >> 5) & 0x1f) << 11))
#define PPC_GET_SPR(insn)	(((PPC_U32(insn) >> 16) & 0x1f) | (((PPC_U32(insn) >> 11) & 0x1f) << 5))
/* SR field of mfsr/mtsr (bits 12:15). */
#define PPC_GET_SR(insn)	((PPC_U32(insn) >> 16) & 0xf)
/* L field of mtmsr/mtmsrd (bit 15): only EE and RI change. */
#define PPC_MTMSR_L		0x00010000
/* E field of wrteei (bit 16). */
#define PPC_INST_WRTEEI_E	0x00008000
/* LEV field of sc (bits 20:26) and the bit every sc has set (30). */
#define PPC_FIELD_LEV(lev)	((PPC_U32(lev) & 0x7f) << 5)
#define PPC_SC_ONE		0x00000002
/* rlwinm's shift and mask bounds (bits 16:20, 21:25, 26:30). */
#define PPC_FIELD_SH(sh)	((PPC_U32(sh) & 31) << 11)
#define PPC_FIELD_MB(mb)	((PPC_U32(mb) & 31) << 6)
#define PPC_FIELD_ME(me)	((PPC_U32(me) & 31) << 1)
/* Record bit (Rc, bit 31: CR0 or CR1 from the result), overflow enable of
 * XO-form arithmetic (OE, bit 21: XER[OV]), link bit of branches (LK, 31). */
#define PPC_RC			0x00000001
#define PPC_OE			0x00000400
#define PPC_LK			0x00000001
/* CR0 (CR bits 0:3, the top nibble of the 32-bit CR) and its bits as a
 * nibble: less, greater, equal, summary overflow (a copy of XER[SO]). */
#define PPC_CR0_SHIFT		28
#define PPC_CR0_MASK		PPC_U32(0xf0000000)
#define PPC_CR_LT		0x8
#define PPC_CR_GT		0x4
#define PPC_CR_EQ		0x2
#define PPC_CR_SO		0x1
#define PPC_XER_SO		PPC_U32(0x80000000)
/* B-form conditional branch: BD (bits 16:29), a signed word-aligned 16-bit
 * offset; BF of compares and mcrf (bits 6:8), L of compares (bit 10). */
#define PPC_BD_MASK		0xfffc
#define PPC_BD_REACH		0x8000
#define PPC_FIELD_BF(f)		((PPC_U32(f) & 7) << 23)
#define PPC_FIELD_BFA(f)	((PPC_U32(f) & 7) << 18)
#define PPC_CMP_L64		0x00200000
/* mtcrf's field mask (bits 12:19). */
#define PPC_FIELD_FXM(m)	((PPC_U32(m) & 0xff) << 12)
/* I-form branch: LI (bits 6:29), a signed, word-aligned 26-bit offset. */
#define PPC_LI_MASK		0x03fffffc
#define PPC_BRANCH_REACH	0x2000000	/* |offset| limit: 32 MiB */
#define PPC_BRANCH_MIN		(-PPC_BRANCH_REACH)
#define PPC_BRANCH_MAX		(PPC_BRANCH_REACH - 4)

/* ---- Encoders as constant expressions ------------------------------------ */

/* D-form: opcd rt, d(ra) */
#define PPC_ENC_D(op, rt, ra, d) \
	(PPC_FIELD_OPCD(op) | PPC_FIELD_RT(rt) | PPC_FIELD_RA(ra) | (PPC_U32(d) & PPC_D_MASK))
/* X-form with primary opcode 31 */
#define PPC_INST_X(xo)		(PPC_FIELD_OPCD(PPC_OP_X) | PPC_FIELD_XO(xo))
#define PPC_ENC_X(xo, rt, ra, rb) \
	(PPC_INST_X(xo) | PPC_FIELD_RT(rt) | PPC_FIELD_RA(ra) | PPC_FIELD_RB(rb))
/* XL-form with primary opcode 19 */
#define PPC_INST_XL(xo)		(PPC_FIELD_OPCD(PPC_OP_XL) | PPC_FIELD_XO(xo))
/* rlwinm ra,rs,sh,mb,me */
#define PPC_ENC_RLWINM(ra, rs, sh, mb, me) \
	(PPC_FIELD_OPCD(PPC_OP_RLWINM) | PPC_FIELD_RT(rs) | PPC_FIELD_RA(ra) | \
	 PPC_FIELD_SH(sh) | PPC_FIELD_MB(mb) | PPC_FIELD_ME(me))
/* ori ra,rs,imm (ori's target is the RA field) */
#define PPC_ENC_ORI(ra, rs, imm) \
	(PPC_FIELD_OPCD(PPC_OP_ORI) | PPC_FIELD_RT(rs) | PPC_FIELD_RA(ra) | (PPC_U32(imm) & PPC_D_MASK))
/* mr ra,rs == or ra,rs,rs (or's target is the RA field) */
#define PPC_ENC_MR(ra, rs)	PPC_ENC_X(PPC_X_OR, rs, ra, rs)
/* li rt,imm == addi rt,0,imm; lis rt,imm == addis rt,0,imm */
#define PPC_ENC_LI(rt, imm)	PPC_ENC_D(PPC_OP_ADDI, rt, 0, imm)
#define PPC_ENC_LIS(rt, imm)	PPC_ENC_D(PPC_OP_ADDIS, rt, 0, imm)

/* ---- Whole instruction words (register fields 0) ------------------------- */

#define PPC_INST_MFMSR		PPC_INST_X(PPC_X_MFMSR)
#define PPC_INST_MTMSR		PPC_INST_X(PPC_X_MTMSR)
#define PPC_INST_MTMSRD		PPC_INST_X(PPC_X_MTMSRD)
#define PPC_INST_MTMSRD_L1	(PPC_INST_MTMSRD | PPC_MTMSR_L)
#define PPC_INST_MFSPR		PPC_INST_X(PPC_X_MFSPR)
#define PPC_INST_MTSPR		PPC_INST_X(PPC_X_MTSPR)
#define PPC_INST_TLBSYNC	PPC_INST_X(PPC_X_TLBSYNC)
#define PPC_INST_WRTEE		PPC_INST_X(PPC_X_WRTEE)
#define PPC_INST_WRTEEI		PPC_INST_X(PPC_X_WRTEEI)
#define PPC_INST_MTSRIN		PPC_INST_X(PPC_X_MTSRIN)
#define PPC_INST_RFID		PPC_INST_XL(PPC_XL_RFID)
#define PPC_INST_RFI		PPC_INST_XL(PPC_XL_RFI)
#define PPC_INST_NOP		PPC_ENC_ORI(0, 0, 0)
#define PPC_INST_B		PPC_FIELD_OPCD(PPC_OP_B)		/* b . */
#define PPC_INST_BLR		(PPC_INST_XL(PPC_XL_BCLR) | PPC_FIELD_RT(PPC_BO_ALWAYS))
#define PPC_INST_SC		(PPC_FIELD_OPCD(PPC_OP_SC) | PPC_SC_ONE)
#define PPC_INST_SC_LEV(lev)	(PPC_INST_SC | PPC_FIELD_LEV(lev))

#ifndef __ASSEMBLER__
#include <stdint.h>

/* ---- Accessors ------------------------------------------------------------ */

/* A signed 16-bit displacement reachable with RA=0? */
static inline int ppc_disp_fits(int64_t d)
{
	return d >= PPC_D_MIN && d <= PPC_D_MAX;
}

/* ---- Encoders --------------------------------------------------------- */

static inline uint32_t ppc_insn_mfspr(unsigned int rt, unsigned int spr)
{
	return PPC_INST_MFSPR | PPC_FIELD_RT(rt) | PPC_FIELD_SPR(spr);
}

static inline uint32_t ppc_insn_mtspr(unsigned int spr, unsigned int rs)
{
	return PPC_INST_MTSPR | PPC_FIELD_RT(rs) | PPC_FIELD_SPR(spr);
}

/* X-form with primary opcode 31: xo rt,ra,rb */
static inline uint32_t ppc_insn_x(unsigned int xo, unsigned int rt, unsigned int ra,
				  unsigned int rb)
{
	return PPC_ENC_X(xo, rt, ra, rb);
}

/* D-form: opcd rt, d(ra) for lwz/stw/addi/ori... (d as a 16-bit field). */
static inline uint32_t ppc_insn_dform(unsigned int opcd, unsigned int rt,
				      unsigned int ra, int32_t d)
{
	return PPC_ENC_D(opcd, rt, ra, d);
}

/* DS-form with XO 0: ld/std rt, ds(ra); ds must be a multiple of 4. */
static inline uint32_t ppc_insn_dsform(unsigned int opcd, unsigned int rt,
				       unsigned int ra, int32_t ds)
{
	return PPC_FIELD_OPCD(opcd) | PPC_FIELD_RT(rt) | PPC_FIELD_RA(ra) |
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
	return PPC_ENC_LI(rt, imm);
}

/* mr ra,rs == ori ra,rs,0 (note: ori's target is the RA field) */
static inline uint32_t ppc_insn_mr(unsigned int ra, unsigned int rs)
{
	return PPC_ENC_ORI(ra, rs, 0);
}

/* rlwinm ra,rs,sh,mb,me */
static inline uint32_t ppc_insn_rlwinm(unsigned int ra, unsigned int rs, unsigned int sh,
				       unsigned int mb, unsigned int me)
{
	return PPC_ENC_RLWINM(ra, rs, sh, mb, me);
}

/* ---- Book I integer instructions (the differential test's generator) ---- */

/* XO-form arithmetic: xo rt,ra,rb with OE and Rc given as PPC_OE / PPC_RC
 * (or 0); neg ignores rb. */
static inline uint32_t ppc_insn_xo(unsigned int xo9, unsigned int rt, unsigned int ra,
				   unsigned int rb, uint32_t oe_rc)
{
	return PPC_FIELD_OPCD(PPC_OP_X) | PPC_FIELD_RT(rt) | PPC_FIELD_RA(ra) |
	       PPC_FIELD_RB(rb) | ((PPC_U32(xo9) & 0x1ff) << 1) | (oe_rc & (PPC_OE | PPC_RC));
}

/* X-form logical and shift: xo ra,rs,rb (the target is RA); rc: PPC_RC or 0. */
static inline uint32_t ppc_insn_xlogical(unsigned int xo, unsigned int ra, unsigned int rs,
					 unsigned int rb, uint32_t rc)
{
	return PPC_ENC_X(xo, rs, ra, rb) | (rc & PPC_RC);
}

/* D-form logical immediate (ori, oris, xori, xoris, andi.): opcd ra,rs,imm. */
static inline uint32_t ppc_insn_dlogical(unsigned int opcd, unsigned int ra, unsigned int rs,
					 uint32_t imm)
{
	return PPC_FIELD_OPCD(opcd) | PPC_FIELD_RT(rs) | PPC_FIELD_RA(ra) | (imm & PPC_D_MASK);
}

/* MD-form 64-bit rotate: rldicl/rldicr/rldimi ra,rs,sh,mb (me for rldicr);
 * sh and mb are 6-bit numbers whose high bit sits apart in the word. */
static inline uint32_t ppc_insn_md(unsigned int xo, unsigned int ra, unsigned int rs,
				   unsigned int sh, unsigned int mb, uint32_t rc)
{
	uint32_t mb_field = ((PPC_U32(mb) & 0x1f) << 1) | ((PPC_U32(mb) >> 5) & 1);

	return PPC_FIELD_OPCD(PPC_OP_MD) | PPC_FIELD_RT(rs) | PPC_FIELD_RA(ra) |
	       PPC_FIELD_SH(sh) | (mb_field << 5) | ((PPC_U32(xo) & 7) << 2) |
	       (((PPC_U32(sh) >> 5) & 1) << 1) | (rc & PPC_RC);
}

/* cmp/cmpl bf,l,ra,rb (xo PPC_X_CMP or PPC_X_CMPL); l64: PPC_CMP_L64 or 0. */
static inline uint32_t ppc_insn_cmp(unsigned int xo, unsigned int bf, uint32_t l64,
				    unsigned int ra, unsigned int rb)
{
	return PPC_ENC_X(xo, 0, ra, rb) | PPC_FIELD_BF(bf) | (l64 & PPC_CMP_L64);
}

/* cmpi/cmpli bf,l,ra,imm (opcd PPC_OP_CMPI or PPC_OP_CMPLI). */
static inline uint32_t ppc_insn_cmpi(unsigned int opcd, unsigned int bf, uint32_t l64,
				     unsigned int ra, uint32_t imm)
{
	return PPC_ENC_D(opcd, 0, ra, imm) | PPC_FIELD_BF(bf) | (l64 & PPC_CMP_L64);
}

/* XL-form CR bit operation: xo bt,ba,bb (crxor, crand, cror). */
static inline uint32_t ppc_insn_crop(unsigned int xo, unsigned int bt, unsigned int ba,
				     unsigned int bb)
{
	return PPC_INST_XL(xo) | PPC_FIELD_RT(bt) | PPC_FIELD_RA(ba) | PPC_FIELD_RB(bb);
}

/* mcrf bf,bfa */
static inline uint32_t ppc_insn_mcrf(unsigned int bf, unsigned int bfa)
{
	return PPC_INST_XL(PPC_XL_MCRF) | PPC_FIELD_BF(bf) | PPC_FIELD_BFA(bfa);
}

/* mfcr rt; mtcrf fxm,rs */
static inline uint32_t ppc_insn_mfcr(unsigned int rt)
{
	return PPC_ENC_X(PPC_X_MFCR, rt, 0, 0);
}

static inline uint32_t ppc_insn_mtcrf(unsigned int fxm, unsigned int rs)
{
	return PPC_ENC_X(PPC_X_MTCRF, rs, 0, 0) | PPC_FIELD_FXM(fxm);
}

/* ---- The one branch builder ---------------------------------------------- */

/* Why ppc_insn_branch() refused (0: it did not). */
enum ppc_branch_status {
	PPC_BRANCH_OK = 0,
	PPC_BRANCH_MISALIGNED,		/* either address not word aligned */
	PPC_BRANCH_OUT_OF_REACH,	/* offset outside [-32 MiB, +32 MiB - 4] */
};

/*
 * `b target` placed at `from` (AA=0, LK=0): PPC_BRANCH_OK and *out set, or
 * the reason it cannot be built, *out untouched.
 */
static inline enum ppc_branch_status ppc_insn_branch(uint64_t from, uint64_t target,
						     uint32_t *out)
{
	int64_t off = (int64_t)(target - from);

	if ((from | target) & 3)
		return PPC_BRANCH_MISALIGNED;
	if (off < PPC_BRANCH_MIN || off > PPC_BRANCH_MAX)
		return PPC_BRANCH_OUT_OF_REACH;
	*out = PPC_INST_B | ((uint32_t)off & PPC_LI_MASK);
	return PPC_BRANCH_OK;
}

/*
 * `bc bo,bi,target` placed at `from` (AA=0; lk: PPC_LK or 0), reaching
 * [-32 KiB, +32 KiB - 4]: PPC_BRANCH_OK and *out set, or why not.
 */
static inline enum ppc_branch_status ppc_insn_bc(unsigned int bo, unsigned int bi, uint32_t lk,
						 uint64_t from, uint64_t target, uint32_t *out)
{
	int64_t off = (int64_t)(target - from);

	if ((from | target) & 3)
		return PPC_BRANCH_MISALIGNED;
	if (off < -PPC_BD_REACH || off > PPC_BD_REACH - 4)
		return PPC_BRANCH_OUT_OF_REACH;
	*out = PPC_FIELD_OPCD(PPC_OP_BC) | PPC_FIELD_RT(bo) | PPC_FIELD_RA(bi) |
	       ((uint32_t)off & PPC_BD_MASK) | (lk & PPC_LK);
	return PPC_BRANCH_OK;
}

/* Target of an I-form branch word located at `at` (AA=0). */
static inline uint64_t ppc_branch_target(uint32_t insn, uint64_t at)
{
	int64_t off = (int64_t)(insn & PPC_LI_MASK);

	if (off & PPC_BRANCH_REACH)
		off -= 2 * (int64_t)PPC_BRANCH_REACH;
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

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_ISA_INSN_H */
