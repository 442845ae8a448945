// SPDX-License-Identifier: MIT
/*
 * The patcher's API contract: configuration defaults and validation (the
 * magic EA rules), a moved magic page, bad arguments, statistics, names,
 * and unpatch restoring the text byte for byte.
 */
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include "../patcher/check.h"
#include "../patcher/model.h"
#include "../patcher/run.h"
#include "ppcpv_test.h"

#define FNAME(f) ppcpv_family_name(f)
#define TEXT_ADDR 0x00400000ull
#define TMP_ADDR 0x00800000ull
#define MFMSR(r) (0x7c0000a6u | (r) << 21)
#define MTMSR(r) (0x7c000124u | (r) << 21)

static struct run run;

/* ---- Configuration ------------------------------------------------------- */

static void config_defaults(enum ppcpv_family f)
{
	struct ppcpv_config cfg;

	memset(&cfg, 0x5a, sizeof(cfg));
	CU_ASSERT_EQUAL_FATAL(ppcpv_config_init(&cfg, f, 0), 0);
	EXPECT_EQ(cfg.family, f, "%s", FNAME(f));
	EXPECT_EQ(cfg.word_bits, model_word_bits(f), "%s", FNAME(f));
	EXPECT_EQ(cfg.big_endian, 0, "%s", FNAME(f));
	EXPECT_EQ(cfg.features, PPCPV_MAGIC_FEAT_ALL, "%s", FNAME(f));
	EXPECT_EQ(cfg.magic_ea, -4096, "%s", FNAME(f));
	EXPECT_EQ(cfg.no_branch_below, 0, "%s", FNAME(f));
	EXPECT_EQ(cfg.n_exclude, 0, "%s", FNAME(f));
	EXPECT_EQ(ppcpv_config_check(&cfg), 0, "%s", FNAME(f));
	CU_ASSERT_EQUAL(ppcpv_config_init(&cfg, f, 1), 0);
	EXPECT_EQ(cfg.big_endian, 1, "%s", FNAME(f));
}
FAMILY_TESTS(config_defaults)

static void config_init_rejects(void)
{
	struct ppcpv_config cfg;

	CU_ASSERT_EQUAL(ppcpv_config_init(NULL, PPCPV_FAMILY_E500, 1), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_config_init(&cfg, PPCPV_FAMILY_COUNT, 1), -PPCPV_ERR_INVAL);
}

static int check_with_ea(enum ppcpv_family f, int64_t ea)
{
	struct ppcpv_config cfg;

	model_config(&cfg, f, 1);
	cfg.magic_ea = ea;
	return ppcpv_config_check(&cfg);
}

/* Every field of the shared page must be reachable with a signed 16-bit
 * displacement: page-aligned EAs from -32768 to 28672. */
static void magic_ea_accepted(enum ppcpv_family f)
{
	static const int64_t good[] = { -4096, 0, 4096, 28672, -32768 };
	unsigned int i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		EXPECT_EQ(check_with_ea(f, good[i]), 0, "%s: EA %lld", FNAME(f),
			  (long long)good[i]);
}
FAMILY_TESTS(magic_ea_accepted)

static void magic_ea_rejected(enum ppcpv_family f)
{
	EXPECT_EQ(check_with_ea(f, 32768), -PPCPV_ERR_RANGE, "%s: EA 32768", FNAME(f));
	EXPECT_EQ(check_with_ea(f, -36864), -PPCPV_ERR_RANGE, "%s: EA -36864", FNAME(f));
	EXPECT_EQ(check_with_ea(f, -4092), -PPCPV_ERR_ALIGN, "%s: EA -4092", FNAME(f));
	EXPECT_EQ(check_with_ea(f, 2048), -PPCPV_ERR_ALIGN, "%s: EA 2048", FNAME(f));
	EXPECT(check_with_ea(f, INT64_MIN) < 0, "%s: EA INT64_MIN accepted", FNAME(f));
}
FAMILY_TESTS(magic_ea_rejected)

static void config_rejects_bad_fields(enum ppcpv_family f)
{
	struct ppcpv_config cfg;

	model_config(&cfg, f, 1);
	cfg.word_bits = model_word_bits(f) == 64 ? 32 : 64;
	EXPECT(ppcpv_config_check(&cfg) < 0, "%s: word size %u accepted", FNAME(f), cfg.word_bits);
	model_config(&cfg, f, 1);
	cfg.n_exclude = PPCPV_MAX_EXCLUDE + 1;
	EXPECT(ppcpv_config_check(&cfg) < 0, "%s: %u exclusion ranges accepted", FNAME(f),
	       cfg.n_exclude);
	model_config(&cfg, f, 1);
	cfg.n_exclude = 1;
	cfg.exclude[0] = (struct ppcpv_range){ 0x2000, 0x1000 };
	EXPECT(ppcpv_config_check(&cfg) < 0, "%s: reversed exclusion range accepted", FNAME(f));
	model_config(&cfg, f, 1);
	cfg.family = PPCPV_FAMILY_COUNT;
	EXPECT(ppcpv_config_check(&cfg) < 0, "unknown family accepted%s", "");
	CU_ASSERT(ppcpv_config_check(NULL) < 0);
}
FAMILY_TESTS(config_rejects_bad_fields)

/* ---- A moved magic page: every displacement follows --------------------- */

static void moved_page_rows(enum ppcpv_family f, int be)
{
	static const int64_t eas[] = { 0, 28672, -32768 };
	static struct model_one one;
	struct ppcpv_config cfg;
	char want[MODEL_TEXT_MAX], got[MODEL_TEXT_MAX];
	unsigned int i, c, k, rs, rb;

	model_config(&cfg, f, be);
	for (k = 0; k < sizeof(eas) / sizeof(eas[0]); k++) {
		cfg.magic_ea = eas[k];
		for (i = 0; i < model_row_count; i++) {
			const struct model_row *row = &model_rows[i];

			if (!model_row_applies(row, f) || (row->action != PPCPV_ACTION_LOAD &&
							   row->action != PPCPV_ACTION_STORE))
				continue;
			for (c = 0; c < model_reg_cases(row); c++) {
				model_reg_case(row, c, &rs, &rb);
				model_patch_one(&cfg, model_orig_word(row, rs, rb), &one);
				model_new_text(row, f, eas[k], rs, want, sizeof(want));
				model_disasm(f, be, one.site.new_word, MODEL_ONE_SITE_ADDR, got,
					     sizeof(got));
				EXPECT_STR(got, want, "%s %s EA %lld %s r%u", FNAME(f),
					   ENDIAN_NAME(be), (long long)eas[k], row->name, rs);
			}
		}
	}
}
TARGET_TESTS(moved_page_rows)

/* ---- Bad arguments: an error and nothing written ----------------------- */

static void small_text(enum ppcpv_family f)
{
	run_init(&run, f, 1, TEXT_ADDR, TMP_ADDR, 4096);
	run_add(&run, MFMSR(3));
	run_add(&run, MTMSR(4));
	run_add(&run, MFMSR(5));
}

static void expect_refused(enum ppcpv_family f, int rc, int want, const char *what)
{
	EXPECT_EQ(rc, want, "%s: %s", FNAME(f), what);
	EXPECT(run_text_unchanged(&run), "%s: %s: text written", FNAME(f), what);
	EXPECT(run_tmp_untouched_from(&run, 0), "%s: %s: kvm_tmp written", FNAME(f), what);
}

static void refuses_null_arguments(enum ppcpv_family f)
{
	small_text(f);
	expect_refused(f, ppcpv_patch_text(NULL, &run.text, &run.tmp, run.sites, 8, 0, NULL),
		       -PPCPV_ERR_INVAL, "NULL config");
	expect_refused(f, ppcpv_patch_text(&run.cfg, NULL, &run.tmp, run.sites, 8, 0, NULL),
		       -PPCPV_ERR_INVAL, "NULL text");
	run.text.bytes = NULL;
	expect_refused(f, ppcpv_patch_text(&run.cfg, &run.text, &run.tmp, run.sites, 8, 0, NULL),
		       -PPCPV_ERR_INVAL, "NULL text bytes");
}
FAMILY_TESTS(refuses_null_arguments)

static void refuses_unaligned_regions(enum ppcpv_family f)
{
	small_text(f);
	run.text.addr += 2;
	expect_refused(f, ppcpv_patch_text(&run.cfg, &run.text, &run.tmp, run.sites, 8, 0, NULL),
		       -PPCPV_ERR_ALIGN, "text address 2 mod 4");
	small_text(f);
	run.text.size -= 1;
	expect_refused(f, ppcpv_patch_text(&run.cfg, &run.text, &run.tmp, run.sites, 8, 0, NULL),
		       -PPCPV_ERR_ALIGN, "text size 11 bytes");
	small_text(f);
	run.tmp.addr += 2;
	expect_refused(f, ppcpv_patch_text(&run.cfg, &run.text, &run.tmp, run.sites, 8, 0, NULL),
		       -PPCPV_ERR_ALIGN, "kvm_tmp address 2 mod 4");
}
FAMILY_TESTS(refuses_unaligned_regions)

static void refuses_bad_magic_ea(enum ppcpv_family f)
{
	small_text(f);
	run.cfg.magic_ea = 32768;
	expect_refused(f, ppcpv_patch_text(&run.cfg, &run.text, &run.tmp, run.sites, 8, 0, NULL),
		       -PPCPV_ERR_INVAL, "magic EA 32768");
}
FAMILY_TESTS(refuses_bad_magic_ea)

/* Three sites, room for two records: nothing may be written. */
static void refuses_short_site_list(enum ppcpv_family f)
{
	small_text(f);
	expect_refused(f, ppcpv_patch_text(&run.cfg, &run.text, &run.tmp, run.sites, 2, 0, NULL),
		       -PPCPV_ERR_NOSPACE, "cap 2 for 3 sites");
	expect_refused(f, ppcpv_patch_text(&run.cfg, &run.text, &run.tmp, NULL, 0, 0, NULL),
		       -PPCPV_ERR_NOSPACE, "no site list");
}
FAMILY_TESTS(refuses_short_site_list)

/* ---- A mixed text: every applicable row between data words ------------- */

#define DATA(i) (0x38630000u | (i))	/* addi r3,r3,i: never a site */

static unsigned int mixed_text(enum ppcpv_family f, int be)
{
	unsigned int i, n = 0, rs, rb;

	run_init(&run, f, be, TEXT_ADDR, TMP_ADDR, RUN_MAX_TMP);
	for (i = 0; i < model_row_count; i++) {
		const struct model_row *row = &model_rows[i];

		if (!model_row_applies(row, f))
			continue;
		/* a different register choice per row */
		model_reg_case(row, n % model_reg_cases(row), &rs, &rb);
		run_add(&run, DATA(n));
		run_add(&run, model_orig_word(row, rs, rb));
		n++;
	}
	run_add(&run, DATA(n));
	return n;
}

static void mixed_stats(enum ppcpv_family f, int be)
{
	uint32_t by_action[PPCPV_ACTION_COUNT] = { 0 }, by_kind[PPCPV_KIND_COUNT] = { 0 };
	unsigned int i, n = mixed_text(f, be);
	uint64_t used = 0;
	int k;

	for (i = 0; i < model_row_count; i++)
		if (model_row_applies(&model_rows[i], f)) {
			by_action[model_rows[i].action]++;
			by_kind[model_rows[i].kind]++;
		}
	run_patch(&run, 0);
	EXPECT_EQ(run.rc, n, "%s %s: sites", FNAME(f), ENDIAN_NAME(be));
	for (k = 0; k < run.rc; k++)
		used += run.sites[k].action == PPCPV_ACTION_BRANCH ? run.sites[k].tmp_size : 0;
	EXPECT_EQ(run.stats.sites, n, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.patched, n, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.skipped, 0, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.bytes_scanned, run.text.size, "%s %s", FNAME(f), ENDIAN_NAME(be));
	for (k = 0; k < PPCPV_ACTION_COUNT; k++)
		EXPECT_EQ(run.stats.patched_by_action[k], by_action[k], "%s %s: action %s",
			  FNAME(f), ENDIAN_NAME(be), ppcpv_action_name(k));
	for (k = 0; k < PPCPV_KIND_COUNT; k++) {
		EXPECT_EQ(run.stats.found_by_kind[k], by_kind[k], "%s %s: kind %s", FNAME(f),
			  ENDIAN_NAME(be), ppcpv_kind_name(k));
		EXPECT_EQ(run.stats.patched_by_kind[k], by_kind[k], "%s %s: kind %s", FNAME(f),
			  ENDIAN_NAME(be), ppcpv_kind_name(k));
	}
	EXPECT_EQ(run.stats.tmp_used, used, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.tmp_needed, used, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.tmp_size, RUN_MAX_TMP, "%s %s", FNAME(f), ENDIAN_NAME(be));
}
TARGET_TESTS(mixed_stats)

/* Trampolines are packed from the start of kvm_tmp without overlap. */
static void mixed_trampolines_packed(enum ppcpv_family f, int be)
{
	uint64_t next = 0;
	int k;

	mixed_text(f, be);
	run_patch(&run, 0);
	for (k = 0; k < run.rc; k++) {
		const struct ppcpv_site *s = &run.sites[k];

		if (s->action != PPCPV_ACTION_BRANCH)
			continue;
		EXPECT_EQ(s->tmp_offset, next, "%s %s: site %d", FNAME(f), ENDIAN_NAME(be), k);
		EXPECT_EQ(s->target, TMP_ADDR + s->tmp_offset, "%s %s: site %d", FNAME(f),
			  ENDIAN_NAME(be), k);
		next = s->tmp_offset + s->tmp_size;
	}
	EXPECT(run_tmp_untouched_from(&run, next), "%s %s: kvm_tmp written past %llu bytes",
	       FNAME(f), ENDIAN_NAME(be), (unsigned long long)next);
}
TARGET_TESTS(mixed_trampolines_packed)

static void unpatch_restores_bytes(enum ppcpv_family f, int be)
{
	int n;

	mixed_text(f, be);
	run_patch(&run, 0);
	CU_ASSERT_FATAL(run.rc > 0);
	CU_ASSERT_FATAL(!run_text_unchanged(&run));
	n = ppcpv_unpatch(&run.cfg, &run.text, run.sites, (size_t)run.rc);
	EXPECT_EQ(n, run.stats.patched, "%s %s: words restored", FNAME(f), ENDIAN_NAME(be));
	EXPECT(run_text_unchanged(&run), "%s %s: text differs after unpatch", FNAME(f),
	       ENDIAN_NAME(be));
}
TARGET_TESTS(unpatch_restores_bytes)

/* Sites skipped for a missing feature are left as they are. */
static void unpatch_ignores_skipped(enum ppcpv_family f, int be)
{
	mixed_text(f, be);
	run.cfg.features = 0;
	run_patch(&run, 0);
	CU_ASSERT_FATAL(run.rc > 0 && run.stats.skipped > 0);
	EXPECT_EQ(ppcpv_unpatch(&run.cfg, &run.text, run.sites, (size_t)run.rc),
		  run.stats.patched, "%s %s: words restored", FNAME(f), ENDIAN_NAME(be));
	EXPECT(run_text_unchanged(&run), "%s %s: text differs after unpatch", FNAME(f),
	       ENDIAN_NAME(be));
}
TARGET_TESTS(unpatch_ignores_skipped)

/* A patched word changed since: refuse, and write nothing at all. */
static void unpatch_refuses_changed_word(enum ppcpv_family f, int be)
{
	uint8_t snapshot[sizeof(run.text_bytes)];
	unsigned int last;

	mixed_text(f, be);
	run_patch(&run, 0);
	CU_ASSERT_FATAL(run.rc > 1);
	last = (unsigned int)((run.sites[run.rc - 1].addr - run.text.addr) / 4);
	model_put_word(run.text_bytes + 4 * last, run_word(&run, last) ^ 0x00010000, be);
	memcpy(snapshot, run.text_bytes, sizeof(snapshot));
	EXPECT_EQ(ppcpv_unpatch(&run.cfg, &run.text, run.sites, (size_t)run.rc),
		  -PPCPV_ERR_MISMATCH, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT(!memcmp(snapshot, run.text_bytes, sizeof(snapshot)),
	       "%s %s: unpatch wrote before finding the mismatch", FNAME(f), ENDIAN_NAME(be));
}
TARGET_TESTS(unpatch_refuses_changed_word)

/*
 * A site outside the text, the last word of the address space included
 * (its end wraps to 0), found by fuzzing --unpatch: -RANGE, nothing read
 * or written.
 */
static void unpatch_refuses_site_outside_text(enum ppcpv_family f)
{
	static const uint64_t outside[] = { TEXT_ADDR - 4, TEXT_ADDR + 8, UINT64_MAX - 3 };
	uint8_t words[8] = { 0 };
	struct ppcpv_region text = { words, TEXT_ADDR, sizeof(words) };
	struct ppcpv_site site = { .action = PPCPV_ACTION_NOP };
	struct ppcpv_config cfg;
	unsigned int i;

	model_config(&cfg, f, 1);
	for (i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		site.addr = outside[i];
		EXPECT_EQ(ppcpv_unpatch(&cfg, &text, &site, 1), -PPCPV_ERR_RANGE, "%s: site 0x%llx",
			  FNAME(f), (unsigned long long)outside[i]);
	}
	site.addr = TEXT_ADDR + 4;	/* inside: the word matches and is restored */
	site.orig = MFMSR(3);
	EXPECT_EQ(ppcpv_unpatch(&cfg, &text, &site, 1), 1, "%s: site inside", FNAME(f));
}
FAMILY_TESTS(unpatch_refuses_site_outside_text)

/* ---- Names --------------------------------------------------------------- */

static void family_names(void)
{
	static const char *const names[] = { "book3s64", "book3s32", "e500" };
	enum ppcpv_family f, parsed;

	for (f = 0; f < PPCPV_FAMILY_COUNT; f++) {
		EXPECT_STR(ppcpv_family_name(f), names[f], "family %d", f);
		parsed = PPCPV_FAMILY_COUNT;
		EXPECT_EQ(ppcpv_family_parse(names[f], &parsed), 0, "parse %s", names[f]);
		EXPECT_EQ(parsed, f, "parse %s", names[f]);
	}
	CU_ASSERT_EQUAL(ppcpv_family_parse("book3e", &parsed), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_family_parse(NULL, &parsed), -PPCPV_ERR_INVAL);
}

static void action_and_skip_names(void)
{
	static const char *const actions[] = { "load", "store", "nop", "branch", "skip" };
	int i, j;

	for (i = 0; i < PPCPV_ACTION_COUNT; i++)
		EXPECT_STR(ppcpv_action_name(i), actions[i], "action %d", i);
	EXPECT_STR(ppcpv_skip_name(PPCPV_SKIP_FEATURE), "feature", "skip name%s", "");
	EXPECT_STR(ppcpv_skip_name(PPCPV_SKIP_NO_BRANCH_ZONE), "no-branch-zone", "skip name%s", "");
	for (i = 0; i < PPCPV_SKIP_COUNT; i++)
		for (j = 0; j < i; j++)
			EXPECT(strcmp(ppcpv_skip_name(i), ppcpv_skip_name(j)),
			       "skip reasons %d and %d share a name", i, j);
	EXPECT_STR(ppcpv_kind_name(PPCPV_KIND_MFMSR), "mfmsr", "kind name%s", "");
	EXPECT_STR(ppcpv_kind_name(PPCPV_KIND_MTMSRD_L1), "mtmsrd_l1", "kind name%s", "");
	for (i = 0; i < PPCPV_KIND_COUNT; i++)
		for (j = 0; j < i; j++)
			EXPECT(strcmp(ppcpv_kind_name(i), ppcpv_kind_name(j)),
			       "kinds %d and %d share a name", i, j);
}

PPCPV_SUITE(patcher_api, "patcher-api", NULL, NULL,
	FAMILY_ENTRIES("ppcpv_config_init defaults", config_defaults),
	{ "ppcpv_config_init rejects NULL and unknown families", config_init_rejects },
	FAMILY_ENTRIES("magic EA -4096, 0, 4096, 28672, -32768 accepted", magic_ea_accepted),
	FAMILY_ENTRIES("magic EA 32768, -36864, unaligned rejected", magic_ea_rejected),
	FAMILY_ENTRIES("word size, exclusion ranges, family checked", config_rejects_bad_fields),
	TARGET_ENTRIES("a moved magic page moves every load and store", moved_page_rows),
	FAMILY_ENTRIES("NULL arguments refused", refuses_null_arguments),
	FAMILY_ENTRIES("unaligned text or kvm_tmp refused", refuses_unaligned_regions),
	FAMILY_ENTRIES("a bad magic EA refused", refuses_bad_magic_ea),
	FAMILY_ENTRIES("a short site list: -NOSPACE, nothing written", refuses_short_site_list),
	TARGET_ENTRIES("statistics of a mixed text", mixed_stats),
	TARGET_ENTRIES("trampolines packed from the start of kvm_tmp", mixed_trampolines_packed),
	TARGET_ENTRIES("unpatch restores the text byte for byte", unpatch_restores_bytes),
	TARGET_ENTRIES("unpatch leaves feature-skipped sites alone", unpatch_ignores_skipped),
	TARGET_ENTRIES("unpatch refuses a changed word and writes nothing",
		       unpatch_refuses_changed_word),
	FAMILY_ENTRIES("unpatch refuses sites outside the text, wrapping ones too",
		       unpatch_refuses_site_outside_text),
	{ "family names", family_names },
	{ "action, skip and kind names", action_and_skip_names })
