// SPDX-License-Identifier: MIT
/*
 * What emulating a privileged instruction needs on every family: fetching
 * it, and the mfspr/mtspr of the SPRs the shared page holds and of those
 * both families number alike.  Which
 * instructions a family has, and what they do, is the arch's
 * (host-stubs/arch/<family>/emulate.c).
 */
#include <ppcpv/err.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

int ppcpv_fetch_insn(struct ppcpv_vcpu *v, uint64_t ea, uint32_t *insn)
{
	uint64_t msr = ppcpv_vcpu_msr(v);

	if (!(msr & v->arch.msr_64bit))
		ea = (uint32_t)ea;
	if (v->ops->fetch_gpa && v->ops->fetch_gpa(v->ctx, v, ea, &ea))
		return -PPCPV_ERR_NOTFOUND;
	if (ea >= v->cfg.ram_size || v->cfg.ram_size - ea < sizeof(*insn))
		return -PPCPV_ERR_NOTFOUND;
	*insn = ppc_load_insn(v->cfg.ram + ea, !(msr & v->arch.msr_little_endian));
	return 0;
}

/* The SPRs both families number alike: DEC, with the family's semantics,
 * and PVR, the real CPU's (read-only).  0, or nonzero: not one of them. */
static int read_common_spr(const struct ppcpv_vcpu *v, unsigned int spr, uint64_t *val)
{
	if (spr == PPC_SPR_DEC)
		*val = v->arch.dec_read(v);
	else if (spr == PPC_SPR_PVR)
		*val = v->cfg.pvr;
	else
		return -PPCPV_ERR_UNSUPPORTED;
	return 0;
}

static int write_common_spr(struct ppcpv_vcpu *v, unsigned int spr, uint64_t val)
{
	if (spr != PPC_SPR_DEC)
		return -PPCPV_ERR_UNSUPPORTED;
	v->arch.dec_write(v, (uint32_t)val);
	return 0;
}

enum ppcpv_emul_result ppcpv_emul_spr_move(struct ppcpv_vcpu *v, uint32_t insn, int to_spr,
					   int (*arch_spr)(struct ppcpv_vcpu *v, unsigned int spr,
							   int to_spr, uint64_t *val))
{
	unsigned int spr = PPC_GET_SPR(insn), r = PPC_GET_RT(insn);
	uint64_t val = v->regs.gpr[r];

	if (to_spr) {
		if (!ppcpv_shared_spr_write(v, spr, val) && write_common_spr(v, spr, val) &&
		    arch_spr(v, spr, 1, &val))
			return PPCPV_EMUL_UNKNOWN;
		return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MTSPR);
	}
	if (!ppcpv_shared_spr_read(v, spr, &val) && read_common_spr(v, spr, &val) &&
	    arch_spr(v, spr, 0, &val))
		return PPCPV_EMUL_UNKNOWN;
	v->regs.gpr[r] = val;
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MFSPR);
}
