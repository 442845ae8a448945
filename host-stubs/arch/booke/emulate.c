// SPDX-License-Identifier: MIT
/*
 * The privileged instructions a BookE (e500) guest kernel executes at
 * MSR[PR]=1, emulated against the vCPU and the shared page.  Anything not
 * decoded here - including the Book3S forms (mtmsrd, rfid, mtsrin, slb*,
 * tlbie), which BookE lacks - is PPCPV_EMUL_UNKNOWN and goes back to the
 * guest as the program interrupt the CPU raised.  The TLB instructions
 * (tlbwe, tlbre, tlbsx, tlbivax) go to the platform's mmu_insn op when it
 * models the guest's TLB (tlb.c for e500, tlb440.c for the 440), and so
 * do the SPRs nothing else here knows (the 440's MMUCR); without one,
 * tlbivax has nothing to act on and the others are not emulated.
 */
#include <ppcpv/err.h>
#include <ppcpv/isa/booke-mmu.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/host/shared.h>
#include "booke.h"

#define LOW_WORD	UINT64_C(0x00000000ffffffff)

/* mtmsr: MSR[32:63] from rS (on 64-bit cores the high word stays). */
static enum ppcpv_emul_result emulate_mtmsr(struct ppcpv_vcpu *v, uint32_t insn)
{
	uint64_t msr = ppcpv_vcpu_msr(v), rs = v->regs.gpr[PPC_GET_RT(insn)];

	booke_set_msr(v, (msr & ~LOW_WORD) | (rs & LOW_WORD));
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MTMSR);
}

static enum ppcpv_emul_result emulate_wrtee(struct ppcpv_vcpu *v, uint64_t ee)
{
	uint64_t msr = ppcpv_vcpu_msr(v);

	booke_set_msr(v, (msr & ~(uint64_t)PPC_MSR_EE) | (ee & PPC_MSR_EE));
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_WRTEE);
}

/* An IVOR's index in arch_sprs, or -1. */
static int ivor_reg(unsigned int spr)
{
	unsigned int n = spr - PPC_BOOKE_SPR_IVOR0;

	return spr >= PPC_BOOKE_SPR_IVOR0 && n < PPC_BOOKE_IVOR_COUNT ? BOOKE_IVOR0 + (int)n : -1;
}

/* A register kept in arch_sprs, read or written as a whole. */
static int plain_reg(struct ppcpv_vcpu *v, int reg, int to_spr, uint64_t *val)
{
	if (to_spr)
		v->arch_sprs[reg] = *val;
	else
		*val = v->arch_sprs[reg];
	return 0;
}

/* The BookE SPRs neither the shared page nor the core holds. */
static int booke_spr(struct ppcpv_vcpu *v, unsigned int spr, int to_spr, uint64_t *val)
{
	int ivor = ivor_reg(spr);

	if (ivor >= 0)
		return plain_reg(v, ivor, to_spr, val);
	switch (spr) {
	case PPC_BOOKE_SPR_TSR:
		if (to_spr)
			booke_tsr_clear(v, *val);
		else
			*val = v->arch_sprs[BOOKE_TSR];
		return 0;
	case PPC_BOOKE_SPR_TCR:
		if (to_spr)
			booke_tcr_write(v, *val);
		else
			*val = v->arch_sprs[BOOKE_TCR];
		return 0;
	case PPC_BOOKE_SPR_IVPR:
		return plain_reg(v, BOOKE_IVPR, to_spr, val);
	case PPC_BOOKE_SPR_PID:
		if (to_spr)
			*val &= PPC_BOOKE_PID_MASK;
		return plain_reg(v, BOOKE_PID, to_spr, val);
	case PPC_BOOKE_SPR_TLB1CFG:
		/* read-only: the entries of the TLB1 the guest is shown */
		if (to_spr)
			return -PPCPV_ERR_UNSUPPORTED;
		*val = PPC_BOOKE_TLB1_ENTRIES;
		return 0;
	case PPC_BOOKE_SPR_PIR:
		/* read from the shared page; writes are ignored */
		return to_spr ? 0 : -PPCPV_ERR_UNSUPPORTED;
	default:
		return -PPCPV_ERR_UNSUPPORTED;
	}
}

/* mfspr/mtspr: the shared page's, the core's and BookE's SPRs, then those
 * of the platform's model of the guest's MMU (the 440's MMUCR). */
static enum ppcpv_emul_result emulate_spr_move(struct ppcpv_vcpu *v, uint32_t insn, int to_spr)
{
	enum ppcpv_emul_result r = ppcpv_emul_spr_move(v, insn, to_spr, booke_spr);

	if (r == PPCPV_EMUL_UNKNOWN && v->ops->mmu_insn)
		r = v->ops->mmu_insn(v->ctx, v, insn);
	return r;
}

static enum ppcpv_emul_result emulate_x(struct ppcpv_vcpu *v, uint32_t insn)
{
	switch (PPC_GET_XO10(insn)) {
	case PPC_X_MFMSR:
		return ppcpv_emul_mfmsr(v, insn);
	case PPC_X_MTMSR:
		return emulate_mtmsr(v, insn);
	case PPC_X_WRTEE:
		return emulate_wrtee(v, v->regs.gpr[PPC_GET_RT(insn)]);
	case PPC_X_WRTEEI:
		return emulate_wrtee(v, insn & PPC_INST_WRTEEI_E ? PPC_MSR_EE : 0);
	case PPC_X_MFSPR:
	case PPC_X_MTSPR:
		return emulate_spr_move(v, insn, PPC_GET_XO10(insn) == PPC_X_MTSPR);
	case PPC_X_TLBSYNC:
		return ppcpv_emul_done(v, PPCPV_EMUL_KIND_TLBSYNC);
	case PPC_X_TLBWE:
	case PPC_X_TLBRE:
	case PPC_X_TLBSX:
		return v->ops->mmu_insn ? v->ops->mmu_insn(v->ctx, v, insn) : PPCPV_EMUL_UNKNOWN;
	/* Without a model of the guest's TLB an invalidation has nothing to
	 * act on. */
	case PPC_X_TLBIVAX:
		return v->ops->mmu_insn ? v->ops->mmu_insn(v->ctx, v, insn) :
					  ppcpv_emul_done(v, PPCPV_EMUL_KIND_TLB_INVALIDATE);
	default:
		return PPCPV_EMUL_UNKNOWN;
	}
}

/* rfi: pc and the whole MSR from the shared SRR0/SRR1. */
static enum ppcpv_emul_result emulate_rfi(struct ppcpv_vcpu *v)
{
	booke_set_msr(v, ppcpv_shared_get64(v, PPCPV_SHARED_SRR1));
	v->regs.pc = ppcpv_vcpu_ea(v, ppcpv_shared_get64(v, PPCPV_SHARED_SRR0) & ~UINT64_C(3));
	v->stats.emul[PPCPV_EMUL_KIND_RFI]++;
	return PPCPV_EMUL_JUMPED;
}

enum ppcpv_emul_result booke_emulate(struct ppcpv_vcpu *v, uint32_t insn)
{
	switch (PPC_OPCD(insn)) {
	case PPC_OP_X:
		return emulate_x(v, insn);
	case PPC_OP_XL:
		return PPC_GET_XO10(insn) == PPC_XL_RFI ? emulate_rfi(v) : PPCPV_EMUL_UNKNOWN;
	default:
		return PPCPV_EMUL_UNKNOWN;
	}
}
