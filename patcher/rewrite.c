// SPDX-License-Identifier: MIT
/*
 * What a site becomes: the replacement word of a load/store/nop rule, and
 * the instantiated trampoline of a branch rule.  One generic fix-up pass
 * serves every template; the template data (kvm_emul) says where the slots
 * are.
 */
#include <stddef.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include <ppcpv/isa/insn.h>
#include "internal.h"

/* Trampolines use r30/r31 as scratch; these are their numbers. */
#define SCRATCH_R30 30
#define SCRATCH_R31 31

static int64_t field_disp(const struct ppcpv_config *cfg, unsigned int offset)
{
	return cfg->magic_ea + (int64_t)offset;
}

/* Load (or store) register rt from/to a shared-page field of a width. */
static uint32_t field_access(const struct ppcpv_config *cfg, int store,
			     enum ppcpv_width width, unsigned int offset, unsigned int rt)
{
	int64_t d = field_disp(cfg, offset);

	if (width == PPCPV_WIDTH_U64 && cfg->word_bits == 64)
		return store ? ppc_insn_std(rt, 0, (int32_t)d) : ppc_insn_ld(rt, 0, (int32_t)d);
	if (width == PPCPV_WIDTH_U64)
		d += PPCPV_SHARED_U64_LOW_WORD;
	return store ? ppc_insn_stw(rt, 0, (int32_t)d) : ppc_insn_lwz(rt, 0, (int32_t)d);
}

/* Reload a native-width scratch slot (saved at +0 on every width). */
static uint32_t scratch_reload(const struct ppcpv_config *cfg, unsigned int rt,
			       unsigned int offset)
{
	int32_t d = (int32_t)field_disp(cfg, offset);

	return cfg->word_bits == 64 ? ppc_insn_ld(rt, 0, d) : ppc_insn_lwz(rt, 0, d);
}

static const struct ppcpv_rule *rule_for(const struct ppcpv_config *cfg, unsigned int rule,
					 uint32_t insn)
{
	const struct ppcpv_rule *r;

	if (ppcpv_config_check(cfg) || rule >= ppcpv_rule_count)
		return NULL;
	r = &ppcpv_rules[rule];
	if ((insn & r->mask) != r->match)
		return NULL;
	return r;
}

int ppcpv_rewrite_word(const struct ppcpv_config *cfg, unsigned int rule,
		       uint32_t insn, uint32_t *out)
{
	const struct ppcpv_rule *r = rule_for(cfg, rule, insn);

	if (!r || !out)
		return -PPCPV_ERR_INVAL;
	switch (r->action) {
	case PPCPV_ACTION_LOAD:
	case PPCPV_ACTION_STORE:
		*out = field_access(cfg, r->action == PPCPV_ACTION_STORE,
				    (enum ppcpv_width)r->width, r->field, PPC_GET_RT(insn));
		return 0;
	case PPCPV_ACTION_NOP:
		*out = PPC_INST_NOP;
		return 0;
	default:
		return -PPCPV_ERR_INVAL;
	}
}

/*
 * The word that puts the instruction's operand into r30.  r30 and r31 are
 * already the trampoline's scratch registers there: their guest values are
 * reloaded from the slots the prologue saved them in.
 */
static uint32_t value_word(const struct ppcpv_config *cfg, const struct ppcpv_rule *r,
			   uint32_t insn)
{
	unsigned int rs = PPC_GET_RT(insn);

	if (r->operand == PPCPV_OPERAND_EE_SET)
		return ppc_insn_li(SCRATCH_R30, PPC_MSR_EE);
	if (rs == SCRATCH_R30)
		return scratch_reload(cfg, SCRATCH_R30, PPCPV_SHARED_SCRATCH2);
	if (rs == SCRATCH_R31)
		return scratch_reload(cfg, SCRATCH_R30, PPCPV_SHARED_SCRATCH1);
	return ppc_insn_mr(SCRATCH_R30, rs);
}

/* Move a magic-page-relative displacement from -4096 to cfg->magic_ea. */
static uint32_t relocate_disp(const struct ppcpv_config *cfg, uint32_t word)
{
	unsigned int op = PPC_OPCD(word);
	uint32_t mask = (op == PPC_OP_LD || op == PPC_OP_STD) ? PPC_DS_MASK : PPC_D_MASK;
	int32_t d = (int16_t)(word & mask);

	d += (int32_t)(cfg->magic_ea - PPCPV_MAGIC_PAGE_EA);
	return (word & ~mask) | ((uint32_t)d & mask);
}

/*
 * mtsrin real-mode path: r30 = (rB >> 28) * 4 indexes sr[], then rS is
 * stored there.  The template has reloaded the guest's r31, so both scratch
 * registers hold guest values; the offset goes to whichever one is not rS.
 */
static void fix_mtsrin(const struct ppcpv_emul_template *t, uint32_t insn, uint32_t *out)
{
	unsigned int rs = PPC_GET_RT(insn), rb = PPC_GET_RB(insn);
	unsigned int off = rs == SCRATCH_R30 ? SCRATCH_R31 : SCRATCH_R30;
	uint32_t *idx = &out[t->sr_index_slot], *st = &out[t->sr_store_slot];

	*idx = (*idx & ~(PPC_RT_MASK | PPC_RA_MASK)) | PPC_FIELD_RT(rb) | PPC_FIELD_RA(off);
	*st = (*st & ~(PPC_RT_MASK | PPC_RA_MASK)) | PPC_FIELD_RT(rs) | PPC_FIELD_RA(off);
}

/* The ISA's branch builder, in the patcher's error convention. */
static int ppcpv_branch(uint64_t from, uint64_t target, uint32_t *out)
{
	switch (ppc_insn_branch(from, target, out)) {
	case PPC_BRANCH_OK:
		return 0;
	case PPC_BRANCH_MISALIGNED:
		return -PPCPV_ERR_ALIGN;
	default:
		return -PPCPV_ERR_RANGE;
	}
}

static int slot_ok(const struct ppcpv_emul_template *t, int slot)
{
	return slot >= 0 && slot < (int)t->n_words;
}

int ppcpv_trampoline_build(const struct ppcpv_config *cfg, unsigned int rule,
			   uint32_t insn, uint64_t site, uint64_t chunk,
			   uint32_t *out, size_t cap)
{
	const struct ppcpv_rule *r = rule_for(cfg, rule, insn);
	const struct ppcpv_emul_template *t;
	unsigned int i;
	int err;

	if (!r || !out || r->action != PPCPV_ACTION_BRANCH)
		return -PPCPV_ERR_INVAL;
	t = ppcpv_emul_template(cfg->word_bits, (enum ppcpv_emul_id)r->emul);
	if (!t || !slot_ok(t, t->branch_slot))
		return -PPCPV_ERR_INVAL;
	if (cap < t->n_words)
		return -PPCPV_ERR_NOSPACE;
	for (i = 0; i < t->n_words; i++)
		out[i] = t->words[i];
	for (i = 0; i < t->n_magic; i++)
		out[t->magic_slot[i]] = relocate_disp(cfg, out[t->magic_slot[i]]);
	for (i = 0; i < PPCPV_EMUL_MAX_VALUE_SLOTS; i++)
		if (slot_ok(t, t->value_slot[i]))
			out[t->value_slot[i]] = value_word(cfg, r, insn);
	if (slot_ok(t, t->orig_slot))
		out[t->orig_slot] = insn;
	if (slot_ok(t, t->sr_index_slot) && slot_ok(t, t->sr_store_slot))
		fix_mtsrin(t, insn, out);
	err = ppcpv_branch(chunk + 4u * (uint64_t)t->branch_slot, site + 4, &out[t->branch_slot]);
	return err ? err : (int)t->n_words;
}

/* Bytes the trampoline of a branch rule occupies, or 0. */
size_t ppcpv_trampoline_size(const struct ppcpv_config *cfg, const struct ppcpv_rule *r)
{
	const struct ppcpv_emul_template *t;

	t = ppcpv_emul_template(cfg->word_bits, (enum ppcpv_emul_id)r->emul);
	return t ? 4u * t->n_words : 0;
}

/* Offset of the return branch inside the trampoline of r. */
size_t ppcpv_trampoline_branch_offset(const struct ppcpv_config *cfg, const struct ppcpv_rule *r)
{
	const struct ppcpv_emul_template *t;

	t = ppcpv_emul_template(cfg->word_bits, (enum ppcpv_emul_id)r->emul);
	return t && t->branch_slot >= 0 ? 4u * (size_t)t->branch_slot : 0;
}
