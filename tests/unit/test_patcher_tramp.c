// SPDX-License-Identifier: MIT
/*
 * The trampolines the patcher places in kvm_tmp, for every branch row x
 * family x byte order x register (x rB for mtsrin): every word must decode
 * in the family's dialect, the fix-up slots must read as the model says,
 * the return branch must reach the site + 4, and moving the magic page must
 * move every shared-page access and nothing else.
 */
#include <stdlib.h>
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/emul.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include "../patcher/check.h"
#include "../patcher/model.h"
#include "ppcpv_test.h"

#define FNAME(f) ppcpv_family_name(f)

/* Context of one trampoline for messages: "book3s32 BE mtsrin r30,r31". */
struct tramp_case {
	enum ppcpv_family f;
	int be;
	const struct model_row *row;
	unsigned int rs, rb;
	const struct ppcpv_emul_template *tpl;
	struct ppcpv_config cfg;
	struct model_one one;
	char what[96];
};

static void case_init(struct tramp_case *tc, enum ppcpv_family f, int be,
		      const struct model_row *row, unsigned int c, int64_t ea)
{
	tc->f = f;
	tc->be = be;
	tc->row = row;
	model_reg_case(row, c, &tc->rs, &tc->rb);
	tc->tpl = ppcpv_emul_template(model_word_bits(f), (enum ppcpv_emul_id)row->emul);
	model_config(&tc->cfg, f, be);
	tc->cfg.magic_ea = ea;
	snprintf(tc->what, sizeof(tc->what), "%s %s %s r%u,r%u ea %lld", FNAME(f),
		 ENDIAN_NAME(be), row->name, tc->rs, tc->rb, (long long)ea);
	model_patch_one(&tc->cfg, model_orig_word(row, tc->rs, tc->rb), &tc->one);
}

static int case_placed(struct tramp_case *tc)
{
	EXPECT(tc->tpl != NULL, "%s: no template", tc->what);
	EXPECT(tc->one.rc == 1 && tc->one.site.action == PPCPV_ACTION_BRANCH,
	       "%s: not patched (rc %d, action %u, skip %u)", tc->what, tc->one.rc,
	       tc->one.site.action, tc->one.site.skip);
	return tc->tpl && tc->one.rc == 1 && tc->one.site.action == PPCPV_ACTION_BRANCH;
}

static uint64_t word_addr(const struct tramp_case *tc, unsigned int i)
{
	return tc->one.site.target + 4 * (uint64_t)i;
}

static void decode(const struct tramp_case *tc, unsigned int i, char *out, size_t size)
{
	uint32_t w = model_tramp_word(&tc->one, &tc->cfg, i);

	if (model_disasm(tc->f, tc->be, w, word_addr(tc, i), out, size))
		snprintf(out, size, "(libopcodes failed)");
}

static int is_slot(const struct ppcpv_emul_template *tpl, int i)
{
	return i == tpl->value_slot[0] || i == tpl->value_slot[1] || i == tpl->orig_slot ||
	       i == tpl->branch_slot || i == tpl->sr_index_slot || i == tpl->sr_store_slot;
}

/* 1 if the decoded instruction writes GPR `reg` (first operand of a
 * non-store, non-branch, non-compare, non-move-to instruction). */
static int writes_reg(const char *text, unsigned int reg)
{
	char want[8];
	const char *ops = strchr(text, ' ');

	if (!ops || !strncmp(text, "st", 2) || model_is_branch_text(text) ||
	    !strncmp(text, "cmp", 3) || !strncmp(text, "mt", 2))
		return 0;
	snprintf(want, sizeof(want), "r%u", reg);
	return !strncmp(ops + 1, want, strlen(want)) &&
	       (ops[1 + strlen(want)] == ',' || ops[1 + strlen(want)] == '\0');
}

/* ---- The placed trampoline, slot by slot -------------------------------- */

static void check_every_word_decodes(const struct tramp_case *tc)
{
	char text[MODEL_TEXT_MAX];
	unsigned int i;

	for (i = 0; i < tc->tpl->n_words; i++) {
		decode(tc, i, text, sizeof(text));
		EXPECT(strncmp(text, ".long", 5) && text[0] != '(',
		       "%s: word %u (%#x) does not decode in the %s dialect: %s", tc->what, i,
		       model_tramp_word(&tc->one, &tc->cfg, i), model_dialect(tc->f), text);
	}
}

static void check_template_copied(const struct tramp_case *tc)
{
	unsigned int i;

	/* with the page at -4096 every word that is not a slot is the template's */
	for (i = 0; i < tc->tpl->n_words; i++)
		if (!is_slot(tc->tpl, (int)i))
			EXPECT_EQ(model_tramp_word(&tc->one, &tc->cfg, i), tc->tpl->words[i],
				  "%s: word %u", tc->what, i);
}

static void check_value_slots(const struct tramp_case *tc)
{
	char want[MODEL_TEXT_MAX], got[MODEL_TEXT_MAX];
	int j, n = 0;

	for (j = 0; j < PPCPV_EMUL_MAX_VALUE_SLOTS; j++) {
		if (tc->tpl->value_slot[j] < 0)
			continue;
		n++;
		model_value_text(tc->row, tc->f, tc->cfg.magic_ea, tc->rs, want, sizeof(want));
		decode(tc, (unsigned int)tc->tpl->value_slot[j], got, sizeof(got));
		EXPECT_STR(got, want, "%s: value slot %d", tc->what, tc->tpl->value_slot[j]);
	}
	EXPECT((n > 0) == (tc->row->value != MODEL_VALUE_NONE),
	       "%s: %d value slots, the row %s one", tc->what, n,
	       tc->row->value != MODEL_VALUE_NONE ? "needs" : "has no use for");
}

static void check_orig_slot(const struct tramp_case *tc)
{
	if (tc->tpl->orig_slot < 0)
		return;
	EXPECT_EQ(model_tramp_word(&tc->one, &tc->cfg, (unsigned int)tc->tpl->orig_slot),
		  model_orig_word(tc->row, tc->rs, tc->rb), "%s: orig slot", tc->what);
}

static void check_return_branch(const struct tramp_case *tc)
{
	char text[MODEL_TEXT_MAX];
	uint64_t target = 0;

	EXPECT(tc->tpl->branch_slot >= 0, "%s: no branch slot", tc->what);
	if (tc->tpl->branch_slot < 0)
		return;
	decode(tc, (unsigned int)tc->tpl->branch_slot, text, sizeof(text));
	EXPECT(!strncmp(text, "b ", 2) && model_branch_target(text, &target) &&
	       target == MODEL_ONE_SITE_ADDR + 4,
	       "%s: return branch \"%s\", expected b %#x", tc->what, text, MODEL_ONE_SITE_ADDR + 4);
}

/* Every other branch stays inside the trampoline. */
static void check_internal_branches(const struct tramp_case *tc)
{
	char text[MODEL_TEXT_MAX];
	uint64_t target, start = tc->one.site.target, end = start + 4 * tc->tpl->n_words;
	unsigned int i;

	for (i = 0; i < tc->tpl->n_words; i++) {
		if ((int)i == tc->tpl->branch_slot)
			continue;
		decode(tc, i, text, sizeof(text));
		if (!model_is_branch_text(text))
			continue;
		EXPECT(model_branch_target(text, &target) && target >= start && target < end,
		       "%s: word %u \"%s\" leaves the trampoline", tc->what, i, text);
	}
}

static void check_tmp_tail_untouched(const struct tramp_case *tc)
{
	size_t i, used = (size_t)tc->one.site.tmp_offset + 4 * tc->tpl->n_words;

	EXPECT_EQ(tc->one.site.tmp_size, 4 * tc->tpl->n_words, "%s: tmp_size", tc->what);
	EXPECT_EQ(tc->one.stats.tmp_used, 4 * tc->tpl->n_words, "%s: stats.tmp_used", tc->what);
	for (i = used; i < sizeof(tc->one.tmp); i++)
		if (tc->one.tmp[i] != MODEL_FILL)
			break;
	EXPECT(i == sizeof(tc->one.tmp), "%s: kvm_tmp byte %zu written past the trampoline",
	       tc->what, i);
}

/* mtsrin: sr[rB >> 28] = rS through the offset register. */
static void check_mtsrin_slots(const struct tramp_case *tc)
{
	char want[MODEL_TEXT_MAX], got[MODEL_TEXT_MAX];

	EXPECT(tc->tpl->sr_index_slot >= 0 && tc->tpl->sr_store_slot >= 0,
	       "%s: no mtsrin slots", tc->what);
	if (tc->tpl->sr_index_slot < 0 || tc->tpl->sr_store_slot < 0)
		return;
	model_mtsrin_index_text(tc->rs, tc->rb, want, sizeof(want));
	decode(tc, (unsigned int)tc->tpl->sr_index_slot, got, sizeof(got));
	EXPECT_STR(got, want, "%s: sr index slot", tc->what);
	model_mtsrin_store_text(tc->cfg.magic_ea, tc->rs, tc->rb, want, sizeof(want));
	decode(tc, (unsigned int)tc->tpl->sr_store_slot, got, sizeof(got));
	EXPECT_STR(got, want, "%s: sr store slot", tc->what);
}

/*
 * The two mtsrin words read r30 and r31 as the guest's: r30 must not have
 * been written since entry, and the last write of r31 before them must be
 * its reload from scratch1, with no branch landing in between.
 */
static void check_mtsrin_registers_live(const struct tramp_case *tc)
{
	char text[MODEL_TEXT_MAX], reload[MODEL_TEXT_MAX];
	unsigned int i, slot = (unsigned int)tc->tpl->sr_index_slot;
	int last_r31 = -1;
	uint64_t target;

	if (tc->tpl->sr_index_slot < 0)
		return;
	for (i = 0; i < slot; i++) {
		decode(tc, i, text, sizeof(text));
		EXPECT(!writes_reg(text, 30), "%s: word %u \"%s\" changes r30 before sr[] is written",
		       tc->what, i, text);
		if (writes_reg(text, 31))
			last_r31 = (int)i;
	}
	snprintf(reload, sizeof(reload), "%s r31,%d(0)", model_word_bits(tc->f) == 64 ? "ld" : "lwz",
		 (int)(tc->cfg.magic_ea + PPCPV_SHARED_SCRATCH1));
	EXPECT(last_r31 >= 0, "%s: r31 is never reloaded before the sr index slot", tc->what);
	if (last_r31 < 0)
		return;
	decode(tc, (unsigned int)last_r31, text, sizeof(text));
	EXPECT_STR(text, reload, "%s: last write of r31 before the sr index slot", tc->what);
	for (i = 0; i < tc->tpl->n_words; i++) {
		decode(tc, i, text, sizeof(text));
		if (model_branch_target(text, &target) && (int)i != tc->tpl->branch_slot)
			EXPECT(target <= word_addr(tc, (unsigned int)last_r31) ||
			       target > word_addr(tc, slot),
			       "%s: word %u \"%s\" enters between the r31 reload and the sr slots",
			       tc->what, i, text);
	}
}

static void check_trampoline(struct tramp_case *tc)
{
	if (!case_placed(tc))
		return;
	check_every_word_decodes(tc);
	check_template_copied(tc);
	check_value_slots(tc);
	check_orig_slot(tc);
	check_return_branch(tc);
	check_internal_branches(tc);
	check_tmp_tail_untouched(tc);
	if (tc->row->emul == PPCPV_EMUL_MTSRIN) {
		check_mtsrin_slots(tc);
		check_mtsrin_registers_live(tc);
	}
}

static void tramp_rows(enum ppcpv_family f, int be)
{
	static struct tramp_case tc;
	unsigned int i, c, checked = 0;

	for (i = 0; i < model_row_count; i++) {
		if (!model_row_applies(&model_rows[i], f) ||
		    model_rows[i].action != PPCPV_ACTION_BRANCH)
			continue;
		for (c = 0; c < model_reg_cases(&model_rows[i]); c++) {
			case_init(&tc, f, be, &model_rows[i], c, PPCPV_MAGIC_PAGE_EA);
			check_trampoline(&tc);
			checked++;
		}
	}
	CU_ASSERT(checked > 0);
}
TARGET_TESTS(tramp_rows)

/* ---- A moved magic page -------------------------------------------------- */

/* lwz/stw (D-form) or ld/std (DS-form, XO 0): the accesses that can be
 * relative to the magic page. */
static int is_page_access(uint32_t w)
{
	uint32_t op = w >> 26;

	return op == 32 || op == 36 || ((op == 58 || op == 62) && (w & 3) == 0);
}

static int32_t access_disp(uint32_t w)
{
	int32_t d = (int16_t)(w & 0xffff);

	return (w >> 26) == 58 || (w >> 26) == 62 ? d & ~3 : d;
}

/* Compared with the page at -4096, every shared-page access moves by the
 * same distance and every other word stays, and every RA=0 access lands
 * inside the shared struct. */
static void check_moved(const struct tramp_case *at_default, const struct tramp_case *moved)
{
	int64_t delta = moved->cfg.magic_ea - PPCPV_MAGIC_PAGE_EA;
	unsigned int i;
	uint32_t a, b;

	for (i = 0; i < moved->tpl->n_words; i++) {
		a = model_tramp_word(&at_default->one, &at_default->cfg, i);
		b = model_tramp_word(&moved->one, &moved->cfg, i);
		if (!is_page_access(a)) {
			EXPECT_EQ(b, a, "%s: word %u", moved->what, i);
			continue;
		}
		EXPECT(access_disp(b) - access_disp(a) == delta && (a & ~0xffffu) == (b & ~0xffffu),
		       "%s: word %u %#x, at -4096 %#x: not moved by %lld", moved->what, i, b, a,
		       (long long)delta);
		if (((b >> 16) & 31) == 0)
			EXPECT(access_disp(b) - moved->cfg.magic_ea >= 0 &&
			       access_disp(b) - moved->cfg.magic_ea < PPCPV_SHARED_SIZE,
			       "%s: word %u %#x outside the shared struct", moved->what, i, b);
	}
}

static void tramp_moved_page(enum ppcpv_family f, int be)
{
	static const int64_t eas[] = { 0, 28672, -32768 };
	static struct tramp_case at_default, moved;
	unsigned int i, c, k;

	for (i = 0; i < model_row_count; i++) {
		if (!model_row_applies(&model_rows[i], f) ||
		    model_rows[i].action != PPCPV_ACTION_BRANCH)
			continue;
		for (c = 0; c < model_reg_cases(&model_rows[i]); c++) {
			case_init(&at_default, f, be, &model_rows[i], c, PPCPV_MAGIC_PAGE_EA);
			for (k = 0; k < sizeof(eas) / sizeof(eas[0]); k++) {
				case_init(&moved, f, be, &model_rows[i], c, eas[k]);
				if (!case_placed(&at_default) || !case_placed(&moved))
					continue;
				check_value_slots(&moved);
				if (moved.row->emul == PPCPV_EMUL_MTSRIN)
					check_mtsrin_slots(&moved);
				check_moved(&at_default, &moved);
			}
		}
	}
}
TARGET_TESTS(tramp_moved_page)

/* ---- ppcpv_trampoline_build() ------------------------------------------- */

/* It returns exactly what ppcpv_patch_text() placed. */
static void build_agrees(enum ppcpv_family f, int be)
{
	static struct tramp_case tc;
	uint32_t out[64];
	unsigned int i, c, k;
	int n, rule;

	for (i = 0; i < model_row_count; i++) {
		if (!model_row_applies(&model_rows[i], f) ||
		    model_rows[i].action != PPCPV_ACTION_BRANCH)
			continue;
		for (c = 0; c < model_reg_cases(&model_rows[i]); c++) {
			case_init(&tc, f, be, &model_rows[i], c, PPCPV_MAGIC_PAGE_EA);
			rule = ppcpv_match(f, tc.one.site.orig);
			if (!case_placed(&tc) || rule < 0)
				continue;
			n = ppcpv_trampoline_build(&tc.cfg, (unsigned int)rule, tc.one.site.orig,
						   MODEL_ONE_SITE_ADDR, MODEL_ONE_TMP_ADDR, out, 64);
			EXPECT_EQ(n, tc.tpl->n_words, "%s: words built", tc.what);
			for (k = 0; n > 0 && k < (unsigned int)n && k < 64; k++)
				EXPECT_EQ(out[k], model_tramp_word(&tc.one, &tc.cfg, k), "%s: word %u",
					  tc.what, k);
		}
	}
}
TARGET_TESTS(build_agrees)

static int first_branch_rule(enum ppcpv_family f, uint32_t *insn)
{
	unsigned int i;

	for (i = 0; i < model_row_count; i++)
		if (model_row_applies(&model_rows[i], f) &&
		    model_rows[i].action == PPCPV_ACTION_BRANCH && model_rows[i].regs == MODEL_REGS_RT) {
			*insn = model_orig_word(&model_rows[i], 3, 0);
			return ppcpv_match(f, *insn);
		}
	return -1;
}

static void build_rejects(enum ppcpv_family f)
{
	struct ppcpv_config cfg;
	uint32_t out[64], insn = 0;
	int rule = first_branch_rule(f, &insn);
	int load_rule = ppcpv_match(f, 0x7c6000a6);	/* mfmsr r3 */
	const uint64_t chunk = 0x10000000;

	model_config(&cfg, f, 1);
	CU_ASSERT_FATAL(rule >= 0 && load_rule >= 0);
	memset(out, 0x5a, sizeof(out));
	EXPECT_EQ(ppcpv_trampoline_build(&cfg, (unsigned int)rule, insn, chunk - 64, chunk, out, 4),
		  -PPCPV_ERR_NOSPACE, "%s: cap 4", FNAME(f));
	EXPECT_EQ(ppcpv_trampoline_build(&cfg, (unsigned int)load_rule, 0x7c6000a6, chunk - 64,
					 chunk, out, 64), -PPCPV_ERR_INVAL, "%s: load rule", FNAME(f));
	EXPECT_EQ(ppcpv_trampoline_build(&cfg, (unsigned int)rule, MODEL_FILLER_BEFORE, chunk - 64,
					 chunk, out, 64), -PPCPV_ERR_INVAL, "%s: foreign word", FNAME(f));
	/* the return branch from the chunk cannot reach a site 64 MiB below */
	EXPECT_EQ(ppcpv_trampoline_build(&cfg, (unsigned int)rule, insn, chunk - 0x4000000, chunk,
					 out, 64), -PPCPV_ERR_RANGE, "%s: far site", FNAME(f));
}
FAMILY_TESTS(build_rejects)

/* The value-slot encodings the reference gives for rS = r9, r30, r31 and
 * wrteei 1, as hex. */
static void reference_value_slots(void)
{
	static const struct {
		enum ppcpv_family f;
		uint32_t orig, expected;
	} ex[] = {
		{ PPCPV_FAMILY_BOOK3S64, 0x7d200124, 0x613e0000 },	/* mtmsr r9: mr r30,r9 */
		{ PPCPV_FAMILY_BOOK3S64, 0x7fc00124, 0xebc0f008 },	/* r30: ld r30,-4088(0) */
		{ PPCPV_FAMILY_BOOK3S64, 0x7fe00124, 0xebc0f000 },	/* r31: ld r30,-4096(0) */
		{ PPCPV_FAMILY_BOOK3S32, 0x7fc00124, 0x83c0f008 },	/* r30: lwz r30,-4088(0) */
		{ PPCPV_FAMILY_BOOK3S32, 0x7fe00124, 0x83c0f000 },	/* r31: lwz r30,-4096(0) */
		{ PPCPV_FAMILY_E500, 0x7c008146, 0x3bc08000 },		/* wrteei 1: li r30,-32768 */
	};
	static struct tramp_case tc;
	unsigned int i;
	int rule;

	for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
		rule = ppcpv_match(ex[i].f, ex[i].orig);
		CU_ASSERT_FATAL(rule >= 0);
		model_config(&tc.cfg, ex[i].f, 1);
		model_patch_one(&tc.cfg, ex[i].orig, &tc.one);
		tc.tpl = ppcpv_emul_template(model_word_bits(ex[i].f),
					     (enum ppcpv_emul_id)ppcpv_rules[rule].emul);
		CU_ASSERT_FATAL(tc.one.rc == 1 && tc.tpl && tc.tpl->value_slot[0] >= 0);
		EXPECT_EQ(model_tramp_word(&tc.one, &tc.cfg, (unsigned int)tc.tpl->value_slot[0]),
			  ex[i].expected, "%s: %#x", FNAME(ex[i].f), ex[i].orig);
	}
}

PPCPV_SUITE(patcher_tramp, "patcher-trampolines", NULL, NULL,
	TARGET_ENTRIES("every branch row x register: the placed trampoline", tramp_rows),
	TARGET_ENTRIES("a moved magic page moves every shared-page access", tramp_moved_page),
	TARGET_ENTRIES("ppcpv_trampoline_build gives the placed words", build_agrees),
	FAMILY_ENTRIES("ppcpv_trampoline_build rejects bad requests", build_rejects),
	{ "the reference's value-slot encodings", reference_value_slots })
