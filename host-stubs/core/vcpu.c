// SPDX-License-Identifier: MIT
/*
 * vCPU set-up.  The guest MSR lives in the shared page; every host-side
 * change goes through ppcpv_vcpu_set_msr (the family's rules) so that the
 * magic page's visibility follows PR.
 */
#include <ppcpv/err.h>
#include <ppcpv/pvinfo.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

static void zero(void *p, size_t n)
{
	uint8_t *b = p;

	while (n--)
		*b++ = 0;
}

static int ops_complete(const struct ppcpv_host_ops *ops)
{
	return ops && ops->timebase && ops->console_write && ops->magic_visible;
}

static int arch_complete(const struct ppcpv_arch *a)
{
	return a && a->shared_sprs && a->set_msr && a->emulate && a->reflect && a->deliver &&
	       a->dec_write && a->dec_read && a->dec_event;
}

int ppcpv_vcpu_init(struct ppcpv_vcpu *v, uint8_t *shared, const struct ppcpv_vcpu_config *cfg,
		    const struct ppcpv_host_ops *ops, void *ctx)
{
	if (!v || !shared || !cfg || !ops_complete(ops) || !arch_complete(cfg->arch) ||
	    (uintptr_t)shared % PPCPV_MAGIC_PAGE_SIZE)
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
	v->arch = *cfg->arch;
	if (cfg->mode != PPCPV_MODE_PV)
		v->cfg.features &= ~(1u << PPCPV_KVM_FEATURE_MAGIC_PAGE);
	v->ops = ops;
	v->ctx = ctx;
	v->shared_be = !cfg->guest_le;
	v->intr_le = !!cfg->guest_le;
	/* KVM's Book3S PR never fills pir (a known gap); this host does. */
	ppcpv_shared_set32(v, PPCPV_SHARED_PIR, cfg->id);
	ppcpv_shared_set64(v, PPCPV_SHARED_MSR, cfg->arch->msr_reset);
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
