/* SPDX-License-Identifier: MIT */
/*
 * Internal to host-stubs/core: how the core's files call each other.  The
 * public interface is ppcpv/host/{vcpu,trap,shared,stats,arch,arch-helpers}.h.
 */
#ifndef PPCPV_HOST_CORE_H
#define PPCPV_HOST_CORE_H

#include <stdint.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>

/* ---- Hypercalls (hcall.c) ------------------------------------------------ */

/* Is the `sc` that just trapped a PV hypercall?  (Inline: every system
 * call of the guest's user mode asks.) */
static inline int ppcpv_sc_is_hcall(const struct ppcpv_vcpu *v)
{
	return v->cfg.mode != PPCPV_MODE_NONE && ppcpv_vcpu_supervisor(v) &&
	       (uint32_t)v->regs.gpr[0] == v->hcall_r0;
}

/* Serve it: r3 = status, r4 = second result.  RESUME or IDLE. */
int ppcpv_hcall_dispatch(struct ppcpv_vcpu *v);

/* ---- The PV rules for asynchronous interrupts (irq.c) ------------------- */

/* Something is pending: deliver it if MSR[EE] and no critical section,
 * else hold it back; int_pending = 1 either way (levels stay pending). */
int ppcpv_irq_deliver_or_hold(struct ppcpv_vcpu *v);

/* Deliver a pending DEC/external if MSR[EE] and no critical section;
 * returns 1 when something stays held back.  Maintains int_pending.
 * (Inline: at most entries nothing is pending.) */
static inline int ppcpv_irq_deliver_pending(struct ppcpv_vcpu *v)
{
	if (v->pending)
		return ppcpv_irq_deliver_or_hold(v);
	v->irq_held = 0;
	if (ppcpv_shared_get32(v, PPCPV_SHARED_INT_PENDING))
		ppcpv_shared_set32(v, PPCPV_SHARED_INT_PENDING, 0);
	return 0;
}

/* ---- Virtual decrementer (dec.c) ---------------------------------------- */

void ppcpv_dec_reset(struct ppcpv_vcpu *v);
/* The decrementer runs out now, as its own count reaching the end would
 * have it: it reads the family's expired value and the family's event
 * acts (the interrupt sweep's raise). */
void ppcpv_dec_expire(struct ppcpv_vcpu *v);
/* The helpers below run at every guest entry: inline, so that the entry
 * path makes no calls for them. */

/* Tell the family if the decrementer reached its event by timebase tb. */
static inline void ppcpv_dec_update(struct ppcpv_vcpu *v, uint64_t tb)
{
	if (tb >= v->dec.wake_tb) {
		v->dec.wake_tb = UINT64_MAX;
		v->arch.dec_event(v);
	}
}

/* Ticks from timebase tb until the real DEC should next interrupt the guest. */
static inline uint64_t ppcpv_dec_host_ticks(const struct ppcpv_vcpu *v, int held_back, uint64_t tb)
{
	uint64_t wake = v->dec.wake_tb;

	/* A held-back interrupt may become deliverable without a trap (the
	 * guest leaves its critical section, or sets EE through the shared
	 * page), so come back and look. */
	if (held_back)
		return PPCPV_DEC_POLL_TICKS;
	if (wake <= tb)
		return 1;
	/* Not armed (UINT64_MAX) comes out as the largest value too. */
	return wake - tb > PPCPV_DEC_MAX_TICKS ? PPCPV_DEC_MAX_TICKS : wake - tb;
}

/* ---- MMIO device (mmio.c, hostdev.c) ------------------------------------ */

/* Is guest-physical address gpa inside the device page? */
int ppcpv_hostdev_contains(const struct ppcpv_vcpu *v, uint64_t gpa);
/* Emulate the load/store at pc that faulted on the device at ea: 0 and pc
 * advanced, or a negative error (the caller reflects the fault). */
int ppcpv_mmio_emulate(struct ppcpv_vcpu *v, uint64_t ea);
int ppcpv_hostdev_read(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, uint64_t *val);
int ppcpv_hostdev_write(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, uint64_t val);

#endif /* PPCPV_HOST_CORE_H */
