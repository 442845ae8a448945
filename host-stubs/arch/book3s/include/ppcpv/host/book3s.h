/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/book3s.h - the host core's Book III-S family (64-bit, with
 * the 32-bit forms a Book3S-32 kernel uses): its MSR rules, interrupt
 * delivery at the fixed vectors with SRR1/DSISR causes, the decrementer
 * as a level while negative, and the privileged instructions Book3S has.
 * A Book3S platform (pseries) names ppcpv_arch_book3s in its vCPU config
 * and turns each real interrupt into an exit with ppcpv_book3s_exit().
 */
#ifndef PPCPV_HOST_BOOK3S_H
#define PPCPV_HOST_BOOK3S_H

#include <stdint.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/arch.h>
#include <ppcpv/host/trap.h>

extern const struct ppcpv_arch ppcpv_arch_book3s;

/* MSR rules, public for a platform's fast exit path (pseries start.S):
 * bits the guest can never set (HV belongs to the real hypervisor), and
 * bits every interrupt clears (ME and SF survive; LE then comes from ILE). */
#define PPCPV_BOOK3S_MSR_NEVER	PPC_BOOK3S_MSR_HV
#define PPCPV_BOOK3S_MSR_INTERRUPT_CLEARS \
	(PPC_MSR_EE | PPC_MSR_PR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_BOOK3S_MSR_RI | \
	 PPC_MSR_FP | PPC_MSR_FE0 | PPC_MSR_FE1 | PPC_BOOK3S_MSR_SE | PPC_BOOK3S_MSR_BE | \
	 PPC_BOOK3S_MSR_VEC | PPC_BOOK3S_MSR_VSX | PPC_MSR_PMM | PPC_BOOK3S_MSR_POW | \
	 PPC_BOOK3S_MSR_LE)

/* What an exit through a vector is (for the program interrupt, by its
 * SRR1 reason).  Tested in the order of how often they come. */
static inline enum ppcpv_exit_reason ppcpv_book3s_exit_reason(uint32_t vector, uint64_t srr1)
{
	if (vector == PPC_BOOK3S_VEC_PROGRAM)
		/* privileged or illegal: an instruction to emulate */
		return srr1 & (PPC_BOOK3S_SRR1_PROG_PRIV | PPC_BOOK3S_SRR1_PROG_ILLEGAL) ?
			PPCPV_EXIT_PRIVILEGED : PPCPV_EXIT_PROGRAM;
	if (vector == PPC_BOOK3S_VEC_SYSCALL)
		return PPCPV_EXIT_SYSCALL;
	if (vector == PPC_BOOK3S_VEC_DEC)
		return PPCPV_EXIT_HOST_TIMER;
	if (vector == PPC_BOOK3S_VEC_DSI || vector == PPC_BOOK3S_VEC_DSEG)
		return PPCPV_EXIT_DATA_FAULT;
	if (vector == PPC_BOOK3S_VEC_ISI || vector == PPC_BOOK3S_VEC_ISEG)
		return PPCPV_EXIT_INSN_FAULT;
	if (vector == PPC_BOOK3S_VEC_EXTERNAL)
		return PPCPV_EXIT_HOST_EXTERNAL;
	if (vector == PPC_BOOK3S_VEC_ALIGNMENT || vector == PPC_BOOK3S_VEC_FP_UNAVAIL ||
	    vector == PPC_BOOK3S_VEC_TRACE || vector == PPC_BOOK3S_VEC_PERF ||
	    vector == PPC_BOOK3S_VEC_VEC_UNAVAIL || vector == PPC_BOOK3S_VEC_VSX_UNAVAIL ||
	    vector == PPC_BOOK3S_VEC_FAC_UNAVAIL)
		return PPCPV_EXIT_REFLECT;
	return PPCPV_EXIT_UNEXPECTED;
}

/* The exit a real interrupt at vector (PPC_BOOK3S_VEC_*) is, with the
 * real SRR1, DAR and DSISR it left.  (Inline: every trap of a Book3S
 * platform goes through it.) */
static inline void ppcpv_book3s_exit(uint32_t vector, uint64_t srr1, uint64_t dar,
				     uint32_t dsisr, struct ppcpv_exit *e)
{
	e->reason = ppcpv_book3s_exit_reason(vector, srr1);
	e->vector = vector;
	e->cause = srr1;
	e->dar = dar;
	e->data_cause = dsisr;
}

/* Enter the guest's handler at vector as the CPU would for a storage or
 * program interrupt the host decided on: DAR (DSI, data segment), DSISR
 * (DSI), SRR1 cause bits (ISI, program).  For a platform that models the
 * guest's MMU: its walk says exactly what the guest must see. */
/*
 * The real FSCR to run the guest with.  The problem-state facilities a
 * POWER kernel saves and restores itself (TAR, the event-based branch
 * registers, user DSCR) are enabled while the guest is in supervisor
 * state, where FSCR restricts nothing, and as the guest's own FSCR says in
 * its user state; a facility unavailable interrupt there is the guest's.
 */
uint64_t ppcpv_book3s_real_fscr(const struct ppcpv_vcpu *v);
/* A facility unavailable interrupt the real CPU took in the guest's user
 * state: its cause (the real FSCR's IC) into the guest's FSCR. */
void ppcpv_book3s_fscr_cause(struct ppcpv_vcpu *v, uint64_t real_fscr);

void ppcpv_book3s_raise(struct ppcpv_vcpu *v, uint32_t vector, uint64_t srr1_cause, uint64_t dar,
			uint32_t dsisr);

/* Vectors whose exits may use any guest GPR (ppcpv_exit_uses_all_gprs()):
 * program (emulation) and data storage/segment (MMIO).  A platform saves
 * r14-r31 for these only. */
static inline int ppcpv_book3s_vector_uses_all_gprs(uint32_t vector)
{
	return vector == PPC_BOOK3S_VEC_PROGRAM || vector == PPC_BOOK3S_VEC_DSI ||
	       vector == PPC_BOOK3S_VEC_DSEG;
}

#endif /* PPCPV_HOST_BOOK3S_H */
