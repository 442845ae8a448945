// SPDX-License-Identifier: MIT
/*
 * The patcher against the tests' model (tests/patcher/model.c), row by
 * row: every family x byte order x rewritten instruction x register
 * (r0, r1, r29, r30, r31).  The replacement is judged by libopcodes, which
 * must decode the word in the buffer to the model's text.
 */
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include "../patcher/check.h"
#include "../patcher/model.h"
#include "ppcpv_test.h"

#define FNAME(f) ppcpv_family_name(f)

static int tmp_untouched(const struct model_one *one)
{
	size_t i;

	for (i = 0; i < sizeof(one->tmp); i++)
		if (one->tmp[i] != MODEL_FILL)
			return 0;
	return 1;
}

static int neighbours_untouched(const struct model_one *one, int be)
{
	return model_get_word(one->text, be) == MODEL_FILLER_BEFORE &&
	       model_get_word(one->text + 8, be) == MODEL_FILLER_AFTER;
}

/* The site record and the buffer after patching one applied row. */
static void check_applied(enum ppcpv_family f, int be, const struct model_row *row,
			  unsigned int rs, unsigned int rb, const struct model_one *one)
{
	const char *fam = FNAME(f), *e = ENDIAN_NAME(be);
	uint32_t orig = model_orig_word(row, rs, rb);
	const struct ppcpv_site *s = &one->site;

	EXPECT_EQ(one->rc, 1, "%s %s %s r%u,r%u: sites found", fam, e, row->name, rs, rb);
	if (one->rc != 1)
		return;
	EXPECT_EQ(s->addr, MODEL_ONE_SITE_ADDR, "%s %s %s r%u", fam, e, row->name, rs);
	EXPECT_EQ(s->orig, orig, "%s %s %s r%u", fam, e, row->name, rs);
	EXPECT_EQ(s->action, row->action, "%s %s %s r%u", fam, e, row->name, rs);
	EXPECT_EQ(s->skip, PPCPV_SKIP_NONE, "%s %s %s r%u", fam, e, row->name, rs);
	EXPECT(s->rule < ppcpv_rule_count, "%s %s %s: rule index %u", fam, e, row->name, s->rule);
	if (s->rule < ppcpv_rule_count) {
		EXPECT_STR(ppcpv_rules[s->rule].name, row->name, "%s %s rule of %#x", fam, e, orig);
		EXPECT_EQ(ppcpv_rules[s->rule].kind, row->kind, "%s %s %s", fam, e, row->name);
	}
	EXPECT_EQ(model_get_word(one->text + 4, be), s->new_word,
		  "%s %s %s r%u: word in the buffer", fam, e, row->name, rs);
	EXPECT(neighbours_untouched(one, be), "%s %s %s r%u: neighbours changed",
	       fam, e, row->name, rs);
	EXPECT_EQ(one->stats.patched, 1, "%s %s %s", fam, e, row->name);
	EXPECT_EQ(one->stats.sites, 1, "%s %s %s", fam, e, row->name);
}

/* A LOAD/STORE/NOP row: libopcodes must read the model's text. */
static void check_rewrite_text(enum ppcpv_family f, int be, const struct model_row *row,
			       unsigned int rs, const struct model_one *one, int64_t ea)
{
	char want[MODEL_TEXT_MAX], got[MODEL_TEXT_MAX];
	const char *fam = FNAME(f), *e = ENDIAN_NAME(be);

	model_new_text(row, f, ea, rs, want, sizeof(want));
	EXPECT_EQ(model_disasm(f, be, one->site.new_word, MODEL_ONE_SITE_ADDR, got, sizeof(got)), 0,
		  "%s %s %s: libopcodes", fam, e, row->name);
	EXPECT_STR(got, want, "%s %s %s r%u (word %#x)", fam, e, row->name, rs, one->site.new_word);
	EXPECT_EQ(one->site.target, 0, "%s %s %s r%u", fam, e, row->name, rs);
	EXPECT(tmp_untouched(one), "%s %s %s r%u: kvm_tmp written", fam, e, row->name, rs);
}

/* A BRANCH row: the site word is `b` to the first trampoline in kvm_tmp. */
static void check_branch_site(enum ppcpv_family f, int be, const struct model_row *row,
			      unsigned int rs, const struct model_one *one)
{
	char got[MODEL_TEXT_MAX];
	const char *fam = FNAME(f), *e = ENDIAN_NAME(be);
	uint64_t target = 0;

	EXPECT_EQ(one->site.tmp_offset, 0, "%s %s %s r%u: first trampoline", fam, e, row->name, rs);
	EXPECT_EQ(one->site.target, MODEL_ONE_TMP_ADDR, "%s %s %s r%u", fam, e, row->name, rs);
	model_disasm(f, be, one->site.new_word, MODEL_ONE_SITE_ADDR, got, sizeof(got));
	EXPECT(!strncmp(got, "b ", 2) && model_branch_target(got, &target) &&
	       target == MODEL_ONE_TMP_ADDR,
	       "%s %s %s r%u: site word %#x decodes to \"%s\", expected b %#x",
	       fam, e, row->name, rs, one->site.new_word, got, MODEL_ONE_TMP_ADDR);
}

static void rows_rewrite(enum ppcpv_family f, int be)
{
	struct ppcpv_config cfg;
	static struct model_one one;
	unsigned int i, c, rs, rb;

	model_config(&cfg, f, be);
	for (i = 0; i < model_row_count; i++) {
		const struct model_row *row = &model_rows[i];

		if (!model_row_applies(row, f))
			continue;
		for (c = 0; c < model_reg_cases(row); c++) {
			model_reg_case(row, c, &rs, &rb);
			model_patch_one(&cfg, model_orig_word(row, rs, rb), &one);
			check_applied(f, be, row, rs, rb, &one);
			if (one.rc != 1)
				continue;
			if (row->action == PPCPV_ACTION_BRANCH)
				check_branch_site(f, be, row, rs, &one);
			else
				check_rewrite_text(f, be, row, rs, &one, PPCPV_MAGIC_PAGE_EA);
		}
	}
}
TARGET_TESTS(rows_rewrite)

/* Rows of other families: not a site, nothing written. */
static void rows_other_families(enum ppcpv_family f, int be)
{
	struct ppcpv_config cfg;
	static struct model_one one;
	unsigned int i, c, rs, rb, tried = 0;
	uint32_t w;

	model_config(&cfg, f, be);
	for (i = 0; i < model_row_count; i++) {
		const struct model_row *row = &model_rows[i];

		if (model_row_applies(row, f))
			continue;
		for (c = 0; c < model_reg_cases(row); c++) {
			model_reg_case(row, c, &rs, &rb);
			w = model_orig_word(row, rs, rb);
			if (model_find(f, w))	/* the same word is a row of f too */
				continue;
			tried++;
			model_patch_one(&cfg, w, &one);
			EXPECT_EQ(one.rc, 0, "%s %s: %s r%u is not a site", FNAME(f),
				  ENDIAN_NAME(be), row->name, rs);
			EXPECT_EQ(model_get_word(one.text + 4, be), w, "%s %s: %s r%u untouched",
				  FNAME(f), ENDIAN_NAME(be), row->name, rs);
			EXPECT(tmp_untouched(&one), "%s: %s wrote kvm_tmp", FNAME(f), row->name);
		}
	}
	CU_ASSERT(tried > 0);
}
TARGET_TESTS(rows_other_families)

/* Feature-gated rows without their bit: found, skipped, nothing written. */
static void check_feature_skip(enum ppcpv_family f, int be, const struct model_row *row,
			       unsigned int rs, uint32_t features, const struct model_one *one)
{
	const char *fam = FNAME(f), *e = ENDIAN_NAME(be);
	uint32_t w = model_orig_word(row, rs, 0);

	EXPECT_EQ(one->rc, 1, "%s %s %s features %#x", fam, e, row->name, features);
	EXPECT_EQ(one->site.action, PPCPV_ACTION_SKIP, "%s %s %s features %#x", fam, e,
		  row->name, features);
	EXPECT_EQ(one->site.skip, PPCPV_SKIP_FEATURE, "%s %s %s features %#x", fam, e,
		  row->name, features);
	EXPECT_EQ(one->site.new_word, w, "%s %s %s: skipped new_word", fam, e, row->name);
	EXPECT_EQ(model_get_word(one->text + 4, be), w, "%s %s %s: skipped word untouched",
		  fam, e, row->name);
	EXPECT(tmp_untouched(one), "%s %s %s: skipped site wrote kvm_tmp", fam, e, row->name);
	EXPECT_EQ(one->stats.skipped_by_reason[PPCPV_SKIP_FEATURE], 1, "%s %s %s", fam, e,
		  row->name);
}

static void rows_feature_gate(enum ppcpv_family f, int be)
{
	static const uint32_t feature_sets[] = {
		0, PPCPV_MAGIC_FEAT_SR, PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7,
	};
	struct ppcpv_config cfg;
	static struct model_one one;
	unsigned int i, k, rs;

	model_config(&cfg, f, be);
	for (k = 0; k < sizeof(feature_sets) / sizeof(feature_sets[0]); k++) {
		cfg.features = feature_sets[k];
		for (i = 0; i < model_row_count; i++) {
			const struct model_row *row = &model_rows[i];

			if (!model_row_applies(row, f))
				continue;
			rs = row->regs == MODEL_REGS_NONE ? 0 : 29;
			model_patch_one(&cfg, model_orig_word(row, rs, 0), &one);
			if (model_row_enabled(row, cfg.features))
				EXPECT_EQ(one.site.action, row->action, "%s %s %s features %#x",
					  FNAME(f), ENDIAN_NAME(be), row->name, cfg.features);
			else
				check_feature_skip(f, be, row, rs, cfg.features, &one);
		}
	}
}
TARGET_TESTS(rows_feature_gate)

/* ppcpv_match() against the model, on words near every row. */
static void check_match(enum ppcpv_family f, uint32_t w, const char *why)
{
	const struct model_row *want = model_find(f, w);
	int got = ppcpv_match(f, w);

	if (!want) {
		EXPECT(got == -1, "%s: %#x (%s) matched rule %d \"%s\", the model has no such site",
		       FNAME(f), w, why, got, got >= 0 ? ppcpv_rules[got].name : "");
		return;
	}
	EXPECT(got >= 0 && !strcmp(ppcpv_rules[got].name, want->name),
	       "%s: %#x (%s) matched %d \"%s\", expected \"%s\"", FNAME(f), w, why, got,
	       got >= 0 ? ppcpv_rules[got].name : "none", want->name);
}

/* Every single-bit change outside the register fields: RA, RB, SPR, L,
 * XO and Rc must match exactly. */
static void match_near_misses(enum ppcpv_family f)
{
	unsigned int i, bit;
	uint32_t w, reg_bits;

	for (i = 0; i < model_row_count; i++) {
		const struct model_row *row = &model_rows[i];

		/* tlbsync and wrteei have reserved bits where others have RT */
		reg_bits = row->regs == MODEL_REGS_RS_RB ? 0x03e0f800 : 0x03e00000;
		w = model_orig_word(row, 29, row->regs == MODEL_REGS_RS_RB ? 1 : 0);
		check_match(f, w, row->name);
		for (bit = 0; bit < 32; bit++)
			if (!((1u << bit) & reg_bits))
				check_match(f, w ^ (1u << bit), row->name);
	}
}

static void match_every_spr(enum ppcpv_family f)
{
	unsigned int spr;
	uint32_t field;

	for (spr = 0; spr < 1024; spr++) {
		field = (spr & 0x1f) << 16 | (spr >> 5) << 11;
		check_match(f, 0x7c6002a6 | field, "mfspr r3,<every SPR>");
		check_match(f, 0x7c6003a6 | field, "mtspr <every SPR>,r3");
	}
}

FAMILY_TESTS(match_near_misses)
FAMILY_TESTS(match_every_spr)

/* The library's table holds exactly the model's rows. */
static void rule_table_is_the_model(void)
{
	unsigned int i, lib_pairs = 0, model_pairs = 0;
	enum ppcpv_family f;

	for (i = 0; i < ppcpv_rule_count; i++) {
		const struct ppcpv_rule *r = &ppcpv_rules[i];

		EXPECT((r->match & ~r->mask) == 0, "rule %s: match %#x outside mask %#x", r->name,
		       r->match, r->mask);
		for (f = 0; f < PPCPV_FAMILY_COUNT; f++) {
			const struct model_row *row;

			if (!(r->families & PPCPV_FAMILY_BIT(f)))
				continue;
			lib_pairs++;
			row = model_find(f, r->match);
			EXPECT(row != NULL, "rule \"%s\" (%#x) for %s: no such row in the model",
			       r->name, r->match, FNAME(f));
			if (!row)
				continue;
			EXPECT_STR(r->name, row->name, "rule %u for %s", i, FNAME(f));
			EXPECT_EQ(r->kind, row->kind, "rule %s", r->name);
			EXPECT_EQ(r->action, row->action, "rule %s", r->name);
			EXPECT_EQ(r->feature, row->feature, "rule %s", r->name);
		}
	}
	for (i = 0; i < model_row_count; i++)
		for (f = 0; f < PPCPV_FAMILY_COUNT; f++)
			model_pairs += model_row_applies(&model_rows[i], f);
	EXPECT_EQ(lib_pairs, model_pairs, "(rule, family) pairs%s", "");
}

/* ppcpv_rewrite_word() gives the word ppcpv_patch_text() writes. */
static void rewrite_word_agrees(enum ppcpv_family f, int be)
{
	struct ppcpv_config cfg;
	static struct model_one one;
	unsigned int i, c, rs, rb;
	uint32_t w, out;
	int rule;

	model_config(&cfg, f, be);
	for (i = 0; i < model_row_count; i++) {
		const struct model_row *row = &model_rows[i];

		if (!model_row_applies(row, f))
			continue;
		for (c = 0; c < model_reg_cases(row); c++) {
			model_reg_case(row, c, &rs, &rb);
			w = model_orig_word(row, rs, rb);
			rule = ppcpv_match(f, w);
			if (rule < 0)
				continue;	/* reported by rows_match */
			out = 0xdeadbeef;
			if (row->action == PPCPV_ACTION_BRANCH) {
				EXPECT_EQ(ppcpv_rewrite_word(&cfg, (unsigned int)rule, w, &out),
					  -PPCPV_ERR_INVAL, "%s %s: branch rule", FNAME(f),
					  row->name);
				continue;
			}
			model_patch_one(&cfg, w, &one);
			EXPECT_EQ(ppcpv_rewrite_word(&cfg, (unsigned int)rule, w, &out), 0,
				  "%s %s r%u", FNAME(f), row->name, rs);
			EXPECT_EQ(out, one.site.new_word, "%s %s r%u", FNAME(f), row->name, rs);
			/* a word the rule does not match */
			EXPECT_EQ(ppcpv_rewrite_word(&cfg, (unsigned int)rule, MODEL_FILLER_BEFORE,
						     &out),
				  -PPCPV_ERR_INVAL, "%s %s: foreign word", FNAME(f), row->name);
		}
	}
	EXPECT_EQ(ppcpv_rewrite_word(&cfg, ppcpv_rule_count, 0x7c0000a6, &out), -PPCPV_ERR_INVAL,
		  "%s: rule index out of range", FNAME(f));
}
TARGET_TESTS(rewrite_word_agrees)

/* The example encodings the reference gives (checked there with GNU as). */
static void reference_examples(void)
{
	static const struct {
		enum ppcpv_family f;
		uint32_t orig, expected;
	} ex[] = {
		/* mfmsr r3: ld r3,-4008(0) */
		{ PPCPV_FAMILY_BOOK3S64, 0x7c6000a6, 0xe860f058 },
		{ PPCPV_FAMILY_BOOK3S32, 0x7c6000a6, 0x8060f05c },	/* lwz r3,-4004(0) */
		{ PPCPV_FAMILY_E500, 0x7c6000a6, 0x8060f05c },
		{ PPCPV_FAMILY_BOOK3S64, 0x7c9a03a6, 0xf880f040 },	/* mtsrr0 r4: std r4,-4032(0) */
		{ PPCPV_FAMILY_BOOK3S32, 0x7c9a03a6, 0x9080f044 },	/* stw r4,-4028(0) */
		{ PPCPV_FAMILY_BOOK3S64, 0x7cb202a6, 0x80a0f060 },	/* mfdsisr r5: lwz r5,-4000(0) */
		{ PPCPV_FAMILY_BOOK3S32, 0x7cb202a6, 0x80a0f060 },
		{ PPCPV_FAMILY_BOOK3S64, 0x7c00046c, 0x60000000 },	/* tlbsync: nop */
	};
	struct ppcpv_config cfg;
	static struct model_one one;
	unsigned int i;

	for (i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
		model_config(&cfg, ex[i].f, 1);
		model_patch_one(&cfg, ex[i].orig, &one);
		EXPECT_EQ(one.site.new_word, ex[i].expected, "%s: %#x", FNAME(ex[i].f), ex[i].orig);
		EXPECT(one.text[4] == ex[i].expected >> 24 && one.text[7] == (ex[i].expected & 0xff),
		       "%s: %#x: bytes in big-endian order", FNAME(ex[i].f), ex[i].orig);
	}
}

PPCPV_SUITE(patcher_rows, "patcher-rows", NULL, NULL,
	TARGET_ENTRIES("every row x register rewrites to the model's text", rows_rewrite),
	TARGET_ENTRIES("rows of other families are not sites", rows_other_families),
	TARGET_ENTRIES("feature-gated rows skip without their bit", rows_feature_gate),
	FAMILY_ENTRIES("ppcpv_match agrees with the model near every row", match_near_misses),
	FAMILY_ENTRIES("ppcpv_match agrees with the model for every SPR", match_every_spr),
	TARGET_ENTRIES("ppcpv_rewrite_word agrees with ppcpv_patch_text", rewrite_word_agrees),
	{ "the rule table holds exactly the model's rows", rule_table_is_the_model },
	{ "the reference's example encodings", reference_examples })
