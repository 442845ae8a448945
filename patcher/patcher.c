// SPDX-License-Identifier: MIT
/*
 * The scan/decide/write engine.  Phase 1 walks the text once and decides
 * every site (rule, replacement, trampoline placement, or why it is
 * skipped) without writing; phase 2 writes trampolines first, then the site
 * words.  Nothing is written unless phase 1 could record every site.
 */
#include <stddef.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/range.h>
#include "internal.h"

#define MAX_SPANS	(PPCPV_MAX_EXCLUDE + 1)
#define TRAMPOLINE_MAX_WORDS 64

/*
 * Two-stage scan.  Stage 1 looks at 32 words at a time with nothing but
 * loads, ANDs and compares against a few keys, which the compiler turns
 * into vector code: a word can only match a rule if (word & COARSE_MASK)
 * equals (rule.match & COARSE_MASK).  COARSE_MASK keeps the primary opcode,
 * the extended opcode and the high bit of the low SPR half, which is set
 * for every privileged SPR and clear for LR, CTR and XER - without it
 * every mflr/mtlr would be a candidate.  Stage 2 runs the exact rule match
 * on the rare blocks that have a candidate.  Each key costs every word a
 * compare and an OR, so keys that differ in one extended-opcode bit
 * (mfspr and mtspr, mtmsr and mtmsrd) become one: that bit leaves the
 * mask (MERGE_BITS: never the opcode or the SPR bit).  The keys are derived from the
 * table for the family and compared in the text's own byte order (the keys
 * are swapped instead of every word).
 */
#define COARSE_MASK	0xfc1007feu
#define MERGE_BITS	0x000007feu
#define MAX_KEYS	8
#define BLOCK_WORDS	32

struct span {
	uint64_t start;
	uint64_t end;
};

struct scan {
	const struct ppcpv_config *cfg;
	const struct ppcpv_region *tmp;
	struct ppcpv_site *sites;
	size_t cap;
	size_t count;
	uint64_t tmp_used;
	struct ppcpv_stats stats;
	int skip_prefixed;		/* 64-bit Book3S has prefixed insns */
	int blocks;			/* stage 1 usable for this table/family */
	uint32_t mask;			/* COARSE_MASK less the merged bits */
	uint32_t keys[MAX_KEYS];	/* host-order coarse keys */
	unsigned int n_keys;
	uint32_t raw_mask, raw_keys[MAX_KEYS];	/* the same in text byte order */
	uint32_t raw_prefix_mask, raw_prefix_key;
};

static uint32_t swap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
}

static int host_is_big_endian(void)
{
	const union { uint32_t u; uint8_t b[4]; } probe = { 1 };

	return probe.b[0] == 0;
}

static int add_key(struct scan *s, uint32_t key)
{
	unsigned int i;

	for (i = 0; i < s->n_keys; i++)
		if (s->keys[i] == key)
			return 0;
	if (s->n_keys == MAX_KEYS)
		return -1;
	s->keys[s->n_keys++] = key;
	return 0;
}

/* Merge two keys that differ in one MERGE_BITS bit: the bit leaves the
 * mask, every key loses it, duplicates go.  1 if it merged. */
static int merge_keys(struct scan *s)
{
	unsigned int i, j, n = s->n_keys;
	uint32_t d = 0;

	for (i = 0; i < n && !d; i++)
		for (j = i + 1; j < n && !d; j++) {
			uint32_t x = s->keys[i] ^ s->keys[j];

			if (!(x & (x - 1)) && (x & MERGE_BITS))
				d = x;
		}
	if (!d)
		return 0;
	s->mask &= ~d;
	s->n_keys = 0;
	for (i = 0; i < n; i++)		/* in place: never more keys than before */
		add_key(s, s->keys[i] & s->mask);
	return 1;
}

/* The family's coarse keys; stage 1 stays off if the table does not fit
 * its assumptions (then every word goes through stage 2: slower, same). */
static void build_filter(struct scan *s)
{
	unsigned int bit = PPCPV_FAMILY_BIT(s->cfg->family), i;
	int swap = host_is_big_endian() != !!s->cfg->big_endian;

	s->blocks = 1;
	s->mask = COARSE_MASK;
	for (i = 0; i < ppcpv_rule_count; i++) {
		const struct ppcpv_rule *r = &ppcpv_rules[i];

		if (!(r->families & bit))
			continue;
		if ((r->mask & COARSE_MASK) != COARSE_MASK || add_key(s, r->match & COARSE_MASK))
			s->blocks = 0;
	}
	while (s->blocks && merge_keys(s))
		;
	s->raw_mask = swap ? swap32(s->mask) : s->mask;
	for (i = 0; i < MAX_KEYS; i++)	/* unused slots: a key no word can have */
		s->raw_keys[i] = i < s->n_keys ? (swap ? swap32(s->keys[i]) : s->keys[i]) : ~s->raw_mask;
	s->raw_prefix_mask = s->skip_prefixed ? (swap ? swap32(0xfc000000u) : 0xfc000000u) : 0;
	s->raw_prefix_key = s->skip_prefixed ? (swap ? swap32(0x04000000u) : 0x04000000u) : 1;
}

/*
 * Could any of these words be a site (or a prefix)?  Branch-free; nk (the
 * number of keys compared, a constant after inlining) is the family's key
 * count rounded up to 4, 6 or 8, the extra keys being impossible ones.
 */
static inline __attribute__((always_inline)) int
block_has_candidate(const struct scan *s, const uint8_t *p, const unsigned int nk)
{
	const uint32_t m = s->raw_mask, pm = s->raw_prefix_mask, pk = s->raw_prefix_key;
	const uint32_t k0 = s->raw_keys[0], k1 = s->raw_keys[1], k2 = s->raw_keys[2];
	const uint32_t k3 = s->raw_keys[3], k4 = s->raw_keys[4], k5 = s->raw_keys[5];
	const uint32_t k6 = s->raw_keys[6], k7 = s->raw_keys[7];
	uint32_t any = 0;
	unsigned int i;

	for (i = 0; i < BLOCK_WORDS; i++) {
		uint32_t w, c;

		/* one word at a time, straight from the text: a copy of the
		 * block (a memcpy call where the compiler keeps memcpy out of
		 * line, as Linux does) would cost more than the filter */
		__builtin_memcpy(&w, p + 4 * i, sizeof(w));
		c = w & m;
		/* written out: the vectoriser wants straight-line code */
		any |= (uint32_t)(c == k0) | (c == k1) | (c == k2) | (c == k3) |
		       ((w & pm) == pk);
		if (nk > 4)
			any |= (uint32_t)(c == k4) | (c == k5);
		if (nk > 6)
			any |= (uint32_t)(c == k6) | (c == k7);
	}
	return any != 0;
}

/* How many keys stage 1 compares: n_keys rounded up to 4, 6 or 8. */
static unsigned int key_class(const struct scan *s)
{
	return s->n_keys <= 4 ? 4 : s->n_keys <= 6 ? 6 : MAX_KEYS;
}

static int is_candidate(const struct scan *s, uint32_t w)
{
	uint32_t c = w & s->mask;
	unsigned int i;

	for (i = 0; i < s->n_keys; i++)
		if (c == s->keys[i])
			return 1;
	return !s->blocks;	/* no usable keys: every word goes to the table */
}

static void place_trampoline(struct scan *s, struct ppcpv_site *site, const struct ppcpv_rule *r)
{
	uint64_t size = ppcpv_trampoline_size(s->cfg, r);
	uint64_t chunk, ret_at;
	uint32_t call, ret;

	if (site->addr < s->cfg->no_branch_below) {
		site->skip = PPCPV_SKIP_NO_BRANCH_ZONE;
		return;
	}
	s->stats.tmp_needed += size;
	chunk = (s->tmp ? s->tmp->addr : 0) + s->tmp_used;
	ret_at = chunk + ppcpv_trampoline_branch_offset(s->cfg, r);
	if (!s->tmp || !ppcpv_range_inside(0, s->tmp->size, s->tmp_used, size)) {
		site->skip = PPCPV_SKIP_NO_SPACE;
		return;
	}
	if (ppc_insn_branch(site->addr, chunk, &call) ||
	    ppc_insn_branch(ret_at, site->addr + 4, &ret)) {
		site->skip = PPCPV_SKIP_BRANCH_RANGE;
		return;
	}
	site->target = chunk;
	site->tmp_offset = (uint32_t)s->tmp_used;
	site->tmp_size = (uint16_t)size;
	site->new_word = call;
	s->tmp_used += size;
}

static void decide(struct scan *s, struct ppcpv_site *site, const struct ppcpv_rule *r)
{
	if (site->skip)
		return;
	if (r->feature & ~s->cfg->features) {
		site->skip = PPCPV_SKIP_FEATURE;
		return;
	}
	if (r->action == PPCPV_ACTION_BRANCH)
		place_trampoline(s, site, r);
	else
		ppcpv_rewrite_word(s->cfg, site->rule, site->orig, &site->new_word);
}

static void record(struct scan *s, const struct ppcpv_site *site, const struct ppcpv_rule *r)
{
	s->stats.sites++;
	s->stats.found_by_kind[r->kind]++;
	if (site->skip) {
		s->stats.skipped++;
		s->stats.skipped_by_reason[site->skip]++;
	} else {
		s->stats.patched++;
		s->stats.patched_by_kind[r->kind]++;
		s->stats.patched_by_action[site->action]++;
	}
	if (s->count < s->cap)
		s->sites[s->count] = *site;
	s->count++;
}

static void consider(struct scan *s, uint64_t addr, uint32_t w, enum ppcpv_skip forced)
{
	int rule = ppcpv_match(s->cfg->family, w);
	struct ppcpv_site site;

	if (rule < 0)
		return;
	site = (struct ppcpv_site){
		.addr = addr, .orig = w, .new_word = w, .rule = (uint16_t)rule,
		.action = ppcpv_rules[rule].action, .skip = (uint8_t)forced,
	};
	decide(s, &site, &ppcpv_rules[rule]);
	if (site.skip) {
		site.action = PPCPV_ACTION_SKIP;
		site.new_word = w;
	}
	record(s, &site, &ppcpv_rules[rule]);
}

/*
 * Stage 2 on words [from, to) of a span of n words: the exact match.
 * Returns the index after the last word consumed (a prefixed instruction at
 * the end of the range takes its suffix from beyond it).
 */
static inline __attribute__((always_inline)) size_t
scan_words(struct scan *s, const uint8_t *p, uint64_t addr, size_t from, size_t to, size_t n,
	   const int be)
{
	size_t i;

	for (i = from; i < to; i++) {
		uint32_t w = ppc_load_insn(p + 4 * i, be);

		/* The suffix of a prefixed instruction is not an instruction
		 * of its own: never rewrite it. */
		if (PPC_OPCD(w) == PPC_OP_PREFIX && s->skip_prefixed) {
			if (++i < n)
				consider(s, addr + 4 * i, ppc_load_insn(p + 4 * i, be), PPCPV_SKIP_PREFIXED);
			continue;
		}
		if (is_candidate(s, w))
			consider(s, addr + 4 * i, w, PPCPV_SKIP_NONE);
	}
	return i;
}

/* The hot loop, instantiated once per byte order so the load is inlined. */
static inline __attribute__((always_inline)) void
scan_span_order(struct scan *s, const uint8_t *p, uint64_t addr, size_t n, const int be,
		const unsigned int nk)
{
	size_t i = 0;

	if (s->blocks) {
		while (i + BLOCK_WORDS <= n) {
			if (block_has_candidate(s, p + 4 * i, nk))
				i = scan_words(s, p, addr, i, i + BLOCK_WORDS, n, be);
			else
				i += BLOCK_WORDS;
		}
	}
	scan_words(s, p, addr, i, n, n, be);
}

static void scan_span(struct scan *s, const struct ppcpv_region *text, const struct span *sp)
{
	const uint8_t *p = text->bytes + (sp->start - text->addr);
	size_t n = (size_t)(sp->end - sp->start) / 4;

	/* One copy of the loop per byte order and key count, all constant. */
	switch (key_class(s) * 2 + !!s->cfg->big_endian) {
	case 4 * 2:	scan_span_order(s, p, sp->start, n, 0, 4); break;
	case 4 * 2 + 1:	scan_span_order(s, p, sp->start, n, 1, 4); break;
	case 6 * 2:	scan_span_order(s, p, sp->start, n, 0, 6); break;
	case 6 * 2 + 1:	scan_span_order(s, p, sp->start, n, 1, 6); break;
	case 8 * 2:	scan_span_order(s, p, sp->start, n, 0, 8); break;
	default:	scan_span_order(s, p, sp->start, n, 1, 8); break;
	}
	s->stats.bytes_scanned += 4 * (uint64_t)n;
}

/* The text minus the exclusions, as word-aligned spans; returns the count. */
static unsigned int make_spans(const struct ppcpv_config *cfg, const struct ppcpv_region *text,
			       struct span *spans)
{
	uint64_t text_end = text->addr + text->size;	/* check_regions(): no wrap */
	unsigned int n = 1, i, j;

	spans[0] = (struct span){ text->addr, text_end };
	for (i = 0; i < cfg->n_exclude; i++) {
		uint64_t xs = cfg->exclude[i].start & ~(uint64_t)3;
		/* Rounded up only below the (word-aligned) text end: an end
		 * near 2^64 would wrap to a small number and undo the exclusion. */
		uint64_t xe = cfg->exclude[i].end < text_end ?
			      (cfg->exclude[i].end + 3) & ~(uint64_t)3 : text_end;

		for (j = 0; j < n; j++) {
			struct span *sp = &spans[j];

			if (xe <= sp->start || xs >= sp->end)
				continue;
			if (xs > sp->start && xe < sp->end && n < MAX_SPANS)
				spans[n++] = (struct span){ xe, sp->end };
			if (xs > sp->start)
				sp->end = xs;
			else
				sp->start = xe < sp->end ? xe : sp->end;
		}
	}
	return n;
}

static int overlaps_spans(const struct span *spans, unsigned int n, const struct ppcpv_region *r)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (r->size && spans[i].end > spans[i].start &&
		    ppcpv_ranges_meet(r->addr, r->size, spans[i].start, spans[i].end - spans[i].start))
			return 1;
	return 0;
}

static int check_regions(const struct ppcpv_region *text, const struct ppcpv_region *tmp,
			 unsigned int flags)
{
	if (!text || (!text->bytes && text->size))
		return -PPCPV_ERR_INVAL;
	if ((text->addr | text->size) & 3)
		return -PPCPV_ERR_ALIGN;
	if (!ppcpv_range_fits(text->addr, text->size))
		return -PPCPV_ERR_RANGE;
	if (!tmp)
		return 0;
	if (tmp->addr & 3)
		return -PPCPV_ERR_ALIGN;
	if (!ppcpv_range_fits(tmp->addr, tmp->size))
		return -PPCPV_ERR_RANGE;
	if (!(flags & PPCPV_PATCH_DRY_RUN) && tmp->size && !tmp->bytes)
		return -PPCPV_ERR_INVAL;
	return 0;
}

static void store_word(const struct ppcpv_config *cfg, const struct ppcpv_region *r,
		       uint64_t addr, uint32_t w)
{
	ppc_store_insn(r->bytes + (addr - r->addr), w, cfg->big_endian);
}

/* Phase 2: trampolines first, then the word that branches to them. */
static int write_sites(const struct scan *s, struct ppcpv_region *text)
{
	uint32_t words[TRAMPOLINE_MAX_WORDS];
	size_t i;
	int n, k;

	for (i = 0; i < s->count; i++) {
		const struct ppcpv_site *site = &s->sites[i];

		if (site->action == PPCPV_ACTION_SKIP)
			continue;
		if (site->action == PPCPV_ACTION_BRANCH) {
			n = ppcpv_trampoline_build(s->cfg, site->rule, site->orig, site->addr,
						   site->target, words, TRAMPOLINE_MAX_WORDS);
			if (n < 0)
				return n;
			for (k = 0; k < n; k++)
				store_word(s->cfg, s->tmp, site->target + 4u * (unsigned int)k, words[k]);
		}
		store_word(s->cfg, text, site->addr, site->new_word);
	}
	return 0;
}

int ppcpv_patch_text(const struct ppcpv_config *cfg, struct ppcpv_region *text,
		     struct ppcpv_region *tmp, struct ppcpv_site *sites, size_t cap,
		     unsigned int flags, struct ppcpv_stats *stats)
{
	struct span spans[MAX_SPANS];
	struct scan s = { 0 };
	unsigned int n_spans, i;
	int err;

	/* ppcpv_config_check() tells why a configuration is bad; here any
	 * bad one is simply invalid, so ALIGN keeps meaning the regions. */
	if (ppcpv_config_check(cfg))
		return -PPCPV_ERR_INVAL;
	err = check_regions(text, tmp, flags);
	if (err)
		return err;
	if (!sites && cap)
		return -PPCPV_ERR_INVAL;
	n_spans = make_spans(cfg, text, spans);
	if (tmp && overlaps_spans(spans, n_spans, tmp))
		return -PPCPV_ERR_INVAL;	/* kvm_tmp inside the scanned text: exclude it */
	s.cfg = cfg;
	s.tmp = tmp && tmp->size ? tmp : NULL;
	s.sites = sites;
	s.cap = cap;
	s.skip_prefixed = cfg->family == PPCPV_FAMILY_BOOK3S64;
	build_filter(&s);
	for (i = 0; i < n_spans; i++)
		scan_span(&s, text, &spans[i]);
	s.stats.tmp_used = s.tmp_used;
	s.stats.tmp_size = tmp ? tmp->size : 0;
	if (!(flags & PPCPV_PATCH_DRY_RUN)) {
		if (s.count > cap)
			return -PPCPV_ERR_NOSPACE;
		err = write_sites(&s, text);
		if (err)
			return err;
	}
	if (stats)
		*stats = s.stats;
	return s.count > 0x7fffffff ? 0x7fffffff : (int)s.count;
}

int ppcpv_unpatch(const struct ppcpv_config *cfg, struct ppcpv_region *text,
		  const struct ppcpv_site *sites, size_t n)
{
	size_t i;
	int restored = 0;

	if (ppcpv_config_check(cfg) || check_regions(text, NULL, 0) || (!sites && n))
		return -PPCPV_ERR_INVAL;
	for (i = 0; i < n; i++) {
		const struct ppcpv_site *site = &sites[i];

		if (site->action == PPCPV_ACTION_SKIP)
			continue;
		/* Sites may come from a file: an address near 2^64 must not
		 * wrap into the text. */
		if (!ppcpv_range_inside(text->addr, text->size, site->addr, 4) || (site->addr & 3))
			return -PPCPV_ERR_RANGE;
		if (ppc_load_insn(text->bytes + (site->addr - text->addr), cfg->big_endian) != site->new_word)
			return -PPCPV_ERR_MISMATCH;
	}
	for (i = 0; i < n; i++) {
		if (sites[i].action == PPCPV_ACTION_SKIP)
			continue;
		store_word(cfg, text, sites[i].addr, sites[i].orig);
		restored++;
	}
	return restored;
}
