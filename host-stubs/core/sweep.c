// SPDX-License-Identifier: MIT
/*
 * The interrupt-placement sweep (host config irq-sweep; off by default),
 * family-neutral: the guest asks, through the MMIO device's platform
 * registers (PPCPV_HOSTDEV_SWEEP_*), for a decrementer interrupt at
 * boundary k of a stretch of its code, and the host makes it arrive
 * exactly there.
 *
 * How: from the arming write on, the platform single-steps the guest
 * (ppcpv/host/sweep.h: pseries with the real MSR[SE], a trace interrupt
 * after every instruction that completes; e500 with MSR[DE] and
 * DBCR0[IDM|ICMP], a debug interrupt) and hands each step exit here; an
 * instruction the host emulates (it trapped) completes in the host.
 * Boundary 0 is the first entry at pc = FROM; each completed instruction
 * after it is one more boundary.  At boundary k the host makes the
 * decrementer run out, as the real one would (the family's expiry:
 * Book3S's value negative and its level up; BookE's value 0, TSR[DIS],
 * pending while TCR[DIE]), and the core's PV rules decide from there, at
 * this entry and every following one: deliver, or hold back with
 * int_pending = 1.  Stepping stops at the delivery (or when the guest
 * reads SWEEP_END).
 *
 * What the host judges, per placement, with the rules restated here rather
 * than asked of the core (so that a core that breaks them is caught):
 *   delivered_in_critical  delivered while the guest was in a critical
 *                          section (magic page mapped, supervisor,
 *                          critical == r1)
 *   delivered_masked       delivered while the guest's MSR[EE] was 0
 *   lost                   delivered after the first boundary from k on
 *                          where it was deliverable, or never (by
 *                          SWEEP_END), or held back without int_pending
 * and prints them with the placement count at the end of the run:
 *   HOST-SWEEP: {"placed":N,"delivered":D,"lost":L,...}
 *
 * With irq-sweep = "ignore-critical" (a deliberate defect, to prove the
 * sweep can fail) the raised interrupt is delivered at the first boundary
 * with EE set and its level still up, critical section or not.
 *
 * Nothing here runs unless the host config asks for it: the platform's
 * exit path only tests whether it is configured.  One vCPU: the state is
 * this file's.
 */
#include <ppcpv/err.h>
#include <ppcpv/fmt.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/stats.h>
#include <ppcpv/host/sweep.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/platform.h>
#include "core.h"

static int stepping;

static enum ppcpv_irq_sweep mode;

/* One placement. */
static struct {
	uint64_t from, to;
	uint32_t at;		/* boundary to raise at (PPCPV_HOSTDEV_SWEEP_NEVER: none) */
	int counting;		/* pc reached FROM */
	uint32_t boundary;
	uint32_t to_boundary;	/* where TO was reached */
	int traced;		/* this exit is a trace interrupt: one instruction done */
	uint64_t emulated;	/* the host's emulation count at the last entry */
	int raised, delivered;
	int hidden;		/* held back once with int_pending clear */
	int deliverable_seen;	/* since raised, a boundary allowed delivery */
	uint32_t first_deliverable;
	/* the guest at this entry, before the core acted */
	int in_critical, ee;
	uint64_t injected;
} p;

static struct {
	uint64_t placed, delivered, lost, in_critical, masked;
} n;

int ppcpv_sweep_init(enum ppcpv_irq_sweep irq_sweep)
{
	mode = irq_sweep;
	return mode != PPCPV_IRQ_SWEEP_OFF;
}

int ppcpv_sweep_stepping(void)
{
	return stepping;
}

/* The PV rule for the critical section, restated. */
static int in_critical_section(const struct ppcpv_vcpu *v)
{
	uint64_t critical = ppcpv_shared_get64(v, PPCPV_SHARED_CRITICAL), r1 = v->regs.gpr[1];

	if (!v->magic.mapped || !ppcpv_vcpu_supervisor(v))
		return 0;
	return ppcpv_vcpu_64bit(v) ? critical == r1 : (uint32_t)critical == (uint32_t)r1;
}

static uint64_t injected(const struct ppcpv_vcpu *v)
{
	return v->stats.dec_injected + v->stats.ext_injected;
}

static void arm(struct ppcpv_vcpu *v, uint32_t at)
{
	uint64_t from = p.from, to = p.to;

	p = (typeof(p)){ .from = from, .to = to, .at = at,
			 .to_boundary = PPCPV_HOSTDEV_SWEEP_NEVER,
			 .emulated = ppcpv_stats_emulated(&v->stats) };
	stepping = 1;
}

/* SWEEP_END: the placement is over. */
static uint32_t end(void)
{
	if (p.raised && !p.delivered)
		n.lost++;
	stepping = 0;
	return p.to_boundary;
}

/* An address register takes 8 bytes, or 4 from a guest in 32-bit mode
 * (e500: no 8-byte store; its pc has no upper word). */
static int address_size(const struct ppcpv_vcpu *v, unsigned int size)
{
	return size == 8 || (size == 4 && !ppcpv_vcpu_64bit(v));
}

static int reg(void *ctx, struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, int write,
	       uint64_t *val)
{
	if (write && address_size(v, size) && offset == PPCPV_HOSTDEV_SWEEP_FROM)
		p.from = *val;
	else if (write && address_size(v, size) && offset == PPCPV_HOSTDEV_SWEEP_TO)
		p.to = *val;
	else if (write && size == 4 && offset == PPCPV_HOSTDEV_SWEEP_AT)
		arm(v, (uint32_t)*val);
	else if (!write && size == 4 && offset == PPCPV_HOSTDEV_SWEEP_END)
		*val = end();
	else
		return -PPCPV_ERR_UNSUPPORTED;
	return 0;
}

const struct ppcpv_host_ops *ppcpv_sweep_ops(const struct ppcpv_host_ops *ops)
{
	static struct ppcpv_host_ops with_sweep;

	if (mode == PPCPV_IRQ_SWEEP_OFF)
		return ops;
	with_sweep = *ops;
	with_sweep.hostdev_platform = reg;
	return &with_sweep;
}

void ppcpv_sweep_stepped(void)
{
	p.traced = 1;
}

/* The decrementer runs out now, as the family's own would. */
static void raise_dec(struct ppcpv_vcpu *v)
{
	ppcpv_dec_expire(v);
	p.raised = 1;
	n.placed++;
}

/* The deliberate defect: deliver with EE set, ignoring the critical
 * section (the core's own deliver, counted as the core counts it). */
static void deliver_ignoring_critical(struct ppcpv_vcpu *v)
{
	v->stats.dec_injected++;
	v->arch.deliver(v, PPCPV_IRQ_DEC);
}

/* Where the guest stands, before the core's rules act at this entry. */
static void advance(struct ppcpv_vcpu *v)
{
	uint64_t emulated = ppcpv_stats_emulated(&v->stats);
	int done = p.traced || emulated != p.emulated;

	p.traced = 0;
	p.emulated = emulated;
	if (!p.counting) {
		if (v->regs.pc != p.from)
			return;
		p.counting = 1;
	} else if (done) {
		p.boundary++;
	}
	if (v->regs.pc == p.to && p.to_boundary == PPCPV_HOSTDEV_SWEEP_NEVER)
		p.to_boundary = p.boundary;
	if (!p.raised && p.boundary == p.at)
		raise_dec(v);
}

void ppcpv_sweep_before_entry(struct ppcpv_vcpu *v)
{
	advance(v);
	p.in_critical = in_critical_section(v);
	p.ee = !!(ppcpv_vcpu_msr(v) & PPC_MSR_EE);
	p.injected = injected(v);
	if (!p.raised || p.delivered)
		return;
	if (p.ee && !p.in_critical && !p.deliverable_seen) {
		p.deliverable_seen = 1;
		p.first_deliverable = p.boundary;
	}
	if (mode == PPCPV_IRQ_SWEEP_IGNORE_CRITICAL && p.ee && (v->pending & PPCPV_IRQ_DEC))
		deliver_ignoring_critical(v);
}

int ppcpv_sweep_after_entry(struct ppcpv_vcpu *v)
{
	if (p.raised && !p.delivered && injected(v) != p.injected) {
		p.delivered = 1;
		n.delivered++;
		n.in_critical += p.in_critical;
		n.masked += !p.ee;
		/* late (early is in_critical or masked) */
		if ((p.deliverable_seen && p.first_deliverable != p.boundary) || p.hidden)
			n.lost++;
		/* The handler runs at full speed; SWEEP_END still ends it. */
		stepping = 0;
		return 0;
	}
	if (p.raised && !p.delivered && !ppcpv_shared_get32(v, PPCPV_SHARED_INT_PENDING))
		p.hidden = 1;	/* held back where the guest cannot see it */
	return 1;
}

void ppcpv_sweep_report(void)
{
	if (mode == PPCPV_IRQ_SWEEP_OFF)
		return;
	host_printf("HOST-SWEEP: {\"placed\":%llu,\"delivered\":%llu,\"lost\":%llu,"
		    "\"delivered_in_critical\":%llu,\"delivered_masked\":%llu}\n",
		    (unsigned long long)n.placed, (unsigned long long)n.delivered,
		    (unsigned long long)n.lost, (unsigned long long)n.in_critical,
		    (unsigned long long)n.masked);
}
