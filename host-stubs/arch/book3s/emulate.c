// SPDX-License-Identifier: MIT
/*
 * The privileged instructions a Book3S guest kernel executes at MSR[PR]=1,
 * emulated against the vCPU and the shared page.  Anything not decoded
 * here - including the BookE forms (wrtee, tlbwe, ...), which Book3S lacks
 * - is PPCPV_EMUL_UNKNOWN and goes back to the guest as the program
 * interrupt the CPU raised: an instruction is never silently skipped.
 */
#include <ppcpv/err.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/hash64.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/host/shared.h>
#include "book3s.h"

#define LOW_WORD		UINT64_C(0x00000000ffffffff)
/* MSR bits mtmsr/mtmsrd leave alone (only rfid may change ME). */
#define MSR_KEPT_BY_MTMSR	(PPC_MSR_ME | PPC_BOOK3S_MSR_HV)

static uint64_t replace_bits(uint64_t old, uint64_t new_bits, uint64_t mask)
{
	return (old & ~mask) | (new_bits & mask);
}

static enum ppcpv_emul_result emulate_mtmsr(struct ppcpv_vcpu *v, uint32_t insn, int wide)
{
	uint64_t msr = ppcpv_vcpu_msr(v);
	uint64_t rs = v->regs.gpr[PPC_GET_RT(insn)];

	if (insn & PPC_MTMSR_L) {
		/* L=1 touches only the "safe" bits. */
		book3s_set_msr(v, replace_bits(msr, rs, PPCPV_MSR_SAFE_BITS));
		return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MTMSRD_L1);
	}
	/* mtmsr replaces the low word, mtmsrd all of it. */
	rs = replace_bits(msr, rs, wide ? ~MSR_KEPT_BY_MTMSR : LOW_WORD & ~MSR_KEPT_BY_MTMSR);
	book3s_set_msr(v, rs);
	return ppcpv_emul_done(v, wide ? PPCPV_EMUL_KIND_MTMSRD : PPCPV_EMUL_KIND_MTMSR);
}

/*
 * The POWER registers a Linux kernel reads and writes at boot and on its
 * exception paths that neither the shared page nor the core holds.  Each
 * is kept per vCPU with no effect on the host or the real CPU (the PMU
 * counts nothing, DSCR and FSCR change no prefetch or facility), as a
 * KVM PR host keeps them; the utilization counters read the timebase.
 */
enum book3s_reg_kind {
	REG_KEPT,		/* read back what was written */
	REG_KEPT_READ_ONLY,	/* writes are refused (program interrupt) */
	REG_WRITE_ONLY,		/* reads are refused */
	REG_TIMEBASE,		/* reads the timebase; writes are ignored */
};

static const struct book3s_reg {
	uint16_t spr;
	uint8_t slot;		/* index into vcpu->arch_sprs */
	uint8_t kind;
} book3s_regs[] = {
	{ PPC_BOOK3S_SPR_DSCR, BOOK3S_REG_DSCR, REG_KEPT },
	{ PPC_BOOK3S_SPR_CFAR, BOOK3S_REG_CFAR, REG_KEPT },
	{ PPC_BOOK3S_SPR_CTRLF, BOOK3S_REG_CTRL, REG_KEPT_READ_ONLY },
	{ PPC_BOOK3S_SPR_CTRLT, BOOK3S_REG_CTRL, REG_WRITE_ONLY },
	{ PPC_BOOK3S_SPR_FSCR, BOOK3S_REG_FSCR, REG_KEPT },
	{ PPC_BOOK3S_SPR_UAMOR, BOOK3S_REG_UAMOR, REG_KEPT },
	{ PPC_BOOK3S_SPR_SPURR, 0, REG_TIMEBASE },
	{ PPC_BOOK3S_SPR_PURR, 0, REG_TIMEBASE },
	{ PPC_BOOK3S_SPR_VTB, 0, REG_TIMEBASE },
	{ PPC_BOOK3S_SPR_SIAR, BOOK3S_REG_SIAR, REG_KEPT },
	{ PPC_BOOK3S_SPR_SDAR, BOOK3S_REG_SDAR, REG_KEPT },
	{ PPC_BOOK3S_SPR_SIER, BOOK3S_REG_SIER, REG_KEPT },
	{ PPC_BOOK3S_SPR_MMCR2, BOOK3S_REG_MMCR2, REG_KEPT },
	{ PPC_BOOK3S_SPR_MMCRA, BOOK3S_REG_MMCRA, REG_KEPT },
	{ PPC_BOOK3S_SPR_MMCR0, BOOK3S_REG_MMCR0, REG_KEPT },
	{ PPC_BOOK3S_SPR_MMCR1, BOOK3S_REG_MMCR1, REG_KEPT },
	{ PPC_BOOK3S_SPR_MMCRS, BOOK3S_REG_MMCRS, REG_KEPT },
};

/* PMC1..6 take consecutive slots and numbers. */
static const struct book3s_reg *find_reg(unsigned int spr, struct book3s_reg *pmc)
{
	size_t i;

	if (spr >= PPC_BOOK3S_SPR_PMC1 && spr <= PPC_BOOK3S_SPR_PMC6) {
		*pmc = (struct book3s_reg){ (uint16_t)spr,
					    (uint8_t)(BOOK3S_REG_PMC1 + spr - PPC_BOOK3S_SPR_PMC1),
					    REG_KEPT };
		return pmc;
	}
	for (i = 0; i < sizeof(book3s_regs) / sizeof(book3s_regs[0]); i++)
		if (book3s_regs[i].spr == spr)
			return &book3s_regs[i];
	return NULL;
}

#define FSCR_PASSED_THROUGH	(PPC_BOOK3S_FSCR_TAR | PPC_BOOK3S_FSCR_EBB | PPC_BOOK3S_FSCR_DSCR)

uint64_t ppcpv_book3s_real_fscr(const struct ppcpv_vcpu *v)
{
	if (ppcpv_vcpu_supervisor(v))
		return FSCR_PASSED_THROUGH;
	return v->arch_sprs[BOOK3S_REG_FSCR] & FSCR_PASSED_THROUGH;
}

void ppcpv_book3s_fscr_cause(struct ppcpv_vcpu *v, uint64_t real_fscr)
{
	v->arch_sprs[BOOK3S_REG_FSCR] = replace_bits(v->arch_sprs[BOOK3S_REG_FSCR], real_fscr,
						     PPC_BOOK3S_FSCR_IC);
}

/* The Book3S SPRs neither the shared page nor the core holds. */
static int book3s_spr(struct ppcpv_vcpu *v, unsigned int spr, int to_spr, uint64_t *val)
{
	struct book3s_reg pmc;
	const struct book3s_reg *r;

	/* PIR is read from the shared page; writes are ignored, as KVM does. */
	if (spr == PPC_BOOK3S_SPR_PIR)
		return to_spr ? 0 : -PPCPV_ERR_UNSUPPORTED;
	r = find_reg(spr, &pmc);
	if (!r || (to_spr && r->kind == REG_KEPT_READ_ONLY) || (!to_spr && r->kind == REG_WRITE_ONLY))
		return -PPCPV_ERR_UNSUPPORTED;
	if (r->kind == REG_TIMEBASE) {
		if (!to_spr)
			*val = v->ops->timebase(v->ctx);
	} else if (to_spr) {
		v->arch_sprs[r->slot] = *val;
	} else {
		*val = v->arch_sprs[r->slot];
	}
	return 0;
}

/* Book3S-32 segment registers live in the shared page (FEAT_SR); this host
 * gives them no translation effect. */
static enum ppcpv_emul_result emulate_sr(struct ppcpv_vcpu *v, uint32_t insn, unsigned int sr,
					 int to_sr)
{
	unsigned int off = PPCPV_SHARED_SR + 4 * (sr & 15);

	if (to_sr) {
		ppcpv_shared_set32(v, off, (uint32_t)v->regs.gpr[PPC_GET_RT(insn)]);
		return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MTSR);
	}
	v->regs.gpr[PPC_GET_RT(insn)] = ppcpv_shared_get32(v, off);
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MFSR);
}

static unsigned int sr_of_rb(const struct ppcpv_vcpu *v, uint32_t insn)
{
	return (unsigned int)((uint32_t)v->regs.gpr[PPC_GET_RB(insn)] >> PPC_BOOK3S32_SR_SHIFT);
}

/* The guest's SLB and TLB instructions go to the platform when it models
 * the guest's MMU (ppcpv_host_ops.mmu_insn).  Without it the SLB writes
 * and reads are unknown (program interrupt), and invalidations act on
 * nothing (guest EA = guest real). */
static enum ppcpv_emul_result mmu_insn(struct ppcpv_vcpu *v, uint32_t insn, int invalidation)
{
	if (v->ops->mmu_insn)
		return v->ops->mmu_insn(v->ctx, v, insn);
	return invalidation ? ppcpv_emul_done(v, PPCPV_EMUL_KIND_TLB_INVALIDATE) : PPCPV_EMUL_UNKNOWN;
}

static enum ppcpv_emul_result emulate_x(struct ppcpv_vcpu *v, uint32_t insn)
{
	switch (PPC_GET_XO10(insn)) {
	case PPC_X_MFMSR:
		return ppcpv_emul_mfmsr(v, insn);
	case PPC_X_MTMSR:
		return emulate_mtmsr(v, insn, 0);
	case PPC_X_MTMSRD:
		return emulate_mtmsr(v, insn, 1);
	case PPC_X_MFSPR:
		return ppcpv_emul_spr_move(v, insn, 0, book3s_spr);
	case PPC_X_MTSPR:
		return ppcpv_emul_spr_move(v, insn, 1, book3s_spr);
	case PPC_X_TLBSYNC:
		return ppcpv_emul_done(v, PPCPV_EMUL_KIND_TLBSYNC);
	case PPC_X_TLBIE:
	case PPC_X_TLBIEL:
	case PPC_X_SLBIE:
	case PPC_X_SLBIA:
		return mmu_insn(v, insn, 1);
	case PPC_X_SLBMTE:
	case PPC_X_SLBMFEE:
	case PPC_X_SLBMFEV:
	case PPC_X_SLBFEE:
		return mmu_insn(v, insn, 0);
	case PPC_X_TLBIA:	/* not in a PAPR guest's repertoire: a no-op */
		return ppcpv_emul_done(v, PPCPV_EMUL_KIND_TLB_INVALIDATE);
	case PPC_X_MFSR:
		return emulate_sr(v, insn, PPC_GET_SR(insn), 0);
	case PPC_X_MFSRIN:
		return emulate_sr(v, insn, sr_of_rb(v, insn), 0);
	case PPC_X_MTSR:
		return emulate_sr(v, insn, PPC_GET_SR(insn), 1);
	case PPC_X_MTSRIN:
		return emulate_sr(v, insn, sr_of_rb(v, insn), 1);
	default:
		return PPCPV_EMUL_UNKNOWN;
	}
}

/* Return from interrupt: pc and MSR from the shared SRR0/SRR1. */
static enum ppcpv_emul_result emulate_return(struct ppcpv_vcpu *v, int wide)
{
	uint64_t srr0 = ppcpv_shared_get64(v, PPCPV_SHARED_SRR0);
	uint64_t srr1 = ppcpv_shared_get64(v, PPCPV_SHARED_SRR1);

	if (!wide) {
		/* rfi: the 32-bit form restores only the low word. */
		srr1 = replace_bits(ppcpv_vcpu_msr(v), srr1, LOW_WORD);
		srr0 = (uint32_t)srr0;
	}
	book3s_set_msr(v, srr1);
	v->regs.pc = ppcpv_vcpu_ea(v, srr0 & ~UINT64_C(3));
	v->stats.emul[wide ? PPCPV_EMUL_KIND_RFID : PPCPV_EMUL_KIND_RFI]++;
	return PPCPV_EMUL_JUMPED;
}

enum ppcpv_emul_result book3s_emulate(struct ppcpv_vcpu *v, uint32_t insn)
{
	switch (PPC_OPCD(insn)) {
	case PPC_OP_X:
		return emulate_x(v, insn);
	case PPC_OP_XL:
		if (PPC_GET_XO10(insn) == PPC_XL_RFID)
			return emulate_return(v, 1);
		if (PPC_GET_XO10(insn) == PPC_XL_RFI)
			return emulate_return(v, 0);
		return PPCPV_EMUL_UNKNOWN;
	default:
		return PPCPV_EMUL_UNKNOWN;
	}
}
