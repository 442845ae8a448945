/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/sweep.h - the interrupt-placement sweep (host config
 * irq-sweep; Documentation/differential.rst, "An interrupt at every
 * offset"), as the family-neutral core offers it to a platform.
 *
 * The core (host-stubs/core/sweep.c) keeps the placement's bookkeeping,
 * raises the guest's decrementer at the boundary the guest asked for,
 * judges each placement with the PV rules restated, serves the host
 * device's SWEEP_* registers (ppcpv/host/hostdev.h) and prints the
 * HOST-SWEEP line.  What stays the platform's (its thin glue): making the
 * CPU single-step the guest's next entry (pseries: the real MSR[SE];
 * e500: MSR[DE] with DBCR0[IDM|ICMP]) and recognising the step exit
 * (pseries: the trace interrupt 0xd00; e500: the debug interrupt, IVOR15).
 *
 * A platform with irq-sweep configured sends every exit through:
 *
 *   if (!ppcpv_sweep_step_exit(<this exit is the CPU's step>))
 *           <handle the exit as usual>;
 *   msr = ppcpv_sweep_entry(v, <its entry: ppcpv_prepare_entry() and the
 *                           rest, returning the real MSR>, <its step bit>);
 */
#ifndef PPCPV_HOST_SWEEP_H
#define PPCPV_HOST_SWEEP_H

#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/vcpu.h>

/* From the host config's irq-sweep; 1 if the sweep is on (then every exit
 * must take the path above). */
int ppcpv_sweep_init(enum ppcpv_irq_sweep mode);
/* The vCPU's ops with the host device's SWEEP_* registers added when the
 * sweep is on (ops itself when it is off: the device has none). */
const struct ppcpv_host_ops *ppcpv_sweep_ops(const struct ppcpv_host_ops *ops);
/* A placement is armed and not yet delivered: the guest is single-stepped,
 * and the CPU's step exit is the sweep's, not the guest's. */
int ppcpv_sweep_stepping(void);
/* The platform took its step exit: one guest instruction completed. */
void ppcpv_sweep_stepped(void);
/* Before ppcpv_prepare_entry(): count the boundary, raise the decrementer
 * at the one asked for, note where the guest stands (the PV rules'
 * inputs) before the core acts on them. */
void ppcpv_sweep_before_entry(struct ppcpv_vcpu *v);
/* After ppcpv_prepare_entry(): judge a delivery; 1 if the guest must be
 * single-stepped on this entry, 0 when the placement is delivered (its
 * handler runs at full speed). */
int ppcpv_sweep_after_entry(struct ppcpv_vcpu *v);
/* The HOST-SWEEP line (from the platform's report), when it is on. */
void ppcpv_sweep_report(void);

/* An exit with irq-sweep on: 1 if it is the sweep's single step (the
 * guest completed one instruction; nothing else to handle), 0 if the
 * platform handles it as usual.  is_step: the exit is the CPU's step
 * interrupt. */
static inline int ppcpv_sweep_step_exit(int is_step)
{
	if (!is_step || !ppcpv_sweep_stepping())
		return 0;
	ppcpv_sweep_stepped();
	return 1;
}

/* The entry after an exit with irq-sweep on: the platform's prepare
 * (ppcpv_prepare_entry() and the rest of its entry, returning the real
 * MSR) between the sweep's look at the guest and its verdict; step_msr,
 * the bit that single-steps the guest, added while a placement steps. */
static inline uint64_t ppcpv_sweep_entry(struct ppcpv_vcpu *v, uint64_t (*prepare)(void),
					 uint64_t step_msr)
{
	uint64_t msr;

	if (!ppcpv_sweep_stepping())
		return prepare();
	ppcpv_sweep_before_entry(v);
	msr = prepare();
	return ppcpv_sweep_after_entry(v) ? msr | step_msr : msr;
}

#endif /* PPCPV_HOST_SWEEP_H */
