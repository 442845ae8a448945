// SPDX-License-Identifier: MIT
/*
 * Emulation of the privileged instructions a guest kernel executes at
 * MSR[PR]=1, against the vCPU and the shared page.  Anything not decoded
 * here is EMUL_UNKNOWN and goes back to the guest as a program interrupt:
 * an instruction is never silently skipped.
 */
#include <ppcpv/err.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/insn.h>
#include <ppcpv/isa/mmu-hash.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

#define LOW_WORD		UINT64_C(0x00000000ffffffff)
/* MSR bits mtmsr/mtmsrd leave alone (only rfid may change ME). */
#define MSR_KEPT_BY_MTMSR	(PPC_MSR_ME | PPC_BOOK3S_MSR_HV)

int ppcpv_fetch_insn(struct ppcpv_vcpu *v, uint64_t ea, uint32_t *insn)
{
	uint64_t msr = ppcpv_vcpu_msr(v);

	if (!(msr & PPC_BOOK3S_MSR_SF))
		ea = (uint32_t)ea;
	if (ea >= v->cfg.ram_size || v->cfg.ram_size - ea < sizeof(*insn))
		return -PPCPV_ERR_NOTFOUND;
	*insn = ppc_load_insn(v->cfg.ram + ea, !(msr & PPC_BOOK3S_MSR_LE));
	return 0;
}

static enum emul_result done(struct ppcpv_vcpu *v, enum ppcpv_emul_kind kind)
{
	v->stats.emul[kind]++;
	return EMUL_NEXT;
}

static uint64_t replace_bits(uint64_t old, uint64_t new_bits, uint64_t mask)
{
	return (old & ~mask) | (new_bits & mask);
}

static enum emul_result emulate_mtmsr(struct ppcpv_vcpu *v, uint32_t insn, int wide)
{
	uint64_t msr = ppcpv_vcpu_msr(v);
	uint64_t rs = v->regs.gpr[PPC_GET_RT(insn)];

	if (insn & PPC_MTMSR_L) {
		/* L=1 touches only the "safe" bits. */
		ppcpv_vcpu_set_msr(v, replace_bits(msr, rs, PPCPV_MSR_SAFE_BITS));
		return done(v, PPCPV_EMUL_KIND_MTMSRD_L1);
	}
	/* mtmsr replaces the low word, mtmsrd all of it. */
	rs = replace_bits(msr, rs, wide ? ~MSR_KEPT_BY_MTMSR : LOW_WORD & ~MSR_KEPT_BY_MTMSR);
	ppcpv_vcpu_set_msr(v, rs);
	return done(v, wide ? PPCPV_EMUL_KIND_MTMSRD : PPCPV_EMUL_KIND_MTMSR);
}

static enum emul_result emulate_wrtee(struct ppcpv_vcpu *v, uint64_t ee)
{
	ppcpv_vcpu_set_msr(v, replace_bits(ppcpv_vcpu_msr(v), ee, PPC_MSR_EE));
	return done(v, PPCPV_EMUL_KIND_WRTEE);
}

static enum emul_result emulate_spr_move(struct ppcpv_vcpu *v, uint32_t insn, int to_spr)
{
	unsigned int spr = PPC_GET_SPR(insn), r = PPC_GET_RT(insn);
	uint64_t val;

	if (to_spr) {
		if (ppcpv_emulate_mtspr(v, spr, v->regs.gpr[r]))
			return EMUL_UNKNOWN;
		return done(v, PPCPV_EMUL_KIND_MTSPR);
	}
	if (ppcpv_emulate_mfspr(v, spr, &val))
		return EMUL_UNKNOWN;
	v->regs.gpr[r] = val;
	return done(v, PPCPV_EMUL_KIND_MFSPR);
}

/* Book3S-32 segment registers live in the shared page (FEAT_SR); this host
 * gives them no translation effect. */
static enum emul_result emulate_sr(struct ppcpv_vcpu *v, uint32_t insn, unsigned int sr,
				   int to_sr)
{
	unsigned int off = PPCPV_SHARED_SR + 4 * (sr & 15);

	if (to_sr) {
		ppcpv_shared_set32(v, off, (uint32_t)v->regs.gpr[PPC_GET_RT(insn)]);
		return done(v, PPCPV_EMUL_KIND_MTSR);
	}
	v->regs.gpr[PPC_GET_RT(insn)] = ppcpv_shared_get32(v, off);
	return done(v, PPCPV_EMUL_KIND_MFSR);
}

static unsigned int sr_of_rb(const struct ppcpv_vcpu *v, uint32_t insn)
{
	return (unsigned int)((uint32_t)v->regs.gpr[PPC_GET_RB(insn)] >> PPC_BOOK3S32_SR_SHIFT);
}

static enum emul_result emulate_x(struct ppcpv_vcpu *v, uint32_t insn)
{
	switch (PPC_GET_XO10(insn)) {
	case PPC_X_MFMSR:
		v->regs.gpr[PPC_GET_RT(insn)] = ppcpv_vcpu_msr(v);
		return done(v, PPCPV_EMUL_KIND_MFMSR);
	case PPC_X_MTMSR:
		return emulate_mtmsr(v, insn, 0);
	case PPC_X_MTMSRD:
		return emulate_mtmsr(v, insn, 1);
	case PPC_X_WRTEE:
		return emulate_wrtee(v, v->regs.gpr[PPC_GET_RT(insn)]);
	case PPC_X_WRTEEI:
		return emulate_wrtee(v, insn & PPC_INST_WRTEEI_E ? PPC_MSR_EE : 0);
	case PPC_X_MFSPR:
		return emulate_spr_move(v, insn, 0);
	case PPC_X_MTSPR:
		return emulate_spr_move(v, insn, 1);
	case PPC_X_TLBSYNC:
		return done(v, PPCPV_EMUL_KIND_TLBSYNC);
	/* The guest's own translations are not modelled (guest EA = guest
	 * real), so invalidations have nothing to act on. */
	case PPC_X_TLBIE:
	case PPC_X_TLBIEL:
	case PPC_X_TLBIA:
	case PPC_X_SLBIE:
	case PPC_X_SLBIA:
		return done(v, PPCPV_EMUL_KIND_TLB_INVALIDATE);
	case PPC_X_MFSR:
		return emulate_sr(v, insn, PPC_GET_SR(insn), 0);
	case PPC_X_MFSRIN:
		return emulate_sr(v, insn, sr_of_rb(v, insn), 0);
	case PPC_X_MTSR:
		return emulate_sr(v, insn, PPC_GET_SR(insn), 1);
	case PPC_X_MTSRIN:
		return emulate_sr(v, insn, sr_of_rb(v, insn), 1);
	default:
		return EMUL_UNKNOWN;
	}
}

/* Return from interrupt: pc and MSR from the shared SRR0/SRR1. */
static enum emul_result emulate_return(struct ppcpv_vcpu *v, int wide)
{
	uint64_t srr0 = ppcpv_shared_get64(v, PPCPV_SHARED_SRR0);
	uint64_t srr1 = ppcpv_shared_get64(v, PPCPV_SHARED_SRR1);

	if (!wide) {
		/* rfi: the 32-bit form restores only the low word. */
		srr1 = replace_bits(ppcpv_vcpu_msr(v), srr1, LOW_WORD);
		srr0 = (uint32_t)srr0;
	}
	ppcpv_vcpu_set_msr(v, srr1);
	v->regs.pc = ppcpv_vcpu_ea(v, srr0 & ~UINT64_C(3));
	v->stats.emul[wide ? PPCPV_EMUL_KIND_RFID : PPCPV_EMUL_KIND_RFI]++;
	return EMUL_JUMPED;
}

enum emul_result ppcpv_emulate(struct ppcpv_vcpu *v, uint32_t insn)
{
	switch (PPC_OPCD(insn)) {
	case PPC_OP_X:
		return emulate_x(v, insn);
	case PPC_OP_XL:
		if (PPC_GET_XO10(insn) == PPC_XL_RFID)
			return emulate_return(v, 1);
		if (PPC_GET_XO10(insn) == PPC_XL_RFI)
			return emulate_return(v, 0);
		return EMUL_UNKNOWN;
	default:
		return EMUL_UNKNOWN;
	}
}
