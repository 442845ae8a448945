// SPDX-License-Identifier: MIT
/*
 * Unit tests of the guest hash table and the PAPR page frame table
 * hypercalls (host-stubs/arch/book3s/mmu/ghpt.c, papr_mmu.c): the hash
 * against the ISA formula computed bit by bit, every call's return codes
 * and bounds with hostile values, and what the host is told.
 */
#include <ppcpv/host/mmu64.h>
#include <ppcpv/isa/papr.h>
#include "ppcpv_test.h"
#include "test_mmu64_fixture.h"

#define R_BIT		0x100ULL
#define C_BIT		0x080ULL
#define M_BIT		0x010ULL
#define I_BIT		0x020ULL
#define G_BIT		0x008ULL
#define W_BIT		0x040ULL
#define VSID		0x2badcafeULL
#define EA		0xc000000001234000ULL

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static uint64_t *hpte(uint64_t ptex)
{
	return &mx.htab[ptex * 2];
}

static void test_hash_against_isa(void)
{
	unsigned int i;

	for (i = 0; i < 20000; i++) {
		uint64_t vsid = rnd() & ((1ULL << 50) - 1), ea = rnd();
		unsigned int p = i & 1 ? 16 : 12;

		if (i == 0) {
			vsid = (1ULL << 50) - 1;
			ea = UINT64_MAX;
		}
		CU_ASSERT_EQUAL(ppcpv_hash64(vsid, ea, p), ref_hash(vsid, ea, p));
		CU_ASSERT_EQUAL(ppcpv_hpte_v_for(vsid, ea, p) | 1, ref_hpte_v(vsid, ea, p, false));
	}
	/* a hand-worked value: VSID 0x123, page 0x4567 of the segment */
	CU_ASSERT_EQUAL(ppcpv_hash64(0x123, 0x04567000, 12), 0x123 ^ 0x4567);
	CU_ASSERT_EQUAL(ppcpv_hpte_v_for(0x123, 0x0f800000, 12), 0x123ULL << 12 | 0x1f << 7);
}

static void test_page_size_encodings(void)
{
	CU_ASSERT_EQUAL(ppcpv_hpte_page_shift(0, 0xffffff), 12);
	CU_ASSERT_EQUAL(ppcpv_hpte_page_shift(0x4, 0x1000), 16);
	CU_ASSERT_EQUAL(ppcpv_hpte_page_shift(0x4, 0x51000), 16);	/* RPN bits above */
	CU_ASSERT_EQUAL(ppcpv_hpte_page_shift(0x4, 0x0000), 0);	/* 16M */
	CU_ASSERT_EQUAL(ppcpv_hpte_page_shift(0x4, 0x7000), 0);	/* 4K base, 64K actual */
	CU_ASSERT_EQUAL(ppcpv_hpte_page_shift(0x4, 0x3000), 0);
}

static void expect_init_refused(struct ppcpv_ghpt_config cfg)
{
	struct ppcpv_ghpt h;

	CU_ASSERT_PTR_NOT_NULL(ppcpv_ghpt_init(&h, &cfg));
}

static void test_init_validation(void)
{
	const struct ppcpv_ghpt_config ok = { .mem = mx.htab, .mem_bytes = sizeof(mx.htab),
					      .shift = MX_HTAB_SHIFT, .ram_size = MX_RAM_SIZE,
					      .io_base = MX_IO_BASE, .io_size = MX_IO_SIZE };
	struct ppcpv_ghpt_config c;
	struct ppcpv_ghpt h;

	CU_ASSERT_PTR_NULL(ppcpv_ghpt_init(&h, &ok));
	CU_ASSERT_EQUAL(ppcpv_ghpt_entries(&h), MX_HTAB_ENTRIES);
	CU_ASSERT_EQUAL(h.pteg_mask, MX_HTAB_ENTRIES / 8 - 1);
	c = ok; c.shift = 17; expect_init_refused(c);
	c = ok; c.shift = 47; expect_init_refused(c);
	c = ok; c.shift = 200; expect_init_refused(c);
	c = ok; c.shift = 19; expect_init_refused(c);		/* memory too small */
	c = ok; c.mem = 0; expect_init_refused(c);
	c = ok; c.mem = (char *)mx.htab + 8; expect_init_refused(c);
	c = ok; c.ram_size = 0; expect_init_refused(c);
	c = ok; c.ram_size = MX_RAM_SIZE + 1; expect_init_refused(c);
	c = ok; c.ram_size = 1ULL << 61; expect_init_refused(c);
	c = ok; c.io_base = MX_RAM_SIZE - 0x1000; expect_init_refused(c);
	c = ok; c.io_base = MX_IO_BASE + 1; expect_init_refused(c);
	c = ok; c.io_base = 0xfffffffffffff000ULL; expect_init_refused(c);
	c = ok; c.io_size = 0xfffffffffffff000ULL; expect_init_refused(c);
	c = ok; c.io_size = 0; c.io_base = 0xdead; CU_ASSERT_PTR_NULL(ppcpv_ghpt_init(&h, &c));
}

/* The pages an entry maps come back from (ptex, v, r) alone. */
static void test_gpages_round_trip(void)
{
	unsigned int i;

	mx_init();
	for (i = 0; i < 4000; i++) {
		uint64_t vsid = rnd() & ((1ULL << 50) - 1), ea = rnd(), gvsid;
		unsigned int p = i & 1 ? 16 : 12;
		bool secondary = i & 2;
		uint64_t ptex = ref_group_ptex(vsid, ea, p, secondary) + (i % 8);
		uint64_t v = ref_hpte_v(vsid, ea, p, secondary);
		uint32_t gpage, n;

		CU_ASSERT_TRUE(ppcpv_ghpt_hpte_gpages(&mx.gm.hpt, ptex, v, p == 16 ? 0x1000 : 0,
						      &gvsid, &gpage, &n));
		CU_ASSERT_EQUAL(gvsid, vsid);
		CU_ASSERT_EQUAL(gpage, ((ea & 0xfffffff) >> p) << (p - 12));
		CU_ASSERT_EQUAL(n, 1u << (p - 12));
	}
}

static struct ppcpv_hcall_args args(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return (struct ppcpv_hcall_args){ { a0, a1, a2, a3, 0x44, 0x55, 0x66, 0x77 } };
}

static long enter(uint64_t flags, uint64_t ptex, uint64_t v, uint64_t r, uint64_t *slot)
{
	struct ppcpv_hcall_args a = args(flags, ptex, v, r);
	long status = mx_hcall(H_ENTER, &a);

	if (slot)
		*slot = a.gpr[0];
	CU_ASSERT_EQUAL(a.gpr[4], 0x44);			/* r8.. untouched */
	return status;
}

static void test_enter_slots(void)
{
	uint64_t g = ref_group_ptex(VSID, EA, 12, false), v = ref_hpte_v(VSID, EA, 12, false);
	uint64_t slot, i;

	mx_init();
	for (i = 0; i < 8; i++) {
		/* without H_EXACT the low bits of ptex do not matter */
		CU_ASSERT_EQUAL(enter(0, g + 5, v, 0x3000 | M_BIT, &slot), H_SUCCESS);
		CU_ASSERT_EQUAL(slot, g + i);
		CU_ASSERT_EQUAL(hpte(g + i)[0], v);
		CU_ASSERT_EQUAL(hpte(g + i)[1], 0x3000 | M_BIT);
	}
	CU_ASSERT_EQUAL(enter(0, g, v, 0x3000 | M_BIT, &slot), H_PTEG_FULL);
	CU_ASSERT_EQUAL(slot, 0);				/* r4 (flags) left alone */
	hpte(g + 3)[0] = 0;
	CU_ASSERT_EQUAL(enter(H_EXACT, g + 2, v, M_BIT, NULL), H_PTEG_FULL);
	CU_ASSERT_EQUAL(enter(H_EXACT, g + 3, v, 0x5000 | M_BIT, &slot), H_SUCCESS);
	CU_ASSERT_EQUAL(slot, g + 3);
	CU_ASSERT_EQUAL(hpte(g + 3)[1], 0x5000 | M_BIT);
	CU_ASSERT_EQUAL(mx.changed_calls, 0);
}

/* Refused entries leave the table as it was. */
static void expect_enter_refused(uint64_t flags, uint64_t ptex, uint64_t v, uint64_t r)
{
	unsigned int i, used = 0;

	CU_ASSERT_EQUAL(enter(flags, ptex, v, r, NULL), H_PARAMETER);
	for (i = 0; i < MX_HTAB_ENTRIES * 2; i++)
		used += mx.htab[i] != 0;
	CU_ASSERT_EQUAL(used, 0);
}

static void test_enter_checks(void)
{
	uint64_t v = ref_hpte_v(VSID, EA, 12, false), v64 = ref_hpte_v(VSID, EA, 16, false);

	mx_init();
	/* index bounds, near and far */
	expect_enter_refused(0, MX_HTAB_ENTRIES, v, M_BIT);
	expect_enter_refused(H_EXACT, MX_HTAB_ENTRIES + 7, v, M_BIT);
	expect_enter_refused(0, UINT64_MAX, v, M_BIT);
	expect_enter_refused(0, 1ULL << 63, v, M_BIT);
	expect_enter_refused(0, (UINT64_MAX >> 4) + 1, v, M_BIT);
	/* addresses beyond RAM, RPN bits far up, 64K page over the end */
	expect_enter_refused(0, 0, v, MX_RAM_SIZE | M_BIT);
	expect_enter_refused(0, 0, v, 0x0ffffffffffff000ULL | M_BIT);
	expect_enter_refused(0, 0, v, 0x0800000000000000ULL | M_BIT);
	expect_enter_refused(0, 0, v64, (MX_RAM_SIZE - 0x10000 + 0x20000) | 0x1000 | M_BIT);
	expect_enter_refused(0, 0, v, (MX_IO_BASE + MX_IO_SIZE) | I_BIT);
	/* WIMG: RAM takes M only; I/O takes I or I|M, with or without G */
	expect_enter_refused(0, 0, v, 0);
	expect_enter_refused(0, 0, v, I_BIT | M_BIT);
	expect_enter_refused(0, 0, v, M_BIT | G_BIT);
	expect_enter_refused(0, 0, v, M_BIT | W_BIT);
	expect_enter_refused(0, 0, v, MX_IO_BASE | M_BIT);
	expect_enter_refused(0, 0, v, MX_IO_BASE | I_BIT | W_BIT);
	/* segment size and page size encodings */
	expect_enter_refused(0, 0, v | 0x4000000000000000ULL, M_BIT);
	expect_enter_refused(0, 0, v | 0x8000000000000000ULL, M_BIT);
	expect_enter_refused(0, 0, v64, 0x0000 | M_BIT);		/* 16M */
	expect_enter_refused(0, 0, v64, 0x7000 | M_BIT);		/* MPSS */
	/* and what is allowed */
	CU_ASSERT_EQUAL(enter(0, 0, v, (MX_RAM_SIZE - 0x1000) | M_BIT, NULL), H_SUCCESS);
	CU_ASSERT_EQUAL(enter(0, 0, v64, (MX_RAM_SIZE - 0x10000) | 0x1000 | M_BIT, NULL), H_SUCCESS);
	CU_ASSERT_EQUAL(enter(0, 0, v, MX_IO_BASE | I_BIT, NULL), H_SUCCESS);
	CU_ASSERT_EQUAL(enter(0, 0, v, MX_IO_BASE | I_BIT | M_BIT | G_BIT, NULL), H_SUCCESS);
	CU_ASSERT_EQUAL(enter(0, MX_HTAB_ENTRIES - 1, v, M_BIT, NULL), H_SUCCESS);
}

static void test_remove(void)
{
	uint64_t v = ref_hpte_v(VSID, EA, 12, false), ptex;
	struct ppcpv_hcall_args a;

	mx_init();
	ptex = mx_enter(VSID, EA, 12, 0x7000, R_BIT, false);
	a = args(0, ptex + 1, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_NOT_FOUND);		/* empty slot */
	a = args(H_AVPN, ptex, (v & ~0x7fULL) ^ 0x80, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_NOT_FOUND);
	a = args(H_ANDCOND, ptex, 0x1, 0);				/* V is set */
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_NOT_FOUND);
	a = args(H_AVPN, MX_HTAB_ENTRIES, v & ~0x7fULL, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_PARAMETER);
	a = args(0, UINT64_MAX, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_PARAMETER);
	CU_ASSERT_EQUAL(mx.changed_calls, 0);
	CU_ASSERT_EQUAL(hpte(ptex)[0], v);
	a = args(H_AVPN, ptex, v & ~0x7fULL, 0x55);
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[0], v);
	CU_ASSERT_EQUAL(a.gpr[1], 0x7000 | R_BIT | M_BIT);
	CU_ASSERT_EQUAL(a.gpr[2], v & ~0x7fULL);			/* r6 left */
	CU_ASSERT_EQUAL(hpte(ptex)[0], 0);
	CU_ASSERT_EQUAL(hpte(ptex)[1], 0);
	CU_ASSERT_EQUAL(mx.changed_calls, 1);
	CU_ASSERT_EQUAL(mx.changed_gvsid, VSID);
	CU_ASSERT_EQUAL(mx.changed_gpage, (EA & 0xfffffff) >> 12);
	CU_ASSERT_EQUAL(mx.changed_npages, 1);
	a = args(0, ptex, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_NOT_FOUND);
	/* H_ANDCOND removes what has none of the given bits (not bolted) */
	ptex = mx_enter(VSID, EA, 12, 0x7000, 0, false);
	a = args(H_ANDCOND, ptex, 0x10, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(hpte(ptex)[0], 0);
}

static void test_remove_64k_tells_16_pages(void)
{
	struct ppcpv_hcall_args a;
	uint64_t ptex;

	mx_init();
	ptex = mx_enter(VSID, EA + 0x5000, 16, 0x30000, 0, true);
	a = args(0, ptex, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_REMOVE, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(mx.changed_gpage, ((EA & 0xfffffff) >> 12) & ~0xfu);
	CU_ASSERT_EQUAL(mx.changed_npages, 16);
}

#define BULK_REQ	H_BULK_REMOVE_REQUEST
#define BULK_AVPN	H_BULK_REMOVE_AVPN
#define BULK_ANDCOND	H_BULK_REMOVE_ANDCOND

static void test_bulk_remove(void)
{
	uint64_t p[4], v[4], ea[4];
	struct ppcpv_hcall_args a;
	unsigned int i;

	mx_init();
	for (i = 0; i < 4; i++) {
		ea[i] = EA + i * 0x1000;
		v[i] = ref_hpte_v(VSID, ea[i], 12, false);
	}
	p[0] = mx_enter(VSID, ea[0], 12, 0x1000, R_BIT, false);
	p[1] = mx_enter(VSID, ea[1], 12, 0x2000, C_BIT, false);
	p[2] = mx_enter(VSID, ea[2], 12, 0x3000, R_BIT | C_BIT, false);
	p[3] = mx_enter(VSID, ea[3], 12, 0x4000, 0, false);
	a = (struct ppcpv_hcall_args){ {
		BULK_REQ | BULK_AVPN | p[0], v[0] & ~0x7fULL,
		BULK_REQ | p[1], 0,
		BULK_REQ | BULK_ANDCOND | p[2], 0x10,	/* not bolted: goes */
		BULK_REQ | BULK_AVPN | p[3], (v[3] & ~0x7fULL) ^ 0x1000,	/* wrong AVPN */
	} };
	CU_ASSERT_EQUAL(mx_hcall(H_BULK_REMOVE, &a), H_SUCCESS);
	/* responses: type, code, R/C in bits 4:5, flags and ptex echoed */
	CU_ASSERT_EQUAL(a.gpr[0], 0x8000000000000000ULL | 0x0800000000000000ULL | BULK_AVPN | p[0]);
	CU_ASSERT_EQUAL(a.gpr[2], 0x8000000000000000ULL | 0x0400000000000000ULL | p[1]);
	CU_ASSERT_EQUAL(a.gpr[4], 0x8000000000000000ULL | 0x0c00000000000000ULL | BULK_ANDCOND | p[2]);
	CU_ASSERT_EQUAL(a.gpr[6], 0x8000000000000000ULL | 0x1000000000000000ULL | BULK_AVPN | p[3]);
	CU_ASSERT_EQUAL(a.gpr[1], v[0] & ~0x7fULL);		/* low words untouched */
	CU_ASSERT_EQUAL(hpte(p[0])[0] | hpte(p[1])[0] | hpte(p[2])[0], 0);
	CU_ASSERT_EQUAL(hpte(p[3])[0], v[3]);
	CU_ASSERT_EQUAL(mx.changed_calls, 3);
}

static void test_bulk_remove_end_and_errors(void)
{
	struct ppcpv_hcall_args a;
	uint64_t p;

	mx_init();
	p = mx_enter(VSID, EA, 12, 0x1000, 0, false);
	/* END stops: the entry after it is not looked at */
	a = (struct ppcpv_hcall_args){ { H_BULK_REMOVE_END, 0, BULK_REQ | p, 0 } };
	CU_ASSERT_EQUAL(mx_hcall(H_BULK_REMOVE, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[2], BULK_REQ | p);
	CU_ASSERT_NOT_EQUAL(hpte(p)[0], 0);
	/* AVPN and ANDCOND together: PARM, and nothing after it */
	a = (struct ppcpv_hcall_args){ { BULK_REQ | BULK_AVPN | BULK_ANDCOND | p, 0,
					 BULK_REQ | p, 0 } };
	CU_ASSERT_EQUAL(mx_hcall(H_BULK_REMOVE, &a), H_PARAMETER);
	CU_ASSERT_EQUAL(a.gpr[0] & 0xf000000000000000ULL, 0xa000000000000000ULL);
	CU_ASSERT_EQUAL(a.gpr[2], BULK_REQ | p);
	CU_ASSERT_NOT_EQUAL(hpte(p)[0], 0);
	/* a ptex beyond the table (56-bit field full): PARM */
	a = (struct ppcpv_hcall_args){ { BULK_REQ | 0x00ffffffffffffffULL, 0, BULK_REQ | p, 0 } };
	CU_ASSERT_EQUAL(mx_hcall(H_BULK_REMOVE, &a), H_PARAMETER);
	CU_ASSERT_EQUAL(a.gpr[0], 0xa0ffffffffffffffULL);
	CU_ASSERT_NOT_EQUAL(hpte(p)[0], 0);
	/* a specifier that is not a request (type 0 or a response) */
	a = (struct ppcpv_hcall_args){ { p, 0 } };
	CU_ASSERT_EQUAL(mx_hcall(H_BULK_REMOVE, &a), H_PARAMETER);
	a = (struct ppcpv_hcall_args){ { H_BULK_REMOVE_RESPONSE | p, 0 } };
	CU_ASSERT_EQUAL(mx_hcall(H_BULK_REMOVE, &a), H_PARAMETER);
	CU_ASSERT_NOT_EQUAL(hpte(p)[0], 0);
	CU_ASSERT_EQUAL(mx.changed_calls, 0);
	/* all four removed, last one in the last slot of the table */
	a = (struct ppcpv_hcall_args){ { BULK_REQ | p, 0, BULK_REQ | (MX_HTAB_ENTRIES - 1), 0,
					 H_BULK_REMOVE_END } };
	CU_ASSERT_EQUAL(mx_hcall(H_BULK_REMOVE, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[2] >> 60, 0x9);			/* response, not found */
	CU_ASSERT_EQUAL(hpte(p)[0], 0);
}

static void test_protect(void)
{
	uint64_t v = ref_hpte_v(VSID, EA, 12, false), ptex;
	uint64_t keep = 0x7000 | R_BIT | C_BIT | M_BIT;
	struct ppcpv_hcall_args a;

	mx_init();
	ptex = mx_enter(VSID, EA, 12, 0x7000, R_BIT | C_BIT | M_BIT | 0x3 | 0xe00 |
		       0x3000000000000000ULL | 0x8000000000000000ULL, false);
	/* all protection off: PP0, KEY, N, PP cleared, the rest kept */
	a = args(H_AVPN, ptex, v & ~0x7fULL, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_PROTECT, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(hpte(ptex)[1], keep);
	CU_ASSERT_EQUAL(mx.changed_calls, 1);
	CU_ASSERT_EQUAL(mx.changed_gpage, (EA & 0xfffffff) >> 12);
	/* each field from the flags */
	a = args(0x100 | 0x3000 | 0xe00 | 0x4 | 0x2, ptex, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_PROTECT, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(hpte(ptex)[1], keep | 0x8000000000000000ULL | 0x3000000000000000ULL |
					 0xe00 | 0x4 | 0x2);
	CU_ASSERT_EQUAL(hpte(ptex)[0], v);
	/* H_ANDCOND is honoured (KVM PR ignores it) */
	a = args(H_ANDCOND | 0x1, ptex, 0x1, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_PROTECT, &a), H_NOT_FOUND);
	CU_ASSERT_EQUAL(hpte(ptex)[1] & 0x3, 0x2);
	a = args(H_ANDCOND | 0x1, ptex, 0x10, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_PROTECT, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(hpte(ptex)[1] & 0x3, 0x1);
	/* AVPN mismatch, empty slot, bad index */
	a = args(H_AVPN, ptex, v, 0);				/* low bits set: no match */
	CU_ASSERT_EQUAL(mx_hcall(H_PROTECT, &a), H_NOT_FOUND);
	a = args(0, ptex + 1, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_PROTECT, &a), H_NOT_FOUND);
	a = args(0, MX_HTAB_ENTRIES, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_PROTECT, &a), H_PARAMETER);
	CU_ASSERT_EQUAL(mx.changed_calls, 3);
}

static void test_read(void)
{
	struct ppcpv_hcall_args a;
	unsigned int i;

	mx_init();
	for (i = 0; i < 8; i++)
		mx_enter(VSID, EA, 12, 0x1000 * i, 0, false);
	i = (unsigned int)ref_group_ptex(VSID, EA, 12, false);
	a = args(0, i + 6, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_READ, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[0], hpte(i + 6)[0]);
	CU_ASSERT_EQUAL(a.gpr[1], 0x6000 | M_BIT);
	CU_ASSERT_EQUAL(a.gpr[2], 0);				/* r6 left */
	CU_ASSERT_EQUAL(a.gpr[4], 0x44);
	a = args(H_READ_4, i + 6, 0, 0);			/* from i + 4 */
	CU_ASSERT_EQUAL(mx_hcall(H_READ, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[1], 0x4000 | M_BIT);
	CU_ASSERT_EQUAL(a.gpr[7], 0x7000 | M_BIT);
	CU_ASSERT_EQUAL(a.gpr[6], hpte(i + 7)[0]);
	a = args(H_READ_4, MX_HTAB_ENTRIES - 1, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_READ, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[7], 0);
	a = args(H_READ_4, MX_HTAB_ENTRIES, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_READ, &a), H_PARAMETER);
	a = args(0, UINT64_MAX - 2, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_READ, &a), H_PARAMETER);
}

static void test_clear_ref_and_mod(void)
{
	struct ppcpv_hcall_args a;
	uint64_t p;

	mx_init();
	p = mx_enter(VSID, EA, 12, 0x9000, R_BIT | C_BIT | M_BIT, false);
	a = args(0, p, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_CLEAR_REF, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[0], 0x9000 | R_BIT | C_BIT | M_BIT);
	CU_ASSERT_EQUAL(hpte(p)[1], 0x9000 | C_BIT | M_BIT);
	CU_ASSERT_EQUAL(mx.changed_calls, 1);
	a = args(0, p, 0, 0);					/* R already clear */
	CU_ASSERT_EQUAL(mx_hcall(H_CLEAR_REF, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[0], 0x9000 | C_BIT | M_BIT);
	CU_ASSERT_EQUAL(mx.changed_calls, 1);
	a = args(0, p, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_CLEAR_MOD, &a), H_SUCCESS);
	CU_ASSERT_EQUAL(a.gpr[0], 0x9000 | C_BIT | M_BIT);
	CU_ASSERT_EQUAL(hpte(p)[1], 0x9000 | M_BIT);
	CU_ASSERT_EQUAL(mx.changed_calls, 2);
	a = args(0, p + 1, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_CLEAR_MOD, &a), H_NOT_FOUND);
	a = args(0, MX_HTAB_ENTRIES, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_CLEAR_REF, &a), H_PARAMETER);
	a = args(0, UINT64_MAX, 0, 0);
	CU_ASSERT_EQUAL(mx_hcall(H_CLEAR_MOD, &a), H_PARAMETER);
}

static void test_unknown_opcode(void)
{
	struct ppcpv_hcall_args a = args(0, 0, 0, 0);
	long status = 99;

	mx_init();
	CU_ASSERT_FALSE(ppcpv_ghpt_hcall(&mx.gm.hpt, 0x58, &a, &status));
	CU_ASSERT_FALSE(ppcpv_ghpt_hcall(&mx.gm.hpt, 0, &a, &status));
	CU_ASSERT_EQUAL(status, 99);
}

PPCPV_SUITE(mmu64_hpt, "mmu64-hpt", NULL, NULL,
	    { "hash and AVA against the ISA formula", test_hash_against_isa },
	    { "page size encodings", test_page_size_encodings },
	    { "table config checks", test_init_validation },
	    { "guest pages from ptex, v, r", test_gpages_round_trip },
	    { "H_ENTER slots, H_EXACT, H_PTEG_FULL", test_enter_slots },
	    { "H_ENTER checks", test_enter_checks },
	    { "H_REMOVE", test_remove },
	    { "H_REMOVE of a 64K page", test_remove_64k_tells_16_pages },
	    { "H_BULK_REMOVE responses and R/C", test_bulk_remove },
	    { "H_BULK_REMOVE end and errors", test_bulk_remove_end_and_errors },
	    { "H_PROTECT", test_protect },
	    { "H_READ", test_read },
	    { "H_CLEAR_REF, H_CLEAR_MOD", test_clear_ref_and_mod },
	    { "not a page table call", test_unknown_opcode });
