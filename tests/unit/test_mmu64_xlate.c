// SPDX-License-Identifier: MIT
/*
 * Unit tests of the guest walk (host-stubs/arch/book3s/mmu/xlate.c):
 * real mode and its limit, the magic page, segment faults, hits in either
 * group, misses, 4K and 64K pages, the PP/key table for every value and
 * access with N and G, and R/C updates.  Expected outcomes come from the
 * ISA's tables written out here, with the interrupt bits as numbers.
 */
#include <ppcpv/abi.h>
#include <ppcpv/host/mmu64.h>
#include "ppcpv_test.h"
#include "test_mmu64_fixture.h"

#define SF		0x8000000000000000ULL
#define PR		0x4000ULL
#define IR		0x20ULL
#define DR		0x10ULL
#define VIRT		(SF | IR | DR)
#define DSISR_NOPT	0x40000000u
#define DSISR_PROT	0x08000000u
#define DSISR_STORE	0x02000000u
#define SRR1_NOPT	0x40000000u
#define SRR1_N_G	0x10000000u
#define SRR1_PROT	0x08000000u
#define KS		0x800ULL
#define KP		0x400ULL
#define SEG_N		0x200ULL
#define LLP_64K		0x110ULL
#define R_BIT		0x100ULL
#define C_BIT		0x080ULL
#define VSID		0x1234567ULL
#define EA		0xc000000000345000ULL
#define MAGIC		0xfffffffffffff000ULL

static const enum ppcpv_access kinds[] = { PPCPV_ACCESS_LOAD, PPCPV_ACCESS_STORE,
					   PPCPV_ACCESS_FETCH };

static struct ppcpv_xlate x;

static bool walk(uint64_t msr, uint64_t ea, enum ppcpv_access acc)
{
	x = (struct ppcpv_xlate){ .fault = { 0xdead, 0xdead, 0xdead, 0xdead } };
	return ppcpv_gmmu_xlate(&mx.gm, msr, ea, acc, &x);
}

/* The interrupt a refused access must give. */
static void expect_dsi(uint64_t ea, uint32_t dsisr)
{
	CU_ASSERT_EQUAL(x.fault.vector, 0x300);
	CU_ASSERT_EQUAL(x.fault.dsisr, dsisr);
	CU_ASSERT_EQUAL(x.fault.dar, ea);
}

static void expect_isi(uint32_t srr1)
{
	CU_ASSERT_EQUAL(x.fault.vector, 0x400);
	CU_ASSERT_EQUAL(x.fault.srr1, srr1);
}

static void test_real_mode(void)
{
	mx_init();
	CU_ASSERT_TRUE(walk(SF, 0x1234, PPCPV_ACCESS_STORE));
	CU_ASSERT_EQUAL(x.gra, 0x1234);
	CU_ASSERT_EQUAL(x.kind, PPCPV_GRA_RAM);
	CU_ASSERT_EQUAL(x.prot, PPCPV_PROT_READ | PPCPV_PROT_WRITE | PPCPV_PROT_EXEC);
	CU_ASSERT_EQUAL(x.wimg, 0x2);
	CU_ASSERT_EQUAL(x.gvsid, PPCPV_GVSID_NONE);
	/* EA bits 0:3 are ignored */
	CU_ASSERT_TRUE(walk(SF, 0xc000000000fff008ULL, PPCPV_ACCESS_FETCH));
	CU_ASSERT_EQUAL(x.gra, 0xfff008);
	/* the last byte of the RMA, the first beyond it */
	CU_ASSERT_TRUE(walk(SF, MX_RAM_SIZE - 1, PPCPV_ACCESS_LOAD));
	CU_ASSERT_FALSE(walk(SF, MX_RAM_SIZE, PPCPV_ACCESS_LOAD));
	expect_dsi(MX_RAM_SIZE, DSISR_PROT);
	CU_ASSERT_FALSE(walk(SF, 0x0fffffffffffffffULL, PPCPV_ACCESS_STORE));
	expect_dsi(0x0fffffffffffffffULL, DSISR_PROT | DSISR_STORE);
	CU_ASSERT_FALSE(walk(SF, MX_RAM_SIZE + 0x1000, PPCPV_ACCESS_FETCH));
	expect_isi(SRR1_PROT);
	/* the I/O window is reachable */
	CU_ASSERT_TRUE(walk(SF, MX_IO_BASE + 0x10, PPCPV_ACCESS_STORE));
	CU_ASSERT_EQUAL(x.kind, PPCPV_GRA_IO);
	CU_ASSERT_EQUAL(x.gra, MX_IO_BASE + 0x10);
	CU_ASSERT_FALSE(walk(SF, MX_IO_BASE + MX_IO_SIZE, PPCPV_ACCESS_LOAD));
}

static void test_rma_smaller_than_ram(void)
{
	mx_init();
	mx.gm.rma_size = 0x800000;
	CU_ASSERT_TRUE(walk(SF, 0x7ff000, PPCPV_ACCESS_LOAD));
	CU_ASSERT_FALSE(walk(SF, 0x800000, PPCPV_ACCESS_LOAD));
	/* translated accesses may still reach all of RAM */
	mx_slb(0, EA, VSID, KS);
	mx_enter(VSID, EA, 12, 0xabc000, 0x2, false);
	CU_ASSERT_TRUE(walk(VIRT, EA + 8, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.gra, 0xabc008);
}

/* IR and DR each govern their own kind of access. */
static void test_split_modes(void)
{
	mx_init();
	CU_ASSERT_TRUE(walk(SF | IR, EA, PPCPV_ACCESS_LOAD));	/* data real */
	CU_ASSERT_EQUAL(x.gra, EA & 0x0fffffffffffffffULL & 0xffffffff);
	CU_ASSERT_FALSE(walk(SF | IR, EA, PPCPV_ACCESS_FETCH));	/* fetch translated */
	CU_ASSERT_EQUAL(x.fault.vector, 0x480);
	CU_ASSERT_TRUE(walk(SF | DR, 0x100, PPCPV_ACCESS_FETCH));
	CU_ASSERT_FALSE(walk(SF | DR, 0x100, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.fault.vector, 0x380);
}

static void test_magic_page(void)
{
	mx_init();
	ppcpv_gmmu_set_magic(&mx.gm, MAGIC + 0x12, MAGIC + 0x34);	/* page aligned */
	/* supervisor, translated, no SLB entry needed */
	CU_ASSERT_TRUE(walk(VIRT, MAGIC + 0x88, PPCPV_ACCESS_STORE));
	CU_ASSERT_EQUAL(x.kind, PPCPV_GRA_MAGIC);
	CU_ASSERT_EQUAL(x.gra, MAGIC + 0x88);
	CU_ASSERT_EQUAL(x.prot, PPCPV_PROT_READ | PPCPV_PROT_WRITE);
	CU_ASSERT_EQUAL(x.page_shift, 12);
	CU_ASSERT_FALSE(walk(VIRT, MAGIC, PPCPV_ACCESS_FETCH));
	expect_isi(SRR1_N_G);
	/* the next page down is the guest's own: no segment there */
	CU_ASSERT_FALSE(walk(VIRT, MAGIC - 1, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.fault.vector, 0x380);
	/* never in user state */
	CU_ASSERT_FALSE(walk(VIRT | PR, MAGIC, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.fault.vector, 0x380);
	CU_ASSERT_FALSE(walk(SF | PR, MAGIC, PPCPV_ACCESS_LOAD));
	expect_dsi(MAGIC, DSISR_PROT);
	/* real mode: at its guest-physical address (EA bits 0:3 ignored) */
	CU_ASSERT_TRUE(walk(SF, 0x0ffffffffffff010ULL, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.kind, PPCPV_GRA_MAGIC);
	CU_ASSERT_EQUAL(x.gra, MAGIC + 0x10);
	/* a guest translation of the magic EA is overridden */
	mx_slb(1, MAGIC, VSID, KS);
	mx_enter(VSID, MAGIC, 12, 0x5000, 0x2, false);
	CU_ASSERT_TRUE(walk(VIRT, MAGIC, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.kind, PPCPV_GRA_MAGIC);
	CU_ASSERT_TRUE(walk(VIRT | PR, MAGIC, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.gra, 0x5000);
	/* elsewhere in real mode */
	ppcpv_gmmu_set_magic(&mx.gm, 0x3000, 0x7000);
	CU_ASSERT_TRUE(walk(SF, 0x7008, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.kind, PPCPV_GRA_MAGIC);
	CU_ASSERT_TRUE(walk(SF, 0x3008, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.kind, PPCPV_GRA_RAM);
	ppcpv_gmmu_clear_magic(&mx.gm);
	CU_ASSERT_TRUE(walk(SF, 0x7008, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.kind, PPCPV_GRA_RAM);
}

static void test_segment_faults(void)
{
	mx_init();
	mx_slb(4, EA, VSID, KS);
	CU_ASSERT_FALSE(walk(VIRT, EA + 0x10000000, PPCPV_ACCESS_STORE));
	CU_ASSERT_EQUAL(x.fault.vector, 0x380);
	CU_ASSERT_EQUAL(x.fault.dar, EA + 0x10000000);
	CU_ASSERT_FALSE(walk(VIRT, 0, PPCPV_ACCESS_FETCH));
	CU_ASSERT_EQUAL(x.fault.vector, 0x480);
	CU_ASSERT_EQUAL(x.fault.srr1, 0);
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));	/* segment, no entry */
	expect_dsi(EA, DSISR_NOPT);
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_STORE));
	expect_dsi(EA, DSISR_NOPT | DSISR_STORE);
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_FETCH));
	expect_isi(SRR1_NOPT);
}

static void test_hits_both_groups(void)
{
	uint64_t p1, p2;

	mx_init();
	mx_slb(0, EA, VSID, KS);
	p1 = mx_enter(VSID, EA, 12, 0x11000, 0x2, false);
	p2 = mx_enter(VSID, EA + 0x1000, 12, 0x22000, 0x2, true);
	mx.htab[p2 * 2 + 1] = 0x22000 | 0x2 | 0x78;	/* all WIMG bits (not via H_ENTER) */
	CU_ASSERT_TRUE(walk(VIRT, EA + 0x123, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.gra, 0x11123);
	CU_ASSERT_EQUAL(x.ptex, p1);
	CU_ASSERT_EQUAL(x.gvsid, VSID);
	CU_ASSERT_EQUAL(x.wimg, 0x2);
	CU_ASSERT_EQUAL(x.page_shift, 12);
	CU_ASSERT_TRUE(walk(VIRT, EA + 0x1ffc, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.gra, 0x22ffc);
	CU_ASSERT_EQUAL(x.ptex, p2);
	CU_ASSERT_EQUAL(x.wimg, 0xf);
	CU_ASSERT_NOT_EQUAL(p1 & ~7ULL, p2 & ~7ULL);
}

/* Entries that differ from the wanted one in one respect do not match. */
static void test_near_misses(void)
{
	uint64_t g = ref_group_ptex(VSID, EA, 12, false), v = ref_hpte_v(VSID, EA, 12, false);
	uint64_t *e = &mx.htab[g * 2];

	mx_init();
	mx_slb(0, EA, VSID, KS);
	e[1] = 0x5000 | 0x10 | 0x2;
	e[0] = v | 0x2;				/* H set in the primary group */
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
	e[0] = v ^ (1ULL << 12);		/* another VSID */
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
	e[0] = v ^ (1ULL << 7);			/* another EA bit 40 */
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
	e[0] = v & ~1ULL;			/* not valid */
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
	e[0] = v | 0x4000000000000000ULL;	/* a 1 TB segment's entry */
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
	e[0] = v | 0x78;			/* software bits do not matter */
	CU_ASSERT_TRUE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
}

static void test_64k_pages(void)
{
	uint64_t p;

	mx_init();
	mx_slb(0, EA, VSID, KS | LLP_64K);
	p = mx_enter(VSID, EA + 0x7000, 16, 0x130000, 0x2, false);
	/* EA + 0x7000 and EA + 0xa123 are in the same 64K page, at 0x5000 of it */
	CU_ASSERT_TRUE(walk(VIRT, EA + 0xa123, PPCPV_ACCESS_LOAD));
	CU_ASSERT_EQUAL(x.gra, 0x13f123);
	CU_ASSERT_EQUAL(x.page_shift, 16);
	CU_ASSERT_EQUAL(x.ptex, p);
	CU_ASSERT_FALSE(walk(VIRT, EA + 0x10000, PPCPV_ACCESS_LOAD));
	/* a 4K entry for that EA does not match a 64K segment ... */
	mx_init();
	mx_slb(0, EA, VSID, KS | LLP_64K);
	mx.htab[ref_group_ptex(VSID, EA, 16, false) * 2] = ref_hpte_v(VSID, EA, 16, false) & ~0x4ULL;
	mx.htab[ref_group_ptex(VSID, EA, 16, false) * 2 + 1] = 0x10 | 0x2;
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
	/* ... nor a 64K entry a 4K segment */
	mx_init();
	mx_slb(0, EA, VSID, KS);
	mx.htab[ref_group_ptex(VSID, EA, 12, false) * 2] = ref_hpte_v(VSID, EA, 12, false) | 0x4;
	mx.htab[ref_group_ptex(VSID, EA, 12, false) * 2 + 1] = 0x1000 | 0x10 | 0x2;
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
}

/*
 * ISA 2.07 Book III-S, "Protection": the access a key and PP0||PP1||PP2
 * allow, as the ISA tabulates it (other combinations reserved, no access).
 */
static const struct {
	unsigned int key, pp;
	const char *access;
} pp_rows[] = {
	{ 0, 0, "read/write" }, { 0, 1, "read/write" }, { 0, 2, "read/write" },
	{ 0, 3, "read only" }, { 0, 6, "read only" },
	{ 1, 0, "no access" }, { 1, 1, "read only" }, { 1, 2, "read/write" },
	{ 1, 3, "read only" }, { 1, 6, "no access" },
};

static const char *isa_access(unsigned int key, unsigned int pp)
{
	unsigned int i;

	for (i = 0; i < sizeof(pp_rows) / sizeof(pp_rows[0]); i++)
		if (pp_rows[i].key == key && pp_rows[i].pp == pp)
			return pp_rows[i].access;
	return "no access";
}

/* One combination: the entry, the walk, the interrupt or the R/C update. */
static void check_protection(uint64_t msr, uint64_t slb_flags, unsigned int key, unsigned int pp,
			     uint64_t n_g, enum ppcpv_access acc)
{
	const char *allowed = isa_access(key, pp);
	bool readable = allowed[0] != 'n', writable = allowed[4] == '/';
	bool no_exec = n_g || (slb_flags & SEG_N);
	uint64_t g = ref_group_ptex(VSID, EA, 12, false), r;
	bool ok;

	mx_init();
	mx_slb(0, EA, VSID, slb_flags);
	r = 0x42000 | 0x10 | (uint64_t)(pp >> 2) << 63 | (pp & 3) | n_g;
	mx.htab[g * 2] = ref_hpte_v(VSID, EA, 12, false);
	mx.htab[g * 2 + 1] = r;
	ok = walk(msr, EA + 4, acc);
	switch (acc) {
	case PPCPV_ACCESS_LOAD:
		CU_ASSERT_EQUAL(ok, readable);
		if (!ok)
			expect_dsi(EA + 4, DSISR_PROT);
		break;
	case PPCPV_ACCESS_STORE:
		CU_ASSERT_EQUAL(ok, writable);
		if (!ok)
			expect_dsi(EA + 4, DSISR_PROT | DSISR_STORE);
		break;
	case PPCPV_ACCESS_FETCH:
		CU_ASSERT_EQUAL(ok, readable && !no_exec);
		if (!ok)
			expect_isi(no_exec ? SRR1_N_G : SRR1_PROT);
		break;
	}
	if (ok) {
		CU_ASSERT_EQUAL(x.gra, 0x42004);
		CU_ASSERT_EQUAL(!!(x.prot & PPCPV_PROT_READ), readable);
		CU_ASSERT_EQUAL(!!(x.prot & PPCPV_PROT_WRITE), writable);
		CU_ASSERT_EQUAL(!!(x.prot & PPCPV_PROT_EXEC), readable && !no_exec);
		r |= R_BIT | (acc == PPCPV_ACCESS_STORE ? C_BIT : 0);
		CU_ASSERT_EQUAL(x.pte_r, r);
	}
	CU_ASSERT_EQUAL(mx.htab[g * 2 + 1], r);		/* no R/C for a refusal */
}

static void test_pp_table_exhaustive(void)
{
	static const uint64_t n_g_values[] = { 0, 0x4 /* N */, 0x8 /* G */, 0xc };
	unsigned int pr, key, pp, i, k, segn;

	for (pr = 0; pr < 2; pr++)
		for (key = 0; key < 2; key++)
			for (segn = 0; segn < 2; segn++)
				for (pp = 0; pp < 8; pp++)
					for (i = 0; i < 4; i++)
						for (k = 0; k < 3; k++) {
							/* the key the state uses is set; the
							 * other key holds its opposite */
							uint64_t keys = pr ? (key ? KP : KS) : (key ? KS : KP);

							check_protection(VIRT | (pr ? PR : 0),
									 keys | (segn ? SEG_N : 0),
									 key, pp, n_g_values[i], kinds[k]);
						}
}

/* Segment N refuses a fetch before the table is searched. */
static void test_segment_no_execute(void)
{
	mx_init();
	mx_slb(0, EA, VSID, KS | SEG_N);
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_FETCH));
	expect_isi(SRR1_N_G);
	CU_ASSERT_FALSE(walk(VIRT, EA, PPCPV_ACCESS_LOAD));
	expect_dsi(EA, DSISR_NOPT);
}

static void test_pp_prot_function(void)
{
	unsigned int key, pp;

	for (key = 0; key < 2; key++)
		for (pp = 0; pp < 8; pp++) {
			const char *a = isa_access(key, pp);
			unsigned int want = a[0] == 'n' ? 0 : a[4] == '/' ?
					    PPCPV_PROT_READ | PPCPV_PROT_WRITE : PPCPV_PROT_READ;

			CU_ASSERT_EQUAL(ppcpv_pp_prot(key, pp), want);
		}
}

PPCPV_SUITE(mmu64_xlate, "mmu64-xlate", NULL, NULL,
	    { "real mode", test_real_mode },
	    { "real mode area smaller than RAM", test_rma_smaller_than_ram },
	    { "IR only, DR only", test_split_modes },
	    { "the magic page", test_magic_page },
	    { "segment faults and misses", test_segment_faults },
	    { "hits in both groups", test_hits_both_groups },
	    { "near misses", test_near_misses },
	    { "64K pages", test_64k_pages },
	    { "PP, key, N, G: every combination", test_pp_table_exhaustive },
	    { "segment no-execute", test_segment_no_execute },
	    { "the PP table itself", test_pp_prot_function });
