// SPDX-License-Identifier: MIT
/*
 * The scan over long texts: pseudo-random words mixed with every kind of
 * site, near misses and (book3s64) prefixed instructions, at several text
 * lengths and buffer alignments.  Every word must come out as the model
 * says: not a site and untouched, a prefixed suffix and untouched, or
 * rewritten.  Prefixes are also put in the last word of otherwise quiet
 * 32-word blocks, where a block-wise filter could lose them.
 */
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include "../patcher/check.h"
#include "../patcher/model.h"
#include "ppcpv_test.h"

#define FNAME(f) ppcpv_family_name(f)
#define SCAN_MAX_WORDS 4099	/* 128 blocks of 32 words and a tail of 3 */
#define TEXT_ADDR 0x01000004ull
#define TMP_ADDR 0x01800000ull
#define QUIET 0x38600001u	/* li r3,1 */

static uint32_t words[SCAN_MAX_WORDS];
static uint8_t text_store[4 * SCAN_MAX_WORDS + 16];
static uint8_t tmp_store[65536];
static struct ppcpv_site sites[SCAN_MAX_WORDS];
static int record_of[SCAN_MAX_WORDS];

static uint32_t lcg_state;

static uint32_t lcg(void)
{
	lcg_state = lcg_state * 1664525u + 1013904223u;
	return lcg_state;
}

static int is_prefix(enum ppcpv_family f, uint32_t w)
{
	return f == PPCPV_FAMILY_BOOK3S64 && (w >> 26) == 1;
}

static uint32_t random_row_word(enum ppcpv_family f)
{
	const struct model_row *row;
	unsigned int rs, rb;

	do
		row = &model_rows[lcg() % model_row_count];
	while (!model_row_applies(row, f));
	model_reg_case(row, lcg() % model_reg_cases(row), &rs, &rb);
	return model_orig_word(row, rs, rb);
}

static uint32_t random_word(enum ppcpv_family f)
{
	uint32_t r = lcg(), w;

	switch (r % 16) {
	case 0:
	case 1:
	case 2:
		return random_row_word(f);
	case 3:	/* one bit away from a site */
		return random_row_word(f) ^ (1u << (lcg() % 32));
	case 4:	/* a prefix on book3s64; opcode 1 means nothing elsewhere */
		if (f == PPCPV_FAMILY_BOOK3S64)
			return 0x04000000u | (lcg() & 0x03ffffffu);
		return QUIET;
	case 5:
	case 6:
		return QUIET;
	default:
		w = lcg();
		return (w >> 26) == 1 && f != PPCPV_FAMILY_BOOK3S64 ? QUIET : w;
	}
}

static void generate(enum ppcpv_family f, uint32_t seed)
{
	unsigned int i, b;

	lcg_state = seed;
	for (i = 0; i < SCAN_MAX_WORDS; i++)
		words[i] = random_word(f);
	/* block 3 is quiet but ends in a prefix; block 4 starts with its suffix */
	for (i = 96; i < 127; i++)
		words[i] = QUIET;
	/* prefixes in the last word of some blocks, sites right after */
	for (b = 1; b < 128; b += 3) {
		words[32 * b - 1] = f == PPCPV_FAMILY_BOOK3S64 ? 0x06000000u : QUIET;
		words[32 * b] = 0x7ca000a6;	/* mfmsr r5 */
	}
	/* and a site in the very first and last word */
	words[0] = 0x7c0000a6;
	words[SCAN_MAX_WORDS - 1] = 0x7fe00124;	/* mtmsr r31 */
}

struct scan_run {
	enum ppcpv_family f;
	int be;
	unsigned int n, align;
	struct ppcpv_config cfg;
	struct ppcpv_region text, tmp;
	int rc;
	char what[64];
};

static void scan(struct scan_run *r)
{
	unsigned int i;

	model_config(&r->cfg, r->f, r->be);
	r->text = (struct ppcpv_region){ text_store + r->align, TEXT_ADDR, 4 * (size_t)r->n };
	r->tmp = (struct ppcpv_region){ tmp_store, TMP_ADDR, sizeof(tmp_store) };
	for (i = 0; i < r->n; i++)
		model_put_word(r->text.bytes + 4 * i, words[i], r->be);
	snprintf(r->what, sizeof(r->what), "%s %s, %u words at +%u", FNAME(r->f),
		 ENDIAN_NAME(r->be), r->n, r->align);
	r->rc = ppcpv_patch_text(&r->cfg, &r->text, &r->tmp, sites, SCAN_MAX_WORDS, 0, NULL);
	for (i = 0; i < r->n; i++)
		record_of[i] = -1;
	for (i = 0; (int)i < r->rc; i++)
		if (sites[i].addr >= TEXT_ADDR && sites[i].addr < TEXT_ADDR + 4 * r->n &&
		    (sites[i].addr & 3) == 0)
			record_of[(sites[i].addr - TEXT_ADDR) / 4] = (int)i;
}

/* The model's verdict on word i, given whether it is a suffix. */
static void check_word(const struct scan_run *r, unsigned int i, int suffix)
{
	const struct model_row *row = model_find(r->f, words[i]);
	uint32_t now = model_get_word(r->text.bytes + 4 * i, r->be);
	const struct ppcpv_site *s = record_of[i] >= 0 ? &sites[record_of[i]] : NULL;
	char want[MODEL_TEXT_MAX], got[MODEL_TEXT_MAX];

	if (!row) {
		EXPECT(!s && now == words[i], "%s: word %u %#x is no site, yet %s (now %#x)", r->what,
		       i, words[i], s ? "recorded" : "rewritten", now);
		return;
	}
	EXPECT(s != NULL, "%s: word %u %#x (%s) not found", r->what, i, words[i], row->name);
	if (!s)
		return;
	if (suffix) {
		EXPECT(s->skip == PPCPV_SKIP_PREFIXED && now == words[i],
		       "%s: word %u %#x (%s) is a suffix: skip %u, now %#x", r->what, i, words[i],
		       row->name, s->skip, now);
		return;
	}
	EXPECT(s->action == row->action && now == s->new_word,
	       "%s: word %u %#x (%s): action %u skip %u, now %#x", r->what, i, words[i], row->name,
	       s->action, s->skip, now);
	if (row->action == PPCPV_ACTION_BRANCH || s->action != row->action)
		return;
	model_new_text(row, r->f, PPCPV_MAGIC_PAGE_EA, (words[i] >> 21) & 31, want, sizeof(want));
	model_disasm(r->f, r->be, now, s->addr, got, sizeof(got));
	EXPECT_STR(got, want, "%s: word %u (%s)", r->what, i, row->name);
}

static void check_scan(const struct scan_run *r)
{
	unsigned int i, expected = 0;
	int suffix = 0;

	for (i = 0; i < r->n; i++) {
		check_word(r, i, suffix);
		expected += model_find(r->f, words[i]) != NULL;
		suffix = !suffix && is_prefix(r->f, words[i]);
	}
	EXPECT_EQ(r->rc, expected, "%s: sites", r->what);
}

static void check_unpatch(const struct scan_run *r)
{
	unsigned int i;

	if (r->rc < 0)
		return;
	EXPECT(ppcpv_unpatch(&r->cfg, (struct ppcpv_region *)&r->text, sites, (size_t)r->rc) >= 0,
	       "%s: unpatch failed", r->what);
	for (i = 0; i < r->n; i++)
		if (model_get_word(r->text.bytes + 4 * i, r->be) != words[i])
			break;
	EXPECT(i == r->n, "%s: word %u differs after unpatch", r->what, i);
}

static void scan_lengths_and_alignments(enum ppcpv_family f, int be)
{
	static const unsigned int lengths[] = { 1, 31, 32, 33, 97, 129, SCAN_MAX_WORDS };
	static struct scan_run r;
	unsigned int l, a;

	for (l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++) {
		for (a = 0; a < 16; a += 4) {
			generate(f, 0x5eed0000u + 16 * f + 2 * (unsigned int)be + l);
			r.f = f;
			r.be = be;
			r.n = lengths[l];
			r.align = a;
			scan(&r);
			check_scan(&r);
			check_unpatch(&r);
		}
	}
}
TARGET_TESTS(scan_lengths_and_alignments)

PPCPV_SUITE(patcher_scan, "patcher-scan", NULL, NULL,
	TARGET_ENTRIES("long mixed texts: every word as the model says", scan_lengths_and_alignments))
