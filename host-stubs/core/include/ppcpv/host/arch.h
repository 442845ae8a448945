/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/arch.h - what a CPU family supplies to the family-neutral
 * host core.
 *
 * The core (vCPU, hypercalls, shared page, stats, MMIO device, the exit
 * loop, the PV rules for holding interrupts back) knows no vector, SPR or
 * family-specific MSR bit.  Everything that differs between Book III-S and
 * Book III-E comes through one of these: which MSR bits stick and which the
 * guest runs with, how an interrupt enters the guest's handler, what the
 * decrementer does, and which privileged instructions exist and what they
 * do.  host-stubs/arch/<family>/ defines one each (ppcpv/host/book3s.h,
 * ppcpv/host/booke.h); a platform names its family in the vCPU config.
 */
#ifndef PPCPV_HOST_ARCH_H
#define PPCPV_HOST_ARCH_H

#include <stdint.h>
#include <ppcpv/isa/family.h>
#include <ppcpv/shared-spr.h>

struct ppcpv_vcpu;
struct ppcpv_exit;

/* What emulating one instruction came to. */
enum ppcpv_emul_result {
	PPCPV_EMUL_NEXT = 0,	/* done: continue at pc + 4 */
	PPCPV_EMUL_JUMPED,	/* done: pc already set (return from interrupt) */
	PPCPV_EMUL_UNKNOWN,	/* not an instruction this family has (or emulates):
				 * the exit goes back to the guest as it came */
};

/* Registers a family keeps per vCPU beyond the shared page (BookE: IVPR,
 * IVORs, TSR, TCR), indexed by the family's own numbering. */
#define PPCPV_ARCH_SPRS		24

struct ppcpv_arch {
	const char *name;		/* "book3s", "booke" */
	enum ppcpv_family family;	/* whose SPR numbers, and shared-page SPR fields */
	/* Shared-page field by SPR number, for this family (ppcpv/shared-spr.h). */
	const struct ppcpv_shared_spr *shared_sprs;

	/* ---- MSR rules (as data: the core reads them on every exit) ---- */
	uint64_t msr_64bit;		/* set in 64-bit mode */
	uint64_t msr_little_endian;	/* set when instructions are little-endian (0: never) */
	uint64_t msr_reset;		/* a fresh vCPU's MSR: supervisor, translation off, EE off */
	uint64_t msr_run;		/* real MSR bits always on while the guest runs */
	uint64_t msr_passthrough;	/* guest MSR bits passed on to the real MSR */

	/* Write the guest MSR as the family's own MSR writes do (which bits
	 * stick, which PR forces), through ppcpv_vcpu_store_msr(). */
	void (*set_msr)(struct ppcpv_vcpu *v, uint64_t msr);
	/* Emulate the privileged instruction insn at pc, from guest supervisor
	 * state.  An instruction the family lacks is PPCPV_EMUL_UNKNOWN. */
	enum ppcpv_emul_result (*emulate)(struct ppcpv_vcpu *v, uint32_t insn);
	/* Enter the guest's own handler of an exit, as the CPU would have had
	 * there been no host (SRR0 = pc, cause registers as the exit says). */
	void (*reflect)(struct ppcpv_vcpu *v, const struct ppcpv_exit *e);
	/* Enter the guest's handler of a pending asynchronous interrupt
	 * (PPCPV_IRQ_DEC or PPCPV_IRQ_EXTERNAL). */
	void (*deliver)(struct ppcpv_vcpu *v, uint32_t irq);
	/* The decrementer: mtspr DEC (arms the next event with
	 * ppcpv_dec_arm()), mfspr DEC, and the event's effect. */
	void (*dec_write)(struct ppcpv_vcpu *v, uint32_t value);
	uint32_t (*dec_read)(const struct ppcpv_vcpu *v);
	void (*dec_event)(struct ppcpv_vcpu *v);
	/* What mfspr DEC reads once the decrementer has run out (Book3S: a
	 * negative value, all ones one tick later; BookE: 0, where it stops). */
	uint32_t dec_expired;
};

#endif /* PPCPV_HOST_ARCH_H */
