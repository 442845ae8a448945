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
#include <ppcpv/ppc_insn.h>
#include "internal.h"

#define XO_COUNT	1024
#define XO_OF(w)	(((w) >> 1) & (XO_COUNT - 1))
#define MAX_SPANS	(PPCPV_MAX_EXCLUDE + 1)
#define PPC_OP_PREFIX	1	/* POWER10 prefixed instructions */
#define TRAMPOLINE_MAX_WORDS 64

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
	unsigned int family_bit;
	int skip_prefixed;			/* 64-bit Book3S has prefixed insns */
	uint8_t xo_filter[XO_COUNT / 8];	/* XOs of opcode-31 rules in play */
};

/*
 * Every rule is an X-form of primary opcode 31, so a word can only match if
 * its opcode is 31 and its XO is one some rule of the family uses.  The
 * filter is derived from the table, never written by hand.
 */
static void build_filter(struct scan *s)
{
	unsigned int i;

	for (i = 0; i < ppcpv_rule_count; i++) {
		const struct ppcpv_rule *r = &ppcpv_rules[i];

		if (r->families & s->family_bit)
			s->xo_filter[XO_OF(r->match) / 8] |= (uint8_t)(1u << (XO_OF(r->match) % 8));
	}
}

static int filter_hit(const struct scan *s, uint32_t w)
{
	return s->xo_filter[XO_OF(w) / 8] & (1u << (XO_OF(w) % 8));
}

/* Table rows must stay within what the filter assumes. */
static int rules_filterable(void)
{
	unsigned int i;

	for (i = 0; i < ppcpv_rule_count; i++) {
		const struct ppcpv_rule *r = &ppcpv_rules[i];

		if (PPC_OPCD(r->match) != PPC_OP_X || (r->mask & 0xfc0007feu) != 0xfc0007feu)
			return 0;
	}
	return 1;
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
	if (!s->tmp || s->tmp_used + size > s->tmp->size) {
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

/* The hot loop, instantiated once per byte order so the load is inlined. */
static inline __attribute__((always_inline)) void
scan_span_order(struct scan *s, const uint8_t *p, uint64_t addr, size_t n, const int be)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint32_t w = ppc_load_insn(p + 4 * i, be);

		if (PPC_OPCD(w) != PPC_OP_X) {
			/* The suffix of a prefixed instruction is not an
			 * instruction of its own: never rewrite it. */
			if (PPC_OPCD(w) == PPC_OP_PREFIX && s->skip_prefixed && i + 1 < n) {
				i++;
				consider(s, addr + 4 * i, ppc_load_insn(p + 4 * i, be), PPCPV_SKIP_PREFIXED);
			}
			continue;
		}
		if (filter_hit(s, w))
			consider(s, addr + 4 * i, w, PPCPV_SKIP_NONE);
	}
}

static void scan_span(struct scan *s, const struct ppcpv_region *text, const struct span *sp)
{
	const uint8_t *p = text->bytes + (sp->start - text->addr);
	size_t n = (size_t)(sp->end - sp->start) / 4;

	if (s->cfg->big_endian)
		scan_span_order(s, p, sp->start, n, 1);
	else
		scan_span_order(s, p, sp->start, n, 0);
	s->stats.bytes_scanned += 4 * (uint64_t)n;
}

/* The text minus the exclusions, as word-aligned spans; returns the count. */
static unsigned int make_spans(const struct ppcpv_config *cfg, const struct ppcpv_region *text,
			       struct span *spans)
{
	unsigned int n = 1, i, j;

	spans[0] = (struct span){ text->addr, text->addr + text->size };
	for (i = 0; i < cfg->n_exclude; i++) {
		uint64_t xs = cfg->exclude[i].start & ~(uint64_t)3;
		uint64_t xe = (cfg->exclude[i].end + 3) & ~(uint64_t)3;

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
		if (r->size && r->addr < spans[i].end && r->addr + r->size > spans[i].start)
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
	if (text->addr + text->size < text->addr)
		return -PPCPV_ERR_RANGE;
	if (!tmp)
		return 0;
	if (tmp->addr & 3)
		return -PPCPV_ERR_ALIGN;
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

	err = ppcpv_config_check(cfg);
	if (!err)
		err = check_regions(text, tmp, flags);
	if (err)
		return err;
	if ((!sites && cap) || !rules_filterable())
		return -PPCPV_ERR_INVAL;
	n_spans = make_spans(cfg, text, spans);
	if (tmp && overlaps_spans(spans, n_spans, tmp))
		return -PPCPV_ERR_INVAL;	/* kvm_tmp inside the scanned text: exclude it */
	s.cfg = cfg;
	s.tmp = tmp && tmp->size ? tmp : NULL;
	s.sites = sites;
	s.cap = cap;
	s.family_bit = PPCPV_FAMILY_BIT(cfg->family);
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
		if (site->addr < text->addr || site->addr + 4 > text->addr + text->size || (site->addr & 3))
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
