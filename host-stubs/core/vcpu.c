// SPDX-License-Identifier: MIT
/*
 * vCPU set-up and the guest MSR.  The guest MSR lives in the shared page;
 * every host-side change goes through ppcpv_vcpu_set_msr so that the PR
 * rules and the magic page's visibility follow it.
 */
#include <ppcpv/err.h>
#include <ppcpv/pvinfo.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

/* The guest may never hold these: they belong to the real hypervisor. */
#define MSR_HOST_ONLY		(UINT64_C(1) << PPCPV_MSR_HV_BIT)
/* Real MSR bits always on while the guest runs (as KVM PR's shadow MSR). */
#define MSR_GUEST_RUN		(PPCPV_MSR_PR | PPCPV_MSR_IR | PPCPV_MSR_DR | \
				 PPCPV_MSR_EE | PPCPV_MSR_ME | PPCPV_MSR_RI)
/* Guest MSR bits passed through to the real MSR: its mode and the
 * facilities whose state the host never touches. */
#define MSR_GUEST_PASSTHROUGH	(PPCPV_MSR_SF | PPCPV_MSR_LE | PPCPV_MSR_FP | \
				 PPCPV_MSR_FE0 | PPCPV_MSR_FE1 | PPCPV_MSR_VEC | PPCPV_MSR_VSX)

static void zero(void *p, size_t n)
{
	uint8_t *b = p;

	while (n--)
		*b++ = 0;
}

static int ops_complete(const struct ppcpv_host_ops *ops)
{
	return ops && ops->read_guest && ops->timebase && ops->console_write &&
	       ops->magic_visible;
}

int ppcpv_vcpu_init(struct ppcpv_vcpu *v, uint8_t *shared, const struct ppcpv_vcpu_config *cfg,
		    const struct ppcpv_host_ops *ops, void *ctx)
{
	if (!v || !shared || !cfg || !ops_complete(ops) || (uintptr_t)shared % PPCPV_MAGIC_PAGE_SIZE)
		return -PPCPV_ERR_INVAL;
	if ((unsigned int)cfg->mode >= PPCPV_MODE_COUNT)
		return -PPCPV_ERR_INVAL;
	zero(v, sizeof(*v));
	/* Serve exactly the hypercall sequence KVM_PPC_GET_PVINFO hands out
	 * (the launcher puts the same words in the guest's device tree). */
	if (ppcpv_pvinfo_fill(&v->pvinfo, PPCPV_HOST_TRAP_SC) ||
	    ppcpv_pvinfo_sc_magic(&v->pvinfo, &v->hcall_r0))
		return -PPCPV_ERR_UNSUPPORTED;
	zero(shared, PPCPV_MAGIC_PAGE_SIZE);
	v->shared = shared;
	v->cfg = *cfg;
	if (cfg->mode != PPCPV_MODE_PV)
		v->cfg.features &= ~(1u << PPCPV_KVM_FEATURE_MAGIC_PAGE);
	v->ops = ops;
	v->ctx = ctx;
	v->shared_be = !cfg->guest_le;
	v->intr_le = cfg->guest_le;
	/* Book3S PR never fills pir (a known gap); this host does. */
	ppcpv_shared_set32(v, PPCPV_SHARED_PIR, cfg->id);
	ppcpv_shared_set64(v, PPCPV_SHARED_MSR, PPCPV_MSR_SF | PPCPV_MSR_ME);
	ppcpv_dec_reset(v);
	return 0;
}

void ppcpv_vcpu_boot(struct ppcpv_vcpu *v, uint64_t entry, uint64_t fdt,
		     uint64_t mapped_size, uint64_t msr)
{
	zero(&v->regs, sizeof(v->regs));
	v->regs.gpr[3] = fdt;
	v->regs.gpr[6] = PPCPV_EPAPR_MAGIC;
	v->regs.gpr[7] = mapped_size;
	ppcpv_vcpu_set_msr(v, msr);
	v->regs.pc = ppcpv_vcpu_ea(v, entry);
}

uint64_t ppcpv_vcpu_msr(const struct ppcpv_vcpu *v)
{
	return ppcpv_shared_get64(v, PPCPV_SHARED_MSR);
}

int ppcpv_vcpu_supervisor(const struct ppcpv_vcpu *v)
{
	return !(ppcpv_vcpu_msr(v) & PPCPV_MSR_PR);
}

int ppcpv_vcpu_64bit(const struct ppcpv_vcpu *v)
{
	return !!(ppcpv_vcpu_msr(v) & PPCPV_MSR_SF);
}

uint64_t ppcpv_vcpu_ea(const struct ppcpv_vcpu *v, uint64_t ea)
{
	return ppcpv_vcpu_64bit(v) ? ea : (uint32_t)ea;
}

void ppcpv_vcpu_set_msr(struct ppcpv_vcpu *v, uint64_t msr)
{
	msr &= ~MSR_HOST_ONLY;
	/* Book3S: entering problem state also enables EE, IR and DR. */
	if (msr & PPCPV_MSR_PR)
		msr |= PPCPV_MSR_EE | PPCPV_MSR_IR | PPCPV_MSR_DR;
	ppcpv_shared_set64(v, PPCPV_SHARED_MSR, msr);
	ppcpv_vcpu_sync_magic(v);
}

void ppcpv_vcpu_sync_magic(struct ppcpv_vcpu *v)
{
	int visible = v->magic.mapped && ppcpv_vcpu_supervisor(v);

	if (visible == v->magic.visible)
		return;
	v->magic.visible = visible;
	v->ops->magic_visible(v->ctx, v, visible);
}

uint64_t ppcpv_vcpu_real_msr(const struct ppcpv_vcpu *v)
{
	return MSR_GUEST_RUN | (ppcpv_vcpu_msr(v) & MSR_GUEST_PASSTHROUGH);
}
