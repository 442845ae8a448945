// SPDX-License-Identifier: MIT
/*
 * Unit tests of the guest SLB (host-stubs/arch/book3s/mmu/gslb.c):
 * slbmte's checks, slbmfee/slbmfev/slbfee., slbie, slbia (ISA 2.07:
 * entry 0 stays), and the EA lookup.  Field values are written out as the
 * ISA numbers them, not taken from the implementation's header.
 */
#include <ppcpv/host/mmu64.h>
#include "ppcpv_test.h"

#define SIZE		32
#define V		0x08000000ULL		/* ESID word bit 36 */
#define KS		0x800ULL
#define KP		0x400ULL
#define N		0x200ULL
#define LLP_64K		0x110ULL		/* L=1, LP=01 */
#define SEG(esid)	((uint64_t)(esid) << 28)

static struct ppcpv_gslb slb;

static void fresh(void)
{
	CU_ASSERT_PTR_NULL_FATAL(ppcpv_gslb_init(&slb, SIZE));
}

static enum ppcpv_mmu_verdict mte(uint64_t rs, uint64_t rb)
{
	return ppcpv_gslb_slbmte(&slb, rs, rb, 0);
}

static void test_init_sizes(void)
{
	CU_ASSERT_PTR_NOT_NULL(ppcpv_gslb_init(&slb, 0));
	CU_ASSERT_PTR_NOT_NULL(ppcpv_gslb_init(&slb, 65));
	CU_ASSERT_PTR_NULL(ppcpv_gslb_init(&slb, 64));
	CU_ASSERT_EQUAL(slb.size, 64);
	CU_ASSERT_PTR_NULL(ppcpv_gslb_find(&slb, 0));
}

static void test_slbmte_and_read_back(void)
{
	uint64_t rt;

	fresh();
	CU_ASSERT_EQUAL(mte(0x123456ULL << 12 | KS | KP | N | LLP_64K, SEG(0xc00000000ULL) | V | 7),
			PPCPV_MMU_DONE);
	CU_ASSERT_EQUAL(ppcpv_gslb_slbmfee(&slb, 7, &rt), PPCPV_MMU_DONE);
	CU_ASSERT_EQUAL(rt, SEG(0xc00000000ULL) | V);		/* no index bits */
	CU_ASSERT_EQUAL(ppcpv_gslb_slbmfev(&slb, 7, &rt), PPCPV_MMU_DONE);
	CU_ASSERT_EQUAL(rt, 0x123456ULL << 12 | KS | KP | N | LLP_64K);
	CU_ASSERT_EQUAL(ppcpv_gslb_vsid(&slb.e[7]), 0x123456);
	CU_ASSERT_EQUAL(ppcpv_gslb_page_shift(&slb.e[7]), 16);
	CU_ASSERT_EQUAL(ppcpv_gslb_key(&slb.e[7], false), 1);
	/* an entry written invalid is kept as written */
	CU_ASSERT_EQUAL(mte(0x55ULL << 12, SEG(3) | 2), PPCPV_MMU_DONE);
	ppcpv_gslb_slbmfee(&slb, 2, &rt);
	CU_ASSERT_EQUAL(rt, SEG(3));
	CU_ASSERT_PTR_NULL(ppcpv_gslb_find(&slb, SEG(3)));
}

static void test_slbmte_old_entry(void)
{
	struct ppcpv_gslb_entry old = { 1, 1 };

	fresh();
	ppcpv_gslb_slbmte(&slb, 0x10ULL << 12, SEG(1) | V | 4, &old);
	CU_ASSERT_EQUAL(old.esid, 0);
	ppcpv_gslb_slbmte(&slb, 0x20ULL << 12, SEG(2) | V | 4, &old);
	CU_ASSERT_EQUAL(old.esid, SEG(1) | V);
	CU_ASSERT_EQUAL(old.vsid, 0x10ULL << 12);
}

/* Index exactly the size, the largest index field, and every reserved or
 * unsupported bit: a program interrupt, and the SLB unchanged. */
static void test_slbmte_refusals(void)
{
	static const struct {
		uint64_t rs, rb;
	} bad[] = {
		{ 0x10ULL << 12, SEG(1) | V | SIZE },		/* index == size */
		{ 0x10ULL << 12, SEG(1) | V | 0xfff },		/* largest index */
		{ 0x10ULL << 12, SEG(1) | V | 0x1000 },	/* bit 51: reserved */
		{ 0x10ULL << 12, SEG(1) | V | 0x04000000 },	/* bit 37: reserved */
		{ 0x4000000000000000ULL | 0x10ULL << 12, SEG(1) | V },	/* B = 1 TB */
		{ 0x8000000000000000ULL | 0x10ULL << 12, SEG(1) | V },	/* B = 0b10 */
		{ 0xc000000000000000ULL | 0x10ULL << 12, SEG(1) | V },	/* B = 0b11 */
		{ 0x10ULL << 12 | 0x40, SEG(1) | V },		/* bit 57 */
		{ 0x10ULL << 12 | 0x1, SEG(1) | V },		/* bit 63 */
		{ 0x10ULL << 12 | 0x8, SEG(1) | V },		/* bit 60 */
		{ 0x10ULL << 12 | 0x100, SEG(1) | V },		/* L=1 LP=00: 16M */
		{ 0x10ULL << 12 | 0x120, SEG(1) | V },		/* L=1 LP=10 */
		{ 0x10ULL << 12 | 0x010, SEG(1) | V },		/* L=0 with LP */
		{ UINT64_MAX, UINT64_MAX },
	};
	unsigned int i, j;
	uint64_t rt;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		fresh();
		CU_ASSERT_EQUAL(mte(bad[i].rs, bad[i].rb), PPCPV_MMU_ILLEGAL);
		for (j = 0; j < SIZE; j++)
			CU_ASSERT_TRUE(slb.e[j].esid == 0 && slb.e[j].vsid == 0);
	}
	fresh();
	CU_ASSERT_EQUAL(mte(0x10ULL << 12, SEG(1) | V | (SIZE - 1)), PPCPV_MMU_DONE);
	CU_ASSERT_EQUAL(ppcpv_gslb_slbmfee(&slb, SIZE, &rt), PPCPV_MMU_ILLEGAL);
	CU_ASSERT_EQUAL(ppcpv_gslb_slbmfev(&slb, SIZE, &rt), PPCPV_MMU_ILLEGAL);
	CU_ASSERT_EQUAL(ppcpv_gslb_slbmfev(&slb, UINT64_MAX, &rt), PPCPV_MMU_ILLEGAL);
	CU_ASSERT_EQUAL(ppcpv_gslb_slbmfev(&slb, SIZE - 1, &rt), PPCPV_MMU_DONE);
}

static void test_find_and_slbfee(void)
{
	uint64_t rt = 1;

	fresh();
	mte(0x77ULL << 12 | KP, SEG(0xfffffffffULL) | V | 3);
	CU_ASSERT_PTR_EQUAL(ppcpv_gslb_find(&slb, 0xfffffffffffff000ULL), &slb.e[3]);
	CU_ASSERT_PTR_EQUAL(ppcpv_gslb_find(&slb, SEG(0xfffffffffULL)), &slb.e[3]);
	CU_ASSERT_PTR_NULL(ppcpv_gslb_find(&slb, SEG(0xffffffffeULL) | 0xfffffff));
	CU_ASSERT_TRUE(ppcpv_gslb_slbfee(&slb, 0xfffffffffffff123ULL, &rt));
	CU_ASSERT_EQUAL(rt, 0x77ULL << 12 | KP);
	CU_ASSERT_FALSE(ppcpv_gslb_slbfee(&slb, 0, &rt));
	CU_ASSERT_EQUAL(rt, 0);
}

static void test_slbie(void)
{
	fresh();
	mte(0x1ULL << 12, SEG(5) | V | 1);
	mte(0x2ULL << 12, SEG(6) | V | 2);
	/* B = 1 TB in RB names no 256 MB entry */
	CU_ASSERT_EQUAL(ppcpv_gslb_slbie(&slb, SEG(5) | 0x02000000), 0);
	CU_ASSERT_EQUAL(ppcpv_gslb_slbie(&slb, SEG(5) | 0x123), 1);
	CU_ASSERT_PTR_NULL(ppcpv_gslb_find(&slb, SEG(5)));
	CU_ASSERT_PTR_NOT_NULL(ppcpv_gslb_find(&slb, SEG(6)));
	CU_ASSERT_EQUAL(ppcpv_gslb_slbie(&slb, SEG(5)), 0);
	/* slbmfev still reads the invalidated entry's VSID word */
	CU_ASSERT_EQUAL(slb.e[1].vsid, 0x1ULL << 12);
}

static void test_slbia_keeps_entry_0(void)
{
	unsigned int i, ih;

	for (ih = 0; ih < 8; ih++) {
		bool valid_ih = ih == 0 || ih == 1 || ih == 2 || ih == 6;

		fresh();
		for (i = 0; i < SIZE; i++)
			mte((0x100ULL + i) << 12, SEG(0x10 + i) | V | i);
		CU_ASSERT_EQUAL(ppcpv_gslb_slbia(&slb, ih),
				valid_ih ? PPCPV_MMU_DONE : PPCPV_MMU_ILLEGAL);
		CU_ASSERT_PTR_EQUAL(ppcpv_gslb_find(&slb, SEG(0x10)), &slb.e[0]);
		for (i = 1; i < SIZE; i++)
			CU_ASSERT_EQUAL(ppcpv_gslb_find(&slb, SEG(0x10 + i)) != 0, !valid_ih);
	}
	CU_ASSERT_EQUAL(ppcpv_gslb_slbia(&slb, 8), PPCPV_MMU_ILLEGAL);
}

PPCPV_SUITE(mmu64_slb, "mmu64-slb", NULL, NULL,
	    { "init sizes", test_init_sizes },
	    { "slbmte, slbmfee, slbmfev", test_slbmte_and_read_back },
	    { "slbmte hands back the old entry", test_slbmte_old_entry },
	    { "slbmte refusals", test_slbmte_refusals },
	    { "lookup and slbfee.", test_find_and_slbfee },
	    { "slbie", test_slbie },
	    { "slbia keeps entry 0 (ISA 2.07)", test_slbia_keeps_entry_0 });
