/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/arch-helpers.h - what the core offers the families' code
 * (host-stubs/arch/): instruction fetch, emulation bookkeeping, the
 * shared-page SPRs, the decrementer's count and the critical section.
 * What is the same for every family lives here once.
 */
#ifndef PPCPV_HOST_ARCH_HELPERS_H
#define PPCPV_HOST_ARCH_HELPERS_H

#include <stdint.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/host/stats.h>
#include <ppcpv/host/vcpu.h>

/* ---- Instructions --------------------------------------------------------- */

/* The instruction word at a guest EA (in the RAM window), in the guest's
 * byte order; -PPCPV_ERR_NOTFOUND outside it. */
int ppcpv_fetch_insn(struct ppcpv_vcpu *v, uint64_t ea, uint32_t *insn);

/* Count one emulated instruction; the guest continues at pc + 4. */
static inline enum ppcpv_emul_result ppcpv_emul_done(struct ppcpv_vcpu *v,
						    enum ppcpv_emul_kind kind)
{
	v->stats.emul[kind]++;
	return PPCPV_EMUL_NEXT;
}

/* mfmsr rT: the guest MSR, from the shared page (every family). */
static inline enum ppcpv_emul_result ppcpv_emul_mfmsr(struct ppcpv_vcpu *v, uint32_t insn)
{
	v->regs.gpr[PPC_GET_RT(insn)] = ppcpv_vcpu_msr(v);
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MFMSR);
}

/* ---- SPRs in the shared page ---------------------------------------------- */

/* mfspr of a shadowed SPR of the vCPU's family: 1 and *val, or 0. */
static inline int ppcpv_shared_spr_read(const struct ppcpv_vcpu *v, unsigned int spr,
					uint64_t *val)
{
	const struct ppcpv_shared_spr *f = &v->arch.shared_sprs[spr % PPC_SPR_COUNT];

	if (!f->bytes)
		return 0;
	*val = f->bytes == 8 ? ppcpv_shared_get64(v, f->field) : ppcpv_shared_get32(v, f->field);
	return 1;
}

/* mtspr of a shadowed, writable SPR: 1 (written), or 0. */
static inline int ppcpv_shared_spr_write(struct ppcpv_vcpu *v, unsigned int spr, uint64_t val)
{
	const struct ppcpv_shared_spr *f = &v->arch.shared_sprs[spr % PPC_SPR_COUNT];

	if (!f->bytes || !f->writable)
		return 0;
	if (f->bytes == 8)
		ppcpv_shared_set64(v, f->field, val);
	else
		ppcpv_shared_set32(v, f->field, (uint32_t)val);
	return 1;
}

/*
 * mfspr/mtspr rT,SPR: the shared-page SPRs, DEC (the family's semantics)
 * and PVR (read-only), then the family's own (arch_spr reads or writes
 * one; 0, or nonzero: not emulated).  Counted as MFSPR/MTSPR.
 */
enum ppcpv_emul_result ppcpv_emul_spr_move(struct ppcpv_vcpu *v, uint32_t insn, int to_spr,
					   int (*arch_spr)(struct ppcpv_vcpu *v, unsigned int spr,
							   int to_spr, uint64_t *val));

/* ---- The decrementer's count ---------------------------------------------- */

/* Timebase ticks since the decrementer was last written. */
uint64_t ppcpv_dec_elapsed(const struct ppcpv_vcpu *v);

/* The guest wrote value; its next event (the family's dec_event) is
 * ticks_to_event from now (UINT64_MAX: none). */
void ppcpv_dec_arm(struct ppcpv_vcpu *v, uint32_t value, uint64_t ticks_to_event);

/* ---- Interrupts ----------------------------------------------------------- */

/* Is the guest inside a PV critical section (magic page mapped, guest
 * supervisor, shared critical == r1 at the guest's width)? */
int ppcpv_irq_in_critical_section(const struct ppcpv_vcpu *v);

#endif /* PPCPV_HOST_ARCH_HELPERS_H */
