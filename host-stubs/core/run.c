// SPDX-License-Identifier: MIT
/*
 * The exit loop: one exit out of the guest (always at MSR[PR]=1) becomes
 * an emulated instruction, a hypercall, an MMIO access, or goes back into
 * the guest's own handler through the family's arch; and before every
 * entry, what is due is delivered.  Nothing here knows a family.
 */
#include <ppcpv/err.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/insn.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

/* An exit goes back into the guest's own handler, counted. */
static void reflect(struct ppcpv_vcpu *v, const struct ppcpv_exit *e, uint64_t *counter)
{
	(*counter)++;
	v->arch.reflect(v, e);
}

/* Only the guest kernel's privileged instructions are emulated; its user
 * mode gets the interrupt a real CPU would give it. */
static void handle_privileged(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	uint32_t insn;

	if (ppcpv_vcpu_supervisor(v) && !ppcpv_fetch_insn(v, v->regs.pc, &insn)) {
		switch (v->arch.emulate(v, insn)) {
		case PPCPV_EMUL_NEXT:
			v->regs.pc = ppcpv_vcpu_ea(v, v->regs.pc + 4);
			return;
		case PPCPV_EMUL_JUMPED:
			return;
		case PPCPV_EMUL_UNKNOWN:
			break;
		}
	}
	reflect(v, e, &v->stats.program_reflected);
}

static enum ppcpv_run_action handle_syscall(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	/* pc already points after the sc, which is where both paths resume. */
	if (ppcpv_sc_is_hcall(v))
		return ppcpv_hcall_dispatch(v);
	reflect(v, e, &v->stats.syscall_reflected);
	return PPCPV_RUN_RESUME;
}

static void handle_data_fault(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	uint64_t ea = ppcpv_vcpu_ea(v, e->dar);

	/* Guest EA = guest-physical, so the device is found by its EA. */
	if (ppcpv_hostdev_contains(v, ea) && !ppcpv_mmio_emulate(v, ea))
		return;
	/* Everything else, including a user-mode touch of the magic page
	 * (not mapped while PR=1), is the guest's own fault. */
	reflect(v, e, &v->stats.dsi_reflected);
}

/* The exits other than privileged instructions and system calls. */
static __attribute__((noinline)) enum ppcpv_run_action dispatch_other(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	switch (e->reason) {
	case PPCPV_EXIT_DATA_FAULT:
		handle_data_fault(v, e);
		break;
	case PPCPV_EXIT_HOST_TIMER:
		v->stats.dec_real++;	/* the guest's DEC is checked at entry */
		break;
	case PPCPV_EXIT_PROGRAM:
		reflect(v, e, &v->stats.program_reflected);
		break;
	case PPCPV_EXIT_INSN_FAULT:
		reflect(v, e, &v->stats.isi_reflected);
		break;
	case PPCPV_EXIT_REFLECT:
		reflect(v, e, &v->stats.other_reflected);
		break;
	case PPCPV_EXIT_HOST_EXTERNAL:
		v->stats.host_external++;
		break;
	default:
		v->fatal = "unexpected interrupt from the guest";
		return PPCPV_RUN_FATAL;
	}
	return PPCPV_RUN_RESUME;
}

/* The two exits that are nearly all of them are tested first. */
static enum ppcpv_run_action dispatch(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	if (e->reason == PPCPV_EXIT_PRIVILEGED) {
		handle_privileged(v, e);
		return PPCPV_RUN_RESUME;
	}
	if (e->reason == PPCPV_EXIT_SYSCALL)
		return handle_syscall(v, e);
	return dispatch_other(v, e);
}

enum ppcpv_run_action ppcpv_handle_exit(struct ppcpv_vcpu *v, const struct ppcpv_exit *e)
{
	enum ppcpv_run_action action;

	v->stats.exits++;
	action = dispatch(v, e);
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
	/* One timebase read serves the event check and the real DEC: the
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

int ppcpv_vcpu_idle(struct ppcpv_vcpu *v)
{
	uint64_t wake;

	while (!ppcpv_vcpu_runnable(v)) {
		wake = ppcpv_vcpu_wake_tb(v);
		if (wake == UINT64_MAX)
			return -PPCPV_ERR_NOTFOUND;
		while (v->ops->timebase(v->ctx) < wake)
			;
	}
	return 0;
}
