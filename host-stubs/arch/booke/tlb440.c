// SPDX-License-Identifier: MIT
/*
 * The guest's TLB as a PowerPC 440 guest kernel programs it: 64 entries of
 * three words each (word 0: effective page, valid, address space, size;
 * word 1: real page; word 2: storage attributes and permissions) plus the
 * TID each entry takes from MMUCR[STID] when word 0 is written.  No MAS
 * registers: tlbwe RS,RA,WS writes word WS of entry (RA), tlbre RT,RA,WS
 * reads it (word 0 also loads the entry's TID into MMUCR[STID]), tlbsx[.]
 * RT,RA,RB searches for MMUCR's TID and address space.  The 440 has no
 * tlbivax and no IPROT: a kernel invalidates an entry by writing word 0
 * with V clear, so a tlbivax is not emulated (the guest gets the program
 * interrupt the CPU would give it).  MMUCR lives here, with the entries;
 * the guest's PID is the BookE arch's.  A platform keeps one per vCPU and
 * shadows what the entries translate (host-stubs/b440/mmu.c).
 */
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/ppc440.h>
#include "booke.h"

unsigned int ppcpv_440_tlbe_log2(const struct ppcpv_440_tlbe *e)
{
	return PPC_440_SIZE_LOG2(PPC_440_TLB0_SIZE_OF(e->word[PPC_440_TLB_WORD_PAGEID]));
}

uint32_t ppcpv_440_tlbe_epn(const struct ppcpv_440_tlbe *e)
{
	return e->word[PPC_440_TLB_WORD_PAGEID] & booke_page_mask32(ppcpv_440_tlbe_log2(e));
}

uint64_t ppcpv_440_tlbe_gpa(const struct ppcpv_440_tlbe *e, uint32_t ea)
{
	uint32_t xlat = e->word[PPC_440_TLB_WORD_XLAT], mask = booke_page_mask32(ppcpv_440_tlbe_log2(e));

	return ((uint64_t)(xlat & PPC_440_TLB1_ERPN_MASK) << 32) |
	       (xlat & PPC_440_TLB1_RPN_MASK & mask) | (ea & ~mask);
}

int ppcpv_440_tlb_lookup(const struct ppcpv_440_tlb *t, uint32_t ea, unsigned int as, uint32_t pid)
{
	int i;

	for (i = 0; i < PPC_440_TLB_ENTRIES; i++) {
		const struct ppcpv_440_tlbe *e = &t->e[i];
		uint32_t w0 = e->word[PPC_440_TLB_WORD_PAGEID];

		if (booke_tlbe_translates(!!(w0 & PPC_440_TLB0_V), !!(w0 & PPC_440_TLB0_TS), e->tid,
					  ppcpv_440_tlbe_epn(e), ppcpv_440_tlbe_log2(e), ea, as, pid))
			return i;
	}
	return -1;
}

void ppcpv_440_tlb_set(struct ppcpv_440_tlb *t, unsigned int index, const struct ppcpv_440_tlbe *e)
{
	t->e[index] = *e;
	t->generation++;
}

/* The bits of each word a tlbwe keeps. */
static const uint32_t word_bits[PPC_440_TLB_WORDS] = {
	[PPC_440_TLB_WORD_PAGEID] = PPC_440_TLB0_BITS,
	[PPC_440_TLB_WORD_XLAT] = PPC_440_TLB1_BITS,
	[PPC_440_TLB_WORD_ATTRIB] = PPC_440_TLB2_BITS,
};

/* tlbwe RS,RA,WS: word WS of entry (RA); word 0 takes MMUCR[STID] as the
 * entry's TID.  A WS the 440 does not have is not emulated. */
static enum ppcpv_emul_result tlbwe(struct ppcpv_440_tlb *t, struct ppcpv_vcpu *v, uint32_t insn)
{
	unsigned int ws = PPC_GET_RB(insn);
	struct ppcpv_440_tlbe *e = &t->e[v->regs.gpr[PPC_GET_RA(insn)] & PPC_440_TLB_INDEX_MASK];

	if (ws >= PPC_440_TLB_WORDS)
		return PPCPV_EMUL_UNKNOWN;
	e->word[ws] = (uint32_t)v->regs.gpr[PPC_GET_RT(insn)] & word_bits[ws];
	if (ws == PPC_440_TLB_WORD_PAGEID)
		e->tid = t->mmucr & PPC_440_MMUCR_STID_MASK;
	t->generation++;
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MMU);
}

/* tlbre RT,RA,WS: word WS of entry (RA); word 0 also puts the entry's TID
 * into MMUCR[STID]. */
static enum ppcpv_emul_result tlbre(struct ppcpv_440_tlb *t, struct ppcpv_vcpu *v, uint32_t insn)
{
	unsigned int ws = PPC_GET_RB(insn);
	const struct ppcpv_440_tlbe *e = &t->e[v->regs.gpr[PPC_GET_RA(insn)] & PPC_440_TLB_INDEX_MASK];

	if (ws >= PPC_440_TLB_WORDS)
		return PPCPV_EMUL_UNKNOWN;
	v->regs.gpr[PPC_GET_RT(insn)] = e->word[ws];
	if (ws == PPC_440_TLB_WORD_PAGEID)
		t->mmucr = (t->mmucr & ~PPC_440_MMUCR_STID_MASK) | e->tid;
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MMU);
}

/* tlbsx[.] RT,RA,RB: the entry translating (RA|0)+RB for MMUCR's TID and
 * address space.  A hit puts its index in RT; a miss leaves RT alone (the
 * architecture leaves it undefined).  With Rc, CR0 = EQ on a hit, and SO
 * from XER either way. */
static enum ppcpv_emul_result tlbsx(struct ppcpv_440_tlb *t, struct ppcpv_vcpu *v, uint32_t insn)
{
	int index = ppcpv_440_tlb_lookup(t, booke_x_form_ea(v, insn), !!(t->mmucr & PPC_440_MMUCR_STS),
					  t->mmucr & PPC_440_MMUCR_STID_MASK);
	uint32_t cr0;

	if (index >= 0)
		v->regs.gpr[PPC_GET_RT(insn)] = (uint64_t)index;
	if (insn & PPC_RC) {
		cr0 = (index >= 0 ? PPC_CR_EQ : 0) | ((uint32_t)v->regs.xer & PPC_XER_SO ? PPC_CR_SO : 0);
		v->regs.cr = (v->regs.cr & ~(uint64_t)PPC_CR0_MASK) | ((uint64_t)cr0 << PPC_CR0_SHIFT);
	}
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MMU);
}

/* mfspr/mtspr MMUCR. */
static enum ppcpv_emul_result mmucr_move(struct ppcpv_440_tlb *t, struct ppcpv_vcpu *v, uint32_t insn,
					 int to_spr)
{
	if (PPC_GET_SPR(insn) != PPC_440_SPR_MMUCR)
		return PPCPV_EMUL_UNKNOWN;
	if (to_spr) {
		t->mmucr = (uint32_t)v->regs.gpr[PPC_GET_RT(insn)];
		return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MTSPR);
	}
	v->regs.gpr[PPC_GET_RT(insn)] = t->mmucr;
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MFSPR);
}

enum ppcpv_emul_result ppcpv_440_tlb_insn(struct ppcpv_440_tlb *t, struct ppcpv_vcpu *v, uint32_t insn)
{
	if (PPC_OPCD(insn) != PPC_OP_X)
		return PPCPV_EMUL_UNKNOWN;
	switch (PPC_GET_XO10(insn)) {
	case PPC_X_TLBWE:
		return tlbwe(t, v, insn);
	case PPC_X_TLBRE:
		return tlbre(t, v, insn);
	case PPC_X_TLBSX:
		return tlbsx(t, v, insn);
	case PPC_X_MFSPR:
		return mmucr_move(t, v, insn, 0);
	case PPC_X_MTSPR:
		return mmucr_move(t, v, insn, 1);
	default:
		return PPCPV_EMUL_UNKNOWN;	/* tlbivax among them: the 440 has none */
	}
}
