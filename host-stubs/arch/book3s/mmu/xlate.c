// SPDX-License-Identifier: MIT
/*
 * The guest's translation, done in software as the guest's CPU would
 * (ISA 2.07 Book III-S): magic page, real mode, or SLB + hash table
 * search + PP/key protection + no-execute; the result is a guest real
 * address, or the storage interrupt the guest takes (DSI/ISI with the
 * DSISR/SRR1 cause bits, or a segment interrupt).
 */
#include <ppcpv/abi.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/mmu64.h>
#include "mmu.h"

const char *ppcpv_gmmu_init(struct ppcpv_gmmu *m, const struct ppcpv_gmmu_config *cfg)
{
	const char *why = ppcpv_gslb_init(&m->slb, cfg->slb_size);

	if (!why)
		why = ppcpv_ghpt_init(&m->hpt, &cfg->hpt);
	if (why)
		return why;
	if (!cfg->rma_size || (cfg->rma_size & PAGE_4K_MASK) || cfg->rma_size > cfg->hpt.ram_size)
		return "real mode area must be whole 4 KiB pages of guest RAM";
	m->rma_size = cfg->rma_size;
	ppcpv_gmmu_clear_magic(m);
	return 0;
}

void ppcpv_gmmu_set_magic(struct ppcpv_gmmu *m, uint64_t ea, uint64_t pa)
{
	m->magic.mapped = true;
	m->magic.ea = ea & ~PAGE_4K_MASK;
	m->magic.pa = pa & ~PAGE_4K_MASK;
}

void ppcpv_gmmu_clear_magic(struct ppcpv_gmmu *m)
{
	m->magic.mapped = false;
	m->magic.ea = 0;
	m->magic.pa = 0;
}

bool ppcpv_access_relocated(uint64_t msr, enum ppcpv_access acc)
{
	return msr & (acc == PPCPV_ACCESS_FETCH ? PPC_BOOK3S_MSR_IR : PPC_BOOK3S_MSR_DR);
}

/* ISA 2.07's PP tables, indexed by PP0||PP1||PP2; the values it reserves
 * give no access, as QEMU does. */
#define RW	(PPCPV_PROT_READ | PPCPV_PROT_WRITE)
#define RO	PPCPV_PROT_READ
static const uint8_t pp_table[2][8] = {
	/* key 0 */ { RW, RW, RW, RO, 0, 0, RO, 0 },
	/* key 1 */ { 0, RO, RW, RO, 0, 0, 0, 0 },
};
#undef RW
#undef RO

unsigned int ppcpv_pp_prot(unsigned int key, unsigned int pp0_pp)
{
	return pp_table[key & 1][pp0_pp & 7];
}

/* ---- Faults ------------------------------------------------------------------- */

enum cause { NO_PTE, PROTECTION, NO_EXEC };

void ppcpv_segment_fault(struct ppcpv_guest_fault *f, uint64_t ea, enum ppcpv_access acc)
{
	bool fetch = acc == PPCPV_ACCESS_FETCH;

	*f = (struct ppcpv_guest_fault){
		.vector = fetch ? PPC_BOOK3S_VEC_ISEG : PPC_BOOK3S_VEC_DSEG,
		.dar = fetch ? 0 : ea,
	};
}

static bool segment_fault(struct ppcpv_xlate *out, uint64_t ea, enum ppcpv_access acc)
{
	ppcpv_segment_fault(&out->fault, ea, acc);
	return false;
}

static bool storage_fault(struct ppcpv_xlate *out, uint64_t ea, enum ppcpv_access acc,
			  enum cause cause)
{
	static const uint32_t dsisr[] = { PPC_BOOK3S_DSISR_NOPT, PPC_BOOK3S_DSISR_PROT, PPC_BOOK3S_DSISR_PROT };
	static const uint32_t srr1[] = { PPC_BOOK3S_SRR1_ISI_NOPT, PPC_BOOK3S_SRR1_ISI_PROT,
					 PPC_BOOK3S_SRR1_ISI_N_G };

	if (acc == PPCPV_ACCESS_FETCH) {
		out->fault = (struct ppcpv_guest_fault){ .vector = PPC_BOOK3S_VEC_ISI,
							 .srr1 = srr1[cause] };
		return false;
	}
	out->fault = (struct ppcpv_guest_fault){
		.vector = PPC_BOOK3S_VEC_DSI,
		.dsisr = dsisr[cause] | (acc == PPCPV_ACCESS_STORE ? PPC_BOOK3S_DSISR_STORE : 0),
		.dar = ea,
	};
	return false;
}

/* ---- Results ------------------------------------------------------------------ */

static enum ppcpv_gra_kind gra_kind(const struct ppcpv_gmmu *m, uint64_t gra)
{
	const struct ppcpv_ghpt *h = &m->hpt;

	return h->io_size && range_inside(gra, 1, h->io_base, h->io_size) ? PPCPV_GRA_IO
									   : PPCPV_GRA_RAM;
}

static void untranslated(struct ppcpv_xlate *out, uint64_t gra, enum ppcpv_gra_kind kind,
			 unsigned int prot)
{
	out->gra = gra;
	out->kind = kind;
	out->page_shift = PPC_PAGE_SHIFT_4K;
	out->prot = prot;
	out->wimg = PPC_HPTE_R_M >> PPC_HPTE_R_WIMG_SHIFT;
	out->gvsid = PPCPV_GVSID_NONE;
	out->ptex = 0;
	out->pte_r = 0;
}

/* ---- The magic page and real mode ----------------------------------------------- */

/* In supervisor state the magic page replaces whatever the guest has at
 * its EA (relocated) or its guest-physical address (real mode). */
static bool magic_page_hit(const struct ppcpv_gmmu *m, uint64_t msr, uint64_t ea,
			   enum ppcpv_access acc)
{
	if (!m->magic.mapped || (msr & PPC_MSR_PR))
		return false;
	if (ppcpv_access_relocated(msr, acc))
		return (ea & ~PAGE_4K_MASK) == m->magic.ea;
	return ((ea ^ m->magic.pa) & PPC_REAL_ADDR_MASK & ~PAGE_4K_MASK) == 0;
}

/* Data only: nothing is executed from the magic page. */
static bool magic_page(const struct ppcpv_gmmu *m, uint64_t ea, enum ppcpv_access acc,
		       struct ppcpv_xlate *out)
{
	if (acc == PPCPV_ACCESS_FETCH)
		return storage_fault(out, ea, acc, NO_EXEC);
	untranslated(out, m->magic.pa | (ea & PAGE_4K_MASK), PPCPV_GRA_MAGIC,
		     PPCPV_PROT_READ | PPCPV_PROT_WRITE);
	return true;
}

/* Real mode reaches the real mode area and the I/O window; beyond them
 * the guest gets the protection fault an RMO limit gives. */
static bool real_mode(const struct ppcpv_gmmu *m, uint64_t ea, enum ppcpv_access acc,
		      struct ppcpv_xlate *out)
{
	uint64_t gra = ea & PPC_REAL_ADDR_MASK;
	enum ppcpv_gra_kind kind = gra_kind(m, gra);

	if (kind == PPCPV_GRA_RAM && gra >= m->rma_size)
		return storage_fault(out, ea, acc, PROTECTION);
	untranslated(out, gra, kind, PPCPV_PROT_READ | PPCPV_PROT_WRITE | PPCPV_PROT_EXEC);
	return true;
}

/* ---- The hash table search --------------------------------------------------------- */

/* The entry for ea in segment e: its index, or false. */
static bool search(const struct ppcpv_ghpt *h, const struct ppcpv_gslb_entry *e, uint64_t ea,
		   uint64_t *ptex)
{
	unsigned int shift = ppcpv_gslb_page_shift(e);
	uint64_t vsid = ppcpv_gslb_vsid(e);
	uint64_t hash = ppcpv_hash64(vsid, ea, shift);
	uint64_t want = ppcpv_hpte_v_for(vsid, ea, shift) | PPC_HPTE_V_VALID;
	unsigned int pass, i;

	for (pass = 0; pass < 2; pass++) {
		uint64_t group = (pass ? ~hash : hash) & h->pteg_mask;
		uint64_t match = want | (pass ? PPC_HPTE_V_H : 0);

		for (i = 0; i < PPC_HPTES_PER_GROUP; i++) {
			const uint64_t *pte = ghpt_entry(h, group * PPC_HPTES_PER_GROUP + i);

			if ((pte[0] & ~(uint64_t)PPC_HPTE_V_SW) == match &&
			    ppcpv_hpte_page_shift(pte[0], pte[1]) == shift) {
				*ptex = group * PPC_HPTES_PER_GROUP + i;
				return true;
			}
		}
	}
	return false;
}

/* What the entry allows the access's state: PP with the segment's key;
 * execution needs read access and neither N nor G. */
static unsigned int hpte_prot(uint64_t r, unsigned int key)
{
	unsigned int pp = (unsigned int)((r >> PPC_HPTE_R_PP0_SHIFT) << 2 | (r & PPC_HPTE_R_PP));
	unsigned int prot = ppcpv_pp_prot(key, pp);

	if ((prot & PPCPV_PROT_READ) && !(r & (PPC_HPTE_R_N | PPC_HPTE_R_G)))
		prot |= PPCPV_PROT_EXEC;
	return prot;
}

static bool permitted(unsigned int prot, uint64_t r, uint64_t ea, enum ppcpv_access acc,
		      struct ppcpv_xlate *out)
{
	if (acc == PPCPV_ACCESS_FETCH && (r & (PPC_HPTE_R_N | PPC_HPTE_R_G)))
		return storage_fault(out, ea, acc, NO_EXEC);
	if (acc == PPCPV_ACCESS_STORE && !(prot & PPCPV_PROT_WRITE))
		return storage_fault(out, ea, acc, PROTECTION);
	if (!(prot & PPCPV_PROT_READ))
		return storage_fault(out, ea, acc, PROTECTION);
	return true;
}

static bool translated(struct ppcpv_gmmu *m, uint64_t msr, uint64_t ea, enum ppcpv_access acc,
		       struct ppcpv_xlate *out)
{
	const struct ppcpv_gslb_entry *e = ppcpv_gslb_find(&m->slb, ea);
	uint64_t ptex, *pte, size;
	unsigned int prot;

	if (!e)
		return segment_fault(out, ea, acc);
	if (acc == PPCPV_ACCESS_FETCH && (e->vsid & PPC_SLB_VSID_N))
		return storage_fault(out, ea, acc, NO_EXEC);
	if (!search(&m->hpt, e, ea, &ptex))
		return storage_fault(out, ea, acc, NO_PTE);
	pte = ghpt_entry(&m->hpt, ptex);
	prot = hpte_prot(pte[1], ppcpv_gslb_key(e, msr & PPC_MSR_PR));
	if (e->vsid & PPC_SLB_VSID_N)
		prot &= ~PPCPV_PROT_EXEC;
	if (!permitted(prot, pte[1], ea, acc, out))
		return false;
	pte[1] |= PPC_HPTE_R_R | (acc == PPCPV_ACCESS_STORE ? PPC_HPTE_R_C : 0);
	size = UINT64_C(1) << ppcpv_gslb_page_shift(e);
	out->gra = (pte[1] & PPC_HPTE_R_RPN & ~(size - 1)) | (ea & (size - 1));
	out->kind = gra_kind(m, out->gra);
	out->page_shift = ppcpv_gslb_page_shift(e);
	out->prot = prot;
	out->wimg = (unsigned int)(pte[1] & PPC_HPTE_R_WIMG) >> PPC_HPTE_R_WIMG_SHIFT;
	out->gvsid = ppcpv_gslb_vsid(e);
	out->ptex = ptex;
	out->pte_r = pte[1];
	return true;
}

bool ppcpv_gmmu_xlate(struct ppcpv_gmmu *m, uint64_t msr, uint64_t ea, enum ppcpv_access acc,
		      struct ppcpv_xlate *out)
{
	if (magic_page_hit(m, msr, ea, acc))
		return magic_page(m, ea, acc, out);
	if (!ppcpv_access_relocated(msr, acc))
		return real_mode(m, ea, acc, out);
	return translated(m, msr, ea, acc, out);
}
