// SPDX-License-Identifier: MIT
/*
 * The guest's SLB: what slbmte, slbie, slbia, slbmfee, slbmfev and
 * slbfee. do to it (ISA 2.07).  Only 256 MB segments with 4 KiB or
 * 64 KiB base pages exist here, because only those are offered to the
 * guest (ibm,processor-segment-sizes, ibm,segment-page-sizes); a guest
 * that writes anything else gets the program interrupt QEMU gives.
 */
#include <ppcpv/host/mmu64.h>

/* The ESID word keeps ESID and V; the index bits are not part of an entry. */
#define ESID_WORD_MASK	(~(uint64_t)(PPC_SLB_ESID_RESERVED | PPC_SLB_INDEX_MASK))

const char *ppcpv_gslb_init(struct ppcpv_gslb *slb, unsigned int size)
{
	unsigned int i;

	if (size == 0 || size > PPCPV_GSLB_MAX)
		return "guest SLB size must be 1 to 64 entries";
	slb->size = size;
	for (i = 0; i < PPCPV_GSLB_MAX; i++)
		slb->e[i] = (struct ppcpv_gslb_entry){ 0, 0 };
	return 0;
}

static bool index_ok(const struct ppcpv_gslb *slb, uint64_t rb)
{
	return (rb & PPC_SLB_INDEX_MASK) < slb->size;
}

static bool vsid_word_ok(uint64_t rs)
{
	uint64_t llp = rs & PPC_SLB_VSID_LLP_MASK;

	if (rs & PPC_SLB_VSID_RESERVED)
		return false;
	if ((rs & PPC_SEGSIZE_MASK) != PPC_SEGSIZE_256M)
		return false;
	return llp == PPC_SLB_VSID_LLP_4K || llp == PPC_SLB_VSID_LLP_64K;
}

static bool entry_valid(const struct ppcpv_gslb_entry *e)
{
	return e->esid & PPC_SLB_ESID_V;
}

enum ppcpv_mmu_verdict ppcpv_gslb_slbmte(struct ppcpv_gslb *slb, uint64_t rs, uint64_t rb,
					 struct ppcpv_gslb_entry *old)
{
	struct ppcpv_gslb_entry *e;

	if (!index_ok(slb, rb) || (rb & PPC_SLB_ESID_RESERVED) || !vsid_word_ok(rs))
		return PPCPV_MMU_ILLEGAL;
	e = &slb->e[rb & PPC_SLB_INDEX_MASK];
	if (old)
		*old = *e;
	e->esid = rb & ESID_WORD_MASK;
	e->vsid = rs;
	return PPCPV_MMU_DONE;
}

/* Does the entry translate 256 MB segment esid? */
static bool entry_matches(const struct ppcpv_gslb_entry *e, uint64_t esid)
{
	return entry_valid(e) && ppcpv_esid(e->esid) == esid;
}

unsigned int ppcpv_gslb_slbie(struct ppcpv_gslb *slb, uint64_t rb)
{
	unsigned int i, n = 0;

	/* B names the segment size; every entry here is a 256 MB one. */
	if (rb & PPC_SLBIE_RB_B)
		return 0;
	for (i = 0; i < slb->size; i++)
		if (entry_matches(&slb->e[i], ppcpv_esid(rb))) {
			slb->e[i].esid &= ~(uint64_t)PPC_SLB_ESID_V;
			n++;
		}
	return n;
}

enum ppcpv_mmu_verdict ppcpv_gslb_slbia(struct ppcpv_gslb *slb, unsigned int ih)
{
	unsigned int i;

	if (ih >= 8 || !(PPC_SLBIA_IH_VALID_SET & (1u << ih)))
		return PPCPV_MMU_ILLEGAL;
	for (i = 1; i < slb->size; i++)
		slb->e[i].esid &= ~(uint64_t)PPC_SLB_ESID_V;
	return PPCPV_MMU_DONE;
}

enum ppcpv_mmu_verdict ppcpv_gslb_slbmfee(const struct ppcpv_gslb *slb, uint64_t rb, uint64_t *rt)
{
	if (!index_ok(slb, rb))
		return PPCPV_MMU_ILLEGAL;
	*rt = slb->e[rb & PPC_SLB_INDEX_MASK].esid;
	return PPCPV_MMU_DONE;
}

enum ppcpv_mmu_verdict ppcpv_gslb_slbmfev(const struct ppcpv_gslb *slb, uint64_t rb, uint64_t *rt)
{
	if (!index_ok(slb, rb))
		return PPCPV_MMU_ILLEGAL;
	*rt = slb->e[rb & PPC_SLB_INDEX_MASK].vsid;
	return PPCPV_MMU_DONE;
}

const struct ppcpv_gslb_entry *ppcpv_gslb_find(const struct ppcpv_gslb *slb, uint64_t ea)
{
	unsigned int i;

	for (i = 0; i < slb->size; i++)
		if (entry_matches(&slb->e[i], ppcpv_esid(ea)))
			return &slb->e[i];
	return 0;
}

bool ppcpv_gslb_slbfee(const struct ppcpv_gslb *slb, uint64_t rb, uint64_t *rt)
{
	const struct ppcpv_gslb_entry *e = ppcpv_gslb_find(slb, rb);

	*rt = e ? e->vsid : 0;
	return e != 0;
}
