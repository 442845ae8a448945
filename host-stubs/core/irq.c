// SPDX-License-Identifier: MIT
/*
 * The PV rules for the asynchronous interrupts (decrementer, external):
 * held back while MSR[EE] is 0 or the guest is in a critical section,
 * reported to the guest through int_pending, delivered at the first entry
 * that allows it.  How an interrupt enters the guest's handler is the
 * family's (its arch's deliver).
 */
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

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

/* External before decrementer, as both families order them.  Both stay
 * pending after delivery (levels); the guest clears them at the source. */
static void deliver_one(struct ppcpv_vcpu *v)
{
	if (v->pending & PPCPV_IRQ_EXTERNAL) {
		v->stats.ext_injected++;
		v->arch.deliver(v, PPCPV_IRQ_EXTERNAL);
	} else {
		v->stats.dec_injected++;
		v->arch.deliver(v, PPCPV_IRQ_DEC);
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
