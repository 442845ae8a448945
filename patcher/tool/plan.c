// SPDX-License-Identifier: MIT
/* Deciding ppcpv-patch's scan targets, exclusions and trampoline region. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/err.h>
#include "plan.h"
#include "tool.h"

#define WORD_UP(a)	(((a) + 3) & ~(uint64_t)3)
#define WORD_DOWN(a)	((a) & ~(uint64_t)3)

/* The family: given (and fitting the ELF class) or the class's default. */
static int choose_family(const struct elf_image *img, const struct tool_options *o,
			 enum ppcpv_family *family)
{
	if (!o->family_given) {
		if (img->word_bits == 32) {
			tool_error("%s is a 32-bit ELF: give --family book3s32 or --family e500",
				   img->path);
			return EXIT_USAGE;
		}
		*family = PPCPV_FAMILY_BOOK3S64;
		return 0;
	}
	*family = o->family;
	if ((o->family == PPCPV_FAMILY_BOOK3S64) != (img->word_bits == 64)) {
		tool_error("--family %s does not fit %s, a %u-bit ELF", ppcpv_family_name(o->family),
			   img->path, img->word_bits);
		return EXIT_USAGE;
	}
	return 0;
}

static int make_config(const struct elf_image *img, const struct tool_options *o,
		       struct ppcpv_config *cfg)
{
	enum ppcpv_family family;
	int err = choose_family(img, o, &family);

	if (err)
		return err;
	ppcpv_config_init(cfg, family, img->big_endian);
	cfg->features = o->features;
	cfg->magic_ea = o->magic_ea;
	err = ppcpv_config_check(cfg);
	if (err) {
		tool_error("--magic-ea %" PRId64 ": rejected by the patcher: %s (the page must be "
			   "4096-aligned with the whole shared area reachable as a 16-bit "
			   "displacement from 0)", o->magic_ea, ppcpv_strerror(err));
		return EXIT_USAGE;
	}
	return 0;
}

/* The only executable section of a relocatable object (n_exec == 1). */
static const struct elf_section *only_exec_section(const struct elf_image *img)
{
	unsigned int i;

	for (i = 0; i < img->n_sections; i++)
		if (img->sections[i].exec_bytes)
			return &img->sections[i];
	return NULL;
}

/* A number: an address, or in a relocatable object an offset in its code. */
static int resolve_number(const struct elf_image *img, const char *what, const char *text,
			  uint64_t value, struct image_loc *loc)
{
	if (!img->relocatable) {
		loc->sec = elf_image_exec_section(img, NULL, value, 0);
		loc->addr = value;
		return 0;
	}
	if (img->n_exec != 1) {
		tool_error("%s '%s': a number is ambiguous in a relocatable object with %u "
			   "executable sections; use a symbol", what, text, img->n_exec);
		return EXIT_USAGE;
	}
	loc->sec = only_exec_section(img);
	loc->addr = loc->sec->addr + value;
	return 0;
}

/* "SYM", "SYM+OFF" or a number. */
static int resolve(const struct elf_image *img, const char *what, const char *text,
		   struct image_loc *loc)
{
	char *plus = strrchr(text, '+'), *name;
	uint64_t value, off = 0;
	int found;

	if (!parse_u64(text, &value))
		return resolve_number(img, what, text, value, loc);
	if (plus && plus != text && parse_u64(plus + 1, &off)) {
		tool_error("%s '%s': bad offset after '+'", what, text);
		return EXIT_USAGE;
	}
	name = plus && plus != text ? strndup(text, (size_t)(plus - text)) : strdup(text);
	if (!name) {
		tool_error("out of memory");
		return EXIT_USAGE;
	}
	found = !elf_image_symbol(img, name, loc);
	if (!found)
		tool_error("%s '%s': unknown symbol '%s' in %s", what, text, name, img->path);
	free(name);
	loc->addr += off;
	return found ? 0 : EXIT_USAGE;
}

static int add_target(struct scan_plan *plan, const struct elf_section *sec,
		      uint64_t start, uint64_t end)
{
	uint64_t s = WORD_UP(start > sec->addr ? start : sec->addr);
	uint64_t e = WORD_DOWN(end < sec->addr + sec->size ? end : sec->addr + sec->size);

	if (start >= end || e <= s)
		return 0;
	plan->targets[plan->n_targets++] = (struct scan_target){ sec, s, e, 0 };
	return 0;
}

/* Targets for [start, end): every executable section it covers. */
static void cut_range(const struct elf_image *img, struct scan_plan *plan,
		      const struct image_loc *start, const struct image_loc *end)
{
	unsigned int i;

	if (img->relocatable) {
		add_target(plan, start->sec, start->addr, end->addr);
		return;
	}
	for (i = 0; i < img->n_sections; i++)
		if (img->sections[i].exec_bytes)
			add_target(plan, &img->sections[i], start->addr, end->addr);
}

static int range_from(const struct elf_image *img, struct scan_plan *plan,
		      const char *start_text, const char *end_text, const char *name)
{
	struct image_loc start, end;
	int err = resolve(img, "--start", start_text, &start);

	if (!err)
		err = resolve(img, "--end", end_text, &end);
	if (err)
		return err;
	if (img->relocatable && (!start.sec || start.sec != end.sec || !start.sec->exec_bytes)) {
		tool_error("%s: %s..%s must lie in one executable section of a relocatable object",
			   img->path, start_text, end_text);
		return EXIT_USAGE;
	}
	if (end.addr <= start.addr) {
		tool_error("%s: empty scan range %s..%s (0x%" PRIx64 "..0x%" PRIx64 ")", img->path,
			   start_text, end_text, start.addr, end.addr);
		return EXIT_USAGE;
	}
	plan->range_name = name;
	cut_range(img, plan, &start, &end);
	return 0;
}

static int choose_targets(const struct elf_image *img, const struct tool_options *o,
			  struct scan_plan *plan)
{
	struct image_loc s, e;
	unsigned int i;
	int err = 0;

	plan->targets = calloc(img->n_exec ? img->n_exec : 1, sizeof(*plan->targets));
	if (!plan->targets) {
		tool_error("out of memory");
		return EXIT_INPUT;
	}
	if (o->start)
		err = range_from(img, plan, o->start, o->end, "--start..--end");
	else if (!elf_image_symbol(img, "_stext", &s) && !elf_image_symbol(img, "_etext", &e) &&
		 (!img->relocatable || s.sec == e.sec))
		err = range_from(img, plan, "_stext", "_etext", "_stext.._etext");
	else {
		plan->range_name = "executable sections";
		for (i = 0; i < img->n_sections; i++)
			if (img->sections[i].exec_bytes)
				add_target(plan, &img->sections[i], img->sections[i].addr,
					   img->sections[i].addr + img->sections[i].size);
	}
	if (!err && !plan->n_targets) {
		tool_error("%s: no executable text to scan (%s)", img->path, plan->range_name);
		err = o->start ? EXIT_USAGE : EXIT_INPUT;
	}
	return err;
}

static void add_exclude(struct scan_plan *plan, const struct elf_section *sec,
			uint64_t start, uint64_t end, const char *what)
{
	if (plan->n_exclude < PLAN_MAX_EXCLUDE && end > start)
		plan->exclude[plan->n_exclude++] = (struct plan_range){ sec, start, end, what };
}

/* A symbol pair START..END of the image, if both exist. */
static int symbol_pair(const struct elf_image *img, const char *start, const char *end,
		       int warn, struct plan_range *r)
{
	struct image_loc s, e;
	int has_s = !elf_image_symbol(img, start, &s), has_e = !elf_image_symbol(img, end, &e);

	if (warn && has_s != has_e)
		tool_warning("%s has %s but not %s; ignored", img->path, has_s ? start : end,
			     has_s ? end : start);
	if (!has_s || !has_e || e.addr < s.addr || (img->relocatable && s.sec != e.sec))
		return -1;
	*r = (struct plan_range){ img->relocatable ? s.sec : NULL, s.addr, e.addr, start };
	return 0;
}

/* The image's own trampoline regions: ppcpv's first, then Linux's. */
static const char *const own_tmp_symbols[][2] = {
	{ "ppcpv_kvm_tmp", "ppcpv_kvm_tmp_end" },
	{ "kvm_tmp", "kvm_tmp_end" },
};
#define N_OWN_TMP (sizeof(own_tmp_symbols) / sizeof(own_tmp_symbols[0]))

static int exclude_image_regions(const struct elf_image *img, struct scan_plan *plan)
{
	struct plan_range r;
	unsigned int i;

	if (!symbol_pair(img, "kvm_template_start", "kvm_template_end", 1, &r))
		add_exclude(plan, r.sec, r.start, r.end, "kvm_template_start..kvm_template_end");
	for (i = 0; i < N_OWN_TMP; i++)
		if (!symbol_pair(img, own_tmp_symbols[i][0], own_tmp_symbols[i][1], 1, &r))
			add_exclude(plan, r.sec, r.start, r.end, own_tmp_symbols[i][0]);
	return 0;
}

/* A trampoline region must be word aligned, with file bytes, in code. */
static int tmp_region_ok(const struct elf_image *img, struct tmp_plan *t, const char *what)
{
	const struct elf_section *sec = elf_image_exec_section(img, t->sec, t->addr, t->size);
	/* A bad --kvm-tmp is bad usage; a bad kvm_tmp of the image's own, bad input. */
	int status = t->source[0] == '-' ? EXIT_USAGE : EXIT_INPUT;

	if (!sec) {
		tool_error("%s: %s (0x%" PRIx64 ", %" PRIu64 " bytes) is not inside one executable "
			   "section of %s", what, t->source, t->addr, t->size, img->path);
		return status;
	}
	if (t->addr & 3) {
		tool_error("%s: %s at 0x%" PRIx64 " is not word aligned", what, t->source, t->addr);
		return status;
	}
	t->sec = sec;
	return 0;
}

static int choose_tmp(const struct elf_image *img, const struct tool_options *o,
		      struct scan_plan *plan)
{
	struct image_loc loc;
	struct plan_range r;
	unsigned int i;
	int err;

	if (o->kvm_tmp) {
		err = resolve(img, "--kvm-tmp", o->kvm_tmp_where, &loc);
		if (err)
			return err;
		plan->tmp = (struct tmp_plan){ "--kvm-tmp", loc.sec, loc.addr, o->kvm_tmp_size };
		err = tmp_region_ok(img, &plan->tmp, o->kvm_tmp);
		if (!err)
			add_exclude(plan, img->relocatable ? plan->tmp.sec : NULL, plan->tmp.addr,
				    plan->tmp.addr + plan->tmp.size, "--kvm-tmp");
		return err;
	}
	for (i = 0; i < N_OWN_TMP; i++) {
		if (symbol_pair(img, own_tmp_symbols[i][0], own_tmp_symbols[i][1], 0, &r))
			continue;
		plan->tmp = (struct tmp_plan){ own_tmp_symbols[i][0], r.sec, r.start, r.end - r.start };
		return plan->tmp.size ? tmp_region_ok(img, &plan->tmp, img->path) : 0;
	}
	return 0;
}

/* Relocatable Book3S kernels copy their vectors: no branch from below. */
static void choose_branch_rule(const struct elf_image *img, struct scan_plan *plan)
{
	struct image_loc loc;

	if (plan->cfg.family == PPCPV_FAMILY_E500 ||
	    elf_image_symbol(img, "__end_interrupts", &loc))
		return;
	plan->no_branch_below = loc;
	if (!img->relocatable)
		plan->no_branch_below.sec = NULL;	/* one address space */
}

/* In an object file only the kvm_tmp section has fixed distances to it. */
static void mark_unreachable_targets(const struct elf_image *img, struct scan_plan *plan)
{
	unsigned int i;

	if (!img->relocatable)
		return;
	for (i = 0; i < plan->n_targets; i++)
		plan->targets[i].no_branches = plan->targets[i].sec != plan->tmp.sec;
}

int plan_build(const struct elf_image *img, const struct tool_options *opts,
	       const struct plan_range *extra, struct scan_plan *plan)
{
	int err;

	memset(plan, 0, sizeof(*plan));
	err = make_config(img, opts, &plan->cfg);
	if (!err)
		err = choose_targets(img, opts, plan);
	if (!err)
		err = exclude_image_regions(img, plan);
	if (!err)
		err = choose_tmp(img, opts, plan);
	if (err) {
		plan_free(plan);
		return err;
	}
	if (extra)
		add_exclude(plan, extra->sec, extra->start, extra->end, extra->what);
	choose_branch_rule(img, plan);
	mark_unreachable_targets(img, plan);
	return 0;
}

void plan_free(struct scan_plan *plan)
{
	free(plan->targets);
	plan->targets = NULL;
}

static int range_applies(const struct plan_range *r, const struct scan_target *t)
{
	if (r->sec && r->sec != t->sec)
		return 0;
	return r->start < t->end && r->end > t->start;
}

/* Already covered by a range kept so far? (Nested regions are common.) */
static int covered(const struct ppcpv_config *cfg, const struct plan_range *r)
{
	unsigned int i;

	for (i = 0; i < cfg->n_exclude; i++)
		if (cfg->exclude[i].start <= r->start && cfg->exclude[i].end >= r->end)
			return 1;
	return 0;
}

int plan_target_config(const struct scan_plan *plan, const struct scan_target *t,
		       struct ppcpv_config *cfg)
{
	const struct image_loc *nb = &plan->no_branch_below;
	unsigned int i;

	*cfg = plan->cfg;
	for (i = 0; i < plan->n_exclude; i++) {
		const struct plan_range *r = &plan->exclude[i];

		if (!range_applies(r, t) || covered(cfg, r))
			continue;
		if (cfg->n_exclude == PPCPV_MAX_EXCLUDE) {
			tool_error("section %s: more than %d regions to exclude", t->sec->name,
				   PPCPV_MAX_EXCLUDE);
			return EXIT_INPUT;
		}
		cfg->exclude[cfg->n_exclude++] = (struct ppcpv_range){ r->start, r->end };
	}
	if (t->no_branches)
		cfg->no_branch_below = t->end;
	else if (nb->addr && (!nb->sec || nb->sec == t->sec))
		cfg->no_branch_below = nb->addr;
	return 0;
}
