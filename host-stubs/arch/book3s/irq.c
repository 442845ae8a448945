// SPDX-License-Identifier: MIT
/*
 * Interrupt delivery into the guest's own vectors, as a Book3S-64 CPU
 * would do it at the guest's level: SRR0/SRR1 (with the cause bits) into
 * the shared page, the interrupt MSR, pc = the vector.  Also how an exit
 * the guest handles itself goes back: its DAR/DSISR, its SRR1 causes.
 */
#include <ppcpv/host/insn.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/trap.h>
#include "book3s.h"

/* MSR bits every interrupt clears (ME survives, SF is set on a 64-bit CPU;
 * LE comes from ILE). */
#define MSR_CLEARED_ON_INTERRUPT PPCPV_BOOK3S_MSR_INTERRUPT_CLEARS
/* Program interrupt reasons SRR1 carries into the guest. */
#define PROGRAM_REASONS	(PPC_BOOK3S_SRR1_PROG_FP | PPC_BOOK3S_SRR1_PROG_ILLEGAL | \
			 PPC_BOOK3S_SRR1_PROG_PRIV | PPC_BOOK3S_SRR1_PROG_TRAP)

static uint64_t interrupt_msr(const struct ppcpv_vcpu *v, uint64_t msr)
{
	uint64_t new_msr = msr & ~(uint64_t)MSR_CLEARED_ON_INTERRUPT;

	/* A 64-bit CPU takes every interrupt in 64-bit mode (a 64-bit
	 * kernel's RTAS call, for one, runs with SF=0). */
	if (v->cfg.cpu_64bit)
		new_msr |= PPC_BOOK3S_MSR_SF;
	if (v->intr_le || (msr & PPC_BOOK3S_MSR_ILE))
		new_msr |= PPC_BOOK3S_MSR_LE;
	return new_msr;
}

void book3s_inject(struct ppcpv_vcpu *v, uint32_t vector, uint64_t cause)
{
	uint64_t msr = ppcpv_vcpu_msr(v);

	ppcpv_shared_set64(v, PPCPV_SHARED_SRR0, v->regs.pc);
	ppcpv_shared_set64(v, PPCPV_SHARED_SRR1, (msr & ~(uint64_t)PPC_BOOK3S_SRR1_CAUSE_MASK) |
			   (cause & PPC_BOOK3S_SRR1_CAUSE_MASK));
	book3s_set_msr(v, interrupt_msr(v, msr));
	v->regs.pc = vector;
}

static void inject_dsi(struct ppcpv_vcpu *v, uint64_t dar, uint32_t dsisr)
{
	ppcpv_shared_set64(v, PPCPV_SHARED_DAR, dar);
	ppcpv_shared_set32(v, PPCPV_SHARED_DSISR, dsisr);
	book3s_inject(v, PPC_BOOK3S_VEC_DSI, 0);
}

/* A segment miss sets no DSISR: say "no translation", and "store" when the
 * faulting instruction is one. */
static uint32_t dsisr_for_segment_miss(struct ppcpv_vcpu *v)
{
	struct ppc_mem_access acc;
	uint32_t insn;

	if (!ppcpv_fetch_insn(v, v->regs.pc, &insn) && !ppc_decode_mem_access(insn, &acc) &&
	    acc.store)
		return PPC_BOOK3S_DSISR_NOPT | PPC_BOOK3S_DSISR_STORE;
	return PPC_BOOK3S_DSISR_NOPT;
}

/* The faults and the rarer exits: what each puts in DAR, DSISR, SRR1. */
static void reflect_other(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	switch (e->vector) {
	case PPC_BOOK3S_VEC_DSI:
		inject_dsi(v, ppcpv_vcpu_ea(v, e->dar), (uint32_t)e->data_cause);
		break;
	case PPC_BOOK3S_VEC_DSEG:
		/* as the DSI a real CPU gives for an unmapped page */
		inject_dsi(v, ppcpv_vcpu_ea(v, e->dar), dsisr_for_segment_miss(v));
		break;
	case PPC_BOOK3S_VEC_ISI:
		book3s_inject(v, PPC_BOOK3S_VEC_ISI, e->cause & PPC_BOOK3S_SRR1_ISI_CAUSES);
		break;
	case PPC_BOOK3S_VEC_ISEG:
		book3s_inject(v, PPC_BOOK3S_VEC_ISI, PPC_BOOK3S_SRR1_ISI_NOPT);
		break;
	case PPC_BOOK3S_VEC_ALIGNMENT:
		ppcpv_shared_set64(v, PPCPV_SHARED_DAR, ppcpv_vcpu_ea(v, e->dar));
		ppcpv_shared_set32(v, PPCPV_SHARED_DSISR, (uint32_t)e->data_cause);
		book3s_inject(v, e->vector, e->cause);
		break;
	default:
		book3s_inject(v, e->vector, e->cause);
		break;
	}
}

/* System calls and program interrupts first: they are most reflections. */
void book3s_reflect(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	if (e->vector == PPC_BOOK3S_VEC_SYSCALL)
		book3s_inject(v, PPC_BOOK3S_VEC_SYSCALL, 0);
	else if (e->vector == PPC_BOOK3S_VEC_PROGRAM)
		book3s_inject(v, PPC_BOOK3S_VEC_PROGRAM, e->cause & PROGRAM_REASONS);
	else
		reflect_other(v, e);
}

void book3s_deliver(struct ppcpv_vcpu *v, uint32_t irq)
{
	book3s_inject(v, irq == PPCPV_IRQ_EXTERNAL ? PPC_BOOK3S_VEC_EXTERNAL : PPC_BOOK3S_VEC_DEC, 0);
}

void ppcpv_book3s_raise(struct ppcpv_vcpu *v, uint32_t vector, uint64_t srr1_cause, uint64_t dar,
			uint32_t dsisr)
{
	if (vector == PPC_BOOK3S_VEC_DSI || vector == PPC_BOOK3S_VEC_DSEG)
		ppcpv_shared_set64(v, PPCPV_SHARED_DAR, ppcpv_vcpu_ea(v, dar));
	if (vector == PPC_BOOK3S_VEC_DSI)
		ppcpv_shared_set32(v, PPCPV_SHARED_DSISR, dsisr);
	book3s_inject(v, vector, srr1_cause);
}
