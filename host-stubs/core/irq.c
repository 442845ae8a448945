// SPDX-License-Identifier: MIT
/*
 * Interrupt delivery into the guest's own vectors, as a Book3S-64 CPU
 * would do it at the guest's level, and the PV rules that hold back the
 * asynchronous ones (decrementer, external): MSR[EE] and the critical
 * section, reported to the guest through int_pending.
 */
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

/* MSR bits every interrupt clears (ME and SF survive; LE comes from ILE). */
#define MSR_CLEARED_ON_INTERRUPT \
	(PPC_MSR_EE | PPC_MSR_PR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_BOOK3S_MSR_RI | \
	 PPC_MSR_FP | PPC_MSR_FE0 | PPC_MSR_FE1 | PPC_BOOK3S_MSR_SE | PPC_BOOK3S_MSR_BE | \
	 PPC_BOOK3S_MSR_VEC | PPC_BOOK3S_MSR_VSX | PPC_MSR_PMM | PPC_BOOK3S_MSR_POW | PPC_BOOK3S_MSR_LE)

static uint64_t interrupt_msr(const struct ppcpv_vcpu *v, uint64_t msr)
{
	uint64_t new_msr = msr & ~(uint64_t)MSR_CLEARED_ON_INTERRUPT;

	if (v->intr_le || (msr & PPC_BOOK3S_MSR_ILE))
		new_msr |= PPC_BOOK3S_MSR_LE;
	return new_msr;
}

void ppcpv_irq_inject(struct ppcpv_vcpu *v, uint32_t vector, uint64_t cause)
{
	uint64_t msr = ppcpv_vcpu_msr(v);

	ppcpv_shared_set64(v, PPCPV_SHARED_SRR0, v->regs.pc);
	ppcpv_shared_set64(v, PPCPV_SHARED_SRR1, (msr & ~(uint64_t)PPC_BOOK3S_SRR1_CAUSE_MASK) |
			   (cause & PPC_BOOK3S_SRR1_CAUSE_MASK));
	ppcpv_vcpu_set_msr(v, interrupt_msr(v, msr));
	v->regs.pc = vector;
}

void ppcpv_irq_program(struct ppcpv_vcpu *v, uint64_t reason)
{
	ppcpv_irq_inject(v, PPC_BOOK3S_VEC_PROGRAM, reason);
}

void ppcpv_irq_dsi(struct ppcpv_vcpu *v, uint64_t dar, uint32_t dsisr)
{
	ppcpv_shared_set64(v, PPCPV_SHARED_DAR, dar);
	ppcpv_shared_set32(v, PPCPV_SHARED_DSISR, dsisr);
	ppcpv_irq_inject(v, PPC_BOOK3S_VEC_DSI, 0);
}

void ppcpv_irq_isi(struct ppcpv_vcpu *v, uint64_t cause)
{
	ppcpv_irq_inject(v, PPC_BOOK3S_VEC_ISI, cause & PPC_BOOK3S_SRR1_ISI_CAUSES);
}

int ppcpv_irq_in_critical_section(const struct ppcpv_vcpu *v)
{
	uint64_t critical = ppcpv_shared_get64(v, PPCPV_SHARED_CRITICAL);
	uint64_t r1 = v->regs.gpr[1];

	/* A guest that has not mapped the page cannot have entered one (KVM
	 * tests regardless, so r1 == 0 would count there). */
	if (!v->magic.mapped || !ppcpv_vcpu_supervisor(v))
		return 0;
	if (!ppcpv_vcpu_64bit(v))
		return (uint32_t)critical == (uint32_t)r1;
	return critical == r1;
}

static int may_deliver_async(const struct ppcpv_vcpu *v)
{
	return (ppcpv_vcpu_msr(v) & PPC_MSR_EE) && !ppcpv_irq_in_critical_section(v);
}

/* External before decrementer, as in the Book3S priority order.  Both stay
 * pending after delivery (levels); the guest clears them at the source. */
static void deliver_one(struct ppcpv_vcpu *v)
{
	if (v->pending & PPCPV_IRQ_EXTERNAL) {
		v->stats.ext_injected++;
		ppcpv_irq_inject(v, PPC_BOOK3S_VEC_EXTERNAL, 0);
	} else {
		v->stats.dec_injected++;
		ppcpv_irq_inject(v, PPC_BOOK3S_VEC_DEC, 0);
	}
}

/* Counted once per hold, not once per exit while it lasts. */
static void count_deferral(struct ppcpv_vcpu *v)
{
	if (v->irq_held)
		return;
	v->irq_held = 1;
	if (v->pending & PPCPV_IRQ_EXTERNAL)
		v->stats.ext_deferred++;
	else
		v->stats.dec_deferred++;
}

int ppcpv_irq_deliver_or_hold(struct ppcpv_vcpu *v)
{
	if (may_deliver_async(v)) {
		v->irq_held = 0;
		deliver_one(v);
	} else
		count_deferral(v);
	/* Whatever is still pending now waits for the guest to enable EE. */
	ppcpv_shared_set32(v, PPCPV_SHARED_INT_PENDING, 1);
	return 1;
}

void ppcpv_vcpu_set_external(struct ppcpv_vcpu *v, int level)
{
	if (level)
		v->pending |= PPCPV_IRQ_EXTERNAL;
	else
		v->pending &= ~PPCPV_IRQ_EXTERNAL;
}
