// SPDX-License-Identifier: MIT
/*
 * The patch rules: ONE declarative table.  A row says which instruction
 * words it matches (match/mask: the register field of mfspr/mtspr/mfmsr is
 * masked out), in which CPU families, under which magic-page feature bit,
 * and what the site becomes: a load or store of a shared-page field, a nop,
 * or a branch to a trampoline template.  Adding a pattern is adding a row;
 * the SPR rows come from the one SPR-to-field table, ppcpv/shared-spr.h.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/patcher.h>
#include <ppcpv/shared-spr.h>

#define B64	PPCPV_FAMILY_BIT(PPCPV_FAMILY_BOOK3S64)
#define B32	PPCPV_FAMILY_BIT(PPCPV_FAMILY_BOOK3S32)
#define E500	PPCPV_FAMILY_BIT(PPCPV_FAMILY_E500)
#define ALL	PPCPV_FAMILIES_ALL

#define FEAT_SR		PPCPV_MAGIC_FEAT_SR

#define ANY_RT	(~PPC_RT_MASK)			/* rT/rS is free */
#define ANY_RS_RB (~(PPC_RT_MASK | PPC_RB_MASK))	/* mtsrin: rS and rB are free */
#define EXACT	0xffffffffu

/* The shared-page SPRs (ppcpv/shared-spr.h): a load for every row, a store
 * for every writable one. */
#define LOAD(nm, spr, fam, feat, access, w, fld) \
	{ "mfspr " nm, PPC_INST_MFSPR | PPC_FIELD_SPR(spr), ANY_RT, PPCPV_KIND_MFSPR, fam, feat, \
	  PPCPV_ACTION_LOAD, PPCPV_WIDTH_##w, 0, 0, fld },
#define STORE(nm, spr, fam, feat, access, w, fld) STORE_##access(nm, spr, fam, feat, w, fld)
#define STORE_RO(nm, spr, fam, feat, w, fld)
#define STORE_RW(nm, spr, fam, feat, w, fld) \
	{ "mtspr " nm, PPC_INST_MTSPR | PPC_FIELD_SPR(spr), ANY_RT, PPCPV_KIND_MTSPR, fam, feat, \
	  PPCPV_ACTION_STORE, PPCPV_WIDTH_##w, 0, 0, fld },
#define BRANCH(nm, word, mask, kind, fam, feat, operand, emul) \
	{ nm, word, mask, PPCPV_KIND_##kind, fam, feat, PPCPV_ACTION_BRANCH, \
	  PPCPV_WIDTH_NONE, PPCPV_OPERAND_##operand, PPCPV_EMUL_##emul, 0 }

const struct ppcpv_rule ppcpv_rules[] = {
	/* mfmsr: the virtual MSR lives in the shared page */
	{ "mfmsr", PPC_INST_MFMSR, ANY_RT, PPCPV_KIND_MFMSR, ALL, 0, PPCPV_ACTION_LOAD,
	  PPCPV_WIDTH_U64, 0, 0, PPCPV_SHARED_MSR },

	/* mfspr: registers the host keeps only in the shared page */
	PPCPV_SHARED_SPRS(LOAD)

	/* mtspr: the same registers, written to the shared page */
	PPCPV_SHARED_SPRS(STORE)

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
