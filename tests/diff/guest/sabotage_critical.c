// SPDX-License-Identifier: MIT
/*
 * A test build that is wrong on purpose: the 64-bit mtmsrd L=1 and
 * mtmsr/mtmsrd L=0 trampolines, the 32-bit mtmsr one (Book3S-32, e500) and
 * the BookE wrtee (wrtee, wrteei 1) and wrteei 0 ones leave their critical
 * section one instruction too early - every "std r2,critical" ("stw
 * r2,critical+4", the low word, in the 32-bit ones: the epilogue's last
 * word) swapped with the word before it, the reload of r30 from scratch2.
 * An interrupt between the two is then delivered (critical != r1 already),
 * its handler's own trampoline overwrites scratch2, and the interrupted
 * one reloads a wrong r30.  Only the interrupt-placement sweep can see it
 * (without interrupts the swapped words do the same); in wrteei 0 not even
 * the sweep, as EE is already clear when its critical section ends.  The generated
 * template table is compiled in here under another name and its lookup
 * wrapped, as in sabotage_msr.c; kvm_emul itself is untouched.
 */
#include <ppcpv/abi.h>
#include <ppcpv/emul.h>
#include <ppcpv/isa/insn.h>

const struct ppcpv_emul_template *ppcpv_emul_template_good(unsigned int word_bits,
							   enum ppcpv_emul_id id);
#define ppcpv_emul_template(word_bits, id) ppcpv_emul_template_good(word_bits, id)
#include "templates.c"
#undef ppcpv_emul_template

const char diff_build_variant[] = "sabotage-critical-early";

/* Room for a copy of any template (the longest has 32 words). */
#define TEMPLATE_WORDS_MAX	64
/* The epilogues (each ends the critical section) of a template this
 * build breaks, 0 for the others: a return path and a trap path, wrteei 0
 * only the return path. */
static unsigned int epilogues(enum ppcpv_emul_id id)
{
	switch (id) {
	case PPCPV_EMUL_MTMSRD_L1:
	case PPCPV_EMUL_MTMSR:
	case PPCPV_EMUL_WRTEE:
		return 2;
	case PPCPV_EMUL_WRTEEI0:
		return 1;
	default:
		return 0;
	}
}

const struct ppcpv_emul_template *ppcpv_emul_template(unsigned int word_bits,
						       enum ppcpv_emul_id id)
{
	static uint32_t words[PPCPV_EMUL_COUNT][TEMPLATE_WORDS_MAX];
	static struct ppcpv_emul_template wrong[PPCPV_EMUL_COUNT];
	const struct ppcpv_emul_template *t = ppcpv_emul_template_good(word_bits, id);
	const uint32_t leave = word_bits == 64 ?
		ppc_insn_std(2, 0, PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_CRITICAL) :
		ppc_insn_stw(2, 0, PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_CRITICAL + 4);
	unsigned int i, hits = 0;
	uint32_t *w;

	if (!t || !epilogues(id) || t->n_words > TEMPLATE_WORDS_MAX)
		return t;
	w = words[id];
	for (i = 0; i < t->n_words; i++)
		w[i] = t->words[i];
	for (i = 1; i < t->n_words; i++) {
		if (w[i] == leave) {
			w[i] = w[i - 1];
			w[i - 1] = leave;
			hits++;
		}
	}
	/* Not the expected shape: fail the patch (PV off) rather than test nothing. */
	if (hits != epilogues(id))
		return NULL;
	wrong[id] = *t;
	wrong[id].words = w;
	return &wrong[id];
}
