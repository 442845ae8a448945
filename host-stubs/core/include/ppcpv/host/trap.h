/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/trap.h - the host stub's exit handling: what the platform
 * calls after the guest traps, and before it enters the guest again.
 *
 *   for (;;) {
 *       ppcpv_prepare_entry(v, &entry);    interrupts, int_pending, MSR, DEC
 *       run the guest with entry.msr until it traps; save regs, srr0 -> pc
 *       action = ppcpv_handle_trap(v, &trap);
 *       (IDLE: wait until ppcpv_vcpu_wake_tb(); EXIT/FATAL: stop)
 *   }
 */
#ifndef PPCPV_HOST_TRAP_H
#define PPCPV_HOST_TRAP_H

#include <stdint.h>
#include <ppcpv/host/vcpu.h>

struct ppcpv_trap {
	uint32_t vector;	/* PPCPV_VEC_* the real interrupt went to */
	uint64_t srr1;		/* real SRR1 (cause bits; PR was 1) */
	uint64_t dar;		/* real DAR (DSI, DSEG, alignment) */
	uint32_t dsisr;		/* real DSISR (DSI, alignment) */
};

enum ppcpv_run_action {
	PPCPV_RUN_RESUME = 0,	/* enter the guest again */
	PPCPV_RUN_IDLE,		/* the guest waits for an interrupt */
	PPCPV_RUN_EXIT,		/* the guest asked to stop: v->exit_status */
	PPCPV_RUN_FATAL,	/* the host cannot go on: v->fatal */
};

/* Handle one trap out of the guest (v->regs.pc = the real SRR0). */
enum ppcpv_run_action ppcpv_handle_trap(struct ppcpv_vcpu *v, const struct ppcpv_trap *t);

/*
 * Does handling this vector (ppcpv_handle_trap, then ppcpv_prepare_entry)
 * read or write guest GPRs above r13?  Only program interrupts (emulation
 * names any register) and DSI/DSEG (MMIO loads and stores) do; every other
 * exit touches r0-r13 at most (hypercall arguments and results, r1 for
 * the critical section).  So for the others a platform may leave r14-r31
 * unsaved in the registers, which C code preserves, and regs.gpr[14..31]
 * then keep older values that the core does not look at.
 */
static inline int ppcpv_trap_uses_all_gprs(uint32_t vector)
{
	return vector == PPC_BOOK3S_VEC_PROGRAM || vector == PPC_BOOK3S_VEC_DSI || vector == PPC_BOOK3S_VEC_DSEG;
}

/* Real-DEC poll interval while an interrupt is held back. */
#define PPCPV_DEC_POLL_TICKS	4096
/* Largest value programmed into the real DEC (fits any DEC width). */
#define PPCPV_DEC_MAX_TICKS	PPC_DEC_MAX

struct ppcpv_entry {
	uint64_t msr;		/* real MSR to enter the guest with */
	uint64_t dec_ticks;	/* program the real DEC with this */
	uint64_t sprg3;		/* real SPRG3 (user-readable as SPR 259) */
};

/*
 * Deliver what may be delivered, update int_pending, and say how to enter
 * the guest.  Call before every entry.
 */
void ppcpv_prepare_entry(struct ppcpv_vcpu *v, struct ppcpv_entry *e);

/* Is an interrupt pending (the end of EV_IDLE), after updating the DEC? */
int ppcpv_vcpu_runnable(struct ppcpv_vcpu *v);

/* The timebase at which the guest's decrementer next fires (UINT64_MAX:
 * not armed). */
uint64_t ppcpv_vcpu_wake_tb(const struct ppcpv_vcpu *v);

/* Raise or lower the guest's external interrupt line (level). */
void ppcpv_vcpu_set_external(struct ppcpv_vcpu *v, int level);

#endif /* PPCPV_HOST_TRAP_H */
