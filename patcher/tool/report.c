// SPDX-License-Identifier: MIT
/* ppcpv-patch's human report, JSON summary and --sites lines. */
#include <inttypes.h>
#include <stdio.h>
#include <ppcpv/patcher.h>
#include "report.h"

/* A JSON string: quotes, backslashes and control characters escaped. */
static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static const char *endianness(const struct elf_image *img)
{
	return img->big_endian ? "big" : "little";
}

/* ---- Human report --------------------------------------------------- */

static void text_counts(const char *title, const uint32_t *counts, unsigned int n,
			const char *(*name)(unsigned int), uint32_t total)
{
	const char *sep = " (";
	unsigned int i;

	printf("%-9s %" PRIu32, title, total);
	for (i = 0; i < n; i++) {
		if (!counts[i])
			continue;
		printf("%s%s %" PRIu32, sep, name(i), counts[i]);
		sep = ", ";
	}
	printf("%s\n", *sep == ',' ? ")" : "");
}

static const char *kind_name(unsigned int i) { return ppcpv_kind_name((enum ppcpv_kind)i); }
static const char *action_name(unsigned int i) { return ppcpv_action_name((enum ppcpv_action)i); }
static const char *skip_name(unsigned int i) { return ppcpv_skip_name((enum ppcpv_skip)i); }

static void text_plan(const struct report_ctx *r)
{
	const struct scan_plan *p = r->plan;
	unsigned int i;

	printf("%s: ELF%u %s-endian%s, family %s, features 0x%" PRIx32 ", magic page at %" PRId64 "\n",
	       r->img->path, r->img->word_bits, endianness(r->img),
	       r->img->relocatable ? " relocatable object" : "", ppcpv_family_name(p->cfg.family),
	       p->cfg.features, p->cfg.magic_ea);
	printf("scanned   %" PRIu64 " bytes of %s (%u piece%s) in %.6f s\n",
	       r->res->stats.bytes_scanned, p->range_name, p->n_targets,
	       p->n_targets == 1 ? "" : "s", r->res->seconds);
	for (i = 0; i < p->n_exclude; i++)
		printf("excluded  %s [0x%" PRIx64 ", 0x%" PRIx64 ")\n", p->exclude[i].what,
		       p->exclude[i].start, p->exclude[i].end);
	if (p->no_branch_below.addr)
		printf("no branch below __end_interrupts (0x%" PRIx64 "): relocatable Book3S rule\n",
		       p->no_branch_below.addr);
}

void report_text(const struct report_ctx *r)
{
	const struct ppcpv_stats *st = &r->res->stats;
	const struct tmp_plan *t = &r->plan->tmp;

	text_plan(r);
	text_counts("sites", st->found_by_kind, PPCPV_KIND_COUNT, kind_name, st->sites);
	text_counts(r->applied_to ? "patched" : "patchable", st->patched_by_action,
		    PPCPV_ACTION_COUNT, action_name, st->patched);
	text_counts("skipped", st->skipped_by_reason, PPCPV_SKIP_COUNT, skip_name, st->skipped);
	if (t->source)
		printf("kvm_tmp   %s at 0x%" PRIx64 ": %" PRIu64 " of %" PRIu64 " bytes used, %"
		       PRIu64 " needed\n", t->source, t->addr, st->tmp_used, t->size, st->tmp_needed);
	else
		printf("kvm_tmp   none (the image has no kvm_tmp; see --kvm-tmp): %" PRIu64
		       " bytes needed\n", st->tmp_needed);
	if (r->applied_to)
		printf("wrote     %s\n", r->applied_to);
	if (r->note)
		printf("note      %s\n", r->note);
}

/* ---- JSON summary ------------------------------------------------------ */

static void json_counts(const char *key, const uint32_t *counts, unsigned int first,
			unsigned int n, const char *(*name)(unsigned int))
{
	unsigned int i;

	printf(",\"%s\":{", key);
	for (i = first; i < n; i++)
		printf("%s\"%s\":%" PRIu32, i == first ? "" : ",", name(i), counts[i]);
	printf("}");
}

static void json_hex_or_null(const char *key, int present, uint64_t v)
{
	if (present)
		printf(",\"%s\":\"0x%" PRIx64 "\"", key, v);
	else
		printf(",\"%s\":null", key);
}

static void json_tmp(const struct report_ctx *r)
{
	const struct tmp_plan *t = &r->plan->tmp;
	const struct ppcpv_stats *st = &r->res->stats;

	printf(",\"kvm_tmp\":{\"source\":");
	if (t->source)
		json_string(stdout, t->source);
	else
		printf("null");
	json_hex_or_null("start", t->source != NULL, t->addr);
	json_hex_or_null("end", t->source != NULL, t->addr + t->size);
	printf(",\"needed\":%" PRIu64 ",\"used\":%" PRIu64 ",\"available\":%" PRIu64 "}",
	       st->tmp_needed, st->tmp_used, t->size);
}

void report_json(const struct report_ctx *r)
{
	const struct ppcpv_stats *st = &r->res->stats;
	const struct scan_plan *p = r->plan;

	printf("{\"file\":");
	json_string(stdout, r->img->path);
	printf(",\"family\":\"%s\",\"endianness\":\"%s\",\"word_bits\":%u",
	       ppcpv_family_name(p->cfg.family), endianness(r->img), r->img->word_bits);
	printf(",\"features\":\"0x%" PRIx32 "\",\"magic_ea\":%" PRId64 ",\"range\":",
	       p->cfg.features, p->cfg.magic_ea);
	json_string(stdout, p->range_name);
	json_hex_or_null("no_branch_below", p->no_branch_below.addr != 0, p->no_branch_below.addr);
	printf(",\"bytes_scanned\":%" PRIu64 ",\"sites\":%" PRIu32, st->bytes_scanned, st->sites);
	json_counts("found_by_kind", st->found_by_kind, 0, PPCPV_KIND_COUNT, kind_name);
	printf(",\"patched\":%" PRIu32, st->patched);
	json_counts("patched_by_kind", st->patched_by_kind, 0, PPCPV_KIND_COUNT, kind_name);
	json_counts("patched_by_action", st->patched_by_action, 0, PPCPV_ACTION_SKIP, action_name);
	printf(",\"skipped\":%" PRIu32, st->skipped);
	json_counts("skipped_by_reason", st->skipped_by_reason, PPCPV_SKIP_NONE + 1,
		    PPCPV_SKIP_COUNT, skip_name);
	json_tmp(r);
	printf(",\"applied\":");
	if (r->applied_to)
		json_string(stdout, r->applied_to);
	else
		printf("null");
	printf(",\"scan_seconds\":%.6f}\n", r->res->seconds);
}

/* ---- One line per site ------------------------------------------------- */

static void site_line(const struct ppcpv_site *s, const struct elf_section *sec)
{
	printf("{\"addr\":\"0x%" PRIx64 "\",\"section\":", s->addr);
	json_string(stdout, sec->name);
	printf(",\"orig\":\"0x%08" PRIx32 "\",\"kind\":\"%s\",\"rule\":", s->orig,
	       ppcpv_kind_name((enum ppcpv_kind)ppcpv_rules[s->rule].kind));
	json_string(stdout, ppcpv_rules[s->rule].name);
	printf(",\"action\":\"%s\",\"new\":\"0x%08" PRIx32 "\"",
	       ppcpv_action_name((enum ppcpv_action)s->action), s->new_word);
	if (s->action == PPCPV_ACTION_BRANCH)
		printf(",\"target\":\"0x%" PRIx64 "\",\"tramp_bytes\":%u", s->target, s->tmp_size);
	if (s->action == PPCPV_ACTION_SKIP)
		printf(",\"reason\":\"%s\"", ppcpv_skip_name((enum ppcpv_skip)s->skip));
	printf("}\n");
}

void report_sites(const struct report_ctx *r)
{
	unsigned int t;
	size_t i;

	for (t = 0; t < r->plan->n_targets; t++) {
		const struct target_sites *ts = &r->res->per_target[t];

		for (i = ts->first; i < ts->first + ts->count; i++)
			site_line(&r->res->sites[i], r->plan->targets[t].sec);
	}
}
