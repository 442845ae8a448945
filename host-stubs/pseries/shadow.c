// SPDX-License-Identifier: MIT
/*
 * The guest's own hash MMU on pseries (host config mmu = "shadow"), on the
 * portable core of host-stubs/arch/book3s/mmu:
 *
 *   guest real mode (IR=DR=0)  the flat map of mmu.c: guest EA x -> host
 *                              guest_base + x, bounded by guest RAM, built
 *                              at boot, host SLB slots 0 and 1;
 *   any translated mode        the shadow: host SLB slots from 2 up, filled
 *                              at host segment faults, host HPTEs put in
 *                              with H_ENTER at host DSI/ISI after the
 *                              guest walk, under host VSIDs per tag.
 *
 * Both run at real PR=IR=DR=1; which one the host SLB holds is switched at
 * guest entry when the guest's IR/DR change.  The flat map's VSIDs (ESID +
 * 0x100, below 2^37) and the shadow's (from 2^40) never meet, and the flat
 * map's HPTEs are bolted so that eviction never takes them.
 */
#include <ppcpv/isa/hash64.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/shadow64.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/isa/insn.h>
#include "pseries.h"
#include "trap_area.h"

/* Host VSIDs for the shadow: far above the flat map's. */
#define SHADOW_VSID_FIRST	(UINT64_C(1) << 40)
#define SHADOW_VSID_COUNT	(UINT64_C(1) << 20)
/* Reverse map: shadow PTEs remembered before a full flush. */
#define RMAP_RECORDS		4096
#define RMAP_BUCKETS		1024
#define GUEST_HPT_BYTES		(UINT64_C(1) << PPCPV_GUEST_PFT_SHIFT)
#define SEGMENT_MASK		((UINT64_C(1) << PPC_SID_SHIFT) - 1)

/* Cleared by their init functions: out of .bss (host.ld). */
#define NOINIT	__attribute__((section(".noinit")))
static uint64_t guest_hpt[GUEST_HPT_BYTES / sizeof(uint64_t)] NOINIT __attribute__((aligned(16)));
static struct ppcpv_rmap_rec rmap_rec[RMAP_RECORDS] NOINIT;
static uint32_t rmap_bucket[RMAP_BUCKETS] NOINIT;
static struct ppcpv_gmmu gmmu;
static struct ppcpv_shadow shadow;
static int enabled;
/* The host SLB holds the shadow (1) or the flat map (0). */
static int translated_loaded;

/* ---- The host hash table, for the portable shadow ------------------------ */

static long host_enter(void *ctx, uint64_t ptex, uint64_t v, uint64_t r, uint64_t *slot)
{
	unsigned long rets[3] = { 0, 0, 0 };
	long status = ppcpv_papr_hcall(H_ENTER, 0, ptex, v, r, rets);

	*slot = rets[0];
	return status;
}

static long host_remove(void *ctx, uint64_t flags, uint64_t ptex, uint64_t avpn)
{
	return ppcpv_papr_hcall(H_REMOVE, flags, ptex, avpn, 0, NULL);
}

static const struct ppcpv_shadow_ops host_table = {
	.enter = host_enter,
	.remove = host_remove,
};

/* ---- The host SLB ------------------------------------------------------- */

static void slb_invalidate(uint64_t ea)
{
	__asm__ __volatile__("slbie %0" : : "r"(ea & ~SEGMENT_MASK) : "memory");
}

/* Shadow SLB entries made unused: gone from the host SLB too (only while
 * it holds the shadow: otherwise they are not there, and an ESID may be
 * the flat map's). */
static void slb_drop(uint64_t mask)
{
	unsigned int i;

	if (!translated_loaded)
		return;
	for (i = 0; mask; i++, mask >>= 1)
		if (mask & 1)
			slb_invalidate(shadow.slb.e[i].rb);
}

static void slb_load(const struct ppcpv_slb_load *load)
{
	slb_drop(load->dropped);
	if (load->valid)
		__asm__ __volatile__("slbmte %0,%1; isync" : : "r"(load->rs), "r"(load->rb) : "memory");
}

/* ---- The rfid sites of start.S's fast exits (trap_area.h) --------------------- */

/* A section of its own: out of the block of this file's variables the
 * compiler reaches from one base register (gmmu first, then shadow), so
 * that the fault path's code does not pay for it. */
struct rfid_sites shadow_rfid_sites __attribute__((section(".bss.rfid_sites")));

/* The guest's translation may change: no remembered site stays. */
static void sites_forget(void)
{
	shadow_rfid_sites.gen++;
}

/* The shared page's byte order changed (main.c): the sites' keys are in it. */
void rfid_sites_forget(void)
{
	sites_forget();
}

/* Bits clear in rfid's word in either byte order (one rlwinm. to test). */
#define RFID_EITHER_ORDER_ZERO	0x00ffff00u
_Static_assert(!((PPC_INST_RFID | __builtin_bswap32(PPC_INST_RFID)) & RFID_EITHER_ORDER_ZERO),
	       "rfid's middle bytes are zero");

/* An instruction fetched at ea through gpa: remembered if it is an rfid in
 * either byte order (its word loaded as start.S loads it, in the host's
 * order; start.S checks the guest's MSR[LE] against the order that
 * matched) that keeps PR, IR and DR (any other start.S turns away at its
 * site: not noted, it is turned away sooner), its key in the shared page's
 * order (start.S compares it with the MSR as the page holds it; so are
 * the MSR and SRR1 here, with masks in that order).  gpa is checked by
 * the caller afterwards: here only as far as the load needs. */
static void rfid_site_note(const struct ppcpv_vcpu *v, uint64_t ea, uint64_t gpa)
{
	struct rfid_site *s;
	uint64_t msr, srr1;
	uint32_t word;

	if (gpa > v->cfg.ram_size - sizeof(uint32_t))
		return;
	word = *(const uint32_t *)(const void *)(v->cfg.ram + gpa);
	/* every fetch comes here: most words fail the first, cheap test */
	if ((word & RFID_EITHER_ORDER_ZERO) ||
	    (word != PPC_INST_RFID && word != __builtin_bswap32(PPC_INST_RFID)))
		return;
	__builtin_memcpy(&msr, v->shared + PPCPV_SHARED_MSR, sizeof(msr));
	__builtin_memcpy(&srr1, v->shared + PPCPV_SHARED_SRR1, sizeof(srr1));
	if ((msr ^ srr1) & ppcpv_shared_order64(v, PPCPV_SHADOW_MODE_BITS))
		return;
	s = &shadow_rfid_sites.e[(ea / sizeof(uint32_t)) % RFID_SITES];
	s->ea = ea;
	s->key = msr & ppcpv_shared_order64(v, RFID_SITE_KEY);
	s->gpa = gpa;
	s->gen = shadow_rfid_sites.gen;
}

/* ---- Set-up ------------------------------------------------------------------ */

const char *shadow_init(const struct machine *m, uint64_t magic_pa)
{
	const struct ppcpv_hostcfg *c = &m->cfg;
	const int has_io = c->hostdev_base != PPCPV_HOSTDEV_NONE;
	const struct ppcpv_gmmu_config gcfg = {
		.slb_size = PPCPV_GUEST_SLB_SIZE,
		.hpt = {
			.mem = guest_hpt,
			.mem_bytes = sizeof(guest_hpt),
			.shift = PPCPV_GUEST_PFT_SHIFT,
			.ram_size = c->guest_size,
			.io_base = has_io ? c->hostdev_base : 0,
			.io_size = has_io ? PPCPV_MAGIC_PAGE_SIZE : 0,
		},
		.rma_size = c->guest_size,
	};
	const struct ppcpv_shadow_config scfg = {
		.vsid_first = SHADOW_VSID_FIRST,
		.vsid_count = SHADOW_VSID_COUNT,
		.htab_shift = m->pft_shift,
		.slb_first = MMU_FLAT_SLB_SLOTS,
		.slb_count = m->slb_size - MMU_FLAT_SLB_SLOTS,
		.guest_base = c->guest_base,
		.guest_size = c->guest_size,
		.magic_pa = magic_pa,
		.rmap_rec = rmap_rec,
		.rmap_cap = RMAP_RECORDS,
		.rmap_bucket = rmap_bucket,
		.rmap_nbuckets = RMAP_BUCKETS,
		.ops = &host_table,
	};
	const char *why;

	if (m->slb_size <= MMU_FLAT_SLB_SLOTS)
		return "QEMU's SLB is too small for a shadow";
	why = ppcpv_gmmu_init(&gmmu, &gcfg);
	if (!why)
		why = ppcpv_shadow_init(&shadow, &scfg);
	if (why)
		return why;
	/* Every guest HPTE that goes or changes drops its shadows. */
	gmmu.hpt.changed = ppcpv_shadow_gpages_changed;
	gmmu.hpt.changed_ctx = &shadow;
	/* no site is valid yet: every entry's gen is 0 */
	shadow_rfid_sites.gen = 1;
	enabled = 1;
	return NULL;
}

int shadow_enabled(void)
{
	return enabled;
}

/* ---- Guest entry: which context the host SLB holds ------------------------ */

static int translated(uint64_t msr)
{
	return !!(msr & (PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR));
}

/* The shadow SLB of the mode the guest enters: the host's shadow slots
 * emptied (slbia keeps slot 0, the flat map's, which the translated modes
 * leave empty) and the kept entries loaded. */
static void switch_shadow_slb(uint64_t msr, int want)
{
	uint64_t reload, mask;
	unsigned int i;

	if (!ppcpv_shadow_set_mode(&shadow, msr, &reload) && !reload)
		return;
	if (translated_loaded)
		__asm__ __volatile__("slbia" : : : "memory");
	if (!want)
		return;		/* real mode: the flat map, loaded below */
	for (i = 0, mask = reload; mask; i++, mask >>= 1)
		if (mask & 1)
			__asm__ __volatile__("slbmte %0,%1" : : "r"(shadow.slb.e[i].rs),
					     "r"(shadow.slb.e[i].rb) : "memory");
	__asm__ __volatile__("isync" : : : "memory");
}

void shadow_entry(const struct ppcpv_vcpu *v)
{
	uint64_t msr = ppcpv_vcpu_msr(v);
	int want = translated(msr);

	switch_shadow_slb(msr, want);
	if (want != translated_loaded) {
		if (want)
			mmu_flat_suspend();
		else
			mmu_flat_resume();
		translated_loaded = want;
	}
}

/* The magic page the core maps or moves: the walk's copy follows. */
void shadow_magic_changed(const struct ppcpv_vcpu *v)
{
	int same = gmmu.magic.mapped == !!v->magic.mapped &&
		   (!v->magic.mapped || (gmmu.magic.ea == v->magic.ea && gmmu.magic.pa == v->magic.pa));

	if (same)
		return;
	sites_forget();
	if (v->magic.mapped)
		ppcpv_gmmu_set_magic(&gmmu, v->magic.ea, v->magic.pa);
	else
		ppcpv_gmmu_clear_magic(&gmmu);
	slb_drop(ppcpv_shadow_flush_all(&shadow));
}

/* ---- Host faults while the guest translates --------------------------------- */

static void reflect(struct ppcpv_vcpu *v, const struct ppcpv_guest_fault *f)
{
	v->stats.guest_faults++;
	ppcpv_book3s_raise(v, f->vector, f->srr1, f->dar, f->dsisr);
}

int shadow_fault(struct ppcpv_vcpu *v, struct ppcpv_exit *e)
{
	const int fetch = e->vector == PPC_BOOK3S_VEC_ISI || e->vector == PPC_BOOK3S_VEC_ISEG;
	const int segment = e->vector == PPC_BOOK3S_VEC_DSEG || e->vector == PPC_BOOK3S_VEC_ISEG;
	uint64_t msr = ppcpv_vcpu_msr(v);
	uint64_t ea = ppcpv_vcpu_ea(v, fetch ? v->regs.pc : e->dar);
	enum ppcpv_access acc = fetch ? PPCPV_ACCESS_FETCH :
				(e->data_cause & PPC_BOOK3S_DSISR_STORE) ? PPCPV_ACCESS_STORE :
				PPCPV_ACCESS_LOAD;
	struct ppcpv_slb_load load = { 0 };
	struct ppcpv_guest_fault fault;
	struct ppcpv_xlate x;

	if (!translated_loaded)
		return segment && mmu_flat_real_alias(v, ea);
	if (segment) {
		if (!ppcpv_shadow_map_segment(&shadow, &gmmu, msr, ea, acc, &load, &fault)) {
			reflect(v, &fault);
			return 1;
		}
		slb_load(&load);
		v->stats.shadow_faults++;
		return 1;
	}
	if (!ppcpv_gmmu_xlate(&gmmu, msr, ea, acc, &x)) {
		reflect(v, &x.fault);
		return 1;
	}
	switch (ppcpv_shadow_map_page(&shadow, &gmmu, msr, ea, acc, &x, &load)) {
	case PPCPV_SHADOW_MAPPED:
		slb_load(&load);
		v->stats.shadow_faults++;
		return 1;
	case PPCPV_SHADOW_IO:
		/* The device: the core emulates the access at its guest
		 * real address. */
		e->dar = x.gra;
		return 0;
	case PPCPV_SHADOW_HOST_ERROR:
	default:
		v->fatal = "the host hash table refused a shadow PTE";
		return -1;
	}
}

/* ---- Through the core's ops ------------------------------------------------ */

static inline __attribute__((always_inline)) int translate_fetch(const struct ppcpv_vcpu *v,
								    uint64_t msr, uint64_t ea,
								    uint64_t *gpa)
{
	struct ppcpv_xlate x;

	if (!(msr & PPC_BOOK3S_MSR_IR)) {
		*gpa = ea & PPC_REAL_ADDR_MASK;	/* the flat map: bounded by the caller */
		return 0;
	}
	if (!ppcpv_gmmu_xlate(&gmmu, msr, ea, PPCPV_ACCESS_FETCH, &x) || x.kind != PPCPV_GRA_RAM)
		return -1;
	*gpa = x.gra;
	return 0;
}

int shadow_fetch_gpa(void *ctx, const struct ppcpv_vcpu *v, uint64_t ea, uint64_t *gpa)
{
	return translate_fetch(v, ppcpv_vcpu_msr(v), ea, gpa);
}

int shadow_fetch_insn_gpa(void *ctx, const struct ppcpv_vcpu *v, uint64_t ea, uint64_t *gpa)
{
	uint64_t msr = ppcpv_vcpu_msr(v);

	if (translate_fetch(v, msr, ea, gpa))
		return -1;
	rfid_site_note(v, ea, *gpa);
	return 0;
}

enum ppcpv_emul_result shadow_mmu_insn(void *ctx, struct ppcpv_vcpu *v, uint32_t insn)
{
	const struct ppcpv_mmu64_regs regs = { v->regs.gpr, &v->regs.cr, v->regs.xer };
	uint64_t dropped;

	sites_forget();
	if (ppcpv_mmu64_emulate(&gmmu, &shadow, insn, &regs, &dropped) != PPCPV_MMU_DONE) {
		/* As the CPU does for a bad form: illegal instruction. */
		ppcpv_book3s_raise(v, PPC_BOOK3S_VEC_PROGRAM, PPC_BOOK3S_SRR1_PROG_ILLEGAL, 0, 0);
		v->stats.program_reflected++;
		return PPCPV_EMUL_JUMPED;
	}
	slb_drop(dropped);
	return ppcpv_emul_done(v, PPCPV_EMUL_KIND_MMU);
}

/* ---- PAPR page frame table calls ----------------------------------------------- */

int shadow_hcall(uint64_t opcode, struct ppcpv_hcall_args *a, long *status)
{
	sites_forget();
	return ppcpv_ghpt_hcall(&gmmu.hpt, opcode, a, status);
}
