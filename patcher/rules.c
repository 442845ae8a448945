// SPDX-License-Identifier: MIT
/*
 * The patch rules: ONE declarative table.  A row says which instruction
 * words it matches (match/mask: the register field of mfspr/mtspr/mfmsr is
 * masked out), in which CPU families, under which magic-page feature bit,
 * and what the site becomes: a load or store of a shared-page field, a nop,
 * or a branch to a trampoline template.  Adding a pattern is adding a row.
 */
#include <ppcpv/abi.h>
#include <ppcpv/patcher.h>
#include <ppcpv/ppc_insn.h>

#define B64	PPCPV_FAMILY_BIT(PPCPV_FAMILY_BOOK3S64)
#define B32	PPCPV_FAMILY_BIT(PPCPV_FAMILY_BOOK3S32)
#define E500	PPCPV_FAMILY_BIT(PPCPV_FAMILY_E500)
#define BOOK3S	(B64 | B32)
#define ALL	(B64 | B32 | E500)

#define FEAT_SR		PPCPV_MAGIC_FEAT_SR
#define FEAT_HI		PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7

#define ANY_RT	(~PPC_RT_MASK)			/* rT/rS is free */
#define ANY_RS_RB (~(PPC_RT_MASK | PPC_RB_MASK))	/* mtsrin: rS and rB are free */
#define EXACT	0xffffffffu

#define MFSPR(spr)	(PPC_INST_MFSPR | PPC_FIELD_SPR(spr))
#define MTSPR(spr)	(PPC_INST_MTSPR | PPC_FIELD_SPR(spr))

#define LOAD(nm, word, fam, feat, w, fld) \
	{ nm, word, ANY_RT, PPCPV_KIND_MFSPR, fam, feat, PPCPV_ACTION_LOAD, \
	  PPCPV_WIDTH_##w, 0, 0, PPCPV_SHARED_##fld }
#define STORE(nm, word, fam, feat, w, fld) \
	{ nm, word, ANY_RT, PPCPV_KIND_MTSPR, fam, feat, PPCPV_ACTION_STORE, \
	  PPCPV_WIDTH_##w, 0, 0, PPCPV_SHARED_##fld }
#define BRANCH(nm, word, mask, kind, fam, feat, operand, emul) \
	{ nm, word, mask, PPCPV_KIND_##kind, fam, feat, PPCPV_ACTION_BRANCH, \
	  PPCPV_WIDTH_NONE, PPCPV_OPERAND_##operand, PPCPV_EMUL_##emul, 0 }

/* MAS3 is the low word of mas7_3, MAS7 the high word, on every width. */
#define PPCPV_SHARED_MAS3	(PPCPV_SHARED_MAS7_3 + PPCPV_SHARED_U64_LOW_WORD)
#define PPCPV_SHARED_MAS7	PPCPV_SHARED_MAS7_3

const struct ppcpv_rule ppcpv_rules[] = {
	/* mfmsr: the virtual MSR lives in the shared page */
	{ "mfmsr", PPC_INST_MFMSR, ANY_RT, PPCPV_KIND_MFMSR, ALL, 0, PPCPV_ACTION_LOAD,
	  PPCPV_WIDTH_U64, 0, 0, PPCPV_SHARED_MSR },

	/* mfspr: registers the host keeps only in the shared page */
	LOAD("mfspr SPRG0", MFSPR(SPRN_SPRG0),     ALL,    0,       U64, SPRG0),
	LOAD("mfspr SPRG1", MFSPR(SPRN_SPRG0 + 1), ALL,    0,       U64, SPRG1),
	LOAD("mfspr SPRG2", MFSPR(SPRN_SPRG0 + 2), ALL,    0,       U64, SPRG2),
	LOAD("mfspr SPRG3", MFSPR(SPRN_SPRG0 + 3), ALL,    0,       U64, SPRG3),
	LOAD("mfspr SRR0",  MFSPR(SPRN_SRR0),      ALL,    0,       U64, SRR0),
	LOAD("mfspr SRR1",  MFSPR(SPRN_SRR1),      ALL,    0,       U64, SRR1),
	LOAD("mfspr DAR",   MFSPR(SPRN_DAR),       BOOK3S, 0,       U64, DAR),
	LOAD("mfspr DEAR",  MFSPR(SPRN_DEAR),      E500,   0,       U64, DAR),
	LOAD("mfspr DSISR", MFSPR(SPRN_DSISR),     ALL,    0,       U32, DSISR),
	LOAD("mfspr SPRG4", MFSPR(SPRN_SPRG4),     ALL,    FEAT_HI, U64, SPRG4),
	LOAD("mfspr SPRG5", MFSPR(SPRN_SPRG4 + 1), ALL,    FEAT_HI, U64, SPRG5),
	LOAD("mfspr SPRG6", MFSPR(SPRN_SPRG4 + 2), ALL,    FEAT_HI, U64, SPRG6),
	LOAD("mfspr SPRG7", MFSPR(SPRN_SPRG4 + 3), ALL,    FEAT_HI, U64, SPRG7),
	LOAD("mfspr SPRG4R", MFSPR(SPRN_SPRG4R),     E500, FEAT_HI, U64, SPRG4),
	LOAD("mfspr SPRG5R", MFSPR(SPRN_SPRG4R + 1), E500, FEAT_HI, U64, SPRG5),
	LOAD("mfspr SPRG6R", MFSPR(SPRN_SPRG4R + 2), E500, FEAT_HI, U64, SPRG6),
	LOAD("mfspr SPRG7R", MFSPR(SPRN_SPRG4R + 3), E500, FEAT_HI, U64, SPRG7),
	LOAD("mfspr ESR",   MFSPR(SPRN_ESR),       E500,   FEAT_HI, U32, ESR),
	LOAD("mfspr PIR",   MFSPR(SPRN_PIR),       BOOK3S, FEAT_HI, U32, PIR),
	LOAD("mfspr PIR",   MFSPR(SPRN_PIR_BOOKE), E500,   FEAT_HI, U32, PIR),
	LOAD("mfspr MAS0",  MFSPR(SPRN_MAS0),      E500,   FEAT_HI, U32, MAS0),
	LOAD("mfspr MAS1",  MFSPR(SPRN_MAS1),      E500,   FEAT_HI, U32, MAS1),
	LOAD("mfspr MAS2",  MFSPR(SPRN_MAS2),      E500,   FEAT_HI, U64, MAS2),
	LOAD("mfspr MAS3",  MFSPR(SPRN_MAS3),      E500,   FEAT_HI, U32, MAS3),
	LOAD("mfspr MAS4",  MFSPR(SPRN_MAS4),      E500,   FEAT_HI, U32, MAS4),
	LOAD("mfspr MAS6",  MFSPR(SPRN_MAS6),      E500,   FEAT_HI, U32, MAS6),
	LOAD("mfspr MAS7",  MFSPR(SPRN_MAS7),      E500,   FEAT_HI, U32, MAS7),

	/* mtspr: the same registers, written to the shared page */
	STORE("mtspr SPRG0", MTSPR(SPRN_SPRG0),     ALL,    0,       U64, SPRG0),
	STORE("mtspr SPRG1", MTSPR(SPRN_SPRG0 + 1), ALL,    0,       U64, SPRG1),
	STORE("mtspr SPRG2", MTSPR(SPRN_SPRG0 + 2), ALL,    0,       U64, SPRG2),
	STORE("mtspr SPRG3", MTSPR(SPRN_SPRG0 + 3), ALL,    0,       U64, SPRG3),
	STORE("mtspr SRR0",  MTSPR(SPRN_SRR0),      ALL,    0,       U64, SRR0),
	STORE("mtspr SRR1",  MTSPR(SPRN_SRR1),      ALL,    0,       U64, SRR1),
	STORE("mtspr DAR",   MTSPR(SPRN_DAR),       BOOK3S, 0,       U64, DAR),
	STORE("mtspr DEAR",  MTSPR(SPRN_DEAR),      E500,   0,       U64, DAR),
	STORE("mtspr DSISR", MTSPR(SPRN_DSISR),     ALL,    0,       U32, DSISR),
	STORE("mtspr SPRG4", MTSPR(SPRN_SPRG4),     ALL,    FEAT_HI, U64, SPRG4),
	STORE("mtspr SPRG5", MTSPR(SPRN_SPRG4 + 1), ALL,    FEAT_HI, U64, SPRG5),
	STORE("mtspr SPRG6", MTSPR(SPRN_SPRG4 + 2), ALL,    FEAT_HI, U64, SPRG6),
	STORE("mtspr SPRG7", MTSPR(SPRN_SPRG4 + 3), ALL,    FEAT_HI, U64, SPRG7),
	STORE("mtspr ESR",   MTSPR(SPRN_ESR),       E500,   FEAT_HI, U32, ESR),
	STORE("mtspr MAS0",  MTSPR(SPRN_MAS0),      E500,   FEAT_HI, U32, MAS0),
	STORE("mtspr MAS1",  MTSPR(SPRN_MAS1),      E500,   FEAT_HI, U32, MAS1),
	STORE("mtspr MAS2",  MTSPR(SPRN_MAS2),      E500,   FEAT_HI, U64, MAS2),
	STORE("mtspr MAS3",  MTSPR(SPRN_MAS3),      E500,   FEAT_HI, U32, MAS3),
	STORE("mtspr MAS4",  MTSPR(SPRN_MAS4),      E500,   FEAT_HI, U32, MAS4),
	STORE("mtspr MAS6",  MTSPR(SPRN_MAS6),      E500,   FEAT_HI, U32, MAS6),
	STORE("mtspr MAS7",  MTSPR(SPRN_MAS7),      E500,   FEAT_HI, U32, MAS7),

	/* tlbsync: the host keeps no TLB the guest must wait for */
	{ "tlbsync", PPC_INST_TLBSYNC, EXACT, PPCPV_KIND_TLBSYNC, ALL, 0, PPCPV_ACTION_NOP,
	  PPCPV_WIDTH_NONE, 0, 0, 0 },

	/* MSR writers: trampolines emulate the safe bits, trap otherwise.
	 * mtmsrd exists only on 64-bit Book3S. */
	BRANCH("mtmsrd L=1", PPC_INST_MTMSRD_L1, ANY_RT, MTMSRD_L1, B64, 0, RS, MTMSRD_L1),
	BRANCH("mtmsr", PPC_INST_MTMSR, ANY_RT, MTMSR, ALL, 0, RS, MTMSR),
	BRANCH("mtmsrd L=0", PPC_INST_MTMSRD, ANY_RT, MTMSRD_L0, B64, 0, RS, MTMSR),
	BRANCH("wrtee", PPC_INST_WRTEE, ANY_RT, WRTEE, E500, 0, RS, WRTEE),
	BRANCH("wrteei 1", PPC_INST_WRTEEI | PPC_INST_WRTEEI_E, EXACT, WRTEEI_1, E500, 0,
	       EE_SET, WRTEE),
	BRANCH("wrteei 0", PPC_INST_WRTEEI, EXACT, WRTEEI_0, E500, 0, RS, WRTEEI0),

	/* mtsrin: real-mode segment register writes land in sr[] */
	BRANCH("mtsrin", PPC_INST_MTSRIN, ANY_RS_RB, MTSRIN, B32, FEAT_SR, RS, MTSRIN),
};

const unsigned int ppcpv_rule_count = sizeof(ppcpv_rules) / sizeof(ppcpv_rules[0]);

int ppcpv_match(enum ppcpv_family family, uint32_t insn)
{
	unsigned int bit, i;

	if ((unsigned int)family >= PPCPV_FAMILY_COUNT)
		return -1;
	bit = PPCPV_FAMILY_BIT(family);
	for (i = 0; i < ppcpv_rule_count; i++) {
		const struct ppcpv_rule *r = &ppcpv_rules[i];

		if ((r->families & bit) && (insn & r->mask) == r->match)
			return (int)i;
	}
	return -1;
}
