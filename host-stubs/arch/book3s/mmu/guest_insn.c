// SPDX-License-Identifier: MIT
/*
 * The guest's SLB instructions, with their effect on the shadow: a guest
 * segment that changes or goes loses its shadow SLB entry (it is made
 * again, with the new tag, at the next host segment fault).  Shadow PTEs
 * stay: they belong to guest virtual pages, which an SLB change does not
 * alter.
 */
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/opcodes.h>
#include <ppcpv/host/shadow64.h>
#include "shadow.h"

/* slbia's IH field (bits 8:10), CR0's EQ bit and XER's SO bit. */
#define SLBIA_IH(insn)		((PPC_U32(insn) >> 21) & 7)
#define CR0_SHIFT		28
#define CR0_EQ			UINT64_C(0x2)
#define XER_SO			UINT64_C(0x80000000)
#define CR0_SO			UINT64_C(0x1)

enum ppcpv_mmu_verdict ppcpv_mmu64_slbmte(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh,
					  uint64_t rs, uint64_t rb, uint64_t *dropped)
{
	struct ppcpv_gslb_entry old;

	*dropped = 0;
	if (ppcpv_gslb_slbmte(&m->slb, rs, rb, &old) != PPCPV_MMU_DONE)
		return PPCPV_MMU_ILLEGAL;
	if (old.esid & PPC_SLB_ESID_V)
		*dropped |= ppcpv_shadow_slb_drop_esid(sh, ppcpv_esid(old.esid));
	/* The new ESID may have had a shadow under another tag (no guest
	 * entry, the magic page's segment, another slot's entry). */
	*dropped |= ppcpv_shadow_slb_drop_esid(sh, ppcpv_esid(rb));
	return PPCPV_MMU_DONE;
}

void ppcpv_mmu64_slbie(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh, uint64_t rb,
		       uint64_t *dropped)
{
	ppcpv_gslb_slbie(&m->slb, rb);
	*dropped = ppcpv_shadow_slb_drop_esid(sh, ppcpv_esid(rb));
}

/* Whatever the guest's IR: KVM PR keeps the shadow segments when IR=0. */
enum ppcpv_mmu_verdict ppcpv_mmu64_slbia(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh,
					 unsigned int ih, uint64_t *dropped)
{
	*dropped = 0;
	if (ppcpv_gslb_slbia(&m->slb, ih) != PPCPV_MMU_DONE)
		return PPCPV_MMU_ILLEGAL;
	*dropped = ppcpv_shadow_slb_flush(sh);
	return PPCPV_MMU_DONE;
}

enum ppcpv_mmu_verdict ppcpv_mmu64_emulate(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh,
					   uint32_t insn, const struct ppcpv_mmu64_regs *regs,
					   uint64_t *dropped)
{
	uint64_t *rt = &regs->gpr[PPC_GET_RT(insn)];
	uint64_t rb = regs->gpr[PPC_GET_RB(insn)];
	uint64_t cr0;

	*dropped = 0;
	switch (PPC_GET_XO10(insn)) {
	case PPC_X_SLBMTE:
		return ppcpv_mmu64_slbmte(m, sh, *rt, rb, dropped);
	case PPC_X_SLBIE:
		ppcpv_mmu64_slbie(m, sh, rb, dropped);
		return PPCPV_MMU_DONE;
	case PPC_X_SLBIA:
		return ppcpv_mmu64_slbia(m, sh, SLBIA_IH(insn), dropped);
	case PPC_X_SLBMFEE:
		return ppcpv_gslb_slbmfee(&m->slb, rb, rt);
	case PPC_X_SLBMFEV:
		return ppcpv_gslb_slbmfev(&m->slb, rb, rt);
	case PPC_X_SLBFEE:
		cr0 = ppcpv_gslb_slbfee(&m->slb, rb, rt) ? CR0_EQ : 0;
		if (regs->xer & XER_SO)
			cr0 |= CR0_SO;
		*regs->cr = (*regs->cr & ~(UINT64_C(0xf) << CR0_SHIFT)) | (cr0 << CR0_SHIFT);
		return PPCPV_MMU_DONE;
	case PPC_X_TLBIE:
	case PPC_X_TLBIEL:
		ppcpv_shadow_tlbie(sh, rb);
		return PPCPV_MMU_DONE;
	default:
		return PPCPV_MMU_ILLEGAL;
	}
}
