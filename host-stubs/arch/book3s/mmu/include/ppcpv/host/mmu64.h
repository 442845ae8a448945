/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/mmu64.h - the guest's Book3S-64 MMU as the host keeps it, in
 * the way KVM PR does for a PAPR guest: a guest SLB the guest fills with
 * slbmte, a guest hash page table in host memory the guest changes only
 * through PAPR hypercalls, and a software walk that turns a guest access
 * into a guest real address or into the exact storage interrupt the guest
 * must take.  ISA 2.07 (POWER8), 256 MB segments, 4 KiB and 64 KiB base
 * pages.  Portable C: no globals, nothing from the machine.
 *
 * The shadow side (what the host puts in its own SLB and hash table) is in
 * ppcpv/host/shadow64.h.  Design: Documentation/host-mmu.rst.
 */
#ifndef PPCPV_HOST_MMU64_H
#define PPCPV_HOST_MMU64_H

#include <stdbool.h>
#include <stdint.h>
#include <ppcpv/isa/hash64.h>

/* ---- Guest SLB ------------------------------------------------------------- */

#define PPCPV_GSLB_MAX		64	/* entries the host can give a guest */

/* One entry, kept as the words slbmfee and slbmfev give back. */
struct ppcpv_gslb_entry {
	uint64_t esid;		/* ESID | V */
	uint64_t vsid;		/* B, VSID, Ks, Kp, N, L, C, LP */
};

struct ppcpv_gslb {
	unsigned int size;	/* what the guest was told (ibm,slb-size) */
	struct ppcpv_gslb_entry e[PPCPV_GSLB_MAX];
};

/* What an MMU instruction or call means for the guest. */
enum ppcpv_mmu_verdict {
	PPCPV_MMU_DONE = 0,
	PPCPV_MMU_ILLEGAL,	/* program interrupt: illegal instruction form */
};

/* size entries, all invalid; NULL, or why size is refused. */
const char *ppcpv_gslb_init(struct ppcpv_gslb *slb, unsigned int size);

/* slbmte RS,RB.  ILLEGAL for an index >= size, reserved bits, 1 TB or
 * another unsupported segment, or a base page size other than 4K/64K.
 * *old (may be NULL) gets the entry it replaced. */
enum ppcpv_mmu_verdict ppcpv_gslb_slbmte(struct ppcpv_gslb *slb, uint64_t rs, uint64_t rb,
					 struct ppcpv_gslb_entry *old);
/* slbie RB: invalidates the entries of that 256 MB ESID; how many. */
unsigned int ppcpv_gslb_slbie(struct ppcpv_gslb *slb, uint64_t rb);
/* slbia IH: every entry but entry 0 (ISA 2.07); ILLEGAL for a reserved IH. */
enum ppcpv_mmu_verdict ppcpv_gslb_slbia(struct ppcpv_gslb *slb, unsigned int ih);
/* slbmfee / slbmfev RT,RB: ILLEGAL for an index >= size. */
enum ppcpv_mmu_verdict ppcpv_gslb_slbmfee(const struct ppcpv_gslb *slb, uint64_t rb, uint64_t *rt);
enum ppcpv_mmu_verdict ppcpv_gslb_slbmfev(const struct ppcpv_gslb *slb, uint64_t rb, uint64_t *rt);
/* slbfee. RT,RB: true (CR0[EQ]) and the VSID word if an entry translates
 * the EA in RB; false and 0 if none. */
bool ppcpv_gslb_slbfee(const struct ppcpv_gslb *slb, uint64_t rb, uint64_t *rt);
/* The valid entry that translates ea, or NULL. */
const struct ppcpv_gslb_entry *ppcpv_gslb_find(const struct ppcpv_gslb *slb, uint64_t ea);

static inline uint64_t ppcpv_esid(uint64_t ea)
{
	return ea >> PPC_SID_SHIFT;
}

static inline uint64_t ppcpv_gslb_vsid(const struct ppcpv_gslb_entry *e)
{
	return (e->vsid >> PPC_SLB_VSID_SHIFT) & ((UINT64_C(1) << PPC_VSID_BITS) - 1);
}

static inline unsigned int ppcpv_gslb_page_shift(const struct ppcpv_gslb_entry *e)
{
	return (e->vsid & PPC_SLB_VSID_LLP_MASK) == PPC_SLB_VSID_LLP_64K ? PPC_PAGE_SHIFT_64K
									  : PPC_PAGE_SHIFT_4K;
}

/* The storage key an access uses: Kp in problem state, Ks otherwise. */
static inline unsigned int ppcpv_gslb_key(const struct ppcpv_gslb_entry *e, bool problem_state)
{
	return !!(e->vsid & (problem_state ? PPC_SLB_VSID_KP : PPC_SLB_VSID_KS));
}

/* ---- The hash (256 MB segments) --------------------------------------------- */

/* The 39-bit primary hash of the page of ea in segment vsid; the secondary
 * hash is its complement. */
uint64_t ppcpv_hash64(uint64_t vsid, uint64_t ea, unsigned int page_shift);
/* HPTE doubleword 0 fields an entry for ea in segment vsid must have: B,
 * AVA and L (V and H not included). */
uint64_t ppcpv_hpte_v_for(uint64_t vsid, uint64_t ea, unsigned int page_shift);
/* The page shift an HPTE's L and LP encode (12 or 16), or 0 if ppcpv does
 * not support that encoding. */
unsigned int ppcpv_hpte_page_shift(uint64_t v, uint64_t r);

/* ---- Guest hash page table ------------------------------------------------------ */

/*
 * Told to the host when an HPTE that was valid is removed or changed: the
 * guest virtual pages it mapped, as 4 KiB pages [gpage, gpage + npages)
 * of the 256 MB segment gvsid, so the host can drop what it made of them.
 */
typedef void ppcpv_gpages_changed_fn(void *ctx, uint64_t gvsid, uint32_t gpage, uint32_t npages);

struct ppcpv_ghpt_config {
	void *mem;		/* host memory for the table, 16-byte aligned */
	uint64_t mem_bytes;
	unsigned int shift;	/* table size 2^shift bytes (ibm,pft-size) */
	/* Guest-physical memory an HPTE may map: RAM [0, ram_size) with WIMG
	 * = M, and an I/O window [io_base, io_base + io_size) with WIMG = I or
	 * I|M (G allowed), as QEMU's H_ENTER demands. */
	uint64_t ram_size;
	uint64_t io_base, io_size;
};

struct ppcpv_ghpt {
	uint64_t *hpte;		/* 2 doublewords per entry */
	unsigned int shift;
	uint64_t pteg_mask;	/* groups - 1 */
	uint64_t ram_size;
	uint64_t io_base, io_size;
	ppcpv_gpages_changed_fn *changed;	/* may be NULL */
	void *changed_ctx;
};

/* Checks the config and clears the table; NULL, or why it is refused. */
const char *ppcpv_ghpt_init(struct ppcpv_ghpt *h, const struct ppcpv_ghpt_config *cfg);

static inline uint64_t ppcpv_ghpt_entries(const struct ppcpv_ghpt *h)
{
	return UINT64_C(1) << (h->shift - 4);
}

/* The guest virtual pages a valid HPTE at ptex maps (false if its page
 * size is not supported): segment, first 4 KiB page, 4 KiB pages. */
bool ppcpv_ghpt_hpte_gpages(const struct ppcpv_ghpt *h, uint64_t ptex, uint64_t v, uint64_t r,
			    uint64_t *gvsid, uint32_t *gpage, uint32_t *npages);

/* ---- PAPR page frame table hypercalls ----------------------------------------------- */

/* Arguments r4..r11 of `sc 1` (gpr[i] is r(4 + i)); the call replaces
 * the ones it returns values in and leaves the others, as QEMU does. */
struct ppcpv_hcall_args {
	uint64_t gpr[8];
};

/* Each returns the status for r3 (H_SUCCESS, H_PARAMETER, ...). */
long ppcpv_h_enter(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a);
long ppcpv_h_remove(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a);
long ppcpv_h_bulk_remove(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a);
long ppcpv_h_protect(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a);
long ppcpv_h_read(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a);
long ppcpv_h_clear_ref(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a);
long ppcpv_h_clear_mod(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a);
/* The above by opcode: false if opcode is none of them. */
bool ppcpv_ghpt_hcall(struct ppcpv_ghpt *h, uint64_t opcode, struct ppcpv_hcall_args *a,
		      long *status);

/* ---- The guest MMU and its walk ----------------------------------------------------- */

struct ppcpv_gmmu_config {
	unsigned int slb_size;
	struct ppcpv_ghpt_config hpt;
	/* Real mode (MSR[IR] or [DR] = 0) reaches guest-physical
	 * [0, rma_size) of RAM, and the I/O window. */
	uint64_t rma_size;
};

struct ppcpv_gmmu {
	struct ppcpv_gslb slb;
	struct ppcpv_ghpt hpt;
	uint64_t rma_size;
	/* The magic page (KVM_HC_PPC_MAP_MAGIC_PAGE): in supervisor state its
	 * EA (translated) and its guest-physical address (real mode). */
	struct {
		bool mapped;
		uint64_t ea, pa;
	} magic;
};

const char *ppcpv_gmmu_init(struct ppcpv_gmmu *m, const struct ppcpv_gmmu_config *cfg);
void ppcpv_gmmu_set_magic(struct ppcpv_gmmu *m, uint64_t ea, uint64_t pa);
void ppcpv_gmmu_clear_magic(struct ppcpv_gmmu *m);

enum ppcpv_access {
	PPCPV_ACCESS_LOAD,
	PPCPV_ACCESS_STORE,
	PPCPV_ACCESS_FETCH,
};

#define PPCPV_PROT_READ		1u
#define PPCPV_PROT_WRITE	2u
#define PPCPV_PROT_EXEC		4u

/* What a guest real address is. */
enum ppcpv_gra_kind {
	PPCPV_GRA_RAM,
	PPCPV_GRA_IO,		/* in the I/O window: emulate the access */
	PPCPV_GRA_MAGIC,	/* the magic page */
};

/* The interrupt the guest takes instead of the access. */
struct ppcpv_guest_fault {
	uint32_t vector;	/* PPC_BOOK3S_VEC_DSI, _DSEG, _ISI or _ISEG */
	uint32_t dsisr;		/* DSI */
	uint32_t srr1;		/* ISI: the cause bits for SRR1 */
	uint64_t dar;		/* DSI, DSEG: the EA */
};

/* Marks "no guest VSID" (real mode, magic page) where one is expected. */
#define PPCPV_GVSID_NONE	UINT64_MAX

struct ppcpv_xlate {
	uint64_t gra;		/* guest real address of the EA itself */
	enum ppcpv_gra_kind kind;
	unsigned int page_shift;	/* of the guest's page (real mode: 12) */
	unsigned int prot;	/* PPCPV_PROT_*, for the access's state */
	unsigned int wimg;	/* the guest's WIMG (M in real mode) */
	/* From a guest HPTE: its segment, index and doubleword 1 after the
	 * walk set R (and C); gvsid PPCPV_GVSID_NONE otherwise. */
	uint64_t gvsid;
	uint64_t ptex;
	uint64_t pte_r;
	struct ppcpv_guest_fault fault;	/* when the walk says no */
};

/*
 * The guest's view of an access at ea with the guest MSR msr (PR, IR, DR
 * used): true and the translation, or false and the interrupt the guest
 * takes.  A permitted access sets R in the guest's HPTE, a permitted store
 * also C.
 */
bool ppcpv_gmmu_xlate(struct ppcpv_gmmu *m, uint64_t msr, uint64_t ea, enum ppcpv_access acc,
		      struct ppcpv_xlate *out);

/* The segment interrupt an access at ea takes (no SLB entry). */
void ppcpv_segment_fault(struct ppcpv_guest_fault *f, uint64_t ea, enum ppcpv_access acc);

/* Is the access relocated (MSR[IR] for a fetch, MSR[DR] for data)? */
bool ppcpv_access_relocated(uint64_t msr, enum ppcpv_access acc);

/* PP0||PP and a key -> PPCPV_PROT_READ / _WRITE (ISA 2.07 table). */
unsigned int ppcpv_pp_prot(unsigned int key, unsigned int pp0_pp);

#endif /* PPCPV_HOST_MMU64_H */
