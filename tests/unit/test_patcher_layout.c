// SPDX-License-Identifier: MIT
/*
 * Where the patcher may branch and what it places where: branch reach at
 * both boundaries for the call and the return branch, kvm_tmp exhaustion,
 * the relocatable no-branch zone, exclusion ranges, prefixed instructions
 * and dry runs.  The texts are a few words long; only their addresses are
 * far apart.
 */
#include <string.h>
#include <ppcpv/emul.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include "../patcher/check.h"
#include "../patcher/model.h"
#include "../patcher/run.h"
#include "ppcpv_test.h"

#define FNAME(f) ppcpv_family_name(f)
#define MIB (1ull << 20)
#define TMP_ADDR 0x10000000ull		/* the first trampoline goes here */
#define MTMSR(r) (0x7c000124u | (r) << 21)
#define MFMSR(r) (0x7c0000a6u | (r) << 21)
#define FILLER 0x38600001u		/* li r3,1 */

static struct run run;

static int mtmsr_branch_slot(enum ppcpv_family f)
{
	const struct ppcpv_emul_template *tpl =
		ppcpv_emul_template(model_word_bits(f), PPCPV_EMUL_MTMSR);

	return tpl ? tpl->branch_slot : -1;
}

/* One mtmsr site at TMP_ADDR - d, i.e. the call branch would be `b +d`,
 * with kvm_tmp room for exactly one trampoline. */
static const struct ppcpv_site *patch_at_distance(enum ppcpv_family f, int be, int64_t d,
						  unsigned int flags)
{
	uint64_t site = TMP_ADDR - (uint64_t)d;

	run_init(&run, f, be, site, TMP_ADDR, run_tramp_bytes(f, PPCPV_EMUL_MTMSR));
	run_add(&run, MTMSR(3));
	if (flags & PPCPV_PATCH_DRY_RUN)
		run.tmp.bytes = NULL;	/* a dry run needs only the address */
	run_patch(&run, flags);
	return run_site(&run, site);
}

static void expect_patched(enum ppcpv_family f, int be, int64_t d, uint32_t call_word)
{
	const struct ppcpv_site *s = patch_at_distance(f, be, d, 0);
	int bs = mtmsr_branch_slot(f);
	uint32_t ret;
	uint64_t target = 0;
	char text[MODEL_TEXT_MAX];

	EXPECT(s && s->action == PPCPV_ACTION_BRANCH, "%s %s: site at distance %+lld not patched",
	       FNAME(f), ENDIAN_NAME(be), (long long)d);
	if (!s || s->action != PPCPV_ACTION_BRANCH || bs < 0)
		return;
	EXPECT_EQ(run_word(&run, 0), call_word, "%s %s: call branch at %+lld", FNAME(f),
		  ENDIAN_NAME(be), (long long)d);
	ret = model_get_word(run.tmp_bytes + 4 * bs, be);
	model_disasm(f, be, ret, TMP_ADDR + 4 * (uint64_t)bs, text, sizeof(text));
	EXPECT(model_branch_target(text, &target) && target == s->addr + 4,
	       "%s %s: return branch %#x \"%s\" does not reach the site + 4 (%#llx)", FNAME(f),
	       ENDIAN_NAME(be), ret, text, (unsigned long long)(s->addr + 4));
}

static void expect_out_of_reach(enum ppcpv_family f, int be, int64_t d, unsigned int flags)
{
	const struct ppcpv_site *s = patch_at_distance(f, be, d, flags);

	EXPECT(s && s->action == PPCPV_ACTION_SKIP && s->skip == PPCPV_SKIP_BRANCH_RANGE,
	       "%s %s: site at distance %+lld: action %d skip %d, expected branch-range skip",
	       FNAME(f), ENDIAN_NAME(be), (long long)d, s ? s->action : -1, s ? s->skip : -1);
	EXPECT(run_text_unchanged(&run), "%s %s: text written at %+lld", FNAME(f), ENDIAN_NAME(be),
	       (long long)d);
	EXPECT_EQ(run.stats.tmp_used, 0, "%s %s: kvm_tmp used at %+lld", FNAME(f), ENDIAN_NAME(be),
		  (long long)d);
	if (!(flags & PPCPV_PATCH_DRY_RUN))
		EXPECT(run_tmp_untouched_from(&run, 0), "%s %s: kvm_tmp written at %+lld",
		       FNAME(f), ENDIAN_NAME(be), (long long)d);
}

/* The site 32 MiB above its trampoline: `b -32 MiB` is the lowest reach. */
static void reach_call_lowest(enum ppcpv_family f, int be)
{
	expect_patched(f, be, -(int64_t)(32 * MIB), 0x4a000000);
}
TARGET_TESTS(reach_call_lowest)

static void reach_call_below_lowest(enum ppcpv_family f, int be)
{
	expect_out_of_reach(f, be, -(int64_t)(32 * MIB) - 4, 0);
	expect_out_of_reach(f, be, -(int64_t)(32 * MIB) - 4, PPCPV_PATCH_DRY_RUN);
}
TARGET_TESTS(reach_call_below_lowest)

/*
 * Below its trampoline the site is limited by the return branch, which
 * sits branch_slot words into the trampoline: the farthest site has the
 * return at exactly -32 MiB (0x4a000000).
 */
static int64_t farthest_below(enum ppcpv_family f)
{
	return (int64_t)(32 * MIB) + 4 - 4 * mtmsr_branch_slot(f);
}

static void reach_return_lowest(enum ppcpv_family f, int be)
{
	int64_t d = farthest_below(f);
	int bs = mtmsr_branch_slot(f);

	expect_patched(f, be, d, 0x48000000u | (uint32_t)d);
	if (bs >= 0 && run.rc == 1)
		EXPECT_EQ(model_get_word(run.tmp_bytes + 4 * bs, be), 0x4a000000,
			  "%s %s: return branch", FNAME(f), ENDIAN_NAME(be));
}
TARGET_TESTS(reach_return_lowest)

static void reach_return_below_lowest(enum ppcpv_family f, int be)
{
	expect_out_of_reach(f, be, farthest_below(f) + 4, 0);
}
TARGET_TESTS(reach_return_below_lowest)

/* `b +32 MiB - 4` (0x49fffffc) would reach the trampoline, but then the
 * return branch cannot come back: the site must be refused whole. */
static void reach_call_highest_needs_return(enum ppcpv_family f, int be)
{
	CU_ASSERT_FATAL(mtmsr_branch_slot(f) >= 3);
	expect_out_of_reach(f, be, (int64_t)(32 * MIB) - 4, 0);
}
TARGET_TESTS(reach_call_highest_needs_return)

static void reach_call_above_highest(enum ppcpv_family f, int be)
{
	expect_out_of_reach(f, be, (int64_t)(32 * MIB), 0);
	expect_out_of_reach(f, be, (int64_t)(32 * MIB), PPCPV_PATCH_DRY_RUN);
}
TARGET_TESTS(reach_call_above_highest)

/* An out-of-reach site takes no kvm_tmp: the next site, in reach, gets the
 * region's only trampoline. */
static void reach_skip_takes_no_space(enum ppcpv_family f, int be)
{
	uint64_t far = TMP_ADDR - (uint64_t)farthest_below(f) - 4;
	const struct ppcpv_site *s1, *s2;

	run_init(&run, f, be, far, TMP_ADDR, run_tramp_bytes(f, PPCPV_EMUL_MTMSR));
	run_add(&run, MTMSR(3));
	run_add(&run, MTMSR(4));
	run_patch(&run, 0);
	s1 = run_site(&run, far);
	s2 = run_site(&run, far + 4);
	CU_ASSERT_FATAL(run.rc == 2 && s1 && s2);
	EXPECT_EQ(s1->skip, PPCPV_SKIP_BRANCH_RANGE, "%s %s: far site", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(s2->action, PPCPV_ACTION_BRANCH, "%s %s: near site", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(s2->tmp_offset, 0, "%s %s: near site", FNAME(f), ENDIAN_NAME(be));
}
TARGET_TESTS(reach_skip_takes_no_space)

/* ---- kvm_tmp exhaustion -------------------------------------------------- */

/* Five mtmsr sites (then an mfmsr) with room for `room` bytes. */
static void patch_five(enum ppcpv_family f, int be, size_t room)
{
	unsigned int i;

	run_init(&run, f, be, TMP_ADDR - 0x10000, TMP_ADDR, room);
	for (i = 0; i < 5; i++) {
		run_add(&run, MTMSR(i + 3));
		run_add(&run, FILLER);
	}
	run_add(&run, MFMSR(9));
	run_patch(&run, 0);
}

static void check_first_k_placed(enum ppcpv_family f, int be, unsigned int k)
{
	unsigned int i, size = run_tramp_bytes(f, PPCPV_EMUL_MTMSR);
	const struct ppcpv_site *s;

	CU_ASSERT_FATAL(run.rc == 6);
	for (i = 0; i < 5; i++) {
		s = run_site(&run, run.text.addr + 8 * i);
		CU_ASSERT_FATAL(s != NULL);
		if (i < k) {
			EXPECT_EQ(s->action, PPCPV_ACTION_BRANCH, "%s %s: site %u", FNAME(f),
				  ENDIAN_NAME(be), i);
			EXPECT_EQ(s->tmp_offset, i * size, "%s %s: site %u", FNAME(f),
				  ENDIAN_NAME(be), i);
		} else {
			EXPECT_EQ(s->skip, PPCPV_SKIP_NO_SPACE, "%s %s: site %u", FNAME(f),
				  ENDIAN_NAME(be), i);
			EXPECT_EQ(run_word(&run, 2 * i), MTMSR(i + 3), "%s %s: site %u", FNAME(f),
				  ENDIAN_NAME(be), i);
		}
	}
	EXPECT_EQ(run.stats.skipped_by_reason[PPCPV_SKIP_NO_SPACE], 5 - k, "%s %s", FNAME(f),
		  ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.tmp_needed, 5 * size, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.tmp_used, k * size, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT(run_tmp_untouched_from(&run, k * size), "%s %s: kvm_tmp written past %u trampolines",
	       FNAME(f), ENDIAN_NAME(be), k);
	/* running out of kvm_tmp stops no other rewrite */
	EXPECT_EQ(run_site(&run, run.text.addr + 40)->action, PPCPV_ACTION_LOAD, "%s %s: mfmsr",
		  FNAME(f), ENDIAN_NAME(be));
}

static void tmp_room_for_exactly_three(enum ppcpv_family f, int be)
{
	patch_five(f, be, 3 * run_tramp_bytes(f, PPCPV_EMUL_MTMSR));
	check_first_k_placed(f, be, 3);
	EXPECT_EQ(run.stats.tmp_size, 3 * run_tramp_bytes(f, PPCPV_EMUL_MTMSR), "%s %s", FNAME(f),
		  ENDIAN_NAME(be));
}
TARGET_TESTS(tmp_room_for_exactly_three)

static void tmp_one_word_short_of_four(enum ppcpv_family f, int be)
{
	patch_five(f, be, 4 * run_tramp_bytes(f, PPCPV_EMUL_MTMSR) - 4);
	check_first_k_placed(f, be, 3);
}
TARGET_TESTS(tmp_one_word_short_of_four)

static void tmp_empty(enum ppcpv_family f, int be)
{
	patch_five(f, be, 0);
	check_first_k_placed(f, be, 0);
}
TARGET_TESTS(tmp_empty)

/* ---- The no-branch zone (relocatable Book3S) ----------------------------- */

static void no_branch_zone(enum ppcpv_family f, int be)
{
	const struct ppcpv_site *below, *load_below, *at, *load_above;
	uint64_t base = TMP_ADDR - 0x1000;

	run_init(&run, f, be, base, TMP_ADDR, run_tramp_bytes(f, PPCPV_EMUL_MTMSR));
	run.cfg.no_branch_below = base + 8;
	run_add(&run, MTMSR(3));
	run_add(&run, MFMSR(4));
	run_add(&run, MTMSR(5));	/* exactly at the limit: outside the zone */
	run_add(&run, MFMSR(6));
	run_patch(&run, 0);
	CU_ASSERT_FATAL(run.rc == 4);
	below = run_site(&run, base);
	load_below = run_site(&run, base + 4);
	at = run_site(&run, base + 8);
	load_above = run_site(&run, base + 12);
	CU_ASSERT_FATAL(below && load_below && at && load_above);
	EXPECT_EQ(below->skip, PPCPV_SKIP_NO_BRANCH_ZONE, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run_word(&run, 0), MTMSR(3), "%s %s: zone site untouched", FNAME(f),
		  ENDIAN_NAME(be));
	/* RA=0 accesses do not depend on where the code runs */
	EXPECT_EQ(load_below->action, PPCPV_ACTION_LOAD, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(at->action, PPCPV_ACTION_BRANCH, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(at->tmp_offset, 0, "%s %s: zone site took kvm_tmp", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(load_above->action, PPCPV_ACTION_LOAD, "%s %s", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.tmp_needed, run_tramp_bytes(f, PPCPV_EMUL_MTMSR), "%s %s", FNAME(f),
		  ENDIAN_NAME(be));
}
TARGET_TESTS(no_branch_zone)

/* ---- Exclusion ranges ---------------------------------------------------- */

static void exclude_ranges(enum ppcpv_family f, int be)
{
	static const int site_expected[8] = { 1, 0, 0, 1, 1, 0, 1, 1 };
	uint64_t base = TMP_ADDR - 0x1000;
	unsigned int i;

	run_init(&run, f, be, base, TMP_ADDR, 0);
	for (i = 0; i < 8; i++)
		run_add(&run, MFMSR(i));
	run.cfg.n_exclude = 2;
	run.cfg.exclude[0] = (struct ppcpv_range){ base + 4, base + 12 };	/* words 1-2 */
	run.cfg.exclude[1] = (struct ppcpv_range){ base + 20, base + 24 };	/* word 5 */
	run_patch(&run, 0);
	EXPECT_EQ(run.rc, 5, "%s %s: sites outside the ranges", FNAME(f), ENDIAN_NAME(be));
	for (i = 0; i < 8; i++) {
		EXPECT((run_site(&run, base + 4 * i) != NULL) == site_expected[i],
		       "%s %s: word %u %s", FNAME(f), ENDIAN_NAME(be), i,
		       site_expected[i] ? "not found" : "found inside an exclusion range");
		EXPECT((run_word(&run, i) == MFMSR(i)) == !site_expected[i],
		       "%s %s: word %u %s", FNAME(f), ENDIAN_NAME(be), i,
		       site_expected[i] ? "not rewritten" : "rewritten inside an exclusion range");
	}
}
TARGET_TESTS(exclude_ranges)

/* ---- Prefixed instructions (book3s64) ------------------------------------- */

#define PREFIX_8LS 0x04000000u		/* primary opcode 1 */
#define PREFIX_MLS 0x06000000u

static void suffix_not_patched(int be)
{
	const struct ppcpv_site *s;
	uint64_t base = TMP_ADDR - 0x1000;

	run_init(&run, PPCPV_FAMILY_BOOK3S64, be, base, TMP_ADDR, 4096);
	run_add(&run, PREFIX_8LS);
	run_add(&run, MFMSR(3));
	run_patch(&run, 0);
	s = run_site(&run, base + 4);
	EXPECT(run_text_unchanged(&run), "%s: a suffix word was rewritten", ENDIAN_NAME(be));
	EXPECT(s && s->action == PPCPV_ACTION_SKIP && s->skip == PPCPV_SKIP_PREFIXED,
	       "%s: the suffix is not recorded as a prefixed skip", ENDIAN_NAME(be));
}

/* The word after a prefix is its suffix even when it looks like a prefix;
 * the word after that is an instruction again. */
static void after_suffix_patched(int be)
{
	const struct ppcpv_site *s;
	uint64_t base = TMP_ADDR - 0x1000;

	run_init(&run, PPCPV_FAMILY_BOOK3S64, be, base, TMP_ADDR, 4096);
	run_add(&run, PREFIX_MLS);
	run_add(&run, PREFIX_8LS);
	run_add(&run, MFMSR(3));
	run_add(&run, MTMSR(4));
	run_patch(&run, 0);
	s = run_site(&run, base + 8);
	EXPECT(s && s->action == PPCPV_ACTION_LOAD, "%s: instruction after a suffix not patched",
	       ENDIAN_NAME(be));
	s = run_site(&run, base + 12);
	EXPECT(s && s->action == PPCPV_ACTION_BRANCH, "%s: mtmsr after it not patched",
	       ENDIAN_NAME(be));
}

static void branch_suffix_takes_no_space(int be)
{
	const struct ppcpv_site *s;
	uint64_t base = TMP_ADDR - 0x1000;

	run_init(&run, PPCPV_FAMILY_BOOK3S64, be, base, TMP_ADDR, 4096);
	run_add(&run, MFMSR(3));
	run_add(&run, PREFIX_MLS);
	run_add(&run, MTMSR(4));
	run_patch(&run, 0);
	s = run_site(&run, base + 8);
	EXPECT(s && s->skip == PPCPV_SKIP_PREFIXED, "%s: mtmsr suffix", ENDIAN_NAME(be));
	EXPECT_EQ(run_word(&run, 2), MTMSR(4), "%s: mtmsr suffix", ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.tmp_used, 0, "%s: kvm_tmp used for a suffix", ENDIAN_NAME(be));
	EXPECT(run_tmp_untouched_from(&run, 0), "%s: kvm_tmp written for a suffix",
	       ENDIAN_NAME(be));
}

/* A prefix as the last word has no suffix to skip. */
static void prefix_at_end(int be)
{
	uint64_t base = TMP_ADDR - 0x1000;

	run_init(&run, PPCPV_FAMILY_BOOK3S64, be, base, TMP_ADDR, 4096);
	run_add(&run, MFMSR(3));
	run_add(&run, PREFIX_8LS);
	run_patch(&run, 0);
	EXPECT_EQ(run.rc, 1, "%s: sites", ENDIAN_NAME(be));
	EXPECT_EQ(run_word(&run, 1), PREFIX_8LS, "%s: trailing prefix", ENDIAN_NAME(be));
}

static void suffix_not_patched_be(void) { suffix_not_patched(1); }
static void suffix_not_patched_le(void) { suffix_not_patched(0); }
static void after_suffix_patched_be(void) { after_suffix_patched(1); }
static void after_suffix_patched_le(void) { after_suffix_patched(0); }
static void branch_suffix_takes_no_space_be(void) { branch_suffix_takes_no_space(1); }
static void prefix_at_end_le(void) { prefix_at_end(0); }

/* ---- Dry runs ------------------------------------------------------------ */

static void mixed_text(enum ppcpv_family f, int be, struct run *r)
{
	run_init(r, f, be, TMP_ADDR - 0x1000, TMP_ADDR, 4096);
	run_add(r, MFMSR(3));
	run_add(r, FILLER);
	run_add(r, MTMSR(4));
	run_add(r, 0x7c00046c);		/* tlbsync */
	run_add(r, MTMSR(31));
}

/* A dry run decides exactly what a real run does and writes nothing. */
static void dry_run_decides_the_same(enum ppcpv_family f, int be)
{
	static struct run real;
	int i;

	mixed_text(f, be, &real);
	run_patch(&real, 0);
	mixed_text(f, be, &run);
	run.tmp.bytes = NULL;
	run_patch(&run, PPCPV_PATCH_DRY_RUN);
	EXPECT_EQ(run.rc, real.rc, "%s %s: sites", FNAME(f), ENDIAN_NAME(be));
	for (i = 0; i < real.rc && i < run.rc; i++)
		EXPECT(run_sites_equal(&run.sites[i], &real.sites[i]),
		       "%s %s: site %d differs from the real run", FNAME(f), ENDIAN_NAME(be), i);
	EXPECT(run_text_unchanged(&run), "%s %s: dry run wrote text", FNAME(f), ENDIAN_NAME(be));
	EXPECT_EQ(run.stats.tmp_needed, real.stats.tmp_needed, "%s %s", FNAME(f), ENDIAN_NAME(be));
}
TARGET_TESTS(dry_run_decides_the_same)

/* Counting only: no site list at all. */
static void dry_run_counts_without_sites(enum ppcpv_family f, int be)
{
	mixed_text(f, be, &run);
	run.rc = ppcpv_patch_text(&run.cfg, &run.text, &run.tmp, NULL, 0, PPCPV_PATCH_DRY_RUN,
				  &run.stats);
	EXPECT_EQ(run.rc, 4, "%s %s: sites counted", FNAME(f), ENDIAN_NAME(be));
	EXPECT(run_text_unchanged(&run), "%s %s: dry run wrote text", FNAME(f), ENDIAN_NAME(be));
	EXPECT(run_tmp_untouched_from(&run, 0), "%s %s: dry run wrote kvm_tmp", FNAME(f),
	       ENDIAN_NAME(be));
}
TARGET_TESTS(dry_run_counts_without_sites)

PPCPV_SUITE(patcher_layout, "patcher-layout", NULL, NULL,
	TARGET_ENTRIES("site 32 MiB above its trampoline: b -32 MiB", reach_call_lowest),
	TARGET_ENTRIES("site 32 MiB + 4 above: out of reach, no kvm_tmp", reach_call_below_lowest),
	TARGET_ENTRIES("farthest site below: return branch b -32 MiB", reach_return_lowest),
	TARGET_ENTRIES("4 bytes farther: return out of reach", reach_return_below_lowest),
	TARGET_ENTRIES("b +32 MiB - 4 alone is not enough", reach_call_highest_needs_return),
	TARGET_ENTRIES("site 32 MiB below: out of reach", reach_call_above_highest),
	TARGET_ENTRIES("an out-of-reach site takes no kvm_tmp", reach_skip_takes_no_space),
	TARGET_ENTRIES("room for exactly 3 of 5 trampolines", tmp_room_for_exactly_three),
	TARGET_ENTRIES("room one word short of 4 trampolines", tmp_one_word_short_of_four),
	TARGET_ENTRIES("empty kvm_tmp", tmp_empty),
	TARGET_ENTRIES("no branch below no_branch_below", no_branch_zone),
	TARGET_ENTRIES("exclusion ranges are not scanned", exclude_ranges),
	{ "book3s64 BE: a prefixed instruction's suffix is not patched", suffix_not_patched_be },
	{ "book3s64 LE: a prefixed instruction's suffix is not patched", suffix_not_patched_le },
	{ "book3s64 BE: the word after a suffix is patched", after_suffix_patched_be },
	{ "book3s64 LE: the word after a suffix is patched", after_suffix_patched_le },
	{ "book3s64 BE: a branch-kind suffix takes no kvm_tmp", branch_suffix_takes_no_space_be },
	{ "book3s64 LE: a trailing prefix", prefix_at_end_le },
	TARGET_ENTRIES("a dry run decides what a real run does", dry_run_decides_the_same),
	TARGET_ENTRIES("a dry run counts sites without a site list", dry_run_counts_without_sites))
