// SPDX-License-Identifier: MIT
/* Free trampoline regions and signs of an earlier patch (see region_check.h). */
#include <gelf.h>
#include <inttypes.h>
#include <stdio.h>
#include <ppcpv/emul.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/range.h>
#include "region_check.h"
#include "tool.h"

#define IFORM_MASK	0xfc000003u	/* opcode, AA and LK of an I-form branch */
#define DISP_FIELD	0x0000ffffu	/* D or DS (with its XO bits) of a load/store */

/* Does r hold [addr, addr + len) of section sec?  A range without a
 * section holds addresses of any; in an object file every section has
 * addresses of its own. */
static int range_holds(const struct elf_image *img, const struct plan_range *r,
		       const struct elf_section *sec, uint64_t addr, uint64_t len)
{
	if (r->sec && img->relocatable && r->sec != sec)
		return 0;
	return ppcpv_range_inside(r->start, r->end - r->start, addr, len);
}

static int in_reserved(const struct elf_image *img, const struct scan_plan *plan,
		       const struct elf_section *sec, uint64_t addr, uint64_t len)
{
	unsigned int i;

	for (i = 0; i < plan->n_reserved; i++)
		if (range_holds(img, &plan->reserved[i], sec, addr, len))
			return 1;
	return 0;
}

/* The word holding the first non-zero byte of [addr, addr + len): 1 and *at. */
static int first_nonzero(const struct elf_image *img, const struct elf_section *sec,
			 uint64_t addr, uint64_t len, uint64_t *at)
{
	const uint8_t *p = elf_image_bytes(img, sec, addr);
	uint64_t i;

	for (i = 0; i < len; i++) {
		if (p[i]) {
			*at = addr + (i & ~(uint64_t)3);
			return 1;
		}
	}
	return 0;
}

/* ---- A free --kvm-tmp region ---------------------------------------------- */

struct symbol_probe {
	const struct elf_image *img;
	const struct scan_plan *plan;
	const struct tmp_plan *region;
	struct image_symbol found;
};

/* A function or object meeting the region, outside the image's own areas. */
static int live_symbol(const struct image_symbol *sym, void *ctx)
{
	struct symbol_probe *p = ctx;
	uint64_t size = sym->size ? sym->size : 1;

	if (sym->type != STT_FUNC && sym->type != STT_OBJECT)
		return 0;
	if (p->img->relocatable && sym->loc.sec != p->region->sec)
		return 0;
	if (!ppcpv_ranges_meet(sym->loc.addr, size, p->region->addr, p->region->size) ||
	    in_reserved(p->img, p->plan, sym->loc.sec, sym->loc.addr, size))
		return 0;
	p->found = *sym;
	return 1;
}

int region_check_free(const struct elf_image *img, const struct scan_plan *plan,
		      const char *text)
{
	const struct tmp_plan *t = &plan->tmp;
	struct symbol_probe probe = { img, plan, t, { 0 } };
	uint64_t at;

	/* The image's own area: whether it was used already is
	 * region_find_patch()'s question. */
	if (in_reserved(img, plan, t->sec, t->addr, t->size))
		return 0;
	if (first_nonzero(img, t->sec, t->addr, t->size, &at)) {
		tool_error("--kvm-tmp %s: the region holds code or data (a non-zero word at 0x%"
			   PRIx64 "); --force-kvm-tmp overwrites it anyway", text, at);
		return EXIT_USAGE;
	}
	if (elf_image_symbols(img, live_symbol, &probe)) {
		tool_error("--kvm-tmp %s: the region overlaps %s %s at 0x%" PRIx64 "; "
			   "--force-kvm-tmp overwrites it anyway", text,
			   probe.found.type == STT_FUNC ? "function" : "object",
			   probe.found.name ? probe.found.name : "?", probe.found.loc.addr);
		return EXIT_USAGE;
	}
	return 0;
}

/* ---- Signs of an earlier patch -------------------------------------------- */

static int patched_slot(const struct ppcpv_emul_template *t, int i)
{
	unsigned int k;

	for (k = 0; k < PPCPV_EMUL_MAX_VALUE_SLOTS; k++)
		if (t->value_slot[k] == i)
			return 1;
	return i == t->orig_slot || i == t->sr_index_slot || i == t->sr_store_slot;
}

static int magic_slot(const struct ppcpv_emul_template *t, int i)
{
	unsigned int k;

	for (k = 0; k < t->n_magic; k++)
		if (t->magic_slot[k] == i)
			return 1;
	return 0;
}

/*
 * The words at p are template t instantiated for a site at `site`: every
 * word the patcher copies as it is, the magic-page words up to their
 * displacement (the page may have been elsewhere), and the branch back to
 * site + 4.
 */
static int template_at(const struct elf_image *img, const struct ppcpv_emul_template *t,
		       const uint8_t *p, uint64_t chunk, uint64_t site)
{
	uint32_t back, w;
	int i;

	if (ppc_insn_branch(chunk + 4u * (uint64_t)t->branch_slot, site + 4, &back))
		return 0;
	for (i = 0; i < (int)t->n_words; i++) {
		w = ppc_load_insn(p + 4 * i, img->big_endian);
		if (i == t->branch_slot ? w != back :
		    !patched_slot(t, i) && ((w ^ t->words[i]) &
					    (magic_slot(t, i) ? ~DISP_FIELD : ~0u)))
			return 0;
	}
	return 1;
}

/* Is there a ppcpv trampoline for the site `site` at `chunk`? */
static int trampoline_at(const struct elf_image *img, const struct elf_section *sec,
			 uint64_t chunk, uint64_t site)
{
	const struct ppcpv_emul_template *t;
	unsigned int id;

	for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
		t = ppcpv_emul_template(img->word_bits, (enum ppcpv_emul_id)id);
		if (t && t->branch_slot >= 0 && elf_section_holds(sec, chunk, 4u * (uint64_t)t->n_words) &&
		    template_at(img, t, elf_image_bytes(img, sec, chunk), chunk, site))
			return 1;
	}
	return 0;
}

static int excluded(const struct elf_image *img, const struct scan_plan *plan,
		    const struct elf_section *sec, uint64_t addr)
{
	unsigned int i;

	for (i = 0; i < plan->n_exclude; i++)
		if (range_holds(img, &plan->exclude[i], sec, addr, 4))
			return 1;
	return 0;
}

/* The areas a branch from unpatched text never enters. */
static unsigned int trampoline_areas(const struct scan_plan *plan, struct plan_range *areas)
{
	const struct tmp_plan *t = &plan->tmp;
	unsigned int n;

	for (n = 0; n < plan->n_reserved; n++)
		areas[n] = plan->reserved[n];
	/* A forced region may be live code that is branched to; a trampoline
	 * in it is still found by its shape. */
	if (t->source && t->size && !t->forced)
		areas[n++] = (struct plan_range){ t->sec, t->addr, t->addr + t->size, t->source };
	return n;
}

/* A branch at `at` (not in an excluded area) into a trampoline area or
 * to a trampoline: 1 and why. */
static int branch_sign(const struct elf_image *img, const struct scan_plan *plan,
		       const struct elf_section *sec, uint64_t at, uint32_t w, char *why, size_t len)
{
	struct plan_range areas[PLAN_MAX_RESERVED + 1];
	unsigned int n = trampoline_areas(plan, areas), i;
	uint64_t to = ppc_branch_target(w, at);
	const struct elf_section *to_sec;

	for (i = 0; i < n; i++) {
		if (range_holds(img, &areas[i], sec, to, 4)) {
			snprintf(why, len, "the word at 0x%" PRIx64 " branches into %s", at,
				 areas[i].what);
			return 1;
		}
	}
	to_sec = elf_image_exec_section(img, sec, to, 4);
	if (to_sec && trampoline_at(img, to_sec, to, at)) {
		snprintf(why, len, "the word at 0x%" PRIx64 " branches to a ppcpv trampoline at 0x%"
			 PRIx64, at, to);
		return 1;
	}
	return 0;
}

static int section_sign(const struct elf_image *img, const struct scan_plan *plan,
			const struct elf_section *sec, char *why, size_t len)
{
	uint64_t start, end, a;

	elf_section_words(sec, &start, &end);
	for (a = start; a < end; a += 4) {
		uint32_t w = ppc_load_insn(elf_image_bytes(img, sec, a), img->big_endian);

		if ((w & IFORM_MASK) == PPC_INST_B && !excluded(img, plan, sec, a) &&
		    branch_sign(img, plan, sec, a, w, why, len))
			return 1;
	}
	return 0;
}

int region_find_patch(const struct elf_image *img, const struct scan_plan *plan,
		      char *why, size_t len)
{
	const struct plan_range *r;
	unsigned int i;
	uint64_t at;

	for (i = 0; i < plan->n_reserved; i++) {
		r = &plan->reserved[i];
		if (first_nonzero(img, r->sec, r->start, r->end - r->start, &at)) {
			snprintf(why, len, "%s, zero-filled in an unpatched image, holds a non-zero "
				 "word at 0x%" PRIx64, r->what, at);
			return 1;
		}
	}
	for (i = 0; i < img->n_sections; i++)
		if (img->sections[i].exec_bytes &&
		    section_sign(img, plan, &img->sections[i], why, len))
			return 1;
	return 0;
}
