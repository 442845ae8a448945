// SPDX-License-Identifier: MIT
/*
 * Checking a restore record against the image that carries it.
 *
 * The record's CRC proves nothing (anyone can recompute it), and --unpatch
 * writes where the record says, so every field is checked before it is
 * used: the configuration is one the library accepts; the kvm_tmp area and
 * every site lie, word aligned, inside the executable section they name,
 * whose bytes lie in the file's original part; every site is a rewrite
 * the patcher would have written (rule, action, original word, new word,
 * trampoline inside the kvm_tmp area).  Counts were bounded by the record's
 * size in record_read().  All range checks go through ppcpv_range_inside().
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <ppcpv/abi.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/range.h>
#include "patch_record.h"
#include "tool.h"

/* One error line: "<path>: invalid ppcpv restore record: <what>"; -1. */
static int invalid(const struct elf_image *img, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int invalid(const struct elf_image *img, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	tool_error("%s: invalid ppcpv restore record: %s", img->path, what);
	return -1;
}

static int check_config(const struct elf_image *img, struct patch_record *rec)
{
	struct ppcpv_config *cfg = &rec->cfg;

	if (rec->family >= PPCPV_FAMILY_COUNT || rec->big_endian > 1 ||
	    ppcpv_config_init(cfg, (enum ppcpv_family)rec->family, (int)rec->big_endian))
		return invalid(img, "unknown family %" PRIu32 " or byte order %" PRIu32,
			       rec->family, rec->big_endian);
	if (rec->word_bits != cfg->word_bits || rec->big_endian != (uint32_t)img->big_endian ||
	    rec->word_bits != img->word_bits)
		return invalid(img, "%" PRIu32 "-bit %s-endian %s does not fit this ELF%u %s-endian "
			       "file", rec->word_bits, rec->big_endian ? "big" : "little",
			       ppcpv_family_name(cfg->family), img->word_bits,
			       img->big_endian ? "big" : "little");
	if (rec->features & ~(uint32_t)PPCPV_MAGIC_FEAT_ALL)
		return invalid(img, "unknown feature bits 0x%" PRIx32,
			       rec->features & ~(uint32_t)PPCPV_MAGIC_FEAT_ALL);
	cfg->features = rec->features;
	cfg->magic_ea = rec->magic_ea;
	if (ppcpv_config_check(cfg))
		return invalid(img, "magic page address %" PRId64 " rejected by the patcher",
			       rec->magic_ea);
	if (rec->reserved[0] || rec->reserved[1])
		return invalid(img, "reserved header fields are not 0");
	return 0;
}

/* A section the record writes into: code with file bytes, all of them in
 * the original part of the file (not in the record itself). */
static const struct elf_section *code_section(const struct elf_image *img,
					      const struct patch_record *rec, unsigned int index,
					      const char *what)
{
	const struct elf_section *sec = index < img->n_sections ? &img->sections[index] : NULL;

	if (!sec || !sec->exec_bytes) {
		invalid(img, "%s names section %u, which is not a code section of the file", what,
			index);
		return NULL;
	}
	if (!ppcpv_range_inside(0, rec->original_size, sec->offset, sec->size)) {
		invalid(img, "%s names section %s, which overlaps the record", what, sec->name);
		return NULL;
	}
	return sec;
}

static int check_tmp(const struct elf_image *img, const struct patch_record *rec)
{
	const struct elf_section *sec;

	if (!rec->tmp_used)	/* nothing to restore: the address is not used */
		return rec->tmp_section < img->n_sections ? 0 :
		       invalid(img, "kvm_tmp section %u does not exist", rec->tmp_section);
	sec = code_section(img, rec, rec->tmp_section, "the kvm_tmp area");
	if (!sec)
		return -1;
	if ((rec->tmp_addr & 3) || !elf_section_holds(sec, rec->tmp_addr, rec->tmp_used))
		return invalid(img, "kvm_tmp area 0x%" PRIx64 " (%" PRIu64 " bytes) is not a "
			       "word-aligned part of section %s", rec->tmp_addr, rec->tmp_used,
			       sec->name);
	return 0;
}

/* The word the patcher writes at a site of this rule; 0 or -1. */
static int expected_word(const struct patch_record *rec, const struct ppcpv_site *s,
			 uint32_t *word)
{
	if (s->action == PPCPV_ACTION_BRANCH)
		return ppc_insn_branch(s->addr, s->target, word) ? -1 : 0;
	return ppcpv_rewrite_word(&rec->cfg, s->rule, s->orig, word) ? -1 : 0;
}

/* A rewrite the patcher could have made for this family (rule, action,
 * words), with its trampoline, if any, inside the kvm_tmp area. */
static int check_rewrite(const struct elf_image *img, const struct patch_record *rec, size_t i,
			 const struct ppcpv_site *s)
{
	const struct ppcpv_rule *r = s->rule < ppcpv_rule_count ? &ppcpv_rules[s->rule] : NULL;
	int branch = s->action == PPCPV_ACTION_BRANCH;
	uint32_t word;

	if (!r || r->action != s->action || !(r->families & PPCPV_FAMILY_BIT(rec->cfg.family)) ||
	    (s->orig & r->mask) != r->match)
		return invalid(img, "site %zu: rule %u, action %u and original word 0x%08" PRIx32
			       " do not agree", i, s->rule, s->action, s->orig);
	if (branch ? !rec->tmp_used || (s->target & 3) ||
		     !ppcpv_range_inside(rec->tmp_addr, rec->tmp_used, s->target, 4)
		   : s->target != 0)
		return invalid(img, "site %zu: trampoline address 0x%" PRIx64 " is not in the "
			       "kvm_tmp area", i, s->target);
	if (expected_word(rec, s, &word) || word != s->new_word)
		return invalid(img, "site %zu: new word 0x%08" PRIx32 " is not what the patcher "
			       "writes there", i, s->new_word);
	return 0;
}

static int check_site(const struct elf_image *img, const struct patch_record *rec, size_t i)
{
	const struct elf_section *sec;
	unsigned int index, reserved;
	struct ppcpv_site s;
	char what[48];

	record_site(rec, i, &s, &index, &reserved);
	snprintf(what, sizeof(what), "site %zu", i);
	sec = code_section(img, rec, index, what);
	if (!sec)
		return -1;
	if ((s.addr & 3) || !elf_section_holds(sec, s.addr, 4))
		return invalid(img, "site %zu: address 0x%" PRIx64 " is not a word of section %s",
			       i, s.addr, sec->name);
	/* In an object file only the kvm_tmp section may branch to it. */
	if (img->relocatable && s.action == PPCPV_ACTION_BRANCH && index != rec->tmp_section)
		return invalid(img, "site %zu: a branch from section %s to kvm_tmp in another "
			       "section of an object file", i, sec->name);
	if (reserved)
		return invalid(img, "site %zu: reserved byte is not 0", i);
	return check_rewrite(img, rec, i, &s);
}

int record_check(const struct elf_image *img, struct patch_record *rec)
{
	size_t i;

	if (check_config(img, rec) || check_tmp(img, rec))
		return -1;
	for (i = 0; i < rec->n_sites; i++)
		if (check_site(img, rec, i))
			return -1;
	return 0;
}
