// SPDX-License-Identifier: MIT
/*
 * The guest's TLB, as an e500v2 guest kernel programs it: the sixteen
 * variable-size TLB1 entries (4 KiB .. 4 GiB, even TSIZEs), written, read
 * and searched through the MAS registers, which live in the shared page
 * (their one copy: with FEAT_MAS0_TO_SPRG7 the patched guest stores them
 * there, without it the trapping mtspr/mfspr do).  TLB0 (the 4 KiB
 * set-associative array) is not modelled: a tlbwe or tlbre naming it is
 * not emulated (the guest gets the program interrupt), a tlbivax of it
 * has nothing to invalidate.  A platform keeps one per vCPU and shadows
 * what the entries translate into real TLB entries (host-stubs/e500/mmu.c).
 */
#include <ppcpv/isa/booke-mmu.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/host/shared.h>
#include "booke.h"

#define TSIZE_MIN_LOG2	12	/* 4 KiB: TSIZE 0 (1 KiB) is not an e500v2 size */

uint32_t ppcpv_booke_pid(const struct ppcpv_vcpu *v)
{
	return (uint32_t)v->arch_sprs[BOOKE_PID] & PPC_BOOKE_PID_MASK;
}

unsigned int ppcpv_booke_tlbe_log2(const struct ppcpv_booke_tlbe *e)
{
	unsigned int log2 = 10 + ((e->mas1 & PPC_BOOKE_MAS1_TSIZE_E500V2) >> PPC_BOOKE_MAS1_TSIZE_SHIFT);

	return log2 < TSIZE_MIN_LOG2 ? TSIZE_MIN_LOG2 : log2;
}

static uint64_t page_mask(const struct ppcpv_booke_tlbe *e)
{
	return ~((UINT64_C(1) << ppcpv_booke_tlbe_log2(e)) - 1);
}

uint32_t ppcpv_booke_tlbe_epn(const struct ppcpv_booke_tlbe *e)
{
	return (uint32_t)(e->mas2 & page_mask(e));
}

uint64_t ppcpv_booke_tlbe_gpa(const struct ppcpv_booke_tlbe *e, uint32_t ea)
{
	uint64_t rpn = ((uint64_t)(e->mas7 & PPC_BOOKE_MAS7_RPN_HIGH) << 32) | e->mas3;

	return (rpn & page_mask(e)) | (ea & ~page_mask(e));
}

/* Does entry e translate ea in address space as for process pid? */
static int matches(const struct ppcpv_booke_tlbe *e, uint32_t ea, unsigned int as, uint32_t pid)
{
	uint32_t tid = (e->mas1 & PPC_BOOKE_MAS1_TID_MASK) >> PPC_BOOKE_MAS1_TID_SHIFT;

	return booke_tlbe_translates(!!(e->mas1 & PPC_BOOKE_MAS1_V), !!(e->mas1 & PPC_BOOKE_MAS1_TS),
				     tid, ppcpv_booke_tlbe_epn(e), ppcpv_booke_tlbe_log2(e), ea, as, pid);
}

int ppcpv_booke_tlb_lookup(const struct ppcpv_booke_tlb *t, uint32_t ea, unsigned int as,
			   uint32_t pid)
{
	int i;

	for (i = 0; i < PPC_BOOKE_TLB1_ENTRIES; i++)
		if (matches(&t->tlb1[i], ea, as, pid))
			return i;
	return -1;
}

void ppcpv_booke_tlb_set(struct ppcpv_booke_tlb *t, unsigned int index,
			 const struct ppcpv_booke_tlbe *e)
{
	t->tlb1[index] = *e;
	t->generation++;
}

/* ---- A shadow of the guest's TLB -------------------------------------------------- */

/* No context has this value (PID is 8 bits). */
#define NO_CONTEXT	UINT32_MAX

void ppcpv_booke_shadow_init(struct ppcpv_booke_shadow *s)
{
	s->generation = 0;
	s->context = NO_CONTEXT;
}

int ppcpv_booke_shadow_stale(struct ppcpv_booke_shadow *s, const struct ppcpv_vcpu *v,
			     uint32_t generation)
{
	uint32_t context = (uint32_t)(ppcpv_vcpu_msr(v) & (PPC_MSR_PR | PPC_BOOKE_MSR_IS |
							   PPC_BOOKE_MSR_DS)) | ppcpv_booke_pid(v);

	if (context == s->context && generation == s->generation)
		return 0;
	s->context = context;
	s->generation = generation;
	return 1;
}

unsigned int ppcpv_booke_access_space(const struct ppcpv_vcpu *v, int insn)
{
	return !!(ppcpv_vcpu_msr(v) & (insn ? PPC_BOOKE_MSR_IS : PPC_BOOKE_MSR_DS));
}

/* ---- The MAS registers (in the shared page) --------------------------------- */

static uint32_t mas_get(const struct ppcpv_vcpu *v, unsigned int off)
{
	return ppcpv_shared_get32(v, off);
}

static void mas_set(struct ppcpv_vcpu *v, unsigned int off, uint32_t val)
{
	ppcpv_shared_set32(v, off, val);
}

/* MAS2 is a 64-bit field (64-bit BookE cores); e500v2 uses its low word. */
static uint32_t mas2_get(const struct ppcpv_vcpu *v)
{
	return (uint32_t)ppcpv_shared_get64(v, PPCPV_SHARED_MAS2);
}

static void load_mas(struct ppcpv_vcpu *v, unsigned int index, const struct ppcpv_booke_tlbe *e)
{
	mas_set(v, PPCPV_SHARED_MAS0, PPC_BOOKE_MAS0_TLBSEL(PPC_BOOKE_TLB1_SEL) |
				      PPC_BOOKE_MAS0_ESEL(index));
	mas_set(v, PPCPV_SHARED_MAS1, e->mas1);
	ppcpv_shared_set64(v, PPCPV_SHARED_MAS2, e->mas2);
	mas_set(v, PPCPV_SHARED_MAS3, e->mas3);
	mas_set(v, PPCPV_SHARED_MAS7, e->mas7);
}

void ppcpv_booke_tlb_miss_mas(struct ppcpv_vcpu *v, uint32_t ea, unsigned int as, uint32_t pid)
{
	uint32_t mas4 = mas_get(v, PPCPV_SHARED_MAS4);

	mas_set(v, PPCPV_SHARED_MAS0, PPC_BOOKE_MAS0_TLBSEL(PPC_BOOKE_MAS4_TLBSELD_OF(mas4)));
	mas_set(v, PPCPV_SHARED_MAS1, (pid << PPC_BOOKE_MAS1_TID_SHIFT) |
				      (as ? PPC_BOOKE_MAS1_TS : 0) |
				      (mas4 & PPC_BOOKE_MAS4_TSIZED_E500V2));
	ppcpv_shared_set64(v, PPCPV_SHARED_MAS2, (ea & PPC_BOOKE_PAGE_MASK) |
						 (mas4 & PPC_BOOKE_MAS4_WIMGED));
	mas_set(v, PPCPV_SHARED_MAS3, 0);
	mas_set(v, PPCPV_SHARED_MAS7, 0);
	mas_set(v, PPCPV_SHARED_MAS6, (pid << PPC_BOOKE_MAS6_SPID_SHIFT) | (as ? PPC_BOOKE_MAS6_SAS : 0));
}

/* The TLB1 entry MAS0 names, or -1 (TLB0, or past the last entry). */
static int mas0_entry(const struct ppcpv_vcpu *v)
{
	uint32_t mas0 = mas_get(v, PPCPV_SHARED_MAS0);
	unsigned int esel = PPC_BOOKE_MAS0_ESEL_OF(mas0);

	if (PPC_BOOKE_MAS0_TLBSEL_OF(mas0) != PPC_BOOKE_TLB1_SEL || esel >= PPC_BOOKE_TLB1_ENTRIES)
		return -1;
	return (int)esel;
}

static enum ppcpv_emul_result tlbwe(struct ppcpv_booke_tlb *t, struct ppcpv_vcpu *v)
{
	int index = mas0_entry(v);
	struct ppcpv_booke_tlbe e;

	if (index < 0)
		return PPCPV_EMUL_UNKNOWN;
	e.mas1 = mas_get(v, PPCPV_SHARED_MAS1);
	e.mas2 = mas2_get(v) & (PPC_BOOKE_PAGE_MASK | PPC_BOOKE_MAS2_WIMGE);
	e.mas3 = mas_get(v, PPCPV_SHARED_MAS3) & (PPC_BOOKE_PAGE_MASK | PPC_BOOKE_MAS3_FLAGS);
	e.mas7 = mas_get(v, PPCPV_SHARED_MAS7) & PPC_BOOKE_MAS7_RPN_HIGH;
	ppcpv_booke_tlb_set(t, (unsigned int)index, &e);
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MMU);
}

static enum ppcpv_emul_result tlbre(struct ppcpv_booke_tlb *t, struct ppcpv_vcpu *v)
{
	int index = mas0_entry(v);

	if (index < 0)
		return PPCPV_EMUL_UNKNOWN;
	load_mas(v, (unsigned int)index, &t->tlb1[index]);
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MMU);
}

uint32_t booke_x_form_ea(const struct ppcpv_vcpu *v, uint32_t insn)
{
	unsigned int ra = PPC_GET_RA(insn);

	return (uint32_t)((ra ? v->regs.gpr[ra] : 0) + v->regs.gpr[PPC_GET_RB(insn)]);
}

/* tlbsx: search for MAS6's PID and address space; a hit loads the entry
 * into MAS0-3/7, a miss loads MAS4's defaults with V clear. */
static enum ppcpv_emul_result tlbsx(struct ppcpv_booke_tlb *t, struct ppcpv_vcpu *v, uint32_t insn)
{
	uint32_t ea = booke_x_form_ea(v, insn), mas6 = mas_get(v, PPCPV_SHARED_MAS6);
	uint32_t pid = (mas6 & PPC_BOOKE_MAS6_SPID_MASK) >> PPC_BOOKE_MAS6_SPID_SHIFT;
	unsigned int as = mas6 & PPC_BOOKE_MAS6_SAS;
	int index = ppcpv_booke_tlb_lookup(t, ea, as, pid);

	if (index >= 0)
		load_mas(v, (unsigned int)index, &t->tlb1[index]);
	else
		ppcpv_booke_tlb_miss_mas(v, ea, as, pid);
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MMU);
}

/* tlbivax: TLB1's entries for the page (or all of them), except those
 * protected by IPROT, whatever their PID and address space. */
static enum ppcpv_emul_result tlbivax(struct ppcpv_booke_tlb *t, struct ppcpv_vcpu *v, uint32_t insn)
{
	uint32_t ea = booke_x_form_ea(v, insn);
	int i;

	if (ea & PPC_BOOKE_TLBIVAX_TLB1) {
		for (i = 0; i < PPC_BOOKE_TLB1_ENTRIES; i++) {
			struct ppcpv_booke_tlbe *e = &t->tlb1[i];

			if (!(e->mas1 & PPC_BOOKE_MAS1_V) || (e->mas1 & PPC_BOOKE_MAS1_IPROT))
				continue;
			if ((ea & PPC_BOOKE_TLBIVAX_ALL) || (ea & page_mask(e)) == ppcpv_booke_tlbe_epn(e)) {
				e->mas1 &= ~PPC_BOOKE_MAS1_V;
				t->generation++;
			}
		}
	}
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_TLB_INVALIDATE);
}

enum ppcpv_emul_result ppcpv_booke_tlb_insn(struct ppcpv_booke_tlb *t, struct ppcpv_vcpu *v,
					    uint32_t insn)
{
	switch (PPC_GET_XO10(insn)) {
	case PPC_X_TLBWE:
		return tlbwe(t, v);
	case PPC_X_TLBRE:
		return tlbre(t, v);
	case PPC_X_TLBSX:
		return tlbsx(t, v, insn);
	case PPC_X_TLBIVAX:
		return tlbivax(t, v, insn);
	default:
		return PPCPV_EMUL_UNKNOWN;
	}
}
