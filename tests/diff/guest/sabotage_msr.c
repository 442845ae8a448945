// SPDX-License-Identifier: MIT
/*
 * A test build that is wrong on purpose: the mtmsr/mtmsrd L=0 trampoline
 * (64-bit, and the 32-bit one Book3S-32 uses) with one bit of its critical-bit mask wrong - ME is taken for
 * a safe bit, so an operand that changes only ME (and EE/RI) is stored
 * into the shared msr instead of trapping, and the guest sees an ME that
 * mtmsrd must never change.  The generated template table
 * ($(BUILD)/gen/kvm_emul/templates.c) is compiled in here under another
 * name and its lookup wrapped; kvm_emul itself is untouched.  The
 * differential test must catch it.
 */
#include <ppcpv/abi.h>
#include <ppcpv/emul.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>

const struct ppcpv_emul_template *ppcpv_emul_template_good(unsigned int word_bits,
							   enum ppcpv_emul_id id);
#define ppcpv_emul_template(word_bits, id) ppcpv_emul_template_good(word_bits, id)
#include "templates.c"
#undef ppcpv_emul_template

const char diff_build_variant[] = "sabotage-msr-mask";

/* The word of the mask's low half: "ori rX,rX,critical mask", any rX.
 * Its immediate is the word's low half, where ME's bit sits too. */
#define REGS_MASK	(PPC_RT_MASK | PPC_RA_MASK)
#define MASK_LOW	(PPCPV_MSR_CRITICAL_MASK32 & PPC_D_MASK)
/* Room for a copy of any template (the longest has 32 words). */
#define TEMPLATE_WORDS_MAX	64

const struct ppcpv_emul_template *ppcpv_emul_template(unsigned int word_bits,
						       enum ppcpv_emul_id id)
{
	static uint32_t words[TEMPLATE_WORDS_MAX];
	static struct ppcpv_emul_template wrong;
	const struct ppcpv_emul_template *t = ppcpv_emul_template_good(word_bits, id);
	unsigned int i, hits = 0;

	if (!t || id != PPCPV_EMUL_MTMSR || t->n_words > sizeof(words) / sizeof(words[0]))
		return t;
	for (i = 0; i < t->n_words; i++) {
		words[i] = t->words[i];
		if ((words[i] & ~REGS_MASK) == PPC_ENC_ORI(0, 0, MASK_LOW)) {
			words[i] &= ~(uint32_t)PPC_MSR_ME;
			hits++;
		}
	}
	/* No such word: fail the patch (PV off) rather than test nothing. */
	if (hits != 1)
		return NULL;
	wrong = *t;
	wrong.words = words;
	return &wrong;
}
