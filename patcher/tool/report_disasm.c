// SPDX-License-Identifier: MIT
/*
 * --disasm: every site before and after, and every trampoline placed, as
 * libopcodes reads them.  After --apply the words shown are read back from
 * the patched image; in a dry run they are what would be written.
 */
#include <inttypes.h>
#include <stdio.h>
#include <ppcpv/disasm.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include <ppcpv/isa/insn.h>
#include "report.h"
#include "tool.h"

#define TRAMPOLINE_WORDS_MAX 64

/* e500 kernels decode with the e500 dialect: a 64-bit-only word then
 * shows up as ".long", which is itself a finding. */
static struct ppcpv_disasm_opts dialect(const struct report_ctx *r)
{
	struct ppcpv_disasm_opts o = {
		(int)r->plan->cfg.word_bits, r->plan->cfg.big_endian,
		r->plan->cfg.family == PPCPV_FAMILY_E500 ? "e500" : NULL,
	};
	return o;
}

static int show_word(const struct ppcpv_disasm_opts *o, const char *label, uint64_t addr,
		     uint32_t w)
{
	char text[PPCPV_DISASM_TEXT_MAX];
	int err = ppcpv_disasm_word(o, w, addr, text, sizeof(text));

	if (err) {
		tool_error("libopcodes cannot decode PowerPC: %s", ppcpv_strerror(err));
		return -1;
	}
	printf("    %s0x%" PRIx64 ": %08" PRIx32 "  %s\n", label, addr, w, text);
	return 0;
}

/* The trampoline's words: read back after --apply, else built afresh. */
static int trampoline_words(const struct report_ctx *r, const struct ppcpv_site *s,
			    uint32_t *words, size_t cap)
{
	const uint8_t *p;
	size_t i, n = s->tmp_size / 4;

	if (!r->applied_to)
		return ppcpv_trampoline_build(&r->plan->cfg, s->rule, s->orig, s->addr, s->target,
					      words, cap);
	if (n > cap)
		return -PPCPV_ERR_NOSPACE;
	p = elf_image_bytes(r->img, r->plan->tmp.sec, s->target);
	for (i = 0; i < n; i++)
		words[i] = ppc_load_insn(p + 4 * i, r->plan->cfg.big_endian);
	return (int)n;
}

static int show_trampoline(const struct report_ctx *r, const struct ppcpv_disasm_opts *o,
			   const struct ppcpv_site *s)
{
	uint32_t words[TRAMPOLINE_WORDS_MAX];
	int n = trampoline_words(r, s, words, TRAMPOLINE_WORDS_MAX), i;

	if (n < 0) {
		tool_error("trampoline for 0x%" PRIx64 ": %s", s->addr, ppcpv_strerror(n));
		return -1;
	}
	printf("    trampoline at 0x%" PRIx64 " (%d words):\n", s->target, n);
	for (i = 0; i < n; i++)
		if (show_word(o, "  ", s->target + 4u * (unsigned int)i, words[i]))
			return -1;
	return 0;
}

static int show_site(const struct report_ctx *r, const struct ppcpv_disasm_opts *o,
		     const struct ppcpv_site *s, const struct elf_section *sec)
{
	const struct ppcpv_rule *rule = &ppcpv_rules[s->rule];

	printf("%s+0x%" PRIx64 " [%s] %s\n", sec->name, s->addr - sec->addr, rule->name,
	       s->action == PPCPV_ACTION_SKIP ? "skipped" :
	       ppcpv_action_name((enum ppcpv_action)s->action));
	if (show_word(o, "before ", s->addr, s->orig))
		return -1;
	if (s->action == PPCPV_ACTION_SKIP) {
		printf("    reason: %s\n", ppcpv_skip_name((enum ppcpv_skip)s->skip));
		return 0;
	}
	if (show_word(o, "after  ", s->addr, s->new_word))
		return -1;
	return s->action == PPCPV_ACTION_BRANCH ? show_trampoline(r, o, s) : 0;
}

int report_disasm(const struct report_ctx *r)
{
	struct ppcpv_disasm_opts o = dialect(r);
	unsigned int t;
	size_t i;

	for (t = 0; t < r->plan->n_targets; t++) {
		const struct target_sites *ts = &r->res->per_target[t];

		for (i = ts->first; i < ts->first + ts->count; i++)
			if (show_site(r, &o, &r->res->sites[i], r->plan->targets[t].sec))
				return EXIT_INPUT;
	}
	report_text(r);
	return 0;
}
