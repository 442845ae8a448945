/* SPDX-License-Identifier: MIT */
/* Internal to host-stubs/arch/book3s: how its files call each other. */
#ifndef PPCPV_ARCH_BOOK3S_H
#define PPCPV_ARCH_BOOK3S_H

#include <stdint.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/vcpu.h>

/* The POWER registers kept in vcpu->arch_sprs (emulate.c's table). */
enum {
	BOOK3S_REG_DSCR,
	BOOK3S_REG_CFAR,
	BOOK3S_REG_CTRL,
	BOOK3S_REG_FSCR,
	BOOK3S_REG_UAMOR,
	BOOK3S_REG_SIAR,
	BOOK3S_REG_SDAR,
	BOOK3S_REG_SIER,
	BOOK3S_REG_MMCR0,
	BOOK3S_REG_MMCR1,
	BOOK3S_REG_MMCR2,
	BOOK3S_REG_MMCRA,
	BOOK3S_REG_MMCRS,
	BOOK3S_REG_PMC1,	/* PMC1..6 */
	BOOK3S_REG_COUNT = BOOK3S_REG_PMC1 + PPC_BOOK3S_SPR_PMC6 - PPC_BOOK3S_SPR_PMC1 + 1
};
_Static_assert(BOOK3S_REG_COUNT <= PPCPV_ARCH_SPRS, "Book3S registers fit the vCPU");

/* MSR bits the guest cannot set: HV belongs to the real hypervisor. */
#define BOOK3S_MSR_NEVER	PPCPV_BOOK3S_MSR_NEVER

/* Write the guest MSR as mtmsrd/rfid would: PR forces EE, IR and DR on, HV
 * never sticks.  (Inline: emulation and delivery use it on most exits.) */
static inline void book3s_set_msr(struct ppcpv_vcpu *v, uint64_t msr)
{
	msr &= ~BOOK3S_MSR_NEVER;
	/* Entering problem state also enables EE, IR and DR. */
	if (msr & PPC_MSR_PR)
		msr |= PPC_MSR_EE | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR;
	ppcpv_vcpu_store_msr(v, msr);
}

/* irq.c: enter the guest's vector with SRR1 cause bits. */
void book3s_inject(struct ppcpv_vcpu *v, uint32_t vector, uint64_t cause);
void book3s_reflect(struct ppcpv_vcpu *v, const struct ppcpv_exit *e);
void book3s_deliver(struct ppcpv_vcpu *v, uint32_t irq);

/* dec.c: the decrementer, a level while negative. */
void book3s_dec_write(struct ppcpv_vcpu *v, uint32_t value);
uint32_t book3s_dec_read(const struct ppcpv_vcpu *v);
void book3s_dec_event(struct ppcpv_vcpu *v);

/* emulate.c */
enum ppcpv_emul_result book3s_emulate(struct ppcpv_vcpu *v, uint32_t insn);

#endif /* PPCPV_ARCH_BOOK3S_H */
