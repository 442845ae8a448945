// SPDX-License-Identifier: MIT
/*
 * The BookE family as the core sees it: its MSR rules as data, its
 * shared-page SPRs, and which exit each real interrupt (by IVOR) is.
 */
#include <ppcpv/isa/family.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/shared-spr.h>
#include "booke.h"

/* The SPRs the shared page holds for e500, by number. */
#define BOOKE_ROW(name, spr, families, feature, access, width, field) \
	PPCPV_SHARED_SPR_MAP_ROW(PPCPV_FAMILY_BIT(PPCPV_FAMILY_E500), spr, families, \
				 access, width, field)
static const struct ppcpv_shared_spr shared_sprs[PPC_SPR_COUNT] = {
	PPCPV_SHARED_SPRS(BOOKE_ROW)
};

/* The program interrupt causes that mean "an instruction to emulate". */
#define ESR_EMULATE	(PPC_BOOKE_ESR_PPR | PPC_BOOKE_ESR_PIL)

const struct ppcpv_arch ppcpv_arch_booke = {
	.name = "booke",
	.family = PPCPV_FAMILY_E500,
	.shared_sprs = shared_sprs,
	.msr_64bit = PPC_BOOKE_MSR_CM,
	.msr_little_endian = 0,		/* byte order is a page attribute on BookE */
	/* 32-bit supervisor, address space 0, EE off */
	.msr_reset = PPC_MSR_ME,
	/* problem state with external, machine-check and critical interrupts */
	.msr_run = PPC_MSR_PR | PPC_MSR_EE | PPC_MSR_ME | PPC_BOOKE_MSR_CE,
	/* its mode, and the facilities whose state the host never touches */
	.msr_passthrough = PPC_BOOKE_MSR_CM | PPC_MSR_FP | PPC_MSR_FE0 | PPC_MSR_FE1 |
			   PPC_BOOKE_MSR_SPE,
	.set_msr = booke_set_msr,
	.emulate = booke_emulate,
	.reflect = booke_reflect,
	.deliver = booke_deliver,
	.dec_write = booke_dec_write,
	.dec_read = booke_dec_read,
	.dec_event = booke_dec_event,
	.dec_expired = 0,		/* it stops at zero */
};

static enum ppcpv_exit_reason reason_of(unsigned int ivor, uint64_t esr)
{
	switch (ivor) {
	case PPC_BOOKE_IVOR_PROGRAM:
		return esr & ESR_EMULATE ? PPCPV_EXIT_PRIVILEGED : PPCPV_EXIT_PROGRAM;
	case PPC_BOOKE_IVOR_SYSCALL:
		return PPCPV_EXIT_SYSCALL;
	case PPC_BOOKE_IVOR_DSI:
	case PPC_BOOKE_IVOR_DTLB:
		return PPCPV_EXIT_DATA_FAULT;
	case PPC_BOOKE_IVOR_ISI:
	case PPC_BOOKE_IVOR_ITLB:
		return PPCPV_EXIT_INSN_FAULT;
	case PPC_BOOKE_IVOR_DEC:
	case PPC_BOOKE_IVOR_FIT:
	case PPC_BOOKE_IVOR_WATCHDOG:
		return PPCPV_EXIT_HOST_TIMER;
	case PPC_BOOKE_IVOR_EXTERNAL:
		return PPCPV_EXIT_HOST_EXTERNAL;
	case PPC_BOOKE_IVOR_ALIGNMENT:
	case PPC_BOOKE_IVOR_FP_UNAVAIL:
	case PPC_BOOKE_IVOR_AP_UNAVAIL:
		return PPCPV_EXIT_REFLECT;
	default:
		/* critical, machine check, debug: they have their own save
		 * registers, and nothing a guest does raises them here */
		return PPCPV_EXIT_UNEXPECTED;
	}
}

void ppcpv_booke_exit(unsigned int ivor, uint64_t esr, uint64_t dear, struct ppcpv_exit *e)
{
	e->reason = reason_of(ivor, esr);
	e->vector = ivor;
	e->cause = esr;
	e->dar = dear;
	e->data_cause = esr;
}
