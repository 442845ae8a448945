// SPDX-License-Identifier: MIT
/*
 * The ISA layer (ppcpv/isa/): the encoders against words from the
 * reference (checked there with GNU as) and against libopcodes, the branch
 * builder's boundary vectors (+32 MiB - 4 and -32 MiB reach, one word more
 * does not, and a refused branch leaves *out alone), and the hash MMU's
 * entry formats against hand-computed values.
 */
#include <string.h>
#include <ppcpv/disasm.h>
#include <ppcpv/err.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/hash64.h>
#include <ppcpv/isa/spr.h>
#include "../patcher/check.h"
#include "ppcpv_test.h"

#define MIB (1ll << 20)
#define UNTOUCHED 0xdeadbeefu

/* libopcodes' reading of a word, 64-bit big-endian, canonical SPR numbers */
static const char *decoded(uint32_t w)
{
	static char text[PPCPV_DISASM_TEXT_MAX];
	struct ppcpv_disasm_opts opts = { 64, 1, "raw" };

	if (ppcpv_disasm_word(&opts, w, 0x1000, text, sizeof(text)))
		return "(libopcodes failed)";
	return text;
}

static void encode_loads_stores(void)
{
	EXPECT_EQ(ppc_insn_ld(3, 0, -4008), 0xe860f058, "ld%s", "");
	EXPECT_EQ(ppc_insn_lwz(3, 0, -4004), 0x8060f05c, "lwz%s", "");
	EXPECT_EQ(ppc_insn_std(4, 0, -4032), 0xf880f040, "std%s", "");
	EXPECT_EQ(ppc_insn_stw(4, 0, -4028), 0x9080f044, "stw%s", "");
	EXPECT_EQ(ppc_insn_lwz(5, 0, -4000), 0x80a0f060, "lwz%s", "");
	EXPECT_EQ(ppc_insn_stw(0, 30, -3992), 0x901ef068, "stw with a base%s", "");
	EXPECT_STR(decoded(ppc_insn_ld(31, 0, 28672 + 232)), "ld r31,28904(0)", "ld%s", "");
	EXPECT_STR(decoded(ppc_insn_stw(29, 31, -32768)), "stw r29,-32768(r31)", "stw%s", "");
}

static void encode_moves(void)
{
	EXPECT_EQ(ppc_insn_li(30, -32768), 0x3bc08000, "li%s", "");
	EXPECT_EQ(ppc_insn_li(30, 0x8000), 0x3bc08000, "li with 0x8000%s", "");
	EXPECT_EQ(ppc_insn_mr(30, 9), 0x613e0000, "mr%s", "");
	EXPECT_STR(decoded(ppc_insn_mr(30, 29)), "ori r30,r29,0", "mr%s", "");
	EXPECT_EQ(ppc_insn_rlwinm(30, 0, 6, 26, 29), 0x541e36ba, "rlwinm%s", "");
	EXPECT_STR(decoded(ppc_insn_rlwinm(31, 30, 6, 26, 29)), "rlwinm r31,r30,6,26,29", "rlwinm%s", "");
	EXPECT_EQ(ppc_insn_dform(PPC_OP_ADDI, 3, 0, -1), 0x3860ffff, "dform%s", "");
}

static void encode_spr_access(void)
{
	EXPECT_EQ(ppc_insn_mfspr(3, PPC_SPR_SRR0), 0x7c7a02a6, "mfspr%s", "");
	EXPECT_EQ(ppc_insn_mtspr(PPC_SPR_SRR0, 4), 0x7c9a03a6, "mtspr%s", "");
	EXPECT_EQ(ppc_insn_mfspr(0, PPC_BOOKE_SPR_MAS7), 0x7c10eaa6, "mfspr MAS7%s", "");
	EXPECT_EQ(ppc_insn_mfspr(0, PPC_BOOK3S_SPR_PIR), 0x7c1ffaa6, "mfspr PIR%s", "");
	EXPECT_STR(decoded(ppc_insn_mfspr(29, PPC_BOOKE_SPR_SPRG4R)), "mfspr r29,260", "mfspr%s", "");
	EXPECT_STR(decoded(ppc_insn_mtspr(PPC_BOOKE_SPR_MAS3, 31)), "mtspr 627,r31", "mtspr%s", "");
}

/* The swapped halves of the SPR field, for every SPR number. */
static void spr_field_round_trip(void)
{
	unsigned int spr;

	for (spr = 0; spr < 1024; spr++) {
		EXPECT_EQ(PPC_GET_SPR(ppc_insn_mfspr(7, spr)), spr, "SPR %u", spr);
		EXPECT_EQ(PPC_GET_RT(ppc_insn_mfspr(7, spr)), 7, "SPR %u", spr);
		EXPECT_EQ(ppc_insn_mfspr(7, spr) & ~(PPC_RT_MASK | PPC_RA_MASK | PPC_RB_MASK),
			  PPC_INST_MFSPR, "SPR %u", spr);
	}
}

/* The instruction constants are the reference's match values. */
static void instruction_constants(void)
{
	EXPECT_EQ(PPC_INST_MFMSR, 0x7c0000a6, "mfmsr%s", "");
	EXPECT_EQ(PPC_INST_MTMSR, 0x7c000124, "mtmsr%s", "");
	EXPECT_EQ(PPC_INST_MTMSRD, 0x7c000164, "mtmsrd%s", "");
	EXPECT_EQ(PPC_INST_MTMSRD_L1, 0x7c010164, "mtmsrd L=1%s", "");
	EXPECT_EQ(PPC_INST_MFSPR, 0x7c0002a6, "mfspr%s", "");
	EXPECT_EQ(PPC_INST_MTSPR, 0x7c0003a6, "mtspr%s", "");
	EXPECT_EQ(PPC_INST_TLBSYNC, 0x7c00046c, "tlbsync%s", "");
	EXPECT_EQ(PPC_INST_WRTEE, 0x7c000106, "wrtee%s", "");
	EXPECT_EQ(PPC_INST_WRTEEI, 0x7c000146, "wrteei 0%s", "");
	EXPECT_EQ(PPC_INST_WRTEEI | PPC_INST_WRTEEI_E, 0x7c008146, "wrteei 1%s", "");
	EXPECT_EQ(PPC_INST_MTSRIN, 0x7c0001e4, "mtsrin%s", "");
	EXPECT_EQ(PPC_INST_NOP, 0x60000000, "nop%s", "");
	EXPECT_EQ(PPC_INST_BLR, 0x4e800020, "blr%s", "");
	EXPECT_EQ(PPC_INST_SC, 0x44000002, "sc%s", "");
	EXPECT_EQ(PPC_INST_SC_LEV(1), 0x44000022, "sc 1%s", "");
	EXPECT_EQ(PPC_INST_RFID, 0x4c000024, "rfid%s", "");
	EXPECT_EQ(PPC_INST_RFI, 0x4c000064, "rfi%s", "");
	EXPECT_EQ(PPC_ENC_LIS(0, 0x4b56), 0x3c004b56, "lis%s", "");
	EXPECT_EQ(PPC_ENC_ORI(0, 0, 0x4d21), 0x60004d21, "ori%s", "");
	EXPECT_EQ(PPC_ENC_X(PPC_X_TLBWE, 0, 0, 0), 0x7c0007a4, "tlbwe%s", "");
	EXPECT_EQ(PPC_ENC_X(PPC_X_SLBMTE, 3, 0, 4), 0x7c602324, "slbmte r3,r4%s", "");
	EXPECT_EQ(ppc_insn_mfspr(0, PPC_BOOKE_SPR_DEAR), 0x7c1d0aa6, "mfspr DEAR%s", "");
	EXPECT_EQ(ppc_insn_mfspr(0, PPC_BOOKE_SPR_PIR), 0x7c1e42a6, "mfspr PIR (BookE)%s", "");
	EXPECT_EQ(ppc_insn_mtspr(PPC_BOOKE_SPR_ESR, 0), 0x7c1e0ba6, "mtspr ESR%s", "");
}

static void displacement_reach(void)
{
	CU_ASSERT_TRUE(ppc_disp_fits(-32768));
	CU_ASSERT_TRUE(ppc_disp_fits(32767));
	CU_ASSERT_FALSE(ppc_disp_fits(32768));
	CU_ASSERT_FALSE(ppc_disp_fits(-32769));
}

static void byte_order(void)
{
	static const uint8_t be[4] = { 0x7c, 0x08, 0x02, 0xa6 };
	static const uint8_t le[4] = { 0xa6, 0x02, 0x08, 0x7c };
	uint8_t buf[4];

	CU_ASSERT_EQUAL(ppc_load_insn(be, 1), 0x7c0802a6);
	CU_ASSERT_EQUAL(ppc_load_insn(le, 0), 0x7c0802a6);
	ppc_store_insn(buf, 0x7c0802a6, 1);
	CU_ASSERT_EQUAL(memcmp(buf, be, 4), 0);
	ppc_store_insn(buf, 0x7c0802a6, 0);
	CU_ASSERT_EQUAL(memcmp(buf, le, 4), 0);
}

/* ---- The branch builder --------------------------------------------------- */

static void expect_branch(uint64_t from, int64_t off, uint32_t want)
{
	uint32_t out = UNTOUCHED;

	EXPECT_EQ(ppc_insn_branch(from, from + (uint64_t)off, &out), 0, "b %+lld from %#llx",
		  (long long)off, (unsigned long long)from);
	EXPECT_EQ(out, want, "b %+lld from %#llx", (long long)off, (unsigned long long)from);
	EXPECT_EQ(ppc_branch_target(out, from), from + (uint64_t)off, "target of %#x", want);
}

static void expect_refused(uint64_t from, uint64_t target, int err)
{
	uint32_t out = UNTOUCHED;

	EXPECT_EQ(ppc_insn_branch(from, target, &out), err, "b from %#llx to %#llx",
		  (unsigned long long)from, (unsigned long long)target);
	EXPECT_EQ(out, UNTOUCHED, "*out written for b from %#llx to %#llx",
		  (unsigned long long)from, (unsigned long long)target);
}

static void branch_boundaries(void)
{
	const uint64_t from = 0x10000000;

	expect_branch(from, 32 * MIB - 4, 0x49fffffc);
	expect_branch(from, -32 * MIB, 0x4a000000);
	expect_branch(from, 0, 0x48000000);
	expect_branch(from, 4, 0x48000004);
	expect_branch(from, -4, 0x4bfffffc);
}

static void branch_out_of_reach(void)
{
	const uint64_t from = 0x10000000;

	expect_refused(from, from + 32 * MIB, PPC_BRANCH_OUT_OF_REACH);
	expect_refused(from, from - 32 * MIB - 4, PPC_BRANCH_OUT_OF_REACH);
	expect_refused(from, from + 0x100000000ull, PPC_BRANCH_OUT_OF_REACH);
}

static void branch_unaligned(void)
{
	const uint64_t from = 0x10000000;

	expect_refused(from, from + 2, PPC_BRANCH_MISALIGNED);
	expect_refused(from + 1, from + 8, PPC_BRANCH_MISALIGNED);
	expect_refused(from, from + 32 * MIB + 2, PPC_BRANCH_MISALIGNED);
}

/* Across the top of a 64-bit address space, and near 0. */
static void branch_wraps(void)
{
	expect_branch(0xfffffffffffffff0ull, 0x20, 0x48000020);
	expect_branch(0x10, -0x20, 0x4bffffe0);
}

/* The AA and LK bits are not part of the offset. */
static void branch_target_ignores_flags(void)
{
	CU_ASSERT_EQUAL(ppc_branch_target(0x49fffffd, 0x10000000), 0x10000000 + 32 * MIB - 4);
	CU_ASSERT_EQUAL(ppc_branch_target(0x4a000003, 0x10000000), 0x10000000 - 32 * MIB);
}

static void branch_decodes(void)
{
	uint32_t out = 0;

	CU_ASSERT_EQUAL_FATAL(ppc_insn_branch(0x1000, 0x1000 + 32 * MIB - 4, &out), 0);
	EXPECT_STR(decoded(out), "b 0x02000ffc", "libopcodes%s", "");
	CU_ASSERT_EQUAL_FATAL(ppc_insn_branch(0x1000, 0xff0, &out), 0);
	EXPECT_STR(decoded(out), "b 0x00000ff0", "libopcodes%s", "");
}

/* SLB and HPTE words for a 4 KiB page, computed by hand from the ISA's
 * field layout (Book III-S, hashed page table). */
/* Book I integer instructions (the differential generator's), against the
 * words GNU as 2.40 gives for the text in each message. */
static void encode_book1_arith(void)
{
	EXPECT_EQ(ppc_insn_xo(PPC_XO_ADD, 3, 4, 5, 0), 0x7c642a14, "add r3,r4,r5%s", "");
	EXPECT_EQ(ppc_insn_xo(PPC_XO_ADD, 0, 31, 30, PPC_OE | PPC_RC), 0x7c1ff615, "addo. r0,r31,r30%s", "");
	EXPECT_EQ(ppc_insn_xo(PPC_XO_SUBF, 1, 2, 3, 0), 0x7c221850, "subf r1,r2,r3%s", "");
	EXPECT_EQ(ppc_insn_xo(PPC_XO_ADDC, 3, 4, 5, 0), 0x7c642814, "addc%s", "");
	EXPECT_EQ(ppc_insn_xo(PPC_XO_ADDE, 3, 4, 5, PPC_RC), 0x7c642915, "adde.%s", "");
	EXPECT_EQ(ppc_insn_xo(PPC_XO_SUBFE, 3, 4, 5, 0), 0x7c642910, "subfe%s", "");
	EXPECT_EQ(ppc_insn_xo(PPC_XO_NEG, 3, 4, 0, 0), 0x7c6400d0, "neg%s", "");
	EXPECT_EQ(ppc_insn_xo(PPC_XO_MULLD, 3, 4, 5, 0), 0x7c6429d2, "mulld%s", "");
	EXPECT_EQ(ppc_insn_xo(PPC_XO_MULLW, 3, 4, 5, PPC_RC), 0x7c6429d7, "mullw.%s", "");
	EXPECT_EQ(ppc_insn_dform(PPC_OP_MULLI, 3, 4, -7), 0x1c64fff9, "mulli%s", "");
	EXPECT_EQ(ppc_insn_dform(PPC_OP_ADDIC, 3, 4, 100), 0x30640064, "addic%s", "");
}

static void encode_book1_logical(void)
{
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_AND, 3, 4, 5, 0), 0x7c832838, "and r3,r4,r5%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_OR, 3, 4, 5, PPC_RC), 0x7c832b79, "or.%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_XOR, 31, 0, 1, 0), 0x7c1f0a78, "xor r31,r0,r1%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_NOR, 3, 4, 5, 0), 0x7c8328f8, "nor%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_ANDC, 3, 4, 5, 0), 0x7c832878, "andc%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_SLD, 3, 4, 5, 0), 0x7c832836, "sld%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_SRD, 3, 4, 5, 0), 0x7c832c36, "srd%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_SLW, 3, 4, 5, 0), 0x7c832830, "slw%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_SRW, 3, 4, 5, 0), 0x7c832c30, "srw%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_CNTLZD, 3, 4, 0, 0), 0x7c830074, "cntlzd%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_EXTSW, 3, 4, 0, 0), 0x7c8307b4, "extsw%s", "");
	EXPECT_EQ(ppc_insn_xlogical(PPC_X_EXTSB, 3, 4, 0, PPC_RC), 0x7c830775, "extsb.%s", "");
	EXPECT_EQ(ppc_insn_dlogical(PPC_OP_ORI, 3, 4, 0x1234), 0x60831234, "ori%s", "");
	EXPECT_EQ(ppc_insn_dlogical(PPC_OP_ORIS, 3, 4, 0x8000), 0x64838000, "oris%s", "");
	EXPECT_EQ(ppc_insn_dlogical(PPC_OP_XORI, 3, 4, 0xffff), 0x6883ffff, "xori%s", "");
	EXPECT_EQ(ppc_insn_dlogical(PPC_OP_XORIS, 3, 4, 0x0200), 0x6c830200, "xoris%s", "");
	EXPECT_EQ(ppc_insn_dlogical(PPC_OP_ANDI_RC, 3, 4, 0x8002), 0x70838002, "andi.%s", "");
	EXPECT_EQ(ppc_insn_md(PPC_MD_RLDICL, 3, 4, 0, 32, 0), 0x78830020, "rldicl r3,r4,0,32%s", "");
	EXPECT_EQ(ppc_insn_md(PPC_MD_RLDICL, 3, 4, 63, 1, 0), 0x7883f842, "rldicl r3,r4,63,1%s", "");
	EXPECT_EQ(ppc_insn_md(PPC_MD_RLDICR, 3, 4, 32, 31, 0), 0x788307c6, "rldicr r3,r4,32,31%s", "");
	EXPECT_EQ(ppc_insn_md(PPC_MD_RLDIMI, 3, 4, 32, 0, 0), 0x7883000e, "rldimi r3,r4,32,0%s", "");
	EXPECT_EQ(ppc_insn_md(PPC_MD_RLDICL, 31, 0, 45, 50, PPC_RC), 0x781f6ca3, "rldicl. r31,r0,45,50%s", "");
}

static void encode_book1_cr(void)
{
	uint32_t w = UNTOUCHED;

	EXPECT_EQ(ppc_insn_cmp(PPC_X_CMP, 3, PPC_CMP_L64, 4, 5), 0x7da42800, "cmpd cr3,r4,r5%s", "");
	EXPECT_EQ(ppc_insn_cmp(PPC_X_CMPL, 7, 0, 4, 5), 0x7f842840, "cmplw cr7,r4,r5%s", "");
	EXPECT_EQ(ppc_insn_cmpi(PPC_OP_CMPI, 1, PPC_CMP_L64, 4, (uint32_t)-5), 0x2ca4fffb, "cmpdi%s", "");
	EXPECT_EQ(ppc_insn_cmpi(PPC_OP_CMPLI, 0, 0, 4, 0xffff), 0x2804ffff, "cmplwi%s", "");
	EXPECT_EQ(ppc_insn_crop(PPC_XL_CRXOR, 6, 7, 31), 0x4cc7f982, "crxor 6,7,31%s", "");
	EXPECT_EQ(ppc_insn_crop(PPC_XL_CRAND, 0, 1, 2), 0x4c011202, "crand 0,1,2%s", "");
	EXPECT_EQ(ppc_insn_crop(PPC_XL_CROR, 31, 0, 15), 0x4fe07b82, "cror 31,0,15%s", "");
	EXPECT_EQ(ppc_insn_mcrf(2, 7), 0x4d1c0000, "mcrf 2,7%s", "");
	EXPECT_EQ(ppc_insn_mfcr(3), 0x7c600026, "mfcr r3%s", "");
	EXPECT_EQ(ppc_insn_mtcrf(0x81, 3), 0x7c681120, "mtcrf 0x81,r3%s", "");
	CU_ASSERT_EQUAL(ppc_insn_bc(PPC_BO_IF_TRUE, 2, 0, 0x1000, 0x1010, &w), PPC_BRANCH_OK);
	EXPECT_STR(decoded(w), "bc 12,eq,0x00001010", "beq%s", "");
	CU_ASSERT_EQUAL(ppc_insn_bc(PPC_BO_DNZ, 0, PPC_LK, 0x1000, 0x1000 + 0x7ffc, &w), PPC_BRANCH_OK);
	EXPECT_STR(decoded(w), "bcl 16,lt,0x00008ffc", "bdnzl at the reach%s", "");
	w = UNTOUCHED;
	CU_ASSERT_EQUAL(ppc_insn_bc(PPC_BO_DZ, 0, 0, 0x1000, 0x1000 + 0x8000, &w), PPC_BRANCH_OUT_OF_REACH);
	CU_ASSERT_EQUAL(ppc_insn_bc(PPC_BO_DZ, 0, 0, 0x1000, 0x1002, &w), PPC_BRANCH_MISALIGNED);
	EXPECT_EQ(w, UNTOUCHED, "refused bc leaves *out%s", "");
	CU_ASSERT_EQUAL(ppc_insn_bc(PPC_BO_IF_FALSE, 31, 0, 0x9000, 0x1000, &w), PPC_BRANCH_OK);
	EXPECT_STR(decoded(w), "bc 4,4*cr7+so,0xffffffffffff9000", "bc -32 KiB (read at 0x1000)%s", "");
}

static void hash_mmu_formats(void)
{
	CU_ASSERT_EQUAL(ppc_slb_rs(0x5a5, PPC_SLB_VSID_KP), 0x5a5400);
	CU_ASSERT_EQUAL(ppc_slb_rb(0x12345678, 1), 0x18000001);
	CU_ASSERT_EQUAL(ppc_slb_rb(0xfffffffffffff000ull, 0), 0xfffffffff8000000ull);
	/* EA 0x0f80_0000: page index 0xf800, API = its top five bits = 0x1f */
	CU_ASSERT_EQUAL(ppc_hpte_v(0x100, 0x0f800000), 0x100000 | 0x1f << 7 | 1);
	CU_ASSERT_EQUAL(ppc_hash_group_mask(18), 0x7ff);
	/* (VSID ^ page index) & mask, times 8 HPTEs a group */
	CU_ASSERT_EQUAL(ppc_hash_primary_slot(0x100, 0x3000, 0x7ff), (0x100 ^ 3) * 8);
}

PPCPV_SUITE(ppc_insn, "ppc-insn", NULL, NULL,
	{ "ld/lwz/std/stw encodings", encode_loads_stores },
	{ "li/mr/rlwinm encodings", encode_moves },
	{ "mfspr/mtspr encodings", encode_spr_access },
	{ "SPR field round trip for every SPR", spr_field_round_trip },
	{ "instruction and SPR constants", instruction_constants },
	{ "signed 16-bit displacement reach", displacement_reach },
	{ "instruction byte order", byte_order },
	{ "b +32 MiB - 4 and b -32 MiB are built", branch_boundaries },
	{ "b +32 MiB and b -32 MiB - 4 refused, *out untouched", branch_out_of_reach },
	{ "unaligned branches refused, *out untouched", branch_unaligned },
	{ "branches across address wrap-around", branch_wraps },
	{ "branch target ignores AA/LK", branch_target_ignores_flags },
	{ "libopcodes reads the built branches", branch_decodes },
	{ "Book I arithmetic encodings", encode_book1_arith },
	{ "Book I logical and rotate encodings", encode_book1_logical },
	{ "Book I compare, CR and conditional branch encodings", encode_book1_cr },
	{ "hash MMU SLB and HPTE formats", hash_mmu_formats })
