/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/shadow64.h - the host's shadow of a guest's Book3S-64 MMU:
 * what it puts in its own SLB and hash table so the guest, always run at
 * real MSR[PR]=IR=DR=1, sees its own translations.  As in KVM PR:
 *
 *   guest mode + segment  --tag-->  host VSID (sid map, monotonic
 *   allocation from a range the platform gives; all flushed on wrap)
 *   shadow SLB: the host SLB entries for the guest's current mode
 *   shadow PTEs: 4 KiB host HPTEs, one per guest page touched, recorded
 *   in a reverse map by guest virtual page so that H_REMOVE, H_PROTECT,
 *   tlbie ... can drop exactly those.
 *
 * The host's own hash table is reached only through ops (on pseries,
 * H_ENTER and H_REMOVE).  Portable C: no globals.  Design and the
 * differences from KVM PR: Documentation/host-mmu.rst.
 */
#ifndef PPCPV_HOST_SHADOW64_H
#define PPCPV_HOST_SHADOW64_H

#include <stdbool.h>
#include <stdint.h>
#include <ppcpv/host/mmu64.h>
#include <ppcpv/isa/msr.h>

/* ---- Tags: which guest translations a host VSID stands for ----------------- */

/*
 * A tag names one guest segment as seen in one guest mode.  Different
 * tags never share a host VSID, so the shadows of guest user and kernel
 * state, real and translated mode, and segments whose key, no-execute or
 * page size differ stay apart.  Bits 0:49 (of 63:0) hold the guest VSID,
 * or with PPCPV_TAG_NO_SLB the ESID (real mode, or the magic page's
 * segment with no guest SLB entry).
 */
#define PPCPV_TAG_PR		(UINT64_C(1) << 63)	/* guest problem state */
#define PPCPV_TAG_MODE_SHIFT	61
#define PPCPV_TAG_MODE_MASK	(UINT64_C(3) << PPCPV_TAG_MODE_SHIFT)
#define PPCPV_TAG_TRANSLATED	(UINT64_C(0) << PPCPV_TAG_MODE_SHIFT)	/* IR=DR=1 */
#define PPCPV_TAG_REAL		(UINT64_C(1) << PPCPV_TAG_MODE_SHIFT)	/* IR=DR=0 */
#define PPCPV_TAG_IR_ONLY	(UINT64_C(2) << PPCPV_TAG_MODE_SHIFT)
#define PPCPV_TAG_DR_ONLY	(UINT64_C(3) << PPCPV_TAG_MODE_SHIFT)
#define PPCPV_TAG_NO_SLB	(UINT64_C(1) << 60)
#define PPCPV_TAG_64K		(UINT64_C(1) << 59)	/* 64 KiB base pages */
#define PPCPV_TAG_KEY		(UINT64_C(1) << 58)	/* the key the access uses */
#define PPCPV_TAG_NOEXEC	(UINT64_C(1) << 57)	/* segment N */
#define PPCPV_TAG_VALUE_MASK	((UINT64_C(1) << PPC_VSID_BITS) - 1)

/* The tag of ea's segment under guest MSR msr; false if translated data
 * and fetches have no guest segment there (a guest segment fault), except
 * the magic page's segment in supervisor state. */
bool ppcpv_shadow_tag(const struct ppcpv_gmmu *m, uint64_t msr, uint64_t ea, uint64_t *tag);

/* ---- The sid map: tag -> host VSID -------------------------------------------- */

#define PPCPV_SIDMAP_BITS	9
#define PPCPV_SIDMAP_SIZE	(1u << PPCPV_SIDMAP_BITS)

struct ppcpv_sidmap {
	struct {
		uint64_t tag;
		uint64_t host_vsid;	/* 0: empty */
	} e[PPCPV_SIDMAP_SIZE];
	uint64_t first, end, next;	/* host VSIDs [first, end), next to give */
	unsigned int evict;		/* which probe the next overwrite uses */
};

/* Host VSIDs [first, first + count) for the guest; NULL or why not. */
const char *ppcpv_sidmap_init(struct ppcpv_sidmap *s, uint64_t first, uint64_t count);
/* The host VSID of tag, or 0. */
uint64_t ppcpv_sidmap_find(const struct ppcpv_sidmap *s, uint64_t tag);
/* The host VSID of tag, a new one if it has none.  Returns true when the
 * range wrapped: the map was emptied and allocation restarted, so every
 * shadow made with an older host VSID must go before this one is used.
 * A tag pushed out of a full probe pair just gets a new VSID next time. */
bool ppcpv_sidmap_get(struct ppcpv_sidmap *s, uint64_t tag, uint64_t *host_vsid);
void ppcpv_sidmap_clear(struct ppcpv_sidmap *s);

/* ---- Shadow SLB ------------------------------------------------------------------- */

#define PPCPV_SSLB_MAX		64

struct ppcpv_sslb_entry {
	uint64_t tag;
	uint64_t rs, rb;	/* slbmte words; rb V clear: unused slot */
};

struct ppcpv_sslb {
	unsigned int first_slot;	/* host SLB index of e[0] */
	unsigned int cap;		/* host SLB entries the guest may use */
	unsigned int used;		/* e[0..used) have been handed out */
	uint64_t mode;			/* guest MSR PR|IR|DR they are for */
	struct ppcpv_sslb_entry e[PPCPV_SSLB_MAX];
};

/* What the host must write into its SLB (slbmte rs, rb into host slot
 * slot), after invalidating the entries in dropped (a mask as described
 * under "Shadow SLB changes" below: made unused on the way). */
struct ppcpv_slb_load {
	bool valid;
	unsigned int slot;
	uint64_t rs, rb;
	uint64_t dropped;
};

/* ---- Reverse map: guest virtual page -> host PTEs ----------------------------------- */

struct ppcpv_rmap_rec {
	uint64_t gvsid;		/* guest VSID, or PPCPV_GVSID_NONE */
	uint64_t host_v;	/* host HPTE doubleword 0 as inserted; 0: free */
	uint64_t host_ptex;	/* where the host put it */
	uint32_t gpage;		/* 4 KiB page in the 256 MB segment */
	uint32_t next;		/* chain: index + 1, 0 ends it */
};

struct ppcpv_rmap {
	struct ppcpv_rmap_rec *rec;
	uint32_t cap, count;
	uint32_t *bucket;	/* chain heads, index + 1 */
	uint32_t nbuckets;	/* a power of two */
	uint32_t free_list;	/* index + 1 */
};

typedef void ppcpv_rmap_drop_fn(void *ctx, const struct ppcpv_rmap_rec *rec);

/* Caller storage: cap records, nbuckets chain heads; NULL or why not. */
const char *ppcpv_rmap_init(struct ppcpv_rmap *m, struct ppcpv_rmap_rec *rec, uint32_t cap,
			    uint32_t *bucket, uint32_t nbuckets);
static inline bool ppcpv_rmap_full(const struct ppcpv_rmap *m)
{
	return m->count == m->cap;
}
/* Records *r; false (nothing done) when full: remove_all first. */
bool ppcpv_rmap_add(struct ppcpv_rmap *m, const struct ppcpv_rmap_rec *r);
/* Removes the records of [gpage, gpage + npages) in segment gvsid (a
 * range inside one 64 KiB-aligned group of 16 pages, or several groups),
 * calling drop for each; how many. */
unsigned int ppcpv_rmap_remove_gpages(struct ppcpv_rmap *m, uint64_t gvsid, uint32_t gpage,
				      uint32_t npages, ppcpv_rmap_drop_fn *drop, void *ctx);
/* Removes the record for exactly this host VPN (gvsid, gpage, host AVPN). */
unsigned int ppcpv_rmap_remove_exact(struct ppcpv_rmap *m, uint64_t gvsid, uint32_t gpage,
				     uint64_t host_v, ppcpv_rmap_drop_fn *drop, void *ctx);
/* Removes the records whose guest VPN (gvsid || gpage) has these low
 * bits (mask of the VPN), scanning all: for tlbie. */
unsigned int ppcpv_rmap_remove_vpn_bits(struct ppcpv_rmap *m, uint64_t vpn, uint64_t mask,
					ppcpv_rmap_drop_fn *drop, void *ctx);
unsigned int ppcpv_rmap_remove_all(struct ppcpv_rmap *m, ppcpv_rmap_drop_fn *drop, void *ctx);

/* ---- The shadow ------------------------------------------------------------------ */

/* The host's hash table, as the platform reaches it. */
struct ppcpv_shadow_ops {
	/* H_ENTER without H_EXACT into the group of ptex: H_SUCCESS and the
	 * slot used, H_PTEG_FULL, or another status (failure). */
	long (*enter)(void *ctx, uint64_t ptex, uint64_t v, uint64_t r, uint64_t *slot);
	/* H_REMOVE with flags (H_AVPN, or H_ANDCOND to evict). */
	long (*remove)(void *ctx, uint64_t flags, uint64_t ptex, uint64_t avpn);
};

struct ppcpv_shadow_config {
	uint64_t vsid_first, vsid_count;	/* host VSIDs for the guest only */
	unsigned int htab_shift;		/* the host table: 2^shift bytes */
	unsigned int slb_first, slb_count;	/* host SLB slots for the guest */
	uint64_t guest_base;			/* host PA of guest-physical 0 */
	uint64_t guest_size;
	uint64_t magic_pa;			/* host PA of the shared page */
	struct ppcpv_rmap_rec *rmap_rec;
	uint32_t rmap_cap;
	uint32_t *rmap_bucket;
	uint32_t rmap_nbuckets;
	const struct ppcpv_shadow_ops *ops;
	void *ops_ctx;
};

struct ppcpv_shadow_stats {
	uint64_t segments;	/* shadow SLB entries made */
	uint64_t pages;		/* shadow PTEs inserted */
	uint64_t evictions;	/* host HPTEs evicted from a full group pair */
	uint64_t dropped;	/* shadow PTEs removed */
	uint64_t flushes;	/* full flushes (reverse map full, VSID wrap, ...) */
	uint64_t vsid_wraps;
	uint64_t slb_restored;	/* mode switches that found their shadow SLB kept */
};

/* Shadow SLBs kept aside for the modes the guest left (its supervisor and
 * user states, mostly), besides the current one. */
#define PPCPV_SSLB_KEPT		2

struct ppcpv_shadow {
	struct ppcpv_sidmap sids;
	struct ppcpv_sslb slb;		/* the current mode's: what the host SLB holds */
	struct ppcpv_sslb kept[PPCPV_SSLB_KEPT];
	unsigned int kept_next;		/* the one the next mode switch replaces */
	struct ppcpv_sslb swap;		/* scratch for a switch */
	struct ppcpv_rmap rmap;
	uint64_t host_pteg_mask;
	uint64_t guest_base, guest_size, magic_pa;
	const struct ppcpv_shadow_ops *ops;
	void *ops_ctx;
	unsigned int evict_next;
	struct ppcpv_shadow_stats stats;
};

const char *ppcpv_shadow_init(struct ppcpv_shadow *sh, const struct ppcpv_shadow_config *cfg);

/* The guest MSR bits whose change is a new shadow context. */
#define PPCPV_SHADOW_MODE_BITS	(PPC_MSR_PR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR)

/*
 * The guest's MSR changed.  If PR, IR or DR did, the current mode's shadow
 * SLB is kept aside and the new mode's comes back as it was when the guest
 * left that mode (or an empty one): a guest kernel switches between its
 * supervisor and user states on every system call, fault and return, and
 * would otherwise fault every segment in again each time.  Every
 * invalidation below reaches the kept ones too.  Returns true when the
 * host must empty the shadow's host SLB slots and then load the entries
 * in *reload (a mask of sh->slb.e[]).  Shadow PTEs stay: their tags keep
 * them apart, and they serve again when the mode comes back.
 */
bool ppcpv_shadow_set_mode(struct ppcpv_shadow *sh, uint64_t msr, uint64_t *reload);

/* A host segment fault at ea (acc: fetch or data): true and the SLB entry
 * to load, or false and the guest's segment fault. */
bool ppcpv_shadow_map_segment(struct ppcpv_shadow *sh, const struct ppcpv_gmmu *m, uint64_t msr,
			      uint64_t ea, enum ppcpv_access acc, struct ppcpv_slb_load *load,
			      struct ppcpv_guest_fault *fault);

/* The host HPTE words for a translation x of ea by the walk, in host
 * segment host_vsid (4 KiB host page, R and C preset, PP from the
 * guest's permission, N unless executable, WIMG = M).  writable: map the
 * page read/write (else read-only, so the first store faults and the walk
 * sets the guest's C). */
void ppcpv_shadow_pte(const struct ppcpv_shadow *sh, uint64_t host_vsid, uint64_t ea,
		      const struct ppcpv_xlate *x, bool writable, uint64_t *v, uint64_t *r);

enum ppcpv_shadow_result {
	PPCPV_SHADOW_MAPPED,
	PPCPV_SHADOW_IO,		/* not memory: the host emulates the access */
	PPCPV_SHADOW_HOST_ERROR,	/* the host table refused (both groups bolted) */
};

/* After a host DSI/ISI the walk resolved (x from ppcpv_gmmu_xlate for the
 * same msr, ea, acc): insert the host PTE.  *load gets an SLB entry to
 * write when the segment had to be shadowed first. */
enum ppcpv_shadow_result ppcpv_shadow_map_page(struct ppcpv_shadow *sh, const struct ppcpv_gmmu *m,
					       uint64_t msr, uint64_t ea, enum ppcpv_access acc,
					       const struct ppcpv_xlate *x, struct ppcpv_slb_load *load);

/* ppcpv_gpages_changed_fn for the guest HPT (ctx: the shadow): drop the
 * shadow PTEs of those guest pages. */
void ppcpv_shadow_gpages_changed(void *shadow, uint64_t gvsid, uint32_t gpage, uint32_t npages);
/* tlbie RB (pSeries form): drop shadow PTEs whose guest VPN matches. */
void ppcpv_shadow_tlbie(struct ppcpv_shadow *sh, uint64_t rb);

/*
 * Shadow SLB changes.  Each returns a mask of shadow SLB entries made
 * unused (bit i: host slot first_slot + i); their rb still holds the ESID
 * so the host can slbie each, or it reloads all.
 */
/* The guest's segment esid changed: dropped from the current shadow SLB
 * (the mask) and from the kept ones. */
uint64_t ppcpv_shadow_slb_drop_esid(struct ppcpv_shadow *sh, uint64_t esid);
uint64_t ppcpv_shadow_slb_flush(struct ppcpv_shadow *sh);
/* Every shadow PTE and the shadow SLB (the magic page moved, ...). */
uint64_t ppcpv_shadow_flush_all(struct ppcpv_shadow *sh);

/* The guest's SLB instructions: the guest SLB, and the shadow SLB entries
 * they make stale (*dropped, as above). */
enum ppcpv_mmu_verdict ppcpv_mmu64_slbmte(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh,
					  uint64_t rs, uint64_t rb, uint64_t *dropped);
void ppcpv_mmu64_slbie(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh, uint64_t rb,
		       uint64_t *dropped);
enum ppcpv_mmu_verdict ppcpv_mmu64_slbia(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh,
					 unsigned int ih, uint64_t *dropped);

/* The registers an MMU instruction reads or writes. */
struct ppcpv_mmu64_regs {
	uint64_t *gpr;		/* r0..r31 */
	uint64_t *cr;		/* slbfee. sets CR0 */
	uint64_t xer;		/* its SO goes to CR0 */
};

/* One trapped guest MMU instruction (slbmte, slbie, slbia, slbmfee,
 * slbmfev, slbfee., tlbie, tlbiel): ILLEGAL (program interrupt) for a bad
 * form or anything else; *dropped as above. */
enum ppcpv_mmu_verdict ppcpv_mmu64_emulate(struct ppcpv_gmmu *m, struct ppcpv_shadow *sh,
					   uint32_t insn, const struct ppcpv_mmu64_regs *regs,
					   uint64_t *dropped);

#endif /* PPCPV_HOST_SHADOW64_H */
