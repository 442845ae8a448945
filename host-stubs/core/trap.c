// SPDX-License-Identifier: MIT
/*
 * The exit handler: one real interrupt taken while the guest ran (always at
 * MSR[PR]=1) becomes an emulated instruction, a hypercall, an MMIO access,
 * or an interrupt reflected into the guest's own vector.
 */
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/insn.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

#define PROGRAM_REASONS	(PPC_BOOK3S_SRR1_PROG_FP | PPC_BOOK3S_SRR1_PROG_ILLEGAL | \
			 PPC_BOOK3S_SRR1_PROG_PRIV | PPC_BOOK3S_SRR1_PROG_TRAP)

static void handle_program(struct ppcpv_vcpu *v, uint64_t srr1)
{
	uint64_t reason = srr1 & PROGRAM_REASONS;
	uint32_t insn;

	/* Only the guest kernel's privileged instructions are emulated; its
	 * user mode gets the interrupt a real CPU would give it. */
	if ((reason & (PPC_BOOK3S_SRR1_PROG_PRIV | PPC_BOOK3S_SRR1_PROG_ILLEGAL)) &&
	    ppcpv_vcpu_supervisor(v) && !ppcpv_fetch_insn(v, v->regs.pc, &insn)) {
		switch (ppcpv_emulate(v, insn)) {
		case EMUL_NEXT:
			v->regs.pc = ppcpv_vcpu_ea(v, v->regs.pc + 4);
			return;
		case EMUL_JUMPED:
			return;
		case EMUL_UNKNOWN:
			break;
		}
	}
	v->stats.program_reflected++;
	ppcpv_irq_program(v, reason);
}

static enum ppcpv_run_action handle_syscall(struct ppcpv_vcpu *v)
{
	/* pc already points after the sc, which is where both paths resume. */
	if (ppcpv_sc_is_hcall(v))
		return ppcpv_hcall_dispatch(v);
	v->stats.syscall_reflected++;
	ppcpv_irq_inject(v, PPC_BOOK3S_VEC_SYSCALL, 0);
	return PPCPV_RUN_RESUME;
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

static void handle_data_fault(struct ppcpv_vcpu *v, uint64_t dar, uint32_t dsisr)
{
	uint64_t ea = ppcpv_vcpu_ea(v, dar);

	/* Guest EA = guest-physical, so the device is found by its EA. */
	if (ppcpv_hostdev_contains(v, ea) && !ppcpv_mmio_emulate(v, ea))
		return;
	/* Everything else, including a user-mode touch of the magic page
	 * (not mapped while PR=1), is the guest's own fault. */
	v->stats.dsi_reflected++;
	ppcpv_irq_dsi(v, ea, dsisr);
}

static void reflect_other(struct ppcpv_vcpu *v, const struct ppcpv_trap *t)
{
	if (t->vector == PPC_BOOK3S_VEC_ALIGNMENT) {
		ppcpv_shared_set64(v, PPCPV_SHARED_DAR, ppcpv_vcpu_ea(v, t->dar));
		ppcpv_shared_set32(v, PPCPV_SHARED_DSISR, t->dsisr);
	}
	v->stats.other_reflected++;
	ppcpv_irq_inject(v, t->vector, t->srr1);
}

static enum ppcpv_run_action dispatch(struct ppcpv_vcpu *v, const struct ppcpv_trap *t)
{
	switch (t->vector) {
	case PPC_BOOK3S_VEC_PROGRAM:
		handle_program(v, t->srr1);
		break;
	case PPC_BOOK3S_VEC_SYSCALL:
		return handle_syscall(v);
	case PPC_BOOK3S_VEC_DSI:
		handle_data_fault(v, t->dar, t->dsisr);
		break;
	case PPC_BOOK3S_VEC_DSEG:
		handle_data_fault(v, t->dar, dsisr_for_segment_miss(v));
		break;
	case PPC_BOOK3S_VEC_ISI:
		v->stats.isi_reflected++;
		ppcpv_irq_isi(v, t->srr1);
		break;
	case PPC_BOOK3S_VEC_ISEG:
		v->stats.isi_reflected++;
		ppcpv_irq_isi(v, PPC_BOOK3S_SRR1_ISI_NOPT);
		break;
	case PPC_BOOK3S_VEC_DEC:
		v->stats.dec_real++;	/* the guest's DEC is checked at entry */
		break;
	case PPC_BOOK3S_VEC_EXTERNAL:
		v->stats.host_external++;
		break;
	case PPC_BOOK3S_VEC_ALIGNMENT:
	case PPC_BOOK3S_VEC_FP_UNAVAIL:
	case PPC_BOOK3S_VEC_TRACE:
	case PPC_BOOK3S_VEC_PERF:
	case PPC_BOOK3S_VEC_VEC_UNAVAIL:
	case PPC_BOOK3S_VEC_VSX_UNAVAIL:
	case PPC_BOOK3S_VEC_FAC_UNAVAIL:
		reflect_other(v, t);
		break;
	default:
		v->fatal = "unexpected interrupt from the guest";
		return PPCPV_RUN_FATAL;
	}
	return PPCPV_RUN_RESUME;
}

enum ppcpv_run_action ppcpv_handle_trap(struct ppcpv_vcpu *v, const struct ppcpv_trap *t)
{
	enum ppcpv_run_action action;

	v->stats.exits++;
	action = dispatch(v, t);
	if (action == PPCPV_RUN_FATAL)
		return action;
	if (v->exit_requested)
		return PPCPV_RUN_EXIT;
	if (action == PPCPV_RUN_IDLE)
		v->stats.idle++;
	return action;
}

void ppcpv_prepare_entry(struct ppcpv_vcpu *v, struct ppcpv_entry *e)
{
	/* One timebase read serves the expiry check and the real DEC: the
	 * few ticks the rest of this takes only delay a poll that much. */
	uint64_t tb = v->ops->timebase(v->ctx);
	int held_back;

	ppcpv_dec_update(v, tb);
	/* The guest may have flipped PR through the shared page. */
	ppcpv_vcpu_sync_magic(v);
	held_back = ppcpv_irq_deliver_pending(v);
	v->halted = 0;
	e->msr = ppcpv_vcpu_real_msr(v);
	e->dec_ticks = ppcpv_dec_host_ticks(v, held_back, tb);
	e->sprg3 = ppcpv_shared_get64(v, PPCPV_SHARED_SPRG3);
}

int ppcpv_vcpu_runnable(struct ppcpv_vcpu *v)
{
	ppcpv_dec_update(v, v->ops->timebase(v->ctx));
	return v->pending != 0;
}
