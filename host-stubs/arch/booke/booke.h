/* SPDX-License-Identifier: MIT */
/* Internal to host-stubs/arch/booke: how its files call each other. */
#ifndef PPCPV_ARCH_BOOKE_H
#define PPCPV_ARCH_BOOKE_H

#include <stdint.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/booke.h>
#include <ppcpv/host/vcpu.h>

/* The registers BookE keeps per vCPU beyond the shared page, as indices
 * into vcpu->arch_sprs. */
enum booke_reg {
	BOOKE_IVPR = 0,
	BOOKE_IVOR0,					/* .. IVOR15 */
	BOOKE_TSR = BOOKE_IVOR0 + PPC_BOOKE_IVOR_COUNT,
	BOOKE_TCR,
	BOOKE_PID,					/* PID0: what TLB entries' TID match */
	BOOKE_REG_COUNT
};
_Static_assert(BOOKE_REG_COUNT <= PPCPV_ARCH_SPRS, "BookE registers fit the vCPU");

/* MSR bits the guest cannot set: GS belongs to the real hypervisor. */
#define BOOKE_MSR_NEVER		PPC_BOOKE_MSR_GS

/* Write the guest MSR as mtmsr/rfi do on BookE: every bit but GS. */
static inline void booke_set_msr(struct ppcpv_vcpu *v, uint64_t msr)
{
	ppcpv_vcpu_store_msr(v, msr & ~(uint64_t)BOOKE_MSR_NEVER);
}

/* tlb.c, tlb440.c: what both guest TLB models share. */
/* The page-number bits of an address in a page of 2^log2 bytes. */
static inline uint32_t booke_page_mask32(unsigned int log2)
{
	return log2 >= 32 ? 0 : ~(uint32_t)((UINT64_C(1) << log2) - 1);
}

/* Does an entry - valid or not, in address space ts, with translation ID
 * tid, mapping the page of 2^log2 bytes at epn - translate ea in address
 * space as for process pid?  (TID 0 matches every PID.) */
static inline int booke_tlbe_translates(int valid, unsigned int ts, uint32_t tid, uint32_t epn,
					unsigned int log2, uint32_t ea, unsigned int as, uint32_t pid)
{
	return valid && !!ts == !!as && (tid == 0 || tid == pid) &&
	       (ea & booke_page_mask32(log2)) == (epn & booke_page_mask32(log2));
}

/* (rA|0) + rB, 32-bit: the effective address of tlbsx and tlbivax. */
uint32_t booke_x_form_ea(const struct ppcpv_vcpu *v, uint32_t insn);

/* irq.c */
void booke_inject(struct ppcpv_vcpu *v, unsigned int ivor);
void booke_reflect(struct ppcpv_vcpu *v, const struct ppcpv_exit *e);
void booke_deliver(struct ppcpv_vcpu *v, uint32_t irq);

/* dec.c: the decrementer, TSR and TCR. */
void booke_dec_write(struct ppcpv_vcpu *v, uint32_t value);
uint32_t booke_dec_read(const struct ppcpv_vcpu *v);
void booke_dec_event(struct ppcpv_vcpu *v);
void booke_tsr_clear(struct ppcpv_vcpu *v, uint64_t bits);
void booke_tcr_write(struct ppcpv_vcpu *v, uint64_t tcr);

/* emulate.c */
enum ppcpv_emul_result booke_emulate(struct ppcpv_vcpu *v, uint32_t insn);

#endif /* PPCPV_ARCH_BOOKE_H */
