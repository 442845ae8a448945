// SPDX-License-Identifier: MIT
/*
 * Unit tests of the shadow side (host-stubs/arch/book3s/mmu: tag.c,
 * sidmap.c, sslb.c, rmap.c, shadow.c, guest_insn.c).  The host's hash
 * table is a fake reached through the ops: a second hash table served by
 * the same hypercall code, so every shadow PTE also passes QEMU's H_ENTER
 * rules (WIMG = M for RAM, valid page size), and every call is counted.
 */
#include <ppcpv/abi.h>
#include <ppcpv/host/shadow64.h>
#include <ppcpv/isa/papr.h>
#include "ppcpv_test.h"
#include "test_mmu64_fixture.h"

#define SF		0x8000000000000000ULL
#define PR		0x4000ULL
#define IR		0x20ULL
#define DR		0x10ULL
#define VIRT		(SF | IR | DR)
#define KS		0x800ULL
#define KP		0x400ULL
#define SEG_N		0x200ULL
#define LLP_64K		0x110ULL
#define V_BIT		0x08000000ULL
#define VSID		0x1234567ULL
#define EA		0xc000000000345000ULL
#define MAGIC		0xfffffffffffff000ULL

#define HOST_RAM	0x40000000ULL
#define GUEST_BASE	0x10000000ULL
#define MAGIC_PA	0x8000ULL
#define VSID_FIRST	0x1000ULL
#define SLB_FIRST	2
#define SLB_COUNT	8
#define RMAP_CAP	64

/* The host's hash table and what was asked of it. */
static struct fake_host {
	struct ppcpv_ghpt hpt;
	uint64_t mem[(1u << 18) / 8] __attribute__((aligned(16)));
	unsigned int enters, removes, removed, evict_tries;
	long force_enter;	/* nonzero: enter answers this */
	uint64_t last_v, last_r;
} host;

static struct ppcpv_shadow sh;
static struct ppcpv_rmap_rec rmap_rec[RMAP_CAP];
static uint32_t rmap_bucket[16];

static long fake_enter(void *ctx, uint64_t ptex, uint64_t v, uint64_t r, uint64_t *slot)
{
	struct fake_host *f = ctx;
	struct ppcpv_hcall_args a = { { 0, ptex, v, r } };
	long status;

	f->enters++;
	if (f->force_enter)
		return f->force_enter;
	status = ppcpv_h_enter(&f->hpt, &a);
	if (status == H_SUCCESS) {
		*slot = a.gpr[0];
		f->last_v = v;
		f->last_r = r;
	}
	return status;
}

static long fake_remove(void *ctx, uint64_t flags, uint64_t ptex, uint64_t avpn)
{
	struct fake_host *f = ctx;
	struct ppcpv_hcall_args a = { { flags, ptex, avpn } };
	long status = ppcpv_h_remove(&f->hpt, &a);

	f->removes++;
	f->evict_tries += !!(flags & H_ANDCOND);
	f->removed += status == H_SUCCESS;
	return status;
}

static const struct ppcpv_shadow_ops fake_ops = { fake_enter, fake_remove };

static struct ppcpv_shadow_config config(void)
{
	return (struct ppcpv_shadow_config){
		.vsid_first = VSID_FIRST, .vsid_count = 1000, .htab_shift = 18,
		.slb_first = SLB_FIRST, .slb_count = SLB_COUNT,
		.guest_base = GUEST_BASE, .guest_size = MX_RAM_SIZE, .magic_pa = MAGIC_PA,
		.rmap_rec = rmap_rec, .rmap_cap = RMAP_CAP,
		.rmap_bucket = rmap_bucket, .rmap_nbuckets = 16,
		.ops = &fake_ops, .ops_ctx = &host,
	};
}

/* Guest MMU (mx), host table, shadow, and the guest table telling the
 * shadow about changes. */
static void setup_with(struct ppcpv_shadow_config cfg)
{
	const struct ppcpv_ghpt_config hc = { .mem = host.mem, .mem_bytes = sizeof(host.mem),
					      .shift = 18, .ram_size = HOST_RAM };

	mx_init();
	CU_ASSERT_PTR_NULL_FATAL(ppcpv_ghpt_init(&host.hpt, &hc));
	host.enters = host.removes = host.removed = host.evict_tries = 0;
	host.force_enter = 0;
	CU_ASSERT_PTR_NULL_FATAL(ppcpv_shadow_init(&sh, &cfg));
	mx.gm.hpt.changed = ppcpv_shadow_gpages_changed;
	mx.gm.hpt.changed_ctx = &sh;
}

static void setup(void)
{
	setup_with(config());
}

/* setup(), then a guest segment at EA and one page at EA that the guest
 * kernel may read and write, at guest-physical PAGE_GPA; its ptex. */
#define PAGE_GPA	0x42000ULL
static uint64_t setup_one_page(void)
{
	setup();
	mx_slb(0, EA, VSID, KS);
	return mx_enter(VSID, EA, 12, PAGE_GPA, 0x2, false);
}

/* Valid entries in the host table. */
static unsigned int host_entries(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < (1u << 18) / 16; i++)
		n += host.mem[i * 2] & 1;
	return n;
}

/* What the host does after a DSI/ISI at ea: walk, then map; the walk must
 * succeed. */
static enum ppcpv_shadow_result fault_in(uint64_t msr, uint64_t ea, enum ppcpv_access acc,
					 struct ppcpv_slb_load *load)
{
	struct ppcpv_xlate x;

	CU_ASSERT_TRUE_FATAL(ppcpv_gmmu_xlate(&mx.gm, msr, ea, acc, &x));
	return ppcpv_shadow_map_page(&sh, &mx.gm, msr, ea, acc, &x, load);
}

/* ---- Tags ------------------------------------------------------------------------ */

static void test_tags(void)
{
	uint64_t t, seen[16];
	unsigned int n = 0, i, j, mode;

	setup();
	mx_slb(0, EA, VSID, KS | SEG_N | LLP_64K);
	CU_ASSERT_TRUE(ppcpv_shadow_tag(&mx.gm, VIRT, EA, &t));
	CU_ASSERT_EQUAL(t, VSID | PPCPV_TAG_TRANSLATED | PPCPV_TAG_KEY | PPCPV_TAG_NOEXEC |
			       PPCPV_TAG_64K);
	CU_ASSERT_TRUE(ppcpv_shadow_tag(&mx.gm, VIRT | PR, EA, &t));	/* Kp = 0 */
	CU_ASSERT_EQUAL(t, VSID | PPCPV_TAG_PR | PPCPV_TAG_NOEXEC | PPCPV_TAG_64K);
	CU_ASSERT_TRUE(ppcpv_shadow_tag(&mx.gm, SF, EA, &t));
	CU_ASSERT_EQUAL(t, PPCPV_TAG_REAL | PPCPV_TAG_NO_SLB | (EA >> 28));
	CU_ASSERT_FALSE(ppcpv_shadow_tag(&mx.gm, VIRT, 0, &t));
	CU_ASSERT_TRUE(ppcpv_shadow_tag(&mx.gm, SF | IR, 0, &t));
	CU_ASSERT_EQUAL(t, PPCPV_TAG_IR_ONLY | PPCPV_TAG_NO_SLB);
	/* one segment in every mode and state: all different */
	for (mode = 0; mode < 8; mode++) {
		uint64_t msr = SF | (mode & 1 ? PR : 0) | (mode & 2 ? IR : 0) | (mode & 4 ? DR : 0);

		CU_ASSERT_TRUE(ppcpv_shadow_tag(&mx.gm, msr, EA, &seen[n]));
		n++;
	}
	/* the same ESID with no SLB entry, and a guest VSID equal to it */
	ppcpv_gslb_slbie(&mx.gm.slb, EA);
	mx_slb(1, 0x10000000ULL * (EA >> 28 & 0xf), EA >> 28, KS);
	CU_ASSERT_TRUE(ppcpv_shadow_tag(&mx.gm, SF | IR, EA, &seen[n++]));
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			CU_ASSERT_NOT_EQUAL(seen[i], seen[j]);
}

static void test_tag_magic_segment(void)
{
	uint64_t t;

	setup();
	ppcpv_gmmu_set_magic(&mx.gm, MAGIC, MAGIC);
	CU_ASSERT_TRUE(ppcpv_shadow_tag(&mx.gm, VIRT, MAGIC - 0x100000, &t));
	CU_ASSERT_EQUAL(t, PPCPV_TAG_NO_SLB | (MAGIC >> 28));
	CU_ASSERT_FALSE(ppcpv_shadow_tag(&mx.gm, VIRT | PR, MAGIC, &t));
}

/* ---- The sid map ------------------------------------------------------------------- */

static void test_sidmap(void)
{
	struct ppcpv_sidmap s;
	uint64_t v1, v2, v;

	CU_ASSERT_PTR_NOT_NULL(ppcpv_sidmap_init(&s, 0, 10));
	CU_ASSERT_PTR_NOT_NULL(ppcpv_sidmap_init(&s, 5, 0));
	CU_ASSERT_PTR_NOT_NULL(ppcpv_sidmap_init(&s, 1ULL << 50, 1));
	CU_ASSERT_PTR_NOT_NULL(ppcpv_sidmap_init(&s, (1ULL << 50) - 1, 2));
	CU_ASSERT_PTR_NOT_NULL(ppcpv_sidmap_init(&s, 2, UINT64_MAX));
	CU_ASSERT_PTR_NULL(ppcpv_sidmap_init(&s, (1ULL << 50) - 1, 1));
	CU_ASSERT_PTR_NULL_FATAL(ppcpv_sidmap_init(&s, 100, 3));
	CU_ASSERT_EQUAL(ppcpv_sidmap_find(&s, 7), 0);
	CU_ASSERT_FALSE(ppcpv_sidmap_get(&s, 7, &v1));
	CU_ASSERT_FALSE(ppcpv_sidmap_get(&s, 8, &v2));
	CU_ASSERT_EQUAL(v1, 100);
	CU_ASSERT_EQUAL(v2, 101);
	CU_ASSERT_FALSE(ppcpv_sidmap_get(&s, 7, &v));
	CU_ASSERT_EQUAL(v, 100);
	CU_ASSERT_EQUAL(ppcpv_sidmap_find(&s, 8), 101);
	CU_ASSERT_FALSE(ppcpv_sidmap_get(&s, 9, &v));
	CU_ASSERT_EQUAL(v, 102);
	/* the range is used up: the next new tag wraps and empties the map */
	CU_ASSERT_TRUE(ppcpv_sidmap_get(&s, 10, &v));
	CU_ASSERT_EQUAL(v, 100);
	CU_ASSERT_EQUAL(ppcpv_sidmap_find(&s, 7), 0);
	CU_ASSERT_EQUAL(ppcpv_sidmap_find(&s, 10), 100);
}

/* Tags 1, 0x200 and 0x403 fold to the same probe pair (9-bit chunks
 * XORed): the third pushes one out, which then gets a fresh VSID. */
static void test_sidmap_collisions(void)
{
	struct ppcpv_sidmap s;
	uint64_t v[3], again;
	unsigned int i, kept = 0;

	CU_ASSERT_PTR_NULL_FATAL(ppcpv_sidmap_init(&s, 1, 100));
	ppcpv_sidmap_get(&s, 1, &v[0]);
	ppcpv_sidmap_get(&s, 0x200, &v[1]);
	CU_ASSERT_EQUAL(ppcpv_sidmap_find(&s, 1), v[0]);
	CU_ASSERT_EQUAL(ppcpv_sidmap_find(&s, 0x200), v[1]);
	ppcpv_sidmap_get(&s, 0x403, &v[2]);
	CU_ASSERT_EQUAL(ppcpv_sidmap_find(&s, 0x403), v[2]);
	kept += ppcpv_sidmap_find(&s, 1) == v[0];
	kept += ppcpv_sidmap_find(&s, 0x200) == v[1];
	CU_ASSERT_EQUAL(kept, 1);
	for (i = 0; i < 2; i++) {
		uint64_t tag = i ? 0x200 : 1;

		if (!ppcpv_sidmap_find(&s, tag)) {
			ppcpv_sidmap_get(&s, tag, &again);
			CU_ASSERT_EQUAL(again, 4);		/* never a reused VSID */
		}
	}
}

/* ---- Shadow SLB ---------------------------------------------------------------------- */

static void test_map_segment(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_guest_fault fault;
	unsigned int i;

	setup();
	mx_slb(0, EA, VSID, KS);
	CU_ASSERT_TRUE(ppcpv_shadow_map_segment(&sh, &mx.gm, VIRT, EA, PPCPV_ACCESS_LOAD, &load,
						&fault));
	CU_ASSERT_TRUE(load.valid);
	CU_ASSERT_EQUAL(load.slot, SLB_FIRST);
	CU_ASSERT_EQUAL(load.rb, (EA & ~0xfffffffULL) | V_BIT | SLB_FIRST);
	CU_ASSERT_EQUAL(load.rs, VSID_FIRST << 12 | KS);		/* Kp = 0, 4K pages */
	CU_ASSERT_EQUAL(load.dropped, 0);
	/* again: the same entry, loaded again */
	CU_ASSERT_TRUE(ppcpv_shadow_map_segment(&sh, &mx.gm, VIRT, EA + 8, PPCPV_ACCESS_FETCH,
						&load, &fault));
	CU_ASSERT_EQUAL(load.slot, SLB_FIRST);
	CU_ASSERT_EQUAL(sh.stats.segments, 1);
	/* no guest segment: the guest's segment fault */
	CU_ASSERT_FALSE(ppcpv_shadow_map_segment(&sh, &mx.gm, VIRT, 0x1000, PPCPV_ACCESS_STORE,
						 &load, &fault));
	CU_ASSERT_EQUAL(fault.vector, 0x380);
	CU_ASSERT_EQUAL(fault.dar, 0x1000);
	CU_ASSERT_FALSE(load.valid);
	CU_ASSERT_FALSE(ppcpv_shadow_map_segment(&sh, &mx.gm, VIRT, 0x1000, PPCPV_ACCESS_FETCH,
						 &load, &fault));
	CU_ASSERT_EQUAL(fault.vector, 0x480);
	/* fill every slot (real mode: any ESID), then one more: all dropped */
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0, PPCPV_ACCESS_LOAD, &load, &fault);
	CU_ASSERT_EQUAL(load.dropped, 1);			/* the mode changed */
	for (i = 1; i < SLB_COUNT; i++) {
		ppcpv_shadow_map_segment(&sh, &mx.gm, SF, (uint64_t)i << 28, PPCPV_ACCESS_LOAD,
					 &load, &fault);
		CU_ASSERT_EQUAL(load.slot, SLB_FIRST + i);
		CU_ASSERT_EQUAL(load.dropped, 0);
	}
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0x80000000ULL, PPCPV_ACCESS_LOAD, &load, &fault);
	CU_ASSERT_EQUAL(load.dropped, (1u << SLB_COUNT) - 1);
	CU_ASSERT_EQUAL(load.slot, SLB_FIRST);
	/* a dropped entry keeps its ESID for the host's slbie */
	CU_ASSERT_EQUAL(sh.slb.e[1].rb, 1ULL << 28 | (SLB_FIRST + 1));
}

static void test_set_mode_and_drops(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_guest_fault fault;
	uint64_t reload;

	setup();
	/* the first mode: nothing held, nothing to load */
	CU_ASSERT_FALSE(ppcpv_shadow_set_mode(&sh, SF, &reload));
	CU_ASSERT_EQUAL(reload, 0);
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0, PPCPV_ACCESS_LOAD, &load, &fault);
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0x30000000, PPCPV_ACCESS_LOAD, &load, &fault);
	/* EE is no mode bit */
	CU_ASSERT_FALSE(ppcpv_shadow_set_mode(&sh, SF | 0x8000 /* EE */, &reload));
	CU_ASSERT_EQUAL(reload, 0);
	CU_ASSERT_EQUAL(ppcpv_shadow_slb_drop_esid(&sh, 3), 2);
	CU_ASSERT_EQUAL(ppcpv_shadow_slb_drop_esid(&sh, 3), 0);
	/* the freed entry is used again before a new one */
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0x50000000, PPCPV_ACCESS_LOAD, &load, &fault);
	CU_ASSERT_EQUAL(load.slot, SLB_FIRST + 1);
	/* to user state: the host empties its slots, nothing comes back yet */
	CU_ASSERT_TRUE(ppcpv_shadow_set_mode(&sh, SF | PR, &reload));
	CU_ASSERT_EQUAL(reload, 0);
	CU_ASSERT_EQUAL(ppcpv_shadow_slb_flush(&sh) & 3, 0);
}

/* Back to a mode left before: its shadow SLB as it was, less what the
 * guest changed meanwhile; a flush forgets the kept ones too. */
static void test_set_mode_keeps_slbs(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_guest_fault fault;
	uint64_t reload, sup_rs;

	setup();
	ppcpv_shadow_set_mode(&sh, SF, &reload);
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0, PPCPV_ACCESS_LOAD, &load, &fault);
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0x30000000, PPCPV_ACCESS_LOAD, &load, &fault);
	sup_rs = sh.slb.e[0].rs;
	/* user state gets its own entry in the same host slot */
	CU_ASSERT_TRUE(ppcpv_shadow_set_mode(&sh, SF | PR, &reload));
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF | PR, 0x50000000, PPCPV_ACCESS_LOAD, &load, &fault);
	CU_ASSERT_EQUAL(load.slot, SLB_FIRST);
	/* back: both supervisor entries return, to be loaded as they were */
	CU_ASSERT_TRUE(ppcpv_shadow_set_mode(&sh, SF, &reload));
	CU_ASSERT_EQUAL(reload, 3);
	CU_ASSERT_EQUAL(sh.slb.e[0].rs, sup_rs);
	CU_ASSERT_EQUAL(sh.stats.slb_restored, 1);
	/* the guest drops segment 5 while in supervisor state: gone from the
	 * user state's kept entries too, so nothing comes back for it */
	ppcpv_shadow_slb_drop_esid(&sh, 5);
	CU_ASSERT_TRUE(ppcpv_shadow_set_mode(&sh, SF | PR, &reload));
	CU_ASSERT_EQUAL(reload, 0);
	/* a flush forgets what was kept */
	ppcpv_shadow_slb_flush(&sh);
	CU_ASSERT_FALSE(ppcpv_shadow_set_mode(&sh, SF, &reload));
	CU_ASSERT_EQUAL(reload, 0);
}

/* ---- Reverse map ------------------------------------------------------------------------ */

static unsigned int drops;
static uint64_t dropped_ptex[64];

static void count_drop(void *ctx, const struct ppcpv_rmap_rec *rec)
{
	dropped_ptex[drops++ % 64] = rec->host_ptex;
}

static void test_rmap(void)
{
	struct ppcpv_rmap m;
	struct ppcpv_rmap_rec rec[8];
	uint32_t bucket[4];
	unsigned int i;

	CU_ASSERT_PTR_NOT_NULL(ppcpv_rmap_init(&m, rec, 0, bucket, 4));
	CU_ASSERT_PTR_NOT_NULL(ppcpv_rmap_init(&m, rec, 8, bucket, 3));
	CU_ASSERT_PTR_NOT_NULL(ppcpv_rmap_init(&m, 0, 8, bucket, 4));
	CU_ASSERT_PTR_NULL_FATAL(ppcpv_rmap_init(&m, rec, 8, bucket, 4));
	for (i = 0; i < 8; i++)		/* pages 14..21 of segment 5: 3 groups */
		ppcpv_rmap_add(&m, &(struct ppcpv_rmap_rec){ .gvsid = 5, .gpage = 14 + i,
							     .host_v = 0x1000 | i << 7 | 1,
							     .host_ptex = 100 + i });
	CU_ASSERT_TRUE(ppcpv_rmap_full(&m));
	drops = 0;
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_gpages(&m, 6, 14, 8, count_drop, 0), 0);
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_gpages(&m, 5, 16, 0, count_drop, 0), 0);
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_gpages(&m, 5, 16, 1, count_drop, 0), 1);
	CU_ASSERT_EQUAL(dropped_ptex[0], 102);
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_gpages(&m, 5, 15, 3, count_drop, 0), 2);	/* 15, 17 */
	CU_ASSERT_EQUAL(m.count, 5);
	CU_ASSERT_FALSE(ppcpv_rmap_full(&m));
	/* exact: same page, another host AVPN stays */
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_exact(&m, 5, 18, 0x1000 | 3 << 7, count_drop, 0), 0);
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_exact(&m, 5, 18, 0x1000 | 4 << 7 | 3, count_drop, 0), 1);
	/* VPN bits (tlbie): segment 5 page 20 is VPN 5 << 16 | 20 */
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_vpn_bits(&m, 5ULL << 16 | 20, 0xfffffffffULL,
						   count_drop, 0), 1);
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_vpn_bits(&m, 5ULL << 16 | 16, 0xffffffff0ULL,
						   count_drop, 0), 2);	/* 19, 21 */
	CU_ASSERT_EQUAL(m.count, 1);
	/* freed records are reused; then all go */
	for (i = 0; i < 7; i++)
		ppcpv_rmap_add(&m, &(struct ppcpv_rmap_rec){ .gvsid = 9, .gpage = i, .host_v = 1 });
	CU_ASSERT_TRUE(ppcpv_rmap_full(&m));
	CU_ASSERT_FALSE(ppcpv_rmap_add(&m, &(struct ppcpv_rmap_rec){ .gvsid = 9, .host_v = 1 }));
	CU_ASSERT_EQUAL(m.count, 8);
	drops = 0;
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_all(&m, count_drop, 0), 8);
	CU_ASSERT_EQUAL(drops, 8);
	CU_ASSERT_EQUAL(m.count, 0);
	CU_ASSERT_EQUAL(ppcpv_rmap_remove_gpages(&m, 9, 0, 16, count_drop, 0), 0);
}

/* ---- Shadow PTEs ------------------------------------------------------------------------- */

static void test_shadow_pte_builder(void)
{
	struct ppcpv_xlate x = { .gra = 0x345678, .kind = PPCPV_GRA_RAM, .page_shift = 16,
				 .prot = PPCPV_PROT_READ | PPCPV_PROT_WRITE | PPCPV_PROT_EXEC,
				 .wimg = 0xf };
	uint64_t v, r;

	setup();
	ppcpv_shadow_pte(&sh, 0x777, EA, &x, true, &v, &r);
	CU_ASSERT_EQUAL(v, ref_hpte_v(0x777, EA, 12, false));
	/* host PA of the 4K page; R, C, M; WIMG otherwise the guest's is gone */
	CU_ASSERT_EQUAL(r, (GUEST_BASE + 0x345000) | 0x100 | 0x80 | 0x10 | 0x2);
	ppcpv_shadow_pte(&sh, 0x777, EA, &x, false, &v, &r);
	CU_ASSERT_EQUAL(r & 0x7, 0x3);				/* read-only */
	x.prot = PPCPV_PROT_READ;
	ppcpv_shadow_pte(&sh, 0x777, EA, &x, false, &v, &r);
	CU_ASSERT_EQUAL(r & 0x7, 0x4 | 0x3);			/* and no-execute */
	x.kind = PPCPV_GRA_MAGIC;
	ppcpv_shadow_pte(&sh, 0x777, EA, &x, true, &v, &r);
	CU_ASSERT_EQUAL(r & 0x0ffffffffffff000ULL, MAGIC_PA);
}

static void test_map_page_and_h_remove(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_hcall_args a;
	uint64_t p;

	p = setup_one_page();
	CU_ASSERT_EQUAL(fault_in(VIRT, EA + 4, PPCPV_ACCESS_LOAD, &load), PPCPV_SHADOW_MAPPED);
	/* the segment was made on the way */
	CU_ASSERT_TRUE(load.valid);
	CU_ASSERT_EQUAL(load.rs >> 12, VSID_FIRST);
	CU_ASSERT_EQUAL(host.enters, 1);
	CU_ASSERT_EQUAL(host.last_v, ref_hpte_v(VSID_FIRST, EA, 12, false));
	/* writable for the guest, but C is clear: read-only until a store */
	CU_ASSERT_EQUAL(host.last_r, (GUEST_BASE + PAGE_GPA) | 0x100 | 0x80 | 0x10 | 0x3);
	CU_ASSERT_EQUAL(sh.rmap.count, 1);
	/* the next fault in the segment does not make it again */
	CU_ASSERT_EQUAL(fault_in(VIRT, EA + 8, PPCPV_ACCESS_STORE, &load), PPCPV_SHADOW_MAPPED);
	CU_ASSERT_FALSE(load.valid);
	CU_ASSERT_EQUAL(host.last_r & 0x3, 0x2);
	CU_ASSERT_EQUAL(host.removed, 1);			/* the read-only one */
	CU_ASSERT_EQUAL(host_entries(), 1);
	CU_ASSERT_EQUAL(sh.rmap.count, 1);
	CU_ASSERT_TRUE(mx.htab[p * 2 + 1] & 0x80);		/* the guest's C */
	/* the guest removes its entry: the shadow goes */
	a = (struct ppcpv_hcall_args){ { H_AVPN, p, ref_hpte_v(VSID, EA, 12, false) & ~0x7fULL } };
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(host_entries(), 0);
	CU_ASSERT_EQUAL(sh.rmap.count, 0);
	CU_ASSERT_EQUAL(sh.stats.dropped, 2);
}

/* Each call that changes a guest entry drops its shadows, and only them. */
static void test_invalidating_hcalls(void)
{
	static const uint64_t opcodes[] = { H_PROTECT, H_BULK_REMOVE, H_CLEAR_REF, H_CLEAR_MOD };
	struct ppcpv_slb_load load;
	unsigned int i;

	for (i = 0; i < 4; i++) {
		struct ppcpv_hcall_args a;
		uint64_t p;

		p = setup_one_page();
		mx_enter(VSID, EA + 0x1000, 12, 0x43000, 0x2, false);
		fault_in(VIRT, EA, PPCPV_ACCESS_STORE, &load);		/* sets R and C */
		fault_in(VIRT, EA + 0x1000, PPCPV_ACCESS_LOAD, &load);
		CU_ASSERT_EQUAL(host_entries(), 2);
		a = (struct ppcpv_hcall_args){ { 0, p, 0 } };
		if (opcodes[i] == H_BULK_REMOVE)
			a = (struct ppcpv_hcall_args){ { H_BULK_REMOVE_REQUEST | p, 0,
							 H_BULK_REMOVE_END } };
		CU_ASSERT_EQUAL(mx_hcall(opcodes[i], &a), H_SUCCESS);
		CU_ASSERT_EQUAL(host_entries(), 1);
		CU_ASSERT_EQUAL(sh.rmap.count, 1);
	}
}

static void test_64k_guest_pages(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_hcall_args a;
	uint64_t p;

	setup();
	mx_slb(0, EA, VSID, KS | LLP_64K);
	p = mx_enter(VSID, EA, 16, 0x130000, 0x2, false);
	fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load);		/* 0x...345000: 4K #5 */
	fault_in(VIRT, EA + 0x2000, PPCPV_ACCESS_LOAD, &load);
	CU_ASSERT_EQUAL(host_entries(), 2);
	CU_ASSERT_EQUAL(host.last_r & 0x0ffffffffffff000ULL, GUEST_BASE + 0x137000);
	a = (struct ppcpv_hcall_args){ { 0, p, 0 } };
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(host_entries(), 0);
}

static void test_magic_real_and_io(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_xlate x;

	setup();
	ppcpv_gmmu_set_magic(&mx.gm, MAGIC, MAGIC);
	CU_ASSERT_EQUAL(fault_in(VIRT, MAGIC + 0x10, PPCPV_ACCESS_LOAD, &load),
			PPCPV_SHADOW_MAPPED);
	CU_ASSERT_TRUE(load.valid);				/* segment, no guest SLB */
	CU_ASSERT_EQUAL(host.last_r, MAGIC_PA | 0x100 | 0x80 | 0x10 | 0x4 | 0x2);
	/* real mode: guest RAM read/write/execute */
	CU_ASSERT_EQUAL(fault_in(SF, 0x5008, PPCPV_ACCESS_FETCH, &load), PPCPV_SHADOW_MAPPED);
	CU_ASSERT_EQUAL(host.last_r, (GUEST_BASE + 0x5000) | 0x100 | 0x80 | 0x10 | 0x2);
	CU_ASSERT_EQUAL(host.last_v, ref_hpte_v(VSID_FIRST + 1, 0x5008, 12, false));
	/* the I/O window is never shadowed */
	CU_ASSERT_EQUAL(fault_in(SF, MX_IO_BASE, PPCPV_ACCESS_STORE, &load), PPCPV_SHADOW_IO);
	CU_ASSERT_EQUAL(host.enters, 2);
	/* a translation outside guest RAM is refused, whatever made it */
	x = (struct ppcpv_xlate){ .gra = MX_RAM_SIZE, .kind = PPCPV_GRA_RAM,
				  .prot = PPCPV_PROT_READ, .gvsid = PPCPV_GVSID_NONE };
	CU_ASSERT_EQUAL(ppcpv_shadow_map_page(&sh, &mx.gm, SF, 0x1000, PPCPV_ACCESS_LOAD, &x, &load),
			PPCPV_SHADOW_HOST_ERROR);
	x.gra = UINT64_MAX;
	CU_ASSERT_EQUAL(ppcpv_shadow_map_page(&sh, &mx.gm, SF, 0x1000, PPCPV_ACCESS_LOAD, &x, &load),
			PPCPV_SHADOW_HOST_ERROR);
	CU_ASSERT_EQUAL(host.enters, 2);
	/* guest user and kernel never share a host segment or PTE */
	CU_ASSERT_EQUAL(fault_in(SF | PR, 0x5008, PPCPV_ACCESS_LOAD, &load), PPCPV_SHADOW_MAPPED);
	CU_ASSERT_TRUE(load.valid);
	CU_ASSERT_EQUAL(load.rs >> 12, VSID_FIRST + 2);
}

/* Fill both host groups of the shadow's VPN with entries the host did not
 * bolt (bolted), so the insert must evict (or cannot). */
static void fill_host_groups(uint64_t host_vsid, uint64_t ea, uint64_t sw)
{
	unsigned int g, i;

	for (g = 0; g < 2; g++)
		for (i = 0; i < 8; i++) {
			uint64_t *e = &host.mem[(ref_group_ptex(host_vsid, ea, 12, g) + i) * 2];

			e[0] = ref_hpte_v(0x999, ea + i * 0x1000, 12, g) | sw;
			e[1] = 0x10;
		}
}

static void test_eviction(void)
{
	struct ppcpv_slb_load load;

	setup_one_page();
	fill_host_groups(VSID_FIRST, EA, 0);
	CU_ASSERT_EQUAL(fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load), PPCPV_SHADOW_MAPPED);
	CU_ASSERT_EQUAL(host.enters, 3);			/* full, full, after eviction */
	CU_ASSERT_EQUAL(host.evict_tries, 1);
	CU_ASSERT_EQUAL(sh.stats.evictions, 1);
	CU_ASSERT_EQUAL(host_entries(), 16);
	/* everything bolted: nothing to evict */
	setup_one_page();
	fill_host_groups(VSID_FIRST, EA, 0x10);
	CU_ASSERT_EQUAL(fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load), PPCPV_SHADOW_HOST_ERROR);
	CU_ASSERT_EQUAL(host.evict_tries, 8);
	CU_ASSERT_EQUAL(sh.rmap.count, 0);
	/* a host failure other than a full group */
	setup_one_page();
	host.force_enter = H_HARDWARE;
	CU_ASSERT_EQUAL(fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load), PPCPV_SHADOW_HOST_ERROR);
	CU_ASSERT_EQUAL(host.enters, 1);
}

/* A shadow goes into the secondary group when the primary is full, and is
 * still removed by the guest's H_REMOVE. */
static void test_secondary_group(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_hcall_args a;
	unsigned int i;
	uint64_t p;

	p = setup_one_page();
	for (i = 0; i < 8; i++)
		host.mem[(ref_group_ptex(VSID_FIRST, EA, 12, false) + i) * 2] =
			ref_hpte_v(0x999, EA, 12, false) | 0x10;
	CU_ASSERT_EQUAL(fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load), PPCPV_SHADOW_MAPPED);
	CU_ASSERT_EQUAL(host.last_v, ref_hpte_v(VSID_FIRST, EA, 12, true));
	CU_ASSERT_EQUAL(host_entries(), 9);
	a = (struct ppcpv_hcall_args){ { 0, p, 0 } };
	mx_hcall(H_REMOVE, &a);
	CU_ASSERT_EQUAL(host_entries(), 8);
}

/* The host evicted a shadow and gave its slot to another page: dropping
 * the shadow later must leave that page's entry alone (H_AVPN). */
static void test_stale_slot_left_alone(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_hcall_args a;
	uint64_t p, slot, other;

	p = setup_one_page();
	fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load);
	slot = sh.rmap.rec[0].host_ptex;
	other = ref_hpte_v(0x999, EA, 12, false);
	host.mem[slot * 2] = other;
	a = (struct ppcpv_hcall_args){ { 0, p, 0 } };
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(host.mem[slot * 2], other);
	CU_ASSERT_EQUAL(sh.rmap.count, 0);
}

static void test_rmap_full_flushes_all(void)
{
	struct ppcpv_shadow_config cfg = config();
	struct ppcpv_slb_load load;
	unsigned int i;

	cfg.rmap_cap = 4;
	setup_with(cfg);
	for (i = 0; i < 5; i++)
		CU_ASSERT_EQUAL(fault_in(SF, 0x1000 * i, PPCPV_ACCESS_LOAD, &load),
				PPCPV_SHADOW_MAPPED);
	CU_ASSERT_EQUAL(sh.stats.flushes, 1);
	CU_ASSERT_EQUAL(host_entries(), 1);
	CU_ASSERT_EQUAL(sh.rmap.count, 1);
	CU_ASSERT_EQUAL(host.removed, 4);
}

static void test_vsid_wrap_flushes_all(void)
{
	struct ppcpv_shadow_config cfg = config();
	struct ppcpv_slb_load load;

	cfg.vsid_count = 2;
	setup_with(cfg);
	fault_in(SF, 0x1000, PPCPV_ACCESS_LOAD, &load);		/* VSID_FIRST */
	fault_in(SF | PR, 0x1000, PPCPV_ACCESS_LOAD, &load);	/* VSID_FIRST + 1 */
	CU_ASSERT_EQUAL(host_entries(), 2);
	ppcpv_gmmu_set_magic(&mx.gm, MAGIC, MAGIC);
	fault_in(VIRT, MAGIC, PPCPV_ACCESS_LOAD, &load);	/* a third tag: wraps */
	CU_ASSERT_EQUAL(sh.stats.vsid_wraps, 1);
	CU_ASSERT_EQUAL(load.rs >> 12, VSID_FIRST);
	CU_ASSERT_EQUAL(load.dropped, 1);
	CU_ASSERT_EQUAL(host_entries(), 1);
}

static void test_guest_slb_instructions(void)
{
	struct ppcpv_slb_load load;
	struct ppcpv_guest_fault fault;
	uint64_t dropped;

	setup_one_page();
	mx_slb(1, 0x10000000, VSID + 1, KS);
	fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load);
	ppcpv_shadow_map_segment(&sh, &mx.gm, VIRT, 0x10000000, PPCPV_ACCESS_LOAD, &load, &fault);
	/* slbmte over entry 0 drops the old ESID's shadow */
	CU_ASSERT_EQUAL(ppcpv_mmu64_slbmte(&mx.gm, &sh, (VSID + 2) << 12, 0x20000000 | V_BIT | 0,
					   &dropped), PPCPV_MMU_DONE);
	CU_ASSERT_EQUAL(dropped, 1);
	CU_ASSERT_EQUAL(ppcpv_mmu64_slbmte(&mx.gm, &sh, 1, V_BIT | 0, &dropped), PPCPV_MMU_ILLEGAL);
	CU_ASSERT_EQUAL(dropped, 0);
	/* ... and the new ESID's (another tag) */
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0x30000000, PPCPV_ACCESS_LOAD, &load, &fault);
	ppcpv_shadow_map_segment(&sh, &mx.gm, VIRT, 0x10000000, PPCPV_ACCESS_LOAD, &load, &fault);
	CU_ASSERT_EQUAL(ppcpv_mmu64_slbmte(&mx.gm, &sh, (VSID + 3) << 12, 0x10000000 | V_BIT | 5,
					   &dropped), PPCPV_MMU_DONE);
	CU_ASSERT_EQUAL(dropped, 1);
	ppcpv_shadow_map_segment(&sh, &mx.gm, VIRT, 0x10000000, PPCPV_ACCESS_LOAD, &load, &fault);
	ppcpv_mmu64_slbie(&mx.gm, &sh, 0x10000000, &dropped);
	CU_ASSERT_EQUAL(dropped, 1);
	ppcpv_shadow_map_segment(&sh, &mx.gm, VIRT, 0x20000000, PPCPV_ACCESS_LOAD, &load, &fault);
	CU_ASSERT_EQUAL(ppcpv_mmu64_slbia(&mx.gm, &sh, 3, &dropped), PPCPV_MMU_ILLEGAL);
	CU_ASSERT_EQUAL(ppcpv_mmu64_slbia(&mx.gm, &sh, 0, &dropped), PPCPV_MMU_DONE);
	CU_ASSERT_NOT_EQUAL(dropped, 0);
	CU_ASSERT_EQUAL(ppcpv_shadow_slb_flush(&sh), 0);
	/* shadow PTEs belong to guest pages: SLB changes leave them */
	CU_ASSERT_EQUAL(host_entries(), 1);
	/* in real mode too (KVM PR forgets the shadow segments then) */
	ppcpv_shadow_map_segment(&sh, &mx.gm, SF, 0, PPCPV_ACCESS_LOAD, &load, &fault);
	CU_ASSERT_EQUAL(ppcpv_mmu64_slbia(&mx.gm, &sh, 0, &dropped), PPCPV_MMU_DONE);
	CU_ASSERT_EQUAL(dropped, 1);
}

static void test_tlbie_and_flush_all(void)
{
	struct ppcpv_slb_load load;
	uint64_t vpn = VSID << 16 | ((EA & 0xfffffff) >> 12);

	setup_one_page();
	mx_enter(VSID, EA + 0x1000, 12, 0x43000, 0x2, false);
	fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load);
	fault_in(VIRT, EA + 0x1000, PPCPV_ACCESS_LOAD, &load);
	/* 4K form: only that page; the VSID's top bits are not in RB */
	ppcpv_shadow_tlbie(&sh, ((vpn + 1) << 12) & 0x0000ffffffffffffULL);
	CU_ASSERT_EQUAL(host_entries(), 1);
	/* 64K form with LP = 1 covers the 16 pages around */
	ppcpv_shadow_tlbie(&sh, ((vpn & ~0xfULL) << 12 | 0x1000 | 1) & 0x0000ffffffffffffULL);
	CU_ASSERT_EQUAL(host_entries(), 0);
	fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load);
	ppcpv_shadow_tlbie(&sh, 1);				/* 16M: everything */
	CU_ASSERT_EQUAL(host_entries(), 0);
	fault_in(VIRT, EA, PPCPV_ACCESS_LOAD, &load);
	fault_in(SF, 0, PPCPV_ACCESS_LOAD, &load);
	CU_ASSERT_EQUAL(ppcpv_shadow_flush_all(&sh), 1);	/* the real-mode segment */
	CU_ASSERT_EQUAL(host_entries(), 0);
	CU_ASSERT_EQUAL(sh.rmap.count, 0);
}

static void test_init_validation(void)
{
	struct ppcpv_shadow_config c;
	static const struct ppcpv_shadow_ops half = { fake_enter, 0 };

	c = config(); c.htab_shift = 17; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.slb_count = 0; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.slb_count = 65; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.slb_first = 4090; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.slb_first = UINT32_MAX; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.guest_base = 0x100; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.guest_base = 1ULL << 60; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.guest_size = 0; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.magic_pa = 0x8008; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.vsid_first = 0; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.ops = &half; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); c.rmap_nbuckets = 12; CU_ASSERT_PTR_NOT_NULL(ppcpv_shadow_init(&sh, &c));
	c = config(); CU_ASSERT_PTR_NULL(ppcpv_shadow_init(&sh, &c));
}

PPCPV_SUITE(mmu64_shadow, "mmu64-shadow", NULL, NULL,
	    { "tags keep modes and segments apart", test_tags },
	    { "the magic page's segment", test_tag_magic_segment },
	    { "sid map: allocation and wrap", test_sidmap },
	    { "sid map: colliding tags", test_sidmap_collisions },
	    { "shadow SLB: segments, capacity", test_map_segment },
	    { "shadow SLB: mode changes, drops", test_set_mode_and_drops },
	    { "shadow SLB: each mode's kept and restored", test_set_mode_keeps_slbs },
	    { "reverse map", test_rmap },
	    { "shadow PTE words", test_shadow_pte_builder },
	    { "map, C upgrade, H_REMOVE", test_map_page_and_h_remove },
	    { "H_PROTECT, H_BULK_REMOVE, H_CLEAR_*", test_invalidating_hcalls },
	    { "64K guest pages", test_64k_guest_pages },
	    { "magic page, real mode, I/O, bounds", test_magic_real_and_io },
	    { "eviction from full groups", test_eviction },
	    { "secondary group", test_secondary_group },
	    { "a reused host slot is left alone", test_stale_slot_left_alone },
	    { "reverse map full: flush all", test_rmap_full_flushes_all },
	    { "VSID wrap: flush all", test_vsid_wrap_flushes_all },
	    { "guest slbmte, slbie, slbia", test_guest_slb_instructions },
	    { "tlbie and flush all", test_tlbie_and_flush_all },
	    { "config checks", test_init_validation });
