// SPDX-License-Identifier: MIT
/*
 * A test build that is wrong on purpose: the mtmsr/mtmsrd L=0 trampoline
 * (64-bit, and the 32-bit one Book3S-32 and e500 use) with one bit of its
 * critical-bit mask wrong - taken for a safe bit, so an operand that
 * changes only that bit (and EE/RI) is stored into the shared msr instead
 * of trapping.  Book3S: ME, which mtmsr/mtmsrd must never change.  e500
 * (the image built with DIFF_RUNTIME_E500): GS, which the host never lets
 * a guest set - on BookE mtmsr does write ME, so a trampoline storing ME
 * would compute what the host does.  The generated template table
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

#ifdef DIFF_RUNTIME_E500
#define WRONG_BIT	PPC_BOOKE_MSR_GS
#else
#define WRONG_BIT	PPC_MSR_ME
#endif

/* The words of the mask: "lis rX,high half" and "ori rX,rX,low half",
 * any rX; the bit is cleared in the half it sits in. */
#define REGS_MASK	(PPC_RT_MASK | PPC_RA_MASK)
#define MASK_LOW	(PPCPV_MSR_CRITICAL_MASK32 & PPC_D_MASK)
#define MASK_HIGH	((PPCPV_MSR_CRITICAL_MASK32 >> 16) & PPC_D_MASK)
#define MASK_WORD	((WRONG_BIT) & PPC_D_MASK ? PPC_ENC_ORI(0, 0, MASK_LOW) : PPC_ENC_LIS(0, MASK_HIGH))
#define WRONG_IMM	((WRONG_BIT) & PPC_D_MASK ? (WRONG_BIT) & PPC_D_MASK : ((WRONG_BIT) >> 16) & PPC_D_MASK)
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
		if ((words[i] & ~REGS_MASK) == MASK_WORD) {
			words[i] &= ~(uint32_t)WRONG_IMM;
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
