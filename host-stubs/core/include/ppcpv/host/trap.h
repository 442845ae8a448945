/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/trap.h - the host stub's exit loop: what the platform calls
 * after the guest traps, and before it enters the guest again.
 *
 *   for (;;) {
 *       ppcpv_prepare_entry(v, &entry);    interrupts, int_pending, MSR, DEC
 *       run the guest with entry.msr until it traps; save regs, pc
 *       turn the family's interrupt into a struct ppcpv_exit
 *           (ppcpv_book3s_exit(), ppcpv_booke_exit())
 *       action = ppcpv_handle_exit(v, &exit);
 *       (IDLE: wait until ppcpv_vcpu_wake_tb(); EXIT/FATAL: stop)
 *   }
 *
 * The core sees only the reason of an exit; the family's own numbers ride
 * along for the arch, which puts the exit back into the guest when the
 * guest is the one to handle it.
 */
#ifndef PPCPV_HOST_TRAP_H
#define PPCPV_HOST_TRAP_H

#include <stdint.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/host/vcpu.h>

/* Why the guest stopped running. */
enum ppcpv_exit_reason {
	PPCPV_EXIT_PRIVILEGED = 0,	/* a privileged or illegal instruction at pc */
	PPCPV_EXIT_PROGRAM,		/* any other program interrupt (trap, FP) */
	PPCPV_EXIT_SYSCALL,		/* sc; pc is past it */
	PPCPV_EXIT_DATA_FAULT,		/* a data access to dar faulted */
	PPCPV_EXIT_INSN_FAULT,		/* an instruction fetch faulted */
	PPCPV_EXIT_HOST_TIMER,		/* the host's own decrementer */
	PPCPV_EXIT_HOST_EXTERNAL,	/* a host external interrupt */
	PPCPV_EXIT_REFLECT,		/* the guest's own business: alignment, FP
					 * unavailable, trace, ... */
	PPCPV_EXIT_UNEXPECTED,		/* nothing a guest can cause: the host stops */
};

struct ppcpv_exit {
	enum ppcpv_exit_reason reason;
	/* The family's own view, for the arch (the core only passes it on). */
	uint32_t vector;	/* interrupt number (Book3S vector, BookE IVOR) */
	uint64_t cause;		/* cause bits (Book3S SRR1, BookE ESR) */
	uint64_t dar;		/* data faults: the address (DAR, DEAR) */
	uint64_t data_cause;	/* data faults: their cause (Book3S DSISR, BookE ESR) */
};

enum ppcpv_run_action {
	PPCPV_RUN_RESUME = 0,	/* enter the guest again */
	PPCPV_RUN_IDLE,		/* the guest waits for an interrupt */
	PPCPV_RUN_EXIT,		/* the guest asked to stop: v->exit_status */
	PPCPV_RUN_FATAL,	/* the host cannot go on: v->fatal */
};

/* Handle one exit out of the guest (v->regs.pc = where it stopped). */
enum ppcpv_run_action ppcpv_handle_exit(struct ppcpv_vcpu *v, const struct ppcpv_exit *e);

/*
 * Does handling this exit (ppcpv_handle_exit, then ppcpv_prepare_entry)
 * read or write guest GPRs above r13?  Only privileged instructions
 * (emulation names any register) and data faults (MMIO loads and stores)
 * do; every other exit touches r0-r13 at most (hypercall arguments and
 * results, r1 for the critical section).  So for the others a platform may
 * leave r14-r31 unsaved in the registers, which C code preserves, and
 * regs.gpr[14..31] then keep older values that the core does not look at.
 */
static inline int ppcpv_exit_uses_all_gprs(enum ppcpv_exit_reason reason)
{
	return reason == PPCPV_EXIT_PRIVILEGED || reason == PPCPV_EXIT_DATA_FAULT;
}

/* Real-DEC poll interval while an interrupt is held back. */
#define PPCPV_DEC_POLL_TICKS	4096
/* Largest value programmed into the real DEC (fits any DEC width). */
#define PPCPV_DEC_MAX_TICKS	PPC_DEC_MAX

struct ppcpv_entry {
	uint64_t msr;		/* real MSR to enter the guest with */
	uint64_t dec_ticks;	/* program the real DEC with this */
	uint64_t sprg3;		/* real SPRG3 (user-readable as PPC_SPR_USPRG3) */
};

/*
 * Deliver what may be delivered, update int_pending, and say how to enter
 * the guest.  Call before every entry.
 */
void ppcpv_prepare_entry(struct ppcpv_vcpu *v, struct ppcpv_entry *e);

/* Is an interrupt pending (the end of EV_IDLE), after updating the DEC? */
int ppcpv_vcpu_runnable(struct ppcpv_vcpu *v);

/* The timebase of the guest decrementer's next event (UINT64_MAX: none). */
uint64_t ppcpv_vcpu_wake_tb(const struct ppcpv_vcpu *v);

/*
 * EV_IDLE or H_CEDE: wait until the guest can run, spinning on the
 * timebase (a host stub takes no interrupt of its own).  0, or
 * -PPCPV_ERR_NOTFOUND when nothing is armed that would ever wake it.
 */
int ppcpv_vcpu_idle(struct ppcpv_vcpu *v);

/* Raise or lower the guest's external interrupt line (level). */
void ppcpv_vcpu_set_external(struct ppcpv_vcpu *v, int level);

#endif /* PPCPV_HOST_TRAP_H */
