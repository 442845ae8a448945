// SPDX-License-Identifier: MIT
/*
 * Interrupt delivery into the guest's own handlers, as a BookE CPU would
 * do it at the guest's level: SRR0/SRR1 (SRR1 is the whole MSR: causes go
 * to ESR and DEAR), the interrupt MSR, pc = IVPR | IVORn.  Also how an exit
 * the guest handles itself goes back: its ESR, its DEAR.
 */
#include <ppcpv/host/shared.h>
#include <ppcpv/host/trap.h>
#include "booke.h"

/* MSR bits a (non-critical) interrupt keeps; the rest are cleared.  CM
 * would come from EPCR[ICM], which is not modelled: the mode is kept. */
#define MSR_KEPT_ON_INTERRUPT	(PPC_MSR_ME | PPC_BOOKE_MSR_CE | PPC_BOOKE_MSR_DE | \
				 PPC_BOOKE_MSR_CM)
/* Program interrupt causes ESR carries into the guest. */
#define PROGRAM_CAUSES		(PPC_BOOKE_ESR_PIL | PPC_BOOKE_ESR_PPR | PPC_BOOKE_ESR_PTR | \
				 PPC_BOOKE_ESR_FP)

/* Where interrupt ivor enters: IVPR's high bits, IVORn's offset. */
static uint64_t handler(const struct ppcpv_vcpu *v, unsigned int ivor)
{
	return (v->arch_sprs[BOOKE_IVPR] & PPC_BOOKE_IVPR_MASK) |
	       (v->arch_sprs[BOOKE_IVOR0 + ivor] & PPC_BOOKE_IVOR_MASK);
}

void booke_inject(struct ppcpv_vcpu *v, unsigned int ivor)
{
	uint64_t msr = ppcpv_vcpu_msr(v);

	ppcpv_shared_set64(v, PPCPV_SHARED_SRR0, v->regs.pc);
	ppcpv_shared_set64(v, PPCPV_SHARED_SRR1, msr);
	booke_set_msr(v, msr & MSR_KEPT_ON_INTERRUPT);
	v->regs.pc = ppcpv_vcpu_ea(v, handler(v, ivor));
}

static void set_esr(struct ppcpv_vcpu *v, uint64_t esr)
{
	ppcpv_shared_set32(v, PPCPV_SHARED_ESR, (uint32_t)esr);
}

void booke_reflect(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	switch (e->vector) {
	case PPC_BOOKE_IVOR_PROGRAM:
		set_esr(v, e->cause & PROGRAM_CAUSES);
		break;
	case PPC_BOOKE_IVOR_DSI:
	case PPC_BOOKE_IVOR_DTLB:
	case PPC_BOOKE_IVOR_ALIGNMENT:
		ppcpv_shared_set64(v, PPCPV_SHARED_DAR, ppcpv_vcpu_ea(v, e->dar));	/* DEAR */
		set_esr(v, e->data_cause);
		break;
	case PPC_BOOKE_IVOR_ISI:
	case PPC_BOOKE_IVOR_ITLB:
		set_esr(v, e->cause);
		break;
	default:
		break;
	}
	booke_inject(v, e->vector);
}

void booke_deliver(struct ppcpv_vcpu *v, uint32_t irq)
{
	booke_inject(v, irq == PPCPV_IRQ_EXTERNAL ? PPC_BOOKE_IVOR_EXTERNAL : PPC_BOOKE_IVOR_DEC);
}
