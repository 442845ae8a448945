// SPDX-License-Identifier: MIT
/*
 * Tags: the name of one guest segment in one guest mode, which the sid
 * map turns into a host VSID.  Everything that changes what a shadow PTE
 * of the segment would hold is in the tag (problem state, translation
 * mode, the guest VSID or ESID, page size, key, segment no-execute), so a
 * shadow PTE never serves a mode or segment it was not made for.
 */
#include <ppcpv/abi.h>
#include <ppcpv/host/shadow64.h>

static uint64_t mode_bits(uint64_t msr)
{
	bool ir = msr & PPC_BOOK3S_MSR_IR, dr = msr & PPC_BOOK3S_MSR_DR;

	if (ir && dr)
		return PPCPV_TAG_TRANSLATED;
	if (!ir && !dr)
		return PPCPV_TAG_REAL;
	return ir ? PPCPV_TAG_IR_ONLY : PPCPV_TAG_DR_ONLY;
}

static uint64_t segment_bits(const struct ppcpv_gslb_entry *e, bool problem_state)
{
	uint64_t tag = ppcpv_gslb_vsid(e);

	if (ppcpv_gslb_page_shift(e) == PPC_PAGE_SHIFT_64K)
		tag |= PPCPV_TAG_64K;
	if (ppcpv_gslb_key(e, problem_state))
		tag |= PPCPV_TAG_KEY;
	if (e->vsid & PPC_SLB_VSID_N)
		tag |= PPCPV_TAG_NOEXEC;
	return tag;
}

/* The magic page's segment exists for the guest kernel even where its
 * SLB has no entry (Linux puts the page at EA -4096). */
static bool magic_segment(const struct ppcpv_gmmu *m, uint64_t msr, uint64_t ea)
{
	return m->magic.mapped && !(msr & PPC_MSR_PR) &&
	       ppcpv_esid(ea) == ppcpv_esid(m->magic.ea);
}

bool ppcpv_shadow_tag(const struct ppcpv_gmmu *m, uint64_t msr, uint64_t ea, uint64_t *tag)
{
	bool pr = msr & PPC_MSR_PR;
	uint64_t mode = mode_bits(msr) | (pr ? PPCPV_TAG_PR : 0);
	const struct ppcpv_gslb_entry *e = 0;

	if ((mode & PPCPV_TAG_MODE_MASK) != PPCPV_TAG_REAL)
		e = ppcpv_gslb_find(&m->slb, ea);
	if (e) {
		*tag = mode | segment_bits(e, pr);
		return true;
	}
	if ((mode & PPCPV_TAG_MODE_MASK) == PPCPV_TAG_TRANSLATED && !magic_segment(m, msr, ea))
		return false;
	*tag = mode | PPCPV_TAG_NO_SLB | ppcpv_esid(ea);
	return true;
}
