// SPDX-License-Identifier: MIT
/* A generated program, disassembled with libopcodes (lib/host). */
#include <ppcpv/disasm.h>
#include "listing.h"

void diff_print_program(FILE *f, const struct diff_prog *p, uint64_t addr, const char *prefix)
{
	struct ppcpv_disasm_opts opts = { 64, 1, NULL };
	char text[PPCPV_DISASM_TEXT_MAX];
	unsigned int i;

	fprintf(f, "%sseed 0x%016llx, %u words%s:\n", prefix, (unsigned long long)p->seed, p->n_words,
		p->flags & DIFF_PROG_HOSTED_ONLY ? ", hosted-only (what the native CPU lacks, or a family without a native run)" : "");
	for (i = 0; i < p->n_words; i++) {
		uint64_t at = addr + 4ull * i;

		if (ppcpv_disasm_word(&opts, p->words[i], at, text, sizeof(text)))
			snprintf(text, sizeof(text), "(libopcodes cannot read it)");
		fprintf(f, "%s  0x%08llx: %08x  %s\n", prefix, (unsigned long long)at, p->words[i], text);
	}
	fprintf(f, "%s  0x%08llx: (the harness's branch back to diff_capture)\n", prefix,
		(unsigned long long)(addr + 4ull * p->n_words));
}
