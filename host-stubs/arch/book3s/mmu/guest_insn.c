// SPDX-License-Identifier: MIT
/*
 * The guest's SLB instructions, with their effect on the shadow: a guest
 * segment that changes or goes loses its shadow SLB entry (it is made
 * again, with the new tag, at the next host segment fault).  Shadow PTEs
 * stay: they belong to guest virtual pages, which an SLB change does not
 * alter.
 */
#include <ppcpv/host/shadow64.h>
#include "shadow.h"

enum ppcpv_mmu_verdict ppcpv_mmu64_slbmte(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh,
					  uint64_t rs, uint64_t rb, uint64_t *dropped)
{
	struct ppcpv_gslb_entry old;

	*dropped = 0;
	if (ppcpv_gslb_slbmte(&m->slb, rs, rb, &old) != PPCPV_MMU_DONE)
		return PPCPV_MMU_ILLEGAL;
	if (old.esid & PPC_SLB_ESID_V)
		*dropped |= ppcpv_sslb_drop_esid(&sh->slb, ppcpv_esid(old.esid));
	/* The new ESID may have had a shadow under another tag (no guest
	 * entry, the magic page's segment, another slot's entry). */
	*dropped |= ppcpv_sslb_drop_esid(&sh->slb, ppcpv_esid(rb));
	return PPCPV_MMU_DONE;
}

void ppcpv_mmu64_slbie(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh, uint64_t rb,
		       uint64_t *dropped)
{
	ppcpv_gslb_slbie(&m->slb, rb);
	*dropped = ppcpv_sslb_drop_esid(&sh->slb, ppcpv_esid(rb));
}

/* Whatever the guest's IR: KVM PR keeps the shadow segments when IR=0. */
enum ppcpv_mmu_verdict ppcpv_mmu64_slbia(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh,
					 unsigned int ih, uint64_t *dropped)
{
	*dropped = 0;
	if (ppcpv_gslb_slbia(&m->slb, ih) != PPCPV_MMU_DONE)
		return PPCPV_MMU_ILLEGAL;
	*dropped = ppcpv_sslb_flush(&sh->slb);
	return PPCPV_MMU_DONE;
}
