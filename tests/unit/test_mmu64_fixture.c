// SPDX-License-Identifier: MIT
/* The guest MMU fixture and the ISA reference formulas (see the header). */
#include <CUnit/CUnit.h>
#include <ppcpv/isa/papr.h>
#include "test_mmu64_fixture.h"

struct mmu_fixture mx;

static void record_change(void *ctx, uint64_t gvsid, uint32_t gpage, uint32_t npages)
{
	struct mmu_fixture *f = ctx;

	f->changed_calls++;
	f->changed_gvsid = gvsid;
	f->changed_gpage = gpage;
	f->changed_npages = npages;
}

void mx_init(void)
{
	struct ppcpv_gmmu_config cfg = {
		.slb_size = MX_SLB_SIZE,
		.hpt = { .mem = mx.htab, .mem_bytes = sizeof(mx.htab), .shift = MX_HTAB_SHIFT,
			 .ram_size = MX_RAM_SIZE, .io_base = MX_IO_BASE, .io_size = MX_IO_SIZE },
		.rma_size = MX_RAM_SIZE,
	};

	mx.htab[5] = 0xdead;			/* init must clear the table */
	CU_ASSERT_PTR_NULL_FATAL(ppcpv_gmmu_init(&mx.gm, &cfg));
	CU_ASSERT_EQUAL(mx.htab[5], 0);
	mx.gm.hpt.changed = record_change;
	mx.gm.hpt.changed_ctx = &mx;
	mx.changed_calls = 0;
}

uint64_t ref_bits(uint64_t x, unsigned int width, unsigned int from, unsigned int to)
{
	uint64_t out = 0;
	unsigned int b;

	for (b = from; b <= to; b++)
		out = out << 1 | ((x >> (width - 1 - b)) & 1);
	return out;
}

uint64_t ref_hash(uint64_t vsid, uint64_t ea, unsigned int p)
{
	return ref_bits(vsid, 50, 11, 49) ^ ref_bits(ea, 64, 36, 63 - p);
}

uint64_t ref_hpte_v(uint64_t vsid, uint64_t ea, unsigned int p, bool secondary)
{
	unsigned __int128 va = ((unsigned __int128)vsid << 28) | ref_bits(ea, 64, 36, 63);
	uint64_t ava = (uint64_t)(va >> (78 - 55));	/* VA[0:54] */

	return ava << 7 | (p > 12 ? 0x4 : 0) | (secondary ? 0x2 : 0) | 0x1;
}

uint64_t ref_group_ptex(uint64_t vsid, uint64_t ea, unsigned int p, bool secondary)
{
	uint64_t hash = ref_hash(vsid, ea, p);
	uint64_t groups = (1u << MX_HTAB_SHIFT) / 128;

	if (secondary)
		hash = ~hash;
	return (hash & (groups - 1)) * 8;
}

void mx_slb(unsigned int index, uint64_t ea, uint64_t vsid, uint64_t llp_keys)
{
	uint64_t rs = vsid << 12 | llp_keys;
	uint64_t rb = (ea & ~0xfffffffULL) | 0x08000000 | index;

	CU_ASSERT_EQUAL_FATAL(ppcpv_gslb_slbmte(&mx.gm.slb, rs, rb, 0), PPCPV_MMU_DONE);
}

long mx_hcall(uint64_t opcode, struct ppcpv_hcall_args *a)
{
	long status = 12345;

	CU_ASSERT_TRUE_FATAL(ppcpv_ghpt_hcall(&mx.gm.hpt, opcode, a, &status));
	return status;
}

uint64_t mx_enter(uint64_t vsid, uint64_t ea, unsigned int p, uint64_t gra, uint64_t r_flags,
		  bool secondary)
{
	uint64_t r = (gra & ~((1ULL << p) - 1)) | r_flags;
	struct ppcpv_hcall_args a = { { 0, ref_group_ptex(vsid, ea, p, secondary),
					ref_hpte_v(vsid, ea, p, secondary), 0 } };

	if (!(r_flags & 0x78))
		r |= 0x10;				/* M */
	if (p == 16)
		r |= 0x1000;				/* LP: 64K base, 64K actual */
	a.gpr[3] = r;
	CU_ASSERT_EQUAL_FATAL(mx_hcall(H_ENTER, &a), H_SUCCESS);
	return a.gpr[0];
}
