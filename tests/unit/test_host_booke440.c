// SPDX-License-Identifier: MIT
/*
 * Unit tests of the 440's guest TLB model (host-stubs/arch/booke/tlb440.c)
 * under the BookE arch, as a 440 platform runs it: the vCPU's mmu_insn op
 * hands it the guest's tlbwe, tlbre, tlbsx and an mfspr/mtspr of an SPR
 * the arch does not hold.  Three words per entry (the bits tlbwe keeps),
 * the TID from MMUCR[STID] and back, tlbsx. with CR0, the search by
 * MMUCR's TID and address space, the guest-physical address an entry
 * gives, and what the 440 lacks (tlbivax, a fourth word) going back to the
 * guest.  The expected words are typed here as the user's manual gives
 * them, independently of ppcpv/isa/ppc440.h.
 */
#include <string.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/opcodes.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/host/booke.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

#define SPR_MMUCR	946
#define SPR_PID		48

static struct ppcpv_vcpu *v = &fx.vcpu;
static struct ppcpv_440_tlb tlb;
static struct ppcpv_host_ops ops440;

static enum ppcpv_emul_result tlb_insn(void *ctx, struct ppcpv_vcpu *vcpu, uint32_t insn)
{
	(void)ctx;
	return ppcpv_440_tlb_insn(&tlb, vcpu, insn);
}

static void init440(void)
{
	fx_init_booke(PPCPV_MODE_NO_PV);
	memset(&tlb, 0, sizeof(tlb));
	ops440 = fx_ops;
	ops440.mmu_insn = tlb_insn;
	v->ops = &ops440;
	memset(&v->stats, 0, sizeof(v->stats));
}

static void exec_ok(uint32_t insn)
{
	uint64_t pc = v->regs.pc;

	CU_ASSERT_EQUAL(fx_booke_exec(insn), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, pc + 4);
}

static void mtspr(unsigned int spr, uint64_t val)
{
	v->regs.gpr[9] = val;
	exec_ok(ppc_insn_mtspr(spr, 9));
}

static uint64_t mfspr(unsigned int spr)
{
	v->regs.gpr[10] = 0xdead;
	exec_ok(ppc_insn_mfspr(10, spr));
	return v->regs.gpr[10];
}

/* tlbwe RS,RA,WS with RS = r5, RA = r6 */
static void tlbwe(unsigned int index, unsigned int ws, uint32_t word)
{
	v->regs.gpr[5] = word;
	v->regs.gpr[6] = index;
	exec_ok(fx_x(PPC_X_TLBWE, 5, 6, ws));
}

static uint32_t tlbre(unsigned int index, unsigned int ws)
{
	v->regs.gpr[6] = index;
	v->regs.gpr[7] = 0xdead;
	exec_ok(fx_x(PPC_X_TLBRE, 7, 6, ws));
	return (uint32_t)v->regs.gpr[7];
}

/* tlbsx. r8,0,r4: the index or -1 (CR0[EQ] clear; r8 then as it was) */
static int tlbsx(uint32_t ea)
{
	v->regs.gpr[4] = ea;
	v->regs.gpr[8] = 77;
	exec_ok(fx_x(PPC_X_TLBSX, 8, 0, 4) | 1);
	if (!(v->regs.cr & 0x20000000)) {
		CU_ASSERT_EQUAL(v->regs.gpr[8], 77);
		return -1;
	}
	return (int)v->regs.gpr[8];
}

/* entry index: EA ea, valid, address space ts, SIZE code, RPN rpn (+ ERPN),
 * supervisor read/write/execute, TID tid */
static void write_entry(unsigned int index, uint32_t ea, int ts, unsigned int size, uint32_t xlat,
			unsigned int tid)
{
	mtspr(SPR_MMUCR, tid);
	tlbwe(index, 1, xlat);
	tlbwe(index, 2, 0x00000207);		/* M, SX SW SR */
	tlbwe(index, 0, ea | 0x200 | (ts ? 0x100 : 0) | (size << 4));
}

static void test_words_read_back(void)
{
	init440();
	mtspr(SPR_MMUCR, 0x12);
	/* parity bits (word 0 28:31, word 1 22:23, word 2 0:1) are dropped */
	tlbwe(9, 0, 0x40000000 | 0x200 | 0x100 | 0x10 | 0xf);
	tlbwe(9, 1, 0x30000000 | 0x300 | 0x1);
	tlbwe(9, 2, 0xc0000000 | 0xf000 | 0x0fbf);
	mtspr(SPR_MMUCR, 0);
	CU_ASSERT_EQUAL(tlbre(9, 1), 0x30000001);
	CU_ASSERT_EQUAL(tlbre(9, 2), 0x0000ffbf);
	CU_ASSERT_EQUAL(mfspr(SPR_MMUCR), 0);
	CU_ASSERT_EQUAL(tlbre(9, 0), 0x40000310);
	CU_ASSERT_EQUAL(mfspr(SPR_MMUCR), 0x12);	/* the TID word 0 took */
	/* the index is RA's low 6 bits */
	CU_ASSERT_EQUAL(tlbre(64 + 9, 1), 0x30000001);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MMU], 7);
	CU_ASSERT_EQUAL(v->stats.program_reflected, 0);
}

static void test_generation(void)
{
	uint32_t g;

	init440();
	g = tlb.generation;
	tlbwe(3, 2, 0x3f);
	CU_ASSERT_NOT_EQUAL(tlb.generation, g);
	g = tlb.generation;
	tlbre(3, 2);
	tlbsx(0x1000);
	CU_ASSERT_EQUAL(tlb.generation, g);
}

static void test_search(void)
{
	init440();
	write_entry(4, 0x00010000, 0, 2, 0x30000000 | 1, 0);	/* 16 KiB, any PID */
	write_entry(5, 0x00100000, 0, 1, 0x00200000, 7);	/* 4 KiB, TID 7 */
	write_entry(6, 0x00200000, 1, 1, 0x00300000, 0);	/* 4 KiB, address space 1 */
	mtspr(SPR_MMUCR, 0);
	CU_ASSERT_EQUAL(tlbsx(0x00013ffc), 4);
	CU_ASSERT_EQUAL(tlbsx(0x00014000), -1);
	CU_ASSERT_EQUAL(tlbsx(0x00100000), -1);			/* TID 7 under MMUCR[STID] 0 */
	CU_ASSERT_EQUAL(tlbsx(0x00200000), -1);			/* address space 0 */
	mtspr(SPR_MMUCR, 7);
	CU_ASSERT_EQUAL(tlbsx(0x00100abc), 5);
	CU_ASSERT_EQUAL(tlbsx(0x00013ffc), 4);			/* TID 0 matches every PID */
	mtspr(SPR_MMUCR, 0x00010000);				/* STS */
	CU_ASSERT_EQUAL(tlbsx(0x00200000), 6);
	/* lookups for the shadow: the guest's PID, its address space */
	CU_ASSERT_EQUAL(ppcpv_440_tlb_lookup(&tlb, 0x00100000, 0, 7), 5);
	CU_ASSERT_EQUAL(ppcpv_440_tlb_lookup(&tlb, 0x00100000, 0, 6), -1);
	CU_ASSERT_EQUAL(ppcpv_440_tlbe_log2(&tlb.e[4]), 14);
	CU_ASSERT_EQUAL(ppcpv_440_tlbe_gpa(&tlb.e[4], 0x00012345), 0x130002345ull);
	/* an invalid entry (word 0 rewritten with V clear) is gone */
	tlbwe(4, 0, 0x00010000 | (2 << 4));
	mtspr(SPR_MMUCR, 0);
	CU_ASSERT_EQUAL(tlbsx(0x00013ffc), -1);
}

static void test_cr0(void)
{
	init440();
	write_entry(0, 0, 0, 7, 0, 0);
	v->regs.cr = 0x0fffffff;
	v->regs.xer = 0x80000000;				/* SO */
	CU_ASSERT_EQUAL(tlbsx(0x1000), 0);
	CU_ASSERT_EQUAL(v->regs.cr, 0x3fffffff);		/* EQ and SO; CR1-7 kept */
	v->regs.xer = 0;
	CU_ASSERT_EQUAL(tlbsx(0x40000000), -1);
	CU_ASSERT_EQUAL(v->regs.cr, 0x0fffffff);
	/* without Rc CR0 stays */
	v->regs.gpr[4] = 0x1000;
	exec_ok(fx_x(PPC_X_TLBSX, 8, 0, 4));
	CU_ASSERT_EQUAL(v->regs.gpr[8], 0);
	CU_ASSERT_EQUAL(v->regs.cr, 0x0fffffff);
}

/* What a 440 lacks goes back to the guest, unemulated. */
static void test_not_emulated(void)
{
	const uint32_t not_emulated[] = {
		fx_x(PPC_X_TLBIVAX, 0, 0, 5),			/* no tlbivax on the 440 */
		fx_x(PPC_X_TLBWE, 5, 6, 3),			/* no word 3 */
		fx_x(PPC_X_TLBRE, 5, 6, 3),
		ppc_insn_mfspr(3, PPC_BOOK3S_SPR_DAR),		/* neither the arch's nor MMUCR */
	};
	unsigned int i;

	for (i = 0; i < sizeof(not_emulated) / sizeof(not_emulated[0]); i++) {
		init440();
		CU_ASSERT_EQUAL(fx_booke_exec(not_emulated[i]), PPCPV_RUN_RESUME);
		CU_ASSERT_EQUAL(v->stats.program_reflected, 1);
		CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MMU], 0);
		CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_TLB_INVALIDATE], 0);
	}
	/* the arch's own SPRs are still its: PID */
	init440();
	mtspr(SPR_PID, 0x1ff);
	CU_ASSERT_EQUAL(ppcpv_booke_pid(v), 0xff);
}

PPCPV_SUITE(host_booke440, "host-booke440", NULL, NULL,
	{ "tlbwe/tlbre: three words, the TID through MMUCR", test_words_read_back },
	{ "the TLB's generation changes on writes only", test_generation },
	{ "tlbsx: MMUCR's TID and address space; lookups; gpa", test_search },
	{ "tlbsx.: CR0 EQ and SO", test_cr0 },
	{ "tlbivax and bad words go back to the guest", test_not_emulated })
